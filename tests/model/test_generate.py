"""Generation: one graph per side, seeded, top_k then top_p, early stop, posts ranked by sentiment."""

import json
import threading

import numpy as np
import pytest

from botbaby.cli import main
from botbaby.contract import SENTIMENTS, SampleSettings, majority_view
from botbaby.errors import BotbabyError
from botbaby.generate import Generator, PostprocessConfig


def run_filter(logits, top_k, top_p):
    import tensorflow as tf

    from botbaby.engine import filter_logits

    graph = tf.Graph()
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
        k = tf.compat.v1.placeholder(tf.int32, [])
        p = tf.compat.v1.placeholder(tf.float32, [])
        out = filter_logits(tf.constant(logits, tf.float32), k, p)
        kept = sess.run(out, {k: top_k, p: top_p}) > -1e9
    return [np.flatnonzero(row).tolist() for row in kept]


LOGITS = [[4.0, 3.0, 2.0, 1.0, 0.0], [0.0, 1.0, 2.0, 3.0, 4.0]]  # softmax: .636 .234 .086 .032 .012


def test_top_k_keeps_the_k_likeliest_tokens_and_zero_turns_it_off():
    assert run_filter(LOGITS, 2, 1.0) == [[0, 1], [3, 4]]
    assert run_filter(LOGITS, 0, 1.0) == [[0, 1, 2, 3, 4]] * 2
    assert run_filter(LOGITS, 1000, 1.0) == [[0, 1, 2, 3, 4]] * 2


def test_top_p_keeps_the_smallest_set_reaching_the_probability_mass():
    assert run_filter(LOGITS, 0, 0.5) == [[0], [4]]
    assert run_filter(LOGITS, 0, 0.7) == [[0, 1], [3, 4]]
    assert run_filter(LOGITS, 0, 0.9) == [[0, 1, 2], [2, 3, 4]]


def test_top_k_applies_before_top_p_so_both_settings_count():
    # top_k 3 renormalises to .665 .245 .090, so top_p .9 keeps two; top_p first would have kept three
    assert run_filter(LOGITS, 3, 0.9) == [[0, 1], [3, 4]]


@pytest.fixture(scope="module")
def left(tiny_models):
    generator = Generator(tiny_models, "left", engine="tf")  # these tests look inside the TensorFlow engine
    yield generator
    generator.close()


SHORT = SampleSettings(num_samples=6, length=60)


@pytest.mark.slow
def test_the_same_seed_gives_the_same_posts_and_another_seed_others(left):
    first = left.generate("Working families", SHORT, seed=7)
    assert left.generate("Working families", SHORT, seed=7) == first
    assert left.generate("Working families", SHORT, seed=8).raw != first.raw
    assert len(first.raw) == 6 and all(sample.startswith("Working families") for sample in first.raw)


@pytest.mark.slow
def test_top_k_1_is_greedy_so_every_sample_is_the_same(left):
    generation = left.generate("Our nurses", SampleSettings(num_samples=4, length=40, top_k=1, top_p=1.0), seed=1)
    assert len(set(generation.raw)) == 1


@pytest.mark.slow
@pytest.mark.parametrize("settings", [
    SampleSettings(num_samples=3, length=30, temperature=1.9, top_k=0, top_p=1.0),
    SampleSettings(num_samples=1, length=1, temperature=0.1, top_k=1000, top_p=0.05),
    SampleSettings(num_samples=50, length=20),
])
def test_any_valid_settings_give_one_sample_per_request(left, settings):
    generation = left.generate("Renters", settings, seed=3)
    assert len(generation.raw) == settings.num_samples
    assert all(sample.startswith("Renters") for sample in generation.raw)


@pytest.mark.slow
def test_sampling_stops_as_soon_as_every_sample_has_ended(left):
    samples = left.engine.sample("<|startoftext|>Public schools", num_samples=5, length=400, seed=2)
    assert all(sample.endswith(("<|endoftext|>", "<|startoftext|>")) for sample in samples)
    longest = max(len(left.engine.encode(sample)) for sample in samples)
    assert left.engine.last_steps < 400 and left.engine.last_steps <= longest + 1


@pytest.mark.slow
def test_requests_add_nothing_to_the_graph_so_memory_stays_flat(left):
    operations = len(left.engine.graph.get_operations())
    for seed in range(3):
        left.generate("Young people", SampleSettings(num_samples=4, length=20, top_k=seed, top_p=0.5 + seed / 10),
                      seed=seed)
    assert left.engine.graph.finalized and len(left.engine.graph.get_operations()) == operations


def test_the_one_token_step_computes_what_gpt2_simples_model_computes(left):
    import tensorflow as tf
    from gpt_2_simple.src import model

    from botbaby.engine import _next_token_logits

    hparams = left.engine.hparams
    graph = tf.Graph()
    with graph.as_default():
        tokens = tf.constant(np.random.RandomState(0).randint(0, hparams.n_vocab, (3, 9)), tf.int32)
        past = model.model(hparams=hparams, X=tokens[:, :-1], reuse=tf.compat.v1.AUTO_REUSE)["present"]
        reference = model.model(hparams=hparams, X=tokens[:, -1:], past=past, reuse=tf.compat.v1.AUTO_REUSE)
        logits, present = _next_token_logits(tf, model, hparams, tokens[:, -1], past)
        with tf.compat.v1.Session(graph=graph) as sess:
            tf.compat.v1.train.Saver().restore(sess, tf.train.latest_checkpoint(str(left.engine.model_dir)))
            expected, expected_present, got, got_present = sess.run(
                [reference["logits"][:, -1], reference["present"], logits, present])
    np.testing.assert_allclose(got, expected, atol=1e-4)
    np.testing.assert_allclose(got_present, expected_present, atol=1e-5)


@pytest.mark.slow
def test_posts_are_post_processed_ranked_by_sentiment_and_shown_by_majority(left):
    generation = left.generate("Working families", SampleSettings(num_samples=20, length=80), seed=11)
    assert 0 < len(generation.ranked) <= 10
    assert all("<|" not in post.text and '"' not in post.text for post in generation.ranked)
    assert all(len({w.lower().strip(".!?,") for w in post.text.split()}) >= 20 for post in generation.ranked)
    order = [(SENTIMENTS.index(post.sentiment), -post.score) for post in generation.ranked]
    assert order == sorted(order)
    assert generation.majority == majority_view(generation.ranked)


@pytest.mark.slow
def test_two_sides_live_in_one_process_and_generate_from_worker_threads(tiny_models, left):
    right = Generator(tiny_models, "right", postprocess=PostprocessConfig(min_unique_words=0))
    try:
        results = {}
        threads = [threading.Thread(target=lambda g=g: results.update({g.side: g.generate("Our farmers", SHORT, seed=5)}))
                   for g in (left, right)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results["left"].raw != results["right"].raw
        assert results["right"] == right.generate("Our farmers", SHORT, seed=5)
    finally:
        right.close()
    with pytest.raises(BotbabyError, match="was closed"):
        right.generate("Our farmers", SHORT)


def test_a_side_without_a_model_is_told_to_run_train(data_dir):
    with pytest.raises(BotbabyError, match=r"no trained model for side 'left'.*botbaby train left"):
        Generator(data_dir, "left")


@pytest.mark.slow
def test_the_cli_prints_raw_samples_and_the_majority_view_as_json(tiny_models, capsys):
    assert main(["generate", "left", "--data", str(tiny_models), "--prompt", "Working families", "--seed", "4",
                 "--num-samples", "8", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["raw"]) == 8
    assert all(set(tweet) == {"text", "sentiment", "score"} for tweet in printed["tweets"])
    assert len({tweet["sentiment"] for tweet in printed["tweets"]}) <= 1


@pytest.mark.parametrize("option, value, message", [
    ("--top-p", "1.5", "top_p must be between 0.05 and 1, got 1.5"),
    ("--num-samples", "0", "num_samples must be between 1 and 50, got 0"),
    ("--length", "2.5", "length must be a whole number, got 2.5"),
    ("--temperature", "0", "temperature must be between 0.05 and 2, got 0"),
])
def test_the_cli_refuses_out_of_range_settings_with_a_clear_error(data_dir, capsys, option, value, message):
    assert main(["generate", "left", "--data", str(data_dir), "--prompt", "x", option, value]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("prompt", "message"), [
    ("   ", "prompt is required and must not be blank"),
    ("x" * 281, "prompt is too long"),
])
def test_the_cli_checks_the_prompt_as_the_api_does(data_dir, capsys, prompt, message):
    assert main(["generate", "left", "--data", str(data_dir), "--prompt", prompt]) == 2
    assert message in capsys.readouterr().err


def test_the_cli_names_botbaby_train_when_the_side_has_no_model(data_dir, capsys):
    assert main(["generate", "left", "--data", str(data_dir), "--prompt", "x"]) == 2
    assert "run `botbaby train left" in capsys.readouterr().err
