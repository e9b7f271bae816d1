"""Exchange sessions, on exchange_calendars (the only module that imports it).

Vocabulary as in exchange_calendars: a *session* is a tz-naive date label of a trading day; a
*timestamp* is a tz-aware instant. Which exchange (ISO 10383 MIC) a ticker trades on, and that
exchange's currency and time zone, are listing facts: they live in :mod:`impact.listings`
(``mic_for_ticker``, ``MIC_TIMEZONE``, ...) and are re-exported here unchanged.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import exchange_calendars as xcals
import pandas as pd

from impact.errors import NotASessionError, UnknownListingError

# Listing facts live in impact.listings; re-exported here for callers that import them from here.
from impact.listings import (
    INDEX_MIC,
    MIC_CURRENCY,
    MIC_TIMEZONE,
    MINOR_UNITS,
    SUFFIX_MIC,
    in_major_unit,
    mic_for_ticker,
    quote_currency,
)

__all__ = [
    "INDEX_MIC",
    "MIC_CURRENCY",
    "MIC_TIMEZONE",
    "MINOR_UNITS",
    "SUFFIX_MIC",
    "first_session_closing_after",
    "get_calendar",
    "in_major_unit",
    "is_session",
    "last_session_before_month",
    "last_session_of_prior_year",
    "latest_completed_session",
    "mic_for_ticker",
    "next_session",
    "previous_session",
    "quote_currency",
    "session_on_or_after",
    "session_on_or_before",
    "sessions_in_range",
]

DateLike = str | dt.date | pd.Timestamp


@cache
def get_calendar(mic: str) -> xcals.ExchangeCalendar:
    """The exchange_calendars calendar for a MIC, built once per process (from 2000 on)."""
    try:
        return xcals.get_calendar(mic, start="2000-01-03")
    except Exception as exc:  # exchange_calendars raises its own InvalidCalendarName
        raise UnknownListingError(f"exchange {mic!r} has no calendar: {exc}") from None


def _date(value: DateLike, param: str = "date") -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise NotASessionError(f"{param} {value!r} is not a date (expected YYYY-MM-DD)") from None
    if ts is pd.NaT:
        raise NotASessionError(f"{param} {value!r} is not a date (expected YYYY-MM-DD)")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def _bounded(mic: str, ts: pd.Timestamp, param: str) -> pd.Timestamp:
    cal = get_calendar(mic)
    if ts < cal.first_session or ts > cal.last_session:
        raise NotASessionError(
            f"{param} {ts.date()} is outside the {mic} calendar "
            f"({cal.first_session.date()}..{cal.last_session.date()})"
        )
    return ts


def is_session(mic: str, date: DateLike) -> bool:
    """Whether the exchange trades on this date."""
    ts = _date(date)
    cal = get_calendar(mic)
    return bool(cal.first_session <= ts <= cal.last_session and cal.is_session(ts))


def sessions_in_range(mic: str, start: DateLike, end: DateLike) -> pd.DatetimeIndex:
    """Every session of the exchange with start <= session <= end (both inclusive)."""
    cal = get_calendar(mic)
    lo = max(_date(start, "start"), cal.first_session)
    hi = min(_date(end, "end"), cal.last_session)
    if lo > hi:
        return pd.DatetimeIndex([])
    return pd.DatetimeIndex(cal.sessions_in_range(lo, hi), freq=None)


def session_on_or_after(mic: str, date: DateLike) -> pd.Timestamp:
    """The date itself if it is a session, else the next session."""
    ts = _bounded(mic, _date(date), "date")
    return get_calendar(mic).date_to_session(ts, direction="next")


def session_on_or_before(mic: str, date: DateLike) -> pd.Timestamp:
    """The date itself if it is a session, else the previous session."""
    ts = _bounded(mic, _date(date), "date")
    return get_calendar(mic).date_to_session(ts, direction="previous")


def previous_session(mic: str, date: DateLike) -> pd.Timestamp:
    """The last session strictly before the date."""
    ts = _bounded(mic, _date(date), "date")
    return session_on_or_before(mic, ts - pd.Timedelta(days=1))


def next_session(mic: str, date: DateLike) -> pd.Timestamp:
    """The first session strictly after the date."""
    ts = _bounded(mic, _date(date), "date")
    return session_on_or_after(mic, ts + pd.Timedelta(days=1))


def _utc(ts: pd.Timestamp | dt.datetime | str) -> pd.Timestamp:
    stamp = pd.Timestamp(ts)
    if stamp.tzinfo is None:
        raise NotASessionError(f"timestamp {ts!s} has no time zone (expected e.g. +04:00 or UTC)")
    return stamp.tz_convert("UTC")


def latest_completed_session(mic: str, ts: pd.Timestamp | dt.datetime | str) -> pd.Timestamp:
    """The last session whose close is at or before the instant ``ts`` (tz-aware).

    During a session (including the Hong Kong lunch break) that is the previous session; on a
    weekend it is the Friday (or the last session before it).
    """
    cal = get_calendar(mic)
    stamp = _utc(ts)
    session = session_on_or_before(mic, stamp.tz_convert(MIC_TIMEZONE.get(mic, "UTC")).date())
    while cal.session_close(session) > stamp:
        session = previous_session(mic, session)
    return session


def first_session_closing_after(mic: str, ts: pd.Timestamp | dt.datetime | str) -> pd.Timestamp:
    """Day 0 of an event: the first session whose close is strictly after the instant ``ts``."""
    cal = get_calendar(mic)
    stamp = _utc(ts)
    local_date = stamp.tz_convert(MIC_TIMEZONE.get(mic, "UTC")).date()
    session = session_on_or_after(mic, local_date - dt.timedelta(days=1))
    while cal.session_close(session) <= stamp:
        session = next_session(mic, session)
    return session


def last_session_of_prior_year(mic: str, year: int) -> pd.Timestamp:
    """The base session of a year-to-date move: the last session of ``year - 1``."""
    return session_on_or_before(mic, dt.date(year - 1, 12, 31))


def last_session_before_month(mic: str, year: int, month: int) -> pd.Timestamp:
    """The base session of a month-to-date move: the last session before the 1st of the month."""
    return previous_session(mic, dt.date(year, month, 1))
