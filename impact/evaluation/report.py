"""The evaluation report and the floor check (minimum scores, ``impact eval --floor``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from impact.errors import InputError
from impact.evaluation.scoring import SCORE_NAMES, Finding, Scores

__all__ = ["AMBIGUOUS_NOTE", "EvalReport", "check_floors", "load_floors"]

AMBIGUOUS_NOTE = (
    "truth 'ambiguous' (the reading decides) is left out of the verdict agreement; "
    "it is shown in the confusion table"
)
CEILINGS = frozenset({"false_alarms"})  # lower is better: the floor file gives a maximum


@dataclass(frozen=True)
class EvalReport:
    """Scores per scope (``en``, ``de``, ``all``), the findings behind them, and what could not be
    scored. ``texts`` (passage id -> text) is for display and is left out of ``to_dict``."""

    corpus: str
    scopes: Mapping[str, Scores]
    findings: tuple[Finding, ...]
    unscorable_hedges: Mapping[str, str]
    problems: tuple[str, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "note": AMBIGUOUS_NOTE,
            "scores": {k: v.values() for k, v in self.scopes.items()},
            "scopes": {k: v.to_dict() for k, v in self.scopes.items()},
            "unscorable_hedges": dict(self.unscorable_hedges),
            "problems": list(self.problems),
            "findings": [f.to_dict() for f in self.findings],
        }


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    """``{"en": {"recall": 0.3, ...}, "de": {...}, "all": {...}}``; unknown names are errors."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"floor file {path}: cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"floor file {path}: expected an object of scopes")
    for scope, floors in data.items():
        if scope not in ("en", "de", "all") or not isinstance(floors, dict):
            raise InputError(f"floor file {path}: {scope!r} is not en, de or all with scores")
        for name, value in floors.items():
            if name not in SCORE_NAMES or not isinstance(value, int | float):
                raise InputError(
                    f"floor file {path}: {scope}.{name}: expected one of {', '.join(SCORE_NAMES)} "
                    "with a number"
                )
    return data


def check_floors(report: EvalReport, floors: Mapping[str, Mapping[str, float]]) -> list[str]:
    """One line per score below its floor (above it for ``false_alarms``). A scope that was not
    evaluated (``--lang``) is skipped; a score with nothing to score (None) fails a floor and
    passes a ceiling."""
    lines = []
    for scope, wanted in floors.items():
        if scope not in report.scopes:
            continue
        values = report.scopes[scope].values()
        for name, limit in wanted.items():
            value = values[name]
            shown = "n/a" if value is None else f"{value:.3f}"
            if name in CEILINGS:
                if value is not None and value > limit:
                    lines.append(f"{scope} {name} {shown} is above its ceiling {limit}")
            elif value is None or value < limit:
                lines.append(f"{scope} {name} {shown} is below its floor {limit}")
    return lines
