"""The whole product on one machine, from the bundled demo corpus: ``make demo``.

    >>> import tempfile
    >>> results = run_demo(tempfile.mkdtemp(), quiet=True, until="clean")
    >>> results["clean"]["left"]["kept"] > 100 and results["clean"]["right"]["kept"] > 100
    True

The corpus (``botbaby/demo/corpus``) was written for this project: a few hundred posts per side in
two voices on the same topics, shipped as X archive files (``SIDE-tweets.js`` and
``SIDE-account.js``) and as messy as real exports. ``run_demo`` runs the steps in order; each
step is a function ``step(data, sides, say) -> dict`` listed in ``STEPS``: import, clean, train a
``tiny`` model per side on the CPU (TrainConfig's tiny defaults; about half a minute a side, skipped when done),
compare the sides (``botbaby.compare``: their distinctive words, and posts from each model).
``python -m botbaby.demo`` then serves the page (``botbaby serve``) and prints its address.
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


def import_corpus(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print,
                  enabled: bool = True) -> dict[str, Any]:
    """Step 1: import the bundled corpus into ``DATA/SIDE/tweets`` (importing twice adds nothing).

    ``enabled=False`` imports nothing and returns {}: 04_clean's IMPORT_DEMO_CORPUS switch, so its cell needs no branch.
    """
    from botbaby.sources.archive import import_files

    results: dict[str, Any] = {}
    if not enabled:
        return results
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


DEMO_MODEL = "tiny"  # trained with TrainConfig's tiny defaults: recognisable posts after about half a minute on a CPU


def train_sides(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print,
                steps: int | None = None) -> dict[str, Any]:
    """Step 3: train a ``tiny`` GPT-2 per side on the CPU (a finished model is skipped)."""
    from botbaby.train import TrainConfig, train

    config = TrainConfig.resolve(model=DEMO_MODEL, **({"steps": steps} if steps else {}))
    results = {}
    for side in sides:
        say(f"train {side}: a tiny model, {config.steps} steps on the CPU ...")
        result = train(data, side, config)
        perplexity = f"{result.perplexity:.2f}" if result.perplexity is not None else "n/a"
        say(f"train {side}: {result.steps} steps{' (already done)' if result.skipped else ''}, "
            f"perplexity on val.txt {perplexity}")
        results[side] = {"steps": result.steps, "perplexity": result.perplexity, "skipped": result.skipped}
    return results


def compare_sides(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Step 4: how the sides' words differ and whether each tiny bot reads as its side (skipped when done)."""
    from botbaby.compare import compare, format_report

    say("compare: the sides' words, and posts from each model ...")
    report = compare(data, sides=tuple(sides))
    say(f"compare{' (already done)' if report['skipped'] else ''}: " + format_report(report).replace("\n", "\n  "))
    return {"heldout_accuracy": report["classifier"]["heldout_accuracy"],
            "own_side_share": report["classifier"]["own_side_share"], "skipped": report["skipped"]}


def ensure_training_text(data: Path | str, sides=CORPUS_SIDES, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Give every side training text, so 05_train_colab runs on its own in a fresh runtime.

    A side with ``train.txt`` is left alone; one with stored posts is cleaned; a side of the demo
    corpus (left, right) with nothing at all gets the bundled corpus imported and cleaned, and says so.
    Returns what was done per side ("ready", "cleaned" or "demo corpus").
    """
    from botbaby.errors import BotbabyError
    from botbaby.layout import sides_list

    layout = Layout(Path(data))
    done: dict[str, Any] = {}
    for side in sides_list(sides):
        paths = layout.side(side)
        if paths.train_txt.is_file() and paths.train_txt.stat().st_size > 0:
            done[side] = "ready"
            continue
        if not paths.tweets_dir.is_dir() or not any(paths.tweets_dir.iterdir()):
            if side not in CORPUS_SIDES:
                raise BotbabyError(f"side {side!r} has no posts in {paths.tweets_dir}: run 03_scrape (or import "
                                   f"an archive with `botbaby scrape {side} --source archive --files ...`) first")
            say(f"{side}: no training text or posts in {paths.root}, so this notebook imports and cleans the "
                "bundled demo corpus (a few hundred posts written for botbaby); run 03_scrape and 04_clean for your own")
            import_corpus(data, [side], say=say)
            done[side] = "demo corpus"
        else:
            done[side] = "cleaned"
        clean_sides(data, [side], say=say)
    return done


def serve_page(data: Path | str, sides=CORPUS_SIDES, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Last: serve the API and the page with ``botbaby serve`` (prints the address; Ctrl-C stops)."""
    from botbaby.serve.cli import serve
    from botbaby.serve.config import ServeConfig

    serve(data, ServeConfig.from_dict(sides=list(sides), host=host, port=port))


# (name, step) in the order they run; ``python -m botbaby.demo`` then calls ``serve_page``.
STEPS: list[tuple[str, Callable[..., dict[str, Any]]]] = [
    ("import", import_corpus),
    ("clean", clean_sides),
    ("train", train_sides),
    ("compare", compare_sides),
]


def run_demo(data: Path | str, sides=DEFAULT_SIDES, quiet: bool = False, until: str | None = None,
             train_steps: int | None = None) -> dict[str, Any]:
    """Run the demo steps on ``data`` (all of them, or up to and including ``until``); return their results by name."""
    names = [name for name, _ in STEPS]
    if until is not None and until not in names:
        raise ValueError(f"until must be one of {', '.join(names)}, got {until!r}")
    say = (lambda message: None) if quiet else print
    results = {}
    for name, step in STEPS:
        options = {"steps": train_steps} if name == "train" else {}
        results[name] = step(Path(data), tuple(sides), say=say, **options)
        if name == until:
            break
    return results
