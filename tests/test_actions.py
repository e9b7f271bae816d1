"""Corporate actions and traded prices rebuilt from Yahoo's adjusted ones.

Real-data checks use only the committed fixtures (copied from shared/market-data): expected values
are real traded prices (alt/BABA__benda931.csv, QQQ's unadjusted Close, alt/9988.HK__wubw_raw.csv,
NVIDIA's last pre-split close quoted in ACTIONS.md) or are computed here with plain pandas.
Tests named ``synthetic`` build their own series for the pure maths.
"""

from __future__ import annotations

import csv
from types import MappingProxyType

import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES, fixture_frame

from impact.errors import ActionsUnknownError, InputError, PriceDataError
from impact.prices.actions import (
    Action,
    CorporateActions,
    Coverage,
    bundled_actions,
    load_actions,
    split_factor,
    to_traded,
)
from impact.prices.sources import CsvSource

T = pd.Timestamp


def actions_rows(ticker: str, kind: str) -> list[tuple[pd.Timestamp, float]]:
    """(ex-date, value) rows of fixtures/actions.csv read with the csv module."""
    with open(FIXTURES / "actions.csv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["ticker"] == ticker and r["action"] == kind]
    return [(T(r["date"]), float(r["value"])) for r in rows]


def forward_yahoo_adjustment(split_adjusted: pd.Series, dividends) -> pd.Series:
    """Yahoo's rule, forwards: A(d) = S(d) * prod{1 - D_e / S(p_e) : e > d, e <= last session}."""
    factor = pd.Series(1.0, index=split_adjusted.index)
    for ex_date, amount in dividends:
        before = split_adjusted.index[split_adjusted.index < ex_date]
        if len(before) and ex_date <= split_adjusted.index[-1]:
            factor[split_adjusted.index < ex_date] *= 1 - amount / split_adjusted[before[-1]]
    return split_adjusted * factor


# ---------------------------------------------------------------- synthetic series: the maths

SYNTH_DAYS = pd.DatetimeIndex(
    ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"]
)
SYNTH_TRADED = [100.0, 104.0, 52.0, 50.0, 51.0, 49.0]  # 2-for-1 split ex 2024-01-04
SYNTH_SPLIT_ADJUSTED = [50.0, 52.0, 52.0, 50.0, 51.0, 49.0]  # Yahoo Close
# dividend 1.0 ex 2024-01-08: f = 1 - 1.0 / 50 (close of 2024-01-05) = 0.98 before it
SYNTH_ADJUSTED = [49.0, 50.96, 50.96, 49.0, 51.0, 49.0]
SPAN = (T("2023-01-01"), T("2024-12-31"))


def synthetic_actions(coverage: Coverage | None = None) -> CorporateActions:
    actions = (
        Action("SYNTH", T("2024-01-04"), "split", 2.0, "synthetic"),
        Action("SYNTH", T("2024-01-08"), "dividend", 1.0, "synthetic"),
    )
    covered = coverage or Coverage(splits=SPAN, dividends=SPAN)
    return CorporateActions(actions, MappingProxyType({"SYNTH": covered}), "synthetic")


def test_synthetic_adjusted_close_back_to_traded():
    adjusted = pd.Series(SYNTH_ADJUSTED, index=SYNTH_DAYS)
    result = to_traded(adjusted, "SYNTH", "adjusted", actions=synthetic_actions())
    assert result.status == "exact" and result.reconstructed and result.gaps == ()
    np.testing.assert_allclose(result.values.to_numpy(), SYNTH_TRADED, rtol=1e-12)
    expected_factor = [2 / 0.98, 2 / 0.98, 1 / 0.98, 1 / 0.98, 1.0, 1.0]
    np.testing.assert_allclose(result.factor.to_numpy(), expected_factor, rtol=1e-12)


def test_synthetic_split_adjusted_frame_back_to_traded():
    frame = pd.DataFrame(
        {
            "Open": SYNTH_SPLIT_ADJUSTED,
            "High": SYNTH_SPLIT_ADJUSTED,
            "Low": SYNTH_SPLIT_ADJUSTED,
            "Close": SYNTH_SPLIT_ADJUSTED,
            "Adj Close": SYNTH_ADJUSTED,
            "Volume": [2000.0, 2000.0, 1000.0, 1000.0, 1000.0, 1000.0],
        },
        index=SYNTH_DAYS,
    )
    result = to_traded(frame, "SYNTH", "traded", actions=synthetic_actions())
    assert result.status == "exact"
    assert list(result.values.columns) == ["Open", "High", "Low", "Close", "Volume"]
    np.testing.assert_allclose(result.values["Close"].to_numpy(), SYNTH_TRADED)
    np.testing.assert_allclose(result.values["High"].to_numpy(), SYNTH_TRADED)
    np.testing.assert_allclose(result.values["Volume"].to_numpy(), [1000.0] * 6)


def test_synthetic_as_of_before_the_dividend_leaves_it_out():
    adjusted = pd.Series(SYNTH_SPLIT_ADJUSTED[:4], index=SYNTH_DAYS[:4])  # file ends 2024-01-05
    result = to_traded(adjusted, "SYNTH", "adjusted", actions=synthetic_actions())
    np.testing.assert_allclose(result.values.to_numpy(), SYNTH_TRADED[:4])


def test_synthetic_gap_in_coverage_is_partial_and_named():
    short = Coverage(splits=(T("2024-01-01"), T("2024-01-05")), dividends=SPAN)
    adjusted = pd.Series(SYNTH_ADJUSTED, index=SYNTH_DAYS)
    result = to_traded(adjusted, "SYNTH", "adjusted", actions=synthetic_actions(short))
    assert result.status == "partial"
    assert result.gaps == (("split", T("2024-01-06"), T("2024-01-09")),)
    np.testing.assert_allclose(result.values.to_numpy(), SYNTH_TRADED, rtol=1e-12)


def test_synthetic_no_coverage_is_unknown_and_unchanged():
    nothing = Coverage(splits=None, dividends=None)
    adjusted = pd.Series(SYNTH_ADJUSTED, index=SYNTH_DAYS)
    result = to_traded(adjusted, "SYNTH", "adjusted", actions=synthetic_actions(nothing))
    assert result.status == "unknown" and not result.reconstructed
    assert result.values.equals(adjusted) and (result.factor == 1.0).all()
    assert "could not be reconstructed" in result.notes[0]


def test_synthetic_split_factor():
    actions = synthetic_actions()
    assert split_factor("SYNTH", "2024-01-03", "2024-01-04", actions) == 2.0
    assert split_factor("SYNTH", "2024-01-04", "2024-01-09", actions) == 1.0
    with pytest.raises(ActionsUnknownError, match=r"2025-01-01\.\.2025-01-02"):
        split_factor("SYNTH", "2024-01-03", "2025-01-02", actions)
    with pytest.raises(InputError):
        split_factor("SYNTH", "2024-01-09", "2024-01-03", actions)


# ---------------------------------------------------------------- loading and coverage


def test_bundled_actions_match_the_csv():
    actions = bundled_actions()
    with open(FIXTURES / "actions.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(actions.actions) == len(rows) == 270
    splits = [(a.date, a.value) for a in actions.of("NVDA", "split")]
    assert splits == [(T("2021-07-20"), 4.0), (T("2024-06-10"), 10.0)]
    assert splits == actions_rows("NVDA", "split")
    assert len(actions.of("AAPL", "dividend")) == 45


# Read by hand from the "Per ticker" table of ACTIONS.md (period 2015-01-01..2026-03-31).
COVERAGE = {
    "NVDA": (("2015-01-02", "2025-12-31"), ("2015-01-01", "2026-03-31")),
    "GOOGL": (("2015-01-02", "2025-12-31"), ("2015-01-01", "2026-03-31")),
    "BABA": (None, ("2015-01-01", "2026-03-31")),
    "PDD": (None, ("2015-01-01", "2026-03-31")),
    "QQQ": (None, ("2015-01-01", "2026-03-31")),
    "AMZN": (("2015-01-26", "2025-12-31"), ("2015-01-01", "2026-03-31")),
    "0700.HK": (("2020-01-02", "2025-07-18"), ("2015-01-01", "2025-12-31")),
    "9618.HK": (("2020-06-18", "2025-05-22"), ("2020-06-18", "2025-05-22")),
    "9888.HK": (("2021-03-23", "2025-07-18"), ("2021-03-23", "2025-07-18")),
    "1810.HK": (("2020-01-02", "2025-07-18"), ("2020-01-02", "2025-07-18")),
}


@pytest.mark.parametrize("ticker", sorted(COVERAGE))
def test_coverage_read_from_actions_md(ticker):
    def span(pair):
        return None if pair is None else (T(pair[0]), T(pair[1]))

    splits, dividends = COVERAGE[ticker]
    assert bundled_actions().coverage[ticker] == Coverage(span(splits), span(dividends))


@pytest.mark.parametrize("ticker", ["BIDU", "JD", "KWEB", "MCHI", "FXI", "SAP.DE", "SHEL.L"])
def test_tickers_without_a_source_are_unknown_not_actionless(ticker):
    assert ticker not in bundled_actions().coverage
    with pytest.raises(ActionsUnknownError):
        split_factor(ticker, "2023-01-02", "2023-06-30")


def test_load_actions_rejects_bad_files(tmp_path):
    header = "ticker,date,action,value,source\n"
    cases = {
        "header.csv": "Date,Open,High,Low,Close\n2024-01-02,1,1,1,1\n",
        "kind.csv": header + "NVDA,2024-06-10,merger,10,x\n",
        "value.csv": header + "NVDA,2024-06-10,split,-10,x\n",
        "date.csv": header + "NVDA,10-Jun-24,split,10,x\n",
        "twice.csv": header + "NVDA,2024-06-10,split,10,x\nNVDA,2024-06-10,split,10,y\n",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        with pytest.raises(PriceDataError):
            load_actions(tmp_path / name)
    with pytest.raises(InputError):
        load_actions(tmp_path / "missing.csv")


def test_without_actions_md_nothing_is_covered(tmp_path):
    (tmp_path / "own.csv").write_text(
        "ticker,date,action,value,source\nNVDA,2024-06-10,split,10,x\n"
    )
    actions = load_actions(tmp_path / "own.csv")
    assert len(actions.actions) == 1 and dict(actions.coverage) == {}
    with pytest.raises(ActionsUnknownError):
        split_factor("NVDA", "2024-06-07", "2024-06-10", actions)


def test_actions_csv_is_never_read_as_prices(tmp_path):
    (tmp_path / "ACTIONS.csv").write_bytes((FIXTURES / "actions.csv").read_bytes())
    (tmp_path / "manifest.json").write_text('{"actions.csv": {"kind": "corporate_actions"}}')
    assert CsvSource(tmp_path).load("ACTIONS", T("2024-01-01"), T("2024-12-31")) is None


# ---------------------------------------------------------------- splits of real listings


def test_real_split_factors():
    assert split_factor("NVDA", "2024-06-07", "2024-06-10") == 10.0
    assert split_factor("NVDA", "2024-06-10", "2024-06-11") == 1.0
    assert split_factor("NVDA", "2021-01-04", "2025-12-31") == 40.0
    assert split_factor("GOOGL", "2022-07-15", "2022-07-18") == 20.0
    assert split_factor("AAPL", "2020-08-28", "2020-08-31") == 4.0
    with pytest.raises(ActionsUnknownError, match="2026-01-01"):  # no split source for 2026
        split_factor("NVDA", "2025-12-31", "2026-03-25")
    with pytest.raises(ActionsUnknownError):  # BABA: dividends listed, splits have no source
        split_factor("BABA", "2024-12-11", "2025-06-10")


def test_nvda_pre_split_close_is_the_traded_price():
    """ACTIONS.md worked example: 120.81982421875 × 10 / 0.99943599 = 1208.88, NVDA's close."""
    close = fixture_frame("NVDA")["Close"]
    result = to_traded(close, "NVDA", "adjusted")
    assert close["2024-06-07"] == 120.81982421875
    assert result.values["2024-06-07"] == pytest.approx(close["2024-06-07"] * 10 / 0.99943599)
    assert result.values["2024-06-07"] == pytest.approx(1208.88, abs=0.005)
    assert result.values["2024-06-07"] / 10 == pytest.approx(120.89, abs=0.005)  # SU web table
    # across the split only the 10-for-1 changes: no dividend falls between the two sessions
    ratio = result.values["2024-06-07"] / result.values["2024-06-10"]
    assert ratio == pytest.approx(10 * close["2024-06-07"] / close["2024-06-10"], rel=1e-12)
    assert result.status == "partial"  # splits after 2025-12-31 have no source
    assert result.gaps == (("split", T("2026-01-01"), T("2026-03-25")),)


def test_googl_pre_split_close():
    close = fixture_frame("GOOGL")["Close"]
    result = to_traded(close, "GOOGL", "adjusted")
    traded = result.values
    ratio = traded["2022-07-15"] / traded["2022-07-18"]
    assert ratio == pytest.approx(20 * close["2022-07-15"] / close["2022-07-18"], rel=1e-12)
    # the dividend factor before GOOGL's first dividend (2024-06-10), recomputed forwards
    split_adjusted = traded.where(traded.index >= "2022-07-18", traded / 20)
    forward = forward_yahoo_adjustment(split_adjusted, actions_rows("GOOGL", "dividend"))
    total = forward["2022-07-15"] / split_adjusted["2022-07-15"]
    assert 0.99 < total < 1.0
    assert traded["2022-07-15"] == pytest.approx(close["2022-07-15"] * 20 / total, rel=1e-9)
    assert 2000 < traded["2022-07-15"] < 2500  # GOOGL traded above $2,000 before the split


@pytest.mark.parametrize("ticker", ["NVDA", "GOOGL", "AAPL", "MSFT", "SPY", "BABA"])
def test_rebuilt_adjusted_close_matches_forward_rule_and_cent_grid(ticker):
    """Forwards from the rebuilt traded closes, Yahoo's rule gives back the file's adjusted Close.

    Traded US prices are whole cents; the rebuilt closes are within 0.001 of a cent on every
    session (float32 storage of the source), while the adjusted ones mostly are not.
    """
    close = fixture_frame(ticker)["Close"]
    result = to_traded(close, ticker, "adjusted")
    splits = pd.Series(1.0, index=close.index)
    for day, ratio in actions_rows(ticker, "split"):
        splits[close.index < day] *= ratio
    split_adjusted = result.values / splits
    forward = forward_yahoo_adjustment(split_adjusted, actions_rows(ticker, "dividend"))
    np.testing.assert_allclose(forward.to_numpy(), close.to_numpy(), rtol=1e-12)
    values = result.values.to_numpy()
    assert np.abs(values - np.round(values, 2)).max() < 1e-3
    assert (np.abs(close - close.round(2)) >= 1e-3).mean() > 0.5


# ---------------------------------------------------------------- against real traded prices


def test_baba_rebuilt_equals_traded_closes():
    """alt/BABA__benda931.csv: traded closes 2024-12-11..2025-06-10 (no dividend in between).

    Tolerance 2e-7 relative: both files store float32 values (about 6e-8 relative each).
    """
    traded = fixture_frame("alt/BABA__benda931")["Close"]
    result = to_traded(fixture_frame("BABA"), "BABA", "adjusted")
    rebuilt = result.values["Close"].reindex(traded.index)
    assert len(traded) == 123 and rebuilt.notna().all()
    np.testing.assert_allclose(rebuilt.to_numpy(), traded.to_numpy(), rtol=2e-7)
    assert result.status == "partial" and {g[0] for g in result.gaps} == {"split"}
    # the adjusted file itself is 1.7% below them: the reconstruction is what closes the gap
    assert (fixture_frame("BABA")["Close"].reindex(traded.index) / traded).max() < 0.99


def test_qqq_rebuilt_from_adj_close_equals_unadjusted_close():
    """QQQ.csv carries Yahoo's unadjusted Close beside Adj Close (as of 2025-09-19).

    Tolerance 1e-6 relative: Adj Close is float32 and each of the 42 dividend steps carries the
    rounding of the listed amount.
    """
    qqq = fixture_frame("QQQ")
    result = to_traded(qqq["Adj Close"], "QQQ", "adjusted")
    np.testing.assert_allclose(result.values.to_numpy(), qqq["Close"].to_numpy(), rtol=1e-6)
    assert (qqq["Adj Close"] / qqq["Close"]).min() < 0.93  # the adjustment being undone is real


def test_hong_kong_adjusted_series_is_not_rebuilt():
    """ACTIONS.md: Yahoo's 9988.HK adjustment does not follow the listed HKD dividends.

    Against the traded closes of alt/9988.HK__wubw_raw.csv (2019-11..2022-09) the adjusted file is
    a constant 0.993451 of them; the listed dividends would imply a factor near 0.9659, so a
    rebuild would land about 2.9% above the traded price. to_traded refuses instead.
    """
    adjusted = fixture_frame("9988.HK")["Close"]
    raw = fixture_frame("alt/9988.HK__wubw_raw")["Close"]
    ratio = adjusted.reindex(raw.index) / raw
    assert ratio.notna().all()
    assert ratio.min() == pytest.approx(0.993451, abs=2e-6)
    assert ratio.max() == pytest.approx(0.993451, abs=2e-6)
    implied = 1.0  # ACTIONS.md short form, newest dividend first
    for ex_date, amount in sorted(actions_rows("9988.HK", "dividend"), reverse=True):
        recovered = adjusted[adjusted.index < ex_date].iloc[-1] / implied
        implied *= recovered / (recovered + amount)
    assert ratio.mean() / implied == pytest.approx(1.02855, abs=1e-4)  # ACTIONS.md: 2.855% above
    assert abs(implied / ratio.mean() - 1) > 0.02
    result = to_traded(adjusted, "9988.HK", "adjusted")
    assert result.status == "unknown" and result.values.equals(adjusted)
    assert "Hong Kong" in result.notes[0]


def test_hong_kong_traded_series_has_no_split_to_undo():
    raw = fixture_frame("alt/9988.HK__wubw_raw")["Close"]
    result = to_traded(raw, "9988.HK", "traded")
    assert result.values.equals(raw)
    assert result.status == "partial"  # split coverage starts 2020-01-02, the file 2019-11-26
    assert result.gaps == (("split", T("2019-11-27"), T("2020-01-01")),)


def test_index_and_unknown_listings_come_back_unchanged():
    dax = fixture_frame("^GDAXI")["Close"]
    assert to_traded(dax, "^GDAXI", "index").status == "index"
    assert to_traded(dax, "^GDAXI", "index").values.equals(dax)
    siemens = fixture_frame("SIE.DE")
    result = to_traded(siemens, "SIE.DE", "traded")
    assert result.status == "unknown" and result.values.equals(siemens)
    bidu = fixture_frame("BIDU")["Close"]
    assert to_traded(bidu, "BIDU", "adjusted").status == "unknown"
    assert to_traded(bidu, "BIDU", "no-such-basis").status == "unknown"
