"""Reported company figures (revenue, share of revenue): checked against the figures in
``fixtures/fundamentals`` (and the data dir's), never against prices.

The figure: for a named quarter, the one ending in it; for a fiscal quarter, the latest such
quarter reported by publication; otherwise the latest reported by publication. A share is the
segment over the total of the same period; a level the figure itself (in its currency); a
change the figure against the same period a year earlier. Judged by the tolerance policy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from impact.claims.model import Claim
from impact.fundamentals import ReportedFigure, ReportedFigures
from impact.tolerance import Judgement, Tolerance
from impact.verdicts.evidence import ReportedEvidence, ToleranceShown
from impact.verdicts.explain import hedged, signed
from impact.verdicts.model import ClaimCheck, Verdict

__all__ = ["check_reported"]

_VERDICT = {"exact": Verdict.CORRECT, "band": Verdict.MOSTLY_CORRECT, "far": Verdict.MISLEADING}
_VERB = {
    Verdict.CORRECT: "bears out",
    Verdict.MOSTLY_CORRECT: "is close to",
    Verdict.MISLEADING: "is far beyond",
    Verdict.FALSE: "does not bear out",
}


def _figure(claim: Claim, figures: ReportedFigures, segment: str) -> ReportedFigure | None:
    entity = claim.entity or ""
    asof = claim.published.end or dt.date.today()
    if claim.horizon in {"quarter", "quarter_yoy"} and claim.end:
        end = claim.end
        rows = sorted(figures.rows, key=lambda r: r.period_end, reverse=True)
        return next(
            (
                r
                for r in rows
                if r.entity == entity
                and r.segment == segment
                and r.period_end <= end
                and (end - r.period_end).days < 92
            ),
            None,
        )
    if claim.fiscal_quarter:
        candidates = [
            r
            for r in figures.rows
            if r.entity == entity
            and r.segment == segment
            and r.period.endswith(f"Q{claim.fiscal_quarter}")
            and r.reported <= asof
        ]
        return max(candidates, key=lambda r: r.reported) if candidates else None
    return figures.latest(entity, segment, asof)


def _unverifiable(claim: Claim, text: str, evidence: ReportedEvidence | None = None) -> ClaimCheck:
    if evidence is None:
        return ClaimCheck(claim, Verdict.UNVERIFIABLE, text)
    return ClaimCheck(claim, Verdict.UNVERIFIABLE, text, evidence=evidence)


def check_reported(claim: Claim, figures: ReportedFigures, tolerance: Tolerance) -> ClaimCheck:
    """The verdict of a reported-figure claim (module docstring)."""
    entity = claim.entity or ""
    segment = claim.segment or "Total"
    if claim.metric == "profit" or not figures.segments(entity):
        return _unverifiable(
            claim,
            f"no reported {claim.metric.replace('_', ' ')} figures "
            f"for {entity or 'this company'} in fixtures/fundamentals or the data dir",
        )
    asof = claim.published.end or dt.date.today()
    figure = _figure(claim, figures, segment)
    if figure is None:
        return _unverifiable(
            claim, f"no reported figure for {entity} {segment} on or before {asof}"
        )
    start = claim.published.start
    later = start and figures.latest(entity, segment, start) not in (figure, None)
    evidence = ReportedEvidence(
        figure.source,
        figure.period,
        figure.period_end,
        figure.reported,
        segment,
        figure.value,
        figure.currency,
        f"the latest {entity} {segment} figure reported on or before {asof}",
        note="another period would be the latest at the earliest publication date"
        if later
        else None,
    )
    return _judge(claim, figures, figure, segment, evidence, tolerance)


def _judge(
    claim: Claim,
    figures: ReportedFigures,
    figure: ReportedFigure,
    segment: str,
    evidence: ReportedEvidence,
    tolerance: Tolerance,
) -> ClaimCheck:
    entity = claim.entity or ""
    label = "total" if segment == "Total" else segment
    bn = 1e9
    magnitude, decimals = claim.magnitude or 0.0, claim.precision or 0
    if claim.kind == "share":
        total = figures.find(entity, "Total", figure.period, figure.metric)
        if total is None:
            return _unverifiable(claim, f"no {entity} total for {figure.period}", evidence)
        realized = 100 * figure.value / total.value
        judgement = tolerance.judge(realized, magnitude, decimals, claim.hedge)
        what = (
            f"{segment} was {realized:.2f}% of {entity}'s total net sales in {figure.period} "
            f"({figure.value / bn:.3f} of {total.value / bn:.3f} billion {figure.currency})"
        )
        evidence = replace(evidence, total=total.value)
    elif claim.kind == "level":
        if claim.currency and claim.currency != figure.currency:
            return ClaimCheck(
                claim,
                Verdict.MISLEADING,
                f"the figure is reported in {figure.currency}, the claim says {claim.currency}",
                evidence=evidence,
            )
        realized = figure.value / claim.scale
        judgement = tolerance.judge(realized, magnitude, decimals, claim.hedge, absolute_band=False)
        what = (
            f"{entity}'s {label} net sales were {figure.value / bn:.3f} billion "
            f"{figure.currency} in {figure.period}"
        )
    else:
        base = figures.year_before(figure)
        if base is None:
            return _unverifiable(
                claim, f"no {entity} {segment} figure a year before {figure.period}", evidence
            )
        realized = 100 * (figure.value / base.value - 1)
        judgement = tolerance.judge(realized, magnitude, decimals, claim.hedge, claim.direction)
        what = (
            f"{entity}'s {label} net sales changed {signed(realized)} year on year in "
            f"{figure.period} ({base.value / bn:.3f} -> {figure.value / bn:.3f} billion "
            f"{figure.currency})"
        )
        evidence = replace(evidence, base_period=base.period, base_value=base.value)
    return _result(claim, figure, realized, what, judgement, evidence)


def _result(
    claim: Claim,
    figure: ReportedFigure,
    realized: float,
    what: str,
    judgement: Judgement,
    evidence: ReportedEvidence,
) -> ClaimCheck:
    evidence = replace(evidence, tolerance=ToleranceShown.of(judgement, claim.hedge))
    verdict = _VERDICT.get(judgement.fit, Verdict.FALSE)
    unit = "%" if claim.unit == "percent" else ""
    return ClaimCheck(
        claim,
        verdict,
        f"{what}, which {_VERB[verdict]} the claimed {hedged(claim, unit)}.",
        realized=realized,
        basis="reported",
        session=figure.period_end,
        evidence=evidence,
    )
