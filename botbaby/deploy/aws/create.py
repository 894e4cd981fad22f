"""Create or update every resource of a stack, in order; a second run with nothing changed changes nothing.

    run = Deploy(clients, settings, retry_wait_s=5.0, found=preflight(clients, "g4dn.xlarge"))
    run.deploy(layout, site_dir)   # -> (page URL, API URL, worker instance id); run.actions says what it did

Each method reads the resource, refuses one of the same name without the stack's tag, creates it
if missing, updates what differs, and records created / updated / replaced / unchanged.
"""

import base64
import hashlib
import json
import mimetypes
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from botbaby.deploy.aws import artifacts
from botbaby.deploy.aws.bundle import HANDLER, build_bundle, code_sha256
from botbaby.deploy.aws.clients import AwsClients, error_code
from botbaby.deploy.aws.fleet import VERSION_TAG, NoCapacity, WorkerTarget, launch
from botbaby.deploy.aws.names import TAG
from botbaby.deploy.aws.policies import (
    ARTIFACTS_PREFIX,
    COMPARE_KEY,
    MODELS_PREFIX,
    PROMPTS_KEY,
    api_policy,
    worker_policy,
)
from botbaby.deploy.aws.preflight import Preflight
from botbaby.deploy.aws.resources import (
    StackRun,
    document,
    ensure,
    head,
    pages,
    same_attribute,
    sorted_cors,
    table_tags,
    tag_dict,
    tag_list,
)
from botbaby.deploy.aws.worker import WorkerSettings
from botbaby.errors import BotbabyError
from botbaby.formats import page_view
from botbaby.layout import Layout, SidePaths

if TYPE_CHECKING:
    from botbaby.deploy.aws.settings import DeploySettings

ROUTES = (  # the page's calls, as botbaby serve answers them
    "GET /generate",
    "GET /jobs/{id}",
    "GET /prompts",
    "GET /popular",
    "POST /feedback",
    "GET /sides",
    "GET /healthz",
)
_PUBLIC_ACCESS = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": False,  # the page files are public through the bucket policy
    "RestrictPublicBuckets": False,
}
# API Gateway's access log, one JSON line per request (usage statistics, errors, latency).
ACCESS_LOG_FORMAT = json.dumps(
    {
        "requestId": "$context.requestId",
        "time": "$context.requestTimeEpoch",
        "route": "$context.routeKey",
        "status": "$context.status",
        "latencyMs": "$context.responseLatency",
        "ip": "$context.identity.sourceIp",
        "error": "$context.integrationErrorMessage",
    },
    sort_keys=True,
)


class Deploy(StackRun):
    """One deploy run of stack ``config.name``."""

    def __init__(
        self, clients: AwsClients, config: "DeploySettings", retry_wait_s: float, found: Preflight | None = None
    ) -> None:
        super().__init__(clients, config.name, retry_wait_s)
        self.config = config
        self.versions: dict[str, str] = {}  # side -> model fingerprint, set by deploy()
        self.found = found or Preflight()
        self.notes: list[str] = list(self.found.notes)

    def deploy(self, layout: Layout, site_dir: Path) -> tuple[str, str, str]:
        """Create or update the stack; return (page URL, API URL, worker instance id)."""
        names, config = self.names, self.config
        self.table(names.cache_table)
        self.table(names.feedback_table, key="id")
        dlq_arn = self.queue(names.dead_letter_queue, {"MessageRetentionPeriod": "1209600"})[1]
        queue_urls, queue_arns = {}, []
        for side in config.sides:
            queue_urls[side], arn = self.queue(
                names.queue(side),
                {
                    "VisibilityTimeout": str(config.visibility_timeout_s),
                    "MessageRetentionPeriod": "345600",
                    "RedrivePolicy": json.dumps(
                        {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": config.max_receives}
                    ),
                },
            )
            queue_arns.append(arn)
        self.bucket(site_dir)
        for side in config.sides:
            self.model(side, layout.side(side))
        self.versions = {side: layout.model_fingerprint(side) for side in config.sides}
        self.object(PROMPTS_KEY, b"[]", overwrite=False)  # the worker appends to it from now on
        wheel_key, constraints_key = self.checkout()
        self.log_group(names.worker_log_group)
        self.role(
            names.worker_role, "ec2.amazonaws.com", worker_policy(names, queue_arns, config.sentiment == "comprehend")
        )
        self.instance_profile(names.worker_role)
        worker = WorkerSettings(
            region=self.aws.region,
            bucket=names.bucket,
            cache_table=names.cache_table,
            queue_urls=queue_urls,
            sentiment=config.sentiment,
            engine=config.engine,
            idle_stop_s=config.idle_stop_s,
            log_group=names.worker_log_group,
            launch_template=names.launch_template,
        )
        version = self.launch_template(worker, wheel_key, constraints_key)
        instance_id = self.instance(version)
        self.idle_alarm(instance_id)
        api_role_arn = self.role(names.api_role, "lambda.amazonaws.com", api_policy(names, queue_arns))
        function_arn = self.function(api_role_arn, queue_urls, instance_id)
        self.log_group(names.access_log_group)
        api_id, api_url = self.http_api(function_arn)
        self.permission(api_id)
        if config.budget_usd > 0:
            self.budget()
        self.site(site_dir, api_url)
        if (comparison := page_view(layout.root)) is not None:  # the page's "How they differ" (botbaby compare)
            self.object(
                COMPARE_KEY, json.dumps(comparison, ensure_ascii=False).encode(), content_type="application/json"
            )
        return names.page_url, api_url, instance_id

    # ------------------------------------------------------------ data
    def table(self, table: str, key: str = "key") -> None:
        dynamodb = self.aws("dynamodb")
        tags = table_tags(dynamodb, table)
        if tags is not None:
            self.claim("dynamodb-table", table, tags)
            self.did("dynamodb-table", table, "unchanged")
            return
        dynamodb.create_table(
            TableName=table,
            AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
            KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
            Tags=tag_list(self.tags),
        )
        dynamodb.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 2, "MaxAttempts": 60})
        self.did("dynamodb-table", table, "created")

    def queue(self, queue: str, attributes: dict[str, str]) -> tuple[str, str]:
        """Create or update a FIFO queue; return its URL and ARN."""
        sqs = self.aws("sqs")
        wanted = {"FifoQueue": "true", **attributes}
        try:
            url = sqs.get_queue_url(QueueName=queue)["QueueUrl"]
        except Exception as exc:
            if "NonExistentQueue" not in error_code(exc):
                raise
            url = sqs.create_queue(QueueName=queue, Attributes=wanted, tags=self.tags)["QueueUrl"]
            self.did("sqs-queue", queue, "created")
        else:
            self.claim("sqs-queue", queue, sqs.list_queue_tags(QueueUrl=url).get("Tags", {}))
            current = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
            stale = {k: v for k, v in attributes.items() if not same_attribute(current.get(k), v)}
            if stale:
                sqs.set_queue_attributes(QueueUrl=url, Attributes=stale)
            self.did("sqs-queue", queue, "updated" if stale else "unchanged")
        return url, self.names.arn("sqs", queue)

    def bucket(self, site_dir: Path) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            s3.head_bucket(Bucket=bucket)
        except Exception as exc:
            if error_code(exc) == "403":
                raise BotbabyError(f"bucket {bucket} belongs to another account: choose another --name") from exc
            if error_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
                raise
            location = (
                {}
                if self.aws.region == "us-east-1"
                else {"CreateBucketConfiguration": {"LocationConstraint": self.aws.region}}
            )
            s3.create_bucket(Bucket=bucket, **location)
            created = True
        else:
            created = False
            self._claim_bucket()
        page_files = [self.names.s3_arn(key) for key in (*artifacts.site_keys(site_dir), PROMPTS_KEY, COMPARE_KEY)]
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadOfThePageOnly",  # the checkpoints and the wheel stay private
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": sorted(set(page_files)),
                }
            ],
        }
        changed = [
            ensure(
                lambda: tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"]),
                self.tags,
                lambda: s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": tag_list(self.tags)}),
                missing=("NoSuchTagSet",),
            ),
            # A public policy is refused while the account's default "block public policy" is on.
            ensure(
                lambda: s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"],
                _PUBLIC_ACCESS,
                lambda: s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration=_PUBLIC_ACCESS),
                missing=("NoSuchPublicAccessBlockConfiguration",),
            ),
            ensure(
                lambda: {"IndexDocument": s3.get_bucket_website(Bucket=bucket).get("IndexDocument")},
                {"IndexDocument": {"Suffix": "index.html"}},
                lambda: s3.put_bucket_website(
                    Bucket=bucket, WebsiteConfiguration={"IndexDocument": {"Suffix": "index.html"}}
                ),
                missing=("NoSuchWebsiteConfiguration",),
            ),
            ensure(
                lambda: json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"]),
                policy,
                lambda: self._put_public_policy(policy),
                missing=("NoSuchBucketPolicy",),
            ),
        ]
        self.did("s3-bucket", bucket, "created" if created else "updated" if any(changed) else "unchanged")

    def _claim_bucket(self) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        try:
            tags = tag_dict(s3.get_bucket_tagging(Bucket=bucket)["TagSet"])
        except Exception as exc:
            if error_code(exc) != "NoSuchTagSet":
                raise
            # An untagged empty bucket is ours from a deploy cut short between creating and tagging it.
            if not s3.list_objects_v2(Bucket=bucket, MaxKeys=1).get("KeyCount", 0):
                return
            tags = {}
        self.claim("s3-bucket", bucket, tags)

    def _put_public_policy(self, policy: dict[str, Any]) -> None:
        put = lambda: self.aws("s3").put_bucket_policy(Bucket=self.names.bucket, Policy=json.dumps(policy))  # noqa: E731
        try:
            # The bucket's new public-access settings take a few seconds to apply.
            self.retry(put, "AccessDenied", tries=4)
        except Exception as exc:
            if error_code(exc) != "AccessDenied":
                raise
            raise BotbabyError(
                f"AWS refused the public-read policy of the page files on {self.names.bucket} ({exc}): the account's "
                "S3 Block Public Access settings forbid public bucket policies; allow them for this bucket "
                "(S3 console → Block Public Access settings for this account) and deploy again"
            ) from exc

    def object(
        self, key: str, body: bytes, overwrite: bool = True, content_type: str | None = None, kind: str = "s3-object"
    ) -> None:
        s3, bucket = self.aws("s3"), self.names.bucket
        md5 = hashlib.md5(body).hexdigest()
        found = head(s3, bucket, key)
        if found is not None and (not overwrite or found["ETag"].strip('"') == md5):
            self.did(kind, f"s3://{bucket}/{key}", "unchanged")
            return
        content_type = content_type or mimetypes.guess_type(key)[0] or "application/octet-stream"
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type, CacheControl="max-age=60")
        self.did(kind, f"s3://{bucket}/{key}", "created" if found is None else "updated")

    def model(self, side: str, paths: SidePaths) -> None:
        """Upload what serving a side needs as models/SIDE.tar.gz unless S3 already holds that exact archive."""
        s3, bucket, key = self.aws("s3"), self.names.bucket, f"{MODELS_PREFIX}{side}.tar.gz"
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "model.tar.gz"
            digest = artifacts.reproducible_tar(paths, archive, self.config.engine)
            found = head(s3, bucket, key)
            if found is not None and found.get("Metadata", {}).get("sha256") == digest:
                self.did("s3-checkpoint", f"s3://{bucket}/{key}", "unchanged")
                return
            s3.upload_file(str(archive), bucket, key, ExtraArgs={"Metadata": {"sha256": digest}})
        self.did("s3-checkpoint", f"s3://{bucket}/{key}", "created" if found is None else "updated")

    def checkout(self) -> tuple[str, str]:
        """Upload this checkout's wheel and the pinned versions; return their keys (named by content)."""
        wheel = artifacts.build_wheel()
        constraints = artifacts.pinned_constraints(artifacts.ENGINE_EXTRAS[self.config.engine]).encode()
        wheel_key = f"{ARTIFACTS_PREFIX}{wheel.sha256[:16]}/{wheel.filename}"
        constraints_key = f"{ARTIFACTS_PREFIX}{hashlib.sha256(constraints).hexdigest()[:16]}/constraints.txt"
        self.object(wheel_key, wheel.data, content_type="application/zip", kind="s3-wheel")
        self.object(constraints_key, constraints, content_type="text/plain", kind="s3-constraints")
        return wheel_key, constraints_key

    def site(self, site_dir: Path, api_url: str) -> None:
        """The page's files, with our own config.js pointing the page at the HTTP API."""
        for key in artifacts.site_keys(site_dir):
            if key != "config.js":
                self.object(key, (site_dir / key).read_bytes())
        config_js = f"// Written by `botbaby deploy aws`: the page's API address.\nwindow.BOTBABY_API = {json.dumps(api_url)};\n"
        self.object("config.js", config_js.encode(), content_type="application/javascript")

    def log_group(self, group: str, retention_days: int = 30) -> None:
        """A CloudWatch log group of the stack (tagged, with a retention so logs do not cost forever)."""
        logs = self.aws("logs")
        found = [
            g for g in logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"] if g["logGroupName"] == group
        ]
        if not found:
            logs.create_log_group(logGroupName=group, tags=self.tags)
            logs.put_retention_policy(logGroupName=group, retentionInDays=retention_days)
            self.did("logs-log-group", group, "created")
            return
        self.claim("logs-log-group", group, logs.list_tags_log_group(logGroupName=group).get("tags", {}))
        if found[0].get("retentionInDays") != retention_days:
            logs.put_retention_policy(logGroupName=group, retentionInDays=retention_days)
            self.did("logs-log-group", group, "updated")
        else:
            self.did("logs-log-group", group, "unchanged")

    # ------------------------------------------------------------ IAM
    def role(self, role: str, service: str, policy: dict[str, Any]) -> str:
        iam = self.aws("iam")
        trust = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
        }
        try:
            found = iam.get_role(RoleName=role)["Role"]
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            arn = iam.create_role(
                RoleName=role,
                AssumeRolePolicyDocument=json.dumps(trust),
                Description=f"botbaby stack {self.names.name} in {self.names.region}",
                Tags=tag_list(self.tags),
            )["Role"]["Arn"]
            created = True
        else:
            self.claim("iam-role", role, tag_dict(found.get("Tags", [])))
            arn, created = found["Arn"], False
        changed = ensure(
            lambda: document(iam.get_role(RoleName=role)["Role"]["AssumeRolePolicyDocument"]),
            trust,
            lambda: iam.update_assume_role_policy(RoleName=role, PolicyDocument=json.dumps(trust)),
        )
        changed |= ensure(
            lambda: document(iam.get_role_policy(RoleName=role, PolicyName=role)["PolicyDocument"]),
            policy,
            lambda: iam.put_role_policy(RoleName=role, PolicyName=role, PolicyDocument=json.dumps(policy)),
            missing=("NoSuchEntity",),
        )
        self.did("iam-role", role, "created" if created else "updated" if changed else "unchanged")
        return arn

    def instance_profile(self, role: str) -> None:
        iam, profile = self.aws("iam"), self.names.instance_profile
        try:
            found = iam.get_instance_profile(InstanceProfileName=profile)["InstanceProfile"]
        except Exception as exc:
            if error_code(exc) != "NoSuchEntity":
                raise
            iam.create_instance_profile(InstanceProfileName=profile, Tags=tag_list(self.tags))
            roles, created = [], True
        else:
            self.claim("iam-instance-profile", profile, tag_dict(found.get("Tags", [])))
            roles, created = [r["RoleName"] for r in found["Roles"]], False
        if role not in roles:
            iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
        self.did("iam-instance-profile", profile, "created" if created else "unchanged" if role in roles else "updated")

    # ------------------------------------------------------------ the worker
    def launch_template(self, worker: WorkerSettings, wheel_key: str, constraints_key: str) -> str:
        """The worker's launch template; a changed one becomes its new default version. Returns that version."""
        ec2, template = self.aws("ec2"), self.names.launch_template
        current = self._default_template_version()
        if current is not None:
            found = ec2.describe_launch_templates(LaunchTemplateNames=[template])["LaunchTemplates"][0]
            self.claim("ec2-launch-template", template, tag_dict(found.get("Tags", [])))
        user_data = artifacts.render_user_data(
            worker.to_dict(), wheel_key, constraints_key, self.names.bucket, self.aws.region, self.config.engine
        )
        instance_tags = tag_list({**self.tags, "Name": self.names.worker})
        data: dict[str, Any] = {
            "ImageId": self.config.ami,
            "InstanceType": self.config.instance_type,
            "IamInstanceProfile": {"Name": self.names.instance_profile},
            "UserData": base64.b64encode(user_data.encode()).decode(),
            "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"},  # IMDSv2 only
            "InstanceInitiatedShutdownBehavior": "stop",  # a poweroff from inside stops the instance (and its bill)
            "TagSpecifications": [
                {"ResourceType": "instance", "Tags": instance_tags},
                {"ResourceType": "volume", "Tags": tag_list(self.tags)},
            ],
        }
        if self.config.spot:
            # A persistent request whose interruptions stop the instance: it can be stopped and started like on-demand.
            data["InstanceMarketOptions"] = {
                "MarketType": "spot",
                "SpotOptions": {"SpotInstanceType": "persistent", "InstanceInterruptionBehavior": "stop"},
            }
        # The version description carries a digest of the data: comparing it is exact and cheap.
        description = "botbaby " + hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]
        if current is None:
            version = ec2.create_launch_template(
                LaunchTemplateName=template,
                VersionDescription=description,
                LaunchTemplateData=data,
                TagSpecifications=[{"ResourceType": "launch-template", "Tags": tag_list(self.tags)}],
            )["LaunchTemplate"]["DefaultVersionNumber"]
            self.did("ec2-launch-template", template, "created")
        elif current.get("VersionDescription") == description:
            version = current["VersionNumber"]
            self.did("ec2-launch-template", template, "unchanged")
        else:
            version = ec2.create_launch_template_version(
                LaunchTemplateName=template, VersionDescription=description, LaunchTemplateData=data
            )["LaunchTemplateVersion"]["VersionNumber"]
            ec2.modify_launch_template(LaunchTemplateName=template, DefaultVersion=str(version))
            self.did("ec2-launch-template", template, "updated")
        return str(version)

    def _default_template_version(self) -> dict[str, Any] | None:
        try:
            return self.aws("ec2").describe_launch_template_versions(
                LaunchTemplateName=self.names.launch_template, Versions=["$Default"]
            )["LaunchTemplateVersions"][0]
        except Exception as exc:
            if "NotFound" in error_code(exc) or "InvalidLaunchTemplateName" in error_code(exc):
                return None
            raise

    def current_ami(self, engine: str) -> str:
        """The AMI of the launch template's default version, if it installed ``engine`` ("" otherwise): a
        redeploy keeps it, a change of engine looks up that engine's AMI."""
        data = (self._default_template_version() or {}).get("LaunchTemplateData", {})
        user_data = base64.b64decode(data.get("UserData", "")).decode(errors="replace")
        found = re.search(r'^ENGINE="(\w+)"', user_data, re.M)
        return data.get("ImageId", "") if (found[1] if found else "tf") == engine else ""

    def instance(self, version: str) -> str:
        """The worker instance, from launch template ``version``.

        An instance from an older version is replaced when it is stopped (new sides, instance type,
        AMI or botbaby reach the worker); a running one finishes its jobs and stops itself when it
        sees the new default version (``worker.VersionWatch``), and the Lambda replaces it at the
        next prompt (``fleet.WorkerInstance``), or the next deploy does.
        """
        existing = self.instances(("pending", "running", "stopping", "stopped"))
        if extra := [i["InstanceId"] for i in existing[:-1] if i["State"]["Name"] == "stopped"]:
            self.terminate(extra)  # left by two replacements racing, or a terminate that failed: only the newest serves
            self.notes.append(f"terminated {len(extra)} stopped worker(s) older than the current one: {', '.join(extra)}")
        if existing:
            instance = existing[-1]
            instance_id, state = instance["InstanceId"], instance["State"]["Name"]
            launched_from = tag_dict(instance.get("Tags", [])).get(VERSION_TAG)
            if launched_from == version:
                self.did("ec2-instance", instance_id, "unchanged")
                return instance_id
            if state != "stopped":
                self.notes.append(
                    f"the worker {instance_id} is {state} with launch template version {launched_from}, not {version}: "
                    "it finishes the jobs it holds and stops itself (within a minute; a worker from before this check "
                    "stops when idle); the next prompt (or deploy) "
                    f"then replaces it by a worker from version {version}"
                )
                self.did("ec2-instance", instance_id, "outdated")
                return instance_id
            self.terminate([instance_id])
            new_id = self._launch(version)
            self.notes.append(
                f"replaced the stopped worker {instance_id} by {new_id} (launch template version {version})"
            )
            self.did("ec2-instance", new_id, "replaced")
            return new_id
        if not self.config.start_worker:
            self.did("ec2-instance", self.names.worker, "skipped")
            return ""
        instance_id = self._launch(version)
        self.did("ec2-instance", instance_id, "created")
        return instance_id

    def _launch(self, version: str) -> str:
        """Launch the worker, trying the next availability zone when one has no capacity for the type."""
        subnets = list(self.found.subnets.items()) or [("", "")]
        try:
            instance_id, _ = launch(
                self.aws("ec2"),
                self.names.launch_template,
                version,
                {**self.tags, "Name": self.names.worker, VERSION_TAG: version},
                subnets,
                self.config.instance_type,
                # A new instance profile takes a few seconds to become usable by EC2.
                attempt=lambda call: self.retry(call, "InvalidParameterValue"),
                on_no_capacity=lambda zone: self.notes.append(
                    f"no {self.config.instance_type} capacity in {zone or self.aws.region} now"
                ),
            )
        except NoCapacity as exc:
            raise BotbabyError(
                f"AWS has no {self.config.instance_type} capacity in {', '.join(z for z, _ in subnets)} right now: "
                "deploy again later, or try --spot, another --instance-type or another --region"
            ) from exc
        return instance_id

    def worker_target(self) -> WorkerTarget:
        """What the Lambda needs to start the worker, or replace it in another zone or from a newer template."""
        return WorkerTarget(
            stack=self.names.name,
            launch_template=self.names.launch_template,
            instance_type=self.config.instance_type,
            alarm=self.names.idle_alarm,
            subnets=dict(self.found.subnets),
        )

    def idle_alarm(self, instance_id: str) -> None:
        """The last backstop: a CloudWatch alarm that stops the worker after a long spell of low CPU."""
        cloudwatch, alarm = self.aws("cloudwatch"), self.names.idle_alarm
        if not instance_id:
            self.did("cloudwatch-alarm", alarm, "skipped")
            return
        period = 300  # EC2's basic monitoring: one CPU datapoint per 5 minutes
        wanted = {
            "AlarmName": alarm,
            "AlarmDescription": f"botbaby {self.names.name}: stop the GPU worker after "
            f"{self.config.alarm_idle_minutes} minutes below {self.config.alarm_cpu_percent:g}% CPU",
            "Namespace": "AWS/EC2",
            "MetricName": "CPUUtilization",
            "Dimensions": [{"Name": "InstanceId", "Value": instance_id}],
            "Statistic": "Maximum",
            "Period": period,
            "EvaluationPeriods": max(1, self.config.alarm_idle_minutes * 60 // period),
            "Threshold": float(self.config.alarm_cpu_percent),
            "ComparisonOperator": "LessThanThreshold",
            "TreatMissingData": "notBreaching",  # a stopped instance sends nothing: the alarm rests
            "AlarmActions": [self.names.stop_action],
            "ActionsEnabled": True,
        }
        found = cloudwatch.describe_alarms(AlarmNames=[alarm])["MetricAlarms"]
        if found:
            tags = tag_dict(cloudwatch.list_tags_for_resource(ResourceARN=found[0]["AlarmArn"]).get("Tags", []))
            self.claim("cloudwatch-alarm", alarm, tags)
            if all(found[0].get(key) == value for key, value in wanted.items()):
                self.did("cloudwatch-alarm", alarm, "unchanged")
                return
        cloudwatch.put_metric_alarm(**wanted, Tags=tag_list(self.tags))
        self.did("cloudwatch-alarm", alarm, "updated" if found else "created")

    # ------------------------------------------------------------ the API
    def function(self, role_arn: str, queue_urls: dict[str, str], instance_id: str) -> str:
        lam, function = self.aws("lambda"), self.names.function
        bundle = build_bundle()
        environment = {
            "Variables": {
                "BOTBABY_CACHE_TABLE": self.names.cache_table,
                "BOTBABY_FEEDBACK_TABLE": self.names.feedback_table,
                "BOTBABY_QUEUE_URLS": json.dumps(queue_urls),  # {side: queue URL}, in side order
                # How the Lambda finds, starts and replaces the worker; none when the deploy launched none.
                "BOTBABY_WORKER": self.worker_target().to_json() if instance_id else "",
                "BOTBABY_WAIT_S": str(self.config.wait_s),
                "BOTBABY_BUCKET": self.names.bucket,  # prompts.json, for autocomplete
                "BOTBABY_MODEL_VERSIONS": json.dumps(self.versions, sort_keys=True),  # part of every cache key
            }
        }
        settings = {
            "Role": role_arn,
            "Handler": HANDLER,
            "Runtime": "python3.12",
            "Timeout": 30,  # as long as API Gateway waits
            "MemorySize": self.config.lambda_memory_mb,
            "Environment": environment,
        }
        try:
            found = lam.get_function(FunctionName=function)
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            create = lambda: lam.create_function(  # noqa: E731
                FunctionName=function, Code={"ZipFile": bundle}, Tags=self.tags, Publish=False, **settings
            )
            # A new role can take ~10 s before Lambda may assume it.
            arn = self.retry(create, "InvalidParameterValueException")["FunctionArn"]
            self._wait_function(function, "function_active_v2")
            self.did("lambda-function", function, "created")
            return arn
        self.claim("lambda-function", function, found.get("Tags", {}))
        current = found["Configuration"]
        changed = False
        if current["CodeSha256"] != code_sha256(bundle):
            lam.update_function_code(FunctionName=function, ZipFile=bundle)
            self._wait_function(function)
            changed = True
        stale = {key: value for key, value in settings.items() if current.get(key) != value}
        if stale:
            lam.update_function_configuration(FunctionName=function, **stale)
            self._wait_function(function)
            changed = True
        self.did("lambda-function", function, "updated" if changed else "unchanged")
        return current["FunctionArn"]

    def _wait_function(self, function: str, waiter: str = "function_updated_v2") -> None:
        self.aws("lambda").get_waiter(waiter).wait(
            FunctionName=function, WaiterConfig={"Delay": max(1, int(self.retry_wait_s)), "MaxAttempts": 60}
        )

    def http_api(self, function_arn: str) -> tuple[str, str]:
        """The HTTP API: CORS, one Lambda integration (30 s timeout), the routes, a throttled, logged $default stage."""
        apigw = self.aws("apigatewayv2")
        cors = {
            "AllowOrigins": ["*"],
            "AllowMethods": ["GET", "OPTIONS", "POST"],
            "AllowHeaders": ["content-type"],
            "MaxAge": 3600,
        }
        api = self._find_api()
        if api is None:
            api = apigw.create_api(
                Name=self.names.http_api, ProtocolType="HTTP", CorsConfiguration=cors, Tags=self.tags
            )
            self.did("apigateway-http-api", self.names.http_api, "created")
        else:
            changed = ensure(
                lambda: sorted_cors(api.get("CorsConfiguration", {})),
                sorted_cors(cors),
                lambda: apigw.update_api(ApiId=api["ApiId"], CorsConfiguration=cors),
            )
            self.did("apigateway-http-api", self.names.http_api, "updated" if changed else "unchanged")
        api_id = api["ApiId"]
        integration = {"IntegrationType": "AWS_PROXY", "PayloadFormatVersion": "2.0", "TimeoutInMillis": 30000}
        existing = [i for i in pages(apigw.get_integrations, ApiId=api_id) if i.get("IntegrationUri") == function_arn]
        if not existing:
            integration_id = apigw.create_integration(ApiId=api_id, IntegrationUri=function_arn, **integration)[
                "IntegrationId"
            ]
            self.did("apigateway-integration", f"{self.names.http_api}/lambda", "created")
        else:
            integration_id = existing[0]["IntegrationId"]
            stale = {key: value for key, value in integration.items() if existing[0].get(key) != value}
            if stale:
                apigw.update_integration(ApiId=api_id, IntegrationId=integration_id, **stale)
            self.did("apigateway-integration", f"{self.names.http_api}/lambda", "updated" if stale else "unchanged")
        target = f"integrations/{integration_id}"
        routes = {route["RouteKey"]: route for route in pages(apigw.get_routes, ApiId=api_id)}
        for key in ROUTES:
            if key not in routes:
                apigw.create_route(ApiId=api_id, RouteKey=key, Target=target)
                self.did("apigateway-route", f"{self.names.http_api} {key}", "created")
            elif routes[key].get("Target") != target:
                apigw.update_route(ApiId=api_id, RouteId=routes[key]["RouteId"], Target=target)
                self.did("apigateway-route", f"{self.names.http_api} {key}", "updated")
            else:
                self.did("apigateway-route", f"{self.names.http_api} {key}", "unchanged")
        self._stage(api_id)
        return api_id, api["ApiEndpoint"]

    def _stage(self, api_id: str) -> None:
        """The $default stage: throttled (rate and burst), access log and per-route metrics on."""
        apigw = self.aws("apigatewayv2")
        wanted = {
            "DefaultRouteSettings": {
                "DetailedMetricsEnabled": True,
                "ThrottlingBurstLimit": self.config.throttle_burst,
                "ThrottlingRateLimit": float(self.config.throttle_rate),
            },
            "AccessLogSettings": {
                "DestinationArn": self.names.arn("logs", f"log-group:{self.names.access_log_group}"),
                "Format": ACCESS_LOG_FORMAT,
            },
        }
        name = f"{self.names.http_api} $default"
        stages = {stage["StageName"]: stage for stage in pages(apigw.get_stages, ApiId=api_id)}
        if "$default" not in stages:
            apigw.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True, Tags=self.tags, **wanted)
            self.did("apigateway-stage", name, "created")
            return
        current = stages["$default"]
        if all(current.get(key, {}) == value for key, value in wanted.items()):
            self.did("apigateway-stage", name, "unchanged")
            return
        apigw.update_stage(ApiId=api_id, StageName="$default", **wanted)
        self.did("apigateway-stage", name, "updated")

    def _find_api(self) -> dict[str, Any] | None:
        apis = [api for api in pages(self.aws("apigatewayv2").get_apis) if api["Name"] == self.names.http_api]
        ours = [api for api in apis if api.get("Tags", {}).get(TAG) == self.names.name]
        return ours[0] if ours else None

    def permission(self, api_id: str) -> None:
        """Let the HTTP API (and only it) invoke the function."""
        lam, function = self.aws("lambda"), self.names.function
        sid = f"{self.names.http_api}-invoke"
        source = self.names.arn("execute-api", f"{api_id}/*/*")
        try:
            statements = json.loads(lam.get_policy(FunctionName=function)["Policy"]).get("Statement", [])
        except Exception as exc:
            if error_code(exc) != "ResourceNotFoundException":
                raise
            statements = []
        current = next((s for s in statements if s.get("Sid") == sid), None)
        if current is not None and json.dumps(current).find(source) >= 0:
            self.did("lambda-permission", sid, "unchanged")
            return
        if current is not None:
            lam.remove_permission(FunctionName=function, StatementId=sid)
        lam.add_permission(
            FunctionName=function,
            StatementId=sid,
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=source,
        )
        self.did("lambda-permission", sid, "created" if current is None else "updated")

    def budget(self) -> None:
        """An AWS Budgets monthly cost budget that e-mails at 80% of actual and 100% of forecast spend."""
        budgets, name = self.aws("budgets"), self.names.budget
        account = self.names.account
        wanted = {"Amount": f"{self.config.budget_usd:.2f}", "Unit": "USD"}
        try:
            current = budgets.describe_budget(AccountId=account, BudgetName=name)["Budget"]
        except Exception as exc:
            if error_code(exc) != "NotFoundException":
                raise
            current = None
        if (
            current is not None
            and {k: f"{float(v):.2f}" if k == "Amount" else v for k, v in current["BudgetLimit"].items()} == wanted
        ):
            self.did("budgets-budget", name, "unchanged")
            return
        budget = {"BudgetName": name, "BudgetLimit": wanted, "TimeUnit": "MONTHLY", "BudgetType": "COST"}
        if current is not None:
            budgets.update_budget(AccountId=account, NewBudget=budget)
            self.did("budgets-budget", name, "updated")
            return
        subscribers = [{"SubscriptionType": "EMAIL", "Address": self.config.budget_email}]
        budgets.create_budget(
            AccountId=account,
            Budget=budget,
            NotificationsWithSubscribers=[
                {
                    "Notification": {
                        "NotificationType": kind,
                        "ComparisonOperator": "GREATER_THAN",
                        "Threshold": percent,
                        "ThresholdType": "PERCENTAGE",
                    },
                    "Subscribers": subscribers,
                }
                for kind, percent in (("ACTUAL", 80.0), ("FORECASTED", 100.0))
            ],
        )
        self.did("budgets-budget", name, "created")
