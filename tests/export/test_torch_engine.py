"""The PyTorch engine: the TensorFlow engine's logits and filters, its interface, and serving without TensorFlow."""

import json
import sys

import numpy as np
import pytest

from botbaby.engine import choose_engine, open_engine
from botbaby.errors import BotbabyError, ConfigError
from botbaby.export import INFO_NAME
from botbaby.layout import Layout


@pytest.fixture(scope="module")
def torch_left(tiny_models):
    from botbaby.torch_engine import TorchEngine

    engine = TorchEngine(Layout(tiny_models).side("left").model_dir)
    yield engine
    engine.close()


def tf_filter(logits, top_k, top_p):
    import tensorflow as tf

    from botbaby.engine import filter_logits

    graph = tf.Graph()
    with graph.as_default(), tf.compat.v1.Session(graph=graph) as sess:
        return sess.run(filter_logits(tf.constant(logits, tf.float32), top_k, top_p)) > -1e9


def torch_filter(logits, top_k, top_p):
    import torch

    from botbaby.torch_engine import filter_logits

    return (filter_logits(torch.tensor(logits, dtype=torch.float32), top_k, top_p) > -1e9).numpy()


@pytest.mark.parametrize("top_k, top_p", [(40, 0.9), (0, 0.9), (40, 1.0), (1, 0.5), (0, 0.3), (3, 0.99), (0, 1.0)])
def test_both_engines_keep_the_same_candidate_tokens(top_k, top_p):
    rng = np.random.RandomState(top_k * 100 + int(top_p * 100))
    # flat, peaked and heavy-tailed rows over a GPT-2-sized vocabulary, as a model at temperature 0.7 gives
    logits = np.concatenate([rng.normal(0, scale, (4, 50257)) for scale in (0.5, 3.0, 8.0)]).astype(np.float32) / 0.7
    kept_tf, kept_torch = tf_filter(logits, top_k, top_p), torch_filter(logits, top_k, top_p)
    assert (kept_tf == kept_torch).all()
    assert kept_torch[np.arange(len(logits)), logits.argmax(axis=1)].all()  # the likeliest token always survives


@pytest.mark.parametrize("top_k, top_p", [(40, 0.9), (0, 0.9), (40, 1.0), (1, 0.5), (0, 0.3), (3, 0.99), (0, 1.0),
                                          (999, 0.9), (1000, 0.9)])
def test_the_candidates_the_engine_samples_from_are_the_filters_own(top_k, top_p):
    import torch

    from botbaby.torch_engine import candidates, filter_logits

    rng = np.random.RandomState(top_k + int(top_p * 100))
    logits = np.concatenate([rng.normal(0, scale, (4, 1000)) for scale in (0.5, 3.0, 8.0)]).astype(np.float32) / 0.7
    logits[0, :] = 1.0  # every token tied
    order = np.argsort(-logits[1])
    logits[1, order[max(top_k, 1): max(top_k, 1) + 2]] = logits[1, order[max(top_k, 1) - 1]]  # ties at the k-th place
    logits[2, np.argsort(-logits[2])[:5]] = logits[2].max() + 1  # a tie at the top
    logits = torch.tensor(logits)
    expected = filter_logits(logits, top_k, top_p) > -1e9
    values, ids = candidates(logits, top_k, top_p)
    kept = torch.zeros_like(expected)
    kept.scatter_(1, torch.arange(logits.shape[1]).expand_as(logits) if ids is None else ids, values > -1e9)
    assert (kept == expected).all()


def test_draw_follows_the_candidates_probabilities():
    import torch

    from botbaby.torch_engine import draw

    logits = torch.log(torch.tensor([[0.5, 0.3, 0.2, 0.0]])).expand(20_000, -1)
    ids = torch.tensor([[7, 3, 9, 1]]).expand(20_000, -1)
    tokens = draw(logits, ids, torch.Generator().manual_seed(0))
    counts = {token: int((tokens == token).sum()) / 20_000 for token in (7, 3, 9, 1)}
    assert counts[1] == 0 and abs(counts[7] - 0.5) < 0.02 and abs(counts[3] - 0.3) < 0.02 and abs(counts[9] - 0.2) < 0.02


def test_next_token_logits_with_the_cache_agree_with_the_tensorflow_engine(tiny_models, torch_left):
    import tensorflow as tf
    import torch
    from gpt_2_simple.src import model

    from botbaby.engine import _next_token_logits, load_hparams

    model_dir = Layout(tiny_models).side("left").model_dir
    hparams = load_hparams(model_dir)
    tokens = np.random.RandomState(1).randint(0, hparams.n_vocab, (3, 9))
    graph = tf.Graph()
    with graph.as_default():
        past = model.model(hparams=hparams, X=tf.constant(tokens[:, :-1]), reuse=tf.compat.v1.AUTO_REUSE)["present"]
        logits, _ = _next_token_logits(tf, model, hparams, tf.constant(tokens[:, -1]), past)  # the TF engine's step
        with tf.compat.v1.Session(graph=graph) as sess:
            tf.compat.v1.train.Saver().restore(sess, tf.train.latest_checkpoint(str(model_dir)))
            expected = sess.run(logits)
    with torch.inference_mode():  # the torch engine's step: the prompt fills the cache, then one token
        decoder = torch_left.decoder
        decoder.start(3, 9)
        prompt_logits = decoder.step(torch.tensor(tokens[:, :-1]), 0, causal=True)
        logits = decoder.step(torch.tensor(tokens[:, -1:]), 8)
        whole = torch_left.model(input_ids=torch.tensor(tokens)).logits  # transformers' own forward
        decoder.start(3, 9)  # one prompt for every sample: computed once, its keys and values shared
        decoder.step(torch.tensor(tokens[:1, :-1]), 0, causal=True)
        shared = decoder.step(torch.tensor(tokens[:, -1:]), 8)
    np.testing.assert_allclose(logits.numpy(), expected, atol=1e-4)
    np.testing.assert_allclose(prompt_logits.numpy(), whole[:, -2].numpy(), atol=1e-4)
    np.testing.assert_allclose(whole[:, -1].numpy(), expected, atol=1e-4)
    np.testing.assert_allclose(shared[0].numpy(), expected[0], atol=1e-4)
    assert not np.allclose(shared[1:].numpy(), expected[1:], atol=1e-3)  # the other rows read the first's prompt


def test_greedy_samples_follow_transformers_own_forward_token_by_token(torch_left):
    """Every decode step's position and cache, not only the first: top_k=1 is the argmax of the full forward."""
    import torch

    context = torch_left.encode("<|startoftext|>Working families deserve")
    rows = torch_left.sample_tokens(context, num_samples=3, length=40, temperature=0.7, top_k=1, top_p=1.0, seed=0)
    assert len(rows[0]) > 10 and rows[0] == rows[1] == rows[2]
    tokens = list(context)
    with torch.inference_mode():
        for token in rows[0]:
            logits = torch_left.model(input_ids=torch.tensor([tokens])).logits[0, -1]
            assert token == int(torch.argmax(logits)), len(tokens) - len(context)
            tokens.append(token)


def test_half_precision_models_give_float32_logits(tiny_models):
    """bfloat16 logits tie at the k-th likeliest token in most rows: the last layer runs in float32."""
    import torch

    from botbaby.torch_engine import TorchEngine

    engine = TorchEngine(Layout(tiny_models).side("left").model_dir, device="cpu", dtype="bfloat16")
    try:
        engine.decoder.start(2, 4)
        with torch.inference_mode():
            logits = engine.decoder.step(torch.tensor([[1, 2, 3]]), 0, causal=True)
        assert logits.dtype == torch.float32 and engine.model.dtype == torch.bfloat16
        assert len(engine.sample("<|startoftext|>Public schools", num_samples=2, length=20, seed=1)) == 2
    finally:
        engine.close()


def test_bfloat16_only_where_the_gpu_has_it_natively(monkeypatch):
    import torch

    from botbaby.torch_engine import default_dtype

    assert default_dtype("cpu") == "float32"
    for capability, expected in (((7, 5), "float16"), ((8, 0), "bfloat16"), ((9, 0), "bfloat16")):
        monkeypatch.setattr(torch.cuda, "get_device_capability", lambda device, c=capability: c)
        assert default_dtype("cuda") == expected  # a T4 emulates bfloat16: float16 is faster there


def test_the_same_seed_gives_the_same_samples_and_another_seed_others(torch_left):
    first = torch_left.sample("<|startoftext|>Working families", num_samples=4, length=30, seed=5)
    assert first == torch_left.sample("<|startoftext|>Working families", num_samples=4, length=30, seed=5)
    assert first != torch_left.sample("<|startoftext|>Working families", num_samples=4, length=30, seed=6)


def test_sampling_stops_once_every_sample_has_ended(torch_left):
    samples = torch_left.sample("<|startoftext|>Public schools", num_samples=5, length=400, seed=2)
    assert all("<|endoftext|>" in sample or "<|startoftext|>" in sample for sample in samples)
    longest = max(len(torch_left.encode(sample)) for sample in samples)
    assert torch_left.last_steps < 400 and torch_left.last_steps <= longest + 1
    for sample in samples:  # nothing after the end marker: each sample stops where it ended
        assert sample.endswith(("<|endoftext|>", "<|startoftext|>")), sample


def test_the_prompt_must_fit_the_context(torch_left):
    with pytest.raises(BotbabyError, match="reads at most 1023"):
        torch_left.sample_tokens([1] * 1024, num_samples=1, length=5, temperature=0.7, top_k=40, top_p=0.9, seed=0)
    with pytest.raises(BotbabyError, match="empty context"):
        torch_left.sample_tokens([], num_samples=1, length=5, temperature=0.7, top_k=40, top_p=0.9, seed=0)


def machine(monkeypatch, gpu: bool, tensorflow: bool) -> None:
    """Make ``choose_engine`` see a machine with or without a GPU for torch and TensorFlow installed."""
    import botbaby.engine as engine_module

    installed = engine_module._installed
    monkeypatch.setattr(engine_module, "torch_sees_gpu", lambda: gpu)
    monkeypatch.setattr(engine_module, "_installed",
                        lambda *modules: (tensorflow or "tensorflow" not in modules) and installed(*modules))
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)  # as in a fresh process
    monkeypatch.delitem(sys.modules, "torch", raising=False)


@pytest.mark.parametrize("gpu, tensorflow, expected", [(True, True, "torch"), (True, False, "torch"),
                                                       (False, False, "torch"), (False, True, "tf")])
def test_auto_picks_torch_on_a_gpu_or_without_tensorflow_and_tensorflow_on_a_cpu_that_has_it(
        data, monkeypatch, gpu, tensorflow, expected):
    model_dir = Layout(data).side("left").model_dir
    machine(monkeypatch, gpu=gpu, tensorflow=tensorflow)
    assert choose_engine(model_dir) == expected
    assert choose_engine(model_dir, "tf") == "tf" and choose_engine(model_dir, "torch") == "torch"
    with pytest.raises(ConfigError, match="engine must be one of auto, tf, torch"):
        choose_engine(model_dir, "jax")


def test_auto_keeps_tensorflow_for_an_old_export_or_a_process_that_loaded_it(data, monkeypatch, caplog):
    model_dir = Layout(data).side("left").model_dir
    machine(monkeypatch, gpu=True, tensorflow=True)
    monkeypatch.setitem(sys.modules, "tensorflow", object())  # a process that already loaded TensorFlow keeps it
    assert choose_engine(model_dir) == "tf"
    monkeypatch.delitem(sys.modules, "tensorflow")
    assert choose_engine(model_dir) == "torch"
    info = model_dir / "hf" / INFO_NAME
    info.write_text(json.dumps({**json.loads(info.read_text()), "index_sha256": "0" * 64}))  # more training since
    assert choose_engine(model_dir) == "tf"
    machine(monkeypatch, gpu=True, tensorflow=False)  # the old export is all this machine can serve
    assert choose_engine(model_dir) == "torch"
    assert "older than the checkpoint" in caplog.text


def test_auto_never_loads_tensorflow_beside_cuda_torch(data, monkeypatch, caplog):
    """Either order aborts the process: a side whose export is current has loaded CUDA torch, the next one
    (stale or no export) must not bring TensorFlow in."""
    import shutil

    paths = Layout(data).side("left")
    machine(monkeypatch, gpu=True, tensorflow=True)
    monkeypatch.setitem(sys.modules, "torch", type("torch", (), {}))  # CUDA torch loaded (torch_sees_gpu: True)
    info = paths.hf_dir / INFO_NAME
    info.write_text(json.dumps({**json.loads(info.read_text()), "index_sha256": "0" * 64}))  # stale
    assert choose_engine(paths.model_dir) == "torch"
    assert "older than the checkpoint" in caplog.text
    shutil.rmtree(paths.hf_dir)
    with pytest.raises(BotbabyError, match="TensorFlow cannot join"):
        choose_engine(paths.model_dir)
    assert choose_engine(paths.model_dir, "tf") == "tf"  # asked for by name: the caller's choice


def test_torch_sees_no_gpu_through_a_cpu_build_without_importing_it(monkeypatch):
    import importlib.metadata

    import botbaby.engine as engine_module

    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "2.13.0+cpu")
    assert engine_module.torch_sees_gpu() is False
    assert "torch" not in sys.modules
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "2.13.0")
    monkeypatch.setattr(engine_module.shutil, "which", lambda name: "/usr/bin/nvidia-smi")
    assert engine_module.torch_sees_gpu() is True
    monkeypatch.setitem(sys.modules, "torch", type("torch", (), {"cuda": type("cuda", (), {"is_available": lambda: False})}))
    assert engine_module.torch_sees_gpu() is False  # once loaded, torch itself is asked


def test_asking_for_torch_without_an_export_says_to_export(data):
    import shutil

    paths = Layout(data).side("left")
    shutil.rmtree(paths.hf_dir)
    assert choose_engine(paths.model_dir) == "tf"
    with pytest.raises(BotbabyError, match="run `botbaby export SIDE` first"):
        open_engine(paths.model_dir, "torch")


def test_the_generator_gives_posts_with_either_engine(tiny_models):
    from botbaby.contract import SampleSettings
    from botbaby.generate import Generator
    from botbaby.torch_engine import TorchEngine

    for engine in ("torch", "tf"):
        generator = Generator(tiny_models, "left", engine=engine)
        try:
            assert isinstance(generator.engine, TorchEngine) == (engine == "torch")
            generation = generator.generate("Working families", SampleSettings(num_samples=10, length=60), seed=3)
        finally:
            generator.close()
        assert len(generation.raw) == 10 and generation.ranked, engine


def test_botbaby_serve_answers_with_the_torch_engine_on_a_machine_without_tensorflow(data):
    import re
    import signal
    import subprocess
    import sys

    import httpx
    from export_helpers import NO_TENSORFLOW

    code = NO_TENSORFLOW + "from botbaby.cli import main\nsys.exit(main(sys.argv[1:]))"
    server = subprocess.Popen([sys.executable, "-c", code, "serve", "--data", str(data), "--port", "0", "--wait", "120"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        address = re.search(r"http://[\d.]+:\d+", line)
        assert address, line + server.stderr.read() if server.poll() is not None else line
        answer = httpx.get(f"{address[0]}/generate", params={"model": "left", "prompt": "Working families",
                                                             "num_samples": 8}, timeout=180)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)
    assert answer.status_code == 200, answer.text
    assert all(post["text"] and post["sentiment"] for post in answer.json())


def test_botbaby_generate_takes_the_engine_to_use(tiny_models, capsys):
    from botbaby.cli import main

    assert main(["generate", "left", "--data", str(tiny_models), "--prompt", "Working families", "--engine", "torch",
                 "--num-samples", "6", "--seed", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["raw"]) == 6


def test_botbaby_serve_samples_with_the_engine_it_is_given(data, monkeypatch, capsys):
    import botbaby.serve.app as app
    from botbaby.cli import main
    from botbaby.engine import SamplingEngine
    from botbaby.serve.config import ServeConfig
    from botbaby.torch_engine import TorchEngine

    for engine, kind in (("torch", TorchEngine), ("tf", SamplingEngine)):
        generator = app.default_factory(data, engine)("left")
        try:
            assert isinstance(generator.engine, kind)
        finally:
            generator.close()
    asked = []
    monkeypatch.setattr(app, "default_factory", lambda data, engine: asked.append(engine) or (lambda side: None))
    app.create_app(data, ServeConfig(engine="torch", sides=("left",)))
    assert asked == ["torch"]
    with pytest.raises(SystemExit):
        main(["serve", "--data", str(data), "--engine", "jax"])
    assert "invalid choice: 'jax'" in capsys.readouterr().err
