"""``botbaby serve`` as a command: prints its address, saves its resolved config, stops on Ctrl-C."""

import json
import re
import signal
import subprocess
import sys

import httpx

from botbaby.cli import main


def looks_trained(data, side):
    """The files by which serve recognises a trained side (no model is loaded before a new prompt)."""
    model = data / side / "model"
    model.mkdir(parents=True)
    (model / "checkpoint").write_text('model_checkpoint_path: "model-1"\n')
    (model / "hparams.json").write_text("{}")


def test_serve_prints_its_address_saves_its_config_and_stops_cleanly_on_ctrl_c(data_dir):
    looks_trained(data_dir, "left")
    looks_trained(data_dir, "right")
    process = subprocess.Popen(
        [sys.executable, "-m", "botbaby", "serve", "--data", str(data_dir), "--port", "0", "--sides", "left",
         "right", "--wait-s", "0.5", "--idle-minutes", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        url = re.match(r"botbaby serve: (http://127\.0\.0\.1:\d+)/", line).group(1)
        assert httpx.get(f"{url}/healthz").json()["sides"] == ["left", "right"]
        saved = json.loads((data_dir / "serve_config.json").read_text())
        assert (saved["wait_s"], saved["idle_minutes"], saved["sides"]) == (0.5, 5.0, ["left", "right"])
        try:  # refused once the head passes 16 KiB (answered 431 or cut off), never read whole
            huge = httpx.get(f"{url}/sides", headers={"x-huge": "x" * 1_000_000}).status_code
        except httpx.TransportError:
            huge = "connection closed"
        assert huge in (400, 431, "connection closed")
        assert httpx.get(f"{url}/sides").json() == ["left", "right"]
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    assert process.returncode == 0, process.stderr.read()


def test_serve_without_a_trained_model_says_what_to_run(data_dir, capsys):
    assert main(["serve", "--data", str(data_dir)]) == 2
    error = capsys.readouterr().err
    assert "no trained model" in error and "botbaby train left" in error


def test_serve_refuses_bad_settings_in_words(data_dir, capsys):
    assert main(["serve", "--data", str(data_dir), "--sides", "Left!"]) == 2
    assert "invalid side name 'Left!'" in capsys.readouterr().err
    assert main(["serve", "--data", str(data_dir), "--sides", "left", "--wait-s", "-1"]) == 2
    assert "wait_s must be between 0 and 600" in capsys.readouterr().err


def test_serve_on_a_port_in_use_is_a_botbaby_error_not_uvicorns_exit(data_dir, capsys):
    import socket

    looks_trained(data_dir, "left")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--data", str(data_dir), "--sides", "left", "--port", str(port)]) == 2
    assert f"could not listen on 127.0.0.1:{port}" in capsys.readouterr().err
