"""04_clean: turn a side's stored posts into gpt-2-simple training text, with nothing lost silently.

    >>> import tempfile
    >>> from botbaby.tweets import TweetStore
    >>> data = Layout(tempfile.mkdtemp())
    >>> posts = [
    ...     {"id": "1", "handle": "a", "created_at": "2019-05-23T10:00:00Z",
    ...      "text": "Fuel prices up again &amp;amp; nobody answers 🔥 https://t.co/x1 @PetroMin, this is the fifth hike"},
    ...     {"id": "2", "handle": "a", "created_at": "2019-05-23T11:00:00Z", "text": "RT @b: someone else's words"},
    ...     {"id": "3", "handle": "a", "created_at": "2019-05-23T12:00:00Z", "text": "too short"},
    ... ]
    >>> _ = TweetStore(data.side("left").tweets_dir).append(posts)
    >>> stats = clean(data.root, "left")
    >>> stats.kept, stats.dropped["retweet"], stats.dropped["too_short"]
    (1, 1, 1)
    >>> data.side("left").train_txt.read_text() + data.side("left").val_txt.read_text()
    '<|startoftext|>Fuel prices up again & nobody answers, this is the fifth hike<|endoftext|>\\n'

The rules live in ``botbaby.clean_rules`` (``CleanConfig`` and ``clean_post``, the specification).
This module streams a side's posts through them a record batch at a time, drops duplicates, splits
off the held-out share by a hash of the text, writes train.txt, val.txt, clean_stats.json and a
sentence splitter (``botbaby.sentences``), and replaces the previous outputs only once all of them
are written. Big corpora go through the compiled pass (``botbaby.clean_kernel``), on ``workers``
threads with reading and writing alongside; small ones through the plain rules, so that a fresh
runtime does not wait for a compile (``CleanConfig.compiled_pass``). Both write the same bytes.
Memory stays flat: a few batches at a time, plus 8 to 12 bytes per kept post for duplicates.
"""

import argparse
import collections
import contextlib
import dataclasses
import hashlib
import json
import math
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from botbaby import clean_rules, sentences
from botbaby.clean_rules import CODE_REASONS, DROP_REASONS, EMPTY, SPEED_SETTINGS, CleanConfig, CleanResult, Lines
from botbaby.errors import BotbabyError
from botbaby.io import atomic_write_text
from botbaby.layout import DEFAULT_SIDES, END, START, Layout
from botbaby.tweets import TweetStore

__all__ = ["CleanConfig", "CleanStats", "clean", "clean_all", "drop_examples", "load_stats", "plot_lengths", "preview",
           "stats_table"]  # fmt: skip

FORMAT_VERSION = 4  # bump when the rules change meaning, so finished cleans are redone (4: the scar removers)
LENGTH_BIN_EDGES = list(range(0, 301, 10))  # characters; one more bin counts everything longer
RELEASE_MEMORY_EVERY = 4  # batches between handing Arrow's cached memory back (peak memory vs. page faults)
BUILD_ABOVE_BYTES = 5_000_000  # "auto", pass not built: above this much text it is built in the background meanwhile
TYPICAL_POST_CHARS = 120  # a cleaned post, for spreading the Punkt sample over the corpus


@dataclass
class CleanStats:
    """What clean did to one side: counts per outcome and the post-length histograms."""

    side: str
    read: int = 0  # posts in the tweet store
    kept: int = 0  # posts written to train.txt or val.txt
    dropped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DROP_REASONS, 0))
    train: int = 0
    val: int = 0
    train_chars: int = 0  # characters of post text in train.txt
    lengths_before: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BIN_EDGES))
    lengths_after: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BIN_EDGES))
    length_bin_edges: list[int] = field(default_factory=lambda: list(LENGTH_BIN_EDGES))
    punkt_chars: int = 0  # characters the sentence splitter was trained on
    examples: dict[str, list[str]] = field(default_factory=dict)  # per drop reason, the first few posts as stored
    other_script_share: float = 0.0  # share of the author's own posts (not empty, not retweets) the script rule took
    advice: list[str] = field(default_factory=list)  # what to change, when the numbers suggest it
    compiled: bool = False  # whether the compiled pass did the work (the plain rules give the same output)
    skipped: bool = False  # True when an identical finished clean was found and nothing was redone

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "CleanStats":
        return cls(**{f.name: values[f.name] for f in dataclasses.fields(cls) if f.name in values})


def _fingerprint(config: CleanConfig, parts: list[Path]) -> str:
    # Part files are append-only and uniquely named, so name and size identify the input.
    rules = {k: v for k, v in config.to_dict().items() if k not in SPEED_SETTINGS}
    state = {"format": FORMAT_VERSION, "config": rules, "parts": [[p.name, p.stat().st_size] for p in parts]}
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def _histogram(lengths: np.ndarray) -> np.ndarray:
    bins = np.minimum(lengths.astype(np.int64) // 10, len(LENGTH_BIN_EDGES) - 1)
    return np.bincount(bins, minlength=len(LENGTH_BIN_EDGES))


def _text_bytes(parts: list[Path]) -> int:
    """Bytes of post text in the store's parts, from their metadata (nothing is read)."""
    total = 0
    for part in parts:
        metadata = pq.ParquetFile(part).metadata
        column = metadata.schema.names.index("text")
        total += sum(metadata.row_group(g).column(column).total_uncompressed_size for g in range(metadata.num_row_groups))
    return total


def _use_compiled(config: CleanConfig, parts: list[Path]) -> tuple[bool, "subprocess.Popen | None"]:
    """(whether to start with the compiled pass, the process building it meanwhile, if any).

    "auto" never waits for a compile (15 s on two cores): the pass is used when numba's cache
    already holds it; otherwise the plain rules start, and for more than a few MB of text the pass
    is built in a process of its own (``python -m botbaby.clean_kernel``) and taken over once ready.
    """
    if config.compiled_pass != "auto":
        return config.compiled_pass == "always", None
    from botbaby.clean_kernel import is_built  # importing numba: a few tenths of a second, no compile

    if is_built():
        return True, None
    if _text_bytes(parts) < BUILD_ABOVE_BYTES:
        return False, None
    return False, _start_build()


def _start_build() -> "subprocess.Popen":
    """Compile the pass into numba's cache in the background; it outlives this call if need be."""
    command = [sys.executable, "-m", "botbaby.clean_kernel"]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class _Dedup:
    """Exact-duplicate detection in 8 bytes per kept post: a sorted array of 64-bit text hashes.

    The bound: 8 MB per million kept posts, up to 12 MB with the room kept for growth. Two different
    posts share a hash with probability about n²/2⁶⁵: for ten million posts, 3 in a million.
    """

    def __init__(self, compiled: bool = False) -> None:
        self.seen, self.size = np.empty(0, dtype=np.uint64), 0  # the hashes are seen[:size]
        self.compiled = compiled

    @staticmethod
    def order(hashes: np.ndarray) -> np.ndarray:
        """The sorting order of a batch's hashes; equal hashes keep their order, so the first one wins."""
        return np.argsort(hashes, kind="stable")

    def new(self, hashes: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
        """Mask of the posts whose hash was not seen before (in earlier batches or earlier in this one)."""
        order = self.order(hashes) if order is None else order
        ordered = hashes[order]
        if self.size + len(hashes) > len(self.seen):  # grown by half at a time, not for every batch
            grown = np.empty((self.size + len(hashes)) * 3 // 2, dtype=np.uint64)
            grown[: self.size] = self.seen[: self.size]
            self.seen = grown
        first = np.empty(len(hashes), dtype=bool)
        if self.compiled:
            from botbaby.clean_kernel import merge_new

            self.size = merge_new(self.seen, self.size, ordered, first)
        else:
            seen = self.seen[: self.size]
            first[:] = np.searchsorted(seen, ordered) == np.searchsorted(seen, ordered, side="right")
            first[1:] &= ordered[1:] != ordered[:-1]
            merged = np.sort(np.concatenate([seen, ordered[first]]))
            self.size = len(merged)
            self.seen[: self.size] = merged
        new = np.empty(len(hashes), dtype=bool)
        new[order] = first
        return new


# Scripts a clean may suggest keeping, in the order they are tried (Unicode script names).
SUGGESTED_SCRIPTS = ("devanagari", "bengali", "gurmukhi", "gujarati", "tamil", "telugu", "kannada", "malayalam",
                     "oriya", "arabic", "cyrillic", "greek", "hebrew", "thai", "han", "hangul")  # fmt: skip
ADVISE_SCRIPTS_ABOVE = 0.10  # share of own posts lost to the script rule above which keeping their script is suggested


def _advise(stats: CleanStats, config: CleanConfig) -> None:
    """Report how many of the author's own posts the script rule took, and suggest a script when many."""
    import regex

    own = stats.read - stats.dropped["empty"] - stats.dropped["retweet"]
    stats.other_script_share = round(stats.dropped["other_script"] / own, 4) if own else 0.0
    if stats.other_script_share <= ADVISE_SCRIPTS_ABOVE:
        return
    text = " ".join(stats.examples.get("other_script", []))
    counts = {name: len(regex.findall(rf"\p{{scx={name}}}", text)) for name in SUGGESTED_SCRIPTS}
    script = max(counts, key=counts.get) if any(counts.values()) else "devanagari"
    stats.advice.append(
        f"the script rule removed {stats.other_script_share:.0%} of this author's own posts "
        f"({stats.dropped['other_script']}): to keep them, clean with --scripts {','.join(config.scripts)},{script}"
    )


def _write_lines(handle, lines: pa.Array, keep: np.ndarray, recycle=None) -> None:
    """Write the lines of train.txt that ``keep`` selects straight from Arrow's buffer (no Python string per post)."""
    if not keep.all():
        if recycle is None:
            lines = pc.filter(lines, pa.array(keep))
        else:  # the compiled pass's gather: no new memory per batch
            from botbaby.clean_kernel import gather_lines

            offsets = np.frombuffer(lines.buffers()[1], np.int64)[lines.offset : lines.offset + len(lines) + 1]
            values = np.frombuffer(lines.buffers()[2], np.uint8)
            gathered = recycle.take(offsets[-1] - offsets[0], np.uint8)
            handle.write(gathered[: gather_lines(values, offsets, keep, gathered)])
            recycle.give_arrays(gathered)
            return
    if len(lines):  # the values buffer of a string array holds its strings back to back: the file's bytes
        offsets = np.frombuffer(lines.buffers()[1], np.int64)[lines.offset : lines.offset + len(lines) + 1]
        handle.write(np.frombuffer(lines.buffers()[2], np.uint8)[offsets[0] : offsets[-1]])


def _start_writeback(*handles) -> None:
    """Start writing what the files hold so far to disk, so the final fsync does not do it all at the end."""
    if hasattr(os, "posix_fadvise"):  # not on macOS or Windows
        for handle in handles:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


@dataclass
class _Cleaned:
    """One batch after the per-post rules: the kept posts per file and what was dropped on the way."""

    read: int
    dropped: dict[str, int]
    lengths_before: np.ndarray  # histogram of the posts' lengths as stored
    files: tuple[Lines, Lines]  # kept posts for train.txt and val.txt
    orders: tuple[np.ndarray, np.ndarray]  # the sorting order of each file's hashes (``_Dedup.order``)
    samples: tuple[list, list]  # per file: (position, text) of the posts offered to Punkt
    examples: dict[str, list[str]]  # per drop reason, the first ``config.examples`` posts as stored
    result: CleanResult  # the memory all of the above lives in, handed back once written
    recycle: Any  # the compiled pass's ``Recycler`` that memory came from (None: the plain rules)


def _clean_and_hash(batch: pa.RecordBatch, config: CleanConfig, punkt_stride: int, recycle) -> _Cleaned:
    """All per-post work on one batch (on a worker thread): rules, hashes, lines, Punkt candidates."""
    seed, val_cut = clean_rules.hash_seed(config.seed), round(config.val_share * 1_000_000)
    text, retweet = batch.column("text"), batch.column("is_retweet")
    if recycle is None:
        result = clean_rules.clean_batch(text, retweet, config, seed, val_cut)
    else:
        from botbaby.clean_kernel import clean_batch

        result = clean_batch(text, retweet, config, seed, val_cut, recycle)
    counts = np.bincount(result.codes, minlength=256)
    examples = {}
    for code, reason in CODE_REASONS.items():
        if counts[code] and code != EMPTY:
            rows = np.flatnonzero(result.codes == code)[: config.examples]
            examples[reason] = pc.take(text, pa.array(rows)).to_pylist()
    samples = []
    for lines in (result.train, result.val):
        picked = np.flatnonzero(lines.hashes % punkt_stride == 0)
        texts = pc.take(lines.lines, pa.array(picked)).to_pylist()
        samples.append(list(zip(picked.tolist(), [t[len(START) : -len(END) - 1] for t in texts], strict=True)))
    return _Cleaned(
        read=len(batch),
        dropped=dict.fromkeys(DROP_REASONS, 0) | {reason: int(counts[code]) for code, reason in CODE_REASONS.items()},
        lengths_before=_histogram(result.lengths_before[result.codes != EMPTY]),
        files=(result.train, result.val),
        orders=(_Dedup.order(result.train.hashes), _Dedup.order(result.val.hashes)),
        samples=tuple(samples),
        examples=examples,
        result=result,
        recycle=recycle,
    )


@contextlib.contextmanager
def _arrow_memory_pool() -> Iterator[None]:
    """Allocate Arrow memory from jemalloc while cleaning, where this pyarrow has it.

    Reading allocates and frees a batch's worth of decoded strings per batch. Arrow's default
    allocator, mimalloc, hands freed memory back within milliseconds and faults it in again as zeroed
    pages: with jemalloc the 200 MB benchmark clean took about 7% less CPU at the same flat peak
    memory. A pool chosen with ARROW_DEFAULT_MEMORY_POOL is left alone.
    """
    try:
        pool = None if os.environ.get("ARROW_DEFAULT_MEMORY_POOL") else pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc (Windows wheels)
        pool = None
    if pool is None:
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def _batches_cleaned(
    batches: Iterator[pa.RecordBatch], config: CleanConfig, stride: int, recycle, builder=None
) -> Iterator[_Cleaned]:
    """``_clean_and_hash`` on each batch, results in input order.

    The plain rules go batch by batch; when ``builder`` (a background build of the compiled pass)
    has finished, the remaining batches go through the pass. It releases the GIL: ``config.workers``
    batches are cleaned at once while a thread of its own reads (parquet decoding releases the GIL
    too) two batches ahead.
    """
    if recycle is None:
        for batch in batches:
            yield _clean_and_hash(batch, config, stride, None)
            if builder is not None and builder.poll() == 0:  # built: the same rules, faster, from here on
                from botbaby.clean_kernel import Recycler

                recycle = Recycler()
                break
        else:
            return
    if config.workers <= 1:
        yield from (_clean_and_hash(batch, config, stride, recycle) for batch in batches)
        return
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="clean-read") as reader,
        ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="clean") as pool,
    ):
        reads = collections.deque(reader.submit(next, batches, None) for _ in range(2))
        pending: collections.deque = collections.deque()
        while (batch := reads.popleft().result()) is not None:
            reads.append(reader.submit(next, batches, None))  # one thread: the batches stay in order
            pending.append(pool.submit(_clean_and_hash, batch, config, stride, recycle))
            if len(pending) > config.workers:  # bounded: at most workers + 3 batches in memory
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _load_kernel(config: CleanConfig) -> None:
    """Import the compiled pass and clean one post, so its code and tables are ready for the workers.

    A failure here is left to show where the pass is used (a worker, on the caller's thread), once.
    """
    with contextlib.suppress(Exception):
        from botbaby.clean_kernel import clean_batch

        clean_batch(pa.array(["x"]), None, config)


@contextlib.contextmanager
def _replaced_together(*paths: Path, marker: Path) -> Iterator[tuple[Path, ...]]:
    """Temporary paths beside ``paths``; all of them replace their files only if the block succeeds.

    ``marker`` (the file that says the outputs are finished) is removed before the first rename and
    written by the caller after the last, so a crash between renames leaves outputs that are not
    marked finished: the next run redoes them.
    """
    token = f"{os.getpid()}-{threading.get_ident()}-{time.time_ns()}"
    temporary = tuple(path.with_name(f".{path.name}.{token}.tmp") for path in paths)
    try:
        for tmp in temporary:
            tmp.parent.mkdir(parents=True, exist_ok=True)
            tmp.touch()  # created with the umask's permissions
        yield temporary
        for tmp in temporary:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        marker.unlink(missing_ok=True)
        for tmp, path in zip(temporary, paths, strict=True):
            os.replace(tmp, path)
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)


def clean(
    data: Path | str, side: str, config: CleanConfig | dict | None = None, force: bool = False, **overrides: Any
) -> CleanStats:
    """Clean one side's posts into ``train.txt``/``val.txt`` and save stats, config and a sentence splitter.

    ``config`` and ``overrides`` are ``CleanConfig`` settings. A finished clean with the same config and
    unchanged input is skipped (``force=True`` redoes it). A clean that fails (or keeps nothing) changes
    none of the side's files.
    """
    config = CleanConfig.resolve(config, **overrides)
    paths = Layout(Path(data)).side(side)
    store = TweetStore(paths.tweets_dir)
    parts = store.parts()
    if not parts:
        raise BotbabyError(
            f"no posts for side '{side}' in {paths.tweets_dir}: import or download them first, e.g. "
            f"`botbaby scrape {side} --source archive --files tweets.js --data {Path(data)}`"
        )
    fingerprint = _fingerprint(config, parts)
    outputs = (paths.train_txt, paths.val_txt, paths.clean_stats, paths.punkt)
    if not force and paths.clean_config.is_file() and all(p.is_file() for p in outputs):
        if json.loads(paths.clean_config.read_text()).get("fingerprint") == fingerprint:
            return dataclasses.replace(load_stats(data, side), skipped=True)

    compiled, builder = _use_compiled(config, parts)
    stats, recycle = CleanStats(side=side, compiled=compiled), None
    if compiled:
        from botbaby.clean_kernel import Recycler

        recycle = Recycler()
        # Loading the pass (numba, its cache) takes a few tenths of a second: beside opening the parts.
        threading.Thread(target=_load_kernel, args=(config,), name="clean-load", daemon=True).start()
    total_rows = sum(pq.ParquetFile(part).metadata.num_rows for part in parts)
    stride = max(1, math.ceil(total_rows * TYPICAL_POST_CHARS / max(1, config.punkt_sample_chars)))
    before, after = np.zeros(len(LENGTH_BIN_EDGES), np.int64), np.zeros(len(LENGTH_BIN_EDGES), np.int64)
    dedups = (_Dedup(compiled), _Dedup(compiled))  # one per file: a post and its duplicates share one
    sample: list[str] = []  # Punkt's: every stride-th post by hash, until punkt_sample_chars are taken
    with (
        _replaced_together(*outputs, marker=paths.clean_config) as (train_tmp, val_tmp, stats_tmp, punkt_tmp),
        _arrow_memory_pool(),
    ):
        with open(train_tmp, "wb") as train_file, open(val_tmp, "wb") as val_file:
            batches = store.iter_batches(["text", "is_retweet"], config.batch_size)
            for done, cleaned in enumerate(_batches_cleaned(batches, config, stride, recycle, builder), start=1):
                if cleaned.recycle is not None:  # the compiled pass did this one (its merge is the same, faster)
                    stats.compiled = dedups[0].compiled = dedups[1].compiled = True
                stats.read += cleaned.read
                for reason, count in cleaned.dropped.items():
                    stats.dropped[reason] += count
                for reason, posts in cleaned.examples.items():
                    shown = stats.examples.setdefault(reason, [])
                    shown += posts[: config.examples - len(shown)]
                before += cleaned.lengths_before
                for file, (lines, handle) in enumerate(zip(cleaned.files, (train_file, val_file), strict=True)):
                    new = np.ones(len(lines.hashes), dtype=bool)
                    if config.drop_duplicates:
                        new = dedups[file].new(lines.hashes, cleaned.orders[file])
                    stats.dropped["duplicate"] += int(len(new) - new.sum())
                    if not new.all() and len(stats.examples.get("duplicate", [])) < config.examples:
                        repeated = pc.filter(lines.lines, pa.array(~new)).to_pylist()
                        shown = stats.examples.setdefault("duplicate", [])
                        shown += [line[len(START) : -len(END) - 1] for line in repeated[: config.examples - len(shown)]]
                    _write_lines(handle, lines.lines, new, cleaned.recycle)
                    after += _histogram(lines.lengths[new])
                    stats.kept += int(new.sum())
                    stats.val += int(new.sum()) if file else 0
                    stats.train_chars += 0 if file else int(lines.lengths[new].sum())
                    for position, text in cleaned.samples[file]:
                        if new[position] and stats.punkt_chars < config.punkt_sample_chars:
                            sample.append(text)
                            stats.punkt_chars += len(text)
                if cleaned.recycle is not None:
                    cleaned.recycle.give(cleaned.result)
                if done % RELEASE_MEMORY_EVERY == 0:  # now and then: hand freed batches back, start writing out
                    _start_writeback(train_file, val_file)
                    pa.default_memory_pool().release_unused()
        if stats.kept == 0:
            raise BotbabyError(
                f"no post of side '{side}' survived cleaning ({stats.read} read; dropped: "
                f"{', '.join(f'{k} {v}' for k, v in stats.dropped.items() if v)}); nothing was changed: "
                "loosen the rules, e.g. --min-chars 20 or --no-drop-retweets"
            )
        stats.train = stats.kept - stats.val
        stats.lengths_before, stats.lengths_after = before.tolist(), after.tolist()
        _advise(stats, config)
        sentences.save_splitter(sentences.train_splitter(sample), punkt_tmp)
        stats_tmp.write_text(json.dumps(stats.to_dict(), indent=2) + "\n", encoding="utf-8")
    # Written last: its fingerprint marks the clean as finished.
    atomic_write_text(
        paths.clean_config, json.dumps({"config": config.to_dict(), "fingerprint": fingerprint}, indent=2) + "\n"
    )
    return stats


def clean_all(
    data: Path | str,
    sides: Sequence[str] = DEFAULT_SIDES,
    config: CleanConfig | dict | None = None,
    force: bool = False,
    **overrides: Any,
) -> dict[str, CleanStats]:
    """Clean several sides with one config (what the CLI, the notebook and the demo call)."""
    config = CleanConfig.resolve(config, **overrides)
    return {side: clean(data, side, config, force=force) for side in sides}


def load_stats(data: Path | str, side: str) -> CleanStats:
    """The statistics of the side's last clean."""
    path = Layout(Path(data)).side(side).clean_stats
    if not path.is_file():
        raise BotbabyError(f"side '{side}' has not been cleaned yet: run `botbaby clean {side}` first")
    return CleanStats.from_dict(json.loads(path.read_text()))


def stats_table(data: Path | str, sides: list[str] | tuple[str, ...] = DEFAULT_SIDES) -> pd.DataFrame:
    """One row per side: posts read, kept, dropped per reason, train/val split."""
    rows = []
    for side in sides:
        stats = load_stats(data, side)
        rows.append(
            {"side": side, "read": stats.read, "kept": stats.kept}
            | {f"dropped_{reason}": stats.dropped.get(reason, 0) for reason in DROP_REASONS}
            | {"train": stats.train, "val": stats.val, "train_chars": stats.train_chars}
        )
    return pd.DataFrame(rows).set_index("side")


def drop_examples(data: Path | str, side: str, n: int = 3) -> pd.DataFrame:
    """The first ``n`` dropped posts of each reason (as stored), and what the report advises."""
    stats = load_stats(data, side)
    rows = [{"reason": reason, "post": post} for reason, posts in stats.examples.items() for post in posts[:n]]
    rows += [{"reason": "advice", "post": line} for line in stats.advice]
    return pd.DataFrame(rows, columns=["reason", "post"])


def plot_lengths(data: Path | str, sides: str | Sequence[str]):
    """A matplotlib figure of post lengths before and after cleaning, one panel per side."""
    from botbaby._optional import require

    plt = require("matplotlib.pyplot", extra="notebooks", package="matplotlib")
    sides = [sides] if isinstance(sides, str) else list(sides)
    figure, panels = plt.subplots(len(sides), 1, figsize=(8, 3 * len(sides)), squeeze=False)
    for side, axes in zip(sides, panels[:, 0], strict=True):
        stats = load_stats(data, side)
        edges = stats.length_bin_edges
        for name, counts in (("before cleaning", stats.lengths_before), ("after cleaning", stats.lengths_after)):
            axes.bar(edges, counts, width=9, align="edge", alpha=0.55, label=name)
        axes.set_xlabel(f"post length in characters ({edges[-1]}+ in the last bin)")
        axes.set_ylabel("posts")
        axes.set_title(f"{side}: {stats.read} posts read, {stats.kept} kept")
        axes.legend()
    figure.tight_layout()
    return figure


def preview(data: Path | str, side: str, n: int = 5) -> list[str]:
    """The first ``n`` posts of the side's train.txt, without the delimiters."""
    path = Layout(Path(data)).side(side).train_txt
    if not path.is_file():
        raise BotbabyError(f"side '{side}' has not been cleaned yet: run `botbaby clean {side}` first")
    lines = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if len(lines) >= n:
                break
            lines.append(line.rstrip("\n").removeprefix(START).removesuffix(END))
    return lines


def format_stats(stats: CleanStats) -> str:
    """One line per side for the terminal."""
    dropped = ", ".join(f"{reason} {count}" for reason, count in stats.dropped.items() if count) or "none"
    note = " (unchanged, skipped)" if stats.skipped else ""
    advice = "".join(f"\n  {stats.side}: {line}" for line in stats.advice)
    return (
        f"{stats.side}: read {stats.read}, kept {stats.kept} (train {stats.train}, val {stats.val}), "
        f"dropped: {dropped}{note}{advice}"
    )


def _run(args: argparse.Namespace) -> int:
    from botbaby.config import config_from_args

    config = config_from_args(CleanConfig, args)
    for side in args.sides:  # one at a time, so each side's line appears as soon as it is done
        print(format_stats(clean(args.data, side, config, force=args.force)), flush=True)
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg
    from botbaby.config import add_config_options

    parser = subparsers.add_parser("clean", help="turn a side's posts into training text (04_clean)")
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="side name(s), e.g. left right")
    add_config_options(parser, CleanConfig)
    parser.add_argument("--force", action="store_true", help="clean again even if nothing changed")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
