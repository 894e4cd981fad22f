"""The rules of 04_clean: its settings, its tables, and the rules themselves written plainly, post by post.

    >>> config = CleanConfig(min_chars=0)
    >>> clean_post("Roads &amp;amp; rails 🔥 https://t.co/x1 @PetroMin, again!", None, config)
    (0, 'Roads & rails, again!')
    >>> clean_post("Thanks @rail_desk, the 9:40 came (1/2)", None, config)
    (0, 'Thanks, the 9:40 came')
    >>> clean_post("RT @b: not mine", None, config)
    (2, None)

``clean_post`` is the specification: slow and obvious on purpose, one regular expression per rule.
The stage (``botbaby.clean``) applies it as it is to small corpora, and a compiled pass
(``botbaby.clean_kernel``) that must agree with it to big ones; ``tests/clean/test_kernel.py``
checks the two against each other on generated messy posts.

The rules, in the order they apply (each one a setting of ``CleanConfig``):

1. ``prepare``: Unicode NFKC (𝐛𝐨𝐥𝐝 and ｆｕｌｌ-width letters become plain ones, '…' becomes '...');
   app boilerplate is dropped (``APP_POSTS``); thread markers go ("(1/2)", "1/n", "2/"); a link
   cut off before an ellipsis ("h…", "htt…", "https:/…") leaves only the ellipsis; punctuation glued
   to mentions that open a post goes with them (".@x says" -> "says", "@a @b: hi" -> "hi").
2. Retweets are dropped (or their "RT @handle:" prefix stripped); HTML entities are unescaped.
3. The script rule: typographic quotes and dashes become ASCII, then characters outside ASCII, the
   kept scripts and (``keep_symbols``) currency and common signs become a space; a ZWJ/ZWNJ between
   two letters of a kept non-Latin script stays. A post that lost at least ``other_script_share``
   of its characters this way, or is left with less than half letters, is dropped (``other_script``).
4. Links (only known endings make "word.word" a link: ``bare_domains``) and @mentions go;
   whitespace is collapsed and trimmed, and where a link or mention went no space is left before
   , . ; ! ? or ) ("hi @x, there" -> "hi, there").
5. Posts that still end in an ellipsis were cut off by the exporter and are dropped (``truncated``);
   then posts shorter than ``min_chars``.

The stage then drops duplicates, by ``text_hash`` of the ``dedup_key`` (the text lower-cased,
without punctuation and digits, with ``drop_near_duplicates``), and holds out a share of the posts
by the same hash. Whitespace is what ``str.isspace`` says of ASCII; ``\\w`` means ASCII word characters.
"""

import dataclasses
import functools
import hashlib
import html
import re
import unicodedata
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
KEPT, EMPTY, RETWEET, NOTHING_LEFT, TOO_SHORT, BOILERPLATE, OTHER_SCRIPT, TRUNCATED = range(8)
CODE_REASONS = {
    EMPTY: "empty",  # no text at all
    BOILERPLATE: "boilerplate",  # written by an app (APP_POSTS)
    RETWEET: "retweet",
    NOTHING_LEFT: "nothing_left",  # nothing but links, mentions and spaces
    OTHER_SCRIPT: "other_script",  # mostly in scripts not kept: what was left was debris
    TRUNCATED: "truncated",  # ends in an ellipsis: cut off by the exporter
    TOO_SHORT: "too_short",
}
DROP_REASONS = (*CODE_REASONS.values(), "duplicate")

# Typographic characters with an ASCII equivalent, so removing non-kept scripts does not eat them.
TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",  # curly single quotes, prime
    "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',  # curly double quotes
    "\u2013": "-", "\u2014": " - ", "\u2212": "-",  # en dash, em dash, minus
    "\u2026": "...",  # ellipsis
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",  # non-breaking and thin spaces
}  # fmt: skip

# Signs kept whatever the scripts (``keep_symbols``): every currency sign (£ € ¥ ₹ ...), and these.
SYMBOLS = r"\p{Sc}°±×÷§¶©®•·‰"
JOINERS = "\u200c\u200d"  # ZWNJ and ZWJ: they choose how Indic (and Arabic) letters join
NOT_JOINING = {"ascii", "latin", "latn", "common", "zyyy", "inherited", "zinh"}  # scripts a joiner is not kept in

# Endings that make "word.word" a link without a path, tried in this order. Not "in" or "news" alone:
# "win-win.in the end" is a missing space, not a link ("x.co.in/path" and "x.in/path" are links anyway).
BARE_DOMAINS = (
    "co.in", "gov.in", "nic.in", "org.in", "ac.in", "net.in", "co.uk", "org.uk", "gov.uk", "ac.uk",
    "com", "org", "net", "io", "ly", "gov", "edu", "info", "tv",
)  # fmt: skip

# Posts written by an app, not the author (``drop_boilerplate``), checked after NFKC. Each needs its
# trigger in BOILERPLATE_TRIGGER (a cheap test the stage runs on every post first).
APP_POSTS = {
    "periscope": re.compile(r"#Periscope\b"),  # "LIVE on #Periscope: ..." broadcasts
    "foursquare": re.compile(r"^I['’]m at .+https?://"),  # Swarm check-ins: "I'm at Cafe in Pune https://..."
    "instagram": re.compile(r"^Just posted a (?:photo|video)\b"),  # Instagram's cross-post line
    "youtube": re.compile(r"I (?:liked|added) a (?:@YouTube video|video to a @YouTube playlist)|via @YouTube\s*$"),
}
BOILERPLATE_TRIGGER = "#Periscope|I'm at |I’m at |Just posted a |@YouTube"

# A thread's numbering: "(1/2)" anywhere, "1/n", "2/" or "1/5" at the start or the end (before
# links). "24/7" is no marker: the first number must not exceed the second.
THREAD_TRIGGER = "[0-9]/"
_THREAD_MARKER = re.compile(
    r"\((?P<p>[0-9]{1,2})/(?P<q>[0-9]{1,2}|n)\)"  # (1/2) anywhere
    r"|^[\t\n\v\f\r ]*(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2}|n)?(?=[\t\n\v\f\r ]|$)"  # 1/ at the start
    r"|(?<=[\t\n\v\f\r ])(?P<x>[0-9]{1,2})/(?P<y>[0-9]{1,2}|n)?(?=(?:[\t\n\v\f\r ]+https?://\S*)*[\t\n\v\f\r ]*$)",
    re.ASCII,
)

# A link cut off before an ellipsis: "h…" "ht..." "htt…" "http…" "https…" "https:/…", after a space.
LINK_STUB_TRIGGER = r"\.\.\.|…"
_LINK_STUB = re.compile(r"(?<![^\t\n\v\f\r\x1c-\x1f ])(?:h|ht|htt|https?|https?:/{0,2})(…|\.\.\.)", re.IGNORECASE)

WS = "\t\n\v\f\r\x1c-\x1f "  # ASCII whitespace (a character class body)
LINE_BREAKS = "\n\v\f\r\x1c-\x1e"  # what str.splitlines() splits on in ASCII
W = "A-Za-z0-9_"  # \w

# Punctuation left by mentions that open a post: ".@x says", "@a @b: hi".
MENTION_TRIGGER = rf"^[{WS}]*[.,:;]|^[{WS}]*(?:@[{W}]+[{WS}]*)+[.,:;]"
_LEADING_MENTIONS = re.compile(rf"^[{WS}]*(?:[.,:;]+[{WS}]*)?(?:@[{W}]+(?:[.,:;]+(?=[{WS}]|$))?[{WS}]*)+")
CLOSING = ",.;!?)"  # no space before these where a link or mention was removed


@dataclass
class CleanConfig(StageConfig):
    """The cleaning rules for one side; defaults follow the original bot-baby, plus the scar removers."""

    drop_retweets: bool = True  # retweets are someone else's voice ("is_retweet" column or an "RT @" prefix)
    unescape_html: bool = True  # &amp; &lt; &#39; ... decoded repeatedly, so "&amp;amp;" becomes "&"
    normalize_unicode: bool = True  # NFKC first: mathematical bold, full-width and ligature letters become plain ones
    drop_boilerplate: bool = True  # posts written by an app: Periscope, Swarm "I'm at", Instagram, YouTube likes
    remove_thread_markers: bool = True  # "(1/2)" anywhere, "1/n", "2/", "1/5" at the start or the end
    remove_link_stubs: bool = True  # a link cut off before an ellipsis ("h…", "htt…", "https:/…") leaves the ellipsis
    remove_urls: bool = True  # http(s)://..., www...., t.co/abc, example.com/path, example.com, e-mails
    bare_domains: tuple[str, ...] = BARE_DOMAINS  # endings that make "word.word" a link without a path
    remove_mentions: bool = True  # @handle anywhere in the post (e-mail addresses are URLs above)
    tidy_punctuation: bool = True  # no "." left by a removed ".@x", no space left before , . ; ! ? ) by a removed link
    normalize_punctuation: bool = True  # curly quotes, dashes, '…' -> ASCII before the script rule
    scripts: tuple[str, ...] = ("latin",)  # kept besides ASCII: latin, devanagari, ...; ascii alone = the original
    keep_symbols: bool = True  # currency signs (£ € ₹ ...) and ° ± × ÷ § © ® • stay whatever the scripts
    keep_joiners: bool = True  # ZWJ/ZWNJ between two letters of a kept non-Latin script stay (Devanagari words)
    other_script_share: float = setting(0.5, low=0, high=1)  # drop a post that lost this share of characters to the script rule (1: off)
    collapse_whitespace: bool = True  # runs of whitespace -> one space (line breaks always become spaces)
    drop_truncated: bool = True  # posts that end in "..." or "…" after cleaning: cut off by an exporter
    min_chars: int = setting(50, low=0, high=10_000)  # posts shorter than this after cleaning are dropped (characters)
    drop_duplicates: bool = True  # identical cleaned posts are kept once (8 to 12 bytes of memory per kept post)
    drop_near_duplicates: bool = True  # ... and posts equal once lower-cased without punctuation and digits
    val_share: float = setting(0.05, low=0, high=0.5)  # share of posts held out in val.txt, chosen by a hash of the text
    seed: int = 0  # changes which posts the hash puts in val.txt
    examples: int = setting(20, low=0, high=1000)  # dropped posts shown per reason in clean_stats.json
    punkt_sample_chars: int = setting(100_000, low=0)  # the sentence splitter trains on at most this many characters
    batch_size: int = setting(65_536, low=1)  # posts per record batch; memory use scales with this, not with the corpus
    workers: int = setting(2, low=1)  # batches the compiled pass cleans at once (threads: it releases the GIL)
    compiled_pass: Literal["auto", "always", "never"] = "auto"  # auto: when built; else built in the background (over 40 MB)

    def __post_init__(self) -> None:
        super().__post_init__()  # types and ranges: "latin,devanagari" or a list becomes a tuple
        self.scripts = tuple(name.lower() for name in self.scripts)
        self.bare_domains = tuple(name.lower().strip(".") for name in self.bare_domains)

    def validate(self) -> None:
        if not self.scripts:
            raise ConfigError('scripts must name at least one script, e.g. ("latin",) or ("ascii",)')
        script_filter(self.scripts)  # raises ConfigError for an unknown script name
        for domain in self.bare_domains:
            if not re.fullmatch(r"[a-z]{2,}(?:\.[a-z]{2,})*", domain.lower().strip(".")):
                raise ConfigError(f"bare_domains: {domain!r} is not a domain ending such as com or co.in")


# Settings that change how fast the same output is made, not the output.
SPEED_SETTINGS = ("batch_size", "workers", "compiled_pass")


def script_filter(scripts: tuple[str, ...], keep_symbols: bool = False) -> "regex.Pattern[str]":
    """The definition of the script rule: runs of characters outside ASCII and the given scripts.

    Scripts are Unicode Script_Extensions names (so the Devanagari danda '।' counts as Devanagari);
    ``"ascii"`` adds nothing beyond ASCII. The compiled pass applies the same rule from a table of
    every code point (``clean_tables.code_point_classes``).

        >>> script_filter(("latin",)).sub(" ", "great🔥stuff, café £5")
        'great stuff, café  5'
        >>> script_filter(("latin", "devanagari"), keep_symbols=True).sub(" ", "मोदी जी।🙏 £5")
        'मोदी जी।  £5'
    """
    classes = "".join(rf"\p{{scx={name}}}" for name in scripts if name != "ascii")
    try:
        return regex.compile(rf"[^\x00-\x7F{classes}{SYMBOLS if keep_symbols else ''}]+")
    except regex.error as exc:
        raise ConfigError(
            f"unknown script in {list(scripts)}: use Unicode script names such as latin, devanagari"
        ) from exc


def joining_letters(scripts: tuple[str, ...]) -> str:
    """A character class body: letters of the kept scripts a ZWJ/ZWNJ may join ("" when none)."""
    return "".join(rf"\p{{scx={name}}}" for name in scripts if name not in NOT_JOINING)


@functools.cache
def url_pattern(bare_domains: tuple[str, ...]) -> str:
    """The link rule as a regular expression: e-mails, schemes, www., and bare domains with known endings."""
    endings = "|".join(re.escape(domain) for domain in bare_domains) or "(?!)"
    return (
        rf"(?ai:"  # ASCII only: without "a", Python's re lets ſ match s and K match k
        rf"[{W}.+-]+@[{W}-]+(?:\.[{W}-]+)+"  # e-mail addresses
        rf"|https?(?::|…|\.\.\.)[^{WS}]*"  # http://..., https://..., and truncated ones ("https:/", "http…")
        rf"|www\.[^{WS}]+"  # www.example.com/path without a scheme
        rf")"
        # Bare domains: a lower-case top-level domain, so "Mr.Modi/BJP" (a missing space) is not a link.
        rf"|[{W}-]+(?:\.[{W}-]+)*\.(?:"
        rf"[a-z]{{2,}}/[^{WS}]*"  # with a path: t.co/abc, example.com/path
        rf"|(?:{endings})(?![{W}])"  # without a path: known endings only
        rf")"
    )


MENTION = rf"@[{W}]+"  # with links removed first (e-mails are links)
MENTION_ALONE = rf"(^|[^{W}@])@[{W}]+"  # when links stay: not after a word character (an e-mail)
RETWEET_PREFIX = rf"^RT @[{W}]+:?[\t\n\v\f\r ]*"  # a kept retweet's "RT @handle:" prefix
COMMON_ENTITIES = {"lt;": "<", "gt;": ">", "quot;": '"', "#39;": "'", "apos;": "'", "nbsp;": " "}
RARE_ENTITY = re.compile(r"#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;")  # "&hellip;", "&#8217;", "&#x27;"
# Every character above ASCII that str.isspace() calls whitespace (tests/clean/test_kernel.py derives it
# from Python afresh; computing it here cost a tenth of a second on every import).
UNICODE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def candidates(config: CleanConfig) -> str | None:
    """A regular expression (RE2 and Python alike) matching every post ``prepare`` may change without NFKC.

    The compiled path runs ``prepare`` only on the posts it matches; posts NFKC would change are
    found by the compiled pass and cleaned by ``clean_post`` whole.
    """
    triggers = [
        BOILERPLATE_TRIGGER if config.drop_boilerplate else "",
        THREAD_TRIGGER if config.remove_thread_markers else "",
        LINK_STUB_TRIGGER if config.remove_link_stubs else "",
        MENTION_TRIGGER if config.tidy_punctuation and config.remove_mentions else "",
    ]
    return "|".join(trigger for trigger in triggers if trigger) or None


def _thread_marker(match: re.Match) -> str:
    first = match.group("p") or match.group("a") or match.group("x")
    second = match.group("q") or match.group("b") or match.group("y")
    if second not in (None, "n") and not 1 <= int(first) <= int(second):
        return match.group(0)  # "24/7", "5/3": not a thread's numbering
    return " "


def prepare(text: str, config: CleanConfig) -> tuple[int, str]:
    """Step 1 on the stored text: (KEPT, the text) or (BOILERPLATE or NOTHING_LEFT, "")."""
    if config.normalize_unicode:
        text = unicodedata.normalize("NFKC", text)
    if config.drop_boilerplate and re.search(BOILERPLATE_TRIGGER, text):
        if any(pattern.search(text) for pattern in APP_POSTS.values()):
            return BOILERPLATE, ""
    if config.remove_thread_markers and re.search(THREAD_TRIGGER, text):
        text = _THREAD_MARKER.sub(_thread_marker, text)
    if config.remove_link_stubs and re.search(LINK_STUB_TRIGGER, text):
        text = _LINK_STUB.sub(r"\1", text)
    if config.tidy_punctuation and config.remove_mentions and re.search(MENTION_TRIGGER, text):
        text = _LEADING_MENTIONS.sub("", text, count=1)
    return (KEPT, text) if text else (NOTHING_LEFT, "")


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


def keep_scripts(text: str, config: CleanConfig) -> tuple[str, int]:
    """The script rule: (the text, how many characters it removed, spaces above ASCII not counted)."""
    if config.normalize_punctuation:
        text = "".join(TYPOGRAPHY.get(c, c) for c in text)
    other = script_filter(config.scripts, config.keep_symbols).pattern.removesuffix("+")
    joining = joining_letters(config.scripts) if config.keep_joiners else ""
    if joining:  # a joiner between two joining letters is kept
        other = rf"(?!(?<=[{joining}])[{JOINERS}](?=[{joining}])){other}"
    removed = len(regex.findall(rf"(?![{UNICODE_SPACES}]){other}", text))
    return regex.sub(f"(?:{other}|[{UNICODE_SPACES}])+", " ", text), removed


def is_debris(text: str, removed: int, config: CleanConfig) -> bool:
    """Whether a post the script rule took ``removed`` characters from is left as debris."""
    if not removed or config.other_script_share >= 1:
        return False
    letters = sum(1 for c in text if not c.isascii() or c.isalpha())
    permille = round(config.other_script_share * 1000)
    return removed * 1000 >= permille * (removed + len(text)) or 2 * letters < len(text)


def clean_post(text: str | None, is_retweet: bool | None, config: CleanConfig) -> tuple[int, str | None]:
    """(what happened, cleaned text) for one post, by the rules of ``config``: KEPT or the drop code."""
    if not text:
        return EMPTY, None
    code, text = prepare(text, config)
    if code != KEPT:
        return code, None
    prefixed = text.startswith("RT @")
    if config.drop_retweets and (is_retweet or prefixed):
        return RETWEET, None
    if not config.drop_retweets:
        text = re.sub(RETWEET_PREFIX, "", text)
    if config.unescape_html:
        text = unescape(text)
    removed = 0
    if not text.isascii():
        text, removed = keep_scripts(text, config)
    url = url_pattern(config.bare_domains)
    if config.remove_urls:
        one = f"(?:{url}|{MENTION})" if config.remove_mentions else f"(?:{url})"
    else:
        one = None
        if config.remove_mentions:
            text = re.sub(MENTION_ALONE, r"\1", text)
    if config.collapse_whitespace:
        # A removed link or mention takes the whitespace around it along: one space is left, or
        # none before closing punctuation.
        run = f"(?P<run>[{WS}]*{one}(?:[{WS}]*{one})*[{WS}]*)|" if one else ""
        tidy = bool(one) and config.tidy_punctuation

        def space(match: re.Match) -> str:
            closing = match.end() < len(text) and text[match.end()] in CLOSING
            return "" if tidy and match.group("run") and closing else " "

        text = re.sub(f"{run}(?P<ws>[{WS}]+)", space, text)
    else:
        text = re.sub(f"{one}|[{LINE_BREAKS}]+" if one else f"[{LINE_BREAKS}]+", " ", text)
    text = text.strip("\t\n\v\f\r\x1c\x1d\x1e\x1f ")
    if not text:
        return (OTHER_SCRIPT if removed else NOTHING_LEFT), text
    if is_debris(text, removed, config):
        return OTHER_SCRIPT, text
    if config.drop_truncated and text.endswith(("...", "…")):
        return TRUNCATED, text
    if len(text) < config.min_chars:
        return TOO_SHORT, text
    return KEPT, text


def dedup_key(text: str, config: CleanConfig) -> str:
    """What duplicates are judged (and val.txt chosen) by: the text, or with ``drop_near_duplicates``
    the text with ASCII letters lower-cased, ASCII punctuation and digits removed and spaces collapsed.

        >>> dedup_key("Petrol at Rs.100, AGAIN!!", CleanConfig())
        'petrol at rs again'
    """
    if not config.drop_near_duplicates:
        return text
    kept = re.sub(r"[!-/0-9:-@\[-`{-~]", "", text).translate(_ASCII_LOWER)
    return " ".join(part for part in re.split(f"[{WS}]+", kept) if part)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_MASK = (1 << 64) - 1


def text_hash(text: bytes, seed: int) -> int:
    """The 64-bit hash of a cleaned post's UTF-8 bytes that finds duplicates and picks val.txt's share.

    Eight bytes at a time (little-endian), mixed as in SplitMix64; the compiled pass computes the
    same numbers (``clean_kernel_numba.text_digest``).
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
        digest = text_hash(dedup_key(cleaned, config).encode(), seed)
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
