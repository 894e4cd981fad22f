"""The web page in headless Chromium: autocomplete, both columns filling, waiting state, errors, no HTML injection.

Screenshots of each run (phone 390 px and desktop 1280 px) are kept as artifacts under pytest's
temporary folder: ``/tmp/pytest-of-$USER/pytest-N/page-screenshots/`` (the latest N is the latest run).
"""

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect
from serve_fakes import fake_posts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "page-screenshots"


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


def all_texts(side, prompt):
    """What a column shows: every ranked post (the page asks for view=all)."""
    return [post.text for post in fake_posts(side, prompt)]


def test_type_pick_from_autocomplete_generate_and_see_both_columns_fill(page, start_server, screenshots):
    url = start_server()
    httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Fuel prices"})
    start_server.servers[-1].app.state.server.cache.flush()
    open_page(page, url)
    page.locator("#prompt").press_sequentially("fu")
    suggestion = page.locator("#suggestions li", has_text="Fuel prices")
    suggestion.wait_for()
    suggestion.click()
    assert page.locator("#prompt").input_value() == "Fuel prices"
    page.click("#generate")
    for side in ("left", "right"):
        page.wait_for_selector(f'.column[data-side="{side}"] .card')
        assert card_texts(page, side) == all_texts(side, "Fuel prices")
    badges = page.locator('.column[data-side="left"] .badge').all_text_contents()
    assert [badge.split()[0] for badge in badges] == ["POSITIVE", "NEGATIVE", "POSITIVE"]  # each post its own
    assert page.locator('.column[data-side="left"] .summary').text_content() == "mostly positive: 2 of 3"
    assert page.locator('.column[data-side="left"] h2').text_content() == "Left-leaning bot"
    assert page.locator("#popular button", has_text="Fuel prices").count() == 1
    page.screenshot(path=str(screenshots / "desktop-autocomplete-picked.png"), full_page=True)
    assert page.errors == []


def test_a_new_prompt_shows_a_waiting_state_until_its_posts_arrive(page, start_server, board):
    url = start_server(wait_s=0.2)
    open_page(page, url)
    board.gate.clear()
    page.fill("#prompt", "Wind farms")
    page.click("#generate")
    page.wait_for_selector('.column[data-side="left"] .state.waiting', state="visible")
    expect(page.locator('.column[data-side="left"] .state')).to_contain_text("writing")  # no eval: the CSP forbids it
    assert page.locator(".card").count() == 0
    board.gate.set()
    page.wait_for_selector('.column[data-side="right"] .card')
    page.wait_for_selector('.column[data-side="left"] .card')
    assert card_texts(page, "left") == all_texts("left", "Wind farms")


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
    expect(page.locator('.column[data-side="left"] .state')).to_contain_text("top_p must be")


def test_feedback_sent_from_the_page_is_stored_with_its_prompt(page, start_server, data_dir):
    from botbaby.serve.cache import SqliteFeedback

    url = start_server()
    open_page(page, url)
    page.fill("#prompt", "Fuel prices")
    page.fill("#feedback-message", "<b>too</b> real")
    page.select_option("#feedback-rating", "4")
    page.click(".feedback button")
    expect(page.locator("#feedback-status")).to_have_text("Thanks!")
    rows = SqliteFeedback(data_dir / "serve.sqlite").all()
    assert [(row["message"], row["prompt"], row["rating"]) for row in rows] == [("<b>too</b> real", "Fuel prices", 4)]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_at_phone_and_desktop_width_typing_with_suggestions_open_then_tapping_generate_generates_what_was_typed(
    browser, start_server, board, screenshots, width, height
):
    url = start_server()
    for prompt in ("Fuel prices", "Fuel duty"):
        httpx.get(f"{url}/generate", params={"model": "left", "prompt": prompt})
    start_server.servers[-1].app.state.server.cache.flush()
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True,
                                  is_mobile=width < 600, device_scale_factor=2 if width < 600 else 1)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        open_page(page, url)
        page.locator("#prompt").tap()
        page.locator("#prompt").press_sequentially("Fuel")
        page.locator("#suggestions li", has_text="Fuel duty").wait_for()
        page.screenshot(path=str(screenshots / f"{width}px-suggestions-open.png"))
        button, listed = page.locator("#generate").bounding_box(), page.locator("#suggestions").bounding_box()
        overlap_x = listed["x"] < button["x"] + button["width"] and button["x"] < listed["x"] + listed["width"]
        overlap_y = listed["y"] < button["y"] + button["height"] and button["y"] < listed["y"] + listed["height"]
        assert not (overlap_x and overlap_y), (button, listed)
        centre = (button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
        assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).id", list(centre)) == "generate"

        board.calls.clear()
        page.locator("#generate").tap()
        for side in ("left", "right"):
            page.wait_for_selector(f'.column[data-side="{side}"] .card')
        assert sorted(board.calls) == [("left", "Fuel"), ("right", "Fuel")]
        assert page.locator("#prompt").input_value() == "Fuel"
        assert page.locator("#suggestions").is_hidden()

        left, right = (page.locator(f'.column[data-side="{side}"]').bounding_box() for side in ("left", "right"))
        assert left["x"] >= 0 and right["x"] + right["width"] <= width  # both inside the screen's width ...
        assert abs(left["y"] - right["y"]) < 1 and left["x"] + left["width"] <= right["x"]  # ... side by side
        first_cards = [page.locator(f'.column[data-side="{side}"] .card').first.bounding_box() for side in
                       ("left", "right")]
        assert all(card["y"] < height * 2 for card in first_cards)  # the posts start near the top, not 2,400 px down
        page.screenshot(path=str(screenshots / f"{width}px-generated.png"), full_page=True)
        assert errors == []
    finally:
        context.close()


def test_the_what_is_this_note_and_side_descriptions_come_from_the_configuration(page, start_server, data_dir):
    (data_dir / "sides.json").write_text('{"right": {"label": "Right-wing bot", "colour": "#aa0000", '
                                         '"description": "Trained on followers of right-wing accounts."}}')
    url = start_server(side_label=("left=Left-wing bot",))
    open_page(page, url)
    assert page.locator('.column[data-side="left"] h2').text_content() == "Left-wing bot"
    assert page.locator('.column[data-side="right"] h2').text_content() == "Right-wing bot"
    colour = page.evaluate("getComputedStyle(document.querySelector('.column[data-side=right] h2')).color")
    assert colour == "rgb(170, 0, 0)"
    page.click("#about summary")
    assert "not anyone's words" in page.locator("#about").text_content()
    assert "Trained on followers of right-wing accounts." in page.locator("#side-notes").text_content()
    assert page.locator("#legend .badge").count() == 4
