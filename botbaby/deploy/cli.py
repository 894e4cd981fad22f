"""``botbaby deploy aws`` and ``botbaby teardown aws``: the CLI of notebook 06_deploy_aws.

    botbaby deploy aws --data botbaby-data --name botbaby-demo [--region us-east-1]
                       [--instance-type g4dn.xlarge] [--ami ami-...]
    botbaby teardown aws --name botbaby-demo [--region us-east-1]

Both print one line per resource (created / updated / unchanged, or deleted / absent / skipped)
and call the same functions as the notebook (``botbaby.deploy.aws.stack``).
"""

import argparse

from botbaby.cli import add_data_arg


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    deploy = subparsers.add_parser("deploy", help="deploy botbaby on a cloud (06_deploy_aws)")
    targets = deploy.add_subparsers(dest="target", required=True, metavar="TARGET")
    aws = targets.add_parser("aws", help="S3 page, API Gateway + Lambda, DynamoDB, SQS FIFO, GPU EC2 worker")
    add_data_arg(aws)
    _add_stack_args(aws)
    aws.add_argument("--instance-type", default="g4dn.xlarge", help="GPU worker instance type (default: g4dn.xlarge)")
    aws.add_argument("--ami", default=None, help="worker AMI (default: the latest Deep Learning Base AMI)")
    aws.add_argument(
        "--side", dest="sides", action="append", help="a side to serve (repeatable; default: every trained side)"
    )
    aws.add_argument(
        "--spot",
        action="store_true",
        default=None,
        help="run the worker as a spot instance (cheaper, may be interrupted)",
    )
    aws.set_defaults(func=_deploy)

    teardown = subparsers.add_parser("teardown", help="remove a deployment (06_deploy_aws)")
    targets = teardown.add_subparsers(dest="target", required=True, metavar="TARGET")
    aws = targets.add_parser("aws", help="delete every resource tagged with the stack's name")
    _add_stack_args(aws)
    aws.set_defaults(func=_teardown)


def _add_stack_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", required=True, help="stack name: prefix and tag of every resource (e.g. botbaby-demo)"
    )
    parser.add_argument(
        "--region", default=None, help="AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1)"
    )
    parser.add_argument(
        "--endpoint-url", default=None, help="AWS endpoint (tests, LocalStack; default: $AWS_ENDPOINT_URL)"
    )


def _deploy(args: argparse.Namespace) -> int:
    from botbaby.deploy.aws.stack import deploy_aws

    extra = {"sides": args.sides} if args.sides else {}
    if args.spot:
        extra["spot"] = True
    result = deploy_aws(
        args.data, args.name, args.region, args.instance_type, args.ami, endpoint_url=args.endpoint_url, **extra
    )
    for action in result.actions:
        print(f"{action.action:10} {action.resource:24} {action.name}")
    print(f"page: {result.page_url}\napi:  {result.api_url}")
    return 0


def _teardown(args: argparse.Namespace) -> int:
    from botbaby.deploy.aws.stack import teardown_aws

    for action in teardown_aws(args.name, args.region, endpoint_url=args.endpoint_url):
        print(f"{action.action:10} {action.resource:24} {action.name}")
    return 0
