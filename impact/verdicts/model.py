"""The values of the verdict stage: the verdict scale, a checked claim, a checked article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from impact.claims.extract import ExtractedArticle
from impact.claims.model import Claim
from impact.verdicts.evidence import Evidence, NoEvidence

if TYPE_CHECKING:
    from impact.verdicts.window import MarketWindow

__all__ = ["EXCERPT", "VERDICTS", "ArticleCheck", "ClaimCheck", "Verdict", "sentence_excerpt"]


class Verdict(StrEnum):
    """The verdict scale (claims-methods.md, "Verdicts"), best first."""

    CORRECT = "correct"
    MOSTLY_CORRECT = "mostly_correct"
    MISLEADING = "misleading"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"
    NOT_A_MARKET_CLAIM = "not_a_market_claim"
    INSUFFICIENT_DATA = "insufficient_data"


VERDICTS = tuple(v.value for v in Verdict)
EXCERPT = 600  # characters of a sentence the JSON carries per claim (sentence_span: all of it)


def sentence_excerpt(claim: Claim, limit: int = EXCERPT) -> str:
    """The claim's sentence; when longer than ``limit``, the ``limit`` characters around the
    claim, each cut end marked with '…' (output stays proportional to the input)."""
    text = claim.sentence
    if len(text) <= limit:
        return text
    a = max(0, claim.span[0] - claim.sentence_span[0])
    b = min(len(text), claim.span[1] - claim.sentence_span[0])
    lo = max(0, a - max(0, limit - (b - a)) // 2)
    hi = min(len(text), lo + limit)
    lo = max(0, hi - limit)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


@dataclass(frozen=True)
class ClaimCheck:
    """A claim, its verdict, the realized figure and everything the verdict rests on.

    ``window`` holds the price series the verdict was computed on (for figures); it is not part
    of the JSON.
    """

    claim: Claim
    verdict: Verdict
    explanation: str
    realized: float | None = None  # in the claim's unit (percent for % claims, currency for money)
    basis: str | None = None
    session: dt.date | None = None  # the session (or fiscal period end) the figure is for
    nominal_session: dt.date | None = None
    market_move: float | None = None  # benchmark move in percent over the same sessions
    evidence: Evidence = field(default_factory=NoEvidence)
    window: MarketWindow | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id,
            "sentence": sentence_excerpt(c),
            "span": list(c.span),
            "text": c.text,
            "kind": c.kind,
            "entity": c.entity,
            "ticker": c.ticker,
            "metric": c.metric,
            "direction": c.direction,
            "magnitude": c.magnitude,
            "unit": c.unit,
            "currency": c.currency,
            "scale": c.scale,
            "hedge": c.hedge,
            "horizon": c.horizon,
            "time_of_day": c.basis_cue,
            "start": _iso(c.start),
            "end": _iso(c.end),
            "verdict": self.verdict.value,
            "realized": self.realized,
            "basis": self.basis,
            "session": _iso(self.session),
            "nominal_session": _iso(self.nominal_session),
            "market_move": self.market_move,
            "evidence": self.evidence.to_dict(),
            "explanation": self.explanation,
        }

    def summary(self) -> str:
        return f"[{self.verdict.value}] {self.claim.describe()}: {self.explanation}"

    __str__ = summary

    def __repr__(self) -> str:
        realized = "" if self.realized is None else f" realized {self.realized:+.2f}"
        where = f" {self.basis} {self.session}" if self.session else ""
        return (
            f"ClaimCheck({self.claim.ticker or '-'} {self.claim.describe()} -> "
            f"{self.verdict.value}{realized}{where})"
        )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(frozen=True)
class ArticleCheck:
    """One article's extraction and the check of each of its claims."""

    path: str
    extracted: ExtractedArticle
    checks: tuple[ClaimCheck, ...]

    def to_dict(self) -> dict[str, Any]:
        p = self.extracted.published
        return {
            "path": self.path,
            "published": p.label() if p.start else None,
            "published_how": p.how,
            "published_confidence": p.confidence,
            "language": self.extracted.language,
            "claims": [c.to_dict() for c in self.checks],
            **({"stopped": self.extracted.stopped} if self.extracted.stopped else {}),
        }

    def verdicts(self) -> list[Verdict]:
        return [c.verdict for c in self.checks]
