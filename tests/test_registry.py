"""The registry: company mentions in German and English resolve to the right Yahoo ticker, ordinary
words stay words, twin listings follow the text's cues, listing facts have one home, and the
bundled data file is what the generator makes from the reference data.

The expected tickers in tests/data/company_mentions.csv were written by hand for sentences written
for this test (none taken from an article); they are not produced by the code under test.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, SHARED, run_cli

from impact import calendars
from impact.claims import extract_article
from impact.errors import InputError, InvalidTickerError, UnknownListingError
from impact.listing_choice import ListingChoice
from impact.listings import mic_for_ticker, rule_listing
from impact.lookup import resolve_name
from impact.names import derive_aliases
from impact.prices.yahoo import lookup_listing, name_confidence
from impact.registry import Registry, default_registry, listing_for_ticker

MENTIONS = REPO / "tests" / "data" / "company_mentions.csv"
REFERENCE = SHARED / "reference"
REG = default_registry()


def resolved_ticker(sentence: str, registry: Registry = REG) -> str | None:
    """The ticker of the first company named in the sentence, as the extractor would choose it."""
    mentions, _ = registry.find_mentions(sentence)
    companies = [m for m in mentions if registry.entities[m.entity].kind == "company"]
    if not companies:
        return None
    choice = registry.resolve_listing(registry.entities[companies[0].entity], sentence)
    return choice.listing.ticker if choice.listing else None


def mention_rows() -> list[dict[str, str]]:
    with open(MENTIONS, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ---- the test set ------------------------------------------------------------------------------
def test_mention_set_is_large_and_spread():
    rows = mention_rows()
    assert len(rows) >= 150
    per_index = Counter(r["index"] for r in rows)
    for index in ("DAX", "MDAX", "Euro Stoxx 50", "FTSE 100", "CAC 40", "Nikkei 225", "SMI"):
        assert per_index[index] >= 5, index
    for index in ("AEX", "IBEX 35", "Hang Seng", "S&P 500", "Nasdaq-100"):
        assert per_index[index] >= 5, index
    assert Counter(r["lang"] for r in rows)["de"] >= 60
    assert Counter(r["lang"] for r in rows)["en"] >= 60


def test_mentions_resolve_to_the_right_ticker():
    rows = mention_rows()
    wrong = [
        (r["sentence"], r["ticker"], got)
        for r in rows
        if (got := resolved_ticker(r["sentence"])) != r["ticker"]
    ]
    assert len(wrong) <= 0.02 * len(rows), wrong


@pytest.mark.parametrize(
    "sentence",
    [
        "The Amazon river rose after weeks of rain.",
        "Die Linde im Innenhof blüht im Juni.",
        "Orange is the colour of the season.",
        "Next week the central bank meets again.",
        "Shell casings were found near the border.",
        "Continental Europe saw heavy rain on Monday.",
        "Target dates for the project slipped again.",
        "Visa für Touristen werden teurer.",
        "Der Block an der Ecke wird abgerissen.",
        "Eine Meta-Analyse zeigt kleine Effekte.",
        "Die Allianz der Willigen wächst.",
        "Puma leben in den Anden.",
        "Die Sage vom Rhein kennt jedes Kind.",
        "Ein Hertz ist eine Schwingung pro Sekunde.",
        "Caterpillar larvae eat the leaves.",
        "The Oracle of Delphi spoke in riddles.",
        "Southern states voted on Tuesday.",
        "He ate an apple, an orange and a persimmon.",
        "Gates said the foundation would double its giving.",
    ],
)
def test_ordinary_words_give_no_listing(sentence):
    assert resolved_ticker(sentence) is None


def test_ordinary_word_rejection_is_recorded():
    _, rejected = REG.find_mentions("Die Linde im Innenhof blüht.")
    (r,) = rejected
    assert (r.alias, r.candidates) == ("Linde", ("Linde plc",))
    assert "ordinary word" in r.why


@pytest.mark.parametrize(
    "sentence, ticker, how",
    [
        ("Shell fell 3% on Friday.", "SHEL.L", "market_verb"),
        ("Die Linde-Aktie stieg.", "LIN", "compound"),
        ("Der Industriegasekonzern Linde hob die Prognose.", "LIN", "apposition"),
        ("Next shares rose.", "NXT.L", "company_word"),
        ("Im FTSE 100 gewann Next 4 Prozent.", "NXT.L", "index_named"),
    ],
)
def test_ordinary_words_with_a_company_cue(sentence, ticker, how):
    mentions, _ = REG.find_mentions(sentence)
    company = next(m for m in mentions if REG.entities[m.entity].kind == "company")
    assert (resolved_ticker(sentence), company.how) == (ticker, how)


def test_named_elsewhere_rescues_a_bare_ordinary_word():
    text = "Shell plc reported results. Shell also raised the buyback."
    mentions, rejected = REG.find_mentions(text)
    assert [m.how for m in mentions] == ["alias", "named_elsewhere"] and not rejected


# ---- names as news writes them -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text, span",
    [
        ("Die Siemens-Aktie stieg.", "Siemens-Aktie"),
        ("VW-Papiere fielen.", "VW-Papiere"),
        ("Volkswagens Absatz sank.", "Volkswagens"),
        ("Nestlé's sales rose.", "Nestlé's"),
        ("BMW’s sales rose.", "BMW’s"),
        ("des Autobauers Volkswagen", "Volkswagen"),
    ],
)
def test_endings_belong_to_the_mention(text, span):
    ((start, end, _),) = REG.find_entities(text)
    assert text[start:end] == span


def test_longest_name_wins():
    (m,) = REG.find_mentions("Apple Hospitality REIT raised its payout.")[0]
    assert m.entity == "Apple Hospitality REIT, Inc."
    (m,) = REG.find_mentions("Apple raised its payout.")[0]
    assert m.entity == "Apple"
    assert REG.find_entities("Nextera") == [] and REG.find_entities("Intelligenz") == []


def test_a_name_several_entities_carry_is_decided_and_says_how():
    (m,) = REG.find_mentions("Merck verlor 2 Prozent.")[0]
    assert (m.entity, m.how, m.others) == ("Merck & Co.", "preferred", ("Merck KGaA",))
    (m,) = REG.find_mentions("Im Dax verlor Merck 2 Prozent.")[0][1:]
    assert (m.entity, m.how) == ("Merck KGaA", "index_named")
    assert "also fits Merck & Co." in m.reason


def test_index_word_before_an_index_name_is_that_index():
    mentions, _ = REG.find_mentions(
        "Der japanische Leitindex Nikkei 225 stieg, der Leitindex fiel."
    )
    assert [(m.alias, m.entity) for m in mentions] == [
        ("Nikkei 225", "Nikkei 225"),
        ("Leitindex", "DAX"),
    ]


def test_ticker_in_parentheses_is_a_mention():
    mentions, _ = REG.find_mentions("Shares of the group (NYSE: BABA) rose.")
    assert [(m.entity, m.how) for m in mentions] == [("Alibaba", "ticker")]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Alibaba Group Holding Limited", ("Alibaba Group Holding", "Alibaba Group", "Alibaba")),
        ("Alphabet Inc. (Class A)", ("Alphabet Inc.", "Alphabet")),
        ("JD.com, Inc.", ("JD.com",)),
        ("The Home Depot", ("Home Depot",)),
        ("Fresenius SE & Co. KGaA", ("Fresenius SE", "Fresenius")),
        ("Lilly (Eli)", ("Eli Lilly",)),
        ("NN Group", ()),
        ("Axa", ("AXA",)),
        ("FANUC", ("Fanuc",)),
    ],
)
def test_derived_aliases(name, expected):
    assert derive_aliases(name) == expected


# ---- listing choice ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, ticker, how, cue",
    [
        ("Alibaba stieg um 3 Prozent.", "BABA", "default", ""),
        ("Alibaba (HKEX: 9988) stieg.", "9988.HK", "named_in_text", "(HKEX: 9988)"),
        ("Alibaba stieg an der Nyse.", "BABA", "named_in_text", "an der Nyse"),
        ("Baidu-Aktien legten in Hongkong zu.", "9888.HK", "named_in_text", "Hongkong"),
        ("Li Auto fell HK$2 in Hong Kong.", "2015.HK", "named_in_text", "HK$"),
        ("Die Volkswagen-Vorzüge stiegen.", "VOW3.DE", "named_in_text", "Vorzüge"),
        ("VW-Stammaktien fielen.", "VOW.DE", "named_in_text", "Stammaktien"),
        ("Die Stammaktien von VW fielen.", "VOW.DE", "named_in_text", "Stammaktien"),
        ("Airbus stieg im Dax.", "AIR.DE", "named_in_text", "Dax"),
        ("Shell fell 2% in Amsterdam.", "SHELL.AS", "named_in_text", "in Amsterdam"),
        ("Apple fiel im Frankfurter Handel.", "AAPL", "venue_not_listed", "im Frankfurter Handel"),
        ("Siemens stieg an der Nyse.", "SIE.DE", "venue_not_listed", "an der Nyse"),
        ("Tencent stieg.", "0700.HK", "only_listing", ""),
    ],
)
def test_listing_choice_from_cues(sentence, ticker, how, cue):
    mentions, _ = REG.find_mentions(sentence)
    entity = REG.entities[mentions[0].entity]
    choice = REG.resolve_listing(entity, sentence)
    got = (choice.listing.ticker if choice.listing else None, choice.how, choice.cue)
    assert got == (ticker, how, cue)


def test_reason_strings_of_the_existing_cases_are_unchanged():
    alibaba, apple = REG.entity("Alibaba"), REG.entity("Apple")
    assert REG.resolve_listing(alibaba, "Alibaba stieg.").reason == (
        "no listing named in the text; registry default: NYSE ADR, the listing with the longer "
        "history and the larger dollar volume"
    )
    assert REG.resolve_listing(alibaba, "Alibaba in Hongkong").reason == (
        "the text names it: 'Hongkong'"
    )
    assert REG.resolve_listing(apple, "Apple stieg.").reason == "Apple's only listing"
    assert REG.resolve_listing(REG.entity("DeepSeek"), "x").reason == (
        "DeepSeek has no stock-exchange listing"
    )
    assert REG.resolve_listing(REG.entity("Hang Seng"), "x").reason == "the index itself"
    assert REG.resolve_listing(alibaba, "Alibaba stieg.").alternatives == (
        ("9988.HK", "also listed on XHKG (HKD)"),
    )


def test_choice_is_a_value():
    choice = ListingChoice(None, "unknown", cue="Zyxwo")
    assert choice.reason == "unknown company: 'Zyxwo' is not in the registry"
    assert choice.to_dict()["how"] == "unknown"


def test_twins_and_ratios():
    assert REG.twin_of("9988.HK").ticker == "BABA" and REG.twin_of("BABA").ticker == "9988.HK"
    assert REG.listing("BABA").ratio == 8 and REG.listing("NTES").ratio == 5
    assert REG.twin_of("XPEV").ticker == "9868.HK" and REG.listing("XPEV").ratio == 2
    assert REG.twin_of("VOW3.DE") is None  # share classes are not twins
    assert REG.twin_of("0700.HK") is None  # TCEHY trades over the counter, ratio unknown
    assert REG.twin_of("SHEL.L") is None  # the Amsterdam line's ratio is not in the data


@pytest.mark.parametrize(
    "ticker, mic, benchmark",
    [
        ("SIE.DE", "XETR", "^GDAXI"),
        ("SHEL.L", "XLON", "^FTSE"),
        ("7203.T", "XTKS", "^N225"),
        ("MC.PA", "XPAR", "^FCHI"),
        ("0700.HK", "XHKG", "^HSI"),
        ("AAPL", "XNYS", "^GSPC"),
        ("NESN.SW", "XSWX", "^SSMI"),
        ("ASML.AS", "XAMS", "^AEX"),
        ("ITX.MC", "XMAD", "^IBEX"),
        ("^GDAXI", "XETR", None),
    ],
)
def test_benchmark_per_exchange(ticker, mic, benchmark):
    assert REG.benchmark_for(ticker, mic) == benchmark


def test_benchmark_override(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[benchmark]\nXLON = "^FTMC"\n"SAP.DE" = "^STOXX50E"\n')
    registry = Registry.load(extra)
    assert registry.benchmark_for("SHEL.L", "XLON") == "^FTMC"
    assert registry.benchmark_for("SAP.DE", "XETR") == "^STOXX50E"
    assert registry.benchmark_for("SIE.DE", "XETR") == "^GDAXI"


# ---- listing facts -----------------------------------------------------------------------------
def test_listing_for_ticker_from_the_registry_and_by_rule():
    shell = listing_for_ticker("SHEL.L")
    assert (shell.mic, shell.currency, shell.tz, shell.exchange) == (
        "XLON",
        "GBp",
        "Europe/London",
        "London Stock Exchange",
    )
    assert shell.indices == ("FTSE 100",) and shell.origin != "rule"
    unknown = listing_for_ticker("ZZZZ.L")  # valid, not in the registry: the suffix rule
    assert (unknown.mic, unknown.currency, unknown.origin) == ("XLON", "GBp", "rule")
    assert listing_for_ticker("^HSI").currency == "HKD"
    with pytest.raises(UnknownListingError, match=r"'\.ZZ'"):
        listing_for_ticker("ABC.ZZ")
    with pytest.raises(InvalidTickerError):
        rule_listing("../x")


def test_calendars_reexports_listing_facts():
    assert calendars.mic_for_ticker is mic_for_ticker
    assert calendars.MIC_TIMEZONE["XTKS"] == "Asia/Tokyo"
    assert calendars.mic_for_ticker("NESN.SW") == "XSWX"


def test_user_registry_file_joins_by_ticker(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[company]]\nname = "Zyxwo Werke"\naliases = ["Zyxwo"]\n'
        '[[company.listings]]\nticker = "SIE.DE"\ncues = ["Zyxwo-Handel"]\n'
    )
    registry = Registry.load(extra)
    entity = registry.entity("Zyxwo Werke")
    assert entity.listings[0].ticker == "SIE.DE" and "Siemens" in entity.aliases
    assert resolved_ticker("Zyxwo stieg um 1 Prozent.", registry) == "SIE.DE"
    # the entity that held the ticker is merged away: its tickers name the new entity only
    assert registry.entity_for_ticker("sie.de") is entity
    assert "Siemens" not in registry.entities
    assert Registry.load().entity_for_ticker("SIE.DE").name == "Siemens"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[company]]\nname = "X"\naliases = ["X"]\n[[company.listings]]\nticker = "../x"\n'
    )
    with pytest.raises(InputError, match=r"registry file .*: not valid"):
        Registry.load(bad)


# ---- online lookup, up to the network boundary -------------------------------------------------
QUOTES = [
    {
        "symbol": "ZYX",
        "quoteType": "EQUITY",
        "longname": "Zyxwo Robotics Inc.",
        "exchDisp": "NASDAQ",
    },
    {
        "symbol": "ZYX.DE",
        "quoteType": "EQUITY",
        "longname": "Zyxwo Robotics Inc.",
        "exchDisp": "XETRA",
    },
    {"symbol": "ZYXF", "quoteType": "MUTUALFUND", "longname": "Zyxwo Fund"},
]


def test_lookup_finds_and_caches(tmp_path):
    calls = []

    def search(query):
        calls.append(query)
        return QUOTES

    first = lookup_listing("Zyxwo Robotics", tmp_path, search=search)
    assert first.found and first.source == "yahoo"
    assert (first.listing.ticker, first.listing.origin, first.listing.confidence) == (
        "ZYX",
        "lookup",
        1.0,
    )
    again = lookup_listing("zyxwo robotics", tmp_path, search=search)
    assert again.source == "cache" and again.listing.ticker == "ZYX" and calls == ["Zyxwo Robotics"]
    assert not list((tmp_path / "lookups").glob("*.tmp"))


def test_lookup_without_a_confident_match(tmp_path):
    result = lookup_listing("Quux Shipping", tmp_path, search=lambda q: QUOTES)
    assert not result.found and "no listed equity of that name" in result.message
    assert name_confidence("Quux Shipping", QUOTES[0]) < 0.6


def test_lookup_offline_and_failing(tmp_path):
    offline = lookup_listing("Zyxwo Robotics", tmp_path, offline=True)
    assert offline.message == (
        "unknown company 'Zyxwo Robotics': not in the registry (offline: not looked up)"
    )

    def broken(query):
        raise ConnectionError("network unreachable (query2.finance.yahoo.com: no DNS)")

    failed = lookup_listing("Zyxwo Robotics", tmp_path, search=broken)
    assert failed.source == "failed" and "network unreachable" in failed.message


def test_resolve_name_uses_the_lookup_only_for_unknown_names(tmp_path):
    known = resolve_name(REG, "VW", offline=False, cache_dir=tmp_path, search=lambda q: 1 / 0)
    assert known.choice.listing.ticker == "VOW3.DE" and known.matched == "alias"
    found = resolve_name(
        REG, "Zyxwo Robotics", offline=False, cache_dir=tmp_path, search=lambda q: QUOTES
    )
    assert (found.matched, found.choice.how, found.benchmark) == ("lookup", "looked_up", "^GSPC")
    assert found.choice.reason == (
        "looked up online: 'Zyxwo Robotics' -> ZYX (NASDAQ), confidence 1.00"
    )


# ---- CLI ---------------------------------------------------------------------------------------
def test_cli_listings_json():
    result = run_cli("listings", "Alibaba in Hongkong", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["entity"], data["ticker"], data["currency"], data["benchmark"]) == (
        "Alibaba",
        "9988.HK",
        "HKD",
        "^HSI",
    )
    assert data["choice"]["how"] == "named_in_text"
    assert data["choice"]["alternatives"] == [["BABA", "listing not named in the text"]]


def test_cli_listings_text_and_unknown(tmp_path):
    result = run_cli("listings", "Siemens")
    assert result.returncode == 0 and "SIE.DE  Xetra (XETR), EUR" in result.stdout
    unknown = run_cli("listings", "Zyxwo Robotics")
    assert unknown.returncode == 2 and unknown.stderr == (
        "error: unknown company 'Zyxwo Robotics': not in the registry (offline: not looked up)\n"
    )
    extra = tmp_path / "mine.toml"
    extra.write_text('[[company]]\nname = "Zyxwo Robotics"\naliases = ["Zyxwo"]\nlisted = false\n')
    mine = run_cli("listings", "Zyxwo", "--registry", str(extra))
    assert mine.returncode == 0 and "Zyxwo Robotics has no stock-exchange listing" in mine.stdout


# ---- the bundled data file ---------------------------------------------------------------------
def test_bundled_data_is_consistent():
    rows = list(csv.DictReader(open(REPO / "impact" / "data" / "listings.csv", encoding="utf-8")))
    tickers = [r["ticker"] for r in rows]
    assert len(tickers) == len(set(tickers))
    for row in rows:
        rule = rule_listing(row["ticker"])
        assert (row["mic"], row["currency"], row["tz"]) == (rule.mic, rule.currency, rule.tz) or (
            row["kind"] == "index"
        )
    defaults = Counter(r["entity"] for r in rows if r["default"] == "1")
    assert set(defaults.values()) == {1} and len(defaults) == len({r["entity"] for r in rows})


@pytest.mark.skipif(
    not (REFERENCE / "listings.csv").is_file(),
    reason="../shared/reference is absent: the committed listings.csv cannot be rebuilt here",
)
def test_generator_rebuilds_the_committed_file():
    result = subprocess.run(
        [sys.executable, "tools/build_registry.py", str(REFERENCE), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0 and result.stdout.strip() == "up to date", result.stdout


@pytest.mark.skipif(
    not (REFERENCE / "listings.csv").is_file(), reason="../shared/reference is absent"
)
def test_every_reference_listing_is_in_the_registry():
    with open(REFERENCE / "listings.csv", newline="", encoding="utf-8") as handle:
        reference = [r["ticker"] for r in csv.DictReader(handle)]
    assert all(REG.listing(t) is not None for t in reference)
    assert len({REG.entity_for_ticker(t).name for t in reference}) > 1100


def test_registry_loads_without_shared(tmp_path):
    """The package data alone suffices: load in a subprocess from another folder."""
    code = "from impact.registry import default_registry as d; print(d().listing('7203.T').mic)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    )
    assert result.stdout.strip() == "XTKS", result.stderr


def test_provenance_names_every_source_id():
    text = (REPO / "impact" / "data" / "REGISTRY_PROVENANCE.md").read_text("utf-8")
    rows = list(csv.DictReader(open(REPO / "impact" / "data" / "listings.csv", encoding="utf-8")))
    ids = {i for r in rows for i in r["source"].split("+") if i and i != "brief"}
    assert all(f"| {i} |" in text for i in ids), ids
    assert "pytickersymbols" in text and Path(MENTIONS).is_file()


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("Shares of Baidu (NASDAQ: BIDU) slumped 5.5%.", ["Baidu", "Baidu"]),
        ("Im NASDAQ-Handel legte der NASDAQ 100 um 0,35 Prozent zu.", ["Nasdaq 100"]),
        ("The Nasdaq fell 2% on Monday.", ["Nasdaq Composite"]),
    ],
)
def test_an_exchange_used_as_the_venue_is_no_index_mention(sentence, names):
    found = [e.name for _, _, e in default_registry().find_entities(sentence)]
    assert found == names


def test_an_ordinary_word_name_coordinated_before_a_market_verb():
    text = "Allianz und Siemens gaben jeweils rund 5 Prozent ab."
    assert [c.ticker for c in extract_article(text, "2021-11-26").claims] == ["ALV.DE", "SIE.DE"]
    assert extract_article("Die Allianz und die Partner einigten sich.", "2021-11-26").claims == ()
