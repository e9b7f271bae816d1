"""Explanations: one sentence a journalist could quote, generated from a verdict's values."""

from __future__ import annotations

from impact.claims.model import Claim
from impact.measures import Move
from impact.verdicts.evidence import TriedMove, TwinMove
from impact.verdicts.moves import MoveOutcome
from impact.verdicts.sessions import SessionChoice

__all__ = ["BASIS_WORDS", "move_explanation", "move_reason", "realized", "shown", "signed"]

BASIS_WORDS = {
    "close_to_close": "close to close",
    "intraday_high": "the intraday high against the previous close",
    "intraday_low": "the intraday low against the previous close",
    "period_close": "close to close over the period",
    "period_high": "the highest price over the period against its first close",
    "period_low": "the lowest price over the period against its first close",
    "open": "the open against the previous close",
    "reported": "reported figures",
}


def signed(value: float) -> str:
    return f"{value:+.2f}%"


def realized(claim: Claim, move: Move) -> float:
    """A move in the claim's unit: percent, or price units (points, currency) for an amount."""
    if claim.unit in {"points", "money"}:
        return move.change / claim.scale
    return 100 * move.value


def shown(claim: Claim, move: Move) -> str:
    """'+2.31%', or '-1,349.89 points' / '-1.92 USD' for a claim stated in price units."""
    if claim.unit == "points":
        return f"{realized(claim, move):+,.2f} points"
    if claim.unit == "money":
        return f"{realized(claim, move):+,.2f} {claim.currency or ''}".rstrip()
    return signed(100 * move.value)


def claim_unit(claim: Claim) -> str:
    return {"points": " points", "money": f" {claim.currency}"}.get(claim.unit or "", "%")


def hedged(claim: Claim, unit: str = "%") -> str:
    """'over 40%': the claim's hedge (if any), magnitude and unit."""
    hedge = claim.hedge.replace("_", " ") + " " if claim.hedge != "exact" else ""
    return f"{hedge}{claim.magnitude:g}{unit}"


def move_reason(claim: Claim, out: MoveOutcome, nominal, twin: TwinMove | None) -> str:
    """Why the verdict is what it is, in words (empty for a plain ``correct``)."""
    match out.finding:
        case "band":
            return "within the band for vendor differences"
        case "other_basis":
            return f"the wording implies {BASIS_WORDS[out.implied]}"
        case "other_session":
            assert out.chosen is not None
            firm = "" if out.firm else " (the article's date is not firm)"
            return (
                f"the number fits the session {out.chosen.session}, not the nominal "
                f"{nominal.date()}{firm}"
            )
        case "far":
            return (
                f"true, but the move was far larger than "
                f"'{claim.hedge.replace('_', ' ')} {claim.magnitude:g}%'"
            )
        case "twin":
            assert twin is not None
            return f"the number fits the other listing {twin.ticker} ({twin.fits_text()}), not {claim.ticker}"
        case "wrong_direction":
            return "the direction is wrong"
        case "outside":
            return "outside the tolerance on every basis and session tried"
    return ""


def _said(claim: Claim, t: TriedMove) -> str:
    m = t.move
    if m.basis == "period_close":
        return (
            f"{shown(claim, m)} from the close of {m.base_session.date()} to {m.end_session.date()}"
        )
    return f"{shown(claim, m)} ({BASIS_WORDS[m.basis]}) on {m.end_session.date()}"


def move_explanation(
    claim: Claim, ticker: str, out: MoveOutcome, sessions: SessionChoice, reason: str
) -> str:
    """The explanation of a move's verdict."""
    name = f"{claim.entity} ({ticker})"
    claimed = hedged(claim, claim_unit(claim))
    chosen, verdict, implied = out.chosen, out.verdict, out.implied
    nominal = sessions.nominal
    if chosen is not None and nominal is not None and chosen.move.end_session in sessions.fair:
        nominal = chosen.move.end_session  # as fair a reading as the nominal session
    same = [t for t in out.tried if t.move.basis == implied]
    at_nominal = next((t for t in same if t.move.end_session == nominal), None)
    if chosen is None and at_nominal is None and not same:
        return f"{name}: nothing could be measured for the claimed {claimed}."
    if (
        verdict in {"correct", "mostly_correct"}
        and chosen is not None
        and chosen.move.basis == implied
        and (nominal is None or chosen.move.end_session == nominal)
    ):
        extra = ""
        if nominal is None:
            fits = sorted({t.session for t in same if t.fit == chosen.fit})
            total = len({t.session for t in same})
            extra = (
                f"; it holds on {len(fits)} of {total} candidate sessions "
                f"({fits[0]}..{fits[-1]}), the article's date being a range"
            )
        verb = "bears out" if verdict == "correct" else "is close to"
        return f"{name} moved {_said(claim, chosen)}, which {verb} the claimed {claimed}{extra}."
    if chosen is not None and verdict in {"misleading", "mostly_correct"}:
        actual = ""
        if at_nominal is not None and at_nominal is not chosen:
            actual = (
                f"; on that basis it moved {shown(claim, at_nominal.move)} on {at_nominal.session}"
            )
        return (
            f"{name}: the claimed {claimed} matches {_said(claim, chosen)}, but {reason}{actual}."
        )
    if verdict in {"misleading", "mostly_correct"}:
        return f"{name}: {reason}; on {BASIS_WORDS[implied]} it moved {_said(claim, at_nominal or same[-1])}."
    if nominal is None and same:
        ordered = sorted(same, key=lambda t: t.move.value)
        return (
            f"{name} moved between {shown(claim, ordered[0].move)} and "
            f"{shown(claim, ordered[-1].move)} "
            f"({BASIS_WORDS[implied]}) on the {len({t.session for t in same})} candidate "
            f"sessions; the claimed {claimed} is not among them ({reason})."
        )
    ref = at_nominal or same[-1]
    others = [t for t in out.tried if t.session == ref.session and t is not ref]
    other_text = "".join(f"; {BASIS_WORDS[t.move.basis]}: {shown(claim, t.move)}" for t in others)
    return f"{name} moved {_said(claim, ref)}, not the claimed {claimed} ({reason}{other_text})."
