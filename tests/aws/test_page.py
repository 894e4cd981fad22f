"""The deployed page in headless Chromium: served from the site bucket, calling the Lambda across origins.

Two small local servers stand in for what moto cannot run: the S3 website endpoint (it serves the
bucket's objects) and API Gateway (it turns HTTP requests into payload-2.0 events for the Lambda
handler, and answers CORS preflights from the HTTP API's deployed CorsConfiguration). Everything
behind them is the deployed stack on the moto server, with serve's workers on the side queues.
"""

import http.server
import json
import threading
import urllib.parse
from pathlib import Path

import pytest

from botbaby.deploy.aws.cache import DynamoCache
from botbaby.deploy.aws.handler import Api
from botbaby.deploy.aws.queue import SqsQueue
from botbaby.serve.worker import Worker

pytestmark = pytest.mark.slow

STACK = "bb-test"
BUCKET = f"{STACK}-123456789012-us-east-1"
CHROMIUM = "/usr/bin/chromium"  # Debian's chromium (.ci/run installs it)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def serve(handler_class) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, headers, body: bytes):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site(deployed, clients):
    """(page address, API address, the Lambda's environment): the deployed stack behind local stand-ins."""
    s3 = clients("s3")
    lambda_env = clients("lambda").get_function_configuration(FunctionName=f"{STACK}-api")["Environment"]["Variables"]
    api = Api.from_env({**lambda_env, "BOTBABY_WAIT_S": "0.3"})  # new prompts answer 202 and get polled
    apigw = clients("apigatewayv2")
    cors = next(a for a in apigw.get_apis()["Items"] if a["Name"] == f"{STACK}-http")["CorsConfiguration"]
    api_url_holder = {}

    class Website(_Quiet):
        def do_GET(self):
            key = urllib.parse.urlparse(self.path).path.lstrip("/") or "index.html"
            try:
                obj = s3.get_object(Bucket=BUCKET, Key=key)
            except Exception:
                return self.reply(404, {}, b"not found")
            body = obj["Body"].read()
            if key == "config.js":  # the API's DNS name, resolved to the local stand-in
                body = body.replace(deployed.api_url.encode(), api_url_holder["url"].encode())
            self.reply(200, {"Content-Type": obj["ContentType"]}, body)

    class ApiGateway(_Quiet):
        def do_OPTIONS(self):  # API Gateway answers preflights itself, from the API's CorsConfiguration
            origin = self.headers.get("Origin", "")
            allowed = "*" in cors["AllowOrigins"] or origin in cors["AllowOrigins"]
            headers = {
                "Access-Control-Allow-Origin": origin if allowed else "",
                "Access-Control-Allow-Methods": ", ".join(cors["AllowMethods"]),
                "Access-Control-Allow-Headers": ", ".join(cors["AllowHeaders"]),
            }
            self.reply(204, headers, b"")

        def do_GET(self):
            self.invoke("GET")

        def do_POST(self):
            self.invoke("POST")

        def invoke(self, method):
            url = urllib.parse.urlparse(self.path)
            event = {
                "version": "2.0",
                "rawPath": url.path,
                "queryStringParameters": dict(urllib.parse.parse_qsl(url.query)) or None,
                "requestContext": {"http": {"method": method, "path": url.path}},
                "headers": {name.lower(): value for name, value in self.headers.items()},  # as payload 2.0 has them
                "isBase64Encoded": False,
            }
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                event["body"] = self.rfile.read(length).decode()
            answer = api(event)
            self.reply(answer["statusCode"], answer["headers"], answer["body"].encode())

    page_url, website = serve(Website)
    api_url_holder["url"], gateway = serve(ApiGateway)
    yield page_url, api_url_holder["url"], lambda_env
    website.shutdown()
    gateway.shutdown()


@pytest.fixture
def workers(site, clients, factory):
    """serve's Worker per side on the deployed side queues and cache, as the GPU instance runs them."""
    lambda_env = site[2]
    cache = DynamoCache(lambda_env["BOTBABY_CACHE_TABLE"], clients)
    stop = threading.Event()
    threads = []
    for side, url in json.loads(lambda_env["BOTBABY_QUEUE_URLS"]).items():
        worker = Worker(side, factory, cache, SqsQueue(url, clients, sides=[side]), idle_s=3600)
        threads.append(threading.Thread(target=worker.run, args=(stop, 0.2), daemon=True))
        threads[-1].start()
    yield
    stop.set()
    for thread in threads:
        thread.join(timeout=10)


@pytest.fixture
def page():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


def test_the_deployed_page_generates_both_sides_through_the_lambda_and_sends_feedback(
    site, workers, page, clients, expected
):
    page_url, api_url, lambda_env = site
    assert page_url != api_url  # another origin: the calls go through CORS, as on AWS
    page.goto(f"{page_url}/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator(".column h2").all_text_contents() == ["left", "right"]

    page.fill("#prompt", "Fuel prices")
    page.click("#generate")
    for side in ("left", "right"):
        page.wait_for_selector(f'.column[data-side="{side}"] .card', timeout=30_000)
        texts = page.locator(f'.column[data-side="{side}"] .card .text').all_text_contents()
        assert texts == [post.text for post in expected(side, "Fuel prices")]  # every post, each its own sentiment

    page.fill("#feedback-message", "Spot on")
    page.click(".feedback button")
    page.wait_for_function("document.querySelector('#feedback-status').textContent === 'Thanks!'")
    items = clients("dynamodb").scan(TableName=lambda_env["BOTBABY_FEEDBACK_TABLE"])["Items"]
    assert [(item["message"]["S"], item["prompt"]["S"]) for item in items] == [("Spot on", "Fuel prices")]
    assert page.errors == []
