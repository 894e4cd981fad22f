"""The offline sentiment backend: VADER (the ``vaderSentiment`` package, lexicon included).

    >>> Analyzer().analyze(["I hate this terrible law.", "The council meets on Tuesday."])
    [('NEGATIVE', 0.8087), ('NEUTRAL', 1.0)]

VADER gives a compound polarity in -1..1 and the shares of positive, negative and neutral words;
this maps them onto Comprehend's four labels, each with a confidence in 0..1:

- MIXED when both positive and negative words carry weight (each share >= ``mixed_share``);
  confidence = the two shares together;
- POSITIVE when compound >= ``threshold`` (VADER's recommended 0.05); confidence = compound;
- NEGATIVE when compound <= -``threshold``; confidence = -compound;
- NEUTRAL otherwise; confidence = the neutral share.
"""

from collections.abc import Sequence


class Analyzer:
    """VADER behind the sentiment interface."""

    def __init__(self, threshold: float = 0.05, mixed_share: float = 0.2) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.threshold = threshold  # |compound| below this is neutral
        self.mixed_share = mixed_share  # positive and negative word shares both above this is mixed
        self._vader = SentimentIntensityAnalyzer()

    def label(self, text: str) -> tuple[str, float]:
        scores = self._vader.polarity_scores(text)
        compound = scores["compound"]
        if scores["pos"] >= self.mixed_share and scores["neg"] >= self.mixed_share:
            return "MIXED", round(min(1.0, scores["pos"] + scores["neg"]), 4)
        if compound >= self.threshold:
            return "POSITIVE", round(compound, 4)
        if compound <= -self.threshold:
            return "NEGATIVE", round(-compound, 4)
        return "NEUTRAL", round(scores["neu"], 4)

    def analyze(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        return [self.label(text) for text in texts]
