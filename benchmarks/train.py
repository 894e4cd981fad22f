"""Benchmark ``botbaby train`` against a bare ``gpt2.finetune`` on the same data and settings.

    .venv/bin/python benchmarks/train.py                # 100 steps, best of 3 rounds
    .venv/bin/python benchmarks/train.py --steps 50 --rounds 1

It cleans the bundled demo corpus (``left``) and builds its ``tiny`` base model once, runs one short
untimed warm-up call (so the process's first-call costs land on neither side), then, in rounds whose
order alternates (bare first, then botbaby first, ...: a machine getting busier or quieter during
the run weighs on both sides alike), fine-tunes it from scratch for ``--steps`` steps through
``botbaby.train.train`` (progress capture, loss.csv, plot, perplexity included) and through a bare
``gpt2.finetune`` call with the same base model, data and settings. Training speed is steps per second between
gpt-2-simple's first and last progress lines (its own clock, so graph building, checkpoint loading
and the perplexity pass are left out); the whole call's wall time is printed too. Target:
``botbaby train`` at least 0.95x the bare call's steps per second (no overhead), best round against
best round; the median of the rounds' own ratios is printed beside it.
"""

import argparse
import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SIDE = "left"


def settings(steps: int) -> dict:
    return {"steps": steps, "accumulate_gradients": 1, "learning_rate": 0.001, "batch_size": 1, "save_every": 10**6}


def prepare(data: Path) -> None:
    from botbaby import demo
    from botbaby.train import TrainConfig, prepare_base

    if not (data / SIDE / "train.txt").is_file():
        quiet = lambda message: None  # noqa: E731
        demo.import_corpus(data, [SIDE], say=quiet)
        demo.clean_sides(data, [SIDE], say=quiet)
    from botbaby.layout import Layout

    prepare_base(Layout(data), SIDE, TrainConfig(model="tiny"))


def run_botbaby(data: Path, steps: int) -> tuple[float, float]:
    from botbaby.train import TrainConfig, train

    shutil.rmtree(data / SIDE / "model", ignore_errors=True)
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        result = train(data, SIDE, TrainConfig.from_dict(settings(steps)))
    return result.steps_per_second, time.perf_counter() - started


def run_bare(data: Path, steps: int) -> tuple[float, float]:
    import gpt_2_simple.gpt_2 as gpt2
    import tensorflow as tf

    from botbaby.train import _PROGRESS, steps_per_second

    runs = data / "bare"
    shutil.rmtree(runs, ignore_errors=True)
    options = settings(steps)
    out = io.StringIO()
    started = time.perf_counter()
    with tf.Graph().as_default(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        sess = gpt2.start_tf_sess()
        gpt2.finetune(sess, dataset=str(data / SIDE / "train.txt"), steps=steps, model_name=f"tiny-{SIDE}",
                      model_dir=str(data / "models"), batch_size=options["batch_size"],
                      learning_rate=options["learning_rate"], accumulate_gradients=options["accumulate_gradients"],
                      run_name="run", checkpoint_dir=str(runs), sample_every=10**9, save_every=options["save_every"],
                      print_every=1)
        sess.close()
    seconds = time.perf_counter() - started
    times = [float(match[2]) for match in _PROGRESS.finditer(out.getvalue())]
    assert len(times) == steps, f"expected {steps} progress lines, got {len(times)}"
    return steps_per_second(times), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4, help="timed calls per side (an even number balances the order)")
    parser.add_argument("--data", type=Path, help="scratch data folder (default: a fresh temporary one)")
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="botbaby-bench-train-"))
    prepare(data)
    run_bare(data, min(args.steps, 10))  # warm-up: TensorFlow's first graph and session in this process
    best = {"botbaby train": (0.0, 0.0), "gpt2.finetune": (0.0, 0.0)}
    sides = [("gpt2.finetune", run_bare), ("botbaby train", run_botbaby)]
    ratios = []
    for round_number in range(args.rounds):
        speeds = {}
        for name, run in sides if round_number % 2 == 0 else sides[::-1]:
            speed, seconds = run(data, args.steps)
            speeds[name] = speed
            print(f"  {name:14s} {speed:6.2f} steps/s  ({seconds:5.1f} s for the whole call)", flush=True)
            if speed > best[name][0]:
                best[name] = (speed, seconds)
        ratios.append(speeds["botbaby train"] / speeds["gpt2.finetune"])
    ours, bare = best["botbaby train"], best["gpt2.finetune"]
    print(f"{args.steps} steps of the tiny model on the demo corpus ({SIDE}), best of {args.rounds} rounds:")
    print(f"  botbaby train  {ours[0]:6.2f} steps/s, gpt2.finetune {bare[0]:6.2f} steps/s: "
          f"ratio {ours[0] / bare[0]:.2f}x (target >= 0.95x); median of the rounds' ratios "
          f"{statistics.median(ratios):.2f}x")
    print(f"  whole call: botbaby train {ours[1]:.1f} s (incl. loss plot and perplexity), "
          f"gpt2.finetune {bare[1]:.1f} s")


if __name__ == "__main__":
    main()
