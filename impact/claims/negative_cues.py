"""The negatives' word lists, compiled: each phrase's role and reason, and a sentence's cues found
once (``NegativeScan``: a dictionary look-up per token, linear in the sentence)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from impact.claims.lexicon_negatives import (
    BREAK,
    CASE_SENSITIVE,
    CONTRIBUTION,
    CURRENCIES,
    DEFINE,
    DETERMINERS,
    FORWARD,
    GERMAN_SUFFIXES,
    HEADS,
    MODALS_F,
    MODALS_H,
    NEUTRAL,
    NOUNS,
    PER_SHARE,
    PRICE,
    RECORD,
    SCALED_NOUNS,
    STREAK,
    TRADE,
    YOY,
)

__all__ = ["Cue", "NegativeScan", "negative_scan", "word_before"]

# ---- the lists, compiled: what each cue is for -----------------------------------------------
NOUN, HEAD, PRICE_WORD, PER_SHARE_WORD, SCALED = "noun", "head", "price", "per_share", "scaled"
MODAL_H, MODAL_F, FORWARD_WORD, YOY_WORD, TRADE_WORD = "hyp", "fc", "forward", "yoy", "trade"
CONTRIB, DEFINE_WORD, RECORD_WORD, STREAK_WORD = "contrib", "define", "record", "streak"
NEUTRAL_WORD, BREAK_WORD = "neutral", "break"

_Entry = tuple[tuple[str, ...], str, str | None]
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-‐'’][^\W_]+)*")


def _phrases(spec: str, role: str, reason: str | None) -> list[_Entry]:
    return [(tuple(p.split()), role, reason) for p in spec.split("|") if p]


def _build_table() -> dict[str, list[_Entry]]:
    """First word -> (phrase words, role, reason), longest phrase first; a phrase listed twice
    keeps its first role (the order below)."""
    entries = _phrases(NEUTRAL, NEUTRAL_WORD, None)
    entries += _phrases(STREAK, STREAK_WORD, None)
    entries += _phrases(PER_SHARE, PER_SHARE_WORD, None)
    for reason, spec in HEADS.items():
        entries += _phrases(spec, HEAD, reason)
    for reason, spec in NOUNS.items():
        entries += _phrases(spec, NOUN, reason)
    entries += _phrases(PRICE, PRICE_WORD, None)
    entries += _phrases(SCALED_NOUNS, SCALED, "market_cap")
    entries += _phrases(FORWARD, FORWARD_WORD, "forecast")
    entries += _phrases(YOY, YOY_WORD, "growth")
    entries += _phrases(MODALS_H, MODAL_H, "hypothetical")
    entries += _phrases(MODALS_F, MODAL_F, "forecast")
    entries += _phrases(DEFINE, DEFINE_WORD, "definition")
    entries += _phrases(CONTRIBUTION, CONTRIB, "contribution")
    entries += _phrases(TRADE, TRADE_WORD, "stake")
    entries += _phrases(RECORD, RECORD_WORD, None)
    entries += _phrases(BREAK, BREAK_WORD, None)
    table: dict[str, list[_Entry]] = {}
    seen: set[tuple[str, ...]] = set()
    for words, role, reason in entries:
        if words not in seen:
            seen.add(words)
            table.setdefault(words[0], []).append((words, role, reason))
    for options in table.values():
        options.sort(key=lambda e: -len(e[0]))
    return table


_TABLE = _build_table()
_SUFFIX_MIN = 3  # letters a compound must have before its listed last part
_COMPOUND_ROLES = (NOUN, HEAD, PRICE_WORD, PER_SHARE_WORD, SCALED)


@dataclass(frozen=True, slots=True)
class Cue:
    """A listed word or phrase in a sentence: token range [first, last), characters [start, end),
    what it is for (``role``) and the reason it gives."""

    first: int
    last: int
    start: int
    end: int
    role: str
    reason: str | None


def _keys(sentence: str, tokens: list[tuple[int, int, str]]) -> list[str]:
    """Lower-case look-up keys, without a trailing "'s" ("stock's" -> "stock")."""
    lower = sentence.lower()
    if len(lower) == len(sentence):
        keys = [lower[a:b] for a, b, _ in tokens]
    else:  # "İ".lower() is longer: lower each token
        keys = [t.lower() for _, _, t in tokens]
    return [k[:-2] if k.endswith(("'s", "’s")) else k for k in keys]


class NegativeScan:
    """A sentence's tokens and cues, found once and shared by all its numbers."""

    __slots__ = ("cue_at", "cue_starts", "cues", "keys", "sentence", "tokens")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]
        self.keys = keys = _keys(sentence, self.tokens)
        self.cues: list[Cue] = []
        self.cue_at: dict[int, Cue] = {}  # first token -> cue
        table_get, n, i = _TABLE.get, len(keys), 0
        while i < n:
            options = table_get(keys[i])
            if options is None:
                text = self.tokens[i][2]
                if "-" not in text and not text[0].isupper():
                    i += 1
                    continue
                options = _compound_options(keys[i], text)
            cue = self._match(i, options) if options else None
            if cue is None:
                i += 1
                continue
            self.cues.append(cue)
            self.cue_at[i] = cue
            i = cue.last
        self.cue_starts = [c.start for c in self.cues]

    def _match(self, i: int, options: list[_Entry]) -> Cue | None:
        keys, text = self.keys, self.tokens[i][2]
        wanted = CASE_SENSITIVE.get(keys[i])
        if wanted is not None and text != wanted:
            return None
        for words, role, reason in options:
            last = i + len(words)
            if last <= len(keys) and all(keys[i + k] == w for k, w in enumerate(words[1:], 1)):
                return Cue(i, last, self.tokens[i][0], self.tokens[last - 1][1], role, reason)
        return None

    def token_after(self, pos: int) -> int:
        """Index of the first token starting at or after character ``pos``."""
        return bisect.bisect_left(self.tokens, (pos,))

    def cues_between(self, lo: int, hi: int) -> list[Cue]:
        """Cues lying inside the character range [lo, hi), in text order."""
        first = bisect.bisect_left(self.cue_starts, lo)
        last = bisect.bisect_left(self.cue_starts, hi, first)
        return [c for c in self.cues[first:last] if c.end <= hi]


_SUFFIXES = tuple(GERMAN_SUFFIXES)
_SUFFIX_RE = re.compile(
    f"(?<=\\w{{{_SUFFIX_MIN}}})(?:{'|'.join(sorted(GERMAN_SUFFIXES, key=len, reverse=True))})$"
)


def _compound_options(key: str, text: str) -> list[_Entry]:
    """A word not listed whole: a hyphenated word by its last part ("Alibaba-Aktie" -> "aktie";
    never a frame word: "better-than-expected"), a German compound noun by its listed ending
    ("Gewinnprognose" -> "prognose")."""
    if "-" in key:
        options = _TABLE.get(key.rsplit("-", 1)[1], ())
        return [e for e in options if len(e[0]) == 1 and e[1] in _COMPOUND_ROLES]
    if text[0].isupper() and key.endswith(_SUFFIXES):  # the C test first: most words end otherwise
        m = _SUFFIX_RE.search(key)
        if m is not None:
            return [((key,), NOUN, GERMAN_SUFFIXES[m.group(0)])]
    return []


_LAST: list[NegativeScan] = []  # the last sentence scanned: its numbers come one after another


def negative_scan(sentence: str) -> NegativeScan:
    """The scan of ``sentence``, reused while the same sentence is asked about."""
    if _LAST and _LAST[0].sentence == sentence:
        return _LAST[0]
    scan = NegativeScan(sentence)
    _LAST[:] = [scan]
    return scan


_CURRENCY_CODES = frozenset("hk us a au c ca s sg nz".split())  # the letters of "HK$", "US$", ...


def word_before(scan: NegativeScan, cue: Cue) -> str:
    """The word before a cue, past an amount and a determiner ("from their HK$17 IPO price")."""
    k = cue.first - 1
    if k >= 0 and scan.tokens[k][2][0].isdigit():
        k -= 1
        while k >= 0 and (scan.keys[k] in _CURRENCY_CODES or scan.keys[k] in CURRENCIES):
            k -= 1
    k -= int(k >= 0 and scan.keys[k] in DETERMINERS)
    return scan.keys[k] if k >= 0 else ""
