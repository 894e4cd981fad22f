"""The serving ports on AWS: the DynamoDB cache and the SQS FIFO job queue (against a moto server)."""

import json

from botbaby.contract import GenerateRequest, Post, SampleSettings
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.serve.worker import Worker

POSTS = [Post("Fuel is too dear", "NEGATIVE", 0.9), Post("Fuel will get cheaper", "POSITIVE", 0.8)]


def test_cache_lookup_of_an_unknown_key_is_none_and_writes_nothing(clients, table_and_queue):
    cache = DynamoCache(table_and_queue[0], clients)
    assert cache.lookup(GenerateRequest("left", "fuel").key) is None
    assert clients("dynamodb").scan(TableName=table_and_queue[0])["Items"] == []


def test_cache_lookup_returns_the_stored_posts_and_counts_each_visit(clients, table_and_queue):
    cache = DynamoCache(table_and_queue[0], clients)
    request = GenerateRequest("left", "Fuel prices")
    cache.store(request, POSTS)
    assert cache.visits(request.key) == 0
    assert cache.lookup(request.key) == POSTS
    assert cache.lookup(GenerateRequest("left", "FUEL PRICES").key) == POSTS  # prompts are matched lower-cased
    assert cache.visits(request.key) == 2
    assert cache.peek(request.key) == POSTS and cache.visits(request.key) == 2  # peeking is not a visit


def test_a_second_store_of_the_same_request_keeps_the_first_answer(clients, table_and_queue):
    cache = DynamoCache(table_and_queue[0], clients)
    request = GenerateRequest("left", "Fuel prices")
    cache.store(request, POSTS)
    cache.lookup(request.key)
    cache.store(request, [Post("something else", "NEUTRAL", 0.5)])
    assert cache.lookup(request.key) == POSTS
    assert cache.visits(request.key) == 2


def test_prompts_and_popular_are_ordered_by_visits(clients, table_and_queue):
    cache = DynamoCache(table_and_queue[0], clients)
    fuel, funds, taxes = (GenerateRequest("left", p) for p in ("Fuel prices", "Funding cuts", "Taxes"))
    right_fuel = GenerateRequest("right", "Fuel duty")
    for request in (fuel, funds, taxes, right_fuel):
        cache.store(request, POSTS)
    for _ in range(3):
        cache.lookup(funds.key)
    cache.lookup(fuel.key)
    assert cache.prompts("left", prefix="FU") == ["Funding cuts", "Fuel prices"]
    assert cache.prompts(None, prefix="fuel") == ["Fuel prices", "Fuel duty"]
    assert cache.prompts("left", limit=1) == ["Funding cuts"]
    assert cache.popular(limit=5) == [
        {"model": "left", "prompt": "Funding cuts", "visits": 3},
        {"model": "left", "prompt": "Fuel prices", "visits": 1},
    ]


def test_identical_pending_requests_become_one_job(clients, table_and_queue):
    queue = SqsQueue(table_and_queue[1], clients, sides=["left", "right"])
    request = GenerateRequest("left", "Fuel prices", SampleSettings(num_samples=5))
    assert queue.submit(request) == request.key
    assert queue.submit(GenerateRequest("left", "fuel PRICES", SampleSettings(num_samples=5))) == request.key
    job = queue.receive(wait_s=0)
    assert job.request == request and job.id == request.key and job.attempts == 1
    queue.ack(job)
    assert queue.receive(wait_s=0) is None


def test_a_released_job_comes_back_and_an_acked_one_does_not(clients, table_and_queue):
    queue = SqsQueue(table_and_queue[1], clients, sides=["left"])
    queue.submit(GenerateRequest("left", "Fuel prices"))
    first = queue.receive(wait_s=0)
    assert queue.receive(wait_s=0) is None  # hidden while a worker has it
    queue.release(first)
    again = queue.receive(wait_s=0)
    assert again.id == first.id and again.attempts == 2
    queue.ack(again)
    assert queue.receive(wait_s=0) is None


def test_one_sides_job_in_progress_does_not_hold_up_the_other_side(clients, table_and_queue):
    queue = SqsQueue(table_and_queue[1], clients, sides=["left", "right"])
    queue.submit(GenerateRequest("left", "one"))
    queue.submit(GenerateRequest("left", "two"))
    queue.submit(GenerateRequest("right", "three"))
    first = queue.receive(wait_s=0)
    second = queue.receive(wait_s=0)
    assert (first.request.side, first.request.prompt) == ("left", "one")
    assert (second.request.side, second.request.prompt) == ("right", "three")


def _dead_letters(clients, dlq_url):
    messages = clients("sqs").receive_message(QueueUrl=dlq_url, MaxNumberOfMessages=10).get("Messages", [])
    return [message["Body"] for message in messages]


def test_an_unreadable_message_lands_in_the_dead_letter_queue_without_stopping_the_queue(clients, table_and_queue):
    table, queue_url, dlq_url = table_and_queue
    sqs = clients("sqs")
    sqs.send_message(QueueUrl=queue_url, MessageBody="not json", MessageGroupId="left", MessageDeduplicationId="p1")
    bad_side = json.dumps({"model": "centre", "prompt": "x"})
    sqs.send_message(QueueUrl=queue_url, MessageBody=bad_side, MessageGroupId="right", MessageDeduplicationId="p2")
    queue = SqsQueue(queue_url, clients, sides=["left", "right"])
    queue.submit(GenerateRequest("left", "Fuel prices"))

    job = queue.receive(wait_s=0)

    assert job is not None and job.request.prompt == "Fuel prices"
    assert sorted(_dead_letters(clients, dlq_url)) == sorted(["not json", bad_side])


def test_a_job_that_keeps_crashing_the_worker_is_dead_lettered_after_three_tries(
    clients, table_and_queue, factory, expected
):
    table, queue_url, dlq_url = table_and_queue
    queue, cache = SqsQueue(queue_url, clients, sides=["left"]), DynamoCache(table, clients)
    poison, fine = GenerateRequest("left", "poison"), GenerateRequest("left", "Fuel prices")
    queue.submit(poison)
    queue.submit(fine)

    class CrashOnPoison(factory):
        def generate(self, prompt, settings=None, seed=None):
            if prompt == "poison":
                raise RuntimeError("CUDA out of memory")
            return super().generate(prompt, settings, seed)

    worker = Worker("left", CrashOnPoison, cache, queue, idle_s=3600)
    while worker.run_once(wait_s=0):
        pass

    assert (worker.stats["failed"], worker.stats["done"]) == (3, 1)
    assert [json.loads(body)["prompt"] for body in _dead_letters(clients, dlq_url)] == ["poison"]
    assert cache.peek(fine.key) == expected("left", "Fuel prices")
    assert cache.peek(poison.key) is None


def test_a_failure_mark_is_not_an_answer_and_gives_way_to_one(clients, table_and_queue):
    cache = DynamoCache(table_and_queue[0], clients)
    request = GenerateRequest("left", "Fuel prices")
    cache.fail(request, "CUDA out of memory", attempts=3)
    assert cache.lookup(request.key) is None and cache.peek(request.key) is None
    assert cache.failure(request.key) == {"error": "CUDA out of memory", "attempts": 3}
    assert cache.prompts() == [] and cache.popular() == []
    assert cache.clear_failure(request.key) != ""
    assert cache.failure(request.key) is None and cache.clear_failure(request.key) == ""

    cache.fail(request, "again", attempts=3)
    cache.store(request, POSTS)
    assert cache.failure(request.key) is None and cache.peek(request.key) == POSTS
    cache.fail(request, "too late", attempts=3)  # an answer is never overwritten by a failure
    assert cache.failure(request.key) is None and cache.lookup(request.key) == POSTS
