"""02_followers: per-leader follower downloads that resume exactly, and rank."""

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from botbaby.cli import main
from botbaby.errors import BotbabyError
from botbaby.followers import download_followers
from botbaby.formats import write_leader_file
from botbaby.layout import Layout
from botbaby.rank import count_followed, plot_leaders_followed, plot_overlap, rank


def write_leaders(data_dir, side, handles, world=None):
    path = Layout(data_dir).side(side).leaders_csv
    path.parent.mkdir(parents=True, exist_ok=True)
    table = {"handle": handles}
    if world is not None:
        table["id"] = [world.by_handle[h].did for h in handles]
    pd.DataFrame(table).to_csv(path, index=False)


def stored(data_dir, side, leader):
    return pd.read_feather(Layout(data_dir).side(side).leader_file(leader))


class CrashAfter:
    """A source that dies (like a killed process) after ``pages`` follower pages."""

    def __init__(self, source, pages):
        self.source, self.pages = source, pages

    def __getattr__(self, name):
        return getattr(self.source, name)

    def followers(self, leader, cursor=None):
        if self.pages == 0:
            raise KeyboardInterrupt
        self.pages -= 1
        return self.source.followers(leader, cursor)


def test_each_leaders_followers_are_stored_once_in_its_own_file(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    leaders = world.leader_handles("left")[:3]
    write_leaders(data_dir, "left", leaders)
    report = download_followers(data_dir, "left", source=bluesky(url))
    assert report["done"] == 3 and report["unavailable"] == {}
    for leader in leaders:
        table = stored(data_dir, "left", leader)
        expected = {world.accounts[i].did for i in world.followers_of[world.by_handle[leader].index]}
        assert set(table["id"]) == expected and len(table) == len(expected)
        assert table["key"].is_monotonic_increasing and table["key"].is_unique


def test_a_deleted_leader_is_recorded_and_skipped_and_costs_the_others_nothing(start_fake, bluesky, data_dir):
    from collect_fakes import FakeWorld

    world = FakeWorld(followers=300, gone_leaders=("left1.bsky.social",))
    _, url = start_fake(world=world)
    write_leaders(data_dir, "left", world.leader_handles("left")[:3])
    report = download_followers(data_dir, "left", source=bluesky(url))
    assert report["done"] == 2 and list(report["unavailable"]) == ["left1.bsky.social"]
    assert "AccountTakedown" in report["unavailable"]["left1.bsky.social"]
    assert not Layout(data_dir).side("left").leader_file("left1.bsky.social").exists()


def test_a_killed_download_resumes_at_its_page_and_ends_equal_to_an_uninterrupted_one(world, start_fake, bluesky, tmp_path):
    _, url = start_fake()
    leaders = world.leader_handles("right")[:4]
    clean, resumed = tmp_path / "clean", tmp_path / "resumed"
    for data in (clean, resumed):
        write_leaders(data, "right", leaders)
    download_followers(clean, "right", source=bluesky(url))
    for pages in (2, 5, 3):  # die mid-leader, again, and again
        with pytest.raises(KeyboardInterrupt):
            download_followers(resumed, "right", source=CrashAfter(bluesky(url), pages))
    report = download_followers(resumed, "right", source=bluesky(url))
    assert report["done"] == 4
    for leader in leaders:
        pd.testing.assert_frame_equal(stored(clean, "right", leader), stored(resumed, "right", leader))


def test_a_finished_download_is_skipped_without_a_request(world, start_fake, bluesky, data_dir):
    server, url = start_fake()
    write_leaders(data_dir, "left", world.leader_handles("left")[:2])
    download_followers(data_dir, "left", source=bluesky(url))
    before = server.requests
    report = download_followers(data_dir, "left", source=bluesky(url))
    assert server.requests == before and report["fetched_now"] == 0 and report["done"] == 2


def test_max_per_leader_caps_each_leaders_followers(world, start_fake, x_source, data_dir):
    _, url = start_fake()
    write_leaders(data_dir, "left", world.leader_handles("left")[:2])
    download_followers(data_dir, "left", source=x_source(url), max_per_leader=150)
    for leader in world.leader_handles("left")[:2]:
        assert len(stored(data_dir, "left", leader)) == 150


def collect_both_sides(world, url, bluesky, data_dir):
    for side in ("left", "right"):
        write_leaders(data_dir, side, world.leader_handles(side))
        download_followers(data_dir, side, source=bluesky(url))


def test_rank_counts_leaders_followed_and_drops_accounts_following_both_sides(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    collect_both_sides(world, url, bluesky, data_dir)
    stats = rank(data_dir, top=100_000)
    followed = {side: Counter() for side in ("left", "right")}
    for account in world.accounts:
        for target in account.follows:
            side = world.accounts[target].side
            followed[side][account.handle] += 1
    both = set(followed["left"]) & set(followed["right"])
    assert stats["overlap"] == len(both) > 0
    for side in ("left", "right"):
        table = pd.read_csv(data_dir / side / "accounts.csv")
        assert list(table.columns) == ["handle", "id", "leaders_followed"]
        assert all(world.by_handle[h].did == i for h, i in zip(table["handle"], table["id"], strict=True))
        expected = {h: n for h, n in followed[side].items() if h not in both}
        assert dict(zip(table["handle"], table["leaders_followed"], strict=True)) == expected
        assert table["leaders_followed"].is_monotonic_decreasing
        assert not set(table["handle"]) & both
    saved = json.loads((data_dir / "rank_stats.json").read_text())
    assert saved["sides"]["left"]["followers"] == len(followed["left"])


def test_rank_keeps_the_top_n_most_followed_per_side(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    collect_both_sides(world, url, bluesky, data_dir)
    rank(data_dir, top=25)
    for side in ("left", "right"):
        table = pd.read_csv(data_dir / side / "accounts.csv")
        assert len(table) == 25 and table["leaders_followed"].iloc[0] == len(world.leader_handles(side))


def write_keys(path, keys):
    write_leader_file(path, keys, ids=keys.astype(str), handles=[f"h{k}" for k in keys])


def test_count_followed_agrees_with_a_plain_counter_whatever_the_chunk_size(tmp_path):
    rng = np.random.default_rng(0)
    files, counter = [], Counter()
    for i in range(5):
        keys = np.unique(rng.integers(-50, 50, size=60))
        counter.update(keys.tolist())
        files.append(tmp_path / f"leader{i}.arrow")
        write_keys(files[-1], keys)
    for chunk in (1, 7, 1000):
        keys, counts = count_followed(files, chunk=chunk)
        assert dict(zip(keys.tolist(), counts.tolist(), strict=True)) == dict(counter)
        assert (np.diff(keys) > 0).all()


def test_rank_before_followers_says_which_command_to_run(data_dir):
    write_leaders(data_dir, "left", ["a.bsky.social"])
    with pytest.raises(BotbabyError, match="botbaby followers left"):
        rank(data_dir, sides=["left"])


def test_the_plots_show_leaders_followed_per_side_and_the_overlap(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    collect_both_sides(world, url, bluesky, data_dir)
    rank(data_dir)
    histogram = plot_leaders_followed(data_dir)
    assert [ax.get_title().split(":")[0] for ax in histogram.axes] == ["left", "right"]
    overlap = plot_overlap(data_dir)
    bars = overlap.axes[0].patches
    assert bars[-1].get_height() == json.loads((data_dir / "rank_stats.json").read_text())["overlap"]


def test_followers_and_rank_from_the_cli(world, start_fake, data_dir, capsys):
    _, url = start_fake()
    for side in ("left", "right"):
        write_leaders(data_dir, side, world.leader_handles(side)[:2])
        assert main(["followers", side, "--source", "bluesky", "--base-url", url, "--data", str(data_dir)]) == 0
    assert main(["rank", "--top", "10", "--data", str(data_dir)]) == 0
    assert "dropped" in capsys.readouterr().out
    assert len(pd.read_csv(data_dir / "left" / "accounts.csv")) == 10


def test_handles_are_read_back_for_exactly_the_keys_asked_for(tmp_path):
    from botbaby.rank import _handles_of

    rng = np.random.default_rng(1)
    files = []
    for i in range(4):
        files.append(tmp_path / f"leader{i}.arrow")
        write_keys(files[-1], np.unique(rng.integers(0, 400, size=120)))
    every = np.unique(np.concatenate([pd.read_feather(f)["key"].to_numpy() for f in files]))
    wanted = rng.choice(every, 50, replace=False)
    assert _handles_of(files, wanted) == ([f"h{k}" for k in wanted], [str(k) for k in wanted])


def run_followers(url, data_dir):
    """``python -m botbaby followers`` in its own process, as a user would run it."""
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "botbaby", "followers", "left", "--source", "bluesky", "--base-url", url,
         "--data", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_sigkill_during_followers_then_resume_gives_the_same_files_as_an_uninterrupted_run(start_fake, tmp_path):
    import signal
    import time

    from collect_fakes import FakeWorld

    world = FakeWorld(leaders_per_side=4, followers=12000, posts_per_account=(0, 0), seed=11)
    server, url = start_fake(world=world)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for data in (clean, killed):
        write_leaders(data, "left", world.leader_handles("left"))
    assert run_followers(url, clean).wait(timeout=300) == 0
    total = server.requests
    for fraction in (0.15, 0.4, 0.7):
        start = server.requests
        process = run_followers(url, killed)
        while server.requests < start + fraction * total / 2 and process.poll() is None:
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    assert run_followers(url, killed).wait(timeout=300) == 0
    for leader in world.leader_handles("left"):
        pd.testing.assert_frame_equal(stored(clean, "left", leader), stored(killed, "left", leader))


def test_rank_refuses_an_incomplete_followers_download_naming_the_leaders(world, start_fake, bluesky, data_dir, capsys):
    _, url = start_fake()
    collect_both_sides(world, url, bluesky, data_dir)
    missing = world.leader_handles("left")[1:5]
    for leader in missing:
        Layout(data_dir).side("left").leader_file(leader).unlink()
    with pytest.raises(BotbabyError, match="not downloaded yet") as caught:
        rank(data_dir)
    assert all(leader in str(caught.value) for leader in missing) and "--allow-partial" in str(caught.value)
    assert not (data_dir / "left" / "accounts.csv").exists()
    stats = rank(data_dir, allow_partial=True)
    assert stats["sides"]["left"]["leaders"] == len(world.leader_handles("left")) - 4
    assert stats["leaders_missing"] == {"left": missing}
    capsys.readouterr()
    assert main(["rank", "--data", str(data_dir)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_a_deleted_leader_does_not_make_the_download_incomplete(start_fake, bluesky, data_dir):
    from collect_fakes import FakeWorld

    world = FakeWorld(followers=300, gone_leaders=("left1.bsky.social",))
    _, url = start_fake(world=world)
    collect_both_sides(world, url, bluesky, data_dir)
    assert rank(data_dir)["sides"]["left"]["leaders"] == len(world.leader_handles("left")) - 1


def test_a_leader_on_both_sides_is_a_warning_and_named_in_the_report(world, start_fake, bluesky, data_dir, capsys):
    _, url = start_fake()
    shared = world.leader_handles("right")[0]
    write_leaders(data_dir, "left", world.leader_handles("left") + [shared], world)
    write_leaders(data_dir, "right", world.leader_handles("right"), world)
    for side in ("left", "right"):
        download_followers(data_dir, side, source=bluesky(url))
    stats = rank(data_dir)
    warning = [line for line in capsys.readouterr().out.splitlines() if line.startswith("warning")]
    assert len(warning) == 1 and shared in warning[0]
    assert stats["leaders_on_several_sides"] == {shared: ["left", "right"]}


def test_followers_with_other_settings_are_refused_until_restarted(world, start_fake, x_source, bluesky, data_dir):
    server, url = start_fake()
    write_leaders(data_dir, "left", world.leader_handles("left")[:2])
    download_followers(data_dir, "left", source=x_source(url), max_per_leader=150)
    before = server.requests
    for change in ({"max_per_leader": 300}, {"source": bluesky(url), "max_per_leader": 150}):
        with pytest.raises(BotbabyError, match="other settings .*--restart"):
            download_followers(data_dir, "left", source=change.pop("source", x_source(url)), **change)
    assert server.requests == before
    download_followers(data_dir, "left", source=x_source(url), max_per_leader=300, restart=True)
    assert len(stored(data_dir, "left", world.leader_handles("left")[0])) == 300


def test_the_followers_bar_counts_against_the_leaders_follower_counts(world, start_fake, bluesky, data_dir, capsys):
    _, url = start_fake()
    leaders = world.leader_handles("left")[:2]
    write_leaders(data_dir, "left", leaders)
    download_followers(data_dir, "left", source=bluesky(url))
    total = sum(len(world.followers_of[world.by_handle[h].index]) for h in leaders)
    assert f"{total}/{total}" in capsys.readouterr().err


def test_a_leader_whose_handle_changed_is_asked_for_by_its_id(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    leader = world.by_handle[world.leader_handles("left")[0]]
    path = Layout(data_dir).side("left").leaders_csv
    path.parent.mkdir(parents=True)
    path.write_text(f"handle,id,found_by,votes\nold-name.bsky.social,{leader.did},seed,0\n")
    report = download_followers(data_dir, "left", source=bluesky(url))
    assert report["done"] == 1
    assert len(stored(data_dir, "left", "old-name.bsky.social")) == len(world.followers_of[leader.index])
