"""Fixture integrity: real prices only, identical to their source files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import FIXTURES, SHARED, fixture_frame

from impact import calendars
from impact.prices.fixtures import basis_from_provenance, import_fixtures, normalize_price_csv
from impact.prices.model import read_price_csv
from impact.prices.sources import load_prices

MANIFEST = json.loads((FIXTURES / "manifest.json").read_text())
ALL_CSV = sorted(
    p.relative_to(FIXTURES) for p in FIXTURES.glob("**/*.csv") if "fundamentals" not in p.parts
)
# price files only: actions.csv (corporate actions) is listed in the manifest as another kind
FILES = [p for p in ALL_CSV if "basis" in MANIFEST[p.as_posix()]]
SOURCE = SHARED / "market-data"
NO_SHARED = "shared/market-data not beside the repo"


def test_every_shared_file_is_a_fixture():
    if not SOURCE.is_dir():
        pytest.skip(NO_SHARED)
    shared = sorted(p.relative_to(SOURCE) for p in SOURCE.glob("**/*.csv"))
    assert shared == ALL_CSV
    assert sorted(MANIFEST) == [p.as_posix() for p in ALL_CSV]


def test_actions_is_not_a_price_file_and_copied_unchanged():
    assert [p for p in ALL_CSV if p not in FILES] == [Path("actions.csv")]
    assert MANIFEST["actions.csv"] == {
        "kind": "corporate_actions",
        "imported_from": "actions.csv",
        "provenance": "ACTIONS.md",
    }
    header = (FIXTURES / "actions.csv").read_text().splitlines()[0]
    assert header == "ticker,date,action,value,source"
    if not SOURCE.is_dir():
        pytest.skip(NO_SHARED)
    for name in ("actions.csv", "ACTIONS.md"):
        assert (FIXTURES / name).read_bytes() == (SOURCE / name).read_bytes(), name


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_fixture_values_equal_source(rel):
    """Every value string of every row equals the source file's, column by column."""
    if not SOURCE.is_dir():
        pytest.skip(NO_SHARED)

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
KNOWN_RANGE_VIOLATIONS: dict[str, list[str]] = {
    "NESN.SW.csv": ["2017-08-17", "2018-06-12"],  # Close outside [Low, High] (PROVENANCE.md)
    "SHEL.L.csv": ["2024-05-01"],  # Open 2875.0 above High 2817.5 (PROVENANCE.md)
}


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_high_low_bracket_open_close(rel):
    prices = read_price_csv(FIXTURES / rel)
    tol = 1e-9 * prices["Close"]
    high_bad = prices["High"] < prices[["Open", "Close"]].max(axis=1) - tol
    low_bad = prices["Low"] > prices[["Open", "Close"]].min(axis=1) + tol
    bad = sorted(d.date().isoformat() for d in prices.index[high_bad | low_bad])
    assert bad == KNOWN_RANGE_VIOLATIONS.get(str(rel), [])


def test_manifest_basis_follows_provenance():
    basis = {k: v.get("basis") for k, v in MANIFEST.items()}
    assert basis["9988.HK.csv"] == "adjusted"
    assert basis["QQQ.csv"] == "traded"
    assert basis["^HSI.csv"] == "index"
    assert basis["alt/BABA__benda931.csv"] == "traded"
    assert basis["alt/9988.HK__wubw_raw.csv"] == "traded"
    # European listings carry Yahoo's Close (traded) beside Adj Close; the DAX is an index level
    european = ["ALV", "BAS", "IFX", "SAP", "SIE", "VOW3"]
    for name in [f"{t}.DE.csv" for t in european] + ["ASML.AS.csv", "MC.PA.csv", "NESN.SW.csv"]:
        assert basis[name] == "traded", name
    assert basis["SHEL.L.csv"] == "traded"
    assert basis["^GDAXI.csv"] == "index"
    assert "0.90146" in MANIFEST["SIE.DE.csv"]["basis_text"]  # the spin-off scaling is recorded


# listing -> (MIC, quote currency): .L is quoted in pence (GBp), not pounds
EXPECTED_LISTING = {
    "ALV.DE": ("XETR", "EUR"),
    "ASML.AS": ("XAMS", "EUR"),
    "MC.PA": ("XPAR", "EUR"),
    "NESN.SW": ("XSWX", "CHF"),
    "SHEL.L": ("XLON", "GBp"),
    "^GDAXI": ("XETR", "EUR"),
    "9988.HK": ("XHKG", "HKD"),
    "BABA": ("XNYS", "USD"),
}


@pytest.mark.parametrize("rel", FILES, ids=str)
def test_every_price_file_has_a_known_listing(rel):
    ticker = rel.name.removesuffix(".csv").split("__")[0]
    mic = calendars.mic_for_ticker(ticker)  # raises UnknownListingError for an unknown suffix
    assert mic in calendars.MIC_CURRENCY and mic in calendars.MIC_TIMEZONE
    assert MANIFEST[rel.as_posix()]["currency"] == calendars.quote_currency(ticker)
    if ticker in EXPECTED_LISTING:
        assert (mic, calendars.quote_currency(ticker)) == EXPECTED_LISTING[ticker]


def test_shell_is_quoted_in_pence():
    """SHEL.L closes near 2,800: pence. As pounds that would be GBP 28, the traded share price."""
    close = fixture_frame("SHEL.L")["Close"]
    assert 1000 < close.median() < 4000  # pence; a pound quote would be ~10-40
    assert calendars.in_major_unit(float(close.loc["2024-05-03"]), "GBp") == pytest.approx(
        (float(close.loc["2024-05-03"]) / 100, "GBP")
    )


def test_provenance_and_fundamentals_carried_over():
    if not SOURCE.is_dir():
        pytest.skip(NO_SHARED)
    ours = (FIXTURES / "PROVENANCE.md").read_text()
    theirs = (SOURCE / "PROVENANCE.md").read_text()
    assert ours.startswith(theirs.rstrip("\n") + "\n")  # copied, then the importer's own section
    assert "## Added by `impact fixtures import`" in ours[len(theirs) :]
    ours = (FIXTURES / "fundamentals" / "reported_figures.csv").read_text()
    assert ours == (SHARED / "fundamentals" / "reported_figures.csv").read_text()


def test_import_rebuilds_identical_fixtures(tmp_path):
    if not SOURCE.is_dir():
        pytest.skip(NO_SHARED)
    import_fixtures(SOURCE, tmp_path / "fx")
    for rel in [*ALL_CSV, "manifest.json", "PROVENANCE.md", "ACTIONS.md"]:
        assert (tmp_path / "fx" / rel).read_bytes() == (FIXTURES / rel).read_bytes(), rel


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


@pytest.mark.parametrize(
    "ticker, mic, currency, basis",
    [
        ("SIE.DE", "XETR", "EUR", "traded"),
        ("SHEL.L", "XLON", "GBp", "traded"),
        ("^GDAXI", "XETR", "EUR", "index"),
    ],
)
def test_new_listings_load_offline(offline_settings, ticker, mic, currency, basis):
    series = load_prices(ticker, "2024-04-25", "2024-05-03", offline_settings)
    expected = fixture_frame(ticker).loc["2024-04-25":"2024-05-03", "Close"]
    assert (series.mic, series.currency, series.basis, series.source) == (
        mic,
        currency,
        basis,
        "fixture",
    )
    assert list(series.prices.index) == list(expected.index)  # 2024-05-01 only in London
    np.testing.assert_array_equal(series.prices["Close"].to_numpy(), expected.to_numpy())
