"""``botbaby serve``: the API and the web page on one machine (SQLite cache, in-process queue, VADER).

    botbaby serve --data botbaby-data --port 8000 --wait 25 --idle-minutes 15

    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="botbaby")
    >>> add_cli(parser.add_subparsers())
    >>> args = parser.parse_args(["serve", "--port", "0", "--sides", "left", "right"])
    >>> config_from_args(args).sides, config_from_args(args).port
    (['left', 'right'], 0)
"""

import argparse
import dataclasses
from pathlib import Path

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.layout import Layout
from botbaby.serve.app import create_app
from botbaby.serve.config import ServeConfig
from botbaby.serve.worker import GeneratorFactory


def serve(data: Path | str, config: ServeConfig | None = None, factory: GeneratorFactory | None = None) -> None:
    """Serve the API and the page until interrupted; print the page's address first."""
    uvicorn = require("uvicorn", extra="serve")
    config = config or ServeConfig()
    app = create_app(data, config, factory=factory)
    dataclasses.replace(config, sides=app.state.service.sides).save(Layout(Path(data)).serve_config)
    server = uvicorn.Server(uvicorn.Config(app, host=config.host, port=config.port, log_level="warning"))
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
    except SystemExit:  # uvicorn exits (status 3) when it cannot bind, after logging why
        if server.started:
            raise
    if not server.started:
        raise BotbabyError(f"could not listen on {config.host}:{config.port} (is the port in use? try --port)")


def config_from_args(args: argparse.Namespace) -> ServeConfig:
    return ServeConfig.from_dict(
        host=args.host, port=args.port, wait_s=args.wait, idle_minutes=args.idle_minutes,
        sides=args.sides or None, max_attempts=args.max_attempts,
    )


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    defaults = ServeConfig()
    parser = subparsers.add_parser("serve", help="serve the API and the side-by-side web page",
                                   description=__doc__.splitlines()[0])
    add_data_arg(parser)
    parser.add_argument("--host", default=defaults.host, help=f"address to listen on (default {defaults.host})")
    parser.add_argument("--port", type=int, default=defaults.port, help=f"TCP port (default {defaults.port})")
    parser.add_argument("--wait", type=float, default=defaults.wait_s, metavar="S",
                        help=f"seconds a new prompt's request waits before answering 202 (default {defaults.wait_s:g})")
    parser.add_argument("--idle-minutes", type=float, default=defaults.idle_minutes, metavar="M",
                        help=f"release a side's model after M idle minutes (default {defaults.idle_minutes:g})")
    parser.add_argument("--sides", nargs="+", metavar="SIDE", help="sides to serve (default: every trained one)")
    parser.add_argument("--max-attempts", type=int, default=defaults.max_attempts, metavar="N",
                        help=f"give a failing job up after N attempts (default {defaults.max_attempts})")
    parser.set_defaults(func=lambda args: serve(args.data, config_from_args(args)))
