"""Stage 1: claims extracted from article text."""

from impact.claims.dates import detect_published, parse_date_option
from impact.claims.extract import ExtractedArticle, extract, extract_article
from impact.claims.model import Claim, DateAnchor, Published
from impact.claims.sentences import detect_language, split_sentences

__all__ = [
    "Claim",
    "DateAnchor",
    "ExtractedArticle",
    "Published",
    "detect_language",
    "detect_published",
    "extract",
    "extract_article",
    "parse_date_option",
    "split_sentences",
]
