"""The Lambda handler, called in-process against the deployed stack's resources on a moto server."""

import json
import threading

import pytest

from botbaby.contract import GenerateRequest, majority_view
from botbaby.deploy.aws import handler as lambda_module
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.handler import Api, FeedbackTable
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.deploy.aws.worker import PromptsFile, consume

STACK = "bb-test"


def lambda_environment(clients) -> dict[str, str]:
    """The environment ``botbaby deploy aws`` gave the function."""
    return clients("lambda").get_function_configuration(FunctionName=f"{STACK}-api")["Environment"]["Variables"]


def call(api, path, method="GET", body=None, **query):
    """An API Gateway HTTP API (payload 2.0) event, as the Lambda receives it."""
    event = {
        "version": "2.0",
        "rawPath": path,
        "queryStringParameters": {key: str(value) for key, value in query.items()} or None,
        "requestContext": {"http": {"method": method, "path": path}},
    }
    if body is not None:
        event["body"] = json.dumps(body)
    answer = api(event)
    assert answer["headers"]["access-control-allow-origin"] == "*"
    return answer["statusCode"], json.loads(answer["body"]) if answer["body"] else None


def instance_state(clients, instance_id):
    return clients("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["State"][
        "Name"
    ]


def worker_parts(clients, environment):
    bucket = f"{STACK}-site-123456789012"
    sides = environment["BOTBABY_SIDES"].split(",")
    return (
        SqsQueue(environment["BOTBABY_QUEUE_URL"], clients, sides=sides),
        DynamoCache(environment["BOTBABY_CACHE_TABLE"], clients),
        PromptsFile(bucket, clients),
    )


def test_new_prompt_is_queued_starts_the_worker_and_is_answered_from_the_cache_once_generated(
    deployed, clients, generate
):
    environment = lambda_environment(clients)
    api = Api.from_env({**environment, "BOTBABY_WAIT_S": "0.2"})
    clients("ec2").stop_instances(InstanceIds=[deployed.instance_id])
    assert instance_state(clients, deployed.instance_id) == "stopped"

    status, body = call(api, "/generate", model="left", prompt="Fuel  prices", top_k=40)

    assert status == 202 and body["status"] == "pending"
    job_id = GenerateRequest("left", "Fuel prices").key
    assert body["job"] == job_id and body["location"] == f"/jobs/{job_id}"
    assert instance_state(clients, deployed.instance_id) in ("pending", "running")
    assert call(api, f"/jobs/{job_id}")[0] == 202

    queue, cache, prompts = worker_parts(clients, environment)
    stats = consume(
        queue,
        cache,
        generate,
        idle_s=60,
        on_idle=lambda: None,
        poll_s=0,
        max_jobs=1,
        on_done=lambda request: prompts.append([request.prompt]),
    )
    assert stats.done == 1

    expected = [post.to_dict() for post in majority_view(generate(GenerateRequest("left", "Fuel prices")))]
    assert len(expected) == 6
    assert call(api, f"/jobs/{job_id}") == (200, expected)
    assert call(api, "/generate", model="left", prompt="FUEL PRICES") == (200, expected)
    assert cache.visits(job_id) == 2
    assert call(api, "/popular") == (200, [{"model": "left", "prompt": "Fuel prices", "visits": 2}])
    assert call(api, "/prompts", model="left", prefix="fu") == (200, ["Fuel prices"])
    assert prompts.read() == ["Fuel prices"]


def test_a_prompt_generated_while_the_request_waits_is_answered_at_once(deployed, clients, generate):
    environment = lambda_environment(clients)
    api = Api.from_env({**environment, "BOTBABY_WAIT_S": "15"})
    queue, cache, _ = worker_parts(clients, environment)
    worker = threading.Thread(
        target=consume,
        args=(queue, cache, generate),
        kwargs={"idle_s": 60, "on_idle": lambda: None, "poll_s": 1, "max_jobs": 1},
    )
    worker.start()
    try:
        status, body = call(api, "/generate", model="right", prompt="Border control")
    finally:
        worker.join(timeout=30)
    assert status == 200
    assert body == [post.to_dict() for post in majority_view(generate(GenerateRequest("right", "Border control")))]


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
    return Api(
        cache=DynamoCache(table, clients),
        queue=SqsQueue(queue_url, clients, sides=sides),
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
        ("/popular", {"limit": "-1"}, "limit must be a whole number"),
    ],
)
def test_bad_requests_get_a_400_with_the_contracts_message(deployed, clients, path, query, message):
    api = Api.from_env(lambda_environment(clients))
    status, body = call(api, path, **query)
    assert status == 400 and message in body["error"]
    assert (
        clients("sqs").get_queue_attributes(
            QueueUrl=lambda_environment(clients)["BOTBABY_QUEUE_URL"], AttributeNames=["ApproximateNumberOfMessages"]
        )["Attributes"]["ApproximateNumberOfMessages"]
        == "0"
    )


def test_unknown_paths_methods_and_job_ids_are_4xx(api):
    assert call(api, "/nowhere")[0] == 404
    assert call(api, "/generate", method="POST")[0] == 405
    assert call(api, "/jobs/../../etc")[0] == 404
    assert call(api, "/jobs/" + "0" * 32)[0] == 202


def test_feedback_is_stored_and_checked(api, clients):
    status, body = call(
        api, "/feedback", method="POST", body={"model": "left", "prompt": "Fuel", "text": "a post", "vote": "up"}
    )
    assert status == 201
    items = clients("dynamodb").scan(TableName="t-feedback")["Items"]
    assert [(item["id"]["S"], item["vote"]["S"], item["text"]["S"]) for item in items] == [(body["id"], "up", "a post")]
    assert call(api, "/feedback", method="POST", body={"model": "left", "vote": "meh"})[0] == 400
    assert call(api, "/feedback", method="POST", body=["not", "an", "object"])[0] == 400


def test_the_lambda_entry_point_builds_the_api_from_its_environment(deployed, clients, monkeypatch):
    for key, value in lambda_environment(clients).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(lambda_module, "_api", None)
    event = {"rawPath": "/healthz", "requestContext": {"http": {"method": "GET"}}}
    answer = lambda_module.handler(event, context=None)
    assert answer["statusCode"] == 200
    assert json.loads(answer["body"]) == {"status": "ok", "sides": ["left", "right"]}
