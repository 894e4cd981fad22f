"""botbaby on AWS, one file per part, each importing boto3 only when it runs.

    >>> from botbaby.deploy.aws.stack import StackNames
    >>> StackNames("botbaby-demo", region="us-east-1", account="123456789012").queue("left")
    'botbaby-demo-left-jobs.fifo'

- ``stack.py``: ``deploy_aws`` / ``teardown_aws``, idempotent, every resource named and tagged NAME;
  ``names.py`` (names, ARNs, partition), ``policies.py`` (IAM), ``preflight.py`` (checks before
  anything is created, the AMI), ``artifacts.py`` (the wheel, pinned versions, models, user data),
  ``create.py`` and ``teardown.py`` (one method per resource).
- ``cache.py`` (DynamoDB) and ``queue.py`` (SQS FIFO): the serving ports' AWS backends.
- ``handler.py``: the Lambda behind API Gateway; ``bundle.py`` builds its zip (no TensorFlow).
- ``worker.py`` with ``user-data.sh`` and the systemd units: the GPU worker on EC2, which stops
  itself (or powers off) when idle or broken; ``logship.py`` sends its journal to CloudWatch Logs.
"""
