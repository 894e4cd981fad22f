"""The local cache backend: answers to known prompts in SQLite, with atomic visit counters.

    >>> import tempfile, pathlib
    >>> from botbaby.contract import MAX_FEEDBACK_CHARS, GenerateRequest, Post  # noqa: F401 -- MAX_FEEDBACK_CHARS: its old home
    >>> cache = SqliteCache(pathlib.Path(tempfile.mkdtemp()) / "serve.sqlite")
    >>> request = GenerateRequest("left", "Fuel prices")
    >>> cache.lookup(request.key) is None
    True
    >>> cache.store(request, [Post("Fuel prices are up again.", "NEGATIVE", 0.8)])
    >>> cache.lookup(GenerateRequest("left", "fuel PRICES").key)[0].text
    'Fuel prices are up again.'
    >>> cache.popular()
    [{'model': 'left', 'prompt': 'Fuel prices', 'visits': 1}]
    >>> cache.prompts(prefix="fu")
    ['Fuel prices']

It lives in ``DATA/serve.sqlite`` (``Layout.serve_db``), so answers survive a restart. An answer
never changes once stored, so a known prompt is answered from memory; its visit is added to an
in-memory tally under a lock (no visit is lost to a race) and ``flush`` adds the tallies to the
counters on disk in one transaction (``botbaby serve`` flushes every second and when it stops; the
reads that rank by visits flush first). A server killed outright loses at most the last second's
visit counts, never an answer. The DynamoDB backend (``botbaby.deploy.aws``) implements the same
``Cache`` port.
"""

import json
import threading
import time
from pathlib import Path
from typing import Any

from botbaby.contract import GenerateRequest, Post
from botbaby.serve._db import Database

_MEMO_SIZE = 4096  # parsed answers kept in memory (an answer never changes once stored)


def _like_prefix(prefix: str) -> str:
    """A LIKE pattern matching strings that start with ``prefix`` literally ('%' and '_' included)."""
    escaped = prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


class SqliteCache:
    """The ``Cache`` port on a SQLite file; thread-safe (one connection per thread)."""

    def __init__(self, db: Database | Path | str) -> None:
        self.db = db if isinstance(db, Database) else Database(db)
        self._memo: dict[str, list[Post]] = {}
        self._memo_lock = threading.Lock()
        self._tally: dict[str, int] = {}  # visits not yet added to the counters on disk
        self._tally_lock = threading.Lock()

    def _posts(self, key: str, body: str) -> list[Post]:
        posts = self._memo.get(key)
        if posts is None:
            posts = [Post.from_dict(item) for item in json.loads(body)]
            with self._memo_lock:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                self._memo[key] = posts
        return posts

    def lookup(self, key: str) -> list[Post] | None:
        """The cached ranked posts for ``key`` (counting one visit, atomically), or None."""
        posts = self._memo.get(key) or self.peek(key)
        if posts is not None:
            self._count(key)
        return posts

    def cached(self, key: str) -> list[Post] | None:
        """``lookup`` from memory only (no SQLite: safe on the event loop), or None when not in memory."""
        posts = self._memo.get(key)
        if posts is not None:
            self._count(key)
        return posts

    def _count(self, key: str) -> None:
        with self._tally_lock:
            self._tally[key] = self._tally.get(key, 0) + 1

    def peek(self, key: str) -> list[Post] | None:
        """The cached ranked posts for ``key`` without counting a visit, or None."""
        posts = self._memo.get(key)
        if posts is not None:
            return posts
        row = self.db.connection().execute("SELECT posts FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else self._posts(key, row[0])

    def settled(self, key: str) -> bool:
        """Whether ``key`` has an answer or its job failed for good."""
        if key in self._memo:
            return True
        row = self.db.connection().execute(
            "SELECT EXISTS (SELECT 1 FROM answers WHERE key = ?1)"
            " OR EXISTS (SELECT 1 FROM jobs WHERE key = ?1 AND state = 'dead')", (key,)
        ).fetchone()
        return bool(row[0])

    def failure(self, key: str) -> dict[str, Any] | None:
        """``{"error", "attempts"}`` when the job for ``key`` is dead (the queue's table), else None."""
        row = self.db.connection().execute(
            "SELECT error, attempts FROM jobs WHERE key = ? AND state = 'dead'", (key,)
        ).fetchone()
        return None if row is None else {"error": row[0] or "generation failed", "attempts": row[1]}

    def clear_failure(self, key: str) -> str:
        """Forget a dead job, so that submitting it again starts afresh; "" (the local queue needs no token)."""
        self.db.connection().execute("DELETE FROM jobs WHERE key = ? AND state = 'dead'", (key,))
        return ""

    def flush(self) -> int:
        """Add the visits counted since the last flush to the counters on disk; return how many."""
        with self._tally_lock:
            tally, self._tally = self._tally, {}
        if tally:
            now = time.time()
            conn = self.db.connection()
            with conn:  # one transaction: the counters move together
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("UPDATE answers SET visits = visits + ?, last_visit = ? WHERE key = ?",
                                 [(count, now, key) for key, count in tally.items()])
        return sum(tally.values())

    def close(self) -> None:
        """Flush the visit counts and close the database."""
        self.flush()
        self.db.close()

    def visits(self, key: str) -> int:
        """How often ``key`` was looked up (0 when unknown)."""
        self.flush()
        row = self.db.connection().execute("SELECT visits FROM answers WHERE key = ?", (key,)).fetchone()
        return 0 if row is None else row[0]

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        """Remember the answer to ``request`` (a second store of the same key keeps the first)."""
        self.db.connection().execute(
            "INSERT INTO answers (key, side, prompt, prompt_lower, settings, posts, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (
                request.key,
                request.side,
                request.prompt,
                request.prompt.lower(),
                json.dumps(request.settings.to_dict(), sort_keys=True),
                json.dumps([post.to_dict() for post in posts], ensure_ascii=False),
                time.time(),
            ),
        )

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        """Known prompts (for autocomplete), most visited first, each once whatever its case or settings."""
        self.flush()
        rows = self.db.connection().execute(
            "SELECT MIN(prompt), SUM(visits) AS total FROM answers"
            " WHERE (?1 IS NULL OR side = ?1) AND prompt_lower LIKE ?2 ESCAPE '\\'"
            " GROUP BY prompt_lower ORDER BY total DESC, MIN(created_at) LIMIT ?3",
            (side, _like_prefix(prefix), limit),
        )
        return [row[0] for row in rows]

    def popular(self, limit: int = 10) -> list[dict]:
        """The most visited requests: ``{"model", "prompt", "visits"}`` dicts, unvisited ones left out."""
        self.flush()
        rows = self.db.connection().execute(
            "SELECT side, prompt, visits FROM answers WHERE visits > 0 ORDER BY visits DESC, created_at LIMIT ?",
            (limit,),
        )
        return [{"model": side, "prompt": prompt, "visits": visits} for side, prompt, visits in rows]


class SqliteFeedback:
    """The ``FeedbackLog`` port on the server's SQLite file."""

    def __init__(self, db: Database | Path | str) -> None:
        self.db = db if isinstance(db, Database) else Database(db)

    def add(self, feedback: dict[str, Any]) -> str:
        """Store a visitor's feedback (``contract.parse_feedback``'s dict); return its id."""
        cursor = self.db.connection().execute(
            "INSERT INTO feedback (created_at, model, prompt, rating, message) VALUES (?, ?, ?, ?, ?)",
            (time.time(), feedback.get("model"), feedback.get("prompt"), feedback.get("rating"), feedback["message"]),
        )
        return str(cursor.lastrowid)

    def all(self) -> list[dict[str, Any]]:
        """All stored feedback, oldest first."""
        rows = self.db.connection().execute(
            "SELECT id, created_at, model, prompt, rating, message FROM feedback ORDER BY id"
        )
        names = ("id", "created_at", "model", "prompt", "rating", "message")
        return [dict(zip(names, row, strict=True)) for row in rows]
