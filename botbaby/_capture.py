"""Give a library module its own ``print`` or ``random`` in this thread only, leaving the process's alone.

    >>> import calendar  # its prmonth prints
    >>> caught = []
    >>> with prints_of(calendar, caught.append):
    ...     calendar.prmonth(2026, 12)
    >>> caught[0].split()[:2], hasattr(calendar, "print")
    (['December', '2026'], False)

gpt-2-simple reports training progress and GetOldTweets3 its errors with ``print``, and
gpt-2-simple picks its training windows with the ``random`` module. Swapping ``sys.stdout``
(``contextlib.redirect_stdout``) or seeding ``random`` would catch or fix those, but for every
thread of the process: a notebook kernel's, or a server's. Instead, while anyone needs it, the
library module gets a name of its own (a module-level ``print`` shadows the built-in for that
module's code only; ``random`` is looked up in the module's namespace anyway) that serves the
calling thread from its own writer or generator, and every other thread as before. When the last
user is done the module is as it was.
"""

import builtins
import contextlib
import random
import threading
import types
from collections.abc import Callable, Iterator
from typing import Any

_MISSING = object()
_lock = threading.Lock()
_shadows: dict[tuple[str, str], list] = {}  # (module, name) -> [users over all threads, the module's own value]
_local = threading.local()  # .values: (module, name) -> what this thread gets instead


@contextlib.contextmanager
def prints_of(module: types.ModuleType, write: Callable[[str], Any]) -> Iterator[None]:
    """While inside, the ``print`` calls of ``module``'s own code made in this thread go to ``write``."""
    with _shadowed(module, "print", write, _print_for):
        yield


@contextlib.contextmanager
def own_random(module: types.ModuleType, seed: int) -> Iterator[random.Random]:
    """While inside, ``module``'s code draws from ``random.Random(seed)`` in this thread (not the shared generator).

    ``module`` must use the ``random`` module by that name (``import random``).
    """
    generator = random.Random(seed)
    with _shadowed(module, "random", generator, _random_for):
        yield generator


@contextlib.contextmanager
def _shadowed(module: types.ModuleType, name: str, mine: Any, make: Callable[[tuple[str, str], Any], Any]):
    key = (module.__name__, name)
    with _lock:
        if key not in _shadows:
            original = vars(module).get(name, _MISSING)
            setattr(module, name, make(key, original))
            _shadows[key] = [0, original]
        _shadows[key][0] += 1
    values = _local.__dict__.setdefault("values", {})
    before = values.get(key, _MISSING)
    values[key] = mine
    try:
        yield
    finally:
        if before is _MISSING:
            del values[key]
        else:
            values[key] = before
        with _lock:
            _shadows[key][0] -= 1
            if not _shadows[key][0]:
                _, original = _shadows.pop(key)
                if original is _MISSING:
                    delattr(module, name)
                else:
                    setattr(module, name, original)


def _this_thread(key: tuple[str, str]) -> Any:
    return getattr(_local, "values", {}).get(key, _MISSING)


def _print_for(key: tuple[str, str], original: Any) -> Callable[..., None]:
    fallback = builtins.print if original is _MISSING else original

    def print(*values: object, sep: str | None = " ", end: str | None = "\n", file: Any = None,
              flush: bool = False) -> None:
        write = _this_thread(key)
        if write is _MISSING or file is not None:  # another thread, or a print to a file of the library's choice
            fallback(*values, sep=sep, end=end, file=file, flush=flush)
            return
        write((" " if sep is None else sep).join(map(str, values)) + ("\n" if end is None else end))

    return print


def _random_for(key: tuple[str, str], original: Any) -> Any:
    if not isinstance(original, types.ModuleType):
        raise ValueError(f"{key[0]} does not use the random module by that name")

    class ThreadsRandom:
        """The ``random`` module to other threads; this thread's own generator to the threads that asked."""

        def __getattr__(self, name: str) -> Any:
            mine = _this_thread(key)
            return getattr(original if mine is _MISSING else mine, name)

    return ThreadsRandom()
