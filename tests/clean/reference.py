"""The rules of 04_clean written plainly, one post at a time, with regular expressions.

This is the specification the compiled pass (``botbaby.clean_kernel``) is checked against: slow and
obvious on purpose. Whitespace is what ``str.isspace`` says of ASCII; ``\\w`` is ASCII word characters.
"""

import html
import re

import regex

from botbaby.clean import _TYPOGRAPHY, CleanConfig, script_filter

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
    rf"|(?:com|in|org|net|io|ly|gov|edu|info|news|tv)(?![{W}])"  # without a path, common ones only
    rf")"
)
MENTION = rf"@[{W}]+"  # with links removed first (e-mails are links)
MENTION_ALONE = rf"(^|[^{W}@])@[{W}]+"  # when links stay: not after a word character (an e-mail)
RETWEET_PREFIX = rf"^RT @[{W}]+:?[\t\n\v\f\r ]*"
COMMON_ENTITIES = {"lt;": "<", "gt;": ">", "quot;": '"', "#39;": "'", "apos;": "'", "nbsp;": " "}
RARE_ENTITY = re.compile(r"#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;")
UNICODE_SPACES = "".join(chr(c) for c in range(0x80, 0x110000) if chr(c).isspace())

KEPT, EMPTY, RETWEET, NOTHING_LEFT, TOO_SHORT = 0, 1, 2, 3, 4


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
            for _ in range(5):
                decoded = html.unescape(text)
                if decoded == text:
                    break
                text = decoded
            return text
        else:
            out.append("&")
            i = q
    out.append(text[i:])
    return "".join(out)


def keep_scripts(text: str, config: CleanConfig) -> str:
    """Typography made ASCII, then every run of other scripts' characters (and of Unicode spaces) -> one space."""
    if config.normalize_punctuation:
        text = "".join(_TYPOGRAPHY.get(c, c) for c in text)
    other_scripts = script_filter(config.scripts).pattern.removesuffix("+")
    return regex.sub(f"(?:{other_scripts}|[{UNICODE_SPACES}])+", " ", text)


def clean_post(text: str | None, is_retweet: bool | None, config: CleanConfig) -> tuple[int, str | None]:
    """(what happened, cleaned text) for one post, by the rules of ``config``."""
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
