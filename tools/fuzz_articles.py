"""Fuzz the article pipeline: seed mutations plus random dates and numbers, extracted and checked.

Each case starts from a seed article (``seeds/``, and the passages of ``../shared/corpus`` when it
is there; they are read here and never written anywhere) and applies 1 to 6 random mutations: a
number replaced by a random one, a date phrase inserted with a random (often impossible) day,
month and year, a header line with such a date, a sentence duplicated or a span deleted, a line
break inside a sentence, a claim sentence inserted; the ``--published`` option is random too.
Every case is extracted and checked offline on the bundled fixtures. An exception that is not an
:class:`~impact.errors.ImpactError` (the one-line errors) is a failure; failures are counted by
kind and place. Run: ``python tools/fuzz_articles.py --cases 100000 --workers 2``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MONTHS_DE = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
]  # fmt: skip
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Monday", "Thursday"]
SNIPPETS = [
    "Die Alibaba-Aktie stieg in Hongkong um {n} Prozent.",
    "Alibaba shares fell {n}% in Hong Kong on {wd}.",
    "Apple-Aktien legten {date} um {n} Prozent zu.",
    "Der Hang Seng Index schloss {date} bei {n} Punkten.",
    "Alibaba's stock hit a record high of ${n} {date}.",
    "Die Aktie von Alibaba ist seit {date} um über {n} Prozent gestiegen.",
    "Nvidia shares have risen {n}% since {date}, the biggest gain since {year}.",
    "Der DAX fiel {date} um {n} Prozent auf {n2} Punkte.",
    "Baidu stock plunged {n}% to HK${n2}, its lowest level since {date}.",
    "Alibabas Umsatz stieg im {q}. Quartal {year} um {n} Prozent auf {n2} Milliarden Yuan.",
]


def random_year(rng: random.Random) -> int:
    """Mostly plausible years, often just outside 1900..2100, sometimes absurd."""
    pick = rng.random()
    if pick < 0.6:
        return rng.randint(2015, 2027)
    if pick < 0.8:
        return rng.choice([1, 999, 1000, 1899, 1900, 2031, 2099, 2100, 2101, 6099, 9999])
    return rng.randint(0, 9999)


def random_number(rng: random.Random) -> str:
    forms = [
        lambda: str(rng.randint(0, 100)),
        lambda: f"{rng.randint(0, 99)},{rng.randint(0, 99)}",
        lambda: f"{rng.randint(0, 99)}.{rng.randint(0, 9)}",
        lambda: f"{rng.randint(1, 999)}.{rng.randint(0, 999):03d},{rng.randint(0, 99)}",
        lambda: "9" * rng.randint(1, 40),
        lambda: rng.choice(["0", "0,0", "-3", "+7,5", "1e308", "1.000.000.000.000", "0,0001"]),
    ]
    return rng.choice(forms)()


def random_date(rng: random.Random) -> str:
    """A date phrase with a random day, month and year (often impossible, never checked)."""
    y, m, d = random_year(rng), rng.randint(0, 14), rng.randint(0, 40)
    month_de = MONTHS_DE[(m - 1) % 12] if 1 <= m <= 12 else rng.choice(MONTHS_DE)
    month_en = MONTHS_EN[(m - 1) % 12] if 1 <= m <= 12 else rng.choice(MONTHS_EN)
    forms = [
        f"seit {d}. {month_de} {y}",
        f"seit dem {d}. {month_de}",
        f"am {d}. {month_de} {y}",
        f"am {d}.{m}.{y}",
        f"{month_en} {d}, {y}",
        f"since {month_en} {y}",
        f"since {month_en} {d}",
        f"{y:04d}-{m:02d}-{d:02d}",
        f"im {month_de}",
        f"im {month_de} {y}",
        f"in {month_en} {y}",
        f"seit {y}",
        f"since {y}",
        f"im Jahr {y}",
        f"Q{rng.randint(0, 5)} {y}",
        f"im {rng.randint(0, 5)}. Quartal {y}",
        f"seit Jahresbeginn {y}",
        f"am {rng.choice(WEEKDAYS)}",
        f"vor {rng.randint(0, 400)} Jahren",
        f"the biggest one-day gain since {y}",
        f"den größten Anstieg an einem Tag seit {y}",
        f"https://example.com/{y}/{m:02d}/{d:02d}/x",
        f"zum {d}. {month_de} {y}",
        f"between {month_en} {d} and {month_en} {d + 3}, {y}",
        f"the highest since {month_en} {y}",
        f"last seen in {month_en} {y}",
        f"so hoch wie zuletzt im {month_de} {y}",
        f"the most since the {d}th of {month_en} {y}",
        f"der stärkste Anstieg seit Ende {y}",
        f"the best day since mid-{month_en} {y}",
        f"from its {month_en} {d} record close",
        f"down from its record high seen in {y}",
    ]
    return rng.choice(forms)


def random_header(rng: random.Random) -> str:
    y, m, d = random_year(rng), rng.randint(0, 14), rng.randint(0, 40)
    key = rng.choice(["date", "published:", "Datum:", "pubdate =", "veröffentlicht:"])
    value = rng.choice(
        [
            f"{y:04d}-{m:02d}",
            f"{y:04d}-{m:02d}-{d:02d}",
            f"{y:04d}-{m:02d}-{d:02d}T{rng.randint(0, 30):02d}:{rng.randint(0, 70):02d}",
            f"{y:04d}-{m:02d}-{d:02d} 10:00+{rng.randint(0, 30):02d}:00",
        ]
    )
    return f"{key} {value}\n"


def random_published(rng: random.Random) -> str | None:
    if rng.random() < 0.6:
        return None
    y, m, d = random_year(rng), rng.randint(0, 14), rng.randint(0, 40)
    return rng.choice(
        [
            f"{y:04d}-{m:02d}-{d:02d}",
            f"{y:04d}-{m:02d}",
            f"{y:04d}-{m:02d}-{d:02d}T10:00+01:00",
            "2025-02-14",
            "2025-02",
            "",
            " ",
            "x",
        ]
    )


def _snippet(rng: random.Random) -> str:
    return rng.choice(SNIPPETS).format(
        n=random_number(rng),
        n2=random_number(rng),
        date=random_date(rng),
        year=random_year(rng),
        wd=rng.choice(WEEKDAYS),
        q=rng.randint(0, 5),
    )


def _positions(rng: random.Random, text: str, char: str) -> int:
    """A random index of ``char`` in text (or a random index)."""
    found = [i for i, c in enumerate(text[:20000]) if c == char]
    return rng.choice(found) if found else rng.randint(0, len(text))


def mutate(rng: random.Random, text: str) -> tuple[str, list[str]]:
    """1 to 6 random mutations of ``text``; the text and the names of the mutations applied."""
    done: list[str] = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(
            ["number", "date", "date", "header", "snippet", "break", "delete", "dup", "published"]
        )
        if kind == "number":
            digits = [i for i, c in enumerate(text[:20000]) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] in ",."):
                    j += 1
                text = text[:i] + random_number(rng) + text[j:]
        elif kind == "date":
            i = _positions(rng, text, " ")
            text = text[:i] + " " + random_date(rng) + " " + text[i:]
        elif kind == "header":
            text = random_header(rng) + text
        elif kind == "snippet":
            i = _positions(rng, text, "\n")
            text = text[:i] + "\n" + _snippet(rng) + "\n" + text[i:]
        elif kind == "break":
            i = _positions(rng, text, " ")
            text = text[:i] + "\n" + text[i + 1 :]
        elif kind == "delete" and len(text) > 20:
            i = rng.randint(0, len(text) - 1)
            text = text[:i] + text[i + rng.randint(1, 200) :]
        elif kind == "dup":
            i, j = sorted(rng.randint(0, len(text)) for _ in range(2))
            text = text[:j] + text[i : min(j, i + 400)] + text[j:]
        done.append(kind)
    return text, done


@dataclass(frozen=True)
class Case:
    n: int
    seed_name: str
    text: str
    published: str | None
    lang: str | None
    mutations: tuple[str, ...]


def load_seeds(corpus: Path | None) -> list[tuple[str, str]]:
    seeds = [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if corpus is not None and (corpus / "passages.jsonl").is_file():
        for line in (corpus / "passages.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                seeds.append((f"corpus:{record['id']}", record["text"]))
    return seeds


def cases(seeds: list[tuple[str, str]], count: int, seed: int, start: int = 0) -> Iterator[Case]:
    for n in range(start, count):
        rng = random.Random(f"{seed}:{n}")
        name, text = rng.choice(seeds)
        text, done = mutate(rng, text)
        lang = rng.choice([None, None, None, "de", "en"])
        published = random_published(rng)
        yield Case(n, name, text, published, lang, tuple(done))


def run_case(case: Case, checker: object) -> str | None:
    """None when the case ran (or stopped with a one-line ImpactError), else the failure's key:
    exception type and the innermost frame of impact's code."""
    from impact.claims import extract_article
    from impact.errors import ImpactError

    try:
        extracted = extract_article(case.text, case.published or None, case.lang, checker.registry)  # type: ignore[attr-defined]
        checker.check_article(f"case {case.n}", extracted)  # type: ignore[attr-defined]
    except ImpactError as exc:
        if "\n" in str(exc):
            return f"ImpactError with a multi-line message: {type(exc).__name__}"
        return None
    except Exception as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/impact/" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
        return (
            f"{type(exc).__name__} in {where}: {str(exc).splitlines()[0][:80] if str(exc) else ''}"
        )
    return None


def _worker(args: tuple[list[tuple[str, str]], int, int, int, int]) -> tuple[Counter, dict, int]:
    seeds, seed, start, stop, _ = args
    from impact.config import Settings
    from impact.verdicts import Checker

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(cache_dir=Path(cache), offline=True)
        checker = Checker(settings)
        failures: Counter[str] = Counter()
        examples: dict[str, str] = {}
        done = 0
        for case in cases(seeds, stop, seed, start):
            key = run_case(case, checker)
            done += 1
            if key is not None:
                failures[key] += 1
                examples.setdefault(
                    key,
                    f"case {case.n} ({case.seed_name}; {', '.join(case.mutations)}; "
                    f"published {case.published!r}, lang {case.lang!r})",
                )
    return failures, examples, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    seeds = load_seeds(args.corpus)
    t0 = time.perf_counter()
    step = -(-args.cases // args.workers)
    jobs = [
        (seeds, args.seed, lo, min(lo + step, args.cases), i)
        for i, lo in enumerate(range(0, args.cases, step))
    ]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        parts = pool.map(_worker, jobs)
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    done = 0
    for f, e, d in parts:
        failures.update(f)
        for k, v in e.items():
            examples.setdefault(k, v)
        done += d
    summary = {
        "cases": done,
        "seeds": len(seeds),
        "exceptions": sum(failures.values()),
        "kinds": dict(failures.most_common()),
        "examples": examples,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(
            f"{done} cases from {len(seeds)} seeds in {summary['seconds']} s: "
            f"{summary['exceptions']} exceptions"
        )
        for key, count in failures.most_common():
            print(f"  {count:6d}  {key}\n          e.g. {examples[key]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
