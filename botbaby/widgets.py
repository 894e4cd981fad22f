"""An ipywidgets demo generator for any notebook: a prompt, the sides, the sampling sliders, the posts side by side.

    from botbaby.widgets import demo_generator
    demo_generator("botbaby-data")        # display it; press Generate

The posts show as tweet-like cards with a sentiment badge, one column per side. Every piece of
text (prompt, posts, errors) is HTML-escaped before it reaches the page:

    >>> from botbaby.contract import Post
    >>> "&lt;b&gt;" in render_cards({"left": [Post("<b>hi</b>", "POSITIVE", 0.9)]})
    True

Models load on the first click (``Generator`` per side, kept for later clicks); pass
``generators={"left": ..., "right": ...}`` to reuse loaded ones.
"""

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.contract import Post, SampleSettings, normalize_prompt
from botbaby.errors import BotbabyError
from botbaby.layout import DEFAULT_SIDES

BADGE_COLOURS = {"POSITIVE": "#17803d", "NEGATIVE": "#b42318", "NEUTRAL": "#475467", "MIXED": "#9a6700"}

_STYLE = (
    "<style>.bb-cols{display:flex;gap:16px;align-items:flex-start;font-family:system-ui,sans-serif}"
    ".bb-col{flex:1;min-width:0}.bb-col h3{margin:4px 0 8px;font-size:16px}"
    ".bb-card{border:1px solid #d0d7de;border-radius:12px;padding:10px 12px;margin-bottom:8px;background:#fff}"
    ".bb-head{display:flex;align-items:center;gap:8px;margin-bottom:4px;color:#57606a;font-size:13px}"
    ".bb-avatar{width:28px;height:28px;border-radius:50%;background:#1d9bf0;color:#fff;display:flex;"
    "align-items:center;justify-content:center;font-weight:bold}"
    ".bb-text{font-size:15px;line-height:1.35;white-space:pre-wrap;color:#0f1419}"
    ".bb-badge{display:inline-block;margin-top:6px;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px}"
    ".bb-note{color:#57606a;font-size:13px}.bb-error{color:#b42318}</style>"
)


def _card(side: str, post: Post) -> str:
    colour = BADGE_COLOURS.get(post.sentiment, "#475467")
    return (
        f'<div class="bb-card"><div class="bb-head"><span class="bb-avatar">{html.escape(side[:1].upper())}</span>'
        f"<b>{html.escape(side)}</b> <span>@botbaby_{html.escape(side)}</span></div>"
        f'<div class="bb-text">{html.escape(post.text)}</div>'
        f'<span class="bb-badge" style="background:{colour}">{html.escape(post.sentiment)} '
        f"{post.score:.2f}</span></div>"
    )


def render_cards(columns: Mapping[str, Sequence[Post] | str]) -> str:
    """HTML for one column of post cards per side; a string instead of posts is shown as that side's error."""
    parts = [_STYLE, '<div class="bb-cols">']
    for side, posts in columns.items():
        parts.append(f'<div class="bb-col"><h3>{html.escape(side)}</h3>')
        if isinstance(posts, str):
            parts.append(f'<div class="bb-note bb-error">{html.escape(posts)}</div>')
        elif not posts:
            parts.append('<div class="bb-note">No post survived post-processing: try a longer length '
                         "or more samples.</div>")
        else:
            parts.extend(_card(side, post) for post in posts)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def demo_generator(data: Path | str, sides: Sequence[str] = DEFAULT_SIDES,
                   generators: Mapping[str, Any] | None = None):
    """The demo widget (an ipywidgets VBox); its parts are attributes for scripted use and tests:
    ``prompt``, ``sides``, ``num_samples``, ``length``, ``temperature``, ``top_p``, ``top_k``, ``seed``,
    ``button`` and ``output`` (an HTML widget holding the cards)."""
    widgets = require("ipywidgets", extra="notebooks")
    loaded: dict[str, Any] = dict(generators or {})
    defaults = SampleSettings()
    wide = {"style": {"description_width": "110px"}, "layout": widgets.Layout(width="420px")}
    prompt = widgets.Text(description="Prompt", placeholder="How the posts begin, e.g. Fuel prices", **wide)
    chosen = widgets.SelectMultiple(options=list(sides), value=tuple(sides), description="Sides", rows=len(sides),
                                    **wide)
    num_samples = widgets.IntSlider(defaults.num_samples, min=1, max=50, description="Samples", **wide)
    length = widgets.IntSlider(defaults.length, min=1, max=400, description="Length (tokens)", **wide)
    temperature = widgets.FloatSlider(defaults.temperature, min=0.1, max=2.0, step=0.05, description="Temperature",
                                      **wide)
    top_p = widgets.FloatSlider(defaults.top_p, min=0.05, max=1.0, step=0.05, description="Top p (1 = off)", **wide)
    top_k = widgets.IntSlider(defaults.top_k, min=0, max=200, description="Top k (0 = off)", **wide)
    seed = widgets.IntText(-1, description="Seed (-1 random)", **wide)
    button = widgets.Button(description="Generate", button_style="primary", icon="magic")
    output = widgets.HTML(value='<div class="bb-note">Type a prompt and press Generate.</div>')

    def on_click(_button) -> None:
        text = normalize_prompt(prompt.value)
        if not text:
            output.value = render_cards({"prompt": "Type a prompt first."})
            return
        if not chosen.value:
            output.value = render_cards({"sides": "Choose at least one side."})
            return
        try:
            settings = SampleSettings(num_samples=num_samples.value, length=length.value,
                                      temperature=temperature.value, top_p=top_p.value, top_k=top_k.value)
        except BotbabyError as exc:
            output.value = render_cards({"settings": str(exc)})
            return
        button.disabled, button.description = True, "Generating…"
        columns: dict[str, Sequence[Post] | str] = {}
        try:
            for side in chosen.value:
                try:
                    if side not in loaded:
                        from botbaby.generate import Generator

                        loaded[side] = Generator(data, side)
                    generation = loaded[side].generate(text, settings, seed=None if seed.value < 0 else seed.value)
                    columns[side] = generation.majority
                except BotbabyError as exc:
                    columns[side] = str(exc)
        finally:
            button.disabled, button.description = False, "Generate"
        output.value = render_cards(columns)

    button.on_click(on_click)
    box = widgets.VBox([prompt, chosen, num_samples, length, temperature, top_p, top_k, seed, button, output])
    box.prompt, box.sides, box.button, box.output, box.seed = prompt, chosen, button, output, seed
    box.num_samples, box.length, box.temperature, box.top_p, box.top_k = num_samples, length, temperature, top_p, top_k
    box.generators = loaded
    return box
