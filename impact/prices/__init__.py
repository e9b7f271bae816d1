"""Stage 2: market data. Real daily prices with their basis and source."""

from impact.prices.cache import PriceCache
from impact.prices.model import PriceSeries, read_price_csv, validate_ticker
from impact.prices.sources import (
    CsvSource,
    PriceSource,
    cache_fetcher,
    load_prices,
    resolve_dates,
    sessions_between,
)
from impact.prices.yahoo import YahooSource

__all__ = [
    "CsvSource",
    "PriceCache",
    "PriceSeries",
    "PriceSource",
    "YahooSource",
    "cache_fetcher",
    "load_prices",
    "read_price_csv",
    "resolve_dates",
    "sessions_between",
    "validate_ticker",
]
