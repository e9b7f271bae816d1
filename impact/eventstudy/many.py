"""Many events: AAR, CAAR and the standard tests, on the batched engine (significance.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from impact import calendars
from impact.config import Settings
from impact.errors import InputError
from impact.eventstudy.engine import BatchResult
from impact.eventstudy.significance import study_batch, tests_frame
from impact.eventstudy.study import (
    EventData,
    day_zero,
    load_event_series,
    prepare_event,
    span_days,
)

__all__ = ["MultiEventResult", "run_event_studies"]


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
        }

    def summary(self) -> str:
        return "\n".join(
            [
                f"{len(self.events)} events, {self.model} model, window {self.window}, estimation {self.estimation}",
                self.events.to_string(float_format=lambda x: f"{x:.6f}"),
                "AAR: " + ", ".join(f"{k:+d}: {v:+.6f}" for k, v in self.aar.items()),
                f"CAAR = {self.caar:+.6f}",
                self.tests.to_string(float_format=lambda x: f"{x:.4f}"),
            ]
        )

    __str__ = summary

    def __repr__(self) -> str:
        return f"MultiEventResult({len(self.events)} events, CAAR {100 * self.caar:+.2f}%)"


def run_event_studies(
    specs: Sequence[tuple[str, str, str]],
    model: str = "market",
    window: tuple[int, int] = (-1, 1),
    estimation: tuple[int, int] = (-250, -11),
    settings: Settings | None = None,
) -> MultiEventResult:
    """AAR/CAAR over many (ticker, event, market) events with the batched engine."""
    settings = settings or Settings.from_env()
    prepared: list[EventData] = []
    for ticker, event, market in specs:
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
        prepared.append(prepare_event(security, benches, event, window, estimation))
    if not prepared:
        raise InputError("no events")
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
    events = pd.DataFrame(
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
    )
