"""The x, bluesky and getoldtweets3 sources, driven through their real client libraries against fakes."""

import sys
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from botbaby.cli import main
from botbaby.errors import BotbabyError
from botbaby.sources.base import Account, AccountUnavailable, account_key

SINCE = datetime(2014, 1, 1, tzinfo=UTC)


def all_pages(fetch, *args, **options):
    items, cursor = [], None
    while True:
        page = fetch(*args, cursor, **options)
        items.extend(page.items)
        if page.done:
            return items
        cursor = page.cursor


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_followers_pages_add_up_to_every_follower_of_the_leader(kind, world, start_fake, bluesky, x_source):
    _, url = start_fake()
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    leader = world.leader_handles("left")[0]
    followers = all_pages(source.followers, Account(leader, ""))
    expected = {world.accounts[i].handle for i in world.followers_of[world.by_handle[leader].index]}
    assert len(followers) > 200  # several pages on Bluesky (100 a page)
    assert {a.handle for a in followers} == expected and len(followers) == len(expected)


def as_account(account, kind):
    return Account(handle=account.handle, id=account.did if kind == "bluesky" else account.x_id)


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_posts_since_a_date_are_all_there_with_replies_and_none_older(kind, world, start_fake, bluesky, x_source):
    from collect_fakes import post_id

    _, url = start_fake()
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    account = next(a for a in world.accounts if a.side is None and not a.gone
                   and sum(p["kind"] == "reply" and p["created_at"] >= SINCE for p in a.posts) >= 2)
    posts = all_pages(source.posts, as_account(account, kind), SINCE)
    expected = [p for p in account.posts if p["created_at"] >= SINCE and p["kind"] != "repost"]
    assert [p["id"] for p in posts] == [post_id(world, account, p, kind) for p in expected]
    assert all(pd.Timestamp(p["created_at"]) >= SINCE for p in posts)
    assert all(p["source"] == kind and p["handle"] == account.handle and not p["is_retweet"] for p in posts)


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_reposts_come_only_when_asked_for_and_flagged(kind, world, start_fake, bluesky, x_source):
    from collect_fakes import post_id

    _, url = start_fake()
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    account = next(a for a in world.accounts if a.side is None and not a.gone
                   and sum(p["kind"] == "repost" and p["created_at"] >= SINCE for p in a.posts) >= 2)
    posts = all_pages(source.posts, as_account(account, kind), SINCE, retweets=True)
    reposts = [p for p in account.posts if p["kind"] == "repost" and p["created_at"] >= SINCE]
    flagged = {p["id"] for p in posts if p["is_retweet"]}
    assert flagged == {post_id(world, account, p, kind) for p in reposts}
    if kind == "bluesky":  # keyed by the original and who reposted it, dated when reposted
        assert all(i.endswith(f"#repost-by-{account.did}") for i in flagged)
        dates = {p["id"]: p["created_at"] for p in posts}
        assert {dates[post_id(world, account, p)] for p in reposts} == {p["created_at"] for p in reposts}
    else:
        assert all(p["text"].startswith("RT @") for p in posts if p["is_retweet"])


def test_bluesky_asks_for_the_feed_with_replies_which_posts_no_replies_would_drop(world, start_fake, bluesky):
    import atproto

    from botbaby.sources import bluesky as module

    _, url = start_fake()
    account = next(a for a in world.accounts if not a.gone and any(p["kind"] == "reply" for p in a.posts))
    replies = {f"at://{account.did}/app.bsky.feed.post/{p['rkey']}" for p in account.posts if p["kind"] == "reply"}
    stored = {p["id"] for p in all_pages(bluesky(url).posts, as_account(account, "bluesky"), SINCE.replace(year=2000))}
    assert replies <= stored and module.FEED_FILTER == "posts_with_replies"
    # What the old filter did on the real AppView, and does on the fake: every reply gone.
    feed = atproto.Client(base_url=url).app.bsky.feed.get_author_feed(
        {"actor": account.did, "filter": "posts_no_replies", "limit": 100}).feed
    assert feed and not any(item.post.record.reply for item in feed)
    assert any(item.reason for item in feed) == any(p["kind"] == "repost" for p in account.posts)


def test_x_excludes_retweets_by_default_and_stores_the_whole_text_of_long_posts(world, start_fake, x_source):
    _, url = start_fake()
    account = next(a for a in world.accounts if not a.gone and any(len(p["text"]) > 300 and p["kind"] == "post"
                                                                   for p in a.posts if p["created_at"] >= SINCE))
    posts = {p["id"]: p for p in all_pages(x_source(url).posts, as_account(account, "x"), SINCE)}
    long = next(p for p in account.posts if len(p["text"]) > 300 and p["kind"] == "post" and p["created_at"] >= SINCE)
    assert posts[long["x_id"]]["text"] == long["text"]
    assert not any(p["is_retweet"] for p in posts.values())


def test_x_refuses_a_since_before_2010_11_06_in_one_line_before_asking(world, start_fake, x_source):
    server, url = start_fake()
    with pytest.raises(BotbabyError, match="no posts before 2010-11-06"):
        x_source(url).posts(Account("user0.bsky.social", "1000012"), datetime(2009, 1, 1, tzinfo=UTC))
    assert server.requests == 0


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_a_deleted_account_raises_account_unavailable(kind, world, start_fake, bluesky, x_source):
    _, url = start_fake()
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    gone = next(a for a in world.accounts if a.gone)
    with pytest.raises(AccountUnavailable) as caught:
        source.posts(as_account(gone, kind), SINCE)
    assert caught.value.handle == gone.handle
    with pytest.raises(AccountUnavailable):
        source.followers(as_account(gone, kind))


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_profiles_leave_out_deleted_and_unknown_accounts(kind, world, start_fake, bluesky, x_source):
    _, url = start_fake()
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    gone = next(a for a in world.accounts if a.gone)
    handles = ["user0.bsky.social", gone.handle, "nobody.example.com", "left1.bsky.social"]
    found = source.profiles(handles)
    assert [a.handle for a in found] == ["user0.bsky.social", "left1.bsky.social"]
    assert found[0].id == (world.by_handle["user0.bsky.social"].did if kind == "bluesky" else "1000012")


def test_profiles_refuse_more_than_one_call_can_carry(start_fake, bluesky):
    _, url = start_fake()
    with pytest.raises(ValueError, match="at most 25"):
        bluesky(url).profiles([f"user{i}.bsky.social" for i in range(26)])


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_429s_and_503s_are_waited_out_and_retried_and_nothing_is_lost(kind, world, start_fake, bluesky, x_source, clock):
    server, url = start_fake(fail_every=4, throttle_every=7, throttle_wait=30)
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    leader = world.leader_handles("right")[0]
    followers = all_pages(source.followers, as_account(world.by_handle[leader], kind))
    for account in world.accounts[20:40]:
        if not account.gone:
            all_pages(source.posts, as_account(account, kind), SINCE)
    assert len(followers) == len(world.followers_of[world.by_handle[leader].index])
    assert server.failed > 0 and server.throttled > 0
    assert source.limiter.retries == server.failed and source.limiter.rate_limited == server.throttled
    assert any(s >= 29 for s in clock.sleeps)  # a 429 waited until the window reopened


def test_bluesky_paces_itself_from_ratelimit_headers(world, start_fake, bluesky, clock):
    server, url = start_fake(limit=5, window=3600)
    source = bluesky(url)
    for account in world.accounts[12:20]:
        if not account.gone:
            source.posts(as_account(account, "bluesky"), SINCE)
    assert len(clock.sleeps) == 1 and clock.sleeps[0] > 0  # waited once, when the 5 were spent
    assert server.throttled == 0


def test_x_without_a_token_says_where_to_put_one(monkeypatch):
    from botbaby.sources import x

    monkeypatch.delenv("X_BEARER_TOKEN", raising=False)
    with pytest.raises(BotbabyError, match="X_BEARER_TOKEN"):
        x.open_source()


def test_x_reads_the_token_from_the_environment(monkeypatch, start_fake, world):
    from botbaby.sources import x

    _, url = start_fake()
    monkeypatch.setenv("X_BEARER_TOKEN", "from-env")
    source = x.open_source(base_url=url)
    assert source.client.bearer_token == "from-env"
    assert source.user_id("left0.bsky.social") == world.by_handle["left0.bsky.social"].x_id


def test_x_with_a_rejected_token_says_to_check_it(start_fake):
    from botbaby.sources import x

    _, url = start_fake()
    source = x.open_source(bearer_token="revoked-token", base_url=url)
    with pytest.raises(BotbabyError, match="refused the bearer token"):
        source.followers(Account("left0.bsky.social", ""))


def test_x_looks_accounts_up_by_id_a_hundred_at_a_time(world, start_fake, x_source):
    _, url = start_fake()
    gone = next(a for a in world.accounts if a.gone)
    found = x_source(url).accounts_by_id(["1000000", gone.x_id, "1000013"])
    assert [a.handle for a in found] == ["left0.bsky.social", "user1.bsky.social"]


def test_x_similar_accounts_are_the_accounts_a_leader_follows(world, start_fake, x_source):
    _, url = start_fake()
    leader = world.by_handle["left0.bsky.social"]
    similar = x_source(url).similar_accounts(leader.handle)
    assert [a.handle for a in similar] == [world.accounts[i].handle for i in leader.follows]


def test_account_keys_are_x_ids_or_negative_hashes_of_dids():
    assert account_key("1000012") == 1000012
    assert account_key("did:plc:abc") == account_key("did:plc:abc") < 0
    assert account_key("did:plc:abc") != account_key("did:plc:abd")


class RefusesEverything(BaseHTTPRequestHandler):
    """Answers every request 400, as X and Bluesky answer a handle they do not accept (e.g. the other's)."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.path.startswith("/xrpc/"):
            body = b'{"error": "InvalidRequest", "message": "Error: actors/0 must be a valid did or a handle"}'
        else:
            body = (b'{"errors": [{"message": "The `usernames` query parameter value [alice.bsky.social] does not '
                    b'match ^[A-Za-z0-9_]{1,15}$"}], "title": "Invalid Request"}')
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("kind, handle, said", [
    ("bluesky", "alice", "InvalidRequest: Error: actors/0 must be a valid did or a handle"),
    ("x", "alice.bsky.social", "does not match ^[A-Za-z0-9_]{1,15}$"),
])
def test_a_handle_the_source_refuses_is_a_one_line_error_not_the_clients_exception(kind, handle, said, bluesky,
                                                                                    x_source):
    server = ThreadingHTTPServer(("127.0.0.1", 0), RefusesEverything)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        source = (bluesky if kind == "bluesky" else x_source)(f"http://127.0.0.1:{server.server_address[1]}")
        with pytest.raises(BotbabyError, match="refused the .*HTTP 400") as caught:
            source.profiles([handle])
        assert said in str(caught.value) and "\n" not in str(caught.value)
    finally:
        server.shutdown()
        server.server_close()


class DeadTwitter(BaseHTTPRequestHandler):
    """Answers like twitter.com/i/search/timeline does since 2020: an HTML 404 page."""

    paths: list[str] = []
    stdouts: list = []  # sys.stdout as this server thread saw it while the source was waiting for an answer

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        DeadTwitter.paths.append(self.path)
        DeadTwitter.stdouts.append(sys.stdout)
        body = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body>Sorry</body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def dead_twitter():
    server = ThreadingHTTPServer(("127.0.0.1", 0), DeadTwitter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    DeadTwitter.paths.clear()
    DeadTwitter.stdouts.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_getoldtweets3_against_todays_dead_endpoint_names_the_alternatives(dead_twitter):
    from botbaby.sources import getoldtweets3

    source = getoldtweets3.open_source(base_url=dead_twitter)
    with pytest.raises(BotbabyError) as caught:
        source.posts(Account("jack", "jack"), SINCE)
    message = str(caught.value)
    assert "gone since September 2020" in message and "HTTP Error 404" in message
    assert "--source x" in message and "--source bluesky" in message and "--source archive" in message
    assert DeadTwitter.paths and DeadTwitter.paths[0].startswith("/i/search/timeline?")
    assert "from%3Ajack" in DeadTwitter.paths[0]
    # GetOldTweets3's prints were caught without swapping sys.stdout under the other threads
    assert DeadTwitter.stdouts and all(seen is sys.stdout for seen in DeadTwitter.stdouts)


def test_getoldtweets3_scrape_from_the_cli_fails_with_one_line_not_a_traceback(dead_twitter, data_dir, capsys):
    (data_dir / "left").mkdir()
    (data_dir / "left" / "accounts.csv").write_text("handle,leaders_followed\njack,3\n")
    code = main(["scrape", "left", "--source", "getoldtweets3", "--base-url", dead_twitter, "--data", str(data_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert "botbaby scrape: error: GetOldTweets3 could not download @jack's posts" in err
    assert "Traceback" not in err


def test_getoldtweets3_cannot_list_followers_and_says_what_can(dead_twitter):
    from botbaby.sources import getoldtweets3

    with pytest.raises(BotbabyError, match="--source x"):
        getoldtweets3.open_source(base_url=dead_twitter).followers(Account("jack", ""))


def test_the_stages_import_without_any_client_library():
    import subprocess
    import sys

    code = (
        "import sys, botbaby.leaders, botbaby.followers, botbaby.scrape, botbaby.sources.base;"
        "loaded = [m for m in ('tweepy', 'atproto', 'GetOldTweets3', 'httpx', 'requests') if m in sys.modules];"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
