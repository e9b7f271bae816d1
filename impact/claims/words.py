"""Words of the number grammar: numbers written in words (German and English) and the word
lists numbers.py builds its patterns from (scales, currencies, names whose digits are no quantity).

Four kinds of reading (numbers.py turns them into quantities):

- *cardinal*: "fünf", "zwölf", "einundzwanzig", "twenty-five", "a dozen", "half a"; the article
  "a"/"an" counts only before a scale word ("a billion dollars"). numbers.py keeps a cardinal only
  when a unit, a currency, a scale word or (optionally) a counted noun follows it.
- *fraction*, as a percentage: "ein Fünftel" = 20, "zwei Drittel" = 66.7, "die Hälfte" = 50,
  "jede fünfte" = 20; in English ("a fifth", "two-thirds", "half") only where the phrase reads as
  a share: followed by "of", or after a hedge or move word ("over a fifth", "by half").
- *multiple*: "verdoppelt"/"doubled" +100 %, "verdreifacht"/"tripled" +200 %, "halbiert"/"halved"
  −50 % (past forms only: "verdoppeln" is a plan, not a fact).
- *ordinal* of a streak: "third straight day", "dritten Tag in Folge" (a count of sessions).

The rounding a reader implies (``half_unit``, in the unit of the value): 0.5 for a cardinal
(an integer), 2.5 percentage points for halves to fifths, 1.25 for sixths to tenths (the corpus
truth reads "a fifth" as 20 ± 2.5), 10 % of the move for a multiple ("doubled" = +100 ± 10 %).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from impact.fastre import WORD_END, word_alternation

__all__ = [
    "CURRENCY_AFTER",
    "EXCHANGES",
    "ID_LABELS",
    "INDEX_NAMES",
    "MONTHS_DE",
    "MONTHS_EN",
    "MONTH_ABBR",
    "PRODUCTS",
    "SCALES",
    "WordReading",
    "count_noun",
    "word_readings",
]

Lang = Literal["de", "en"]
Kind = Literal["cardinal", "article", "fraction", "multiple", "ordinal"]


@dataclass(frozen=True, slots=True)
class WordReading:
    """A number in words: span, value (percent for fractions and multiples), kind, rounding."""

    start: int
    end: int
    value: float
    kind: Kind
    half_unit: float
    sign: int = 0
    noun: str | None = None  # ordinals: the counted unit ("day", "Tag")


_NOT_BEFORE = r"[\w-]"  # no number word inside a word or a hyphenated compound
_ONES_EN = "one two three four five six seven eight nine".split()
_TEENS_EN = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS_EN = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ONES_DE = "ein zwei drei vier fünf sechs sieben acht neun".split()
_TEENS_DE = "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn"
_TENS_DE = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()
_ORDINALS_EN = "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ORDINALS_DE = "zweite dritte vierte fünfte sechste siebte achte neunte zehnte elfte zwölfte"


def _cardinals(lang: Lang) -> dict[str, float]:
    """Every cardinal form 1..99, 100 and the fixed phrases, lower case."""
    ones, tens = (_ONES_EN, _TENS_EN) if lang == "en" else (_ONES_DE, _TENS_DE)
    teens = (_TEENS_EN if lang == "en" else _TEENS_DE).split()
    words: dict[str, float] = {w: i + 1.0 for i, w in enumerate(ones)}
    words |= {w: i + 10.0 for i, w in enumerate(teens)}
    for i, ten in enumerate(tens):
        words[ten] = 20.0 + 10 * i
        for j, one in enumerate(ones):
            form = f"{ten}-{one}" if lang == "en" else f"{one}und{ten}"
            words[form] = 20.0 + 10 * i + j + 1
    if lang == "en":
        words |= {"a hundred": 100.0, "one hundred": 100.0, "a dozen": 12.0, "half a": 0.5}
        words |= {f"{one} and a half": i + 1.5 for i, one in enumerate(_ONES_EN)}
        words |= {f"{teen} and a half": i + 10.5 for i, teen in enumerate(teens)}
    else:
        words |= {"eine": 1.0, "einen": 1.0, "einem": 1.0, "einer": 1.0, "eines": 1.0}
        words |= {"dreissig": 30.0, "hundert": 100.0, "einhundert": 100.0, "ein Dutzend": 12.0}
        # "eineinhalb", "fünfeinhalb", "zwölfeinhalb", "anderthalb": a half more
        words |= {f"{one}einhalb": i + 1.5 for i, one in enumerate(ones)}
        words |= {f"{teen}einhalb": i + 10.5 for i, teen in enumerate(teens)}
        words |= {"anderthalb": 1.5, "ein halbes": 0.5, "einen halben": 0.5, "ein halber": 0.5}
    return words


def _variants(words: dict[str, float]) -> dict[str, float]:
    """Each form also capitalised (sentence start, German nouns)."""
    out = dict(words)
    out.update({w[0].upper() + w[1:]: v for w, v in words.items()})
    return out


_ARTICLES = {"en": {"a": 1.0, "an": 1.0}, "de": {}}

# fractions: numerator words x denominator words -> percent
_NUM_EN = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DEN_EN = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_NUM_DE = {"ein": 1, "einem": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4}
_DEN_DE = {"Drittel": 3, "Viertel": 4, "Fünftel": 5, "Sechstel": 6, "Achtel": 8, "Zehntel": 10}


def _fractions(lang: Lang) -> dict[str, float]:
    out: dict[str, float] = {}
    nums, dens = (_NUM_EN, _DEN_EN) if lang == "en" else (_NUM_DE, _DEN_DE)
    for nw, n in nums.items():
        for dw, d in dens.items():
            plural = dw + ("s" if lang == "en" and n > 1 else "")
            seps = (" ", "-") if lang == "en" and nw != "a" else (" ",)
            for sep in seps:
                out[f"{nw}{sep}{plural}"] = round(100 * n / d, 1)
    ordinals = (_ORDINALS_EN if lang == "en" else _ORDINALS_DE).split()
    lead = ("every",) if lang == "en" else ("jede", "jeder", "jedes")
    for i, word in enumerate(ordinals):
        for every in lead:
            out[f"{every} {word}"] = round(100 / (i + 2), 1)
    out["half" if lang == "en" else "die Hälfte"] = 50.0
    return out


_MULTIPLES = {
    "en": {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0},
    "de": {
        f"{stem}{end}": v
        for stem, v in (("verdoppelt", 100.0), ("verdreifacht", 200.0), ("vervierfacht", 300.0))
        for end in ("", "e", "en")
    },
}
_HALVED = {"en": ("halved",), "de": ("halbiert", "halbierte", "halbierten")}


def _lexicon(lang: Lang) -> dict[str, tuple[Kind, float]]:
    """Every word form and phrase, with its kind and value (ordinals: the streak heads)."""
    ordinals = (_ORDINALS_EN if lang == "en" else _ORDINALS_DE).split()
    heads = ordinals if lang == "en" else [w + "n" for w in ordinals]
    lex: dict[str, tuple[Kind, float]] = {w: ("cardinal", v) for w, v in _cardinals(lang).items()}
    lex |= {w: ("article", v) for w, v in _ARTICLES[lang].items()}
    lex |= {w: ("fraction", v) for w, v in _fractions(lang).items()}
    lex |= {w: ("multiple", v) for w, v in _MULTIPLES[lang].items()}
    lex |= {w: ("multiple", -50.0) for w in _HALVED[lang]}
    lex |= {w: ("ordinal", i + 2.0) for i, w in enumerate(heads)}
    return _variants(lex)


_LEXICON = {lang: _lexicon(lang) for lang in ("de", "en")}
_WORD_RE = {
    lang: re.compile(word_alternation(_LEXICON[lang], _NOT_BEFORE) + WORD_END)
    for lang in ("de", "en")
}
# an English fraction reads as a share only before "of" or after a hedge or move word
_EN_SHARE_AFTER = re.compile(r"\s+of" + WORD_END)
_EN_SHARE_BEFORE = re.compile(
    r"(?<![\w-])(?:by|than|nearly|almost|about|around|roughly|over|some|just|lost|shed|gained|"
    r"fell|dropped|rose|jumped|slumped|surged|plunged|tumbled|cut|erased|wiped out)\s+$",
    re.IGNORECASE,
)
# "every tenth stock" / "jede zehnte Aktie" is a share; "every second counts", "jede zweite Woche"
_EVERY_NOUN = {
    "en": re.compile(
        r" (?:stock|share|company|firm|member|constituent|fund|investor|analyst|trader|bank"
        r"|household|title)s?" + WORD_END
    ),
    "de": re.compile(r" (?!(?:Tag|Woche|Monat|Jahr|Stunde|Minute|Sitzung|Mal)\w*)[A-ZÄÖÜ]"),
}
_HALF_A = re.compile(r" an?" + WORD_END)
_STREAK_TAIL = {
    "en": re.compile(
        r"[ -](?:straight|consecutive|successive)[ -](?P<noun>trading day|session|day|week"
        r"|month|year|quarter)s?" + WORD_END
    ),
    "de": re.compile(
        r" (?P<noun>Handelstag|Börsentag|Tag|Sitzung|Woche|Monat|Jahr|Quartal) "
        r"(?:in Folge|hintereinander|nacheinander)" + WORD_END
    ),
}

# counted nouns after a number (with digits or in words): durations, sessions, shares, experts
_COUNT_NOUN = {
    "en": re.compile(
        r"[ \u00a0](?:(?:consecutive|straight|successive|full|more|further|additional|trading|"
        r"index)[ -])?(?:trading )?(?P<noun>days?|sessions?|weeks?|months?|years?|quarters?|"
        r"hours?|shares|stocks|analysts|experts|companies|constituents)(?: in a row)?" + WORD_END
    ),
    "de": re.compile(
        r"[ \u00a0](?:(?:aufeinanderfolgenden?|weiteren?|vollen?|vergangenen?)[ \u00a0])?"
        r"(?P<noun>Handelstagen?|Handelstage|Börsentagen?|Börsentage|Tagen?|Tage|Sitzungen|"
        r"Handelssitzungen|Wochen|Monaten?|Monate|Jahren?|Jahre|Quartalen?|Quartale|Stunden|"
        r"Aktien|Papieren?|Papiere|Titeln?|Anteilsscheinen?|Analysten|Experten|Unternehmen)"
        r"(?: in Folge)?" + WORD_END
    ),
}

# ---- vocabularies of the numeral grammar (numbers.py builds its patterns from them) ------------
SCALES = {
    "de": [
        (r"Tsd\.|Tausend", 1e3),
        (r"Mio\.|Mio|Millionen|Million", 1e6),
        (r"Mrd\.|Mrd|Milliarden|Milliarde", 1e9),
        (r"Bio\.|Billionen|Billion", 1e12),  # German Billion = 10^12
    ],
    "en": [
        (r"thousand|Thousand", 1e3),  # capitalised in headlines: "Tops $3 Trillion Value"
        (r"millions|million|Millions|Million|mln|mn", 1e6),
        (r"billions|billion|Billions|Billion|bln|bn", 1e9),
        (r"trillions|trillion|Trillions|Trillion|trn|tn", 1e12),
    ],
}
CURRENCY_AFTER = [
    (r"Hongkong-Dollars?|Hong-Kong-Dollars?|HK-Dollars?|Hong Kong dollars?|HK dollars?", "HKD"),
    (r"HKD|HK\$", "HKD"),
    (r"US-Dollars?|US dollars?|U\.S\. dollars?|USD|US\$", "USD"),
    (r"australischen? Dollar|Australian dollars?|AUD|A\$", "AUD"),
    (r"Singapur-Dollar|Singapore dollars?|SGD|S\$", "SGD"),
    (r"kanadischen? Dollar|Canadian dollars?|CAD|C\$", "CAD"),
    (r"Dollars?|dollars?|\$", "USD"),
    (r"Euros?|euros?|EUR|€", "EUR"),
    (r"Yuan|yuan|Renminbi|renminbi|RMB|CNY", "CNY"),
    (r"Franken|CHF|SFr\.|Fr\.", "CHF"),
    (r"Pfund|pounds?|GBP|£", "GBP"),
    (r"pence|Pence", "GBp"),
    (r"Yen|yen|JPY|¥", "JPY"),
]
INDEX_NAMES = (  # names whose digits are part of the name: "S&P 500", "Nikkei 225"
    r"S&P(?:/ASX|/TSX)?|Nasdaq(?: Composite)?|NASDAQ|Dow Jones|Dow|DJIA|DAX|Dax|TecDAX|TecDax"
    r"|MDAX|MDax|SDAX|SDax|Stoxx(?: Europe)?|STOXX(?: Europe)?|Euro ?Stoxx|EURO STOXX|EuroStoxx"
    r"|FTSE(?: MIB)?|Nikkei|Topix|TOPIX|CAC|CSI|ASX|Russell|Kospi|KOSPI|Sensex|Nifty|NIFTY|IBEX"
    r"|Ibex|AEX|SMI|ATX|OMX|Hang Seng(?: [A-Z][a-z]+){0,3}|HSI|MSCI(?: [A-Z][a-z]+){0,3}"
    r"|Magnificent|Glorreichen|Top"
)
PRODUCTS = (  # words before a model or version number: "iPhone 12", "GPT-4", "Series 1"
    r"iPhone|iPad|iOS|Pixel|Galaxy S|Series|Serie|Windows|PlayStation|Xbox|Model|Boeing|Airbus A"
    r"|Qwen|Llama|Gemini|Claude|GPT|Mistral|Version|version|Staffel|Season|Kapitel|Chapter|Nr\."
    r"|No\.|Nummer|Platz|Rang|Paragraf|Artikel|Article|Section|Phase|Runde|Generation|Gen"
)
EXCHANGES = (  # "(HKEX: 1810)"
    r"HKEX|HKG|SEHK|NASDAQ|Nasdaq|NYSE|SZSE|SSE|SHA|SHE|TSE|TYO|LSE|LON|ETR|FRA|XETRA|Xetra|OTC"
    r"|ASX|KRX|TWSE|SGX|SIX"
)
ID_LABELS = r"WKN|ISIN|Valor|CUSIP|SEDOL|[Ss]tock [Cc]ode|[Tt]icker|[Cc]ode|Kürzel|Aktienkürzel|Börsenkürzel"
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_DE = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
MONTH_ABBR = "Jan|Feb|Mar|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez"


# an ordinal before a fraction makes it part of a period ("the first half", "im letzten Viertel")
_PART_OF_PERIOD = re.compile(
    r"(?:first|second|third|fourth|last|latter|former|erste[nmrs]?|zweite[nmrs]?|dritte[nmrs]?|"
    r"vierte[nmrs]?|letzte[nmrs]?)\s+$",
    re.IGNORECASE,
)


def count_noun(text: str, pos: int, lang: Lang) -> tuple[str, int] | None:
    """The counted noun right after ``pos`` (one space before it) and where it ends."""
    m = _COUNT_NOUN[lang].match(text, pos)
    return (m.group("noun"), m.end()) if m else None


def _reading(m: re.Match[str], text: str, lang: Lang, multiples: bool) -> WordReading | None:
    """The reading of one matched word or phrase, or None when its context rules it out."""
    kind, value = _LEXICON[lang][m.group(0)]
    start, end = m.span()
    if kind == "fraction":
        if _PART_OF_PERIOD.search(text, max(0, start - 12), start):
            return None  # "the second half of 2024", "in der ersten Hälfte": a period
        if m.group(0)[:4].lower() in {"ever", "jede"}:
            if not _EVERY_NOUN[lang].match(text, end):
                return None
        elif lang == "en" and not (
            _EN_SHARE_AFTER.match(text, end)
            or _EN_SHARE_BEFORE.search(text, max(0, start - 24), start)
        ):
            return None
        if value == 50.0 and _HALF_A.match(text, end):
            return None  # "half a percentage point" is a cardinal
        return WordReading(start, end, value, kind, 2.5 if value >= 20 else 1.25)
    if kind == "multiple":
        if not multiples:
            return None
        return WordReading(start, end, abs(value), kind, 0.1 * abs(value), -1 if value < 0 else 1)
    if kind == "ordinal":
        tail = _STREAK_TAIL[lang].match(text, end)
        if tail is None:
            return None
        return WordReading(start, tail.end(), value, kind, 0.5, 0, tail.group("noun"))
    half = 0.25 if value % 1 else 0.5  # "half a", "fünfeinhalb": stated to the half
    return WordReading(start, end, value, kind, half)


def word_readings(text: str, lang: Lang, *, multiples: bool = False) -> list[WordReading]:
    """Every number in words in ``text``, in text order. One scan; the longest phrase wins ("ein
    Fünftel" is 20 %, not one); when a phrase is ruled out, its last word is read alone ("a third
    straight day" is a streak of three)."""
    pattern = _WORD_RE[lang]
    found = []
    for m in pattern.finditer(text):
        reading = _reading(m, text, lang, multiples)
        if reading is None and " " in m.group(0).replace("-", " "):
            last = max(m.group(0).rfind(" "), m.group(0).rfind("-"))
            sub = pattern.match(text, m.start() + last + 1)
            reading = _reading(sub, text, lang, multiples) if sub else None
        if reading is not None:
            found.append(reading)
    return found
