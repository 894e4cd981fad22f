"""``python -m botbaby.demo --data DATA``: the embedded default end to end on the bundled corpus."""

import argparse
import sys

from botbaby.demo import run_demo
from botbaby.errors import BotbabyError
from botbaby.layout import DEFAULT_DATA


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botbaby.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"data folder (default: {DEFAULT_DATA})")
    args = parser.parse_args(argv)
    try:
        run_demo(args.data)
    except BotbabyError as exc:
        print(f"botbaby demo: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
