"""Stage 3-4: test each claim against the data and decide, with the evidence.

Sessions come from the listing's own exchange calendar, anchored on the claim's resolved dates.
A pinned date gives a *nominal* session (and its neighbours as candidates); a date known only as a
range (a month) makes every session in it a candidate, with no nominal one. For each candidate the
measures of ``measures.py`` are computed on every basis that applies, then judged by the one
tolerance policy (``tolerance.py``). The verdict follows from where the matches are:

1. on the basis and session the wording implies -> ``correct`` (exact) / ``mostly_correct`` (band);
2. only on another basis (the intraday extreme presented as the close, or the reverse) ->
   ``misleading``;
3. only on another session: ``misleading`` when the date is firm, else ``mostly_correct``;
4. only on the company's other listing: ``misleading`` when the text named the listing;
5. a hedge "über/more than" far exceeded -> ``misleading``; otherwise ``false`` (also when the
   direction is wrong).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from impact import calendars
from impact.claims.dates import Published
from impact.claims.extract import ExtractedArticle
from impact.claims.model import Claim
from impact.config import Settings
from impact.errors import DataUnavailable, ImpactError, InsufficientDataError
from impact.fundamentals import ReportedFigures, load_reported_figures
from impact.measures import Move, close_to_close, intraday_extreme, period_return, rank_move
from impact.prices import PriceSeries, load_prices
from impact.registry import Registry, default_registry
from impact.tolerance import DEFAULT_TOLERANCE, Judgement, Tolerance

__all__ = ["VERDICTS", "ArticleCheck", "Checker", "ClaimCheck"]

VERDICTS = (
    "correct",
    "mostly_correct",
    "misleading",
    "false",
    "unverifiable",
    "not_a_market_claim",
    "insufficient_data",
)
OUTLET_TZ = {"de": "Europe/Berlin", "en": "America/New_York"}
_BASIS_WORDS = {
    "close_to_close": "close to close",
    "intraday_high": "the intraday high against the previous close",
    "intraday_low": "the intraday low against the previous close",
    "period_close": "close to close over the period",
    "reported": "reported figures",
}


@dataclass(frozen=True)
class ClaimCheck:
    """A claim, its verdict, the realized figure and everything the verdict rests on."""

    claim: Claim
    verdict: str
    explanation: str
    realized: float | None = None  # in the claim's unit (percent for % claims, currency for money)
    basis: str | None = None
    session: str | None = None  # the session the realized figure is for
    nominal_session: str | None = None
    market_move: float | None = None  # benchmark move in percent over the same sessions
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id,
            "sentence": c.sentence,
            "span": list(c.span),
            "text": c.text,
            "kind": c.kind,
            "entity": c.entity,
            "ticker": c.ticker,
            "metric": c.metric,
            "direction": c.direction,
            "magnitude": c.magnitude,
            "unit": c.unit,
            "currency": c.currency,
            "scale": c.scale,
            "hedge": c.hedge,
            "horizon": c.horizon,
            "start": c.start,
            "end": c.end,
            "verdict": self.verdict,
            "realized": self.realized,
            "basis": self.basis,
            "session": self.session,
            "nominal_session": self.nominal_session,
            "market_move": self.market_move,
            "evidence": self.evidence,
            "explanation": self.explanation,
        }

    def summary(self) -> str:
        return f"[{self.verdict}] {self.claim.describe()}: {self.explanation}"

    __str__ = summary

    def __repr__(self) -> str:
        realized = "" if self.realized is None else f" realized {self.realized:+.2f}"
        where = f" {self.basis} {self.session}" if self.session else ""
        return f"ClaimCheck({self.claim.ticker or '-'} {self.claim.describe()} -> {self.verdict}{realized}{where})"


@dataclass(frozen=True)
class ArticleCheck:
    path: str
    extracted: ExtractedArticle
    checks: tuple[ClaimCheck, ...]

    def to_dict(self) -> dict[str, Any]:
        p = self.extracted.published
        return {
            "path": self.path,
            "published": p.label() if p.start else None,
            "published_how": p.how,
            "published_confidence": p.confidence,
            "language": self.extracted.language,
            "claims": [c.to_dict() for c in self.checks],
        }

    def verdicts(self) -> list[str]:
        return [c.verdict for c in self.checks]


def _ratio_text(ticker: str, twin: str, registry: Registry) -> str:
    """'1 BABA ADS = 8 shares of 9988.HK' from the registry's share ratios."""
    entity = registry.entity_for_ticker(ticker)
    ratios = {x.ticker: x.ratio for x in entity.listings} if entity else {}
    ads = max((ticker, twin), key=lambda t: ratios.get(t, 1.0))
    other = twin if ads == ticker else ticker
    return f"1 {ads} ADS = {ratios.get(ads, 1.0):g} shares of {other}"


def _source_evidence(series: PriceSeries) -> dict[str, Any]:
    """Where a verdict's prices came from: source, price basis, and any coverage notes."""
    return {
        "source": series.describe_source(),
        "price_basis": series.basis,
        "notes": list(series.notes),
    }


def _pct(value: float | None) -> float | None:
    return None if value is None else 100.0 * value


def _d(ts: pd.Timestamp | None) -> str | None:
    return None if ts is None else ts.date().isoformat()


def _signed(value: float) -> str:
    return f"{value:+.2f}%"


@dataclass
class _Tried:
    session: pd.Timestamp
    move: Move
    judgement: Judgement

    def to_dict(self) -> dict[str, Any]:
        return {**self.move.to_dict(), "fit": self.judgement.fit}


class Checker:
    """Tests claims against prices and reported figures. One instance per run (it caches series)."""

    def __init__(
        self,
        settings: Settings | None = None,
        registry: Registry | None = None,
        tolerance: Tolerance = DEFAULT_TOLERANCE,
        figures: ReportedFigures | None = None,
        event_study: bool = True,
        yahoo: Any = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.registry = registry or default_registry()
        self.tolerance = tolerance
        data_fund = self.settings.data_dir / "fundamentals" if self.settings.data_dir else None
        self.figures = figures or load_reported_figures(
            self.settings.fixtures_dir / "fundamentals", data_fund
        )
        self.event_study = event_study
        self.yahoo = yahoo  # a YahooSource (tests pass one with a fake download)
        self._series: dict[tuple[str, dt.date, dt.date], PriceSeries | DataUnavailable] = {}
        self._window: tuple[dt.date, dt.date] = (dt.date(2022, 1, 1), dt.date.today())

    # ---- data ------------------------------------------------------------------------------
    def _needs(self, claim: Claim) -> tuple[dt.date, dt.date]:
        """The dates a claim's check needs: its period, its record window, and about 400 days
        before (the event study's 250-session estimation window), to a week after."""
        dates = [
            dt.date.fromisoformat(d)
            for d in (claim.start, claim.end_earliest, claim.end, claim.record_since)
            if d
        ]
        if not dates:
            return self._window
        return min(dates) - dt.timedelta(days=400), max(dates) + dt.timedelta(days=7)

    def series(self, ticker: str) -> PriceSeries:
        """The ticker's prices over the current claim's window, loaded once per window."""
        lo, hi = self._window
        key = (ticker, lo, hi)
        cached = self._series.get(key)
        if cached is None:
            try:
                cached = load_prices(
                    ticker, lo.isoformat(), hi.isoformat(), self.settings, self.yahoo
                )
            except DataUnavailable as exc:
                cached = exc
            self._series[key] = cached
        if isinstance(cached, DataUnavailable):
            raise cached
        return cached

    # ---- articles --------------------------------------------------------------------------
    def check_article(self, path: str, extracted: ExtractedArticle) -> ArticleCheck:
        done: dict[int, ClaimCheck] = {}
        for claim in extracted.claims:
            done[claim.id] = self.check_claim(claim, extracted.published, done)
        return ArticleCheck(path, extracted, tuple(done[c.id] for c in extracted.claims))

    def check_claim(
        self, claim: Claim, published: Published, done: dict[int, ClaimCheck] | None = None
    ) -> ClaimCheck:
        self._window = self._needs(claim)
        try:
            if claim.kind == "record":
                attached = (
                    (done or {}).get(claim.attached_to) if claim.attached_to is not None else None
                )
                return self._check_record(claim, published, attached)
            if claim.testable == "reported":
                return self._check_reported(claim, published)
            if claim.testable == "none":
                return self._not_testable(claim)
            if claim.kind in {"move", "level"}:
                return self._check_price(claim, published)
            return ClaimCheck(
                claim, "not_a_market_claim", "the number states no move or level of a market figure"
            )
        except DataUnavailable as exc:
            return ClaimCheck(
                claim,
                "insufficient_data",
                f"{claim.ticker} is known, but {exc}",
                evidence={"error": str(exc)},
            )
        except InsufficientDataError as exc:
            return ClaimCheck(
                claim, "insufficient_data", f"{claim.ticker}: {exc}", evidence={"error": str(exc)}
            )

    def _not_testable(self, claim: Claim) -> ClaimCheck:
        why = next((n[len("testable: ") :] for n in claim.notes if n.startswith("testable: ")), "")
        what = claim.metric.replace("_", " ")
        if claim.metric in {"shipments", "market_share", "profit", "market_value"}:
            subject = f"{claim.entity}'s {what}" if claim.entity else what
            return ClaimCheck(
                claim,
                "unverifiable",
                f"The claimed {claim.text} ({subject}) cannot be "
                f"checked: no data source for {what} here.",
                evidence={"reason": why},
            )
        return ClaimCheck(
            claim,
            "not_a_market_claim",
            f"Not a claim about a listed company or index ({why or 'no company or index named'}).",
            evidence={"reason": why},
        )

    # ---- sessions --------------------------------------------------------------------------
    def _candidates(
        self, claim: Claim, published: Published, series: PriceSeries
    ) -> tuple[list[pd.Timestamp], pd.Timestamp | None, str]:
        mic = series.mic
        if claim.end is None:
            raise InsufficientDataError(
                "the claim has no date and the article no publication date; pass --published"
            )
        lo = dt.date.fromisoformat(claim.end_earliest or claim.end)
        hi = dt.date.fromisoformat(claim.end)
        data_last = series.last
        unanchored = claim.dates_how.startswith("no date in the sentence")
        if lo == hi:
            if unanchored and claim.horizon in {"one_day", "intraday"}:
                stamp = (
                    pd.Timestamp(published.time)
                    if published.time
                    else pd.Timestamp(
                        dt.datetime.combine(hi, dt.time(18, 0)),
                        tz=OUTLET_TZ.get(claim.language, "UTC"),
                    )
                )
                nominal = calendars.latest_completed_session(mic, stamp)
                how = (
                    f"latest {mic} session completed at publication "
                    f"({stamp.isoformat() if published.time else f'{hi} 18:00 {OUTLET_TZ.get(claim.language)}, time assumed'})"
                )
            else:
                nominal = calendars.session_on_or_before(mic, hi)
                how = f"the {mic} session on or before {hi}"
            near = [calendars.previous_session(mic, nominal), nominal]
            if published.confidence in {"low", "medium", "none"} or not unanchored:
                near.append(calendars.next_session(mic, nominal))
            candidates = [s for s in near if s <= data_last and s in series.prices.index]
            if nominal not in series.prices.index:
                raise InsufficientDataError(
                    f"no {series.ticker} price for the session {nominal.date()} "
                    f"(data {series.first.date()}..{series.last.date()})"
                )
            return candidates, nominal, how
        sessions = [s for s in calendars.sessions_in_range(mic, lo, hi) if s in series.prices.index]
        if not sessions:
            raise InsufficientDataError(
                f"no {series.ticker} sessions between {lo} and {hi} "
                f"(data {series.first.date()}..{series.last.date()})"
            )
        return sessions, None, f"every {mic} session {lo}..{hi}: the date is known only as a range"

    def _base_session(
        self, claim: Claim, mic: str, end: pd.Timestamp, prices: pd.DataFrame
    ) -> pd.Timestamp:
        start = dt.date.fromisoformat(claim.start) if claim.start else None
        if claim.horizon == "ytd":
            base = calendars.last_session_of_prior_year(mic, start.year)  # type: ignore[union-attr]
        elif claim.horizon in {"mtd", "month"}:
            base = calendars.last_session_before_month(mic, start.year, start.month)  # type: ignore[union-attr]
        elif claim.horizon in {"since", "week", "quarter"}:
            base = calendars.previous_session(mic, start)  # type: ignore[arg-type]
        elif claim.horizon == "n_sessions":
            i = prices.index.get_loc(end)
            base = prices.index[max(0, i - (claim.n_sessions or 1))]
        else:
            base = calendars.previous_session(mic, end)
        if base not in prices.index:
            earlier = prices.index[prices.index <= base]
            if len(earlier) == 0:
                raise InsufficientDataError(f"no price on or before the base session {base.date()}")
            base = earlier[-1]
        return base

    def _measures(self, claim: Claim, series: PriceSeries, session: pd.Timestamp) -> list[Move]:
        prices = series.prices
        if claim.horizon in {"one_day", "intraday", "unspecified", "record"}:
            direction = claim.direction if claim.direction in {"up", "down"} else "up"
            moves = [close_to_close(prices, session), intraday_extreme(prices, session, direction)]
            if claim.direction == "none":
                moves.append(intraday_extreme(prices, session, "down"))
            return moves
        base = self._base_session(claim, series.mic, session, prices)
        return [period_return(prices, base, session, "period_close")]

    def _implied_basis(self, claim: Claim) -> str:
        if claim.horizon == "intraday" or claim.hedge == "up_to":
            return "intraday_low" if claim.direction == "down" else "intraday_high"
        if claim.horizon in {"one_day", "unspecified"}:
            return "close_to_close"
        return "period_close"

    # ---- price claims ----------------------------------------------------------------------
    def _try(
        self, claim: Claim, series: PriceSeries, sessions: Iterable[pd.Timestamp]
    ) -> list[_Tried]:
        tried = []
        for s in sessions:
            for move in self._measures(claim, series, s):
                judgement = self.tolerance.judge(
                    100 * move.value,
                    claim.magnitude or 0.0,
                    claim.precision or 0,
                    claim.hedge,
                    claim.direction,
                )
                tried.append(_Tried(s, move, judgement))
        return tried

    def _check_price(self, claim: Claim, published: Published) -> ClaimCheck:
        if claim.kind == "level":
            return self._check_level(claim, published)
        assert claim.ticker is not None
        series = self.series(claim.ticker)
        candidates, nominal, how = self._candidates(claim, published, series)
        tried = self._try(claim, series, candidates)
        implied = self._implied_basis(claim)
        firm = (
            published.confidence in {"given", "high"} and not claim.dates_how.startswith("no date")
        ) or (published.confidence in {"given", "high"} and published.exact)

        def pick(fits: set[str], basis_ok, session_ok) -> _Tried | None:
            found = [
                t
                for t in tried
                if t.judgement.fit in fits and basis_ok(t.move.basis) and session_ok(t.session)
            ]
            if not found:
                return None
            return min(
                found,
                key=lambda t: (
                    t.session != nominal,
                    abs(100 * abs(t.move.value) - (claim.magnitude or 0)),
                ),
            )

        at_nominal = (lambda s: s == nominal) if nominal is not None else (lambda s: True)
        same_basis = lambda b: b == implied  # noqa: E731
        other_basis = lambda b: b != implied  # noqa: E731
        anywhere = lambda s: True  # noqa: E731
        verdict, chosen, reason = None, None, ""
        if t := pick({"exact"}, same_basis, at_nominal):
            verdict, chosen = "correct", t
        elif t := pick({"band"}, same_basis, at_nominal):
            verdict, chosen, reason = "mostly_correct", t, "within the band for vendor differences"
        elif t := pick({"exact", "band"}, other_basis, at_nominal):
            verdict, chosen = "misleading", t
            reason = f"the wording implies {_BASIS_WORDS[implied]}"
        elif nominal is not None and (t := pick({"exact", "band"}, same_basis, anywhere)):
            verdict = "misleading" if firm else "mostly_correct"
            chosen = t
            reason = (
                f"the number fits the session {t.session.date()}, not the nominal "
                f"{nominal.date()}" + ("" if firm else " (the article's date is not firm)")
            )
        elif t := pick({"far"}, same_basis, at_nominal):
            verdict, chosen = "misleading", t
            reason = f"true, but the move was far larger than '{claim.hedge.replace('_', ' ')} {claim.magnitude:g}%'"
        twin_info = self._twin(claim, series, candidates, nominal)
        if verdict is None and twin_info and twin_info.get("fits"):
            named = claim.listing_reason.startswith("the text names it")
            verdict = "misleading" if named else "mostly_correct"
            reason = (
                f"the number fits the other listing {twin_info['ticker']} "
                f"({twin_info['fits']}), not {claim.ticker}"
            )
        reference = chosen or self._reference(tried, nominal, implied)
        if verdict is None:
            verdict = "false"
            wrong = reference is not None and reference.judgement.fit == "wrong_direction"
            reason = (
                "the direction is wrong"
                if wrong
                else "outside the tolerance on every basis and session tried"
            )
        return self._price_result(
            claim,
            series,
            verdict,
            reason,
            reference,
            chosen,
            tried,
            candidates,
            nominal,
            how,
            implied,
            twin_info,
        )

    def _reference(
        self, tried: list[_Tried], nominal: pd.Timestamp | None, implied: str
    ) -> _Tried | None:
        same = [t for t in tried if t.move.basis == implied]
        if nominal is not None:
            at = [t for t in same if t.session == nominal]
            if at:
                return at[0]
        return same[-1] if same else (tried[-1] if tried else None)

    def _twin(
        self,
        claim: Claim,
        series: PriceSeries,
        candidates: list[pd.Timestamp],
        nominal: pd.Timestamp | None,
    ) -> dict[str, Any] | None:
        twin = self.registry.twin_of(claim.ticker or "")
        if twin is None:
            return None
        try:
            twin_series = self.series(twin.ticker)
        except ImpactError as exc:
            return {"ticker": twin.ticker, "error": str(exc)}
        sessions = []
        for s in candidates:
            t = (
                calendars.session_on_or_after(twin.mic, s)
                if twin.mic == "XNYS" and series.mic != "XNYS"
                else calendars.next_session(twin.mic, s)
                if series.mic == "XNYS" and twin.mic != "XNYS"
                else s
            )
            if t in twin_series.prices.index and t not in sessions:
                sessions.append(t)
        twin_claim = claim
        tried = self._try(twin_claim, twin_series, sessions)
        implied = self._implied_basis(claim)
        fits = [
            t for t in tried if t.judgement.fit in {"exact", "band"} and t.move.basis == implied
        ]
        mapped = None
        if nominal is not None:
            m = (
                calendars.session_on_or_after(twin.mic, nominal)
                if twin.mic == "XNYS" and series.mic != "XNYS"
                else calendars.next_session(twin.mic, nominal)
                if series.mic == "XNYS"
                else nominal
            )
            mapped = next((t for t in tried if t.session == m and t.move.basis == implied), None)
        return {
            "ticker": twin.ticker,
            "currency": twin.currency,
            "ratio": _ratio_text(claim.ticker or "", twin.ticker, self.registry),
            "source": twin_series.describe_source(),
            "matching_session": _d(mapped.session) if mapped else None,
            "move_pct": _pct(mapped.move.value) if mapped else None,
            "fits": ", ".join(f"{_d(t.session)} {_signed(100 * t.move.value)}" for t in fits)
            or None,
        }

    def _market(self, claim: Claim, series: PriceSeries, move: Move) -> dict[str, Any] | None:
        benchmark = self.registry.benchmark_for(series.ticker, series.mic)
        if benchmark is None:
            return None
        try:
            bench = self.series(benchmark)
            prices = bench.prices
            if move.basis in {"close_to_close", "intraday_high", "intraday_low"}:
                bm = close_to_close(prices, move.end_session)
            else:
                base = prices.index[prices.index <= move.base_session][-1]
                bm = period_return(prices, base, move.end_session, "period_close")
        except (ImpactError, IndexError) as exc:
            return {"ticker": benchmark, "error": str(exc).splitlines()[0]}
        stock = (
            close_to_close(series.prices, move.end_session)
            if move.basis.startswith("intraday")
            else move
        )
        return {
            "ticker": benchmark,
            "move_pct": _pct(bm.value),
            "base_session": _d(bm.base_session),
            "end_session": _d(bm.end_session),
            "stock_pct": _pct(stock.value),
            "market_adjusted_pct": _pct(stock.value - bm.value),
            "source": bench.describe_source(),
        }

    def _price_result(
        self,
        claim: Claim,
        series: PriceSeries,
        verdict: str,
        reason: str,
        reference: _Tried | None,
        chosen: _Tried | None,
        tried: list[_Tried],
        candidates: list[pd.Timestamp],
        nominal: pd.Timestamp | None,
        how: str,
        implied: str,
        twin_info: dict[str, Any] | None,
    ) -> ClaimCheck:
        move = reference.move if reference else None
        market = self._market(claim, series, move) if move else None
        judgement = reference.judgement if reference else None
        unit = "%"
        evidence: dict[str, Any] = {
            **_source_evidence(series),
            "sessions": {
                "nominal": _d(nominal),
                "how": how,
                "candidates": [_d(s) for s in candidates],
            },
            "implied_basis": implied,
            "tried": [t.to_dict() for t in tried],
            "tolerance": {
                "hedge": claim.hedge,
                "correct": judgement.correct.label(unit) if judgement else None,
                "mostly_correct": judgement.band.label(unit) if judgement else None,
            },
            "market": market,
            "twin": twin_info,
        }
        if self.event_study and move is not None:
            evidence["event_study"] = self._abnormal(series, move)
        explanation = self._explain(claim, series, verdict, reason, chosen, tried, nominal, implied)
        return ClaimCheck(
            claim,
            verdict,
            explanation,
            realized=_pct(move.value) if move else None,
            basis=move.basis if move else None,
            session=_d(move.end_session) if move else None,
            nominal_session=_d(nominal),
            market_move=market.get("move_pct") if market else None,
            evidence=evidence,
        )

    def _abnormal(self, series: PriceSeries, move: Move) -> dict[str, Any] | None:
        """The market-model abnormal return on the matched session (filled in by the event study)."""
        try:
            from impact.eventstudy import abnormal_return_for
        except ImportError:
            return None
        benchmark = self.registry.benchmark_for(series.ticker, series.mic)
        if benchmark is None:
            return None
        try:
            return abnormal_return_for(series, self.series(benchmark), move.end_session)
        except ImpactError as exc:
            return {"error": str(exc)}

    def _explain(
        self,
        claim: Claim,
        series: PriceSeries,
        verdict: str,
        reason: str,
        chosen: _Tried | None,
        tried: list[_Tried],
        nominal: pd.Timestamp | None,
        implied: str,
    ) -> str:
        """One sentence a journalist could quote."""
        name = f"{claim.entity} ({series.ticker})"
        claimed = f"{claim.hedge.replace('_', ' ') + ' ' if claim.hedge != 'exact' else ''}{claim.magnitude:g}%"

        def said(t: _Tried) -> str:
            m = t.move
            if m.basis == "period_close":
                return f"{_signed(100 * m.value)} from the close of {m.base_session.date()} to {m.end_session.date()}"
            return f"{_signed(100 * m.value)} ({_BASIS_WORDS[m.basis]}) on {m.end_session.date()}"

        same = [t for t in tried if t.move.basis == implied]
        at_nominal = next((t for t in same if t.session == nominal), None)
        if chosen is None and at_nominal is None and not same:
            return f"{name}: nothing could be measured for the claimed {claimed}."
        if (
            verdict in {"correct", "mostly_correct"}
            and chosen is not None
            and chosen.move.basis == implied
            and (nominal is None or chosen.session == nominal)
        ):
            extra = ""
            if nominal is None:
                fits = sorted({t.session for t in same if t.judgement.fit == chosen.judgement.fit})
                total = len({t.session for t in same})
                extra = (
                    f"; it holds on {len(fits)} of {total} candidate sessions "
                    f"({fits[0].date()}..{fits[-1].date()}), the article's date being a range"
                )
            verb = "bears out" if verdict == "correct" else "is close to"
            return f"{name} moved {said(chosen)}, which {verb} the claimed {claimed}{extra}."
        if chosen is not None and verdict in {"misleading", "mostly_correct"}:
            actual = ""
            if at_nominal is not None and at_nominal is not chosen:
                actual = f"; on that basis it moved {_signed(100 * at_nominal.move.value)} on {at_nominal.session.date()}"
            return f"{name}: the claimed {claimed} matches {said(chosen)}, but {reason}{actual}."
        if verdict in {"misleading", "mostly_correct"}:
            return f"{name}: {reason}; on {_BASIS_WORDS[implied]} it moved {said(at_nominal or same[-1])}."
        if nominal is None and same:
            vals = [100 * t.move.value for t in same]
            return (
                f"{name} moved between {_signed(min(vals))} and {_signed(max(vals))} "
                f"({_BASIS_WORDS[implied]}) on the {len({t.session for t in same})} candidate sessions; "
                f"the claimed {claimed} is not among them ({reason})."
            )
        ref = at_nominal or same[-1]
        others = [t for t in tried if t.session == ref.session and t is not ref]
        other_text = "".join(
            f"; {_BASIS_WORDS[t.move.basis]}: {_signed(100 * t.move.value)}" for t in others
        )
        return f"{name} moved {said(ref)}, not the claimed {claimed} ({reason}{other_text})."

    def _check_level(self, claim: Claim, published: Published) -> ClaimCheck:
        assert claim.ticker is not None
        series = self.series(claim.ticker)
        candidates, nominal, how = self._candidates(claim, published, series)
        currency_ok = claim.unit == "points" or claim.currency == series.currency
        if not currency_ok:
            return ClaimCheck(
                claim,
                "unverifiable",
                f"the level is stated in {claim.currency}, but "
                f"{claim.ticker} trades in {series.currency}",
                evidence={"source": series.describe_source()},
            )
        tried = []
        for s in candidates:
            close = float(series.prices.loc[s, "Close"])
            j = self.tolerance.judge(
                close / claim.scale,
                claim.magnitude or 0.0,
                claim.precision or 0,
                claim.hedge,
                absolute_band=False,
            )
            tried.append((s, close, j))
        at = (
            next(((s, c, j) for s, c, j in tried if s == nominal), None)
            if nominal is not None
            else None
        )
        exact = [x for x in tried if x[2].fit == "exact"]
        band = [x for x in tried if x[2].fit == "band"]
        if (at and at[2].fit == "exact") or (nominal is None and exact):
            verdict = "correct"
        elif (at and at[2].fit == "band") or (nominal is None and band):
            verdict = "mostly_correct"
        elif exact or band:
            verdict = (
                "mostly_correct" if published.confidence not in {"given", "high"} else "misleading"
            )
        else:
            verdict = "false"
        ref = at or (exact or band or tried)[0]
        note = (
            " (prices are Yahoo-adjusted: levels sit below traded prices before later dividends)"
            if series.basis == "adjusted"
            else ""
        )
        explanation = (
            f"{claim.entity} ({claim.ticker}) closed at {ref[1]:,.2f} {series.currency if claim.unit != 'points' else 'points'} on "
            f"{ref[0].date()}; the claim says {claim.magnitude:g}{' ' + claim.currency if claim.currency else ''}{note}."
        )
        return ClaimCheck(
            claim,
            verdict,
            explanation,
            realized=ref[1] / claim.scale,
            basis="close_level",
            session=_d(ref[0]),
            nominal_session=_d(nominal),
            evidence={
                **_source_evidence(series),
                "sessions": {
                    "nominal": _d(nominal),
                    "how": how,
                    "candidates": [_d(s) for s in candidates],
                },
                "tried": [{"session": _d(s), "close": c, "fit": j.fit} for s, c, j in tried],
                "tolerance": {
                    "correct": ref[2].correct.label(),
                    "mostly_correct": ref[2].band.label(),
                },
            },
        )

    # ---- records ---------------------------------------------------------------------------
    def _check_record(
        self, claim: Claim, published: Published, move_check: ClaimCheck | None
    ) -> ClaimCheck:
        if claim.testable != "market" or claim.ticker is None:
            return self._not_testable(claim)
        series = self.series(claim.ticker)
        if move_check is not None and move_check.session:
            session = pd.Timestamp(move_check.session)
            primary = move_check.basis or "close_to_close"
            how = f"the session and basis of the attached move (claim {move_check.claim.id})"
        else:
            _, nominal, how = self._candidates(claim, published, series)
            if nominal is None:
                raise InsufficientDataError("the record's session is not known")
            session, primary = nominal, "close_to_close"
        if primary not in {"close_to_close", "intraday_high", "intraday_low"}:
            primary = "close_to_close"
        since = pd.Timestamp(claim.record_since)
        if series.first > since:
            raise InsufficientDataError(
                f"{claim.ticker} data start {series.first.date()}, after {since.date()}"
            )
        direction = claim.direction if claim.direction in {"up", "down"} else "up"
        if claim.record_basis == "level":
            return self._check_level_record(claim, series, session, since, direction, how)
        bases = [primary] + [
            b
            for b in ("close_to_close", "intraday_high" if direction == "up" else "intraday_low")
            if b != primary
        ]
        ranks = {
            b: rank_move(
                series.prices,
                session,
                since,
                "close_to_close" if b == "close_to_close" else "intraday",
                direction,
            )
            for b in bases
        }
        first = ranks[primary]
        if first.rank == 1:
            verdict = "correct"
            reason = (
                f"no session since {since.date()} moved as much ({first.sessions} sessions, "
                f"{_BASIS_WORDS[primary]})"
            )
        elif any(r.rank == 1 for b, r in ranks.items() if b != primary):
            other = next(b for b, r in ranks.items() if r.rank == 1 and b != primary)
            verdict = "misleading"
            reason = f"a record only on {_BASIS_WORDS[other]}; on {_BASIS_WORDS[primary]} it ranks {first.rank}"
        else:
            verdict = "false"
            larger = ", ".join(f"{d} {_signed(100 * v)}" for d, v in first.larger[:3])
            reason = (
                f"it ranks {first.rank} of {first.sessions} sessions since {since.date()} on "
                f"{_BASIS_WORDS[primary]}; larger: {larger}"
            )
        own = ranks[primary]
        last_before = own.last_larger_before
        context = (
            f"; the last larger move before {since.date()} was on {last_before[0]} ({_signed(100 * last_before[1])})"
            if last_before
            else f"; no larger move in the data before {since.date()}"
        )
        explanation = f"{claim.entity} ({claim.ticker}) on {session.date()}: {reason}{context}."
        return ClaimCheck(
            claim,
            verdict,
            explanation,
            realized=None,
            basis=primary,
            session=_d(session),
            nominal_session=_d(session),
            evidence={
                **_source_evidence(series),
                "how": how,
                "ranks": {
                    b: {
                        "rank": r.rank,
                        "sessions": r.sessions,
                        "since": _d(r.since),
                        "larger": [{"session": d, "move_pct": 100 * v} for d, v in r.larger[:10]],
                        "last_larger_before": (
                            None
                            if r.last_larger_before is None
                            else {
                                "session": r.last_larger_before[0],
                                "move_pct": 100 * r.last_larger_before[1],
                            }
                        ),
                    }
                    for b, r in ranks.items()
                },
            },
        )

    def _check_level_record(
        self,
        claim: Claim,
        series: PriceSeries,
        session: pd.Timestamp,
        since: pd.Timestamp,
        direction: str,
        how: str,
    ) -> ClaimCheck:
        """'Höchster Stand seit 2022': no close since ``since`` above (below) the session's close."""
        closes = series.prices["Close"].loc[since:session]
        if session not in closes.index:
            raise InsufficientDataError(f"no {claim.ticker} close on {session.date()}")
        target = closes.loc[session]
        beyond = closes[closes > target] if direction == "up" else closes[closes < target]
        word = "higher" if direction == "up" else "lower"
        if beyond.empty:
            verdict = "correct"
            reason = f"no close since {since.date()} was {word} ({len(closes)} sessions)"
        else:
            verdict = "false"
            top = beyond.sort_values(ascending=direction != "up").head(3)
            reason = f"{len(beyond)} closes since {since.date()} were {word}, e.g. " + ", ".join(
                f"{d.date()} {v:,.2f}" for d, v in top.items()
            )
        return ClaimCheck(
            claim,
            verdict,
            f"{claim.entity} ({claim.ticker}) closed at {target:,.2f} on "
            f"{session.date()}: {reason} ({series.basis} prices).",
            realized=float(target),
            basis="close_level",
            session=_d(session),
            nominal_session=_d(session),
            evidence={
                **_source_evidence(series),
                "how": how,
                "closes_beyond": len(beyond),
                "sessions": len(closes),
            },
        )

    # ---- reported figures ------------------------------------------------------------------
    def _check_reported(self, claim: Claim, published: Published) -> ClaimCheck:
        entity = claim.entity or ""
        segment = claim.segment or "Total"
        if claim.metric == "profit" or not self.figures.segments(entity):
            return ClaimCheck(
                claim,
                "unverifiable",
                f"no reported {claim.metric.replace('_', ' ')} figures "
                f"for {entity or 'this company'} in fixtures/fundamentals or the data dir",
            )
        asof = published.end or dt.date.today()
        if claim.horizon in {"quarter", "quarter_yoy"} and claim.end:
            end = dt.date.fromisoformat(claim.end)
            figure = next(
                (
                    r
                    for r in sorted(self.figures.rows, key=lambda r: r.period_end, reverse=True)
                    if r.entity == entity
                    and r.segment == segment
                    and r.period_end <= end
                    and (end - r.period_end).days < 92
                ),
                None,
            )
        elif claim.fiscal_quarter:
            candidates = [
                r
                for r in self.figures.rows
                if r.entity == entity
                and r.segment == segment
                and r.period.endswith(f"Q{claim.fiscal_quarter}")
                and r.reported <= asof
            ]
            figure = max(candidates, key=lambda r: r.reported) if candidates else None
        else:
            figure = self.figures.latest(entity, segment, asof)
        if figure is None:
            return ClaimCheck(
                claim,
                "unverifiable",
                f"no reported figure for {entity} {segment} on or before {asof}",
            )
        segment_label = "total" if segment == "Total" else segment
        base = self.figures.year_before(figure)
        total = self.figures.find(entity, "Total", figure.period, figure.metric)
        evidence: dict[str, Any] = {
            "source": figure.source,
            "period": figure.period,
            "period_end": figure.period_end.isoformat(),
            "reported": figure.reported.isoformat(),
            "segment": segment,
            "value": figure.value,
            "currency": figure.currency,
            "how": f"the latest {entity} {segment} figure reported on or before {asof}",
        }
        if published.start and self.figures.latest(entity, segment, published.start) not in (
            figure,
            None,
        ):
            evidence["note"] = "another period would be the latest at the earliest publication date"
        if claim.kind == "share":
            if total is None:
                return ClaimCheck(
                    claim,
                    "unverifiable",
                    f"no {entity} total for {figure.period}",
                    evidence=evidence,
                )
            realized = 100 * figure.value / total.value
            judgement = self.tolerance.judge(
                realized, claim.magnitude or 0.0, claim.precision or 0, claim.hedge
            )
            what = (
                f"{segment} was {realized:.2f}% of {entity}'s total net sales in {figure.period} "
                f"({figure.value / 1e9:.3f} of {total.value / 1e9:.3f} billion {figure.currency})"
            )
            evidence["total"] = total.value
        elif claim.kind == "level":
            if claim.currency and claim.currency != figure.currency:
                return ClaimCheck(
                    claim,
                    "misleading",
                    f"the figure is reported in {figure.currency}, the claim says {claim.currency}",
                    evidence=evidence,
                )
            realized = figure.value / claim.scale
            judgement = self.tolerance.judge(
                realized,
                claim.magnitude or 0.0,
                claim.precision or 0,
                claim.hedge,
                absolute_band=False,
            )
            what = f"{entity}'s {segment_label} net sales were {figure.value / 1e9:.3f} billion {figure.currency} in {figure.period}"
        else:
            if base is None:
                return ClaimCheck(
                    claim,
                    "unverifiable",
                    f"no {entity} {segment} figure a year before {figure.period}",
                    evidence=evidence,
                )
            realized = 100 * (figure.value / base.value - 1)
            judgement = self.tolerance.judge(
                realized, claim.magnitude or 0.0, claim.precision or 0, claim.hedge, claim.direction
            )
            what = (
                f"{entity}'s {segment_label} net sales changed {_signed(realized)} year on year in "
                f"{figure.period} ({base.value / 1e9:.3f} -> {figure.value / 1e9:.3f} billion {figure.currency})"
            )
            evidence["base_period"] = base.period
            evidence["base_value"] = base.value
        evidence["tolerance"] = {
            "hedge": claim.hedge,
            "correct": judgement.correct.label(),
            "mostly_correct": judgement.band.label(),
        }
        verdict = {"exact": "correct", "band": "mostly_correct", "far": "misleading"}.get(
            judgement.fit, "false"
        )
        reason = {
            "correct": "bears out",
            "mostly_correct": "is close to",
            "misleading": "is far beyond",
            "false": "does not bear out",
        }[verdict]
        claimed = f"{claim.hedge.replace('_', ' ') + ' ' if claim.hedge != 'exact' else ''}{claim.magnitude:g}"
        explanation = (
            f"{what}, which {reason} the claimed {claimed}{'%' if claim.unit == 'percent' else ''}."
        )
        return ClaimCheck(
            claim,
            verdict,
            explanation,
            realized=realized,
            basis="reported",
            session=figure.period_end.isoformat(),
            evidence=evidence,
        )
