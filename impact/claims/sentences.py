"""Sentences and clauses: where a claim's fields may come from.

Sentences end after ``.!?`` before whitespace (not after an abbreviation, a single letter, or an
ordinal before a month name: "13. Februar") and at every newline that is no soft line break (a
line that ends with a comma, or with a lowercase word before a lowercase word or a number, goes on). A clause is the sentence cut at
``,;:``, dashes, parentheses and subordinating conjunctions ("after", "nachdem", ...), at most ``WINDOW`` characters either side of a number. Language:
the one whose frequent function words occur more often (German wins ties).
"""

from __future__ import annotations

import re

from impact.claims.lexicon import ASSET_WORDS, LEXICON, MONTHS

__all__ = ["MAX_SENTENCE", "WINDOW", "clause_bounds", "detect_language", "split_sentences"]

WINDOW = 240  # characters of context either side of a number that its fields may come from
MAX_SENTENCE = 2000  # longer "sentences" (no punctuation) are cut, keeping extraction linear
_ABBREVIATIONS = {
    "mrd",
    "mio",
    "tsd",
    "bio",
    "ca",
    "bzw",
    "z.b",
    "u.a",
    "nr",
    "dr",
    "prof",
    "inc",
    "corp",
    "co",
    "ltd",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "st",
    "mr",
    "mrs",
    "ms",
    "u.s",
    "e.g",
    "i.e",
    "no",
    "abs",
    "vgl",
    "evtl",
    "ggf",
    "inkl",
    "zzgl",
    "rd",
    "gen",
    "bzgl",
    "usw",
    "sog",
    "jr",
}
_NON_SPACE = re.compile(r"\S")
_SENTENCE_END = re.compile(r"[.!?][.!?]*[\"“”»«')\]]*(?=\s)")
# every alternative starts with one of ;:,() or a space: that class comes first, so re scans for it
# in C, and a lookbehind then says which alternative it starts
_CLAUSE_BREAK = re.compile(
    r"[;:,()\s](?:(?<=[;:])\s|(?<=,)\s(?!(?:19|20)\d\d\b)|(?<=\s)[–—-]\s|(?<=[()])|"
    r"(?<=\s)(?=(?:after|before|while|whereas|because|although|"
    r"nachdem|bevor|weil|während|obwohl|wohingegen)\s)|"
    # a coordinated clause that states a forecast: "legte zuletzt auf 52 Euro zu und dürfte
    # heute fester starten", "rose 3% and could open higher today"
    r"(?<=\s)(?=(?:und|and|but|aber)\s+(?:\w+\s+)?(?:dürfte|dürften|könnte|könnten|sollte|"
    r"sollten|wird|werden|würde|würden|could|would|should|may|might|will|is expected|"
    r"are expected)\s)|"
    # a clause about a commodity or currency: "rose 8.1% as Brent crude briefly topped $139"
    rf"(?<=\s)(?=(?:as|while|whereas|während|wobei)\s+(?:the\s+|der\s+|die\s+)?{ASSET_WORDS}))"
)


def detect_language(text: str) -> str:
    """'de' or 'en', by counting frequent function words of each in the first 1,200 characters
    (German wins ties)."""
    words = text[:1200].lower().split()
    de = sum(map(LEXICON.german_set.__contains__, words))  # counted in C
    en = sum(map(LEXICON.english_set.__contains__, words))
    return "en" if en > de else "de"


def _ends_sentence(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the punctuation ``m`` ends the sentence that began at ``start``."""
    following = text[m.end() : m.end() + 12].lstrip()
    camel = following[1:2].isupper()  # "iPhone", "eBay" start a sentence in lower case
    if following and following[0].islower() and not camel:
        return False
    before = text[max(start, m.start() - 40) : m.start()]
    words = before.rsplit(None, 1)
    token = words[-1].lower().rstrip(".").lstrip("([{\"'„“‚‘«»") if words else ""
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    ordinal = before[-1:].isdecimal()  # "13. Februar"
    return not (ordinal and following.split(" ")[0].lower().strip(".,") in MONTHS)


def _soft_break(text: str, newline: int) -> bool:
    """Whether the newline at ``newline`` only wraps a sentence: the line before ends with a
    comma or semicolon, or with a lowercase letter while the next line starts with a lowercase
    letter or a digit (not a blank line, not a list item or heading)."""
    before = text[max(0, newline - 80) : newline].rstrip(" \t")
    after = text[newline + 1 : newline + 81].lstrip(" \t")
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    if first in "\n-*#>•|":
        return False
    if last in ",;":
        return True
    return last.isalpha() and last.islower() and (first.islower() or first.isdigit())


def _line_end(text: str, pos: int) -> int:
    """The end of the logical line from ``pos``: the next newline that is no soft break."""
    newline = text.find("\n", pos)
    while newline >= 0 and _soft_break(text, newline):
        newline = text.find("\n", newline + 1)
    return newline


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    ends = list(_SENTENCE_END.finditer(text))  # no match runs over a newline
    k, n = 0, len(ends)
    while True:
        newline = _line_end(text, pos)
        line_end = size if newline < 0 else newline + 1
        start = pos
        while k < n and ends[k].start() < line_end:
            m = ends[k]
            k += 1
            if _ends_sentence(text, start, m):
                _push(spans, text, start, m.end())
                start = m.end()
        _push(spans, text, start, line_end)
        if newline < 0:
            return spans
        pos = line_end


def _push(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """text[start:end] without the whitespace around it, cut at spaces into pieces of at most
    MAX_SENTENCE characters."""
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    start = first.start()
    end = start + len(text[start:end].rstrip())
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def clause_bounds(sentence: str, pos: int, end: int) -> tuple[int, int]:
    """The clause of the sentence around [pos, end), bounded to WINDOW characters either side."""
    lo, hi = max(0, pos - WINDOW), min(len(sentence), end + WINDOW)
    left = lo
    for m in _CLAUSE_BREAK.finditer(sentence, lo, pos):
        left = m.end()
    right_m = _CLAUSE_BREAK.search(sentence, end, hi)
    right = right_m.start() if right_m else hi
    return left, right
