"""The number grammar: German and English numerals, units, currencies, scales, masks.

A numeral is read in code, not by backtracking: ``NUMERAL`` matches digit runs joined by ``.``/``,``
(one way to match) or grouped in threes by spaces, no-break spaces or apostrophes; then fixed
alternations are tried at the positions right after it (scale, currency, unit, mark, counted noun)
and, in bounded windows, right before it (currency, sign, masks). Every step is linear in the text.

Rules (see :func:`parse_numeral` for the separators):

- *Units* right after the numeral, spaced, glued ("4.2per cent", "8k") or hyphenated
  ("5-Prozent-Marke"): percent; percentage points (basis points / 100); index points; marks
  ("7.000-Marke", "16000er Marke", "the 8,000 mark") are points (or money/percent when a currency
  or percent is written) with ``mark=True``.
- *Money*: a currency before ("HK$", "HKD 31,05", "A$") or after ("Hongkong-Dollar", "100$",
  "Euro", "pence" = GBp), a scale word after the numeral (German "Billion" = 10^12).
- *Masks* (never a quantity): dates, years 1900-2099 with no unit, clock times, index and product
  names with digits ("S&P 500", "iPhone 12", "COVID-19"), tickers and identifiers ("HKEX: 1810",
  "0700.HK", "WKN 123456"), footnotes "[7]", "30- member". Index names and years yield to a unit
  ("Dax 40 Punkte", "2010 Punkte").
- *Signs*: "+", "-", "−", "–" attached, or "plus"/"minus" (any case) before the number.
- Optional, for the assembly to judge from context: ``bare=True`` adds unit-less numerals that can
  be a level ("to 11,204.37", "auf 6.312,08", any numeral right after to/at/auf/bei/von/:),
  counts ("210 days", "neun Monate", "fifth straight day") and scaled counts ("420M");
  ``multiples=True`` adds "doubled"/"verdoppelt" (+100 %), "halved"/"halbiert" (−50 %).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from impact.claims.values import Unit
from impact.claims.words import (
    CURRENCY_AFTER,
    EXCHANGES,
    ID_LABELS,
    INDEX_NAMES,
    MONTH_ABBR,
    MONTHS_DE,
    MONTHS_EN,
    PRODUCTS,
    SCALES,
    WordReading,
    count_noun,
    word_readings,
)

__all__ = ["NumberMatch", "Style", "decimal_style", "find_numbers", "parse_numeral"]

Lang = Literal["de", "en"]
Style = Literal["comma", "point"]

_GROUP_SEPS = " \u00a0\u202f'’"
NUMERAL = re.compile(
    r"\d(?<![\w.,/]\d)(?:\d{0,2}(?:[ \u00a0\u202f'’]\d{3}(?!\d))+(?:[.,]\d+)?|\d*(?:[.,]\d+)*)"
)
_MAX_NUMERAL = 24  # longer digit runs are not quantities a reader can check
_SEPS = re.compile(r"[.,]")
_G = r"[ \u00a0\u202f]"  # one space between a numeral and its unit


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A quantity in the text: numeral, unit, currency and scale, with its span."""

    start: int
    end: int
    value: float  # as stated, before scale (14.5 for "14,5 Milliarden"); fractions in percent
    decimals: int  # stated precision: digits after the decimal separator
    unit: Unit | None  # None: a bare level candidate or a count (only with bare=True)
    currency: str | None = None
    scale: float = 1.0
    sign: int = 0  # +1 / -1 when written with +, -, plus, minus (or halved)
    worded: bool = False  # written in words: "fünf", "a fifth", "verdoppelt"
    half_unit: float | None = None  # rounding the words imply; None: 0.5 x 10^-decimals
    mark: bool = False  # a threshold: "7.000-Marke", "16000er Marke", "the 8,000 mark"
    noun: str | None = None  # the counted noun of a count ("days", "Monate", "Aktien")
    currency_text: str | None = None  # the currency as written: "$", "US$", "Hongkong-Dollar"

    @property
    def amount(self) -> float:
        return self.value * self.scale

    @property
    def rounding(self) -> float:
        """Half-width of the rounding interval, in units of ``value``."""
        return self.half_unit if self.half_unit is not None else 0.5 * 10.0**-self.decimals


def _alt(pairs: list[tuple[str, object]], end: str = "") -> tuple[re.Pattern[str], list]:
    """One pattern of numbered groups, and the value of each group."""
    return re.compile("|".join(f"({p}){end}" for p, _ in pairs)), [v for _, v in pairs]


_SCALE_RE = {lang: _alt(pairs, r"(?![^\W_])") for lang, pairs in SCALES.items()}
_SCALE_GLUED = _alt([("k|K", 1e3), ("m|M", 1e6), ("b|B", 1e9), ("T", 1e12)], r"(?![^\W_])")
_CUR_AFTER_RE = _alt(CURRENCY_AFTER, r"(?![^\W_])")
_PENCE_GLUED = re.compile(r"p(?![^\W_])")
_CURRENCY_BEFORE = {
    "HK$": "HKD", "US$": "USD", "A$": "AUD", "AU$": "AUD", "S$": "SGD", "SG$": "SGD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "HKD": "HKD", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "CHF": "CHF", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "AUD": "AUD", "SGD": "SGD", "CAD": "CAD", "SFr.": "CHF",
    "Fr.": "CHF",
}  # fmt: skip
_CUR_BEFORE_RE = re.compile(
    r"(?:(?<![^\W\d_])(HK\$|US\$|AU\$|A\$|SG\$|S\$|CA\$|C\$|NZ\$|HKD|USD|EUR|GBP|CHF|JPY|CNY|RMB"
    r"|AUD|SGD|CAD|SFr\.|Fr\.)|(\$|€|£|¥))" + _G + "?$"
)
_UNIT_RE = re.compile(
    r"(?:" + _G + "|-)?(?:"
    r"(Prozentpunkten|Prozentpunkte|Prozentpunkt|Prozent-Punkten?|percentage[ -]points?|ppts?"
    r"|pp|Pp\.|PP)(?![^\W_])"
    r"|(Basispunkten|Basispunkte|Basispunkt|basis[ -]points?|bps|bp|Bp\.)(?![^\W_])"
    r"|(%(?![0-9A-Fa-f]{2})|(?:Prozent|prozentig(?:e[nmrs]?)?|vH|percent|per\s?cent|pct|pc)"
    r"(?![^\W_])|Proz\.|v\.\s?H\.)"
    r"|(Indexpunkten|Indexpunkte|Punkten|Punkte|Punkt|Zählern|Zähler|Einheiten|points|point|pts"
    r"|Pkte?\.)(?![^\W_]))"
)
_UNITS: list[tuple[Unit, float]] = [
    ("percentage_points", 1.0),
    ("percentage_points", 0.01),
    ("percent", 1.0),
    ("points", 1.0),
]
_MARK_DE = re.compile(r"-(?:Marke|Schwelle|Grenze|Hürde|Linie)(?![^\W_])")
_ER_MARK = re.compile(r"er[- ](?:Marke|Schwelle|Grenze|Hürde|Linie)(?![^\W_])")
_MARK_EN = re.compile(r"[ -](?:mark|level|threshold|barrier|milestone)(?![^\W_])")
_THE_BEFORE = re.compile(r"(?<![\w])the" + _G + "$", re.IGNORECASE)
_SIGN_RE = re.compile(
    r"(?:(?<![\w])(?:[Pp]lus|[Mm]inus|PLUS|MINUS)" + _G + r"|(?<![\w+\-−–.,])([+\-−–]))$"
)
_PREP_RE = re.compile(
    r"(?:(?<![\w])(?:to|at|from|auf|bei|von|nach)" + _G + r"(?:(?:about|around|roughly|"
    r"nearly|almost|just|rund|etwa|knapp|fast|gut|über|unter)" + _G + r")?|:" + _G + r"?)$"
)

# masks: before the numeral (always), before it (yield to a unit), after it (always)
_MASK_BEFORE = re.compile(
    rf"(?:(?<![\w])(?:{PRODUCTS})[ \u00a0-]?|(?<![\w])(?:{EXCHANGES}){_G}?:{_G}?"
    rf"|(?<![\w])(?:{ID_LABELS}){_G}?:?{_G}?)$"
)
_MASK_NAME = re.compile(rf"(?:(?<![\w])(?:{INDEX_NAMES})[ \u00a0-]?|(?<![\w&])[A-Z][A-Za-z]*-)$")
_MASK_MONTH_BEFORE = re.compile(rf"(?<![\w])(?:(?:{MONTH_ABBR})\.?|{MONTHS_EN}){_G}$")
_MASK_AFTER = {
    lang: re.compile(
        r"(?::\d{2}(?::\d{2})?(?!\d)(?:" + _G + r"?(?:a\.m\.|p\.m\.|[ap]m(?![^\W_])|Uhr))?"
        r"|"
        + _G
        + r"?(?:a\.m\.|p\.m\.|Uhr(?![^\W_]))"
        + (r"|" + _G + r"?[ap]m(?![^\W_])" if lang == "en" else r"|[ap]m(?![^\W_])")
        + r"|\.(?:HK|SS|SZ|T|KS|KQ|TW|SI|AX|TO|L|DE|F|PA|AS|MI|SW)(?![^\W_])"
        r"|(?:/\d+)+|-" + _G + r"(?=[a-zäöü]))"
    )
    for lang in ("de", "en")
}
_MASK_DAY_AFTER = re.compile(
    rf"(?:st|nd|rd|th)(?![^\W_])|\.{_G}?(?:{MONTHS_DE}|(?:{MONTH_ABBR})\.?)(?![^\W_])"
    rf"|{_G}(?:of )?(?:{MONTHS_EN}|{MONTHS_DE}|(?:{MONTH_ABBR})\.)(?![^\W_])"
)
_ISO_AFTER = re.compile(r"-\d{1,2}(?:-\d{1,2})?(?!\d)")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})")


def parse_numeral(
    token: str, lang: Lang, *, style: Style | None = None, scaled: bool = False
) -> tuple[float, int] | None:
    """``'1.234,56'`` (de) -> (1234.56, 2); ``'9,1'`` (de) -> (9.1, 1); None if not a quantity.

    Rules: spaces or apostrophes group thousands (the other separator is decimal); with both ``.``
    and ``,`` the last is decimal and the other groups threes; one separator repeated groups
    threes, else no number (13.02.2025, 3.1.4). One separator once: decimal unless exactly three
    digits follow a 1-3 digit head other than "0"; then, in the comma style (German), "," is
    decimal ("1,584") and "." groups thousands unless a scale word follows ("3.417 Billionen");
    in the point style "," groups thousands and "." is decimal in English ("1.234"), and in a
    German text only before a scale word.
    """
    if len(token) > _MAX_NUMERAL:
        return None
    style = style or ("comma" if lang == "de" else "point")
    if any(c in _GROUP_SEPS for c in token):
        digits = "".join(c for c in token if c not in _GROUP_SEPS)
        head, _, tail = digits.replace(",", ".").partition(".")
        return float(f"{head}.{tail}" if tail else head), len(tail)
    seps = _SEPS.findall(token)
    if not seps:
        return float(token), 0
    groups = _SEPS.split(token)
    threes = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:-1])
    if len(set(seps)) == 2:
        if seps.count(seps[-1]) != 1 or not threes:
            return None
        return float(f"{''.join(groups[:-1])}.{groups[-1]}"), len(groups[-1])
    if len(seps) > 1:
        return (float("".join(groups)), 0) if threes and len(groups[-1]) == 3 else None
    head, tail, sep = groups[0], groups[1], seps[0]
    if len(tail) == 3 and len(head) <= 3 and head != "0":
        if style == "comma":
            decimal = sep == "," or scaled
        else:
            decimal = sep == "." and (lang == "en" or scaled)
        if not decimal:
            return float(head + tail), 0
    return float(f"{head}.{tail}"), len(tail)


def decimal_style(text: str, lang: Lang) -> Style:
    """Which separator is decimal in this text: a German text whose numbers show dot decimals
    (one, two or four or more digits after a single ".", "1,234.5") and no comma decimals is in
    the point style (Swiss sites: "241.65 Franken"); an English text is in the comma style only
    when comma decimals stand before a percent sign and no dot decimals appear."""
    point = comma = 0
    comma_pct = False
    for m in NUMERAL.finditer(text):
        token = m.group(0)
        if token.isdigit():  # no separator: says nothing (most numerals)
            continue
        seps = _SEPS.findall(token)
        if not seps or any(c in _GROUP_SEPS for c in token):
            continue
        if len(set(seps)) == 2:
            point += seps[-1] == "."
            comma += seps[-1] == ","
            continue
        if len(seps) > 1 or len(_SEPS.split(token)[1]) == 3:
            continue
        if seps[0] == ",":
            comma += 1
            comma_pct = comma_pct or text.startswith(("%", " %", "\u00a0%"), m.end())
        elif not _MASK_AFTER[lang].match(text, m.end()) and not text.startswith(".", m.end()):
            point += 1
    if lang == "de":
        return "point" if point and not comma else "comma"
    return "comma" if comma_pct and not point else "point"


@dataclass(slots=True)
class _Suffix:
    """What follows a numeral: unit, scale, currency, mark or counted noun, and where it ends."""

    end: int
    unit: Unit | None = None
    factor: float = 1.0  # basis points -> percentage points
    scale: float = 1.0
    currency: str | None = None
    currency_text: str | None = None
    mark: bool = False
    noun: str | None = None
    glued: bool = False  # a letter follows the numeral and is none of these


def _scale_at(text: str, pos: int, lang: Lang, money: bool) -> tuple[float, int] | None:
    pattern, values = _SCALE_RE[lang]
    gap = pos + 1 if text.startswith(("-", " ", "\u00a0", "\u202f"), pos) else pos
    m = pattern.match(text, gap)
    if m is None and gap == pos:
        m = _SCALE_GLUED[0].match(text, pos)
        if m is None or (m.group(0) == "T" and not money):
            return None
        return _SCALE_GLUED[1][m.lastindex - 1], m.end()  # type: ignore[operator]
    return (values[m.lastindex - 1], m.end()) if m else None  # type: ignore[operator]


def _currency_at(text: str, pos: int) -> tuple[str, str, int] | None:
    pattern, values = _CUR_AFTER_RE
    gap = pos + 1 if text.startswith(("-", " ", "\u00a0", "\u202f"), pos) else pos
    m = pattern.match(text, gap)
    if m is None:
        m = _PENCE_GLUED.match(text, pos)
        return ("GBp", "p", m.end()) if m else None
    return values[m.lastindex - 1], m.group(0), m.end()  # type: ignore[operator,return-value]


def _read_suffix(text: str, pos: int, lead: int, lang: Lang, money: bool, worded: bool) -> _Suffix:
    """The unit grammar after a numeral ending at ``pos`` whose number (with any currency
    before it) starts at ``lead`` (see the module docstring)."""
    out = _Suffix(pos)
    er_mark = None if worded else _ER_MARK.match(text, pos)
    if er_mark:
        out.unit, out.mark, out.end = "points", True, er_mark.end()
        return out
    scale = _scale_at(text, pos, lang, money)
    if scale:
        out.scale, out.end = scale
    currency = _currency_at(text, out.end)
    if currency:
        out.currency, out.currency_text, out.end = currency
        out.unit = "money"
    elif out.scale == 1.0:
        unit = _UNIT_RE.match(text, pos)
        if unit and not (worded and unit.group(unit.lastindex or 0) in {"Punkt", "point"}):
            out.unit, out.factor = _UNITS[unit.lastindex - 1]  # type: ignore[operator]
            out.end = unit.end()
    if lang == "de":
        mark = _MARK_DE.match(text, out.end)
    else:
        the = _THE_BEFORE.search(text, max(0, lead - 8), lead)
        mark = _MARK_EN.match(text, out.end) if the else None
    if mark:
        out.mark, out.end = True, mark.end()
        out.unit = out.unit or "points"
    if out.unit is None:
        noun = count_noun(text, out.end, lang)
        if noun:
            out.noun, out.end = noun
        else:
            nxt = text[out.end : out.end + 2]
            out.glued = nxt[:1].isalpha() or (nxt[:1] == "-" and nxt[1:].isalpha())
    return out


def _hard_mask(text: str, s: int, e: int, token: str, lang: Lang) -> int | None:
    """End of the stretch masked whatever follows (times, dates, names, identifiers), or None."""
    if _MASK_BEFORE.search(text, max(0, s - 24), s):
        return e
    if s > 0 and text[s - 1] == "[" and text.startswith("]", e):
        return e + 1
    after = _MASK_AFTER[lang].match(text, e)
    if after:
        return after.end()
    if token.isdigit():
        if len(token) <= 2 and 1 <= int(token) <= 31:
            day = _MASK_DAY_AFTER.match(text, e)
            if day:
                return day.end()
        if len(token) == 4:
            iso = _ISO_AFTER.match(text, e)
            if iso:
                return iso.end()
    date = _NUMERIC_DATE.fullmatch(token) if lang == "de" else None
    if date and text.startswith(".", e):
        if 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12:
            return e + 1
    return None


def _soft_mask(text: str, s: int, token: str) -> bool:
    """Masked unless a unit follows: years, index and hyphenated names, a day after a month."""
    if not token.isdigit():
        return False
    value = int(token)
    if len(token) == 4 and 1900 <= value <= 2099:
        return True
    if _MASK_NAME.search(text, max(0, s - 32), s):
        return True
    return value <= 31 and bool(_MASK_MONTH_BEFORE.search(text, max(0, s - 12), s))


def _sign(text: str, lead: int) -> tuple[int, int]:
    """The sign written before ``lead`` and where it starts (0, lead when none)."""
    m = _SIGN_RE.search(text, max(0, lead - 7), lead)
    if not m:
        return 0, lead
    word = m.group(0).strip().lower()
    return (-1 if word in {"minus", "-", "−", "–"} else 1), m.start()


# "um 11,7 bzw. 12,4 Prozent", "by 2.1 and 3.4 percent": the unit of the second is the first's
_SHARED_UNIT = re.compile(
    rf"{_G}(?:und|bzw\.|beziehungsweise|respektive|and|or|oder){_G}(?=[+\-−]?\d)"
)
_RANGE_BEFORE = re.compile(r"(?:zwischen|between)\s+[+\-−]?$", re.IGNORECASE)
_SHAREABLE = frozenset({"percent", "percentage_points", "points"})


def _shared_unit(
    text: str, s: int, e: int, value: float, lang: Lang, style: Style
) -> _Suffix | None:
    """The percent or point unit of the numeral after "und/bzw./and", shared by the one of
    ``value`` at [s, e): two figures of like size ("um 11,7 bzw. 12,4 Prozent"), not a
    restatement in another unit ("um 150 bzw. 1,1 Prozent": points, then percent) and not a
    range ("zwischen 2 und 3 Prozent")."""
    link = _SHARED_UNIT.match(text, e)
    if link is None or _RANGE_BEFORE.search(text, max(0, s - 12), s):
        return None
    nxt = NUMERAL.match(text, link.end() + (text[link.end()] in "+-−"))
    parsed = parse_numeral(nxt.group(0), lang, style=style) if nxt else None
    if nxt is None or parsed is None or not 0.1 <= abs(value) / max(parsed[0], 1e-9) <= 10:
        return None
    sfx = _read_suffix(text, nxt.end(), nxt.start(), lang, False, False)
    if sfx.unit not in _SHAREABLE or sfx.scale != 1.0 or sfx.mark:
        return None
    return _Suffix(e, sfx.unit, sfx.factor)


def _digit_number(
    text: str, s: int, e: int, token: str, lang: Lang, style: Style, bare: bool
) -> tuple[NumberMatch | None, bool]:
    """The quantity of one numeral, and whether it was masked."""
    cur = _CUR_BEFORE_RE.search(text, max(0, s - 6), s)
    lead = cur.start() if cur else s
    sfx = _read_suffix(text, e, lead, lang, cur is not None, False)
    parsed = parse_numeral(token, lang, style=style, scaled=sfx.scale != 1.0)
    if parsed is None:
        return None, False
    value, decimals = parsed
    if sfx.unit is None and sfx.scale == 1.0 and sfx.noun is None and cur is None:
        sfx = _shared_unit(text, s, e, value, lang, style) or sfx
    currency, currency_text, unit = sfx.currency, sfx.currency_text, sfx.unit
    if cur and unit not in {"percent", "percentage_points"}:
        currency_text = cur.group(1) or cur.group(2)
        currency, unit = _CURRENCY_BEFORE[currency_text], "money"
    if unit is None and sfx.scale == 1.0 and _soft_mask(text, s, token):
        return None, True
    if unit is None:
        level = (value >= 100 and (decimals > 0 or not token.isdigit())) or bool(
            _PREP_RE.search(text, max(0, s - 30), s)
        )
        if not bare or sfx.glued or not (sfx.scale != 1.0 or sfx.noun or level):
            return None, False
    if sfx.factor != 1.0:
        value, decimals = value * sfx.factor, decimals + 2
    sign, start = _sign(text, lead)
    number = NumberMatch(
        start, sfx.end, value, decimals, unit, currency, sfx.scale, sign,
        mark=sfx.mark, noun=sfx.noun, currency_text=currency_text,
    )  # fmt: skip
    return number, False


def _word_number(r: WordReading, text: str, lang: Lang, bare: bool) -> NumberMatch | None:
    """The quantity of a number in words, or None when no unit (or counted noun) follows."""
    if r.kind in {"fraction", "multiple"}:
        sign = r.sign or _sign(text, r.start)[0]
        return NumberMatch(
            r.start, r.end, r.value, 0, "percent", sign=sign, worded=True, half_unit=r.half_unit
        )
    if r.kind == "ordinal":
        if not bare:
            return None
        return NumberMatch(
            r.start, r.end, r.value, 0, None, worded=True, half_unit=0.5, noun=r.noun
        )
    sfx = _read_suffix(text, r.end, r.start, lang, False, True)
    if r.kind == "article" and sfx.scale == 1.0:
        return None
    if sfx.unit is None and not (bare and (sfx.scale != 1.0 or (sfx.noun and r.value != 1))):
        return None
    sign, start = _sign(text, r.start)
    return NumberMatch(
        start, sfx.end, r.value * sfx.factor, 0, sfx.unit, sfx.currency, sfx.scale, sign,
        worded=True, half_unit=r.half_unit * sfx.factor, mark=sfx.mark, noun=sfx.noun,
        currency_text=sfx.currency_text,
    )  # fmt: skip


def find_numbers(
    text: str,
    lang: Lang,
    *,
    style: Style | None = None,
    bare: bool = False,
    multiples: bool = False,
) -> list[NumberMatch]:
    """Every quantity in ``text`` in text order: numerals and numbers in words with a unit
    (percent, percentage points, points, money), after the masks; with ``bare``, also unit-less
    level candidates and counts; with ``multiples``, "doubled"/"halved" and the like. ``style``
    is the decimal style (default: :func:`decimal_style` of ``text``; pass the article's)."""
    style = style or decimal_style(text, lang)
    found: list[NumberMatch] = []
    skip, masked_end = 0, -2
    for m in NUMERAL.finditer(text):
        s, e = m.span()
        if s < skip:
            continue
        token = m.group(0)
        chained = masked_end == s - 1 and text[s - 1] in "-./"
        hard = e if chained else _hard_mask(text, s, e, token, lang)
        if hard is not None:
            skip = masked_end = hard
            continue
        number, masked = _digit_number(text, s, e, token, lang, style, bare)
        if masked:
            masked_end = e
        if number is not None:
            found.append(number)
            skip = number.end
    for reading in word_readings(text, lang, multiples=multiples):
        number = _word_number(reading, text, lang, bare)
        if number is not None:
            found.append(number)
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[NumberMatch] = []
    for number in found:
        if not out or number.start >= out[-1].end:
            out.append(number)
    return out
