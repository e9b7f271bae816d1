"""The cheap gate before a sentence is read in full: one Aho-Corasick pass over the lower-cased
article finds the stems that may start a claim (a number in words, a record or scale word, a market
word) and the words that may name a day; a sentence with a digit always passes."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from impact.claims.horizons import day_words
from impact.claims.lexicon_records import GATES

__all__ = ["Gate", "day_places", "digit_places", "gate_bits", "may_claim"]

Gate = tuple[list[int], list[int]]  # where a stem ends (its last character), and its kind bits

_DIGITS = re.compile(r"\d+")
# a sentence without a digit may still hold a claim: a number in words ("a fifth", "zwei
# Prozent", "verdoppelt") or a record without a figure ("its biggest decline in five years")
_WORDED = (
    "prozent", "percent", "per cent", "fünftel", "drittel", "viertel", "hälfte", "zehntel",
    "fifth", "third", "quarter", "half", "tenth", "verdoppel", "verdreifach", "halbiert",
    "doubled", "tripled", "halved",
)  # fmt: skip
# a record without a figure names a superlative, a record word, a first time, a streak; an
# amount in words a scale word ("zwei Milliarden Dollar")
_RECORD_STEMS = (
    *GATES["superlative"], *GATES["threshold"], *GATES["streak"], *GATES["as_since"],
    *GATES["record_for"], "rekord", "record", "all-time", "allzeit", "jahreshoch", "jahrestief",
    "höchststand", "tiefststand", "year high", "year low", "month high", "month low",
    "week high", "week low", "milliard", "billion", "million", "trillion",
)  # fmt: skip
# ... and then the sentence speaks of a market: a share, an index, a move
_MARKET_STEMS = (
    "aktie", "kurs", "index", "indizes", "börse", "papier", "titel", "stock", "share", "dax",
    "dow", "nasdaq", "s&p", "hang seng", "stoxx", "nikkei", "punkte", "points", "zähler",
    "rally", "rallye", "decline", "drop", "fall", "gain", "plunge", "slump", "jump", "surge",
    "advance", "loss", "verlust", "einbruch", "sturz", "anstieg", "fell", "rose", "slid", "sank",
    "gained", "lost", "climbed", "dropped", "jumped", "soared", "tumbled", "stieg", "fiel",
    "verlor", "gewann", "legte", "rutschte", "sackte",
)  # fmt: skip


# words that may name a day (horizons.sentence_day reads them): weekday names end in these
_DAY_STEMS = ("tag", "day", "heute", "aktuell", "derzeit", "currently")


@functools.cache
def _stems() -> Any:
    """An Aho-Corasick automaton of the lower-case gate stems: a number in words (enough on its
    own), a record or scale word, a market word (the two together)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    kinds: dict[str, int] = {}
    for bit, stems in ((1, _WORDED), (2, _RECORD_STEMS), (4, _MARKET_STEMS), (8, _DAY_STEMS)):
        for stem in stems:
            kinds[stem] = kinds.get(stem, 0) | bit
    for stem, bits in kinds.items():
        automaton.add_word(stem, bits)
    automaton.make_automaton()
    return automaton


def gate_bits(text: str) -> Gate | None:
    """Where the gate stems occur in the text, and which kinds (one Aho-Corasick pass); None when
    lower-casing shifts positions (then every sentence is read)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    places, kinds = [], []
    for end, bits in _stems().iter(lower):  # in the order of their ends
        places.append(end - 1)
        kinds.append(bits)
    return places, kinds


Runs = tuple[list[int], list[int]]  # where each run of digits starts, and where it ends


def digit_places(text: str) -> Runs:
    """The runs of digits of the article (one pass), for :func:`may_claim`."""
    runs = [m.span() for m in _DIGITS.finditer(text)]
    return [a for a, _ in runs], [b for _, b in runs]


def may_claim(lo: int, hi: int, gate: Gate | None, digits: Runs) -> bool:
    """Whether the sentence text[lo:hi] can hold a claim (a cheap gate before the full reading):
    a digit (a run of ``digits`` that reaches into it); else a number in words, or a record or
    scale word with a market word."""
    starts, ends = digits
    i = bisect.bisect_right(ends, lo)  # the first run that ends after lo
    if gate is None or (i < len(starts) and starts[i] < hi):
        return True
    places, kinds = gate
    seen = 0
    for i in range(bisect.bisect_left(places, lo), bisect.bisect_left(places, hi)):
        seen |= kinds[i]
    return bool(seen & 1) or seen & 6 == 6


def day_places(text: str, gate: Gate | None) -> list[int]:
    """Where a word that may name a day ends (horizons.may_name_day reads them), from the gate's
    pass when there is one."""
    return day_words(text) if gate is None else [a for a, k in zip(*gate, strict=True) if k & 8]
