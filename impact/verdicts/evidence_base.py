"""The evidence every kind of claim shares: where the prices came from and how the sessions were
chosen (evidence.py and evidence_records.py build on it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from impact.prices import PriceSeries

__all__ = ["PriceSource", "SessionsHow", "iso_day"]


def iso_day(day: dt.date | None) -> str | None:
    """A date as ISO text, None as None (the JSON of the evidence)."""
    return None if day is None else day.isoformat()


@dataclass(frozen=True, slots=True)
class PriceSource:
    """Where a verdict's prices came from: source, price basis and coverage notes."""

    source: str
    price_basis: str
    notes: tuple[str, ...]

    @classmethod
    def of(cls, series: PriceSeries) -> PriceSource:
        return cls(series.describe_source(), series.basis, series.notes)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "price_basis": self.price_basis, "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class SessionsHow:
    """How the candidate sessions were chosen: the latest session completed at a publication
    time, the session on or before a date, or every session of a date range."""

    rule: Literal["latest_completed", "publication_day", "on_or_before", "range"]
    mic: str
    day: dt.date  # the (last) date the sessions were read from
    first_day: dt.date | None = None  # "range": its first date
    stamp: str | None = None  # "latest_completed": the publication time used (ISO)

    def describe(self) -> str:
        if self.rule == "latest_completed":
            return f"latest {self.mic} session completed at publication ({self.stamp})"
        if self.rule == "publication_day":
            return (
                f"the {self.mic} session of the publication day {self.day}, or the one before "
                "(no time of publication: the article may predate that day's close)"
            )
        if self.rule == "on_or_before":
            return f"the {self.mic} session on or before {self.day}"
        return f"every {self.mic} session {self.first_day}..{self.day}: the date is known only as a range"
