"""Event studies: market, market-adjusted, constant-mean and factor models with corrected
variances; single events by statsmodels, many events by a batched numpy engine, and the one-day
abnormal return of a check in closed form (single.py).

Names are imported on first use, so the closed form does not load statsmodels or scipy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "MODELS": "impact.eventstudy.engine",
    "BatchResult": "impact.eventstudy.engine",
    "fit_batch": "impact.eventstudy.engine",
    "MultiEventResult": "impact.eventstudy.many",
    "run_event_studies": "impact.eventstudy.many",
    "TestStat": "impact.eventstudy.significance",
    "aggregate_tests": "impact.eventstudy.significance",
    "significance_tests": "impact.eventstudy.significance",
    "study_batch": "impact.eventstudy.significance",
    "tests_frame": "impact.eventstudy.significance",
    "EventStudyResult": "impact.eventstudy.study",
    "abnormal_return_for": "impact.eventstudy.study",
    "day_zero": "impact.eventstudy.study",
    "prepare_event": "impact.eventstudy.study",
    "run_event_study": "impact.eventstudy.study",
}

__all__ = [
    "MODELS",
    "BatchResult",
    "EventStudyResult",
    "MultiEventResult",
    "TestStat",
    "abnormal_return_for",
    "aggregate_tests",
    "day_zero",
    "fit_batch",
    "prepare_event",
    "run_event_studies",
    "run_event_study",
    "significance_tests",
    "study_batch",
    "tests_frame",
]

if TYPE_CHECKING:
    from impact.eventstudy.engine import MODELS, BatchResult, fit_batch
    from impact.eventstudy.many import MultiEventResult, run_event_studies
    from impact.eventstudy.significance import (
        TestStat,
        aggregate_tests,
        significance_tests,
        study_batch,
        tests_frame,
    )
    from impact.eventstudy.study import (
        EventStudyResult,
        abnormal_return_for,
        day_zero,
        prepare_event,
        run_event_study,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'impact.eventstudy' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
