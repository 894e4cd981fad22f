"""The worker: model loaded once, jobs turned into cached answers, crashes survived, idle hook."""

import threading

from serve_fakes import Crash, fake_posts

from botbaby.contract import GenerateRequest
from botbaby.serve.cache import SqliteCache
from botbaby.serve.queue import LocalQueue
from botbaby.serve.worker import Worker, WorkerPool


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_worker(tmp_path, board, **kwargs):
    db = tmp_path / "serve.sqlite"
    cache, queue = SqliteCache(db), LocalQueue(db, side="left")
    return Worker("left", board.factory, cache, queue, **kwargs), cache, queue


def test_the_model_is_loaded_once_for_many_jobs(tmp_path, board):
    worker, cache, queue = make_worker(tmp_path, board)
    for prompt in ("one", "two", "three"):
        queue.submit(GenerateRequest("left", prompt))
    while worker.run_once():
        pass
    assert board.loads == 1 and len(board.calls) == 3
    assert cache.peek(GenerateRequest("left", "two").key) == fake_posts("left", "two")


def test_an_idle_worker_releases_its_model_once_and_loads_it_again_for_the_next_job(tmp_path, board):
    clock = Clock()
    worker, cache, queue = make_worker(tmp_path, board, idle_s=15 * 60, clock=clock)
    queue.submit(GenerateRequest("left", "one"))
    worker.run_once()
    clock.now += 14 * 60
    worker.run_once()
    assert worker.generator is not None and board.closes == 0
    clock.now += 2 * 60
    worker.run_once()
    worker.run_once()
    assert worker.generator is None and board.closes == 1 and worker.stats["idle"] == 1
    queue.submit(GenerateRequest("left", "two"))
    worker.run_once()
    assert board.loads == 2 and cache.peek(GenerateRequest("left", "two").key) is not None


def test_the_idle_hook_is_pluggable(tmp_path, board):
    stopped = []
    clock = Clock()
    worker, _, _ = make_worker(tmp_path, board, idle_s=60, clock=clock, on_idle=lambda w: stopped.append(w.side))
    clock.now += 61
    worker.run_once()
    worker.run_once()
    assert stopped == ["left"]


def test_a_failing_idle_hook_is_logged_and_the_worker_goes_on(tmp_path, board):
    clock = Clock()

    def refuse(worker):
        raise PermissionError("StopInstances denied")

    worker, cache, queue = make_worker(tmp_path, board, idle_s=60, clock=clock, on_idle=refuse)
    clock.now += 61
    assert worker.run_once() is False and worker.stats["idle"] == 1
    queue.submit(GenerateRequest("left", "after"))
    assert worker.run_once() and cache.peek(GenerateRequest("left", "after").key) is not None


def test_a_job_already_answered_is_acked_without_generating(tmp_path, board):
    worker, cache, queue = make_worker(tmp_path, board)
    request = GenerateRequest("left", "Known")
    cache.store(request, fake_posts("left", "Known"))
    queue.submit(request)
    assert worker.run_once()
    assert board.calls == [] and queue.state(request.key) is None


def test_a_crashing_worker_thread_releases_its_job_drops_its_model_and_goes_on(tmp_path, board):
    worker, cache, queue = make_worker(tmp_path, board)
    board.fail("Boom", Crash("segfault-ish"))
    request = GenerateRequest("left", "Boom")
    done = threading.Event()
    worker.on_done = lambda job_id, answered: answered and done.set()
    pool = WorkerPool([worker])
    queue.submit(request)
    pool.start()
    try:
        assert done.wait(20)
    finally:
        pool.stop()
    assert worker.stats["crashed"] == 1 and board.closes >= 1 and board.loads == 2
    assert board.calls == [("left", "Boom"), ("left", "Boom")]
    assert cache.peek(request.key) == fake_posts("left", "Boom") and queue.state(request.key) is None
