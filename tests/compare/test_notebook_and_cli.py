"""07_compare end to end: the notebook under papermill and `botbaby compare` on tiny trained models."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def trained(tiny_models, data_dir) -> Path:
    """A writable copy of the session's two tiny trained sides."""
    for side in ("left", "right"):
        shutil.copytree(tiny_models / side, data_dir / side)
    return data_dir


def assert_shares_are_shares(report: dict) -> None:
    for side in ("left", "right"):
        assert 0 <= report["classifier"]["own_side_share"][side] <= 1
        assert 0 <= report["memorisation"][side]["share"] <= 1
        for kind in ("generated", "real"):
            diversity = report["diversity"][side][kind]
            assert 0 < diversity["distinct_1"] <= 1 and 0 < diversity["distinct_2"] <= 1
            shares = report["sentiment"][side][kind]
            assert sum(shares[label] for label in ("POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED")) == pytest.approx(1, abs=1e-3)
    assert 0 <= report["classifier"]["heldout_accuracy"] <= 1


@pytest.mark.slow
def test_07_compare_generates_with_both_models_and_records_every_measure(run_notebook, trained):
    results = run_notebook("07_compare", DATA=str(trained), SAMPLES=6, LENGTH=30, TOP_TERMS=12)
    assert_shares_are_shares(results)
    saved = json.loads((trained / "results" / "compare.json").read_text())
    assert {side: len(posts) for side, posts in saved["generated"].items()} == {"left": 6, "right": 6}
    assert "generated" not in results and results["divergence"] == saved["divergence"]
    assert all(len(rows) == 12 for rows in results["divergence"].values())
    assert results["perplexity"]["left"] == json.loads((trained / "left" / "model" / "metrics.json").read_text())["perplexity"]
    assert len(results["prompts"]) == 6  # the default: the corpora's six most frequent openings
    for name in ("compare.json", "compare.html", "compare.png"):
        assert (trained / "results" / name).is_file()


@pytest.mark.slow
def test_botbaby_compare_runs_from_another_folder_with_a_prompts_file(trained, tmp_path):
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("\ufeffOur farmers\n\nPublic schools\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "botbaby", "compare", "--data", str(trained), "--sides", "left", "right",
         "--prompts", str(prompts), "--samples", "4"],
        cwd=elsewhere, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "left uses more:" in result.stdout and "of its posts read as left" in result.stdout
    report = json.loads((trained / "results" / "compare.json").read_text())
    assert report["prompts"] == ["Our farmers", "Public schools"]
    assert all(post.startswith(("Our farmers", "Public schools")) for post in report["generated"]["right"])
    assert_shares_are_shares(report)
    assert not list(elsewhere.iterdir()), "compare wrote outside the data folder"


def test_botbaby_compare_without_training_text_is_one_line_saying_what_to_run(data_dir):
    result = subprocess.run([sys.executable, "-m", "botbaby", "compare", "--data", str(data_dir)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "botbaby compare: error:" in result.stderr and "botbaby clean left" in result.stderr



@pytest.mark.slow
def test_the_demo_step_compares_the_trained_sides_and_is_skipped_the_second_time(trained):
    from botbaby.demo import STEPS, compare_sides

    assert [name for name, _ in STEPS][-1] == "compare"
    said: list[str] = []
    first = compare_sides(trained, ("left", "right"), say=said.append)
    second = compare_sides(trained, ("left", "right"), say=said.append)
    assert not first["skipped"] and second["skipped"] and first["own_side_share"] == second["own_side_share"]
    assert any(line.startswith("compare (already done): side classifier") for line in said)
    assert set(first["own_side_share"]) == {"left", "right"}
