"""The data folder: one documented layout that every stage reads and writes (docs/data-layout.md).

    >>> layout = Layout("botbaby-data")
    >>> layout.side("left").train_txt.as_posix()
    'botbaby-data/left/train.txt'

Every path a stage touches comes from here, so the layout lives in one place.
"""

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from botbaby.errors import BotbabyError

DEFAULT_DATA = Path("botbaby-data")  # the data folder when neither --data / DATA nor $BOTBABY_DATA names one
DEFAULT_SIDES = ("left", "right")  # side names are the user's choice; these are the defaults

# train.txt/val.txt hold one post per line between gpt-2-simple's markers: START + text + END.
START = "<|startoftext|>"
END = "<|endoftext|>"

# Folders of the data folder that are not sides, so no side may take their names.
RESERVED = frozenset({"models", "results", "deploy"})

# A side name becomes a folder name: lower-case letters, digits, '-' and '_', 1 to 32 characters.
_SIDE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")


def default_data() -> Path:
    """The data folder to use when none is given: ``$BOTBABY_DATA`` as it is now (not at import), else DEFAULT_DATA."""
    return Path(os.environ.get("BOTBABY_DATA") or DEFAULT_DATA)


def check_side(side: str) -> str:
    """Return ``side`` if it is a valid side name, else raise a BotbabyError saying why."""
    if not isinstance(side, str) or not _SIDE_NAME.fullmatch(side):
        raise BotbabyError(
            f"invalid side name {side!r}: use 1-32 lower-case letters, digits, '-' or '_' (e.g. 'left')"
        )
    if side in RESERVED:
        raise BotbabyError(f"{side!r} cannot be a side name: the data folder uses it for {side}/ (pick another)")
    return side


@dataclass(frozen=True)
class SidePaths:
    """Where one side's files live under the data folder."""

    root: Path

    @property
    def name(self) -> str:
        return self.root.name

    # 01_leaders
    @property
    def leaders_csv(self) -> Path:
        return self.root / "leaders.csv"

    @property
    def leaders_config(self) -> Path:
        return self.root / "leaders_config.json"

    # 02_followers: one file per leader, so one leader's failure costs nothing else
    @property
    def followers_dir(self) -> Path:
        return self.root / "followers"

    @property
    def followers_state(self) -> Path:
        """Per-leader cursors and the followers of leaders not finished yet."""
        return self.followers_dir / "state.sqlite"

    @property
    def followers_config(self) -> Path:
        return self.followers_dir / "config.json"

    def leader_file(self, leader: str) -> Path:
        """Where a finished leader's followers are stored (``botbaby.formats`` reads and writes it)."""
        return self.followers_dir / f"{leader.lower()}.arrow"

    @property
    def accounts_csv(self) -> Path:
        return self.root / "accounts.csv"

    # 03_scrape: parquet dataset of posts, plus per-account progress for resuming
    @property
    def tweets_dir(self) -> Path:
        return self.root / "tweets"

    @property
    def scrape_state(self) -> Path:
        return self.root / "scrape_state.sqlite"

    @property
    def scrape_config(self) -> Path:
        return self.root / "scrape_config.json"

    # 04_clean
    @property
    def train_txt(self) -> Path:
        return self.root / "train.txt"

    @property
    def val_txt(self) -> Path:
        return self.root / "val.txt"

    @property
    def clean_stats(self) -> Path:
        return self.root / "clean_stats.json"

    @property
    def clean_config(self) -> Path:
        return self.root / "clean_config.json"

    @property
    def punkt(self) -> Path:
        return self.root / "punkt.pickle"

    # 05_train: a gpt-2-simple run folder (checkpoint_dir=side folder, run_name="model")
    @property
    def model_dir(self) -> Path:
        return self.root / "model"

    @property
    def run_config(self) -> Path:
        """The resolved TrainConfig the model was last trained with."""
        return self.model_dir / "run_config.json"

    @property
    def loss_csv(self) -> Path:
        return self.model_dir / "loss.csv"

    @property
    def loss_png(self) -> Path:
        return self.model_dir / "loss.png"

    @property
    def train_metrics(self) -> Path:
        """Steps, final loss, perplexity on val.txt and speed of the last training (``metrics.json``)."""
        return self.model_dir / "metrics.json"

    @property
    def hf_dir(self) -> Path:
        """The checkpoint in the Hugging Face format (``botbaby export``), read by the PyTorch engine."""
        return self.model_dir / "hf"


EXPORT_INFO_NAME = "export_info.json"  # in model/hf/: which checkpoint the export was made from


# 05_train's checkpoint questions: generation, serving and deployment ask them here, not of botbaby.train.
def steps_done(model_dir: Path | str) -> int:
    """The step count of the latest checkpoint in a run folder (0 when there is none)."""
    counter = Path(model_dir) / "counter"
    if not counter.is_file():
        return 0
    try:
        return int(counter.read_text().strip() or 0)
    except ValueError:
        raise BotbabyError(f"{counter} is not a step count: delete {model_dir} to start again") from None


def has_checkpoint(model_dir: Path | str) -> bool:
    """Whether a run folder holds a trained checkpoint that generation can load."""
    model_dir = Path(model_dir)
    return (model_dir / "checkpoint").is_file() and (model_dir / "hparams.json").is_file()


def checkpoint_id(model_dir: Path) -> tuple[str, str] | None:
    """The latest checkpoint's name and a hash of its index file (None when the folder holds none).

    Read from gpt-2-simple's ``checkpoint`` state file without TensorFlow, so serving can tell
    whether an export is current on a machine that has only PyTorch.
    """
    state = Path(model_dir) / "checkpoint"
    if not state.is_file():
        return None
    match = re.search(r'^model_checkpoint_path:\s*"([^"]+)"', state.read_text(), re.MULTILINE)
    if not match:
        return None
    name = re.split(r"[/\\]", match[1])[-1]
    index = Path(model_dir) / f"{name}.index"
    if not index.is_file():
        return None
    return name, hashlib.sha256(index.read_bytes()).hexdigest()


def export_status(model_dir: Path | str) -> str:
    """``"current"``, ``"stale"`` (the checkpoint changed since) or ``"missing"`` for a run folder's hf/ export."""
    model_dir = Path(model_dir)
    info_path = model_dir / "hf" / EXPORT_INFO_NAME
    if not (model_dir / "hf" / "model.safetensors").is_file() or not info_path.is_file():
        return "missing"
    source = checkpoint_id(model_dir)
    if source is None:  # only the export was shipped (a PyTorch-only machine): it is all there is
        return "current"
    try:
        info = json.loads(info_path.read_text())
    except ValueError:
        return "stale"
    return "current" if [info.get("checkpoint"), info.get("index_sha256")] == list(source) else "stale"


def trained_sides(data: Path | str) -> list[str]:
    """Sides of ``data`` that have a trained checkpoint that generation can load, in name order."""
    layout = Layout(data)
    return [side for side in layout.sides() if has_checkpoint(layout.side(side).model_dir)]


def sides_list(sides: "str | list[str] | tuple[str, ...]") -> list[str]:
    """Side names from a list, or from one comma-separated string (``papermill -p SIDES left,right``).

    >>> sides_list("left, right")
    ['left', 'right']
    """
    if isinstance(sides, str):
        sides = sides.split(",")
    return [check_side(side.strip()) for side in sides if side.strip()]


def _files_digest(files: tuple[Path, ...]) -> str:
    """16 hex digits of a SHA-256 over the files' names and bytes, cached while their size and mtime hold."""
    stats = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return _digest_of(stats)


@functools.lru_cache(maxsize=64)
def _digest_of(stats: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in stats:
        digest.update(Path(name).name.encode() + b"\0")
        with open(name, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Layout:
    """The data folder and the paths of everything in it."""

    root: Path = field(default_factory=default_data)

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    def side(self, side: str) -> SidePaths:
        return SidePaths(self.root / check_side(side))

    def sides(self) -> list[str]:
        """Sides that have a folder here, in name order."""
        if not self.root.is_dir():
            return []
        return sorted(
            p.name
            for p in self.root.iterdir()
            if p.is_dir() and _SIDE_NAME.fullmatch(p.name) and p.name not in RESERVED
        )

    @property
    def results_dir(self) -> Path:
        """What each notebook records in its last cell (``NN_name.json``)."""
        return self.root / "results"

    @property
    def compare_json(self) -> Path:
        """Every figure of the last ``botbaby compare`` (``botbaby.formats.page_view`` reads the page's part)."""
        return self.results_dir / "compare.json"

    @property
    def rank_stats(self) -> Path:
        """What ``botbaby rank`` counted: followers per side, the overlap it dropped, its config."""
        return self.root / "rank_stats.json"

    @property
    def serve_db(self) -> Path:
        """The embedded server's SQLite cache, visit counters and job table."""
        return self.root / "serve.sqlite"

    @property
    def serve_lock(self) -> Path:
        """Held by the one ``botbaby serve`` using this folder; ``serve.lock.json`` beside it names that process."""
        return self.root / "serve.lock"

    @property
    def sides_json(self) -> Path:
        """Optional: each side's label, colour and description on the page (``botbaby serve``)."""
        return self.root / "sides.json"

    @property
    def popular_json(self) -> Path:
        """Optional: a JSON list of prompts the page offers from the start (Popular, autocomplete)."""
        return self.root / "popular.json"

    @property
    def serve_config(self) -> Path:
        """The resolved settings ``botbaby serve`` last started with."""
        return self.root / "serve_config.json"

    @property
    def deploy_dir(self) -> Path:
        """What ``botbaby deploy`` records per stack: NAME.config.json (resolved settings), NAME.json (result)."""
        return self.root / "deploy"

    @property
    def manifest(self) -> Path:
        """What each stage last read, wrote and was set to, as content hashes (``botbaby.manifest``)."""
        return self.root / "manifest.json"

    def model_fingerprint(self, side: str) -> str:
        """A hash of the side's latest checkpoint (weights, vocabulary, shape); "" when it has none.

        Cache keys include it, so a retrained model never serves the old model's answers.
        """
        model_dir = self.side(side).model_dir
        state = model_dir / "checkpoint"
        if not state.is_file() or not (model_dir / "hparams.json").is_file():
            return ""
        # gpt-2-simple's ``checkpoint`` names the latest save: model_checkpoint_path: "model-1000"
        match = re.search(r'^model_checkpoint_path:\s*"([^"]+)"', state.read_text(errors="replace"), re.M)
        prefix = Path(match.group(1)).name if match else ""
        files = [model_dir / name for name in ("hparams.json", "encoder.json", "vocab.bpe")]
        files += sorted(p for p in model_dir.glob(f"{prefix}.*") if prefix and p.suffix != ".meta")
        return _files_digest(tuple(p for p in files if p.is_file()))

    @property
    def models_dir(self) -> Path:
        """Downloaded GPT-2 releases (124M, 355M, ...), shared by all sides."""
        return self.root / "models"

    def tiny_model_dir(self, side: str) -> Path:
        """A side's ``tiny`` GPT-2 base (vocabulary learned from its own text), beside the releases."""
        return self.models_dir / f"tiny-{check_side(side)}"
