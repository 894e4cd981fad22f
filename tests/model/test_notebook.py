"""notebooks/05_train_colab.ipynb runs headlessly on tiny settings and records what it trained and generated."""

import shutil

import pytest

pytestmark = pytest.mark.slow


def test_05_train_colab_trains_both_sides_generates_and_saves_to_drive(run_notebook, tiny_models, data_dir, tmp_path):
    for side in ("left", "right"):  # only the corpus: the notebook trains from scratch
        (data_dir / side).mkdir()
        for name in ("train.txt", "val.txt"):
            shutil.copy(tiny_models / side / name, data_dir / side / name)
    drive = tmp_path / "drive"
    drive.mkdir()
    results = run_notebook(
        "05_train_colab", DATA=str(data_dir), MODEL="tiny", STEPS=30, REQUIRE_GPU=True, ACCUMULATE_GRADIENTS=1,
        EXTRA_TRAIN_SETTINGS={"learning_rate": 0.003, "tiny_vocab_size": 400, "tiny_n_embd": 32, "perplexity_tokens": 1000},
        SAVE_TO_DRIVE=True, DRIVE_FOLDER=str(drive), PROMPT="Our farmers", NUM_SAMPLES=6, LENGTH=60, SEED=2,
    )
    for side in ("left", "right"):
        trained = results["train"][side]
        assert trained["steps"] == 30 and not trained["skipped"] and trained["perplexity"] > 1
        assert (data_dir / side / "model" / "loss.png").is_file()
        assert len(results["samples"][side]["raw"]) == 6
        assert all(sample.startswith("Our farmers") for sample in results["samples"][side]["raw"])
    assert sorted(p.name for p in drive.iterdir()) == ["botbaby-left-model.tar", "botbaby-right-model.tar"]
    assert results["restored_from_drive"] == []
