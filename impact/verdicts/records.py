"""Records: is the session's move, level, crossing, extreme or streak what the text says?

The session is the qualified claim's (its matched session and basis), else the claim's own
sessions (every session of a range, the one that holds named). The window is the sessions after
``record_since`` (exclusive; None: the listing) up to the session, or to ``record_until``. By kind
(``record_of``):

- ``move``: the session's one-session move ranks first in the window on its basis (the qualified
  move's: close to close or the intraday extreme); ``misleading`` when it ranks first only on the
  other basis; ``week_move`` the same on Friday-to-Friday moves, ``month_move`` /
  ``quarter_move`` / ``year_move`` on moves between period-end closes (the session's period up to
  its close);
- ``level``: no close (or high/low, when the text says intraday) in the window beyond the
  session's;
- ``threshold``: the session is beyond the mark and no session of the window was;
- ``window_extreme``: the window's high (low) equals the stated level, within the level tolerance
  (``mostly_correct`` in its vendor band);
- ``streak``: exactly n consecutive lower (higher) closes end at the session; ``record_streak``:
  n consecutive closes above every earlier close; ``week_streak`` / ``month_streak``: the same on
  weekly (Friday) or month-end closes, the last period ending at the session; ``longest_streak``:
  the run ending at the session is longer than every run that ended inside the window.

An anchor day ("since a 15.7% jump on April 29") must itself be at least as large; an anchor whose
day is not known (a named event the lexicon does not date) is ``insufficient_data``. A window that
starts before the data (or at the listing, whose date is not known here) is ``insufficient_data``
unless the data inside it already contradict the claim, which is then ``false``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from impact import measures
from impact.claims.model import Claim
from impact.errors import InsufficientDataError
from impact.tolerance import DEFAULT_TOLERANCE
from impact.verdicts.evidence import PriceSource
from impact.verdicts.evidence_records import (
    MoveRecordEvidence,
    RecordFinding,
    RecordHow,
    RecordWindow,
)
from impact.verdicts.explain import BASIS_WORDS, signed
from impact.verdicts.model import ClaimCheck, Verdict
from impact.verdicts.window import MarketWindow

__all__ = ["check_record"]

_ONE_SESSION = {"close_to_close", "intraday_high", "intraday_low"}
_PREFERENCE = (Verdict.CORRECT, Verdict.MOSTLY_CORRECT, Verdict.INSUFFICIENT_DATA)


@dataclass(frozen=True, slots=True)
class _Judged:
    """One session's verdict, why, and what it rests on."""

    verdict: Verdict
    reason: str
    session: pd.Timestamp
    basis: str
    realized: float | None
    evidence: MoveRecordEvidence | RecordFinding


@dataclass(frozen=True, slots=True)
class _Case:
    claim: Claim
    prices: pd.DataFrame
    source: PriceSource
    how: RecordHow
    basis: str  # the qualified move's basis, for one-session moves
    direction: str


def _sessions(
    claim: Claim, window: MarketWindow, attached: ClaimCheck | None
) -> tuple[list[pd.Timestamp], str, RecordHow]:
    if attached is not None and attached.session:
        how = RecordHow(attached.claim.id, None)
        # a crossing's mark says nothing about the day: the day the text gives its claim
        day = attached.nominal_session if claim.record_of == "threshold" else None
        return [pd.Timestamp(day or attached.session)], attached.basis or "close_to_close", how
    sessions = window.sessions
    if sessions is None:
        raise InsufficientDataError("the record's session is not known")
    found = [sessions.nominal] if sessions.nominal is not None else list(sessions.candidates)
    return found, "close_to_close", RecordHow(None, sessions.how)


def _window(case: _Case, session: pd.Timestamp, values: pd.Series) -> RecordWindow:
    """The record's window; an anchor day is the session on or before it in ``values``."""
    claim = case.claim
    end = pd.Timestamp(claim.record_until) if claim.record_until else session
    first = case.prices.index[0].date()
    if not claim.record_anchor or claim.record_since is None:
        return RecordWindow(claim.record_since, end.date(), first)
    day = pd.Timestamp(claim.record_since)
    held = values.loc[:day]
    if held.empty or day.date() < first or session not in values.index:  # nothing to compare
        return RecordWindow(claim.record_since, end.date(), first, anchor=day.date())
    value, target = float(held.iloc[-1]), float(values.loc[session])
    holds = value <= target if case.direction == "down" else value >= target
    return RecordWindow(claim.record_since, end.date(), first, day.date(), value, holds)


def _start(w: RecordWindow) -> pd.Timestamp | None:
    return None if w.start is None else pd.Timestamp(w.start)


def _near_edge(w: RecordWindow, dates) -> bool:
    """Every contradicting session lies in the month after a window that starts at a month's
    end ("since September 2023" with the last crossing on October 5): off by days."""
    start = w.start
    if start is None or w.anchor is not None or len(dates) == 0:
        return False
    month_end = (start + dt.timedelta(days=1)).day == 1
    return month_end and all(d.date() <= start + dt.timedelta(days=31) for d in dates)


def _settle(
    w: RecordWindow, contradicted: bool, holds: str, fails: str, near: bool = False
) -> tuple[Verdict, str]:
    """The verdict once the data inside the window are read (module docstring)."""
    if contradicted and near and not w.before_data:
        return Verdict.MOSTLY_CORRECT, f"{fails}: only just after the period the text names"
    if contradicted:
        if w.before_data:
            return Verdict.FALSE, f"{fails}, even within the data, which begin {w.data_first}"
        return Verdict.FALSE, fails
    if w.anchor_holds is False:
        return Verdict.FALSE, f"{holds}, but the anchor day {w.anchor} was smaller"
    if w.before_data:
        start = "the listing (a date not known here)" if w.start is None else str(w.start)
        return Verdict.INSUFFICIENT_DATA, (
            f"{holds} within the data, but the window reaches back to {start} and the data "
            f"begin {w.data_first}"
        )
    return Verdict.CORRECT, holds


def _fmt(value: float, percent: bool) -> str:
    return signed(100 * value) if percent else f"{value:,.2f}"


def _listed(items: tuple, percent: bool) -> str:
    return ", ".join(f"{d} {_fmt(v, percent)}" for d, v in items[:3])


def _judge_move(case: _Case, session: pd.Timestamp) -> _Judged:
    """A one-session move record on its own basis and the other (module docstring)."""
    direction = case.direction
    primary = case.basis if case.basis in _ONE_SESSION else "close_to_close"
    other = "intraday_low" if direction == "down" else "intraday_high"
    bases = [primary] + [b for b in ("close_to_close", other) if b != primary]
    moves = {
        b: measures.daily_moves(
            case.prices, "close_to_close" if b == "close_to_close" else "intraday", direction
        )
        for b in bases
    }
    w = _window(case, session, moves[primary])
    end = pd.Timestamp(w.end)
    ranks = {
        b: measures.rank_in_window(v, session, _start(w), end, direction) for b, v in moves.items()
    }
    first = ranks[primary]
    word = BASIS_WORDS[primary]
    holds = f"no session moved as much ({first.sessions} sessions, {word})"
    fails = (
        f"it ranks {first.rank} of {first.sessions} sessions on {word}; larger: "
        f"{_listed(first.larger, True)}"
    )
    verdict, reason = _settle(w, first.rank > 1, holds, fails)
    alone = next((b for b, r in ranks.items() if b != primary and r.rank == 1), None)
    if verdict is Verdict.FALSE and alone and not w.before_data and w.anchor_holds is not False:
        verdict, reason = Verdict.MISLEADING, f"a record only on {BASIS_WORDS[alone]}; {fails}"
    before = first.last_larger_before
    if before and verdict is not Verdict.FALSE:
        reason += (
            f"; the last larger move before the window was on {before[0]} ({_fmt(before[1], True)})"
        )
    evidence = MoveRecordEvidence(case.source, case.how, tuple(ranks.items()), w)
    return _Judged(verdict, reason, session, primary, None, evidence)


def _finding(
    case: _Case,
    w: RecordWindow,
    measure: str,
    session: pd.Timestamp,
    value: float,
    *,
    rank: int | None = None,
    sessions: int | None = None,
    over: pd.Series | None = None,
    count: int | None = None,
    stated: float | None = None,
) -> RecordFinding:
    items = _pairs(over) if over is not None else ()
    kind = case.claim.record_of or "level"
    return RecordFinding(
        case.source, case.how, kind, measure, w, session.date(), value, rank, sessions, items,
        count, stated,
    )  # fmt: skip


def _level_values(case: _Case) -> tuple[pd.Series, str]:
    if case.claim.basis_cue == "extreme" or case.basis in {"intraday_high", "intraday_low"}:
        column = "Low" if case.direction == "down" else "High"
        return case.prices[column], column.lower()
    return case.prices["Close"], "close"


def _judge_level(case: _Case, session: pd.Timestamp) -> _Judged:
    """No value in the window beyond the session's."""
    values, measure = _level_values(case)
    if session not in values.index:
        raise InsufficientDataError(f"no {measure} for {session.date()} in the data")
    w = _window(case, session, values)
    window = measures.in_window(values, _start(w), pd.Timestamp(w.end)).drop(
        session, errors="ignore"
    )
    value = float(values.loc[session])
    over = measures.beyond(window, value, case.direction)
    word = "higher" if case.direction == "up" else "lower"
    holds = f"no {measure} in the window was {word} ({len(window)} sessions)"
    fails = f"{len(over)} sessions had a {word} {measure}, e.g. {_listed(_pairs(over), False)}"
    verdict, reason = _settle(w, not over.empty, holds, fails, _near_edge(w, over.index))
    reason = f"its {measure} {value:,.2f}: {reason}"
    evidence = _finding(
        case, w, measure, session, value, rank=len(over) + 1, sessions=len(window) + 1, over=over
    )
    return _Judged(verdict, reason, session, f"{measure}_level", value, evidence)


def _pairs(series: pd.Series) -> tuple:
    return tuple((d.date(), float(v)) for d, v in series.items())


def _judge_threshold(case: _Case, session: pd.Timestamp) -> _Judged:
    """The session is beyond the mark and no session of the window was."""
    claim = case.claim
    values, measure = _level_values(case)
    mark = float(claim.magnitude or 0.0)
    w = _window(case, session, values)
    value = float(values.loc[session])
    crossed = value < mark if case.direction == "down" else value > mark
    earlier = measures.crossings(values, mark, case.direction, _start(w), session)
    side = "below" if case.direction == "down" else "above"
    if not crossed:
        verdict, reason = Verdict.FALSE, f"its {measure} {value:,.2f} is not {side} {mark:g}"
    else:
        holds = f"its {measure} {value:,.2f} is {side} {mark:g} and no earlier session was"
        fails = (
            f"its {measure} {value:,.2f} is {side} {mark:g}, but {len(earlier)} earlier "
            f"sessions were too, e.g. {_listed(_pairs(earlier), False)}"
        )
        verdict, reason = _settle(w, not earlier.empty, holds, fails, _near_edge(w, earlier.index))
    evidence = _finding(
        case, w, measure, session, value, rank=len(earlier) + 1, over=earlier, stated=mark
    )
    return _Judged(verdict, reason, session, f"{measure}_level", value, evidence)


def _judge_extreme(case: _Case, session: pd.Timestamp) -> _Judged:
    """The window's high (low) equals the stated level."""
    claim = case.claim
    values, measure = _level_values(case)
    if session not in values.index:
        raise InsufficientDataError(f"no {measure} for {session.date()} in the data")
    w = _window(case, session, values)
    day, extreme = measures.window_extreme(values, _start(w), session, case.direction)
    stated = float(claim.magnitude or 0.0)
    fit = DEFAULT_TOLERANCE.judge(
        extreme, stated, claim.precision or 0, claim.hedge, absolute_band=False
    ).fit
    word = "lowest" if case.direction == "down" else "highest"
    said = f"the {word} {measure} of the window is {extreme:,.2f} on {day.date()}"
    beyond_stated = extreme < stated if case.direction == "down" else extreme > stated
    if fit in {"exact", "band"}:
        verdict, reason = _settle(w, False, said, said)
        if verdict is Verdict.CORRECT and fit == "band":
            verdict, reason = (
                Verdict.MOSTLY_CORRECT,
                f"{said}, within the band for vendor differences",
            )
    elif w.before_data and not beyond_stated:
        verdict, reason = _settle(w, False, said, said)
    else:
        verdict, reason = Verdict.FALSE, f"{said}, not {stated:g}"
    evidence = _finding(case, w, measure, session, extreme, stated=stated)
    return _Judged(verdict, reason, session, f"{measure}_level", extreme, evidence)


def _judge_streak(case: _Case, session: pd.Timestamp) -> _Judged:
    """Exactly n consecutive lower (higher) closes, or record closes, end at the session."""
    claim = case.claim
    closes = case.prices["Close"]
    n = claim.record_count or 0
    records = claim.record_of == "record_streak"
    if records:
        count = measures.record_close_streak(closes, session)
        what = "closes above every earlier close of the data"
    else:
        count = measures.streak_length(closes, session, case.direction)
        what = f"{'lower' if case.direction == 'down' else 'higher'} closes"
    w = RecordWindow(
        None if records else closes.index[0].date(), session.date(), closes.index[0].date()
    )
    said = f"{count} consecutive {what} end on {session.date()}"
    reached_start = count >= int(closes.index.get_loc(session))
    if count == n and not (records or reached_start):
        verdict, reason = Verdict.CORRECT, said
    elif records and count >= n:
        verdict, reason = _settle(w, False, said, said)
    elif reached_start and count < n:
        verdict, reason = Verdict.INSUFFICIENT_DATA, f"{said}, back to the first row of the data"
    else:
        verdict, reason = Verdict.FALSE, f"{said}, not {n}"
    evidence = _finding(
        case, w, "consecutive_closes", session, float(count), count=count, stated=float(n)
    )
    return _Judged(verdict, reason, session, "close_to_close", None, evidence)


def _judge_longest_streak(case: _Case, session: pd.Timestamp) -> _Judged:
    """The run of lower (higher) closes ending at the session is longer than every other run
    that ended inside the window."""
    closes = case.prices["Close"]
    count = measures.streak_length(closes, session, case.direction)
    w = _window(case, session, closes)
    longest, ended = measures.longest_earlier_streak(closes, session, case.direction, _start(w))
    what = f"consecutive {'lower' if case.direction == 'down' else 'higher'} closes"
    said = f"{count} {what} end on {session.date()}"
    if count < 2:
        verdict, reason = Verdict.FALSE, f"no run of {what}: {said}"
    elif count >= int(closes.index.get_loc(session)):
        verdict, reason = Verdict.INSUFFICIENT_DATA, f"{said}, back to the first row of the data"
    else:
        longer = f"{said}, but {longest} ended on {ended.date() if ended is not None else '?'}"
        holds = f"{said}; the longest run before it in the window: {longest}"
        verdict, reason = _settle(w, longest >= count, holds, longer)
    evidence = _finding(case, w, "consecutive_closes", session, float(count), count=count)
    return _Judged(verdict, reason, session, "close_to_close", None, evidence)


def _judge_week(case: _Case, session: pd.Timestamp) -> _Judged:
    """The week's Friday-to-Friday move ranks first among the window's weeks."""
    weekly = measures.weekly_moves(case.prices["Close"])
    week = measures.week_of(weekly, session)
    w = _window(case, week, weekly)
    rank = measures.rank_in_window(
        weekly, week, _start(w), max(pd.Timestamp(w.end), week), case.direction
    )
    holds = f"no week moved as much ({rank.sessions} weeks, Friday to Friday)"
    fails = (
        f"the week to {week.date()} ranks {rank.rank} of {rank.sessions} weeks; larger: "
        f"{_listed(rank.larger, True)}"
    )
    verdict, reason = _settle(w, rank.rank > 1, holds, fails)
    evidence = MoveRecordEvidence(case.source, case.how, (("weekly_close", rank),), w)
    return _Judged(verdict, reason, week, "weekly_close", None, evidence)


_PERIODS = {"week_streak": ("W-FRI", "weekly (Friday)"), "month_streak": ("ME", "month-end")}
_DAYS_OLD = pd.Timedelta(days=7)
_PERIOD_MOVES = {
    "month_move": ("ME", "month", "month-end"), "quarter_move": ("QE", "quarter", "quarter-end"),
    "year_move": ("YE", "year", "year-end"),
}  # fmt: skip


def _judge_period_move(case: _Case, session: pd.Timestamp) -> _Judged:
    """The move of the month (quarter, year) holding the session, from the previous period's
    last close to the session's close, ranks first among the window's periods (each from one
    period-end close to the next). With no figure to attach to, a period only days old at the
    session is not the one meant: the period before it is."""
    rule, unit, words = _PERIOD_MOVES[case.claim.record_of or "month_move"]
    closes = case.prices["Close"].loc[:session]
    periodic = closes.resample(rule).last().dropna()
    moves = (periodic / periodic.shift(1) - 1).dropna()
    if moves.empty:
        raise InsufficientDataError(f"no complete {unit} before {session.date()} in the data")
    label = moves.index[-1]
    if case.how.attached_to is None and len(moves) > 1 and session - moves.index[-2] <= _DAYS_OLD:
        moves, label = moves.iloc[:-1], moves.index[-2]  # "war es das schwächste Quartal"
    w = RecordWindow(case.claim.record_since, label.date(), periodic.index[0].date())
    rank = measures.rank_in_window(moves, label, _start(w), label, case.direction)
    holds = f"no {unit} moved as much ({rank.sessions} {unit}s, {words} closes)"
    fails = (
        f"the {unit} to {label.date()} ({_fmt(float(moves.loc[label]), True)}) ranks {rank.rank} "
        f"of {rank.sessions} {unit}s; larger: {_listed(rank.larger, True)}"
    )
    verdict, reason = _settle(w, rank.rank > 1, holds, fails)
    before = rank.last_larger_before
    if before and verdict is not Verdict.FALSE:
        reason += (
            f"; the last larger {unit} before the window: {before[0]} ({_fmt(before[1], True)})"
        )
    evidence = MoveRecordEvidence(case.source, case.how, ((f"{words}_close", rank),), w)
    last = closes.loc[:label].index[-1]
    return _Judged(verdict, reason, last, f"{words}_close", None, evidence)


def _judge_period_streak(case: _Case, session: pd.Timestamp) -> _Judged:
    """Exactly n consecutive lower (higher) weekly or month-end closes end with the period that
    holds the session (its last close up to the session)."""
    claim = case.claim
    rule, words = _PERIODS[claim.record_of or "week_streak"]
    closes = case.prices["Close"].loc[:session]
    if closes.empty:
        raise InsufficientDataError(f"no close on or before {session.date()} in the data")
    periodic = closes.resample(rule).last().dropna()
    label, n = periodic.index[-1], claim.record_count or 0
    count = measures.streak_length(periodic, label, case.direction)
    what = f"{'lower' if case.direction == 'down' else 'higher'} {words} closes"
    w = RecordWindow(closes.index[0].date(), session.date(), closes.index[0].date())
    said = f"{count} consecutive {what} end with the period to {session.date()}"
    reached_start = count >= len(periodic) - 1
    if count == n and not reached_start:
        verdict, reason = Verdict.CORRECT, said
    elif reached_start and count < n:
        verdict, reason = Verdict.INSUFFICIENT_DATA, f"{said}, back to the first row of the data"
    else:
        verdict, reason = Verdict.FALSE, f"{said}, not {n}"
    evidence = _finding(
        case, w, f"consecutive_{words.split()[0]}_closes", session, float(count), count=count,
        stated=float(n),
    )  # fmt: skip
    return _Judged(verdict, reason, session, "close_to_close", None, evidence)


_JUDGES = {
    "move": _judge_move,
    "week_move": _judge_week,
    "month_move": _judge_period_move,
    "quarter_move": _judge_period_move,
    "year_move": _judge_period_move,
    "level": _judge_level,
    "threshold": _judge_threshold,
    "window_extreme": _judge_extreme,
    "streak": _judge_streak,
    "record_streak": _judge_streak,
    "longest_streak": _judge_longest_streak,
    "week_streak": _judge_period_streak,
    "month_streak": _judge_period_streak,
}


def _best(judged: list[_Judged]) -> _Judged:
    """The nominal session's verdict; of a range's sessions, the first that holds (or the
    first that cannot be told), else the first."""
    for wanted in _PREFERENCE:
        found = next((j for j in judged if j.verdict is wanted), None)
        if found is not None:
            return found
    return judged[0]


def check_record(claim: Claim, window: MarketWindow, attached: ClaimCheck | None) -> ClaimCheck:
    """The verdict of a record claim (module docstring)."""
    if claim.record_anchor and claim.record_since is None:
        raise InsufficientDataError(
            f"the record's window starts at an event whose date is not known here ({claim.text!r})"
        )
    series = window.series
    sessions, basis, how = _sessions(claim, window, attached)
    direction = claim.direction if claim.direction in {"up", "down"} else "up"
    case = _Case(claim, series.prices, PriceSource.of(series), how, basis, direction)
    kind = claim.record_of or ("level" if claim.record_basis == "level" else "move")
    judged, failed = [], None
    for session in sessions:
        try:
            judged.append(_JUDGES[kind](case, session))
        except InsufficientDataError as exc:
            failed = exc
    if not judged:
        raise failed or InsufficientDataError("no session to judge the record on")
    best = _best(judged)
    which = "" if len(sessions) == 1 else f" (one of {len(sessions)} sessions the text allows)"
    window_words = best.evidence.window.describe() if best.evidence.window else ""
    return ClaimCheck(
        claim,
        best.verdict,
        f"{claim.entity} ({claim.ticker}) on {best.session.date()}{which}: {best.reason}; "
        f"window {window_words}.",
        realized=best.realized,
        basis=best.basis,
        session=best.session.date(),
        nominal_session=sessions[0].date() if len(sessions) == 1 else None,
        evidence=best.evidence,
        window=window,
    )
