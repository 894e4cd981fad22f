"""`botbaby export`: the gpt-2-simple checkpoint becomes a Hugging Face GPT2LMHeadModel folder, loadable without TensorFlow."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from export_helpers import run_without_tensorflow, tf_logits

from botbaby.export import INFO_NAME, export, export_status
from botbaby.layout import Layout

TEXT = "Working families deserve fair wages 🙂✊🏽 — मज़दूरों को उचित वेतन मिलना चाहिए! 'ok' ..."
HF_FILES = {"config.json", "model.safetensors", "vocab.json", "merges.txt", "tokenizer_config.json",
            "special_tokens_map.json", INFO_NAME}


def test_training_exports_the_model_for_pytorch(tiny_models):
    hf_dir = Layout(tiny_models).side("left").hf_dir
    assert {path.name for path in hf_dir.iterdir()} == HF_FILES
    assert export_status(hf_dir.parent) == "current"
    config = json.loads((hf_dir / "config.json").read_text())
    assert config["architectures"] == ["GPT2LMHeadModel"]
    assert (config["n_layer"], config["n_embd"], config["n_head"], config["n_positions"]) == (2, 32, 2, 1024)


def test_the_export_loads_without_tensorflow_and_computes_gpt2_simples_logits(data):
    model_dir = Layout(data).side("left").model_dir
    encoder = json.loads((model_dir / "encoder.json").read_text(encoding="utf-8"))
    tokens = np.random.RandomState(0).randint(0, len(encoder), (2, 12)).tolist()
    code = """
import json, sys
import torch
from transformers import GPT2LMHeadModel, GPT2TokenizerFast
model, info = GPT2LMHeadModel.from_pretrained(sys.argv[1], output_loading_info=True)
tokenizer = GPT2TokenizerFast.from_pretrained(sys.argv[1])
with torch.inference_mode():
    logits = model.eval()(torch.tensor(json.loads(sys.argv[2]))).logits
print(json.dumps({"info": {k: sorted(map(str, v)) for k, v in info.items()}, "logits": logits.tolist(),
                  "ids": tokenizer.encode(sys.argv[3]), "eos": tokenizer.eos_token,
                  "tf": "tensorflow" in sys.modules}))
"""
    result = run_without_tensorflow(code, str(model_dir / "hf"), json.dumps(tokens), TEXT)
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert not loaded["tf"]
    assert all(not keys for keys in loaded["info"].values()), loaded["info"]  # no missing, unexpected, mismatched weights
    np.testing.assert_allclose(np.array(loaded["logits"]), tf_logits(model_dir, tokens), atol=1e-4)
    from gpt_2_simple.src import encoder as gpt2_encoder

    assert loaded["ids"] == gpt2_encoder.get_encoder(str(model_dir)).encode(TEXT)
    assert loaded["eos"] == "<|endoftext|>"


def test_the_tokenizer_round_trips_emoji_and_devanagari_as_gpt2_simple_does(data):
    from gpt_2_simple.src import encoder as gpt2_encoder
    from transformers import GPT2TokenizerFast

    paths = Layout(data).side("left")
    tokenizer = GPT2TokenizerFast.from_pretrained(str(paths.hf_dir))
    reference = gpt2_encoder.get_encoder(str(paths.model_dir))
    for text in (TEXT, "नमस्ते दुनिया", "🙂🙂 👩‍👩‍👧", "  two  spaces\nand a newline", "<|startoftext|>Fuel prices"):
        ids = tokenizer.encode(text)
        assert ids == reference.encode(text), text
        assert tokenizer.decode(ids, clean_up_tokenization_spaces=False) == text == reference.decode(ids)


def test_a_current_export_is_skipped_and_more_training_makes_it_stale(data):
    model_dir = Layout(data).side("left").model_dir
    assert export(data, "left").skipped
    info_path = model_dir / "hf" / INFO_NAME
    info = json.loads(info_path.read_text())
    info_path.write_text(json.dumps({**info, "index_sha256": "0" * 64}))  # exported from an older checkpoint
    assert export_status(model_dir) == "stale"
    assert not export(data, "left").skipped
    assert export_status(model_dir) == "current"


def test_a_forced_export_rewrites_the_folder_in_place(data):
    hf_dir = Layout(data).side("left").hf_dir
    (hf_dir / "leftover.txt").write_text("from an older export")
    result = export(data, "left", force=True)
    assert not result.skipped and {path.name for path in hf_dir.iterdir()} == HF_FILES
    assert [path.name for path in hf_dir.parent.iterdir() if path.name.startswith(".hf")] == []


def test_an_export_that_fails_midway_leaves_the_previous_export(data, monkeypatch):
    import botbaby.export

    hf_dir = Layout(data).side("left").hf_dir
    before = (hf_dir / "model.safetensors").read_bytes()

    def crash(model_dir, out_dir):
        (out_dir / "model.safetensors").write_bytes(b"half a file")
        raise KeyboardInterrupt

    (hf_dir.parent / ".hf.killed").mkdir()  # what a kill -9 midway leaves
    monkeypatch.setattr(botbaby.export, "write_hf", crash)
    with pytest.raises(KeyboardInterrupt):
        export(data, "left", force=True)
    assert (hf_dir / "model.safetensors").read_bytes() == before
    assert export_status(hf_dir.parent) == "current"
    assert [path.name for path in hf_dir.parent.iterdir() if path.name.startswith(".hf")] == []


def test_the_cli_exports_from_another_working_directory(data, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-m", "botbaby", "export", "left", "right", "--data", str(data), "--force"],
                            capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(line["side"], line["skipped"]) for line in lines] == [("left", False), ("right", False)]
    assert list(elsewhere.iterdir()) == []


def test_exporting_a_side_without_a_model_says_to_train_it_first(data_dir, capsys):
    from botbaby.cli import main

    assert main(["export", "centre", "--data", str(data_dir)]) == 2
    assert "run `botbaby train centre` first" in capsys.readouterr().err


@pytest.mark.slow
def test_a_124m_shaped_checkpoint_exports_with_gpt2_124ms_parameter_count(tmp_path):
    from transformers import GPT2LMHeadModel

    from botbaby.export import write_hf
    from botbaby.tiny import init_checkpoint

    release = tmp_path / "124M"
    release.mkdir()
    hparams = {"n_vocab": 50257, "n_ctx": 1024, "n_embd": 768, "n_head": 12, "n_layer": 12}
    (release / "hparams.json").write_text(json.dumps(hparams))
    (release / "encoder.json").write_text(json.dumps({"<|endoftext|>": 50256}))
    (release / "vocab.bpe").write_text("#version: 0.2\n")
    init_checkpoint(release, hparams)
    write_hf(release, tmp_path / "hf")
    model = GPT2LMHeadModel.from_pretrained(str(tmp_path / "hf"))
    assert sum(parameter.numel() for parameter in model.parameters()) == 124_439_808  # OpenAI's GPT-2 small
    assert model.config.eos_token_id == 50256


def test_export_settings_are_checked_before_anything_is_read(data_dir):
    from botbaby.errors import ConfigError

    with pytest.raises(ConfigError, match="format"):
        export(data_dir, "left", {"format": "onnx"})
    with pytest.raises(ConfigError, match="user/name"):
        export(data_dir, "left", push_to_hub="not a repo")
    with pytest.raises(ConfigError, match="push_to_hub"):
        export(data_dir, "left", {"push_to_hub_repo": "me/bot"})
