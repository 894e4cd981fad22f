"""Real-shaped exports: day-first dates, bad bytes, BOMs, odd names, spreadsheet-mangled ids; nothing lost or misdated."""

import json
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
from archive_exports import (
    TWEPOCH_MS,
    export_posts,
    local_date,
    snowflake,
    write_export_csv,
    write_xarchive_account,
    write_xarchive_js,
)

from botbaby import cli
from botbaby.sources.archive import import_files
from botbaby.tweets import TweetStore


@pytest.fixture
def tweets(tmp_path):
    return tmp_path / "tweets"


def stored(tweets) -> pd.DataFrame:
    return TweetStore(tweets).read()


def hours_from_id_time(frame: pd.DataFrame) -> np.ndarray:
    ms = np.array([(int(i) >> 22) + TWEPOCH_MS for i in frame["id"]], dtype=np.int64)
    id_time = pd.to_datetime(ms, unit="ms", utc=True)
    return np.abs((frame["created_at"].to_numpy() - id_time.to_numpy()) / np.timedelta64(1, "h"))


# --- dates --------------------------------------------------------------------------------------


def test_a_day_first_export_is_dated_within_36_hours_of_its_x_ids(tmp_path, tweets):
    posts = export_posts(3000)
    path = write_export_csv(tmp_path / "tweets (1).csv", posts)
    report = import_files(tweets, [path])
    entry = report.files[0]
    assert (report.read, report.added, entry.refused) == (3000, 3000, 0)
    assert entry.date_order == "day-first" and "above 12 first" in entry.date_order_why
    assert (entry.dates_checked_against_ids, entry.dates_off_from_ids) == (3000, 0)
    frame = stored(tweets)
    assert (hours_from_id_time(frame) <= 36).mean() >= 0.99
    by_id = frame.set_index("id")
    for post in posts[::97]:
        assert local_date(by_id.loc[str(post["id"]), "created_at"].to_pydatetime()) == local_date(post["created_at"])


def test_dates_that_read_both_ways_take_the_order_the_x_ids_confirm(tmp_path, tweets):
    # Only days 1-12 of each month: every date reads both ways; the ids' times settle it.
    posts = [p for p in export_posts(3000) if (p["created_at"].day <= 12 and p["created_at"].hour < 12)]
    path = write_export_csv(tmp_path / "export.csv", posts)
    report = import_files(tweets, [path])
    assert report.files[0].date_order == "day-first" and "X ids" in report.files[0].date_order_why
    assert (hours_from_id_time(stored(tweets)) <= 36).all()


def test_a_month_first_export_with_times_is_read_month_first(tmp_path, tweets):
    rows = ["id,created_at,text", "1,2/14/2017 10:15 PM,valentine", "2,3/4/2017 9:05 AM,march the fourth"]
    (tmp_path / "us.csv").write_text("\n".join(rows) + "\n")
    report = import_files(tweets, [tmp_path / "us.csv"])
    assert report.files[0].date_order == "month-first"
    times = stored(tweets).set_index("text")["created_at"]
    assert times["valentine"] == pd.Timestamp("2017-02-14 22:15", tz="UTC")
    assert times["march the fourth"] == pd.Timestamp("2017-03-04 09:05", tz="UTC")


def test_a_file_whose_dates_read_both_ways_and_that_has_no_x_ids_says_what_it_assumed(tmp_path, tweets):
    (tmp_path / "short.csv").write_text("id,created_at,text\n1,3/4/17,one\n2,5/6/17,two\n")
    entry = import_files(tweets, [tmp_path / "short.csv"]).files[0]
    assert entry.date_order == "month-first" and entry.date_order_why.startswith("assumed")


def test_missing_or_garbled_dates_are_taken_from_the_x_ids(tmp_path, tweets):
    posts = export_posts(50)
    lines = ["id,created_at,text"] + [f"{p['id']},{local_date(p['created_at'])},post {i}" for i, p in enumerate(posts)]
    lines[5] = f"{posts[4]['id']},########,too narrow a column"
    lines[6] = f"{posts[5]['id']},,no date at all"
    (tmp_path / "export.csv").write_text("\n".join(lines) + "\n")
    report = import_files(tweets, [tmp_path / "export.csv"])
    assert report.added == 50 and report.repaired == {"date taken from the post's X id": 2}
    frame = stored(tweets).set_index("id")
    assert frame.loc[str(posts[4]["id"]), "created_at"] == pd.Timestamp(posts[4]["created_at"]).floor("ms")


# --- bytes, BOMs, names ---------------------------------------------------------------------------


def test_one_undecodable_byte_at_row_20000_of_25000_costs_nothing_but_is_reported(tmp_path, tweets):
    lines = [b"id,created_at,text"] + [f"{i + 1},2019-05-23T10:00:00Z,post {i}".encode() for i in range(25_000)]
    lines[20_000] = b"20000,2019-05-23T10:00:00Z,caf\xe9 au lait"  # latin-1 among UTF-8
    (tmp_path / "big.csv").write_bytes(b"\n".join(lines) + b"\n")
    report = import_files(tweets, [tmp_path / "big.csv"])
    assert (report.read, report.added, dict(report.refused)) == (25_000, 25_000, {})
    assert report.repaired == {"undecodable bytes replaced by U+FFFD": 1}
    assert report.examples == [{"file": str(tmp_path / "big.csv"), "where": "line 20001",
                                "reason": "undecodable bytes replaced by U+FFFD"}]
    assert stored(tweets).set_index("id").loc["20000", "text"] == "caf\ufffd au lait"


def test_a_file_without_a_handle_column_takes_handle_or_a_handle_made_from_its_name(tmp_path, tweets):
    path = write_export_csv(tmp_path / "tweets (1).csv", export_posts(20))
    first = import_files(tweets, [path])
    assert (first.added, first.files[0].handle, first.files[0].handle_from) == (20, "tweets_1", "file name")
    other = tmp_path / "other"
    named = import_files(other, [path], handle="@narendramodi")
    assert named.files[0].handle_from == "--handle" and set(stored(other)["handle"]) == {"narendramodi"}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_byte_order_mark_is_accepted_in_csv(tmp_path, tweets, encoding):
    (tmp_path / "bom.csv").write_text("id,created_at,text\n1,2019-05-23T10:00:00Z,नमस्ते\u200d दुनिया\n",
                                      encoding=encoding)
    assert import_files(tweets, [tmp_path / "bom.csv"]).added == 1
    assert stored(tweets)["text"].tolist() == ["नमस्ते\u200d दुनिया"]


def test_a_byte_order_mark_is_accepted_in_tweets_js_and_json_lines(tmp_path, tweets):
    write_xarchive_js([{"id": 5, "created_at": datetime(2018, 1, 1, tzinfo=UTC), "text": "bom js"}],
                      tmp_path / "tweets.js", bom=True)
    write_xarchive_account("voter", tmp_path / "account.js")
    line = json.dumps({"id": "6", "text": "bom jsonl", "created_at": "2023-01-01T00:00:00Z", "username": "u"})
    (tmp_path / "posts.jsonl").write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\n")
    report = import_files(tweets, [tmp_path / "tweets.js", tmp_path / "posts.jsonl"])
    assert (report.added, dict(report.refused)) == (2, {})
    assert report.files[0].format == "xarchive-js"


# --- ids --------------------------------------------------------------------------------------------


def test_repeated_ids_in_one_file_are_counted_as_duplicates_not_as_already_stored(tmp_path, tweets):
    posts = export_posts(30)
    path = write_export_csv(tmp_path / "export.csv", posts + posts[:4])
    report = import_files(tweets, [path]).to_dict()
    assert (report["added"], report["duplicates_in_files"], report["already_stored"]) == (30, 4, 0)
    again = import_files(tweets, [path]).to_dict()
    assert (again["added"], again["duplicates_in_files"], again["already_stored"]) == (0, 4, 30)


@pytest.mark.parametrize("style", ["scientific", "python-float", "15-digits"])
def test_ids_that_lost_digits_are_not_trusted_and_every_post_is_still_imported(tmp_path, tweets, style):
    posts = export_posts(400)
    path = write_export_csv(tmp_path / "leader.csv", posts, ids=style)
    report = import_files(tweets, [path])
    assert (report.added, dict(report.refused)) == (400, {})
    assert report.repaired == {"id that lost digits replaced by a derived id": 400}
    frame = stored(tweets)
    assert frame["id"].str.startswith("sha1:").all() and frame["id"].nunique() == 400
    assert import_files(tweets, [path]).files[0].already_stored == 400  # derived ids are stable


def test_the_same_getoldtweets3_export_under_two_names_is_stored_once(tmp_path, tweets):
    body = "Datetime,Text\n2019-05-23 10:00:00+00:00,Counting day\n2019-05-23 11:00:00+00:00,Results soon\n"
    (tmp_path / "narendra_fan.csv").write_text(body)
    (tmp_path / "copy of narendra_fan.csv").write_text(body)
    report = import_files(tweets, [tmp_path / "narendra_fan.csv", tmp_path / "copy of narendra_fan.csv"])
    assert [(f.added, f.already_stored) for f in report.files] == [(2, 0), (0, 2)]


# --- columns, since, the CLI ---------------------------------------------------------------------


def test_a_type_column_marks_retweets_and_unused_columns_are_named(tmp_path, tweets):
    rows = ["id,created_at,Type,text,likes,retweets",
            "1,2019-05-23T10:00:00Z,Retweet,their words without the prefix,0,5",
            "2,2019-05-23T10:00:00Z,Tweet,my words,10,3",
            "3,2019-05-23T10:00:00Z,,RT @b: no type given,0,0"]
    (tmp_path / "typed.csv").write_text("\n".join(rows) + "\n")
    report = import_files(tweets, [tmp_path / "typed.csv"])
    assert report.files[0].ignored_columns == ["likes", "retweets"]
    retweet = stored(tweets).set_index("id")["is_retweet"]
    assert retweet.to_dict() == {"1": True, "2": False, "3": True}


def test_since_is_honoured_and_a_file_it_empties_is_reported(tmp_path, tweets):
    old = [{"id": snowflake(datetime(2012, 5, 1, tzinfo=UTC), i), "created_at": datetime(2012, 5, 1, tzinfo=UTC),
            "text": f"old {i}"} for i in range(3)]
    write_xarchive_js(old + export_posts(5), tmp_path / "tweets.js")
    report = import_files(tweets, [tmp_path / "tweets.js"], since="2014-01-01")
    assert (report.added, report.files[0].before_since) == (5, 3)
    assert report.problems() == [f"{tmp_path / 'tweets.js'}: added 5 of 8 posts (3 before --since)"]
    everything = import_files(tmp_path / "all", [tmp_path / "tweets.js"], since="2006-03-21")
    assert everything.added == 8


def test_the_cli_prints_the_report_and_one_line_per_file_that_added_nothing(tmp_path, data_dir, capsys):
    good = write_export_csv(tmp_path / "tweets (1).csv", export_posts(10))
    (tmp_path / "followers.csv").write_text("handle,followers\na,1\n")
    argv = ["scrape", "left", "--source", "archive", "--files", str(good), str(tmp_path / "followers.csv"),
            "--handle", "someone", "--data", str(data_dir)]
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["added"] == 10
    assert err.splitlines() == [f"{tmp_path / 'followers.csv'}: CSV file has no text and date (or id) columns "
                                "(found handle, followers)"]
    assert set(stored(data_dir / "left" / "tweets")["handle"]) == {"someone"}
    assert cli.main(argv) == 0  # again: everything already stored is no failure
    capsys.readouterr()


def test_the_cli_fails_when_nothing_could_be_imported(tmp_path, data_dir, capsys):
    (tmp_path / "bad.csv").write_text("id,created_at,text\n1,never,a\n2,nope,b\n")
    argv = ["scrape", "left", "--source", "archive", "--files", str(tmp_path / "bad.csv"), "--data", str(data_dir)]
    assert cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["refused"] == {"bad created_at": 2}
    assert err.startswith("botbaby scrape: error: no post was imported: ") and len(err.splitlines()) == 1
    assert f"{tmp_path / 'bad.csv'}: added 0 of 2 posts (2 refused" in err


IMPORT_IN_SMALL_PARTS = """
import sys
import botbaby.sources.archive as archive
from botbaby import cli
archive.BATCH_ROWS = 2_000  # many parts, so that a kill lands between two of them
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_import_killed_midway_and_run_again_stores_exactly_what_an_uninterrupted_one_does(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    path = write_export_csv(tmp_path / "export.csv", export_posts(30_000, days=3000))
    clean, killed = tmp_path / "clean", tmp_path / "killed"

    def run(data):
        argv = ["scrape", "left", "--source", "archive", "--files", str(path), "--data", str(data)]
        return subprocess.Popen([sys.executable, "-c", IMPORT_IN_SMALL_PARTS, *argv], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})

    assert run(clean).wait(timeout=600) == 0
    for parts in (1, 5):  # kill -9 twice, after the first part and after a few more
        process = run(killed)
        while len(list((killed / "left" / "tweets").glob("part-*.parquet"))) < parts and process.poll() is None:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    assert run(killed).wait(timeout=600) == 0
    ids = TweetStore(killed / "left" / "tweets").read(columns=["id"])["id"]
    assert ids.is_unique and set(ids) == set(TweetStore(clean / "left" / "tweets").read(columns=["id"])["id"])
    assert len(ids) == 30_000


def test_an_export_without_a_date_column_is_dated_by_its_x_ids(tmp_path, tweets):
    posts = export_posts(20)
    (tmp_path / "ids.csv").write_text("id,text\n" + "".join(f"{p['id']},post {i}\n" for i, p in enumerate(posts)))
    report = import_files(tweets, [tmp_path / "ids.csv"])
    assert (report.added, report.repaired) == (20, {"date taken from the post's X id": 20})
    assert (hours_from_id_time(stored(tweets)) < 0.001).all()


def test_the_old_x_archive_tweets_csv_is_read_with_its_timestamps_and_retweet_column(tmp_path, tweets):
    header = ('"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text",'
              '"retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"')
    mine = '"831115126612549632","","","2017-02-13 12:03:47 +0000","<a href=""https://x.com"">Web</a>","Hello","","","",""'
    theirs = ('"831115126612549633","","","2017-02-14 12:03:47 +0530","<a>Web</a>","Their words, cut short…",'
              '"831115126612549000","12","2017-02-13 12:03:47 +0000",""')
    (tmp_path / "tweets.csv").write_text("\n".join([header, mine, theirs]) + "\n")
    report = import_files(tweets, [tmp_path / "tweets.csv"], handle="me")
    assert (report.added, report.files[0].date_order) == (2, None)
    frame = stored(tweets).set_index("id")
    assert frame["is_retweet"].to_dict() == {"831115126612549632": False, "831115126612549633": True}
    assert frame.loc["831115126612549633", "created_at"] == pd.Timestamp("2017-02-14 06:33:47", tz="UTC")
    assert "source" in report.files[0].ignored_columns and "retweeted_status_id" not in report.files[0].ignored_columns


def test_clean_csv_files_are_parsed_whole_by_arrow_and_any_oddity_sends_them_line_by_line(tmp_path):
    import botbaby.sources.archive as archive

    def arrow_reads(body: bytes) -> bool:
        path = tmp_path / "file.csv"
        path.write_bytes(body)
        header = body.decode("utf-8", "replace").lstrip("\ufeff").splitlines()[0].split(",")
        return archive._clean_csv_table(path, header, archive._columns(header)) is not None

    good = "id,created_at,text\r\n1,14/2/17,\"a, quoted \"\"cell\"\"\"\r\n2,15/2/17,नमस्ते\r\n"
    assert arrow_reads(good.encode()) and arrow_reads(b"\xef\xbb\xbf" + good.encode())
    assert arrow_reads(good.encode().rstrip(b"\r\n"))  # no line break after the last row
    assert not arrow_reads(good.encode() + b"\r\n")  # a blank line
    assert not arrow_reads(good.replace("a, quoted", "a\nquoted").encode())  # a line break in a cell
    assert not arrow_reads(good.encode() + b"3,16/2/17,caf\xe9\r\n")  # not UTF-8
    assert not arrow_reads(good.encode() + b"4,16/2/17,one,too many\r\n")  # another width
    assert not arrow_reads(good.encode("utf-16"))


def test_arrow_and_the_line_by_line_reader_import_an_export_identically(tmp_path, monkeypatch):
    import botbaby.sources.archive as archive

    posts = export_posts(3000)
    path = write_export_csv(tmp_path / "tweets (1).csv", posts + posts[:7], ids="exact")
    fast = import_files(tmp_path / "fast", [path]).to_dict()
    monkeypatch.setattr(archive, "_clean_csv_table", lambda *_: None)
    slow = import_files(tmp_path / "slow", [path]).to_dict()
    for report in (fast, slow):
        report["files"][0].pop("file")
        for example in report["examples"]:
            example.pop("file")
    assert fast == slow
    columns = ["id", "handle", "created_at", "text", "is_retweet"]
    fast_posts = stored(tmp_path / "fast").sort_values("id")[columns].reset_index(drop=True)
    slow_posts = stored(tmp_path / "slow").sort_values("id")[columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(fast_posts, slow_posts)


def test_dates_that_disagree_with_their_ids_are_kept_as_written_and_counted(tmp_path, tweets):
    when = datetime(2018, 3, 1, 12, 0, tzinfo=UTC)
    far = [{"id": snowflake(datetime(2014, 4, 1, tzinfo=UTC), i), "created_at": when, "text": f"post {i}"}
           for i in range(4)]  # ids from 2014 (made-up ones, as in the demo corpus), dates from 2018
    write_xarchive_js(far, tmp_path / "tweets.js")
    entry = import_files(tweets, [tmp_path / "tweets.js"]).files[0]
    assert (entry.added, entry.dates_checked_against_ids, entry.dates_off_from_ids) == (4, 4, 4)
    assert (stored(tweets)["created_at"] == pd.Timestamp(when)).all()
