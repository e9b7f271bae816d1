"""Rules of the extractor, one at a time: numbers, hedges, directions, horizons, negatives, English."""

from __future__ import annotations

import re

import pytest
from conftest import iso, lexicon_patterns
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.claims import extract, extract_article, split_sentences
from impact.claims.dates import detect_published
from impact.claims.numbers import find_numbers, parse_numeral
from impact.registry import default_registry

PUB = "2025-02-14"


def one(text: str, published: str | None = PUB, lang: str | None = None):
    claims = [c for c in extract(text, published=published, lang=lang) if c.kind != "record"]
    assert len(claims) == 1, claims
    return claims[0]


# ---- number grammar ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "token, lang, expected",
    [
        ("9,1", "de", (9.1, 1)),
        ("1.234,56", "de", (1234.56, 2)),
        ("1.234", "de", (1234.0, 0)),
        ("18,5", "de", (18.5, 1)),
        ("2.5", "de", (2.5, 1)),
        ("1.234.567", "de", (1234567.0, 0)),
        ("9.1", "en", (9.1, 1)),
        ("1,234.56", "en", (1234.56, 2)),
        ("1,234", "en", (1234.0, 0)),
        ("0,25", "de", (0.25, 2)),
        ("40", "de", (40.0, 0)),
        ("13.02.2025", "de", None),
        ("3.1.4", "en", None),
        ("1,23,4", "en", None),
        ("1" * 30, "de", None),
    ],
)
def test_parse_numeral(token, lang, expected):
    assert parse_numeral(token, lang) == expected


@pytest.mark.parametrize(
    "text, lang, value, unit, currency, scale",
    [
        ("um 9,1 Prozent", "de", 9.1, "percent", None, 1),
        ("um 9,1 %", "de", 9.1, "percent", None, 1),
        ("um 0,5 Prozentpunkte", "de", 0.5, "percentage_points", None, 1),
        ("um 25 Basispunkte", "de", 0.25, "percentage_points", None, 1),
        ("18,5 Milliarden Dollar", "de", 18.5, "money", "USD", 1e9),
        ("18,5 Mrd. US-Dollar", "de", 18.5, "money", "USD", 1e9),
        ("2 Billionen Euro", "de", 2.0, "money", "EUR", 1e12),  # German Billion = 10^12
        ("124,30 Hongkong-Dollar", "de", 124.3, "money", "HKD", 1),
        ("1.234,56 Euro", "de", 1234.56, "money", "EUR", 1),
        ("300 Mio. Yuan", "de", 300, "money", "CNY", 1e6),
        ("5 Tsd. Euro", "de", 5, "money", "EUR", 1e3),
        ("$18.5 billion", "en", 18.5, "money", "USD", 1e9),  # English billion = 10^9
        ("2 trillion dollars", "en", 2, "money", "USD", 1e12),
        ("HK$124.30", "en", 124.3, "money", "HKD", 1),
        ("9.1 percentage points", "en", 9.1, "percentage_points", None, 1),
        ("9.1 per cent", "en", 9.1, "percent", None, 1),
    ],
)
def test_find_numbers_units(text, lang, value, unit, currency, scale):
    (m,) = find_numbers(text, lang)
    assert (m.value, m.unit, m.currency, m.scale) == pytest.approx((value, unit, currency, scale))


@pytest.mark.parametrize(
    "text",
    [
        "Qwen 2.5",
        "GPT-4o",
        "Llama-3.1-405B",
        "seit 2022",
        "am 13.02.2025",
        "die zehn führenden",
        "iPhone 16",
        "im Jahr 2024",
        "https://x.com/2025/02/a.jpg?fit=3758%2C2506",
    ],
)
def test_numbers_without_unit_are_ignored(text):
    assert find_numbers(text, "de") == []


# ---- hedges -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, hedge",
    [
        ("um 5 Prozent", "exact"),
        ("um über 5 Prozent", "over"),
        ("um mehr als 5 Prozent", "over"),
        ("um rund 5 Prozent", "about"),
        ("um etwa 5 Prozent", "about"),
        ("um circa 5 Prozent", "about"),
        ("um ca. 5 Prozent", "about"),
        ("um ungefähr 5 Prozent", "about"),
        ("um knapp 5 Prozent", "just_under"),
        ("um fast 5 Prozent", "just_under"),
        ("um beinahe 5 Prozent", "just_under"),
        ("um gut 5 Prozent", "just_over"),
        ("um bis zu 5 Prozent", "up_to"),
        ("um mindestens 5 Prozent", "at_least"),
        ("um weniger als 5 Prozent", "under"),
    ],
)
def test_german_hedges(phrase, hedge):
    claim = one(f"Die Alibaba-Aktie stieg am Freitag {phrase}.")
    assert claim.hedge == hedge


@pytest.mark.parametrize(
    "phrase, hedge",
    [
        ("5%", "exact"),
        ("more than 5%", "over"),
        ("over 5%", "over"),
        ("about 5%", "about"),
        ("around 5%", "about"),
        ("nearly 5%", "just_under"),
        ("almost 5%", "just_under"),
        ("as much as 5%", "up_to"),
        ("up to 5%", "up_to"),
        ("at least 5%", "at_least"),
        ("just over 5%", "just_over"),
    ],
)
def test_english_hedges(phrase, hedge):
    claim = one(f"Apple shares rose {phrase} on Friday.")
    assert claim.hedge == hedge


@pytest.mark.parametrize("phrase", ["in der Spitze", "zeitweise", "zwischenzeitlich"])
def test_intraday_markers(phrase):
    claim = one(f"Die Alibaba-Aktie legte am Freitag {phrase} um 5 Prozent zu.")
    assert (claim.horizon, claim.hedge, claim.direction) == ("intraday", "up_to", "up")


# ---- directions -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, direction",
    [
        ("Die Apple-Aktie legte am Freitag um 2 Prozent zu.", "up"),
        ("Die Apple-Aktie ging am Freitag um 2 Prozent zurück.", "down"),
        ("Die Apple-Aktie gab am Freitag um 2 Prozent nach.", "down"),
        ("Die Apple-Aktien stiegen am Freitag um 2 Prozent.", "up"),
        ("Die Apple-Aktie ist am Freitag um 2 Prozent gestiegen.", "up"),
        ("Die Apple-Aktie sank am Freitag um 2 Prozent.", "down"),
        ("Die Apple-Aktie brach am Freitag um 2 Prozent ein.", "down"),
        ("Die Apple-Aktie verlor am Freitag 2 Prozent.", "down"),
        ("Die Apple-Aktie schloss am Freitag 2 Prozent im Minus.", "down"),
        ("Die Apple-Aktie notierte am Freitag minus 2 Prozent.", "down"),
        ("Apple shares jumped 2% on Friday.", "up"),
        ("Apple shares slid 2% on Friday.", "down"),
        ("Apple shares tumbled 2% on Friday.", "down"),
        ("Apple shares were down 2% on Friday.", "down"),
    ],
)
def test_directions(sentence, direction):
    assert one(sentence).direction == direction


# ---- horizons and dates -----------------------------------------------------------------------
def test_weekday_is_latest_on_or_before_publication():
    claim = one("Die Alibaba-Aktie stieg am Donnerstag um 5 Prozent.")
    assert (claim.horizon, iso(claim.end)) == ("one_day", "2025-02-13")
    claim = one("Die Alibaba-Aktie stieg am Freitag um 5 Prozent.")
    assert iso(claim.end) == "2025-02-14"


@pytest.mark.parametrize(
    "phrase, horizon, start",
    [
        ("seit Jahresbeginn", "ytd", "2025-01-01"),
        ("year to date", "ytd", "2025-01-01"),
        ("im Februar", "mtd", "2025-02-01"),
        ("seit Monatsbeginn", "mtd", "2025-02-01"),
        ("im Januar", "month", "2025-01-01"),
        ("seit dem 3. Februar", "since", "2025-02-03"),
        ("seit 2022", "since", "2022-01-01"),
        ("since March 2023", "since", "2023-03-01"),
        ("in dieser Woche", "week", "2025-02-10"),
        ("in den vergangenen fünf Handelstagen", "n_sessions", None),
    ],
)
def test_horizons(phrase, horizon, start):
    claim = one(f"Die Alibaba-Aktie ist {phrase} um 5 Prozent gestiegen.")
    assert (claim.horizon, iso(claim.start)) == (horizon, start)


def test_n_sessions_count():
    assert one("Alibaba shares rose 12% over the past three sessions.").n_sessions == 3


def test_quarter_year_on_year():
    claim = one(
        "Der Umsatz von Apple wuchs im dritten Quartal 2024 um 6 Prozent gegenüber dem Vorjahr."
    )
    assert (claim.metric, claim.horizon, iso(claim.start), iso(claim.end)) == (
        "revenue",
        "quarter_yoy",
        "2024-07-01",
        "2024-09-30",
    )


def test_month_range_publication_keeps_range():
    claim = one(
        "Die Alibaba-Aktie ist seit Jahresbeginn um 40 Prozent gestiegen.", published="2025-02"
    )
    assert (iso(claim.end_earliest), iso(claim.end)) == ("2025-02-01", "2025-02-28")


# ---- entities and listings --------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, ticker, cue",
    [
        ("In Hongkong stiegen die Aktien von Alibaba um 5 Prozent.", "9988.HK", "Hongkong"),
        ("Die in Hongkong gelisteten Alibaba-Aktien stiegen um 5 Prozent.", "9988.HK", "Hongkong"),
        ("Hong Kong-listed Alibaba shares rose 5%.", "9988.HK", "Hong Kong"),
        ("Alibaba-Aktien stiegen an der Wall Street um 5 Prozent.", "BABA", "Wall Street"),
        ("Alibaba's US-listed shares rose 5%.", "BABA", "US-listed"),
        ("Alibaba ADRs rose 5% in New York.", "BABA", "ADRs"),
    ],
)
def test_listing_cues(sentence, ticker, cue):
    claim = one(sentence)
    assert claim.ticker == ticker and cue in claim.listing_reason


def test_no_cue_says_which_listing_and_why():
    claim = one("Alibaba-Aktien stiegen um 5 Prozent.")
    assert claim.ticker == "BABA" and "registry default" in claim.listing_reason
    assert claim.alternatives[0][0] == "9988.HK"


@pytest.mark.parametrize("name", ["DeepSeek", "ByteDance", "Huawei"])
def test_unlisted_companies_not_market_testable(name):
    claim = one(f"Der Umsatz von {name} stieg 2024 um 30 Prozent.")
    assert claim.entity == name
    claim = one(f"Die Aktie von {name} stieg um 30 Prozent.")
    assert claim.testable == "none" and "no stock-exchange listing" in " ".join(claim.notes)


def test_index_claim():
    claim = one("Der Hang-Seng-Index schloss am Freitag 3,7 Prozent höher.")
    assert (claim.entity, claim.ticker, claim.metric, claim.direction, claim.closing) == (
        "Hang Seng",
        "^HSI",
        "index_level",
        "up",
        True,
    )


# ---- negatives --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Analysten erwarten, dass die Alibaba-Aktie um 20 Prozent steigt.",
        "Das Kursziel für Alibaba liegt bei 150 Dollar, ein Plus von 20 Prozent.",
        "Tencent hält 5 Prozent an dem Start-up.",
        "Die Alibaba-Aktie soll um 10 Prozent steigen.",
        "Die Alibaba-Aktie könnte um 10 Prozent zulegen.",
        "Wer 2022 investiert hätte, hätte 50 Prozent verdient.",
        "Analysts expect Alibaba shares to rise 20% next year.",
        "Alibaba could gain 10% if the deal closes.",
        "Alibaba has a price target of $150, 20% above the current price.",
        "Alibaba holds a 5% stake in the company.",
        "Alibaba veröffentlichte Qwen 2.5 und Qwen2.5-Max im Jahr 2025.",
        "Apple verkaufte 2024 rund 230 Millionen iPhones.",
    ],
)
def test_non_claims(sentence):
    assert [c for c in extract(sentence, published=PUB) if c.testable == "market"] == []


# ---- English versions of the seed claims --------------------------------------------------------
def test_english_seed_claims():
    text = (
        "Alibaba's Hong Kong-listed shares rose 9.1%, their biggest one-day gain since 2022. "
        "The Hong Kong-listed shares have gained more than 40% since the start of the year, "
        "and 17% in February alone. "
        "Apple's revenue in China fell 11% to $18.5 billion in the latest quarter. "
        "That is about 15% of the company's total revenue. "
        "AI-capable smartphone shipments in mainland China grew 591% year on year in the third "
        "quarter of 2024, Canalys said."
    )
    article = extract_article(text, published="2025-02-14")
    assert article.language == "en"
    got = [
        (c.kind, c.entity, c.ticker, c.metric, c.direction, c.magnitude, c.hedge, c.horizon)
        for c in article.claims
    ]
    assert got == [
        ("move", "Alibaba", "9988.HK", "share_price", "up", 9.1, "exact", "one_day"),
        ("record", "Alibaba", "9988.HK", "share_price", "up", None, "exact", "record"),
        ("move", "Alibaba", "9988.HK", "share_price", "up", 40.0, "over", "ytd"),
        ("move", "Alibaba", "9988.HK", "share_price", "up", 17.0, "exact", "mtd"),
        ("move", "Apple", "AAPL", "revenue", "down", 11.0, "exact", "fiscal_yoy"),
        ("level", "Apple", "AAPL", "revenue", "down", 18.5, "exact", "fiscal_yoy"),
        ("share", "Apple", "AAPL", "share_of_revenue", "none", 15.0, "about", "fiscal_yoy"),
        ("move", None, None, "shipments", "up", 591.0, "exact", "quarter_yoy"),
    ]
    # "seit 2022": the window starts after 2022 (a larger rise happened in 2022, none since)
    assert iso(article.claims[1].record_since) == "2022-12-31"
    assert {c.segment for c in article.claims[4:7]} == {"Greater China"}


# ---- publication dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, start, end, confidence",
    [
        ("published: 2025-02-13\n\nText.", "2025-02-13", "2025-02-13", "high"),
        ("---\ntitle: x\npublished: 2025-02-13\n---\nText.", "2025-02-13", "2025-02-13", "high"),
        (" date 2025-02 Der Text.", "2025-02-01", "2025-02-28", "high"),
        (
            "Bild: https://e.com/wp/2025/02/a.jpg und /2024/10/b.jpg",
            "2025-02-01",
            "2025-02-28",
            "medium",
        ),
        ("Am 13. Februar 2025 sagte er etwas.", "2025-02-13", "2025-02-13", "low"),
        ("On February 13, 2025 he said.", "2025-02-13", "2025-02-13", "low"),
        ("Nichts.", None, None, "none"),
    ],
)
def test_detect_published(text, start, end, confidence):
    pub = detect_published(text, default_registry())
    got = (pub.start and pub.start.isoformat(), pub.end and pub.end.isoformat(), pub.confidence)
    assert got == (start, end, confidence)


def test_published_option_wins():
    article = extract_article(" date 2025-02 Text.", published="2025-02-13")
    assert article.published.confidence == "given" and article.published.exact


# ---- properties -------------------------------------------------------------------------------
WORDS = st.sampled_from(
    [
        "Alibaba",
        "Aktie",
        "stieg",
        "um",
        "über",
        "rund",
        "9,1",
        "Prozent",
        "%",
        "seit",
        "2022",
        "Hongkong",
        "rose",
        "as much as",
        "1.234,56",
        "Mrd.",
        "Dollar",
        ".",
        ",",
        "\n",
        "am Donnerstag",
        "größten Anstieg an einem Tag",
        "—",
        "€",
        "$",
        "Qwen 2.5",
        "bis zu",
        "in der Spitze",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join)))
def test_extract_never_raises_and_spans_are_inside(text):
    for claim in extract(text, published=PUB):
        a, b = claim.span
        sa, sb = claim.sentence_span
        assert 0 <= sa <= a < b <= sb <= len(text)
        assert text[sa:sb] == claim.sentence
        assert text[a:b] == claim.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_sentences_cover_text_in_order(text):
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("Apple's stock has gained 30% over the past 12 months.", "2024-02-15"),
        ("Die Tesla-Aktie hat in den vergangenen zwölf Monaten 40 Prozent verloren.", "2024-02-15"),
        ("Apple shares rose 10% over the past year.", "2024-02-15"),
    ],
)
def test_trailing_periods(sentence, start):
    claim = one(sentence)
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == ("since", start, PUB)


def test_listed_company_without_metric_noun_is_its_share_price():
    first, second = extract(
        "Xiaomi gained 5.2 per cent in Hong Kong, while Tencent slipped 0.8 per cent.",
        published=PUB,
    )
    assert (first.ticker, first.metric, first.direction) == ("1810.HK", "share_price", "up")
    assert (second.ticker, second.metric, second.direction) == ("0700.HK", "share_price", "down")
    assert "share price assumed" in " ".join(first.notes)


def test_capitalised_metric_noun_and_abbreviation():
    claim = one("Shares of Alibaba Group Holding Ltd. rose 4.5% in New York trading on Friday.")
    assert (claim.metric, claim.ticker, iso(claim.end)) == ("share_price", "BABA", PUB)


def test_company_not_venue_and_unknown_companies():
    claim = extract("Apple verlor an der Nasdaq 1,5 Prozent auf 244,60 Dollar.", published=PUB)[0]
    assert (claim.entity, claim.ticker, claim.metric) == ("Apple", "AAPL", "share_price")
    unknown, hsi = extract(
        "Zyxwo-Aktien fielen um 3 Prozent, während der Hang Seng 1 Prozent zulegte.", published=PUB
    )
    assert unknown.entity is None and "not in the registry" in unknown.notes[0]
    assert unknown.testable == "none"
    assert (hsi.ticker, hsi.direction) == ("^HSI", "up")
    byd = extract("BYD-Aktien fielen um 3 Prozent.", published=PUB)[0]
    assert (byd.entity, byd.ticker) == ("BYD", "1211.HK")


def test_since_a_month_without_year():
    claim = one("Die Alibaba-Aktie ist seit Anfang Januar um knapp 70 Prozent gestiegen.")
    assert (claim.horizon, iso(claim.start), claim.hedge) == ("since", "2025-01-01", "just_under")
    claim = one("Die Alibaba-Aktie ist seit Oktober um 20 Prozent gestiegen.")
    assert iso(claim.start) == "2024-10-01"


def test_record_since_a_month():
    move, record = extract(
        "The S&P 500 fell 1.7% on Friday, its worst day since December.", published=PUB
    )
    assert (record.kind, record.direction, iso(record.record_since)) == (
        "record",
        "down",
        "2024-12-31",  # after the December named: the window is exclusive
    )
    assert record.attached_to == move.id


def test_fiscal_quarter_is_the_companys():
    claim = one("Der Umsatz von Apple stieg im ersten Geschäftsquartal um 4 Prozent.")
    assert (claim.horizon, claim.fiscal_quarter, claim.testable) == ("fiscal_yoy", 1, "reported")


@given(
    st.lists(st.text(alphabet="ab&1 .Ä\n", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="ab&1 .Äx\n", max_size=60),
    st.sampled_from([r"\w", r"[\w&]", r"\d"]),
)
@settings(max_examples=300, deadline=None)
def test_word_alternation_matches_like_a_lookbehind_alternation(words, text, not_before):
    """word_alternation (first character, then the lookbehind) finds exactly what the plain
    (?<!X)(?:longest|...|shortest) alternation finds."""
    from impact.fastre import word_alternation

    plain = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    expected = re.compile(rf"(?<!{not_before})(?:{plain})")
    fast = re.compile(word_alternation(words, not_before))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in expected.finditer(text)]


_VOCABULARY = [
    "um", "über", "rund", "bis zu", "seit", "Jahresbeginn", "Prozent", "stieg", "legte", "zu",
    "fiel", "year to date", "as much as", "one-day", "an einem Tag", "im Februar", "Umsatz",
    "revenue", "shares", "Aktie", "Aktien", "gestiegen", "zurück", "Kursziel", "soll", "9,1",
    "%", "-", "(", ")", ",", ".", "Über", "UM", "rose", "jumped", "intraday", "zeitweise", "Q3",
    "im dritten Quartal", "seit 2022", "Ümsatz", "xüber", "_um", "stiegen", "Alibaba", "Apple",
    "3. März 2024", "bis", "und", "Jan. 4, 2018", "to", "and", "14.06.2024", "2-day", "3",
    "Montag", "at", "11:30 a.m.", "premarket", "closed",
]  # fmt: skip


@given(st.lists(st.sampled_from(_VOCABULARY), max_size=30), st.sampled_from([" ", "  ", "-", ""]))
@settings(max_examples=300, deadline=None)
def test_scan_gates_never_drop_a_match(words, sep):
    """A pattern skipped by its gate (no literal prefix, no word starting with a fragment) has
    no match: Scan.all gives exactly what the regex finds, for every lexicon pattern."""
    from impact.fastre import Scan, _strip_lookahead, find_once

    text = sep.join(words)
    scan = Scan(text)
    for pattern in lexicon_patterns():
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in scan.all(pattern)] == expected
        assert [m.span() for m in find_once(pattern, text)] == expected
        # the first-character lookahead compile_fast adds never changes what matches
        plain = re.compile(_strip_lookahead(pattern.pattern), pattern.flags)
        assert [m.span() for m in plain.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]


# ---- price levels: direction, base day, bare dollars -------------------------------------------
@pytest.mark.parametrize(
    "text, lang, direction",
    [
        ("Der DAX stieg am Freitag auf 19.500 Punkte.", "de", "none"),
        ("Die Alibaba-Aktie stieg über 100 Dollar.", "de", "up"),
        ("Der DAX rutschte unter die Marke von 15000 Punkten.", "de", "down"),
        ("Die Alibaba-Aktie rutschte am Freitag unter 100 Dollar.", "de", "down"),
        ("Apple fell to as low as $88.10 on Friday.", "en", "down"),
        ("Apple rose to as high as $256.60 on Friday.", "en", "up"),
        ("The S&P 500 closed at 5,000 points on Friday.", "en", "none"),
    ],
)
def test_level_direction_is_the_threshold_side_or_the_extreme(text, lang, direction):
    claim = one(text, lang=lang)
    assert claim.kind == "level"
    assert claim.direction == direction


def test_a_level_after_from_weekdays_close_is_that_days_close():
    text = "Apple stock was trading at $230.10, down 2.1% from Friday's close of $235.05."
    claims = extract(text, published="2025-02-17", lang="en")  # a Monday
    base = next(c for c in claims if c.magnitude == 235.05)
    assert (base.kind, iso(base.start), iso(base.end)) == ("level", "2025-02-14", "2025-02-14")
    now = next(c for c in claims if c.magnitude == 230.10)
    assert iso(now.end) == "2025-02-17"


def test_a_bare_dollar_keeps_the_line_the_article_named():
    text = (
        "Shares of Alibaba (HKEX: 9988) changed hands at HK$91.40 on Monday. "
        "The stock later fell to $89.65."
    )
    claims = extract(text, published="2025-02-17", lang="en")
    assert [c.ticker for c in claims] == ["9988.HK", "9988.HK"]
    assert claims[1].dollar_ambiguous


@pytest.mark.parametrize(
    "text, lang, basis, during",
    [
        ("Alibaba soared 13.2 per cent, set for its biggest advance in a year.", "en",
         "snapshot", True),
        ("Die Alibaba-Aktie steuert auf ihren größten Tagesgewinn zu, sie steigt um 13,2 Prozent.",
         "de", "snapshot", True),
        ("Alibaba soared 13.2 per cent on Monday.", "en", "unknown", False),
    ],
)  # fmt: skip
def test_a_sentence_written_while_the_session_runs(text, lang, basis, during):
    claim = one(text, lang=lang)
    assert (claim.basis_cue, claim.during_session) == (basis, during)


def test_an_extreme_at_the_noon_break_is_the_extreme_so_far():
    text = (
        "The Hang Seng Index was up 0.8 per cent at the local noon trading break, having climbed "
        "as much as 2.4 percent earlier in the session."
    )
    claims = extract(text, published="2024-01-24", lang="en")
    extreme = next(c for c in claims if c.magnitude == 2.4)
    assert (extreme.basis_cue, extreme.hedge, extreme.during_session) == ("extreme", "up_to", True)


# ---- discourse across sentences: the Hong Kong day, the latest venue, digit-less sentences ------
def test_us_figures_in_a_report_on_the_hong_kong_day_are_from_the_night_before():
    text = (
        "In Hongkong fiel die Alibaba-Aktie um 7 Prozent. "
        "Im US-Handel war Alibaba zuvor um 5 Prozent abgesackt."
    )
    hk, us = extract(text, published="2022-01-27", lang="de")
    assert (hk.ticker, iso(hk.end)) == ("9988.HK", "2022-01-27")
    assert (us.ticker, iso(us.end), us.dates.rule) == ("BABA", "2022-01-26", "overnight")
    timed = extract(text, published="2022-01-27T23:30+01:00", lang="de")
    assert iso(timed[1].end) == "2022-01-27"  # a time: the latest session before it


def test_the_latest_venue_named_wins_over_an_earlier_line():
    text = (
        "Alibaba gewann im US-Handel zuletzt 2 Prozent. "
        "Anders war die Stimmung in Hongkong. "
        "Dort brach die Alibaba-Aktie um bis zu 9,4 Prozent ein."
    )
    claims = extract(text, published="2022-05-03", lang="de")
    assert [c.ticker for c in claims] == ["BABA", "9988.HK"]


def test_a_figure_before_its_company_takes_the_venue_of_the_next_sentence():
    text = "Minus 7 Prozent! Heute ist die Alibaba-Aktie in Hongkong regelrecht abgestürzt."
    (claim,) = extract(text, published="2022-01-27", lang="de")
    assert (claim.entity, claim.ticker, claim.entity_how) == ("Alibaba", "9988.HK", "next_sentence")


@pytest.mark.parametrize(
    "text, lang, magnitude, kind",
    [
        ("Apple stock has shed over a fifth of its value this year.", "en", 20.0, "move"),
        ("Die Alibaba-Aktie verlor am Montag zwei Prozent.", "de", 2.0, "move"),
        ("The Hang Seng Index posted its biggest decline in almost five years on Friday.", "en",
         None, "record"),
    ],
)  # fmt: skip
def test_a_sentence_without_digits_still_holds_claims(text, lang, magnitude, kind):
    (claim,) = extract(text, published="2025-04-08", lang=lang)
    assert (claim.magnitude, claim.kind) == (magnitude, kind)


def test_a_record_of_the_market_value_is_no_price_record():
    text = "Alphabet hat einen neuen Rekord geknackt: Der Konzern ist erstmals drei Billionen Dollar wert."
    assert [c for c in extract(text, published="2025-09-15", lang="de") if c.kind == "record"] == []


@pytest.mark.parametrize(
    "text, lang, published, horizon, start, end_earliest, end",
    [
        ("Apple shares have lost 22% in the four sessions since the tariffs were announced.", "en",
         "2025-04-08", "n_sessions", None, "2025-04-08", "2025-04-08"),
        ("PDD fell 24.6% on Oct. 24, 2022.", "en", "2024-08-26", "one_day", "2022-10-24",
         "2022-10-24", "2022-10-24"),
        ("The Nasdaq 100 fell 3.3% in mid-December 2022.", "en", "2023-10-25", "one_day",
         "2022-12-11", "2022-12-11", "2022-12-20"),
        ("Der S&P 500 fiel Ende Februar um 3 Prozent.", "de", "2025-06-27", "one_day",
         "2025-02-21", "2025-02-21", "2025-02-28"),
        ("The stock has risen 20% since mid-December.", "en", "2025-02-03", "since",
         "2024-12-15", "2025-02-03", "2025-02-03"),
    ],
)  # fmt: skip
def test_periods_named_in_words(text, lang, published, horizon, start, end_earliest, end):
    claim = next(c for c in extract(text, published=published, lang=lang) if c.kind == "move")
    assert (claim.horizon, iso(claim.start), iso(claim.end_earliest), iso(claim.end)) == (
        horizon, start, end_earliest, end,
    )  # fmt: skip


def test_a_sized_move_to_an_amount_is_a_move():
    text = "SPY dropped $1.85 on Thursday. That took its two-day fall to $2.40."
    claims = extract(text, published="2024-04-25", lang="en")
    assert [(c.kind, c.horizon, c.n_sessions) for c in claims] == [
        ("move", "one_day", None), ("move", "n_sessions", 2),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, lang, entity, direction, kind",
    [
        ("Alibaba's New York-listed shares piled on almost seven percent.", "en", "Alibaba", "up",
         "move"),
        ("The Hang Seng's gains were driven by an eight percent jump in Alibaba.", "en", "Alibaba",
         "up", "move"),
        ("Der Kursverlust von Apple beläuft sich auf über sechs Prozent.", "de", "Apple", "down",
         "move"),
    ],
)  # fmt: skip
def test_move_phrases(text, lang, entity, direction, kind):
    claim = one(text, lang=lang)
    assert (claim.entity, claim.direction, claim.kind) == (entity, direction, kind)


def test_a_level_in_a_named_month_is_any_session_of_it():
    text = "Alphabet stock topped its closing high of $151.20 recorded in November 2021."
    level = next(c for c in extract(text, published="2024-01-24", lang="en") if c.kind == "level")
    assert (iso(level.end_earliest), iso(level.end)) == ("2021-11-01", "2021-11-30")


def test_a_level_past_a_mark_since_a_date_is_todays_level():
    text = "Am Freitag stieg die Alibaba-Aktie erstmals seit August 2022 wieder über die 100-Dollar-Marke."
    level = next(c for c in extract(text, published="2024-09-27", lang="de") if c.kind == "level")
    assert (level.hedge, level.direction, iso(level.end)) == ("over", "up", "2024-09-27")


def test_a_day_named_in_an_earlier_sentence_carries():
    text = (
        "On Monday Apple was the first firm to reach a market value of $3 trillion. "
        "Its shares closed the day 2.5 per cent higher. "
        "Apple stock is up almost 46 percent this year."
    )
    move, ytd = extract(text, published="2022-01-05", lang="en")  # a Wednesday
    assert (move.dates.rule, iso(move.end)) == ("carried", "2022-01-03")
    assert (ytd.horizon, iso(ytd.end)) == ("ytd", "2022-01-03")


def test_a_reference_day_does_not_carry():
    text = (
        "Der S&P 500 ging 0,75 Prozent stärker in den Handel, nach 5.722 Punkten am Vortag. "
        "Das Tageshoch lag bei 5.767 Punkten."
    )
    claims = extract(text, published="2024-09-26", lang="de")
    assert iso(claims[-1].end) == "2024-09-26"


@pytest.mark.parametrize(
    "text, published, rule, end_earliest, end",
    [
        ("On the first trading day of 2022, Apple rose 2.5 per cent.", "2022-01-05",
         "first_session", "2022-01-02", "2022-01-04"),
        ("Zum Jahreswechsel kostete ein Apple-Papier noch 259 Dollar.", "2025-04",
         "year_end", "2024-12-31", "2024-12-31"),
    ],
)  # fmt: skip
def test_the_first_and_last_session_of_a_year(text, published, rule, end_earliest, end):
    (claim,) = extract(text, published=published)
    assert (claim.dates.rule, iso(claim.end_earliest), iso(claim.end)) == (rule, end_earliest, end)


def test_a_move_against_a_dated_high_and_the_high_itself():
    text = (
        "Im Vergleich zum Rekordhoch von knapp 320 Dollar aus dem Oktober 2020 steht für die "
        "Alibaba-Aktie damit ein Minus von 77 Prozent."
    )
    level, move = extract(text, published="2022-03-16", lang="de")
    assert (level.kind, iso(level.end_earliest), iso(level.end)) == (
        "level",
        "2020-10-01",
        "2020-10-31",
    )
    assert (move.dates.rule, iso(move.start), move.dates.extreme) == (
        "from_extreme",
        "2020-10-01",
        "high",
    )


def test_a_when_clause_after_a_records_window_is_that_day():
    text = "Alibaba posted its best day since March 16, 2022, when the shares soared 27 per cent."
    move, record = extract(text, published="2025-09-01", lang="en")
    assert (move.magnitude, iso(move.end)) == (27.0, "2022-03-16")
    assert (record.kind, iso(record.end)) == ("record", "2025-09-01")


def test_unterhalb_der_marke_is_a_threshold_below():
    text = "Erstmals seit sechs Jahren notiert der Hang Seng wieder unterhalb der 20000er Marke."
    mark = next(c for c in extract(text, published="2022-03-14", lang="de") if c.kind == "level")
    assert (mark.hedge, mark.direction) == ("under", "down")


def test_named_weekdays_span_a_move():
    text = "Die Alibaba-Aktie büßte am Montag und Dienstag zusammen mehr als acht Prozent ein."
    claim = one(text, published="2023-01-31", lang="de")  # a Tuesday
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == (
        "since",
        "2023-01-29",
        "2023-01-31",
    )


def test_a_level_reached_throughout_the_day_is_the_days_extreme():
    text = "PDD opened 28% lower on Monday and kept losing ground throughout the day to sink below $100."
    level = next(c for c in extract(text, published="2024-08-26", lang="en") if c.kind == "level")
    assert (level.basis_cue, level.hedge, level.direction) == ("extreme", "under", "down")


def test_a_forecast_clause_keeps_its_day_to_itself():
    text = (
        "Alibaba kletterte im US-Handel zuletzt erneut über 100 Dollar und sollte auch heute fest "
        "starten. In Hongkong verlor die Alibaba-Aktie heute bis zu 9,4 Prozent."
    )
    us, hk = extract(text, published="2022-05-03", lang="de")
    assert (us.ticker, iso(us.end), us.dates.rule) == ("BABA", "2022-05-02", "overnight")
    assert (hk.ticker, iso(hk.end)) == ("9988.HK", "2022-05-03")


def test_respectively_pairs_names_and_numbers_in_order():
    text = "The Dow Jones Index and the S&P 500 lost nearly 4% and more than 4.8%, respectively."
    dow, spx = extract(text, published="2025-04-04", lang="en")
    assert (dow.entity, dow.magnitude, spx.entity, spx.magnitude) == (
        "Dow Jones",
        4.0,
        "S&P 500",
        4.8,
    )


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Siemens und SAP legten um 4,2 bzw. 5,8 Prozent zu.", "de"),
        ("Siemens und SAP legten um 4,2 beziehungsweise 5,8 Prozent zu.", "de"),
        ("Siemens and SAP rose 4.2 and 5.8 percent, respectively.", "en"),
    ],
)
def test_respectively_with_one_unit_for_both_figures(text, lang):
    siemens, sap = extract(text, published="2024-03-05", lang=lang)
    assert (siemens.ticker, siemens.magnitude, siemens.direction) == ("SIE.DE", 4.2, "up")
    assert (sap.ticker, sap.magnitude, sap.direction) == ("SAP.DE", 5.8, "up")
    assert siemens.text in {"4,2", "4.2"} and siemens.metric == "share_price"


@pytest.mark.parametrize(
    "text, published, horizon, start, end_earliest, end",
    [
        ("Auf die letzte Handelswoche gesehen legte die Apple-Aktie gut 2 Prozent zu.",
         "2023-06-19", "week", "2023-06-12", "2023-06-18", "2023-06-18"),
        ("Auf die letzte Handelswoche gesehen legte die Apple-Aktie gut 2 Prozent zu.",
         "2023-06", "week", "2023-06-19", "2023-05-22", "2023-06-25"),
        ("Die Apple-Aktie verlor damit in nur 4 Monaten über 34 Prozent.",
         "2025-04-08", "since", "2024-12-07", "2025-04-08", "2025-04-08"),
    ],
)  # fmt: skip
def test_weeks_and_months_back(text, published, horizon, start, end_earliest, end):
    claim = one(text, published=published, lang="de")
    assert (claim.horizon, iso(claim.start), iso(claim.end_earliest), iso(claim.end)) == (
        horizon, start, end_earliest, end,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nestlé-Aktien fielen um zwei Prozent. Das organische Wachstum lag bei 1,4 Prozent.", "de"),
        ("Nestlé-Aktien fielen um zwei Prozent. Die Preise wurden um 3,1 Prozent erhöht.", "de"),
        ("Der Dax stieg um 3,4 Prozent. Die Rendite der Bundesanleihe stieg auf 2,79 Prozent.", "de"),
        ("Die Allianz-Aktie stieg um 2 Prozent. Die Dividende soll 2,25 Euro je Aktie betragen.", "de"),
    ],
)  # fmt: skip
def test_company_and_economy_figures_are_no_share_moves(text, lang):
    claims = extract(text, published="2024-04-25", lang=lang)
    assert len([c for c in claims if c.metric in ("share_price", "index_level")]) == 1


def test_earnings_per_share_is_a_profit_figure():
    claims = extract(
        "Apple shares jumped 6% on Friday. Earnings per share were $1.53.",
        published="2024-05-03",
        lang="en",
    )
    assert [(c.text, c.metric) for c in claims] == [("6%", "share_price"), ("$1.53", "profit")]


@pytest.mark.parametrize(
    "text, segment, end",
    [
        ("Apple's services revenue rose to $26.6 billion.", "Services", None),
        ("Apple reported revenue of $95.4 billion for the March quarter.", None, "2025-03-31"),
    ],
)
def test_business_lines_and_calendar_quarters(text, segment, end):
    (claim,) = extract(text, published="2025-05-01", lang="en")
    assert claim.segment == segment
    if end:
        assert (claim.horizon, iso(claim.end)) == ("quarter", end)


@pytest.mark.parametrize(
    "text, lang, direction",
    [
        ("Die Vorzugsaktien von Volkswagen sind am Montag um rund fünf Prozent eingeknickt.", "de",
         "down"),
        ("Nvidia shares gave up 17% on Monday.", "en", "down"),
        ("Nvidia shares were off 17% on Monday.", "en", "down"),
        ("Die Papiere von Bayer rauschten um 8 Prozent in die Tiefe.", "de", "down"),
        ("Die Aktien von SAP rückten um 3 Prozent vor.", "de", "up"),
    ],
)  # fmt: skip
def test_more_move_verbs(text, lang, direction):
    assert one(text, published="2025-01-27", lang=lang).direction == direction


@pytest.mark.parametrize(
    "text, lang",
    [
        ("SAP shares rose 5.2%. The stock was up 4.8% at 1130 GMT.", "en"),
        ("In early trading, Baidu shares were up 10%.", "en"),
        ("Gegen Mittag notierte der Dax 3,2 Prozent höher.", "de"),
        ("Um 11.30 Uhr lag der Dax 3,2 Prozent im Plus.", "de"),
    ],
)
def test_more_times_of_day(text, lang):
    claim = extract(text, published="2023-04-21", lang=lang)[-1]
    assert claim.basis_cue == "snapshot"


@pytest.mark.parametrize(
    "weekday, day",
    [("Donnerstag", "2024-05-16"), ("Mittwoch", "2024-05-15"), ("Dienstag", "2024-05-14")],
)
def test_a_day_from_a_sentence_without_figures_carries(weekday, day):
    """Every weekday carries, also the two whose names end in neither "tag" nor "day"."""
    text = (
        f"Siemens hatte am {weekday} Zahlen vorgelegt. Das Papier des Konzerns verlor 6,8 Prozent."
    )
    (claim,) = extract(text, published="2024-05-20", lang="de")  # a Monday
    assert (claim.dates.rule, iso(claim.end)) == ("carried", day)


def test_each_figure_takes_its_nearest_weekday():
    text = "Apple shares fell 9.2% on Thursday and another 7.3% on Friday."
    first, second = extract(text, published="2025-04-08", lang="en")
    assert (iso(first.end), iso(second.end)) == ("2025-04-03", "2025-04-04")


@pytest.mark.parametrize(
    "text, lang, magnitude, ticker",
    [
        ("The S&P 500 closed at 5,456.90.", "en", 5456.90, "^GSPC"),
        ("Der Dax schloss bei 20.641,72.", "de", 20641.72, "^GDAXI"),
        ("The Hang Seng Index fell to 20,926.79 on Tuesday.", "en", 20926.79, "^HSI"),
    ],
)
def test_index_levels_without_points(text, lang, magnitude, ticker):
    claim = one(text, published="2025-04-09", lang=lang)
    assert (claim.kind, claim.unit, claim.magnitude, claim.ticker) == (
        "level",
        "points",
        magnitude,
        ticker,
    )


def test_a_bare_number_without_an_index_is_no_claim():
    assert (
        extract("Apple said it sold 1,234 phones at the fair.", published="2025-04-09", lang="en")
        == []
    )


@pytest.mark.parametrize(
    "text, ticker",
    [
        ("Die Hongkonger Baidu-Aktie stieg am Mittwoch um knapp 16 Prozent.", "9888.HK"),
        ("Die Hongkonger JD-Aktie stieg am Mittwoch um 16 Prozent.", "9618.HK"),
    ],
)
def test_hongkonger_names_the_hong_kong_line(text, ticker):
    assert one(text, published="2025-09-18", lang="de").ticker == ticker


def test_a_sentence_may_start_with_a_lower_case_brand():
    claims = extract(
        "Apple shares jumped 6%. iPhone sales fell 10%.", published="2024-05-03", lang="en"
    )
    assert [(c.text, c.metric) for c in claims] == [("6%", "share_price"), ("10%", "revenue")]


@pytest.mark.parametrize(
    "text, lang, hedge",
    [
        ("Die Alibaba-Aktie in Hongkong hat sich seit Jahresbeginn fast verdoppelt.", "de",
         "just_under"),
        ("Alibaba's Hong Kong stock has nearly doubled this year.", "en", "just_under"),
    ],
)  # fmt: skip
def test_doubling_is_a_move_of_100_percent(text, lang, hedge):
    claim = one(text, published="2025-09-01", lang=lang)
    assert (claim.magnitude, claim.hedge, claim.horizon, claim.half_unit) == (
        100.0,
        hedge,
        "ytd",
        10.0,
    )


@pytest.mark.parametrize(
    "text, lang, published, start",
    [
        ("Nvidia had recovered nearly 18% since its Jan. 27 rout.", "en", "2025-02-19", "2025-01-27"),
        ("Seit dem Tief vom 7. April hat der Dax rund 20 Prozent zugelegt.", "de", "2025-05-13",
         "2025-04-07"),
        ("Die SAP-Aktie hat seit Freitag vergangener Woche rund 7,5 Prozent gewonnen.", "de",
         "2024-01-26", "2024-01-19"),
    ],
)  # fmt: skip
def test_moves_since_a_dated_event(text, lang, published, start):
    claim = one(text, published=published, lang=lang)
    assert (claim.horizon, claim.dates.rule, iso(claim.start)) == ("since", "from_date", start)


def test_the_same_period_as_the_figure_before():
    text = "The Hang Seng has climbed 21% this year. Xiaomi has jumped more than 50% over the same period."
    hsi, xiaomi = extract(text, published="2025-06-30", lang="en")
    assert (xiaomi.horizon, iso(xiaomi.start), iso(xiaomi.end)) == (
        hsi.horizon,
        iso(hsi.start),
        iso(hsi.end),
    )


def test_the_same_period_looks_past_a_level():
    text = (
        "Der Dax legte im Oktober um 8 Prozent zu und beendete den Monat bei 14.000 Punkten. "
        "Der Hang Seng verlor im selben Zeitraum gut 9 Prozent."
    )
    dax, level, hsi = extract(text, published="2024-11-01", lang="de")
    assert (dax.horizon, level.kind, hsi.ticker) == ("month", "level", "^HSI")
    assert (hsi.horizon, iso(hsi.start), iso(hsi.end)) == ("month", "2024-10-01", "2024-10-31")


def test_holding_a_record_is_no_stake():
    text = "Der S&P 500 schloss 0,5 Prozent fester und hielt seinen Schlussrekord bei 6173 Punkten."
    claims = [c for c in extract(text, published="2025-06-27", lang="de") if c.kind != "record"]
    assert [c.magnitude for c in claims] == [0.5, 6173.0]
    assert extract("Tencent hält 5 Prozent an dem Start-up.", published="2025-06-27") == []


def test_a_few_days_is_a_move_over_some_sessions():
    claim = one("In den vergangenen Tagen ist die Apple-Aktie um mehr als ein Fünftel abgerutscht.",
                published="2025-04-08", lang="de")  # fmt: skip
    assert (claim.horizon, claim.n_sessions, claim.direction) == ("n_sessions", None, "down")


def test_back_then_is_the_start_of_the_period_named_before():
    text = (
        "Seit Anfang April geht es für die Alphabet-Aktie stetig aufwärts. "
        "Damals kostete ein A-Papier erst rund 145 Dollar."
    )
    level = next(c for c in extract(text, published="2025-09-15", lang="de") if c.kind == "level")
    assert (iso(level.end_earliest), iso(level.end)) == ("2025-04-01", "2025-04-10")


def test_a_relative_clause_dates_the_figure_before_it():
    text = (
        "Der S&P 500 ließ seine alte Bestmarke von 6147 Punkten hinter sich, die er Mitte "
        "Februar erreicht hatte."
    )
    level = next(c for c in extract(text, published="2025-06-27", lang="de") if c.magnitude == 6147)
    assert (iso(level.end_earliest), iso(level.end)) == ("2025-02-11", "2025-02-20")


def test_a_sentence_naming_two_lines_leaves_neither_for_later():
    text = (
        "Alphabet's Class A shares gained 2.9% and its Class C shares 2.7% on the day. "
        "The stock is up more than 30% so far this year."
    )
    claims = extract(text, published="2025-09-15", lang="en")
    assert [c.ticker for c in claims] == ["GOOGL", "GOOG", "GOOGL"]


def test_a_venue_named_in_the_next_sentence():
    text = (
        "Baidu-Papiere verloren zeitweise 7,5 Prozent. Damit lag Baidu am Ende des Hang Seng Index."
    )
    (claim,) = extract(text, published="2025-02-17", lang="de")
    assert claim.ticker == "9888.HK"


def test_a_name_with_a_share_word_is_the_one_a_pronoun_means():
    text = (
        "Aussagen eines Apple-Managers drückten die Aktie des Google-Konzerns Alphabet. "
        "Sie verlor rund sieben Prozent."
    )
    (claim,) = extract(text, published="2025-05-08", lang="de")
    assert claim.entity == "Alphabet"


def test_a_venue_without_a_line_keeps_no_ticker():
    text = "Die hierzulande gehandelten ADRs von PDD notieren 34 Prozent niedriger als vor einer Woche."
    (claim,) = extract(text, published="2024-08-30", lang="de")
    assert (claim.ticker, claim.testable_why) == (None, "venue_not_listed")


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Alibaba and JD.com lost almost 5% on Monday.", "en", [("BABA", 5.0), ("JD", 5.0)]),
        (
            "Bayer, BASF und Siemens fielen um 2 Prozent.",
            "de",
            [("BAYN.DE", 2.0), ("BAS.DE", 2.0), ("SIE.DE", 2.0)],
        ),
        (
            "Der Dax und der MDax gaben jeweils 1 Prozent nach.",
            "de",
            [("^GDAXI", 1.0), ("^MDAXI", 1.0)],
        ),
        # not a coordinated subject: figures assigned respectively; "between X and Y"
        ("Alibaba and JD.com fell 5% and 3%, respectively.", "en", [("BABA", 5.0), ("JD", 3.0)]),
        ("The deal between Alibaba and Apple lifted shares 5%.", "en", [("AAPL", 5.0)]),
    ],
)
def test_a_coordinated_subject_is_a_claim_about_each(text, lang, expected):
    claims = extract(text, published="2025-03-10", lang=lang)
    assert [(c.ticker, c.magnitude) for c in claims] == expected
    assert [c.id for c in claims] == list(range(len(claims)))


@pytest.mark.parametrize(
    "text, lang, horizon, start, end",
    [
        (
            "Im Jahr 2024 stieg die Alibaba-Aktie um 13 Prozent.",
            "de",
            "year",
            "2024-01-01",
            "2024-12-31",
        ),
        (
            "Nvidia shares rose 171% in 2024, their best year.",
            "en",
            "year",
            "2024-01-01",
            "2024-12-31",
        ),
        (
            "Im Vorjahr hatte die Siemens-Aktie 20 Prozent verloren.",
            "de",
            "year",
            "2024-01-01",
            "2024-12-31",
        ),
        ("Apple shares gained 30% last year.", "en", "year", "2024-01-01", "2024-12-31"),
        # the year of publication is year to date; "since last year" and "last year's high" are
        # periods to publication
        ("Nvidia shares rose 10% in 2025.", "en", "ytd", "2025-01-01", "2025-03-04"),
        ("Apple shares have fallen 5% since last year.", "en", "since", "2024-01-01", "2025-03-04"),
        (
            "Tesla shares are down 30% from last year's high.",
            "en",
            "since",
            "2024-01-01",
            "2025-03-04",
        ),
    ],
)
def test_a_calendar_year(text, lang, horizon, start, end):
    (claim,) = extract(text, published="2025-03-04", lang=lang)
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == (horizon, start, end)


def test_a_year_after_publication_names_no_session():
    (claim,) = extract("Nvidia shares rose 10% in 2027.", published="2025-03-04", lang="en")
    assert (claim.horizon, claim.dates.rule, claim.end) == ("year", "unknown", None)


@pytest.mark.parametrize(
    "text, lang, published, expected",
    [
        # a year that ended: "ended 2023", "finished the year", German bare year after the verb
        (
            "Apple ended 2023 with a gain of roughly 48%. The S&P 500 finished the year up 24%.",
            "en",
            "2024-01-02",
            [("year", "2023-01-01", "2023-12-31")] * 2,
        ),
        (
            "Der Dax hat 2024 knapp 19 Prozent gewonnen.",
            "de",
            "2025-01-10",
            [("year", "2024-01-01", "2024-12-31")],
        ),
        (
            "Der Dax hat das Jahr mit einem Plus von 19 Prozent beendet.",
            "de",
            "2025-01-02",
            [("year", "2024-01-01", "2024-12-31")],
        ),
        # a half year: whole when over, to publication while under way
        (
            "Der Dax hat das erste Halbjahr mit einem Plus von rund 20 Prozent abgeschlossen.",
            "de",
            "2025-07-01",
            [("quarter", "2025-01-01", "2025-06-30")],
        ),
        (
            "Nvidia shares are up 20% in the second half of 2024.",
            "en",
            "2024-10-01",
            [("quarter", "2024-07-01", "2024-10-01")],
        ),
        # sessions counted without "past"
        (
            "The S&P 500 edged up 0.1% on Wednesday. Over those eight sessions, the index climbed about 6.4%.",
            "en",
            "2023-11-08",
            [("one_day", "2023-11-08", "2023-11-08"), ("n_sessions", None, "2023-11-08")],
        ),
        # since a dated event: from that day's close
        (
            "The S&P 500 has gained about 5% since the Nov. 5 election.",
            "en",
            "2024-12-06",
            [("since", "2024-11-05", "2024-12-06")],
        ),
        (
            "Seit der US-Wahl am 5. November hat der Dax 3 Prozent zugelegt.",
            "de",
            "2024-12-06",
            [("since", "2024-11-05", "2024-12-06")],
        ),
        # "for the month" after a month's figure is that month; a cue right after a figure is its own
        (
            "The Nasdaq 100 rose 10.7% in November. The S&P 500 added 8.9% for the month and has now "
            "gained about 19% in 2023.",
            "en",
            "2023-12-01",
            [("month", "2023-11-01", "2023-11-30")] * 2 + [("ytd", "2023-01-01", "2023-12-01")],
        ),
        (
            "The S&P 500 is up 3% for the month.",
            "en",
            "2025-03-20",
            [("mtd", "2025-03-01", "2025-03-20")],
        ),
        # a level named with a month: any session of that month
        (
            "The S&P 500 slipped under its June closing low of 3,701.25.",
            "en",
            "2022-09-26",
            [("one_day", "2022-06-01", "2022-06-30")],
        ),
    ],
)
def test_period_phrases(text, lang, published, expected):
    claims = [c for c in extract(text, published=published, lang=lang) if c.kind != "record"]
    assert [(c.horizon, iso(c.start), iso(c.end)) for c in claims] == expected


def test_a_range_between_a_gain_and_a_loss_keeps_each_direction():
    text = "Nvidia shares swung between a gain of nearly 5% and a loss of more than 3% on Thursday."
    claims = extract(text, published="2024-11-21", lang="en")
    assert [(c.direction, c.magnitude, c.basis_cue, c.horizon) for c in claims] == [
        ("up", 5.0, "extreme", "intraday"),
        ("down", 3.0, "extreme", "intraday"),
    ]


def test_a_fraction_after_an_ordinal_is_part_of_a_period():
    claims = extract(
        "In der zweiten Jahreshälfte 2023 stieg die SAP-Aktie um 20 Prozent.",
        published="2024-10-01",
        lang="de",
    )
    assert [(c.magnitude, c.horizon, iso(c.start), iso(c.end)) for c in claims] == [
        (20.0, "quarter", "2023-07-01", "2023-12-31")
    ]
    (half,) = extract("Nvidia shares lost half of their value.", published="2024-10-01", lang="en")
    assert half.magnitude == 50.0


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a company that is also an ordinary word, named with the words of its report
        (
            "Die Allianz hat im zweiten Quartal mehr verdient. Die Aktie des Versicherers schloss mit "
            "einem Aufschlag von 4,9 Prozent.",
            "2023-08-10",
            [("ALV.DE", 4.9)],
        ),
        # a company by its trade, after it was named
        (
            "BMW hat die Prognose gesenkt. Die Aktie des Autobauers fiel um 3 Prozent.",
            "2024-09-11",
            [("BMW.DE", 3.0)],
        ),
        (
            "Allianz raised its outlook. The insurer's shares rose 4.9%.",
            "2023-08-10",
            [("ALV.DE", 4.9)],
        ),
        # a venue named for another company in the sentence is not this company's
        (
            "ASML-Aktien verteuerten sich in Amsterdam um fast zehn Prozent, SAP-Titel schossen um rund "
            "sieben Prozent hoch.",
            "2022-11-10",
            [("ASML.AS", 10.0), ("SAP.DE", 7.0)],
        ),
    ],
)
def test_the_company_a_figure_is_about(text, published, expected):
    claims = [c for c in extract(text, published=published) if c.unit == "percent"]
    assert [(c.ticker, c.magnitude) for c in claims] == expected


def test_an_ordinary_word_without_report_words_stays_a_word():
    assert (
        extract("Die Allianz der Willigen wuchs um 3 Prozent.", published="2025-03-04", lang="de")[
            0
        ].ticker
        is None
    )


def test_a_day_named_in_a_clause_about_before_is_not_the_scene():
    text = (
        "Der Dax hat eine turbulente Woche mit einem kleinen Plus von 0,3 Prozent beendet, nachdem er "
        "am Montag in der Spitze um 3,6 Prozent abgesackt war. Vergangene Woche hatte der Leitindex "
        "noch gut vier Prozent gewonnen. Seit Jahresbeginn steht ein Gewinn von knapp sechs Prozent zu Buche."
    )
    claims = extract(text, published="2024-08-09", lang="de")
    assert [(c.magnitude, c.horizon, iso(c.start), iso(c.end)) for c in claims] == [
        (0.3, "week", "2024-08-05", "2024-08-09"),
        (3.6, "intraday", "2024-08-05", "2024-08-05"),
        (4.0, "week", "2024-07-29", "2024-08-04"),
        (6.0, "ytd", "2024-01-01", "2024-08-09"),
    ]


def test_a_day_after_is_the_weekday_before():
    text = (
        "Baidu's Hong Kong-listed shares jumped 12.2% on Tuesday, a day after the company's American "
        "depositary receipts rallied 9% in New York."
    )
    claims = extract(text, published="2025-03-18", lang="en")
    assert [(c.ticker, c.magnitude, iso(c.end)) for c in claims] == [
        ("9888.HK", 12.2, "2025-03-18"),
        ("BIDU", 9.0, "2025-03-17"),
    ]
    de = extract("Die SAP-Aktie stieg am Montag um 5 Prozent, einen Tag nachdem sie um 3 Prozent gefallen war.",
                 published="2025-03-18", lang="de")  # fmt: skip
    assert [(c.magnitude, iso(c.end)) for c in de] == [(5.0, "2025-03-17"), (3.0, "2025-03-14")]


def test_the_regular_session_ends_an_after_hours_scene():
    text = (
        "Nvidia shares rose about 6% in extended trading on Wednesday. During the regular session, the "
        "stock had slipped 0.5%."
    )
    claims = extract(text, published="2024-05-23", lang="en")
    assert [(c.magnitude, c.basis_cue, iso(c.end)) for c in claims] == [
        (6.0, "after_hours", "2024-05-22"),
        (0.5, "close", "2024-05-22"),
    ]


def test_capital_expenditures_are_no_price():
    text = "Microsoft shed 6% on Thursday. Capital expenditures climbed 50% to $20 billion."
    claims = extract(text, published="2024-11-01", lang="en")
    assert [(c.magnitude, c.testable) for c in claims if c.testable == "market"] == [
        (6.0, "market")
    ]


def test_a_record_without_a_figure_passes_the_gate():
    (claim,) = extract(
        "Nvidia fell for an eighth consecutive day.", published="2025-03-04", lang="en"
    )
    assert (claim.kind, claim.ticker, claim.direction) == ("record", "NVDA", "down")


def test_for_the_month_looks_past_a_record_to_the_figure_before():
    text = (
        "The Nasdaq 100 rose 10.7% in November, its best month since July 2022. The S&P 500 added "
        "8.9% for the month."
    )
    claims = [c for c in extract(text, published="2023-12-01", lang="en") if c.kind != "record"]
    assert [(c.magnitude, c.horizon, iso(c.start), iso(c.end)) for c in claims] == [
        (10.7, "month", "2023-11-01", "2023-11-30"),
        (8.9, "month", "2023-11-01", "2023-11-30"),
    ]


# ---- a move since the listing --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, cue",
    [
        (
            "Die Porsche-Aktie hat seit dem Börsengang 30 Prozent verloren.",
            "de",
            "seit dem Börsengang",
        ),
        ("Arm shares have doubled since their IPO in 2023.", "en", "since their IPO"),
        ("Die Papiere von Porsche liegen 12 Prozent unter dem Ausgabepreis.", "de", None),
    ],
)
def test_a_move_since_the_listing_has_unknown_dates_and_says_why(text, lang, cue):
    (claim,) = extract(text, published="2025-06-30", lang=lang)
    if cue is None:  # "unter dem Ausgabepreis" is no since-cue: the move stays a one-day move
        assert claim.dates.rule != "unknown"
        return
    assert (claim.horizon, claim.dates.rule, claim.dates.missing) == ("since", "unknown", "listing")
    assert (claim.start, claim.end) == (None, None)
    assert claim.dates_how == f"'{cue}': " + (
        "measured from the listing (IPO): the registry knows neither its day nor price"
    )


def test_a_price_after_an_ipo_price_is_a_price_and_the_move_is_from_the_listing():
    text = "Arm shares have doubled from their $51 IPO price, closing at $102.10 on Friday."
    move, level = extract(text, published="2025-06-30", lang="en")  # a Monday
    assert (move.magnitude, move.horizon, move.dates.missing) == (100.0, "since", "listing")
    assert move.dates.cue == "from their $51 IPO price"  # the cue holds the next figure
    assert (level.kind, level.magnitude, level.currency) == ("level", 102.10, "USD")
    assert (iso(level.start), iso(level.end)) == ("2025-06-27", "2025-06-27")


def test_a_period_to_date_ends_on_the_latest_day_named_not_a_look_back():
    text = (
        "Die Kering-Aktie ist gestern um 6 Prozent abgerutscht. Am Montag hatte sie noch "
        "1 Prozent zugelegt. Seit Jahresbeginn steht damit ein Minus von 12 Prozent."
    )
    claims = extract(text, published="2025-03-13", lang="de")  # a Thursday
    ytd = next(c for c in claims if c.magnitude == 12.0)
    assert (ytd.horizon, iso(ytd.start), iso(ytd.end)) == ("ytd", "2025-01-01", "2025-03-12")
    monday = next(c for c in claims if c.magnitude == 1.0)
    assert iso(monday.end) == "2025-03-10"


def test_a_year_on_year_change_is_of_the_period_named_before_it():
    text = "Microsoft reported revenue of $70.1 billion for the March quarter, up 13% from a year earlier."
    growth = next(
        c for c in extract(text, published="2025-05-02", lang="en") if c.unit == "percent"
    )
    assert (growth.horizon, growth.dates.rule) == ("quarter_yoy", "quarter")
    assert (iso(growth.start), iso(growth.end)) == ("2025-01-01", "2025-03-31")


@pytest.mark.parametrize(
    "text, lang, start",
    [
        (
            "Die SAP-Aktie notiert 12 Prozent niedriger als noch vor einer Woche.",
            "de",
            "2025-03-07",
        ),
        ("Die Siemens-Aktie liegt 20 Prozent höher als vor einem Jahr.", "de", "2024-03-14"),
        ("Apple shares are 15% higher than a year ago.", "en", "2024-03-14"),
        ("Nvidia shares are up 8% from three months ago.", "en", "2024-12-13"),
    ],
)
def test_a_move_against_the_price_some_time_ago_is_trailing(text, lang, start):
    (claim,) = extract(text, published="2025-03-14", lang=lang)
    assert (claim.horizon, claim.dates.rule) == ("since", "trailing")
    assert (iso(claim.start), iso(claim.end)) == (start, "2025-03-14")


def test_a_company_figure_from_a_year_earlier_stays_year_on_year():
    text = "Apple reported revenue of $95.4 billion, up 5% from a year earlier."
    growth = next(
        c for c in extract(text, published="2025-03-14", lang="en") if c.unit == "percent"
    )
    assert (growth.metric, growth.horizon) == ("revenue", "fiscal_yoy")


@pytest.mark.parametrize(
    "text, direction",
    [
        ("Die BASF-Aktie war am Mittwoch um 6,2 Prozent nach oben geschossen.", "up"),
        ("Die Papiere sind um 4 Prozent in die Höhe geschnellt.", "up"),
        ("Die Allianz-Aktie ist um 3 Prozent hochgeschossen.", "up"),
        ("Die Bayer-Aktie war um 2 Prozent ins Minus gerutscht.", "down"),
    ],
)
def test_the_perfect_of_a_separable_move_verb_is_a_move(text, direction):
    (claim,) = [c for c in extract(text, published="2025-03-14", lang="de") if c.unit == "percent"]
    assert (claim.kind, claim.direction) == ("move", direction)


def test_a_one_day_record_in_the_next_sentence_takes_the_day_named_before():
    text = "Die Apple-Aktie fiel am Donnerstag um 9,2 Prozent. Es war der schlechteste Tag seit März 2020."
    move, record = extract(text, published="2025-04-04", lang="de")  # a Friday
    assert (record.kind, record.dates.rule) == ("record", "carried")
    assert iso(record.end) == iso(move.end) == "2025-04-03"


def test_a_streak_in_the_next_sentence_keeps_its_own_session():
    text = "Alibaba shares rose 5% on Wednesday. That snapped three straight sessions of losses."
    streak = [c for c in extract(text, published="2023-03-29", lang="en") if c.kind == "record"]
    assert all(c.dates.rule != "carried" for c in streak)


def test_a_day_named_for_the_next_figure_is_not_this_ones_nor_the_sentences():
    text = (
        "Der Dax stieg am Donnerstag um 2 Prozent. Die Adidas-Aktie legte um 6 Prozent zu und "
        "machte damit den Verlust vom Mittwoch von knapp 5 Prozent wett. Puma gewann 4 Prozent."
    )
    claims = extract(text, published="2025-03-14", lang="de")  # a Friday
    ends = {c.magnitude: iso(c.end) for c in claims}
    assert ends[6.0] == "2025-03-13"  # the rise: the day the text is on
    assert ends[5.0] == "2025-03-12"  # the loss it made good: Wednesday
    assert ends[4.0] == "2025-03-13"  # the next sentence: still Thursday


@pytest.mark.parametrize(
    "text, lang, asset",
    [
        (
            "Shell shares slid 3% on Tuesday. Brent crude fell nearly 4% to $81 a barrel.",
            "en",
            "Brent crude",
        ),
        ("Die Siemens-Aktie stieg um 2 Prozent. Der Euro fiel auf 1,05 Dollar.", "de", "Euro"),
        ("Die BASF-Aktie gewann 1 Prozent, während Gold um 1,5 Prozent zulegte.", "de", "Gold"),
    ],
)
def test_a_commodity_or_currency_subject_is_no_company(text, lang, asset):
    first, *others = extract(text, published="2025-03-14", lang=lang)
    assert first.entity is not None
    assert others and all(c.entity is None and c.entity_how == "other_asset" for c in others)
    assert all(c.entity_cue == asset and c.testable == "none" for c in others)


def test_a_company_named_like_a_currency_stays_a_company():
    (claim,) = extract(
        "Dollar General shares fell 5% on Thursday.", published="2025-03-14", lang="en"
    )
    assert (claim.entity, claim.entity_how) == ("Dollar General", "clause")


def test_more_than_a_year_ago_is_no_trailing_span():
    text = "Infineon setzte 4,1 Milliarden Euro um, 13 Prozent mehr als vor einem Jahr."
    assert all(c.dates.rule != "trailing" for c in extract(text, published="2023-08-04", lang="de"))


@pytest.mark.parametrize(
    "text, lang, start, end",
    [
        ("For November, the S&P 500 gained 5.4%.", "en", "2022-11-01", "2022-11-30"),
        ("The Nasdaq 100 was up 8.8% from last Friday's close.", "en", "2022-11-04", "2022-11-11"),
        (
            "Seit Ende Oktober hat der Dax rund 18 Prozent gewonnen.",
            "de",
            "2022-11-01",
            "2022-11-11",
        ),
    ],
)
def test_month_and_base_day_phrasings(text, lang, start, end):
    published = "2022-11-30" if "November" in text else "2022-11-11"
    (claim,) = extract(text, published=published, lang=lang)
    assert (iso(claim.start), iso(claim.end)) == (start, end)


def test_a_commodity_clause_after_as_is_its_own():
    text = "BP shares rose 4.2% on Monday as Brent crude briefly topped $130 a barrel."
    stock, oil = extract(text, published="2022-03-07", lang="en")
    assert (stock.entity, stock.hedge, stock.basis_cue) == ("BP", "exact", "unknown")
    assert (oil.entity, oil.entity_how, oil.entity_cue) == (None, "other_asset", "Brent crude")


# ---- a point move with its day between verb and amount ------------------------------------------
@pytest.mark.parametrize(
    "text, lang",
    [
        ("Der Dax verlor am Donnerstag 312 Punkte.", "de"),
        ("Der Dax verlor zum Handelsschluss rund 312 Punkte.", "de"),
        ("Der Dax verlor am Donnerstag 312 Punkte (2,1 Prozent) auf 14.650 Punkte.", "de"),
    ],
)
def test_points_after_a_day_are_the_move(text, lang):
    first = extract(text, published="2024-05-10", lang=lang)[0]
    assert (first.kind, first.unit, first.magnitude, first.direction) == (
        "move", "points", 312.0, "down",
    )  # fmt: skip


# ---- months and years named in other ways ------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, horizon, start, end",
    [
        ("Für den Monat Juli steht bei SAP ein Minus von gut 5 Prozent zu Buche.", "2024-08-08",
         "month", "2024-07-01", "2024-07-31"),
        ("SAP shares have added about 9% since the start of the month.", "2024-08-08", "mtd",
         "2024-08-01", "2024-08-08"),
        ("Die SAP-Aktie hat seit Anfang des Monats 9 Prozent gewonnen.", "2024-08-08", "mtd",
         "2024-08-01", "2024-08-08"),
        # the year that "ended" on the day of writing is this year; in January, the last one
        ("The S&P 500 ended the year up more than 20%.", "2024-12-31", "ytd", "2024-01-01",
         "2024-12-31"),
        ("The S&P 500 ended the year up more than 20%.", "2025-01-02", "year", "2024-01-01",
         "2024-12-31"),
        ("The S&P 500 slipped 0.4% on the final trading day of 2024.", "2024-12-31", "one_day",
         "2024-12-31", "2024-12-31"),
    ],
)  # fmt: skip
def test_months_and_years_named_otherwise(text, published, horizon, start, end):
    claim = extract(text, published=published)[0]
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == (horizon, start, end)


# ---- the period of the sentence before --------------------------------------------------------
def test_a_list_of_moves_runs_over_the_period_of_the_sentence_before():
    text = (
        "Im Januar legte der Dax um 8 Prozent zu. Zu den größten Gewinnern zählten SAP mit "
        "einem Plus von knapp 16 Prozent und Siemens mit gut 14 Prozent."
    )
    _, sap, siemens = extract(text, published="2024-02-01", lang="de")
    for claim in (sap, siemens):
        assert (claim.horizon, iso(claim.start), iso(claim.end)) == (
            "month", "2024-01-01", "2024-01-31",
        )  # fmt: skip
    assert claim.dates.rule == "carried"
    year = "The Nasdaq 100 rose 25% for the year. Apple gained about 30%. Microsoft added 13%."
    _, apple, msft = extract(year, published="2024-12-31", lang="en")
    assert (apple.horizon, msft.horizon, iso(msft.start)) == ("ytd", "ytd", "2024-01-01")


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before also holds a day's move: a day's report
        "Der Dax stieg am Mittwoch um 1 Prozent und liegt seit Jahresbeginn 8 Prozent im Plus. "
        "SAP gewann 3 Prozent.",
        # the sentence speaks of a day
        "Im ersten Quartal legte der Dax um 8 Prozent zu. Am letzten Handelstag gab er 0,5 "
        "Prozent nach.",
    ],
)
def test_no_period_is_carried_into_a_days_report(text):
    last = extract(text, published="2024-04-03", lang="de")[-1]
    assert last.horizon == "one_day"


def test_a_period_cue_right_before_the_next_figure_is_that_figures():
    text = "Der Dax stieg am Mittwoch um 1 Prozent und liegt seit Jahresbeginn 8 Prozent im Plus."
    day, ytd = extract(text, published="2024-04-03", lang="de")
    assert (day.horizon, iso(day.end), ytd.horizon, iso(ytd.start)) == (
        "one_day", "2024-04-03", "ytd", "2024-01-01",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The 20% gain in Chinese stocks since Beijing unveiled its stimulus on September 24 "
         "has added $2 trillion in value.", "en"),
        ("Das Plus von 20 Prozent seit der Ankündigung des Pakets am 24. September hat den "
         "Börsenwert um 2 Billionen Dollar erhöht.", "de"),
    ],
)  # fmt: skip
def test_a_move_since_an_events_day_starts_at_the_close_before(text, lang):
    claim = extract(text, published="2024-10-04", lang=lang)[0]
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == (
        "since",
        "2024-09-23",
        "2024-10-04",
    )


# ---- the direction written right after a figure is its own -------------------------------------
@pytest.mark.parametrize(
    "text, direction",
    [
        ("Nvidia erased an early rally to close 5.5% lower on Friday, after climbing as much as "
         "5.1% earlier.", "down"),
        ("SAP gab frühe Gewinne ab und schloss 2 Prozent tiefer, nachdem das Papier zunächst "
         "um 3 Prozent gestiegen war.", "down"),
        ("The Hang Seng's two-day advance of nearly 17% came after the gauge had lost more than "
         "6% last week.", "up"),
    ],
)  # fmt: skip
def test_the_direction_of_the_figure_not_of_the_clause_around_it(text, direction):
    assert extract(text, published="2024-03-08")[0].direction == direction


def test_a_period_to_date_in_a_days_report_does_not_carry():
    text = (
        "Shell shares plunged 17% on Monday. The slide left the stock down more than a third "
        "since the start of the year. Across the Atlantic, the S&P 500 fell 7.6%."
    )
    spx = extract(text, published="2020-03-09", lang="en")[-1]
    assert (spx.ticker, spx.horizon, iso(spx.end)) == ("^GSPC", "one_day", "2020-03-09")


@pytest.mark.parametrize(
    "text, published, end",
    [
        ("Die SAP-Aktie ist gestern um 5 Prozent gestiegen. Am Vortag hatte das Papier noch "
         "3 Prozent verloren.", "2024-08-01", "2024-07-30"),
        ("Am Vortag hatte das SAP-Papier noch 3 Prozent verloren.", "2024-08-01", "2024-07-31"),
    ],
)  # fmt: skip
def test_am_vortag_is_the_day_before_the_day_the_text_is_on(text, published, end):
    assert iso(extract(text, published=published, lang="de")[-1].end) == end


@pytest.mark.parametrize(
    "text",
    [
        "Im April, als die LVMH-Aktie bei 902 Euro schloss, war die Stimmung noch gut.",
        "Vom Rekordhoch im April, als die LVMH-Aktie bei 902 Euro schloss, ist wenig geblieben.",
    ],
)
def test_a_level_in_an_als_clause_is_of_the_time_the_clause_before_names(text):
    level = extract(text, published="2023-10-11", lang="de")[0]
    assert (level.kind, iso(level.start), iso(level.end)) == ("level", "2023-04-01", "2023-04-30")


def test_a_seit_window_of_exactly_a_year():
    text = (
        "Die SAP-Aktie fiel am Montag um 5 Prozent, der größte Tagesverlust seit genau einem Jahr."
    )
    record = next(c for c in extract(text, published="2024-06-20", lang="de") if c.kind == "record")
    assert (record.record_of, iso(record.record_since)) == ("move", "2023-12-17")


# ---- distances from a past extreme ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, direction, start",
    [
        ("Apple shares are now more than 25% above their April low.", "en", "up", "2024-04-01"),
        ("Apple shares have risen more than 25% since their April low.", "en", "up",
         "2024-04-01"),
        ("Die Apple-Aktie hat seit ihrem Tief im April mehr als 25 Prozent zugelegt.", "de", "up",
         "2024-04-01"),
        ("Die Apple-Aktie liegt 20 Prozent unter dem Rekordhoch vom Dezember.", "de", "down",
         "2023-12-01"),
    ],
)  # fmt: skip
def test_a_distance_from_a_past_extreme_is_a_move_from_it(text, lang, direction, start):
    claim = extract(text, published="2024-06-21", lang=lang)[0]
    assert (claim.kind, claim.direction, claim.horizon, iso(claim.start)) == (
        "move", direction, "since", start,
    )  # fmt: skip
    assert claim.dates.rule == "from_extreme"


def test_a_business_units_growth_is_its_revenue():
    text = "Microsoft's Azure cloud business grew 35%, down from 40% in the prior quarter."
    assert [c.metric for c in extract(text, published="2022-10-26", lang="en")] == [
        "revenue", "revenue",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, ticker",
    [
        ("The S&P 500 jumped 2.5% on Wednesday. Small-company stocks in the Russell 2000 did "
         "even better, surging 5.8%.", "^RUT"),
        ("Die Werte im SDax stiegen um 1,5 Prozent.", "^SDAXI"),
        ("Der Stoxx 600 gab 0,5 Prozent nach.", "^STOXX"),
        ("Baidu shares jumped 5% on Friday. The Hong Kong stock is now up about 27% this year.",
         "9888.HK"),
    ],
)  # fmt: skip
def test_an_index_or_listing_named_otherwise(text, ticker):
    assert extract(text, published="2024-11-06")[-1].ticker == ticker


def test_a_record_follows_its_figure_into_the_period_of_the_sentence_before():
    text = (
        "Im Januar legte der Dax um 8 Prozent zu. SAP gewann knapp 16 Prozent und schloss auf "
        "einem Rekordhoch."
    )
    claims = extract(text, published="2024-02-01", lang="de")
    sap = next(c for c in claims if c.kind == "move" and c.ticker == "SAP.DE")
    record = next(c for c in claims if c.kind == "record")
    assert sap.horizon == "month" and record.attached_to == sap.id
    assert (iso(record.start), iso(record.end)) == (iso(sap.start), iso(sap.end))


@pytest.mark.parametrize(
    "text, published, end",
    [
        # a look back to an earlier day does not date the figures after it
        ("Der Dax brach am Dienstag um 3,5 Prozent ein. Noch am Montag hatte er 2,6 Prozent "
         "gewonnen. BASF verlor drei Prozent.", "2025-03-04", "2025-03-04"),
        ("The Dax fell 3% on Wednesday. On Monday it had gained 2%. SAP lost 4%.", "2023-03-15",
         "2023-03-15"),
        # a pluperfect that tells the day the text is about still dates what follows
        ("Die SAP-Aktie war am Montag um rund fünf Prozent eingeknickt, nachdem ein Rivale seine "
         "Prognose gesenkt hatte. BASF verlor drei Prozent.", "2025-09-23", "2025-09-22"),
    ],
)  # fmt: skip
def test_a_look_back_does_not_date_what_follows(text, published, end):
    assert iso(extract(text, published=published)[-1].end) == end


def test_an_inflation_rate_is_no_price():
    text = "Die Teuerungsrate in Deutschland stieg im Februar auf 5,1 Prozent."
    assert [c.metric for c in extract(text, published="2022-03-01", lang="de")] in ([], ["other"])


# ---- moves from a dated or named point, written as distances ------------------------------------
@pytest.mark.parametrize(
    "text, published, direction, horizon, start, rule",
    [
        ("The S&P 500 is now nearly 30% below the record it set on Feb. 19.", "2020-03-16",
         "down", "since", "2020-02-19", "from_extreme"),
        ("The Hang Seng closed about 8 per cent above the 15-month low it hit on January 22.",
         "2024-02-07", "up", "since", "2024-01-22", "from_extreme"),
        ("Nvidia is about 13% below its Nov. 7 record close.", "2024-12-18", "down", "since",
         "2024-11-07", "from_date"),
        ("Tencent has nearly doubled from its late-October trough.", "2023-03-23", "up", "since",
         "2022-10-01", "from_extreme"),
        ("PDD remains about 12% below where it ended 2022.", "2023-05-26", "down", "since",
         "2023-01-01", "since"),
        ("Shell shares remain 2.5 per cent below where they started the year.", "2024-02-01",
         "down", "ytd", "2024-01-01", "ytd"),
        ("The S&P 500 has pared its 2025 loss to less than 1%.", "2025-05-12", "down", "ytd",
         "2025-01-01", "ytd"),
        ("The Nasdaq 100 rallied 39% over the six months.", "2023-06-30", "up", "since",
         "2022-12-29", "trailing"),
    ],
)  # fmt: skip
def test_distances_and_spans_named_in_other_ways(text, published, direction, horizon, start, rule):
    claim = extract(text, published=published, lang="en")[-1]
    assert (claim.direction, claim.horizon, iso(claim.start), claim.dates.rule) == (
        direction, horizon, start, rule,
    )  # fmt: skip


def test_from_a_15_month_low_without_its_day_is_the_days_move():
    claim = extract("The benchmark climbed 2.6 per cent on Tuesday from a 15-month low.",
                    published="2024-01-24", lang="en")[0]  # fmt: skip
    assert (claim.horizon, iso(claim.end)) == ("one_day", "2024-01-23")


@pytest.mark.parametrize(
    "text, ticker",
    [
        ("Shell lifted its dividend. The oil major's stock closed 2.4 per cent higher.",
         "SHEL.L"),
        ("Apple has gained about 50% this year, outpacing the 16% advance in the S&P 500.",
         "^GSPC"),
    ],
)  # fmt: skip
def test_the_subject_of_a_figure_named_by_a_description(text, ticker):
    assert extract(text, published="2024-02-01", lang="en")[-1].ticker == ticker


def test_a_base_after_the_figure_before_stays_with_it():
    text = (
        "The S&P 500 has rallied more than 17% from its April 8 closing low and has pared its "
        "2025 loss to less than 1%."
    )
    rally, loss = extract(text, published="2025-05-12", lang="en")
    assert (rally.horizon, iso(rally.start)) == ("since", "2025-04-08")
    assert (loss.horizon, iso(loss.start), loss.direction) == ("ytd", "2025-01-01", "down")


def test_a_business_that_grew_is_no_share_move():
    text = "Microsoft rose 6.7% on Wednesday; Microsoft's Azure grew 40% in the quarter."
    move, azure = extract(text, published="2022-07-28", lang="en")
    assert (move.metric, azure.metric, azure.testable) == ("share_price", "revenue", "reported")


@pytest.mark.parametrize(
    "text, direction, horizon, start",
    [
        ("Seit Jahresbeginn hat sich der Kurs von ASML um mehr als ein Drittel ermäßigt.", "down",
         "ytd", "2022-01-01"),
        ("Gemessen am Jahresschluss 2021 notiert die Allianz-Aktie nur noch gut ein Prozent "
         "tiefer.", "down", "since", "2022-01-01"),
    ],
)  # fmt: skip
def test_german_moves_written_otherwise(text, direction, horizon, start):
    claim = extract(text, published="2022-05-12", lang="de")[0]
    assert (claim.direction, claim.horizon, iso(claim.start)) == (direction, horizon, start)
    assert not [c for c in extract(text, published="2022-05-12", lang="de") if c.kind == "record"]


def test_jahresverlust_is_the_year_to_date():
    claim = extract("Der Jahresverlust des Dax schrumpfte auf rund 20 Prozent.",
                    published="2022-10-07", lang="de")[0]  # fmt: skip
    assert (claim.horizon, iso(claim.start), iso(claim.end)) == ("ytd", "2022-01-01", "2022-10-07")


def test_an_index_member_compound_is_no_mention_of_the_index():
    text = (
        "SAP hat am Donnerstagabend Zahlen vorgelegt. Die Aktie des Dax-Schwergewichts büßte am "
        "Freitag 4,2 Prozent auf 121,08 Euro ein."
    )
    assert {c.ticker for c in extract(text, published="2023-07-21", lang="de")} == {"SAP.DE"}


@pytest.mark.parametrize(
    "text, lang, horizon, direction",
    [
        ("Gegenüber dem vorigen Freitag liegt der Dax gut drei Prozent tiefer.", "de", "week",
         "down"),
        ("In den ersten beiden Handelstagen der Woche summiert sich der Zuwachs des Dax auf 9,4 "
         "Prozent.", "de", "week", "up"),
        ("The S&P 500 ended up nearly 5% for a volatile week.", "en", "week", "up"),
        ("Gemessen am Jahresanfang steht bei SAP ein Abschlag von rund 30 Prozent.", "de", "ytd",
         "down"),
        ("Since New Year's Eve, Alibaba's ADRs have shed more than a third.", "en", "ytd", "down"),
        ("JD has slumped about 26% since the calendar turned.", "en", "ytd", "down"),
        ("Apple shares remain about 4% lower than where they ended 2021.", "en", "since", "down"),
        ("Vom Jahrestief Ende September hat sich die SAP-Aktie um gut elf Prozent erholt.", "de",
         "since", "up"),
        ("Seit dem vergangenen Freitag hat Nvidia knapp 14 Prozent gutgemacht.", "de", "since",
         "up"),
    ],
)  # fmt: skip
def test_weeks_years_and_lows_named_otherwise(text, lang, horizon, direction):
    claim = extract(text, published="2022-11-07", lang=lang)[0]
    assert (claim.horizon, claim.direction, claim.kind) == (horizon, direction, "move")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("BASF gab zeitweise mehr als acht Prozent ab und schloss schließlich 6,7 Prozent tiefer.",
         "de"),
        ("BASF, die zeitweise mehr als acht Prozent abgaben und schließlich 6,7 Prozent tiefer "
         "schlossen, belastete den Dax.", "de"),
        ("Apple fell as much as 8% before closing 6.7% lower.", "en"),
    ],
)  # fmt: skip
def test_a_close_right_after_the_second_figure_is_its_own_basis(text, lang):
    extreme, close = extract(text, published="2020-10-28", lang=lang)[:2]
    assert (extreme.basis_cue, extreme.horizon) == ("extreme", "intraday")
    assert (close.basis_cue, close.horizon, close.magnitude) == ("close", "one_day", 6.7)


def test_a_company_figures_quarter_is_not_carried_to_a_price():
    text = "Die SAP-Erlöse wuchsen im zweiten Quartal um 19 Prozent. Der Dax ging 0,2 Prozent leichter aus dem Handel."
    revenue, dax = extract(text, published="2024-07-19", lang="de")
    assert (revenue.metric, dax.horizon, iso(dax.end)) == ("revenue", "one_day", "2024-07-19")
    assert extract("Die Quote der Arbeitslosen kletterte auf 4,2 Prozent.", published="2024-07-19",
                   lang="de") == []  # fmt: skip
