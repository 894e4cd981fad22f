"""The compiled pass built ahead of time (an extension module) cleans as numba's JIT does, without numba."""

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botbaby import clean_kernel, clean_kernel_numba
from botbaby.clean_rules import CleanConfig
from botbaby.layout import Layout
from botbaby.tweets import TweetStore

from .test_kernel import CONFIGS, kernel_results, posts


@pytest.fixture(scope="module")
def extension(tmp_path_factory) -> Path:
    """The extension built from this source, in a folder of its own (about 10 s: pycc compiles the pass)."""
    directory = tmp_path_factory.mktemp("extension")
    path = clean_kernel.build(directory)
    failed = directory / f"{clean_kernel.extension_name()}.failed"
    assert path is not None, failed.read_text() if failed.is_file() else "no extension and no note of why"
    return path


@contextlib.contextmanager
def running_from(module):
    """The pass runs from ``module`` inside (None: numba's JIT), whatever is built."""
    saved = clean_kernel._extension[:]
    clean_kernel._extension[:] = [module]
    try:
        yield
    finally:
        clean_kernel._extension[:] = saved


@pytest.mark.parametrize("values", CONFIGS, ids=lambda v: ",".join(f"{k}={v}" for k, v in v.items()) or "default")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(st.tuples(st.one_of(st.none(), posts), st.sampled_from([None, False, True])), min_size=1))
def test_the_extension_cleans_as_numbas_jit_does(extension, values, batch):
    texts, retweets = [text for text, _ in batch], [retweet for _, retweet in batch]
    config = CleanConfig(**values)
    with running_from(clean_kernel._load_extension(extension)):
        assert clean_kernel.compiled().__file__ == str(extension)
        built = list(kernel_results(texts, retweets, config))
    with running_from(None):
        assert clean_kernel.compiled() is clean_kernel_numba
        jitted = list(kernel_results(texts, retweets, config))
    assert built == jitted


def test_the_extensions_deduplication_and_gathering_are_numbas(extension):
    rng = np.random.default_rng(0)
    seen, ordered = np.sort(rng.integers(0, 50, 20, dtype=np.uint64)), np.sort(rng.integers(0, 50, 30, dtype=np.uint64))
    values, offsets, keep = rng.integers(0, 255, 100, dtype=np.uint8), np.arange(0, 101, 10), np.arange(10) % 3 != 1
    results = []
    for runner in (clean_kernel._load_extension(extension), clean_kernel_numba):
        room, new, out = np.zeros(60, np.uint64), np.empty(30, np.bool_), np.zeros(100, np.uint8)
        room[:20] = seen
        size = runner.merge_new(room, 20, ordered, new)
        written = runner.gather_lines(values, offsets, keep, out)
        results.append((size, room[:size].tolist(), new.tolist(), written, out[:written].tolist()))
    assert results[0] == results[1]
    assert results[0][3] == 70  # 7 of the 10 lines kept


def test_the_extension_releases_the_gil_as_numbas_jit_does(extension):
    """pycc's wrapper lets other threads run only when asked (``build_extension`` asks): then it calls
    PyEval_SaveThread, and two batches are cleaned at once."""
    assert b"PyEval_SaveThread" in extension.read_bytes()


def test_the_entry_points_refuse_arrays_the_compiled_code_would_misread(extension):
    values, offsets, keep, out = np.zeros(10, np.uint8), np.zeros(3, np.int64), np.ones(2, bool), np.zeros(10, np.uint8)
    with running_from(clean_kernel._load_extension(extension)):
        assert clean_kernel.gather_lines(values, offsets, keep, out) == 0
        with pytest.raises(TypeError, match="argument 2 must be a C-contiguous 1-D int64 array, not int32"):
            clean_kernel.gather_lines(values, offsets.astype(np.int32), keep, out)
        with pytest.raises(TypeError, match="argument 1 must be a C-contiguous"):
            clean_kernel.gather_lines(np.zeros(20, np.uint8)[::2], offsets, keep, out)
        with pytest.raises(TypeError, match="argument 2 must be an integer"):
            clean_kernel.merge_new(np.zeros(1, np.uint64), 0.0, np.zeros(1, np.uint64), np.zeros(1, bool))
        with pytest.raises(TypeError, match="clean_rows takes 30 arguments, got 2"):
            clean_kernel.clean_rows(values, offsets)


def test_a_clean_with_the_extension_built_loads_no_numba(extension, data_dir):
    """The extension needs neither numba nor LLVM: a clean starts without their few tenths of a second."""
    names = [
        "".join(chr(97 + int(digit)) for digit in f"{i:03d}") for i in range(300)
    ]  # aaa, aab, ...: no near-duplicates
    texts = [
        f"Fuel prices are up again in {name} today: who answers for it? https://t.co/x1 @PetroMin" for name in names
    ]
    posts = [
        {"id": str(i), "handle": "a", "created_at": "2019-05-23T10:00:00Z", "text": t} for i, t in enumerate(texts)
    ]
    TweetStore(Layout(data_dir).side("left").tweets_dir).append(posts)
    script = (
        "import sys\nfrom pathlib import Path\nimport botbaby.clean_kernel as kernel\n"
        "kernel.build_dirs = lambda: [Path(sys.argv[2])]\n"  # only the extension built for this test
        "from botbaby.clean import clean\n"
        "stats = clean(sys.argv[1], 'left')\n"  # auto: the pass is built, so it is used at once
        "print(stats.compiled, stats.kept, 'numba' in sys.modules, 'llvmlite' in sys.modules)"
    )
    command = [sys.executable, "-c", script, str(data_dir), str(extension.parent)]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "300", "False", "False"]


def test_where_no_extension_can_be_built_numbas_cache_is_used_and_not_built_again(tmp_path, monkeypatch, capsys):
    def no_compiler(path):
        raise RuntimeError("error: command 'gcc' failed: No such file or directory")

    monkeypatch.setattr(clean_kernel_numba, "build_extension", no_compiler)
    monkeypatch.setattr(clean_kernel, "build_dirs", lambda: [tmp_path])
    assert not clean_kernel.is_built()
    assert clean_kernel.build(tmp_path) is None
    assert "gcc" in capsys.readouterr().err
    assert "gcc" in (tmp_path / f"{clean_kernel.extension_name()}.failed").read_text()
    assert clean_kernel.is_built()  # numba's cache holds the pass: a big clean starts with it, builds nothing
    assert all(clean_kernel_numba.__dict__[name].signatures for name in clean_kernel.ENTRY_POINTS)


def test_a_build_replaces_the_builds_of_older_sources(extension, tmp_path, monkeypatch):
    older = tmp_path / f"clean_pass_0000000000000000{extension.name[len(clean_kernel.extension_name()) :]}"
    older.write_bytes(b"built from an earlier source")
    monkeypatch.setattr(clean_kernel_numba, "build_extension", lambda path: path.write_bytes(extension.read_bytes()))
    monkeypatch.setattr(clean_kernel, "build_dirs", lambda: [tmp_path])
    built = clean_kernel.build()
    assert built == tmp_path / extension.name
    assert not older.exists()
    assert clean_kernel.built_extension() == built
    assert clean_kernel.is_built()


def test_an_edited_pass_is_never_run_from_an_older_build(tmp_path, monkeypatch):
    """The build's name is a hash of the three modules the compiled code comes from."""
    sources = ("clean_kernel_numba.py", "clean_tables.py", "clean_rules.py")
    for name in sources:
        shutil.copy(Path(clean_kernel.__file__).with_name(name), tmp_path / name)
    monkeypatch.setattr(clean_kernel, "__file__", str(tmp_path / "clean_kernel.py"))
    names = {clean_kernel.extension_name.__wrapped__()}
    assert names == {clean_kernel.extension_name()}  # the copies are the source
    for name in sources:
        with open(tmp_path / name, "a", encoding="utf-8") as handle:
            handle.write("# edited\n")
        names.add(clean_kernel.extension_name.__wrapped__())
    assert len(names) == 1 + len(sources)


def test_with_nowhere_to_write_an_extension_numbas_cache_is_compiled(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(clean_kernel, "build_dirs", lambda: [tmp_path / "file" / "below-a-file"])
    (tmp_path / "file").write_text("not a folder")
    assert clean_kernel.build() is None
    assert "can be written to" in capsys.readouterr().err
    assert all(clean_kernel_numba.__dict__[name].signatures for name in clean_kernel.ENTRY_POINTS)
