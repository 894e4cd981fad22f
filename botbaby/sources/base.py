"""The small interface every network source implements (x, bluesky, getoldtweets3).

    >>> page = Page(items=[Account(handle="alice.bsky.social", id="did:plc:abc")], cursor="2")
    >>> page.done
    False
    >>> Page(items=[], cursor=None).done
    True
    >>> account_key("1234567890")
    1234567890
    >>> account_key("did:plc:abc") < 0  # non-numeric ids hash to negative keys, never clashing with X ids
    True

A source answers four questions about accounts and posts, page by page, each page carrying the
cursor of the next one (``None`` on the last page), so a stage can store the cursor and resume:

- ``similar_accounts(handle)``: accounts like this leader (Bluesky: suggested follows; X has no such
  endpoint, so the X source returns the accounts the leader follows and the leaders stage counts
  how many leaders follow each);
- ``followers(handle, cursor)``: one page of a leader's followers;
- ``profiles(handles)``: look accounts up (at most ``profiles_per_call`` a call); accounts missing
  from the answer are suspended, deleted or unknown;
- ``posts(handle, since, cursor)``: one page of an account's posts, newest first, as rows for
  :class:`botbaby.tweets.TweetStore`.

A suspended, deleted or unknown account raises :class:`AccountUnavailable`; stages record it and
go on. Rate limits and retries live in :mod:`botbaby.sources.ratelimit`.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from botbaby.errors import BotbabyError
from botbaby.sources.ratelimit import RateLimiter

T = TypeVar("T")

_INT63 = (1 << 63) - 1


@dataclass(frozen=True)
class Account:
    """An account as a source knows it: the handle people see and the source's stable id."""

    handle: str  # without '@' (X: screen name; Bluesky: domain-style handle)
    id: str  # X: numeric user id; Bluesky: DID

    @property
    def key(self) -> int:
        """The int64 key ``rank`` counts with (see :func:`account_key`)."""
        return account_key(self.id)


@dataclass
class Page(Generic[T]):
    """One page of results and the cursor of the next page (``None`` when this is the last)."""

    items: list[T] = field(default_factory=list)
    cursor: str | None = None

    @property
    def done(self) -> bool:
        return self.cursor is None


class AccountUnavailable(Exception):
    """The account is suspended, deleted, deactivated or unknown; record it and skip it."""

    def __init__(self, handle: str, reason: str):
        super().__init__(f"{handle}: {reason}")
        self.handle = handle
        self.reason = reason


def account_key(account_id: str) -> int:
    """Map a source's account id to an int64: numeric ids as themselves, others (DIDs) to a hash.

    Hashed keys are negative, so they never equal a numeric X id; 63 hash bits make a collision
    among a few million accounts about as likely as winning a lottery twice.
    """
    if account_id.isdigit() and int(account_id) <= _INT63:
        return int(account_id)
    digest = int.from_bytes(hashlib.blake2b(account_id.encode(), digest_size=8).digest(), "big")
    return -1 - (digest & _INT63)


class Source(Protocol):
    """What the leaders, followers and scrape stages need from a network source."""

    name: str  # the registry name, stored in each post's ``source`` column
    profiles_per_call: int  # how many handles one ``profiles`` call may look up
    limiter: RateLimiter  # paces requests; stages read its wait counters for progress bars

    def similar_accounts(self, handle: str) -> list[Account]: ...

    def followers(self, handle: str, cursor: str | None = None) -> Page[Account]: ...

    def profiles(self, handles: list[str]) -> list[Account]: ...

    def posts(self, handle: str, since: datetime, cursor: str | None = None) -> Page[dict[str, Any]]: ...


def open_source(source: "str | Source", **options: Any) -> Source:
    """A ready source: ``source`` itself if it is one already, else the registry's ``open_source``.

    Options a source does not take are ignored (``None`` values are dropped first), so a stage can
    pass ``base_url`` to every source.
    """
    if not isinstance(source, str):
        return source
    from botbaby.sources import source_module

    module = source_module(source)
    if not hasattr(module, "open_source"):
        raise BotbabyError(f"source {source!r} imports files (botbaby scrape --source {source} --files ...); "
                           "use x or bluesky to find leaders, followers and posts")
    return module.open_source(**{k: v for k, v in options.items() if v is not None})
