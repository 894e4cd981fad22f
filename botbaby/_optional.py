"""Lazy imports of optional dependencies, with a one-line install hint when they are missing.

    >>> from botbaby._optional import require
    >>> require("json", extra="core").__name__
    'json'
"""

import contextlib
import importlib
import logging
import os
import sys
from types import ModuleType

from botbaby.errors import MissingExtra


def require(module: str, extra: str, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise MissingExtra saying which botbaby extra provides it."""
    quiet = module.split(".")[0] == "tensorflow" and "tensorflow" not in sys.modules and _tensorflow_quiet_by_default()
    try:
        with _stderr_silenced() if quiet else contextlib.nullcontext():
            imported = importlib.import_module(module)
        if quiet:  # in a notebook TensorFlow logs INFO lines ("Restoring parameters from ...") to stdout
            sys.modules["tensorflow"].get_logger().setLevel(logging.WARNING)
        return imported
    except ImportError as exc:
        # Only a missing top-level package means "not installed"; other import errors are bugs.
        if exc.name is not None and module.split(".")[0] != exc.name.split(".")[0]:
            raise
        raise MissingExtra(
            f"{package or module} is not installed: pip install 'botbaby[{extra}]'"
        ) from exc


def _tensorflow_quiet_by_default() -> bool:
    """Whether to hide TensorFlow's C++ start-up lines: yes, unless the user set TF_CPP_MIN_LOG_LEVEL themselves.

    Importing TensorFlow 2.16+ writes lines such as "oneDNN custom operations are on" and "Could not
    find cuda drivers" straight to the process's stderr (file descriptor 2), before its log level is
    even read, so TF_CPP_MIN_LOG_LEVEL alone does not hide them. botbaby therefore points descriptor 2
    at /dev/null for the duration of its own first, lazy import of TensorFlow (never at
    ``import botbaby``), sets TF_CPP_MIN_LOG_LEVEL=3 for TensorFlow's later C++ lines, and sets
    TensorFlow's Python logger to WARNING (in a notebook it would print INFO lines). Set
    TF_CPP_MIN_LOG_LEVEL=0 to see everything. Errors still arrive as Python exceptions.
    """
    if "TF_CPP_MIN_LOG_LEVEL" in os.environ:
        return False
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return True


@contextlib.contextmanager
def _stderr_silenced():
    """Send file descriptor 2 to /dev/null while the block runs (C++ libraries write there directly)."""
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to silence
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
