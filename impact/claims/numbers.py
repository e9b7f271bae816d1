"""The number grammar: German and English numerals, percent vs percentage points, money.

Every pattern is linear-time: a numeral is ``\\d+(?:[.,]\\d+)*`` (separators between digit runs,
so there is exactly one way to match), and units are alternations of fixed words tried at one
position. Parsing the numeral is done in code, not by backtracking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["NumberMatch", "find_numbers", "parse_numeral"]

Lang = Literal["de", "en"]
Unit = Literal["percent", "percentage_points", "money", "points"]

NUMERAL = re.compile(r"(?=\d)(?<![\w.,])\d+(?:[.,]\d+)*")
_MAX_NUMERAL = 24  # longer digit runs are not quantities a reader can check

# scale words: (pattern, factor); German "Billion" = 10**12, English "billion" = 10**9
_SCALES_DE = [
    (r"Tsd\.|Tausend", 1e3),
    (r"Mio\.|Millionen|Million", 1e6),
    (r"Mrd\.|Milliarden|Milliarde", 1e9),
    (r"Bio\.|Billionen|Billion", 1e12),
]
_SCALES_EN = [
    (r"thousand|k(?![a-z])", 1e3),
    (r"million|mn|mln|m(?![a-z])", 1e6),
    (r"billion|bn|bln|b(?![a-z])", 1e9),
    (r"trillion|tn|trn", 1e12),
]
# currency words after the number, and symbols/codes before it
_CURRENCY_AFTER = [
    (r"US-Dollars|US-Dollar|US\$|U\.S\. dollars?|US dollars?", "USD"),
    (r"Hongkong-Dollar|HK-Dollar|Hong Kong dollars?|HK\$|HKD", "HKD"),
    (r"Dollars|Dollar|dollars?|USD|\$", "USD"),
    (r"Euros|Euro|euros?|EUR|€", "EUR"),
    (r"Yuan|yuan|Renminbi|renminbi|RMB|CNY", "CNY"),
    (r"Yen|yen|JPY|¥", "JPY"),
    (r"Pfund|pounds?|GBP|£", "GBP"),
    (r"Franken|CHF", "CHF"),
]
_CURRENCY_BEFORE = [
    (r"HK\$|HKD", "HKD"),
    (r"US\$|USD|\$", "USD"),
    (r"€|EUR", "EUR"),
    (r"£|GBP", "GBP"),
    (r"¥|CNY|RMB", "CNY"),
]
_PERCENT = r"%(?![0-9A-Fa-f]{2})|Prozent|vH|v\. ?H\.|percent|per cent|pct\.?"
_POINTS = r"Prozentpunkte[n]?|Prozentpunkt|percentage points?|ppts?|pp\.?|Pp\.?"
_BASIS_POINTS = r"Basispunkte[n]?|Basispunkt|basis points?|bps|bp"
_INDEX_POINTS = r"Punkte[n]?|Zähler[n]?|points|pts"


def _alt(pairs: list[tuple[str, object]]) -> tuple[re.Pattern[str], list[object]]:
    body = "|".join(f"({p})" for p, _ in pairs)
    return re.compile(body), [v for _, v in pairs]


_SCALE_RE = {
    "de": _alt(_SCALES_DE),
    "en": _alt(_SCALES_EN),
}
_CUR_AFTER_RE = _alt(_CURRENCY_AFTER)
_CUR_BEFORE_RE = re.compile(r"(?:" + "|".join(f"({p})" for p, _ in _CURRENCY_BEFORE) + r")\s?$")
_CUR_BEFORE_VALUES = [v for _, v in _CURRENCY_BEFORE]
_UNIT_RE = re.compile(
    rf"\s?(?:({_POINTS})|({_BASIS_POINTS})|({_PERCENT})|({_INDEX_POINTS}))(?![A-Za-zÄÖÜäöüß])"
)
_SIGN_RE = re.compile(r"(?:(plus|minus|Plus|Minus)\s|([+\-−–]))$")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A quantity in the text: numeral, unit, currency and scale, with its span."""

    start: int
    end: int
    value: float  # as stated, before scale (18.5 for "18,5 Milliarden")
    decimals: int  # stated precision: digits after the decimal separator
    unit: Unit
    currency: str | None = None
    scale: float = 1.0
    sign: int = 0  # +1 / -1 when written with +, -, plus, minus

    @property
    def amount(self) -> float:
        return self.value * self.scale


def parse_numeral(token: str, lang: Lang) -> tuple[float, int] | None:
    """``'1.234,56'`` (de) -> (1234.56, 2); ``'9,1'`` (de) -> (9.1, 1); None if not a quantity.

    Rules: with both separators the last is the decimal one and the other groups thousands in
    threes; a lone separator followed by exactly three digits is a thousands separator in the
    language that uses it so (``.`` in German, ``,`` in English), else decimal; several equal
    separators are thousands groups or, if the groups are not threes (13.02.2025, 3.1.4), no number.
    """
    if len(token) > _MAX_NUMERAL:
        return None
    seps = [c for c in token if c in ".,"]
    if not seps:
        return float(token), 0
    groups = re.split(r"[.,]", token)
    thousands_ok = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:-1])
    if len(set(seps)) == 2:
        decimal = seps[-1]
        if seps.count(decimal) != 1 or not thousands_ok or any(len(g) != 3 for g in groups[1:-1]):
            return None
        integer = "".join(groups[:-1])
        return float(f"{integer}.{groups[-1]}"), len(groups[-1])
    sep = seps[0]
    thousands_sep = "." if lang == "de" else ","
    if len(seps) > 1:
        if thousands_ok and len(groups[-1]) == 3:
            return float("".join(groups)), 0
        return None
    if sep == thousands_sep and len(groups[1]) == 3 and 1 <= len(groups[0]) <= 3:
        return float("".join(groups)), 0
    return float(f"{groups[0]}.{groups[1]}"), len(groups[1])


def _currency_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _CUR_AFTER_RE[0].match(text, pos)
    if not m or (m.end() < len(text) and (text[m.end()].isalpha() and m.group(0)[-1].isalpha())):
        return None, pos
    return _CUR_AFTER_RE[1][m.lastindex - 1], m.end()  # type: ignore[operator,return-value]


def find_numbers(text: str, lang: Lang) -> list[NumberMatch]:
    """Every numeral with a unit: percent, percentage points (basis points / 100), or money."""
    out: list[NumberMatch] = []
    scale_re, scale_values = _SCALE_RE[lang]
    for m in NUMERAL.finditer(text):
        parsed = parse_numeral(m.group(0), lang)
        if parsed is None:
            continue
        value, decimals = parsed
        start, end = m.start(), m.end()
        before = text[max(0, start - 8) : start]
        sign = 0
        sm = _SIGN_RE.search(before)
        if sm:
            word = (sm.group(1) or sm.group(2) or "").lower()
            sign = -1 if word in {"minus", "-", "−", "–"} else 1
            if word in {"-", "–"} and start - 2 >= 0 and text[start - 2].isalnum():
                sign = 0  # a hyphen inside a word or range ("GPT-4", "10-15"), not a sign
        unit_m = _UNIT_RE.match(text, end)
        if unit_m:
            if unit_m.group(4):
                unit, factor = "points", 1.0
            elif unit_m.group(1):
                unit, factor = "percentage_points", 1.0
            elif unit_m.group(2):
                unit, factor = "percentage_points", 0.01
            else:
                unit, factor = "percent", 1.0
            if factor != 1.0:
                value, decimals = value * factor, decimals + 2
            if sign and start > 0:
                start -= len(sm.group(0)) if sm else 0
            out.append(NumberMatch(start, unit_m.end(), value, decimals, unit, sign=sign))  # type: ignore[arg-type]
            continue
        # money: [symbol] numeral [scale] [currency]
        cur_before = _CUR_BEFORE_RE.search(before)
        pos, scale = end, 1.0
        sc = scale_re.match(text, end + 1) if end < len(text) and text[end] in " \u00a0" else None
        sc = sc or scale_re.match(text, end)
        if sc and not (sc.end() < len(text) and text[sc.end()].isalpha()):
            scale = scale_values[sc.lastindex - 1]  # type: ignore[operator,assignment]
            pos = sc.end()
        gap = pos + 1 if pos < len(text) and text[pos] in " \u00a0" else pos
        currency, cur_end = _currency_after(text, gap)
        if currency is None and gap != pos:
            currency, cur_end = _currency_after(text, pos)
        if currency is None and cur_before:
            currency = _CUR_BEFORE_VALUES[cur_before.lastindex - 1]
            start = max(0, start - 8) + cur_before.start()
            cur_end = pos
        if currency is None:
            continue
        out.append(
            NumberMatch(start, cur_end, value, decimals, "money", currency, scale, sign)  # type: ignore[arg-type]
        )
    return out
