"""The serving ports: what the API core (``botbaby.serve.service``) and the worker need from a cache,
a job queue and a feedback log. Each method here is called by the core or the worker, on both fronts.

    >>> from botbaby.contract import GenerateRequest
    >>> GenerateRequest("left", "fuel prices").key == GenerateRequest("left", "Fuel Prices").key
    True

Local backends (SQLite cache, queue and feedback) live in ``botbaby.serve``; the AWS ones
(DynamoDB, SQS FIFO) in ``botbaby.deploy.aws``. A job's id is its request's key, so a job is
done exactly when the cache holds that key, on one machine and on AWS alike.
"""

from dataclasses import dataclass
from typing import Any, Protocol

from botbaby.contract import GenerateRequest, Post


@dataclass(frozen=True)
class Job:
    """A generation job handed to a worker."""

    request: GenerateRequest
    receipt: str  # backend's handle for ack/release (SQS receipt handle; local: a token)
    attempts: int = 1  # how many times this job has been received, this time included

    @property
    def id(self) -> str:
        return self.request.key


class Cache(Protocol):
    """Answers to known prompts, with visit counters, and the mark of a job that failed for good."""

    def lookup(self, key: str, client: str = "") -> list[Post] | None:
        """The cached ranked posts for ``key`` (counting one visit by ``client``, an address), or None.

        A backend that shows prompts only once enough different clients asked them counts ``client``.
        """

    def peek(self, key: str) -> list[Post] | None:
        """The cached ranked posts for ``key`` without counting a visit (a worker checking for work done)."""

    def settled(self, key: str) -> bool:
        """Whether ``key`` has an answer or failed for good (what a waiting request polls: one read)."""

    def failure(self, key: str) -> dict[str, Any] | None:
        """``{"error", "attempts"}`` when the job for ``key`` failed for good, else None."""

    def clear_failure(self, key: str) -> str:
        """Forget a failure (the prompt is asked again); return a token telling this retry apart, or ""."""

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        """Remember the answer to ``request`` (a second store of the same key keeps the first)."""

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        """Known prompts (for autocomplete), most visited first."""

    def popular(self, limit: int = 10) -> list[dict]:
        """The most visited requests: ``{"model", "prompt", "visits"}`` dicts."""


class JobQueue(Protocol):
    """One side's FIFO queue of generation jobs; identical pending requests become one job."""

    def submit(self, request: GenerateRequest, retry: str = "") -> str:
        """Queue ``request`` unless the same key is already pending; return the job id.

        ``retry`` is ``Cache.clear_failure``'s token: a queue that drops repeats (SQS deduplication)
        takes a retried request as new.
        """

    def receive(self, wait_s: float = 0.0) -> Job | None:
        """The oldest job not being worked on, hidden from other workers until acked or released."""

    def ack(self, job: Job) -> None:
        """The job is done (its answer is in the cache): remove it."""

    def release(self, job: Job, error: str | None = None) -> None:
        """The job failed (``error`` says why): make it available again (after too many attempts it is dead-lettered)."""

    def state(self, job_id: str) -> dict[str, Any] | None:
        """``{"state": "pending" | "running", "attempts"?}`` of a job in this queue, or None when it holds none."""

    def pending(self) -> int:
        """How many jobs wait for a worker (what /healthz shows; SQS counts those in flight too)."""


class FeedbackLog(Protocol):
    """Visitors' messages about the posts."""

    def add(self, feedback: dict[str, Any]) -> str:
        """Store one validated feedback (``contract.parse_feedback``'s dict); return its opaque id."""
