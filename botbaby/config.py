"""Typed stage configs: commented defaults, unknown keys are errors, the resolved config is saved.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Demo(StageConfig):
    ...     min_chars: int = 50  # posts shorter than this are dropped
    >>> Demo.from_dict({"min_chars": 10}).min_chars
    10
    >>> Demo.from_dict({"min_char": 10})
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: unknown setting 'min_char' for Demo (did you mean 'min_chars'?)
"""

import dataclasses
import difflib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self

from botbaby.errors import ConfigError
from botbaby.io import atomic_write_text


class StageConfig:
    """Mixin for a stage's dataclass config."""

    @classmethod
    def from_dict(cls, values: Mapping[str, Any] | None = None, **overrides: Any) -> Self:
        """Build the config from a mapping, refusing keys the stage does not know."""
        merged = {**(values or {}), **overrides}
        known = {f.name for f in dataclasses.fields(cls)}
        for key in merged:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ConfigError(f"unknown setting '{key}' for {cls.__name__}{hint}")
        config = cls(**merged)
        config.validate()
        return config

    def validate(self) -> None:
        """Raise ConfigError on out-of-range values; stages override this."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def save(self, path: Path) -> None:
        """Write the resolved config as JSON next to what the stage produced."""
        atomic_write_text(Path(path), json.dumps(self.to_dict(), indent=2, default=str) + "\n")
