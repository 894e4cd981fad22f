"""The settings of ``botbaby serve``, one dataclass (saved as DATA/serve_config.json when it starts).

    >>> ServeConfig(port=0, sides=("left",)).wait_s
    25.0
    >>> ServeConfig.resolve(port=70000)
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: port must be between 0 and 65535, not 70000

The page's side labels, colours and descriptions come from ``--side-label left="Left-wing bot"``
(and ``--side-colour``, ``--side-description``), else from ``DATA/sides.json``
(``{"left": {"label": ..., "colour": ..., "description": ...}}``), else from ``DEFAULT_SIDES``.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from botbaby.config import StageConfig, setting
from botbaby.engine import ENGINES
from botbaby.errors import ConfigError
from botbaby.layout import check_side
from botbaby.serve.queue import MAX_ATTEMPTS, MAX_PENDING
from botbaby.serve.worker import IDLE_MINUTES

# What the page shows for a side nobody described: (label, colour, description).
DEFAULT_SIDES = {
    "left": ("Left-leaning bot", "#2563eb", "A GPT-2 fine-tuned on posts by followers of left-leaning accounts."),
    "right": ("Right-leaning bot", "#dc2626", "A GPT-2 fine-tuned on posts by followers of right-leaning accounts."),
}
_OTHER_COLOURS = ("#7c3aed", "#059669", "#d97706", "#0891b2")  # sides beyond left and right, in turn
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # a CSS hex colour: what the page's style attribute takes safely


@dataclass
class ServeConfig(StageConfig):
    """Settings of ``botbaby serve`` (saved as DATA/serve_config.json when it starts)."""

    host: str = "127.0.0.1"  # address to listen on; 0.0.0.0 serves the whole network
    port: int = setting(8000, low=0, high=65535)  # TCP port (0: any free port)
    wait_s: float = setting(25.0, low=0, high=600)  # seconds a new prompt's request waits before answering 202
    idle_minutes: float = setting(IDLE_MINUTES, low=0.01)  # a worker frees its model after this many idle minutes
    sides: tuple[str, ...] | None = None  # sides to serve; None: every side with a trained model in DATA
    max_attempts: int = setting(MAX_ATTEMPTS, low=1)  # a job that failed this many times is dead (restarts count)
    max_pending: int = setting(MAX_PENDING, low=1)  # new prompts waiting per side beyond which /generate says 429
    max_answers: int = setting(200_000, low=100)  # answers kept; beyond, the least recently visited are evicted
    new_prompts_per_minute: float = setting(6.0, low=0.01)  # new prompts one client address may ask per minute
    new_prompt_burst: int = setting(10, low=1)  # new prompts one client may ask at once before that rate applies
    popular_clients: int = setting(3, low=1)  # a prompt shows in Popular/autocomplete once this many clients asked it
    public_health: bool = False  # show /healthz's statistics to everyone (else only to requests from this machine)
    side_label: tuple[str, ...] = ()  # SIDE=LABEL: a side's name on the page (else from DATA/sides.json, else built in)
    side_colour: tuple[str, ...] = ()  # SIDE=#RRGGBB: a side's colour on the page
    side_description: tuple[str, ...] = ()  # SIDE=TEXT: one line under a side's name on the page
    engine: str = setting("auto", choices=ENGINES)  # tf, torch, or auto: torch on a GPU or without TensorFlow, else tf
    static: bool = setting(True, cli=False)  # serve the web page at /

    def validate(self) -> None:
        for side in self.sides or ():
            check_side(side)
        for name in ("side_label", "side_colour", "side_description"):
            for side, value in _pairs(name, getattr(self, name)).items():
                if name == "side_colour" and not _COLOUR.fullmatch(value):
                    raise ConfigError(f"--side-colour {side}={value}: give a colour as #RRGGBB, e.g. {side}=#2563eb")

    def side_info(self, data: Path, sides: list[str]) -> list[dict[str, str]]:
        """Each side's ``{"id", "label", "colour", "description"}`` for the page: options, then DATA/sides.json,
        then the built-in defaults."""
        stored = _read_sides_json(Path(data) / "sides.json")
        given = {name: _pairs(name, getattr(self, name)) for name in ("side_label", "side_colour", "side_description")}
        info = []
        for index, side in enumerate(sides):
            label, colour, description = DEFAULT_SIDES.get(
                side, (f"{side.capitalize()} bot", _OTHER_COLOURS[index % len(_OTHER_COLOURS)], ""))
            entry = {"label": label, "colour": colour, "description": description, **stored.get(side, {})}
            for key, name in (("label", "side_label"), ("colour", "side_colour"), ("description", "side_description")):
                entry[key] = given[name].get(side, entry[key])
            info.append({"id": side, **entry})
        return info


def _pairs(name: str, values: tuple[str, ...]) -> dict[str, str]:
    """``("left=Left-wing bot",)`` -> ``{"left": "Left-wing bot"}``.

    The CLI splits a tuple option at commas, so a part without ``=`` continues the text before it:

    >>> _pairs("side_label", ("left=Left-wing", " mostly", "right=Right"))
    {'left': 'Left-wing, mostly', 'right': 'Right'}
    """
    pairs: dict[str, str] = {}
    last = None
    for value in values:
        side, equals, text = value.partition("=")
        if not equals and last is not None:
            pairs[last] = f"{pairs[last]}, {value.strip()}"[:200]
            continue
        if not equals or not text.strip():
            option = "--" + name.replace("_", "-")
            raise ConfigError(f"{option} {value!r}: write SIDE=VALUE, e.g. {option} left=\"Left-wing bot\"")
        last = check_side(side.strip())
        pairs[last] = text.strip()[:200]
    return pairs


def _read_sides_json(path: Path) -> dict[str, dict[str, str]]:
    """DATA/sides.json's per-side label, colour and description (a bad file is a ConfigError naming it)."""
    if not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid JSON ({exc}): fix or delete it") from None
    if not isinstance(value, dict):
        raise ConfigError(f'{path} must hold an object like {{"left": {{"label": "Left-wing bot"}}}}')
    stored: dict[str, dict[str, str]] = {}
    for side, entry in value.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: the entry for {side!r} must be an object with label, colour, description")
        kept = {key: str(entry[key])[:200] for key in ("label", "colour", "description") if key in entry}
        if "colour" in kept and not _COLOUR.fullmatch(kept["colour"]):
            raise ConfigError(f"{path}: colour of {side!r} must be #RRGGBB, got {kept['colour']!r}")
        stored[side] = kept
    return stored
