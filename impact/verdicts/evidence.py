"""What a verdict rests on, as typed values. ``to_dict()`` gives the JSON of ``impact check``.

One dataclass per kind of evidence; the sentences in it (``how``) are generated from typed fields.
The evidence of record claims is in ``evidence_records``; ``Evidence`` is any of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from impact.measures import Move
from impact.tolerance import Fit, Judgement
from impact.verdicts.evidence_base import PriceSource, SessionsHow, iso_day
from impact.verdicts.evidence_records import (
    LevelRecordEvidence,
    MoveRecordEvidence,
    RecordEvidence,
    RecordFinding,
)

__all__ = [
    "AbnormalReturn",
    "DayRange",
    "Evidence",
    "Failure",
    "LevelEvidence",
    "LevelTry",
    "MarketMove",
    "MoveEvidence",
    "NotTestable",
    "PriceSource",
    "ReportedEvidence",
    "SessionsHow",
    "SessionsShown",
    "ToleranceShown",
    "TriedMove",
    "TwinMove",
]


@dataclass(frozen=True, slots=True)
class SessionsShown:
    nominal: dt.date | None
    how: SessionsHow
    candidates: tuple[dt.date, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nominal": iso_day(self.nominal),
            "how": self.how.describe(),
            "candidates": [d.isoformat() for d in self.candidates],
        }


@dataclass(frozen=True, slots=True)
class TriedMove:
    """A measured move on one candidate session and basis, and how the claim fits it."""

    session: dt.date
    move: Move
    judgement: Judgement

    @property
    def fit(self) -> Fit:
        return self.judgement.fit

    def to_dict(self) -> dict[str, Any]:
        return {**self.move.to_dict(), "fit": self.judgement.fit}


@dataclass(frozen=True, slots=True)
class ToleranceShown:
    hedge: str | None  # None: not shown (levels)
    correct: str | None
    mostly_correct: str | None

    @classmethod
    def of(cls, judgement: Judgement | None, hedge: str | None, unit: str = "") -> ToleranceShown:
        if judgement is None:
            return cls(hedge, None, None)
        return cls(hedge, judgement.correct.label(unit), judgement.band.label(unit))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {} if self.hedge is None else {"hedge": self.hedge}
        return {**out, "correct": self.correct, "mostly_correct": self.mostly_correct}


@dataclass(frozen=True, slots=True)
class Failure:
    """A value that could not be had (a benchmark or twin series missing): why."""

    error: str
    ticker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return (
            {"error": self.error}
            if self.ticker is None
            else {"ticker": self.ticker, "error": self.error}
        )


@dataclass(frozen=True, slots=True)
class MarketMove:
    """The benchmark's move over the same sessions, and the stock's move net of it."""

    ticker: str
    move_pct: float
    base_session: dt.date
    end_session: dt.date
    stock_pct: float
    market_adjusted_pct: float
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "ticker": self.ticker,
            "move_pct": self.move_pct,
            "base_session": iso_day(self.base_session),
            "end_session": iso_day(self.end_session),
            "stock_pct": self.stock_pct,
            "market_adjusted_pct": self.market_adjusted_pct,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class TwinMove:
    """The same claim tested on the company's other listing."""

    ticker: str
    currency: str
    ratio: str
    source: str
    matching_session: dt.date | None
    move_pct: float | None
    fits: tuple[tuple[dt.date, float], ...]  # (session, move %) where the claim fits

    def fits_text(self) -> str | None:
        return ", ".join(f"{d} {v:+.2f}%" for d, v in self.fits) or None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ticker": self.ticker,
            "currency": self.currency,
            "ratio": self.ratio,
            "source": self.source,
            "matching_session": iso_day(self.matching_session),
            "move_pct": self.move_pct,
            "fits": self.fits_text(),
        }


@dataclass(frozen=True, slots=True)
class AbnormalReturn:
    """The market-model abnormal return on the matched session, with its t-statistic."""

    market: str
    session: dt.date
    ar_pct: float
    sd_pct: float
    t: float
    dof: int
    pvalue: float
    alpha: float
    beta: float
    estimation: tuple[dt.date, dt.date]
    model: str = "market"

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "market": self.market,
            "session": self.session.isoformat(),
            "ar_pct": self.ar_pct,
            "sd_pct": self.sd_pct,
            "t": self.t,
            "dof": self.dof,
            "pvalue": self.pvalue,
            "alpha": self.alpha,
            "beta": self.beta,
            "estimation": [d.isoformat() for d in self.estimation],
        }


@dataclass(frozen=True, slots=True)
class MoveEvidence:
    source: PriceSource
    sessions: SessionsShown
    implied_basis: str
    tried: tuple[TriedMove, ...]
    tolerance: ToleranceShown
    market: MarketMove | Failure | None
    twin: TwinMove | Failure | None
    event_study: AbnormalReturn | Failure | None = None
    with_event_study: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {
            **self.source.to_dict(),
            "sessions": self.sessions.to_dict(),
            "implied_basis": self.implied_basis,
            "tried": [t.to_dict() for t in self.tried],
            "tolerance": self.tolerance.to_dict(),
            "market": None if self.market is None else self.market.to_dict(),
            "twin": None if self.twin is None else self.twin.to_dict(),
        }
        if self.with_event_study:
            out["event_study"] = None if self.event_study is None else self.event_study.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class LevelTry:
    """A session's price (the column the claim is compared with) and how the claim fits it."""

    session: dt.date
    price: float
    fit: Fit
    column: str = "Close"
    judgement: Judgement | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "session": self.session.isoformat(),
            "column": self.column,
            "price": self.price,
            "fit": self.fit,
        }


@dataclass(frozen=True, slots=True)
class LevelEvidence:
    source: PriceSource
    sessions: SessionsShown
    tried: tuple[LevelTry, ...]
    tolerance: ToleranceShown

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.source.to_dict(),
            "sessions": self.sessions.to_dict(),
            "tried": [t.to_dict() for t in self.tried],
            "tolerance": self.tolerance.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class ReportedEvidence:
    """A reported company figure, the comparison figures used, and the tolerance."""

    source: str
    period: str
    period_end: dt.date
    reported: dt.date
    segment: str
    value: float
    currency: str
    how: str
    note: str | None = None
    total: float | None = None
    base_period: str | None = None
    base_value: float | None = None
    tolerance: ToleranceShown | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "period": self.period,
            "period_end": self.period_end.isoformat(),
            "reported": self.reported.isoformat(),
            "segment": self.segment,
            "value": self.value,
            "currency": self.currency,
            "how": self.how,
        }
        for key in ("note", "total", "base_period", "base_value"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.tolerance is not None:
            out["tolerance"] = self.tolerance.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class NotTestable:
    """Why a claim was not tested (its testability, in words)."""

    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason}


@dataclass(frozen=True, slots=True)
class SourceOnly:
    """Only where the prices came from (a claim stopped before any measurement)."""

    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source}


@dataclass(frozen=True, slots=True)
class NoEvidence:
    def to_dict(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, slots=True)
class DayRange:
    """The session's range in the claim's unit, and the claimed figure."""

    source: PriceSource
    session: dt.date
    low: float
    high: float
    claimed: float
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.source.to_dict(),
            "session": self.session.isoformat(),
            "range_low": self.low,
            "range_high": self.high,
            "claimed": self.claimed,
            "unit": self.unit,
        }


Evidence = (
    MoveEvidence
    | LevelEvidence
    | RecordEvidence
    | LevelRecordEvidence
    | RecordFinding
    | MoveRecordEvidence
    | ReportedEvidence
    | NotTestable
    | DayRange
    | PriceSource
    | SourceOnly
    | Failure
    | NoEvidence
)
