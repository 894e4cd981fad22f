"""The API core behind both fronts: one route table, and the same answer from ``botbaby serve`` and the Lambda."""

import json

import pytest
from starlette.testclient import TestClient

from botbaby.deploy.aws.handler import Api
from botbaby.serve.app import create_app
from botbaby.serve.cache import SqliteCache, SqliteFeedback
from botbaby.serve.config import ServeConfig
from botbaby.serve.openapi import openapi_spec
from botbaby.serve.queue import LocalQueue
from botbaby.serve.routes import ROUTES
from botbaby.serve.service import Service

SIDES = ["left", "right"]


def test_every_route_has_a_handler_and_an_openapi_operation():
    spec = openapi_spec(SIDES)
    for route in ROUTES:
        assert callable(getattr(Service, f"answer_{route.name}")), route
        assert spec["paths"][route.path][route.method.lower()]["operationId"] == route.name


def test_the_openapi_ranges_are_the_ones_the_server_enforces(tmp_path, board):
    spec = openapi_spec(SIDES)
    parameters = {p["name"]: p["schema"] for p in spec["paths"]["/generate"]["get"]["parameters"]}
    app = create_app(tmp_path, ServeConfig(sides=SIDES), factory=board.factory)
    with TestClient(app) as client:
        for name in ("num_samples", "length", "temperature", "top_p", "top_k"):
            low, high = parameters[name]["minimum"], parameters[name]["maximum"]
            below = low - (1 if parameters[name]["type"] == "integer" else 0.01)
            for value, status in ((below, 400), (high + 1, 400)):
                answer = client.get("/generate", params={"model": "left", "prompt": "x", name: value})
                assert answer.status_code == status, (name, value)


REQUESTS = [
    ("GET", "/generate", {"prompt": "hi"}, None),
    ("GET", "/generate", {"model": "centre", "prompt": "hi"}, None),
    ("GET", "/generate", {"model": "left", "prompt": "x", "top_p": "1.5"}, None),
    ("GET", "/generate", {"model": "left", "prompt": "x", "temperature": "0.01"}, None),
    ("GET", "/generate", {"model": "left", "prompt": "\x00\x01"}, None),
    ("POST", "/generate", {}, None),
    ("GET", "/jobs/not-a-job", {}, None),
    ("GET", "/prompts", {"limit": "0"}, None),
    ("GET", "/prompts", {"model": "centre"}, None),
    ("GET", "/prompts", {"prefix": "fu"}, None),
    ("GET", "/popular", {"limit": "lots"}, None),
    ("GET", "/popular", {}, None),
    ("GET", "/sides", {}, None),
    ("GET", "/nowhere", {}, None),
    ("POST", "/feedback", {}, ("application/json", b'{"message": "x", "rating": 6}')),
    ("POST", "/feedback", {}, ("application/json", b"{not json")),
    ("POST", "/feedback", {}, ("application/notjson", b'{"message": "x"}')),
    ("POST", "/feedback", {}, ("application/json", b'{"message": "' + b"x" * 20_000 + b'"}')),
]


@pytest.fixture
def fronts(tmp_path, board):
    """``call(method, path, query, body)`` on serve's ASGI app and on the Lambda adapter, each on its own SQLite
    ports; returns both answers as (status, JSON)."""
    app = create_app(tmp_path / "serve", ServeConfig(sides=SIDES, wait_s=0), factory=board.factory)
    db = tmp_path / "lambda.sqlite"
    cache = SqliteCache(db)
    lambda_api = Api(cache=cache, queues={side: LocalQueue(cache.db, side) for side in SIDES}, sides=SIDES,
                     feedback=SqliteFeedback(cache.db), wait_s=0)
    with TestClient(app) as client:
        def call(method, path, query, body):
            content_type, content = body or (None, None)
            headers = {"content-type": content_type} if content_type else {}
            served = client.request(method, path, params=query, content=content, headers=headers)
            event = {"rawPath": path, "queryStringParameters": query or None, "headers": headers,
                     "requestContext": {"http": {"method": method}}, "body": content.decode() if content else None}
            answered = lambda_api(event)
            return ((served.status_code, served.json()),
                    (answered["statusCode"], json.loads(answered["body"]) if answered["body"] else None))

        yield call


@pytest.mark.parametrize(("method", "path", "query", "body"), REQUESTS)
def test_serve_and_the_lambda_answer_every_request_alike(fronts, method, path, query, body):
    served, answered = fronts(method, path, query, body)
    assert served == answered
    assert served[0] < 500
