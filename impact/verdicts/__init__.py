"""Stages 3-4: claims tested against prices and reported figures, with verdicts and evidence."""

from impact.verdicts.check import Checker, check_articles
from impact.verdicts.model import VERDICTS, ArticleCheck, ClaimCheck, Verdict
from impact.verdicts.window import MarketWindow, PriceBook, build_window

__all__ = [
    "VERDICTS",
    "ArticleCheck",
    "Checker",
    "ClaimCheck",
    "MarketWindow",
    "PriceBook",
    "Verdict",
    "build_window",
    "check_articles",
]
