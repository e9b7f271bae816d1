"""Rebuild ``fixtures/`` from a folder of real Yahoo price CSVs (such as ``shared/market-data``).

Every value string is carried over unchanged; only the layout is normalised to the header
``Date,Open,High,Low,Close,Adj Close,Volume`` (yfinance's multi-line header and column order are
accepted). Each file's price basis is read from the ``Price basis`` column of the folder's
``PROVENANCE.md`` table when there is one, else from its columns. ``manifest.json`` records it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from impact.errors import InputError, PriceDataError
from impact.fileio import atomic_write_bytes
from impact.prices.model import read_price_csv
from impact.prices.sources import MANIFEST

__all__ = ["CANONICAL_HEADER", "import_fixtures", "normalize_price_csv"]

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


def basis_from_provenance(provenance: str) -> dict[str, str]:
    """File name -> basis (traded, adjusted, index, unknown) from a PROVENANCE.md files table."""
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
        text = cells[column].lower()
        if "index level" in text:
            basis = "index"
        elif "unadjusted" in text or "traded" in text:
            basis = "traded"
        elif "adjust" in text:
            basis = "adjusted"
        else:
            basis = "unknown"
        found[cells[0]] = basis
    return found


def import_fixtures(source: Path, dest: Path, fundamentals: Path | None = None) -> list[Path]:
    """Rebuild ``dest`` from ``source`` (CSV files at the top and in ``alt/``); returns files written."""
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise InputError(f"fixtures source {source} is not a folder")
    csvs = sorted(source.glob("*.csv")) + sorted(source.glob("alt/*.csv"))
    if not csvs:
        raise InputError(f"fixtures source {source} holds no .csv files")
    provenance_path = source / "PROVENANCE.md"
    provenance = provenance_path.read_text("utf-8") if provenance_path.exists() else ""
    bases = basis_from_provenance(provenance)
    written: list[Path] = []
    manifest: dict[str, dict[str, str]] = {}
    for path in csvs:
        rel = path.relative_to(source)
        text = normalize_price_csv(path.read_text("utf-8"), str(path))
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, text.encode("utf-8"))
        prices = read_price_csv(target)  # the format the code reads, validated
        key = rel.as_posix() if rel.parent != Path(".") else rel.name
        basis = bases.get(key) or bases.get(rel.name)
        if basis is None:
            basis = (
                "index"
                if rel.name.startswith("^")
                else ("traded" if "Adj Close" in prices else "unknown")
            )
        manifest[key] = {"basis": basis, "imported_from": str(rel)}
        written.append(target)
    if provenance:
        atomic_write_bytes(dest / "PROVENANCE.md", provenance.encode("utf-8"))
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
