"""Delete every resource of a stack, and only those: each must carry the stack's tag.

    Teardown(clients, "botbaby-demo", retry_wait_s=0).teardown()   # -> [Action(..., "deleted"), ...]

A resource under one of the stack's names without its tag is left alone ("skipped"); one that is
not there is "absent", so a second teardown (or one after a cut-short deploy) says what is left.
"""

from botbaby.deploy.aws.clients import error_code
from botbaby.deploy.aws.names import TAG
from botbaby.deploy.aws.resources import Action, StackRun, table_tags, tag_dict


class Teardown(StackRun):
    """One teardown run of stack ``name``."""

    def teardown(self) -> list[Action]:
        names = self.names
        self._delete_http_api()
        function = self._delete_function()
        if function != "skipped":  # Lambda's own log group belongs to the function it logs
            self._delete_log_group(names.log_group, tagged=False)
        self._delete_log_group(names.access_log_group)
        self._delete_alarm()
        self._delete_instances()
        self._delete_launch_template()
        self._delete_instance_profile()
        for role in (names.api_role, names.worker_role):
            self._delete_role(role)
        self._delete_log_group(names.worker_log_group)
        for queue in self._side_queues() + [names.dead_letter_queue]:
            self._delete_queue(queue)
        for table in (names.cache_table, names.feedback_table):
            self._delete_table(table)
        self._delete_budget()
        self._delete_bucket()
        return self.actions

    def _delete_http_api(self) -> None:
        apigw = self.aws("apigatewayv2")
        apis = [api for api in apigw.get_apis().get("Items", []) if api["Name"] == self.names.http_api]
        ours = [api for api in apis if api.get("Tags", {}).get(TAG) == self.names.name]
        if not ours:
            self.did("apigateway-http-api", self.names.http_api, "skipped" if apis else "absent")
            return
        apigw.delete_api(ApiId=ours[0]["ApiId"])  # with its integration, routes and stage
        self.did("apigateway-http-api", self.names.http_api, "deleted")

    def _delete_function(self) -> str:
        lam, function = self.aws("lambda"), self.names.function
        try:
            tags = lam.get_function(FunctionName=function).get("Tags", {})
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            return self.did("lambda-function", function, "absent")
        if tags.get(TAG) != self.names.name:
            return self.did("lambda-function", function, "skipped")
        lam.delete_function(FunctionName=function)
        return self.did("lambda-function", function, "deleted")

    def _delete_log_group(self, group: str, tagged: bool = True) -> None:
        """Delete a log group; ``tagged``: only if it carries the stack's tag (Lambda's own groups carry none)."""
        logs = self.aws("logs")
        found = [
            g for g in logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"] if g["logGroupName"] == group
        ]
        if not found:
            self.did("logs-log-group", group, "absent")
            return
        if tagged and logs.list_tags_log_group(logGroupName=group).get("tags", {}).get(TAG) != self.names.name:
            self.did("logs-log-group", group, "skipped")
            return
        logs.delete_log_group(logGroupName=group)
        self.did("logs-log-group", group, "deleted")

    def _delete_alarm(self) -> None:
        cloudwatch, alarm = self.aws("cloudwatch"), self.names.idle_alarm
        found = cloudwatch.describe_alarms(AlarmNames=[alarm])["MetricAlarms"]
        if not found:
            self.did("cloudwatch-alarm", alarm, "absent")
            return
        tags = tag_dict(cloudwatch.list_tags_for_resource(ResourceARN=found[0]["AlarmArn"]).get("Tags", []))
        if tags.get(TAG) != self.names.name:
            self.did("cloudwatch-alarm", alarm, "skipped")
            return
        cloudwatch.delete_alarms(AlarmNames=[alarm])
        self.did("cloudwatch-alarm", alarm, "deleted")

    def _delete_instances(self) -> None:
        instances = [i["InstanceId"] for i in self.instances(("pending", "running", "stopping", "stopped"))]
        self.terminate(instances)
        for instance_id in instances:
            self.did("ec2-instance", instance_id, "deleted")
        if not instances:
            self.did("ec2-instance", self.names.worker, "absent")

    def _delete_launch_template(self) -> None:
        ec2, template = self.aws("ec2"), self.names.launch_template
        try:
            found = ec2.describe_launch_templates(LaunchTemplateNames=[template])["LaunchTemplates"]
        except Exception as exc:
            if "NotFound" not in error_code(exc) and "InvalidLaunchTemplateName" not in error_code(exc):
                raise
            found = []
        if not found:
            self.did("ec2-launch-template", template, "absent")
        elif tag_dict(found[0].get("Tags", [])).get(TAG) != self.names.name:
            self.did("ec2-launch-template", template, "skipped")
        else:
            ec2.delete_launch_template(LaunchTemplateName=template)
            self.did("ec2-launch-template", template, "deleted")

    def _delete_instance_profile(self) -> None:
        iam, profile = self.aws("iam"), self.names.instance_profile
        try:
            found = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            self.did("iam-instance-profile", profile, "absent")
            return
        if tag_dict(found.get("Tags", [])).get(TAG) != self.names.name:
            self.did("iam-instance-profile", profile, "skipped")
            return
        for role in found["Roles"]:
            iam.remove_role_from_instance_profile(InstanceProfileName=profile, RoleName=role["RoleName"])
        iam.delete_instance_profile(InstanceProfileName=profile)
        self.did("iam-instance-profile", profile, "deleted")

    def _delete_role(self, role: str) -> None:
        iam = self.aws("iam")
        try:
            tags = tag_dict(iam.list_role_tags(RoleName=role)["Tags"])
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            self.did("iam-role", role, "absent")
            return
        if tags.get(TAG) != self.names.name:
            self.did("iam-role", role, "skipped")
            return
        for policy in iam.list_role_policies(RoleName=role)["PolicyNames"]:
            iam.delete_role_policy(RoleName=role, PolicyName=policy)
        for policy in iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"]:
            iam.detach_role_policy(RoleName=role, PolicyArn=policy["PolicyArn"])
        iam.delete_role(RoleName=role)
        self.did("iam-role", role, "deleted")

    def _side_queues(self) -> list[str]:
        urls = []
        for page in self.aws("sqs").get_paginator("list_queues").paginate(QueueNamePrefix=f"{self.names.name}-"):
            urls.extend(page.get("QueueUrls", []))
        return sorted(name for name in (url.rsplit("/", 1)[1] for url in urls) if self.names.is_queue(name))

    def _delete_queue(self, queue: str) -> None:
        sqs = self.aws("sqs")
        try:
            url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        except Exception as exc:
            if "NonExistentQueue" not in error_code(exc):
                raise
            self.did("sqs-queue", queue, "absent")
            return
        if sqs.list_queue_tags(QueueUrl=url).get("Tags", {}).get(TAG) != self.names.name:
            self.did("sqs-queue", queue, "skipped")
            return
        sqs.delete_queue(QueueUrl=url)
        self.did("sqs-queue", queue, "deleted")

    def _delete_table(self, table: str) -> None:
        dynamodb = self.aws("dynamodb")
        tags = table_tags(dynamodb, table)
        if tags is None:
            self.did("dynamodb-table", table, "absent")
            return
        if tags.get(TAG) != self.names.name:
            self.did("dynamodb-table", table, "skipped")
            return
        dynamodb.delete_table(TableName=table)
        self.did("dynamodb-table", table, "deleted")

    def _delete_budget(self) -> None:
        """The optional cost budget (named after the stack and region; budgets carry no tags here)."""
        budgets, name = self.aws("budgets"), self.names.budget
        try:
            budgets.describe_budget(AccountId=self.names.account, BudgetName=name)
        except Exception as exc:
            if error_code(exc) != "NotFoundException":
                raise
            return  # the budget is optional: no line for one never made
        budgets.delete_budget(AccountId=self.names.account, BudgetName=name)
        self.did("budgets-budget", name, "deleted")

    def _delete_bucket(self) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            tags = tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"])
        except Exception as exc:
            if error_code(exc) in ("NoSuchBucket", "404"):
                self.did("s3-bucket", bucket, "absent")
                return
            if error_code(exc) != "NoSuchTagSet":
                raise
            tags = {}
        if tags.get(TAG) != self.names.name:
            self.did("s3-bucket", bucket, "skipped")
            return
        for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
            doomed = [
                {"Key": entry["Key"], "VersionId": entry["VersionId"]}
                for entry in page.get("Versions", []) + page.get("DeleteMarkers", [])
            ]
            if doomed:
                s3.delete_objects(Bucket=bucket, Delete={"Objects": doomed, "Quiet": True})
        s3.delete_bucket(Bucket=bucket)
        self.did("s3-bucket", bucket, "deleted")
