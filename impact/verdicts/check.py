"""Stage 3-4: test each claim against the data and decide, with the evidence.

A claim goes down one path: not testable (unverifiable or not a market claim, said why); a
reported figure (reported.py); a record (records.py, on the session of the move it qualifies);
a move (moves.py) or a level (levels.py) on its market window (window.py). Data that cannot be
had makes the claim ``insufficient_data``, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from impact.articles import Article
from impact.claims.extract import ExtractedArticle, extract_article
from impact.claims.model import Claim, Published, testable_reason
from impact.config import Settings
from impact.errors import DataUnavailable, InsufficientDataError, NotASessionError
from impact.fundamentals import ReportedFigures, load_reported_figures
from impact.measures import Move
from impact.prices import PriceSeries
from impact.registry import Registry, default_registry
from impact.tolerance import DEFAULT_TOLERANCE, Tolerance
from impact.verdicts.context import abnormal_return, market_move, twin_move
from impact.verdicts.evidence import (
    Failure,
    MarketMove,
    MoveEvidence,
    NotTestable,
    PriceSource,
    ToleranceShown,
    TwinMove,
)
from impact.verdicts.explain import move_explanation, move_reason, realized
from impact.verdicts.intraday import (
    after_close,
    check_after_hours,
    check_snapshot,
    extreme_so_far,
    flat_session,
)
from impact.verdicts.levels import check_level
from impact.verdicts.model import ArticleCheck, ClaimCheck, Verdict
from impact.verdicts.moves import judge_move, try_sessions
from impact.verdicts.quoted import quoted_prices
from impact.verdicts.records import check_record
from impact.verdicts.reported import check_reported
from impact.verdicts.window import MarketWindow, PriceBook, build_window

__all__ = ["Checker", "check_articles"]

_NO_SOURCE = {"shipments", "market_share", "profit", "market_value"}


@dataclass
class Checker:
    """What a run checks with: settings, registry, tolerance, reported figures, and the price
    book that loads each series once. One instance per run; it holds no per-claim state."""

    settings: Settings = field(default_factory=Settings.from_env)
    registry: Registry = field(default_factory=default_registry)
    tolerance: Tolerance = DEFAULT_TOLERANCE
    figures: ReportedFigures | None = None
    event_study: bool = True
    yahoo: object = None  # a YahooSource (tests pass one with a fake download)
    book: PriceBook = field(init=False)

    def __post_init__(self) -> None:
        if self.figures is None:
            data_fund = self.settings.data_dir / "fundamentals" if self.settings.data_dir else None
            self.figures = load_reported_figures(
                self.settings.fixtures_dir / "fundamentals", data_fund
            )
        self.book = PriceBook(self.settings, self.yahoo)
        self._ar_memo: dict[tuple[object, ...], object] = {}

    def check_article(self, path: str, extracted: ExtractedArticle) -> ArticleCheck:
        """Every claim of an extracted article, in order (records after the move they qualify)."""
        done: dict[int, ClaimCheck] = {}
        for claim in extracted.claims:
            done[claim.id] = self.check_claim(claim, done)
        return ArticleCheck(path, extracted, tuple(done[c.id] for c in extracted.claims))

    def check_claim(self, claim: Claim, done: dict[int, ClaimCheck] | None = None) -> ClaimCheck:
        """One claim's verdict (``done``: the article's claims checked so far, for records)."""
        try:
            if claim.kind == "record":
                attached = (
                    (done or {}).get(claim.attached_to) if claim.attached_to is not None else None
                )
                if claim.testable != "market" or claim.ticker is None:
                    return _not_testable(claim)
                own_sessions = attached is None or not attached.session
                window = build_window(
                    claim, self.book, self.registry, sessions=own_sessions, context=False
                )
                if claim.unit == "money":  # "erstmals über 1000 Dollar"
                    window = self._as_quoted(claim, window)
                return check_record(claim, window, attached)
            if claim.testable == "reported":
                assert self.figures is not None
                return check_reported(claim, self.figures, self.tolerance)
            if claim.testable == "none":
                return _not_testable(claim)
            if claim.kind in {"level", "move"}:
                if claim.dates.missing in {"date", "listing"}:  # no real date, or the IPO's
                    why = f"{claim.ticker}: {claim.dates_how}"
                    return ClaimCheck(claim, Verdict.INSUFFICIENT_DATA, why, evidence=Failure(why))
                return self._check_price(claim, self._window(claim))
            return ClaimCheck(
                claim,
                Verdict.NOT_A_MARKET_CLAIM,
                "the number states no move or level of a market figure",
            )
        except DataUnavailable as exc:
            text = f"{claim.ticker} is known, but {exc}"
            return ClaimCheck(claim, Verdict.INSUFFICIENT_DATA, text, evidence=Failure(str(exc)))
        except (InsufficientDataError, NotASessionError) as exc:
            text = f"{claim.ticker}: {exc}"
            return ClaimCheck(claim, Verdict.INSUFFICIENT_DATA, text, evidence=Failure(str(exc)))

    def _abnormal_return(self, series: PriceSeries, window: MarketWindow, move: Move) -> object:
        """context.abnormal_return, computed once per series, benchmark and session."""
        bench = window.benchmark
        key = (
            _series_key(series),
            _series_key(bench) if isinstance(bench, PriceSeries) else repr(bench),
            move.end_session,
        )
        if key not in self._ar_memo:
            self._ar_memo[key] = abnormal_return(series, window, move)
        return self._ar_memo[key]

    def _window(self, claim: Claim) -> MarketWindow:
        return build_window(claim, self.book, self.registry)

    def _check_price(self, claim: Claim, window: MarketWindow) -> ClaimCheck:
        """A move or level: out of session and mid-session prints first (intraday.py)."""
        if claim.basis_cue == "after_hours":
            return check_after_hours(claim, window)
        flat = flat_session(window)
        if flat is not None:
            text = (
                f"{claim.ticker}: the data row of {flat.date()} is suspect (High = Low = Close, "
                "volume 0: no trading recorded on a trading day), so the session cannot be judged"
            )
            return ClaimCheck(claim, Verdict.INSUFFICIENT_DATA, text, evidence=Failure(text))
        about_today = claim.unanchored or claim.dates.rule == "today"
        mid_session = about_today and not after_close(claim, window)
        early = _EARLY_PRINT.search(claim.sentence) is not None  # of any day: not its close
        if claim.basis_cue == "snapshot" and (mid_session or early):
            return check_snapshot(claim, window, self.tolerance)
        if claim.basis_cue == "extreme" and claim.during_session and mid_session:
            so_far = extreme_so_far(claim, window, self.tolerance)
            if so_far is not None:
                return so_far
        if claim.kind == "level":
            return check_level(claim, window, self.tolerance, self.book)
        if claim.unit == "money":  # "fallen $1.92": a difference of prices as traded then
            window = self._as_quoted(claim, window)
        return self._check_move(claim, window)

    def _as_quoted(self, claim: Claim, window: MarketWindow) -> MarketWindow:
        """The window with prices as traded on their day: a figure in money was written with
        them (verdicts/quoted.py)."""
        quoted = quoted_prices(window.series, claim.published.end, self.book)
        return replace(window, series=quoted.series)

    def _check_move(self, claim: Claim, window: MarketWindow) -> ClaimCheck:
        series, sessions = window.series, window.sessions
        assert sessions is not None
        tried = try_sessions(claim, series, sessions.candidates, self.tolerance)
        twin = twin_move(claim, window, self.registry, self.tolerance)
        twin_fits = isinstance(twin, TwinMove) and bool(twin.fits)
        out = judge_move(claim, tried, sessions, twin_fits)
        twin_shown = twin if isinstance(twin, TwinMove) else None
        reason = move_reason(claim, out, sessions.nominal, twin_shown)
        move = out.reference.move if out.reference else None
        market = market_move(window, move) if move else None
        judgement = out.reference.judgement if out.reference else None
        evidence = MoveEvidence(
            PriceSource.of(series),
            sessions.shown(),
            out.implied,
            tried,
            ToleranceShown.of(judgement, claim.hedge, "%"),
            market,
            twin,
            self._abnormal_return(series, window, move) if self.event_study and move else None,
            with_event_study=self.event_study and move is not None,
        )
        explanation = move_explanation(claim, series.ticker, out, sessions, reason)
        return ClaimCheck(
            claim,
            Verdict(out.verdict),
            explanation,
            realized=realized(claim, move) if move else None,
            basis=move.basis if move else None,
            session=move.end_session.date() if move else None,
            nominal_session=None if sessions.nominal is None else sessions.nominal.date(),
            market_move=market.move_pct if isinstance(market, MarketMove) else None,
            evidence=evidence,
            window=window,
        )


def _series_key(series: PriceSeries) -> tuple[object, ...]:
    """What identifies a loaded series' values: ticker, source and the sessions it holds."""
    if not len(series.prices):
        return (series.ticker, series.origin, 0)
    return (series.ticker, series.origin, series.first, series.last, len(series.prices))


# a print from early in a session ("am Donnerstag im frühen Handel"), whichever day it names
_EARLY_PRINT = re.compile(
    r"(?<!\w)(?:im frühen (?:Handel|Geschäft)|am (?:frühen )?Vormittag|am Mittag|zur Mittagspause|"
    r"kurz nach (?:Handelsbeginn|Börsenstart|der Eröffnung)|in (?:early|morning|midday) trad(?:e|ing)|"
    r"(?:at|by) midday|\d{1,2}[:.]\d{2}\s*(?:a\.m\.|Uhr))(?!\w)",
    re.IGNORECASE,
)


def _not_testable(claim: Claim) -> ClaimCheck:
    why = testable_reason(claim)
    what = claim.metric.replace("_", " ")
    price = claim.metric in {"share_price", "index_level"} and claim.kind in {"move", "level"}
    if claim.entity_how == "other_asset":  # "Brent crude fell nearly 10%": a market, not ours
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"The claimed {claim.text} is about {claim.entity_cue}, a commodity, currency or bond: "
            "no prices for it here.",
            evidence=NotTestable(why),
        )
    if price and claim.testable_why == "no_entity":
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"The claimed {claim.text} is a price figure, but no company or index it is about is "
            "named in the article.",
            evidence=NotTestable(why),
        )
    if claim.testable_why == "venue_not_listed":
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"The claimed {claim.text} is about {claim.entity}'s shares on a venue with no prices "
            f"here ({why}).",
            evidence=NotTestable(why),
        )
    if claim.metric in _NO_SOURCE:
        subject = f"{claim.entity}'s {what}" if claim.entity else what
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"The claimed {claim.text} ({subject}) cannot be checked: no data source for "
            f"{what} here.",
            evidence=NotTestable(why),
        )
    return ClaimCheck(
        claim,
        Verdict.NOT_A_MARKET_CLAIM,
        f"Not a claim about a listed company or index ({why or 'no company or index named'}).",
        evidence=NotTestable(why),
    )


def check_articles(
    articles: Iterable[Article | str],
    *,
    published: str | Published | None = None,
    lang: str | None = None,
    checker: Checker | None = None,
) -> list[ArticleCheck]:
    """Extract and check every claim of each article (an :class:`Article` or a text).

    ``published`` applies to every article (a date, a month or an ISO timestamp); by default
    each article's date is found in its text. One checker serves the whole run, so each price
    series is loaded once.
    """
    checker = checker or Checker()
    out = []
    for n, article in enumerate(articles):
        if not isinstance(article, Article):
            article = Article(f"<text {n}>", article)
        extracted = extract_article(
            article.text, published, lang, checker.registry, title=article.title
        )
        out.append(checker.check_article(article.path, extracted))
    return out
