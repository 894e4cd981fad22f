"""The tables the compiled pass of 04_clean reads, built in Python from a ``CleanConfig``, and its codes.

    >>> from botbaby.clean_rules import CleanConfig
    >>> classes, combining = code_point_classes(CleanConfig(scripts=("latin", "devanagari")))
    >>> [int(classes[ord(c)]) for c in "éकЖ"] == [KEPT_CHAR, JOINING, REMOVED]  # Latin, Devanagari, Cyrillic
    True

``botbaby.clean_kernel_numba`` holds the pass itself (numba code); ``botbaby.clean_kernel`` runs it
on Arrow batches. Both take their shared vocabulary from here, which imports no numba: what a code
point is under the script rule, which bytes stop the scan, which may start a trigger of
``clean_rules.prepare``, what the near-duplicate key keeps of each byte, and the two codes the pass
gives posts it hands back to Python.
"""

import functools
import unicodedata

import numpy as np
import regex

from botbaby.clean_rules import CODE_REASONS, JOINERS, KEPT, TYPOGRAPHY, CleanConfig, joining_letters, script_filter

NEEDS_PYTHON = 255  # a code of the pass alone: a rare HTML entity, or characters NFKC would change
NEEDS_PREPARE = 254  # ... a trigger of ``clean_rules.prepare`` matched: Python prepares the post
assert set(CODE_REASONS) | {KEPT} == set(range(8))

# Classes of code points above ASCII (the table built by ``code_point_classes``): removed by the
# script rule, kept, made ASCII by typography, kept and joinable by a ZWJ/ZWNJ, a ZWJ/ZWNJ, a space.
REMOVED, KEPT_CHAR, TYPOGRAPHY_CHAR, JOINING, JOINER, SPACE = range(6)
NFKC_UNSAFE = 0x80  # flag: NFKC may change a post holding this character (quick check "No" or "Maybe")
# What str.isspace() calls whitespace above ASCII (a test checks the list against Python).
UNICODE_SPACES = [0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]


def code_point_classes(config: CleanConfig) -> tuple[np.ndarray, np.ndarray]:
    """For every code point its class under the script rule (plus the NFKC_UNSAFE flag), and its
    canonical combining class where that is not 0 (NFKC's quick check needs the order of marks)."""
    return _code_point_classes(
        config.scripts, config.keep_symbols, config.keep_joiners, config.normalize_punctuation, config.normalize_unicode
    )


@functools.cache
def _code_point_classes(scripts, keep_symbols, keep_joiners, normalize_punctuation, normalize_unicode):
    codes = np.concatenate([np.arange(0x80, 0xD800), np.arange(0xE000, 0x110000)]).astype("<u4")
    every = codes.tobytes().decode("utf-32-le")

    def points(pattern: str) -> np.ndarray:
        return np.frombuffer("".join(regex.findall(pattern, every)).encode("utf-32-le"), dtype="<u4")

    classes = np.zeros(0x110000, dtype=np.uint8)
    classes[:0x80] = KEPT_CHAR
    kept = script_filter(scripts, keep_symbols).sub("", every)
    classes[np.frombuffer(kept.encode("utf-32-le"), dtype="<u4")] = KEPT_CHAR
    joining = joining_letters(scripts) if keep_joiners else ""
    if joining:
        classes[points(f"[{joining}]")] = JOINING
        joiners = np.array([ord(c) for c in JOINERS])
        classes[joiners[classes[joiners] == REMOVED]] = JOINER
    classes[UNICODE_SPACES] = SPACE  # whitespace above ASCII becomes a plain space, kept script or not
    if normalize_punctuation:
        classes[[ord(c) for c in TYPOGRAPHY]] = TYPOGRAPHY_CHAR
    combining = np.zeros(0x110000, dtype=np.uint8)
    if normalize_unicode:
        classes[points(r"[\p{NFKC_QC=N}\p{NFKC_QC=M}]")] |= NFKC_UNSAFE
        marks = regex.findall(r"[^\p{ccc=0}]", every)
        combining[[ord(c) for c in marks]] = [unicodedata.combining(c) for c in marks]
    return classes, combining


@functools.cache
def domain_tables(bare_domains: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The bare-domain endings back to back as bytes, and where each starts."""
    data = np.frombuffer("".join(bare_domains).encode() or b" ", np.uint8).copy()
    return data, np.cumsum([0] + [len(d) for d in bare_domains]).astype(np.int64)


@functools.cache
def typography_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    points = np.array([ord(c) for c in TYPOGRAPHY], dtype=np.int64)
    offsets = np.cumsum([0] + [len(v) for v in TYPOGRAPHY.values()]).astype(np.int64)
    values = np.frombuffer("".join(TYPOGRAPHY.values()).encode("ascii"), np.uint8).copy()
    return points, offsets, values


def triggers(config) -> np.ndarray:
    """The byte tables ``scan`` stops at: [0:256] always, [256:512] if the next byte is in [512:768].

    Always: whitespace other than a space, and the bytes every link or mention has ('@', '.', ':',
    and the first byte of '…' after "http"); a space only before more whitespace or at the end.
    """
    table = np.zeros(768, dtype=np.uint8)
    table[[9, 10, 11, 12, 13, 28, 29, 30, 31]] = 1
    table[256 + 32] = 1
    table[[512 + b for b in (9, 10, 11, 12, 13, 28, 29, 30, 31, 32)]] = 1
    if config.remove_mentions or config.remove_urls:
        table[ord("@")] = 1
    if config.remove_urls:
        table[[ord("."), ord(":"), 0xE2]] = 1
    return table


# What a byte may start among the triggers of ``prepare`` (``has_trigger``), 0 for most bytes.
SLASH, DOT, ELLIPSIS, HASH, AT, CAPITAL_I, CAPITAL_J = range(1, 8)


@functools.cache
def prepare_starts(apps: bool, threads: bool, stubs: bool) -> np.ndarray:
    """Per byte, which trigger of ``prepare`` it may start (``has_trigger``'s table), as configured."""
    table = np.zeros(256, dtype=np.uint8)
    if threads:
        table[ord("/")] = SLASH
    if stubs:
        table[[ord("."), 0xE2]] = DOT, ELLIPSIS
    if apps:
        table[[ord("#"), ord("@"), ord("I"), ord("J")]] = HASH, AT, CAPITAL_I, CAPITAL_J
    return table


def key_table() -> np.ndarray:
    """Per byte, what ``near_key`` writes: -1 nothing (ASCII punctuation, digits), -2 a space, else the byte."""
    table = np.arange(256, dtype=np.int16)
    table[[c for c in range(33, 127) if not chr(c).isalpha()]] = -1
    table[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = -2
    table[65:91] += 32  # A-Z -> a-z
    return table


KEY_TABLE = key_table()


# The compiled pass's entry points and their signatures, in numba's notation: "i8" int64, "u8" uint64, "u1" uint8,
# "b1" bool, "[::1]" a C-contiguous array ("[:, ::1]" two-dimensional), which are NumPy's dtype codes too. An
# ahead-of-time build exports exactly these, and ``clean_kernel`` checks every call against them: compiled code
# trusts what it is given, and numba's JIT would compile another version for anything else.
ENTRY_POINTS = {
    "clean_rows": "none("
    "i8[::1], u1[::1], b1[::1], b1[::1], i8, i8, u8, u8, "  # the posts, retweet flags, rule flags and numbers
    "u1[::1], u1[::1], i8[::1], i8[::1], u1[::1], "  # code point classes and combining classes, typography
    "u1[::1], u1[::1], u1[::1], u1[::1], i8[::1], i2[::1], u1[::1], "  # line ends, scan, domain, key, prepare tables
    "u1[::1], i4[::1], u1[::1], u1[::1], i8[::1], i8[::1], "  # codes, lengths before, train/val bytes and offsets
    "i8[:, ::1], u8[:, ::1], i4[:, ::1], i8[::1])",  # rows, hashes, lengths per file, counts
    "merge_new": "i8(u8[::1], i8, u8[::1], b1[::1])",
    "gather_lines": "i8(u1[::1], i8[::1], b1[::1], u1[::1])",
}
