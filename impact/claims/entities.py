"""Who a number is about: the entity, its listing, whether it can be tested, the segment.

Entity, in order: a company named before the number in its clause (a company before a venue:
"Apple verlor an der Nasdaq"); else any entity named before it in the clause; else the first named
after it in the clause; else the last listed entity named earlier in the sentence; else, when an
unknown company is named ("BYD-Aktien"), none, said so; else, for a coreference ("des
Unternehmens", "the stock") or a metric noun with no name, the entity of the previous sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from impact.claims.lexicon import LEXICON
from impact.claims.values import EntityHow, Metric, TestableWhy
from impact.registry import Entity

__all__ = [
    "EntityFound",
    "Mention",
    "carried_entity",
    "find_entity",
    "find_segment",
    "testability",
]

Mention = tuple[int, int, Entity]  # (start, end, entity) of a name in the sentence

# "BYD-Aktien", "Aktien von Foo", "Foo shares": a company the registry does not know
_UNKNOWN_COMPANY = re.compile(
    r"(?<![\w-])[A-ZÄÖÜ][\w&.]*-(?:Aktie|Aktien|Papiere|Titel|Kurs)\b|(?:Aktien|Papiere) (?:von|der) "
    r"[A-ZÄÖÜ][\w&]+|(?<![\w-])[A-Z][\w&]*(?:'s)? (?:shares|stock)\b"
)
_REGIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?<!\w)(?:Greater China|Großchina|China|Chinas|chinesische\w*|Festlandchina|"
            r"Chinese)(?!\w)"
        ),
        "Greater China",
    ),
    (re.compile(r"(?<!\w)(?:Europa|Europe|europäische\w*|European)(?!\w)"), "Europe"),
    (re.compile(r"(?<!\w)(?:Japan|japanische\w*|Japanese)(?!\w)"), "Japan"),
    (re.compile(r"(?<!\w)(?:Amerika|Americas|Nordamerika|Nord- und Südamerika)(?!\w)"), "Americas"),
]
_THERE = re.compile(r"(?<!\w)(?:dort|there)(?!\w)")


@dataclass(frozen=True, slots=True)
class EntityFound:
    """The entity a number is about (None if none), how it was found, and the words that said so
    (the coreference or the unknown company, as written)."""

    entity: Entity | None
    how: EntityHow
    cue: str | None = None


def carried_entity(named: list[Entity], last: Entity | None) -> Entity | None:
    """The entity later sentences refer back to: the first listed one named, else the first."""
    if not named:
        return last
    return next((e for e in named if e.listed), named[0])


def find_entity(
    pos: int,
    clause: tuple[int, int],
    sentence: str,
    mentions: list[Mention],
    last_entity: Entity | None,
    metric_hint: bool,
) -> EntityFound:
    """The entity of the number at ``pos`` (rules in the module docstring)."""
    lo, hi = clause
    inside = [m for m in mentions if lo <= m[0] < hi]
    before = [m for m in inside if m[0] < pos]
    companies = [m for m in before if m[2].kind == "company"]
    if companies:
        return EntityFound(companies[-1][2], "clause")
    if before:
        return EntityFound(before[-1][2], "clause")
    if inside:
        return EntityFound(inside[0][2], "clause")
    sentence_before = [m for m in mentions if m[0] < pos]
    if sentence_before:
        listed = [m for m in sentence_before if m[2].listed]
        return EntityFound((listed[-1] if listed else sentence_before[-1])[2], "sentence")
    unknown = _UNKNOWN_COMPANY.search(sentence, lo, hi)
    if unknown and unknown.start() < pos:
        return EntityFound(None, "unknown_company", unknown.group(0))
    coref = LEXICON.coref.search(sentence)
    if last_entity is not None and coref:
        return EntityFound(last_entity, "coref", coref.group(0))
    if last_entity is not None and metric_hint:
        return EntityFound(last_entity, "carried")
    return EntityFound(None, "none")


def testability(metric: Metric, entity: Entity | None, unit: str | None) -> tuple[str, TestableWhy]:
    """("market" | "reported" | "none", why): what the claim can be tested against."""
    reported = metric in {"revenue", "share_of_revenue", "profit"}
    if entity is not None and not entity.listed and not reported:
        return "none", "unlisted"
    if metric in {"shipments", "market_share", "other"}:
        return "none", "no_data_metric"
    if reported:
        return "reported", "reported"
    if entity is None:
        return "none", "no_entity"
    if not entity.listed:
        return "none", "unlisted"
    if metric == "market_value" and unit == "money":
        return "none", "market_value"
    return "market", "price"


def find_segment(sentence: str, previous_segment: str | None) -> str | None:
    """The region a reported figure is for ("China", "Europa"), else the previous claim's."""
    for rx, name in _REGIONS:
        if rx.search(sentence):
            return name
    return previous_segment
