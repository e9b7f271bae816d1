"""Golden claims of the five seed articles, written down by reading them (not from the program)."""

from __future__ import annotations

import pytest
from conftest import SEEDS, iso

from impact.claims import extract_article


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


def claims_of(prefix: str):
    return extract_article(seed(prefix))


def test_000_one_day_rise_in_hong_kong_and_record():
    article = claims_of("000")
    assert article.language == "de"
    # no date line; the named event "World Governments Summit 2025" ran 2025-02-11..13 and the
    # only Thursday ("am Donnerstag") in that range is 2025-02-13
    assert article.published.start.isoformat() == "2025-02-13"
    assert article.published.confidence == "low"
    move, record = article.claims
    text = seed("000")
    assert text[move.span[0] : move.span[1]] == "9,1 Prozent"
    assert (move.kind, move.entity, move.ticker, move.metric) == (
        "move",
        "Alibaba",
        "9988.HK",
        "share_price",
    )
    assert (move.direction, move.magnitude, move.unit, move.precision, move.hedge) == (
        "up",
        9.1,
        "percent",
        1,
        "exact",
    )
    assert move.horizon == "one_day" and iso(move.end) == "2025-02-13"
    assert move.testable == "market" and move.language == "de"
    assert "Hongkong" in move.listing_reason
    assert [a[0] for a in move.alternatives] == ["BABA"]
    assert text[record.span[0] : record.span[1]] == "größten Anstieg an einem Tag seit 2022"
    assert (record.kind, record.horizon, record.direction) == ("record", "record", "up")
    # the window starts after the year named (exclusive start)
    assert (iso(record.record_since), record.record_basis, record.attached_to) == (
        "2022-12-31",
        "one_day",
        move.id,
    )
    assert record.ticker == "9988.HK"


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_articles_without_numeric_claims(prefix):
    assert claims_of(prefix).claims == ()


def test_003_ytd_february_revenue_and_share():
    article = claims_of("003")
    assert (article.published.start.isoformat(), article.published.end.isoformat()) == (
        "2025-02-01",
        "2025-02-28",
    )  # header 'date 2025-02': a month stays a range
    ytd, feb, rev_change, rev_amount, share = article.claims
    text = seed("003")
    assert text[ytd.span[0] : ytd.span[1]] == "40 Prozent"
    assert (ytd.entity, ytd.ticker, ytd.metric, ytd.direction) == (
        "Alibaba",
        "9988.HK",
        "share_price",
        "up",
    )
    assert (ytd.magnitude, ytd.hedge, ytd.horizon) == (40.0, "over", "ytd")
    assert (iso(ytd.start), iso(ytd.end_earliest), iso(ytd.end)) == (
        "2025-01-01",
        "2025-02-01",
        "2025-02-28",
    )
    assert text[feb.span[0] : feb.span[1]] == "17 Prozent"
    assert (feb.ticker, feb.direction, feb.magnitude, feb.hedge, feb.horizon) == (
        "9988.HK",
        "up",
        17.0,
        "exact",
        "mtd",
    )
    assert (iso(feb.start), iso(feb.end)) == ("2025-02-01", "2025-02-28")
    assert text[rev_change.span[0] : rev_change.span[1]] == "11 Prozent"
    assert (rev_change.entity, rev_change.metric, rev_change.direction, rev_change.kind) == (
        "Apple",
        "revenue",
        "down",
        "move",
    )
    assert (rev_change.magnitude, rev_change.horizon, rev_change.segment, rev_change.testable) == (
        11.0,
        "fiscal_yoy",
        "Greater China",
        "reported",
    )
    assert text[rev_amount.span[0] : rev_amount.span[1]] == "18,5 Milliarden Dollar"
    assert (rev_amount.kind, rev_amount.magnitude, rev_amount.scale, rev_amount.currency) == (
        "level",
        18.5,
        1e9,
        "USD",
    )
    assert (rev_amount.precision, rev_amount.segment) == (1, "Greater China")
    assert text[share.span[0] : share.span[1]] == "15 Prozent"
    assert (share.kind, share.metric, share.hedge, share.magnitude, share.entity) == (
        "share",
        "share_of_revenue",
        "about",
        15.0,
        "Apple",
    )
    assert share.segment == "Greater China"


def test_004_shipments_not_market_testable_and_no_other_numbers():
    article = claims_of("004")
    (shipments,) = article.claims  # no version number, URL, count or year becomes a claim
    text = seed("004")
    assert text[shipments.span[0] : shipments.span[1]] == "591 %"
    assert (shipments.metric, shipments.testable, shipments.direction) == (
        "shipments",
        "none",
        "up",
    )
    assert (shipments.horizon, iso(shipments.start), iso(shipments.end)) == (
        "quarter_yoy",
        "2024-07-01",
        "2024-09-30",
    )
    assert article.published.how.startswith("latest dated URL '/2025/02/'")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_only_expected_price_claims(prefix):
    price = [c for c in claims_of(prefix).claims if c.testable == "market"]
    expected = {"000": 2, "001": 0, "002": 0, "003": 2, "004": 0}[prefix]
    assert len(price) == expected


def test_claims_are_json_serializable():
    import json

    for prefix in ["000", "003", "004"]:
        for claim in claims_of(prefix).claims:
            data = json.loads(json.dumps(claim.to_dict()))
            assert data["span"] == list(claim.span)
