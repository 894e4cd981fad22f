"""How surprised a trained checkpoint is by text it has not seen: perplexity, beside the sampling engine.

    perplexity("botbaby-data/left/model", "botbaby-data/left/val.txt")   # e.g. 14.2

exp of the mean next-token cross-entropy, scored in consecutive windows of the model's context with
gpt-2-simple's own model code. A model that learned nothing scores about its vocabulary size.
"""

import math
from pathlib import Path

from botbaby._optional import require


def perplexity(model_dir: Path | str, text_path: Path | str, max_tokens: int = 20_000) -> float | None:
    """Perplexity of the checkpoint in ``model_dir`` on the first ``max_tokens`` tokens of a text; None when
    the text is missing or shorter than two tokens."""
    model_dir, text_path = Path(model_dir), Path(text_path)
    if not text_path.is_file():
        return None
    tf = require("tensorflow", extra="train")
    from gpt_2_simple.src import encoder, model

    from botbaby.engine import load_hparams

    hparams = load_hparams(model_dir)
    tokens = encoder.get_encoder(str(model_dir)).encode(text_path.read_text(encoding="utf-8", errors="ignore"))
    tokens = tokens[:max_tokens]
    if len(tokens) < 2:
        return None
    graph = tf.Graph()
    with graph.as_default():
        window = tf.compat.v1.placeholder(tf.int32, [1, None])
        logits = model.model(hparams=hparams, X=window)["logits"]
        nll = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=window[:, 1:], logits=logits[:, :-1]))
        saver = tf.compat.v1.train.Saver(var_list=tf.compat.v1.global_variables())
        with tf.compat.v1.Session(graph=graph) as sess:
            saver.restore(sess, tf.train.latest_checkpoint(str(model_dir)))
            total, count = 0.0, 0
            for start in range(0, len(tokens) - 1, hparams.n_ctx):
                chunk = tokens[start:start + hparams.n_ctx]
                if len(chunk) < 2:
                    continue
                total += float(sess.run(nll, {window: [chunk]}))
                count += len(chunk) - 1
    return math.exp(total / count)
