"""02_followers, first step: download every leader's followers.

    botbaby followers left --source bluesky --data botbaby-data
    botbaby followers right --source bluesky --data botbaby-data
    botbaby rank --data botbaby-data --top 150000          # the second step: botbaby.rank

In Python, the same calls the notebook makes::

    download_followers_all("botbaby-data", ["left", "right"], source="bluesky")
    rank("botbaby-data", top=150_000)

Followers are stored per leader, so one leader's failure costs nothing else: pages go into
``DATA/SIDE/followers/state.sqlite`` together with the cursor of the next page (one transaction
per page, so a stopped or killed run resumes at the page it was on); a finished leader becomes
``DATA/SIDE/followers/LEADER.arrow`` (an uncompressed Arrow IPC file, ``botbaby.formats``; readable with
``pandas.read_feather``; columns ``key``, ``id``, ``handle``, sorted by ``key``, each follower once)
and is skipped from then on. Uncompressed so that rank can memory-map it: on disk about 45 MB per
million followers from X and 70 MB from Bluesky (whose DIDs and domain handles are longer), and no
decoding at all when ranking. A suspended or deleted leader is recorded in the state database and
skipped.

The source and ``max_per_leader`` are part of the state: a rerun with others is refused with one
line saying what changed, unless ``restart=True`` (``--restart``) deletes this side's followers and
starts over. The progress bar counts followers against the leaders' follower counts (one profile
lookup per 25 leaders on Bluesky, 100 on X).
"""

import argparse
import json
import shutil
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.errors import BotbabyError
from botbaby.formats import leader_rows, write_leader_file
from botbaby.io import state_db
from botbaby.layout import DEFAULT_SIDES, Layout, SidePaths
from botbaby.sources.base import Account, AccountUnavailable, Source, open_source, take_source


@dataclass
class FollowersConfig(StageConfig):
    """Settings of the followers download in 02_followers."""

    source: Literal["bluesky", "x"] = "bluesky"  # where the leaders live
    max_per_leader: int = setting(0, low=0)  # stop after this many followers of one leader; 0: all of them
    timeout: float = setting(30.0, low=0.1)  # seconds to wait for any one answer of the source
    base_url: str = ""  # the source's API address; "" (the default): its public one


_SCHEMA = """
    CREATE TABLE IF NOT EXISTS settings (  -- what this side's followers were downloaded with
        source TEXT NOT NULL,
        max_per_leader INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS leaders (
        leader TEXT PRIMARY KEY,
        cursor TEXT,                      -- next page to fetch; NULL before the first
        status TEXT NOT NULL,             -- pending, fetched (all pages in), done, unavailable
        followers INTEGER NOT NULL DEFAULT 0,
        reason TEXT                       -- why a leader is unavailable
    );
    CREATE TABLE IF NOT EXISTS followers (
        leader TEXT NOT NULL, key INTEGER NOT NULL, id TEXT NOT NULL, handle TEXT NOT NULL,
        PRIMARY KEY (leader, key)
    ) WITHOUT ROWID;
"""


def _state(paths: SidePaths) -> AbstractContextManager[sqlite3.Connection]:
    return state_db(paths.followers_state, _SCHEMA)


def _settle_settings(paths: SidePaths, config: FollowersConfig, side: str, restart: bool) -> None:
    """Record the download's settings, or refuse other ones (a restart deletes what was downloaded)."""
    if restart and paths.followers_dir.exists():
        shutil.rmtree(paths.followers_dir)
    with _state(paths) as db:
        row = db.execute("SELECT source, max_per_leader FROM settings").fetchone()
        if row is None:
            db.execute("INSERT INTO settings VALUES (?, ?)", (config.source, config.max_per_leader))
            return
        changes = [f"{name} {old} -> {new}" for name, old, new in
                   (("source", row[0], config.source), ("max_per_leader", row[1], config.max_per_leader)) if old != new]
        if changes:
            raise BotbabyError(
                f"{side}'s followers were downloaded with other settings ({'; '.join(changes)}): run with the "
                "earlier settings, or add --restart to delete them and download again"
            )


class _Progress:
    """One bar: followers stored of the leaders' follower counts, and any wait (countdown, clock time)."""

    def __init__(self, side: str, total: int | None, done: int):
        from tqdm.auto import tqdm

        self.bar = tqdm(total=total, initial=done, desc=f"{side} followers", unit="acct")

    def waiting(self, seconds: float, label: str) -> None:
        self.bar.set_postfix_str(f"{label} (in {_duration(seconds)})" if label else "", refresh=True)


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


def _expected_total(client: Source, leaders: list[str], cap: int) -> int | None:
    """How many followers the download will store, from the leaders' profiles (None when not given)."""
    total = 0
    for start in range(0, len(leaders), client.profiles_per_call):
        for account in client.profiles(leaders[start : start + client.profiles_per_call]):
            if account.followers is None:
                return None
            total += min(account.followers, cap) if cap else account.followers
    return total


def download_followers(
    data: Path | str, side: str, config: FollowersConfig | dict | None = None, *, restart: bool = False,
    **overrides: Any,
) -> dict[str, Any]:
    """Download the followers of every leader of ``side``; resume where a previous run stopped.

    ``source`` may also be a ready source object (a custom source, or one pointed at a test server).
    """
    client = take_source(overrides)
    config = FollowersConfig.resolve(config, **overrides)
    paths = Layout(Path(data)).side(side)
    rows = leader_rows(paths)
    leaders = [row["handle"] for row in rows]
    ids = {row["handle"]: row["id"] for row in rows}  # a leader is asked for by id where leaders.csv has one
    _settle_settings(paths, config, side, restart)
    config.save(paths.followers_config)
    fetched = 0
    with _state(paths) as db:
        db.execute("BEGIN")
        db.executemany("INSERT OR IGNORE INTO leaders (leader, status) VALUES (?, 'pending')", [(h,) for h in leaders])
        db.execute("COMMIT")
        status = dict(db.execute("SELECT leader, status FROM leaders").fetchall())
        todo = [leader for leader in leaders if status[leader] in ("pending", "fetched")]
        progress = None
        if todo:
            client = client or open_source(config.source, base_url=config.base_url, timeout=config.timeout)
            stored = db.execute("SELECT COALESCE(SUM(followers), 0) FROM leaders WHERE status = 'done'").fetchone()[0]
            waiting = [leader for leader in todo if status[leader] == "pending"]
            total = _expected_total(client, waiting, config.max_per_leader) if waiting else 0
            in_flight = db.execute("SELECT COUNT(*) FROM followers").fetchone()[0]
            progress = _Progress(side, None if total is None else stored + in_flight + total, stored + in_flight)
            client.limiter.on_wait = progress.waiting
        try:
            for leader in todo:
                if status[leader] == "pending":
                    account = Account(handle=leader, id=ids.get(leader, ""))
                    status[leader], got = _download_leader(client, db, account, config, progress)
                    fetched += got
                if status[leader] == "fetched":
                    _finish_leader(db, paths, leader)
        finally:
            if progress is not None:
                progress.bar.close()
        rows = db.execute("SELECT leader, status, followers, reason FROM leaders").fetchall()
    states = {leader: (state, n, reason) for leader, state, n, reason in rows}
    report = {
        "side": side,
        "source": config.source,
        "leaders": len(leaders),
        "done": sum(states[h][0] == "done" for h in leaders),
        "unavailable": {h: states[h][2] for h in leaders if states[h][0] == "unavailable"},
        "followers": {h: states[h][1] for h in leaders if states[h][0] == "done"},
        "fetched_now": fetched,
    }
    if client is not None:
        report.update(client.limiter.counters())
    return report


def download_followers_all(
    data: Path | str, sides: Sequence[str] = DEFAULT_SIDES, config: FollowersConfig | dict | None = None,
    **overrides: Any,
) -> dict[str, dict[str, Any]]:
    """Download the followers of every side's leaders with one config (what the notebook calls)."""
    client = take_source(overrides)
    config = FollowersConfig.resolve(config, **overrides)
    given = {"source": client} if client else {}
    return {side: download_followers(data, side, config, **given) for side in sides}


def _download_leader(client: Source, db: sqlite3.Connection, account: Account, config: FollowersConfig,
                     progress: "_Progress | None") -> tuple[str, int]:
    """Fetch one leader's follower pages from its saved cursor, committing each page with the next cursor.

    The leader is asked for by its id when leaders.csv has one (a changed handle changes nothing).
    Returns the leader's status afterwards (``fetched`` or ``unavailable``) and the followers stored now.
    """
    leader = account.handle
    cursor, count = db.execute("SELECT cursor, followers FROM leaders WHERE leader = ?", (leader,)).fetchone()
    stored = 0
    while True:
        try:
            page = client.followers(account, cursor)
        except AccountUnavailable as exc:
            db.execute("UPDATE leaders SET status = 'unavailable', reason = ? WHERE leader = ?", (exc.reason, leader))
            print(f"skipped leader {leader}: {exc.reason}")
            return "unavailable", stored
        items = page.items
        if config.max_per_leader:
            items = items[: max(config.max_per_leader - count, 0)]
        full = page.done or bool(config.max_per_leader and count + len(items) >= config.max_per_leader)
        db.execute("BEGIN")
        db.executemany(
            "INSERT OR IGNORE INTO followers (leader, key, id, handle) VALUES (?, ?, ?, ?)",
            [(leader, a.key, a.id, a.handle) for a in items],
        )
        count += len(items)
        db.execute(
            "UPDATE leaders SET cursor = ?, followers = ?, status = ? WHERE leader = ?",
            (page.cursor, count, "fetched" if full else "pending", leader),
        )
        db.execute("COMMIT")
        stored += len(items)
        if progress is not None:
            progress.bar.update(len(items))
        if full:
            return "fetched", stored
        cursor = page.cursor


def _finish_leader(db: sqlite3.Connection, paths: SidePaths, leader: str) -> None:
    """Move a fully fetched leader's followers from the state database into their own file."""
    rows = db.execute("SELECT key, id, handle FROM followers WHERE leader = ? ORDER BY key", (leader,)).fetchall()
    keys, ids, handles = zip(*rows, strict=True) if rows else ((), (), ())
    write_leader_file(paths.leader_file(leader), keys, ids, handles)
    # Only once the file is in place: a kill before this line redoes the export, nothing else.
    db.execute("BEGIN")
    db.execute("DELETE FROM followers WHERE leader = ?", (leader,))
    db.execute("UPDATE leaders SET status = 'done' WHERE leader = ?", (leader,))
    db.execute("COMMIT")


# -- CLI --------------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    report = download_followers(args.data, args.side, config_from_args(FollowersConfig, args), restart=args.restart)
    print(json.dumps(report, indent=2))
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("followers", help="download the followers of a side's leaders (02_followers)")
    parser.add_argument("side", help="side name, e.g. left")
    add_config_options(parser, FollowersConfig)
    parser.add_argument("--restart", action="store_true", help="delete this side's followers and download again")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
