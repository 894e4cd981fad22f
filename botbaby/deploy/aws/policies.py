"""The stack's IAM policies: least privilege for the worker and the Lambda, and what the deploying user needs.

    >>> names = StackNames("botbaby-demo", region="us-east-1", account="123456789012")
    >>> [s["Action"] for s in api_policy(names, [])["Statement"]][-1]
    ['logs:CreateLogGroup']

No ``*`` actions; resources are named one by one, except for the few actions AWS gives no
resource-level permissions (EC2's Describe calls, Comprehend's detect calls, Session Manager's
channels), which accept only ``"*"``.
"""

from collections.abc import Sequence
from typing import Any

from botbaby.deploy.aws.names import TAG, StackNames

MODELS_PREFIX = "models/"  # s3://BUCKET/models/SIDE.tar.gz: one checkpoint archive per side
ARTIFACTS_PREFIX = "artifacts/"  # s3://BUCKET/artifacts/: the botbaby wheel and its constraints
PROMPTS_KEY = "prompts.json"  # the page's autocomplete file, next to index.html
COMPARE_KEY = "compare.json"  # beside the page: its "How they differ" figures (botbaby.formats.page_view)
# What an instance needs for Session Manager (`aws ssm start-session --target i-...`), from
# AmazonSSMManagedInstanceCore without the rest: these take no resource ARNs.
SESSION_MANAGER_ACTIONS = (
    "ssm:UpdateInstanceInformation",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
)


def policy(grants: Sequence[tuple[Sequence[str], Any]]) -> dict[str, Any]:
    """An IAM policy from (actions, resources) grants; resources may be a dict with a Condition."""
    statements = []
    for actions, resources in grants:
        statement = {"Effect": "Allow", "Action": sorted(actions)}
        statement.update(resources if isinstance(resources, dict) else {"Resource": resources})
        statements.append(statement)
    return {"Version": "2012-10-17", "Statement": statements}


def tagged_instances(names: StackNames) -> dict[str, Any]:
    """The stack's instances (and only those): any instance carrying its tag."""
    return {
        "Resource": [names.arn("ec2", "instance/*")],
        "Condition": {"StringEquals": {f"aws:ResourceTag/{TAG}": names.name}},
    }


def worker_policy(names: StackNames, queue_arns: list[str], comprehend: bool = False) -> dict[str, Any]:
    """The worker's role: its queues, the cache, its files in the bucket, its log group, stopping itself."""
    grants = [
        (
            ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"),
            queue_arns,
        ),
        (
            ("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan"),
            [names.arn("dynamodb", f"table/{names.cache_table}")],
        ),
        (
            ("s3:GetObject",),
            [names.s3_arn(f"{MODELS_PREFIX}*"), names.s3_arn(f"{ARTIFACTS_PREFIX}*"), names.s3_arn(PROMPTS_KEY)],
        ),
        (("s3:PutObject",), [names.s3_arn(PROMPTS_KEY)]),
        (("ec2:StopInstances",), tagged_instances(names)),
        # Is this worker from the launch template's default version? (Describe calls accept only "*".)
        (("ec2:DescribeInstances", "ec2:DescribeLaunchTemplateVersions"), ["*"]),
        (
            ("logs:CreateLogStream", "logs:PutLogEvents"),
            [names.arn("logs", f"log-group:{names.worker_log_group}:*")],
        ),
        (SESSION_MANAGER_ACTIONS, ["*"]),
    ]
    if comprehend:
        # Comprehend's detect APIs take no resource ARNs: "*" is the only resource they accept.
        grants.append((("comprehend:BatchDetectSentiment",), ["*"]))
    return policy(grants)


def replace_worker_grants(names: StackNames) -> list[tuple[Sequence[str], Any]]:
    """What the Lambda needs to replace the stopped worker (another zone, a newer launch template): launch an
    instance from the stack's template tagged as the stack's, hand it the worker role, move the idle alarm."""
    launched = [
        names.arn("ec2", "instance/*"),
        names.arn("ec2", "volume/*"),
        names.arn("ec2", "spot-instances-request/*"),
    ]
    return [
        (
            ("ec2:RunInstances",),
            {"Resource": [launched[0]], "Condition": {"StringEquals": {f"aws:RequestTag/{TAG}": names.name}}},
        ),
        (
            ("ec2:RunInstances",),
            [
                *launched[1:],
                names.arn("ec2", "launch-template/*"),
                names.arn("ec2", "subnet/*"),
                names.arn("ec2", "network-interface/*"),
                names.arn("ec2", "security-group/*"),
                f"arn:{names.partition}:ec2:{names.region}::image/*",  # Amazon's AMIs have no account in their ARN
            ],
        ),
        (
            ("ec2:CreateTags",),
            {"Resource": launched, "Condition": {"StringEquals": {"ec2:CreateAction": "RunInstances"}}},
        ),
        (("ec2:CancelSpotInstanceRequests",), [launched[2]]),
        (("iam:PassRole",), [names.arn("iam", f"role/{names.worker_role}", region="")]),
        (
            ("cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"),
            [names.arn("cloudwatch", f"alarm:{names.idle_alarm}")],
        ),
    ]


def api_policy(names: StackNames, queue_arns: list[str]) -> dict[str, Any]:
    """The Lambda's role: the cache, feedback, its queues, starting the worker, its own log group."""
    table = names.arn("dynamodb", f"table/{names.cache_table}")
    return policy(
        [
            (("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"), [table]),
            (("dynamodb:PutItem",), [names.arn("dynamodb", f"table/{names.feedback_table}")]),
            (("sqs:SendMessage", "sqs:GetQueueAttributes"), queue_arns),
            (("ec2:StartInstances", "ec2:TerminateInstances"), tagged_instances(names)),
            # EC2's Describe actions take no resource-level permissions: "*" is the only resource they accept.
            (
                ("ec2:DescribeInstances", "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeSpotInstanceRequests"),
                ["*"],
            ),
            *replace_worker_grants(names),
            (("s3:GetObject",), [names.s3_arn(PROMPTS_KEY)]),
            (("logs:CreateLogStream", "logs:PutLogEvents"), [names.arn("logs", f"log-group:{names.log_group}:*")]),
            (("logs:CreateLogGroup",), [names.arn("logs", f"log-group:{names.log_group}")]),
        ]
    )


# Everything `botbaby deploy aws`, `botbaby teardown aws` and the preflight call, by service: the
# minimal policy for the deploying user (docs/aws-deploy.md shows it; a test checks it covers every
# call a deploy and a teardown make).
DEPLOYER_ACTIONS = {
    "sts": ("GetCallerIdentity",),
    "servicequotas": ("GetServiceQuota", "GetAWSDefaultServiceQuota"),
    "ec2": (
        "DescribeRegions",
        "DescribeInstanceTypeOfferings",
        "DescribeInstanceTypes",
        "DescribeVpcs",
        "DescribeSubnets",
        "DescribeImages",
        "DescribeInstances",
        "DescribeLaunchTemplates",
        "DescribeLaunchTemplateVersions",
        "DescribeSpotInstanceRequests",
        "CreateLaunchTemplate",
        "CreateLaunchTemplateVersion",
        "ModifyLaunchTemplate",
        "DeleteLaunchTemplate",
        "RunInstances",
        "CreateTags",
        "TerminateInstances",
        "CancelSpotInstanceRequests",
    ),
    "ssm": ("GetParameter",),
    "s3": (
        "CreateBucket",
        "DeleteBucket",
        "ListBucket",
        "ListBucketVersions",
        "GetBucketTagging",
        "PutBucketTagging",
        "GetBucketPublicAccessBlock",
        "PutBucketPublicAccessBlock",
        "GetBucketWebsite",
        "PutBucketWebsite",
        "GetBucketPolicy",
        "PutBucketPolicy",
        "GetObject",
        "PutObject",
        "DeleteObject",
        "DeleteObjectVersion",
    ),
    "dynamodb": ("CreateTable", "DescribeTable", "DeleteTable", "ListTagsOfResource", "TagResource"),
    "sqs": (
        "CreateQueue",
        "DeleteQueue",
        "GetQueueUrl",
        "GetQueueAttributes",
        "SetQueueAttributes",
        "ListQueues",
        "ListQueueTags",
        "TagQueue",
    ),
    "iam": (
        "GetRole",
        "CreateRole",
        "DeleteRole",
        "TagRole",
        "ListRoleTags",
        "UpdateAssumeRolePolicy",
        "GetRolePolicy",
        "PutRolePolicy",
        "DeleteRolePolicy",
        "ListRolePolicies",
        "ListAttachedRolePolicies",
        "DetachRolePolicy",
        "PassRole",
        "GetInstanceProfile",
        "CreateInstanceProfile",
        "DeleteInstanceProfile",
        "TagInstanceProfile",
        "AddRoleToInstanceProfile",
        "RemoveRoleFromInstanceProfile",
    ),
    "lambda": (
        "GetFunction",
        "CreateFunction",
        "DeleteFunction",
        "UpdateFunctionCode",
        "UpdateFunctionConfiguration",
        "GetFunctionConfiguration",
        "TagResource",
        "GetPolicy",
        "AddPermission",
        "RemovePermission",
    ),
    # API Gateway's IAM actions are HTTP verbs on resource paths.
    "apigateway": ("GET", "POST", "PATCH", "DELETE", "TagResource"),
    "logs": (
        "CreateLogGroup",
        "DeleteLogGroup",
        "DescribeLogGroups",
        "PutRetentionPolicy",
        "ListTagsLogGroup",
        "ListTagsForResource",
        "TagResource",
        "TagLogGroup",
        "CreateLogDelivery",
        "GetLogDelivery",
        "UpdateLogDelivery",
        "DeleteLogDelivery",
        "ListLogDeliveries",
        "PutResourcePolicy",
        "DescribeResourcePolicies",
    ),
    "cloudwatch": ("PutMetricAlarm", "DescribeAlarms", "DeleteAlarms", "ListTagsForResource", "TagResource"),
    "budgets": ("ViewBudget", "ModifyBudget"),
}


def deployer_policy(partition: str = "aws") -> dict[str, Any]:
    """The minimal policy for the user who runs the deploy (resources are "*": names are chosen at deploy time).

    ``iam:PassRole`` is limited to passing roles to EC2 and Lambda.
    """
    statements: list[dict[str, Any]] = [
        {
            "Sid": "BotbabyDeploy",
            "Effect": "Allow",
            "Action": sorted(
                f"{service}:{action}"
                for service, actions in DEPLOYER_ACTIONS.items()
                for action in actions
                if (service, action) != ("iam", "PassRole")
            ),
            "Resource": "*",
        },
        {
            "Sid": "BotbabyPassRolesToTheWorkerAndTheApi",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": f"arn:{partition}:iam::*:role/*",
            "Condition": {"StringEquals": {"iam:PassedToService": ["ec2.amazonaws.com", "lambda.amazonaws.com"]}},
        },
    ]
    return {"Version": "2012-10-17", "Statement": statements}
