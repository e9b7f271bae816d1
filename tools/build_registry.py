"""Build impact/data/listings.csv and impact/data/REGISTRY_PROVENANCE.md from maintained data.

Run: python tools/build_registry.py [REFERENCE_DIR] (default ../shared/reference). Inputs:

- REFERENCE_DIR/listings.csv, indices.csv and PROVENANCE.md (collected, cleaned and dated there);
- the installed ``pytickersymbols`` package (data shipped inside it), for the indices the reference
  files leave out whose Yahoo symbols carry the right exchange suffix (BEL 20, OMX Helsinki 25,
  OMX Stockholm 30, S&P 600), and as a second source of company names.

Rules (nothing typed by hand here; curated names, ratios and cues live in data/overrides.toml):

- rows with the same reference ``name`` are one company; "X (Class A)" and "X (Class C)" too;
- default line: on an exchange of the company's own country, else the line in most indices,
  else the "(Class A)" line, else the first ticker in sort order; the reason is written down;
- ratio: 1 for the default line, an ADS's ratio from the words of its source name, else empty;
- role: ``primary`` (the default), ``class`` (same exchange), ``secondary`` (another exchange),
  ``other`` (over the counter);
- aliases: the source names (a second spelling only if it starts with the same word and is no
  other company's name); derived aliases by :func:`impact.names.derive_aliases`, minus any that
  is another company's source name.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from impact.errors import UnknownListingError  # noqa: E402
from impact.listings import MIC_CURRENCY, MIC_EXCHANGE, MIC_TIMEZONE, mic_for_ticker  # noqa: E402
from impact.names import derive_aliases  # noqa: E402

OUT_CSV = ROOT / "impact" / "data" / "listings.csv"
OUT_MD = ROOT / "impact" / "data" / "REGISTRY_PROVENANCE.md"
COLUMNS = [
    "entity",
    "kind",
    "ticker",
    "mic",
    "exchange",
    "currency",
    "tz",
    "country",
    "isin",
    "indices",
    "role",
    "ratio",
    "default",
    "default_reason",
    "aliases",
    "derived_aliases",
    "source",
]
EXTRA_INDICES = {  # pytickersymbols index -> (label, the exchange its symbols must be on)
    "BEL 20": ("BEL 20", "XBRU"),
    "OMX Helsinki 25": ("OMX Helsinki 25", "XHEL"),
    "OMX Stockholm 30": ("OMX Stockholm 30", "XSTO"),
    "S&P 600": ("S&P 600", "XNYS"),
}
COUNTRY_MIC = {
    "Germany": "XETR",
    "United Kingdom": "XLON",
    "France": "XPAR",
    "Netherlands": "XAMS",
    "Belgium": "XBRU",
    "Italy": "XMIL",
    "Spain": "XMAD",
    "Finland": "XHEL",
    "Sweden": "XSTO",
    "Switzerland": "XSWX",
    "Japan": "XTKS",
    "Hong Kong": "XHKG",
    "United States": "XNYS",
}
_SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9\-]*(?:\.[A-Z]{1,2})?")
_CLASS = re.compile(r"\s*\(Class ([A-Z])\)\s*$")
_ADS_RATIO = re.compile(
    r"depositary shares,? each\s+representing\s+(one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_NUMBERS = "one two three four five six seven eight nine ten".split()


def ratio_of(row: dict[str, str], default: dict[str, str]) -> str:
    """Home shares per unit of the line: 1 for the default line; an ADS's from its source name
    ("American Depositary Shares each representing eight Ordinary share" -> 8); else unknown."""
    if row is default:
        return "1"
    m = _ADS_RATIO.search(row.get("name_in_source", ""))
    return str(_NUMBERS.index(m.group(1).lower()) + 1) if m else ""


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_sources(provenance: Path) -> list[dict[str, str]]:
    """The numbered source table of the reference PROVENANCE.md: id, source, commit date, as-of."""
    out = []
    for line in provenance.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[0].isdigit():
            out.append(
                {"id": cells[0], "source": cells[1].strip("`"), "date": cells[2], "asof": cells[4]}
            )
    return out


def source_ids(text: str, sources: list[dict[str, str]]) -> str:
    ids = [s["id"] for s in sources if s["source"] in text]
    return "+".join(ids)


def exchange_name(row_exchange: str, mic: str) -> str:
    return row_exchange if mic == "XNYS" and row_exchange else MIC_EXCHANGE.get(mic, mic)


def _mic(symbol: str) -> str | None:
    try:
        return mic_for_ticker(symbol)
    except UnknownListingError:
        return None


def extra_rows(known: set[str]) -> list[dict[str, str]]:
    """Rows of the indices the reference leaves out, from the installed pytickersymbols."""
    from pytickersymbols.indices_data import INDICES

    rows: dict[str, dict[str, str]] = {}
    for key, (label, mic) in EXTRA_INDICES.items():
        for company in INDICES.get(key, {}).get("companies", []):
            symbol = company.get("symbol") or ""
            if not _SYMBOL.fullmatch(symbol) or symbol in known or _mic(symbol) != mic:
                continue
            country = company.get("country") or ""
            row = rows.setdefault(
                symbol,
                {
                    "name": company["name"],
                    "ticker": symbol,
                    "exchange": "",
                    "country": country if "," not in country else "",
                    "index_memberships": "",
                    "isin": "|".join(company.get("isins") or []),
                    "source": "P",
                },
            )
            row["index_memberships"] = ";".join(filter(None, [row["index_memberships"], label]))
    return list(rows.values())


def pts_names() -> dict[str, set[str]]:
    """Every name pytickersymbols gives a Yahoo symbol (its primary symbol only)."""
    from pytickersymbols.indices_data import INDICES

    names: dict[str, set[str]] = defaultdict(set)
    for index in INDICES.values():
        for company in index.get("companies", []):
            if company.get("symbol") and company.get("name"):
                names[company["symbol"]].add(company["name"])
    return names


def names_in_source(rows: list[dict[str, str]]) -> list[str]:
    """The sources' own spellings (``name_in_source``), without ADS descriptions."""
    return [
        n.strip()
        for r in rows
        for n in r.get("name_in_source", "").split("|")
        if n.strip() and "epositary" not in n and not n.strip().endswith(" ADR")
    ]


def same_first_word(name: str, entity: str) -> bool:
    """Whether a second spelling starts like the reference name (a guard against rows where a
    source put another company's name)."""
    first = [re.sub(r"^The\s+", "", x).split()[0].lower() for x in (name, entity)]
    return first[0] == first[1]


def group_key(name: str) -> str:
    return _CLASS.sub("", name).strip()


def choose_default(rows: list[dict[str, str]]) -> tuple[dict[str, str], str]:
    """The default line of a company and why (rules in the module docstring)."""
    if len(rows) == 1:
        return rows[0], "the only listing"
    home = [r for r in rows if COUNTRY_MIC.get(r["country"]) == r["mic"]]
    if len(home) == 1:
        return home[0], f"primary listing ({MIC_EXCHANGE.get(home[0]['mic'])}), the home market"
    pool = home or rows
    counts = [len([x for x in r["index_memberships"].split(";") if x]) for r in pool]
    if counts.count(max(counts)) == 1:
        best = pool[counts.index(max(counts))]
        return best, f"the line in most indices ({best['index_memberships'].replace(';', ', ')})"
    class_a = [r for r in pool if _CLASS.search(r["name"]) and "(Class A)" in r["name"]]
    if len(class_a) == 1:
        return class_a[0], "class A shares"
    first = sorted(pool, key=lambda r: r["ticker"])[0]
    return first, "the first ticker in sort order (no rule decides)"


def role_of(row: dict[str, str], default: dict[str, str]) -> str:
    if row is default:
        return "primary"
    if row["exchange"] == "OTC Markets":
        return "other"
    return "class" if row["mic"] == default["mic"] else "secondary"


def company_rows(reference: Path, sources: list[dict[str, str]]) -> list[dict[str, str]]:
    base = read_csv(reference / "listings.csv")
    for row in base:
        row["source"] = source_ids(row["source"], sources)
    rows = base + extra_rows({r["ticker"] for r in base})
    names = pts_names()
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        row["mic"] = mic_for_ticker(row["ticker"])
        groups[group_key(row["name"])].append(row)
    source_names = {group_key(r["name"]) for r in rows} | {r["name"] for r in rows}
    out = []
    for entity, members in sorted(groups.items()):
        default, reason = choose_default(members)
        own = {entity} | {r["name"] for r in members}
        seconds = set(names_in_source(members)) | {
            n for r in members for n in names.get(r["ticker"], ())
        }
        own |= {n for n in seconds if same_first_word(n, entity) and n not in source_names - own}
        derived = {a for n in own for a in derive_aliases(n)} - own
        derived = {a for a in derived if a not in source_names}
        for row in sorted(members, key=lambda r: r["ticker"]):
            out.append(
                {
                    "entity": entity,
                    "kind": "company",
                    "ticker": row["ticker"],
                    "mic": row["mic"],
                    "exchange": exchange_name(row["exchange"], row["mic"]),
                    "currency": "GBp"
                    if row["ticker"].endswith(".L")
                    else MIC_CURRENCY.get(row["mic"], ""),
                    "tz": MIC_TIMEZONE.get(row["mic"], ""),
                    "country": row["country"],
                    "isin": row["isin"],
                    "indices": row["index_memberships"],
                    "role": role_of(row, default),
                    "ratio": ratio_of(row, default),
                    "default": "1" if row is default else "",
                    "default_reason": reason if row is default else "",
                    "aliases": "|".join(sorted(own)),
                    "derived_aliases": "|".join(sorted(derived)),
                    "source": row["source"],
                }
            )
    return out


def index_rows(reference: Path, sources: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for row in read_csv(reference / "indices.csv"):
        aliases = {row["index_name"]}
        for column in ("aliases_en", "aliases_de"):
            aliases |= {a.strip() for a in row[column].split(";") if a.strip()}
        out.append(
            {
                "entity": row["index_name"],
                "kind": "index",
                "ticker": row["yahoo_ticker"],
                "mic": row["exchange_calendar"],
                "exchange": MIC_EXCHANGE.get(row["exchange_calendar"], ""),
                "currency": row["currency"],
                "tz": MIC_TIMEZONE.get(row["exchange_calendar"], ""),
                "country": row["country"],
                "isin": "",
                "indices": "",
                "role": "index",
                "ratio": "",
                "default": "1",
                "default_reason": "the index itself",
                "aliases": "|".join(sorted(aliases)),
                "derived_aliases": "",
                "source": source_ids(row["yahoo_ticker_source"], sources) or "brief",
            }
        )
    return sorted(out, key=lambda r: r["entity"])


def render_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render_provenance(rows: list[dict[str, str]], sources: list[dict[str, str]]) -> str:
    version = importlib.metadata.version("pytickersymbols")
    companies = {r["entity"] for r in rows if r["kind"] == "company"}
    lines = [
        "# Registry provenance",
        "",
        "`listings.csv` here is generated by `tools/build_registry.py`; do not edit it by hand.",
        "Curated entries (short and former names, twin listings with share ratios, cues,",
        "benchmarks, named events, ordinary words) are in `overrides.toml` and applied on load.",
        "",
        f"Rows: {len(rows)} listings of {len(companies)} companies and "
        f"{sum(r['kind'] == 'index' for r in rows)} indices.",
        "",
        "## Sources (the `source` column holds these ids)",
        "",
        "| id | source | commit date | as-of of the list |",
        "|---|---|---|---|",
    ]
    lines += [f"| {s['id']} | `{s['source']}` | {s['date']} | {s['asof']} |" for s in sources]
    lines += [
        f"| P | PyPI package `pytickersymbols` {version} (its `indices_data.py`) | "
        "released 2026-03 | the Wikipedia tables of its release |",
        "",
        "Sources 1-9 reach this file through `shared/reference/listings.csv` and `indices.csv`",
        "(see the PROVENANCE.md there for what was taken from each and which values were derived).",
        "Source P adds the BEL 20, OMX Helsinki 25, OMX Stockholm 30 and S&P 600 members whose",
        "Yahoo symbol carries their exchange's suffix, and second spellings of company names.",
        "Index memberships change every quarter: each list is right on its as-of date, not today.",
        "",
        "## Derived values",
        "",
        "- `mic`, `currency`, `tz`, `exchange`: from the Yahoo suffix (`impact/listings.py`);",
        "  London lines are quoted in pence (`GBp`).",
        "- `default`, `default_reason`, `role`: by the rules in `tools/build_registry.py`.",
        "- `derived_aliases`: legal forms and holding words dropped (`impact/names.py`).",
        "",
    ]
    return "\n".join(lines)


def build(reference: Path) -> tuple[str, str]:
    """The text of listings.csv and REGISTRY_PROVENANCE.md, from the reference folder."""
    sources = read_sources(reference / "PROVENANCE.md")
    rows = index_rows(reference, sources) + company_rows(reference, sources)
    return render_csv(rows), render_provenance(rows, sources)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?", default=str(ROOT.parent / "shared" / "reference"))
    parser.add_argument("--check", action="store_true", help="Fail if the files would change.")
    args = parser.parse_args(argv)
    reference = Path(args.reference)
    if not (reference / "listings.csv").is_file():
        print(f"error: {reference}/listings.csv not found", file=sys.stderr)
        return 2
    csv_text, md_text = build(reference)
    if args.check:
        same = OUT_CSV.read_text("utf-8") == csv_text and OUT_MD.read_text("utf-8") == md_text
        print("up to date" if same else "out of date: run tools/build_registry.py")
        return 0 if same else 1
    OUT_CSV.write_text(csv_text, "utf-8")
    OUT_MD.write_text(md_text, "utf-8")
    print(f"wrote {OUT_CSV.relative_to(ROOT)} ({csv_text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
