"""``botbaby serve`` with the real tiny GPT-2 models: generation, ranking, the idle hook releasing the model."""

import shutil
import time

import httpx
import pytest
from background import BackgroundServer

from botbaby.contract import SENTIMENTS, Post, majority_view
from botbaby.serve.app import create_app
from botbaby.serve.config import ServeConfig

pytestmark = pytest.mark.slow


def generate(url: str, side: str, prompt: str) -> list[dict]:
    response = httpx.get(f"{url}/generate", params={"model": side, "prompt": prompt, "num_samples": 8}, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()


def test_both_sides_generate_rank_and_cache_with_the_real_models_and_release_them_when_idle(tiny_models, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(tiny_models, data)
    app = create_app(data, ServeConfig(idle_minutes=0.02, wait_s=120))  # idle after 1.2 s
    assert app.state.service.sides == ["left", "right"]
    with BackgroundServer(app) as url:
        left = generate(url, "left", "Working families")
        right = generate(url, "right", "Working families")
        for posts in (left, right):
            assert all(post["sentiment"] in SENTIMENTS and 0 <= post["score"] <= 1 for post in posts)
            assert [Post.from_dict(p) for p in posts] == majority_view([Post.from_dict(p) for p in posts])
        assert any(posts for posts in (left, right)), "no post survived post-processing on either side"
        assert generate(url, "left", "working FAMILIES") == left  # from the cache
        deadline = time.monotonic() + 60
        while httpx.get(f"{url}/healthz").json()["workers"]["left"]["loaded"] and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = httpx.get(f"{url}/healthz").json()["workers"]
        assert not workers["left"]["loaded"] and workers["left"]["idle"] == 1
        generate(url, "left", "Our nurses")  # the model is loaded again for a new prompt
        assert httpx.get(f"{url}/healthz").json()["workers"]["left"]["loads"] == 2
