"""Typed values of the claims stage: the vocabularies (``Literal``s) of a claim's fields and of
how each was decided, the publication date, the time words found and how a claim's dates were
decided."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PRICE_METRICS",
    "BasisCue",
    "Confidence",
    "DateAnchor",
    "DateMissing",
    "DateRule",
    "Direction",
    "EntityHow",
    "Hedge",
    "Horizon",
    "HorizonCue",
    "Kind",
    "ListingHow",
    "Metric",
    "Published",
    "RecordOf",
    "ResolvedDates",
    "Testable",
    "TestableWhy",
    "Unit",
]

Kind = Literal["move", "level", "share", "record", "other"]
Direction = Literal["up", "down", "unchanged", "none"]
Hedge = Literal[
    "exact", "about", "over", "under", "at_least", "at_most", "just_under", "just_over", "up_to"
]
Horizon = Literal[
    "one_day",
    "intraday",
    "ytd",
    "year",  # a whole calendar year before publication ("in 2024", "im vergangenen Jahr")
    "mtd",
    "month",
    "since",
    "n_sessions",
    "week",
    "quarter",
    "quarter_yoy",
    "fiscal_yoy",
    "latest_reported",
    "record",
    "unspecified",
]
Metric = Literal[
    "share_price",
    "index_level",
    "market_value",
    "revenue",
    "share_of_revenue",
    "shipments",
    "market_share",
    "profit",
    "other",
]
PRICE_METRICS: frozenset[Metric] = frozenset({"share_price", "index_level"})  # a market's price
Unit = Literal["percent", "percentage_points", "money", "points"]
Testable = Literal["market", "reported", "none"]
# why a claim is (not) testable: the entity has no listing; a metric no source here has; a
# reported company figure; no company or index named; a market value in money; a price figure;
# a venue where the company has no line ("die hierzulande gehandelten ADRs")
TestableWhy = Literal[
    "unlisted",
    "no_data_metric",
    "reported",
    "no_entity",
    "market_value",
    "price",
    "venue_not_listed",
]
# where the entity came from: named in the number's clause, elsewhere in the sentence, a company
# the registry does not know, a coreference ("the company", "die Papiere") or an elliptical
# sentence resolved to the entity of the previous sentences, the headline, the next sentence (an
# article that opens with the figure), a market named as the subject ("Hong Kong" for its main
# index), or nothing
EntityHow = Literal[
    "clause",
    "sentence",
    "unknown_company",
    "other_asset",
    "coref",
    "carried",
    "headline",
    "next_sentence",
    "market",
    "none",
]
# what the text says about the time of day of a figure: the close; the day's extreme ("as much as",
# "bis zu", a day high/low); a snapshot during the session ("in morning trading", "zuletzt"); the
# open; outside the session (pre-market, after hours); or nothing
BasisCue = Literal["close", "extreme", "snapshot", "open", "after_hours", "unknown"]
# what a record claim ranks: the largest one-session move; the highest/lowest level; the first
# crossing of a mark since a date; the window's extreme given as a number ("Jahreshoch bei 5.767");
# n consecutive lower/higher closes; n consecutive record closes; the largest weekly move (and
# monthly, quarterly, yearly: on month-, quarter-, year-end closes); n consecutive lower/higher
# weekly (Friday) or month-end closes
RecordOf = Literal[
    "move", "level", "threshold", "window_extreme", "streak", "record_streak", "week_move",
    "month_move", "quarter_move", "year_move", "week_streak", "month_streak", "longest_streak",
]  # fmt: skip
# how the listing was chosen: the only listing, the index itself, a cue in the text, the
# registry default, no listing at all, or no entity to choose for
ListingHow = Literal[
    "only_listing",
    "index",
    "named_in_text",
    "default",
    "unlisted",
    "venue_not_listed",
    "looked_up",
    "unknown",
    "no_entity",
]
Confidence = Literal["given", "high", "medium", "low", "none"]
# how the claim's dates were decided (see DateAnchor)
DateRule = Literal[
    "unanchored",  # no date in the sentence: the latest session before publication
    "overnight",  # a US figure in a report on the Hong Kong day: the US session before it
    "carried",  # no date in the sentence: the day an earlier sentence named ("am Montag")
    "first_session",  # the first session of a year ("On the first trading day of 2019")
    "year_end",  # the last session of a year ("Zum Jahreswechsel")
    "weekday",  # "am Donnerstag": the latest such weekday on or before publication
    "today",
    "yesterday",
    "ytd",
    "year",  # a whole calendar year before publication ("in 2024", "last year")
    "half",  # a half year ("im ersten Halbjahr", "H1 2025")
    "mtd",  # a named month that contains publication: month to date
    "month_to_date_or_whole",  # publication straddles the month's end: both are candidates
    "month",  # a whole month before publication
    "since",  # "seit Oktober", "since 2022", "since last year"
    "trailing",  # "in den vergangenen zwölf Monaten"
    "week",
    "n_sessions",
    "quarter",
    "fiscal_quarter",  # "im ersten Geschäftsquartal": the latest such fiscal quarter reported
    "latest_reported",  # "zuletzt" or a reported figure with no period: the latest period
    "attached",  # a record claim takes the session of the move it qualifies
    "explicit",  # a date written in the sentence ("on Oct. 24, 2022", "am 5. März")
    "from_date",  # a move from a dated close, peak or low ("from its March 4 record close")
    "from_extreme",  # a move from a window's high or low ("from an October peak")
    "unknown",  # the cue needs a year or publication date that is not known
]


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date as a closed range (equal ends when known to the day)."""

    start: dt.date | None
    end: dt.date | None
    how: str
    confidence: Confidence
    time: str | None = None  # ISO time with offset when the source gave one

    @property
    def exact(self) -> bool:
        return self.start is not None and self.start == self.end

    @property
    def firm(self) -> bool:
        """Given by the user or a header line: a date the verdict may hold the text to."""
        return self.confidence in {"given", "high"}

    def label(self) -> str:
        if self.start is None:
            return "unknown"
        if self.exact:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"  # type: ignore[union-attr]


# what an "unknown" anchor lacks: the year, the publication date, or both; "date": the words
# name no real date in 1900..2100 ("seit 32. März", "Q5", "since 9999")
DateMissing = Literal["year", "publication", "year_and_publication", "date", "listing"]


@dataclass(frozen=True, slots=True)
class DateAnchor:
    """How a claim's dates were decided: the rule, the words that set it, and its parameters."""

    rule: DateRule
    cue: str | None = None  # the words in the text ("seit Jahresbeginn"); None: no cue
    year: int | None = None
    quarter: int | None = None
    year_written: bool = True  # False: the year was taken from the publication date
    year_on_year: bool = False
    fiscal: bool = False  # a fiscal quarter, whose calendar dates depend on the company
    weekday: str | None = None  # as written, for "weekday"
    count: int | None = None  # "trailing": how many units; "n_sessions": how many sessions
    unit: str | None = None  # "trailing": year, month or week (as written)
    since_last_year: bool = False  # "seit letztem Jahr", read as since the start of last year
    attached_to: int | None = None  # "attached": the move claim's id
    of: DateAnchor | None = None  # "attached": the move claim's anchor
    missing: DateMissing | None = None  # "unknown": what the cue needed
    extreme: Literal["high", "low"] | None = None  # "from_extreme": from the window's high/low
    until: dt.date | None = None  # "from_extreme": the window's last day


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
