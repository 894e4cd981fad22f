"""How 04_clean moves a side's posts through the rules fast: Arrow batches, worker threads, flat memory.

    >>> import numpy as np
    >>> Dedup().new(np.array([7, 3, 7], dtype=np.uint64)).tolist()  # the second 7 is a duplicate
    [True, True, False]

The stage (``botbaby.clean``) says what a clean is; this module is the machinery it runs on:
choosing between the plain rules (``botbaby.clean_rules``) and the compiled pass
(``botbaby.clean_kernel``) and building the latter in the background (``use_compiled``,
``background_build``: never longer than the clean); cleaning
record batches on worker threads while a thread of its own reads ahead (``batches_cleaned``);
finding duplicates in 8 bytes per kept post (``Dedup``); writing kept lines straight from Arrow's
buffers (``write_lines``); and replacing all outputs together (``replaced_together``). Either pass
writes the same bytes.
"""

import collections
import contextlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from botbaby import clean_rules
from botbaby.clean_report import histogram
from botbaby.clean_rules import CODE_REASONS, DROP_REASONS, EMPTY, CleanConfig, CleanResult, Lines
from botbaby.layout import END, START

RELEASE_MEMORY_EVERY = 4  # batches between handing Arrow's cached memory back (peak memory vs. page faults)
# "auto", pass not built: build it meanwhile above this much text, about what the plain rules clean (2 to 3 MB/s
# on one core) while the pass is built (10 to 18 s on two cores). Below it the build would rarely finish before
# the clean does, and a build still running when the clean ends is stopped: it would only have cost CPU.
BUILD_ABOVE_BYTES = 40_000_000
STOP_WAIT_SECONDS = 5  # how long a stopped build may take to exit before it is killed


def text_bytes(parts: list[Path]) -> int:
    """Bytes of post text in the store's parts, from their metadata (nothing is read)."""
    total = 0
    for part in parts:
        metadata = pq.ParquetFile(part).metadata
        column = metadata.schema.names.index("text")
        total += sum(metadata.row_group(g).column(column).total_uncompressed_size for g in range(metadata.num_row_groups))
    return total


def use_compiled(config: CleanConfig, parts: list[Path]) -> tuple[bool, bool]:
    """(whether to start with the compiled pass, whether to build it in the background meanwhile).

    "auto" never waits for a build (10 to 15 s on two cores): the pass is used when it is built
    (``clean_kernel.is_built``); otherwise the plain rules start, and for more text than they clean in
    the time a build takes (``BUILD_ABOVE_BYTES``) the pass is built alongside and taken over once ready.
    """
    if config.compiled_pass != "auto":
        return config.compiled_pass == "always", False
    from botbaby.clean_kernel import is_built

    if is_built():
        return True, False
    return False, text_bytes(parts) >= BUILD_ABOVE_BYTES


@contextlib.contextmanager
def background_build(wanted: bool) -> "Iterator[subprocess.Popen | None]":
    """The process building the pass (``clean_kernel.build``) while the block runs (None if not ``wanted``).

    It lives no longer than the block: a build still running when the block ends, however it ends,
    is stopped (and killed if it does not exit within ``STOP_WAIT_SECONDS``), so no clean leaves a
    process behind and none waits for a compile. The extension module (like numba's cache files) is
    written whole or not at all, so a stopped build leaves nothing half-written: the next big clean
    builds again.
    """
    builder = start_build() if wanted else None
    try:
        yield builder
    finally:
        if builder is not None and builder.poll() is None:
            builder.terminate()
            try:
                builder.wait(timeout=STOP_WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                builder.kill()
                builder.wait()


def start_build() -> "subprocess.Popen":
    """Start building the pass in a process of its own (``background_build`` ends it)."""
    command = [sys.executable, "-m", "botbaby.clean_kernel"]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def open_compiled_pass(config: CleanConfig):
    """A ``Recycler`` for the compiled pass's memory; the pass loads on a thread meanwhile.

    Loading it takes milliseconds from its extension module, a few tenths of a second from numba's
    cache, and its tables (code point classes) some more: done beside opening the parts.
    """
    from botbaby.clean_kernel import Recycler

    threading.Thread(target=load_kernel, args=(config,), name="clean-load", daemon=True).start()
    return Recycler()


def arrow_of(values: np.ndarray) -> pa.Array:
    """An Arrow view of a NumPy bool mask or integer index array.

    ``pa.array(numpy)`` would import pandas (a tenth of a second on a clean's critical start); these
    arrays need none of its conversions.
    """
    if values.dtype == bool:
        return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(np.packbits(values, bitorder="little"))])
    values = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(values), [None, pa.py_buffer(values)])


def load_kernel(config: CleanConfig) -> None:
    """Import the compiled pass and clean one post, so its code and tables are ready for the workers.

    A failure here is left to show where the pass is used (a worker, on the caller's thread), once.
    """
    with contextlib.suppress(Exception):
        from botbaby.clean_kernel import clean_batch

        offsets, text = pa.py_buffer(bytearray(np.array([0, 1], np.int32))), pa.py_buffer(bytearray(b"x"))
        clean_batch(pa.StringArray.from_buffers(1, offsets, text), None, config)  # pa.array would import pandas


class Dedup:
    """Exact-duplicate detection in 8 bytes per kept post: a sorted array of 64-bit text hashes.

    The bound: 8 MB per million kept posts, up to 12 MB with the room kept for growth. Two different
    posts share a hash with probability about n²/2⁶⁵: for ten million posts, 3 in a million.
    """

    def __init__(self, compiled: bool = False) -> None:
        self.seen, self.size = np.empty(0, dtype=np.uint64), 0  # the hashes are seen[:size]
        self.compiled = compiled

    @staticmethod
    def order(hashes: np.ndarray) -> np.ndarray:
        """The sorting order of a batch's hashes; equal hashes keep their order, so the first one wins.

        numpy's quicksort (several times faster than its stable sort on 64-bit keys), then the few
        runs of equal hashes put back in order: the same order as a stable sort.
        """
        order = np.argsort(hashes, kind="quicksort")
        ordered = hashes[order]
        tied = np.zeros(len(hashes), dtype=bool)
        tied[1:] = ordered[1:] == ordered[:-1]
        tied[:-1] |= tied[1:]
        if tied.any():
            positions = np.flatnonzero(tied)
            order[positions] = order[positions][np.lexsort((order[positions], ordered[positions]))]
        return order

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


def write_lines(handle, lines: pa.Array, keep: np.ndarray, recycle=None) -> None:
    """Write the lines of train.txt that ``keep`` selects straight from Arrow's buffer (no Python string per post)."""
    if not keep.all():
        if recycle is None:
            lines = pc.filter(lines, arrow_of(keep))
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


def release_memory(*handles) -> None:
    """Hand Arrow's freed batches back, and start writing what the files hold so far to disk.

    Started now and then, writeback spares the final fsync doing it all at the end.
    """
    if hasattr(os, "posix_fadvise"):  # not on macOS or Windows
        for handle in handles:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    pa.default_memory_pool().release_unused()


@dataclass
class Cleaned:
    """One batch after the per-post rules: the kept posts per file and what was dropped on the way."""

    read: int
    dropped: dict[str, int]
    lengths_before: np.ndarray  # histogram of the posts' lengths as stored
    files: tuple[Lines, Lines]  # kept posts for train.txt and val.txt
    orders: tuple[np.ndarray, np.ndarray]  # the sorting order of each file's hashes (``Dedup.order``)
    samples: tuple[list, list]  # per file: (position, text) of the posts offered to Punkt
    examples: dict[str, list[str]]  # per drop reason, the first ``config.examples`` posts as stored
    result: CleanResult  # the memory all of the above lives in, handed back once written
    recycle: Any  # the compiled pass's ``Recycler`` that memory came from (None: the plain rules)


def clean_and_hash(batch: pa.RecordBatch, config: CleanConfig, punkt_stride: int, recycle) -> Cleaned:
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
            examples[reason] = pc.take(text, arrow_of(rows)).to_pylist()
    samples = []
    for lines in (result.train, result.val):
        picked = np.flatnonzero(lines.hashes % punkt_stride == 0)
        texts = pc.take(lines.lines, arrow_of(picked)).to_pylist()
        samples.append(list(zip(picked.tolist(), [t[len(START) : -len(END) - 1] for t in texts], strict=True)))
    return Cleaned(
        read=len(batch),
        dropped=dict.fromkeys(DROP_REASONS, 0) | {reason: int(counts[code]) for code, reason in CODE_REASONS.items()},
        lengths_before=histogram(result.lengths_before[result.codes != EMPTY]),
        files=(result.train, result.val),
        orders=(Dedup.order(result.train.hashes), Dedup.order(result.val.hashes)),
        samples=tuple(samples),
        examples=examples,
        result=result,
        recycle=recycle,
    )


@contextlib.contextmanager
def arrow_memory_pool() -> Iterator[None]:
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


def batches_cleaned(
    batches: Iterator[pa.RecordBatch], config: CleanConfig, stride: int, recycle, builder=None
) -> Iterator[Cleaned]:
    """``clean_and_hash`` on each batch, results in input order.

    The plain rules go batch by batch; when ``builder`` (a background build of the compiled pass)
    has finished, the remaining batches go through the pass. It releases the GIL: ``config.workers``
    batches are cleaned at once while a thread of its own reads (parquet decoding releases the GIL
    too) two batches ahead.
    """
    if recycle is None:
        for batch in batches:
            yield clean_and_hash(batch, config, stride, None)
            if builder is not None and builder.poll() == 0:  # built: the same rules, faster, from here on
                from botbaby.clean_kernel import Recycler

                recycle = Recycler()
                break
        else:
            return
    if config.workers <= 1:
        yield from (clean_and_hash(batch, config, stride, recycle) for batch in batches)
        return
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="clean-read") as reader,
        ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="clean") as pool,
    ):
        reads = collections.deque(reader.submit(next, batches, None) for _ in range(2))
        pending: collections.deque = collections.deque()
        while (batch := reads.popleft().result()) is not None:
            reads.append(reader.submit(next, batches, None))  # one thread: the batches stay in order
            pending.append(pool.submit(clean_and_hash, batch, config, stride, recycle))
            if len(pending) > config.workers:  # bounded: at most workers + 3 batches in memory
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@contextlib.contextmanager
def replaced_together(*paths: Path, marker: Path) -> Iterator[tuple[Path, ...]]:
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
