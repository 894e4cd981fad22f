"""The Lambda replaces a worker that cannot start in its zone, at request time; other start failures show on the page.

The deployed stack runs on a moto server; AWS's refusals (which moto never gives) are injected per call with
``refused``, so everything else the Lambda does really happens on the server.
"""

from botbaby.contract import majority_view
from botbaby.deploy.aws.fleet import VERSION_TAG, stack_instances, tags_of
from botbaby.deploy.aws.handler import Api

from .conftest import refused
from .test_handler import call, instance_state, lambda_environment


def instance(clients, instance_id):
    return clients("ec2").describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]


def stopped_worker_api(deployed, clients):
    clients("ec2").stop_instances(InstanceIds=[deployed.instance_id])
    return Api.from_env({**lambda_environment(clients), "BOTBABY_WAIT_S": "0"})


def test_no_capacity_in_the_workers_zone_replaces_it_in_another_zone_and_the_page_keeps_waiting(deployed, clients):
    api = stopped_worker_api(deployed, clients)
    old_zone = instance(clients, deployed.instance_id)["Placement"]["AvailabilityZone"]
    with refused(api.worker._ec2, "StartInstances", "InsufficientInstanceCapacity") as refusals:
        status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert [refusal["InstanceId.1"] for refusal in refusals] == [deployed.instance_id]
    assert status == 202 and body["status"] == "pending"  # no error: a worker is on its way
    assert instance_state(clients, deployed.instance_id) in ("shutting-down", "terminated")
    new = api.worker.current()
    assert new["InstanceId"] != deployed.instance_id and new["State"]["Name"] in ("pending", "running")
    assert new["Placement"]["AvailabilityZone"] != old_zone
    subnets = api.worker.target.subnets
    assert new["SubnetId"] == subnets[new["Placement"]["AvailabilityZone"]]  # a default subnet offering the type
    tags = tags_of(new)
    assert tags["botbaby:stack"] == "bb-test" and tags["Name"] == "bb-test-worker"
    assert tags[VERSION_TAG] == tags_of(instance(clients, deployed.instance_id))[VERSION_TAG]
    alarm = clients("cloudwatch").describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": new["InstanceId"]}]  # the backstop follows
    assert alarm["AlarmActions"] == ["arn:aws:automate:us-east-1:ec2:stop"]
    status, body = call(api, f"/jobs/{body['job']}")  # the next poll finds the new worker, and starts nothing
    assert status == 202
    assert [i["InstanceId"] for i in stack_instances(clients("ec2"), "bb-test")] == [new["InstanceId"]]


def test_a_replacement_whose_old_worker_cannot_be_terminated_still_has_the_idle_alarm(deployed, trained_data, clients):
    api = stopped_worker_api(deployed, clients)
    with (
        refused(api.worker._ec2, "StartInstances", "InsufficientInstanceCapacity"),
        refused(api.worker._ec2, "TerminateInstances", "RequestLimitExceeded") as terminations,
    ):
        status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 202 and body["status"] == "pending" and len(terminations) == 1
    new = api.worker.current()
    assert new["InstanceId"] != deployed.instance_id and instance_state(clients, deployed.instance_id) == "stopped"
    alarm = clients("cloudwatch").describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": new["InstanceId"]}]  # moved before the terminate

    from botbaby.deploy.aws.stack import deploy_aws  # the next deploy removes the stopped one left behind

    again = deploy_aws(trained_data, name="bb-test", region="us-east-1", ami=deployed_ami(clients), retry_wait_s=0)
    assert instance_state(clients, deployed.instance_id) in ("shutting-down", "terminated")
    assert any(f"terminated 1 stopped worker(s) older than the current one: {deployed.instance_id}" in note
               for note in again.notes)  # fmt: skip
    assert [i["InstanceId"] for i in stack_instances(clients("ec2"), "bb-test")] == [new["InstanceId"]]


def test_starting_a_worker_points_the_idle_alarm_at_it(deployed, clients):
    """Two replacements racing can leave two workers; whichever is started gets the backstop."""
    cloudwatch = clients("cloudwatch")
    alarm = cloudwatch.describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    settings = {key: alarm[key] for key in ("AlarmName", "MetricName", "Namespace", "Statistic", "Period",
                                            "EvaluationPeriods", "Threshold", "ComparisonOperator", "AlarmActions")}
    cloudwatch.put_metric_alarm(**settings, Dimensions=[{"Name": "InstanceId", "Value": "i-0123456789abcdef0"}])
    api = stopped_worker_api(deployed, clients)
    status, _ = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 202 and instance_state(clients, deployed.instance_id) in ("pending", "running")
    alarm = cloudwatch.describe_alarms(AlarmNames=["bb-test-worker-idle"])["MetricAlarms"][0]
    assert alarm["Dimensions"] == [{"Name": "InstanceId", "Value": deployed.instance_id}]
    assert alarm["AlarmActions"] == settings["AlarmActions"]


def test_a_start_that_fell_back_to_stopped_for_capacity_is_replaced_at_the_next_poll(deployed, clients):
    api = stopped_worker_api(deployed, clients)

    def no_capacity_reason(parsed, **_):  # StartInstances answered, then the instance stopped again
        for reservation in parsed.get("Reservations", []):
            for found in reservation["Instances"]:
                if found["InstanceId"] == deployed.instance_id:
                    found["StateReason"] = {"Code": "Server.InsufficientInstanceCapacity", "Message": "no capacity"}

    api.worker._ec2.meta.events.register("after-call.ec2.DescribeInstances", no_capacity_reason)
    with refused(api.worker._ec2, "StartInstances", "IncorrectInstanceState") as starts:
        status, _ = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 202 and starts == []  # not started again in the zone that just had no capacity
    assert instance_state(clients, deployed.instance_id) in ("shutting-down", "terminated")
    assert api.worker.current()["InstanceId"] != deployed.instance_id


def test_other_start_failures_are_an_error_on_the_page_within_one_poll(deployed, clients):
    api = stopped_worker_api(deployed, clients)
    with refused(api.worker._ec2, "StartInstances", "UnauthorizedOperation"):
        status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 422 and "the API may not start the GPU worker: run `botbaby deploy aws` again" in body["error"]
    assert instance_state(clients, deployed.instance_id) == "stopped"  # nothing replaced for a permission problem
    with refused(api.worker._ec2, "StartInstances", "VcpuLimitExceeded"):
        status, body = call(api, "/generate", model="right", prompt="Fuel prices")
    assert status == 422 and "GPU vCPU quota" in body["error"]


def test_a_job_queued_before_the_failure_shows_it_at_its_next_poll(deployed, clients):
    api = stopped_worker_api(deployed, clients)
    clients("ec2").start_instances(InstanceIds=[deployed.instance_id])
    status, body = call(api, "/generate", model="left", prompt="Fuel prices")  # the worker is up: 202
    assert status == 202
    clients("ec2").terminate_instances(InstanceIds=[deployed.instance_id])  # then it is gone
    status, body = call(api, f"/jobs/{body['job']}")
    assert status == 422 and "the GPU worker was terminated" in body["error"]


def test_the_api_role_may_replace_the_worker_and_nothing_more(deployed, clients):
    import json

    policy = clients("iam").get_role_policy(RoleName="bb-test-us-east-1-api", PolicyName="bb-test-us-east-1-api")
    document = policy["PolicyDocument"]
    document = json.loads(document) if isinstance(document, str) else document
    grants = {action: statement for statement in document["Statement"] for action in statement["Action"]}
    assert grants["iam:PassRole"]["Resource"] == ["arn:aws:iam::123456789012:role/bb-test-us-east-1-worker"]
    run = [s for s in document["Statement"] if "ec2:RunInstances" in s["Action"]]
    assert any(
        s["Resource"] == ["arn:aws:ec2:us-east-1:123456789012:instance/*"]
        and s["Condition"] == {"StringEquals": {"aws:RequestTag/botbaby:stack": "bb-test"}}
        for s in run
    )  # a new instance must carry the stack's tag
    assert grants["ec2:TerminateInstances"]["Condition"] == {
        "StringEquals": {"aws:ResourceTag/botbaby:stack": "bb-test"}
    }  # and only the stack's instances can be terminated
    assert grants["ec2:CreateTags"]["Condition"] == {"StringEquals": {"ec2:CreateAction": "RunInstances"}}
    assert grants["cloudwatch:PutMetricAlarm"]["Resource"] == [
        "arn:aws:cloudwatch:us-east-1:123456789012:alarm:bb-test-worker-idle"
    ]


def test_a_running_worker_from_an_older_template_finishes_its_job_stops_and_the_next_prompt_replaces_it(
    deployed, trained_data, clients, expected, launched_worker_settings
):
    import threading

    from botbaby.deploy.aws.stack import deploy_aws
    from botbaby.deploy.aws.worker import run

    from .conftest import FakeGenerator

    working, finish, powered_off = threading.Event(), threading.Event(), threading.Event()

    class HeldGenerator(FakeGenerator):  # the left side's job is in progress while the deploy runs
        def generate(self, prompt, settings=None, seed=None):
            working.set()
            assert finish.wait(60)
            return super().generate(prompt, settings, seed)

    settings = launched_worker_settings()  # what the running worker (template version 1) read at boot
    settings.poll_s, settings.version_check_s = 0.2, 0.2
    assert settings.launch_template == "bb-test-worker"
    api = Api.from_env({**lambda_environment(clients), "BOTBABY_WAIT_S": "0"})
    status, body = call(api, "/generate", model="left", prompt="Fuel prices")
    assert status == 202
    result = {}
    worker = threading.Thread(
        target=lambda: result.update(run(settings, deployed.instance_id, HeldGenerator, powered_off.set)), daemon=True
    )
    worker.start()
    assert working.wait(30)

    again = deploy_aws(trained_data, name="bb-test", region="us-east-1", ami=deployed_ami(clients), retry_wait_s=0,
                       idle_stop_s=1200.0)  # fmt: skip
    assert ("ec2-instance", deployed.instance_id, "outdated") in {(a.resource, a.name, a.action) for a in again.actions}
    assert any("finishes the jobs it holds and stops itself" in note and "version 2" in note for note in again.notes)
    assert instance_state(clients, deployed.instance_id) == "running"  # not killed mid-job

    finish.set()
    worker.join(30)
    assert not worker.is_alive() and not powered_off.is_set()
    assert result["left"]["done"] == 1  # the job it held was answered first
    assert instance_state(clients, deployed.instance_id) == "stopped"
    answer = [post.to_dict() for post in majority_view(expected("left", "Fuel prices"))]
    assert call(api, f"/jobs/{body['job']}") == (200, answer)

    status, _ = call(api, "/generate", model="right", prompt="Rent")  # the next prompt replaces it
    assert status == 202
    assert instance_state(clients, deployed.instance_id) in ("shutting-down", "terminated")
    new = api.worker.current()
    assert tags_of(new)[VERSION_TAG] == "2" and new["State"]["Name"] in ("pending", "running")
    data = clients("ec2").describe_launch_template_versions(LaunchTemplateName="bb-test-worker", Versions=["2"])
    assert data["LaunchTemplateVersions"][0]["DefaultVersion"]


def test_the_version_check_leaves_a_current_worker_alone(deployed, clients):
    from botbaby.deploy.aws.worker import template_outdated

    assert template_outdated(clients, "bb-test-worker", deployed.instance_id) is None
    clients("ec2").create_tags(Resources=[deployed.instance_id], Tags=[{"Key": VERSION_TAG, "Value": "0"}])
    assert "bb-test-worker is at version 1, this worker is from version 0" in template_outdated(
        clients, "bb-test-worker", deployed.instance_id
    )


def deployed_ami(clients) -> str:
    return clients("ec2").describe_launch_template_versions(LaunchTemplateName="bb-test-worker", Versions=["$Default"])[
        "LaunchTemplateVersions"
    ][0]["LaunchTemplateData"]["ImageId"]


def test_a_replacement_not_yet_listed_is_waited_for_a_worker_long_gone_is_not(aws_env):
    from botocore.stub import Stubber

    from botbaby.deploy.aws.clients import AwsClients
    from botbaby.deploy.aws.fleet import WorkerInstance, WorkerTarget

    worker = WorkerInstance(WorkerTarget("bb-test", "bb-test-worker"), AwsClients("us-east-1"))
    worker.settle_s = 0

    def query(*states):
        return {"Filters": [{"Name": "tag:botbaby:stack", "Values": ["bb-test"]},
                            {"Name": "instance-state-name", "Values": list(states)}]}  # fmt: skip

    live = query("pending", "running", "stopping", "stopped")

    def listing(*instances):
        return {"Reservations": [{"Instances": [{"InstanceId": i, "State": {"Name": s}} for i, s in instances]}]}

    with Stubber(worker._ec2) as ec2:  # EC2 lists the old worker shutting down, and the new one only later
        ec2.add_response("describe_instances", {"Reservations": []}, live)
        ec2.add_response("describe_instances", listing(("i-0old", "shutting-down")), query("shutting-down"))
        ec2.add_response("describe_instances", listing(("i-0new", "pending")), live)
        assert worker.current()["InstanceId"] == "i-0new"
        ec2.assert_no_pending_responses()
    with Stubber(worker._ec2) as ec2:  # nothing shutting down: gone, at once
        ec2.add_response("describe_instances", {"Reservations": []}, live)
        ec2.add_response("describe_instances", {"Reservations": []}, query("shutting-down"))
        assert worker.current() is None
        ec2.assert_no_pending_responses()
