"""Figures printed during or outside the session, which daily prices cannot pin down.

- Pre-market and after-hours figures: ``unverifiable`` (daily prices hold the regular session).
- A print during the session ("in morning trading", "as of 2:05 p.m. ET", "zuletzt"): the
  day's range is all daily prices know. The claimed figure (signed, against the previous close
  for a move; the price for a level) inside the range widened by the vendor band: ``unverifiable``
  (it could have been printed), outside: ``false``; equal to the day's close (within its
  rounding): ``correct``. A print whose article was published after the session's close is a
  close and is judged as one (check.py).
- The day's extreme written while the session ran ("at midday, after an earlier jump of up
  to 3.5 per cent"): the extreme so far. When the full day's extreme went beyond the claimed
  figure and its band, daily prices cannot say what it was at writing time: ``unverifiable``;
  otherwise it is judged as an extreme (check.py).
"""

from __future__ import annotations

import pandas as pd

from impact import calendars
from impact.claims.model import Claim
from impact.tolerance import Tolerance
from impact.verdicts.evidence import DayRange, PriceSource
from impact.verdicts.model import ClaimCheck, Verdict
from impact.verdicts.window import MarketWindow

__all__ = ["after_close", "check_after_hours", "check_snapshot", "extreme_so_far", "flat_session"]


def after_close(claim: Claim, window: MarketWindow) -> bool:
    """Whether the article was published after the close of the claim's nominal session."""
    sessions = window.sessions
    if claim.published.time is None or sessions is None or sessions.nominal is None:
        return False
    close = calendars.get_calendar(window.series.mic).session_close(sessions.nominal)
    return pd.Timestamp(claim.published.time) >= close


def flat_session(window: MarketWindow) -> pd.Timestamp | None:
    """The claim's nominal session when its row records no trading (High = Low = Close and a
    volume of 0 on a day the exchange was open: a placeholder row, e.g. 9888.HK 2024-01-15),
    else None."""
    sessions = window.sessions
    if sessions is None or sessions.nominal is None:
        return None
    prices = window.series.prices
    if sessions.nominal not in prices.index or "High" not in prices:
        return None
    row = prices.loc[sessions.nominal]
    no_volume = "Volume" in prices and row["Volume"] == 0
    if row["High"] == row["Low"] == row["Close"] and no_volume:
        return sessions.nominal
    return None


def check_after_hours(claim: Claim, window: MarketWindow) -> ClaimCheck:
    return ClaimCheck(
        claim,
        Verdict.UNVERIFIABLE,
        f"{claim.entity} ({claim.ticker}): a pre-market or after-hours figure; the daily prices "
        "here hold the regular session only.",
        evidence=PriceSource.of(window.series),
        window=window,
    )


def _range(claim: Claim, prices: pd.DataFrame, session: pd.Timestamp) -> tuple[float, float]:
    row = prices.loc[session]
    if claim.kind == "level":
        return float(row["Low"]) / claim.scale, float(row["High"]) / claim.scale
    i = int(prices.index.get_loc(session))
    prev = float(prices["Close"].iloc[i - 1])
    return 100 * (float(row["Low"]) / prev - 1), 100 * (float(row["High"]) / prev - 1)


def _close_figure(claim: Claim, prices: pd.DataFrame, session: pd.Timestamp) -> float | None:
    """The session's close in the claim's terms: the price for a level, else the move (%)."""
    i = int(prices.index.get_loc(session))
    close = float(prices["Close"].iloc[i])
    if claim.kind == "level":
        return close / claim.scale
    if i == 0:
        return None
    return 100 * (close / float(prices["Close"].iloc[i - 1]) - 1)


def check_snapshot(claim: Claim, window: MarketWindow, tolerance: Tolerance) -> ClaimCheck:
    """The verdict of a figure printed during the session (module docstring)."""
    series, sessions = window.series, window.sessions
    assert sessions is not None
    session = sessions.nominal or sessions.candidates[-1]
    low, high = _range(claim, series.prices, session)
    size = claim.magnitude or 0.0
    claimed = -size if claim.direction == "down" and claim.kind != "level" else size
    _, band = tolerance.intervals(size, claim.precision or 0, "exact", claim.kind != "level")
    slack = band.hi - size
    inside = low - slack <= claimed <= high + slack
    unit = "%" if claim.kind != "level" else f" {series.currency}"
    what = f"{claimed:+.2f}%" if claim.kind != "level" else f"{claimed:,.2f}{unit}"
    span = (
        f"{low:+.2f}%..{high:+.2f}%" if claim.kind != "level" else f"{low:,.2f}..{high:,.2f}{unit}"
    )
    close = _close_figure(claim, series.prices, session)
    rounding, _ = tolerance.intervals(
        size, claim.precision or 0, "exact", half_unit=claim.half_unit
    )
    if close is not None and rounding.contains(abs(close)) and (close < 0) == (claimed < 0):
        verdict = Verdict.CORRECT  # the print is the day's close (written at or after it)
        shown = f"{close:+.2f}%" if claim.kind != "level" else f"{close:,.2f}{unit}"
        text = (
            f"{claim.entity} ({claim.ticker}): a figure printed during the session of "
            f"{session.date()}, and the day closed at it ({shown})."
        )
    elif inside:
        verdict = Verdict.UNVERIFIABLE
        text = (
            f"{claim.entity} ({claim.ticker}): a figure printed during the session of "
            f"{session.date()}; daily prices only say the day ranged {span}, and the claimed "
            f"{what} lies inside that range."
        )
    else:
        verdict = Verdict.FALSE
        text = (
            f"{claim.entity} ({claim.ticker}): the claimed {what} lies outside the whole range of "
            f"the session of {session.date()} ({span})."
        )
    evidence = DayRange(PriceSource.of(series), session.date(), low, high, claimed, unit.strip())
    return ClaimCheck(
        claim, verdict, text, session=session.date(), evidence=evidence, window=window
    )


def extreme_so_far(claim: Claim, window: MarketWindow, tolerance: Tolerance) -> ClaimCheck | None:
    """``unverifiable`` for an extreme written during the session that the full day's extreme
    went beyond (module docstring); None: judge it as the day's extreme."""
    series, sessions = window.series, window.sessions
    if sessions is None or claim.kind != "move" or claim.direction not in ("up", "down"):
        return None
    session = sessions.nominal or sessions.candidates[-1]
    if session not in series.prices.index or series.prices.index.get_loc(session) == 0:
        return None
    low, high = _range(claim, series.prices, session)
    size = claim.magnitude or 0.0
    _, band = tolerance.intervals(size, claim.precision or 0, "exact", True)
    reached = high if claim.direction == "up" else -low
    if reached <= band.hi:
        return None
    claimed = size if claim.direction == "up" else -size
    text = (
        f"{claim.entity} ({claim.ticker}): an extreme written during the session of "
        f"{session.date()}, so the extreme so far; the full day went to {reached:.2f}% "
        f"({low:+.2f}%..{high:+.2f}% against the previous close), beyond the claimed "
        f"{size:g}%, and daily prices cannot say where it stood when written."
    )
    evidence = DayRange(PriceSource.of(series), session.date(), low, high, claimed, "%")
    return ClaimCheck(
        claim, Verdict.UNVERIFIABLE, text, session=session.date(), evidence=evidence, window=window
    )
