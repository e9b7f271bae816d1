"""Many articles on Dask: the per-article function of impact.batch over partitions of the input.

The client only plans: the inputs become pieces that a worker reads on its own (a file, a URL,
a run of rows of a corpus file: impact.sources.plan_pieces), and consecutive pieces are grouped
into partitions of about ``partition_rows`` articles. A ``dask.bag`` with one element per
partition maps :func:`check_partition` over them: the worker reads its pieces, checks each
article with its own checker (built once per worker process), writes the rows to
``part-NNNNN.parquet`` in the output folder (atomic) and returns the partition's counts. Read
in partition order, the parts hold the serial run's rows in the serial run's order.

Every worker must see the inputs, the output folder and the price data under the same paths
(a shared file system); the scheduler is ``local`` (a LocalCluster on this machine) or the
address of a running scheduler (``tcp://host:8786``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from impact.batch import ROW_COLUMNS, BatchOptions, BatchSummary, check_item, make_checker
from impact.errors import ForeignFileError, InputError
from impact.sources import Piece, SourceProblem, plan_pieces, read_piece

__all__ = [
    "PART_GLOB",
    "check_partition",
    "dask_client",
    "partitions",
    "prepare_parts_dir",
    "read_parts",
    "run_check_dask",
]

PART_GLOB = "part-*.parquet"
_CHECKERS: dict[BatchOptions, Any] = {}  # in a worker process: one checker per options


def partitions(
    inputs: Sequence[str], partition_rows: int = 1000
) -> list[list[Piece | SourceProblem]]:
    """The inputs as partitions of about ``partition_rows`` articles (a file counts one)."""
    out: list[list[Piece | SourceProblem]] = [[]]
    size = 0
    for piece in plan_pieces(inputs, partition_rows):
        if isinstance(piece, Piece) and piece.kind == "stdin":
            raise InputError("standard input cannot be split over Dask workers; give files")
        rows = piece.rows if isinstance(piece, Piece) and piece.rows else 1
        if size and size + rows > partition_rows:
            out.append([])
            size = 0
        out[-1].append(piece)
        size += rows
    return [p for p in out if p]


def _checker(options: BatchOptions) -> Any:
    if options not in _CHECKERS:
        _CHECKERS[options] = make_checker(options)
    return _CHECKERS[options]


def check_partition(
    job: tuple[int, list[Piece | SourceProblem]], options: BatchOptions, out_dir: str
) -> BatchSummary:
    """One partition: read its pieces, check every article, write its Parquet part."""
    from impact.render.rows import write_parquet_rows

    number, pieces = job
    checker = _checker(options)
    offline = options.settings.offline
    summary, rows = BatchSummary(), []
    index = 0
    for piece in pieces:
        items = (
            [piece]
            if isinstance(piece, SourceProblem)
            else read_piece(piece, options.columns, offline)
        )
        for item in items:
            outcome = check_item(index, item, checker, options)
            summary.add(outcome)
            rows.extend(outcome.rows)
            index += 1
    write_parquet_rows(Path(out_dir) / f"part-{number:05d}.parquet", rows, ROW_COLUMNS)
    return summary


def prepare_parts_dir(out_dir: Path, force: bool) -> None:
    """An output folder for the parts: created, or emptied of an earlier run's parts. Other
    files in it are left alone unless ``force``: they are refused."""
    import pyarrow.parquet as pq

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"output {out_dir}: with Dask, the output is a folder of Parquet parts")
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(out_dir.iterdir()):
        if path.name.startswith("."):
            continue
        try:
            ours = path.match(PART_GLOB) and b"impact.rows" in (pq.read_schema(path).metadata or {})
        except Exception:  # pyarrow's errors: not a Parquet file, so not one of ours
            ours = False
        if not ours and not force:
            raise ForeignFileError(path)
        if ours:
            path.unlink()


def dask_client(scheduler: str, workers: int | None) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler == "local":
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    return Client(scheduler), None


def run_check_dask(
    inputs: Sequence[str],
    out_dir: Path,
    options: BatchOptions | None = None,
    scheduler: str = "local",
    workers: int | None = None,
    partition_rows: int = 1000,
    force: bool = False,
    on_partition: Callable[[BatchSummary], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Check every article of ``inputs`` on Dask; the rows go to ``out_dir/part-*.parquet``.
    ``workers``: the LocalCluster's worker processes (default: one per core). ``on_plan`` is
    told the number of partitions, ``on_partition`` each partition's counts as it is done."""
    import dask.bag as db
    from distributed import as_completed

    options = options or BatchOptions()
    jobs = list(enumerate(partitions(inputs, partition_rows)))
    if on_plan is not None:
        on_plan(len(jobs))
    out_dir = Path(out_dir)
    prepare_parts_dir(out_dir, force)
    total = BatchSummary()
    if not jobs:
        return total
    bag = db.from_sequence(jobs, npartitions=len(jobs))
    checked = bag.map(check_partition, options=options, out_dir=str(out_dir.resolve()))
    client, cluster = dask_client(scheduler, workers)
    try:
        futures = client.compute(checked.to_delayed())
        order = {future.key: n for n, future in enumerate(futures)}
        done: dict[int, BatchSummary] = {}
        for future in as_completed(futures):
            (summary,) = future.result()
            done[order[future.key]] = summary
            if on_partition is not None:
                on_partition(summary)
        for key in sorted(done):  # partition order: the first problems as a serial run has them
            total.merge(done[key])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return total


def read_parts(out_dir: Path):
    """The rows of a Dask run as one DataFrame, in partition order (pandas)."""
    import pandas as pd

    parts = sorted(Path(out_dir).glob(PART_GLOB))
    if not parts:
        return pd.DataFrame(columns=list(ROW_COLUMNS))
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
