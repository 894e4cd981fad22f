"""The DynamoDB backend of the serving ``Cache`` port: known prompts, their ranked posts, visit counters.

    cache = DynamoCache("botbaby-demo-cache", clients=AwsClients("us-east-1"))
    cache.store(request, posts)        # a second store of the same key keeps the first answer
    cache.lookup(request.key)          # the posts, counting one visit atomically
    cache.prompts("left", prefix="fu")  # autocomplete, most visited first

One item per request key (the table's hash key ``key``): ``side``, ``prompt``, ``prompt_lower``,
``settings`` and ``posts`` (JSON strings) and ``created_at``; a job that failed for good leaves
``error`` and ``attempts`` instead of ``posts`` until the prompt is asked again. Visits are counted
in a small item of their own (``KEY#visits``: ``side``, ``prompt``, ``visits``), so a cached hit
is one read of the answer and a one-unit write of its counter, not a rewrite of the whole answer
(8 to 10 write units for ten posts). Writes are conditional (``attribute_not_exists``) and the
counter is an ``if_not_exists`` update, so any number of Lambdas and workers share the table
without a lock. With ``prompts`` (``S3Prompts``), autocomplete reads the page's ``prompts.json``
(the worker appends each new prompt) instead of scanning the table.
"""

import json
import time
from collections.abc import Callable
from typing import Any

from botbaby.contract import GenerateRequest, Post
from botbaby.deploy.aws.clients import AwsClients, error_code

KEY = "key"  # the table's hash key: GenerateRequest.key
VISITS = "#visits"  # suffix of a request key's visit counter item
PROMPTS_TTL_S = 60.0  # how long a Lambda keeps prompts.json before reading it again


class S3Prompts:
    """The page's ``prompts.json`` on S3 (kept by the worker), read at most once a minute."""

    def __init__(
        self,
        bucket: str,
        key: str = "prompts.json",
        clients: AwsClients | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bucket, self.key, self.clock = bucket, key, clock
        self._s3 = (clients or AwsClients())("s3")
        self._prompts: list[str] = []
        self._read_at: float | None = None

    def read(self) -> list[str]:
        if self._read_at is None or self.clock() - self._read_at >= PROMPTS_TTL_S:
            try:
                body = self._s3.get_object(Bucket=self.bucket, Key=self.key)["Body"].read()
                value = json.loads(body or b"[]")
            except Exception as exc:
                if error_code(exc) not in ("NoSuchKey", "404") and not isinstance(exc, ValueError):
                    raise
                value = []
            self._prompts = [p for p in value if isinstance(p, str)] if isinstance(value, list) else []
            self._read_at = self.clock()
        return self._prompts


class DynamoCache:
    """Cache port on one DynamoDB table (on-demand capacity, hash key ``key``)."""

    def __init__(self, table: str, clients: AwsClients | None = None, prompts: S3Prompts | None = None) -> None:
        self.table = table
        self.prompts_file = prompts
        self._dynamodb = (clients or AwsClients())("dynamodb")

    def lookup(self, key: str, client: str = "") -> list[Post] | None:
        """The cached posts for ``key``, counting one visit; None (and nothing written) when unknown.

        ``client`` is not recorded here: this table counts visits, not distinct clients.
        """
        item = self._item(key)
        if not item or "posts" not in item:
            return None
        self._dynamodb.update_item(
            TableName=self.table,
            Key={KEY: {"S": key + VISITS}},
            UpdateExpression="SET visits = if_not_exists(visits, :zero) + :one, side = :side, prompt = :prompt",
            ExpressionAttributeValues={
                ":zero": {"N": "0"},
                ":one": {"N": "1"},
                ":side": item["side"],
                ":prompt": item["prompt"],
            },
        )
        return _posts(item)

    def peek(self, key: str) -> list[Post] | None:
        """The cached posts for ``key`` without counting a visit (a strongly consistent read)."""
        item = self._item(key)
        return _posts(item) if item and "posts" in item else None

    def settled(self, key: str) -> bool:
        """Whether the job for ``key`` has an answer or failed for good: one read, for polling."""
        item = self._item(key)
        return bool(item) and ("posts" in item or "error" in item)

    def visits(self, key: str) -> int:
        """How often ``key`` was answered from the cache (0 when unknown)."""
        item = self._item(key + VISITS)
        return int(item["visits"]["N"]) if item and "visits" in item else 0

    def _item(self, key: str) -> dict[str, Any] | None:
        """The item of ``key`` (a strongly consistent read), or None."""
        return self._dynamodb.get_item(TableName=self.table, Key={KEY: {"S": key}}, ConsistentRead=True).get("Item")

    def store(self, request: GenerateRequest, posts: list[Post]) -> None:
        """Remember the answer to ``request``; if the key is already there, the first answer stays."""
        try:
            self._dynamodb.put_item(
                TableName=self.table,
                Item={
                    KEY: {"S": request.key},
                    "side": {"S": request.side},
                    "prompt": {"S": request.prompt},
                    "prompt_lower": {"S": request.prompt.lower()},
                    "settings": {"S": json.dumps(request.settings.to_dict(), sort_keys=True)},
                    "posts": {"S": json.dumps([post.to_dict() for post in posts])},
                    "created_at": {"N": str(int(time.time()))},
                },
                ConditionExpression="attribute_not_exists(posts)",  # a failure mark gives way, an answer stays
            )
        except Exception as exc:
            if error_code(exc) != "ConditionalCheckFailedException":
                raise

    def fail(self, request: GenerateRequest, error: str, attempts: int) -> None:
        """Mark ``request`` as failed for good (its job was dead-lettered), unless it has an answer."""
        try:
            self._dynamodb.update_item(
                TableName=self.table,
                Key={KEY: {"S": request.key}},
                UpdateExpression="SET side = :side, prompt = :prompt, #error = :error, attempts = :attempts, "
                "failed_at = :now",
                ConditionExpression="attribute_not_exists(posts)",
                ExpressionAttributeNames={"#error": "error"},
                ExpressionAttributeValues={
                    ":side": {"S": request.side},
                    ":prompt": {"S": request.prompt},
                    ":error": {"S": error[:1000]},
                    ":attempts": {"N": str(attempts)},
                    ":now": {"N": str(time.time())},
                },
            )
        except Exception as exc:
            if error_code(exc) != "ConditionalCheckFailedException":
                raise

    def fail_key(self, key: str, error: str) -> None:
        """Mark the job for ``key`` as failed before any try (the worker could not start), unless answered."""
        try:
            self._dynamodb.update_item(
                TableName=self.table,
                Key={KEY: {"S": key}},
                UpdateExpression="SET #error = :error, attempts = :zero, failed_at = :now",
                ConditionExpression="attribute_not_exists(posts)",
                ExpressionAttributeNames={"#error": "error"},
                ExpressionAttributeValues={
                    ":error": {"S": error[:1000]},
                    ":zero": {"N": "0"},
                    ":now": {"N": str(time.time())},
                },
            )
        except Exception as exc:
            if error_code(exc) != "ConditionalCheckFailedException":
                raise

    def failure(self, key: str) -> dict[str, Any] | None:
        """``{"error", "attempts"}`` when the job for ``key`` failed for good, else None."""
        item = self._item(key)
        if not item or "posts" in item or "error" not in item:
            return None
        return {"error": item["error"]["S"], "attempts": int(item["attempts"]["N"])}

    def clear_failure(self, key: str) -> str:
        """Forget a failure mark (the user asks again); return a token that tells this retry apart, or ""."""
        try:
            old = self._dynamodb.delete_item(
                TableName=self.table,
                Key={KEY: {"S": key}},
                ConditionExpression="attribute_exists(#error) AND attribute_not_exists(posts)",
                ExpressionAttributeNames={"#error": "error"},
                ReturnValues="ALL_OLD",
            ).get("Attributes", {})
        except Exception as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return ""
            raise
        return old.get("failed_at", {}).get("N", "").replace(".", "")

    def prompts(self, side: str | None = None, prefix: str = "", limit: int = 50) -> list[str]:
        """Known prompts starting with ``prefix`` (case-insensitive), each once.

        From ``prompts.json`` when there is one (both sides', in the order they were first asked), else
        from a scan of the table (one side's or both, most visited first).
        """
        if self.prompts_file is not None:
            lower = prefix.lower()
            return [prompt for prompt in self.prompts_file.read() if prompt.lower().startswith(lower)][:limit]
        visits = {(item["side"]["S"], item["prompt"]["S"]): int(item["visits"]["N"]) for item in self._counters()}
        best: dict[str, tuple[int, str]] = {}
        for item in self._scan():
            if side is not None and item["side"]["S"] != side:
                continue
            lower = item["prompt_lower"]["S"]
            if not lower.startswith(prefix.lower()):
                continue
            count = visits.get((item["side"]["S"], item["prompt"]["S"]), 0)
            if lower not in best or count > best[lower][0]:
                best[lower] = (count, item["prompt"]["S"])
        ranked = sorted(best.items(), key=lambda entry: (-entry[1][0], entry[0]))
        return [prompt for _, (_, prompt) in ranked[:limit]]

    def popular(self, limit: int = 10) -> list[dict]:
        """The most visited requests as ``{"model", "prompt", "visits"}``."""
        rows = [
            {"model": item["side"]["S"], "prompt": item["prompt"]["S"], "visits": int(item["visits"]["N"])}
            for item in self._counters()
            if int(item["visits"]["N"]) > 0
        ]
        rows.sort(key=lambda row: (-row["visits"], row["prompt"].lower(), row["model"]))
        return rows[:limit]

    def _counters(self) -> list[dict[str, Any]]:
        """The visit counter items (``side``, ``prompt``, ``visits``)."""
        return self._scan("attribute_exists(visits)", "side, prompt, visits")

    def _scan(
        self, condition: str = "attribute_exists(posts)", fields: str = "side, prompt, prompt_lower"
    ) -> list[dict[str, Any]]:
        # A scan reads the whole table: fine for the thousands of prompts one demo collects
        # (one page per MB); the page's autocomplete reads prompts.json instead.
        items: list[dict[str, Any]] = []
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "ProjectionExpression": fields,
            "FilterExpression": condition,
        }
        while True:
            page = self._dynamodb.scan(**kwargs)
            items.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return items
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _posts(item: dict[str, Any]) -> list[Post]:
    return [Post.from_dict(value) for value in json.loads(item["posts"]["S"])]
