"""Record claims: the claim of each record phrase (record_phrases.py finds them, with their
windows from record_windows.py).

A record qualifies the nearest price claim of its sentence (a move for move kinds, a move or a
level otherwise; a crossing the claim of its mark), never one inside its own window phrase or in
the "when" clause after it ("since May 2, 2019, when it lost 12%"): the nearest
before it, else the first after it. It takes that claim's entity, listing and session; "from a
15-month low" and "snapping three sessions of losses" are about the session before that claim's.
Without one it takes the entity of the sentence (or the previous ones) and the latest session
before publication; with no entity it is kept, untestable.

Direction: the words', else the qualified move's (the opposite one for a snapped streak). Basis
(``basis_cue``): close when the words say close; intraday ("extreme") when they, the clause
before, or the qualified figure (an "as much as" extreme, a mid-session print) say intraday.
Magnitude: a crossing's mark, a window extreme's level, a streak's count. The window
(``record_since``) is resolved against the record's session date; "the current record" ends the
day before publication (``record_until``). A window extreme takes the place of the number claim
it states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from impact.claims.entities import Discourse, Mention, choose_listing, find_entity
from impact.claims.horizons import resolve_dates
from impact.claims.lexicon_records import RECORDS
from impact.claims.model import Claim, DateAnchor
from impact.claims.record_phrases import RecordPhrase, find_records
from impact.claims.record_windows import since_of
from impact.claims.sentences import clause_bounds
from impact.claims.values import BasisCue

__all__ = ["RecordPhrase", "add_record", "find_records", "record_claim"]

_PRICE = {"share_price", "index_level", "other"}  # "other": a move whose entity is not known
_PERIOD_HORIZONS = {
    "week_move": {"week"}, "month_move": {"month", "mtd"}, "quarter_move": {"quarter", "qtd"},
    "year_move": {"year", "ytd"},
}  # fmt: skip
_ONE_SESSION = {
    "move", *_PERIOD_HORIZONS, "streak", "week_streak", "month_streak", "longest_streak",
}  # fmt: skip
_COMPANY_FIGURES = {
    "revenue", "profit", "shipments", "market_share", "market_value", "share_of_revenue",
}  # fmt: skip
_CURRENCIES = (
    (re.compile(r"HK\$|Hongkong-Dollar|Hong Kong dollar|HKD"), "HKD"),
    (re.compile(r"\$|Dollar|dollar|USD"), "USD"),
    (re.compile(r"€|Euro|EUR"), "EUR"),
)


def _attach(phrase: RecordPhrase, claims: list[Claim], text: str, offset: int) -> Claim | None:
    """The price claim a record qualifies (module docstring)."""
    kinds = {"move"} if phrase.of in _ONE_SESSION else {"move", "level"}
    lo, hi = phrase.lo + offset, phrase.hi + offset
    found = []
    for c in claims:
        if c.kind not in kinds or c.metric not in _PRICE or c.sentence_span[0] != offset:
            continue
        at_mark = _at_mark(phrase, c, offset)
        if at_mark and phrase.of == "window_extreme":
            continue  # the number the record states, not a claim it qualifies
        anchor = phrase.window is not None and phrase.window.anchor
        if anchor and c.dates.rule == "explicit" and c.end == since_of(phrase.window, c.end):
            continue  # the earlier event the window starts at ("since March 16, 2022, when ...")
        if lo <= c.span[0] < hi and not at_mark:
            continue  # inside the window phrase: the earlier event, not the record's session
        if c.span[0] >= hi and RECORDS.when.search(text, phrase.hi, c.span[0] - offset):
            continue
        found.append(c)
    marked = [c for c in found if _at_mark(phrase, c, offset)]
    if phrase.of in _PERIOD_HORIZONS:  # "its best week since ..., up 5% for the week"
        marked = marked or [c for c in found if c.horizon in _PERIOD_HORIZONS[phrase.of]]
    before = [c for c in found if c.span[0] < lo]
    if marked:
        return min(marked, key=lambda c: abs(c.span[0] - lo))
    if before:  # the clause's own verb comes first: "fell 5%, its worst day since ..."
        return max(before, key=lambda c: c.span[0])
    return min(found, key=lambda c: c.span[0], default=None)


def _about_company_figures(
    phrase: RecordPhrase,
    text: str,
    claims: list[Claim],
    offset: int,
    others: Sequence[tuple[int, int]],
) -> bool:
    """The figure nearest the record is a company figure ("Umsatz auf Rekordniveau von 120
    Milliarden", "revenue hit a record high") or no price at all ("einen neuen Rekord geknackt:
    erstmals drei Billionen Dollar wert"; ``others``: such spans): the record is that figure's,
    unless that figure stands in another clause and the words right before the record say whose
    price it is ("to close at a record high, adding $184 billion to its market value", "the
    stock's steepest drop")."""
    lo, hi = phrase.lo + offset, phrase.hi + offset
    spans = [(c.span, c.metric in _COMPANY_FIGURES) for c in claims if c.sentence_span[0] == offset]
    spans += [(span, True) for span in others]
    nearest = min(spans, key=lambda x: min(abs(x[0][0] - hi), abs(x[0][1] - lo)), default=None)
    if nearest is None or not nearest[1]:
        return False
    left, right = clause_bounds(text, phrase.lo, phrase.hi)
    elsewhere = not (left + offset <= nearest[0][0] < right + offset)
    return not (elsewhere and RECORDS.price_owner.search(text, max(0, phrase.lo - 30), phrase.lo))


def _about_the_economy(
    phrase: RecordPhrase, text: str, mentions: list[Mention], attached: Claim | None, offset: int
) -> bool:
    """The record words qualify an economic series, not a price: the nearest word before them
    naming one or the other names a series (lexicon_records.ECONOMY_OR_PRICE), and no company,
    index or price figure stands between it and them."""
    last = None
    for last in RECORDS.economy_or_price.finditer(text, 0, phrase.lo):  # noqa: B007
        pass
    if last is None or last["economy"] is None:
        return False
    starts = [start for start, _, _ in mentions]
    if attached is not None:
        starts.append(attached.span[0] - offset)
    return not any(last.end() <= start < phrase.lo for start in starts)


def _at_mark(phrase: RecordPhrase, c: Claim, offset: int) -> bool:
    span = phrase.mark_span
    return span is not None and c.span[0] < span[1] + offset and span[0] + offset < c.span[1]


def _basis(phrase: RecordPhrase, text: str, attached: Claim | None) -> BasisCue:
    """Close when the words say so; intraday when they, the previous clause or the qualified
    figure say intraday (an extreme, a mid-session print)."""
    if phrase.closing:
        return "close"
    lo, hi = clause_bounds(text, phrase.lo, phrase.hi)
    before = clause_bounds(text, max(0, lo - 2), max(0, lo - 1))[0] if lo > 0 else lo
    said = phrase.intraday or bool(RECORDS.intraday.search(text, before, hi))
    if attached is not None:
        said = said or attached.hedge == "up_to" or attached.horizon == "intraday"
        said = said or attached.basis_cue in {"extreme", "snapshot"}
    if said:
        return "extreme"
    return "close" if RECORDS.close.search(text, lo, hi) else "unknown"


def _direction(phrase: RecordPhrase, attached: Claim | None, claims: list[Claim]) -> str | None:
    moved = attached.direction if attached and attached.direction in {"up", "down"} else None
    if moved is None and attached is not None:  # "fell 1.2% to 4,100, a level last seen ...":
        same = [c for c in claims if c.sentence_span == attached.sentence_span]  # the move's
        moves = [c for c in same if c.kind == "move" and c.direction in {"up", "down"}]
        if moves:
            moved = min(moves, key=lambda c: abs(c.span[0] - attached.span[0])).direction
    if phrase.direction is not None:
        return phrase.direction
    if phrase.shift and moved:  # "snapping three sessions of losses" after a rise
        return "down" if moved == "up" else "up"
    return moved


# the record a one-session move record makes when it qualifies a move over a period
_PERIOD_RECORD = {
    "week": "week_move", "month": "month_move", "mtd": "month_move", "quarter": "quarter_move",
    "qtd": "quarter_move", "year": "year_move", "ytd": "year_move",
}  # fmt: skip


def _of_period(phrase: RecordPhrase, attached: Claim | None) -> RecordPhrase:
    """A move record that qualifies a month's (week's, quarter's, year's) move ranks that
    period's moves: "Im Januar legte der Dax um 8,7 Prozent zu, so stark wie seit Oktober nicht
    mehr", "rose 8.9% in November, its biggest gain since July 2022"."""
    if phrase.of != "move" or attached is None or attached.kind != "move":
        return phrase
    of = _PERIOD_RECORD.get(attached.horizon or "")
    return phrase if of is None else replace(phrase, of=of)  # type: ignore[arg-type]


def _dates(base: Claim, phrase: RecordPhrase, attached: Claim | None) -> Claim:
    """The record's session: the qualified claim's (the one before it for a shift), else the
    latest session before publication."""
    if attached is None:
        resolved = resolve_dates([], "share_price", base.published)
        return base.replaced(start=resolved.start, end=resolved.end,
                             end_earliest=resolved.end_earliest, dates=resolved.anchor)  # fmt: skip
    if phrase.shift and attached.end is not None:
        day = dt.timedelta(days=1)
        earliest = (attached.end_earliest or attached.end) - day
        return base.replaced(start=attached.end - day, end=attached.end - day,
                             end_earliest=earliest, dates=attached.dates)  # fmt: skip
    anchor = DateAnchor("attached", attached_to=attached.id, of=attached.dates)
    return base.replaced(start=attached.start, end=attached.end,
                         end_earliest=attached.end_earliest, dates=anchor,
                         attached_to=attached.id)  # fmt: skip


def _entity(base: Claim, phrase: RecordPhrase, attached: Claim | None, mentions: list[Mention],
            discourse: Discourse) -> Claim:  # fmt: skip
    """The qualified claim's entity and listing, else the sentence's (or the previous ones')."""
    if attached is not None and attached.entity is not None:
        return base.replaced(
            entity=attached.entity, entity_how=attached.entity_how,
            entity_cue=attached.entity_cue, ticker=attached.ticker,
            listing_how=attached.listing_how, listing_reason=attached.listing_reason,
            alternatives=attached.alternatives, testable=attached.testable,
            testable_why=attached.testable_why,
        )  # fmt: skip
    span = (0, len(base.sentence))
    found = find_entity(phrase.lo, span, base.sentence, mentions, discourse, None, True)
    if found.entity is None:
        return base.replaced(entity_how=found.how, entity_cue=found.cue, testable="none",
                             testable_why="no_entity")  # fmt: skip
    choice = choose_listing(found.entity, (base.sentence,), None, discourse)
    return base.replaced(
        entity=found.entity.name, entity_how=found.how, entity_cue=found.cue,
        ticker=choice.listing.ticker if choice.listing else None, listing_how=choice.how,
        listing_reason=choice.reason, alternatives=choice.alternatives,
        testable="market" if choice.listing else "none",
        testable_why="price" if choice.listing else "unlisted",
    )  # fmt: skip


def record_claim(
    phrase: RecordPhrase,
    base: Claim,
    claims: list[Claim],
    mentions: list[Mention],
    discourse: Discourse,
    others: Sequence[tuple[int, int]] = (),
) -> Claim | None:
    """The record claim of a phrase; ``base`` holds the sentence-level fields."""
    offset = base.sentence_span[0]
    if _about_company_figures(phrase, base.sentence, claims, offset, others):
        return None
    attached = _attach(phrase, claims, base.sentence, offset)
    if _about_the_economy(phrase, base.sentence, mentions, attached, offset):
        return None
    direction = _direction(phrase, attached, claims)
    if direction is None:
        return None
    claim = _entity(base, phrase, attached, mentions, discourse)
    if claim.entity is None and attached is None:
        return None  # no figure and no company: not a market record ("Höchststand seit 2019")
    claim = _dates(claim, phrase, attached)
    phrase = _of_period(phrase, attached)
    window = phrase.window
    since = since_of(window, claim.end)
    if window is not None and not (window.all_time or window.anchor) and since is None:
        return None
    streak = phrase.of == "streak"
    index = bool(claim.ticker and claim.ticker.startswith("^")) or (
        claim.ticker is None and attached is not None and attached.metric == "index_level"
    )
    magnitude = phrase.mark if phrase.mark is not None else phrase.count
    pe = base.published.end
    return claim.replaced(
        metric="index_level" if index else "share_price",
        direction=direction,  # type: ignore[arg-type]
        magnitude=None if magnitude is None else float(magnitude),
        unit=None if phrase.mark is None else "points" if index else "money",
        currency=None if index or phrase.mark is None else _currency(phrase, base.sentence),
        precision=phrase.mark_precision if phrase.mark is not None else 0 if magnitude else None,
        horizon="n_sessions" if streak else "record",
        n_sessions=phrase.count if streak else None,
        record_since=since,
        record_basis="one_day" if phrase.of in _ONE_SESSION else "level",
        record_of=phrase.of,
        record_anchor=bool(window and window.anchor),
        record_until=pe - dt.timedelta(days=1) if phrase.current and pe else None,
        record_count=phrase.count,
        basis_cue=_basis(phrase, base.sentence, attached),
        closing=phrase.closing,
    )


def _currency(phrase: RecordPhrase, text: str) -> str | None:
    lo, hi = phrase.mark_span or (phrase.lo, phrase.hi)
    around = text[max(0, lo - 4) : hi + 22]
    for pattern, currency in _CURRENCIES:
        if pattern.search(around):
            return currency
    return None


def add_record(
    claims: list[Claim],
    phrase: RecordPhrase,
    base: Claim,
    mentions: list[Mention],
    discourse: Discourse,
    first_id: int,
    others: Sequence[tuple[int, int]] = (),
) -> list[Claim]:
    """The sentence's claims with the record of ``phrase`` added. A window extreme takes over
    the number claim it states; ids are renumbered from ``first_id`` (references follow)."""
    record = record_claim(phrase, base, claims, mentions, discourse, others)
    if record is None:
        return claims
    offset = base.sentence_span[0]
    kept = claims
    if record.record_of == "window_extreme" and phrase.mark_span is not None:
        lo, hi = phrase.mark_span[0] + offset, phrase.mark_span[1] + offset
        kept = [c for c in claims if not (c.span[0] < hi and lo < c.span[1])]
    ids = {c.id: first_id + n for n, c in enumerate(kept)}
    ids[record.id] = first_id + len(kept)
    return [_renumbered(c, ids) for c in (*kept, record)]


def _renumbered(c: Claim, ids: dict[int, int]) -> Claim:
    """The claim under its new id, its references (to claims of the same sentence) following."""
    dates = c.dates
    if dates.rule == "attached" and dates.attached_to is not None:
        dates = replace(dates, attached_to=ids.get(dates.attached_to))
    return c.replaced(id=ids[c.id], attached_to=ids.get(c.attached_to), dates=dates)
