"""The benchmark scripts stay runnable: what they import from botbaby exists, and they document their options.

No timing happens here: the benchmarks themselves are run by hand (see README), so a renamed or moved
name they import would otherwise go unnoticed until someone measures.
"""

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py"))


def test_there_is_a_benchmark_per_target():
    assert {path.stem for path in BENCHMARKS} >= {"clean", "collect", "import", "train", "generate", "serve", "gpu"}


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_every_botbaby_name_a_benchmark_imports_exists(script):
    # Imports inside functions count too: benchmark workers import lazily, in their own processes.
    for node in ast.walk(ast.parse(script.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "botbaby":
            module = importlib.import_module(node.module)
            for alias in node.names:
                is_submodule = hasattr(module, "__path__") and importlib.util.find_spec(f"{node.module}.{alias.name}")
                assert hasattr(module, alias.name) or is_submodule, (
                    f"{script.name}:{node.lineno} imports {alias.name} from {node.module}, which has no such name"
                )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "botbaby":
                    importlib.import_module(alias.name)


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_benchmark_prints_its_help(script):
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
