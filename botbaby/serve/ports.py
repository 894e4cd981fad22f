"""The serving ports: what the API and the worker need from a cache and a job queue.

    >>> from botbaby.contract import GenerateRequest
    >>> GenerateRequest("left", "fuel prices").key == GenerateRequest("left", "Fuel Prices").key
    True

Local backends (SQLite cache, in-process queue) live in ``botbaby.serve``; the AWS ones
(DynamoDB, SQS FIFO) in ``botbaby.deploy.aws``. A job's id is its request's ``key``, so a job is
done exactly when the cache holds that key, on one machine and on AWS alike.
"""

from dataclasses import dataclass
from typing import Protocol

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
    """Answers to known prompts, with visit counters."""

    def lookup(self, key: str) -> list[Post] | None:
        """The cached ranked posts for ``key`` (counting one visit, atomically), or None."""

    def peek(self, key: str) -> list[Post] | None:
        """The cached ranked posts for ``key`` without counting a visit (a worker checking for work done)."""

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        """Remember the answer to ``request`` (a second store of the same key keeps the first)."""

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        """Known prompts (for autocomplete), most visited first."""

    def popular(self, limit: int = 10) -> list[dict]:
        """The most visited requests: ``{"model", "prompt", "visits"}`` dicts."""


class JobQueue(Protocol):
    """A FIFO queue of generation jobs; identical pending requests become one job."""

    def submit(self, request: GenerateRequest) -> str:
        """Queue ``request`` unless the same key is already pending; return the job id."""

    def receive(self, wait_s: float = 0.0) -> Job | None:
        """The oldest job not being worked on, hidden from other workers until acked or released."""

    def ack(self, job: Job) -> None:
        """The job is done (its answer is in the cache): remove it."""

    def release(self, job: Job, error: str | None = None) -> None:
        """The job failed (``error`` says why): make it available again (after too many attempts it is dead-lettered)."""
