"""The evidence of record claims: where the record's session came from, the rank of a move
among its window's moves, and the window, values and rank of a level, extreme or streak record.
``to_dict()`` gives the JSON of ``impact check``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from impact.measures import Rank
from impact.verdicts.evidence_base import PriceSource, SessionsHow, iso_day

__all__ = [
    "LevelRecordEvidence",
    "MoveRecordEvidence",
    "RecordEvidence",
    "RecordFinding",
    "RecordHow",
    "RecordWindow",
]


@dataclass(frozen=True, slots=True)
class RecordHow:
    """Where a record's session came from: the attached move's check, or the sessions rule."""

    attached_to: int | None
    sessions: SessionsHow | None

    def describe(self) -> str:
        if self.attached_to is not None:
            return f"the session and basis of the attached move (claim {self.attached_to})"
        return self.sessions.describe() if self.sessions else ""


def _rank_dict(rank: Rank) -> dict[str, Any]:
    last = rank.last_larger_before
    return {
        "rank": rank.rank,
        "sessions": rank.sessions,
        "since": rank.since.date().isoformat(),
        "larger": [{"session": d, "move_pct": 100 * v} for d, v in rank.larger[:10]],
        "last_larger_before": None
        if last is None
        else {"session": last[0], "move_pct": 100 * last[1]},
    }


@dataclass(frozen=True, slots=True)
class RecordEvidence:
    source: PriceSource
    how: RecordHow
    ranks: tuple[tuple[str, Rank], ...]  # (basis, rank), the claim's basis first

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.source.to_dict(),
            "how": self.how.describe(),
            "ranks": {basis: _rank_dict(rank) for basis, rank in self.ranks},
        }


@dataclass(frozen=True, slots=True)
class LevelRecordEvidence:
    source: PriceSource
    how: RecordHow
    closes_beyond: int
    sessions: int

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.source.to_dict(),
            "how": self.how.describe(),
            "closes_beyond": self.closes_beyond,
            "sessions": self.sessions,
        }


@dataclass(frozen=True, slots=True)
class RecordWindow:
    """The sessions a record is judged over: after ``start`` (None: since the listing, a date
    not known here) up to ``end``; where the data begin, and the anchor day ("since a 15.7%
    jump on April 29") with its value and whether it is at least as large."""

    start: dt.date | None
    end: dt.date
    data_first: dt.date
    anchor: dt.date | None = None
    anchor_value: float | None = None
    anchor_holds: bool | None = None

    @property
    def before_data(self) -> bool:
        """The window reaches back before the first row of the data."""
        return self.start is None or self.start < self.data_first

    def describe(self) -> str:
        start = "the listing" if self.start is None else f"{self.start}"
        return f"after {start} to {self.end} (data from {self.data_first})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start_exclusive": iso_day(self.start),
            "end": self.end.isoformat(),
            "data_first": self.data_first.isoformat(),
            "before_data": self.before_data,
            "anchor": iso_day(self.anchor),
            "anchor_value": self.anchor_value,
            "anchor_holds": self.anchor_holds,
        }


@dataclass(frozen=True, slots=True)
class MoveRecordEvidence(RecordEvidence):
    """A one-session or weekly move record: its ranks on each basis and its window."""

    window: RecordWindow | None = None

    def to_dict(self) -> dict[str, Any]:
        out = RecordEvidence.to_dict(self)
        out["window"] = self.window.to_dict() if self.window else None
        return out


@dataclass(frozen=True, slots=True)
class RecordFinding:
    """What a level, crossing, window-extreme or streak record rests on: the measure (close,
    high, low, weekly, consecutive closes), the session's value, its rank and the values beyond
    it in the window; for streaks the count, for crossings and extremes the stated number."""

    source: PriceSource
    how: RecordHow
    record_of: str
    measure: str
    window: RecordWindow
    session: dt.date
    value: float | None
    rank: int | None = None
    sessions: int | None = None
    beyond: tuple[tuple[dt.date, float], ...] = ()
    count: int | None = None
    stated: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.source.to_dict(),
            "how": self.how.describe(),
            "record_of": self.record_of,
            "measure": self.measure,
            "window": self.window.to_dict(),
            "session": self.session.isoformat(),
            "value": self.value,
            "rank": self.rank,
            "sessions": self.sessions,
            "beyond": [{"session": d.isoformat(), "value": v} for d, v in self.beyond[:10]],
            "count": self.count,
            "stated": self.stated,
        }
