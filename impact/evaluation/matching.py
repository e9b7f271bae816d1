"""Pairing the tool's claims with the annotated claims of one passage.

Rules:

1. **Annotation span.** An annotation's span is its quote's position in the passage,
   ``[text.find(quote), +len(quote))``. When the quote occurs several times, the first occurrence
   that overlaps a tool claim of the same magnitude is used, else the first that overlaps any tool
   claim, else the first occurrence. A quote not found in the text has no span and matches nothing.
2. **Candidate pair.** A tool claim and an annotation are a candidate pair when their spans
   overlap (half-open intervals sharing at least one character) and the magnitude is the same
   number: the tool's ``magnitude`` or ``magnitude * scale`` equals the annotation's magnitude
   within a relative tolerance of 1e-9 (signs ignored: direction is scored on its own). Money is
   annotated in full (2.5e11 for "250 billion"), hence the ``scale`` product.
3. **Records.** An annotation of kind ``record`` with no magnitude pairs with a tool claim of kind
   ``record`` whose span overlaps it; magnitudes are not compared.
4. **One to one.** Candidate pairs are taken greedily, best first: the longest overlap, then a
   pair whose listing agrees (two annotations on one quote, e.g. "A and B fell 5%"), then the
   nearest start, then annotation order and tool order. A claim or annotation is used at most once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from impact.evaluation.corpus import Annotation

__all__ = ["Span", "annotation_span", "magnitude_agrees", "match_passage", "overlap"]

Span = tuple[int, int]
Claim = Mapping[str, Any]


def overlap(a: Span | None, b: Span | None) -> int:
    """Characters shared by two half-open spans (0 when they do not overlap)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def claim_span(claim: Claim) -> Span | None:
    span = claim.get("span")
    if not span or len(span) != 2:
        return None
    return int(span[0]), int(span[1])


def magnitude_agrees(claim: Claim, annotation: Annotation) -> bool:
    """Rule 2 (and 3 for records without a magnitude)."""
    if annotation.magnitude is None:
        return annotation.kind == "record" and claim.get("kind") == "record"
    value = claim.get("magnitude")
    if value is None:
        return False
    target = abs(annotation.magnitude)
    scale = claim.get("scale") or 1.0
    return any(
        math.isclose(abs(float(v)), target, rel_tol=1e-9) for v in (value, float(value) * scale)
    )


def _occurrences(text: str, quote: str) -> list[Span]:
    spans, start = [], text.find(quote)
    while quote and start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def annotation_span(text: str, annotation: Annotation, claims: Sequence[Claim]) -> Span | None:
    """Rule 1."""
    found = _occurrences(text, annotation.quote)
    if len(found) <= 1:
        return found[0] if found else None
    spans = [(claim_span(c), c) for c in claims]
    for wanted in (lambda c: magnitude_agrees(c, annotation), lambda c: True):
        for occ in found:
            if any(overlap(occ, s) and wanted(c) for s, c in spans):
                return occ
    return found[0]


def match_passage(
    text: str,
    annotations: Sequence[Annotation],
    claims: Sequence[Claim],
    same_listing: Callable[[Claim, Annotation], bool],
) -> tuple[list[Span | None], dict[int, int]]:
    """The annotation spans and the pairs {annotation index: claim index} (rules 1-4)."""
    spans = [annotation_span(text, a, claims) for a in annotations]
    pairs = []
    for i, (a, a_span) in enumerate(zip(annotations, spans, strict=True)):
        for j, c in enumerate(claims):
            c_span = claim_span(c)
            shared = overlap(a_span, c_span)
            if shared and magnitude_agrees(c, a):
                distance = abs(a_span[0] - c_span[0])  # type: ignore[index]
                pairs.append((-shared, not same_listing(c, a), distance, i, j))
    pairs.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for *_, i, j in pairs:
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return spans, matched
