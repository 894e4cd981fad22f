"""The archive source: every file format a user may already have, and what happens to bad input."""

import json
import zipfile
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from archive_exports import write_xarchive_account, write_xarchive_js
from hypothesis import given, settings
from hypothesis import strategies as st

from botbaby import cli
from botbaby.sources.archive import MAX_EXAMPLES, detect_format, import_files
from botbaby.tweets import TweetStore

WHEN = datetime(2018, 10, 10, 20, 19, 24, tzinfo=UTC)


def posts(n: int, start: int = 0, text: str = "Fuel prices are up again") -> list[dict]:
    return [{"id": 1000 + i, "created_at": WHEN, "text": f"{text} {i}"} for i in range(start, start + n)]


@pytest.fixture
def tweets(tmp_path):
    return tmp_path / "tweets"


def stored(tweets) -> pd.DataFrame:
    return TweetStore(tweets).read().sort_values("id").reset_index(drop=True)


# --- X/Twitter account archive ------------------------------------------------------------------


def test_tweets_js_takes_its_handle_from_the_archive_account_js(tmp_path, tweets):
    (tmp_path / "data").mkdir()
    write_xarchive_js(posts(3) + [{"id": 9, "created_at": WHEN, "text": "RT @x: their words"}], tmp_path / "data/tweets.js")
    write_xarchive_account("voter_one", tmp_path / "data/account.js")
    report = import_files(tweets, [tmp_path / "data/tweets.js"])
    assert (report.read, report.added, dict(report.refused)) == (4, 4, {})
    frame = stored(tweets)
    assert set(frame["handle"]) == {"voter_one"}
    assert frame["created_at"].iloc[0] == pd.Timestamp(WHEN)
    assert frame.set_index("id").loc["9", "is_retweet"] and not frame.set_index("id").loc["1000", "is_retweet"]
    assert set(frame["source"]) == {"archive"}


def test_a_renamed_tweets_js_finds_its_account_file_by_name(tmp_path, tweets):
    write_xarchive_js(posts(2), tmp_path / "left-tweets.js")
    write_xarchive_account("demo_left", tmp_path / "left-account.js")
    import_files(tweets, [tmp_path / "left-tweets.js"])
    assert set(stored(tweets)["handle"]) == {"demo_left"}


def test_older_archives_without_the_tweet_wrapper_are_read(tmp_path, tweets):
    items = [{"id_str": "5", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "old style"}]
    (tmp_path / "tweet.js").write_text("window.YTD.tweet.part0 = " + json.dumps(items))
    report = import_files(tweets, [tmp_path / "tweet.js"])
    assert report.added == 1 and stored(tweets)["text"].tolist() == ["old style"]


def test_the_whole_archive_zip_reads_every_tweets_part(tmp_path, tweets):
    folder = tmp_path / "build"
    folder.mkdir()
    write_xarchive_js(posts(3), folder / "tweets.js")
    write_xarchive_js(posts(2, start=3), folder / "tweets-part1.js", part="tweets.part1")
    write_xarchive_account("voter_two", folder / "account.js")
    archive = tmp_path / "twitter-2024-01-01-abc.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in ("tweets.js", "tweets-part1.js", "account.js"):
            zipped.write(folder / name, f"twitter-archive/data/{name}")
        zipped.writestr("twitter-archive/data/like.js", "window.YTD.like.part0 = []")
    report = import_files(tweets, [archive])
    assert (report.read, report.added) == (5, 5)
    assert report.files[0].format == "xarchive-zip"
    assert set(stored(tweets)["handle"]) == {"voter_two"}


def test_a_zip_without_tweets_is_reported(tmp_path, tweets):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("data/account.js", "window.YTD.account.part0 = []")
    report = import_files(tweets, [archive])
    assert report.refused == {"no data/tweets.js in the archive zip": 1}


def test_broken_json_keeps_the_posts_before_it_and_reports_the_line(tmp_path, tweets):
    path = tmp_path / "tweets.js"
    write_xarchive_js(posts(3), path)
    text = path.read_text()
    cut = text.index('"id_str": "1002"')
    path.write_text(text[:cut] + '"id_str": 1002 oops' + text[cut + 20 :])
    report = import_files(tweets, [path])
    assert report.added == 2
    assert report.refused == {"broken JSON (the rest of the file was skipped)": 1}
    assert report.examples[0]["where"].startswith("line ")


def test_archive_items_that_are_not_posts_or_lack_fields_are_counted(tmp_path, tweets):
    items = [
        {"tweet": {"id_str": "1", "created_at": "Wed Oct 10 20:19:24 +0000 2018", "full_text": "fine"}},
        {"tweet": {"id_str": "2", "created_at": "yesterday-ish", "full_text": "bad date"}},
        {"tweet": {"id_str": "3", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},
        "not a post",
    ]
    (tmp_path / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps(items))
    report = import_files(tweets, [tmp_path / "tweets.js"])
    assert report.added == 1
    assert report.refused == {"bad created_at": 1, "missing text": 1, "not a post object": 1}
    assert {e["where"] for e in report.examples} == {"item 1", "item 2", "item 3"}


# --- CSV ------------------------------------------------------------------------------------------


def test_getoldtweets3_csv_gets_stable_ids_and_the_handle_from_the_file_name(tmp_path, tweets):
    path = tmp_path / "narendra_fan.csv"
    path.write_text(
        "Datetime,Text\n"
        "2019-05-23 10:00:00+00:00,Counting day\n"
        "2019-05-23 11:00:00+00:00,Counting day\n"  # same words, another time: another post
        '2019-05-23 12:00:00+00:00,"A post, with a comma\nand a line break"\n'
    )
    assert import_files(tweets, [path]).added == 3
    frame = stored(tweets)
    assert set(frame["handle"]) == {"narendra_fan"} and frame["id"].str.startswith("sha1:").all()
    assert "A post, with a comma\nand a line break" in set(frame["text"])
    again = import_files(tweets, [path])
    assert (again.read, again.added, again.to_dict()["already_stored"]) == (3, 0, 3)


def test_getoldtweets3_csv_with_a_username_column(tmp_path, tweets):
    path = tmp_path / "export.csv"
    path.write_text("Datetime,Tweet Id,Text,Username\n2019-05-23 10:00:00+00:00,77,Hello,@someone\n")
    import_files(tweets, [path])
    assert stored(tweets)[["id", "handle"]].values.tolist() == [["77", "someone"]]


def test_generic_csv_rows_that_are_malformed_are_counted_by_reason_and_line(tmp_path, tweets):
    path = tmp_path / "generic.csv"
    path.write_text(
        "id,created_at,text,handle\n"
        "1,2019-05-23T10:00:00Z,good,a\n"
        "2,2019-05-23T10:00:00Z,too,many,fields\n"
        "3,2019-05-23T10:00:00Z,,a\n"
        "4,someday,bad date,a\n"
        "\n"
        "5,2019-05-23T10:00:00Z,also good,a\n"
    )
    report = import_files(tweets, [path])
    assert report.added == 2
    assert report.refused == {"wrong number of fields (5, header has 4)": 1, "missing text": 1, "bad created_at": 1}
    assert [e["where"] for e in report.examples] == ["line 3", "line 4", "line 5"]


def test_a_csv_without_text_or_date_columns_is_refused_whole(tmp_path, tweets):
    path = tmp_path / "followers.csv"
    path.write_text("handle,followers\na,10\n")
    report = import_files(tweets, [path])
    assert report.added == 0 and list(report.refused) == ["CSV file has no text and date (or id) columns (found handle, followers)"]


# --- JSON Lines of X API v2 posts ---------------------------------------------------------------


def test_api_v2_jsonl_posts_and_response_pages(tmp_path, tweets):
    lines = [
        {"id": "1", "text": "mine", "created_at": "2023-01-01T00:00:00.000Z", "author_id": "42", "username": "ana"},
        {"id": "2", "text": "RT @b: theirs", "created_at": "2023-01-01T00:00:00.000Z", "author_id": "42",
         "referenced_tweets": [{"type": "retweeted", "id": "99"}]},
        {"data": [{"id": "3", "text": "paged", "created_at": "2023-01-02T00:00:00.000Z", "author_id": "7"}],
         "includes": {"users": [{"id": "7", "username": "bo"}]}},
    ]  # fmt: skip
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n")
    report = import_files(tweets, [path])
    assert report.added == 3 and report.refused == {"broken JSON line": 1}
    frame = stored(tweets).set_index("id")
    assert frame.loc["1", "handle"] == "ana" and frame.loc["3", "handle"] == "bo"
    assert frame.loc["2", "handle"] == "42"  # no username anywhere: the author id stands in
    assert frame.loc["2", "is_retweet"] and not frame.loc["1", "is_retweet"]


# --- parquet, detection, and bad files --------------------------------------------------------------


def test_parquet_with_export_column_names(tmp_path, tweets):
    table = pa.table({"tweet_id": [1, 2], "date": [WHEN, WHEN], "content": ["one", None], "username": ["u", "u"]})
    pq.write_table(table, tmp_path / "export.parquet")
    report = import_files(tweets, [tmp_path / "export.parquet"])
    assert report.added == 1 and report.refused == {"missing text": 1}
    assert stored(tweets)["text"].tolist() == ["one"]


def test_formats_are_detected_by_content_when_the_extension_lies(tmp_path):
    write_xarchive_js(posts(1), tmp_path / "archive.txt")
    pq.write_table(pa.table({"id": ["1"]}), tmp_path / "data.bin")
    (tmp_path / "lines.txt").write_text('{"id": "1"}\n')
    assert detect_format(tmp_path / "archive.txt") == "xarchive-js"
    assert detect_format(tmp_path / "data.bin") == "parquet"
    assert detect_format(tmp_path / "lines.txt") == "jsonl"


def test_a_missing_or_unreadable_file_is_reported_and_the_others_still_import(tmp_path, tweets):
    write_xarchive_js(posts(2), tmp_path / "tweets.js")
    (tmp_path / "binary.csv").write_bytes(b"id,created_at,text\n\xff\xfe\x00bad")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    files = [tmp_path / "missing.js", tmp_path / "binary.csv", tmp_path / "broken.zip", tmp_path / "tweets.js"]
    report = import_files(tweets, files)
    assert report.added == 2
    assert report.refused["file not found"] == 1 and report.refused["wrong number of fields (1, header has 3)"] == 1
    assert any(reason.startswith("unreadable file (BadZipFile") for reason in report.refused)
    assert [f.added for f in report.files] == [0, 0, 0, 2]
    assert report.to_dict()["already_stored"] == 0 and report.to_dict()["unreadable_files"] == 2
    assert report.files[0].error == "file not found" and report.files[3].error is None
    problems = report.problems()
    assert len(problems) == 3 and problems[0] == f"{tmp_path / 'missing.js'}: file not found"
    assert problems[1] == f"{tmp_path / 'binary.csv'}: added 0 of 1 posts (1 refused, see the report's examples)"


def test_every_refused_row_is_counted_and_each_reason_keeps_a_few_examples(tmp_path, tweets):
    path = tmp_path / "bad.csv"
    path.write_text("id,created_at,text\n" + "".join(f"{i},never,text\n" for i in range(50)) + "99,2019-05-23,\n")
    report = import_files(tweets, [path])
    assert report.refused == {"bad created_at": 50, "missing text": 1}
    assert [e["reason"] for e in report.examples] == ["missing text"] + ["bad created_at"] * MAX_EXAMPLES
    assert report.to_dict()["files"][0]["refused"] == 51


def test_large_files_are_appended_in_batches(tmp_path, tweets, monkeypatch):
    import botbaby.sources.archive as archive

    monkeypatch.setattr(archive, "BATCH_ROWS", 100)
    write_xarchive_js(posts(250), tmp_path / "tweets.js")
    assert import_files(tweets, [tmp_path / "tweets.js"]).added == 250
    assert len(list(tweets.glob("part-*.parquet"))) == 3
    assert len(pd.read_parquet(tweets)) == 250


def test_scrape_cli_imports_with_the_archive_source(tmp_path, data_dir, capsys):
    write_xarchive_js(posts(4), tmp_path / "tweets.js")
    argv = ["scrape", "left", "--source", "archive", "--files", str(tmp_path / "tweets.js"), "--data", str(data_dir)]
    assert cli.main(argv) == 0
    assert len(pd.read_parquet(data_dir / "left" / "tweets")) == 4


def test_a_csv_row_the_csv_module_cannot_parse_is_counted_and_the_rest_imported(tmp_path, tweets, monkeypatch):
    import csv

    import botbaby.sources.archive as archive

    limit = csv.field_size_limit(100)  # make "field larger than field limit" easy to hit
    monkeypatch.setattr(archive, "CSV_FIELD_LIMIT", 100)
    monkeypatch.setattr(archive, "_clean_csv_table", lambda *_: None)  # Arrow has no such limit: read line by line
    try:
        path = tmp_path / "huge-field.csv"
        path.write_text("id,created_at,text\n1,2019-05-23T10:00:00Z,before\n2,2019-05-23T10:00:00Z," + "x" * 500
                        + "\n3,2019-05-23T10:00:00Z,after\n")
        report = import_files(tweets, [path])
    finally:
        csv.field_size_limit(limit)
    assert report.added == 2 and sum(report.refused.values()) == 1
    assert next(iter(report.refused)).startswith("unparseable CSV row")


def test_a_very_long_csv_field_is_read(tmp_path, tweets):
    path = tmp_path / "long.csv"
    path.write_text("id,created_at,text\n1,2019-05-23T10:00:00Z," + "x" * 200_000 + "\n")
    assert import_files(tweets, [path]).added == 1


def test_a_json_array_or_a_pretty_printed_response_page_is_read_whole(tmp_path, tweets):
    post = {"id": "1", "text": "array post", "created_at": "2023-01-01T00:00:00.000Z", "author_id": "7"}
    (tmp_path / "array.json").write_text(json.dumps([post, {**post, "id": "2"}], indent=2))
    page = {"data": [{**post, "id": "3"}], "includes": {"users": [{"id": "7", "username": "bo"}]}}
    (tmp_path / "page.json").write_text(json.dumps(page, indent=2))
    report = import_files(tweets, [tmp_path / "array.json", tmp_path / "page.json"])
    assert (report.added, dict(report.refused)) == (3, {})
    assert stored(tweets).set_index("id").loc["3", "handle"] == "bo"


def test_a_damaged_part_of_an_archive_zip_is_reported_and_the_other_parts_imported(tmp_path, tweets):
    write_xarchive_js(posts(3), tmp_path / "tweets.js")
    write_xarchive_js(posts(2, start=3, text="Second part " + "x" * 200), tmp_path / "tweets-part1.js",
                      part="tweets.part1")
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as zipped:  # stored, not deflated: the damage below is a CRC error
        zipped.write(tmp_path / "tweets.js", "data/tweets.js")
        zipped.write(tmp_path / "tweets-part1.js", "data/tweets-part1.js")
    data = bytearray(archive.read_bytes())
    at = data.rindex(b"Second part")
    data[at : at + 6] = b"SECOND"
    archive.write_bytes(bytes(data))
    report = import_files(tweets, [archive])
    assert (report.added, dict(report.refused)) == (3, {"unreadable archive member": 1})
    assert report.examples[0]["where"].startswith("data/tweets-part1.js (Bad CRC-32")
    assert report.problems() == [f"{archive}: added 3 of 4 posts (1 refused, see the report's examples)"]


def test_a_field_over_the_csv_modules_limit_is_read_without_raising_that_limit_for_the_process(tmp_path, tweets):
    import csv

    limit = csv.field_size_limit()
    long_text = "x" * 200_000 + "\nand a second line"  # over 128 KiB, and on two lines: read line by line
    path = tmp_path / "long-multiline.csv"
    path.write_text('id,created_at,text\n1,2019-05-23T10:00:00Z,"' + long_text + '"\n'
                    "2,2019-05-23T10:00:00Z,after\n3,not a date,refused\n")
    report = import_files(tweets, [path])
    assert report.added == 2 and stored(tweets)["text"].tolist() == [long_text, "after"]
    assert [e["where"] for e in report.examples] == ["line 5"]  # the lines after it are still counted right
    assert csv.field_size_limit() == limit


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet='ab,"\n\r ', max_size=20))
def test_the_reader_of_over_long_records_splits_and_parses_as_the_csv_module_does(text):
    import csv
    import io

    from botbaby.sources.archive import _parse_record

    lines = iter(io.StringIO(text, newline=""))
    records = []
    while (record := _parse_record(lines, limit=1000)) is not None:
        records.append(record)
    assert records == list(csv.reader(io.StringIO(text, newline="")))
