"""The event study `impact study` asks for: one event, a CSV file of events, or a CSV file in
chunks (larger than memory, or on Dask). Every event that cannot be studied goes to the run's
log with its row and reason (in chunks: counted in the result instead); the log counts the
events studied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from impact.errors import InputError

if TYPE_CHECKING:
    from impact.eventstudy.many import MultiEventResult
    from impact.eventstudy.spec import StudySpec
    from impact.eventstudy.streaming import StreamedStudy
    from impact.eventstudy.study import EventStudyResult
    from impact.runs import RunLog

__all__ = ["study_chunked", "study_file", "study_one"]


def study_one(ticker: str | None, event: str | None, spec: StudySpec) -> EventStudyResult:
    """One event of one security (impact.eventstudy.study.run_event_study); with the factor
    model ``spec.default_market`` names the factors as ``A,B``."""
    from impact.eventstudy.study import run_event_study
    from impact.prices import validate_ticker

    if ticker is None or event is None:
        raise InputError("give TICKER and --event WHEN, or --events FILE.csv")
    market = spec.default_market
    factors = market.split(",") if spec.model == "factor" else market
    return run_event_study(
        validate_ticker(ticker), event, factors, spec.model, spec.window, spec.estimation,
        spec.settings,
    )  # fmt: skip


def study_file(path: Path, spec: StudySpec, log: RunLog) -> MultiEventResult | None:
    """AAR, CAAR and the tests over the events of a CSV file read whole; each row that is bad
    or cannot be studied goes to ``log``. None when no event could be studied."""
    from impact.eventstudy.many import NoEventStudied, read_events, run_event_studies

    rows = read_events(path, spec.default_market)
    for label, why in rows.bad:
        log.fail(label, why)
    try:
        result = run_event_studies(
            rows.specs, spec.model, spec.window, spec.estimation, spec.settings, rows.labels
        )
    except NoEventStudied as exc:
        for label, why in exc.skipped:
            log.fail(label, why)
        return None
    for label, why in result.skipped:
        log.fail(label, why)
    log.done = len(result.events)
    return result


def study_chunked(
    path: Path,
    spec: StudySpec,
    log: RunLog,
    chunk: int | None = None,
    out: Path | None = None,
    dask: str | None = None,
) -> StreamedStudy:
    """The events of a CSV file ``chunk`` rows at a time (default 5,000), each event's row to
    ``out``, in this process or on Dask (impact.eventstudy.streaming.study_events)."""
    from impact.eventstudy.streaming import study_events

    result = study_events(path, spec, chunk or 5000, out, dask)
    log.done = result.events
    return result
