"""Figures (matplotlib's object API: no display, no global backend): a claim against the market,
an event study's AR and CAR, and an article's claims claimed-vs-realized. Rendering only: every
number comes from a ``ClaimCheck`` (and the market window it was checked on), an
``EventStudyResult`` or the price series handed in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from scipy import stats

from impact.fileio import atomic_write_bytes
from impact.prices import PriceSeries
from impact.verdicts.evidence import MoveEvidence, SessionsShown
from impact.verdicts.model import ArticleCheck, ClaimCheck

__all__ = [
    "VERDICT_COLORS",
    "article_figures",
    "figure_bytes",
    "plot_article",
    "plot_claim",
    "plot_event_study",
    "save_figure",
]

VERDICT_COLORS = {
    "correct": "#1a9850",
    "mostly_correct": "#91cf60",
    "misleading": "#fdae61",
    "false": "#d73027",
    "unverifiable": "#999999",
    "not_a_market_claim": "#cccccc",
    "insufficient_data": "#9e6ebd",
}


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """The given axes and their figure, or a new figure (not registered with pyplot)."""
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig = Figure(figsize=figsize)
    return fig, fig.subplots()


def figure_bytes(fig: Figure, fmt: str = "png") -> bytes:
    """The figure encoded as PNG or SVG."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=110, bbox_inches="tight")
    return buffer.getvalue()


def save_figure(fig: Figure, path: Path, fmt: str = "png") -> Path:
    """Write the figure atomically (temp file + rename)."""
    atomic_write_bytes(Path(path), figure_bytes(fig, fmt))
    return Path(path)


def _normalized(closes: pd.Series, base: pd.Timestamp) -> pd.Series:
    at = closes.loc[:base]
    return 100 * closes / (at.iloc[-1] if len(at) else closes.iloc[0])


def _series(value: object) -> PriceSeries | None:
    return value if isinstance(value, PriceSeries) else None


def _draw_path(
    ax: Axes, series: PriceSeries, base: pd.Timestamp, session: pd.Timestamp, span: tuple
) -> None:
    """The listing's closes (100 = the base close) and the session's intraday range."""
    prices = series.prices.loc[span[0] : span[1]]
    path = _normalized(prices["Close"], base)
    label = f"{series.ticker} close ({series.basis})"
    ax.plot(path.index, path.values, color="#2166ac", lw=2, label=label)
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


def _draw_overlays(
    ax: Axes,
    base: pd.Timestamp,
    span: tuple,
    benchmark: PriceSeries | None,
    twin: PriceSeries | None,
) -> None:
    """The benchmark and the other listing over the same span, on the same base."""
    overlays = ((benchmark, "#777777", "--", "benchmark"), (twin, "#b2182b", ":", "other listing"))
    for other, color, style, role in overlays:
        closes = other.prices["Close"].loc[span[0] : span[1]] if other is not None else []
        if len(closes):
            currency = f", {other.currency}" if role == "other listing" else ""
            label = f"{other.ticker} ({role}{currency})"
            values = _normalized(closes, base).values
            ax.plot(closes.index, values, color=color, lw=1.2, ls=style, label=label)


def _draw_claim(ax: Axes, check: ClaimCheck, base: pd.Timestamp, session: pd.Timestamp) -> None:
    """The claimed move as a line, the realized one as a dot, and (×) the move on the basis
    the wording implies when the match was on another."""
    claim, evidence = check.claim, check.evidence
    if claim.magnitude is not None and claim.unit == "percent":
        sign = -1 if claim.direction == "down" else 1
        level = 100 * (1 + sign * claim.magnitude / 100)
        color = VERDICT_COLORS.get(check.verdict, "black")
        label = f"claimed {sign * claim.magnitude:+g}% from {base.date()}"
        ax.axhline(level, color=color, lw=1.5, label=label)
        text = f"claimed {sign * claim.magnitude:+g}%"
        ax.annotate(text, (session, level), xytext=(8, 4), textcoords="offset points", fontsize=9)
    if check.realized is not None and claim.unit == "percent":
        level = 100 * (1 + check.realized / 100)
        label = f"realized {check.realized:+.2f}% ({check.basis})"
        ax.plot([session], [level], marker="o", color="black", zorder=5, label=label)
        text = f"realized {check.realized:+.2f}%"
        ax.annotate(text, (session, level), xytext=(8, -12), textcoords="offset points", fontsize=9)
    if not isinstance(evidence, MoveEvidence) or evidence.implied_basis == check.basis:
        return
    implied = evidence.implied_basis
    other = next(
        (t for t in evidence.tried if t.session == check.session and t.move.basis == implied), None
    )
    if other is not None:
        value = 100 * other.move.value
        label = f"{implied.replace('_', ' ')} {value:+.2f}% (what the wording implies)"
        ax.plot(
            [session], [100 + value], marker="x", markersize=9, color="black", zorder=5, label=label
        )


def plot_claim(
    check: ClaimCheck,
    series: PriceSeries | None = None,
    benchmark: PriceSeries | None = None,
    twin: PriceSeries | None = None,
    ax: Axes | None = None,
) -> Figure:
    """The listing's price path around the claim (100 = the base close), its benchmark and twin
    listing, the matched session marked, the claimed move against the realized one, and the
    session's intraday range. Series default to the market window the claim was checked on."""
    window = check.window
    if series is None:
        if window is None:
            raise ValueError("plot_claim needs the claim's price series (or a checked window)")
        series, benchmark, twin = window.series, _series(window.benchmark), _series(window.twin)
    fig, ax = _axes(ax, (9, 4.8))
    claim, evidence = check.claim, check.evidence
    session = pd.Timestamp(check.session) if check.session else series.prices.index[-1]
    tried = evidence.tried if isinstance(evidence, MoveEvidence) else ()
    at_session = [t for t in tried if t.session == check.session]
    base = at_session[0].move.base_session if at_session else session - pd.Timedelta(days=1)
    span = (min(base, session) - pd.Timedelta(days=21), session + pd.Timedelta(days=10))
    _draw_path(ax, series, base, session, span)
    _draw_overlays(ax, base, span, benchmark, twin)
    sessions = getattr(evidence, "sessions", None)
    if isinstance(sessions, SessionsShown) and sessions.candidates and sessions.nominal is None:
        first, last = pd.Timestamp(sessions.candidates[0]), pd.Timestamp(sessions.candidates[-1])
        label = "candidate sessions (the date is a range)"
        ax.axvspan(first, last, color="#fee08b", alpha=0.25, label=label)
    ax.axvline(session, color="black", lw=0.8, alpha=0.6)
    ax.axvline(base, color="black", lw=0.6, ls=":", alpha=0.5)
    ax.axhline(100, color="black", lw=0.5, alpha=0.4)
    _draw_claim(ax, check, base, session)
    ax.set_ylabel(f"price, {base.date()} close = 100")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.grid(alpha=0.25)
    ax.legend(fontsize=8, loc="best")
    title = f"{claim.entity} ({claim.ticker}): \u201c{claim.text}\u201d, {claim.horizon.replace('_', ' ')}"
    color = VERDICT_COLORS.get(check.verdict, "black") if check.verdict == "false" else "black"
    verdict = check.verdict.replace("_", " ")
    ax.set_title(
        f"{title}\nverdict: {verdict} — session {session.date()}", fontsize=10, color=color
    )
    return fig


def plot_event_study(result: Any, ax: Axes | None = None, level: float = 0.95) -> Figure:
    """AR bars and the CAR line with its (1 − α) band over the event window, day 0 marked."""
    fig, ax = _axes(ax, (8, 4.5))
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


def plot_article(article_check: ArticleCheck, ax: Axes | None = None) -> Figure:
    """Every claim of an article: claimed against realized, coloured by verdict."""
    checks = list(article_check.checks)
    fig, ax = _axes(ax, (9, 1.2 + 0.55 * max(1, len(checks))))
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
        ev = c.evidence
        implied = ev.implied_basis if isinstance(ev, MoveEvidence) else None
        tried = ev.tried if isinstance(ev, MoveEvidence) else ()
        if implied and ev.sessions.nominal is None and tried:  # type: ignore[union-attr]
            values = [100 * t.move.value for t in tried if t.move.basis == implied]
            if values:  # the date is a range: every candidate session's value
                ax.hlines(i, min(values), max(values), color=color, lw=7, alpha=0.2)
        if implied and implied != c.basis and c.session:
            other = next(
                (t for t in tried if t.move.basis == implied and t.session == c.session), None
            )
            if other is not None:
                ax.plot([100 * other.move.value], [i], marker="x", markersize=8, color="black")
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


def article_figures(article_check: ArticleCheck) -> list[tuple[str, Figure]]:
    """(name, figure) for every price claim with a matched session and its market window,
    then the article overview."""
    stem = Path(article_check.path).stem or "stdin"
    out: list[tuple[str, Figure]] = []
    for check in article_check.checks:
        claim = check.claim
        if (
            claim.testable != "market"
            or not check.session
            or claim.kind == "record"
            or check.window is None
        ):
            continue
        out.append((f"{stem}-claim{claim.id}", plot_claim(check)))
    out.append((f"{stem}-overview", plot_article(article_check)))
    return out
