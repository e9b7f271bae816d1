"""Superlatives as record claims: "den größten Anstieg an einem Tag seit 2022", "its biggest
one-day gain since 2022", "höchster Stand seit Oktober".

A record qualifies the move nearest it in the same sentence and takes that move's entity, listing
and session; with no move it takes the entity of the sentence (or the previous ones) and the
latest session before publication. Direction: a falling noun ("Rückgang", "drop") or a low
superlative ("tiefste", "worst"); basis: a level noun ("Stand", "level") without "one-day" means
the highest/lowest close, otherwise the largest one-session move. The window starts on the
first day of the year (and month) named; a month with no year is the latest such month before
publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from impact.claims.entities import Discourse, Mention, find_entity
from impact.claims.horizons import resolve_dates
from impact.claims.lexicon import MONTHS, RECORD_DOWN_SUPER, RECORD_DOWN_WORDS, RECORD_LEVEL_NOUNS
from impact.claims.model import Claim, DateAnchor, Published
from impact.registry import Registry

__all__ = ["record_claim"]


def _superlative(gd: dict[str, str | None]) -> tuple[bool, str]:
    """(down, basis) of a record match's named groups."""
    noun = (gd["noun"] or "").lower()
    sup_raw = (gd["sup"] or "").lower()
    sup = re.sub(r"(n|m|r|s)$", "", sup_raw) if not sup_raw.endswith("est") else sup_raw
    down = noun in RECORD_DOWN_WORDS or sup in RECORD_DOWN_SUPER or sup_raw in RECORD_DOWN_SUPER
    one_day = gd.get("oneday") or gd.get("oneday2")
    basis = "level" if noun in RECORD_LEVEL_NOUNS and not one_day else "one_day"
    return down, basis


def _since(gd: dict[str, str | None], published: Published) -> dt.date | None:
    month = MONTHS.get((gd.get("rmonth") or "").strip(".").lower(), 1)
    year_text = gd.get("ryear") or gd.get("ryear2")
    if year_text:
        return dt.date(int(year_text), month, 1)
    pe = published.end  # "its worst day since December": the latest such month before it
    if pe is None:
        return None
    return dt.date(pe.year if month < pe.month else pe.year - 1, month, 1)


def _from_move(base: Claim, move: Claim, down: bool) -> Claim:
    direction = move.direction if move.direction != "none" else ("down" if down else "up")
    anchor = DateAnchor("attached", attached_to=move.id, of=move.dates)
    return replace(
        base,
        entity=move.entity,
        entity_how=move.entity_how,
        ticker=move.ticker,
        listing_how=move.listing_how,
        listing_reason=move.listing_reason,
        alternatives=move.alternatives,
        testable=move.testable,
        testable_why=move.testable_why,
        start=move.start,
        end=move.end,
        end_earliest=move.end_earliest,
        dates=anchor,
        direction=direction,
        attached_to=move.id,
    )


def record_claim(
    record: re.Match[str],
    base: Claim,
    move: Claim | None,
    mentions: list[Mention],
    discourse: Discourse,
    registry: Registry,
) -> Claim | None:
    """The record claim of a superlative match; ``base`` holds the sentence-level fields."""
    gd = record.groupdict()
    down, basis = _superlative(gd)
    since = _since(gd, base.published)
    if since is None:
        return None
    base = replace(base, record_since=since, record_basis=basis)  # type: ignore[arg-type]
    if move is not None:
        claim = _from_move(base, move, down)
    else:
        span = (0, len(base.sentence))
        found = find_entity(record.start(), span, base.sentence, mentions, discourse, None, True)
        if found.entity is None:
            return None
        choice = registry.resolve_listing(found.entity, base.sentence)
        resolved = resolve_dates([], "share_price", base.published)
        claim = replace(
            base,
            entity=found.entity.name,
            entity_how=found.how,
            ticker=choice.listing.ticker if choice.listing else None,
            listing_how=choice.how,
            listing_reason=choice.reason,
            alternatives=choice.alternatives,
            testable="market" if choice.listing else "none",
            testable_why="price" if choice.listing else "unlisted",
            start=resolved.start,
            end=resolved.end,
            end_earliest=resolved.end_earliest,
            dates=resolved.anchor,
            direction="down" if down else "up",
        )
    ticker = claim.ticker
    return replace(
        claim, metric="index_level" if ticker and ticker.startswith("^") else "share_price"
    )
