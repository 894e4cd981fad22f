"""The GPU worker on EC2: pull the checkpoints, answer queued prompts, stop the instance when idle.

    python -m botbaby.deploy.aws.worker --config /etc/botbaby/worker.json

``botbaby deploy aws`` writes that config and a systemd unit (``botbaby-worker.service``) through
the instance's user data (``user-data.sh``). At every boot the worker downloads the checkpoints
that changed on S3, then runs ``botbaby serve``'s own worker loop (``botbaby.serve.worker.Worker``),
one thread per side on that side's SQS FIFO queue, each loading its model once; answers go to
DynamoDB, each new prompt is appended to ``prompts.json`` next to the page (the page's
autocomplete), and once every side has been idle for ``idle_stop_s`` (15 minutes) the worker stops
its own instance, whose id it reads from the instance metadata service (IMDSv2). A worker whose
launch template got a newer default version (a deploy changed it) finishes the jobs it holds and
stops its instance the same way, within ``version_check_s``; the next prompt or deploy replaces it
by a worker from the new version (``VersionWatch``, ``fleet.py``). If AWS refuses
that ``StopInstances``, the worker powers the OS off instead (the instance's shutdown behaviour is
"stop", so that stops it too): a worker never leaves its GPU running because an API call failed.
At start it checks that its engine (torch: the PyTorch AMI's CUDA torch and the exported
``model/hf/``, the default; or tf) sees the GPU and logs a loud warning if not (a CUDA library
problem silently falls back to the CPU, 20x slower).

Tests drive the same code with the SQS and DynamoDB backends against a moto server and a small
stand-in generator.
"""

import argparse
import functools
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botbaby.config import StageConfig
from botbaby.contract import GenerateRequest, Post
from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.deploy.aws.fleet import VERSION_TAG, default_version, tags_of
from botbaby.deploy.aws.policies import MODELS_PREFIX, PROMPTS_KEY
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import Layout, check_side
from botbaby.serve.ports import Cache
from botbaby.serve.worker import IDLE_MINUTES, GeneratorFactory, Worker

__all__ = ["MODELS_PREFIX", "PROMPTS_KEY", "WorkerSettings", "run", "main"]

IMDS_URL = "http://169.254.169.254"  # the EC2 instance metadata service
POWEROFF = ("shutdown", "-h", "now")  # with shutdown behaviour "stop", this stops the instance
STOP_TRIES = 3  # StopInstances attempts before the worker powers the OS off instead


@dataclass
class WorkerSettings(StageConfig):
    """What the worker needs to know; ``botbaby deploy aws`` writes it as /etc/botbaby/worker.json."""

    region: str = "us-east-1"  # the deployment's region
    bucket: str = ""  # the site bucket: checkpoints under models/, prompts.json at the top
    cache_table: str = ""  # DynamoDB table of answers
    queue_urls: dict[str, str] = field(default_factory=dict)  # side -> its SQS FIFO job queue
    data: str = "/opt/botbaby/data"  # where the checkpoints are unpacked (DATA/SIDE/model)
    sentiment: str = "vader"  # sentiment backend for ranking: "vader" (on the instance) or "comprehend"
    engine: str = "torch"  # sampling engine: "torch" (the AMI's CUDA torch, model/hf/) or "tf"
    idle_stop_s: float = IDLE_MINUTES * 60  # stop the instance after this many seconds without a job
    poll_s: float = 20.0  # SQS long-poll wait per receive, seconds (at most 20)
    endpoint_url: str = ""  # AWS endpoint override (tests, LocalStack); empty on AWS
    log_group: str = ""  # CloudWatch log group the journal is shipped to; empty: none
    launch_template: str = ""  # the stack's launch template: a newer default version retires this worker
    version_check_s: float = 60.0  # how often the worker checks that its launch template version is current

    def validate(self) -> None:
        for name in ("bucket", "cache_table", "queue_urls"):
            if not getattr(self, name):
                raise ConfigError(f"worker setting '{name}' is empty: redeploy with `botbaby deploy aws`")
        for side in self.queue_urls:
            check_side(side)
        if self.engine not in ("torch", "tf"):
            raise ConfigError(f"worker engine must be torch or tf, got {self.engine!r}")
        if self.idle_stop_s <= 0 or not 0 <= self.poll_s <= 20 or self.version_check_s <= 0:
            raise ConfigError("idle_stop_s and version_check_s must be > 0 and poll_s between 0 and 20")

    @property
    def sides(self) -> list[str]:
        return list(self.queue_urls)


class PromptRecordingCache:
    """The cache port, plus: every newly answered prompt is appended to the page's prompts.json."""

    def __init__(self, cache: Cache, prompts: "PromptsFile") -> None:
        self.cache, self.prompts_file = cache, prompts

    def lookup(self, key: str, client: str = "") -> list[Post] | None:
        return self.cache.lookup(key, client)

    def peek(self, key: str) -> list[Post] | None:
        return self.cache.peek(key)

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        self.cache.store(request, posts)
        try:
            self.prompts_file.append([request.prompt])
        except Exception as exc:  # the answer is stored; autocomplete missing one prompt must not fail the job
            print(f"botbaby worker: could not add {request.prompt!r} to {self.prompts_file.key}: {exc}", flush=True)

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        return self.cache.prompts(side, prefix, limit)

    def popular(self, limit: int = 10) -> list[dict]:
        return self.cache.popular(limit)


class IdleStop:
    """The side workers' shared idle hook: once every one of them is idle, stop the instance.

    ``botbaby.serve.worker.Worker`` calls its idle hook once per idle spell; whichever worker goes
    idle last finds the others idle too and stops the instance (and ends the run).
    """

    def __init__(
        self,
        stop_instance: Callable[[], Any],
        done: threading.Event,
        poweroff: Callable[[], Any] | None = None,
        retry_wait_s: float = 10.0,
    ) -> None:
        self.stop_instance, self.done = stop_instance, done
        self.poweroff = poweroff or power_off
        self.retry_wait_s = retry_wait_s
        self.workers: list[Worker] = []
        self.stopped = False
        self._lock = threading.Lock()

    def __call__(self, worker: Worker) -> None:
        with self._lock:
            if self.stopped or any(not w.idle_hook_ran or w.current is not None for w in self.workers):
                return
        self.stop("every side is idle")

    def stop(self, why: str) -> None:
        """Stop this instance (once), powering the OS off if AWS refuses; then end the run."""
        with self._lock:
            if self.stopped:
                return
            self.stopped = True
        print(f"botbaby worker: {why}, stopping this instance", flush=True)
        for attempt in range(1, STOP_TRIES + 1):
            try:
                self.stop_instance()
                break
            except Exception as exc:
                print(f"botbaby worker: StopInstances failed (try {attempt} of {STOP_TRIES}): {exc}", flush=True)
                if attempt < STOP_TRIES:
                    time.sleep(self.retry_wait_s)
        else:
            # The API refused (permissions, throttling, an outage): power off from inside, which stops it too.
            print("botbaby worker: powering the OS off instead (shutdown behaviour: stop)", flush=True)
            self.poweroff()
        self.done.set()


class VersionWatch:
    """Retires a worker whose launch template has a newer default version (a deploy changed sides, type, AMI, code).

    Every ``every_s`` it compares the instance's ``botbaby:template-version`` tag with the template's
    default version; once they differ it sets ``done``: each side's worker finishes the job it holds
    and leaves its loop, and ``run`` then stops the instance. Stopped, the worker is replaced by one
    from the new version at the next prompt (the Lambda, ``fleet.py``) or the next deploy. A check
    that fails (throttling, a missing permission) is logged and changes nothing.
    """

    def __init__(self, outdated: Callable[[], str | None], done: threading.Event, every_s: float) -> None:
        self.outdated, self.done, self.every_s = outdated, done, every_s
        self.reason: str | None = None
        self._thread = threading.Thread(target=self._run, name="botbaby-version-watch", daemon=True)

    def start(self) -> "VersionWatch":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self.done.wait(self.every_s):
            try:
                reason = self.outdated()
            except Exception as exc:
                print(f"botbaby worker: could not check the launch template version: {exc}", flush=True)
                continue
            if reason:
                self.reason = reason
                print(f"botbaby worker: {reason}: finishing the current jobs, then stopping", flush=True)
                self.done.set()
                return


def template_outdated(clients: AwsClients, template: str, instance_id: str) -> str | None:
    """Why this instance is outdated (launched from an older version of ``template`` than its default), or None."""
    ec2 = clients("ec2")
    reservations = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"]
    launched_from = tags_of(reservations[0]["Instances"][0]).get(VERSION_TAG)
    default = default_version(ec2, template)
    if launched_from is None or launched_from == default:
        return None
    return f"launch template {template} is at version {default}, this worker is from version {launched_from}"


def power_off() -> None:
    """Power the machine off; with the instance's shutdown behaviour "stop" that stops the instance."""
    subprocess.run(POWEROFF, check=False)


def check_gpu(gpus: Sequence[str], engine: str = "tf") -> str:
    """A line for the log: the GPUs the engine sees, or a loud warning that generation runs on the CPU."""
    if gpus:
        return f"botbaby worker: GPUs {', '.join(gpus)}"
    framework, hint = {
        "tf": ("TensorFlow", "LD_LIBRARY_PATH and the CUDA/cuDNN pip\nbotbaby worker: WARNING packages of "
               "tensorflow[and-cuda] in /opt/botbaby/venv"),
        "torch": ("PyTorch", "that /opt/botbaby/venv sees the AMI's CUDA torch\nbotbaby worker: WARNING "
                  "(`/opt/botbaby/venv/bin/python -c 'import torch; print(torch.__file__)'`)"),
    }[engine]  # fmt: skip
    return (
        "botbaby worker: WARNING " + "!" * 40 + "\n"
        f"botbaby worker: WARNING {framework} sees NO GPU: every generation runs on the CPU, about 20x slower.\n"
        f"botbaby worker: WARNING check `nvidia-smi` (the AMI's driver), {hint}; redeploy with --ami if needed.\n"
        "botbaby worker: WARNING " + "!" * 40
    )


def torch_gpu_names() -> list[str]:
    """Names of the GPUs PyTorch can use (empty when none)."""
    import torch

    return [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]


class PromptsFile:
    """``prompts.json`` on S3: the list of known prompts the page offers for autocomplete."""

    def __init__(self, bucket: str, clients: AwsClients, key: str = PROMPTS_KEY) -> None:
        self.bucket, self.key = bucket, key
        self._s3 = clients("s3")
        self._lock = threading.Lock()  # the side workers share this file: one read-modify-write at a time

    def read(self) -> list[str]:
        try:
            body = self._s3.get_object(Bucket=self.bucket, Key=self.key)["Body"].read()
        except Exception as exc:
            if error_code(exc) in ("NoSuchKey", "404"):
                return []
            raise
        prompts = json.loads(body or b"[]")
        return [prompt for prompt in prompts if isinstance(prompt, str)] if isinstance(prompts, list) else []

    def append(self, prompts: Sequence[str]) -> int:
        """Add the prompts not yet listed (case-insensitively); return how many were added."""
        with self._lock:
            return self._append(prompts)

    def _append(self, prompts: Sequence[str]) -> int:
        known = self.read()
        seen = {prompt.lower() for prompt in known}
        new = [prompt for prompt in dict.fromkeys(prompts) if prompt.lower() not in seen]
        if new:
            self._s3.put_object(
                Bucket=self.bucket,
                Key=self.key,
                Body=json.dumps(known + new).encode(),
                ContentType="application/json",
                CacheControl="max-age=60",
            )
        return len(new)


def instance_id_from_imds(base_url: str = IMDS_URL, timeout_s: float = 2.0) -> str:
    """This instance's id, read from the metadata service with an IMDSv2 session token."""
    token_request = urllib.request.Request(
        f"{base_url}/latest/api/token", method="PUT", headers={"X-aws-ec2-metadata-token-ttl-seconds": "300"}
    )
    with urllib.request.urlopen(token_request, timeout=timeout_s) as response:
        token = response.read().decode()
    id_request = urllib.request.Request(
        f"{base_url}/latest/meta-data/instance-id", headers={"X-aws-ec2-metadata-token": token}
    )
    with urllib.request.urlopen(id_request, timeout=timeout_s) as response:
        return response.read().decode().strip()


def stop_instance(clients: AwsClients, instance_id: str) -> str:
    """Stop ``instance_id`` (the worker's own instance); return the state it moves to."""
    changes = clients("ec2").stop_instances(InstanceIds=[instance_id])["StoppingInstances"]
    return changes[0]["CurrentState"]["Name"]


def pull_models(clients: AwsClients, bucket: str, sides: Sequence[str], data: Path) -> dict[str, str]:
    """Download and unpack each side's archive (``model/``, ``punkt.pickle``) unless it is already here.

    Returns ``{side: "downloaded" | "unchanged"}``. The archive's sha256 (S3 metadata, written by
    the deploy) is kept next to the model, so a restart downloads nothing new.
    """
    s3 = clients("s3")
    actions = {}
    for side in sides:
        key = f"{MODELS_PREFIX}{side}.tar.gz"
        paths = Layout(Path(data)).side(side)
        stamp = paths.root / ".model.sha256"
        remote = s3.head_object(Bucket=bucket, Key=key).get("Metadata", {}).get("sha256", "")
        if remote and stamp.is_file() and stamp.read_text().strip() == remote and paths.model_dir.is_dir():
            actions[side] = "unchanged"
            continue
        paths.root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=paths.root) as tmp:
            archive = Path(tmp) / "model.tar.gz"
            s3.download_file(bucket, key, str(archive))
            digest = _sha256(archive)
            if remote and digest != remote:
                raise ConfigError(f"s3://{bucket}/{key} is corrupt (sha256 {digest} != {remote}): redeploy")
            unpacked = Path(tmp) / "unpacked"
            with tarfile.open(archive) as tar:
                tar.extractall(unpacked, filter="data")
            for name in (paths.model_dir.name, paths.punkt.name):  # the checkpoint, the sentence splitter
                if (unpacked / name).exists():
                    if (paths.root / name).exists():
                        (paths.root / name).rename(Path(tmp) / f"old-{name}")
                    (unpacked / name).rename(paths.root / name)
        stamp.write_text(digest + "\n")
        actions[side] = "downloaded"
    return actions


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(
    settings: WorkerSettings,
    instance_id: str | None = None,
    factory: GeneratorFactory | None = None,
    poweroff: Callable[[], Any] | None = None,
    stop_retry_s: float = 10.0,
) -> dict:
    """The worker's whole life on one boot: pull models, answer jobs per side, stop the instance when idle.

    One ``botbaby.serve.worker.Worker`` thread per side, each on its side's queue, each loading its
    model once; returns each worker's counters once the instance has been stopped.
    """
    clients = AwsClients(settings.region, settings.endpoint_url or None)
    if factory is None:
        data = Path(settings.data)
        print(f"botbaby worker: models {pull_models(clients, settings.bucket, settings.sides, data)}", flush=True)
        from botbaby.generate import Generator  # torch or TensorFlow: only on the GPU worker, never in the Lambda
        from botbaby.notebook import gpu_names

        gpus = torch_gpu_names() if settings.engine == "torch" else gpu_names()
        print(check_gpu(gpus, settings.engine), flush=True)
        factory = functools.partial(Generator, data, sentiment=settings.sentiment, engine=settings.engine)
    instance_id = instance_id or instance_id_from_imds()
    done = threading.Event()
    idle = IdleStop(lambda: stop_instance(clients, instance_id), done, poweroff, retry_wait_s=stop_retry_s)
    answers = DynamoCache(settings.cache_table, clients)
    cache = PromptRecordingCache(answers, PromptsFile(settings.bucket, clients))
    for side, url in settings.queue_urls.items():
        # A job out of tries is marked failed, so the page gets a 422 instead of waiting forever.
        queue = SqsQueue(
            url, clients, sides=[side], on_dead=lambda job, error: answers.fail(job.request, error, job.attempts)
        )
        idle.workers.append(Worker(side, factory, cache, queue, idle_s=settings.idle_stop_s, on_idle=idle))
    threads = [
        threading.Thread(target=worker.run, args=(done, settings.poll_s), name=f"botbaby-{worker.side}", daemon=True)
        for worker in idle.workers
    ]
    for thread in threads:
        thread.start()
    watch = None
    if settings.launch_template:
        watch = VersionWatch(
            lambda: template_outdated(clients, settings.launch_template, instance_id), done, settings.version_check_s
        ).start()
    for thread in threads:
        thread.join()
    if watch is not None and watch.reason:  # each side finished its job: make way for the new version
        idle.stop(watch.reason)
    return {worker.side: dict(worker.stats) for worker in idle.workers}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botbaby.deploy.aws.worker", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("/etc/botbaby/worker.json"), help="worker settings (JSON)")
    args = parser.parse_args(argv)
    try:
        settings = WorkerSettings.from_dict(json.loads(args.config.read_text()))
    except (OSError, ValueError, BotbabyError) as exc:  # one line in the journal, not a traceback
        print(f"botbaby worker: cannot read {args.config}: {exc}; redeploy with `botbaby deploy aws`", file=sys.stderr)
        return 2
    print(f"botbaby worker: {run(settings)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
