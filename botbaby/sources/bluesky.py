"""Bluesky through the ``atproto`` client: the public AppView, no login needed.

    botbaby leaders left --source bluesky --seeds alice.bsky.social --data botbaby-data
    botbaby scrape left --source bluesky --base-url http://127.0.0.1:8000 --data botbaby-data

In Python (``open_source`` needs ``pip install 'botbaby[collect]'``)::

    source = open_source(base_url="https://public.api.bsky.app")
    source.followers("alice.bsky.social").items[:3]

Similar accounts come from ``app.bsky.graph.getSuggestedFollowsByActor``, followers from
``app.bsky.graph.getFollowers``, profiles (with follower counts) from ``app.bsky.actor.getProfiles``
(25 a call) and posts from ``app.bsky.feed.getAuthorFeed`` (newest first: paging stops at the
first item older than ``since``).

The feed is asked for with ``filter=posts_with_replies``: the account's posts, its replies and its
reposts. (``posts_no_replies`` would drop every reply the account wrote: on the AppView it keeps
posts and reposts only; see ``packages/bsky/src/data-plane/server/routes/feeds.ts`` in
bluesky-social/atproto.) Replies are stored as the account's own posts. A repost is the account's
act on someone else's post: stored only with ``retweets=True``, flagged ``is_retweet``, keyed by the
original's URI and who reposted it, and dated when it was reposted (the feed's order).

Requests are paced from the AppView's ``ratelimit-*`` headers, read through an httpx response hook
on atproto's own HTTP client; every request gives up after ``timeout`` seconds.
"""

from datetime import datetime
from typing import Any

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.sources.base import Account, AccountUnavailable, Page, check_base_url, no_answer, unexpected_answer
from botbaby.sources.ratelimit import RateLimited, RateLimiter, Transient

DEFAULT_BASE_URL = "https://public.api.bsky.app"  # the public, unauthenticated AppView
PAGE_SIZE = 100  # the most getFollowers and getAuthorFeed return in one page
PROFILES_PER_CALL = 25  # getProfiles' limit
FEED_FILTER = "posts_with_replies"  # the account's posts, replies and reposts (the others drop replies or reposts)

# XRPC error names meaning the account cannot be read (it is gone, suspended or hidden from us).
_GONE_ERRORS = {"AccountTakedown", "AccountDeactivated", "ActorNotFound", "BlockedActor", "BlockedByActor"}


def open_source(base_url: str | None = None, limiter: RateLimiter | None = None, timeout: float = 30.0):
    """A Bluesky source talking to ``base_url`` (default: the public AppView)."""
    return BlueskySource(check_base_url(base_url or DEFAULT_BASE_URL), limiter=limiter, timeout=timeout)


class BlueskySource:
    """The :class:`botbaby.sources.base.Source` interface over atproto's ``Client``."""

    name = "bluesky"
    profiles_per_call = PROFILES_PER_CALL
    keyset_cursors = True  # a feed cursor is a position in time: it pages on to any lower bound, in any later run

    def __init__(self, base_url: str, limiter: RateLimiter | None = None, timeout: float = 30.0):
        atproto = require("atproto", extra="collect")
        self._exceptions = require("atproto_client.exceptions", extra="collect")
        self._httpx = require("httpx", extra="collect")
        self._headers: dict[str, str] = {}
        self._url = base_url  # of the last answer, for errors
        self._answered = False  # whether anything at base_url has answered yet
        request = atproto.Request(timeout=timeout, event_hooks={"response": [self._remember_headers]})
        self.client = atproto.Client(base_url=base_url, request=request)
        self.base_url = base_url
        self.limiter = limiter or RateLimiter("ratelimit-")

    def _remember_headers(self, response: Any) -> None:
        self._headers = dict(response.headers)
        self._url = str(response.url)
        self._answered = True

    def _call(self, what: str, handle: str | None, method: Any, params: dict[str, Any], expected: str) -> Any:
        """Call one XRPC query through the limiter, translating atproto's errors.

        ``expected`` names what a right answer holds, for the error when something else answers.
        """
        exceptions = self._exceptions

        def request() -> tuple[Any, dict[str, str]]:
            self._headers = {}
            try:
                result = method(params)
            except exceptions.ModelError as exc:  # a 200 that is not this XRPC method's JSON
                raise unexpected_answer(self._url, what, expected) from exc
            except exceptions.RequestErrorBase as exc:
                response = exc.response
                if response is None:  # connection refused / reset, timeout
                    if not self._answered:  # nothing ever answered here: a wrong address, not a hiccup
                        raise no_answer(self.base_url, exc.__cause__ or exc) from exc
                    raise Transient(type(exc).__name__) from exc
                status = response.status_code
                if status == 429:
                    raise RateLimited(response.headers) from exc
                if status >= 500 or status in (408, 409):
                    raise Transient(f"HTTP {status}") from exc
                error = getattr(response.content, "error", None)
                message = getattr(response.content, "message", None) or ""
                if handle is not None and (error in _GONE_ERRORS or "not found" in message.lower()):
                    raise AccountUnavailable(handle, error or message) from exc
                # e.g. 400 for an actor that is neither a handle nor a DID: asking again cannot help
                said = ": ".join(part for part in (error, message) if part) or "no reason given"
                raise BotbabyError(
                    f"Bluesky refused the {what} (HTTP {status}: {said}); check the handles "
                    "(e.g. alice.bsky.social) and --base-url"
                ) from exc
            except self._httpx.TransportError as exc:  # e.g. the server closed the connection mid-answer
                if not self._answered:
                    raise no_answer(self.base_url, exc) from exc
                raise Transient(type(exc).__name__) from exc
            return result, self._headers

        # Bluesky counts every request against one per-client window.
        return self.limiter.call("appview", request, what=what)

    def similar_accounts(self, handle: str) -> list[Account]:
        result = self._call(
            f"suggested follows of {handle}", handle,
            self.client.app.bsky.graph.get_suggested_follows_by_actor, {"actor": handle}, "JSON with 'suggestions'",
        )
        return [Account(handle=p.handle, id=p.did) for p in result.suggestions]

    def followers(self, leader: Account, cursor: str | None = None) -> Page[Account]:
        handle = leader.handle
        result = self._call(
            f"followers of {handle}", handle, self.client.app.bsky.graph.get_followers,
            {"actor": leader.id or handle, "limit": PAGE_SIZE, "cursor": cursor}, "JSON with 'followers'",
        )
        return Page([Account(handle=p.handle, id=p.did) for p in result.followers], result.cursor or None)

    def profiles(self, actors: list[str]) -> list[Account]:
        if len(actors) > PROFILES_PER_CALL:
            raise ValueError(f"getProfiles takes at most {PROFILES_PER_CALL} actors, got {len(actors)}")
        if not actors:
            return []
        result = self._call(
            f"profiles of {len(actors)} accounts", None, self.client.app.bsky.actor.get_profiles,
            {"actors": list(actors)}, "JSON with 'profiles'",
        )
        return [Account(handle=p.handle, id=p.did, followers=p.followers_count) for p in result.profiles]

    def posts(
        self, account: Account, since: datetime, cursor: str | None = None, *,
        until: datetime | None = None, retweets: bool = False,
    ) -> Page[dict[str, Any]]:
        handle = account.handle
        result = self._call(
            f"posts of {handle}", handle, self.client.app.bsky.feed.get_author_feed,
            {"actor": account.id or handle, "limit": PAGE_SIZE, "cursor": cursor, "filter": FEED_FILTER},
            "JSON with 'feed'",
        )
        rows = []
        reached_since = False
        for item in result.feed:
            post = item.post
            record = post.record
            text = getattr(record, "text", None)
            created = getattr(record, "created_at", None)
            if text is None or created is None:
                continue  # not a plain post record (e.g. a record type this client does not know)
            reason = item.reason
            is_repost = reason is not None and getattr(reason, "py_type", "").endswith("reasonRepost")
            # The feed is ordered by when an item entered it: a repost by when it was reposted.
            when = _parse_time(reason.indexed_at if is_repost else created)
            if when < since:
                reached_since = True
                continue
            if (until is not None and when >= until) or (is_repost and not retweets):
                continue
            rows.append(
                {
                    # A repost is the account's act, not the original post: key it by who reposted.
                    "id": f"{post.uri}#repost-by-{reason.by.did}" if is_repost else post.uri,
                    "handle": handle,
                    "created_at": when,
                    "text": text,
                    "is_retweet": is_repost,
                    "source": self.name,
                }
            )
        next_cursor = None if reached_since or not result.feed else (result.cursor or None)
        return Page(rows, next_cursor)


def _parse_time(value: str) -> datetime:
    """Parse an AT Protocol datetime (RFC 3339, 'Z' or an offset, optional fractions) as aware UTC."""
    import pandas as pd

    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.to_pydatetime()
