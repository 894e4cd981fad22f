"""Files one stage hands to another, where reading them takes more than a path (docs/data-layout.md).

    >>> import tempfile
    >>> paths = Layout(tempfile.mkdtemp()).side("left")
    >>> write_leader_file(paths.leader_file("Alice.bsky.social"), keys=[7, 3], ids=["did:plc:g", "did:plc:c"],
    ...                   handles=["gail.bsky.social", "carl.bsky.social"])
    >>> read_leader_file(paths.leader_file("alice.bsky.social")).to_pydict()
    {'key': [3, 7], 'id': ['did:plc:c', 'did:plc:g'], 'handle': ['carl.bsky.social', 'gail.bsky.social']}

The stage that writes a file and the stages that read it both import it from here, so no stage
imports another stage's module to read its output (``tests/test_imports.py`` checks this):

- ``SIDE/leaders.csv`` (01 leaders; read by 02 followers and rank): :func:`read_leaders`,
  :func:`leader_rows`;
- ``SIDE/followers/LEADER.arrow`` (02 followers; read by rank): :func:`write_leader_file`,
  :func:`read_leader_file`, and which leaders the download found gone (:func:`unavailable_leaders`);
- ``results/compare.json`` (07 compare; read by ``botbaby serve`` and the AWS deploy for the page):
  :func:`page_view`.

pyarrow is imported on first use, so the page's readers do not load it.
"""

import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from botbaby.io import atomic_path, read_accounts, read_handles
from botbaby.layout import Layout, SidePaths

# -- 01 leaders: SIDE/leaders.csv -------------------------------------------------------------


def _no_leaders(paths: SidePaths) -> str:
    return f"no leaders for side '{paths.name}': run `botbaby leaders {paths.name} --seeds ...` first ({paths.leaders_csv})"


def read_leaders(data: Path | str, side: str) -> list[str]:
    """The side's leader handles, or a clear error when 01_leaders has not run yet."""
    paths = Layout(Path(data)).side(side)
    return read_handles(paths.leaders_csv, _no_leaders(paths))


def leader_rows(paths: SidePaths) -> list[dict[str, str]]:
    """The rows of the side's leaders.csv (``handle``, ``id``, ...), or the same error as :func:`read_leaders`."""
    return read_accounts(paths.leaders_csv, _no_leaders(paths))


# -- 02 followers: SIDE/followers/LEADER.arrow --------------------------------------------------


def followers_schema():
    """The columns of a leader file, in order (a ``pyarrow.Schema``)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("key", pa.int64()),  # what rank counts with: botbaby.sources.base.account_key(id)
            ("id", pa.string()),  # the source's account id (X user id, Bluesky DID)
            ("handle", pa.string()),  # the follower's handle when downloaded
        ]
    )


def write_leader_file(path: Path, keys: Sequence[int], ids: Sequence[str], handles: Sequence[str]) -> None:
    """Write one leader's followers, sorted by key, atomically as an uncompressed Arrow IPC file.

    Uncompressed so that rank can memory-map it and decode nothing. Each follower must appear once;
    the columns may be lists, numpy or pyarrow arrays.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    schema = followers_schema()
    table = pa.table({"key": keys, "id": ids, "handle": handles}, schema=schema)
    table = table.take(pc.sort_indices(table, [("key", "ascending")])).combine_chunks()
    with atomic_path(path) as tmp:
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            writer.write_table(table)


def read_leader_file(path: Path):
    """A leader's followers as a ``pyarrow.Table``, memory-mapped: nothing is read until used."""
    import pyarrow as pa

    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def unavailable_leaders(paths: SidePaths) -> set[str]:
    """Leaders the followers download recorded as deleted, suspended or unknown (lower-case handles).

    Read from table ``leaders`` of ``followers/state.sqlite`` (``status = 'unavailable'``), opened read-only.
    """
    if not paths.followers_state.exists():
        return set()
    uri = paths.followers_state.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        try:
            rows = db.execute("SELECT leader FROM leaders WHERE status = 'unavailable'").fetchall()
        except sqlite3.OperationalError:  # no download has recorded anything yet
            return set()
    return {leader.lower() for (leader,) in rows}


# -- 07 compare: results/compare.json -----------------------------------------------------------

PAGE_TERMS = 15  # distinctive terms per side on the web page


def page_view(data: Path | str) -> dict[str, Any] | None:
    """What the web page's "How they differ" view shows from ``compare.json``; None before compare has run.

    Figures and each side's distinctive terms only: no post, neither a training post (a real person's
    words) nor a generated one, leaves the data folder through the page; the longest copy is given by
    its length alone.
    """
    path = Layout(Path(data)).compare_json
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return {
        "sides": report["sides"],
        "divergence": {side: rows[:PAGE_TERMS] for side, rows in report["divergence"].items()},
        "classifier": report["classifier"],
        "memorisation": {side: {"share": found["share"], "span_words": found["span_words"],
                                "longest_words": (found["longest"] or {}).get("words", 0)}
                         for side, found in report.get("memorisation", {}).items()},
        "diversity": report["diversity"],
        "perplexity": report["perplexity"],
        "sentiment": report["sentiment"],
        "prompts": report.get("prompts", []),
    }
