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
