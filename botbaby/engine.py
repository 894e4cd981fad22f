"""The sampling engine: one GPT-2 checkpoint loaded once, one sampling graph fed per request.

    engine = SamplingEngine("botbaby-data/left/model")
    texts = engine.sample("<|startoftext|>Fuel prices", num_samples=20, length=80, temperature=0.7,
                          top_k=40, top_p=0.9, seed=1)
    engine.close()

Unlike ``gpt2.generate`` (a new graph per call, so memory grows in a long-running server, and
``top_k`` silently ignored whenever ``top_p > 0``) this builds the graph once in its own
``tf.Graph`` and ``Session``, with temperature, top_k, top_p, length and seed as placeholders;
applies top_k *then* top_p; samples the whole batch in one ``tf.while_loop`` with cached keys and
values (as GPT-2's ``sample.py``; the one-token step attends with a product and a sum, so its kernels'
shapes, and the memory they keep, do not depend on how long the samples have grown); and stops as
soon as every sample has written the end marker.
Sampling uses stateless random ops seeded per call, so the same seed gives the same posts.

``open_engine(model_dir, engine)`` is where callers get an engine: this one (``tf``), the PyTorch
one on the exported model (``torch``, ``botbaby.torch_engine``), or ``auto`` (``choose_engine``):
torch on a GPU or where TensorFlow is missing, tf on a CPU that has TensorFlow.
"""

import importlib.metadata
import importlib.util
import json
import logging
import shutil
import sys
import threading
from pathlib import Path

import numpy as np

from botbaby._optional import require
from botbaby.errors import BotbabyError, ConfigError
from botbaby.layout import END

log = logging.getLogger(__name__)

# How the markers' tails are tokenised in generated text: "<|" may merge with the punctuation
# before it ("!<|"), but "endoftext" and "|>" are always their own pre-tokens. A sample also ends
# where the model starts the next post instead of ending this one.
STOP_TAILS = ("endoftext|>", "startoftext|>")
NEG_INF = -1e10  # what gpt-2's sample.py gives filtered-out logits
ENGINES = ("auto", "tf", "torch")  # tf: SamplingEngine below; torch: botbaby.torch_engine.TorchEngine


def _installed(*modules: str) -> bool:
    """Whether every module can be imported (looked up without importing: torch alone takes seconds)."""
    try:
        return all(importlib.util.find_spec(module) is not None for module in modules)
    except ImportError:  # a finder that refuses the name
        return False


def torch_sees_gpu() -> bool:
    """Whether torch would sample on a CUDA GPU, told without importing torch where it is not loaded yet.

    Importing it takes seconds, and a CUDA build of torch loaded before TensorFlow aborts the
    process; so: a torch build that is not ``+cpu``, and an NVIDIA driver on the machine.
    """
    if "torch" in sys.modules:
        return bool(sys.modules["torch"].cuda.is_available())
    try:
        if "+cpu" in importlib.metadata.version("torch"):
            return False
    except importlib.metadata.PackageNotFoundError:
        return False
    return Path("/proc/driver/nvidia/version").is_file() or shutil.which("nvidia-smi") is not None


def choose_engine(model_dir: Path | str, engine: str = "auto") -> str:
    """Which engine ``open_engine`` uses for a run folder: ``engine`` itself unless it is ``auto``.

    auto, where torch and transformers are installed and ``model/hf/`` holds the current checkpoint:
    torch on a GPU, or where TensorFlow is missing (then also an older export, with a warning); on
    a CPU with TensorFlow, tf. On a CPU the torch engine is the faster one only with as many intra-op
    threads as the process has cores to itself: with its default threads on a shared or busy CPU
    (or both sides of ``botbaby serve`` sampling at once) it was 10x slower than the TensorFlow
    engine, whose thread pool shares well (README, "The Hugging Face export and the PyTorch engine").
    Otherwise tf.
    """
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if engine != "auto":
        return engine
    if "tensorflow" in sys.modules:
        # Loading torch into a process that already holds TensorFlow aborts it (both register the same
        # LLVM options: "LLVM ERROR: inconsistency in registered CommandLine options"), e.g. a notebook
        # kernel or `make demo` that has just trained.
        return "tf"
    from botbaby.layout import export_status

    status = export_status(model_dir)
    if "torch" in sys.modules and torch_sees_gpu():
        # The other order aborts too: TensorFlow loaded into a process already running CUDA torch, e.g.
        # the second side of `botbaby serve` when the first one's export was current.
        if status == "missing":
            raise BotbabyError(f"this process already samples with CUDA torch, which TensorFlow cannot join: export "
                               f"{model_dir} first (`botbaby export SIDE`), or give every side --engine tf")
        if status != "current":
            log.warning("%s/hf is older than the checkpoint (run `botbaby export`); serving it anyway", model_dir)
        return "torch"
    if not _installed("torch", "transformers") or status == "missing":
        return "tf"
    if not _installed("tensorflow"):
        if status != "current":
            log.warning("%s/hf is older than the checkpoint (run `botbaby export`); serving it anyway", model_dir)
        return "torch"
    return "torch" if status == "current" and torch_sees_gpu() else "tf"


def open_engine(model_dir: Path | str, engine: str = "auto"):
    """The sampling engine for a run folder (``DATA/SIDE/model``): tf, torch or auto (see ``choose_engine``)."""
    if choose_engine(model_dir, engine) == "torch":
        from botbaby.torch_engine import TorchEngine

        return TorchEngine(model_dir)
    return SamplingEngine(model_dir)


def load_hparams(model_dir: Path | str):
    """The model shape (gpt-2-simple's HParams) saved in a run or release folder."""
    from gpt_2_simple.src import model

    path = Path(model_dir) / "hparams.json"
    if not path.is_file():
        raise BotbabyError(f"no hparams.json in {model_dir}: is it a trained model folder?")
    hparams = model.default_hparams()
    hparams.override_from_dict(json.loads(path.read_text()))
    return hparams


def filter_logits(logits, top_k, top_p):
    """Mask logits outside the top_k likeliest tokens, then outside the top_p probability mass.

    ``logits`` is [batch, vocab]; ``top_k`` (int32, 0 = off) and ``top_p`` (float32, 1 = off) may be
    tensors. The likeliest token always survives both filters.
    """
    tf = require("tensorflow", extra="train")
    top_k = tf.convert_to_tensor(top_k, tf.int32)
    top_p = tf.convert_to_tensor(top_p, tf.float32)
    vocab = tf.shape(logits)[-1]

    def keep_top_k():
        kth = tf.math.top_k(logits, k=tf.minimum(top_k, vocab)).values[:, -1:]
        return tf.where(logits < kth, tf.fill(tf.shape(logits), NEG_INF), logits)

    logits = tf.cond((top_k <= 0) | (top_k >= vocab), lambda: logits, keep_top_k)

    def keep_top_p():
        ordered = tf.sort(logits, direction="DESCENDING", axis=-1)
        # probability mass of the tokens strictly likelier than each one: keep while below top_p
        before = tf.cumsum(tf.nn.softmax(ordered, axis=-1), axis=-1, exclusive=True)
        kept = tf.where(before < top_p, ordered, tf.fill(tf.shape(ordered), np.float32(np.inf)))
        smallest_kept = tf.reduce_min(kept, axis=-1, keepdims=True)
        return tf.where(logits < smallest_kept, tf.fill(tf.shape(logits), NEG_INF), logits)

    return tf.cond(top_p >= 1.0, lambda: logits, keep_top_p)


class SamplingEngine:
    """A trained checkpoint in its own graph and session, with a sampling graph built once."""

    def __init__(self, model_dir: Path | str) -> None:
        tf = require("tensorflow", extra="train")
        require("gpt_2_simple", extra="train", package="gpt-2-simple")
        from gpt_2_simple.src import encoder, model

        self.model_dir = Path(model_dir)
        checkpoint = tf.train.latest_checkpoint(str(self.model_dir))
        if checkpoint is None:
            raise BotbabyError(f"no checkpoint in {self.model_dir}: train it first with `botbaby train`")
        self.hparams = hparams = load_hparams(self.model_dir)
        self.encoder = encoder.get_encoder(str(self.model_dir))
        self.end_id = self.encoder.encoder.get(END)  # a real GPT-2 vocabulary has it as one token
        self.stop_tails = [self.encoder.encode(tail) for tail in STOP_TAILS]
        self._lock = threading.Lock()
        self.last_steps = 0
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.context = tf.compat.v1.placeholder(tf.int32, [None, None], name="context")
            self.length = tf.compat.v1.placeholder(tf.int32, [], name="length")
            self.temperature = tf.compat.v1.placeholder(tf.float32, [], name="temperature")
            self.top_k = tf.compat.v1.placeholder(tf.int32, [], name="top_k")
            self.top_p = tf.compat.v1.placeholder(tf.float32, [], name="top_p")
            self.seed = tf.compat.v1.placeholder(tf.int64, [], name="seed")
            self.tokens, self.lengths, self.steps = self._build(tf, model, hparams)
            saver = tf.compat.v1.train.Saver(var_list=tf.compat.v1.global_variables())
            self.graph.finalize()  # nothing may add ops later: memory stays flat across requests
        self.session = tf.compat.v1.Session(graph=self.graph, config=_session_config(tf))
        saver.restore(self.session, checkpoint)

    def _build(self, tf, model, hparams):
        batch = tf.shape(self.context)[0]

        def step(tokens, past=None):
            output = model.model(hparams=hparams, X=tokens, past=past, reuse=tf.compat.v1.AUTO_REUSE)
            presents = output["present"]
            presents.set_shape(model.past_shape(hparams=hparams, batch_size=None))
            return output["logits"][:, -1, : hparams.n_vocab], presents

        def ended(output):
            done = tf.zeros([batch], tf.bool)
            if self.end_id is not None:
                done |= tf.equal(output[:, -1], self.end_id)
            for tail in self.stop_tails:
                recent = output[:, -len(tail):]
                matches = tf.reduce_all(tf.equal(recent, tf.constant(tail, tf.int32)[tf.newaxis, :]), axis=1)
                done |= (tf.shape(output)[1] >= len(tail)) & matches
            return done

        # Run the prompt once (all but its last token) to fill the key/value cache.
        _, past = step(self.context[:, :-1])

        def body(i, past, prev, output, done, lengths):
            logits, present = _next_token_logits(tf, model, hparams, prev, past)
            logits = filter_logits(logits / self.temperature, self.top_k, self.top_p)
            seed = tf.stack([self.seed, tf.cast(i, tf.int64)])
            token = tf.random.stateless_categorical(logits, 1, seed=seed, dtype=tf.int32)[:, 0]
            output = tf.concat([output, token[:, tf.newaxis]], axis=1)
            lengths = lengths + tf.cast(~done, tf.int32)
            done = done | ended(output)
            return i + 1, tf.concat([past, present], axis=-2), token, output, done, lengths

        def cond(i, past, prev, output, done, lengths):
            return (i < self.length) & ~tf.reduce_all(done)

        steps, _, _, tokens, _, lengths = tf.while_loop(
            cond=cond,
            body=body,
            loop_vars=[tf.constant(0), past, self.context[:, -1], self.context, tf.zeros([batch], tf.bool),
                       tf.zeros([batch], tf.int32)],
            shape_invariants=[
                tf.TensorShape([]),
                tf.TensorShape(model.past_shape(hparams=hparams, batch_size=None)),
                tf.TensorShape([None]),
                tf.TensorShape([None, None]),
                tf.TensorShape([None]),
                tf.TensorShape([None]),
            ],
        )
        return tokens, lengths, steps

    def encode(self, text: str) -> list[int]:
        return self.encoder.encode(text)

    def sample_tokens(self, context: list[int], num_samples: int, length: int, temperature: float,
                      top_k: int, top_p: float, seed: int) -> list[list[int]]:
        """Sample ``num_samples`` continuations of ``context`` in one pass; each stops at its end marker."""
        if self.session is None:
            raise BotbabyError(f"the model in {self.model_dir} was closed")
        if not context:
            raise BotbabyError("cannot sample from an empty context")
        room = self.hparams.n_ctx - len(context)
        if room < 1:
            raise BotbabyError(f"the prompt is {len(context)} tokens; this model reads at most {self.hparams.n_ctx - 1}")
        feed = {
            self.context: np.tile(np.asarray(context, np.int32), (num_samples, 1)),
            self.length: min(int(length), room),
            self.temperature: float(temperature),
            self.top_k: int(top_k),
            self.top_p: float(top_p),
            self.seed: int(seed),
        }
        with self._lock:  # one batch at a time per model; the session itself is thread-safe
            tokens, lengths, steps = self.session.run([self.tokens, self.lengths, self.steps], feed)
        self.last_steps = int(steps)  # loop iterations run: below `length` when every sample ended early
        start = len(context)
        return [row[start:start + n].tolist() for row, n in zip(tokens, lengths, strict=True)]

    def sample(self, context: str, num_samples: int = 1, length: int = 80, temperature: float = 0.7,
               top_k: int = 40, top_p: float = 0.9, seed: int = 0) -> list[str]:
        """Sample continuations of ``context`` as text (the context itself not included)."""
        rows = self.sample_tokens(self.encode(context), num_samples, length, temperature, top_k, top_p, seed)
        return [self.encoder.decode(row) for row in rows]

    def close(self) -> None:
        """Release the session and the graph (and the memory their weights hold)."""
        if self.session is not None:
            self.session.close()
        self.session = None
        self.graph = None


def _next_token_logits(tf, model, hparams, tokens, past):
    """GPT-2's forward pass for one new token per sample, attending to the cached keys and values.

    The same weights and arithmetic as gpt-2-simple's ``model.model``, except that the one query's
    attention is a product and a sum rather than a batched matmul. The matmul's shape changes with
    every cached length, and TensorFlow's oneDNN kernels keep state per shape (about 0.7 MB per new
    length for a batch of 20, measured), so memory grew with the longest request served so far.
    Returns logits [batch, n_vocab] and this token's keys and values (``past`` shaped, length 1).
    """
    n_embd, n_head = hparams.n_embd, hparams.n_head
    batch = tf.shape(tokens)[0]
    with tf.compat.v1.variable_scope("model", reuse=tf.compat.v1.AUTO_REUSE):
        wpe = tf.compat.v1.get_variable("wpe", [hparams.n_ctx, n_embd])
        wte = tf.compat.v1.get_variable("wte", [hparams.n_vocab, n_embd])
        h = (tf.gather(wte, tokens) + tf.gather(wpe, tf.shape(past)[-2]))[:, tf.newaxis, :]  # [batch, 1, n_embd]
        presents = []
        for layer, layer_past in enumerate(tf.unstack(past, axis=1)):
            with tf.compat.v1.variable_scope(f"h{layer}"):
                x = model.norm(h, "ln_1")
                with tf.compat.v1.variable_scope("attn"):
                    c = model.conv1d(x, "c_attn", 3 * n_embd)
                    # [batch, heads, 1, features] each, as gpt-2-simple's split_heads
                    q, k, v = (tf.transpose(model.split_states(t, n_head), [0, 2, 1, 3]) for t in tf.split(c, 3, axis=2))
                    presents.append(tf.stack([k, v], axis=1))
                    cached_k, cached_v = tf.unstack(layer_past, axis=1)
                    k, v = tf.concat([cached_k, k], axis=-2), tf.concat([cached_v, v], axis=-2)
                    # one query sees every cached position, so there is nothing to mask
                    w = model.softmax(tf.reduce_sum(q * k, axis=-1) * (n_embd // n_head) ** -0.5)  # [batch, heads, T]
                    a = tf.reduce_sum(w[..., tf.newaxis] * v, axis=-2)  # [batch, heads, features]
                    h = h + model.conv1d(tf.reshape(a, [batch, 1, n_embd]), "c_proj", n_embd)
                h = h + model.mlp(model.norm(h, "ln_2"), "mlp", 4 * n_embd, hparams=hparams)
        h = model.norm(h, "ln_f")
        logits = tf.matmul(h[:, 0, :], wte, transpose_b=True)
    return logits[:, : hparams.n_vocab], tf.stack(presents, axis=1)


def _session_config(tf):
    config = tf.compat.v1.ConfigProto()
    config.gpu_options.allow_growth = True  # two sides share one GPU
    return config
