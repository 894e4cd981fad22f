"""notebooks/04_clean.ipynb runs headlessly and records what it wrote."""

import json


def test_04_clean_imports_the_demo_corpus_cleans_both_sides_and_records_the_numbers(run_notebook, data_dir):
    results = run_notebook("04_clean", DATA=str(data_dir), IMPORT_DEMO_CORPUS=True, MIN_CHARS=40)
    for side in ("left", "right"):
        recorded = results["clean"][side]
        saved = json.loads((data_dir / side / "clean_stats.json").read_text())
        train = (data_dir / side / "train.txt").read_text(encoding="utf-8").splitlines()
        val = (data_dir / side / "val.txt").read_text(encoding="utf-8").splitlines()
        assert recorded["kept"] == saved["kept"] == len(train) + len(val) > 100
        assert recorded["read"] == results["imported"][side]["read"] == recorded["kept"] + sum(recorded["dropped"].values())
        assert recorded["dropped"]["retweet"] > 0 and recorded["dropped"]["duplicate"] > 0
        assert json.loads((data_dir / side / "clean_config.json").read_text())["config"]["min_chars"] == 40
        assert (data_dir / side / "punkt.pickle").is_file()
