"""notebooks/06_deploy_aws.ipynb runs headlessly with papermill against the moto server."""

from botbaby.deploy.aws.clients import AwsClients


def test_06_deploy_aws_deploys_twice_without_changes_and_tears_down(run_notebook, trained_data, ami, aws_env):
    results = run_notebook(
        "06_deploy_aws",
        env=aws_env,
        DATA=str(trained_data),
        NAME="bb-notebook",
        REGION="us-east-1",
        AMI=ami,
        ENDPOINT_URL=aws_env["AWS_ENDPOINT_URL"],
        TEARDOWN=True,
    )

    assert set(results["first_run"]) == {"created"} and results["first_run"]["created"] >= 20
    assert set(results["second_run"]) == {"unchanged"}
    assert sum(results["first_run"].values()) == sum(results["second_run"].values())
    assert results["page_url"] == "http://bb-notebook-123456789012-us-east-1.s3-website-us-east-1.amazonaws.com"
    assert results["instance_id"].startswith("i-")
    assert set(results["removed"]) <= {"deleted", "absent"} and results["removed"]["deleted"] >= 10
    s3 = AwsClients("us-east-1", aws_env["AWS_ENDPOINT_URL"])("s3")
    assert s3.list_buckets()["Buckets"] == []
