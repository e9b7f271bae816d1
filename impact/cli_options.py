"""The options and arguments of the `impact` commands, with their help texts (typer only: no
heavy import, so `impact --help` stays fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from impact.errors import InputError

__all__ = [
    "ChunkOption",
    "ColumnsOption",
    "CorpusArgument",
    "CsvFlag",
    "DaskOption",
    "DataDirOption",
    "EndOption",
    "EstimationOption",
    "EvalLangOption",
    "EventOption",
    "EventsFileOption",
    "EventsOutOption",
    "FailOnOption",
    "FixtureDestOption",
    "FixtureSourceArgument",
    "FloorOption",
    "ForceFlag",
    "FundamentalsOption",
    "InputsArgument",
    "JsonFlag",
    "LangOption",
    "MarketOption",
    "MissesFlag",
    "ModelOption",
    "NameArgument",
    "OfflineFlag",
    "OutOption",
    "PartitionOption",
    "PublishedOption",
    "RegistryOption",
    "ReportOption",
    "StartOption",
    "WindowOption",
    "WorkersOption",
    "parse_columns",
]

OfflineFlag = Annotated[
    bool, typer.Option("--offline", help="Never touch the network (also IMPACT_OFFLINE=1).")
]
DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Folder of your own <TICKER>.csv files (also IMPACT_DATA_DIR)."
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
StartOption = Annotated[str | None, typer.Option("--start", help="First date, YYYY-MM-DD.")]
EndOption = Annotated[str | None, typer.Option("--end", help="Last date, YYYY-MM-DD (inclusive).")]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date YYYY-MM-DD (or YYYY-MM, or ISO timestamp)."),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Article files, folders, or - for stdin.")
]
LangOption = Annotated[str | None, typer.Option("--lang", help="de or en (default: detected).")]
RegistryOption = Annotated[
    Path | None,
    typer.Option(
        "--registry", help="Your registry TOML (entities, listings, cues), added to ours."
    ),
]
ForceFlag = Annotated[
    bool, typer.Option("--force", help="Overwrite files impact did not write, or edited since.")
]
FailOnOption = Annotated[
    list[str] | None,
    typer.Option("--fail-on", help="Exit 1 if any claim gets this verdict (repeatable)."),
]
ReportOption = Annotated[
    Path | None,
    typer.Option("--report", help="Write report.html (self-contained) and report.md here."),
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
EventOption = Annotated[
    str | None,
    typer.Option("--event", help="Date or timestamp with zone, e.g. 2025-02-13T10:00+04:00."),
]
EventsFileOption = Annotated[
    Path | None, typer.Option("--events", help="CSV with columns ticker,event,market.")
]
MarketOption = Annotated[
    str, typer.Option("--market", help="Benchmark ticker; several as A,B for --model factor.")
]
ModelOption = Annotated[
    str, typer.Option("--model", help="market, market_adjusted, constant_mean or factor.")
]
WindowOption = Annotated[str, typer.Option("--window", help="Event window in sessions, e.g. -1,1.")]
EstimationOption = Annotated[
    int, typer.Option("--estimation", help="Estimation window [-N, -11] in sessions.")
]
CorpusArgument = Annotated[
    Path, typer.Argument(help="Annotated corpus folder (passages.jsonl, truth.jsonl).")
]
MissesFlag = Annotated[
    bool,
    typer.Option("--misses", help="List every missed claim, wrong field and wrong verdict."),
]
EvalLangOption = Annotated[
    str | None, typer.Option("--lang", help="Evaluate only the de or en passages.")
]
FloorOption = Annotated[
    Path | None,
    typer.Option(
        "--floor",
        help='JSON of minimum scores, e.g. {"en": {"recall": 0.3}}; exit 1 below any '
        "(false_alarms is a maximum).",
    ),
]
NameArgument = Annotated[
    str,
    typer.Argument(help="A company or index name, a ticker, or a phrase ('Alibaba in Hongkong')."),
]
FixtureSourceArgument = Annotated[
    Path, typer.Argument(help="Folder of price CSVs (e.g. ../shared/market-data).")
]
FixtureDestOption = Annotated[Path, typer.Option("--dest", help="Fixtures folder to rebuild.")]
FundamentalsOption = Annotated[
    Path | None, typer.Option("--fundamentals", help="Folder of reported figures.")
]
