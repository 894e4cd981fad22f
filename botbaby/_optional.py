"""Lazy imports of optional dependencies, with a one-line install hint when they are missing.

    >>> from botbaby._optional import require
    >>> require("json", extra="core").__name__
    'json'
"""

import importlib
from types import ModuleType

from botbaby.errors import MissingExtra


def require(module: str, extra: str, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise MissingExtra saying which botbaby extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        # Only a missing top-level package means "not installed"; other import errors are bugs.
        if exc.name is not None and module.split(".")[0] != exc.name.split(".")[0]:
            raise
        raise MissingExtra(
            f"{package or module} is not installed: pip install 'botbaby[{extra}]'"
        ) from exc
