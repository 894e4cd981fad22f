"""The local cache backend: answers to known prompts in SQLite, with visit counters and eviction.

    >>> import tempfile, pathlib
    >>> from botbaby.contract import GenerateRequest, Post
    >>> cache = SqliteCache(pathlib.Path(tempfile.mkdtemp()) / "serve.sqlite", popular_clients=2)
    >>> request = GenerateRequest("left", "Fuel prices")
    >>> cache.lookup(request.key) is None
    True
    >>> cache.store(request, [Post("Fuel prices are up again.", "NEGATIVE", 0.8)])
    >>> cache.lookup(GenerateRequest("left", "fuel PRICES").key, client="10.0.0.1")[0].text
    'Fuel prices are up again.'
    >>> cache.popular(), cache.prompts(prefix="fu")     # one client asked it: not shown to everyone yet
    ([], [])
    >>> _ = cache.lookup(request.key, client="10.0.0.2")
    >>> cache.popular(), cache.prompts(prefix="fu")
    ([{'model': 'left', 'prompt': 'Fuel prices', 'visits': 2}], ['Fuel prices'])

It lives in ``DATA/serve.sqlite`` (``Layout.serve_db``), so answers survive a restart. An answer
never changes once stored, so a known prompt is answered from memory; its visit (and who asked,
as a hash of the address) is added to an in-memory tally under a lock and ``flush`` adds the
tallies to the counters on disk in one transaction (``botbaby serve`` flushes every second and when
it stops; a failed flush keeps its tallies for the next). A server killed outright loses at most
the last second's visit counts, never an answer.

Autocomplete (``prompts``) reads its own index, one row per side and prompt (``prompts`` table),
never the answers: a prefix range on ``(shown, prompt_lower)``, or, when the prefix matches many
prompts, the most visited first on ``(shown, visits)`` until enough match. A prompt is shown in
autocomplete and Popular only once ``popular_clients`` different clients asked it, or when it is
curated (``DATA/popular.json``, a JSON list of prompts). At most ``max_answers`` answers are kept:
beyond that the least recently visited go. The DynamoDB backend (``botbaby.deploy.aws``)
implements the same ``Cache`` port.
"""

import hashlib
import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

from botbaby.contract import GenerateRequest, Post
from botbaby.serve._db import Database

log = logging.getLogger(__name__)

_MEMO_SIZE = 4096  # parsed answers kept in memory (an answer never changes once stored)
# A prefix matching more shown prompts than this is answered from the by-visits index: about the square root
# of (prompts x 24 wanted) at a million answers, so neither way reads more than a few thousand entries.
_DENSE_PREFIX = 2000
_LAST = "\U0010ffff"  # the highest code point: prefix <= text < prefix + _LAST holds the texts starting with prefix


def client_id(address: str) -> str:
    """What is stored of a client's address: a short hash (enough to count distinct clients)."""
    return hashlib.sha256(address.encode()).hexdigest()[:16]


class SqliteCache:
    """The ``Cache`` port on a SQLite file; thread-safe (one connection per thread)."""

    def __init__(self, db: Database | Path | str, max_answers: int = 200_000, popular_clients: int = 1,
                 curated: list[str] | None = None) -> None:
        """
        Args:
            db: the server's database (or its path).
            max_answers: answers kept; storing more evicts the least recently visited ones.
            popular_clients: distinct clients that must ask a prompt before autocomplete and Popular show it.
            curated: prompts shown from the start, whoever asked them (DATA/popular.json).
        """
        self.db = db if isinstance(db, Database) else Database(db)
        self.max_answers = max_answers
        self.popular_clients = popular_clients
        self._memo: dict[str, list[Post]] = {}
        self._memo_lock = threading.Lock()
        self._tally: dict[str, int] = {}  # visits not yet added to the counters on disk
        self._askers: dict[str, set[str]] = {}  # clients not yet recorded, by answer key
        self._tally_lock = threading.Lock()
        conn = self.db.connection()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("SELECT NOT EXISTS (SELECT 1 FROM prompts)").fetchone()[0]:  # a file from before the index
                conn.execute("INSERT OR IGNORE INTO prompts (side, prompt_lower, prompt, visits)"
                             " SELECT side, prompt_lower, MIN(prompt), SUM(visits) FROM answers GROUP BY 1, 2")
            conn.execute("UPDATE prompts SET shown = 1 WHERE clients >= ? AND shown = 0", (popular_clients,))
            for prompt in curated or []:
                conn.execute("INSERT INTO prompts (side, prompt_lower, prompt, shown) VALUES ('', ?, ?, 1)"
                             " ON CONFLICT DO UPDATE SET shown = 1", (prompt.lower(), prompt))
        self._count = conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        self._count_lock = threading.Lock()

    def _posts(self, key: str, body: str) -> list[Post]:
        posts = self._memo.get(key)
        if posts is None:
            posts = [Post.from_dict(item) for item in json.loads(body)]
            with self._memo_lock:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                self._memo[key] = posts
        return posts

    def lookup(self, key: str, client: str = "") -> list[Post] | None:
        """The cached ranked posts for ``key`` (counting one visit by ``client``, an address), or None."""
        posts = self._memo.get(key) or self.peek(key)
        if posts is not None:
            self._visit(key, client)
        return posts

    def cached(self, key: str, client: str = "") -> list[Post] | None:
        """``lookup`` from memory only (no SQLite: safe on the event loop), or None when not in memory."""
        posts = self._memo.get(key)
        if posts is not None:
            self._visit(key, client)
        return posts

    def _visit(self, key: str, client: str) -> None:
        with self._tally_lock:
            self._tally[key] = self._tally.get(key, 0) + 1
            self._askers.setdefault(key, set()).add(client)  # "" (no address known) counts as one client

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
        """Add the visits (and new askers) counted since the last flush to disk; return how many visits.

        If the write fails (disk full, database locked too long), the tallies are kept for the next flush.
        """
        with self._tally_lock:
            tally, self._tally = self._tally, {}
            askers, self._askers = self._askers, {}
        if not tally:
            return 0
        try:
            self._write_visits(tally, askers)
        except BaseException:
            with self._tally_lock:
                for key, count in tally.items():
                    self._tally[key] = self._tally.get(key, 0) + count
                for key, clients in askers.items():
                    self._askers.setdefault(key, set()).update(clients)
            raise
        return sum(tally.values())

    def _write_visits(self, tally: dict[str, int], askers: dict[str, set[str]]) -> None:
        now = time.time()
        conn = self.db.connection()
        with conn:  # one transaction: the counters move together
            conn.execute("BEGIN IMMEDIATE")
            for key, count in tally.items():
                row = conn.execute("UPDATE answers SET visits = visits + ?, last_visit = ? WHERE key = ?"
                                   " RETURNING side, prompt_lower", (count, now, key)).fetchone()
                if row is None:  # evicted meanwhile
                    continue
                conn.execute("UPDATE prompts SET visits = visits + ? WHERE side = ? AND prompt_lower = ?",
                             (count, *row))
                for client in askers.get(key, ()):
                    self._record_asker(conn, *row, client_id(client))

    def _record_asker(self, conn, side: str, prompt_lower: str, client: str) -> None:
        """Count ``client`` among the prompt's askers; show the prompt once enough different ones asked."""
        shown = conn.execute("SELECT shown FROM prompts WHERE side = ? AND prompt_lower = ?",
                             (side, prompt_lower)).fetchone()
        if shown is None or shown[0]:
            return
        added = conn.execute("INSERT OR IGNORE INTO prompt_clients VALUES (?, ?, ?)",
                             (side, prompt_lower, client)).rowcount
        if added:
            conn.execute("UPDATE prompts SET clients = clients + 1, shown = (clients + 1 >= ?)"
                         " WHERE side = ? AND prompt_lower = ?", (self.popular_clients, side, prompt_lower))
            conn.execute("DELETE FROM prompt_clients WHERE side = ? AND prompt_lower = ? AND"
                         " (SELECT shown FROM prompts WHERE side = ?1 AND prompt_lower = ?2)", (side, prompt_lower))

    def close(self) -> None:
        """Flush the visit counts and close the database."""
        try:
            self.flush()
        finally:
            self.db.close()

    def visits(self, key: str) -> int:
        """How often ``key`` was looked up (0 when unknown)."""
        self.flush()
        row = self.db.connection().execute("SELECT visits FROM answers WHERE key = ?", (key,)).fetchone()
        return 0 if row is None else row[0]

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        """Remember the answer to ``request`` (a second store of the same key keeps the first); evict the least
        recently visited answers beyond ``max_answers``."""
        if not posts:
            raise ValueError("an empty answer is never cached")
        now = time.time()
        lower = request.prompt.lower()
        conn = self.db.connection()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            added = conn.execute(
                "INSERT INTO answers (key, side, prompt, prompt_lower, settings, posts, created_at, last_visit)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                (request.key, request.side, request.prompt, lower,
                 json.dumps(request.settings.to_dict(), sort_keys=True),
                 json.dumps([post.to_dict() for post in posts], ensure_ascii=False), now, now),
            ).rowcount
            conn.execute("INSERT INTO prompts (side, prompt_lower, prompt) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         (request.side, lower, request.prompt))
        if added:
            with self._count_lock:
                self._count += 1
                excess = self._count - self.max_answers
            if excess > 0:
                self.evict(max(excess, self.max_answers // 100))

    def evict(self, count: int) -> int:
        """Drop the ``count`` least recently visited answers (and their prompts once no answer is left)."""
        conn = self.db.connection()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            gone = conn.execute(
                "DELETE FROM answers WHERE key IN (SELECT key FROM answers ORDER BY last_visit LIMIT ?)"
                " RETURNING key, side, prompt_lower", (count,)).fetchall()
            for side, lower in {(side, lower) for _, side, lower in gone}:
                conn.execute("DELETE FROM prompts WHERE side = ?1 AND prompt_lower = ?2 AND NOT EXISTS"
                             " (SELECT 1 FROM answers WHERE side = ?1 AND prompt_lower = ?2)", (side, lower))
                conn.execute("DELETE FROM prompt_clients WHERE side = ?1 AND prompt_lower = ?2 AND NOT EXISTS"
                             " (SELECT 1 FROM prompts WHERE side = ?1 AND prompt_lower = ?2)", (side, lower))
        with self._memo_lock:
            for key, _, _ in gone:
                self._memo.pop(key, None)
        with self._count_lock:
            self._count -= len(gone)
        return len(gone)

    def clear(self) -> int:
        """Forget every answer and the autocomplete index (``botbaby serve --clear-cache``); return how many."""
        conn = self.db.connection()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            count = conn.execute("DELETE FROM answers").rowcount
            conn.execute("DELETE FROM prompts WHERE side != ''")  # curated prompts stay
            conn.execute("DELETE FROM prompt_clients")
        with self._memo_lock:
            self._memo.clear()
        with self._count_lock:
            self._count = 0
        return count

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        """Shown prompts starting with ``prefix`` (any case), most visited first, each once (from the index).

        Few matches: SQLite sorts the prefix's range by visits. Many: it walks the shown prompts from
        the most visited down until enough match. Either way it reads at most a few thousand index
        entries, whatever the number of answers.
        """
        low, high = prefix.lower(), prefix.lower() + _LAST
        conn = self.db.connection()
        sides = "" if side is None else " AND side IN ('', ?4)"
        wanted = limit * 3  # a prompt asked on several sides comes once per side
        args: tuple = (low, high, _DENSE_PREFIX + 1) + (() if side is None else (side,))
        matches = conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM prompts INDEXED BY prompts_by_prefix"
            f" WHERE shown = 1 AND prompt_lower >= ?1 AND prompt_lower < ?2{sides} LIMIT ?3)", args).fetchone()[0]
        if matches <= _DENSE_PREFIX:
            index, column = "prompts_by_prefix", "prompt_lower"
        else:  # "+" keeps the planner off the prefix range here, so it walks the index in visits order
            index, column = "prompts_by_visits", "+prompt_lower"
        rows = conn.execute(
            f"SELECT prompt_lower, prompt, visits FROM prompts INDEXED BY {index} WHERE shown = 1"
            f" AND {column} >= ?1 AND {column} < ?2{sides} ORDER BY visits DESC LIMIT ?3",
            (low, high, wanted, *args[3:])).fetchall()
        best: dict[str, tuple[int, str]] = {}
        for lower, prompt, visits in rows:  # a prompt asked on both sides is offered once, with both sides' visits
            total, first = best.get(lower, (0, prompt))
            best[lower] = (total + visits, first)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [prompt for _, (_, prompt) in ranked[:limit]]

    def popular(self, limit: int = 10) -> list[dict]:
        """The most visited shown requests: ``{"model", "prompt", "visits"}`` dicts, unvisited ones left out."""
        self.flush()
        rows = self.db.connection().execute(
            "SELECT a.side, a.prompt, a.visits FROM answers AS a INDEXED BY answers_by_visits"
            " WHERE a.visits > 0 AND EXISTS (SELECT 1 FROM prompts AS p WHERE p.shown = 1"
            " AND p.prompt_lower = a.prompt_lower AND p.side IN ('', a.side))"
            " ORDER BY a.visits DESC, a.created_at LIMIT ?", (limit,))
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
