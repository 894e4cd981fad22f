"""04_clean as a stage: outputs, streaming, the held-out split, skipping finished work, Punkt, CLI."""

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from botbaby import cli
from botbaby.clean import CleanConfig, clean, plot_lengths, stats_table
from botbaby.errors import BotbabyError
from botbaby.layout import Layout
from botbaby.sentences import load_sentence_splitter
from botbaby.tweets import TweetStore

TOPICS = ["fuel prices", "farm laws", "the election", "the budget", "the cricket final", "exam results"]
VERBS = ["worries", "delights", "angers", "surprises", "confuses"]


def in_letters(number: int) -> str:
    """A number written in letters (base 26), so posts differ by more than digits."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return word


def synthetic_posts(n: int, start: int = 0) -> list[dict]:
    """``n`` posts with URLs, mentions and entities; one in ten a retweet; every third repeats the one before."""
    posts = []
    for i in range(start, start + n):
        k = i - 1 if i % 3 == 2 else i  # same words as the post before, but another link and mention
        text = (
            f"Post {in_letters(k)}: {TOPICS[k % len(TOPICS)]} {VERBS[k % len(VERBS)]} me &amp; my family, "
            f"read https://t.co/{i:06d} @desk{i % 7}. Dr. Rao spoke {k % 11} times. Who pays?"
        )
        if i % 10 == 0:
            text = f"RT @other{i}: {text}"
        posts.append({"id": str(i), "handle": "a", "created_at": "2019-05-23T10:00:00Z", "text": text})
    return posts


@pytest.fixture
def left(data_dir):
    TweetStore(Layout(data_dir).side("left").tweets_dir).append(synthetic_posts(2000))
    return Layout(data_dir).side("left")


def test_training_text_is_one_wrapped_post_per_line(data_dir, left):
    clean(data_dir, "left")
    for path in (left.train_txt, left.val_txt):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert re.fullmatch(r"<\|startoftext\|>[^\n]+<\|endoftext\|>", line)


def test_stats_account_for_every_post_read(data_dir, left):
    stats = clean(data_dir, "left")
    saved = json.loads(left.clean_stats.read_text())
    assert saved["read"] == 2000 == stats.read
    assert saved["read"] == saved["kept"] + sum(saved["dropped"].values())
    assert saved["kept"] == saved["train"] + saved["val"]
    assert saved["dropped"]["retweet"] == 200
    assert saved["train"] == len(left.train_txt.read_text().splitlines())
    assert saved["val"] == len(left.val_txt.read_text().splitlines())
    assert sum(saved["lengths_before"]) == 2000 and sum(saved["lengths_after"]) == saved["kept"]


def test_a_small_deterministic_share_is_held_out(data_dir, left):
    stats = clean(data_dir, "left", {"val_share": 0.1})
    assert 0.05 * stats.kept < stats.val < 0.15 * stats.kept
    first = left.train_txt.read_bytes(), left.val_txt.read_bytes()
    clean(data_dir, "left", {"val_share": 0.1}, force=True)
    assert (left.train_txt.read_bytes(), left.val_txt.read_bytes()) == first
    clean(data_dir, "left", {"val_share": 0.1, "seed": 7})
    assert left.val_txt.read_bytes() != first[1]


def test_small_batches_give_the_same_result_as_one_big_batch(data_dir, left):
    clean(data_dir, "left", {"batch_size": 65_536})
    whole = left.train_txt.read_bytes(), left.val_txt.read_bytes(), json.loads(left.clean_stats.read_text())
    clean(data_dir, "left", {"batch_size": 37})  # duplicates span batches; dedup still sees them
    streamed = left.train_txt.read_bytes(), left.val_txt.read_bytes(), json.loads(left.clean_stats.read_text())
    assert streamed == whole
    assert whole[2]["dropped"]["duplicate"] > 0


def test_a_finished_clean_is_skipped_until_input_or_config_changes(data_dir, left):
    assert not clean(data_dir, "left").skipped
    stamp = left.train_txt.stat().st_mtime_ns
    again = clean(data_dir, "left")
    assert again.skipped and left.train_txt.stat().st_mtime_ns == stamp
    assert again.kept == json.loads(left.clean_stats.read_text())["kept"]
    assert clean(data_dir, "left", {"workers": 1, "batch_size": 100}).skipped  # same output, only slower
    assert not clean(data_dir, "left", {"min_chars": 20}).skipped
    TweetStore(left.tweets_dir).append(synthetic_posts(10, start=5000))
    assert not clean(data_dir, "left", {"min_chars": 20}).skipped


def test_the_resolved_config_is_saved_and_reloadable(data_dir, left):
    clean(data_dir, "left", {"scripts": ["latin", "devanagari"], "min_chars": 30})
    saved = json.loads(left.clean_config.read_text())
    config = CleanConfig.from_dict(saved["config"])
    assert config.scripts == ("latin", "devanagari") and config.min_chars == 30
    assert saved["fingerprint"]


def side_files(side) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in side.root.iterdir() if path.is_file()}


@pytest.mark.parametrize("compiled_pass", ["never", "always"])
def test_an_interrupted_clean_changes_none_of_the_outputs(data_dir, left, monkeypatch, compiled_pass):
    import botbaby.clean_pipeline as pipeline

    clean(data_dir, "left", {"min_chars": 20})
    finished = side_files(left)
    original = pipeline.write_lines
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) > 3:
            raise KeyboardInterrupt
        original(*args)

    monkeypatch.setattr(pipeline, "write_lines", failing)
    with pytest.raises(KeyboardInterrupt):
        clean(data_dir, "left", {"batch_size": 100, "min_chars": 30, "compiled_pass": compiled_pass})
    assert side_files(left) == finished  # no half file, no new stats beside old text, nothing marked done
    assert not list(left.root.glob(".*.tmp"))


def test_an_exception_while_training_the_splitter_changes_nothing(data_dir, left, monkeypatch):
    import botbaby.sentences

    clean(data_dir, "left")
    finished = side_files(left)
    monkeypatch.setattr(botbaby.sentences, "train_splitter", lambda posts: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        clean(data_dir, "left", {"min_chars": 30})
    assert side_files(left) == finished


def test_a_clean_that_keeps_nothing_leaves_the_previous_clean_whole(data_dir, left):
    stats = clean(data_dir, "left")
    finished = side_files(left)
    with pytest.raises(BotbabyError, match="nothing was changed"):
        clean(data_dir, "left", {"min_chars": 10_000})
    assert side_files(left) == finished
    assert json.loads(left.clean_stats.read_text())["kept"] == stats.kept == len(
        left.train_txt.read_text().splitlines() + left.val_txt.read_text().splitlines()
    )
    assert not clean(data_dir, "left", {"min_chars": 40}).skipped  # other settings: cleaned again, not skipped


def test_the_plain_rules_and_the_compiled_pass_write_the_same_files(data_dir, left):
    outputs = {}
    for compiled_pass in ("never", "always"):
        stats = clean(data_dir, "left", {"compiled_pass": compiled_pass, "batch_size": 300, "val_share": 0.2}, force=True)
        assert stats.compiled == (compiled_pass == "always")
        outputs[compiled_pass] = side_files(left)
        del outputs[compiled_pass]["clean_config.json"]  # says which was asked for
        saved = json.loads(outputs[compiled_pass].pop("clean_stats.json"))
        outputs[compiled_pass]["stats"] = {key: value for key, value in saved.items() if key != "compiled"}
    assert outputs["never"] == outputs["always"]


def test_a_small_corpus_on_a_fresh_runtime_uses_the_plain_rules(data_dir, left, monkeypatch):
    import botbaby.clean_kernel
    import botbaby.clean_pipeline as pipeline

    monkeypatch.setattr(botbaby.clean_kernel, "is_built", lambda: False)  # as on a fresh Colab VM
    monkeypatch.setattr(pipeline, "start_build", lambda: pytest.fail("a small corpus started a build"))
    assert not clean(data_dir, "left").compiled
    monkeypatch.setattr(botbaby.clean_kernel, "is_built", lambda: True)
    assert clean(data_dir, "left", force=True).compiled


class FinishedAfter:
    """A stand-in for the background build: still running for ``polls`` polls, then done."""

    def __init__(self, polls: int):
        self.polls = polls

    def poll(self):
        self.polls -= 1
        return None if self.polls >= 0 else 0


def test_a_bigger_corpus_switches_to_the_compiled_pass_once_built_and_writes_the_same(data_dir, left, monkeypatch):
    import botbaby.clean_kernel
    import botbaby.clean_pipeline as pipeline

    plain = clean(data_dir, "left", compiled_pass="never", batch_size=100)
    expected = side_files(left)
    monkeypatch.setattr(botbaby.clean_kernel, "is_built", lambda: False)
    monkeypatch.setattr(pipeline, "BUILD_ABOVE_BYTES", 0)
    monkeypatch.setattr(pipeline, "start_build", lambda: FinishedAfter(polls=5))
    switched = clean(data_dir, "left", batch_size=100, force=True)
    assert switched.compiled and not plain.compiled
    assert side_files(left).keys() == expected.keys()
    for name in ("train.txt", "val.txt", "punkt.pickle"):
        assert side_files(left)[name] == expected[name]


def sleeping_build(started: list):
    """A stand-in for the background build that would run for ten minutes; ``started`` gets the process."""
    import subprocess
    import sys

    def start():
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"]))
        return started[-1]

    return start


@pytest.mark.parametrize("interrupted", [False, True])
def test_a_build_still_running_when_the_clean_ends_is_stopped(data_dir, left, monkeypatch, interrupted):
    import botbaby.clean_kernel
    import botbaby.clean_pipeline as pipeline

    started = []
    monkeypatch.setattr(botbaby.clean_kernel, "is_built", lambda: False)
    monkeypatch.setattr(pipeline, "BUILD_ABOVE_BYTES", 0)
    monkeypatch.setattr(pipeline, "start_build", sleeping_build(started))
    if interrupted:
        monkeypatch.setattr(pipeline, "write_lines", lambda *args: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            clean(data_dir, "left")
    else:
        assert not clean(data_dir, "left").compiled
    assert len(started) == 1
    assert started[0].poll() is not None  # ended (and reaped) before clean returned, not ten minutes later


def test_a_corpus_below_the_build_threshold_starts_no_build(data_dir, left, monkeypatch):
    import botbaby.clean_kernel
    import botbaby.clean_pipeline as pipeline

    monkeypatch.setattr(botbaby.clean_kernel, "is_built", lambda: False)
    text = pipeline.text_bytes(TweetStore(left.tweets_dir).parts())
    monkeypatch.setattr(pipeline, "BUILD_ABOVE_BYTES", text + 1)
    monkeypatch.setattr(pipeline, "start_build", lambda: pytest.fail("started a build that could not pay"))
    assert not clean(data_dir, "left").compiled
    monkeypatch.setattr(pipeline, "BUILD_ABOVE_BYTES", text)
    monkeypatch.setattr(pipeline, "start_build", sleeping_build(started := []))
    clean(data_dir, "left", force=True)
    assert len(started) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="asks the OS for child processes with waitpid")
def test_the_stage_with_the_real_background_build_leaves_no_child_process(data_dir, left):
    import subprocess

    code = (
        "import os\nimport botbaby.clean_kernel, botbaby.clean_pipeline as pipeline\n"
        "from botbaby.clean import clean\n"
        "botbaby.clean_kernel.is_built = lambda: False\n"  # a fresh runtime: the real build starts
        "pipeline.BUILD_ABOVE_BYTES = 0\n"
        f"clean({str(data_dir)!r}, 'left', force=True)\n"
        "try:\n    os.waitpid(-1, os.WNOHANG)\nexcept ChildProcessError:\n    print('no child process')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no child process"


def test_the_background_build_is_a_plain_module_run():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "botbaby.clean_kernel"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def test_the_sentence_splitter_is_learned_from_the_side_and_loads_offline(data_dir, left):
    clean(data_dir, "left")
    splitter = load_sentence_splitter(data_dir, "left")
    assert splitter.tokenize("Fuel is up. Dr. Rao spoke twice. Who pays?") == [
        "Fuel is up.",
        "Dr. Rao spoke twice.",
        "Who pays?",
    ]


def test_the_punkt_sample_is_bounded(data_dir, left):
    stats = clean(data_dir, "left", {"punkt_sample_chars": 2000})
    assert 0 < stats.punkt_chars < 2000 + 200  # at most one post past the bound


def test_a_side_without_posts_says_what_to_run(data_dir):
    with pytest.raises(BotbabyError, match="botbaby scrape right --source archive"):
        clean(data_dir, "right")


def test_a_side_where_nothing_survives_says_why_and_is_not_marked_done(data_dir):
    TweetStore(Layout(data_dir).side("left").tweets_dir).append(
        [{"id": "1", "handle": "a", "created_at": "2019-05-23T10:00:00Z", "text": "short"}]
    )
    with pytest.raises(BotbabyError, match="too_short 1"):
        clean(data_dir, "left")
    assert [path.name for path in Layout(data_dir).side("left").root.iterdir()] == ["tweets"]


def test_stats_table_and_length_plot(data_dir, left):
    TweetStore(Layout(data_dir).side("right").tweets_dir).append(synthetic_posts(300))
    clean(data_dir, "left")
    clean(data_dir, "right")
    table = stats_table(data_dir, ["left", "right"])
    assert list(table.index) == ["left", "right"] and table.loc["right", "read"] == 300
    figure = plot_lengths(data_dir, "left")
    assert len(figure.axes[0].containers) == 2  # before and after


def test_cli_cleans_several_sides_with_the_main_rule_flags(data_dir, left, capsys):
    TweetStore(Layout(data_dir).side("right").tweets_dir).append(synthetic_posts(300))
    argv = ["clean", "left", "right", "--data", str(data_dir), "--no-drop-retweets", "--min-chars", "20"]
    assert cli.main(argv + ["--scripts", "latin,devanagari"]) == 0
    out = capsys.readouterr().out
    assert "left: read 2000" in out and "right: read 300" in out
    saved = json.loads(Layout(data_dir).side("right").clean_config.read_text())["config"]
    assert saved["drop_retweets"] is False and saved["min_chars"] == 20 and saved["scripts"] == ["latin", "devanagari"]
    assert cli.main(argv + ["--scripts", "latin,devanagari"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_cli_reports_a_missing_side_as_one_line(data_dir, capsys):
    assert cli.main(["clean", "nobody", "--data", str(data_dir)]) == 2
    assert "botbaby scrape nobody" in capsys.readouterr().err


def test_cli_refuses_a_bad_script_name(data_dir, left, capsys):
    assert cli.main(["clean", "left", "--data", str(data_dir), "--scripts", "latin,elvish"]) == 2
    assert "unknown script" in capsys.readouterr().err


def test_pandas_reads_the_input_and_train_text_is_utf8(data_dir, left):
    assert len(pd.read_parquet(left.tweets_dir)) == 2000
    clean(data_dir, "left", {"scripts": ["latin", "devanagari"]})
    left.train_txt.read_text(encoding="utf-8")


@pytest.mark.parametrize("compiled", [False, True])
def test_duplicate_detection_agrees_with_a_python_set_within_and_across_batches(compiled):
    import numpy as np

    from botbaby.clean_pipeline import Dedup

    rng = np.random.default_rng(0)
    dedup, seen = Dedup(compiled), set()
    for _ in range(5):
        hashes = rng.integers(0, 2_000, 1_000, dtype=np.uint64)  # many repeats in and across batches
        expected = []
        for value in hashes.tolist():
            expected.append(value not in seen)
            seen.add(value)
        assert dedup.new(hashes).tolist() == expected
        assert Dedup.order(hashes).tolist() == np.argsort(hashes, kind="stable").tolist()
    assert dedup.size == len(seen)
    assert dedup.seen.nbytes <= 8 * 1.5 * (len(seen) + 1_000)  # 8 bytes a distinct post, room for a batch and half


def test_training_the_splitter_imports_only_punkt_and_leaves_nltk_importable(data_dir, left):
    import subprocess
    import sys

    code = (
        "import sys\nfrom botbaby.clean import clean\n"
        f"clean({str(data_dir)!r}, 'left', force=True)\n"
        "loaded = [name for name in sys.modules if name.startswith(('nltk', 'sklearn'))]\n"
        "assert 'nltk' not in loaded and 'nltk.metrics' not in loaded and 'sklearn' not in loaded, loaded\n"
        "import nltk\nassert nltk.sent_tokenize and nltk.tokenize.punkt.PunktSentenceTokenizer\n"
        "from botbaby.sentences import load_sentence_splitter\n"
        f"print(load_sentence_splitter({str(data_dir)!r}, 'left').tokenize('Dr. Rao spoke. Who pays?'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['Dr. Rao spoke.', 'Who pays?']"


def test_a_compiled_clean_imports_no_pandas(data_dir, left):
    """pyarrow imports pandas behind ``pa.array(numpy)``, ``pa.scalar`` and ``to_numpy``: a tenth of a
    second on a compiled clean's critical start, which reads and writes Arrow and NumPy only."""
    script = (
        "import sys\nfrom botbaby.clean import clean\n"
        "stats = clean(sys.argv[1], 'left', compiled_pass='always')\n"
        "print(stats.compiled, stats.kept > 0, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "False"]
