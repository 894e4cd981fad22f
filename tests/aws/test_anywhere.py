"""A deploy on a real account, shaped by a moto server: any region, no --ami, checked first, the checkout shipped."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from botocore.stub import Stubber

from botbaby.cli import main
from botbaby.deploy.aws.clients import AwsClients
from botbaby.deploy.aws.handler import Api
from botbaby.deploy.aws.names import TAG
from botbaby.deploy.aws.preflight import find_ami, preflight
from botbaby.deploy.aws.stack import deploy_aws, teardown_aws
from botbaby.errors import BotbabyError

CHECKOUT = Path(__file__).parents[2]
NEWEST_DL_AMI = "ami-0dl0base000000new"  # the newest x86_64 Deep Learning Base AMI in amis.json (tf engine)
NEWEST_PT_AMI = "ami-0dl0pytorch29new"  # the newest x86_64 Deep Learning PyTorch AMI in amis.json (torch engine)


def tagged_leftovers(region: str, stack: str) -> list[str]:
    """Everything still carrying the stack's tag (terminated instances keep their tags, so they do not count)."""
    clients = AwsClients(region)
    found = [
        r["ResourceARN"]
        for page in clients("resourcegroupstaggingapi")
        .get_paginator("get_resources")
        .paginate(TagFilters=[{"Key": TAG, "Values": [stack]}])
        for r in page["ResourceTagMappingList"]
    ]
    terminated = {
        i["InstanceId"]
        for r in clients("ec2").describe_instances()["Reservations"]
        for i in r["Instances"]
        if i["State"]["Name"] in ("shutting-down", "terminated")
    }
    return [arn for arn in found if not any(arn.endswith(f"instance/{i}") for i in terminated)]


def test_deploy_in_ap_south_1_without_an_ami_twice_then_teardown_leaves_nothing_tagged(trained_data, aws_env, capsys):
    args = ["deploy", "aws", "--data", str(trained_data), "--name", "bb-mumbai", "--region", "ap-south-1"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert "created    ec2-instance" in first and "created    cloudwatch-alarm" in first
    ec2 = AwsClients("ap-south-1")("ec2")
    template = ec2.describe_launch_template_versions(LaunchTemplateName="bb-mumbai-worker", Versions=["$Default"])
    assert template["LaunchTemplateVersions"][0]["LaunchTemplateData"]["ImageId"] == NEWEST_PT_AMI  # newest x86_64 one

    assert main(args) == 0
    out = capsys.readouterr().out
    assert "(bb-mumbai, ap-south-1): 0 change(s)" in out
    lines = [line for line in out.splitlines() if not line.startswith(("page:", "api:", "note:", "botbaby on AWS"))]
    assert lines and all(line.startswith("unchanged ") for line in lines), lines

    assert main(["teardown", "aws", "--name", "bb-mumbai", "--region", "ap-south-1"]) == 0
    assert tagged_leftovers("ap-south-1", "bb-mumbai") == []


def test_the_bucket_holds_a_wheel_of_this_checkout_and_the_pinned_versions(deployed, clients, tmp_path):
    s3, bucket = clients("s3"), "bb-test-123456789012-us-east-1"
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix="artifacts/")["Contents"]]
    [wheel_key] = [key for key in keys if key.endswith(".whl")]
    [constraints_key] = [key for key in keys if key.endswith("constraints.txt")]
    wheel = s3.get_object(Bucket=bucket, Key=wheel_key)["Body"].read()
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        for module in ("botbaby/deploy/aws/worker.py", "botbaby/generate.py", "botbaby/deploy/aws/user-data.sh"):
            assert archive.read(module) == (CHECKOUT / module).read_bytes()
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    assert 'Requires-Dist: gpt-2-simple>=0.8.1; extra == "train"' in metadata
    (tmp_path / wheel_key.rsplit("/", 1)[1]).write_bytes(wheel)
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(tmp_path / "site"),
         str(tmp_path / wheel_key.rsplit("/", 1)[1])],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    assert (tmp_path / "site" / "botbaby" / "deploy" / "aws" / "worker.py").is_file()
    pins = dict(
        line.split("==") for line in s3.get_object(Bucket=bucket, Key=constraints_key)["Body"].read().decode().split()
    )
    import importlib.metadata

    for package in ("transformers", "safetensors", "boto3", "numpy"):  # the torch engine's (the default)
        assert pins[package] == importlib.metadata.version(package)
    assert "torch" not in pins and "tensorflow" not in pins  # the worker keeps the AMI's CUDA torch


def test_a_changed_checkout_reaches_the_stopped_worker_by_replacing_it(deployed, trained_data, clients):
    ec2 = clients("ec2")
    ec2.stop_instances(InstanceIds=[deployed.instance_id])
    again = deploy_aws(
        trained_data, name="bb-test", region="us-east-1", ami=deployed_ami(clients), retry_wait_s=0, sides=["left"]
    )
    actions = {(a.resource, a.action) for a in again.actions}
    assert ("ec2-launch-template", "updated") in actions and ("ec2-instance", "replaced") in actions
    assert again.instance_id != deployed.instance_id
    assert any("replaced the stopped worker" in note for note in again.notes)
    old = ec2.describe_instances(InstanceIds=[deployed.instance_id])["Reservations"][0]["Instances"][0]
    assert old["State"]["Name"] in ("shutting-down", "terminated")
    alarm = clients("cloudwatch").describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": again.instance_id}]  # the alarm follows
    env = clients("lambda").get_function_configuration(FunctionName="bb-test-api")["Environment"]["Variables"]
    assert Api.from_env(env).worker.current()["InstanceId"] == again.instance_id


def test_a_running_worker_from_an_older_template_is_reported_not_killed(deployed, trained_data, clients):
    again = deploy_aws(
        trained_data, name="bb-test", region="us-east-1", ami=deployed_ami(clients), retry_wait_s=0, sides=["left"]
    )
    assert ("ec2-instance", deployed.instance_id, "outdated") in {(a.resource, a.name, a.action) for a in again.actions}
    assert any("finishes the jobs it holds and stops itself" in note for note in again.notes)


def deployed_ami(clients) -> str:
    return clients("ec2").describe_launch_template_versions(LaunchTemplateName="bb-test-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]["ImageId"]


def test_the_ami_comes_from_ssm_when_it_has_the_parameter(aws_env):
    clients = AwsClients("eu-west-1")
    with Stubber(clients("ssm")) as ssm:
        ssm.add_response("get_parameter", {"Parameter": {"Name": "x", "Type": "String", "Value": "ami-0fromssm"}})
        assert find_ami(clients) == "ami-0fromssm"


def test_no_ami_anywhere_is_a_one_line_error_asking_for_ami(aws_env):
    clients = AwsClients("eu-west-1")
    with Stubber(clients("ssm")) as ssm, Stubber(clients("ec2")) as ec2:
        ssm.add_client_error("get_parameter", "ParameterNotFound")
        ec2.add_response("describe_images", {"Images": []})
        with pytest.raises(
            BotbabyError, match=r"no Deep Learning Base GPU AMI found in eu-west-1 .*pass --ami"
        ) as error:
            find_ami(clients)
    assert "\n" not in str(error.value)


def test_a_zero_gpu_quota_stops_the_deploy_before_anything_is_created(trained_data, aws_env):
    clients = AwsClients("us-east-1")
    with Stubber(clients("service-quotas", attempts=2)) as quotas:
        quotas.add_response("get_service_quota", {"Quota": {"QuotaCode": "L-DB2E81BA", "Value": 0.0}})
        with pytest.raises(
            BotbabyError, match=r"vCPU quota in us-east-1 is 0, and one g4dn.xlarge needs 4: .*L-DB2E81BA"
        ):
            preflight(clients, "g4dn.xlarge")
    with Stubber(clients("service-quotas", attempts=2)) as quotas:
        quotas.add_response("get_service_quota", {"Quota": {"QuotaCode": "L-DB2E81BA", "Value": 8.0}})
        assert preflight(clients, "g4dn.xlarge").quota == 8.0
    with Stubber(clients("service-quotas", attempts=2)) as quotas:  # never changed: AWS's default applies
        quotas.add_client_error("get_service_quota", "NoSuchResourceException")
        quotas.add_response("get_aws_default_service_quota", {"Quota": {"QuotaCode": "L-3819A6DF", "Value": 0.0}})
        with pytest.raises(BotbabyError, match="All G and VT Spot Instance Requests"):
            preflight(clients, "g4dn.xlarge", spot=True)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--region", "ap-south1"], "unknown AWS region 'ap-south1' (did you mean 'ap-south-1'?)"),
        (["--instance-type", "g4dn.huge"], "g4dn.huge is not offered in us-east-1"),
    ],
)
def test_preflight_failures_are_one_line_with_the_fix(trained_data, aws_env, capsys, args, message):
    assert main(["deploy", "aws", "--data", str(trained_data), "--name", "bb-pre", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert AwsClients("us-east-1")("s3").list_buckets()["Buckets"] == []  # nothing was created


def test_no_default_vpc_says_how_to_create_one(trained_data, aws_env):
    ec2 = AwsClients("us-east-1")("ec2")
    vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    for subnet in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"]:
        ec2.delete_subnet(SubnetId=subnet["SubnetId"])
    for gateway in ec2.describe_internet_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": [vpc]}])[
        "InternetGateways"
    ]:
        ec2.detach_internet_gateway(InternetGatewayId=gateway["InternetGatewayId"], VpcId=vpc)
    ec2.delete_vpc(VpcId=vpc)
    with pytest.raises(BotbabyError, match=r"no default VPC in us-east-1: create one with `aws ec2 create-default-vpc"):
        deploy_aws(trained_data, name="bb-novpc", region="us-east-1")


def test_no_capacity_in_one_zone_launches_in_the_next(trained_data, aws_env):
    from botbaby.deploy.aws.create import Deploy
    from botbaby.deploy.aws.preflight import Preflight
    from botbaby.deploy.aws.settings import DeploySettings

    clients = AwsClients("us-east-1")
    run = Deploy(
        clients,
        DeploySettings(name="bb-az"),
        0,
        Preflight(subnets={"us-east-1a": "subnet-a", "us-east-1b": "subnet-b"}),
    )
    with Stubber(clients("ec2")) as ec2:
        ec2.add_client_error("run_instances", "InsufficientInstanceCapacity", expected_params=None)
        ec2.add_response("run_instances", {"Instances": [{"InstanceId": "i-0inzoneb"}]}, expected_params=None)
        assert run._launch("1") == "i-0inzoneb"
    assert run.notes == ["no g4dn.xlarge capacity in us-east-1a now"]
    with Stubber(clients("ec2")) as ec2:
        for _ in range(2):
            ec2.add_client_error("run_instances", "InsufficientInstanceCapacity", expected_params=None)
        with pytest.raises(BotbabyError, match="no g4dn.xlarge capacity in us-east-1a, us-east-1b right now: .*--spot"):
            run._launch("1")


def test_the_same_name_in_two_regions_are_two_stacks(trained_data, aws_env):
    deploy_aws(trained_data, name="bb-twice", region="us-east-1", retry_wait_s=0)
    deploy_aws(trained_data, name="bb-twice", region="ap-south-1", retry_wait_s=0)
    teardown_aws("bb-twice", "us-east-1")
    s3, iam = AwsClients("ap-south-1")("s3"), AwsClients("ap-south-1")("iam")
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["bb-twice-123456789012-ap-south-1"]
    assert {r["RoleName"] for r in iam.list_roles()["Roles"]} == {
        "bb-twice-ap-south-1-api",
        "bb-twice-ap-south-1-worker",
    }
    teardown_aws("bb-twice", "ap-south-1")
    assert tagged_leftovers("ap-south-1", "bb-twice") == []


def test_spot_worker_is_a_persistent_request_that_stops(trained_data, aws_env):
    result = deploy_aws(trained_data, name="bb-spot", region="us-east-1", retry_wait_s=0, spot=True)
    ec2 = AwsClients("us-east-1")("ec2")
    data = ec2.describe_launch_template_versions(LaunchTemplateName="bb-spot-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]
    assert data["InstanceMarketOptions"]["SpotOptions"] == {
        "SpotInstanceType": "persistent",
        "InstanceInterruptionBehavior": "stop",
    }
    assert data["InstanceInitiatedShutdownBehavior"] == "stop"
    actions = {(a.resource, a.name): a.action for a in teardown_aws("bb-spot", "us-east-1")}
    assert actions[("ec2-instance", result.instance_id)] == "deleted"


def test_logs_and_api_stage_settings_and_their_removal(deployed, clients):
    logs = clients("logs")
    groups = {
        g["logGroupName"]: g for g in logs.describe_log_groups(logGroupNamePrefix="/botbaby/bb-test/")["logGroups"]
    }
    assert set(groups) == {"/botbaby/bb-test/worker", "/botbaby/bb-test/api-access"}
    assert all(g["retentionInDays"] == 30 for g in groups.values())
    apigw = clients("apigatewayv2")
    api = next(api for api in apigw.get_apis()["Items"] if api["Name"] == "bb-test-http")
    stage = apigw.get_stages(ApiId=api["ApiId"])["Items"][0]
    assert stage["DefaultRouteSettings"]["ThrottlingRateLimit"] == 10.0
    assert stage["DefaultRouteSettings"]["ThrottlingBurstLimit"] == 20
    assert stage["DefaultRouteSettings"]["DetailedMetricsEnabled"] is True
    assert stage["AccessLogSettings"]["DestinationArn"].endswith(":log-group:/botbaby/bb-test/api-access")
    assert json.loads(stage["AccessLogSettings"]["Format"])["route"] == "$context.routeKey"
    actions = {(a.resource, a.name): a.action for a in teardown_aws("bb-test", "us-east-1")}
    assert actions[("logs-log-group", "/botbaby/bb-test/worker")] == "deleted"
    assert actions[("cloudwatch-alarm", "bb-test-worker-idle")] == "deleted"
    assert logs.describe_log_groups(logGroupNamePrefix="/botbaby/bb-test/")["logGroups"] == []


def test_teardown_keeps_the_log_group_of_a_function_it_skipped(aws_env, clients):
    logs = clients("logs")
    logs.create_log_group(logGroupName="/aws/lambda/bb-other-api")
    role = clients("iam").create_role(RoleName="r", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    clients("lambda").create_function(
        FunctionName="bb-other-api", Role=role, Runtime="python3.12", Handler="x.y", Code={"ZipFile": b"PK"}
    )
    actions = {(a.resource, a.name): a.action for a in teardown_aws("bb-other", "us-east-1")}
    assert actions[("lambda-function", "bb-other-api")] == "skipped"
    assert ("logs-log-group", "/aws/lambda/bb-other-api") not in actions
    assert logs.describe_log_groups(logGroupNamePrefix="/aws/lambda/bb-other-api")["logGroups"]
