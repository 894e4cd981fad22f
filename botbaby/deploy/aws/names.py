"""The name of every resource of a stack, its tag, and the ARNs, in any region and partition.

    >>> names = StackNames("botbaby-demo", region="ap-south-1", account="123456789012")
    >>> names.bucket, names.worker_role
    ('botbaby-demo-123456789012-ap-south-1', 'botbaby-demo-ap-south-1-worker')
    >>> StackNames("bb-demo", region="cn-north-1", account="123456789012").arn("sqs", "q")
    'arn:aws-cn:sqs:cn-north-1:123456789012:q'

Buckets, IAM roles and instance profiles are global: their names carry the region, so the same
``--name`` deployed in two regions are two stacks that never touch each other's resources.
"""

import re
from dataclasses import dataclass

from botbaby.errors import BotbabyError

TAG = "botbaby:stack"  # every resource carries TAG=NAME; teardown deletes nothing without it
_NAME = re.compile(r"[a-z][a-z0-9-]{1,30}[a-z0-9]")  # fits S3, IAM, SQS, Lambda and EC2 name rules
# Region name prefix -> (partition, DNS suffix), as botocore's endpoint data has them.
_PARTITIONS = (
    ("cn-", "aws-cn", "amazonaws.com.cn"),
    ("us-gov-", "aws-us-gov", "amazonaws.com"),
    ("us-isob-", "aws-iso-b", "sc2s.sgov.gov"),
    ("us-iso-", "aws-iso", "c2s.ic.gov"),
    ("eu-isoe-", "aws-iso-e", "cloud.adc-e.uk"),
    ("us-isof-", "aws-iso-f", "csp.hci.ic.gov"),
)
# Regions whose S3 website endpoints are "s3-website-REGION" (the newer ones use "s3-website.REGION").
_DASH_WEBSITE_REGIONS = {
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "eu-west-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "sa-east-1",
    "us-gov-west-1",
}


def check_name(name: str) -> str:
    """Return ``name`` if it can prefix every resource's name, else raise a BotbabyError saying why."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise BotbabyError(
            f"invalid stack name {name!r}: use 3-32 lower-case letters, digits or '-', starting with a letter"
        )
    return name


def partition(region: str) -> str:
    """The AWS partition of ``region``: "aws", "aws-cn", "aws-us-gov", ..."""
    return next((part for prefix, part, _ in _PARTITIONS if region.startswith(prefix)), "aws")


def dns_suffix(region: str) -> str:
    return next((suffix for prefix, _, suffix in _PARTITIONS if region.startswith(prefix)), "amazonaws.com")


@dataclass(frozen=True)
class StackNames:
    """The name of every resource of stack NAME in REGION (each starts with NAME)."""

    name: str
    region: str
    account: str

    def __post_init__(self) -> None:
        check_name(self.name)

    @property
    def partition(self) -> str:
        return partition(self.region)

    @property
    def bucket(self) -> str:
        return f"{self.name}-{self.account}-{self.region}"  # global: the account and region make it ours

    @property
    def cache_table(self) -> str:
        return f"{self.name}-cache"

    @property
    def feedback_table(self) -> str:
        return f"{self.name}-feedback"

    def queue(self, side: str) -> str:
        return f"{self.name}-{side}-jobs.fifo"  # one job queue per side, as botbaby serve has

    def is_queue(self, queue: str) -> bool:
        """True for this stack's side queue names (teardown finds them without knowing the sides)."""
        return re.fullmatch(rf"{re.escape(self.name)}-[a-z0-9][a-z0-9_-]*-jobs\.fifo", queue) is not None

    @property
    def dead_letter_queue(self) -> str:
        return f"{self.name}-jobs-dlq.fifo"

    @property
    def worker_role(self) -> str:
        return f"{self.name}-{self.region}-worker"  # IAM is global: the region keeps two stacks apart

    @property
    def instance_profile(self) -> str:
        return f"{self.name}-{self.region}-worker"

    @property
    def api_role(self) -> str:
        return f"{self.name}-{self.region}-api"

    @property
    def launch_template(self) -> str:
        return f"{self.name}-worker"

    @property
    def worker(self) -> str:
        return f"{self.name}-worker"  # the instance's Name tag

    @property
    def idle_alarm(self) -> str:
        return f"{self.name}-worker-idle"

    @property
    def function(self) -> str:
        return f"{self.name}-api"

    @property
    def http_api(self) -> str:
        return f"{self.name}-http"

    @property
    def log_group(self) -> str:
        return f"/aws/lambda/{self.function}"  # Lambda names its log group; teardown removes it too

    @property
    def worker_log_group(self) -> str:
        return f"/botbaby/{self.name}/worker"  # the worker's journal

    @property
    def access_log_group(self) -> str:
        return f"/botbaby/{self.name}/api-access"  # API Gateway's access log: one line per request

    @property
    def budget(self) -> str:
        return f"{self.name}-{self.region}"  # budgets are per account

    def arn(self, service: str, resource: str, region: str | None = None) -> str:
        region = self.region if region is None else region
        return f"arn:{self.partition}:{service}:{region}:{self.account}:{resource}"

    def s3_arn(self, key: str = "") -> str:
        return f"arn:{self.partition}:s3:::{self.bucket}{'/' + key if key else ''}"

    @property
    def stop_action(self) -> str:
        """The CloudWatch alarm action that stops the instance the alarm watches."""
        return f"arn:{self.partition}:automate:{self.region}:ec2:stop"

    @property
    def page_url(self) -> str:
        sep = "-" if self.region in _DASH_WEBSITE_REGIONS else "."
        return f"http://{self.bucket}.s3-website{sep}{self.region}.{dns_suffix(self.region)}"
