"""Deploying botbaby on AWS (against a moto server): named and tagged, least privilege, idempotent, removable."""

import json

from botbaby.deploy.aws.policies import SESSION_MANAGER_ACTIONS
from botbaby.deploy.aws.stack import SITE_DIR, TAG, deploy_aws, teardown_aws

from .conftest import export_stand_in

STACK = "bb-test"
REGION = "us-east-1"


def test_deploy_creates_every_resource_and_a_second_run_changes_nothing(deployed, trained_data, ami, capsys):
    first = {(a.resource, a.name): a.action for a in deployed.actions}
    assert set(first.values()) == {"created"}
    kinds = {resource for resource, _ in first}
    assert {
        "dynamodb-table",
        "sqs-queue",
        "s3-bucket",
        "s3-checkpoint",
        "s3-object",
        "iam-role",
        "iam-instance-profile",
        "ec2-launch-template",
        "ec2-instance",
        "lambda-function",
        "apigateway-http-api",
        "apigateway-integration",
        "apigateway-route",
        "apigateway-stage",
        "lambda-permission",
    } <= kinds
    second = deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0)
    assert [(a.resource, a.name) for a in second.actions] == [(a.resource, a.name) for a in deployed.actions]
    assert {a.action for a in second.actions} == {"unchanged"}, second.changed()
    assert second.instance_id == deployed.instance_id
    assert deployed.page_url in capsys.readouterr().out


def test_every_resource_name_starts_with_the_stack_name_and_carries_its_tag(deployed, clients):
    for action in deployed.actions:
        name = action.name.removeprefix("s3://")
        if action.resource == "logs-log-group":
            assert name.startswith(f"/botbaby/{STACK}/"), action
        else:
            assert name.startswith(STACK) or action.resource in ("ec2-instance",), action
    assert clients("s3").get_bucket_tagging(Bucket=f"{STACK}-123456789012-us-east-1")["TagSet"] == [
        {"Key": TAG, "Value": STACK}
    ]
    sqs = clients("sqs")
    for queue in (f"{STACK}-left-jobs.fifo", f"{STACK}-right-jobs.fifo", f"{STACK}-jobs-dlq.fifo"):
        url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        assert sqs.list_queue_tags(QueueUrl=url)["Tags"][TAG] == STACK
    dynamodb = clients("dynamodb")
    arn = dynamodb.describe_table(TableName=f"{STACK}-cache")["Table"]["TableArn"]
    assert {"Key": TAG, "Value": STACK} in dynamodb.list_tags_of_resource(ResourceArn=arn)["Tags"]
    instance = clients("ec2").describe_instances(InstanceIds=[deployed.instance_id])["Reservations"][0]["Instances"][0]
    assert {"Key": TAG, "Value": STACK} in instance["Tags"]
    assert clients("lambda").get_function(FunctionName=f"{STACK}-api")["Tags"][TAG] == STACK
    assert {"Key": TAG, "Value": STACK} in clients("iam").list_role_tags(RoleName=f"{STACK}-us-east-1-api")["Tags"]


def test_iam_policies_grant_no_wildcard_actions_and_name_their_resources(deployed, clients):
    iam = clients("iam")
    for role in (f"{STACK}-us-east-1-api", f"{STACK}-us-east-1-worker"):
        document = iam.get_role_policy(RoleName=role, PolicyName=role)["PolicyDocument"]
        for statement in document["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert all("*" not in action for action in actions), (role, actions)
            if statement["Resource"] == ["*"]:
                # EC2 Describe and Session Manager's channels take no resource ARNs
                assert all(a.startswith("ec2:Describe") for a in actions) or actions == sorted(
                    SESSION_MANAGER_ACTIONS
                ), statement
    worker = iam.get_role_policy(RoleName=f"{STACK}-us-east-1-worker", PolicyName=f"{STACK}-us-east-1-worker")
    stop = next(s for s in worker["PolicyDocument"]["Statement"] if s["Action"] == ["ec2:StopInstances"])
    assert stop["Condition"] == {"StringEquals": {f"aws:ResourceTag/{TAG}": STACK}}
    profile = iam.get_instance_profile(InstanceProfileName=f"{STACK}-us-east-1-worker")["InstanceProfile"]
    assert [role["RoleName"] for role in profile["Roles"]] == [f"{STACK}-us-east-1-worker"]


def test_each_side_has_a_fifo_queue_with_a_dead_letter_queue_and_a_long_visibility_timeout(deployed, clients):
    sqs = clients("sqs")
    for side in ("left", "right"):
        url = sqs.get_queue_url(QueueName=f"{STACK}-{side}-jobs.fifo")["QueueUrl"]
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        assert attributes["FifoQueue"] == "true"
        assert int(attributes["VisibilityTimeout"]) >= 120  # a generation takes 30 to 60 s on the GPU
        redrive = json.loads(attributes["RedrivePolicy"])
        assert redrive["deadLetterTargetArn"].endswith(f":{STACK}-jobs-dlq.fifo")
        assert int(redrive["maxReceiveCount"]) == 3


def test_http_api_has_cors_a_30_second_lambda_integration_and_every_route(deployed, clients):
    apigw = clients("apigatewayv2")
    api = next(api for api in apigw.get_apis()["Items"] if api["Name"] == f"{STACK}-http")
    assert api["CorsConfiguration"]["AllowOrigins"] == ["*"]
    integration = apigw.get_integrations(ApiId=api["ApiId"])["Items"][0]
    assert integration["TimeoutInMillis"] == 30000
    assert integration["IntegrationUri"].endswith(f":function:{STACK}-api")
    routes = {route["RouteKey"] for route in apigw.get_routes(ApiId=api["ApiId"])["Items"]}
    assert {
        "GET /generate",
        "GET /jobs/{id}",
        "GET /prompts",
        "GET /popular",
        "POST /feedback",
        "GET /sides",
        "GET /healthz",
    } <= routes
    policy = json.loads(clients("lambda").get_policy(FunctionName=f"{STACK}-api")["Policy"])
    assert api["ApiId"] in json.dumps(policy["Statement"])


def test_page_is_uploaded_with_a_config_pointing_at_the_api_and_checkpoints_stay_private(deployed, clients):
    s3, bucket = clients("s3"), f"{STACK}-123456789012-us-east-1"
    config_js = s3.get_object(Bucket=bucket, Key="config.js")["Body"].read().decode()
    assert f'window.BOTBABY_API = "{deployed.api_url}"' in config_js
    assert s3.get_bucket_website(Bucket=bucket)["IndexDocument"] == {"Suffix": "index.html"}
    assert json.loads(s3.get_object(Bucket=bucket, Key="prompts.json")["Body"].read()) == []
    public = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])["Statement"][0]["Resource"]
    assert f"arn:aws:s3:::{bucket}/config.js" in public
    assert not any("models" in resource or resource.endswith("/*") for resource in public)
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert {"models/left.tar.gz", "models/right.tar.gz", "index.html", "app.js", "style.css"} <= keys
    assert s3.head_object(Bucket=bucket, Key="index.html")["ContentType"] == "text/html"
    page = (SITE_DIR / "index.html").read_bytes()
    assert s3.get_object(Bucket=bucket, Key="index.html")["Body"].read() == page  # botbaby serve's own page


def test_lambda_gets_the_resources_it_talks_to_from_its_environment(deployed, clients):
    variables = clients("lambda").get_function_configuration(FunctionName=f"{STACK}-api")["Environment"]["Variables"]
    assert variables["BOTBABY_CACHE_TABLE"] == f"{STACK}-cache"
    queue_urls = json.loads(variables["BOTBABY_QUEUE_URLS"])
    assert list(queue_urls) == ["left", "right"]
    assert queue_urls["left"].endswith(f"/{STACK}-left-jobs.fifo")
    worker = json.loads(variables["BOTBABY_WORKER"])  # found by its tag: the Lambda may replace it
    assert worker["stack"] == STACK and worker["launch_template"] == f"{STACK}-worker"
    assert worker["alarm"] == f"{STACK}-worker-idle" and worker["subnets"]


def test_a_changed_checkpoint_or_setting_is_updated_and_nothing_else(deployed, trained_data, ami):
    model = trained_data / "left" / "model"  # retrained (a new checkpoint), then exported (botbaby train does both)
    (model / "checkpoint").write_text('model_checkpoint_path: "model-20"\n')
    (model / "model-20.index").write_bytes(b"index of the retrained left")
    export_stand_in(model)
    again = deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0, wait_s=10.0)
    changed = {(a.resource, a.name) for a in again.changed()}
    assert changed == {
        ("s3-checkpoint", f"s3://{STACK}-123456789012-us-east-1/models/left.tar.gz"),
        ("lambda-function", f"{STACK}-api"),
    }
    assert all(a.action == "updated" for a in again.changed())


def test_deploy_without_a_trained_model_says_what_to_run(data_dir, aws_env):
    import pytest

    from botbaby.errors import BotbabyError

    with pytest.raises(BotbabyError, match="botbaby train"):
        deploy_aws(data_dir, name=STACK, region=REGION, ami="ami-12345678")


def test_a_model_folder_without_a_checkpoint_is_not_deployed(data_dir, aws_env):
    import pytest

    from botbaby.errors import BotbabyError

    (data_dir / "left" / "model").mkdir(parents=True)  # training was interrupted before its first save
    (data_dir / "left" / "model" / "run_config.json").write_text("{}\n")
    with pytest.raises(BotbabyError, match="no trained model .*botbaby train"):
        deploy_aws(data_dir, name=STACK, region=REGION, ami="ami-12345678")
    with pytest.raises(BotbabyError, match="no checkpoint at .*botbaby train left"):
        deploy_aws(data_dir, name=STACK, region=REGION, ami="ami-12345678", sides=["left"])


def test_teardown_removes_everything_it_created_and_nothing_else(deployed, clients):
    s3, dynamodb, sqs = clients("s3"), clients("dynamodb"), clients("sqs")
    s3.create_bucket(Bucket="someone-elses-bucket")
    dynamodb.create_table(
        TableName=f"{STACK}-cache-backup",
        AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    sqs.create_queue(QueueName="unrelated-jobs")

    actions = teardown_aws(STACK, REGION)

    assert {a.action for a in actions} <= {"deleted", "absent"}
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["someone-elses-bucket"]
    assert dynamodb.list_tables()["TableNames"] == [f"{STACK}-cache-backup"]
    assert [url.rsplit("/", 1)[1] for url in sqs.list_queues().get("QueueUrls", [])] == ["unrelated-jobs"]
    assert clients("lambda").list_functions()["Functions"] == []
    assert clients("apigatewayv2").get_apis()["Items"] == []
    assert not [r for r in clients("iam").list_roles()["Roles"] if r["RoleName"].startswith(STACK)]
    states = {
        i["State"]["Name"]
        for r in clients("ec2").describe_instances(InstanceIds=[deployed.instance_id])["Reservations"]
        for i in r["Instances"]
    }
    assert states <= {"shutting-down", "terminated"}
    assert {a.action for a in teardown_aws(STACK, REGION)} == {"absent"}


def test_teardown_leaves_a_same_named_resource_without_the_stack_tag(aws_env, clients):
    clients("sqs").create_queue(QueueName=f"{STACK}-left-jobs.fifo", Attributes={"FifoQueue": "true"})
    actions = {(a.resource, a.name): a.action for a in teardown_aws(STACK, REGION)}
    assert actions[("sqs-queue", f"{STACK}-left-jobs.fifo")] == "skipped"
    assert clients("sqs").get_queue_url(QueueName=f"{STACK}-left-jobs.fifo")["QueueUrl"]


def test_missing_credentials_are_a_one_line_error(trained_data, aws_env, monkeypatch):
    import pytest

    from botbaby.errors import BotbabyError

    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(BotbabyError, match="no AWS credentials for the deploy"):
        deploy_aws(trained_data, name=STACK, region=REGION, ami="ami-12345678")


def test_an_aws_refusal_names_the_call_and_says_a_rerun_resumes():
    import pytest
    from botocore.exceptions import ClientError

    from botbaby.deploy.aws.resources import aws_errors
    from botbaby.errors import BotbabyError

    no_vpc = ClientError(
        {"Error": {"Code": "VPCIdNotSpecified", "Message": "No default VPC for this user"}}, "RunInstances"
    )
    with pytest.raises(
        BotbabyError, match=r"AWS refused RunInstances during the deploy: VPCIdNotSpecified: No default VPC"
    ):
        with aws_errors("deploy"):
            raise no_vpc


def test_deploy_refuses_to_adopt_a_same_named_resource_of_someone_else(trained_data, ami, clients):
    import pytest

    from botbaby.errors import BotbabyError

    clients("dynamodb").create_table(
        TableName=f"{STACK}-cache",
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    with pytest.raises(BotbabyError, match=f"dynamodb-table {STACK}-cache exists but is not part of stack {STACK}"):
        deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0)
