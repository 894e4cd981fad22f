"""``botbaby serve``'s front: the API core as an ASGI app on the local backends, and the web page.

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

What the routes answer is ``botbaby.serve.service`` (shared with the Lambda); this module only
wires it to one machine: the SQLite cache, queue and feedback log in ``DATA/serve.sqlite``, one
worker thread per side (generation never runs on the event loop), port calls on a small thread
pool (SQLite never runs on the event loop either) and the static page at ``/``. A query string seen
before whose answer is in memory skips routing and validation altogether (``KnownQueries``); the
visit counts are written to SQLite every second.
"""

import asyncio
import contextlib
import functools
import importlib.util
import json
import logging
import os
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.contract import BadRequest, GenerateRequest
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_write_text
from botbaby.layout import START, Layout, trained_sides
from botbaby.serve.cache import SqliteCache, SqliteFeedback
from botbaby.serve.config import ServeConfig
from botbaby.serve.queue import LocalQueue
from botbaby.serve.routes import ROUTES
from botbaby.serve.service import ApiRequest, ApiResponse, JobWatch, Service, TokenBuckets, error
from botbaby.serve.worker import GeneratorFactory, IdleHook, Worker, WorkerPool, release_model

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
_QUERY_MEMO_SIZE = 4096  # raw query strings remembered by KnownQueries
_BLOCKING_THREADS = 8  # threads running the ports' SQLite calls
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]  # every method reaches the core, which says 405
MAX_HEADERS = 100  # a request with more header lines than this is refused (431)
# The page runs only its own scripts and styles, talks only to this server, and is never framed.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def default_factory(data: Path | str, engine: str = "auto") -> GeneratorFactory:
    """Generators for the trained models in ``data`` (``botbaby.generate.Generator``, VADER sentiment) on ``engine``."""

    def factory(side: str):
        from botbaby.generate import Generator

        return Generator(data, side, engine=engine)

    return factory


def serve_sides(data: Path, config: ServeConfig, factory: GeneratorFactory | None) -> list[str]:
    """The sides to serve: those asked for (each with a trained model, unless a factory stands in), else every
    trained one."""
    # The data folder is scanned once, and only when the sides or their models need checking.
    trained = trained_sides(data) if factory is None or not config.sides else []
    sides = list(config.sides) if config.sides else trained
    if not sides:
        raise BotbabyError(
            f"no trained model in {data}: run `botbaby train left --data {data}` "
            "(and the same for right) first, or `make demo`"
        )
    untrained = sorted(set(sides) - set(trained)) if factory is None else []
    if untrained:
        raise BotbabyError(
            f"no trained model for {', '.join(untrained)} in {data}: run `botbaby train {untrained[0]} "
            f"--data {data}` first, or leave --sides out to serve the trained ones"
        )
    return sides


class PromptBudget:
    """Refuses (400) a prompt the side's model cannot read before it is queued, rather than failing the job.

    A GPT-2 token is at least one UTF-8 byte, so a prompt with fewer bytes than the model's context
    (``n_ctx`` in hparams.json) always fits; a longer one is counted exactly with the model's own
    vocabulary (gpt-2-simple's encoder module, loaded without TensorFlow).
    """

    def __init__(self, data: Path) -> None:
        self.layout = Layout(data)
        self._encoders: dict[str, Any] = {}
        self._contexts: dict[str, int] = {}

    def context(self, side: str) -> int | None:
        if side not in self._contexts:
            hparams = self.layout.side(side).model_dir / "hparams.json"
            try:
                self._contexts[side] = int(json.loads(hparams.read_text())["n_ctx"])
            except (OSError, ValueError, KeyError, TypeError):
                return None  # no readable model here (a stand-in generator): the worker will say
        return self._contexts[side]

    def __call__(self, request: GenerateRequest) -> None:
        n_ctx = self.context(request.side)
        text = START + request.prompt
        if n_ctx is None or len(text.encode("utf-8")) < n_ctx:
            return
        tokens = len(self._encoder(request.side).encode(text))
        if tokens >= n_ctx:
            raise BadRequest(f"the prompt is {tokens} tokens long; this model reads at most {n_ctx - 1}: "
                             "shorten it")

    def _encoder(self, side: str):
        if side not in self._encoders:
            package = importlib.util.find_spec("gpt_2_simple")
            if package is None or not package.submodule_search_locations:
                raise BadRequest("the prompt is too long for this model: shorten it")
            path = Path(package.submodule_search_locations[0]) / "src" / "encoder.py"
            spec = importlib.util.spec_from_file_location("botbaby_gpt2_encoder", path)
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
                self._encoders[side] = module.get_encoder(str(self.layout.side(side).model_dir))
            except (OSError, ValueError) as exc:  # no vocabulary to count with: the byte count has to do
                log.warning("cannot count tokens for %s (%s); refusing prompts of more bytes than n_ctx", side, exc)
                raise BadRequest("the prompt is too long for this model: shorten it") from None
        return self._encoders[side]


class ServeLock:
    """One ``botbaby serve`` per data folder: a file lock, and a note saying who holds it."""

    def __init__(self, data: Path) -> None:
        self.layout = Layout(data)
        self._lock = None

    def acquire(self, address: str) -> None:
        from filelock import FileLock, Timeout

        lock = FileLock(self.layout.serve_lock)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            holder = self.holder()
            raise BotbabyError(f"another botbaby serve uses {self.layout.root} ({holder}): stop it first, or serve "
                               "another --data folder") from None
        self._lock = lock
        note = {"pid": os.getpid(), "host": socket.gethostname(), "address": address,
                "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        atomic_write_text(self.layout.serve_lock.with_suffix(".lock.json"), json.dumps(note) + "\n")

    def holder(self) -> str:
        try:
            note = json.loads(self.layout.serve_lock.with_suffix(".lock.json").read_text())
            return f"process {note['pid']} on {note['host']}, {note['address']}, since {note['since']}"
        except (OSError, ValueError, KeyError, TypeError):
            return "a process that left no note"

    def release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self.layout.serve_lock.with_suffix(".lock.json").unlink()
            self._lock.release()
            self._lock = None


def _read_popular(path: Path) -> list[str]:
    """DATA/popular.json: a JSON list of prompts (a bad file is a ConfigError naming it)."""
    if not path.is_file():
        return []
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid JSON ({exc}): fix or delete it") from None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{path} must be a JSON list of prompts, e.g. ["Fuel prices", "Taxes"]')
    from botbaby.contract import normalize_prompt

    return [prompt for prompt in map(normalize_prompt, value) if prompt]


class LocalServer:
    """The API core on one machine: SQLite ports, a worker thread per side, a thread pool for the ports."""

    def __init__(self, data: Path | str, config: ServeConfig, factory: GeneratorFactory | None = None,
                 on_idle: IdleHook = release_model, clear_cache: bool = False) -> None:
        self.data = Path(data)
        self.config = config
        layout = Layout(self.data)
        sides = serve_sides(self.data, config, factory)
        self.cache = SqliteCache(layout.serve_db, max_answers=config.max_answers,
                                 popular_clients=config.popular_clients, curated=_read_popular(layout.popular_json))
        self.clear_cache = clear_cache
        self.queues = {  # recovered at start, once this server holds the data folder's lock
            side: LocalQueue(self.cache.db, side, max_attempts=config.max_attempts, max_pending=config.max_pending,
                             recover=False)
            for side in sides
        }
        queues = self.queues
        self.watch = JobWatch()
        factory = factory or default_factory(self.data, config.engine)
        self.pool = WorkerPool([
            Worker(side, factory, self.cache, queues[side], idle_s=config.idle_minutes * 60,
                   on_idle=on_idle, on_done=self.watch.notify)
            for side in sides
        ])
        self.executor = ThreadPoolExecutor(_BLOCKING_THREADS, thread_name_prefix="botbaby-db")
        self.lock = ServeLock(self.data)
        self.lock_error = ""
        self.service = Service(
            sides, self.cache, queues, SqliteFeedback(self.cache.db), wait_s=config.wait_s, watch=self.watch,
            run_blocking=self.run_blocking, health=self.health, comparison=self.comparison,
            # each model's fingerprint, hashed once here: a retrained model's answers get new keys
            versions={side: layout.model_fingerprint(side) for side in sides},
            check_prompt=PromptBudget(self.data),
            new_prompts=TokenBuckets(config.new_prompts_per_minute, config.new_prompt_burst),
            side_info=config.side_info(self.data, sides), public_health=config.public_health,
        )
        self.query_keys: dict[bytes, tuple[str, str]] = {}  # raw query strings answered 200 -> (answer key, view)

    def health(self) -> dict:
        """What /healthz adds on one machine: requests waiting for a job, and each side's worker."""
        return {"waiting_requests": self.watch.waiting(), "workers": self.pool.status()}

    def comparison(self) -> dict | None:
        """What /compare shows: the data folder's latest ``botbaby compare`` results, None before it ran."""
        from botbaby.formats import page_view

        return page_view(self.data)

    @property
    def sides(self) -> list[str]:
        return self.service.sides

    async def run_blocking(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.executor, functools.partial(function, *args))

    def remember_query(self, query_string: bytes, key: str, view: str) -> None:
        """Let ``KnownQueries`` answer this exact query string without validating it again."""
        if len(self.query_keys) >= _QUERY_MEMO_SIZE:
            self.query_keys.clear()
        self.query_keys[query_string] = (key, view)

    async def flush_visits(self, every_s: float = 1.0) -> None:
        """Write the visit counts to disk every ``every_s`` seconds for the app's lifetime; a failed write is
        logged and its counts are kept for the next one."""
        while True:
            await asyncio.sleep(every_s)
            try:
                await self.run_blocking(self.cache.flush)
            except Exception as exc:
                log.warning("could not write the visit counts (kept for the next try): %s", exc)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Take the data folder's lock, put back jobs a stopped server left running, start the workers."""
        try:
            self.lock.acquire(f"{self.config.host}:{self.config.port}")
        except BotbabyError as exc:
            self.lock_error = str(exc)
            raise
        if self.clear_cache:
            log.warning("cleared %d cached answers", self.cache.clear())
        for queue in self.queues.values():
            queue.recover()
        self.watch.bind(loop)
        self.pool.start()

    def close(self) -> None:
        self.pool.stop()
        try:
            self.cache.close()
        finally:
            self.executor.shutdown(wait=True)
            self.lock.release()


class KnownQueries:
    """ASGI middleware: a ``GET /generate`` whose exact query string was answered 200 before and whose answer
    is in memory is answered here, before routing and validation (the cached path's hot loop)."""

    def __init__(self, app, server: LocalServer) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] == "/generate" and scope["method"] == "GET":
            key, view = self.server.query_keys.get(scope["query_string"], (None, None))
            client = scope.get("client") or ("", 0)
            posts = None if key is None else self.server.cache.cached(key, client[0])
            if posts is not None:
                body = self.server.service.posts_body(key, posts, view)
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *SECURITY_HEADERS]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class Guard:
    """ASGI middleware: security headers on every response; too many header lines refused (431) up front."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope["headers"]) > MAX_HEADERS:
            body = b'{"error":"too many request headers"}'
            await send({"type": "http.response.start", "status": 431, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_secured(message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_secured)


async def read_body(request, limit: int) -> bytes | None:
    """The request body, read up to ``limit`` bytes (the core refuses anything longer, so more is never read);
    None when the client went away mid-upload."""
    from starlette.requests import ClientDisconnect

    body = b""
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                break
    except ClientDisconnect:
        return None
    return body


def create_app(data: Path | str, config: ServeConfig | dict | None = None, factory: GeneratorFactory | None = None,
               on_idle: IdleHook = release_model, clear_cache: bool = False):
    """The ASGI app of ``botbaby serve`` (the lock, the workers and the visit flush live with its lifespan)."""
    require("starlette", extra="serve")
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from botbaby.contract import MAX_FEEDBACK_BYTES

    config = ServeConfig.resolve(config)
    server = LocalServer(data, config, factory=factory, on_idle=on_idle, clear_cache=clear_cache)

    def to_starlette(answer: ApiResponse) -> Response:
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    async def api(request: Request) -> Response:
        body = await read_body(request, MAX_FEEDBACK_BYTES + 1) if request.method == "POST" else b""
        if body is None:  # the client hung up: nobody reads an answer
            return Response(status_code=400)
        answer = await server.service.handle(ApiRequest(
            method=request.method, path=request.url.path, query=request.query_params,
            headers=request.headers, body=body, client=request.client.host if request.client else "",
        ))
        if answer.status == 200 and request.url.path == "/generate":  # a valid view=, or none
            server.remember_query(request.scope["query_string"], answer.answer_key,
                                  request.query_params.get("view") or "majority")
        return to_starlette(answer)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:  # not a page file: the core's JSON 404
            return to_starlette(await server.service.handle(ApiRequest(request.method, request.url.path)))
        return to_starlette(error(exc.status_code, exc.detail or "error"))

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await asyncio.get_running_loop().run_in_executor(None, server.start, asyncio.get_running_loop())
        flusher = asyncio.create_task(server.flush_visits())
        try:
            yield
        finally:
            flusher.cancel()
            await asyncio.get_running_loop().run_in_executor(None, server.close)

    routes: list[Any] = [Route(path, api, methods=_METHODS) for path in dict.fromkeys(r.path for r in ROUTES)]
    if config.static:
        routes.append(Mount("/", StaticFiles(directory=STATIC_DIR, html=True)))
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: http_error},
                    middleware=[Middleware(Guard), Middleware(KnownQueries, server=server)])
    app.state.server = server
    app.state.service = server.service
    return app
