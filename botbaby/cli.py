"""The ``botbaby`` command: one subcommand per notebook, calling the same function.

    botbaby scrape left --source archive --files tweets.js --data botbaby-data
    botbaby clean left --data botbaby-data

Each stage module exposes ``add_cli(subparsers)``, which registers its subcommand(s) and sets
``func`` to a callable taking the parsed arguments. Stage modules import TensorFlow, the source
clients and boto3 only inside their functions, so ``botbaby --help`` works without them and takes
about half a second, most of it pandas (``tests/test_imports.py`` checks the first part).
"""

import argparse
import importlib
import signal
import sys
from pathlib import Path

from botbaby.errors import BotbabyError
from botbaby.layout import DEFAULT_DATA, default_data

# In notebook order; serve and deploy are subpackages with their own ``cli`` module.
COMMAND_MODULES = (
    "botbaby.leaders",
    "botbaby.followers",
    "botbaby.rank",
    "botbaby.scrape",
    "botbaby.clean",
    "botbaby.train",
    "botbaby.generate",
    "botbaby.compare",
    "botbaby.export",
    "botbaby.serve.cli",
    "botbaby.deploy.cli",
)


def add_data_arg(parser: argparse.ArgumentParser) -> None:
    """The ``--data`` option every stage takes."""
    parser.add_argument(
        "--data", type=Path, default=default_data(), help=f"data folder (default: $BOTBABY_DATA, else {DEFAULT_DATA})"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="botbaby", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_cli(subparsers)
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that a stage stores what it fetched before the process ends."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Run as the command (argv from the command line), it owns its process, unlike a caller in a notebook
    # kernel or a test: SIGTERM then stops it the way Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, _terminate) if argv is None else None
    try:
        result = args.func(args)
    except BotbabyError as exc:
        print(f"botbaby {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        what = "stopped (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        print(f"botbaby {args.command}: {what}; run the same command again to resume", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
