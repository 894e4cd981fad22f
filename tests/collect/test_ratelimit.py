"""Pacing from rate-limit headers, waiting out 429s, and bounded retries of transient failures."""

import time

import pytest
from collect_fakes import FakeClock

from botbaby.errors import BotbabyError
from botbaby.sources.ratelimit import RateLimited, RateLimiter, Transient


def scripted(*outcomes):
    """A request function answering the given outcomes in turn (exceptions are raised)."""
    queue = list(outcomes)

    def request():
        outcome = queue.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return request


def test_requests_go_straight_through_while_the_window_has_requests_left():
    clock = FakeClock(1000.0)
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep)
    for _ in range(3):
        limiter.call("appview", lambda: ("ok", {"ratelimit-remaining": "5", "ratelimit-reset": "1300"}))
    assert clock.sleeps == [] and limiter.requests == 3


def test_an_exhausted_window_waits_until_its_reset_time_before_the_next_request():
    clock = FakeClock(1000.0)
    limiter = RateLimiter("x-rate-limit-", clock=clock.time, sleep=clock.sleep, margin=0.5)
    limiter.call("tweets", lambda: ("a", {"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1060"}))
    limiter.call("followers", lambda: ("b", {}))  # another endpoint's window is not affected
    assert clock.sleeps == []
    limiter.call("tweets", lambda: ("c", {}))
    assert clock.sleeps == [60.5] and limiter.waited == 60.5


def test_a_429_waits_for_retry_after_then_retries_the_same_request():
    clock = FakeClock(1000.0)
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, margin=0.0)
    request = scripted(RateLimited({"Retry-After": "30"}), ("page", {}))
    assert limiter.call("appview", request) == "page"
    assert clock.sleeps == [30.0] and limiter.rate_limited == 1


def test_a_429_without_retry_after_waits_until_the_reset_header():
    clock = FakeClock(1000.0)
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, margin=0.0)
    request = scripted(RateLimited({"ratelimit-remaining": "0", "ratelimit-reset": "1200"}), ("page", {}))
    assert limiter.call("appview", request) == "page"
    assert clock.sleeps == [200.0]


def test_transient_failures_back_off_exponentially_up_to_a_cap():
    clock = FakeClock()
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, backoff=1.0, max_backoff=5.0, max_retries=6)
    request = scripted(*[Transient("HTTP 503")] * 5, ("page", {}))
    assert limiter.call("appview", request) == "page"
    assert clock.sleeps == [1.0, 2.0, 4.0, 5.0, 5.0] and limiter.retries == 5


def test_too_many_transient_failures_give_a_clear_error_saying_how_to_resume():
    clock = FakeClock()
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, max_retries=2)
    with pytest.raises(BotbabyError, match="run the same command again to resume"):
        limiter.call("appview", scripted(*[Transient("HTTP 502")] * 3), what="followers of alice")
    assert len(clock.sleeps) == 2


def test_endless_429s_end_in_a_clear_error_instead_of_waiting_forever():
    clock = FakeClock()
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, max_rate_limited=3)
    with pytest.raises(BotbabyError, match="still rate-limited"):
        limiter.call("appview", scripted(*[RateLimited({})] * 4))
    assert limiter.rate_limited == 4


def test_a_wait_counts_down_each_second_with_the_clock_time_the_window_reopens_then_clears():
    clock = FakeClock(1_700_000_000.0)
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, margin=0.0)
    told = []
    limiter.on_wait = lambda seconds, why: told.append((seconds, why))
    limiter.call("appview", lambda: ("a", {"ratelimit-remaining": "0", "ratelimit-reset": "1700000003"}))
    limiter.call("appview", lambda: ("b", {}))
    reopens = time.strftime("%H:%M:%S", time.localtime(1_700_000_003))
    assert told == [(3.0, f"rate limit: window reopens at {reopens}"), (2.0, f"rate limit: window reopens at {reopens}"),
                    (1.0, f"rate limit: window reopens at {reopens}"), (0.0, "")]
    assert clock.now == 1_700_000_003


def test_retries_are_labelled_as_retries_not_as_rate_limits():
    clock = FakeClock(0.0)
    limiter = RateLimiter("ratelimit-", clock=clock.time, sleep=clock.sleep, backoff=2.0)
    told = []
    limiter.on_wait = lambda seconds, why: told.append(why)
    assert limiter.call("appview", scripted(Transient("HTTP 503"), ("ok", {}))) == "ok"
    assert told[0].startswith("retry 1 of 6 after HTTP 503: next try at ") and told[-1] == ""
    assert not any("rate limit" in why for why in told)
