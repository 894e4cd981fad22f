"""Benchmark 04_clean against the original bot-baby's per-line loop, on synthetic tweet exports.

    .venv/bin/python benchmarks/clean.py                 # 200 MB and 400 MB of post text (several minutes)
    .venv/bin/python benchmarks/clean.py --mb 50 200     # a smaller one too: clean's fixed start-up cost shows
    .venv/bin/python benchmarks/clean.py --workdir /tmp/bench --keep   # build once, measure again later

For each corpus size it builds a tweet store (``DATA/left/tweets``) of synthetic posts shaped like
real exports (links, mentions, hashtags, ``&amp;``, emoji, some Devanagari, retweets, repeats, very
short posts), then runs, each in its own fresh process so peak memory is measured alone:

- ``botbaby clean`` (``botbaby.clean.clean`` with the default rules, all of issue 12's scar removers
  included, and everything else: Punkt training, stats and examples, both files);
- a plain per-line Python loop applying the original project's rules (URL and mention regexes,
  ``&amp;``, non-ASCII removal, whitespace, 50-character minimum) to the same stored posts.

It prints throughput (MB of post text per second), the ratio against the loop measured in the same
run (target: at least 4x), the CPU time of each (a steadier comparison on a shared machine) and each
process's peak RSS (target: flat across corpus sizes).

Before timing, the compiled pass is built as the first big clean on a machine builds it in the
background (``python -m botbaby.clean_kernel``: an extension module, about 11 s on 2 cores, or numba's
cache where there is no C compiler); that build is printed on its own, beside a clean of a tiny corpus
with the pass and with the plain rules (what a fresh runtime's small clean uses instead). Every timed
clean still loads the pass and its tables (milliseconds from the extension, about 0.3 s from numba's cache).
"""

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIDE = "left"
WORDS = (
    "fuel petrol diesel price prices hike farmers farm laws msp crop mandi election vote votes booth "
    "manifesto economy gdp growth jobs unemployment youth cricket team match win final stadium "
    "education school exam students teachers budget tax gst inflation rupee government opposition "
    "minister party leader rally speech nation people india village city district state centre the a "
    "is are was were and or but so not no yes why who what when where how this that these those "
    "we you they our your their again today tomorrow now never always every all more less very "
    "good bad great shame proud angry sad truth lies promise promises answer question power"
).split()
EMOJI = ["🔥", "🇮🇳", "😡", "🙏", "👏", "💪", "🤔", "😂"]
HINDI = ["जय हिंद", "किसान एकता", "महंगाई", "विकास"]


def synthetic_texts(n: int, rng: np.random.Generator) -> list[str]:
    """``n`` posts shaped like a real export: mostly 60-280 characters of words plus the usual mess."""
    lengths = np.clip(rng.lognormal(3.0, 0.45, n).astype(int), 1, 55)
    words = rng.choice(WORDS, size=int(lengths.sum()))
    roll = rng.random((n, 8))
    texts, start = [], 0
    for i, count in enumerate(lengths):
        text = " ".join(words[start : start + count])
        start += count
        r = roll[i]
        if r[0] < 0.35:
            text += f" https://t.co/{rng.integers(1 << 40):x}"
        if r[1] < 0.30:
            text = f"@user{int(r[1] * 10_000)} {text}"
        if r[2] < 0.25:
            text += f" #{words[start - 1].capitalize()}"
        if r[3] < 0.15:
            text += " " + EMOJI[int(r[3] * 50) % len(EMOJI)]
        if r[4] < 0.05:
            text = text.replace(" and ", " &amp; ", 1) + " &amp; more"
        if r[5] < 0.04:
            text += " " + HINDI[int(r[5] * 100) % len(HINDI)]
        if r[6] < 0.18:
            text = f"RT @news{int(r[6] * 1000)}: {text}"
        if r[7] < 0.05 and texts:
            text = texts[-1]  # repeated post
        texts.append(text)
    return texts


def build_corpus(data: Path, megabytes: float, seed: int = 0) -> dict:
    """Fill DATA/left/tweets with at least ``megabytes`` MB of synthetic post text."""
    from botbaby.layout import Layout
    from botbaby.tweets import TweetStore

    store = TweetStore(Layout(data).side(SIDE).tweets_dir)
    rng = np.random.default_rng(seed)
    target, written, posts = megabytes * 1e6, 0, 0
    chunk = 50_000  # posts per part file, as a scrape or import appends them: the same at every corpus size
    start = pd.Timestamp("2014-01-01", tz="UTC")
    while written < target:
        texts = synthetic_texts(chunk, rng)
        frame = pd.DataFrame(
            {
                "id": np.arange(posts, posts + chunk).astype(str),
                "handle": "user",
                "created_at": start + pd.to_timedelta(np.arange(posts, posts + chunk), unit="min"),
                "text": texts,
                "is_retweet": pd.array([None] * chunk, dtype="boolean"),  # unknown, as in CSV exports
                "source": "archive",
            }
        )
        store.append(frame)
        written += sum(len(t.encode()) for t in texts)
        posts += chunk
    return {"posts": posts, "text_mb": written / 1e6}


# The original bot-baby's cleaning, one post at a time.
_ORIGINAL_URL = re.compile(r"http\S+|www\.\S+")  # links
_ORIGINAL_MENTION = re.compile(r"@\S+")  # @mentions


def original_loop(data: Path) -> int:
    import pyarrow.dataset as ds

    from botbaby.layout import Layout

    paths = Layout(data).side(SIDE)
    kept = 0
    with open(paths.root / "baseline.txt", "w", encoding="utf-8") as out:
        for part in sorted(paths.tweets_dir.glob("part-*.parquet")):  # one file at a time, as clean reads
            for batch in ds.dataset([part], format="parquet").to_batches(
                columns=["text"], batch_readahead=1, fragment_readahead=1
            ):
                for text in batch.column("text").to_pylist():
                    text = _ORIGINAL_URL.sub("", text)
                    text = _ORIGINAL_MENTION.sub("", text)
                    text = text.replace("&amp;", "&")
                    text = text.encode("ascii", "ignore").decode("ascii")
                    text = " ".join(text.split())
                    if len(text) >= 50:
                        out.write(f"<|startoftext|>{text}<|endoftext|>\n")
                        kept += 1
    return kept


def build_pass(data: Path) -> str:
    """What the background build of the first big clean does, unless it is done already."""
    from botbaby import clean_kernel

    if clean_kernel.is_built():
        return "already built"
    return "an extension module" if clean_kernel.build() else "numba's cache (no extension module could be built)"


def botbaby_clean(data: Path, compiled_pass: str = "auto") -> int:
    from botbaby.clean import clean

    return clean(data, SIDE, force=True, compiled_pass=compiled_pass).kept


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a
    child started by a big parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: KiB on Linux, best effort


def child(kind: str, data: Path) -> None:
    """Run one contender in this (fresh) process and print its time and peak memory as JSON."""
    started = time.perf_counter()
    kept = {
        "botbaby": botbaby_clean,
        "build": build_pass,
        "compiled": lambda data: botbaby_clean(data, "always"),
        "plain": lambda data: botbaby_clean(data, "never"),
        "loop": original_loop,
    }[kind](data)
    seconds = time.perf_counter() - started
    cpu = sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )  # all threads, plus the Punkt process
    print(json.dumps({"kind": kind, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak_rss_mb(), "kept": kept}))


def measure(kind: str, data: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(data)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    """Median time and CPU over repeated runs (a shared machine is noisy); the highest peak memory."""
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "kept": runs[0]["kept"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[200, 400], help="corpus sizes, MB of post text")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each contender; the median is reported")
    parser.add_argument("--workdir", type=Path, help="where to build the corpora (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora afterwards (reused by the next run)")
    parser.add_argument("--child", choices=["botbaby", "build", "compiled", "plain", "loop"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.data)
        return 0

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="botbaby-bench-clean-"))
    rows = []
    try:
        tiny = workdir / "corpus-first-use"
        shutil.rmtree(tiny, ignore_errors=True)
        build_corpus(tiny, 0.1)
        built = measure("build", tiny)
        print(f"building the compiled pass (as a first big clean does): {built['kept']}, {built['seconds']:.1f} s", flush=True)
        print(f"a tiny corpus with the compiled pass: {measure('compiled', tiny)['seconds']:.2f} s, "
              f"with the plain rules: {measure('plain', tiny)['seconds']:.2f} s", flush=True)  # fmt: skip
        for megabytes in args.mb:
            data = workdir / f"corpus-{megabytes:g}mb"
            built = data / "corpus.json"
            if built.is_file():  # kept from an earlier run with --workdir ... --keep
                corpus = json.loads(built.read_text())
                print(f"reusing {data}: {corpus['posts']:,} posts, {corpus['text_mb']:.0f} MB of text", flush=True)
            else:
                shutil.rmtree(data, ignore_errors=True)
                started = time.perf_counter()
                corpus = build_corpus(data, megabytes)
                built.write_text(json.dumps(corpus))
                print(f"built {corpus['posts']:,} posts, {corpus['text_mb']:.0f} MB of text in "
                      f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
            load_before = os.getloadavg()[0]
            loop = median_of([measure("loop", data) for _ in range(args.repeat)])
            ours = median_of([measure("botbaby", data) for _ in range(args.repeat)])
            rows.append(
                {
                    "text MB": round(corpus["text_mb"]),
                    "posts": corpus["posts"],
                    "loop s": round(loop["seconds"], 2),
                    "clean s": round(ours["seconds"], 2),
                    "loop MB/s": round(corpus["text_mb"] / loop["seconds"], 1),
                    "clean MB/s": round(corpus["text_mb"] / ours["seconds"], 1),
                    "speed-up": round(loop["seconds"] / ours["seconds"], 2),
                    "loop CPU s": round(loop["cpu_seconds"], 2),
                    "clean CPU s": round(ours["cpu_seconds"], 2),
                    "CPU ratio": round(loop["cpu_seconds"] / ours["cpu_seconds"], 2),
                    "loop peak RSS MB": round(loop["peak_rss_mb"]),
                    "clean peak RSS MB": round(ours["peak_rss_mb"]),
                    "loop kept": loop["kept"],
                    "clean kept": ours["kept"],
                    "load average": round(max(load_before, os.getloadavg()[0]), 1),  # others' work on the machine
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(pd.DataFrame(rows).set_index("text MB").T.to_string())
    print(f"\nmachine: {os.cpu_count()} cores; speed-up = loop wall time / clean wall time (clean uses the cores,")
    print("the loop one); CPU ratio = loop CPU / clean CPU (all threads and processes), which others' load moves less")
    print("target: speed-up >= 4 at every size; clean peak RSS about the same at every size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
