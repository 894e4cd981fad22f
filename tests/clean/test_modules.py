"""04_clean's modules import one way, in no circle: rules <- report <- pipeline <- stage, the kernel
reached from the pipeline (its tables <- its numba source <- its front), the splitter on its own."""

import ast
import pkgutil
from pathlib import Path

import botbaby

PACKAGE = Path(botbaby.__file__).parent


def import_graph() -> dict[str, set[str]]:
    """Every botbaby module and the botbaby modules it imports, at the top or inside a function."""
    graph = {}
    for module in pkgutil.walk_packages(botbaby.__path__, "botbaby."):
        path = PACKAGE.joinpath(*module.name.split(".")[1:])
        source = path / "__init__.py" if module.ispkg else path.with_suffix(".py")
        imported = set()
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
                imported |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[module.name] = {name for name in imported if name.startswith("botbaby.")} - {module.name}
    return {name: targets & graph.keys() for name, targets in graph.items()}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


CLEAN_MODULES = (
    "botbaby.clean",
    "botbaby.clean_rules",
    "botbaby.clean_kernel",
    "botbaby.clean_kernel_numba",
    "botbaby.clean_tables",
    "botbaby.clean_pipeline",
    "botbaby.clean_report",
    "botbaby.sentences",
)


def test_no_clean_module_imports_itself_through_others():
    graph = import_graph()
    assert set(CLEAN_MODULES) <= graph.keys()
    for name in CLEAN_MODULES:
        assert name not in reachable(graph, name), f"{name} imports itself through {sorted(graph[name])}"


def test_the_compiled_pass_and_the_rules_never_import_the_stage():
    graph = import_graph()
    assert not {"botbaby.clean", "botbaby.clean_pipeline", "botbaby.clean_report"} & reachable(
        graph, "botbaby.clean_kernel"
    )
    assert not {"botbaby.clean", "botbaby.clean_kernel", "botbaby.clean_pipeline"} & reachable(
        graph, "botbaby.clean_rules"
    )


def test_the_compiled_pass_is_layered_tables_source_front():
    graph = import_graph()
    assert not {"botbaby.clean_kernel", "botbaby.clean_kernel_numba"} & reachable(graph, "botbaby.clean_tables")
    assert "botbaby.clean_kernel" not in reachable(graph, "botbaby.clean_kernel_numba")


def test_the_front_of_the_compiled_pass_loads_no_numba_until_it_needs_it():
    """With the pass built ahead of time a clean never needs numba: importing the front must not load it."""
    import subprocess
    import sys

    script = "import sys\nimport botbaby.clean_kernel\nprint('numba' in sys.modules, 'llvmlite' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_the_pipeline_and_the_report_never_import_the_stage():
    graph = import_graph()
    assert "botbaby.clean" not in reachable(graph, "botbaby.clean_pipeline")
    assert not {"botbaby.clean", "botbaby.clean_pipeline", "botbaby.clean_kernel"} & reachable(
        graph, "botbaby.clean_report"
    )


def test_the_stage_keeps_every_name_the_notebook_cli_and_demo_use():
    import botbaby.clean as stage

    names = ("CleanConfig", "CleanStats", "clean", "clean_all", "load_stats", "stats_table", "drop_examples",
             "plot_lengths", "preview", "format_stats")  # fmt: skip
    assert all(callable(getattr(stage, name)) for name in names)
    assert set(stage.__all__) == set(names)


def test_generation_asks_the_splitter_module_not_the_clean_stage():
    graph = import_graph()
    assert "botbaby.sentences" in graph["botbaby.generate"]
    assert "botbaby.clean" not in reachable(graph, "botbaby.generate")
