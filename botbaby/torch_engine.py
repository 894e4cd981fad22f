"""The PyTorch sampling engine: the same interface as ``botbaby.engine.SamplingEngine``, on the exported model.

    engine = TorchEngine("botbaby-data/left/model")     # reads model/hf/ (``botbaby export left``)
    texts = engine.sample("<|startoftext|>Fuel prices", num_samples=20, length=80, temperature=0.7,
                          top_k=40, top_p=0.9, seed=1)
    engine.close()

It needs ``torch`` and ``transformers`` (``pip install 'botbaby[torch]'``), never TensorFlow, so a
machine with only PyTorch (Colab, the AWS Deep Learning AMIs, a GPU check machine) serves a
model trained elsewhere. Like the TensorFlow engine it loads the model once, samples the whole
batch in one pass with cached keys and values, applies temperature, then top_k, then top_p
(``filter_logits`` is the TensorFlow engine's filter written in torch), and stops as soon as every
sample has written the end marker. Per token it does only what sampling needs: ``Decoder`` runs
GPT-2 on the model's weights with keys and values written in place (the prompt once for the whole
batch), and ``candidates`` draws among the top_k tokens without sorting the vocabulary. On a GPU the weights are bfloat16 (float16 where the GPU has
no bfloat16); the filter and the sampling always run in float32. The same seed gives the same
posts on the same machine, but not the same posts as the TensorFlow engine (another generator).
"""

import logging
import threading
from pathlib import Path

from botbaby._optional import require
from botbaby.engine import NEG_INF, STOP_TAILS
from botbaby.errors import BotbabyError
from botbaby.layout import END

log = logging.getLogger(__name__)

DTYPES = ("float32", "bfloat16", "float16")


def filter_logits(logits, top_k: int, top_p: float):
    """Mask logits outside the top_k likeliest tokens, then outside the top_p probability mass.

    ``logits`` is a float tensor [batch, vocab]; ``top_k`` 0 and ``top_p`` 1 switch a filter off.
    The same rule as ``botbaby.engine.filter_logits``: the likeliest token always survives.
    """
    torch = require("torch", extra="torch")
    vocab = logits.shape[-1]
    if 0 < top_k < vocab:
        kth = torch.topk(logits, top_k, dim=-1).values[:, -1:]
        logits = logits.masked_fill(logits < kth, NEG_INF)
    if top_p < 1.0:
        ordered = torch.sort(logits, dim=-1, descending=True).values
        mass = torch.cumsum(torch.softmax(ordered, dim=-1), dim=-1)
        # probability mass of the tokens strictly likelier than each one: keep while below top_p
        before = torch.cat([torch.zeros_like(mass[:, :1]), mass[:, :-1]], dim=-1)
        kept = ordered.masked_fill(before >= top_p, float("inf"))
        smallest_kept = kept.min(dim=-1, keepdim=True).values
        logits = logits.masked_fill(logits < smallest_kept, NEG_INF)
    return logits


def candidates(logits, top_k: int, top_p: float):
    """The tokens ``filter_logits`` keeps, as (logits, token ids): [batch, n] each, n = top_k when it can be.

    The same candidates as ``filter_logits`` (filtered-out ones hold ``NEG_INF``), found without sorting
    the vocabulary: top_p's mass is measured over the top_k likeliest, whose softmax is the softmax over
    the whole top_k-filtered vocabulary. Where the k-th likeliest token ties with the next (so more than
    top_k survive top_k), or top_k is off, it falls back to the whole vocabulary. ``token ids`` is None
    when the logits are the whole vocabulary in its own order.
    """
    torch = require("torch", extra="torch")
    vocab = logits.shape[-1]
    if 0 < top_k < vocab - 1:
        values, ids = torch.topk(logits, top_k + 1, dim=-1)  # sorted, likeliest first; one more to see ties
        if not bool((values[:, -1] == values[:, -2]).any()):
            values, ids = values[:, :-1], ids[:, :-1]
            if top_p < 1.0:
                values = _top_p(torch, values, top_p)
            return values, ids
    if top_p >= 1.0:
        return filter_logits(logits, top_k, top_p), None
    values, ids = torch.sort(filter_logits(logits, top_k, 1.0), dim=-1, descending=True)
    return _top_p(torch, values, top_p), ids


def _top_p(torch, ordered, top_p: float):
    """``filter_logits``'s top_p on logits already sorted likeliest first."""
    mass = torch.cumsum(torch.softmax(ordered, dim=-1), dim=-1)
    before = torch.cat([torch.zeros_like(mass[:, :1]), mass[:, :-1]], dim=-1)
    kept = ordered.masked_fill(before >= top_p, float("inf"))
    return ordered.masked_fill(ordered < kept.min(dim=-1, keepdim=True).values, NEG_INF)


def draw(logits, ids, generator):
    """One token per row from softmax(``logits``), mapped through ``ids`` (None: the row's own positions).

    The argmax of p / Exp(1) noise draws position i with probability p_i: a few times faster than
    ``torch.multinomial``, and over the candidates only, not the whole vocabulary.
    """
    torch = require("torch", extra="torch")
    noise = torch.empty_like(logits).exponential_(generator=generator)
    choice = torch.argmax(torch.softmax(logits, dim=-1) / noise, dim=-1)
    return choice if ids is None else ids.gather(1, choice[:, None])[:, 0]


def default_device() -> str:
    torch = require("torch", extra="torch")
    return "cuda" if torch.cuda.is_available() else "cpu"


def default_dtype(device: str) -> str:
    """float32 on a CPU; bfloat16 on a GPU that has it, else float16."""
    torch = require("torch", extra="torch")
    if not device.startswith("cuda"):
        return "float32"
    # Native bfloat16 from compute capability 8 (A100, L4, H100); is_bf16_supported() also says yes where
    # it is only emulated (a T4, a V100), which is slower than float16 there.
    return "bfloat16" if torch.cuda.get_device_capability(torch.device(device))[0] >= 8 else "float16"


# What ``Decoder`` assumes of the model: GPT-2 as ``botbaby export`` writes it (and as OpenAI released it)
PLAIN_GPT2 = {"activation_function": "gelu_new", "scale_attn_weights": True, "scale_attn_by_inverse_layer_idx": False,
              "reorder_and_upcast_attn": False, "add_cross_attention": False}


class Decoder:
    """GPT-2's forward pass over a ``GPT2LMHeadModel``'s weights, keys and values kept in one buffer per request.

    ``transformers``' own forward grows its cache by concatenation (each step copies every cached key
    and value: about a tenth of a 124M step on a CPU) and builds attention masks and cache objects
    each step (most of a tiny model's step). This writes each position's keys and values in place
    into buffers sized for the whole request, and does nothing else per step. Same arithmetic as the
    model's own forward (tests/export compares both with the TensorFlow engine's logits).
    """

    def __init__(self, model) -> None:
        config = model.config
        odd = {key: getattr(config, key, None) for key, value in PLAIN_GPT2.items() if getattr(config, key, value) != value}
        if odd:
            raise BotbabyError(f"the torch engine samples plain GPT-2 models; this one has {odd}")
        self.torch = require("torch", extra="torch")
        self.transformer = model.transformer
        # The last layer norm and the logits in float32 whatever the model's dtype: bfloat16 logits tie
        # at the k-th likeliest token in most rows, which widens top_k and forgoes ``candidates``' fast path.
        # (A float32 model keeps its own tensors: .float() copies nothing then.)
        final = model.transformer.ln_f
        self.lm_head, self.ln_f = model.lm_head.weight.float(), (final.weight.float(), final.bias.float())
        self.n_head, self.eps = config.n_head, config.layer_norm_epsilon
        self.keys, self.values = [], []

    def start(self, batch: int, length: int) -> None:
        """Room for ``length`` positions of ``batch`` samples (the prompt and every new token)."""
        h = self.transformer
        shape = (batch, self.n_head, length, h.embed_dim // self.n_head)
        self.keys = [h.wte.weight.new_empty(shape) for _ in h.h]
        self.values = [h.wte.weight.new_empty(shape) for _ in h.h]

    def finish(self) -> None:
        """Let the request's keys and values go."""
        self.keys, self.values = [], []

    def step(self, tokens, position: int, causal: bool = False):
        """Logits of the last of ``tokens`` ([batch, T], at ``position`` onwards), their keys and values kept.

        ``causal``: each of ``tokens`` sees only those before it (a prompt of several tokens at position 0).
        A batch of one fills every sample's cache (the prompt, which all samples share).
        """
        torch, functional = self.torch, self.torch.nn.functional
        h = self.transformer
        count = tokens.shape[1]
        end = position + count
        x = h.wte.weight[tokens] + h.wpe.weight[position:end]
        batch, _, width = x.shape
        heads = (batch, count, self.n_head, width // self.n_head)
        for block, keys, values in zip(h.h, self.keys, self.values, strict=True):
            a = functional.layer_norm(x, (width,), block.ln_1.weight, block.ln_1.bias, self.eps)
            attn = block.attn
            q, k, v = torch.addmm(attn.c_attn.bias, a.view(-1, width), attn.c_attn.weight).split(width, dim=1)
            keys[:, :, position:end] = k.view(heads).transpose(1, 2)
            values[:, :, position:end] = v.view(heads).transpose(1, 2)
            a = functional.scaled_dot_product_attention(q.view(heads).transpose(1, 2), keys[:batch, :, :end],
                                                        values[:batch, :, :end], is_causal=causal)
            a = a.transpose(1, 2).reshape(-1, width)
            x = x + torch.addmm(attn.c_proj.bias, a, attn.c_proj.weight).view(batch, count, width)
            a = functional.layer_norm(x, (width,), block.ln_2.weight, block.ln_2.bias, self.eps).view(-1, width)
            mlp = block.mlp
            a = functional.gelu(torch.addmm(mlp.c_fc.bias, a, mlp.c_fc.weight), approximate="tanh")
            x = x + torch.addmm(mlp.c_proj.bias, a, mlp.c_proj.weight).view(batch, count, width)
        last = functional.layer_norm(x[:, -1].float(), (width,), *self.ln_f, self.eps)
        return last @ self.lm_head.T


class TorchEngine:
    """An exported checkpoint (``model/hf/``) loaded once on one device, sampled a batch at a time."""

    def __init__(self, model_dir: Path | str, device: str | None = None, dtype: str | None = None) -> None:
        torch = require("torch", extra="torch")
        transformers = require("transformers", extra="torch")
        model_dir = Path(model_dir)
        # a run folder (DATA/SIDE/model, holding hf/) or an exported folder itself
        self.hf_dir = model_dir if (model_dir / "config.json").is_file() else model_dir / "hf"
        self.model_dir = model_dir
        if not (self.hf_dir / "model.safetensors").is_file():
            raise BotbabyError(f"no PyTorch export in {self.hf_dir}: run `botbaby export SIDE` first "
                               "(or use --engine tf)")
        self.device = device or default_device()
        self.dtype = dtype or default_dtype(self.device)
        if self.dtype not in DTYPES:
            raise BotbabyError(f"dtype must be one of {', '.join(DTYPES)}, got {self.dtype!r}")
        self.tokenizer = transformers.GPT2TokenizerFast.from_pretrained(str(self.hf_dir))
        model = transformers.GPT2LMHeadModel.from_pretrained(str(self.hf_dir))
        self.model = model.to(device=self.device, dtype=getattr(torch, self.dtype)).eval()
        self.n_ctx = self.model.config.n_positions
        self.decoder = Decoder(self.model)
        self.end_id = self.tokenizer.convert_tokens_to_ids(END) if END in self.tokenizer.get_vocab() else None
        self.stop_tails = [self.encode(tail) for tail in STOP_TAILS]
        self._lock = threading.Lock()
        self.last_steps = 0

    def encode(self, text: str) -> list[int]:
        return self.tokenizer.encode(text, add_special_tokens=False)

    def decode(self, tokens: list[int]) -> str:
        return self.tokenizer.decode(tokens, skip_special_tokens=False, clean_up_tokenization_spaces=False)

    def sample_tokens(self, context: list[int], num_samples: int, length: int, temperature: float,
                      top_k: int, top_p: float, seed: int) -> list[list[int]]:
        """Sample ``num_samples`` continuations of ``context`` in one pass; each stops at its end marker."""
        if self.model is None:
            raise BotbabyError(f"the model in {self.model_dir} was closed")
        if not context:
            raise BotbabyError("cannot sample from an empty context")
        room = self.n_ctx - len(context)
        if room < 1:
            raise BotbabyError(f"the prompt is {len(context)} tokens; this model reads at most {self.n_ctx - 1}")
        with self._lock:  # one batch at a time per model
            try:
                tokens, lengths, self.last_steps = self._sample(context, num_samples, min(int(length), room),
                                                                float(temperature), int(top_k), float(top_p), int(seed))
            finally:
                self.decoder.finish()
        return [row[:n] for row, n in zip(tokens, lengths, strict=True)]

    def _sample(self, context, num_samples, length, temperature, top_k, top_p, seed):
        torch = require("torch", extra="torch")
        device = self.device
        with torch.inference_mode():
            generator = torch.Generator(device=device).manual_seed(seed % 2**63)
            prompt = torch.tensor([context], dtype=torch.long, device=device)
            self.decoder.start(num_samples, len(context) + length)
            # the prompt once, for every sample
            logits = self.decoder.step(prompt, 0, causal=len(context) > 1).expand(num_samples, -1)
            tails = [torch.tensor(tail, dtype=torch.long, device=device) for tail in self.stop_tails if tail]
            window = max([len(tail) for tail in self.stop_tails] + [1])
            recent = prompt[:, -window:].expand(num_samples, -1)  # the last tokens, where a stop tail would show
            tokens = torch.zeros((num_samples, length), dtype=torch.long, device=device)
            done = torch.zeros(num_samples, dtype=torch.bool, device=device)
            lengths = torch.zeros(num_samples, dtype=torch.long, device=device)
            steps = 0
            while steps < length:
                token = draw(*candidates(logits.float() / temperature, top_k, top_p), generator)
                tokens[:, steps] = token
                lengths += ~done
                recent = torch.cat([recent, token[:, None]], dim=1)[:, -window:]
                if self.end_id is not None:
                    done |= token == self.end_id
                for tail in tails:
                    if recent.shape[1] >= len(tail):
                        done |= (recent[:, -len(tail):] == tail).all(dim=1)
                steps += 1
                if steps == length or bool(done.all()):
                    break
                logits = self.decoder.step(token[:, None], len(context) + steps - 1)
            return tokens.tolist(), lengths.tolist(), steps

    def sample(self, context: str, num_samples: int = 1, length: int = 80, temperature: float = 0.7,
               top_k: int = 40, top_p: float = 0.9, seed: int = 0) -> list[str]:
        """Sample continuations of ``context`` as text (the context itself not included)."""
        rows = self.sample_tokens(self.encode(context), num_samples, length, temperature, top_k, top_p, seed)
        return [self.decode(row) for row in rows]

    def close(self) -> None:
        """Release the model (and the GPU memory its weights hold)."""
        self.model = self.decoder = None
        if self.device.startswith("cuda"):
            require("torch", extra="torch").cuda.empty_cache()
