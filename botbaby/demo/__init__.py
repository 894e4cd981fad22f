"""The whole product on one machine, from the bundled demo corpus: ``make demo``.

    >>> import tempfile
    >>> results = run_demo(tempfile.mkdtemp(), quiet=True)
    >>> results["clean"]["left"]["kept"] > 100 and results["clean"]["right"]["kept"] > 100
    True

The corpus (``botbaby/demo/corpus``) was written for this project: a few hundred posts per side in
two voices on the same topics, shipped as X archive files (``SIDE-tweets.js`` and
``SIDE-account.js``) and as messy as real exports. ``run_demo`` runs the steps in order; each
step is a function ``step(data, sides, say) -> dict`` listed in ``STEPS``, and later steps
(train a tiny model, serve the page) are added there.
"""

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from botbaby.layout import DEFAULT_SIDES, Layout

CORPUS_SIDES = ("left", "right")  # the sides the bundled corpus has


def corpus_files(side: str) -> list[Path]:
    """The bundled demo corpus file(s) for ``side`` (``left`` or ``right``)."""
    if side not in CORPUS_SIDES:
        raise ValueError(f"the demo corpus has sides {CORPUS_SIDES}, not {side!r}")
    return [Path(str(resources.files("botbaby.demo") / "corpus" / f"{side}-tweets.js"))]


def import_corpus(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Step 1: import the bundled corpus into ``DATA/SIDE/tweets`` (importing twice adds nothing)."""
    from botbaby.sources.archive import import_files

    results = {}
    for side in sides:
        report = import_files(Layout(Path(data)).side(side).tweets_dir, corpus_files(side))
        say(f"import {side}: {report}")
        results[side] = report.to_dict()
    return results


def clean_sides(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Step 2: clean each side into train.txt/val.txt and print the statistics."""
    from botbaby.clean import clean_all, format_stats

    results = {}
    for side, stats in clean_all(data, sides).items():
        say(f"clean {format_stats(stats)}")
        results[side] = stats.to_dict()
    return results


# (name, step) in the order they run; later issues append training and serving.
STEPS: list[tuple[str, Callable[..., dict[str, Any]]]] = [
    ("import", import_corpus),
    ("clean", clean_sides),
]


def run_demo(data: Path | str, sides=DEFAULT_SIDES, quiet: bool = False) -> dict[str, Any]:
    """Run every demo step on ``data`` and return each step's results by name."""
    say = (lambda message: None) if quiet else print
    results = {}
    for name, step in STEPS:
        results[name] = step(Path(data), tuple(sides), say=say)
    return results
