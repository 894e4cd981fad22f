"""Fixtures of the serving tests: fake generators and real uvicorn servers on 127.0.0.1."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from background import BackgroundServer  # noqa: E402
from serve_fakes import Switchboard  # noqa: E402

from botbaby.serve.app import create_app  # noqa: E402
from botbaby.serve.config import ServeConfig  # noqa: E402

CHROMIUM = "/usr/bin/chromium"  # Debian's chromium (.ci/run installs it)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright, shared by a test module's page tests."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def board() -> Switchboard:
    return Switchboard()


@pytest.fixture
def start_server(data_dir: Path, board: Switchboard):
    """Start a real uvicorn server on a free port: ``url = start_server(sides=["left"], wait_s=...)``.

    It uses the test's data folder and fake generators (pass ``factory=`` or ``data=`` to change them);
    every server still running is stopped when the test ends.
    """
    servers: list[BackgroundServer] = []

    def start(data: Path = data_dir, factory=None, **config) -> str:
        config.setdefault("sides", ["left", "right"])
        config.setdefault("wait_s", 10.0)
        config.setdefault("popular_clients", 1)  # every test request comes from 127.0.0.1
        config.setdefault("new_prompt_burst", 1000)
        app = create_app(data, ServeConfig.from_dict(config), factory=factory or board.factory)
        server = BackgroundServer(app)
        server.start()
        server.app = app
        servers.append(server)
        return server.url

    start.servers = servers
    yield start
    board.gate.set()
    for server in servers:
        server.stop()
