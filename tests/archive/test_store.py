"""The tweet store: each id once, an id index that survives kill -9 and deletion, files the umask allows."""

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import botbaby.tweets as tweets_module
from botbaby.io import atomic_write_text, temp_dir
from botbaby.tweets import INDEX_DIR, KeySet, TweetStore, post_keys


def posts(start: int, n: int) -> list[dict]:
    return [{"id": str(1_000_000 + i), "handle": "a", "created_at": "2015-01-01T00:00:00Z", "text": f"post {i}"}
            for i in range(start, start + n)]


def stored_ids(path) -> list[str]:
    return sorted(TweetStore(path).read(columns=["id"])["id"])


def test_post_keys_keep_x_ids_exact_and_hash_everything_else_to_negative_keys():
    ids = ["1", "9223372036854775807", "9223372036854775808", "007", "at://did:plc:x/post/1", "sha1:ab", ""]
    keys = post_keys(ids)
    assert keys[:2].tolist() == [1, 2**63 - 1]
    assert (keys[2:] < 0).all() and len(set(keys.tolist())) == len(ids)
    assert post_keys(pd.Series(ids)).tolist() == keys.tolist() == post_keys(ids).tolist()  # stable


def test_the_key_set_answers_like_a_python_set_as_it_grows():
    rng = np.random.default_rng(0)
    keys, reference = KeySet(), set()
    for size in (5, 1, 300, 2, 40, 1000, 7):
        batch = rng.integers(-50_000, 50_000, size)
        keys.add(batch)
        reference.update(batch.tolist())
        probe = rng.integers(-50_000, 50_000, 500)
        assert keys.contains(probe).tolist() == [int(k) in reference for k in probe]
    assert len(keys) == len(reference) and keys.sorted().tolist() == sorted(reference)


def test_appending_stores_each_id_once_across_batches_and_within_one(tmp_path):
    store = TweetStore(tmp_path / "tweets")
    assert store.append(posts(0, 10) + posts(5, 3)) == 10
    assert store.append(posts(8, 4)) == 2
    assert TweetStore(tmp_path / "tweets").append(posts(0, 12)) == 0  # a new process knows them too
    assert len(stored_ids(tmp_path / "tweets")) == 12
    assert store.contains(["1000000", "1000011", "1000012"]).tolist() == [True, True, False]


def test_the_index_folder_does_not_disturb_parquet_readers(tmp_path):
    TweetStore(tmp_path / "tweets").append(posts(0, 3))
    assert (tmp_path / "tweets" / INDEX_DIR).is_dir()
    assert len(pd.read_parquet(tmp_path / "tweets")) == 3


def test_a_deleted_or_broken_index_is_rebuilt_from_the_parts(tmp_path):
    path = tmp_path / "tweets"
    TweetStore(path).append(posts(0, 5))
    TweetStore(path).append(posts(5, 5))
    for index_file in (path / INDEX_DIR).iterdir():
        index_file.write_bytes(b"garbage")
    assert TweetStore(path).append(posts(0, 12)) == 2
    for index_file in (path / INDEX_DIR).iterdir():
        index_file.unlink()
    assert TweetStore(path).append(posts(0, 13)) == 1
    assert len(stored_ids(path)) == 13


def test_many_appends_merge_the_index_and_a_merged_index_naming_a_deleted_part_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr(tweets_module, "MERGE_AT", 3)
    path = tmp_path / "tweets"
    store = TweetStore(path)
    for start in range(0, 40, 4):
        store.append(posts(start, 4))
    assert (path / INDEX_DIR / "merged.npz").is_file()
    assert len(list((path / INDEX_DIR).glob("*.npy"))) < 10  # per-part files were folded in
    assert TweetStore(path).append(posts(0, 41)) == 1
    first = TweetStore(path).parts()[0]
    gone = set(pd.read_parquet(first)["id"])
    first.unlink()  # a user removes a part: its posts may be imported again
    assert TweetStore(path).append(posts(0, 41)) == len(gone)


KILL_BETWEEN_PART_AND_INDEX = """
import os, sys
import botbaby.tweets as t
from botbaby.tweets import TweetStore
def die(self, name, keys):
    os._exit(9)  # as kill -9 would, after the part is renamed into place and before its index file
t.TweetStore._write_part_keys = die
TweetStore(sys.argv[1]).append([{"id": "77", "handle": "a", "created_at": "2015-01-01T00:00:00Z", "text": "x"}])
"""


def test_a_process_killed_after_writing_a_part_but_before_its_index_loses_nothing(tmp_path):
    path = tmp_path / "tweets"
    TweetStore(path).append(posts(0, 3))
    TweetStore(path).contains(["1"])  # a live store in this process, loaded before the kill
    result = subprocess.run([sys.executable, "-c", KILL_BETWEEN_PART_AND_INDEX, str(path)], timeout=120)
    assert result.returncode == 9
    assert "77" in stored_ids(path)
    assert TweetStore(path).append([{"id": "77", "handle": "a", "created_at": "2015-01-01", "text": "x"}]) == 0
    assert len(stored_ids(path)) == 4


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_written_files_and_folders_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "stats.json", "{}")
        TweetStore(tmp_path / "tweets").append(posts(0, 1))
        folder = temp_dir(tmp_path, ".model.")
    finally:
        os.umask(old)
    assert (tmp_path / "stats.json").stat().st_mode & 0o777 == 0o644
    assert all(part.stat().st_mode & 0o777 == 0o644 for part in TweetStore(tmp_path / "tweets").parts())
    assert folder.stat().st_mode & 0o777 == 0o755
