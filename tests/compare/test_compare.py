"""botbaby compare: Fightin' Words, the side classifier, memorisation, diversity and the pictures."""

import json
import math
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from botbaby.compare import (
    CompareConfig,
    compare,
    default_prompts,
    distinct_n,
    divergence,
    fightin_words,
    memorisation,
    read_prompts,
    term_counts,
)
from botbaby.errors import BotbabyError, ConfigError

# Words every side uses alike, from very common to rare (a Zipf-like draw picks them).
SHARED = ("the and of to a in is for on that we our it with this are be at as by people government "
          "today country time new year plan vote state city money work week news party law").split()
PLANTED = {
    "left": "solidarity unions healthcare renters climate wages nurses childcare transit equality".split(),
    "right": "taxpayers borders police farmers defence freedom veterans budget enterprise tradition".split(),
}


def write_planted_corpus(data: Path, posts: int = 400, seed: int = 0) -> None:
    """Two sides whose posts are mostly shared words, each with two or three of its side's planted words."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(SHARED))]
    for side, planted in PLANTED.items():
        lines = []
        for _ in range(posts):
            tokens = rng.choices(SHARED, weights, k=rng.randint(10, 18))
            for word in rng.sample(planted, rng.randint(2, 3)):
                tokens.insert(rng.randrange(len(tokens) + 1), word)
            lines.append(f"<|startoftext|>{' '.join(tokens).capitalize()}.<|endoftext|>\n")
        folder = data / side
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "train.txt").write_text("".join(lines[: posts * 9 // 10]), encoding="utf-8")
        (folder / "val.txt").write_text("".join(lines[posts * 9 // 10:]), encoding="utf-8")


def test_fightin_words_z_scores_match_the_formula_worked_by_hand():
    # Corpus i: tax x4, the x6 (n_i = 10). Corpus j: jobs x2, the x8 (n_j = 10).
    # Informative prior = the pooled counts: alpha_tax = 4, alpha_jobs = 2, alpha_the = 14; alpha_0 = 20.
    # delta_w = ln((y_i + a) / (n_i + alpha_0 - y_i - a)) - ln((y_j + a) / (n_j + alpha_0 - y_j - a))
    # var_w   = 1 / (y_i + a) + 1 / (y_j + a);  z_w = delta_w / sqrt(var_w)
    # tax:  ln(8/22) - ln(4/26)  = ln(2.3636) =  0.8602;  var = 1/8 + 1/4   = 0.375;   z =  0.8602 / 0.6124 =  1.4047
    # jobs: ln(2/28) - ln(4/26)  = ln(0.4643) = -0.7673;  var = 1/2 + 1/4   = 0.75;    z = -0.7673 / 0.8660 = -0.8860
    # the:  ln(20/10) - ln(22/8) = ln(0.7273) = -0.3185;  var = 1/20 + 1/22 = 0.09545; z = -0.3185 / 0.3090 = -1.0307
    z = fightin_words(Counter({"tax": 4, "the": 6}), Counter({"jobs": 2, "the": 8}))
    assert z["tax"] == pytest.approx(1.4047, abs=1e-4)
    assert z["jobs"] == pytest.approx(-0.8860, abs=1e-4)
    assert z["the"] == pytest.approx(-1.0307, abs=1e-4)
    assert z["tax"] == pytest.approx((math.log(8 / 22) - math.log(4 / 26)) / math.sqrt(1 / 8 + 1 / 4))


def test_fightin_words_is_antisymmetric_and_a_stronger_prior_shrinks_the_scores():
    i, j = Counter({"tax": 9, "the": 30, "jobs": 1}), Counter({"tax": 2, "the": 31, "jobs": 7})
    forward, backward = fightin_words(i, j), fightin_words(j, i)
    assert all(forward[term] == pytest.approx(-backward[term]) for term in forward)
    assert abs(fightin_words(i, j, prior_scale=10)["tax"]) < abs(forward["tax"])


def test_each_sides_top_20_terms_hold_most_of_its_planted_words_and_none_of_the_others(data_dir):
    write_planted_corpus(data_dir)
    report = compare(data_dir, samples=0, top_terms=20)
    for side, planted in PLANTED.items():
        top = [row["term"] for row in report["divergence"][side]]
        other = {word for other_side, words in PLANTED.items() if other_side != side for word in words}
        assert len(set(top) & set(planted)) >= 8, top
        assert not any(word in other for term in top for word in term.split()), top
        assert not set(top) & set(SHARED[:10]), f"frequent shared words are not distinctive: {top}"
        rows = report["divergence"][side]
        assert [row["z"] for row in rows] == sorted((row["z"] for row in rows), reverse=True)
        counts = term_counts(line.removeprefix("<|startoftext|>").removesuffix("<|endoftext|>")
                             for line in (data_dir / side / "train.txt").read_text().splitlines())
        assert all(row["count"] == counts[len(row["term"].split()) - 1][row["term"]] for row in rows)
    assert report["classifier"]["heldout_accuracy"] >= 0.9
    assert report["classifier"]["heldout_posts"] == 80
    saved = json.loads((data_dir / "results" / "compare.json").read_text())
    assert saved["divergence"] == report["divergence"]


def test_divergence_lists_bigrams_too_and_respects_min_count():
    posts = {"left": ["fair wages now", "fair wages for all", "fair wages today"], "right": ["low taxes now", "low taxes"]}
    found = divergence({side: term_counts(texts) for side, texts in posts.items()}, top=10, min_count=2)
    assert "fair wages" in [row["term"] for row in found["left"]]
    assert "low taxes" in [row["term"] for row in found["right"]]
    assert "all" not in [row["term"] for row in found["left"]]  # used once


def test_compare_html_is_self_contained_and_png_is_written(data_dir):
    write_planted_corpus(data_dir, posts=120)
    compare(data_dir, samples=0)
    page = (data_dir / "results" / "compare.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)
    assert "<svg" in page and "solidarity" in page and "taxpayers" in page
    assert (data_dir / "results" / "compare.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_term_that_looks_like_markup_is_escaped_in_the_page(data_dir):
    write_planted_corpus(data_dir, posts=120)
    with open(data_dir / "left" / "train.txt", "a", encoding="utf-8") as handle:
        handle.write("<|startoftext|>solidarity </script><b>bold</b> solidarity<|endoftext|>\n" * 5)
    compare(data_dir, samples=0)
    page = (data_dir / "results" / "compare.html").read_text(encoding="utf-8")
    assert page.count("</script>") == 2 and "<b>bold" not in page


def test_a_side_without_training_text_is_a_clear_error(data_dir):
    write_planted_corpus(data_dir, posts=60)
    with pytest.raises(BotbabyError, match="botbaby clean centre"):
        compare(data_dir, sides=("left", "centre"))


@pytest.mark.parametrize("bad", [{"sides": ("left",)}, {"sides": ("left", "left")}, {"sides": ("left", "Bad Side")},
                                 {"top_terms": 0}, {"prior_scale": 0}, {"length": 401}, {"samples": -1},
                                 {"span_word": 8}])
def test_bad_settings_are_config_errors(bad):
    with pytest.raises(BotbabyError):
        CompareConfig.from_dict(bad)


def test_unknown_setting_names_the_closest_one():
    with pytest.raises(ConfigError, match="span_words"):
        CompareConfig.from_dict({"span_word": 8})


def test_memorisation_finds_copied_spans_and_the_longest_with_its_source_line(tmp_path):
    train = tmp_path / "train.txt"
    train.write_text("<|startoftext|>Nothing to see here at all today.<|endoftext|>\n"
                     "<|startoftext|>We will tax the billionaires and fund every public hospital now.<|endoftext|>\n",
                     encoding="utf-8")
    posts = ["Friends, we will tax the billionaires and fund every public hospital!",  # 11 words copied
             "We will tax the rich and build homes for all of us.",  # 4 words in a row at most
             "Short."]
    found = memorisation(train, posts, span=8)
    assert found["share"] == pytest.approx(1 / 3) and found["copying_posts"] == 1 and found["posts"] == 3
    assert found["longest"]["words"] == 10
    assert found["longest"]["span"] == "we will tax the billionaires and fund every public hospital"
    assert found["longest"]["line"] == 2 and found["longest"]["source"].startswith("We will tax")
    assert memorisation(train, [], span=8)["share"] is None


def test_distinct_n_counts_unique_ngrams_over_all():
    assert distinct_n(["a b c", "a b d"], 1) == pytest.approx(4 / 6, abs=1e-4)
    assert distinct_n(["a b c", "a b d"], 2) == pytest.approx(3 / 4)
    assert distinct_n(["word"], 2) is None


def test_default_prompts_take_frequent_openings_from_each_side_in_turn():
    posts = {"left": ["Fair wages now"] * 3 + ["Public schools first"] * 2, "right": ["Lower taxes now"] * 4}
    assert default_prompts(posts, 3, 2) == ["Fair wages", "Lower taxes", "Public schools"]


def test_prompts_file_errors_say_what_to_write(tmp_path):
    with pytest.raises(BotbabyError, match="does not exist"):
        read_prompts(tmp_path / "missing.txt")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(BotbabyError, match="no prompt"):
        read_prompts(blank)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 prices\n".encode("latin-1"))
    with pytest.raises(BotbabyError, match="UTF-8"):
        read_prompts(latin1)
    bom = tmp_path / "bom.txt"
    bom.write_text("\ufeffFuel prices\n\nमहंगाई बढ़ी\n" + " ".join(["word"] * 25) + "\n", encoding="utf-8")
    assert read_prompts(bom) == ["Fuel prices", "महंगाई बढ़ी", " ".join(["word"] * 20)]
    long = tmp_path / "long.txt"
    long.write_text("ok\n" + "x" * 300 + "\n", encoding="utf-8")
    with pytest.raises(BotbabyError, match="line 2: a prompt has at most 280"):
        read_prompts(long)


def test_devanagari_words_stay_whole():
    from botbaby.compare import words

    assert words("महंगाई बढ़ी है!") == ["महंगाई", "बढ़ी", "है"]


def test_a_side_without_a_model_keeps_its_corpus_measures_and_says_why(data_dir):
    write_planted_corpus(data_dir, posts=120)
    report = compare(data_dir, samples=4)
    assert report["classifier"]["own_side_share"] == {} and report["memorisation"] == {}
    assert any("botbaby train left" in note for note in report["notes"])
    assert report["divergence"]["left"] and report["classifier"]["heldout_accuracy"] >= 0.9
    assert report["sentiment"]["left"]["generated"] is None and report["sentiment"]["left"]["real"]["posts"] == 108


def test_a_rerun_with_nothing_changed_is_skipped_and_a_change_runs_it_again(data_dir):
    write_planted_corpus(data_dir, posts=120)
    first = compare(data_dir, samples=0)
    page = data_dir / "results" / "compare.json"
    written = page.stat().st_mtime_ns
    again = compare(data_dir, samples=0)
    assert again["skipped"] and not first["skipped"] and page.stat().st_mtime_ns == written
    assert again["divergence"] == first["divergence"]
    assert not compare(data_dir, samples=0, top_terms=5)["skipped"]  # other settings
    with open(data_dir / "right" / "train.txt", "a", encoding="utf-8") as handle:
        handle.write("<|startoftext|>A new post about borders and farmers.<|endoftext|>\n")
    assert not compare(data_dir, samples=0, top_terms=5)["skipped"]  # other input
    (data_dir / "results" / "compare.png").unlink()
    assert not compare(data_dir, samples=0, top_terms=5)["skipped"]  # an output deleted
    manifest = json.loads((data_dir / "manifest.json").read_text())
    assert manifest["models"] == {"left": "", "right": ""}
    assert "left/train.txt" in manifest["stages"]["compare"]["*"]["inputs"]


def test_a_failure_mid_run_keeps_the_last_results_and_the_next_run_redoes_it(data_dir, monkeypatch):
    import botbaby.compare

    write_planted_corpus(data_dir, posts=120)
    compare(data_dir, samples=0)
    before = (data_dir / "results" / "compare.json").read_text()

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(botbaby.compare, "top_terms_png", broken)
    with pytest.raises(KeyboardInterrupt):
        compare(data_dir, samples=0, top_terms=5)
    assert (data_dir / "results" / "compare.json").read_text() == before
    monkeypatch.undo()
    assert not compare(data_dir, samples=0, top_terms=5)["skipped"]
    assert all(len(rows) == 5 for rows in json.loads((data_dir / "results" / "compare.json").read_text())["divergence"].values())


def test_the_report_says_when_a_bot_wrote_no_usable_post():
    from botbaby.compare import format_report

    report = {"sides": ["left", "right"], "divergence": {"left": [], "right": []}, "notes": [],
              "classifier": {"heldout_accuracy": 0.95, "heldout_posts": 20, "own_side_share": {"left": None, "right": 0.5}},
              "memorisation": {"left": {"share": None, "span_words": 8}, "right": {"share": 0.25, "span_words": 8}}}
    text = format_report(report)
    assert "left bot: no post survived" in text and "right bot: 50% of its posts read as right; 25% repeat 8" in text


def test_three_sides_are_each_compared_with_the_other_two(data_dir):
    write_planted_corpus(data_dir, posts=200)
    (data_dir / "centre").mkdir()
    lines = [f"<|startoftext|>The moderate compromise plan {i} for the people today.<|endoftext|>\n" for i in range(60)]
    (data_dir / "centre" / "train.txt").write_text("".join(lines), encoding="utf-8")
    report = compare(data_dir, sides=("left", "right", "centre"), samples=0, top_terms=20)
    assert {"moderate", "compromise"} <= {row["term"] for row in report["divergence"]["centre"]}
    assert len(set(PLANTED["left"]) & {row["term"] for row in report["divergence"]["left"]}) >= 8
    assert not {"moderate", "compromise"} & {row["term"] for row in report["divergence"]["right"]}


def test_a_byte_order_mark_and_undecodable_bytes_cost_nothing_but_those_bytes(data_dir):
    write_planted_corpus(data_dir, posts=120)
    path = data_dir / "left" / "train.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes() + b"<|startoftext|>solidarity \xff\xfe unions<|endoftext|>\n")
    report = compare(data_dir, samples=0)
    assert not any("startoftext" in row["term"] for side in report["divergence"] for row in report["divergence"][side])
    assert report["posts"]["left"]["train"] == 109
