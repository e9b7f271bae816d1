"""The values of the sources stage: an article with what its source says about it, a problem that
stopped one article, the corpus column names, and a publication timestamp read from a source.

A source's timestamp is the publication date (confidence ``high``, like a header line; a day
that htmldate read from a page's markup or URL: ``medium``, like a dated URL): the article's own
date evidence is then not looked at. A timestamp with a UTC offset keeps its time
(``Published.time``, ISO with offset), so a claim about "today" is read against the sessions
completed at that instant; a timestamp without a zone keeps its day only, and says so.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from typing import Literal

from impact.articles import Article
from impact.claims.values import Confidence, Published

__all__ = [
    "ColumnMap",
    "ProblemKind",
    "SourceProblem",
    "SourcedArticle",
    "parse_stamp",
    "source_published",
]

SourceKind = Literal["text", "html", "feed", "jsonl", "csv", "parquet", "url", "stdin"]
# why an article could not be read: nothing in it; NUL bytes (not text); bytes that are not
# text in any encoding tried; a page or entry with no article text; a corpus row or file
# that is not what its format says; a publication date that is not a date; the file or URL
# could not be read; larger than the limit; the network is needed but offline; no such input;
# raised while checking (``check_error``: a known error; ``internal_error``: a bug)
ProblemKind = Literal[
    "empty",
    "binary",
    "undecodable",
    "no_text",
    "bad_row",
    "bad_file",
    "bad_date",
    "unreadable",
    "too_large",
    "offline",
    "not_found",
    "check_error",
    "internal_error",
]


@dataclass(frozen=True, slots=True)
class SourcedArticle(Article):
    """An article with its source: a stable id, the page URL, the publication date the source
    gives (None: found in the text), and the kind of source it was read from."""

    id: str = ""
    url: str | None = None
    published: Published | None = None
    source: SourceKind = "text"


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """An article (or a whole input) that could not be read: where, why (a kind), and a line."""

    path: str
    kind: ProblemKind
    message: str


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """The corpus column names of each field (``text`` is required, the others optional)."""

    text: str = "text"
    published: str = "published"
    url: str = "url"
    title: str = "title"
    id: str = "id"

    @classmethod
    def parse(cls, spec: str | None) -> ColumnMap:
        """``"text=body,published=date"``: the named fields renamed, the others as default."""
        if not spec:
            return cls()
        fields = {}
        for part in spec.split(","):
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or key not in cls.__dataclass_fields__ or not value:
                names = ", ".join(cls.__dataclass_fields__)
                raise ValueError(
                    f"{part.strip()!r}: expected FIELD=COLUMN with FIELD one of {names}"
                )
            fields[key] = value
        return cls(**fields)


def parse_stamp(value: object) -> dt.datetime | dt.date | None:
    """A date or timestamp from a source value: a datetime or date as is; text as ISO 8601
    (``Z`` for UTC allowed) or RFC 822 (feeds' ``Thu, 13 Feb 2025 07:30:00 +0100``); None if it
    is none of these."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            stamp = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if stamp is None:
            return None
    if len(text) == 10 and stamp.time() == dt.time():  # "2025-02-13": a day, not midnight
        return stamp.date()
    return stamp


def source_published(
    value: object, where: str, confidence: Confidence = "high"
) -> Published | None:
    """The publication date from a source's value (see module doc); ``where`` says which field
    of the source it was (``"page metadata article:published_time"``). None: not a date."""
    stamp = parse_stamp(value)
    if stamp is None:
        return None
    day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    if not 1900 <= day.year <= 2100:
        return None
    if isinstance(stamp, dt.datetime) and stamp.tzinfo is not None:
        when = stamp.isoformat()
        return Published(stamp.date(), stamp.date(), f"{where}: {when}", confidence, when)
    note = " (no time zone: the day only)" if isinstance(stamp, dt.datetime) else ""
    return Published(day, day, f"{where}: {day.isoformat()}{note}", confidence)
