"""The compiled pass of 04_clean on Arrow batches: every rule in one pass over a batch's bytes.

    >>> import pyarrow as pa
    >>> from botbaby.clean_rules import CleanConfig
    >>> text = pa.array(["Roads &amp;amp; rails 🔥 https://t.co/x1 @PetroMin, again!", "RT @b: not mine"])
    >>> result = clean_batch(text, None, CleanConfig(min_chars=0))
    >>> result.train.lines.to_pylist(), result.codes.tolist(), result.train.lengths.tolist()
    (['<|startoftext|>Roads & rails, again!<|endoftext|>\\n'], [0, 2], [21])

``clean_batch`` hands the Arrow string buffers of a record batch to the pass, which writes each kept
post straight into its line of train.txt or val.txt (``START + text + END + "\\n"``), with its length
in characters and a 64-bit hash; the few posts it hands back (a trigger of ``clean_rules.prepare``,
a rare entity, characters NFKC would change) are finished here in Python. The pass itself is
``botbaby.clean_kernel_numba``, numba code that releases the GIL, so batches are cleaned on several
threads at once.

Where it runs from: an extension module built from that source ahead of time (``build``, which
04_clean starts in the background on a big corpus) loads in a millisecond without numba; until one
is built, or where none can be (no C compiler), numba compiles the source (about 15 s on two cores,
then cached: loading numba and the cached code takes a few tenths of a second). ``is_built`` says
whether a clean can start with the pass at once. Each build belongs to the exact source it was made
from (a hash of the pass's modules names the file), so an edited pass is never run stale.
"""

import contextlib
import functools
import hashlib
import importlib.machinery
import importlib.util
import os
import re
import signal
import sys
import threading
import warnings
from pathlib import Path
from types import ModuleType

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from botbaby import clean_tables as tables
from botbaby.clean_rules import (
    KEPT,
    CleanConfig,
    CleanResult,
    Lines,
    clean_post,
    dedup_key,
    prepare,
    text_hash,
)
from botbaby.clean_tables import ENTRY_POINTS, NEEDS_PREPARE, NEEDS_PYTHON
from botbaby.layout import END, START

_START = np.frombuffer(START.encode(), np.uint8).copy()
_END = np.frombuffer((END + "\n").encode(), np.uint8).copy()
LINE_OVERHEAD = len(_START) + len(_END)  # bytes a line adds around its post
# Fill values made from buffers: pa.scalar("") / pa.scalar(False) would import pandas (0.1 s on a clean's start).
_FALSE = pa.Array.from_buffers(pa.bool_(), 1, [None, pa.py_buffer(bytearray(1))])[0]
_EMPTY_TEXT = pa.Array.from_buffers(pa.string(), 1, [None, pa.py_buffer(bytearray(8)), pa.py_buffer(b"")])[0]


class Recycler:
    """Arrays handed back after use and handed out again: memory faulted in once, not for every batch.

    Thread-safe. It keeps what it is given, so it holds at most the memory of the batches in flight
    at once; dropping the recycler frees it.
    """

    def __init__(self) -> None:
        self.free: list[np.ndarray] = []
        self.lock = threading.Lock()

    def take(self, shape, dtype) -> np.ndarray:
        """An uninitialised array of ``shape`` and ``dtype``."""
        size = int(np.prod(shape)) * np.dtype(dtype).itemsize
        with self.lock:
            fits = [i for i, memory in enumerate(self.free) if len(memory) >= size]
            memory = self.free.pop(min(fits, key=lambda i: len(self.free[i]))) if fits else None
        if memory is None:
            memory = np.empty(size + size // 4, dtype=np.uint8)  # room for a somewhat bigger batch next time
        return memory[:size].view(dtype).reshape(shape)

    def give(self, result: CleanResult) -> None:
        """Take back the memory of a result that is no longer used."""
        self.give_arrays(*result.memory)
        result.memory = []

    def give_arrays(self, *arrays: np.ndarray) -> None:
        """Take back arrays from ``take`` that are no longer used."""
        with self.lock:
            self.free.extend(array.base if array.base is not None else array for array in arrays)


def clean_batch(
    text: pa.Array,
    is_retweet: pa.Array | None,
    config: CleanConfig,
    seed: int = 0,
    val_cut: int = 0,
    recycle: Recycler | None = None,
) -> CleanResult:
    """``clean_rules.clean_batch``, compiled: the rules of ``config`` on one batch of posts.

    A kept post goes to ``val`` when its hash modulo a million is below ``val_cut``. Posts that a
    trigger of ``prepare`` matches (``clean_rules.candidates``: "(1/2)", "…", ".@x", "#Periscope",
    ...) are prepared in Python and go through the pass again; posts it cannot finish (a rare HTML
    entity, characters NFKC would change) are cleaned by ``clean_rules.clean_post``. The result's
    memory comes from ``recycle``; ``recycle.give(result)`` hands it back once no longer used.
    """
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    if text.null_count:
        text = pc.fill_null(text, _EMPTY_TEXT)
    retweet = np.zeros(len(text), dtype=np.bool_)
    if is_retweet is not None:
        retweet = _bools(pc.fill_null(is_retweet, _FALSE))
    result = _compiled_pass(text, retweet, config, seed, val_cut, recycle or Recycler(), find_candidates=True)
    candidates = np.flatnonzero(result.codes == NEEDS_PREPARE)
    if len(candidates):
        _prepare_in_python(result, text, retweet, config, seed, val_cut, candidates)
    again = np.flatnonzero(result.codes == NEEDS_PYTHON)
    if len(again):
        _clean_in_python(result, text, retweet, config, seed, val_cut, again)
    return result


def _compiled_pass(text, retweet, config, seed, val_cut, recycle, find_candidates) -> CleanResult:
    """``clean_rows`` on one batch, its outputs in memory from ``recycle``."""
    n = len(text)
    offsets, data = _string_buffers(text)
    # Reused buffers: memory handed back and faulted in (and zeroed) again for every batch would
    # cost more than the cleaning itself. The val buffer is as big as the train buffer (any share of a
    # batch may be held out); pages of a fresh one that are never written are never faulted in.
    size = int(offsets[-1] - offsets[0]) + LINE_OVERHEAD * n
    buffers = [recycle.take(size, np.uint8), recycle.take(size, np.uint8)]
    line_offsets = [recycle.take(n + 1, np.int64), recycle.take(n + 1, np.int64)]
    rows, hashes, lengths = (
        recycle.take((2, n), np.int64),
        recycle.take((2, n), np.uint64),
        recycle.take((2, n), np.int32),
    )
    codes, before, counts = recycle.take(n, np.uint8), recycle.take(n, np.int32), np.zeros(2, np.int64)
    classes, combining = tables.code_point_classes(config)
    points, typo_offsets, typo_values = tables.typography_tables()
    tld_bytes, tld_offsets = tables.domain_tables(config.bare_domains)
    flags = np.array(
        [config.drop_retweets, config.unescape_html, config.remove_urls, config.remove_mentions,
         config.collapse_whitespace, config.normalize_unicode, config.drop_truncated, config.drop_near_duplicates,
         config.tidy_punctuation, find_candidates and config.drop_boilerplate,
         find_candidates and config.remove_thread_markers, find_candidates and config.remove_link_stubs,
         find_candidates and config.tidy_punctuation and config.remove_mentions],
        dtype=np.bool_,
    )  # fmt: skip
    permille = 1000 if config.other_script_share >= 1 else round(config.other_script_share * 1000)
    clean_rows(
        offsets, data, retweet, flags, int(config.min_chars), permille, np.uint64(seed), np.uint64(val_cut),
        classes, combining, points, typo_offsets, typo_values, _START, _END, tables.triggers(config), tld_bytes, tld_offsets,
        tables.KEY_TABLE, tables.prepare_starts(*flags[9:12].tolist()), codes, before, buffers[0], buffers[1], line_offsets[0],
        line_offsets[1], rows, hashes, lengths, counts,
    )  # fmt: skip
    train, val = (
        Lines(
            pa.Array.from_buffers(
                pa.large_string(), int(counts[k]), [None, pa.py_buffer(line_offsets[k]), pa.py_buffer(buffers[k])]
            ),
            rows[k, : counts[k]], hashes[k, : counts[k]], lengths[k, : counts[k]],
        )
        for k in (0, 1)
    )  # fmt: skip
    return CleanResult(codes, before, train, val, [*buffers, *line_offsets, rows, hashes, lengths, codes, before])


def _prepare_in_python(result, text, retweet, config, seed, val_cut, rows) -> None:
    """``prepare`` on the posts a trigger matched, then the compiled pass on what it left of them."""
    prepared = [prepare(value, config) for value in pc.take(text, pa.array(rows)).to_pylist()]
    codes = np.array([code for code, _ in prepared], np.uint8)
    result.codes[rows] = codes  # BOILERPLATE, NOTHING_LEFT or KEPT (for now)
    going_on = rows[codes == KEPT]
    if not len(going_on):
        return
    values = pa.array([value for code, value in prepared if code == KEPT], pa.string())
    again = _compiled_pass(values, retweet[going_on], config, seed, val_cut, Recycler(), find_candidates=False)
    result.codes[going_on] = again.codes  # NEEDS_PYTHON among them: clean_post redoes them from the stored text
    _merge(result, [
        (going_on[lines.rows], lines.lines.to_pylist(), lines.hashes, lines.lengths) for lines in (again.train, again.val)
    ])  # fmt: skip


def _clean_in_python(result, text, retweet, config, seed, val_cut, rows) -> None:
    """Clean the posts the pass left (``NEEDS_PYTHON``) by ``clean_post``, from the stored text."""
    kept: tuple[list, list] = ([], [])  # per file: (row, line, hash, length)
    for row, value in zip(rows.tolist(), pc.take(text, pa.array(rows)).to_pylist(), strict=True):
        result.codes[row], cleaned = clean_post(value, bool(retweet[row]), config)
        if result.codes[row] == KEPT:
            digest = text_hash(dedup_key(cleaned, config).encode(), seed)
            kept[int(digest % 1_000_000 < val_cut)].append((row, f"{START}{cleaned}{END}\n", digest, len(cleaned)))
    _merge(result, [
        (np.array([k[0] for k in found], np.int64), [k[1] for k in found], np.array([k[2] for k in found], np.uint64),
         np.array([k[3] for k in found], np.int32))
        for found in kept
    ])  # fmt: skip


def _merge(result: CleanResult, added: list) -> None:
    """Put posts cleaned apart (per file: rows, lines, hashes, lengths) among the batch's, in row order."""
    for name, (rows, lines, hashes, lengths) in zip(("train", "val"), added, strict=True):
        if not len(rows):
            continue
        first = getattr(result, name)
        order = np.argsort(all_rows := np.concatenate([first.rows, rows]), kind="stable")
        setattr(result, name, Lines(
            pc.take(pa.concat_arrays([first.lines, pa.array(lines, pa.large_string())]), pa.array(order)),
            all_rows[order],
            np.concatenate([first.hashes, hashes])[order],
            np.concatenate([first.lengths, lengths])[order],
        ))  # fmt: skip


def _bools(flags: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """A BooleanArray with no nulls as NumPy bools (``to_numpy`` would import pandas, 0.1 s of a clean's start)."""
    if isinstance(flags, pa.ChunkedArray):
        flags = flags.combine_chunks()
    bits = np.unpackbits(np.frombuffer(flags.buffers()[1], np.uint8), bitorder="little")
    return bits[flags.offset : flags.offset + len(flags)].view(np.bool_)


def _string_buffers(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The offsets (as int64) and bytes of a string array, without copying the bytes."""
    if pa.types.is_large_string(text.type):
        offset_type = np.int64
    elif pa.types.is_string(text.type):
        offset_type = np.int32
    else:
        raise TypeError(f"expected a string array, got {text.type}")
    buffers = text.buffers()
    offsets = np.frombuffer(buffers[1], dtype=offset_type)[text.offset : text.offset + len(text) + 1].astype(np.int64)
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.empty(0, np.uint8)
    return offsets, data


def clean_rows(*args) -> None:
    """The pass on one batch (``clean_kernel_numba.clean_rows``), wherever it runs from."""
    _call("clean_rows", args)


def merge_new(seen: np.ndarray, size: int, ordered: np.ndarray, new: np.ndarray) -> int:
    """``clean_kernel_numba.merge_new``: insert the new ones of sorted hashes into sorted ``seen[:size]``."""
    return _call("merge_new", (seen, size, ordered, new))


def gather_lines(values: np.ndarray, offsets: np.ndarray, keep: np.ndarray, out: np.ndarray) -> int:
    """``clean_kernel_numba.gather_lines``: copy the lines ``keep`` selects back to back into ``out``."""
    return _call("gather_lines", (values, offsets, keep, out))


@functools.cache
def _parameters(name: str) -> list[tuple[np.dtype, int]]:
    """(dtype, dimensions; 0 for a scalar) of each argument of an entry point, from ``ENTRY_POINTS``."""
    arguments = ENTRY_POINTS[name][ENTRY_POINTS[name].index("(") + 1 : -1]
    return [
        (np.dtype(code), shape.count(",") + 1 if shape else 0)
        for code, shape in re.findall(r"(\w+)(\[[^]]*])?", arguments)
    ]


def _call(name: str, args: tuple):
    """Call an entry point after checking its arguments: the extension would read or write past a wrong array."""
    parameters = _parameters(name)
    if len(args) != len(parameters):
        raise TypeError(f"{name} takes {len(parameters)} arguments, got {len(args)}")
    for position, (value, (dtype, dimensions)) in enumerate(zip(args, parameters, strict=True), start=1):
        if dimensions:
            fits = isinstance(value, np.ndarray) and value.dtype == dtype and value.ndim == dimensions
            if not (fits and value.flags.c_contiguous):
                shown = f"{value.dtype} {value.shape}" if isinstance(value, np.ndarray) else type(value).__name__
                raise TypeError(
                    f"{name}: argument {position} must be a C-contiguous {dimensions}-D {dtype} array, not {shown}"
                )
        elif not isinstance(value, int | np.integer):
            raise TypeError(f"{name}: argument {position} must be an integer, not {type(value).__name__}")
    return getattr(compiled(), name)(*args)


_loading = threading.Lock()
_extension: list[ModuleType | None] = []  # the built extension once loaded (None: it would not load), loaded once


def compiled() -> ModuleType:
    """Where the pass's entry points run from: the extension built from this source, else numba's JIT."""
    with _loading:
        if not _extension and (path := built_extension()) is not None:
            try:
                _extension.append(_load_extension(path))
            except ImportError as error:  # a damaged file or another NumPy: numba's JIT does the same work
                warnings.warn(
                    f"{path} does not load ({error}); using numba's JIT instead", RuntimeWarning, stacklevel=3
                )
                _extension.append(None)
    if _extension and _extension[0] is not None:
        return _extension[0]
    from botbaby import clean_kernel_numba

    return clean_kernel_numba


def _load_extension(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.name.split(".")[0], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_dirs() -> list[Path]:
    """Where a build goes: beside this module (as numba's own cache), else, where the package is read-only (a
    system-wide install), the user's cache folder."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return [Path(__file__).parent / "__pycache__", cache / "botbaby"]


@functools.cache
def extension_name() -> str:
    """The module name of the extension built from this source: the hash of the pass's modules and of NumPy's ABI."""
    digest = hashlib.sha256(f"numpy {np.__version__.split('.')[0]}\n".encode())
    for module in ("clean_kernel_numba", "clean_tables", "clean_rules"):
        digest.update(Path(__file__).with_name(f"{module}.py").read_bytes())
    return f"clean_pass_{digest.hexdigest()[:16]}"


def _extension_file(directory: Path) -> Path:
    return directory / f"{extension_name()}{importlib.machinery.EXTENSION_SUFFIXES[0]}"


def _failure_note(directory: Path) -> Path:
    return directory / f"{extension_name()}.failed"


def built_extension() -> Path | None:
    """The extension module built from this source, if there is one."""
    return next((path for d in build_dirs() if (path := _extension_file(d)).is_file()), None)


def is_built() -> bool:
    """Whether a clean can start with the compiled pass at once: its extension is built or, where building one
    failed (no C compiler), numba's cache holds the pass compiled from this source.

    The second reads numba's cache index (a private API: any surprise counts as "not built"). The note of
    a failed build (``<extension name>.failed`` beside where the extension would be) says why; removing it
    makes the next big clean try again, e.g. once a C compiler is installed.
    """
    if built_extension() is not None:
        return True
    if not any(_failure_note(d).is_file() for d in build_dirs()):
        return False
    try:
        from botbaby import clean_kernel_numba as jit

        return all(jit.__dict__[name]._cache._cache_file._load_index() for name in ENTRY_POINTS)
    except Exception:
        return False


def build(directory: Path | None = None) -> Path | None:
    """Build the pass: its extension module (in ``directory``, by default the first of ``build_dirs`` that can be
    written to), or, where that fails, numba's cache. Returns the extension's path, or None.

    What 04_clean runs in the background (``python -m botbaby.clean_kernel``). The extension appears whole or not at
    all, and replaces the builds of older sources beside it; a failure is noted beside it, so that later cleans use
    numba's cache instead of building again.
    """
    from botbaby.clean_kernel_numba import build_extension

    directory = directory or next((d for d in build_dirs() if _writable(d)), None)
    try:
        if directory is None:
            raise PermissionError(f"none of {', '.join(map(str, build_dirs()))} can be written to")
        path = _extension_file(directory)
        build_extension(path)
    except Exception as error:  # no C compiler, pycc gone from a later numba, nowhere to write
        if directory is not None:
            note = f"{type(error).__name__}: {error}\n"
            _failure_note(directory).write_text(note, encoding="utf-8")
        print(f"botbaby: no extension for the compiled pass ({error}); numba's cache instead", file=sys.stderr)
        _compile_with_numba()
        return None
    for older in directory.glob("clean_pass_*"):
        if not older.name.startswith(extension_name()):
            with contextlib.suppress(OSError):  # in use on Windows: the next build removes it
                older.unlink()
    return path


def _compile_with_numba() -> None:
    """Compile every entry point into numba's cache, for the signatures the calls here use."""
    from botbaby import clean_kernel_numba as jit

    for name, signature in ENTRY_POINTS.items():
        getattr(jit, name).compile(signature)


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK)


if __name__ == "__main__":  # ``python -m botbaby.clean_kernel``: the background build 04_clean starts and stops
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stopped: leave through the build's clean-up
    build()
