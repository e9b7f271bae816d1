"""Price sources and the one resolution chain: user data dir -> cache -> fixtures -> yfinance."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import pandas as pd

from impact import calendars
from impact.config import Settings
from impact.errors import (
    DataUnavailable,
    ImpactError,
    InputError,
    NotASessionError,
    PriceDataError,
)
from impact.prices.cache import CacheEntry, PriceCache, merge_ranges, missing_ranges
from impact.prices.model import PriceSeries, read_price_csv, validate_ticker
from impact.prices.validate import calendar_gaps, validate_series
from impact.prices.yahoo import YahooSource
from impact.registry import listing_for_ticker

__all__ = [
    "CsvSource",
    "PriceSource",
    "cache_fetcher",
    "load_prices",
    "resolve_dates",
    "sessions_between",
]

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
        series = PriceSeries(ticker, mic, currency, basis, self.name, str(path), prices)  # type: ignore[arg-type]
        return validate_series(series)


FIRST_YEAR, LAST_YEAR = 1900, 2100  # as impact.claims.dates: no prices outside


def _day(value: object, name: str) -> pd.Timestamp | None:
    """One --start/--end value as a session date; None when not given."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        raise NotASessionError(f"{name} '' is empty (expected YYYY-MM-DD)")
    try:
        ts = pd.Timestamp(value)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError):
        raise NotASessionError(f"{name} {value!r} is not a date (expected YYYY-MM-DD)") from None
    if ts is pd.NaT:
        raise NotASessionError(f"{name} {value!r} is not a date (expected YYYY-MM-DD)")
    if not FIRST_YEAR <= ts.year <= LAST_YEAR:
        raise NotASessionError(f"{name} {value!s}: the year is outside {FIRST_YEAR}..{LAST_YEAR}")
    return ts.normalize()


def resolve_dates(start: object, end: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Parse a user's --start/--end (ISO dates in 1900..2100); end defaults to today, start to a
    year before."""
    hi = _day(end, "end") or pd.Timestamp.today().normalize()
    lo = _day(start, "start") or hi - pd.Timedelta(days=365)
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
    problems: list[str] = field(default_factory=list)  # corrupt cache files, said once each

    @property
    def cache(self) -> PriceCache:
        return PriceCache(self.settings.cache_dir)

    def entry(self, ticker: str) -> CacheEntry | None:
        """The cached entry with its prices validated; a corrupt or invalid one is moved aside
        (``.corrupt``), said in ``problems``, and treated as absent."""
        cache = self.cache
        entry = cache.read(ticker, self.problems)
        if entry is None:
            return None
        try:
            validate_series(self._series(ticker, entry))
        except PriceDataError as exc:
            self.problems.append(cache.quarantine(ticker, str(exc)))
            return None
        return entry

    def _series(self, ticker: str, entry: CacheEntry) -> PriceSeries:
        mic, _ = _listing(ticker)
        origin = str(self.cache.path_for(ticker))
        return PriceSeries(
            ticker,
            mic,
            entry.currency,
            entry.basis,
            "cache",
            origin,
            entry.prices,  # type: ignore[arg-type]
        )

    def cache_series(self, ticker: str) -> PriceSeries | None:
        entry = self.entry(ticker)
        return None if entry is None else validate_series(self._series(ticker, entry))

    def cache_covers(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> bool:
        entry = self.entry(ticker)
        return entry is not None and not missing_ranges(entry.ranges, start, end)

    def fetch_into_cache(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> PriceSeries:
        """Fetch only the parts of [start, end] the cache lacks, merge, write once, atomically."""
        cache = self.cache
        entry = self.entry(ticker)
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
        if series is None:
            raise DataUnavailable(
                ticker, start, end, "; ".join(self.problems) or "cache unreadable"
            )
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
    part of the range is used when no later source holds all of it; its ``notes`` say so. Every
    series is validated (``impact.prices.validate``); the notes also say when the data dir lacked
    the range, when a cache file was corrupt (moved aside, said once), and which of the
    exchange's sessions have no row. ``read``: how a price CSV is read (default
    ``read_price_csv``; impact.batch passes a memo that reads each file once per process).
    """
    ticker = validate_ticker(ticker)
    lo, hi = resolve_dates(start, end)
    settings = settings or Settings.from_env()
    chain = _Chain(settings, yahoo or YahooSource(timeout=settings.network_timeout))
    search = _Search(lo, hi, chain)
    if settings.data_dir is not None:
        mine = CsvSource(settings.data_dir, read=read).load(ticker, lo, hi)
        if (found := search.consider(mine, "data dir")) is not None:
            return search.done(found)
        if mine is not None:
            search.said.append(
                f"{mine.origin} holds only {mine.first.date()}..{mine.last.date()}, not all of "
                f"{lo.date()}..{hi.date()}: prices from the next source"
            )
    if chain.cache_covers(ticker, lo, hi):
        cached = chain.cache_series(ticker)
        if cached is not None and not cached.between(lo, hi).prices.empty:
            return search.done(cached.between(lo, hi))
    fixtures = CsvSource(settings.fixtures_dir, name="fixture", read=read)
    if (found := search.consider(fixtures.load(ticker, lo, hi), "fixtures")) is not None:
        return search.done(found)
    if not settings.offline:
        try:
            return search.done(chain.fetch_into_cache(ticker, lo, hi).between(lo, hi))
        except DataUnavailable as exc:
            search.reasons.append(exc.reason)
    else:
        cached = chain.cache_series(ticker)
        window = cached.between(lo, hi) if cached is not None else None
        if window is not None and search.partial is None and not window.prices.empty:
            search.partial = window
        search.reasons.append("offline: yahoo not tried")
    return search.partial_or_raise(ticker)


@dataclass
class _Search:
    """The state of one walk down the chain: the range, the best partial series, why each
    source did not serve, and what the returned series' notes must say."""

    lo: pd.Timestamp
    hi: pd.Timestamp
    chain: _Chain
    partial: PriceSeries | None = None
    reasons: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # the data dir's gap

    def consider(self, series: PriceSeries | None, label: str) -> PriceSeries | None:
        """The series over the range when it covers it; else None, and the reason."""
        if series is None:
            self.reasons.append(f"not in {label}")
            return None
        window = series.between(self.lo, self.hi)
        if _covers(series, self.lo, self.hi) and not window.prices.empty:
            return window
        if self.partial is None and not window.prices.empty:
            self.partial = window
        self.reasons.append(f"{label} holds only {series.first.date()}..{series.last.date()}")
        return None

    def done(self, series: PriceSeries) -> PriceSeries:
        """The series with the notes of the walk: data dir, corrupt cache, calendar gaps."""
        gaps = calendar_gaps(series)
        notes = [*self.said, *self.chain.problems, *([gaps] if gaps else [])]
        return replace(series, notes=(*series.notes, *notes)) if notes else series

    def partial_or_raise(self, ticker: str) -> PriceSeries:
        """The partial series found, said so; else DataUnavailable with every reason."""
        self.reasons.extend(p for p in self.chain.problems if p not in self.reasons)
        if self.partial is None:
            raise DataUnavailable(ticker, self.lo, self.hi, "; ".join(self.reasons))
        partial = self.partial
        note = (
            f"only {partial.first.date()}..{partial.last.date()} available "
            f"({'; '.join(self.reasons)})"
        )
        self.chain.problems.clear()  # already in the note
        return self.done(replace(partial, notes=(*partial.notes, note)))


def sessions_between(
    ticker: str, start: object, end: object, settings: Settings
) -> tuple[PriceSeries, pd.Series]:
    """The sessions of [start, end] and the close-to-close return of each: loaded from a
    fortnight before ``start``, so the first session has its previous close. InputError when
    there is none."""
    lo, hi = resolve_dates(start, end)
    series = load_prices(validate_ticker(ticker), lo - pd.Timedelta(days=14), hi, settings)
    returns = series.returns()
    series = series.between(lo, hi)
    if series.prices.empty:
        raise InputError(f"no sessions for {ticker} between {lo.date()} and {hi.date()}")
    return series, returns


def cache_fetcher(settings: Settings) -> Callable[[str, pd.Timestamp, pd.Timestamp], PriceSeries]:
    """``fetch(ticker, start, end)``: Yahoo's prices for only the parts of [start, end] the cache
    lacks, merged into the cache (written once, atomically); the cached series. One fetcher
    serves a run: a corrupt cache file is said once."""
    return _Chain(settings, YahooSource(timeout=settings.network_timeout)).fetch_into_cache
