"""Nothing leaves a GPU running: each fail-safe layer of the worker, tested where it can run here.

User data powers off on any failure (run under bash with stand-in commands), the systemd unit gives
up and powers off after a few failures, the worker powers the OS off when StopInstances fails, a
job's visibility is extended while it runs, an expired receipt never kills the worker's thread,
and a CloudWatch alarm stops the worker after a long spell of low CPU.
"""

import configparser
import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from botbaby.contract import GenerateRequest
from botbaby.deploy.aws import artifacts
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.deploy.aws.worker import IdleStop, WorkerSettings, run
from botbaby.serve.ports import Job
from botbaby.serve.worker import Worker

HERE = Path(artifacts.__file__).parent

# A stand-in for every command the user data runs: records its arguments, fails when told to.
FAKE = """#!/bin/bash
echo "$(basename "$0") $*" >> "$FAKE_LOG"
if [ -n "${FAIL_ON:-}" ] && [[ "$(basename "$0") $*" == *"$FAIL_ON"* ]]; then exit 1; fi
case "$(basename "$0") $*" in
  "python3 -m venv "*|"python -m venv "*) mkdir -p "${@: -1}/bin" && cp "$0" "${@: -1}/bin/python" ;;
  *"import importlib.metadata"*) echo 2.21.0 ;;
  *"site.getsitepackages"*) echo /opt/pytorch/lib/python3.12/site-packages ;;
  *"sysconfig"*) mkdir -p "$FAKE_SITE" && echo "$FAKE_SITE" ;;
  *"import torch"*) echo 2.9.0+cu128 ;;
  *"python -") cat > /dev/null ;;
  "logger "*) cat > /dev/null ;;
esac
"""


@pytest.fixture
def user_data_run(tmp_path):
    """run(fail_on=None) -> (exit status, commands run, root): the tf engine's user data under bash, in a scratch root."""
    return user_data_runner(tmp_path, "tf")


def user_data_runner(tmp_path, engine):
    script = artifacts.render_user_data(
        {"bucket": "b"},
        "artifacts/1234/botbaby-0.1.0+gabc-py3-none-any.whl",
        "artifacts/5678/constraints.txt",
        "b",
        "us-east-1",
        engine,
    )
    (tmp_path / "user-data.sh").write_text(script)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for command in ("python3", "apt-get", "curl", "systemctl", "logger", "poweroff-stand-in"):
        (bin_dir / command).write_text(FAKE)
        (bin_dir / command).chmod(stat.S_IRWXU)
    root, log = tmp_path / "root", tmp_path / "commands.log"
    ami_python = root / "opt/pytorch/bin/python"  # the PyTorch AMI's Python (torch engine)
    ami_python.parent.mkdir(parents=True)
    ami_python.write_text(FAKE)
    ami_python.chmod(stat.S_IRWXU)

    def run_it(fail_on: str | None = None) -> tuple[int, list[str], Path]:
        env = {
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "BOTBABY_ROOT": str(root),
            "BOTBABY_POWEROFF": "poweroff-stand-in",
            "FAKE_LOG": str(log),
            "FAKE_SITE": str(root / "opt/botbaby/venv/lib/python3.12/site-packages"),
            **({"FAIL_ON": fail_on} if fail_on else {}),
        }
        log.write_text("")
        done = subprocess.run(["bash", str(tmp_path / "user-data.sh")], env=env, capture_output=True, timeout=60)
        return done.returncode, log.read_text().splitlines(), root

    return run_it


def test_user_data_that_succeeds_installs_the_units_and_does_not_power_off(user_data_run):
    status, commands, root = user_data_run()
    assert status == 0
    assert not any(c.startswith("poweroff-stand-in") for c in commands)
    assert "systemctl enable --now botbaby-journal.service botbaby-worker.service" in commands
    assert json.loads((root / "etc/botbaby/worker.json").read_text()) == {"bucket": "b"}
    for unit in ("botbaby-worker", "botbaby-poweroff", "botbaby-journal"):
        assert (root / f"etc/systemd/system/{unit}.service").read_text().strip() == (
            HERE / f"{unit}.service"
        ).read_text().strip()
    assert (root / "var/lib/cloud/scripts/per-boot/botbaby-install.sh").is_file()  # retried at every boot until done
    assert (root / "etc/botbaby/installed").is_file()

    status, commands, _ = user_data_run()  # the next boot: installed, nothing to do
    assert status == 0 and commands == []


@pytest.mark.parametrize("fail_on", ["python3 -m venv", "pip install -q -c", "systemctl daemon-reload"])
def test_user_data_that_fails_anywhere_powers_the_instance_off(user_data_run, fail_on):
    status, commands, root = user_data_run(fail_on=fail_on)
    assert status != 0
    assert commands[-1] == "poweroff-stand-in "
    assert not (root / "etc/botbaby/installed").exists()  # so the next boot tries again
    assert (root / "var/lib/cloud/scripts/per-boot/botbaby-install.sh").is_file()


def test_the_worker_unit_gives_up_after_a_few_failures_and_powers_off():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(HERE / "botbaby-worker.service")
    assert unit["Service"]["Restart"] == "on-failure"
    assert int(unit["Unit"]["StartLimitBurst"]) <= 5
    assert int(unit["Unit"]["StartLimitIntervalSec"]) > int(unit["Unit"]["StartLimitBurst"]) * int(
        unit["Service"]["RestartSec"]
    )  # the restarts fit in the interval, so the limit is reached
    assert unit["Unit"]["StartLimitAction"] == "poweroff"
    assert unit["Unit"]["OnFailure"] == "botbaby-poweroff.service"
    poweroff = configparser.ConfigParser(strict=False, interpolation=None)
    poweroff.read(HERE / "botbaby-poweroff.service")
    assert "systemctl poweroff" in poweroff["Service"]["ExecStart"]


def test_launch_template_stops_the_instance_when_the_os_powers_off(deployed, clients):
    data = clients("ec2").describe_launch_template_versions(LaunchTemplateName="bb-test-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]
    assert data["InstanceInitiatedShutdownBehavior"] == "stop"


def test_worker_powers_the_os_off_when_stop_instances_fails(deployed, clients, factory, launched_worker_settings):
    settings = launched_worker_settings()
    settings.idle_stop_s, settings.poll_s = 0.5, 0.1
    powered_off = threading.Event()
    # StopInstances for an instance that does not exist: AWS refuses, as it would without the permission.
    stats = run(settings, instance_id="i-0123456789abcdef0", factory=factory, poweroff=powered_off.set, stop_retry_s=0)
    assert powered_off.is_set()
    assert set(stats) == {"left", "right"}


def test_idle_stop_that_succeeds_does_not_power_off():
    done, powered_off = threading.Event(), threading.Event()
    idle = IdleStop(lambda: "stopping", done, powered_off.set, retry_wait_s=0)
    idle(None)
    assert done.is_set() and not powered_off.is_set()


def test_a_long_job_stays_invisible_while_its_heartbeat_runs(clients):
    sqs = clients("sqs")
    url = sqs.create_queue(QueueName="hb.fifo", Attributes={"FifoQueue": "true", "VisibilityTimeout": "1"})["QueueUrl"]
    queue = SqsQueue(url, clients, heartbeat_s=0.2)
    queue.submit(GenerateRequest("left", "Fuel prices"))
    job = queue.receive(wait_s=1)
    assert job is not None
    threading.Event().wait(2.5)  # longer than the visibility timeout: without the heartbeat it would be back
    assert SqsQueue(url, clients, heartbeat_s=0).receive(wait_s=0) is None
    queue.ack(job)
    assert queue.pending() == 0


def test_an_expired_receipt_is_logged_not_raised(clients, capsys):
    sqs = clients("sqs")
    url = sqs.create_queue(QueueName="exp.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    queue = SqsQueue(url, clients, heartbeat_s=0)
    stale = Job(request=GenerateRequest("left", "Fuel prices"), receipt="expired-receipt-handle", attempts=1)
    queue.ack(stale)
    queue.release(stale, error="too slow")
    assert capsys.readouterr().out.count("receipt expired") == 2


def test_an_expired_receipt_never_kills_the_worker_thread(clients, factory):
    """A crash mid-job whose release then meets an expired receipt: the side's thread goes on to the next job."""
    from botbaby.deploy.aws.cache import DynamoCache

    clients("dynamodb").create_table(
        TableName="exp-cache",
        AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    url = clients("sqs").create_queue(QueueName="exp2.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    queue = SqsQueue(url, clients, heartbeat_s=0)
    cache = DynamoCache("exp-cache", clients)
    queue.submit(GenerateRequest("left", "first"))
    queue.submit(GenerateRequest("left", "second"))
    calls = []

    class CrashOnFirst:
        def __init__(self, side):
            self.inner = factory(side)

        def generate(self, prompt, settings=None, seed=None):
            calls.append(prompt)
            if calls == ["first"]:
                # The job outlived its receipt (SQS gave it back), then the worker died mid-job.
                queue._sqs.change_message_visibility(
                    QueueUrl=url, ReceiptHandle=worker.current.receipt, VisibilityTimeout=0
                )
                object.__setattr__(worker.current, "receipt", "expired-receipt-handle")
                raise SystemExit("worker killed mid-job")
            return self.inner.generate(prompt, settings, seed)

        def close(self):
            pass

    worker = Worker("left", CrashOnFirst, cache, queue, idle_s=60)
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(stop, 0.2), daemon=True)
    thread.start()
    for _ in range(100):
        if worker.stats["done"]:
            break
        threading.Event().wait(0.1)
    stop.set()
    thread.join(10)
    assert worker.stats["crashed"] == 1 and worker.stats["done"] >= 1
    assert "second" in calls


def test_a_cloudwatch_alarm_stops_the_worker_after_30_minutes_of_low_cpu(deployed, clients):
    alarm = clients("cloudwatch").describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    assert alarm["AlarmActions"] == ["arn:aws:automate:us-east-1:ec2:stop"]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": deployed.instance_id}]
    assert (alarm["Namespace"], alarm["MetricName"], alarm["ComparisonOperator"]) == (
        "AWS/EC2",
        "CPUUtilization",
        "LessThanThreshold",
    )
    assert alarm["Period"] * alarm["EvaluationPeriods"] == 30 * 60
    assert alarm["ActionsEnabled"] is True


def test_the_worker_settings_json_the_user_data_writes_is_what_the_worker_reads(launched_worker_settings, deployed):
    settings = launched_worker_settings()
    assert isinstance(settings, WorkerSettings)
    assert os.path.basename(settings.data) == "data"
