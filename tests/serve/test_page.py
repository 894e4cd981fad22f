"""The web page in headless Chromium: autocomplete, both columns filling, waiting state, errors, no HTML injection."""

from pathlib import Path

import httpx
import pytest
from serve_fakes import fake_view

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"  # Debian's chromium (.ci/run installs it)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = Path("/tmp/botbaby-page.png")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def open_page(page, url):
    page.goto(f"{url}/")
    page.wait_for_selector("body[data-ready=true]")


def card_texts(page, side):
    return page.locator(f'.column[data-side="{side}"] .card .text').all_text_contents()


def test_type_pick_from_autocomplete_generate_and_see_both_columns_fill(page, start_server):
    url = start_server()
    httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Fuel prices"})
    open_page(page, url)
    page.locator("#prompt").press_sequentially("fu")
    suggestion = page.locator("#suggestions li", has_text="Fuel prices")
    suggestion.wait_for()
    suggestion.click()
    assert page.locator("#prompt").input_value() == "Fuel prices"
    page.click("#generate")
    for side in ("left", "right"):
        page.wait_for_selector(f'.column[data-side="{side}"] .card')
        assert card_texts(page, side) == [post["text"] for post in fake_view(side, "Fuel prices")]
    assert page.locator('.column[data-side="left"] .badge').first.text_content().startswith("POSITIVE")
    assert page.locator("#popular button", has_text="Fuel prices").count() == 1
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert page.errors == []


def test_a_new_prompt_shows_a_waiting_state_until_its_posts_arrive(page, start_server, board):
    url = start_server(wait_s=0.2)
    open_page(page, url)
    board.gate.clear()
    page.fill("#prompt", "Wind farms")
    page.click("#generate")
    page.wait_for_selector('.column[data-side="left"] .state.waiting', state="visible")
    page.wait_for_function(
        "document.querySelector('.column[data-side=\"left\"] .state').textContent.includes('writing')")
    assert page.locator(".card").count() == 0
    board.gate.set()
    page.wait_for_selector('.column[data-side="right"] .card')
    page.wait_for_selector('.column[data-side="left"] .card')
    assert card_texts(page, "left") == [post["text"] for post in fake_view("left", "Wind farms")]


def test_a_prompt_made_of_html_is_shown_as_text_and_runs_nothing(page, start_server):
    url = start_server()
    attack = "<img src=x onerror=alert(1)>"
    open_page(page, url)
    page.fill("#prompt", attack)
    page.click("#generate")
    page.wait_for_selector('.column[data-side="left"] .card')
    page.wait_for_selector('.column[data-side="right"] .card')
    page.wait_for_selector("#popular button")
    assert card_texts(page, "left")[0] == f"{attack}, said left #0"
    assert page.locator("#popular button").first.text_content() == attack
    assert page.locator("img").count() == 0
    page.wait_for_timeout(300)  # give an injected handler the chance to fire
    assert page.dialogs == [] and page.errors == []


def test_errors_are_shown_in_words(page, start_server, board):
    board.fail("Cursed", RuntimeError("out of memory"))
    url = start_server(max_attempts=1, sides=["left"])
    open_page(page, url)
    page.click("#generate")
    assert page.locator("#message").text_content() == "Type a prompt first."
    page.fill("#prompt", "Cursed")
    page.click("#generate")
    error = page.locator('.column[data-side="left"] .state.error')
    error.wait_for()
    assert "failed after 1 attempts" in error.text_content() and "RuntimeError" in error.text_content()
    page.click(".settings summary")
    page.fill("#top_p", "7")
    page.fill("#prompt", "Fine")
    page.click("#generate")
    page.wait_for_function(
        "document.querySelector('.column[data-side=\"left\"] .state').textContent.includes('top_p must be')")


def test_feedback_sent_from_the_page_is_stored_with_its_prompt(page, start_server, data_dir):
    from botbaby.serve.cache import SqliteFeedback

    url = start_server()
    open_page(page, url)
    page.fill("#prompt", "Fuel prices")
    page.fill("#feedback-message", "<b>too</b> real")
    page.select_option("#feedback-rating", "4")
    page.click(".feedback button")
    page.wait_for_function("document.querySelector('#feedback-status').textContent === 'Thanks!'")
    rows = SqliteFeedback(data_dir / "serve.sqlite").all()
    assert [(row["message"], row["prompt"], row["rating"]) for row in rows] == [("<b>too</b> real", "Fuel prices", 4)]
