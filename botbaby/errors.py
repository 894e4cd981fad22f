"""Errors meant for the user: each says what went wrong and what to do next.

    >>> from botbaby.errors import BotbabyError
    >>> str(BotbabyError("no posts for side 'left': run `botbaby scrape left` first"))
    "no posts for side 'left': run `botbaby scrape left` first"

The CLI prints these as one line and exits with status 2; anything else is a bug.
"""


class BotbabyError(Exception):
    """A problem the user can fix (bad input, a missing earlier stage, a missing extra)."""


class ConfigError(BotbabyError, ValueError):
    """A setting is unknown or out of range."""


class MissingExtra(BotbabyError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""
