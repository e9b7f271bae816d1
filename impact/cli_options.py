"""Options of `impact check` and `impact study` for many articles and events (typer only: no
heavy import, so `impact --help` stays fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from impact.errors import InputError

__all__ = [
    "ChunkOption",
    "ColumnsOption",
    "DaskOption",
    "EventsOutOption",
    "OutOption",
    "PartitionOption",
    "WorkersOption",
    "parse_columns",
]

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Write one row per claim to FILE (.jsonl, .csv or .parquet; with --dask a folder of "
        "Parquet parts) and print a summary.",
    ),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", help="Worker processes (needs --out); 1: this process.")
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask", help="Run on Dask: 'local' or a scheduler address; --out is then a folder."
    ),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        help="Corpus column names, e.g. text=body,published=date (also url, title, id).",
    ),
]
PartitionOption = Annotated[
    int, typer.Option("--partition-rows", help="Articles per Dask partition.")
]


def parse_columns(spec: str | None):
    """The --columns option as a ColumnMap; a bad one is an input error."""
    from impact.sources import ColumnMap

    try:
        return ColumnMap.parse(spec)
    except ValueError as exc:
        raise InputError(f"--columns {exc}") from None


ChunkOption = Annotated[
    int | None,
    typer.Option("--chunk", help="With --events: read and study N events at a time."),
]
EventsOutOption = Annotated[
    Path | None,
    typer.Option("--out", help="With --events: each event's CAR, t, p, BHAR to this file."),
]
