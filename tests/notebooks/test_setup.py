"""What a notebook's setup cell does in Colab: install only what is missing, and keep DATA on Google Drive."""

import sys
import types

import pytest

from botbaby import notebook
from botbaby.errors import BotbabyError


@pytest.fixture
def colab(monkeypatch, tmp_path):
    """A stand-in for google.colab whose drive.mount records the mount point."""
    mounted = []
    drive = types.ModuleType("google.colab.drive")
    drive.mount = mounted.append
    module = types.ModuleType("google.colab")
    module.drive = drive
    monkeypatch.setitem(sys.modules, "google", types.ModuleType("google"))
    monkeypatch.setitem(sys.modules, "google.colab", module)
    monkeypatch.setitem(sys.modules, "google.colab.drive", drive)
    monkeypatch.setattr(notebook, "DRIVE_ROOT", tmp_path / "drive")
    return mounted


def test_in_colab_a_relative_data_folder_goes_on_google_drive(colab, tmp_path):
    assert notebook.data_folder("botbaby-data") == str(tmp_path / "drive" / "MyDrive" / "botbaby-data")
    assert colab == [str(tmp_path / "drive")]


def test_drive_false_or_an_absolute_folder_is_used_as_given(colab, tmp_path):
    assert notebook.data_folder("botbaby-data", on_drive=False) == "botbaby-data"
    assert notebook.data_folder(str(tmp_path / "d")) == str(tmp_path / "d")
    assert colab == []


def test_outside_colab_the_data_folder_is_left_alone():
    assert notebook.data_folder("botbaby-data") == "botbaby-data"


def test_only_missing_requirements_are_listed_and_never_the_jupyter_ones(monkeypatch):
    real_version = notebook.importlib.metadata.version

    def version(name):
        if name in ("vaderSentiment", "ipywidgets", "tensorflow"):
            raise notebook.importlib.metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(notebook.importlib.metadata, "version", version)
    missing = notebook.missing_requirements(("train", "notebooks"))
    assert [m.split(">")[0] for m in missing] == ["tensorflow", "vaderSentiment"]


def test_in_colab_setup_installs_what_is_missing_with_pip(colab, monkeypatch):
    calls = []
    monkeypatch.setattr(notebook, "missing_requirements", lambda extras: ["vaderSentiment>=3.3.2"])
    monkeypatch.setattr(notebook.subprocess, "run", lambda command, check: calls.append(command))
    notebook.setup("notebooks")
    assert calls == [[sys.executable, "-m", "pip", "install", "-q", "vaderSentiment>=3.3.2"]]


def test_elsewhere_a_missing_requirement_is_a_one_line_install_hint(monkeypatch):
    monkeypatch.setattr(notebook, "missing_requirements", lambda extras: ["tweepy>=4.14"])
    with pytest.raises(BotbabyError, match=r"missing tweepy>=4.14: pip install 'botbaby\[collect\]'"):
        notebook.setup("collect")


def test_the_release_source_is_pyprojects_source_url_at_this_version():
    assert notebook.release_source() == f"git+https://github.com/botbaby/botbaby@v{notebook.importlib.metadata.version('botbaby')}"
