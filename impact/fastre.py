"""Regex speed helpers, in one place, on public ``re`` behaviour only.

Extraction runs dozens of word-list patterns over every sentence. Three tricks keep that fast:

1. :func:`word_alternation` writes ``(?<!X)(?:w1|w2)`` as ``c(?<!X.)(?:rest|...)`` per first
   character ``c``, so ``re`` scans for plain characters in C instead of trying the lookbehind at
   every position.
2. :func:`compile_fast` puts a one-character lookahead of the possible first characters in front
   of a pattern that does not start with plain characters, so positions that cannot start a match
   are skipped at once.
3. :class:`Scan` finds each pattern's matches in a sentence once, and tries a pattern only where
   one of its literal *leads* can start (see :func:`literal_leads`): a pattern whose matches all
   start at a word start is tried only where a word begins with one of its leads.

Leads are read from our own pattern text (the lexicon's alternations of words), not from ``re``'s
private parser: the literal characters before the first regex construct of every top-level
alternative, descending into a leading group and skipping leading lookarounds. When that cannot
be said (a leading optional group, a class, an escape such as ``\\d``), there is no lead and the
pattern always runs: the helpers never change what matches, only how fast it is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = [
    "WORD_CHAR",
    "WORD_END",
    "WORD_START",
    "Scan",
    "compile_fast",
    "find_once",
    "literal_leads",
    "require",
    "top_level_alternatives",
    "word_alternation",
]

WORD_CHAR = r"\w"  # in str patterns \w takes every letter (ä, ß, é, ...): no class needed
WORD_START = rf"(?<!{WORD_CHAR})"
WORD_END = rf"(?!{WORD_CHAR})"
_LEAD_CHARS = 6  # leads are cut to this many characters
_FRAGMENT = 4  # word gates index words by this many leading characters
_WORD_FRAGMENT = re.compile(rf"(\w{{1,{_FRAGMENT}}})\w*")  # a word; group 1: its fragment
_QUANTIFIERS = "?*{"
_WORD_CHARS = re.compile(r"\w+")


def word_alternation(words: Iterable[str], not_before: str = r"\w") -> str:
    """A group matching any of the literal ``words`` (longest first) where no ``not_before``
    character precedes it, written so that it starts with plain characters (trick 1)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if word:
            groups.setdefault(word[0], []).append(re.escape(word[1:]))
    parts = [
        f"{re.escape(c)}(?<!{not_before}(?s:.))(?:{'|'.join(rest)})" for c, rest in groups.items()
    ]
    return f"(?:{'|'.join(parts)})"


def _group_end(pattern: str, start: int) -> int:
    """Index just past the parenthesis that closes the group opened at ``start``."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1 + (pattern[i + 1] == "^")
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (not inside groups or classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1):
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _group_body(pattern: str, i: int) -> tuple[str, int] | None:
    """The inside of a capturing-free or named group opened at ``i``, and the index after it."""
    if pattern.startswith("(?:", i):
        body_start = i + 3
    elif pattern.startswith("(?P<", i):
        body_start = pattern.index(">", i) + 1
    elif not pattern.startswith("(?", i):
        body_start = i + 1
    else:
        return None
    end = _group_end(pattern, i)
    return pattern[body_start : end - 1], end


def _alternative_leads(alt: str) -> set[str] | None:
    """Literal prefixes every match of one alternative starts with (None: not known)."""
    i = 0
    while alt.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # zero-width: skip
        i = _group_end(alt, i)
    if alt.startswith("(", i):
        group = _group_body(alt, i)
        if group is None or alt[group[1] : group[1] + 1] in tuple(_QUANTIFIERS):
            return None
        return _leads_of(group[0])
    if (
        alt.startswith("\\d", i)
        and alt[i + 2 : i + 3] not in ("?", "*")
        and not alt.startswith("{0", i + 2)
    ):
        return set("0123456789")  # at least one digit first: a number
    prefix = []
    while i < len(alt):
        ch = alt[i]
        if ch == "\\" and i + 1 < len(alt) and not alt[i + 1].isalnum():
            prefix.append(alt[i + 1])
            i += 2
        elif ch in ".^$|()[]+" or ch in _QUANTIFIERS or ch == "\\":
            break
        else:
            prefix.append(ch)
            i += 1
    if i < len(alt) and alt[i] in _QUANTIFIERS and prefix:
        prefix.pop()  # "Aktien?": the last character is optional
    return {"".join(prefix)} if prefix else None


def _leads_of(pattern: str) -> set[str] | None:
    leads: set[str] = set()
    for alt in top_level_alternatives(pattern):
        found = _alternative_leads(alt)
        if found is None:
            return None
        leads |= found
    return leads


def literal_leads(pattern: str) -> frozenset[str] | None:
    """The literal prefixes (cut to six characters, as written) that every match of ``pattern``
    starts with, or None when some alternative may start otherwise."""
    try:
        leads = _leads_of(pattern)
    except ValueError:
        return None
    return None if not leads else frozenset(lead[:_LEAD_CHARS] for lead in leads)


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with a lookahead of the possible first characters (trick 2), unless every
    alternative already starts with a plain character (``re`` skips positions for those)."""
    alternatives = top_level_alternatives(pattern)
    plain = not flags & re.IGNORECASE and all(
        alt[:1] and alt[0] not in "\\.^$|()[]+*?{" for alt in alternatives
    )
    leads = None if plain else literal_leads(pattern)
    if leads is None:
        return re.compile(pattern, flags)
    cls = "".join(sorted({re.escape(lead[0]) for lead in leads}))
    return re.compile(f"(?=[{cls}]){pattern}", flags)


# A pattern's gate. ("word", fragments): every match starts at a word start with one of the
# fragments (a lead's leading word characters, lower-cased, at most _FRAGMENT); ("text", leads):
# every match starts with one of the leads (lower-cased); ("need", ()): the pattern's declared
# necessary pattern must match first (see require); None: no gate.
_Gate = tuple[str, tuple[str, ...]] | None
_GATES: dict[int, tuple[re.Pattern[str], _Gate]] = {}
_OWNERS: dict[str, list[int]] = {}  # fragment -> the word-gated patterns it opens
_OWNERS_OF_START: dict[str, tuple[int, ...]] = {}  # a word's first letters -> owners (memo)


def _strip_lookahead(pattern: str) -> str:
    """The pattern without the first-character lookahead compile_fast may have added."""
    if pattern.startswith("(?=["):
        return pattern[_group_end(pattern, 0) :]
    return pattern


_NEEDS: dict[int, re.Pattern[str]] = {}  # pattern -> a cheap pattern every match implies


def require(pattern: re.Pattern[str], needed: re.Pattern[str]) -> re.Pattern[str]:
    """Declare that ``pattern`` can only match in a text where ``needed`` matches (a cheap
    necessary condition, e.g. a year followed by "to"): :class:`Scan` runs ``pattern`` only
    then. For a pattern without literal leads; ``needed`` should start with plain characters or
    a character class, so ``re`` finds it fast."""
    if id(pattern) in _GATES:
        raise ValueError("require() must come before the pattern is first scanned")
    _NEEDS[id(pattern)] = needed
    _GATES[id(pattern)] = (pattern, ("need", ()))
    return pattern


def _gate(pattern: re.Pattern[str]) -> _Gate:
    key = id(pattern)
    known = _GATES.get(key)
    if known is not None:
        return known[1]
    source = _strip_lookahead(pattern.pattern)
    leads = literal_leads(source)
    gate: _Gate = None
    if leads is not None:
        lower = tuple(sorted({lead.lower() for lead in leads}))
        gate = ("text", lower)
        fragments = [_WORD_CHARS.match(lead) for lead in lower]
        if source.startswith(WORD_START) and all(fragments):
            words = sorted({f.group(0)[:_FRAGMENT] for f in fragments if f})
            for fragment in words:
                _OWNERS.setdefault(fragment, []).append(key)
            _OWNERS_OF_START.clear()
            gate = ("word", tuple(words))
    _GATES[key] = (pattern, gate)  # keeps the pattern alive, so its id is never reused
    return gate


def _owners_of(start: str) -> tuple[int, ...]:
    """The word-gated patterns one of whose fragments begins a word beginning with ``start``."""
    owners = _OWNERS_OF_START.get(start)
    if owners is None:
        if len(_OWNERS_OF_START) > 50_000:  # a memo, bounded
            _OWNERS_OF_START.clear()
        found = {o for k in range(1, len(start) + 1) for o in _OWNERS.get(start[:k], ())}
        owners = _OWNERS_OF_START[start] = tuple(sorted(found))
    return owners


def _absent(pattern: re.Pattern[str], gate: _Gate, text: str, lower: str) -> bool:
    """Whether the pattern's gate rules a match in ``text`` out without trying the pattern: no
    lead (or lead fragment) occurs in ``lower`` (the lower-cased text; "" when lower-casing
    shifts positions: then leads are not looked at), or its declared necessary pattern is absent."""
    if gate is None:
        return False
    if gate[0] == "need":
        return _NEEDS[id(pattern)].search(text) is None
    return bool(lower) and not any(map(lower.__contains__, gate[1]))


def find_once(pattern: re.Pattern[str], text: str, lower: str | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a text scanned for a few patterns only (no word
    index): none when the pattern's gate rules it out (``lower``: the lower-cased text)."""
    lower = text.lower() if lower is None else lower
    if _absent(pattern, _gate(pattern), text, lower if len(lower) == len(text) else ""):
        return []
    return list(pattern.finditer(text))


class Scan:
    """Each pattern's matches over one text, found once and reused (trick 3)."""

    __slots__ = ("_cache", "_lower", "_memo", "_places", "_places_for", "text")

    def __init__(self, text: str, lower: str | None = None) -> None:
        """``lower``: ``text.lower()`` when the caller has it (a slice of its text's)."""
        self.text = text
        self._lower: str | None = lower
        self._places: dict[int, list[int]] | None = None
        self._places_for = 0  # how many gates were known when _places was built
        self._cache: dict[int, list[re.Match[str]]] = {}
        self._memo: dict[str, Any] = {}

    def _word_index(self) -> dict[int, list[int]]:
        """For every word-gated pattern, where a word starts with one of its fragments, in text
        order: one pass over the words for all of them at once."""
        places: dict[int, list[int]] = {}
        memo = _OWNERS_OF_START
        for m in _WORD_FRAGMENT.finditer(self._lower or ""):
            start = m.group(1)
            owners = memo.get(start)
            if owners is None:
                owners = _owners_of(start)
            if owners:
                at = m.start()
                for owner in owners:
                    found = places.get(owner)
                    if found is None:
                        places[owner] = [at]
                    else:
                        found.append(at)
        self._places, self._places_for = places, len(_GATES)
        return places

    def all(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``, found faster where the pattern's gate allows."""
        key = id(pattern)
        found = self._cache.get(key)
        if found is not None:
            return found
        known = _GATES.get(key)
        gate = known[1] if known is not None else _gate(pattern)
        lower = self._lower
        if lower is None:
            lower = self.text.lower()
            lower = self._lower = lower if len(lower) == len(self.text) else ""  # "İ".lower()
        if gate is None or gate[0] != "word" or not lower:
            absent = _absent(pattern, gate, self.text, lower)
            found = [] if absent else list(pattern.finditer(self.text))
        else:
            places = self._places
            if places is None or self._places_for != len(_GATES):
                places = self._word_index()
            at = places.get(key)
            found = self._anchored(pattern, at) if at else []
        self._cache[key] = found
        return found

    def _anchored(self, pattern: re.Pattern[str], places: list[int]) -> list[re.Match[str]]:
        """The pattern tried at each of ``places`` (ascending), the next try after the end of
        the last match: what finditer finds, as every match starts at one of them."""
        found: list[re.Match[str]] = []
        end = 0
        for at in places:
            m = pattern.match(self.text, at) if at >= end else None
            if m is None:
                continue
            if m.end() == m.start():  # an empty match: let finditer decide what follows
                return list(pattern.finditer(self.text))
            found.append(m)
            end = m.end()
        return found

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A value derived from this text, built once (e.g. every cue of a lexicon, sorted)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[no-any-return]

    def within(self, pattern: re.Pattern[str], lo: int, hi: int) -> list[re.Match[str]]:
        """The matches lying inside [lo, hi)."""
        return [m for m in self.all(pattern) if lo <= m.start() and m.end() <= hi]

    def nearest(self, pattern: re.Pattern[str], lo: int, hi: int, pos: int) -> re.Match[str] | None:
        """The match inside [lo, hi) that starts closest to ``pos`` (the first on ties)."""
        best, best_d = None, None
        for m in self.within(pattern, lo, hi):
            d = abs(m.start() - pos)
            if best_d is None or d < best_d:
                best, best_d = m, d
        return best
