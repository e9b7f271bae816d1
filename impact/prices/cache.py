"""On-disk price cache: one parquet file per ticker, its metadata (basis, held ranges) inside it.

Metadata and rows live in one file, so one atomic replace updates both: the file is written to a
temporary name in the same folder, flushed and fsynced, then ``os.replace``-d over the old one. A
reader therefore sees either the old or the new file, never a half-written one. A file that cannot
be parsed, or whose prices fail validation (``impact.prices.validate``), is moved aside
(``<name>.corrupt``), said once in the loaded series' notes (or the error), and treated as absent.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from impact.errors import CacheError
from impact.fileio import fsync_file, remove_stale_temps, temp_beside
from impact.prices.model import validate_ticker

__all__ = ["CacheEntry", "PriceCache", "merge_ranges", "missing_ranges"]

Range = tuple[pd.Timestamp, pd.Timestamp]
_META_KEY = b"impact"


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Union of closed date ranges; ranges that touch (end + 1 day = start) are joined."""
    out: list[Range] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + pd.Timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def missing_ranges(held: list[Range], start: pd.Timestamp, end: pd.Timestamp) -> list[Range]:
    """The parts of [start, end] not covered by the held ranges."""
    gaps: list[Range] = []
    cursor = start
    for lo, hi in merge_ranges(held):
        if hi < cursor:
            continue
        if lo > end:
            break
        if lo > cursor:
            gaps.append((cursor, min(end, lo - pd.Timedelta(days=1))))
        cursor = max(cursor, hi + pd.Timedelta(days=1))
        if cursor > end:
            break
    if cursor <= end:
        gaps.append((cursor, end))
    return gaps


@dataclass(frozen=True, eq=False)
class CacheEntry:
    """What the cache holds for one ticker: rows, price basis, and the date ranges fetched."""

    ticker: str
    basis: str
    currency: str
    ranges: list[Range]
    prices: pd.DataFrame


class PriceCache:
    """A folder of ``<TICKER>.parquet`` files."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, ticker: str) -> Path:
        path = (self.root / f"{validate_ticker(ticker)}.parquet").resolve()
        if path.parent != self.root.resolve():
            raise CacheError(f"ticker {ticker!r} would leave the cache folder {self.root}")
        return path

    def read(self, ticker: str, problems: list[str] | None = None) -> CacheEntry | None:
        """The cached entry, or None if absent. A file that cannot be parsed is moved aside
        (``.corrupt``), reported as None, and said in ``problems`` when given."""
        path = self.path_for(ticker)
        if not path.exists():
            return None
        import pyarrow.parquet as pq  # here: a run on the bundled fixtures never reads a cache

        try:
            table = pq.read_table(path)
            meta = json.loads((table.schema.metadata or {})[_META_KEY])
            prices = table.to_pandas()
            prices.index = pd.DatetimeIndex(prices.index, name="Date")
            ranges = [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in meta["ranges"]]
            return CacheEntry(meta["ticker"], meta["basis"], meta["currency"], ranges, prices)
        except Exception as exc:  # any parse failure means the file is not a cache file we wrote
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            message = self.quarantine(ticker, f"not readable ({type(exc).__name__}: {text})")
            if problems is not None:
                problems.append(message)
            return None

    def quarantine(self, ticker: str, reason: str) -> str:
        """Move the ticker's file aside to ``<name>.corrupt``; the one line that says so."""
        path = self.path_for(ticker)
        aside = path.with_suffix(".parquet.corrupt")
        with contextlib.suppress(OSError):
            os.replace(path, aside)
        return f"cache file {path} was corrupt ({reason[:200]}): moved to {aside.name}"

    def write(self, entry: CacheEntry) -> Path:
        """Replace the ticker's file atomically with ``entry``."""
        path = self.path_for(entry.ticker)
        remove_stale_temps(path)
        meta = {
            "ticker": entry.ticker,
            "basis": entry.basis,
            "currency": entry.currency,
            "ranges": [[a.date().isoformat(), b.date().isoformat()] for a, b in entry.ranges],
        }
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(entry.prices, preserve_index=True)
        table = table.replace_schema_metadata(
            {**(table.schema.metadata or {}), _META_KEY: json.dumps(meta).encode()}
        )
        try:
            with temp_beside(path) as tmp:
                pq.write_table(table, tmp)
                fsync_file(tmp)
                os.replace(tmp, path)
        except OSError as exc:
            raise CacheError(f"cannot write cache file {path}: {exc.strerror or exc}") from None
        return path
