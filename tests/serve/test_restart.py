"""A server killed mid-generation loses nothing: the next one retries the job once."""

import subprocess
import sys
import time
from pathlib import Path

import httpx
from serve_fakes import fake_view

from botbaby.contract import GenerateRequest
from botbaby.serve.cache import SqliteCache


def wait_for_file(path: Path, process: subprocess.Popen, timeout_s: float = 60) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        assert process.poll() is None, "the server process died"
        time.sleep(0.05)
    raise AssertionError(f"{path.name} never appeared")


def test_a_job_running_when_the_server_is_killed_is_retried_by_the_next_server(
    data_dir, tmp_path, start_server, board
):
    url_file, started_file = tmp_path / "url", tmp_path / "started"
    script = Path(__file__).with_name("hanging_server.py")
    process = subprocess.Popen([sys.executable, str(script), str(data_dir), str(url_file), str(started_file)])
    try:
        url = wait_for_file(url_file, process)
        queued = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Power cut"})
        assert queued.status_code == 202
        assert wait_for_file(started_file, process) == "Power cut"
    finally:
        process.kill()
        process.wait(30)

    url = start_server(sides=["left"])
    location = queued.json()["location"]
    deadline = time.monotonic() + 20
    while (answer := httpx.get(f"{url}{location}")).status_code == 202 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert answer.status_code == 200 and answer.json() == fake_view("left", "Power cut")
    assert board.calls == [("left", "Power cut")]
    assert SqliteCache(data_dir / "serve.sqlite").peek(GenerateRequest("left", "Power cut").key) is not None
