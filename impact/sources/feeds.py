"""RSS and Atom feeds by feedparser: each entry an article, with its published time.

An entry's text is its full content (``content:encoded``, Atom ``content``) when it has one, else
its summary; HTML in it is turned into text, one block element a line. Its publication is the
entry's ``published`` (``pubDate``, ``dc:date``, Atom ``published``) as written, so the time zone
is kept; an entry with only an ``updated`` time uses that and says so. Its id: the entry's
``id``/``guid``, else its link, else ``FILE#n``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from impact.sources.model import SourcedArticle, SourceProblem, source_published

__all__ = ["fragment_text", "looks_like_feed", "read_feed"]

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "section", "article", "header", "footer", "pre", "hr",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0]+")
_FEED_START = re.compile(
    rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes open with an RSS, Atom or RDF root element."""
    return bool(_FEED_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment: one line per block element, spaces collapsed."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        return ""
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
            node.tail = "\n" + (node.tail or "")
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return fragment_text(value)
    return fragment_text(entry.get("summary") or "")


def _entry_published(entry: Any) -> Any:
    for key, label in (("published", "feed entry published"), ("updated", "feed entry updated")):
        found = source_published(entry.get(key), label)
        if found is not None:
            return found
    return None


def read_feed(data: bytes, path: str) -> Iterator[SourcedArticle | SourceProblem]:
    """Each entry of an RSS or Atom feed as an article, in feed order."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = "not an RSS or Atom feed" if parsed.get("bozo") else "the feed has no entries"
        yield SourceProblem(path, "bad_file", reason)
        return
    for n, entry in enumerate(entries, start=1):
        where = f"{path}#{n}"
        text = _entry_text(entry)
        title = fragment_text(entry.get("title") or "") or None
        if not text:
            yield SourceProblem(where, "no_text", "the feed entry has no text")
            continue
        link = entry.get("link") or ""
        link = link if link.startswith(("http://", "https://")) else None
        yield SourcedArticle(
            where,
            text,
            "utf-8",
            title,
            id=entry.get("id") or link or where,
            url=link,
            published=_entry_published(entry),
            source="feed",
        )
