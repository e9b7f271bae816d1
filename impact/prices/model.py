"""Price series as value objects, ticker validation and validated CSV reading."""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from impact.errors import PriceDataError
from impact.listings import validate_ticker  # the one home of ticker syntax

__all__ = [
    "OHLC",
    "Basis",
    "PriceSeries",
    "read_price_csv",
    "validate_ticker",
]

Basis = Literal["traded", "adjusted", "index", "unknown"]
Source = Literal["csv", "cache", "fixture", "yahoo"]
OHLC = ("Open", "High", "Low", "Close")
MAX_PRICE = 1e9  # no listed share or index is quoted above this in its currency unit


@dataclass(frozen=True, eq=False)
class PriceSeries:
    """Daily prices of one ticker, indexed by exchange-local session date (tz-naive).

    ``basis`` says what ``Close`` is: ``traded`` (prices as traded), ``adjusted`` (Yahoo's
    dividend- and split-adjusted values), ``index`` (an index level) or ``unknown``.
    """

    ticker: str
    mic: str
    currency: str
    basis: Basis
    source: Source
    origin: str
    prices: pd.DataFrame = field(repr=False)
    notes: tuple[str, ...] = ()
    adjusted_to: pd.Timestamp | None = (
        None  # the last session of the source (Yahoo adjusts as of it)
    )

    @property
    def first(self) -> pd.Timestamp:
        return self.prices.index[0]

    @property
    def last(self) -> pd.Timestamp:
        return self.prices.index[-1]

    def between(self, start: object, end: object) -> PriceSeries:
        """The same series restricted to start <= session <= end."""
        frame = self.prices.loc[pd.Timestamp(start) : pd.Timestamp(end)]
        adjusted_to = self.adjusted_to
        if adjusted_to is None and len(self.prices):
            adjusted_to = self.prices.index[-1]
        return PriceSeries(
            self.ticker,
            self.mic,
            self.currency,
            self.basis,
            self.source,
            self.origin,
            frame,
            self.notes,
            adjusted_to,
        )

    def returns(self) -> pd.Series:
        """Close-to-close simple returns r_t = C_t / C_{t-1} - 1 (first session NaN)."""
        return self.prices["Close"].pct_change(fill_method=None)

    def describe_source(self) -> str:
        return f"{self.source} ({self.origin}), {self.basis} prices in {self.currency}"

    def __repr__(self) -> str:
        span = f"{self.first.date()}..{self.last.date()}" if len(self.prices) else "empty"
        return (
            f"PriceSeries({self.ticker} {self.mic} {self.currency} {self.basis} "
            f"from {self.source}, {len(self.prices)} sessions {span})"
        )


def _reject(path: Path | str, row: int, message: str) -> PriceDataError:
    return PriceDataError(f"{path}: row {row}: {message}")


_COLUMNS = (*OHLC, "Adj Close", "Volume")
_READ: dict[tuple[str, bytes], pd.DataFrame] = {}  # parsed files, by path and content digest


def read_price_csv(path: Path) -> pd.DataFrame:
    """Read and validate a daily price CSV (header ``Date,Open,High,Low,Close[,Adj Close,Volume]``).

    Rules: at least one row; ISO dates, unique and ascending; Open/High/Low/Close present,
    finite, > 0 and at most MAX_PRICE. Rows are numbered as in the file (the header is row 1).
    Values are kept exactly as float64 of the text (the relation of High and Low to Open and
    Close is checked, and repaired with a note, by :mod:`impact.prices.validate`). A file read
    before with the same content is not parsed again.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PriceDataError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    key = (str(Path(path).resolve()), hashlib.blake2b(data, digest_size=16).digest())
    if key not in _READ:
        if len(_READ) >= 64:
            _READ.clear()
        _READ[key] = _fast_read(data)
        if _READ[key] is None:
            _READ[key] = _read_checked(data, path)
    return _READ[key].copy()


def _fast_read(data: bytes) -> pd.DataFrame | None:
    """The file as ``_read_checked`` would return it, by pandas' C parser (whose float
    conversion is round-trip: the same float64 as the text; tests/test_robust.py compares the
    two readers on every fixture); None when any rule needs the careful reader (which then
    names the row)."""
    try:
        raw = pd.read_csv(
            io.BytesIO(data),
            encoding="utf-8-sig",
            keep_default_na=False,
            na_values=[""],
        )
    except Exception:  # any problem: the careful reader says which
        return None
    raw.columns = [str(c).strip() for c in raw.columns]
    if not len(raw) or not raw.columns.size or raw.columns[0].lower() != "date":
        return None
    if any(c not in raw.columns for c in OHLC) or len(set(raw.columns)) != raw.columns.size:
        return None
    text = raw.iloc[:, 0].astype(str)
    if not text.str.fullmatch(r"\d{4}-\d{2}-\d{2}.*").all():
        return None
    dates = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    if dates.isna().any():
        return None
    out = pd.DataFrame(index=pd.DatetimeIndex(dates, name="Date"))
    for name in (c for c in _COLUMNS if c in raw.columns):
        if raw[name].dtype.kind not in "fi":
            return None
        out[name] = raw[name].to_numpy(float)
    ohlc = out[list(OHLC)].to_numpy()
    if not (np.isfinite(ohlc) & (ohlc > 0) & (ohlc <= MAX_PRICE)).all():
        return None
    if "Adj Close" in out and out["Adj Close"].isna().all():
        out = out.drop(columns="Adj Close")
    if out.index.has_duplicates or not out.index.is_monotonic_increasing:
        return None
    return out


def _read_checked(data: bytes, path: Path | str) -> pd.DataFrame:
    """The careful reader: every value read as text first, so that an error names its row."""
    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise PriceDataError(f"{path}: not UTF-8 text") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as exc:
        raise PriceDataError(f"{path}: cannot be read as CSV: {str(exc).splitlines()[0]}") from None
    raw.columns = [str(c).strip() for c in raw.columns]
    lower = {c.lower(): c for c in raw.columns}
    if "date" not in lower:
        raise PriceDataError(f"{path}: no Date column (columns: {', '.join(raw.columns)})")
    missing = [c for c in OHLC if c.lower() not in lower]
    if missing:
        raise PriceDataError(f"{path}: missing column(s) {', '.join(missing)}")
    if raw.empty:
        raise PriceDataError(f"{path}: a header but no price rows")
    dates = pd.to_datetime(raw[lower["date"]].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    bad = np.flatnonzero(dates.isna().to_numpy())
    if len(bad):
        row = int(bad[0])
        raise _reject(path, row + 2, f"date {raw[lower['date']].iloc[row]!r} is not YYYY-MM-DD")
    out = pd.DataFrame(index=pd.DatetimeIndex(dates, name="Date"))
    for name in (*OHLC, "Adj Close", "Volume"):
        if name.lower() not in lower:
            continue
        text = raw[lower[name.lower()]].str.strip()
        values = pd.to_numeric(text.where(text != "", None), errors="coerce").to_numpy(float)
        unparsable = np.flatnonzero(np.isnan(values) & (text != "").to_numpy())
        if len(unparsable):
            row = int(unparsable[0])
            raise _reject(path, row + 2, f"{name} {text.iloc[row]!r} is not a number")
        out[name] = values
    for name in OHLC:
        values = out[name].to_numpy()
        bad = np.flatnonzero(~np.isfinite(values) | (values <= 0) | (values > MAX_PRICE))
        if len(bad):
            row = int(bad[0])
            raise _reject(
                path,
                row + 2,
                f"{name} is {float(values[row])!r}; prices must be finite, positive and at most "
                f"{MAX_PRICE:g}",
            )
    if "Adj Close" in out and out["Adj Close"].isna().all():
        out = out.drop(columns="Adj Close")
    index = out.index
    dup = np.flatnonzero(index.duplicated())
    if len(dup):
        raise _reject(path, int(dup[0]) + 2, f"duplicate date {index[dup[0]].date()}")
    order = np.flatnonzero(np.diff(index.asi8) < 0)
    if len(order):
        row = int(order[0]) + 1
        raise _reject(path, row + 2, f"date {index[row].date()} is before the row above it")
    return out


def finite_or_none(value: float) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value
