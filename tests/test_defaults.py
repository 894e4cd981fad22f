"""Each default is written once, in a stage's config dataclass: the CLI and the notebooks agree with it."""

import argparse
import ast
import dataclasses
import importlib
import json
from pathlib import Path

import pytest

from botbaby import config as config_module
from botbaby.cli import COMMAND_MODULES
from botbaby.errors import ConfigError

DEFAULT_DATA_NAME = "botbaby-data"  # README: every stage's data folder unless --data / $BOTBABY_DATA says otherwise

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Notebooks whose owners are still moving their defaults into the config dataclass (issue 11). Strict:
# once a notebook agrees, this test says so, and its name comes off the list.
PENDING: set[str] = set()


def _dataclasses_of(module) -> list[type]:
    """The dataclasses a module defines or imports: the configs its functions and options are built from."""
    return [value for value in vars(module).values()
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__.startswith("botbaby")]


def _field_defaults(classes: list[type], name: str) -> list[tuple[type, object]]:
    found = []
    for cls in classes:
        for field in dataclasses.fields(cls):
            if field.name != name or not field.init:
                continue
            if field.default is not dataclasses.MISSING:
                found.append((cls, field.default))
            elif field.default_factory is not dataclasses.MISSING:
                found.append((cls, field.default_factory()))
    return found


def _as_field(cls: type, name: str, value: object) -> object:
    """``value`` as the field would hold it (a notebook writes a tuple as a list or "a,b")."""
    hint = config_module._hints(cls).get(name, object)
    try:
        return config_module._check(name, value, hint)
    except ConfigError:
        return value


def _agrees(found: list[tuple[type, object]], name: str, value: object) -> bool:
    return any(_as_field(cls, name, value) == _as_field(cls, name, default) for cls, default in found)


def _notebook_parameters(path: Path) -> tuple[dict[str, object], list[str]]:
    """(UPPER_CASE parameter -> default, the botbaby modules the notebook imports)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    parameters: dict[str, object] = {}
    modules: list[str] = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        # IPython magics (%pip, !cmd) are not Python: read them as `pass`, keeping the indentation
        code = "\n".join(line[: len(line) - len(line.lstrip())] + "pass" if line.lstrip().startswith(("%", "!"))
                         else line for line in source.splitlines())
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("botbaby"):
                modules.append(node.module)
                modules += [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                modules += [alias.name for alias in node.names if alias.name.startswith("botbaby")]
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            for node in tree.body:
                if isinstance(node, ast.AnnAssign | ast.Assign):
                    target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
                    parameters[target.id] = ast.literal_eval(node.value)
    return parameters, modules


def _classes_for(modules: list[str]) -> list[type]:
    classes: list[type] = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue  # `from botbaby import clean` names a module, `from botbaby.contract import X` a class
        classes += [cls for cls in _dataclasses_of(module) if cls not in classes]
    return classes


def _notebook_cases():
    pending = pytest.mark.xfail(strict=True, reason="its defaults now agree: take it off PENDING in tests/test_defaults.py")
    return [pytest.param(p, id=p.stem, marks=[pending] if p.stem in PENDING else []) for p in NOTEBOOKS]


@pytest.mark.parametrize("path", _notebook_cases())
def test_notebook_parameter_defaults_equal_the_config_defaults(path):
    parameters, modules = _notebook_parameters(path)
    classes = _classes_for(modules)
    disagree = []
    if "DATA" in parameters and parameters["DATA"] != DEFAULT_DATA_NAME:
        disagree.append(f"DATA = {parameters['DATA']!r} but the data folder's default is {DEFAULT_DATA_NAME!r}")
    for upper, value in parameters.items():
        if upper == "DATA":
            continue
        name = upper.lower()
        found = _field_defaults(classes, name)
        if found and not _agrees(found, name, value):
            shown = ", ".join(f"{cls.__name__}.{name} = {default!r}" for cls, default in found)
            disagree.append(f"{upper} = {value!r} but {shown}")
    assert not disagree, f"{path.name}: " + "; ".join(disagree)


def test_the_notebook_check_compares_something():
    """Guard against a vacuous check: most notebooks' parameters are config fields."""
    matched = 0
    for path in NOTEBOOKS:
        parameters, modules = _notebook_parameters(path)
        classes = _classes_for(modules)
        matched += sum(bool(_field_defaults(classes, upper.lower())) for upper in parameters)
    assert matched >= 20


def _subcommands():
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        parser = argparse.ArgumentParser()
        module.add_cli(parser.add_subparsers())
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        for command, subparser in subparsers.choices.items():
            yield module, command, subparser


def _cli_cases():
    return [pytest.param(module, sub, id=command) for module, command, sub in _subcommands()]


@pytest.mark.parametrize(("module", "subparser"), _cli_cases())
def test_cli_option_defaults_come_from_the_config(module, subparser):
    classes = _dataclasses_of(module)
    disagree = []
    for action in subparser._actions:
        if not action.option_strings or action.dest in ("help",) or action.default in (None, argparse.SUPPRESS):
            continue
        found = _field_defaults(classes, action.dest)
        if found and not _agrees(found, action.dest, action.default):
            shown = ", ".join(f"{cls.__name__}.{action.dest} = {default!r}" for cls, default in found)
            disagree.append(f"{'/'.join(action.option_strings)} defaults to {action.default!r} but {shown}")
    assert not disagree, "; ".join(disagree)


def test_stage_configs_refuse_bad_values_however_they_are_built():
    from botbaby.clean import CleanConfig

    with pytest.raises(ConfigError, match="min_chars"):
        CleanConfig(min_chars=-5)
    with pytest.raises(ConfigError, match="min_chars must be a whole number"):
        CleanConfig.from_dict({"min_chars": "50"})
    with pytest.raises(ConfigError, match="did you mean 'min_chars'"):
        CleanConfig.resolve(min_char=5)


def test_generated_options_pass_on_only_what_was_typed():
    @dataclasses.dataclass
    class Demo(config_module.StageConfig):
        min_chars: int = config_module.setting(50, low=0)  # posts shorter than this are dropped
        scripts: tuple[str, ...] = ("latin",)  # scripts kept besides ASCII
        drop_retweets: bool = True  # retweets are someone else's voice
        base_url: str | None = None  # the API's address

    parser = argparse.ArgumentParser()
    config_module.add_config_options(parser, Demo)
    assert "posts shorter than this are dropped (default: 50)" in parser.format_help()
    args = parser.parse_args(["--scripts", "latin,devanagari", "--no-drop-retweets"])
    config = config_module.config_from_args(Demo, args)
    assert config == Demo(min_chars=50, scripts=("latin", "devanagari"), drop_retweets=False)
    with pytest.raises(ConfigError, match="min_chars must be at least 0"):
        config_module.config_from_args(Demo, parser.parse_args(["--min-chars", "-1"]))
