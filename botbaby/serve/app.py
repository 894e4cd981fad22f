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
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.layout import Layout
from botbaby.serve.cache import SqliteCache, SqliteFeedback
from botbaby.serve.config import ServeConfig
from botbaby.serve.queue import LocalQueue
from botbaby.serve.service import ROUTES, ApiRequest, ApiResponse, JobWatch, Service, error
from botbaby.serve.worker import GeneratorFactory, IdleHook, Worker, WorkerPool, release_model
from botbaby.train import trained_sides

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
_QUERY_MEMO_SIZE = 4096  # raw query strings remembered by KnownQueries
_BLOCKING_THREADS = 8  # threads running the ports' SQLite calls
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]  # every method reaches the core, which says 405


def default_factory(data: Path | str) -> GeneratorFactory:
    """Generators for the trained models in ``data`` (``botbaby.generate.Generator``, VADER sentiment)."""

    def factory(side: str):
        from botbaby.generate import Generator

        return Generator(data, side)

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


class LocalServer:
    """The API core on one machine: SQLite ports, a worker thread per side, a thread pool for the ports."""

    def __init__(self, data: Path | str, config: ServeConfig, factory: GeneratorFactory | None = None,
                 on_idle: IdleHook = release_model) -> None:
        self.data = Path(data)
        self.config = config
        sides = serve_sides(self.data, config, factory)
        db_path = Layout(self.data).serve_db
        self.cache = SqliteCache(db_path)
        queues = {
            side: LocalQueue(self.cache.db, side, max_attempts=config.max_attempts, max_pending=config.max_pending)
            for side in sides
        }
        self.watch = JobWatch()
        factory = factory or default_factory(self.data)
        self.pool = WorkerPool([
            Worker(side, factory, self.cache, queues[side], idle_s=config.idle_minutes * 60,
                   on_idle=on_idle, on_done=self.watch.notify)
            for side in sides
        ])
        self.executor = ThreadPoolExecutor(_BLOCKING_THREADS, thread_name_prefix="botbaby-db")
        self.service = Service(
            sides, self.cache, queues, SqliteFeedback(self.cache.db), wait_s=config.wait_s, watch=self.watch,
            run_blocking=self.run_blocking, health=self.health,
        )
        self.query_keys: dict[bytes, str] = {}  # raw query strings already answered 200 -> their answer's key

    def health(self) -> dict:
        """What /healthz adds on one machine: requests waiting for a job, and each side's worker."""
        return {"waiting_requests": self.watch.waiting(), "workers": self.pool.status()}

    @property
    def sides(self) -> list[str]:
        return self.service.sides

    async def run_blocking(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.executor, functools.partial(function, *args))

    def remember_query(self, query_string: bytes, key: str) -> None:
        """Let ``KnownQueries`` answer this exact query string without validating it again."""
        if len(self.query_keys) >= _QUERY_MEMO_SIZE:
            self.query_keys.clear()
        self.query_keys[query_string] = key

    async def flush_visits(self, every_s: float = 1.0) -> None:
        """Write the visit counts to disk every ``every_s`` seconds (runs for the app's lifetime)."""
        while True:
            await asyncio.sleep(every_s)
            await self.run_blocking(self.cache.flush)

    def close(self) -> None:
        self.pool.stop()
        self.cache.close()
        self.executor.shutdown(wait=True)


class KnownQueries:
    """ASGI middleware: a ``GET /generate`` whose exact query string was answered 200 before and whose answer
    is in memory is answered here, before routing and validation (the cached path's hot loop)."""

    def __init__(self, app, server: LocalServer) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] == "/generate" and scope["method"] == "GET":
            key = self.server.query_keys.get(scope["query_string"])
            posts = None if key is None else self.server.cache.cached(key)
            if posts is not None:
                body = self.server.service.posts_body(key, posts)
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


async def read_body(request, limit: int) -> bytes:
    """The request body, read up to ``limit`` bytes (the core refuses anything longer, so more is never read)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            break
    return body


def create_app(data: Path | str, config: ServeConfig | None = None, factory: GeneratorFactory | None = None,
               on_idle: IdleHook = release_model):
    """The ASGI app of ``botbaby serve`` (workers start and stop with the app's lifespan)."""
    require("starlette", extra="serve")
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from botbaby.contract import MAX_FEEDBACK_BYTES

    config = config or ServeConfig()
    server = LocalServer(data, config, factory=factory, on_idle=on_idle)

    def to_starlette(answer: ApiResponse) -> Response:
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    async def api(request: Request) -> Response:
        body = await read_body(request, MAX_FEEDBACK_BYTES + 1) if request.method == "POST" else b""
        answer = await server.service.handle(ApiRequest(
            method=request.method, path=request.url.path, query=request.query_params,
            headers=request.headers, body=body, client=request.client.host if request.client else "",
        ))
        if answer.status == 200 and request.url.path == "/generate":
            server.remember_query(request.scope["query_string"], answer.answer_key)
        return to_starlette(answer)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:  # not a page file: the core's JSON 404
            return to_starlette(await server.service.handle(ApiRequest(request.method, request.url.path)))
        return to_starlette(error(exc.status_code, exc.detail or "error"))

    @contextlib.asynccontextmanager
    async def lifespan(app):
        server.watch.bind(asyncio.get_running_loop())
        server.pool.start()
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
                    middleware=[Middleware(KnownQueries, server=server)])
    app.state.server = server
    app.state.service = server.service
    return app
