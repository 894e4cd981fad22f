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
    '<|startoftext|>Fuel prices up again & nobody answers , this is the fifth hike<|endoftext|>\\n'

Rules, in the order they apply (each one a setting of ``CleanConfig``): drop retweets (or strip
their "RT @handle:" prefix), unescape HTML entities, keep only the chosen scripts (typographic
quotes and dashes become ASCII first), remove URLs and @mentions, collapse whitespace, drop posts
shorter than ``min_chars``, drop exact duplicates, then split off a held-out share by a hash of the
text. ``tests/clean/reference.py`` writes these rules out with regular expressions, post by post.

The per-post rules run in one compiled pass over each record batch's bytes
(``botbaby.clean_kernel``, numba), which writes each kept post straight into its line of train.txt
or val.txt. Batches are read on a thread of their own, cleaned on ``workers`` threads (the pass
releases the GIL) and written in order, duplicates skipped. Memory stays flat: a few batches at a
time, their buffers reused, plus 8 to 12 bytes per kept post for duplicate detection.

The stage also trains an NLTK Punkt sentence splitter on the side's own kept text (a bounded
sample spread over the corpus, trained beside the cleaning) and pickles it next to the training
text, so later stages split sentences offline: ``load_sentence_splitter(data, side)``.
"""

import argparse
import collections
import contextlib
import dataclasses
import hashlib
import html
import json
import math
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import regex

from botbaby.config import StageConfig
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import DEFAULT_SIDES, END, START, Layout
from botbaby.tweets import TweetStore

if TYPE_CHECKING:
    from botbaby.clean_kernel import CleanResult, Lines

FORMAT_VERSION = 2  # bump when the rules change meaning, so finished cleans are redone (2: compiled pass, its hash)
DROP_REASONS = ("empty", "retweet", "nothing_left", "too_short", "duplicate")
LENGTH_BIN_EDGES = list(range(0, 301, 10))  # characters; one more bin counts everything longer
RELEASE_MEMORY_EVERY = 4  # batches between handing Arrow's cached memory back (peak memory vs. page faults)

# Typographic characters with an ASCII equivalent, so removing non-kept scripts does not eat them.
_TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",  # curly single quotes, prime
    "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',  # curly double quotes
    "\u2013": "-", "\u2014": " - ", "\u2212": "-",  # en dash, em dash, minus
    "\u2026": "...",  # ellipsis
    "\u20b9": "Rs ",  # rupee sign
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",  # non-breaking and thin spaces
}  # fmt: skip


@dataclass
class CleanConfig(StageConfig):
    """The cleaning rules for one side; every default follows the original bot-baby unless noted."""

    drop_retweets: bool = True  # retweets are someone else's voice ("is_retweet" column or an "RT @" prefix)
    unescape_html: bool = True  # &amp; &lt; &#39; ... decoded repeatedly, so "&amp;amp;" becomes "&"
    remove_urls: bool = True  # http(s)://..., www...., t.co/abc, example.com/path, example.com, e-mails
    remove_mentions: bool = True  # @handle anywhere in the post (e-mail addresses are URLs above)
    normalize_punctuation: bool = True  # curly quotes, dashes, '…', '₹' -> ASCII before the script filter
    scripts: tuple[str, ...] = ("latin",)  # kept besides ASCII: latin, devanagari, ...; ("ascii",) = the original
    collapse_whitespace: bool = True  # runs of whitespace -> one space (line breaks always become spaces)
    min_chars: int = 50  # posts shorter than this after cleaning are dropped (characters)
    drop_duplicates: bool = True  # identical cleaned posts are kept once (8 to 12 bytes of memory per kept post)
    val_share: float = 0.05  # share of posts held out in val.txt, chosen by a hash of the text (0 to 0.5)
    seed: int = 0  # changes which posts the hash puts in val.txt
    punkt_sample_chars: int = 100_000  # Punkt trains on at most this many characters (~800 posts), spread over the corpus
    batch_size: int = 65_536  # posts per record batch; memory use scales with this, not with the corpus
    workers: int = 2  # batches cleaned at once (threads; the compiled pass releases the GIL); 1 = no threads

    def __post_init__(self) -> None:
        if isinstance(self.scripts, str):
            self.scripts = tuple(s for s in self.scripts.split(",") if s.strip())
        self.scripts = tuple(s.strip().lower() for s in self.scripts)
        super().__post_init__()

    def validate(self) -> None:
        if not 0 <= self.min_chars <= 10_000:
            raise ConfigError(f"min_chars must be between 0 and 10000, not {self.min_chars}")
        if not 0 <= self.val_share <= 0.5:
            raise ConfigError(f"val_share must be between 0 and 0.5, not {self.val_share}")
        if self.batch_size < 1 or self.workers < 1 or self.punkt_sample_chars < 0:
            raise ConfigError("batch_size and workers must be at least 1, punkt_sample_chars at least 0")
        if not self.scripts:
            raise ConfigError('scripts must name at least one script, e.g. ("latin",) or ("ascii",)')
        script_filter(self.scripts)  # raises ConfigError for an unknown script name

    def to_dict(self) -> dict[str, Any]:
        values = dataclasses.asdict(self)
        values["scripts"] = list(self.scripts)
        return values


def script_filter(scripts: tuple[str, ...]) -> "regex.Pattern[str]":
    """The definition of the script rule: runs of characters outside ASCII and the given scripts.

    Scripts are Unicode Script_Extensions names (so the Devanagari danda '।' counts as Devanagari);
    ``"ascii"`` adds nothing beyond ASCII. Cleaning applies the same rule from a table of every code
    point (``clean_kernel.code_point_classes``).

        >>> script_filter(("latin",)).sub(" ", "great🔥stuff, café")
        'great stuff, café'
        >>> script_filter(("latin", "devanagari")).sub(" ", "मोदी जी।🙏")
        'मोदी जी। '
    """
    classes = "".join(rf"\p{{scx={name}}}" for name in scripts if name != "ascii")
    try:
        return regex.compile(rf"[^\x00-\x7F{classes}]+")
    except regex.error as exc:
        raise ConfigError(
            f"unknown script in {list(scripts)}: use Unicode script names such as latin, devanagari"
        ) from exc


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
    skipped: bool = False  # True when an identical finished clean was found and nothing was redone

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "CleanStats":
        return cls(**{f.name: values[f.name] for f in dataclasses.fields(cls) if f.name in values})


def _fingerprint(config: CleanConfig, parts: list[Path]) -> str:
    # Part files are append-only and uniquely named, so name and size identify the input. Settings
    # that only change how fast the same output is made do not count.
    rules = {k: v for k, v in config.to_dict().items() if k not in ("batch_size", "workers")}
    state = {
        "format": FORMAT_VERSION,
        "config": rules,
        "parts": [[p.name, p.stat().st_size] for p in parts],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def _hash_key(seed: int) -> str:
    return hashlib.md5(str(seed).encode()).hexdigest()[:16]  # 16 hex digits: the 64-bit seed of the text hash


def _histogram(lengths: np.ndarray) -> np.ndarray:
    bins = np.minimum(lengths // 10, len(LENGTH_BIN_EDGES) - 1)
    return np.bincount(bins, minlength=len(LENGTH_BIN_EDGES))


def _unescape(value: str) -> str:
    for _ in range(5):  # "&amp;amp;lt;" needs three rounds; five is plenty
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


class Recycler:
    """Arrays handed back after use and handed out again: memory faulted in once, not for every batch.

    Thread-safe. It keeps what it is given, so it holds at most the memory of the batches in flight
    at once; dropping the recycler frees it.
    """

    def __init__(self) -> None:
        self.free: list[np.ndarray] = []
        self.lock = threading.Lock()

    def take(self, shape, dtype) -> np.ndarray:
        """An uninitialised array of ``shape`` and ``dtype``."""
        size = int(np.prod(shape)) * np.dtype(dtype).itemsize
        with self.lock:
            fits = [i for i, memory in enumerate(self.free) if len(memory) >= size]
            memory = self.free.pop(min(fits, key=lambda i: len(self.free[i]))) if fits else None
        if memory is None:
            memory = np.empty(size + size // 4, dtype=np.uint8)  # room for a somewhat bigger batch next time
        return memory[:size].view(dtype).reshape(shape)

    def give(self, result: "CleanResult") -> None:
        """Take back the memory of a result that is no longer used."""
        self.give_arrays(*result.memory)
        result.memory = []

    def give_arrays(self, *arrays: np.ndarray) -> None:
        """Take back arrays from ``take`` that are no longer used."""
        with self.lock:
            self.free.extend(array.base if array.base is not None else array for array in arrays)


def _write_lines(handle, lines: pa.Array, keep: np.ndarray | None = None, recycle: Recycler | None = None) -> None:
    """Write lines of train.txt straight from Arrow's buffer (no Python string per post), those in ``keep``."""
    if len(lines) == 0:
        return
    # The values buffer of a string array holds its strings back to back: exactly the file's bytes.
    offset_type = np.int64 if pa.types.is_large_string(lines.type) else np.int32
    offsets = np.frombuffer(lines.buffers()[1], dtype=offset_type)[lines.offset : lines.offset + len(lines) + 1]
    values = np.frombuffer(lines.buffers()[2], dtype=np.uint8)
    if keep is None or keep.all():
        handle.write(values[offsets[0] : offsets[-1]])
        return
    from botbaby.clean_kernel import gather_lines

    recycle = recycle or Recycler()
    gathered = recycle.take(offsets[-1] - offsets[0], np.uint8)
    handle.write(gathered[: gather_lines(values, offsets.astype(np.int64), keep, gathered)])
    recycle.give_arrays(gathered)


def _start_writeback(*handles) -> None:
    """Start writing what the files hold so far to disk, without waiting for it.

    The atomic rename at the end fsyncs the files: without this, all of the text is written out
    then, on the critical path (about 80 ms for 200 MB of text).
    """
    if hasattr(os, "posix_fadvise"):  # not on macOS or Windows, where the final fsync does it all
        for handle in handles:
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


@dataclass
class _Cleaned:
    """One batch after the per-post rules: the kept posts per file and what was dropped on the way."""

    read: int
    dropped: dict[str, int]
    lengths_before: np.ndarray  # histogram of the posts' lengths as stored
    train: "Lines"  # kept posts for train.txt (``clean_kernel.Lines``)
    val: "Lines"  # kept posts for val.txt
    train_order: np.ndarray  # the sorting order of train.hashes (``_Dedup.order``)
    val_order: np.ndarray
    samples: tuple[np.ndarray, list[str], np.ndarray, list[str]]  # Punkt candidates: train positions and texts, val's
    result: "CleanResult"  # the memory all of the above lives in, handed back once written


def _clean_and_hash(
    batch: pa.RecordBatch, config: CleanConfig, hash_key: str, punkt_stride: int, recycle: Recycler
) -> _Cleaned:
    """The per-post rules, hashes, lines and Punkt candidates of one batch: all per-post work, on a worker thread."""
    from botbaby.clean_kernel import CODE_REASONS, EMPTY, clean_batch

    val_cut = round(config.val_share * 1_000_000)  # by hash of the text: reruns split alike
    result = clean_batch(batch.column("text"), batch.column("is_retweet"), config, hash_key, val_cut, recycle)
    counts = np.bincount(result.codes, minlength=len(CODE_REASONS) + 2)
    dropped = dict.fromkeys(DROP_REASONS, 0) | {reason: int(counts[code]) for code, reason in CODE_REASONS.items()}
    samples = []
    for lines in (result.train, result.val):
        picked = np.flatnonzero(lines.hashes % punkt_stride == 0)
        texts = pc.take(lines.lines, pa.array(picked)).to_pylist()
        samples += [picked, [text[len(START) : -len(END) - 1] for text in texts]]
    return _Cleaned(
        read=len(batch),
        dropped=dropped,
        lengths_before=_histogram(result.lengths_before[result.codes != EMPTY].astype(np.int64)),
        train=result.train,
        val=result.val,
        train_order=_Dedup.order(result.train.hashes),
        val_order=_Dedup.order(result.val.hashes),
        samples=tuple(samples),
        result=result,
    )


def _punkt_train(chunks: Iterable[list[str]], out: Path | str) -> None:
    """Train Punkt on chunks of posts, then pickle the tokenizer to ``out``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    for chunk in chunks:
        trainer.train("\n\n".join(chunk), finalize=False)
    trainer.finalize_training()
    Path(out).write_bytes(pickle.dumps(PunktSentenceTokenizer(trainer.get_params())))


# The separate Punkt process: the same training as _punkt_train, importing only nltk (importing
# botbaby.clean there would cost half a CPU second of pandas and pyarrow). Chunks arrive on stdin
# as JSON lines; a test checks both ways learn the same parameters. nltk's own __init__ (and that
# of nltk.tokenize) imports most of nltk, 0.3 s of CPU taken from the cleaning; the trainer needs
# only nltk.tokenize.punkt, so it is imported under empty parent packages, or plainly if that fails.
_PUNKT_PROCESS = """
import importlib.util, json, pickle, sys, types
try:
    for name in ("nltk", "nltk.tokenize"):
        spec = importlib.util.find_spec(name)
        package = sys.modules[name] = types.ModuleType(name)
        package.__spec__, package.__path__ = spec, list(spec.submodule_search_locations)
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer
except Exception:
    for name in [name for name in sys.modules if name == "nltk" or name.startswith("nltk.")]:
        del sys.modules[name]
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer
trainer = PunktTrainer()
for line in sys.stdin:
    trainer.train("\\n\\n".join(json.loads(line)), finalize=False)
trainer.finalize_training()
with open(sys.argv[1], "wb") as out:
    out.write(pickle.dumps(PunktSentenceTokenizer(trainer.get_params())))
"""


class _PunktSample:
    """Trains Punkt on a bounded sample of kept posts, spread over the corpus, beside the cleaning.

    The trainer is pure Python (it would hold the GIL for seconds), so for a big corpus it runs in
    a separate Python process fed chunk by chunk through a pipe; for a small one a thread is cheaper.
    """

    PROCESS_ABOVE_ROWS = 200_000  # corpora bigger than this train Punkt in a separate process

    def __init__(self, budget: int, total_rows: int, out: Path):
        self.budget, self.chars, self.closed = budget, 0, False
        # Every ``stride``-th post (by hash) is sampled; ~120 characters is a typical cleaned post.
        self.stride = max(1, math.ceil(total_rows * 120 / max(1, budget)))
        self.error: BaseException | None = None
        self.process: subprocess.Popen | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=8)
        if total_rows > self.PROCESS_ABOVE_ROWS:
            # A plain child interpreter (not multiprocessing, which would re-import the caller's script).
            self.process = subprocess.Popen(
                [sys.executable, "-c", _PUNKT_PROCESS, str(out)], stdin=subprocess.PIPE, text=True, encoding="utf-8"
            )
        else:
            self.thread = threading.Thread(target=self._train_in_thread, args=(out,), name="punkt", daemon=True)
            self.thread.start()

    def _train_in_thread(self, out: Path) -> None:
        try:
            _punkt_train(iter(self.queue.get, None), out)
        except BaseException as exc:  # re-raised by finish(), in the caller's thread
            self.error = exc
            while self.queue.get() is not None:  # keep draining so the producer never blocks
                pass

    def offer(self, picked: np.ndarray, texts: list[str], new: np.ndarray) -> None:
        """Add the sampled posts (``texts``, at ``picked`` in their file's batch) not found to be duplicates.

        Sampled are every ``stride``-th post by hash, until the budget is spent.
        """
        if self.chars >= self.budget:
            return
        picked = [text for position, text in zip(picked.tolist(), texts, strict=True) if new[position]]
        sample = []
        for value in picked:
            if self.chars >= self.budget:
                break
            sample.append(value)
            self.chars += len(value)
        if not sample:
            return
        if self.process is not None:
            self.process.stdin.write(json.dumps(sample) + "\n")
        else:
            self.queue.put(sample)

    def close(self) -> None:
        """No more posts: the trainer finishes on its own (finalises and pickles) while the caller goes on."""
        if self.closed:
            return
        self.closed = True
        if self.process is not None:
            self.process.stdin.close()
        else:
            self.queue.put(None)

    def finish(self) -> None:
        """Wait until the tokenizer is written."""
        self.close()
        if self.process is not None:
            if self.process.wait() != 0:
                raise BotbabyError(f"training the sentence splitter failed (exit code {self.process.returncode})")
            return
        self.thread.join()
        if self.error is not None:
            raise self.error

    def abandon(self) -> None:
        """Stop the worker after a failure elsewhere (its output is thrown away)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
        elif self.thread.is_alive():
            self.close()
            self.thread.join()


class _Dedup:
    """Exact-duplicate detection in 8 bytes per kept post: a sorted array of 64-bit text hashes.

    The bound: 8 MB per million kept posts, up to 12 MB with the room kept for growth. Two different
    posts share a hash with probability about n²/2⁶⁵: for ten million posts, 3 in a million.
    """

    def __init__(self) -> None:
        self.seen, self.size = np.empty(0, dtype=np.uint64), 0  # the hashes are seen[:size]

    @staticmethod
    def order(hashes: np.ndarray) -> np.ndarray:
        """The sorting order of a batch's hashes; equal hashes keep their order, so the first one wins."""
        return np.argsort(hashes, kind="stable")

    def new(self, hashes: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
        """Mask of the posts whose hash was not seen before (in earlier batches or earlier in this one).

        ``order`` is ``_Dedup.order(hashes)`` when a worker thread has already computed it.
        """
        from botbaby.clean_kernel import merge_new

        order = self.order(hashes) if order is None else order
        if self.size + len(hashes) > len(self.seen):
            # Grown by half at a time: new memory now and then, not for every batch.
            grown = np.empty((self.size + len(hashes)) * 3 // 2, dtype=np.uint64)
            grown[: self.size] = self.seen[: self.size]
            self.seen = grown
        first = np.empty(len(hashes), dtype=bool)
        self.size = merge_new(self.seen, self.size, hashes[order], first)
        new = np.empty(len(hashes), dtype=bool)
        new[order] = first
        return new


@contextlib.contextmanager
def _arrow_memory_pool() -> Iterator[None]:
    """Allocate Arrow memory from jemalloc while cleaning, where this pyarrow has it.

    Reading allocates and frees a batch's worth of decoded strings per batch (the compiled pass's
    own buffers are recycled). Arrow's default allocator, mimalloc, hands freed memory back to the
    system within milliseconds and then faults it in again as zeroed (huge) pages: with jemalloc the
    200 MB benchmark clean takes about 7% less CPU (2.2-2.3 s vs 2.4-2.45 s), at the same flat peak
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


def _load_kernel(config: CleanConfig) -> None:
    """Import the compiled pass and clean one post, so its code and tables are ready for the workers.

    A failure here is left to show where the pass is used (a worker, on the caller's thread), once.
    """
    with contextlib.suppress(Exception):
        from botbaby.clean_kernel import clean_batch, gather_lines, merge_new

        clean_batch(pa.array(["x"]), None, config)
        gather_lines(np.zeros(1, np.uint8), np.zeros(2, np.int64), np.ones(1, bool), np.zeros(1, np.uint8))
        merge_new(np.zeros(1, np.uint64), 0, np.zeros(1, np.uint64), np.zeros(1, bool))


def _batches_cleaned(
    batches: Iterator[pa.RecordBatch], config: CleanConfig, hash_key: str, punkt_stride: int, recycle: Recycler
) -> Iterator[_Cleaned]:
    """``_clean_and_hash`` on each batch, ``config.workers`` batches at a time, results in input order.

    With workers, batches are also read (parquet decoding releases the GIL) on a thread of their
    own, two ahead, so that reading, cleaning and writing all go on at once.
    """
    if config.workers <= 1:
        yield from (_clean_and_hash(batch, config, hash_key, punkt_stride, recycle) for batch in batches)
        return
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="clean-read") as reader,
        ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="clean") as pool,
    ):
        reads = collections.deque(reader.submit(next, batches, None) for _ in range(2))
        pending: collections.deque = collections.deque()
        while (batch := reads.popleft().result()) is not None:
            reads.append(reader.submit(next, batches, None))  # one thread: the batches stay in order
            pending.append(pool.submit(_clean_and_hash, batch, config, hash_key, punkt_stride, recycle))
            if len(pending) > config.workers:  # bounded: at most workers + 3 batches in memory
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def clean(data: Path | str, side: str, config: CleanConfig | dict | None = None, force: bool = False) -> CleanStats:
    """Clean one side's posts into ``train.txt``/``val.txt`` and save stats, config and a sentence splitter.

    A finished clean with the same config and unchanged input is skipped (``force=True`` redoes it).
    """
    if not isinstance(config, CleanConfig):
        config = CleanConfig.from_dict(config or {})
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
        saved = json.loads(paths.clean_config.read_text())
        if saved.get("fingerprint") == fingerprint:
            stats = CleanStats.from_dict(json.loads(paths.clean_stats.read_text()))
            stats.skipped = True
            return stats

    # Loading the compiled pass (importing numba, reading its cache) takes a few tenths of a second
    # of one core: done on a thread while the parts are opened and the first batches read.
    loading = threading.Thread(target=_load_kernel, args=(config,), name="clean-load", daemon=True)
    loading.start()
    total_rows = sum(pq.ParquetFile(part).metadata.num_rows for part in parts)
    stats = CleanStats(side=side)
    before, after = np.zeros(len(LENGTH_BIN_EDGES), np.int64), np.zeros(len(LENGTH_BIN_EDGES), np.int64)
    dedups, batches_done = (_Dedup(), _Dedup()), 0  # one per file: a post and its duplicates share a file
    with (
        atomic_path(paths.train_txt) as train_tmp,
        atomic_path(paths.val_txt) as val_tmp,
        atomic_path(paths.punkt) as punkt_tmp,
        _arrow_memory_pool(),
    ):
        punkt = _PunktSample(config.punkt_sample_chars, total_rows, punkt_tmp)
        try:
            with open(train_tmp, "wb") as train_file, open(val_tmp, "wb") as val_file:
                batches = store.iter_batches(["text", "is_retweet"], config.batch_size)
                recycle = Recycler()
                for cleaned in _batches_cleaned(batches, config, _hash_key(config.seed), punkt.stride, recycle):
                    stats.read += cleaned.read
                    for reason, count in cleaned.dropped.items():
                        stats.dropped[reason] += count
                    before += cleaned.lengths_before
                    parts = (
                        (cleaned.train, cleaned.train_order, train_file),
                        (cleaned.val, cleaned.val_order, val_file),
                    )
                    for file, (lines, order, handle) in enumerate(parts):
                        new = np.ones(len(lines.hashes), dtype=bool)
                        if config.drop_duplicates:
                            new = dedups[file].new(lines.hashes, order)
                        stats.dropped["duplicate"] += int(len(new) - new.sum())
                        _write_lines(handle, lines.lines, new, recycle)
                        after += _histogram(lines.lengths[new].astype(np.int64))
                        stats.kept += int(new.sum())
                        if file == 0:
                            stats.train_chars += int(lines.lengths[new].sum())
                        else:
                            stats.val += int(new.sum())
                        punkt.offer(cleaned.samples[2 * file], cleaned.samples[2 * file + 1], new)
                    recycle.give(cleaned.result)
                    # Now and then: start writing the text out, and hand freed batches back to the
                    # system (Arrow's allocator otherwise keeps them cached per thread, and the cache
                    # creeps up over a long run). Not after every batch: memory handed back has to be
                    # faulted in (and zeroed) again.
                    batches_done += 1
                    if batches_done % RELEASE_MEMORY_EVERY == 0:
                        _start_writeback(train_file, val_file)
                        pa.default_memory_pool().release_unused()
                punkt.close()  # it finishes training while the text files are flushed and closed
            stats.train = stats.kept - stats.val
            stats.lengths_before, stats.lengths_after = before.tolist(), after.tolist()
            stats.punkt_chars = punkt.chars
            atomic_write_text(paths.clean_stats, json.dumps(stats.to_dict(), indent=2) + "\n")
            if stats.kept == 0:
                raise BotbabyError(
                    f"no post of side '{side}' survived cleaning ({stats.read} read; dropped: "
                    f"{', '.join(f'{k} {v}' for k, v in stats.dropped.items() if v)}); see {paths.clean_stats} "
                    "and loosen the rules, e.g. --min-chars 20 or --keep-retweets"
                )
            punkt.finish()
        except BaseException:
            punkt.abandon()
            raise
    # Written last: its fingerprint marks the clean as finished.
    atomic_write_text(
        paths.clean_config, json.dumps({"config": config.to_dict(), "fingerprint": fingerprint}, indent=2) + "\n"
    )
    return stats


def clean_all(
    data: Path | str, sides: Sequence[str] = DEFAULT_SIDES, config: CleanConfig | dict | None = None, force: bool = False
) -> dict[str, CleanStats]:
    """Clean several sides with one config (what the CLI, the notebook and the demo call)."""
    return {side: clean(data, side, config, force=force) for side in sides}


def load_sentence_splitter(data: Path | str, side: str):
    """The side's Punkt sentence tokenizer saved by clean (``.tokenize(text)`` -> sentences).

    It was trained on the side's own kept posts, so it knows the side's abbreviations ("Dr.", "Rs.")
    without any downloaded punkt data.
    """
    path = Layout(Path(data)).side(side).punkt
    if not path.is_file():
        raise BotbabyError(f"no sentence splitter for side '{side}' at {path}: run `botbaby clean {side}` first")
    with open(path, "rb") as handle:
        return pickle.load(handle)  # our own file, written by clean() in this data folder


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
    return (
        f"{stats.side}: read {stats.read}, kept {stats.kept} (train {stats.train}, val {stats.val}), "
        f"dropped: {dropped}{note}"
    )


def _run(args: argparse.Namespace) -> int:
    overrides: dict[str, Any] = {}
    if args.keep_retweets:
        overrides["drop_retweets"] = False
    if args.scripts is not None:
        overrides["scripts"] = args.scripts
    if args.min_chars is not None:
        overrides["min_chars"] = args.min_chars
    if args.val_share is not None:
        overrides["val_share"] = args.val_share
    config = CleanConfig.from_dict(overrides)
    for side in args.sides:  # one at a time, so each side's line appears as soon as it is done
        print(format_stats(clean(args.data, side, config, force=args.force)), flush=True)
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("clean", help="turn a side's posts into training text (04_clean)")
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="side name(s), e.g. left right")
    parser.add_argument("--keep-retweets", action="store_true", help="keep retweets (default: drop them)")
    parser.add_argument("--scripts", help="scripts to keep besides ASCII, comma-separated (default: latin)")
    parser.add_argument("--min-chars", type=int, help="drop posts shorter than this after cleaning (default: 50)")
    parser.add_argument("--val-share", type=float, help="held-out share for val.txt (default: 0.05)")
    parser.add_argument("--force", action="store_true", help="clean again even if nothing changed")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
