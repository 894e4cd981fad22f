"""What every notebook's first and last cells call: set-up checks and recording results.

    >>> import tempfile
    >>> data = tempfile.mkdtemp()
    >>> record("04_clean", {"kept": 3}, data, summary="left: kept 3 posts")  # doctest: +ELLIPSIS
    left: kept 3 posts
    results saved to .../results/04_clean.json
    >>> json.loads((Layout(data).results_dir / "04_clean.json").read_text())
    {'kept': 3}

Notebooks hold no logic; these helpers keep their setup and last cells a few lines each. In Colab
the setup cell first installs botbaby itself, without dependencies, from ``BOTBABY_SOURCE`` (this
release: ``release_source()``, built from ``[project.urls]`` in pyproject.toml and the version);
``setup("train")`` then installs only the requirements of that notebook that the runtime lacks, never
the Jupyter packages Colab pins, and ``data_folder`` puts a relative ``DATA`` on Google Drive.
"""

import importlib.metadata
import json
import os
import subprocess
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
    from botbaby._optional import require

    try:
        tf = require("tensorflow", extra="train")
    except ImportError:
        return []
    return [device.name for device in tf.config.list_physical_devices("GPU")]


# Colab pins its own Jupyter stack; installing these over it breaks the running kernel.
NEVER_INSTALL = frozenset({"jupyter", "ipykernel", "ipywidgets", "notebook", "jupyterlab", "papermill"})
DRIVE_ROOT = Path("/content/drive")  # where Colab mounts Google Drive; "My Drive" is MyDrive/ under it


def release_source() -> str:
    """Where this release installs from: pyproject's ``[project.urls] Source`` as a pip git URL at tag ``vVERSION``."""
    meta = importlib.metadata.metadata("botbaby")
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL") or [])
    if "Source" not in urls:
        raise BotbabyError("botbaby's metadata has no Source URL: reinstall it (pip install -e .) after a pyproject change")
    return f"git+{urls['Source']}@v{meta['Version']}"


def missing_requirements(extras: tuple[str, ...] | list[str] = ()) -> list[str]:
    """botbaby's requirements (the core and ``extras``) that this environment lacks or has too old a version of.

    The Jupyter packages (NEVER_INSTALL) are left out: a notebook that runs already has them.
    """
    from packaging.requirements import Requirement

    missing = []
    for line in importlib.metadata.requires("botbaby") or []:
        requirement = Requirement(line)
        wanted = [{"extra": extra} for extra in extras] or [{"extra": ""}]
        if requirement.marker and not any(requirement.marker.evaluate(env) for env in wanted):
            continue
        if requirement.name.lower() in NEVER_INSTALL or requirement.name == "botbaby":
            continue
        try:
            installed = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed is None or not requirement.specifier.contains(installed, prereleases=True):
            missing.append(str(requirement).split(";")[0].strip())
    return sorted(set(missing))


def data_folder(data: str, on_drive: bool = True) -> str:
    """The data folder a notebook uses: in Colab a relative ``DATA`` goes on Google Drive (mounted here).

    On Drive, every checkpoint and result survives a disconnected or recycled runtime. Elsewhere, or
    with ``on_drive=False``, ``data`` is used as given (relative to the notebook's working directory).
    """
    if not (in_colab() and on_drive) or Path(data).is_absolute():
        return data
    from google.colab import drive  # type: ignore[import-not-found]

    drive.mount(str(DRIVE_ROOT))
    folder = DRIVE_ROOT / "MyDrive" / data
    print(f"DATA is on Google Drive: {folder} (DRIVE = False keeps it on this runtime's disk instead)")
    return str(folder)


def setup(*extras: str, require_gpu: bool = False) -> dict[str, Any]:
    """Check the runtime a notebook runs in; fail early with the menu to click when a GPU is needed.

    ``extras`` are the botbaby extras the notebook needs (e.g. ``"train"``): in Colab the missing ones
    are installed now; elsewhere a missing one is a one-line ``pip install`` hint.
    """
    info: dict[str, Any] = {"colab": in_colab(), "python": sys.version.split()[0],
                            "botbaby": importlib.metadata.version("botbaby")}
    missing = missing_requirements(extras)
    if missing and in_colab():
        print(f"installing what this runtime lacks: {' '.join(missing)}")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=True)
    elif missing:
        names = ",".join(extras)
        raise BotbabyError(f"missing {', '.join(missing)}: pip install 'botbaby[{names or 'notebooks'}]'")
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


def _jsonable(value: Any) -> Any:
    """What ``json`` cannot write itself: a result object by its ``to_dict()``, anything else as text."""
    return value.to_dict() if hasattr(value, "to_dict") else str(value)


def record(name: str, results: dict[str, Any], data: Path | str, summary: str = "") -> None:
    """Save a notebook's results as ``DATA/results/NAME.json`` (a test reads them back); print a short summary.

    Result objects (``TrainResult``, ``Generation``, ...) are written by their ``to_dict()``, so the
    cell needs no loop. ``summary`` is what the student reads (a few lines); the whole results stay in the file. Returns
    nothing, so the notebook's last cell shows only the summary.
    """
    path = Layout(data).results_dir / f"{name}.json"
    atomic_write_text(path, json.dumps(results, indent=2, default=_jsonable) + "\n")
    print(f"{summary}\n" if summary else "", f"results saved to {path}", sep="")
