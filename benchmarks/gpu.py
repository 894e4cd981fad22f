"""On a GPU, without TensorFlow: botbaby's PyTorch engine vs transformers' ``generate`` on a 355M-shaped GPT-2.

    python benchmarks/gpu.py                                    # a CUDA GPU, torch and transformers
    python benchmarks/gpu.py --compile                          # also the engine's step under torch.compile
    python benchmarks/gpu.py --device cpu --model-size tiny --requests 3 --warmup 1   # dry run on a CPU

Nothing is downloaded and nothing of botbaby needs installing (it imports the checkout next to it;
the machine needs torch, transformers, tokenizers, safetensors and numpy). The script builds, in a
temporary folder, what ``botbaby export`` writes for a side (``model/hf/``): a random-initialised
``GPT2LMHeadModel`` of 355M's shape (24 layers, 1024 wide, 16 heads, 50,257 tokens, 1024 context),
which costs the same to run as trained weights, and a small BPE vocabulary learned from a synthetic
text, padded with placeholder tokens to 50,257 entries. Then, on the same weights:

- **torch engine**: ``botbaby.torch_engine.TorchEngine`` (KV cache, temperature then top_k then top_p,
  stops when every sample ended);
- **torch engine, compiled** (with ``--compile``): the same, its per-token step under ``torch.compile``
  (compiled before timing; the time it took is printed);
- **generate**: ``model.generate(do_sample=True, ...)`` with the same settings.

Both serve ``--requests`` requests of 20 samples x 80 new tokens (temperature 0.7, top_k 40, top_p
0.9) after ``--warmup`` untimed ones, one at a time; it prints requests/s, latency p50/p99 and the
peak GPU memory of each, and the targets (<= 0.5 s per request, >= 1.5x generate's requests/s).
A random model almost never writes the end marker, so both generate all 80 tokens.
"""

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHAPES = {
    "355M": {"n_vocab": 50257, "n_ctx": 1024, "n_embd": 1024, "n_head": 16, "n_layer": 24},
    "124M": {"n_vocab": 50257, "n_ctx": 1024, "n_embd": 768, "n_head": 12, "n_layer": 12},
    "tiny": {"n_vocab": 1000, "n_ctx": 1024, "n_embd": 64, "n_head": 2, "n_layer": 2},
}
SETTINGS = {"temperature": 0.7, "top_k": 40, "top_p": 0.9}
PROMPT = "<|startoftext|>Fuel prices"
WORDS = ("fuel prices farmers vote election budget schools hospitals jobs taxes young people government "
         "opposition minister city nation economy inflation students families workers").split()
TARGET_LATENCY_S = 0.5
TARGET_RATIO = 1.5


def check_device(device: str) -> str:
    """``device`` when torch can use it; exits with what is missing otherwise."""
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        sys.exit(f"benchmarks/gpu.py needs torch and transformers (pip install 'botbaby[torch]'): {exc}")
    if device == "cuda" and not torch.cuda.is_available():
        sys.exit("benchmarks/gpu.py: torch sees no GPU (torch.cuda.is_available() is False). Run it on a GPU "
                 "machine, or pass --device cpu --model-size tiny for a dry run.")
    return device


def build_export(root: Path, shape: dict) -> Path:
    """A side's ``model/hf/`` as ``botbaby export`` writes it, with random weights; returns the run folder."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    from botbaby.export import hf_config, write_tokenizer
    from botbaby.tiny import train_vocabulary

    rng = random.Random(0)
    text = root / "train.txt"
    posts = (" ".join(rng.choice(WORDS) for _ in range(30)) + "." for _ in range(3000))
    text.write_text("".join(f"<|startoftext|>{post}<|endoftext|>\n" for post in posts), encoding="utf-8")
    run_dir, release = root / "bench" / "model", root / "release"
    hf_dir = run_dir / "hf"
    hf_dir.mkdir(parents=True)
    release.mkdir()
    learned = train_vocabulary(text, release, vocab_size=min(2000, shape["n_vocab"]))
    encoder = json.loads((release / "encoder.json").read_text(encoding="utf-8"))
    for index in range(learned, shape["n_vocab"]):  # ASCII placeholders: decodable, never produced by encoding
        encoder[f"pad{index}"] = index
    (release / "encoder.json").write_text(json.dumps(encoder), encoding="utf-8")
    write_tokenizer(release, hf_dir, shape["n_ctx"])
    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(**hf_config(shape, encoder["<|endoftext|>"])))
    model.save_pretrained(str(hf_dir))  # config.json + model.safetensors, as the export
    return run_dir


def serve(name: str, request, requests: int, warmup: int, device: str) -> dict:
    """Time ``requests`` calls of ``request(seed)`` one after another; peak GPU memory over them."""
    import torch

    started = time.perf_counter()
    for seed in range(warmup):  # first-call costs: kernel selection, allocator growth, compiling
        request(10_000 + seed)
    warmup_s = time.perf_counter() - started
    if device == "cuda":
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    latencies = []
    for seed in range(requests):
        started = time.perf_counter()
        request(seed)
        if device == "cuda":
            torch.cuda.synchronize()
        latencies.append(time.perf_counter() - started)
    peak = torch.cuda.max_memory_allocated() / 2**30 if device == "cuda" else None
    return {"name": name, "requests_per_s": requests / sum(latencies), "p50_s": float(np.percentile(latencies, 50)),
            "p99_s": float(np.percentile(latencies, 99)), "peak_gib": peak, "warmup_s": warmup_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-size", "--shape", dest="shape", choices=sorted(SHAPES), default="355M")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per implementation")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--length", type=int, default=80, help="new tokens per sample")
    parser.add_argument("--dtype", choices=["float32", "bfloat16", "float16"],
                        help="weights' type (default: bfloat16 on a GPU that has it, else float16; float32 on a CPU)")
    parser.add_argument("--device", choices=["cuda", "cpu"], default="cuda",
                        help="cpu: a dry run of the code paths without a GPU (with --model-size tiny)")
    parser.add_argument("--compile", action="store_true",
                        help="also time the engine with its per-token step under torch.compile")
    args = parser.parse_args()
    device = check_device(args.device)
    import torch
    import transformers

    from botbaby.torch_engine import TorchEngine

    shape = SHAPES[args.shape]
    with tempfile.TemporaryDirectory(prefix="botbaby-bench-gpu-") as tmp:
        started = time.perf_counter()
        run_dir = build_export(Path(tmp), shape)
        built_s = time.perf_counter() - started
        engine = TorchEngine(run_dir, device=device, dtype=args.dtype)
    name = torch.cuda.get_device_name() if device == "cuda" else platform.processor() or "CPU"
    weights_gib = torch.cuda.memory_allocated() / 2**30 if device == "cuda" else None
    print(f"device: {device} ({name}); torch {torch.__version__}, transformers {transformers.__version__}; "
          f"{engine.dtype} weights", flush=True)
    print(f"model: random-initialised {args.shape}-shaped GPT2LMHeadModel {shape}, "
          f"{sum(p.numel() for p in engine.model.parameters()):,} parameters, exported layout built in {built_s:.0f} s"
          + (f", {weights_gib:.2f} GiB on the GPU" if weights_gib is not None else ""), flush=True)
    print(f"each request: {args.samples} samples x {args.length} new tokens, {SETTINGS}; "
          f"{args.requests} timed requests after {args.warmup} warm-up ones", flush=True)
    context = engine.encode(PROMPT)

    def engine_request(seed):
        return engine.sample_tokens(context, args.samples, args.length, seed=seed, **SETTINGS)

    prompt = torch.tensor([context], device=device).expand(args.samples, -1)

    def generate_request(seed):
        torch.manual_seed(seed)
        with torch.inference_mode():
            return engine.model.generate(prompt, attention_mask=torch.ones_like(prompt), do_sample=True,
                                         max_new_tokens=args.length, pad_token_id=engine.end_id, **SETTINGS)

    def compile_step():
        engine.decoder.step = torch.compile(engine.decoder.step, dynamic=True)

    contenders = [("torch engine", engine_request, None)]
    if args.compile:
        contenders.append(("compiled", engine_request, compile_step))
    contenders.append(("generate", generate_request, None))
    results = {}
    for label, request, prepare in contenders:
        if prepare:
            prepare()
        result = results[label] = serve(label, request, args.requests, args.warmup, device)
        memory = f", peak GPU memory {result['peak_gib']:.2f} GiB" if result["peak_gib"] is not None else ""
        print(f"  {label:13s} {result['requests_per_s']:7.2f} requests/s   latency p50 {result['p50_s']:.3f} s  "
              f"p99 {result['p99_s']:.3f} s{memory}; warm-up {result['warmup_s']:.1f} s", flush=True)
    ours, theirs = results["torch engine"], results["generate"]
    if "compiled" in results:
        print(f"  ratio compiled / torch engine: "
              f"{results['compiled']['requests_per_s'] / ours['requests_per_s']:.2f}x", flush=True)
    ratio = ours["requests_per_s"] / theirs["requests_per_s"]
    print(f"  ratio torch engine / generate: {ratio:.2f}x (target >= {TARGET_RATIO}x: "
          f"{'met' if ratio >= TARGET_RATIO else 'missed'}); torch engine p50 {ours['p50_s']:.3f} s per request "
          f"(target <= {TARGET_LATENCY_S} s: {'met' if ours['p50_s'] <= TARGET_LATENCY_S else 'missed'})")
    if device != "cuda":
        print("  (a CPU dry run: the targets are for an H100/H200-class GPU with the 355M shape)")
    engine.close()


if __name__ == "__main__":
    main()
