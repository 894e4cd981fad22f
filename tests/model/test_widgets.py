"""The notebook demo widget: set the controls, click Generate, read the cards (all text escaped)."""

import pytest

from botbaby.contract import Post, majority_view
from botbaby.errors import BotbabyError
from botbaby.generate import Generation
from botbaby.widgets import demo_generator


class Echo:
    """A stand-in generator that writes the prompt back, so the test sees what reached it."""

    def __init__(self, side):
        self.side, self.calls = side, []

    def generate(self, prompt, settings, seed=None):
        self.calls.append((prompt, settings, seed))
        ranked = [Post(f"{self.side} says {prompt}", "NEGATIVE", 0.9), Post("calm words", "NEUTRAL", 0.5),
                  Post(f"{self.side} again", "NEGATIVE", 0.7)]
        return Generation(raw=[prompt], ranked=ranked, majority=majority_view(ranked))


class Broken:
    def generate(self, prompt, settings, seed=None):
        raise BotbabyError("no trained model for side 'right': run `botbaby train right` first")


def test_clicking_generate_shows_each_sides_majority_posts_side_by_side_with_badges(tmp_path):
    fakes = {"left": Echo("left"), "right": Echo("right")}
    demo = demo_generator(tmp_path, generators=fakes)
    demo.prompt.value = "Fuel   prices"
    demo.num_samples.value, demo.length.value, demo.temperature.value = 5, 30, 1.2
    demo.top_p.value, demo.top_k.value, demo.seed.value = 1.0, 0, 9
    demo.button.click()
    page = demo.output.value
    assert page.index("left says Fuel prices") < page.index("right says Fuel prices")
    assert page.count('class="bb-card"') == 4 and "calm words" not in page  # the majority view only
    assert page.count("NEGATIVE 0.90") == 2
    prompt, settings, seed = fakes["left"].calls[0]
    assert (prompt, settings.num_samples, settings.length, settings.temperature, settings.top_p, settings.top_k,
            seed) == ("Fuel prices", 5, 30, 1.2, 1.0, 0, 9)


def test_a_script_tag_in_the_prompt_comes_out_escaped(tmp_path):
    demo = demo_generator(tmp_path, generators={"left": Echo("left"), "right": Echo("right")})
    demo.prompt.value = "<script>alert(1)</script>"
    demo.button.click()
    assert "<script>" not in demo.output.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in demo.output.value


def test_only_the_chosen_sides_are_generated_and_a_failing_side_shows_its_error(tmp_path):
    left = Echo("left")
    demo = demo_generator(tmp_path, generators={"left": left, "right": Broken()})
    demo.prompt.value = "Housing"
    demo.sides.value = ("right",)
    demo.button.click()
    assert left.calls == [] and "run `botbaby train right` first" in demo.output.value
    assert not demo.button.disabled


def test_a_blank_prompt_asks_for_one_instead_of_generating(tmp_path):
    left = Echo("left")
    demo = demo_generator(tmp_path, sides=("left",), generators={"left": left})
    demo.prompt.value = "   "
    demo.button.click()
    assert left.calls == [] and "Type a prompt first." in demo.output.value


@pytest.mark.slow
def test_the_widget_loads_the_real_models_on_the_first_click(tiny_models):
    demo = demo_generator(tiny_models)
    demo.prompt.value = "Our farmers"
    demo.num_samples.value, demo.length.value, demo.seed.value = 10, 80, 3
    demo.button.click()
    assert set(demo.generators) == {"left", "right"}
    assert "<h3>left</h3>" in demo.output.value and "<h3>right</h3>" in demo.output.value
    for generator in demo.generators.values():
        generator.close()
