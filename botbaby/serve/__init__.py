"""Serving: the HTTP API, its ports (cache, queue, worker, idle hook) and their local backends.

    botbaby serve --data botbaby-data --port 8000

The AWS deployment (``botbaby.deploy.aws``) plugs its own backends into the same ports.
"""
