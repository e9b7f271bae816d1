"""Generate a large corpus for the scale benchmark: seed and corpus texts recombined, fresh dates.

Run: python bench/make_corpus.py OUT.jsonl --articles 100000 [--seed 1]. Writes JSON Lines
(``id, text, title, published, url``); ``.parquet`` or ``.csv`` by the suffix. Never commit the
output: it is rebuilt in seconds, and it holds text of the shared corpus, which stays outside
the repository (read at run time from ../shared/corpus, skipped with a note when absent).

Each article is one to three texts of one language (a seed article, or corpus passages), in a
random order, under the first line of a seed as headline when it starts with one. Publication
times run forward through 2020-01..2025-10 (an archive is in date order), each at a random time
of day in one of four zones; 15 % of them carry the day only and 5 % none (found in the text).
One row in 1,000 is broken on purpose, in turn: empty text, a line that is not JSON, a
published value that is not a date, NUL characters, bytes that are not UTF-8.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "passages.jsonl"
ZONES = ("+01:00", "+08:00", "-05:00", "+00:00")
FIRST, LAST = dt.date(2020, 1, 2), dt.date(2025, 10, 24)
BROKEN = ("empty", "not_json", "bad_date", "nul", "not_utf8")


def pools() -> dict[str, list[tuple[str | None, str]]]:
    """(headline, text) pieces by language: the seeds (German), then the corpus passages."""
    out: dict[str, list[tuple[str | None, str]]] = {"de": [], "en": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        head, _, body = path.read_text("utf-8").partition("\n")
        out["de"].append((head.strip() or None, body.strip()))
    if CORPUS.is_file():
        for line in CORPUS.read_text("utf-8").splitlines():
            row = json.loads(line)
            out[row["lang"]].append((None, row["text"].strip()))
    else:
        print(f"note: {CORPUS} not found: seeds only", file=sys.stderr)
    return {k: v for k, v in out.items() if v}


def stamp(rng: random.Random, n: int, total: int) -> str | None:
    day = FIRST + dt.timedelta(days=(LAST - FIRST).days * n // max(total - 1, 1))
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.20:
        return day.isoformat()
    time = dt.time(rng.randrange(6, 23), rng.randrange(60))
    return f"{day.isoformat()}T{time.isoformat('minutes')}:00{rng.choice(ZONES)}"


def article(rng: random.Random, pieces: dict[str, list[tuple[str | None, str]]]) -> dict:
    lang = rng.choice(sorted(pieces))
    chosen = rng.sample(pieces[lang], k=min(rng.randint(1, 3), len(pieces[lang])))
    title = chosen[0][0]
    return {"text": "\n\n".join(text for _, text in chosen), "title": title}


def broken_line(kind: str, row: dict) -> bytes:
    if kind == "empty":
        row = {**row, "text": "   "}
    elif kind == "bad_date":
        row = {**row, "published": "sometime last week"}
    elif kind == "nul":
        row = {**row, "text": "\x00\x01\x02" * 20}
    line = json.dumps(row, ensure_ascii=False).encode()
    if kind == "not_json":
        return line[: len(line) // 2] + b"\n"
    if kind == "not_utf8":
        return line.replace(b'"text": "', b'"text": "\xff\xfe\xfa ', 1) + b"\n"
    return line + b"\n"


def rows(total: int, seed: int):
    """(kind, row) per article: kind None for a good one, else the way it is broken."""
    rng = random.Random(seed)
    pieces = pools()
    for n in range(total):
        row = {"id": f"gen-{n:07d}", **article(rng, pieces), "published": stamp(rng, n, total)}
        row["url"] = f"https://news.example.com/a/{n}"
        kind = BROKEN[(n // 1000) % len(BROKEN)] if n % 1000 == 999 else None
        yield kind, row


def write(path: Path, total: int, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jsonl":
        with open(path, "wb") as handle:
            for kind, row in rows(total, seed):
                line = json.dumps(row, ensure_ascii=False).encode() + b"\n"
                handle.write(broken_line(kind, row) if kind else line)
        return
    import pandas as pd  # parquet and csv: the broken rows that these formats can hold

    good = [
        {**row, "text": "" if kind == "empty" else row["text"]}
        | ({"published": "sometime last week"} if kind == "bad_date" else {})
        for kind, row in rows(total, seed)
    ]
    frame = pd.DataFrame(good)
    if path.suffix == ".parquet":
        frame.to_parquet(path, row_group_size=10_000)
    else:
        frame.to_csv(path, index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.articles, args.seed)
    print(f"wrote {args.articles:,} articles to {args.out}")


if __name__ == "__main__":
    main()
