"""The API's route table, shared by the core (``botbaby.serve.service``) and its OpenAPI description.

    >>> next(route for route in ROUTES if route.name == "job").match("/jobs/0f0f")
    {'job': '0f0f'}

A new route is one ``Route`` here, one ``Service.answer_<name>`` method and one entry in
``openapi``'s operations (tests/serve/test_core.py checks that every route has both).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    """One route: its method, its path (at most one ``{name}`` segment), the Service method answering it."""

    method: str
    path: str
    name: str  # Service.answer_<name> answers it; its operationId in /openapi.json

    def match(self, path: str) -> dict[str, str] | None:
        """The path parameters when ``path`` is this route's, else None."""
        head, brace, tail = self.path.partition("{")
        if not brace:
            return {} if path == self.path else None
        name = tail.rstrip("}")
        if path.startswith(head) and "/" not in path[len(head):] and len(path) > len(head):
            return {name: path[len(head):]}
        return None


ROUTES = (
    Route("GET", "/generate", "generate"),
    Route("GET", "/jobs/{job}", "job"),
    Route("GET", "/prompts", "prompts"),
    Route("GET", "/popular", "popular"),
    Route("POST", "/feedback", "feedback"),
    Route("GET", "/sides", "sides"),
    Route("GET", "/about", "about"),
    Route("GET", "/healthz", "healthz"),
    Route("GET", "/openapi.json", "openapi"),
    Route("GET", "/compare", "compare"),
)
