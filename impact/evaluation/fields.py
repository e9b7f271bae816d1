"""Field-by-field comparison of a matched tool claim (a plain dict in the schema of
``impact check --json``) with its annotation. Each judgement is True (right), False (wrong) or
None (not scorable: the annotation gives nothing to compare with).

- listing: the tool's ticker is the annotated ticker or one of its ``alt_tickers`` (^GSPC and
  ^SPX are one index). When the annotated ticker is null or has no price file, the tool is right
  iff its own ticker is null or has no price file either (it could not test the figure).
- direction: up/down as annotated; an annotated null matches the tool's none or unchanged.
- hedge: the annotated wording (lower-cased) mapped by ``HEDGES`` to the tool's hedge kinds (no
  wording = exact); wordings that point at the intraday extreme ("as much as", "bis zu",
  "zwischenzeitlich", "initially", ...) map to up_to; "gut"/"a good" accepts just_over or over.
  Not scorable: claims without a magnitude (records) and the wordings in ``UNSCORABLE_HEDGES``.
- horizon: ``HORIZONS`` maps the annotated horizon to the tool horizons that mean the same
  (month: month or mtd; level: any one-session horizon); a one-day figure whose time of day
  (``time_of_day``) is a print during the session or the day's extreme is also intraday, one
  outside the session after_hours; ``none`` is not scorable.
- end session: the tool's end session equals ``horizon_end``. The tool's end session is its
  ``session`` (the session its realized figure is for), else its ``nominal_session``, else, when
  it tested no session at all, the end date it resolved (``end``). Scored when the annotation has
  an end date and its ticker a price file.
- base session: the tool's base session (``base_session`` in the claim, in its evidence, or of
  the tried measure on the tool's session and basis) equals ``horizon_start``. Scored only where
  both exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from impact.evaluation.corpus import Annotation

__all__ = [
    "FIELDS",
    "HEDGES",
    "HORIZONS",
    "UNSCORABLE_HEDGES",
    "VERDICT_CLASS",
    "expected_hedges",
    "is_price_claim",
    "judge_fields",
    "tool_base_session",
    "tool_class",
    "tool_end_session",
    "tool_horizons",
]

FIELDS = ("listing", "direction", "hedge", "horizon", "end_session", "base_session")

_ABOUT = ("about",)
_OVER = ("over",)
_UNDER = ("under",)
_UP_TO = ("up_to",)
_JUST_UNDER = ("just_under",)
# every hedge wording of the corpus (en and de, lower-cased), plus common synonyms
HEDGES: dict[str, tuple[str, ...]] = {
    # the number as stated: the word qualifies the news, not the size
    "merely": ("exact",),
    "only": ("exact",),
    "already": ("exact",),
    "nur": ("exact",),
    "nur noch": ("exact",),
    "schon": ("exact",),
    "bereits": ("exact",),
    # approximately
    **dict.fromkeys(("about", "around", "roughly", "approximately", "some", "circa"), _ABOUT),
    **dict.fromkeys(("etwa", "rund", "ca.", "ungefähr", "zirka"), _ABOUT),
    # more than: comparatives and verbs of crossing a mark
    **dict.fromkeys(("more than", "over", "above", "exceeded", "surpassed", "topping"), _OVER),
    **dict.fromkeys(("upwards of", "in excess of", "mehr als", "über", "überschritt"), _OVER),
    **dict.fromkeys(("less than", "below", "under", "unter", "weniger als"), _UNDER),
    "at least": ("at_least",),
    "mindestens": ("at_least",),
    "at most": ("at_most",),
    "höchstens": ("at_most",),
    # almost
    **dict.fromkeys(("nearly", "almost", "close to", "just shy of", "just under"), _JUST_UNDER),
    **dict.fromkeys(("fast", "knapp", "beinahe", "nahezu", "annähernd"), _JUST_UNDER),
    # a little more than; "gut" ("a good 3 percent") is also read as a plain lower bound
    **dict.fromkeys(
        ("just above", "just over", "edging above", "slightly more than"), ("just_over",)
    ),
    "knapp über": ("just_over",),
    "gut": ("just_over", "over"),
    "a good": ("just_over", "over"),
    # the intraday extreme, not the close
    **dict.fromkeys(("as much as", "as high as", "as low as", "up to", "initially"), _UP_TO),
    **dict.fromkeys(("at one point", "bis zu", "bis auf", "zeitweise", "zwischenzeitlich"), _UP_TO),
    **dict.fromkeys(("in der spitze", "in der spitze um fast", "kurzzeitig"), _UP_TO),
}
# wordings that qualify the timing of the claim (the session is not over), not its size
UNSCORABLE_HEDGES: dict[str, str] = {
    "set for": "says the session was not over (a projection), no size qualifier",
    "was headed for": "says the session was not over (a projection), no size qualifier",
    "toward": "says a level is being approached, no size qualifier the tool's kinds express",
}
_ONE_DAY = frozenset({"one_day", "intraday"})
HORIZONS: dict[str, frozenset[str]] = {
    "1d": frozenset({"one_day"}),
    "intraday": frozenset({"intraday"}),
    "n_days": frozenset({"n_sessions"}),
    "week": frozenset({"week"}),
    "month": frozenset({"month", "mtd"}),
    "ytd": frozenset({"ytd"}),
    "since_date": frozenset({"since"}),
    "record": frozenset({"record"}),
    "after_hours": frozenset({"after_hours", "pre_market", "extended_hours"}),
    "level": _ONE_DAY,
}
VERDICT_CLASS = {
    "correct": "supported",
    "mostly_correct": "supported",
    "false": "not_supported",
    "misleading": "not_supported",
    "unverifiable": "cannot_say",
    "insufficient_data": "cannot_say",
    "not_a_market_claim": "not_a_price_claim",
}
_SAME_INDEX = {"^SPX": "^GSPC"}


PRICE_METRICS = frozenset({"share_price", "index_level"})


def is_price_claim(claim: Mapping[str, Any]) -> bool:
    """Whether the tool reads a claim as a price claim: a share price or index level figure
    that it does not call ``not_a_market_claim``."""
    return claim.get("metric") in PRICE_METRICS and claim.get("verdict") != "not_a_market_claim"


def tool_class(verdict: str | None) -> str:
    """The truth class a tool verdict stands for (an unknown verdict stands for itself)."""
    return VERDICT_CLASS.get(verdict or "", f"?{verdict}")


def _canon(ticker: str | None) -> str | None:
    return _SAME_INDEX.get(ticker, ticker) if ticker else None


def listing_right(claim: Mapping[str, Any], a: Annotation, data: frozenset[str]) -> bool:
    have = {_canon(t) for t in data}
    tool = _canon(claim.get("ticker"))
    wanted = _canon(a.ticker)
    if wanted is None or wanted not in have:
        return tool is None or tool not in have
    return tool in {wanted, *(_canon(t) for t in a.alt_tickers)}


def expected_hedges(wording: str | None) -> tuple[str, ...] | None:
    """The tool hedge kinds an annotated wording stands for (None: not scorable)."""
    key = (wording or "").strip().lower()
    return HEDGES.get(key) if key else ("exact",)


def _hedge(claim: Mapping[str, Any], a: Annotation) -> bool | None:
    kinds = expected_hedges(a.hedge) if a.magnitude is not None else None
    return None if kinds is None else claim.get("hedge") in kinds


def tool_base_session(claim: Mapping[str, Any]) -> str | None:
    """The session the tool's realized figure is measured from, where it reports one."""
    evidence = claim.get("evidence") or {}
    for found in (claim.get("base_session"), evidence.get("base_session")):
        if found:
            return str(found)
    for tried in evidence.get("tried") or ():
        if (
            tried.get("base_session")
            and tried.get("end_session") == claim.get("session")
            and tried.get("basis") == claim.get("basis")
        ):
            return str(tried["base_session"])
    return None


def tool_end_session(claim: Mapping[str, Any]) -> str | None:
    """The session the tool says the claim is about (rule in the module docstring)."""
    return claim.get("session") or claim.get("nominal_session") or claim.get("end")


def tool_horizons(claim: Mapping[str, Any]) -> frozenset[str]:
    """The tool's horizon, and what its time of day adds in the corpus's terms: a one-day
    figure printed during the session or at the day's extreme is intraday, one printed outside
    the session after_hours."""
    horizon, time = claim.get("horizon"), claim.get("time_of_day")
    found = {horizon}
    if horizon == "one_day" and time in {"snapshot", "extreme"}:
        found.add("intraday")
    if time == "after_hours":
        found.add("after_hours")
    return frozenset(h for h in found if h)


def judge_fields(
    claim: Mapping[str, Any], a: Annotation, data: frozenset[str]
) -> dict[str, bool | None]:
    """Right / wrong / not scorable for each of ``FIELDS`` (rules in the module docstring)."""
    tool_dir = claim.get("direction")
    horizons = HORIZONS.get(a.horizon)
    session = tool_end_session(claim)
    has_data = _canon(a.ticker) in {_canon(t) for t in data}
    base = tool_base_session(claim)
    return {
        "listing": listing_right(claim, a, data),
        "direction": tool_dir in ("none", "unchanged", None)
        if a.direction is None
        else tool_dir == a.direction,
        "hedge": _hedge(claim, a),
        "horizon": None if horizons is None else bool(tool_horizons(claim) & horizons),
        "end_session": session == a.horizon_end if a.horizon_end and has_data else None,
        "base_session": base == a.horizon_start if a.horizon_start and base else None,
    }
