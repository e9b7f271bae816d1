"""The time of day a figure is for, from the words around it (values.BasisCue).

Cues: outside the session (pre-market, after hours: "nachbörslich", "premarket"); the day's
extreme ("as much as", "bis zu", "in der Spitze", "zwischenzeitlich", "day low", "as high as");
the open ("opened", "zur Eröffnung", "In den Handel ging"); the close ("closed", "schloss",
"am Ende", "to end at"); a print during the session ("in morning trading", "as of 2:05 p.m.
ET", "im frühen Handel", "zuletzt"). An extreme hedge right before the number wins; else the
cue nearest before the number in its clause (so "climbed to as high as HK$81.40 before closing
at HK$79" gives the extreme to the first level and the close to the second); else
the nearest after it in the clause ("slid 7.2% in morning trading"); else a scene-setting
snapshot or out-of-session cue earlier in the sentence ("As of 11:40 a.m. ET, ..."); else
a sentence written while the session runs ("set for its biggest advance", "at the noon
break": a snapshot); else the scene the previous sentence set (scene_of); else unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from impact.claims.fields import SentenceScan
from impact.claims.lexicon import LEXICON
from impact.claims.values import BasisCue
from impact.fastre import Scan, find_once

__all__ = ["find_basis_cue", "scene_of", "underway"]


def _cues(scan: SentenceScan, lo: int, hi: int) -> list[tuple[int, int, BasisCue]]:
    found: list[tuple[int, int, BasisCue]] = []
    kinds: tuple[tuple[re.Pattern[str], BasisCue], ...] = (
        (LEXICON.after_hours, "after_hours"),
        (LEXICON.extreme, "extreme"),
        (LEXICON.open, "open"),
        (LEXICON.close, "close"),
        (LEXICON.snapshot, "snapshot"),
        (LEXICON.snapshot_time, "snapshot"),
    )
    for pattern, kind in kinds:
        found += [(m.start(), m.end(), kind) for m in scan.within(pattern, lo, hi)]
    return found


# what may stand between a figure and the close word that is its own: "6,7 Prozent tiefer
# schlossen", "2 Prozent im Plus schloss"
_THEN_CLOSED = re.compile(
    r"\s+(?:(?:tiefer|höher|fester|leichter|schwächer|niedriger|im (?:Plus|Minus))\s+)?"
)


def find_basis_cue(
    scan: SentenceScan,
    clause: tuple[int, int],
    pos: int,
    end: int,
    extreme_hedge: bool,
    scene: BasisCue | None = None,
) -> BasisCue:
    """The basis cue of the number at [pos, end) (module docstring); ``extreme_hedge``: the
    hedge right before the number says it is the day's extreme."""
    if extreme_hedge:
        return "extreme"
    lo, hi = clause
    cues = _cues(scan, lo, hi)
    before = [c for c in cues if c[1] <= pos]
    after = [c for c in cues if c[0] >= end]
    if before:
        last = max(before, key=lambda c: c[1])
        nearest = last[2]
        first_after = min(after) if after else None
        if (  # "zeitweise mehr als acht Prozent abgaben und schließlich 6,7 Prozent tiefer
            nearest == "extreme"  # schlossen": the close right after is this figure's
            and first_after is not None
            and first_after[2] == "close"
            and _THEN_CLOSED.fullmatch(scan.text, end, first_after[0])
        ):
            return "close"
        if nearest == "snapshot" and after and min(after)[2] == "extreme":
            return (
                "extreme"  # "in den ersten Handelsstunden ... um 0,7 Prozent auf zwischenzeitlich"
            )
        return nearest
    if after:
        return min(after)[2]
    earlier = [c for c in _cues(scan, 0, lo) if c[2] in {"snapshot", "after_hours"}]
    if earlier:
        return earlier[-1][2]
    if underway(scan):
        return "snapshot"
    own = _cues(scan, 0, lo) if scene is not None else []
    if own:  # the sentence sets its own scene ("During the regular session, the stock had slipped")
        return own[-1][2]
    return scene or "unknown"


def underway(scan: SentenceScan) -> bool:
    """Whether the sentence is written while the session runs ("set for its biggest advance",
    "at the local noon trading break"): its extremes are the extremes so far."""
    return bool(scan.all(LEXICON.underway))


def scene_of(text: str | Scan, lower: str | None = None) -> BasisCue | None:
    """A print-during-the-session or out-of-session scene a sentence sets for the next one
    ("Chipmakers slipped in morning trading. Nvidia lost 4%, ..."): its last
    snapshot or after-hours cue, unless a close or open cue follows it. Give the sentence's
    scan when there is one (its matches are found once); ``lower``: the text lower-cased."""
    if isinstance(text, Scan):
        find: Callable[[re.Pattern[str]], list[re.Match[str]]] = text.all
    else:
        low = text.lower() if lower is None else lower
        find = lambda pattern: find_once(pattern, text, low)  # noqa: E731
    last: tuple[int, BasisCue] | None = None
    for pattern, kind in (
        (LEXICON.snapshot, "snapshot"),
        (LEXICON.snapshot_time, "snapshot"),
        (LEXICON.after_hours, "after_hours"),
    ):
        for m in find(pattern):
            if last is None or m.start() > last[0]:
                last = (m.start(), kind)  # type: ignore[assignment]
    if last is None:
        return None
    after = last[0]
    if any(m.start() >= after for p in (LEXICON.close, LEXICON.open) for m in find(p)):
        return None
    return last[1]
