"""A small GPT-2 built from one side's own text, so training and generation run on a laptop CPU.

    build_tiny_model("botbaby-data/left/train.txt", "botbaby-data/models/tiny-left")

writes what gpt-2-simple expects of a downloaded release (``encoder.json``, ``vocab.bpe``,
``hparams.json``, a ``checkpoint`` and ``model.ckpt.*``), so ``gpt2.finetune`` treats it exactly
like ``124M``: a byte-level BPE vocabulary trained on the text (GPT-2's own format, with
``<|endoftext|>`` in it), and a randomly initialised transformer with ``n_ctx`` 1024 (gpt-2-simple
always trains on 1024-token windows).
"""

import dataclasses
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.io import temp_dir
from botbaby.layout import END

log = logging.getLogger(__name__)

N_CTX = 1024  # gpt-2-simple samples 1024-token windows for training, whatever the model


@dataclass(frozen=True)
class TinyShape:
    """The size of a tiny model: a few layers, a small embedding, a vocabulary learned from the text."""

    vocab_size: int = 2000  # BPE vocabulary size (the 256 bytes + merges + <|endoftext|>)
    n_embd: int = 64  # embedding width; must divide by n_head
    n_layer: int = 2  # transformer blocks
    n_head: int = 2  # attention heads


def train_vocabulary(text_path: Path, out_dir: Path, vocab_size: int) -> int:
    """Learn a byte-level BPE vocabulary from ``text_path``; write ``encoder.json`` and ``vocab.bpe``.

    Returns the vocabulary size. The files have GPT-2's format, read by gpt-2-simple's encoder.
    """
    tokenizers = require("tokenizers", extra="train")
    tokenizer = tokenizers.ByteLevelBPETokenizer()
    tokenizer.train(
        files=[str(text_path)],
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=[END],
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer.save_model(tmp)
        vocab = json.loads(Path(tmp, "vocab.json").read_text(encoding="utf-8"))
        merges = Path(tmp, "merges.txt").read_text(encoding="utf-8")
    if not merges.endswith("\n"):  # gpt-2-simple drops the first (version) and the last line
        merges += "\n"
    (out_dir / "encoder.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (out_dir / "vocab.bpe").write_text(merges, encoding="utf-8")
    return len(vocab)


def init_checkpoint(out_dir: Path, hparams: dict, seed: int = 0) -> None:
    """Write a randomly initialised GPT-2 checkpoint (``model.ckpt``) of the given shape."""
    tf = require("tensorflow", extra="train")
    from gpt_2_simple.src import model

    params = model.default_hparams()
    params.override_from_dict(hparams)
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.set_random_seed(seed)
        tokens = tf.compat.v1.placeholder(tf.int32, [1, None])
        model.model(hparams=params, X=tokens)
        saver = tf.compat.v1.train.Saver(var_list=tf.compat.v1.global_variables(), save_relative_paths=True)
        with tf.compat.v1.Session(graph=graph) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            saver.save(sess, str(out_dir / "model.ckpt"), write_meta_graph=False)


def built_shape(model_dir: Path) -> TinyShape | None:
    """The shape a tiny model folder was built with (None when it holds no complete tiny model)."""
    path = Path(model_dir) / "tiny_shape.json"
    if not path.is_file() or not (Path(model_dir) / "checkpoint").is_file():
        return None
    return TinyShape(**json.loads(path.read_text()))


def build_tiny_model(text_path: Path | str, out_dir: Path | str, shape: TinyShape = TinyShape(), seed: int = 0) -> Path:
    """Build a tiny GPT-2 release from a training text into ``out_dir`` (replaced atomically)."""
    text_path, out_dir = Path(text_path), Path(out_dir)
    if not text_path.is_file() or text_path.stat().st_size == 0:
        raise BotbabyError(f"no training text at {text_path}: run `botbaby clean` first")
    if shape.n_embd % shape.n_head:
        raise BotbabyError(f"tiny n_embd ({shape.n_embd}) must be a multiple of n_head ({shape.n_head})")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = temp_dir(out_dir.parent, f".{out_dir.name}.")
    try:
        n_vocab = train_vocabulary(text_path, work, shape.vocab_size)
        hparams = {"n_vocab": n_vocab, "n_ctx": N_CTX, "n_embd": shape.n_embd, "n_head": shape.n_head,
                   "n_layer": shape.n_layer}
        (work / "hparams.json").write_text(json.dumps(hparams, indent=2) + "\n")
        init_checkpoint(work, hparams, seed=seed)
        (work / "tiny_shape.json").write_text(json.dumps(dataclasses.asdict(shape)) + "\n")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        work.rename(out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("built tiny GPT-2 %s from %s into %s", hparams, text_path, out_dir)
    return out_dir
