"""How a name resolves: entity, listing, exchange, currency, benchmark, and why (what
``impact listings NAME`` shows).

Order: an entity's own name; a ticker the registry holds; a name as the registry spells it (exact,
then ignoring case); the names found in the query read as a text ("Alibaba in Hongkong", where the
venue also picks the listing); else, when online, Yahoo's search (:func:`lookup_listing`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from impact.errors import InputError
from impact.listing_choice import ListingChoice
from impact.names import Mention, Rejected
from impact.prices.yahoo import LookupResult, Search, lookup_listing
from impact.registry import Entity, Registry

__all__ = ["NameResolution", "resolve_name"]

Matched = Literal["entity_name", "ticker", "alias", "text", "lookup", "none"]


@dataclass(frozen=True, slots=True)
class NameResolution:
    """One name's resolution, as values; ``summary()`` and ``to_dict()`` render it."""

    query: str
    matched: Matched
    entity: Entity | None = None
    choice: ListingChoice | None = None
    benchmark: str | None = None
    mention: Mention | None = None
    candidates: tuple[str, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    ordinary_word: bool = False
    lookup: LookupResult | None = None

    @property
    def found(self) -> bool:
        return (
            self.choice is not None and self.choice.listing is not None
        ) or self.entity is not None

    def _how(self) -> str:
        if self.matched == "entity_name":
            return "the entity's own name"
        if self.matched == "ticker":
            return "a ticker the registry holds"
        if self.matched == "alias":
            note = (
                "; in a text it needs a company cue (an ordinary word)"
                if self.ordinary_word
                else ""
            )
            return f"a name the registry holds{note}"
        if self.matched == "text" and self.mention is not None:
            return f"{self.mention.alias!r} in the text: {self.mention.reason}"
        if self.matched == "lookup" and self.lookup is not None:
            return f"looked up online ({self.lookup.source}): {self.lookup.name}"
        return "no match"

    def to_dict(self) -> dict[str, object]:
        listing = self.choice.listing if self.choice else None
        return {
            "query": self.query,
            "matched": self.matched,
            "how": self._how(),
            "entity": self.entity.name
            if self.entity
            else (self.lookup.name if self.lookup else None),
            "kind": self.entity.kind if self.entity else None,
            "ticker": listing.ticker if listing else None,
            "mic": listing.mic if listing else None,
            "exchange": listing.exchange if listing else None,
            "currency": listing.currency if listing else None,
            "tz": listing.tz if listing else None,
            "ratio": listing.ratio if listing and listing.ratio_known else None,
            "benchmark": self.benchmark,
            "choice": self.choice.to_dict() if self.choice else None,
            "confidence": listing.confidence if listing else None,
            "also_fits": list(self.candidates),
            "read_as_words": [r.why for r in self.rejected],
            "message": self.lookup.message if self.lookup and not self.lookup.found else None,
        }

    def summary(self) -> str:
        if self.choice is None:
            return self.lookup.message if self.lookup else f"unknown company {self.query!r}"
        listing = self.choice.listing
        name = self.entity.name if self.entity else (self.lookup.name if self.lookup else "?")
        kind = self.entity.kind if self.entity else "company"
        lines = [f"{name} ({kind})", f"  matched:   {self._how()}"]
        if listing is None:
            lines.append(f"  listing:   none ({self.choice.reason})")
            return "\n".join(lines)
        ratio = (
            f", {listing.ratio:g} shares per unit"
            if listing.ratio_known and listing.ratio != 1
            else ""
        )
        lines += [
            f"  listing:   {listing.ticker}  {listing.exchange} ({listing.mic}), {listing.currency}, "
            f"{listing.tz}{ratio}",
            f"  benchmark: {self.benchmark or 'none'}",
            f"  why:       {self.choice.reason}",
        ]
        if self.entity is not None and len(self.entity.listings) > 1:
            lines.append("  other lines:")
            lines += [
                f"    {x.ticker:<10} {x.exchange} ({x.mic}), {x.currency}, {x.role}"
                for x in self.entity.listings
                if x is not listing
            ]
        if self.candidates:
            lines.append(f"  the name also fits: {', '.join(self.candidates)}")
        return "\n".join(lines)


def _casefold_alias(registry: Registry, query: str) -> tuple[str, ...] | None:
    table = registry.matcher().table.aliases
    if query in table:
        return table[query]
    folded = query.casefold()
    hits = [names for alias, names in table.items() if alias.casefold() == folded]
    return hits[0] if hits else None


def resolve_name(
    registry: Registry,
    query: str,
    offline: bool = True,
    cache_dir: Path | None = None,
    search: Search | None = None,
) -> NameResolution:
    """Resolve a company or index name, a ticker, or a short phrase (order in the docstring)."""
    text = query.strip()
    if not text:
        raise InputError("NAME is empty: give a company or index name, or a ticker")
    entity, matched, mention, candidates = None, "none", None, ()
    if text in registry.entities:
        entity, matched = registry.entities[text], "entity_name"
    elif registry.entity_for_ticker(text) is not None and " " not in text:
        entity, matched = registry.entity_for_ticker(text), "ticker"
    else:
        names = _casefold_alias(registry, text)
        if names:
            entity, matched, candidates = registry.entities[names[0]], "alias", names[1:]
    mentions, rejected = registry.find_mentions(text)
    if entity is None and mentions:
        mention = max(mentions, key=lambda m: m.end - m.start)
        entity, matched, candidates = registry.entities[mention.entity], "text", mention.others
    if entity is not None:
        return _resolved(registry, text, matched, entity, mention, candidates, rejected)  # type: ignore[arg-type]
    if cache_dir is None:
        offline = True
        cache_dir = Path(".")
    result = lookup_listing(text, cache_dir, offline, search)
    if not result.found:
        return NameResolution(text, "none", rejected=tuple(rejected), lookup=result)
    listing = result.listing
    assert listing is not None
    choice = ListingChoice(
        listing, "looked_up", result.name, text, listing.mic, confidence=listing.confidence
    )
    bench = registry.benchmark_for(listing.ticker, listing.mic)
    return NameResolution(
        text, "lookup", None, choice, bench, rejected=tuple(rejected), lookup=result
    )


def _resolved(
    registry: Registry,
    text: str,
    matched: Matched,
    entity: Entity,
    mention: Mention | None,
    candidates: tuple[str, ...],
    rejected: list[Rejected],
) -> NameResolution:
    if matched == "ticker":
        listing = registry.listing(text)
        others = tuple(
            (x.ticker, "listing not named in the text") for x in entity.listings if x is not listing
        )
        choice = ListingChoice(
            listing, "named_in_text", entity.name, text, listing.mic if listing else "", others
        )
    else:
        choice = registry.resolve_listing(entity, text)
    listing = choice.listing
    bench = registry.benchmark_for(listing.ticker, listing.mic) if listing else None
    ordinary = any(a in registry.matcher().table.ordinary for a in (text, *entity.aliases[:1]))
    return NameResolution(
        text, matched, entity, choice, bench, mention, tuple(candidates), tuple(rejected), ordinary
    )
