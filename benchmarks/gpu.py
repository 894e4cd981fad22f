"""On a GPU: training steps and 20 x 80-token generation for a random-initialised 355M-shaped GPT-2.

    .venv/bin/python benchmarks/gpu.py                     # needs TensorFlow with a visible GPU
    .venv/bin/python benchmarks/gpu.py --shape tiny --allow-cpu --steps 5 --requests 2   # dry run on a CPU

No weights are downloaded: the model has 355M's shape (24 layers, 1024 wide, 16 heads, 50,257
tokens, 1024 context) and random weights, which cost the same to run. Its vocabulary is a small BPE
learned from a synthetic text, padded with placeholder tokens to 50,257 entries so gpt-2-simple's
encoder can decode every id. In one run it times:

- training: ``gpt2.finetune`` for ``--steps`` steps (batch 1, no gradient accumulation), steps per
  second from gpt-2-simple's own progress clock;
- generation: ``--requests`` requests of 20 samples x 80 tokens on ``botbaby.engine.SamplingEngine``
  (graph built once) and on ``gpt2.generate`` (a new graph per call). A random model never writes
  the end marker, so both generate all 80 tokens.

It exits with a clear message when TensorFlow is missing or sees no GPU (unless ``--allow-cpu``).
"""

import argparse
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SHAPES = {
    "355M": {"n_vocab": 50257, "n_ctx": 1024, "n_embd": 1024, "n_head": 16, "n_layer": 24},
    "tiny": {"n_vocab": 1000, "n_ctx": 1024, "n_embd": 64, "n_head": 2, "n_layer": 2},
}
WORDS = ("fuel prices farmers vote election budget schools hospitals jobs taxes young people government "
         "opposition minister city nation economy inflation students families workers").split()


def check_gpu(allow_cpu: bool) -> list[str]:
    """The visible GPUs; exits with a message saying what is missing when there are none."""
    try:
        import tensorflow as tf
    except ImportError:
        sys.exit("benchmarks/gpu.py needs TensorFlow (pip install 'botbaby[train]'); it is not installed here.")
    gpus = [device.name for device in tf.config.list_physical_devices("GPU")]
    if not gpus and not allow_cpu:
        sys.exit("benchmarks/gpu.py: TensorFlow sees no GPU (tf.config.list_physical_devices('GPU') is empty). "
                 "Run it on a GPU machine with CUDA-enabled TensorFlow, or pass --allow-cpu --shape tiny for a dry run.")
    return gpus


def build_model(root: Path, shape: dict) -> tuple[Path, Path]:
    """A random-initialised release folder (``root/models/bench``) and a training text; returns both."""
    from botbaby.tiny import init_checkpoint, train_vocabulary

    rng = random.Random(0)
    text = root / "train.txt"
    posts = (" ".join(rng.choice(WORDS) for _ in range(30)) + "." for _ in range(3000))
    text.write_text("".join(f"<|startoftext|>{post}<|endoftext|>\n" for post in posts), encoding="utf-8")
    release = root / "models" / "bench"
    release.mkdir(parents=True)
    learned = train_vocabulary(text, release, vocab_size=min(2000, shape["n_vocab"]))
    encoder = json.loads((release / "encoder.json").read_text(encoding="utf-8"))
    for index in range(learned, shape["n_vocab"]):  # ASCII placeholders: decodable, never produced by encoding
        encoder[f"pad{index}"] = index
    (release / "encoder.json").write_text(json.dumps(encoder), encoding="utf-8")
    (release / "hparams.json").write_text(json.dumps(shape))
    init_checkpoint(release, shape)
    return release, text


def time_training(root: Path, text: Path, steps: int) -> float:
    import gpt_2_simple.gpt_2 as gpt2
    import tensorflow as tf

    from botbaby.train import _PROGRESS, steps_per_second

    out = io.StringIO()
    with tf.Graph().as_default(), contextlib.redirect_stdout(out):
        sess = gpt2.start_tf_sess()
        gpt2.finetune(sess, dataset=str(text), steps=steps, model_name="bench", model_dir=str(root / "models"),
                      batch_size=1, accumulate_gradients=1, run_name="run", checkpoint_dir=str(root / "checkpoint"),
                      sample_every=10**9, save_every=10**9, print_every=1)
        sess.close()
    return steps_per_second([float(match[2]) for match in _PROGRESS.finditer(out.getvalue())])


def time_engine(run_dir: Path, requests: int, samples: int, length: int) -> float:
    from botbaby.engine import SamplingEngine

    engine = SamplingEngine(run_dir)
    engine.sample("<|startoftext|>warm up", num_samples=samples, length=length, seed=0)  # first-run autotuning
    started = time.perf_counter()
    for i in range(requests):
        engine.sample("<|startoftext|>Fuel prices", num_samples=samples, length=length, top_k=40, top_p=0.9, seed=i)
    seconds = time.perf_counter() - started
    engine.close()
    return requests / seconds


def time_gpt2_generate(root: Path, requests: int, samples: int, length: int) -> float:
    import gpt_2_simple.gpt_2 as gpt2
    import tensorflow as tf

    with tf.Graph().as_default():
        sess = gpt2.start_tf_sess()
        with contextlib.redirect_stdout(io.StringIO()):
            gpt2.load_gpt2(sess, run_name="run", checkpoint_dir=str(root / "checkpoint"))
        started = time.perf_counter()
        for i in range(requests):
            gpt2.generate(sess, run_name="run", checkpoint_dir=str(root / "checkpoint"),
                          prefix="<|startoftext|>Fuel prices", nsamples=samples, batch_size=samples, length=length,
                          temperature=0.7, top_k=40, top_p=0.9, return_as_list=True, seed=i)
        seconds = time.perf_counter() - started
        sess.close()
    return requests / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), default="355M")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--length", type=int, default=80)
    parser.add_argument("--allow-cpu", action="store_true", help="run without a GPU (a dry run of the code paths)")
    args = parser.parse_args()
    gpus = check_gpu(args.allow_cpu)
    root = Path(tempfile.mkdtemp(prefix="botbaby-bench-gpu-"))
    shape = SHAPES[args.shape]
    build_model(root, shape)
    print(f"device: {', '.join(gpus) or 'CPU'}; model: random-initialised {args.shape}-shaped GPT-2 {shape}", flush=True)
    train_speed = time_training(root, root / "train.txt", args.steps)
    print(f"  training       {train_speed:8.2f} steps/s (batch 1 x 1024 tokens, {args.steps} steps)", flush=True)
    engine = time_engine(root / "checkpoint" / "run", args.requests, args.samples, args.length)
    print(f"  engine         {engine:8.3f} requests/s ({args.samples} x {args.length} tokens each)", flush=True)
    reference = time_gpt2_generate(root, args.requests, args.samples, args.length)
    print(f"  gpt2.generate  {reference:8.3f} requests/s", flush=True)
    print(f"  ratio engine / gpt2.generate: {engine / reference:.1f}x over {args.requests} requests")


if __name__ == "__main__":
    main()
