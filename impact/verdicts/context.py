"""The market around a move: the benchmark's move, the other listing, the abnormal return.

- market: the benchmark's close-to-close move on the matched session (its period return for
  period claims), and the stock's close-to-close (or period) move net of it;
- twin: the same claim tested on the company's other listing, on the sessions that trade on the
  same news (moves.twin_session), with the share ratio between them;
- abnormal return: the market-model AR on the matched session with its prediction-error
  corrected t-statistic (eventstudy.abnormal_return_for).
"""

from __future__ import annotations

import pandas as pd

from impact.claims.model import Claim
from impact.errors import ImpactError
from impact.measures import Move, close_to_close, period_return
from impact.prices import PriceSeries
from impact.registry import Registry
from impact.tolerance import Tolerance
from impact.verdicts.evidence import AbnormalReturn, Failure, MarketMove, TwinMove
from impact.verdicts.moves import implied_basis, try_sessions, twin_session
from impact.verdicts.window import MarketWindow

__all__ = ["abnormal_return", "market_move", "twin_move"]


def _ratio_text(ticker: str, twin: str, registry: Registry) -> str:
    """'1 BABA ADS = 8 shares of 9988.HK' from the registry's share ratios."""
    entity = registry.entity_for_ticker(ticker)
    ratios = {x.ticker: x.ratio for x in entity.listings} if entity else {}
    ads = max((ticker, twin), key=lambda t: ratios.get(t, 1.0))
    other = twin if ads == ticker else ticker
    return f"1 {ads} ADS = {ratios.get(ads, 1.0):g} shares of {other}"


def market_move(window: MarketWindow, move: Move) -> MarketMove | Failure | None:
    """The benchmark's move over the sessions of ``move`` (module docstring)."""
    if window.benchmark_ticker is None:
        return None
    bench = window.benchmark
    try:
        if isinstance(bench, ImpactError):
            raise bench
        assert bench is not None
        prices = bench.prices
        if move.basis in {"close_to_close", "intraday_high", "intraday_low"}:
            bm = close_to_close(prices, move.end_session)
        else:
            base = prices.index[prices.index <= move.base_session][-1]
            bm = period_return(prices, base, move.end_session, "period_close")
    except (ImpactError, IndexError) as exc:
        return Failure(str(exc).splitlines()[0], ticker=window.benchmark_ticker)
    series = window.series
    stock = (
        close_to_close(series.prices, move.end_session)
        if move.basis.startswith("intraday")
        else move
    )
    return MarketMove(
        ticker=window.benchmark_ticker,
        move_pct=100 * bm.value,
        base_session=bm.base_session.date(),
        end_session=bm.end_session.date(),
        stock_pct=100 * stock.value,
        market_adjusted_pct=100 * (stock.value - bm.value),
        source=bench.describe_source(),
    )


def twin_move(
    claim: Claim, window: MarketWindow, registry: Registry, tolerance: Tolerance
) -> TwinMove | Failure | None:
    """The claim tested on the other listing (module docstring)."""
    listing = window.twin_listing
    if listing is None:
        return None
    twin = window.twin
    if isinstance(twin, ImpactError):
        return Failure(str(twin), ticker=listing.ticker)
    assert twin is not None and window.sessions is not None
    own_mic = window.series.mic
    sessions: list[pd.Timestamp] = []
    for s in window.sessions.candidates:
        t = twin_session(listing.mic, own_mic, s)
        if t in twin.prices.index and t not in sessions:
            sessions.append(t)
    tried = try_sessions(claim, twin, sessions, tolerance)
    implied = implied_basis(claim)
    fits = [t for t in tried if t.fit in {"exact", "band"} and t.move.basis == implied]
    mapped = None
    nominal = window.sessions.nominal
    if nominal is not None:
        m = twin_session(listing.mic, own_mic, nominal)
        mapped = next(
            (t for t in tried if t.move.end_session == m and t.move.basis == implied), None
        )
    return TwinMove(
        ticker=listing.ticker,
        currency=listing.currency,
        ratio=_ratio_text(claim.ticker or "", listing.ticker, registry),
        source=twin.describe_source(),
        matching_session=mapped.session if mapped else None,
        move_pct=100 * mapped.move.value if mapped else None,
        fits=tuple((t.session, 100 * t.move.value) for t in fits),
    )


def abnormal_return(
    series: PriceSeries, window: MarketWindow, move: Move
) -> AbnormalReturn | Failure | None:
    """The market-model abnormal return on the matched session, or why there is none."""
    try:
        from impact.eventstudy import abnormal_return_for
    except ImportError:
        return None
    bench = window.benchmark
    if window.benchmark_ticker is None or bench is None:
        return None
    try:
        if isinstance(bench, ImpactError):
            raise bench
        found = abnormal_return_for(series, bench, move.end_session)
    except ImpactError as exc:
        return Failure(str(exc))
    return AbnormalReturn(**found)
