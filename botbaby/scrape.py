"""03_scrape: download (or import) a side's posts into ``DATA/SIDE/tweets``.

    botbaby scrape left --source bluesky --since 2014-01-01 --data botbaby-data
    botbaby scrape left --source x --since 2014-01-01 --data botbaby-data   # needs X_BEARER_TOKEN
    botbaby scrape left --source archive --files tweets.js export.csv --data botbaby-data

In Python, the same call the notebook makes::

    scrape("botbaby-data", "left", source="bluesky", since="2014-01-01")

The ``archive`` source imports files the user already has; network sources download the posts of
the accounts in ``DATA/SIDE/accounts.csv`` (written by ``botbaby rank``).

Resumable and exact: each account's next-page cursor, status (pending, done, unavailable) and post
count live in ``DATA/SIDE/scrape_state.sqlite``. Posts are buffered across accounts and written to
the tweet store every ``flush_every`` posts; only then are the cursors of what was written
committed. A run killed at any moment (even ``kill -9``) therefore restarts from cursors whose
posts are all stored, re-fetches at most one buffer's worth of pages, and the store, which keeps
each post id once, ends up exactly as after an uninterrupted run. Finished accounts are skipped.
"""

import argparse
import json
import sqlite3
import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from botbaby.config import StageConfig, add_config_options, config_from_args
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import read_handles, state_db
from botbaby.layout import Layout, SidePaths
from botbaby.sources import SOURCES, source_module
from botbaby.sources.base import AccountUnavailable, Source, open_source
from botbaby.tweets import TweetStore


@dataclass
class ScrapeConfig(StageConfig):
    """Settings of 03_scrape from a network source."""

    source: str = "bluesky"  # where posts come from: bluesky, x or getoldtweets3
    since: str = "2014-01-01"  # keep posts from this date (UTC) on, as the original did
    max_posts_per_account: int = 0  # newest posts kept per account; 0: all since `since`
    flush_every: int = 10_000  # posts buffered per write to the tweet store (one part file, one cursor commit)
    base_url: str | None = None  # the source's API address; None: its public default

    def validate(self) -> None:
        try:
            self.since_datetime()
        except ValueError as exc:
            raise ConfigError(f"since must be a date like 2014-01-01, got {self.since!r}") from exc
        if self.max_posts_per_account < 0:
            raise ConfigError(f"max_posts_per_account must be 0 (all) or more, got {self.max_posts_per_account}")
        if self.flush_every < 1:
            raise ConfigError(f"flush_every must be at least 1, got {self.flush_every}")

    def since_datetime(self) -> datetime:
        stamp = pd.Timestamp(self.since)
        stamp = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp.tz_convert(UTC)
        return stamp.to_pydatetime()


def import_archive(data: Path | str, side: str, files: list[Path | str], config=None, **overrides: Any):
    """Import post files (X archive, CSV, JSON Lines, parquet) into the side's tweet store.

    ``config``/``overrides``: :class:`botbaby.sources.archive.ArchiveConfig` (``handle``, ``since``).
    Returns the :class:`~botbaby.sources.archive.ImportReport`.
    """
    archive = source_module("archive")
    tweets_dir = Layout(Path(data)).side(side).tweets_dir
    return archive.import_files(tweets_dir, [Path(f) for f in files], config, **overrides)


def read_accounts(paths: SidePaths) -> list[str]:
    """The handles in ``accounts.csv``, in rank order, or a clear error when rank has not run."""
    return read_handles(
        paths.accounts_csv, f"no accounts for side '{paths.name}': run `botbaby rank` first ({paths.accounts_csv} is missing)"
    )


_SCHEMA = """
    CREATE TABLE IF NOT EXISTS accounts (
        handle TEXT PRIMARY KEY,
        position INTEGER NOT NULL,        -- order in accounts.csv: most-followed first
        cursor TEXT,                      -- next page; NULL before the first
        status TEXT NOT NULL,             -- pending, done, unavailable
        posts INTEGER NOT NULL DEFAULT 0, -- posts taken so far (for max_posts_per_account)
        reason TEXT                       -- why an account is unavailable
    );
"""


def _state(paths: SidePaths) -> AbstractContextManager[sqlite3.Connection]:
    return state_db(paths.scrape_state, _SCHEMA)


class _Progress:
    """Accounts done, posts fetched, and rate-limit waits as the postfix."""

    def __init__(self, side: str, total: int, done: int):
        from tqdm.auto import tqdm

        self.accounts = tqdm(total=total, initial=done, desc=f"{side} accounts", unit="acct")
        self.posts = tqdm(desc=f"{side} posts", unit="post")

    def waiting(self, seconds: float, why: str) -> None:
        self.posts.set_postfix_str(f"{why}: window reopens in {seconds:.0f}s", refresh=True)

    def close(self) -> None:
        self.accounts.close()
        self.posts.close()


def scrape(
    data: Path | str,
    side: str,
    source: str | Source = "bluesky",
    since: str = "2014-01-01",
    max_posts_per_account: int = 0,
    flush_every: int = 10_000,
    base_url: str | None = None,
) -> dict[str, Any]:
    """Download the posts of the side's accounts since ``since``; resume where a previous run stopped."""
    config = ScrapeConfig.from_dict(
        source=source if isinstance(source, str) else source.name,
        since=since,
        max_posts_per_account=max_posts_per_account,
        flush_every=flush_every,
        base_url=base_url,
    )
    since_at = config.since_datetime()
    paths = Layout(Path(data)).side(side)
    handles = read_accounts(paths)
    store = TweetStore(paths.tweets_dir)
    config.save(paths.scrape_config)
    client = None
    stored_now = 0
    with _state(paths) as db:
        db.execute("BEGIN")
        db.executemany(
            "INSERT OR IGNORE INTO accounts (handle, position, status) VALUES (?, ?, 'pending')",
            [(h, i) for i, h in enumerate(handles)],
        )
        db.execute("COMMIT")
        pending = [
            row[0] for row in db.execute("SELECT handle FROM accounts WHERE status = 'pending' ORDER BY position")
        ]
        progress = _Progress(side, len(handles), len(handles) - len(pending))
        buffer: list[dict] = []
        updates: dict[str, tuple] = {}  # handle -> (cursor, status, posts, reason) once buffer is stored

        def flush() -> None:
            nonlocal stored_now
            stored_now += store.append(buffer)
            db.execute("BEGIN")
            db.executemany(
                "UPDATE accounts SET cursor = ?, status = ?, posts = ?, reason = ? WHERE handle = ?",
                [(*update, handle) for handle, update in updates.items()],
            )
            db.execute("COMMIT")
            buffer.clear()
            updates.clear()

        try:
            if pending:
                client = open_source(source, base_url=base_url)
                client.limiter.on_wait = progress.waiting
            for start in range(0, len(pending), client.profiles_per_call if client else 1):
                batch = pending[start : start + client.profiles_per_call]
                existing = {a.handle.lower() for a in client.profiles(batch)}
                for handle in batch:
                    cursor, taken = db.execute(
                        "SELECT cursor, posts FROM accounts WHERE handle = ?", (handle,)
                    ).fetchone()
                    if handle.lower() not in existing:
                        updates[handle] = (cursor, "unavailable", taken, "not found, suspended or deleted")
                    else:
                        _scrape_account(client, config, since_at, handle, cursor, taken, buffer, updates, progress)
                    progress.accounts.update(1)
                    if len(buffer) >= config.flush_every:
                        flush()
            flush()
        finally:
            progress.close()
        counts = dict(db.execute("SELECT status, COUNT(*) FROM accounts GROUP BY status").fetchall())
    report: dict[str, Any] = {
        "side": side,
        "accounts": len(handles),
        "done": counts.get("done", 0),
        "unavailable": counts.get("unavailable", 0),
        "stored_now": stored_now,
        "posts": len(store),
    }
    if client is not None:
        report.update(client.limiter.counters())
    return report


def _scrape_account(client, config, since_at, handle, cursor, taken, buffer, updates, progress) -> None:
    """Fetch one account's pages into ``buffer``; record its cursor/status in ``updates``."""
    limit = config.max_posts_per_account
    while True:
        try:
            page = client.posts(handle, since_at, cursor)
        except AccountUnavailable as exc:
            updates[handle] = (cursor, "unavailable", taken, exc.reason)
            return
        items = page.items[: limit - taken] if limit else page.items
        buffer.extend(items)
        taken += len(items)
        progress.posts.update(len(items))
        finished = page.done or (limit and taken >= limit)
        updates[handle] = (page.cursor, "done" if finished else "pending", taken, None)
        if finished:
            return
        cursor = page.cursor


def plot_posts_per_month(data: Path | str, sides: list[str]):
    """Posts stored per month and side: shows gaps (an account list that was not fully scraped)."""
    from botbaby._optional import require

    plt = require("matplotlib.pyplot", extra="notebooks", package="matplotlib")
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for side in sides:
        stamps = TweetStore(Layout(Path(data)).side(side).tweets_dir).read(columns=["created_at"])["created_at"]
        monthly = stamps.dt.tz_convert(None).dt.to_period("M").value_counts().sort_index()
        ax.plot(monthly.index.to_timestamp(), monthly.to_numpy(), label=f"{side} ({len(stamps)} posts)")
    ax.set_ylabel("posts per month")
    ax.legend()
    fig.tight_layout()
    return fig


def _run(args: argparse.Namespace) -> int:
    if args.source == "archive":
        if not args.files:
            raise BotbabyError("--source archive needs --files FILE...")
        archive = source_module("archive")
        report = import_archive(args.data, args.side, args.files, config_from_args(archive.ArchiveConfig, args))
        print(json.dumps(report.to_dict(), indent=2))
        if failure := report.failure():  # one line naming each file's problem
            raise BotbabyError(f"{failure}: check the paths, formats and --since")
        for line in report.problems():
            print(line, file=sys.stderr)
        return 0
    if args.files:
        raise BotbabyError(f"--files is for --source archive; --source {args.source} downloads the accounts' posts")
    report = scrape(
        args.data, args.side, source=args.source, since=args.since,
        max_posts_per_account=args.max_posts_per_account, flush_every=args.flush_every, base_url=args.base_url,
    )
    print(json.dumps(report, indent=2))
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("scrape", help="download or import a side's posts (03_scrape)")
    parser.add_argument("side", help="side name, e.g. left")
    parser.add_argument("--source", choices=sorted(SOURCES), required=True, help="where the posts come from")
    parser.add_argument("--files", nargs="+", type=Path, help="files to import (--source archive)")
    parser.add_argument("--since", default="2014-01-01", help="keep posts from this date on (default: 2014-01-01)")
    parser.add_argument("--max-posts-per-account", type=int, default=0, help="newest posts per account; 0: all")
    parser.add_argument("--flush-every", type=int, default=10_000, help="posts buffered per write (default: 10000)")
    parser.add_argument("--base-url", help="the source's API address (default: its public one)")
    add_config_options(parser, source_module("archive").ArchiveConfig, exclude=("since",))  # --handle
    add_data_arg(parser)
    parser.set_defaults(func=_run)
