#!/bin/bash
# botbaby worker install (EC2 user data, written by `botbaby deploy aws`): install the wheel this
# deploy built from its checkout, with the versions it was tested with (torch engine: into a venv
# over the PyTorch AMI's own torch; tf engine: with TensorFlow from pip), write the worker's settings
# and systemd units, start them. The worker pulls the checkpoints from S3 itself at every boot.
# Its placeholders (a name between two at signs) are filled in by the deploy (artifacts.py).
#
# Fail-safe: any failure powers the instance off, and its shutdown behaviour is "stop", so a broken
# install never keeps a GPU running. User data runs once per instance, so this script also copies
# itself to cloud-init's per-boot folder: every later start retries the install until it has
# succeeded once (and powers off again if it fails).
# BOTBABY_ROOT and BOTBABY_POWEROFF are unset on EC2; tests run the script in a scratch folder.
set -Eeuo pipefail
ROOT="${BOTBABY_ROOT:-}"
POWEROFF="${BOTBABY_POWEROFF:-shutdown -h now}"
PER_BOOT="$ROOT/var/lib/cloud/scripts/per-boot/botbaby-install.sh"
DONE="$ROOT/etc/botbaby/installed"
VENV="$ROOT/opt/botbaby/venv"
ENGINE="@ENGINE@"  # torch: the PyTorch Deep Learning AMI's CUDA torch, no TensorFlow; tf: TensorFlow from pip
AMI_PYTHON="$ROOT@AMI_PYTHON@"  # the PyTorch AMI's Python (torch engine only)

power_off_on_failure() {
  local status=$?
  set +e  # nothing may stop the power-off, not even a log that cannot be written
  if [ "$status" -ne 0 ]; then
    echo "botbaby install FAILED (exit $status): powering off; the log is /var/log/botbaby-user-data.log" >&2
    $POWEROFF
  fi
}
trap power_off_on_failure EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
trap '' PIPE  # a dead log pipe makes writes fail (and the script exit through the trap), not kill it silently

mkdir -p "$ROOT/var/log" "$ROOT/opt/botbaby" "$ROOT/etc/botbaby" "$ROOT/etc/systemd/system" "$(dirname "$PER_BOOT")"
if [ -f "$DONE" ]; then
  exit 0  # installed at an earlier boot: the units start the worker
fi
[ "$0" -ef "$PER_BOOT" ] || install -m 0755 "$0" "$PER_BOOT"
exec > >(tee -a "$ROOT/var/log/botbaby-user-data.log" | logger -t botbaby-user-data) 2>&1
set -x

if [ "$ENGINE" = torch ]; then
  # The venv sees the AMI's packages, and so its torch, built for the AMI's CUDA and driver: never reinstalled.
  # --without-pip: the AMI Python may lack ensurepip (Ubuntu without python3-venv); the AMI's own pip,
  # reached through the .pth below, puts pip into the venv.
  "$AMI_PYTHON" -m venv --system-site-packages --without-pip "$VENV"
  # If /opt/pytorch is itself a venv, --system-site-packages reaches only the Python it was made from
  # (without torch): a .pth file puts the AMI environment's own site-packages after the venv's.
  AMI_SITE=$("$AMI_PYTHON" -c 'import site; print("\n".join(site.getsitepackages()))')
  VENV_SITE=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$AMI_SITE" > "$VENV_SITE/botbaby-ami-python.pth"
elif python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  # Debian and Ubuntu ship venv without ensurepip unless python3-venv is installed.
  if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
  fi
  python3 -m venv "$VENV"
else
  # The AMI's Python is older than botbaby needs (Ubuntu 22.04 has 3.10): a standalone 3.11 from uv.
  curl -LsSf https://astral.sh/uv/install.sh | env UV_INSTALL_DIR="$ROOT/opt/botbaby/bin" INSTALLER_NO_MODIFY_PATH=1 sh
  UV_PYTHON_INSTALL_DIR="$ROOT/opt/botbaby/python" "$ROOT/opt/botbaby/bin/uv" venv --seed --python 3.11 "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# The wheel and the pinned versions come from the stack's bucket (the instance role may read them).
"$VENV/bin/python" -m pip install -q "boto3==@BOTO3_VERSION@"
"$VENV/bin/python" - <<'BOTBABY_DOWNLOAD'
import boto3, os
root = os.environ.get("BOTBABY_ROOT", "")
s3 = boto3.client("s3", region_name="@REGION@")
s3.download_file("@BUCKET@", "@WHEEL_KEY@", f"{root}/opt/botbaby/@WHEEL_FILE@")
s3.download_file("@BUCKET@", "@CONSTRAINTS_KEY@", f"{root}/opt/botbaby/constraints.txt")
BOTBABY_DOWNLOAD
if [ "$ENGINE" = torch ]; then
  # Pin the AMI's torch at the version it has: pip can neither replace nor "upgrade" it.
  TORCH_VERSION=$("$VENV/bin/python" -c 'import torch; print(torch.__version__)')
  echo "torch==${TORCH_VERSION}" >> "$ROOT/opt/botbaby/constraints.txt"
  "$VENV/bin/python" -m pip install -q -c "$ROOT/opt/botbaby/constraints.txt" "$ROOT/opt/botbaby/@WHEEL_FILE@[@EXTRAS@]"
else
  "$VENV/bin/python" -m pip install -q -c "$ROOT/opt/botbaby/constraints.txt" "$ROOT/opt/botbaby/@WHEEL_FILE@[@EXTRAS@]"
  # TensorFlow's pip wheels load CUDA and cuDNN from pip packages; the AMI brings the NVIDIA driver.
  TF_VERSION=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("tensorflow"))')
  "$VENV/bin/python" -m pip install -q -c "$ROOT/opt/botbaby/constraints.txt" "tensorflow[and-cuda]==${TF_VERSION}"
fi

cat > "$ROOT/etc/botbaby/worker.json" <<'BOTBABY_WORKER_JSON'
@WORKER_JSON@
BOTBABY_WORKER_JSON

cat > "$ROOT/etc/systemd/system/botbaby-worker.service" <<'BOTBABY_WORKER_UNIT'
@WORKER_UNIT@
BOTBABY_WORKER_UNIT

cat > "$ROOT/etc/systemd/system/botbaby-poweroff.service" <<'BOTBABY_POWEROFF_UNIT'
@POWEROFF_UNIT@
BOTBABY_POWEROFF_UNIT

cat > "$ROOT/etc/systemd/system/botbaby-journal.service" <<'BOTBABY_JOURNAL_UNIT'
@JOURNAL_UNIT@
BOTBABY_JOURNAL_UNIT

systemctl daemon-reload
systemctl enable --now botbaby-journal.service botbaby-worker.service
echo "@WHEEL_FILE@" > "$DONE"
