"""GPT-2 releases (124M, 355M, ...) as OpenAI published them, downloaded with gpt-2-simple's own code.

    download_release(Layout("botbaby-data").models_dir, "124M")   # -> botbaby-data/models/124M

The other base a side can fine-tune from is ``botbaby.tiny``'s small model built from its own text.
"""

import json
import os
import shutil
from pathlib import Path

from botbaby._optional import require
from botbaby.errors import BotbabyError
from botbaby.io import temp_dir

RELEASES = ("124M", "355M", "774M", "1558M")  # what OpenAI published; gpt-2-simple downloads these
# Where gpt-2-simple's download_gpt2 fetches releases from (a literal inside it); tests point
# $BOTBABY_GPT2_URL at a local server.
DOWNLOAD_URL = "https://openaipublic.blob.core.windows.net/gpt-2"
RELEASE_FILES = ("checkpoint", "encoder.json", "hparams.json", "model.ckpt.data-00000-of-00001",
                 "model.ckpt.index", "model.ckpt.meta", "vocab.bpe")


def download_release(models_dir: Path | str, name: str, url: str | None = None) -> Path:
    """Download GPT-2 release ``name`` into ``models_dir/name`` with gpt-2-simple's downloader (skipped when there).

    The files land in a temporary folder first, so an interrupted download is never mistaken for a
    complete one. ``url`` (default ``$BOTBABY_GPT2_URL`` or OpenAI's bucket) is what gpt-2-simple's
    ``download_gpt2`` hard-codes.
    """
    require("tensorflow", extra="train")
    gpt2 = require("gpt_2_simple.gpt_2", extra="train", package="gpt-2-simple")
    models_dir = Path(models_dir)
    target = models_dir / name
    if gpt2.is_gpt2_downloaded(model_dir=str(models_dir), model_name=name):
        return target
    url = url or os.environ.get("BOTBABY_GPT2_URL") or DOWNLOAD_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    work = temp_dir(target.parent, f".{name}.")
    try:
        for file_name in RELEASE_FILES:
            try:
                gpt2.download_file_with_progress(url_base=url, sub_dir=str(work), model_name=name, file_name=file_name)
            except Exception as exc:  # requests errors, a missing content-length on an error page, ...
                raise BotbabyError(f"could not download GPT-2 {name} ({file_name}) from {url}: {exc}") from exc
        try:  # gpt-2-simple saves whatever the server answers, error pages included
            json.loads((work / "hparams.json").read_text())
            json.loads((work / "encoder.json").read_text())
        except ValueError:
            raise BotbabyError(f"{url} did not serve GPT-2 {name} (hparams.json or encoder.json is not JSON)") from None
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
