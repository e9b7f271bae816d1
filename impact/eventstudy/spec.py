"""The study every event of a run gets: model, event and estimation windows, settings, and the
market for rows that name none (for a single event: its benchmark, or its factors as ``A,B``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from impact.config import Settings

__all__ = ["StudySpec"]


@dataclass(frozen=True)
class StudySpec:
    """Model, windows (in sessions), settings and the default market of a study."""

    model: str = "market"
    window: tuple[int, int] = (-1, 1)
    estimation: tuple[int, int] = (-250, -11)
    settings: Settings = field(default_factory=Settings.from_env)
    default_market: str = "^GSPC"
