"""Corporate actions (splits, cash dividends) and traded prices rebuilt from Yahoo's adjusted ones.

Data: a CSV ``ticker,date,action,value,source`` (bundled: ``fixtures/actions.csv``, provenance in
``ACTIONS.md`` beside it). ``split``: value = new shares per old share, date = ex-date. ``dividend``:
value = cash per share in the listing's currency, already scaled for later splits as Yahoo shows
it, date = ex-date. Coverage per ticker and kind (the span over which a source would have shown
such an action) is read from the ``Per ticker`` table of ``ACTIONS.md``. Outside coverage the
answer is *unknown*, never "no action": :func:`split_factor` raises :class:`ActionsUnknownError`.

Yahoo's adjustment as of a date T (default: the series' last session), for a session d:

    S(d)   = traded(d) / prod{ k   : d < split date   <= T }        Yahoo ``Close`` (basis traded)
    A(d)   = S(d)      * prod{ f_e : d < ex-date e    <= T }        Yahoo adjusted (basis adjusted)
    f_e    = 1 - D_e / S(p_e),   p_e = the last session before e

so ``traded(d) = A(d) * prod{k} / prod{f_e}``. Each f_e is recovered from the adjusted series,
newest first: with A* = A(p_e) / prod{f_e' : e < e' <= T}, f_e = A* / (A* + D_e).

:func:`to_traded` undoes the splits (basis ``traded``) or the splits and dividends (``adjusted``);
index levels are returned unchanged. Prices that stop before a dividend of (first session, T]
come back unchanged with status ``unknown`` (f_e needs the close before e). Where the ticker has
no coverage, or for ``adjusted`` Hong
Kong series (Yahoo's HK dividend steps do not follow the listed amounts, see ``ACTIONS.md``), the
values come back unchanged with status ``unknown``. Where coverage has gaps inside (first session,
T], no action is assumed there; the status is ``partial`` and ``gaps`` lists the spans.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import numpy as np
import pandas as pd

from impact.config import bundled_fixtures_dir
from impact.errors import ActionsUnknownError, ImpactError, InputError, PriceDataError
from impact.prices.model import OHLC, validate_ticker

__all__ = [
    "ACTIONS_HEADER",
    "Action",
    "CorporateActions",
    "Coverage",
    "TradedPrices",
    "bundled_actions",
    "load_actions",
    "split_factor",
    "to_traded",
]

ACTIONS_HEADER = ("ticker", "date", "action", "value", "source")
ACTIONS_PROVENANCE = "ACTIONS.md"

Kind = Literal["split", "dividend"]
Span = tuple[pd.Timestamp, pd.Timestamp]
Status = Literal["exact", "partial", "unknown", "index"]
NEEDED: dict[str, tuple[Kind, ...]] = {"traded": ("split",), "adjusted": ("split", "dividend")}


@dataclass(frozen=True)
class Action:
    """One split or cash dividend of a ticker on its ex-date."""

    ticker: str
    date: pd.Timestamp
    kind: Kind
    value: float
    source: str


@dataclass(frozen=True)
class Coverage:
    """The spans (inclusive) over which a source would have shown a split or a dividend."""

    splits: Span | None = None
    dividends: Span | None = None


@dataclass(frozen=True)
class CorporateActions:
    """Splits and dividends per ticker with their coverage; ``origin`` names the files read."""

    actions: tuple[Action, ...]
    coverage: MappingProxyType[str, Coverage]
    origin: str

    def of(self, ticker: str, kind: Kind) -> tuple[Action, ...]:
        """The ticker's actions of one kind, by date."""
        return tuple(a for a in self.actions if a.ticker == ticker.upper() and a.kind == kind)

    def span(self, ticker: str, kind: Kind) -> Span | None:
        """The covered span of this ticker and kind; None: no source (unknown, not "none")."""
        return getattr(self.coverage.get(ticker.upper(), Coverage()), kind + "s")

    def gaps(self, ticker: str, kind: Kind, after: object, upto: object) -> list[Span]:
        """The parts of (after, upto] outside the coverage of this ticker and kind."""
        day = pd.Timedelta(days=1)
        lo, hi, span = pd.Timestamp(after) + day, pd.Timestamp(upto), self.span(ticker, kind)
        if span is None or span[1] < lo or span[0] > hi:
            return [(lo, hi)] if lo <= hi else []
        before = [(lo, span[0] - day)] if span[0] > lo else []
        return before + ([(span[1] + day, hi)] if span[1] < hi else [])


_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s*\([^)]*\))?\.\.(\d{4}-\d{2}-\d{2})")


def _cell_span(cell: str, period: Span, same: Span | None) -> Span | None:
    """A coverage cell of ACTIONS.md -> span: none, whole period, same as dividends, or a range."""
    text, match = cell.strip().lower(), _SPAN.search(cell)
    if text.startswith("same"):
        return same
    if text.startswith("whole period") or "all of" in text:  # PDD: "all of PDD's history"
        return period
    if text.startswith("none") or match is None:
        return None
    return max(pd.Timestamp(match[1]), period[0]), min(pd.Timestamp(match[2]), period[1])


def parse_coverage(text: str) -> dict[str, Coverage]:
    """Ticker -> Coverage from the ``Per ticker`` table of an ACTIONS.md (period: 'for A to B')."""
    if (bounds := re.search(r"for (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})", text)) is None:
        return {}
    period = (pd.Timestamp(bounds[1]), pd.Timestamp(bounds[2]))
    found: dict[str, Coverage] = {}
    columns: list[str] | None = None
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.strip().startswith("|"):
            columns = None
        elif "dividends covered" in cells and "splits covered" in cells:
            columns = cells
        elif columns is not None and len(cells) == len(columns) and not cells[0].startswith("-"):
            row = dict(zip(columns, cells, strict=True))
            dividends = _cell_span(row["dividends covered"], period, None)
            splits = _cell_span(row["splits covered"], period, dividends)
            found[row["ticker"].upper()] = Coverage(splits=splits, dividends=dividends)
    return found


def _read_rows(path: Path) -> list[Action]:
    """Validated rows: a known ticker, an ISO date, split|dividend, a value > 0; no repeats."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header, *rows = list(csv.reader(handle)) or [[]]
    if tuple(h.strip().lower() for h in header) != ACTIONS_HEADER:
        raise PriceDataError(f"{path}: header {header} is not {','.join(ACTIONS_HEADER)}")
    actions: list[Action] = []
    for number, row in ((n, r) for n, r in enumerate(rows, start=2) if r):
        try:
            ticker, date, kind, value, source = (c.strip() for c in row)
            day, amount = pd.Timestamp(dt.date.fromisoformat(date)), float(value)
            action = Action(validate_ticker(ticker), day, kind, amount, source)  # type: ignore[arg-type]
        except (ValueError, ImpactError) as exc:
            raise PriceDataError(f"{path}: row {number}: {exc}") from None
        if kind not in ("split", "dividend") or not np.isfinite(action.value) or action.value <= 0:
            raise PriceDataError(f"{path}: row {number}: expected split|dividend and a value > 0")
        actions.append(action)
    if len({(a.ticker, a.date, a.kind) for a in actions}) != len(actions):
        raise PriceDataError(f"{path}: the same ticker, date and action appear twice")
    return actions


def load_actions(path: Path, provenance: Path | None = None) -> CorporateActions:
    """Actions from a CSV in the actions.csv layout; coverage from ``ACTIONS.md`` beside it.

    Without a provenance file no ticker is covered, so every answer is unknown.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"corporate actions file {path} does not exist")
    actions = _read_rows(path)
    provenance = provenance or path.with_name(ACTIONS_PROVENANCE)
    coverage = parse_coverage(provenance.read_text("utf-8")) if provenance.is_file() else {}
    origin = f"{path.name} ({provenance.name if provenance.is_file() else 'no coverage file'})"
    actions.sort(key=lambda a: (a.ticker, a.date, a.kind))
    return CorporateActions(tuple(actions), MappingProxyType(coverage), origin)


@functools.cache
def bundled_actions() -> CorporateActions:
    """The bundled ``actions.csv`` (empty, so everything unknown, when the fixtures lack it)."""
    path = bundled_fixtures_dir() / "actions.csv"
    empty = CorporateActions((), MappingProxyType({}), "no actions.csv")
    return load_actions(path) if path.is_file() else empty


def split_factor(
    ticker: str, session_from: object, session_to: object, actions: CorporateActions | None = None
) -> float:
    """Product of split ratios with ex-date in (session_from, session_to].

    Raises :class:`ActionsUnknownError` if any part of that span has no split source.
    """
    actions = actions or bundled_actions()
    lo, hi = pd.Timestamp(session_from), pd.Timestamp(session_to)
    if lo > hi:
        raise InputError(f"split_factor: {lo.date()} is after {hi.date()}")
    if missing := actions.gaps(ticker, "split", lo, hi):
        spans = ", ".join(f"{a.date()}..{b.date()}" for a, b in missing)
        raise ActionsUnknownError(f"splits of {ticker} unknown for {spans} ({actions.origin})")
    return float(np.prod([a.value for a in actions.of(ticker, "split") if lo < a.date <= hi]))


@dataclass(frozen=True, eq=False)
class TradedPrices:
    """``values`` = input × ``factor`` (a frame: OHLC; Volume ÷ the split part; no Adj Close).

    ``status``: ``exact`` (every needed action covered), ``partial`` (none assumed in ``gaps``),
    ``unknown`` (input unchanged: traded prices could not be rebuilt), ``index`` (unchanged).
    """

    values: pd.Series | pd.DataFrame
    factor: pd.Series
    status: Status
    gaps: tuple[tuple[Kind, pd.Timestamp, pd.Timestamp], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def reconstructed(self) -> bool:
        return self.status in ("exact", "partial")


def _dividend_factors(close: pd.Series, dividends: tuple[Action, ...], as_of: pd.Timestamp):
    """prod{f_e : d < e <= T} per session, recovered newest first (module docstring)."""
    index, values, total, later = close.index, close.to_numpy(float), np.ones(len(close)), 1.0
    for action in sorted(dividends, key=lambda a: a.date, reverse=True):
        pos = int(index.searchsorted(action.date))  # first session on or after the ex-date
        if action.date > as_of or pos == 0:
            continue
        recovered = values[pos - 1] / later  # A* = S(p_e) - D_e
        f = recovered / (recovered + action.value)
        later *= f
        total[:pos] *= f
    return total


def _apply(prices, factor: np.ndarray, splits: np.ndarray):
    if isinstance(prices, pd.Series):
        return prices * factor
    out = prices.drop(columns=[c for c in ("Adj Close",) if c in prices])
    out[[c for c in OHLC if c in out]] *= factor[:, None]
    if "Volume" in out:
        out["Volume"] = out["Volume"] / splits
    return out


def to_traded(
    prices: pd.Series | pd.DataFrame,
    ticker: str,
    basis: str,
    as_of: object = None,
    actions: CorporateActions | None = None,
) -> TradedPrices:
    """Yahoo ``Close`` (basis ``traded``) or adjusted prices (``adjusted``) -> traded prices.

    traded(d) = input(d) × prod{split k : d < date <= T} / prod{f_e : d < e <= T} (the second
    product only for ``adjusted``); T = ``as_of`` or the last session. See the module docstring.
    """
    actions = actions or bundled_actions()
    ticker = validate_ticker(ticker)
    close = prices if isinstance(prices, pd.Series) else prices["Close"]
    if not close.index.is_monotonic_increasing:
        raise InputError(f"to_traded: the prices of {ticker} are not in date order")
    factor_series = functools.partial(pd.Series, index=close.index, dtype=float)
    ones = factor_series(1.0)  # where nothing is undone
    if basis == "index":
        return TradedPrices(prices, ones, "index", (), ("index levels are not adjusted",))
    kinds = NEEDED.get(basis, ())
    if not kinds or close.empty:
        note = f"basis {basis!r}: traded prices could not be reconstructed"
        return TradedPrices(prices, ones, "unknown", (), (note,))
    as_of = pd.Timestamp(as_of) if as_of is not None else close.index[-1]
    gaps = tuple(
        (k, lo, hi) for k in kinds for lo, hi in actions.gaps(ticker, k, close.index[0], as_of)
    )
    why = ""
    if "dividend" in kinds and ticker.endswith(".HK"):
        why = "Yahoo's adjusted Hong Kong series do not follow the listed dividends (ACTIONS.md)"
    elif all(actions.span(ticker, k) is None for k in kinds):
        why = f"no source for the {' or '.join(k + 's' for k in kinds)} of {ticker}"
    if why:
        note = f"traded prices could not be reconstructed: {why}; values unchanged"
        return TradedPrices(prices, ones, "unknown", gaps, (note,))
    beyond = [a for a in actions.of(ticker, "dividend") if close.index[-1] < a.date <= as_of]
    if "dividend" in kinds and beyond:  # f_e needs the close before e, which is not given
        note = (
            f"traded prices could not be reconstructed: the prices stop at "
            f"{close.index[-1].date()}, before the dividend of {beyond[0].date.date()}; "
            f"values unchanged"
        )
        return TradedPrices(prices, ones, "unknown", gaps, (note,))
    splits = np.ones(len(close))
    for split in (a for a in actions.of(ticker, "split") if a.date <= as_of):
        splits[close.index < split.date] *= split.value
    factor = splits.copy()
    if "dividend" in kinds:
        factor /= _dividend_factors(close, actions.of(ticker, "dividend"), as_of)
    notes = tuple(
        f"no {k} known in {lo.date()}..{hi.date()} (no source); none assumed" for k, lo, hi in gaps
    )
    status: Status = "partial" if gaps else "exact"
    return TradedPrices(_apply(prices, factor, splits), factor_series(factor), status, gaps, notes)
