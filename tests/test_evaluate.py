"""`impact eval`: matching, scoring and the command, on small invented corpora with a fake check,
plus one run of the real tool on ../shared/corpus against the floors in tests/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED, run_cli
from typer.testing import CliRunner

from impact.cli import app
from impact.config import Settings
from impact.errors import InputError
from impact.evaluation import CorpusError, check_floors, evaluate_corpus, load_floors
from impact.evaluation import run as eval_run
from impact.evaluation.corpus import Annotation
from impact.evaluation.fields import HEDGES, UNSCORABLE_HEDGES
from impact.evaluation.matching import magnitude_agrees, match_passage

CORPUS = SHARED / "corpus"
FLOORS = Path(__file__).parent / "data" / "eval_floor.json"
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "passages.jsonl").is_file(), reason="../shared/corpus is absent"
)

# ---- a small invented corpus ------------------------------------------------------------------
EN_TEXT = (
    "Acme rose 5% on Monday, while Beta fell as much as 3.2% before closing down 2%. "
    "Acme's revenue reached $1.5 billion. The Zed index was up 7%."
)
DE_TEXT = "Der Umsatz stieg um 4 Prozent, die Gamma-Aktie legte um 4 Prozent auf ein Rekordhoch zu."


def _ann(cid, quote, ticker, kind, direction, magnitude, hedge, horizon, start, end, price):
    return {
        "cid": cid,
        "quote": quote,
        "entity": ticker,
        "ticker": ticker,
        "metric": "price" if price else "revenue",
        "kind": kind,
        "direction": direction,
        "magnitude": magnitude,
        "unit": None,
        "currency": None,
        "hedge": hedge,
        "horizon": horizon,
        "horizon_start": start,
        "horizon_end": end,
        "basis": "close",
        "is_price_claim": price,
        "notes": "",
    }


PASSAGES = [
    {
        "id": "en01",
        "lang": "en",
        "text": EN_TEXT,
        "source": {"url": "x", "title": "[not in excerpt]"},
        "published": "2024-03-04",
        "claims": [
            _ann("c1", "rose 5%", "ACME", "move", "up", 5.0, None, "1d", "2024-03-01", "2024-03-04", True),
            _ann("c2", "as much as 3.2%", "BETA", "move", "down", 3.2, "as much as", "intraday", "2024-03-01", "2024-03-04", True),
            _ann("c3", "closing down 2%", "BETA", "move", "down", 2.0, None, "1d", "2024-03-01", "2024-03-04", True),
            _ann("c4", "$1.5 billion", "ACME", "other", None, 1.5e9, None, "none", None, None, False),
            _ann("c5", "up 7%", None, "move", "up", 7.0, None, "1d", "2024-03-01", "2024-03-04", True),
        ],
    },
    {
        "id": "de01",
        "lang": "de",
        "text": DE_TEXT,
        "source": {"url": "y", "title": "Gamma steigt"},
        "published": "2024-05",
        "claims": [
            _ann("c1", "4 Prozent", "GAMMA", "move", "up", 4.0, None, "1d", "2024-05-02", "2024-05-03", True),
            _ann("c2", "Umsatz stieg um 4 Prozent", "GAMMA", "other", "up", 4.0, None, "none", None, None, False),
            _ann("c3", "Rekordhoch", "GAMMA", "record", "up", None, None, "record", "2020-01-02", "2024-05-03", True),
        ],
    },
]  # fmt: skip
TRUTH = {
    ("en01", "c1"): "supported",
    ("en01", "c2"): "supported",
    ("en01", "c3"): "not_supported",
    ("en01", "c4"): "not_a_price_claim",
    ("en01", "c5"): "cannot_say",
    ("de01", "c1"): "ambiguous",
    ("de01", "c2"): "not_a_price_claim",
    ("de01", "c3"): "supported",
}


def _span(text: str, needle: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def _claim(text, needle, nth=0, **fields):
    base = {
        "id": 0,
        "span": _span(text, needle, nth),
        "text": needle,
        "kind": "move",
        "entity": None,
        "ticker": None,
        "metric": "share_price",
        "direction": "up",
        "magnitude": None,
        "unit": "percent",
        "currency": None,
        "scale": 1.0,
        "hedge": "exact",
        "horizon": "one_day",
        "start": None,
        "end": None,
        "verdict": "correct",
        "realized": None,
        "basis": None,
        "session": None,
        "nominal_session": None,
        "evidence": {},
        "explanation": "",
    }
    return {**base, **fields}


def _tried(base: str, end: str) -> dict:
    return {"tried": [{"basis": "close_to_close", "base_session": base, "end_session": end}]}


TOOL = {
    EN_TEXT: [
        _claim(EN_TEXT, "5%", ticker="ACME", magnitude=5.0, session="2024-03-04",
               basis="close_to_close", evidence=_tried("2024-03-01", "2024-03-04")),
        # right number, wrong hedge, horizon, base session and verdict
        _claim(EN_TEXT, "3.2%", ticker="BETA", direction="down", magnitude=3.2, verdict="false",
               session="2024-03-04", basis="close_to_close",
               evidence=_tried("2024-02-29", "2024-03-04")),
        # a different number on the quote: no match (c3 missed, this claim counts against precision)
        _claim(EN_TEXT, "2%", nth=1, ticker="BETA", direction="down", magnitude=2.5, verdict="false"),
        # money in billions against the annotation's full amount: a false alarm
        _claim(EN_TEXT, "$1.5 billion", kind="level", ticker="ACME", magnitude=1.5, scale=1e9,
               unit="money", verdict="unverifiable"),
        _claim(EN_TEXT, "7%", magnitude=7.0, verdict="not_a_market_claim", end="2024-03-04"),
    ],
    DE_TEXT: [
        # only the second "4 Prozent" is a tool claim: the annotation's quote resolves to it
        _claim(DE_TEXT, "4 Prozent", nth=1, ticker="GAMMA", magnitude=4.0,
               verdict="mostly_correct", session="2024-05-02"),
        _claim(DE_TEXT, "Rekordhoch", kind="record", ticker="GAMMA", session="2024-05-03",
               horizon="record"),
    ],
}  # fmt: skip


def fake_check(text: str, published: str, title: str | None) -> list[dict]:
    assert published in {"2024-03-04", "2024-05"}
    assert title in {None, "Gamma steigt"}
    return [dict(c) for c in TOOL[text]]


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "passages.jsonl").write_text(
        "\n".join(json.dumps(p) for p in PASSAGES) + "\n", encoding="utf-8"
    )
    truth = [{"pid": p, "cid": c, "truth": t, "why": "w"} for (p, c), t in TRUTH.items()]
    (corpus / "truth.jsonl").write_text("\n".join(json.dumps(t) for t in truth), encoding="utf-8")
    data = tmp_path / "market-data"
    data.mkdir()
    for ticker in ("ACME", "BETA", "GAMMA"):
        (data / f"{ticker}.csv").write_text("Date,Close\n")
    return corpus


def _values(report, scope):
    s = report.scopes[scope]
    ratios = {"recall": s.recall, "precision": s.precision, **s.fields}
    ratios |= {"verdict": s.verdict_agreement, "false_alarms": s.false_alarms}
    return {k: (r.hits, r.total) for k, r in ratios.items()}


def test_small_corpus_scores(small_corpus, tmp_path):
    settings = Settings(cache_dir=tmp_path / "cache", offline=True)
    report = evaluate_corpus(small_corpus, settings=settings, check=fake_check)
    assert _values(report, "en") == {
        "recall": (3, 4),
        "precision": (2, 4),
        "listing": (3, 3),
        "direction": (3, 3),
        "hedge": (2, 3),
        "horizon": (2, 3),
        "end_session": (2, 2),  # the index without a price file is not scored
        "base_session": (1, 2),
        "verdict": (1, 4),
        "false_alarms": (1, 1),
    }
    assert _values(report, "de") == {
        "recall": (2, 2),
        "precision": (2, 2),
        "listing": (2, 2),
        "direction": (2, 2),
        "hedge": (1, 1),  # the record has no magnitude
        "horizon": (2, 2),
        "end_session": (1, 2),
        "base_session": (0, 0),
        "verdict": (1, 1),  # the ambiguous claim is left out
        "false_alarms": (0, 1),
    }
    assert _values(report, "all") == {
        "recall": (5, 6),
        "precision": (4, 6),
        "listing": (5, 5),
        "direction": (5, 5),
        "hedge": (3, 4),
        "horizon": (4, 5),
        "end_session": (3, 4),
        "base_session": (1, 2),
        "verdict": (2, 5),
        "false_alarms": (1, 2),
    }
    assert report.scopes["en"].recall.value == 0.75
    assert report.scopes["de"].fields["base_session"].value is None
    confusion = report.scopes["all"].confusion
    nonzero = {(t, c): n for t, row in confusion.items() for c, n in row.items() if n}
    assert nonzero == {
        ("supported", "supported"): 2,
        ("supported", "not_supported"): 1,
        ("not_supported", "missed"): 1,
        ("ambiguous", "supported"): 1,
        ("cannot_say", "not_a_price_claim"): 1,
        ("not_a_price_claim", "cannot_say"): 1,
        ("not_a_price_claim", "missed"): 1,
    }
    counts = report.scopes["all"].counts
    assert (counts["passages"], counts["annotated"], counts["tool_claims"]) == (2, 8, 7)
    assert counts["tool_market_claims"] == 6


def test_small_corpus_findings(small_corpus, tmp_path):
    report = evaluate_corpus(
        small_corpus, settings=Settings(cache_dir=tmp_path / "c"), check=fake_check, lang="en"
    )
    assert list(report.scopes) == ["en", "all"]
    found = [(f.pid, f.kind, f.annotation.cid if f.annotation else None) for f in report.findings]
    assert found == [
        ("en01", "field", "c2"),  # hedge
        ("en01", "field", "c2"),  # horizon
        ("en01", "field", "c2"),  # base session
        ("en01", "verdict", "c2"),
        ("en01", "missed", "c3"),
        ("en01", "false_alarm", "c4"),
        ("en01", "verdict", "c5"),
        ("en01", "extra", None),
    ]
    details = [f.detail for f in report.findings]
    assert details[0] == "hedge: annotated as much as = up_to, tool exact"
    assert details[2] == "base_session: annotated 2024-03-01, tool 2024-02-29"
    assert details[4].startswith("overlapping tool claim #0 '2%' BETA move down 2.5")
    data = report.to_dict()
    assert data["scores"]["en"]["precision"] == 0.5
    assert data["findings"][4]["claim"]["magnitude"] == 2.5


def test_magnitude_scale_and_records():
    ann = Annotation("p", "c1", "q", None, None, (), "other", None, 250560000000.0, None,
                     "none", None, None, False, "not_a_price_claim", "")  # fmt: skip
    assert magnitude_agrees({"magnitude": 250.56, "scale": 1e9}, ann)
    assert not magnitude_agrees({"magnitude": 250.57, "scale": 1e9}, ann)
    assert not magnitude_agrees({"magnitude": None}, ann)
    record = Annotation("p", "c2", "q", None, None, (), "record", "up", None, None, "record",
                        None, None, True, "supported", "")  # fmt: skip
    assert magnitude_agrees({"kind": "record", "magnitude": None}, record)
    assert not magnitude_agrees({"kind": "move", "magnitude": 3.0}, record)


def test_one_quote_two_listings_pairs_by_listing():
    text = "Acme and Beta sank 6% on Friday."
    quote = "Acme and Beta sank 6%"

    def ann(cid, ticker):
        return Annotation("p", cid, quote, None, ticker, (), "move", "down", 6.0, None, "1d",
                          None, None, True, "supported", "")  # fmt: skip

    anns = [ann("c1", "ACME"), ann("c2", "BETA")]
    claims = [{"span": [19, 21], "magnitude": 6.0, "ticker": "BETA"}]
    spans, pairs = match_passage(text, anns, claims, lambda c, a: c["ticker"] == a.ticker)
    assert spans == [(0, 21), (0, 21)] and pairs == {1: 0}
    # one to one: the longer overlap wins the claim
    wide = Annotation("p", "c3", "sank 6% on Friday", None, None, (), "move", "down", 6.0,
                      None, "1d", None, None, True, "supported", "")  # fmt: skip
    narrow = Annotation("p", "c4", "6%", None, None, (), "move", "down", 6.0, None, "1d",
                        None, None, True, "supported", "")  # fmt: skip
    claims = [{"span": [14, 31], "magnitude": 6.0}]
    _, pairs = match_passage(text, [narrow, wide], claims, lambda c, a: True)
    assert pairs == {1: 0}


def test_floors(small_corpus, tmp_path):
    report = evaluate_corpus(small_corpus, settings=Settings(cache_dir=tmp_path), check=fake_check)
    floors = {
        "en": {"recall": 0.75, "precision": 0.6, "false_alarms": 0.5},
        "de": {"base_session": 0.1, "false_alarms": 0.0},
    }
    assert check_floors(report, floors) == [
        "en precision 0.500 is below its floor 0.6",
        "en false_alarms 1.000 is above its ceiling 0.5",
        "de base_session n/a is below its floor 0.1",
    ]
    bad = tmp_path / "bad.json"
    bad.write_text('{"en": {"recal": 0.3}}')
    with pytest.raises(InputError, match="recal"):
        load_floors(bad)


def test_missing_corpus_is_one_line_error(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        evaluate_corpus(tmp_path / "nope", check=fake_check)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "passages.jsonl").write_text("")
    with pytest.raises(CorpusError, match=r"truth\.jsonl is missing"):
        evaluate_corpus(tmp_path / "c", check=fake_check)
    result = run_cli("eval", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: corpus folder {tmp_path / 'nope'} does not exist"


def test_cli_on_small_corpus(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(eval_run, "default_check", lambda settings: fake_check)
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    table = runner.invoke(app, ["eval", str(small_corpus), "--offline", "--misses"])
    assert table.exit_code == 0, table.output
    assert "0.75 (3/4)" in table.output and "0.83 (5/6)" in table.output
    assert "left out of the verdict agreement" in table.output
    assert EN_TEXT in table.output.replace("\n", " ")  # the passage text for people
    assert "[missed] overlapping tool claim #0 '2%'" in table.output
    out = runner.invoke(app, ["eval", str(small_corpus), "--json", "--lang", "de"])
    data = json.loads(out.output)
    assert set(data["scores"]) == {"de", "all"} and data["scores"]["de"]["recall"] == 1.0
    floor = tmp_path / "floor.json"
    floor.write_text('{"all": {"recall": 0.9, "hedge": 0.5}}')
    below = runner.invoke(app, ["eval", str(small_corpus), "--json", "--floor", str(floor)])
    assert below.exit_code == 1
    assert below.stderr.strip() == "floor: all recall 0.833 is below its floor 0.9"


def test_hedge_table_covers_the_corpus():
    """Every hedge wording of the corpus is mapped or explained (the table is built from it)."""
    if not (CORPUS / "passages.jsonl").is_file():
        pytest.skip("../shared/corpus is absent")
    lines = (CORPUS / "passages.jsonl").read_text(encoding="utf-8").splitlines()
    wordings = {
        c["hedge"].lower() for line in lines for c in json.loads(line)["claims"] if c["hedge"]
    }
    assert len(wordings) > 30
    assert wordings <= set(HEDGES) | set(UNSCORABLE_HEDGES)


@needs_corpus
def test_real_corpus_meets_floors(tmp_path, monkeypatch):
    """The real tool on the real corpus, through the command: well-formed, and no score below
    the floors of tests/data/eval_floor.json (today's scores rounded down)."""
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("IMPACT_FIXTURES_DIR", str(FIXTURES))
    args = ["eval", str(CORPUS), "--offline", "--json", "--floor", str(FLOORS)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    total = data["scopes"]["all"]
    # the corpus README's counts
    assert total["counts"]["passages"] == 100 and total["counts"]["annotated"] == 424
    assert (total["counts"]["annotated_price"], total["counts"]["annotated_non_price"]) == (
        288,
        136,
    )
    rows = {t: sum(row.values()) for t, row in total["confusion"].items()}
    assert rows == {
        "supported": 193,
        "not_supported": 14,
        "ambiguous": 10,
        "cannot_say": 71,
        "not_a_price_claim": 136,
    }
    assert set(data["scores"]) == {"de", "en", "all"} and data["problems"] == []
    by_lang = [data["scopes"][s]["counts"]["tool_claims"] for s in ("en", "de")]
    assert total["counts"]["tool_claims"] == sum(by_lang) > 0
    recall = total["recall"]
    assert recall["value"] == recall["hits"] / 288
    missed = [f for f in data["findings"] if f["kind"] == "missed"]
    assert len(missed) == 288 - recall["hits"]
    assert check_floors_ok(data, load_floors(FLOORS))


def check_floors_ok(data: dict, floors: dict) -> bool:
    """The floors checked on the JSON scores (independently of check_floors)."""
    for scope, wanted in floors.items():
        for name, limit in wanted.items():
            value = data["scores"][scope][name]
            ok = value <= limit if name == "false_alarms" else value >= limit
            assert ok, f"{scope} {name} {value} vs {limit}"
    return True


def test_a_print_during_the_session_counts_as_intraday():
    from impact.evaluation.fields import tool_horizons

    assert tool_horizons({"horizon": "one_day", "time_of_day": "snapshot"}) == {
        "one_day",
        "intraday",
    }
    assert tool_horizons({"horizon": "one_day", "time_of_day": "after_hours"}) == {
        "one_day", "after_hours",
    }  # fmt: skip
    assert tool_horizons({"horizon": "ytd", "time_of_day": "snapshot"}) == {"ytd"}
