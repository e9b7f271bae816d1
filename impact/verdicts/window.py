"""Market data for a claim, loaded once and handed to the judges as one value.

A claim needs its listing's prices from about 400 days before its earliest date (the event
study's 250-session estimation window) to a week after its latest; with no date at all,
2022-01-01 to today. Moves and levels also get the benchmark (the exchange's index) and the
company's other listing over the same dates. Series come from a :class:`PriceBook`, which loads
each (ticker, date range) once per run; a series that cannot be had is kept as its error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from impact.claims.dates import FIRST_YEAR, LAST_YEAR
from impact.claims.model import Claim
from impact.config import Settings
from impact.errors import DataUnavailable, ImpactError, InsufficientDataError
from impact.listings import EQUIVALENT_TICKERS
from impact.prices import PriceSeries, load_prices
from impact.registry import Listing, Registry
from impact.verdicts.sessions import SessionChoice, choose_sessions

__all__ = ["MarketWindow", "PriceBook", "build_window", "needed_dates"]

_DEFAULT_START = dt.date(2022, 1, 1)


class PriceBook:
    """Price series loaded once per (ticker, first date, last date), failures included."""

    def __init__(self, settings: Settings, yahoo: object = None) -> None:
        self.settings = settings
        self.yahoo = yahoo  # a YahooSource (tests pass one with a fake download)
        self._loaded: dict[tuple[str, dt.date, dt.date], PriceSeries | DataUnavailable] = {}

    def load(self, ticker: str, lo: dt.date, hi: dt.date) -> PriceSeries:
        """The ticker's prices over [lo, hi]; when they stop short of ``hi``, an equivalent symbol
        of the same instrument that covers it (^GSPC and ^SPX), said so in the notes. Raises
        DataUnavailable (again) if no symbol has them."""
        try:
            found = self._load(ticker, lo, hi)
        except DataUnavailable:
            found = None
        if found is not None and found.prices.empty:
            found = None  # no rows in the range: try the same index under another symbol
        if found is not None and found.last >= pd.Timestamp(hi) - pd.Timedelta(days=10):
            return found
        for other in EQUIVALENT_TICKERS.get(ticker, ()):
            try:
                alt = self._load(other, lo, hi)
            except DataUnavailable:
                continue
            if alt.prices.empty:
                continue
            if found is None or alt.last > found.last:
                note = f"{other} used for {ticker}: the same index, with data to {alt.last.date()}"
                return replace(alt, notes=(*alt.notes, note))
        if found is None:
            return self._load(ticker, lo, hi)
        return found

    def _load(self, ticker: str, lo: dt.date, hi: dt.date) -> PriceSeries:
        key = (ticker, lo, hi)
        found = self._loaded.get(key)
        if found is None:
            try:
                found = load_prices(
                    ticker, lo.isoformat(), hi.isoformat(), self.settings, self.yahoo
                )
            except DataUnavailable as exc:
                found = exc.with_traceback(None)
            self._loaded[key] = found
        if isinstance(found, DataUnavailable):
            # a new exception each time: one raised again would keep every traceback (and the
            # frames, claims and series in them) it was raised through
            raise DataUnavailable(found.ticker, found.start, found.end, found.reason)
        return found


@dataclass(frozen=True)
class MarketWindow:
    """Everything a judge needs about the market for one claim."""

    lo: dt.date
    hi: dt.date
    series: PriceSeries
    sessions: SessionChoice | None = None
    benchmark_ticker: str | None = None
    benchmark: PriceSeries | ImpactError | None = None
    twin_listing: Listing | None = None
    twin: PriceSeries | ImpactError | None = None


def needed_dates(claim: Claim) -> tuple[dt.date, dt.date]:
    """The date range a claim's check needs (module docstring); InsufficientDataError for a
    date outside FIRST_YEAR..LAST_YEAR (no prices there)."""
    dates = [d for d in (claim.start, claim.end_earliest, claim.end, claim.record_since) if d]
    if not dates:
        return _DEFAULT_START, dt.date.today()
    for day in dates:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise InsufficientDataError(f"{day}: no prices outside {FIRST_YEAR}..{LAST_YEAR}")
    return min(dates) - dt.timedelta(days=400), max(dates) + dt.timedelta(days=7)


def _try_load(book: PriceBook, ticker: str, lo: dt.date, hi: dt.date) -> PriceSeries | ImpactError:
    try:
        return book.load(ticker, lo, hi)
    except ImpactError as exc:
        return exc


def build_window(
    claim: Claim,
    book: PriceBook,
    registry: Registry,
    *,
    sessions: bool = True,
    context: bool = True,
) -> MarketWindow:
    """The claim's market window: its series, and (``sessions``) its candidate sessions, and
    (``context``) the benchmark and the other listing. Raises DataUnavailable for the claim's
    own series and InsufficientDataError when its sessions cannot be found."""
    assert claim.ticker is not None
    lo, hi = needed_dates(claim)
    series = book.load(claim.ticker, lo, hi)
    choice = choose_sessions(claim, series) if sessions else None
    if not context:
        return MarketWindow(lo, hi, series, choice)
    bench_ticker = registry.benchmark_for(series.ticker, series.mic)
    bench = _try_load(book, bench_ticker, lo, hi) if bench_ticker else None
    twin_listing = registry.twin_of(claim.ticker)
    twin = _try_load(book, twin_listing.ticker, lo, hi) if twin_listing else None
    return MarketWindow(lo, hi, series, choice, bench_ticker, bench, twin_listing, twin)
