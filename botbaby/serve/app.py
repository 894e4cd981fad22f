"""The HTTP API and web page of ``botbaby serve``: a Starlette app on the cache, queue and worker ports.

    >>> import tempfile
    >>> from starlette.testclient import TestClient
    >>> from botbaby.contract import Post
    >>> class Echo:
    ...     def generate(self, prompt, settings, seed=None):
    ...         return type("Generation", (), {"ranked": [Post(prompt + "!", "POSITIVE", 0.9)]})
    ...     def close(self):
    ...         pass
    >>> app = create_app(tempfile.mkdtemp(), ServeConfig(sides=["left"]), factory=lambda side: Echo())
    >>> with TestClient(app) as client:
    ...     client.get("/generate", params={"model": "left", "prompt": "Fuel prices"}).json()
    [{'text': 'Fuel prices!', 'sentiment': 'POSITIVE', 'score': 0.9}]

The API is the original's: ``GET /generate?model=SIDE&prompt=TEXT&num_samples=20&length=80&
temperature=0.7&top_p=0.9&top_k=40`` answers a JSON list of ``{text, sentiment, score}``, the
majority view of the ranked posts. A known prompt comes from the cache (held in memory, since an
answer never changes; the visit is tallied and written to SQLite every second), and a query string
seen before skips routing and validation altogether (``KnownQueries``). A new prompt becomes a job
for its side's worker; the request waits up to ``wait_s`` for it, then answers 202 with
``{"job", "location"}`` for the page to poll ``GET /jobs/ID``. Generation runs in worker threads,
so the event loop only ever does fast work. ``/openapi.json`` describes every route; bad input gets
a 4xx JSON ``{"error": message}``, never a 5xx.
"""

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.config import StageConfig
from botbaby.contract import (
    JOB_ID,
    MAX_FEEDBACK_BYTES,
    MAX_FEEDBACK_CHARS,
    MAX_PROMPT_CHARS,
    NOT_A_JOB_ID,
    SENTIMENTS,
    BadRequest,
    GenerateRequest,
    SampleSettings,
    failed_job,
    majority_view,
    parse_feedback,
    parse_generate_query,
    parse_int_param,
    parse_prompts_query,
    pending_job,
)
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import Layout, check_side
from botbaby.serve.cache import SqliteCache
from botbaby.serve.queue import MAX_ATTEMPTS, MAX_PENDING, LocalQueue, QueueFull
from botbaby.serve.worker import IDLE_MINUTES, GeneratorFactory, IdleHook, Worker, WorkerPool, release_model
from botbaby.train import trained_sides

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
_BODY_CACHE_SIZE = 4096  # serialised majority views kept in memory


@dataclass
class ServeConfig(StageConfig):
    """Settings of ``botbaby serve`` (saved as DATA/serve_config.json when it starts)."""

    host: str = "127.0.0.1"  # address to listen on; 0.0.0.0 serves the whole network
    port: int = 8000  # TCP port (0: any free port)
    wait_s: float = 25.0  # seconds a request for a new prompt waits before answering 202 with the job's address
    idle_minutes: float = IDLE_MINUTES  # a worker releases its model after this many minutes without jobs
    sides: list[str] | None = None  # sides to serve; None: every side with a trained model in DATA
    max_attempts: int = MAX_ATTEMPTS  # a job that failed this many times is dead (its requests get the error)
    max_pending: int = MAX_PENDING  # new prompts waiting per side beyond which /generate answers 429
    static: bool = True  # serve the web page at /

    def validate(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"port must be between 0 and 65535, got {self.port}")
        if not 0 <= self.wait_s <= 600:
            raise ConfigError(f"wait_s must be between 0 and 600 seconds, got {self.wait_s}")
        if self.idle_minutes <= 0:
            raise ConfigError(f"idle_minutes must be positive, got {self.idle_minutes}")
        if self.max_attempts < 1 or self.max_pending < 1:
            raise ConfigError("max_attempts and max_pending must be at least 1")
        for side in self.sides or []:
            check_side(side)


def default_factory(data: Path | str) -> GeneratorFactory:
    """Generators for the trained models in ``data`` (``botbaby.generate.Generator``, VADER sentiment)."""

    def factory(side: str):
        from botbaby.generate import Generator

        return Generator(data, side)

    return factory


class JobWatch:
    """Wakes the requests waiting for a job when a worker thread finishes it."""

    def __init__(self) -> None:
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

    @contextlib.contextmanager
    def watching(self, job_id: str):
        event = asyncio.Event()
        self._events.setdefault(job_id, set()).add(event)
        try:
            yield event
        finally:
            waiting = self._events.get(job_id)
            if waiting is not None:
                waiting.discard(event)
                if not waiting:
                    del self._events[job_id]


class KnownQueries:
    """ASGI middleware: a ``GET /generate`` whose exact query string was validated before and whose answer
    is cached is answered here, before routing and validation (the cached path's hot loop)."""

    def __init__(self, app, service: "Service") -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] == "/generate" and scope["method"] == "GET":
            key = self.service.query_keys.get(scope["query_string"])
            posts = None if key is None else self.service.cache.lookup(key)
            if posts is not None:
                body = self.service.answer_body(key, posts)
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class Service:
    """Everything behind the routes: the sides, the cache, one queue and one worker per side."""

    def __init__(self, data: Path | str, config: ServeConfig, factory: GeneratorFactory | None = None,
                 on_idle: IdleHook = release_model) -> None:
        self.data = Path(data)
        self.config = config
        # The data folder is scanned once, and only when the sides or their models need checking.
        trained = trained_sides(self.data) if factory is None or not config.sides else []
        self.sides = list(config.sides) if config.sides else trained
        if not self.sides:
            raise BotbabyError(
                f"no trained model in {self.data}: run `botbaby train left --data {self.data}` "
                "(and the same for right) first, or `make demo`"
            )
        untrained = sorted(set(self.sides) - set(trained)) if factory is None else []
        if untrained:
            raise BotbabyError(
                f"no trained model for {', '.join(untrained)} in {self.data}: run `botbaby train {untrained[0]} "
                f"--data {self.data}` first, or leave --sides out to serve the trained ones"
            )
        db_path = Layout(self.data).serve_db
        self.cache = SqliteCache(db_path)
        self.queues = {
            side: LocalQueue(self.cache.db, side, max_attempts=config.max_attempts, max_pending=config.max_pending)
            for side in self.sides
        }
        self.watch = JobWatch()
        factory = factory or default_factory(self.data)
        self.pool = WorkerPool([
            Worker(side, factory, self.cache, self.queues[side], idle_s=config.idle_minutes * 60,
                   on_idle=on_idle, on_done=self.watch.notify)
            for side in self.sides
        ])
        self._bodies: dict[str, bytes] = {}
        self.query_keys: dict[bytes, str] = {}  # raw query strings already validated -> their request's key

    # -- answers ---------------------------------------------------------------------------------

    def answer_body(self, key: str, posts) -> bytes:
        """The JSON body of a known answer: its majority view (memoised: an answer never changes)."""
        body = self._bodies.get(key)
        if body is None:
            view = [post.to_dict() for post in majority_view(list(posts))]
            body = json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode()
            if len(self._bodies) >= _BODY_CACHE_SIZE:
                self._bodies.clear()
            self._bodies[key] = body
        return body

    def remember_query(self, query_string: bytes, key: str) -> None:
        """Let ``KnownQueries`` answer this exact query string without validating it again."""
        if len(self.query_keys) >= _BODY_CACHE_SIZE:
            self.query_keys.clear()
        self.query_keys[query_string] = key

    def job_state(self, job_id: str) -> dict | None:
        for queue in self.queues.values():
            state = queue.state(job_id)
            if state is not None:
                return state
        return None

    async def wait_for(self, request: GenerateRequest) -> tuple[int, Any]:
        """Queue ``request`` and wait up to ``wait_s`` for its answer: (200, posts), (202, job) or (422, error)."""
        key = request.key
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.wait_s
        with self.watch.watching(key) as event:
            self.queues[request.side].submit(request)
            while True:
                event.clear()
                posts = self.cache.lookup(key)
                if posts is not None:
                    return 200, posts
                state = self.job_state(key)
                if state is not None and state["state"] == "dead":
                    return 422, failed_body(key, state)
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return 202, pending_body(key, state)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), remaining)

    async def flush_visits(self, every_s: float = 1.0) -> None:
        """Write the visit counts to disk every ``every_s`` seconds (runs for the app's lifetime)."""
        while True:
            await asyncio.sleep(every_s)
            self.cache.flush()

    def close(self) -> None:
        self.pool.stop()
        self.cache.close()


def pending_body(job_id: str, state: dict | None) -> dict:
    state = state or {}
    return pending_job(job_id, state.get("state", "pending"), state.get("attempts", 0))


def failed_body(job_id: str, state: dict) -> dict:
    return failed_job(job_id, state["attempts"], state["error"])


def openapi_spec(sides: list[str]) -> dict:
    """The OpenAPI 3.0 description of the API, with the served sides as the ``model`` enum."""
    error = {"description": "bad input", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    posts = {"description": "the majority view of the ranked posts",
             "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Post"}}}}}
    pending = {"description": "a new prompt: generation is queued; poll the job's location",
               "headers": {"Location": {"schema": {"type": "string"}}},
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}}
    failed = {"description": "generation failed for good (ask again to retry)",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    defaults = SampleSettings()
    ranges = SampleSettings._RANGES

    def setting(name: str, kind: str, description: str) -> dict:
        low, high, low_inclusive = ranges[name]
        schema = {"type": kind, "minimum": low, "maximum": high, "default": getattr(defaults, name)}
        if not low_inclusive:
            schema["exclusiveMinimum"] = True
        return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}

    side = {"type": "string", "enum": list(sides)}
    return {
        "openapi": "3.0.3",
        "info": {"title": "botbaby", "version": "0.1.0",
                 "description": "Generate posts in each side's voice, side by side (the original bot-baby API)."},
        "paths": {
            "/generate": {"get": {
                "operationId": "generate",
                "summary": "Posts for a prompt, from the cache or a new generation",
                "parameters": [
                    {"name": "model", "in": "query", "required": True, "schema": side, "description": "the side"},
                    {"name": "prompt", "in": "query", "required": True, "description": "the first words of the posts",
                     "schema": {"type": "string", "minLength": 1, "maxLength": MAX_PROMPT_CHARS}},
                    setting("num_samples", "integer", "posts generated before ranking"),
                    setting("length", "integer", "tokens generated after the prompt"),
                    setting("temperature", "number", "sampling temperature"),
                    setting("top_p", "number", "nucleus sampling; 1 turns it off"),
                    setting("top_k", "integer", "sample from the k likeliest tokens; 0 turns it off"),
                ],
                "responses": {"200": posts, "202": pending, "400": error, "422": failed,
                              "429": {**error, "description": "too many new prompts waiting"}},
            }},
            "/jobs/{job}": {"get": {
                "operationId": "job",
                "summary": "A queued generation: 202 while it runs, 200 with the posts when done",
                "parameters": [{"name": "job", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": posts, "202": pending, "404": {**error, "description": "no such job"},
                              "422": failed},
            }},
            "/prompts": {"get": {
                "operationId": "prompts",
                "summary": "Known prompts, most visited first (for autocomplete)",
                "parameters": [
                    {"name": "model", "in": "query", "required": False, "schema": side},
                    {"name": "prefix", "in": "query", "required": False,
                     "schema": {"type": "string", "maxLength": MAX_PROMPT_CHARS}},
                    {"name": "limit", "in": "query", "required": False,
                     "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
                ],
                "responses": {"200": {"description": "prompts", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"type": "string"}}}}}, "400": error},
            }},
            "/popular": {"get": {
                "operationId": "popular",
                "summary": "The most visited requests",
                "parameters": [{"name": "limit", "in": "query", "required": False,
                                "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}}],
                "responses": {"200": {"description": "requests", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Popular"}}}}}, "400": error},
            }},
            "/feedback": {"post": {
                "operationId": "feedback",
                "summary": "Leave a message (and optionally a rating) about a prompt's posts",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Feedback"}}}},
                "responses": {"201": {"description": "stored", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}}}},
                    "400": error, "413": {**error, "description": "body too large"},
                    "415": {**error, "description": "not JSON"}},
            }},
            "/healthz": {"get": {"operationId": "healthz", "summary": "Liveness, queue lengths and workers",
                                 "responses": {"200": {"description": "alive", "content": {"application/json": {
                                     "schema": {"type": "object"}}}}}}},
            "/sides": {"get": {"operationId": "sides", "summary": "The sides served",
                               "responses": {"200": {"description": "side names", "content": {"application/json": {
                                   "schema": {"type": "array", "items": side}}}}}}},
        },
        "components": {"schemas": {
            "Post": {"type": "object", "required": ["text", "sentiment", "score"], "properties": {
                "text": {"type": "string"},
                "sentiment": {"type": "string", "enum": list(SENTIMENTS)},
                "score": {"type": "number", "minimum": 0, "maximum": 1}}},
            "Job": {"type": "object", "required": ["job", "status", "location"], "properties": {
                "job": {"type": "string"}, "status": {"type": "string", "enum": ["pending", "running"]},
                "attempts": {"type": "integer"}, "location": {"type": "string"}}},
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "Popular": {"type": "object", "required": ["model", "prompt", "visits"], "properties": {
                "model": {"type": "string"}, "prompt": {"type": "string"}, "visits": {"type": "integer"}}},
            "Feedback": {"type": "object", "required": ["message"], "additionalProperties": False, "properties": {
                "message": {"type": "string", "minLength": 1, "maxLength": MAX_FEEDBACK_CHARS},
                "prompt": {"type": "string", "maxLength": MAX_PROMPT_CHARS},
                "model": side,
                "rating": {"type": "integer", "minimum": 1, "maximum": 5}}},
        }},
    }


def create_app(data: Path | str, config: ServeConfig | None = None, factory: GeneratorFactory | None = None,
               on_idle: IdleHook = release_model):
    """The ASGI app of ``botbaby serve`` (workers start and stop with the app's lifespan)."""
    starlette = require("starlette", extra="serve")  # noqa: F841 -- a clear message when the extra is missing
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    config = config or ServeConfig()
    service = Service(data, config, factory=factory, on_idle=on_idle)

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    def posts_response(key: str, posts) -> Response:
        return Response(service.answer_body(key, posts), media_type="application/json")

    def job_response(status: int, body: dict) -> JSONResponse:
        headers = {"Location": body["location"]} if status == 202 else None
        return JSONResponse(body, status_code=status, headers=headers)

    def handled(endpoint: Callable) -> Callable:
        async def wrapper(request: Request) -> Response:
            try:
                return await endpoint(request)
            except BadRequest as exc:
                return error(400, str(exc))
            except QueueFull as exc:
                return error(429, str(exc))

        return wrapper

    @handled
    async def generate(request: Request) -> Response:
        generate_request = parse_generate_query(request.query_params, service.sides)
        posts = service.cache.lookup(generate_request.key)
        if posts is not None:
            service.remember_query(request.scope["query_string"], generate_request.key)
            return posts_response(generate_request.key, posts)
        status, result = await service.wait_for(generate_request)
        if status == 200:
            service.remember_query(request.scope["query_string"], generate_request.key)
            return posts_response(generate_request.key, result)
        if status == 202:
            return job_response(202, result)
        return JSONResponse(result, status_code=status)

    @handled
    async def job(request: Request) -> Response:
        job_id = request.path_params["job"]
        if not JOB_ID.fullmatch(job_id):
            return error(404, NOT_A_JOB_ID)
        posts = service.cache.lookup(job_id)
        if posts is not None:
            return posts_response(job_id, posts)
        state = service.job_state(job_id)
        if state is None:
            return error(404, f"no such job {job_id}: ask /generate again")
        if state["state"] == "dead":
            return JSONResponse(failed_body(job_id, state), status_code=422)
        return job_response(202, pending_body(job_id, state))

    @handled
    async def prompts(request: Request) -> Response:
        side, prefix, limit = parse_prompts_query(request.query_params, service.sides)
        return JSONResponse(service.cache.prompts(side=side, prefix=prefix, limit=limit))

    @handled
    async def popular(request: Request) -> Response:
        limit = parse_int_param(request.query_params, "limit", 10, 1, 100)
        return JSONResponse(service.cache.popular(limit=limit))

    @handled
    async def feedback(request: Request) -> Response:
        if "json" not in request.headers.get("content-type", ""):
            return error(415, "send the feedback as JSON (Content-Type: application/json)")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FEEDBACK_BYTES:
                return error(413, f"the body is too large: at most {MAX_FEEDBACK_BYTES} bytes")
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):
            raise BadRequest("the body is not valid JSON") from None
        feedback_id = service.cache.add_feedback(**parse_feedback(value, service.sides))
        return JSONResponse({"id": str(feedback_id)}, status_code=201)  # opaque, a string as the Lambda's

    async def healthz(request: Request) -> Response:
        return JSONResponse({
            "status": "ok",
            "sides": service.sides,
            "queue": {side: queue.pending() for side, queue in service.queues.items()},
            "waiting_requests": service.watch.waiting(),
            "workers": service.pool.status(),
        })

    async def sides(request: Request) -> Response:
        return JSONResponse(service.sides)

    spec = openapi_spec(service.sides)

    async def openapi(request: Request) -> Response:
        return JSONResponse(spec)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(exc.status_code, exc.detail or "error")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        service.watch.bind(asyncio.get_running_loop())
        service.pool.start()
        flusher = asyncio.create_task(service.flush_visits())
        try:
            yield
        finally:
            flusher.cancel()
            await asyncio.get_running_loop().run_in_executor(None, service.close)

    routes = [
        Route("/generate", generate),
        Route("/jobs/{job}", job),
        Route("/prompts", prompts),
        Route("/popular", popular),
        Route("/feedback", feedback, methods=["POST"]),
        Route("/healthz", healthz),
        Route("/sides", sides),
        Route("/openapi.json", openapi),
    ]
    if config.static:
        routes.append(Mount("/", StaticFiles(directory=STATIC_DIR, html=True)))
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: http_error},
                    middleware=[Middleware(KnownQueries, service=service)])
    app.state.service = service
    return app


@dataclass
class BackgroundServer:
    """A uvicorn server on a thread (tests, benchmarks, the demo): ``with BackgroundServer(app) as url:``."""

    app: Any
    host: str = "127.0.0.1"
    port: int = 0  # 0: a free port, read back after start
    _server: Any = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        import time

        uvicorn = require("uvicorn", extra="serve")
        self._server = uvicorn.Server(uvicorn.Config(self.app, host=self.host, port=self.port,
                                                     log_level="warning", lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, name="botbaby-uvicorn", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise BotbabyError(f"the server did not start on {self.host}:{self.port} (is the port in use?)")
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(30)
            self._server = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
