"""What the words around one number say: whether it is a market or company figure at all, and
its metric, entity, direction, kind (move, level, share), hedge, basis and time cues, before dates
and listing are resolved (extract.py assembles the claim)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from impact.claims.basis import find_basis_cue
from impact.claims.entities import Discourse, EntityFound, Mention, find_entity
from impact.claims.fields import (
    SentenceScan,
    find_direction,
    find_hedge,
    find_metric,
    level_direction,
)
from impact.claims.horizons import HorizonCue, ResolvedDates, find_cues
from impact.claims.lexicon import LEXICON, WEEKDAY_RE
from impact.claims.model import Claim, Published
from impact.claims.negatives import negative_scan, non_price_reason
from impact.claims.numbers import NumberMatch, Style
from impact.claims.sentences import WINDOW, clause_bounds
from impact.claims.values import BasisCue, Direction, Hedge, Kind, Metric
from impact.registry import Entity, Registry

__all__ = [
    "COMPANY_FIGURES",
    "Reading",
    "Sentence",
    "figure_reason",
    "number_cues",
    "read_number",
    "same_period",
]

_COMPLEMENTIZER = re.compile(r"\s*(?:dass|daß|ob|that|whether|wonach)\b", re.IGNORECASE)
# reasons negatives.py gives for figures a company reports (tested against reported figures)
COMPANY_FIGURES = {"revenue", "profit", "payout", "fundamental", "growth"}
_PRICE_METRICS = {None, "share_price", "index_level", "market_value"}
_FIGURE_METRIC: dict[str, Metric] = {"revenue": "revenue", "profit": "profit"}
_RELATIVE = re.compile(r",\s+(?:die|der|das|den|dem|deren|dessen|which|that)\s")
_AT_THAT_DATE = re.compile(r"\s*(?:when|als|where|wo)\b")
_HINTED = {"share_price", "revenue", "share_of_revenue", "market_value", "profit", "index_level"}
# words that introduce a level ("auf 252 Dollar", "to 15,196 points", "as high as HK$98")
_LEVEL_LEAD = re.compile(
    r"(?<!\w)(?:auf|to|bei|at|mit|as high as|as low as|erreichte|reached|"
    r"zwischenzeitlich auf|bis auf)\s+(?:(?:rund|etwa|knapp|gut|fast|über|unter|nearly|about|"
    r"around|almost|some|roughly|just|zwischenzeitlich|a|an|einen|ein|record|rekord)\s+)*"
    r"(?:[$€£]|HK\$|US\$)?$"
)
# a number restating the move before it: ", or 1,349.89 points", "(0.4%)", "bzw. 2 Prozent"
# a move named by its length: "its three-day slide to $7.40" is the size of the fall, not a level
_SIZED_MOVE = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)-(?:day|session|week) (?:fall|drop|"
    r"decline|slide|loss|gain|rally|rise|advance|surge|slump|selloff|sell-off|rout|plunge|jump|"
    r"climb|retreat) (?:to|of) (?:[$€£]|HK\$|US\$)?$"
)
_RESTATED = re.compile(r"(?:,\s*or|\bor|\brespektive|\bbzw\.|\boder)\s+(?:[$€£]|HK\$|US\$)?$|\($")
# what may stand between a direction word and the amount it governs
# (and the day or moment of the move: "verlor am Donnerstag 447 Punkte", "lost on Friday 300
# points", "gab zum Handelsschluss 120 Punkte ab")
_WHEN = (
    rf"(?:am|on|vom|bis zum|zum|at the|by the)\s+(?:{WEEKDAY_RE}|Handelsschluss|Schluss|close|"
    r"Ende|end)(?:\s+(?:des Handels|of trading|of the session))?|gestern|yesterday|heute|today|"
    r"zuletzt|zeitweise|erneut|nochmals|insgesamt|damit|dabei|bisher|schließlich"
)
_GOVERNED_GAP = re.compile(
    rf"\s*(?:(?:um|by|of|von|in Höhe von|about|around|rund|etwa|knapp|gut|fast|nearly|almost|"
    r"more than|mehr als|über|some|roughly|approximately|weitere|weiteren|another|a further|"
    rf"as much as|bis zu|satte|kräftige|a|an|{_WHEN}),?\s+)*(?:[$€£]|HK\$|US\$)?"
)
_CROSSED = re.compile(r"\s*(?:über|unter|above|below)\s")
# a distance from an extreme: "20% below its record high", "25 Prozent über dem Tief vom April"
_FROM_EXTREME = re.compile(
    r"\s+(?:(?P<below>below|under|off|unter|unterhalb)|above|über|oberhalb)\s+"
    r"(?:(?:its|their|the|dem|ihrem|seinem|der|ihrer|seiner)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:high|low|peak|trough|record|top|bottom|close|Hoch|Tief|Höchststand|Tiefststand|"
    r"Tiefpunkt|Rekordhoch|Allzeithoch|Jahreshoch|Jahrestief|Rekord)s?(?!\w)|where\s)"
)
_BASES = frozenset({"from_extreme", "from_date", "from_weekday"})
# growth of a business, not a share: shares rise, businesses grow
_GREW = re.compile(r"(?<!\w)(?:grew|grows|growing|wuchs|wuchsen|gewachsen|wächst)(?!\w)")
_OWN_PERIODS = frozenset({"year", "ytd", "month", "mtd", "quarter", "week", "since", "trailing"})
_PERIODS = frozenset({"quarter", "half", "year", "month"})  # what a year-on-year change is of


@dataclass(slots=True)
class Sentence:
    """One sentence being read: its text, offset, names and scan, and the article's context."""

    text: str
    offset: int
    mentions: list[Mention]
    scan: SentenceScan
    language: str
    published: Published
    discourse: Discourse
    registry: Registry
    scene: BasisCue | None = None  # the time-of-day scene the previous sentence set
    respective: dict[int, Entity] | None = None  # "X and Y fell 4% and 5%, respectively"
    style: Style | None = None  # the article's decimal separator (numbers.decimal_style)


def figure_reason(number: NumberMatch, s: Sentence) -> str | None:
    """Why the number is no price (negatives.py: "market_cap", "revenue", ...), or None."""
    lo, hi = clause_bounds(s.text, number.start, number.end)
    return non_price_reason(
        s.text,
        number.start,
        number.end,
        (lo, hi),
        number.unit,
        number.currency,
        number.scale,
        scan=negative_scan(s.text),
    )


def _clause(number: NumberMatch, s: Sentence) -> tuple[tuple[int, int], str | None] | None:
    """The number's clause and the company figure it is (negatives.py reason: "revenue",
    "profit", ...; None: a price or a level), or None when the number is no market or company
    figure (a market value, a target, a forecast, a stake, a count, ...)."""
    reason = figure_reason(number, s)
    if reason is not None and reason not in COMPANY_FIGURES:
        return None
    lo, hi = clause_bounds(s.text, number.start, number.end)
    if _governed_by_forecast(s, lo, hi):
        return None
    return (lo, hi), reason


def _governed_by_forecast(s: Sentence, lo: int, hi: int) -> bool:
    """A clause that a forecast, a price target or a stake governs from outside it: "Analysten
    erwarten, dass ...", a sentence about a price target ("Das Kursziel ..., ein Plus von 20
    Prozent"), "hält 5 Prozent an"."""
    if s.scan.all(LEXICON.target):
        return True
    if lo > 0 and _COMPLEMENTIZER.match(s.text, lo, hi):
        outer = clause_bounds(s.text, max(0, lo - 3), max(0, lo - 2))[0]
        return bool(s.scan.within(LEXICON.forecast_verb, outer, lo))
    return bool(s.scan.within(LEXICON.stake_verb, lo, hi))


def _governed_move(s: Sentence, number: NumberMatch, lo: int) -> bool:
    """Whether an amount in money or points is a change, not a level: a direction word governs
    it directly ("fell 151.23 points", "a drop of 467.39 points", "ein Plus von rund 3
    Euro"), or it restates the move before it ("2.2 per cent, or 310.5 points",
    "fallen $1.92 (0.4%)")."""
    before = s.text[max(lo, number.start - 45) : number.start]
    if _SIZED_MOVE.search(before):
        return True
    if _LEVEL_LEAD.search(before):
        return False
    if _RESTATED.search(before):
        return True
    for at, _ in reversed(s.scan.directions()):
        if lo <= at < number.start:
            word_end = s.text.find(" ", at)
            gap = s.text[word_end if word_end >= 0 else at : number.start]
            if _CROSSED.match(gap):
                return False  # "stieg über 100 Dollar": a threshold ("um über 100": a move)
            return bool(_GOVERNED_GAP.fullmatch(gap))
    return False


def _kind(metric: Metric, number: NumberMatch, s: Sentence, lo: int, direction: str) -> Kind:
    """share (of revenue, market share), move (a change), level (a value reached or held), or
    other (no direction and no level)."""
    if metric == "share_of_revenue" or (metric == "market_share" and number.unit == "percent"):
        return "share"
    if number.unit in {"money", "points"}:
        return "move" if _governed_move(s, number, lo) else "level"
    price = metric in {"share_price", "index_level"}  # a price in percent is always a change
    if not price and _LEVEL_LEAD.search(s.text[max(lo, number.start - 25) : number.start]):
        return "level"
    return "move" if direction != "none" else "other"


def _metric(
    near: Metric | None, around: Metric | None, entity: Entity | None, number: NumberMatch
) -> tuple[Metric, bool]:
    """The metric of the number, and whether the share price (index level) was assumed because
    the clause names no metric ("Xiaomi gained 5%")."""
    is_index = entity is not None and entity.kind == "index"
    metric: Metric = near or ("index_level" if is_index else None) or around or "other"
    if is_index and metric in {"share_price", "profit", "revenue", "market_value"}:
        metric = "index_level"  # an index has a level, not a profit ("Gewinne von 0,47 Prozent")
    price_unit = number.unit in {"percent", "points"} or (
        number.unit == "money" and number.scale == 1
    )
    if metric == "other" and price_unit and (entity is None or entity.listed):
        return ("index_level" if is_index or number.unit == "points" else "share_price"), True
    if metric == "market_value" and number.unit == "money" and number.scale == 1 and entity:
        return "share_price", False  # "$503.49": a share's price, never a company's value
    return metric, False


def number_cues(
    number: NumberMatch,
    s: Sentence,
    clause: tuple[int, int],
    around: tuple[int, int],
    masked: list[tuple[int, int]],
) -> list[HorizonCue]:
    """The time cues of a number: between the numbers before and after it in its clause (two
    figures in one clause each keep their own cue); else earlier in its clause; else earlier in
    the sentence ("Am Donnerstag, ..., stieg"), never in a later clause. A clause that opens with
    "when"/"als" takes the date the clause before names ("since May 2, 2019, when it
    lost 12 per cent": that day)."""
    lo, hi = clause
    # a number inside a record's words is the record's anchor event ("since a 9 per cent slump
    # on June 3 last year"): it reads the dates there
    masked = [m for m in masked if not m[0] <= number.start < m[1]]
    cues = find_cues(s.scan, max(lo, around[0]), min(hi, around[1]), masked, number.start)
    if around[1] < hi:  # a cue that holds the next figure: "tripled from their HK$17 IPO price"
        cues += [
            c
            for c in find_cues(s.scan, number.end, hi, masked)
            if c.match is not None
            and c.match.start() < around[1] < c.match.end()
            and all(c.kind != d.kind for d in cues)
        ]
    if around[0] > 0:  # a cue right after the figure before is that figure's ("added 8.9% for
        cues = _own_cues(cues, around[0], number) or cues  # the month and 19% in 2023")
    if around[1] < min(hi, len(s.text)):  # a day named just before the next figure is its own
        cues = [c for c in cues if not _next_figures(c, number, around[1], s.text)]  # ("... machten
        # den Verlust vom Dienstag von gut zehn Prozent wett": Tuesday is the loss's)
    if cues and all(c.kind == "yoy" for c in cues):  # "revenue of $95.4 billion for the March
        # quarter, up 5% from a year earlier": the growth is of the period named before it
        cues += find_cues(
            s.scan, max(0, number.start - WINDOW), number.start, masked, kinds=_PERIODS
        )
    if cues:  # a base that reaches into the window: "Gemessen am Rekordhoch von 88 Euro
        # vom Juni 2019 ergibt das ein Minus von 40 Prozent"
        cues += [
            c
            for c in find_cues(s.scan, lo, number.start, masked, kinds=_BASES)
            if c.match is not None
            and c.match.end() > around[0]
            and all(c.kind != d.kind for d in cues)
            # not a base that follows the figure before, nearer to it, when the number names a
            # period of its own ("rallied 17% from its April 8 low and has pared its 2025 loss
            # to less than 1%")
            and (
                c.match.start() < around[0]
                or not any(d.kind in _OWN_PERIODS for d in cues)
                or _own_cues([c], around[0], number)
            )
        ]
    if not cues:
        cues = find_cues(s.scan, lo, number.end, masked)
    relative = _RELATIVE.match(s.text, hi)
    if not cues and relative:  # "das Rekordhoch von 3800 Punkten, das der Index Ende
        rel_hi = clause_bounds(s.text, relative.end(), relative.end() + 1)[1]  # Mai erreichte"
        cues = find_cues(s.scan, relative.end(), rel_hi, masked)
    when = bool(_AT_THAT_DATE.match(s.text, lo))
    if when and cues and all(_undated_day(c) for c in cues):  # "Im April, als die Aktie bei
        cues = []  # 902 Euro schloss": "schloss" names no day; April does
    if not cues:  # the date a record's window names, too
        cues = find_cues(s.scan, max(0, number.start - WINDOW), number.end, [] if when else masked)
        if when:
            cues = [HorizonCue("at_date", c.match) if c.kind == "since" else c for c in cues]
    return cues


def _undated_day(cue: HorizonCue) -> bool:
    """A one-day cue that names no day ("schloss", "closed")."""
    return cue.kind == "one_day" and (cue.match is None or not any(cue.match.groupdict().values()))


def _next_figures(cue: HorizonCue, number: NumberMatch, next_start: int, text: str) -> bool:
    """Whether a cue after the number stands nearer to the figure after it: a day, or any
    cue right before that figure ("stieg am Mittwoch um 1 Prozent und liegt seit
    Jahresbeginn 8 Prozent im Plus": the year is the 8 per cent's)."""
    m = cue.match
    return (
        m is not None
        and m.start() >= number.end
        and m.end() <= next_start
        and next_start - m.end() < m.start() - number.end
        and (cue.kind == "one_day" or bool(_GOVERNED_GAP.fullmatch(text, m.end(), next_start)))
    )


def _own_cues(cues: list[HorizonCue], previous_end: int, number: NumberMatch) -> list[HorizonCue]:
    """The cues nearer to the number than to the end of the figure before it."""
    return [
        c
        for c in cues
        if c.match is None
        or c.match.start() >= number.end
        or c.match.start() - previous_end > number.start - c.match.end()
    ]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the words around a number say, before dates and listing are resolved."""

    clause: tuple[int, int]
    metric: Metric
    assumed: bool
    found: EntityFound
    direction: Direction
    kind: Kind
    hedge: Hedge
    basis: BasisCue


def read_number(number: NumberMatch, s: Sentence, next_figure: int | None = None) -> Reading | None:
    """Metric, entity, direction, kind, hedge and basis of a number (None: it claims nothing)."""
    read = _clause(number, s)
    if read is None:
        return None
    clause, figure = read
    lo, hi = clause
    wide = max(0, number.start - WINDOW), min(len(s.text), number.end + WINDOW)
    near = find_metric(s.scan, lo, hi, number.start)  # else the sentence before it
    if figure is not None and near in _PRICE_METRICS:  # "earnings per share were $1.53"
        if figure not in _FIGURE_METRIC:
            return None  # a payout, a ratio, a growth rate of no figure named: nothing to test
        near = _FIGURE_METRIC[figure]
    around = near or find_metric(s.scan, wide[0], hi, number.start)
    price_unit = number.unit in {"percent", "points"} or (
        number.unit == "money" and number.scale == 1
    )
    price_like = (around in _HINTED) if around else price_unit
    if s.respective and number.start in s.respective:
        found = EntityFound(s.respective[number.start], "clause")
    else:
        found = find_entity(
            number.start, clause, s.text, s.mentions, s.discourse, number.unit, price_like
        )
    metric, assumed = _metric(near, around, found.entity, number)
    if assumed and number.unit == "percent" and _GREW.search(s.text, lo, number.start):
        metric, assumed = "revenue", False  # "Microsoft's Azure grew 40%": a business, no share
    direction = find_direction(s.scan, lo, hi, number.start, number.sign, next_figure)
    if direction == "none":  # an elliptical clause ("allein im Februar um 17 Prozent")
        direction = find_direction(s.scan, *wide, number.start, 0)
    if number.unit == "percent" and (side := _FROM_EXTREME.match(s.text, number.end)):
        direction = "down" if side["below"] else "up"  # "20% below its record high"
    kind = _kind(metric, number, s, lo, direction)
    if kind == "share":
        direction = "none" if not number.sign else direction
    if kind == "other" and found.entity is None:
        return None
    hedge = find_hedge(s.text, number.start)
    basis = find_basis_cue(s.scan, clause, number.start, number.end, hedge == "up_to", s.scene)
    if basis == "extreme" and hedge == "exact":
        hedge = "up_to"
    if kind == "level" and metric in {"share_price", "index_level"}:
        direction = level_direction(
            s.scan, clause, number.start, hedge, basis == "extreme", direction
        )
    return Reading(clause, metric, assumed, found, direction, kind, hedge, basis)


_SAME_PERIOD = re.compile(
    r"(?:over|in|during|for) the same (?:period|time|span|stretch)|im (?:gleichen|selben) "
    r"Zeitraum|in der gleichen Zeit|im Vergleichszeitraum"
)


_FOR_UNIT = re.compile(r"(?:for|on) the (month|week|year)")
_UNIT_HORIZONS = {"month": {"month", "mtd"}, "week": {"week"}, "year": {"ytd", "year"}}


def same_period(dates: ResolvedDates, previous: Claim, clause: str) -> ResolvedDates:
    """ "Xiaomi has jumped more than 50% over the same period": the period of the figure before;
    so is "for the month" after a figure for a month ("rose 10.7% in November. The S&P 500
    added 8.9% for the month"), likewise "for the week", "for the year"."""
    unit = _FOR_UNIT.fullmatch(dates.anchor.cue or "")
    if unit and previous.horizon in _UNIT_HORIZONS[unit.group(1)]:
        return ResolvedDates(
            previous.horizon, replace(previous.dates, cue=unit.group(0)), previous.start,
            previous.end, previous.end_earliest, previous.n_sessions,
        )  # fmt: skip
    if dates.anchor.rule != "unanchored" or not _SAME_PERIOD.search(clause):
        return dates
    if previous.horizon in {"one_day", "intraday", "record"}:
        return dates
    anchor = replace(previous.dates, cue=_SAME_PERIOD.search(clause).group(0))  # type: ignore[union-attr]
    return ResolvedDates(
        previous.horizon, anchor, previous.start, previous.end, previous.end_earliest,
        previous.n_sessions,
    )  # fmt: skip
