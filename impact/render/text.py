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
from impact.verdicts.evidence import AbnormalReturn
from impact.verdicts.evidence_records import RecordEvidence
from impact.verdicts.model import sentence_excerpt

__all__ = [
    "dumps_json",
    "price_rows",
    "prices_json",
    "render_csv",
    "render_prices_table",
    "to_jsonable",
]


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


def prices_json(series: PriceSeries, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The series' listing, basis, source and notes, and its sessions (``price_rows``)."""
    return {
        "ticker": series.ticker,
        "mic": series.mic,
        "currency": series.currency,
        "basis": series.basis,
        "source": series.source,
        "origin": series.origin,
        "notes": list(series.notes),
        "sessions": rows,
    }


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


def claim_magnitude(claim: Any) -> str:
    """'über 40 %' style text of a claim's size: hedge, number, unit."""
    if claim.magnitude is None:
        return "—"
    hedge = "" if claim.hedge == "exact" else claim.hedge.replace("_", " ") + " "
    digits = claim.precision or 0
    if claim.unit == "percent":
        return f"{hedge}{claim.magnitude:.{digits}f} %"
    if claim.unit == "percentage_points":
        return f"{hedge}{claim.magnitude:.{digits}f} pp"
    if claim.unit == "money":
        scale = {1e3: " thousand", 1e6: " million", 1e9: " billion", 1e12: " trillion"}.get(
            claim.scale, ""
        )
        return f"{hedge}{claim.magnitude:,.{digits}f}{scale} {claim.currency}"
    return f"{hedge}{claim.magnitude:,.{digits}f} {claim.unit or ''}".rstrip()


def claim_dates(claim: Any) -> str:
    if claim.end is None and claim.start is None:
        return "—"
    if claim.horizon in {"one_day", "intraday", "record"}:
        if claim.end_earliest and claim.end_earliest != claim.end:
            return f"{claim.end_earliest}..{claim.end}"
        return str(claim.end or "?")
    end = str(claim.end or "?")
    if claim.end_earliest and claim.end_earliest != claim.end:
        end = f"{claim.end_earliest}..{claim.end}"
    return f"{claim.start or '?'} → {end}"


def excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_header(path: str, language: str, published: Any) -> str:
    return f"{path} — language {language}, published {published.label()} ({published.how})"


def render_claims_table(path: str, extracted: Any, console: Console) -> None:
    table = Table(
        title=article_header(path, extracted.language, extracted.published),
        title_justify="left",
        show_lines=False,
    )
    for name in (
        "#",
        "claim",
        "entity",
        "listing",
        "metric",
        "dir",
        "magnitude",
        "horizon",
        "dates",
        "testable",
    ):
        table.add_column(name, overflow="fold")
    for c in extracted.claims:
        table.add_row(
            str(c.id),
            excerpt(
                c.text
                if c.kind == "record"
                else c.sentence[
                    max(0, c.span[0] - c.sentence_span[0] - 30) : c.span[1]
                    - c.sentence_span[0]
                    + 20
                ]
            ),
            c.entity or "—",
            c.ticker or "—",
            c.metric,
            c.direction,
            claim_magnitude(c),
            c.horizon if c.kind != "record" else f"record since {c.record_since}",
            claim_dates(c),
            c.testable,
        )
    if not extracted.claims:
        table.add_row("—", "no claims about a market or company figure", *[""] * 8)
    console.print(table)


def claims_json(path: str, extracted: Any) -> dict[str, Any]:
    return {
        "path": path,
        "language": extracted.language,
        "published": extracted.published.label() if extracted.published.start else None,
        "published_start": extracted.published.start,
        "published_end": extracted.published.end,
        "published_how": extracted.published.how,
        "published_confidence": extracted.published.confidence,
        "claims": [{**c.to_dict(), "sentence": sentence_excerpt(c)} for c in extracted.claims],
        **({"stopped": extracted.stopped} if extracted.stopped else {}),
    }


VERDICT_STYLE = {
    "correct": "bold green",
    "mostly_correct": "green",
    "misleading": "bold yellow",
    "false": "bold red",
    "unverifiable": "dim",
    "not_a_market_claim": "dim",
    "insufficient_data": "magenta",
}


def _claimed(check: Any) -> str:
    c = check.claim
    if c.kind == "record":
        return f"record {c.direction} since {c.record_since}"
    if c.kind != "move":
        return claim_magnitude(c)
    sign = {"up": "+", "down": "−"}.get(c.direction, "")
    size = claim_magnitude(c)
    hedge = "" if c.hedge == "exact" else c.hedge.replace("_", " ") + " "
    return f"{hedge}{sign}{size[len(hedge) :]}"


def _realized(check: Any) -> str:
    if check.realized is None:
        if isinstance(check.evidence, RecordEvidence) and check.evidence.ranks:
            rank = check.evidence.ranks[0][1]
            return f"rank {rank.rank} of {rank.sessions}"
        return "—"
    c = check.claim
    if c.unit == "money":
        return f"{check.realized:,.3f}"
    if c.unit == "points" or check.basis == "close_level":
        return f"{check.realized:,.2f}"
    return f"{check.realized:+.2f} %"


def render_check_table(article_check: Any, console: Console) -> None:
    ex = article_check.extracted
    table = Table(
        title=article_header(article_check.path, ex.language, ex.published),
        title_justify="left",
        show_lines=True,
    )
    for name, width in (
        ("#", 2),
        ("claim", 34),
        ("listing", 8),
        ("claimed", 14),
        ("realized", 12),
        ("basis / session", 22),
        ("market", 8),
        ("AR (t)", 14),
        ("verdict", 14),
        ("reason", 60),
    ):
        table.add_column(name, overflow="fold", max_width=width)
    for check in article_check.checks:
        c = check.claim
        basis = f"{check.basis or ''} {check.session or ''}".strip() or "—"
        market = "—" if check.market_move is None else f"{check.market_move:+.2f} %"
        style = VERDICT_STYLE.get(check.verdict, "")
        es = getattr(check.evidence, "event_study", None)
        abnormal = f"{es.ar_pct:+.2f} % (t {es.t:.2f})" if isinstance(es, AbnormalReturn) else "—"
        table.add_row(
            str(c.id),
            excerpt(
                c.sentence[
                    max(0, c.span[0] - c.sentence_span[0] - 25) : c.span[1]
                    - c.sentence_span[0]
                    + 15
                ],
                70,
            ),
            c.ticker or "—",
            _claimed(check),
            _realized(check),
            basis,
            market,
            abnormal,
            f"[{style}]{check.verdict}[/]",
            check.explanation,
        )
    if not article_check.checks:
        table.add_row("—", "no claims about a market or company figure", *[""] * 8)
    console.print(table)


CSV_COLUMNS = (
    "path",
    "id",
    "text",
    "entity",
    "ticker",
    "metric",
    "direction",
    "magnitude",
    "unit",
    "hedge",
    "horizon",
    "start",
    "end",
    "verdict",
    "realized",
    "basis",
    "session",
    "nominal_session",
    "market_move",
    "explanation",
    "sentence",
)


def check_rows(article_checks: Sequence[Any]) -> list[dict[str, Any]]:
    rows = []
    for ac in article_checks:
        for check in ac.checks:
            rows.append({"path": ac.path, **check.to_dict()})
    return rows
