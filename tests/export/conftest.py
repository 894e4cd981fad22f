"""Fixtures of the export and PyTorch engine tests: a copy of the exported tiny models."""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def data(tiny_models, tmp_path) -> Path:
    """A copy of the trained tiny models (``left``, ``right``), which ``botbaby train`` already exported."""
    copy = tmp_path / "data"
    shutil.copytree(tiny_models, copy)
    return copy
