"""Catch what a library module prints, in this thread only, leaving ``sys.stdout`` alone.

    >>> import calendar  # its prmonth prints
    >>> caught = []
    >>> with prints_of(calendar, caught.append):
    ...     calendar.prmonth(2026, 12)
    >>> caught[0].split()[:2], hasattr(calendar, "print")
    (['December', '2026'], False)

gpt-2-simple reports training progress and GetOldTweets3 its errors with ``print``. Swapping
``sys.stdout`` (``contextlib.redirect_stdout``) would catch them, but also everything every other
thread prints meanwhile: a notebook kernel's, or a server's. Instead, the library module gets a
``print`` of its own while anyone catches it (a module-level name shadows the built-in for the
code of that module only); it hands the calling thread's output to that thread's ``write`` and
lets every other thread print as usual. When the last catch ends the module is as it was.
"""

import builtins
import contextlib
import threading
import types
from collections.abc import Callable, Iterator
from typing import Any

_lock = threading.Lock()
_catches: dict[str, int] = {}  # module name -> catches in progress, over all threads
_writes = threading.local()  # .by_module: module name -> this thread's write


@contextlib.contextmanager
def prints_of(module: types.ModuleType, write: Callable[[str], Any]) -> Iterator[None]:
    """While inside, the ``print`` calls of ``module``'s own code made in this thread go to ``write``."""
    name = module.__name__
    with _lock:
        if not _catches.get(name):
            if "print" in vars(module):
                raise RuntimeError(f"{name} defines its own print; botbaby cannot catch its output")
            module.print = _print_for(name)
        _catches[name] = _catches.get(name, 0) + 1
    mine = _writes.__dict__.setdefault("by_module", {})
    before = mine.get(name)
    mine[name] = write
    try:
        yield
    finally:
        if before is None:
            del mine[name]
        else:
            mine[name] = before
        with _lock:
            _catches[name] -= 1
            if not _catches[name]:
                del _catches[name]
                del module.print


def _print_for(name: str) -> Callable[..., None]:
    def print(*values: object, sep: str | None = " ", end: str | None = "\n", file: Any = None,
              flush: bool = False) -> None:
        write = getattr(_writes, "by_module", {}).get(name)
        if write is None or file is not None:  # another thread, or a print to a file of the library's choice
            builtins.print(*values, sep=sep, end=end, file=file, flush=flush)
            return
        write((" " if sep is None else sep).join(map(str, values)) + ("\n" if end is None else end))

    return print
