"""Records ("the biggest one-day gain since 2022", "höchster Stand seit Oktober").

A one-session record is ranked among every session since the window's start on the basis of
the move it qualifies (close to close, or the intraday extreme) and on the other basis:
``correct`` when it ranks first on its own basis, ``misleading`` when only on the other, else
``false`` with the larger moves named. A level record is ``correct`` when no close since the
start was higher (lower) than the session's close. The session is the attached move's (its
matched session and basis), else the claim's nominal session.
"""

from __future__ import annotations

import pandas as pd

from impact.claims.model import Claim
from impact.errors import InsufficientDataError
from impact.measures import rank_move
from impact.verdicts.evidence import LevelRecordEvidence, PriceSource, RecordEvidence, RecordHow
from impact.verdicts.explain import BASIS_WORDS, signed
from impact.verdicts.model import ClaimCheck, Verdict
from impact.verdicts.window import MarketWindow

__all__ = ["check_record"]

_ONE_SESSION = {"close_to_close", "intraday_high", "intraday_low"}


def _session(
    claim: Claim, window: MarketWindow, attached: ClaimCheck | None
) -> tuple[pd.Timestamp, str, RecordHow]:
    if attached is not None and attached.session:
        how = RecordHow(attached.claim.id, None)
        return pd.Timestamp(attached.session), attached.basis or "close_to_close", how
    sessions = window.sessions
    if sessions is None or sessions.nominal is None:
        raise InsufficientDataError("the record's session is not known")
    return sessions.nominal, "close_to_close", RecordHow(None, sessions.how)


def _rank_verdict(ranks: dict, primary: str, since: pd.Timestamp) -> tuple[Verdict, str]:
    """The verdict of a one-session record from its ranks on each basis, and why."""
    first = ranks[primary]
    if first.rank == 1:
        reason = (
            f"no session since {since.date()} moved as much ({first.sessions} sessions, "
            f"{BASIS_WORDS[primary]})"
        )
        return Verdict.CORRECT, reason
    other = next((b for b, r in ranks.items() if r.rank == 1 and b != primary), None)
    if other is not None:
        reason = (
            f"a record only on {BASIS_WORDS[other]}; on {BASIS_WORDS[primary]} it ranks "
            f"{first.rank}"
        )
        return Verdict.MISLEADING, reason
    larger = ", ".join(f"{d} {signed(100 * v)}" for d, v in first.larger[:3])
    reason = (
        f"it ranks {first.rank} of {first.sessions} sessions since {since.date()} on "
        f"{BASIS_WORDS[primary]}; larger: {larger}"
    )
    return Verdict.FALSE, reason


def check_record(claim: Claim, window: MarketWindow, attached: ClaimCheck | None) -> ClaimCheck:
    """The verdict of a record claim (module docstring)."""
    series = window.series
    session, primary, how = _session(claim, window, attached)
    if primary not in _ONE_SESSION:
        primary = "close_to_close"
    since = pd.Timestamp(claim.record_since)
    if series.first > since:
        raise InsufficientDataError(
            f"{claim.ticker} data start {series.first.date()}, after {since.date()}"
        )
    direction = claim.direction if claim.direction in {"up", "down"} else "up"
    if claim.record_basis == "level":
        return _check_level_record(claim, window, session, since, direction, how)
    extreme = "intraday_high" if direction == "up" else "intraday_low"
    bases = [primary] + [b for b in ("close_to_close", extreme) if b != primary]
    ranks = {
        b: rank_move(
            series.prices,
            session,
            since,
            "close_to_close" if b == "close_to_close" else "intraday",
            direction,
        )
        for b in bases
    }
    first = ranks[primary]
    verdict, reason = _rank_verdict(ranks, primary, since)
    last_before = first.last_larger_before
    context = (
        f"; the last larger move before {since.date()} was on {last_before[0]} "
        f"({signed(100 * last_before[1])})"
        if last_before
        else f"; no larger move in the data before {since.date()}"
    )
    return ClaimCheck(
        claim,
        verdict,
        f"{claim.entity} ({claim.ticker}) on {session.date()}: {reason}{context}.",
        realized=None,
        basis=primary,
        session=session.date(),
        nominal_session=session.date(),
        evidence=RecordEvidence(PriceSource.of(series), how, tuple(ranks.items())),
        window=window,
    )


def _check_level_record(
    claim: Claim,
    window: MarketWindow,
    session: pd.Timestamp,
    since: pd.Timestamp,
    direction: str,
    how: RecordHow,
) -> ClaimCheck:
    """'Höchster Stand seit 2022': no close since ``since`` above (below) the session's close."""
    series = window.series
    closes = series.prices["Close"].loc[since:session]
    if session not in closes.index:
        raise InsufficientDataError(f"no {claim.ticker} close on {session.date()}")
    target = closes.loc[session]
    beyond = closes[closes > target] if direction == "up" else closes[closes < target]
    word = "higher" if direction == "up" else "lower"
    if beyond.empty:
        verdict = Verdict.CORRECT
        reason = f"no close since {since.date()} was {word} ({len(closes)} sessions)"
    else:
        verdict = Verdict.FALSE
        top = beyond.sort_values(ascending=direction != "up").head(3)
        reason = f"{len(beyond)} closes since {since.date()} were {word}, e.g. " + ", ".join(
            f"{d.date()} {v:,.2f}" for d, v in top.items()
        )
    return ClaimCheck(
        claim,
        verdict,
        f"{claim.entity} ({claim.ticker}) closed at {target:,.2f} on "
        f"{session.date()}: {reason} ({series.basis} prices).",
        realized=float(target),
        basis="close_level",
        session=session.date(),
        nominal_session=session.date(),
        evidence=LevelRecordEvidence(PriceSource.of(series), how, len(beyond), len(closes)),
        window=window,
    )
