"""Typed stage configs: the dataclass is the one place a default is written, and it checks itself.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Demo(StageConfig):
    ...     min_chars: int = setting(50, low=0)  # posts shorter than this are dropped
    ...     scripts: tuple[str, ...] = ("latin",)  # scripts kept besides ASCII
    >>> Demo.resolve(min_chars=10).min_chars
    10
    >>> Demo.resolve({"scripts": "latin,devanagari"}).scripts
    ('latin', 'devanagari')
    >>> Demo.resolve({"min_char": 10})
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: unknown setting 'min_char' for Demo (did you mean 'min_chars'?)
    >>> Demo(min_chars=-5)
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: min_chars must be at least 0, not -5
    >>> Demo.resolve({"min_chars": "50"})
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: min_chars must be a whole number, not '50' (str)

A stage function takes ``config=None, **overrides`` and starts with ``Cls.resolve(config, **overrides)``.
Its CLI options come from the same fields (``add_config_options``), their help from the comment on each
field's line, and its notebook's parameters are tested equal to the defaults (tests/test_defaults.py).
"""

import argparse
import ast
import dataclasses
import difflib
import functools
import inspect
import io
import json
import os
import textwrap
import tokenize
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Self

from botbaby.errors import ConfigError
from botbaby.io import atomic_write_text

_MISSING = dataclasses.MISSING


def setting(default: Any = _MISSING, *, low: float | None = None, high: float | None = None,
            choices: tuple | None = None, cli: bool = True) -> Any:
    """A config field with a range (``low``/``high``, inclusive) or ``choices``; ``cli=False`` hides it from the CLI.

    A list, dict or set default is copied for each config, as ``default_factory`` would.
    """
    metadata = {"low": low, "high": high, "choices": tuple(choices) if choices is not None else None, "cli": cli}
    if isinstance(default, list | dict | set):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


class StageConfig:
    """Mixin for a stage's ``@dataclass`` config: validated on creation, however it was built.

    A subclass with cross-field rules overrides ``validate``; one that needs its own ``__post_init__``
    calls ``super().__post_init__()`` at its end.
    """

    def __post_init__(self) -> None:
        hints = _hints(type(self))
        for field in dataclasses.fields(self):
            value = _check(field.name, getattr(self, field.name), hints.get(field.name, Any))
            _check_range(field, value)
            object.__setattr__(self, field.name, value)
        self.validate()

    def validate(self) -> None:
        """Raise ConfigError when settings contradict each other; stages override this."""

    @classmethod
    def resolve(cls, config: "Self | Mapping[str, Any] | None" = None, **overrides: Any) -> Self:
        """The config to run with: ``config`` (None, an instance or a mapping) with ``overrides`` applied."""
        if isinstance(config, cls):
            _refuse_unknown(cls, overrides)
            return dataclasses.replace(config, **overrides) if overrides else config
        if config is not None and not isinstance(config, Mapping):
            raise ConfigError(f"{cls.__name__} settings must be a {cls.__name__} or a dict, not {type(config).__name__}")
        return cls.from_dict(config, **overrides)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any] | None = None, **overrides: Any) -> Self:
        """Build the config from a mapping, refusing keys the stage does not know."""
        merged = {**(values or {}), **overrides}
        _refuse_unknown(cls, merged)
        init = {f.name for f in dataclasses.fields(cls) if f.init}
        return cls(**{key: value for key, value in merged.items() if key in init})

    def to_dict(self) -> dict[str, Any]:
        """The settings as JSON-ready values (tuples become lists, paths strings)."""
        return {key: _jsonable(value) for key, value in dataclasses.asdict(self).items()}

    def save(self, path: Path) -> None:
        """Write the resolved config as JSON next to what the stage produced."""
        atomic_write_text(Path(path), json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n")

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """Every field's default, for the notebooks' parameter test and ``--help``."""
        values = {}
        for field in dataclasses.fields(cls):
            if field.default is not _MISSING:
                values[field.name] = field.default
            elif field.default_factory is not _MISSING:
                values[field.name] = field.default_factory()
        return values


def _refuse_unknown(cls: type, keys: Mapping[str, Any]) -> None:
    known = [f.name for f in dataclasses.fields(cls)]
    for key in keys:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
            raise ConfigError(f"unknown setting '{key}' for {cls.__name__}{hint}")


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _describe(value: Any) -> str:
    return f"{value!r} ({type(value).__name__})"


def _check(name: str, value: Any, hint: Any) -> Any:
    """``value`` converted to ``hint`` where that loses nothing (list -> tuple, str -> Path), else ConfigError."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any or hint is object:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for option in (a for a in args if a is not type(None)):
            try:
                return _check(name, value, option)
            except ConfigError as exc:
                errors.append(str(exc))
        raise ConfigError(errors[0] if len(errors) == 1 else f"{name} has the wrong type: {_describe(value)}")
    if origin is Literal:
        if value not in args:
            raise ConfigError(f"{name} must be one of {', '.join(map(repr, args))}, not {value!r}")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be True or False, not {_describe(value)}")
        return value
    if hint is int:
        if isinstance(value, float) and value.is_integer():  # 1e6 from YAML or a notebook
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{name} must be a whole number, not {_describe(value)}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{name} must be a number, not {_describe(value)}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{name} must be text, not {_describe(value)}")
        return value
    if hint is Path or (isinstance(hint, type) and issubclass(hint, os.PathLike)):
        if not isinstance(value, str | os.PathLike) or not os.fspath(value):
            raise ConfigError(f"{name} must be a path, not {_describe(value)}")
        return Path(value)
    if origin in (tuple, list) or hint in (tuple, list):
        container = origin or hint
        if isinstance(value, str):  # "left,right" from a papermill -p or a CLI option
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{name} must be a list, not {_describe(value)}")
        item_hint = args[0] if args and (container is list or (len(args) == 2 and args[1] is Ellipsis)) else Any
        items = [_check(f"{name}[{i}]", item, item_hint) for i, item in enumerate(value)]
        return container(items)
    if origin is dict or hint is dict:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{name} must be a mapping, not {_describe(value)}")
        return dict(value)
    return value


def _check_range(field: dataclasses.Field, value: Any) -> None:
    meta = field.metadata
    if value is None:
        return
    if meta.get("choices") is not None and value not in meta["choices"]:
        raise ConfigError(f"{field.name} must be one of {', '.join(map(repr, meta['choices']))}, not {value!r}")
    low, high = meta.get("low"), meta.get("high")
    shown = _number(value)
    if low is not None and high is not None and not low <= value <= high:
        raise ConfigError(f"{field.name} must be between {_number(low)} and {_number(high)}, not {shown}")
    if low is not None and value < low:
        raise ConfigError(f"{field.name} must be at least {_number(low)}, not {shown}")
    if high is not None and value > high:
        raise ConfigError(f"{field.name} must be at most {_number(high)}, not {shown}")


def _number(value: Any) -> str:
    """A number as a person writes it: 20, not 20.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


@functools.cache
def field_help(cls: type) -> dict[str, str]:
    """Each field's help: the comment on its line(s) in the class body (the documentation of the default)."""
    helps: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not dataclasses.is_dataclass(klass):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        comments: dict[int, str] = {}
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string.lstrip("#").strip()
        body = ast.parse(source).body[0]
        for node in getattr(body, "body", []):
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                lines = range(node.lineno, (node.end_lineno or node.lineno) + 1)
                text = " ".join(comments[n] for n in lines if n in comments)
                if text:
                    helps[node.target.id] = text
    return helps


class _ListAction(argparse.Action):
    """``--seeds a,b --seeds c`` -> ['a', 'b', 'c']."""

    def __call__(self, parser, namespace, values, option_string=None):
        current = list(getattr(namespace, self.dest, None) or [])
        for value in values if isinstance(values, list) else [values]:
            current.extend(part.strip() for part in str(value).split(",") if part.strip())
        setattr(namespace, self.dest, current)


def _option_type(hint: Any) -> tuple[Any, dict[str, Any]]:
    """(the base hint, extra add_argument keywords) for one field."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _option_type(options[0]) if len(options) == 1 else (str, {"type": str})
    if origin is Literal:
        return hint, {"choices": list(args), "type": type(args[0])}
    if hint is bool:
        return bool, {"action": argparse.BooleanOptionalAction}
    if origin in (tuple, list) or hint in (tuple, list):
        return list, {"action": _ListAction, "nargs": "+", "metavar": "VALUE"}
    if hint in (int, float, str) or hint is Path:
        return hint, {"type": hint}
    return str, {"type": str}


def add_config_options(parser: argparse.ArgumentParser, cls: type, exclude: tuple[str, ...] = (),
                       positional: tuple[str, ...] = ()) -> None:
    """One ``--kebab-case`` option per field of ``cls`` (``positional`` ones as arguments), defaults left to ``cls``.

    Every option defaults to None, so ``config_from_args`` passes on only what the user typed and the
    dataclass stays the one place a default is written; ``--help`` shows that default.
    """
    hints = _hints(cls)
    helps = field_help(cls)
    defaults = cls.defaults()
    for field in dataclasses.fields(cls):
        if field.name in exclude or not field.init or not field.metadata.get("cli", True):
            continue
        hint = hints.get(field.name, str)
        base, keywords = _option_type(hint)
        if field.metadata.get("choices") is not None:
            keywords["choices"] = list(field.metadata["choices"])
        help_text = helps.get(field.name, "")
        if field.name in defaults and base is not bool:
            shown = defaults[field.name]
            shown = ",".join(map(str, shown)) if isinstance(shown, list | tuple) else shown
            help_text = f"{help_text} (default: {shown})".strip()
        help_text = help_text.replace("%", "%%")
        if field.name in positional:
            keywords.pop("action", None)
            parser.add_argument(field.name, help=help_text, **({"nargs": "+"} if base is list else {}), **{
                k: v for k, v in keywords.items() if k in ("type", "choices")})
            continue
        option = "--" + field.name.replace("_", "-")
        parser.add_argument(option, dest=field.name, default=None, help=help_text, **keywords)


def config_from_args(cls: type, args: argparse.Namespace, base: Any = None, **extra: Any) -> Any:
    """The config of ``cls`` from parsed options: only those the user gave override ``base`` and the defaults."""
    names = {f.name for f in dataclasses.fields(cls)}
    given = {name: value for name, value in vars(args).items() if name in names and value is not None}
    return cls.resolve(base, **{**given, **extra})
