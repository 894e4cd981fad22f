"""A sentence splitter learned from a side's own posts (NLTK Punkt), saved by 04_clean beside train.txt.

    >>> splitter = pickle.loads(train_splitter(["Dr. Rao spoke twice. Who pays?"] * 50))
    >>> splitter.tokenize("Fuel is up. Who pays?")
    ['Fuel is up.', 'Who pays?']

Punkt learns abbreviations ("Dr.", "Rs.") from the text itself, so no downloaded punkt data is
needed: 04_clean trains it on a bounded sample of the kept posts (a fraction of a second) and
``load_sentence_splitter(data, side)`` reads it back, offline, for generation and serving.
"""

import contextlib
import importlib.util
import pickle
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path

from botbaby.errors import BotbabyError
from botbaby.layout import END, START, Layout


@contextlib.contextmanager
def _punkt_alone() -> Iterator[types.ModuleType]:
    """``nltk.tokenize.punkt`` without running nltk's package ``__init__``.

    That ``__init__`` imports most of nltk, scipy included: 1.6 s of CPU with compiled bytecode, 5 s
    without, against 0.2 s for training. Punkt needs only a few of nltk's modules, so while they are
    imported (and the tokenizer trained and pickled) "nltk" and "nltk.tokenize" are empty packages;
    afterwards every nltk module loaded so goes again, and a later ``import nltk`` is the real one.
    Where nltk is imported already, it is the plain import.
    """
    if "nltk" in sys.modules:  # imported for real already: nothing to save
        yield importlib.import_module("nltk.tokenize.punkt")
        return
    try:
        for name in ("nltk", "nltk.tokenize"):
            spec = importlib.util.find_spec(name)
            package = sys.modules[name] = types.ModuleType(name)
            package.__spec__, package.__path__ = spec, list(spec.submodule_search_locations)
        yield importlib.import_module("nltk.tokenize.punkt")
    finally:  # what was imported this way goes: a later import nltk runs nltk's own modules afresh
        for name in [name for name in sys.modules if name == "nltk" or name.startswith("nltk.")]:
            del sys.modules[name]


def train_splitter(posts: Iterable[str]) -> bytes:
    """A Punkt sentence tokenizer trained on ``posts``, pickled (``read_splitter`` loads it)."""
    with _punkt_alone() as punkt:
        trainer = punkt.PunktTrainer()
        trainer.train("\n\n".join(posts), finalize=False)
        trainer.finalize_training()
        return pickle.dumps(punkt.PunktSentenceTokenizer(trainer.get_params()))


def save_splitter(splitter: bytes, path: Path | str) -> None:
    """Write a pickled splitter to ``path`` (04_clean writes it to a temporary file it renames with the others)."""
    Path(path).write_bytes(splitter)


def read_splitter(path: Path | str):
    """The splitter pickled at ``path`` (our own file, written by ``save_splitter``)."""
    with open(path, "rb") as handle:
        return pickle.load(handle)


def load_sentence_splitter(data: Path | str, side: str):
    """The side's Punkt sentence tokenizer saved by 04_clean (``.tokenize(text)`` -> sentences)."""
    path = Layout(Path(data)).side(side).punkt
    if not path.is_file():
        raise BotbabyError(f"no sentence splitter for side '{side}' at {path}: run `botbaby clean {side}` first")
    return read_splitter(path)


def learned_abbreviations(splitter) -> list[str]:
    """The abbreviations the splitter learned (without their dot), sorted: what it will not split after."""
    return sorted(splitter._params.abbrev_types)


def sample_splits(data: Path | str, side: str, n: int = 3) -> list[list[str]]:
    """The first ``n`` posts of the side's train.txt that the splitter cuts into several sentences, cut."""
    splitter, found = load_sentence_splitter(data, side), []
    with open(Layout(Path(data)).side(side).train_txt, encoding="utf-8") as handle:
        for line in handle:
            parts = splitter.tokenize(line.rstrip("\n").removeprefix(START).removesuffix(END))
            if len(parts) > 1:
                found.append(parts)
            if len(found) == n:
                break
    return found
