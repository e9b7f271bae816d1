"""Tables for people: the scores per scope, the confusion tables, and the findings by passage."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from impact.evaluation.corpus import TRUTH_CLASSES, Annotation
from impact.evaluation.report import AMBIGUOUS_NOTE, EvalReport
from impact.evaluation.scoring import SCORE_NAMES, Ratio

__all__ = ["render_findings", "render_report"]

_LABELS = {
    "recall": "claim recall",
    "precision": "precision",
    "listing": "listing",
    "direction": "direction",
    "hedge": "hedge",
    "horizon": "horizon",
    "end_session": "end session",
    "base_session": "base session",
    "verdict_agreement": "verdict agreement",
    "false_alarms": "false alarms (lower is better)",
}
_COUNTS = (
    "passages",
    "annotated_price",
    "annotated_non_price",
    "tool_claims",
    "tool_market_claims",
)


def _cell(ratio: Ratio) -> str:
    if ratio.value is None:
        return f"— (0/{ratio.total})"
    return f"{ratio.value:.2f} ({ratio.hits}/{ratio.total})"


def _ratio(report: EvalReport, scope: str, name: str) -> Ratio:
    s = report.scopes[scope]
    if name in s.fields:
        return s.fields[name]
    return getattr(s, name)


def render_report(report: EvalReport, console: Console) -> None:
    """The scores table, one confusion table per scope, and the notes."""
    scopes = list(report.scopes)
    table = Table(title=f"impact eval {report.corpus}", title_justify="left")
    table.add_column("score")
    for scope in scopes:
        table.add_column(scope, justify="right")
    for name in SCORE_NAMES:
        table.add_row(_LABELS[name], *(_cell(_ratio(report, s, name)) for s in scopes))
    table.add_section()
    for name in _COUNTS:
        table.add_row(name.replace("_", " "), *(str(report.scopes[s].counts[name]) for s in scopes))
    console.print(table)
    for scope in scopes:
        confusion = report.scopes[scope].confusion
        columns = list(next(iter(confusion.values())))
        ct = Table(title=f"{scope}: truth (rows) x tool (columns)", title_justify="left")
        ct.add_column("truth")
        for column in columns:
            ct.add_column(column, justify="right")
        for truth in TRUTH_CLASSES:
            ct.add_row(truth, *(str(confusion[truth][c]) for c in columns))
        console.print(ct)
    lines = [f"note: {AMBIGUOUS_NOTE}"]
    lines += [f"hedge not scored: {w!r}: {why}" for w, why in report.unscorable_hedges.items()]
    lines += [f"problem: {p}" for p in report.problems]
    console.print("\n".join(lines), markup=False, highlight=False)


def _annotation_line(a: Annotation) -> str:
    alt = f" (or {', '.join(a.alt_tickers)})" if a.alt_tickers else ""
    when = f"{a.horizon_start or '?'}..{a.horizon_end or '?'}"
    return (
        f"  annotated {a.cid}: {a.quote!r} {a.entity or '-'} {a.ticker or '-'}{alt} {a.kind} "
        f"{a.direction or '-'} {a.magnitude if a.magnitude is not None else '-'} "
        f"hedge {a.hedge or '-'} {a.horizon} {when} -> {a.truth}"
    )


def render_findings(report: EvalReport, console: Console) -> None:
    """Every missed claim, wrong field, wrong verdict, false alarm and unmatched market claim,
    grouped by passage with the passage text."""
    kinds = ("missed", "field", "verdict", "false_alarm", "extra")
    counts = {k: sum(f.kind == k for f in report.findings) for k in kinds}
    console.print(
        "findings: " + ", ".join(f"{k} {n}" for k, n in counts.items()),
        markup=False,
        highlight=False,
    )
    for pid, group in groupby(report.findings, key=lambda f: f.pid):
        found = list(group)
        console.print(Text(f"\n== {pid} ({found[0].lang})", style="bold"))
        console.print(Text(report.texts.get(pid, ""), style="dim"))
        last = None
        for f in found:
            if f.annotation is not None and f.annotation is not last:
                console.print(_annotation_line(f.annotation), markup=False, highlight=False)
                last = f.annotation
            console.print(f"    [{f.kind}] {f.detail}", markup=False, highlight=False)
