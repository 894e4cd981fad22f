"""02_followers, second step: rank who belongs to which side, from the followers downloaded.

    botbaby rank --data botbaby-data --top 150000

In Python, the same call the notebook makes::

    rank("botbaby-data", top=150_000)

Rank counts, for every follower, how many of each side's leaders it follows, drops accounts that
follow leaders of more than one side (the original's "both camps" accounts), and writes
``DATA/SIDE/accounts.csv`` (``handle``, ``id``, ``leaders_followed``), most-followed first, top N
per side, plus ``DATA/rank_stats.json`` (followers per side, the overlap dropped, the histogram the
plots draw, leaders found on several sides). Followers are counted as int64 keys (X user ids; a
hash of Bluesky DIDs) with numpy sorting, never Python objects, so 40 leaders with a million
followers each fit easily in memory.

Rank refuses to run on an incomplete download (a leader of ``leaders.csv`` whose followers are
not all in, and who is not recorded as deleted or suspended), naming the leaders, unless
``allow_partial``: a side missing most of its leaders would otherwise get the wrong accounts. A
leader listed on several sides is one warning line and named in the report (its followers count
on each side, so many of them end up dropped as "both camps").
"""

import argparse
import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.errors import BotbabyError, ConfigError
from botbaby.formats import leader_rows, read_leader_file, unavailable_leaders
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import DEFAULT_SIDES, Layout

CHUNK_KEYS = 3_000_000  # keys rank sorts at once (24 MB): bounds its memory whatever the number of leaders
SAMPLE_EVERY = 4096  # rank estimates where to cut the key space from every 4096th key of each leader


@dataclass
class RankConfig(StageConfig):
    """Settings of rank in 02_followers."""

    top: int = setting(150_000, low=1)  # accounts kept per side (the original kept 150k)
    sides: tuple[str, ...] = DEFAULT_SIDES  # sides compared with each other
    allow_partial: bool = False  # rank even when some leaders' followers are not all downloaded

    def validate(self) -> None:
        if not self.sides:
            raise ConfigError("rank needs at least one side")


def _leader_files(data: Path | str, side: str, allow_partial: bool = False) -> tuple[list[Path], list[str]]:
    """The side's finished leader files, and the leaders whose followers are missing (neither done nor gone)."""
    paths = Layout(Path(data)).side(side)
    gone = unavailable_leaders(paths)
    files, missing = [], []
    for row in leader_rows(paths):
        path = paths.leader_file(row["handle"])
        if path.exists():
            files.append(path)
        elif row["handle"].lower() not in gone:
            missing.append(row["handle"])
    if not files:
        raise BotbabyError(f"no followers downloaded for side '{side}': run `botbaby followers {side}` first")
    return files, missing


# -- counting -------------------------------------------------------------------------------


def _column(table: pa.Table, name: str) -> np.ndarray:
    """A numeric column as numpy without copying (it stays backed by the memory map)."""
    column = table.column(name)
    if column.num_chunks == 1:
        return column.chunk(0).to_numpy()
    return column.to_numpy()


def _keys(path: Path) -> np.ndarray:
    """A leader's sorted follower keys, memory-mapped (unmapped when the array is dropped)."""
    return _column(read_leader_file(path), "key")


def count_followed(files: list[Path], chunk: int = CHUNK_KEYS) -> tuple[np.ndarray, np.ndarray]:
    """For the followers in ``files`` (one leader each): unique keys, and how many leaders each follows.

    Each file holds a leader's followers once, sorted, so a key's count is the number of files it
    is in. The key space is cut into ranges of about ``chunk`` keys; each range is one slice of
    every leader's memory-mapped key array (found by binary search), gathered, sorted and its runs
    counted. Memory stays near ``chunk`` keys plus the answer, however many leaders.

        >>> import tempfile
        >>> from botbaby.formats import write_leader_file
        >>> folder = Path(tempfile.mkdtemp())
        >>> for name, keys in {"a": [1, 2, 5], "b": [2, 5, 9], "c": [5]}.items():
        ...     write_leader_file(folder / name, keys, ids=[str(k) for k in keys], handles=[f"h{k}" for k in keys])
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


def _handles_of(files: list[Path], keys: np.ndarray) -> tuple[list[str], list[str]]:
    """The handles and the ids of ``keys`` (in their order), read back from the leader files that mention them.

    Each memory-mapped file's sorted keys are searched with numpy and only the wanted rows are
    taken, so just the pages holding them are read; files are visited until every key is found.
    """
    wanted = _sorted_unique(np.sort(keys))
    left = np.arange(wanted.size)  # positions in `wanted` not found yet
    positions, handles, ids = [], [], []
    for path in files:
        if left.size == 0:
            break
        table = read_leader_file(path)
        column = _column(table, "key")
        if column.size == 0:
            continue
        at = np.minimum(np.searchsorted(column, wanted[left]), column.size - 1)
        hit = column[at] == wanted[left]
        if hit.any():
            rows = pa.array(at[hit])
            handles.append(table.column("handle").take(rows))
            ids.append(table.column("id").take(rows))
            positions.append(left[hit])
            left = left[~hit]
        del table, column
    if left.size:
        raise BotbabyError("the followers files changed while rank read them: run `botbaby rank` again")
    if not positions:
        return [], []
    # found[j] holds wanted[positions[j]]; argsort inverts that, and searchsorted puts keys in their order
    take = pa.array(np.argsort(np.concatenate(positions))[np.searchsorted(wanted, keys)])
    return (pa.chunked_array(handles).take(take).to_pylist(), pa.chunked_array(ids).take(take).to_pylist())


def rank(data: Path | str, config: RankConfig | dict | None = None, **overrides: Any) -> dict[str, Any]:
    """Write each side's ``accounts.csv``: followers of its leaders only, most leaders followed first."""
    config = RankConfig.resolve(config, **overrides)
    layout = Layout(Path(data))
    files, missing = {}, {}
    for side in config.sides:
        files[side], missing[side] = _leader_files(data, side)
    incomplete = {side: names for side, names in missing.items() if names}
    if incomplete and not config.allow_partial:
        named = "; ".join(f"{side}: {', '.join(names)}" for side, names in incomplete.items())
        raise BotbabyError(
            f"the followers of some leaders are not downloaded yet ({named}): run `botbaby followers SIDE` "
            "until it finishes, or rank anyway with --allow-partial"
        )
    shared_leaders = _leaders_on_several_sides(layout, config.sides)
    if shared_leaders:
        print("warning: leaders listed on several sides (their followers count for each): "
              + "; ".join(f"{handle} ({', '.join(sides)})" for handle, sides in shared_leaders.items()))
    per_side = {side: count_followed(files[side]) for side in config.sides}
    before = {side: int(keys.size) for side, (keys, _) in per_side.items()}
    histogram_before = {side: _histogram(counts) for side, (_, counts) in per_side.items()}
    kept, overlap = rank_keys(per_side, config.top)
    del per_side
    stats: dict[str, Any] = {"config": config.to_dict(), "overlap": overlap, "sides": {},
                             "leaders_on_several_sides": shared_leaders,
                             "leaders_missing": {side: names for side, names in incomplete.items()}}
    for side in config.sides:
        keys, counts = kept[side]
        handles, ids = _handles_of(files[side], keys)
        with atomic_path(layout.side(side).accounts_csv) as tmp, open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["handle", "id", "leaders_followed"])
            writer.writerows(zip(handles, ids, counts.tolist(), strict=True))
        stats["sides"][side] = {
            "leaders": len(files[side]),
            "followers": before[side],
            "kept": int(keys.size),
            "leaders_followed_before": histogram_before[side],
            "leaders_followed_kept": _histogram(counts),
        }
    atomic_write_text(layout.rank_stats, json.dumps(stats, indent=2) + "\n")
    return stats


def _leaders_on_several_sides(layout: Layout, sides: tuple[str, ...]) -> dict[str, list[str]]:
    """Leaders listed on more than one side, by id where leaders.csv has one (else by handle)."""
    seen: dict[str, tuple[str, list[str]]] = {}
    for side in sides:
        for row in leader_rows(layout.side(side)):
            key = row["id"] or row["handle"].lower()
            handle, listed = seen.setdefault(key, (row["handle"], []))
            if side not in listed:
                listed.append(side)
    return {handle: listed for handle, listed in seen.values() if len(listed) > 1}


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


def _run(args: argparse.Namespace) -> int:
    stats = rank(args.data, config_from_args(RankConfig, args))
    for side, numbers in stats["sides"].items():
        print(f"{side}: {numbers['kept']} accounts -> {Layout(args.data).side(side).accounts_csv}")
    print(f"dropped {stats['overlap']} accounts following leaders of several sides")
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("rank", help="keep each side's accounts that follow only its leaders (02_followers)")
    add_config_options(parser, RankConfig)
    add_data_arg(parser)
    parser.set_defaults(func=_run)
