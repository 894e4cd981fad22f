"""Checks before the deploy creates anything: each failure is one line that says how to fix it.

    check_region("ap-south1")    # BotbabyError: unknown AWS region 'ap-south1' (did you mean 'ap-south-1'?) ...
    found = preflight(clients, instance_type="g4dn.xlarge", spot=False)
    found.subnets                # {"ap-south-1a": "subnet-...", ...}: default subnets offering the type

In order: the region exists, the credentials work, the region is enabled, the instance type is
offered there, the account's vCPU quota for its family fits one instance (Service Quotas), and the
default VPC has a default subnet in a zone offering the type. ``find_ami`` finds the worker's Deep
Learning AMI (the PyTorch one for the torch engine, the Base one for tf): SSM's public parameter
first, then ``DescribeImages`` (owner amazon, newest), and a clear error when neither knows one
(say, a region or partition without it): pass ``--ami``.
"""

import difflib
from dataclasses import dataclass, field
from typing import Any

from botbaby._optional import require
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.errors import BotbabyError

# The Deep Learning Base AMI (NVIDIA driver, Ubuntu 22.04): its SSM public parameter, and its name
# as DescribeImages lists it ("... (Ubuntu 22.04) 20241115"), for where SSM does not have it.
DL_AMI_PARAMETER = "/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id"
DL_AMI_NAME = "Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) *"
# The PyTorch Deep Learning AMI (NVIDIA driver, CUDA PyTorch in /opt/pytorch, no TensorFlow): the torch
# engine's. SSM's parameter names a PyTorch version (the AMI's name without "Deep Learning" and "AMI":
# "Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.9 (Ubuntu 24.04)"); DescribeImages finds any version.
PT_AMI_PARAMETER = "/aws/service/deeplearning/ami/x86_64/oss-nvidia-driver-gpu-pytorch-2.9-ubuntu-24.04/latest/ami-id"
PT_AMI_NAME = "Deep Learning OSS Nvidia Driver AMI GPU PyTorch * (Ubuntu 24.04) *"  # the layout the user data expects (/opt/pytorch); older releases may differ
AMIS = {  # engine -> (SSM parameter, DescribeImages name pattern, what to call it in an error)
    "tf": (DL_AMI_PARAMETER, DL_AMI_NAME, "Deep Learning Base GPU AMI"),
    "torch": (PT_AMI_PARAMETER, PT_AMI_NAME, "Deep Learning PyTorch GPU AMI"),
}
# Service Quotas codes of the vCPU limits, by instance family letter(s) and market.
_QUOTAS = {
    ("g", "on-demand"): ("L-DB2E81BA", "Running On-Demand G and VT instances"),
    ("vt", "on-demand"): ("L-DB2E81BA", "Running On-Demand G and VT instances"),
    ("p", "on-demand"): ("L-417A185B", "Running On-Demand P instances"),
    ("g", "spot"): ("L-3819A6DF", "All G and VT Spot Instance Requests"),
    ("vt", "spot"): ("L-3819A6DF", "All G and VT Spot Instance Requests"),
    ("p", "spot"): ("L-7212CCBC", "All P Spot Instance Requests"),
}


@dataclass
class Preflight:
    """What the checks found: where the worker can run."""

    subnets: dict[str, str] = field(default_factory=dict)  # availability zone -> default subnet offering the type
    vcpus: int = 0  # of one worker instance
    quota: float | None = None  # the family's vCPU quota; None when it could not be read
    notes: list[str] = field(default_factory=list)  # things worth knowing that do not stop the deploy


def known_regions() -> set[str]:
    """Every region botocore knows, in every partition."""
    session = require("boto3.session", extra="aws", package="boto3").Session()
    return {
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions("ec2", partition_name=partition)
    }


def check_region(region: str) -> str:
    """``region`` if AWS has it, else a one-line error naming the closest region."""
    regions = known_regions()
    if region in regions:
        return region
    close = difflib.get_close_matches(region, sorted(regions), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise BotbabyError(
        f"unknown AWS region {region!r}{hint}: pass --region with a code like us-east-1 or ap-south-1 "
        "(or upgrade boto3 if the region is newer than it)"
    )


def preflight(clients: AwsClients, instance_type: str, spot: bool = False) -> Preflight:
    """Check that the deploy can succeed before it creates anything; raise a one-line BotbabyError if not."""
    region = clients.region
    found = Preflight()
    _check_credentials(clients)
    ec2 = clients("ec2")
    try:
        regions = ec2.describe_regions(AllRegions=True, RegionNames=[region])["Regions"]
    except Exception as exc:
        if error_code(exc) in ("AuthFailure", "OptInRequired", "UnauthorizedOperation"):
            regions = []
        else:
            raise
    if regions and regions[0].get("OptInStatus") == "not-opted-in":
        raise BotbabyError(
            f"region {region} is not enabled for this account: enable it (AWS console → Account → AWS Regions) "
            "and deploy again, or pick another --region"
        )
    offerings = ec2.describe_instance_type_offerings(
        LocationType="availability-zone", Filters=[{"Name": "instance-type", "Values": [instance_type]}]
    )["InstanceTypeOfferings"]
    zones = sorted(offering["Location"] for offering in offerings)
    if not zones:
        raise BotbabyError(
            f"{instance_type} is not offered in {region}: pass another --instance-type (g4dn.xlarge, g5.xlarge, "
            "g6.xlarge) or another --region"
        )
    info = ec2.describe_instance_types(InstanceTypes=[instance_type])["InstanceTypes"][0]
    found.vcpus = int(info["VCpuInfo"]["DefaultVCpus"])
    _check_quota(clients, instance_type, found, spot)
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    if not vpcs:
        raise BotbabyError(
            f"no default VPC in {region}: create one with `aws ec2 create-default-vpc --region {region}` "
            "and deploy again"
        )
    subnets = ec2.describe_subnets(
        Filters=[
            {"Name": "vpc-id", "Values": [vpcs[0]["VpcId"]]},
            {"Name": "default-for-az", "Values": ["true"]},
        ]
    )["Subnets"]
    found.subnets = {s["AvailabilityZone"]: s["SubnetId"] for s in sorted(subnets, key=lambda s: s["AvailabilityZone"])}
    found.subnets = {zone: subnet for zone, subnet in found.subnets.items() if zone in zones}
    if not found.subnets:
        raise BotbabyError(
            f"the default VPC in {region} has no default subnet in a zone offering {instance_type} "
            f"({', '.join(zones)}): create one with `aws ec2 create-default-subnet --availability-zone {zones[0]}`"
        )
    return found


def _check_credentials(clients: AwsClients) -> None:
    botocore_exceptions = require("botocore.exceptions", extra="aws", package="botocore")
    try:
        clients("sts").get_caller_identity()
    except botocore_exceptions.NoCredentialsError as exc:
        raise BotbabyError(
            "no AWS credentials for the deploy: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
        ) from exc
    except botocore_exceptions.ClientError as exc:
        raise BotbabyError(
            f"AWS rejected the credentials ({error_code(exc)}): check AWS_PROFILE or the access keys "
            "(`aws sts get-caller-identity` must work) and deploy again"
        ) from exc


def _check_quota(clients: AwsClients, instance_type: str, found: Preflight, spot: bool) -> None:
    family = "vt" if instance_type.startswith("vt") else instance_type[:1]
    market = "spot" if spot else "on-demand"
    if (family, market) not in _QUOTAS:
        return
    code, title = _QUOTAS[(family, market)]
    found.quota = _quota_value(clients("service-quotas", attempts=2), code)  # only informative: fail fast
    if found.quota is None:
        found.notes.append(
            f"could not read the '{title}' vCPU quota ({code}); if the worker does not start, check it in "
            "Service Quotas → Amazon EC2"
        )
    elif found.quota < found.vcpus:
        raise BotbabyError(
            f"the '{title}' vCPU quota in {clients.region} is {found.quota:g}, and one {instance_type} needs "
            f"{found.vcpus}: request at least {found.vcpus} in Service Quotas → Amazon EC2 → quota {code} "
            "(new accounts start at 0; approval can take a day), then deploy again"
        )


def _quota_value(quotas: Any, code: str) -> float | None:
    """The account's applied quota, else AWS's default; None when neither can be read."""
    for call in (quotas.get_service_quota, quotas.get_aws_default_service_quota):
        try:
            return float(call(ServiceCode="ec2", QuotaCode=code)["Quota"]["Value"])
        except Exception as exc:
            if error_code(exc) in ("NoSuchResourceException", "ResourceNotFoundException"):
                continue  # no applied value (never changed): AWS's default applies
            return None
    return None


def find_ami(clients: AwsClients, engine: str = "tf") -> str:
    """The newest Deep Learning AMI for ``engine`` in the region (tf: the Base GPU AMI, TensorFlow comes from pip;
    torch: the PyTorch GPU AMI): SSM's public parameter, then DescribeImages."""
    parameter, name, title = AMIS[engine]
    try:
        return clients("ssm").get_parameter(Name=parameter)["Parameter"]["Value"]
    except Exception as exc:
        if not error_code(exc):
            raise
    images = clients("ec2").describe_images(
        Owners=["amazon"],
        Filters=[
            {"Name": "name", "Values": [name]},
            {"Name": "state", "Values": ["available"]},
            {"Name": "architecture", "Values": ["x86_64"]},
        ],
    )["Images"]
    if images:
        return max(images, key=lambda image: image.get("CreationDate", ""))["ImageId"]
    raise BotbabyError(
        f"no {title} found in {clients.region} (neither SSM {parameter} nor an amazon image named '{name}'): "
        f"pass --ami ami-... (an AMI with an NVIDIA driver{' and PyTorch in /opt/pytorch' if engine == 'torch' else ''})"
    )
