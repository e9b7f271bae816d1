"""Listing facts, in one place: the exchange a Yahoo ticker trades on, its currency, time zone,
exchange name and benchmark index.

Rules (the registry's own rows, ``data/listings.csv``, take precedence in :func:`impact.registry.listing_for_ticker`):

- a suffix names the exchange (``.HK`` -> XHKG, ``.DE`` -> XETR, ... as in :data:`SUFFIX_MIC`);
- no suffix and no caret (a US listing such as AAPL or the BABA ADR) -> XNYS, whose calendar
  exchange_calendars also uses for Nasdaq;
- an index (``^GSPC``, ``^HSI``, ...) -> the exchange whose calendar it follows (:data:`INDEX_MIC`);
- anything else (an unknown ``^`` index or suffix, ``EURUSD=X``) -> :class:`UnknownListingError`.

The MIC is the exchange_calendars code of the calendar the line trades on. Currency is the
exchange's currency, except London lines, which Yahoo quotes in pence (``GBp``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from impact.errors import InvalidTickerError, UnknownListingError

__all__ = [
    "EQUIVALENT_TICKERS",
    "INDEX_MIC",
    "MIC_BENCHMARK",
    "MIC_CURRENCY",
    "MIC_EXCHANGE",
    "MIC_TIMEZONE",
    "MINOR_UNITS",
    "SUFFIX_MIC",
    "TICKER_PREFIXES",
    "VENUE_CUES",
    "Entity",
    "Listing",
    "in_major_unit",
    "mic_for_ticker",
    "quote_currency",
    "rule_listing",
    "validate_ticker",
    "yahoo_ticker",
]

Role = Literal["primary", "secondary", "class", "index", "other"]
Origin = Literal["registry", "curated", "rule", "lookup"]

SUFFIX_MIC: dict[str, str] = {
    "HK": "XHKG",
    "DE": "XETR",
    "F": "XFRA",
    "L": "XLON",
    "PA": "XPAR",
    "AS": "XAMS",
    "BR": "XBRU",
    "MI": "XMIL",
    "MC": "XMAD",
    "HE": "XHEL",
    "ST": "XSTO",
    "SW": "XSWX",
    "T": "XTKS",
    "SS": "XSHG",
    "SZ": "XSHG",  # Shenzhen: exchange_calendars has no XSHE; it trades on Shanghai's sessions
    "TO": "XTSE",
    "KS": "XKRX",
}
INDEX_MIC: dict[str, str] = {
    "^HSI": "XHKG",
    "^HSCE": "XHKG",
    "^HSTECH": "XHKG",
    "^GSPC": "XNYS",
    "^SPX": "XNYS",
    "^IXIC": "XNYS",
    "^NDX": "XNYS",
    "^DJI": "XNYS",
    "^RUT": "XNYS",
    "^OEX": "XNYS",
    "^GDAXI": "XETR",
    "^MDAXI": "XETR",
    "^TECDAX": "XETR",
    "^STOXX50E": "XETR",
    "^FTSE": "XLON",
    "^N225": "XTKS",
    "^FCHI": "XPAR",
    "^SSMI": "XSWX",
    "^AEX": "XAMS",
    "^IBEX": "XMAD",
    "^SDAXI": "XETR",
    "^STOXX": "XETR",  # calculated from the European exchanges' sessions; Xetra's are the closest
    "^KS11": "XKRX",
    "^TOPX": "XTKS",
    "^SOX": "XNYS",
    "^VIX": "XNYS",
}
MIC_CURRENCY: dict[str, str] = {
    "XHKG": "HKD",
    "XNYS": "USD",
    "XETR": "EUR",
    "XFRA": "EUR",
    "XLON": "GBP",
    "XPAR": "EUR",
    "XAMS": "EUR",
    "XBRU": "EUR",
    "XMIL": "EUR",
    "XMAD": "EUR",
    "XHEL": "EUR",
    "XSTO": "SEK",
    "XSWX": "CHF",
    "XTKS": "JPY",
    "XSHG": "CNY",
    "XTSE": "CAD",
    "XKRX": "KRW",
}
MIC_TIMEZONE: dict[str, str] = {
    "XHKG": "Asia/Hong_Kong",
    "XNYS": "America/New_York",
    "XETR": "Europe/Berlin",
    "XFRA": "Europe/Berlin",
    "XLON": "Europe/London",
    "XPAR": "Europe/Paris",
    "XAMS": "Europe/Amsterdam",
    "XBRU": "Europe/Brussels",
    "XMIL": "Europe/Rome",
    "XMAD": "Europe/Madrid",
    "XHEL": "Europe/Helsinki",
    "XSTO": "Europe/Stockholm",
    "XSWX": "Europe/Zurich",
    "XTKS": "Asia/Tokyo",
    "XSHG": "Asia/Shanghai",
    "XTSE": "America/Toronto",
    "XKRX": "Asia/Seoul",
}
MIC_EXCHANGE: dict[str, str] = {
    "XHKG": "Hong Kong Stock Exchange",
    "XNYS": "NYSE or Nasdaq",
    "XETR": "Xetra",
    "XFRA": "Frankfurt Stock Exchange (floor)",
    "XLON": "London Stock Exchange",
    "XPAR": "Euronext Paris",
    "XAMS": "Euronext Amsterdam",
    "XBRU": "Euronext Brussels",
    "XMIL": "Borsa Italiana",
    "XMAD": "Bolsa de Madrid",
    "XHEL": "Nasdaq Helsinki",
    "XSTO": "Nasdaq Stockholm",
    "XSWX": "SIX Swiss Exchange",
    "XTKS": "Tokyo Stock Exchange",
    "XSHG": "Shanghai Stock Exchange",
    "XTSE": "Toronto Stock Exchange",
    "XKRX": "Korea Exchange",
}
# The main index of each exchange, for abnormal returns; only indices in data/listings.csv.
MIC_BENCHMARK: dict[str, str] = {
    "XHKG": "^HSI",
    "XNYS": "^GSPC",
    "XETR": "^GDAXI",
    "XFRA": "^GDAXI",
    "XLON": "^FTSE",
    "XPAR": "^FCHI",
    "XAMS": "^AEX",
    "XMAD": "^IBEX",
    "XSWX": "^SSMI",
    "XTKS": "^N225",
    "XSHG": "000001.SS",
}

# Words that say where a line trades, and the exchanges they select (first = preferred). German
# news says "im Frankfurter Handel" for Xetra as well as for the floor, so Frankfurt selects a
# Xetra line first. Index names are cues too, but only among a company's own lines.
VENUE_CUES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        [
            "in Hongkong",
            "in Hong Kong",
            "Hongkonger Börse",
            "Börse in Hongkong",
            "Hong Kong-listed",
            "Hong Kong listed",
            "Hong Kong shares",
            "HKEX",
            "HK$",
            "HKD",
            "Hongkong-Dollar",
            "Hong Kong dollars",
            "Hong Kong dollar",
            "Hongkonger",
            "Hong Kong-traded",
            "Hong Kong stock",
            "in Hongkong notierte",
            "in Hongkong notierten",
        ],
        ("XHKG",),
    ),
    **dict.fromkeys(
        [
            "an der Nyse",
            "an der NYSE",
            "NYSE",
            "Nyse",
            "New York Stock Exchange",
            "an der Nasdaq",
            "on the Nasdaq",
            "on Nasdaq",
            "on the NYSE",
            "Nasdaq-listed",
            "Wall Street",
            "an der Wall Street",
            "in New York",
            "New York-listed",
            "New Yorker Börse",
            "New Yorker",
            "im US-Handel",
            "US-Handel",
            "in den USA notierten",
            "in den USA notierte",
            "in den USA gehandelten",
            "U.S. listing",
            "U.S.-listed shares",
            "American depositary receipts",
            "American depositary shares (ADS)",
            "US-Börse",
            "US-Börsen",
            "US-listed",
            "U.S.-listed",
            "ADR",
            "ADRs",
            "ADS",
            "American depositary shares",
        ],
        ("XNYS",),
    ),
    **dict.fromkeys(
        [
            "Xetra",
            "Xetra-Handel",
            "im Xetra-Handel",
            "Frankfurter Börse",
            "an der Frankfurter Börse",
            "im Frankfurter Handel",
            "in Frankfurt",
            "Frankfurt-listed",
            # German trading of a foreign company's shares: a line the data has no file for
            "hierzulande",
            "hierzulande gehandelten",
            "Tradegate",
            "Lang & Schwarz",
        ],
        ("XETR", "XFRA"),
    ),
    **dict.fromkeys(
        [
            "in London",
            "London-listed",
            "London Stock Exchange",
            "Londoner Börse",
            "an der Londoner Börse",
            "pence",
            "Pence",
        ],
        ("XLON",),
    ),
    **dict.fromkeys(["in Paris", "Euronext Paris", "Pariser Börse"], ("XPAR",)),
    **dict.fromkeys(["in Amsterdam", "Euronext Amsterdam", "Amsterdamer Börse"], ("XAMS",)),
    **dict.fromkeys(["in Brüssel", "in Brussels", "Euronext Brussels"], ("XBRU",)),
    **dict.fromkeys(["in Mailand", "in Milan", "Mailänder Börse"], ("XMIL",)),
    **dict.fromkeys(["in Madrid", "Madrider Börse"], ("XMAD",)),
    **dict.fromkeys(["in Helsinki"], ("XHEL",)),
    **dict.fromkeys(["in Stockholm"], ("XSTO",)),
    **dict.fromkeys(
        ["in Zürich", "in Zurich", "Zürcher Börse", "SIX Swiss Exchange", "an der SIX"], ("XSWX",)
    ),
    **dict.fromkeys(
        ["in Tokio", "in Tokyo", "Tokioter Börse", "Tokyo Stock Exchange", "Börse in Tokio"],
        ("XTKS",),
    ),
    **dict.fromkeys(["in Shanghai", "Shanghaier Börse"], ("XSHG",)),
    **dict.fromkeys(["in Seoul"], ("XKRX",)),
    **dict.fromkeys(["in Toronto"], ("XTSE",)),
}
# "(NYSE: BABA)", "(HKEX: 9988)": the exchange prefixes news writes, their MIC and Yahoo suffix.
TICKER_PREFIXES: dict[str, tuple[str, str]] = {
    "NYSE": ("XNYS", ""),
    "NASDAQ": ("XNYS", ""),
    "Nasdaq": ("XNYS", ""),
    "HKEX": ("XHKG", ".HK"),
    "HKG": ("XHKG", ".HK"),
    "SEHK": ("XHKG", ".HK"),
    "LSE": ("XLON", ".L"),
    "LON": ("XLON", ".L"),
    "ETR": ("XETR", ".DE"),
    "XETRA": ("XETR", ".DE"),
    "Xetra": ("XETR", ".DE"),
    "FRA": ("XFRA", ".F"),
    "FWB": ("XFRA", ".F"),
    "TYO": ("XTKS", ".T"),
    "TSE": ("XTKS", ".T"),
    "EPA": ("XPAR", ".PA"),
    "AMS": ("XAMS", ".AS"),
    "EBR": ("XBRU", ".BR"),
    "BIT": ("XMIL", ".MI"),
    "BME": ("XMAD", ".MC"),
    "HEL": ("XHEL", ".HE"),
    "STO": ("XSTO", ".ST"),
    "SIX": ("XSWX", ".SW"),
    "SWX": ("XSWX", ".SW"),
}


def yahoo_ticker(prefix: str, code: str) -> str | None:
    """The Yahoo symbol an exchange-prefixed code names: ("HKEX", "9988") -> "9988.HK"."""
    if prefix not in TICKER_PREFIXES:
        return None
    _, suffix = TICKER_PREFIXES[prefix]
    if suffix == ".HK" and code.isdigit():
        code = code.zfill(4)
    if suffix == "" and "." in code:
        code = code.replace(".", "-")  # BRK.B -> BRK-B
    return code.upper() + suffix


@dataclass(frozen=True, slots=True)
class Listing:
    """One tradeable line: Yahoo ticker, exchange (MIC), currency, and what selects it in a text.

    ``ratio``: home-line shares per unit of this line (1 BABA ADS = 8 shares of 9988.HK), known
    only where ``ratio_known``. ``role``: ``primary`` (the home line), ``secondary`` (the same
    shares on another exchange, an ADR), ``class`` (another share class on the same exchange),
    ``index``. ``origin``: registry row, curated override, suffix rule, or online lookup.
    """

    ticker: str
    mic: str
    currency: str
    cues: tuple[str, ...] = ()
    ratio: float = 1.0
    default: bool = False
    default_reason: str = ""
    tz: str = ""
    exchange: str = ""
    country: str = ""
    isin: str = ""
    indices: tuple[str, ...] = ()
    role: Role = "primary"
    ratio_known: bool = True
    origin: Origin = "registry"
    confidence: float | None = None

    @property
    def benchmark(self) -> str | None:
        """The exchange's main index (None for an index or an exchange without one here)."""
        if self.ticker.startswith("^") or self.role == "index":
            return None
        return MIC_BENCHMARK.get(self.mic)


_TICKER = re.compile(r"[A-Za-z0-9^=][A-Za-z0-9.^=\-]{0,19}")


def validate_ticker(ticker: str) -> str:
    """Return the ticker upper-cased if it is a Yahoo symbol (letters, digits, ``.^=-``).

    It may not start with a dot or contain ``..``, so no ticker can name a path outside the cache.
    """
    if not isinstance(ticker, str) or not _TICKER.fullmatch(ticker) or ".." in ticker:
        raise InvalidTickerError(
            f"ticker {ticker!r} is not a Yahoo symbol (expected 1-20 of letters, digits and "
            "'.^=-', not starting with '.', e.g. 9988.HK, BABA, ^HSI)"
        )
    return ticker.upper()


def mic_for_ticker(ticker: str) -> str:
    """The exchange (MIC) whose calendar a Yahoo ticker trades on (rules in the module docstring)."""
    symbol = ticker.upper()
    if symbol in INDEX_MIC:
        return INDEX_MIC[symbol]
    if symbol.startswith("^") or "=" in symbol:
        raise UnknownListingError(
            f"ticker {ticker!r}: no exchange calendar known for this index or instrument; "
            f"known indices: {', '.join(sorted(INDEX_MIC))}"
        )
    if "." in symbol:
        suffix = symbol.rsplit(".", 1)[1]
        if suffix in SUFFIX_MIC:
            return SUFFIX_MIC[suffix]
        raise UnknownListingError(
            f"ticker {ticker!r}: exchange suffix '.{suffix}' is not known; "
            f"known suffixes: {', '.join('.' + s for s in sorted(SUFFIX_MIC))}"
        )
    return "XNYS"


def rule_listing(ticker: str) -> Listing:
    """The listing a ticker implies by its suffix alone (no registry row)."""
    symbol = validate_ticker(ticker)
    mic = mic_for_ticker(symbol)
    index = symbol.startswith("^")
    currency = "GBp" if symbol.endswith(".L") else MIC_CURRENCY.get(mic, "unknown")
    return Listing(
        ticker=symbol,
        mic=mic,
        currency=currency,
        tz=MIC_TIMEZONE.get(mic, "UTC"),
        exchange=MIC_EXCHANGE.get(mic, mic),
        role="index" if index else "primary",
        origin="rule",
        default=True,
        default_reason="the ticker's exchange by its suffix",
    )


# Minor unit -> (major currency, value of one minor unit in the major currency).
MINOR_UNITS: dict[str, tuple[str, float]] = {"GBp": ("GBP", 0.01)}


def quote_currency(ticker: str) -> str:
    """The currency (or minor unit, e.g. ``GBp``) in which Yahoo quotes the ticker's prices."""
    return rule_listing(ticker).currency


def in_major_unit(value: float, currency: str) -> tuple[float, str]:
    """A price in a minor unit restated in the major currency: (2817.5, "GBp") -> (28.175, "GBP")."""
    if currency in MINOR_UNITS:
        major, size = MINOR_UNITS[currency]
        return value * size, major
    return value, currency


# Yahoo symbols of the same instrument: the other is used when one does not cover a date range
EQUIVALENT_TICKERS: dict[str, tuple[str, ...]] = {"^GSPC": ("^SPX",), "^SPX": ("^GSPC",)}


@dataclass(frozen=True, slots=True)
class Entity:
    """A company or an index: its name, the names news uses for it, and its listings."""

    name: str
    kind: Literal["company", "index"]
    aliases: tuple[str, ...]
    listings: tuple[Listing, ...] = ()
    derived_aliases: tuple[str, ...] = ()

    @property
    def listed(self) -> bool:
        return bool(self.listings)

    @property
    def default_listing(self) -> Listing | None:
        return next(
            (x for x in self.listings if x.default), self.listings[0] if self.listings else None
        )
