"""Which exchange sessions a claim is about, on the listing's own calendar.

- A claim with no date of its own about one day ("stieg um 9,1 Prozent") means the latest session
  of the listing's exchange completed at publication when the publication time is known. With
  the day only, it means the session of the publication day, and the session before is as fair a
  reading (the article may have been written before that day's close): a match on either is
  right, and the verdict says which. Other one-date claims mean the session on or before that
  date. The session before is a candidate too, and the one after when the date is not firm or
  was written in the sentence.
- A date known only as a range (a month) makes every session in it a candidate, with no nominal.
- The base of a move: the previous session (one day); the last session of the prior year (YTD);
  the last session before the month (MTD, a month); the last session before the start (since,
  week, quarter); n sessions back (n sessions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from impact import calendars
from impact.claims.model import Claim
from impact.errors import InsufficientDataError
from impact.prices import PriceSeries
from impact.verdicts.evidence import SessionsHow, SessionsShown

__all__ = ["SessionChoice", "base_session", "choose_sessions"]


@dataclass(frozen=True, slots=True)
class SessionChoice:
    """The candidate sessions of a claim, the nominal one (None for a range), the sessions that
    are as fair a reading as the nominal one, and how they were chosen."""

    candidates: tuple[pd.Timestamp, ...]
    nominal: pd.Timestamp | None
    how: SessionsHow
    fair: tuple[pd.Timestamp, ...] = ()

    def is_nominal(self, session: pd.Timestamp) -> bool:
        """Whether ``session`` is the nominal one or as fair a reading (any, for a range)."""
        return self.nominal is None or session == self.nominal or session in self.fair

    def shown(self) -> SessionsShown:
        nominal = None if self.nominal is None else self.nominal.date()
        return SessionsShown(nominal, self.how, tuple(s.date() for s in self.candidates))


def _nominal(
    claim: Claim, mic: str, day: dt.date
) -> tuple[pd.Timestamp, SessionsHow, tuple[pd.Timestamp, ...]]:
    """The nominal session of a one-date claim, how it was chosen, and the fair alternatives."""
    published = claim.published
    if claim.unanchored and claim.horizon in {"one_day", "intraday"}:
        if published.time:
            stamp = pd.Timestamp(published.time)
            how = SessionsHow("latest_completed", mic, day, stamp=stamp.isoformat())
            return calendars.latest_completed_session(mic, stamp), how, ()
        nominal = calendars.session_on_or_before(mic, day)
        fair = (calendars.previous_session(mic, nominal),) if nominal.date() == day else ()
        return nominal, SessionsHow("publication_day", mic, day), fair
    return calendars.session_on_or_before(mic, day), SessionsHow("on_or_before", mic, day), ()


def _may_follow_publication(claim: Claim, session: pd.Timestamp) -> bool:
    """A session an article can describe: on or before its publication day, or the day after
    (another market's session that had already closed when the article was written); a
    session days later (a Friday article's Monday) cannot be."""
    last = claim.published.end
    return last is None or session.date() <= last + dt.timedelta(days=1)


def choose_sessions(claim: Claim, series: PriceSeries) -> SessionChoice:
    """The claim's candidate sessions in ``series`` (rules in the module docstring)."""
    mic = series.mic
    if claim.end is None:
        raise InsufficientDataError(
            "the claim has no date and the article no publication date; give the publication date"
        )
    lo, hi = claim.end_earliest or claim.end, claim.end
    index = series.prices.index
    if lo == hi:
        nominal, how, fair = _nominal(claim, mic, hi)
        near = [calendars.previous_session(mic, nominal), nominal]
        if not claim.published.firm or not claim.unanchored:
            after = calendars.next_session(mic, nominal)
            if _may_follow_publication(claim, after):
                near.append(after)
        candidates = tuple(s for s in near if s <= series.last and s in index)
        if nominal not in index:
            raise InsufficientDataError(
                f"no {series.ticker} price for the session {nominal.date()} "
                f"(data {series.first.date()}..{series.last.date()})"
            )
        return SessionChoice(candidates, nominal, how, tuple(s for s in fair if s in index))
    sessions = tuple(s for s in calendars.sessions_in_range(mic, lo, hi) if s in index)
    if not sessions:
        raise InsufficientDataError(
            f"no {series.ticker} sessions between {lo} and {hi} "
            f"(data {series.first.date()}..{series.last.date()})"
        )
    return SessionChoice(sessions, None, SessionsHow("range", mic, hi, first_day=lo))


def _extreme_session(claim: Claim, end: pd.Timestamp, prices: pd.DataFrame) -> pd.Timestamp:
    """The session with the highest (lowest) close between the window's first and last day."""
    last = min(pd.Timestamp(claim.dates.until or end), end - pd.Timedelta(days=1))
    first = pd.Timestamp(claim.start)
    which = "high" if claim.dates.extreme == "high" else "low"
    if len(prices) and first < prices.index[0] - pd.Timedelta(days=7):  # "its record high"
        raise InsufficientDataError(
            f"the {which} the move is measured from may lie before the data, which begin "
            f"{prices.index[0].date()} (the window starts {claim.start})"
        )
    closes = prices["Close"].loc[first:last]
    if closes.empty:
        raise InsufficientDataError(
            f"no prices between {claim.start} and {last.date()} to find the {which} the move "
            "is measured from"
        )
    return closes.idxmax() if claim.dates.extreme == "high" else closes.idxmin()


def base_session(claim: Claim, mic: str, end: pd.Timestamp, prices: pd.DataFrame) -> pd.Timestamp:
    """The session a move is measured from (rules in the module docstring); when it has no
    price, the latest earlier session that has one."""
    start = claim.start
    rule = claim.dates.rule
    if rule == "from_extreme" and start is not None:
        return _extreme_session(claim, end, prices)
    if rule == "from_date" and start is not None:
        base = calendars.session_on_or_before(mic, start)
    elif claim.horizon in {"ytd", "year"}:
        base = calendars.last_session_of_prior_year(mic, start.year)  # type: ignore[union-attr]
    elif claim.horizon in {"mtd", "month"}:
        base = calendars.last_session_before_month(mic, start.year, start.month)  # type: ignore[union-attr]
    elif claim.horizon == "week":  # the week the end session lies in, from the close before it
        monday = end - pd.Timedelta(days=end.weekday())
        base = calendars.previous_session(mic, monday)
    elif claim.horizon in {"since", "quarter"}:
        base = calendars.previous_session(mic, start)  # type: ignore[arg-type]
    elif claim.horizon == "n_sessions":
        i = prices.index.get_loc(end)
        base = prices.index[max(0, i - (claim.n_sessions or 1))]
    else:
        base = calendars.previous_session(mic, end)
    if base not in prices.index:
        earlier = prices.index[prices.index <= base]
        if len(earlier) == 0:
            raise InsufficientDataError(f"no price on or before the base session {base.date()}")
        base = earlier[-1]
    return base
