"""botbaby on AWS, one file per part, each importing boto3 only when it runs.

    >>> from botbaby.deploy.aws.stack import StackNames
    >>> StackNames("botbaby-demo", region="us-east-1", account="123456789012").queue("left")
    'botbaby-demo-left-jobs.fifo'

- ``stack.py``: ``deploy_aws`` / ``teardown_aws``, idempotent, every resource named and tagged NAME.
- ``cache.py`` (DynamoDB) and ``queue.py`` (SQS FIFO): the serving ports' AWS backends.
- ``handler.py``: the Lambda behind API Gateway; ``bundle.py`` builds its zip (no TensorFlow).
- ``worker.py`` with ``user-data.sh`` and ``botbaby-worker.service``: the GPU worker on EC2.
"""
