"""A fast, scriptable stand-in for ``botbaby.generate.Generator`` (same shape), for serving tests.

    >>> board = Switchboard()
    >>> [post.text for post in board.factory("left").generate("Fuel prices").ranked]
    ['Fuel prices, said left #0', 'Fuel prices, said left #1', 'Fuel prices, said left #2']
    >>> board.calls
    [('left', 'Fuel prices')]
"""

import threading
from collections import defaultdict
from dataclasses import dataclass

from botbaby.contract import Post, SampleSettings, majority_view

SENTIMENTS = ("POSITIVE", "NEGATIVE", "POSITIVE")  # the majority view keeps posts 0 and 2


def fake_posts(side: str, prompt: str) -> list[Post]:
    """What the fake generator answers: three posts, two of them positive."""
    return [Post(f"{prompt}, said {side} #{i}", sentiment, 0.9 - i / 10) for i, sentiment in enumerate(SENTIMENTS)]


def fake_view(side: str, prompt: str) -> list[dict]:
    """The JSON the API should answer for ``prompt``."""
    return [post.to_dict() for post in majority_view(fake_posts(side, prompt))]


@dataclass
class FakeGeneration:
    raw: list[str]
    ranked: list[Post]
    majority: list[Post]


class Switchboard:
    """Shared by the fake generators of one test: records calls, holds generations at a gate, scripts failures."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.started = threading.Event()  # set when a generation starts
        self.gate = threading.Event()  # generations wait here until it is set
        self.gate.set()
        self.failures: dict[str, list[BaseException]] = defaultdict(list)  # prompt -> what its next calls raise
        self.empties: dict[str, int] = defaultdict(int)  # prompt -> how many of its next calls rank no post
        self.seeds: list[int | None] = []
        self.loads = 0
        self.closes = 0
        self._lock = threading.Lock()

    def fail(self, prompt: str, *errors: BaseException) -> None:
        """Make the next generations of ``prompt`` raise ``errors``, one each."""
        self.failures[prompt].extend(errors)

    def empty(self, prompt: str, times: int) -> None:
        """Make the next ``times`` generations of ``prompt`` rank no post (all dropped by post-processing)."""
        self.empties[prompt] += times

    def factory(self, side: str) -> "FakeGenerator":
        with self._lock:
            self.loads += 1
        return FakeGenerator(side, self)


class FakeGenerator:
    def __init__(self, side: str, board: Switchboard) -> None:
        self.side = side
        self.board = board

    def generate(self, prompt: str, settings: SampleSettings | None = None, seed: int | None = None):
        board = self.board
        with board._lock:
            board.calls.append((self.side, prompt))
            board.seeds.append(seed)
            failure = board.failures[prompt].pop(0) if board.failures[prompt] else None
            empty = board.empties[prompt] > 0
            board.empties[prompt] -= empty
        board.started.set()
        if failure is not None:
            raise failure
        if not board.gate.wait(timeout=60):
            raise TimeoutError("the test never opened the gate")
        posts = [] if empty else fake_posts(self.side, prompt)
        return FakeGeneration(raw=[post.text for post in posts], ranked=posts, majority=majority_view(posts))

    def close(self) -> None:
        with self.board._lock:
            self.board.closes += 1


class Crash(BaseException):
    """Stands for a worker dying mid-job (not an ordinary Exception a worker would catch)."""
