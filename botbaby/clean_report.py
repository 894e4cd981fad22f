"""What 04_clean reports: its statistics per side, and the tables, plots and previews the notebook shows.

    >>> stats = CleanStats(side="left", read=3, kept=1, train=1)
    >>> stats.dropped["retweet"] = 2
    >>> format_stats(stats)
    'left: read 3, kept 1 (train 1, val 0), dropped: retweet 2'

The stage (``botbaby.clean``) fills a ``CleanStats`` while it cleans and saves it as the side's
``clean_stats.json``; everything else here reads that file back, so it works on any finished clean.
"""

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from botbaby.clean_rules import DROP_REASONS, CleanConfig
from botbaby.errors import BotbabyError
from botbaby.layout import DEFAULT_SIDES, END, START, Layout

if TYPE_CHECKING:  # pandas is imported where a table is made: a clean itself needs none (0.1 s of its start)
    import pandas as pd

LENGTH_BIN_EDGES = list(range(0, 301, 10))  # characters; one more bin counts everything longer
# Scripts a clean may suggest keeping, in the order they are tried (Unicode script names).
SUGGESTED_SCRIPTS = ("devanagari", "bengali", "gurmukhi", "gujarati", "tamil", "telugu", "kannada", "malayalam",
                     "oriya", "arabic", "cyrillic", "greek", "hebrew", "thai", "han", "hangul")  # fmt: skip
ADVISE_SCRIPTS_ABOVE = 0.10  # share of own posts lost to the script rule above which keeping their script is suggested


@dataclass
class CleanStats:
    """What clean did to one side: counts per outcome and the post-length histograms."""

    side: str
    read: int = 0  # posts in the tweet store
    kept: int = 0  # posts written to train.txt or val.txt
    dropped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DROP_REASONS, 0))
    train: int = 0
    val: int = 0
    train_chars: int = 0  # characters of post text in train.txt
    lengths_before: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BIN_EDGES))
    lengths_after: list[int] = field(default_factory=lambda: [0] * len(LENGTH_BIN_EDGES))
    length_bin_edges: list[int] = field(default_factory=lambda: list(LENGTH_BIN_EDGES))
    punkt_chars: int = 0  # characters the sentence splitter was trained on
    examples: dict[str, list[str]] = field(default_factory=dict)  # per drop reason, the first few posts as stored
    other_script_share: float = 0.0  # share of the author's own posts (not empty, not retweets) the script rule took
    advice: list[str] = field(default_factory=list)  # what to change, when the numbers suggest it
    compiled: bool = False  # whether the compiled pass did the work (the plain rules give the same output)
    skipped: bool = False  # True when an identical finished clean was found and nothing was redone

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> "CleanStats":
        return cls(**{f.name: values[f.name] for f in dataclasses.fields(cls) if f.name in values})


def histogram(lengths: np.ndarray) -> np.ndarray:
    """Counts of post lengths per bin of ``LENGTH_BIN_EDGES`` (the last bin takes everything longer)."""
    bins = np.minimum(lengths.astype(np.int64) // 10, len(LENGTH_BIN_EDGES) - 1)
    return np.bincount(bins, minlength=len(LENGTH_BIN_EDGES))


def advise(stats: CleanStats, config: CleanConfig) -> None:
    """Report how many of the author's own posts the script rule took, and suggest a script when many."""
    import regex

    own = stats.read - stats.dropped["empty"] - stats.dropped["retweet"]
    stats.other_script_share = round(stats.dropped["other_script"] / own, 4) if own else 0.0
    if stats.other_script_share <= ADVISE_SCRIPTS_ABOVE:
        return
    text = " ".join(stats.examples.get("other_script", []))
    counts = {name: len(regex.findall(rf"\p{{scx={name}}}", text)) for name in SUGGESTED_SCRIPTS}
    script = max(counts, key=counts.get) if any(counts.values()) else "devanagari"
    stats.advice.append(
        f"the script rule removed {stats.other_script_share:.0%} of this author's own posts "
        f"({stats.dropped['other_script']}): to keep them, clean with --scripts {','.join(config.scripts)},{script}"
    )


def load_stats(data: Path | str, side: str) -> CleanStats:
    """The statistics of the side's last clean."""
    path = Layout(Path(data)).side(side).clean_stats
    if not path.is_file():
        raise BotbabyError(f"side '{side}' has not been cleaned yet: run `botbaby clean {side}` first")
    return CleanStats.from_dict(json.loads(path.read_text()))


def stats_table(data: Path | str, sides: list[str] | tuple[str, ...] = DEFAULT_SIDES) -> "pd.DataFrame":
    import pandas as pd

    """One row per side: posts read, kept, dropped per reason, train/val split."""
    rows = []
    for side in sides:
        stats = load_stats(data, side)
        rows.append(
            {"side": side, "read": stats.read, "kept": stats.kept}
            | {f"dropped_{reason}": stats.dropped.get(reason, 0) for reason in DROP_REASONS}
            | {"train": stats.train, "val": stats.val, "train_chars": stats.train_chars}
        )
    return pd.DataFrame(rows).set_index("side")


def drop_examples(data: Path | str, side: str, n: int = 3) -> "pd.DataFrame":
    import pandas as pd

    """The first ``n`` dropped posts of each reason (as stored), and what the report advises."""
    stats = load_stats(data, side)
    rows = [{"reason": reason, "post": post} for reason, posts in stats.examples.items() for post in posts[:n]]
    rows += [{"reason": "advice", "post": line} for line in stats.advice]
    return pd.DataFrame(rows, columns=["reason", "post"])


def plot_lengths(data: Path | str, sides: str | Sequence[str]):
    """A matplotlib figure of post lengths before and after cleaning, one panel per side."""
    from botbaby._optional import require

    plt = require("matplotlib.pyplot", extra="notebooks", package="matplotlib")
    sides = [sides] if isinstance(sides, str) else list(sides)
    figure, panels = plt.subplots(len(sides), 1, figsize=(8, 3 * len(sides)), squeeze=False)
    for side, axes in zip(sides, panels[:, 0], strict=True):
        stats = load_stats(data, side)
        edges = stats.length_bin_edges
        for name, counts in (("before cleaning", stats.lengths_before), ("after cleaning", stats.lengths_after)):
            axes.bar(edges, counts, width=9, align="edge", alpha=0.55, label=name)
        axes.set_xlabel(f"post length in characters ({edges[-1]}+ in the last bin)")
        axes.set_ylabel("posts")
        axes.set_title(f"{side}: {stats.read} posts read, {stats.kept} kept")
        axes.legend()
    figure.tight_layout()
    return figure


def preview(data: Path | str, side: str, n: int = 5) -> list[str]:
    """The first ``n`` posts of the side's train.txt, without the delimiters."""
    path = Layout(Path(data)).side(side).train_txt
    if not path.is_file():
        raise BotbabyError(f"side '{side}' has not been cleaned yet: run `botbaby clean {side}` first")
    lines = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if len(lines) >= n:
                break
            lines.append(line.rstrip("\n").removeprefix(START).removesuffix(END))
    return lines


def format_stats(stats: CleanStats) -> str:
    """One line per side for the terminal."""
    dropped = ", ".join(f"{reason} {count}" for reason, count in stats.dropped.items() if count) or "none"
    note = " (unchanged, skipped)" if stats.skipped else ""
    advice = "".join(f"\n  {stats.side}: {line}" for line in stats.advice)
    return (
        f"{stats.side}: read {stats.read}, kept {stats.kept} (train {stats.train}, val {stats.val}), "
        f"dropped: {dropped}{note}{advice}"
    )
