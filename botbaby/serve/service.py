"""The API core: one route table, its handlers and its error mapping, behind both fronts.

    >>> import asyncio, tempfile
    >>> from botbaby.serve.cache import SqliteCache, SqliteFeedback
    >>> from botbaby.serve.queue import LocalQueue
    >>> db = tempfile.mkdtemp() + "/serve.sqlite"
    >>> service = Service(["left"], SqliteCache(db), {"left": LocalQueue(db, "left")}, SqliteFeedback(db), wait_s=0)
    >>> answer = asyncio.run(service.handle(ApiRequest("GET", "/generate", {"model": "left", "prompt": "Fuel"})))
    >>> answer.status, answer.payload()["status"]   # no worker here: the job waits in the queue
    (202, 'pending')
    >>> asyncio.run(service.handle(ApiRequest("GET", "/generate", {"model": "centre", "prompt": "Fuel"}))).status
    400

``botbaby serve`` (``botbaby.serve.app``, Starlette on the SQLite backends, worker threads in the
same process) and the Lambda (``botbaby.deploy.aws.handler``, on DynamoDB and SQS) are thin
adapters: each turns its request into an ``ApiRequest``, awaits ``Service.handle`` and turns the
``ApiResponse`` back. Everything a route answers, and how each error becomes a status, is here.

The routes are the original bot-baby API's (``GET /generate?model=SIDE&prompt=TEXT&num_samples=20&
length=80&temperature=0.7&top_p=0.9&top_k=40`` answers a JSON list of ``{text, sentiment, score}``,
the majority view of the ranked posts), plus ``/jobs/ID`` to poll a new prompt's generation,
``/prompts`` (autocomplete), ``/popular``, ``/feedback``, ``/sides``, ``/about`` (what the page shows
about each side), ``/healthz``, ``/compare`` and
``/openapi.json`` (generated from this table and ``botbaby.contract`` by ``botbaby.serve.openapi``).
A new route is one ``Route`` in ``routes.ROUTES``, one ``Service.answer_<name>`` method and one entry in
``openapi``'s operations (a test checks that every route has both).

The fronts differ in three injected things only: ``run_blocking`` (serve runs port calls on a
thread pool so SQLite never blocks the event loop; the Lambda calls them inline), ``watch`` (how
a waiting request learns that its job may be done: serve's worker threads wake it, the Lambda
polls) and ``on_pending`` (the Lambda starts its stopped GPU instance).
"""

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from botbaby.contract import (
    JOB_ID,
    MAX_FEEDBACK_BYTES,
    NOT_A_JOB_ID,
    POPULAR_LIMIT,
    BadRequest,
    BodyTooLarge,
    GenerateRequest,
    NotFound,
    NotJson,
    TooBusy,
    failed_job,
    parse_feedback,
    parse_generate_query,
    parse_int_param,
    parse_prompts_query,
    parse_view,
    pending_job,
    posts_view,
)
from botbaby.serve.openapi import openapi_spec
from botbaby.serve.ports import Cache, FeedbackLog, JobQueue
from botbaby.serve.routes import ROUTES

log = logging.getLogger(__name__)

_BODY_MEMO_SIZE = 4096  # serialised answers kept in memory (an answer never changes)
_BUCKETS = 100_000  # clients whose new-prompt allowance is remembered; beyond, the fullest are forgotten
JSON_HEADERS = {"content-type": "application/json", "x-content-type-options": "nosniff"}
LOOPBACK = ("127.0.0.1", "::1", "localhost")  # clients allowed /healthz's statistics


class TokenBuckets:
    """Per-client allowance of new prompts: ``burst`` at once, refilled at ``per_minute``; None: no limit.

    >>> buckets, now = TokenBuckets(per_minute=60, burst=2, clock=lambda: 0.0), 0.0
    >>> buckets.take("10.0.0.1"), buckets.take("10.0.0.1"), buckets.take("10.0.0.1")
    (0.0, 0.0, 1.0)
    """

    def __init__(self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate_s, self.burst, self.clock = per_minute / 60, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)

    def take(self, client: str) -> float:
        """Take one new prompt from ``client``'s allowance: 0.0 if granted, else the seconds until one is."""
        now = self.clock()
        tokens, when = self._buckets.get(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - when) * self.rate_s)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate_s
        if len(self._buckets) >= _BUCKETS and client not in self._buckets:
            self._buckets = {c: b for c, b in self._buckets.items() if b[0] < self.burst - 1}  # keep the busy ones
        self._buckets[client] = (tokens - 1, now)
        return 0.0


@dataclass(frozen=True)
class ApiRequest:
    """A request as the core sees it, whichever front received it."""

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""  # at most MAX_FEEDBACK_BYTES + 1 bytes: a front stops reading there
    client: str = ""  # the client's address


@dataclass
class ApiResponse:
    """What the core answers: a status, a JSON body and headers."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    answer_key: str = ""  # the cache key of the posts answered (a front may memoise the query that got them)

    @classmethod
    def json(cls, status: int, payload: Any, headers: dict[str, str] | None = None) -> "ApiResponse":
        body = b"" if payload is None else json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        return cls(status, body, {**JSON_HEADERS, **(headers or {})})

    def payload(self) -> Any:
        return json.loads(self.body) if self.body else None


class Watch:
    """How a request waiting for a job learns that it may be done: ``async with watch.watching(id) as wake``
    then ``await wake(timeout_s)``. This base class polls every ``poll_s`` seconds (the Lambda's way)."""

    def __init__(self, poll_s: float = 0.5, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.poll_s, self.sleep = poll_s, sleep

    @contextlib.asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[Callable[[float], Awaitable[None]]]:
        async def wake(timeout_s: float) -> None:
            await self.sleep(min(self.poll_s, timeout_s))

        yield wake


class JobWatch(Watch):
    """Wakes the requests waiting for a job when a worker thread of this process finishes it."""

    def __init__(self) -> None:
        super().__init__()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._events: dict[str, set[asyncio.Event]] = {}

    def waiting(self) -> int:
        """How many requests wait for a job right now."""
        return sum(len(events) for events in self._events.values())

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def notify(self, job_id: str, answered: bool = True) -> None:
        """Called from a worker thread after a job was acked or released."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits any more
                loop.call_soon_threadsafe(self._wake, job_id)

    def _wake(self, job_id: str) -> None:
        for event in self._events.get(job_id, ()):
            event.set()

    @contextlib.asynccontextmanager
    async def watching(self, job_id: str) -> AsyncIterator[Callable[[float], Awaitable[None]]]:
        event = asyncio.Event()
        self._events.setdefault(job_id, set()).add(event)

        async def wake(timeout_s: float) -> None:
            # a notify that came since the last wake is kept in the event, so none is missed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout_s)
            event.clear()

        try:
            yield wake
        finally:
            waiting = self._events.get(job_id)
            if waiting is not None:
                waiting.discard(event)
                if not waiting:
                    del self._events[job_id]


async def inline(function: Callable[..., Any], *args: Any) -> Any:
    """``run_blocking`` for a front without an event loop to protect (the Lambda: one event at a time)."""
    return function(*args)


class Service:
    """The API over the ports: ``await service.handle(ApiRequest(...))`` -> ``ApiResponse``."""

    def __init__(
        self,
        sides: Collection[str],
        cache: Cache,
        queues: Mapping[str, JobQueue],
        feedback: FeedbackLog | None = None,
        *,
        wait_s: float = 20.0,
        watch: Watch | None = None,
        run_blocking: Callable[..., Awaitable[Any]] = inline,
        on_pending: Callable[[str], str | None] | None = None,
        health: Callable[[], dict[str, Any]] | None = None,
        versions: Mapping[str, str] | None = None,
        check_prompt: Callable[[GenerateRequest], None] | None = None,
        new_prompts: TokenBuckets | None = None,
        side_info: list[dict[str, str]] | None = None,
        public_health: bool = False,
        comparison: Callable[[], dict[str, Any] | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """
        Args:
            sides: the sides served (the ``model`` values /generate takes).
            cache, queues, feedback: the ports (one queue per side; no feedback log: /feedback is 404).
            wait_s: how long /generate waits for a new prompt's answer before answering 202.
            watch: how a waiting request is woken (default: polling every 0.5 s).
            run_blocking: ``await run_blocking(function, *args)`` runs a port call.
            on_pending: called (via run_blocking) with a job id each time a job is queued or polled pending;
                what it returns, if anything, is why the job cannot be done (the poll answers 422 with it).
            health: what /healthz adds about the front (workers, instance state).
            versions: each side's model fingerprint, part of every cache key.
            check_prompt: raises BadRequest for a request the model cannot take (run before it is queued).
            new_prompts: each client's allowance of new prompts (None: unlimited).
            side_info: each side's ``{"id", "label", "colour", "description"}`` for /about.
            public_health: /healthz shows its statistics to everyone, not only to this machine.
            comparison: what /compare answers (``botbaby.formats.page_view``), None until compare has run.
        """
        self.sides = list(sides)
        self.cache, self.queues, self.feedback_log = cache, dict(queues), feedback
        self.wait_s = wait_s
        self.watch = watch or Watch()
        self.run_blocking = run_blocking
        self.on_pending = on_pending
        self.health = health
        self.versions = dict(versions or {})
        self.check_prompt = check_prompt
        self.new_prompts = new_prompts
        self.side_info = side_info or [{"id": side, "label": side, "colour": "", "description": ""} for side in sides]
        self.public_health = public_health
        self.comparison = comparison
        self.clock = clock
        self._bodies: dict[tuple[str, str], bytes] = {}
        self._spec: dict | None = None

    # -- routing and errors ------------------------------------------------------------------------

    async def handle(self, request: ApiRequest) -> ApiResponse:
        """Route ``request`` and map every error to its status (a bug is a logged 500 that shows no detail)."""
        allowed = []
        for route in ROUTES:
            params = route.match(request.path)
            if params is None:
                continue
            if route.method != request.method:
                allowed.append(route.method)
                continue
            try:
                return await getattr(self, f"answer_{route.name}")(request, **params)
            except BodyTooLarge as exc:
                return error(413, str(exc))
            except NotJson as exc:
                return error(415, str(exc))
            except BadRequest as exc:
                return error(400, str(exc))
            except NotFound as exc:
                return error(404, str(exc))
            except TooBusy as exc:
                return error(429, str(exc), {"retry-after": str(max(1, round(exc.retry_after_s)))})
            except Exception:
                log.exception("%s %s failed", request.method, request.path)
                return error(500, "the server failed to answer; try again in a minute")
        if allowed:
            return error(405, f"{request.path} takes {', '.join(allowed)}, not {request.method}",
                         {"allow": ", ".join(allowed)})
        return error(404, f"no such path: {request.path[:100]}")

    # -- routes ------------------------------------------------------------------------------------

    async def answer_generate(self, request: ApiRequest) -> ApiResponse:
        """A known prompt from the cache; a new one checked, queued, waited for up to ``wait_s``, else 202."""
        generate = parse_generate_query(request.query, self.sides, self.versions)
        view = parse_view(request.query)
        key = generate.key
        posts = await self.run_blocking(self.cache.lookup, key, request.client)
        if posts is not None:
            return self.posts_answer(key, posts, view)
        if self.check_prompt is not None:
            await self.run_blocking(self.check_prompt, generate)
        if self.new_prompts is not None and (wait := self.new_prompts.take(request.client)) > 0:
            raise TooBusy(f"too many new prompts from you: try again in {max(1, round(wait))} s, or pick a known "
                          "prompt", retry_after_s=wait)
        async with self.watch.watching(key) as wake:
            retry = await self.run_blocking(self.cache.clear_failure, key)  # asking again retries a failed job
            await self.run_blocking(self.queues[generate.side].submit, generate, retry)
            if self.on_pending is not None:
                await self.run_blocking(self.on_pending, key)
            deadline = self.clock() + self.wait_s
            while not await self.run_blocking(self.cache.settled, key):
                remaining = deadline - self.clock()
                if remaining <= 0:
                    return pending_answer(key, await self._state(key), view)
                await wake(remaining)
        return await self.answer_job(request, key)

    async def answer_job(self, request: ApiRequest, job: str) -> ApiResponse:
        """200 with the posts once the job is done, 422 once it failed for good, else 202."""
        if not JOB_ID.fullmatch(job):
            raise NotFound(NOT_A_JOB_ID)
        view = parse_view(request.query)
        posts = await self.run_blocking(self.cache.lookup, job, request.client)
        if posts is not None:
            return self.posts_answer(job, posts, view)
        failure = await self.run_blocking(self.cache.failure, job)
        if failure is not None:
            return ApiResponse.json(422, failed_job(job, failure["attempts"], failure["error"]))
        state = await self._state(job)
        if state is None:
            raise NotFound(f"no such job {job}: ask /generate again")
        if self.on_pending is not None:  # a job queued as the worker stopped waits for the next start
            problem = await self.run_blocking(self.on_pending, job)
            if problem:  # the worker cannot start: this poll already says why
                return ApiResponse.json(422, failed_job(job, 0, problem))
        return pending_answer(job, state, view)

    async def answer_prompts(self, request: ApiRequest) -> ApiResponse:
        side, prefix, limit = parse_prompts_query(request.query, self.sides)
        return ApiResponse.json(200, await self.run_blocking(self.cache.prompts, side, prefix, limit))

    async def answer_popular(self, request: ApiRequest) -> ApiResponse:
        limit = parse_int_param(request.query, "limit", *POPULAR_LIMIT)
        return ApiResponse.json(200, await self.run_blocking(self.cache.popular, limit))

    async def answer_feedback(self, request: ApiRequest) -> ApiResponse:
        """``{"message", "prompt"?, "model"?, "rating"?}`` as JSON; stored with an opaque id."""
        if self.feedback_log is None:
            raise NotFound("feedback is not enabled on this deployment")
        if not is_json(request.headers.get("content-type", "")):
            raise NotJson("send the feedback as JSON (Content-Type: application/json)")
        if len(request.body) > MAX_FEEDBACK_BYTES:
            raise BodyTooLarge(f"the body is too large: at most {MAX_FEEDBACK_BYTES} bytes")
        try:
            value = json.loads(request.body.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            raise BadRequest("the body is not valid JSON") from None
        feedback_id = await self.run_blocking(self.feedback_log.add, parse_feedback(value, self.sides))
        return ApiResponse.json(201, {"id": feedback_id})

    async def answer_sides(self, request: ApiRequest) -> ApiResponse:
        """The sides served (the page builds one column per side)."""
        return ApiResponse.json(200, self.sides)

    async def answer_about(self, request: ApiRequest) -> ApiResponse:
        """What the page shows about each side: ``[{"id", "label", "colour", "description"}]``."""
        return ApiResponse.json(200, {"sides": self.side_info})

    async def answer_healthz(self, request: ApiRequest) -> ApiResponse:
        """Alive; to this machine (or everyone, with public_health) also each side's queue length and what the
        front adds."""
        health: dict[str, Any] = {"status": "ok"}
        if not (self.public_health or request.client in LOOPBACK):
            return ApiResponse.json(200, health)
        health["sides"] = self.sides
        try:
            health["queue"] = {side: await self.run_blocking(queue.pending) for side, queue in self.queues.items()}
            if self.health is not None:
                health.update(await self.run_blocking(self.health))
        except Exception as exc:  # health is still reported; what failed goes to the log
            log.warning("health check: %s", exc)
            health["warning"] = "some parts could not be checked; see the server's log"
        return ApiResponse.json(200, health)

    async def answer_openapi(self, request: ApiRequest) -> ApiResponse:
        if self._spec is None:
            self._spec = openapi_spec(self.sides)
        return ApiResponse.json(200, self._spec)

    async def answer_compare(self, request: ApiRequest) -> ApiResponse:
        """How the sides differ: their distinctive terms and each bot's fidelity (what ``botbaby compare`` wrote)."""
        view = await self.run_blocking(self.comparison) if self.comparison is not None else None
        if view is None:
            raise NotFound("no comparison yet: run `botbaby compare --data DATA` (make demo does), then reload")
        return ApiResponse.json(200, view)

    # -- helpers -----------------------------------------------------------------------------------

    def posts_answer(self, key: str, posts: list, view: str = "majority") -> ApiResponse:
        """200 with ``view`` of ``posts`` (its JSON memoised: an answer never changes)."""
        return ApiResponse(200, self.posts_body(key, posts, view), dict(JSON_HEADERS), answer_key=key)

    def posts_body(self, key: str, posts: list, view: str = "majority") -> bytes:
        body = self._bodies.get((key, view))
        if body is None:
            body = json.dumps(posts_view(list(posts), view), ensure_ascii=False, separators=(",", ":")).encode()
            if len(self._bodies) >= _BODY_MEMO_SIZE:
                self._bodies.clear()
            self._bodies[(key, view)] = body
        return body

    async def _state(self, job_id: str) -> dict[str, Any] | None:
        for queue in self.queues.values():
            state = await self.run_blocking(queue.state, job_id)
            if state is not None:
                return state
        return None


def is_json(content_type: str) -> bool:
    """Whether a Content-Type says JSON: ``application/json`` or a ``+json`` type, parameters aside.

    >>> is_json("application/json; charset=utf-8"), is_json("application/ld+json"), is_json("application/notjson")
    (True, True, False)
    """
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def error(status: int, message: str, headers: dict[str, str] | None = None) -> ApiResponse:
    return ApiResponse.json(status, {"error": message}, headers)


def pending_answer(job_id: str, state: dict[str, Any] | None, view: str = "majority") -> ApiResponse:
    """202 with where to poll the job (in the view asked for)."""
    state = state or {}
    body = pending_job(job_id, state.get("state", "pending"), state.get("attempts"))
    if view != "majority":
        body["location"] += f"?view={view}"
    return ApiResponse.json(202, body, {"location": body["location"]})
