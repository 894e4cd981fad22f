"""Benchmark collecting: (a) how fully the rate limit is used; (b) rank against a plain Counter.

    .venv/bin/python benchmarks/collect.py                      # both parts, about two minutes
    .venv/bin/python benchmarks/collect.py --leaders 10 --followers 200000   # quicker rank part

(a) A fake Bluesky server on 127.0.0.1 enforces a fixed-window rate limit (``--limit`` requests per
``--window`` seconds, ``ratelimit-*`` headers, 429 over the limit). ``botbaby.scrape.scrape``
downloads accounts of exactly full pages. Printed: posts fetched in each complete window as a share
of what the limit allows (limit x 100 posts a page; target >= 95%), and the 429s our pacing caused
(target 0). The baseline in the same run is a client that ignores the headers and only reacts to
429s (what tweepy's ``wait_on_rate_limit`` does).

(b) ``DATA/SIDE/followers/LEADER.arrow`` files for ``--leaders`` leaders (half per side) with
``--followers`` followers each, drawn from overlapping populations. ``botbaby.rank.rank`` runs
in one fresh process, a plain ``collections.Counter`` over each side's merged id lists (same files,
same top N, same handle lookup) in another; each process reports its own time and peak RSS. The two
alternate ``--repeat`` times (the machine may be shared); the fastest run of each and the highest
peak of each are compared. Printed: time and memory ratios (targets: >= 5x faster, <= 1/4 of the
peak memory).
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "collect"))

PAGE = 100  # posts per getAuthorFeed page


# -- (a) rate limit ---------------------------------------------------------------------------


def rate_limit_run(limit: int, window: float, accounts: int, pages: int, respect_headers: bool) -> dict:
    from collect_fakes import FakeServer, FakeWorld, serve

    from botbaby.scrape import scrape
    from botbaby.sources.bluesky import open_source
    from botbaby.sources.ratelimit import RateLimiter

    world = FakeWorld(leaders_per_side=1, followers=accounts, posts_per_account=(pages * PAGE, pages * PAGE),
                      gone_every=0, seed=3)
    server = FakeServer(world, limit=limit, window=window, enforce=True)
    data = Path(tempfile.mkdtemp(prefix="bench-collect-"))
    try:
        (data / "left").mkdir()
        regulars = [a for a in world.accounts if a.side is None]
        (data / "left" / "accounts.csv").write_text(
            "handle,id,leaders_followed\n" + "".join(f"{a.handle},{a.did},1\n" for a in regulars))
        # The header-blind baseline reads no rate-limit headers and, after a 429, waits one window.
        limiter = RateLimiter("ratelimit-" if respect_headers else "no-such-header-", default_wait=window)
        with serve(server) as url:
            started = time.time()
            report = scrape(data, "left", source=open_source(base_url=url, limiter=limiter), since="2000-01-01")
            elapsed = time.time() - started
        windows = sorted(server.items_per_window)
        complete = windows[1:-1]  # the first and last windows are only partly inside the run
        allowed = limit * PAGE
        shares = [server.items_per_window[w] / allowed for w in complete]
        return {
            "posts": report["posts"],
            "seconds": round(elapsed, 2),
            "complete_windows": len(complete),
            "share_of_limit": round(float(np.mean(shares)), 4) if shares else None,
            "min_share": round(float(min(shares)), 4) if shares else None,
            "shares": [round(x, 3) for x in shares],
            "429s_over_limit": server.over_limit,
        }
    finally:
        shutil.rmtree(data, ignore_errors=True)


# -- (b) rank ---------------------------------------------------------------------------------


def make_followers(data: Path, leaders: int, followers: int, seed: int = 0) -> None:
    """Leader files like 02_followers writes: sorted unique int64 keys, ids and handles."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from botbaby.formats import write_leader_file
    from botbaby.layout import Layout

    rng = np.random.default_rng(seed)
    population = followers * 8  # each side's pool of potential followers; the pools overlap by a quarter
    for side, offset in (("left", 0), ("right", population * 3 // 4)):
        paths = Layout(data).side(side)
        handles = [f"{side}{i}" for i in range(leaders // 2)]
        paths.root.mkdir(parents=True, exist_ok=True)
        paths.leaders_csv.write_text("handle\n" + "\n".join(handles) + "\n")
        paths.followers_dir.mkdir(parents=True, exist_ok=True)
        for handle in handles:
            keys = np.sort(rng.choice(population, size=followers, replace=False) + offset + 10**9)
            ids = pc.cast(pa.array(keys), pa.string())
            write_leader_file(paths.leader_file(handle), keys, ids, handles=pc.binary_join_element_wise("u", ids, ""))


def rank_numpy(data: Path, top: int) -> list[int]:
    from botbaby.rank import rank

    stats = rank(data, top=top)
    import pandas as pd

    return sorted(pd.read_csv(data / "left" / "accounts.csv")["leaders_followed"].tolist()) + [stats["overlap"]]


def rank_counter(data: Path, top: int) -> list[int]:
    """The plain way: a Counter over each side's merged follower id lists."""
    from botbaby.formats import read_leader_file
    from botbaby.rank import _handles_of, _leader_files

    counters, files = {}, {}
    for side in ("left", "right"):
        files[side], _ = _leader_files(data, side)
        merged: list[int] = []
        for path in files[side]:
            merged.extend(read_leader_file(path).column("key").to_pylist())
        counters[side] = Counter(merged)
        del merged
    shared = counters["left"].keys() & counters["right"].keys()
    kept = {}
    for side, counter in counters.items():
        for key in shared:
            del counter[key]
        kept[side] = counter.most_common(top)
        _handles_of(files[side], np.array([k for k, _ in kept[side]], dtype=np.int64))
    return sorted(n for _, n in kept["left"]) + [len(shared)]


def worker(kind: str, data: str, top: int) -> None:
    """Run one implementation; print its time. Imports happen before the clock starts (both need
    pandas and pyarrow), and count in the peak memory of both alike."""
    import pandas  # noqa: F401

    import botbaby.rank  # noqa: F401

    started = time.perf_counter()
    result = (rank_numpy if kind == "numpy" else rank_counter)(Path(data), top)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "check": hash(tuple(result)), "peak_mb": peak_mb()}))


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    VmHWM belongs to the process's own address space; ``ru_maxrss`` would not do here, because
    Linux carries the parent's high-water mark over fork and exec into the child.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc/self/status: this benchmark measures memory on Linux only")


def run_worker(kind: str, data: Path, top: int) -> dict:
    """Run one rank implementation in a fresh process; return its time and peak RSS."""
    done = subprocess.run([sys.executable, __file__, "--worker", kind, str(data), "--top", str(top)],
                          stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DATA"), help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=40, help="requests per window the fake server allows")
    parser.add_argument("--window", type=float, default=2.0, help="rate-limit window in seconds")
    parser.add_argument("--accounts", type=int, default=36, help="accounts scraped against the rate limit")
    parser.add_argument("--pages", type=int, default=10, help="full pages of posts per account")
    parser.add_argument("--leaders", type=int, default=40, help="leaders in the rank benchmark (half per side)")
    parser.add_argument("--followers", type=int, default=1_000_000, help="followers per leader")
    parser.add_argument("--top", type=int, default=150_000, help="accounts kept per side")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each rank implementation (fastest counts)")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.top)
        return

    print(f"(a) rate limit: {args.limit} requests / {args.window:g} s window, {args.accounts} accounts x "
          f"{args.pages} pages of {PAGE} posts")
    ours = rate_limit_run(args.limit, args.window, args.accounts, args.pages, respect_headers=True)
    blind = rate_limit_run(args.limit, args.window, args.accounts, args.pages, respect_headers=False)
    print(f"    botbaby (paced from ratelimit-* headers): {json.dumps(ours)}")
    print(f"    baseline (header-blind, waits after 429): {json.dumps(blind)}")
    if ours["share_of_limit"] is None:
        raise SystemExit("the run was shorter than three windows: raise --accounts or --pages")
    print(f"    -> posts per complete window: {ours['share_of_limit']:.1%} of the limit (target >= 95%), "
          f"429s caused by our pacing: {ours['429s_over_limit']} (target 0; baseline: {blind['429s_over_limit']})")

    data = Path(tempfile.mkdtemp(prefix="bench-rank-"))
    try:
        started = time.perf_counter()
        make_followers(data, args.leaders, args.followers)
        print(f"(b) rank: {args.leaders} leaders x {args.followers:,} followers "
              f"(files written in {time.perf_counter() - started:.0f} s), top {args.top:,} per side")
        runs = {"numpy": [], "counter": []}
        for _ in range(args.repeat):  # alternate, so a busy moment on the machine hits both alike
            for kind in runs:
                runs[kind].append(run_worker(kind, data, args.top))
        numpy_run, counter_run = (
            {"seconds": min(r["seconds"] for r in runs[kind]), "peak_mb": max(r["peak_mb"] for r in runs[kind]),
             "check": runs[kind][0]["check"], "all_seconds": [round(r["seconds"], 2) for r in runs[kind]]}
            for kind in ("numpy", "counter")
        )
    finally:
        shutil.rmtree(data, ignore_errors=True)
    same = numpy_run["check"] == counter_run["check"]
    print(f"    botbaby.rank.rank:      {numpy_run['seconds']:.1f} s (runs: {numpy_run['all_seconds']}), "
          f"peak {numpy_run['peak_mb']:.0f} MB")
    print(f"    collections.Counter:    {counter_run['seconds']:.1f} s (runs: {counter_run['all_seconds']}), "
          f"peak {counter_run['peak_mb']:.0f} MB")
    print(f"    -> {counter_run['seconds'] / numpy_run['seconds']:.1f}x faster (target >= 5x), "
          f"{numpy_run['peak_mb'] / counter_run['peak_mb']:.2f} of the memory (target <= 0.25); "
          f"same counts and overlap: {same}")


if __name__ == "__main__":
    main()
