"""Every notebook follows the pattern (../shared/STYLE.md) and is executed by some test."""

import ast
import importlib.metadata
import inspect
import re
from pathlib import Path

import nbformat
import papermill
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
UPPER_CASE = re.compile(r"[A-Z][A-Z0-9_]*")


def code_of(cell) -> str:
    """A code cell's source with IPython magics (``%pip``, ``!ls``) replaced by ``pass``, so ``ast`` parses it."""
    lines = []
    for line in cell.source.splitlines():
        stripped = line.lstrip()
        lines.append(line[: len(line) - len(stripped)] + "pass" if stripped[:1] in ("%", "!") else line)
    return "\n".join(lines)


def code_cells(book):
    return [cell for cell in book.cells if cell.cell_type == "code"]


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/NN_name.ipynb files are missing"


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def notebook_path(request) -> Path:
    return request.param


@pytest.fixture
def book(notebook_path):
    return nbformat.read(notebook_path, as_version=4)


def test_first_cell_is_a_markdown_title_with_the_colab_badge_for_this_notebook(book, notebook_path):
    first = book.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert BADGE in first.source
    assert f"/notebooks/{notebook_path.name})" in first.source


def parameters_cell(book):
    return next(cell for cell in book.cells if "parameters" in cell.metadata.get("tags", []))


def setup_cell(book):
    """The code cell right after the parameters cell, so papermill's and the user's parameters reach it."""
    cells = code_cells(book)
    return cells[cells.index(parameters_cell(book)) + 1]


def test_the_parameters_cell_is_the_first_code_cell_and_the_setup_cell_follows_it(book):
    assert code_cells(book)[0] is parameters_cell(book)
    setup = setup_cell(book).source
    assert 'if "google.colab" in sys.modules:' in setup
    assert '%pip install -q --no-deps {os.environ.get("BOTBABY_SOURCE") or BOTBABY_SOURCE}' in setup
    assert "from botbaby import" in setup and "notebook.setup(" in setup
    assert "DATA = notebook.data_folder(DATA, on_drive=DRIVE)" in setup


def test_colab_installs_this_release_from_the_source_in_pyproject(book):
    from botbaby.notebook import release_source

    parameters = {s.target.id: ast.literal_eval(s.value) for s in ast.parse(parameters_cell(book).source).body}
    assert parameters["BOTBABY_SOURCE"] == release_source()  # git+[project.urls] Source@vVERSION
    assert parameters["DRIVE"] is True


def test_the_setup_cell_asks_only_for_extras_that_exist_and_never_for_jupyter(book):
    call = next(node for node in ast.walk(ast.parse(code_of(setup_cell(book))))
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "setup")
    extras = [ast.literal_eval(arg) for arg in call.args]
    known = set(importlib.metadata.metadata("botbaby").get_all("Provides-Extra"))
    assert set(extras) <= known, extras


def test_exactly_one_parameters_cell_of_annotated_upper_case_literals_with_comments(book):
    tagged = [cell for cell in book.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell must be tagged 'parameters'"
    cell = tagged[0]
    assert cell.cell_type == "code"
    lines = cell.source.splitlines()
    for statement in ast.parse(cell.source).body:
        assert isinstance(statement, ast.AnnAssign), f"line {statement.lineno}: use NAME: type = literal"
        assert isinstance(statement.target, ast.Name) and UPPER_CASE.fullmatch(statement.target.id)
        ast.literal_eval(statement.value)  # a literal, not a computation
        assert "#" in lines[statement.end_lineno - 1], f"{statement.target.id} needs a comment saying what it is"
    names = [s.target.id for s in ast.parse(cell.source).body]
    assert "DATA" in names


def test_no_code_cell_defines_functions_classes_or_lambdas(book):
    for cell in code_cells(book):
        for node in ast.walk(ast.parse(code_of(cell))):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda), (
                f"logic belongs in botbaby, not in the notebook:\n{cell.source}"
            )


CONTROL_FLOW = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.IfExp, ast.Match, ast.Try,
                ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
COLAB_CHECK = 'if "google.colab" in sys.modules:'  # the setup cell's one allowed branch

# Notebooks whose owners still have a loop, branch or comprehension in a cell (issue 11 item 6).
# Strict: once a notebook follows the rule, this test says so, and its name comes off the list.
CONTROL_FLOW_PENDING: dict[str, str] = {}


def control_flow(book) -> list[str]:
    """Each loop, branch or comprehension in a code cell (the setup cell's Colab check excepted)."""
    found = []
    for cell in code_cells(book):
        source = code_of(cell)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, CONTROL_FLOW):
                segment = ast.get_source_segment(source, node) or ""
                if not (isinstance(node, ast.If) and segment.startswith(COLAB_CHECK) and cell is setup_cell(book)):
                    found.append(f"{type(node).__name__}: {segment.splitlines()[0]}")
    return found


def assert_no_control_flow(book) -> None:
    found = control_flow(book)
    assert not found, f"logic belongs in botbaby (e.g. a *_all function), not in the notebook: {found}"


def test_no_code_cell_loops_branches_or_builds_comprehensions(book, notebook_path, request):
    reason = CONTROL_FLOW_PENDING.get(notebook_path.stem)
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"pending: {reason}"))
    assert_no_control_flow(book)


def test_no_outputs_or_execution_counts_are_committed(book):
    for cell in code_cells(book):
        assert cell.outputs == [] and cell.execution_count is None


def test_last_code_cell_records_the_results(book, notebook_path):
    assert f'notebook.record("{notebook_path.stem}"' in code_cells(book)[-1].source


def test_no_credentials_are_parameters(book):
    tagged = next(cell for cell in book.cells if "parameters" in cell.metadata.get("tags", []))
    assert not re.search(r"(TOKEN|SECRET|PASSWORD|KEY)\w*\s*:", tagged.source)


def test_papermill_sees_the_parameters(book, notebook_path):
    tagged = next(cell for cell in book.cells if "parameters" in cell.metadata.get("tags", []))
    declared = [s.target.id for s in ast.parse(tagged.source).body]
    inspected = papermill.inspect_notebook(str(notebook_path))
    assert list(inspected) == declared
    assert all(p["help"] for p in inspected.values())


def test_every_notebook_is_run_by_a_test(notebook_path):
    calls = set()
    for test_file in (ROOT / "tests").rglob("*.py"):
        calls.update(re.findall(r"run_notebook\(\s*[\"'](\d\d_\w+)[\"']", test_file.read_text(encoding="utf-8")))
    assert notebook_path.stem in calls, f"no test calls run_notebook({notebook_path.stem!r}, ...)"


def _good_book(name: str = "99_example"):
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    url = f"https://colab.research.google.com/github/botbaby/botbaby/blob/main/notebooks/{name}.ipynb"
    return new_notebook(
        cells=[
            new_markdown_cell(f"# Example\n\n[![Open In Colab]({BADGE})]({url})"),
            new_code_cell('DATA: str = "botbaby-data"  # data folder', metadata={"tags": ["parameters"]}),
            new_code_cell('import os\nimport sys\nif "google.colab" in sys.modules:\n'
                          '    %pip install -q --no-deps {os.environ.get("BOTBABY_SOURCE") or BOTBABY_SOURCE}\n'
                          "from botbaby import notebook\nnotebook.setup()\n"
                          "DATA = notebook.data_folder(DATA, on_drive=DRIVE)"),
            new_code_cell(f'notebook.record("{name}", {{}}, DATA)'),
        ]
    )


BREAKAGES = {
    "a function in a cell": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell("def helper():\n    pass")),
    "a lambda in a cell": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell("f = lambda x: x")),
    "a loop over the sides": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell(
        "for side in SIDES:\n    print(side)")),
    "a comprehension": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell("x = {s: 1 for s in SIDES}")),
    "a conditional expression": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell("x = 1 if DATA else 2")),
    "a branch outside the setup cell": lambda book: book.cells.insert(3, nbformat.v4.new_code_cell(
        'if "google.colab" in sys.modules:\n    print(1)')),
    "an output left in": lambda book: book.cells[3].update(outputs=[nbformat.v4.new_output("stream", text="hi")]),
    "an execution count left in": lambda book: book.cells[3].update(execution_count=3),
    "a lower-case parameter": lambda book: book.cells[1].update(source='data: str = "x"  # folder'),
    "a parameter without a comment": lambda book: book.cells[1].update(source='DATA: str = "x"'),
    "a computed parameter": lambda book: book.cells[1].update(source='DATA: str = "x".upper()  # folder'),
    "setup before the parameters": lambda book: book.cells.insert(1, book.cells.pop(2)),
    "no badge": lambda book: book.cells[0].update(source="# Example"),
    "no record at the end": lambda book: book.cells[3].update(source="print(DATA)"),
    "two parameters cells": lambda book: book.cells.insert(
        3, nbformat.v4.new_code_cell("SIDES: list = []  # sides", metadata={"tags": ["parameters"]})
    ),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_the_pattern_checks_catch_a_notebook_that_breaks_the_pattern(breakage, tmp_path):
    path = tmp_path / "99_example.ipynb"
    checks = [
        test_first_cell_is_a_markdown_title_with_the_colab_badge_for_this_notebook,
        test_the_parameters_cell_is_the_first_code_cell_and_the_setup_cell_follows_it,
        test_exactly_one_parameters_cell_of_annotated_upper_case_literals_with_comments,
        test_no_code_cell_defines_functions_classes_or_lambdas,
        assert_no_control_flow,
        test_no_outputs_or_execution_counts_are_committed,
        test_last_code_cell_records_the_results,
    ]

    def run(check, book):
        arguments = {"book": book, "notebook_path": path}
        check(**{name: arguments[name] for name in inspect.signature(check).parameters})

    good = _good_book()
    for check in checks:  # the example notebook itself passes every check ...
        run(check, good)
    broken = _good_book()
    BREAKAGES[breakage](broken)
    failures = 0
    for check in checks:  # ... and the broken one fails at least one
        try:
            run(check, broken)
        except (AssertionError, ValueError, SyntaxError):
            failures += 1
    assert failures, f"no check noticed {breakage}"
