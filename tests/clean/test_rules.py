"""Each cleaning rule of 04_clean, pinned with examples (the awkward ones included)."""

import itertools
from pathlib import Path

import pytest

from botbaby.clean import CleanConfig, clean, load_stats
from botbaby.errors import ConfigError
from botbaby.layout import Layout
from botbaby.tweets import TweetStore

_RUNS = itertools.count()
PAD = " and that is the whole point of this long enough post"  # keeps short examples over min_chars


def cleaned(data: Path, texts: list[str], retweet: list[bool | None] | None = None, **config) -> list[str]:
    """Store ``texts`` as posts of side 'left' in a fresh data folder, clean them, return the kept texts in order."""
    data = data / f"run{next(_RUNS)}"
    posts = [
        {"id": str(i), "handle": "a", "created_at": "2019-05-23T10:00:00Z", "text": text,
         "is_retweet": None if retweet is None else retweet[i]}
        for i, text in enumerate(texts)
    ]  # fmt: skip
    TweetStore(Layout(data).side("left").tweets_dir).append(posts)
    clean(data, "left", CleanConfig.from_dict({"val_share": 0.0, "min_chars": 0} | config), force=True)
    lines = Layout(data).side("left").train_txt.read_text(encoding="utf-8").splitlines()
    assert all(line.startswith("<|startoftext|>") and line.endswith("<|endoftext|>") for line in lines)
    return [line.removeprefix("<|startoftext|>").removesuffix("<|endoftext|>") for line in lines]


def last_run(data: Path) -> Path:
    return max(data.glob("run*"), key=lambda p: int(p.name[3:]))


def one(data: Path, text: str, **config) -> str | None:
    result = cleaned(data, [text], **config)
    return result[0] if result else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Read this https://t.co/AbC123xyz now", "Read this now"),
        ("Read this HTTPS://T.CO/AbC123xyz now", "Read this now"),
        ("Story at http://example.com/a?b=1&amp;c=2 tonight", "Story at tonight"),
        ("Story at www.example-news.in/story/12 tonight", "Story at tonight"),
        ("Story at t.co/abc123 tonight", "Story at tonight"),  # no scheme
        ("Story at example.com/path/to?x=1 tonight", "Story at tonight"),  # bare domain with a path
        ("Story at bit.ly/3xYz tonight", "Story at tonight"),
        ("Story at example.com tonight", "Story at tonight"),  # bare common domain
        ("Truncated retweet text https://t.co/…", "Truncated retweet text"),  # a cut link, not cut text
        ("link t.co/abc\nnext line stays", "link next line stays"),  # a URL right before a line break
        ("Write to desk@example.com today", "Write to today"),  # e-mail, not a mention
    ],
)
def test_urls_are_removed_with_or_without_a_scheme(data_dir, text, expected):
    assert one(data_dir, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Rated 3.5/10 by critics", "Petrol at Rs.100/litre today", "Choose and/or decide", "Use e.g. this one",
     "Said Mr.Modi/BJP today", "It ended.Then/now we wait"],
)
def test_things_that_only_look_like_urls_are_kept(data_dir, text):
    assert one(data_dir, text) == text


def test_urls_are_kept_when_the_rule_is_off(data_dir):
    assert one(data_dir, "See https://t.co/x1", remove_urls=False) == "See https://t.co/x1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@PetroMin @FinMin fuel is up again", "fuel is up again"),  # a reply starts with mentions
        ("Thanks @rail_desk, the train came", "Thanks, the train came"),  # no space left before the comma
        (".@newsdesk says prices will fall", "says prices will fall"),  # no "." left at the start
        ("@a @b: the vote is today", "the vote is today"),
        ("mail me@example.org for details", "mail for details"),
    ],
)
def test_mentions_are_removed(data_dir, text, expected):
    assert one(data_dir, text) == expected


def test_no_space_is_left_before_punctuation_where_a_link_or_mention_went(data_dir):
    assert one(data_dir, "Read https://t.co/x1 @desk, then vote @ECI!") == "Read, then vote!"
    assert one(data_dir, "Thanks @rail_desk, the train came", tidy_punctuation=False) == "Thanks , the train came"
    assert one(data_dir, ".@newsdesk says prices will fall", tidy_punctuation=False) == ". says prices will fall"


def test_mentions_are_kept_when_the_rule_is_off(data_dir):
    assert one(data_dir, "Thanks @rail_desk", remove_mentions=False) == "Thanks @rail_desk"


def test_a_kept_retweet_loses_its_rt_prefix_and_mention(data_dir):
    assert one(data_dir, "RT @someone: Farmers marched today @delhi", drop_retweets=False) == "Farmers marched today"


def test_retweets_are_dropped_by_prefix_or_by_flag(data_dir):
    texts = ["RT @someone: Farmers marched today" + PAD, "Quoted without prefix" + PAD, "My own words" + PAD]
    assert cleaned(data_dir, texts, retweet=[None, True, False]) == ["My own words" + PAD]
    assert load_stats(last_run(data_dir), "left").dropped["retweet"] == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roads &amp; rails", "Roads & rails"),
        ("Roads &amp;amp; rails", "Roads & rails"),  # escaped twice by a careless exporter
        ("Roads &amp;amp;amp;lt;3", "Roads <3"),
        ("It&#39;s &quot;done&quot; &gt; said", 'It\'s "done" > said'),
        ("Tom & Jerry &c", "Tom & Jerry &c"),  # not an entity: left alone
    ],
)
def test_html_entities_are_unescaped_repeatedly(data_dir, text, expected):
    assert one(data_dir, text) == expected


def test_html_entities_stay_when_the_rule_is_off(data_dir):
    assert one(data_dir, "Roads &amp; rails", unescape_html=False) == "Roads &amp; rails"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("great🔥stuff today", "great stuff today"),  # emoji inside a word separates the words
        ("Go 🇮🇳India go", "Go India go"),
        ("family 👨‍👩‍👧 day", "family day"),  # a ZWJ sequence goes as one
        ("Modi जी said so", "Modi said so"),  # mixed scripts: Devanagari goes by default
        ("café in Zürich", "café in Zürich"),  # Latin letters stay
        ("don’t say “never” … ok", "don't say \"never\" ... ok"),  # typographic punctuation becomes ASCII
        ("Petrol ₹100 now", "Petrol ₹100 now"),  # currency signs stay
    ],
)
def test_only_ascii_and_latin_script_are_kept_by_default(data_dir, text, expected):
    assert one(data_dir, text) == expected


def test_devanagari_can_be_kept(data_dir):
    import unicodedata

    text = "किसान एकता ज़िंदाबाद। Farmers 🙏 united"
    expected = unicodedata.normalize("NFKC", "किसान एकता ज़िंदाबाद। Farmers united")
    assert one(data_dir, text, scripts=["latin", "devanagari"]) == expected


def test_ascii_only_like_the_original(data_dir):
    assert one(data_dir, "café in Zürich", scripts=["ascii"]) == "caf in Z rich"


def test_a_post_in_a_dropped_script_only_is_counted_as_other_script(data_dir):
    assert cleaned(data_dir, ["जय हिंद 🇮🇳", "Jai Hind", "https://t.co/x @y"]) == ["Jai Hind"]
    stats = load_stats(last_run(data_dir), "left")
    assert stats.dropped["other_script"] == 1 and stats.dropped["nothing_left"] == 1


def test_unknown_scripts_are_refused():
    with pytest.raises(ConfigError, match="unknown script"):
        CleanConfig.from_dict({"scripts": ["klingonish"]})


def test_whitespace_is_collapsed_and_line_breaks_never_survive(data_dir):
    assert one(data_dir, "  one\t\ttwo\n\nthree   four ") == "one two three four"
    assert one(data_dir, "one  two\nthree", collapse_whitespace=False) == "one  two three"


def test_min_chars_counts_characters_after_cleaning(data_dir):
    fifty, forty_nine = "x" * 50, "y" * 49
    texts = [fifty, forty_nine, forty_nine + " https://t.co/long-url-that-does-not-count"]
    assert cleaned(data_dir, texts, min_chars=50) == [fifty]
    assert load_stats(last_run(data_dir), "left").dropped["too_short"] == 2


def test_min_chars_default_is_50():
    assert CleanConfig().min_chars == 50


def test_duplicates_are_judged_after_cleaning(data_dir):
    texts = ["Same words https://t.co/a" + PAD, "Same words https://t.co/b" + PAD, "@x Same words" + PAD]
    assert cleaned(data_dir, texts) == ["Same words" + PAD]
    assert load_stats(last_run(data_dir), "left").dropped["duplicate"] == 2


def test_duplicates_can_be_kept(data_dir):
    assert cleaned(data_dir, ["Same" + PAD, "Same" + PAD], drop_duplicates=False) == ["Same" + PAD] * 2


def test_empty_and_missing_texts_are_counted(data_dir):
    assert cleaned(data_dir, ["", "Real words" + PAD]) == ["Real words" + PAD]
    assert load_stats(last_run(data_dir), "left").dropped["empty"] == 1


@pytest.mark.parametrize(
    "values",
    [{"min_chars": -1}, {"val_share": 0.9}, {"batch_size": 0}, {"scripts": []}],
)
def test_out_of_range_settings_are_refused(values):
    with pytest.raises(ConfigError):
        CleanConfig.from_dict(values)


def test_a_config_built_directly_is_checked_too():
    from botbaby.errors import BotbabyError

    with pytest.raises(BotbabyError, match="min_chars must be between 0 and 10000, not -5"):
        CleanConfig(min_chars=-5)
    with pytest.raises(BotbabyError, match="min_chars must be a whole number"):
        CleanConfig.from_dict({"min_chars": "50"})
    assert CleanConfig(scripts="Latin,Devanagari").scripts == ("latin", "devanagari")


def test_unknown_settings_are_refused_with_a_hint():
    with pytest.raises(ConfigError, match="did you mean 'min_chars'"):
        CleanConfig.from_dict({"min_char": 10})


@pytest.mark.parametrize("scripts", [("latin",), ("ascii",), ("latin", "devanagari"), ("latin", "bengali", "tamil")])
def test_the_compiled_script_rule_matches_its_regex_definition(scripts):
    import pyarrow as pa

    from botbaby.clean_kernel import clean_batch
    from botbaby.clean_rules import script_filter

    samples = ["great🔥stuff", "café Zürich ÆØÅ ſ", "मोदी जी। ॥ ०१२", "বাংলা தமிழ் ਪੰਜਾਬੀ", "中文 日本語 한국어",
               "👨‍👩‍👧 🇮🇳 ✊🏽", "Ελληνικά русский עברית العربية", "ﬁ ﬂ ℌ ⅓ ② ™ ©", "\u200b\u200d\ufeff\U000e0001x"]  # fmt: skip
    config = CleanConfig(scripts=scripts, normalize_punctuation=False, collapse_whitespace=False, min_chars=0,
                         normalize_unicode=False, keep_symbols=False, keep_joiners=False, other_script_share=1,
                         drop_truncated=False)  # fmt: skip
    lines = clean_batch(pa.array(samples), None, config).train.lines.to_pylist()
    compiled = [line.removeprefix("<|startoftext|>").removesuffix("<|endoftext|>\n") for line in lines]
    expected = [script_filter(scripts).sub(" ", text).strip() for text in samples]
    assert compiled == [text for text in expected if text]  # a post with nothing left is dropped


# The scars of a real export (issue 12), each rule pinned with the cases found there.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fuel is up again, who pays the bill this time (1/2)", "Fuel is up again, who pays the bill this time"),
        ("(2/2) and the bill is paid by the farmers again", "and the bill is paid by the farmers again"),
        ("A thread on what the budget means for farmers 1/n", "A thread on what the budget means for farmers"),
        ("2/ the second part of the thread starts like this", "the second part of the thread starts like this"),
        ("The last part of the thread, with a link 3/3 https://t.co/x", "The last part of the thread, with a link"),
        ("The pharmacy near the station is open 24/7 now", "The pharmacy near the station is open 24/7 now"),
        ("Half of 3/4 is not 1/2 in the middle of a post", "Half of 3/4 is not 1/2 in the middle of a post"),
    ],
)
def test_thread_markers_are_removed(data_dir, text, expected):
    assert one(data_dir, text) == expected
    assert one(data_dir, text, remove_thread_markers=False) == text.removesuffix(" https://t.co/x")


@pytest.mark.parametrize(
    "text",
    ["Prices went up again and again and nobody explains why h…", "Prices went up again and nobody explains why ht...",
     "Prices went up again and nobody explains why htt… https://t.co/x1",
     "Prices went up again and nobody explains why https:/…", "Prices went up again and nobody explains it all…",
     "Prices went up again and nobody explains it all... https://t.co/x1"],
)
def test_posts_cut_off_before_an_ellipsis_are_dropped_with_their_link_stubs(data_dir, text):
    assert cleaned(data_dir, [text, "My own words" + PAD]) == ["My own words" + PAD]
    assert load_stats(last_run(data_dir), "left").dropped["truncated"] == 1
    kept = one(data_dir, text, drop_truncated=False)
    assert kept.endswith("why ...") or kept.endswith("it all...")  # no stub: " h", " htt", " https:/" are gone


def test_an_ellipsis_inside_a_post_is_not_a_cut(data_dir):
    assert one(data_dir, "Prices went up... and nobody explains why") == "Prices went up... and nobody explains why"


@pytest.mark.parametrize(
    "text",
    ["LIVE on #Periscope: Rally at Ramlila Maidan https://t.co/AbC", "I'm at Cafe Coffee Day in Pune, Maharashtra https://t.co/x",
     "I’m at Connaught Place in New Delhi, Delhi https://t.co/x", "Just posted a photo @ India Gate https://t.co/x",
     "I liked a @YouTube video https://t.co/x Budget 2019 explained", "Budget 2019 explained https://t.co/x via @YouTube"],
)
def test_app_boilerplate_is_dropped(data_dir, text):
    assert cleaned(data_dir, [text, "My own words" + PAD]) == ["My own words" + PAD]
    stats = load_stats(last_run(data_dir), "left")
    assert stats.dropped["boilerplate"] == 1 and stats.examples["boilerplate"] == [text]
    assert one(data_dir, text, drop_boilerplate=False) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tickets cost £5, €10 or ¥500 and it is 30°C", "Tickets cost £5, €10 or ¥500 and it is 30°C"),
        ("Petrol at ₹100 ± 5 × 2 © 2019", "Petrol at ₹100 ± 5 × 2 © 2019"),
    ],
)
def test_currency_degree_and_common_signs_stay(data_dir, text, expected):
    assert one(data_dir, text) == expected
    assert one(data_dir, text, keep_symbols=False, other_script_share=1) != expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was a win-win.in the end we all got home", "It was a win-win.in the end we all got home"),
        ("Read it at ndtv.com tonight", "Read it at tonight"),
        ("Apply at uidai.gov.in today", "Apply at today"),
        ("Apply at pmindia.gov.in/en/ today", "Apply at today"),
        ("Read it at thehindu.co.in tonight", "Read it at tonight"),
    ],
)
def test_word_dot_word_is_a_link_only_with_a_known_ending(data_dir, text, expected):
    assert one(data_dir, text) == expected


def test_mathematical_bold_and_full_width_letters_become_plain_ones(data_dir):
    assert one(data_dir, "𝐕𝐨𝐭𝐞 for ｃｈａｎｇｅ, the ﬁrst time") == "Vote for change, the first time"
    assert one(data_dir, "𝐕𝐨𝐭𝐞 for change", normalize_unicode=False) == "for change"


def test_zwj_and_zwnj_inside_devanagari_words_stay(data_dir):
    text = "क्\u200dष और शक्\u200cति, 🙏\u200d🙏 Farmers united"
    kept = one(data_dir, text, scripts=["latin", "devanagari"])
    assert kept == "क्\u200dष और शक्\u200cति, Farmers united"  # inside words they stay; between emoji they go
    assert "\u200d" not in one(data_dir, text, scripts=["latin", "devanagari"], keep_joiners=False)


def test_a_post_left_as_debris_by_the_script_rule_is_dropped(data_dir):
    texts = ["भारत माता की जय, सबका साथ सबका विकास ... bharat. 20", "Farmers 🙏 united today", "२०१९ चुनाव 2019 !!"]
    assert cleaned(data_dir, texts) == ["Farmers united today"]
    assert load_stats(last_run(data_dir), "left").dropped["other_script"] == 2
    assert len(cleaned(data_dir, texts, other_script_share=1.0)) == 3  # 1: only posts with nothing left


def test_near_duplicates_are_dropped(data_dir):
    texts = ["Fuel prices are up again!" + PAD, "fuel prices are up again" + PAD, "Fuel prices are up, again 2" + PAD]
    assert cleaned(data_dir, texts) == [texts[0]]
    assert load_stats(last_run(data_dir), "left").examples["duplicate"] == texts[1:]
    assert cleaned(data_dir, texts, drop_near_duplicates=False) == texts


def test_clean_stats_show_up_to_the_configured_number_of_examples_per_reason(data_dir):
    texts = [f"short {i}" for i in range(30)] + ["RT @x: not mine"] * 3 + ["Mine and long enough" + PAD]
    cleaned(data_dir, texts, min_chars=20, drop_near_duplicates=False)
    examples = load_stats(last_run(data_dir), "left").examples
    assert examples["too_short"] == [f"short {i}" for i in range(20)] and len(examples["retweet"]) == 3
    cleaned(data_dir, texts, min_chars=20, examples=2)
    assert len(load_stats(last_run(data_dir), "left").examples["too_short"]) == 2


def test_the_report_suggests_keeping_devanagari_when_the_script_rule_takes_many_own_posts(data_dir):
    hindi = ["किसान एकता ज़िंदाबाद, हम सब साथ हैं"] * 3
    own = [f"Own words about {topic}" + PAD for topic in ("fuel", "farms", "rails", "roads", "schools", "tax", "jobs",
                                                          "water", "power", "health", "courts")]  # fmt: skip
    cleaned(data_dir, hindi + own[:7])
    stats = load_stats(last_run(data_dir), "left")
    assert stats.other_script_share == 0.3
    assert stats.advice and "--scripts latin,devanagari" in stats.advice[0] and "30%" in stats.advice[0]
    cleaned(data_dir, hindi[:1] + own)
    assert not load_stats(last_run(data_dir), "left").advice  # 1 in 12: under 10%
