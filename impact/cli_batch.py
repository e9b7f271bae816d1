"""`impact check` over many articles (``--out``, ``--workers``, ``--dask``): the run, a progress
bar on a terminal (nothing when stderr is piped), the rows file and the summary at the end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.console import Console

from impact.batch import ROW_COLUMNS, BatchOptions, BatchSummary
from impact.errors import InputError

__all__ = ["check_batch"]


class _Progress:
    """A rich progress line (articles, rate, claims, problems) when stderr is a terminal."""

    def __init__(self, console: Console, unit: str = "articles") -> None:
        self.bar: Any = None
        self.summary = BatchSummary()
        if console.is_terminal:
            from rich.progress import (
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                MofNCompleteColumn() if unit == "partitions" else TextColumn(""),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task(f"checking {unit}", total=None, counts="")

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def set_total(self, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total)

    def add(self, outcome: Any) -> None:
        self.summary.add(outcome)
        self._show(self.summary.articles)

    def partition(self, part: BatchSummary) -> None:
        self.summary.merge(part)
        if self.bar is not None:
            self.bar.advance(self.task)
        self._show(None)

    def _show(self, completed: int | None) -> None:
        s = self.summary
        if self.bar is None or (completed is not None and completed % 25 and completed > 1):
            return
        counts = f"{s.articles:,} articles, {s.claims:,} claims, {s.failed:,} problems"
        if completed is not None:
            self.bar.update(self.task, completed=completed, counts=counts)
        else:
            self.bar.update(self.task, counts=counts)


def _serial_or_pool(
    inputs: list[str], out: Path, options: BatchOptions, workers: int, force: bool,
    progress: _Progress,
) -> BatchSummary:  # fmt: skip
    from impact.batch import run_check
    from impact.render.rows import RowWriter
    from impact.sources import iter_sources

    items = iter_sources(inputs, options.columns, options.settings.offline)
    with RowWriter(out, ROW_COLUMNS, force) as writer:
        for outcome in run_check(items, options, workers, on_outcome=progress.add):
            writer.write(outcome.rows)
    return progress.summary


def check_batch(
    inputs: list[str],
    out: Path | None,
    options: BatchOptions,
    workers: int = 1,
    dask: str | None = None,
    partition_rows: int = 1000,
    force: bool = False,
    fail_on: list[str] | None = None,
    console: Console | None = None,
) -> int:
    """Run the check over every article, write the rows, print the summary (on ``console``).
    The exit code (as for one process, impact.runs): 1 if a claim got a ``fail_on`` verdict or
    some articles could not be checked, 2 if none could, else 0."""
    from impact.render.summary import render_batch_summary

    if out is None:
        raise InputError("--workers and --dask write their rows to a file: give --out FILE")
    if workers < 1:
        raise InputError(f"--workers {workers}: expected 1 or more")
    err = Console(stderr=True)
    started = time.perf_counter()
    with _Progress(err, "partitions" if dask else "articles") as progress:
        if dask:
            from impact.batch_dask import run_check_dask

            if out.suffix:
                raise InputError(f"--out {out}: with --dask, give a folder for the Parquet parts")
            summary = run_check_dask(
                inputs, out, options, dask, None if workers == 1 else workers,
                partition_rows, force, progress.partition, progress.set_total,
            )  # fmt: skip
        else:
            summary = _serial_or_pool(inputs, out, options, workers, force, progress)
    seconds = time.perf_counter() - started
    console = console or Console(soft_wrap=True)
    render_batch_summary(summary, console, seconds)
    err.print(f"rows: {out} ({summary.claims:,} claims)", markup=False, highlight=False)
    hits = sum(summary.verdicts[v] for v in fail_on or [])
    if hits:
        named = ", ".join(sorted(v for v in fail_on or [] if summary.verdicts[v]))
        err.print(f"--fail-on: {hits} claim(s) with verdict {named}", markup=False, highlight=False)
        return 1
    if summary.failed:
        return 2 if summary.failed >= summary.articles else 1
    return 0
