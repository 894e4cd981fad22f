"""``botbaby deploy aws`` and ``botbaby teardown aws``: the CLI of notebook 06_deploy_aws.

    botbaby deploy aws --data botbaby-data --name botbaby-demo [--region ap-south-1]
                       [--instance-type g4dn.xlarge] [--ami ami-...] [--spot] [--sides left,right]
    botbaby teardown aws --name botbaby-demo [--region ap-south-1]

The options are DeploySettings' fields (``botbaby.deploy.aws.settings``), with its defaults. Both
print one line per resource (created / updated / replaced / unchanged, or deleted / absent /
skipped) and call the same functions as the notebook (``botbaby.deploy.aws.stack``).
"""

import argparse
import dataclasses

from botbaby.cli import add_data_arg
from botbaby.config import add_config_options, config_from_args
from botbaby.deploy.aws.settings import DeploySettings

_STACK_OPTIONS = ("name", "region")  # all a teardown needs


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    deploy = subparsers.add_parser("deploy", help="deploy botbaby on a cloud (06_deploy_aws)")
    targets = deploy.add_subparsers(dest="target", required=True, metavar="TARGET")
    aws = targets.add_parser("aws", help="S3 page, API Gateway + Lambda, DynamoDB, SQS FIFO, GPU EC2 worker")
    add_data_arg(aws)
    add_config_options(aws, DeploySettings)
    _add_endpoint_arg(aws)
    aws.set_defaults(func=_deploy)

    teardown = subparsers.add_parser("teardown", help="remove a deployment (06_deploy_aws)")
    targets = teardown.add_subparsers(dest="target", required=True, metavar="TARGET")
    aws = targets.add_parser("aws", help="delete every resource tagged with the stack's name")
    others = tuple(f.name for f in dataclasses.fields(DeploySettings) if f.name not in _STACK_OPTIONS)
    add_config_options(aws, DeploySettings, exclude=others)
    _add_endpoint_arg(aws)
    aws.set_defaults(func=_teardown)


def _add_endpoint_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--endpoint-url", default=None, help="AWS endpoint (tests, LocalStack; default: $AWS_ENDPOINT_URL)"
    )


def _deploy(args: argparse.Namespace) -> int:
    from botbaby.deploy.aws.stack import deploy_aws

    result = deploy_aws(args.data, config_from_args(DeploySettings, args), endpoint_url=args.endpoint_url)
    for action in result.actions:
        print(f"{action.action:10} {action.resource:24} {action.name}")
    print(f"page: {result.page_url}\napi:  {result.api_url}")
    return 0


def _teardown(args: argparse.Namespace) -> int:
    from botbaby.deploy.aws.stack import teardown_aws

    config = config_from_args(DeploySettings, args)
    for action in teardown_aws(config.name, config.region or None, endpoint_url=args.endpoint_url):
        print(f"{action.action:10} {action.resource:24} {action.name}")
    return 0
