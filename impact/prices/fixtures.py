"""Rebuild ``fixtures/`` from a folder of real Yahoo price CSVs (such as ``shared/market-data``).

Every value string is carried over unchanged; only the layout is normalised to the header
``Date,Open,High,Low,Close,Adj Close,Volume`` (yfinance's multi-line header and column order are
accepted). Each file's price basis is read from the ``Price basis`` column of the folder's
``PROVENANCE.md`` table when there is one, else from its columns. ``manifest.json`` records it,
with the listing's quote currency (``GBp`` = pence for ``.L``). A corporate-actions CSV (see
:mod:`impact.prices.actions`) is no price file: it is copied byte for byte with its ``ACTIONS.md``,
and the copied ``PROVENANCE.md`` gets a short section saying so.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from impact import calendars
from impact.calendars import MINOR_UNITS
from impact.errors import ImpactError, InputError, PriceDataError
from impact.fileio import atomic_write_bytes
from impact.prices.actions import ACTIONS_HEADER, ACTIONS_PROVENANCE, load_actions
from impact.prices.model import read_price_csv
from impact.prices.sources import MANIFEST

__all__ = [
    "CANONICAL_HEADER",
    "basis_from_provenance",
    "import_fixtures",
    "normalize_price_csv",
    "provenance_bases",
]

CANONICAL_HEADER = ("Date", "Open", "High", "Low", "Close", "Adj Close", "Volume")


def normalize_price_csv(text: str, name: str = "<csv>") -> str:
    """A price CSV in any yfinance layout -> canonical header, value strings unchanged, by date."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise PriceDataError(f"{name}: empty file")
    header = [h.strip() for h in rows[0]]
    body = rows[1:]
    if header and header[0].lower() == "price":  # yfinance multi-index: Price/Ticker/Date lines
        header[0] = "Date"
        body = [r for r in body if r and r[0].strip().lower() not in {"ticker", "date", ""}]
    lookup = {h.lower(): i for i, h in enumerate(header)}
    if "date" not in lookup:
        raise PriceDataError(f"{name}: no Date column")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CANONICAL_HEADER)
    records = []
    for row in body:
        if not row or not row[0].strip():
            continue
        cells = []
        for column in CANONICAL_HEADER:
            i = lookup.get(column.lower())
            value = row[i].strip() if i is not None and i < len(row) else ""
            cells.append(value[:10] if column == "Date" else value)
        records.append(cells)
    records.sort(key=lambda r: r[0])
    writer.writerows(records)
    return out.getvalue()


def provenance_bases(provenance: str) -> dict[str, str]:
    """File name -> the text of its ``Price basis`` cell in a PROVENANCE.md files table."""
    found: dict[str, str] = {}
    column: int | None = None
    for line in provenance.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if "Price basis" in cells:
            column = cells.index("Price basis")
            continue
        if column is None or len(cells) <= column or not cells[0].endswith(".csv"):
            if not line.strip().startswith("|"):
                column = None
            continue
        found[cells[0]] = cells[column]
    return found


def basis_of(text: str) -> str:
    """A Price basis cell -> traded, adjusted, index or unknown."""
    text = text.lower()
    if "index level" in text:
        return "index"
    if "unadjusted" in text or "traded" in text:
        return "traded"
    return "adjusted" if "adjust" in text else "unknown"


def basis_from_provenance(provenance: str) -> dict[str, str]:
    """File name -> basis (traded, adjusted, index, unknown) from a PROVENANCE.md files table."""
    return {name: basis_of(text) for name, text in provenance_bases(provenance).items()}


def _is_actions_csv(path: Path) -> bool:
    """Whether the file's header is the corporate-actions layout (not a price file)."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle), [])
    return tuple(h.strip().lower() for h in header) == ACTIONS_HEADER


def _ticker_of(rel: Path) -> str:
    """``alt/9988.HK__wubw_raw.csv`` -> ``9988.HK``; ``SHEL.L.csv`` -> ``SHEL.L``."""
    return rel.name.removesuffix(".csv").split("__")[0]


def _currency(ticker: str) -> str:
    try:
        return calendars.quote_currency(ticker)
    except ImpactError:
        return "unknown"


def _import_actions(path: Path, rel: Path, dest: Path) -> dict[str, str]:
    """Copy an actions file byte for byte (and its ACTIONS.md), after checking that it loads."""
    load_actions(path)
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    entry = {"kind": "corporate_actions", "imported_from": str(rel)}
    notes = path.parent / ACTIONS_PROVENANCE
    if notes.is_file():
        shutil.copyfile(notes, target.parent / ACTIONS_PROVENANCE)
        entry["provenance"] = (rel.parent / ACTIONS_PROVENANCE).as_posix()
    return entry


def _import_prices(path: Path, rel: Path, dest: Path, texts: dict[str, str]) -> dict[str, str]:
    """Normalise one price file into ``dest``; its manifest entry (basis, currency, basis text)."""
    text = normalize_price_csv(path.read_text("utf-8"), str(path))
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, text.encode("utf-8"))
    prices = read_price_csv(target)  # the format the code reads, validated
    key = rel.as_posix()
    basis_text = texts.get(key) or texts.get(rel.name)
    if basis_text is not None:
        basis = basis_of(basis_text)
    elif rel.name.startswith("^"):
        basis = "index"
    else:
        basis = "traded" if "Adj Close" in prices else "unknown"
    entry = {"basis": basis, "currency": _currency(_ticker_of(rel)), "imported_from": str(rel)}
    if basis_text is not None:
        entry["basis_text"] = basis_text
    return entry


def _provenance_addendum(manifest: dict[str, dict[str, str]]) -> str:
    """The section the importer appends to the copied PROVENANCE.md."""
    lines = ["", "## Added by `impact fixtures import`", ""]
    for key, entry in sorted(manifest.items()):
        if entry.get("kind") == "corporate_actions":
            lines.append(
                f"- `{key}` is not a price file: it is copied byte for byte, with its provenance "
                f"`{entry.get('provenance', '(none)')}`. Read it with "
                "`impact.prices.actions.load_actions`."
            )
    lines.append(
        "- `manifest.json` gives each price file's `basis`, read from the Price basis column "
        "above (`basis_text`): `adjusted` = Yahoo's split- and dividend-adjusted values; `traded` "
        "= Yahoo's `Close`, as traded except that splits after the day (and spin-offs Yahoo "
        "treats like splits) are applied retroactively; `index` = index level."
    )
    minor = {k: e["currency"] for k, e in manifest.items() if e.get("currency") in MINOR_UNITS}
    lines.append(
        "- `currency` is the unit Yahoo quotes the listing in (`impact.calendars.quote_currency`)."
        + "".join(
            f" `{k}` is in {c}: 1 {c} = {MINOR_UNITS[c][1]:g} {MINOR_UNITS[c][0]}."
            for k, c in sorted(minor.items())
        )
    )
    return "\n".join(lines) + "\n"


def import_fixtures(source: Path, dest: Path, fundamentals: Path | None = None) -> list[Path]:
    """Rebuild ``dest`` from ``source`` (CSV files at the top and in ``alt/``); returns files written.

    Price files are normalised (value strings unchanged); a corporate-actions file (header
    ``ticker,date,action,value,source``) is copied unchanged with its ``ACTIONS.md``.
    """
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise InputError(f"fixtures source {source} is not a folder")
    csvs = sorted(source.glob("*.csv")) + sorted(source.glob("alt/*.csv"))
    if not csvs:
        raise InputError(f"fixtures source {source} holds no .csv files")
    provenance_path = source / "PROVENANCE.md"
    provenance = provenance_path.read_text("utf-8") if provenance_path.exists() else ""
    texts = provenance_bases(provenance)
    written: list[Path] = []
    manifest: dict[str, dict[str, str]] = {}
    for path in csvs:
        rel = path.relative_to(source)
        if _is_actions_csv(path):
            manifest[rel.as_posix()] = _import_actions(path, rel, dest)
            if "provenance" in manifest[rel.as_posix()]:
                written.append(dest / manifest[rel.as_posix()]["provenance"])
        else:
            manifest[rel.as_posix()] = _import_prices(path, rel, dest, texts)
        written.append(dest / rel)
    if provenance:
        text = provenance.rstrip("\n") + "\n" + _provenance_addendum(manifest)
        atomic_write_bytes(dest / "PROVENANCE.md", text.encode("utf-8"))
        written.append(dest / "PROVENANCE.md")
    fundamentals = fundamentals or (source.parent / "fundamentals")
    if fundamentals.is_dir():
        target_dir = dest / "fundamentals"
        target_dir.mkdir(parents=True, exist_ok=True)
        for item in sorted(fundamentals.iterdir()):
            if item.is_file():
                shutil.copyfile(item, target_dir / item.name)
                written.append(target_dir / item.name)
    atomic_write_bytes(
        dest / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    )
    written.append(dest / MANIFEST)
    return written
