"""Horizon rules for moves measured from a point: a weekday's close ("seit vergangenem Freitag"),
a dated close or event ("from its March 4 record close", "since China unleashed its stimulus on
September 24"), or the extreme of a window ("from an October peak", "30% below the record it set
on Feb. 19"). Each rule returns a ``since`` horizon whose start is the point (see
``horizon_rules`` for the others).
"""

from __future__ import annotations

import datetime as dt

from impact.claims.dates import latest_weekday, month_range
from impact.claims.horizon_rules import written_date
from impact.claims.lexicon import MONTHS, WEEKDAYS
from impact.claims.values import DateAnchor, HorizonCue, Published, ResolvedDates

__all__ = ["from_date", "from_extreme", "from_weekday"]


def from_weekday(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a weekday's close ("up 2.4% from Tuesday's close"): to publication."""
    assert cue.match is not None
    if p.end is None:
        return None
    wd = WEEKDAYS[(cue.match.group("fwd") or cue.match.group("fwd2")).lower()]
    day = latest_weekday(wd, p.end - dt.timedelta(days=1))
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, day, p.end, p.start)


def from_date(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a dated close, peak or low ("from its March 4 record close"); from
    the close before the day of an event ("since China unleashed its stimulus on September
    24": that day's move is part of it)."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    for keys in (("fday", "fmon", "fyear"), ("fday2", "fmon2", "fyear2"),
                 ("fday3", "fmon3", "fyear3"), ("fday4", "fmon4", "fyear4"),
                 ("fday5", "fmon5", "fyear5"), ("fday6", "fmon6", "fyear6"),
                 ("fday7", "fmon7", "fyear7"), ("fday8", "fmon8", "fyear8")):  # fmt: skip
        day = written_date(gd, keys, p)
        if day is not None:
            if keys[0] in _EVENT_DAYS:
                day -= dt.timedelta(days=1)
            anchor = DateAnchor("from_date", cue.match.group(0))
            return ResolvedDates("since", anchor, day, p.end, p.start)
    return None


_EVENT_DAYS = frozenset({"fday7", "fday8"})  # the day of an event, not of a close


def from_extreme(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from the highest (lowest) close of a window ("from an October peak",
    "from the all-time high it set in 2021", "unter dem 52-Wochen-Hoch")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    if p.end is None:
        return None
    kind = (gd.get("xkind") or "").lower()
    year_t = gd.get("xyear") or gd.get("xyear2") or gd.get("xyear3")
    month_t = gd.get("xmon") or gd.get("xmon2")
    set_on = written_date(gd, ("xday4", "xmon4", "xyear4"), p)
    if set_on is not None:  # "the record it set on Feb. 19"
        first = last = set_on
    elif "52" in kind:
        first, last = p.end - dt.timedelta(days=365), p.end
    elif month_t:
        month = MONTHS[month_t.strip(".").lower()]
        year = int(year_t) if year_t else (p.end.year if month <= p.end.month else p.end.year - 1)
        first, last = month_range(year, month)
    elif year_t or gd.get("xlast"):  # "from its 2021 high", "from last year's high"
        year = int(year_t) if year_t else p.end.year - 1
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind in {"record", "record high", "all-time high", "rekordhoch", "allzeithoch"}:
        first, last = dt.date(1970, 1, 1), p.end  # all time: the data's first row decides
    else:
        first, last = dt.date(p.end.year, 1, 1), p.end  # "its annual peak", "Jahreshoch"
    low = kind.endswith(("low", "tief")) or kind in {"trough", "tiefststand"}
    extreme = "low" if low else "high"
    anchor = DateAnchor("from_extreme", cue.match.group(0), extreme=extreme, until=last)
    return ResolvedDates("since", anchor, first, p.end, p.start)
