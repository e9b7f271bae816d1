"""Which listing a claim about a company is tested on, decided from the words of its sentence.

Order of the rules (the first that applies decides; the earliest cue in the sentence wins):

1. no listing -> ``unlisted``; an index -> ``index``;
2. a ticker with its exchange that names one of the lines, "(HKEX: 9988)" -> ``named_in_text``;
3. a cue curated for one of the lines (data/overrides.toml) -> ``named_in_text``;
4. a venue ("in Hongkong", "an der Nyse", "HK$", "im Frankfurter Handel") or an index one line
   belongs to -> ``named_in_text``; a venue where the company has no line -> ``venue_not_listed``
   (the default line is used, and the text says so);
5. one exchange line -> ``only_listing``; else the registry default -> ``default``.

The choice is a value (``how``, ``cue``, ``venue``); :attr:`ListingChoice.reason` is the sentence
made from it for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from impact.listings import TICKER_PREFIXES, VENUE_CUES, Entity, Listing, yahoo_ticker

__all__ = ["ChoiceHow", "ListingChoice", "choose_listing", "ticker_cues"]

ChoiceHow = Literal[
    "only_listing",
    "index",
    "named_in_text",
    "default",
    "unlisted",
    "venue_not_listed",
    "looked_up",
    "unknown",
]


@dataclass(frozen=True, slots=True)
class ListingChoice:
    """The listing a claim is tested on, how it was chosen (and from which cue), and the others."""

    listing: Listing | None
    how: ChoiceHow
    entity: str = ""
    cue: str = ""
    venue: str = ""
    alternatives: tuple[tuple[str, str], ...] = ()
    fallback: Literal["only_listing", "default", ""] = ""
    confidence: float | None = None

    @property
    def reason(self) -> str:
        """The choice in words, made from the values above."""
        listing, name = self.listing, self.entity
        if self.how == "unlisted":
            return f"{name} has no stock-exchange listing"
        if self.how == "index":
            return "the index itself"
        if self.how == "only_listing":
            return f"{name}'s only listing"
        if self.how == "named_in_text":
            return f"the text names it: {self.cue!r}"
        if self.how == "default":
            return f"no listing named in the text; registry default: {_default_reason(listing)}"
        if self.how == "venue_not_listed":
            then = (
                f"{name}'s only listing"
                if self.fallback == "only_listing"
                else f"registry default: {_default_reason(listing)}"
            )
            return f"the text names {self.cue!r}, a venue where the registry has no line of {name}; {then}"
        if self.how == "looked_up" and listing is not None:
            return (
                f"looked up online: {self.cue!r} -> {listing.ticker} ({listing.exchange}), "
                f"confidence {self.confidence or 0:.2f}"
            )
        return f"unknown company: {self.cue!r} is not in the registry"

    def to_dict(self) -> dict[str, object]:
        return {
            "ticker": self.listing.ticker if self.listing else None,
            "how": self.how,
            "cue": self.cue or None,
            "venue": self.venue or None,
            "reason": self.reason,
            "alternatives": [list(a) for a in self.alternatives],
        }


def _default_reason(listing: Listing | None) -> str:
    return listing.default_reason if listing is not None else ""


_TICKER_CUE = re.compile(
    r"\((" + "|".join(re.escape(p) for p in TICKER_PREFIXES) + r")\s*:\s*([A-Za-z0-9.\-]{1,10})\)"
)


def ticker_cues(text: str) -> list[tuple[int, int, str, str]]:
    """Every "(EXCHANGE: CODE)" in the text: (start, end, cue, Yahoo ticker)."""
    out = []
    for m in _TICKER_CUE.finditer(text):
        ticker = yahoo_ticker(m.group(1), m.group(2))
        if ticker:
            out.append((m.start(), m.end(), m.group(0), ticker))
    return out


def _alternation(cues: list[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    body = "|".join(
        re.escape(c) + (r"(?!\w)" if c[-1].isalnum() else "")
        for c in sorted(set(cues), key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{body})")


_VENUE_RE = _alternation(list(VENUE_CUES))


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    return _alternation(list(cues))


def _alternatives_named(entity: Entity, chosen: Listing) -> tuple[tuple[str, str], ...]:
    return tuple(
        (x.ticker, "listing not named in the text") for x in entity.listings if x is not chosen
    )


def _alternatives_default(entity: Entity, chosen: Listing) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            x.ticker,
            f"also traded over the counter ({x.currency})"
            if x.role == "other"
            else f"also listed on {x.mic} ({x.currency})",
        )
        for x in entity.listings
        if x is not chosen
    )


def _default(entity: Entity) -> Listing:
    return next((x for x in entity.listings if x.default), entity.listings[0])


def _curated_cue(entity: Entity, context: str) -> tuple[Listing, str] | None:
    """The earliest curated cue in the context, and the line it selects."""
    cued = []
    for listing in entity.listings:
        pattern = _cue_pattern(listing.cues)
        m = pattern.search(context) if pattern is not None else None
        if m:
            cued.append((m.start(), listing, m.group(0)))
    if not cued:
        return None
    cued.sort(key=lambda c: c[0])
    return cued[0][1], cued[0][2]


def _generic_cue(
    entity: Entity, context: str, index_aliases: dict[str, tuple[str, ...]], own_only: bool
) -> tuple[str, Listing | None, str] | None:
    """The earliest venue or index cue: (cue, the line it selects or None, the venue's MIC)."""
    found: list[tuple[int, str, Listing | None, str]] = []
    lines = sorted((x for x in entity.listings if x.role != "other"), key=lambda x: not x.default)
    mics = {x.mic: x for x in reversed(lines)}  # on a venue with several lines, the default
    if _VENUE_RE is not None:
        for m in _VENUE_RE.finditer(context):
            venues = VENUE_CUES[m.group(0)]
            line = next((mics[v] for v in venues if v in mics), None)
            found.append((m.start(), m.group(0), line, venues[0]))
            break
    if not own_only:  # an index counts only where it tells the lines apart
        shared = set.intersection(*(set(x.indices) for x in entity.listings))
        for listing in entity.listings:
            labels = [label for label in listing.indices if label not in shared]
            names = [a for label in labels for a in index_aliases.get(label, ())]
            pattern = _cue_pattern(tuple(names))
            m = pattern.search(context) if pattern is not None else None
            if m:
                found.append((m.start(), m.group(0), listing, listing.mic))
    if not found:
        return None
    _, cue, line, venue = min(found, key=lambda f: f[0])
    return cue, line, venue


def choose_listing(
    entity: Entity, context: str, index_aliases: dict[str, tuple[str, ...]] | None = None
) -> ListingChoice:
    """The listing of ``entity`` that the sentence ``context`` speaks of (rules in the docstring)."""
    name, listings = entity.name, entity.listings
    if not listings:
        return ListingChoice(None, "unlisted", name)
    if entity.kind == "index":
        return ListingChoice(listings[0], "index", name)
    by_ticker = {x.ticker: x for x in listings}
    for _, _, cue, ticker in ticker_cues(context):
        if ticker in by_ticker:
            chosen = by_ticker[ticker]
            return ListingChoice(
                chosen, "named_in_text", name, cue, chosen.mic, _alternatives_named(entity, chosen)
            )
    lines = [x for x in listings if x.role != "other"]
    if len(lines) <= 1:
        only = lines[0] if lines else listings[0]
        venue = _generic_cue(entity, context, {}, own_only=True)
        if venue is not None and venue[1] is None:
            return ListingChoice(
                only, "venue_not_listed", name, venue[0], venue[2], fallback="only_listing"
            )
        return ListingChoice(only, "only_listing", name)
    curated = _curated_cue(entity, context)
    if curated is not None:
        chosen, cue = curated
        return ListingChoice(
            chosen, "named_in_text", name, cue, chosen.mic, _alternatives_named(entity, chosen)
        )
    generic = _generic_cue(entity, context, index_aliases or {}, own_only=False)
    default = _default(entity)
    if generic is not None and generic[1] is not None:
        chosen = generic[1]
        return ListingChoice(
            chosen,
            "named_in_text",
            name,
            generic[0],
            chosen.mic,
            _alternatives_named(entity, chosen),
        )
    alternatives = _alternatives_default(entity, default)
    if generic is not None:
        return ListingChoice(
            default, "venue_not_listed", name, generic[0], generic[2], alternatives, "default"
        )
    return ListingChoice(default, "default", name, alternatives=alternatives)
