"""Horizons: the time words around a number, and the dates they mean.

Cues (``lexicon.HORIZONS``) are looked for in the number's clause, else earlier in the sentence.
They are resolved against the publication date (a range when the date is not known to the day),
the first that applies winning, in this order: a quarter; the latest reported period (for
reported figures with no other period); year to date (from the last close of the prior year);
a named or the current month (month to date when publication falls in it, the whole month when
it is over, both when publication straddles its end); since a date; a trailing span; a week;
n sessions; one day (a named weekday, today, yesterday, or the latest session before
publication).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from impact.claims.dates import FIRST_YEAR, LAST_YEAR, latest_weekday, month_range
from impact.claims.lexicon import LEXICON, MONTHS, NUMBER_WORDS, ORDINALS, WEEKDAYS
from impact.claims.values import DateAnchor, Horizon, Published
from impact.fastre import Scan

__all__ = ["HorizonCue", "ResolvedDates", "base_level", "find_cues", "resolve_dates"]

_REPORTED = {"revenue", "share_of_revenue", "profit", "shipments", "market_share"}


@dataclass(frozen=True, slots=True)
class HorizonCue:
    """A time word found in the text (``match`` is None for one implied by a hedge)."""

    kind: str
    match: re.Match[str] | None


@dataclass(frozen=True, slots=True)
class ResolvedDates:
    """The horizon a claim measures, its dates and how they were decided."""

    horizon: Horizon
    anchor: DateAnchor
    start: dt.date | None = None
    end: dt.date | None = None
    end_earliest: dt.date | None = None
    n_sessions: int | None = None
    fiscal_quarter: int | None = None


def find_cues(scan: Scan, lo: int, hi: int, masked: list[tuple[int, int]]) -> list[HorizonCue]:
    """The first cue of each horizon kind inside [lo, hi), outside the ``masked`` spans."""
    found: dict[str, HorizonCue] = {}
    for rx, kind in LEXICON.horizons:
        if kind in found:
            continue
        for m in scan.within(rx, lo, hi):
            if not any(a <= m.start() < b for a, b in masked):
                found[kind] = HorizonCue(kind, m)
                break
    return list(found.values())


def _text(cue: HorizonCue | None) -> str:
    return cue.match.group(0) if cue and cue.match else ""


def _quarter(cue: HorizonCue, yoy: bool, reported: bool, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    q = ORDINALS.get((gd.get("q") or "").lower()) or int((gd.get("q2") or "Q0")[1])
    year = gd.get("qyear") or gd.get("q2year")
    y = int(year) if year else (p.end.year if p.end else None)
    fiscal = bool(gd.get("fiscal"))
    if fiscal and reported and not year:
        anchor = DateAnchor("fiscal_quarter", m.group(0), quarter=q, fiscal=True)
        return ResolvedDates("fiscal_yoy", anchor, fiscal_quarter=q)
    anchor = DateAnchor(
        "quarter",
        m.group(0),
        year=y if q else None,
        quarter=q,
        year_written=bool(year),
        year_on_year=yoy,
        fiscal=fiscal,
    )
    horizon: Horizon = "quarter_yoy" if yoy else "quarter"
    if not (y and q):
        return ResolvedDates(horizon, replace(anchor, year=None))
    end = month_range(y, 3 * q)[1]
    return ResolvedDates(horizon, anchor, dt.date(y, 3 * q - 2, 1), end, end)


def _ytd(cue: HorizonCue, p: Published) -> ResolvedDates:
    text = _text(cue)
    year_m = re.search(r"\d{4}", text)
    if year_m:
        year = int(year_m.group(0))
    elif p.end:
        year = p.end.year
    else:
        return ResolvedDates("ytd", DateAnchor("unknown", text, missing="year_and_publication"))
    gd = cue.match.groupdict() if cue.match else {}
    weekday = gd.get("ywd") or gd.get("ywd2") or gd.get("ywd3")
    if weekday and p.end:  # "from the start of the year to Monday": up to that day
        last = latest_weekday(WEEKDAYS[weekday.lower()], p.end)
        first = latest_weekday(WEEKDAYS[weekday.lower()], p.start) if p.start else last
        anchor = DateAnchor("ytd", text, year=year, weekday=weekday)
        return ResolvedDates("ytd", anchor, dt.date(year, 1, 1), last, first)
    anchor = DateAnchor("ytd", text, year=year)
    return ResolvedDates("ytd", anchor, dt.date(year, 1, 1), p.end, p.start)


def _month(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    ps, pe = p.start, p.end
    if cue.kind == "month":
        month: int | None = MONTHS[m.group("month").strip(".").lower()]
        year = int(m.group("myear")) if m.group("myear") else None
    else:
        month, year = (pe.month if pe else None), None
    if month is None or (year is None and pe is None):
        return ResolvedDates("month", DateAnchor("unknown", m.group(0), missing="year"))
    if year is None:
        assert pe is not None
        year = pe.year if month <= pe.month else pe.year - 1
    first, last = month_range(year, month)
    if pe and first <= pe <= last:
        anchor = DateAnchor("mtd", m.group(0), year=year)
        return ResolvedDates("mtd", anchor, first, pe, max(first, ps or first))
    if ps and ps <= last and pe and pe > last:
        anchor = DateAnchor("month_to_date_or_whole", m.group(0), year=year)
        return ResolvedDates("mtd", anchor, first, last, max(first, ps))
    return ResolvedDates("month", DateAnchor("month", m.group(0), year=year), first, last, last)


def _since_start(m: re.Match[str], pe: dt.date | None) -> dt.date | None:
    """The first day a "since" cue names (None: its year is not known)."""
    gd = m.groupdict()
    year_t = gd.get("syear") or gd.get("syear2") or gd.get("syear3")
    month_t = gd.get("smonth") or gd.get("smonth2") or gd.get("smonth3") or gd.get("smonth4")
    day_t = gd.get("sday") or gd.get("sday2")
    year = int(year_t) if year_t else (pe.year if pe else None)
    if not year_t and month_t and pe and MONTHS.get(month_t.strip(".").lower(), 1) > pe.month:
        year = pe.year - 1  # "seit Oktober" in February: October of last year
    if year is None:
        return None
    month = MONTHS.get(month_t.strip(".").lower(), 1) if month_t else 1
    start = dt.date(year, month, int(day_t) if day_t else 1)
    if re.search(r"Mitte|mid", m.group(0)):
        start = dt.date(year, 7 if not month_t else month, 1 if not month_t else 15)
    if re.search(r"Ende|late", m.group(0)) and not month_t:
        start = dt.date(year, 10, 1)
    return start


def _since(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    text = m.group(0)
    if "letzt" in text or "vergangen" in text or "last year" in text:
        if not p.end:
            return ResolvedDates("since", DateAnchor("unknown", text, missing="publication"))
        start: dt.date | None = dt.date(p.end.year - 1, 1, 1)
        anchor = DateAnchor("since", text, since_last_year=True)
    else:
        start = _since_start(m, p.end)
        if start is None:
            return ResolvedDates("since", DateAnchor("unknown", text, missing="year"))
        anchor = DateAnchor("since", text)
    return ResolvedDates("since", anchor, start, p.end, p.start)


def _trailing(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    word = (gd.get("tn") or gd.get("tn2") or "1").lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
    unit = (gd.get("tu") or gd.get("tu2") or gd.get("tu3") or gd.get("tu4") or "year").lower()
    if unit.startswith(("monat", "month")):
        per_unit = 30.44
    elif unit.startswith(("woch", "week")):
        per_unit = 7.0
    else:
        per_unit = 365.25
    if not p.end:
        return ResolvedDates("since", DateAnchor("unknown", m.group(0), missing="publication"))
    start = p.end - dt.timedelta(days=round(per_unit * count))
    anchor = DateAnchor("trailing", m.group(0), count=count, unit=unit)
    return ResolvedDates("since", anchor, start, p.end, p.start)


def _week(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    pe = p.end
    if not pe:
        return ResolvedDates("week", DateAnchor("unknown", m.group(0), missing="publication"))
    past = re.search(r"vergangen|letzt|last", m.group(0))
    anchor_day = pe - dt.timedelta(days=7) if past else pe
    monday = anchor_day - dt.timedelta(days=anchor_day.weekday())
    end = min(monday + dt.timedelta(days=6), pe)
    earliest = end if p.exact else monday
    return ResolvedDates("week", DateAnchor("week", m.group(0)), monday, end, earliest)


def _n_sessions(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    word = (m.group("nd") or m.group("ne") or "").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    anchor = DateAnchor("n_sessions", m.group(0), count=n)
    return ResolvedDates("n_sessions", anchor, None, p.end, p.start, n_sessions=n)


def _one_day(cue: HorizonCue | None, horizon: Horizon, p: Published) -> ResolvedDates:
    ps, pe = p.start, p.end
    gd = cue.match.groupdict() if cue and cue.match else {}
    text = _text(cue)
    weekday = (
        gd.get("wd") or gd.get("wd2") or gd.get("wd3") or ("Montag" if gd.get("monday") else None)
    )
    if weekday and pe:
        wd = WEEKDAYS[weekday.lower()]
        latest = latest_weekday(wd, pe)
        earliest = latest_weekday(wd, ps) if ps else latest
        anchor = DateAnchor("weekday", text, weekday=weekday)
        return ResolvedDates(horizon, anchor, earliest, latest, earliest)
    if gd.get("today") and pe:
        return ResolvedDates(horizon, DateAnchor("today", gd["today"]), ps, pe, ps)
    if gd.get("yesterday") and pe:
        a, b = ps - dt.timedelta(days=1), pe - dt.timedelta(days=1)  # type: ignore[operator]
        return ResolvedDates(horizon, DateAnchor("yesterday", gd["yesterday"]), a, b, a)
    return ResolvedDates(horizon, DateAnchor("unanchored"), ps, pe, ps)


def _written_date(
    gd: dict[str, str | None], keys: tuple[str, str, str], p: Published, last_year: bool = False
) -> dt.date | None:
    """A date written as (day, month, year) groups; the year from publication when omitted (a
    day after publication: the year before; "last year": the year before)."""
    day_t, month_t, year_t = (gd.get(k) for k in keys)
    if not day_t or not month_t:
        return None
    month = int(month_t) if month_t.isdigit() else MONTHS.get(month_t.strip(".").lower())
    if not month or not 1 <= month <= 12 or not 1 <= int(day_t) <= 31:
        return None
    if year_t:
        year = int(year_t) + (2000 if len(year_t) == 2 else 0)
    elif p.end is None:
        return None
    else:
        year = p.end.year - (1 if last_year else 0)
    try:
        day = dt.date(year, month, int(day_t))
    except ValueError:
        return None
    if not year_t and not last_year and p.end is not None and day > p.end:
        day = day.replace(year=year - 1) if not (day.month == 2 and day.day == 29) else day
    return day


def _date(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """An explicit date ("on Oct. 24, 2022", "am 5. März", "(7.3.)", "14.06.2024")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    for keys in (("eday", "emon", "eyear"), ("eday2", "emon2", "eyear2"),
                 ("dday", "dmon", "dyear"), ("nday", "nmon", "nyear")):  # fmt: skip
        day = _written_date(gd, keys, p, bool(gd.get("elast")))
        if day is not None:
            anchor = DateAnchor("explicit", cue.match.group(0))
            return ResolvedDates(horizon, anchor, day, day, day)
    return None


def _at_date(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """The day a "since <date>" cue names, for a clause about that day ("…, when …")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    if not (gd.get("sday") or gd.get("sday2")):
        return None
    day = _since_start(cue.match, p.end)
    if day is None:
        return None
    return ResolvedDates(horizon, DateAnchor("explicit", cue.match.group(0)), day, day, day)


_EN_DAY = re.compile(r"([A-Za-zä]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DE_DAY = re.compile(r"(\d{1,2})\.\s?([A-Za-zä]+)\s+(\d{4})")
_NUM_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _day_of(text: str) -> dt.date | None:
    """A written date with its year ("Feb. 19, 2020", "19. Februar 2020", "19.02.2020")."""
    for rx, order in ((_EN_DAY, "mdy"), (_DE_DAY, "dmy"), (_NUM_DAY, "dmy")):
        m = rx.search(text)
        if m is None:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        month = parts["m"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        try:
            return dt.date(int(parts["y"]), number or 0, int(parts["d"]))
        except ValueError:
            return None
    return None


def _date_range(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move between two written dates ("Feb. 19, 2020 to March 23, 2020"): from the close of
    the first to the close of the second."""
    assert cue.match is not None
    first, last = _day_of(cue.match.group("r1")), _day_of(cue.match.group("r2"))
    if first is None or last is None or last <= first:
        return None
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, first, last, last)


def _from_weekday(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a weekday's close ("down 6.9% from Friday's close"): to publication."""
    assert cue.match is not None
    if p.end is None:
        return None
    wd = WEEKDAYS[cue.match.group("fwd").lower()]
    day = latest_weekday(wd, p.end - dt.timedelta(days=1))
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, day, p.end, p.start)


def _from_date(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a dated close, peak or low ("from its Jan. 3 record close")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    for keys in (("fday", "fmon", "fyear"), ("fday2", "fmon2", "fyear2")):
        day = _written_date(gd, keys, p)
        if day is not None:
            anchor = DateAnchor("from_date", cue.match.group(0))
            return ResolvedDates("since", anchor, day, p.end, p.start)
    return None


def _from_extreme(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from the highest (lowest) close of a window ("from an October peak",
    "from its record high seen in 2020", "unter dem 52-Wochen-Hoch")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    if p.end is None:
        return None
    kind = (gd.get("xkind") or "").lower()
    year_t = gd.get("xyear") or gd.get("xyear2")
    month_t = gd.get("xmon") or gd.get("xmon2")
    if "52" in kind:
        first, last = p.end - dt.timedelta(days=365), p.end
    elif month_t:
        month = MONTHS[month_t.strip(".").lower()]
        year = int(year_t) if year_t else (p.end.year if month <= p.end.month else p.end.year - 1)
        first, last = month_range(year, month)
    elif year_t:
        first, last = dt.date(int(year_t), 1, 1), dt.date(int(year_t), 12, 31)
    elif kind in {"record", "record high", "all-time high", "rekordhoch", "allzeithoch"}:
        first, last = dt.date(1900, 1, 1), p.end
    else:
        first, last = dt.date(p.end.year, 1, 1), p.end  # "its annual peak", "Jahreshoch"
    low = kind in {"trough", "low", "52-week low", "tief", "tiefststand", "52-wochen-tief"}
    extreme = "low" if low else "high"
    anchor = DateAnchor("from_extreme", cue.match.group(0), extreme=extreme, until=last)
    return ResolvedDates("since", anchor, first, p.end, p.start)


_OF_GAP = re.compile(r"\s+(?:of|von|bei|at)\s+(?:about\s+|rund\s+|knapp\s+)?")


def base_level(dates: ResolvedDates, cues: list[HorizonCue], text: str, pos: int) -> ResolvedDates:
    """A level that is the base of a move, not the price now ("down 6.9% from Friday's close
    of $96.55", "vom Schlusskurs am Freitag von 96 Dollar"): the base day's close."""
    if dates.anchor.rule != "from_date" or dates.start is None:
        return dates
    for cue in cues:
        if cue.kind in {"from_weekday", "from_date"} and cue.match is not None:
            if _OF_GAP.fullmatch(text, cue.match.end(), pos):
                anchor = DateAnchor("explicit", cue.match.group(0))
                return ResolvedDates("one_day", anchor, dates.start, dates.start, dates.start)
    return dates


def resolve_dates(cues: list[HorizonCue], metric: str, p: Published) -> ResolvedDates:
    """The horizon and dates the cues mean for a claim about ``metric`` (module docstring);
    words that name no real date in FIRST_YEAR..LAST_YEAR ("30. Februar", "Q5", "seit 9999")
    give an "unknown" anchor that says so."""
    try:
        found = _resolve(cues, metric, p)
        days = (found.start, found.end, found.end_earliest)
        if all(d is None or FIRST_YEAR <= d.year <= LAST_YEAR for d in days):
            return found
    except (ValueError, OverflowError):  # InputError is a ValueError
        pass
    cue = next((c for c in cues if c.match is not None), None)
    horizon = _UNKNOWN_HORIZON.get(cue.kind, "since") if cue else "one_day"
    return ResolvedDates(horizon, DateAnchor("unknown", _text(cue), missing="date"))  # type: ignore[arg-type]


_UNKNOWN_HORIZON = {"quarter": "quarter", "ytd": "ytd", "month": "month", "mtd": "mtd",
                    "week": "week", "date": "one_day", "at_date": "one_day"}  # fmt: skip


def _resolve(cues: list[HorizonCue], metric: str, p: Published) -> ResolvedDates:
    kinds = {c.kind: c for c in cues}
    reported = metric in _REPORTED
    if not reported:
        kinds.pop("latest_reported", None)  # "zuletzt" about a price: a print, not a period
    if "quarter" in kinds:
        return _quarter(kinds["quarter"], "yoy" in kinds, reported, p)
    periods = ("ytd", "month", "mtd", "since", "week")
    if "latest_reported" in kinds or (reported and not any(k in kinds for k in periods)):
        cue = kinds.get("latest_reported")
        anchor = DateAnchor("latest_reported", _text(cue) if cue else None)
        return ResolvedDates("fiscal_yoy" if reported else "latest_reported", anchor, end=p.end)
    if "ytd" in kinds:
        return _ytd(kinds["ytd"], p)
    if "mtd" in kinds or "month" in kinds:
        return _month(kinds.get("month") or kinds["mtd"], p)
    for kind, special in (
        ("date_range", _date_range),
        ("from_weekday", _from_weekday),
        ("from_date", _from_date),
        ("from_extreme", _from_extreme),
    ):
        if kind in kinds and (found := special(kinds[kind], p)) is not None:
            return found
    for kind, resolve in (
        ("since", _since),
        ("trailing", _trailing),
        ("week", _week),
        ("n_sessions", _n_sessions),
    ):
        if kind in kinds:
            return resolve(kinds[kind], p)
    horizon: Horizon = "intraday" if "intraday" in kinds else "one_day"
    if "date" in kinds and (found := _date(kinds["date"], horizon, p)) is not None:
        return found
    if "at_date" in kinds and (found := _at_date(kinds["at_date"], horizon, p)) is not None:
        return found
    return _one_day(kinds.get("one_day"), horizon, p)
