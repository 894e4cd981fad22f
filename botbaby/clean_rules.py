"""The rules of 04_clean: its settings, its tables, and the rules themselves written plainly, post by post.

    >>> config = CleanConfig(min_chars=0)
    >>> clean_post("Roads &amp;amp; rails 🔥 https://t.co/x1 @PetroMin, again!", None, config)
    (0, 'Roads & rails , again!')
    >>> clean_post("RT @b: not mine", None, config)
    (2, None)

``clean_post`` is the specification: slow and obvious on purpose, one regular expression per rule.
The stage (``botbaby.clean``) applies it as it is to small corpora, and a compiled pass
(``botbaby.clean_kernel``) that must agree with it to big ones; ``tests/clean/test_kernel.py``
checks the two against each other on generated messy posts.

Rules, in the order they apply (each one a setting of ``CleanConfig``): drop retweets (or strip
their "RT @handle:" prefix), unescape HTML entities, keep only the chosen scripts (typographic
quotes and dashes become ASCII first), remove links and @mentions, collapse whitespace, drop posts
shorter than ``min_chars``. The stage then drops exact duplicates and holds out a share of the
posts by a hash of the text (``text_hash``). Whitespace is what ``str.isspace`` says of ASCII;
``\\w`` means ASCII word characters.
"""

import dataclasses
import hashlib
import html
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pyarrow as pa
import regex

from botbaby.config import StageConfig, setting
from botbaby.errors import ConfigError
from botbaby.layout import END, START

# What happened to a post; the stage counts each reason in clean_stats.json ("duplicate" is judged
# by the stage, across batches).
KEPT, EMPTY, RETWEET, NOTHING_LEFT, TOO_SHORT = range(5)
CODE_REASONS = {EMPTY: "empty", RETWEET: "retweet", NOTHING_LEFT: "nothing_left", TOO_SHORT: "too_short"}
DROP_REASONS = (*CODE_REASONS.values(), "duplicate")

# Typographic characters with an ASCII equivalent, so removing non-kept scripts does not eat them.
TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",  # curly single quotes, prime
    "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',  # curly double quotes
    "\u2013": "-", "\u2014": " - ", "\u2212": "-",  # en dash, em dash, minus
    "\u2026": "...",  # ellipsis
    "\u20b9": "Rs ",  # rupee sign
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",  # non-breaking and thin spaces
}  # fmt: skip

# Top-level domains a bare domain without a path may end in ("example.com"), in the order tried.
BARE_DOMAINS = ("com", "in", "org", "net", "io", "ly", "gov", "edu", "info", "news", "tv")


@dataclass
class CleanConfig(StageConfig):
    """The cleaning rules for one side; every default follows the original bot-baby unless noted."""

    drop_retweets: bool = True  # retweets are someone else's voice ("is_retweet" column or an "RT @" prefix)
    unescape_html: bool = True  # &amp; &lt; &#39; ... decoded repeatedly, so "&amp;amp;" becomes "&"
    remove_urls: bool = True  # http(s)://..., www...., t.co/abc, example.com/path, example.com, e-mails
    remove_mentions: bool = True  # @handle anywhere in the post (e-mail addresses are URLs above)
    normalize_punctuation: bool = True  # curly quotes, dashes, '…', '₹' -> ASCII before the script filter
    scripts: tuple[str, ...] = ("latin",)  # kept besides ASCII: latin, devanagari, ...; ascii alone = the original
    collapse_whitespace: bool = True  # runs of whitespace -> one space (line breaks always become spaces)
    min_chars: int = setting(50, low=0, high=10_000)  # posts shorter than this after cleaning are dropped (characters)
    drop_duplicates: bool = True  # identical cleaned posts are kept once (8 to 12 bytes of memory per kept post)
    val_share: float = setting(0.05, low=0, high=0.5)  # share of posts held out in val.txt, chosen by a hash of the text
    seed: int = 0  # changes which posts the hash puts in val.txt
    punkt_sample_chars: int = setting(100_000, low=0)  # the sentence splitter trains on at most this many characters
    batch_size: int = setting(65_536, low=1)  # posts per record batch; memory use scales with this, not with the corpus
    workers: int = setting(2, low=1)  # batches the compiled pass cleans at once (threads: it releases the GIL)
    compiled_pass: Literal["auto", "always", "never"] = "auto"  # auto: when already built or over 100 MB of text

    def __post_init__(self) -> None:
        super().__post_init__()  # types and ranges: "latin,devanagari" or a list becomes a tuple
        self.scripts = tuple(name.lower() for name in self.scripts)

    def validate(self) -> None:
        if not self.scripts:
            raise ConfigError('scripts must name at least one script, e.g. ("latin",) or ("ascii",)')
        script_filter(self.scripts)  # raises ConfigError for an unknown script name


# Settings that change how fast the same output is made, not the output.
SPEED_SETTINGS = ("batch_size", "workers", "compiled_pass")


def script_filter(scripts: tuple[str, ...]) -> "regex.Pattern[str]":
    """The definition of the script rule: runs of characters outside ASCII and the given scripts.

    Scripts are Unicode Script_Extensions names (so the Devanagari danda '।' counts as Devanagari);
    ``"ascii"`` adds nothing beyond ASCII. The compiled pass applies the same rule from a table of
    every code point (``clean_kernel.code_point_classes``).

        >>> script_filter(("latin",)).sub(" ", "great🔥stuff, café")
        'great stuff, café'
        >>> script_filter(("latin", "devanagari")).sub(" ", "मोदी जी।🙏")
        'मोदी जी। '
    """
    classes = "".join(rf"\p{{scx={name}}}" for name in scripts if name != "ascii")
    try:
        return regex.compile(rf"[^\x00-\x7F{classes}]+")
    except regex.error as exc:
        raise ConfigError(
            f"unknown script in {list(scripts)}: use Unicode script names such as latin, devanagari"
        ) from exc


WS = "\t\n\v\f\r\x1c-\x1f "  # ASCII whitespace (a character class body)
LINE_BREAKS = "\n\v\f\r\x1c-\x1e"  # what str.splitlines() splits on in ASCII
W = "A-Za-z0-9_"  # \w
URL = (
    rf"(?ai:"  # ASCII only: without "a", Python's re lets ſ match s and K match k
    rf"[{W}.+-]+@[{W}-]+(?:\.[{W}-]+)+"  # e-mail addresses
    rf"|https?(?::|…|\.\.\.)[^{WS}]*"  # http://..., https://..., and truncated ones ("https:/", "http…")
    rf"|www\.[^{WS}]+"  # www.example.com/path without a scheme
    rf")"
    # Bare domains: a lower-case top-level domain, so "Mr.Modi/BJP" (a missing space) is not a link.
    rf"|[{W}-]+(?:\.[{W}-]+)*\.(?:"
    rf"[a-z]{{2,}}/[^{WS}]*"  # with a path: t.co/abc, example.com/path
    rf"|(?:{'|'.join(BARE_DOMAINS)})(?![{W}])"  # without a path, common ones only
    rf")"
)
MENTION = rf"@[{W}]+"  # with links removed first (e-mails are links)
MENTION_ALONE = rf"(^|[^{W}@])@[{W}]+"  # when links stay: not after a word character (an e-mail)
RETWEET_PREFIX = rf"^RT @[{W}]+:?[\t\n\v\f\r ]*"  # a kept retweet's "RT @handle:" prefix
COMMON_ENTITIES = {"lt;": "<", "gt;": ">", "quot;": '"', "#39;": "'", "apos;": "'", "nbsp;": " "}
RARE_ENTITY = re.compile(r"#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;")  # "&hellip;", "&#8217;", "&#x27;"
UNICODE_SPACES = "".join(chr(c) for c in range(0x80, 0x110000) if chr(c).isspace())


def unescape_repeatedly(text: str) -> str:
    """Python's ``html.unescape`` until nothing changes: "&amp;amp;lt;" needs three rounds, five is plenty."""
    for _ in range(5):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def unescape(text: str) -> str:
    """Entities decoded: "&amp;" repeatedly, then the common ones; a rarer one sends the post to html.unescape."""
    out, i = [], 0
    while (j := text.find("&", i)) >= 0:
        out.append(text[i:j])
        q = j + 1
        while text.startswith("amp;", q):
            q += 4
        common = next((name for name in COMMON_ENTITIES if text.startswith(name, q)), None)
        if common:
            out.append(COMMON_ENTITIES[common])
            i = q + len(common)
        elif RARE_ENTITY.match(text, q):
            return unescape_repeatedly(text)
        else:
            out.append("&")
            i = q
    out.append(text[i:])
    return "".join(out)


def keep_scripts(text: str, config: CleanConfig) -> str:
    """Typography made ASCII, then every run of other scripts' characters (and of Unicode spaces) -> one space."""
    if config.normalize_punctuation:
        text = "".join(TYPOGRAPHY.get(c, c) for c in text)
    other_scripts = script_filter(config.scripts).pattern.removesuffix("+")
    return regex.sub(f"(?:{other_scripts}|[{UNICODE_SPACES}])+", " ", text)


def clean_post(text: str | None, is_retweet: bool | None, config: CleanConfig) -> tuple[int, str | None]:
    """(what happened, cleaned text) for one post, by the rules of ``config``: KEPT or the drop code."""
    if not text:
        return EMPTY, None
    prefixed = text.startswith("RT @")
    if config.drop_retweets and (is_retweet or prefixed):
        return RETWEET, None
    if not config.drop_retweets:
        text = re.sub(RETWEET_PREFIX, "", text)
    if config.unescape_html:
        text = unescape(text)
    if any(ord(c) > 0x7F for c in text):
        text = keep_scripts(text, config)
    if config.remove_urls:
        one = f"(?:{URL}|{MENTION})" if config.remove_mentions else f"(?:{URL})"
    else:
        one = None
        if config.remove_mentions:
            text = re.sub(MENTION_ALONE, r"\1", text)
    if config.collapse_whitespace:
        # A removed link or mention takes the whitespace around it along: one space is left.
        removed = f"[{WS}]*{one}(?:[{WS}]*{one})*[{WS}]*|" if one else ""
        text = re.sub(f"{removed}[{WS}]+", " ", text)
    else:
        text = re.sub(f"{one}|[{LINE_BREAKS}]+" if one else f"[{LINE_BREAKS}]+", " ", text)
    text = text.strip("\t\n\v\f\r\x1c\x1d\x1e\x1f ")
    if not text:
        return NOTHING_LEFT, text
    if len(text) < config.min_chars:
        return TOO_SHORT, text
    return KEPT, text


_MASK = (1 << 64) - 1


def text_hash(text: bytes, seed: int) -> int:
    """The 64-bit hash of a cleaned post's UTF-8 bytes that finds duplicates and picks val.txt's share.

    Eight bytes at a time (little-endian), mixed as in SplitMix64; the compiled pass computes the
    same numbers (``clean_kernel.count_and_hash``).
    """
    h = (seed ^ (len(text) * 0x9E3779B97F4A7C15)) & _MASK
    whole = len(text) - len(text) % 8
    for i in range(0, whole, 8):
        w = (int.from_bytes(text[i : i + 8], "little") * 0xBF58476D1CE4E5B9) & _MASK
        w ^= w >> 31
        h = ((h ^ w) * 0x94D049BB133111EB) & _MASK
    h = ((h ^ int.from_bytes(text[whole:], "little")) * 0x94D049BB133111EB) & _MASK
    for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        h ^= h >> 33
        h = (h * multiplier) & _MASK
    return h ^ (h >> 33)


def hash_seed(seed: int) -> int:
    """The 64-bit seed of ``text_hash`` for the config's ``seed``."""
    return int(hashlib.md5(str(seed).encode()).hexdigest()[:16], 16)


@dataclass
class Lines:
    """The kept posts of a batch headed for one file (train.txt or val.txt), in input order."""

    lines: pa.Array  # large_string: each post's line, ``START + text + END + "\\n"``
    rows: np.ndarray  # int64: each post's row in the batch
    hashes: np.ndarray  # uint64: ``text_hash`` of each post's cleaned text (dedup; it also chose the file)
    lengths: np.ndarray  # int32: characters of each post's cleaned text


@dataclass
class CleanResult:
    """One batch after the per-post rules (what ``clean_batch`` and the compiled pass return)."""

    codes: np.ndarray  # uint8 per input row: KEPT or why the post was dropped (duplicates are judged later)
    lengths_before: np.ndarray  # int32 per input row: characters of the post as stored (0 when empty)
    train: Lines
    val: Lines  # the posts whose hash puts them in the held-out share
    memory: list = dataclasses.field(default_factory=list, repr=False)  # the compiled pass's reused arrays


def clean_batch(text: pa.Array, is_retweet: pa.Array | None, config: CleanConfig, seed: int = 0, val_cut: int = 0) -> CleanResult:
    """``clean_post`` on every post of a batch; a kept post goes to val when its hash % 10**6 < ``val_cut``."""
    texts = text.to_pylist()
    retweets = [None] * len(texts) if is_retweet is None else is_retweet.to_pylist()
    codes = np.zeros(len(texts), np.uint8)
    before = np.array([len(value) if value else 0 for value in texts], np.int32)
    files: tuple[list, list] = ([], []), ([], [])  # ((rows, lines), ...) for train and val
    hashes: tuple[list, list] = ([], [])
    lengths: tuple[list, list] = ([], [])
    for row, (value, retweet) in enumerate(zip(texts, retweets, strict=True)):
        codes[row], cleaned = clean_post(value, retweet, config)
        if codes[row] != KEPT:
            continue
        digest = text_hash(cleaned.encode(), seed)
        file = int(digest % 1_000_000 < val_cut)
        files[file][0].append(row)
        files[file][1].append(f"{START}{cleaned}{END}\n")
        hashes[file].append(digest)
        lengths[file].append(len(cleaned))
    train, val = (
        Lines(
            pa.array(files[k][1], pa.large_string()),
            np.array(files[k][0], np.int64),
            np.array(hashes[k], np.uint64),
            np.array(lengths[k], np.int32),
        )
        for k in (0, 1)
    )
    return CleanResult(codes, before, train, val)
