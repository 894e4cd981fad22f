"""notebooks/05_train_colab.ipynb runs headlessly, as a student runs it, and shows what it claims."""

import json
import shutil

import nbformat
import pytest

pytestmark = pytest.mark.slow

MARKER_PIECES = ("<|", "|>", "startoftext", "endoftext")


def outputs(path) -> list[dict]:
    return [output for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
            for output in cell.outputs]


def test_05_trains_both_sides_shows_the_loss_inline_and_the_posts_as_escaped_cards(run_notebook, tiny_models,
                                                                                    data_dir, tmp_path):
    for side in ("left", "right"):  # only the corpus: the notebook trains from scratch
        (data_dir / side).mkdir()
        for name in ("train.txt", "val.txt"):
            shutil.copy(tiny_models / side / name, data_dir / side / name)
    results = run_notebook(
        "05_train_colab", DATA=str(data_dir), SIDES="left,right", MODEL="tiny", STEPS=30, SAMPLE_EVERY=10,
        EXTRA_TRAIN_SETTINGS={"tiny_vocab_size": 400, "tiny_n_embd": 32, "perplexity_tokens": 1000},
        PROMPT="Our <b>farmers</b>", NUM_SAMPLES=6, LENGTH=60,
    )
    assert results["prepared"] == {"left": "ready", "right": "ready"}
    assert results["config"]["learning_rate"] == 0.003  # tiny's fast settings, since none was set
    for side in ("left", "right"):
        trained = results["train"][side]
        assert trained["steps"] == 30 and not trained["skipped"] and trained["perplexity"] > 1
        assert len(results["samples"][side]["raw"]) == 6
        for post in results["samples"][side]["tweets"]:
            assert not any(piece in post["text"] for piece in MARKER_PIECES), post
    shown = outputs(tmp_path / "05_train_colab.output.ipynb")
    assert any("image/png" in output.get("data", {}) for output in shown), "no inline loss curve"
    assert not any("<Figure size" in output.get("data", {}).get("text/plain", "") and
                   "image/png" not in output.get("data", {}) for output in shown)
    cards = [output["data"]["text/html"] for output in shown if "bb-cols" in output.get("data", {}).get("text/html", "")]
    assert cards and "<b>farmers</b>" not in cards[0] and "&lt;b&gt;farmers&lt;/b&gt;" in "".join(cards)
    printed = "".join(output.get("text", "") for output in shown if output.get("output_type") == "stream")
    assert "======== SAMPLE 1 ========" in printed  # samples while training
    assert "results saved to" in printed and '"raw"' not in printed  # a short summary, not the JSON
    assert "oneDNN" not in printed and "cuInit" not in printed


def test_05_alone_on_an_empty_relative_data_folder_with_model_tiny_imports_the_demo_corpus(run_notebook, data_dir,
                                                                                           tmp_path):
    """The issue's command: papermill 05_train_colab.ipynb out.ipynb -p DATA nb-data -p MODEL tiny."""
    results = run_notebook("05_train_colab", DATA=str(data_dir), MODEL="tiny")
    assert results["prepared"] == {"left": "demo corpus", "right": "demo corpus"}
    assert results["runtime"]["model"] == "tiny"
    for side in ("left", "right"):
        assert results["train"][side]["steps"] == 300
    shown = outputs(tmp_path / "05_train_colab.output.ipynb")
    assert any("image/png" in output.get("data", {}) for output in shown)
    printed = "".join(output.get("text", "") for output in shown if output.get("output_type") == "stream")
    assert "imports and cleans the bundled demo corpus" in printed
    assert json.loads((data_dir / "results" / "05_train_colab.json").read_text())["config"]["model"] == "tiny"
