"""What the deploy ships: this checkout as a wheel, the versions it was tested with, the models, the user data.

    wheel = build_wheel()                 # Wheel("botbaby-0.1.0+g1a2b3c4d-py3-none-any.whl", b"PK...")
    constraints = pinned_constraints(ENGINE_EXTRAS["torch"])  # "boto3==1.34.162\\ntransformers==4.57.1\\n..."
    digest = reproducible_tar(layout.side("left"), archive)

The worker installs exactly ``wheel`` with ``pip install -c constraints.txt``: the same code as
the Lambda (built from the same checkout) and the transformers (torch engine) or TensorFlow and
gpt-2-simple (tf engine) and other versions of the environment that ran the deploy (the one the
tests ran in), never a git URL or "newest today". torch itself is the AMI's, never pinned.
Every artifact's bytes depend on its content alone, so a redeploy of unchanged code uploads nothing.
"""

import base64
import gzip
import hashlib
import importlib.metadata
import io
import json
import re
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from botbaby.layout import SidePaths

PACKAGE = Path(__file__).resolve().parents[2]  # botbaby/
HERE = Path(__file__).resolve().parent
SITE_DIR = PACKAGE / "serve" / "static"  # the page (botbaby serve's)
# What the worker installs on top of the core, by engine. torch: the AMI's own CUDA torch (never
# reinstalled, so never pinned) and transformers; no TensorFlow. tf: TensorFlow and gpt-2-simple from pip.
ENGINE_EXTRAS = {"torch": ("torch", "aws", "serve"), "tf": ("train", "aws")}
WORKER_EXTRAS = ENGINE_EXTRAS["tf"]
NEVER_PINNED = ("torch",)  # the PyTorch AMI's build (CUDA, matched to its driver) stays; nor are its own needs pinned
AMI_PYTHON = "/opt/pytorch/bin/python"  # the PyTorch Deep Learning AMIs' Python, with their CUDA torch
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record
# TensorFlow's CPU-only builds have the GPU build's version under another name.
_GPU_NAMES = {"tensorflow-cpu": "tensorflow", "tensorflow-intel": "tensorflow", "tensorflow-macos": "tensorflow"}


@dataclass(frozen=True)
class Wheel:
    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def build_wheel(package: Path = PACKAGE) -> Wheel:
    """This checkout's botbaby as a wheel whose bytes depend on its files alone.

    The version gets a local label with the files' digest (``0.1.0+g1a2b3c4d``), so ``pip show
    botbaby`` on the worker says which checkout it runs.
    """
    files = sorted(
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo")
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package.parent).as_posix().encode() + b"\0" + path.read_bytes())
    name, version, metadata, entry_points = _metadata(package.parent)
    version = f"{version.split('+')[0]}+g{digest.hexdigest()[:8]}"
    metadata = re.sub(r"(?m)^Version: .*$", f"Version: {version}", metadata)
    dist_info = f"{name}-{version}.dist-info"
    entries = [(path.relative_to(package.parent).as_posix(), path.read_bytes()) for path in files]
    entries.append((f"{dist_info}/METADATA", metadata.encode()))
    entries.append(
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: botbaby\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    )
    if entry_points:
        entries.append((f"{dist_info}/entry_points.txt", entry_points.encode()))
    record = "".join(f"{path},sha256={_b64_digest(data)},{len(data)}\n" for path, data in entries)
    entries.append((f"{dist_info}/RECORD", (record + f"{dist_info}/RECORD,,\n").encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in entries:
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return Wheel(f"{name}-{version}-py3-none-any.whl", buffer.getvalue())


def _b64_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _metadata(root: Path) -> tuple[str, str, str, str]:
    """(name, version, METADATA text, entry_points.txt) from the checkout's pyproject.toml, else the installed one."""
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        project = tomllib.loads(pyproject.read_text())["project"]
        lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}"]
        if "requires-python" in project:
            lines.append(f"Requires-Python: {project['requires-python']}")
        lines += [f"Requires-Dist: {requirement}" for requirement in project.get("dependencies", [])]
        for extra, requirements in project.get("optional-dependencies", {}).items():
            lines.append(f"Provides-Extra: {extra}")
            for requirement in requirements:
                spec, _, marker = requirement.partition(";")
                condition = f'({marker.strip()}) and extra == "{extra}"' if marker.strip() else f'extra == "{extra}"'
                lines.append(f"Requires-Dist: {spec.strip()}; {condition}")
        scripts = project.get("scripts", {})
        entry_points = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items()) if scripts else ""
        return project["name"], project["version"], "\n".join(lines) + "\n", entry_points
    dist = importlib.metadata.distribution("botbaby")
    metadata = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    return "botbaby", dist.version, metadata, dist.read_text("entry_points.txt") or ""


def pinned_constraints(extras: tuple[str, ...] = WORKER_EXTRAS, never: tuple[str, ...] = NEVER_PINNED) -> str:
    """``name==version`` for every package botbaby[extras] needs that this environment has installed.

    The worker installs with these as pip constraints: the versions the deploy (and its tests) ran
    with. Packages not installed here (say, CUDA libraries on a laptop) stay unpinned, and so do
    ``never`` and what only they need: this machine's torch is the CPU build, the AMI's is CUDA's.
    """
    from packaging.requirements import Requirement

    pins: dict[str, str] = {}
    todo = [(requirement, extras) for requirement in _requirements("botbaby")]
    seen: set[str] = set()
    while todo:
        text, active = todo.pop()
        requirement = Requirement(text)
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({"extra": extra}) for extra in (*active, "")
        ):
            continue
        name = _canonical(requirement.name)
        if name in never:
            continue
        if name == "botbaby":
            todo += [(r, tuple(requirement.extras)) for r in _requirements("botbaby")]
            continue
        key = f"{name}[{','.join(sorted(requirement.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        pins[_GPU_NAMES.get(name, name)] = version
        todo += [(r, tuple(requirement.extras)) for r in _requirements(name)]
    return "".join(f"{name}=={version}\n" for name, version in sorted(pins.items()))


def _requirements(name: str) -> list[str]:
    try:
        return importlib.metadata.requires(name) or []
    except importlib.metadata.PackageNotFoundError:
        return []


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def render_user_data(
    worker_json: dict, wheel_key: str, constraints_key: str, bucket: str, region: str, engine: str = "tf"
) -> str:
    """The worker's user data: ``user-data.sh`` with its placeholders filled in, installing for ``engine``."""
    values = {
        "@ENGINE@": engine,
        "@AMI_PYTHON@": AMI_PYTHON,
        "@BUCKET@": bucket,
        "@REGION@": region,
        "@WHEEL_KEY@": wheel_key,
        "@WHEEL_FILE@": wheel_key.rsplit("/", 1)[-1],
        "@CONSTRAINTS_KEY@": constraints_key,
        "@EXTRAS@": ",".join(ENGINE_EXTRAS[engine]),
        "@BOTO3_VERSION@": importlib.metadata.version("boto3"),  # only downloads the wheel
        "@WORKER_JSON@": json.dumps(worker_json, indent=2, sort_keys=True),
        "@WORKER_UNIT@": (HERE / "botbaby-worker.service").read_text().rstrip("\n"),
        "@POWEROFF_UNIT@": (HERE / "botbaby-poweroff.service").read_text().rstrip("\n"),
        "@JOURNAL_UNIT@": (HERE / "botbaby-journal.service").read_text().rstrip("\n"),
    }
    script = (HERE / "user-data.sh").read_text()
    for placeholder, value in values.items():
        script = script.replace(placeholder, value)
    return script


def site_keys(site_dir: Path) -> list[str]:
    """The page's files, relative to ``site_dir`` (config.js is always ours)."""
    keys = {"config.js"}
    if site_dir.is_dir():
        keys.update(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return sorted(key for key in keys if not key.startswith(".") and "__pycache__" not in key)


def reproducible_tar(paths: SidePaths, archive: Path, engine: str = "tf") -> str:
    """Pack what serving a side needs (``model/`` and 04_clean's ``punkt.pickle``), as paths relative to
    the side's folder, into a tar.gz whose bytes depend on the files alone; return its sha256.

    For the torch engine ``model/`` holds only the export (``model/hf/``): the TensorFlow checkpoint
    (as large again) is not shipped.
    """
    model = paths.hf_dir if engine == "torch" else paths.model_dir
    files = sorted(p for p in model.rglob("*") if p.is_file())
    if paths.punkt.is_file():  # the sentence splitter the original's post-processing used
        files.append(paths.punkt)
    with open(archive, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in files:
                # TensorBoard event logs are for looking at training, not for serving.
                if path.name.startswith("events.out.tfevents"):
                    continue
                info = tar.gettarinfo(str(path), arcname=path.relative_to(paths.root).as_posix())
                info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", 0o644
                with open(path, "rb") as handle:
                    tar.addfile(info, handle)
    digest = hashlib.sha256()
    with open(archive, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
