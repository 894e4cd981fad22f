"""The local backends of the serving ports: the SQLite cache and the per-side SQLite job queue."""

import threading

import pytest

from botbaby.contract import GenerateRequest, Post, SampleSettings
from botbaby.serve.cache import SqliteCache
from botbaby.serve.queue import LocalQueue, QueueFull


@pytest.fixture
def db(tmp_path):
    return tmp_path / "serve.sqlite"


def request(prompt: str, side: str = "left", **settings) -> GenerateRequest:
    return GenerateRequest(side, prompt, SampleSettings(**settings))


def test_the_visit_counter_counts_every_concurrent_visit(db):
    cache = SqliteCache(db)
    cache.store(request("Fuel prices"), [Post("Up again.", "NEGATIVE", 0.7)])
    key = request("Fuel prices").key

    def visit():
        for _ in range(200):
            assert cache.lookup(key) is not None

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.visits(key) == 1600
    assert SqliteCache(db).visits(key) == 1600  # on disk, for the next server


def test_visits_counted_in_memory_reach_the_disk_when_flushed(db):
    cache = SqliteCache(db)
    cache.store(request("Taxes"), [Post("Too high.", "NEGATIVE", 0.6)])
    for _ in range(3):
        cache.lookup(request("taxes").key)
    assert SqliteCache(db).popular() == []  # another reader sees only what was flushed
    assert cache.flush() == 3
    assert SqliteCache(db).popular() == [{"model": "left", "prompt": "Taxes", "visits": 3}]


def test_a_second_answer_for_the_same_key_keeps_the_first(db):
    cache = SqliteCache(db)
    cache.store(request("Taxes"), [Post("first", "NEUTRAL", 0.5)])
    cache.store(request("taxes"), [Post("second", "NEUTRAL", 0.5)])
    assert [post.text for post in SqliteCache(db).peek(request("TAXES").key)] == ["first"]
    assert cache.visits(request("Taxes").key) == 0  # peek counts no visit


def test_unknown_keys_are_misses_and_count_nothing(db):
    cache = SqliteCache(db)
    assert cache.lookup("0" * 32) is None and cache.peek("0" * 32) is None
    assert cache.popular() == [] and cache.prompts() == []


def test_identical_pending_requests_are_one_job_and_jobs_come_out_first_in_first_out(db):
    queue = LocalQueue(db, side="left")
    ids = [queue.submit(request(prompt)) for prompt in ("one", "two", "ONE", "three", "two")]
    assert len(set(ids)) == 3 and queue.pending() == 3
    assert [queue.receive().request.prompt for _ in range(3)] == ["one", "two", "three"]
    assert queue.receive() is None


def test_each_side_has_its_own_queue_in_the_same_file(db):
    left, right = LocalQueue(db, side="left"), LocalQueue(db, side="right")
    right.submit(request("Taxes", side="right"))
    assert left.receive() is None and right.receive().request.side == "right"
    with pytest.raises(ValueError, match="holds 'left' jobs"):
        left.submit(request("Taxes", side="right"))


def test_a_released_job_comes_back_and_is_dead_after_max_attempts(db):
    queue = LocalQueue(db, side="left", max_attempts=3)
    job_id = queue.submit(request("Cursed"))
    for attempt in (1, 2, 3):
        job = queue.receive()
        assert job.attempts == attempt and queue.state(job_id)["state"] == "running"
        queue.release(job, error=f"failure {attempt}")
    assert queue.state(job_id) == {"state": "dead", "attempts": 3, "error": "failure 3"}
    assert queue.receive() is None
    queue.submit(request("Cursed"))  # asking again starts afresh
    assert queue.receive().attempts == 1


def test_an_acked_job_is_gone_and_a_stale_receipt_changes_nothing(db):
    queue = LocalQueue(db, side="left")
    job_id = queue.submit(request("Wages"))
    stale = queue.receive()
    queue.release(stale)
    current = queue.receive()
    queue.ack(stale)  # the first worker's late ack must not remove the job the second one holds
    assert queue.state(job_id)["state"] == "running"
    queue.ack(current)
    assert queue.state(job_id) is None


def test_jobs_left_running_by_a_stopped_server_are_queued_again_when_it_restarts(db):
    queue = LocalQueue(db, side="left")
    job_id = queue.submit(request("Interrupted"))
    assert queue.receive() is not None
    reopened = LocalQueue(db, side="left")
    assert reopened.state(job_id)["state"] == "pending"
    assert reopened.receive().attempts == 2


def test_a_full_queue_refuses_new_prompts_but_not_pending_ones(db):
    queue = LocalQueue(db, side="left", max_pending=2)
    queue.submit(request("a"))
    queue.submit(request("b"))
    assert queue.submit(request("A")) == request("a").key
    with pytest.raises(QueueFull, match="try again"):
        queue.submit(request("c"))


def test_receive_waits_for_a_job_submitted_meanwhile(db):
    queue = LocalQueue(db, side="left")
    timer = threading.Timer(0.1, queue.submit, args=(request("Later"),))
    timer.start()
    job = queue.receive(wait_s=10)
    timer.join()
    assert job is not None and job.request.prompt == "Later"
