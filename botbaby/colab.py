"""Google Colab helpers for 05_train_colab: keep a side's trained model on Google Drive as one archive.

    >>> archive_name("left")
    'botbaby-left-model.tar'

A Colab runtime forgets everything when it is recycled; Drive does not. ``copy_to_drive`` packs
``DATA/SIDE/model`` into ``DRIVE/botbaby-SIDE-model.tar`` (as gpt-2-simple's
``copy_checkpoint_to_gdrive`` does, but with the Drive folder as a parameter so it is testable and
works with any mounted folder); ``copy_from_drive`` restores it, and training resumes from it.
"""

import shutil
import tarfile
import tempfile
from pathlib import Path

from botbaby.errors import BotbabyError
from botbaby.io import atomic_path
from botbaby.layout import Layout, has_checkpoint
from botbaby.notebook import in_colab

DRIVE = Path("/content/drive/MyDrive")  # where Colab mounts "My Drive"


def archive_name(side: str) -> str:
    return f"botbaby-{side}-model.tar"


def mount_drive(mountpoint: str = "/content/drive") -> Path:
    """Mount Google Drive in Colab (asks for permission) and return the My Drive folder."""
    if not in_colab():
        raise BotbabyError("Google Drive can only be mounted inside Colab; pass drive=<a folder> to copy elsewhere")
    from google.colab import drive  # type: ignore[import-not-found]

    drive.mount(mountpoint)
    return Path(mountpoint) / "MyDrive"


def copy_to_drive(data: Path | str, side: str, drive: Path | str = DRIVE) -> Path:
    """Pack a side's model folder into one archive in ``drive``; returns the archive's path."""
    drive = Path(drive)
    model_dir = Layout(Path(data)).side(side).model_dir
    if not has_checkpoint(model_dir):
        raise BotbabyError(f"no trained model for side {side!r} in {model_dir}: run `botbaby train {side}` first")
    if not drive.is_dir():
        raise BotbabyError(f"{drive} is not a folder: mount Google Drive first (botbaby.colab.mount_drive())")
    target = drive / archive_name(side)
    with atomic_path(target) as tmp, tarfile.open(tmp, "w") as tar:
        tar.add(model_dir, arcname="model")
    return target


def copy_from_drive(data: Path | str, side: str, drive: Path | str = DRIVE) -> Path:
    """Restore a side's model folder from its archive in ``drive`` (replacing any local one); returns it."""
    archive = Path(drive) / archive_name(side)
    if not archive.is_file():
        raise BotbabyError(f"no {archive.name} in {drive}: copy a model there first with copy_to_drive")
    paths = Layout(Path(data)).side(side)
    paths.root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=paths.root, prefix=".model-restore."))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")  # refuses absolute paths and links out of the folder
        restored = work / "model"
        if not (restored / "checkpoint").is_file():
            raise BotbabyError(f"{archive} holds no model/checkpoint: is it a botbaby model archive?")
        if paths.model_dir.exists():
            shutil.rmtree(paths.model_dir)
        restored.rename(paths.model_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return paths.model_dir


def _mounted(drive: Path) -> Path:
    """``drive``, mounting Google Drive first when running in Colab and it is the default Drive folder."""
    drive = Path(drive)
    if in_colab() and not drive.is_dir() and str(drive).startswith("/content/drive"):
        mount_drive()
    return drive


def save_sides(data: Path | str, sides: list[str] | tuple[str, ...], drive: Path | str = DRIVE) -> list[str]:
    """Copy every side's model to Drive (mounting it in Colab); returns the archives written."""
    drive = _mounted(Path(drive))
    return [str(copy_to_drive(data, side, drive)) for side in sides]


def restore_sides(data: Path | str, sides: list[str] | tuple[str, ...], drive: Path | str = DRIVE) -> list[str]:
    """Restore every side's model from Drive (mounting it in Colab); returns the model folders."""
    drive = _mounted(Path(drive))
    return [str(copy_from_drive(data, side, drive)) for side in sides]
