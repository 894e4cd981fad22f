"""The deploying user's documented minimal policy covers every AWS call a deploy and a teardown make."""

import json
import re
from pathlib import Path

from botbaby.deploy.aws.clients import AwsClients
from botbaby.deploy.aws.policies import DEPLOYER_ACTIONS, deployer_policy

DOC = Path(__file__).parents[2] / "docs" / "aws-deploy.md"
# API operations whose IAM action has another name (S3's and Budgets' differ; the rest are the same).
IAM_ACTION = {
    ("s3", "HeadBucket"): "ListBucket",
    ("s3", "HeadObject"): "GetObject",
    ("s3", "ListObjectsV2"): "ListBucket",
    ("s3", "ListObjectVersions"): "ListBucketVersions",
    ("s3", "DeleteObjects"): "DeleteObject",
    ("s3", "GetPublicAccessBlock"): "GetBucketPublicAccessBlock",
    ("s3", "PutPublicAccessBlock"): "PutBucketPublicAccessBlock",
    ("budgets", "DescribeBudget"): "ViewBudget",
    ("budgets", "CreateBudget"): "ModifyBudget",
    ("budgets", "UpdateBudget"): "ModifyBudget",
    ("budgets", "DeleteBudget"): "ModifyBudget",
}


def test_the_documented_policy_is_the_code_policy():
    text = DOC.read_text()
    documented = json.loads(re.search(r"```json\n(.*?)\n```", text, re.S).group(1))
    assert documented == deployer_policy()


def test_a_deploy_and_a_teardown_call_only_what_the_policy_allows(trained_data, aws_env, monkeypatch):
    from botbaby.deploy.aws.stack import deploy_aws, teardown_aws

    called: set[tuple[str, str]] = set()
    original = AwsClients.__call__

    def recording(self, service, attempts=5):
        client = original(self, service, attempts)
        prefix = {"monitoring": "cloudwatch"}.get(
            client.meta.service_model.signing_name, client.meta.service_model.signing_name
        )
        if prefix == "apigateway":  # API Gateway's IAM actions are the HTTP verbs
            client.meta.events.register(
                "before-call", lambda model, **_: called.add(("apigateway", model.http["method"])), unique_id="rec"
            )
        else:
            client.meta.events.register(
                "before-call", lambda model, prefix=prefix, **_: called.add((prefix, model.name)), unique_id="rec"
            )
        return client

    monkeypatch.setattr(AwsClients, "__call__", recording)
    deploy_aws(
        trained_data, name="bb-policy", region="ap-south-1", retry_wait_s=0, budget_usd=20.0, budget_email="a@b.example"
    )
    teardown_aws("bb-policy", "ap-south-1")
    allowed = {(service, action) for service, actions in DEPLOYER_ACTIONS.items() for action in actions}
    needed = {(service, IAM_ACTION.get((service, operation), operation)) for service, operation in called}
    assert len(needed) > 60
    assert needed - allowed == set()
