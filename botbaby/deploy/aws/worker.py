"""The GPU worker on EC2: pull the checkpoints, answer queued prompts, stop the instance when idle.

    python -m botbaby.deploy.aws.worker --config /etc/botbaby/worker.json

``botbaby deploy aws`` writes that config and a systemd unit (``botbaby-worker.service``) through
the instance's user data (``user-data.sh``). At every boot the worker downloads the checkpoints
that changed on S3, loads each side's model once, then takes jobs from the SQS FIFO queue, writes
the ranked posts to DynamoDB, appends the new prompt to ``prompts.json`` next to the page (the
page's autocomplete), and after ``idle_stop_s`` (15 minutes) without a job stops its own instance,
whose id it reads from the instance metadata service (IMDSv2).

The loop itself (``consume``) is backend-agnostic: tests drive it with the SQS and DynamoDB
backends against a moto server and a small stand-in generator.
"""

import argparse
import hashlib
import json
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botbaby.config import StageConfig
from botbaby.contract import GenerateRequest, Post
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.errors import ConfigError
from botbaby.layout import Layout, check_side
from botbaby.serve.ports import Cache, JobQueue

IMDS_URL = "http://169.254.169.254"  # the EC2 instance metadata service
PROMPTS_KEY = "prompts.json"  # the page's autocomplete file, next to index.html
MODELS_PREFIX = "models/"  # s3://BUCKET/models/SIDE.tar.gz: one checkpoint archive per side


@dataclass
class WorkerSettings(StageConfig):
    """What the worker needs to know; ``botbaby deploy aws`` writes it as /etc/botbaby/worker.json."""

    region: str = "us-east-1"  # the deployment's region
    bucket: str = ""  # the site bucket: checkpoints under models/, prompts.json at the top
    cache_table: str = ""  # DynamoDB table of answers
    queue_url: str = ""  # SQS FIFO queue of jobs
    sides: list[str] = field(default_factory=lambda: ["left", "right"])  # one model per side
    data: str = "/opt/botbaby/data"  # where the checkpoints are unpacked (DATA/SIDE/model)
    idle_stop_s: float = 900.0  # stop the instance after this many seconds without a job (15 minutes)
    poll_s: float = 20.0  # SQS long-poll wait per receive, seconds (at most 20)
    endpoint_url: str = ""  # AWS endpoint override (tests, LocalStack); empty on AWS

    def validate(self) -> None:
        for name in ("bucket", "cache_table", "queue_url"):
            if not getattr(self, name):
                raise ConfigError(f"worker setting '{name}' is empty: redeploy with `botbaby deploy aws`")
        for side in self.sides:
            check_side(side)
        if self.idle_stop_s <= 0 or not 0 <= self.poll_s <= 20:
            raise ConfigError("idle_stop_s must be > 0 and poll_s between 0 and 20")


@dataclass
class WorkerStats:
    """What one run of the loop did."""

    done: int = 0  # jobs answered
    failed: int = 0  # jobs released after an error (dead-lettered after the queue's maxReceiveCount)
    stopped: bool = False  # the idle hook ran


def consume(
    queue: JobQueue,
    cache: Cache,
    generate: Callable[[GenerateRequest], list[Post]],
    *,
    idle_s: float,
    on_idle: Callable[[], None],
    on_done: Callable[[GenerateRequest], None] = lambda request: None,
    poll_s: float = 20.0,
    clock: Callable[[], float] = time.monotonic,
    max_jobs: int | None = None,
) -> WorkerStats:
    """Answer jobs until the queue has been empty for ``idle_s``, then call ``on_idle`` and return.

    A job is acked only after its answer is in the cache, so a crash mid-job leaves it to be
    retried; a job whose generation raises is released, and the queue dead-letters it after too
    many tries. ``max_jobs`` ends the loop early (tests).
    """
    stats = WorkerStats()
    last_work = clock()
    while max_jobs is None or stats.done + stats.failed < max_jobs:
        job = queue.receive(wait_s=poll_s)
        if job is None:
            if clock() - last_work >= idle_s:
                on_idle()
                stats.stopped = True
                return stats
            continue
        try:
            if _peek(cache, job.id) is None:  # a duplicate of a job already answered costs nothing
                cache.store(job.request, generate(job.request))
        except Exception as exc:
            print(f"botbaby worker: job {job.id} failed (attempt {job.attempts}): {exc!r}", flush=True)
            queue.release(job)
            stats.failed += 1
        else:
            queue.ack(job)
            on_done(job.request)
            stats.done += 1
        last_work = clock()
    return stats


def _peek(cache: Cache, key: str) -> list[Post] | None:
    peek = getattr(cache, "peek", None)
    return peek(key) if peek is not None else None


class PromptsFile:
    """``prompts.json`` on S3: the list of known prompts the page offers for autocomplete."""

    def __init__(self, bucket: str, clients: AwsClients, key: str = PROMPTS_KEY) -> None:
        self.bucket, self.key = bucket, key
        self._s3 = clients("s3")

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
    """Download and unpack each side's checkpoint archive unless the local copy is already that one.

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
            if paths.model_dir.exists():
                paths.model_dir.rename(Path(tmp) / "old-model")
            (unpacked / "model").rename(paths.model_dir)
        stamp.write_text(digest + "\n")
        actions[side] = "downloaded"
    return actions


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_generate(data: Path, sides: Sequence[str]) -> Callable[[GenerateRequest], list[Post]]:
    """Load every side's model once (``botbaby.generate``) and return request -> ranked posts."""
    from botbaby.generate import Generator  # TensorFlow: only on the GPU worker, never in the Lambda

    generators = {side: Generator(data, side) for side in sides}

    def generate(request: GenerateRequest) -> list[Post]:
        return list(generators[request.side].generate(request.prompt, request.settings).ranked)

    return generate


def run(settings: WorkerSettings, instance_id: str | None = None, generate: Any = None) -> WorkerStats:
    """The worker's whole life on one boot: pull models, answer jobs, stop the instance when idle."""
    from botbaby.deploy.aws.cache import DynamoCache
    from botbaby.deploy.aws.queue import SqsQueue

    clients = AwsClients(settings.region, settings.endpoint_url or None)
    data = Path(settings.data)
    if generate is None:
        print(f"botbaby worker: models {pull_models(clients, settings.bucket, settings.sides, data)}", flush=True)
        generate = load_generate(data, settings.sides)
    instance_id = instance_id or instance_id_from_imds()
    prompts = PromptsFile(settings.bucket, clients)

    def on_idle() -> None:
        print(f"botbaby worker: idle for {settings.idle_stop_s:.0f} s, stopping {instance_id}", flush=True)
        stop_instance(clients, instance_id)

    return consume(
        SqsQueue(settings.queue_url, clients, sides=settings.sides),
        DynamoCache(settings.cache_table, clients),
        generate,
        idle_s=settings.idle_stop_s,
        on_idle=on_idle,
        on_done=lambda request: prompts.append([request.prompt]),
        poll_s=settings.poll_s,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botbaby.deploy.aws.worker", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("/etc/botbaby/worker.json"), help="worker settings (JSON)")
    args = parser.parse_args(argv)
    settings = WorkerSettings.from_dict(json.loads(args.config.read_text()))
    stats = run(settings)
    print(f"botbaby worker: {stats}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
