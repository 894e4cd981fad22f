"""Writers of export files shaped like real ones: X archive files, and a third-party CSV export.

The CSV export mirrors one seen in the wild (an Indian politician's 12,063 posts): ``id,created_at,Type,text``,
dates written day-first with two-digit years and no time (``14/2/17``, the exporter's local date in
India), a byte-order mark, Windows line ends, Hindi in Devanagari with ZWJ/ZWNJ, truncated retweets,
and ids that a spreadsheet may have turned into floats.
"""

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd

TWEPOCH_MS = 1288834974657
IST = timedelta(hours=5, minutes=30)
X_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"

HINDI = ["भारत माता की जय! आज का दिन ऐतिहासिक है।", "किसानों के लिए नई योजना, हर गाँव तक बिजली।",
         "युवा शक्ति देश की ताकत है। स्वच्छ्‍ भारत अभियान में जुड़ें।", "सबका साथ, सबका विकास, सबका विश्‍वास।"]
ENGLISH = ["Addressed a rally in {place} today. The energy was amazing!", "Spoke about jobs and growth in {place}.",
           "Congratulations to the team from {place} on a historic win (1/2)", "Met farmers from {place} this morning."]
PLACES = ["Varanasi", "Lucknow", "Pune", "Chennai", "Guwahati", "Bhopal", "Surat", "Patna"]


def snowflake(when: datetime, sequence: int) -> int:
    """The X id a post written at ``when`` would get (worker and sequence bits from ``sequence``)."""
    ms = int(when.timestamp() * 1000)
    return ((ms - TWEPOCH_MS) << 22) | (sequence & 0x3FFFFF)


def export_posts(n: int, seed: int = 0, start: datetime = datetime(2016, 1, 1, tzinfo=UTC), days: int = 1400) -> list[dict]:
    """``n`` posts of one author, oldest first: X ids, UTC times, Type, English/Hindi text, some retweets."""
    rng = random.Random(seed)
    times = sorted(start + timedelta(seconds=rng.randrange(days * 86400)) for _ in range(n))
    posts = []
    for i, when in enumerate(times):
        retweet = rng.random() < 0.15
        text = rng.choice(HINDI) if rng.random() < 0.2 else rng.choice(ENGLISH).format(place=rng.choice(PLACES))
        text = f"{text} #{i}"
        if retweet:
            text = f"RT @PIB_India: {text[:60]}…"
        posts.append({"id": snowflake(when, i), "created_at": when, "type": "Retweet" if retweet else "Tweet",
                      "text": text})
    return posts


def local_date(when: datetime) -> str:
    """``14/2/17``: the exporter's local (IST) date, day-first, two-digit year, no leading zeros."""
    local = when + IST
    return f"{local.day}/{local.month}/{local.year % 100:02d}"


def spreadsheet_id(post_id: int, style: str) -> str:
    """An id as a spreadsheet may save it: exact, in scientific notation, or with 15 digits kept."""
    if style == "scientific":
        return f"{post_id:.5E}"  # 8.28818E+17
    if style == "python-float":
        return repr(float(post_id))  # 8.26384562192e+17 style
    if style == "15-digits":
        return str(int(float(f"{post_id:.15g}")))[:15] + "0" * (len(str(post_id)) - 15)
    return str(post_id)


def write_export_csv(path: Path, posts: list[dict], ids: str = "exact", bom: bool = True) -> Path:
    """Write posts as the third-party export does (``id,created_at,Type,text``, CRLF, optional BOM)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "created_at", "Type", "text"])
    for post in posts:
        writer.writerow([spreadsheet_id(post["id"], ids), local_date(post["created_at"]), post["type"], post["text"]])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def write_xarchive_js(posts, path, part: str = "tweets.part0", bom: bool = False) -> None:
    """Write posts in the X archive's ``tweets.js`` format; each needs ``id``, ``created_at`` and ``text``."""
    items = []
    for post in posts:
        created = pd.Timestamp(post["created_at"])
        created = created.tz_localize("UTC") if created.tz is None else created.tz_convert("UTC")
        items.append(
            {"tweet": {"id_str": str(post["id"]), "created_at": created.strftime(X_TIME_FORMAT), "full_text": post["text"]}}
        )
    body = json.dumps(items, indent=2, ensure_ascii=False)
    Path(path).write_text(("\ufeff" if bom else "") + f"window.YTD.{part} = {body}\n", encoding="utf-8")


def write_xarchive_account(username: str, path) -> None:
    """Write an X archive's ``account.js`` naming the account's username."""
    body = json.dumps([{"account": {"username": username}}], indent=2)
    Path(path).write_text(f"window.YTD.account.part0 = {body}\n", encoding="utf-8")
