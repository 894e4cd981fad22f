"""01_leaders: grow a side's few seed accounts into its list of leaders.

    botbaby leaders left --source bluesky --seeds alice.bsky.social bob.bsky.social --max-leaders 20

In Python, the same call the notebook makes (for every side at once)::

    find_leaders_all("botbaby-data", {"left": ["alice.bsky.social"], "right": ["bob.bsky.social"]})

writes ``DATA/SIDE/leaders.csv`` with columns ``handle``, ``id``, ``found_by`` (``seed``, or the
leader whose similar accounts named it first) and ``votes`` (how many leaders named it), plus the
resolved config and the seeds in ``DATA/SIDE/leaders_config.json``.

How leaders are found, round by round: every leader not asked yet is asked for its similar
accounts; each account named gets one vote per leader naming it; the accounts with the most votes
(at least ``min_votes``, ties in the order they were first named) become leaders, until the side
has ``max_leaders`` or nobody new is named.

- Bluesky: similar accounts are ``app.bsky.graph.getSuggestedFollowsByActor``.
- X: the X API v2 has no "similar accounts" endpoint. On X, a leader's similar accounts are the
  accounts it follows (``GET /2/users/:id/following``, first page), so the votes count how many of
  the current leaders follow an account, and the leaders grow from the accounts that many
  leaders follow. Use ``min_votes`` of 2 or more on X so one leader's follows cannot add anyone.

A finished run is skipped when its seeds and settings have not changed (``force=True`` redoes it).
The run is a few dozen requests, so an interrupted run simply starts over. A progress bar counts
the leaders found against ``max_leaders``.
"""

import argparse
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from botbaby.config import StageConfig, add_config_options, config_from_args, setting
from botbaby.errors import BotbabyError, ConfigError
from botbaby.formats import read_leaders
from botbaby.io import atomic_path, atomic_write_text
from botbaby.layout import Layout
from botbaby.sources.base import AccountUnavailable, open_source, take_source


@dataclass
class LeadersConfig(StageConfig):
    """Settings of 01_leaders (the seeds are each side's own input, not a setting)."""

    source: Literal["bluesky", "x"] = "bluesky"  # where to look: bluesky (no account needed) or x (needs X_BEARER_TOKEN)
    max_leaders: int = setting(20, low=1)  # stop growing a side at this many leaders (the original used about 20)
    min_votes: int = setting(1, low=1)  # leaders that must name an account before it becomes a leader (X: use 2+)
    timeout: float = setting(30.0, low=0.1)  # seconds to wait for any one answer of the source
    base_url: str = ""  # the source's API address; "" (the default): its public one


def _clean_seeds(seeds: Sequence[str]) -> list[str]:
    cleaned = [s.strip().lstrip("@") for s in ([seeds] if isinstance(seeds, str) else seeds)]
    cleaned = [s for s in cleaned if s]
    if not cleaned:
        raise ConfigError("leaders need at least one seed handle (--seeds HANDLE ...)")
    return cleaned


def find_leaders(
    data: Path | str, side: str, seeds: Sequence[str], config: LeadersConfig | dict | None = None, *,
    force: bool = False, **overrides: Any,
) -> pd.DataFrame:
    """Grow ``seeds`` into the side's leaders and write ``DATA/SIDE/leaders.csv``; return the table.

    ``source`` may also be a ready source object (a custom source, or one pointed at a test server).
    """
    client = take_source(overrides)
    config = LeadersConfig.resolve(config, **overrides)
    seeds = _clean_seeds(seeds)
    paths = Layout(Path(data)).side(side)
    wanted = {"seeds": seeds, "source": config.source, "max_leaders": config.max_leaders, "min_votes": config.min_votes}
    if not force and paths.leaders_csv.exists() and paths.leaders_config.exists():
        saved = json.loads(paths.leaders_config.read_text())
        if {key: saved.get(key) for key in wanted} == wanted:
            print(f"{paths.leaders_csv} is up to date (same seeds and settings); skipping")
            return pd.read_csv(paths.leaders_csv, dtype=str, keep_default_na=False).astype({"votes": int})
    client = client or open_source(config.source, base_url=config.base_url, timeout=config.timeout)
    from tqdm.auto import tqdm

    with tqdm(total=config.max_leaders, desc=f"{side} leaders", unit="leader") as bar:
        table = _grow(client, config, seeds, bar)
    with atomic_path(paths.leaders_csv) as tmp:
        table.to_csv(tmp, index=False)
    atomic_write_text(paths.leaders_config, json.dumps({**config.to_dict(), "seeds": seeds}, indent=2, sort_keys=True) + "\n")
    return table


def find_leaders_all(
    data: Path | str, seeds: Mapping[str, Sequence[str]], config: LeadersConfig | dict | None = None,
    force: bool = False, **overrides: Any,
) -> dict[str, pd.DataFrame]:
    """Grow every side's seeds (side -> seed handles) with one config (what the notebook calls)."""
    client = take_source(overrides)
    config = LeadersConfig.resolve(config, **overrides)
    given = {"source": client} if client else {}
    tables = {side: find_leaders(data, side, side_seeds, config, force=force, **given) for side, side_seeds in seeds.items()}
    sides_of: dict[str, list[str]] = {}
    for side, table in tables.items():
        for key in table["id"].where(table["id"] != "", table["handle"]):
            sides_of.setdefault(key, []).append(side)
    handles = {key: handle for table in tables.values() for key, handle in zip(table["id"], table["handle"], strict=True)}
    shared = {handles.get(key, key): sides for key, sides in sides_of.items() if len(sides) > 1}
    if shared:
        print("warning: leaders found on several sides (rank counts their followers on each): "
              + "; ".join(f"{handle} ({', '.join(sides)})" for handle, sides in shared.items())
              + ": use other seeds, or remove them from one side's leaders.csv")
    return tables


def _grow(client, config: LeadersConfig, seeds: list[str], bar) -> pd.DataFrame:
    """The rounds of similar accounts and votes, from the seeds to at most ``max_leaders`` leaders."""
    leaders: dict[str, dict] = {}  # handle -> row, in the order found
    unavailable: list[str] = []
    for start in range(0, len(seeds), client.profiles_per_call):
        batch = seeds[start : start + client.profiles_per_call]
        found = {a.handle.lower(): a for a in client.profiles(batch)}
        for seed in batch:
            account = found.get(seed.lower())
            if account is None:
                unavailable.append(seed)
            elif account.handle not in leaders:
                leaders[account.handle] = {"handle": account.handle, "id": account.id, "found_by": "seed", "votes": 0}
    if not leaders:
        raise BotbabyError(f"none of the seeds {seeds} exist on {config.source} (deleted, suspended or misspelt?)")
    bar.update(len(leaders))
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
            bar.update(1)
    return pd.DataFrame(list(leaders.values()), columns=["handle", "id", "found_by", "votes"])


def leaders_table(data: Path | str, sides: list[str]) -> pd.DataFrame:
    """Every side's leaders in one table (column ``side`` first), for a notebook to show."""
    tables = [
        pd.read_csv(Layout(Path(data)).side(side).leaders_csv, dtype={"handle": str}, keep_default_na=False).assign(side=side)
        for side in sides
        if read_leaders(data, side)
    ]
    table = pd.concat(tables, ignore_index=True)
    return table[["side"] + [c for c in table.columns if c != "side"]]


def leader_handles(data: Path | str, sides: Sequence[str]) -> dict[str, list[str]]:
    """Each side's leader handles, in the order found (what the notebook records)."""
    return {side: read_leaders(data, side) for side in sides}


def _run(args: argparse.Namespace) -> int:
    table = find_leaders(args.data, args.side, args.seeds, config_from_args(LeadersConfig, args), force=args.force)
    print(f"{len(table)} leaders -> {Layout(args.data).side(args.side).leaders_csv}")
    return 0


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    from botbaby.cli import add_data_arg

    parser = subparsers.add_parser("leaders", help="grow seed accounts into a side's leaders (01_leaders)")
    parser.add_argument("side", help="side name, e.g. left")
    parser.add_argument("--seeds", nargs="+", required=True, metavar="HANDLE", help="the side's first leaders")
    add_config_options(parser, LeadersConfig)
    parser.add_argument("--force", action="store_true", help="redo even if leaders.csv is up to date")
    add_data_arg(parser)
    parser.set_defaults(func=_run)
