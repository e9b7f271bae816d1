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
from dataclasses import dataclass, replace

from impact.claims.basis import scene_of, underway
from impact.claims.carry import Timeline, overnight
from impact.claims.dates import detect_published
from impact.claims.entities import (
    Discourse,
    Mention,
    choose_listing,
    find_segment,
    testability,
    traded_mentions,
)
from impact.claims.fields import SentenceScan
from impact.claims.gate import day_places, may_claim
from impact.claims.horizons import (
    HorizonCue,
    ResolvedDates,
    base_level,
    level_dates,
    may_name_day,
    resolve_dates,
    sentence_day,
)
from impact.claims.lexicon import LEXICON
from impact.claims.model import Claim, DateAnchor, Published
from impact.claims.numbers import NumberMatch, Style, decimal_style, find_numbers
from impact.claims.reading import (
    Reading,
    Sentence,
    figure_reason,
    number_cues,
    read_number,
    same_period,
)
from impact.claims.records import add_record, find_records
from impact.claims.sentences import detect_language, split_sentences
from impact.claims.values import PRICE_METRICS, BasisCue, Testable, TestableWhy
from impact.fastre import word_alternation
from impact.listing_choice import ListingChoice
from impact.listings import Listing
from impact.registry import Entity, Registry, default_registry

__all__ = ["ExtractedArticle", "extract", "extract_article"]

MAX_CLAIMS = 2000  # a text with more claims is no article: reading stops there, and says so
_URL_HINT = re.compile(r"https?:|www\.|\]\(")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+|\]\([^)\s]*\)")
# figures that have records of their own ("einen neuen Rekord geknackt: drei Billionen Dollar wert")
_RECORD_FIGURES = {"market_cap", "market_share", "volume", "flow"}
_PREPOSITION = re.compile(r"(?<!\w)(auf|to|bei|at|von|from|um|by)\s+(?:\S+\s+)?$")
_BARE_DOLLAR = {"$", "Dollar", "dollar", "dollars"}
_DOLLAR = re.compile(r"(?<![\w-])Dollar|(?<![A-Za-z])\$")
_OWN_DAY = re.compile(
    r"(?<!\w)(?:am|on|Am|On)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday)(?!\w)"
)


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article's language, publication date and claims."""

    language: str
    published: Published
    claims: tuple[Claim, ...]
    stopped: str | None = None  # why reading stopped early (MAX_CLAIMS reached), else None


def _blank(m: re.Match[str]) -> str:
    """URLs keep their length (so spans stay right) but lose their digits and percent signs."""
    return " " * len(m.group(0))


def _number_dates(
    number: NumberMatch,
    s: Sentence,
    r: Reading,
    previous: Claim | None,
    around: tuple[int, int],
    masked: list[tuple[int, int]],
) -> ResolvedDates:
    """The horizon and dates of a number from its cues (an intraday extreme's move is intraday;
    "over the same period" takes the figure before's; a level reads its base and its day)."""
    cues = number_cues(number, s, r.clause, around, masked)
    if r.basis == "extreme" and r.kind == "move":
        cues.append(HorizonCue("intraday", None))
    dates = resolve_dates(cues, r.metric, s.published)
    if previous is not None:
        dates = same_period(dates, previous, s.text[r.clause[0] : r.clause[1]])
    if r.kind == "level":
        dates = base_level(dates, cues, s.text, number.start)
        dates = level_dates(dates, cues, number.start, s.published)
    return dates


@dataclass(frozen=True, slots=True)
class _Line:
    """The listing a figure is of, and whether it can be tested against prices."""

    choice: ListingChoice | None
    listing: Listing | None
    testable: Testable
    why: TestableWhy
    dollar_ambiguous: bool  # "$" written for a Hong Kong line: HK$ or US$?


def _number_line(number: NumberMatch, s: Sentence, r: Reading, around: tuple[int, int]) -> _Line:
    """The line of the figure's entity (entities.choose_listing, reading from the words leading to
    the figure out to the sentence, and the next one when the entity was found there)."""
    entity = r.found.entity
    contexts = (
        s.text[max(r.clause[0], around[0]) : number.end],  # the words leading to the figure
        s.text[r.clause[0] : r.clause[1]],
        s.text,
        *(s.discourse.ahead_text[:1] if r.found.how == "next_sentence" else ()),
    )
    bare_dollar = number.currency == "USD" and number.currency_text in _BARE_DOLLAR
    shared = any(e.name != entity.name for _, _, e in s.mentions) if entity is not None else False
    choice = (
        choose_listing(entity, contexts, number.currency, s.discourse, bare_dollar, shared)
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
    return _Line(choice, listing, testable, why, dollar)


def _number_claim(
    number: NumberMatch,
    s: Sentence,
    claim_id: int,
    previous: Claim | None,
    around: tuple[int, int],
    masked: list[tuple[int, int]],
) -> Claim | None:
    """The claim a number makes, or None when it makes none (see the module docstring).
    ``around``: where the numbers before and after it in the sentence end and start."""
    r = read_number(number, s, around[1] if around[1] < len(s.text) else None)
    if r is None:
        return None
    entity = r.found.entity
    dates = _number_dates(number, s, r, previous, around, masked)
    line = _number_line(number, s, r, around)
    choice, listing, testable = line.choice, line.listing, line.testable
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
        testable=testable,
        testable_why=line.why,
        segment=find_segment(s.text, previous.segment if previous else None)
        if testable == "reported"
        else None,
        n_sessions=dates.n_sessions,
        fiscal_quarter=dates.fiscal_quarter,
        closing=r.basis == "close",
        assumed_metric=r.assumed,
        dollar_ambiguous=line.dollar_ambiguous,
        value_reached=prep if r.kind == "level" and prep in {"auf", "to"} else None,
        basis_cue=r.basis,
        during_session=underway(s.scan) or s.scene == "snapshot",
        half_unit=number.half_unit,
    )


def _record_base(record: re.Match[str], s: Sentence, claim_id: int) -> Claim:
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


def _refers_back(claim: Claim) -> bool:
    """Whether "the same period" or a segment can refer back to the claim: not a record, not a
    price level ("legte im Oktober 9,4 Prozent zu und beendete den Monat bei 13.254 Punkten. Der
    Hang Seng verlor im selben Zeitraum …": October)."""
    return claim.kind != "record" and not (claim.kind == "level" and claim.metric in PRICE_METRICS)


_RESPECTIVELY = re.compile(
    word_alternation(["respectively", "beziehungsweise", "respektive", "bzw."]) + r"(?!\w)"
)


def _respective(s: Sentence, numbers: list[NumberMatch]) -> dict[int, Entity]:
    """ "The Dax and the CAC 40 lost about 2% and 1.6%, respectively": the n names
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
    r"(?<!\w)(?:at|to|bei|auf|von|record|Rekord|Rekordstand von|level of|Stand von|high of|low of|"
    r"close of|Hoch von|Tief von)\s+"
    r"(?:(?:a|an|the|der|die|den|dem|rund|etwa|knapp|gut|about|around|nearly|some|new|neuen|"
    r"record|Rekord)\s+)*$"
)


def _index_level(number: NumberMatch, s: Sentence) -> NumberMatch | None:
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


# what joins two names into one subject ("Alibaba and JD.com", "Siemens und SAP", "Bayer, BASF")
_AND = re.compile(r"\s*(?:,|and|und|sowie|as well as|&)\s*(?:(?:the|der|die|das)\s+)?")
# what may stand between that subject and its figure: a verb phrase, no clause break
_TO_FIGURE = re.compile(r"[^,;:()\d]{1,60}")
_BETWEEN = re.compile(r"(?:between|zwischen)\s+$")


def _coordinated(s: Sentence, number: NumberMatch, claim: Claim) -> list[Entity]:
    """The other names of a coordinated subject the figure is about, in text order: "BMW
    and Daimler rose 3%" is a claim about each (not "between X and Y", not when the
    sentence assigns figures "respectively")."""
    if s.respective or claim.entity is None or claim.entity_how != "clause":
        return []
    before = [m for m in s.mentions if m[1] <= number.start]
    if len(before) < 2 or before[-1][2].name != claim.entity:
        return []
    if not _TO_FIGURE.fullmatch(s.text, before[-1][1], number.start):
        return []
    others: list[Entity] = []
    kind = before[-1][2].kind
    for (_, end, entity), (start, _, _) in zip(before[-2::-1], before[:0:-1], strict=True):
        if not _AND.fullmatch(s.text, end, start) or entity.kind != kind or not entity.listed:
            break
        others.insert(0, entity)
    first = before[len(before) - 1 - len(others)][0]
    if others and _BETWEEN.search(s.text, max(0, first - 12), first):
        return []
    return [e for e in others if e.name != claim.entity]


def _sentence_claims(s: Sentence, first_id: int, previous: Claim | None) -> list[Claim]:
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
            for entity in _coordinated(s, number, claim):  # "BMW and Daimler rose 3%"
                one = replace(s, respective={number.start: entity})
                also = _number_claim(number, one, first_id + len(claims), previous, around, masked)
                claims.extend([also] if also is not None else [])
            new_id = first_id + len(claims)
            claims.append(claim if claim.id == new_id else claim.replaced(id=new_id))
        elif records and figure_reason(number, s) in _RECORD_FIGURES:
            others.append((number.start + s.offset, number.end + s.offset))
    for record in records:
        base = _record_base(record, s, first_id + len(claims))  # type: ignore[arg-type]
        claims = add_record(claims, record, base, s.mentions, s.discourse, first_id, others)
    return claims


@dataclass(slots=True)
class _Article:
    """An article split for reading: its sentences, which may hold a claim (gate.py), the names
    in each, the words that may name a day, and its decimal style."""

    text: str
    language: str
    published: Published
    registry: Registry
    spans: list[tuple[int, int]]
    gated: list[bool]
    named: list[list[Mention]]  # the mentions of each sentence, at offsets within it
    days: list[int]
    style: Style
    lower: str | None  # the text lower-cased (None when that shifts positions)


def _split(text: str, language: str, pub: Published, registry: Registry) -> _Article:
    """One pass each for names, sentences and gate stems over the whole text."""
    all_mentions = registry.find_entities(text)
    starts = [m[0] for m in all_mentions]
    spans = split_sentences(text)
    lower: str | None = text.lower()
    lower = lower if len(lower) == len(text) else None  # "İ".lower() is longer
    named: list[list[Mention]] = []
    for s_start, s_end in spans:
        a, b = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        named.append([(x - s_start, y - s_start, e) for x, y, e in all_mentions[a:b] if y <= s_end])
    return _Article(
        text, language, pub, registry, spans,
        [may_claim(text, lower, a, b) for a, b in spans], named, day_places(text, lower),
        decimal_style(text, language), lower,  # type: ignore[arg-type]
    )  # fmt: skip


def _read_sentences(art: _Article, discourse: Discourse) -> tuple[list[Claim], str | None]:
    """The claims of every sentence in order, each sentence's names and days told to the ones
    after it; stops (and says where) after MAX_CLAIMS claims."""
    text, spans, pub = art.text, art.spans, art.published
    claims: list[Claim] = []
    scene: BasisCue | None = None  # the time-of-day scene the previous sentence set
    timeline = Timeline(pub)  # the days and periods earlier sentences named
    for i, (s_start, s_end) in enumerate(spans):
        if len(claims) >= MAX_CLAIMS:
            return claims, (
                f"stopped after {len(claims)} claims, at character {s_start:,} of {len(text):,}"
            )
        mentions, scan = art.named[i], None
        if art.gated[i]:
            lower = art.lower[s_start:s_end] if art.lower is not None else None
            scan = SentenceScan(text[s_start:s_end], lower)
            discourse.ahead = [[e for _, _, e in m] for m in art.named[i + 1 : i + 3]]
            discourse.ahead_text = [text[a:b] for a, b in spans[i + 1 : i + 3]]
            sentence = Sentence(
                scan.text, s_start, mentions, scan, art.language, pub, discourse, art.registry,
                scene, style=art.style,
            )  # fmt: skip
            previous = next((c for c in reversed(claims) if _refers_back(c)), None)
            found = _sentence_claims(sentence, len(claims), previous)
            named = may_name_day(art.days, s_start, s_end)
            before = [text[a:b] for a, b in spans[max(0, i - 3) : i]]
            claims.extend(timeline.date(found, sentence.text, named, before))
        elif may_name_day(art.days, s_start, s_end):  # "Siemens hatte am Donnerstag Zahlen
            timeline.named(sentence_day(text[s_start:s_end], pub))  # vorgelegt. Das Papier ..."
        if mentions:
            entities = [e for _, _, e in mentions]
            several = len(entities) > 1 and any(e is not entities[0] for e in entities)
            traded = traded_mentions(text[s_start:s_end], mentions) if several else None
            discourse.tell(entities, traded=traded)
        discourse.heard(text[s_start:s_end])
        scene = _next_scene(art, i, scan) if i + 1 < len(spans) and art.gated[i + 1] else None
    return claims, None


def _next_scene(art: _Article, i: int, scan: SentenceScan | None) -> BasisCue | None:
    """The time-of-day scene sentence ``i`` sets for the next one, when that one may hold a
    claim and names no day of its own ("am Dienstag")."""
    if i + 1 >= len(art.spans) or not art.gated[i + 1]:
        return None
    a, b = art.spans[i]
    lower = art.lower[a:b] if art.lower is not None else None
    scene = scene_of(scan if scan is not None else art.text[a:b], lower)
    if scene is not None and _OWN_DAY.search(art.text, *art.spans[i + 1]):
        return None
    return scene


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
    claims, stopped = _read_sentences(_split(text, language, pub, registry), discourse)
    return ExtractedArticle(language, pub, tuple(overnight(claims, pub)), stopped)


def extract(
    text: str,
    published: str | Published | None = None,
    lang: str | None = None,
    registry: Registry | None = None,
) -> list[Claim]:
    """Every claim in ``text`` (see the module docstring for the rules)."""
    return list(extract_article(text, published, lang, registry).claims)
