"""Price sources and the one resolution chain: user data dir -> cache -> fixtures -> yfinance."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import pandas as pd

from impact import calendars
from impact.config import Settings
from impact.errors import DataUnavailable, ImpactError, NotASessionError, PriceDataError
from impact.listings import listing_for_ticker
from impact.prices.cache import CacheEntry, PriceCache, merge_ranges, missing_ranges
from impact.prices.model import PriceSeries, read_price_csv, validate_ticker
from impact.prices.yahoo import YahooSource

__all__ = ["CsvSource", "PriceSource", "load_prices", "resolve_dates"]

MANIFEST = "manifest.json"


class PriceSource(Protocol):
    """Anything that can load one ticker's daily prices for a date range."""

    name: str

    def load(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> PriceSeries | None:
        """The series (possibly covering only part of the range), or None if it has no such ticker."""


def _listing(ticker: str) -> tuple[str, str]:
    """(MIC, currency) of a ticker from the one home of listing facts; unknown ones say so."""
    try:
        listing = listing_for_ticker(ticker)
    except ImpactError:
        return "unknown", "unknown"
    return listing.mic, listing.currency


def _basis_from_columns(prices: pd.DataFrame, ticker: str) -> str:
    if ticker.startswith("^"):
        return "index"
    return "traded" if "Adj Close" in prices else "unknown"


class CsvSource:
    """A folder of ``<TICKER>.csv`` files; an optional ``manifest.json`` states each file's basis."""

    def __init__(
        self, root: Path, name: str = "csv", read: Callable[[Path], pd.DataFrame] | None = None
    ) -> None:
        self.root = Path(root)
        self.name = name
        self.read = read or read_price_csv  # how a file is read (a memo, for runs of many)
        self._manifest: dict[str, dict[str, str]] | None = None

    def manifest(self) -> dict[str, dict[str, str]]:
        if self._manifest is None:
            path = self.root / MANIFEST
            try:
                self._manifest = json.loads(path.read_text("utf-8")) if path.exists() else {}
            except (OSError, ValueError) as exc:
                raise PriceDataError(f"{path}: not a valid manifest: {exc}") from None
        return self._manifest

    def path_for(self, ticker: str) -> Path:
        return self.root / f"{validate_ticker(ticker)}.csv"

    def load(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> PriceSeries | None:
        path = self.path_for(ticker)
        if not path.is_file():
            return None
        manifest = self.manifest()
        entry = manifest.get(path.name) or next(  # case-insensitive file systems: ACTIONS.csv
            (v for k, v in manifest.items() if k.lower() == path.name.lower()), {}
        )
        if entry.get("kind", "prices") != "prices":  # e.g. actions.csv: not a price file
            return None
        prices = self.read(path)
        basis = entry.get("basis") or _basis_from_columns(prices, ticker)
        mic, currency = _listing(ticker)
        currency = entry.get("currency") or currency
        return PriceSeries(ticker, mic, currency, basis, self.name, str(path), prices)  # type: ignore[arg-type]


def resolve_dates(start: object, end: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Parse a user's --start/--end (ISO dates); end defaults to today, start to a year before."""
    try:
        hi = pd.Timestamp(end).normalize() if end else pd.Timestamp.today().normalize()
        lo = pd.Timestamp(start).normalize() if start else hi - pd.Timedelta(days=365)
    except (ValueError, TypeError):
        raise NotASessionError(f"dates {start!r}..{end!r} are not YYYY-MM-DD") from None
    if lo > hi:
        raise NotASessionError(f"start {lo.date()} is after end {hi.date()}")
    return lo, hi


def _covers(series: PriceSeries, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """Whether the series spans every session the exchange had in [start, end]."""
    if series.prices.empty:
        return False
    try:
        sessions = calendars.sessions_in_range(series.mic, start, end)
    except ImpactError:
        sessions = pd.DatetimeIndex([start, end])
    if len(sessions) == 0:
        return True
    return bool(series.first <= sessions[0] and series.last >= sessions[-1])


@dataclass
class _Chain:
    settings: Settings
    yahoo: YahooSource

    def cache_series(self, ticker: str) -> PriceSeries | None:
        entry = PriceCache(self.settings.cache_dir).read(ticker)
        if entry is None:
            return None
        mic, _ = _listing(ticker)
        origin = str(PriceCache(self.settings.cache_dir).path_for(ticker))
        return PriceSeries(
            ticker,
            mic,
            entry.currency,
            entry.basis,
            "cache",
            origin,
            entry.prices,  # type: ignore[arg-type]
        )

    def cache_covers(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> bool:
        entry = PriceCache(self.settings.cache_dir).read(ticker)
        return entry is not None and not missing_ranges(entry.ranges, start, end)

    def fetch_into_cache(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> PriceSeries:
        """Fetch only the parts of [start, end] the cache lacks, merge, write once, atomically."""
        cache = PriceCache(self.settings.cache_dir)
        entry = cache.read(ticker)
        held = entry.ranges if entry else []
        today = pd.Timestamp.today().normalize()
        frames = [entry.prices] if entry is not None else []
        fetched: list[tuple[pd.Timestamp, pd.Timestamp]] = []
        for lo, hi in missing_ranges(held, start, end):
            frames.append(
                self.yahoo.fetch(ticker, lo, hi)
            )  # raises DataUnavailable: nothing written
            fetched.append((lo, min(hi, today - pd.Timedelta(days=1))))
        _, currency = _listing(ticker)
        if fetched:
            prices = pd.concat(frames).sort_index()
            prices = prices[~prices.index.duplicated(keep="last")]
            ranges = merge_ranges(held + [r for r in fetched if r[0] <= r[1]])
            basis = "index" if ticker.startswith("^") else "traded"
            cache.write(CacheEntry(ticker, basis, currency, ranges, prices))
        series = self.cache_series(ticker)
        assert series is not None
        return series


def load_prices(
    ticker: str,
    start: object = None,
    end: object = None,
    settings: Settings | None = None,
    yahoo: YahooSource | None = None,
    read: Callable[[Path], pd.DataFrame] | None = None,
) -> PriceSeries:
    """Daily prices for ``ticker`` over [start, end], from the first source in the chain that has them.

    Chain: the user's data dir (``--data-dir``/``IMPACT_DATA_DIR``) -> the on-disk cache -> the bundled
    fixtures -> yfinance (skipped when offline; what it fetches is cached). A source that holds only
    part of the range is used when no later source holds all of it; its ``notes`` say so.
    ``read``: how a price CSV is read (default ``read_price_csv``; impact.batch passes a memo
    that reads each file once per process).
    """
    ticker = validate_ticker(ticker)
    lo, hi = resolve_dates(start, end)
    settings = settings or Settings.from_env()
    chain = _Chain(settings, yahoo or YahooSource(timeout=settings.network_timeout))
    partial: PriceSeries | None = None
    reasons: list[str] = []

    def consider(series: PriceSeries | None, label: str) -> PriceSeries | None:
        nonlocal partial
        if series is None:
            reasons.append(f"not in {label}")
            return None
        window = series.between(lo, hi)
        if _covers(series, lo, hi):
            return window
        if partial is None and not window.prices.empty:
            partial = window
        reasons.append(f"{label} holds only {series.first.date()}..{series.last.date()}")
        return None

    mine = (
        CsvSource(settings.data_dir, read=read).load(ticker, lo, hi) if settings.data_dir else None
    )
    if settings.data_dir is not None and (found := consider(mine, "data dir")) is not None:
        return found
    if chain.cache_covers(ticker, lo, hi):
        cached = chain.cache_series(ticker)
        if cached is not None:
            return cached.between(lo, hi)
    fixtures = CsvSource(settings.fixtures_dir, name="fixture", read=read)
    if (found := consider(fixtures.load(ticker, lo, hi), "fixtures")) is not None:
        return found
    if not settings.offline:
        try:
            return chain.fetch_into_cache(ticker, lo, hi).between(lo, hi)
        except DataUnavailable as exc:
            reasons.append(exc.reason)
    else:
        cached = chain.cache_series(ticker)
        if cached is not None and partial is None and not cached.between(lo, hi).prices.empty:
            partial = cached.between(lo, hi)
        reasons.append("offline: yahoo not tried")
    if partial is not None:
        note = (
            f"only {partial.first.date()}..{partial.last.date()} available ({'; '.join(reasons)})"
        )
        return replace(partial, notes=(*partial.notes, note))
    raise DataUnavailable(ticker, lo, hi, "; ".join(reasons))
