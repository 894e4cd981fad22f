"""Atomic file writes: a reader (or a resumed run) sees the old file or the new one, never half.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "stats.json"
    >>> atomic_write_text(path, "{}")
    >>> path.read_text()
    '{}'

Files and folders are created with the permissions any other program would give them (0666 or
0777 less the umask), not ``tempfile``'s owner-only 0600/0700, so a data folder shared with a group
or a web server stays readable.

Also ``read_handles``: the account lists the stages hand on to each other (leaders.csv, accounts.csv);
and ``state_db``: the SQLite file in which a resumable download keeps its progress.
"""

import contextlib
import csv
import os
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from botbaby.errors import BotbabyError


@contextlib.contextmanager
def atomic_path(path: Path, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only if the block succeeds.

    ``durable=False`` skips the fsync: for caches that are rebuilt when a power cut leaves them broken.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = _new_name(path.parent, f".{path.name}.", ".tmp", lambda name: os.close(_create(name)))
    try:
        yield tmp_path
        if durable:
            with open(tmp_path, "rb+") as handle:
                os.fsync(handle.fileno())
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def temp_dir(parent: Path, prefix: str) -> Path:
    """A new empty folder in ``parent`` (made if missing) to build something in before renaming it into place."""
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    return _new_name(parent, prefix, "", os.mkdir)


def _create(name: Path) -> int:
    # O_EXCL: never reuse a name; 0o666: the umask decides, as for any file a program creates.
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)


def _new_name(folder: Path, prefix: str, suffix: str, make) -> Path:
    """Create a file or folder with an unused random name in ``folder`` with ``make(path)``; return its path."""
    for _ in range(100):
        candidate = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            make(candidate)
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(f"no unused temporary name in {folder}")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def state_db(path: Path, schema: str) -> Iterator[sqlite3.Connection]:
    """Open a download's progress database (created with ``schema`` if new), and close it afterwards.

    WAL mode, autocommit (callers write in explicit transactions), ``synchronous=NORMAL``: a killed
    process loses nothing it committed; a power cut may lose the last commits, which the resumed
    download fetches again (posts and followers are stored once whatever is fetched twice).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(schema)
        yield db


def read_handles(path: Path, missing: str) -> list[str]:
    """The ``handle`` column of a CSV file, in file order, without '@' and blank cells.

    ``missing`` is the error raised when the file does not exist (it says which stage writes it).
    Cells are taken as written: an X account called ``null`` or ``NA`` stays an account.

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "accounts.csv"
        >>> _ = path.write_text("handle,leaders_followed\\n@alice,3\\n,1\\nnull,2\\n")
        >>> read_handles(path, missing="run rank first")
        ['alice', 'null']
    """
    return [row["handle"] for row in read_accounts(path, missing)]


def read_accounts(path: Path, missing: str) -> list[dict[str, str]]:
    """The rows of an account list (leaders.csv, accounts.csv) with a non-blank ``handle``, in file order.

    Each row maps column to cell, stripped; the handle without '@'; ``id`` is ``""`` when the file
    has no such column (a list written by hand). Cells are taken as written, never as missing values.

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "accounts.csv"
        >>> _ = path.write_text("handle,id,leaders_followed\\nhandle.invalid,did:plc:a,3\\nhandle.invalid,did:plc:b,2\\n")
        >>> [(row["handle"], row["id"]) for row in read_accounts(path, missing="run rank first")]
        [('handle.invalid', 'did:plc:a'), ('handle.invalid', 'did:plc:b')]
    """
    path = Path(path)
    if not path.is_file():
        raise BotbabyError(missing)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "handle" not in (reader.fieldnames or []):
                raise BotbabyError(f"{path} has no 'handle' column: write a CSV file whose header row names one")
            rows = []
            for row in reader:
                cells = {key: (value or "").strip() for key, value in row.items() if key is not None}
                cells["handle"] = cells["handle"].lstrip("@")
                cells.setdefault("id", "")
                if cells["handle"]:
                    rows.append(cells)
            return rows
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BotbabyError(f"{path} is not a readable UTF-8 CSV file ({exc}): write it again, or delete it "
                           "and rerun the stage that writes it") from None
