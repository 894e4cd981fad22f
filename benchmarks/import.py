"""Benchmark the archive import: CSV rows per second, and whether a big store slows a small import.

    .venv/bin/python benchmarks/import.py                 # 1M rows, then 10,000 more (about a minute)
    .venv/bin/python benchmarks/import.py --rows 200000   # quicker

In one run, in one process, timing ``botbaby.sources.archive.import_files`` as ``botbaby scrape SIDE
--source archive --files ...`` calls it (a fresh ``TweetStore`` each call, so each import loads the
id index from disk, as a new command would):

1. ``--rows`` rows of a real-shaped CSV export (``id,created_at,Type,text``: X ids, day-first dates
   like ``14/2/17 10:15``, English and Devanagari text, a byte-order mark) into an empty store.
   Printed: rows per second (target >= 100,000 on a 2-core machine).
2. ``--batch`` new rows of the same shape into that store, and the same rows into an empty store,
   ``--repeat`` times alternately (fresh rows each time); the fastest of each counts, as the machine
   may be shared. Printed: the per-row time against step 1's (target: within 2x, i.e. the duplicate
   check does not grow with the store; before the id index, 10,000 rows took 0.1 s into an empty
   store and 19 s into one holding 1M ids).

Wall-clock seconds are the measure; CPU seconds of this process are printed beside them, since on a
shared machine the wall clock also counts other programs' turns.

Each import is checked (every row added, day-first detected) so a fast wrong answer cannot pass.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TWEPOCH_MS = 1288834974657
IST_MS = (5 * 60 + 30) * 60 * 1000
TEXTS = ["Addressed a rally in Varanasi today. The energy was amazing! #{}",
         "भारत माता की जय! आज का दिन ऐतिहासिक है। #{}",
         "Spoke about jobs, growth and the farmers of Pune, \"a new dawn\" #{}",
         "RT @PIB_India: New scheme for every village gets electricity… #{}"]


def write_export(path: Path, rows: int, start_ms: int, seed: int) -> None:
    """``rows`` posts a few minutes apart from ``start_ms``, as the third-party export writes them."""
    rng = np.random.default_rng(seed)
    times = start_ms + np.cumsum(rng.integers(1_000, 600_000, rows))
    ids = ((times - TWEPOCH_MS) << 22) | rng.integers(0, 1 << 22, rows)
    local = (times + IST_MS).astype("datetime64[ms]")
    days = local.astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    day = (days - months).astype(int) + 1
    month = months.astype(int) % 12 + 1
    year = months.astype(int) // 12 + 1970 - 2000
    minutes = (local - days).astype("timedelta64[m]").astype(int)
    kinds = rng.integers(0, len(TEXTS), rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write("id,created_at,Type,text\r\n")
        for i in range(rows):
            text = TEXTS[kinds[i]].format(i)
            text = f'"{text.replace(chr(34), chr(34) * 2)}"' if '"' in text or "," in text else text
            kind = "Retweet" if kinds[i] == 3 else "Tweet"
            handle.write(f"{ids[i]},{day[i]}/{month[i]}/{year[i]:02d} {minutes[i] // 60:02d}:{minutes[i] % 60:02d},"
                         f"{kind},{text}\r\n")


def timed_import(store: Path, path: Path, rows: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one import (checked to be complete and read day-first)."""
    from botbaby.sources.archive import import_files

    started, cpu = time.perf_counter(), time.process_time()
    report = import_files(store, [path], handle="leader", since="2010-01-01")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    entry = report.files[0]
    if (report.added, entry.refused, entry.date_order) != (rows, 0, "day-first"):
        raise SystemExit(f"wrong import of {path.name}: {report}, date order {entry.date_order}")
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the first import (default: 1000000)")
    parser.add_argument("--batch", type=int, default=10_000, help="rows of the second import (default: 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="times the second import is measured (default: 3)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        big = work / "export.csv"
        start_ms = int(np.datetime64("2015-01-01", "ms").astype(int))
        write_export(big, args.rows, start_ms, seed=1)
        print(f"{args.rows:,} rows, {big.stat().st_size / 1e6:.0f} MB of CSV; then {args.batch:,} new rows, "
              f"{args.repeat} times")

        first, first_cpu = timed_import(work / "store", big, args.rows)
        print(f"1. {args.rows:,} rows into an empty store: {first:.2f} s ({first_cpu:.2f} s CPU), "
              f"{args.rows / first:,.0f} rows/s ({args.rows / first_cpu:,.0f} per CPU second) (target >= 100,000)")

        into_big, into_empty = [], []
        for attempt in range(args.repeat):
            small = work / f"new-{attempt}.csv"
            write_export(small, args.batch, start_ms + (args.rows + attempt * args.batch) * 700_000, seed=2 + attempt)
            into_big.append(timed_import(work / "store", small, args.batch))
            into_empty.append(timed_import(work / f"empty-{attempt}", small, args.batch))
        second, second_cpu = min(into_big)
        alone, alone_cpu = min(into_empty)
        per_row = [seconds / rows * 1e6 for seconds, rows in ((first, args.rows), (second, args.batch),
                                                              (alone, args.batch))]
        print(f"2. {args.batch:,} rows into the {args.rows:,}-post store: {second:.3f} s ({second_cpu:.3f} s CPU), "
              f"{per_row[1]:.1f} µs a row, {per_row[1] / per_row[0]:.2f}x step 1's {per_row[0]:.1f} µs (target <= 2x)")
        print(f"   the same number into an empty store: {alone:.3f} s ({alone_cpu:.3f} s CPU), {per_row[2]:.1f} µs a row "
              f"(the big store costs {per_row[1] / per_row[2]:.2f}x that)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
