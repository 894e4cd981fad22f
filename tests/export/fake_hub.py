"""A stand-in for the Hugging Face Hub on 127.0.0.1: the few routes ``HfApi.create_repo`` and ``create_commit`` use.

It speaks the Hub's HTTP API as huggingface_hub's own client calls it (``/api/repos/create``, the
``preupload`` route that says which files go to large-file storage, the git-LFS batch API and its
upload URL, the ``commit`` route's NDJSON) and keeps what was committed, per repository, in memory.
Every request must carry ``Authorization: Bearer <token>``. It has no Xet storage, so tests turn
huggingface_hub's Xet path off and the weights travel through the git-LFS protocol.
"""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LFS_SUFFIXES = (".safetensors", ".bin")  # what the real Hub's .gitattributes sends to large-file storage


class FakeHub:
    def __init__(self, token: str) -> None:
        self.token = token
        self.repos: dict[str, dict[str, bytes]] = {}  # repo -> path -> committed bytes
        self.lfs: dict[str, bytes] = {}  # sha256 -> uploaded bytes
        self.requests: list[tuple[str, str]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                hub.handle(self, "POST")

            def do_PUT(self):
                hub.handle(self, "PUT")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeHub":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        path = request.path.split("?")[0]
        self.requests.append((method, path))
        body = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        if method == "PUT" and path.startswith("/lfs-upload/"):  # the upload URL the batch answer handed out
            self.lfs[path.rsplit("/", 1)[1]] = body
            return self.answer(request, 200, {})
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self.answer(request, 401, {"error": "Invalid credentials in Authorization header"})
        if path == "/api/repos/create":
            payload = json.loads(body)
            repo = f"{payload['organization']}/{payload['name']}" if payload.get("organization") else payload["name"]
            self.repos.setdefault(repo, {})
            return self.answer(request, 200, {"url": f"{self.url}/{repo}"})
        if "/preupload/" in path:
            files = json.loads(body)["files"]
            modes = [{"path": f["path"], "uploadMode": "lfs" if f["path"].endswith(LFS_SUFFIXES) else "regular",
                      "shouldIgnore": False} for f in files]
            return self.answer(request, 200, {"files": modes})
        if path.endswith(".git/info/lfs/objects/batch"):
            objects = [{"oid": o["oid"], "size": o["size"],
                        "actions": {"upload": {"href": f"{self.url}/lfs-upload/{o['oid']}"}}}
                       for o in json.loads(body)["objects"]]
            return self.answer(request, 200, {"transfer": "basic", "objects": objects})
        if "/commit/" in path:
            repo = path.removeprefix("/api/models/").split("/commit/")[0]
            if repo not in self.repos:
                return self.answer(request, 404, {"error": "Repository not found"})
            for line in body.decode().splitlines():
                item = json.loads(line)
                if item["key"] == "file":
                    self.repos[repo][item["value"]["path"]] = base64.b64decode(item["value"]["content"])
                elif item["key"] == "lfsFile":
                    self.repos[repo][item["value"]["path"]] = self.lfs[item["value"]["oid"]]
            return self.answer(request, 200, {"commitUrl": f"{self.url}/{repo}/commit/1", "commitOid": "1" * 40,
                                              "pullRequestUrl": None})
        return self.answer(request, 404, {"error": f"no route {method} {path}"})

    @staticmethod
    def answer(request: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
