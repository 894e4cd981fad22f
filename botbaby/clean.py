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

Rules, in the order they apply (each one a setting of ``CleanConfig``): drop retweets, unescape
HTML entities, remove URLs, remove @mentions, keep only the chosen scripts, collapse whitespace,
drop posts shorter than ``min_chars``, drop exact duplicates, then split off a held-out share by a
hash of the text. The work is vectorised per record batch with pyarrow (RE2 regexes); only the
rows that need Python (an ``&`` to unescape, non-ASCII characters to filter) leave Arrow. Memory
stays flat: one batch at a time, plus 8 bytes per kept post for duplicate detection (8 MB per
million kept posts).

The stage also trains an NLTK Punkt sentence splitter on the side's own kept text (a bounded
sample spread over the corpus) and pickles it next to the training text, so later stages split
sentences offline: ``load_sentence_splitter(data, side)``.
"""

import argparse
import dataclasses
import hashlib
import html
import json
import math
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import regex

from botbaby.config import StageConfig
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import DEFAULT_SIDES, Layout, SidePaths
from botbaby.tweets import SCHEMA

START, END = "<|startoftext|>", "<|endoftext|>"  # gpt-2-simple's post delimiters
FORMAT_VERSION = 1  # bump when the rules change meaning, so finished cleans are redone
DROP_REASONS = ("empty", "retweet", "nothing_left", "too_short", "duplicate")
LENGTH_BIN_EDGES = list(range(0, 301, 10))  # characters; one more bin counts everything longer

# URLs, with or without a scheme. One RE2 pattern (pyarrow), case-insensitive, alternatives:
_URL = (
    r"(?i)"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses: contact details, not the author's voice
    r"|\bhttps?(?::|…)\S*"  # http://..., https://..., and truncated ones ("https:/", "http…")
    r"|\bwww\.\S+"  # www.example.com/path without a scheme
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*"  # bare domain with a path: t.co/abc, example.com/path
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|in|org|net|io|ly|gov|edu|info|news|tv)\b"  # bare common domain: example.com
)
# @mentions: '@' not preceded by a word character (so not an e-mail), kept prefix in group 1.
_MENTION = r"(^|[^\w@])@\w+"
# A retweet's prefix "RT @handle:", which is not the retweeted text.
_RETWEET_PREFIX = r"^RT @\w+:?\s*"
_WHITESPACE = r"\s+"  # any run of spaces, tabs and line breaks
_LINE_BREAK = r"[\r\n]+"  # always replaced: one post per line in train.txt

# Typographic characters with an ASCII equivalent, so removing non-kept scripts does not eat them.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",  # curly single quotes, prime
        "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',  # curly double quotes
        "\u2013": "-", "\u2014": " - ", "\u2212": "-",  # en dash, em dash, minus
        "\u2026": "...",  # ellipsis
        "\u20b9": "Rs ",  # rupee sign
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",  # non-breaking and thin spaces
    }
)  # fmt: skip


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
    drop_duplicates: bool = True  # identical cleaned posts are kept once (8 bytes of memory per kept post)
    val_share: float = 0.05  # share of posts held out in val.txt, chosen by a hash of the text (0 to 0.5)
    seed: int = 0  # changes which posts the hash puts in val.txt
    punkt_sample_chars: int = 1_000_000  # Punkt trains on at most this many characters, spread over the corpus
    batch_size: int = 65_536  # posts per record batch; memory use scales with this, not with the corpus

    def __post_init__(self) -> None:
        if isinstance(self.scripts, str):
            self.scripts = tuple(s for s in self.scripts.split(",") if s.strip())
        self.scripts = tuple(s.strip().lower() for s in self.scripts)

    def validate(self) -> None:
        if not 0 <= self.min_chars <= 10_000:
            raise ConfigError(f"min_chars must be between 0 and 10000, not {self.min_chars}")
        if not 0 <= self.val_share <= 0.5:
            raise ConfigError(f"val_share must be between 0 and 0.5, not {self.val_share}")
        if self.batch_size < 1 or self.punkt_sample_chars < 0:
            raise ConfigError("batch_size must be at least 1 and punkt_sample_chars at least 0")
        if not self.scripts:
            raise ConfigError('scripts must name at least one script, e.g. ("latin",) or ("ascii",)')
        script_filter(self.scripts)  # raises ConfigError for an unknown script name

    def to_dict(self) -> dict[str, Any]:
        values = dataclasses.asdict(self)
        values["scripts"] = list(self.scripts)
        return values


def script_filter(scripts: tuple[str, ...]) -> "regex.Pattern[str]":
    """A regex matching runs of characters outside ASCII and the given scripts (to be replaced by a space).

    Scripts are Unicode Script_Extensions names (so the Devanagari danda '।' counts as Devanagari);
    ``"ascii"`` adds nothing beyond ASCII.

        >>> script_filter(("latin",)).sub(" ", "great🔥stuff, café")
        'great stuff, café'
        >>> script_filter(("latin", "devanagari")).sub(" ", "मोदी जी।🙏")
        'मोदी जी। '
    """
    classes = "".join(rf"\p{{scx={name}}}" for name in scripts if name != "ascii")
    try:
        return regex.compile(rf"[^\x00-\x7F{classes}]+")
    except regex.error as exc:
        raise ConfigError(f"unknown script in {list(scripts)}: use Unicode script names such as latin, devanagari") from exc


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


def _part_files(paths: SidePaths) -> list[Path]:
    return sorted(paths.tweets_dir.glob("part-*.parquet")) if paths.tweets_dir.is_dir() else []


def _fingerprint(config: CleanConfig, parts: list[Path]) -> str:
    # Part files are append-only and uniquely named, so name and size identify the input.
    state = {
        "format": FORMAT_VERSION,
        "config": config.to_dict(),
        "parts": [[p.name, p.stat().st_size] for p in parts],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def _hash_key(seed: int) -> str:
    return hashlib.md5(str(seed).encode()).hexdigest()[:16]  # pandas wants a 16-character key


def _histogram(lengths: np.ndarray) -> np.ndarray:
    bins = np.minimum(lengths // 10, len(LENGTH_BIN_EDGES) - 1)
    return np.bincount(bins, minlength=len(LENGTH_BIN_EDGES))


def _replace_rows(text: pa.Array, mask: pa.Array, fix) -> pa.Array:
    """Apply the Python function ``fix`` to the rows selected by ``mask`` only."""
    if not pc.any(mask).as_py():
        return text
    values = [fix(value) for value in pc.filter(text, mask).to_pylist()]
    return pc.replace_with_mask(text, mask, pa.array(values, pa.string()))


def _unescape(value: str) -> str:
    for _ in range(5):  # "&amp;amp;lt;" needs three rounds; five is plenty
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


def _write_lines(handle, text: pa.Array) -> None:
    """Write each post as ``<|startoftext|>TEXT<|endoftext|>`` plus a newline, straight from Arrow's buffer."""
    if len(text) == 0:
        return
    lines = pc.binary_join_element_wise(START, text, END + "\n", "")
    # The values buffer of a string array holds its strings back to back: exactly the file's bytes.
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)[lines.offset : lines.offset + len(lines) + 1]
    handle.write(memoryview(lines.buffers()[2])[offsets[0] : offsets[-1]])


class _Cleaner:
    """Applies the rules batch by batch and accumulates stats, dedup hashes and the Punkt sample."""

    def __init__(self, config: CleanConfig, stats: CleanStats, total_rows: int):
        self.config = config
        self.stats = stats
        self.scripts = script_filter(config.scripts)
        self.hash_key = _hash_key(config.seed)
        self.seen = np.empty(0, dtype=np.uint64)  # sorted hashes of kept posts
        # Every ``stride``-th post (by hash) goes to the Punkt sample, so it spans the whole corpus.
        expected_chars = total_rows * 120  # a typical cleaned post is ~120 characters
        self.punkt_stride = max(1, math.ceil(expected_chars / max(1, config.punkt_sample_chars)))
        self.punkt_sample: list[str] = []

    def _drop(self, reason: str, text: pa.Array, drop: pa.Array, *others: pa.Array) -> tuple[pa.Array, ...]:
        count = pc.sum(drop).as_py() or 0
        if not count:
            return (text, *others)
        self.stats.dropped[reason] += count
        keep = pc.invert(drop)
        return tuple(pc.filter(a, keep) for a in (text, *others))

    def _fix_non_ascii(self, value: str) -> str:
        if self.config.normalize_punctuation:
            value = value.translate(_TYPOGRAPHY)
        return self.scripts.sub(" ", value)

    def batch(self, batch: pa.RecordBatch) -> tuple[pa.Array, pa.Array]:
        """Clean one batch; return (train texts, val texts)."""
        config, stats = self.config, self.stats
        text = batch.column("text")
        retweet = pc.fill_null(batch.column("is_retweet"), False)
        stats.read += len(text)

        empty = pc.fill_null(pc.equal(pc.utf8_length(text), 0), True)
        text, retweet = self._drop("empty", text, empty, retweet)
        stats.lengths_before = (np.asarray(stats.lengths_before) + _histogram(pc.utf8_length(text).to_numpy())).tolist()

        retweet = pc.or_(retweet, pc.starts_with(text, "RT @"))
        if config.drop_retweets:
            (text,) = self._drop("retweet", text, retweet)
        else:
            text = pc.replace_substring_regex(text, _RETWEET_PREFIX, "")

        if config.unescape_html:
            text = _replace_rows(text, pc.match_substring(text, "&"), _unescape)
        if config.remove_urls:
            text = pc.replace_substring_regex(text, _URL, " ")
        if config.remove_mentions:
            text = pc.replace_substring_regex(text, _MENTION, r"\1")
        text = _replace_rows(text, pc.invert(pc.string_is_ascii(text)), self._fix_non_ascii)
        text = pc.replace_substring_regex(text, _WHITESPACE if config.collapse_whitespace else _LINE_BREAK, " ")
        text = pc.utf8_trim_whitespace(text)

        lengths = pc.utf8_length(text)
        (text,) = self._drop("nothing_left", text, pc.equal(lengths, 0))
        (text,) = self._drop("too_short", text, pc.less(pc.utf8_length(text), config.min_chars))

        hashes = pd.util.hash_array(text.to_numpy(zero_copy_only=False), hash_key=self.hash_key, categorize=False)
        if config.drop_duplicates and len(hashes):
            first = np.zeros(len(hashes), dtype=bool)
            first[np.unique(hashes, return_index=True)[1]] = True
            known = np.zeros(len(hashes), dtype=bool)
            if len(self.seen):
                where = np.minimum(np.searchsorted(self.seen, hashes), len(self.seen) - 1)
                known = self.seen[where] == hashes
            new = first & ~known
            (text,) = self._drop("duplicate", text, pa.array(~new))
            hashes = hashes[new]
            # Both runs are sorted, so a stable sort of their concatenation is a linear merge.
            self.seen = np.sort(np.concatenate([self.seen, np.sort(hashes)]), kind="stable")

        kept_lengths = pc.utf8_length(text).to_numpy()
        stats.lengths_after = (np.asarray(stats.lengths_after) + _histogram(kept_lengths)).tolist()
        stats.kept += len(text)

        if config.punkt_sample_chars and stats.punkt_chars < config.punkt_sample_chars:
            for i in np.flatnonzero(hashes % self.punkt_stride == 0):
                if stats.punkt_chars >= config.punkt_sample_chars:
                    break
                value = text[int(i)].as_py()
                self.punkt_sample.append(value)
                stats.punkt_chars += len(value)

        is_val = pa.array((hashes % 1_000_000) < round(config.val_share * 1_000_000))
        train, val = pc.filter(text, pc.invert(is_val)), pc.filter(text, is_val)
        stats.train += len(train)
        stats.val += len(val)
        stats.train_chars += int(kept_lengths.sum() - (pc.sum(pc.utf8_length(val)).as_py() or 0))
        return train, val


def clean(data: Path | str, side: str, config: CleanConfig | dict | None = None, force: bool = False) -> CleanStats:
    """Clean one side's posts into ``train.txt``/``val.txt`` and save stats, config and a sentence splitter.

    A finished clean with the same config and unchanged input is skipped (``force=True`` redoes it).
    """
    if not isinstance(config, CleanConfig):
        config = CleanConfig.from_dict(config or {})
    paths = Layout(Path(data)).side(side)
    parts = _part_files(paths)
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

    dataset = ds.dataset(parts, format="parquet", schema=SCHEMA)
    stats = CleanStats(side=side)
    cleaner = _Cleaner(config, stats, dataset.count_rows())
    with atomic_path(paths.train_txt) as train_tmp, atomic_path(paths.val_txt) as val_tmp:
        with open(train_tmp, "wb") as train_file, open(val_tmp, "wb") as val_file:
            for batch in dataset.to_batches(columns=["text", "is_retweet"], batch_size=config.batch_size):
                train, val = cleaner.batch(batch)
                _write_lines(train_file, train)
                _write_lines(val_file, val)
        atomic_write_text(paths.clean_stats, json.dumps(stats.to_dict(), indent=2) + "\n")
        if stats.kept == 0:
            raise BotbabyError(
                f"no post of side '{side}' survived cleaning ({stats.read} read; dropped: "
                f"{', '.join(f'{k} {v}' for k, v in stats.dropped.items() if v)}); see {paths.clean_stats} "
                "and loosen the rules, e.g. --min-chars 20 or --keep-retweets"
            )
        tokenizer = train_sentence_splitter(cleaner.punkt_sample)
        with atomic_path(paths.punkt) as punkt_tmp:
            punkt_tmp.write_bytes(pickle.dumps(tokenizer))
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


def train_sentence_splitter(texts: list[str]):
    """An NLTK Punkt sentence tokenizer learned from ``texts`` alone (no downloaded punkt data needed).

        >>> posts = ["Fuel is up again. Who pays? We do.", "Dr. Rao spoke at the rally. Crowds cheered."]
        >>> splitter = train_sentence_splitter(posts * 5)
        >>> splitter.tokenize("Prices rose again. Dr. Rao said so.")
        ['Prices rose again.', 'Dr. Rao said so.']
    """
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    trainer.train("\n\n".join(texts), finalize=True)
    return PunktSentenceTokenizer(trainer.get_params())


def load_sentence_splitter(data: Path | str, side: str):
    """The side's Punkt sentence tokenizer saved by clean (``.tokenize(text)`` -> sentences)."""
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
