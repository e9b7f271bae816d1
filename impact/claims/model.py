"""The claim record, and the claim in words.

Every decision is a typed value (see values.py); the sentences a person reads (``dates_how``,
``notes``, ``describe()``) are generated here from those values, and nothing downstream reads
them back.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, fields
from typing import Any, Literal

from impact.claims.values import (
    BasisCue,
    DateAnchor,
    Direction,
    EntityHow,
    Hedge,
    Horizon,
    Kind,
    ListingHow,
    Metric,
    Published,
    RecordOf,
    Testable,
    TestableWhy,
    Unit,
)

__all__ = ["Claim", "describe_anchor", "published_where", "testable_reason"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion about a market or company figure, as the article states it.

    ``magnitude`` is the number as written (9.1 for "9,1 Prozent", 18.5 for "18,5 Milliarden
    Dollar"); ``scale`` multiplies it into units of ``currency``; ``precision`` is the number of
    decimals written. ``start``/``end`` bound the period the claim measures; when the end is
    known only as a range, ``end_earliest`` < ``end``. ``dates`` says how they were decided.
    """

    id: int
    kind: Kind
    text: str
    span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    language: str
    published: Published
    entity: str | None
    entity_how: EntityHow
    ticker: str | None
    listing_how: ListingHow
    listing_reason: str
    alternatives: tuple[tuple[str, str], ...]
    metric: Metric
    direction: Direction
    magnitude: float | None
    unit: Unit | None
    currency: str | None
    scale: float
    precision: int | None
    hedge: Hedge
    horizon: Horizon
    start: dt.date | None
    end: dt.date | None
    end_earliest: dt.date | None
    dates: DateAnchor
    testable: Testable
    testable_why: TestableWhy
    entity_cue: str | None = None  # the coreference or unknown company as written
    segment: str | None = None
    n_sessions: int | None = None
    fiscal_quarter: int | None = None  # "im ersten Geschäftsquartal": the company's fiscal Q1
    record_since: dt.date | None = None
    record_basis: Literal["one_day", "level"] | None = None
    record_of: RecordOf | None = None  # what a record ranks (values.RecordOf)
    record_anchor: bool = False  # the window's first day is itself the earlier, as large event
    record_until: dt.date | None = None  # a record at a past date: the window ends here
    record_count: int | None = None  # streaks: n consecutive sessions
    attached_to: int | None = None
    closing: bool = False
    basis_cue: BasisCue = "unknown"  # what the text says about the time of day (values.BasisCue)
    during_session: bool = False  # written while the session ran: an extreme is the one so far
    half_unit: float | None = None  # the rounding a number in words implies ("a fifth": 2.5)
    assumed_metric: bool = False  # no metric named: the share price of a listed company assumed
    dollar_ambiguous: bool = False  # "Dollar" for a Hong Kong listing: USD assumed
    value_reached: str | None = None  # "auf"/"to": the level reached, not the change

    @property
    def unanchored(self) -> bool:
        """No date in the sentence: the session is the latest one before publication."""
        return self.dates.rule == "unanchored"

    @property
    def dates_how(self) -> str:
        """How the dates were decided, in words."""
        return describe_anchor(self.dates, self)

    @property
    def notes(self) -> tuple[str, ...]:
        """How the entity, testability and readings were decided, in words."""
        return _notes(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; dates as ISO strings, the decisions in words and as values."""
        return _record(self)

    def describe(self) -> str:
        """'Alibaba (9988.HK) share_price up over 40%, ytd'."""
        return _describe(self)

    def __repr__(self) -> str:
        return f"Claim({self.id}: {self.describe()} @ {self.span[0]}:{self.span[1]})"

    def replaced(self, **changes: Any) -> Claim:
        """``dataclasses.replace(self, **changes)``, without its per-field checks (every field
        of a Claim is a plain init field): the values read at once, the changes put in place."""
        values = list(_ALL_FIELDS(self))
        for name, value in changes.items():
            if name not in _FIELD_INDEX:
                raise TypeError(f"Claim has no field {name!r}")
            values[_FIELD_INDEX[name]] = value
        return Claim(*values)


_FIELD_NAMES = tuple(f.name for f in fields(Claim))
_ALL_FIELDS = operator.attrgetter(*_FIELD_NAMES)
_FIELD_INDEX = {name: i for i, name in enumerate(_FIELD_NAMES)}


def published_where(p: Published) -> str:
    return f"published {p.label()} ({p.how})"


def _quarter(a: DateAnchor) -> str:
    if a.year is None:
        text = f"'{a.cue}': no year and no publication date"
    else:
        text = f"'{a.cue}': Q{a.quarter} {a.year}"
        if not a.year_written:
            text += " (year from publication)"
    if a.year_on_year:
        text += ", against the same quarter a year earlier"
    return text


def _unknown(a: DateAnchor) -> str:
    lacking = {
        "year": "year unknown",
        "publication": "no publication date",
        "year_and_publication": "year unknown (no publication date)",
        "date": "names no date that exists in 1900..2100",
        "listing": "measured from the listing (IPO): the registry knows neither its day nor price",
    }[a.missing or "year"]
    return f"'{a.cue}': {lacking}"


def describe_anchor(a: DateAnchor, c: Claim) -> str:
    """How the dates of claim ``c`` were decided by anchor ``a``, in words."""
    where = published_where(c.published)
    rule = a.rule
    if rule == "unanchored":
        if c.published.end is None:
            return "no date in the sentence and no publication date: the session is unknown"
        return f"no date in the sentence: the latest session before publication ({where})"
    if rule == "attached":
        inner = describe_anchor(a.of, c) if a.of is not None else ""
        return f"the session of the attached move (claim {a.attached_to}): {inner}"
    if rule == "unknown":
        return _unknown(a)
    if rule == "quarter":
        return _quarter(a)
    cue = f"'{a.cue}'" if a.cue is not None else "no period named"
    return f"{cue}: {_anchored(a, c, where)}"


def _anchored(a: DateAnchor, c: Claim, where: str) -> str:
    """The words after the cue for the rules with a cue and dates."""
    session = _session_words(a, c, where)
    return session if session is not None else _period_words(a, c, where)


def _session_words(a: DateAnchor, c: Claim, where: str) -> str | None:
    """The words for the rules that name one session (None: a period rule)."""
    match a.rule:
        case "weekday":
            return f"the latest {a.weekday} on or before publication ({where})"
        case "today":
            return f"the publication day ({where})"
        case "carried":
            return f"no date in the sentence: the day an earlier sentence named, {c.end}"
        case "first_session":
            return f"the first session of the year, {c.end_earliest}..{c.end}"
        case "year_end":
            return f"the last session on or before {c.end}"
        case "overnight":
            return (
                f"a US figure in a report on the Hong Kong trading day of publication: the US "
                f"session before it ({where})"
            )
        case "yesterday":
            return f"the day before publication ({where})"
        case "explicit":
            return f"the date written in the sentence, {c.end}"
    return None


def _period_words(a: DateAnchor, c: Claim, where: str) -> str:
    """The words for the rules that name a period (else: the latest reported period)."""
    since = f"from the last close before {c.start} to publication ({where})"
    match a.rule:
        case "ytd":
            return f"from the last close of {(a.year or 0) - 1} to publication ({where})"
        case "half":
            return f"the {'first' if a.count == 1 else 'second'} half of {a.year} ({where})"
        case "year":
            return f"the whole of {a.year}, from the last close of {(a.year or 0) - 1} to its last"
        case "mtd":
            return f"month to date, from the last close before {c.start:%Y-%m} ({where})"
        case "month_to_date_or_whole":
            return f"{c.start:%B %Y}, to date or whole ({where})"
        case "month":
            return f"the whole of {c.start:%B %Y}"
        case "since":
            return since
        case "trailing":
            return f"the trailing {a.count} {a.unit}: {since}"
        case "week":
            return f"the week of {c.start} ({where})"
        case "n_sessions":
            return f"{a.count} sessions to publication ({where})"
        case "from_date":
            return f"from the close of {c.start} to publication ({where})"
        case "from_extreme":
            word = "highest" if a.extreme == "high" else "lowest"
            return f"from the {word} close between {c.start} and {a.until} to publication ({where})"
        case "fiscal_quarter":
            return (
                f"the latest fiscal Q{a.quarter} reported before publication, year on year "
                f"({where})"
            )
    return f"the latest period reported before publication, year on year ({where})"


def _entity_note(c: Claim) -> str:
    how = c.entity_how
    if how == "clause":
        return "named in the clause"
    if how == "sentence":
        return "named in the sentence"
    if how == "unknown_company":
        return f"'{c.entity_cue}': a company not in the registry"
    if how == "other_asset":
        return f"'{c.entity_cue}': a commodity, currency or bond, not a company or index"
    if how == "coref":
        return f"'{c.entity_cue}': the company of the previous sentences"
    if how == "carried":
        return "no name in the sentence: the company of the previous sentences"
    return "no company or index named"


def testable_reason(c: Claim) -> str:
    """Why the claim is (or is not) testable, in words."""
    why = c.testable_why
    if why == "unlisted":
        return f"{c.entity} has no stock-exchange listing"
    if why == "no_data_metric":
        return f"{c.metric.replace('_', ' ')}: no market or reported data for it"
    if why == "reported":
        return "a reported company figure"
    if why == "no_entity":
        return "no company or index named"
    if why == "market_value":
        return "market value in money needs shares outstanding, which no source here has"
    if why == "venue_not_listed":
        return f"{c.listing_reason}; no prices for that line here"
    return "a price move or level"


def _record_note(c: Claim) -> str:
    if c.record_basis == "one_day":
        word = "fall" if c.direction == "down" else "rise"
        return f"record: the largest one-session {word} since {c.record_since}"
    word = "lowest" if c.direction == "down" else "highest"
    return f"record: the {word} level since {c.record_since}"


def _notes(c: Claim) -> tuple[str, ...]:
    if c.kind == "record":
        return (_record_note(c),)
    out = [f"entity: {_entity_note(c)}", f"testable: {testable_reason(c)}"]
    if c.dates.rule == "quarter" and c.dates.fiscal:
        out.append("a fiscal quarter: its calendar dates depend on the company")
    if c.dates.since_last_year:
        out.append("'since last year' read as since the start of last year")
    if c.assumed_metric:
        out.append("no metric named: the share price assumed for a listed company")
    if c.dollar_ambiguous:
        out.append("'Dollar' is ambiguous for a Hong Kong listing: USD assumed")
    if c.value_reached:
        out.append(f"'{c.value_reached}': the value reached, not the change")
    return tuple(out)


def _iso(day: Any) -> str | None:
    return None if day is None else day.isoformat()


def _record(c: Claim) -> dict[str, Any]:
    """The claim as plain JSON types (the keys of ``impact claims --json``)."""
    return {
        "id": c.id,
        "kind": c.kind,
        "text": c.text,
        "span": list(c.span),
        "sentence": c.sentence,
        "sentence_span": list(c.sentence_span),
        "language": c.language,
        "entity": c.entity,
        "ticker": c.ticker,
        "listing_reason": c.listing_reason,
        "alternatives": [{"ticker": t, "why": w} for t, w in c.alternatives],
        "metric": c.metric,
        "direction": c.direction,
        "magnitude": c.magnitude,
        "unit": c.unit,
        "currency": c.currency,
        "scale": c.scale,
        "precision": c.precision,
        "hedge": c.hedge,
        "horizon": c.horizon,
        "start": _iso(c.start),
        "end": _iso(c.end),
        "end_earliest": _iso(c.end_earliest),
        "dates_how": describe_anchor(c.dates, c),
        "testable": c.testable,
        "segment": c.segment,
        "n_sessions": c.n_sessions,
        "fiscal_quarter": c.fiscal_quarter,
        "record_since": _iso(c.record_since),
        "record_basis": c.record_basis,
        "attached_to": c.attached_to,
        "closing": c.closing,
        "basis_cue": c.basis_cue,
        "during_session": c.during_session,
        "half_unit": c.half_unit,
        "record_of": c.record_of,
        "record_anchor": c.record_anchor,
        "record_until": _iso(c.record_until),
        "record_count": c.record_count,
        "notes": list(_notes(c)),
        "entity_how": c.entity_how,
        "listing_how": c.listing_how,
        "date_rule": c.dates.rule,
        "testable_why": c.testable_why,
    }


def _describe(c: Claim) -> str:
    """'Alibaba (9988.HK) share_price up over 40 percent, ytd' (one line, for reprs and logs)."""
    if c.kind == "record":
        if c.record_basis == "level":
            what = "highest level" if c.direction == "up" else "lowest level"
        else:
            what = f"largest one-session {'rise' if c.direction == 'up' else 'fall'}"
        return f"{c.entity or '?'} ({c.ticker or '-'}) {what} since {c.record_since}"
    size = "" if c.magnitude is None else f" {c.hedge.replace('_', ' ')} {c.magnitude:g}"
    unit = {"percent": "%", "percentage_points": " pp"}.get(c.unit or "", "")
    if c.unit == "money":
        unit = f" {c.currency} x{c.scale:g}"
    return (
        f"{c.entity or '?'} ({c.ticker or '-'}) {c.metric} {c.direction}{size}{unit}, {c.horizon}"
    )
