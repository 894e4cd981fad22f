"""Fixtures of the collect tests: the fake X/Bluesky server on 127.0.0.1 and sources that never really sleep."""

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from collect_fakes import FakeClock, FakeServer, FakeWorld, serve  # noqa: E402

from botbaby.sources.ratelimit import RateLimiter  # noqa: E402


@pytest.fixture(scope="session")
def world() -> FakeWorld:
    """Two camps of 6 leaders, 2000 followers (every 97th deleted), up to 12 posts each since 2012."""
    return FakeWorld()


@pytest.fixture
def start_fake(world: FakeWorld):
    """Start a fake server: ``server, url = start_fake(fail_every=5, ...)``; stopped after the test."""
    stack = []

    def start(world: FakeWorld = world, **behaviour) -> tuple[FakeServer, str]:
        server = FakeServer(world, **behaviour)
        context = serve(server)
        url = context.__enter__()
        stack.append(context)
        return server, url

    yield start
    for context in reversed(stack):
        context.__exit__(None, None, None)


@pytest.fixture
def clock() -> FakeClock:
    """A clock that starts now and whose sleep only moves it forward."""
    return FakeClock(time.time())


@pytest.fixture
def bluesky(clock: FakeClock):
    """``bluesky(url)``: a Bluesky source for the fake server, waiting on the fake clock."""
    from botbaby.sources import bluesky as module

    return lambda url: module.open_source(base_url=url, limiter=RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep))


@pytest.fixture
def x_source(clock: FakeClock):
    """``x_source(url)``: an X source (token "test-token") for the fake server, waiting on the fake clock."""
    from botbaby.sources import x as module

    return lambda url: module.open_source(
        bearer_token="test-token", base_url=url, limiter=RateLimiter("x-rate-limit-", clock=clock.time, sleep=clock.sleep)
    )
