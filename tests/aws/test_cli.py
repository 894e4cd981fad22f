"""``botbaby deploy aws`` and ``botbaby teardown aws`` call the same functions as the notebook."""

import json

from botbaby.cli import main


def test_deploy_and_teardown_from_the_command_line(trained_data, ami, aws_env, clients, capsys):
    assert main(["deploy", "aws", "--data", str(trained_data), "--name", "bb-cli", "--ami", ami]) == 0
    out = capsys.readouterr().out
    assert "created    s3-bucket" in out and "page: http://bb-cli-123456789012-us-east-1.s3-website-us-east-1" in out
    settings = json.loads((trained_data / "deploy" / "bb-cli.config.json").read_text())
    assert settings["instance_type"] == "g4dn.xlarge" and settings["sides"] == ["left", "right"]
    assert json.loads((trained_data / "deploy" / "bb-cli.json").read_text())["page_url"].startswith("http://bb-cli-")

    assert main(["deploy", "aws", "--data", str(trained_data), "--name", "bb-cli", "--sides", "left"]) == 0
    out = capsys.readouterr().out
    assert "updated    lambda-function" in out  # serving one side now; the AMI is kept from the template

    assert main(["teardown", "aws", "--name", "bb-cli"]) == 0
    assert "deleted    s3-bucket" in capsys.readouterr().out
    assert clients("s3").list_buckets()["Buckets"] == []


def test_bad_stack_name_is_a_one_line_error(trained_data, aws_env, capsys):
    assert main(["deploy", "aws", "--data", str(trained_data), "--name", "Bad_Name"]) == 2
    assert "invalid stack name 'Bad_Name'" in capsys.readouterr().err


def test_comprehend_sentiment_adds_only_batch_detect_sentiment_to_the_worker_role(trained_data, ami, aws_env, clients):
    from botbaby.deploy.aws.policies import SESSION_MANAGER_ACTIONS
    from botbaby.deploy.aws.stack import deploy_aws

    deploy_aws(trained_data, name="bb-cmp", region="us-east-1", ami=ami, retry_wait_s=0, sentiment="comprehend")
    document = clients("iam").get_role_policy(RoleName="bb-cmp-us-east-1-worker", PolicyName="bb-cmp-us-east-1-worker")
    wildcard = [s["Action"] for s in document["PolicyDocument"]["Statement"] if s["Resource"] == ["*"]]
    assert wildcard == [
        ["ec2:DescribeInstances", "ec2:DescribeLaunchTemplateVersions"],  # is this worker from the current template?
        sorted(SESSION_MANAGER_ACTIONS),
        ["comprehend:BatchDetectSentiment"],
    ]
