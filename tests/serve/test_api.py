"""The HTTP API of ``botbaby serve``, against a real uvicorn server on 127.0.0.1 with fake generators."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serve_fakes import Crash, fake_view

from botbaby.contract import GenerateRequest
from botbaby.errors import BotbabyError
from botbaby.serve.app import create_app
from botbaby.serve.cache import SqliteCache, SqliteFeedback
from botbaby.serve.config import ServeConfig
from botbaby.serve.queue import LocalQueue


def wait_until(condition, timeout_s: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def health(url: str) -> dict:
    return httpx.get(f"{url}/healthz").json()


def test_a_new_prompt_is_generated_then_served_from_the_cache(start_server, board, data_dir):
    url = start_server()
    first = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Fuel prices"})
    again = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "  fuel   PRICES "})
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() == fake_view("left", "Fuel prices")
    assert board.calls == [("left", "Fuel prices")]
    assert httpx.get(f"{url}/popular").json() == [{"model": "left", "prompt": "Fuel prices", "visits": 2}]


def test_repeating_the_exact_same_query_is_answered_and_counted_like_any_other(start_server, board):
    url = start_server()
    query = {"model": "right", "prompt": "Border wall", "top_k": "40"}
    answers = [httpx.get(f"{url}/generate", params=query) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert all(answer.json() == fake_view("right", "Border wall") for answer in answers)
    assert answers[2].headers["content-type"] == "application/json"
    assert httpx.get(f"{url}/popular").json() == [{"model": "right", "prompt": "Border wall", "visits": 3}]
    assert httpx.get(f"{url}/generate", params={**query, "model": "centre"}).status_code == 400


def test_each_side_and_each_setting_is_its_own_answer(start_server, board):
    url = start_server()
    for params in ({"model": "left"}, {"model": "right"}, {"model": "left", "temperature": "1.2"}):
        assert httpx.get(f"{url}/generate", params={"prompt": "Taxes", **params}).status_code == 200
    assert sorted(board.calls) == [("left", "Taxes"), ("left", "Taxes"), ("right", "Taxes")]


def test_twenty_concurrent_requests_for_a_new_prompt_make_one_job_and_one_answer(start_server, board):
    url = start_server()
    board.gate.clear()
    with ThreadPoolExecutor(20) as pool:
        futures = [
            pool.submit(httpx.get, f"{url}/generate", params={"model": "right", "prompt": "Border wall"}, timeout=30)
            for _ in range(20)
        ]
        wait_until(lambda: health(url)["waiting_requests"] == 20, what="20 waiting requests")
        assert board.calls == [("right", "Border wall")]
        board.gate.set()
        answers = [future.result() for future in futures]
    assert {answer.status_code for answer in answers} == {200}
    assert all(answer.json() == fake_view("right", "Border wall") for answer in answers)
    assert board.calls == [("right", "Border wall")]


def test_a_slow_new_prompt_answers_202_with_a_job_to_poll(start_server, board):
    url = start_server(wait_s=0.2)
    board.gate.clear()
    pending = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Wages"})
    assert pending.status_code == 202
    body = pending.json()
    assert pending.headers["location"] == body["location"] == f"/jobs/{body['job']}"
    assert body["job"] == GenerateRequest("left", "Wages").key
    assert httpx.get(f"{url}{body['location']}").status_code == 202
    board.gate.set()
    done = wait_until(lambda: (r := httpx.get(f"{url}{body['location']}")).status_code == 200 and r, what="the job")
    assert done.json() == fake_view("left", "Wages")
    assert httpx.get(f"{url}/jobs/{'0' * 32}").status_code == 404
    assert httpx.get(f"{url}/jobs/not-a-job").status_code == 404


def test_health_and_cached_prompts_answer_while_a_generation_is_running(start_server, board):
    url = start_server()
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Known"}).status_code == 200
    board.started.clear()
    board.gate.clear()
    slow = threading.Thread(target=httpx.get, args=(f"{url}/generate",),
                            kwargs={"params": {"model": "left", "prompt": "Slow"}, "timeout": 30})
    slow.start()
    assert board.started.wait(10)
    assert health(url)["workers"]["left"]["busy"]
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "known"}).status_code == 200
    assert httpx.get(f"{url}/healthz").status_code == 200
    assert slow.is_alive(), "the slow request finished before the gate opened"
    board.gate.set()
    slow.join(30)
    assert not slow.is_alive()


def test_a_cached_answer_survives_a_server_restart(start_server, board, data_dir):
    url = start_server()
    before = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Healthcare"}).json()
    start_server.servers.pop().stop()

    def no_model(side):
        raise AssertionError("a cached prompt must not load a model")

    url = start_server(factory=no_model)
    after = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "healthcare"})
    assert after.status_code == 200 and after.json() == before
    assert httpx.get(f"{url}/popular").json() == [{"model": "left", "prompt": "Healthcare", "visits": 2}]


def test_a_worker_that_crashes_mid_job_leaves_it_to_be_retried_not_lost_or_doubled(start_server, board, data_dir):
    board.fail("Climate", Crash("killed mid-generation"))
    url = start_server()
    answer = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Climate"})
    assert answer.status_code == 200 and answer.json() == fake_view("left", "Climate")
    assert board.calls == [("left", "Climate"), ("left", "Climate")]
    worker = health(url)["workers"]["left"]
    assert (worker["crashed"], worker["done"], worker["loads"]) == (1, 1, 2)  # the crashed model was dropped
    queue = LocalQueue(data_dir / "serve.sqlite", side="left", recover=False)
    assert queue.pending() == 0 and queue.state(GenerateRequest("left", "Climate").key) is None
    assert SqliteCache(data_dir / "serve.sqlite").peek(GenerateRequest("left", "Climate").key) is not None


def test_a_job_that_keeps_failing_is_given_up_with_a_clear_error_and_can_be_asked_again(start_server, board, caplog):
    board.fail("Cursed", *[RuntimeError("CUDA out of memory in /srv/botbaby/left/model")] * 2)
    url = start_server(max_attempts=2)
    failed = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Cursed"})
    assert failed.status_code == 422
    message = failed.json()["error"]
    assert "failed after 2 attempts" in message and "RuntimeError" in message and "ask again" in message
    assert "/srv" not in message and "CUDA out of memory in /srv/botbaby" in caplog.text  # the details are logged
    job = GenerateRequest("left", "Cursed").key
    assert httpx.get(f"{url}/jobs/{job}").status_code == 422
    again = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Cursed"})
    assert again.status_code == 200 and again.json() == fake_view("left", "Cursed")
    assert len(board.calls) == 3


def test_too_many_new_prompts_waiting_get_a_429_and_known_ones_still_answer(start_server, board):
    url = start_server(wait_s=0.05, max_pending=1)
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Known"}).status_code == 200
    board.started.clear()
    board.gate.clear()
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "First"}).status_code == 202
    assert board.started.wait(10)  # the worker holds "First"; "Second" waits in the queue
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Second"}).status_code == 202
    refused = httpx.get(f"{url}/generate", params={"model": "left", "prompt": "Third"})
    assert refused.status_code == 429 and "try again" in refused.json()["error"]
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "second"}).status_code == 202
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": "known"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"prompt": "x"}, "model is required"),
        ({"model": "centre", "prompt": "x"}, "unknown model 'centre'"),
        ({"model": "left"}, "prompt is required"),
        ({"model": "left", "prompt": "   "}, "prompt is required"),
        ({"model": "left", "prompt": "x" * 281}, "prompt is too long"),
        ({"model": "left", "prompt": "x", "top_p": "1.5"}, "top_p must be between"),
        ({"model": "left", "prompt": "x", "num_samples": "many"}, "num_samples must be a number"),
        ({"model": "left", "prompt": "x", "length": "2.5"}, "length must be a whole number"),
        ({"model": "left", "prompt": "x", "temperature": "nan"}, "temperature must be a finite number"),
    ],
)
def test_bad_generate_parameters_get_a_400_saying_what_is_wrong(start_server, board, params, message):
    url = start_server()
    answer = httpx.get(f"{url}/generate", params=params)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert board.calls == []


def test_only_the_first_twenty_words_of_a_prompt_count(start_server, board):
    url = start_server()
    words = " ".join(f"w{i}" for i in range(30))
    assert httpx.get(f"{url}/generate", params={"model": "left", "prompt": words}).status_code == 200
    assert board.calls == [("left", " ".join(f"w{i}" for i in range(20)))]


def test_autocomplete_lists_known_prompts_by_prefix_most_visited_first(start_server):
    url = start_server()
    for prompt, times in (("Fuel prices", 1), ("Fuel duty", 3), ("Taxes", 1), ("100% renewable", 1)):
        for _ in range(times):
            httpx.get(f"{url}/generate", params={"model": "left", "prompt": prompt})
    httpx.get(f"{url}/generate", params={"model": "right", "prompt": "Fuel tax"})
    start_server.servers[-1].app.state.server.cache.flush()  # as the server does every second
    assert httpx.get(f"{url}/prompts", params={"prefix": "fu"}).json() == ["Fuel duty", "Fuel prices", "Fuel tax"]
    assert httpx.get(f"{url}/prompts", params={"prefix": "FU", "model": "right"}).json() == ["Fuel tax"]
    assert httpx.get(f"{url}/prompts", params={"prefix": "100%"}).json() == ["100% renewable"]
    assert httpx.get(f"{url}/prompts", params={"prefix": "1_0"}).json() == []
    assert httpx.get(f"{url}/popular", params={"limit": 1}).json() == [
        {"model": "left", "prompt": "Fuel duty", "visits": 3}
    ]
    assert httpx.get(f"{url}/prompts", params={"limit": "0"}).status_code == 400
    assert httpx.get(f"{url}/prompts", params={"model": "centre"}).status_code == 400
    assert httpx.get(f"{url}/popular", params={"limit": "lots"}).status_code == 400


def test_feedback_is_validated_and_stored(start_server, data_dir):
    url = start_server()
    stored = httpx.post(f"{url}/feedback", json={"message": "Scarily real", "model": "left", "rating": 4,
                                                 "prompt": "Fuel prices"})
    assert stored.status_code == 201 and isinstance(stored.json()["id"], str)  # opaque, as the Lambda's uuid
    bad = [
        ({"rating": 4}, 400), ({"message": "  "}, 400), ({"message": "x", "rating": 6}, 400),
        ({"message": "x", "rating": True}, 400), ({"message": "x", "model": "centre"}, 400),
        ({"message": "x", "extra": 1}, 400), (["message"], 400), ({"message": "x" * 20_000}, 413),
    ]
    for body, status in bad:
        assert httpx.post(f"{url}/feedback", json=body).status_code == status, body
    assert httpx.post(f"{url}/feedback", content=b"{not json", headers={"content-type": "application/json"}
                      ).status_code == 400
    assert httpx.post(f"{url}/feedback", content=b"message=hi").status_code == 415
    rows = SqliteFeedback(data_dir / "serve.sqlite").all()
    assert [(row["message"], row["model"], row["rating"], row["prompt"]) for row in rows] == [
        ("Scarily real", "left", 4, "Fuel prices")
    ]


def test_unknown_routes_and_methods_get_json_errors(start_server):
    url = start_server()
    assert httpx.get(f"{url}/nope").status_code == 404
    wrong_method = httpx.post(f"{url}/generate")
    assert wrong_method.status_code == 405 and "error" in wrong_method.json()


def test_the_page_and_the_openapi_description_are_served(start_server):
    url = start_server(sides=["left", "right"])
    page = httpx.get(f"{url}/")
    assert page.status_code == 200 and "<title>botbaby" in page.text
    assert 'window.BOTBABY_API = ""' in httpx.get(f"{url}/config.js").text
    spec = httpx.get(f"{url}/openapi.json").json()
    assert spec["paths"]["/generate"]["get"]["parameters"][0]["schema"]["enum"] == ["left", "right"]
    assert httpx.get(f"{url}/sides").json() == ["left", "right"]


def test_by_default_the_sides_served_are_those_with_a_trained_model(data_dir, board):
    (data_dir / "left" / "model").mkdir(parents=True)
    (data_dir / "left" / "model" / "checkpoint").write_text('model_checkpoint_path: "model-10"\n')
    (data_dir / "left" / "model" / "hparams.json").write_text("{}")
    (data_dir / "right").mkdir()
    assert create_app(data_dir, ServeConfig(), factory=board.factory).state.service.sides == ["left"]
    with pytest.raises(BotbabyError, match="no trained model"):
        create_app(data_dir / "right", ServeConfig(), factory=board.factory)
    with pytest.raises(BotbabyError, match="no trained model for right"):
        create_app(data_dir, ServeConfig(sides=["left", "right"]))
