"""The original project's downloader: GetOldTweets3, a username's history without an API key.

    botbaby scrape left --source getoldtweets3 --since 2014-01-01 --data botbaby-data

GetOldTweets3 scraped ``https://twitter.com/i/search/timeline``, which Twitter turned off in
September 2020. The adapter is kept so the original pipeline can be reproduced wherever that
endpoint (or a mirror, via ``base_url``) still answers. Against today's endpoint the library prints
an error and calls ``sys.exit()``; this adapter turns that into one clear
:class:`~botbaby.errors.BotbabyError` naming the sources that work: ``x``, ``bluesky`` and
``archive``.

GetOldTweets3 only downloads posts: it cannot list followers or similar accounts, and it cannot
look accounts up, so every handle is assumed to exist. It has no page cursor either: an account's
whole history arrives in one call (one "page").
"""

import contextlib
import io
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from botbaby._capture import prints_of
from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.sources.base import Account, Page, check_base_url
from botbaby.sources.ratelimit import RateLimiter

ENDPOINT = "https://twitter.com"  # where GetOldTweets3 sends its search requests
# The sources that can stand in for it: for leaders and followers, and (with archive) for posts.
NETWORK_ALTERNATIVES = "use --source x (X API v2, needs X_BEARER_TOKEN), --source bluesky (no account needed)"
ALTERNATIVES = NETWORK_ALTERNATIVES + ", or --source archive --files ... (posts you already have, e.g. an X archive)"

_patch_lock = threading.Lock()


def open_source(base_url: str | None = None, limiter: RateLimiter | None = None, timeout: float | None = None):
    """A GetOldTweets3 source; ``base_url`` sends its requests to a mirror instead of twitter.com.

    ``timeout`` is accepted like every source's, but GetOldTweets3 opens its connections itself
    and waits as long as the server keeps them open.
    """
    return GetOldTweets3Source(base_url=check_base_url(base_url) if base_url else None, limiter=limiter)


class GetOldTweets3Source:
    """Posts through GetOldTweets3's ``TweetManager``; a dead endpoint becomes a BotbabyError."""

    name = "getoldtweets3"
    profiles_per_call = 100
    keyset_cursors = False  # one search, no pages

    def __init__(self, base_url: str | None = None, limiter: RateLimiter | None = None):
        self._got = require("GetOldTweets3", extra="collect")
        self.base_url = base_url
        self.limiter = limiter or RateLimiter("x-rate-limit-")  # GetOldTweets3 sends no rate-limit headers

    def similar_accounts(self, handle: str) -> list[Account]:
        raise BotbabyError(f"GetOldTweets3 cannot find similar accounts: {NETWORK_ALTERNATIVES}")

    def followers(self, leader: Account, cursor: str | None = None) -> Page[Account]:
        raise BotbabyError(f"GetOldTweets3 cannot list followers: {NETWORK_ALTERNATIVES}")

    def profiles(self, handles: list[str]) -> list[Account]:
        # No lookup without the API: assume every handle exists (a gone one simply has no posts).
        return [Account(handle=h, id=h) for h in handles]

    def posts(
        self, account: Account, since: datetime, cursor: str | None = None, *,
        until: datetime | None = None, retweets: bool = False,
    ) -> Page[dict[str, Any]]:
        handle = account.handle
        manager = self._got.manager
        criteria = manager.TweetCriteria().setUsername(handle).setSince(since.strftime("%Y-%m-%d"))
        printed = io.StringIO()
        try:
            with self._redirected(), prints_of(sys.modules[manager.TweetManager.__module__], printed.write):
                tweets = manager.TweetManager.getTweets(criteria)
        except SystemExit as exc:  # what GetOldTweets3 does on any HTTP or parsing error
            said = " ".join(line for line in printed.getvalue().splitlines() if not line.startswith("Try to open"))
            raise BotbabyError(
                f"GetOldTweets3 could not download @{handle}'s posts ({said.strip() or 'no answer'}): its "
                f"endpoint {self.base_url or ENDPOINT}/i/search/timeline has been gone since September 2020; "
                + ALTERNATIVES
            ) from exc
        except Exception as exc:  # e.g. an answer the library cannot parse
            raise BotbabyError(
                f"GetOldTweets3 failed on @{handle} ({type(exc).__name__}: {exc}); " + ALTERNATIVES
            ) from exc
        rows = [
            {
                "id": str(t.id),
                "handle": handle,
                "created_at": t.date,
                "text": t.text,
                "is_retweet": None,
                "source": self.name,
            }
            for t in tweets
            if t.date is None or (t.date >= since and (until is None or t.date < until))
        ]
        return Page(rows, None)

    @contextlib.contextmanager
    def _redirected(self) -> Iterator[None]:
        """While GetOldTweets3 runs, send its requests for twitter.com to ``base_url``."""
        if not self.base_url:
            yield
            return
        tweet_manager = sys.modules[self._got.manager.TweetManager.__module__]
        base = self.base_url.rstrip("/")

        class Rewrite(urllib.request.BaseHandler):
            handler_order = 100  # before the cookie processor

            def https_request(self, request: urllib.request.Request) -> urllib.request.Request:
                if request.full_url.startswith(ENDPOINT):
                    request.full_url = base + request.full_url[len(ENDPOINT) :]
                return request

            http_request = https_request

        def build_opener(*handlers: Any) -> urllib.request.OpenerDirector:
            return urllib.request.build_opener(Rewrite(), *handlers)

        shim = SimpleNamespace(
            request=SimpleNamespace(**{**vars(urllib.request), "build_opener": build_opener}),
            parse=urllib.parse,
            error=urllib.error,
        )
        with _patch_lock:
            original = tweet_manager.urllib
            tweet_manager.urllib = shim
            try:
                yield
            finally:
                tweet_manager.urllib = original
