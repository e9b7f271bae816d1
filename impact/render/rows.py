"""Claim rows to a file, streamed: JSON Lines, CSV or Parquet, chosen by the file's suffix.

The rows go to a temporary file beside the target, which replaces the target only when the run
is done (impact.fileio): a reader sees the old file or the whole new one, never part of one.
An existing target is overwritten only when impact wrote it (its Parquet metadata, or the CSV
header / first JSON line holding impact's columns) or with ``force``. Parquet columns have fixed
types (:data:`SCHEMA`), so every file and every partition of a run load as one table.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence, Set
from pathlib import Path
from typing import Any

from impact.errors import ForeignFileError, InputError
from impact.fileio import fsync_file, temp_beside

__all__ = ["FORMATS", "RowWriter", "row_format", "row_schema", "write_parquet_rows"]

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_INTS = {"claim_id", "span_start", "span_end"}
_FLOATS = {"magnitude", "scale", "realized", "market_move"}
_MARKER = b"impact.rows"


def row_format(path: Path) -> str:
    """jsonl, csv or parquet from the suffix; anything else is an input error."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"output file {path}: expected a .jsonl, .csv or .parquet file")
    return fmt


def row_schema(columns: Sequence[str], floats: Set[str] = _FLOATS, ints: Set[str] = _INTS):
    """The Parquet schema of the rows: integers, floats (claim rows' by default), the rest
    strings."""
    import pyarrow as pa

    def kind(name: str) -> Any:
        return pa.int64() if name in ints else pa.float64() if name in floats else pa.string()

    return pa.schema([(c, kind(c)) for c in columns], metadata={_MARKER: b"1"})


def _written_by_impact(path: Path, fmt: str, columns: Sequence[str]) -> bool:
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return _MARKER in (pq.read_schema(path).metadata or {})
        with open(path, encoding="utf-8", newline="") as handle:
            first = handle.readline()
        if fmt == "csv":
            return next(csv.reader([first]), []) == list(columns)
        return list(json.loads(first)) == list(columns)
    except (OSError, ValueError, TypeError):
        return False
    except Exception:  # pyarrow's own errors: not a Parquet file of ours
        return False


class RowWriter:
    """Write rows to ``path`` as they come; ``close()`` puts the file in place. Used as a context
    manager, an exception leaves the old file (if any) as it was."""

    def __init__(
        self,
        path: Path,
        columns: Sequence[str],
        force: bool = False,
        batch: int = 2048,
        floats: Set[str] = _FLOATS,
        ints: Set[str] = _INTS,
    ) -> None:
        self.path, self.columns, self.batch = Path(path), list(columns), batch
        self.floats, self.ints = floats, ints
        self.fmt = row_format(self.path)
        if self.path.exists() and not force:
            if self.path.is_dir() or not _written_by_impact(self.path, self.fmt, columns):
                raise ForeignFileError(self.path)
        self._temp = temp_beside(self.path)
        self.tmp = self._temp.__enter__()
        self.count = 0
        self._pending: list[dict[str, Any]] = []
        self._open()

    def _open(self) -> None:
        if self.fmt == "parquet":
            import pyarrow.parquet as pq

            self._schema = row_schema(self.columns, self.floats, self.ints)
            self._parquet = pq.ParquetWriter(self.tmp, self._schema)
            return
        self._handle = open(self.tmp, "w", encoding="utf-8", newline="")
        if self.fmt == "csv":
            self._csv = csv.DictWriter(self._handle, self.columns, lineterminator="\n")
            self._csv.writeheader()

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.count += 1
            if self.fmt == "jsonl":
                record = {c: row.get(c) for c in self.columns}
                self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow({c: "" if row.get(c) is None else row[c] for c in self.columns})
            else:
                self._pending.append(row)
                if len(self._pending) >= self.batch:
                    self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        table = pa.Table.from_pylist(self._pending, schema=self._schema)
        self._parquet.write_table(table)
        self._pending = []

    def close(self) -> Path:
        """Finish the file and move it over the target (atomic)."""
        if self.fmt == "parquet":
            if self._pending or self.count == 0:
                self._flush()
            self._parquet.close()
        else:
            self._handle.close()
        fsync_file(self.tmp)
        os.replace(self.tmp, self.path)
        self._temp.__exit__(None, None, None)
        return self.path

    def abort(self) -> None:
        """Drop the temporary file; the target stays as it was."""
        try:
            if self.fmt == "parquet":
                self._parquet.close()
            else:
                self._handle.close()
        finally:
            self._temp.__exit__(None, None, None)

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_parquet_rows(
    path: Path,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    floats: Set[str] = _FLOATS,
    ints: Set[str] = _INTS,
) -> Path:
    """All ``rows`` to one Parquet file at once, atomically (a partition's file)."""
    with RowWriter(path, columns, True, max(len(rows), 1), floats, ints) as writer:
        writer.write(rows)
    return path
