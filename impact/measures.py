"""Measures on a price series: pure functions, returns as fractions.

- close to close on session t: r = C_t / C_{t-1} − 1 (C_{t-1}: the previous row of the series);
- intraday extreme on t: H_t / C_{t-1} − 1 for a rise, L_t / C_{t-1} − 1 for a fall;
- to the open on t: O_t / C_{t-1} − 1;
- period return from base session b to end session e: C_e / C_b − 1 (YTD: b = last session of the
  prior year; MTD: b = last session before the month; since a date: b = last session before it);
- period extreme from b to e: max_{b<s≤e} H_s / C_b − 1 for a rise, min L_s / C_b − 1 for a fall;
- every move also carries its change in price units (points for an index): end − base price;
- record rank: the number of sessions in [since, t] whose move on the same basis is >= the move
  on t (for a fall: <=), 1 meaning t is the largest (``rank_move``); ``rank_in_window`` ranks any
  values (moves, closes, highs, weekly moves) over the window (start, end], start exclusive;
- streak on t: the number of consecutive closes ending on t each below (above) the one before;
  record-close streak: consecutive closes each above every earlier close of the series;
- weekly move: the last close of a week ending on Friday over the previous week's (W-FRI);
- crossings: the sessions of a window beyond a mark; window extreme: its highest (lowest) value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import InsufficientDataError

__all__ = [
    "Move",
    "Rank",
    "beyond",
    "close_to_close",
    "crossings",
    "daily_moves",
    "in_window",
    "intraday_extreme",
    "period_extreme",
    "period_return",
    "rank_in_window",
    "rank_move",
    "record_close_streak",
    "streak_length",
    "to_open",
    "week_of",
    "weekly_moves",
    "window_extreme",
]


@dataclass(frozen=True, slots=True)
class Move:
    """A realized move: its value (fraction), basis, sessions and the prices it came from."""

    value: float
    basis: str
    base_session: pd.Timestamp
    end_session: pd.Timestamp
    base_price: float
    end_price: float

    @property
    def change(self) -> float:
        """The move in price units (index points, currency): end price − base price."""
        return self.end_price - self.base_price

    def to_dict(self) -> dict:
        return {
            "value_pct": 100 * self.value,
            "basis": self.basis,
            "base_session": self.base_session.date().isoformat(),
            "end_session": self.end_session.date().isoformat(),
            "base_price": self.base_price,
            "end_price": self.end_price,
        }


def _row(prices: pd.DataFrame, session: pd.Timestamp) -> int:
    try:
        return int(prices.index.get_loc(session))
    except KeyError:
        raise InsufficientDataError(f"no price row for session {session.date()}") from None


def close_to_close(prices: pd.DataFrame, session: pd.Timestamp) -> Move:
    i = _row(prices, session)
    if i == 0:
        raise InsufficientDataError(f"no session before {session.date()} in the data")
    prev, cur = float(prices["Close"].iloc[i - 1]), float(prices["Close"].iloc[i])
    return Move(cur / prev - 1, "close_to_close", prices.index[i - 1], session, prev, cur)


def intraday_extreme(prices: pd.DataFrame, session: pd.Timestamp, direction: str) -> Move:
    i = _row(prices, session)
    if i == 0:
        raise InsufficientDataError(f"no session before {session.date()} in the data")
    prev = float(prices["Close"].iloc[i - 1])
    column, basis = ("Low", "intraday_low") if direction == "down" else ("High", "intraday_high")
    extreme = float(prices[column].iloc[i])
    return Move(extreme / prev - 1, basis, prices.index[i - 1], session, prev, extreme)


def to_open(prices: pd.DataFrame, session: pd.Timestamp) -> Move:
    i = _row(prices, session)
    if i == 0:
        raise InsufficientDataError(f"no session before {session.date()} in the data")
    prev, opened = float(prices["Close"].iloc[i - 1]), float(prices["Open"].iloc[i])
    return Move(opened / prev - 1, "open", prices.index[i - 1], session, prev, opened)


def period_extreme(
    prices: pd.DataFrame, base: pd.Timestamp, end: pd.Timestamp, direction: str
) -> Move:
    b, e = _row(prices, base), _row(prices, end)
    if e <= b:
        raise InsufficientDataError(f"no session after {base.date()} up to {end.date()}")
    close = float(prices["Close"].iloc[b])
    column, basis = ("Low", "period_low") if direction == "down" else ("High", "period_high")
    window = prices[column].iloc[b + 1 : e + 1]
    extreme = float(window.min() if direction == "down" else window.max())
    return Move(extreme / close - 1, basis, base, end, close, extreme)


def period_return(prices: pd.DataFrame, base: pd.Timestamp, end: pd.Timestamp, basis: str) -> Move:
    b, e = (
        float(prices["Close"].iloc[_row(prices, base)]),
        float(prices["Close"].iloc[_row(prices, end)]),
    )
    return Move(e / b - 1, basis, base, end, b, e)


@dataclass(frozen=True, slots=True)
class Rank:
    rank: int
    sessions: int
    since: pd.Timestamp
    larger: tuple[tuple[str, float], ...]  # (session, move) of the sessions at least as large
    last_larger_before: tuple[str, float] | None  # the latest larger move before `since`


def rank_move(
    prices: pd.DataFrame, session: pd.Timestamp, since: pd.Timestamp, basis: str, direction: str
) -> Rank:
    """Rank of the move on ``session`` among all sessions from ``since`` to ``session``."""
    close = prices["Close"].to_numpy(float)
    prev = np.concatenate([[np.nan], close[:-1]])
    if basis == "close_to_close":
        moves = close / prev - 1
    else:
        column = "Low" if direction == "down" else "High"
        moves = prices[column].to_numpy(float) / prev - 1
    series = pd.Series(moves, index=prices.index)
    window = series.loc[since:session].dropna()
    if session not in window.index:
        raise InsufficientDataError(f"no move for {session.date()} since {since.date()}")
    target = window.loc[session]
    if direction == "down":
        larger = window[window <= target]
        earlier = series.loc[: since - pd.Timedelta(days=1)].dropna()
        before = earlier[earlier <= target]
    else:
        larger = window[window >= target]
        earlier = series.loc[: since - pd.Timedelta(days=1)].dropna()
        before = earlier[earlier >= target]
    others = larger.drop(session)
    ordered = others.sort_values(ascending=direction == "down")
    last_before = (
        (before.index[-1].date().isoformat(), float(before.iloc[-1])) if len(before) else None
    )
    return Rank(
        rank=len(others) + 1,
        sessions=len(window),
        since=window.index[0],
        larger=tuple((d.date().isoformat(), float(v)) for d, v in ordered.items()),
        last_larger_before=last_before,
    )


# ---- records: windows, streaks, weekly moves, crossings ----------------------------------------
# A record window is the sessions after ``start`` (exclusive; None: every row of the series) up
# to ``end`` (inclusive). "Beyond" means at least as large on the record's side: >= for a rise or
# a high, <= for a fall or a low.


def daily_moves(prices: pd.DataFrame, basis: str, direction: str) -> pd.Series:
    """One-session moves as fractions: close to close (``basis`` "close_to_close"), or the day's
    high (low, for a fall) against the previous close; the first row has none."""
    prev = prices["Close"].shift(1)
    if basis == "close_to_close":
        return (prices["Close"] / prev - 1).dropna()
    column = "Low" if direction == "down" else "High"
    return (prices[column] / prev - 1).dropna()


def in_window(values: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp) -> pd.Series:
    """The values of the sessions in (start, end]."""
    if start is None:
        return values.loc[:end]
    return values.loc[(values.index > start) & (values.index <= end)]


def beyond(values: pd.Series, target: float, direction: str) -> pd.Series:
    """The values at least as large as ``target`` on the record's side, largest first."""
    found = values[values <= target] if direction == "down" else values[values >= target]
    return found.sort_values(ascending=direction == "down")


def rank_in_window(
    values: pd.Series,
    session: pd.Timestamp,
    start: pd.Timestamp | None,
    end: pd.Timestamp,
    direction: str,
) -> Rank:
    """Rank of the value on ``session`` among the window's values (1: none other beyond it);
    the session counts even when ``end`` is later ("the current record, set on ...")."""
    if session not in values.index:
        raise InsufficientDataError(f"no value for {session.date()} in the data")
    target = float(values.loc[session])
    window = in_window(values, start, max(end, session))
    others = beyond(window.drop(session, errors="ignore"), target, direction)
    earlier = values.loc[: window.index[0] - pd.Timedelta(days=1)] if len(window) else values
    before = beyond(earlier, target, direction).sort_index()
    last = (before.index[-1].date().isoformat(), float(before.iloc[-1])) if len(before) else None
    return Rank(
        rank=len(others) + 1,
        sessions=len(window),
        since=window.index[0] if len(window) else session,
        larger=tuple((d.date().isoformat(), float(v)) for d, v in others.items()),
        last_larger_before=last,
    )


def streak_length(closes: pd.Series, session: pd.Timestamp, direction: str) -> int:
    """How many consecutive closes ending on ``session`` were each lower (``direction`` "down")
    or higher than the close before."""
    if session not in closes.index:
        raise InsufficientDataError(f"no close for {session.date()} in the data")
    upto = closes.loc[:session].to_numpy(float)
    steps = np.diff(upto)
    moved = steps < 0 if direction == "down" else steps > 0
    count = 0
    for step in moved[::-1]:
        if not step:
            break
        count += 1
    return count


def longest_earlier_streak(
    closes: pd.Series, session: pd.Timestamp, direction: str, after: pd.Timestamp | None
) -> tuple[int, pd.Timestamp | None]:
    """The longest run of consecutive lower (``direction`` "down") or higher closes that ends
    after ``after`` (None: anywhere in the data) and before the run ending on ``session`` began:
    (its length, its last session); (0, None) when there is none."""
    current = streak_length(closes, session, direction)
    upto = closes.loc[:session]
    steps = np.diff(upto.to_numpy(float))
    moved = (steps < 0 if direction == "down" else steps > 0)[: len(steps) - current]
    ends = upto.index[1 : len(moved) + 1]  # the session each step ends on
    best, best_end, run = 0, None, 0
    for step, end in zip(moved, ends, strict=True):
        run = run + 1 if step else 0
        if run and run >= best and (after is None or end > after):
            best, best_end = run, end
    return best, best_end


def record_close_streak(closes: pd.Series, session: pd.Timestamp) -> int:
    """How many consecutive closes ending on ``session`` were each above every earlier close of
    the series (records relative to its first row)."""
    if session not in closes.index:
        raise InsufficientDataError(f"no close for {session.date()} in the data")
    upto = closes.loc[:session]
    record = (upto > upto.cummax().shift(1)).to_numpy()
    count = 0
    for is_record in record[:0:-1]:  # the first row has nothing before it
        if not is_record:
            break
        count += 1
    return count


def weekly_moves(closes: pd.Series) -> pd.Series:
    """Friday-to-Friday moves: the last close of each week ending on a Friday against the week
    before's, labelled with the Friday."""
    weekly = closes.resample("W-FRI").last().dropna()
    return (weekly / weekly.shift(1) - 1).dropna()


def week_of(moves: pd.Series, session: pd.Timestamp) -> pd.Timestamp:
    """The label (a Friday) of the week holding ``session``."""
    later = moves.index[moves.index >= session.normalize()]
    if len(later) == 0:
        raise InsufficientDataError(f"no complete week in the data holds {session.date()}")
    return later[0]


def crossings(
    values: pd.Series, mark: float, direction: str, start: pd.Timestamp | None, end: pd.Timestamp
) -> pd.Series:
    """The sessions in (start, end) whose value was beyond ``mark`` (above it for "up")."""
    window = in_window(values, start, end)
    window = window[window.index < end]
    return window[window < mark] if direction == "down" else window[window > mark]


def window_extreme(
    values: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp, direction: str
) -> tuple[pd.Timestamp, float]:
    """The session and value of the window's highest value (lowest for "down")."""
    window = in_window(values, start, end)
    if window.empty:
        raise InsufficientDataError(f"no data in the window ending {end.date()}")
    day = window.idxmin() if direction == "down" else window.idxmax()
    return day, float(window.loc[day])
