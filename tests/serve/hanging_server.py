"""A ``botbaby serve`` process whose generator announces each job and then hangs (killed by a test).

    python tests/serve/hanging_server.py DATA URL_FILE STARTED_FILE
"""

import sys
import threading
import time
from pathlib import Path


def main(data: str, url_file: str, started_file: str) -> None:
    from background import BackgroundServer

    from botbaby.serve.app import create_app
    from botbaby.serve.config import ServeConfig

    class Hanging:
        def generate(self, prompt, settings=None, seed=None):
            Path(started_file).write_text(prompt)
            time.sleep(3600)

        def close(self):
            pass

    app = create_app(data, ServeConfig(sides=["left"], wait_s=0), factory=lambda side: Hanging())
    Path(url_file).write_text(BackgroundServer(app).start())
    threading.Event().wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
