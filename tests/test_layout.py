"""The data folder's layout: side names and the folders that are not sides."""

import pytest

from botbaby.errors import BotbabyError
from botbaby.layout import Layout, check_side


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
