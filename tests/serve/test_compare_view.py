"""GET /compare and the page's "How they differ" view (botbaby compare's results), in headless Chromium too."""

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from botbaby.compare import compare
from botbaby.serve.service import ApiRequest, Service

WORDS = {"left": ["unions", "wages", "nurses", "renters"], "right": ["borders", "farmers", "police", "budget"]}
SECRET_POST = "A real person wrote this line about unions and wages"  # a training post: never on the page


def write_corpus(data: Path) -> None:
    """Two sides with a few words of their own among shared ones, and no models."""
    for side, words in WORDS.items():
        posts = [f"The {words[i % 4]} and the {words[(i + 1) % 4]} matter to people {i % 7} today" for i in range(60)]
        if side == "left":
            posts.append(SECRET_POST)
        (data / side).mkdir(parents=True, exist_ok=True)
        lines = [f"<|startoftext|>{post}<|endoftext|>\n" for post in posts]
        (data / side / "train.txt").write_text("".join(lines[:50]), encoding="utf-8")
        (data / side / "val.txt").write_text("".join(lines[50:]), encoding="utf-8")


def ask(service: Service, path: str):
    return asyncio.run(service.handle(ApiRequest("GET", path)))


def test_compare_is_404_with_a_hint_until_compare_has_run_then_its_view(start_server, data_dir):
    url = start_server()
    missing = httpx.get(f"{url}/compare")
    assert missing.status_code == 404 and "botbaby compare" in missing.json()["error"]
    write_corpus(data_dir)
    compare(data_dir, samples=0)
    view = httpx.get(f"{url}/compare").json()
    assert view["sides"] == ["left", "right"]
    assert set(WORDS["left"]) <= {row["term"] for row in view["divergence"]["left"][:8]}
    assert view["classifier"]["heldout_accuracy"] >= 0.9
    assert SECRET_POST.lower() not in json.dumps(view).lower()
    assert "/compare" in httpx.get(f"{url}/openapi.json").json()["paths"]


def test_a_front_without_comparisons_answers_404_from_the_core():
    import tempfile

    from botbaby.serve.cache import SqliteCache
    from botbaby.serve.queue import LocalQueue

    db = Path(tempfile.mkdtemp()) / "serve.sqlite"
    service = Service(["left"], SqliteCache(db), {"left": LocalQueue(db, "left")})
    answer = ask(service, "/compare")
    assert answer.status == 404 and "run `botbaby compare" in answer.payload()["error"]
    service = Service(["left"], SqliteCache(db), {"left": LocalQueue(db, "left")}, comparison=lambda: {"sides": []})
    assert ask(service, "/compare").payload() == {"sides": []}


def open_view(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{url}/")
    page.wait_for_selector("#differ[data-ready=true]")
    return context, page


@pytest.mark.slow
@pytest.mark.parametrize("width", [1200, 390])
def test_the_page_shows_how_they_differ_side_by_side_and_fits_a_phone(browser, start_server, data_dir, width):
    write_corpus(data_dir)
    compare(data_dir, samples=0)
    context, page = open_view(browser, start_server(), width)
    try:
        assert page.locator("#differ h2").text_content() == "How they differ"
        assert "tells the sides apart" in page.locator("#differ-status").text_content()
        for side in ("left", "right"):
            terms = page.locator(f'.differ-side[data-side="{side}"] .term').all_text_contents()
            assert set(WORDS[side]) <= set(terms[:8])
            assert page.locator(f'.differ-side[data-side="{side}"] h3').text_content() == f"{side} uses more"
        assert page.locator('.differ-side[data-side="left"] .facts').text_content().startswith("perplexity")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=f"/tmp/botbaby-differ-{width}.png", full_page=True)
        assert page.errors == []
    finally:
        context.close()


@pytest.mark.slow
def test_before_compare_has_run_the_view_says_what_to_run(browser, start_server):
    context, page = open_view(browser, start_server(), 1200)
    try:
        assert "run `botbaby compare" in page.locator("#differ-status").text_content()
        assert page.locator("#differ-body").is_hidden()
        assert page.errors == []
    finally:
        context.close()


@pytest.mark.slow
def test_with_both_models_the_view_shows_each_bots_fidelity_figures(browser, start_server, data_dir, tiny_models):
    import re
    import shutil

    for side in ("left", "right"):
        shutil.copytree(tiny_models / side, data_dir / side)
    report = compare(data_dir, samples=4, length=30)
    context, page = open_view(browser, start_server(), 390)
    try:
        for side in ("left", "right"):
            facts = page.locator(f'.differ-side[data-side="{side}"] .facts').text_content()
            own = round(100 * report["classifier"]["own_side_share"][side])
            assert f"bot posts that read as {side}{own}%" in facts
            assert re.search(r"bot posts repeating 8\+ words of its training text\d+%", facts)
            assert "distinct word pairs, bot / real posts" in facts and "sentiment of bot posts" in facts
        assert page.errors == []
    finally:
        context.close()
