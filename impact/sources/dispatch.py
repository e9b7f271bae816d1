"""Which reader each input goes to, and the order articles come out in.

An input is a file, a folder, a URL (``http(s)://``, fetched unless offline) or ``-`` (stdin).
A file's kind is its suffix (text ``.txt .md``, web page ``.html .htm``, feed ``.rss .atom .xml``,
corpus ``.jsonl .ndjson .csv .parquet``); a file with another suffix, stdin and a fetched URL
are sniffed (a feed's root element, an HTML document's start, else text). A folder gives its
files of known kinds, sorted by path, subfolders included, hidden files and READMEs left out.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from impact import articles
from impact.articles import decode_text
from impact.sources.corpora import CORPUS_KINDS, Piece, read_corpus, split_corpus
from impact.sources.model import ColumnMap, SourcedArticle, SourceProblem

__all__ = ["SUFFIXES", "Item", "expand", "iter_sources", "plan_pieces", "read_piece"]

Item = SourcedArticle | SourceProblem

SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body")


def _sniff(data: bytes) -> str:
    from impact.sources.feeds import looks_like_feed

    if looks_like_feed(data):
        return "feed"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith(_HTML_START) else "text"


def _text(data: bytes, path: str) -> Item:
    """A text file's bytes as an article (impact.articles' decoding)."""
    if not data.strip():
        return SourceProblem(path, "empty", "empty file")
    try:
        text, encoding = decode_text(data)
    except ValueError as exc:
        kind = "binary" if b"\x00" in data[:65536] else "undecodable"
        return SourceProblem(path, kind, str(exc))  # type: ignore[arg-type]
    return SourcedArticle(path, text, encoding, id=path, source="text")


def _from_bytes(data: bytes, path: str, kind: str, url: str | None = None) -> Iterator[Item]:
    if kind == "sniff":
        kind = _sniff(data)
    if kind == "feed":
        from impact.sources.feeds import read_feed

        yield from read_feed(data, path)
    elif kind == "html":
        from impact.sources.html import read_html

        yield read_html(data, path, url)
    else:
        yield _text(data, path)


def _fetch(url: str, offline: bool) -> Iterator[Item]:
    if offline:
        yield SourceProblem(url, "offline", "a URL needs the network, but impact is offline")
        return
    import trafilatura

    response = trafilatura.fetch_response(url, decode=False)
    if response is None or not response.data or response.status >= 400:
        status = getattr(response, "status", None)
        yield SourceProblem(url, "unreadable", f"could not fetch the page (status {status})")
        return
    yield from _from_bytes(response.data, url, "sniff", url)


def read_piece(piece: Piece, columns: ColumnMap, offline: bool = False) -> Iterator[Item]:
    """The articles of one piece of input, in order (a file, a URL, stdin, or corpus rows)."""
    if piece.kind in CORPUS_KINDS:
        yield from read_corpus(piece, columns)
        return
    if piece.kind == "url":
        yield from _fetch(piece.path, offline)
        return
    try:
        if piece.kind == "stdin":
            limit = articles.MAX_BYTES  # the same limit as for files
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield SourceProblem("-", "too_large", f"larger than {limit // 1_000_000} MB")
                return
        else:
            limit = articles.MAX_BYTES
            if Path(piece.path).stat().st_size > limit:
                yield SourceProblem(piece.path, "too_large", f"larger than {limit // 1_000_000} MB")
                return
            data = Path(piece.path).read_bytes()
    except OSError as exc:
        yield SourceProblem(piece.path, "unreadable", exc.strerror or str(exc))
        return
    yield from _from_bytes(data, piece.path, "sniff" if piece.kind == "stdin" else piece.kind)


def _folder(path: Path) -> list[Path]:
    files = []
    for p in path.rglob("*"):
        hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
        if hidden or not p.is_file() or p.name.lower() in {"readme.md", "readme.txt"}:
            continue
        if p.suffix.lower() in SUFFIXES:
            files.append(p)
    return sorted(files)


def expand(inputs: Sequence[str]) -> Iterator[Piece | SourceProblem]:
    """Each input as whole-input pieces (a folder: one per file), or the problem with it."""
    for item in inputs:
        if item == "-":
            yield Piece("-", "stdin")
            continue
        if item.startswith(("http://", "https://")):
            yield Piece(item, "url")
            continue
        path = Path(item)
        if path.is_dir():
            files = _folder(path)
            if not files:
                yield SourceProblem(
                    item,
                    "not_found",
                    "folder holds no .txt or .md articles, pages, feeds or corpora",
                )
            for file in files:
                yield Piece(str(file), SUFFIXES[file.suffix.lower()])
        elif path.is_file():
            yield Piece(item, SUFFIXES.get(path.suffix.lower(), "sniff"))
        else:
            yield SourceProblem(item, "not_found", "no such file or folder")


def iter_sources(
    inputs: Sequence[str], columns: ColumnMap | None = None, offline: bool = False
) -> Iterator[Item]:
    """Every article of the inputs, in order, each an article or the problem that stopped it."""
    columns = columns or ColumnMap()
    for piece in expand(inputs):
        if isinstance(piece, SourceProblem):
            yield piece
        else:
            yield from read_piece(piece, columns, offline)


def plan_pieces(
    inputs: Sequence[str], rows_per_piece: int = 1000
) -> Iterator[Piece | SourceProblem]:
    """The inputs as pieces that can be read on their own (a corpus file split into runs of
    about ``rows_per_piece`` rows), in the order :func:`iter_sources` reads them."""
    for piece in expand(inputs):
        if isinstance(piece, Piece) and piece.kind in CORPUS_KINDS:
            try:
                parts = list(split_corpus(piece.path, piece.kind, rows_per_piece))
            except (OSError, ValueError, csv.Error):  # not what it says: read whole, reported
                parts = [piece]
            yield from parts
        else:
            yield piece
