"""What deploy and teardown share: the record of each resource's fate, claiming by tag, AWS error handling.

>>> count_actions([Action("sqs-queue", "a", "deleted"), Action("s3-bucket", "b", "deleted")])
{'deleted': 2}
"""

import contextlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from botbaby._optional import require
from botbaby.deploy.aws import fleet
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.deploy.aws.names import TAG, StackNames
from botbaby.errors import BotbabyError


@dataclass(frozen=True)
class Action:
    """What the deploy or teardown did to one resource."""

    resource: str  # kind: "s3-bucket", "sqs-queue", ...
    name: str
    action: str  # created / updated / replaced / unchanged / outdated; deleted / absent / skipped (teardown)


def count_actions(actions: Sequence[Action]) -> dict[str, int]:
    """``{"created": 3, "unchanged": 20}``: how many resources each action befell."""
    counts: dict[str, int] = {}
    for action in actions:
        counts[action.action] = counts.get(action.action, 0) + 1
    return counts


class StackRun:
    """One deploy or teardown run: the clients, the names, and the actions taken so far."""

    def __init__(self, clients: AwsClients, name: str, retry_wait_s: float, account: str | None = None) -> None:
        self.aws, self.retry_wait_s = clients, retry_wait_s
        account = account or clients("sts").get_caller_identity()["Account"]
        self.names = StackNames(name, clients.region, account)
        self.tags = {TAG: name}
        self.actions: list[Action] = []

    def did(self, resource: str, name: str, action: str) -> str:
        self.actions.append(Action(resource, name, action))
        return action

    def claim(self, resource: str, name: str, tags: dict[str, str]) -> None:
        """Refuse to adopt an existing resource that is not this stack's (it lacks our tag)."""
        if tags.get(TAG) != self.names.name:
            raise BotbabyError(
                f"{resource} {name} exists but is not part of stack {self.names.name} (no tag {TAG}={self.names.name}): "
                "choose another --name, or remove it yourself"
            )

    def retry(self, call: Callable[[], Any], code: str, tries: int = 12) -> Any:
        """``call()``, again after ``retry_wait_s`` while AWS answers ``code`` (eventual consistency)."""
        for attempt in range(tries):
            try:
                return call()
            except Exception as exc:
                if error_code(exc) != code or attempt == tries - 1:
                    raise
                time.sleep(self.retry_wait_s)
        raise AssertionError("unreachable")

    def instances(self, states: Sequence[str]) -> list[dict[str, Any]]:
        """The stack's instances in ``states``, oldest first."""
        return fleet.stack_instances(self.aws("ec2"), self.names.name, states)

    def terminate(self, instance_ids: list[str]) -> None:
        """Terminate instances, cancelling their spot requests first (a persistent one would relaunch them)."""
        fleet.terminate(self.aws("ec2"), instance_ids)


@contextlib.contextmanager
def aws_errors(what: str) -> Iterator[None]:
    """Turn AWS's refusals into one-line errors that say what to do; a rerun picks up where this one stopped."""
    botocore_exceptions = require("botocore.exceptions", extra="aws", package="botocore")
    try:
        yield
    except botocore_exceptions.NoCredentialsError as exc:
        raise BotbabyError(
            f"no AWS credentials for the {what}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
        ) from exc
    except botocore_exceptions.EndpointConnectionError as exc:
        raise BotbabyError(f"could not reach AWS during the {what} ({exc}): check the region and the network") from exc
    except botocore_exceptions.ClientError as exc:
        operation = getattr(exc, "operation_name", "a call")
        raise BotbabyError(
            f"AWS refused {operation} during the {what}: {error_code(exc)}: "
            f"{exc.response.get('Error', {}).get('Message', exc)}; fix that and run the {what} again "
            "(it keeps what is already done)"
        ) from exc


def ensure(read: Callable[[], Any], wanted: Any, write: Callable[[], Any], missing: Sequence[str] = ()) -> bool:
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


def document(value: Any) -> Any:
    """An IAM policy document as a dict (boto3 decodes them; some endpoints return JSON text)."""
    if isinstance(value, str):
        from urllib.parse import unquote

        return json.loads(unquote(value))
    return value


def same_attribute(current: str | None, wanted: str) -> bool:
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


def sorted_cors(cors: dict[str, Any]) -> dict[str, Any]:
    return {key: sorted(value) if isinstance(value, list) else value for key, value in cors.items()}


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def tag_dict(tags: list[dict[str, str]]) -> dict[str, str]:
    return {tag["Key"]: tag["Value"] for tag in tags}


def table_tags(dynamodb: Any, table: str) -> dict[str, str] | None:
    """A DynamoDB table's tags, or None when there is no such table (deploy claims it, teardown checks it)."""
    try:
        arn = dynamodb.describe_table(TableName=table)["Table"]["TableArn"]
    except Exception as exc:
        if error_code(exc) != "ResourceNotFoundException":
            raise
        return None
    return tag_dict(dynamodb.list_tags_of_resource(ResourceArn=arn).get("Tags", []))


def head(s3: Any, bucket: str, key: str) -> dict[str, Any] | None:
    try:
        return s3.head_object(Bucket=bucket, Key=key)
    except Exception as exc:
        if error_code(exc) in ("404", "NoSuchKey", "NotFound"):
            return None
        raise


def pages(method: Callable[..., dict[str, Any]], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item of an API Gateway v2 listing, following NextToken."""
    while True:
        page = method(**kwargs)
        yield from page.get("Items", [])
        if not page.get("NextToken"):
            return
        kwargs["NextToken"] = page["NextToken"]
