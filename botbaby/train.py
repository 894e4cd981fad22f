"""05_train_colab, training half: fine-tune one GPT-2 per side with gpt-2-simple.

    botbaby train left right --data botbaby-data --model tiny --steps 200

or, from Python (and the notebook)::

    >>> config = TrainConfig.from_dict({"model": "tiny", "steps": 200})
    >>> config.steps, config.learning_rate
    (200, 0.0001)

``train(data, side, config)`` reads ``DATA/SIDE/train.txt`` and writes ``DATA/SIDE/model/``: the
checkpoint (a gpt-2-simple run whose run_name is that folder's absolute path, samples included),
``run_config.json`` (the resolved TrainConfig), ``loss.csv`` (step, loss, avg_loss), ``loss.png``
and ``metrics.json`` (perplexity on ``val.txt``). Running it again resumes from the latest
checkpoint up to ``steps`` in all; a side that already reached them is skipped.

``model`` is a GPT-2 release (``124M``, ``355M``, ...), downloaded on first use with
gpt-2-simple's own download code into ``DATA/models/NAME``, or ``tiny``: a small GPT-2 built from
the side's own text (see ``botbaby.tiny``), which is what the tests and the CPU demo use.
"""

import contextlib
import csv
import dataclasses
import io
import json
import logging
import math
import os
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botbaby._optional import require
from botbaby.config import StageConfig
from botbaby.errors import BotbabyError, ConfigError
from botbaby.export import export_after_training
from botbaby.io import atomic_path, atomic_write_text, temp_dir
from botbaby.layout import Layout, SidePaths

log = logging.getLogger(__name__)

TINY = "tiny"
RELEASES = ("124M", "355M", "774M", "1558M")  # what OpenAI published; gpt-2-simple downloads these
# Where gpt-2-simple's download_gpt2 fetches releases from (a literal inside it); tests point
# $BOTBABY_GPT2_URL at a local server.
DOWNLOAD_URL = "https://openaipublic.blob.core.windows.net/gpt-2"
RELEASE_FILES = ("checkpoint", "encoder.json", "hparams.json", "model.ckpt.data-00000-of-00001",
                 "model.ckpt.index", "model.ckpt.meta", "vocab.bpe")


@dataclass
class TrainConfig(StageConfig):
    """How to fine-tune one side's model; defaults are gpt-2-simple's."""

    model: str = TINY  # "tiny" (built from the side's text, CPU-friendly) or a release: 124M, 355M, 774M
    steps: int = 1000  # training steps in all; a re-run continues up to this many (the original: 2000-6000 on 355M)
    learning_rate: float = 1e-4  # Adam learning rate
    batch_size: int = 1  # 1024-token windows per step
    accumulate_gradients: int = 5  # windows whose gradients are summed before each update (1 = off)
    sample_every: int = 0  # print a sample every N steps (0 = never)
    sample_length: int = 100  # tokens in those samples
    save_every: int = 500  # checkpoint every N steps (and always at the end)
    only_train_transformer_layers: bool = False  # gpt-2-simple's advice for 355M+ on small GPUs
    seed: int = 0  # seeds the tiny model's initial weights and the order windows are sampled in
    tiny_vocab_size: int = 2000  # tiny only: BPE vocabulary size
    tiny_n_embd: int = 64  # tiny only: embedding width (a multiple of tiny_n_head)
    tiny_n_layer: int = 2  # tiny only: transformer blocks
    tiny_n_head: int = 2  # tiny only: attention heads
    perplexity_tokens: int = 20_000  # val.txt tokens scored for perplexity (0 = skip it)

    def validate(self) -> None:
        if self.model != TINY and not re.fullmatch(r"\d+M", str(self.model)):
            raise ConfigError(f"model must be 'tiny' or a GPT-2 release like {', '.join(RELEASES)}, got {self.model!r}")
        positive = ("steps", "batch_size", "accumulate_gradients", "sample_length", "save_every", "tiny_vocab_size",
                    "tiny_n_embd", "tiny_n_layer", "tiny_n_head")
        for name in positive:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")
        for name in ("sample_every", "perplexity_tokens", "seed"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{name} must be a whole number of at least 0, got {value!r}")
        if not isinstance(self.learning_rate, int | float) or not 0 < self.learning_rate < 1:
            raise ConfigError(f"learning_rate must be between 0 and 1, got {self.learning_rate!r}")
        if self.sample_length > 1023:
            raise ConfigError(f"sample_length must be at most 1023, got {self.sample_length}")
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


def steps_done(model_dir: Path) -> int:
    """The step count of the latest checkpoint in a run folder (0 when there is none)."""
    counter = Path(model_dir) / "counter"
    if not counter.is_file():
        return 0
    try:
        return int(counter.read_text().strip() or 0)
    except ValueError:
        raise BotbabyError(f"{counter} is not a step count: delete {model_dir} to start again") from None


def has_checkpoint(model_dir: Path) -> bool:
    """Whether a run folder holds a trained checkpoint that generation can load."""
    model_dir = Path(model_dir)
    return (model_dir / "checkpoint").is_file() and (model_dir / "hparams.json").is_file()


def trained_sides(data: Path | str) -> list[str]:
    """Sides of ``data`` that have a trained checkpoint that generation can load, in name order."""
    layout = Layout(Path(data))
    return [side for side in layout.sides() if has_checkpoint(layout.side(side).model_dir)]


def download_release(models_dir: Path, name: str, url: str | None = None) -> Path:
    """Download GPT-2 release ``name`` with gpt-2-simple's downloader (skipped when already there).

    The files land in a temporary folder first, so an interrupted download is never mistaken for a
    complete one. ``url`` (default ``$BOTBABY_GPT2_URL`` or OpenAI's bucket) is what gpt-2-simple's
    ``download_gpt2`` hard-codes.
    """
    gpt2 = _gpt2()
    target = Path(models_dir) / name
    if gpt2.is_gpt2_downloaded(model_dir=str(models_dir), model_name=name):
        return target
    url = url or os.environ.get("BOTBABY_GPT2_URL") or DOWNLOAD_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    work = temp_dir(target.parent, f".{name}.")
    try:
        for file_name in RELEASE_FILES:
            try:
                gpt2.download_file_with_progress(url_base=url, sub_dir=str(work), model_name=name, file_name=file_name)
            except Exception as exc:  # requests errors, a missing content-length on an error page, ...
                raise BotbabyError(f"could not download GPT-2 {name} ({file_name}) from {url}: {exc}") from exc
        try:  # gpt-2-simple saves whatever the server answers, error pages included
            json.loads((work / "hparams.json").read_text())
            json.loads((work / "encoder.json").read_text())
        except ValueError:
            raise BotbabyError(f"{url} did not serve GPT-2 {name} (hparams.json or encoder.json is not JSON)") from None
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


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
    """Stands in for stdout during gpt2.finetune: records its loss lines, moves a progress bar, echoes the rest."""

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
                self.echo.write(line + "\n")
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
    random.seed(config.seed + done)  # gpt-2-simple samples windows with `random`
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
            with contextlib.redirect_stdout(tap):
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
    loss_csv = Layout(Path(data)).side(side).model_dir / "loss.csv"
    if not loss_csv.is_file():
        raise BotbabyError(f"no loss.csv for side {side!r}: run `botbaby train {side}` first")
    with open(loss_csv, newline="") as handle:
        return list(csv.DictReader(handle))


def plot_loss(data: Path | str, side: str):
    """The loss curve of a side's training (also saved as ``model/loss.png``); returns a matplotlib Figure."""
    require("matplotlib", extra="train")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = read_loss(data, side)
    figure = Figure(figsize=(6, 3.5))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    steps = [int(row["step"]) for row in rows]
    axes.plot(steps, [float(row["loss"]) for row in rows], alpha=0.35, label="loss")
    axes.plot(steps, [float(row["avg_loss"]) for row in rows], label="running average")
    axes.set(xlabel="step", ylabel="cross-entropy (nats/token)", title=f"training loss: {side}")
    axes.legend()
    figure.tight_layout()
    with atomic_path(Layout(Path(data)).side(side).model_dir / "loss.png") as tmp:
        figure.savefig(tmp, format="png", dpi=100)
    return figure


def perplexity(model_dir: Path | str, text_path: Path | str, max_tokens: int = 20_000) -> float | None:
    """Perplexity of a trained checkpoint on a text (exp of the mean next-token cross-entropy).

    The text is scored in consecutive windows of the model's context; None when it is missing or too short.
    """
    model_dir, text_path = Path(model_dir), Path(text_path)
    if not text_path.is_file():
        return None
    tf = require("tensorflow", extra="train")
    from gpt_2_simple.src import encoder, model

    from botbaby.engine import load_hparams

    hparams = load_hparams(model_dir)
    tokens = encoder.get_encoder(str(model_dir)).encode(text_path.read_text(encoding="utf-8", errors="ignore"))
    tokens = tokens[:max_tokens]
    if len(tokens) < 2:
        return None
    graph = tf.Graph()
    with graph.as_default():
        window = tf.compat.v1.placeholder(tf.int32, [1, None])
        logits = model.model(hparams=hparams, X=window)["logits"]
        nll = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=window[:, 1:], logits=logits[:, :-1]))
        saver = tf.compat.v1.train.Saver(var_list=tf.compat.v1.global_variables())
        with tf.compat.v1.Session(graph=graph) as sess:
            saver.restore(sess, tf.train.latest_checkpoint(str(model_dir)))
            total, count = 0.0, 0
            for start in range(0, len(tokens) - 1, hparams.n_ctx):
                chunk = tokens[start:start + hparams.n_ctx]
                if len(chunk) < 2:
                    continue
                total += float(sess.run(nll, {window: [chunk]}))
                count += len(chunk) - 1
    return math.exp(total / count)


def train(data: Path | str, side: str, config: TrainConfig | None = None) -> TrainResult:
    """Fine-tune (or resume) one side's model up to ``config.steps``; report perplexity on val.txt."""
    config = config or TrainConfig()
    config.validate()
    started = time.perf_counter()
    layout = Layout(Path(data))
    paths = layout.side(side)
    if not paths.train_txt.is_file() or paths.train_txt.stat().st_size == 0:
        raise BotbabyError(f"no training text for side {side!r} at {paths.train_txt}: run `botbaby clean {side}` first")
    model_dir = paths.model_dir
    saved_config = model_dir / "run_config.json"
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
    metrics_path = model_dir / "metrics.json"
    if done >= config.steps:
        metrics = json.loads(metrics_path.read_text()) if metrics_path.is_file() else {}
        log.info("side %s: already trained for %d steps (asked for %d): skipping", side, done, config.steps)
        export_after_training(layout.root, side)  # model/hf/ for the PyTorch engine, when missing or stale
        return TrainResult(side, model_dir, done, True, metrics.get("perplexity"), metrics.get("final_loss"),
                           time.perf_counter() - started, _files(model_dir), metrics.get("steps_per_second"))

    base_dir, base_name = prepare_base(layout, side, config)
    try:
        Path(model_dir).mkdir(parents=True, exist_ok=True)
        config.save(saved_config)
        rows, speed = _finetune(paths, base_dir, base_name, config, config.steps - done)
    finally:
        _relativize_checkpoint_state(model_dir)
    merged = _append_loss(model_dir / "loss.csv", rows)
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
                       _files(model_dir), speed)


def train_all(data: Path | str, sides: list[str] | tuple[str, ...], config: TrainConfig | None = None) -> dict[str, TrainResult]:
    """Train every side with the same settings, so the two camps' models are comparable."""
    return {side: train(data, side, config) for side in sides}


def plot_losses(data: Path | str, sides: list[str] | tuple[str, ...]):
    """All sides' running-average training loss in one figure (a matplotlib Figure)."""
    require("matplotlib", extra="train")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.5))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for side in sides:
        rows = read_loss(data, side)
        axes.plot([int(row["step"]) for row in rows], [float(row["avg_loss"]) for row in rows], label=side)
    axes.set(xlabel="step", ylabel="running average loss (nats/token)", title="training loss per side")
    axes.legend()
    figure.tight_layout()
    return figure


def metrics_table(data: Path | str, sides: list[str] | tuple[str, ...]):
    """One row per side: steps trained, final running loss, perplexity on val.txt (a pandas DataFrame)."""
    import pandas as pd

    rows = []
    for side in sides:
        path = Layout(Path(data)).side(side).model_dir / "metrics.json"
        if not path.is_file():
            raise BotbabyError(f"side {side!r} has no trained model yet: run `botbaby train {side}` first")
        rows.append({"side": side, **json.loads(path.read_text())})
    return pd.DataFrame(rows).set_index("side")


def _files(model_dir: Path) -> dict[str, str]:
    names = ("run_config.json", "loss.csv", "loss.png", "metrics.json")
    return {name: str(model_dir / name) for name in names if (model_dir / name).is_file()}


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("train", help="fine-tune one GPT-2 per side (05_train_colab)",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="sides to train, e.g. left right")
    add_data_arg(parser)
    defaults = TrainConfig()
    parser.add_argument("--model", default=defaults.model, help="'tiny' or a GPT-2 release: 124M, 355M, ... (default: tiny)")
    parser.add_argument("--steps", type=int, default=defaults.steps, help=f"training steps in all (default: {defaults.steps})")
    parser.add_argument("--learning-rate", type=float, default=defaults.learning_rate)
    parser.add_argument("--batch-size", type=int, default=defaults.batch_size)
    parser.add_argument("--accumulate-gradients", type=int, default=defaults.accumulate_gradients)
    parser.add_argument("--sample-every", type=int, default=defaults.sample_every, help="0 = no samples")
    parser.add_argument("--save-every", type=int, default=defaults.save_every)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    config = TrainConfig.from_dict({
        "model": args.model, "steps": args.steps, "learning_rate": args.learning_rate, "batch_size": args.batch_size,
        "accumulate_gradients": args.accumulate_gradients, "sample_every": args.sample_every,
        "save_every": args.save_every, "seed": args.seed,
    })
    for side in args.sides:
        result = train(args.data, side, config)
        print(json.dumps(result.to_dict()))
    return 0
