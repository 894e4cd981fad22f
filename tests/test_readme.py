"""The README's commands, run literally from the root of a copy of the checkout, with their defaults.

The copy shares this checkout's ``.venv`` (its install stamp is newer than the copy's pyproject.toml,
so ``make`` installs nothing) but has no data folder: ``make demo`` must create ``./botbaby-data``
itself, train, and serve a page where both sides answer.
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from botbaby.contract import SENTIMENTS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_command(command: str) -> list[str]:
    """``command`` split into arguments, after checking the README shows it exactly so."""
    assert command in README, f"the README no longer says `{command}`: update this test with it"
    return command.split()


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A copy of the checkout (tracked and untracked, not ignored, files) that reuses this .venv."""
    stamp = ROOT / ".venv" / ".installed"
    if not stamp.is_file():
        pytest.skip("run `make install` first: the copy reuses .venv and must not install into it")
    copy = tmp_path_factory.mktemp("checkout")
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes(source.read_bytes())
    (copy / ".venv").symlink_to(ROOT / ".venv")
    old = stamp.stat().st_mtime - 60
    os.utime(copy / "pyproject.toml", (old, old))  # so make's install rule sees nothing to do
    return copy


def clean_env() -> dict[str, str]:
    """This environment without botbaby's or TensorFlow's settings, with the venv's commands first on PATH."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BOTBABY_", "TF_CPP"))}
    return {**env, "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"}


def answer(url: str, side: str, prompt: str) -> list:
    response = httpx.get(f"{url}/generate", params={"model": side, "prompt": prompt}, timeout=120)
    deadline = time.monotonic() + 180
    while response.status_code == 202 and time.monotonic() < deadline:
        time.sleep(0.2)
        response = httpx.get(f"{url}{response.json()['location']}", timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_make_demo_with_the_default_data_folder_serves_a_page_where_both_sides_answer(checkout):
    command = readme_command("make demo") + ["DEMO_ARGS=--port 0"]  # a free port; the demo's own training
    process = subprocess.Popen(command, cwd=checkout, env=clean_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    try:
        for line in process.stdout:
            lines.append(line)
            if line.startswith("botbaby serve: http://"):
                break
        address = re.search(r"^botbaby serve: (http://[\d.]+:\d+)/", lines[-1] if lines else "")
        assert address, "make demo never served the page:\n" + "".join(lines[-40:])
        url = address.group(1)
        assert httpx.get(f"{url}/sides").json() == ["left", "right"]
        for side in ("left", "right"):
            posts = answer(url, side, "Fuel prices")
            assert posts and all(post["sentiment"] in SENTIMENTS for post in posts), posts
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(60)
    assert "pip install" not in "".join(lines)  # the copy reused .venv
    data = checkout / "botbaby-data"
    for side in ("left", "right"):
        assert (data / side / "model" / "checkpoint").is_file()
    # nothing landed beside the data folder (gpt-2-simple's ./samples, a nested botbaby-data, ...)
    assert not (checkout / "samples").exists() and not (data / "left" / "botbaby-data").exists()


def test_the_readme_papermill_commands_run_from_the_root_with_a_relative_data_folder(checkout):
    for line in ("papermill notebooks/04_clean.ipynb out.ipynb -p DATA botbaby-data -p IMPORT_DEMO_CORPUS True",
                 "papermill --help-notebook notebooks/04_clean.ipynb"):
        result = subprocess.run(readme_command(line), cwd=checkout, env=clean_env(),
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (checkout / "botbaby-data" / "results" / "04_clean.json").is_file()
    assert (checkout / "botbaby-data" / "left" / "train.txt").is_file()


def test_stages_run_from_another_working_directory_with_relative_paths(checkout, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = os.path.relpath(tmp_path / "data", elsewhere)
    corpus = os.path.relpath(checkout / "botbaby" / "demo" / "corpus" / "left-tweets.js", elsewhere)
    for stage in (["scrape", "left", "--source", "archive", "--files", corpus], ["clean", "left"]):
        result = subprocess.run([sys.executable, "-m", "botbaby", *stage, "--data", data], cwd=elsewhere,
                                env=clean_env(), capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "left" / "train.txt").stat().st_size > 0
    assert list(elsewhere.iterdir()) == []
