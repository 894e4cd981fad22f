"""03_scrape: download (or import) a side's posts into ``DATA/SIDE/tweets``.

    botbaby scrape left --source archive --files tweets.js export.csv --data botbaby-data

The ``archive`` source imports files the user already has; network sources download the posts of
the accounts in ``DATA/SIDE/accounts.csv``.
"""

import argparse
from pathlib import Path

from botbaby.layout import Layout
from botbaby.sources import SOURCES, source_module


def import_archive(data: Path | str, side: str, files: list[Path | str]) -> dict:
    """Import post files (X archive, CSV, JSON Lines, parquet) into the side's tweet store."""
    archive = source_module("archive")
    return archive.import_files(Layout(Path(data)).side(side).tweets_dir, [Path(f) for f in files]).to_dict()


def _run(args: argparse.Namespace) -> int:
    if args.source == "archive":
        if not args.files:
            raise SystemExit("botbaby scrape: --source archive needs --files FILE...")
        report = import_archive(args.data, args.side, args.files)
        print(report)
        return 0
    raise NotImplementedError(args.source)


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("scrape", help="download or import a side's posts (03_scrape)")
    parser.add_argument("side", help="side name, e.g. left")
    parser.add_argument("--source", choices=sorted(SOURCES), required=True, help="where the posts come from")
    parser.add_argument("--files", nargs="+", type=Path, help="files to import (--source archive)")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
