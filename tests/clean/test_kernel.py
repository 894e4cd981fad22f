"""The compiled pass of 04_clean does what the plainly written rules say (botbaby.clean_rules)."""

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botbaby import clean_rules as reference
from botbaby.clean_kernel import clean_batch
from botbaby.clean_rules import CODE_REASONS, KEPT, CleanConfig
from botbaby.layout import END, START

# Pieces real posts are made of, the awkward ones over-represented: links with and without a scheme,
# e-mails, mentions, entities (common, rare, escaped twice), emoji, other scripts, typography,
# every kind of whitespace.
PIECES = [
    "fuel", "Price", "the", "x", "_", "-", "+", "2019", "e.g.", "Rs.100", "3.5/10", "and/or", "Mr.Modi/BJP",
    "http", "https", "HTTP", "://", ":", "/", ".", "..", "...", "…", "www", "WWW.", "www.", ".com", ".in", ".info",
    ".co/", "t.co/x1", "example.com", "a.b.c", "com", "in", "@", "@user", "@@x", "me@example.org", "a@b", "x.y@z.io",
    "&", "&amp;", "&amp;amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;", "&nbsp;", "&hellip;", "&#8217;", "&#x27;",
    "&c", "&amp", "RT @news: ", "RT @", "🔥", "🇮🇳", "👨‍👩‍👧", "जय", "हिंद।", "café", "Zürich", "ß", "’", "“", "”", "—", "–",
    "₹", "ſ", "İ", "ı", "\u212a", "\u00a0", "\u2009", "\u3000", "\u2028", "\x85", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\v", "\x1c", "\x1f",
    # the scars of real exports: thread markers, cut links, app lines, symbols, joiners, NFKC, near-duplicates
    "(1/2)", "1/n", "2/", "1/5", "24/7", "3/", ".@", "@x,", "@x.", "@a @b:", ": ", ", ", "h…", "ht...", "htt…", "https:/…",
    "#Periscope", "I'm at ", "I’m at ", " in ", "Just posted a photo", "@YouTube", "via @YouTube", "I liked a @YouTube video",
    "£5", "€10", "30°C", "©", "win-win.in", "x.co.in", "gov.uk", ".io", "\u200d", "\u200c", "क्", "ष", "ि", "\u093c", "ज़",
    "𝐁𝐨𝐥𝐝", "ｆｕｌｌ", "ﬁ", "e\u0301", "\u0301\u0327", "Ⅻ", "…", "...", "AB", "ab", "!", "5",
]  # fmt: skip
CONFIGS = [
    {},
    {"drop_retweets": False},
    {"remove_urls": False},
    {"remove_mentions": False},
    {"remove_urls": False, "remove_mentions": False},
    {"collapse_whitespace": False},
    {"collapse_whitespace": False, "remove_urls": False},
    {"collapse_whitespace": False, "drop_retweets": False, "scripts": ("latin", "common")},
    {"unescape_html": False},
    {"normalize_punctuation": False},
    {"scripts": ("ascii",)},
    {"scripts": ("latin", "devanagari"), "drop_retweets": False},
    {"min_chars": 12},
    {"normalize_unicode": False},
    {"keep_symbols": False, "scripts": ("latin", "devanagari")},
    {"keep_joiners": False, "scripts": ("latin", "devanagari")},
    {"drop_truncated": False, "other_script_share": 1.0},
    {"other_script_share": 0.2, "drop_near_duplicates": False},
    {"tidy_punctuation": False, "remove_thread_markers": False},
    {"drop_boilerplate": False, "remove_link_stubs": False, "normalize_punctuation": False},
    {"bare_domains": ("com", "in"), "remove_mentions": False},
]
posts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=14).map("".join)


def kernel_results(texts, retweets, config, val_cut=300_000):
    """(code, text, length, length before, hash) per post, with kept posts gathered back from both files."""
    result = clean_batch(pa.array(texts, pa.string()), pa.array(retweets, pa.bool_()), config, val_cut=val_cut)
    kept = {}
    for lines in (result.train, result.val):
        columns = lines.rows.tolist(), lines.lines.to_pylist(), lines.lengths.tolist(), lines.hashes.tolist()
        for row, line, length, digest in zip(*columns, strict=True):
            kept[row] = (line.removeprefix(START).removesuffix(END + "\n"), length, digest)
    for lines in (result.train, result.val):
        assert np.all(np.diff(lines.rows) > 0)  # in input order
    for i, code in enumerate(result.codes.tolist()):
        assert (code == KEPT) == (i in kept)
        text, length, digest = kept.get(i, (None, None, None))
        yield code, text, length, int(result.lengths_before[i]), digest


@pytest.mark.parametrize("values", CONFIGS, ids=lambda v: ",".join(f"{k}={v}" for k, v in v.items()) or "default")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(st.tuples(st.one_of(st.none(), posts), st.sampled_from([None, False, True])), min_size=1))
def test_the_compiled_pass_follows_the_written_rules(values, batch):
    config = CleanConfig.from_dict({"min_chars": 0} | values)
    texts, retweets = [t for t, _ in batch], [r for _, r in batch]
    for (text, retweet), got in zip(batch, kernel_results(texts, retweets, config), strict=True):
        code, expected = reference.clean_post(text, retweet, config)
        assert got[0] == code, (text, got, expected)
        if code == KEPT:
            assert got[1] == expected, text
            assert got[2] == len(expected)
            assert got[4] == reference.text_hash(reference.dedup_key(expected, config).encode(), 0), text
        assert got[3] == (len(text) if text else 0)


def test_the_whitespace_list_is_pythons():
    from botbaby.clean_tables import UNICODE_SPACES as _UNICODE_SPACES

    pythons = [chr(c) for c in range(0x80, 0x110000) if chr(c).isspace()]
    assert list(reference.UNICODE_SPACES) == pythons
    assert [chr(c) for c in _UNICODE_SPACES] == pythons


def test_the_drop_codes_name_every_reason_but_duplicates():
    from botbaby.clean_rules import DROP_REASONS

    assert sorted(CODE_REASONS.values()) == sorted(set(DROP_REASONS) - {"duplicate"})


def test_equal_texts_hash_alike_and_different_texts_do_not():
    texts = ["same words here", "same  words here https://t.co/x", "other words here", "Same words, here 2"]
    exact = CleanConfig(min_chars=0, drop_near_duplicates=False)
    hashes = clean_batch(pa.array(texts), None, exact).train.hashes
    assert hashes[0] == hashes[1] and len(set(hashes.tolist())) == 3
    assert clean_batch(pa.array(texts), None, exact, 2**64 - 1).train.hashes[0] != hashes[0]
    near = clean_batch(pa.array(texts), None, CleanConfig(min_chars=0)).train.hashes.tolist()
    assert near[0] == near[1] == near[3] != near[2]  # case, punctuation and digits aside


def test_the_hash_puts_a_post_in_val_and_its_duplicates_with_it():
    texts = [f"post number {i}" for i in range(2_000)] * 2
    result = clean_batch(pa.array(texts), None, CleanConfig(min_chars=0, drop_near_duplicates=False), val_cut=100_000)
    assert 150 < len(result.val.rows) / 2 < 250  # about a tenth
    assert set(result.val.hashes.tolist()).isdisjoint(result.train.hashes.tolist())
    assert np.all(result.val.hashes % 1_000_000 < 100_000) and np.all(result.train.hashes % 1_000_000 >= 100_000)


def test_sliced_and_large_string_batches_are_read_where_they_start():
    texts = pa.array(["first post", "second post", "third post"])
    for array in (texts.slice(1), texts.cast(pa.large_string()).slice(1)):
        lines = clean_batch(array, None, CleanConfig(min_chars=0)).train.lines.to_pylist()
        assert lines == [f"{START}second post{END}\n", f"{START}third post{END}\n"]
    assert len(clean_batch(pa.array([], pa.string()), None, CleanConfig()).codes) == 0


def test_posts_with_rare_entities_are_decoded_by_python_and_stay_in_place():
    texts = ["one &hellip; two", "plain post", "it&#8217;s caf&amp;eacute; time", "RT @x: &eacute;t&eacute;"]
    result = clean_batch(pa.array(texts), None, CleanConfig(min_chars=0, drop_retweets=False))
    assert result.train.lines.to_pylist() == [
        f"{START}{text}{END}\n" for text in ["one ... two", "plain post", "it's café time", "été"]
    ]
    assert result.train.rows.tolist() == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("a\n@b\nc", {"collapse_whitespace": False}, "a   c"),  # a line break after a removed mention stays
        ("&#82;T @news: their words", {}, "RT : their words"),  # the retweet rule reads the stored text
        ("RT @x&#95;y: hi there", {"drop_retweets": False}, "_y: hi there"),
        ("RT @x: caf&eacute; time", {"drop_retweets": False}, "café time"),
        ("see a@b.cſ now", {"normalize_unicode": False}, "see ſ now"),  # \w is ASCII: ſ is not an s
        ("see a@b.cſ now", {}, "see now"),  # ... but NFKC makes it one
        ("RT @x: hi @y, there", {"drop_retweets": False}, "hi, there"),  # the prefix is not a mention before ":"
    ],
)
def test_awkward_posts_found_in_review(text, values, expected):
    config = CleanConfig.from_dict({"min_chars": 0} | values)
    assert reference.clean_post(text, None, config) == (KEPT, expected)
    assert list(kernel_results([text], [None], config))[0][:2] == (KEPT, expected)


@pytest.mark.parametrize("seed", [0, 1, 2**63 + 12345])
@pytest.mark.parametrize("near", [False, True])
def test_the_compiled_hash_is_the_written_one(seed, near):
    texts = ["", "a", "exactly8", "nine char", "Café 🔥, AND more than sixteen bytes 42", "x" * 1000]
    config = CleanConfig(min_chars=0, scripts=("latin", "common"), drop_near_duplicates=near)
    result = clean_batch(pa.array(texts), None, config, seed)
    lines = dict(zip(result.train.rows.tolist(), result.train.hashes.tolist(), strict=True))
    for row, text in enumerate(texts[1:], start=1):
        assert lines[row] == reference.text_hash(reference.dedup_key(text, config).encode(), seed), text


@settings(max_examples=100, deadline=None)
@given(batch=st.lists(st.tuples(st.one_of(st.none(), posts), st.sampled_from([None, False, True])), max_size=30))
def test_the_plain_batch_and_the_compiled_batch_are_the_same(batch):
    config = CleanConfig(min_chars=5, drop_retweets=False, scripts=("latin", "devanagari"))
    text, retweet = pa.array([t for t, _ in batch], pa.string()), pa.array([r for _, r in batch], pa.bool_())
    compiled = clean_batch(text, retweet, config, 99, 300_000)
    plain = reference.clean_batch(text, retweet, config, 99, 300_000)
    assert compiled.codes.tolist() == plain.codes.tolist()
    assert compiled.lengths_before.tolist() == plain.lengths_before.tolist()
    for name in ("train", "val"):
        a, b = getattr(compiled, name), getattr(plain, name)
        assert a.lines.to_pylist() == b.lines.to_pylist()
        assert a.rows.tolist() == b.rows.tolist() and a.hashes.tolist() == b.hashes.tolist()
        assert a.lengths.tolist() == b.lengths.tolist()


def test_every_character_nfkc_changes_sends_its_post_to_python():
    import unicodedata

    from botbaby.clean_tables import NFKC_UNSAFE, code_point_classes

    classes, combining = code_point_classes(CleanConfig())
    changed = [cp for cp in range(0x80, 0x110000) if not 0xD800 <= cp < 0xE000
               and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)]  # fmt: skip
    assert changed and all(classes[cp] & NFKC_UNSAFE for cp in changed)
    assert all(combining[cp] == unicodedata.combining(chr(cp)) for cp in range(0x110000) if unicodedata.combining(chr(cp)))


@pytest.mark.parametrize("values", [{}, {"drop_boilerplate": False, "remove_link_stubs": False}, {"tidy_punctuation": False}])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(posts, min_size=1))
def test_the_pass_sends_to_python_exactly_the_posts_a_trigger_of_prepare_matches(values, texts):
    import re

    from botbaby.clean_kernel import Recycler, _compiled_pass
    from botbaby.clean_tables import NEEDS_PREPARE

    config = CleanConfig(**values)
    result = _compiled_pass(pa.array(texts, pa.string()), np.zeros(len(texts), bool), config, 0, 0, Recycler(), True)
    pattern = reference.candidates(config)
    for text, code in zip(texts, result.codes.tolist(), strict=True):
        if text:
            assert (code == NEEDS_PREPARE) == bool(re.search(pattern, text)), text
