"""Rendering only: rich tables, JSON and CSV for price series, claims and checks. No computation."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from impact.prices.model import PriceSeries

__all__ = ["dumps_json", "price_rows", "render_csv", "render_prices_table", "to_jsonable"]


def to_jsonable(value: Any) -> Any:
    """Plain JSON types: NaN/inf -> None, timestamps -> ISO dates, tuples -> lists."""
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return (
            value.isoformat()
            if value.tzinfo or value.time() != pd.Timestamp(0).time()
            else value.date().isoformat()
        )
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item"):  # numpy scalars
        return to_jsonable(value.item())
    return value


def dumps_json(value: Any) -> str:
    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False)


def price_rows(series: PriceSeries, returns: pd.Series) -> list[dict[str, Any]]:
    """One record per session: date, OHLC, adjusted close, volume, close-to-close return."""
    rows = []
    for session, bar in series.prices.iterrows():
        rows.append(
            {
                "date": session.date().isoformat(),
                "open": bar.get("Open"),
                "high": bar.get("High"),
                "low": bar.get("Low"),
                "close": bar.get("Close"),
                "adj_close": bar.get("Adj Close"),
                "volume": bar.get("Volume"),
                "return": returns.get(session),
            }
        )
    return rows


def render_csv(rows: Sequence[dict[str, Any]], columns: Iterable[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue()


def _cell(value: Any) -> Any:
    value = to_jsonable(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _num(value: Any, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{value:,.{digits}f}"


def render_prices_table(
    series: PriceSeries, rows: Sequence[dict[str, Any]], console: Console
) -> None:
    title = (
        f"{series.ticker} on {series.mic} — {series.basis} prices in {series.currency}, "
        f"source: {series.source} ({series.origin})"
    )
    table = Table(title=title, title_justify="left")
    for name in ("session", "open", "high", "low", "close", "volume", "return"):
        table.add_column(name, justify="right" if name != "session" else "left", no_wrap=True)
    for row in rows:
        ret = row["return"]
        table.add_row(
            row["date"],
            _num(row["open"]),
            _num(row["high"]),
            _num(row["low"]),
            _num(row["close"]),
            _num(row["volume"], 0),
            "—" if ret is None or not math.isfinite(ret) else f"{ret:+.4%}",
        )
    console.print(table)
    for note in series.notes:
        console.print(f"note: {note}")
    console.print("return = Close_t / Close_{t-1} − 1, on the previous session of the same series")
