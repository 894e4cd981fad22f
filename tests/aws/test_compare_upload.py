"""The AWS page's "How they differ": botbaby compare's page view is uploaded beside the page, readable by all."""

import json

from botbaby.compare import compare
from botbaby.deploy.aws.stack import COMPARE_KEY, deploy_aws
from botbaby.formats import page_view

STACK = "bb-test"
REGION = "us-east-1"


def test_a_comparison_is_uploaded_as_compare_json_beside_the_page_and_is_public(trained_data, ami, aws_env, clients):
    for side, words in (("left", "unions wages nurses"), ("right", "borders farmers police")):
        lines = [f"<|startoftext|>Our {words} matter {i}<|endoftext|>\n" for i in range(12)]
        (trained_data / side / "train.txt").write_text("".join(lines[:10]), encoding="utf-8")
        (trained_data / side / "val.txt").write_text("".join(lines[10:]), encoding="utf-8")
    compare(trained_data, samples=0, min_count=1)
    result = deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0)
    s3, bucket = clients("s3"), f"{STACK}-123456789012-us-east-1"
    uploaded = json.loads(s3.get_object(Bucket=bucket, Key=COMPARE_KEY)["Body"].read())
    assert uploaded == page_view(trained_data) and uploaded["divergence"]["left"]
    assert s3.head_object(Bucket=bucket, Key=COMPARE_KEY)["ContentType"] == "application/json"
    public = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])["Statement"][0]["Resource"]
    assert f"arn:aws:s3:::{bucket}/{COMPARE_KEY}" in public
    again = deploy_aws(trained_data, name=STACK, region=REGION, ami=ami, retry_wait_s=0)
    assert not again.changed() and result.page_url == again.page_url


def test_without_a_comparison_nothing_is_uploaded_for_it(deployed, clients):
    keys = {o["Key"] for o in clients("s3").list_objects_v2(Bucket=f"{STACK}-123456789012-us-east-1")["Contents"]}
    assert "index.html" in keys and "compare.js" in keys and COMPARE_KEY not in keys
