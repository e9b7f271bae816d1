"""Exchange sessions, on exchange_calendars (the only module that imports it).

Vocabulary as in exchange_calendars: a *session* is a tz-naive date label of a trading day; a
*timestamp* is a tz-aware instant. An exchange's sessions and closes (from 2000-01-03 to a year
ahead, as exchange_calendars builds them) are kept as a :class:`SessionTable`; building one takes
a tenth of a second, so the table is also saved in the cache folder (``calendars/``, a .npz of
two integer arrays, keyed by the exchange, the exchange_calendars version and the day it was
built) and read from there by later runs that day. Which exchange (ISO 10383 MIC) a ticker trades on, and that
exchange's currency and time zone, are listing facts: they live in :mod:`impact.listings`
(``mic_for_ticker``, ``MIC_TIMEZONE``, ...) and are re-exported here unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np
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
    "SessionTable",
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


FIRST_SESSION = "2000-01-03"


@dataclass(frozen=True, eq=False)
class SessionTable:
    """An exchange's sessions (tz-naive labels) and each one's close (UTC), in order, with the
    part of exchange_calendars' interface this package uses."""

    mic: str
    sessions: np.ndarray  # int64 nanoseconds of the session labels, ascending
    closes: np.ndarray  # int64 nanoseconds (UTC) of each session's close

    @property
    def first_session(self) -> pd.Timestamp:
        return pd.Timestamp(int(self.sessions[0]))

    @property
    def last_session(self) -> pd.Timestamp:
        return pd.Timestamp(int(self.sessions[-1]))

    def _at(self, ts: pd.Timestamp) -> int:
        return int(np.searchsorted(self.sessions, pd.Timestamp(ts).as_unit("ns").value))

    def is_session(self, ts: pd.Timestamp) -> bool:
        i = self._at(ts)
        return i < len(self.sessions) and self.sessions[i] == pd.Timestamp(ts).as_unit("ns").value

    def sessions_in_range(self, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DatetimeIndex:
        i = self._at(lo)
        j = int(np.searchsorted(self.sessions, pd.Timestamp(hi).as_unit("ns").value, "right"))
        return pd.DatetimeIndex(self.sessions[i:j].astype("datetime64[ns]"))

    def date_to_session(self, ts: pd.Timestamp, direction: str) -> pd.Timestamp:
        """The date itself if it is a session, else the next (or previous) session."""
        i = self._at(ts)
        if not self.is_session(ts) and direction == "previous":
            i -= 1
        if not 0 <= i < len(self.sessions):
            raise NotASessionError(
                f"date {pd.Timestamp(ts).date()} is outside the {self.mic} calendar"
            )
        return pd.Timestamp(int(self.sessions[i]))

    def session_close(self, session: pd.Timestamp) -> pd.Timestamp:
        if not self.is_session(session):
            raise NotASessionError(f"{pd.Timestamp(session).date()} is not a {self.mic} session")
        return pd.Timestamp(int(self.closes[self._at(session)]), tz="UTC")


def _xcals_version() -> str:
    try:
        return version("exchange_calendars")
    except PackageNotFoundError:
        return "unknown"


def _table_file(mic: str) -> Path | None:
    """Where today's table of the exchange is kept (None: no cache folder)."""
    from impact.config import Settings

    try:
        root = Settings.from_env().cache_dir
    except Exception:  # a cache folder that cannot be named: build in memory
        return None
    return root / "calendars" / f"{mic}-{_xcals_version()}-{dt.date.today().isoformat()}.npz"


def _read_table(mic: str, path: Path) -> SessionTable | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            sessions, closes = data["sessions"], data["closes"]
    except (OSError, ValueError, KeyError):
        return None
    ok = sessions.dtype == closes.dtype == np.int64 and len(sessions) == len(closes) > 0
    if not ok or np.any(np.diff(sessions) <= 0):
        return None
    return SessionTable(mic, sessions, closes)


def _build_table(mic: str) -> SessionTable:
    import exchange_calendars as xcals  # slow to import and to build: only without a cache

    try:
        cal = xcals.get_calendar(mic, start=FIRST_SESSION)
    except Exception as exc:  # exchange_calendars raises its own InvalidCalendarName
        raise UnknownListingError(f"exchange {mic!r} has no calendar: {exc}") from None
    sessions = np.asarray(cal.sessions.as_unit("ns").asi8, dtype=np.int64)
    closes = np.asarray(cal.closes.dt.tz_convert("UTC").dt.as_unit("ns").astype("int64"))
    return SessionTable(mic, sessions, closes.astype(np.int64))


def _save_table(table: SessionTable, path: Path) -> None:
    """Write the table atomically; older tables of the exchange are removed. Never raises."""
    from impact.fileio import atomic_write_bytes

    with contextlib.suppress(OSError):
        import io

        buffer = io.BytesIO()
        np.savez(buffer, sessions=table.sessions, closes=table.closes)
        atomic_write_bytes(path, buffer.getvalue())
        for old in path.parent.glob(f"{table.mic}-*.npz"):
            if old != path:
                os.remove(old)


@cache
def get_calendar(mic: str) -> SessionTable:
    """The exchange's sessions from 2000-01-03 to a year ahead, built once per process (read
    from the cache folder when a run built them today)."""
    if not mic.isalnum():
        raise UnknownListingError(f"exchange {mic!r} has no calendar")
    path = _table_file(mic)
    table = _read_table(mic, path) if path is not None and path.is_file() else None
    if table is None:
        table = _build_table(mic)
        if path is not None:
            _save_table(table, path)
    return table


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
