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

Whether an id is stored is answered by an index beside the parts (``tweets/_ids/``, which parquet
readers skip): each part's ids as a sorted ``.npy`` of int64 keys, merged now and then into
``merged.npz``. Checking a batch costs the same in an empty store and in one of millions of posts.
The index is only a cache of the parts: every file in it is written atomically after its part,
a part it does not cover (a run killed in between, a deleted ``_ids/``) is indexed again from the
part itself, and an index naming a part that is gone is not used.
"""

import hashlib
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock

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
INDEX_DIR = "_ids"  # the id index, inside the tweets folder ('_': parquet readers skip it)
MERGE_AT = 8  # per-part index files that trigger a merge, once they hold a quarter of the merged keys

_INT63 = (1 << 63) - 1
_DECIMAL_ID = r"^[1-9][0-9]{0,18}$"  # an X id: digits, no leading zero, below 10**19 (fits uint64)

if TYPE_CHECKING:  # imported where frames are made: cleaning reads the store without pandas
    import pandas as pd


def post_keys(ids: "Sequence[str] | pd.Series | pa.Array") -> np.ndarray:
    """One int64 key per post id: a decimal id up to 2**63 - 1 is itself, any other id a 63-bit hash.

    Hashed keys are negative, so they never equal an X id; two distinct non-numeric ids (Bluesky
    URIs, derived ids) share a key with a chance of about n**2 / 2**64, nil for any real corpus.

        >>> post_keys(["1288834974657", "at://did:plc:x/app.bsky.feed.post/1"])[0]
        np.int64(1288834974657)
    """
    strings = ids if isinstance(ids, pa.Array) else pa.array(ids, pa.string(), from_pandas=True)
    keys = np.zeros(len(strings), dtype=np.int64)
    decimal = pc.fill_null(pc.match_substring_regex(strings, _DECIMAL_ID), False).to_numpy(zero_copy_only=False)
    at = np.flatnonzero(decimal)
    values = pc.cast(pc.filter(strings, decimal), pa.uint64()).to_numpy(zero_copy_only=False)
    fits = values <= _INT63
    keys[at[fits]] = values[fits].astype(np.int64)
    hashed = np.concatenate([np.flatnonzero(~decimal), at[~fits]])
    for index, text in zip(hashed, strings.take(pa.array(hashed, pa.int64())).to_pylist(), strict=True):
        digest = hashlib.blake2b(str(text).encode("utf-8", "surrogatepass"), digest_size=8).digest()
        keys[index] = -1 - (int.from_bytes(digest, "big") & _INT63)
    return keys


def sorted_unique(keys: np.ndarray) -> np.ndarray:
    """The distinct keys, sorted (a radix sort: O(n) for int64, faster here than np.unique's hashing)."""
    keys = np.sort(np.asarray(keys, dtype=np.int64), kind="stable")
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


class KeySet:
    """A growing set of int64 keys kept as a few sorted arrays, each at least twice the next one's size.

    Adding and looking up cost O(log n) per key, whatever the set's size.

        >>> keys = KeySet()
        >>> keys.add(np.array([5, 3]))
        >>> keys.contains(np.array([3, 4])).tolist()
        [True, False]
    """

    def __init__(self, levels: Iterable[np.ndarray] = ()):
        self._levels: list[np.ndarray] = []
        for level in levels:
            self.add(level)

    def __len__(self) -> int:
        return sum(len(level) for level in self._levels)

    def add(self, keys: np.ndarray, presorted: bool = False) -> None:
        """Add keys; ``presorted``: they are sorted and distinct already (as merged.npz holds them)."""
        new = np.asarray(keys, dtype=np.int64) if presorted else sorted_unique(keys)
        if not len(new):
            return
        self._levels.append(new)
        while len(self._levels) > 1 and len(self._levels[-2]) <= 2 * len(self._levels[-1]):
            last = self._levels.pop()
            self._levels[-1] = sorted_unique(np.concatenate([self._levels[-1], last]))

    def contains(self, keys: np.ndarray) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.int64)
        found = np.zeros(len(keys), dtype=bool)
        for level in self._levels:
            at = np.minimum(np.searchsorted(level, keys), len(level) - 1)
            found |= level[at] == keys
        return found

    def sorted(self) -> np.ndarray:
        """Every key, sorted."""
        return sorted_unique(np.concatenate(self._levels)) if self._levels else np.zeros(0, np.int64)


class TweetStore:
    """Append-only, de-duplicated post storage for one side (``DATA/SIDE/tweets``)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._keys: KeySet | None = None  # the keys of every part in self._indexed
        self._indexed: set[str] = set()  # names of the part files whose ids are in self._keys
        self._per_part: dict[str, int] = {}  # indexed parts not in merged.npz -> their number of keys

    @property
    def index_dir(self) -> Path:
        return self.path / INDEX_DIR

    def parts(self) -> list[Path]:
        """The part files, oldest first (their names are unique and never reused)."""
        if not self.path.is_dir():
            return []
        return sorted(self.path.glob("part-*.parquet"))

    def contains(self, ids: "Sequence[str] | pd.Series") -> np.ndarray:
        """For each id, whether it is stored (as of now: parts other processes wrote included)."""
        with self._lock():
            return self._sync().contains(post_keys(ids))

    def __len__(self) -> int:
        """How many posts are stored, from the part files' footers (each id is in one part, once)."""
        return sum(pq.read_metadata(part).num_rows for part in self.parts())

    def _lock(self) -> FileLock:
        # One writer at a time per side, across processes: two scrapes of one side must not race.
        self.path.mkdir(parents=True, exist_ok=True)
        return FileLock(self.path / ".lock")

    def _sync(self) -> KeySet:
        """Bring the keys up to date with the part files on disk (call with the lock held)."""
        parts = {part.name: part for part in self.parts()}
        if self._keys is None or not self._indexed <= parts.keys():  # first use, or a part was deleted
            self._keys, self._indexed, self._per_part = KeySet(), set(), {}
            merged = self._read_merged(parts)
            if merged is not None:
                self._keys.add(merged[0], presorted=True)
                self._indexed = merged[1]
        new = [name for name in parts if name not in self._indexed]
        if new:
            loaded = {name: self._part_keys(parts[name]) for name in new}
            self._keys.add(np.concatenate(list(loaded.values())))
            self._indexed.update(new)
            self._per_part.update((name, len(keys)) for name, keys in loaded.items())
        return self._keys

    def _read_merged(self, parts: dict[str, Path]) -> tuple[np.ndarray, set[str]] | None:
        path = self.index_dir / "merged.npz"
        try:
            with np.load(path) as merged:
                keys, covered = merged["keys"], set(merged["parts"].tolist())
        except (OSError, ValueError, KeyError):  # none yet, or unreadable: the parts say it all
            return None
        return (keys, covered) if covered <= parts.keys() else None  # stale if a covered part is gone

    def _part_keys(self, part: Path) -> np.ndarray:
        sidecar = self.index_dir / f"{part.stem}.npy"
        try:
            return np.load(sidecar)
        except (OSError, ValueError):  # missing (killed before it was written) or unreadable: rebuild
            keys = sorted_unique(post_keys(pq.read_table(part, columns=["id"]).column("id").combine_chunks()))
            self._write_part_keys(part.name, keys)
            return keys

    def _write_part_keys(self, part_name: str, keys: np.ndarray) -> None:
        self.index_dir.mkdir(exist_ok=True)
        with atomic_path(self.index_dir / f"{Path(part_name).stem}.npy", durable=False) as tmp:
            with open(tmp, "wb") as handle:
                np.save(handle, keys)

    def _merge_if_due(self) -> None:
        """Fold the per-part index files into merged.npz when they are many and hold a quarter of the keys.

        Each key is rewritten O(log n) times over the store's life, and a new process loads a few files.
        """
        per_part = sum(self._per_part.values())
        if len(self._per_part) < MERGE_AT or per_part * 4 < len(self._keys) - per_part:
            return
        with atomic_path(self.index_dir / "merged.npz", durable=False) as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, keys=self._keys.sorted(), parts=np.array(sorted(self._indexed)))
        for name in self._per_part:
            (self.index_dir / f"{Path(name).stem}.npy").unlink(missing_ok=True)
        self._per_part = {}

    def append(self, posts: "Iterable[Mapping] | pd.DataFrame | pa.Table", keys: np.ndarray | None = None) -> int:
        """Store the posts whose ids are new; return how many were written.

        ``posts``: mappings, a DataFrame, or an Arrow table with SCHEMA's columns; ``keys``: the
        posts' :func:`post_keys`, when the caller has them already.
        """
        import pandas as pd

        if isinstance(posts, pa.Table):
            table = posts.select(SCHEMA.names).cast(SCHEMA)
        else:
            frame = posts if isinstance(posts, pd.DataFrame) else pd.DataFrame(list(posts))
            missing = [c for c in REQUIRED if c not in frame.columns]
            if missing and not frame.empty:
                raise ValueError(f"posts lack required columns {missing}")
            table = to_table(frame.assign(id=frame["id"].astype(str))) if not frame.empty else SCHEMA.empty_table()
        if not len(table):
            return 0
        keys = post_keys(table.column("id").combine_chunks()) if keys is None else np.asarray(keys, dtype=np.int64)
        with self._lock():
            known = self._sync()  # another process may have appended since we last looked
            new = ~known.contains(keys) & ~pd.Series(keys).duplicated().to_numpy()
            if not new.any():
                return 0
            table, keys = table.filter(pa.array(new)), keys[new]
            name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"
            with atomic_path(self.path / name) as tmp:
                pq.write_table(table, tmp)
            self._write_part_keys(name, sorted_unique(keys))
            known.add(keys)
            self._indexed.add(name)
            self._per_part[name] = len(keys)
            self._merge_if_due()
        return len(table)

    def create(self) -> None:
        """Make sure the dataset exists: with no part yet, write one empty part with the schema.

        Then ``pandas.read_parquet(DATA/SIDE/tweets)`` finds the columns even when a download
        found no posts at all.
        """
        with self._lock():
            if self.parts():
                return
            name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"
            with atomic_path(self.path / name) as tmp:
                pq.write_table(SCHEMA.empty_table(), tmp)
            self._write_part_keys(name, np.empty(0, dtype=np.int64))

    def read(self, columns: list[str] | None = None) -> "pd.DataFrame":
        """All stored posts as a DataFrame (empty, with the schema's columns, when none)."""
        parts = self.parts()
        if not parts:
            return SCHEMA.empty_table().to_pandas()[columns or SCHEMA.names]
        import pyarrow.dataset as ds

        return ds.dataset(parts, format="parquet", schema=SCHEMA).to_table(columns=columns).to_pandas()

    def iter_batches(self, columns: list[str] | None = None, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        """Stream the posts in record batches, so memory stays flat whatever the corpus size.

        One part file after the other: a scan over the whole dataset reads ahead across files as
        fast as it can, so a slower consumer would let read-ahead grow with the corpus.
        """
        wanted = SCHEMA if columns is None else pa.schema([SCHEMA.field(name) for name in columns])
        for part in self.parts():
            # pq.ParquetFile, not pyarrow.dataset: importing the latter imports pandas, a tenth of a clean's start
            with pq.ParquetFile(part) as reader:
                complete = set(wanted.names) <= set(reader.schema_arrow.names)
                for batch in reader.iter_batches(batch_size=batch_size, columns=wanted.names) if complete else ():
                    yield batch if batch.schema.equals(wanted) else batch.select(wanted.names).cast(wanted)
            if not complete:  # a part lacking a column (an older botbaby's): the dataset reads it as nulls
                import pyarrow.dataset as ds

                yield from ds.dataset([part], format="parquet", schema=SCHEMA).to_batches(
                    columns=wanted.names, batch_size=batch_size, batch_readahead=1, fragment_readahead=1
                )


def to_table(frame: "pd.DataFrame") -> pa.Table:
    """Coerce a DataFrame of posts to SCHEMA (missing optional columns become nulls)."""
    import pandas as pd

    columns = {}
    for field in SCHEMA:
        if field.name not in frame.columns:
            columns[field.name] = pa.nulls(len(frame), field.type)
        elif field.name == "created_at":
            columns[field.name] = pa.array(pd.to_datetime(frame["created_at"], utc=True), field.type)
        else:
            columns[field.name] = pa.array(frame[field.name], field.type, from_pandas=True)
    return pa.table(columns, schema=SCHEMA)
