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
import re
from dataclasses import dataclass

from impact.claims.dates import detect_published
from impact.claims.entities import Mention, carried_entity, find_entity, find_segment, testability
from impact.claims.fields import SentenceScan, find_direction, find_hedge, find_metric
from impact.claims.horizons import HorizonCue, find_cues, resolve_dates
from impact.claims.lexicon import LEXICON
from impact.claims.model import Claim, DateAnchor, Published
from impact.claims.numbers import NumberMatch, find_numbers
from impact.claims.records import add_record, find_records
from impact.claims.sentences import WINDOW, clause_bounds, detect_language, split_sentences
from impact.claims.values import Kind, Metric
from impact.registry import Entity, Registry, default_registry

__all__ = ["ExtractedArticle", "extract", "extract_article"]

_DIGIT = re.compile(r"\d")
_SINCE = re.compile(r"seit|since", re.IGNORECASE)
_URL_HINT = re.compile(r"https?:|www\.|\]\(")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+|\]\([^)\s]*\)")
_COMPLEMENTIZER = re.compile(r"\s*(?:dass|daß|ob|that|whether|wonach)\b", re.IGNORECASE)
_PREPOSITION = re.compile(r"(?<!\w)(auf|to|bei|at|von|from|um|by)\s+(?:\S+\s+)?$")
_DOLLAR = re.compile(r"(?<![\w-])Dollar")
_HINTED = {"share_price", "revenue", "share_of_revenue", "market_value", "profit", "index_level"}


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article's language, publication date and claims."""

    language: str
    published: Published
    claims: tuple[Claim, ...]


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: its text, offset, names and scan, and the article's context."""

    text: str
    offset: int
    mentions: list[Mention]
    scan: SentenceScan
    language: str
    published: Published
    last_entity: Entity | None
    registry: Registry


def _blank(m: re.Match[str]) -> str:
    """URLs keep their length (so spans stay right) but lose their digits and percent signs."""
    return " " * len(m.group(0))


def _clause(number: NumberMatch, s: _Sentence) -> tuple[int, int] | None:
    """The number's clause, or None when the clause states no fact (forecast, target, stake)."""
    lo, hi = clause_bounds(s.text, number.start, number.end)
    clause_lo = lo
    if _COMPLEMENTIZER.match(s.text, lo, hi) and lo > 0:  # "erwarten, dass ...": governing too
        clause_lo = clause_bounds(s.text, max(0, lo - 3), max(0, lo - 2))[0]
    allowed = s.scan.within(LEXICON.not_non_claim, clause_lo, hi)
    for m in s.scan.within(LEXICON.non_claim, clause_lo, hi):
        if not any(a.start() <= m.start() < a.end() for a in allowed):
            return None
    if s.scan.all(LEXICON.target):
        return None
    return lo, hi


def _kind(metric: Metric, number: NumberMatch, prep: str, direction: str) -> Kind:
    if metric == "share_of_revenue" or (metric == "market_share" and number.unit == "percent"):
        return "share"
    if number.unit in {"money", "points"} or prep in {"auf", "to", "bei", "at"}:
        return "level"
    return "move" if direction != "none" else "other"


def _cues(number: NumberMatch, s: _Sentence, clause: tuple[int, int], prev_end: int, masked):
    cues = find_cues(s.scan, *clause, masked)
    if not cues:  # cues earlier in the sentence ("Am Donnerstag, ..., stieg"), not later clauses
        cues = find_cues(s.scan, max(prev_end, number.start - WINDOW), number.end, masked)
    return cues


def _number_claim(
    number: NumberMatch,
    s: _Sentence,
    claim_id: int,
    previous: Claim | None,
    prev_end: int,
    masked: list[tuple[int, int]],
) -> Claim | None:
    """The claim a number makes, or None when it makes none (see the module docstring)."""
    clause = _clause(number, s)
    if clause is None:
        return None
    lo, hi = clause
    wide = max(0, number.start - WINDOW), min(len(s.text), number.end + WINDOW)
    near = find_metric(s.scan, lo, hi, number.start)  # else an elliptical clause's sentence
    around = near or find_metric(s.scan, *wide, number.start)
    hint = (around or "other") in _HINTED
    found = find_entity(number.start, clause, s.text, s.mentions, s.last_entity, hint)
    entity = found.entity
    is_index = entity is not None and entity.kind == "index"
    metric: Metric = near or ("index_level" if is_index else None) or around or "other"
    if metric == "share_price" and is_index:
        metric = "index_level"
    assumed = (
        metric == "other"
        and entity is not None
        and entity.listed
        and (number.unit == "percent" or (number.unit == "money" and number.scale == 1))
    )
    if assumed:  # "Xiaomi gained 5%"
        metric = "index_level" if is_index else "share_price"
    direction = find_direction(s.scan, lo, hi, number.start, number.sign)
    if direction == "none":  # an elliptical clause ("allein im Februar um 17 Prozent")
        direction = find_direction(s.scan, *wide, number.start, 0)
    prep_m = _PREPOSITION.search(s.text[max(0, number.start - 25) : number.start])
    prep = prep_m.group(1) if prep_m else ""
    kind = _kind(metric, number, prep, direction)
    if kind == "share":
        direction = "none" if not number.sign else direction
    if kind == "other" and entity is None:
        return None
    hedge = find_hedge(s.text, number.start)
    cues = _cues(number, s, clause, prev_end, masked)
    if hedge == "up_to" and not any(c.kind == "intraday" for c in cues):
        cues.append(HorizonCue("intraday", None))
    if any(c.kind == "intraday" for c in cues) and hedge == "exact":
        hedge = "up_to"
    dates = resolve_dates(cues, metric, s.published)
    choice = s.registry.resolve_listing(entity, s.text) if entity is not None else None
    listing = choice.listing if choice else None
    testable, why = testability(metric, entity, number.unit)
    dollar = (
        number.unit == "money"
        and number.currency == "USD"
        and bool(_DOLLAR.search(s.text, number.start, number.end))
        and listing is not None
        and listing.currency == "HKD"
    )
    return Claim(
        id=claim_id,
        kind=kind,
        text=s.text[number.start : number.end],
        span=(s.offset + number.start, s.offset + number.end),
        sentence=s.text,
        sentence_span=(s.offset, s.offset + len(s.text)),
        language=s.language,
        published=s.published,
        entity=entity.name if entity else None,
        entity_how=found.how,
        entity_cue=found.cue,
        ticker=listing.ticker if listing else None,
        listing_how=choice.how if choice else "no_entity",
        listing_reason=choice.reason if choice else "no entity",
        alternatives=choice.alternatives if choice else (),
        metric=metric,
        direction=direction,
        magnitude=number.value,
        unit=number.unit,
        currency=number.currency,
        scale=number.scale,
        precision=number.decimals,
        hedge=hedge,
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
        closing=bool(s.scan.within(LEXICON.close, lo, hi)),
        assumed_metric=assumed,
        dollar_ambiguous=dollar,
        value_reached=prep if kind == "level" and prep in {"auf", "to"} else None,
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


def _attach(record: re.Match[str], claims: list[Claim]) -> Claim | None:
    """The move a superlative qualifies: the one nearest it in the sentence."""
    moves = [c for c in claims if c.kind == "move"]
    if not moves:
        return None
    return min(moves, key=lambda c: abs(c.span[0] - record.start()))


def _sentence_claims(s: _Sentence, first_id: int, previous: Claim | None) -> list[Claim]:
    masked_text = _URL.sub(_blank, s.text) if _URL_HINT.search(s.text) else s.text
    numbers = find_numbers(masked_text, s.language)  # type: ignore[arg-type]
    records = find_records(s.text, s.published, s.language)
    masked = [r.mask for r in records]
    claims: list[Claim] = []
    prev_end = 0
    for number in numbers:
        claim = _number_claim(number, s, first_id + len(claims), previous, prev_end, masked)
        prev_end = number.end
        if claim is not None:
            claims.append(claim)
    for record in records:
        base = _record_base(record, s, first_id + len(claims))  # type: ignore[arg-type]
        claims = add_record(claims, record, base, s.mentions, s.last_entity, s.registry, first_id)
    return claims


def extract_article(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> ExtractedArticle:
    """Language, publication date and claims of one article."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    registry = registry or default_registry()
    language = lang or detect_language(text)
    if isinstance(published, Published):
        pub = published
    else:
        pub = detect_published(text, registry, published)
    claims: list[Claim] = []
    last_entity: Entity | None = None
    all_mentions = registry.find_entities(text)
    starts = [m[0] for m in all_mentions]
    for s_start, s_end in split_sentences(text):
        a, b = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        mentions = [(x - s_start, y - s_start, e) for x, y, e in all_mentions[a:b] if y <= s_end]
        if _DIGIT.search(text, s_start, s_end):
            sentence = _Sentence(
                text[s_start:s_end],
                s_start,
                mentions,
                SentenceScan(text[s_start:s_end]),
                language,
                pub,
                last_entity,
                registry,
            )
            claims.extend(_sentence_claims(sentence, len(claims), claims[-1] if claims else None))
        last_entity = carried_entity([e for _, _, e in mentions], last_entity)
    return ExtractedArticle(language, pub, tuple(claims))


def extract(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> list[Claim]:
    """Every claim in ``text`` (see the module docstring for the rules)."""
    return list(extract_article(text, published, lang, registry).claims)
