"""Ship lines from stdin (the worker's journal) to the stack's CloudWatch log group, so a worker can be debugged.

    journalctl --boot --follow --no-tail | python -m botbaby.deploy.aws.logship --config /etc/botbaby/worker.json

``botbaby-journal.service`` runs exactly that on the worker. Lines go to the stream
``INSTANCE-ID/BOOT-TIME`` of ``WorkerSettings.log_group`` in batches (every ``flush_s`` seconds
or ``batch`` lines), so the install, the GPU check and every job can be read with
``aws logs tail /botbaby/NAME/worker --follow`` while the instance runs or after it stopped.
"""

import argparse
import json
import queue
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from botbaby.deploy.aws.clients import AwsClients, error_code

MAX_EVENT_BYTES = 256 * 1024 - 26  # CloudWatch's limit per event (minus its per-event overhead)


class LogShipper:
    """Batches lines and puts them to one CloudWatch Logs stream."""

    def __init__(self, logs: Any, group: str, stream: str, batch: int = 500) -> None:
        self.logs, self.group, self.stream, self.batch = logs, group, stream, batch
        self.shipped = 0
        try:
            logs.create_log_stream(logGroupName=group, logStreamName=stream)
        except Exception as exc:
            if error_code(exc) != "ResourceAlreadyExistsException":
                raise

    def ship(self, lines: list[str]) -> None:
        """Put ``lines`` (in order, now-stamped) to the stream, ``batch`` at a time."""
        now = int(time.time() * 1000)
        events = [{"timestamp": now, "message": line.rstrip("\n")[:MAX_EVENT_BYTES] or " "} for line in lines]
        for start in range(0, len(events), self.batch):
            self.logs.put_log_events(
                logGroupName=self.group, logStreamName=self.stream, logEvents=events[start : start + self.batch]
            )
        self.shipped += len(events)


def follow(lines: Iterable[str], shipper: LogShipper, flush_s: float = 5.0) -> int:
    """Ship every line of ``lines`` (blocking reads, say a pipe), at least every ``flush_s`` seconds; return the count."""
    pending: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in lines:
            pending.put(line)
        pending.put(None)

    threading.Thread(target=read, daemon=True).start()
    buffer: list[str] = []
    deadline = time.monotonic() + flush_s
    while True:
        try:
            line = pending.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            line = ""
        else:
            if line is None:
                break
            buffer.append(line)
        if buffer and (time.monotonic() >= deadline or len(buffer) >= shipper.batch):
            _ship(shipper, buffer)
            buffer = []
        if time.monotonic() >= deadline:
            deadline = time.monotonic() + flush_s
    if buffer:
        _ship(shipper, buffer)
    return shipper.shipped


def _ship(shipper: LogShipper, lines: list[str]) -> None:
    try:
        shipper.ship(lines)
    except Exception as exc:  # never take the pipe down: the journal keeps everything on the instance
        print(f"botbaby logship: could not ship {len(lines)} line(s): {exc}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    from botbaby.deploy.aws.worker import WorkerSettings, instance_id_from_imds

    parser = argparse.ArgumentParser(prog="python -m botbaby.deploy.aws.logship", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("/etc/botbaby/worker.json"), help="worker settings (JSON)")
    parser.add_argument("--stream", default=None, help="log stream (default: INSTANCE-ID/BOOT-TIME)")
    args = parser.parse_args(argv)
    settings = WorkerSettings.from_dict(json.loads(args.config.read_text()))
    if not settings.log_group:
        print("botbaby logship: no log_group in the worker settings: nothing to ship to", file=sys.stderr)
        return 2
    stream = args.stream or f"{instance_id_from_imds()}/{time.strftime('%Y-%m-%dT%H-%M-%SZ', time.gmtime())}"
    clients = AwsClients(settings.region, settings.endpoint_url or None)
    shipper = LogShipper(clients("logs"), settings.log_group, stream)
    follow(sys.stdin, shipper)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
