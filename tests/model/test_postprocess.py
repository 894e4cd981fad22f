"""Post-processing: the original's rules turn raw samples into posts, each rule switchable."""

import pickle

import pytest

from botbaby.generate import PostprocessConfig, clean_post, clean_posts, regex_split, sentence_splitter

WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
LONG = " ".join(WORDS) + "."  # 16 unique words, one finished sentence
MORE = "Alpha beta gamma delta epsilon zeta."  # 6 more


def clean(sample: str, **rules) -> str | None:
    return clean_post(sample, PostprocessConfig(**rules), regex_split)


def test_markers_are_stripped_and_text_after_the_end_marker_is_dropped():
    sample = f"<|startoftext|>{LONG} {MORE}<|endoftext|>\n<|startoftext|>Leftover words here."
    assert clean(sample) == f"{LONG} {MORE}"


def test_a_sample_that_starts_the_next_post_ends_there():
    sample = f"<|startoftext|>{LONG} {MORE}<|startoftext|>Another post begins here.<|endoftext|>"
    assert clean(sample) == f"{LONG} {MORE}"
    assert clean(f"{LONG} {MORE} And then the end<|startoftext|>") == f"{LONG} {MORE} And then the end"


def test_a_marker_cut_off_by_the_length_limit_is_removed():
    assert clean(f"{LONG} {MORE}<|endof") == f"{LONG} {MORE}"


def test_newlines_and_double_quotes_are_stripped_but_apostrophes_kept():
    sample = f'"{LONG}"\n\n“We don\'t stop.” {MORE}<|endoftext|>'
    assert clean(sample) == f"{LONG} We don't stop. {MORE}"


def test_the_unfinished_last_sentence_of_a_cut_off_sample_is_dropped():
    assert clean(f"{LONG} {MORE} And then the") == f"{LONG} {MORE}"


def test_the_last_sentence_is_kept_when_the_sample_ended_or_the_sentence_is_finished():
    assert clean(f"{LONG} {MORE} And then the end<|endoftext|>") == f"{LONG} {MORE} And then the end"
    assert clean(f"{LONG} {MORE} And then the end!") == f"{LONG} {MORE} And then the end!"


def test_repeated_sentences_are_dropped_keeping_the_first():
    assert clean(f"{LONG} {MORE} alpha  beta gamma delta epsilon zeta. Done now.") == f"{LONG} {MORE} Done now."


def test_posts_with_fewer_than_20_unique_words_are_dropped():
    assert clean(f"{LONG}<|endoftext|>") is None  # 16 unique words
    assert clean(f"{LONG} {LONG} {LONG}<|endoftext|>", drop_repeated_sentences=False) is None  # still 16
    assert clean(f"{LONG} Alpha beta gamma delta.<|endoftext|>") is not None  # 20


def test_every_rule_can_be_switched_off():
    sample = '<|startoftext|>Tax "cuts"\nnow. Tax "cuts"\nnow. And then'
    kept = clean(sample, strip_markers=False, strip_newlines=False, strip_quotes=False, drop_unfinished_sentence=False,
                 drop_repeated_sentences=False, min_unique_words=0)
    assert kept == '<|startoftext|>Tax "cuts" now. Tax "cuts" now. And then'  # whitespace is always normalised
    assert clean(sample, min_unique_words=0) == "Tax cuts now."


def test_identical_posts_are_kept_once_in_sample_order():
    samples = [f"{LONG} {MORE}<|endoftext|>", "too short.<|endoftext|>", f"{LONG} {MORE}<|endoftext|>",
               f"{MORE} {LONG}<|endoftext|>"]
    assert clean_posts(samples, PostprocessConfig(), regex_split) == [f"{LONG} {MORE}", f"{MORE} {LONG}"]
    assert len(clean_posts(samples, PostprocessConfig(drop_repeated_posts=False), regex_split)) == 3


def test_the_regex_splitter_splits_after_sentence_punctuation_only():
    assert regex_split('He said "stop." Then 3.5 percent left! Why? Because') == [
        'He said "stop."', "Then 3.5 percent left!", "Why?", "Because"]


def test_the_splitter_is_the_punkt_model_trained_by_clean_when_there_is_one(data_dir):
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    trainer.train("Dr. Smith met Mr. Jones. They talked. Dr. Brown came too. Mr. Lee left. " * 20, finalize=True)
    (data_dir / "left").mkdir()
    with open(data_dir / "left" / "punkt.pickle", "wb") as handle:
        pickle.dump(PunktSentenceTokenizer(trainer.get_params()), handle)
    split, name = sentence_splitter(data_dir, "left")
    assert "punkt" in name and "04_clean" in name
    assert split("Dr. Smith spoke. Mr. Jones agreed.") == ["Dr. Smith spoke.", "Mr. Jones agreed."]


def test_without_a_punkt_model_the_splitter_falls_back_and_says_which(data_dir):
    split, name = sentence_splitter(data_dir, "right")
    assert name in {"nltk punkt", "regex"}
    assert split("One thing. Another thing.") == ["One thing.", "Another thing."]


def test_a_corrupt_punkt_model_falls_back_instead_of_failing_generation(data_dir, caplog):
    (data_dir / "left").mkdir()
    (data_dir / "left" / "punkt.pickle").write_bytes(b"not a pickle\n")
    split, name = sentence_splitter(data_dir, "left")
    assert name in {"nltk punkt", "regex"}
    assert split("One thing. Another thing.") == ["One thing.", "Another thing."]
    assert "punkt.pickle" in caplog.text


@pytest.mark.parametrize("piece", ["<|", "|>", "<|endof", "endoftext|>", "startoftext", "<|startoftext|>", "oftext|>",
                                   "endoftext", "startof"])
def test_no_piece_of_a_marker_reaches_a_post_wherever_the_model_wrote_it(piece):
    for sample in (f"{piece}{LONG} {MORE}", f"{LONG} {piece} {MORE}", f"{LONG}{piece}{MORE}", f"{LONG} {MORE} {piece}"):
        post = clean(sample, min_unique_words=10)  # a whole marker mid-sample ends the post there
        assert post is not None and not any(bit in post for bit in ("<|", "|>", "startoftext", "endoftext", "oftext")), (
            sample, post)


def test_dropped_samples_are_counted_by_reason():
    dropped: dict[str, int] = {}
    posts = clean_posts([f"{LONG} {MORE}", f"{LONG} {MORE}", "Too short.", "no end"], PostprocessConfig(), regex_split,
                        dropped)
    assert posts == [f"{LONG} {MORE}"]
    assert dropped == {"a repeat of an earlier post": 1, "fewer than 20 different words": 1, "no finished sentence": 1}
