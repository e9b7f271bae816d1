"""The cheap gate before a sentence is read in full: a sentence with a digit always passes; in one
without, an Aho-Corasick pass over the lower-cased sentence looks for the stems that may start a
claim (a number in words, a record or scale word, a market word). The words that may name a day
are found in the whole article."""

from __future__ import annotations

import functools
import re
from typing import Any

from impact.claims.horizons import day_words
from impact.claims.lexicon_records import GATES

__all__ = ["day_places", "may_claim"]

_DIGIT = re.compile(r"\d")
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
    "verlor", "gewann", "legte", "rutschte", "sackte", "gewinntag", "tagesgewinn", "gewinnserie",
    "rückschlag", "slide", "streak",
)  # fmt: skip


# words that may name a day (horizons.sentence_day reads them): weekday names end in "tag" or
# "day", but for two
_DAY_STEMS = ("tag", "day", "mittwoch", "sonnabend", "heute", "aktuell", "derzeit", "currently")


@functools.cache
def _stems() -> Any:
    """An Aho-Corasick automaton of the lower-case gate stems: a number in words (enough on its
    own), a record or scale word, a market word (the two together)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    kinds: dict[str, int] = {}
    for bit, stems in ((1, _WORDED), (2, _RECORD_STEMS), (4, _MARKET_STEMS)):
        for stem in stems:
            kinds[stem] = kinds.get(stem, 0) | bit
    for stem, bits in kinds.items():
        automaton.add_word(stem, bits)
    automaton.make_automaton()
    return automaton


def may_claim(text: str, lower: str | None, lo: int, hi: int) -> bool:
    """Whether the sentence text[lo:hi] can hold a claim (a cheap gate before the full reading):
    a digit; else a number in words, or a record or scale word with a market word (one
    Aho-Corasick pass over the sentence of ``lower``, the lower-cased text; None when
    lower-casing shifts positions: then every sentence is read)."""
    if lower is None or _DIGIT.search(text, lo, hi):
        return True
    seen = 0
    for _, bits in _stems().iter(lower, lo, hi):
        seen |= bits
    return bool(seen & 1) or seen & 6 == 6


def day_places(text: str, lower: str | None) -> list[int]:
    """Where a word that may name a day ends (horizons.may_name_day reads them): a day stem in
    ``lower``, the lower-cased text; horizons.day_words when lower-casing shifts positions."""
    if lower is None:
        return day_words(text)
    places = []
    for stem in _DAY_STEMS:  # str.find: a few C scans, faster here than one regex alternation
        last, at = len(stem) - 1, lower.find(stem)
        while at >= 0:
            places.append(at + last)
            at = lower.find(stem, at + 1)
    return sorted(places)
