"""The archive source: import post files a user already has into a side's tweet store.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "export.csv").write_text(
    ...     "id,created_at,text,handle\\n"
    ...     "1,2019-05-23T10:00:00Z,Counting day!,voter1\\n"
    ...     "2,not a date,Broken row,voter1\\n"
    ... )
    >>> report = import_files(folder / "tweets", [folder / "export.csv"])
    >>> report.read, report.added, dict(report.malformed)
    (2, 1, {'bad created_at': 1})
    >>> import_files(folder / "tweets", [folder / "export.csv"]).added  # importing again adds nothing
    0

Formats, detected from the extension and the first bytes:

- an X/Twitter account archive: its ``data/tweets.js`` (``window.YTD.tweets.part0 = [...]``;
  also ``tweet.js`` and ``tweets-partN.js``) or the whole archive ``.zip``; the handle comes from the
  archive's ``account.js`` (``data/account.js``, or ``NAME-account.js`` beside ``NAME-tweets.js``);
- CSV: the original bot-baby's GetOldTweets3 exports (``Datetime,Text`` columns, no id: a stable id
  is derived from handle, time and text; the handle from a ``Username`` column or the file name)
  and generic ``id,created_at,text[,handle]`` files;
- JSON Lines of X API v2 post objects (``id``, ``text``, ``created_at``, ``author_id``,
  ``referenced_tweets``) or of whole response pages (``data`` plus ``includes.users``); a ``.json``
  file holding one array of them, or one pretty-printed page, works too;
- parquet with the same columns as CSV.

Posts go to the store in batches. A malformed row or file is counted under its reason, with a
capped list of examples (file, line or row, reason), and the import goes on.
"""

import csv
import hashlib
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from botbaby.tweets import TweetStore

BATCH_ROWS = 10_000  # posts per append (one parquet part file each)
MAX_EXAMPLES = 20  # malformed examples kept in the report; every one is counted
CSV_FIELD_LIMIT = 16 * 1024 * 1024  # characters in one CSV field (the csv module's default is 128 KiB)
SOURCE = "archive"
X_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"  # "Wed Oct 10 20:19:24 +0000 2018" in X archives and API v1.1

# Column names seen in exports, lower-cased, mapped to the store's columns.
ALIASES = {
    "id": ("id", "id_str", "tweet_id", "tweet id", "tweetid"),
    "created_at": ("created_at", "datetime", "date", "timestamp", "time"),
    "text": ("text", "full_text", "tweet", "content"),
    "handle": ("handle", "username", "screen_name", "user", "author"),
    "is_retweet": ("is_retweet", "retweet"),
}
# "window.YTD.tweets.part0 = [" (or tweet, tweets_part1...) at the start of an archive's .js file.
_YTD_PREFIX = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*")
# Archive members holding posts: data/tweets.js, data/tweet.js, data/tweets-part1.js, ...
_TWEETS_MEMBER = re.compile(r"(?:^|/)data/tweets?(?:-part\d+)?\.js$")
_ACCOUNT_MEMBER = re.compile(r"(?:^|/)data/account\.js$")
# A usable handle: X allows letters, digits and '_' (Bluesky handles add '.' and '-').
_HANDLE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")


class Malformed(Exception):
    """A row or file that cannot be imported; the message is the reason counted in the report."""


@dataclass
class ImportReport:
    """What an import read, added and refused, per file and in total."""

    files: list[dict[str, Any]] = field(default_factory=list)  # {file, format, read, added, malformed, error}
    malformed: Counter = field(default_factory=Counter)  # reason -> count, over all files
    examples: list[dict[str, Any]] = field(default_factory=list)  # {file, where, reason}, at most MAX_EXAMPLES

    @property
    def read(self) -> int:
        """Posts (rows) found, malformed ones included."""
        return sum(f["read"] for f in self.files)

    @property
    def added(self) -> int:
        """Posts newly stored (already stored ids are not added again)."""
        return sum(f["added"] for f in self.files)

    def refuse(self, file: Path | str, where: str | int | None, reason: str) -> None:
        self.malformed[reason] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append({"file": str(file), "where": where, "reason": reason})

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "added": self.added,
            "already_stored": self.read - self.added - sum(f["malformed"] for f in self.files),
            "unreadable_files": sum(1 for f in self.files if f["error"]),
            "malformed": dict(self.malformed),
            "examples": self.examples,
            "files": self.files,
        }

    def __str__(self) -> str:
        malformed = ", ".join(f"{reason} {n}" for reason, n in self.malformed.items()) or "none"
        return f"read {self.read} posts from {len(self.files)} file(s), added {self.added}; malformed: {malformed}"


def import_files(tweets_dir: Path | str, files: Iterable[Path | str]) -> ImportReport:
    """Import every file into the tweet store at ``tweets_dir``; never stops on a bad file or row."""
    store = TweetStore(tweets_dir)
    report = ImportReport()
    for file in files:
        _import_file(store, Path(file), report)
    return report


def _import_file(store: TweetStore, path: Path, report: ImportReport) -> None:
    # read = rows found (malformed ones included); error = why the file (or its rest) could not be read
    entry = {"file": str(path), "format": None, "read": 0, "added": 0, "malformed": 0, "error": None}
    report.files.append(entry)
    before = sum(report.malformed.values())
    try:
        entry["format"] = detect_format(path)
        rows = READERS[entry["format"]](path)
        for batch in _batches(rows, BATCH_ROWS):
            entry["read"] += len(batch)
            frame = _to_frame(batch, path, report)
            entry["added"] += store.append(frame)
    except Malformed as exc:
        entry["error"] = str(exc)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, csv.Error, ValueError) as exc:
        entry["error"] = f"unreadable file ({type(exc).__name__}: {exc})"
    entry["malformed"] = sum(report.malformed.values()) - before  # malformed rows of this file
    if entry["error"]:
        report.refuse(path, None, entry["error"])


def detect_format(path: Path) -> str:
    """``xarchive-zip``, ``xarchive-js``, ``csv``, ``jsonl`` or ``parquet``, from the extension or content."""
    suffix = path.suffix.lower()
    by_suffix = {".zip": "xarchive-zip", ".js": "xarchive-js", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
    by_suffix |= {".parquet": "parquet", ".json": "jsonl"}
    if not path.is_file():
        raise Malformed("file not found" if not path.exists() else "not a file")
    with open(path, "rb") as handle:
        head = handle.read(64)
    if head.startswith(b"PK"):
        return "xarchive-zip"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.lstrip().startswith(b"window.YTD"):
        return "xarchive-js"
    if suffix in by_suffix:
        return by_suffix[suffix]
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "csv"


def _batches(rows: Iterator[tuple[Any, dict]], size: int) -> Iterator[list[tuple[Any, dict]]]:
    batch: list[tuple[Any, dict]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _to_frame(batch: list[tuple[Any, dict]], path: Path, report: ImportReport) -> pd.DataFrame:
    """Validate a batch of (where, post) pairs; refuse bad rows, return the good ones as a DataFrame."""
    good, where = [], []
    for position, post in batch:
        if isinstance(post, Malformed):
            report.refuse(path, position, str(post))
            continue
        for column in ("id", "text", "handle", "created_at"):
            value = post.get(column)
            if value is None or (isinstance(value, str) and not value.strip()):
                report.refuse(path, position, f"missing {column}")
                break
        else:
            good.append(post)
            where.append(position)
    frame = pd.DataFrame(good, columns=["id", "handle", "created_at", "text", "is_retweet"])
    if frame.empty:
        return frame
    raw = frame["created_at"]
    times = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[us, UTC]")
    for fmt in (X_TIME_FORMAT, "ISO8601", "mixed"):  # X's own format first, then anything pandas reads
        todo = times.isna()
        if not todo.any():
            break
        times[todo] = pd.to_datetime(raw[todo].astype(str), format=fmt, utc=True, errors="coerce")
    for position in (w for w, bad in zip(where, times.isna(), strict=True) if bad):
        report.refuse(path, position, "bad created_at")
    frame = frame.assign(created_at=times, source=SOURCE)[times.notna()]
    frame["handle"] = frame["handle"].astype(str).str.lstrip("@")
    frame["text"] = frame["text"].astype(str)
    frame["is_retweet"] = frame["is_retweet"].astype("boolean")
    return frame


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


def _archive_posts(text: str, handle: str | None) -> Iterator[tuple[Any, Any]]:
    for where, item in _ytd_items(text):
        if isinstance(item, Malformed):
            yield where, item
            continue
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            yield where, Malformed("not a post object")
            continue
        full_text = tweet.get("full_text", tweet.get("text"))
        yield where, {
            "id": tweet.get("id_str", tweet.get("id")),
            "created_at": tweet.get("created_at"),
            "text": full_text,
            "handle": handle,
            "is_retweet": "retweeted_status" in tweet or (isinstance(full_text, str) and full_text.startswith("RT @")),
        }


def _read_xarchive_js(path: Path) -> Iterator[tuple[Any, Any]]:
    account = None
    stem = path.name[: -len(path.suffix)]
    for candidate in (path.with_name(re.sub(r"tweets?(-part\d+)?$", "account", stem)), path.with_name("account.js")):
        candidate = candidate.with_suffix(".js")
        if candidate != path and candidate.is_file():
            account = candidate.read_text(encoding="utf-8")
            break
    handle = _archive_handle(account) or _handle_from_name(path)
    yield from _archive_posts(path.read_text(encoding="utf-8"), handle)


def _read_xarchive_zip(path: Path) -> Iterator[tuple[Any, Any]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        members = sorted(n for n in names if _TWEETS_MEMBER.search(n))
        if not members:
            raise Malformed("no data/tweets.js in the archive zip")
        account = next((n for n in names if _ACCOUNT_MEMBER.search(n)), None)
        handle = _archive_handle(archive.read(account).decode("utf-8") if account else None)
        handle = handle or _handle_from_name(path)
        for member in members:
            for where, post in _archive_posts(archive.read(member).decode("utf-8"), handle):
                yield f"{member} {where}", post


# --- CSV, JSON Lines, parquet -------------------------------------------------------------------


def _handle_from_name(path: Path) -> str | None:
    """``narendramodi.csv`` -> ``narendramodi`` (GetOldTweets3 exports were one file per account)."""
    stem = re.sub(r"[-_](tweets?|export|got3?)$", "", path.stem, flags=re.IGNORECASE).lstrip("@")
    return stem if _HANDLE.fullmatch(stem) else None


def _columns(names: Iterable[str]) -> dict[str, str]:
    """Map the store's columns to the file's columns, by alias (case-insensitive)."""
    lowered = {str(name).strip().lower(): name for name in names}
    found = {}
    for column, aliases in ALIASES.items():
        for alias in aliases:
            if alias in lowered:
                found[column] = lowered[alias]
                break
    return found


def _stable_id(handle: str | None, created_at: Any, text: Any) -> str:
    """An id for exports without one: the same post always gets the same id."""
    digest = hashlib.sha1(f"{handle}\x1f{created_at}\x1f{text}".encode()).hexdigest()[:20]
    return f"sha1:{digest}"


def _as_bool(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "t", "y")


def _tabular_post(record: dict, columns: dict[str, str], default_handle: str | None) -> dict | Malformed:
    if "text" not in columns or "created_at" not in columns:
        return Malformed("no text or date column")
    text = record.get(columns["text"])
    handle = record.get(columns["handle"]) if "handle" in columns else None
    handle = handle if handle not in (None, "") else default_handle
    created_at = record.get(columns["created_at"])
    post_id = record.get(columns["id"]) if "id" in columns else None
    if post_id in (None, ""):
        post_id = _stable_id(handle, created_at, text)
    elif isinstance(post_id, float) and post_id.is_integer():
        post_id = int(post_id)
    retweet = _as_bool(record.get(columns["is_retweet"])) if "is_retweet" in columns else None
    if retweet is None and isinstance(text, str):
        retweet = text.startswith("RT @")
    return {"id": str(post_id), "created_at": created_at, "text": text, "handle": handle, "is_retweet": retweet}


def _read_csv(path: Path) -> Iterator[tuple[Any, Any]]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise Malformed("empty CSV file")
        columns = _columns(header)
        if "text" not in columns or "created_at" not in columns:
            raise Malformed(f"CSV has no text/date columns (found {', '.join(header)})")
        default_handle = _handle_from_name(path)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # e.g. a NUL byte: count the row, go on with the next line
                yield f"line {reader.line_num}", Malformed(f"unparseable CSV row ({exc})")
                continue
            where = f"line {reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue  # blank line
            if len(row) != len(header):
                yield where, Malformed(f"wrong number of fields ({len(row)}, header has {len(header)})")
                continue
            yield where, _tabular_post(dict(zip(header, row, strict=True)), columns, default_handle)


def _read_jsonl(path: Path) -> Iterator[tuple[Any, Any]]:
    if _is_json_document(path):  # a .json file holding one array or one (pretty-printed) response
        document = json.loads(path.read_text(encoding="utf-8"))
        records = document if isinstance(document, list) else [document]
        for index, record in enumerate(records):
            yield from _api_records(f"item {index}", record)
        return
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                yield f"line {number}", Malformed("broken JSON line")
                continue
            yield from _api_records(f"line {number}", record)


def _is_json_document(path: Path) -> bool:
    """True when the file is one JSON value rather than JSON Lines (starts with '[', or its first line is not JSON)."""
    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    if first.lstrip().startswith("["):
        return True
    try:
        json.loads(first)
        return False
    except json.JSONDecodeError:
        try:
            json.loads(path.read_text(encoding="utf-8"))
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
    retweet = any(isinstance(r, dict) and r.get("type") == "retweeted" for r in references)
    author = post.get("author_id")
    handle = post.get("username") or (post.get("author") or {}).get("username") or users.get(author) or author
    return {
        "id": post.get("id"),
        "created_at": post.get("created_at"),
        "text": post.get("text"),
        "handle": handle,
        "is_retweet": retweet or str(post.get("text", "")).startswith("RT @"),
    }


def _read_parquet(path: Path) -> Iterator[tuple[Any, Any]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    columns = _columns(parquet.schema_arrow.names)
    if "text" not in columns or "created_at" not in columns:
        raise Malformed(f"parquet file has no text/date columns (found {', '.join(parquet.schema_arrow.names)})")
    default_handle = _handle_from_name(path)
    row = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=sorted(set(columns.values()))):
        for record in batch.to_pylist():
            yield f"row {row}", _tabular_post(record, columns, default_handle)
            row += 1


READERS = {
    "xarchive-js": _read_xarchive_js,
    "xarchive-zip": _read_xarchive_zip,
    "csv": _read_csv,
    "jsonl": _read_jsonl,
    "parquet": _read_parquet,
}


def write_xarchive_js(posts: Iterable[dict], path: Path | str, part: str = "tweets.part0") -> None:
    """Write posts in the X archive's ``tweets.js`` format (for the demo corpus and for tests).

    Each post needs ``id``, ``created_at`` (a datetime) and ``text``.
    """
    items = []
    for post in posts:
        created = pd.Timestamp(post["created_at"])
        created = created.tz_localize("UTC") if created.tz is None else created.tz_convert("UTC")
        items.append(
            {"tweet": {"id_str": str(post["id"]), "created_at": created.strftime(X_TIME_FORMAT), "full_text": post["text"]}}
        )
    body = json.dumps(items, indent=2, ensure_ascii=False)
    Path(path).write_text(f"window.YTD.{part} = {body}\n", encoding="utf-8")


def write_xarchive_account(username: str, path: Path | str) -> None:
    """Write an X archive's ``account.js`` naming the account's username."""
    body = json.dumps([{"account": {"username": username}}], indent=2)
    Path(path).write_text(f"window.YTD.account.part0 = {body}\n", encoding="utf-8")

