"""The Lambda's code bundle: the light parts of botbaby as a zip, byte-for-byte reproducible.

    >>> names = zipfile.ZipFile(io.BytesIO(build_bundle())).namelist()
    >>> "botbaby/deploy/aws/handler.py" in names, any("tensorflow" in name for name in names)
    (True, False)

Only the modules the handler imports go in (the contract, the serving ports and API core, the AWS
backends); boto3 comes with every Lambda Python runtime. Fixed timestamps and permissions make the zip's
sha256 depend on the code alone, so a redeploy with unchanged code leaves the function unchanged.
"""

import base64
import hashlib
import io
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3]  # the folder holding botbaby/
HANDLER = "botbaby.deploy.aws.handler.handler"  # the Lambda's handler setting

# Everything botbaby.deploy.aws.handler imports, and nothing else.
LAMBDA_MODULES = (
    "botbaby/__init__.py",
    "botbaby/errors.py",
    "botbaby/layout.py",
    "botbaby/_optional.py",
    "botbaby/contract.py",
    "botbaby/serve/__init__.py",
    "botbaby/serve/ports.py",
    "botbaby/serve/routes.py",
    "botbaby/serve/service.py",
    "botbaby/serve/openapi.py",
    "botbaby/deploy/__init__.py",
    "botbaby/deploy/aws/__init__.py",
    "botbaby/deploy/aws/clients.py",
    "botbaby/deploy/aws/names.py",
    "botbaby/deploy/aws/fleet.py",
    "botbaby/deploy/aws/cache.py",
    "botbaby/deploy/aws/queue.py",
    "botbaby/deploy/aws/handler.py",
)
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record


def build_bundle(root: Path = PACKAGE) -> bytes:
    """The Lambda zip: LAMBDA_MODULES from ``root``, in a fixed order with fixed metadata."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in LAMBDA_MODULES:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (root / name).read_bytes())
    return buffer.getvalue()


def code_sha256(bundle: bytes) -> str:
    """The bundle's digest as Lambda reports it (``CodeSha256``: base64 of the sha256)."""
    return base64.b64encode(hashlib.sha256(bundle).digest()).decode()
