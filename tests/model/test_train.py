"""Training: a tiny GPT-2 per side, written where generation and serving look for it, resumable."""

import csv
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from botbaby import colab
from botbaby.cli import main
from botbaby.engine import SamplingEngine
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import Layout, has_checkpoint, steps_done
from botbaby.releases import download_release
from botbaby.train import TrainConfig, train

TINY_FAST = {"model": "tiny", "steps": 1, "accumulate_gradients": 1, "tiny_vocab_size": 300, "tiny_n_embd": 16, "tiny_n_layer": 1,
             "tiny_n_head": 1, "perplexity_tokens": 200}


def copy_side(tiny_models: Path, tmp_path: Path, side: str = "left") -> Path:
    data = tmp_path / "data"
    shutil.copytree(tiny_models / side, data / side)
    return data


@pytest.mark.slow
def test_tiny_models_fixture_trains_both_sides_into_their_model_folders(tiny_models):
    for side in ("left", "right"):
        model_dir = Layout(tiny_models).side(side).model_dir
        assert has_checkpoint(model_dir)
        assert steps_done(model_dir) == 120
        for name in ("run_config.json", "loss.csv", "loss.png", "metrics.json", "encoder.json", "vocab.bpe"):
            assert (model_dir / name).is_file(), name
        saved = json.loads((model_dir / "run_config.json").read_text())
        assert saved["model"] == "tiny" and saved["steps"] == 120
        with open(model_dir / "loss.csv", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [int(row["step"]) for row in rows] == list(range(1, 121))
        assert float(rows[-1]["avg_loss"]) < float(rows[0]["avg_loss"])
        metrics = json.loads((model_dir / "metrics.json").read_text())
        assert 1.0 < metrics["perplexity"] < 50  # a random model over a 500-token vocabulary scores ~500


@pytest.mark.slow
def test_training_again_resumes_from_the_latest_checkpoint_up_to_the_steps_asked(tiny_models, tmp_path):
    data = copy_side(tiny_models, tmp_path)
    config = json.loads((data / "left" / "model" / "run_config.json").read_text())
    result = train(data, "left", TrainConfig.from_dict({**config, "steps": 125}))
    assert (result.steps, result.skipped) == (125, False)
    with open(data / "left" / "model" / "loss.csv", newline="") as handle:
        assert [int(row["step"]) for row in csv.DictReader(handle)] == list(range(1, 126))
    again = train(data, "left", TrainConfig.from_dict({**config, "steps": 125}))
    assert (again.steps, again.skipped, again.perplexity) == (125, True, result.perplexity)


@pytest.mark.slow
def test_the_cli_trains_each_side_and_skips_a_finished_one(tiny_models, tmp_path, capsys):
    data = copy_side(tiny_models, tmp_path)
    assert main(["train", "left", "--data", str(data), "--model", "tiny", "--steps", "120"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["skipped"] is True


@pytest.mark.slow
def test_a_relative_data_folder_trains_from_another_working_directory_and_leaves_it_alone(tiny_models, tmp_path,
                                                                                         monkeypatch):
    (tmp_path / "data" / "left").mkdir(parents=True)
    for name in ("train.txt", "val.txt"):
        shutil.copy(tiny_models / "left" / name, tmp_path / "data" / "left" / name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = train(Path("../data"), "left", TrainConfig.from_dict({**TINY_FAST, "steps": 2, "sample_every": 1,
                                                                 "sample_length": 8}))
    assert Path.cwd() == elsewhere and list(elsewhere.iterdir()) == []  # no ./samples, no stray model folder
    model_dir = tmp_path / "data" / "left" / "model"
    assert result.steps == 2 and has_checkpoint(model_dir)
    assert [path.name for path in model_dir.glob("samples-*")] == ["samples-2"]  # gpt-2-simple's sample file
    engine = SamplingEngine(Path("../data/left/model"))
    assert engine.sample("<|startoftext|>", num_samples=1, length=4, seed=1)
    engine.close()


@pytest.mark.slow
def test_a_model_of_another_kind_is_not_resumed_silently(tiny_models, tmp_path):
    data = copy_side(tiny_models, tmp_path)
    with pytest.raises(BotbabyError, match=r"holds a tiny model; to train a 124M model instead, delete"):
        train(data, "left", TrainConfig(model="124M", steps=500))


def test_a_side_without_training_text_is_told_to_run_clean(data_dir):
    with pytest.raises(BotbabyError, match=r"no training text for side 'left'.*botbaby clean left"):
        train(data_dir, "left", TrainConfig())


@pytest.mark.slow
def test_a_training_text_shorter_than_one_window_is_a_clear_error_not_an_assertion(data_dir):
    train_txt = Layout(data_dir).side("left").train_txt
    train_txt.parent.mkdir(parents=True)
    train_txt.write_text("<|startoftext|>Fuel prices are up again today<|endoftext|>\n")
    with pytest.raises(BotbabyError, match=r"train.txt is too short to train on.*botbaby clean left"):
        train(data_dir, "left", TrainConfig(model="tiny", steps=2, tiny_vocab_size=300, perplexity_tokens=0))
    assert not has_checkpoint(Layout(data_dir).side("left").model_dir)


@pytest.mark.parametrize("values, message", [
    ({"model": "gpt-5"}, "model must be 'tiny' or a GPT-2 release"),
    ({"steps": 0}, "steps must be at least 1, not 0"),
    ({"steps": "50"}, "steps must be a whole number, not '50'"),
    ({"learning_rate": 3}, "learning_rate must be between 1e-06 and 1, not 3"),
    ({"tiny_n_embd": 30, "tiny_n_head": 4}, "must be a multiple of tiny_n_head"),
    ({"step": 10}, "unknown setting 'step' for TrainConfig"),
])
def test_bad_settings_are_refused_with_what_to_fix(values, message):
    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_dict(values)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def release_server(tiny_models, tmp_path):
    """A local stand-in for OpenAI's bucket, serving the left tiny base model as release 124M."""
    root = tmp_path / "bucket"
    shutil.copytree(tiny_models / "models" / "tiny-left", root / "models" / "124M")
    (root / "models" / "124M" / "model.ckpt.meta").write_bytes(b"")  # a release ships one; finetune never reads it
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.slow
def test_a_release_is_downloaded_with_gpt2_simple_and_fine_tuned(tiny_models, tmp_path, release_server, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(tiny_models / "left", data / "left", ignore=shutil.ignore_patterns("model"))
    monkeypatch.setenv("BOTBABY_GPT2_URL", release_server)
    result = train(data, "left", TrainConfig.from_dict({**TINY_FAST, "model": "124M", "steps": 2}))
    assert sorted(p.name for p in (data / "models" / "124M").iterdir()) == sorted(
        ["checkpoint", "encoder.json", "hparams.json", "model.ckpt.data-00000-of-00001", "model.ckpt.index",
         "model.ckpt.meta", "vocab.bpe"])
    assert result.steps == 2 and has_checkpoint(result.model_dir)


@pytest.mark.slow
def test_a_failed_download_leaves_no_half_release(tmp_path, release_server):
    with pytest.raises(BotbabyError, match=r"did not serve GPT-2 355M"):
        download_release(tmp_path / "models", "355M", url=release_server)  # the bucket has only 124M
    assert list((tmp_path / "models").iterdir()) == []


@pytest.mark.slow
def test_a_model_round_trips_through_drive_as_one_archive(tiny_models, tmp_path):
    data, drive = copy_side(tiny_models, tmp_path), tmp_path / "drive"
    drive.mkdir()
    archive = colab.copy_to_drive(data, "left", drive=drive)
    assert archive == drive / "botbaby-left-model.tar"
    shutil.rmtree(data / "left" / "model")
    restored = colab.copy_from_drive(tmp_path / "elsewhere", "left", drive=drive)
    assert has_checkpoint(restored) and steps_done(restored) == 120
    engine = SamplingEngine(restored)  # checkpoint paths are relative, so the moved folder still loads
    assert len(engine.sample("<|startoftext|>Renters", num_samples=2, length=5, seed=1)) == 2
    engine.close()


@pytest.mark.slow
def test_copying_to_drive_without_a_model_or_a_drive_says_what_to_do(tiny_models, tmp_path):
    with pytest.raises(BotbabyError, match="run `botbaby train left` first"):
        colab.copy_to_drive(tmp_path, "left", drive=tmp_path)
    with pytest.raises(BotbabyError, match="mount Google Drive first"):
        colab.copy_to_drive(tiny_models, "left", drive=tmp_path / "no-drive")


# gpt-2-simple as _finetune sees it: a module whose finetune prints its progress the way gpt-2-simple does.
FAKE_GPT_2 = '''
import random
import sys

class Sampler:
    pass

class Session:
    def close(self):
        pass

def start_tf_sess():
    return Session()

def finetune(sess, **settings):
    seen.append(sys.stdout)
    windows.append(random.randint(0, 10**9))
    for step in (1, 2):
        print("[{} | {:.2f}] loss={:.2f} avg={:.2f}".format(step, step / 10, 3 + step / 10, 3 + step / 10))
    print("======== SAMPLE 1 ========")
'''


def test_training_reads_gpt2_simples_progress_and_seeds_its_windows_leaving_stdout_and_random_alone(data_dir, monkeypatch, capsys):
    import contextlib
    import random
    import sys
    import types

    import botbaby.train as stage

    gpt_2 = types.ModuleType("fake_gpt_2")
    gpt_2.seen, gpt_2.windows = [], []
    exec(FAKE_GPT_2, vars(gpt_2))
    monkeypatch.setitem(sys.modules, "fake_gpt_2", gpt_2)
    gpt_2.Sampler.__module__ = "fake_gpt_2"
    tf = types.SimpleNamespace(Graph=lambda: types.SimpleNamespace(as_default=contextlib.nullcontext),
                               compat=types.SimpleNamespace(v1=types.SimpleNamespace(set_random_seed=lambda seed: None)))
    real_require = stage.require
    monkeypatch.setattr(stage, "require", lambda name, **kw: tf if name == "tensorflow" else real_require(name, **kw))
    monkeypatch.setattr(stage, "_gpt2", lambda: gpt_2)
    stdout, shared_random = sys.stdout, random.getstate()
    rows, _ = stage._finetune(Layout(data_dir).side("left"), data_dir, "124M", TrainConfig(steps=2, seed=7), steps=2)
    assert rows == [(1, 3.1, 3.1), (2, 3.2, 3.2)]
    assert gpt_2.seen == [stdout] and sys.stdout is stdout  # the library, and every other thread, kept sys.stdout
    assert "SAMPLE 1" in capsys.readouterr().out and not hasattr(gpt_2, "print")
    # its windows come from a generator seeded with the config's seed; the process's generator is untouched
    assert gpt_2.windows == [random.Random(7).randint(0, 10**9)] and random.getstate() == shared_random
    assert gpt_2.random is random
