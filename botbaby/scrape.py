"""03_scrape: download (or import) a side's posts into ``DATA/SIDE/tweets``.

    botbaby scrape left --source bluesky --since 2014-01-01 --data botbaby-data
    botbaby scrape left --source x --since 2014-01-01 --data botbaby-data   # needs X_BEARER_TOKEN
    botbaby scrape left --source archive --files tweets.js export.csv --data botbaby-data

In Python, the same call the notebook makes::

    scrape("botbaby-data", "left", source="bluesky", since="2014-01-01")

The ``archive`` source imports files the user already has; network sources download the posts
(replies included; reposts only with ``retweets``) of the accounts in ``DATA/SIDE/accounts.csv``
(written by ``botbaby rank``), as that file is now: accounts removed from it are no longer fetched.

Resumable and exact: each account's next-page cursor, status (pending, done, unavailable) and post
count live in ``DATA/SIDE/scrape_state.sqlite``, keyed by the source and the account's id (so a
changed handle changes nothing). Posts are buffered across accounts and written to the tweet store
every ``flush_every`` posts together with the cursors of what was written. An exception, Ctrl-C or
SIGTERM writes the buffer and its cursors before the run stops, so nothing fetched is lost and the
next run continues mid-account. A run killed outright (``kill -9``) restarts from cursors whose
posts are all stored, re-fetches at most one buffer's worth of pages, and the store, which keeps
each post id once, ends up exactly as after an uninterrupted run. Finished accounts are skipped.

Settings are part of the state: a wider (earlier) ``since`` fetches the older posts of every
finished account, and nothing else; another source keeps its own progress; any other change
(a later ``since``, ``max_posts_per_account``, ``retweets``) is refused with one line saying what
changed, unless ``restart=True`` (``--restart``) starts that source's download over. Zero posts
still leave an empty ``tweets/`` dataset with its columns.
"""

import argparse
import json
import re
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import read_accounts as read_account_rows
from botbaby.io import state_db
from botbaby.layout import DEFAULT_SIDES, Layout, SidePaths
from botbaby.sources import SOURCES, source_module
from botbaby.sources.base import Account, AccountUnavailable, Source, open_source, take_source
from botbaby.tweets import TweetStore

# A date, or an ISO 8601 date and time with an optional offset: 2014-01-01, 2014-01-01T08:30:00Z.
# Anything else (01/02/2014, "last tuesday", "") is refused rather than guessed at.
_SINCE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
X_EARLIEST = datetime(2010, 11, 6, 0, 0, 1, tzinfo=UTC)  # X's users/:id/tweets serves nothing older
COMPLETE = "0001-01-01T00:00:00+00:00"  # `covered` of an account with no older posts to fetch


def parse_since(value: str, source: str = "bluesky", now: datetime | None = None) -> datetime:
    """``value`` (YYYY-MM-DD, or an ISO datetime; UTC unless it says otherwise) as an aware UTC datetime.

        >>> parse_since("2014-01-01")
        datetime.datetime(2014, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)
        >>> parse_since("01/02/2014")
        Traceback (most recent call last):
        ...
        botbaby.errors.ConfigError: since must be a date like 2014-01-01 (or an ISO time like 2014-01-01T08:00:00Z), got '01/02/2014'
    """
    text = value.strip() if isinstance(value, str) else ""
    if not _SINCE.fullmatch(text):
        raise ConfigError(f"since must be a date like 2014-01-01 (or an ISO time like 2014-01-01T08:00:00Z), got {value!r}")
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"since {value!r} is not a real date (check the month and the day)") from None
    stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    if stamp > (now or datetime.now(UTC)):
        raise ConfigError(f"since {value} is in the future: give the earliest date whose posts you want, e.g. 2014-01-01")
    if source == "x" and stamp < X_EARLIEST:
        raise ConfigError(f"X serves no posts from before 2010-11-06 (since {value}): use --since 2010-11-07 or later")
    return stamp


@dataclass
class ScrapeConfig(StageConfig):
    """Settings of 03_scrape from a network source."""

    source: Literal["bluesky", "x", "getoldtweets3"] = "bluesky"  # where posts come from (x needs X_BEARER_TOKEN)
    since: str = "2014-01-01"  # keep posts from this date (UTC) on: YYYY-MM-DD or an ISO time, not in the future
    max_posts_per_account: int = setting(0, low=0)  # newest posts kept per account; 0: all since `since`
    retweets: bool = False  # also store reposts/retweets (flagged is_retweet); on X they count against the post cap
    flush_every: int = setting(10_000, low=1)  # posts buffered per write to the tweet store (and per cursor commit)
    timeout: float = setting(30.0, low=0.1)  # seconds to wait for any one answer of the source
    base_url: str = ""  # the source's API address; "" (the default): its public one

    def validate(self) -> None:
        self.since_datetime()

    def since_datetime(self) -> datetime:
        return parse_since(self.since, self.source)


def import_archive(data: Path | str, side: str, files: list[Path | str], config=None, **overrides: Any):
    """Import post files (X archive, CSV, JSON Lines, parquet) into the side's tweet store.

    ``config``/``overrides``: :class:`botbaby.sources.archive.ArchiveConfig` (``handle``, ``since``).
    Returns the :class:`~botbaby.sources.archive.ImportReport`.
    """
    archive = source_module("archive")
    tweets_dir = Layout(Path(data)).side(side).tweets_dir
    return archive.import_files(tweets_dir, [Path(f) for f in files], config, **overrides)


def read_accounts(paths: SidePaths) -> list[Account]:
    """The accounts in ``accounts.csv``, in rank order, each once (``id`` ``""`` where the file has none)."""
    rows = read_account_rows(
        paths.accounts_csv, f"no accounts for side '{paths.name}': run `botbaby rank` first ({paths.accounts_csv} is missing)"
    )
    accounts = {(row["id"] or "@" + row["handle"].lower()): Account(handle=row["handle"], id=row["id"]) for row in rows}
    return list(accounts.values())


_SCHEMA = """
    DROP TABLE IF EXISTS accounts;        -- keyed by handle in earlier versions: its cursors start over
    CREATE TABLE IF NOT EXISTS settings (  -- what a source's posts were downloaded with
        source TEXT PRIMARY KEY,
        since TEXT NOT NULL,               -- ISO; widened (made earlier) when asked, never narrowed
        max_posts_per_account INTEGER NOT NULL,
        retweets INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS progress (
        source TEXT NOT NULL,
        id TEXT NOT NULL,                  -- the account's id at the source; '@handle' for one never found
        handle TEXT NOT NULL,              -- as accounts.csv shows it (display only)
        status TEXT NOT NULL,              -- pending, done, unavailable
        cursor TEXT,                       -- next page of the pass under way; NULL before its first
        since TEXT,                        -- the pass's lower bound (ISO)
        until TEXT,                        -- a widening pass: only posts before this are new; NULL: all
        covered TEXT,                      -- done: every post from this time on is stored
        last_page TEXT,                    -- the cursor of the last page read: where a wider since resumes
        posts INTEGER NOT NULL DEFAULT 0,  -- posts taken (for max_posts_per_account)
        reason TEXT,                       -- why an account is unavailable
        PRIMARY KEY (source, id)
    );
"""
_COLUMNS = ("handle", "status", "cursor", "since", "until", "covered", "last_page", "posts", "reason")


def _state(paths: SidePaths) -> AbstractContextManager[sqlite3.Connection]:
    return state_db(paths.scrape_state, _SCHEMA)


class _Progress:
    """One bar: accounts done of the total, posts stored, and any wait (countdown, clock time)."""

    def __init__(self, side: str, total: int, done: int):
        from tqdm.auto import tqdm

        self.bar = tqdm(total=total, initial=done, desc=f"{side} accounts", unit="acct")
        self.posts = 0
        self.wait = ""

    def fetched(self, posts: int) -> None:
        self.posts += posts
        self._show()

    def waiting(self, seconds: float, label: str) -> None:
        self.wait = f"{label} (in {_duration(seconds)})" if label else ""
        self._show()

    def _show(self) -> None:
        self.bar.set_postfix_str(f"{self.posts} posts" + (f"; {self.wait}" if self.wait else ""), refresh=True)

    def close(self) -> None:
        self.bar.close()


def _duration(seconds: float) -> str:
    """4m05s, 12s."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


def _settle_settings(db: sqlite3.Connection, config: ScrapeConfig, side: str, restart: bool) -> None:
    """Record the run's settings, widen ``since``, or refuse a change that would silently do nothing."""
    since = config.since_datetime()
    db.execute("BEGIN")
    if restart:
        db.execute("DELETE FROM settings WHERE source = ?", (config.source,))
        db.execute("DELETE FROM progress WHERE source = ?", (config.source,))
    row = db.execute(
        "SELECT since, max_posts_per_account, retweets FROM settings WHERE source = ?", (config.source,)
    ).fetchone()
    if row is None:
        db.execute("INSERT INTO settings VALUES (?, ?, ?, ?)",
                   (config.source, since.isoformat(), config.max_posts_per_account, int(config.retweets)))
        db.execute("COMMIT")
        return
    before = datetime.fromisoformat(row[0])
    changes = []
    if since > before:
        changes.append(f"since {before:%Y-%m-%d} -> {since:%Y-%m-%d}, later: the posts before it are stored already")
    if row[1] != config.max_posts_per_account:
        changes.append(f"max_posts_per_account {row[1]} -> {config.max_posts_per_account}")
    if bool(row[2]) != config.retweets:
        changes.append(f"retweets {bool(row[2])} -> {config.retweets}")
    if changes:
        db.execute("ROLLBACK")
        raise BotbabyError(
            f"{side}'s posts from {config.source} were downloaded with other settings ({'; '.join(changes)}): "
            "run with the earlier settings, or add --restart to start this download over (stored posts stay)"
        )
    if since < before:
        db.execute("UPDATE settings SET since = ? WHERE source = ?", (since.isoformat(), config.source))
    db.execute("COMMIT")


def _resolve(client: Source, accounts: list[Account]) -> tuple[list[Account], list[Account]]:
    """Give accounts listed without an id their id (looked up by handle); return (found, not found)."""
    found, missing = [], []
    lookup = [a for a in accounts if not a.id]
    ids: dict[str, Account] = {}
    for start in range(0, len(lookup), client.profiles_per_call):
        batch = [a.handle for a in lookup[start : start + client.profiles_per_call]]
        ids.update({a.handle.lower(): a for a in client.profiles(batch)})
    for account in accounts:
        if account.id:
            found.append(account)
        elif account.handle.lower() in ids:
            found.append(Account(handle=account.handle, id=ids[account.handle.lower()].id))
        else:
            missing.append(Account(handle=account.handle, id="@" + account.handle.lower()))
    return found, missing


def scrape(
    data: Path | str, side: str, config: "ScrapeConfig | dict | None" = None, *, restart: bool = False,
    **overrides: Any,
) -> dict[str, Any]:
    """Download the posts of the side's accounts; resume where a previous run stopped.

    ``source`` may also be a ready source object (a custom source, or one pointed at a test server).
    ``restart=True`` forgets this source's progress and settings first (the stored posts stay).
    """
    client = take_source(overrides)
    config = ScrapeConfig.resolve(config, **overrides)
    paths = Layout(Path(data)).side(side)
    accounts = read_accounts(paths)
    store = TweetStore(paths.tweets_dir)
    stored_now = 0
    with _state(paths) as db:
        _settle_settings(db, config, side, restart)
        config.save(paths.scrape_config)
        since = config.since_datetime()
        state = {
            row[0]: dict(zip(_COLUMNS, row[1:], strict=True))
            for row in db.execute(f"SELECT id, {', '.join(_COLUMNS)} FROM progress WHERE source = ?", (config.source,))
        }
        work = [a for a in accounts if not _finished(state.get(a.id or "@" + a.handle.lower()), since)]
        progress = _Progress(side, len(accounts), len(accounts) - len(work))
        buffer: list[dict] = []
        updates: dict[str, dict] = {}  # account id -> its progress row once the buffer is stored

        def flush() -> None:
            nonlocal stored_now
            stored_now += store.append(buffer)
            if db.in_transaction:  # a flush stopped between BEGIN and COMMIT by Ctrl-C: this one redoes it
                db.execute("ROLLBACK")
            db.execute("BEGIN")
            db.executemany(
                f"INSERT OR REPLACE INTO progress (source, id, {', '.join(_COLUMNS)}) "
                f"VALUES (?, ?, {', '.join('?' for _ in _COLUMNS)})",
                [(config.source, key, *(row[c] for c in _COLUMNS)) for key, row in updates.items()],
            )
            db.execute("COMMIT")
            buffer.clear()
            updates.clear()

        try:
            if work:
                client = client or open_source(config.source, base_url=config.base_url, timeout=config.timeout)
                client.limiter.on_wait = progress.waiting
                resolved, missing = _resolve(client, work)
                work = [a for a in resolved if not _finished(state.get(a.id), since)]  # listed without an id
                progress.bar.update(len(resolved) - len(work))
                for account in missing:
                    updates[account.id] = _row(account, "unavailable", reason="not found, suspended or deleted")
                    progress.bar.update(1)
            for account in work:
                _scrape_account(client, config, since, account, state.get(account.id), buffer, updates, progress)
                progress.bar.update(1)
                if len(buffer) >= config.flush_every:
                    flush()
        finally:
            # Also on an exception, Ctrl-C or SIGTERM: what was fetched is stored with its cursors.
            try:
                flush()
            finally:
                progress.close()
        store.create()
        rows = db.execute("SELECT id, handle, status FROM progress WHERE source = ?", (config.source,)).fetchall()
    by_id = {key: status for key, _, status in rows}
    by_handle = {handle.lower(): status for key, handle, status in rows}  # for accounts listed without an id
    listed = [by_id.get(a.id) if a.id else by_handle.get(a.handle.lower()) for a in accounts]
    report: dict[str, Any] = {
        "side": side,
        "source": config.source,
        "accounts": len(accounts),
        "done": listed.count("done"),
        "unavailable": listed.count("unavailable"),
        "stored_now": stored_now,
        "posts": len(store),
    }
    if client is not None:
        report.update(client.limiter.counters())
    return report


def scrape_all(
    data: Path | str, sides: Sequence[str] = DEFAULT_SIDES, config: ScrapeConfig | dict | None = None,
    **overrides: Any,
) -> dict[str, dict[str, Any]]:
    """Download every side's posts with one config (what the notebook calls)."""
    client = take_source(overrides)
    config = ScrapeConfig.resolve(config, **overrides)
    given = {"source": client} if client else {}
    return {side: scrape(data, side, config, **given) for side in sides}


def _finished(row: dict | None, since: datetime) -> bool:
    """Whether an account needs no request: unavailable, or done with every post since ``since``."""
    if row is None:
        return False
    if row["status"] == "unavailable":
        return True
    return row["status"] == "done" and datetime.fromisoformat(row["covered"]) <= since


def _row(account: Account, status: str, **values: Any) -> dict[str, Any]:
    return {"handle": account.handle, "status": status, "cursor": None, "since": None, "until": None,
            "covered": None, "last_page": None, "posts": 0, "reason": None, **values}


def _scrape_account(client, config, since, account, row, buffer, updates, progress) -> None:
    """Fetch one account's pages into ``buffer``; record its progress row in ``updates`` after each page.

    A new account gets one pass from its newest post back to ``since``. A done account whose posts
    are stored only back to a later date gets a widening pass: the posts from ``since`` to that
    date, from the page where the last pass stopped where the source's cursors allow.
    """
    if row is None:
        row = _row(account, "pending", since=since.isoformat())
    elif row["status"] == "done":  # stored back to row["covered"] only: fetch the older posts
        resume = row["last_page"] if client.keyset_cursors else None
        row = {**row, "status": "pending", "cursor": resume, "since": since.isoformat(), "until": row["covered"]}
    elif datetime.fromisoformat(row["since"]) != since:  # a pass under way when since was widened
        # A keyset cursor pages on to any lower bound; another cursor belongs to the old query.
        row = {**row, "since": since.isoformat(), "cursor": row["cursor"] if client.keyset_cursors else None}
    row = {**row, "handle": account.handle}
    until = datetime.fromisoformat(row["until"]) if row["until"] else None
    limit = config.max_posts_per_account
    cursor, taken = row["cursor"], row["posts"]
    while True:
        try:
            page = client.posts(account, since, cursor, until=until, retweets=config.retweets)
        except AccountUnavailable as exc:
            updates[account.id] = {**row, "status": "unavailable", "reason": exc.reason}
            return
        items = page.items[: limit - taken] if limit else page.items
        buffer.extend(items)
        taken += len(items)
        progress.fetched(len(items))
        capped = bool(limit and taken >= limit)
        if page.done or capped:
            # Capped: the newest posts are all kept, whatever a later since says.
            covered = COMPLETE if capped else since.isoformat()
            updates[account.id] = {**row, "status": "done", "cursor": None, "until": None, "covered": covered,
                                   "last_page": cursor, "posts": taken}
            return
        updates[account.id] = {**row, "cursor": page.cursor, "last_page": cursor, "posts": taken}
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
    report = scrape(args.data, args.side, config_from_args(ScrapeConfig, args), restart=args.restart)
    print(json.dumps(report, indent=2))
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("scrape", help="download or import a side's posts (03_scrape)")
    parser.add_argument("side", help="side name, e.g. left")
    # Required, so no default of its own; archive imports files instead of downloading.
    parser.add_argument("--source", choices=sorted(SOURCES), required=True, help="where the posts come from")
    parser.add_argument("--files", nargs="+", type=Path, help="files to import (--source archive)")
    add_config_options(parser, ScrapeConfig, exclude=("source",))
    parser.add_argument("--restart", action="store_true", help="forget this source's progress and settings first")
    add_config_options(parser, source_module("archive").ArchiveConfig, exclude=("since",))  # --handle
    add_data_arg(parser)
    parser.set_defaults(func=_run)
