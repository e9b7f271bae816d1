"""Event studies: market, market-adjusted, constant-mean and factor models with corrected
variances; single events by statsmodels, many events by a batched numpy engine."""

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
