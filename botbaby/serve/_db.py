"""One SQLite file shared by the cache, the feedback log and the job queue, one connection per thread.

    >>> import tempfile, pathlib
    >>> db = Database(pathlib.Path(tempfile.mkdtemp()) / "serve.sqlite")
    >>> db.connection().execute("PRAGMA journal_mode").fetchone()[0]
    'wal'
    >>> db.close()

WAL mode lets the event loop read while a worker thread writes; ``synchronous=NORMAL`` makes a
commit a write to the log without an fsync (a power cut may lose the last commits, never corrupt).
Each thread gets its own connection because a sqlite3 connection must not be shared by threads
that use it at the same time.
"""

import sqlite3
import threading
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,          -- GenerateRequest.key
    side TEXT NOT NULL,
    prompt TEXT NOT NULL,          -- as first asked (normalised, case kept)
    prompt_lower TEXT NOT NULL,    -- for prefix search
    settings TEXT NOT NULL,        -- SampleSettings as JSON
    posts TEXT NOT NULL,           -- the ranked posts as a JSON list of {text, sentiment, score}
    visits INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    last_visit REAL                -- the eviction order (the answer's creation until its first visit)
);
CREATE INDEX IF NOT EXISTS answers_by_visits ON answers (visits DESC);
CREATE INDEX IF NOT EXISTS answers_by_prompt ON answers (side, prompt_lower);
CREATE INDEX IF NOT EXISTS answers_by_last_visit ON answers (last_visit);
CREATE TABLE IF NOT EXISTS prompts (   -- one row per side and prompt whatever its settings: autocomplete's index
    side TEXT NOT NULL,
    prompt_lower TEXT NOT NULL,
    prompt TEXT NOT NULL,          -- as first asked
    visits INTEGER NOT NULL DEFAULT 0,
    clients INTEGER NOT NULL DEFAULT 0,  -- distinct clients that asked it, counted until it is shown
    shown INTEGER NOT NULL DEFAULT 0,    -- 1: asked by enough distinct clients, or curated (DATA/popular.json)
    PRIMARY KEY (side, prompt_lower)
) WITHOUT ROWID;
-- both cover what autocomplete reads (a WITHOUT ROWID index also holds the key: side, prompt_lower)
CREATE INDEX IF NOT EXISTS prompts_by_prefix ON prompts (shown, prompt_lower, visits, prompt);
CREATE INDEX IF NOT EXISTS prompts_by_visits ON prompts (shown, visits DESC, prompt_lower, prompt);
CREATE TABLE IF NOT EXISTS prompt_clients (  -- who asked a prompt not yet shown (a hash of the address)
    side TEXT NOT NULL,
    prompt_lower TEXT NOT NULL,
    client TEXT NOT NULL,
    PRIMARY KEY (side, prompt_lower, client)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    model TEXT,
    prompt TEXT,
    rating INTEGER,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    key TEXT PRIMARY KEY,          -- GenerateRequest.key: identical requests are one job
    side TEXT NOT NULL,
    request TEXT NOT NULL,         -- GenerateRequest.to_dict() as JSON
    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'dead')),
    seq INTEGER NOT NULL,          -- FIFO order
    attempts INTEGER NOT NULL DEFAULT 0,
    receipt TEXT,                  -- the token of the worker holding it (state 'running')
    error TEXT,                    -- the last failure
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_fifo ON jobs (side, state, seq);
"""


class Database:
    """A SQLite file in WAL mode, with one autocommit connection per thread."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.connection().executescript(SCHEMA)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        """Close every thread's connection (call once, when nothing uses the database any more)."""
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
