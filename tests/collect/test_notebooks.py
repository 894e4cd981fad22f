"""notebooks/01_leaders, 02_followers and 03_scrape run headlessly with papermill against the fake Bluesky server."""

import pandas as pd

from botbaby.tweets import TweetStore


def test_01_02_03_find_leaders_rank_followers_and_scrape_their_posts(run_notebook, data_dir, world, start_fake):
    _, url = start_fake()
    seeds = {"left": ["left0.bsky.social"], "right": ["right0.bsky.social"]}
    leaders = run_notebook("01_leaders", DATA=str(data_dir), SEEDS=seeds, MAX_LEADERS=4, BASE_URL=url)
    for side in ("left", "right"):
        assert len(leaders["leaders"][side]) == 4
        assert set(leaders["leaders"][side]) <= set(world.leader_handles(side))
        assert leaders["leaders"][side] == pd.read_csv(data_dir / side / "leaders.csv")["handle"].tolist()

    ranked = run_notebook("02_followers", DATA=str(data_dir), TOP=60, BASE_URL=url)
    for side in ("left", "right"):
        assert ranked["downloads"][side]["done"] == 4
        accounts = pd.read_csv(data_dir / side / "accounts.csv")
        assert len(accounts) == ranked["rank"]["sides"][side]["kept"] == 60
    assert ranked["rank"]["overlap"] > 0

    scraped = run_notebook("03_scrape", DATA=str(data_dir), SINCE="2016-01-01", BASE_URL=url)
    for side in ("left", "right"):
        report = scraped["scrape"][side]
        stored = TweetStore(data_dir / side / "tweets").read()
        assert report["posts"] == len(stored) > 0
        assert report["done"] + report["unavailable"] == 60
        assert (stored["created_at"] >= pd.Timestamp("2016-01-01", tz="UTC")).all()
