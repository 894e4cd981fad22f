"""The local job queue backend: a FIFO per side in the server's SQLite file, shared by its threads.

    >>> import tempfile, pathlib
    >>> from botbaby.contract import GenerateRequest
    >>> queue = LocalQueue(pathlib.Path(tempfile.mkdtemp()) / "serve.sqlite", side="left", max_attempts=2)
    >>> first = queue.submit(GenerateRequest("left", "Fuel prices"))
    >>> queue.submit(GenerateRequest("left", "fuel prices")) == first   # identical pending requests: one job
    True
    >>> job = queue.receive()
    >>> job.request.prompt, job.attempts, queue.receive() is None      # hidden while a worker has it
    ('Fuel prices', 1, True)
    >>> queue.release(job, error="out of memory")                      # failed: back in the queue
    >>> queue.release(queue.receive(), error="out of memory")          # second failure: dead
    >>> queue.state(first)["state"], queue.state(first)["error"]
    ('dead', 'out of memory')

A job's id is its request's key. A received job is marked ``running`` with a receipt token;
``ack`` deletes it, ``release`` puts it back (or marks it ``dead`` after ``max_attempts``).
Because the jobs are rows in ``DATA/serve.sqlite``, a server that dies mid-job loses nothing:
the next server to open the queue puts ``running`` jobs back (one server per data folder).
The SQS FIFO backend (``botbaby.deploy.aws``) implements the same ``JobQueue`` port.
"""

import json
import secrets
import threading
import time
from pathlib import Path

from botbaby.contract import GenerateRequest, TooBusy
from botbaby.serve._db import Database
from botbaby.serve.ports import Job


class QueueFull(TooBusy):
    """Too many jobs are waiting for this side (HTTP 429): try again later."""


MAX_ATTEMPTS = 3  # a job that failed this many times is dead (its requests get the error)
MAX_PENDING = 100  # new prompts waiting per side beyond which submit refuses (/generate answers 429)


class LocalQueue:
    """The ``JobQueue`` port for one side, on SQLite; thread-safe."""

    def __init__(self, db: Database | Path | str, side: str, max_attempts: int = MAX_ATTEMPTS,
                 max_pending: int = MAX_PENDING, recover: bool = True) -> None:
        """
        Args:
            db: the server's database (or its path).
            side: the side whose jobs this queue holds.
            max_attempts: a job that failed this many times is dead (kept, with its error, until resubmitted).
            max_pending: ``submit`` refuses new jobs beyond this many waiting ones (QueueFull).
            recover: put back jobs left ``running`` by a server that stopped mid-job.
        """
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {max_attempts}")
        self.db = db if isinstance(db, Database) else Database(db)
        self.side = side
        self.max_attempts = max_attempts
        self.max_pending = max_pending
        self._ready = threading.Condition()
        if recover:
            self.recover()

    def recover(self) -> None:
        """Put back the jobs a stopped server left running; each such run counts as an attempt, so a job that
        kills its server dies after ``max_attempts`` like any other failing job."""
        self.db.connection().execute(
            "UPDATE jobs SET receipt = NULL, state = CASE WHEN attempts >= ?1 THEN 'dead' ELSE 'pending' END,"
            " error = CASE WHEN attempts >= ?1 THEN 'the server stopped while generating it' ELSE error END"
            " WHERE side = ?2 AND state = 'running'", (self.max_attempts, self.side)
        )

    def submit(self, request: GenerateRequest, retry: str = "") -> str:
        """Queue ``request`` unless the same key is already pending or running; return the job id.

        A dead job with the same key is queued again, afresh (so ``retry`` is not needed here).
        """
        if request.side != self.side:
            raise ValueError(f"this queue holds {self.side!r} jobs, not {request.side!r}")
        conn = self.db.connection()
        if self.pending() >= self.max_pending and self.state(request.key) is None:
            raise QueueFull(f"too many new prompts are waiting for {self.side!r}: try again in a minute")
        conn.execute(
            "INSERT INTO jobs (key, side, request, state, seq, attempts, updated_at)"
            " VALUES (?1, ?2, ?3, 'pending', (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), 0, ?4)"
            " ON CONFLICT (key) DO UPDATE SET state = 'pending', attempts = 0, error = NULL, receipt = NULL,"
            " seq = excluded.seq, updated_at = excluded.updated_at WHERE jobs.state = 'dead'",
            (request.key, request.side, json.dumps(request.to_dict()), time.time()),
        )
        with self._ready:
            self._ready.notify()
        return request.key

    def _claim(self) -> Job | None:
        receipt = secrets.token_hex(8)
        row = (
            self.db.connection()
            .execute(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, receipt = ?1, updated_at = ?2"
                " WHERE key = (SELECT key FROM jobs WHERE side = ?3 AND state = 'pending' ORDER BY seq LIMIT 1)"
                " RETURNING request, attempts",
                (receipt, time.time(), self.side),
            )
            .fetchone()
        )
        if row is None:
            return None
        return Job(request=GenerateRequest.from_dict(json.loads(row[0])), receipt=receipt, attempts=row[1])

    def receive(self, wait_s: float = 0.0) -> Job | None:
        """The oldest pending job, now marked running (hidden from other workers), or None after ``wait_s``."""
        deadline = time.monotonic() + wait_s
        while True:
            job = self._claim()
            if job is not None:
                return job
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            with self._ready:
                # a short cap on the wait also catches jobs that another process's queue object submitted
                self._ready.wait(min(remaining, 0.5))

    def ack(self, job: Job) -> None:
        """The job is done (its answer is in the cache): remove it."""
        self.db.connection().execute("DELETE FROM jobs WHERE key = ? AND receipt = ?", (job.id, job.receipt))

    def release(self, job: Job, error: str | None = None) -> None:
        """The job failed: queue it again at its old place, or mark it dead after ``max_attempts``."""
        self.db.connection().execute(
            "UPDATE jobs SET state = CASE WHEN attempts >= ?1 THEN 'dead' ELSE 'pending' END,"
            " receipt = NULL, error = ?2, updated_at = ?3 WHERE key = ?4 AND receipt = ?5",
            (self.max_attempts, error, time.time(), job.id, job.receipt),
        )
        with self._ready:
            self._ready.notify()

    def state(self, job_id: str) -> dict | None:
        """``{"state": "pending" | "running" | "dead", "attempts", "error"}``, or None when no such job waits."""
        row = (
            self.db.connection()
            .execute("SELECT state, attempts, error FROM jobs WHERE key = ? AND side = ?", (job_id, self.side))
            .fetchone()
        )
        return None if row is None else {"state": row[0], "attempts": row[1], "error": row[2]}

    def pending(self) -> int:
        """How many jobs wait for a worker (running ones not counted)."""
        return self.db.connection().execute(
            "SELECT COUNT(*) FROM jobs WHERE side = ? AND state = 'pending'", (self.side,)
        ).fetchone()[0]
