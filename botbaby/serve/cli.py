"""``botbaby serve``: the API and the web page on one machine (SQLite cache, in-process queue, VADER).

    botbaby serve --data botbaby-data --port 8000 --side-label left="Left-wing bot"

    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="botbaby")
    >>> add_cli(parser.add_subparsers())
    >>> args = parser.parse_args(["serve", "--port", "0", "--sides", "left,right"])
    >>> config_from_args(ServeConfig, args).sides, config_from_args(ServeConfig, args).port
    (('left', 'right'), 0)

Every option is a field of ``ServeConfig`` (its comment is the help), except ``--clear-cache``,
which forgets the cached answers once before serving (after retraining, say; answers of a changed
model are never served anyway, as the cache key holds the model's fingerprint).
"""

import argparse
import dataclasses
from pathlib import Path

from botbaby._optional import require
from botbaby.config import add_config_options, config_from_args
from botbaby.errors import BotbabyError
from botbaby.layout import Layout
from botbaby.serve.app import create_app
from botbaby.serve.config import ServeConfig
from botbaby.serve.worker import GeneratorFactory

MAX_HEADER_BYTES = 16_384  # a request's head (request line and headers) larger than this is refused


def serve(data: Path | str, config: ServeConfig | dict | None = None, factory: GeneratorFactory | None = None,
          clear_cache: bool = False, **overrides) -> None:
    """Serve the API and the page until interrupted; print the page's address first."""
    uvicorn = require("uvicorn", extra="serve")
    config = ServeConfig.resolve(config, **overrides)
    app = create_app(data, config, factory=factory, clear_cache=clear_cache)
    dataclasses.replace(config, sides=tuple(app.state.service.sides)).save(Layout(Path(data)).serve_config)
    # h11 bounds the request head (httptools reads any size: a 48 MB header stalled every request)
    server = uvicorn.Server(uvicorn.Config(app, host=config.host, port=config.port, log_level="warning", http="h11",
                                           h11_max_incomplete_event_size=MAX_HEADER_BYTES))
    original_startup = server.startup

    async def startup(sockets=None):
        await original_startup(sockets=sockets)
        if server.started:
            port = server.servers[0].sockets[0].getsockname()[1]
            host = "127.0.0.1" if config.host in ("0.0.0.0", "") else config.host
            print(f"botbaby serve: http://{host}:{port}/  (sides: {', '.join(app.state.service.sides)}; "
                  "Ctrl-C stops)", flush=True)

    server.startup = startup
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn shut down cleanly, then passed Ctrl-C on: stopping is the normal end
        print("botbaby serve: stopped", flush=True)
        return
    except SystemExit:  # uvicorn exits (status 3) when it cannot bind or start, after logging why
        if server.started:
            raise
    if not server.started:
        if app.state.server.lock_error:
            raise BotbabyError(app.state.server.lock_error)
        raise BotbabyError(f"could not listen on {config.host}:{config.port} (is the port in use? try --port)")


def _run(args: argparse.Namespace) -> int:
    serve(args.data, config_from_args(ServeConfig, args), clear_cache=args.clear_cache)
    return 0


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("serve", help="serve the API and the side-by-side web page",
                                   description=__doc__.splitlines()[0])
    add_data_arg(parser)
    add_config_options(parser, ServeConfig)
    parser.add_argument("--clear-cache", action="store_true",
                        help="forget every cached answer before serving (they are kept by default)")
    parser.set_defaults(func=_run)
