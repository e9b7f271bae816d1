"""Dates carried between sentences: a day a sentence names dates the undated figures after it;
"damals"/"back then" takes the start of a period named before; a Hong Kong trading-day report
dates its undated US figures to the US session before."""

from __future__ import annotations

import datetime as dt
import re

from impact.claims.fields import SentenceScan
from impact.claims.horizon_rules import year_closing
from impact.claims.horizons import ResolvedDates, carried, period_start, sentence_day
from impact.claims.lexicon_records import RECORDS
from impact.claims.model import Claim, DateAnchor, Published
from impact.claims.values import PRICE_METRICS
from impact.fastre import word_alternation
from impact.listings import mic_for_ticker

__all__ = ["back_then", "background_day", "day_apart", "day_of_claims", "overnight", "with_day"]

_SINCE_WORD = re.compile(r"[Ss]eit|[Ss]ince|[Vv]om|[Ff]rom")
_BACK_THEN_WORDS = (
    "damals|zu diesem Zeitpunkt|zu jener Zeit|back then|at the time|at that time|at that point"
)
_BACK_THEN = re.compile(
    word_alternation(w for a in _BACK_THEN_WORDS.split("|") for w in (a, a[:1].upper() + a[1:]))
    + r"(?!\w)"
)


def back_then(
    claims: list[Claim], sentence: str, published: Published, before: list[str]
) -> list[Claim]:
    """ "...der Anstieg seit Mitte Mai. Damals kostete die Aktie noch etwa 62 Euro":
    an undated figure of a sentence that says "damals"/"back then" is of the start of the period
    the nearest of the ``before`` sentences names."""
    if not claims or not _BACK_THEN.search(sentence):
        return claims
    named = (
        period_start(SentenceScan(t), published) for t in reversed(before) if _SINCE_WORD.search(t)
    )
    then = next(filter(None, named), None)
    if then is None:
        return claims
    anchor = DateAnchor("explicit", then.anchor.cue)
    return [
        c.replaced(start=then.start, end=then.end, end_earliest=then.end_earliest, dates=anchor)
        if c.unanchored and c.kind != "record"
        else c
        for c in claims
    ]


_DAY_RULES = frozenset({"weekday", "today", "first_session"})
# "gestern" names a day too, but an undated figure after it is mostly today's: it only ends the
# periods to date ("seit Jahresanfang") that come after it
EVENT_DAY_RULES = _DAY_RULES | {"yesterday"}


# a clause about what happened before the scene: "..., nachdem er am Montag ... abgesackt war"
_BACKGROUND = re.compile(r"(?<!\w)(?:nachdem|after|bevor|before)(?!\w)[^,;:.]*$", re.IGNORECASE)


def _in_background(c: Claim) -> bool:
    """Whether the claim stands in a clause about what happened before ("nachdem", "after")."""
    at = c.span[0] - c.sentence_span[0]
    return bool(_BACKGROUND.search(c.sentence, max(0, at - 120), at))


def day_of_claims(claims: list[Claim], rules: frozenset[str] = _DAY_RULES) -> ResolvedDates | None:
    """The day the sentence's own figures are dated by ("fell 5% on Monday"), as the day it
    names for the sentences after it (horizons.sentence_day, without reading it again); not a
    day named in a clause about what happened before ("nachdem er am Montag ... abgesackt war").
    ``rules``: the date rules that name such a day."""
    for c in claims:
        if c.kind != "record" and c.horizon == "one_day" and c.dates.rule in rules:
            if not _in_background(c) and not _look_back(c):
                return ResolvedDates("one_day", c.dates, c.start, c.end, c.end_earliest)
    return None


def _look_back(c: Claim) -> bool:
    """Whether the claim's day is named as an attribute of what it quantifies, a look back
    ("den Verlust vom Dienstag von 10 Prozent", "Tuesday's 10% loss"): not the sentence's day."""
    cue = c.dates.cue
    at = c.span[0] - c.sentence_span[0]
    i = c.sentence.rfind(cue, 0, at) if cue else -1
    if i < 0:
        return False
    after = c.sentence[i + len(cue) : i + len(cue) + 2]
    return c.sentence[max(0, i - 4) : i] == "vom " or after in ("'s", "’s")


_DAY_AFTER = re.compile(
    r"(?<!\w)(?:a day after|one day after|the day after|einen Tag nachdem|einen Tag nach|"
    r"a day before|one day before|einen Tag bevor|einen Tag vor)(?!\w)[^,;:.]*$",
    re.IGNORECASE,
)


def day_apart(claims: list[Claim], day: ResolvedDates | None) -> list[Claim]:
    """A figure in a clause "a day after ..." ("jumped 12.2% on Tuesday, a day after the ADRs
    rallied 9% in New York") is of the weekday before the sentence's day ("a day before": after
    it); the calendar of its listing picks the session on or before it."""
    if day is None or day.end is None or day.start != day.end or not claims:
        return claims
    if not any(w in claims[0].sentence for w in ("day", "Tag")):
        return claims
    out = []
    for c in claims:
        at = c.span[0] - c.sentence_span[0]
        m = _DAY_AFTER.search(c.sentence, max(0, at - 120), at)
        if m is None or c.kind == "record" or c.dates.rule not in _SAME_DAY or c.end != day.end:
            out.append(c)
            continue
        step = -1 if "after" in m.group(0).lower() or "nach" in m.group(0).lower() else 1
        other = day.end + dt.timedelta(days=step)
        while other.weekday() > 4:
            other += dt.timedelta(days=step)
        anchor = DateAnchor("explicit", " ".join(m.group(0).split()[:3]))
        out.append(c.replaced(start=other, end=other, end_earliest=other, dates=anchor))
    return out


_SAME_DAY = {"weekday", "carried", "unanchored", "today"}


def background_day(claims: list[Claim]) -> bool:
    """Whether the sentence's dated figures all stand in clauses about what happened before."""
    dated = [c for c in claims if c.kind != "record" and c.dates.rule in _DAY_RULES]
    return bool(dated) and all(_in_background(c) for c in dated)


def _day_record(c: Claim) -> bool:
    """A record of one session's move or level with no figure of its own in the sentence ("It
    was Apple's worst day since March 2020", "Niedriger hatte das Papier zuletzt im April 2021
    geschlossen"): it is about the day the text is on. Not a streak,
    whose end may be the session before ("on course to snapping three sessions of losses")."""
    return c.attached_to is None and c.record_count is None


def _carried_streak(c: Claim) -> bool:
    """A streak with no figure and no day of its own, in a sentence that does not say it
    ended ("Das war der dritte Gewinntag in Folge" after "stieg am Mittwoch"): the day before's."""
    return _own_streak(c) and RECORDS.snap.search(c.sentence) is None


def _own_streak(c: Claim) -> bool:
    """A streak with no figure of its own, in a sentence that names its day ("Der Dax stieg am
    Montag den zehnten Tag in Folge"): it ends on that day."""
    return c.attached_to is None and c.record_of == "streak"


def with_day(
    claims: list[Claim],
    day: ResolvedDates | None,
    periods: bool,
    latest: ResolvedDates | None = None,
) -> list[Claim]:
    """Claims with no date of their own take the day an earlier sentence (or their own, in a
    later clause) named ("Siemens on Tuesday announced ... The shares finished the day 1.8 per
    cent higher"); a print during the session stays at publication; a record follows its figure,
    or with none in its sentence takes the day too ("It was Apple's worst day since March 2020"),
    as does a streak from its own sentence's day.
    ``periods``: a period running to publication ends on an earlier sentence's day too: on the
    ``latest`` day the text named, when given (a look back at an earlier day, "Am Dienstag hatten
    sie noch 2 Prozent gewonnen", does not move the end of "seit Jahresanfang ... damit")."""
    if day is None:
        return claims
    anchor = carried(day)
    to = latest if latest is not None and latest.end is not None else day
    out = [
        c.replaced(start=day.start, end=day.end, end_earliest=day.end_earliest, dates=anchor)
        if c.unanchored
        and c.basis_cue != "snapshot"
        and (
            c.kind != "record"
            or _day_record(c)
            or (_own_streak(c) if not periods else _carried_streak(c))
        )
        else _period_to(c, to)
        if periods
        else c
        for c in claims
    ]
    return _followed(out, claims)


def _followed(out: list[Claim], claims: list[Claim]) -> list[Claim]:
    """``out`` (the ``claims`` with some redated) with each record attached to a redated claim
    taking its new dates too."""
    moved = {c.id: c for c, old in zip(out, claims, strict=True) if c is not old}
    if not moved:
        return out
    return [
        c.replaced(start=m.start, end=m.end, end_earliest=m.end_earliest)
        if c.dates.rule == "attached" and (m := moved.get(c.attached_to)) is not None  # type: ignore[arg-type]
        else c
        for c in out
    ]


_TO_NOW = {"since", "ytd", "mtd", "trailing", "n_sessions", "from_date", "from_extreme"}


def _period_to(c: Claim, day: ResolvedDates) -> Claim:
    """A period that runs to publication ends on the day the text is about ("Intel shares have
    gained about 20 percent so far this year", after "on Thursday")."""
    pe = c.published.end
    if c.dates.rule not in _TO_NOW or day.end is None or pe is None or c.end != pe:
        return c
    if day.end >= pe or (c.start is not None and day.end <= c.start):
        return c
    return c.replaced(end=day.end, end_earliest=day.end)


_US_MICS = {"XNYS", "XNAS"}


def overnight(claims: list[Claim], pub: Published) -> list[Claim]:
    """A report on the Hong Kong trading day (a figure of an HKEX listing with no date, published
    on a date without a time) gives its undated US figures the US session before: New York
    trades after Hong Kong, so the day's US session had not happened ("In New York legte die
    Tencent-Aktie zuletzt auf 52 Dollar zu", "an overnight surge in New York")."""
    if pub.time is not None or pub.end is None or pub.start != pub.end:
        return claims
    today = {"unanchored", "today", "carried"}
    if not any(
        c.dates.rule in today
        and c.end == pub.end
        and c.ticker
        and mic_for_ticker(c.ticker) == "XHKG"
        for c in claims
    ):
        return claims
    day = pub.end - dt.timedelta(days=1)
    anchor = DateAnchor("overnight")
    return [
        c.replaced(start=day, end=day, end_earliest=day, dates=anchor)
        if c.unanchored and c.kind != "record" and c.ticker and mic_for_ticker(c.ticker) in _US_MICS
        else c
        for c in claims
    ]


_CLOSED_PERIODS = frozenset({"month", "quarter", "year"})


def _closed_period(c: Claim) -> bool:
    """A month, quarter or year that has ended, or a year to date written in its last days: a
    review's period. (A period to date in a day's report, "down a third since the start of the
    year", does not carry: the figures after it are the day's again.)"""
    if c.horizon in _CLOSED_PERIODS:
        return True
    return c.horizon == "ytd" and c.end is not None and year_closing(c.end)


def period_of(found: list[Claim]) -> ResolvedDates | None:
    """The month, quarter or year a sentence's last move is of, when all its moves are of such
    ended periods (:func:`_closed_period`): the period the moves of the next sentence run over when it names no time of
    its own ("Im Januar legte der Dax um 8,7 Prozent zu. Zu den größten Gewinnern zählten
    Infineon mit knapp 16 Prozent"; "…ended the year up 23%. Apple gained about 30%"); a
    sentence whose moves took it passes it on."""
    moves = [c for c in found if c.kind == "move" and c.metric in PRICE_METRICS]
    if not moves or not all(_closed_period(c) for c in moves):
        return None
    last = moves[-1]
    return ResolvedDates(
        last.horizon, last.dates, last.start, last.end, last.end_earliest, last.n_sessions
    )


# a day the sentence names without a date: "Am letzten Handelstag gab der Index 0,5 Prozent nach"
_A_DAY = re.compile(
    r"(?<!\w)(?:Handelstag|Börsentag|Tag|Sitzung|session|day|heute|today|gestern|yesterday)"
    r"(?!\w)",
    re.IGNORECASE,
)


def with_period(claims: list[Claim], period: ResolvedDates | None, sentence: str) -> list[Claim]:
    """The moves with no time of their own take ``period`` (see :func:`period_of`), unless
    the sentence speaks of a day."""
    if period is None or not any(c.unanchored for c in claims) or _A_DAY.search(sentence):
        return claims
    anchor = carried(period)
    out = [
        c.replaced(horizon=period.horizon, start=period.start, end=period.end,
                   end_earliest=period.end_earliest, dates=anchor)
        if c.unanchored and c.kind == "move" and c.basis_cue != "snapshot"
        else c
        for c in claims
    ]  # fmt: skip
    return _followed(out, claims)


_EVE = frozenset({"am vortag", "am vorabend"})


def eve_of(claims: list[Claim], day: ResolvedDates | None) -> list[Claim]:
    """ "Am Vortag" is the day before the day the text is on: the ``day`` an earlier sentence
    named ("Die Aktie ist gestern um 12,8 Prozent gesprungen. Am Vortag hatte sie noch sieben
    Prozent verloren": the day before yesterday), else the day before publication."""
    if day is None or day.end is None or day.start is None:
        return claims
    if not any(c.dates.rule == "yesterday" for c in claims):
        return claims
    before = dt.timedelta(days=1)
    out = [
        c.replaced(start=day.start - before, end=day.end - before,
                   end_earliest=(day.end_earliest or day.start) - before)
        if c.dates.rule == "yesterday" and (c.dates.cue or "").lower() in _EVE
        else c
        for c in claims
    ]  # fmt: skip
    return _followed(out, claims)


# a sentence that looks back from the day the text is on: pluperfect, "Tags zuvor", "had lost"
_LOOK_BACK = re.compile(
    r"(?<!\w)(?:hatte|hatten|Tags zuvor|tags zuvor|Am Vortag|am Vortag|had)(?!\w)"
)


class Timeline:
    """The days and periods the sentences of an article named so far, and how they date the
    figures of the next sentence (the rules of this module, in order)."""

    def __init__(self, published: Published) -> None:
        self.published = published
        self.day: ResolvedDates | None = None  # the day an earlier sentence named
        self.latest: ResolvedDates | None = None  # the latest day named: periods to date end there
        self.period: ResolvedDates | None = None  # the ended period the last figures were of

    def date(
        self, found: list[Claim], sentence: str, may_name_day: bool, before: list[str]
    ) -> list[Claim]:
        """The sentence's claims dated by what came before (``may_name_day``: the sentence may
        name a day of its own; ``before``: up to three sentences before it)."""
        pub = self.published
        own = day_of_claims(found)
        event = day_of_claims(found, EVENT_DAY_RULES)
        if own is None and may_name_day and not background_day(found):
            own = sentence_day(sentence, pub)
        found = back_then(found, sentence, pub, before)
        found = with_period(found, self.period, sentence) if own is None else found
        found = eve_of(found, self.latest)
        found = with_day(found, own or self.day, periods=own is None, latest=self.latest)
        found = day_apart(found, own)
        if self._looks_back(own, sentence):  # "Noch am Montag hatte er 2,6 Prozent gewonnen":
            self.period = None  # the day and period of a look back do not date what follows
            self._advance(None, own or event)
            return found
        if found or own is not None:
            self.period = period_of(found)
        self._advance(own, own or event)
        return found

    def _looks_back(self, own: ResolvedDates | None, sentence: str) -> bool:
        """The sentence looks back (pluperfect, "Tags zuvor", "had") to a day before the one
        the text is on."""
        if own is None or own.end is None or self.day is None or self.day.end is None:
            return False
        return own.end < self.day.end and _LOOK_BACK.search(sentence) is not None

    def named(self, own: ResolvedDates | None) -> None:
        """A sentence without figures named ``own`` (None: no day)."""
        if own is not None:
            self.period = None
        self._advance(own, own)

    def _advance(self, own: ResolvedDates | None, event: ResolvedDates | None) -> None:
        self.day = own or self.day
        if event is not None and event.end is not None:
            if self.latest is None or self.latest.end is None or event.end > self.latest.end:
                self.latest = event
