"""Price levels ("schloss bei 252 Hongkong-Dollar", "to 15,196 points"): the close on the
candidate sessions against the stated value, with the rounding interval and a relative band.

``correct`` when the close at the nominal session (any session for a range) is inside the
interval, ``mostly_correct`` inside the band; a match only at another session is
``mostly_correct`` when the publication date is not firm, else ``misleading``; otherwise
``false``. A level in another currency than the listing's is ``unverifiable``.
"""

from __future__ import annotations

from impact.claims.model import Claim
from impact.tolerance import Tolerance
from impact.verdicts.evidence import (
    LevelEvidence,
    LevelTry,
    PriceSource,
    SourceOnly,
    ToleranceShown,
)
from impact.verdicts.model import ClaimCheck, Verdict
from impact.verdicts.sessions import SessionChoice
from impact.verdicts.window import MarketWindow

__all__ = ["check_level"]


def _verdict(tried: list[tuple], sessions: SessionChoice, firm: bool) -> Verdict:
    nominal = sessions.nominal
    at = next((x for x in tried if x[0] == nominal), None) if nominal is not None else None
    if at is not None and at[2].fit not in {"exact", "band"}:  # a session as fair fits
        at = next((x for x in tried if x[0] in sessions.fair and x[2].fit == "exact"), at)
    exact = [x for x in tried if x[2].fit == "exact"]
    band = [x for x in tried if x[2].fit == "band"]
    if (at and at[2].fit == "exact") or (nominal is None and exact):
        return Verdict.CORRECT
    if (at and at[2].fit == "band") or (nominal is None and band):
        return Verdict.MOSTLY_CORRECT
    if exact or band:
        return Verdict.MISLEADING if firm else Verdict.MOSTLY_CORRECT
    return Verdict.FALSE


def check_level(claim: Claim, window: MarketWindow, tolerance: Tolerance) -> ClaimCheck:
    """The verdict of a level claim (module docstring)."""
    series, sessions = window.series, window.sessions
    assert sessions is not None
    if claim.unit != "points" and claim.currency != series.currency:
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"the level is stated in {claim.currency}, but "
            f"{claim.ticker} trades in {series.currency}",
            evidence=SourceOnly(series.describe_source()),
            window=window,
        )
    tried = []
    for s in sessions.candidates:
        close = float(series.prices.loc[s, "Close"])
        judgement = tolerance.judge(
            close / claim.scale,
            claim.magnitude or 0.0,
            claim.precision or 0,
            claim.hedge,
            absolute_band=False,
        )
        tried.append((s, close, judgement))
    nominal = sessions.nominal
    verdict = _verdict(tried, sessions, claim.published.firm)
    at = next((x for x in tried if x[0] == nominal), None) if nominal is not None else None
    if (
        verdict in {Verdict.CORRECT, Verdict.MOSTLY_CORRECT}
        and at
        and at[2].fit not in {"exact", "band"}
    ):
        at = next((x for x in tried if x[0] in sessions.fair and x[2].fit != "miss"), at)
    exact = [x for x in tried if x[2].fit == "exact"]
    band = [x for x in tried if x[2].fit == "band"]
    ref = at or (exact or band or tried)[0]
    note = (
        " (prices are Yahoo-adjusted: levels sit below traded prices before later dividends)"
        if series.basis == "adjusted"
        else ""
    )
    unit = series.currency if claim.unit != "points" else "points"
    currency = " " + claim.currency if claim.currency else ""
    explanation = (
        f"{claim.entity} ({claim.ticker}) closed at {ref[1]:,.2f} {unit} on "
        f"{ref[0].date()}; the claim says {claim.magnitude:g}{currency}{note}."
    )
    evidence = LevelEvidence(
        PriceSource.of(series),
        sessions.shown(),
        tuple(LevelTry(s.date(), c, j.fit) for s, c, j in tried),
        ToleranceShown.of(ref[2], None),
    )
    return ClaimCheck(
        claim,
        verdict,
        explanation,
        realized=ref[1] / claim.scale,
        basis="close_level",
        session=ref[0].date(),
        nominal_session=None if nominal is None else nominal.date(),
        evidence=evidence,
        window=window,
    )
