"""The generation contract shared by the CLI, the notebook widget, ``botbaby serve`` and the Lambda.

    >>> request = parse_generate_query({"model": "left", "prompt": "  Fuel prices  "}, sides=["left", "right"])
    >>> request.side, request.prompt, request.settings.top_k
    ('left', 'Fuel prices', 40)
    >>> parse_generate_query({"model": "left", "prompt": "x", "top_p": "1.5"}, sides=["left"])
    Traceback (most recent call last):
    ...
    botbaby.contract.BadRequest: top_p must be between 0.05 and 1, got 1.5

Everything here is plain Python so the Lambda bundle can import it without TensorFlow.
"""

import hashlib
import json
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from botbaby.errors import BotbabyError

SENTIMENTS = ("POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED")
MAX_PROMPT_WORDS = 20  # the original cut prompts to their first 20 words
MAX_PROMPT_CHARS = 280  # one post's worth
MAX_FEEDBACK_CHARS = 2000  # a feedback message's limit
MAX_FEEDBACK_BYTES = 16_384  # POST /feedback bodies larger than this are refused (HTTP 413)
JOB_ID = re.compile(r"[0-9a-f]{32}")  # GenerateRequest.key: 32 lower-case hex digits, the id of its job
NOT_A_JOB_ID = "no such job: a job id is 32 hex digits, as in the 'location' /generate gave"  # 404 for a malformed id
FEEDBACK_FIELDS = ("message", "prompt", "model", "rating")  # what POST /feedback takes; message is required
PROMPTS_LIMIT = (20, 1, 100)  # GET /prompts?limit: (default, lowest, highest)
POPULAR_LIMIT = (10, 1, 100)  # GET /popular?limit: (default, lowest, highest)


class BadRequest(BotbabyError, ValueError):
    """A request parameter is missing or out of range (HTTP 400)."""


class NotFound(BotbabyError, LookupError):
    """No such path or job (HTTP 404)."""


class BodyTooLarge(BadRequest):
    """A request body over MAX_FEEDBACK_BYTES (HTTP 413)."""


class NotJson(BadRequest):
    """A request body not sent as JSON (HTTP 415)."""


class PublicFailure(BotbabyError):
    """A generation failure whose message is written for the visitor (shown on the page as it is)."""


def public_error(exc: BaseException) -> str:
    """What a visitor is told about a failed generation: a PublicFailure's message, else only the kind of
    error (its message may hold paths or internals: the worker logs it in full).

    >>> public_error(PublicFailure("no post survived post-processing")), public_error(OSError("/srv/x: gone"))
    ('no post survived post-processing', 'OSError; details are in the server log')
    """
    if isinstance(exc, PublicFailure):
        return str(exc)
    return f"{type(exc).__name__}; details are in the server log"


class TooBusy(BotbabyError):
    """Too many new prompts: from this client, or waiting for this side (HTTP 429, ``Retry-After``)."""

    def __init__(self, message: str, retry_after_s: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


# A control character or a bidirectional override (which can make text display in another order
# than it is stored); tabs and newlines are whitespace and collapse to a space instead.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def strip_controls(text: str) -> str:
    r"""``text`` without control characters, bidi overrides or lone surrogates.

    >>> strip_controls("Fuel\x00 pri\x1bces\u202e")
    'Fuel prices'
    """
    return _CONTROLS.sub("", text)


def whole(number: float) -> str:
    """A number as people write it: 2 rather than 2.0, 0.05 rather than 5e-02.

    >>> whole(2.0), whole(0.05), whole(1e-300)
    ('2', '0.05', '1e-300')
    """
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:g}" if abs(number) >= 1e-4 else repr(float(number))


def _sampling(default: float, low: float, high: float, help: str) -> Any:
    """A SampleSettings field with its allowed range (read by __post_init__ and the OpenAPI description)."""
    return field(default=default, metadata={"low": low, "high": high, "help": help})


@dataclass(frozen=True)
class SampleSettings:
    """How to sample posts; the defaults are the original's (temperature 0.7, top_p 0.9, top_k 40).

    Each field's range is in its metadata (``fields(SampleSettings)[0].metadata["low"]``): the
    server checks it here, the OpenAPI description and the page's inputs take it from there.
    """

    num_samples: int = _sampling(20, 1, 50, "posts generated before ranking")
    length: int = _sampling(80, 1, 400, "tokens generated after the prompt")
    # below 0.05 sampling degenerates: temperature 1e-300 overflows to no post, top_p 1e-300 samples uniformly
    temperature: float = _sampling(0.7, 0.05, 2.0, "sampling temperature; higher is wilder")
    top_p: float = _sampling(0.9, 0.05, 1.0, "nucleus sampling; 1 turns it off")
    top_k: int = _sampling(40, 0, 1000, "sample from the k likeliest tokens; 0 turns it off")

    def __post_init__(self) -> None:
        for spec in fields(self):
            low, high = spec.metadata["low"], spec.metadata["high"]
            value = getattr(self, spec.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                raise BadRequest(f"{spec.name} must be a number, got {value!r}")
            if spec.type in (int, "int") and not float(value).is_integer():
                raise BadRequest(f"{spec.name} must be a whole number, got {whole(value)}")
            if not low <= value <= high:
                raise BadRequest(f"{spec.name} must be between {whole(low)} and {whole(high)}, got {whole(value)}")
            object.__setattr__(self, spec.name, int(value) if spec.type in (int, "int") else float(value))

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Post:
    """One generated post as the user sees it: the text, its sentiment label and that label's confidence."""

    text: str
    sentiment: str  # one of SENTIMENTS
    score: float  # the top class's confidence, 0-1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sentiment": self.sentiment, "score": self.score}

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> "Post":
        return cls(text=str(value["text"]), sentiment=str(value["sentiment"]), score=float(value["score"]))


@dataclass(frozen=True)
class GenerateRequest:
    """A validated request: which side, which prompt, which settings, and which version of the side's model."""

    side: str
    prompt: str
    settings: SampleSettings = field(default_factory=SampleSettings)
    model_version: str = ""  # the side's model fingerprint (Layout.model_fingerprint); "" where unknown

    @property
    def key(self) -> str:
        """Cache and job id: same side, lower-cased prompt, settings and model version give the same key.

        A retrained model has another version, so its answers never mix with the old model's.
        """
        parts: list[Any] = [self.side, self.prompt.lower(), self.settings.to_dict()]
        if self.model_version:  # keys of requests without a version stay as they always were
            parts.append(self.model_version)
        body = json.dumps(parts, sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        value = {"model": self.side, "prompt": self.prompt, **self.settings.to_dict()}
        if self.model_version:
            value["model_version"] = self.model_version
        return value

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> "GenerateRequest":
        """The inverse of ``to_dict`` (a request stored by a queue).

        >>> request = GenerateRequest("left", "Fuel prices", SampleSettings(top_k=0), model_version="ab12")
        >>> GenerateRequest.from_dict(request.to_dict()) == request
        True
        """
        settings = SampleSettings(**{name: value[name] for name in SampleSettings.names()})
        return cls(side=value["model"], prompt=value["prompt"], settings=settings,
                   model_version=str(value.get("model_version", "")))


def normalize_prompt(prompt: str) -> str:
    """Drop control characters, collapse whitespace and keep the first MAX_PROMPT_WORDS words."""
    return " ".join(strip_controls(prompt).split()[:MAX_PROMPT_WORDS])


def parse_generate_query(query: Mapping[str, Any], sides: Collection[str],
                         versions: Mapping[str, str] | None = None) -> GenerateRequest:
    """Validate the original API's query string (model, prompt, num_samples, ...) into a request.

    ``versions`` maps each side to its model's fingerprint, which becomes part of the request's key.
    """
    side = query.get("model") or query.get("side")
    if not side:
        raise BadRequest(f"model is required: one of {', '.join(sorted(sides))}")
    if side not in sides:
        raise BadRequest(f"unknown model {side!r}: one of {', '.join(sorted(sides))}")
    raw_prompt = query.get("prompt")
    if not isinstance(raw_prompt, str) or not normalize_prompt(raw_prompt):
        raise BadRequest("prompt is required and must not be blank")
    if len(raw_prompt) > MAX_PROMPT_CHARS:
        raise BadRequest(f"prompt is too long: at most {MAX_PROMPT_CHARS} characters, got {len(raw_prompt)}")
    values: dict[str, Any] = {}
    for name in SampleSettings.names():
        if query.get(name) in (None, ""):
            continue
        text = str(query[name]).strip()
        try:
            number = float(text)
        except ValueError:
            raise BadRequest(f"{name} must be a number, got {text!r}") from None
        if not math.isfinite(number):
            raise BadRequest(f"{name} must be a finite number, got {text!r}")
        values[name] = number
    return GenerateRequest(side=side, prompt=normalize_prompt(raw_prompt), settings=SampleSettings(**values),
                           model_version=(versions or {}).get(side, ""))


def parse_int_param(query: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int:
    """A whole-number query parameter between ``low`` and ``high``, or ``default`` when it is absent or empty."""
    text = query.get(name)
    if text in (None, ""):
        return default
    try:
        value = int(str(text).strip())
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, got {str(text)[:20]!r}") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}, got {value}")
    return value


def parse_prompts_query(query: Mapping[str, Any], sides: Collection[str]) -> tuple[str | None, str, int]:
    """Validate ``GET /prompts?model&prefix&limit`` into (side or None, whitespace-collapsed prefix, limit).

    >>> parse_prompts_query({"model": "left", "prefix": "  fuel   pr"}, sides=["left"])
    ('left', 'fuel pr', 20)
    """
    side = query.get("model") or None
    if side is not None and side not in sides:
        raise BadRequest(f"unknown model {side!r}: one of {', '.join(sides)}")
    prefix = query.get("prefix", "")
    if len(prefix) > MAX_PROMPT_CHARS:
        raise BadRequest(f"prefix is too long: at most {MAX_PROMPT_CHARS} characters")
    return side, " ".join(strip_controls(prefix).split()), parse_int_param(query, "limit", *PROMPTS_LIMIT)


def parse_feedback(body: Any, sides: Collection[str]) -> dict[str, Any]:
    """Validate a ``POST /feedback`` JSON body into ``{"message", "prompt", "model", "rating"}`` (None when absent).

    >>> parse_feedback({"message": " Too angry ", "rating": 2}, sides=["left"])
    {'message': 'Too angry', 'prompt': None, 'model': None, 'rating': 2}
    """
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object with a 'message'")
    unknown = sorted(set(body) - set(FEEDBACK_FIELDS))
    if unknown:
        raise BadRequest(f"unknown field(s) {', '.join(map(repr, unknown))}: use {', '.join(FEEDBACK_FIELDS)}")
    message, prompt, model, rating = (body.get(name) for name in FEEDBACK_FIELDS)
    if not isinstance(message, str) or not message.strip():
        raise BadRequest("message is required and must be a non-blank string")
    if len(message) > MAX_FEEDBACK_CHARS:
        raise BadRequest(f"message is too long: at most {MAX_FEEDBACK_CHARS} characters, got {len(message)}")
    if prompt is not None and (not isinstance(prompt, str) or len(prompt) > MAX_PROMPT_CHARS):
        raise BadRequest(f"prompt must be a string of at most {MAX_PROMPT_CHARS} characters")
    if model is not None and model not in sides:
        raise BadRequest(f"unknown model {model!r}: one of {', '.join(sides)}")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5):
        raise BadRequest(f"rating must be a whole number from 1 to 5, got {rating!r}")
    for name, text in (("message", message), ("prompt", prompt)):
        # a lone surrogate (JSON's "\ud800") has no UTF-8 form to store; NUL is refused as in prompts
        if isinstance(text, str) and ("\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)):
            raise BadRequest(f"{name} must not contain NUL characters or lone surrogates")
    return {"message": message.strip(), "prompt": prompt, "model": model, "rating": rating}


def pending_job(job_id: str, status: str = "pending", attempts: int | None = None) -> dict[str, Any]:
    """The 202 body of a queued job: its id and where to poll it (and its attempts, where the queue says)."""
    body: dict[str, Any] = {"job": job_id, "status": status, "location": f"/jobs/{job_id}"}
    if attempts is not None:
        body["attempts"] = attempts
    return body


def failed_job(job_id: str, attempts: int, error: str) -> dict[str, Any]:
    """The 422 body of a job that failed for good: asking /generate again retries it.

    ``error`` is what the worker recorded for the public (``public_error``): no paths, no internals.
    """
    message = f"generation failed after {attempts} attempts ({error}); ask again to retry or try another prompt"
    return {"job": job_id, "status": "failed", "attempts": attempts, "error": message}


VIEWS = ("majority", "all")  # /generate?view=: the original majority list, or every ranked post


def parse_view(query: Mapping[str, Any]) -> str:
    """``view``: "majority" (the original answer, the default) or "all" (every post, its own sentiment, and
    whether it is in the majority)."""
    view = query.get("view") or "majority"
    if view not in VIEWS:
        raise BadRequest(f"view must be one of {', '.join(VIEWS)}, got {str(view)[:20]!r}")
    return view


def posts_view(posts: list[Post], view: str) -> list[dict[str, Any]]:
    """The JSON list /generate answers: the majority view (the original shape), or every post marked.

    >>> posts = [Post("a", "POSITIVE", 0.9), Post("b", "NEGATIVE", 0.8), Post("c", "POSITIVE", 0.6)]
    >>> [post["text"] for post in posts_view(posts, "majority")]
    ['a', 'c']
    >>> [(post["text"], post["sentiment"], post["majority"]) for post in posts_view(posts, "all")]
    [('a', 'POSITIVE', True), ('b', 'NEGATIVE', False), ('c', 'POSITIVE', True)]
    """
    majority = majority_view(posts)
    if view == "majority":
        return [post.to_dict() for post in majority]
    winner = majority[0].sentiment if majority else None
    return [{**post.to_dict(), "majority": post.sentiment == winner} for post in posts]


def majority_view(posts: list[Post]) -> list[Post]:
    """The posts whose sentiment is the most common one, in their given order, as the original showed.

    A tie goes to the label whose posts have the higher total score.

    >>> view = majority_view([Post("a", "POSITIVE", 0.9), Post("b", "NEGATIVE", 0.8), Post("c", "POSITIVE", 0.6)])
    >>> [post.text for post in view]
    ['a', 'c']
    """
    if not posts:
        return []
    totals: dict[str, tuple[int, float]] = {}
    for post in posts:
        count, score = totals.get(post.sentiment, (0, 0.0))
        totals[post.sentiment] = (count + 1, score + post.score)
    winner = max(totals, key=lambda label: totals[label])
    return [post for post in posts if post.sentiment == winner]
