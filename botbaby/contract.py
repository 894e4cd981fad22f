"""The generation contract shared by the CLI, the notebook widget, ``botbaby serve`` and the Lambda.

    >>> request = parse_generate_query({"model": "left", "prompt": "  Fuel prices  "}, sides=["left", "right"])
    >>> request.side, request.prompt, request.settings.top_k
    ('left', 'Fuel prices', 40)
    >>> parse_generate_query({"model": "left", "prompt": "x", "top_p": "1.5"}, sides=["left"])
    Traceback (most recent call last):
    ...
    botbaby.contract.BadRequest: top_p must be between 0.0 and 1.0, got 1.5

Everything here is plain Python so the Lambda bundle can import it without TensorFlow.
"""

import hashlib
import json
import math
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from botbaby.errors import BotbabyError

SENTIMENTS = ("POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED")
MAX_PROMPT_WORDS = 20  # the original cut prompts to their first 20 words
MAX_PROMPT_CHARS = 280  # one post's worth


class BadRequest(BotbabyError, ValueError):
    """A request parameter is missing or out of range (HTTP 400)."""


@dataclass(frozen=True)
class SampleSettings:
    """How to sample posts; the defaults are the original's (temperature 0.7, top_p 0.9, top_k 40)."""

    num_samples: int = 20  # posts generated per prompt, before post-processing and ranking (1-50)
    length: int = 80  # tokens generated after the prompt (1-400)
    temperature: float = 0.7  # > 0, at most 2; higher is wilder
    top_p: float = 0.9  # nucleus sampling: 0 < top_p <= 1; 1 turns it off
    top_k: int = 40  # sample from the k likeliest tokens; 0 turns it off (0-1000)

    # (low, high, low_inclusive) per setting; checked in __post_init__
    _RANGES = {
        "num_samples": (1, 50, True),
        "length": (1, 400, True),
        "temperature": (0.0, 2.0, False),
        "top_p": (0.0, 1.0, False),
        "top_k": (0, 1000, True),
    }

    def __post_init__(self) -> None:
        for name, (low, high, low_inclusive) in self._RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                raise BadRequest(f"{name} must be a number, got {value!r}")
            if isinstance(low, int) and not float(value).is_integer():
                raise BadRequest(f"{name} must be a whole number, got {value}")
            too_low = value < low if low_inclusive else value <= low
            if too_low or value > high:
                raise BadRequest(f"{name} must be between {low} and {high}, got {value}")
            object.__setattr__(self, name, type(low)(value))

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
    """A validated request: which side, which prompt, which settings."""

    side: str
    prompt: str
    settings: SampleSettings = field(default_factory=SampleSettings)

    @property
    def key(self) -> str:
        """Cache and job id: same side, same lower-cased prompt and same settings give the same key."""
        body = json.dumps([self.side, self.prompt.lower(), self.settings.to_dict()], sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.side, "prompt": self.prompt, **self.settings.to_dict()}


def normalize_prompt(prompt: str) -> str:
    """Collapse whitespace and keep the first MAX_PROMPT_WORDS words."""
    return " ".join(prompt.split()[:MAX_PROMPT_WORDS])


def parse_generate_query(query: Mapping[str, Any], sides: Collection[str]) -> GenerateRequest:
    """Validate the original API's query string (model, prompt, num_samples, ...) into a request."""
    side = query.get("model") or query.get("side")
    if not side:
        raise BadRequest(f"model is required: one of {', '.join(sorted(sides))}")
    if side not in sides:
        raise BadRequest(f"unknown model {side!r}: one of {', '.join(sorted(sides))}")
    raw_prompt = query.get("prompt")
    if not isinstance(raw_prompt, str) or not raw_prompt.strip():
        raise BadRequest("prompt is required and must not be blank")
    if len(raw_prompt) > MAX_PROMPT_CHARS:
        raise BadRequest(f"prompt is too long: at most {MAX_PROMPT_CHARS} characters, got {len(raw_prompt)}")
    if "\x00" in raw_prompt:
        raise BadRequest("prompt must not contain NUL characters")
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
    return GenerateRequest(side=side, prompt=normalize_prompt(raw_prompt), settings=SampleSettings(**values))


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
