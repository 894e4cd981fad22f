"""Deploy botbaby on AWS and remove it again, by code: idempotent, every resource named and tagged NAME.

    result = deploy_aws("botbaby-data", name="botbaby-demo", region="ap-south-1")
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from botbaby.deploy.aws.artifacts import SITE_DIR
from botbaby.deploy.aws.clients import AwsClients
from botbaby.deploy.aws.create import ROUTES, Deploy
from botbaby.deploy.aws.names import TAG, StackNames, check_name
from botbaby.deploy.aws.policies import COMPARE_KEY
from botbaby.deploy.aws.preflight import check_region, find_ami, preflight
from botbaby.deploy.aws.resources import Action, aws_errors, count_actions
from botbaby.deploy.aws.settings import DeploySettings
from botbaby.deploy.aws.teardown import Teardown
from botbaby.errors import BotbabyError
from botbaby.io import atomic_write_text
from botbaby.layout import Layout, has_checkpoint, trained_sides

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

    def print_notes(self) -> None:
        """Print each note on its own line (06_deploy_aws shows them above the table)."""
        print("\n".join(f"note: {note}" for note in self.notes))

    def table(self) -> Any:
        """The actions as a pandas DataFrame, one row per resource (for notebooks)."""
        import pandas as pd

        return pd.DataFrame([asdict(action) for action in self.actions], columns=["resource", "name", "action"])


def deploy_aws(
    data: Path | str,
    config: DeploySettings | dict | None = None,
    *,
    endpoint_url: str | None = None,
    site_dir: Path = SITE_DIR,
    retry_wait_s: float = 5.0,
    **overrides: Any,
) -> DeployResult:
    """Check, then create or update the whole stack from the checkpoints in DATA; print the page address.

    ``config`` (a DeploySettings, a dict or None) and ``overrides`` (``name="bb-demo", spot=True``)
    say how; DeploySettings' fields are the defaults.
    """
    config = DeploySettings.resolve(config, **overrides)
    clients = AwsClients(config.region or None, endpoint_url)
    check_region(clients.region)
    layout = Layout(Path(data))
    config = replace(config, region=clients.region, sides=config.sides or tuple(trained_sides(layout.root)))
    name = config.name
    if not config.sides:
        raise BotbabyError(f"no trained model under {layout.root}: run `botbaby train SIDE --data {layout.root}` first")
    for side in config.sides:
        check_model(layout, side, config.engine)
    with aws_errors("deploy"):
        found = preflight(clients, config.instance_type, spot=config.spot)
        run = Deploy(clients, config, retry_wait_s, found)
        run.config = config = replace(
            config, ami=config.ami or run.current_ami(config.engine) or find_ami(clients, config.engine)
        )  # a redeploy keeps the AMI (unless the engine changed)
        page_url, api_url, instance_id = run.deploy(layout, Path(site_dir))
    result = DeployResult(name, clients.region, page_url, api_url, instance_id, run.actions, run.notes)
    config.save(layout.deploy_dir / f"{name}.config.json")
    atomic_write_text(layout.deploy_dir / f"{name}.json", json.dumps(result.to_dict(), indent=2) + "\n")
    for note in result.notes:
        print(f"note: {note}")
    print(f"botbaby on AWS ({name}, {clients.region}): {len(result.changed())} change(s); page: {result.page_url}")
    return result


def check_model(layout: Layout, side: str, engine: str) -> None:
    """Refuse to deploy a side whose worker would have nothing to load: the checkpoint (tf) or a current export (torch)."""
    from botbaby.layout import export_status

    model_dir = layout.side(side).model_dir
    if not has_checkpoint(model_dir):
        raise BotbabyError(f"no checkpoint at {model_dir}: run `botbaby train {side}` first")
    status = export_status(model_dir) if engine == "torch" else "current"
    if status != "current":
        what = "no PyTorch export" if status == "missing" else "an export older than the checkpoint"
        raise BotbabyError(
            f"side {side} has {what} in {model_dir / 'hf'}: run `botbaby export {side} --data {layout.root}` "
            "(the torch engine serves it), or deploy with --engine tf"
        )


def teardown_aws(name: str, region: str | None = None, *, endpoint_url: str | None = None,
                 enabled: bool = True) -> list[Action]:
    """Delete every resource of stack NAME (only those tagged with it); return what happened to each.

    ``enabled=False`` deletes nothing and returns []: 06_deploy_aws's TEARDOWN switch, so its cell needs no branch.
    """
    if not enabled:
        return []
    clients = AwsClients(region, endpoint_url)
    check_region(clients.region)
    check_name(name)
    with aws_errors("teardown"):
        actions = Teardown(clients, name, retry_wait_s=0).teardown()
    deleted = sum(action.action == "deleted" for action in actions)
    print(f"botbaby on AWS ({name}, {clients.region}): deleted {deleted} resource(s)")
    return actions
