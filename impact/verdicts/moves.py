"""Price moves: measured on every candidate session and basis, judged by the tolerance policy.

Measures: one-day claims on close to close and on the intraday extreme in the claimed direction
(both extremes when no direction is stated); period claims close to close from their base
session (sessions.py). The basis the wording implies: the intraday extreme for "bis zu", "as much
as" and intraday cues, close to close for one-day claims, the period close otherwise.

The verdict follows from where the matches are, the first that applies:
1. on the implied basis at the nominal session (or one as fair, sessions.py): ``correct``
   (exact) / ``mostly_correct`` (band);
2. only on another basis at the nominal session: ``misleading``;
3. a hedge "über/more than" far exceeded at the nominal session (tolerance.py): ``misleading``
   (true there, but the size is hidden), before any other session;
4. only at another candidate session: ``misleading`` when the date is firm, else
   ``mostly_correct``;
5. only on the company's other listing: ``misleading`` when the text named the listing, else
   ``mostly_correct``;
6. otherwise ``false`` (also when the direction is wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from impact import calendars
from impact.claims.model import Claim
from impact.measures import (
    Move,
    close_to_close,
    intraday_extreme,
    period_extreme,
    period_return,
    to_open,
)
from impact.prices import PriceSeries
from impact.tolerance import Fit, Tolerance
from impact.verdicts.evidence import TriedMove
from impact.verdicts.sessions import SessionChoice, base_session

__all__ = ["MoveFinding", "MoveOutcome", "implied_basis", "judge_move", "measure", "try_sessions"]

# what decided a move's verdict (the rules in the module docstring)
MoveFinding = Literal[
    "exact", "band", "other_basis", "other_session", "far", "twin", "wrong_direction", "outside"
]
_ONE_SESSION = {"one_day", "intraday", "unspecified", "record"}


@dataclass(frozen=True, slots=True)
class MoveOutcome:
    """The verdict of a move and what it rests on."""

    verdict: str
    finding: MoveFinding
    chosen: TriedMove | None  # the measurement that matched (None: nothing matched)
    reference: TriedMove | None  # the measurement reported (chosen, else the nominal one)
    tried: tuple[TriedMove, ...]
    implied: str
    firm: bool


def implied_basis(claim: Claim) -> str:
    """The basis the wording implies (module docstring)."""
    extreme = claim.horizon == "intraday" or claim.hedge == "up_to"
    if claim.horizon not in _ONE_SESSION:
        if extreme:
            return "period_low" if claim.direction == "down" else "period_high"
        return "period_close"
    if extreme:
        return "intraday_low" if claim.direction == "down" else "intraday_high"
    if claim.basis_cue == "open":
        return "open"
    return "close_to_close"


_FEW = (2, 3, 4, 5)  # "a few sessions": each is tried


def measure(claim: Claim, series: PriceSeries, session: pd.Timestamp) -> list[Move]:
    """The moves a claim is compared with on one session (module docstring)."""
    prices = series.prices
    direction = claim.direction if claim.direction in {"up", "down"} else "up"
    if claim.horizon in _ONE_SESSION:
        moves = [close_to_close(prices, session), intraday_extreme(prices, session, direction)]
        if claim.direction == "none":
            moves.append(intraday_extreme(prices, session, "down"))
        if claim.basis_cue == "open":
            moves.insert(0, to_open(prices, session))
        return moves
    if claim.horizon == "n_sessions" and claim.n_sessions is None:  # "in den vergangenen Tagen"
        i = int(prices.index.get_loc(session))
        bases = [prices.index[i - n] for n in _FEW if i - n >= 0]
        return [period_return(prices, b, session, "period_close") for b in bases]
    base = base_session(claim, series.mic, session, prices)
    if base >= session:
        return []  # a candidate session on or before the period's start measures nothing
    moves = [period_return(prices, base, session, "period_close")]
    if claim.horizon == "intraday" or claim.hedge == "up_to":
        moves.append(period_extreme(prices, base, session, direction))
    return moves


def try_sessions(
    claim: Claim, series: PriceSeries, sessions: Iterable[pd.Timestamp], tolerance: Tolerance
) -> tuple[TriedMove, ...]:
    """Every measure on every session, each judged."""
    tried = []
    in_units = claim.unit in {"points", "money"}
    for s in sessions:
        for move in measure(claim, series, s):
            realized = move.change / claim.scale if in_units else 100 * move.value
            judgement = tolerance.judge(
                realized,
                claim.magnitude or 0.0,
                claim.precision or 0,
                claim.hedge,
                claim.direction,
                absolute_band=not in_units,
                half_unit=claim.half_unit,
            )
            tried.append(TriedMove(s.date(), move, judgement))
    return tuple(tried)


def _pick(
    claim: Claim,
    tried: tuple[TriedMove, ...],
    nominal: pd.Timestamp | None,
    fits: set[Fit],
    basis_ok: Callable[[str], bool],
    session_ok: Callable[[pd.Timestamp], bool],
) -> TriedMove | None:
    found = [
        t
        for t in tried
        if t.fit in fits and basis_ok(t.move.basis) and session_ok(t.move.end_session)
    ]
    if not found:
        return None
    return min(
        found,
        key=lambda t: (
            t.move.end_session != nominal,
            abs(100 * abs(t.move.value) - (claim.magnitude or 0)),
        ),
    )


def reference(
    tried: tuple[TriedMove, ...], nominal: pd.Timestamp | None, implied: str
) -> TriedMove | None:
    """The measurement reported when nothing matched: the implied basis at the nominal session."""
    same = [t for t in tried if t.move.basis == implied]
    if nominal is not None:
        at = [t for t in same if t.move.end_session == nominal]
        if at:
            return at[0]
    return same[-1] if same else (tried[-1] if tried else None)


def judge_move(
    claim: Claim,
    tried: tuple[TriedMove, ...],
    sessions: SessionChoice,
    twin_fits: bool,
) -> MoveOutcome:
    """The verdict of a move claim (rules 1-6 of the module docstring)."""
    implied = implied_basis(claim)
    p = claim.published
    firm = p.firm and (not claim.unanchored or p.exact)
    nominal = sessions.nominal
    at_nominal = sessions.is_nominal
    same = lambda b: b == implied  # noqa: E731
    other = lambda b: b != implied  # noqa: E731
    anywhere = lambda s: True  # noqa: E731
    rules: list[tuple[str, MoveFinding, set[Fit], Callable, Callable]] = [
        ("correct", "exact", {"exact"}, same, at_nominal),
        ("mostly_correct", "band", {"band"}, same, at_nominal),
        ("misleading", "other_basis", {"exact", "band"}, other, at_nominal),
    ]
    rules.append(("misleading", "far", {"far"}, same, at_nominal))  # true there, size hidden
    if nominal is not None:
        verdict = "misleading" if firm else "mostly_correct"
        rules.append((verdict, "other_session", {"exact", "band"}, same, anywhere))
    for verdict, finding, fits, basis_ok, session_ok in rules:
        chosen = _pick(claim, tried, nominal, fits, basis_ok, session_ok)
        if chosen is not None:
            return MoveOutcome(verdict, finding, chosen, chosen, tried, implied, firm)
    ref = reference(tried, nominal, implied)
    if twin_fits:
        verdict = "misleading" if claim.listing_how == "named_in_text" else "mostly_correct"
        return MoveOutcome(verdict, "twin", None, ref, tried, implied, firm)
    wrong = ref is not None and ref.fit == "wrong_direction"
    finding: MoveFinding = "wrong_direction" if wrong else "outside"
    return MoveOutcome("false", finding, None, ref, tried, implied, firm)


def twin_session(twin_mic: str, own_mic: str, session: pd.Timestamp) -> pd.Timestamp:
    """The other listing's session that trades on the same news as ``session``: New York trades
    the same day or the next after Hong Kong; Hong Kong the next session after New York."""
    if twin_mic == "XNYS" and own_mic != "XNYS":
        return calendars.session_on_or_after(twin_mic, session)
    if own_mic == "XNYS" and twin_mic != "XNYS":
        return calendars.next_session(twin_mic, session)
    return session
