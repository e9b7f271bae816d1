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

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from impact.claims.dates import FIRST_YEAR, LAST_YEAR, latest_weekday, month_range
from impact.claims.lexicon import LEXICON, MONTHS, NUMBER_WORDS, ORDINALS, WEEKDAY_RE, WEEKDAYS
from impact.claims.values import DateAnchor, Horizon, Published
from impact.fastre import Scan

__all__ = [
    "HorizonCue",
    "ResolvedDates",
    "base_level",
    "carried",
    "day_words",
    "find_cues",
    "level_dates",
    "may_name_day",
    "period_start",
    "resolve_dates",
    "sentence_day",
]

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


_Cue = tuple[int, int, int, str, "re.Match[str]"]  # start, end, pattern order, kind, match


def _cue_table(scan: Scan) -> tuple[list[int], list[_Cue]]:
    """Every horizon cue of the sentence, sorted by start (built once per sentence)."""
    cues = sorted(
        (m.start(), m.end(), order, kind, m)
        for order, (rx, kind) in enumerate(LEXICON.horizons)
        for m in scan.all(rx)
    )
    return [c[0] for c in cues], cues


def _rank_near(near: int) -> Callable[[_Cue], tuple[bool, int]]:
    def rank(cue: _Cue) -> tuple[bool, int]:  # a cue naming a day first, then the nearest
        m = cue[4]
        named = any(v for v in m.groupdict().values())
        return not named, min(abs(m.start() - near), abs(m.end() - near))

    return rank


def find_cues(
    scan: Scan,
    lo: int,
    hi: int,
    masked: list[tuple[int, int]],
    near: int | None = None,
    kinds: frozenset[str] | None = None,
) -> list[HorizonCue]:
    """One cue of each horizon kind inside [lo, hi), outside the ``masked`` spans: the first
    (of the first pattern of its kind), or with ``near`` the one closest to that position ("9.2%
    on Thursday and another 7.3% on Friday": Friday for the second figure; a cue that names a
    day before one that does not, "schloss"); ``kinds``: only these kinds."""
    starts, table = scan.memo("horizon_cues", lambda: _cue_table(scan))
    by_kind: dict[str, list[_Cue]] = {}
    for cue in table[bisect.bisect_left(starts, lo) :]:
        start, end, _, kind, _m = cue
        if start >= hi:
            break
        if end > hi or (kinds is not None and kind not in kinds):
            continue
        if any(a <= start < b for a, b in masked):
            continue
        by_kind.setdefault(kind, []).append(cue)
    if near is None:
        chosen = {k: min(c, key=lambda cue: (cue[2], cue[0])) for k, c in by_kind.items()}
    else:
        chosen = {k: min(c, key=_rank_near(near)) for k, c in by_kind.items()}
    order = sorted(chosen.values(), key=lambda cue: cue[2])  # the lexicon's order, as before
    return [HorizonCue(cue[3], cue[4]) for cue in order]


def _text(cue: HorizonCue | None) -> str:
    return cue.match.group(0) if cue and cue.match else ""


def _quarter(cue: HorizonCue, yoy: bool, reported: bool, p: Published) -> ResolvedDates:
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
    word = (gd.get("tn") or gd.get("tn2") or gd.get("tn5") or "1").lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
    units = ("tu", "tu2", "tu3", "tu4", "tu5")
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


def _week(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    pe = p.end
    if not pe:
        return ResolvedDates("week", DateAnchor("unknown", m.group(0), missing="publication"))
    past = re.search(r"vergangen|letzt|last|abgelaufen|previous", m.group(0))
    back = dt.timedelta(days=7) if past else dt.timedelta(0)
    anchor_day = pe - back
    monday = anchor_day - dt.timedelta(days=anchor_day.weekday())
    end = min(monday + dt.timedelta(days=6), pe)
    earliest = end if p.exact else monday
    if p.start is not None and p.start < pe - dt.timedelta(days=6):  # a month: any of its weeks
        first = p.start - back
        earliest = first - dt.timedelta(days=first.weekday())
    return ResolvedDates("week", DateAnchor("week", m.group(0)), monday, end, earliest)


def _year_edge(cue: HorizonCue, horizon: Horizon, p: Published) -> ResolvedDates | None:
    """The first or last session of a year ("On the first day of trading in 2022", "Zum
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
    year = int(written) if written else p.end.year - 1
    day = dt.date(year, 12, 31)
    return ResolvedDates(horizon, DateAnchor("year_end", cue.match.group(0)), day, day, day)


_PARTS = {"early": (1, 10), "anfang": (1, 10), "mid": (11, 20), "mitte": (11, 20)}


def _part_month(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A session in part of a month ("in mid-December 2022 when it experienced a 3.3% dip",
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


def _n_sessions(cue: HorizonCue, p: Published) -> ResolvedDates:
    m = cue.match
    assert m is not None
    gd = m.groupdict()
    counts = ("nd", "ne", "ns", "nh", "nh2", "nb", "nt")
    word = next((gd[g] for g in counts if gd.get(g)), "").lower()
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


def _weekday_range(cue: HorizonCue, p: Published) -> ResolvedDates | None:
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


def _from_weekday(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a weekday's close ("down 6.9% from Friday's close"): to publication."""
    assert cue.match is not None
    if p.end is None:
        return None
    wd = WEEKDAYS[(cue.match.group("fwd") or cue.match.group("fwd2")).lower()]
    day = latest_weekday(wd, p.end - dt.timedelta(days=1))
    anchor = DateAnchor("from_date", cue.match.group(0))
    return ResolvedDates("since", anchor, day, p.end, p.start)


def _from_date(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    """A move measured from a dated close, peak or low ("from its Jan. 3 record close")."""
    assert cue.match is not None
    gd = cue.match.groupdict()
    for keys in (("fday", "fmon", "fyear"), ("fday2", "fmon2", "fyear2"),
                 ("fday3", "fmon3", "fyear3"), ("fday4", "fmon4", "fyear4")):  # fmt: skip
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


_PERIODS = {"since", "ytd", "mtd", "trailing", "n_sessions"}


_CARRIED = {"weekday", "today", "first_session"}  # "am Vortag" names a reference, not a scene
_FROM = {"from_weekday", "from_date", "from_extreme", "since", "date_range", "weekday_range"}


# a cheap superset of the words that name a day (weekday names end in "tag" or "day")
_DAY_ANY = re.compile(r"tag|day|heute|Heute|aktuell|Aktuell|derzeit|Derzeit|currently|Currently")


def day_words(text: str) -> list[int]:
    """Where the text may name a day (one pass over the article), for :func:`may_name_day`."""
    return [m.start() for m in _DAY_ANY.finditer(text)]


def may_name_day(places: list[int], lo: int, hi: int) -> bool:
    """A cheap test before :func:`sentence_day`: a day word in [lo, hi) (``day_words``)."""
    i = bisect.bisect_left(places, lo)
    return i < len(places) and places[i] < hi


# the day a sentence sets as its scene: a weekday (not one a move is measured from), today, the
# first session of a year
_SCENE = re.compile(
    rf"(?<![\w])(?P<base>(?:from|since|seit|vom|against|compared to|compared with|gegenüber dem)"
    rf"\s+)?(?P<wd>{WEEKDAY_RE})(?P<close>(?:'s|’s|s)?\s+(?:close|Schlusskurs|Schlussstand))?|"
    r"(?<![\w])(?P<today>heute|Heute|today|Today|aktuell|Aktuell|derzeit|Derzeit|currently|"
    r"Currently)(?![\w])|"
    r"(?P<first>first (?:trading )?day of (?:trading in |trading of )?(?:the year|the new year|"
    r"(?P<fyear>\d{4}))|ersten Handelstag (?:des (?:neuen )?Jahres|(?:des Jahres )?(?P<fyear2>\d{4})))"
)


def sentence_day(text: str, p: Published) -> ResolvedDates | None:
    """The day a sentence names for what follows it ("Am Montag ...", "On the first day of
    trading in 2022, ..."): its first weekday, today or first session of a year; never the
    start of a move ("down 6.9% from Friday's close")."""
    for m in _SCENE.finditer(text):
        if m.group("base") or m.group("close"):
            continue
        if m.group("first"):
            found = _year_edge(HorizonCue("year_edge", m), "one_day", p)
        else:
            found = _one_day(HorizonCue("one_day", m), "one_day", p)
        if found is not None and found.anchor.rule in _CARRIED and found.end is not None:
            return found
    return None


_EARLY = re.compile(r"Anfang|Beginn|early|start|beginning", re.IGNORECASE)


def period_start(scan: Scan, p: Published) -> ResolvedDates | None:
    """The start of a period the sentence names ("ihre Rallye seit Anfang April"), as the days a
    later "damals"/"back then" means: the first ten days for "Anfang"/"early", else that day."""
    cues = find_cues(scan, 0, len(scan.text), [], kinds=_SINCE_KINDS)
    if not cues:
        return None
    found = resolve_dates(cues, "share_price", p)
    if found.start is None or found.anchor.rule == "unknown":
        return None
    first = found.start
    last = first + dt.timedelta(days=9) if _EARLY.search(found.anchor.cue or "") else first
    return ResolvedDates("one_day", found.anchor, first, last, first)


_SINCE_KINDS = frozenset({"since", "from_date", "from_extreme"})


def carried(dates: ResolvedDates) -> DateAnchor:
    """The anchor of a claim that takes the day an earlier sentence named."""
    return DateAnchor("carried", dates.anchor.cue, of=dates.anchor)


def level_dates(
    dates: ResolvedDates, cues: list[HorizonCue], pos: int, p: Published
) -> ResolvedDates:
    """The sessions a price level is about: any session of a named month ("the closing high of
    $149.84 recorded in November 2021"); the window of the high or low it states ("zum
    Rekordhoch von gut 319 US-Dollar aus dem Oktober 2020"); a period cue is the record's
    window, not the level's day ("erstmals seit August 2022 über 100 Dollar": the level is
    now)."""
    inside = any(
        c.kind == "from_extreme" and c.match is not None and c.match.start() <= pos < c.match.end()
        for c in cues
    )
    if dates.anchor.rule == "from_extreme" and inside and dates.start is not None:
        last = dates.anchor.until or dates.end
        anchor = DateAnchor("explicit", dates.anchor.cue)
        return ResolvedDates("one_day", anchor, dates.start, last, dates.start)
    if dates.horizon == "month" and dates.start is not None:
        return replace(dates, horizon="one_day", end_earliest=dates.start)
    if dates.horizon in _PERIODS:
        return _one_day(None, "one_day", p)
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
    spans = [c.match.span() for c in cues if c.match is not None]
    cues = [  # a cue inside a longer one is part of it ("vom Rekordhoch aus dem Oktober 2020")
        c
        for c in cues
        if c.match is None
        or not any(a <= c.match.start() and c.match.end() <= b and (a, b) != c.match.span()
                   for a, b in spans)
    ]  # fmt: skip
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
    if "year_edge" in kinds and (found := _year_edge(kinds["year_edge"], "one_day", p)):
        return found
    if "part_month" in kinds and not {"since", "from_date", "from_extreme"} & kinds.keys():
        found = _part_month(kinds["part_month"], p)
        if found is not None:
            return found
    if "mtd" in kinds or "month" in kinds:
        return _month(kinds.get("month") or kinds["mtd"], p)
    for kind, special in (
        ("date_range", _date_range),
        ("weekday_range", _weekday_range),
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
