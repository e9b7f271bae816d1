"""Event studies on real price series: windows in the security's own sessions, day 0 from a news
timestamp, benchmarks aligned to the security, a statsmodels path for one event and the batched
numpy path (engine.py) for many. Both give the same numbers (tested to 1e-10). The one-day
abnormal return of a check (``abnormal_return_for``) is the closed form of single.py, the same
numbers to 1e-12; statsmodels, scipy and the engine are imported only where they are used."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from impact import calendars
from impact.config import Settings
from impact.errors import InputError, InsufficientDataError
from impact.eventstudy.engine import MODELS, BatchResult
from impact.eventstudy.single import market_model_ar, t_two_sided_p
from impact.prices import PriceSeries, load_prices

__all__ = [
    "EventData",
    "EventStudyResult",
    "abnormal_return_for",
    "day_zero",
    "load_event_series",
    "prepare_event",
    "run_event_study",
    "span_days",
]


def day_zero(mic: str, event: str | dt.date | pd.Timestamp) -> tuple[pd.Timestamp, str]:
    """Day 0: with a time and zone, the first session of the exchange whose close is after the
    news; with a date only, that session if it trades, else the next one. Returns (session, how)."""
    text = event.isoformat() if isinstance(event, dt.date | pd.Timestamp) else str(event).strip()
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError):
        raise InputError(
            f"event {event!r} is not a date or timestamp (e.g. 2025-02-13 or "
            "2025-02-13T10:00+04:00)"
        ) from None
    has_time = "T" in text or " " in text or ":" in text
    if has_time:
        if stamp.tzinfo is None:
            raise InputError(f"event {text!r} has a time but no zone; add one, e.g. {text}+04:00")
        session = calendars.first_session_closing_after(mic, stamp)
        return session, f"the first {mic} session closing after {stamp.isoformat()}"
    session = calendars.session_on_or_after(mic, stamp.date())
    if session.date() == stamp.date():
        return session, f"{stamp.date()} is a {mic} session"
    return session, f"{stamp.date()} is not a {mic} session: the next one"


@dataclass(frozen=True, eq=False)
class EventData:
    """One event's aligned returns: security and factors on the security's sessions."""

    ticker: str
    factors: tuple[str, ...]
    day0: pd.Timestamp
    day0_how: str
    alignment: str
    est_dates: pd.DatetimeIndex
    evt_dates: pd.DatetimeIndex
    r_est: np.ndarray
    r_evt: np.ndarray
    f_est: np.ndarray  # (L1, k)
    f_evt: np.ndarray  # (L2, k)
    window: tuple[int, int]
    estimation: tuple[int, int]
    source: str


def _aligned_returns(security: PriceSeries, bench: PriceSeries) -> tuple[pd.Series, str]:
    closes = bench.prices["Close"]
    if bench.mic == security.mic:
        how = f"{bench.ticker}: same calendar ({bench.mic}), by session"
    else:
        how = (
            f"{bench.ticker} trades on {bench.mic}: as of each {security.mic} session date, its last "
            "close on or before that date"
        )
    aligned = (
        closes.reindex(closes.index.union(security.prices.index))
        .ffill()
        .reindex(security.prices.index)
    )
    return aligned.pct_change(fill_method=None), how


def _check_windows(window: tuple[int, int], estimation: tuple[int, int]) -> None:
    if window[0] > window[1] or estimation[0] > estimation[1]:
        raise InputError(f"windows must run forwards: event {window}, estimation {estimation}")
    if estimation[1] >= window[0]:
        raise InputError(
            f"the estimation window {estimation} must end before the event window {window}"
        )


def prepare_event(
    security: PriceSeries,
    benchmarks: Sequence[PriceSeries],
    event: str | dt.date,
    window: tuple[int, int] = (-1, 1),
    estimation: tuple[int, int] = (-250, -11),
) -> EventData:
    """Cut the estimation and event windows (in the security's sessions, both ends inclusive)."""
    _check_windows(window, estimation)
    day0, how = day_zero(security.mic, event)
    index = security.prices.index
    if day0 not in index:
        raise InsufficientDataError(
            f"{security.ticker} has no price for day 0 ({day0.date()}); data "
            f"{index[0].date()}..{index[-1].date()}"
        )
    pos = int(index.get_loc(day0))
    lo, hi = pos + estimation[0], pos + window[1]
    if lo < 1 or hi >= len(index):
        raise InsufficientDataError(
            f"{security.ticker}: need sessions {estimation[0]}..{window[1]} around {day0.date()}, "
            f"data {index[0].date()}..{index[-1].date()} holds {pos - 1} before and {len(index) - pos - 1} after"
        )
    aligned = [_aligned_returns(security, b) for b in benchmarks]
    hows = [h for _, h in aligned]
    est = slice(pos + estimation[0], pos + estimation[1] + 1)
    evt = slice(pos + window[0], pos + window[1] + 1)
    f = (
        np.column_stack([x.to_numpy(float) for x, _ in aligned])
        if aligned
        else np.zeros((len(index), 0))
    )
    r_all = security.returns().to_numpy(float)
    for name, part in (("estimation", est), ("event", evt)):
        bad = ~np.isfinite(r_all[part]) | (~np.isfinite(f[part]).all(axis=1) if aligned else False)
        if np.any(bad):
            raise InsufficientDataError(
                f"{security.ticker}: {int(np.sum(bad))} sessions without a return "
                f"in the {name} window (benchmark data missing?)"
            )
    return EventData(
        security.ticker,
        tuple(b.ticker for b in benchmarks),
        day0,
        how,
        "; ".join(hows),
        index[est],
        index[evt],
        r_all[est],
        r_all[evt],
        f[est],
        f[evt],
        window,
        estimation,
        security.describe_source(),
    )


def _fit_statsmodels(data: EventData, model: str) -> tuple[dict[str, Any], Any]:
    """One event by statsmodels OLS: V = σ²(I + X*(XᵀX)⁻¹X*ᵀ) from the fitted results."""
    import statsmodels.api as sm

    y_e, y_w = data.r_est, data.r_evt
    L1, L2 = len(y_e), len(y_w)
    if model == "market_adjusted":
        resid = y_e - data.f_est[:, 0]
        sigma2 = resid.var(ddof=1)
        ar = y_w - data.f_evt[:, 0]
        v = sigma2 * np.eye(L2)
        expected = data.f_evt[:, 0]
        return {
            "params": np.array([]),
            "sigma2": sigma2,
            "resid": resid,
            "ar": ar,
            "v": v,
            "dof": L1 - 1,
            "expected": expected,
        }, None
    if model == "constant_mean":
        x_e, x_w = np.ones((L1, 1)), np.ones((L2, 1))
    else:
        x_e = sm.add_constant(data.f_est, has_constant="add")
        x_w = sm.add_constant(data.f_evt, has_constant="add")
    with warnings.catch_warnings(record=True) as caught:  # said in the result's notes instead
        warnings.simplefilter("always")
        fit = sm.OLS(y_e, x_e).fit()
    notes = tuple(dict.fromkeys(f"statsmodels: {w.message}" for w in caught))
    inv = fit.normalized_cov_params
    v = fit.scale * (np.eye(L2) + x_w @ inv @ x_w.T)
    expected = x_w @ fit.params
    return {
        "params": np.asarray(fit.params),
        "sigma2": float(fit.scale),
        "resid": np.asarray(fit.resid),
        "ar": y_w - expected,
        "v": v,
        "dof": int(fit.df_resid),
        "expected": expected,
        "notes": notes,
    }, fit


@dataclass(frozen=True, eq=False)
class EventStudyResult:
    """One event: AR, CAR, BHAR, their corrected variances and t statistics (MacKinlay 1997)."""

    ticker: str
    factors: tuple[str, ...]
    model: str
    day0: pd.Timestamp
    day0_how: str
    alignment: str
    source: str
    window: tuple[int, int]
    estimation: tuple[int, int]
    estimation_dates: tuple[str, str]
    params: dict[str, float]
    sigma: float
    dof: int
    ar: pd.Series
    var_ar: pd.Series
    car: float
    var_car: float
    tvalue: float
    pvalue: float
    bhar: float
    frame: pd.DataFrame = field(repr=False)
    ols: Any = field(default=None, repr=False)
    notes: tuple[str, ...] = ()  # what the fit warned about, and a residual variance of ~0

    @property
    def nobs(self) -> int:
        return self.estimation[1] - self.estimation[0] + 1

    def to_frame(self) -> pd.DataFrame:
        """One row per event-window day: date, R, E[R], AR, SD(AR), t, p, CAR to date."""
        return self.frame.copy()

    def to_dict(self) -> dict[str, Any]:
        return {
            "ticker": self.ticker,
            "factors": list(self.factors),
            "model": self.model,
            "day0": self.day0.date().isoformat(),
            "day0_how": self.day0_how,
            "alignment": self.alignment,
            "source": self.source,
            "window": list(self.window),
            "estimation": list(self.estimation),
            "estimation_dates": list(self.estimation_dates),
            "params": self.params,
            "sigma": self.sigma,
            "dof": self.dof,
            "car": self.car,
            "var_car": self.var_car,
            "t": self.tvalue,
            "pvalue": self.pvalue,
            "bhar": self.bhar,
            "notes": list(self.notes),
            "days": [
                {
                    k: (v.date().isoformat() if isinstance(v, pd.Timestamp) else v)
                    for k, v in row.items()
                }
                for row in self.frame.reset_index().to_dict("records")
            ],
        }

    def summary(self) -> str:
        lines = [
            f"Event study: {self.ticker} ({self.model} model on {', '.join(self.factors) or 'its own mean'})",
            f"day 0: {self.day0.date()} ({self.day0_how})",
            f"estimation window {self.estimation} = {self.estimation_dates[0]}..{self.estimation_dates[1]}"
            f" ({self.nobs} sessions), event window {self.window}",
            f"alignment: {self.alignment or 'n/a'}",
            "params: "
            + ", ".join(f"{k} = {v:.6g}" for k, v in self.params.items())
            + f"; sigma = {self.sigma:.6g}; dof = {self.dof}",
            self.frame.to_string(float_format=lambda x: f"{x:.6f}"),
            f"CAR{list(self.window)} = {self.car:+.6f} (SD {np.sqrt(self.var_car):.6f}, t({self.dof}) = "
            f"{self.tvalue:.3f}, p = {self.pvalue:.4f}); BHAR = {self.bhar:+.6f}",
            *(f"note: {note}" for note in self.notes),
        ]
        return "\n".join(lines)

    __str__ = summary

    def _repr_html_(self) -> str:
        return f"<pre>{self.summary()}</pre>"

    def __repr__(self) -> str:
        return (
            f"EventStudyResult({self.ticker} {self.model} day0 {self.day0.date()} CAR{list(self.window)} "
            f"{100 * self.car:+.2f}% t={self.tvalue:.2f} p={self.pvalue:.3g})"
        )


def _single_result(data: EventData, model: str, out: dict[str, Any], fit: Any) -> EventStudyResult:
    from scipy import stats

    L2 = len(data.r_evt)
    var_ar = np.diag(out["v"])
    ones = np.ones(L2)
    var_car = float(ones @ out["v"] @ ones)
    ar = out["ar"]
    car = float(ar.sum())
    dof = out["dof"]
    with np.errstate(divide="ignore", invalid="ignore"):  # no variance: nan, said in notes
        t = car / np.sqrt(var_car)
        t_ar = ar / np.sqrt(var_ar)
    rel = np.arange(data.window[0], data.window[1] + 1)
    cum_var = np.array([np.ones(j) @ out["v"][:j, :j] @ np.ones(j) for j in range(1, L2 + 1)])
    frame = pd.DataFrame(
        {
            "date": data.evt_dates,
            "R": data.r_evt,
            "E[R]": out["expected"],
            "AR": ar,
            "sd_AR": np.sqrt(var_ar),
            "t_AR": t_ar,
            "p_AR": 2 * stats.t.sf(np.abs(t_ar), dof),
            "CAR": np.cumsum(ar),
            "sd_CAR": np.sqrt(cum_var),
        },
        index=pd.Index(rel, name="day"),
    )
    names = (
        ["alpha"] + [f"beta_{f}" for f in data.factors]
        if model in {"market", "factor"}
        else (["mean"] if model == "constant_mean" else [])
    )
    bhar = float(np.prod(1 + data.r_evt) - np.prod(1 + out["expected"]))
    notes = list(out.get("notes", ()))
    if out["sigma2"] <= 1e-20 * max(float(np.var(data.r_est)), 1e-300):
        notes.append(
            "the model explains the returns exactly (residual variance ~0): t-statistics and "
            "p-values mean nothing (is the benchmark the security itself?)"
        )
    return EventStudyResult(
        data.ticker,
        data.factors,
        model,
        data.day0,
        data.day0_how,
        data.alignment,
        data.source,
        data.window,
        data.estimation,
        (data.est_dates[0].date().isoformat(), data.est_dates[-1].date().isoformat()),
        dict(zip(names, map(float, out["params"]), strict=True)),
        float(np.sqrt(out["sigma2"])),
        dof,
        pd.Series(ar, index=rel),
        pd.Series(var_ar, index=rel),
        car,
        var_car,
        float(t),
        float(2 * stats.t.sf(abs(t), dof)),
        bhar,
        frame,
        fit,
        tuple(notes),
    )


def load_event_series(
    ticker: str, day: pd.Timestamp, settings: Settings, before_days: int, after_days: int
) -> PriceSeries:
    """The ticker's prices from ``before_days`` before an event day to ``after_days`` after."""
    return load_prices(
        ticker,
        (day - pd.Timedelta(days=before_days)).date().isoformat(),
        (day + pd.Timedelta(days=after_days)).date().isoformat(),
        settings,
    )


def span_days(estimation: tuple[int, int], window: tuple[int, int]) -> tuple[int, int]:
    """Calendar days to load before and after day 0 to hold the windows (1.6 days a session)."""
    return int(-estimation[0] * 1.6) + 30, int(max(window[1], 0) * 1.6) + 15


def run_event_study(
    ticker: str,
    event: str,
    market: str | Sequence[str] | None = "^GSPC",
    model: str = "market",
    window: tuple[int, int] = (-1, 1),
    estimation: tuple[int, int] = (-250, -11),
    settings: Settings | None = None,
    method: str = "statsmodels",
) -> EventStudyResult:
    """One event study. ``method`` 'statsmodels' keeps the OLS results (``.ols.summary()``);
    'numpy' uses the batched engine. Both give the same numbers."""
    if model not in MODELS:
        raise InputError(f"model {model!r}: expected one of {', '.join(MODELS)}")
    settings = settings or Settings.from_env()
    factors = (
        []
        if model == "constant_mean" or market is None
        else ([market] if isinstance(market, str) else list(market))
    )
    if model in {"market", "market_adjusted"} and len(factors) != 1:
        raise InputError(f"the {model} model takes one benchmark, got {len(factors)}")
    if model == "factor" and not factors:
        raise InputError("the factor model needs one or more benchmarks")
    mic = calendars.mic_for_ticker(ticker)
    approx_day, _ = day_zero(mic, event)
    before, after = span_days(estimation, window)
    security = load_event_series(ticker, approx_day, settings, before, after)
    benches = [load_event_series(f, approx_day, settings, before + 10, after + 10) for f in factors]
    data = prepare_event(security, benches, event, window, estimation)
    if method == "numpy":
        from impact.eventstudy.engine import fit_batch

        res = fit_batch(
            data.r_est[None],
            data.r_evt[None],
            data.f_est[None] if factors else None,
            data.f_evt[None] if factors else None,
            model,
        )
        v = _v_from_batch(data, res)
        out = {
            "params": res.params[0],
            "sigma2": float(res.sigma2[0]),
            "resid": res.resid_est[0],
            "ar": res.ar[0],
            "v": v,
            "dof": res.dof,
            "expected": res.expected[0],
        }
        return _single_result(data, model, out, None)
    out, fit = _fit_statsmodels(data, model)
    return _single_result(data, model, out, fit)


def _v_from_batch(data: EventData, res: BatchResult) -> np.ndarray:
    """The full V matrix for one event from the batch's parameters (for the per-day CAR SD)."""
    L1, L2 = res.L1, res.L2
    if res.model == "market_adjusted":
        return float(res.sigma2[0]) * np.eye(L2)
    if res.model == "constant_mean" or res.k == 0:
        x_e, x_w = np.ones((L1, 1)), np.ones((L2, 1))
    else:
        x_e = np.column_stack([np.ones(L1), data.f_est])
        x_w = np.column_stack([np.ones(L2), data.f_evt])
    inv = np.linalg.inv(x_e.T @ x_e)
    return float(res.sigma2[0]) * (np.eye(L2) + x_w @ inv @ x_w.T)


def abnormal_return_for(
    security: PriceSeries,
    benchmark: PriceSeries,
    session: pd.Timestamp,
    estimation: tuple[int, int] = (-250, -11),
) -> dict[str, Any]:
    """The market-model AR on one session with its prediction-error corrected t (for checks):
    keys model, market, session, ar_pct, sd_pct, t, dof, pvalue, alpha, beta, estimation.
    Raises ImpactError when there are too few sessions or no return variance."""
    data = prepare_event(security, [benchmark], session.date(), (0, 0), estimation)
    fit = market_model_ar(data.r_est, data.f_est[:, 0], data.r_evt[0], data.f_evt[0, 0])
    sd = float(np.sqrt(fit.var_ar)) if fit.var_ar > 0 else 0.0
    exact = fit.sigma2 <= 1e-20 * max(float(np.var(data.r_est)), 1e-300)  # R² = 1: no noise
    if not (sd > 0 and np.isfinite(fit.beta)) or exact:
        raise InsufficientDataError(
            f"{security.ticker}: no return variance in the estimation window"
        )
    t = fit.ar / sd
    return {
        "model": "market",
        "market": benchmark.ticker,
        "session": session.date(),
        "ar_pct": 100 * fit.ar,
        "sd_pct": 100 * sd,
        "t": t,
        "dof": fit.dof,
        "pvalue": t_two_sided_p(t, fit.dof),
        "alpha": fit.alpha,
        "beta": fit.beta,
        "estimation": (data.est_dates[0].date(), data.est_dates[-1].date()),
    }
