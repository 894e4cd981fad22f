"""The Lambda's bundle: only the light parts of botbaby, no TensorFlow, importable without it."""

import io
import json
import subprocess
import sys
import zipfile

from botbaby.deploy.aws.bundle import LAMBDA_MODULES, build_bundle, code_sha256

BLOCKER = """
import sys
for name in ("tensorflow", "gpt_2_simple", "numpy", "pandas", "pyarrow", "nltk", "vaderSentiment"):
    sys.modules[name] = None  # "import tensorflow" now raises ImportError
sys.path.insert(0, sys.argv[1])
import botbaby.deploy.aws.handler as handler
assert handler.__file__.startswith(sys.argv[1]), handler.__file__
api = handler.Api(cache=None, queues={}, sides=["left", "right"])
print(api({"rawPath": "/healthz", "requestContext": {"http": {"method": "GET"}}})["statusCode"])
print(sorted(name for name in sys.modules if name.startswith("botbaby")))
"""


def test_bundle_holds_the_handler_and_its_light_imports_and_no_tensorflow():
    names = zipfile.ZipFile(io.BytesIO(build_bundle())).namelist()
    assert names == list(LAMBDA_MODULES)
    assert not [name for name in names if "tensorflow" in name or "gpt_2_simple" in name]
    assert not {"botbaby/generate.py", "botbaby/train.py", "botbaby/deploy/aws/worker.py"} & set(names)


def test_bundle_is_byte_for_byte_reproducible():
    assert code_sha256(build_bundle()) == code_sha256(build_bundle())


def test_handler_imports_and_answers_from_the_unpacked_bundle_with_tensorflow_unimportable(tmp_path):
    zipfile.ZipFile(io.BytesIO(build_bundle())).extractall(tmp_path)
    result = subprocess.run(
        [sys.executable, "-I", "-c", BLOCKER, str(tmp_path)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    status, modules = result.stdout.splitlines()
    assert status == "200"
    loaded = {name.strip("' ") for name in modules.strip("[]").split(",")}
    expected = {path.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for path in LAMBDA_MODULES}
    assert loaded <= expected


FROM_THE_BUNDLE = """
import json, sys
for name in ("tensorflow", "gpt_2_simple", "numpy", "pandas"):
    sys.modules[name] = None
sys.path.insert(0, sys.argv[1])
from botbaby.deploy.aws.handler import handler
event = {"rawPath": "/generate", "queryStringParameters": {"model": "left", "prompt": "Fuel prices"},
         "requestContext": {"http": {"method": "GET"}}}
print(json.dumps(handler(event, None)))
"""


def test_the_bundled_handler_queues_a_new_prompt_on_the_deployed_stack(deployed, clients, aws_env, tmp_path):
    zipfile.ZipFile(io.BytesIO(build_bundle())).extractall(tmp_path)
    environment = clients("lambda").get_function_configuration(FunctionName="bb-test-api")["Environment"]["Variables"]
    result = subprocess.run(
        [sys.executable, "-c", FROM_THE_BUNDLE, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**aws_env, **environment, "BOTBABY_WAIT_S": "0.5", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["statusCode"] == 202 and json.loads(answer["body"])["status"] == "pending"
    queue_url = json.loads(environment["BOTBABY_QUEUE_URLS"])["left"]
    attributes = clients("sqs").get_queue_attributes(QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages"])
    assert attributes["Attributes"]["ApproximateNumberOfMessages"] == "1"
