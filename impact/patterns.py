"""Regex building blocks shared by the registry and the claim lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["word_alternation"]


def word_alternation(words: Iterable[str], not_before: str = r"\w") -> str:
    """A group matching any of the literal ``words`` (longest first) where no ``not_before``
    character precedes it: (?<!X)(?:w1|w2|...) written as c(?<!X.)(?:rest|...) for each first
    character c. The same matches, but the pattern starts with plain characters, so Python's re
    scans for them in C instead of trying the lookbehind at every position (3-4x faster on
    long texts)."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if word:
            groups.setdefault(word[0], []).append(re.escape(word[1:]))
    parts = [
        f"{re.escape(c)}(?<!{not_before}(?s:.))(?:{'|'.join(rest)})" for c, rest in groups.items()
    ]
    return f"(?:{'|'.join(parts)})"
