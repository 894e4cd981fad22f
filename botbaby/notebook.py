"""What every notebook's first and last cells call: set-up checks and recording results.

    >>> import tempfile
    >>> path = record("04_clean", {"kept": 3}, data=tempfile.mkdtemp())
    {
      "kept": 3
    }
    >>> path.name
    '04_clean.json'

Notebooks hold no logic; these two helpers keep their first and last cells one line each.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

from botbaby.errors import BotbabyError
from botbaby.io import atomic_write_text
from botbaby.layout import Layout

GPU_HINT = (
    "No GPU found. In Colab: Runtime → Change runtime type → Hardware accelerator: GPU, then "
    "Runtime → Run all. (Set REQUIRE_GPU = False to go on slowly on the CPU.)"
)


def in_colab() -> bool:
    """True inside a Google Colab runtime."""
    return "google.colab" in sys.modules


def gpu_names() -> list[str]:
    """Names of the GPUs TensorFlow can see (empty when none, or when TensorFlow is missing)."""
    try:
        import tensorflow as tf
    except ImportError:
        return []
    return [device.name for device in tf.config.list_physical_devices("GPU")]


def setup(require_gpu: bool = False) -> dict[str, Any]:
    """Check the runtime a notebook runs in; fail early with the menu to click when a GPU is needed."""
    info = {"colab": in_colab(), "python": sys.version.split()[0]}
    if require_gpu:
        info["gpus"] = gpu_names()
        if not info["gpus"]:
            raise BotbabyError(GPU_HINT)
    print(", ".join(f"{key}: {value}" for key, value in info.items()))
    return info


def secret(name: str) -> str | None:
    """A credential from the environment, or from Colab's secrets panel (never a notebook parameter)."""
    value = os.environ.get(name)
    if value or not in_colab():
        return value
    try:
        from google.colab import userdata  # type: ignore[import-not-found]

        return userdata.get(name)
    except Exception:  # the secret is not defined or notebook access to it was not granted
        return None


def record(name: str, results: dict[str, Any], data: Path | str) -> Path:
    """Save a notebook's results as ``DATA/results/NAME.json`` (a test reads them back) and show them."""
    path = Layout(Path(data)).results_dir / f"{name}.json"
    text = json.dumps(results, indent=2, default=str)
    atomic_write_text(path, text + "\n")
    print(text)
    return path
