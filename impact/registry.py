"""Entities (companies and indices), their listings, and named events.

The bundled registry is ``data/listings.csv`` (generated from maintained reference data by
``tools/build_registry.py``; sources in ``data/REGISTRY_PROVENANCE.md``) with the curated
``data/overrides.toml`` on top. A user adds their own TOML file of the same shape as the overrides
(``--registry FILE``). A TOML entry joins the entity that has its name or one of its tickers: its
aliases come first, its listing fields replace the generated ones, and its default wins.

Aliases have a rank: curated (TOML) before source names before derived ones; a name that several
entities carry at the best rank is ambiguous and resolved by cues (see :class:`impact.names.Matcher`).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from impact.errors import InputError, UnknownListingError
from impact.fastre import word_alternation
from impact.listing_choice import ListingChoice, choose_listing, ticker_cues
from impact.listings import MIC_BENCHMARK, Entity, Listing, rule_listing
from impact.names import Matcher, Mention, NameTable, Rejected

__all__ = [
    "Entity",
    "Event",
    "Listing",
    "ListingChoice",
    "Mention",
    "Registry",
    "default_registry",
    "listing_for_ticker",
]


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    aliases: tuple[str, ...]
    dates: dict[int, tuple[str, str]]


def _split(value: str) -> tuple[str, ...]:
    return tuple(x for x in value.split("|") if x)


def _row_listing(row: dict[str, str]) -> Listing:
    return Listing(
        ticker=row["ticker"],
        mic=row["mic"],
        currency=row["currency"],
        ratio=float(row["ratio"]) if row["ratio"] else 1.0,
        ratio_known=bool(row["ratio"]),
        default=row["default"] == "1",
        default_reason=row["default_reason"],
        tz=row["tz"],
        exchange=row["exchange"],
        country=row["country"],
        isin=row["isin"],
        indices=tuple(x for x in row["indices"].split(";") if x),
        role=row["role"],  # type: ignore[arg-type]
    )


def _roles(listings: list[Listing]) -> tuple[Listing, ...]:
    """Roles after a curated default: the default is primary, the rest class/secondary/other."""
    default = next((x for x in listings if x.default), listings[0] if listings else None)
    out = []
    for x in listings:
        if x is default:
            role = "index" if x.role == "index" else "primary"
        elif x.role in ("other", "index"):
            role = x.role
        else:
            role = "class" if default is not None and x.mic == default.mic else "secondary"
        out.append(replace(x, role=role))  # type: ignore[arg-type]
    return tuple(out)


class Registry:
    """Lookup of entities, listings and events, and the finder of their names in a text."""

    def __init__(self, data: dict | None = None) -> None:
        self.entities: dict[str, Entity] = {}
        self.events: dict[str, Event] = {}
        self.benchmarks: dict[str, str] = {}
        self._by_ticker: dict[str, str] = {}
        self._tickers_of: dict[str, set[str]] = {}  # entity name -> its keys in _by_ticker
        self._curated: set[tuple[str, str]] = set()
        self._ordinary: set[str] = set()
        self._prefixes: set[str] = set()
        self._not_aliases: set[str] = set()
        self._prefer: dict[str, str] = {}
        self._index_labels: dict[str, str] = {}  # membership label -> index entity name
        self._matcher: Matcher | None = None
        self._events_pattern: re.Pattern[str] | None = None
        self._event_owner: dict[str, str] = {}
        self._index_alias_map: dict[str, tuple[str, ...]] | None = None
        self._choices: dict[tuple[Entity, str], ListingChoice] = {}
        if data:
            self._merge(data)

    # ---- loading ------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Path | None = None) -> Registry:
        """The bundled registry (generated rows + curated overrides), plus the user's file."""
        registry = cls()
        data = resources.files("impact").joinpath("data")
        registry._add_rows(data.joinpath("listings.csv").read_text("utf-8"))
        registry._merge(tomllib.loads(data.joinpath("overrides.toml").read_text("utf-8")))
        if extra is not None:
            try:
                registry._merge(tomllib.loads(Path(extra).read_text("utf-8")))
            except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"registry file {extra}: not valid: {exc}") from None
        return registry

    def _add_rows(self, text: str) -> None:
        groups: dict[str, list[dict[str, str]]] = {}
        for row in csv.DictReader(io.StringIO(text)):
            groups.setdefault(row["entity"], []).append(row)
        for name, rows in groups.items():
            aliases = tuple(dict.fromkeys(a for r in rows for a in _split(r["aliases"])))
            derived = tuple(dict.fromkeys(a for r in rows for a in _split(r["derived_aliases"])))
            entity = Entity(name, rows[0]["kind"], aliases, tuple(map(_row_listing, rows)), derived)  # type: ignore[arg-type]
            self._put(entity)
            if entity.kind == "index":
                self._index_labels[name] = name

    def _put(self, entity: Entity, old: str | None = None) -> None:
        if old is not None:  # the tickers that named the old entity name none now
            for ticker in self._tickers_of.pop(old, ()):
                if self._by_ticker.get(ticker) == old:
                    del self._by_ticker[ticker]
        if old is not None and old != entity.name:
            self.entities.pop(old, None)
            self._index_labels = {
                k: (entity.name if v == old else v) for k, v in self._index_labels.items()
            }
        self.entities[entity.name] = entity
        held = self._tickers_of.setdefault(entity.name, set())
        for listing in entity.listings:
            self._by_ticker[listing.ticker.upper()] = entity.name
            held.add(listing.ticker.upper())
        self._invalidate()

    def _invalidate(self) -> None:
        self._matcher = None
        self._events_pattern = None
        self._index_alias_map = None
        self._choices.clear()

    def _merge(self, data: dict) -> None:
        for item in data.get("index", []):
            self._merge_entity(item, "index")
        for item in data.get("company", []):
            self._merge_entity(item, "company")
        for item in data.get("event", []):
            dates = {int(y): (v[0], v[1]) for y, v in item.get("dates", {}).items()}
            self.events[item["name"]] = Event(item["name"], tuple(item["aliases"]), dates)
        self.benchmarks.update(data.get("benchmark", {}))
        words = data.get("names", {})
        self._ordinary |= set(words.get("ordinary_words", ()))
        self._prefixes |= set(words.get("prefixes", ()))
        self._not_aliases |= set(words.get("not_aliases", ()))
        self._prefer.update(words.get("prefer", {}))
        self._invalidate()

    def _merge_entity(self, item: dict, kind: Literal["company", "index"]) -> None:
        """Join a TOML entry with the entities that have its name or its tickers (rules above)."""
        listed = item.get("listed", True)
        if kind == "index":
            specs = [
                {"ticker": item["ticker"], "default": True, "default_reason": "the index itself"}
            ]
        else:
            specs = list(item.get("listings", [])) if listed else []
        owners = [item["name"]] if item["name"] in self.entities else []
        owners += [self._by_ticker.get(s["ticker"].upper(), "") for s in specs]
        olds = [self.entities[n] for n in dict.fromkeys(owners) if n in self.entities]
        wanted = {s["ticker"].upper() for s in specs}
        taken: list[Listing] = []
        for other in olds[1:]:  # tickers another entity held move here; so do its names
            taken += [x for x in other.listings if x.ticker.upper() in wanted]
            rest = tuple(x for x in other.listings if x.ticker.upper() not in wanted)
            if rest:
                self._put(replace(other, listings=rest))
            else:
                self.entities.pop(other.name)
        old = olds[0] if olds else None
        held = (*(old.listings if old else ()), *taken)
        listings = self._merged_listings(specs, held, listed)
        names = [a for e in olds for a in e.aliases]
        derived = [a for e in olds for a in e.derived_aliases]
        aliases = tuple(dict.fromkeys([*item["aliases"], *names]))
        entity = Entity(item["name"], kind, aliases, listings, tuple(dict.fromkeys(derived)))
        self._curated |= {(a, entity.name) for a in item["aliases"]}
        self._put(entity, old.name if old else None)

    @staticmethod
    def _merged_listings(
        specs: list[dict], held: tuple[Listing, ...], listed: bool
    ) -> tuple[Listing, ...]:
        if not listed:
            return ()
        existing = {x.ticker: x for x in held}
        has_default = any(s.get("default") for s in specs)
        merged: list[Listing] = []
        for spec in specs:
            base = existing.pop(spec["ticker"], None) or _spec_base(spec["ticker"])
            fields = {
                "mic": spec.get("mic", base.mic),
                "currency": spec.get("currency", base.currency),
                "cues": tuple(spec.get("cues", base.cues)),
                "ratio": float(spec.get("ratio", base.ratio if base.ratio_known else 1)),
                "ratio_known": True,
                "default": bool(spec["default"])
                if "default" in spec
                else base.default and not has_default,
                "default_reason": spec.get("default_reason", base.default_reason),
                "origin": "curated",
            }
            merged.append(replace(base, **fields))
        for x in existing.values():  # lines the entry does not name keep their generated facts
            merged.append(replace(x, default=False) if has_default else x)
        return _roles(merged)

    # ---- names --------------------------------------------------------------------------------
    def _table(self) -> NameTable:
        ranked: dict[str, dict[int, list[str]]] = {}
        for entity in self.entities.values():
            for alias in entity.aliases:
                rank = 0 if (alias, entity.name) in self._curated else 1
                if rank == 0 or alias not in self._not_aliases:
                    ranked.setdefault(alias, {}).setdefault(rank, []).append(entity.name)
            for alias in entity.derived_aliases:
                if alias not in self._not_aliases:
                    ranked.setdefault(alias, {}).setdefault(2, []).append(entity.name)
        aliases = {}
        for alias, ranks in ranked.items():
            names = list(dict.fromkeys(ranks[min(ranks)]))
            aliases[alias] = tuple(sorted(names, key=lambda n: self._preference(alias, n)))
        memberships = {
            e.name: frozenset(self._index_labels.get(i, i) for x in e.listings for i in x.indices)
            for e in self.entities.values()
        }
        indices = frozenset(e.name for e in self.entities.values() if e.kind == "index")
        ordinary = frozenset(self._ordinary | {w.upper() for w in self._ordinary})
        return NameTable(aliases, ordinary, frozenset(self._prefixes), memberships, indices)

    def _preference(self, alias: str, name: str) -> tuple[int, int, str]:
        """Order of entities sharing a name: the curated preference, then most index lines."""
        entity = self.entities[name]
        count = sum(len(x.indices) for x in entity.listings)
        return (0 if self._prefer.get(alias) == name else 1, -count, name)

    def matcher(self) -> Matcher:
        """The name matcher, built on first use."""
        if self._matcher is None:
            self._matcher = Matcher(self._table())
        return self._matcher

    def find_mentions(self, text: str) -> tuple[list[Mention], list[Rejected]]:
        """Every mention of a known entity in text order, with how it was decided; and the
        matches read as ordinary words."""
        mentions, rejected = self.matcher().find(text)
        tickers = [
            Mention(s, e, self._by_ticker[t], cue, "ticker", cue)
            for s, e, cue, t in ticker_cues(text)
            if t in self._by_ticker
        ]
        if tickers:
            mentions = sorted([*mentions, *tickers], key=lambda m: m.start)
        return mentions, rejected

    def find_entities(self, text: str) -> list[tuple[int, int, Entity]]:
        """Every mention of a known entity: (start, end, entity), in text order."""
        mentions, _ = self.find_mentions(text)
        return [(m.start, m.end, self.entities[m.entity]) for m in mentions]

    def find_events(self, text: str) -> list[tuple[int, Event, int | None]]:
        """Mentions of a named event, with the year written right after it (if any)."""
        if self._events_pattern is None:
            self._event_owner = {a: e.name for e in self.events.values() for a in e.aliases}
            body = word_alternation(self._event_owner) if self._event_owner else "(?!)"
            self._events_pattern = re.compile(rf"({body})(?:\s+(\d{{4}})(?!\d))?")
        out = []
        for m in self._events_pattern.finditer(text):
            year = int(m.group(2)) if m.group(2) else None
            out.append((m.start(), self.events[self._event_owner[m.group(1)]], year))
        return out

    # ---- lookups ------------------------------------------------------------------------------
    def entity(self, name: str) -> Entity:
        try:
            return self.entities[name]
        except KeyError:
            raise UnknownListingError(f"entity {name!r} is not in the registry") from None

    def entity_for_ticker(self, ticker: str) -> Entity | None:
        name = self._by_ticker.get(ticker.upper())
        return self.entities.get(name) if name else None

    def listing(self, ticker: str) -> Listing | None:
        """The registry's row for a ticker (None if it has none)."""
        entity = self.entity_for_ticker(ticker)
        if entity is None:
            return None
        return next((x for x in entity.listings if x.ticker.upper() == ticker.upper()), None)

    def benchmark_for(self, ticker: str, mic: str) -> str | None:
        """The index a listing is compared with: ``[benchmark]`` by ticker or exchange in the
        overrides, else the exchange's main index (:data:`impact.listings.MIC_BENCHMARK`)."""
        if ticker.startswith("^"):
            return None
        found = self.benchmarks.get(ticker) or self.benchmarks.get(mic) or MIC_BENCHMARK.get(mic)
        return None if found == ticker else found

    def twin_of(self, ticker: str) -> Listing | None:
        """The same shares' other exchange line (9988.HK <-> BABA), if the company has exactly two
        with known share ratios."""
        entity = self.entity_for_ticker(ticker)
        if entity is None:
            return None
        lines = [x for x in entity.listings if x.role in ("primary", "secondary") and x.ratio_known]
        if len(lines) != 2 or ticker not in {x.ticker for x in lines}:
            return None
        return next(x for x in lines if x.ticker != ticker)

    def index_aliases(self) -> dict[str, tuple[str, ...]]:
        """Membership label -> the names of that index (for listing cues)."""
        return {
            label: self.entities[name].aliases
            for label, name in self._index_labels.items()
            if name in self.entities
        }

    def resolve_listing(self, entity: Entity, context: str) -> ListingChoice:
        """The listing the sentence speaks of (rules in :mod:`impact.listing_choice`)."""
        key = (entity, context)
        choice = self._choices.get(key)
        if choice is None:
            if len(self._choices) > 4096:
                self._choices.clear()
            if self._index_alias_map is None:
                self._index_alias_map = self.index_aliases()
            choice = choose_listing(entity, context, self._index_alias_map)
            self._choices[key] = choice
        return choice


def _spec_base(ticker: str) -> Listing:
    """A listing for a curated ticker the generated rows lack: facts from its suffix."""
    try:
        base = rule_listing(ticker)
    except UnknownListingError:
        base = Listing(ticker.upper(), "unknown", "unknown")
    return replace(
        base,
        ticker=ticker,
        default=False,
        default_reason="",
    )


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The bundled registry, parsed once."""
    return Registry.load()


def listing_for_ticker(ticker: str, registry: Registry | None = None) -> Listing:
    """The listing of any valid Yahoo ticker: the registry's row if it has one, else the suffix
    rule. Raises InvalidTickerError (bad syntax) or UnknownListingError (unknown exchange)."""
    reg = registry if registry is not None else default_registry()
    found = reg.listing(ticker)
    return found if found is not None else rule_listing(ticker)
