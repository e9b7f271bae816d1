"""The claim record: immutable, JSON-serializable, with the exact source span."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["Claim", "Direction", "Hedge", "Horizon", "Metric", "Testable"]

Direction = Literal["up", "down", "unchanged", "none"]
Hedge = Literal[
    "exact", "about", "over", "under", "at_least", "at_most", "just_under", "just_over", "up_to"
]
Horizon = Literal[
    "one_day",
    "intraday",
    "ytd",
    "mtd",
    "month",
    "since",
    "n_sessions",
    "week",
    "quarter",
    "quarter_yoy",
    "fiscal_yoy",
    "latest_reported",
    "record",
    "unspecified",
]
Metric = Literal[
    "share_price",
    "index_level",
    "market_value",
    "revenue",
    "share_of_revenue",
    "shipments",
    "market_share",
    "profit",
    "other",
]
Testable = Literal["market", "reported", "none"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion about a market or company figure, as the article states it.

    ``magnitude`` is the number as written (9.1 for "9,1 Prozent", 18.5 for "18,5 Milliarden
    Dollar"); ``scale`` multiplies it into units of ``currency``; ``precision`` is the number of
    decimals written. ``start``/``end`` bound the period the claim measures (ISO dates); when the
    end is known only as a range, ``end_earliest`` < ``end``. ``dates_how`` says how they were found.
    """

    id: int
    kind: Literal["move", "level", "share", "record", "other"]
    text: str
    span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    language: str
    entity: str | None
    ticker: str | None
    listing_reason: str
    alternatives: tuple[tuple[str, str], ...]
    metric: Metric
    direction: Direction
    magnitude: float | None
    unit: str | None
    currency: str | None
    scale: float
    precision: int | None
    hedge: Hedge
    horizon: Horizon
    start: str | None
    end: str | None
    end_earliest: str | None
    dates_how: str
    testable: Testable
    segment: str | None = None
    n_sessions: int | None = None
    fiscal_quarter: int | None = None  # "im ersten Geschäftsquartal": the company's fiscal Q1
    record_since: str | None = None
    record_basis: Literal["one_day", "level"] | None = None
    attached_to: int | None = None
    closing: bool = False
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        data["sentence_span"] = list(self.sentence_span)
        data["alternatives"] = [{"ticker": t, "why": w} for t, w in self.alternatives]
        data["notes"] = list(self.notes)
        return data

    def describe(self) -> str:
        """'Alibaba (9988.HK) share price up over 40 percent, ytd'."""
        if self.kind == "record":
            what = (
                ("highest level" if self.direction == "up" else "lowest level")
                if (self.record_basis == "level")
                else (f"largest one-session {'rise' if self.direction == 'up' else 'fall'}")
            )
            return f"{self.entity or '?'} ({self.ticker or '-'}) {what} since {self.record_since}"
        size = (
            "" if self.magnitude is None else f" {self.hedge.replace('_', ' ')} {self.magnitude:g}"
        )
        unit = {"percent": "%", "percentage_points": " pp"}.get(self.unit or "", "")
        if self.unit == "money":
            unit = f" {self.currency} x{self.scale:g}"
        return (
            f"{self.entity or '?'} ({self.ticker or '-'}) {self.metric} {self.direction}"
            f"{size}{unit}, {self.horizon}"
        )

    def __repr__(self) -> str:
        return f"Claim({self.id}: {self.describe()} @ {self.span[0]}:{self.span[1]})"
