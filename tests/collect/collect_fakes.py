"""Fake X API v2 and Bluesky AppView on 127.0.0.1, answering the way the real services do.

One deterministic world of accounts (two camps of leaders, a few thousand followers, posts over
ten years, some deleted accounts) served over HTTP with both protocols:

- Bluesky XRPC under ``/xrpc/``: getSuggestedFollowsByActor, getFollowers, getFollows,
  getProfiles, getAuthorFeed, with ``ratelimit-*`` headers and XRPC error bodies;
- X API v2 under ``/2/``: users/by, users/by/username/:name, users/:id/followers,
  users/:id/following, users/:id/tweets, with ``x-rate-limit-*`` headers per endpoint.

Every account's timeline holds its own posts, its replies (some in its own threads, some to
others) and reposts of other accounts' posts, and some posts are longer than 280 characters.
The feeds are filtered as the real services filter them:

- getAuthorFeed's ``filter`` as the AppView's data plane does (bluesky-social/atproto,
  ``packages/bsky/src/data-plane/server/routes/feeds.ts``): no filter or ``posts_with_replies``:
  everything; ``posts_no_replies``: posts and reposts, no replies; ``posts_and_author_threads``:
  posts, reposts and replies in the author's own threads; ``posts_with_media``: own posts with
  images. Items are sorted by the time they entered the feed (a repost: when it was reposted) and
  the cursor is a keyset (``sortAt::cid``), as the AppView's ``TimeCidKeyset``. A repost is a feed
  item whose ``post`` is the original (its author's URI and createdAt) with a ``reason`` of type
  ``#reasonRepost``; a reply's record has ``reply`` and the item a ``reply`` with root and parent.
- users/:id/tweets (X API v2): replies and retweets unless ``exclude=retweets,replies`` says
  otherwise; only the ``tweet.fields`` asked for (``created_at``, ``referenced_tweets``,
  ``note_tweet``, ...); a retweet's text is "RT @author: " and the start of the original; a post
  over 280 characters has its first 280 in ``text`` and the whole in ``note_tweet.text``;
  ``start_time`` before 2010-11-06T00:00:01Z is a 400, ``end_time`` is an upper bound.

Misbehaviour is scripted: ``fail_every`` answers 503 to every Nth request, ``throttle_every`` answers
429 to every Nth request (the window reopens ``throttle_wait`` seconds later), and ``window``/``limit``
enforce a real fixed-window rate limit (requests over it get 429 and are counted in ``over_limit``).
"""

import contextlib
import hashlib
import json
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

_B32 = "abcdefghijklmnopqrstuvwxyz234567"


def did_of(index: int) -> str:
    """A DID that looks like a real did:plc (24 base32 characters)."""
    digest = hashlib.sha256(str(index).encode()).digest()
    return "did:plc:" + "".join(_B32[b % 32] for b in digest[:24])


@dataclass
class FakeAccount:
    index: int
    handle: str
    side: str | None  # the camp of a leader, None for a regular account
    follows: list[int] = field(default_factory=list)  # indexes of accounts this one follows
    posts: list[dict] = field(default_factory=list)  # newest first
    gone: bool = False  # suspended or deleted

    @property
    def did(self) -> str:
        return did_of(self.index)

    @property
    def x_id(self) -> str:
        return str(1_000_000 + self.index)


class FakeWorld:
    """Leaders ``left0..`` and ``right0..``, followers ``user0..``; all derived from ``seed``."""

    def __init__(
        self,
        leaders_per_side: int = 6,
        followers: int = 2000,
        posts_per_account: tuple[int, int] = (0, 12),
        gone_every: int = 97,
        gone_leaders: tuple[str, ...] = (),
        seed: int = 7,
        start: datetime = datetime(2012, 1, 1, tzinfo=UTC),
        end: datetime = datetime(2024, 1, 1, tzinfo=UTC),
    ):
        rng = random.Random(seed)
        self.accounts: list[FakeAccount] = []
        self.leaders: dict[str, list[int]] = {"left": [], "right": []}
        for side in ("left", "right"):
            for i in range(leaders_per_side):
                self.leaders[side].append(self._add(f"{side}{i}.bsky.social", side))
        # Leaders follow most of their own camp: that is what "similar accounts" finds.
        for members in self.leaders.values():
            for index in members:
                self.accounts[index].follows = [m for m in members if m != index and rng.random() < 0.8]
        for i in range(followers):
            index = self._add(f"user{i}.bsky.social", None)
            account = self.accounts[index]
            camp = "left" if rng.random() < 0.5 else "right"
            count = rng.randint(1, leaders_per_side)
            account.follows = rng.sample(self.leaders[camp], count)
            if rng.random() < 0.05:  # a few follow the other camp too: rank must drop them
                other = "right" if camp == "left" else "left"
                account.follows.append(rng.choice(self.leaders[other]))
            account.gone = gone_every > 0 and i % gone_every == gone_every - 1
        for handle in gone_leaders:
            self.accounts[[a.handle for a in self.accounts].index(handle)].gone = True
        span = (end - start).total_seconds()
        for account in self.accounts:
            n = rng.randint(*posts_per_account)
            stamps = sorted((start + timedelta(milliseconds=int(rng.random() * span * 1000)) for _ in range(n)), reverse=True)
            account.posts = []
            for j, stamp in enumerate(stamps):
                words = 60 if rng.random() < 0.1 else 12  # some posts are longer than 280 characters
                post = {
                    "rkey": f"3k{account.index:06d}{j:04d}",
                    "x_id": str(10**15 + account.index * 10_000 + j),
                    "text": f"post {j} by {account.handle}: " + " ".join(rng.choice(_WORDS) for _ in range(words)),
                    "created_at": stamp,  # when it entered the account's feed (a repost: when reposted)
                    "kind": "post",
                    "repost_of": None,  # a repost: the index of the original's author
                    "reply_to": None,  # a reply: the index of the thread's author (root and parent)
                    "image": rng.random() < 0.1,
                }
                roll = rng.random()
                if roll < 0.15:
                    post["kind"], post["repost_of"] = "repost", rng.randrange(len(self.accounts))
                    post["original_at"] = stamp - timedelta(days=rng.randint(0, 30))
                elif roll < 0.3:
                    own_thread = rng.random() < 0.5
                    post["kind"], post["reply_to"] = "reply", account.index if own_thread else rng.randrange(len(self.accounts))
                account.posts.append(post)
        self.by_handle = {a.handle: a for a in self.accounts}
        self.by_did = {a.did: a for a in self.accounts}
        self.by_x_id = {a.x_id: a for a in self.accounts}
        self.followers_of: dict[int, list[int]] = {a.index: [] for a in self.accounts}
        for account in self.accounts:
            for target in account.follows:
                self.followers_of[target].append(account.index)

    def _add(self, handle: str, side: str | None) -> int:
        self.accounts.append(FakeAccount(len(self.accounts), handle, side))
        return len(self.accounts) - 1

    def leader_handles(self, side: str) -> list[str]:
        return [self.accounts[i].handle for i in self.leaders[side]]

    def lookup(self, actor: str) -> FakeAccount | None:
        return self.by_did.get(actor) or self.by_handle.get(actor)

    def expected_posts(self, handles: list[str], since: datetime, *, source: str = "bluesky", retweets: bool = False,
                       until: datetime | None = None) -> set[str]:
        """The ids a complete scrape of ``handles`` since ``since`` must store: every post and reply,
        and the reposts too when ``retweets``."""
        ids = set()
        for handle in handles:
            account = self.by_handle[handle]
            if account.gone:
                continue
            for post in account.posts:
                if post["created_at"] >= since and (until is None or post["created_at"] < until):
                    if retweets or post["kind"] != "repost":
                        ids.add(post_id(self, account, post, source))
        return ids


def post_id(world: "FakeWorld", account: FakeAccount, post: dict, source: str = "bluesky") -> str:
    """The id botbaby stores for ``post``: an X id, an at:// URI, or for a repost the original's URI
    and who reposted it (one original reposted by two accounts is two acts)."""
    if source == "x":
        return post["x_id"]
    if post["kind"] == "repost":
        return f"{_original_uri(world, post)}#repost-by-{account.did}"
    return _uri(account, post)


def _uri(account: FakeAccount, post: dict) -> str:
    return f"at://{account.did}/app.bsky.feed.post/{post['rkey']}"


def _original_uri(world: "FakeWorld", post: dict) -> str:
    return f"at://{world.accounts[post['repost_of']].did}/app.bsky.feed.post/3r{post['rkey'][2:]}"


_WORDS = "the vote tax health care border jobs climate freedom rights economy school people nation".split()


def _iso(stamp: datetime) -> str:
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class FakeServer:
    """The HTTP behaviour: pagination, rate-limit headers, scripted failures; counts everything."""

    def __init__(
        self,
        world: FakeWorld,
        *,
        fail_every: int = 0,
        throttle_every: int = 0,
        throttle_wait: int = 2,
        limit: int = 3000,
        window: float = 300.0,
        enforce: bool = False,
    ):
        self.world = world
        self.fail_every = fail_every
        self.throttle_every = throttle_every
        self.throttle_wait = throttle_wait
        self.limit = limit
        self.window = window
        self.enforce = enforce
        self.lock = threading.Lock()
        self.requests = 0
        self.failed = 0  # scripted 503s
        self.throttled = 0  # scripted 429s
        self.over_limit = 0  # 429s because the client went over the enforced limit
        self.served_per_window: Counter[int] = Counter()  # successful requests per window index
        self.items_per_window: Counter[int] = Counter()  # posts or followers served per window index
        self.used: Counter[tuple[str, int]] = Counter()  # (bucket, window index) -> requests
        self.feeds_asked: list[str] = []  # the handle of every account whose posts were asked for, in order

    # -- rate limiting -------------------------------------------------------------------------

    def admit(self, bucket: str) -> tuple[int, dict[str, str]]:
        """Decide whether a request goes through; return (status, rate-limit headers)."""
        with self.lock:
            self.requests += 1
            n = self.requests
            now = time.time()
            index = int(now // self.window)
            reset = (index + 1) * self.window
            used = self.used[(bucket, index)]
            if self.enforce and used >= self.limit:
                self.over_limit += 1
                return 429, self._headers(bucket, 0, reset)
            if self.throttle_every and n % self.throttle_every == 0:
                self.throttled += 1
                return 429, self._headers(bucket, 0, int(now) + self.throttle_wait)
            if self.fail_every and n % self.fail_every == 0:
                self.failed += 1
                return 503, {}
            self.used[(bucket, index)] = used + 1
            self.served_per_window[index] += 1
            return 200, self._headers(bucket, self.limit - used - 1, reset)

    def count_items(self, n: int) -> None:
        with self.lock:
            self.items_per_window[int(time.time() // self.window)] += n

    def _headers(self, bucket: str, remaining: int, reset: float) -> dict[str, str]:
        if bucket.startswith("x:"):
            return {
                "x-rate-limit-limit": str(self.limit),
                "x-rate-limit-remaining": str(remaining),
                "x-rate-limit-reset": f"{reset:.0f}",
            }
        return {
            "ratelimit-limit": str(self.limit),
            "ratelimit-remaining": str(remaining),
            "ratelimit-reset": f"{reset:.0f}",
            "ratelimit-policy": f"{self.limit};w={self.window:.0f}",
        }

    # -- Bluesky -------------------------------------------------------------------------------

    def bluesky(self, method: str, query: dict[str, list[str]]) -> tuple[int, dict]:
        world = self.world

        def one(name: str) -> str | None:
            return query.get(name, [None])[0]

        def actor_or_error() -> FakeAccount | tuple[int, dict]:
            actor = one("actor")
            if not actor:
                return 400, {"error": "InvalidRequest", "message": 'Error: Params must have the property "actor"'}
            account = world.lookup(actor)
            if account is None:
                return 400, {"error": "InvalidRequest", "message": "Profile not found"}
            if account.gone:
                return 400, {"error": "AccountTakedown", "message": "Account has been suspended"}
            return account

        def page(items: list, size: int) -> tuple[list, str | None]:
            start = int(one("cursor") or 0)
            limit = min(int(one("limit") or 50), size)
            chunk = items[start : start + limit]
            return chunk, (str(start + limit) if start + limit < len(items) else None)

        if method == "app.bsky.actor.getProfiles":
            actors = query.get("actors", [])
            if len(actors) > 25:
                return 400, {"error": "InvalidRequest", "message": "actors must not have more than 25 elements"}
            found = [world.lookup(a) for a in actors]
            return 200, {"profiles": [_profile(a, followers=len(world.followers_of[a.index])) for a in found if a is not None and not a.gone]}
        account = actor_or_error()
        if isinstance(account, tuple):
            return account
        if method == "app.bsky.graph.getSuggestedFollowsByActor":
            suggestions = [world.accounts[i] for i in account.follows if world.accounts[i].side]
            return 200, {"suggestions": [_profile(a) for a in suggestions]}
        if method in ("app.bsky.graph.getFollowers", "app.bsky.graph.getFollows"):
            indexes = world.followers_of[account.index] if method.endswith("Followers") else account.follows
            # Accounts deleted since are still listed (as on the real AppView, for a while).
            people = [world.accounts[i] for i in indexes]
            chunk, cursor = page(people, 100)
            self.count_items(len(chunk))
            key = "followers" if method.endswith("Followers") else "follows"
            body = {key: [_profile(a) for a in chunk], "subject": _profile(account)}
            if cursor:
                body["cursor"] = cursor
            return 200, body
        if method == "app.bsky.feed.getAuthorFeed":
            self.feeds_asked.append(account.handle)
            kept = _FEED_FILTERS.get(one("filter") or "posts_with_replies", _FEED_FILTERS["posts_with_replies"])
            posts = [p for p in account.posts if kept(account, p)]
            limit = min(int(one("limit") or 50), 100)
            if one("cursor"):  # a keyset: the items after (older than) the last one served
                at, cid = one("cursor").split("::")
                posts = [p for p in posts if (_iso(p["created_at"]), _cid(p)) < (at, cid)]
            chunk = posts[:limit]
            self.count_items(len(chunk))
            body = {"feed": [_feed_item(world, account, p) for p in chunk]}
            if chunk and len(posts) > limit:
                body["cursor"] = f"{_iso(chunk[-1]['created_at'])}::{_cid(chunk[-1])}"
            return 200, body
        return 501, {"error": "MethodNotImplemented", "message": f"Method Not Implemented: {method}"}

    # -- X API v2 ------------------------------------------------------------------------------

    def x(self, path: str, query: dict[str, list[str]], headers: dict[str, str]) -> tuple[int, dict]:
        world = self.world
        token = headers.get("authorization", "")
        if not token.startswith("Bearer ") or token == "Bearer revoked-token":
            return 401, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
        parts = path.strip("/").split("/")  # ['2', 'users', ...]

        def not_found(value: str, parameter: str) -> dict:
            return {
                "value": value,
                "detail": f"Could not find user with {parameter}: [{value}].",
                "title": "Not Found Error",
                "resource_type": "user",
                "parameter": parameter,
                "type": "https://api.twitter.com/2/problems/resource-not-found",
            }

        if parts[1:3] == ["users", "by"] and len(parts) == 3:
            names = query.get("usernames", [""])[0].split(",")
            if len(names) > 100:
                return 400, {"title": "Invalid Request", "detail": "too many usernames", "type": "about:blank"}
            found, errors = [], []
            for name in names:
                account = world.by_handle.get(name)
                if account is None or account.gone:
                    errors.append(not_found(name, "usernames"))
                else:
                    found.append(_x_user(account, world, query))
            body = {"data": found} if found else {}
            if errors:
                body["errors"] = errors
            return 200, body
        if parts[1:] == ["users"]:
            ids = query.get("ids", [""])[0].split(",")
            found = [_x_user(world.by_x_id[i], world, query) for i in ids if i in world.by_x_id and not world.by_x_id[i].gone]
            missing = [not_found(i, "ids") for i in ids if i not in world.by_x_id or world.by_x_id[i].gone]
            return 200, {**({"data": found} if found else {}), **({"errors": missing} if missing else {})}
        if parts[1:4] == ["users", "by", "username"]:
            account = world.by_handle.get(parts[4])
            if account is None or account.gone:
                return 200, {"errors": [not_found(parts[4], "username")]}
            return 200, {"data": _x_user(account, world, query)}
        if parts[1] == "users" and len(parts) == 4:
            account = world.by_x_id.get(parts[2])
            if account is None or account.gone:
                return 200, {"errors": [not_found(parts[2], "id")]}
            start = int(query.get("pagination_token", ["0"])[0])
            size = int(query.get("max_results", ["100"])[0])
            if parts[3] in ("followers", "following"):
                indexes = world.followers_of[account.index] if parts[3] == "followers" else account.follows
                items = [_x_user(world.accounts[i]) for i in indexes]
            elif parts[3] == "tweets":
                self.feeds_asked.append(account.handle)
                since, until = query.get("start_time", [None])[0], query.get("end_time", [None])[0]
                if since and since < "2010-11-06T00:00:01Z":
                    return 400, {
                        "errors": [{"parameters": {"start_time": [since]},
                                    "message": f"Invalid 'start_time':'{since}'. 'start_time' must be on or after "
                                               "2010-11-06T00:00:01Z"}],
                        "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                        "type": "https://api.twitter.com/2/problems/invalid-request",
                    }
                excluded = set(",".join(query.get("exclude", [])).split(","))
                fields = set(",".join(query.get("tweet.fields", [])).split(","))
                posts = [p for p in account.posts
                         if not (p["kind"] == "repost" and "retweets" in excluded)
                         and not (p["kind"] == "reply" and "replies" in excluded)]
                if since:
                    floor = datetime.fromisoformat(since.replace("Z", "+00:00"))
                    posts = [p for p in posts if p["created_at"] >= floor]
                if until:
                    ceiling = datetime.fromisoformat(until.replace("Z", "+00:00"))
                    posts = [p for p in posts if p["created_at"] <= ceiling]
                items = [_x_tweet(world, account, p, fields) for p in posts]
            else:
                return 404, {"title": "Not Found", "detail": path, "type": "about:blank"}
            chunk = items[start : start + size]
            self.count_items(len(chunk))
            meta = {"result_count": len(chunk)}
            if start + size < len(items):
                meta["next_token"] = str(start + size)
            body = {"data": chunk, "meta": meta} if chunk else {"meta": meta}
            return 200, body
        return 404, {"title": "Not Found", "detail": path, "type": "about:blank"}


def _profile(account: FakeAccount, followers: int | None = None) -> dict:
    """A profile view; with ``followers``, the detailed view getProfiles returns (with counts)."""
    body = {
        "did": account.did,
        "handle": account.handle,
        "displayName": account.handle.split(".")[0].title(),
        "indexedAt": "2024-01-01T00:00:00.000Z",
    }
    if followers is not None:
        body["followersCount"] = followers
        body["postsCount"] = len(account.posts)
    return body


def _cid(post: dict) -> str:
    """A CID-looking string, unique per post (the keyset cursor's tie-breaker)."""
    return "bafyrei" + hashlib.sha256(post["rkey"].encode()).hexdigest()[:52]


# getAuthorFeed's filters, as the AppView's data plane applies them to an account's feed items.
_FEED_FILTERS = {
    "posts_with_replies": lambda account, post: True,
    "posts_no_replies": lambda account, post: post["kind"] != "reply",
    "posts_and_author_threads": lambda account, post: post["kind"] != "reply" or post["reply_to"] == account.index,
    "posts_with_media": lambda account, post: post["kind"] == "post" and post["image"],
    "posts_with_video": lambda account, post: False,
}


def _post_view(author: FakeAccount, uri: str, text: str, at: datetime, **record) -> dict:
    return {
        "uri": uri,
        "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm",
        "author": {"did": author.did, "handle": author.handle},
        "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": _iso(at), **record},
        "indexedAt": _iso(at),
    }


def _feed_item(world: FakeWorld, account: FakeAccount, post: dict) -> dict:
    if post["kind"] == "repost":
        original = world.accounts[post["repost_of"]]
        item = {"post": _post_view(original, _original_uri(world, post), post["text"], post["original_at"])}
        item["reason"] = {
            "$type": "app.bsky.feed.defs#reasonRepost",
            "by": {"did": account.did, "handle": account.handle},
            "indexedAt": _iso(post["created_at"]),
        }
        return item
    if post["kind"] == "reply":
        thread = world.accounts[post["reply_to"]]
        root = _post_view(thread, f"at://{thread.did}/app.bsky.feed.post/3root{post['rkey']}", "what do you think?",
                          post["created_at"] - timedelta(hours=1))
        ref = {"uri": root["uri"], "cid": root["cid"]}
        item = {"post": _post_view(account, _uri(account, post), post["text"], post["created_at"],
                                   reply={"root": ref, "parent": ref})}
        item["reply"] = {"root": {"$type": "app.bsky.feed.defs#postView", **root},
                         "parent": {"$type": "app.bsky.feed.defs#postView", **root}}
        return item
    return {"post": _post_view(account, _uri(account, post), post["text"], post["created_at"])}


def _x_user(account: FakeAccount, world: FakeWorld | None = None, query: dict | None = None) -> dict:
    """A user object; ``public_metrics`` only when ``user.fields`` asks for it, as on X."""
    user = {"id": account.x_id, "name": account.handle.split(".")[0].title(), "username": account.handle}
    if world is not None and "public_metrics" in ",".join((query or {}).get("user.fields", [])).split(","):
        user["public_metrics"] = {"followers_count": len(world.followers_of[account.index]),
                                  "following_count": len(account.follows), "tweet_count": len(account.posts)}
    return user


def _x_tweet(world: FakeWorld, account: FakeAccount, post: dict, fields: set[str]) -> dict:
    """A tweet as users/:id/tweets returns it, with only the ``tweet.fields`` asked for."""
    text, extra = post["text"], {}
    if post["kind"] == "repost":
        text = f"RT @{world.accounts[post['repost_of']].handle}: " + post["text"]
        text = text[:140] + "…" if len(text) > 140 else text
        extra["referenced_tweets"] = [{"type": "retweeted", "id": "42" + post["x_id"]}]
    elif post["kind"] == "reply":
        text = f"@{world.accounts[post['reply_to']].handle} " + text
        extra["referenced_tweets"] = [{"type": "replied_to", "id": "43" + post["x_id"]}]
        extra["in_reply_to_user_id"] = world.accounts[post["reply_to"]].x_id
    if len(text) > 280 and post["kind"] != "repost":
        extra["note_tweet"] = {"text": text}
        text = text[:280]
    tweet = {"id": post["x_id"], "text": text, "edit_history_tweet_ids": [post["x_id"]]}
    extra["created_at"] = _iso(post["created_at"])
    tweet.update({k: v for k, v in extra.items() if k in fields})
    return tweet


def _handler(server: FakeServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms delayed-ACK stalls

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlparse(self.path)
            query = parse_qs(url.query)
            if url.path.startswith("/xrpc/"):
                method = url.path[len("/xrpc/") :]
                status, headers = server.admit("bsky")
                body = {}
                if status == 429:
                    body = {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
                elif status == 503:
                    body = {"error": "InternalServerError", "message": "Service Unavailable"}
                else:
                    status, body = server.bluesky(method, query)
            elif url.path.startswith("/2/"):
                endpoint = "/".join(p if not p.isdigit() else ":id" for p in url.path.split("/"))
                status, headers = server.admit("x:" + endpoint)
                body = {}
                if status == 429:
                    body = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
                elif status == 503:
                    body = {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank", "status": 503}
                else:
                    status, body = server.x(url.path, query, {k.lower(): v for k, v in self.headers.items()})
            else:
                status, headers, body = 404, {}, {"error": "NotFound"}
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)

    return Handler


@contextlib.contextmanager
def serve(server: FakeServer):
    """Run ``server`` on 127.0.0.1 in a thread; yield its base URL (``http://127.0.0.1:PORT``)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class FakeClock:
    """A clock whose ``sleep`` only moves time forward: a ``RateLimiter(clock=c.time, sleep=c.sleep)``
    paces against the fake server without really waiting, and ``sleeps`` records each wait."""

    def __init__(self, now: float = 0.0):
        self.now = now
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
