"""01_leaders: grow a side's few seed accounts into its list of leaders.

    botbaby leaders left --source bluesky --seeds alice.bsky.social bob.bsky.social --max 40

In Python, the same call the notebook makes::

    find_leaders("botbaby-data", "left", seeds=["alice.bsky.social"], source="bluesky", max_leaders=40)

writes ``DATA/SIDE/leaders.csv`` with columns ``handle``, ``id``, ``found_by`` (``seed``, or the
leader whose similar accounts named it first) and ``votes`` (how many leaders named it), plus the
resolved config in ``DATA/SIDE/leaders_config.json``.

How leaders are found, round by round: every leader not asked yet is asked for its similar
accounts; each account named gets one vote per leader naming it; the accounts with the most votes
(at least ``min_votes``, ties in the order they were first named) become leaders, until the side
has ``max_leaders`` or nobody new is named.

- Bluesky: similar accounts are ``app.bsky.graph.getSuggestedFollowsByActor``.
- X: the X API v2 has no "similar accounts" endpoint. On X, a leader's similar accounts are the
  accounts it follows (``GET /2/users/:id/following``, first page), so the votes count how many of
  the current leaders follow an account, and the leaders grow from the accounts that many
  leaders follow. Use ``min_votes`` of 2 or more on X so one leader's follows cannot add anyone.

A finished run is skipped when its config has not changed (``force=True`` redoes it). The run is
a few dozen requests, so an interrupted run simply starts over.
"""

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from botbaby.config import StageConfig
from botbaby.errors import BotbabyError, ConfigError
from botbaby.io import atomic_path, read_handles
from botbaby.layout import Layout
from botbaby.sources.base import AccountUnavailable, Source, open_source


@dataclass
class LeadersConfig(StageConfig):
    """Settings of 01_leaders."""

    source: str = "bluesky"  # where to look: bluesky or x
    seeds: list[str] = field(default_factory=list)  # handles of the side's first leaders, without '@'
    max_leaders: int = 40  # stop growing at this many leaders (the original used about 20 a side)
    min_votes: int = 1  # leaders that must name an account before it becomes a leader (X: use 2+)
    base_url: str | None = None  # the source's API address; None: its public default

    def validate(self) -> None:
        if not self.seeds:
            raise ConfigError("leaders need at least one seed handle (--seeds HANDLE ...)")
        if self.max_leaders < 1:
            raise ConfigError(f"max_leaders must be at least 1, got {self.max_leaders}")
        if self.min_votes < 1:
            raise ConfigError(f"min_votes must be at least 1, got {self.min_votes}")
        self.seeds = [s.strip().lstrip("@") for s in self.seeds if s.strip().lstrip("@")]
        if not self.seeds:
            raise ConfigError("the seed handles are empty")


def find_leaders(
    data: Path | str,
    side: str,
    seeds: list[str],
    source: str | Source = "bluesky",
    max_leaders: int = 40,
    min_votes: int = 1,
    base_url: str | None = None,
    force: bool = False,
) -> pd.DataFrame:
    """Grow ``seeds`` into the side's leaders and write ``DATA/SIDE/leaders.csv``; return the table."""
    config = LeadersConfig.from_dict(
        source=source if isinstance(source, str) else source.name,
        seeds=list(seeds),
        max_leaders=max_leaders,
        min_votes=min_votes,
        base_url=base_url,
    )
    paths = Layout(Path(data)).side(side)
    if not force and paths.leaders_csv.exists() and paths.leaders_config.exists():
        if json.loads(paths.leaders_config.read_text()) == config.to_dict():
            print(f"{paths.leaders_csv} is up to date (same settings); skipping")
            return pd.read_csv(paths.leaders_csv, dtype=str, keep_default_na=False).astype({"votes": int})
    client = open_source(source, base_url=base_url)

    leaders: dict[str, dict] = {}  # handle -> row, in the order found
    unavailable: list[str] = []
    for start in range(0, len(config.seeds), client.profiles_per_call):
        batch = config.seeds[start : start + client.profiles_per_call]
        found = {a.handle.lower(): a for a in client.profiles(batch)}
        for seed in batch:
            account = found.get(seed.lower())
            if account is None:
                unavailable.append(seed)
            elif account.handle not in leaders:
                leaders[account.handle] = {"handle": account.handle, "id": account.id, "found_by": "seed", "votes": 0}
    if not leaders:
        raise BotbabyError(
            f"none of the seeds {config.seeds} exist on {config.source} (deleted, suspended or misspelt?)"
        )
    if unavailable:
        print(f"skipped seeds that do not exist or are suspended: {', '.join(unavailable)}")

    votes: Counter[str] = Counter()
    named: dict[str, tuple[str, str]] = {}  # handle -> (id, first leader naming it)
    asked: set[str] = set()
    while len(leaders) < config.max_leaders:
        round_ = [h for h in leaders if h not in asked]
        if not round_:
            break
        for handle in round_:
            asked.add(handle)
            try:
                similar = client.similar_accounts(handle)
            except AccountUnavailable as exc:
                print(f"skipped leader {handle}: {exc.reason}")
                continue
            for account in {a.handle: a for a in similar}.values():
                votes[account.handle] += 1
                named.setdefault(account.handle, (account.id, handle))
        for handle, row in leaders.items():
            row["votes"] = votes[handle]
        order = {h: i for i, h in enumerate(named)}
        candidates = sorted(
            (h for h in named if h not in leaders and votes[h] >= config.min_votes),
            key=lambda h: (-votes[h], order[h]),
        )
        if not candidates:
            break
        for handle in candidates[: config.max_leaders - len(leaders)]:
            account_id, by = named[handle]
            leaders[handle] = {"handle": handle, "id": account_id, "found_by": by, "votes": votes[handle]}

    table = pd.DataFrame(list(leaders.values()), columns=["handle", "id", "found_by", "votes"])
    with atomic_path(paths.leaders_csv) as tmp:
        table.to_csv(tmp, index=False)
    config.save(paths.leaders_config)
    return table


def read_leaders(data: Path | str, side: str) -> list[str]:
    """The side's leader handles, or a clear error when 01_leaders has not run yet."""
    path = Layout(Path(data)).side(side).leaders_csv
    return read_handles(path, f"no leaders for side '{side}': run `botbaby leaders {side} --seeds ...` first ({path})")


def leaders_table(data: Path | str, sides: list[str]) -> pd.DataFrame:
    """Every side's leaders in one table (column ``side`` first), for a notebook to show."""
    tables = [
        pd.read_csv(Layout(Path(data)).side(side).leaders_csv, dtype={"handle": str}, keep_default_na=False).assign(side=side)
        for side in sides
        if read_leaders(data, side)
    ]
    table = pd.concat(tables, ignore_index=True)
    return table[["side"] + [c for c in table.columns if c != "side"]]


def _run(args: argparse.Namespace) -> int:
    table = find_leaders(
        args.data, args.side, args.seeds, source=args.source, max_leaders=args.max,
        min_votes=args.min_votes, base_url=args.base_url, force=args.force,
    )
    print(f"{len(table)} leaders -> {Layout(args.data).side(args.side).leaders_csv}")
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("leaders", help="grow seed accounts into a side's leaders (01_leaders)")
    parser.add_argument("side", help="side name, e.g. left")
    parser.add_argument("--source", choices=["bluesky", "x"], default="bluesky", help="where to look (default: bluesky)")
    parser.add_argument("--seeds", nargs="+", required=True, metavar="HANDLE", help="the side's first leaders")
    parser.add_argument("--max", type=int, default=40, help="stop at this many leaders (default: 40)")
    parser.add_argument("--min-votes", type=int, default=1, help="leaders that must name an account (X: use 2+)")
    parser.add_argument("--base-url", help="the source's API address (default: its public one)")
    parser.add_argument("--force", action="store_true", help="redo even if leaders.csv is up to date")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
