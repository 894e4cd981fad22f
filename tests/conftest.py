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
        return json.loads((Path(parameters["DATA"]) / "results" / f"{name}.json").read_text())

    return run
