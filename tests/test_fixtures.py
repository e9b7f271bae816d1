"""Fixture integrity: real prices only, identical to their source files."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from conftest import FIXTURES, SHARED

from impact.prices.fixtures import basis_from_provenance, import_fixtures, normalize_price_csv
from impact.prices.model import read_price_csv

FILES = sorted(
    p.relative_to(FIXTURES) for p in FIXTURES.glob("**/*.csv") if "fundamentals" not in p.parts
)
SOURCE = SHARED / "market-data"


def test_every_shared_file_is_a_fixture():
    if not SOURCE.is_dir():
        pytest.skip("shared/market-data not beside the repo")
    shared = sorted(p.relative_to(SOURCE) for p in SOURCE.glob("**/*.csv"))
    assert shared == FILES


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_fixture_values_equal_source(rel):
    """Every value string of every row equals the source file's, column by column."""
    if not SOURCE.is_dir():
        pytest.skip("shared/market-data not beside the repo")

    def rows(path):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            return {r["Date"]: r for r in reader}

    ours, theirs = rows(FIXTURES / rel), rows(SOURCE / rel)
    assert ours.keys() == theirs.keys()
    for date, row in theirs.items():
        for column, value in row.items():
            assert ours[date][column] == value, (rel, date, column)


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_fixture_integrity(rel):
    prices = read_price_csv(FIXTURES / rel)  # raises on bad dates, duplicates, order, non-positive
    assert prices.index.is_monotonic_increasing and prices.index.is_unique
    ohlc = prices[["Open", "High", "Low", "Close"]].to_numpy()
    assert np.isfinite(ohlc).all() and (ohlc > 0).all()


# Source rows where High < max(Open, Close) or Low > min(Open, Close) beyond float noise. They are
# kept as the source has them (never edited); this list documents them and fails if it changes.
KNOWN_RANGE_VIOLATIONS: dict[str, list[str]] = {}


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_high_low_bracket_open_close(rel):
    prices = read_price_csv(FIXTURES / rel)
    tol = 1e-9 * prices["Close"]
    high_bad = prices["High"] < prices[["Open", "Close"]].max(axis=1) - tol
    low_bad = prices["Low"] > prices[["Open", "Close"]].min(axis=1) + tol
    bad = sorted(d.date().isoformat() for d in prices.index[high_bad | low_bad])
    assert bad == KNOWN_RANGE_VIOLATIONS.get(str(rel), [])


def test_manifest_basis_follows_provenance():
    manifest = json.loads((FIXTURES / "manifest.json").read_text())
    assert manifest["9988.HK.csv"]["basis"] == "adjusted"
    assert manifest["QQQ.csv"]["basis"] == "traded"
    assert manifest["^HSI.csv"]["basis"] == "index"
    assert manifest["alt/BABA__benda931.csv"]["basis"] == "traded"
    assert manifest["alt/9988.HK__wubw_raw.csv"]["basis"] == "traded"


def test_provenance_and_fundamentals_carried_over():
    assert (FIXTURES / "PROVENANCE.md").read_text() == (SOURCE / "PROVENANCE.md").read_text()
    ours = (FIXTURES / "fundamentals" / "reported_figures.csv").read_text()
    assert ours == (SHARED / "fundamentals" / "reported_figures.csv").read_text()


def test_import_rebuilds_identical_fixtures(tmp_path):
    if not SOURCE.is_dir():
        pytest.skip("shared/market-data not beside the repo")
    import_fixtures(SOURCE, tmp_path / "fx")
    for rel in FILES:
        assert (tmp_path / "fx" / rel).read_bytes() == (FIXTURES / rel).read_bytes(), rel
    assert (tmp_path / "fx" / "manifest.json").read_text() == (
        FIXTURES / "manifest.json"
    ).read_text()


def test_normalize_yfinance_multiindex_layout():
    text = (
        "Price,Close,High,Low,Open,Volume\n"
        "Ticker,9988.HK,9988.HK,9988.HK,9988.HK,9988.HK\n"
        "Date,,,,,\n"
        "2025-02-13 00:00:00+08:00,116.45,124.03,114.95,114.95,336901993\n"
        "2025-02-12 00:00:00+08:00,113.56,113.66,108.87,108.97,215324934\n"
    )
    out = normalize_price_csv(text).splitlines()
    assert out[0] == "Date,Open,High,Low,Close,Adj Close,Volume"
    assert out[1] == "2025-02-12,108.97,113.66,108.87,113.56,,215324934"
    assert out[2] == "2025-02-13,114.95,124.03,114.95,116.45,,336901993"


def test_basis_from_provenance_table():
    text = (
        "| File | Source | Price basis | Rows |\n|---|---|---|---|\n"
        "| A.csv | x | Yahoo-adjusted | 1 |\n| B.csv | x | Close unadjusted, Adj Close adjusted | 1 |\n"
        "| ^C.csv | x | index level | 1 |\n| D.csv | x | traded prices | 1 |\n"
    )
    assert basis_from_provenance(text) == {
        "A.csv": "adjusted",
        "B.csv": "traded",
        "^C.csv": "index",
        "D.csv": "traded",
    }
