"""Deploy botbaby on AWS and remove it again, by code: idempotent, every resource named and tagged NAME.

    result = deploy_aws("botbaby-data", "botbaby-demo", region="us-east-1")
    print(result.page_url)     # the page on S3, calling the HTTP API
    result.actions             # [Action("dynamodb-table", "botbaby-demo-cache", "created"), ...]
    teardown_aws("botbaby-demo", region="us-east-1")

What ``deploy_aws`` creates or updates, in order (a second run reports every one "unchanged"):

- DynamoDB tables ``NAME-cache`` (answers, visit counters) and ``NAME-feedback``, on-demand.
- SQS FIFO queues ``NAME-SIDE-jobs.fifo``, one per side, and their dead-letter queue ``NAME-jobs-dlq.fifo``.
- S3 bucket ``NAME-site-ACCOUNT``: website hosting for the page (public read of the page files
  only), the checkpoints as ``models/SIDE.tar.gz`` (private), ``prompts.json`` for autocomplete.
- IAM: ``NAME-worker-role`` + instance profile ``NAME-worker`` and ``NAME-api-role`` for the Lambda;
  least privilege, no ``*`` actions, resources named one by one (but for ``ec2:DescribeInstances``
  and, with Comprehend sentiment, ``comprehend:BatchDetectSentiment``, which take no resource ARNs).
- EC2 launch template ``NAME-worker`` (GPU AMI, IMDSv2, user data installing the worker) and the
  worker instance itself, which installs, idles and stops itself; the Lambda starts it on demand.
- Lambda ``NAME-api`` (``bundle.py``: light modules only) and the HTTP API ``NAME-http`` (API
  Gateway v2, CORS, 30 s integration timeout) with permission to invoke it.

A resource that exists under one of these names without the tag ``botbaby:stack=NAME`` is never
adopted (the deploy stops and says so), and ``teardown_aws`` deletes exactly these, and only when
they carry that tag. AWS refusals stop the run with a one-line error; running it again resumes.
"""

import base64
import contextlib
import gzip
import hashlib
import json
import mimetypes
import re
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.compare import page_view
from botbaby.config import StageConfig
from botbaby.deploy.aws.bundle import HANDLER, build_bundle, code_sha256
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.deploy.aws.handler import DEFAULT_WAIT_S
from botbaby.deploy.aws.worker import MODELS_PREFIX, PROMPTS_KEY, WorkerSettings
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_write_text
from botbaby.layout import Layout, SidePaths, check_side
from botbaby.sentiment import BACKENDS as SENTIMENT_BACKENDS
from botbaby.serve.worker import IDLE_MINUTES
from botbaby.train import has_checkpoint, trained_sides

TAG = "botbaby:stack"  # every resource carries TAG=NAME; teardown deletes nothing without it
SITE_DIR = Path(__file__).resolve().parents[2] / "serve" / "static"  # the page (botbaby serve's)
COMPARE_KEY = "compare.json"  # beside the page: its "How they differ" figures (botbaby.compare.page_view)
HERE = Path(__file__).resolve().parent
# The Deep Learning Base AMI (NVIDIA driver, Ubuntu 22.04), looked up when --ami is not given.
DL_AMI_PARAMETER = "/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id"
PACKAGE_SPEC = "botbaby[train,aws] @ git+https://github.com/botbaby/botbaby"  # what the worker installs
ROUTES = (  # the page's calls, as botbaby serve answers them
    "GET /generate",
    "GET /jobs/{id}",
    "GET /prompts",
    "GET /popular",
    "POST /feedback",
    "GET /sides",
    "GET /healthz",
)
_NAME = re.compile(r"[a-z][a-z0-9-]{1,30}[a-z0-9]")  # fits S3, IAM, SQS, Lambda and EC2 name rules
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
}


def check_name(name: str) -> str:
    """Return ``name`` if it can prefix every resource's name, else raise a BotbabyError saying why."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise BotbabyError(
            f"invalid stack name {name!r}: use 3-32 lower-case letters, digits or '-', starting with a letter"
        )
    return name


@dataclass(frozen=True)
class StackNames:
    """The name of every resource of stack NAME (each starts with NAME)."""

    name: str
    region: str
    account: str

    def __post_init__(self) -> None:
        check_name(self.name)

    @property
    def bucket(self) -> str:
        return f"{self.name}-site-{self.account}"  # bucket names are global: the account makes it ours

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
        return f"{self.name}-worker-role"

    @property
    def instance_profile(self) -> str:
        return f"{self.name}-worker"

    @property
    def api_role(self) -> str:
        return f"{self.name}-api-role"

    @property
    def launch_template(self) -> str:
        return f"{self.name}-worker"

    @property
    def function(self) -> str:
        return f"{self.name}-api"

    @property
    def http_api(self) -> str:
        return f"{self.name}-http"

    @property
    def log_group(self) -> str:
        return f"/aws/lambda/{self.function}"  # Lambda names its log group; teardown removes it too

    def arn(self, service: str, resource: str) -> str:
        return f"arn:aws:{service}:{self.region}:{self.account}:{resource}"

    @property
    def page_url(self) -> str:
        sep = "-" if self.region in _DASH_WEBSITE_REGIONS else "."
        return f"http://{self.bucket}.s3-website{sep}{self.region}.amazonaws.com"


@dataclass
class DeploySettings(StageConfig):
    """``botbaby deploy aws`` settings; the resolved ones are saved as DATA/deploy/NAME.config.json."""

    name: str = "botbaby"  # prefix and tag of every resource
    region: str = "us-east-1"  # AWS region
    instance_type: str = "g4dn.xlarge"  # the GPU worker (NVIDIA T4, 16 GB)
    ami: str = ""  # worker AMI; empty: keep the launch template's, else the latest Deep Learning Base AMI
    sides: list[str] = field(default_factory=list)  # sides to serve; empty: every side with a model
    wait_s: float = DEFAULT_WAIT_S  # how long /generate waits for a new prompt before answering 202 (< 29 s)
    idle_stop_s: float = IDLE_MINUTES * 60  # the worker stops its instance after this many idle seconds
    visibility_timeout_s: int = 300  # a job is hidden this long while generated (> one generation)
    max_receives: int = 3  # a job is dead-lettered after this many failed tries
    lambda_memory_mb: int = 256  # the handler only talks to DynamoDB and SQS
    package: str = PACKAGE_SPEC  # pip requirement the worker installs
    start_worker: bool = True  # launch the worker if there is none (it installs itself, then stops when idle)
    sentiment: str = "vader"  # the worker's sentiment backend: "vader" (local) or "comprehend" (AWS, per call)

    def validate(self) -> None:
        check_name(self.name)
        for side in self.sides:
            check_side(side)
        if self.sentiment not in SENTIMENT_BACKENDS:
            raise ConfigError(f"sentiment must be one of {', '.join(SENTIMENT_BACKENDS)}, got {self.sentiment!r}")
        if not 0 < self.wait_s < 29:
            raise ConfigError("wait_s must be between 0 and 29 seconds (API Gateway gives up at 30)")
        if self.visibility_timeout_s < 60 or not 1 <= self.max_receives <= 1000 or self.idle_stop_s <= 0:
            raise ConfigError("visibility_timeout_s >= 60, max_receives 1-1000 and idle_stop_s > 0, please")


@dataclass(frozen=True)
class Action:
    """What the deploy or teardown did to one resource."""

    resource: str  # kind: "s3-bucket", "sqs-queue", ...
    name: str
    action: str  # created / updated / unchanged; deleted / absent / skipped (teardown)


@dataclass
class DeployResult:
    """Where the deployed product answers, and what the run did."""

    name: str
    region: str
    page_url: str
    api_url: str
    instance_id: str
    actions: list[Action]

    def changed(self) -> list[Action]:
        return [action for action in self.actions if action.action != "unchanged"]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def counts(self) -> dict[str, int]:
        """How many resources were created, updated, left unchanged."""
        return count_actions(self.actions)

    def table(self) -> Any:
        """The actions as a pandas DataFrame, one row per resource (for notebooks)."""
        import pandas as pd

        return pd.DataFrame([asdict(action) for action in self.actions], columns=["resource", "name", "action"])


def count_actions(actions: Sequence[Action]) -> dict[str, int]:
    """``{"created": 3, "unchanged": 20}``: how many resources each action befell.

    >>> count_actions([Action("sqs-queue", "a", "deleted"), Action("s3-bucket", "b", "deleted")])
    {'deleted': 2}
    """
    counts: dict[str, int] = {}
    for action in actions:
        counts[action.action] = counts.get(action.action, 0) + 1
    return counts


def deploy_aws(
    data: Path | str,
    name: str,
    region: str | None = None,
    instance_type: str = "g4dn.xlarge",
    ami: str | None = None,
    *,
    endpoint_url: str | None = None,
    site_dir: Path = SITE_DIR,
    retry_wait_s: float = 5.0,
    **settings: Any,
) -> DeployResult:
    """Create or update the whole stack NAME from the checkpoints in DATA; print the page address."""
    clients = AwsClients(region, endpoint_url)
    config = DeploySettings.from_dict(
        settings, name=name, region=clients.region, instance_type=instance_type, ami=ami or ""
    )
    layout = Layout(Path(data))
    config.sides = config.sides or trained_sides(layout.root)
    if not config.sides:
        raise BotbabyError(f"no trained model under {layout.root}: run `botbaby train SIDE --data {layout.root}` first")
    for side in config.sides:
        if not has_checkpoint(layout.side(side).model_dir):
            raise BotbabyError(f"no checkpoint at {layout.side(side).model_dir}: run `botbaby train {side}` first")
    with _aws_errors("deploy"):
        result = _Stack(clients, config, retry_wait_s).deploy(layout, Path(site_dir))
    config.save(layout.deploy_dir / f"{name}.config.json")
    atomic_write_text(layout.deploy_dir / f"{name}.json", json.dumps(result.to_dict(), indent=2) + "\n")
    print(f"botbaby on AWS ({name}, {clients.region}): {len(result.changed())} change(s); page: {result.page_url}")
    return result


def teardown_aws(name: str, region: str | None = None, *, endpoint_url: str | None = None) -> list[Action]:
    """Delete every resource of stack NAME (only those tagged with it); return what happened to each."""
    clients = AwsClients(region, endpoint_url)
    config = DeploySettings.from_dict(name=name, region=clients.region)
    with _aws_errors("teardown"):
        actions = _Stack(clients, config, retry_wait_s=0).teardown()
    deleted = sum(action.action == "deleted" for action in actions)
    print(f"botbaby on AWS ({name}, {clients.region}): deleted {deleted} resource(s)")
    return actions


@contextlib.contextmanager
def _aws_errors(what: str) -> Iterator[None]:
    """Turn AWS's refusals into one-line errors that say what to do; a rerun picks up where this one stopped."""
    botocore_exceptions = require("botocore.exceptions", extra="aws", package="botocore")
    try:
        yield
    except botocore_exceptions.NoCredentialsError as exc:
        raise BotbabyError(
            f"no AWS credentials for the {what}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
        ) from exc
    except botocore_exceptions.ClientError as exc:
        operation = getattr(exc, "operation_name", "a call")
        raise BotbabyError(
            f"AWS refused {operation} during the {what}: {error_code(exc)}: "
            f"{exc.response.get('Error', {}).get('Message', exc)}; fix that and run the {what} again "
            "(it keeps what is already done)"
        ) from exc


class _Stack:
    """One deploy or teardown run: the clients, the names, and the actions taken so far."""

    def __init__(self, clients: AwsClients, config: DeploySettings, retry_wait_s: float) -> None:
        self.aws, self.config, self.retry_wait_s = clients, config, retry_wait_s
        account = clients("sts").get_caller_identity()["Account"]
        self.names = StackNames(config.name, clients.region, account)
        self.tags = {TAG: config.name}
        self.actions: list[Action] = []

    def _claim(self, resource: str, name: str, tags: dict[str, str]) -> None:
        """Refuse to adopt an existing resource that is not this stack's (it lacks our tag)."""
        if tags.get(TAG) != self.names.name:
            raise BotbabyError(
                f"{resource} {name} exists but is not part of stack {self.names.name} (no tag {TAG}={self.names.name}): "
                "choose another --name, or remove it yourself"
            )

    def _claim_bucket(self) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            tags = _tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"])
        except Exception as exc:
            if error_code(exc) != "NoSuchTagSet":
                raise
            # An untagged empty bucket is ours from a deploy cut short between creating and tagging it.
            if not s3.list_objects_v2(Bucket=bucket, MaxKeys=1).get("KeyCount", 0):
                return
            tags = {}
        self._claim("s3-bucket", bucket, tags)

    def _did(self, resource: str, name: str, action: str) -> str:
        self.actions.append(Action(resource, name, action))
        return action

    # ---------------------------------------------------------------- deploy
    def deploy(self, layout: Layout, site_dir: Path) -> DeployResult:
        names = self.names
        self.table(names.cache_table)
        self.table(names.feedback_table, key="id")
        dlq_arn = self.queue(names.dead_letter_queue, {"MessageRetentionPeriod": "1209600"})[1]
        queue_urls, queue_arns = {}, []
        for side in self.config.sides:
            queue_urls[side], arn = self.queue(
                names.queue(side),
                {
                    "VisibilityTimeout": str(self.config.visibility_timeout_s),
                    "MessageRetentionPeriod": "345600",
                    "RedrivePolicy": json.dumps(
                        {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": self.config.max_receives}
                    ),
                },
            )
            queue_arns.append(arn)
        self.bucket(site_dir)
        for side in self.config.sides:
            self.model(side, layout.side(side))
        self.object(PROMPTS_KEY, b"[]", overwrite=False)  # the worker appends to it from now on
        self.role(names.worker_role, "ec2.amazonaws.com", self.worker_policy(queue_arns))
        self.instance_profile(names.worker_role)
        worker = WorkerSettings(
            region=self.aws.region,
            bucket=names.bucket,
            cache_table=names.cache_table,
            queue_urls=queue_urls,
            sentiment=self.config.sentiment,
            idle_stop_s=self.config.idle_stop_s,
        )
        self.launch_template(worker)
        instance_id = self.instance()
        api_role_arn = self.role(names.api_role, "lambda.amazonaws.com", self.api_policy(queue_arns))
        function_arn = self.function(api_role_arn, queue_urls, instance_id)
        api_id, api_url = self.http_api(function_arn)
        self.permission(api_id)
        self.site(site_dir, api_url)
        if (comparison := page_view(layout.root)) is not None:  # the page's "How they differ" (botbaby compare)
            self.object(COMPARE_KEY, json.dumps(comparison, ensure_ascii=False).encode(), content_type="application/json")
        return DeployResult(names.name, self.aws.region, names.page_url, api_url, instance_id, self.actions)

    def table(self, table: str, key: str = "key") -> None:
        dynamodb = self.aws("dynamodb")
        try:
            arn = dynamodb.describe_table(TableName=table)["Table"]["TableArn"]
            self._claim(
                "dynamodb-table", table, _tag_dict(dynamodb.list_tags_of_resource(ResourceArn=arn).get("Tags", []))
            )
            self._did("dynamodb-table", table, "unchanged")
            return
        except BotbabyError:
            raise
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
        dynamodb.create_table(
            TableName=table,
            AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
            KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
            Tags=_tag_list(self.tags),
        )
        dynamodb.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 2, "MaxAttempts": 60})
        self._did("dynamodb-table", table, "created")

    def queue(self, queue: str, attributes: dict[str, str]) -> tuple[str, str]:
        """Create or update a FIFO queue; return its URL and ARN."""
        sqs = self.aws("sqs")
        wanted = {"FifoQueue": "true", **attributes}
        try:
            url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        except Exception as exc:
            if "NonExistentQueue" not in error_code(exc):
                raise
            url = sqs.create_queue(QueueName=queue, Attributes=wanted, tags=self.tags)["QueueUrl"]
            self._did("sqs-queue", queue, "created")
        else:
            self._claim("sqs-queue", queue, sqs.list_queue_tags(QueueUrl=url).get("Tags", {}))
            current = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
            stale = {k: v for k, v in attributes.items() if not _same_attribute(current.get(k), v)}
            if stale:
                sqs.set_queue_attributes(QueueUrl=url, Attributes=stale)
            self._did("sqs-queue", queue, "updated" if stale else "unchanged")
        return url, self.names.arn("sqs", queue)

    def bucket(self, site_dir: Path) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            s3.head_bucket(Bucket=bucket)
            created = False
            self._claim_bucket()
        except BotbabyError:
            raise
        except Exception as exc:
            if error_code(exc) == "403":
                raise BotbabyError(f"bucket {bucket} belongs to another account: choose another --name") from exc
            if error_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
                raise
            location = (
                {}
                if self.aws.region == "us-east-1"
                else {"CreateBucketConfiguration": {"LocationConstraint": self.aws.region}}
            )
            s3.create_bucket(Bucket=bucket, **location)
            created = True
        page_files = [f"arn:aws:s3:::{bucket}/{key}" for key in (*_site_keys(site_dir), PROMPTS_KEY, COMPARE_KEY)]
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadOfThePageOnly",  # the checkpoints under models/ stay private
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": sorted(set(page_files)),
                }
            ],
        }
        changed = [
            _ensure(
                lambda: _tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"]),
                self.tags,
                lambda: s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": _tag_list(self.tags)}),
                missing=("NoSuchTagSet",),
            ),
            # A public policy is refused while the account's default "block public policy" is on.
            _ensure(
                lambda: s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"],
                _PUBLIC_ACCESS,
                lambda: s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=_PUBLIC_ACCESS),
                missing=("NoSuchPublicAccessBlockConfiguration",),
            ),
            _ensure(
                lambda: {"IndexDocument": s3.get_bucket_website(Bucket=bucket).get("IndexDocument")},
                {"IndexDocument": {"Suffix": "index.html"}},
                lambda: s3.put_bucket_website(
                    Bucket=bucket, WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}}
                ),
                missing=("NoSuchWebsiteConfiguration",),
            ),
            _ensure(
                lambda: json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"]),
                policy,
                lambda: self._put_public_policy(policy),
                missing=("NoSuchBucketPolicy",),
            ),
        ]
        self._did("s3-bucket", bucket, "created" if created else "updated" if any(changed) else "unchanged")

    def _put_public_policy(self, policy: dict[str, Any]) -> None:
        put = lambda: self.aws("s3").put_bucket_policy(Bucket=self.names.bucket, Policy=json.dumps(policy))  # noqa: E731
        try:
            # The bucket's new public-access settings take a few seconds to apply.
            self._retry(put, "AccessDenied", tries=4)
        except Exception as exc:
            if error_code(exc) != "AccessDenied":
                raise
            raise BotbabyError(
                f"AWS refused the public-read policy of the page files on {self.names.bucket} ({exc}): the account's "
                "S3 Block Public Access settings forbid public bucket policies; allow them for this bucket "
                "(S3 console → Block Public Access settings for this account) and deploy again"
            ) from exc

    def object(self, key: str, body: bytes, overwrite: bool = True, content_type: str | None = None) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        md5 = hashlib.md5(body).hexdigest()
        head = _head(s3, bucket, key)
        if head is not None and (not overwrite or head["ETag"].strip('"') == md5):
            self._did("s3-object", f"s3://{bucket}/{key}", "unchanged")
            return
        content_type = content_type or mimetypes.guess_type(key)[0] or "application/octet-stream"
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type, CacheControl="max-age=60")
        self._did("s3-object", f"s3://{bucket}/{key}", "created" if head is None else "updated")

    def model(self, side: str, paths: SidePaths) -> None:
        """Upload what serving a side needs as models/SIDE.tar.gz unless S3 already holds that exact archive."""
        s3, bucket, key = self.aws("s3"), self.names.bucket, f"{MODELS_PREFIX}{side}.tar.gz"
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "model.tar.gz"
            digest = _reproducible_tar(paths, archive)
            head = _head(s3, bucket, key)
            if head is not None and head.get("Metadata", {}).get("sha256") == digest:
                self._did("s3-checkpoint", f"s3://{bucket}/{key}", "unchanged")
                return
            s3.upload_file(str(archive), bucket, key, ExtraArgs={"Metadata": {"sha256": digest}})
        self._did("s3-checkpoint", f"s3://{bucket}/{key}", "created" if head is None else "updated")

    def site(self, site_dir: Path, api_url: str) -> None:
        """The page's files, with our own config.js pointing the page at the HTTP API."""
        for key in _site_keys(site_dir):
            if key != "config.js":
                self.object(key, (site_dir / key).read_bytes())
        config_js = f"// Written by `botbaby deploy aws`: the page's API address.\nwindow.BOTBABY_API = {json.dumps(api_url)};\n"
        self.object("config.js", config_js.encode(), content_type="application/javascript")

    def worker_policy(self, queue_arns: list[str]) -> dict[str, Any]:
        names, bucket = self.names, f"arn:aws:s3:::{self.names.bucket}"
        grants = [
            (
                ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"),
                queue_arns,
            ),
            (
                ("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan"),
                [names.arn("dynamodb", f"table/{names.cache_table}")],
            ),
            (("s3:GetObject",), [f"{bucket}/{MODELS_PREFIX}*", f"{bucket}/{PROMPTS_KEY}"]),
            (("s3:PutObject",), [f"{bucket}/{PROMPTS_KEY}"]),
            (("ec2:StopInstances",), self._tagged_instances()),
        ]
        if self.config.sentiment == "comprehend":
            # Comprehend's detect APIs take no resource ARNs: "*" is the only resource they accept.
            grants.append((("comprehend:BatchDetectSentiment",), ["*"]))
        return _policy(grants)

    def api_policy(self, queue_arns: list[str]) -> dict[str, Any]:
        names = self.names
        table = names.arn("dynamodb", f"table/{names.cache_table}")
        return _policy(
            [
                (("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan"), [table]),
                (("dynamodb:PutItem",), [names.arn("dynamodb", f"table/{names.feedback_table}")]),
                (("sqs:SendMessage", "sqs:GetQueueAttributes"), queue_arns),
                (("ec2:StartInstances",), self._tagged_instances()),
                # EC2's Describe actions take no resource-level permissions: "*" is the only resource they accept.
                (("ec2:DescribeInstances",), ["*"]),
                (("logs:CreateLogStream", "logs:PutLogEvents"), [names.arn("logs", f"log-group:{names.log_group}:*")]),
                (("logs:CreateLogGroup",), [names.arn("logs", f"log-group:{names.log_group}")]),
            ]
        )

    def _tagged_instances(self) -> dict[str, Any]:
        return {
            "Resource": [self.names.arn("ec2", "instance/*")],
            "Condition": {"StringEquals": {f"aws:ResourceTag/{TAG}": self.names.name}},
        }

    def role(self, role: str, service: str, policy: dict[str, Any]) -> str:
        iam = self.aws("iam")
        trust = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
        }
        try:
            found = iam.get_role(RoleName=role)["Role"]
            self._claim("iam-role", role, _tag_dict(found.get("Tags", [])))
            arn, created = found["Arn"], False
        except BotbabyError:
            raise
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            arn = iam.create_role(
                RoleName=role,
                AssumeRolePolicyDocument=json.dumps(trust),
                Description=f"botbaby stack {self.names.name}",
                Tags=_tag_list(self.tags),
            )["Role"]["Arn"]
            created = True
        changed = _ensure(
            lambda: _document(iam.get_role(RoleName=role)["Role"]["AssumeRolePolicyDocument"]),
            trust,
            lambda: iam.update_assume_role_policy(RoleName=role, PolicyDocument=json.dumps(trust)),
        )
        changed |= _ensure(
            lambda: _document(iam.get_role_policy(RoleName=role, PolicyName=role)["PolicyDocument"]),
            policy,
            lambda: iam.put_role_policy(RoleName=role, PolicyName=role, PolicyDocument=json.dumps(policy)),
            missing=("NoSuchEntity",),
        )
        self._did("iam-role", role, "created" if created else "updated" if changed else "unchanged")
        return arn

    def instance_profile(self, role: str) -> None:
        iam, profile = self.aws("iam"), self.names.instance_profile
        try:
            found = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]
            self._claim("iam-instance-profile", profile, _tag_dict(found.get("Tags", [])))
            roles, created = [r["RoleName"] for r in found["Roles"]], False
        except BotbabyError:
            raise
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            iam.create_instance_profile(InstanceProfileName=profile, Tags=_tag_list(self.tags))
            roles, created = [], True
        if role not in roles:
            iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
        action = "created" if created else "unchanged" if role in roles else "updated"
        self._did("iam-instance-profile", profile, action)

    def launch_template(self, worker: WorkerSettings) -> None:
        """The worker's launch template; a changed one becomes its new default version."""
        ec2, template = self.aws("ec2"), self.names.launch_template
        current = self._default_template_version()
        if current is not None:
            found = ec2.describe_launch_templates(LaunchTemplateNames=[template])["LaunchTemplates"][0]
            self._claim("ec2-launch-template", template, _tag_dict(found.get("Tags", [])))
        ami = self.config.ami or (current or {}).get("LaunchTemplateData", {}).get("ImageId") or self._latest_ami()
        self.config.ami = ami  # saved with the resolved settings
        user_data = (
            (HERE / "user-data.sh")
            .read_text()
            .replace("@BOTBABY_PACKAGE@", self.config.package)
            .replace("@WORKER_JSON@", json.dumps(worker.to_dict(), indent=2))
            .replace("@WORKER_UNIT@", (HERE / "botbaby-worker.service").read_text().rstrip("\n"))
        )
        instance_tags = _tag_list({**self.tags, "Name": f"{self.names.name}-worker"})
        data = {
            "ImageId": ami,
            "InstanceType": self.config.instance_type,
            "IamInstanceProfile": {"Name": self.names.instance_profile},
            "UserData": base64.b64encode(user_data.encode()).decode(),
            "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"},  # IMDSv2 only
            "InstanceInitiatedShutdownBehavior": "stop",
            "TagSpecifications": [
                {"ResourceType": "instance", "Tags": instance_tags},
                {"ResourceType": "volume", "Tags": _tag_list(self.tags)},
            ],
        }
        # The version description carries a digest of the data: comparing it is exact and cheap.
        description = "botbaby " + hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]
        if current is None:
            ec2.create_launch_template(
                LaunchTemplateName=template,
                VersionDescription=description,
                LaunchTemplateData=data,
                TagSpecifications=[{"ResourceType": "launch-template", "Tags": _tag_list(self.tags)}],
            )
            self._did("ec2-launch-template", template, "created")
        elif current.get("VersionDescription") == description:
            self._did("ec2-launch-template", template, "unchanged")
        else:
            version = ec2.create_launch_template_version(
                LaunchTemplateName=template, VersionDescription=description, LaunchTemplateData=data
            )["LaunchTemplateVersion"]["VersionNumber"]
            ec2.modify_launch_template(LaunchTemplateName=template, DefaultVersion=str(version))
            self._did("ec2-launch-template", template, "updated")

    def _default_template_version(self) -> dict[str, Any] | None:
        try:
            return self.aws("ec2").describe_launch_template_versions(
                LaunchTemplateName=self.names.launch_template, Versions=["$Default"]
            )["LaunchTemplateVersions"][0]
        except Exception as exc:
            if "NotFound" in error_code(exc) or "InvalidLaunchTemplateName" in error_code(exc):
                return None
            raise

    def _latest_ami(self) -> str:
        try:
            return self.aws("ssm").get_parameter(Name=DL_AMI_PARAMETER)["Parameter"]["Value"]
        except Exception as exc:
            raise BotbabyError(
                f"could not look up the Deep Learning AMI in {self.aws.region} ({exc}): pass --ami ami-... "
                "(an AMI with an NVIDIA driver and Python 3.11+)"
            ) from exc

    def instance(self) -> str:
        """The worker instance: reuse the stack's (running or stopped), else launch one if start_worker."""
        existing = self._instances(("pending", "running", "stopping", "stopped"))
        if existing:
            self._did("ec2-instance", existing[0], "unchanged")
            return existing[0]
        if not self.config.start_worker:
            self._did("ec2-instance", f"{self.names.name}-worker", "skipped")
            return ""
        tags = _tag_list({**self.tags, "Name": f"{self.names.name}-worker"})
        launch = lambda: self.aws("ec2").run_instances(  # noqa: E731
            LaunchTemplate={"LaunchTemplateName": self.names.launch_template, "Version": "$Default"},
            MinCount=1,
            MaxCount=1,
            TagSpecifications=[{"ResourceType": "instance", "Tags": tags}],
        )
        # A new instance profile takes a few seconds to become usable by EC2.
        instance_id = self._retry(launch, "InvalidParameterValue")["Instances"][0]["InstanceId"]
        self._did("ec2-instance", instance_id, "created")
        return instance_id

    def _instances(self, states: Sequence[str]) -> list[str]:
        pages = (
            self.aws("ec2")
            .get_paginator("describe_instances")
            .paginate(
                Filters=[
                    {"Name": f"tag:{TAG}", "Values": [self.names.name]},
                    {"Name": "instance-state-name", "Values": list(states)},
                ]
            )
        )
        return sorted(i["InstanceId"] for page in pages for r in page["Reservations"] for i in r["Instances"])

    def function(self, role_arn: str, queue_urls: dict[str, str], instance_id: str) -> str:
        lam, function = self.aws("lambda"), self.names.function
        bundle = build_bundle()
        environment = {
            "Variables": {
                "BOTBABY_CACHE_TABLE": self.names.cache_table,
                "BOTBABY_FEEDBACK_TABLE": self.names.feedback_table,
                "BOTBABY_QUEUE_URLS": json.dumps(queue_urls),  # {side: queue URL}, in side order
                "BOTBABY_INSTANCE_ID": instance_id,
                "BOTBABY_WAIT_S": str(self.config.wait_s),
            }
        }
        settings = {
            "Role": role_arn,
            "Handler": HANDLER,
            "Runtime": "python3.12",
            "Timeout": 30,  # as long as API Gateway waits
            "MemorySize": self.config.lambda_memory_mb,
            "Environment": environment,
        }
        try:
            found = lam.get_function(FunctionName=function)
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            create = lambda: lam.create_function(  # noqa: E731
                FunctionName=function, Code={"ZipFile": bundle}, Tags=self.tags, Publish=False, **settings
            )
            # A new role can take ~10 s before Lambda may assume it.
            arn = self._retry(create, "InvalidParameterValueException")["FunctionArn"]
            self._wait_function(function, "function_active_v2")
            self._did("lambda-function", function, "created")
            return arn
        self._claim("lambda-function", function, found.get("Tags", {}))
        current = found["Configuration"]
        changed = False
        if current["CodeSha256"] != code_sha256(bundle):
            lam.update_function_code(FunctionName=function, ZipFile=bundle)
            self._wait_function(function)
            changed = True
        stale = {key: value for key, value in settings.items() if current.get(key) != value}
        if stale:
            lam.update_function_configuration(FunctionName=function, **stale)
            self._wait_function(function)
            changed = True
        self._did("lambda-function", function, "updated" if changed else "unchanged")
        return current["FunctionArn"]

    def _wait_function(self, function: str, waiter: str = "function_updated_v2") -> None:
        self.aws("lambda").get_waiter(waiter).wait(
            FunctionName=function, WaiterConfig={"Delay": max(1, int(self.retry_wait_s)), "MaxAttempts": 60}
        )

    def http_api(self, function_arn: str) -> tuple[str, str]:
        """The HTTP API with CORS, one Lambda integration (30 s timeout), the routes and the $default stage."""
        apigw = self.aws("apigatewayv2")
        cors = {
            "AllowOrigins": ["*"],
            "AllowMethods": ["GET", "OPTIONS", "POST"],
            "AllowHeaders": ["content-type"],
            "MaxAge": 3600,
        }
        api = self._find_api()
        if api is None:
            api = apigw.create_api(
                Name=self.names.http_api, ProtocolType="HTTP", CorsConfiguration=cors, Tags=self.tags
            )
            self._did("apigateway-http-api", self.names.http_api, "created")
        else:
            changed = _ensure(
                lambda: _sorted_cors(api.get("CorsConfiguration", {})),
                _sorted_cors(cors),
                lambda: apigw.update_api(ApiId=api["ApiId"], CorsConfiguration=cors),
            )
            self._did("apigateway-http-api", self.names.http_api, "updated" if changed else "unchanged")
        api_id = api["ApiId"]
        integration = {"IntegrationType": "AWS_PROXY", "PayloadFormatVersion": "2.0", "TimeoutInMillis": 30000}
        existing = [i for i in _pages(apigw.get_integrations, ApiId=api_id) if i.get("IntegrationUri") == function_arn]
        if not existing:
            integration_id = apigw.create_integration(ApiId=api_id, IntegrationUri=function_arn, **integration)[
                "IntegrationId"
            ]
            self._did("apigateway-integration", f"{self.names.http_api}/lambda", "created")
        else:
            integration_id = existing[0]["IntegrationId"]
            stale = {key: value for key, value in integration.items() if existing[0].get(key) != value}
            if stale:
                apigw.update_integration(ApiId=api_id, IntegrationId=integration_id, **stale)
            self._did("apigateway-integration", f"{self.names.http_api}/lambda", "updated" if stale else "unchanged")
        target = f"integrations/{integration_id}"
        routes = {route["RouteKey"]: route for route in _pages(apigw.get_routes, ApiId=api_id)}
        for key in ROUTES:
            if key not in routes:
                apigw.create_route(ApiId=api_id, RouteKey=key, Target=target)
                self._did("apigateway-route", f"{self.names.http_api} {key}", "created")
            elif routes[key].get("Target") != target:
                apigw.update_route(ApiId=api_id, RouteId=routes[key]["RouteId"], Target=target)
                self._did("apigateway-route", f"{self.names.http_api} {key}", "updated")
            else:
                self._did("apigateway-route", f"{self.names.http_api} {key}", "unchanged")
        stages = {stage["StageName"] for stage in _pages(apigw.get_stages, ApiId=api_id)}
        if "$default" not in stages:
            apigw.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True, Tags=self.tags)
        self._did(
            "apigateway-stage", f"{self.names.http_api} $default", "unchanged" if "$default" in stages else "created"
        )
        return api_id, api["ApiEndpoint"]

    def _find_api(self) -> dict[str, Any] | None:
        apis = [api for api in _pages(self.aws("apigatewayv2").get_apis) if api["Name"] == self.names.http_api]
        ours = [api for api in apis if api.get("Tags", {}).get(TAG) == self.names.name]
        return ours[0] if ours else None

    def permission(self, api_id: str) -> None:
        """Let the HTTP API (and only it) invoke the function."""
        lam, function = self.aws("lambda"), self.names.function
        sid = f"{self.names.http_api}-invoke"
        source = self.names.arn("execute-api", f"{api_id}/*/*")
        try:
            statements = json.loads(lam.get_policy(FunctionName=function)["Policy"]).get("Statement", [])
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            statements = []
        current = next((s for s in statements if s.get("Sid") == sid), None)
        if current is not None and json.dumps(current).find(source) >= 0:
            self._did("lambda-permission", sid, "unchanged")
            return
        if current is not None:
            lam.remove_permission(FunctionName=function, StatementId=sid)
        lam.add_permission(
            FunctionName=function,
            StatementId=sid,
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=source,
        )
        self._did("lambda-permission", sid, "created" if current is None else "updated")

    def _retry(self, call: Callable[[], Any], code: str, tries: int = 12) -> Any:
        for attempt in range(tries):
            try:
                return call()
            except Exception as exc:
                if error_code(exc) != code or attempt == tries - 1:
                    raise
                time.sleep(self.retry_wait_s)
        raise AssertionError("unreachable")

    # -------------------------------------------------------------- teardown
    def teardown(self) -> list[Action]:
        names = self.names
        self._delete_http_api()
        self._delete_function()
        self._delete_log_group()
        self._delete_instances()
        self._delete_launch_template()
        self._delete_instance_profile()
        for role in (names.api_role, names.worker_role):
            self._delete_role(role)
        for queue in self._side_queues() + [names.dead_letter_queue]:
            self._delete_queue(queue)
        for table in (names.cache_table, names.feedback_table):
            self._delete_table(table)
        self._delete_bucket()
        return self.actions

    def _delete_http_api(self) -> None:
        api = self._find_api()
        if api is None:
            self._did("apigateway-http-api", self.names.http_api, "absent")
            return
        self.aws("apigatewayv2").delete_api(ApiId=api["ApiId"])  # with its integration, routes and stage
        self._did("apigateway-http-api", self.names.http_api, "deleted")

    def _delete_function(self) -> None:
        lam, function = self.aws("lambda"), self.names.function
        try:
            tags = lam.get_function(FunctionName=function).get("Tags", {})
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            self._did("lambda-function", function, "absent")
            return
        if tags.get(TAG) != self.names.name:
            self._did("lambda-function", function, "skipped")
            return
        lam.delete_function(FunctionName=function)
        self._did("lambda-function", function, "deleted")

    def _delete_log_group(self) -> None:
        logs, group = self.aws("logs"), self.names.log_group
        try:
            logs.delete_log_group(logGroupName=group)
            self._did("logs-log-group", group, "deleted")
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            self._did("logs-log-group", group, "absent")

    def _delete_instances(self) -> None:
        instances = self._instances(("pending", "running", "stopping", "stopped"))
        if instances:
            self.aws("ec2").terminate_instances(InstanceIds=instances)
        for instance_id in instances:
            self._did("ec2-instance", instance_id, "deleted")
        if not instances:
            self._did("ec2-instance", f"{self.names.name}-worker", "absent")

    def _delete_launch_template(self) -> None:
        ec2, template = self.aws("ec2"), self.names.launch_template
        try:
            found = ec2.describe_launch_templates(LaunchTemplateNames=[template])["LaunchTemplates"]
        except Exception as exc:
            if "NotFound" not in error_code(exc) and "InvalidLaunchTemplateName" not in error_code(exc):
                raise
            found = []
        if not found:
            self._did("ec2-launch-template", template, "absent")
        elif _tag_dict(found[0].get("Tags", [])).get(TAG) != self.names.name:
            self._did("ec2-launch-template", template, "skipped")
        else:
            ec2.delete_launch_template(LaunchTemplateName=template)
            self._did("ec2-launch-template", template, "deleted")

    def _delete_instance_profile(self) -> None:
        iam, profile = self.aws("iam"), self.names.instance_profile
        try:
            found = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            self._did("iam-instance-profile", profile, "absent")
            return
        if _tag_dict(found.get("Tags", [])).get(TAG) != self.names.name:
            self._did("iam-instance-profile", profile, "skipped")
            return
        for role in found["Roles"]:
            iam.remove_role_from_instance_profile(InstanceProfileName=profile, RoleName=role["RoleName"])
        iam.delete_instance_profile(InstanceProfileName=profile)
        self._did("iam-instance-profile", profile, "deleted")

    def _delete_role(self, role: str) -> None:
        iam = self.aws("iam")
        try:
            tags = _tag_dict(iam.list_role_tags(RoleName=role)["Tags"])
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            self._did("iam-role", role, "absent")
            return
        if tags.get(TAG) != self.names.name:
            self._did("iam-role", role, "skipped")
            return
        for policy in iam.list_role_policies(RoleName=role)["PolicyNames"]:
            iam.delete_role_policy(RoleName=role, PolicyName=policy)
        for policy in iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"]:
            iam.detach_role_policy(RoleName=role, PolicyArn=policy["PolicyArn"])
        iam.delete_role(RoleName=role)
        self._did("iam-role", role, "deleted")

    def _side_queues(self) -> list[str]:
        urls = []
        for page in self.aws("sqs").get_paginator("list_queues").paginate(QueueNamePrefix=f"{self.names.name}-"):
            urls.extend(page.get("QueueUrls", []))
        return sorted(name for name in (url.rsplit("/", 1)[1] for url in urls) if self.names.is_queue(name))

    def _delete_queue(self, queue: str) -> None:
        sqs = self.aws("sqs")
        try:
            url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        except Exception as exc:
            if "NonExistentQueue" not in error_code(exc):
                raise
            self._did("sqs-queue", queue, "absent")
            return
        if sqs.list_queue_tags(QueueUrl=url).get("Tags", {}).get(TAG) != self.names.name:
            self._did("sqs-queue", queue, "skipped")
            return
        sqs.delete_queue(QueueUrl=url)
        self._did("sqs-queue", queue, "deleted")

    def _delete_table(self, table: str) -> None:
        dynamodb = self.aws("dynamodb")
        try:
            arn = dynamodb.describe_table(TableName=table)["Table"]["TableArn"]
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            self._did("dynamodb-table", table, "absent")
            return
        if _tag_dict(dynamodb.list_tags_of_resource(ResourceArn=arn).get("Tags", [])).get(TAG) != self.names.name:
            self._did("dynamodb-table", table, "skipped")
            return
        dynamodb.delete_table(TableName=table)
        self._did("dynamodb-table", table, "deleted")

    def _delete_bucket(self) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            tags = _tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"])
        except Exception as exc:
            if error_code(exc) in ("NoSuchBucket", "404"):
                self._did("s3-bucket", bucket, "absent")
                return
            if error_code(exc) != "NoSuchTagSet":
                raise
            tags = {}
        if tags.get(TAG) != self.names.name:
            self._did("s3-bucket", bucket, "skipped")
            return
        for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
            doomed = [
                {"Key": entry["Key"], "VersionId": entry["VersionId"]}
                for entry in page.get("Versions", []) + page.get("DeleteMarkers", [])
            ]
            if doomed:
                s3.delete_objects(Bucket=bucket, Delete={"Objects": doomed, "Quiet": True})
        s3.delete_bucket(Bucket=bucket)
        self._did("s3-bucket", bucket, "deleted")


_PUBLIC_ACCESS = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": False,  # the page files are public through the bucket policy
    "RestrictPublicBuckets": False,
}


def _policy(grants: Sequence[tuple[Sequence[str], Any]]) -> dict[str, Any]:
    """An IAM policy from (actions, resources) grants; resources may be a dict with a Condition."""
    statements = []
    for actions, resources in grants:
        statement = {"Effect": "Allow", "Action": sorted(actions)}
        statement.update(resources if isinstance(resources, dict) else {"Resource": resources})
        statements.append(statement)
    return {"Version": "2012-10-17", "Statement": statements}


def _ensure(read: Callable[[], Any], wanted: Any, write: Callable[[], Any], missing: Sequence[str] = ()) -> bool:
    """Write ``wanted`` unless ``read()`` already returns it; True when it wrote."""
    try:
        current = read()
    except Exception as exc:
        if error_code(exc) not in missing:
            raise
        current = None
    if current == wanted:
        return False
    write()
    return True


def _document(value: Any) -> Any:
    """An IAM policy document as a dict (boto3 decodes them; some endpoints return JSON text)."""
    if isinstance(value, str):
        from urllib.parse import unquote

        return json.loads(unquote(value))
    return value


def _same_attribute(current: str | None, wanted: str) -> bool:
    if current is None:
        return False
    if wanted.startswith("{"):
        try:
            return {k: str(v) for k, v in json.loads(current).items()} == {
                k: str(v) for k, v in json.loads(wanted).items()
            }
        except ValueError:
            return False
    return current == wanted


def _sorted_cors(cors: dict[str, Any]) -> dict[str, Any]:
    return {key: sorted(value) if isinstance(value, list) else value for key, value in cors.items()}


def _tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def _tag_dict(tags: list[dict[str, str]]) -> dict[str, str]:
    return {tag["Key"]: tag["Value"] for tag in tags}


def _head(s3: Any, bucket: str, key: str) -> dict[str, Any] | None:
    try:
        return s3.head_object(Bucket=bucket, Key=key)
    except Exception as exc:
        if error_code(exc) in ("404", "NoSuchKey", "NotFound"):
            return None
        raise


def _pages(method: Callable[..., dict[str, Any]], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item of an API Gateway v2 listing, following NextToken."""
    while True:
        page = method(**kwargs)
        yield from page.get("Items", [])
        if not page.get("NextToken"):
            return
        kwargs["NextToken"] = page["NextToken"]


def _site_keys(site_dir: Path) -> list[str]:
    """The page's files, relative to ``site_dir`` (config.js is always ours)."""
    keys = {"config.js"}
    if site_dir.is_dir():
        keys.update(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return sorted(key for key in keys if not key.startswith(".") and "__pycache__" not in key)


def _reproducible_tar(paths: SidePaths, archive: Path) -> str:
    """Pack what serving a side needs (``model/`` and 04_clean's ``punkt.pickle``), as paths relative to
    the side's folder, into a tar.gz whose bytes depend on the files alone; return its sha256."""
    files = sorted(p for p in paths.model_dir.rglob("*") if p.is_file())
    if paths.punkt.is_file():  # the sentence splitter the original's post-processing used
        files.append(paths.punkt)
    with open(archive, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in files:
                # TensorBoard event logs are for looking at training, not for serving.
                if path.name.startswith("events.out.tfevents"):
                    continue
                info = tar.gettarinfo(str(path), arcname=path.relative_to(paths.root).as_posix())
                info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", 0o644
                with open(path, "rb") as handle:
                    tar.addfile(info, handle)
    digest = hashlib.sha256()
    with open(archive, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
