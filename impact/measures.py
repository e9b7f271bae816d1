"""Measures on a price series: pure functions, returns as fractions.

- close to close on session t: r = C_t / C_{t-1} − 1 (C_{t-1}: the previous row of the series);
- intraday extreme on t: H_t / C_{t-1} − 1 for a rise, L_t / C_{t-1} − 1 for a fall;
- to the open on t: O_t / C_{t-1} − 1;
- period return from base session b to end session e: C_e / C_b − 1 (YTD: b = last session of the
  prior year; MTD: b = last session before the month; since a date: b = last session before it);
- period extreme from b to e: max_{b<s≤e} H_s / C_b − 1 for a rise, min L_s / C_b − 1 for a fall;
- every move also carries its change in price units (points for an index): end − base price;
- record rank: the number of sessions in [since, t] whose move on the same basis is >= the move
  on t (for a fall: <=), 1 meaning t is the largest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import InsufficientDataError

__all__ = [
    "Move",
    "Rank",
    "close_to_close",
    "intraday_extreme",
    "period_extreme",
    "period_return",
    "rank_move",
    "to_open",
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
