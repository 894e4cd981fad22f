"""X (Twitter) through the API v2 and tweepy's ``Client``, with an app bearer token.

    export X_BEARER_TOKEN=...        # or a Colab secret of that name
    botbaby followers left --source x --data botbaby-data

In Python (``open_source`` needs ``pip install 'botbaby[collect]'``)::

    source = open_source()
    source.posts("jack", since=datetime(2014, 1, 1, tzinfo=UTC)).items[:3]

Endpoints: followers ``GET /2/users/:id/followers`` (1000 a page), user lookup
``GET /2/users/by?usernames=`` (100 a call; users missing from the answer are suspended, deleted
or unknown), posts ``GET /2/users/:id/tweets`` (100 a page, from ``start_time``; X serves only an
account's latest 3200 posts this way).

**X has no "similar accounts" endpoint.** Here a leader's similar accounts are the accounts it
follows (``GET /2/users/:id/following``, first page of up to 1000), and 01_leaders keeps the
accounts that many of the current leaders follow (see :mod:`botbaby.leaders`).

Each endpoint has its own rate-limit window; requests are paced from the ``x-rate-limit-*``
headers of the raw ``requests`` responses (the client is built with
``return_type=requests.Response``). ``base_url`` mounts a ``requests`` adapter on the client's
session that sends what tweepy addresses to ``https://api.twitter.com`` to another host (a proxy,
or a local fake in tests), because tweepy hard-codes its host.
"""

from datetime import datetime
from typing import Any

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.sources.base import Account, AccountUnavailable, Page
from botbaby.sources.ratelimit import RateLimited, RateLimiter, Transient

API_HOST = "https://api.twitter.com"  # what tweepy's Client always calls
TOKEN_NAME = "X_BEARER_TOKEN"  # environment variable or Colab secret holding the app bearer token
FOLLOWERS_PAGE = 1000  # max_results for followers/following
POSTS_PAGE = 100  # max_results for a user's tweets
PROFILES_PER_CALL = 100  # users/by takes up to 100 usernames

# Titles of errors X returns (with HTTP 200) for accounts that cannot be read.
_GONE_TITLES = {"Not Found Error", "Forbidden", "Authorization Error"}


def open_source(
    bearer_token: str | None = None, base_url: str | None = None, limiter: RateLimiter | None = None, **_: Any
):
    """An X source; the token comes from ``X_BEARER_TOKEN`` (environment or Colab secrets) by default."""
    if bearer_token is None:
        from botbaby.notebook import secret

        bearer_token = secret(TOKEN_NAME)
    if not bearer_token:
        raise BotbabyError(
            f"no X API token: set the environment variable {TOKEN_NAME} (in Colab: a secret named "
            f"{TOKEN_NAME}) to your app's bearer token from developer.x.com, or use --source bluesky"
        )
    return XSource(bearer_token, base_url=base_url, limiter=limiter)


def _redirect_adapter(base_url: str):
    """A ``requests`` adapter that sends requests for api.twitter.com to ``base_url`` instead."""
    requests = require("requests", extra="collect")

    class Redirect(requests.adapters.HTTPAdapter):
        def send(self, request, **kwargs):
            if request.url.startswith(API_HOST):
                request.url = base_url.rstrip("/") + request.url[len(API_HOST) :]
            return super().send(request, **kwargs)

    return Redirect()


def _refused(what: str, exc: Any) -> BotbabyError:
    """A one-line error for an answer of X that retrying cannot change (tweepy's ``HTTPException``)."""
    said = "; ".join(exc.api_messages) or str(exc).splitlines()[0]
    return BotbabyError(
        f"X refused the {what} (HTTP {exc.response.status_code}: {said}); check the handles (X allows letters, "
        "digits and '_'), your app's access level at developer.x.com, and --base-url"
    )


class XSource:
    """The :class:`botbaby.sources.base.Source` interface over tweepy's ``Client``."""

    name = "x"
    profiles_per_call = PROFILES_PER_CALL

    def __init__(self, bearer_token: str, base_url: str | None = None, limiter: RateLimiter | None = None):
        tweepy = require("tweepy", extra="collect")
        self._requests = require("requests", extra="collect")
        self._tweepy = tweepy
        self.client = tweepy.Client(bearer_token=bearer_token, return_type=self._requests.Response)
        if base_url and base_url.rstrip("/") != API_HOST:
            self.client.session.mount(API_HOST + "/", _redirect_adapter(base_url))
        self.limiter = limiter or RateLimiter("x-rate-limit-")
        self._ids: dict[str, str] = {}  # lower-case handle -> user id

    def _call(self, bucket: str, what: str, handle: str | None, method: Any, *args: Any, **params: Any) -> dict:
        """One API call through the limiter; returns the JSON body, translating tweepy's errors."""
        tweepy, requests = self._tweepy, self._requests

        def request() -> tuple[dict, Any]:
            try:
                response = method(*args, **params)
            except tweepy.TooManyRequests as exc:
                raise RateLimited(dict(exc.response.headers)) from exc
            except tweepy.TwitterServerError as exc:
                raise Transient(f"HTTP {exc.response.status_code}") from exc
            except tweepy.Unauthorized as exc:
                raise BotbabyError(
                    f"X refused the bearer token in {TOKEN_NAME} (401 Unauthorized): check it at developer.x.com"
                ) from exc
            except (tweepy.NotFound, tweepy.Forbidden) as exc:
                if handle is None:
                    raise _refused(what, exc) from exc
                raise AccountUnavailable(handle, f"HTTP {exc.response.status_code}") from exc
            except tweepy.HTTPException as exc:  # e.g. 400 for a username X does not allow: asking again cannot help
                raise _refused(what, exc) from exc
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise Transient(type(exc).__name__) from exc
            return response.json(), dict(response.headers)

        body = self.limiter.call(bucket, request, what=what)
        if handle is not None and "data" not in body:
            titles = {e.get("title") for e in body.get("errors", [])}
            if titles & _GONE_TITLES:
                detail = body["errors"][0].get("detail") or body["errors"][0].get("title")
                raise AccountUnavailable(handle, detail)
        return body

    def user_id(self, handle: str) -> str:
        """The user id of ``handle`` (looked up once, then remembered)."""
        key = handle.lower()
        if key not in self._ids:
            body = self._call("users/by/username", f"user {handle}", handle, self.client.get_user, username=handle)
            self._ids[key] = body["data"]["id"]
        return self._ids[key]

    def _accounts(self, body: dict) -> list[Account]:
        accounts = [Account(handle=u["username"], id=u["id"]) for u in body.get("data") or []]
        for account in accounts:
            self._ids[account.handle.lower()] = account.id
        return accounts

    def similar_accounts(self, handle: str) -> list[Account]:
        # No similar-accounts endpoint on X: a leader's follows stand in (01_leaders counts votes).
        body = self._call(
            "following", f"follows of {handle}", handle, self.client.get_users_following,
            self.user_id(handle), max_results=FOLLOWERS_PAGE,
        )
        return self._accounts(body)

    def followers(self, handle: str, cursor: str | None = None) -> Page[Account]:
        body = self._call(
            "followers", f"followers of {handle}", handle, self.client.get_users_followers,
            self.user_id(handle), max_results=FOLLOWERS_PAGE, pagination_token=cursor,
        )
        return Page(self._accounts(body), body.get("meta", {}).get("next_token"))

    def profiles(self, handles: list[str]) -> list[Account]:
        if len(handles) > PROFILES_PER_CALL:
            raise ValueError(f"users/by takes at most {PROFILES_PER_CALL} usernames, got {len(handles)}")
        if not handles:
            return []
        body = self._call("users/by", f"lookup of {len(handles)} users", None, self.client.get_users, usernames=handles)
        return self._accounts(body)

    def accounts_by_id(self, ids: list[str]) -> list[Account]:
        """Look up to 100 accounts by user id (``GET /2/users``); missing ones are gone."""
        if len(ids) > PROFILES_PER_CALL:
            raise ValueError(f"users takes at most {PROFILES_PER_CALL} ids, got {len(ids)}")
        body = self._call("users", f"lookup of {len(ids)} users", None, self.client.get_users, ids=ids)
        return self._accounts(body)

    def posts(self, handle: str, since: datetime, cursor: str | None = None) -> Page[dict[str, Any]]:
        body = self._call(
            "tweets", f"posts of {handle}", handle, self.client.get_users_tweets, self.user_id(handle),
            max_results=POSTS_PAGE, pagination_token=cursor, start_time=since,
            tweet_fields=["created_at", "referenced_tweets"],
        )
        rows = [
            {
                "id": tweet["id"],
                "handle": handle,
                "created_at": tweet["created_at"],
                "text": tweet["text"],
                "is_retweet": any(r.get("type") == "retweeted" for r in tweet.get("referenced_tweets") or []),
                "source": self.name,
            }
            for tweet in body.get("data") or []
        ]
        return Page(rows, body.get("meta", {}).get("next_token"))
