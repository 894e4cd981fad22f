"""04_clean: turn a side's stored posts into gpt-2-simple training text, with nothing lost silently.

    >>> import tempfile
    >>> from botbaby.tweets import TweetStore
    >>> data = Layout(tempfile.mkdtemp())
    >>> posts = [
    ...     {"id": "1", "handle": "a", "created_at": "2019-05-23T10:00:00Z",
    ...      "text": "Fuel prices up again &amp;amp; nobody answers 🔥 https://t.co/x1 @PetroMin, this is the fifth hike"},
    ...     {"id": "2", "handle": "a", "created_at": "2019-05-23T11:00:00Z", "text": "RT @b: someone else's words"},
    ...     {"id": "3", "handle": "a", "created_at": "2019-05-23T12:00:00Z", "text": "too short"},
    ... ]
    >>> _ = TweetStore(data.side("left").tweets_dir).append(posts)
    >>> stats = clean(data.root, "left")
    >>> stats.kept, stats.dropped["retweet"], stats.dropped["too_short"]
    (1, 1, 1)
    >>> data.side("left").train_txt.read_text() + data.side("left").val_txt.read_text()
    '<|startoftext|>Fuel prices up again & nobody answers, this is the fifth hike<|endoftext|>\\n'

The rules live in ``botbaby.clean_rules`` (``CleanConfig`` and ``clean_post``, the specification).
This module streams a side's posts through them a record batch at a time, drops duplicates, splits
off the held-out share by a hash of the text, writes train.txt, val.txt, clean_stats.json and a
sentence splitter (``botbaby.sentences``), and replaces the previous outputs only once all of them
are written. Big corpora go through the compiled pass (``botbaby.clean_kernel``), on ``workers``
threads with reading and writing alongside; small ones through the plain rules, so that a fresh
runtime does not wait for a compile (``CleanConfig.compiled_pass``). Both write the same bytes.
Memory stays flat: a few batches at a time, plus 8 to 12 bytes per kept post for duplicates.

The batch machinery (threads, duplicate detection, writing, the choice of pass) is
``botbaby.clean_pipeline``; the statistics and what the notebook shows of them (``stats_table``,
``drop_examples``, ``plot_lengths``, ``preview``) are ``botbaby.clean_report``, reached from here too.
"""

import argparse
import dataclasses
import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

from botbaby import clean_pipeline as pipeline
from botbaby import sentences
from botbaby.clean_report import (
    LENGTH_BIN_EDGES,
    CleanStats,
    advise,
    drop_examples,
    format_stats,
    histogram,
    load_stats,
    plot_lengths,
    preview,
    stats_table,
)
from botbaby.clean_rules import SPEED_SETTINGS, CleanConfig
from botbaby.errors import BotbabyError
from botbaby.io import atomic_write_text
from botbaby.layout import DEFAULT_SIDES, END, START, Layout
from botbaby.tweets import TweetStore

__all__ = ["CleanConfig", "CleanStats", "clean", "clean_all", "drop_examples", "format_stats", "load_stats",
           "plot_lengths", "preview", "stats_table"]  # fmt: skip

FORMAT_VERSION = 4  # bump when the rules change meaning, so finished cleans are redone (4: the scar removers)
TYPICAL_POST_CHARS = 120  # a cleaned post, for spreading the Punkt sample over the corpus


def _fingerprint(config: CleanConfig, parts: list[Path]) -> str:
    # Part files are append-only and uniquely named, so name and size identify the input.
    rules = {k: v for k, v in config.to_dict().items() if k not in SPEED_SETTINGS}
    state = {"format": FORMAT_VERSION, "config": rules, "parts": [[p.name, p.stat().st_size] for p in parts]}
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def clean(
    data: Path | str, side: str, config: CleanConfig | dict | None = None, force: bool = False, **overrides: Any
) -> CleanStats:
    """Clean one side's posts into ``train.txt``/``val.txt`` and save stats, config and a sentence splitter.

    ``config`` and ``overrides`` are ``CleanConfig`` settings. A finished clean with the same config and
    unchanged input is skipped (``force=True`` redoes it). A clean that fails (or keeps nothing) changes
    none of the side's files.
    """
    config = CleanConfig.resolve(config, **overrides)
    paths = Layout(Path(data)).side(side)
    store = TweetStore(paths.tweets_dir)
    parts = store.parts()
    if not parts:
        raise BotbabyError(
            f"no posts for side '{side}' in {paths.tweets_dir}: import or download them first, e.g. "
            f"`botbaby scrape {side} --source archive --files tweets.js --data {Path(data)}`"
        )
    fingerprint = _fingerprint(config, parts)
    outputs = (paths.train_txt, paths.val_txt, paths.clean_stats, paths.punkt)
    if not force and paths.clean_config.is_file() and all(p.is_file() for p in outputs):
        if json.loads(paths.clean_config.read_text()).get("fingerprint") == fingerprint:
            return dataclasses.replace(load_stats(data, side), skipped=True)

    compiled, build = pipeline.use_compiled(config, parts)
    stats, recycle = CleanStats(side=side, compiled=compiled), None
    if compiled:
        recycle = pipeline.open_compiled_pass(config)
    total_rows = sum(pq.ParquetFile(part).metadata.num_rows for part in parts)
    stride = max(1, math.ceil(total_rows * TYPICAL_POST_CHARS / max(1, config.punkt_sample_chars)))
    before, after = np.zeros(len(LENGTH_BIN_EDGES), np.int64), np.zeros(len(LENGTH_BIN_EDGES), np.int64)
    dedups = (pipeline.Dedup(compiled), pipeline.Dedup(compiled))  # one per file: a post and its duplicates share one
    sample: list[str] = []  # Punkt's: every stride-th post by hash, until punkt_sample_chars are taken
    with (
        pipeline.background_build(build) as builder,  # stopped at the end unless it finished
        pipeline.replaced_together(*outputs, marker=paths.clean_config) as (train_tmp, val_tmp, stats_tmp, punkt_tmp),
        pipeline.arrow_memory_pool(),
    ):
        with open(train_tmp, "wb") as train_file, open(val_tmp, "wb") as val_file:
            batches = store.iter_batches(["text", "is_retweet"], config.batch_size)
            cleaned_batches = pipeline.batches_cleaned(batches, config, stride, recycle, builder)
            for done, cleaned in enumerate(cleaned_batches, start=1):
                if cleaned.recycle is not None:  # the compiled pass did this one (its merge is the same, faster)
                    stats.compiled = dedups[0].compiled = dedups[1].compiled = True
                stats.read += cleaned.read
                for reason, count in cleaned.dropped.items():
                    stats.dropped[reason] += count
                for reason, posts in cleaned.examples.items():
                    shown = stats.examples.setdefault(reason, [])
                    shown += posts[: config.examples - len(shown)]
                before += cleaned.lengths_before
                for file, (lines, handle) in enumerate(zip(cleaned.files, (train_file, val_file), strict=True)):
                    new = np.ones(len(lines.hashes), dtype=bool)
                    if config.drop_duplicates:
                        new = dedups[file].new(lines.hashes, cleaned.orders[file])
                    stats.dropped["duplicate"] += int(len(new) - new.sum())
                    if not new.all() and len(stats.examples.get("duplicate", [])) < config.examples:
                        repeated = pc.filter(lines.lines, pipeline.arrow_of(~new)).to_pylist()
                        shown = stats.examples.setdefault("duplicate", [])
                        shown += [line[len(START) : -len(END) - 1] for line in repeated[: config.examples - len(shown)]]
                    pipeline.write_lines(handle, lines.lines, new, cleaned.recycle)
                    after += histogram(lines.lengths[new])
                    stats.kept += int(new.sum())
                    stats.val += int(new.sum()) if file else 0
                    stats.train_chars += 0 if file else int(lines.lengths[new].sum())
                    for position, text in cleaned.samples[file]:
                        if new[position] and stats.punkt_chars < config.punkt_sample_chars:
                            sample.append(text)
                            stats.punkt_chars += len(text)
                if cleaned.recycle is not None:
                    cleaned.recycle.give(cleaned.result)
                if done % pipeline.RELEASE_MEMORY_EVERY == 0:  # now and then, not for every batch
                    pipeline.release_memory(train_file, val_file)
        if stats.kept == 0:
            raise BotbabyError(
                f"no post of side '{side}' survived cleaning ({stats.read} read; dropped: "
                f"{', '.join(f'{k} {v}' for k, v in stats.dropped.items() if v)}); nothing was changed: "
                "loosen the rules, e.g. --min-chars 20 or --no-drop-retweets"
            )
        stats.train = stats.kept - stats.val
        stats.lengths_before, stats.lengths_after = before.tolist(), after.tolist()
        advise(stats, config)
        sentences.save_splitter(sentences.train_splitter(sample), punkt_tmp)
        stats_tmp.write_text(json.dumps(stats.to_dict(), indent=2) + "\n", encoding="utf-8")
    # Written last: its fingerprint marks the clean as finished.
    atomic_write_text(
        paths.clean_config, json.dumps({"config": config.to_dict(), "fingerprint": fingerprint}, indent=2) + "\n"
    )
    return stats


def clean_all(
    data: Path | str,
    sides: Sequence[str] = DEFAULT_SIDES,
    config: CleanConfig | dict | None = None,
    force: bool = False,
    **overrides: Any,
) -> dict[str, CleanStats]:
    """Clean several sides with one config (what the CLI, the notebook and the demo call)."""
    config = CleanConfig.resolve(config, **overrides)
    return {side: clean(data, side, config, force=force) for side in sides}


def _run(args: argparse.Namespace) -> int:
    from botbaby.config import config_from_args

    config = config_from_args(CleanConfig, args)
    for side in args.sides:  # one at a time, so each side's line appears as soon as it is done
        print(format_stats(clean(args.data, side, config, force=args.force)), flush=True)
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg
    from botbaby.config import add_config_options

    parser = subparsers.add_parser("clean", help="turn a side's posts into training text (04_clean)")
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="side name(s), e.g. left right")
    add_config_options(parser, CleanConfig)
    parser.add_argument("--force", action="store_true", help="clean again even if nothing changed")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
