"""The SQS FIFO backend of the serving ``JobQueue`` port: one queue per side, like the local one.

    queue = SqsQueue(queue_url, clients=AwsClients("us-east-1"), sides=["left"])
    job_id = queue.submit(request)   # == request.key; the same pending request is queued once
    job = queue.receive(wait_s=20)   # long poll; the job is hidden while a worker works on it
    queue.ack(job)                   # done: its answer is in the cache

The message body is the request's query (``GenerateRequest.to_dict``), validated again on the way
out with the same contract as the API. ``MessageDeduplicationId`` is the request key, so identical
requests within SQS's five-minute window become one job; ``MessageGroupId`` is the side. Each side
has its own queue (the API core holds one per side), so each side's worker (``botbaby.serve.worker``)
takes only its own jobs and one side's slow or failing job never holds up the other's. A message
that cannot be read, or a job released too often, goes to the shared dead-letter queue after
``maxReceiveCount`` receives (the queues' RedrivePolicy, set by ``botbaby deploy aws``).

While a worker holds a job, a heartbeat thread extends the message's visibility every
``heartbeat_s`` (a third of the queue's visibility timeout), so a generation slower than the
timeout is not handed to a second worker. A receipt that expired anyway (the message went back to
the queue) makes ``ack`` and ``release`` log and carry on: the answer is in the cache, and the
repeated job finds it there. It never raises into the worker's thread.
"""

import json
import threading
import time
from collections.abc import Callable, Collection
from typing import Any

from botbaby.contract import BadRequest, GenerateRequest, parse_generate_query
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.serve.ports import Job

MAX_LONG_POLL_S = 20  # SQS's longest receive wait
# What SQS answers for a receipt handle that is no longer valid (its message is visible again or gone).
EXPIRED_RECEIPT = ("ReceiptHandleIsInvalid", "InvalidParameterValue", "MessageNotInflight", "InvalidReceiptHandle")


class Heartbeat:
    """Keeps one received message invisible while its job runs, by extending its visibility timeout."""

    def __init__(self, sqs, queue_url: str, receipt: str, visibility_s: int, every_s: float) -> None:
        self._sqs, self._queue_url, self._receipt = sqs, queue_url, receipt
        self.visibility_s, self.every_s = visibility_s, every_s
        self.beats = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="botbaby-sqs-heartbeat", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            try:
                self._sqs.change_message_visibility(
                    QueueUrl=self._queue_url, ReceiptHandle=self._receipt, VisibilityTimeout=self.visibility_s
                )
                self.beats += 1
            except Exception as exc:  # the receipt expired or SQS is unreachable: ack/release will say so
                print(f"botbaby queue: heartbeat could not extend a job's visibility: {exc}", flush=True)
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class SqsQueue:
    """JobQueue port on one SQS FIFO queue (with a dead-letter queue behind it)."""

    def __init__(
        self,
        queue_url: str,
        clients: AwsClients | None = None,
        sides: Collection[str] | None = None,
        on_dead: Callable[[Job, str], None] | None = None,
        heartbeat_s: float | None = None,
    ) -> None:
        self.queue_url = queue_url
        self.sides = tuple(sides) if sides else None
        self.on_dead = on_dead  # called when a released job has used up its tries (the worker marks it failed)
        self.heartbeat_s = heartbeat_s  # None: a third of the queue's visibility timeout; 0: no heartbeat
        self._sqs = (clients or AwsClients())("sqs")
        self._max_receives: int | None = None
        self._visibility_s: int | None = None
        self._heartbeats: dict[str, Heartbeat] = {}

    def submit(self, request: GenerateRequest, retry: str = "") -> str:
        """Queue ``request`` (deduplicated by its key) and return the job id, which is the key.

        ``retry`` tells a new try of a failed request apart from the first (SQS would drop a resend
        with the same deduplication id for five minutes).
        """
        self._sqs.send_message(
            QueueUrl=self.queue_url,
            MessageBody=json.dumps(request.to_dict(), sort_keys=True),
            MessageGroupId=request.side,
            MessageDeduplicationId=f"{request.key}-{retry}"[:128] if retry else request.key,
        )
        return request.key

    def receive(self, wait_s: float = 0.0) -> Job | None:
        """The next job, hidden from other workers for the queue's visibility timeout; None when idle.

        Unreadable messages are made visible again at once, so they reach the dead-letter queue
        after ``maxReceiveCount`` receives instead of blocking their group for a visibility timeout each.
        """
        deadline = time.monotonic() + max(0.0, wait_s)
        while True:
            wait = int(min(MAX_LONG_POLL_S, max(0.0, deadline - time.monotonic())))
            messages = self._sqs.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=1,
                WaitTimeSeconds=wait,
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            ).get("Messages", [])
            if messages:
                message = messages[0]
                attempts = int(message.get("Attributes", {}).get("ApproximateReceiveCount", "1"))
                try:
                    request = self._parse(message["Body"])
                except BadRequest:
                    self._make_visible(message["ReceiptHandle"])
                    continue
                self._start_heartbeat(message["ReceiptHandle"])
                return Job(request=request, receipt=message["ReceiptHandle"], attempts=attempts)
            if time.monotonic() >= deadline:
                return None

    def ack(self, job: Job) -> None:
        """The job is done: delete its message (an expired receipt is logged, not raised)."""
        self._stop_heartbeat(job.receipt)
        self._expired_is_fine(
            job, "ack", lambda: self._sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=job.receipt)
        )

    def release(self, job: Job, error: str | None = None) -> None:
        """The job failed: make it visible again now (the RedrivePolicy dead-letters it after N tries)."""
        self._stop_heartbeat(job.receipt)
        print(f"botbaby queue: job {job.id} released after attempt {job.attempts}: {error}", flush=True)
        if self.on_dead is not None and job.attempts >= self.max_receives():
            self.on_dead(job, error or "generation failed")
        self._expired_is_fine(job, "release", lambda: self._make_visible(job.receipt))

    def _expired_is_fine(self, job: Job, what: str, call: Callable[[], object]) -> None:
        try:
            call()
        except Exception as exc:
            if error_code(exc) not in EXPIRED_RECEIPT:
                raise
            # The message is visible again (or gone): SQS redelivers it, and the cache has any answer.
            print(f"botbaby queue: {what} of job {job.id} came too late, its receipt expired: {exc}", flush=True)

    def _start_heartbeat(self, receipt: str) -> None:
        visibility = self.visibility_s()
        every = self.heartbeat_s if self.heartbeat_s is not None else visibility / 3
        if every > 0:
            self._heartbeats[receipt] = Heartbeat(self._sqs, self.queue_url, receipt, visibility, every)

    def _stop_heartbeat(self, receipt: str) -> None:
        heartbeat = self._heartbeats.pop(receipt, None)
        if heartbeat is not None:
            heartbeat.stop()

    def visibility_s(self) -> int:
        """The queue's visibility timeout in seconds (what each heartbeat extends a job by)."""
        if self._visibility_s is None:
            attributes = self._sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["VisibilityTimeout"])
            self._visibility_s = int(attributes.get("Attributes", {}).get("VisibilityTimeout", "30"))
        return self._visibility_s

    def state(self, job_id: str) -> dict[str, Any] | None:
        """``{"state": "pending"}``: SQS cannot look a message up by id, so a well-formed job id counts as
        pending until the cache holds its answer or its failure."""
        return {"state": "pending"}

    def pending(self) -> int:
        """Jobs waiting or being worked on (SQS's approximate counts)."""
        names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        attributes = self._sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=names)["Attributes"]
        return sum(int(attributes.get(name, 0)) for name in names)

    def max_receives(self) -> int:
        """The queue's ``maxReceiveCount``: the tries a job gets before it is dead-lettered."""
        if self._max_receives is None:
            attributes = self._sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["RedrivePolicy"])
            policy = json.loads(attributes.get("Attributes", {}).get("RedrivePolicy", "{}"))
            self._max_receives = int(policy.get("maxReceiveCount", 1_000_000))
        return self._max_receives

    def _make_visible(self, receipt: str) -> None:
        self._sqs.change_message_visibility(QueueUrl=self.queue_url, ReceiptHandle=receipt, VisibilityTimeout=0)

    def _parse(self, body: str) -> GenerateRequest:
        try:
            query = json.loads(body)
        except ValueError:
            raise BadRequest("message body is not JSON") from None
        if not isinstance(query, dict):
            raise BadRequest("message body is not a JSON object")
        side = query.get("model")
        # The model version the Lambda keyed the job with travels in the message: the answer goes under that key.
        version = query.get("model_version")
        versions = {side: version} if isinstance(side, str) and isinstance(version, str) else None
        return parse_generate_query(
            query, sides=self.sides or ([side] if isinstance(side, str) else []), versions=versions
        )
