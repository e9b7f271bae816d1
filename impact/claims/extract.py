"""Stage 1: text -> claims. Rules and lexicons, offline and deterministic.

For every sentence (sentences.py): find quantities with a unit (numbers.py); for each, within its
clause: skip it when the clause holds a forecast, condition, target or stake marker; take its
hedge, direction and metric (fields.py), entity and listing (entities.py, the registry), horizon
and dates (horizons.py, against the publication date from dates.py). Superlatives become record
claims attached to the move in the same sentence (records.py). Sentences without a digit only
carry their entity forward.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from impact.claims.basis import find_basis_cue, scene_of, underway
from impact.claims.dates import detect_published
from impact.claims.entities import (
    Discourse,
    EntityFound,
    Mention,
    choose_listing,
    find_entity,
    find_segment,
    testability,
    traded_mentions,
)
from impact.claims.fields import (
    SentenceScan,
    find_direction,
    find_hedge,
    find_metric,
    level_direction,
)
from impact.claims.horizons import (
    HorizonCue,
    ResolvedDates,
    base_level,
    carried,
    day_words,
    find_cues,
    level_dates,
    may_name_day,
    period_start,
    resolve_dates,
    sentence_day,
)
from impact.claims.lexicon import LEXICON
from impact.claims.lexicon_records import GATES
from impact.claims.model import Claim, DateAnchor, Published
from impact.claims.negatives import negative_scan, non_price_reason
from impact.claims.numbers import NumberMatch, Style, decimal_style, find_numbers
from impact.claims.records import add_record, find_records
from impact.claims.sentences import WINDOW, clause_bounds, detect_language, split_sentences
from impact.claims.values import BasisCue, Direction, Hedge, Kind, Metric
from impact.listings import mic_for_ticker
from impact.registry import Entity, Registry, default_registry

__all__ = ["ExtractedArticle", "extract", "extract_article"]

_DIGIT = re.compile(r"\d")
# a sentence without a digit may still hold a claim: a number in words ("a fifth", "zwei
# Prozent", "verdoppelt") or a record without a figure ("its biggest decline in five years")
_WORDED = (
    "prozent", "percent", "per cent", "fünftel", "drittel", "viertel", "hälfte", "zehntel",
    "fifth", "third", "quarter", "half", "tenth", "verdoppel", "verdreifach", "halbiert",
    "doubled", "tripled", "halved",
)  # fmt: skip
# a record without a figure names a superlative, a record word, a first time, a streak; an
# amount in words a scale word ("zwei Milliarden Dollar")
_RECORD_STEMS = (
    *GATES["superlative"], *GATES["threshold"], *GATES["streak"], *GATES["as_since"],
    *GATES["record_for"], "rekord", "record", "all-time", "allzeit", "jahreshoch", "jahrestief",
    "höchststand", "tiefststand", "year high", "year low", "month high", "month low",
    "week high", "week low", "milliard", "billion", "million", "trillion",
)  # fmt: skip
# ... and then the sentence speaks of a market: a share, an index, a move
_MARKET_STEMS = (
    "aktie", "kurs", "index", "indizes", "börse", "papier", "titel", "stock", "share", "dax",
    "dow", "nasdaq", "s&p", "hang seng", "stoxx", "nikkei", "punkte", "points", "zähler",
    "rally", "rallye", "decline", "drop", "fall", "gain", "plunge", "slump", "jump", "surge",
    "advance", "loss", "verlust", "einbruch", "sturz", "anstieg",
)  # fmt: skip


# words that may name a day (horizons.sentence_day reads them): weekday names end in these
_DAY_STEMS = ("tag", "day", "heute", "aktuell", "derzeit", "currently")


@functools.cache
def _stems() -> Any:
    """An Aho-Corasick automaton of the lower-case gate stems: a number in words (enough on its
    own), a record or scale word, a market word (the two together)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    kinds: dict[str, int] = {}
    for bit, stems in ((1, _WORDED), (2, _RECORD_STEMS), (4, _MARKET_STEMS), (8, _DAY_STEMS)):
        for stem in stems:
            kinds[stem] = kinds.get(stem, 0) | bit
    for stem, bits in kinds.items():
        automaton.add_word(stem, bits)
    automaton.make_automaton()
    return automaton


MAX_CLAIMS = 2000  # a text with more claims is no article: reading stops there, and says so
_URL_HINT = re.compile(r"https?:|www\.|\]\(")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+|\]\([^)\s]*\)")
_COMPLEMENTIZER = re.compile(r"\s*(?:dass|daß|ob|that|whether|wonach)\b", re.IGNORECASE)
# reasons negatives.py gives for figures a company reports (tested against reported figures)
_COMPANY_FIGURES = {"revenue", "profit", "payout", "fundamental", "growth"}
# figures that have records of their own ("einen neuen Rekord geknackt: drei Billionen Dollar wert")
_RECORD_FIGURES = {"market_cap", "market_share", "volume", "flow"}
_PRICE_METRICS = {None, "share_price", "index_level", "market_value"}
_FIGURE_METRIC: dict[str, Metric] = {"revenue": "revenue", "profit": "profit"}
_PREPOSITION = re.compile(r"(?<!\w)(auf|to|bei|at|von|from|um|by)\s+(?:\S+\s+)?$")
_BARE_DOLLAR = {"$", "Dollar", "dollar", "dollars"}
_DOLLAR = re.compile(r"(?<![\w-])Dollar|(?<![A-Za-z])\$")
_OWN_DAY = re.compile(
    r"(?<!\w)(?:am|on|Am|On)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday)(?!\w)"
)
_RELATIVE = re.compile(r",\s+(?:die|der|das|den|dem|deren|dessen|which|that)\s")
_AT_THAT_DATE = re.compile(r"\s*(?:when|als|where|wo)\b")
_HINTED = {"share_price", "revenue", "share_of_revenue", "market_value", "profit", "index_level"}
# words that introduce a level ("auf 252 Dollar", "to 15,196 points", "as high as HK$98")
_LEVEL_LEAD = re.compile(
    r"(?<!\w)(?:auf|to|bei|at|mit|as high as|as low as|erreichte|reached|"
    r"zwischenzeitlich auf|bis auf)\s+(?:(?:rund|etwa|knapp|gut|fast|über|unter|nearly|about|"
    r"around|almost|some|roughly|just|zwischenzeitlich|a|an|einen|ein|record|rekord)\s+)*"
    r"(?:[$€£]|HK\$|US\$)?$"
)
# a number restating the move before it: ", or 1,349.89 points", "(0.4%)", "bzw. 2 Prozent"
# a move named by its length: "its two-day fall to $2.16" is the size of the fall, not a level
_SIZED_MOVE = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-(?:day|session|week) (?:fall|drop|"
    r"decline|slide|loss|gain|rally|rise|advance|surge|slump|selloff|sell-off|rout|plunge|jump|"
    r"climb|retreat) (?:to|of) (?:[$€£]|HK\$|US\$)?$"
)
_RESTATED = re.compile(r"(?:,\s*or|\bor|\brespektive|\bbzw\.|\boder)\s+(?:[$€£]|HK\$|US\$)?$|\($")
# what may stand between a direction word and the amount it governs
_GOVERNED_GAP = re.compile(
    r"\s*(?:(?:um|by|of|von|in Höhe von|about|around|rund|etwa|knapp|gut|fast|nearly|almost|"
    r"more than|mehr als|über|some|roughly|approximately|weitere|weiteren|another|a further|"
    r"as much as|bis zu|satte|kräftige|a|an)\s+)*(?:[$€£]|HK\$|US\$)?"
)
_CROSSED = re.compile(r"\s*(?:über|unter|above|below)\s")


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article's language, publication date and claims."""

    language: str
    published: Published
    claims: tuple[Claim, ...]
    stopped: str | None = None  # why reading stopped early (MAX_CLAIMS reached), else None


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: its text, offset, names and scan, and the article's context."""

    text: str
    offset: int
    mentions: list[Mention]
    scan: SentenceScan
    language: str
    published: Published
    discourse: Discourse
    registry: Registry
    scene: BasisCue | None = None  # the time-of-day scene the previous sentence set
    respective: dict[int, Entity] | None = None  # "X and Y fell 4% and 5%, respectively"
    style: Style | None = None  # the article's decimal separator (numbers.decimal_style)


def _blank(m: re.Match[str]) -> str:
    """URLs keep their length (so spans stay right) but lose their digits and percent signs."""
    return " " * len(m.group(0))


def _reason(number: NumberMatch, s: _Sentence) -> str | None:
    """Why the number is no price (negatives.py: "market_cap", "revenue", ...), or None."""
    lo, hi = clause_bounds(s.text, number.start, number.end)
    return non_price_reason(
        s.text,
        number.start,
        number.end,
        (lo, hi),
        number.unit,
        number.currency,
        number.scale,
        scan=negative_scan(s.text),
    )


def _clause(number: NumberMatch, s: _Sentence) -> tuple[tuple[int, int], str | None] | None:
    """The number's clause and the company figure it is (negatives.py reason: "revenue",
    "profit", ...; None: a price or a level), or None when the number is no market or company
    figure (a market value, a target, a forecast, a stake, a count, ...)."""
    reason = _reason(number, s)
    if reason is not None and reason not in _COMPANY_FIGURES:
        return None
    lo, hi = clause_bounds(s.text, number.start, number.end)
    if _governed_by_forecast(s, lo, hi):
        return None
    return (lo, hi), reason


def _governed_by_forecast(s: _Sentence, lo: int, hi: int) -> bool:
    """A clause that a forecast, a price target or a stake governs from outside it: "Analysten
    erwarten, dass ...", a sentence about a price target ("Das Kursziel ..., ein Plus von 20
    Prozent"), "hält 5 Prozent an"."""
    if s.scan.all(LEXICON.target):
        return True
    if lo > 0 and _COMPLEMENTIZER.match(s.text, lo, hi):
        outer = clause_bounds(s.text, max(0, lo - 3), max(0, lo - 2))[0]
        return bool(s.scan.within(LEXICON.forecast_verb, outer, lo))
    return bool(s.scan.within(LEXICON.stake_verb, lo, hi))


def _governed_move(s: _Sentence, number: NumberMatch, lo: int) -> bool:
    """Whether an amount in money or points is a change, not a level: a direction word governs
    it directly ("fell 151.23 points", "a drop of 467.39 points", "ein Plus von knapp 4
    US-Dollar"), or it restates the move before it ("5.6 per cent, or 1,349.89 points",
    "fallen $1.92 (0.4%)")."""
    before = s.text[max(lo, number.start - 45) : number.start]
    if _SIZED_MOVE.search(before):
        return True
    if _LEVEL_LEAD.search(before):
        return False
    if _RESTATED.search(before):
        return True
    for at, _ in reversed(s.scan.directions()):
        if lo <= at < number.start:
            word_end = s.text.find(" ", at)
            gap = s.text[word_end if word_end >= 0 else at : number.start]
            if _CROSSED.match(gap):
                return False  # "stieg über 100 Dollar": a threshold ("um über 100": a move)
            return bool(_GOVERNED_GAP.fullmatch(gap))
    return False


def _kind(metric: Metric, number: NumberMatch, s: _Sentence, lo: int, direction: str) -> Kind:
    """share (of revenue, market share), move (a change), level (a value reached or held), or
    other (no direction and no level)."""
    if metric == "share_of_revenue" or (metric == "market_share" and number.unit == "percent"):
        return "share"
    if number.unit in {"money", "points"}:
        return "move" if _governed_move(s, number, lo) else "level"
    price = metric in {"share_price", "index_level"}  # a price in percent is always a change
    if not price and _LEVEL_LEAD.search(s.text[max(lo, number.start - 25) : number.start]):
        return "level"
    return "move" if direction != "none" else "other"


def _metric(
    near: Metric | None, around: Metric | None, entity: Entity | None, number: NumberMatch
) -> tuple[Metric, bool]:
    """The metric of the number, and whether the share price (index level) was assumed because
    the clause names no metric ("Xiaomi gained 5%")."""
    is_index = entity is not None and entity.kind == "index"
    metric: Metric = near or ("index_level" if is_index else None) or around or "other"
    if is_index and metric in {"share_price", "profit", "revenue", "market_value"}:
        metric = "index_level"  # an index has a level, not a profit ("Gewinne von 0,47 Prozent")
    price_unit = number.unit in {"percent", "points"} or (
        number.unit == "money" and number.scale == 1
    )
    if metric == "other" and price_unit and (entity is None or entity.listed):
        return ("index_level" if is_index or number.unit == "points" else "share_price"), True
    if metric == "market_value" and number.unit == "money" and number.scale == 1 and entity:
        return "share_price", False  # "$503.49": a share's price, never a company's value
    return metric, False


def _cues(
    number: NumberMatch,
    s: _Sentence,
    clause: tuple[int, int],
    around: tuple[int, int],
    masked: list[tuple[int, int]],
) -> list[HorizonCue]:
    """The time cues of a number: between the numbers before and after it in its clause (two
    figures in one clause each keep their own cue); else earlier in its clause; else earlier in
    the sentence ("Am Donnerstag, ..., stieg"), never in a later clause. A clause that opens with
    "when"/"als" takes the date the clause before names ("since March 16, 2022, when the stock
    jumped 27 per cent": that day)."""
    lo, hi = clause
    # a number inside a record's words is the record's anchor event ("since a 15.7 per cent jump
    # on April 29 last year"): it reads the dates there
    masked = [m for m in masked if not m[0] <= number.start < m[1]]
    cues = find_cues(s.scan, max(lo, around[0]), min(hi, around[1]), masked, number.start)
    if cues:  # a base that reaches into the window: "Im Vergleich zum Rekordhoch von 319 Dollar
        # aus dem Oktober 2020 bedeutete das ein Minus von 77 Prozent"
        cues += [
            c
            for c in find_cues(s.scan, lo, number.start, masked, kinds=_BASES)
            if c.match is not None
            and c.match.end() > around[0]
            and all(c.kind != d.kind for d in cues)
        ]
    if not cues:
        cues = find_cues(s.scan, lo, number.end, masked)
    relative = _RELATIVE.match(s.text, hi)
    if not cues and relative:  # "die Rekordmarke von 6147 Zählern, die der S&P 500 Mitte
        rel_hi = clause_bounds(s.text, relative.end(), relative.end() + 1)[1]  # Februar markiert"
        cues = find_cues(s.scan, relative.end(), rel_hi, masked)
    if not cues:
        when = bool(_AT_THAT_DATE.match(s.text, lo))  # the date a record's window names, too
        cues = find_cues(s.scan, max(0, number.start - WINDOW), number.end, [] if when else masked)
        if when:
            cues = [HorizonCue("at_date", c.match) if c.kind == "since" else c for c in cues]
    return cues


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the words around a number say, before dates and listing are resolved."""

    clause: tuple[int, int]
    metric: Metric
    assumed: bool
    found: EntityFound
    direction: Direction
    kind: Kind
    hedge: Hedge
    basis: BasisCue


def _read(number: NumberMatch, s: _Sentence) -> _Reading | None:
    """Metric, entity, direction, kind, hedge and basis of a number (None: it claims nothing)."""
    read = _clause(number, s)
    if read is None:
        return None
    clause, figure = read
    lo, hi = clause
    wide = max(0, number.start - WINDOW), min(len(s.text), number.end + WINDOW)
    near = find_metric(s.scan, lo, hi, number.start)  # else the sentence before it
    if figure is not None and near in _PRICE_METRICS:  # "earnings per share were $1.53"
        if figure not in _FIGURE_METRIC:
            return None  # a payout, a ratio, a growth rate of no figure named: nothing to test
        near = _FIGURE_METRIC[figure]
    around = near or find_metric(s.scan, wide[0], hi, number.start)
    price_unit = number.unit in {"percent", "points"} or (
        number.unit == "money" and number.scale == 1
    )
    price_like = (around in _HINTED) if around else price_unit
    if s.respective and number.start in s.respective:
        found = EntityFound(s.respective[number.start], "clause")
    else:
        found = find_entity(
            number.start, clause, s.text, s.mentions, s.discourse, number.unit, price_like
        )
    metric, assumed = _metric(near, around, found.entity, number)
    direction = find_direction(s.scan, lo, hi, number.start, number.sign)
    if direction == "none":  # an elliptical clause ("allein im Februar um 17 Prozent")
        direction = find_direction(s.scan, *wide, number.start, 0)
    kind = _kind(metric, number, s, lo, direction)
    if kind == "share":
        direction = "none" if not number.sign else direction
    if kind == "other" and found.entity is None:
        return None
    hedge = find_hedge(s.text, number.start)
    basis = find_basis_cue(s.scan, clause, number.start, number.end, hedge == "up_to", s.scene)
    if basis == "extreme" and hedge == "exact":
        hedge = "up_to"
    if kind == "level" and metric in {"share_price", "index_level"}:
        direction = level_direction(
            s.scan, clause, number.start, hedge, basis == "extreme", direction
        )
    return _Reading(clause, metric, assumed, found, direction, kind, hedge, basis)


_SAME_PERIOD = re.compile(
    r"(?:over|in|during|for) the same (?:period|time|span|stretch)|im (?:gleichen|selben) "
    r"Zeitraum|in der gleichen Zeit|im Vergleichszeitraum"
)


def _same_period(dates: ResolvedDates, previous: Claim, clause: str) -> ResolvedDates:
    """ "Xiaomi has jumped more than 50% over the same period": the period of the figure before."""
    if not _SAME_PERIOD.search(clause) or previous.horizon in {"one_day", "intraday", "record"}:
        return dates
    anchor = replace(previous.dates, cue=_SAME_PERIOD.search(clause).group(0))  # type: ignore[union-attr]
    return ResolvedDates(
        previous.horizon, anchor, previous.start, previous.end, previous.end_earliest,
        previous.n_sessions,
    )  # fmt: skip


def _number_claim(
    number: NumberMatch,
    s: _Sentence,
    claim_id: int,
    previous: Claim | None,
    around: tuple[int, int],
    masked: list[tuple[int, int]],
) -> Claim | None:
    """The claim a number makes, or None when it makes none (see the module docstring).
    ``around``: where the numbers before and after it in the sentence end and start."""
    r = _read(number, s)
    if r is None:
        return None
    entity = r.found.entity
    cues = _cues(number, s, r.clause, around, masked)
    if r.basis == "extreme" and r.kind == "move":
        cues.append(HorizonCue("intraday", None))
    dates = resolve_dates(cues, r.metric, s.published)
    if dates.anchor.rule == "unanchored" and previous is not None:
        dates = _same_period(dates, previous, s.text[r.clause[0] : r.clause[1]])
    if r.kind == "level":
        dates = base_level(dates, cues, s.text, number.start)
        dates = level_dates(dates, cues, number.start, s.published)
    contexts = (
        s.text[max(r.clause[0], around[0]) : number.end],  # the words leading to the figure
        s.text[r.clause[0] : r.clause[1]],
        s.text,
        *(s.discourse.ahead_text[:1] if r.found.how == "next_sentence" else ()),
    )
    bare_dollar = number.currency == "USD" and number.currency_text in _BARE_DOLLAR
    choice = (
        choose_listing(entity, contexts, number.currency, s.discourse, bare_dollar)
        if entity is not None
        else None
    )
    listing = choice.listing if choice else None
    testable, why = testability(r.metric, entity, number.unit)
    if choice is not None and choice.how == "venue_not_listed" and testable == "market":
        testable, why = "none", "venue_not_listed"
        listing = None  # "die hierzulande gehandelten ADRs": a line the registry does not hold
    dollar = (
        number.unit == "money"
        and number.currency == "USD"
        and bool(_DOLLAR.search(s.text, number.start, number.end))
        and listing is not None
        and listing.currency == "HKD"
    )
    prep_m = _PREPOSITION.search(s.text[max(0, number.start - 25) : number.start])
    prep = prep_m.group(1) if prep_m else ""
    return Claim(
        id=claim_id,
        kind=r.kind,
        text=s.text[number.start : number.end],
        span=(s.offset + number.start, s.offset + number.end),
        sentence=s.text,
        sentence_span=(s.offset, s.offset + len(s.text)),
        language=s.language,
        published=s.published,
        entity=entity.name if entity else None,
        entity_how=r.found.how,
        entity_cue=r.found.cue,
        ticker=listing.ticker if listing else None,
        listing_how=choice.how if choice else "no_entity",
        listing_reason=choice.reason if choice else "no entity",
        alternatives=choice.alternatives if choice else (),
        metric=r.metric,
        direction=r.direction,
        magnitude=number.value,
        unit=number.unit,
        currency=number.currency,
        scale=number.scale,
        precision=number.decimals,
        hedge=r.hedge,
        horizon=dates.horizon,
        start=dates.start,
        end=dates.end,
        end_earliest=dates.end_earliest,
        dates=dates.anchor,
        testable=testable,  # type: ignore[arg-type]
        testable_why=why,
        segment=find_segment(s.text, previous.segment if previous else None)
        if testable == "reported"
        else None,
        n_sessions=dates.n_sessions,
        fiscal_quarter=dates.fiscal_quarter,
        closing=r.basis == "close",
        assumed_metric=r.assumed,
        dollar_ambiguous=dollar,
        value_reached=prep if r.kind == "level" and prep in {"auf", "to"} else None,
        basis_cue=r.basis,
        during_session=underway(s.scan) or s.scene == "snapshot",
        half_unit=number.half_unit,
    )


def _record_base(record: re.Match[str], s: _Sentence, claim_id: int) -> Claim:
    """The sentence-level fields of a record claim (records.py fills in the rest)."""
    return Claim(
        id=claim_id,
        kind="record",
        text=record.group(0),
        span=(s.offset + record.start(), s.offset + record.end()),
        sentence=s.text,
        sentence_span=(s.offset, s.offset + len(s.text)),
        language=s.language,
        published=s.published,
        entity=None,
        entity_how="none",
        ticker=None,
        listing_how="no_entity",
        listing_reason="no entity",
        alternatives=(),
        metric="share_price",
        direction="none",
        magnitude=None,
        unit=None,
        currency=None,
        scale=1.0,
        precision=None,
        hedge="exact",
        horizon="record",
        start=None,
        end=None,
        end_earliest=None,
        dates=DateAnchor("unanchored"),
        testable="none",
        testable_why="no_entity",
    )


_RESPECTIVELY = re.compile(r"(?<!\w)(?:respectively|beziehungsweise|respektive)(?!\w)")


def _respective(s: _Sentence, numbers: list[NumberMatch]) -> dict[int, Entity]:
    """ "The Dow and the S&P 500 fell nearly 4% and over 4.8%, respectively": the n names
    before the first number, in order, each with the n numbers of the same unit after them."""
    if not numbers:
        return {}
    unit = numbers[0].unit
    same = [n for n in numbers if n.unit == unit]
    names = [m for m in s.mentions if m[1] <= same[0].start]
    if len(same) < 2 or len(names) < len(same):
        return {}
    return {n.start: m[2] for n, m in zip(same, names[-len(same) :], strict=True)}


# what introduces an index level written without "points": "closed at 5,456.90", "schloss bei
# 20.641,72", "fell to 20,926.79", "a record 6,173.07"
_BARE_LEAD = re.compile(
    r"(?<!\w)(?:at|to|bei|auf|von|record|Rekord|Rekordstand von|level of|Stand von)\s+"
    r"(?:(?:a|an|the|der|die|den|dem|rund|etwa|knapp|gut|about|around|nearly|some|new|neuen|"
    r"record|Rekord)\s+)*$"
)


def _index_level(number: NumberMatch, s: _Sentence) -> NumberMatch | None:
    """A number with a unit as found; a bare one only as an index level, in points: an index
    named in the sentence (or one the article is about, when the sentence says "the index"), a
    level word before it, and a value of an index's size (100 or more)."""
    if number.unit is not None or number.currency is not None:
        return number
    if number.worded or number.value < 100 or number.noun is not None:
        return None
    if not _BARE_LEAD.search(s.text, max(0, number.start - 30), number.start):
        return None
    index_named = any(e.kind == "index" for _, _, e in s.mentions)
    index_meant = s.discourse.index is not None and bool(s.scan.all(LEXICON.coref_index))
    return replace(number, unit="points") if index_named or index_meant else None


def _sentence_claims(s: _Sentence, first_id: int, previous: Claim | None) -> list[Claim]:
    masked_text = _URL.sub(_blank, s.text) if _URL_HINT.search(s.text) else s.text
    found = find_numbers(masked_text, s.language, style=s.style, bare=True, multiples=True)  # type: ignore[arg-type]
    numbers = [n for n in (_index_level(n, s) for n in found) if n is not None]
    records = find_records(s.text, s.published, s.language)
    masked = [r.mask for r in records]
    if _RESPECTIVELY.search(s.text):
        s = replace(s, respective=_respective(s, numbers))
    claims: list[Claim] = []
    others: list[tuple[int, int]] = []  # figures that are no price: a market value, a forecast
    for i, number in enumerate(numbers):
        around = (
            numbers[i - 1].end if i else 0,
            numbers[i + 1].start if i + 1 < len(numbers) else len(s.text),
        )
        claim = _number_claim(number, s, first_id + len(claims), previous, around, masked)
        if claim is not None:
            claims.append(claim)
        elif records and _reason(number, s) in _RECORD_FIGURES:
            others.append((number.start + s.offset, number.end + s.offset))
    for record in records:
        base = _record_base(record, s, first_id + len(claims))  # type: ignore[arg-type]
        claims = add_record(claims, record, base, s.mentions, s.discourse, first_id, others)
    return claims


def _gate_bits(text: str) -> tuple[list[int], list[int]] | None:
    """Where the gate stems occur in the text, and which kinds (one Aho-Corasick pass); None when
    lower-casing shifts positions (then every sentence is read)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    places, kinds = [], []
    for end, bits in _stems().iter(lower):  # in the order of their ends
        places.append(end - 1)
        kinds.append(bits)
    return places, kinds


def _may_claim(text: str, lo: int, hi: int, gate: tuple[list[int], list[int]] | None) -> bool:
    """Whether the sentence text[lo:hi] can hold a claim (a cheap gate before the full reading):
    a digit; else a number in words, or a record or scale word with a market word."""
    if gate is None or _DIGIT.search(text, lo, hi):
        return True
    places, kinds = gate
    seen = 0
    for i in range(bisect.bisect_left(places, lo), bisect.bisect_left(places, hi)):
        seen |= kinds[i]
    return bool(seen & 1) or seen & 6 == 6


def extract_article(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
    title: str | None = None,
) -> ExtractedArticle:
    """Language, publication date and claims of one article. ``title``: the headline, read for
    the entity the article is about (its claims are not extracted)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    registry = registry or default_registry()
    language = lang or detect_language(text)
    if isinstance(published, Published):
        pub = published
    else:
        pub = detect_published(text, registry, published)
    discourse = Discourse(registry)
    if title:
        discourse.tell([e for _, _, e in registry.find_entities(title)], headline=True)
        discourse.heard(title)
    all_mentions = registry.find_entities(text)
    starts = [m[0] for m in all_mentions]
    spans = split_sentences(text)
    gate = _gate_bits(text)
    days = day_words(text) if gate is None else [a for a, k in zip(*gate, strict=True) if k & 8]
    style = decimal_style(text, language)  # type: ignore[arg-type]
    gated = [_may_claim(text, a, b, gate) for a, b in spans]
    named: list[list[Mention]] = []
    for s_start, s_end in spans:
        a, b = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        named.append([(x - s_start, y - s_start, e) for x, y, e in all_mentions[a:b] if y <= s_end])
    claims: list[Claim] = []
    scene: BasisCue | None = None
    day: ResolvedDates | None = None  # the day an earlier sentence named
    stopped = None
    for i, (s_start, s_end) in enumerate(spans):
        if len(claims) >= MAX_CLAIMS:
            stopped = (
                f"stopped after {len(claims)} claims, at character {s_start:,} of {len(text):,}"
            )
            break
        mentions = named[i]
        own = None
        if gated[i]:
            scan = SentenceScan(text[s_start:s_end])
            discourse.ahead = [[e for _, _, e in m] for m in named[i + 1 : i + 3]]
            discourse.ahead_text = [text[a:b] for a, b in spans[i + 1 : i + 3]]
            sentence = _Sentence(
                text[s_start:s_end],
                s_start,
                mentions,
                scan,
                language,
                pub,
                discourse,
                registry,
                scene,
                style=style,
            )
            found = _sentence_claims(sentence, len(claims), claims[-1] if claims else None)
            own = _day_of_claims(found)
            if own is None and may_name_day(days, s_start, s_end):
                own = sentence_day(sentence.text, pub)
            found = _back_then(found, sentence, [text[a:b] for a, b in spans[max(0, i - 3) : i]])
            claims.extend(_with_day(found, own or day, periods=own is None))
        elif may_name_day(days, s_start, s_end):  # "Siemens hatte am Donnerstag Zahlen
            own = sentence_day(text[s_start:s_end], pub)  # vorgelegt. Das Papier ..."
        day = own or day
        entities = [e for _, _, e in mentions]
        traded = traded_mentions(text[s_start:s_end], mentions) if len(entities) > 1 else None
        discourse.tell(entities, traded=traded)
        discourse.heard(text[s_start:s_end])
        following = spans[i + 1] if i + 1 < len(spans) else None
        has_digit = following is not None and gated[i + 1]
        scene = scene_of(scan if gated[i] else text[s_start:s_end]) if has_digit else None
        if scene is not None and following is not None and _OWN_DAY.search(text, *following):
            scene = None  # the next sentence names its own day ("am Dienstag")
    return ExtractedArticle(language, pub, tuple(_overnight(claims, pub)), stopped)


_SINCE_WORD = re.compile(r"[Ss]eit|[Ss]ince|[Vv]om|[Ff]rom")
_BACK_THEN = re.compile(
    r"(?<!\w)(?:[Dd]amals|[Zz]u diesem Zeitpunkt|[Zz]u jener Zeit|[Bb]ack then|[Aa]t the time|"
    r"[Aa]t that time|[Aa]t that point)(?!\w)"
)


def _back_then(claims: list[Claim], s: _Sentence, before: list[str]) -> list[Claim]:
    """ "...ihre Rallye seit Anfang April. Damals standen die A-Papiere erst bei rund 145 Dollar":
    an undated figure of a sentence that says "damals"/"back then" is of the start of the period
    the nearest of the ``before`` sentences names."""
    if not claims or not _BACK_THEN.search(s.text):
        return claims
    named = (
        period_start(SentenceScan(t), s.published)
        for t in reversed(before)
        if _SINCE_WORD.search(t)
    )
    then = next(filter(None, named), None)
    if then is None:
        return claims
    anchor = DateAnchor("explicit", then.anchor.cue)
    return [
        replace(c, start=then.start, end=then.end, end_earliest=then.end_earliest, dates=anchor)
        if c.unanchored and c.kind != "record"
        else c
        for c in claims
    ]


_DAY_RULES = {"weekday", "today", "first_session"}


def _day_of_claims(claims: list[Claim]) -> ResolvedDates | None:
    """The day the sentence's own figures are dated by ("fell 5% on Monday"), as the day it
    names for the sentences after it (horizons.sentence_day, without reading it again)."""
    for c in claims:
        if c.kind != "record" and c.horizon == "one_day" and c.dates.rule in _DAY_RULES:
            return ResolvedDates("one_day", c.dates, c.start, c.end, c.end_earliest)
    return None


def _with_day(claims: list[Claim], day: ResolvedDates | None, periods: bool) -> list[Claim]:
    """Claims with no date of their own take the day an earlier sentence (or their own, in a
    later clause) named ("Apple Inc on Monday became ... The stock ended the session up 2.5 per
    cent"); a print during the session stays at publication; a record follows its figure.
    ``periods``: a period running to publication ends on an earlier sentence's day too."""
    if day is None:
        return claims
    anchor = carried(day)
    out = [
        replace(c, start=day.start, end=day.end, end_earliest=day.end_earliest, dates=anchor)
        if c.unanchored and c.basis_cue != "snapshot" and c.kind != "record"
        else _period_to(c, day)
        if periods
        else c
        for c in claims
    ]
    moved = {c.id: c for c, old in zip(out, claims, strict=True) if c is not old}
    return [
        replace(c, start=m.start, end=m.end, end_earliest=m.end_earliest)
        if c.dates.rule == "attached" and (m := moved.get(c.attached_to)) is not None  # type: ignore[arg-type]
        else c
        for c in out
    ]


_TO_NOW = {"since", "ytd", "mtd", "trailing", "n_sessions", "from_date", "from_extreme"}


def _period_to(c: Claim, day: ResolvedDates) -> Claim:
    """A period that runs to publication ends on the day the text is about ("Apple's stock has
    skyrocketed nearly 46 percent this year", after "on Friday")."""
    pe = c.published.end
    if c.dates.rule not in _TO_NOW or day.end is None or pe is None or c.end != pe:
        return c
    if day.end >= pe or (c.start is not None and day.end <= c.start):
        return c
    return replace(c, end=day.end, end_earliest=day.end)


_US_MICS = {"XNYS", "XNAS"}
_BASES = frozenset({"from_extreme", "from_date", "from_weekday"})


def _overnight(claims: list[Claim], pub: Published) -> list[Claim]:
    """A report on the Hong Kong trading day (a figure of an HKEX listing with no date, published
    on a date without a time) gives its undated US figures the US session before: New York
    trades after Hong Kong, so the day's US session had not happened ("Im US-Handel stieg der
    Alibaba-Kurs zuletzt über 100 Dollar", "an overnight surge in New York")."""
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
        replace(c, start=day, end=day, end_earliest=day, dates=anchor)
        if c.unanchored and c.kind != "record" and c.ticker and mic_for_ticker(c.ticker) in _US_MICS
        else c
        for c in claims
    ]


def extract(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> list[Claim]:
    """Every claim in ``text`` (see the module docstring for the rules)."""
    return list(extract_article(text, published, lang, registry).claims)
