"""X (Twitter) through the API v2 and tweepy's ``Client``, with an app bearer token.

    export X_BEARER_TOKEN=...        # or a Colab secret of that name
    botbaby followers left --source x --data botbaby-data

In Python (``open_source`` needs ``pip install 'botbaby[collect]'``)::

    source = open_source()
    source.posts("jack", since=datetime(2014, 1, 1, tzinfo=UTC)).items[:3]

Endpoints: followers ``GET /2/users/:id/followers`` (1000 a page), user lookup
``GET /2/users/by?usernames=`` (100 a call, with ``public_metrics`` for follower counts; users
missing from the answer are suspended, deleted or unknown), posts ``GET /2/users/:id/tweets``
(100 a page, from ``start_time``; X serves only an account's latest 3200 posts this way, and none
before 2010-11-06T00:00:01Z).

Posts are asked for with ``exclude=retweets`` unless ``retweets=True``: a retweet's text is
"RT @author: " and a truncated copy of someone else's post, and every one counts against the
app's monthly post cap. Replies are kept (the account's own words). ``tweet.fields`` includes
``note_tweet``: a post longer than 280 characters comes with only its first 280 in ``text`` and
the whole in ``note_tweet.text``, which is what is stored.

**X has no "similar accounts" endpoint.** Here a leader's similar accounts are the accounts it
follows (``GET /2/users/:id/following``, first page of up to 1000), and 01_leaders keeps the
accounts that many of the current leaders follow (see :mod:`botbaby.leaders`).

Each endpoint has its own rate-limit window; requests are paced from the ``x-rate-limit-*``
headers of the raw ``requests`` responses (the client is built with
``return_type=requests.Response``). tweepy sets no timeout of its own and hard-codes its host, so
a ``requests`` adapter mounted on the client's session gives every request ``timeout`` seconds
and, with ``base_url``, sends what tweepy addresses to ``https://api.twitter.com`` to another host
(a proxy, or a local fake in tests).
"""

from datetime import UTC, datetime
from typing import Any

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.sources.base import Account, AccountUnavailable, Page, check_base_url, no_answer, unexpected_answer
from botbaby.sources.ratelimit import RateLimited, RateLimiter, Transient

API_HOST = "https://api.twitter.com"  # what tweepy's Client always calls
TOKEN_NAME = "X_BEARER_TOKEN"  # environment variable or Colab secret holding the app bearer token
FOLLOWERS_PAGE = 1000  # max_results for followers/following
POSTS_PAGE = 100  # max_results for a user's tweets
PROFILES_PER_CALL = 100  # users/by takes up to 100 usernames
EARLIEST = datetime(2010, 11, 6, 0, 0, 1, tzinfo=UTC)  # users/:id/tweets refuses an earlier start_time
TWEET_FIELDS = ["created_at", "referenced_tweets", "note_tweet"]  # note_tweet: the whole text of a long post

# Titles of errors X returns (with HTTP 200) for accounts that cannot be read.
_GONE_TITLES = {"Not Found Error", "Forbidden", "Authorization Error"}


def open_source(
    bearer_token: str | None = None, base_url: str | None = None, limiter: RateLimiter | None = None,
    timeout: float = 30.0,
):
    """An X source; the token comes from ``X_BEARER_TOKEN`` (environment or Colab secrets) by default."""
    base_url = check_base_url(base_url) if base_url else None
    if bearer_token is None:
        from botbaby.notebook import secret

        bearer_token = secret(TOKEN_NAME)
    if not bearer_token:
        raise BotbabyError(
            f"no X API token: set the environment variable {TOKEN_NAME} (in Colab: a secret named "
            f"{TOKEN_NAME}) to your app's bearer token from developer.x.com, or use --source bluesky"
        )
    return XSource(bearer_token, base_url=base_url, limiter=limiter, timeout=timeout)


def _adapter(base_url: str | None, timeout: float):
    """A ``requests`` adapter giving each request ``timeout`` and sending api.twitter.com's to ``base_url``."""
    requests = require("requests", extra="collect")

    class Adapter(requests.adapters.HTTPAdapter):
        def send(self, request, **kwargs):
            if base_url and request.url.startswith(API_HOST):
                request.url = base_url + request.url[len(API_HOST) :]
            kwargs["timeout"] = kwargs.get("timeout") or timeout
            return super().send(request, **kwargs)

    return Adapter()


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
    keyset_cursors = False  # a pagination token belongs to its query (start_time, end_time)

    def __init__(
        self, bearer_token: str, base_url: str | None = None, limiter: RateLimiter | None = None, timeout: float = 30.0
    ):
        tweepy = require("tweepy", extra="collect")
        self._requests = require("requests", extra="collect")
        self._tweepy = tweepy
        self.client = tweepy.Client(bearer_token=bearer_token, return_type=self._requests.Response)
        self.base_url = base_url if base_url and base_url != API_HOST else None
        self.client.session.mount(API_HOST + "/", _adapter(self.base_url, timeout))
        self.limiter = limiter or RateLimiter("x-rate-limit-")
        self._ids: dict[str, str] = {}  # lower-case handle -> user id
        self._answered = False  # whether anything at the address has answered yet
        self.client.session.hooks["response"].append(self._got_answer)

    def _got_answer(self, response: Any, *args: Any, **kwargs: Any) -> None:
        self._answered = True

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
                if not self._answered:  # nothing has ever answered at this address: wrong address, not a hiccup
                    raise no_answer(self.base_url or API_HOST, exc) from exc
                raise Transient(type(exc).__name__) from exc
            try:
                body = response.json()
            except ValueError as exc:
                raise unexpected_answer(response.url, what, "the X API's JSON") from exc
            if not isinstance(body, dict):
                raise unexpected_answer(response.url, what, "the X API's JSON object")
            return body, dict(response.headers)

        body = self.limiter.call(bucket, request, what=what)
        if handle is not None and "data" not in body:
            titles = {e.get("title") for e in body.get("errors", []) if isinstance(e, dict)}
            if titles & _GONE_TITLES:
                detail = body["errors"][0].get("detail") or body["errors"][0].get("title")
                raise AccountUnavailable(handle, detail)
        return body

    def _rows(self, body: dict, what: str, expected: str, make: Any) -> list:
        """``make(item)`` for each item of the answer's ``data`` list; a wrong shape is one error line."""
        if not {"data", "meta", "errors"} & body.keys():  # X always sends one of them
            raise unexpected_answer(self.base_url or API_HOST, what, expected)
        try:
            return [make(item) for item in body.get("data") or []]
        except (KeyError, TypeError, AttributeError) as exc:
            raise unexpected_answer(self.base_url or API_HOST, what, expected) from exc

    def user_id(self, handle: str) -> str:
        """The user id of ``handle`` (looked up once, then remembered)."""
        key = handle.lower()
        if key not in self._ids:
            what = f"user {handle}"
            body = self._call("users/by/username", what, handle, self.client.get_user, username=handle)
            data = body.get("data")
            if not isinstance(data, dict) or not isinstance(data.get("id"), str):
                raise unexpected_answer(self.base_url or API_HOST, what, "a user object with an 'id'")
            self._ids[key] = data["id"]
        return self._ids[key]

    def _accounts(self, body: dict, what: str) -> list[Account]:
        def account(user: dict) -> Account:
            metrics = user.get("public_metrics") or {}
            return Account(handle=user["username"], id=user["id"], followers=metrics.get("followers_count"))

        accounts = self._rows(body, what, "user objects with 'id' and 'username'", account)
        for found in accounts:
            self._ids[found.handle.lower()] = found.id
        return accounts

    def similar_accounts(self, handle: str) -> list[Account]:
        # No similar-accounts endpoint on X: a leader's follows stand in (01_leaders counts votes).
        what = f"follows of {handle}"
        body = self._call(
            "following", what, handle, self.client.get_users_following, self.user_id(handle), max_results=FOLLOWERS_PAGE,
        )
        return self._accounts(body, what)

    def followers(self, leader: Account, cursor: str | None = None) -> Page[Account]:
        handle = leader.handle
        what = f"followers of {handle}"
        user = leader.id if leader.id.isdigit() else self.user_id(handle)
        body = self._call(
            "followers", what, handle, self.client.get_users_followers,
            user, max_results=FOLLOWERS_PAGE, pagination_token=cursor,
        )
        return Page(self._accounts(body, what), _next_token(body))

    def profiles(self, actors: list[str]) -> list[Account]:
        """Accounts by username (an all-digit username is a username too: ids go to ``accounts_by_id``)."""
        if len(actors) > PROFILES_PER_CALL:
            raise ValueError(f"users/by takes at most {PROFILES_PER_CALL} usernames, got {len(actors)}")
        if not actors:
            return []
        what = f"lookup of {len(actors)} users"
        body = self._call("users/by", what, None, self.client.get_users, usernames=actors, user_fields=["public_metrics"])
        return self._accounts(body, what)

    def accounts_by_id(self, ids: list[str]) -> list[Account]:
        """Look up to 100 accounts by user id (``GET /2/users``); missing ones are gone."""
        if len(ids) > PROFILES_PER_CALL:
            raise ValueError(f"users takes at most {PROFILES_PER_CALL} ids, got {len(ids)}")
        what = f"lookup of {len(ids)} users"
        body = self._call("users", what, None, self.client.get_users, ids=ids, user_fields=["public_metrics"])
        return self._accounts(body, what)

    def posts(
        self, account: Account, since: datetime, cursor: str | None = None, *,
        until: datetime | None = None, retweets: bool = False,
    ) -> Page[dict[str, Any]]:
        if since < EARLIEST:
            raise BotbabyError(f"X serves no posts before {EARLIEST:%Y-%m-%d %H:%M:%S} UTC: use --since 2010-11-07 or later")
        handle = account.handle
        user = account.id if account.id.isdigit() else self.user_id(handle)
        what = f"posts of {handle}"
        body = self._call(
            "tweets", what, handle, self.client.get_users_tweets, user,
            max_results=POSTS_PAGE, pagination_token=cursor, start_time=since, end_time=until,
            exclude=None if retweets else ["retweets"], tweet_fields=TWEET_FIELDS,
        )

        def row(tweet: dict) -> dict[str, Any]:
            return {
                "id": tweet["id"],
                "handle": handle,
                "created_at": tweet["created_at"],
                "text": (tweet.get("note_tweet") or {}).get("text") or tweet["text"],
                "is_retweet": any(r.get("type") == "retweeted" for r in tweet.get("referenced_tweets") or []),
                "source": self.name,
            }

        rows = self._rows(body, what, "tweets with 'id', 'text' and 'created_at'", row)
        if until is not None:  # end_time counts whole seconds; keep strictly before `until`
            rows = [r for r in rows if _parse_time(r["created_at"]) < until]
        return Page(rows, _next_token(body))


def _next_token(body: dict) -> str | None:
    meta = body.get("meta")
    return meta.get("next_token") if isinstance(meta, dict) else None


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
