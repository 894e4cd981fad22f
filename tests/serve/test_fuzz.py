"""Fuzzing the API from its own OpenAPI description: whatever the input, never a 5xx, never off-schema."""

import pytest
import schemathesis
from background import BackgroundServer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from serve_fakes import Switchboard

from botbaby.serve.app import create_app
from botbaby.serve.config import ServeConfig
from botbaby.serve.openapi import openapi_spec

schema = schemathesis.openapi.from_dict(openapi_spec(["left", "right"]))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = create_app(tmp_path_factory.mktemp("fuzz"), ServeConfig(sides=["left", "right"], wait_s=5),
                     factory=Switchboard().factory)
    with BackgroundServer(app) as url:
        yield url


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_gets_a_server_error_or_an_answer_off_the_description(case, server):
    case.call_and_validate(
        base_url=server, checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
    )
