"""Figures (matplotlib, no display needed): a claim against the market, an event study's AR and
CAR, and an article's claims claimed-vs-realized. Rendering only: every number comes from a
``ClaimCheck``, an ``EventStudyResult`` or the price series handed in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy import stats

from impact.prices.cache import atomic_write_bytes

__all__ = ["VERDICT_COLORS", "plot_article", "plot_claim", "plot_event_study", "save_figure"]

VERDICT_COLORS = {
    "correct": "#1a9850",
    "mostly_correct": "#91cf60",
    "misleading": "#fdae61",
    "false": "#d73027",
    "unverifiable": "#999999",
    "not_a_market_claim": "#cccccc",
    "insufficient_data": "#9e6ebd",
}


def save_figure(fig: Figure, path: Path, fmt: str = "png") -> Path:
    """Write the figure atomically (temp file + rename) and close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=110, bbox_inches="tight")
    plt.close(fig)
    atomic_write_bytes(Path(path), buffer.getvalue())
    return Path(path)


def _normalized(closes: pd.Series, base: pd.Timestamp) -> pd.Series:
    at = closes.loc[:base]
    return 100 * closes / (at.iloc[-1] if len(at) else closes.iloc[0])


def plot_claim(
    check: Any,
    series: Any,
    benchmark: Any | None = None,
    twin: Any | None = None,
    ax: plt.Axes | None = None,
) -> Figure:
    """The listing's price path around the claim (100 = the base close), its benchmark and twin
    listing, the matched session marked, the claimed move against the realized one, and the
    session's intraday range."""
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(9, 4.8))
    claim = check.claim
    session = pd.Timestamp(check.session) if check.session else series.prices.index[-1]
    tried = [t for t in check.evidence.get("tried", []) if t.get("end_session") == check.session]
    base = pd.Timestamp(tried[0]["base_session"]) if tried else session - pd.Timedelta(days=1)
    lo = min(base, session) - pd.Timedelta(days=21)
    hi = session + pd.Timedelta(days=10)
    prices = series.prices.loc[lo:hi]
    path = _normalized(prices["Close"], base)
    ax.plot(
        path.index,
        path.values,
        color="#2166ac",
        lw=2,
        label=f"{series.ticker} close ({series.basis})",
    )
    base_close = prices["Close"].loc[:base].iloc[-1]
    if session in prices.index:
        row = prices.loc[session]
        ax.vlines(
            session,
            100 * row["Low"] / base_close,
            100 * row["High"] / base_close,
            color="#2166ac",
            lw=6,
            alpha=0.35,
            label=f"intraday range {session.date()}",
        )
    overlays = ((benchmark, "#777777", "--", "benchmark"), (twin, "#b2182b", ":", "other listing"))
    for other, color, style, role in overlays:
        closes = other.prices["Close"].loc[lo:hi] if other is not None else []
        if len(closes):
            label = (
                f"{other.ticker} ({role}{', ' + other.currency if role == 'other listing' else ''})"
            )
            ax.plot(
                closes.index,
                _normalized(closes, base).values,
                color=color,
                lw=1.2,
                ls=style,
                label=label,
            )
    sessions = check.evidence.get("sessions") or {}
    candidates = sessions.get("candidates") or []
    if candidates and not sessions.get("nominal"):
        ax.axvspan(
            pd.Timestamp(candidates[0]),
            pd.Timestamp(candidates[-1]),
            color="#fee08b",
            alpha=0.25,
            label="candidate sessions (the date is a range)",
        )
    ax.axvline(session, color="black", lw=0.8, alpha=0.6)
    ax.axvline(base, color="black", lw=0.6, ls=":", alpha=0.5)
    ax.axhline(100, color="black", lw=0.5, alpha=0.4)
    if claim.magnitude is not None and claim.unit == "percent":
        sign = -1 if claim.direction == "down" else 1
        claimed_level = 100 * (1 + sign * claim.magnitude / 100)
        ax.axhline(
            claimed_level,
            color=VERDICT_COLORS.get(check.verdict, "black"),
            lw=1.5,
            label=f"claimed {sign * claim.magnitude:+g}% from {base.date()}",
        )
        ax.annotate(
            f"claimed {sign * claim.magnitude:+g}%",
            (session, claimed_level),
            xytext=(8, 4),
            textcoords="offset points",
            fontsize=9,
        )
    if check.realized is not None and claim.unit == "percent":
        realized_level = 100 * (1 + check.realized / 100)
        ax.plot(
            [session],
            [realized_level],
            marker="o",
            color="black",
            zorder=5,
            label=f"realized {check.realized:+.2f}% ({check.basis})",
        )
        ax.annotate(
            f"realized {check.realized:+.2f}%",
            (session, realized_level),
            xytext=(8, -12),
            textcoords="offset points",
            fontsize=9,
        )
    implied = check.evidence.get("implied_basis")
    if implied and implied != check.basis:
        other = next((t for t in tried if t["basis"] == implied), None)
        if other is not None:
            level = 100 * (1 + other["value_pct"] / 100)
            ax.plot(
                [session],
                [level],
                marker="x",
                markersize=9,
                color="black",
                zorder=5,
                label=f"{implied.replace('_', ' ')} {other['value_pct']:+.2f}% (what the wording implies)",
            )
    ax.set_ylabel(f"price, {base.date()} close = 100")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.grid(alpha=0.25)
    ax.legend(fontsize=8, loc="best")
    title = f"{claim.entity} ({claim.ticker}): \u201c{claim.text}\u201d, {claim.horizon.replace('_', ' ')}"
    ax.set_title(
        f"{title}\nverdict: {check.verdict.replace('_', ' ')} — session {session.date()}",
        fontsize=10,
        color=VERDICT_COLORS.get(check.verdict, "black") if check.verdict == "false" else "black",
    )
    return fig


def plot_event_study(result: Any, ax: plt.Axes | None = None, level: float = 0.95) -> Figure:
    """AR bars and the CAR line with its (1 − α) band over the event window, day 0 marked."""
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(8, 4.5))
    frame = result.to_frame()
    days = frame.index.to_numpy()
    q = stats.t.ppf(0.5 + level / 2, result.dof)
    ax.bar(
        days,
        100 * frame["AR"],
        color=["#2166ac" if v >= 0 else "#b2182b" for v in frame["AR"]],
        alpha=0.6,
        label="AR (%)",
    )
    car = 100 * frame["CAR"].to_numpy()
    band = 100 * q * frame["sd_CAR"].to_numpy()
    ax.plot(days, car, color="black", marker="o", label="CAR (%)")
    ax.fill_between(
        days,
        car - band,
        car + band,
        color="grey",
        alpha=0.25,
        label=f"CAR {int(level * 100)}% band (t({result.dof}))",
    )
    ax.axvline(0, color="black", lw=0.8, ls="--")
    ax.axhline(0, color="black", lw=0.5)
    ax.set_xlabel("session relative to day 0")
    ax.set_ylabel("abnormal return, %")
    ax.set_xticks(days)
    ax.grid(alpha=0.25)
    ax.legend(fontsize=8)
    ax.set_title(
        f"{result.ticker}: {result.model} model on {', '.join(result.factors) or 'own mean'}, "
        f"day 0 = {result.day0.date()}\nCAR{list(result.window)} = {100 * result.car:+.2f}% "
        f"(t = {result.tvalue:.2f}, p = {result.pvalue:.3f})",
        fontsize=10,
    )
    return fig


def plot_article(article_check: Any, ax: plt.Axes | None = None) -> Figure:
    """Every claim of an article: claimed against realized, coloured by verdict."""
    checks = [c for c in article_check.checks]
    fig, ax = (
        (ax.figure, ax)
        if ax is not None
        else plt.subplots(figsize=(9, 1.2 + 0.55 * max(1, len(checks))))
    )
    labels, y = [], np.arange(len(checks))
    for i, c in enumerate(checks):
        claim = c.claim
        color = VERDICT_COLORS.get(c.verdict, "black")
        claimed = None
        if claim.magnitude is not None and claim.unit in {"percent", "percentage_points"}:
            claimed = claim.magnitude * (-1 if claim.direction == "down" else 1)
        realized = c.realized if claim.unit in {"percent", "percentage_points"} else None
        if claimed is not None:
            ax.plot([claimed], [i], marker="|", markersize=18, color="black")
        implied = c.evidence.get("implied_basis")
        sessions = c.evidence.get("sessions") or {}
        if implied and not sessions.get("nominal") and c.evidence.get("tried"):
            values = [t["value_pct"] for t in c.evidence["tried"] if t.get("basis") == implied]
            if values:  # the date is a range: every candidate session's value
                ax.hlines(i, min(values), max(values), color=color, lw=7, alpha=0.2)
        if implied and implied != c.basis and c.session:
            other = next(
                (
                    t
                    for t in c.evidence.get("tried", [])
                    if t.get("basis") == implied and t.get("end_session") == c.session
                ),
                None,
            )
            if other is not None:
                ax.plot([other["value_pct"]], [i], marker="x", markersize=8, color="black")
        if realized is not None:
            ax.plot([realized], [i], marker="o", markersize=9, color=color)
            if claimed is not None:
                ax.plot([claimed, realized], [i, i], color=color, lw=2, alpha=0.7)
        ax.text(
            1.01,
            i,
            c.verdict.replace("_", " "),
            transform=ax.get_yaxis_transform(),
            va="center",
            fontsize=8,
            color=color,
        )
        labels.append(f"#{claim.id} {claim.entity or '?'} {claim.ticker or ''}: {claim.text}"[:48])
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color="black", lw=0.5)
    ax.set_xlabel(
        "percent (| claimed, ● realized on the matched basis, × on the basis the wording implies)"
    )
    ax.grid(axis="x", alpha=0.25)
    p = article_check.extracted.published
    ax.set_title(
        f"{Path(article_check.path).name}: {len(checks)} claims, published {p.label()}", fontsize=10
    )
    return fig


def article_figures(article_check: Any, checker: Any) -> list[tuple[str, Figure]]:
    """(name, figure) for every price claim with a matched session, then the article overview.
    Series come from the checker that made the checks (same sources, same windows)."""
    from impact.errors import ImpactError

    stem = Path(article_check.path).stem or "stdin"
    out: list[tuple[str, Figure]] = []
    for check in article_check.checks:
        claim = check.claim
        if (
            claim.testable != "market"
            or not check.session
            or claim.kind == "record"
            or not claim.ticker
        ):
            continue
        checker._window = checker._needs(claim)
        try:
            series = checker.series(claim.ticker)
            bench_t = checker.registry.benchmark_for(series.ticker, series.mic)
            benchmark = checker.series(bench_t) if bench_t else None
            twin_l = checker.registry.twin_of(claim.ticker)
            twin = checker.series(twin_l.ticker) if twin_l else None
        except ImpactError:
            continue
        out.append((f"{stem}-claim{claim.id}", plot_claim(check, series, benchmark, twin)))
    out.append((f"{stem}-overview", plot_article(article_check)))
    return out
