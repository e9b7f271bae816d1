"""One validation step for every price series, whatever its source (CSV, cache, Yahoo, fixtures).

Refused (PriceDataError naming the origin and the first bad session): no rows; a missing
``Open``, ``High``, ``Low`` or ``Close`` column; session labels that are not tz-naive dates, not
sorted or not unique; an Open, High, Low or Close that is not finite, not positive or above
``MAX_PRICE``; a negative or non-finite adjusted close or volume. Repaired, and said so in the
notes: a session whose High is below max(Open, Close) or whose Low is above min(Open, Close)
(High below Low included) gets High = max(Open, High, Low, Close) and Low = min(of the four), so
that High >= max(Open, Close) >= min(Open, Close) >= Low holds. Gaps: the exchange's sessions
between a window's first and last rows that have no row (``calendar_gaps``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from impact.errors import ImpactError, PriceDataError
from impact.prices.model import MAX_PRICE, OHLC, PriceSeries

__all__ = ["MAX_PRICE", "calendar_gaps", "validate_frame", "validate_series"]

SHOWN = 5  # sessions named in a note before "..."


def _days(index: pd.DatetimeIndex, rows: np.ndarray) -> str:
    days = [index[i].date().isoformat() for i in rows[:SHOWN]]
    return ", ".join(days) + (f", ... ({len(rows)} in all)" if len(rows) > SHOWN else "")


def _check_index(index: pd.Index, origin: str) -> pd.DatetimeIndex:
    if not isinstance(index, pd.DatetimeIndex):
        raise PriceDataError(f"{origin}: sessions are not dates ({type(index).__name__})")
    if index.tz is not None:
        raise PriceDataError(f"{origin}: sessions carry a time zone ({index.tz}); expected dates")
    if index.hasnans:
        raise PriceDataError(f"{origin}: a session without a date")
    if not (index == index.normalize()).all():
        bad = np.flatnonzero(index != index.normalize())
        raise PriceDataError(f"{origin}: session {index[bad[0]]} is not a date (has a time)")
    dup = np.flatnonzero(index.duplicated())
    if len(dup):
        raise PriceDataError(f"{origin}: session {index[dup[0]].date()} appears twice")
    order = np.flatnonzero(np.diff(index.asi8) < 0)
    if len(order):
        raise PriceDataError(
            f"{origin}: session {index[order[0] + 1].date()} comes after a later one"
        )
    return index


def validate_frame(frame: pd.DataFrame, origin: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The frame, repaired where the rules say so, and the notes that say what was repaired;
    PriceDataError for what cannot be used (module docstring)."""
    if frame is None or len(frame) == 0:
        raise PriceDataError(f"{origin}: no price rows")
    missing = [c for c in OHLC if c not in frame.columns]
    if missing:
        raise PriceDataError(f"{origin}: missing column(s) {', '.join(missing)}")
    index = _check_index(frame.index, origin)
    ohlc = frame[list(OHLC)].to_numpy(dtype=float)
    bad = ~np.isfinite(ohlc) | (ohlc <= 0) | (ohlc > MAX_PRICE)
    if bad.any():
        row, col = (int(x[0]) for x in np.nonzero(bad))
        raise PriceDataError(
            f"{origin}: {index[row].date()}: {OHLC[col]} is {float(ohlc[row, col])!r}; prices must be "
            f"finite, positive and at most {MAX_PRICE:g}"
        )
    for name in ("Adj Close", "Volume"):
        if name in frame.columns:
            values = frame[name].to_numpy(dtype=float)
            wrong = ~np.isnan(values) & (~np.isfinite(values) | (values < 0))
            if wrong.any():
                row = int(np.flatnonzero(wrong)[0])
                raise PriceDataError(
                    f"{origin}: {index[row].date()}: {name} is {float(values[row])!r}"
                )
    o, h, lo, c = ohlc.T
    out_of_range = (h < np.maximum(o, c)) | (lo > np.minimum(o, c))
    if not out_of_range.any():
        return frame, ()
    rows = np.flatnonzero(out_of_range)
    fixed = frame.copy()
    fixed["High"] = ohlc.max(axis=1)
    fixed["Low"] = ohlc.min(axis=1)
    note = (
        f"{len(rows)} session(s) with Open or Close outside [Low, High] ({_days(index, rows)}): "
        "High and Low widened to cover Open and Close"
    )
    return fixed, (note,)


def validate_series(series: PriceSeries) -> PriceSeries:
    """The series with its prices validated (and repaired: notes say so); PriceDataError."""
    frame, notes = validate_frame(series.prices, f"{series.ticker} from {series.origin}")
    if not notes:
        return series
    return replace(series, prices=frame, notes=(*series.notes, *notes))


def calendar_gaps(series: PriceSeries) -> str | None:
    """The exchange's sessions between the series' first and last rows that have no row, as
    one note (None: no gap, or no calendar for the exchange)."""
    from impact import calendars  # the exchange calendars load only where a series is used

    if len(series.prices) < 2:
        return None
    try:
        expected = calendars.sessions_in_range(series.mic, series.first, series.last)
    except ImpactError:
        return None
    missing = expected.difference(series.prices.index)
    if len(missing) == 0:
        return None
    rows = np.arange(len(missing))
    return (
        f"no row for {len(missing)} {series.mic} session(s) between {series.first.date()} and "
        f"{series.last.date()}: {_days(missing, rows)}"
    )
