"""Entities, listings, indices and named events, declared as data in ``data/registry.toml``.

A user extends it with their own TOML file of the same shape (``--registry FILE``); their entries
are added, and an entry with an existing name replaces it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from impact.errors import InputError, UnknownListingError
from impact.fastre import word_alternation

__all__ = ["Entity", "Event", "Listing", "ListingChoice", "Registry", "default_registry"]


@dataclass(frozen=True, slots=True)
class Listing:
    """One tradeable line of an entity: Yahoo ticker, exchange, currency and the cues that name it."""

    ticker: str
    mic: str
    currency: str
    cues: tuple[str, ...] = ()
    ratio: float = 1.0
    default: bool = False
    default_reason: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: Literal["company", "index"]
    aliases: tuple[str, ...]
    listings: tuple[Listing, ...] = ()

    @property
    def listed(self) -> bool:
        return bool(self.listings)


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    aliases: tuple[str, ...]
    dates: dict[int, tuple[str, str]]


ListingHow = Literal["only_listing", "index", "named_in_text", "default", "unlisted"]


@dataclass(frozen=True, slots=True)
class ListingChoice:
    """The listing a claim is tested on, how it was chosen (and the cue that named it), the
    reason in words, and the others it could have meant."""

    listing: Listing | None
    reason: str
    alternatives: tuple[tuple[str, str], ...] = ()
    how: ListingHow = "default"
    cue: str | None = None


class Registry:
    """Lookup of entities, listings and events."""

    def __init__(self, data: dict) -> None:
        self.entities: dict[str, Entity] = {}
        self.events: dict[str, Event] = {}
        self.benchmarks: dict[str, str] = dict(data.get("benchmark", {}))
        self._merge(data)

    def _merge(self, data: dict) -> None:
        for item in data.get("index", []):
            self.entities[item["name"]] = Entity(
                item["name"],
                "index",
                tuple(item["aliases"]),
                (
                    Listing(
                        item["ticker"],
                        _index_mic(item["ticker"]),
                        "points",
                        default=True,
                        default_reason="the index itself",
                    ),
                ),
            )
        for item in data.get("company", []):
            listings = (
                tuple(
                    Listing(
                        ticker=x["ticker"],
                        mic=x["mic"],
                        currency=x["currency"],
                        cues=tuple(x.get("cues", ())),
                        ratio=float(x.get("ratio", 1)),
                        default=bool(x.get("default", False)),
                        default_reason=x.get("default_reason", ""),
                    )
                    for x in item.get("listings", [])
                )
                if item.get("listed", True)
                else ()
            )
            self.entities[item["name"]] = Entity(
                item["name"], "company", tuple(item["aliases"]), listings
            )
        for item in data.get("event", []):
            dates = {int(y): (v[0], v[1]) for y, v in item.get("dates", {}).items()}
            self.events[item["name"]] = Event(item["name"], tuple(item["aliases"]), dates)
        self.benchmarks.update(data.get("benchmark", {}))
        alias_owner: dict[str, str] = {}
        for entity in self.entities.values():
            for alias in entity.aliases:
                alias_owner[alias] = entity.name
        self._alias_owner = alias_owner
        body = word_alternation(alias_owner, r"[\w&]")
        self._entity_re = re.compile(rf"({body})(?:['’]s|s|-[A-Za-zÄÖÜäöüß]+)?(?![\w&])")
        event_aliases = {a: e.name for e in self.events.values() for a in e.aliases}
        self._event_owner = event_aliases
        body = word_alternation(event_aliases) if event_aliases else "(?!)"
        self._event_re = re.compile(rf"({body})(?:\s+(\d{{4}})(?!\d))?")

    @classmethod
    def load(cls, extra: Path | None = None) -> Registry:
        text = resources.files("impact").joinpath("data/registry.toml").read_text("utf-8")
        registry = cls(tomllib.loads(text))
        if extra is not None:
            try:
                registry._merge(tomllib.loads(Path(extra).read_text("utf-8")))
            except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
                raise InputError(
                    f"registry file {extra}: not a valid registry file: {exc}"
                ) from None
        return registry

    def find_entities(self, text: str) -> list[tuple[int, int, Entity]]:
        """Every mention of a known entity: (start, end, entity), in text order."""
        owner, entities = self._alias_owner, self.entities
        return [
            (m.start(), m.end(), entities[owner[m.group(1)]])
            for m in self._entity_re.finditer(text)
        ]

    def find_events(self, text: str) -> list[tuple[int, Event, int | None]]:
        """Mentions of a named event, with the year written right after it (if any)."""
        out = []
        for m in self._event_re.finditer(text):
            year = int(m.group(2)) if m.group(2) else None
            out.append((m.start(), self.events[self._event_owner[m.group(1)]], year))
        return out

    def entity(self, name: str) -> Entity:
        try:
            return self.entities[name]
        except KeyError:
            raise UnknownListingError(f"entity {name!r} is not in the registry") from None

    def entity_for_ticker(self, ticker: str) -> Entity | None:
        for entity in self.entities.values():
            if any(x.ticker == ticker for x in entity.listings):
                return entity
        return None

    def benchmark_for(self, ticker: str, mic: str) -> str | None:
        """The market index a listing is compared with (by exchange, from ``[benchmark]``)."""
        if ticker.startswith("^"):
            return None
        return self.benchmarks.get(ticker) or self.benchmarks.get(mic)

    def twin_of(self, ticker: str) -> Listing | None:
        """The same company's other listing (9988.HK <-> BABA), if it has exactly two."""
        entity = self.entity_for_ticker(ticker)
        if entity is None or len(entity.listings) != 2:
            return None
        return next(x for x in entity.listings if x.ticker != ticker)

    @staticmethod
    def resolve_listing(entity: Entity, context: str) -> ListingChoice:
        """Pick the listing whose cue appears in the context; else the registry default, said so."""
        if not entity.listings:
            return ListingChoice(
                None, f"{entity.name} has no stock-exchange listing", how="unlisted"
            )
        if len(entity.listings) == 1:
            only = entity.listings[0]
            if entity.kind == "company":
                return ListingChoice(only, f"{entity.name}'s only listing", how="only_listing")
            return ListingChoice(only, "the index itself", how="index")
        return _resolve_listing(entity, context)


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    body = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@lru_cache(maxsize=4096)
def _resolve_listing(entity: Entity, context: str) -> ListingChoice:
    """The earliest listing cue in the context wins; no cue: the registry default, said so."""
    cued = []
    for listing in entity.listings:
        pattern = _cue_pattern(listing.cues)
        m = pattern.search(context) if pattern is not None else None
        if m:
            cued.append((m.start(), listing, m.group(0)))
    if cued:
        cued.sort(key=lambda c: c[0])
        _, chosen, cue = cued[0]
        alts = tuple(
            (x.ticker, "listing not named in the text") for x in entity.listings if x is not chosen
        )
        return ListingChoice(chosen, f"the text names it: {cue!r}", alts, "named_in_text", cue)
    chosen = next((x for x in entity.listings if x.default), entity.listings[0])
    alts = tuple(
        (x.ticker, f"also listed on {x.mic} ({x.currency})")
        for x in entity.listings
        if x is not chosen
    )
    return ListingChoice(
        chosen, f"no listing named in the text; registry default: {chosen.default_reason}", alts
    )


def _index_mic(ticker: str) -> str:
    from impact.calendars import mic_for_ticker

    try:
        return mic_for_ticker(ticker)
    except UnknownListingError:
        return "unknown"


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The bundled registry, parsed once."""
    return Registry.load()
