"""The Lambda on the deployed stack: a worker that cannot start shows on the page, and a cached hit costs little."""

import json

from botbaby.contract import GenerateRequest, Post
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.handler import Api

from .conftest import refused
from .test_handler import call, instance_state, lambda_environment

POSTS = [Post("Fuel prices are up again", "NEGATIVE", 0.9)]


def test_a_terminated_worker_is_an_error_on_the_page_at_once_saying_to_redeploy(deployed, clients):
    api = Api.from_env({**lambda_environment(clients), "BOTBABY_WAIT_S": "0.2"})
    clients("ec2").terminate_instances(InstanceIds=[deployed.instance_id])
    status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 422
    assert "the GPU worker was terminated: run `botbaby deploy aws` again" in body["error"]


def test_no_capacity_in_any_zone_is_an_error_on_the_page_and_asking_again_retries(deployed, clients):
    api = Api.from_env({**lambda_environment(clients), "BOTBABY_WAIT_S": "0"})
    clients("ec2").stop_instances(InstanceIds=[deployed.instance_id])
    with refused(api.worker._ec2, "StartInstances", "InsufficientInstanceCapacity"), refused(
        api.worker._ec2, "RunInstances", "InsufficientInstanceCapacity"
    ):
        status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 422 and "AWS has no free GPU capacity for the worker in any zone" in body["error"]
    assert instance_state(clients, deployed.instance_id) == "stopped"  # the stopped worker is kept
    status, body = call(api, f"/jobs/{body['job']}")
    assert status == 422  # every poll says so until someone asks again
    status, body = call(api, "/generate", model="left", prompt="Fuel prices")  # capacity is back
    assert status == 202 and body["status"] == "pending"


def test_a_cached_hit_writes_a_small_counter_not_the_answer(deployed, clients):
    environment = lambda_environment(clients)
    versions = json.loads(environment["BOTBABY_MODEL_VERSIONS"])
    request = GenerateRequest("left", "Fuel prices", model_version=versions["left"])
    cache = DynamoCache(environment["BOTBABY_CACHE_TABLE"], clients)
    cache.store(request, POSTS * 10)
    api = Api.from_env(environment)
    dynamodb = clients("dynamodb")
    answer = dynamodb.get_item(TableName=cache.table, Key={"key": {"S": request.key}})["Item"]
    for _ in range(3):
        assert call(api, "/generate", model="left", prompt="fuel prices")[0] == 200
    assert dynamodb.get_item(TableName=cache.table, Key={"key": {"S": request.key}})["Item"] == answer  # untouched
    counter = dynamodb.get_item(TableName=cache.table, Key={"key": {"S": request.key + "#visits"}})["Item"]
    assert int(counter["visits"]["N"]) == 3 and len(json.dumps(counter)) < 300  # one write unit (<= 1 KB)
    assert call(api, "/popular")[1] == [{"model": "left", "prompt": "Fuel prices", "visits": 3}]


def test_a_retrained_model_never_gets_the_old_models_answers(deployed, clients, trained_data):
    from botbaby.deploy.aws.stack import deploy_aws

    old = json.loads(lambda_environment(clients)["BOTBABY_MODEL_VERSIONS"])
    cache = DynamoCache(lambda_environment(clients)["BOTBABY_CACHE_TABLE"], clients)
    cache.store(GenerateRequest("left", "Fuel prices", model_version=old["left"]), POSTS)
    (trained_data / "left" / "model" / "model-10.data-00000-of-00001").write_bytes(b"retrained weights")
    deploy_aws(trained_data, name="bb-test", region="us-east-1", ami=deployed_ami(clients), retry_wait_s=0)
    new = json.loads(lambda_environment(clients)["BOTBABY_MODEL_VERSIONS"])
    assert new["left"] != old["left"] and new["right"] == old["right"]
    api = Api.from_env({**lambda_environment(clients), "BOTBABY_WAIT_S": "0"})
    status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 202  # a new job for the new model, not the old answer


def deployed_ami(clients) -> str:
    return clients("ec2").describe_launch_template_versions(LaunchTemplateName="bb-test-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]["ImageId"]


def test_autocomplete_reads_prompts_json_not_the_table(deployed, clients):
    environment = lambda_environment(clients)
    bucket = environment["BOTBABY_BUCKET"]
    clients("s3").put_object(Bucket=bucket, Key="prompts.json", Body=json.dumps(["Fuel prices", "Funding cuts", "Borders"]))
    api = Api.from_env(environment)
    assert call(api, "/prompts", prefix="fu") == (200, ["Fuel prices", "Funding cuts"])
    scans = []
    dynamodb = api.cache._dynamodb
    dynamodb.meta.events.register("before-call.dynamodb.Scan", lambda **_: scans.append(1))
    call(api, "/prompts", prefix="b")
    assert scans == []
