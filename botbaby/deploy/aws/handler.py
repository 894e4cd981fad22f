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
SQS queue and starts the stopped GPU worker instance (``fleet.WorkerInstance``, also on each poll
of a pending job; it replaces a worker whose zone has no capacity, or that an older deploy
launched, by a new one), a waiting request polls DynamoDB every ``POLL_S`` seconds for up to ``wait_s`` (a
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
from botbaby.deploy.aws.fleet import WorkerInstance, WorkerTarget
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
    "InsufficientInstanceCapacity": "AWS has no free GPU capacity for the worker in any zone of the region right now: "
    "ask again in a few minutes",
    "VcpuLimitExceeded": "the account's GPU vCPU quota does not let the worker start: request more in Service Quotas "
    "(EC2, Running On-Demand G and VT instances), then ask again",
    "InstanceLimitExceeded": "the account's instance limit does not let the worker start: raise it in Service Quotas",
    "UnauthorizedOperation": "the API may not start the GPU worker: run `botbaby deploy aws` again",
    "InvalidInstanceID.NotFound": "the GPU worker no longer exists: run `botbaby deploy aws` again",
    "InvalidInstanceID.Malformed": "the GPU worker's id is wrong: run `botbaby deploy aws` again",
    "terminated": "the GPU worker was terminated: run `botbaby deploy aws` again to launch a new one",
}


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
        worker = env.get("BOTBABY_WORKER", "")  # a WorkerTarget as JSON; empty: the deploy launched no worker
        feedback_table = env.get("BOTBABY_FEEDBACK_TABLE", "")
        bucket = env.get("BOTBABY_BUCKET", "")
        return cls(
            cache=DynamoCache(env["BOTBABY_CACHE_TABLE"], clients, S3Prompts(bucket, clients=clients) if bucket else None),
            queues={side: SqsQueue(url, clients, sides=[side]) for side, url in queue_urls.items()},
            sides=list(queue_urls),
            worker=WorkerInstance(WorkerTarget.from_json(worker), clients) if worker else None,
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

    def _wake_worker(self, job_id: str) -> str | None:
        """Start (or replace) the worker for a pending job; the reason it cannot, if it cannot (the job fails)."""
        try:
            self.worker.ensure_running()
        except Exception as exc:
            code = getattr(exc, "code", "") or error_code(exc)
            print(f"botbaby: could not start the worker instance: {code}: {exc}")
            if code in START_FAILURES:  # the page shows this now and at every poll; asking again retries
                problem = f"{START_FAILURES[code]} ({code})"
                self.cache.fail_key(job_id, problem)
                return problem
            # anything else (throttling, a blip): the job stays queued, and the next poll tries again
        return None

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
