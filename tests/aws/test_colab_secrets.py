"""06_deploy_aws in Colab: AWS keys come from Colab's secrets panel, as the README says, never from a parameter."""

import sys
import types

from botbaby.deploy.aws.clients import AwsClients


def fake_colab(monkeypatch, secrets: dict[str, str]) -> None:
    userdata = types.ModuleType("google.colab.userdata")
    userdata.get = secrets.__getitem__  # a missing secret raises, as Colab's does
    colab = types.ModuleType("google.colab")
    colab.userdata = userdata
    monkeypatch.setitem(sys.modules, "google", types.ModuleType("google"))
    monkeypatch.setitem(sys.modules, "google.colab", colab)
    monkeypatch.setitem(sys.modules, "google.colab.userdata", userdata)


def test_in_colab_the_aws_clients_use_the_keys_from_colab_secrets(monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    fake_colab(monkeypatch, {"AWS_ACCESS_KEY_ID": "AKIACOLAB", "AWS_SECRET_ACCESS_KEY": "colab-secret"})
    clients = AwsClients("eu-west-1", "http://127.0.0.1:1")
    clients("s3")
    credentials = clients._session.get_credentials()
    assert (credentials.access_key, credentials.secret_key) == ("AKIACOLAB", "colab-secret")


def test_keys_in_the_environment_win_over_colab_secrets(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    fake_colab(monkeypatch, {"AWS_ACCESS_KEY_ID": "AKIACOLAB", "AWS_SECRET_ACCESS_KEY": "colab-secret"})
    clients = AwsClients("eu-west-1", "http://127.0.0.1:1")
    clients("s3")
    assert clients._session.get_credentials().access_key == "AKIAENV"
