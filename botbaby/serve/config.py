"""The settings of ``botbaby serve``, one dataclass (saved as DATA/serve_config.json when it starts).

    >>> ServeConfig(port=0, sides=["left"]).wait_s
    25.0
    >>> ServeConfig.from_dict(port=70000)
    Traceback (most recent call last):
    ...
    botbaby.errors.ConfigError: port must be between 0 and 65535, got 70000
"""

from dataclasses import dataclass

from botbaby.config import StageConfig
from botbaby.errors import ConfigError
from botbaby.layout import check_side
from botbaby.serve.queue import MAX_ATTEMPTS, MAX_PENDING
from botbaby.serve.worker import IDLE_MINUTES


@dataclass
class ServeConfig(StageConfig):
    """Settings of ``botbaby serve`` (saved as DATA/serve_config.json when it starts)."""

    host: str = "127.0.0.1"  # address to listen on; 0.0.0.0 serves the whole network
    port: int = 8000  # TCP port (0: any free port)
    wait_s: float = 25.0  # seconds a request for a new prompt waits before answering 202 with the job's address
    idle_minutes: float = IDLE_MINUTES  # a worker releases its model after this many minutes without jobs
    sides: list[str] | None = None  # sides to serve; None: every side with a trained model in DATA
    max_attempts: int = MAX_ATTEMPTS  # a job that failed this many times is dead (its requests get the error)
    max_pending: int = MAX_PENDING  # new prompts waiting per side beyond which /generate answers 429
    static: bool = True  # serve the web page at /

    def validate(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"port must be between 0 and 65535, got {self.port}")
        if not 0 <= self.wait_s <= 600:
            raise ConfigError(f"wait_s must be between 0 and 600 seconds, got {self.wait_s}")
        if self.idle_minutes <= 0:
            raise ConfigError(f"idle_minutes must be positive, got {self.idle_minutes}")
        if self.max_attempts < 1 or self.max_pending < 1:
            raise ConfigError("max_attempts and max_pending must be at least 1")
        for side in self.sides or []:
            check_side(side)
