"""05_train_colab, generation half: prompt -> 20 samples -> post-processed -> ranked by sentiment.

    botbaby generate left --data botbaby-data --prompt "Fuel prices" --seed 1 --json

or, from Python (the notebook, the widget and ``botbaby serve`` do this)::

    generator = Generator("botbaby-data", "left")       # loads the checkpoint once
    generation = generator.generate("Fuel prices", SampleSettings(num_samples=20), seed=1)
    generation.raw        # every sample, prompt + continuation, before post-processing
    generation.ranked     # the 10 highest-scoring posts, ordered by sentiment
    generation.majority   # the posts of the most common sentiment, as the page shows them

Post-processing follows the original, each rule switchable in ``PostprocessConfig``:

    >>> config = PostprocessConfig(min_unique_words=3)
    >>> clean_post('<|startoftext|>Tax "cuts" now. Tax cuts now. Jobs for all. And then', config, regex_split)
    'Tax cuts now. Jobs for all.'

Importing this module does not import TensorFlow; the model is loaded in ``Generator``.
"""

import json
import logging
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from botbaby.config import StageConfig
from botbaby.contract import Post, SampleSettings, majority_view, parse_generate_query
from botbaby.engine import ENGINES
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import END, START, Layout, has_checkpoint, sides_list
from botbaby.sentiment import KEEP, Analyzer, get_analyzer, rank

log = logging.getLogger(__name__)

# Pieces of gpt-2-simple's markers, wherever a sample holds them once the model has learned them:
# whole or cut-off markers ("<|startoftext|>", "<|endof"), their tails ("endoftext|>", "oftext"),
# bare halves ("startof"), a lone "<|" or "|>", and a "<" or "<|" cut off at the very end.
_MARKER_PIECE = re.compile(r"<\|[a-z]*\|?>?|(?:start|end)?oftext\|?>?|\b(?:startof|endof)\b|\|>|<\|?$")
# A sentence that ends where sentences end: ., !, ?, … then optional closing quotes or brackets
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*$")
# Split at the space after sentence-final punctuation and any closing quotes (the last-resort
# splitter; the `regex` module allows the variable-width look-behind)
_SENTENCE_END = regex.compile(r"(?<=[.!?…][\"'”’)\]]*)\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")  # words, keeping "don't" whole
DEFAULT_SETTINGS = SampleSettings()  # the original's: 20 samples, 80 tokens, temperature 0.7, top_p 0.9, top_k 40


@dataclass
class PostprocessConfig(StageConfig):
    """How generated samples become posts; defaults are the original's rules."""

    strip_markers: bool = True  # remove <|startoftext|> / <|endoftext|> (and anything after the end)
    strip_newlines: bool = True  # newlines become spaces
    strip_quotes: bool = True  # remove double quotes (the model opens more than it closes)
    quote_chars: str = "\"“”„«»"  # what counts as a quote
    drop_unfinished_sentence: bool = True  # drop the last sentence when the sample was cut off mid-sentence
    drop_repeated_sentences: bool = True  # keep only the first of identical sentences in a post
    drop_repeated_posts: bool = True  # keep only the first of identical posts
    min_unique_words: int = 20  # drop posts with fewer distinct words (the original's 20; 0 = keep all)
    keep: int = KEEP  # posts kept after sentiment ranking (the original's 10)

    def validate(self) -> None:
        if isinstance(self.min_unique_words, bool) or not isinstance(self.min_unique_words, int) or self.min_unique_words < 0:
            raise ConfigError(f"min_unique_words must be a whole number of at least 0, got {self.min_unique_words!r}")
        if isinstance(self.keep, bool) or not isinstance(self.keep, int) or self.keep < 1:
            raise ConfigError(f"keep must be a whole number of at least 1, got {self.keep!r}")


def regex_split(text: str) -> list[str]:
    """Split sentences after ., !, ? or … followed by a space (used when no Punkt model is available).

    >>> regex_split("Vote today! Polls close at 8. Thanks")
    ['Vote today!', 'Polls close at 8.', 'Thanks']
    """
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def sentence_splitter(data: Path | str, side: str) -> tuple[Callable[[str], list[str]], str]:
    """The best sentence splitter for a side, and which one it is.

    In order: 04_clean's Punkt model (``botbaby.sentences.load_sentence_splitter``), NLTK's own punkt
    when its data is downloaded, a regex.
    """
    from botbaby.sentences import load_sentence_splitter

    punkt = Layout(Path(data)).side(side).punkt
    if punkt.is_file():
        try:
            return load_sentence_splitter(data, side).tokenize, f"punkt trained by 04_clean ({punkt})"
        except Exception as exc:  # a corrupt or foreign pickle: fall back, but say so
            log.warning("could not load %s (%s); falling back", punkt, exc)
    try:
        import nltk

        nltk.sent_tokenize("Ready. Go.")
        return nltk.sent_tokenize, "nltk punkt"
    except LookupError:
        pass
    return regex_split, "regex"


def clean_post(sample: str, config: PostprocessConfig, split: Callable[[str], list[str]]) -> str | None:
    """One sample after the post-processing rules, or None when the post is dropped."""
    return _process(sample, config, split)[0]


def _process(sample: str, config: PostprocessConfig, split: Callable[[str], list[str]]) -> tuple[str | None, str]:
    """(the post, "") or (None, why it was dropped)."""
    text = sample
    body = text.removeprefix(START)
    # A sample ends at the end marker, or where the model starts the next post instead.
    ends = [index for index in (body.find(END), body.find(START)) if index >= 0]
    ended = bool(ends)
    if config.strip_markers:
        text = _MARKER_PIECE.sub(" ", body[:min(ends)] if ends else body).rstrip("<|")
    if config.strip_newlines:
        text = re.sub(r"[\r\n]+", " ", text)
    if config.strip_quotes and config.quote_chars:
        text = text.translate({ord(char): None for char in config.quote_chars})
    text = " ".join(text.split())
    sentences = [sentence.strip() for sentence in split(text) if sentence.strip()] if text else []
    if config.drop_unfinished_sentence and sentences and not ended and not _FINISHED.search(sentences[-1]):
        sentences.pop()
    if config.drop_repeated_sentences:
        seen: set[str] = set()
        unique = []
        for sentence in sentences:
            key = " ".join(sentence.lower().split())
            if key not in seen:
                seen.add(key)
                unique.append(sentence)
        sentences = unique
    post = " ".join(sentences)
    if not post:
        return None, "no finished sentence"
    if len({word.lower() for word in _WORD.findall(post)}) < config.min_unique_words:
        return None, f"fewer than {config.min_unique_words} different words"
    return post, ""


def clean_posts(samples: Sequence[str], config: PostprocessConfig, split: Callable[[str], list[str]],
                dropped: dict[str, int] | None = None) -> list[str]:
    """The posts that survive post-processing, in sample order; ``dropped`` counts the others by reason."""
    posts = []
    for sample in samples:
        post, reason = _process(sample, config, split)
        if post is not None and config.drop_repeated_posts and post in posts:
            post, reason = None, "a repeat of an earlier post"
        if post is None:
            if dropped is not None:
                dropped[reason] = dropped.get(reason, 0) + 1
        else:
            posts.append(post)
    return posts


@dataclass
class Generation:
    """What one prompt produced."""

    raw: list[str]  # every generated sample (prompt + continuation), before post-processing
    ranked: list[Post]  # the (up to) 10 highest-scoring post-processed posts, ordered by sentiment
    majority: list[Post]  # botbaby.contract.majority_view(ranked)
    dropped: dict[str, int] = field(default_factory=dict)  # samples post-processing dropped, by reason

    def why_empty(self) -> str:
        """Why no post was kept, in a student's words ("" when some were)."""
        if self.ranked:
            return ""
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(self.dropped.items(), key=lambda r: -r[1]))
        return (f"No post survived post-processing: of {len(self.raw)} samples, {reasons or 'none were usable'}. "
                "Try a longer LENGTH, more NUM_SAMPLES, or more training STEPS.")

    def to_dict(self) -> dict[str, Any]:
        """The CLI's --json shape: ``raw`` and ``tweets`` (the majority view)."""
        return {"raw": self.raw, "tweets": [post.to_dict() for post in self.majority]}


class Generator:
    """One side's model, loaded once: its own tf.Graph and Session, sampling graph built once."""

    def __init__(self, data: Path | str, side: str, sentiment: str | Analyzer = "vader",
                 postprocess: PostprocessConfig | None = None, engine: str = "auto") -> None:
        self.side = side
        model_dir = Layout(Path(data)).side(side).model_dir
        if not has_checkpoint(model_dir) and not Layout(Path(data)).side(side).hf_dir.is_dir():
            raise BotbabyError(
                f"no trained model for side {side!r} in {model_dir}: run `botbaby train {side} --data {data}` first"
            )
        self.postprocess = postprocess or PostprocessConfig()
        self.postprocess.validate()
        self.split, splitter = sentence_splitter(data, side)
        log.info("side %s: splitting sentences with %s", side, splitter)
        self.analyzer = get_analyzer(sentiment) if isinstance(sentiment, str) else sentiment
        from botbaby.engine import open_engine

        self.engine = open_engine(model_dir, engine)  # engine: tf, torch or auto (botbaby.engine.choose_engine)

    def generate(self, prompt: str, settings: SampleSettings = DEFAULT_SETTINGS, seed: int | None = None) -> Generation:
        """Sample ``settings.num_samples`` posts continuing ``prompt``; rank them by sentiment."""
        if seed is None:
            seed = secrets.randbits(62)
        continuations = self.engine.sample(START + prompt, num_samples=settings.num_samples, length=settings.length,
                                           temperature=settings.temperature, top_k=settings.top_k,
                                           top_p=settings.top_p, seed=seed)
        raw = [prompt + continuation for continuation in continuations]
        dropped: dict[str, int] = {}
        posts = clean_posts(raw, self.postprocess, self.split, dropped)
        ranked = rank(posts, self.analyzer.analyze(posts) if posts else [], keep=self.postprocess.keep)
        return Generation(raw=raw, ranked=ranked, majority=majority_view(ranked), dropped=dropped)

    def close(self) -> None:
        """Release the model's session and graph memory."""
        self.engine.close()


def load_generators(data: Path | str, sides: str | Sequence[str], sentiment: str = "vader") -> dict[str, Generator]:
    """A Generator per side (each loads its model once)."""
    return {side: Generator(data, side, sentiment=sentiment) for side in sides_list(sides)}


def generate_all(generators: dict[str, Generator], prompt: str, settings: SampleSettings = DEFAULT_SETTINGS,
                 seed: int | None = None) -> dict[str, Generation]:
    """The same prompt and settings on every side."""
    return {side: generator.generate(prompt, settings, seed=seed) for side, generator in generators.items()}


def posts_table(generations: dict[str, Generation]):
    """The ranked posts of every side as a table (side, sentiment, score, text; majority view flagged)."""
    import pandas as pd

    rows = [{"side": side, "sentiment": post.sentiment, "score": post.score, "majority": post in generation.majority,
             "text": post.text} for side, generation in generations.items() for post in generation.ranked]
    return pd.DataFrame(rows, columns=["side", "sentiment", "score", "majority", "text"])


class Cards(str):
    """HTML that a notebook shows rendered (its ``_repr_html_``) and a script can print or save."""

    def _repr_html_(self) -> str:
        return str(self)


def show_posts(generations: dict[str, Generation]) -> Cards:
    """Every side's kept posts as side-by-side cards (full text, HTML-escaped, sentiment badge);
    a side that kept none says why."""
    from botbaby.widgets import render_cards

    return Cards(render_cards({side: generation.ranked or generation.why_empty()
                               for side, generation in generations.items()}))


def plot_sentiments(generations: dict[str, Generation]):
    """How many kept posts of each sentiment each side wrote, as grouped bars (a Figure that shows inline)."""
    from botbaby.contract import SENTIMENTS
    from botbaby.plots import figure

    chart = figure(figsize=(7, 3.2))
    axes = chart.add_subplot()
    width = 0.8 / max(len(generations), 1)
    for index, (side, generation) in enumerate(generations.items()):
        counts = [sum(post.sentiment == sentiment for post in generation.ranked) for sentiment in SENTIMENTS]
        label = side if generation.ranked else f"{side} (no post kept)"
        axes.bar([x + index * width for x in range(len(SENTIMENTS))], counts, width, label=label)
    axes.set_xticks([x + width * (len(generations) - 1) / 2 for x in range(len(SENTIMENTS))], SENTIMENTS)
    axes.set(ylabel="posts kept", title="sentiment of the kept posts, per side")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend()
    chart.tight_layout()
    return chart


def summary(generations: dict[str, Generation]) -> str:
    """One line per side: posts kept of the samples written, and the majority sentiment."""
    lines = []
    for side, generation in generations.items():
        majority = generation.majority[0].sentiment if generation.majority else "none"
        lines.append(f"{side}: kept {len(generation.ranked)} of {len(generation.raw)} samples, majority {majority}")
    return "\n".join(lines)


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("generate", help="generate posts in one side's voice (05_train_colab)",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("side", metavar="SIDE", help="which side's model, e.g. left")
    add_data_arg(parser)
    defaults = SampleSettings()
    parser.add_argument("--prompt", required=True, help="how the posts begin")
    parser.add_argument("--num-samples", type=float, default=defaults.num_samples, help="samples before ranking (1-50)")
    parser.add_argument("--length", type=float, default=defaults.length, help="tokens after the prompt (1-400)")
    parser.add_argument("--temperature", type=float, default=defaults.temperature, help="(0-2]")
    parser.add_argument("--top-p", type=float, default=defaults.top_p, help="nucleus sampling (0-1]; 1 = off")
    parser.add_argument("--top-k", type=float, default=defaults.top_k, help="likeliest tokens kept (0-1000); 0 = off")
    parser.add_argument("--seed", type=int, default=None, help="same seed, same posts")
    parser.add_argument("--sentiment", default="vader", help="sentiment backend: vader (offline) or comprehend")
    parser.add_argument("--json", action="store_true", help='print {"raw": [...], "tweets": [...]}')
    parser.add_argument("--engine", choices=ENGINES, default="auto", help="tf, torch, or auto: torch on a GPU or "
                        "without TensorFlow (model/hf/ current), else tf (default: auto)")
    parser.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    # The API's own checks: blank or over-long prompts, the 20-word cut, every setting's range.
    request = parse_generate_query({"model": args.side, "prompt": args.prompt, "num_samples": args.num_samples,
                                    "length": args.length, "temperature": args.temperature, "top_p": args.top_p,
                                    "top_k": args.top_k}, sides=[args.side])
    generator = Generator(args.data, args.side, sentiment=args.sentiment, engine=args.engine)
    try:
        generation = generator.generate(request.prompt, request.settings, seed=args.seed)
    finally:
        generator.close()
    if args.json:
        print(json.dumps(generation.to_dict(), ensure_ascii=False))
    else:
        for post in generation.majority:
            print(f"[{post.sentiment} {post.score:.2f}] {post.text}")
        if not generation.majority:
            print(f"no post survived post-processing out of {len(generation.raw)} samples; try a longer --length")
    return 0
