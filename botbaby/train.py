"""05_train_colab, training half: fine-tune one GPT-2 per side with gpt-2-simple.

    botbaby train left right --data botbaby-data --model tiny

or, from Python (and the notebook)::

    >>> config = TrainConfig.resolve(model="tiny")  # a setting left unset takes the model's default
    >>> config.steps, config.learning_rate, config.accumulate_gradients
    (300, 0.003, 1)
    >>> TrainConfig.resolve(model="355M", steps=4000).learning_rate
    0.0001

``train(data, side, config)`` reads ``DATA/SIDE/train.txt`` and writes ``DATA/SIDE/model/``: the
checkpoint (a gpt-2-simple run whose run_name is that folder's absolute path, samples included),
``run_config.json`` (the resolved TrainConfig), ``loss.csv`` (step, loss, avg_loss), ``loss.png``
and ``metrics.json`` (perplexity on ``val.txt``). Running it again resumes from the latest
checkpoint up to ``steps`` in all; a side that already reached them is skipped.

``model`` is a GPT-2 release (``124M``, ``355M``, ...; ``botbaby.releases`` downloads it into
``DATA/models/NAME`` on first use) or ``tiny``: a small GPT-2 built from the side's own text (see
``botbaby.tiny``), which is what the tests and the CPU demo use, with settings that learn fast.
"""

import csv
import dataclasses
import io
import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botbaby._capture import own_random, prints_of
from botbaby._optional import require
from botbaby.config import StageConfig, setting
from botbaby.errors import BotbabyError, ConfigError
from botbaby.export import export_after_training
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import END, START, Layout, SidePaths, has_checkpoint, sides_list, steps_done
from botbaby.perplexity import perplexity
from botbaby.plots import figure
from botbaby.releases import RELEASES, download_release

log = logging.getLogger(__name__)

TINY = "tiny"
# What a setting left at None becomes, by model: gpt-2-simple's own defaults (and the original's 2000
# steps) for a release; for tiny, settings that write recognisable posts after half a minute on a CPU.
MODEL_DEFAULTS = {
    "release": {"steps": 2000, "learning_rate": 1e-4, "accumulate_gradients": 5, "perplexity_tokens": 20_000},
    TINY: {"steps": 300, "learning_rate": 0.003, "accumulate_gradients": 1, "perplexity_tokens": 2000},
}


@dataclass
class TrainConfig(StageConfig):
    """How to fine-tune one side's model; a setting left at None takes its model's default (MODEL_DEFAULTS)."""

    model: str = "355M"  # GPT-2 release to fine-tune (124M, 355M, 774M, 1558M) or "tiny" (built from the side's text; CPUs, tests)
    steps: int | None = setting(None, low=1)  # training steps in all; a re-run resumes up to this (unset: 2000 for a release, the original's 2000-6000; 300 for tiny)
    learning_rate: float | None = setting(None, low=1e-6, high=1.0)  # Adam learning rate (unset: 0.0001 for a release, gpt-2-simple's; 0.003 for tiny)
    batch_size: int = setting(1, low=1)  # 1024-token windows per step
    accumulate_gradients: int | None = setting(None, low=1)  # windows whose gradients are summed before each update, 1 = off (unset: 5 for a release, gpt-2-simple's; 1 for tiny)
    sample_every: int = setting(100, low=0)  # print a sample every N steps while training (0 = never)
    sample_length: int = setting(100, low=1, high=1023)  # tokens in those samples
    save_every: int = setting(500, low=1)  # write a checkpoint every N steps, and at the end
    only_train_transformer_layers: bool = False  # gpt-2-simple's advice for 355M and larger on small GPUs
    seed: int = setting(0, low=0)  # seeds the tiny model's initial weights and the order windows are sampled in
    tiny_vocab_size: int = setting(1000, low=300)  # tiny only: BPE vocabulary size
    tiny_n_embd: int = setting(64, low=1)  # tiny only: embedding width (a multiple of tiny_n_head)
    tiny_n_layer: int = setting(2, low=1)  # tiny only: transformer blocks
    tiny_n_head: int = setting(2, low=1)  # tiny only: attention heads
    perplexity_tokens: int | None = setting(None, low=0)  # val.txt tokens scored for perplexity, 0 = skip (unset: 20000 for a release, 2000 for tiny)

    def __post_init__(self) -> None:
        for name, value in MODEL_DEFAULTS[TINY if self.model == TINY else "release"].items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        super().__post_init__()

    def validate(self) -> None:
        if self.model != TINY and not re.fullmatch(r"\d+M", self.model):
            raise ConfigError(f"model must be 'tiny' or a GPT-2 release like {', '.join(RELEASES)}, got {self.model!r}")
        if self.tiny_n_embd % self.tiny_n_head:
            raise ConfigError(f"tiny_n_embd ({self.tiny_n_embd}) must be a multiple of tiny_n_head ({self.tiny_n_head})")

    def tiny_shape(self):
        from botbaby.tiny import TinyShape

        return TinyShape(self.tiny_vocab_size, self.tiny_n_embd, self.tiny_n_layer, self.tiny_n_head)


@dataclass
class TrainResult:
    """What one side's training produced."""

    side: str
    model_dir: Path
    steps: int  # steps done in all (the checkpoint's counter)
    skipped: bool  # True when the checkpoint had already reached the configured steps
    perplexity: float | None  # on val.txt, None when there is no validation text
    final_loss: float | None  # gpt-2-simple's running average at the last step
    seconds: float  # wall time of this call
    files: dict[str, str] = field(default_factory=dict)
    steps_per_second: float | None = None  # training speed of the last run (from gpt-2-simple's own timings)

    def to_dict(self) -> dict[str, Any]:
        return {"side": self.side, "model_dir": str(self.model_dir), "steps": self.steps, "skipped": self.skipped,
                "perplexity": self.perplexity, "final_loss": self.final_loss, "seconds": round(self.seconds, 2),
                "steps_per_second": self.steps_per_second, "files": self.files}


def check_runtime(model: str, require_gpu: bool = True) -> dict[str, Any]:
    """Whether this runtime can train ``model``: a release stops without a GPU (unless ``require_gpu`` is
    False) with the menu to click; ``tiny`` runs on the CPU, so for it a missing GPU is only advice."""
    from botbaby.notebook import GPU_HINT, gpu_names

    gpus = gpu_names()
    if not gpus and model != TINY and require_gpu:
        raise BotbabyError(f"training GPT-2 {model} on a CPU takes days. {GPU_HINT}")
    if not gpus:
        print(f"No GPU: training {model} on the CPU" + (" (fine for tiny)." if model == TINY else ", slowly."))
    else:
        print(f"GPU: {', '.join(gpus)}")
    return {"model": model, "gpus": gpus}


def prepare_base(layout: Layout, side: str, config: TrainConfig) -> tuple[Path, str]:
    """The (model_dir, model_name) pair gpt-2-simple fine-tunes from: a release, or this side's tiny model."""
    if config.model != TINY:
        download_release(layout.models_dir, config.model)
        return layout.models_dir, config.model
    from botbaby.tiny import build_tiny_model, built_shape

    base = layout.tiny_model_dir(side)
    if built_shape(base) != config.tiny_shape():
        build_tiny_model(layout.side(side).train_txt, base, config.tiny_shape(), seed=config.seed)
    return base.parent, base.name


# gpt-2-simple's progress line: "[12 | 3.45] loss=4.21 avg=4.30"
_PROGRESS = re.compile(r"\[(\d+) \| ([\d.]+)\] loss=([\d.naninf]+) avg=([\d.naninf]+)")


# gpt-2-simple advises memory-saving settings for any model not named 124M: noise for a tiny model
_BIG_MODEL_ADVICE = re.compile(r"For larger models|use_memory_saving_gradients = |only_train_transformer_layers = "
                               r"|^\s*accumulate_gradients = 1\s*$")


class _ProgressTap(io.TextIOBase):
    """Takes what gpt2.finetune prints: records its loss lines, moves a progress bar, echoes the rest."""

    def __init__(self, echo, bar, hide: re.Pattern | None = None) -> None:
        self.echo, self.bar, self.rows, self.times, self._line = echo, bar, [], [], ""
        self.hide = hide

    def write(self, text: str) -> int:
        self._line += text
        while "\n" in self._line:
            line, self._line = self._line.split("\n", 1)
            match = _PROGRESS.search(line)
            if match:
                step, loss, avg = int(match[1]), float(match[3]), float(match[4])
                self.rows.append((step, loss, avg))
                self.times.append(float(match[2]))  # seconds since gpt-2-simple's training loop started
                self.bar.update(1)
                self.bar.set_postfix(loss=f"{loss:.2f}", avg=f"{avg:.2f}", refresh=False)
            elif line.strip() and not (self.hide and self.hide.search(line)):
                # samples show as the posts they hold: gpt-2-simple's markers become line breaks
                text = line.replace(END, "\n").replace(START, "\n")
                self.echo.write("\n".join(part for part in text.split("\n") if part.strip()) + "\n")
        return len(text)

    def flush(self) -> None:
        self.echo.flush()


def _gpt2():
    require("tensorflow", extra="train")
    return require("gpt_2_simple.gpt_2", extra="train", package="gpt-2-simple")


def _relativize_checkpoint_state(model_dir: Path) -> None:
    """Rewrite gpt-2-simple's ``checkpoint`` file with relative paths, so a moved or restored folder still loads."""
    state = model_dir / "checkpoint"
    if state.is_file():
        text = re.sub(r'"[^"]*[/\\]([^"/\\]+)"', r'"\1"', state.read_text())
        atomic_write_text(state, text)


def steps_per_second(times: list[float]) -> float | None:
    """Training speed from gpt-2-simple's progress times, first step to last (graph building and loading excluded)."""
    if len(times) < 2 or times[-1] <= times[0]:
        return None
    return (len(times) - 1) / (times[-1] - times[0])


def _finetune(paths: SidePaths, base_dir: Path, base_name: str, config: TrainConfig,
              steps: int) -> tuple[list[tuple], float | None]:
    """Run gpt2.finetune for ``steps`` more steps in a graph of its own; return its (step, loss, avg) lines and speed."""
    tf = require("tensorflow", extra="train")
    gpt2 = _gpt2()
    tqdm = require("tqdm.auto", extra="core", package="tqdm").tqdm
    done = steps_done(paths.model_dir)
    # gpt-2-simple picks training windows with `random`: its sampler gets a generator of its own, seeded
    # as the global one was before (same windows), so no other code's random numbers change or matter.
    sampler = sys.modules[gpt2.Sampler.__module__]
    bar = tqdm(total=config.steps, initial=done, desc=f"training {paths.name}", unit="step")
    tap = _ProgressTap(sys.stdout, bar, hide=_BIG_MODEL_ADVICE if config.model == TINY else None)
    # gpt-2-simple writes checkpoints to CHECKPOINT_DIR/RUN_NAME and samples to ./samples/RUN_NAME. An absolute
    # run_name (os.path.join keeps it whole) puts both in the side's model folder whatever the working directory,
    # so nothing here depends on, or changes, the process's working directory.
    run_dir = paths.model_dir.absolute()
    with tf.Graph().as_default():
        tf.compat.v1.set_random_seed(config.seed)
        sess = gpt2.start_tf_sess()
        try:
            # gpt-2-simple's prints only: sys.stdout stays as it is
            with prints_of(gpt2, tap.write), own_random(sampler, config.seed + done):
                gpt2.finetune(
                    sess,
                    dataset=str(paths.train_txt.absolute()),
                    steps=steps,
                    model_name=base_name,
                    model_dir=str(base_dir.absolute()),
                    batch_size=config.batch_size,
                    learning_rate=config.learning_rate,
                    accumulate_gradients=config.accumulate_gradients,
                    restore_from="latest",
                    run_name=str(run_dir),
                    checkpoint_dir=str(run_dir.parent),
                    sample_every=config.sample_every or 10**9,
                    sample_length=config.sample_length,
                    save_every=config.save_every,
                    only_train_transformer_layers=config.only_train_transformer_layers,
                    print_every=1,
                )
        except AssertionError as exc:  # gpt-2-simple asserts its dataset holds more than one 1024-token window
            if "too small" not in str(exc):
                raise
            raise BotbabyError(
                f"{paths.train_txt} is too short to train on: gpt-2-simple samples 1024-token windows, so it "
                "needs more than 1024 tokens (a few kilobytes of text); import or scrape more posts for "
                f"side {paths.name!r} and run `botbaby clean {paths.name}` again"
            ) from None
        finally:
            sess.close()
            bar.close()
    return tap.rows, steps_per_second(tap.times)


def _append_loss(loss_csv: Path, rows: list[tuple]) -> list[tuple]:
    """Add this run's loss lines to loss.csv (earlier runs' lines are kept; a resumed step replaces its old line)."""
    old: dict[int, tuple] = {}
    if loss_csv.is_file():
        with open(loss_csv, newline="") as handle:
            for row in csv.DictReader(handle):
                old[int(row["step"])] = (int(row["step"]), float(row["loss"]), float(row["avg_loss"]))
    for row in rows:
        old[row[0]] = row
    merged = [old[step] for step in sorted(old)]
    with atomic_path(loss_csv) as tmp, open(tmp, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", "loss", "avg_loss"])
        writer.writerows(merged)
    return merged


def read_loss(data: Path | str, side: str) -> list[dict[str, str]]:
    """The rows of a side's ``model/loss.csv`` (step, loss, avg_loss), or a clear error when it has not trained."""
    loss_csv = Layout(data).side(side).loss_csv
    if not loss_csv.is_file():
        raise BotbabyError(f"no loss.csv for side {side!r}: run `botbaby train {side}` first")
    with open(loss_csv, newline="") as handle:
        return list(csv.DictReader(handle))


def plot_loss(data: Path | str, side: str):
    """The loss curve of a side's training (also saved as ``model/loss.png``); a Figure that shows inline."""
    rows = read_loss(data, side)
    chart = figure(figsize=(6, 3.5))
    axes = chart.add_subplot()
    steps = [int(row["step"]) for row in rows]
    axes.plot(steps, [float(row["loss"]) for row in rows], alpha=0.35, label="loss")
    axes.plot(steps, [float(row["avg_loss"]) for row in rows], label="running average")
    axes.set(xlabel="step", ylabel="cross-entropy (nats/token)", title=f"training loss: {side}")
    axes.legend()
    chart.tight_layout()
    with atomic_path(Layout(data).side(side).loss_png) as tmp:
        chart.savefig(tmp, format="png", dpi=100)
    return chart


def train(data: Path | str, side: str, config: TrainConfig | dict | None = None, **overrides: Any) -> TrainResult:
    """Fine-tune (or resume) one side's model up to ``config.steps``; report perplexity on val.txt."""
    config = TrainConfig.resolve(config, **overrides)
    started = time.perf_counter()
    layout = Layout(data)
    paths = layout.side(side)
    if not paths.train_txt.is_file() or paths.train_txt.stat().st_size == 0:
        raise BotbabyError(f"no training text for side {side!r} at {paths.train_txt}: run `botbaby clean {side}` first")
    model_dir = paths.model_dir
    saved_config = paths.run_config
    if saved_config.is_file() and has_checkpoint(model_dir):
        saved = json.loads(saved_config.read_text())
        if config.model == saved.get("model") == TINY:  # the existing model's shape wins: it is what gets resumed
            config = dataclasses.replace(config, **{k: v for k, v in saved.items() if k.startswith("tiny_")})
        if config.model != saved.get("model"):
            raise BotbabyError(
                f"{model_dir} holds a {saved.get('model')} model; to train a {config.model} model instead, "
                f"delete {model_dir} (or use --model {saved.get('model')} to continue it)"
            )
    done = steps_done(model_dir) if has_checkpoint(model_dir) else 0
    metrics_path = paths.train_metrics
    if done >= config.steps:
        metrics = json.loads(metrics_path.read_text()) if metrics_path.is_file() else {}
        log.info("side %s: already trained for %d steps (asked for %d): skipping", side, done, config.steps)
        export_after_training(layout.root, side)  # model/hf/ for the PyTorch engine, when missing or stale
        return TrainResult(side, model_dir, done, True, metrics.get("perplexity"), metrics.get("final_loss"),
                           time.perf_counter() - started, _files(paths), metrics.get("steps_per_second"))

    base_dir, base_name = prepare_base(layout, side, config)
    try:
        Path(model_dir).mkdir(parents=True, exist_ok=True)
        config.save(saved_config)
        rows, speed = _finetune(paths, base_dir, base_name, config, config.steps - done)
    finally:
        _relativize_checkpoint_state(model_dir)
    merged = _append_loss(paths.loss_csv, rows)
    plot_loss(layout.root, side)
    score = perplexity(model_dir, paths.val_txt, config.perplexity_tokens) if config.perplexity_tokens else None
    final_loss = merged[-1][2] if merged else None
    total = steps_done(model_dir)
    metrics = {"steps": total, "perplexity": score, "final_loss": final_loss, "steps_per_second": speed}
    atomic_write_text(metrics_path, json.dumps(metrics, indent=2) + "\n")
    if score is not None:
        print(f"{side}: perplexity on {paths.val_txt.name} after {total} steps: {score:.2f}")
    export_after_training(layout.root, side)  # model/hf/ for the PyTorch engine (botbaby.export)
    return TrainResult(side, model_dir, total, False, score, final_loss, time.perf_counter() - started,
                       _files(paths), speed)


def train_all(data: Path | str, sides: str | list[str] | tuple[str, ...], config: TrainConfig | dict | None = None,
              **overrides: Any) -> dict[str, TrainResult]:
    """Train every side with the same settings, so the two camps' models are comparable."""
    config = TrainConfig.resolve(config, **overrides)
    return {side: train(data, side, config) for side in sides_list(sides)}


def plot_losses(data: Path | str, sides: str | list[str] | tuple[str, ...]):
    """All sides' running-average training loss in one Figure (shows inline in a notebook)."""
    chart = figure(figsize=(7, 3.5))
    axes = chart.add_subplot()
    for side in sides_list(sides):
        rows = read_loss(data, side)
        axes.plot([int(row["step"]) for row in rows], [float(row["avg_loss"]) for row in rows], label=side)
    axes.set(xlabel="step", ylabel="running average loss (nats/token)", title="training loss per side")
    axes.legend()
    chart.tight_layout()
    return chart


def metrics_table(data: Path | str, sides: str | list[str] | tuple[str, ...]):
    """One row per side: steps trained, final running loss, perplexity on val.txt (a pandas DataFrame)."""
    import pandas as pd

    rows = []
    for side in sides_list(sides):
        path = Layout(data).side(side).train_metrics
        if not path.is_file():
            raise BotbabyError(f"side {side!r} has no trained model yet: run `botbaby train {side}` first")
        rows.append({"side": side, **json.loads(path.read_text())})
    return pd.DataFrame(rows).set_index("side")


def _files(paths: SidePaths) -> dict[str, str]:
    """What training wrote beside the checkpoint, by file name."""
    files = (paths.run_config, paths.loss_csv, paths.loss_png, paths.train_metrics)
    return {path.name: str(path) for path in files if path.is_file()}


def summary(results: dict[str, TrainResult]) -> str:
    """One line per side: steps, final running loss, perplexity, and whether it was already trained."""
    lines = []
    for side, result in results.items():
        loss = f"{result.final_loss:.2f}" if result.final_loss is not None else "n/a"
        score = f"{result.perplexity:.1f}" if result.perplexity is not None else "n/a"
        lines.append(f"{side}: {result.steps} steps{' (already done)' if result.skipped else ''}, "
                     f"loss {loss}, perplexity {score}")
    return "\n".join(lines)


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg
    from botbaby.config import add_config_options

    parser = subparsers.add_parser("train", help="fine-tune one GPT-2 per side (05_train_colab)",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="sides to train, e.g. left right")
    add_data_arg(parser)
    add_config_options(parser, TrainConfig)
    parser.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    from botbaby.config import config_from_args

    config = config_from_args(TrainConfig, args)
    for side in args.sides:
        result = train(args.data, side, config)
        print(json.dumps(result.to_dict()))
    return 0
