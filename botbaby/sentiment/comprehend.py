"""The AWS sentiment backend: Amazon Comprehend's ``batch_detect_sentiment``, as the original used.

    analyzer = Analyzer(region="us-east-1")          # credentials from the usual AWS chain
    analyzer.analyze(["Tax cuts now!", "The bill passed."])   # [('POSITIVE', 0.93), ('NEUTRAL', 0.88)]

Texts go in chunks of 25 (the API's limit); an entry in a response's ``ErrorList`` stops the
call with a BotbabyError naming the text's index and Comprehend's message, so no post is
silently dropped. boto3 comes from ``botbaby[aws]`` and is imported only when this backend is used.
"""

from collections.abc import Sequence

from botbaby._optional import require
from botbaby.errors import BotbabyError

CHUNK = 25  # batch_detect_sentiment takes at most 25 texts a call
MAX_BYTES = 5000  # and at most 5,000 UTF-8 bytes per text


class Analyzer:
    """Comprehend behind the sentiment interface."""

    def __init__(self, client=None, region: str | None = None, language: str = "en") -> None:
        if client is None:
            boto3 = require("boto3", extra="aws")
            client = boto3.client("comprehend", region_name=region)
        self.client = client
        self.language = language  # Comprehend's LanguageCode

    def analyze(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        labels: list[tuple[str, float]] = []
        for start in range(0, len(texts), CHUNK):
            chunk = [_fit(text) for text in texts[start:start + CHUNK]]
            response = self.client.batch_detect_sentiment(TextList=chunk, LanguageCode=self.language)
            errors = response.get("ErrorList") or []
            if errors:
                first = errors[0]
                index = start + int(first["Index"])
                raise BotbabyError(
                    f"Comprehend could not analyse text {index} ({texts[index][:40]!r}): "
                    f"{first.get('ErrorCode', 'error')}: {first.get('ErrorMessage', '')}"
                    + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")
                )
            results = sorted(response.get("ResultList") or [], key=lambda item: item["Index"])
            if [item["Index"] for item in results] != list(range(len(chunk))):
                raise BotbabyError(f"Comprehend answered {len(results)} of {len(chunk)} texts from index {start}")
            for item in results:
                label = item["Sentiment"]
                labels.append((label, round(float(item["SentimentScore"][label.title()]), 4)))
        return labels


def _fit(text: str) -> str:
    """Cut a text to Comprehend's byte limit (on a character boundary); a blank text becomes '.'."""
    data = text.encode("utf-8")[:MAX_BYTES]
    return data.decode("utf-8", errors="ignore").strip() or "."
