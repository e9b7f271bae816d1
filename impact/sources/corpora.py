"""Corpora: JSON Lines, CSV and Parquet files with one article a row, read as a stream.

A row has a ``text`` column and optionally ``published``, ``url``, ``title`` and ``id`` (names
set by a :class:`ColumnMap`). Rows are numbered from 1 in file order; a row without an id is
``FILE#n``. A row that cannot be used (no text, not JSON, bytes that are not UTF-8, a published
value that is not a date, a text longer than a text file may be) is a problem of that row; the
rows after it are read. CSV fields are limited to the csv module's field size (131,072
characters): a longer one stops the file there, said so.

Each reader takes a :class:`Piece`: a run of rows starting at a byte offset (JSON Lines, CSV) or
a set of row groups (Parquet), so that workers can read their own part of one large file
(:func:`split_corpus`). The whole file is the piece with the defaults.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from impact.articles import MAX_BYTES
from impact.sources.model import ColumnMap, SourcedArticle, SourceProblem, source_published

__all__ = ["CORPUS_KINDS", "Piece", "read_corpus", "split_corpus"]

CORPUS_KINDS = ("jsonl", "csv", "parquet")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by surrogateescape: not UTF-8
_BATCH = 1024


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of one input: ``rows`` rows from the 1-based row ``first_row`` at byte ``offset``
    (JSON Lines, CSV), or the row groups ``groups`` (Parquet). Defaults: the whole file."""

    path: str
    kind: str
    first_row: int = 1
    offset: int = 0
    rows: int | None = None
    groups: tuple[int, ...] | None = None


def _value(row: dict[str, Any], column: str) -> Any:
    """An optional field's value; missing, NaN and blank (an empty CSV cell) are None."""
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def row_article(row: dict[str, Any], where: str, columns: ColumnMap, kind: str):
    """One corpus row as an article, or the problem that stops it."""
    text = row.get(columns.text)
    if not isinstance(text, str):
        return SourceProblem(where, "bad_row", f"column {columns.text!r} holds no text")
    if not text.strip():
        return SourceProblem(where, "empty", "empty text")
    if len(text) > MAX_BYTES:
        return SourceProblem(where, "too_large", f"text longer than {MAX_BYTES:,} characters")
    if "\x00" in text:
        return SourceProblem(where, "binary", "NUL characters in the text: not text")
    fields = [text, *(str(v) for v in row.values() if isinstance(v, str))]
    if any(_UNDECODED.search(f) for f in fields):
        return SourceProblem(where, "undecodable", "bytes that are not UTF-8")
    raw_date = _value(row, columns.published)
    published = None
    if raw_date is not None:
        published = source_published(raw_date, f"corpus column {columns.published!r}")
        if published is None:
            message = f"column {columns.published!r} value {str(raw_date)[:40]!r} is not a date"
            return SourceProblem(where, "bad_date", message)
    ident = _value(row, columns.id)
    title, url = _value(row, columns.title), _value(row, columns.url)
    return SourcedArticle(
        where,
        text.replace("\r\n", "\n").replace("\r", "\n"),
        "utf-8",
        (str(title).strip() or None) if title is not None else None,
        id=str(ident) if ident is not None else where,
        url=str(url) if url is not None else None,
        published=published,
        source=kind,  # type: ignore[arg-type]
    )


def _lines(handle: io.BufferedReader, limit: int | None) -> Iterator[str]:
    """Decoded lines (bytes that are not UTF-8 kept as surrogates), at most ``limit``."""
    n = 0
    for raw in handle:
        if limit is not None and n >= limit:
            return
        n += 1
        yield raw.decode("utf-8", errors="surrogateescape")


def _read_jsonl(piece: Piece, columns: ColumnMap) -> Iterator[SourcedArticle | SourceProblem]:
    with open(piece.path, "rb") as handle:
        handle.seek(piece.offset)
        for n, line in enumerate(_lines(handle, piece.rows), start=piece.first_row):
            where = f"{piece.path}#{n}"
            if not line.strip():  # a blank line holds no article
                continue
            try:
                row = json.loads(line.lstrip("\ufeff"))
            except ValueError:
                kind = "undecodable" if _UNDECODED.search(line) else "bad_row"
                yield SourceProblem(where, kind, "not a JSON object")  # type: ignore[arg-type]
                continue
            if not isinstance(row, dict):
                yield SourceProblem(where, "bad_row", "not a JSON object")
                continue
            yield row_article(row, where, columns, "jsonl")


def csv_header(path: str) -> tuple[list[str], int]:
    """The header's columns and the byte offset of the first data row."""
    with open(path, "rb") as handle:
        tracker = LineTracker(handle)
        header = next(csv.reader(tracker), None)
        return [h.lstrip("\ufeff").strip() for h in header or []], tracker.position


class LineTracker:
    """Lines of a binary file, decoded, counting the bytes handed out (a CSV row ends at a line
    end, so the count after a row is the byte offset of the next one)."""

    def __init__(self, handle: io.BufferedReader) -> None:
        self.handle = handle
        self.position = handle.tell()

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.position += len(raw)
            yield raw.decode("utf-8", errors="surrogateescape")


def _read_csv(piece: Piece, columns: ColumnMap) -> Iterator[SourcedArticle | SourceProblem]:
    header, data_start = csv_header(piece.path)
    if columns.text not in header:
        yield SourceProblem(piece.path, "bad_file", f"no column {columns.text!r} in the header")
        return
    with open(piece.path, "rb") as handle:
        handle.seek(max(piece.offset, data_start))
        reader = csv.reader(LineTracker(handle))
        for k, values in enumerate(reader):
            if piece.rows is not None and k >= piece.rows:
                return
            where = f"{piece.path}#{piece.first_row + k}"
            if not values:  # a blank line holds no article
                continue
            if len(values) != len(header):
                yield SourceProblem(
                    where, "bad_row", f"{len(values)} fields, header has {len(header)}"
                )
                continue
            yield row_article(dict(zip(header, values, strict=True)), where, columns, "csv")


def _read_parquet(piece: Piece, columns: ColumnMap) -> Iterator[SourcedArticle | SourceProblem]:
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(piece.path)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid and OSErrors
        yield SourceProblem(piece.path, "bad_file", f"not a Parquet file ({type(exc).__name__})")
        return
    names = handle.schema_arrow.names
    if columns.text not in names:
        yield SourceProblem(piece.path, "bad_file", f"no column {columns.text!r}")
        return
    wanted = [c for c in dict.fromkeys(_fields(columns)) if c in names]
    n = piece.first_row
    groups = list(piece.groups) if piece.groups is not None else None
    for batch in handle.iter_batches(_BATCH, row_groups=groups, columns=wanted):
        for row in batch.to_pylist():
            yield row_article(row, f"{piece.path}#{n}", columns, "parquet")
            n += 1


def _fields(columns: ColumnMap) -> list[str]:
    return [columns.text, columns.published, columns.url, columns.title, columns.id]


def read_corpus(piece: Piece, columns: ColumnMap) -> Iterator[SourcedArticle | SourceProblem]:
    """The rows of a corpus piece as articles (or problems), in file order."""
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}[piece.kind]
    try:
        yield from reader(piece, columns)
    except OSError as exc:
        yield SourceProblem(piece.path, "unreadable", exc.strerror or str(exc))
    except csv.Error as exc:
        yield SourceProblem(piece.path, "bad_file", f"not a valid CSV file ({exc})")


def split_corpus(path: str, kind: str, rows_per_piece: int) -> Iterator[Piece]:
    """The file as pieces of about ``rows_per_piece`` rows (one pass over the file; Parquet:
    whole row groups from the footer)."""
    if kind == "parquet":
        yield from _split_parquet(path, rows_per_piece)
        return
    with open(path, "rb") as handle:
        if kind == "csv":
            _, start = csv_header(path)
            handle.seek(start)
            tracker = LineTracker(handle)
            rows: Iterator[Any] = csv.reader(tracker)
        else:
            tracker = LineTracker(handle)
            rows = iter(tracker)
        offset, first, count = tracker.position, 1, 0
        for _ in rows:
            count += 1
            if count == rows_per_piece:
                yield Piece(path, kind, first, offset, count)
                offset, first, count = tracker.position, first + count, 0
        if count:
            yield Piece(path, kind, first, offset, count)


def _split_parquet(path: str, rows_per_piece: int) -> Iterator[Piece]:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    first, groups, count = 1, [], 0
    for g in range(meta.num_row_groups):
        groups.append(g)
        count += meta.row_group(g).num_rows
        if count >= rows_per_piece:
            yield Piece(path, "parquet", first, groups=tuple(groups), rows=count)
            first, groups, count = first + count, [], 0
    if groups:
        yield Piece(path, "parquet", first, groups=tuple(groups), rows=count)
