"""A side's posts: an append-only parquet dataset where every post id is stored once.

    >>> import tempfile
    >>> store = TweetStore(tempfile.mkdtemp())
    >>> store.append([{"id": "1", "handle": "a", "created_at": "2014-05-16T10:00:00Z", "text": "hi"}])
    1
    >>> store.append([{"id": "1", "handle": "a", "created_at": "2014-05-16T10:00:00Z", "text": "hi"}])
    0
    >>> len(store.read())
    1

``pandas.read_parquet(DATA/SIDE/tweets)`` reads the same data. Each append writes one new part
file atomically (temporary name, then rename), so a killed run leaves either the whole batch or
none of it, and re-appending what was already stored writes nothing.
"""

import fcntl
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from botbaby.io import atomic_path

# The columns every part file has, in this order. Optional columns may be missing from input
# and are stored as nulls; unknown input columns are dropped.
SCHEMA = pa.schema(
    [
        ("id", pa.string()),  # the source's post id (X: numeric string; Bluesky: at:// URI)
        ("handle", pa.string()),  # author handle, without '@'
        ("created_at", pa.timestamp("us", tz="UTC")),
        ("text", pa.string()),  # the post as the source gave it, uncleaned
        ("is_retweet", pa.bool_()),  # a repost of someone else's post (null when unknown)
        ("source", pa.string()),  # which adapter fetched it: archive, x, bluesky, getoldtweets3
    ]
)
REQUIRED = ("id", "handle", "created_at", "text")


class TweetStore:
    """Append-only, de-duplicated post storage for one side (``DATA/SIDE/tweets``)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._ids: set[str] | None = None
        self._read_parts: set[str] = set()  # part files whose ids are in self._ids

    def parts(self) -> list[Path]:
        """The part files, oldest first (their names are unique and never reused)."""
        if not self.path.is_dir():
            return []
        return sorted(self.path.glob("part-*.parquet"))

    def ids(self) -> set[str]:
        """Every stored post id (read once, then kept up to date by ``append``)."""
        if self._ids is None:
            self._ids = set()
            self._read_parts = set()
            self._read_new_ids()
        return self._ids

    def _read_new_ids(self) -> None:
        # Parts are never rewritten, so only parts written since (e.g. by another process) are read:
        # a long scrape appending thousands of times does not re-read everything each time.
        new = [p for p in self.parts() if p.name not in self._read_parts]
        if new:
            column = ds.dataset(new, format="parquet").to_table(columns=["id"]).column("id")
            self._ids.update(column.to_pylist())
            self._read_parts.update(p.name for p in new)

    def __len__(self) -> int:
        """How many posts are stored, from the part files' footers (each id is in one part, once)."""
        return sum(pq.read_metadata(part).num_rows for part in self.parts())

    @contextmanager
    def _lock(self) -> Iterator[None]:
        # One writer at a time per side, across processes: two scrapes of one side must not race.
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def append(self, posts: Iterable[Mapping] | pd.DataFrame) -> int:
        """Store the posts whose ids are new; return how many were written."""
        frame = posts if isinstance(posts, pd.DataFrame) else pd.DataFrame(list(posts))
        if frame.empty:
            return 0
        missing = [c for c in REQUIRED if c not in frame.columns]
        if missing:
            raise ValueError(f"posts lack required columns {missing}")
        frame = frame.assign(id=frame["id"].astype(str))
        with self._lock():
            known = self.ids()
            self._read_new_ids()  # another process may have appended since we last looked
            frame = frame[~frame["id"].isin(known)].drop_duplicates("id")
            if frame.empty:
                return 0
            table = to_table(frame)
            name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"
            with atomic_path(self.path / name) as tmp:
                pq.write_table(table, tmp)
            known.update(frame["id"])
            self._read_parts.add(name)
        return len(frame)

    def read(self, columns: list[str] | None = None) -> pd.DataFrame:
        """All stored posts as a DataFrame (empty, with the schema's columns, when none)."""
        parts = self.parts()
        if not parts:
            return SCHEMA.empty_table().to_pandas()[columns or SCHEMA.names]
        return ds.dataset(parts, format="parquet", schema=SCHEMA).to_table(columns=columns).to_pandas()

    def iter_batches(self, columns: list[str] | None = None, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        """Stream the posts in record batches, so memory stays flat whatever the corpus size.

        One part file after the other: a scan over the whole dataset reads ahead across files as
        fast as it can, so a slower consumer would let read-ahead grow with the corpus.
        """
        for part in self.parts():
            fragment = ds.dataset([part], format="parquet", schema=SCHEMA)
            yield from fragment.to_batches(
                columns=columns, batch_size=batch_size, batch_readahead=1, fragment_readahead=1
            )


def to_table(frame: pd.DataFrame) -> pa.Table:
    """Coerce a DataFrame of posts to SCHEMA (missing optional columns become nulls)."""
    columns = {}
    for field in SCHEMA:
        if field.name not in frame.columns:
            columns[field.name] = pa.nulls(len(frame), field.type)
        elif field.name == "created_at":
            columns[field.name] = pa.array(pd.to_datetime(frame["created_at"], utc=True), field.type)
        else:
            columns[field.name] = pa.array(frame[field.name], field.type, from_pandas=True)
    return pa.table(columns, schema=SCHEMA)
