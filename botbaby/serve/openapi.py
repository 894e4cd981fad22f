"""The OpenAPI 3.0 description of the API, built from the core's route table and ``botbaby.contract``.

    >>> spec = openapi_spec(["left", "right"])
    >>> [p["schema"]["minimum"] for p in spec["paths"]["/generate"]["get"]["parameters"] if p["name"] == "top_p"]
    [0.05]
    >>> sorted(spec["paths"]) == sorted(route.path for route in ROUTES)
    True

Ranges, defaults and limits come from where the server checks them (``SampleSettings``' field
metadata, ``MAX_PROMPT_CHARS``, ``PROMPTS_LIMIT`` ...), so the description cannot drift from the
validation; each route of ``routes.ROUTES`` needs its entry in ``_operations`` (a test checks).
"""

from dataclasses import fields
from typing import Any

from botbaby.contract import (
    MAX_FEEDBACK_CHARS,
    MAX_PROMPT_CHARS,
    POPULAR_LIMIT,
    PROMPTS_LIMIT,
    SENTIMENTS,
    VIEWS,
    SampleSettings,
)
from botbaby.serve.routes import ROUTES

VERSION = "0.2.0"


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _limit(default_low_high: tuple[int, int, int], description: str) -> dict:
    default, low, high = default_low_high
    return {"name": "limit", "in": "query", "required": False, "description": description,
            "schema": {"type": "integer", "minimum": low, "maximum": high, "default": default}}


def _sampling_parameters() -> list[dict]:
    """One query parameter per ``SampleSettings`` field, with its range and default."""
    parameters = []
    for spec in fields(SampleSettings):
        kind = "integer" if spec.type in (int, "int") else "number"
        schema = {"type": kind, "minimum": spec.metadata["low"], "maximum": spec.metadata["high"],
                  "default": spec.default}
        parameters.append({"name": spec.name, "in": "query", "required": False,
                           "description": spec.metadata["help"], "schema": schema})
    return parameters


ERROR = _json(_ref("Error"), "bad input")
POSTS = _json({"type": "array", "items": _ref("Post")}, "the majority view of the ranked posts")
PENDING = {**_json(_ref("Job"), "a new prompt: generation is queued; poll the job's location"),
           "headers": {"Location": {"schema": {"type": "string"}}}}
FAILED = _json(_ref("Error"), "generation failed for good (ask again to retry)")
BUSY = {**_json(_ref("Error"), "too many new prompts: wait as Retry-After says"),
        "headers": {"Retry-After": {"schema": {"type": "integer"}}}}


def _operations(side: dict) -> dict[str, dict[str, Any]]:
    """Each route's operation, by the route's name."""
    model = {"name": "model", "in": "query", "required": False, "schema": side}
    view = {"name": "view", "in": "query", "required": False, "schema": {"type": "string", "enum": list(VIEWS)},
            "description": "majority: the posts of the most common sentiment (the original answer); all: every "
                           "ranked post, each with its own sentiment and whether it is in the majority"}
    return {
        "generate": {
            "summary": "Posts for a prompt, from the cache or a new generation",
            "parameters": [
                {**model, "required": True, "description": "the side"},
                {"name": "prompt", "in": "query", "required": True, "description": "the first words of the posts",
                 "schema": {"type": "string", "minLength": 1, "maxLength": MAX_PROMPT_CHARS}},
                *_sampling_parameters(),
                view,
            ],
            "responses": {"200": POSTS, "202": PENDING, "400": ERROR, "422": FAILED, "429": BUSY},
        },
        "job": {
            "summary": "A queued generation: 202 while it runs, 200 with the posts when done",
            "parameters": [{"name": "job", "in": "path", "required": True, "schema": {"type": "string"}}, view],
            "responses": {"200": POSTS, "202": PENDING, "400": ERROR,
                          "404": {**ERROR, "description": "no such job"}, "422": FAILED},
        },
        "prompts": {
            "summary": "Known prompts, most visited first (for autocomplete)",
            "parameters": [
                model,
                {"name": "prefix", "in": "query", "required": False,
                 "schema": {"type": "string", "maxLength": MAX_PROMPT_CHARS}},
                _limit(PROMPTS_LIMIT, "how many prompts"),
            ],
            "responses": {"200": _json({"type": "array", "items": {"type": "string"}}, "prompts"), "400": ERROR},
        },
        "popular": {
            "summary": "The most visited requests",
            "parameters": [_limit(POPULAR_LIMIT, "how many requests")],
            "responses": {"200": _json({"type": "array", "items": _ref("Popular")}, "requests"), "400": ERROR},
        },
        "feedback": {
            "summary": "Leave a message (and optionally a rating) about a prompt's posts",
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("Feedback")}}},
            "responses": {
                "201": _json({"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
                             "stored"),
                "400": ERROR, "404": {**ERROR, "description": "feedback is off on this deployment"},
                "413": {**ERROR, "description": "body too large"}, "415": {**ERROR, "description": "not JSON"},
            },
        },
        "sides": {
            "summary": "The sides served",
            "responses": {"200": _json({"type": "array", "items": side}, "side names")},
        },
        "about": {
            "summary": "What the page shows about each side: its label, colour and one-line description",
            "responses": {"200": _json(_ref("About"), "the sides as the page presents them")},
        },
        "healthz": {
            "summary": "Liveness (statistics only for this machine, or with public_health)",
            "responses": {"200": _json({"type": "object", "required": ["status"]}, "alive")},
        },
        "compare": {
            "summary": "How the sides differ: distinctive terms, side fidelity, copying, diversity (botbaby compare)",
            "responses": {"200": _json({"type": "object", "required": ["sides", "divergence", "classifier"]},
                                       "the comparison"),
                          "404": {**ERROR, "description": "compare has not run on this data folder"}},
        },
        "openapi": {
            "summary": "This description",
            "responses": {"200": _json({"type": "object"}, "the OpenAPI document")},
        },
    }


def openapi_spec(sides: list[str]) -> dict:
    """The OpenAPI 3.0 description of the API, with the served sides as the ``model`` enum."""
    side = {"type": "string", "enum": list(sides)}
    operations = _operations(side)
    paths: dict[str, dict] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = {"operationId": route.name, **operations[route.name]}
    return {
        "openapi": "3.0.3",
        "info": {"title": "botbaby", "version": VERSION,
                 "description": "Generate posts in each side's voice, side by side (the original bot-baby API)."},
        "paths": paths,
        "components": {"schemas": {
            "Post": {"type": "object", "required": ["text", "sentiment", "score"], "properties": {
                "text": {"type": "string"},
                "sentiment": {"type": "string", "enum": list(SENTIMENTS)},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "majority": {"type": "boolean", "description": "view=all: the post has the majority's sentiment"}}},
            "About": {"type": "object", "required": ["sides"], "properties": {"sides": {"type": "array", "items": {
                "type": "object", "required": ["id", "label", "colour", "description"], "properties": {
                    "id": {"type": "string"}, "label": {"type": "string"}, "colour": {"type": "string"},
                    "description": {"type": "string"}}}}}},
            "Job": {"type": "object", "required": ["job", "status", "location"], "properties": {
                "job": {"type": "string"}, "status": {"type": "string", "enum": ["pending", "running"]},
                "attempts": {"type": "integer"}, "location": {"type": "string"}}},
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "Popular": {"type": "object", "required": ["model", "prompt", "visits"], "properties": {
                "model": {"type": "string"}, "prompt": {"type": "string"}, "visits": {"type": "integer"}}},
            "Feedback": {"type": "object", "required": ["message"], "additionalProperties": False, "properties": {
                "message": {"type": "string", "minLength": 1, "maxLength": MAX_FEEDBACK_CHARS},
                "prompt": {"type": "string", "maxLength": MAX_PROMPT_CHARS},
                "model": side,
                "rating": {"type": "integer", "minimum": 1, "maximum": 5}}},
        }},
    }
