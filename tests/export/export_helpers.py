"""Helpers of the export and PyTorch engine tests: a Python without TensorFlow, gpt-2-simple's own logits."""

import subprocess
import sys
from pathlib import Path

# Run before the code under test: TensorFlow, Keras and gpt-2-simple are not found, as on a PyTorch-only
# machine (find_spec answers None, so libraries that probe for TensorFlow see it missing, not broken).
NO_TENSORFLOW = """
import importlib.machinery, sys

class WithoutTensorFlow(importlib.machinery.PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.split(".")[0] in ("tensorflow", "gpt_2_simple", "keras", "tf_keras"):
            return None
        return super().find_spec(name, path, target)

sys.meta_path[sys.meta_path.index(importlib.machinery.PathFinder)] = WithoutTensorFlow
"""


def run_without_tensorflow(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python that cannot import TensorFlow; fail the test with its stderr if it fails."""
    result = subprocess.run([sys.executable, "-c", NO_TENSORFLOW + code, *args], capture_output=True, text=True,
                            timeout=300, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def tf_logits(model_dir: Path, tokens: list[list[int]]):
    """gpt-2-simple's own forward pass over ``tokens`` with the run folder's latest checkpoint: [batch, T, vocab]."""
    import tensorflow as tf
    from gpt_2_simple.src import model

    from botbaby.engine import load_hparams

    hparams = load_hparams(model_dir)
    graph = tf.Graph()
    with graph.as_default():
        window = tf.compat.v1.placeholder(tf.int32, [None, None])
        logits = model.model(hparams=hparams, X=window)["logits"]
        with tf.compat.v1.Session(graph=graph) as sess:
            tf.compat.v1.train.Saver().restore(sess, tf.train.latest_checkpoint(str(model_dir)))
            return sess.run(logits, {window: tokens})
