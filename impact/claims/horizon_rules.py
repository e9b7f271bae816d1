"""Horizon rules: the dates one kind of time word means, given the publication date.

Each rule takes the cue that matched (``lexicon.HORIZONS``) and the publication date (a range
when it is not known to the day) and returns the horizon, the dates and the anchor that
explains them; ``horizons.resolve_dates`` decides which rule applies.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from impact.claims.dates import latest_weekday, month_range
from impact.claims.lexicon import MONTHS, NUMBER_WORDS, ORDINALS, WEEKDAYS
from impact.claims.values import DateAnchor, Horizon, HorizonCue, Published, ResolvedDates

__all__ = [
    "at_date", "cue_text", "date", "date_range", "day_of", "half_year", "month", "n_sessions",
    "one_day", "part_month", "quarter", "since", "since_listing", "since_start", "trailing", "week",
    "weekday_range", "written_date", "year", "year_closing", "year_edge", "ytd",
]  # fmt: skip


def cue_text(cue: HorizonCue | None) -> str:
    """The words of a cue ("" for none or one implied by a hedge)."""
    return cue.match.group(0) if cue and cue.match else ""


def quarter(cue: HorizonCue, yoy: bool, reported: bool, p: Published) -> ResolvedDates:
    """A calendar quarter ("Q3 2023", "im dritten Quartal", "the March quarter"): its first to
    last day, the year of publication when omitted; an unwritten fiscal quarter of a reported
    figure is the company's own ("fiscal_yoy", no dates)."""
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    q = ORDINALS.get((gd.get("q") or "").lower()) or int((gd.get("q2") or "Q0")[1])
    year = gd.get("qyear") or gd.get("q2year") or gd.get("qyear3")
    y = int(year) if year else (p.end.year if p.end else None)
    if gd.get("qmon"):  # "the March quarter": the calendar quarter ending that month, reported
        q = MONTHS[gd["qmon"].lower()] // 3  # by publication
        if y and not year and p.end and month_range(y, 3 * q)[1] > p.end:
            y -= 1
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


def ytd(cue: HorizonCue, p: Published) -> ResolvedDates:
    """Year to date: from 1 January of the written (else publication) year to publication, or to
    the latest named weekday on or before it ("up 9% this year through Thursday")."""
    text = cue_text(cue)
    year_m = re.search(r"\d{4}", text)
    if year_m:
        year = int(year_m.group(0))
    elif p.end:
        year = p.end.year
    else:
        return ResolvedDates("ytd", DateAnchor("unknown", text, missing="year_and_publication"))
    gd = cue.match.groupdict() if cue.match else {}
    weekday = gd.get("ywd") or gd.get("ywd2") or gd.get("ywd3")
    if weekday and p.end:  # "this year through Thursday": up to that day
        last = latest_weekday(WEEKDAYS[weekday.lower()], p.end)
        first = latest_weekday(WEEKDAYS[weekday.lower()], p.start) if p.start else last
        anchor = DateAnchor("ytd", text, year=year, weekday=weekday)
        return ResolvedDates("ytd", anchor, dt.date(year, 1, 1), last, first)
    anchor = DateAnchor("ytd", text, year=year)
    return ResolvedDates("ytd", anchor, dt.date(year, 1, 1), p.end, p.start)


def month(cue: HorizonCue, p: Published) -> ResolvedDates:
    """A named or the current month: month to date when publication falls in it, the whole month
    when it is over, either when publication straddles its end; the year from publication when
    omitted (a later month: the year before)."""
    m = cue.match
    assert m is not None
    ps, pe = p.start, p.end
    if cue.kind == "month":
        named, written = (
            m.group("month") or m.group("month2"),
            m.group("myear") or m.group("myear2"),
        )
        month: int | None = MONTHS[named.strip(".").lower()]
        year = int(written) if written else None
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


def since_start(m: re.Match[str], pe: dt.date | None) -> dt.date | None:
    """The first day a "since" cue names (None: its year is not known)."""
    gd = m.groupdict()
    ended = gd.get("syend") or gd.get("syend2")
    if ended:  # "below where it ended 2022", "gemessen am Jahresschluss 2021": its last close
        return dt.date(int(ended) + 1, 1, 1)
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
    if re.search(r"Ende|late|the end of", m.group(0)):  # from the month's (the year's) last close
        start = (
            month_range(year, month)[1] + dt.timedelta(days=1) if month_t else dt.date(year, 10, 1)
        )
    return start


def since_listing(cue: HorizonCue, p: Published) -> ResolvedDates:
    """Since the company's listing ("since its IPO", "seit dem Börsengang", "from its IPO
    price"): a day and a price the registry does not hold, so the dates are unknown and say so."""
    return ResolvedDates("since", DateAnchor("unknown", cue_text(cue), missing="listing"))


def since(cue: HorizonCue, p: Published) -> ResolvedDates:
    """Since a date ("seit Oktober", "since March 2020", "seit letztem Jahr": from 1 January of
    the year before publication) to publication."""
    m = cue.match
    assert m is not None
    text = m.group(0)
    if "letzt" in text or "vergangen" in text or "last year" in text:
        if not p.end:
            return ResolvedDates("since", DateAnchor("unknown", text, missing="publication"))
        start: dt.date | None = dt.date(p.end.year - 1, 1, 1)
        anchor = DateAnchor("since", text, since_last_year=True)
    else:
        start = since_start(m, p.end)
        if start is None:
            return ResolvedDates("since", DateAnchor("unknown", text, missing="year"))
        anchor = DateAnchor("since", text)
    return ResolvedDates("since", anchor, start, p.end, p.start)


def trailing(cue: HorizonCue, p: Published) -> ResolvedDates:
    """A trailing span ("over the past two years", "in den letzten drei Monaten", "higher than a
    year ago"): publication minus n units of 365.25, 30.44 or 7 days, to publication."""
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    word = next((gd[k] for k in ("tn", "tn2", "tn5", "tn6", "tn7", "tn8") if gd.get(k)), "1")
    word = word.lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
    units = ("tu", "tu2", "tu3", "tu4", "tu5", "tu6", "tu7", "tu8")
    unit = next((gd[k] for k in units if gd.get(k)), "year").lower()
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


def week(cue: HorizonCue, p: Published) -> ResolvedDates:
    """This (or, "last week", the previous) Monday-to-Sunday week, ending no later than
    publication; any week of the month when publication is only known to the month."""
    m = cue.match
    assert m is not None
    pe = p.end
    if not pe:
        return ResolvedDates("week", DateAnchor("unknown", m.group(0), missing="publication"))
    past = re.search(r"vergangen|letzt|last|abgelaufen|previous", m.group(0), re.IGNORECASE)
    back = dt.timedelta(days=7) if past else dt.timedelta(0)
    anchor_day = pe - back
    monday = anchor_day - dt.timedelta(days=anchor_day.weekday())
    end = min(monday + dt.timedelta(days=6), pe)
    earliest = end if p.exact else monday
    if p.start is not None and p.start < pe - dt.timedelta(days=6):  # a month: any of its weeks
        first = p.start - back
        earliest = first - dt.timedelta(days=first.weekday())
    return ResolvedDates("week", DateAnchor("week", m.group(0)), monday, end, earliest)


_YEARS = (
    "cyear", "cyear2", "cyear3", "cyear4", "cyear5", "cyear6", "cyear7", "cyear8", "cyear9",
)  # fmt: skip


def half_year(cue: HorizonCue, p: Published) -> ResolvedDates:
    """A half year ("im ersten Halbjahr", "H1 2025"): its first to last day, to publication when
    it is under way; the year of publication when omitted (the year before when that half has
    not begun)."""
    assert cue.match is not None
    gd, text = cue.match.groupdict(), cue.match.group(0)
    named = (gd.get("h") or gd.get("h2") or gd.get("h3") or "").lower()
    half = 1 if named in {"ersten", "erste", "first", "h1"} else 2
    written = gd.get("hyear") or gd.get("h2year") or gd.get("hyear3")
    if written is None and p.end is None:
        return ResolvedDates("quarter", DateAnchor("unknown", text, missing="year_and_publication"))
    y = int(written) if written else p.end.year  # type: ignore[union-attr]
    first = dt.date(y, 1 if half == 1 else 7, 1)
    if not written and p.end is not None and first > p.end:
        y, first = y - 1, dt.date(y - 1, first.month, 1)
    last = dt.date(y, 6, 30) if half == 1 else dt.date(y, 12, 31)
    anchor = DateAnchor("half", text, year=y, count=half)
    if p.end is not None and first <= p.end < last:
        return ResolvedDates("quarter", anchor, first, p.end, max(first, p.start or first))
    return ResolvedDates("quarter", anchor, first, last, last)


# the year as a whole that ends in a text: "ended the year", "das Jahr mit … beendet"
_ENDED_YEAR = re.compile(
    r"(?:ended|finished|closed out|wrapped up|ending|finishing) the year|das (?:Börsenjahr|Jahr) mit|"
    r"annual",
    re.IGNORECASE,
)


def year_closing(day: dt.date) -> bool:
    """Whether ``day`` lies in the last days of its year (from 24 December): then "the year"
    that ends, or its last trading day, is this year's, not the one before."""
    return day.month == 12 and day.day >= 24


def year(cue: HorizonCue, p: Published) -> ResolvedDates:
    """A calendar year ("in 2024", "im Jahr 2024", "im vergangenen Jahr", "last year"): when it
    ended before publication, the whole year, from the last close of the year before to its
    last; the year of publication is year to date; a later year names no past session."""
    assert cue.match is not None
    gd, text = cue.match.groupdict(), cue.match.group(0)
    written = next((gd[k] for k in _YEARS if gd.get(k)), None)
    if p.end is None and not written:
        return ResolvedDates("year", DateAnchor("unknown", text, missing="year_and_publication"))
    y = int(written) if written else p.end.year - 1  # type: ignore[union-attr]
    if not written and p.end is not None and year_closing(p.end) and _ENDED_YEAR.search(text):
        y = p.end.year  # "ended the year up 23%", written on 31 December: this year
    if p.end is not None and y == p.end.year:
        return ResolvedDates(
            "ytd", DateAnchor("ytd", text, year=y), dt.date(y, 1, 1), p.end, p.start
        )
    if p.end is not None and y > p.end.year:
        return ResolvedDates("year", DateAnchor("unknown", text, missing="date"))
    last = dt.date(y, 12, 31)
    return ResolvedDates("year", DateAnchor("year", text, year=y), dt.date(y, 1, 1), last, last)


def year_edge(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """The first or last session of a year ("On the first trading day of 2019", "Zum
    Jahreswechsel"): the first session lies in 2-4 January (any of them a candidate); the last
    is the last session on or before 31 December. Without a year: the year of publication for
    the first day, the year before for the turn of the year."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    if p.end is None:
        return None
    if gd.get("first"):
        anchor = DateAnchor("first_session", cue.match.group(0))
        written = gd.get("fyear") or gd.get("fyear2")
        year = int(written) if written else p.end.year
        return ResolvedDates(horizon, anchor, dt.date(year, 1, 2), dt.date(year, 1, 4),
                             dt.date(year, 1, 2))  # fmt: skip
    written = gd.get("lyear") or gd.get("lyear2") or gd.get("lyear3")
    year = int(written) if written else p.end.year - (0 if year_closing(p.end) else 1)
    day = dt.date(year, 12, 31)
    return ResolvedDates(horizon, DateAnchor("year_end", cue.match.group(0)), day, day, day)


_PARTS = {"early": (1, 10), "anfang": (1, 10), "mid": (11, 20), "mitte": (11, 20)}


def part_month(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A session in part of a month ("a 2.1% slide in mid-June 2021",
    "Mitte Februar"): any session of days 1-10 (early, Anfang), 11-20 (mid, Mitte) or 21 to the
    end (late, Ende); the year from publication when omitted (a later month: the year before)."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    month = MONTHS.get((gd.get("pmon") or gd.get("pmon2") or "").strip(".").lower())
    if month is None or p.end is None:
        return None
    written = gd.get("pyear") or gd.get("pyear2")
    year = int(written) if written else p.end.year
    if not written and dt.date(year, month, 1) > p.end:
        year -= 1
    first, last = month_range(year, month)
    part = (gd.get("part") or gd.get("part2") or "").strip(" -").lower()
    lo, hi = _PARTS.get(part, (21, last.day))
    start, end = first.replace(day=lo), min(first.replace(day=hi), p.end)
    if end < start:
        return None
    anchor = DateAnchor("explicit", cue.match.group(0))
    return ResolvedDates("one_day", anchor, start, end, start)


def n_sessions(cue: HorizonCue, p: Published) -> ResolvedDates:
    """The last n sessions before publication ("in three sessions", "fünf Handelstage in
    Folge"); n is None when the count is not a number or number word."""
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    counts = ("nd", "ne", "ns", "nh", "nh2", "nb", "nt", "nw")
    word = next((gd[g] for g in counts if gd.get(g)), "").lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    anchor = DateAnchor("n_sessions", m.group(0), count=n)
    return ResolvedDates("n_sessions", anchor, None, p.end, p.start, n_sessions=n)


def one_day(cue: HorizonCue | None, horizon: Horizon, p: Published) -> ResolvedDates:
    """One session: the latest named weekday on or before publication (for a publication range,
    any of them), today, yesterday, else the publication days themselves ("unanchored")."""
    ps, pe = p.start, p.end
    gd = cue.match.groupdict() if cue and cue.match else {}
    text = cue_text(cue)
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


def written_date(
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


def date(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """An explicit date ("on Oct. 24, 2022", "am 5. März", "(7.3.)", "14.06.2024")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    for keys in (("eday", "emon", "eyear"), ("eday2", "emon2", "eyear2"),
                 ("dday", "dmon", "dyear"), ("nday", "nmon", "nyear")):  # fmt: skip
        day = written_date(gd, keys, p, bool(gd.get("elast")))
        if day is not None:
            anchor = DateAnchor("explicit", cue.match.group(0))
            return ResolvedDates(horizon, anchor, day, day, day)
    return None


def at_date(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """The day a "since <date>" cue names, for a clause about that day ("…, when …")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    if not (gd.get("sday") or gd.get("sday2")):
        return None
    day = since_start(cue.match, p.end)
    if day is None:
        return None
    return ResolvedDates(horizon, DateAnchor("explicit", cue.match.group(0)), day, day, day)


_EN_DAY = re.compile(r"([A-Za-zä]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DE_DAY = re.compile(r"(\d{1,2})\.\s?([A-Za-zä]+)\s+(\d{4})")
_NUM_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def day_of(text: str) -> dt.date | None:
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


def date_range(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move between two written dates ("from Jan. 4, 2018 to Feb. 9, 2018"): from the close of
    the first to the close of the second."""
    assert cue.match is not None
    first, last = day_of(cue.match.group("r1")), day_of(cue.match.group("r2"))
    if first is None or last is None or last <= first:
        return None
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, first, last, last)


def weekday_range(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move over named weekdays ("am Montag und Dienstag insgesamt 8 Prozent", "from Monday
    to Wednesday"): from the close before the first to the close of the last, the latest such
    days on or before publication."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    first_t, last_t = gd.get("rw1") or gd.get("rw3"), gd.get("rw2") or gd.get("rw4")
    if p.end is None or not first_t or not last_t:
        return None
    last = latest_weekday(WEEKDAYS[last_t.lower()], p.end)
    first = latest_weekday(WEEKDAYS[first_t.lower()], last)
    if first >= last:
        return None
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, first - dt.timedelta(days=1), last, last)
