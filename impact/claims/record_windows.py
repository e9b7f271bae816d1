"""The window of a record phrase: "since May 2, 2019", "seit Anfang August", "in almost five
years", "of 2023", "seit dem Börsengang Ende 2019", "ever" (patterns in
lexicon_record_windows.py).

The window is the sessions after ``since`` (exclusive) up to the record's session:

- since YYYY -> after that year; since a month (with no year: the latest such month that ended
  before publication) -> after that month; a season -> after its last month; Anfang/Mitte/Ende
  (early/mid/late) of a month -> after its days 1-10 / 11-20 / 21-end, of a year -> after
  Jan-Apr / May-Aug / Sep-Dec; since last year -> after last year; since a named crisis -> after
  its end (after the year written with it, when a later one);
- since a day ("seit dem 5. Januar", "since Feb 21"; with no year the latest such day on or
  before publication), or an event on a day ("since a 15.7% jump on April 29 last year") -> that
  day, which is itself the earlier, as large event (``anchor``);
- "in almost n years", "seit n Monaten", "n-month low" -> n - 1/2 units before the session
  (n after "more than"): ``relative``, resolved once the session is known;
- "of/for YYYY", "this year" -> after the year before;
- all-time words ("ever", "in its record") and a listing the text does not date -> the listing,
  a date not known here (``all_time``); a dated listing ("since it went public in July 2018")
  -> before that period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from impact.claims.dates import month_range
from impact.claims.lexicon_records import EVENTS, RECORDS, SEASONS, count_of, month_of

__all__ = ["Window", "last_seen", "since_of", "window_after"]

_UNIT_DAYS = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.4}  # day: sessions
_OVER = {"more than", "over", "just over", "mehr als", "über", "gut"}
_UNITS = (
    ("year", "year"), ("jahrzehnt", "decade"), ("jahr", "year"), ("decade", "decade"),
    ("month", "month"), ("monat", "month"), ("week", "week"), ("woche", "week"), ("day", "day"),
    ("tag", "day"), ("session", "day"),
)  # fmt: skip
_CLAUSE_STOP = re.compile(r"[,;()–—]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"(?<=\s)\w")
_IN_PERIOD = re.compile(
    rf"\s*(?:(?<!\w)in|zuletzt\s+(?:im|am|in)?)\s*(?:{RECORDS.period.pattern})", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Window:
    """A record's window as written: the exclusive start, or a span before the session, or the
    listing / all time (``all_time``); ``end`` is where the phrase ends in the sentence."""

    since: dt.date | None = None
    anchor: bool = False
    relative: tuple[float, str] | None = None  # (units, unit) before the session
    all_time: bool = False
    end: int = 0


def since_of(window: Window | None, session: dt.date | None) -> dt.date | None:
    """The window's exclusive first day for a record about ``session``."""
    if window is None or window.relative is None:
        return None if window is None else window.since
    if session is None:
        return None
    units, unit = window.relative
    return session - dt.timedelta(days=round(units * _UNIT_DAYS[unit]))


def _latest(last_day: Callable[[int], dt.date], pe: dt.date | None) -> int | None:
    """The latest year whose period (``last_day(year)``) ended before publication."""
    if pe is None:
        return None
    return pe.year if last_day(pe.year) < pe else pe.year - 1


def _month_end(year: int, month: int) -> dt.date:
    return month_range(year + (month - 1) // 12, (month - 1) % 12 + 1)[1]


def _third(word: str) -> int:
    w = word.lower()
    if w.startswith(("mid", "mitte", "the middle")):
        return 1
    return 2 if w.startswith(("ende", "late", "the end")) else 0


def _day(g: dict, pe: dt.date | None) -> dt.date | None:
    month = g["m1"] or g["m2"] or g["m3"]
    number = month_of(month) if month else int(g["m4"])
    day = int(g["d1"] or g["d2"] or g["d3"] or g["d4"])
    year_text = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    try:
        if year_text:
            return dt.date(int(year_text), number, day)
        if pe is None:
            return None
        year = pe.year - 1 if g.get("lastyear") else pe.year
        found = dt.date(year, number, day)
        return found if found <= pe else dt.date(year - 1, number, day)
    except ValueError:
        return None


def _part(g: dict, pe: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Anfang/Mitte/Ende (early/mid/late) of a year or a month."""
    third = _third(g["part"])
    if g["pyo"]:
        year = int(g["pyo"])
        return dt.date(year, 4 * third + 1, 1), _month_end(year, 4 * third + 4)
    month = month_of(g["pm"])

    def last(y: int) -> dt.date:
        return _month_end(y, month) if third == 2 else dt.date(y, month, 10 + 10 * third)

    year = int(g["py"]) if g["py"] else _latest(last, pe)
    return None if year is None else (dt.date(year, month, 1 + 10 * third), last(year))


def _period(g: dict, pe: dt.date | None) -> tuple[dt.date, dt.date, bool] | None:
    """(first day, last day, is a day) of a period phrase's groups."""
    if g["day"]:
        day = _day(g, pe)
        return None if day is None else (day, day, True)
    if g["part"]:
        found = _part(g, pe)
        return None if found is None else (*found, False)
    if g["season"]:
        first, final = SEASONS[g["season"].lower()]
        year = int(g["sy"]) if g["sy"] else _latest(lambda y: _month_end(y, final), pe)
        return None if year is None else (dt.date(year, first, 1), _month_end(year, final), False)
    if g["mo"]:
        month = month_of(g["mo"])
        year = int(g["moy"]) if g["moy"] else _latest(lambda y: _month_end(y, month), pe)
        return None if year is None else (dt.date(year, month, 1), _month_end(year, month), False)
    year = int(g["yr"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), False


def relative(qualifier: str | None, number: str, unit: str) -> tuple[float, str] | None:
    """(units before the session, unit): n - 1/2, or n after "more than"."""
    count = count_of(number)
    name = next((n for prefix, n in _UNITS if unit.lower().startswith(prefix)), None)
    if count is None or name is None:
        return None
    if name == "decade":
        count, name = count * 10, "year"
    over = (qualifier or "").lower() in _OVER
    return (count if over else count - 0.5), name


def _resolve(m: re.Match[str], text: str, pe: dt.date | None) -> Window | None:
    """The window a window phrase states (module docstring)."""
    g, end = m.groupdict(), m.end()
    if g["alltime"]:
        return Window(all_time=True, end=end)
    if g["thisyear"] or g["ofyear"]:
        year = int(g["ofyear"]) if g["ofyear"] else (pe.year if pe else None)
        return None if year is None else Window(dt.date(year - 1, 12, 31), end=end)
    for key in ("i", "s"):
        if g[f"{key}n"]:
            rel = relative(g[f"{key}q"], g[f"{key}n"], g[f"{key}u"])
            return None if rel is None else Window(relative=rel, end=end)
    if g["lastyr"]:
        return None if pe is None else Window(dt.date(pe.year - 1, 12, 31), end=end)
    if g["event"] or g["uevent"]:
        return _event(g, end)
    if g["listing"]:
        return _listing(text, end, pe)
    if g["period"]:
        found = _period(g, pe)
        if found is None:
            return None
        first, last, is_day = found
        return Window(first if is_day else last, anchor=is_day, end=end)
    day = RECORDS.event_day.search(text, end, clause_end(text, end, 90))
    if day is None:  # "since a ... on <day>": the event's day
        return None
    found = _day({**day.groupdict(), "lastyear": day["elast"]}, pe)
    return None if found is None else Window(found, anchor=True, end=day.end())


def _event(g: dict, end: int) -> Window:
    """Since a named event: after its end (after the year written, when a later one); an event not
    dated here with a year: after that year; without one: a window whose start is not known."""
    year = next((int(g[k]) for k in ("ey1", "ey2", "uy1", "uy2") if g[k]), None)
    after_year = None if year is None else dt.date(year, 12, 31)
    if g["event"]:
        known = _month_end(*EVENTS[g["event"].lower()])
        later = after_year is not None and after_year.year > known.year
        return Window(after_year if later else known, end=end)  # type: ignore[arg-type]
    if after_year is None:
        return Window(anchor=True, end=end)  # the earlier event, on a day not known here
    return Window(after_year, end=end)


def clause_end(text: str, pos: int, most: int) -> int:
    """Where the clause from ``pos`` ends, at most ``most`` characters on."""
    stop = _CLAUSE_STOP.search(text, pos, min(len(text), pos + most))
    return stop.start() if stop else min(len(text), pos + most)


def _listing(text: str, end: int, pe: dt.date | None) -> Window:
    """Since a listing: before the listing period when the text dates it, else since the
    listing (a date not known here)."""
    found = RECORDS.period.search(text, end, clause_end(text, end, 70))
    period = _period(found.groupdict(), pe) if found else None
    if found is None or period is None:
        return Window(all_time=True, end=end)
    return Window(period[0] - dt.timedelta(days=1), end=found.end())


def window_after(text: str, pos: int, pe: dt.date | None, gap: bool) -> Window | None:
    """The window phrase right after ``pos`` or (``gap``) after a few words of the clause that
    hold no figure and no conjunction ("der beste Börsentag für den Konzern seit 1998")."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    places = [pos]
    if gap:
        stop = clause_end(text, pos, 60)
        for halt in (_DIGIT.search(text, pos, stop), RECORDS.gap_stop.search(text, pos, stop)):
            stop = halt.start() if halt else stop
        places += [w.start() for w in _WORD.finditer(text, pos + 1, stop)]
    for place in places:
        m = RECORDS.window.match(text, place)
        if m is not None:
            try:
                return _resolve(m, text, pe)
            except ValueError:  # no real date in 1900..2100 ("seit März 9999"): no window
                return None
    return None


def last_seen(text: str, pos: int, pe: dt.date | None) -> Window | None:
    """ "last seen in March 2009": the window starts after the period named."""
    found = _IN_PERIOD.match(text, pos)
    try:
        period = _period(found.groupdict(), pe) if found else None
    except ValueError:  # no real date in 1900..2100
        return None
    if found is None or period is None:
        return None
    return Window(period[1], anchor=period[2], end=found.end())
