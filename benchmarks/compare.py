"""Benchmark what ``botbaby compare`` adds to ``make demo``: its time against the demo's other steps.

    .venv/bin/python benchmarks/compare.py                    # a fresh demo in a temporary folder
    .venv/bin/python benchmarks/compare.py --data botbaby-data # a demo folder already trained (reused)

Runs the demo's import, clean and train steps (skipped where already done), then, in the same process
as ``make demo`` does, the compare step three times: fresh (the manifest entry forgotten), fresh again
(everything the first run imported is loaded: the cost of compare's own work), and skipped (nothing
changed). Each is printed in wall and CPU seconds, wall also as a ratio against the steps before it when
they ran here (a fresh folder). Target (issue 16): compare adds under a minute to the demo; on a shared machine the CPU
seconds are the steadier figure.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(step):
    """(wall seconds, CPU seconds of this process) of ``step()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="a demo data folder to reuse (default: a fresh one)")
    args = parser.parse_args(argv)

    from botbaby.demo import CORPUS_SIDES, compare_sides, run_demo
    from botbaby.manifest import Manifest

    data = args.data or Path(tempfile.mkdtemp(prefix="botbaby-bench-compare-"))
    quiet = lambda message: None  # noqa: E731
    before, before_cpu = timed(lambda: run_demo(data, quiet=True, until="train"))
    print(f"import + clean + train: {before:.1f} s wall, {before_cpu:.1f} s CPU ({data})")
    for label in ("compare, fresh", "compare, fresh again", "compare, skipped"):
        if label != "compare, skipped":
            Manifest(data).forget("compare")
        wall, cpu = timed(lambda: compare_sides(data, CORPUS_SIDES, say=quiet))
        ratio = f", {wall / before:.2f}x the steps before it" if args.data is None else ""  # reused: those were skipped
        print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
