"""Pace requests from the source's own rate-limit headers; wait out 429s; retry transient errors.

    >>> waits = []  # instead of sleeping, note each wait; the clock stays at epoch second 0
    >>> limiter = RateLimiter("x-rate-limit-", clock=lambda: 0.0, sleep=waits.append)
    >>> limiter.call("followers", lambda: ("page 1", {"x-rate-limit-remaining": "0", "x-rate-limit-reset": "900"}))
    'page 1'
    >>> limiter.call("followers", lambda: ("page 2", {}))  # the window was used up: wait for it to reopen
    'page 2'
    >>> waits, limiter.waited  # until the reset (epoch second 900), plus 0.25 s for clock skew
    ([900.25], 900.25)

A request function returns ``(result, headers)`` or raises :class:`RateLimited` (an HTTP 429, with
the response headers) or :class:`Transient` (5xx, connection reset, timeout). Each source keeps
one limiter; ``bucket`` names the rate-limit window a request counts against (X has one per
endpoint, Bluesky one per client). Headers used: ``<prefix>limit``, ``<prefix>remaining`` and
``<prefix>reset`` (epoch seconds), as sent by X (``x-rate-limit-``) and Bluesky (``ratelimit-``),
plus ``retry-after`` on a 429.
"""

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from botbaby.errors import BotbabyError

R = TypeVar("R")


class RateLimited(Exception):
    """The server answered 429 Too Many Requests."""

    def __init__(self, headers: Mapping[str, str] | None = None):
        super().__init__("429 Too Many Requests")
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}


class Transient(Exception):
    """A failure worth retrying: a 5xx answer, a dropped connection, a timeout."""


@dataclass
class Window:
    """What the last response said about one rate-limit window."""

    limit: int | None = None
    remaining: int | None = None
    reset: float | None = None  # epoch seconds when the window reopens


class RateLimiter:
    """Spend each rate-limit window fully, never beyond it, and survive flaky servers.

    Args:
        prefix: the header prefix, ``"x-rate-limit-"`` (X) or ``"ratelimit-"`` (Bluesky).
        clock, sleep: injectable so tests never really wait.
        margin: seconds added after a window's reset time, for clock skew between us and the server.
        max_retries: transient failures in a row before giving up on a request.
        backoff: first retry delay in seconds; it doubles each retry, up to ``max_backoff``.
        default_wait: how long to wait after a 429 that says nothing about when to come back.
        max_rate_limited: 429s in a row before giving up (the server keeps refusing).
    """

    def __init__(
        self,
        prefix: str,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        margin: float = 0.25,
        max_retries: int = 6,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        default_wait: float = 60.0,
        max_rate_limited: int = 20,
    ):
        self.prefix = prefix.lower()
        self.clock = clock
        self._sleep = sleep
        self.margin = margin
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.default_wait = default_wait
        self.max_rate_limited = max_rate_limited
        self.windows: dict[str, Window] = {}
        # Told (seconds left, label) before a wait and about every second of it, then (0, "") when it is
        # over; the label says why and at what clock time, e.g. "rate limit: window reopens at 14:05:12".
        self.on_wait: Callable[[float, str], None] | None = None
        # Counters a progress bar or benchmark reads.
        self.requests = 0
        self.rate_limited = 0  # 429s received
        self.retries = 0  # transient failures retried
        self.waited = 0.0  # seconds spent waiting (windows, 429s, backoff)

    def observe(self, bucket: str, headers: Mapping[str, Any]) -> Window:
        """Remember what a response's headers say about the bucket's window."""
        lower = {str(k).lower(): v for k, v in headers.items()}
        window = self.windows.setdefault(bucket, Window())

        def number(name: str) -> float | None:
            value = lower.get(self.prefix + name)
            try:
                return float(value) if value is not None else None
            except ValueError:
                return None

        limit, remaining, reset = number("limit"), number("remaining"), number("reset")
        if limit is not None:
            window.limit = int(limit)
        if remaining is not None:
            window.remaining = int(remaining)
        if reset is not None:
            window.reset = reset
        return window

    def counters(self) -> dict[str, int | float]:
        """The counters as a stage's report shows them: requests, 429s, retries, seconds waited."""
        return {"requests": self.requests, "rate_limited": self.rate_limited, "retries": self.retries,
                "waited_s": round(self.waited, 3)}

    def wait(self, seconds: float, why: str) -> None:
        """Sleep ``seconds`` (counted in ``waited``), counting down to ``on_wait`` once a second.

        ``why`` ends with what happens when the wait is over ("window reopens", "next try"); the
        local clock time of that moment is added to it.
        """
        if seconds <= 0:
            return
        self.waited += seconds
        if self.on_wait is None:
            self._sleep(seconds)
            return
        label = f"{why} at {time.strftime('%H:%M:%S', time.localtime(self.clock() + seconds))}"
        remaining = seconds
        while remaining > 0:
            self.on_wait(remaining, label)
            step = min(remaining, 1.0)
            self._sleep(step)
            remaining -= step
        self.on_wait(0.0, "")

    def wait_turn(self, bucket: str) -> None:
        """Before a request: if the bucket's window is used up, wait until it reopens."""
        window = self.windows.get(bucket)
        if window is None or window.remaining is None or window.remaining > 0 or window.reset is None:
            return
        self.wait(window.reset + self.margin - self.clock(), "rate limit: window reopens")
        window.remaining = None  # unknown until the next response says

    def _after_429(self, bucket: str, headers: Mapping[str, str]) -> float:
        window = self.observe(bucket, headers)
        now = self.clock()
        retry_after = headers.get("retry-after")
        if retry_after is not None and retry_after.strip().isdigit():
            return float(retry_after) + self.margin
        if window.reset is not None and window.reset > now:
            return window.reset + self.margin - now
        return self.default_wait

    def call(self, bucket: str, request: Callable[[], tuple[R, Mapping[str, Any]]], what: str = "request") -> R:
        """Run ``request`` within the bucket's rate limit, retrying 429s and transient failures."""
        failures = 0
        refusals = 0
        while True:
            self.wait_turn(bucket)
            self.requests += 1
            try:
                result, headers = request()
            except RateLimited as exc:
                self.rate_limited += 1
                refusals += 1
                if refusals > self.max_rate_limited:
                    raise BotbabyError(
                        f"{what}: still rate-limited after {refusals - 1} waits; try again later "
                        "(finished work is kept: run the same command again to resume)"
                    ) from exc
                self.wait(self._after_429(bucket, exc.headers), "rate limit (HTTP 429): window reopens")
                continue
            except Transient as exc:
                failures += 1
                if failures > self.max_retries:
                    raise BotbabyError(
                        f"{what} failed {failures} times in a row ({exc}); check the network or the "
                        "--base-url, then run the same command again to resume"
                    ) from exc
                self.retries += 1
                self.wait(min(self.backoff * 2 ** (failures - 1), self.max_backoff),
                          f"retry {failures} of {self.max_retries} after {exc}: next try")
                continue
            self.observe(bucket, headers)
            return result
