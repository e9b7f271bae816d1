"""The regex speed helpers never change what matches: gates, declared necessary patterns, digit
leads, one-off scans; and the cheap sentence gate of the extractor."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SHARED, lexicon_patterns
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.claims.gate import day_places, may_claim
from impact.claims.lexicon import ASSET_WORDS, LEXICON
from impact.claims.lexicon_horizons import HORIZON_NEEDS
from impact.claims.sentences import split_sentences
from impact.fastre import Scan, find_once, literal_leads

CORPUS = SHARED / "corpus" / "passages.jsonl"


def _horizon(kind: str) -> re.Pattern[str]:
    return next(rx for rx, k in LEXICON.horizons if k == kind)


def test_a_digit_first_is_a_lead_of_ten_digits():
    digits = set("0123456789")
    assert literal_leads(r"(?:(?P<d>\d{1,2})\.|Jan)") == frozenset(digits | {"Jan"})
    assert literal_leads(r"\d+x") == frozenset(digits)
    assert literal_leads(r"\d?x") is None  # the digit may be missing
    assert literal_leads(r"\d*x") is None
    assert literal_leads(r"\d{0,2}x") is None


def test_every_horizon_pattern_has_literal_first_words_or_a_declared_need():
    """A horizon pattern without literal leads runs on every sentence: one alternative that
    starts with a character class ("[Gg]emessen am") made two patterns 5x slower."""
    for rx, kind in LEXICON.horizons:
        source = rx.pattern.split(")", 1)[1] if rx.pattern.startswith("(?=[") else rx.pattern
        assert literal_leads(source) is not None or kind in HORIZON_NEEDS, (kind, source[:60])


def test_a_date_range_runs_only_where_a_year_is_followed_by_to():
    rx = _horizon("date_range")
    text = "Vom 3. März 2024 bis 14.06.2024 stieg die Aktie um 12 Prozent."
    assert [m.group("r1") for m in Scan(text).all(rx)] == ["3. März 2024"]
    assert re.search(HORIZON_NEEDS["date_range"], text, re.IGNORECASE)
    english = "Shares rose 40% from Jan. 4, 2018 to Feb. 9, 2018."
    assert [m.group("r2") for m in Scan(english).all(rx)] == ["Feb. 9, 2018"]
    assert Scan("Shares rose 40% in 2018.").all(rx) == []


def test_a_one_off_scan_finds_what_finditer_finds():
    text = "Chipmakers slipped in morning trading; at 11:30 a.m. Nvidia was down 4%."
    for pattern in lexicon_patterns():
        assert [m.span() for m in find_once(pattern, text)] == [
            m.span() for m in pattern.finditer(text)
        ]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")
def test_gates_find_every_match_in_the_real_passages():
    """Every lexicon pattern over every sentence of the shared corpus: the gated scan and the
    one-off scan give exactly the regex's own matches."""
    patterns = lexicon_patterns()
    for line in CORPUS.read_text("utf-8").splitlines():
        text = json.loads(line)["text"]
        for a, b in split_sentences(text):
            sentence = text[a:b]
            scan = Scan(sentence)
            for pattern in patterns:
                expected = [m.span() for m in pattern.finditer(sentence)]
                assert [m.span() for m in scan.all(pattern)] == expected, (sentence, pattern)
                assert [m.span() for m in find_once(pattern, sentence)] == expected


@pytest.mark.parametrize(
    "sentence, passes",
    [
        ("Die Aktie stieg um 3 Prozent.", True),  # a digit
        ("Die Aktie stieg um drei Prozent.", True),  # a number in words
        ("Es war der größte Kurssturz seit Jahren.", True),  # a superlative and a market word
        ("Es war der größte Erfolg seit Jahren.", False),  # a superlative alone
        ("The company named a new chief executive.", False),
        ("Shares doubled.", True),
    ],
)
def test_the_sentence_gate(sentence, passes):
    text = "Vorweg. " + sentence
    lo = len("Vorweg. ")
    assert may_claim(text, text.lower(), lo, len(text)) is passes
    assert may_claim(text, None, lo, len(text)) is True  # lower-casing shifts: read everything


def test_day_places_are_where_a_day_word_ends():
    text = "Am Dienstag, heute und today: Tagesgewinn."
    ends = [
        text.index("tag,") + 2,  # Dienstag
        text.index("heute") + 4,
        text.index("today") + 4,
        text.index("Tagesgewinn") + 2,  # lower-cased: "tag"
    ]
    assert day_places(text, text.lower()) == ends


def test_claim_replaced_is_dataclasses_replace():
    import dataclasses

    from impact.claims import extract

    claim = extract("Die Aktie von SAP stieg am Mittwoch um 2,5 Prozent.", "2024-03-06", "de")[0]
    changes = {"id": 7, "magnitude": 3.0, "hedge": "about"}
    assert claim.replaced(**changes) == dataclasses.replace(claim, **changes)
    assert claim.replaced(**changes).to_dict() == dataclasses.replace(claim, **changes).to_dict()
    with pytest.raises(TypeError):
        claim.replaced(no_such_field=1)


_PLAIN_CLAUSE_BREAK = re.compile(  # the clause breaks as first written: one alternative each
    r"[;:]\s|,\s(?!(?:19|20)\d\d\b)|\s[–—-]\s|\(|\)|\s(?=(?:after|before|while|whereas|because|"
    r"although|nachdem|bevor|weil|während|obwohl|wohingegen)\s)|\s(?=(?:und|and|but|aber)\s+"
    r"(?:\w+\s+)?(?:dürfte|dürften|könnte|könnten|sollte|sollten|wird|werden|würde|würden|could|"
    r"would|should|may|might|will|is expected|are expected)\s)|"
    + r"\s(?=(?:as|while|whereas|während|wobei)\s+(?:the\s+|der\s+|die\s+)?"
    + ASSET_WORDS
    + ")"
)


@given(
    st.lists(
        st.sampled_from(
            [
                " ",
                ",",
                ";",
                ":",
                "(",
                ")",
                "–",
                "-",
                "2024",
                "and",
                "could",
                "weil",
                "x",
                "\n",
                "as",
                "Brent",
                "gold",
                "while",
                "Euro",
            ]
        ),
        max_size=25,
    )
)
@settings(max_examples=300, deadline=None)
def test_clause_breaks_match_the_plain_alternation(pieces):
    from impact.claims.sentences import _CLAUSE_BREAK

    text = "".join(p if p in " ,;:()–-\n" else f" {p} " for p in pieces)
    assert [m.span() for m in _CLAUSE_BREAK.finditer(text)] == [
        m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text)
    ]
