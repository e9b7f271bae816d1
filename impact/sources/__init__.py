"""Stage 0 at scale: articles as they come (text files, web pages, RSS/Atom feeds, JSON Lines,
CSV and Parquet corpora, folders of them, URLs), each with its id, URL, headline and the
publication time its source gives."""

from impact.sources.corpora import Piece
from impact.sources.dispatch import Item, iter_sources, plan_pieces, read_piece
from impact.sources.model import (
    ColumnMap,
    ProblemKind,
    SourcedArticle,
    SourceProblem,
    source_published,
)

__all__ = [
    "ColumnMap",
    "Item",
    "Piece",
    "ProblemKind",
    "SourceProblem",
    "SourcedArticle",
    "iter_sources",
    "plan_pieces",
    "read_piece",
    "source_published",
]
