"""boto3 clients for one region (and, for tests or LocalStack, one endpoint), created on first use.

    >>> clients = AwsClients(region="eu-west-1")
    >>> clients.region
    'eu-west-1'

boto3 is imported only when the first client is built, so ``import botbaby.deploy.aws`` stays light.
``endpoint_url`` defaults to ``$AWS_ENDPOINT_URL`` (which boto3 honours itself); tests point it at a
moto server on 127.0.0.1.
"""

import os
from typing import Any

from botbaby._optional import require

DEFAULT_REGION = "us-east-1"  # where the original ran; g4dn.xlarge is available there


def colab_credentials() -> dict[str, str]:
    """AWS keys from Colab's secrets panel when the environment has none (06_deploy_aws in Colab); else {}.

    Outside Colab, or when AWS_ACCESS_KEY_ID is set, boto3's own chain (environment, profile, role) decides.
    """
    from botbaby.notebook import in_colab, secret

    if not in_colab() or os.environ.get("AWS_ACCESS_KEY_ID"):
        return {}
    keys = {"aws_access_key_id": secret("AWS_ACCESS_KEY_ID"), "aws_secret_access_key": secret("AWS_SECRET_ACCESS_KEY"),
            "aws_session_token": secret("AWS_SESSION_TOKEN")}
    if not (keys["aws_access_key_id"] and keys["aws_secret_access_key"]):
        return {}
    return {name: value for name, value in keys.items() if value}


def default_region() -> str:
    """``$AWS_REGION`` or ``$AWS_DEFAULT_REGION``, else us-east-1."""
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION


class AwsClients:
    """One cached boto3 client per service, all in the same region and against the same endpoint."""

    def __init__(self, region: str | None = None, endpoint_url: str | None = None) -> None:
        self.region = region or default_region()
        self.endpoint_url = endpoint_url or os.environ.get("AWS_ENDPOINT_URL") or None
        self._clients: dict[str, Any] = {}
        self._session: Any = None

    def __call__(self, service: str, attempts: int = 5) -> Any:
        """The boto3 client for ``service`` ("s3", "dynamodb", ...), retrying throttles and 5xx ``attempts`` times."""
        key = service if attempts == 5 else f"{service}/{attempts}"
        if key not in self._clients:
            boto3 = require("boto3", extra="aws")
            botocore_config = require("botocore.config", extra="aws", package="botocore")
            # Path-style S3 addressing works against any endpoint (a moto server has no bucket DNS names).
            config = botocore_config.Config(
                s3={"addressing_style": "path"} if self.endpoint_url else {},
                retries={"max_attempts": attempts, "mode": "standard"},
            )
            if self._session is None:  # one session: building one loads botocore's service data
                self._session = boto3.session.Session(region_name=self.region, **colab_credentials())
            self._clients[key] = self._session.client(service, endpoint_url=self.endpoint_url, config=config)
        return self._clients[key]


def error_code(exc: BaseException) -> str:
    """The AWS error code of a botocore ClientError ("" for anything else)."""
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))
