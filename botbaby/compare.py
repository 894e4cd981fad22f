"""07_compare: which words set the camps apart, and whether each bot speaks for its camp.

    botbaby compare --data botbaby-data --sides left right --samples 60

or, from Python (the notebook does this)::

    report = compare("botbaby-data", CompareConfig(sides=("left", "right")))
    report["divergence"]["left"][:3]         # [{"term", "z", "count"}, ...], most distinctive first
    report["classifier"]["own_side_share"]   # per side: share of its bot's posts the classifier gives it

Fightin' Words (Monroe, Colaresi & Quinn 2008): a z-score per term, positive where the first
corpus uses it more than the prior expects, negative where the second does:

    >>> z = fightin_words(Counter({"tax": 4, "the": 6}), Counter({"jobs": 2, "the": 8}))
    >>> {term: round(score, 3) for term, score in sorted(z.items())}
    {'jobs': -0.886, 'tax': 1.405, 'the': -1.031}

What it reads: each side's ``train.txt``/``val.txt`` (04_clean), its model (05_train, through
``botbaby.generate``) and ``model/metrics.json`` (perplexity on val.txt). What it writes, in
``DATA/results/``: ``compare.json`` (every figure below), ``compare.html`` (an interactive scatter
of term frequencies, self-contained: it loads nothing from the network) and ``compare.png`` (each
side's top terms).

- divergence: Fightin' Words one side against the others, unigrams and bigrams; the informative
  prior (each term's pooled count) keeps frequent words such as "the" near zero, so no stop-word list;
- side fidelity: a TF-IDF + logistic regression classifier trained on the sides' train.txt,
  its accuracy on val.txt, then the share of each bot's posts it labels with the bot's own side;
- memorisation: the share of generated posts that repeat ``span_words`` words in a row of the
  side's training text, and the longest such copy with the training line it came from;
- diversity and fit: distinct-1/distinct-2 of generated and of as many real posts, val perplexity;
- sentiment: each side's label shares (VADER, offline) for real posts and for generated ones.

scikit-learn and matplotlib come with ``pip install 'botbaby[compare]'``.
"""

import html
import json
import math
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.contract import MAX_PROMPT_CHARS, SENTIMENTS, SampleSettings, normalize_prompt
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import DEFAULT_SIDES, END, START, Layout, check_side
from botbaby.manifest import Manifest

# Words: letters, digits and marks (so Devanagari vowel signs stay inside their word), keeping
# "don't" whole; hashtags and mentions lose their # and @.
_WORD = regex.compile(r"\w+(?:['’]\w+)*")
RESULT_NAMES = ("compare.json", "compare.html", "compare.png")


@dataclass
class CompareConfig(StageConfig):
    """What 07_compare measures and how much it generates."""

    sides: tuple[str, ...] = DEFAULT_SIDES  # sides to compare (at least two; the chart plots the first two)
    top_terms: int = setting(30, low=1)  # distinctive terms listed per side
    min_count: int = setting(3, low=1)  # terms used fewer times than this (all sides together) are not listed
    prior_scale: float = setting(1.0, low=1e-6)  # Fightin' Words prior: this many times each term's count over all sides
    max_posts: int = setting(100_000, low=10)  # posts read per side from train.txt for terms and the classifier (an even sample beyond)
    prompts: Path | None = None  # a UTF-8 file of prompts, one a line (None: the corpus' most frequent openings)
    num_prompts: int = setting(6, low=1)  # prompts taken from the corpus' openings when there is no prompts file
    opening_words: int = setting(2, low=1)  # words in each of those prompts
    samples: int = setting(60, low=0)  # posts each side's bot generates, spread evenly over the prompts (0: none)
    length: int = setting(60, low=1, high=400)  # tokens generated after each prompt
    seed: int = setting(0, low=0)  # the same seed generates the same posts
    span_words: int = setting(8, low=2)  # a generated post copies its training text when it repeats this many words in a row
    reference_posts: int = setting(500, low=10)  # real posts per side sampled for their sentiment shares
    chart_terms: int = setting(1500, low=10)  # most frequent words plotted in compare.html

    def validate(self) -> None:
        if len(self.sides) < 2 or len(set(self.sides)) != len(self.sides):
            raise ConfigError(f"sides must name at least two different sides, not {list(self.sides)}")
        for side in self.sides:
            try:
                check_side(side)
            except BotbabyError as exc:
                raise ConfigError(str(exc)) from None


# --- reading the corpora ---

def read_posts(path: Path, limit: int | None = None) -> list[str]:
    """The posts of a train.txt/val.txt file without their markers; beyond ``limit``, an even sample."""
    if not path.is_file():
        return []
    with open(path, encoding="utf-8-sig", errors="replace") as handle:  # a BOM is not part of the first post
        posts = [text for line in handle if (text := strip_markers(line))]
    return even_sample(posts, limit) if limit is not None else posts


def strip_markers(line: str) -> str:
    """One line of train.txt as the post it holds."""
    return line.strip().removeprefix(START).removesuffix(END).strip()


def even_sample(items: Sequence, limit: int) -> list:
    """At most ``limit`` items spread evenly over ``items`` (the same ones every run).

    >>> even_sample(list(range(10)), 3)
    [0, 3, 6]
    """
    if len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def words(text: str) -> list[str]:
    """A post's words, lower-cased.

    >>> words("Don't tax #Farmers, @Rao!")
    ["don't", 'tax', 'farmers', 'rao']
    """
    return [word.lower() for word in _WORD.findall(text)]


def ngrams(tokens: Sequence[str], n: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``n`` consecutive tokens."""
    return zip(*(tokens[i:] for i in range(n)), strict=False)


def term_counts(posts: Iterable[str]) -> tuple[Counter, Counter]:
    """How often each unigram and each bigram (two words in a row within a post) occurs."""
    unigrams, bigrams = Counter(), Counter()
    for post in posts:
        tokens = words(post)
        unigrams.update(tokens)
        bigrams.update(" ".join(pair) for pair in ngrams(tokens, 2))
    return unigrams, bigrams


# --- divergence: Fightin' Words ---

def fightin_words(counts_i: Counter, counts_j: Counter, prior_scale: float = 1.0) -> dict[str, float]:
    """Log-odds ratio with an informative Dirichlet prior, as a z-score per term (Monroe et al. 2008, eq. 22).

    With y_w^i the count of term w in corpus i, n^i = sum_w y_w^i, the prior
    alpha_w = prior_scale * (y_w^i + y_w^j) and alpha_0 = sum_w alpha_w:

        delta_w = log((y_w^i + alpha_w) / (n^i + alpha_0 - y_w^i - alpha_w))
                - log((y_w^j + alpha_w) / (n^j + alpha_0 - y_w^j - alpha_w))
        var_w  ~= 1 / (y_w^i + alpha_w) + 1 / (y_w^j + alpha_w)
        z_w     = delta_w / sqrt(var_w)

    Positive z: corpus i uses w more. The prior pulls every term toward the pooled rate in proportion
    to how common it is, so a frequent word used alike by both ("the") stays near 0 without a list.
    """
    n_i, n_j = sum(counts_i.values()), sum(counts_j.values())
    alpha = {term: prior_scale * (counts_i[term] + counts_j[term]) for term in counts_i.keys() | counts_j.keys()}
    alpha_0 = sum(alpha.values())
    scores = {}
    for term, a in alpha.items():
        y_i, y_j = counts_i[term], counts_j[term]
        delta = math.log((y_i + a) / (n_i + alpha_0 - y_i - a)) - math.log((y_j + a) / (n_j + alpha_0 - y_j - a))
        scores[term] = delta / math.sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return scores


def divergence(counts: dict[str, tuple[Counter, Counter]], top: int, min_count: int = 1,
               prior_scale: float = 1.0) -> dict[str, list[dict[str, Any]]]:
    """Each side's most distinctive unigrams and bigrams against all other sides together.

    ``counts[side]`` is ``term_counts`` of the side's posts. Unigrams and bigrams are scored
    separately (each against its own totals), then listed together by z; only terms with z > 0
    and at least ``min_count`` uses over all sides are listed.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for side in counts:
        rows = []
        for kind in (0, 1):  # unigrams, then bigrams
            own = counts[side][kind]
            rest = sum((counts[other][kind] for other in counts if other != side), Counter())
            for term, z in fightin_words(own, rest, prior_scale).items():
                if z > 0 and own[term] + rest[term] >= min_count:
                    rows.append({"term": term, "z": round(z, 4), "count": own[term]})
        rows.sort(key=lambda row: (-row["z"], row["term"]))
        found[side] = rows[:top]
    return found


# --- side fidelity: a classifier of sides ---

def train_classifier(posts: dict[str, list[str]]):
    """A scikit-learn TF-IDF (unigrams and bigrams) + logistic regression pipeline labelling posts with a side."""
    from botbaby._optional import require

    require("sklearn", extra="compare", package="scikit-learn")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = [text for side in posts for text in posts[side]]
    labels = [side for side in posts for _ in posts[side]]
    # balanced: a side with twice the posts must not win every doubtful post
    model = make_pipeline(
        TfidfVectorizer(tokenizer=words, lowercase=False, token_pattern=None, ngram_range=(1, 2), sublinear_tf=True),
        LogisticRegression(max_iter=1000, class_weight="balanced"),
    )
    return model.fit(texts, labels)


def accuracy(model, posts: dict[str, list[str]]) -> float | None:
    """The share of ``posts`` the classifier gives their own side (None when there are none)."""
    texts = [text for side in posts for text in posts[side]]
    if not texts:
        return None
    labels = [side for side in posts for _ in posts[side]]
    predicted = model.predict(texts)
    return sum(p == label for p, label in zip(predicted, labels, strict=True)) / len(texts)


# --- generating posts ---

def default_prompts(posts: dict[str, list[str]], n: int, opening_words: int) -> list[str]:
    """The sides' most frequent post openings (their first ``opening_words`` words), taken in turn from each side.

    >>> default_prompts({"a": ["Tax cuts now", "Tax cuts work", "Jobs now"], "b": ["Fund schools", "Tax cuts hurt"]}, 3, 2)
    ['Tax cuts', 'Fund schools', 'Jobs now']
    """
    ranked = [[opening for opening, _ in Counter(" ".join(post.split()[:opening_words]) for post in side_posts
                                                 if post.split()).most_common()]
              for side_posts in posts.values()]
    prompts: list[str] = []
    for position in range(max((len(openings) for openings in ranked), default=0)):
        for openings in ranked:
            if position < len(openings) and openings[position] not in prompts and len(prompts) < n:
                prompts.append(openings[position])
    return prompts


def read_prompts(path: Path) -> list[str]:
    """The prompts of a UTF-8 file, one a line (blank lines skipped), each cut as the page cuts a prompt."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise BotbabyError(f"prompts file {path} does not exist: give a UTF-8 file with one prompt a line") from None
    except UnicodeDecodeError:
        raise BotbabyError(f"prompts file {path} is not UTF-8 text: save it as UTF-8, one prompt a line") from None
    prompts = []
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_PROMPT_CHARS:
            raise BotbabyError(f"prompts file {path}, line {number}: a prompt has at most {MAX_PROMPT_CHARS} "
                               f"characters, this one {len(line)}")
        if normalize_prompt(line):  # as the page takes it: control characters out, the first 20 words
            prompts.append(normalize_prompt(line))
    if not prompts:
        raise BotbabyError(f"prompts file {path} holds no prompt: write one prompt a line")
    return prompts


def generate_posts(data: Path, side: str, prompts: Sequence[str], config: CompareConfig) -> list[tuple[str, str]]:
    """``config.samples`` posts from the side's model over ``prompts``, as (text, sentiment label) pairs.

    Through ``botbaby.generate.Generator`` (the model is loaded once), post-processed by the page's
    rules but keeping short and repeated posts, since both say something about the bot.
    """
    from botbaby.generate import Generator, PostprocessConfig

    per_prompt = [config.samples // len(prompts) + (i < config.samples % len(prompts)) for i in range(len(prompts))]
    keep_all = PostprocessConfig(min_unique_words=0, drop_repeated_posts=False, keep=50)
    generator = Generator(data, side, postprocess=keep_all)
    try:
        posts = []
        for number, (prompt, count) in enumerate(zip(prompts, per_prompt, strict=True)):
            for start in range(0, count, 50):  # the engine samples at most 50 posts a call
                settings = SampleSettings(num_samples=min(50, count - start), length=config.length)
                generation = generator.generate(prompt, settings, seed=config.seed * 1000 + number * 50 + start)
                posts += [(post.text, post.sentiment) for post in generation.ranked]
        return posts
    finally:
        generator.close()


# --- memorisation ---

def memorisation(train_txt: Path, posts: Sequence[str], span: int) -> dict[str, Any]:
    """The share of ``posts`` repeating ``span`` words in a row of ``train_txt``, and the longest such copy.

    Streams the whole training text once, looking up each of its ``span``-word runs among the
    posts' runs, then measures the longest common run of words between each copying post and the
    training lines it shares a run with.
    """
    post_words = [words(post) for post in posts]
    runs: dict[tuple[str, ...], set[int]] = {}
    for index, tokens in enumerate(post_words):
        for run in ngrams(tokens, span):
            runs.setdefault(run, set()).add(index)
    sources: dict[int, dict[int, str]] = {}  # post index -> {line number: training line}, a few per post
    if runs and train_txt.is_file():
        with open(train_txt, encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                for run in ngrams(words(line), span):
                    for index in runs.get(run, ()):
                        found = sources.setdefault(index, {})
                        if len(found) < 5:
                            found[number] = strip_markers(line)
    longest = None
    for index, lines in sources.items():
        for number, line in lines.items():
            length, end = longest_common_run(post_words[index], words(line))
            if longest is None or length > longest["words"]:
                longest = {"words": length, "span": " ".join(post_words[index][end - length:end]),
                           "post": posts[index], "line": number, "source": line}
    return {"share": len(sources) / len(posts) if posts else None, "copying_posts": len(sources), "posts": len(posts),
            "span_words": span, "longest": longest}


def longest_common_run(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The length of the longest run of words both ``a`` and ``b`` contain, and where it ends in ``a``.

    >>> longest_common_run("we need fair wages now".split(), "all need fair wages".split())
    (3, 4)
    """
    best, best_end = 0, 0
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    return best, best_end


# --- diversity and sentiment ---

def distinct_n(posts: Iterable[str], n: int) -> float | None:
    """Distinct n-grams over all n-grams of ``posts`` (Li et al. 2016); None when there are none.

    >>> distinct_n(["tax the rich", "tax the poor"], 1), distinct_n(["tax the rich", "tax the poor"], 2)
    (0.6667, 0.75)
    """
    grams = [gram for post in posts for gram in ngrams(words(post), n)]
    return round(len(set(grams)) / len(grams), 4) if grams else None


def sentiment_shares(labels: Sequence[str]) -> dict[str, Any]:
    """The share of each sentiment label among ``labels`` (and how many there were)."""
    counts = Counter(labels)
    total = len(labels)
    return {"posts": total, **{label: round(counts[label] / total, 4) if total else None for label in SENTIMENTS}}


# --- the stage ---

def compare(data: Path | str, config: CompareConfig | dict | None = None, **overrides) -> dict[str, Any]:
    """Compare the sides' training text and, where a side has a model, its bot; write ``DATA/results/compare.*``.

    Returns what ``compare.json`` holds, plus ``skipped``: True when nothing compare reads (the
    sides' text, models, metrics, prompts file) nor its settings changed since its last run, whose
    results are then returned as they are (``DATA/manifest.json`` keeps track).
    """
    config = CompareConfig.resolve(config, **overrides)
    layout = Layout(Path(data))
    sides = list(config.sides)
    manifest = Manifest(layout)
    inputs = [path for side in sides for path in (layout.side(side).train_txt, layout.side(side).val_txt,
                                                  layout.side(side).model_dir / "metrics.json") if path.is_file()]
    inputs += [config.prompts] if config.prompts is not None else []
    # the models' fingerprints are settings: a retrained model is compared again
    settings = {**config.to_dict(), "models": {side: manifest.record_model(side) for side in sides}}
    outputs = [layout.results_dir / name for name in RESULT_NAMES]
    if manifest.unchanged("compare", None, inputs, settings, outputs):
        return {**load(data), "skipped": True}
    train = {side: read_posts(layout.side(side).train_txt, config.max_posts) for side in sides}
    for side, posts in train.items():
        if not posts:
            raise BotbabyError(f"side {side!r} has no training text in {layout.side(side).train_txt}: "
                               f"run `botbaby clean {side} --data {data}` first")
    val = {side: read_posts(layout.side(side).val_txt) for side in sides}

    counts = {side: term_counts(posts) for side, posts in train.items()}
    classifier = train_classifier(train)
    report: dict[str, Any] = {
        "sides": sides,
        "config": config.to_dict(),
        "models": settings["models"],  # each side's model fingerprint ("" without a model)
        "posts": {side: {"train": len(train[side]), "val": len(val[side])} for side in sides},
        "divergence": divergence(counts, config.top_terms, config.min_count, config.prior_scale),
        "classifier": {"heldout_accuracy": accuracy(classifier, val), "heldout_posts": sum(map(len, val.values())),
                       "own_side_share": {}},
        "perplexity": {side: _perplexity(layout, side) for side in sides},
        "notes": [],
    }

    prompts = (read_prompts(config.prompts) if config.prompts is not None
               else default_prompts(train, config.num_prompts, config.opening_words))
    generated = {}
    if config.samples:
        for side in sides:
            try:
                generated[side] = generate_posts(layout.root, side, prompts, config)
            except BotbabyError as exc:  # no model for this side (yet): the corpus figures still stand
                report["notes"].append(f"{side}: no generated posts ({exc})")
    report["prompts"] = prompts
    report["generated"] = {side: [text for text, _ in posts] for side, posts in generated.items()}
    for side, posts in generated.items():
        texts = [text for text, _ in posts]
        report["classifier"]["own_side_share"][side] = (
            sum(label == side for label in classifier.predict(texts)) / len(texts) if texts else None)
    report["memorisation"] = {side: memorisation(layout.side(side).train_txt, [text for text, _ in posts],
                                                 config.span_words) for side, posts in generated.items()}

    from botbaby.sentiment import get_analyzer

    analyzer = get_analyzer("vader")
    report["diversity"], report["sentiment"] = {}, {}
    for side in sides:
        texts = [text for text, _ in generated.get(side, [])]
        real = even_sample(train[side], len(texts) or config.reference_posts)
        report["diversity"][side] = {
            "generated": {"posts": len(texts), "distinct_1": distinct_n(texts, 1), "distinct_2": distinct_n(texts, 2)},
            "real": {"posts": len(real), "distinct_1": distinct_n(real, 1), "distinct_2": distinct_n(real, 2)},
        }
        reference = even_sample(train[side], config.reference_posts)
        report["sentiment"][side] = {
            "real": sentiment_shares([label for label, _ in analyzer.analyze(reference)]),
            "generated": sentiment_shares([label for _, label in generated[side]]) if side in generated else None,
        }

    results = layout.results_dir
    atomic_write_text(results / "compare.html", chart_html(counts, report["divergence"], sides[:2], config.chart_terms,
                                                            config.prior_scale))
    top_terms_png(report["divergence"], results / "compare.png")
    atomic_write_text(layout.compare_json, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    manifest.record("compare", None, inputs, settings, outputs)
    return {**report, "skipped": False}


def _perplexity(layout: Layout, side: str) -> float | None:
    """05_train's perplexity on val.txt (``model/metrics.json``), None before training."""
    path = layout.side(side).model_dir / "metrics.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("perplexity")
    except (OSError, ValueError, AttributeError):
        return None


def load(data: Path | str) -> dict[str, Any]:
    """What the last ``compare`` wrote (``DATA/results/compare.json``)."""
    path = Layout(Path(data)).compare_json
    if not path.is_file():
        raise BotbabyError(f"no comparison in {path.parent}: run `botbaby compare --data {data}` first")
    return json.loads(path.read_text(encoding="utf-8"))


# --- the pictures ---

_CHART_SIZE = 640  # the scatter's width and height in pixels


def chart_html(counts: dict[str, tuple[Counter, Counter]], found: dict[str, list[dict[str, Any]]],
               sides: Sequence[str], limit: int, prior_scale: float = 1.0) -> str:
    """A self-contained HTML page: the ``limit`` most frequent unigrams, x = frequency on one side, y = on the other.

    Both axes are per 10,000 words on a log scale. A dot is coloured by the side that uses the word
    more when its Fightin' Words z-score (these two sides only) passes 1.96, grey otherwise; the ten
    most distinctive words each way are labelled. Hover a dot for its counts and z-score; the search box
    highlights words. Inline SVG, CSS and script only: nothing is fetched from the network.
    """
    a, b = sides
    count_a, count_b = counts[a][0], counts[b][0]
    total_a, total_b = max(1, sum(count_a.values())), max(1, sum(count_b.values()))
    z = fightin_words(count_a, count_b, prior_scale)
    # the ten most distinctive plotted words each way get a label; more would overlap
    ranked = sorted(z, key=z.get)
    labelled = set(ranked[:10]) | set(ranked[-10:])
    terms = [term for term, _ in (count_a + count_b).most_common(limit)]
    top = max((max(count_a[t] / total_a, count_b[t] / total_b) * 10_000 for t in terms), default=1.0)
    span = math.log10(top + 1) or 1.0

    def position(rate: float, term: str) -> float:
        # a few pixels of jitter, the same every run, so words of equal counts do not hide each other
        jitter = (zlib.crc32(term.encode()) % 9) - 4
        return round(30 + (_CHART_SIZE - 40) * math.log10(rate + 1) / span + jitter, 1)

    points, labels, rows = [], [], []
    for index, term in enumerate(terms):
        rate_a, rate_b = count_a[term] / total_a * 10_000, count_b[term] / total_b * 10_000
        x, y = position(rate_a, term), _CHART_SIZE - position(rate_b, term[::-1])
        colour = "a" if z[term] > 1.96 else "b" if z[term] < -1.96 else "n"
        points.append(f'<circle class="{colour}" cx="{x}" cy="{y}" r="3" data-i="{index}"/>')
        if term in labelled:
            labels.append(f'<text class="{colour}" x="{x + 4}" y="{y - 4}">{html.escape(term)}</text>')
        rows.append([term, count_a[term], count_b[term], round(z[term], 2)])
    table = json.dumps(rows, ensure_ascii=False).replace("</", "<\\/")
    lists = "".join(
        f'<div class="list"><h2 class="{key}">{html.escape(side)} uses more</h2><ol>'
        + "".join(f"<li>{html.escape(row['term'])} <small>z {row['z']:.1f}, {row['count']}×</small></li>"
                  for row in found[side][:20]) + "</ol></div>"
        for key, side in (("a", a), ("b", b)))
    return _CHART_PAGE.format(
        a=html.escape(a), b=html.escape(b), size=_CHART_SIZE, points="".join(points), labels="".join(labels),
        lists=lists, table=table, terms=len(terms),
    )


_CHART_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>How {a} and {b} differ: term frequencies</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1rem; color: #222; }}
svg {{ width: 100%; max-width: {size}px; height: auto; border: 1px solid #ddd; }}
circle {{ fill-opacity: .55; }} .a {{ fill: #1f5fbf; color: #1f5fbf; }} .b {{ fill: #c23b22; color: #c23b22; }}
.n {{ fill: #999; }} text {{ font-size: 9px; pointer-events: none; }} text.n {{ display: none; }}
circle.hit {{ fill: #f5b301; fill-opacity: 1; r: 6; }}
#tip {{ position: fixed; background: #fff; border: 1px solid #888; padding: .3rem .5rem; font-size: .85rem;
        pointer-events: none; display: none; }}
.lists {{ display: flex; flex-wrap: wrap; gap: 2rem; }} .list h2 {{ font-size: 1rem; }}
</style></head><body>
<h1>How {a} and {b} differ</h1>
<p>Each dot is one of the {terms} most frequent words: across by how often <b class="a">{a}</b> uses it, up by
how often <b class="b">{b}</b> does (per 10,000 words, log scale). Coloured dots are each side's most
distinctive words by Fightin' Words (Monroe, Colaresi &amp; Quinn 2008): blue for {a}, red for {b}, grey
when neither uses it clearly more (|z| below 1.96).</p>
<p><label>Find a word: <input id="find" type="search" autocomplete="off"></label> <span id="found"></span></p>
<svg id="chart" viewBox="0 0 {size} {size}" role="img" aria-label="term frequencies of {a} against {b}">
<line x1="30" y1="{size}" x2="{size}" y2="30" stroke="#ccc"/>
<text x="{size}" y="{size}" dx="-4" dy="-4" text-anchor="end" style="font-size:12px">{a} →</text>
<text x="4" y="14" style="font-size:12px">↑ {b}</text>
{points}{labels}</svg>
<div id="tip"></div>
<div class="lists">{lists}</div>
<script id="terms" type="application/json">{table}</script>
<script>
(function () {{
  var rows = JSON.parse(document.getElementById("terms").textContent);
  var tip = document.getElementById("tip");
  var dots = document.querySelectorAll("#chart circle");
  dots.forEach(function (dot) {{
    dot.addEventListener("mouseenter", function (event) {{
      var row = rows[+dot.dataset.i];
      tip.textContent = row[0] + ": {a} " + row[1] + "×, {b} " + row[2] + "×, z " + row[3].toFixed(1);
      tip.style.left = event.clientX + 12 + "px"; tip.style.top = event.clientY + 12 + "px";
      tip.style.display = "block";
    }});
    dot.addEventListener("mouseleave", function () {{ tip.style.display = "none"; }});
  }});
  document.getElementById("find").addEventListener("input", function (event) {{
    var query = event.target.value.trim().toLowerCase(), hits = 0;
    dots.forEach(function (dot) {{
      var hit = query !== "" && rows[+dot.dataset.i][0].indexOf(query) >= 0;
      dot.classList.toggle("hit", hit); hits += hit;
    }});
    document.getElementById("found").textContent = query ? hits + " found" : "";
  }});
}})();
</script></body></html>
"""


def top_terms_png(found: dict[str, list[dict[str, Any]]], path: Path, n: int = 15) -> Path:
    """A bar chart of each side's ``n`` most distinctive terms by z-score, saved as a PNG."""
    from botbaby._optional import require

    require("matplotlib", extra="compare")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4.5 * len(found), 0.32 * n + 1.2))
    FigureCanvasAgg(figure)
    panels = figure.subplots(1, len(found), squeeze=False)[0]
    for axes, (side, rows) in zip(panels, found.items(), strict=True):
        rows = rows[:n][::-1]
        axes.barh([row["term"] for row in rows], [row["z"] for row in rows], color="#1f5fbf")
        axes.set_title(f"{side} uses more")
        axes.set_xlabel("z-score (Fightin' Words)")
    figure.tight_layout()
    with atomic_path(path) as tmp:
        figure.savefig(tmp, format="png", dpi=110)
    return path


# --- the notebook's views ---

def terms_table(data: Path | str, n: int = 15):
    """Each side's ``n`` most distinctive terms side by side (a pandas DataFrame)."""
    import pandas as pd

    found = load(data)["divergence"]
    return pd.concat({side: pd.DataFrame(rows[:n], columns=["term", "z", "count"]) for side, rows in found.items()},
                     axis=1)


def summary_table(data: Path | str):
    """One row per side: classifier share, memorisation, distinct-n (generated and real), perplexity, sentiment."""
    import pandas as pd

    report = load(data)
    rows = {}
    for side in report["sides"]:
        diversity = report["diversity"][side]
        copied = report.get("memorisation", {}).get(side) or {}
        generated = report["sentiment"][side]["generated"] or {}
        rows[side] = {
            "own side share": report["classifier"]["own_side_share"].get(side),
            "copying posts": copied.get("share"),
            "distinct-1 generated": diversity["generated"]["distinct_1"],
            "distinct-1 real": diversity["real"]["distinct_1"],
            "distinct-2 generated": diversity["generated"]["distinct_2"],
            "distinct-2 real": diversity["real"]["distinct_2"],
            "val perplexity": report["perplexity"][side],
            **{f"{label.lower()} real": report["sentiment"][side]["real"][label] for label in SENTIMENTS},
            **{f"{label.lower()} generated": generated.get(label) for label in SENTIMENTS},
        }
    return pd.DataFrame(rows)


def copies_table(data: Path | str):
    """Per side: the share of generated posts that copy, and the longest copy with its training line."""
    import pandas as pd

    found = load(data).get("memorisation", {})
    rows = {side: {"copying posts": copied["share"], "longest copy (words)": (copied["longest"] or {}).get("words"),
                   "copied words": (copied["longest"] or {}).get("span"),
                   "train.txt line": (copied["longest"] or {}).get("line"),
                   "training post": (copied["longest"] or {}).get("source")} for side, copied in found.items()}
    return pd.DataFrame(rows)


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """The report without the generated posts (what the notebook records)."""
    return {key: value for key, value in report.items() if key not in ("generated", "skipped")}


def picture(data: Path | str):
    """The top-terms PNG, for a notebook cell to show."""
    from IPython.display import Image

    path = Layout(Path(data)).results_dir / "compare.png"
    if not path.is_file():
        raise BotbabyError(f"no {path}: run `botbaby compare --data {data}` first")
    return Image(filename=str(path))


# --- the command ---

def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("compare", help="how the sides' words differ and whether each bot speaks for its side (07_compare)",
                                   description=__doc__.splitlines()[0])
    add_data_arg(parser)
    add_config_options(parser, CompareConfig)
    parser.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    report = compare(args.data, config_from_args(CompareConfig, args))
    print(format_report(report))
    print(f"wrote {Layout(Path(args.data)).compare_json} (and compare.html, compare.png)")
    return 0


def format_report(report: dict[str, Any]) -> str:
    """A few lines saying what ``compare`` found."""
    lines = []
    accuracy_ = report["classifier"]["heldout_accuracy"]
    lines.append(f"side classifier: {'n/a' if accuracy_ is None else f'{accuracy_:.0%}'} right on val.txt "
                 f"({report['classifier']['heldout_posts']} posts)")
    for side in report["sides"]:
        terms = ", ".join(row["term"] for row in report["divergence"][side][:8])
        lines.append(f"{side} uses more: {terms}")
        if side not in report["classifier"]["own_side_share"]:
            continue  # no model: the notes say why
        share, copied = report["classifier"]["own_side_share"][side], report["memorisation"][side]
        if share is None:
            lines.append(f"{side} bot: no post survived post-processing; try a longer --length")
        else:
            lines.append(f"{side} bot: {share:.0%} of its posts read as {side}; "
                         f"{copied['share']:.0%} repeat {copied['span_words']} words of its training text")
    lines += report["notes"]
    return "\n".join(lines)
