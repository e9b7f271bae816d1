"""impact: check what the news says about markets against what the markets did.

The stages, each a function of the one before::

    claims = extract_article(text)                  # text -> typed claims
    checks = check_articles([text])                 # ... -> verdicts with evidence
    series = load_prices("9988.HK", "2025-01-02", "2025-02-28")
    study = run_event_study("9988.HK", "2025-02-13T10:00+04:00", "^HSI")

Names are imported on first use, so ``import impact`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract_article": "impact.claims",
    "Claim": "impact.claims",
    "Published": "impact.claims",
    "ExtractedArticle": "impact.claims",
    "check_articles": "impact.verdicts",
    "Checker": "impact.verdicts",
    "ClaimCheck": "impact.verdicts",
    "ArticleCheck": "impact.verdicts",
    "Verdict": "impact.verdicts",
    "load_prices": "impact.prices",
    "PriceSeries": "impact.prices",
    "run_event_study": "impact.eventstudy",
    "run_event_studies": "impact.eventstudy",
    "Settings": "impact.config",
    "ImpactError": "impact.errors",
}

__all__ = [
    "ArticleCheck",
    "Checker",
    "Claim",
    "ClaimCheck",
    "ExtractedArticle",
    "ImpactError",
    "PriceSeries",
    "Published",
    "Settings",
    "Verdict",
    "__version__",
    "check_articles",
    "extract_article",
    "load_prices",
    "run_event_studies",
    "run_event_study",
]

if TYPE_CHECKING:
    from impact.claims import Claim, ExtractedArticle, Published, extract_article
    from impact.config import Settings
    from impact.errors import ImpactError
    from impact.eventstudy import run_event_studies, run_event_study
    from impact.prices import PriceSeries, load_prices
    from impact.verdicts import ArticleCheck, Checker, ClaimCheck, Verdict, check_articles


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'impact' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
