"""botbaby: learn how two online camps talk, and generate posts in each camp's voice.

    >>> import botbaby
    >>> botbaby.DEFAULT_SIDES
    ('left', 'right')
    >>> botbaby.clean.clean_all  # doctest: +ELLIPSIS
    <function clean_all at ...>

Each stage is one module named after its notebook (leaders, followers, scrape, clean, train,
generate); serving and deployment are the subpackages ``botbaby.serve`` and ``botbaby.deploy``.
They are attributes of the package, imported on first use: ``import botbaby`` pulls in no heavy or
optional library (TensorFlow, tweepy, atproto, boto3), and ``help(botbaby.train)`` still works.
"""

import importlib
import importlib.util
import pkgutil

from botbaby.errors import BotbabyError, MissingExtra
from botbaby.layout import DEFAULT_DATA, DEFAULT_SIDES, Layout

__version__ = "0.1.0"

__all__ = ["BotbabyError", "MissingExtra", "Layout", "DEFAULT_DATA", "DEFAULT_SIDES", "__version__"]


def _submodules() -> list[str]:
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def __getattr__(name: str):
    """``botbaby.clean``, ``botbaby.train``, ...: the module, imported the first time it is asked for."""
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_submodules()})
