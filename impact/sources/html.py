"""Web pages: the main text by trafilatura, the headline, the URL, and the publication time from
the page's metadata with its time zone. A page whose extracted text (headline left out) has
fewer than ``MIN_WORDS`` words has no article text (an error page, a gallery, a front page).

Publication, first found wins: JSON-LD ``datePublished``; the meta tags that name the
publication (``article:published_time``, ``datePublished``, ``pubdate``, Dublin Core ``date``,
...); a ``<time>`` element marked as the publication (``itemprop=datePublished`` or ``pubdate``).
A value with a UTC offset keeps its time. Otherwise htmldate reads the day from the markup and
the page URL (original date, no search of the text; confidence medium, as a dated URL). Modified dates are never used. Nothing
found: the date is looked for in the article text, as for a text file.

The headline (metadata title) is not part of the text: when the extracted text starts with it,
that line is dropped, and it is handed on as the title.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from impact.claims.values import Published
from impact.sources.model import SourcedArticle, SourceProblem, source_published

__all__ = ["MIN_WORDS", "page_published", "read_html"]

MIN_WORDS = 10  # fewer words than this outside the headline: a page with no article text

# meta tag names (name, property or itemprop), the publication's first
_META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
)


def _json_ld_dates(tree: Any) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    yield node["datePublished"]
                stack.extend(v for k, v in node.items() if k in {"@graph", "mainEntity"})


def _meta_dates(tree: Any) -> Iterator[tuple[str, str]]:
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in _META_NAMES and key not in found:
                found[key] = meta.get("content")
    for key in _META_NAMES:
        if key in found:
            yield key, found[key]


def _time_dates(tree: Any) -> Iterator[str]:
    for node in tree.xpath("//time[@datetime][@itemprop='datePublished' or @pubdate]"):
        yield node.get("datetime")


def page_published(tree: Any, url: str | None = None) -> Published | None:
    """The publication date of a parsed page (module doc), or None when it names none."""
    for value in _json_ld_dates(tree):
        if (found := source_published(value, "page metadata (JSON-LD datePublished)")) is not None:
            return found
    for key, value in _meta_dates(tree):
        if (found := source_published(value, f"page metadata <meta {key}>")) is not None:
            return found
    for value in _time_dates(tree):
        if (found := source_published(value, "page metadata <time datetime>")) is not None:
            return found
    import htmldate

    day = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    return source_published(day, "page markup or URL (htmldate)", "medium") if day else None


def _without_title(text: str, title: str | None) -> str:
    """The text without a first line that repeats the headline."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.strip().casefold():
        return rest.lstrip("\n")
    return text


def read_html(data: bytes, path: str, url: str | None = None) -> SourcedArticle | SourceProblem:
    """One web page (bytes as saved or fetched) as an article, or the problem that stopped it."""
    if not data.strip():
        return SourceProblem(path, "empty", "empty page")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return SourceProblem(path, "binary", "binary file (NUL bytes), not a web page")
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        return SourceProblem(path, "bad_file", "not an HTML page")
    published = page_published(tree, url)
    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, deduplicate=False
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = ((doc.title or "").strip() or None) if doc is not None else None
    text = _without_title(text.replace("\r\n", "\n").replace("\r", "\n"), title)
    if len(text.split()) < MIN_WORDS:
        return SourceProblem(path, "no_text", "the page has no article text")
    url = url or doc.url or None
    return SourcedArticle(
        path, text, "utf-8", title, id=path, url=url, published=published, source="html"
    )
