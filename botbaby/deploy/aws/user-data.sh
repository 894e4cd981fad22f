#!/bin/bash
# botbaby worker, first boot (EC2 user data, written by `botbaby deploy aws`): install botbaby on the
# GPU AMI, write the worker's settings and its systemd unit, start it. The worker pulls the
# checkpoints from S3 itself at every boot. Placeholders @LIKE_THIS@ are filled in by the deploy.
set -euxo pipefail
exec > >(tee -a /var/log/botbaby-user-data.log) 2>&1
mkdir -p /opt/botbaby /etc/botbaby

if python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  if ! python3 -m venv --help >/dev/null 2>&1; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
  fi
  python3 -m venv /opt/botbaby/venv
else
  # The AMI's Python is older than botbaby needs (Ubuntu 22.04 has 3.10): a standalone 3.11 from uv.
  curl -LsSf https://astral.sh/uv/install.sh | env UV_INSTALL_DIR=/opt/botbaby/bin INSTALLER_NO_MODIFY_PATH=1 sh
  UV_PYTHON_INSTALL_DIR=/opt/botbaby/python /opt/botbaby/bin/uv venv --seed --python 3.11 /opt/botbaby/venv
fi
/opt/botbaby/venv/bin/python -m pip install -q --upgrade pip
/opt/botbaby/venv/bin/python -m pip install -q "@BOTBABY_PACKAGE@"
# TensorFlow's pip wheels load CUDA and cuDNN from pip packages; the AMI brings the NVIDIA driver.
TF_VERSION=$(/opt/botbaby/venv/bin/python -c 'import importlib.metadata as m; print(m.version("tensorflow"))')
/opt/botbaby/venv/bin/python -m pip install -q "tensorflow[and-cuda]==${TF_VERSION}"

cat > /etc/botbaby/worker.json <<'BOTBABY_WORKER_JSON'
@WORKER_JSON@
BOTBABY_WORKER_JSON

cat > /etc/systemd/system/botbaby-worker.service <<'BOTBABY_WORKER_UNIT'
@WORKER_UNIT@
BOTBABY_WORKER_UNIT

systemctl daemon-reload
systemctl enable --now botbaby-worker.service
