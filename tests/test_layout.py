"""The data folder's layout: side names and the folders that are not sides."""

from pathlib import Path

import pytest

from botbaby.errors import BotbabyError
from botbaby.layout import Layout, check_side, default_data


@pytest.mark.parametrize("name", ["models", "results", "deploy"])
def test_side_names_the_data_folder_uses_are_refused(name):
    with pytest.raises(BotbabyError, match="cannot be a side name"):
        check_side(name)


@pytest.mark.parametrize("name", ["", "Left", "a/b", "..", "x" * 33])
def test_side_names_that_are_not_plain_folder_names_are_refused(name):
    with pytest.raises(BotbabyError, match="invalid side name"):
        check_side(name)


def test_sides_lists_side_folders_and_not_the_shared_ones(tmp_path):
    for folder in ["left", "right", "models", "results", "deploy", "Not-A-Side"]:
        (tmp_path / folder).mkdir()
    assert Layout(tmp_path).sides() == ["left", "right"]


def test_the_default_data_folder_follows_botbaby_data_as_it_is_when_asked(monkeypatch):
    monkeypatch.delenv("BOTBABY_DATA", raising=False)
    assert Layout().root == Path("botbaby-data")
    monkeypatch.setenv("BOTBABY_DATA", "elsewhere/data")
    assert Layout().root == Path("elsewhere/data") == default_data()
