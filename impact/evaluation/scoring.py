"""Scores of the tool against the annotations, per language and overall.

- recall: matched annotated price claims / annotated price claims.
- precision: the tool's price claims (``fields.is_price_claim``: a share price or index level the
  tool tests, i.e. not ``not_a_market_claim``) matched to an annotated *price* claim / all of the
  tool's price claims.
- field accuracy (``fields.py``): right / scorable, over matched price claims.
- verdict agreement: annotated price claims whose tool class (``fields.VERDICT_CLASS``; a missed
  claim is ``missed``) equals the truth class / annotated price claims whose truth is not
  ``ambiguous`` (the reading decides those; they appear in the confusion table only).
- false alarms: non-price annotations matched to one of the tool's price claims / non-price
  annotations (a market value or revenue figure the tool reads as such, or says it cannot
  check, is no alarm). Lower is better; a floor file gives it as a ceiling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from impact.evaluation.corpus import TRUTH_CLASSES, Annotation
from impact.evaluation.fields import FIELDS, is_price_claim, tool_base_session, tool_class

__all__ = ["TOOL_CLASSES", "AnnotationRow", "ClaimRow", "Finding", "Ratio", "Scores", "score"]

TOOL_CLASSES = ("supported", "not_supported", "cannot_say", "not_a_price_claim", "missed")
SCORE_NAMES = ("recall", "precision", *FIELDS, "verdict_agreement", "false_alarms")
CLAIM_KEYS = (
    "id", "span", "text", "kind", "entity", "ticker", "metric", "direction", "magnitude", "unit",
    "currency", "scale", "hedge", "horizon", "start", "end", "verdict", "realized", "basis",
    "session", "nominal_session", "explanation",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "hits": self.hits, "total": self.total}


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    """An annotation, the tool claim paired with it (or None) and the field judgements."""

    lang: str
    annotation: Annotation
    span: tuple[int, int] | None
    claim: Mapping[str, Any] | None
    fields: Mapping[str, bool | None]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A tool claim and the annotation it was paired with (or None)."""

    pid: str
    lang: str
    claim: Mapping[str, Any]
    annotation: Annotation | None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: ``missed``, ``field``, ``verdict``, ``extra`` or ``false_alarm``."""

    pid: str
    lang: str
    kind: str
    detail: str
    annotation: Annotation | None
    claim: Mapping[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "pid": self.pid,
            "lang": self.lang,
            "kind": self.kind,
            "detail": self.detail,
            "annotation": self.annotation.to_dict() if self.annotation else None,
            "claim": slim_claim(self.claim),
        }


def slim_claim(claim: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The claim dict without its bulky evidence, plus the base session found in it."""
    if claim is None:
        return None
    return {**{k: claim.get(k) for k in CLAIM_KEYS}, "base_session": tool_base_session(claim)}


@dataclass(frozen=True)
class Scores:
    """The scores of one scope (a language or all), with their numerators and denominators."""

    counts: Mapping[str, int]
    recall: Ratio
    precision: Ratio
    fields: Mapping[str, Ratio]
    verdict_agreement: Ratio
    false_alarms: Ratio
    confusion: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def values(self) -> dict[str, float | None]:
        ratios = {"recall": self.recall, "precision": self.precision, **self.fields}
        ratios |= {"verdict_agreement": self.verdict_agreement, "false_alarms": self.false_alarms}
        return {name: ratios[name].value for name in SCORE_NAMES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": dict(self.counts),
            "recall": self.recall.to_dict(),
            "precision": self.precision.to_dict(),
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "verdict_agreement": self.verdict_agreement.to_dict(),
            "false_alarms": self.false_alarms.to_dict(),
            "confusion": {k: dict(v) for k, v in self.confusion.items()},
        }


def _is_market(claim: Mapping[str, Any] | None) -> bool:
    return claim is not None and is_price_claim(claim)


def _class(row: AnnotationRow) -> str:
    return "missed" if row.claim is None else tool_class(row.claim.get("verdict"))


def _confusion(rows: Iterable[AnnotationRow]) -> dict[str, dict[str, int]]:
    counts = Counter((r.annotation.truth, _class(r)) for r in rows)
    columns = [*TOOL_CLASSES, *sorted({c for _, c in counts} - set(TOOL_CLASSES))]
    return {t: {c: counts[(t, c)] for c in columns} for t in TRUTH_CLASSES}


def score(rows: Sequence[AnnotationRow], claims: Sequence[ClaimRow], passages: int) -> Scores:
    """The scores of one scope from its annotation rows and tool-claim rows."""
    price = [r for r in rows if r.annotation.is_price_claim]
    negative = [r for r in rows if not r.annotation.is_price_claim]
    matched = [r for r in price if r.claim is not None]
    market = [c for c in claims if _is_market(c.claim)]
    fields = {
        name: Ratio(
            sum(r.fields[name] is True for r in matched),
            sum(r.fields[name] is not None for r in matched),
        )
        for name in FIELDS
    }
    decided = [r for r in price if r.annotation.truth != "ambiguous"]
    counts = {
        "passages": passages,
        "annotated": len(rows),
        "annotated_price": len(price),
        "annotated_non_price": len(negative),
        "ambiguous": len(price) - len(decided),
        "tool_claims": len(claims),
        "tool_market_claims": len(market),
    }
    return Scores(
        counts=counts,
        recall=Ratio(len(matched), len(price)),
        precision=Ratio(
            sum(c.annotation is not None and c.annotation.is_price_claim for c in market),
            len(market),
        ),
        fields=fields,
        verdict_agreement=Ratio(
            sum(_class(r) == r.annotation.truth for r in decided), len(decided)
        ),
        false_alarms=Ratio(sum(_is_market(r.claim) for r in negative), len(negative)),
        confusion=_confusion(rows),
    )
