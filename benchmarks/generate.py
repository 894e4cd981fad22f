"""Benchmark the generation engines (TensorFlow, PyTorch) against gpt-2-simple's ``gpt2.generate``, on one checkpoint.

    .venv/bin/python benchmarks/generate.py                    # 20 requests x 20 samples x 80 tokens
    .venv/bin/python benchmarks/generate.py --requests 10      # quicker
    .venv/bin/python benchmarks/generate.py --shape 124M --requests 3 --torch-threads 1   # a real model's cost

It trains a ``tiny`` model on the bundled demo corpus (``left``, cleaned by 04_clean) unless
``--data`` already has one; with ``--shape 124M`` (or 355M) it writes instead a random-initialised
checkpoint of that released model's shape (50,257 tokens), and its export, which cost what trained
weights cost to run (a tiny model's time goes on per-token overhead; a real one's on arithmetic).
Then it serves the same prompts, each implementation in its own fresh process so memory is
measured alone:

- **engine**: ``botbaby.engine.SamplingEngine``: graph built once, settings fed per call, top_k then
  top_p, whole batch in one pass, stops when every sample has ended;
- **torch engine**: ``botbaby.torch_engine.TorchEngine`` on the same checkpoint exported by
  ``botbaby export`` (``model/hf/``, written at the end of training): the same sampling, in PyTorch;
- **gpt2.generate**: gpt-2-simple's call (``load_gpt2`` once, then ``generate`` per request with
  ``nsamples = batch_size = 20``), which builds a new sampling graph on every call.

It prints requests per second and their ratios to gpt2.generate (target: engine >= 3x), and each process's resident
memory growth from the first request to the last (target: under 5% for the engine), and over the
second half alone (the engine's allocator settles within a few requests; gpt2.generate keeps growing).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SIDE = "left"
PROMPTS = [
    "Fuel prices", "The government", "Farmers", "Our schools", "The budget", "Young people", "Elections",
    "Jobs", "The opposition", "Taxes", "Hospitals", "Cricket", "The economy", "Our city", "Students",
    "Inflation", "The minister", "Every family", "Small businesses", "The nation",
]


def rss_mb() -> float:
    """This process's resident memory now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def prepare(data: Path, steps: int) -> None:
    """A tiny model for SIDE trained on the demo corpus and exported (both kept when already there)."""
    from botbaby import demo
    from botbaby.export import export
    from botbaby.train import TrainConfig, has_checkpoint, train

    if not has_checkpoint(data / SIDE / "model"):
        quiet = lambda message: None  # noqa: E731
        demo.import_corpus(data, [SIDE], say=quiet)
        demo.clean_sides(data, [SIDE], say=quiet)
        train(data, SIDE, TrainConfig(model="tiny", steps=steps, accumulate_gradients=1, learning_rate=0.001, perplexity_tokens=0))
    export(data, SIDE)  # model/hf/ for the torch engine (skipped when training has just written it)


RELEASED = {"124M": {"n_embd": 768, "n_head": 12, "n_layer": 12}, "355M": {"n_embd": 1024, "n_head": 16, "n_layer": 24}}
WORDS = ("fuel prices farmers vote election budget schools hospitals jobs taxes young people government "
         "opposition minister city nation economy inflation students families workers").split()


def prepare_released_shape(data: Path, shape: str) -> None:
    """SIDE's run folder holding a random-initialised checkpoint of a released shape, and its export (kept when there)."""
    import random

    from botbaby.export import write_hf
    from botbaby.tiny import init_checkpoint, train_vocabulary

    model_dir = data / SIDE / "model"
    hparams = {"n_vocab": 50257, "n_ctx": 1024, **RELEASED[shape]}
    if (model_dir / "hf" / "model.safetensors").is_file() and json.loads((model_dir / "hparams.json").read_text()) == hparams:
        return
    model_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(0)
    text = data / "vocabulary.txt"
    posts = (" ".join(rng.choice(WORDS) for _ in range(30)) + "." for _ in range(3000))
    text.write_text("".join(f"<|startoftext|>{post}<|endoftext|>\n" for post in posts), encoding="utf-8")
    learned = train_vocabulary(text, model_dir, vocab_size=2000)
    encoder = json.loads((model_dir / "encoder.json").read_text(encoding="utf-8"))
    encoder.update({f"pad{index}": index for index in range(learned, hparams["n_vocab"])})  # never produced by encoding
    (model_dir / "encoder.json").write_text(json.dumps(encoder), encoding="utf-8")
    (model_dir / "hparams.json").write_text(json.dumps(hparams))
    init_checkpoint(model_dir, hparams)
    write_hf(model_dir, model_dir / "hf")


def worker(kind: str, data: Path, requests: int, samples: int, length: int, torch_threads: int = 0) -> dict:
    """Serve ``requests`` prompts with one implementation; time them and watch memory."""
    from botbaby.layout import START

    prompts = [PROMPTS[i % len(PROMPTS)] for i in range(requests)]
    settings = {"temperature": 0.7, "top_k": 40, "top_p": 0.9}
    if kind == "engine":
        from botbaby.engine import SamplingEngine

        engine = SamplingEngine(data / SIDE / "model")

        def serve(i, prompt):
            return engine.sample(START + prompt, num_samples=samples, length=length, seed=i, **settings)
    elif kind == "torch":
        import torch

        from botbaby.torch_engine import TorchEngine

        if torch_threads:
            torch.set_num_threads(torch_threads)

        torch_engine = TorchEngine(data / SIDE / "model")

        def serve(i, prompt):
            return torch_engine.sample(START + prompt, num_samples=samples, length=length, seed=i, **settings)
    else:
        import gpt_2_simple.gpt_2 as gpt2

        sess = gpt2.start_tf_sess()
        gpt2.load_gpt2(sess, run_name="model", checkpoint_dir=str(data / SIDE))

        def serve(i, prompt):
            return gpt2.generate(sess, run_name="model", checkpoint_dir=str(data / SIDE), prefix=START + prompt,
                                 nsamples=samples, batch_size=samples, length=length, return_as_list=True,
                                 truncate="<|endoftext|>", seed=i, **settings)
    started = time.perf_counter()
    rss = []
    for i, prompt in enumerate(prompts):
        texts = serve(i, prompt)
        assert len(texts) == samples
        rss.append(rss_mb())
    seconds = time.perf_counter() - started
    middle = rss[len(rss) // 2]
    return {"kind": kind, "requests": requests, "seconds": seconds, "requests_per_s": requests / seconds,
            "rss_first_mb": rss[0], "rss_last_mb": rss[-1], "rss_growth": (rss[-1] - rss[0]) / rss[0],
            "rss_growth_second_half": (rss[-1] - middle) / middle}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="data folder with a trained left model (default: a fresh one)")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--length", type=int, default=80)
    parser.add_argument("--steps", type=int, default=300, help="training steps for the tiny model")
    parser.add_argument("--shape", choices=["tiny", *RELEASED], default="tiny",
                        help="tiny: trained on the demo corpus; 124M/355M: random weights of that shape")
    parser.add_argument("--skip-gpt2", action="store_true", help="time only the two engines")
    parser.add_argument("--torch-threads", type=int, default=0,
                        help="torch's intra-op threads (default 0: torch's own choice, one per core); on a CPU shared "
                             "with other busy processes 1 avoids OpenMP threads waiting on each other")
    parser.add_argument("--worker", choices=["engine", "torch", "gpt2"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.requests, args.samples, args.length, args.torch_threads)))
        return
    data = args.data or Path(tempfile.mkdtemp(prefix="botbaby-bench-generate-"))
    if args.shape == "tiny":
        prepare(data, args.steps)
    else:
        prepare_released_shape(data, args.shape)
    results = {}
    for kind in ("engine", "torch") if args.skip_gpt2 else ("engine", "torch", "gpt2"):
        command = [sys.executable, __file__, "--worker", kind, "--data", str(data), "--requests", str(args.requests),
                   "--samples", str(args.samples), "--length", str(args.length), "--torch-threads", str(args.torch_threads)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[kind] = json.loads(output.strip().splitlines()[-1])
    engine, torch_engine, gpt2 = results["engine"], results["torch"], results.get("gpt2")
    model = "tiny model" if args.shape == "tiny" else f"random {args.shape}-shaped model"
    print(f"{args.requests} requests x {args.samples} samples x {args.length} tokens, {model} in {data}; "
          f"torch threads: {args.torch_threads or 'default'}")
    names = {"engine": "engine", "torch": "torch engine", "gpt2": "gpt2.generate"}
    for kind, result in results.items():
        print(f"  {names[kind]:14s} {result['requests_per_s']:7.2f} requests/s   RSS {result['rss_first_mb']:7.1f} MB -> "
              f"{result['rss_last_mb']:7.1f} MB ({100 * result['rss_growth']:+.1f}% after the first request, "
              f"{100 * result['rss_growth_second_half']:+.1f}% over the second half)")
    if gpt2:
        ratio = engine["requests_per_s"] / gpt2["requests_per_s"]
        print(f"  ratio engine / gpt2.generate: {ratio:.1f}x (target >= 3x); "
              f"engine memory growth {100 * engine['rss_growth']:+.1f}% (target < 5%)")
        print(f"  ratio torch engine / gpt2.generate: {torch_engine['requests_per_s'] / gpt2['requests_per_s']:.1f}x")
    print(f"  ratio torch engine / engine: {torch_engine['requests_per_s'] / engine['requests_per_s']:.2f}x")

if __name__ == "__main__":
    main()
