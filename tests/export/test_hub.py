"""`botbaby export --push-to-hub`: the exported folder goes to a Hub repository (a local stand-in, never the network)."""

import pytest
from fake_hub import FakeHub

from botbaby.cli import main
from botbaby.errors import BotbabyError
from botbaby.export import INFO_NAME, push
from botbaby.layout import Layout

TOKEN = "hf_test_token"


@pytest.fixture
def hub(monkeypatch):
    # The stand-in has no Xet storage: huggingface_hub then uploads the weights with the git-LFS protocol.
    import huggingface_hub._commit_api

    monkeypatch.setattr(huggingface_hub._commit_api, "is_xet_available", lambda: False)
    with FakeHub(TOKEN) as fake:
        yield fake


def test_push_uploads_every_exported_file_with_the_token_from_the_environment(data, hub, monkeypatch, capsys):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    hf_dir = Layout(data).side("left").hf_dir
    url = push(hf_dir, "me/left-bot", endpoint=hub.url)
    assert url == f"{hub.url}/me/left-bot"
    expected = {path.name: path.read_bytes() for path in hf_dir.iterdir() if path.name != INFO_NAME}
    assert hub.repos["me/left-bot"] == expected
    assert ("POST", "/me/left-bot.git/info/lfs/objects/batch") in hub.requests  # the weights went to LFS


def test_the_cli_exports_then_pushes_to_the_hub_at_hf_endpoint(data, hub, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    assert main(["export", "right", "--data", str(data), "--push-to-hub", "me/right-bot"]) == 0
    assert "model.safetensors" in hub.repos["me/right-bot"]


def test_a_refused_token_is_one_clear_error(data, hub):
    with pytest.raises(BotbabyError, match="could not push .* to me/left-bot"):
        push(Layout(data).side("left").hf_dir, "me/left-bot", token="hf_wrong", endpoint=hub.url)


def test_no_token_says_where_to_put_one(data, monkeypatch):
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(BotbabyError, match="no Hugging Face token: set HF_TOKEN"):
        push(Layout(data).side("left").hf_dir, "me/left-bot", endpoint="http://127.0.0.1:9")


def test_a_bad_repository_name_is_refused_before_any_request(data):
    with pytest.raises(BotbabyError, match="not a Hub repository name"):
        push(Layout(data).side("left").hf_dir, "left bot", token=TOKEN, endpoint="http://127.0.0.1:9")
