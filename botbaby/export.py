"""Export a side's gpt-2-simple checkpoint to the Hugging Face format, and optionally push it to the Hub.

    botbaby export left --data botbaby-data                        # -> botbaby-data/left/model/hf/
    botbaby export left --data botbaby-data --push-to-hub me/left-bot

or, from Python::

    export("botbaby-data", "left")                  # ExportResult(hf_dir=..., skipped=False, ...)

The folder holds what ``transformers`` reads with no TensorFlow installed::

    GPT2LMHeadModel.from_pretrained("botbaby-data/left/model/hf")
    GPT2TokenizerFast.from_pretrained("botbaby-data/left/model/hf")

- ``config.json``: a ``GPT2LMHeadModel`` config with the checkpoint's shape (any of tiny, 124M,
  355M, ...), GPT-2's activation (``gelu_new``) and layer-norm epsilon, ``<|endoftext|>`` as
  begin/end token;
- ``model.safetensors``: the weights, renamed from gpt-2-simple's ``model/h0/attn/c_attn/w`` to
  ``transformer.h.0.attn.c_attn.weight`` (both store Conv1D weights as [in, out]; the output
  layer is tied to the token embedding, as in GPT-2);
- ``vocab.json`` / ``merges.txt``: ``encoder.json`` / ``vocab.bpe`` (the same formats), plus
  ``tokenizer_config.json`` and ``special_tokens_map.json``;
- ``export_info.json``: which checkpoint was exported, so a re-export of the same checkpoint is
  skipped and an export left behind by more training is known to be stale.

Reading the checkpoint needs TensorFlow; writing needs only numpy and ``safetensors``. The folder
is written beside ``hf/`` and renamed into place, so an interrupted export leaves the old one.
"""

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from botbaby._optional import require
from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.errors import BotbabyError, ConfigError, MissingExtra
from botbaby.layout import END, Layout, checkpoint_id, export_status  # noqa: F401  (botbaby.export's names)
from botbaby.layout import EXPORT_INFO_NAME as INFO_NAME

log = logging.getLogger(__name__)

FORMATS = ("hf",)
HUB_TOKEN_NAMES = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")  # read from the environment or Colab's secrets
SHAPE_KEYS = ("n_vocab", "n_ctx", "n_embd", "n_head", "n_layer")  # what hparams.json says of a GPT-2's shape

# gpt-2-simple's variable -> the Hugging Face GPT2LMHeadModel parameter (per block: h{i}/... -> h.{i}....)
_TOP_LEVEL = {"model/wte": "transformer.wte.weight", "model/wpe": "transformer.wpe.weight",
              "model/ln_f/g": "transformer.ln_f.weight", "model/ln_f/b": "transformer.ln_f.bias"}
_BLOCK = {"ln_1/g": "ln_1.weight", "ln_1/b": "ln_1.bias", "ln_2/g": "ln_2.weight", "ln_2/b": "ln_2.bias",
          "attn/c_attn/w": "attn.c_attn.weight", "attn/c_attn/b": "attn.c_attn.bias",
          "attn/c_proj/w": "attn.c_proj.weight", "attn/c_proj/b": "attn.c_proj.bias",
          "mlp/c_fc/w": "mlp.c_fc.weight", "mlp/c_fc/b": "mlp.c_fc.bias",
          "mlp/c_proj/w": "mlp.c_proj.weight", "mlp/c_proj/b": "mlp.c_proj.bias"}
_HUB_REPO = r"[\w.-]+/[\w.-]+"  # a Hub repository: user/name
# a block's variable: model/h12/attn/c_attn/w (Adam's slots, model/h12/.../w/Adam, are not weights)
_BLOCK_VARIABLE = re.compile(r"model/h(\d+)/(.+)")


@dataclass
class ExportConfig(StageConfig):
    """How ``botbaby export`` writes (and optionally shares) a side's model."""

    format: str = setting("hf", choices=FORMATS)  # hf: a transformers GPT2LMHeadModel folder, DATA/SIDE/model/hf/
    push_to_hub: str = ""  # also upload it to this Hub repository (user/name); empty: keep it local
    force: bool = False  # export again even when hf/ already holds the current checkpoint

    def validate(self) -> None:
        if self.push_to_hub and not re.fullmatch(_HUB_REPO, self.push_to_hub):
            raise ConfigError(f"push_to_hub must be a Hub repository name like 'user/name', got {self.push_to_hub!r}")


@dataclass
class ExportResult:
    """What one export wrote (or found already written)."""

    side: str
    hf_dir: Path
    skipped: bool  # True when hf/ already held this checkpoint
    checkpoint: str  # the checkpoint's name, e.g. model-1000
    pushed_to: str | None = None  # the Hub repository's URL after --push-to-hub

    def to_dict(self) -> dict:
        return {"side": self.side, "hf_dir": str(self.hf_dir), "skipped": self.skipped, "checkpoint": self.checkpoint,
                "pushed_to": self.pushed_to}


def read_hparams(model_dir: Path | str) -> dict:
    """A run or release folder's ``hparams.json`` (the model's shape), read without TensorFlow."""
    path = Path(model_dir) / "hparams.json"
    try:
        hparams = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise BotbabyError(f"cannot read the model shape from {path} ({exc}): is it a trained model folder?") from None
    if missing := [key for key in SHAPE_KEYS if not isinstance(hparams.get(key), int)]:
        raise BotbabyError(f"{path} lacks {', '.join(missing)}: is it a gpt-2-simple model folder?")
    return hparams


def hf_config(hparams: dict, end_id: int | None) -> dict:
    """The ``config.json`` of a GPT2LMHeadModel with gpt-2-simple's shape and arithmetic."""
    return {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": hparams["n_vocab"],
        "n_positions": hparams["n_ctx"],
        "n_embd": hparams["n_embd"],
        "n_layer": hparams["n_layer"],
        "n_head": hparams["n_head"],
        "n_inner": None,  # 4 x n_embd, as gpt-2-simple's mlp
        "activation_function": "gelu_new",  # gpt-2-simple's gelu: the tanh approximation
        "layer_norm_epsilon": 1e-5,  # gpt-2-simple's norm
        "resid_pdrop": 0.0,  # gpt-2-simple trains without dropout
        "embd_pdrop": 0.0,
        "attn_pdrop": 0.0,
        "initializer_range": 0.02,
        "scale_attn_weights": True,
        "tie_word_embeddings": True,
        "use_cache": True,
        "bos_token_id": end_id,
        "eos_token_id": end_id,
    }


def read_weights(model_dir: Path, n_layer: int) -> dict[str, np.ndarray]:
    """The latest checkpoint's weights under Hugging Face GPT-2 names (float32, contiguous)."""
    tf = require("tensorflow", extra="train")
    checkpoint = tf.train.latest_checkpoint(str(model_dir))
    if checkpoint is None:
        raise BotbabyError(f"no checkpoint in {model_dir}: train it first with `botbaby train`")
    reader = tf.train.load_checkpoint(checkpoint)
    weights = {}
    for variable in reader.get_variable_to_shape_map():
        name = _TOP_LEVEL.get(variable)
        block = _BLOCK_VARIABLE.fullmatch(variable)
        if block and block[2] in _BLOCK:
            name = f"transformer.h.{block[1]}.{_BLOCK[block[2]]}"
        if name is None:
            continue  # optimizer slots, the step counter
        tensor = reader.get_tensor(variable).astype(np.float32)
        if tensor.ndim == 3:  # gpt-2-simple's conv1d weights are [1, in, out]; Hugging Face's Conv1D [in, out]
            tensor = tensor[0]
        weights[name] = np.ascontiguousarray(tensor)
    expected = set(_TOP_LEVEL.values()) | {f"transformer.h.{i}.{name}" for i in range(n_layer) for name in _BLOCK.values()}
    if missing := sorted(expected - weights.keys()):
        raise BotbabyError(f"{checkpoint} lacks {len(missing)} GPT-2 weights (e.g. {missing[0]}): is it a gpt-2-simple checkpoint?")
    return weights


def write_tokenizer(model_dir: Path, out_dir: Path, n_ctx: int) -> None:
    """GPT2TokenizerFast's files from gpt-2-simple's ``encoder.json`` and ``vocab.bpe`` (the same formats)."""
    shutil.copyfile(model_dir / "encoder.json", out_dir / "vocab.json")
    shutil.copyfile(model_dir / "vocab.bpe", out_dir / "merges.txt")
    has_end = END in json.loads((model_dir / "encoder.json").read_text(encoding="utf-8"))
    special = {"bos_token": END, "eos_token": END, "unk_token": END} if has_end else {}
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    tokenizer_config = {"tokenizer_class": "GPT2Tokenizer", "model_max_length": n_ctx, "add_prefix_space": False,
                        "clean_up_tokenization_spaces": False, "errors": "replace", **special}
    (out_dir / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2) + "\n")


def write_hf(model_dir: Path, out_dir: Path) -> str:
    """Write the Hugging Face folder for a gpt-2-simple run (or release) folder into ``out_dir``; returns the checkpoint name."""
    safetensors_numpy = require("safetensors.numpy", extra="torch", package="safetensors")
    source = checkpoint_id(model_dir)
    if source is None:
        raise BotbabyError(f"no checkpoint in {model_dir}: train it first with `botbaby train`")
    hparams = read_hparams(model_dir)
    encoder = json.loads((model_dir / "encoder.json").read_text(encoding="utf-8"))
    end_id = encoder.get(END)
    weights = read_weights(model_dir, hparams["n_layer"])
    if weights["transformer.wte.weight"].shape[0] != hparams["n_vocab"]:
        raise BotbabyError(f"{model_dir}: hparams.json says {hparams['n_vocab']} tokens, the checkpoint has "
                           f"{weights['transformer.wte.weight'].shape[0]}")
    out_dir.mkdir(parents=True, exist_ok=True)
    safetensors_numpy.save_file(weights, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    (out_dir / "config.json").write_text(json.dumps(hf_config(hparams, end_id), indent=2) + "\n")
    write_tokenizer(model_dir, out_dir, hparams["n_ctx"])
    (out_dir / INFO_NAME).write_text(json.dumps({"checkpoint": source[0], "index_sha256": source[1],
                                                 "format": "hf"}, indent=2) + "\n")
    return source[0]


def export(data: Path | str, side: str, config: ExportConfig | dict | None = None, *, token: str | None = None,
           endpoint: str | None = None, **overrides) -> ExportResult:
    """Export ``side``'s checkpoint to ``DATA/SIDE/model/hf/`` (skipped when already current); optionally push it.

    Args:
        config: an ExportConfig or a dict of its fields; ``overrides`` (e.g. ``force=True``) replace fields.
        token: the Hub token for ``push_to_hub``; default ``$HF_TOKEN`` (or Colab's secret of that name).
        endpoint: the Hub's address; default ``$HF_ENDPOINT``, else huggingface.co.
    """
    config = ExportConfig.resolve(config, **overrides)
    paths = Layout(Path(data)).side(side)
    model_dir, hf_dir = paths.model_dir, paths.hf_dir
    source = checkpoint_id(model_dir)
    if source is None:
        raise BotbabyError(f"no trained model for side {side!r} in {model_dir}: run `botbaby train {side}` first")
    skipped = not config.force and export_status(model_dir) == "current"
    if not skipped:
        for leftover in model_dir.glob(".hf.*"):  # from an export killed midway
            shutil.rmtree(leftover, ignore_errors=True)
        work = Path(tempfile.mkdtemp(dir=model_dir, prefix=".hf."))
        try:
            write_hf(model_dir, work)
            old = model_dir / f".hf.old.{os.getpid()}"
            if hf_dir.exists():
                hf_dir.rename(old)
            work.rename(hf_dir)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        log.info("side %s: exported %s to %s", side, source[0], hf_dir)
    result = ExportResult(side, hf_dir, skipped, source[0])
    if config.push_to_hub:
        result.pushed_to = push(hf_dir, config.push_to_hub, token=token, endpoint=endpoint)
    return result


def export_after_training(data: Path | str, side: str) -> ExportResult | None:
    """``botbaby train``'s last step: export when the hf/ folder is missing or stale; a missing library only logs a hint."""
    try:
        return export(data, side)
    except MissingExtra as exc:  # safetensors is not installed
        log.warning("side %s: not exported to the Hugging Face format (%s)", side, exc)
        return None


def hub_token(token: str | None = None) -> str:
    """The Hub token: ``token``, else ``$HF_TOKEN`` / ``$HUGGING_FACE_HUB_TOKEN``, else Colab's secret."""
    from botbaby.notebook import secret

    for name in HUB_TOKEN_NAMES:
        token = token or secret(name)
    if not token:
        raise BotbabyError("no Hugging Face token: set HF_TOKEN (a write token from huggingface.co/settings/tokens), "
                           "or add it to Colab's secrets panel")
    return token


def push(hf_dir: Path | str, repo: str, token: str | None = None, endpoint: str | None = None,
         private: bool = False) -> str:
    """Upload an exported folder to the Hub repository ``repo`` (created if needed); returns its URL."""
    hub = require("huggingface_hub", extra="torch", package="huggingface_hub")
    hf_dir = Path(hf_dir)
    if not (hf_dir / "model.safetensors").is_file():
        raise BotbabyError(f"nothing exported in {hf_dir}: run `botbaby export` first")
    if not re.fullmatch(_HUB_REPO, repo):
        raise BotbabyError(f"{repo!r} is not a Hub repository name: use 'user/name'")
    # huggingface_hub reads $HF_ENDPOINT once, when first imported; read it here, where the push starts
    api = hub.HfApi(endpoint=endpoint or os.environ.get("HF_ENDPOINT"), token=hub_token(token))
    files = [path for path in sorted(hf_dir.iterdir()) if path.is_file() and path.name != INFO_NAME]
    try:
        url = api.create_repo(repo, private=private, exist_ok=True)
        # one commit of every file: the weights go through the Hub's large-file storage, the rest inline
        api.create_commit(repo, [hub.CommitOperationAdd(path.name, str(path)) for path in files],
                          commit_message="botbaby export")
    except Exception as exc:  # the Hub's answer (HfHubHTTPError) or no answer (requests or httpx, by version)
        raise BotbabyError(f"could not push {hf_dir} to {repo}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    return str(url)


def add_cli(subparsers) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("export", help="convert a side's checkpoint to the Hugging Face format",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("sides", nargs="+", metavar="SIDE", help="sides to export, e.g. left right")
    add_data_arg(parser)
    add_config_options(parser, ExportConfig)
    parser.set_defaults(func=_run_cli)


def _run_cli(args) -> int:
    config = config_from_args(ExportConfig, args)
    for side in args.sides:
        # one repository per side: USER/NAME-left, USER/NAME-right
        repo = f"{config.push_to_hub}-{side}" if config.push_to_hub and len(args.sides) > 1 else config.push_to_hub
        result = export(args.data, side, config, push_to_hub=repo)
        print(json.dumps(result.to_dict()))
    return 0
