"""``make demo`` end to end: import, clean, train tiny models on the CPU, serve the page, print its address."""

import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest

from botbaby.contract import SENTIMENTS

pytestmark = pytest.mark.slow


def answer(url: str, side: str, prompt: str) -> list:
    response = httpx.get(f"{url}/generate", params={"model": side, "prompt": prompt}, timeout=120)
    deadline = time.monotonic() + 120
    while response.status_code == 202 and time.monotonic() < deadline:
        time.sleep(0.2)
        response = httpx.get(f"{url}{response.json()['location']}")
    assert response.status_code == 200, response.text
    return response.json()


def test_the_demo_trains_both_sides_then_serves_the_page_at_the_printed_address(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    process = subprocess.Popen(
        [sys.executable, "-m", "botbaby.demo", "--data", str(data), "--port", "0", "--train-steps", "20"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("botbaby serve: http://"):
                break
        address = re.search(r"^botbaby serve: (http://[\d.]+:\d+)/", lines[-1] if lines else "")
        assert address, f"the demo never printed its address: {lines}"
        url = address.group(1)
        assert any(line.startswith("train left: 20 steps") for line in lines), lines
        assert any(line.startswith("train right: 20 steps") for line in lines), lines
        assert "<title>botbaby" in httpx.get(f"{url}/").text
        assert httpx.get(f"{url}/sides").json() == ["left", "right"]
        for side in ("left", "right"):
            posts = answer(url, side, "Fuel prices")
            assert all(post["sentiment"] in SENTIMENTS and 0 <= post["score"] <= 1 for post in posts)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(60)
