"""The Lambda behind the HTTP API: the same request contract as ``botbaby serve``, on DynamoDB and SQS.

    >>> api = Api(cache=None, queue=None, sides=["left", "right"])
    >>> api({"rawPath": "/healthz", "requestContext": {"http": {"method": "GET"}}})["statusCode"]
    200
    >>> answer = api({"rawPath": "/generate", "queryStringParameters": {"model": "centre", "prompt": "hi"},
    ...               "requestContext": {"http": {"method": "GET"}}})
    >>> answer["statusCode"], json.loads(answer["body"])["error"]
    (400, "unknown model 'centre': one of left, right")

Routes (API Gateway HTTP API, payload format 2.0):

- ``GET /generate?model=SIDE&prompt=TEXT[&num_samples&length&temperature&top_p&top_k]``: a known
  prompt answers 200 at once from the cache (counting a visit); a new one is queued on its side's SQS queue, the
  worker instance is started if it is stopped, and the handler polls DynamoDB for up to
  ``wait_s``; then 200, or 202 with the job's address for the page to poll.
- ``GET /jobs/{id}``: 200 with the posts once the job is done, 422 once it failed for good (asking
  again retries it), else 202.
- ``GET /prompts[?model&prefix&limit]``, ``GET /popular[?limit]``, ``POST /feedback``, ``GET /sides``,
  ``GET /healthz``.

Answers are the majority-sentiment view of the cached ranked posts, as the original Lambda
returned. This module imports only the light parts of botbaby and boto3 (present in every Lambda
Python runtime): the bundle (``bundle.py``) holds no TensorFlow.
"""

import base64
import json
import os
import time
import uuid
from collections.abc import Callable, Collection
from typing import Any

from botbaby.contract import (
    JOB_ID,
    MAX_FEEDBACK_BYTES,
    NOT_A_JOB_ID,
    BadRequest,
    failed_job,
    majority_view,
    parse_feedback,
    parse_generate_query,
    parse_int_param,
    parse_prompts_query,
    pending_job,
)
from botbaby.deploy.aws.clients import AwsClients, error_code

DEFAULT_WAIT_S = 20.0  # how long /generate polls for a new prompt; API Gateway gives up at 30 s
POLL_S = 0.5  # DynamoDB poll interval while waiting
CORS_HEADERS = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": "content-type",
}


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

    def add(self, feedback: dict[str, str]) -> str:
        """Store one feedback item; return its id."""
        feedback_id = uuid.uuid4().hex
        item = {"id": {"S": feedback_id}, "created_at": {"N": str(int(time.time()))}}
        item.update({name: {"S": value} for name, value in feedback.items()})
        self._dynamodb.put_item(TableName=self.table, Item=item)
        return feedback_id


class Api:
    """The HTTP API as a function of API Gateway events; the backends are injected."""

    def __init__(
        self,
        cache: Any,
        queue: Any,
        sides: Collection[str],
        worker: WorkerInstance | None = None,
        feedback: FeedbackTable | None = None,
        wait_s: float = DEFAULT_WAIT_S,
        poll_s: float = POLL_S,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cache, self.queue, self.sides = cache, queue, tuple(sides)
        self.worker, self.feedback = worker, feedback
        self.wait_s, self.poll_s, self.sleep, self.clock = wait_s, poll_s, sleep, clock

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Api":
        """Build the API from the Lambda's environment (set by ``botbaby deploy aws``)."""
        from botbaby.deploy.aws.cache import DynamoCache
        from botbaby.deploy.aws.queue import SideQueues, SqsQueue

        env = os.environ if environ is None else environ
        clients = AwsClients()
        queue_urls = json.loads(env["BOTBABY_QUEUE_URLS"])  # {side: queue URL}
        sides = list(queue_urls)
        instance_id = env.get("BOTBABY_INSTANCE_ID", "")
        feedback_table = env.get("BOTBABY_FEEDBACK_TABLE", "")
        return cls(
            cache=DynamoCache(env["BOTBABY_CACHE_TABLE"], clients),
            queue=SideQueues({side: SqsQueue(url, clients, sides=[side]) for side, url in queue_urls.items()}),
            sides=sides,
            worker=WorkerInstance(instance_id, clients) if instance_id else None,
            feedback=FeedbackTable(feedback_table, clients) if feedback_table else None,
            wait_s=float(env.get("BOTBABY_WAIT_S", DEFAULT_WAIT_S)),
        )

    def __call__(self, event: dict[str, Any]) -> dict[str, Any]:
        method = event.get("requestContext", {}).get("http", {}).get("method", "GET").upper()
        path = event.get("rawPath") or "/"
        query = event.get("queryStringParameters") or {}
        routes: dict[str, tuple[str, Callable[..., dict[str, Any]]]] = {
            "/generate": ("GET", lambda: self.generate(query)),
            "/prompts": ("GET", lambda: self.prompts(query)),
            "/popular": ("GET", lambda: self.popular(query)),
            "/healthz": ("GET", self.healthz),
            "/sides": ("GET", lambda: _answer(200, list(self.sides))),  # the page asks which columns to show
            "/feedback": ("POST", lambda: self.add_feedback(_body(event))),
        }
        try:
            if method == "OPTIONS":
                return _answer(204, None)
            if path.startswith("/jobs/"):
                route = ("GET", lambda: self.job(path.removeprefix("/jobs/")))
            elif path in routes:
                route = routes[path]
            else:
                return _answer(404, {"error": f"no such path: {path}"})
            if method != route[0]:
                return _answer(405, {"error": f"{path} takes {route[0]}, not {method}"})
            return route[1]()
        except BodyTooLarge as exc:
            return _answer(413, {"error": str(exc)})
        except NotJson as exc:
            return _answer(415, {"error": str(exc)})
        except BadRequest as exc:
            return _answer(400, {"error": str(exc)})

    def healthz(self) -> dict[str, Any]:
        """The sides, each side's queue length and the worker instance's state (as far as they are known)."""
        health: dict[str, Any] = {"status": "ok", "sides": list(self.sides)}
        try:
            if hasattr(self.queue, "pending"):
                health["queue"] = self.queue.pending()
            if self.worker is not None:
                health["worker"] = self.worker.state()
        except Exception as exc:  # health is still reported; what failed is said
            health["warning"] = f"{type(exc).__name__}: {exc}"[:300]
        return _answer(200, health)

    def generate(self, query: dict[str, str]) -> dict[str, Any]:
        request = parse_generate_query(query, self.sides)
        posts = self.cache.lookup(request.key)
        if posts is not None:
            return _posts_answer(posts)
        clear_failure = getattr(self.cache, "clear_failure", None)
        retry = clear_failure(request.key) if clear_failure is not None else ""  # asking again retries
        job_id = self.queue.submit(request, retry) if retry else self.queue.submit(request)
        self._wake_worker()
        deadline = self.clock() + self.wait_s
        while self.clock() < deadline:
            if self._settled(job_id):
                return self.job(job_id)
            self.sleep(self.poll_s)
        return _pending(job_id)

    def job(self, job_id: str) -> dict[str, Any]:
        if not JOB_ID.fullmatch(job_id):
            return _answer(404, {"error": NOT_A_JOB_ID})
        posts = self.cache.lookup(job_id)
        if posts is not None:
            return _posts_answer(posts)
        failure = self._failure(job_id)
        if failure is not None:
            return _answer(422, failed_job(job_id, failure["attempts"], failure["error"]))
        # A job queued just as the idle worker was stopping waits for the next start: each poll of a
        # pending job starts the instance again if it has stopped meanwhile.
        self._wake_worker()
        return _pending(job_id)

    def _settled(self, job_id: str) -> bool:
        """Answered or failed for good: one read per poll where the cache can tell both at once."""
        settled = getattr(self.cache, "settled", None)
        if settled is not None:
            return settled(job_id)
        return self.cache.peek(job_id) is not None or self._failure(job_id) is not None

    def _failure(self, job_id: str) -> dict[str, Any] | None:
        failure = getattr(self.cache, "failure", None)
        return failure(job_id) if failure is not None else None

    def _wake_worker(self) -> None:
        if self.worker is None:
            return
        try:
            self.worker.ensure_running()
        except Exception as exc:  # the job is queued either way; the next request or poll tries again
            print(f"botbaby: could not start the worker instance: {exc}")

    def prompts(self, query: dict[str, str]) -> dict[str, Any]:
        side, prefix, limit = parse_prompts_query(query, self.sides)
        return _answer(200, self.cache.prompts(side, prefix, limit))

    def popular(self, query: dict[str, str]) -> dict[str, Any]:
        return _answer(200, self.cache.popular(parse_int_param(query, "limit", 10, 1, 100)))

    def add_feedback(self, body: Any) -> dict[str, Any]:
        """``{"message", "prompt"?, "model"?, "rating"?}``, checked as ``botbaby serve`` checks it."""
        if self.feedback is None:
            return _answer(404, {"error": "feedback is not enabled on this deployment"})
        fields = parse_feedback(body, self.sides)
        return _answer(201, {"id": self.feedback.add({k: str(v) for k, v in fields.items() if v is not None})})


_api: Api | None = None


def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """The Lambda entry point; the backends are built once per warm container."""
    global _api
    if _api is None:
        _api = Api.from_env()
    return _api(event)


class BodyTooLarge(BadRequest):
    """A request body over MAX_FEEDBACK_BYTES (HTTP 413, as botbaby serve answers)."""


class NotJson(BadRequest):
    """A request body not sent as JSON (HTTP 415, as botbaby serve answers)."""


def _body(event: dict[str, Any]) -> Any:
    headers = {name.lower(): value for name, value in (event.get("headers") or {}).items()}
    if "json" not in headers.get("content-type", ""):
        raise NotJson("send the feedback as JSON (Content-Type: application/json)")
    raw = event.get("body") or ""
    data = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8", errors="replace")
    if len(data) > MAX_FEEDBACK_BYTES:
        raise BodyTooLarge(f"the body is too large: at most {MAX_FEEDBACK_BYTES} bytes")
    raw = data.decode("utf-8", errors="replace")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise BadRequest("the body is not valid JSON") from None


def _posts_answer(posts: list) -> dict[str, Any]:
    return _answer(200, [post.to_dict() for post in majority_view(posts)])


def _pending(job_id: str) -> dict[str, Any]:
    body = pending_job(job_id)
    answer = _answer(202, body)
    answer["headers"]["location"] = body["location"]
    return answer


def _answer(status: int, payload: Any) -> dict[str, Any]:
    headers = {"content-type": "application/json", **CORS_HEADERS}
    return {"statusCode": status, "headers": headers, "body": "" if payload is None else json.dumps(payload)}
