"""``botbaby deploy aws`` settings: the one place their defaults are written (CLI options and notebook 06 follow).

    >>> DeploySettings.resolve(name="bb-demo", spot=True).instance_type
    'g4dn.xlarge'
    >>> DeploySettings.resolve(name="Bad_Name")
    Traceback (most recent call last):
    ...
    botbaby.errors.BotbabyError: invalid stack name 'Bad_Name': use 3-32 lower-case letters, digits or '-', starting with a letter

Light on purpose (no boto3): the CLI builds its options from this dataclass at start-up.
"""

from dataclasses import dataclass

from botbaby.config import StageConfig, setting
from botbaby.deploy.aws.handler import DEFAULT_WAIT_S
from botbaby.deploy.aws.names import check_name
from botbaby.errors import ConfigError
from botbaby.layout import check_side
from botbaby.sentiment import BACKENDS as SENTIMENT_BACKENDS
from botbaby.serve.worker import IDLE_MINUTES


@dataclass
class DeploySettings(StageConfig):
    """How to deploy; the resolved settings are saved as DATA/deploy/NAME.config.json."""

    name: str = "botbaby-demo"  # stack name: prefix and tag of every AWS resource (3-32 of a-z, 0-9, '-')
    region: str = ""  # AWS region; empty: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1
    instance_type: str = "g4dn.xlarge"  # the GPU worker's instance type (NVIDIA T4, 16 GB)
    engine: str = setting("torch", choices=("torch", "tf"))  # the worker's engine: torch (PyTorch AMI, model/hf/) or tf
    ami: str = ""  # worker AMI id; empty: the launch template's (same engine), else the latest Deep Learning AMI
    spot: bool = False  # run the worker as a spot instance (about 70% cheaper; AWS may interrupt it)
    sides: tuple[str, ...] = ()  # sides to serve; empty: every side with a trained model
    wait_s: float = setting(DEFAULT_WAIT_S, low=0.0, high=25.0)  # a new prompt's wait before its 202 (the page polls)
    idle_stop_s: float = setting(IDLE_MINUTES * 60, low=60.0)  # the worker stops its instance after this long idle
    alarm_idle_minutes: int = setting(30, low=10)  # backstop: an alarm stops the worker after this long at low CPU
    alarm_cpu_percent: float = setting(5.0, low=0.5, high=50.0)  # "low CPU" for that alarm, in percent
    visibility_timeout_s: int = setting(300, low=60, high=43200)  # a job is hidden this long per try (extended)
    max_receives: int = setting(3, low=1, high=1000)  # a job is dead-lettered after this many failed tries
    lambda_memory_mb: int = setting(256, low=128, high=10240)  # the API function's memory
    throttle_rate: float = setting(10.0, low=0.1)  # API Gateway: steady requests per second for the whole API
    throttle_burst: int = setting(20, low=1)  # API Gateway: requests allowed in a burst
    budget_usd: float = setting(0.0, low=0.0)  # monthly AWS Budgets cost alert in USD; 0: none
    budget_email: str = ""  # where the budget alert e-mails go (needed with budget_usd)
    start_worker: bool = True  # launch the worker if there is none (it installs itself, then stops when idle)
    sentiment: str = setting("vader", choices=tuple(SENTIMENT_BACKENDS))  # the worker's sentiment backend

    def validate(self) -> None:
        check_name(self.name)
        for side in self.sides:
            check_side(side)
        if self.alarm_idle_minutes * 60 <= self.idle_stop_s:
            raise ConfigError("alarm_idle_minutes must be longer than idle_stop_s: the alarm is the backstop")
        if self.budget_usd > 0 and "@" not in self.budget_email:
            raise ConfigError("budget_usd needs budget_email: the address the alert goes to")
