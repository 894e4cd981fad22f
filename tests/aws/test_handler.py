"""The Lambda handler, called in-process against the deployed stack's resources on a moto server."""

import json
import threading

import pytest

from botbaby.contract import GenerateRequest, majority_view
from botbaby.deploy.aws import handler as lambda_module
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.handler import Api, FeedbackTable
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.deploy.aws.worker import PromptRecordingCache, PromptsFile
from botbaby.serve.worker import Worker

STACK = "bb-test"


def lambda_environment(clients) -> dict[str, str]:
    """The environment ``botbaby deploy aws`` gave the function."""
    return clients("lambda").get_function_configuration(FunctionName=f"{STACK}-api")["Environment"]["Variables"]


def call(api, path, method="GET", body=None, **query):
    """An API Gateway HTTP API (payload 2.0) event, as the Lambda receives it; returns (status, JSON body)."""
    event = {
        "version": "2.0",
        "rawPath": path,
        "queryStringParameters": {key: str(value) for key, value in query.items()} or None,
        "requestContext": {"http": {"method": method, "path": path}},
    }
    if body is not None:
        event["body"] = json.dumps(body)
        event["headers"] = {"content-type": "application/json"}  # API Gateway lower-cases header names
    answer = api(event)
    assert answer["headers"]["access-control-allow-origin"] == "*"
    return answer["statusCode"], json.loads(answer["body"]) if answer["body"] else None


def instance_state(clients, instance_id):
    reservation = clients("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]
    return reservation["Instances"][0]["State"]["Name"]


def side_worker(clients, environment, side, factory):
    """What the GPU instance runs for one side: serve's Worker on the side's SQS queue and the DynamoDB cache."""
    cache = PromptRecordingCache(
        DynamoCache(environment["BOTBABY_CACHE_TABLE"], clients),
        PromptsFile(f"{STACK}-123456789012-us-east-1", clients),
    )
    queue = SqsQueue(json.loads(environment["BOTBABY_QUEUE_URLS"])[side], clients, sides=[side])
    return Worker(side, factory, cache, queue, idle_s=3600)


def test_new_prompt_is_queued_starts_the_worker_and_is_answered_from_the_cache_once_generated(
    deployed, clients, factory, expected
):
    environment = lambda_environment(clients)
    api = Api.from_env({**environment, "BOTBABY_WAIT_S": "0.2"})
    clients("ec2").stop_instances(InstanceIds=[deployed.instance_id])
    assert instance_state(clients, deployed.instance_id) == "stopped"

    status, body = call(api, "/generate", model="left", prompt="Fuel  prices", top_k=40)

    assert status == 202 and body["status"] == "pending"
    versions = json.loads(environment["BOTBABY_MODEL_VERSIONS"])
    assert versions["left"]  # the checkpoint's fingerprint is part of the key
    job_id = GenerateRequest("left", "Fuel prices", model_version=versions["left"]).key
    assert body["job"] == job_id and body["location"] == f"/jobs/{job_id}"
    assert instance_state(clients, deployed.instance_id) in ("pending", "running")
    clients("ec2").stop_instances(InstanceIds=[deployed.instance_id])  # the idle worker stopped just then
    assert call(api, f"/jobs/{job_id}")[0] == 202
    assert instance_state(clients, deployed.instance_id) in ("pending", "running")  # the page's poll restarts it

    worker = side_worker(clients, environment, "left", factory)
    assert worker.run_once(wait_s=0) is True
    assert worker.stats["done"] == 1

    answer = [post.to_dict() for post in majority_view(expected("left", "Fuel prices"))]
    assert len(answer) == 6  # the POSITIVE majority of the ten ranked posts
    assert call(api, f"/jobs/{job_id}") == (200, answer)
    assert call(api, "/generate", model="left", prompt="FUEL PRICES") == (200, answer)
    assert DynamoCache(environment["BOTBABY_CACHE_TABLE"], clients).visits(job_id) == 2
    assert call(api, "/popular") == (200, [{"model": "left", "prompt": "Fuel prices", "visits": 2}])
    assert call(api, "/prompts", model="left", prefix="fu") == (200, ["Fuel prices"])
    assert PromptsFile(f"{STACK}-123456789012-us-east-1", clients).read() == ["Fuel prices"]


def test_a_prompt_generated_while_the_request_waits_is_answered_at_once(deployed, clients, factory, expected):
    environment = lambda_environment(clients)
    api = Api.from_env({**environment, "BOTBABY_WAIT_S": "15"})
    worker = side_worker(clients, environment, "right", factory)
    thread = threading.Thread(target=worker.run_once, kwargs={"wait_s": 10})
    thread.start()
    try:
        status, body = call(api, "/generate", model="right", prompt="Border control")
    finally:
        thread.join(timeout=30)
    assert status == 200
    assert body == [post.to_dict() for post in majority_view(expected("right", "Border control"))]


@pytest.fixture
def api(clients, table_and_queue):
    """The API on a bare table and queue (no stack): for checks that need no worker instance."""
    table, queue_url, _ = table_and_queue
    clients("dynamodb").create_table(
        TableName="t-feedback",
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    sides = ["left", "right"]
    queue = SqsQueue(queue_url, clients, sides=sides)
    return Api(
        cache=DynamoCache(table, clients),
        queues={side: queue for side in sides},
        sides=sides,
        feedback=FeedbackTable("t-feedback", clients),
        wait_s=0.1,
    )


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        ("/generate", {"prompt": "hi"}, "model is required"),
        ("/generate", {"model": "centre", "prompt": "hi"}, "unknown model 'centre'"),
        ("/generate", {"model": "left"}, "prompt is required"),
        ("/generate", {"model": "left", "prompt": "x" * 281}, "prompt is too long"),
        ("/generate", {"model": "left", "prompt": "hi", "top_p": "1.5"}, "top_p must be between"),
        ("/generate", {"model": "left", "prompt": "hi", "num_samples": "lots"}, "num_samples must be a number"),
        ("/prompts", {"model": "centre"}, "unknown model"),
        ("/prompts", {"limit": "many"}, "limit must be a whole number"),
        ("/popular", {"limit": "-1"}, "limit must be between 1 and 100"),
    ],
)
def test_bad_requests_get_a_400_with_the_contracts_message_and_queue_nothing(
    api, clients, table_and_queue, path, query, message
):
    status, body = call(api, path, **query)
    assert status == 400 and message in body["error"]
    attributes = clients("sqs").get_queue_attributes(
        QueueUrl=table_and_queue[1], AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]
    assert attributes["ApproximateNumberOfMessages"] == "0"


def test_unknown_paths_methods_and_job_ids_are_4xx(api):
    assert call(api, "/nowhere")[0] == 404
    assert call(api, "/generate", method="POST")[0] == 405
    assert call(api, "/jobs/../../etc")[0] == 404
    assert call(api, "/jobs/" + "0" * 32)[0] == 202  # a well-formed id: pending until its answer is cached


def test_feedback_is_stored_and_checked_as_botbaby_serve_checks_it(api, clients):
    status, body = call(
        api, "/feedback", method="POST", body={"message": " Great fun ", "model": "left", "prompt": "Fuel", "rating": 5}
    )
    assert status == 201
    items = clients("dynamodb").scan(TableName="t-feedback")["Items"]
    assert [(item["id"]["S"], item["message"]["S"], item["rating"]["S"]) for item in items] == [
        (body["id"], "Great fun", "5")
    ]
    for bad in ({"message": ""}, {"message": "x", "rating": 6}, {"message": "x", "vote": "up"}, ["a", "list"]):
        assert call(api, "/feedback", method="POST", body=bad)[0] == 400, bad


def test_feedback_not_sent_as_json_is_refused_with_415_as_botbaby_serve_does(api):
    event = {"rawPath": "/feedback", "requestContext": {"http": {"method": "POST"}}, "body": "message=hi",
             "headers": {"content-type": "application/x-www-form-urlencoded"}}  # fmt: skip
    answer = api(event)
    assert answer["statusCode"] == 415 and "Content-Type: application/json" in json.loads(answer["body"])["error"]
    del event["headers"]
    assert api(event)["statusCode"] == 415


def test_a_feedback_body_over_the_limit_is_refused_with_413_as_botbaby_serve_does(api):
    from botbaby.contract import MAX_FEEDBACK_BYTES

    status, body = call(api, "/feedback", method="POST", body={"message": "x", "prompt": "y" * MAX_FEEDBACK_BYTES})
    assert status == 413 and "too large" in body["error"]


def test_feedback_with_nul_or_a_lone_surrogate_is_refused_as_botbaby_serve_refuses_it(api):
    for bad in ({"message": "a\x00b"}, {"message": "x", "prompt": "\ud800"}):
        status, body = call(api, "/feedback", method="POST", body=bad)
        assert status == 400 and "NUL characters or lone surrogates" in body["error"], bad


def test_the_lambda_entry_point_builds_the_api_from_its_environment(deployed, clients, monkeypatch):
    for key, value in lambda_environment(clients).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(lambda_module, "_api", None)
    event = {"rawPath": "/healthz", "requestContext": {"http": {"method": "GET", "sourceIp": "203.0.113.9"}}}
    answer = lambda_module.handler(event, context=None)
    assert answer["statusCode"] == 200 and json.loads(answer["body"]) == {"status": "ok"}  # public: status only
    monkeypatch.setenv("BOTBABY_PUBLIC_HEALTH", "1")
    monkeypatch.setattr(lambda_module, "_api", None)
    assert json.loads(lambda_module.handler(event, context=None)["body"]) == {
        "status": "ok",
        "sides": ["left", "right"],
        "queue": {"left": 0, "right": 0},
        "worker": "running",
    }
    sides = lambda_module.handler({"rawPath": "/sides", "requestContext": {"http": {"method": "GET"}}}, context=None)
    assert json.loads(sides["body"]) == ["left", "right"]  # the page builds one column per side from this


def test_a_prompt_that_keeps_failing_answers_422_and_asking_again_retries_it(deployed, clients, factory, expected):
    environment = lambda_environment(clients)
    api = Api.from_env({**environment, "BOTBABY_WAIT_S": "0.1"})
    answers = DynamoCache(environment["BOTBABY_CACHE_TABLE"], clients)

    class OutOfMemory(factory):
        def generate(self, prompt, settings=None, seed=None):
            raise RuntimeError("CUDA out of memory")

    def worker_with(generator_class):
        worker = side_worker(clients, environment, "left", generator_class)
        worker.queue.on_dead = lambda job, error: answers.fail(job.request, error, job.attempts)  # as run() wires it
        return worker

    job_id = call(api, "/generate", model="left", prompt="Fuel prices")[1]["job"]
    failing = worker_with(OutOfMemory)
    while failing.run_once(wait_s=0):
        pass
    assert failing.stats["failed"] == 3

    status, body = call(api, f"/jobs/{job_id}")
    assert status == 422 and body["status"] == "failed" and body["attempts"] == 3
    assert "RuntimeError" in body["error"] and "ask again" in body["error"]  # the details stay in the log

    assert call(api, "/generate", model="left", prompt="Fuel prices")[0] == 202  # queued again despite SQS dedup
    healthy = worker_with(factory)
    assert healthy.run_once(wait_s=0) is True and healthy.stats["done"] == 1
    answer = [post.to_dict() for post in majority_view(expected("left", "Fuel prices"))]
    assert call(api, f"/jobs/{job_id}") == (200, answer)


def test_waiting_for_an_answer_reads_the_cache_item_once_per_poll(api, monkeypatch):
    client, reads = api.service.cache._dynamodb, []
    get_item = client.get_item
    monkeypatch.setattr(client, "get_item", lambda **kwargs: reads.append(kwargs["Key"]) or get_item(**kwargs))
    polls, ticks = [], iter(range(100))

    async def sleep(seconds):
        polls.append(seconds)

    monkeypatch.setattr(api.service.watch, "sleep", sleep)
    monkeypatch.setattr(api.service, "clock", lambda: next(ticks) * 0.01)  # 0.1 s of waiting, and nobody answers
    assert call(api, "/generate", model="left", prompt="Nobody answers this")[0] == 202
    # the cache lookup (a read: visits are counted apart), then one read before the first wait and one after each
    assert len(polls) >= 3 and len(reads) == len(polls) + 2
