"""Sentiment of generated posts, and the original's ranking: keep the 10 most confident, order by sentiment.

    >>> analyzer = get_analyzer("vader")
    >>> analyzer.analyze(["What a wonderful, happy day!"])[0][0]
    'POSITIVE'
    >>> posts = rank(["a", "b", "c"], [("NEGATIVE", 0.9), ("POSITIVE", 0.5), ("POSITIVE", 0.8)], keep=2)
    >>> [(post.text, post.sentiment) for post in posts]
    [('c', 'POSITIVE'), ('a', 'NEGATIVE')]

Backends are modules here exposing ``Analyzer`` (``analyze(texts) -> [(label, score), ...]``, a
label from ``botbaby.contract.SENTIMENTS`` and its confidence in 0..1); ``get_analyzer`` imports
them lazily, so ``comprehend`` (boto3) costs nothing unless chosen. ``vader`` is offline and the
default.
"""

import importlib
from collections.abc import Sequence
from typing import Protocol

from botbaby.contract import SENTIMENTS, Post
from botbaby.errors import BotbabyError

BACKENDS = {  # name -> module exposing Analyzer
    "vader": "botbaby.sentiment.vader",
    "comprehend": "botbaby.sentiment.comprehend",
}
DEFAULT_BACKEND = "vader"
KEEP = 10  # the original kept the 10 highest-scoring posts


class Analyzer(Protocol):
    """Labels texts with a sentiment and that label's confidence."""

    def analyze(self, texts: Sequence[str]) -> list[tuple[str, float]]: ...


def get_analyzer(name: str = DEFAULT_BACKEND, **options) -> Analyzer:
    """The sentiment backend called ``name`` (``vader`` or ``comprehend``), built with ``options``."""
    if name not in BACKENDS:
        raise BotbabyError(f"unknown sentiment backend {name!r}: one of {', '.join(BACKENDS)}")
    return importlib.import_module(BACKENDS[name]).Analyzer(**options)


def rank(texts: Sequence[str], labels: Sequence[tuple[str, float]], keep: int = KEEP) -> list[Post]:
    """Keep the ``keep`` posts with the highest scores, ordered by sentiment (then by score).

    A high score in any class marks a coherent post (the original's reasoning); ties keep the
    generation order.
    """
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} sentiment labels")
    posts = [Post(text=text, sentiment=label, score=float(score)) for text, (label, score) in zip(texts, labels, strict=True)]
    for post in posts:
        if post.sentiment not in SENTIMENTS:
            raise BotbabyError(f"sentiment backend returned an unknown label {post.sentiment!r}")
    order = sorted(range(len(posts)), key=lambda i: -posts[i].score)[:keep]
    return sorted((posts[i] for i in order), key=lambda post: (SENTIMENTS.index(post.sentiment), -post.score))
