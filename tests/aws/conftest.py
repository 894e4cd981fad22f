"""Fixtures for the AWS tests: a moto server on 127.0.0.1, fake credentials, a data folder with checkpoints."""

import contextlib
import json
import os
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

REGION = "us-east-1"
AMIS = Path(__file__).with_name("amis.json")  # the AMIs the moto server lists as Amazon's
NEWEST_DL_AMI = "ami-0dl0base000000new"  # the newest x86_64 Deep Learning Base AMI in it
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


@pytest.fixture(scope="session")
def moto_url() -> str:
    """One moto server for the whole session (each test resets it)."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    # moto's thousands of stock AMIs take seconds to load after every reset, and none is a Deep
    # Learning Base AMI: the server lists ours instead (amis.json, shaped like DescribeImages' real answers).
    saved = os.environ.get("MOTO_AMIS_PATH")
    os.environ["MOTO_AMIS_PATH"] = str(AMIS)
    from moto.ec2.models import amis

    if not any(ami["ami_id"] == NEWEST_DL_AMI for ami in amis.AMIS):  # moto read the variable before us
        amis.AMIS[:] = json.loads(AMIS.read_text())
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
    if saved is None:
        os.environ.pop("MOTO_AMIS_PATH", None)
    else:
        os.environ["MOTO_AMIS_PATH"] = saved


@pytest.fixture
def aws_env(moto_url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A clean moto server and the environment that points boto3 at it."""
    urllib.request.urlopen(urllib.request.Request(f"{moto_url}/moto-api/reset", method="POST")).read()
    env = {**FAKE_CREDENTIALS, "AWS_ENDPOINT_URL": moto_url}
    for key in ("AWS_PROFILE", "AWS_REGION"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def clients(aws_env):
    from botbaby.deploy.aws.clients import AwsClients

    return AwsClients(REGION)


@pytest.fixture
def ami(clients) -> str:
    """An AMI moto knows (deploys take --ami; looking up the Deep Learning AMI needs the real SSM)."""
    return clients("ec2").register_image(Name="gpu-ami-stand-in", RootDeviceName="/dev/sda1")["ImageId"]


@pytest.fixture
def trained_data(data_dir: Path) -> Path:
    """A data folder with a small stand-in checkpoint per side (the deploy only uploads files)."""
    for side in ("left", "right"):
        model = data_dir / side / "model"
        model.mkdir(parents=True)
        (model / "checkpoint").write_text('model_checkpoint_path: "model-10"\n')
        (model / "hparams.json").write_text(json.dumps({"n_ctx": 1024, "n_embd": 32, "n_layer": 2}))
        (model / "model-10.data-00000-of-00001").write_bytes(bytes(range(256)) * 8)
        (model / "model-10.index").write_bytes(b"index of " + side.encode())
        (model / "events.out.tfevents.1.host").write_bytes(b"training log, not needed to serve")
        export_stand_in(model)
        (data_dir / side / "punkt.pickle").write_bytes(b"04_clean's sentence splitter for " + side.encode())
        (data_dir / side / "train.txt").write_text("training text stays home\n")
    return data_dir


STACK = "bb-test"


def export_stand_in(model: Path) -> Path:
    """A stand-in ``model/hf/`` that ``botbaby export`` would call current for this checkpoint (the deploy only
    uploads its files; the real export is tested in tests/export)."""
    from botbaby.export import INFO_NAME, checkpoint_id

    hf = model / "hf"
    hf.mkdir(exist_ok=True)
    (hf / "config.json").write_text(json.dumps({"model_type": "gpt2", "n_embd": 32, "n_layer": 2}))
    (hf / "model.safetensors").write_bytes(b"safetensors stand-in " * 64)
    (hf / "vocab.json").write_text("{}")
    (hf / "merges.txt").write_text("#version: 0.2\n")
    name, index_sha256 = checkpoint_id(model)
    (hf / INFO_NAME).write_text(json.dumps({"checkpoint": name, "index_sha256": index_sha256}))
    return hf


@pytest.fixture
def deployed(trained_data: Path, ami: str, aws_env):
    """Stack STACK deployed from ``trained_data`` on the moto server."""
    from botbaby.deploy.aws.stack import deploy_aws

    return deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0)


@pytest.fixture
def table_and_queue(clients) -> tuple[str, str, str]:
    """A cache table and a FIFO job queue with a dead-letter queue after 3 receives: (table, queue url, dlq url)."""
    clients("dynamodb").create_table(
        TableName="t-cache",
        AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    sqs = clients("sqs")
    dlq = sqs.create_queue(QueueName="t-dlq.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue = sqs.create_queue(
        QueueName="t-jobs.fifo",
        Attributes={
            "FifoQueue": "true",
            "VisibilityTimeout": "300",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3}),
        },
    )["QueueUrl"]
    return "t-cache", queue, dlq


class FakeGenerator:
    """Stand-in for a side's GPU generator (``botbaby.generate.Generator``): ten ranked posts, 6 POSITIVE, 4 NEGATIVE."""

    def __init__(self, side: str) -> None:
        self.side = side

    def generate(self, prompt, settings=None, seed=None):
        return SimpleNamespace(ranked=expected_posts(self.side, prompt))

    def close(self) -> None:
        pass


def expected_posts(side: str, prompt: str) -> list:
    """What FakeGenerator ranks for ``prompt``."""
    from botbaby.contract import Post

    return [
        Post(f"{prompt} ({side} #{i})", "NEGATIVE" if i % 3 == 0 else "POSITIVE", round(0.99 - i / 100, 2))
        for i in range(10)
    ]


@pytest.fixture
def factory():
    """The generator factory a worker takes (side -> generator), here the stand-in."""
    return FakeGenerator


@pytest.fixture
def expected():
    """expected(side, prompt): the ranked posts the stand-in generator gives."""
    return expected_posts


@pytest.fixture
def launched_worker_settings(clients):
    """launched_worker_settings(stack): the settings stack's user data writes to /etc/botbaby/worker.json."""
    import base64
    import re

    from botbaby.deploy.aws.worker import WorkerSettings

    def read(stack: str = STACK) -> WorkerSettings:
        version = clients("ec2").describe_launch_template_versions(
            LaunchTemplateName=f"{stack}-worker", Versions=["$Default"]
        )["LaunchTemplateVersions"][0]
        user_data = base64.b64decode(version["LaunchTemplateData"]["UserData"]).decode()
        text = re.search(r"<<'BOTBABY_WORKER_JSON'\n(.*?)\nBOTBABY_WORKER_JSON\n", user_data, re.S).group(1)
        return WorkerSettings.from_dict(json.loads(text))

    return read


@contextlib.contextmanager
def refused(client, operation: str, code: str, message: str = "refused by the test"):
    """While inside, ``client`` gets AWS's error ``code`` for ``operation`` (say "StartInstances"), the rest
    of its calls still reach the moto server. Yields the list of the refused calls' request bodies."""
    from types import SimpleNamespace

    refusals: list[dict] = []

    def refuse(params, **_):
        refusals.append(params.get("body"))
        return SimpleNamespace(status_code=400, headers={}), {"Error": {"Code": code, "Message": message}}

    event = f"before-call.{client.meta.service_model.service_id.hyphenize()}.{operation}"
    client.meta.events.register(event, refuse, unique_id=f"refuse-{operation}")
    try:
        yield refusals
    finally:
        client.meta.events.unregister(event, unique_id=f"refuse-{operation}")
