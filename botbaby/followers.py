"""02_followers: download every leader's followers, then rank who belongs to which side.

    botbaby followers left --source bluesky --data botbaby-data
    botbaby followers right --source bluesky --data botbaby-data
    botbaby rank --data botbaby-data --top 150000

In Python, the same calls the notebook makes::

    download_followers("botbaby-data", "left", source="bluesky")
    rank("botbaby-data", top=150_000)

**Followers** are stored per leader, so one leader's failure costs nothing else: pages go into
``DATA/SIDE/followers/state.sqlite`` together with the cursor of the next page (one transaction
per page, so a killed run resumes at the page it was on); a finished leader becomes
``DATA/SIDE/followers/LEADER.arrow`` (an uncompressed Arrow IPC file, readable with
``pandas.read_feather``; columns ``key``, ``id``, ``handle``, sorted by ``key``, each follower once)
and is skipped from then on. Uncompressed so that rank can memory-map it: on disk about 45 MB per
million followers from X and 70 MB from Bluesky (whose DIDs and domain handles are longer), and no
decoding at all when ranking. A suspended or deleted leader is recorded in the
state database and skipped.

**Rank** counts, for every follower, how many of each side's leaders it follows, drops accounts
that follow leaders of more than one side (the original's "both camps" accounts), and writes
``DATA/SIDE/accounts.csv`` (``handle``, ``leaders_followed``), most-followed first, top N per
side, plus ``DATA/rank_stats.json`` (followers per side, the overlap dropped, the histogram the
plots draw). Followers are counted as int64 keys (X user ids; a hash of Bluesky DIDs) with numpy
sorting, never Python objects, so 40 leaders with a million followers each fit easily in memory.
"""

import argparse
import json
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from botbaby.config import StageConfig
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_path, atomic_write_text, state_db
from botbaby.layout import DEFAULT_SIDES, Layout, SidePaths
from botbaby.leaders import read_leaders
from botbaby.sources.base import AccountUnavailable, Source, open_source

# One finished leader's followers, as stored in DATA/SIDE/followers/LEADER.arrow.
FOLLOWERS_SCHEMA = pa.schema(
    [
        ("key", pa.int64()),  # what rank counts with: botbaby.sources.base.account_key(id)
        ("id", pa.string()),  # the source's account id (X user id, Bluesky DID)
        ("handle", pa.string()),  # the handle when downloaded
    ]
)


CHUNK_KEYS = 3_000_000  # keys rank sorts at once (24 MB): bounds its memory whatever the number of leaders
SAMPLE_EVERY = 4096  # rank estimates where to cut the key space from every 4096th key of each leader


@dataclass
class FollowersConfig(StageConfig):
    """Settings of the followers download in 02_followers."""

    source: str = "bluesky"  # where leaders live: bluesky or x
    max_per_leader: int = 0  # stop after this many followers of one leader; 0: all of them
    base_url: str | None = None  # the source's API address; None: its public default

    def validate(self) -> None:
        if self.max_per_leader < 0:
            raise ConfigError(f"max_per_leader must be 0 (all) or more, got {self.max_per_leader}")


@dataclass
class RankConfig(StageConfig):
    """Settings of rank in 02_followers."""

    top: int = 150_000  # accounts kept per side (the original kept 150k)
    sides: list[str] = field(default_factory=lambda: list(DEFAULT_SIDES))  # sides compared with each other

    def validate(self) -> None:
        if self.top < 1:
            raise ConfigError(f"top must be at least 1, got {self.top}")
        if not self.sides:
            raise ConfigError("rank needs at least one side")


# -- download ---------------------------------------------------------------------------------


def leader_file(paths: SidePaths, leader: str) -> Path:
    """Where a finished leader's followers are stored."""
    return paths.followers_dir / f"{leader.lower()}.arrow"


_SCHEMA = """
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


def download_followers(
    data: Path | str,
    side: str,
    source: str | Source = "bluesky",
    max_per_leader: int = 0,
    base_url: str | None = None,
) -> dict[str, Any]:
    """Download the followers of every leader of ``side``; resume where a previous run stopped."""
    config = FollowersConfig.from_dict(
        source=source if isinstance(source, str) else source.name, max_per_leader=max_per_leader, base_url=base_url
    )
    from tqdm.auto import tqdm

    paths = Layout(Path(data)).side(side)
    leaders = read_leaders(data, side)
    client = None
    fetched = 0
    with _state(paths) as db:
        for leader in leaders:
            db.execute("INSERT OR IGNORE INTO leaders (leader, status) VALUES (?, 'pending')", (leader,))
        todo = [
            leader for leader in leaders
            if db.execute("SELECT status FROM leaders WHERE leader = ?", (leader,)).fetchone()[0] in ("pending", "fetched")
        ]
        bar = tqdm(total=len(leaders), initial=len(leaders) - len(todo), desc=f"{side} leaders", unit="leader")
        followers_bar = tqdm(desc=f"{side} followers", unit="acct")
        for leader in todo:
            status, cursor, count = db.execute(
                "SELECT status, cursor, followers FROM leaders WHERE leader = ?", (leader,)
            ).fetchone()
            if status == "pending":
                if client is None:
                    client = open_source(source, base_url=base_url)
                    client.limiter.on_wait = lambda s, why: followers_bar.set_postfix_str(
                        f"{why}: waiting {s:.0f}s", refresh=True
                    )
                while True:
                    try:
                        page = client.followers(leader, cursor)
                    except AccountUnavailable as exc:
                        db.execute(
                            "UPDATE leaders SET status = 'unavailable', reason = ? WHERE leader = ?",
                            (exc.reason, leader),
                        )
                        print(f"skipped leader {leader}: {exc.reason}")
                        break
                    items = page.items
                    if config.max_per_leader:
                        items = items[: max(config.max_per_leader - count, 0)]
                    full = page.done or (config.max_per_leader and count + len(items) >= config.max_per_leader)
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
                    fetched += len(items)
                    followers_bar.update(len(items))
                    if full:
                        status = "fetched"
                        break
                    cursor = page.cursor
            if status == "fetched":
                _finish_leader(db, paths, leader)
            bar.update(1)
        bar.close()
        followers_bar.close()
        rows = db.execute("SELECT leader, status, followers, reason FROM leaders").fetchall()
    config.save(paths.followers_config)
    states = {leader: (status, n, reason) for leader, status, n, reason in rows}
    report = {
        "side": side,
        "leaders": len(leaders),
        "done": sum(states[h][0] == "done" for h in leaders),
        "unavailable": {h: states[h][2] for h in leaders if states[h][0] == "unavailable"},
        "followers": {h: states[h][1] for h in leaders if states[h][0] == "done"},
        "fetched_now": fetched,
    }
    if client is not None:
        report.update(client.limiter.counters())
    return report


def write_leader_file(table: pa.Table, path: Path) -> None:
    """Write one leader's followers (sorted by key) atomically as an uncompressed Arrow IPC file."""
    with atomic_path(path) as tmp:
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, FOLLOWERS_SCHEMA) as writer:
            writer.write_table(table.cast(FOLLOWERS_SCHEMA).combine_chunks())


def read_leader_file(path: Path) -> pa.Table:
    """A leader's followers, memory-mapped: nothing is read until used, and pages come and go freely."""
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def _column(table: pa.Table, name: str) -> np.ndarray:
    """A numeric column as numpy without copying (it stays backed by the memory map)."""
    column = table.column(name)
    if column.num_chunks == 1:
        return column.chunk(0).to_numpy()
    return column.to_numpy()


def _finish_leader(db: sqlite3.Connection, paths: SidePaths, leader: str) -> None:
    """Move a fully fetched leader's followers from the state database into their own file."""
    rows = db.execute("SELECT key, id, handle FROM followers WHERE leader = ? ORDER BY key", (leader,)).fetchall()
    keys, ids, handles = zip(*rows, strict=True) if rows else ((), (), ())
    table = pa.table(
        {"key": pa.array(keys, pa.int64()), "id": pa.array(ids, pa.string()), "handle": pa.array(handles, pa.string())},
        schema=FOLLOWERS_SCHEMA,
    )
    write_leader_file(table, leader_file(paths, leader))
    # Only once the file is in place: a kill before this line redoes the export, nothing else.
    db.execute("BEGIN")
    db.execute("DELETE FROM followers WHERE leader = ?", (leader,))
    db.execute("UPDATE leaders SET status = 'done' WHERE leader = ?", (leader,))
    db.execute("COMMIT")


# -- rank -------------------------------------------------------------------------------------


def _leader_files(data: Path | str, side: str) -> list[Path]:
    paths = Layout(Path(data)).side(side)
    files = [leader_file(paths, h) for h in read_leaders(data, side)]
    files = [f for f in files if f.exists()]
    if not files:
        raise BotbabyError(f"no followers downloaded for side '{side}': run `botbaby followers {side}` first")
    return files


def _keys(path: Path) -> np.ndarray:
    """A leader's sorted follower keys, memory-mapped (unmapped when the array is dropped)."""
    return _column(read_leader_file(path), "key")


def count_followed(files: list[Path], chunk: int = CHUNK_KEYS) -> tuple[np.ndarray, np.ndarray]:
    """For the followers in ``files`` (one leader each): unique keys, and how many leaders each follows.

    Each file holds a leader's followers once, sorted, so a key's count is the number of files it
    is in. The key space is cut into ranges of about ``chunk`` keys; each range is one slice of
    every leader's memory-mapped key array (found by binary search), gathered, sorted and its runs
    counted. Memory stays near ``chunk`` keys plus the answer, however many leaders.

        >>> import tempfile, pyarrow as pa
        >>> folder = Path(tempfile.mkdtemp())
        >>> for name, keys in {"a": [1, 2, 5], "b": [2, 5, 9], "c": [5]}.items():
        ...     ids = [str(k) for k in keys]
        ...     write_leader_file(pa.table({"key": keys, "id": ids, "handle": ids}, FOLLOWERS_SCHEMA), folder / name)
        >>> keys, counts = count_followed([folder / "a", folder / "b", folder / "c"], chunk=2)
        >>> keys.tolist(), counts.tolist()
        ([1, 2, 5, 9], [1, 2, 3, 1])
    """
    sizes, samples = [], []
    for path in files:
        keys = _keys(path)
        sizes.append(keys.size)
        samples.append(np.array(keys[::SAMPLE_EVERY]))  # touches one page in SAMPLE_EVERY / 512
        del keys  # unmaps it: a range's pages are resident only while that range is counted
    total = sum(sizes)
    # Cut the key space so that each range holds about `chunk` keys (estimated from the samples).
    sample = np.sort(np.concatenate(samples)) if samples else np.empty(0, dtype=np.int64)
    step = max(chunk // SAMPLE_EVERY, 1)
    cuts = _sorted_unique(sample[step::step])
    # Room for every key; only the pages written become resident, so nothing is copied at the end.
    unique_out = np.empty(total, dtype=np.int64)
    # Counts never exceed the number of leaders: with fewer than 256 leaders one byte each.
    count_out = np.empty(total, dtype=np.min_scalar_type(len(files)))
    filled = 0
    bounds = [None, *cuts.tolist(), None]
    for low, high in zip(bounds[:-1], bounds[1:], strict=True):
        slices = []
        for path in files:
            keys = _keys(path)
            begin = 0 if low is None else int(np.searchsorted(keys, low, side="left"))
            end = keys.size if high is None else int(np.searchsorted(keys, high, side="left"))
            slices.append((path, begin, end))
            del keys
        gathered = np.empty(sum(end - begin for _, begin, end in slices), dtype=np.int64)
        at = 0
        for path, begin, end in slices:
            keys = _keys(path)
            gathered[at : at + end - begin] = keys[begin:end]
            at += end - begin
            del keys
        if gathered.size == 0:
            continue
        gathered.sort()
        starts = np.empty(gathered.size, dtype=bool)
        starts[0] = True
        np.not_equal(gathered[1:], gathered[:-1], out=starts[1:])
        first = np.flatnonzero(starts)
        del starts
        end = filled + first.size
        np.subtract(first[1:], first[:-1], out=count_out[filled : end - 1], casting="unsafe")
        count_out[end - 1] = gathered.size - first[-1]
        np.take(gathered, first, out=unique_out[filled:end])
        filled = end
        del gathered, first
    return unique_out[:filled], count_out[:filled]


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of an ascending array (cheaper than ``np.unique``, which sorts again)."""
    if values.size == 0:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _member(keys: np.ndarray, sorted_keys: np.ndarray, step: int = 1 << 20) -> np.ndarray:
    """Which of ``keys`` are in ``sorted_keys`` (sorted, unique), in steps to keep temporaries small."""
    found = np.zeros(keys.size, dtype=bool)
    if sorted_keys.size == 0:
        return found
    for start in range(0, keys.size, step):
        part = keys[start : start + step]
        at = np.searchsorted(sorted_keys, part)
        at[at == sorted_keys.size] = 0
        found[start : start + step] = sorted_keys[at] == part
    return found


def rank_keys(per_side: dict[str, tuple[np.ndarray, np.ndarray]], top: int) -> tuple[dict, int]:
    """Drop keys found on more than one side; keep each side's ``top`` by leaders followed.

    ``per_side`` maps a side to (sorted unique keys, leaders followed), as :func:`count_followed`
    returns; the counts of dropped keys are set to 0 in place (copying 2 x 8 bytes per follower to
    leave them out would double rank's memory). Returns ({side: (keys, counts) most-followed first,
    ties by key}, number of keys dropped).

        >>> left = (np.array([1, 2, 3]), np.array([2, 1, 1]))
        >>> right = (np.array([3, 4]), np.array([1, 5]))
        >>> kept, dropped = rank_keys({"left": left, "right": right}, top=10)
        >>> kept["left"][0].tolist(), kept["right"][0].tolist(), dropped
        ([1, 2], [4], 1)
    """
    shared = np.empty(0, dtype=np.int64)
    sides = list(per_side)
    for i, side in enumerate(sides):
        for other in sides[i + 1 :]:
            (keys, counts), (other_keys, other_counts) = per_side[side], per_side[other]
            inside = _member(keys, other_keys)
            both = keys[inside]  # ascending, like keys
            # Zero their counts instead of copying the arrays without them.
            counts[inside] = 0
            other_counts[np.searchsorted(other_keys, both)] = 0
            shared = _sorted_unique(np.sort(np.concatenate([shared, both])))
    kept = {}
    for side, (keys, counts) in per_side.items():
        # Most leaders followed first; keys are sorted, so picking by count keeps ties in key order.
        chosen: list[np.ndarray] = []
        remaining = top
        for count in range(int(counts.max(initial=0)), 0, -1):
            if remaining <= 0:
                break
            picked = np.flatnonzero(counts == count)[:remaining]
            chosen.append(picked)
            remaining -= picked.size
        order = np.concatenate(chosen) if chosen else np.empty(0, dtype=np.int64)
        kept[side] = (keys[order], counts[order])
    return kept, int(shared.size)


def _handles_of(files: list[Path], keys: np.ndarray) -> dict[int, str]:
    """The handle of each key in ``keys``, read back from the leader files that mention it.

    Each memory-mapped file's sorted keys are searched with numpy and only the wanted handles are
    taken, so just the pages holding them are read; files are visited until every key is found.
    """
    wanted = _sorted_unique(np.sort(keys))
    found: dict[int, str] = {}
    for path in files:
        if wanted.size == 0:
            break
        table = read_leader_file(path)
        column = _column(table, "key")
        if column.size == 0:
            continue
        at = np.minimum(np.searchsorted(column, wanted), column.size - 1)
        hit = column[at] == wanted
        if hit.any():
            handles = table.column("handle").take(pa.array(at[hit]))
            found.update(zip(wanted[hit].tolist(), handles.to_pylist(), strict=True))
            wanted = wanted[~hit]
        del table, column
    return found


def rank(data: Path | str, top: int = 150_000, sides: list[str] | None = None) -> dict[str, Any]:
    """Write each side's ``accounts.csv``: followers of its leaders only, most leaders followed first."""
    config = RankConfig.from_dict(top=top, sides=list(sides or DEFAULT_SIDES))
    layout = Layout(Path(data))
    files = {side: _leader_files(data, side) for side in config.sides}
    per_side = {side: count_followed(files[side]) for side in config.sides}
    before = {side: int(keys.size) for side, (keys, _) in per_side.items()}
    histogram_before = {side: _histogram(counts) for side, (_, counts) in per_side.items()}
    kept, overlap = rank_keys(per_side, config.top)
    del per_side
    stats: dict[str, Any] = {"config": config.to_dict(), "overlap": overlap, "sides": {}}
    for side in config.sides:
        keys, counts = kept[side]
        handles = _handles_of(files[side], keys)
        table = pd.DataFrame({"handle": [handles[int(k)] for k in keys], "leaders_followed": counts})
        with atomic_path(layout.side(side).accounts_csv) as tmp:
            table.to_csv(tmp, index=False)
        stats["sides"][side] = {
            "leaders": len(files[side]),
            "followers": before[side],
            "kept": int(keys.size),
            "leaders_followed_before": histogram_before[side],
            "leaders_followed_kept": _histogram(counts),
        }
    atomic_write_text(layout.rank_stats, json.dumps(stats, indent=2) + "\n")
    return stats


def _histogram(counts: np.ndarray) -> dict[str, int]:
    """How many accounts follow 1, 2, ... leaders (keys as strings, for JSON).

    One pass per count value instead of ``np.bincount``, which would first copy the counts to int64.
    """
    highest = int(counts.max(initial=0))
    tally = {str(n): int(np.count_nonzero(counts == n)) for n in range(1, highest + 1)}
    return {n: c for n, c in tally.items() if c}


# -- plots ------------------------------------------------------------------------------------


def _stats(data: Path | str) -> dict[str, Any]:
    path = Layout(Path(data)).rank_stats
    if not path.exists():
        raise BotbabyError(f"no rank results in {Layout(Path(data)).root}: run `botbaby rank` first")
    return json.loads(path.read_text())


def plot_leaders_followed(data: Path | str):
    """Bar chart per side: how many kept accounts follow 1, 2, 3, ... of the side's leaders."""
    plt = require_pyplot()
    stats = _stats(data)
    sides = list(stats["sides"])
    fig, axes = plt.subplots(1, len(sides), figsize=(5 * len(sides), 3.5), squeeze=False)
    for ax, side in zip(axes[0], sides, strict=True):
        histogram = stats["sides"][side]["leaders_followed_kept"]
        ax.bar([int(n) for n in histogram], list(histogram.values()))
        ax.set_title(f"{side}: {stats['sides'][side]['kept']} accounts kept")
        ax.set_xlabel("leaders followed")
        ax.set_ylabel("accounts")
    fig.tight_layout()
    return fig


def plot_overlap(data: Path | str):
    """Followers per side before ranking, and how many followed both sides (and were dropped)."""
    plt = require_pyplot()
    stats = _stats(data)
    sides = list(stats["sides"])
    only = [stats["sides"][s]["followers"] - stats["overlap"] for s in sides]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar([f"only {s}" for s in sides] + ["several sides (dropped)"], only + [stats["overlap"]],
           color=["tab:blue"] * len(sides) + ["tab:red"])
    ax.set_ylabel("accounts")
    ax.set_title("followers of each side's leaders before ranking")
    fig.tight_layout()
    return fig


def require_pyplot():
    """matplotlib's pyplot, with the install hint when it is missing."""
    from botbaby._optional import require

    return require("matplotlib.pyplot", extra="notebooks", package="matplotlib")


# -- CLI --------------------------------------------------------------------------------------


def _run_followers(args: argparse.Namespace) -> int:
    report = download_followers(
        args.data, args.side, source=args.source, max_per_leader=args.max_per_leader, base_url=args.base_url
    )
    print(json.dumps(report, indent=2))
    return 0


def _run_rank(args: argparse.Namespace) -> int:
    stats = rank(args.data, top=args.top, sides=args.sides)
    for side, numbers in stats["sides"].items():
        print(f"{side}: {numbers['kept']} accounts -> {Layout(args.data).side(side).accounts_csv}")
    print(f"dropped {stats['overlap']} accounts following leaders of several sides")
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("followers", help="download the followers of a side's leaders (02_followers)")
    parser.add_argument("side", help="side name, e.g. left")
    parser.add_argument("--source", choices=["bluesky", "x"], default="bluesky", help="where leaders live")
    parser.add_argument("--max-per-leader", type=int, default=0, help="followers per leader; 0: all (default)")
    parser.add_argument("--base-url", help="the source's API address (default: its public one)")
    add_data_arg(parser)
    parser.set_defaults(func=_run_followers)

    parser = subparsers.add_parser("rank", help="keep each side's accounts that follow only its leaders (02_followers)")
    parser.add_argument("--top", type=int, default=150_000, help="accounts kept per side (default: 150000)")
    parser.add_argument("--sides", nargs="+", default=list(DEFAULT_SIDES), help="sides to compare (default: left right)")
    add_data_arg(parser)
    parser.set_defaults(func=_run_rank)
