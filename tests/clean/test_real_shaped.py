"""On an export shaped like a real one (thread markers, ".@", "…" + t.co, Periscope, cut link stubs,
Devanagari with ZWJ, mathematical bold), the kept lines carry none of its scars (issue 12's rates).

``fixtures/real_shaped_export.csv`` is written for this test in the shape of a real Indian-politics
export (``id,created_at,Type,text``, day-first dates): 400 posts, a fifth of them the author's own Hindi.
"""

import csv
import re
from pathlib import Path

import pytest

from botbaby.clean import clean
from botbaby.layout import END, START, Layout
from botbaby.tweets import TweetStore

EXPORT = Path(__file__).parent / "fixtures" / "real_shaped_export.csv"

CUT_OFF_END = re.compile(r"(?:\.\.\.|…)$")
CUT_OFF_BEFORE_A_LINK = re.compile(r"(?:\.\.\.|…)(?:\s+https://t\.co/\w+)?$")  # as stored
THREAD_MARKER = re.compile(r"\([0-9]{1,2}/(?:[0-9]{1,2}|n)\)|(?:^|\s)[0-9]{1,2}/(?:[0-9]{1,2}|n)?(?:\s|$)")
LEADING_PUNCTUATION = re.compile(r"^[.,:;!?]")
LINK_STUB = re.compile(r"(?:^|\s)(?:h|ht|htt|https?|https?:/{0,2})(?:…|\.\.\.)", re.IGNORECASE)


@pytest.fixture
def export(data_dir):
    with open(EXPORT, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    posts = [
        {"id": row["id"], "handle": "author", "created_at": "2019-02-14T10:00:00Z", "text": row["text"],
         "is_retweet": row["Type"] == "Retweet"}
        for row in rows
    ]  # fmt: skip
    TweetStore(Layout(data_dir).side("left").tweets_dir).append(posts)
    return rows


def kept_lines(data_dir) -> list[str]:
    side = Layout(data_dir).side("left")
    lines = side.train_txt.read_text(encoding="utf-8").splitlines() + side.val_txt.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(START).removesuffix(END) for line in lines]


def share(lines: list[str], pattern: re.Pattern) -> float:
    return sum(1 for line in lines if pattern.search(line)) / len(lines)


@pytest.mark.parametrize("compiled_pass", ["never", "always"])
def test_kept_lines_carry_none_of_the_real_exports_scars(data_dir, export, compiled_pass):
    raw = [row["text"] for row in export]
    assert share(raw, CUT_OFF_BEFORE_A_LINK) > 0.05 and share(raw, THREAD_MARKER) > 0.05  # the fixture has the scars
    assert share(raw, LEADING_PUNCTUATION) > 0.01 and any("#Periscope" in text for text in raw)

    stats = clean(data_dir, "left", compiled_pass=compiled_pass)
    lines = kept_lines(data_dir)
    assert len(lines) == stats.kept > 150
    assert share(lines, CUT_OFF_END) <= 0.02
    assert share(lines, THREAD_MARKER) <= 0.005
    assert share(lines, LEADING_PUNCTUATION) <= 0.005
    assert not any("Periscope" in line for line in lines)
    assert not any(LINK_STUB.search(line) for line in lines)
    assert not any(" ," in line for line in lines)  # no space left before a comma by a removed mention
    assert any("£5, €10 and it is 30°C" in line for line in lines)
    assert any(line.startswith("It was a win-win.in the end") for line in lines)
    assert any(line.startswith("Breaking: ") for line in lines) and not any("𝐁" in line for line in lines)
    assert not any(re.search(r"\bbharat\. 20$", line) for line in lines)  # debris of a Hindi post
    assert stats.dropped["boilerplate"] >= 1 and stats.dropped["truncated"] >= 20
    assert stats.other_script_share > 0.10 and "--scripts latin,devanagari" in stats.advice[0]


def test_with_devanagari_kept_the_authors_hindi_stays_whole(data_dir, export):
    import unicodedata

    stats = clean(data_dir, "left", scripts="latin,devanagari", min_chars=20)  # Hindi posts are short
    lines = kept_lines(data_dir)
    assert stats.dropped["other_script"] == 0 and not stats.advice
    assert any("क्\u200dष शक्\u200cति" in line for line in lines)  # the joiners inside the words stay
    assert any(line.startswith(unicodedata.normalize("NFKC", "किसान एकता ज़िंदाबाद")) for line in lines)
