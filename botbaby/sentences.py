"""A sentence splitter learned from a side's own posts (NLTK Punkt), saved by 04_clean beside train.txt.

    >>> splitter = train_splitter(["Dr. Rao spoke twice. Who pays?"] * 50)
    >>> splitter.tokenize("Fuel is up. Who pays?")
    ['Fuel is up.', 'Who pays?']

Punkt learns abbreviations ("Dr.", "Rs.") from the text itself, so no downloaded punkt data is
needed: 04_clean trains it on a bounded sample of the kept posts (a fraction of a second) and
``load_sentence_splitter(data, side)`` reads it back, offline, for generation and serving.
"""

import pickle
from collections.abc import Iterable
from pathlib import Path

from botbaby.errors import BotbabyError
from botbaby.layout import END, START, Layout


def train_splitter(posts: Iterable[str]):
    """A Punkt sentence tokenizer (``.tokenize(text)`` -> sentences) trained on ``posts``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    trainer.train("\n\n".join(posts), finalize=False)
    trainer.finalize_training()
    return PunktSentenceTokenizer(trainer.get_params())


def save_splitter(splitter, path: Path | str) -> None:
    """Pickle ``splitter`` to ``path`` (04_clean writes it to a temporary file it renames with the others)."""
    Path(path).write_bytes(pickle.dumps(splitter))


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
