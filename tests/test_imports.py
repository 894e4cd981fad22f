"""``import botbaby``, every module of it and ``botbaby --help`` work without any heavy or optional client library."""

import pkgutil
import subprocess
import sys

import botbaby

# The libraries an extra brings (train, collect, aws, compare, torch): a bare kernel has none of them.
OPTIONAL = ("tensorflow", "gpt_2_simple", "tweepy", "atproto", "GetOldTweets3", "boto3", "sklearn", "torch",
            "transformers", "safetensors", "huggingface_hub")

# Run before the code under test: any import of an OPTIONAL package (or its submodules) fails.
BLOCKER = f"""
import importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {OPTIONAL!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (blocked by the test)", name=name)
        return None

sys.meta_path.insert(0, Blocked())
"""

# botbaby.__main__ and botbaby.demo.__main__ run a command when imported; the CLI test covers them.
MODULES = sorted(
    module.name for module in pkgutil.walk_packages(botbaby.__path__, "botbaby.") if not module.name.endswith("__main__")
)


def run_blocked(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCKER + code, *args], capture_output=True, text=True, timeout=120)


def test_the_blocker_blocks():
    result = run_blocked("import tensorflow")
    assert result.returncode != 0 and "blocked by the test" in result.stderr


def test_every_module_imports_without_tensorflow_gpt_2_simple_tweepy_atproto_getoldtweets3_or_boto3():
    assert {"botbaby.train", "botbaby.generate", "botbaby.scrape", "botbaby.deploy.aws.stack"} <= set(MODULES)
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\nprint('ok')"
    result = run_blocked(code, "botbaby", *MODULES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_cli_help_of_every_command_works_without_them():
    code = (
        "import contextlib, io, sys\n"
        "from botbaby.cli import main\n"
        "for argv in ([], ['leaders'], ['followers'], ['rank'], ['scrape'], ['clean'], ['train'], ['generate'], ['compare'],\n"
        "             ['export'],\n"
        "             ['serve'], ['deploy', 'aws']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        "        main([*argv, '--help'])\n"
        "    assert 'usage: botbaby' in out.getvalue(), argv\n"
        "print('ok')"
    )
    result = run_blocked(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_stage_modules_are_attributes_of_the_package_imported_on_first_use():
    code = ("import sys, botbaby\n"
            "assert 'botbaby.train' not in sys.modules\n"
            "assert {'clean', 'train', 'generate', 'serve', 'deploy'} <= set(dir(botbaby))\n"
            "print(botbaby.clean.clean_all.__name__, botbaby.train.train.__name__, botbaby.deploy.__name__)\n"
            "help(botbaby.train)\n")
    result = run_blocked(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("clean_all train botbaby.deploy") and "fine-tune one GPT-2 per side" in result.stdout
    missing = run_blocked("import botbaby\nbotbaby.nothing_here")
    assert "AttributeError: module 'botbaby' has no attribute 'nothing_here'" in missing.stderr


# -- stages talk through the data folder --------------------------------------------------------

# The stage modules (one per notebook step, plus the serving and deployment packages).
STAGES = ("leaders", "followers", "rank", "scrape", "clean", "train", "generate", "compare", "export", "serve",
          "deploy")

# A stage that runs another one, rather than reading its files; each edge says why.
COMPOSES = {
    ("train", "export"): "training ends by exporting the model for PyTorch (botbaby export)",
    ("compare", "generate"): "compare generates posts from each side's model to compare them",
    ("serve", "generate"): "the server answers with the generator",
    ("deploy", "generate"): "the AWS worker answers with the generator",
    ("deploy", "serve"): "the AWS front runs serve's API core and worker behind the cloud ports",
}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "botbaby" and len(parts) > 1 and parts[1] in STAGES else None


def stage_imports() -> set[tuple[str, str, str]]:
    """(importing module, its stage, imported stage) for every import, at any depth, of one stage by another."""
    import ast
    from pathlib import Path

    root = Path(botbaby.__file__).parent
    found = set()
    for path in root.rglob("*.py"):
        module = ".".join(("botbaby", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # `from botbaby import rank` names the stage in the alias
                names = [f"botbaby.{a.name}" for a in node.names] if node.module == "botbaby" else [node.module]
            else:
                continue
            for name in names:
                if (mine := stage_of(module)) and (other := stage_of(name)) and other != mine:
                    found.add((module, mine, other))
    return found


def test_the_import_scan_sees_an_import_of_one_stage_by_another():
    edges = {(mine, other) for _, mine, other in stage_imports()}
    assert ("train", "export") in edges and ("compare", "generate") in edges  # known, allowed compositions


def test_no_stage_module_imports_another_stage_module_except_to_run_it():
    """A stage asks layout or formats about another stage's files, never that stage's module."""
    unexpected = sorted(f"{module} imports botbaby.{other}" for module, mine, other in stage_imports()
                        if (mine, other) not in COMPOSES)
    assert not unexpected, unexpected
