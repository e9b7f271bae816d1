"""Prices as an article quoted them: Yahoo-adjusted levels turned back into traded prices.

A level ("schloss bei 252 Dollar") or a move in money ("fallen $1.92") was written with the prices
of its day. Yahoo's adjusted series scale every earlier price down by each later dividend, so
traded(d) = adjusted(d) / prod{f_e : d < e <= T}, f_e = 1 - D_e / C(e - 1) (prices/actions.py).
The factor of a dividend after the claim's window needs the close before its ex-date, so the
series is read up to its last session T before it is rebuilt. Splits before the publication are
kept (a 2021 price quoted in 2024 is in post-split dollars); later splits are undone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from impact.errors import ImpactError
from impact.prices import PriceSeries
from impact.prices.actions import bundled_actions, to_traded

__all__ = ["QuotedPrices", "quoted_prices"]

_REBUILT = " (as quoted then: Yahoo's prices with later splits and dividends undone)"
_ADJUSTED = " (prices are Yahoo-adjusted: levels sit below traded prices before later dividends)"
OHLC = ("Open", "High", "Low", "Close")


@dataclass(frozen=True, slots=True)
class QuotedPrices:
    """The series with its prices as quoted on their day, and the note the verdict carries."""

    series: PriceSeries
    note: str
    rebuilt: bool


def quoted_prices(
    series: PriceSeries, published: dt.date | None, book: object | None = None
) -> QuotedPrices:
    """The series' prices as traded each day (module docstring); unchanged, said so, where the
    corporate actions are not known. ``book``: a PriceBook that reads the rest of the series."""
    if series.basis not in {"adjusted", "traded"} or series.prices.empty:
        return QuotedPrices(series, "", False)
    prices = _through_end(series, book)
    rebuilt = to_traded(prices, series.ticker, series.basis, as_of=series.adjusted_to)
    if not rebuilt.reconstructed:
        note = _ADJUSTED if series.basis == "adjusted" else ""
        return QuotedPrices(series, note, False)
    values = rebuilt.values.loc[series.prices.index]
    if published is not None:
        values = _keep_splits_before(values, series.ticker, pd.Timestamp(published))
    return QuotedPrices(replace(series, prices=values), _REBUILT, True)


def _through_end(series: PriceSeries, book: object | None) -> pd.DataFrame:
    """The window's prices followed by the closes up to the source's last session, which the
    dividend factors after the window need."""
    end = series.adjusted_to
    if book is None or end is None or end <= series.last:
        return series.prices
    try:
        later = book.load(series.ticker, series.last.date(), end.date())  # type: ignore[attr-defined]
    except ImpactError:
        return series.prices
    rest = later.prices.loc[later.prices.index > series.last]
    if rest.empty:
        return series.prices
    return pd.concat([series.prices, rest[[c for c in series.prices.columns if c in rest]]])


def _keep_splits_before(prices: pd.DataFrame, ticker: str, published: pd.Timestamp) -> pd.DataFrame:
    """Prices of days before publication divided by the splits between the day and publication."""
    factor = pd.Series(1.0, index=prices.index)
    for split in bundled_actions().of(ticker, "split"):
        if split.date <= published:
            factor[prices.index < split.date] /= split.value
    out = prices.copy()
    columns = [c for c in OHLC if c in out]
    out[columns] = out[columns].mul(factor, axis=0)
    return out
