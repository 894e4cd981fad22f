"""The GPU worker instance as the deploy and the Lambda see it: found by its tag, started, replaced when it must be.

    worker = WorkerInstance(WorkerTarget.from_json(os.environ["BOTBABY_WORKER"]), clients)
    worker.ensure_running()    # "pending", "running", ...; raises what a visitor must be told

The Lambda calls ``ensure_running`` for every new prompt and every poll of a pending job:

- a running, pending or stopping worker is left alone (a stopping one is started at the next poll);
- a stopped worker launched from the launch template's default version is started. When its zone
  has no free capacity for the type, AWS refuses ``StartInstances`` with
  ``InsufficientInstanceCapacity`` (or the instance falls back to "stopped" with the state reason
  ``Server.InsufficientInstanceCapacity``): the worker is then *replaced* by a new instance in the
  default subnet of another zone (the deploy's preflight lists those offering the type);
- a stopped worker launched from an older version (the deploy changed the sides, instance type, AMI
  or packages; a running one stops itself at a job boundary when it sees that, ``worker.py``) is
  replaced by one from the default version, in its own zone first;
- no worker at all (terminated by hand, or a spot request gone) raises ``WorkerGone``: only a deploy
  launches one from nothing.

A replacement is launched first and the old instance terminated only once the new one exists, so
a failed replacement leaves the stopped worker as it was. ``RunInstances`` gets a client token made
from the old instance and the zone: two Lambdas replacing the same worker at once get the same new
instance from AWS (moto ignores the token). The idle alarm (the last backstop) is moved to the new
instance. Every call here returns at once (no waiter): the Lambda still answers 202 quickly.

Light on purpose (boto3 only, through ``AwsClients``): it is part of the Lambda bundle.
"""

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.deploy.aws.names import TAG

VERSION_TAG = "botbaby:template-version"  # the launch template version an instance was launched from
# RunInstances/StartInstances answers that mean "not in this zone now": try the next availability zone.
CAPACITY_ERRORS = ("InsufficientInstanceCapacity", "Unsupported")
CAPACITY_STATE_REASON = "Server.InsufficientInstanceCapacity"  # a start that failed after StartInstances answered
LIVE_STATES = ("pending", "running", "stopping", "stopped")
ALARM_SETTINGS = (  # what PutMetricAlarm takes back from DescribeAlarms to move the alarm to another instance
    "AlarmName", "AlarmDescription", "ActionsEnabled", "AlarmActions", "MetricName", "Namespace", "Statistic",
    "Period", "EvaluationPeriods", "Threshold", "ComparisonOperator", "TreatMissingData",
)  # fmt: skip


class WorkerGone(Exception):
    """The stack has no worker instance left (terminated): only a deploy brings one back."""

    code = "terminated"


class NoCapacity(Exception):
    """No zone tried had capacity for the worker's instance type."""

    code = "InsufficientInstanceCapacity"

    def __init__(self, instance_type: str, zones: Sequence[str]) -> None:
        self.instance_type, self.zones = instance_type, list(zones)
        super().__init__(f"no {instance_type} capacity in {', '.join(zones) or 'any zone'}")


@dataclass(frozen=True)
class WorkerTarget:
    """What the Lambda needs to find, start and replace the worker (``BOTBABY_WORKER``, set by the deploy)."""

    stack: str
    launch_template: str
    instance_type: str = ""
    alarm: str = ""  # the idle alarm that follows the worker to a new instance ("" : none)
    subnets: dict[str, str] = field(default_factory=dict)  # zone -> default subnet offering the type

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "WorkerTarget":
        return cls(**json.loads(text))


def stack_instances(ec2: Any, stack: str, states: Sequence[str] = LIVE_STATES) -> list[dict[str, Any]]:
    """The stack's instances in ``states``, oldest first."""
    pages = ec2.get_paginator("describe_instances").paginate(
        Filters=[{"Name": f"tag:{TAG}", "Values": [stack]}, {"Name": "instance-state-name", "Values": list(states)}]
    )
    found = [i for page in pages for r in page["Reservations"] for i in r["Instances"]]
    return sorted(found, key=lambda i: (str(i.get("LaunchTime", "")), i["InstanceId"]))


def launch(
    ec2: Any,
    template: str,
    version: str,
    tags: dict[str, str],
    subnets: Sequence[tuple[str, str]],
    instance_type: str = "",
    token: str = "",
    attempt: Callable[[Callable[[], Any]], Any] = lambda call: call(),
    on_no_capacity: Callable[[str], None] = lambda zone: None,
) -> tuple[str, str]:
    """Launch one worker from ``template`` ``version`` in the first of ``subnets`` ((zone, subnet), in order) with
    capacity; return (instance id, zone). ``("", "")`` as the only subnet lets EC2 choose. Raises NoCapacity."""
    tag_list = [{"Key": key, "Value": value} for key, value in sorted(tags.items())]
    tried = []
    for zone, subnet in subnets:
        options: dict[str, Any] = {"SubnetId": subnet} if subnet else {}
        if token:  # idempotent: the same token gives the same instance (real EC2; moto ignores it)
            options["ClientToken"] = f"{token}-{zone}"[:64]
        call = lambda options=options: ec2.run_instances(  # noqa: E731
            LaunchTemplate={"LaunchTemplateName": template, "Version": version},
            MinCount=1,
            MaxCount=1,
            TagSpecifications=[{"ResourceType": "instance", "Tags": tag_list}],
            **options,
        )
        try:
            instance = attempt(call)["Instances"][0]
        except Exception as exc:
            if error_code(exc) not in CAPACITY_ERRORS:
                raise
            tried.append(zone)
            on_no_capacity(zone)
            continue
        return instance["InstanceId"], instance.get("Placement", {}).get("AvailabilityZone", zone)
    raise NoCapacity(instance_type, tried)


def terminate(ec2: Any, instance_ids: Sequence[str]) -> None:
    """Terminate instances, cancelling their spot requests first (a persistent one would relaunch them)."""
    if not instance_ids:
        return
    requests = ec2.describe_spot_instance_requests(Filters=[{"Name": "instance-id", "Values": list(instance_ids)}])
    request_ids = [r["SpotInstanceRequestId"] for r in requests.get("SpotInstanceRequests", [])]
    if request_ids:
        ec2.cancel_spot_instance_requests(SpotInstanceRequestIds=request_ids)
    ec2.terminate_instances(InstanceIds=list(instance_ids))


def move_alarm(cloudwatch: Any, alarm: str, instance_id: str) -> bool:
    """Point the idle alarm at ``instance_id`` (its other settings unchanged); False when there is no such alarm.

    An alarm watching that instance already is left alone.
    """
    found = cloudwatch.describe_alarms(AlarmNames=[alarm])["MetricAlarms"]
    if not found:
        return False
    if {"Name": "InstanceId", "Value": instance_id} in found[0].get("Dimensions", []):
        return True
    settings = {key: found[0][key] for key in ALARM_SETTINGS if key in found[0]}
    cloudwatch.put_metric_alarm(**settings, Dimensions=[{"Name": "InstanceId", "Value": instance_id}])
    return True


def default_version(ec2: Any, template: str) -> str:
    """The default version of launch template ``template``: what a new worker is launched from."""
    versions = ec2.describe_launch_template_versions(LaunchTemplateName=template, Versions=["$Default"])
    return str(versions["LaunchTemplateVersions"][0]["VersionNumber"])


def tags_of(instance: dict[str, Any]) -> dict[str, str]:
    return {tag["Key"]: tag["Value"] for tag in instance.get("Tags", [])}


class WorkerInstance:
    """The stack's GPU worker: started when a new prompt is queued and it is stopped, replaced when it must be."""

    def __init__(self, target: WorkerTarget, clients: AwsClients | None = None,
                 log: Callable[[str], None] = print) -> None:  # fmt: skip
        self.target = target
        self.settle_tries, self.settle_s = 3, 1.0  # see current()
        self.clients = clients or AwsClients()
        self._ec2 = self.clients("ec2")
        self.log = log

    def current(self) -> dict[str, Any] | None:
        """The stack's newest instance that is not terminated, or None.

        DescribeInstances is eventually consistent: for a few seconds after a replacement it may list
        the old instance, shutting down, and not yet the new one. While one of the stack's instances is
        shutting down, an empty answer is asked again (``settle_tries`` times, ``settle_s`` apart)
        before the worker counts as gone; a worker terminated long ago costs no wait.
        """
        for attempt in range(self.settle_tries + 1):
            found = stack_instances(self._ec2, self.target.stack)
            if found:
                return found[-1]
            if attempt == self.settle_tries or not stack_instances(self._ec2, self.target.stack, ("shutting-down",)):
                return None
            time.sleep(self.settle_s)
        return None

    def state(self) -> str:
        instance = self.current()
        return instance["State"]["Name"] if instance is not None else "terminated"

    def default_version(self) -> str:
        """The launch template's default version: what a new worker is launched from."""
        return default_version(self._ec2, self.target.launch_template)

    def ensure_running(self) -> str:
        """Start (or replace) the worker if it is stopped; return the state it is in now ("pending", "running", ...)."""
        instance = self.current()
        if instance is None:
            raise WorkerGone("terminated")
        state = instance["State"]["Name"]
        if state != "stopped":
            # running/pending: it will see the job; stopping: the next poll starts it again
            return state
        version = self.default_version()
        launched_from = tags_of(instance).get(VERSION_TAG)
        zone = instance.get("Placement", {}).get("AvailabilityZone", "")
        if launched_from is not None and launched_from != version:
            return self.replace(instance, version, f"it was launched from launch template version {launched_from}",
                                first=zone)  # fmt: skip
        if instance.get("StateReason", {}).get("Code") == CAPACITY_STATE_REASON:
            return self.replace(instance, version, f"its last start found no capacity in {zone}", skip=zone)
        try:
            changes = self._ec2.start_instances(InstanceIds=[instance["InstanceId"]])["StartingInstances"]
        except Exception as exc:
            if error_code(exc) == "IncorrectInstanceState":  # another Lambda got there first
                return self.state()
            if error_code(exc) not in CAPACITY_ERRORS:
                raise
            return self.replace(instance, version, f"AWS has no {self.target.instance_type} capacity in {zone}",
                                skip=zone)  # fmt: skip
        self.watch(instance["InstanceId"])  # e.g. a second worker left by a race of two replacements
        return changes[0]["CurrentState"]["Name"]

    def watch(self, instance_id: str) -> None:
        """Point the idle alarm (the last backstop) at the worker being started, if it watches another."""
        if not self.target.alarm:
            return
        try:
            move_alarm(self.clients("cloudwatch"), self.target.alarm, instance_id)
        except Exception as exc:  # the worker's own idle stop still works; the next start or deploy retries
            self.log(f"botbaby: could not point the idle alarm {self.target.alarm} at {instance_id}: {exc}")

    def replace(self, old: dict[str, Any], version: str, why: str, first: str = "", skip: str = "") -> str:
        """Launch a worker from ``version`` (in zone ``first`` first, never in ``skip``), then terminate ``old``."""
        zones = sorted(self.target.subnets, key=lambda zone: (zone != first, zone))
        subnets = [(zone, self.target.subnets[zone]) for zone in zones if zone != skip]
        if not subnets:
            raise NoCapacity(self.target.instance_type, [skip] if skip else [])
        tags = {key: value for key, value in tags_of(old).items() if not key.startswith("aws:")}
        tags[VERSION_TAG] = version
        new_id, zone = launch(
            self._ec2, self.target.launch_template, version, tags, subnets, self.target.instance_type,
            token=f"botbaby-{old['InstanceId']}-v{version}",
            on_no_capacity=lambda zone: self.log(f"botbaby: no {self.target.instance_type} capacity in {zone} now"),
        )  # fmt: skip
        self.watch(new_id)  # first: whatever fails next, the running worker has its backstop
        try:
            terminate(self._ec2, [old["InstanceId"]])
        except Exception as exc:  # a stopped instance costs only its disk; the next deploy removes it
            self.log(f"botbaby: could not terminate the replaced worker {old['InstanceId']}: {exc}")
        self.log(f"botbaby: replaced the stopped worker {old['InstanceId']} ({why}) by {new_id} in {zone}, "
                 f"launch template version {version}")  # fmt: skip
        return "pending"
