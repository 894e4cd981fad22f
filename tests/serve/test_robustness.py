"""``botbaby serve`` under abuse: floods, odd input, kill -9, two servers, failing disks, a retrained model."""

import asyncio
import json
import sqlite3
import threading

import httpx
import pytest
from serve_fakes import fake_view
from starlette.testclient import TestClient

from botbaby.contract import GenerateRequest, Post
from botbaby.errors import BotbabyError
from botbaby.serve.app import create_app
from botbaby.serve.cache import SqliteCache
from botbaby.serve.config import ServeConfig
from botbaby.serve.queue import LocalQueue
from botbaby.serve.service import ApiRequest, Service


def get(url, prompt, side="left", **params):
    return httpx.get(f"{url}/generate", params={"model": side, "prompt": prompt, **params}, timeout=30)


def test_a_write_held_on_the_database_stalls_only_the_request_that_writes_not_the_server(start_server, data_dir):
    url = start_server()
    assert get(url, "Known").status_code == 200
    blocker = sqlite3.connect(data_dir / "serve.sqlite", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    new_prompt = threading.Thread(target=get, args=(url, "A new one"))
    new_prompt.start()  # its queue write waits for the lock, on the server's thread pool
    try:
        assert httpx.get(f"{url}/sides", timeout=5).status_code == 200
        assert httpx.get(f"{url}/prompts", params={"prefix": "kn"}, timeout=5).status_code == 200
        assert get(url, "known").status_code == 200
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    new_prompt.join(30)


def test_autocomplete_reads_its_index_never_the_answers_table(tmp_path):
    cache = SqliteCache(tmp_path / "serve.sqlite")
    conn = cache.db.connection()
    plans = []
    conn.set_trace_callback(lambda sql: plans.append(sql))
    cache.prompts(prefix="fu")
    cache.prompts(side="left", prefix="")
    conn.set_trace_callback(None)
    for sql in plans:
        plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql.replace("?", "NULL")))
        assert "answers" not in sql and "INDEX prompts_by" in plan, (sql, plan)
        assert "SCAN prompts" not in plan, plan  # (scanning its own small subquery's rows is fine)


@pytest.mark.parametrize("dense_prefix", [100, 2000])  # the by-visits walk, and the sorted prefix range
def test_a_prefix_matching_many_prompts_still_lists_the_most_visited_first(tmp_path, monkeypatch, dense_prefix):
    from botbaby.serve import cache as cache_module

    monkeypatch.setattr(cache_module, "_DENSE_PREFIX", dense_prefix)
    cache = SqliteCache(tmp_path / "serve.sqlite")
    for i in range(700):
        request = GenerateRequest("left", f"apple {i:04d}")
        cache.store(request, [Post("x", "NEUTRAL", 0.5)])
        for _ in range(i % 7):
            cache.lookup(request.key, client=f"10.0.0.{i % 5}")
    cache.store(GenerateRequest("left", "banana"), [Post("x", "NEUTRAL", 0.5)])
    cache.flush()
    top = cache.prompts(prefix="APP", limit=5)
    assert len(top) == 5 and all(prompt.startswith("apple") for prompt in top)
    assert all(int(prompt[-4:]) % 7 == 6 for prompt in top)  # six visits each: the most


def test_answers_are_bounded_and_the_least_recently_visited_go_first(tmp_path):
    cache = SqliteCache(tmp_path / "serve.sqlite", max_answers=100)
    requests = [GenerateRequest("left", f"prompt {i}") for i in range(150)]
    for i, request in enumerate(requests):
        cache.store(request, [Post(f"post {i}", "NEUTRAL", 0.5)])
        if i == 99:  # full: the first ten are visited now, so the next to go are 10, 11, ...
            for visited in requests[:10]:
                cache.lookup(visited.key)
            cache.flush()
    rows = cache.db.connection().execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    assert rows <= 100
    assert all(cache.peek(request.key) is not None for request in requests[:10] + requests[-10:])
    assert cache.peek(requests[10].key) is None  # never visited and among the oldest


def test_one_client_flooding_new_prompts_gets_429_with_retry_after_and_known_prompts_still_answer(start_server):
    url = start_server(new_prompt_burst=2, new_prompts_per_minute=0.5)
    assert [get(url, f"Flood {i}").status_code for i in range(2)] == [200, 200]
    refused = get(url, "Flood 2")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 60
    assert "too many new prompts from you" in refused.json()["error"]
    assert get(url, "flood 0").status_code == 200  # a known prompt costs nothing


def test_a_request_with_too_many_headers_is_refused_with_431(start_server):
    url = start_server()
    headers = {f"x-filler-{i}": "x" for i in range(150)}
    answer = httpx.get(f"{url}/sides", headers=headers)
    assert answer.status_code == 431 and "too many request headers" in answer.json()["error"]
    assert httpx.get(f"{url}/sides").status_code == 200


def test_a_client_that_hangs_up_mid_upload_leaves_no_traceback(start_server, caplog):
    import socket

    url = start_server()
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 5000\r\n\r\n{\"message\": ")
    assert httpx.get(f"{url}/sides").status_code == 200
    assert "Traceback" not in caplog.text and "ClientDisconnect" not in caplog.text


def test_a_prompt_too_long_for_the_model_is_refused_before_it_is_queued(start_server, board, data_dir):
    model = data_dir / "left" / "model"
    model.mkdir(parents=True)
    (model / "hparams.json").write_text(json.dumps({"n_ctx": 32}))  # and no vocabulary to count with
    url = start_server()
    refused = get(url, "हिन्दी में एक लंबा वाक्य")  # few characters, many bytes and tokens
    assert refused.status_code == 400 and "shorten it" in refused.json()["error"]
    assert get(url, "Short").status_code == 200
    assert board.calls == [("left", "Short")]


@pytest.mark.parametrize(("params", "message"), [
    ({"temperature": "1e-300"}, "temperature must be between 0.05 and 2, got 1e-300"),
    ({"top_p": "1e-300"}, "top_p must be between 0.05 and 1, got 1e-300"),
    ({"num_samples": "51"}, "num_samples must be between 1 and 50, got 51"),
    ({"length": "2.5"}, "length must be a whole number, got 2.5"),
])
def test_sampling_settings_below_their_floor_are_refused_with_numbers_written_as_people_write_them(
    start_server, board, params, message
):
    url = start_server()
    answer = get(url, "x", **params)
    assert answer.status_code == 400 and answer.json()["error"] == message
    assert board.calls == []


def test_an_empty_answer_is_generated_again_with_another_seed_and_never_cached(start_server, board):
    board.empty("Sparse", 1)
    url = start_server()
    answer = get(url, "Sparse")
    assert answer.status_code == 200 and answer.json() == fake_view("left", "Sparse")
    assert len(board.calls) == 2 and board.seeds[0] != board.seeds[1]

    board.empty("Hopeless", 3 * 3)  # three tries per attempt, three attempts
    failed = get(url, "Hopeless")
    assert failed.status_code == 422 and "no post survived post-processing" in failed.json()["error"]
    key = GenerateRequest("left", "Hopeless").key
    assert start_server.servers[-1].app.state.server.cache.peek(key) is None


def test_a_job_that_kills_its_server_every_time_dies_after_max_attempts_across_restarts(tmp_path):
    db = tmp_path / "serve.sqlite"
    job_id = LocalQueue(db, "left", max_attempts=2).submit(GenerateRequest("left", "Poison"))
    for _ in range(2):  # a server takes the job and is killed mid-generation; the next one starts
        assert LocalQueue(db, "left", max_attempts=2, recover=True).receive() is not None
    state = LocalQueue(db, "left", max_attempts=2, recover=True).state(job_id)
    assert state["state"] == "dead" and state["attempts"] == 2
    assert SqliteCache(db).failure(job_id) == {"error": "the server stopped while generating it", "attempts": 2}


def test_a_second_server_on_the_same_data_folder_refuses_to_start_and_names_the_first(
    start_server, board, data_dir
):
    url = start_server(sides=["left"])
    second = create_app(data_dir, ServeConfig(sides=("left",)), factory=board.factory)
    with pytest.raises(BotbabyError, match=r"another botbaby serve uses .* \(process \d+ on .*since"):
        with TestClient(second):
            pass
    assert get(url, "Still mine").status_code == 200


def test_visit_counts_survive_a_failed_write_and_land_with_the_next_flush(tmp_path, monkeypatch):
    cache = SqliteCache(tmp_path / "serve.sqlite")
    request = GenerateRequest("left", "Taxes")
    cache.store(request, [Post("Too high.", "NEGATIVE", 0.6)])
    cache.lookup(request.key)
    write = cache._write_visits
    monkeypatch.setattr(cache, "_write_visits", lambda *args: (_ for _ in ()).throw(sqlite3.OperationalError("full")))
    with pytest.raises(sqlite3.OperationalError):
        cache.flush()
    monkeypatch.setattr(cache, "_write_visits", write)
    cache.lookup(request.key)
    assert cache.flush() == 2 and cache.visits(request.key) == 2


def test_the_flush_loop_keeps_running_after_a_failed_write(tmp_path, board, monkeypatch):
    app = create_app(tmp_path, ServeConfig(sides=("left",)), factory=board.factory)
    cache = app.state.server.cache
    request = GenerateRequest("left", "Taxes")
    cache.store(request, [Post("x", "NEUTRAL", 0.5)])
    cache.lookup(request.key)
    write, failures = cache._write_visits, [sqlite3.OperationalError("disk I/O error")]

    def failing_once(*args):
        if failures:
            raise failures.pop()
        write(*args)

    monkeypatch.setattr(cache, "_write_visits", failing_once)

    def on_disk() -> int:
        return cache.db.connection().execute("SELECT visits FROM answers WHERE key = ?", (request.key,)).fetchone()[0]

    async def run_loop():
        loop = asyncio.create_task(app.state.server.flush_visits(every_s=0.01))
        while on_disk() == 0:
            await asyncio.sleep(0.01)
        loop.cancel()

    asyncio.run(asyncio.wait_for(run_loop(), 10))
    assert failures == [] and on_disk() == 1
    app.state.server.close()


def test_a_retrained_model_never_serves_the_old_models_answers(start_server, board, data_dir):
    model = data_dir / "left" / "model"
    model.mkdir(parents=True)
    (model / "checkpoint").write_text('model_checkpoint_path: "model-1"\n')
    (model / "hparams.json").write_text("{}")
    (model / "model-1.data-00000-of-00001").write_bytes(b"weights, first training")
    url = start_server(sides=["left"])
    assert get(url, "Fuel").status_code == 200 and get(url, "Fuel").status_code == 200
    assert board.calls == [("left", "Fuel")]
    start_server.servers.pop().stop()

    (model / "model-1.data-00000-of-00001").write_bytes(b"weights, retrained")
    url = start_server(sides=["left"])
    assert get(url, "Fuel").status_code == 200
    assert board.calls == [("left", "Fuel"), ("left", "Fuel")]


def test_clear_cache_forgets_the_answers(start_server, board, data_dir):
    url = start_server(sides=["left"])
    assert get(url, "Fuel").status_code == 200
    start_server.servers.pop().stop()
    app = create_app(data_dir, ServeConfig(sides=("left",)), factory=board.factory, clear_cache=True)
    with TestClient(app):
        assert app.state.server.cache.peek(GenerateRequest("left", "Fuel").key) is None


def test_every_response_carries_the_security_headers_and_the_page_runs_no_inline_script(start_server):
    url = start_server()
    for path in ("/", "/generate?model=left&prompt=x", "/nope", "/app.js"):
        headers = httpx.get(f"{url}{path}").headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in httpx.get(f"{url}/").text
    favicon = httpx.get(f"{url}/favicon.ico")
    assert favicon.status_code == 200 and favicon.content[:4] == b"\x00\x00\x01\x00"


def test_healthz_shows_statistics_only_to_this_machine_unless_asked(tmp_path, board):
    service_for = {}
    for public in (False, True):
        app = create_app(tmp_path / str(public), ServeConfig(sides=("left",), public_health=public),
                         factory=board.factory)
        service_for[public] = app.state.service

    def health(public, client):
        answer = asyncio.run(service_for[public].handle(ApiRequest("GET", "/healthz", client=client)))
        return answer.payload()

    assert health(False, "203.0.113.9") == {"status": "ok"}
    assert "workers" in health(False, "127.0.0.1") and "queue" in health(True, "203.0.113.9")


def test_popular_and_autocomplete_show_a_prompt_only_after_enough_different_clients_or_when_curated(
    tmp_path, board
):
    (tmp_path / "popular.json").write_text('["Healthcare"]')
    app = create_app(tmp_path, ServeConfig(sides=("left",), popular_clients=2, wait_s=5), factory=board.factory)
    service, server = app.state.service, app.state.server

    async def ask(prompt, client):
        return await service.handle(ApiRequest("GET", "/generate", {"model": "left", "prompt": prompt},
                                               client=client))

    async def scenario():
        server.start(asyncio.get_running_loop())
        try:
            assert (await ask("<script>alert(1)</script>", "10.0.0.1")).status == 200
            assert (await ask("<script>alert(1)</script>", "10.0.0.1")).status == 200  # same client again
            await service.run_blocking(server.cache.flush)
            first = (await service.handle(ApiRequest("GET", "/prompts"))).payload()
            assert (await ask("<script>alert(1)</script>", "10.0.0.2")).status == 200
            await service.run_blocking(server.cache.flush)
            second = (await service.handle(ApiRequest("GET", "/prompts"))).payload()
            return first, second
        finally:
            await asyncio.get_running_loop().run_in_executor(None, server.close)

    first, second = asyncio.run(scenario())
    assert first == ["Healthcare"]
    assert second == ["Healthcare", "<script>alert(1)</script>"] or second == ["<script>alert(1)</script>",
                                                                                "Healthcare"]


def test_control_characters_are_stripped_from_prompts(start_server, board):
    url = start_server()
    assert get(url, "Fuel\x1b[31m prices\u202e\x07").status_code == 200
    assert board.calls == [("left", "Fuel[31m prices")]


def test_view_all_gives_every_post_its_own_sentiment_and_the_default_keeps_the_original_list(start_server):
    url = start_server()
    original = get(url, "Wages").json()
    every = get(url, "Wages", view="all").json()
    assert get(url, "Wages", view="all").json() == every  # the remembered query string keeps its view
    assert original == get(url, "Wages").json() == fake_view("left", "Wages")
    assert [(post["sentiment"], post["majority"]) for post in every] == [
        ("POSITIVE", True), ("NEGATIVE", False), ("POSITIVE", True)]
    assert get(url, "Wages", view="some").status_code == 400


def test_about_gives_each_side_its_label_colour_and_description(tmp_path, board):
    (tmp_path / "sides.json").write_text(json.dumps({"right": {"label": "Right-wing bot", "colour": "#aa0000"}}))
    app = create_app(tmp_path, ServeConfig(sides=("left", "right"), side_label=("left=Left-wing bot",),
                                           side_description=("left=Trained on left followers",)),
                     factory=board.factory)
    about = asyncio.run(app.state.service.handle(ApiRequest("GET", "/about"))).payload()["sides"]
    assert [(side["id"], side["label"], side["colour"]) for side in about] == [
        ("left", "Left-wing bot", "#2563eb"), ("right", "Right-wing bot", "#aa0000")]
    assert about[0]["description"] == "Trained on left followers"
    with pytest.raises(BotbabyError, match="#RRGGBB"):
        ServeConfig(side_colour=("left=red",))


def test_the_lambda_front_uses_the_same_core_so_a_service_without_extras_still_answers():
    service = Service(["left"], cache=None, queues={})
    answer = asyncio.run(service.handle(ApiRequest("GET", "/about")))
    assert answer.payload() == {"sides": [{"id": "left", "label": "left", "colour": "", "description": ""}]}


def test_the_token_count_of_a_long_prompt_is_the_models_own(tmp_path):
    from botbaby.serve.app import PromptBudget
    from botbaby.tiny import train_vocabulary

    model = tmp_path / "left" / "model"
    model.mkdir(parents=True)
    (tmp_path / "text.txt").write_text("fuel prices are up again\n" * 200)
    train_vocabulary(tmp_path / "text.txt", model, vocab_size=300)
    (model / "hparams.json").write_text(json.dumps({"n_ctx": 48}))
    budget = PromptBudget(tmp_path)
    budget(GenerateRequest("left", "fuel prices are up again " * 3))  # 75 bytes, but a few learned tokens: fits
    with pytest.raises(BotbabyError, match=r"the prompt is \d+ tokens long; this model reads at most 47"):
        budget(GenerateRequest("left", "zq xv kj wy " * 6))  # unseen letters: about one token a byte
