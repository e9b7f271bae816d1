"""Price levels ("schloss bei 252 Hongkong-Dollar", "to 15,196 points", "a day low of $88.10",
"opened at HK$254"): the session's price against the stated value, with the rounding interval
(or the hedge's interval: "über 100 Dollar") and a relative band.

The price compared: the day's high for an extreme level stated upwards ("rose to as high as"),
its low downwards ("day low", "bis auf"), both when no direction is stated; the open for an
opening price; a high or low named with no time of day ("die Rekordmarke von 6147 Zählern"): the
close or the day's high (low); otherwise the close. ``correct`` when the price at the nominal session (or one as
fair; any session for a range) is inside the interval, ``mostly_correct`` inside the band; a
match only at another session is ``mostly_correct`` when the publication date is not firm,
else ``misleading``; otherwise ``false``. A level in another currency than the listing's is
``unverifiable``; a bare "$" or "Dollar" for a Hong Kong listing is read as Hong Kong dollars, and
pounds and pence are converted (the verdict says so).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from impact.claims.model import Claim
from impact.listings import in_major_unit
from impact.tolerance import Tolerance
from impact.verdicts.evidence import (
    LevelEvidence,
    LevelTry,
    PriceSource,
    SourceOnly,
    ToleranceShown,
)
from impact.verdicts.model import ClaimCheck, Verdict
from impact.verdicts.quoted import quoted_prices
from impact.verdicts.sessions import SessionChoice
from impact.verdicts.window import MarketWindow

__all__ = ["check_level", "level_columns"]

_WORDS = {"Close": "closed at", "High": "reached a high of", "Low": "fell to a low of"}
_WORDS["Open"] = "opened at"


def level_columns(claim: Claim) -> tuple[str, ...]:
    """The price columns a level claim is compared with (module docstring)."""
    if claim.basis_cue == "extreme" or claim.hedge == "up_to":
        return {"up": ("High",), "down": ("Low",)}.get(claim.direction, ("High", "Low"))
    if claim.basis_cue == "open":
        return ("Open",)
    if claim.basis_cue != "close" and claim.hedge == "exact" and claim.direction in {"up", "down"}:
        return ("Close", "High" if claim.direction == "up" else "Low")  # "die Rekordmarke von"
    return ("Close",)


def _verdict(tried: list[LevelTry], sessions: SessionChoice, firm: bool) -> Verdict:
    at = [t for t in tried if sessions.is_nominal(pd.Timestamp(t.session))]
    fits = {t.fit for t in tried}
    at_fits = {t.fit for t in at}
    if "exact" in at_fits:
        return Verdict.CORRECT
    if "band" in at_fits:
        return Verdict.MOSTLY_CORRECT
    if fits & {"exact", "band"}:
        return Verdict.MISLEADING if firm else Verdict.MOSTLY_CORRECT
    return Verdict.FALSE


def _reference(tried: list[LevelTry], sessions: SessionChoice) -> LevelTry:
    """The try the explanation reports: the best fit at the nominal (or a fair) session, else
    the best fit anywhere."""
    rank = {"exact": 0, "band": 1, "far": 2, "miss": 3, "wrong_direction": 4}
    at = [t for t in tried if sessions.is_nominal(pd.Timestamp(t.session))]
    nominal = [
        t for t in at if sessions.nominal is not None and t.session == sessions.nominal.date()
    ]
    pool = at if any(t.fit in {"exact", "band"} for t in at) else (nominal or tried)
    return min(pool, key=lambda t: (rank.get(t.fit, 5), t.session != _nominal_date(sessions)))


def _nominal_date(sessions: SessionChoice):
    return None if sessions.nominal is None else sessions.nominal.date()


@dataclass(frozen=True, slots=True)
class _Units:
    """How a stated level compares with the listing's prices."""

    comparable: bool
    convert: bool = False  # pence to pounds, cents to dollars (listings.in_major_unit)
    stated: str = ""  # the claimed currency as the explanation writes it


def _unit(claim: Claim, currency: str) -> _Units:
    """How a level stated in ``claim.currency`` compares with a listing in ``currency``."""
    if claim.unit == "points":
        return _Units(True)
    if claim.currency == currency:
        return _Units(True, stated=f" {currency}")
    if claim.dollar_ambiguous and currency == "HKD":
        return _Units(
            True, stated=" (a bare '$'/'Dollar', read as the listing's Hong Kong dollars)"
        )
    if in_major_unit(1.0, currency)[1] == claim.currency:
        return _Units(
            True, True, f" {claim.currency} (the listing is quoted in {currency}; converted)"
        )
    return _Units(False)


def check_level(
    claim: Claim, window: MarketWindow, tolerance: Tolerance, book: object | None = None
) -> ClaimCheck:
    """The verdict of a level claim (module docstring)."""
    series, sessions = window.series, window.sessions
    assert sessions is not None
    units = _unit(claim, series.currency)
    if not units.comparable:
        return ClaimCheck(
            claim,
            Verdict.UNVERIFIABLE,
            f"the level is stated in {claim.currency}, but "
            f"{claim.ticker} trades in {series.currency}",
            evidence=SourceOnly(series.describe_source()),
            window=window,
        )
    published = claim.published.end
    if claim.unit == "points":
        prices, note = series.prices, ""
    else:
        quoted = quoted_prices(series, published, book)
        prices, note = quoted.series.prices, quoted.note
    tried = []
    for s in sessions.candidates:
        for column in level_columns(claim):
            price = float(prices.loc[s, column])
            value = in_major_unit(price, series.currency)[0] if units.convert else price
            judgement = tolerance.judge(
                value / claim.scale,
                claim.magnitude or 0.0,
                claim.precision or 0,
                claim.hedge,
                absolute_band=False,
                half_unit=claim.half_unit,
            )
            tried.append(LevelTry(s.date(), value, judgement.fit, column, judgement))
    verdict = _verdict(tried, sessions, claim.published.firm)
    ref = _reference(tried, sessions)
    unit = series.currency if claim.unit != "points" else "points"
    explanation = (
        f"{claim.entity} ({claim.ticker}) {_WORDS[ref.column]} {ref.price:,.2f} {unit} on "
        f"{ref.session}; the claim says {claim.magnitude:g}{units.stated}{note}."
    )
    evidence = LevelEvidence(
        PriceSource.of(series),
        sessions.shown(),
        tuple(tried),
        ToleranceShown.of(ref.judgement, None),
    )
    return ClaimCheck(
        claim,
        verdict,
        explanation,
        realized=ref.price / claim.scale,
        basis="close_level" if ref.column == "Close" else f"{ref.column.lower()}_level",
        session=ref.session,
        nominal_session=_nominal_date(sessions),
        evidence=evidence,
        window=window,
    )
