"""Yahoo Finance through yfinance (the only module that imports it): daily prices, and the lookup
of a company name the registry does not know (``yf.Search``).

Choice: ``auto_adjust=False``. ``Open/High/Low/Close`` are then the prices actually traded, which is
what news reports quote, and ``Adj Close`` (dividend- and split-adjusted) is kept beside them.
yfinance returns MultiIndex columns (field, ticker) and, for daily bars, an index at local midnight
that may be tz-aware; both are flattened here to exchange-local session dates.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import re
import socket
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from impact.errors import DataUnavailable, PriceDataError
from impact.listings import Listing
from impact.prices.model import PriceSeries
from impact.prices.validate import validate_frame, validate_series
from impact.registry import listing_for_ticker

__all__ = [
    "LookupResult",
    "YahooSource",
    "lookup_listing",
    "name_confidence",
    "normalize_yahoo_frame",
]

Download = Callable[..., Any]


YAHOO_HOST = "query2.finance.yahoo.com"


@lru_cache(maxsize=1)
def _network_problem() -> str | None:
    """Why Yahoo cannot be reached (DNS), checked once per process; None when it resolves."""
    try:
        socket.getaddrinfo(YAHOO_HOST, 443)
    except OSError as exc:
        return f"network unreachable ({YAHOO_HOST}: {exc.strerror or exc}); work offline or give a data folder"
    return None


class NetworkUnreachable(ConnectionError):
    """Yahoo's host does not resolve here: no network (the message says how to work offline)."""


@contextlib.contextmanager
def _quiet_yfinance() -> Iterator[None]:
    """yfinance's logging, warnings and prints silenced for one call, and put back after it."""
    log = logging.getLogger("yfinance")
    level = log.level
    log.setLevel(logging.CRITICAL)
    sink = io.StringIO()
    try:
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def _yf_download(*args: Any, **kwargs: Any) -> Any:
    problem = _network_problem()
    if problem:
        raise NetworkUnreachable(problem)
    import yfinance as yf  # imported lazily: it is slow to import and only needed online

    with _quiet_yfinance():
        return yf.download(*args, **kwargs)


def normalize_yahoo_frame(frame: pd.DataFrame, ticker: str, tz: str) -> pd.DataFrame:
    """yfinance's frame -> columns Open, High, Low, Close, Adj Close, Volume on session dates."""
    if isinstance(frame.columns, pd.MultiIndex):
        levels = [list(map(str, frame.columns.get_level_values(i))) for i in range(2)]
        ticker_level = 1 if ticker.upper() in {t.upper() for t in levels[1]} else 0
        frame = frame.droplevel(ticker_level, axis=1)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    index = pd.DatetimeIndex(frame.index)
    if index.tz is not None:
        index = index.tz_convert(tz).tz_localize(None)
    frame = frame.copy()
    frame.index = index.normalize().rename("Date")
    keep = [c for c in ("Open", "High", "Low", "Close", "Adj Close", "Volume") if c in frame]
    frame = frame[keep].astype(float)
    frame = frame.dropna(subset=["Close"])
    return frame[~frame.index.duplicated(keep="last")].sort_index()


PARTIAL_TOLERANCE = 3  # sessions a vendor may lack at either end (late listing, stale day)


def _missing_sessions(
    ticker: str, frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> str:
    """Why the frame does not cover the exchange's sessions in [start, end] (empty if it does).
    Sessions from today on are not expected (they may not have closed)."""
    from impact.calendars import sessions_in_range
    from impact.errors import ImpactError

    try:
        expected = sessions_in_range(listing_for_ticker(ticker).mic, start, end)
    except ImpactError:
        return ""
    expected = expected[expected < pd.Timestamp.today().normalize()]
    if len(expected) == 0:
        return ""
    lacking_start = int((expected < frame.index[0]).sum())
    lacking_end = int((expected > frame.index[-1]).sum())
    if lacking_start > PARTIAL_TOLERANCE or lacking_end > PARTIAL_TOLERANCE:
        return f"{lacking_start} sessions missing at the start, {lacking_end} at the end"
    return ""


class YahooSource:
    """Daily bars from Yahoo. ``download`` is the network boundary; tests pass their own."""

    name = "yahoo"

    def __init__(self, download: Download | None = None, timeout: float = 10.0) -> None:
        self._download = download or _yf_download
        self.timeout = timeout

    def load(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> PriceSeries:
        """The PriceSource interface: traded prices (``Adj Close`` beside them) as a series."""
        listing = listing_for_ticker(ticker)
        basis = "index" if ticker.startswith("^") else "traded"
        frame = self.fetch(ticker, start, end)
        return validate_series(
            PriceSeries(
                ticker,
                listing.mic,
                listing.currency,
                basis,
                "yahoo",  # type: ignore[arg-type]
                "yfinance download (auto_adjust=False)",
                frame,
            )
        )

    def fetch(self, ticker: str, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
        """Sessions start..end inclusive; any failure or an empty answer -> DataUnavailable."""
        tz = listing_for_ticker(ticker).tz or "UTC"
        try:
            raw = self._download(
                ticker,
                start=start.date().isoformat(),
                end=(end + pd.Timedelta(days=1)).date().isoformat(),  # yfinance's end is exclusive
                interval="1d",
                auto_adjust=False,
                actions=False,
                progress=False,
                threads=False,
                timeout=self.timeout,
                multi_level_index=True,
            )
        except Exception as exc:  # yfinance raises many types (HTTP, JSON, rate limits)
            text = str(exc).splitlines()[0] if str(exc) else ""
            if isinstance(exc, NetworkUnreachable):
                raise DataUnavailable(ticker, start, end, text) from None
            reason = f"yahoo failed: {type(exc).__name__}: {text}"
            raise DataUnavailable(ticker, start, end, reason.rstrip(": ")) from None
        if raw is None or not isinstance(raw, pd.DataFrame) or raw.empty:
            raise DataUnavailable(
                ticker,
                start,
                end,
                "yahoo returned no rows (unknown ticker, no sessions, or offline)",
            )
        try:
            frame = normalize_yahoo_frame(raw, ticker, tz)
        except (KeyError, ValueError, TypeError) as exc:
            raise DataUnavailable(
                ticker, start, end, f"yahoo frame not understood: {exc}"
            ) from None
        frame = frame.loc[start:end]
        if frame.empty:
            raise DataUnavailable(ticker, start, end, "yahoo returned no sessions in range")
        try:
            validate_frame(frame, "yahoo")
        except PriceDataError as exc:
            raise DataUnavailable(ticker, start, end, str(exc)) from None
        gap = _missing_sessions(ticker, frame, start, end)
        if gap:
            raise DataUnavailable(
                ticker,
                start,
                end,
                f"yahoo returned a partial range "
                f"({frame.index[0].date()}..{frame.index[-1].date()}; {gap})",
            )
        return frame


# ---- looking up a company name that the registry does not know --------------------------------

Search = Callable[[str], list[dict[str, Any]]]
MIN_CONFIDENCE = 0.6
LOOKUP_FOLDER = "lookups"


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What an online lookup of a company name gave: a listing marked ``origin="lookup"`` with its
    confidence, or none and why (one line)."""

    query: str
    listing: Listing | None
    name: str = ""
    source: Literal["yahoo", "cache", "offline", "failed"] = "yahoo"
    message: str = ""

    @property
    def found(self) -> bool:
        return self.listing is not None


def _yf_search(query: str, timeout: float = 10.0) -> list[dict[str, Any]]:
    problem = _network_problem()
    if problem:
        raise NetworkUnreachable(problem)
    import yfinance as yf  # lazily, as in _yf_download

    with _quiet_yfinance():
        found = yf.Search(query, max_results=8, news_count=0, lists_count=0, timeout=timeout)
    return list(found.quotes or [])


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split())


def name_confidence(query: str, quote: dict[str, Any]) -> float:
    """How well a quote's names fit the query: 1.0 when the query is the quote's name or a shorter
    form of it (legal suffix dropped), else the difflib ratio of the closest form (0..1)."""
    from difflib import SequenceMatcher

    from impact.names import derive_aliases

    names = [str(quote.get(k) or "") for k in ("longname", "shortname")]
    forms = {_normal(f) for n in names if n for f in (n, *derive_aliases(n))} - {""}
    q = _normal(query)
    if not forms or not q:
        return 0.0
    if q in forms:
        return 1.0
    return max(SequenceMatcher(None, q, f).ratio() for f in forms)


def _listing_from_quote(quote: dict[str, Any], confidence: float) -> Listing | None:
    from impact.errors import ImpactError
    from impact.listings import rule_listing

    if quote.get("quoteType") not in ("EQUITY", "ETF") or not quote.get("symbol"):
        return None
    try:
        base = rule_listing(str(quote["symbol"]))
    except ImpactError:
        return None  # an exchange whose suffix we have no calendar for
    return replace(
        base,
        exchange=str(quote.get("exchDisp") or base.exchange),
        origin="lookup",
        confidence=round(confidence, 2),
        default_reason="looked up online",
    )


def _cache_path(cache_dir: Path, query: str) -> Path:
    key = hashlib.sha256(_normal(query).encode()).hexdigest()[:20]
    return Path(cache_dir) / LOOKUP_FOLDER / f"{key}.json"


def _result(query: str, record: dict[str, Any], source: str) -> LookupResult:
    """A lookup result from a record {quote, confidence, message} (fresh or from the cache)."""
    quote = record.get("quote") or None
    listing = _listing_from_quote(quote, float(record.get("confidence", 0))) if quote else None
    name = str((quote or {}).get("longname") or (quote or {}).get("shortname") or "")
    return LookupResult(query, listing, name, source, str(record.get("message", "")))  # type: ignore[arg-type]


def _best_quote(query: str, quotes: list[dict[str, Any]]) -> dict[str, Any]:
    """The record of the best-fitting listed equity (ties: Yahoo's order), or of none."""
    scored = [
        (name_confidence(query, q), -i, q)
        for i, q in enumerate(quotes)
        if _listing_from_quote(q, 0)
    ]
    best = max(scored, key=lambda t: (t[0], t[1]), default=None)
    if best is None or best[0] < MIN_CONFIDENCE:
        message = (
            f"unknown company {query!r}: not in the registry, and no listed equity of that name "
            "on Yahoo"
        )
        return {"query": query, "quote": None, "confidence": 0.0, "message": message}
    return {"query": query, "quote": best[2], "confidence": best[0], "message": ""}


def lookup_listing(
    query: str,
    cache_dir: Path,
    offline: bool = False,
    search: Search | None = None,
) -> LookupResult:
    """Resolve a company name the registry does not know through Yahoo's search (``search`` is the
    network boundary; tests pass their own). The best equity quote whose name fits the query with
    confidence >= MIN_CONFIDENCE wins; the answer, found or not, is cached on disk (atomic write).
    Offline, nothing is looked up and the result says so in one line."""
    from impact.fileio import atomic_write_bytes

    path = _cache_path(cache_dir, query)
    if path.is_file():
        try:
            return _result(query, json.loads(path.read_text("utf-8")), "cache")
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # an unreadable cache file is as good as none
    if offline:
        message = f"unknown company {query!r}: not in the registry (offline: not looked up)"
        return LookupResult(query, None, source="offline", message=message)
    try:
        quotes = (search or _yf_search)(query)
    except Exception as exc:  # yfinance raises many types (HTTP, JSON, rate limits)
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        message = f"unknown company {query!r}: lookup failed ({text})"
        return LookupResult(query, None, source="failed", message=message)
    record = _best_quote(query, quotes)
    with contextlib.suppress(OSError):
        atomic_write_bytes(path, json.dumps(record, ensure_ascii=False, indent=1).encode())
    return _result(query, record, "yahoo")
