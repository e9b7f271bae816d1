"""Reported company figures (segment revenue and totals) from CSV files, for revenue claims.

Format (``fixtures/fundamentals/reported_figures.csv``; users add files of the same shape in
``<data-dir>/fundamentals/``): ``entity,ticker,metric,segment,period,period_end,reported,currency,
value_millions``. ``period`` is ``FY<year>Q<n>``; the same quarter a year earlier is the base of a
year-on-year change. "Latest reported" means the latest period whose ``reported`` date is on or
before the date asked about.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from impact.errors import PriceDataError

__all__ = ["ReportedFigure", "ReportedFigures", "load_reported_figures"]

_PERIOD = re.compile(r"FY(\d{4})Q([1-4])")


@dataclass(frozen=True, slots=True)
class ReportedFigure:
    entity: str
    ticker: str
    metric: str
    segment: str
    period: str
    period_end: dt.date
    reported: dt.date
    currency: str
    value: float  # in units of currency (value_millions × 10^6)
    source: str


class ReportedFigures:
    def __init__(self, rows: list[ReportedFigure]) -> None:
        self.rows = rows

    def latest(
        self, entity: str, segment: str, on_or_before: dt.date | None, metric: str = "net_sales"
    ) -> ReportedFigure | None:
        rows = [
            r
            for r in self.rows
            if r.entity == entity
            and r.segment == segment
            and r.metric == metric
            and (on_or_before is None or r.reported <= on_or_before)
        ]
        return max(rows, key=lambda r: r.reported) if rows else None

    def find(
        self, entity: str, segment: str, period: str, metric: str = "net_sales"
    ) -> ReportedFigure | None:
        for r in self.rows:
            if (r.entity, r.segment, r.period, r.metric) == (entity, segment, period, metric):
                return r
        return None

    def year_before(self, figure: ReportedFigure) -> ReportedFigure | None:
        m = _PERIOD.fullmatch(figure.period)
        if not m:
            return None
        return self.find(
            figure.entity, figure.segment, f"FY{int(m.group(1)) - 1}Q{m.group(2)}", figure.metric
        )

    def segments(self, entity: str) -> set[str]:
        return {r.segment for r in self.rows if r.entity == entity}


def _read(path: Path) -> list[ReportedFigure]:
    rows = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for n, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    rows.append(
                        ReportedFigure(
                            row["entity"],
                            row["ticker"],
                            row["metric"],
                            row["segment"],
                            row["period"],
                            dt.date.fromisoformat(row["period_end"]),
                            dt.date.fromisoformat(row["reported"]),
                            row["currency"],
                            float(row["value_millions"]) * 1e6,
                            f"{path.name} row {n}",
                        )
                    )
                except (KeyError, ValueError, TypeError) as exc:
                    raise PriceDataError(f"{path}: row {n}: {exc}") from None
    except OSError as exc:
        raise PriceDataError(f"{path}: {exc.strerror or exc}") from None
    return rows


def load_reported_figures(*folders: Path | None) -> ReportedFigures:
    """All ``*.csv`` in the given folders (missing folders are skipped)."""
    rows: list[ReportedFigure] = []
    for folder in folders:
        if folder is not None and Path(folder).is_dir():
            for path in sorted(Path(folder).glob("*.csv")):
                rows.extend(_read(path))
    return ReportedFigures(rows)
