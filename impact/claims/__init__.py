"""Stage 1: claims extracted from article text."""

from impact.claims.dates import Published, detect_published
from impact.claims.extract import (
    ExtractedArticle,
    detect_language,
    extract,
    extract_article,
    split_sentences,
)
from impact.claims.model import Claim

__all__ = [
    "Claim",
    "ExtractedArticle",
    "Published",
    "detect_language",
    "detect_published",
    "extract",
    "extract_article",
    "split_sentences",
]
