"""Window phrases of records in both languages ("since March 2022", "seit dem 5. Januar", "in
almost five years", "of 2023", "seit der Finanzkrise", "ever"), the named market events and
seasons they may name, and the count words they read: word lists and patterns, as data.
lexicon_records.py compiles them with the record heads; record_windows.py reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from impact.claims.lexicon import MONTHS, NUMBER_WORDS, ORDINALS

__all__ = [
    "COUNT_WORDS",
    "EVENTS",
    "EVENT_DAY_RE",
    "EVENT_STEMS_DE",
    "EVENT_WORDS_EN",
    "NUM_RE",
    "ORDINAL_WORDS",
    "ORD_RE",
    "PERIOD_RE",
    "SEASONS",
    "WINDOW_RE",
    "alternation",
    "count_of",
    "month_of",
]

# seasons: name -> (first month, last month); winter runs into the next year
SEASONS: dict[str, tuple[int, int]] = {
    "frühjahr": (3, 5), "frühling": (3, 5), "spring": (3, 5), "sommer": (6, 8), "summer": (6, 8),
    "herbst": (9, 11), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
}  # fmt: skip
# named market events a window may start after: alias -> (year, month) the event ended (a
# crash: its last month of heavy losses; a bubble: its peak)
EVENTS: dict[str, tuple[int, int]] = {
    "finanzkrise": (2009, 3), "financial crisis": (2009, 3), "lehman": (2008, 9),
    "lehman collapse": (2008, 9), "lehman-pleite": (2008, 9), "lehman-kollaps": (2008, 9),
    "pandemic": (2020, 3), "pandemie": (2020, 3), "corona-crash": (2020, 3),
    "coronakrise": (2020, 3), "corona-krise": (2020, 3), "covid crash": (2020, 3),
    "covid-19 pandemic": (2020, 3), "covid pandemic": (2020, 3), "coronapandemie": (2020, 3),
    "corona-pandemie": (2020, 3), "pandemic sell-off": (2020, 3), "pandemic selloff": (2020, 3),
    "dotcom": (2000, 3), "dot-com": (2000, 3), "dotcom bubble": (2000, 3),
    "dot-com bubble": (2000, 3), "dotcom-blase": (2000, 3), "dotcom crash": (2002, 10),
    "dot-com crash": (2002, 10), "dotcom bust": (2002, 10), "dot-com bust": (2002, 10),
    "dotcom-crash": (2002, 10), "euro crisis": (2012, 7), "eurokrise": (2012, 7),
    "euro-krise": (2012, 7), "european debt crisis": (2012, 7), "euro debt crisis": (2012, 7),
    "euro-schuldenkrise": (2012, 7), "brexit vote": (2016, 6), "brexit-votum": (2016, 6),
    "brexit referendum": (2016, 6), "brexit-referendum": (2016, 6), "black monday": (1987, 10),
}  # fmt: skip
# words that name a market event the lexicon does not date ("seit der Asienkrise 1997", "since
# the 1987 crash"): with a year written, the window starts after that year; without, the
# event's date is not known here
EVENT_WORDS_EN = "crisis crash sell-off selloff meltdown bubble bust recession panic pandemic"
EVENT_STEMS_DE = "krise crash blase rezession pandemie"
_EXTRA_NUMBERS = {"eleven": 11, "elf": 11, "a": 1, "an": 1, "one": 1, "ein": 1, "einem": 1,
                  "einer": 1, "einen": 1, "eins": 1, "decade": 10, "dozen": 12}  # fmt: skip
_EXTRA_ORDINALS = {
    "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6, "siebte": 7, "achte": 8,
    "neunte": 9, "zehnte": 10,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "fünften": 5, "sechsten": 6, "siebten": 7, "siebenten": 7, "achten": 8,
    "neunten": 9, "zehnten": 10, "elften": 11, "zwölften": 12,
}  # fmt: skip
COUNT_WORDS = {**NUMBER_WORDS, **_EXTRA_NUMBERS}
ORDINAL_WORDS = {**ORDINALS, **_EXTRA_ORDINALS}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of fixed words, longest first (so "sell-off" beats "sell")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def count_of(word: str) -> int | None:
    """A cardinal or ordinal as a number: "three", "3", "dritten", "3rd", "3." -> 3."""
    w = word.lower().rstrip(".")
    if w.isdigit():
        return int(w)
    if w[:-2].isdigit() and w[-2:] in {"st", "nd", "rd", "th"}:
        return int(w[:-2])
    return COUNT_WORDS.get(w) or ORDINAL_WORDS.get(w) or ORDINAL_WORDS.get(w + ".")


def month_of(word: str) -> int:
    """A month name or abbreviation as its number: "Jan." -> 1, "März" -> 3."""
    return MONTHS[word.strip(".").lower()]


NUM_RE = rf"\d{{1,3}}|{alternation(COUNT_WORDS)}"
ORD_RE = rf"\d{{1,2}}(?:st|nd|rd|th|\.)|{alternation(ORDINAL_WORDS)}"
_ABBREVIATED = {
    m for m in MONTHS if len(m) <= 4 and any(o != m and o.startswith(m) for o in MONTHS)
}
_MONTH = "|".join(
    re.escape(m) + (r"\.?" if m in _ABBREVIATED else "")
    for m in sorted(MONTHS, key=lambda m: (-len(m), m))
)

# ---- window phrases (tried right after a head, or after a short gap) ---------------------------
_DAY = (
    rf"(?:dem\s+)?(?P<d1>\d{{1,2}})\.\s?(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?|"
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?|"
    rf"(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH})(?:,?\s+(?P<y3>\d{{4}}))?|"
    r"(?:dem\s+)?(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4})?"
)
_LAST_YEAR = r"\s+(?:last year|vergangenen Jahres|letzten Jahres|des Vorjahres)"
_PART = (
    r"Anfang|Beginn|Mitte|Ende|early|mid-|mid|late|the start of|the beginning of|"
    r"the middle of|the end of"
)
_PERIOD = (
    rf"(?P<day>{_DAY})(?P<lastyear>{_LAST_YEAR})?|"
    rf"(?P<part>{_PART})\s*(?:(?P<pm>{_MONTH})(?:\s+(?P<py>\d{{4}}))?|(?P<pyo>\d{{4}}))|"
    rf"(?:(?:dem|the|last|letztem|vergangenem)\s+)?(?P<season>{alternation(SEASONS)}|"
    rf"{alternation(s.capitalize() for s in SEASONS)})(?:\s+(?P<sy>\d{{4}}))?|"
    rf"(?P<mo>{_MONTH})(?:\s+(?P<moy>\d{{4}}))?|"
    r"(?P<yr>(?:19|20)\d\d)(?!\d)"
)
_LISTING = (
    r"(?:(?:it|they|the company|the stock|the shares|the group)\s+)?(?:first\s+)?(?:listed|"
    r"went public|was listed|floated|debuted|began trading|started trading|IPO'd)|"
    r"(?:its|their|the|dem|ihrem|seinem)\s+"
    r"(?:(?:stock market|market|trading|Nasdaq|NYSE|U\.S\.)\s+)?"
    r"(?:IPO|listing|debut|initial public offering|flotation|Börsengang|Börsendebüt|"
    r"Börsenstart|Börsennotierung|Erstnotiz|Handelsstart)|Börsengang|Börsendebüt|IPO"
)
_UNITS = (
    r"years|months|weeks|decades|year|month|week|decade|Jahren|Monaten|Wochen|Jahrzehnten|"
    r"Jahrzehnt|Jahr|Monat|Woche"
)


def _relative(tag: str) -> str:
    """ "almost five years", "seit drei Monaten": qualifier, count, unit (groups named by tag)."""
    return (
        rf"(?:(?P<{tag}q>almost|nearly|about|around|more than|over|just over|roughly|close to|"
        rf"mehr als|über|fast|knapp|rund|gut|etwa|genau|exakt|exactly|precisely)\s+)?"
        r"(?:(?:genau|exakt|exactly|precisely)\s+)?"  # "fast genau drei Jahren"
        rf"(?P<{tag}n>{NUM_RE})\s+(?P<{tag}u>{_UNITS})"
    )


_REL_IN, _REL_SINCE = _relative("i"), _relative("s")
_ALL_TIME = (
    r"ever|on record|in history|of all time|aller Zeiten|der Geschichte|der Firmengeschichte|"
    r"der Unternehmensgeschichte|seit Bestehen|jemals|überhaupt|nie zuvor|noch nie|"
    r"since (?:its )?inception|"
    r"in (?:its|their|the stock's|the company's|the index's) (?:record|history)"
)
_THIS_YEAR = (
    r"(?:of|for)\s+(?:the|this)\s+year|so far this year|this year|year to date|year-to-date|"
    r"des Jahres|dieses Jahres|in diesem Jahr|im laufenden Jahr|seit Jahresbeginn|"
    r"seit Jahresanfang|im (?:gesamten )?(?:bisherigen )?Jahresverlauf"
)
_YEAR_BEFORE = r"(?:(?P<{0}>(?:19|20)\d\d)(?:er)?\s+)?"
_YEAR_AFTER = r"(?:\s+(?:von\s+|of\s+|in\s+)?(?P<{0}>(?:19|20)\d\d)(?!\d))?"
_EVENT = (
    r"(?:the\s+|der\s+|dem\s+)?" + _YEAR_BEFORE.format("ey1")
    + r"(?:(?:globalen|global|great|großen|weltweiten)\s+)?"
    + rf"(?P<event>{alternation(EVENTS)})" + _YEAR_AFTER.format("ey2") + "|"
    + r"(?:the|der|dem)\s+" + _YEAR_BEFORE.format("uy1")
    + rf"(?P<uevent>(?:[\w-]+\s+){{0,2}}?(?:{alternation(EVENT_WORDS_EN.split())})|"
    + rf"[\w-]*(?:{alternation(EVENT_STEMS_DE.split())}))" + _YEAR_AFTER.format("uy2")
)  # fmt: skip
WINDOW_RE = (
    rf"(?P<alltime>{_ALL_TIME})|(?P<thisyear>{_THIS_YEAR})|"
    rf"(?:of|for|in|so far in)\s+(?P<ofyear>(?:19|20)\d\d)(?!\d)|"
    r"(?:in|within|in the past|in the last|over the past|binnen|innerhalb von)\s+"
    rf"(?P<inrel>{_REL_IN})|"
    rf"(?:since|seit|seitdem)\s+(?:(?P<listing>{_LISTING})|(?P<sincerel>{_REL_SINCE})|"
    rf"(?P<lastyr>last year|letztem Jahr|dem Vorjahr|dem vergangenen Jahr)|"
    rf"{_EVENT}|(?P<period>{_PERIOD})|"
    r"(?P<described>a|an|the|einem|einer|dem|der|its|seinem|ihrem)(?=\s))"
)
PERIOD_RE = _PERIOD
# an event's day: "a 9 per cent slump on June 3 last year"
EVENT_DAY_RE = rf"(?:on|am|vom)\s+(?P<eday>{_DAY})(?P<elast>{_LAST_YEAR})?"
