"""The Lambda behind the HTTP API: ``botbaby serve``'s API core (``botbaby.serve.service``) on DynamoDB and SQS.

    >>> api = Api(cache=None, queues={}, sides=["left", "right"])
    >>> answer = api({"rawPath": "/generate", "queryStringParameters": {"model": "centre", "prompt": "hi"},
    ...               "requestContext": {"http": {"method": "GET"}}})
    >>> answer["statusCode"], json.loads(answer["body"])["error"]
    (400, "unknown model 'centre': one of left, right")

This module is a thin adapter: it turns an API Gateway HTTP API event (payload format 2.0) into the
core's ``ApiRequest`` and its ``ApiResponse`` back into the Lambda's answer, with CORS headers (the
page is served from the site bucket, another origin). The routes, their answers and their errors
are the core's, the same as ``botbaby serve``'s. What is AWS's own: a new prompt goes to its side's
SQS queue and starts the stopped GPU worker instance (``WorkerInstance``, also on each poll of a
pending job), a waiting request polls DynamoDB every ``POLL_S`` seconds for up to ``wait_s`` (a
couple of seconds: then 202, and the page polls), and feedback goes to its own DynamoDB table.
When the worker cannot start (no capacity, no quota, no permission, terminated), the job is marked
failed with what to do, so the page shows it at its next poll instead of waiting forever; asking
again retries. Each side's model fingerprint (``BOTBABY_MODEL_VERSIONS``) is part of every cache
key, and autocomplete reads the page's ``prompts.json`` (``BOTBABY_BUCKET``).

It imports only the light parts of botbaby and boto3 (present in every Lambda Python runtime):
the bundle (``bundle.py``) holds no TensorFlow.
"""

import asyncio
import base64
import json
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.serve.ports import Cache, FeedbackLog, JobQueue
from botbaby.serve.service import ApiRequest, ApiResponse, Service, Watch

DEFAULT_WAIT_S = 2.0  # how long /generate polls for a new prompt before its 202 (the page polls on)
POLL_S = 0.5  # DynamoDB poll interval while waiting
CORS_HEADERS = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "content-type",
}


# Why a start failed, in the words of someone looking at the page; failures not listed are retried.
START_FAILURES = {
    "InsufficientInstanceCapacity": "AWS has no free GPU capacity for the worker right now: ask again in a few minutes",
    "VcpuLimitExceeded": "the account's GPU vCPU quota does not let the worker start: request more in Service Quotas "
    "(EC2, Running On-Demand G and VT instances), then ask again",
    "InstanceLimitExceeded": "the account's instance limit does not let the worker start: raise it in Service Quotas",
    "UnauthorizedOperation": "the API may not start the GPU worker: run `botbaby deploy aws` again",
    "InvalidInstanceID.NotFound": "the GPU worker no longer exists: run `botbaby deploy aws` again",
    "InvalidInstanceID.Malformed": "the GPU worker's id is wrong: run `botbaby deploy aws` again",
    "terminated": "the GPU worker was terminated: run `botbaby deploy aws` again to launch a new one",
}


class WorkerGone(Exception):
    """The worker instance is terminated (or terminating): only a deploy brings one back."""

    code = "terminated"


class WorkerInstance:
    """The GPU worker's EC2 instance, started when a new prompt is queued and it is stopped."""

    def __init__(self, instance_id: str, clients: AwsClients | None = None) -> None:
        self.instance_id = instance_id
        self._ec2 = (clients or AwsClients())("ec2")

    def state(self) -> str:
        reservations = self._ec2.describe_instances(InstanceIds=[self.instance_id])["Reservations"]
        return reservations[0]["Instances"][0]["State"]["Name"]

    def ensure_running(self) -> str:
        """Start the instance if it is stopped; return the state it is in now ("pending", "running", ...)."""
        state = self.state()
        if state in ("shutting-down", "terminated"):
            raise WorkerGone(state)
        if state != "stopped":
            # running/pending: it will see the job; stopping: the next request starts it again
            return state
        try:
            changes = self._ec2.start_instances(InstanceIds=[self.instance_id])["StartingInstances"]
        except Exception as exc:
            if error_code(exc) == "IncorrectInstanceState":  # another Lambda got there first
                return self.state()
            raise
        return changes[0]["CurrentState"]["Name"]


class FeedbackTable:
    """Visitors' feedback (message, and optionally prompt, model, rating), one DynamoDB item each."""

    def __init__(self, table: str, clients: AwsClients | None = None) -> None:
        self.table = table
        self._dynamodb = (clients or AwsClients())("dynamodb")

    def add(self, feedback: dict[str, Any]) -> str:
        """Store one feedback item (its fields that are set, as strings); return its id."""
        feedback_id = uuid.uuid4().hex
        item = {"id": {"S": feedback_id}, "created_at": {"N": str(int(time.time()))}}
        item.update({name: {"S": str(value)} for name, value in feedback.items() if value is not None})
        self._dynamodb.put_item(TableName=self.table, Item=item)
        return feedback_id


class Api:
    """The HTTP API as a function of API Gateway events: the core on the injected backends."""

    def __init__(
        self,
        cache: Cache,
        queues: Mapping[str, JobQueue],
        sides: Collection[str],
        worker: WorkerInstance | None = None,
        versions: Mapping[str, str] | None = None,
        feedback: FeedbackLog | None = None,
        wait_s: float = DEFAULT_WAIT_S,
        poll_s: float = POLL_S,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        public_health: bool = False,
    ) -> None:
        self.worker, self.cache = worker, cache
        self.service = Service(
            sides, cache, queues, feedback, wait_s=wait_s, watch=Watch(poll_s, sleep), versions=versions,
            on_pending=self._wake_worker if worker is not None else None,
            health=self._worker_health if worker is not None else None, public_health=public_health, clock=clock,
        )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Api":
        """Build the API from the Lambda's environment (set by ``botbaby deploy aws``)."""
        from botbaby.deploy.aws.cache import DynamoCache, S3Prompts
        from botbaby.deploy.aws.queue import SqsQueue

        env = os.environ if environ is None else environ
        clients = AwsClients()
        queue_urls = json.loads(env["BOTBABY_QUEUE_URLS"])  # {side: queue URL}
        instance_id = env.get("BOTBABY_INSTANCE_ID", "")
        feedback_table = env.get("BOTBABY_FEEDBACK_TABLE", "")
        bucket = env.get("BOTBABY_BUCKET", "")
        return cls(
            cache=DynamoCache(env["BOTBABY_CACHE_TABLE"], clients, S3Prompts(bucket, clients=clients) if bucket else None),
            queues={side: SqsQueue(url, clients, sides=[side]) for side, url in queue_urls.items()},
            sides=list(queue_urls),
            worker=WorkerInstance(instance_id, clients) if instance_id else None,
            versions=json.loads(env.get("BOTBABY_MODEL_VERSIONS", "{}")),  # {side: model fingerprint}
            feedback=FeedbackTable(feedback_table, clients) if feedback_table else None,
            wait_s=float(env.get("BOTBABY_WAIT_S", DEFAULT_WAIT_S)),
            public_health=env.get("BOTBABY_PUBLIC_HEALTH", "") == "1",
        )

    def __call__(self, event: dict[str, Any]) -> dict[str, Any]:
        method = event.get("requestContext", {}).get("http", {}).get("method", "GET").upper()
        if method == "OPTIONS":
            return _lambda_answer(ApiResponse(204))
        raw = event.get("body") or ""
        body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8", errors="replace")
        request = ApiRequest(
            method=method,
            path=event.get("rawPath") or "/",
            query=event.get("queryStringParameters") or {},
            headers={name.lower(): value for name, value in (event.get("headers") or {}).items()},
            body=body,
            client=event.get("requestContext", {}).get("http", {}).get("sourceIp", ""),
        )
        return _lambda_answer(asyncio.run(self.service.handle(request)))

    def _wake_worker(self, job_id: str) -> None:
        try:
            self.worker.ensure_running()
        except Exception as exc:
            code = getattr(exc, "code", "") or error_code(exc)
            print(f"botbaby: could not start the worker instance: {code}: {exc}")
            if code in START_FAILURES:  # the page shows this at its next poll; asking again retries
                self.cache.fail_key(job_id, f"{START_FAILURES[code]} ({code})")
            # anything else (throttling, a blip): the job stays queued, and the next poll tries again

    def _worker_health(self) -> dict[str, Any]:
        return {"worker": self.worker.state()}


_api: Api | None = None


def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """The Lambda entry point; the backends are built once per warm container."""
    global _api
    if _api is None:
        _api = Api.from_env()
    return _api(event)


def _lambda_answer(answer: ApiResponse) -> dict[str, Any]:
    return {"statusCode": answer.status, "headers": {**answer.headers, **CORS_HEADERS},
            "body": answer.body.decode("utf-8")}
