"""The number grammar (impact/claims/numbers.py, words.py), one form at a time, in both languages.

Every expected value is written by hand from the sentence: (span text, value as written before
scale, unit, currency, scale, rounding half-width, sign).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.claims.numbers import NumberMatch, decimal_style, find_numbers, parse_numeral


def only(text: str, lang: str, **kw) -> NumberMatch:
    found = find_numbers(text, lang, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def described(m: NumberMatch, text: str) -> tuple:
    return (text[m.start : m.end], m.value, m.unit, m.currency, m.scale, m.rounding, m.sign)


# ---- numerals ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "token, lang, kw, expected",
    [
        ("19 944,84", "de", {}, (19944.84, 2)),
        ("36\u00a0302,38", "de", {}, (36302.38, 2)),
        ("7\u202f125,5", "de", {}, (7125.5, 1)),
        ("12'345.60", "de", {"style": "point"}, (12345.6, 2)),
        ("2,776", "de", {}, (2.776, 3)),
        ("0,752", "de", {}, (0.752, 3)),
        ("2.909", "de", {}, (2909.0, 0)),
        ("2.909", "de", {"scaled": True}, (2.909, 3)),
        ("0.438", "de", {}, (0.438, 3)),
        ("1,234", "de", {"style": "point"}, (1234.0, 0)),
        ("1.234", "de", {"style": "point"}, (1234.0, 0)),
        ("1.234", "de", {"style": "point", "scaled": True}, (1.234, 3)),
        ("1.234", "en", {}, (1.234, 3)),
        ("1,234", "en", {}, (1234.0, 0)),
        ("1,234", "en", {"style": "comma"}, (1.234, 3)),
        ("4.271,06", "de", {}, (4271.06, 2)),
        ("4,271.06", "de", {}, (4271.06, 2)),
        ("12,345,678.9", "en", {}, (12345678.9, 1)),
        ("3316,81", "de", {}, (3316.81, 2)),
        ("1234.567", "de", {}, (1234.567, 3)),
        ("07.11.2023", "de", {}, None),
        ("1.2.3", "en", {}, None),
        ("12,3,456", "en", {}, None),
        ("1.234,5,6", "de", {}, None),
    ],
)
def test_parse_numeral_separators(token, lang, kw, expected):
    assert parse_numeral(token, lang, **kw) == expected


@pytest.mark.parametrize(
    "text, lang, style",
    [
        ("Der Titel schloss bei 212.45 Franken und 17.2 Prozent höher.", "de", "point"),
        ("Der Titel schloss bei 212,45 Euro, also 0.5 Prozent höher.", "de", "comma"),
        ("Der Titel kostet 3.450 Euro.", "de", "comma"),
        ("Um 17.45 Uhr stand der Titel 3 Prozent höher.", "de", "comma"),
        ("Shares rose 2.4% to $88.10.", "en", "point"),
        ("Shares rose 2,4 % on the day.", "en", "comma"),
        ("Shares rose 2,4 % and then 1.5%.", "en", "point"),
    ],
)
def test_decimal_style(text, lang, style):
    assert decimal_style(text, lang) == style


def test_point_style_text_reads_its_three_decimal_comma_as_thousands():
    text = "Der Titel schloss bei 212.45 Franken; 1,250 Aktien wechselten zu 3,275 Franken."
    found = find_numbers(text, "de")
    assert [(text[m.start : m.end], m.value) for m in found] == [
        ("212.45 Franken", 212.45),
        ("3,275 Franken", 3275.0),
    ]
    assert find_numbers(text, "de", style="comma")[1].value == 3.275


# ---- units ------------------------------------------------------------------------------------
R0, R1, R2, R3 = 0.5, 0.05, 0.005, 0.0005

UNIT_CASES = [
    # (lang, sentence, span, value, unit, currency, scale, rounding, sign)
    ("de", "Die Aktie legte um 4,3 Prozent zu.", "4,3 Prozent", 4.3, "percent", None, 1, R1, 0),
    ("de", "Der Titel gab 0,815 Prozent nach.", "0,815 Prozent", 0.815, "percent", None, 1, R3, 0),
    ("de", "Ein Anstieg von 12,5% am Montag.", "12,5%", 12.5, "percent", None, 1, R1, 0),
    ("de", "Ein Minus von 61,20 % seit Jahresbeginn.", "61,20 %", 61.2, "percent", None, 1, R2, 0),
    ("de", "Die Quote lag bei 3,1 Proz. zuletzt.", "3,1 Proz.", 3.1, "percent", None, 1, R1, 0),
    ("de", "Ein 7-prozentiger Sprung.", "7-prozentiger", 7.0, "percent", None, 1, R0, 0),
    ("de", "Die Rendite stieg um 0,25 Prozentpunkte.", "0,25 Prozentpunkte", 0.25,
     "percentage_points", None, 1, R2, 0),
    ("de", "Die Marge sank um 2 Pp. im Jahr.", "2 Pp.", 2.0, "percentage_points", None, 1, R0, 0),
    ("de", "Die Notenbank hob um 50 Basispunkte an.", "50 Basispunkte", 0.5, "percentage_points",
     None, 1, R2, 0),
    ("de", "Der Index gewann 312,7 Punkte.", "312,7 Punkte", 312.7, "points", None, 1, R1, 0),
    ("de", "Der Index schloss bei 8.104,50 Punkten.", "8.104,50 Punkten", 8104.5, "points", None,
     1, R2, 0),
    ("de", "Der Index notierte bei 27 410,09 Zählern.", "27 410,09 Zählern", 27410.09, "points",
     None, 1, R2, 0),
    ("de", "Er beendete den Tag mit 6.020,11 Einheiten.", "6.020,11 Einheiten", 6020.11, "points",
     None, 1, R2, 0),
    ("de", "Der Index verlor einen Punkt nicht, sondern 4 Punkt.", "4 Punkt", 4.0, "points", None,
     1, R0, 0),
    ("en", "The shares rose 3.75% on Tuesday.", "3.75%", 3.75, "percent", None, 1, R2, 0),
    ("en", "It added 1.9 percent.", "1.9 percent", 1.9, "percent", None, 1, R1, 0),
    ("en", "The stock slid 6.4 per cent.", "6.4 per cent", 6.4, "percent", None, 1, R1, 0),
    ("en", "It jumped 11.2per cent in a day.", "11.2per cent", 11.2, "percent", None, 1, R1, 0),
    ("en", "The group climbed 31per cent.", "31per cent", 31.0, "percent", None, 1, R0, 0),
    ("en", "Margins fell 4 pct on the year.", "4 pct", 4.0, "percent", None, 1, R0, 0),
    ("en", "Revenue rose 12pc last year.", "12pc", 12.0, "percent", None, 1, R0, 0),
    ("en", "Yields rose 0.3 percentage points.", "0.3 percentage points", 0.3,
     "percentage_points", None, 1, R1, 0),
    ("en", "The spread widened 1.5pp overnight.", "1.5pp", 1.5, "percentage_points", None, 1,
     R1, 0),
    ("en", "The Fed cut by 75 basis points.", "75 basis points", 0.75, "percentage_points", None,
     1, R2, 0),
    ("en", "The Fed cut by 25bps again.", "25bps", 0.25, "percentage_points", None, 1, R2, 0),
    ("en", "The index shed 412.06 points.", "412.06 points", 412.06, "points", None, 1, R2, 0),
    ("en", "The index added 38 pts by noon.", "38 pts", 38.0, "points", None, 1, R0, 0),
    ("en", "A 5-point drop followed.", "5-point", 5.0, "points", None, 1, R0, 0),
]  # fmt: skip


@pytest.mark.parametrize("case", UNIT_CASES, ids=[c[1][:40] for c in UNIT_CASES])
def test_units(case):
    lang, text, *expected = case
    assert described(only(text, lang), text) == pytest.approx(tuple(expected))


# ---- money and scale --------------------------------------------------------------------------
MONEY_CASES = [
    ("de", "Der Schlusskurs lag bei 96,40 Hongkong-Dollar.", "96,40 Hongkong-Dollar", 96.4, "HKD",
     1, R2),
    ("de", "Ein Papier kostete 77,15 HK-Dollar.", "77,15 HK-Dollar", 77.15, "HKD", 1, R2),
    ("de", "Die Aktie kostete HKD 131,90 am Mittag.", "HKD 131,90", 131.9, "HKD", 1, R2),
    ("de", "Der Kurs stieg auf 218,30 US-Dollar.", "218,30 US-Dollar", 218.3, "USD", 1, R2),
    ("de", "Der Kurs stieg auf 64 Dollar.", "64 Dollar", 64.0, "USD", 1, R0),
    ("de", "Der Kurs fiel auf 43,75 Euro.", "43,75 Euro", 43.75, "EUR", 1, R2),
    ("de", "Der Kurs fiel auf 43,75 €.", "43,75 €", 43.75, "EUR", 1, R2),
    ("de", "Der Kurs fiel auf 43,75 EUR.", "43,75 EUR", 43.75, "EUR", 1, R2),
    ("de", "Ein Titel für 9,85 Franken.", "9,85 Franken", 9.85, "CHF", 1, R2),
    ("de", "Ein Titel für Fr. 14.20 am Freitag.", "Fr. 14.20", 14.2, "CHF", 1, R2),
    ("de", "Ein Gewinn von 35,6 Mrd. Yuan.", "35,6 Mrd. Yuan", 35.6, "CNY", 1e9, R1),
    ("de", "Ein Umsatz von 8,1 Milliarden Renminbi.", "8,1 Milliarden Renminbi", 8.1, "CNY", 1e9,
     R1),
    ("de", "Ein Wert von 1,904 Billionen Dollar.", "1,904 Billionen Dollar", 1.904, "USD", 1e12,
     R3),
    ("de", "Ein Wert von 3.118 Billionen US-Dollar.", "3.118 Billionen US-Dollar", 3.118, "USD",
     1e12, R3),
    ("de", "Ein Wert von 12,043 Bio. Euro.", "12,043 Bio. Euro", 12.043, "EUR", 1e12, R3),
    ("de", "Ein Auftrag über 480 Mio. Euro.", "480 Mio. Euro", 480.0, "EUR", 1e6, R0),
    ("de", "Ein Auftrag über 2 Tsd. Euro.", "2 Tsd. Euro", 2.0, "EUR", 1e3, R0),
    ("de", "Ein Preis von 412 Pfund.", "412 Pfund", 412.0, "GBP", 1, R0),
    ("de", "Ein Preis von 1.850 Yen.", "1.850 Yen", 1850.0, "JPY", 1, R0),
    ("de", "Die 3-Milliarden-Dollar-Übernahme.", "3-Milliarden-Dollar", 3.0, "USD", 1e9, R0),
    ("en", "The stock closed at HK$102.60.", "HK$102.60", 102.6, "HKD", 1, R2),
    ("en", "It changed hands at US$57.05.", "US$57.05", 57.05, "USD", 1, R2),
    ("en", "It changed hands at $211.4 on Friday.", "$211.4", 211.4, "USD", 1, R1),
    ("en", "A deal worth A$7.2 billion.", "A$7.2 billion", 7.2, "AUD", 1e9, R1),
    ("en", "A deal worth S$940 million.", "S$940 million", 940.0, "SGD", 1e6, R0),
    ("en", "A deal worth C$3.5bn.", "C$3.5bn", 3.5, "CAD", 1e9, R1),
    ("en", "The company is worth $1.6tn now.", "$1.6tn", 1.6, "USD", 1e12, R1),
    ("en", "It raised $250M from investors.", "$250M", 250.0, "USD", 1e6, R0),
    ("en", "Each share cost $4k back then.", "$4k", 4.0, "USD", 1e3, R0),
    ("en", "Sales of 80 billion yuan.", "80 billion yuan", 80.0, "CNY", 1e9, R0),
    ("en", "A bid of 145 Hong Kong dollars.", "145 Hong Kong dollars", 145.0, "HKD", 1, R0),
    ("en", "Buyers paid 300$ a share.", "300$", 300.0, "USD", 1, R0),
    ("en", "Shares traded at 182 pence.", "182 pence", 182.0, "GBp", 1, R0),
    ("en", "Shares traded at 182p in London.", "182p", 182.0, "GBp", 1, R0),
    ("en", "Shares traded at £3.40 in London.", "£3.40", 3.4, "GBP", 1, R2),
    ("en", "Shares traded at €12.05 in Paris.", "€12.05", 12.05, "EUR", 1, R2),
    ("en", "Shares traded at ¥2,400 in Tokyo.", "¥2,400", 2400.0, "JPY", 1, R0),
    ("en", "Shares traded at CHF 88.50 in Zurich.", "CHF 88.50", 88.5, "CHF", 1, R2),
    ("en", "A fine of RMB 18.2 billion.", "RMB 18.2 billion", 18.2, "CNY", 1e9, R1),
    ("en", "Profit was USD 640 mn.", "USD 640 mn", 640.0, "USD", 1e6, R0),
]  # fmt: skip


@pytest.mark.parametrize("case", MONEY_CASES, ids=[c[1][:40] for c in MONEY_CASES])
def test_money(case):
    lang, text, span, value, currency, scale, rounding = case
    m = only(text, lang)
    assert described(m, text) == pytest.approx((span, value, "money", currency, scale, rounding, 0))


def test_currency_as_written_tells_dollar_from_us_dollar():
    text = "HK$41.20 then $39.90 and US$5.10"
    assert [m.currency_text for m in find_numbers(text, "en")] == ["HK$", "$", "US$"]
    assert [m.currency for m in find_numbers(text, "en")] == ["HKD", "USD", "USD"]


# ---- marks ------------------------------------------------------------------------------------
MARK_CASES = [
    ("de", "Der Index sprang über die 6.000-Marke.", "6.000-Marke", 6000.0, "points", None),
    ("de", "Er fiel unter die 4.500-Punkte-Marke.", "4.500-Punkte-Marke", 4500.0, "points", None),
    ("de", "Er fiel unter die 18000er Marke.", "18000er Marke", 18000.0, "points", None),
    ("de", "Er fiel unter die 18.000er-Marke.", "18.000er-Marke", 18000.0, "points", None),
    ("de", "Die Aktie knackte die 50-Euro-Marke.", "50-Euro-Marke", 50.0, "money", "EUR"),
    ("de", "Die Inflation blieb unter der 3-Prozent-Schwelle.", "3-Prozent-Schwelle", 3.0,
     "percent", None),
    ("en", "The index topped the 7,000 mark.", "7,000 mark", 7000.0, "points", None),
    ("en", "The index held the 16,500 level.", "16,500 level", 16500.0, "points", None),
    ("en", "The index broke the 4,000-point barrier.", "4,000-point barrier", 4000.0, "points",
     None),
    ("en", "The stock crossed the $250 mark.", "$250 mark", 250.0, "money", "USD"),
]  # fmt: skip


@pytest.mark.parametrize("case", MARK_CASES, ids=[c[1][:40] for c in MARK_CASES])
def test_marks(case):
    lang, text, span, value, unit, currency = case
    m = only(text, lang)
    assert (text[m.start : m.end], m.value, m.unit, m.currency, m.mark) == (
        span,
        value,
        unit,
        currency,
        True,
    )


def test_marks_need_the_article_in_english():
    text = "Gains of 2% mark a turning point."
    (m,) = find_numbers(text, "en")
    assert (text[m.start : m.end], m.mark) == ("2%", False)


# ---- numbers in words -------------------------------------------------------------------------
WORD_CASES = [
    ("de", "Die Aktie verlor sieben Prozent.", "sieben Prozent", 7.0, "percent", None, 1, R0, 0),
    ("de", "Sie sackte um elf Prozent ab.", "elf Prozent", 11.0, "percent", None, 1, R0, 0),
    ("de", "Zwanzig Prozent weniger als im Mai.", "Zwanzig Prozent", 20.0, "percent", None, 1, R0,
     0),
    ("de", "Ein Plus von fünfundzwanzig Prozent.", "fünfundzwanzig Prozent", 25.0, "percent",
     None, 1, R0, 0),
    ("de", "Er stieg um einen Prozentpunkt.", "einen Prozentpunkt", 1.0, "percentage_points",
     None, 1, R0, 0),
    ("de", "Die Aktie gewann ein Prozent.", "ein Prozent", 1.0, "percent", None, 1, R0, 0),
    ("de", "Ein Wert von vier Billionen Dollar.", "vier Billionen Dollar", 4.0, "money", "USD",
     1e12, R0, 0),
    ("de", "Ein Wert von eine Milliarde Euro.", "eine Milliarde Euro", 1.0, "money", "EUR", 1e9,
     R0, 0),
    ("de", "Der Index lag minus drei Prozent im Minus.", "minus drei Prozent", 3.0, "percent",
     None, 1, R0, -1),
    ("de", "Die Papiere büßten gut ein Viertel ein.", "ein Viertel", 25.0, "percent", None, 1,
     2.5, 0),
    ("de", "Sie verloren mehr als ein Fünftel ihres Werts.", "ein Fünftel", 20.0, "percent", None,
     1, 2.5, 0),
    ("de", "Sie verloren zwei Drittel ihres Werts.", "zwei Drittel", 66.7, "percent", None, 1,
     2.5, 0),
    ("de", "Der Kurs hat sich fast um die Hälfte reduziert.", "die Hälfte", 50.0, "percent", None,
     1, 2.5, 0),
    ("de", "Jede fünfte Aktie im Index fiel.", "Jede fünfte", 20.0, "percent", None, 1, 2.5, 0),
    ("de", "Jede zehnte Aktie im Index stieg.", "Jede zehnte", 10.0, "percent", None, 1, 1.25, 0),
    ("en", "The shares added three percent.", "three percent", 3.0, "percent", None, 1, R0, 0),
    ("en", "It rallied nearly ten per cent.", "ten per cent", 10.0, "percent", None, 1, R0, 0),
    ("en", "It rallied twenty-two percent.", "twenty-two percent", 22.0, "percent", None, 1, R0,
     0),
    ("en", "Yields rose half a percentage point.", "half a percentage point", 0.5,
     "percentage_points", None, 1, 0.25, 0),
    ("en", "It lost twelve points.", "twelve points", 12.0, "points", None, 1, R0, 0),
    ("en", "Worth two trillion dollars.", "two trillion dollars", 2.0, "money", "USD", 1e12, R0,
     0),
    ("en", "A billion dollars vanished.", "A billion dollars", 1.0, "money", "USD", 1e9, R0, 0),
    ("en", "A hundred percent is the ceiling.", "A hundred percent", 100.0, "percent", None, 1,
     R0, 0),
    ("en", "The stock lost nearly a quarter of its value.", "a quarter", 25.0, "percent", None, 1,
     2.5, 0),
    ("en", "The stock shed over a fifth in a week.", "a fifth", 20.0, "percent", None, 1, 2.5, 0),
    ("en", "The stock lost two-thirds of its value.", "two-thirds", 66.7, "percent", None, 1, 2.5,
     0),
    ("en", "The stock fell by half in a year.", "half", 50.0, "percent", None, 1, 2.5, 0),
    ("en", "It gave back one-third of the gains.", "one-third", 33.3, "percent", None, 1, 2.5,
     0),
    ("en", "Sales rose by more than half.", "half", 50.0, "percent", None, 1, 2.5, 0),
    ("en", "Every eighth stock rose.", "Every eighth", 12.5, "percent", None, 1, 1.25, 0),
]  # fmt: skip


@pytest.mark.parametrize("case", WORD_CASES, ids=[c[1][:40] for c in WORD_CASES])
def test_numbers_in_words(case):
    lang, text, *expected = case
    m = only(text, lang)
    assert m.worded and m.decimals == 0
    assert described(m, text) == pytest.approx(tuple(expected))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("At one point the stock was higher.", "en"),
        ("Ein Punkt ist wichtig für die Anleger.", "de"),
        ("In the first half the stock rose.", "en"),
        ("In der ersten Hälfte stieg die Aktie.", "de"),
        ("It rose for a third straight day.", "en"),  # a streak: only with bare=True
        ("A quarter earlier the stock was cheaper.", "en"),
        ("One of the two analysts sold.", "en"),
        ("Zwei Analysten sind skeptisch.", "de"),  # a count: only with bare=True
        ("Every second counts on the floor.", "en"),
        ("Eine Aktie, ein Jahr, ein Ziel.", "de"),
    ],
)
def test_words_without_unit_are_no_quantity(text, lang):
    assert find_numbers(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, span, value, sign, rounding",
    [
        ("Der Gewinn hat sich verdoppelt.", "de", "verdoppelt", 100.0, 1, 10.0),
        ("Der Umsatz verdreifachte sich.", "de", "verdreifachte", 200.0, 1, 20.0),
        ("Die Dividende wurde halbiert.", "de", "halbiert", 50.0, -1, 5.0),
        ("The stock doubled in a year.", "en", "doubled", 100.0, 1, 10.0),
        ("The stock quadrupled since 2020.", "en", "quadrupled", 300.0, 1, 30.0),
        ("The stock halved in a year.", "en", "halved", 50.0, -1, 5.0),
    ],
)
def test_multiples(text, lang, span, value, sign, rounding):
    m = only(text, lang, multiples=True)
    assert (text[m.start : m.end], m.value, m.unit, m.sign, m.rounding) == (
        span,
        value,
        "percent",
        sign,
        rounding,
    )
    assert find_numbers(text, lang) == []  # off by default
    assert find_numbers("Der Umsatz soll sich verdoppeln.", "de", multiples=True) == []


# ---- bare numerals and counts (bare=True) -----------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, span, value, decimals, noun, scale",
    [
        ("The index fell to 15,208.31 on Friday.", "en", "15,208.31", 15208.31, 2, None, 1),
        ("The gauge ended at 3,902.77, its low.", "en", "3,902.77", 3902.77, 2, None, 1),
        ("Its low of the year: 2,811.05.", "en", "2,811.05", 2811.05, 2, None, 1),
        ("The stock closed at 96 on Monday.", "en", "96", 96.0, 0, None, 1),
        ("Der Index sank auf 12.904,60 am Abend.", "de", "12.904,60", 12904.6, 2, None, 1),
        ("Der Index schloss bei 7 311,02 am Freitag.", "de", "7 311,02", 7311.02, 2, None, 1),
        ("Der Index notierte 4185,33 am Mittag.", "de", "4185,33", 4185.33, 2, None, 1),
        ("Der Kurs sprang von 180 nach oben.", "de", "180", 180.0, 0, None, 1),
        ("The rally is 143 days old.", "en", "143 days", 143.0, 0, "days", 1),
        ("It took 21 trading days.", "en", "21 trading days", 21.0, 0, "days", 1),
        ("Von 41 Analysten raten viele zum Kauf.", "de", "41 Analysten", 41.0, 0, "Analysten", 1),
        ("Es wurden 2,4 Millionen Aktien gehandelt.", "de", "2,4 Millionen Aktien", 2.4, 1,
         "Aktien", 1e6),
        ("They own 4.1 billion shares.", "en", "4.1 billion shares", 4.1, 1, "shares", 1e9),
        ("The app has 720M users.", "en", "720M", 720.0, 0, None, 1e6),
        ("Die Aktie fiel drei Tage in Folge.", "de", "drei Tage in Folge", 3.0, 0, "Tage", 1),
        ("It fell for a fourth straight session.", "en", "fourth straight session", 4.0, 0,
         "session", 1),
        ("Sie fiel den fünften Handelstag in Folge.", "de", "fünften Handelstag in Folge", 5.0, 0,
         "Handelstag", 1),
        ("over the next eighteen months", "en", "eighteen months", 18.0, 0, "months", 1),
    ],
)  # fmt: skip
def test_bare_numbers_and_counts(text, lang, span, value, decimals, noun, scale):
    m = only(text, lang, bare=True)
    assert (text[m.start : m.end], m.value, m.decimals, m.unit, m.noun, m.scale) == (
        span,
        value,
        decimals,
        None,
        noun,
        scale,
    )
    assert find_numbers(text, lang) == []  # off by default


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Shares of 37 firms fell.", "en"),  # not a level, no counted noun we list
        ("Top 10 holdings.", "en"),
        ("The 52-week high was set in May.", "en"),
        ("Das 52-Wochen-Hoch liegt weit weg.", "de"),
        ("They bought 5G licences.", "en"),
        ("Von 12 Fällen endeten 9 gut.", "de"),
    ],
)
def test_bare_numbers_that_are_neither_level_nor_count(text, lang):
    assert find_numbers(text, lang, bare=True) == []


# ---- masks ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang",
    [
        ("On Nov. 14, 2023, the stock rose.", "en"),
        ("On 9th March, 2021 it rose.", "en"),
        ("On 9 March 2021 it rose.", "en"),
        ("It rose on June 3rd.", "en"),
        ("It rose on Aug 30.", "en"),
        ("Am 12. Oktober 2022 stieg sie.", "de"),
        ("Am 3. Jan. stieg sie.", "de"),
        ("Seit dem (4.11.) steigt sie.", "de"),
        ("Seit dem 04.11.2021 steigt sie.", "de"),
        ("Filed on 2024-11-04 at the SEC.", "en"),
        ("Filed on 11/04/2024 at the SEC.", "en"),
        ("In 1998 the firm listed.", "en"),
        ("Im Jahr 2031 soll es so weit sein.", "de"),
        ("As of 3:47 p.m. ET the stock traded.", "en"),
        ("At 9:30 a.m. the bell rang.", "en"),
        ("By 11am the stock traded.", "en"),
        ("Um 17:35 Uhr schloss Xetra.", "de"),
        ("Um 9.15 Uhr begann der Handel.", "de"),
        ("Der S&P 500 und der Nasdaq 100 im Fokus.", "de"),
        ("The S&P-500-Index and the Nasdaq-100.", "en"),
        ("Der DAX 40 und der MDAX im Blick.", "de"),
        ("The Euro Stoxx 50 and the FTSE 100.", "en"),
        ("The Nikkei 225 and the CAC 40 and the Russell 2000.", "en"),
        ("Tencent (HKEX: 700) and Alibaba (NYSE: BABA).", "en"),
        ("Ping An (HKG:2318) reported.", "en"),
        ("Die Aktie (WKN 865985) und ISIN US0378331005.", "de"),
        ("Shares of 0700.HK and 9618.HK fell.", "en"),
        ("The iPhone 15 and GPT-5 and Llama-3.1-70B.", "en"),
        ("During COVID-19 and the Covid-19-Pandemie.", "en"),
        ("The QQQ Trust Series 1 fund.", "en"),
        ("As noted before [12] the stock rose.", "en"),
        ("The 30- member index fell.", "en"),
        ("Windows 11 and Qwen 2.5 launched.", "en"),
    ],
)
def test_masked_numbers_are_no_quantity(text, lang):
    assert find_numbers(text, lang, bare=True) == []


@pytest.mark.parametrize(
    "text, lang, span, value, unit",
    [
        ("The S&P 500 fell 2.2% on Monday.", "en", "2.2%", 2.2, "percent"),
        ("Der Dax 40 Punkte höher.", "de", "40 Punkte", 40.0, "points"),
        ("Der Index stieg auf 2045 Punkte.", "de", "2045 Punkte", 2045.0, "points"),
        ("On Oct. 3, 2022 the index fell 1.8%.", "en", "1.8%", 1.8, "percent"),
        ("Um 15:30 Uhr lag die Aktie 1,5 Prozent höher.", "de", "1,5 Prozent", 1.5, "percent"),
        ("Am 7. März fiel die Aktie um 3,2 Prozent.", "de", "3,2 Prozent", 3.2, "percent"),
        ("Xiaomi (HKEX: 1810) fell 4.1%.", "en", "4.1%", 4.1, "percent"),
        ("The iPhone 16 maker rose 3%.", "en", "3%", 3.0, "percent"),
    ],
)
def test_masks_leave_the_real_quantity(text, lang, span, value, unit):
    m = only(text, lang, bare=True)
    assert (text[m.start : m.end], m.value, m.unit) == (span, value, unit)


# ---- signs ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, span, sign",
    [
        ("Tagesbilanz: -3,45% für die Aktie.", "de", "-3,45%", -1),
        ("Tagesbilanz: +1,2 Prozent für die Aktie.", "de", "+1,2 Prozent", 1),
        ("Tagesbilanz: −0,8 % für die Aktie.", "de", "−0,8 %", -1),
        ("Tagesbilanz: –2 % für die Aktie.", "de", "–2 %", -1),
        ("Minus 9 Prozent! Ein schwarzer Tag.", "de", "Minus 9 Prozent", -1),
        ("Plus 4 Prozent seit Montag.", "de", "Plus 4 Prozent", 1),
        ("The day ended minus 2.6 percent.", "en", "minus 2.6 percent", -1),
        ("Change: (-0.7%) on the day.", "en", "-0.7%", -1),
        ("A change of -$1.35 on the day.", "en", "-$1.35", -1),
        ("Ranges of 10-12% are common.", "en", "12%", 0),
    ],
)
def test_signs(text, lang, span, sign):
    m = only(text, lang)
    assert (text[m.start : m.end], m.sign) == (span, sign)


# ---- whole sentences --------------------------------------------------------------------------
def test_a_sentence_with_a_move_a_level_and_a_point_move():
    text = "The index sank 4.7 per cent, or 1,021.36 points, to 20,688.02 on Thursday."
    found = find_numbers(text, "en", bare=True)
    assert [(text[m.start : m.end], m.value, m.unit) for m in found] == [
        ("4.7 per cent", 4.7, "percent"),
        ("1,021.36 points", 1021.36, "points"),
        ("20,688.02", 20688.02, None),
    ]


def test_a_german_sentence_with_date_time_name_and_quantities():
    text = "Am 5. Mai um 15:10 Uhr lag der S&P 500 bei 5.102,4 Punkten, 0,9 Prozent im Plus."
    found = find_numbers(text, "de", bare=True)
    assert [(text[m.start : m.end], m.value, m.unit) for m in found] == [
        ("5.102,4 Punkten", 5102.4, "points"),
        ("0,9 Prozent", 0.9, "percent"),
    ]


def test_spans_are_inside_the_text_and_in_order():
    text = "Alibaba fiel um fünf Prozent auf 71,30 HK-Dollar; die Hälfte davon am 3. Mai 2024."
    found = find_numbers(text, "de", bare=True, multiples=True)
    assert [text[m.start : m.end] for m in found] == [
        "fünf Prozent",
        "71,30 HK-Dollar",
        "die Hälfte",
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1", "2.909", "19 944,84", "HK$", "-", "er Marke", " ", "Prozent", "fünf", "a fifth",
             "per cent", "Billionen", "S&P 500", ":", "12:30", "Uhr", ".", ",", "(", ")", "'",
             "\u00a0", "k", "doubled", "the", "mark", "Jan.", "2024", "[", "]"]
        ),
        max_size=60,
    ).map("".join),
    st.sampled_from(["de", "en"]),
)  # fmt: skip
def test_fuzz_spans_in_bounds_and_disjoint(text, lang):
    found = find_numbers(text, lang, bare=True, multiples=True)
    end = 0
    for m in found:
        assert end <= m.start < m.end <= len(text)
        end = m.end


@pytest.mark.parametrize(
    "piece", ["1 000 ", "1'0", "9.7per cent ", "ein Fünftel ", "-" * 7 + "1", "S&P 5", "12:3"]
)
def test_linear_time_on_long_runs(piece):
    def timed(n: int) -> float:
        text = piece * n
        t0 = time.perf_counter()
        find_numbers(text, "de", bare=True, multiples=True)
        return time.perf_counter() - t0

    small, big = min(timed(2_000) for _ in range(3)), min(timed(16_000) for _ in range(3))
    assert big < 8 * small * 3 + 0.05  # 8x the text, well under quadratic (64x)


# ---- a unit shared by two figures ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("legten um 4,2 bzw. 5,8 Prozent zu", "de",
         [("4,2", 4.2, "percent"), ("5,8 Prozent", 5.8, "percent")]),
        ("fielen um 1,5 und 2 Prozentpunkte", "de",
         [("1,5", 1.5, "percentage_points"), ("2 Prozentpunkte", 2.0, "percentage_points")]),
        ("rose 3.1 and 6.2 percent", "en", [("3.1", 3.1, "percent"), ("6.2 percent", 6.2, "percent")]),
        ("lost 2.4 and 1.9 percent, respectively", "en",
         [("2.4", 2.4, "percent"), ("1.9 percent", 1.9, "percent")]),
        # a range, and a restatement in another unit, share nothing
        ("stieg um zwischen 2 und 3 Prozent", "de", [("3 Prozent", 3.0, "percent")]),
        ("rose between 4 and 5 percent", "en", [("5 percent", 5.0, "percent")]),
        ("fiel um 150 bzw. 1,1 Prozent", "de", [("1,1 Prozent", 1.1, "percent")]),
    ],
)  # fmt: skip
def test_a_unit_after_the_second_figure_is_the_firsts_too(text, lang, expected):
    found = find_numbers(text, lang)  # type: ignore[arg-type]
    assert [(text[m.start : m.end], m.value, m.unit) for m in found] == expected


# ---- halves in words ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, value, unit",
    [
        ("um mehr als fünfeinhalb Prozent", "de", 5.5, "percent"),
        ("um knapp eineinhalb Prozent", "de", 1.5, "percent"),
        ("um anderthalb Prozent", "de", 1.5, "percent"),
        ("um zwölfeinhalb Prozent", "de", 12.5, "percent"),
        ("um ein halbes Prozent", "de", 0.5, "percent"),
        ("um einen halben Prozentpunkt", "de", 0.5, "percentage_points"),
        ("by two and a half percent", "en", 2.5, "percent"),
    ],
)
def test_halves_in_words(text, lang, value, unit):
    m = only(text, lang)
    assert (m.value, m.unit, m.rounding, m.worded) == (value, unit, 0.25, True)


def test_a_capitalised_scale_word_in_a_headline():
    m = only("Apple Tops $3 Trillion Value", "en")
    assert (m.value, m.unit, m.currency, m.scale) == (3.0, "money", "USD", 1e12)
