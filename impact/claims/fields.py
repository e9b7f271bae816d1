"""The fields a number takes from the words around it: hedge, direction and metric.

- hedge: the ``lexicon.HEDGES`` phrase that ends right before the number (after an optional
  "um"/"by"), the first listed winning; none: ``exact``;
- direction: a sign written with the number; else the direction word (or separable German verb:
  "legte ... zu") nearest the number within the range given; "up to" is a hedge, not a rise;
- metric: "percent of revenue" right after the number; else the metric noun nearest the number.
"""

from __future__ import annotations

import re

from impact.claims.lexicon import LEXICON
from impact.claims.values import Direction, Hedge, Metric
from impact.fastre import Scan

__all__ = ["SentenceScan", "find_direction", "find_hedge", "find_metric", "level_direction"]


class SentenceScan(Scan):
    """A sentence's pattern matches, plus its direction words (found once per sentence)."""

    __slots__ = ("_directions",)

    def __init__(self, text: str, lower: str | None = None) -> None:
        super().__init__(text, lower)
        self._directions: list[tuple[int, Direction]] | None = None

    def directions(self) -> list[tuple[int, Direction]]:
        """(position, up/down/unchanged) of every direction word."""
        if self._directions is None:
            words = LEXICON.direction_words
            found: list[tuple[int, Direction]] = []
            for m in LEXICON.token.finditer(self.text):
                name = words.get(m.group(0).lower())
                if name is None:
                    continue
                if m.group(0).lower() == "up" and self.text.startswith(" to", m.end()):
                    continue
                found.append((m.start(), name))  # type: ignore[arg-type]
            for pattern, name in LEXICON.direction_phrases:
                for m in self.all(pattern):  # a phrase wins over its words ("gave up": down)
                    found = [f for f in found if not m.start() <= f[0] < m.end()]
                    found.append((m.start(), name))  # type: ignore[arg-type]
            self._directions = sorted(found)
        return self._directions


# a figure and then at once its direction word: "5.5% lower", "2 Prozent fester"
_RIGHT_AFTER = re.compile(
    r"[+\-−]?[\d.,]+\s*(?:%|Prozent|percent|per cent|Punkte|points|Euro|Dollar|cents?)?\s+"
)


def find_direction(
    scan: SentenceScan, lo: int, hi: int, pos: int, sign: int, next_figure: int | None = None
) -> Direction:
    """The direction of the number at ``pos``: its sign, else the nearest word in [lo, hi); when
    another figure follows at ``next_figure``, a word up to 40 characters before the number wins
    over a nearer one after it, which governs that figure ("between a gain of nearly 5% and a
    loss of more than 3%")."""
    if sign:
        return "up" if sign > 0 else "down"
    found: list[tuple[int, int, Direction]] = [
        (abs(at - pos), at, name) for at, name in scan.directions() if lo <= at < hi
    ]
    for m in scan.within(LEXICON.separable_heads, lo, hi):
        for particle, name in LEXICON.separable_by_head.get(m.group(0).lower(), ()):
            if any(p.start() >= m.end() for p in scan.within(particle, lo, hi)):
                found.append((abs(m.start() - pos), m.start(), name))  # type: ignore[arg-type]
    if not found:
        return "none"
    nearest = min(found)
    if nearest[1] > pos and _RIGHT_AFTER.fullmatch(scan.text, pos, nearest[1]):
        return nearest[2]  # "to close 5.5% lower", "schloss 2 Prozent tiefer": the figure's own
    if next_figure is not None and pos < nearest[1] < next_figure:
        close_before = [f for f in found if pos - 40 <= f[1] < pos]
        return min(close_before or found)[2]
    return nearest[2]


_ABOVE_HEDGES = {"over", "at_least"}
_BELOW_HEDGES = {"under", "at_most"}


def level_direction(
    scan: SentenceScan,
    clause: tuple[int, int],
    pos: int,
    hedge: str,
    extreme: bool,
    verb: Direction,
) -> Direction:
    """The direction of a price level, as the corpus reads it: the side of a threshold ("über
    100 Dollar": up, "unter die Marke von 15000": down); a high or a low named with it ("day
    low of $88.10", "liegt das Jahreshoch"); the verb's direction for the day's extreme
    ("zwischenzeitlich auf 186.51"); otherwise none: "stieg auf 5.000 Punkte" states a level,
    the rise is the move's claim."""
    if hedge in _ABOVE_HEDGES:
        return "up"
    if hedge in _BELOW_HEDGES:
        return "down"
    lo, hi = clause
    near = max(lo, pos - 45), min(hi, pos + 45)
    named = [
        (abs(m.start() - pos), name)
        for rx, name in ((LEXICON.level_high, "up"), (LEXICON.level_low, "down"))
        for m in scan.within(rx, *near)
    ]
    if named:
        return min(named)[1]  # type: ignore[return-value]
    return verb if extreme else "none"


# what may stand between a threshold hedge and its number: "unter die Marke von 15000",
# "above the $100 level", "über die 100-Dollar-Marke"
_MARK = re.compile(
    r"(?:(?:die|der|den|the|a|an)\s+)?(?:[\w-]*[Mm]arke|mark|level|Schwelle|threshold|Grenze|"
    r"line)\s+(?:von|of|at)\s+$"
)


_MARK_ENDS = ("von", "of", "at")  # a cheap test first: _MARK only ends so

_THRESHOLD_ARTICLE = re.compile(
    r"(?:über|unter|oberhalb|unterhalb|above|below|über)\s+((?:die|der|den|the)\s+)$"
)


def find_hedge(sentence: str, pos: int) -> Hedge:
    """The hedge written right before the number at ``pos`` (across "die Marke von")."""
    before = sentence[max(0, pos - 70) : pos]
    mark = _MARK.search(before) if before.rstrip().endswith(_MARK_ENDS) else None
    if mark:
        before = before[: mark.start()]
    article = _THRESHOLD_ARTICLE.search(before)  # "über die 100-Dollar-Marke", "above the $100"
    if article:
        before = before[: article.start(1)]
    before = before[-40:]
    for rx, kind in LEXICON.hedges:
        if rx.search(before):
            return kind  # type: ignore[return-value]
    return "exact"


def find_metric(scan: Scan, lo: int, hi: int, pos: int) -> Metric | None:
    """The metric named nearest the number in [lo, hi) (share of revenue: right after it)."""
    for rx, metric in LEXICON.metrics[:1]:  # share of revenue follows the number directly
        if any(0 <= m.start() - pos < 40 for m in scan.all(rx)):
            return metric  # type: ignore[return-value]
    best: tuple[int, str] | None = None
    for rx, metric in LEXICON.metrics[1:]:
        m = scan.nearest(rx, lo, hi, pos)
        if m is not None and (best is None or abs(m.start() - pos) < best[0]):
            best = (abs(m.start() - pos), metric)
    return best[1] if best is not None else None  # type: ignore[return-value]
