"""The worker on the PyTorch Deep Learning AMI with the torch engine (the default): no TensorFlow at boot.

The AMI is looked up on a moto server (SSM has no Deep Learning parameters there: DescribeImages finds it),
the user data runs under bash with stand-in commands, and the archive the deploy uploads is opened.
"""

import base64
import io
import json
import re
import tarfile

import pytest
from botocore.stub import Stubber

from botbaby.deploy.aws.artifacts import pinned_constraints
from botbaby.deploy.aws.clients import AwsClients
from botbaby.deploy.aws.preflight import PT_AMI_PARAMETER, find_ami
from botbaby.deploy.aws.stack import deploy_aws
from botbaby.deploy.aws.worker import check_gpu
from botbaby.errors import BotbabyError

from .test_failsafe import user_data_runner

BUCKET = "bb-test-123456789012-us-east-1"


def test_the_pytorch_ami_is_the_newest_x86_64_one_describe_images_lists(aws_env):
    clients = AwsClients("ap-south-1")
    assert find_ami(clients, "torch") == "ami-0dl0pytorch29new"  # not 2.8, not the ARM64 one, not the newer Ubuntu 22.04 one, not the Base AMI
    assert find_ami(clients, "tf") == "ami-0dl0base000000new"


def test_the_pytorch_ami_comes_from_its_ssm_parameter_first(aws_env):
    clients = AwsClients("eu-west-1")
    with Stubber(clients("ssm")) as ssm:
        ssm.add_response(
            "get_parameter",
            {"Parameter": {"Name": PT_AMI_PARAMETER, "Type": "String", "Value": "ami-0pytorchssm"}},
            {"Name": PT_AMI_PARAMETER},
        )
        assert find_ami(clients, "torch") == "ami-0pytorchssm"
    assert PT_AMI_PARAMETER.startswith("/aws/service/deeplearning/ami/x86_64/oss-nvidia-driver-gpu-pytorch-")


def test_no_pytorch_ami_is_a_one_line_error_asking_for_ami(aws_env):
    clients = AwsClients("eu-west-1")
    with Stubber(clients("ssm")) as ssm, Stubber(clients("ec2")) as ec2:
        ssm.add_client_error("get_parameter", "ParameterNotFound")
        ec2.add_response("describe_images", {"Images": []})
        with pytest.raises(BotbabyError, match=r"no Deep Learning PyTorch GPU AMI found .*/opt/pytorch") as error:
            find_ami(clients, "torch")
    assert "\n" not in str(error.value)


def launch_template_data(clients, stack="bb-test"):
    return clients("ec2").describe_launch_template_versions(LaunchTemplateName=f"{stack}-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]


def test_a_deploy_without_ami_uses_the_pytorch_ami_and_installs_no_tensorflow(trained_data, aws_env, clients):
    deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0)
    data = launch_template_data(clients)
    assert data["ImageId"] == "ami-0dl0pytorch29new"
    script = base64.b64decode(data["UserData"]).decode()
    assert 'ENGINE="torch"' in script
    settings = json.loads(re.search(r"<<'BOTBABY_WORKER_JSON'\n(.*?)\nBOTBABY_WORKER_JSON\n", script, re.S).group(1))
    assert settings["engine"] == "torch"
    s3 = clients("s3")
    [key] = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="artifacts/")["Contents"]
             if o["Key"].endswith("constraints.txt")]  # fmt: skip
    pins = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read().decode().split()
    names = {pin.split("==")[0] for pin in pins}
    assert "transformers" in names and "boto3" in names
    assert not names & {"torch", "tensorflow", "gpt-2-simple", "triton"}  # the AMI's torch stays; no TensorFlow


def test_the_torch_user_data_builds_a_venv_over_the_amis_torch_and_never_installs_tensorflow(tmp_path):
    status, commands, root = user_data_runner(tmp_path, "torch")()
    assert status == 0
    assert "python -m venv --system-site-packages --without-pip " + str(root / "opt/botbaby/venv") in commands  # the AMI's python
    assert not any(c.startswith("python3 -m venv") for c in commands)  # not the OS python, not uv
    installs = [c for c in commands if " -m pip install " in c and "--upgrade pip" not in c]
    assert installs == [
        "python -m pip install -q boto3==" + installs[0].split("boto3==")[1],
        f"python -m pip install -q -c {root}/opt/botbaby/constraints.txt "
        f"{root}/opt/botbaby/botbaby-0.1.0+gabc-py3-none-any.whl[torch,aws,serve]",
    ]
    assert not any("tensorflow" in c for c in commands)
    # pip may not replace the AMI's CUDA torch: it is pinned at the version the AMI has
    assert (root / "opt/botbaby/constraints.txt").read_text().splitlines()[-1] == "torch==2.9.0+cu128"
    pth = root / "opt/botbaby/venv/lib/python3.12/site-packages/botbaby-ami-python.pth"
    assert pth.read_text().split() == ["/opt/pytorch/lib/python3.12/site-packages"]  # /opt/pytorch is a venv
    assert (root / "etc/botbaby/installed").is_file()


def test_a_failing_torch_install_powers_off(tmp_path):
    status, commands, root = user_data_runner(tmp_path, "torch")(fail_on="import torch")  # no torch on that AMI
    assert status != 0 and commands[-1] == "poweroff-stand-in "
    assert not (root / "etc/botbaby/installed").exists()


def archive_names(clients, side):
    body = clients("s3").get_object(Bucket=BUCKET, Key=f"models/{side}.tar.gz")["Body"].read()
    with tarfile.open(fileobj=io.BytesIO(body)) as tar:
        return sorted(tar.getnames())


def test_the_torch_engine_ships_the_export_not_the_tensorflow_checkpoint(deployed, clients):
    assert archive_names(clients, "left") == [
        "model/hf/config.json",
        "model/hf/export_info.json",
        "model/hf/merges.txt",
        "model/hf/model.safetensors",
        "model/hf/vocab.json",
        "punkt.pickle",
    ]


def test_the_tf_engine_ships_the_checkpoint_on_the_base_ami(trained_data, ami, aws_env, clients):
    deploy_aws(trained_data, name="bb-test", region="us-east-1", ami=ami, retry_wait_s=0, engine="tf")
    names = archive_names(clients, "left")
    assert "model/model-10.data-00000-of-00001" in names and "model/hparams.json" in names
    script = base64.b64decode(launch_template_data(clients)["UserData"]).decode()
    assert 'ENGINE="tf"' in script


def test_switching_engine_looks_up_that_engines_ami(trained_data, aws_env, clients):
    deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0, engine="tf")
    assert launch_template_data(clients)["ImageId"] == "ami-0dl0base000000new"
    deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0, engine="tf")
    assert launch_template_data(clients)["ImageId"] == "ami-0dl0base000000new"  # kept
    deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0)
    assert launch_template_data(clients)["ImageId"] == "ami-0dl0pytorch29new"  # the Base AMI has no /opt/pytorch


@pytest.mark.parametrize("damage", ["missing", "stale"])
def test_a_side_without_a_current_export_is_refused_before_anything_is_created(trained_data, aws_env, clients, damage):
    hf = trained_data / "right" / "model" / "hf"
    if damage == "missing":
        (hf / "model.safetensors").unlink()
    else:
        (trained_data / "right" / "model" / "model-10.index").write_bytes(b"retrained since the export")
    with pytest.raises(BotbabyError, match=r"side right has .* run `botbaby export right --data .*--engine tf"):
        deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0)
    assert clients("s3").list_buckets()["Buckets"] == []
    deploy_aws(trained_data, name="bb-test", region="us-east-1", retry_wait_s=0, engine="tf")  # tf needs no export


def test_the_gpu_warning_names_the_engines_framework():
    assert "PyTorch sees NO GPU" in check_gpu([], "torch") and "TensorFlow" not in check_gpu([], "torch")
    assert "TensorFlow sees NO GPU" in check_gpu([], "tf")
    assert check_gpu(["Tesla T4"], "torch") == "botbaby worker: GPUs Tesla T4"


def test_the_constraints_never_pin_torch_even_where_it_is_installed():
    import importlib.metadata

    importlib.metadata.version("torch")  # this environment has the CPU build
    pins = {line.split("==")[0] for line in pinned_constraints(("torch", "aws", "serve")).split()}
    assert "torch" not in pins and "transformers" in pins and "starlette" in pins
