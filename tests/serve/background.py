"""A uvicorn server on a thread, for tests: ``with BackgroundServer(app) as url:``."""

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from botbaby.errors import BotbabyError


@dataclass
class BackgroundServer:
    """A real uvicorn server on 127.0.0.1 and a free port, run on a daemon thread until ``stop``."""

    app: Any
    host: str = "127.0.0.1"
    port: int = 0  # 0: a free port, read back after start
    _server: Any = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        self._server = uvicorn.Server(uvicorn.Config(self.app, host=self.host, port=self.port,
                                                     log_level="warning", lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, name="botbaby-uvicorn", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise BotbabyError(f"the server did not start on {self.host}:{self.port} (is the port in use?)")
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(30)
            self._server = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
