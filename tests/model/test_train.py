"""Training: a tiny GPT-2 per side, written where generation and serving look for it, resumable."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import Layout
from botbaby.train import TrainConfig, has_checkpoint, steps_done, train

pytestmark = pytest.mark.slow


def test_tiny_models_fixture_trains_both_sides_into_their_model_folders(tiny_models):
    for side in ("left", "right"):
        model_dir = Layout(tiny_models).side(side).model_dir
        assert has_checkpoint(model_dir)
        assert steps_done(model_dir) == 120
        for name in ("run_config.json", "loss.csv", "loss.png", "metrics.json", "encoder.json", "vocab.bpe"):
            assert (model_dir / name).is_file(), name
        saved = json.loads((model_dir / "run_config.json").read_text())
        assert saved["model"] == "tiny" and saved["steps"] == 120
        with open(model_dir / "loss.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [int(row["step"]) for row in rows] == list(range(1, 121))
        assert float(rows[-1]["avg_loss"]) < float(rows[0]["avg_loss"])
        metrics = json.loads((model_dir / "metrics.json").read_text())
        assert 1.0 < metrics["perplexity"] < 50  # a random model over a 500-token vocabulary scores ~500
