"""Many events: AAR, CAAR and the standard tests, on the batched engine (significance.py).

Each event fails alone: one that cannot be studied (no price for day 0, too few sessions, an
unknown ticker, a date that is no date) is left out of the aggregate and listed in ``skipped``
with its label (the CSV row) and a one-line reason; only when none can be studied is it an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from impact import calendars
from impact.config import Settings
from impact.errors import ImpactError, InputError
from impact.eventstudy.engine import BatchResult
from impact.eventstudy.significance import study_batch, tests_frame
from impact.eventstudy.study import (
    EventData,
    day_zero,
    load_event_series,
    prepare_event,
    span_days,
)

__all__ = [
    "EventRows",
    "MultiEventResult",
    "NoEventStudied",
    "events_frame",
    "read_events",
    "run_event_studies",
]


class NoEventStudied(InputError):
    """Not one event could be studied; ``skipped`` holds each one's label and reason."""

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        self.skipped = skipped
        first = f": {skipped[0][0]}: {skipped[0][1]}" if skipped else ""
        super().__init__(f"no event could be studied{first}")


@dataclass(frozen=True, eq=False)
class MultiEventResult:
    """Many events: per-event CARs, AAR by day, CAAR and the standard tests."""

    model: str
    window: tuple[int, int]
    estimation: tuple[int, int]
    events: pd.DataFrame  # one row per event
    aar: pd.Series
    caar: float
    tests: pd.DataFrame
    batch: BatchResult = field(repr=False)
    skipped: tuple[tuple[str, str], ...] = ()  # (event label, one-line reason), left out

    def to_frame(self) -> pd.DataFrame:
        return self.tests.copy()

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "window": list(self.window),
            "estimation": list(self.estimation),
            "caar": self.caar,
            "aar": {int(k): float(v) for k, v in self.aar.items()},
            "events": self.events.to_dict("records"),
            "tests": [
                {"test": t, "scope": s, **row}
                for (t, s), row in self.tests.to_dict("index").items()
            ],
            "skipped": [{"event": label, "reason": why} for label, why in self.skipped],
        }

    def summary(self) -> str:
        return "\n".join(
            [
                f"{len(self.events)} events, {self.model} model, window {self.window}, estimation {self.estimation}",
                self.events.to_string(float_format=lambda x: f"{x:.6f}"),
                "AAR: " + ", ".join(f"{k:+d}: {v:+.6f}" for k, v in self.aar.items()),
                f"CAAR = {self.caar:+.6f}",
                self.tests.to_string(float_format=lambda x: f"{x:.4f}"),
                *(f"skipped {label}: {why}" for label, why in self.skipped),
            ]
        )

    __str__ = summary

    def __repr__(self) -> str:
        return f"MultiEventResult({len(self.events)} events, CAAR {100 * self.caar:+.2f}%)"


@dataclass(frozen=True)
class EventRows:
    """The events of a CSV file: each usable row's (ticker, event, market) and label, and each
    unusable row's label and reason."""

    specs: list[tuple[str, str, str]]
    labels: list[str]
    bad: list[tuple[str, str]]


def read_events(path: Path, default_market: str = "^GSPC") -> EventRows:
    """Rows of a CSV with columns ticker, event[, market], numbered as in the file (the header is
    row 1). A row without ticker or event, or with an invalid ticker, is bad alone."""
    import csv

    from impact.listings import validate_ticker

    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"events file {path}: cannot be read ({exc})") from None
    out = EventRows([], [], [])
    for n, row in enumerate(rows, start=2):
        label = f"{path}: row {n}"
        ticker, event = (row.get("ticker") or "").strip(), (row.get("event") or "").strip()
        if not ticker or not event:
            out.bad.append((label, "needs ticker and event"))
            continue
        try:
            symbol = validate_ticker(ticker)
        except ImpactError as exc:
            out.bad.append((label, str(exc)))
            continue
        out.specs.append((symbol, event, (row.get("market") or default_market).strip()))
        out.labels.append(label)
    if not rows:
        raise InputError(f"events file {path}: no events")
    return out


def _prepare(
    spec: tuple[str, str, str],
    model: str,
    window: tuple[int, int],
    estimation: tuple[int, int],
    settings: Settings,
) -> EventData:
    ticker, event, market = spec
    mic = calendars.mic_for_ticker(ticker)
    approx, _ = day_zero(mic, event)
    before, after = span_days(estimation, window)
    security = load_event_series(ticker, approx, settings, before, after)
    benches = (
        []
        if model == "constant_mean"
        else [
            load_event_series(m, approx, settings, before + 10, after + 10)
            for m in market.split("+")
        ]
    )
    return prepare_event(security, benches, event, window, estimation)


def run_event_studies(
    specs: Sequence[tuple[str, str, str]],
    model: str = "market",
    window: tuple[int, int] = (-1, 1),
    estimation: tuple[int, int] = (-250, -11),
    settings: Settings | None = None,
    labels: Sequence[str] | None = None,
) -> MultiEventResult:
    """AAR/CAAR over many (ticker, event, market) events with the batched engine. An event that
    cannot be studied is skipped with its reason (``labels``: how to name each, e.g. its CSV
    row; default ``ticker event``); NoEventStudied when none can be."""
    settings = settings or Settings.from_env()
    prepared: list[EventData] = []
    skipped: list[tuple[str, str]] = []
    for n, spec in enumerate(specs):
        try:
            prepared.append(_prepare(spec, model, window, estimation, settings))
        except ImpactError as exc:
            label = labels[n] if labels is not None else f"{spec[0]} {spec[1]}"
            skipped.append((label, " ".join(str(exc).split())))
    if not prepared:
        raise NoEventStudied(skipped)
    has_f = model != "constant_mean"
    rel = np.arange(window[0], window[1] + 1)
    res, test_rows = study_batch(
        np.stack([d.r_est for d in prepared]),
        np.stack([d.r_evt for d in prepared]),
        np.stack([d.f_est for d in prepared]) if has_f else None,
        np.stack([d.f_evt for d in prepared]) if has_f else None,
        model,
        day0=int(np.flatnonzero(rel == 0)[0]) if 0 in rel else 0,
    )
    events = events_frame(prepared, res)
    tests = tests_frame(test_rows)
    return MultiEventResult(
        model,
        window,
        estimation,
        events,
        pd.Series(res.ar.mean(axis=0), index=rel),
        float(res.car.mean()),
        tests,
        res,
        tuple(skipped),
    )


def events_frame(prepared: Sequence[Any], res: BatchResult) -> pd.DataFrame:
    """One row per studied event: ticker, market, day 0, CAR with its sd, t and p, and BHAR."""
    return pd.DataFrame(
        {
            "ticker": [d.ticker for d in prepared],
            "market": ["+".join(d.factors) for d in prepared],
            "day0": [d.day0.date().isoformat() for d in prepared],
            "CAR": res.car,
            "sd_CAR": np.sqrt(res.var_car),
            "t": res.scar,
            "p": res.p_car,
            "BHAR": res.bhar,
        }
    )
