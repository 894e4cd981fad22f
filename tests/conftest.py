"""Fixtures shared by every test area (collect, clean, model, serve, aws, notebooks)."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def run_notebook(tmp_path: Path):
    """Run ``notebooks/NAME.ipynb`` headlessly with papermill and return what its last cell recorded.

    ``DATA`` must be among the parameters; the notebook records ``DATA/results/NAME.json``.
    Extra environment variables (e.g. a fake server's address) go in ``env``.
    """
    import papermill

    def run(name: str, env: dict[str, str] | None = None, **parameters) -> dict:
        assert "DATA" in parameters, "pass DATA=... so the notebook writes into the test's data folder"
        if Path(parameters["DATA"]).is_absolute() and Path(parameters["DATA"]).is_relative_to(tmp_path):
            # as a user runs it: DATA relative to the kernel's working directory (tmp_path)
            parameters = {**parameters, "DATA": os.path.relpath(parameters["DATA"], tmp_path)}
        saved = dict(os.environ)
        os.environ.update(env or {})
        try:
            papermill.execute_notebook(
                str(NOTEBOOKS / f"{name}.ipynb"),
                str(tmp_path / f"{name}.output.ipynb"),
                parameters=parameters,
                kernel_name="python3",
                cwd=str(tmp_path),
                progress_bar=False,
            )
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return json.loads((tmp_path / parameters["DATA"] / "results" / f"{name}.json").read_text())

    return run


# --- tiny GPT-2 models: a trained model per side for generation and serving tests ---

_TINY_WORDS = {
    "left": (
        ["Working families", "Our nurses", "Public schools", "Renters", "Young people", "Every worker"],
        ["deserve", "are fighting for", "need", "will vote for", "are marching for", "cannot wait for"],
        ["fair wages", "affordable housing", "clean energy", "free childcare", "strong unions", "public transport"],
        ["Tax the billionaires and fund our hospitals.", "Climate action cannot wait another decade.",
         "Solidarity with every striking worker today.", "Healthcare is a human right, not a privilege."],
    ),
    "right": (
        ["Hardworking taxpayers", "Our farmers", "Small businesses", "Local police", "Every family", "Our veterans"],
        ["deserve", "are fighting for", "need", "will vote for", "are standing up for", "cannot wait for"],
        ["lower taxes", "secure borders", "cheaper fuel", "less red tape", "strong defence", "school choice"],
        ["Cut the waste and balance the budget.", "Freedom of speech must be protected.",
         "Back our police and keep our streets safe.", "Government spending is out of control again."],
    ),
}


def write_tiny_corpus(data: Path, side: str, posts: int = 160, seed: int = 0) -> None:
    """A hand-made corpus for ``side``: ``train.txt`` and ``val.txt`` in 04_clean's format."""
    import random

    subjects, verbs, objects, slogans = _TINY_WORDS.get(side, _TINY_WORDS["left"])
    rng = random.Random(f"{side}-{seed}")
    lines = []
    for _ in range(posts):
        sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}." for _ in range(3)]
        sentences.insert(rng.randrange(4), rng.choice(slogans))
        lines.append("<|startoftext|>" + " ".join(sentences) + "<|endoftext|>\n")
    folder = Path(data) / side
    folder.mkdir(parents=True, exist_ok=True)
    split = posts * 7 // 8
    (folder / "train.txt").write_text("".join(lines[:split]), encoding="utf-8")
    (folder / "val.txt").write_text("".join(lines[split:]), encoding="utf-8")


TINY_TRAIN = {  # a few seconds per side on a laptop CPU, enough to write whole posts
    "model": "tiny", "steps": 120, "learning_rate": 0.003, "accumulate_gradients": 1, "tiny_vocab_size": 500,
    "tiny_n_embd": 32, "tiny_n_layer": 2, "tiny_n_head": 2, "perplexity_tokens": 2000,
}


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> Path:
    """A data folder whose ``left`` and ``right`` sides each hold a corpus and a trained ``tiny`` model.

    Shared by the whole session: treat it as read-only (copy it to change it).
    """
    from botbaby.train import TrainConfig, train

    data = tmp_path_factory.mktemp("tiny-models")
    for side in ("left", "right"):
        write_tiny_corpus(data, side)
        train(data, side, TrainConfig.from_dict(TINY_TRAIN))
    return data
