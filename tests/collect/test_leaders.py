"""01_leaders: seeds grow into a side's leaders through similar accounts (Bluesky) or shared follows (X)."""

import json

import pandas as pd
import pytest

from botbaby.cli import main
from botbaby.errors import BotbabyError, ConfigError
from botbaby.leaders import find_leaders, read_leaders


def test_one_seed_grows_into_its_own_camp_and_nobody_from_the_other(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    table = find_leaders(data_dir, "left", ["left0.bsky.social"], source=bluesky(url), max_leaders=10)
    assert set(table["handle"]) == set(world.leader_handles("left"))
    assert table.loc[0, "found_by"] == "seed"
    assert (table.loc[1:, "found_by"].str.startswith("left")).all()
    written = pd.read_csv(data_dir / "left" / "leaders.csv")
    assert list(written.columns) == ["handle", "id", "found_by", "votes"]
    assert written["handle"].tolist() == table["handle"].tolist()


def test_growth_stops_at_max_leaders_keeping_the_most_named(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    table = find_leaders(data_dir, "right", ["right0.bsky.social"], source=bluesky(url), max_leaders=3)
    assert len(table) == 3
    named = world.by_handle["right0.bsky.social"].follows
    assert set(table["handle"][1:]) <= {world.accounts[i].handle for i in named}


def test_on_x_leaders_come_from_the_accounts_many_leaders_follow(world, start_fake, x_source, data_dir):
    _, url = start_fake()
    seeds = world.leader_handles("left")[:3]
    table = find_leaders(data_dir, "left", seeds, source=x_source(url), max_leaders=10, min_votes=2)
    added = table[table["found_by"] != "seed"]
    assert len(added) > 0 and (added["votes"] >= 2).all()
    assert set(table["handle"]) <= set(world.leader_handles("left"))


def test_a_finished_run_with_the_same_settings_is_skipped(start_fake, bluesky, data_dir, capsys):
    server, url = start_fake()
    find_leaders(data_dir, "left", ["left0.bsky.social"], source=bluesky(url), max_leaders=4)
    before = server.requests
    again = find_leaders(data_dir, "left", ["left0.bsky.social"], source=bluesky(url), max_leaders=4)
    assert server.requests == before and len(again) == 4
    assert "skipping" in capsys.readouterr().out
    find_leaders(data_dir, "left", ["left0.bsky.social"], source=bluesky(url), max_leaders=5)
    assert server.requests > before  # new settings: redone
    saved = json.loads((data_dir / "left" / "leaders_config.json").read_text())
    assert saved["max_leaders"] == 5 and saved["source"] == "bluesky"


def test_seeds_that_do_not_exist_are_skipped_and_none_existing_is_an_error(world, start_fake, bluesky, data_dir):
    _, url = start_fake()
    gone = next(a.handle for a in world.accounts if a.gone)
    table = find_leaders(data_dir, "left", ["@nobody.example.com", "left0.bsky.social"], source=bluesky(url), max_leaders=2)
    assert table["handle"].tolist()[0] == "left0.bsky.social"
    with pytest.raises(BotbabyError, match="none of the seeds"):
        find_leaders(data_dir, "right", [gone, "nobody.example.com"], source=bluesky(url))


def test_bad_settings_are_refused_before_any_request(data_dir):
    with pytest.raises(ConfigError, match="at least one seed"):
        find_leaders(data_dir, "left", [], source="bluesky")
    with pytest.raises(ConfigError, match="max_leaders"):
        find_leaders(data_dir, "left", ["a"], source="bluesky", max_leaders=0)


def test_reading_leaders_before_01_says_which_command_to_run(data_dir):
    with pytest.raises(BotbabyError, match="botbaby leaders left"):
        read_leaders(data_dir, "left")


def test_the_cli_writes_the_same_leaders(world, start_fake, data_dir):
    _, url = start_fake()
    code = main(["leaders", "left", "--source", "bluesky", "--seeds", "left0.bsky.social", "--max-leaders", "6",
                 "--base-url", url, "--data", str(data_dir)])
    assert code == 0
    assert set(read_leaders(data_dir, "left")) == set(world.leader_handles("left"))


def test_a_leader_named_like_a_missing_value_stays_a_handle_in_the_table(data_dir):
    from botbaby.layout import Layout
    from botbaby.leaders import leaders_table

    path = Layout(data_dir).side("left").leaders_csv
    path.parent.mkdir(parents=True)
    path.write_text("handle,id,found_by,votes\nnull,1,seed,0\nnan,2,null,1\n")
    table = leaders_table(data_dir, ["left"])
    assert table["handle"].tolist() == ["null", "nan"]


def test_a_leader_found_for_both_sides_is_one_warning_line(world, start_fake, bluesky, data_dir, capsys):
    from botbaby.leaders import find_leaders_all

    _, url = start_fake()
    seeds = {"left": ["left0.bsky.social", "right1.bsky.social"], "right": ["right0.bsky.social"]}
    find_leaders_all(data_dir, seeds, source=bluesky(url), max_leaders=3)
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("warning")]
    assert len(warnings) == 1 and "right1.bsky.social (left, right)" in warnings[0]
