#!/bin/bash
# botbaby worker, first boot (EC2 user data, written by `botbaby deploy aws`): install botbaby on the
# GPU AMI, write the worker's settings and its systemd unit, start it. The worker pulls the
# checkpoints from S3 itself at every boot. Placeholders @LIKE_THIS@ are filled in by the deploy.
set -euxo pipefail
exec > >(tee -a /var/log/botbaby-user-data.log) 2>&1

if ! python3 -m venv --help >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
fi
mkdir -p /opt/botbaby /etc/botbaby
python3 -m venv /opt/botbaby/venv
/opt/botbaby/venv/bin/pip install -q --upgrade pip
/opt/botbaby/venv/bin/pip install -q "@BOTBABY_PACKAGE@"

cat > /etc/botbaby/worker.json <<'BOTBABY_WORKER_JSON'
@WORKER_JSON@
BOTBABY_WORKER_JSON

cat > /etc/systemd/system/botbaby-worker.service <<'BOTBABY_WORKER_UNIT'
@WORKER_UNIT@
BOTBABY_WORKER_UNIT

systemctl daemon-reload
systemctl enable --now botbaby-worker.service
