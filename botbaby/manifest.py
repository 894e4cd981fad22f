"""What each stage last read, wrote and was set to: a step whose inputs and settings are unchanged is skipped.

    >>> import tempfile, pathlib
    >>> from botbaby.layout import Layout
    >>> layout = Layout(tempfile.mkdtemp())
    >>> text = layout.root / "left" / "train.txt"
    >>> text.parent.mkdir(); _ = text.write_text("a post\\n")
    >>> manifest = Manifest(layout)
    >>> manifest.difference("train", "left", inputs=[text], settings={"steps": 10})
    'never run'
    >>> manifest.record("train", "left", inputs=[text], settings={"steps": 10})
    >>> manifest.unchanged("train", "left", inputs=[text], settings={"steps": 10})
    True
    >>> manifest.difference("train", "left", inputs=[text], settings={"steps": 20})
    'settings changed: steps 10 -> 20'

The record lives in ``DATA/manifest.json`` (docs/data-layout.md): for each stage and side the SHA-256 of
its inputs and outputs (files, or every file under a folder) and of its settings, plus each side's model
fingerprint. A file's hash is reused while its size and modification time are those recorded, so checking
a large, unchanged input costs a ``stat``, not a read.
"""

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from filelock import FileLock

from botbaby.io import atomic_write_text
from botbaby.layout import Layout

VERSION = 1  # manifest.json's format; another version is read as empty (every stage runs again)
ALL_SIDES = "*"  # the side key of a stage that works on the whole data folder (rank, compare)


class Manifest:
    """The data folder's ``manifest.json``: read and updated under a lock, written atomically."""

    def __init__(self, layout: Layout | str | os.PathLike) -> None:
        self.layout = layout if isinstance(layout, Layout) else Layout(Path(layout))
        self.path = self.layout.manifest

    def difference(self, stage: str, side: str | None, inputs: Iterable[Path] = (), settings: Mapping[str, Any] | None = None,
                   outputs: Iterable[Path] = ()) -> str | None:
        """None when ``stage`` last ran for ``side`` on these inputs and settings and its outputs are intact;
        otherwise what differs, in a few words ("never run", "settings changed: steps 10 -> 20", ...)."""
        entry = self._load()["stages"].get(stage, {}).get(side or ALL_SIDES)
        if entry is None:
            return "never run"
        settings = _settings(settings)
        if entry.get("settings") != settings:
            return "settings changed: " + _settings_change(entry.get("settings") or {}, settings)
        for kind, paths in (("input", inputs), ("output", outputs)):
            recorded = entry.get(f"{kind}s", {})
            current = {self._key(p): Path(p) for p in paths}
            dropped = sorted(set(recorded) - set(current))
            if dropped:
                return f"{kind} {dropped[0]} no longer given"
            for key, path in current.items():
                if key not in recorded:
                    return f"{kind} {key} is new"
                if not path.exists():
                    return f"{kind} {key} is missing"
                if _digest(path, recorded[key]) != recorded[key]["sha256"]:
                    return f"{kind} {key} changed"
        return None

    def unchanged(self, stage: str, side: str | None, inputs: Iterable[Path] = (),
                  settings: Mapping[str, Any] | None = None, outputs: Iterable[Path] = ()) -> bool:
        """Whether ``stage`` can be skipped for ``side``: see ``difference``."""
        return self.difference(stage, side, list(inputs), settings, list(outputs)) is None

    def record(self, stage: str, side: str | None, inputs: Iterable[Path] = (), settings: Mapping[str, Any] | None = None,
               outputs: Iterable[Path] = ()) -> None:
        """Note that ``stage`` finished for ``side`` with these inputs, settings and outputs."""
        entry = {
            "settings": _settings(settings),
            "inputs": {self._key(p): _describe(Path(p)) for p in inputs},
            "outputs": {self._key(p): _describe(Path(p)) for p in outputs},
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with self._locked() as manifest:
            manifest["stages"].setdefault(stage, {})[side or ALL_SIDES] = entry

    def forget(self, stage: str, side: str | None = None) -> None:
        """Drop what is recorded for ``stage`` (one side, or all of them), so it runs again."""
        with self._locked() as manifest:
            if side is None:
                manifest["stages"].pop(stage, None)
            else:
                manifest["stages"].get(stage, {}).pop(side, None)

    def record_model(self, side: str) -> str:
        """Store the side's model fingerprint (``Layout.model_fingerprint``) and return it."""
        fingerprint = self.layout.model_fingerprint(side)
        with self._locked() as manifest:
            manifest["models"][side] = fingerprint
        return fingerprint

    def read(self) -> dict[str, Any]:
        """The whole manifest (``{"version", "stages", "models"}``), empty when there is none."""
        return self._load()

    def _key(self, path: Path) -> str:
        path = Path(path).absolute()
        try:
            return path.relative_to(self.layout.root.absolute()).as_posix()
        except ValueError:
            return path.as_posix()

    def _load(self) -> dict[str, Any]:
        try:
            manifest = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            manifest = {}
        if not isinstance(manifest, dict) or manifest.get("version") != VERSION:
            manifest = {}
        manifest.setdefault("version", VERSION)
        manifest.setdefault("stages", {})
        manifest.setdefault("models", {})
        return manifest

    @contextlib.contextmanager
    def _locked(self) -> Iterator[dict[str, Any]]:
        """The manifest to change in place; written back atomically if the block succeeds."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock"):
            manifest = self._load()
            yield manifest
            atomic_write_text(self.path, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def _settings(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """Settings as plain JSON values, so a tuple and a list of the same names compare equal."""
    return json.loads(json.dumps(dict(settings or {}), sort_keys=True, default=str))


def _settings_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    changed = [f"{key} {old.get(key, '(unset)')} -> {new.get(key, '(unset)')}"
               for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
    return ", ".join(changed)


def _files(path: Path) -> list[Path]:
    """A file, or every file under a folder except hidden ones (temporary files, locks), in name order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not any(
            part.startswith(".") for part in p.relative_to(path).parts))
    return [path] if path.is_file() else []


def _describe(path: Path, known: Mapping[str, Any] | None = None) -> dict[str, Any]:
    files = _files(path)
    stats = [(f.relative_to(path).as_posix() if f != path else "", f.stat().st_size, f.stat().st_mtime_ns)
             for f in files]
    signature = hashlib.sha256(json.dumps(stats).encode()).hexdigest()
    if known and known.get("signature") == signature:
        return dict(known)
    digest = hashlib.sha256()
    for (name, _, _), file in zip(stats, files, strict=True):
        digest.update(name.encode() + b"\0")
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return {"sha256": digest.hexdigest(), "signature": signature, "bytes": sum(s[1] for s in stats)}


def _digest(path: Path, known: Mapping[str, Any]) -> str:
    return _describe(path, known)["sha256"]
