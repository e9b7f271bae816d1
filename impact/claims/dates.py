"""When an article was published, and what its relative dates mean.

Publication date, in order of confidence: a date given by the caller; front matter
(``published: 2025-02-13``, ``date: ...``) or a header line (``date 2025-02``) at the top (high;
a month stays a month-long range); otherwise evidence in the text, each said so: the latest dated URL
(``/2025/02/``; the article is on or after it: medium), the latest explicit date written in the text
(low), a named event with its year from the registry (low). A weekday named in the article
("am Donnerstag") that falls exactly once inside such a range pins the date (low).
"""

from __future__ import annotations

import datetime as dt
import re

from impact.claims.lexicon import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS
from impact.claims.values import Published
from impact.errors import InputError
from impact.fastre import compile_fast as _fast
from impact.fastre import word_alternation
from impact.registry import Registry

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Published",
    "checked_date",
    "detect_published",
    "latest_weekday",
    "month_range",
    "parse_date_option",
]

_HEADER = re.compile(
    r"\A\s*(?:---\s*\n(?:[^\n]*\n){0,20}?)?[ \t]*(?:published|date|datum|veröffentlicht|pubdate)"
    r"\s*[:=]?\s*(?P<date>\d{4}-\d{2}(?:-\d{2})?(?:[T ][0-9:]{5,8}(?:Z|[+-]\d{2}:?\d{2})?)?)",
    re.IGNORECASE,
)
_URL_DATE = _fast(r"/(?P<y>20\d{2})/(?P<m>0[1-9]|1[0-2])/(?:(?P<d>0[1-9]|[12]\d|3[01])/)?")
_ISO_DATE = _fast(
    r"(?<![\d/])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_DE_DATE = _fast(
    rf"(?<!\d)(?P<d>[0-3]?\d)\.\s?(?P<mon>{MONTH_RE}|0?[1-9]\.|1[0-2]\.)\s?(?P<y>(?:19|20)\d{{2}})(?!\d)"
)
_EN_DATE = _fast(rf"(?P<mon>{MONTH_RE})\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)")
# "am Montag", "on Friday", "last Tuesday": the capitalised weekday is found first (rarer than
# the words before it), then the word before it
_WEEKDAY_NAME = re.compile(rf"(?:{WEEKDAY_RE})(?!\w)")
_WEEKDAY_BEFORE = re.compile(r"(?<!\w)(?:am|on|last|vergangenen|letzten)\s+$")


FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates outside are not publication dates of news
# a date with an optional time: Python's fromisoformat alone also takes "10:100" and "1010"
_STAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def checked_date(year: int, month: int, day: int) -> dt.date:
    """The date, or InputError with a one-line reason (month 13, 30 February, year 9999)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(f"year {year} is outside {FIRST_YEAR}..{LAST_YEAR}")
    if not 1 <= month <= 12:
        raise InputError(f"month {month} is not 1..12")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{year}-{month:02d} has no day {day}") from None


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month (InputError for a month or year out of range)."""
    first = checked_date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def latest_weekday(weekday: int, on_or_before: dt.date) -> dt.date:
    """The latest date with this weekday (Monday = 0) on or before the given date."""
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)


def _month_number(text: str) -> int | None:
    key = text.strip(".").lower()
    if key.isdigit():
        return int(key)
    return MONTHS.get(key)


def parse_date_option(value: str) -> Published:
    """A publication date given by the user: ``2025-02-13``, ``2025-02`` (a month) or an ISO
    timestamp such as ``2025-02-13T07:30+01:00``."""
    value = value.strip()
    expected = (
        f"publication date {value!r} is not a date (expected YYYY-MM-DD, YYYY-MM or an "
        "ISO timestamp such as 2025-02-13T07:30+01:00)"
    )
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    try:
        if m:
            start, end = month_range(int(m.group(1)), int(m.group(2)))
            stamp = dt.datetime.combine(start, dt.time())
        else:
            if not _STAMP.fullmatch(value):
                raise ValueError(value)
            stamp = dt.datetime.fromisoformat(value)
    except InputError as exc:
        raise InputError(f"publication date {value!r}: {exc}") from None
    except ValueError:
        raise InputError(expected) from None
    if not FIRST_YEAR <= stamp.year <= LAST_YEAR:
        raise InputError(
            f"publication date {value!r}: the year is outside {FIRST_YEAR}..{LAST_YEAR}"
        )
    if m:
        return Published(start, end, f"given: {value} (a month: range)", "given")
    time = value if ("T" in value or " " in value) else None
    if time and stamp.tzinfo is None:
        raise InputError(
            f"publication time {value!r} has no zone; add one, e.g. {value}+01:00, or give the date"
        )
    return Published(stamp.date(), stamp.date(), f"given: {value}", "given", time)


def _from_header(text: str) -> Published | None:
    """The header's date; InputError naming the line when it is no date (2025-13, 9999-12)."""
    m = _HEADER.match(text[:2000])
    if not m:
        return None
    raw = m.group("date")
    where = f"line {text.count(chr(10), 0, m.start('date')) + 1}: header date {raw!r}"
    try:
        if len(raw) == 7:
            start, end = month_range(int(raw[:4]), int(raw[5:7]))
            return Published(start, end, f"header line 'date {raw}' (month only: range)", "high")
        checked_date(int(raw[:4]), int(raw[5:7]), int(raw[8:10]))
        if not _STAMP.fullmatch(raw):
            raise ValueError(raw)
        stamp = dt.datetime.fromisoformat(raw.replace(" ", "T"))
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    except ValueError:
        raise InputError(f"{where}: not a date or timestamp") from None
    how = f"header line {m.group(0).strip()!r}"
    time = raw if len(raw) > 10 else None
    if time and stamp.tzinfo is None:  # a time without a zone is no instant: the date only
        time, how = None, f"{how} (a time without a zone: the date only)"
    return Published(stamp.date(), stamp.date(), how, "high", time)


_YEAR = re.compile(word_alternation(["19", "20"], r"\d") + r"\d{2}(?!\d)")


def _dates_in_text(text: str) -> list[dt.date]:
    """Explicit dates, looked for only just before each four-digit year (keeps it fast)."""
    found = []
    windows = [text[max(0, m.start() - 24) : m.end()] for m in _YEAR.finditer(text)]
    for rx in (_ISO_DATE, _DE_DATE, _EN_DATE):
        for m in (x for w in windows for x in rx.finditer(w)):
            month = _month_number(m.group("m") if "m" in m.groupdict() else m.group("mon"))
            try:
                found.append(dt.date(int(m.group("y")), month or 0, int(m.group("d"))))
            except (ValueError, TypeError):
                continue
    return found


def _url_day_exists(m: re.Match[str]) -> bool:
    """Whether a dated URL's day exists (``/2025/02/30/`` is no date and is not evidence)."""
    try:
        dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d") or 1))
    except ValueError:
        return False
    return True


def detect_published(text: str, registry: Registry, option: str | None = None) -> Published:
    """The publication date from the option, the header, or evidence in the text (see module doc):
    the latest dated URL, else the latest date written, else a named event's dates; a range is
    narrowed to the one day of the only weekday the text names."""
    if option:
        return parse_date_option(option)
    header = _from_header(text)
    if header is not None:
        return header
    found = _from_urls(text) or _from_written_dates(text) or _from_events(text, registry)
    if found is None:
        return Published(None, None, "no date found in the text", "none")
    return found if found.exact else _narrowed_by_weekday(found, text)


def _from_urls(text: str) -> Published | None:
    """The latest dated URL in the text: its day (or month, as a range), on or after it."""
    urls = [m for m in _URL_DATE.finditer(text) if _url_day_exists(m)]
    if not urls:
        return None

    def key(m: re.Match[str]) -> tuple[int, int, int]:
        return int(m.group("y")), int(m.group("m")), int(m.group("d") or 0)

    best = max(urls, key=key)
    y, mo = int(best.group("y")), int(best.group("m"))
    if best.group("d"):
        day = dt.date(y, mo, int(best.group("d")))
        return Published(day, day, f"dated URL {best.group(0)!r}: on or after it", "medium")
    start, end = month_range(y, mo)
    return Published(start, end, f"latest dated URL {best.group(0)!r} (month: range)", "medium")


def _from_written_dates(text: str) -> Published | None:
    """The latest date written in the text, on or after it."""
    dates = _dates_in_text(text)
    if not dates:
        return None
    latest = max(dates)
    how = f"latest date written in the text ({latest}): on or after it"
    return Published(latest, latest, how, "low")


def _from_events(text: str, registry: Registry) -> Published | None:
    """The dates of the first named event with a year the registry knows ("Bitkom 2025")."""
    for _, event, year in registry.find_events(text):
        if year and year in event.dates:
            a, b = (dt.date.fromisoformat(x) for x in event.dates[year])
            return Published(a, b, f"named event '{event.name} {year}' ({a}..{b})", "low")
    return None


def _narrowed_by_weekday(found: Published, text: str) -> Published:
    """A range narrowed to its one day on the only weekday the text names, else as it is."""
    weekdays = {
        WEEKDAYS[m.group(0).lower()]
        for m in _WEEKDAY_NAME.finditer(text)
        if _WEEKDAY_BEFORE.search(text, max(0, m.start() - 40), m.start())
    }
    if len(weekdays) != 1 or found.start is None or found.end is None:
        return found
    wd = weekdays.pop()
    span = (found.end - found.start).days + 1
    days = [
        d for d in (found.start + dt.timedelta(days=i) for i in range(span)) if d.weekday() == wd
    ]
    if len(days) != 1:
        return found
    name = next(k for k, v in WEEKDAYS.items() if (v == wd and k[0] != "s") or v == wd)
    how = f"{found.how}; the only {name.capitalize()} in it, named in the text"
    return Published(days[0], days[0], how, "low")
