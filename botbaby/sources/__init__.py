"""Where posts and accounts come from: one module per source, imported only when used.

    >>> sorted(SOURCES)
    ['archive', 'bluesky', 'getoldtweets3', 'x']

``archive`` imports files the user already has; the others talk to a network service through its
real client library (tweepy, atproto, GetOldTweets3), installed with ``pip install 'botbaby[collect]'``.
"""

import importlib
from types import ModuleType

from botbaby.errors import BotbabyError

# name -> module; each network module exposes ``open_source(**options)`` returning a source object.
SOURCES = {
    "archive": "botbaby.sources.archive",
    "x": "botbaby.sources.x",
    "bluesky": "botbaby.sources.bluesky",
    "getoldtweets3": "botbaby.sources.getoldtweets3",
}


def source_module(name: str) -> ModuleType:
    """The module implementing source ``name`` (a clear error for an unknown name)."""
    if name not in SOURCES:
        raise BotbabyError(f"unknown source {name!r}: one of {', '.join(sorted(SOURCES))}")
    return importlib.import_module(SOURCES[name])
