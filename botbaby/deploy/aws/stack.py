"""Deploy botbaby on AWS and remove it again, by code: idempotent, every resource named and tagged NAME.

    result = deploy_aws("botbaby-data", "botbaby-demo", region="ap-south-1")
    print(result.page_url)     # the page on S3, calling the HTTP API
    result.actions             # [Action("dynamodb-table", "botbaby-demo-cache", "created"), ...]
    teardown_aws("botbaby-demo", region="ap-south-1")

Before creating anything the deploy checks the region, the credentials, that the instance type is
offered, the vCPU quota and the default VPC (``preflight.py``), and finds the worker's AMI. Then it
creates or updates, in order (a second run reports every one "unchanged"):

- DynamoDB tables ``NAME-cache`` (answers, visit counters) and ``NAME-feedback``, on-demand.
- SQS FIFO queues ``NAME-SIDE-jobs.fifo``, one per side, and their dead-letter queue ``NAME-jobs-dlq.fifo``.
- S3 bucket ``NAME-ACCOUNT-REGION``: website hosting for the page (public read of the page files
  only), the checkpoints as ``models/SIDE.tar.gz``, this checkout as a wheel with the pinned
  versions it was tested with under ``artifacts/`` (private), ``prompts.json`` for autocomplete.
- IAM: ``NAME-REGION-worker`` role and instance profile, ``NAME-REGION-api`` for the Lambda
  (``policies.py``: least privilege, no ``*`` actions), and log groups for the worker's journal
  and the API's access log.
- EC2 launch template ``NAME-worker`` (GPU AMI, IMDSv2, shutdown stops, user data installing the
  wheel) and the worker instance, replaced when stopped and the template changed; a CloudWatch
  alarm stops it after ``alarm_idle_minutes`` of low CPU, whatever else went wrong.
- Lambda ``NAME-api`` (``bundle.py``: light modules only) and the HTTP API ``NAME-http`` (CORS,
  30 s integration timeout, throttled stage with access logs), optionally an AWS Budgets alert.

A resource that exists under one of these names without the tag ``botbaby:stack=NAME`` is never
adopted (the deploy stops and says so), and ``teardown_aws`` deletes exactly these, and only when
they carry that tag. AWS refusals stop the run with a one-line error; running it again resumes.
"""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from botbaby.config import StageConfig
from botbaby.deploy.aws.artifacts import SITE_DIR
from botbaby.deploy.aws.clients import AwsClients
from botbaby.deploy.aws.create import ROUTES, Deploy
from botbaby.deploy.aws.handler import DEFAULT_WAIT_S
from botbaby.deploy.aws.names import TAG, StackNames, check_name
from botbaby.deploy.aws.policies import COMPARE_KEY
from botbaby.deploy.aws.preflight import check_region, find_ami, preflight
from botbaby.deploy.aws.resources import Action, aws_errors, count_actions
from botbaby.deploy.aws.teardown import Teardown
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_write_text
from botbaby.layout import Layout, check_side
from botbaby.sentiment import BACKENDS as SENTIMENT_BACKENDS
from botbaby.serve.worker import IDLE_MINUTES
from botbaby.train import has_checkpoint, trained_sides

__all__ = [
    "COMPARE_KEY",
    "ROUTES",
    "SITE_DIR",
    "TAG",
    "Action",
    "DeployResult",
    "DeploySettings",
    "StackNames",
    "count_actions",
    "deploy_aws",
    "teardown_aws",
]
_aws_errors = aws_errors  # the name the tests and older callers use


@dataclass
class DeploySettings(StageConfig):
    """``botbaby deploy aws`` settings; the resolved ones are saved as DATA/deploy/NAME.config.json."""

    name: str = "botbaby"  # prefix and tag of every resource
    region: str = "us-east-1"  # AWS region
    instance_type: str = "g4dn.xlarge"  # the GPU worker (NVIDIA T4, 16 GB)
    ami: str = ""  # worker AMI; empty: keep the launch template's, else the latest Deep Learning Base AMI
    spot: bool = (
        False  # run the worker as a (persistent, stop-on-interruption) spot instance: ~70% cheaper, may be interrupted
    )
    sides: list[str] = field(default_factory=list)  # sides to serve; empty: every side with a model
    wait_s: float = DEFAULT_WAIT_S  # how long /generate waits for a new prompt before answering 202 (< 29 s)
    idle_stop_s: float = IDLE_MINUTES * 60  # the worker stops its instance after this many idle seconds
    alarm_idle_minutes: int = 30  # backstop: a CloudWatch alarm stops the worker after this long at low CPU
    alarm_cpu_percent: float = 5.0  # "low CPU" for that alarm, percent
    visibility_timeout_s: int = 300  # a job is hidden this long while generated (the worker extends it while busy)
    max_receives: int = 3  # a job is dead-lettered after this many failed tries
    lambda_memory_mb: int = 256  # the handler only talks to DynamoDB and SQS
    throttle_rate: float = 10.0  # API Gateway: steady requests per second for the whole API
    throttle_burst: int = 20  # API Gateway: requests allowed in a burst
    budget_usd: float = 0.0  # monthly AWS Budgets cost alert in USD; 0: none
    budget_email: str = ""  # where the budget alert e-mails go (needed with budget_usd)
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
        if self.alarm_idle_minutes < 10 or self.alarm_idle_minutes * 60 <= self.idle_stop_s:
            raise ConfigError("alarm_idle_minutes must be at least 10 and longer than idle_stop_s (it is the backstop)")
        if not 0 < self.alarm_cpu_percent < 100 or self.throttle_rate <= 0 or self.throttle_burst < 1:
            raise ConfigError("alarm_cpu_percent 0-100, throttle_rate > 0 and throttle_burst >= 1, please")
        if self.budget_usd < 0 or (self.budget_usd > 0 and "@" not in self.budget_email):
            raise ConfigError("budget_usd needs budget_email (an address for the alert), and must not be negative")


@dataclass
class DeployResult:
    """Where the deployed product answers, and what the run did."""

    name: str
    region: str
    page_url: str
    api_url: str
    instance_id: str
    actions: list[Action]
    notes: list[str] = field(default_factory=list)  # worth knowing: a replaced or outdated worker, an unread quota

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
    """Check, then create or update the whole stack NAME from the checkpoints in DATA; print the page address."""
    clients = AwsClients(region, endpoint_url)
    check_region(clients.region)
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
    with aws_errors("deploy"):
        found = preflight(clients, config.instance_type, spot=config.spot)
        run = Deploy(clients, config, retry_wait_s, found)
        config.ami = config.ami or run.current_ami() or find_ami(clients)  # a redeploy keeps the worker's AMI
        page_url, api_url, instance_id = run.deploy(layout, Path(site_dir))
    result = DeployResult(name, clients.region, page_url, api_url, instance_id, run.actions, run.notes)
    config.save(layout.deploy_dir / f"{name}.config.json")
    atomic_write_text(layout.deploy_dir / f"{name}.json", json.dumps(result.to_dict(), indent=2) + "\n")
    for note in result.notes:
        print(f"note: {note}")
    print(f"botbaby on AWS ({name}, {clients.region}): {len(result.changed())} change(s); page: {result.page_url}")
    return result


def teardown_aws(name: str, region: str | None = None, *, endpoint_url: str | None = None) -> list[Action]:
    """Delete every resource of stack NAME (only those tagged with it); return what happened to each."""
    clients = AwsClients(region, endpoint_url)
    check_region(clients.region)
    check_name(name)
    with aws_errors("teardown"):
        actions = Teardown(clients, name, retry_wait_s=0).teardown()
    deleted = sum(action.action == "deleted" for action in actions)
    print(f"botbaby on AWS ({name}, {clients.region}): deleted {deleted} resource(s)")
    return actions
