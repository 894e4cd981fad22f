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
sample has written the end marker. On a GPU the weights are bfloat16 (float16 where the GPU has
no bfloat16); the filter and the sampling always run in float32. The same seed gives the same
posts on the same machine, but not the same posts as the TensorFlow engine (another generator).
"""

import inspect
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


def default_device() -> str:
    torch = require("torch", extra="torch")
    return "cuda" if torch.cuda.is_available() else "cpu"


def default_dtype(device: str) -> str:
    """float32 on a CPU; bfloat16 on a GPU that has it, else float16."""
    torch = require("torch", extra="torch")
    if not device.startswith("cuda"):
        return "float32"
    return "bfloat16" if torch.cuda.is_bf16_supported() else "float16"


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
        # transformers 5 renamed past_key_values to cache; Colab and the AMIs may have 4.x
        self._cache = "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"
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
            tokens, lengths, self.last_steps = self._sample(context, num_samples, min(int(length), room),
                                                            float(temperature), int(top_k), float(top_p), int(seed))
        return [row[:n] for row, n in zip(tokens, lengths, strict=True)]

    def _sample(self, context, num_samples, length, temperature, top_k, top_p, seed):
        torch = require("torch", extra="torch")
        device = self.device
        with torch.inference_mode():
            generator = torch.Generator(device=device).manual_seed(seed % 2**63)
            prompt = torch.tensor([context], dtype=torch.long, device=device).expand(num_samples, -1)
            output = self.model(input_ids=prompt, use_cache=True)
            tails = [torch.tensor(tail, dtype=torch.long, device=device) for tail in self.stop_tails if tail]
            window = max([len(tail) for tail in self.stop_tails] + [1])
            recent = prompt[:, -window:]  # the last tokens, where a stop tail would show
            tokens = torch.zeros((num_samples, length), dtype=torch.long, device=device)
            done = torch.zeros(num_samples, dtype=torch.bool, device=device)
            lengths = torch.zeros(num_samples, dtype=torch.long, device=device)
            steps = 0
            while steps < length:
                logits = filter_logits(output.logits[:, -1, :].float() / temperature, top_k, top_p)
                # argmax of p / Exp(1) noise draws token i with probability p_i, several times faster than multinomial
                noise = torch.empty_like(logits).exponential_(generator=generator)
                token = torch.argmax(torch.softmax(logits, dim=-1) / noise, dim=-1)
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
                output = self.model(input_ids=token[:, None], use_cache=True,
                                    **{self._cache: getattr(output, self._cache)})
            return tokens.tolist(), lengths.tolist(), steps

    def sample(self, context: str, num_samples: int = 1, length: int = 80, temperature: float = 0.7,
               top_k: int = 40, top_p: float = 0.9, seed: int = 0) -> list[str]:
        """Sample continuations of ``context`` as text (the context itself not included)."""
        rows = self.sample_tokens(self.encode(context), num_samples, length, temperature, top_k, top_p, seed)
        return [self.decode(row) for row in rows]

    def close(self) -> None:
        """Release the model (and the GPU memory its weights hold)."""
        self.model = None
        if self.device.startswith("cuda"):
            require("torch", extra="torch").cuda.empty_cache()
