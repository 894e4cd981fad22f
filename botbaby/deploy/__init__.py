"""Deployment: run botbaby on AWS, deployed by code (``botbaby deploy aws``, notebook 06_deploy_aws).

    botbaby deploy aws --data botbaby-data --name botbaby-demo --region us-east-1
    botbaby teardown aws --name botbaby-demo --region us-east-1

The AWS backends of the serving ports, the Lambda handler, the GPU worker and the stack that
creates and removes everything live in ``botbaby.deploy.aws``. Nothing here imports boto3 until a
function that needs it runs.
"""
