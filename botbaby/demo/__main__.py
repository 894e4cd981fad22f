"""``python -m botbaby.demo --data DATA``: the embedded default end to end on the bundled corpus.

Imports and cleans the demo corpus, trains a tiny model per side on the CPU, then serves the
side-by-side page with ``botbaby serve`` and prints its address (Ctrl-C stops it). Every step
is skipped when already done, so a second run goes straight to serving.
"""

import argparse
import sys
from pathlib import Path

from botbaby.demo import run_demo, serve_page
from botbaby.errors import BotbabyError
from botbaby.layout import DEFAULT_DATA, default_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botbaby.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(),
                        help=f"data folder (default: $BOTBABY_DATA, else {DEFAULT_DATA})")
    parser.add_argument("--host", default="127.0.0.1", help="address to serve the page on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to serve the page on (default 8000; 0: any)")
    parser.add_argument("--train-steps", type=int, default=None, help="training steps per side (default 300)")
    parser.add_argument("--no-serve", action="store_true", help="stop after training instead of serving the page")
    args = parser.parse_args(argv)
    try:
        results = run_demo(args.data, train_steps=args.train_steps)
        if not args.no_serve:
            serve_page(args.data, tuple(results["train"]), host=args.host, port=args.port)
    except BotbabyError as exc:
        print(f"botbaby demo: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
