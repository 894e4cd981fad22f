"""The worker: one per side, it loads its model once and turns queued jobs into cached answers.

    >>> import tempfile, pathlib
    >>> from botbaby.contract import GenerateRequest, Post
    >>> from botbaby.serve.cache import SqliteCache
    >>> from botbaby.serve.queue import LocalQueue
    >>> class Echo:  # any object with generate(prompt, settings, seed) -> .ranked, and close()
    ...     def generate(self, prompt, settings, seed=None):
    ...         return type("Generation", (), {"ranked": [Post(prompt + "!", "POSITIVE", 0.9)]})
    ...     def close(self):
    ...         pass
    >>> db = pathlib.Path(tempfile.mkdtemp()) / "serve.sqlite"
    >>> cache, queue = SqliteCache(db), LocalQueue(db, side="left")
    >>> job_id = queue.submit(GenerateRequest("left", "Fuel prices"))
    >>> worker = Worker("left", lambda side: Echo(), cache, queue)
    >>> worker.run_once()
    True
    >>> cache.peek(job_id)[0].text, queue.state(job_id)
    ('Fuel prices!', None)

``Generator.generate`` is blocking CPU/GPU work, so each worker runs in its own thread, one
generation at a time, never on the server's event loop. A job that raises is released to the
queue (retried, dead after the queue's ``max_attempts``; what the visitor sees of the error is
``contract.public_error``'s, the rest goes to the log); an empty answer is generated again with
other seeds and never cached; a worker whose thread is hit by
something worse (``BaseException``) releases its job, drops its model and starts over.

When no job came for ``idle_s`` seconds the worker calls its idle hook once: locally
``release_model`` frees the model's memory (the next job loads it again); on AWS the hook stops
the instance (``botbaby.deploy.aws``).
"""

import logging
import secrets
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from botbaby.contract import Post, PublicFailure, SampleSettings, public_error
from botbaby.serve.ports import Cache, Job, JobQueue

log = logging.getLogger(__name__)

IDLE_MINUTES = 15.0  # default: release the model (locally) or stop the instance (AWS) after this long idle
EMPTY_RETRIES = 2  # an empty answer is generated again this many times, with other seeds, before the job fails


class NoPosts(PublicFailure):
    """Every generated post was dropped by post-processing (the job fails; nothing is cached)."""


class Generation(Protocol):
    ranked: list[Post]


class GeneratorLike(Protocol):
    """What a worker needs from ``botbaby.generate.Generator``."""

    def generate(self, prompt: str, settings: SampleSettings = ..., seed: int | None = None) -> Generation: ...

    def close(self) -> None: ...


GeneratorFactory = Callable[[str], GeneratorLike]  # side -> a generator for that side's model
IdleHook = Callable[["Worker"], None]
DoneHook = Callable[[str, bool], None]  # (job id, answered?) after each job is acked or released


def release_model(worker: "Worker") -> None:
    """The local idle hook: free the model's memory; the next job loads it again."""
    worker.release_model()


class Worker:
    """Takes jobs for one side from a queue, generates, stores the ranked posts in the cache."""

    def __init__(
        self,
        side: str,
        factory: GeneratorFactory,
        cache: Cache,
        queue: JobQueue,
        idle_s: float = IDLE_MINUTES * 60,
        on_idle: IdleHook = release_model,
        on_done: DoneHook | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.side = side
        self.factory = factory
        self.cache = cache
        self.queue = queue
        self.idle_s = idle_s
        self.on_idle = on_idle
        self.on_done = on_done
        self.clock = clock
        self.generator: GeneratorLike | None = None
        self.current: Job | None = None
        self.last_active = clock()
        self.idle_hook_ran = False
        self.stats = {"done": 0, "generated": 0, "failed": 0, "crashed": 0, "loads": 0, "idle": 0}

    def release_model(self) -> None:
        """Close the generator (its model, graph and session) if one is loaded."""
        generator, self.generator = self.generator, None
        if generator is not None:
            try:
                generator.close()
            except Exception:  # closing a broken generator must not take the worker down
                log.exception("closing the %s generator failed", self.side)

    def _load(self) -> GeneratorLike:
        if self.generator is None:
            self.generator = self.factory(self.side)
            self.stats["loads"] += 1
        return self.generator

    def _notify(self, job: Job, answered: bool) -> None:
        if self.on_done is not None:
            try:
                self.on_done(job.id, answered)
            except Exception:
                log.exception("the done hook failed for job %s", job.id)

    def run_once(self, wait_s: float = 0.0) -> bool:
        """Handle at most one job (waiting up to ``wait_s`` for one); True if there was one."""
        job = self.queue.receive(wait_s)
        if job is None:
            if not self.idle_hook_ran and self.clock() - self.last_active >= self.idle_s:
                self.idle_hook_ran = True
                self.stats["idle"] += 1
                try:
                    self.on_idle(self)
                except Exception:  # a failing hook (say, StopInstances refused) must not stop the worker
                    log.exception("the %s worker's idle hook failed", self.side)
            return False
        self.current = job
        self.last_active = self.clock()
        self.idle_hook_ran = False
        try:
            if self.cache.peek(job.id) is None:  # answered meanwhile (a resubmitted key): nothing to do
                self.cache.store(job.request, self._generate(job))
        except Exception as exc:
            self.stats["failed"] += 1
            log.warning("job %s (%s: %r) failed: %s: %s", job.id, self.side, job.request.prompt,
                        type(exc).__name__, exc)
            self.queue.release(job, error=public_error(exc))
            self.current = None
            self._notify(job, False)
            return True
        self.queue.ack(job)
        self.stats["done"] += 1
        self.current = None
        self.last_active = self.clock()
        self._notify(job, True)
        return True

    def _generate(self, job: Job) -> list[Post]:
        """The job's ranked posts; an empty answer (every post dropped) is tried again with other seeds, never
        cached."""
        for _ in range(EMPTY_RETRIES + 1):
            generation = self._load().generate(job.request.prompt, job.request.settings,
                                               seed=secrets.randbelow(2**31))
            self.stats["generated"] += 1
            if generation.ranked:
                return list(generation.ranked)
        raise NoPosts(f"no post survived post-processing in {EMPTY_RETRIES + 1} tries; try another prompt or "
                      "other settings")

    def run(self, stop: threading.Event, poll_s: float = 0.5) -> None:
        """Handle jobs until ``stop`` is set; survive crashes by releasing the job and starting over."""
        while not stop.is_set():
            try:
                self.run_once(wait_s=poll_s)
            except BaseException as exc:  # noqa: B036 -- a crash mid-job must not lose or keep the job
                self.stats["crashed"] += 1
                job, self.current = self.current, None
                log.error("the %s worker crashed:\n%s", self.side, traceback.format_exc())
                self.release_model()
                if job is not None:
                    self.queue.release(job, error=f"worker crashed: {type(exc).__name__}: {exc}")
                    self._notify(job, False)
                if isinstance(exc, KeyboardInterrupt | SystemExit) and stop.is_set():
                    raise
                stop.wait(min(poll_s, 1.0))  # do not spin if the crash repeats at once
        self.release_model()

    def status(self) -> dict[str, Any]:
        """What /healthz shows about this worker."""
        return {
            "loaded": self.generator is not None,
            "busy": self.current is not None,
            "idle_s": round(self.clock() - self.last_active, 1),
            **self.stats,
        }


class WorkerPool:
    """One worker thread per side, started and stopped with the server."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = {worker.side: worker for worker in workers}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self._stop.clear()
        for side, worker in self.workers.items():
            thread = threading.Thread(target=worker.run, args=(self._stop,), name=f"botbaby-worker-{side}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Ask every worker to stop after its current job, and wait up to ``timeout_s`` for them."""
        self._stop.set()
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads.clear()

    def status(self) -> dict[str, dict]:
        return {side: worker.status() for side, worker in self.workers.items()}
