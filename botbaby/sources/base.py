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
- ``followers(leader, cursor)``: one page of a leader's followers (the leader an :class:`Account`,
  asked for by its id where it has one);
- ``profiles(handles)``: look accounts up by handle (at most ``profiles_per_call`` a call),
  with their follower counts where the source gives them; accounts missing from the answer are
  suspended, deleted or unknown;
- ``posts(account, since, cursor, until=None, retweets=False)``: one page of an account's posts
  (its replies included), newest first, as rows for :class:`botbaby.tweets.TweetStore`; only
  posts from ``since`` to before ``until``; reposts (flagged ``is_retweet``) only when
  ``retweets``. The account is asked for by its id, so a changed handle changes nothing.

A suspended, deleted or unknown account raises :class:`AccountUnavailable`; stages record it and
go on. An answer of the wrong shape, a ``base_url`` that is not an HTTP address or where nothing
answers is one :class:`BotbabyError` line naming the address. Rate limits and retries live in
:mod:`botbaby.sources.ratelimit`.
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
    followers: int | None = field(default=None, compare=False)  # follower count, where the answer gives it

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
    keyset_cursors: bool  # whether a posts cursor stays valid for another ``since`` (and in later runs)
    limiter: RateLimiter  # paces requests; stages read its wait counters for progress bars

    def similar_accounts(self, handle: str) -> list[Account]: ...

    def followers(self, leader: Account, cursor: str | None = None) -> Page[Account]: ...

    def profiles(self, actors: list[str]) -> list[Account]: ...

    def posts(
        self, account: Account, since: datetime, cursor: str | None = None, *,
        until: datetime | None = None, retweets: bool = False,
    ) -> Page[dict[str, Any]]: ...


def take_source(overrides: dict[str, Any]) -> "Source | None":
    """A ready source object passed as the ``source`` setting (a custom source, one pointed at a test
    server), replaced in ``overrides`` by its registry name; None when ``source`` is a name or absent."""
    source = overrides.get("source")
    if source is None or isinstance(source, str):
        return None
    overrides["source"] = source.name
    return source


def check_base_url(base_url: str) -> str:
    """``base_url`` if it is an http(s) address, else a one-line error (before any request waits on it)."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BotbabyError(f"--base-url {base_url!r} is not an http:// or https:// address (e.g. https://public.api.bsky.app)")
    return base_url.rstrip("/")


def unexpected_answer(url: str, what: str, expected: str) -> BotbabyError:
    """The error for an answer that is not what the service sends (a proxy page, another API)."""
    return BotbabyError(f"{url} answered the {what} with something else than {expected}: check --base-url")


def no_answer(url: str, exc: BaseException) -> BotbabyError:
    """The error for a first request that got no HTTP answer at all (nothing listening, wrong host)."""
    reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return BotbabyError(f"no answer from {url} ({type(exc).__name__}: {reason}): check --base-url and the network")


def open_source(source: "str | Source", **options: Any) -> Source:
    """A ready source: ``source`` itself if it is one already, else the registry's ``open_source``.

    Every network source takes ``base_url``, ``timeout`` (seconds per request) and ``limiter``;
    ``None`` values are dropped first so the source's defaults apply. An option a source does not
    take is an error, never silently ignored.
    """
    if not isinstance(source, str):
        return source
    from botbaby.sources import source_module

    module = source_module(source)
    if not hasattr(module, "open_source"):
        raise BotbabyError(f"source {source!r} imports files (botbaby scrape --source {source} --files ...); "
                           "use x or bluesky to find leaders, followers and posts")
    return module.open_source(**{k: v for k, v in options.items() if v is not None})
