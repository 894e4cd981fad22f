"""Sentiment: one interface, VADER offline by default, Comprehend in chunks of 25; ranking keeps the top 10."""

import pytest
from botocore.stub import Stubber

from botbaby.contract import SENTIMENTS, Post, majority_view
from botbaby.errors import BotbabyError
from botbaby.sentiment import get_analyzer, rank


def test_vader_labels_posts_with_one_of_the_four_sentiments_and_a_confidence():
    labels = get_analyzer("vader").analyze([
        "I love this wonderful plan, great news!",
        "This is a disgusting, terrible failure.",
        "The council meets on Tuesday at noon.",
        "I love it and I hate it.",
    ])
    assert [label for label, _ in labels] == ["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"]
    assert all(0.0 <= score <= 1.0 for _, score in labels)


def test_an_unknown_backend_is_a_clear_error():
    with pytest.raises(BotbabyError, match="unknown sentiment backend 'nope': one of vader, comprehend"):
        get_analyzer("nope")


def test_rank_keeps_the_ten_highest_scores_ordered_by_sentiment_then_score():
    texts = [f"post {i}" for i in range(15)]
    labels = [(SENTIMENTS[i % 4], i / 20) for i in range(15)]
    ranked = rank(texts, labels)
    assert len(ranked) == 10
    assert {post.text for post in ranked} == {f"post {i}" for i in range(5, 15)}
    order = [(SENTIMENTS.index(post.sentiment), -post.score) for post in ranked]
    assert order == sorted(order)


def test_rank_refuses_labels_it_does_not_know():
    with pytest.raises(BotbabyError, match="unknown label 'HAPPY'"):
        rank(["a"], [("HAPPY", 0.9)])


def test_the_majority_view_shows_the_most_common_sentiment():
    ranked = rank(["a", "b", "c", "d"], [("NEGATIVE", 0.9), ("POSITIVE", 0.5), ("NEGATIVE", 0.4), ("NEUTRAL", 0.99)])
    assert majority_view(ranked) == [Post("a", "NEGATIVE", 0.9), Post("c", "NEGATIVE", 0.4)]


def _comprehend_client():
    import boto3

    return boto3.client("comprehend", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")


def _result(index: int, label: str = "POSITIVE", score: float = 0.9) -> dict:
    scores = {"Positive": 0.02, "Negative": 0.02, "Neutral": 0.02, "Mixed": 0.02, label.title(): score}
    return {"Index": index, "Sentiment": label, "SentimentScore": scores}


def test_comprehend_analyses_60_texts_in_chunks_of_25_25_and_10():
    client = _comprehend_client()
    texts = [f"text number {i}" for i in range(60)]
    with Stubber(client) as stub:
        for start, size in ((0, 25), (25, 25), (50, 10)):
            stub.add_response(
                "batch_detect_sentiment",
                {"ResultList": [_result(i, "NEGATIVE" if start == 25 else "POSITIVE", 0.8) for i in range(size)],
                 "ErrorList": []},
                {"TextList": texts[start:start + size], "LanguageCode": "en"},
            )
        labels = get_analyzer("comprehend", client=client).analyze(texts)
        stub.assert_no_pending_responses()
    assert len(labels) == 60
    assert labels[24] == ("POSITIVE", 0.8) and labels[25] == ("NEGATIVE", 0.8) and labels[59] == ("POSITIVE", 0.8)


def test_a_comprehend_error_entry_is_raised_naming_the_text_and_the_message():
    client = _comprehend_client()
    texts = [f"text number {i}" for i in range(30)]
    with Stubber(client) as stub:
        stub.add_response("batch_detect_sentiment", {"ResultList": [_result(i) for i in range(25)], "ErrorList": []})
        stub.add_response("batch_detect_sentiment", {
            "ResultList": [_result(0), _result(1), _result(3), _result(4)],
            "ErrorList": [{"Index": 2, "ErrorCode": "INTERNAL_SERVER_ERROR", "ErrorMessage": "try again later"}],
        })
        with pytest.raises(BotbabyError, match=r"text 27 \('text number 27'\): INTERNAL_SERVER_ERROR: try again later"):
            get_analyzer("comprehend", client=client).analyze(texts)


def test_comprehend_is_sent_no_blank_or_oversized_text():
    client = _comprehend_client()
    with Stubber(client) as stub:
        stub.add_response("batch_detect_sentiment", {"ResultList": [_result(0), _result(1)], "ErrorList": []},
                          {"TextList": [".", "é" * 2500], "LanguageCode": "en"})
        labels = get_analyzer("comprehend", client=client).analyze(["  ", "é" * 4000])
        stub.assert_no_pending_responses()  # the call was made, with exactly those texts
    assert len(labels) == 2
