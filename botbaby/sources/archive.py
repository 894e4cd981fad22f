"""The archive source: import post files a user already has into a side's tweet store.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "tweets (1).csv").write_text(
    ...     "id,created_at,Type,text\\n"
    ...     "828818112345767424,7/2/17,Tweet,Counting day!\\n"
    ...     "829166123456749568,14/2/17,Retweet,RT @someone: their words\\n"
    ...     "2,not a date,Tweet,Broken row\\n"
    ... )
    >>> report = import_files(folder / "tweets", [folder / "tweets (1).csv"])
    >>> report.read, report.added, dict(report.refused)
    (3, 2, {'bad created_at': 1})
    >>> report.files[0].date_order, report.files[0].handle
    ('day-first', 'tweets_1')
    >>> import_files(folder / "tweets", [folder / "tweets (1).csv"]).added  # importing again adds nothing
    0

Formats, detected from the extension and the first bytes (a UTF-8 or UTF-16 byte-order mark is fine):

- an X/Twitter account archive: its ``data/tweets.js`` (``window.YTD.tweets.part0 = [...]``;
  also ``tweet.js`` and ``tweets-partN.js``) or the whole archive ``.zip``; the handle comes from the
  archive's ``account.js`` (``data/account.js``, or ``NAME-account.js`` beside ``NAME-tweets.js``);
- CSV: the original bot-baby's GetOldTweets3 exports (``Datetime,Text`` columns, no id) and other
  exports (``id,created_at,text[,handle][,Type]``, column names matched loosely, see ``ALIASES``);
- JSON Lines of X API v2 post objects (``id``, ``text``, ``created_at``, ``author_id``,
  ``referenced_tweets``) or of whole response pages (``data`` plus ``includes.users``); a ``.json``
  file holding one array of them, or one pretty-printed page, works too;
- parquet with the same columns as CSV.

Nothing is lost or changed silently; the report (per file and in total) says what happened:

- a row that cannot be imported (no text, a date that cannot be read, a broken line) is *refused*,
  counted under its reason with its line; every other row is imported;
- undecodable bytes are replaced by U+FFFD in that row only (counted, with the line);
- dates like ``14/2/17``: the day/month order is decided per file, from a value whose first or
  second field is above 12, else from the X ids (an X id holds its post's creation time), and the
  report's ``date_order`` says which order was used and why;
- an X id that lost digits in a spreadsheet (``8.28818E+17``, ``828818000000000000``) is not
  trusted: the post is stored under an id derived from its handle (when the file names it), time
  and text, as are posts of files without ids; the same post in two files gets the same id;
- a missing or unreadable date is taken from the post's X id when the file's ids are X ids;
- posts without a handle column or ``account.js`` take ``--handle``, else the file's name made
  into a handle (``tweets (1).csv`` -> ``tweets_1``); the report says which;
- an id repeated within a file counts as a duplicate, one the store already has as already stored;
- posts older than ``since`` (``--since``, by default 2014-01-01 as for downloads) are skipped and counted;
- columns the importer does not use are listed; a ``Type``/``is_retweet`` column marks retweets.

``botbaby scrape SIDE --source archive --files ...`` prints the report as JSON and, on stderr, one
line per file that added nothing, refused rows or skipped old posts.
"""

import codecs
import csv
import hashlib
import io
import itertools
import json
import re
import zipfile
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from botbaby.config import StageConfig
from botbaby.errors import ConfigError
from botbaby.tweets import KeySet, TweetStore, post_keys

BATCH_ROWS = 50_000  # posts per append (one parquet part file each)
MAX_EXAMPLES = 5  # rows listed in the report per reason (refused or mended); every one is counted
# Characters in one CSV record with a field over the csv module's own limit (128 KiB, a process-wide
# setting botbaby leaves alone): such a record is parsed by _parse_record, up to this size (an
# unclosed quote stops here instead of swallowing the file).
CSV_FIELD_LIMIT = 16 * 1024 * 1024
SOURCE = "archive"
X_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"  # "Wed Oct 10 20:19:24 +0000 2018" in X archives and API v1.1
TWEPOCH_MS = 1288834974657  # X ids hold their creation time: (id >> 22) + TWEPOCH_MS milliseconds since 1970
SAME_POST_HOURS = 36  # a file's date and its X id's time further apart than this disagree

# Column names seen in exports, lower-cased, mapped to the store's columns (the first found wins).
ALIASES = {
    "id": ("id", "id_str", "tweet_id", "tweet id", "tweetid", "status_id"),
    "created_at": ("created_at", "datetime", "date", "timestamp", "time", "created at", "tweet date"),
    "text": ("text", "full_text", "tweet", "content", "tweet text", "tweet_text"),
    "handle": ("handle", "username", "screen_name", "user", "author", "user_name", "screen name"),
    "is_retweet": ("is_retweet", "retweet", "type", "tweet type", "tweet_type", "is_repost", "kind"),
    "retweet_of": ("retweeted_status_id", "retweeted_tweet_id"),  # filled in for retweets (old X archive tweets.csv)
}
# Values of an is_retweet/Type column, lower-cased; anything else leaves it to the "RT @" prefix.
RETWEET_VALUES = {
    **dict.fromkeys(("1", "true", "yes", "y", "t", "retweet", "retweeted", "rt", "repost", "reposted"), True),
    **dict.fromkeys(("0", "false", "no", "n", "f", "tweet", "reply", "quote", "quoted", "original", "post"), False),
}

# "window.YTD.tweets.part0 = [" (or tweet, tweets_part1...) at the start of an archive's .js file.
_YTD_PREFIX = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*")
# Archive members holding posts: data/tweets.js, data/tweet.js, data/tweets-part1.js, ...
_TWEETS_MEMBER = re.compile(r"(?:^|/)data/tweets?(?:-part\d+)?\.js$")
_ACCOUNT_MEMBER = re.compile(r"(?:^|/)data/account\.js$")
# A usable handle: X allows letters, digits and '_' (Bluesky handles add '.' and '-').
_HANDLE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
# Bytes that did not decode: the 'surrogateescape' error handler turns each into U+DC80..U+DCFF.
_UNDECODED = re.compile("[\udc80-\udcff]")
# An id a spreadsheet turned into a float: "8.28818E+17", "8.26384562192e+17", "828818112345767424.0".
_FLOAT_ID = r"^[0-9]+(\.[0-9]*)?[eE][+]?[0-9]+$|^[0-9]{16,}\.0*$"
# A date written with numbers only, day/month order unknown: "14/2/17", "02-14-2017 10:15", "7.2.2017".
_NUMERIC_DATE = (r"^(?P<first>[0-9]{1,2})(?P<sep1>[/.-])(?P<second>[0-9]{1,2})(?P<sep2>[/.-])"
                 r"(?P<year>[0-9]{2}|[0-9]{4})(?P<time>[ T].*)?$")
_SAME_POST = np.timedelta64(SAME_POST_HOURS, "h")


@dataclass
class ArchiveConfig(StageConfig):
    """Settings of an archive import (``botbaby scrape SIDE --source archive --files ...``)."""

    handle: str | None = None  # author of posts in files that name none (no handle column or account.js); unset: the file's name
    since: str = "2014-01-01"  # import posts from this date (UTC) on, as scrape keeps them; older ones are counted

    def validate(self) -> None:
        if self.handle is not None and not _HANDLE.fullmatch(self.handle.lstrip("@")):
            raise ConfigError(f"handle must be letters, digits, '_', '.' or '-', like voter_one; got {self.handle!r}")
        try:
            self.since_timestamp()
        except ValueError as exc:
            raise ConfigError(f"since must be a date like 2014-01-01, got {self.since!r}") from exc

    def since_timestamp(self) -> pd.Timestamp:
        stamp = pd.Timestamp(self.since)
        return stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp.tz_convert(UTC)


class Malformed(Exception):
    """A file that cannot be imported; the message says why."""


@dataclass
class FileReport:
    """What one file held and what became of it."""

    file: str
    format: str | None = None
    read: int = 0  # rows (posts) found, refused ones included
    added: int = 0  # newly stored
    already_stored: int = 0  # ids the store had before (from an earlier import or another file)
    duplicates: int = 0  # rows repeating an id seen earlier in this same file
    refused: int = 0  # rows that could not be imported (see ImportReport.refused for the reasons)
    before_since: int = 0  # posts older than ``since``, skipped on purpose
    handle: str | None = None  # the handle given to posts that name none
    handle_from: str | None = None  # where it came from: account.js, --handle, file name
    date_order: str | None = None  # for dates like 14/2/17: day-first or month-first (or mixed)
    date_order_why: str | None = None  # what in the file decided it
    dates_checked_against_ids: int = 0  # dates compared with the creation time their X id holds
    dates_off_from_ids: int = 0  # of those, dates more than SAME_POST_HOURS away from it (kept as written)
    ignored_columns: list[str] = field(default_factory=list)  # CSV/parquet columns the import does not use
    error: str | None = None  # why the file (or the rest of it) could not be read

    def problem(self) -> str | None:
        """One line for stderr when this file added nothing, refused rows or skipped old posts; else None."""
        if self.error:
            return f"{self.file}: {self.error}" + (f" (after {self.added} posts added)" if self.added else "")
        if self.added and not self.refused and not self.before_since:
            return None
        counts = [f"{n} {what}" for n, what in ((self.already_stored, "already stored"),
                  (self.duplicates, "repeated in the file"), (self.before_since, "before --since"),
                  (self.refused, "refused, see the report's examples")) if n]
        return f"{self.file}: added {self.added} of {self.read} posts ({', '.join(counts) or 'the file holds none'})"


@dataclass
class ImportReport:
    """What an import read, added, refused and repaired, per file and in total."""

    files: list[FileReport] = field(default_factory=list)
    refused: Counter = field(default_factory=Counter)  # reason -> rows (or files) not imported
    repaired: Counter = field(default_factory=Counter)  # what was mended -> rows imported after mending
    examples: list[dict[str, Any]] = field(default_factory=list)  # {file, where, reason}, MAX_EXAMPLES per reason

    @property
    def read(self) -> int:
        """Posts (rows) found, refused ones included."""
        return sum(f.read for f in self.files)

    @property
    def added(self) -> int:
        """Posts newly stored."""
        return sum(f.added for f in self.files)

    def refuse(self, file: str, where: Any, reason: str) -> None:
        self.refused[reason] += 1
        self._example(file, where, reason)

    def repair(self, file: str, where: Any, what: str) -> None:
        self.repaired[what] += 1
        self._example(file, where, what)

    def _example(self, file: str, where: Any, reason: str) -> None:
        # refused[reason] + repaired[reason] already counts this one
        if self.refused[reason] + self.repaired[reason] <= MAX_EXAMPLES:
            self.examples.append({"file": file, "where": where, "reason": reason})

    def problems(self) -> list[str]:
        """One line per file that added nothing, refused rows or skipped old posts (the CLI prints them on stderr)."""
        return [line for f in self.files if (line := f.problem())]

    def failure(self) -> str | None:
        """Why nothing at all was imported, when that is not simply because everything was there already."""
        if self.added or any(f.already_stored or f.duplicates for f in self.files):
            return None
        if not any(f.error or f.refused or f.before_since for f in self.files):
            return None
        return "no post was imported: " + "; ".join(self.problems())

    def to_dict(self) -> dict[str, Any]:
        def total(name: str) -> int:
            return sum(getattr(f, name) for f in self.files)

        return {
            "read": self.read,
            "added": self.added,
            "already_stored": total("already_stored"),
            "duplicates_in_files": total("duplicates"),
            "before_since": total("before_since"),
            "refused_rows": total("refused"),
            "unreadable_files": sum(1 for f in self.files if f.error),
            "refused": dict(self.refused),
            "repaired": dict(self.repaired),
            "examples": self.examples,
            "files": [asdict(f) for f in self.files],
        }

    def __str__(self) -> str:
        refused = ", ".join(f"{reason} {n}" for reason, n in self.refused.items()) or "none"
        mended = f"; mended: {sum(self.repaired.values())}" if self.repaired else ""
        return f"read {self.read} posts from {len(self.files)} file(s), added {self.added}; refused: {refused}{mended}"


def import_files(tweets_dir: Path | str, files: Iterable[Path | str], config: ArchiveConfig | dict | None = None,
                 **overrides: Any) -> ImportReport:
    """Import every file into the tweet store at ``tweets_dir``; never stops on a bad file or row."""
    config = ArchiveConfig.resolve(config, **overrides)
    store = TweetStore(tweets_dir)
    report = ImportReport()
    # One writer thread: a batch is written (Parquet, fsync) while the next is read; the order stays.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="botbaby-import") as writer:
        for file in files:
            _FileImport(store, Path(file), config, report, writer).run()
    return report


def detect_format(path: Path) -> str:
    """``xarchive-zip``, ``xarchive-js``, ``csv``, ``jsonl`` or ``parquet``, from the content or the extension."""
    by_suffix = {".zip": "xarchive-zip", ".js": "xarchive-js", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                 ".parquet": "parquet", ".json": "jsonl"}
    if not path.is_file():
        raise Malformed("file not found" if not path.exists() else "not a file")
    with open(path, "rb") as handle:
        head = handle.read(256)
    if head.startswith(b"PK"):
        return "xarchive-zip"
    if head.startswith(b"PAR1"):
        return "parquet"
    text = head.decode(_encoding(head), errors="ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("window.YTD"):
        return "xarchive-js"
    if path.suffix.lower() in by_suffix:
        return by_suffix[path.suffix.lower()]
    return "jsonl" if text.startswith(("{", "[")) else "csv"


def _encoding(head: bytes) -> str:
    """The text encoding a byte-order mark announces (UTF-8 without one)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"  # also reads UTF-8 without a mark


def _open_text(path: Path) -> io.TextIOWrapper:
    """Open a text file whatever its byte-order mark; undecodable bytes become U+DC80..U+DCFF, found later."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    return open(path, encoding=_encoding(head), errors="surrogateescape", newline="")


def _decode(data: bytes) -> str:
    return data.decode(_encoding(data[:4]), errors="surrogateescape").lstrip("\ufeff")


# --- One file: rows in, posts stored ---------------------------------------------------------


@dataclass
class Rows:
    """Up to BATCH_ROWS rows as a reader found them: raw strings (or None), column by column."""

    where: list  # per row: its line number, or a place such as "item 3"
    text: list
    created_at: list
    id: list | None = None
    handle: list | None = None
    retweet: list | pa.Array | None = None  # True, False or None (unknown) per row
    refused: list[tuple[Any, str]] = field(default_factory=list)  # (where, reason) of rows the reader refused


class _FileImport:
    """Import one file: read its rows, mend what can be mended, refuse the rest, store the posts."""

    def __init__(self, store: TweetStore, path: Path, config: ArchiveConfig, report: ImportReport,
                 writer: ThreadPoolExecutor):
        self.store, self.path, self.config, self.report, self.writer = store, path, config, report, writer
        self.writes: deque[tuple[Future, int]] = deque()  # appends under way, and how many posts each offered
        self.entry = FileReport(file=str(path))
        self.handle_is_content = True  # False when posts naming no handle get --handle or the file name
        self.dates = _DateOrder(self.entry)
        self.seen = KeySet()  # ids of this file so far: a repeat is a duplicate, not "already stored"
        self.pending: list[_Batch] = []  # batches waiting for the file's day/month order
        self.waiting = False  # whether a pending batch has dates that only that order can read
        self.since = np.datetime64(config.since_timestamp().tz_convert(None), "us")

    def default_handle(self, from_file: str | None = None, source: str = "account.js") -> str:
        """The handle of posts that name none: ``from_file`` (account.js), else --handle, else the file name."""
        self.handle_is_content = from_file is not None
        if from_file:
            handle, self.entry.handle_from = from_file, source
        elif self.config.handle:
            handle, self.entry.handle_from = self.config.handle.lstrip("@"), "--handle"
        else:
            handle, self.entry.handle_from = _handle_from_name(self.path), "file name"
        self.entry.handle = handle
        return handle

    def run(self) -> None:
        self.report.files.append(self.entry)
        for rows in self._read():
            self._take(rows)
        self.dates.finish()
        self._flush()  # what was read before an error is stored too
        while self.writes:
            self._written()
        if self.entry.error:
            self.report.refuse(str(self.path), None, self.entry.error)

    def _read(self) -> Iterator[Rows]:
        """The file's rows; a file (or the rest of one) that cannot be read ends them, its reason in ``entry.error``.

        Only reading is guarded: a failing store (a full disk) is not the file's fault and is raised.
        """
        try:
            self.entry.format = detect_format(self.path)
            reader = READERS[self.entry.format](self.path, self)
            while (rows := next(reader, None)) is not None:
                yield rows
        except Malformed as exc:
            self.entry.error = str(exc)
        except (OSError, zipfile.BadZipFile, csv.Error, ValueError, UnicodeError) as exc:
            self.entry.error = f"unreadable file ({type(exc).__name__}: {exc})"

    def _take(self, rows: Rows) -> None:
        self.entry.read += len(rows.where) + len(rows.refused)
        for where, reason in rows.refused:
            self._refuse(where, reason)
        if not rows.where:
            return
        batch = self._batch(rows)
        self.waiting = self.dates.learn(batch) or self.waiting
        self.pending.append(batch)
        if self.dates.decided or not self.waiting:  # else hold on until the file tells the day/month order
            self._flush()

    def _flush(self) -> None:
        for batch in self.pending:
            self._store(batch)
        self.pending = []

    def _refuse(self, where: Any, reason: str) -> None:
        self.entry.refused += 1
        self.report.refuse(str(self.path), _place(where), reason)

    def _batch(self, rows: Rows) -> "_Batch":
        """The rows as Arrow strings, undecodable bytes replaced, handles filled in, ids sorted into kinds."""
        n = len(rows.where)
        columns = {"text": rows.text, "created_at": rows.created_at, "id": rows.id, "handle": rows.handle}
        columns = {name: [None] * n if values is None else values for name, values in columns.items()}
        mended = np.zeros(n, dtype=bool)
        for name, values in columns.items():
            if isinstance(values, pa.Array):
                continue  # Arrow checked it is UTF-8
            if _UNDECODED.search("\x00".join(filter(None, values))):  # rare: look row by row
                bad = [bool(v) and _UNDECODED.search(v) is not None for v in values]
                columns[name] = [_UNDECODED.sub("\ufffd", v) if b else v for v, b in zip(values, bad, strict=True)]
                mended |= bad
        for position in np.flatnonzero(mended):
            self.report.repair(str(self.path), _place(rows.where[position]), "undecodable bytes replaced by U+FFFD")
        text, created_at, ids, handle = (_strings(values) for values in columns.values())
        handle = pc.utf8_ltrim(pc.utf8_trim_whitespace(handle), characters="@")
        given = _mask(pc.greater(pc.utf8_length(handle), 0))
        handle = pc.if_else(pa.array(given), handle, pa.scalar(self.entry.handle, pa.string()))
        ids = pc.utf8_trim_whitespace(ids)
        ids = pc.if_else(pc.equal(pc.utf8_length(ids), 0), pa.scalar(None, pa.string()), ids)
        kinds = _id_kinds(ids)
        return _Batch(where=np.asarray(rows.where), text=text, created_at=created_at, id=ids, handle=handle,
                      retweet=rows.retweet if isinstance(rows.retweet, pa.Array) else pa.array(
                          rows.retweet if rows.retweet is not None else [None] * n, pa.bool_()),
                      handle_given=given, id_kind=kinds, id_time=_snowflake_times(ids, kinds))

    def _store(self, batch: "_Batch") -> None:
        text_missing = ~_mask(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(batch.text)), 0))
        for where in batch.where[text_missing]:
            self._refuse(where, "missing text")
        batch = batch.select(~text_missing)
        times = self.dates.parse(batch)
        unreadable = np.isnat(times)
        fill = unreadable & ~np.isnat(batch.id_time) & self.dates.ids_are_x_ids()
        times = np.where(fill, batch.id_time, times)
        for where in batch.where[fill]:
            self.report.repair(str(self.path), _place(where), "date taken from the post's X id")
        refused = unreadable & ~fill
        if refused.any():
            blank = ~_mask(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(batch.created_at)), 0))
            for where, missing in zip(batch.where[refused], blank[refused], strict=True):
                self._refuse(where, "missing created_at" if missing else "bad created_at")
        early = ~refused & (times < self.since)
        self.entry.before_since += int(early.sum())
        keep = ~refused & ~early
        batch, times = batch.select(keep), times[keep]
        ids = self._ids(batch, times)
        keys = post_keys(ids)
        repeated = pd.Series(keys).duplicated().to_numpy() | self.seen.contains(keys)
        self.entry.duplicates += int(repeated.sum())
        self.seen.add(keys)
        posts = pa.table({
            "id": ids, "handle": batch.handle, "created_at": pa.array(times, pa.timestamp("us")).cast(_UTC),
            "text": batch.text, "is_retweet": pc.coalesce(batch.retweet, pc.starts_with(batch.text, "RT @")),
            "source": pa.array(np.full(len(batch), SOURCE, dtype=object), pa.string()),
        }).filter(pa.array(~repeated))
        self.writes.append((self.writer.submit(self.store.append, posts, keys=keys[~repeated]), len(posts)))
        while len(self.writes) > 1:  # at most one batch waits while another is written
            self._written()

    def _written(self) -> None:
        """Wait for the oldest append; count what it added and what the store had already."""
        future, offered = self.writes.popleft()
        added = future.result()
        self.entry.added += added
        self.entry.already_stored += offered - added

    def _ids(self, batch: "_Batch", times: np.ndarray) -> pa.Array:
        """The posts' ids; where missing or untrustworthy, derived from handle (when the file names it), time and text."""
        lost = batch.id_kind == _LOST
        for where, raw in zip(batch.where[lost], pc.filter(batch.id, pa.array(lost)).to_pylist(), strict=True):
            self.report.repair(str(self.path), f"{_place(where)} (id {raw})", "id that lost digits replaced by a derived id")
        derive = lost | (batch.id_kind == _NO_ID)
        if not derive.any():
            return batch.id
        rows = np.flatnonzero(derive)
        handles = batch.handle.take(rows).to_pylist()
        named = batch.handle_given[rows] | self.handle_is_content
        texts = batch.text.take(rows).to_pylist()
        derived = [_derived_id(h if k else "", t, x) for h, k, t, x in zip(handles, named, times[rows], texts, strict=True)]
        return pc.replace_with_mask(batch.id, pa.array(derive), pa.array(derived, pa.string()))


_UTC = pa.timestamp("us", tz="UTC")
_NAT = np.datetime64("NaT", "us")
_NO_ID, _X_ID, _LOST, _OTHER_ID = range(4)  # kinds of id: missing, decimal (X), lost digits, anything else


@dataclass
class _Batch:
    """Rows on their way to the store: Arrow strings, and NumPy arrays of what was found about them."""

    where: np.ndarray  # line numbers or places, for the report
    text: pa.Array
    created_at: pa.Array  # as written in the file
    id: pa.Array  # null where the file has none
    handle: pa.Array
    retweet: pa.Array  # True, False or null (unknown: the "RT @" prefix tells)
    handle_given: np.ndarray  # the row names its handle (else the file's default)
    id_kind: np.ndarray  # _NO_ID, _X_ID, _LOST or _OTHER_ID
    id_time: np.ndarray  # datetime64[us] (UTC) an X id holds; NaT elsewhere
    readings: tuple | None = None  # _numeric_dates(created_at), once computed

    def __len__(self) -> int:
        return len(self.where)

    def select(self, keep: np.ndarray) -> "_Batch":
        mask = pa.array(keep)
        readings = tuple(values[keep] for values in self.readings) if self.readings else None
        return _Batch(self.where[keep], self.text.filter(mask), self.created_at.filter(mask), self.id.filter(mask),
                      self.handle.filter(mask), self.retweet.filter(mask), self.handle_given[keep], self.id_kind[keep],
                      self.id_time[keep], readings)

    def numeric_dates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.readings is None:
            self.readings = _numeric_dates(self.created_at)
        return self.readings


def _strings(values: list | pa.Array) -> pa.Array:
    return values if isinstance(values, pa.Array) else pa.array(values, pa.string())


def _mask(condition: pa.Array) -> np.ndarray:
    """An Arrow boolean result as a NumPy mask (null counts as False)."""
    return pc.fill_null(condition, False).to_numpy(zero_copy_only=False)


def _place(where: Any) -> Any:
    return f"line {where}" if isinstance(where, int | np.integer) else str(where)


def _derived_id(handle: str, created_at: np.datetime64, text: str) -> str:
    """An id for a post whose file gives none (or a broken one): the same post always gets the same id."""
    stamp = np.datetime_as_string(created_at.astype("datetime64[s]"))
    digest = hashlib.sha1(f"{handle}\x1f{stamp}Z\x1f{text}".encode()).hexdigest()[:20]
    return f"sha1:{digest}"


def _id_kinds(ids: pa.Array) -> np.ndarray:
    """Per id: _X_ID (decimal digits), _LOST (a spreadsheet's float), _OTHER_ID or _NO_ID."""
    present = _mask(pc.is_valid(ids))
    decimal = _mask(pc.match_substring_regex(ids, r"^[1-9][0-9]{0,18}$"))
    lost = _mask(pc.match_substring_regex(ids, _FLOAT_ID)) if (present & ~decimal).any() else np.zeros_like(decimal)
    # A spreadsheet that keeps 15 digits writes 828818112345767424 as 828818112345767000; a real id
    # ends in 000 one time in a thousand, so a batch where most long ids do has lost their digits.
    long_ids = decimal & _mask(pc.greater_equal(pc.utf8_length(ids), 16))
    zeros = long_ids & _mask(pc.ends_with(ids, "000"))
    if zeros.sum() * 2 > long_ids.sum():
        lost, decimal = lost | zeros, decimal & ~zeros
    return np.select([~present, lost, decimal], [_NO_ID, _LOST, _X_ID], _OTHER_ID).astype(np.int8)


def _snowflake_times(ids: pa.Array, kinds: np.ndarray) -> np.ndarray:
    """The creation time (datetime64[us], UTC) an X id holds, where the id can be one (NaT elsewhere)."""
    times = np.full(len(kinds), _NAT)
    decimal = kinds == _X_ID
    if not decimal.any():
        return times
    values = pc.cast(ids.filter(pa.array(decimal)), pa.uint64()).to_numpy()
    ms = (values >> np.uint64(22)).astype(np.int64) + TWEPOCH_MS
    day = 86_400_000
    plausible = (ms > TWEPOCH_MS + day) & (ms < datetime.now(UTC).timestamp() * 1000 + day)
    times[np.flatnonzero(decimal)[plausible]] = (ms[plausible] * 1000).astype("datetime64[us]")
    return times


def _arrow_times(parsed: pa.Array) -> np.ndarray:
    """An Arrow timestamp[us] array (UTC when it has a zone) as datetime64[us], NaT for nulls."""
    return pc.fill_null(parsed.cast(pa.int64()), np.iinfo(np.int64).min).to_numpy().view("datetime64[us]")


class _DateOrder:
    """Read a file's dates; decide its day/month order for dates like 14/2/17 from its own values."""

    def __init__(self, entry: FileReport):
        self.entry = entry
        self.order: str | None = None  # "day-first" or "month-first", once decided
        self.evidence = Counter()  # day-only / month-only values; ids agreeing with either reading
        self.example: dict[str, str] = {}  # one value per kind of evidence, for the report
        self.compared = self.agreed = 0  # dates checked against their X id's time, and how many agreed

    @property
    def decided(self) -> bool:
        return self.order is not None

    def learn(self, batch: _Batch) -> bool:
        """Count what this batch says about the order; True if it has dates that read two ways."""
        if self.decided:
            return False
        day, month, _ = batch.numeric_dates()
        day_only, month_only = ~np.isnat(day) & np.isnat(month), ~np.isnat(month) & np.isnat(day)
        both = ~np.isnat(day) & ~np.isnat(month) & (day != month)
        for kind, mask in (("day-only", day_only), ("month-only", month_only)):
            self.evidence[kind] += int(mask.sum())
            if mask.any() and kind not in self.example:
                self.example[kind] = batch.created_at[int(np.argmax(mask))].as_py().strip()
        self.evidence["ids day-first"] += int((both & (np.abs(day - batch.id_time) <= _SAME_POST)).sum())
        self.evidence["ids month-first"] += int((both & (np.abs(month - batch.id_time) <= _SAME_POST)).sum())
        self.evidence["ambiguous"] += int(both.sum())
        self._decide(final=False)
        return bool(both.any())

    def _decide(self, final: bool) -> None:
        e = self.evidence
        if e["day-only"] and e["month-only"]:
            order = "day-first" if e["day-only"] >= e["month-only"] else "month-first"
            self._set(order, f"mixed: {e['day-only']} dates only valid day-first (such as {self.example['day-only']!r}), "
                      f"{e['month-only']} only month-first (such as {self.example['month-only']!r}); each is read the "
                      f"one way it is valid, the others {order}", shown="mixed")
        elif e["day-only"]:
            self._set("day-first", f"dates such as {self.example['day-only']!r} have a day above 12 first")
        elif e["month-only"]:
            self._set("month-first", f"dates such as {self.example['month-only']!r} have a day above 12 second")
        elif e["ids day-first"] + e["ids month-first"] >= 3 and max(e["ids day-first"], e["ids month-first"]) >= (
                2 * min(e["ids day-first"], e["ids month-first"])):
            order = "day-first" if e["ids day-first"] > e["ids month-first"] else "month-first"
            self._set(order, f"the X ids' times match {e['ids ' + order]} of {e['ambiguous']} dates read {order}")
        elif final:
            self.order = "month-first"
            if e["ambiguous"]:
                self._set("month-first", "assumed: every date reads both ways and nothing tells; write dates as "
                          "YYYY-MM-DD to be sure")

    def _set(self, order: str, why: str, shown: str | None = None) -> None:
        self.order = order
        self.entry.date_order, self.entry.date_order_why = shown or order, why

    def finish(self) -> None:
        if not self.decided:
            self._decide(final=True)

    def parse(self, batch: _Batch) -> np.ndarray:
        """The rows' times (datetime64[us], UTC; NaT where unreadable); checks them against the X ids' times."""
        raw = batch.created_at
        day, month, numeric = batch.numeric_dates()
        first, second = (day, month) if self.order == "day-first" else (month, day)
        times = np.where(np.isnat(first), second, first)  # a date valid only the other way is read that way
        other = ~numeric & _mask(pc.is_valid(raw))
        if not other.any():
            return self._checked(times, batch)
        iso = other & _mask(pc.match_substring_regex(raw, r"^\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"))
        if iso.any():
            parsed = pd.to_datetime(raw.filter(pa.array(iso)).to_pandas(), format="ISO8601", utc=True, errors="coerce")
            times[iso] = parsed.dt.tz_localize(None).to_numpy().astype("datetime64[us]")
        todo = other & ~iso
        if todo.any():
            parsed = pc.strptime(pc.utf8_trim_whitespace(raw.filter(pa.array(todo))), format=X_TIME_FORMAT, unit="us",
                                 error_is_null=True)
            times[todo] = _arrow_times(parsed)
        # Any other way of writing a date with a year ("Feb 14, 2017"), one by one (slow, rare).
        rest = np.isnat(times) & other & _mask(pc.match_substring_regex(raw, r"\b(?:19|20)[0-9]{2}\b"))
        if rest.any():
            parsed = pd.to_datetime(raw.filter(pa.array(rest)).to_pandas(), format="mixed", utc=True, errors="coerce",
                                    dayfirst=self.order == "day-first")
            times[rest] = parsed.dt.tz_localize(None).to_numpy().astype("datetime64[us]")
        return self._checked(times, batch)

    def _checked(self, times: np.ndarray, batch: _Batch) -> np.ndarray:
        checked = ~np.isnat(times) & ~np.isnat(batch.id_time)
        self.compared += int(checked.sum())
        self.agreed += int((checked & (np.abs(times - batch.id_time) <= _SAME_POST)).sum())
        self.entry.dates_checked_against_ids, self.entry.dates_off_from_ids = self.compared, self.compared - self.agreed
        return times

    def ids_are_x_ids(self) -> bool:
        """Whether the file's ids may date its posts: its dates so far agree with their times (or none were compared)."""
        return self.agreed >= 0.9 * self.compared


def _numeric_dates(raw: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dates like 14/2/17 read day-first and month-first (NaT where that reading is invalid), and which rows are such.

    Each shape of date (separators, year digits, time of day) is one strptime format per order, run
    by Arrow: first the shapes of a sample, then the shapes of whatever rows neither reading took.
    """
    day, month = np.full(len(raw), _NAT), np.full(len(raw), _NAT)
    numeric = np.zeros(len(raw), dtype=bool)
    strings = pc.utf8_trim_whitespace(raw)
    candidates = _mask(pc.match_substring_regex(strings, _NUMERIC_DATE))
    at = np.flatnonzero(candidates)
    values = strings.filter(pa.array(candidates))
    todo = np.ones(len(values), dtype=bool)
    for sample in (values.slice(0, 200), None):
        if not todo.any():
            break
        for shape in _date_shapes(sample if sample is not None else values.filter(pa.array(todo))):
            if (fmt := _shape_format(shape)) is None:
                continue  # left to the slow general parser
            readings = [_arrow_times(pc.strptime(values, format=fmt.format(first, second), unit="us",
                                                  error_is_null=True)) for first, second in (("%d", "%m"), ("%m", "%d"))]
            took = ~np.isnat(readings[0]) | ~np.isnat(readings[1])
            rows = at[took]
            day[rows], month[rows] = readings[0][took], readings[1][took]
            numeric[rows] = True
            todo &= ~took
    numeric[at[todo]] = False
    return day, month, numeric


def _date_shapes(values: pa.Array) -> list[str]:
    """The distinct shapes of dates like 14/2/17 10:15: 'sep1|sep2|year digits|time with digits as 9'."""
    parts = pc.extract_regex(values, _NUMERIC_DATE)
    times = pc.replace_substring_regex(pc.utf8_upper(parts.field("time")), "[0-9]+", "9")
    years = pc.cast(pc.utf8_length(parts.field("year")), pa.string())
    return pc.unique(pc.binary_join_element_wise(parts.field("sep1"), parts.field("sep2"), years, times, "|")).to_pylist()


def _shape_format(shape: str) -> str | None:
    """A strptime format with {} for the first two fields (%d/%m or %m/%d), or None for an unknown time of day."""
    sep1, sep2, year_digits, time = shape.split("|")
    time_format = _time_format(time)
    if time_format is None:
        return None
    return f"{{}}{sep1}{{}}{sep2}{'%Y' if year_digits == '4' else '%y'}{time_format}"


def _time_format(shape: str) -> str | None:
    """The strptime directives for a time of day of this shape (digits as 9): ' 9:9 PM' -> ' %I:%M %p'."""
    match = re.fullmatch(r"(?:([ T])9:9(:9)?(?: ?([AP]M))?)?", shape)
    if not match:
        return None
    if not match.group(1):
        return ""
    hours = "%I" if match.group(3) else "%H"
    seconds = ":%S" if match.group(2) else ""
    ampm = (" %p" if " " in shape[1:] else "%p") if match.group(3) else ""
    return f"{match.group(1)}{hours}:%M{seconds}{ampm}"


# --- X/Twitter account archive ----------------------------------------------------------------


def _ytd_items(text: str) -> Iterator[tuple[Any, Any]]:
    """The items of a ``window.YTD.x.partN = [...]`` file, decoded one at a time."""
    match = _YTD_PREFIX.match(text)
    if not match:
        raise Malformed("not an X archive file (no 'window.YTD... =' header)")
    decoder = json.JSONDecoder()
    position = _skip_space(text, match.end())
    if text[position : position + 1] != "[":
        raise Malformed("not an X archive file (no '[' after the header)")
    position = _skip_space(text, position + 1)
    index = 0
    while position < len(text) and text[position] != "]":
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            line = text.count("\n", 0, exc.pos) + 1
            yield f"line {line}", Malformed("broken JSON (the rest of the file was skipped)")
            return
        yield f"item {index}", item
        index += 1
        position = _skip_space(text, position)
        if text[position : position + 1] == ",":
            position = _skip_space(text, position + 1)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _archive_handle(account_js: str | None) -> str | None:
    if account_js is None:
        return None
    for _, item in _ytd_items(account_js):
        if isinstance(item, dict):
            account = item.get("account", item)
            if isinstance(account, dict) and account.get("username"):
                return str(account["username"])
    return None


def _archive_posts(text: str, prefix: str = "") -> Iterator[tuple[Any, Any]]:
    for where, item in _ytd_items(text):
        if isinstance(item, Malformed):
            yield prefix + where, item
            continue
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            yield prefix + where, Malformed("not a post object")
            continue
        full_text = tweet.get("full_text", tweet.get("text"))
        retweet = "retweeted_status" in tweet or None  # else the "RT @" prefix tells
        yield prefix + where, {"id": tweet.get("id_str", tweet.get("id")), "created_at": tweet.get("created_at"),
                               "text": full_text, "is_retweet": retweet}


def _read_xarchive_js(path: Path, file: _FileImport) -> Iterator[Rows]:
    account = None
    stem = path.name[: -len(path.suffix)]
    for candidate in (path.with_name(re.sub(r"tweets?(-part\d+)?$", "account", stem)), path.with_name("account.js")):
        candidate = candidate.with_suffix(".js")
        if candidate != path and candidate.is_file():
            account = _decode(candidate.read_bytes())
            break
    file.default_handle(_archive_handle(account))
    yield from _batched(_archive_posts(_decode(path.read_bytes())))


def _read_xarchive_zip(path: Path, file: _FileImport) -> Iterator[Rows]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        members = sorted((n for n in names if _TWEETS_MEMBER.search(n)), key=_part_number)
        if not members:
            raise Malformed("no data/tweets.js in the archive zip")
        account = next((n for n in names if _ACCOUNT_MEMBER.search(n)), None)
        file.default_handle(_archive_handle(_decode(archive.read(account)) if account else None))
        for member in members:
            try:
                text = _decode(archive.read(member))
            except (zipfile.BadZipFile, OSError, EOFError) as exc:  # one damaged member: the others still count
                yield Rows(where=[], text=[], created_at=[], refused=[(f"{member} ({exc})", "unreadable archive member")])
                continue
            yield from _batched(_archive_posts(text, prefix=f"{member} "))


def _part_number(member: str) -> int:
    """data/tweets.js -> 0, data/tweets-part2.js -> 2: the archive's own order."""
    match = re.search(r"-part(\d+)\.js$", member)
    return int(match.group(1)) if match else 0


def _batched(posts: Iterable[tuple[Any, Any]]) -> Iterator[Rows]:
    """Gather (where, post dict or Malformed) pairs into Rows of at most BATCH_ROWS."""
    rows = _empty_rows()
    for where, post in posts:
        if isinstance(post, Malformed):
            rows.refused.append((where, str(post)))
            continue
        rows.where.append(where)
        for name in ("id", "created_at", "text", "handle"):
            getattr(rows, name).append(_as_text(post.get(name)))
        retweet = _as_retweet(post.get("is_retweet"))
        if retweet is None and "retweet_of" in post:
            retweet = bool(_as_text(post["retweet_of"]))
        rows.retweet.append(retweet)
        if len(rows.where) >= BATCH_ROWS:
            yield rows
            rows = _empty_rows()
    if rows.where or rows.refused:
        yield rows


def _empty_rows() -> Rows:
    return Rows(where=[], text=[], created_at=[], id=[], handle=[], retweet=[])


def _as_text(value: Any) -> str | None:
    """A raw value as the string a CSV file would hold (floats that are whole numbers without '.0')."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, datetime | pd.Timestamp):
        return pd.Timestamp(value).isoformat()
    return str(value)


def _as_retweet(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    return RETWEET_VALUES.get(str(value).strip().lower())


# --- CSV, JSON Lines, parquet -------------------------------------------------------------------


def _handle_from_name(path: Path) -> str:
    """A handle from a file's name: ``narendramodi.csv`` -> ``narendramodi``, ``tweets (1).csv`` -> ``tweets_1``."""
    stem = re.sub(r"[-_](tweets?|export|got3?)$", "", path.stem, flags=re.IGNORECASE).lstrip("@")
    if _HANDLE.fullmatch(stem):
        return stem
    return re.sub(r"[^A-Za-z0-9_]+", "_", stem).strip("_")[:100] or "unknown"


def _columns(names: list[str]) -> dict[str, int]:
    """Map the store's columns to the positions of the file's columns, by alias (case-insensitive)."""
    lowered = {str(name).strip().lstrip("\ufeff").lower(): i for i, name in reversed(list(enumerate(names)))}
    found = {}
    for column, aliases in ALIASES.items():
        for alias in aliases:
            if alias in lowered and lowered[alias] not in found.values():
                found[column] = lowered[alias]
                break
    return found


def _check_columns(names: list[str], columns: dict[str, int], file: _FileImport, kind: str) -> None:
    if "text" not in columns or not ({"created_at", "id"} & columns.keys()):
        raise Malformed(f"{kind} has no text and date (or id) columns (found {', '.join(map(str, names))})")
    file.entry.ignored_columns = [str(name) for i, name in enumerate(names) if i not in columns.values()]
    file.default_handle()  # for rows whose handle cell is empty, or all rows when there is no handle column
    if "handle" in columns:
        file.entry.handle_from = f"the {names[columns['handle']]!r} column; empty cells: {file.entry.handle_from}"


def _read_csv(path: Path, file: _FileImport) -> Iterator[Rows]:
    """A CSV file's rows: parsed whole by Arrow when every row is one well-formed UTF-8 line (the
    common case, several times faster), else line by line, which finds and reports each bad row."""
    with _open_text(path) as handle:
        header = next(csv.reader(handle), None)
    if not header:
        raise Malformed("empty CSV file")
    columns = _columns(header)
    _check_columns(header, columns, file, "CSV file")
    table = _clean_csv_table(path, header, columns)
    if table is None:
        yield from _read_csv_lines(path, columns)
        return
    for start in range(0, table.num_rows, BATCH_ROWS):
        chunk = table.slice(start, BATCH_ROWS)
        cells = {name: chunk.column(str(position)).combine_chunks() for name, position in columns.items()}
        lines = list(range(start + 2, start + 2 + chunk.num_rows))  # row i is on line i + 2: one line each
        yield _csv_rows(cells, lines, [], chunk.num_rows)


CLEAN_CSV_LIMIT = 1 << 30  # bytes: larger files are read line by line, so memory stays flat


def _clean_csv_table(path: Path, header: list[str], columns: dict[str, int]) -> pa.Table | None:
    """The file as an Arrow table of the used columns (named by position), or None unless every row
    is exactly one line with the header's number of fields and the used cells are valid UTF-8."""
    import pyarrow.csv as arrow_csv

    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(4)
    if size > CLEAN_CSV_LIMIT or _encoding(head) != "utf-8-sig" or len(set(header)) != len(header):
        return None
    names = [str(i) for i in range(len(header))]
    try:
        table = arrow_csv.read_csv(
            path,
            read_options=arrow_csv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=arrow_csv.ParseOptions(newlines_in_values=True),  # a blank line: fewer rows than lines
            convert_options=arrow_csv.ConvertOptions(
                column_types={str(i): pa.binary() for i in columns.values()},
                include_columns=[str(i) for i in sorted(columns.values())],
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
        table = pa.table({name: pc.cast(table.column(name), pa.string()) for name in table.column_names})
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError):  # a row of another width, bytes not UTF-8
        return None
    with open(path, "rb") as handle:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))
        handle.seek(max(size - 1, 0))
        lines += handle.read(1) not in (b"\n", b"")
    return table if lines == table.num_rows + 1 else None  # else a blank line, or a line break inside a cell


def _read_csv_lines(path: Path, columns: dict[str, int]) -> Iterator[Rows]:
    """Rows of a CSV file line by line (Python's csv module): the line of each bad row is known."""
    with _open_text(path) as handle:
        source = _CsvLines(handle)
        reader = csv.reader(source)
        width = len(next(reader))
        rows: list[list[str]] = []
        lines: list[int] = []  # the line each row ends on
        refused: list[tuple[Any, str]] = []
        while True:
            source.record = []
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row = _long_record(source, exc)
                if row is None:  # e.g. a NUL byte: count the row, go on with the next line
                    refused.append((source.number, f"unparseable CSV row ({exc})"))
                    continue
            if len(row) != width:
                row = _odd_row(row, width, source.number, lines, refused)
                if row is None:
                    continue
            rows.append(row)
            lines.append(source.number)
            if len(rows) >= BATCH_ROWS:
                yield _csv_lines_rows(rows, lines, refused, columns)
                rows, lines, refused = [], [], []
        if rows or refused:
            yield _csv_lines_rows(rows, lines, refused, columns)


class _CsvLines:
    """A text file's lines for csv.reader, counted, keeping those of the record being read."""

    def __init__(self, handle: io.TextIOBase):
        self.handle = handle
        self.number = 0  # lines read: after a row, the line it ends on
        self.record: list[str] = []  # the lines read since the caller last emptied it

    def __iter__(self) -> "_CsvLines":
        return self

    def __next__(self) -> str:
        line = next(self.handle)
        self.number += 1
        self.record.append(line)
        return line


def _long_record(source: _CsvLines, error: csv.Error) -> list[str] | None:
    """The record csv.reader gave up on for a field over its size limit, read again by _parse_record
    (from its first line, then on through the file); None for any other error or a record over
    CSV_FIELD_LIMIT characters."""
    if "field larger than field limit" not in str(error):
        return None
    started = source.record
    source.record = []
    return _parse_record(itertools.chain(started, source), CSV_FIELD_LIMIT)


# Where an unquoted CSV field ends: a comma or the line's end.
_UNQUOTED_END = re.compile(r"[,\r\n]")


def _parse_record(lines: Iterator[str], limit: int) -> list[str] | None:
    """The next record of ``lines`` (as a file opened with ``newline=""`` gives them), parsed as
    csv.reader parses the excel dialect, but with no limit on a field's size; None at the end of the
    input, or once the record has passed ``limit`` characters.

        >>> _parse_record(iter(['1,"two ""2""\\n', 'lines",x"y\\n']), limit=100)
        ['1', 'two "2"\\nlines', 'x"y']
    """
    fields: list[str] = []
    parts: list[str] = []  # of the field being read
    quoted = False  # inside a quoted field
    size = 0
    for line in lines:
        size += len(line)
        if size > limit:
            return None
        if not fields and not parts and not quoted and line in ("\n", "\r", "\r\n"):
            return []  # a blank line: csv.reader's empty row
        at = 0
        while True:
            if quoted:
                close = line.find('"', at)
                if close < 0:  # the field goes on in the next line
                    parts.append(line[at:])
                    break
                parts.append(line[at:close])
                at = close + 1
                if line.startswith('"', at):  # "" inside quotes is one quote
                    parts.append('"')
                    at += 1
                    continue
                quoted = False  # what follows the closing quote up to a comma is kept, as csv.reader does
            elif line.startswith('"', at) and not parts:
                quoted = True
                at += 1
                continue
            end = _UNQUOTED_END.search(line, at)
            stop = end.start() if end else len(line)
            parts.append(line[at:stop])
            fields.append("".join(parts))
            parts = []
            if end is None or line[stop] != ",":  # the line's end ends the record
                return fields
            at = stop + 1
            if at == len(line):  # "a," at the very end of the input: an empty last field
                fields.append("")
                return fields
    if fields or parts or quoted:  # the input ended inside a quoted field
        fields.append("".join(parts))
        return fields
    return None


def _odd_row(row: list[str], width: int, line: int, lines: list[int], refused: list) -> list[str] | None:
    """A row whose field count differs from the header's: skipped if blank, mended if it only has
    trailing empty cells (as spreadsheets write them), else refused (None)."""
    if not any(row):
        return None
    if len(row) > width and not any(row[width:]):
        return row[:width]
    start = lines[-1] + 1 if lines else None
    where = line if start in (None, line) else f"lines {start}-{line}"
    refused.append((where, f"wrong number of fields ({len(row)}, header has {width})"))
    return None


def _csv_lines_rows(rows: list[list[str]], lines: list[int], refused: list, columns: dict[str, int]) -> Rows:
    cells = list(zip(*rows, strict=True)) if rows else [[] for _ in range(max(columns.values()) + 1)]
    return _csv_rows({name: list(cells[position]) for name, position in columns.items()}, lines, refused, len(rows))


def _csv_rows(cells: dict[str, list | pa.Array], lines: list[int], refused: list, n: int) -> Rows:
    """Rows from the used columns' cells (lists of str, or Arrow strings already valid UTF-8)."""

    def column(name: str) -> list | pa.Array | None:
        return cells.get(name)

    retweet = pa.nulls(n, pa.bool_())
    if (marks := column("is_retweet")) is not None:
        values = pc.utf8_lower(pc.utf8_trim_whitespace(_strings(marks)))
        known = pc.is_in(values, value_set=pa.array(list(RETWEET_VALUES), pa.string()))
        marked = pc.is_in(values, value_set=pa.array([v for v, yes in RETWEET_VALUES.items() if yes], pa.string()))
        retweet = pc.if_else(known, marked, pa.scalar(None, pa.bool_()))
    if (originals := column("retweet_of")) is not None:
        retweet = pc.coalesce(retweet, pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(_strings(originals))), 0))
    created_at = column("created_at") if "created_at" in cells else [None] * n
    return Rows(lines, column("text"), created_at, column("id"), column("handle"), retweet, refused)


def _read_jsonl(path: Path, file: _FileImport) -> Iterator[Rows]:
    file.default_handle()  # for posts that name no author at all
    yield from _batched(_jsonl_records(path))


def _jsonl_records(path: Path) -> Iterator[tuple[Any, Any]]:
    with _open_text(path) as handle:
        text = handle.read()
    if _is_json_document(text):  # a .json file holding one array or one (pretty-printed) response
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Malformed(f"broken JSON at line {exc.lineno}") from None
        for index, record in enumerate(document if isinstance(document, list) else [document]):
            yield from _api_records(f"item {index}", record)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield f"line {number}", Malformed("broken JSON line")
            continue
        yield from _api_records(f"line {number}", record)


def _is_json_document(text: str) -> bool:
    """True when the text is one JSON value rather than JSON Lines (starts with '[', or its first line is not JSON)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lstrip().startswith("["):
        return True
    try:
        json.loads(first)
        return False
    except json.JSONDecodeError:
        try:
            json.loads(text)
            return True
        except json.JSONDecodeError:
            return False  # neither: report it line by line


def _api_records(where: str, record: Any) -> Iterator[tuple[Any, Any]]:
    """One JSON record: a post object, or a response page (``data`` plus ``includes.users``)."""
    if not isinstance(record, dict):
        yield where, Malformed("not a post object")
    elif isinstance(record.get("data"), list):
        users = {u.get("id"): u.get("username") for u in (record.get("includes") or {}).get("users", [])}
        for index, post in enumerate(record["data"]):
            yield f"{where} post {index}", _api_post(post, users)
    else:
        yield where, _api_post(record, {})


def _api_post(post: Any, users: dict) -> dict | Malformed:
    """An X API v2 post object as a store row."""
    if not isinstance(post, dict):
        return Malformed("not a post object")
    references = post.get("referenced_tweets") or []
    retweet = any(isinstance(r, dict) and r.get("type") == "retweeted" for r in references) or None
    author = post.get("author_id")
    handle = post.get("username") or (post.get("author") or {}).get("username") or users.get(author) or author
    return {"id": post.get("id"), "created_at": post.get("created_at"), "text": post.get("text"), "handle": handle,
            "is_retweet": retweet}


def _read_parquet(path: Path, file: _FileImport) -> Iterator[Rows]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    columns = _columns(names)
    _check_columns(names, columns, file, "parquet file")
    by_name = {store: names[position] for store, position in columns.items()}
    row = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=sorted(set(by_name.values()))):
        posts = []
        for record in batch.to_pylist():
            posts.append((f"row {row}", {store: record[name] for store, name in by_name.items()}))
            row += 1
        yield from _batched(posts)


READERS = {
    "xarchive-js": _read_xarchive_js,
    "xarchive-zip": _read_xarchive_zip,
    "csv": _read_csv,
    "jsonl": _read_jsonl,
    "parquet": _read_parquet,
}
