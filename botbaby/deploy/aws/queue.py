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
"""

import json
import time
from collections.abc import Callable, Collection
from typing import Any

from botbaby.contract import BadRequest, GenerateRequest, parse_generate_query
from botbaby.deploy.aws.clients import AwsClients
from botbaby.serve.ports import Job

MAX_LONG_POLL_S = 20  # SQS's longest receive wait


class SqsQueue:
    """JobQueue port on one SQS FIFO queue (with a dead-letter queue behind it)."""

    def __init__(
        self,
        queue_url: str,
        clients: AwsClients | None = None,
        sides: Collection[str] | None = None,
        on_dead: Callable[[Job, str], None] | None = None,
    ) -> None:
        self.queue_url = queue_url
        self.sides = tuple(sides) if sides else None
        self.on_dead = on_dead  # called when a released job has used up its tries (the worker marks it failed)
        self._sqs = (clients or AwsClients())("sqs")
        self._max_receives: int | None = None

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
                return Job(request=request, receipt=message["ReceiptHandle"], attempts=attempts)
            if time.monotonic() >= deadline:
                return None

    def ack(self, job: Job) -> None:
        """The job is done: delete its message."""
        self._sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=job.receipt)

    def release(self, job: Job, error: str | None = None) -> None:
        """The job failed: make it visible again now (the RedrivePolicy dead-letters it after N tries)."""
        print(f"botbaby queue: job {job.id} released after attempt {job.attempts}: {error}", flush=True)
        if self.on_dead is not None and job.attempts >= self.max_receives():
            self.on_dead(job, error or "generation failed")
        self._make_visible(job.receipt)

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
        return parse_generate_query(query, sides=self.sides or ([side] if isinstance(side, str) else []))
