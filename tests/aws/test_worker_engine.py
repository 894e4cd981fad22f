"""The worker end to end with the real generation engine: checkpoints deployed to S3, pulled, loaded, used."""

import shutil

import pytest

from botbaby.contract import SENTIMENTS, GenerateRequest, SampleSettings
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.deploy.aws.stack import deploy_aws
from botbaby.deploy.aws.worker import run


@pytest.mark.slow
def test_worker_pulls_tiny_checkpoints_from_s3_generates_with_them_and_stops_when_idle(
    tiny_models, tmp_path, clients, ami, launched_worker_settings
):
    data = tmp_path / "data"
    shutil.copytree(tiny_models, data)  # tiny_models is shared: deploy writes DATA/deploy/
    deployed = deploy_aws(data, name="bb-engine", region="us-east-1", ami=ami, retry_wait_s=0, engine="tf")
    settings = launched_worker_settings("bb-engine")
    settings.data, settings.idle_stop_s, settings.poll_s = str(tmp_path / "instance"), 1.0, 0.2
    request = GenerateRequest("left", "The economy", SampleSettings(num_samples=8, length=60))
    SqsQueue(settings.queue_urls["left"], clients).submit(request)

    stats = run(settings, instance_id=deployed.instance_id)  # no stand-in: botbaby.generate.Generator

    assert (stats["left"]["done"], stats["left"]["loads"], stats["right"]["loads"]) == (1, 1, 0)
    assert (tmp_path / "instance" / "left" / "model" / "checkpoint").is_file()
    posts = DynamoCache(settings.cache_table, clients).peek(request.key)
    assert posts is not None and len(posts) <= 10
    assert all(post.sentiment in SENTIMENTS and 0 <= post.score <= 1 for post in posts)
    state = clients("ec2").describe_instances(InstanceIds=[deployed.instance_id])["Reservations"][0]["Instances"][0]
    assert state["State"]["Name"] == "stopped"


@pytest.mark.slow
def test_the_torch_worker_pulls_the_export_and_generates_in_a_python_without_tensorflow(
    tiny_models, tmp_path, clients, ami, launched_worker_settings
):
    import importlib.util
    import json
    from pathlib import Path

    helpers = Path(__file__).parents[1] / "export" / "export_helpers.py"
    spec = importlib.util.spec_from_file_location("export_helpers", helpers)
    export_helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export_helpers)

    data = tmp_path / "data"
    shutil.copytree(tiny_models, data)  # botbaby train exported each side to model/hf/
    deployed = deploy_aws(data, name="bb-torch", region="us-east-1", ami=ami, retry_wait_s=0)  # engine: torch
    settings = launched_worker_settings("bb-torch")
    assert settings.engine == "torch"
    settings.data, settings.idle_stop_s, settings.poll_s = str(tmp_path / "instance"), 1.0, 0.2
    request = GenerateRequest("left", "The economy", SampleSettings(num_samples=8, length=60))
    SqsQueue(settings.queue_urls["left"], clients).submit(request)

    code = (
        "import json\n"
        "from botbaby.deploy.aws.worker import WorkerSettings, run\n"
        "stats = run(WorkerSettings.from_dict(json.loads(sys.argv[1])), instance_id=sys.argv[2])\n"
        "assert 'tensorflow' not in sys.modules\n"
        "print(json.dumps(stats))\n"
    )
    done = export_helpers.run_without_tensorflow(code, json.dumps(settings.to_dict()), deployed.instance_id)
    stats = json.loads(done.stdout.strip().splitlines()[-1])

    assert (stats["left"]["done"], stats["left"]["loads"], stats["right"]["loads"]) == (1, 1, 0)
    assert "PyTorch sees NO GPU" in done.stdout  # this machine has none: the loud warning, not a silent CPU run
    pulled = tmp_path / "instance" / "left" / "model"
    assert (pulled / "hf" / "model.safetensors").is_file() and not (pulled / "checkpoint").exists()
    posts = DynamoCache(settings.cache_table, clients).peek(request.key)
    assert posts is not None and 0 < len(posts) <= 10
    assert all(post.sentiment in SENTIMENTS and 0 <= post.score <= 1 for post in posts)
