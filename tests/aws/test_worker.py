"""The GPU worker on EC2: its user data and unit, IMDSv2, the checkpoint pull, and stopping itself when idle."""

import base64
import http.server
import re
import subprocess
import threading

import pytest

from botbaby.contract import GenerateRequest
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.deploy.aws.worker import PromptsFile, WorkerSettings, instance_id_from_imds, main, pull_models, run

STACK = "bb-test"


def user_data(clients) -> str:
    version = clients("ec2").describe_launch_template_versions(
        LaunchTemplateName=f"{STACK}-worker", Versions=["$Default"]
    )["LaunchTemplateVersions"][0]
    return base64.b64decode(version["LaunchTemplateData"]["UserData"]).decode()


def instance_state(clients, instance_id):
    return clients("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["State"][
        "Name"
    ]


def test_user_data_is_valid_bash_that_installs_the_shipped_wheel_and_enables_the_worker_unit(
    deployed, clients, tmp_path, launched_worker_settings
):
    script = user_data(clients)
    (tmp_path / "user-data.sh").write_text(script)
    subprocess.run(["bash", "-n", str(tmp_path / "user-data.sh")], check=True)
    assert not re.findall(r"@[A-Z0-9_]+@", script)  # every placeholder filled in
    assert "git+" not in script and "github.com" not in script  # no network install of botbaby
    bucket = f"{STACK}-123456789012-us-east-1"
    wheel_key = re.search(r'download_file\("[^"]+", "(artifacts/[^"]+\.whl)"', script).group(1)
    constraints_key = re.search(r'download_file\("[^"]+", "(artifacts/[^"]+/constraints\.txt)"', script).group(1)
    s3 = clients("s3")
    assert s3.head_object(Bucket=bucket, Key=wheel_key)["ContentLength"] > 0
    assert s3.head_object(Bucket=bucket, Key=constraints_key)["ContentLength"] > 0
    assert (
        f'pip install -q -c "$ROOT/opt/botbaby/constraints.txt" "$ROOT/opt/botbaby/{wheel_key.rsplit("/", 1)[1]}[torch,aws,serve]"'
        in script
    )  # the default engine, torch: tests/aws/test_torch_worker.py runs this script
    assert 'ENGINE="torch"' in script and '"$AMI_PYTHON" -m venv --system-site-packages --without-pip "$VENV"' in script
    assert (
        "ExecStart=/opt/botbaby/venv/bin/python -m botbaby.deploy.aws.worker --config /etc/botbaby/worker.json"
        in script
    )
    assert "systemctl enable --now botbaby-journal.service botbaby-worker.service" in script
    settings = launched_worker_settings()
    assert (settings.bucket, settings.cache_table, settings.sides, settings.log_group) == (
        bucket,
        f"{STACK}-cache",
        ["left", "right"],
        f"/botbaby/{STACK}/worker",
    )
    assert settings.queue_urls["left"].endswith(f"/{STACK}-left-jobs.fifo") and settings.idle_stop_s == 900


def test_worker_answers_each_sides_jobs_appends_prompts_and_stops_its_own_instance_when_idle(
    deployed, clients, factory, expected, launched_worker_settings
):
    settings = launched_worker_settings()
    settings.idle_stop_s, settings.poll_s = 1.0, 0.2
    SqsQueue(settings.queue_urls["right"], clients).submit(GenerateRequest("right", "Border control"))
    SqsQueue(settings.queue_urls["left"], clients).submit(GenerateRequest("left", "Fuel prices"))
    assert instance_state(clients, deployed.instance_id) == "running"

    stats = run(settings, instance_id=deployed.instance_id, factory=factory)

    assert {side: (s["done"], s["failed"], s["loads"]) for side, s in stats.items()} == {
        "left": (1, 0, 1),
        "right": (1, 0, 1),
    }
    assert instance_state(clients, deployed.instance_id) == "stopped"
    cache = DynamoCache(settings.cache_table, clients)
    assert cache.peek(GenerateRequest("right", "Border control").key) == expected("right", "Border control")
    assert cache.peek(GenerateRequest("left", "Fuel prices").key) == expected("left", "Fuel prices")
    assert sorted(PromptsFile(settings.bucket, clients).read()) == ["Border control", "Fuel prices"]


def test_idle_stop_waits_until_every_side_is_idle():
    import threading

    from botbaby.deploy.aws.worker import IdleStop

    stops = []
    idle = IdleStop(lambda: stops.append("stop"), threading.Event())
    left, right = (type("W", (), {"idle_hook_ran": False, "current": None})() for _ in range(2))
    idle.workers.extend([left, right])
    left.idle_hook_ran = True
    idle(left)
    assert stops == [] and not idle.done.is_set()  # the right side may still get work
    right.idle_hook_ran = True
    idle(right)
    assert stops == ["stop"] and idle.done.is_set()


def test_prompts_file_appends_only_new_prompts(deployed, clients):
    prompts = PromptsFile(f"{STACK}-123456789012-us-east-1", clients)
    assert prompts.append(["Fuel prices", "Taxes"]) == 2
    assert prompts.append(["fuel PRICES", "Schools"]) == 1
    assert prompts.read() == ["Fuel prices", "Taxes", "Schools"]


def test_models_are_pulled_from_s3_once_and_again_only_when_changed(deployed, clients, trained_data, tmp_path, ami):
    from botbaby.deploy.aws.stack import deploy_aws

    bucket, local = f"{STACK}-123456789012-us-east-1", tmp_path / "instance-data"
    assert pull_models(clients, bucket, ["left", "right"], local) == {"left": "downloaded", "right": "downloaded"}
    for side in ("left", "right"):
        original = trained_data / side / "model" / "hf"  # the torch engine (the default) ships the export alone
        pulled = local / side / "model"
        assert [p.name for p in pulled.iterdir()] == ["hf"]
        assert sorted(p.name for p in (pulled / "hf").iterdir()) == sorted(p.name for p in original.iterdir())
        assert (pulled / "hf" / "model.safetensors").read_bytes() == (original / "model.safetensors").read_bytes()
        assert (local / side / "punkt.pickle").read_bytes() == (trained_data / side / "punkt.pickle").read_bytes()
        assert not (local / side / "train.txt").exists()
    assert pull_models(clients, bucket, ["left", "right"], local) == {"left": "unchanged", "right": "unchanged"}

    (trained_data / "left" / "model" / "hf" / "model.safetensors").write_bytes(b"exported again")
    deploy_aws(trained_data, name=STACK, region="us-east-1", ami=ami, retry_wait_s=0)
    assert pull_models(clients, bucket, ["left", "right"], local) == {"left": "downloaded", "right": "unchanged"}
    assert (local / "left" / "model" / "hf" / "model.safetensors").read_bytes() == b"exported again"


class _FakeImds(http.server.BaseHTTPRequestHandler):
    """The two IMDSv2 calls: PUT a token, then GET the instance id with it."""

    def do_PUT(self):
        assert self.path == "/latest/api/token" and self.headers["X-aws-ec2-metadata-token-ttl-seconds"]
        self._reply(200, b"token-123")

    def do_GET(self):
        if self.headers.get("X-aws-ec2-metadata-token") != "token-123":
            self._reply(401, b"")
        else:
            self._reply(200 if self.path == "/latest/meta-data/instance-id" else 404, b"i-0123456789abcdef0")

    def _reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_instance_id_is_read_from_imdsv2_with_a_session_token():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeImds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert instance_id_from_imds(f"http://127.0.0.1:{server.server_address[1]}") == "i-0123456789abcdef0"
    finally:
        server.shutdown()


def test_worker_settings_refuse_unknown_keys_and_empty_resources():
    from botbaby.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown setting 'queue'"):
        WorkerSettings.from_dict({"queue": "x", "bucket": "b", "cache_table": "t", "queue_urls": {"left": "q"}})
    with pytest.raises(ConfigError, match="'bucket' is empty"):
        WorkerSettings.from_dict({"cache_table": "t", "queue_urls": {"left": "q"}})


def test_an_unwritable_prompts_file_does_not_fail_the_job(clients, table_and_queue, capsys):
    from botbaby.contract import Post
    from botbaby.deploy.aws.worker import PromptRecordingCache

    cache = PromptRecordingCache(DynamoCache(table_and_queue[0], clients), PromptsFile("no-such-bucket", clients))
    request, posts = GenerateRequest("left", "Fuel prices"), [Post("a post", "NEUTRAL", 0.5)]
    cache.store(request, posts)
    assert cache.peek(request.key) == posts
    assert "could not add 'Fuel prices' to prompts.json" in capsys.readouterr().out


@pytest.mark.parametrize("content", [None, "{not json", '{"bucket": "b", "colour": "blue"}'])
def test_a_worker_config_it_cannot_use_is_one_line_in_the_journal_not_a_traceback(tmp_path, capsys, content):
    config = tmp_path / "worker.json"
    if content is not None:
        config.write_text(content)
    assert main(["--config", str(config)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert str(config) in error and "botbaby deploy aws" in error
