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
from dataclasses import replace

from impact.claims import horizon_bases as bases
from impact.claims import horizon_rules as rules
from impact.claims.dates import FIRST_YEAR, LAST_YEAR
from impact.claims.lexicon import LEXICON, WEEKDAY_RE
from impact.claims.values import DateAnchor, Horizon, HorizonCue, Published, ResolvedDates
from impact.fastre import Scan, find_once, require

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


_OF_GAP = re.compile(r"\s+(?:of|von|bei|at)\s+(?:about\s+|rund\s+|knapp\s+)?")


def base_level(dates: ResolvedDates, cues: list[HorizonCue], text: str, pos: int) -> ResolvedDates:
    """A level that is the base of a move, not the price now ("up 2.4% from Tuesday's close
    of $41.20", "vom Schlusskurs am Dienstag von 41 Dollar"): the base day's close."""
    if dates.anchor.rule != "from_date" or dates.start is None:
        return dates
    for cue in cues:
        if cue.kind in {"from_weekday", "from_date"} and cue.match is not None:
            if _OF_GAP.fullmatch(text, cue.match.end(), pos):
                anchor = DateAnchor("explicit", cue.match.group(0))
                return ResolvedDates("one_day", anchor, dates.start, dates.start, dates.start)
    return dates


_PERIODS = {"since", "ytd", "year", "mtd", "trailing", "n_sessions"}


_CARRIED = {"weekday", "today", "first_session"}  # "am Vortag" names a reference, not a scene


# a cheap superset of the words that name a day (weekday names end in "tag" or "day", but for
# Mittwoch and Sonnabend)
_DAY_ANY = re.compile(
    r"tag|day|[Mm]ittwoch|[Ss]onnabend|heute|Heute|aktuell|Aktuell|derzeit|Derzeit|currently|"
    r"Currently"
)


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
# every match holds one of these words (found fast: they start with plain letters)
require(
    _SCENE,
    re.compile(
        rf"{WEEKDAY_RE}|heute|Heute|today|Today|aktuell|Aktuell|derzeit|Derzeit|currently|"
        r"Currently|first |ersten Handelstag"
    ),
)


def sentence_day(text: str, p: Published) -> ResolvedDates | None:
    """The day a sentence names for what follows it ("Am Montag ...", "On the first trading
    day of 2019, ..."): its first weekday, today or first session of a year; never the
    start of a move ("up 2.4% from Tuesday's close")."""
    for m in find_once(_SCENE, text):
        if m.group("base") or m.group("close"):
            continue
        if m.group("first"):
            found = rules.year_edge(HorizonCue("year_edge", m), "one_day", p)
        else:
            found = rules.one_day(HorizonCue("one_day", m), "one_day", p)
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


_THEN = re.compile(r",\s*(?:als|when|wo|where)\b")


def level_dates(
    dates: ResolvedDates, cues: list[HorizonCue], pos: int, p: Published
) -> ResolvedDates:
    """The sessions a price level is about: any session of a named month ("its closing peak of
    $63.10 set in March 2019"); the window of the high or low it states ("vom
    Rekordhoch bei 88 Euro vom Juni 2019"); a period cue is the record's
    window, not the level's day ("erstmals seit August 2022 über 100 Dollar": the level is
    now)."""
    inside = any(
        c.kind == "from_extreme"
        and c.match is not None
        and (
            c.match.start() <= pos < c.match.end()
            or _THEN.match(c.match.string, c.match.end(), pos) is not None
        )
        for c in cues
    )  # the level is the extreme's, or in a clause about its time ("vom Rekordhoch im April,
    # als die Aktie bei 902 Euro schloss")
    if dates.anchor.rule == "from_extreme" and inside and dates.start is not None:
        last = dates.anchor.until or dates.end
        anchor = DateAnchor("explicit", dates.anchor.cue)
        return ResolvedDates("one_day", anchor, dates.start, last, dates.start)
    if dates.horizon == "month" and dates.start is not None:
        return replace(dates, horizon="one_day", end_earliest=dates.start)
    if dates.horizon in _PERIODS:
        return rules.one_day(None, "one_day", p)
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
    return ResolvedDates(horizon, DateAnchor("unknown", rules.cue_text(cue), missing="date"))  # type: ignore[arg-type]


_UNKNOWN_HORIZON = {"quarter": "quarter", "ytd": "ytd", "year": "year", "month": "month", "mtd": "mtd",
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
        return rules.quarter(kinds["quarter"], "yoy" in kinds, reported, p)
    periods = ("ytd", "month", "mtd", "since", "week")
    if "latest_reported" in kinds or (reported and not any(k in kinds for k in periods)):
        cue = kinds.get("latest_reported")
        anchor = DateAnchor("latest_reported", rules.cue_text(cue) if cue else None)
        return ResolvedDates("fiscal_yoy" if reported else "latest_reported", anchor, end=p.end)
    if {"since", "from_date", "from_extreme"} & kinds.keys():
        kinds.pop("part_month", None)  # "Mitte März" is the day a move since it starts from
    for kind, resolve in _BY_KIND:
        if kind in kinds and (found := resolve(kinds[kind], p)) is not None:
            return found
    horizon: Horizon = "intraday" if "intraday" in kinds else "one_day"
    if "date" in kinds and (found := rules.date(kinds["date"], horizon, p)) is not None:
        return found
    if "at_date" in kinds and (found := rules.at_date(kinds["at_date"], horizon, p)) is not None:
        return found
    return rules.one_day(kinds.get("one_day"), horizon, p)


def _year_edge(cue: HorizonCue, p: Published) -> ResolvedDates | None:
    return rules.year_edge(cue, "one_day", p)


# the cue kinds in the order they decide a claim's dates (the first that resolves wins)
_BY_KIND: tuple[tuple[str, Callable[[HorizonCue, Published], ResolvedDates | None]], ...] = (
    ("since_listing", rules.since_listing),  # "since its IPO in 2018": the IPO, not the year
    ("half", rules.half_year),
    ("ytd", rules.ytd),
    ("year_edge", _year_edge),
    ("part_month", rules.part_month),
    ("month", rules.month),
    ("mtd", rules.month),
    ("date_range", rules.date_range),
    ("weekday_range", rules.weekday_range),
    ("from_weekday", bases.from_weekday),
    ("from_date", bases.from_date),
    ("from_extreme", bases.from_extreme),
    ("since", rules.since),
    ("trailing", rules.trailing),
    ("week", rules.week),
    ("n_sessions", rules.n_sessions),
    ("year", rules.year),
)
