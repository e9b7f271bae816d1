"""Accuracy of the tool on an annotated corpus (``impact eval``).

Stages: ``corpus`` (load passages, annotations and truth) -> ``matching`` (pair tool claims with
annotations) -> ``fields`` (judge each field of a pair) -> ``scoring`` (recall, precision, field
accuracy, verdict agreement, false alarms, confusion) -> ``report`` (the report, floors) ->
``render`` (tables for people). The tool is reached only through a ``check`` callable that
returns claim dicts in the schema of ``impact check --json``; ``run.default_check`` is the one
place that calls the library's extraction and check.
"""

from impact.evaluation.corpus import CorpusError
from impact.evaluation.report import EvalReport, check_floors, load_floors
from impact.evaluation.run import CheckFn, default_check, evaluate_corpus

__all__ = [
    "CheckFn",
    "CorpusError",
    "EvalReport",
    "check_floors",
    "default_check",
    "evaluate_corpus",
    "load_floors",
]
