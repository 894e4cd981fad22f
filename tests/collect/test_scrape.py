"""03_scrape: every post of the side's accounts since a date, exactly once, through kills and flaky servers."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from botbaby.cli import main
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import Layout
from botbaby.scrape import scrape
from botbaby.sources.base import Account
from botbaby.tweets import TweetStore

SINCE = datetime(2014, 1, 1, tzinfo=UTC)


def write_accounts(data_dir, side, handles, world=None, kind="bluesky"):
    """accounts.csv as rank writes it (with ids, when ``world`` is given) or as a user might (handles only)."""
    path = Layout(data_dir).side(side).accounts_csv
    path.parent.mkdir(parents=True, exist_ok=True)
    table = {"handle": handles}
    if world is not None:
        table["id"] = [world.by_handle[h].did if kind == "bluesky" else world.by_handle[h].x_id for h in handles]
    pd.DataFrame({**table, "leaders_followed": 1}).to_csv(path, index=False)


def some_accounts(world, n=120):
    """Regular accounts, including a few deleted ones."""
    return [a.handle for a in world.accounts if a.side is None][:n]


def stored_ids(data_dir, side="left"):
    """All ids in the side's part files (duplicates kept, to check there are none)."""
    return TweetStore(Layout(data_dir).side(side).tweets_dir).read(columns=["id"])["id"].tolist()


class CrashAfter:
    """A source that dies (like a killed process) after ``pages`` post pages."""

    def __init__(self, source, pages):
        self.source, self.pages = source, pages

    def __getattr__(self, name):
        return getattr(self.source, name)

    def posts(self, account, since, cursor=None, **options):
        if self.pages == 0:
            raise KeyboardInterrupt
        self.pages -= 1
        return self.source.posts(account, since, cursor, **options)


def test_scrape_stores_every_post_since_the_date_exactly_once(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    handles = some_accounts(world)
    write_accounts(data_dir, "left", handles, world)
    report = scrape(data_dir, "left", source=bluesky(url), since="2014-01-01", flush_every=100)
    ids = stored_ids(data_dir)
    assert len(ids) == len(set(ids))
    assert set(ids) == world.expected_posts(handles, SINCE)
    posts = TweetStore(Layout(data_dir).side("left").tweets_dir).read()
    assert (posts["created_at"] >= pd.Timestamp(SINCE)).all() and (posts["source"] == "bluesky").all()
    assert report["posts"] == len(ids) and report["done"] + report["unavailable"] == len(handles)


def test_deleted_accounts_are_recorded_as_unavailable_and_skipped(world, start_fake, bluesky, data_dir):
    import sqlite3

    _, url = start_fake()
    handles = some_accounts(world, 200)
    gone = [h for h in handles if world.by_handle[h].gone]
    write_accounts(data_dir, "left", handles)
    report = scrape(data_dir, "left", source=bluesky(url))
    assert report["unavailable"] == len(gone) > 0
    with sqlite3.connect(Layout(data_dir).side("left").scrape_state) as db:
        rows = db.execute("SELECT handle FROM progress WHERE status = 'unavailable'").fetchall()
    assert sorted(r[0] for r in rows) == sorted(gone)


def test_scrape_survives_429s_and_503s_without_losing_a_post(world, start_fake, bluesky, data_dir):
    server, url = start_fake(fail_every=5, throttle_every=9)
    handles = some_accounts(world, 60)
    write_accounts(data_dir, "left", handles, world)
    report = scrape(data_dir, "left", source=bluesky(url), flush_every=50)
    assert server.failed > 0 and server.throttled > 0 and report["rate_limited"] == server.throttled
    assert set(stored_ids(data_dir)) == world.expected_posts(handles, SINCE)


def test_an_interrupted_scrape_resumes_and_ends_equal_to_an_uninterrupted_one(world, start_fake, bluesky, tmp_path):
    _, url = start_fake()
    handles = some_accounts(world)
    clean, resumed = tmp_path / "clean", tmp_path / "resumed"
    for data in (clean, resumed):
        write_accounts(data, "left", handles, world)
    scrape(clean, "left", source=bluesky(url), flush_every=40)
    for pages in (7, 30, 1, 25):
        with pytest.raises(KeyboardInterrupt):
            scrape(resumed, "left", source=CrashAfter(bluesky(url), pages), flush_every=40)
    scrape(resumed, "left", source=bluesky(url), flush_every=40)
    ids = stored_ids(resumed)
    assert len(ids) == len(set(ids)) and set(ids) == set(stored_ids(clean))


def test_a_finished_scrape_is_skipped_and_new_accounts_are_picked_up(world, start_fake, bluesky, data_dir):
    server, url = start_fake()
    handles = some_accounts(world, 40)
    write_accounts(data_dir, "left", handles[:20], world)
    scrape(data_dir, "left", source=bluesky(url))
    before = server.requests
    assert scrape(data_dir, "left", source=bluesky(url))["stored_now"] == 0
    assert server.requests == before
    write_accounts(data_dir, "left", handles, world)
    scrape(data_dir, "left", source=bluesky(url))
    assert set(stored_ids(data_dir)) == world.expected_posts(handles, SINCE)


def test_max_posts_per_account_keeps_the_newest(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    handles = [a.handle for a in world.accounts if len(a.posts) >= 10 and not a.gone][:10]
    write_accounts(data_dir, "left", handles, world)
    scrape(data_dir, "left", source=bluesky(url), since="2000-01-01", max_posts_per_account=3)
    posts = TweetStore(Layout(data_dir).side("left").tweets_dir).read()
    assert posts.groupby("handle").size().to_dict() == dict.fromkeys(handles, 3)


def test_scrape_from_x_stores_posts_and_replies_and_retweets_only_when_asked(world, start_fake, x_source, tmp_path):
    _, url = start_fake()
    handles = some_accounts(world, 50)
    for side, retweets in (("left", False), ("right", True)):
        write_accounts(tmp_path, side, handles, world, kind="x")
        report = scrape(tmp_path, side, source=x_source(url), retweets=retweets)
        posts = TweetStore(Layout(tmp_path).side(side).tweets_dir).read()
        expected = world.expected_posts(handles, SINCE, source="x", retweets=retweets)
        assert set(posts["id"]) == expected and report["posts"] == len(expected)
        assert posts["is_retweet"].any() == retweets
        assert posts.loc[posts["is_retweet"], "text"].str.startswith("RT @").all()
        assert (posts["source"] == "x").all()


def test_scrape_without_accounts_says_to_run_rank_first(data_dir):
    with pytest.raises(BotbabyError, match="botbaby rank"):
        scrape(data_dir, "left", source="bluesky")


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00 not text", b"name\nalice\n"])
def test_an_empty_or_unreadable_accounts_csv_is_a_one_line_error(data_dir, capsys, content):
    accounts = Layout(data_dir).side("left").accounts_csv
    accounts.parent.mkdir(parents=True)
    accounts.write_bytes(content)
    assert main(["scrape", "left", "--source", "bluesky", "--data", str(data_dir)]) == 2
    error = capsys.readouterr().err
    assert str(accounts) in error and len(error.splitlines()) == 1


def test_accounts_are_read_as_written_even_when_pandas_would_call_them_missing(data_dir):
    from botbaby.scrape import read_accounts

    write_accounts(data_dir, "left", ["@null", "NA", "nan", " ", "alice"])
    assert [a.handle for a in read_accounts(Layout(data_dir).side("left"))] == ["null", "NA", "nan", "alice"]


def test_a_bad_since_date_is_refused(data_dir):
    with pytest.raises(ConfigError, match="since"):
        scrape(data_dir, "left", source="bluesky", since="last tuesday")


def test_the_archive_source_still_imports_files_from_the_cli(data_dir, tmp_path, capsys):
    export = tmp_path / "posts.csv"
    export.write_text("id,handle,created_at,text\n1,a,2015-01-01T00:00:00Z,hello there\n")
    assert main(["scrape", "left", "--source", "archive", "--files", str(export), "--data", str(data_dir)]) == 0
    assert stored_ids(data_dir) == ["1"]
    assert json.loads(capsys.readouterr().out)["added"] == 1


def test_importing_only_files_that_cannot_be_read_is_a_one_line_error(data_dir, tmp_path, capsys):
    missing = tmp_path / "nowhere.csv"
    assert main(["scrape", "left", "--source", "archive", "--files", str(missing), "--data", str(data_dir)]) == 2
    error = capsys.readouterr().err
    assert f"{missing}: file not found" in error and len(error.splitlines()) == 1


def run_scrape(url, data_dir):
    """``python -m botbaby scrape`` in its own process, as a user would run it."""
    return subprocess.Popen(
        [sys.executable, "-m", "botbaby", "scrape", "left", "--source", "bluesky", "--base-url", url,
         "--data", str(data_dir), "--flush-every", "60"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_sigkill_at_several_points_then_resume_gives_the_same_posts_as_an_uninterrupted_run(world, start_fake, tmp_path):
    server, url = start_fake()
    handles = some_accounts(world, 250)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for data in (clean, killed):
        write_accounts(data, "left", handles, world)
    assert run_scrape(url, clean).wait(timeout=300) == 0
    total = server.requests
    for fraction in (0.1, 0.3, 0.5, 0.7):  # kill -9 at several points; each run gets fraction / 2 of the work done
        start = server.requests
        process = run_scrape(url, killed)
        while server.requests < start + fraction * total / 2 and process.poll() is None:
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    assert run_scrape(url, killed).wait(timeout=300) == 0
    ids = stored_ids(killed)
    assert len(ids) == len(set(ids)), "a post was stored twice"
    assert set(ids) == set(stored_ids(clean)) == world.expected_posts(handles, SINCE)


def test_the_tweet_store_sees_posts_another_process_appended_since_it_last_looked(tmp_path):
    ours, theirs = TweetStore(tmp_path / "tweets"), TweetStore(tmp_path / "tweets")
    post = {"handle": "a", "created_at": "2015-01-01T00:00:00Z", "text": "hello"}
    assert ours.append([{**post, "id": "1"}]) == 1
    assert theirs.append([{**post, "id": "2"}]) == 1  # as if a second scrape wrote it
    assert ours.append([{**post, "id": "2"}, {**post, "id": "3"}]) == 1
    assert sorted(TweetStore(tmp_path / "tweets").read(columns=["id"])["id"]) == ["1", "2", "3"]


class FailAfter(CrashAfter):
    """A source whose post pages fail with ``error`` after ``pages`` pages."""

    def __init__(self, source, pages, error):
        super().__init__(source, pages)
        self.error, self.pages_served = error, 0

    def posts(self, account, since, cursor=None, **options):
        if self.pages == 0:
            raise self.error
        self.pages -= 1
        page = self.source.posts(account, since, cursor, **options)
        self.pages_served += 1
        self.served = getattr(self, "served", []) + [p["id"] for p in page.items]
        return page


@pytest.mark.parametrize("error", [RuntimeError("the network card caught fire"), KeyboardInterrupt()])
def test_an_exception_or_ctrl_c_keeps_every_post_fetched_and_the_next_run_continues_mid_account(
        error, world, start_fake, bluesky, tmp_path):
    server, url = start_fake()
    handles = [a.handle for a in world.accounts if a.side is None and len(a.posts) > 10 and not a.gone][:30]
    clean, stopped = tmp_path / "clean", tmp_path / "stopped"
    for data in (clean, stopped):
        write_accounts(data, "left", handles, world)
    scrape(clean, "left", source=bluesky(url), since="2000-01-01", flush_every=10_000)
    clean_requests = server.requests
    failing = FailAfter(bluesky(url), 17, error)
    with pytest.raises(type(error)):  # nothing was flushed yet: 10,000 posts to a write
        scrape(stopped, "left", source=failing, since="2000-01-01", flush_every=10_000)
    assert sorted(stored_ids(stopped)) == sorted(set(failing.served)) != []  # every post fetched is stored
    before = server.requests
    scrape(stopped, "left", source=bluesky(url), since="2000-01-01", flush_every=10_000)
    assert server.requests - before == clean_requests - failing.pages_served  # not one page asked twice
    ids = stored_ids(stopped)
    assert len(ids) == len(set(ids)) and set(ids) == set(stored_ids(clean))


def test_sigterm_and_sigint_store_what_was_fetched_before_the_command_exits(world, start_fake, tmp_path):
    server, url = start_fake()
    handles = some_accounts(world, 250)
    for number, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        data = tmp_path / number.name
        write_accounts(data, "left", handles, world)
        process = subprocess.Popen(
            [sys.executable, "-m", "botbaby", "scrape", "left", "--source", "bluesky", "--base-url", url,
             "--data", str(data)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        start = len(server.feeds_asked)
        while len(server.feeds_asked) < start + 40 and process.poll() is None:
            time.sleep(0.002)
        process.send_signal(number)
        assert process.wait(timeout=60) == code
        assert "run the same command again to resume" in process.stderr.read()
        fetched = set(server.feeds_asked[start:])
        stored = TweetStore(Layout(data).side("left").tweets_dir).read()
        assert len(stored) > 0 and set(stored["handle"]) <= fetched  # stored, though 10,000 posts make a write
        scrape(data, "left", source="bluesky", base_url=url)
        assert set(stored_ids(data)) == world.expected_posts(handles, SINCE)


def test_a_wider_since_fetches_exactly_the_older_posts_and_a_later_one_is_refused(world, start_fake, bluesky, x_source,
                                                                                   tmp_path):
    server, url = start_fake()
    handles = some_accounts(world, 80)
    later = datetime(2020, 1, 1, tzinfo=UTC)
    for kind, source in (("bluesky", bluesky), ("x", x_source)):
        data = tmp_path / kind
        write_accounts(data, "left", handles, world, kind=kind)
        scrape(data, "left", source=source(url), since="2020-01-01")
        assert set(stored_ids(data)) == world.expected_posts(handles, later, source=kind)
        report = scrape(data, "left", source=source(url), since="2014-01-01")
        missing = world.expected_posts(handles, SINCE, source=kind, until=later)
        assert report["stored_now"] == len(missing) > 0
        assert set(stored_ids(data)) == world.expected_posts(handles, SINCE, source=kind)
        before = server.requests
        assert scrape(data, "left", source=source(url), since="2014-01-01")["stored_now"] == 0
        assert server.requests == before
        with pytest.raises(BotbabyError, match="since 2014-01-01 -> 2016-01-01.*--restart"):
            scrape(data, "left", source=source(url), since="2016-01-01")
        assert json.loads(Layout(data).side("left").scrape_config.read_text())["since"] == "2014-01-01"


def test_other_settings_are_refused_in_one_line_until_restarted(world, start_fake, bluesky, data_dir, capsys):
    server, url = start_fake()
    handles = some_accounts(world, 20)
    write_accounts(data_dir, "left", handles, world)
    scrape(data_dir, "left", source=bluesky(url))
    before = server.requests
    capsys.readouterr()
    for option in (["--max-posts-per-account", "5"], ["--retweets"], ["--since", "2018-01-01"]):
        assert main(["scrape", "left", "--source", "bluesky", "--base-url", url, "--data", str(data_dir), *option]) == 2
        error = capsys.readouterr().err
        assert len(error.splitlines()) == 1 and "--restart" in error and option[0].strip("-").split("-")[0] in error
    assert server.requests == before
    report = scrape(data_dir, "left", source=bluesky(url), retweets=True, restart=True)
    assert set(stored_ids(data_dir)) == world.expected_posts(handles, SINCE, retweets=True)
    assert report["done"] + report["unavailable"] == len(handles)


def test_another_source_keeps_its_own_progress(world, start_fake, bluesky, x_source, data_dir):
    server, url = start_fake()
    handles = some_accounts(world, 20)
    write_accounts(data_dir, "left", handles, world)
    scrape(data_dir, "left", source=bluesky(url))
    write_accounts(data_dir, "left", handles, world, kind="x")
    report = scrape(data_dir, "left", source=x_source(url))
    assert report["stored_now"] == len(world.expected_posts(handles, SINCE, source="x"))
    assert set(stored_ids(data_dir)) == world.expected_posts(handles, SINCE) | world.expected_posts(handles, SINCE, source="x")


def test_after_a_re_rank_only_the_accounts_now_listed_are_fetched(world, start_fake, bluesky, data_dir):
    server, url = start_fake()
    handles = some_accounts(world, 60)
    first, now = handles[:40], handles[20:]
    write_accounts(data_dir, "left", first, world)
    with pytest.raises(KeyboardInterrupt):
        scrape(data_dir, "left", source=CrashAfter(bluesky(url), 10))
    write_accounts(data_dir, "left", now, world)  # rank ran again: 20 accounts out, 20 in
    start = len(server.feeds_asked)
    report = scrape(data_dir, "left", source=bluesky(url))
    assert set(server.feeds_asked[start:]) <= set(now)
    assert report["accounts"] == len(now) and report["done"] + report["unavailable"] == len(now)
    stored = set(stored_ids(data_dir))
    assert world.expected_posts(now, SINCE) <= stored <= world.expected_posts(handles, SINCE)


def test_accounts_are_keyed_by_id_so_shared_or_changed_handles_change_nothing(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    two = [a for a in world.accounts if a.side is None and not a.gone and len(a.posts) > 3][:2]
    path = Layout(data_dir).side("left").accounts_csv
    path.parent.mkdir(parents=True)
    # Both shown as handle.invalid (as Bluesky shows an account whose handle no longer resolves).
    path.write_text("handle,id,leaders_followed\n" + "".join(f"handle.invalid,{a.did},1\n" for a in two))
    report = scrape(data_dir, "left", source=bluesky(url))
    assert report["done"] == 2 and set(stored_ids(data_dir)) == world.expected_posts([a.handle for a in two], SINCE)


def test_zero_posts_still_leave_a_tweets_dataset_with_its_columns(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    write_accounts(data_dir, "left", some_accounts(world, 5), world)
    report = scrape(data_dir, "left", source=bluesky(url), since="2025-01-01")
    frame = pd.read_parquet(Layout(data_dir).side("left").tweets_dir)
    assert report["posts"] == 0 and len(frame) == 0
    assert list(frame.columns) == ["id", "handle", "created_at", "text", "is_retweet", "source"]


@pytest.mark.parametrize("since", ["", "01/02/2014", "2099-01-01", "2014-02-30", "last tuesday"])
def test_since_must_be_a_real_past_iso_date(since, data_dir, capsys):
    write_accounts(data_dir, "left", ["alice"])
    assert main(["scrape", "left", "--source", "bluesky", "--since", since, "--data", str(data_dir)]) == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1 and "since" in error


def test_since_before_x_began_serving_posts_is_refused_for_x_only(data_dir):
    from botbaby.scrape import ScrapeConfig

    with pytest.raises(ConfigError, match="2010-11-06"):
        ScrapeConfig(source="x", since="2009-06-01")
    assert ScrapeConfig(source="bluesky", since="2009-06-01").since == "2009-06-01"
    assert ScrapeConfig(since="2014-01-01T08:30:00+05:30").since_datetime() == datetime(2014, 1, 1, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("base_url", ["ftp://127.0.0.1:1", "localhost:8000", "http://127.0.0.1:1"])
def test_a_bad_base_url_fails_at_once_in_one_line(base_url, world, bluesky, clock, data_dir):
    write_accounts(data_dir, "left", some_accounts(world, 3), world)
    with pytest.raises(BotbabyError) as caught:
        scrape(data_dir, "left", source=bluesky(base_url))
    assert base_url in str(caught.value) or base_url.split("/")[0] in str(caught.value)
    assert "\n" not in str(caught.value) and clock.sleeps == []  # no retries, no backoff


class Answers(BaseHTTPRequestHandler):
    """Answers every request 200 with ``body``, or never (``hang``)."""

    body, content_type, hang = b"", "text/html", False

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.hang:
            time.sleep(5)
        self.send_response(200)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


@pytest.fixture
def answering():
    servers = []

    def start(**behaviour):
        handler = type("Handler", (Answers,), behaviour)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("kind", ["bluesky", "x"])
@pytest.mark.parametrize("body", [b"<html>a login page</html>", b'{"unexpected": true}'])
def test_an_answer_of_the_wrong_shape_is_one_line_naming_the_address(kind, body, answering, bluesky, x_source, data_dir):
    url = answering(body=body, content_type="application/json" if body.startswith(b"{") else "text/html")
    source = bluesky(url) if kind == "bluesky" else x_source(url)
    with pytest.raises(BotbabyError) as caught:
        source.posts(Account("alice", "did:plc:abc" if kind == "bluesky" else "12"), SINCE)
    assert url in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", ["bluesky", "x"])
def test_every_request_gives_up_after_the_timeout(kind, answering, data_dir):
    from botbaby.sources.base import open_source

    url = answering(hang=True)
    options = {"bearer_token": "t"} if kind == "x" else {}
    source = open_source(kind, base_url=url, timeout=0.2, **options)
    with pytest.raises(BotbabyError, match="no answer from .*Timeout"):
        source.posts(Account("alice", "did:plc:abc" if kind == "bluesky" else "12"), SINCE)
