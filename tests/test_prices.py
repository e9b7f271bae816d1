"""The data layer: yfinance up to the network boundary, the cache, the chain, ticker safety."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES, fixture_frame

from impact.config import Settings
from impact.errors import DataUnavailable, InvalidTickerError, PriceDataError
from impact.prices import PriceCache, YahooSource, load_prices, validate_ticker
from impact.prices.cache import CacheEntry, merge_ranges, missing_ranges

T = pd.Timestamp


def yahoo_like(ticker: str, start: str, end: str) -> pd.DataFrame:
    """A frame shaped like yf.download(..., auto_adjust=False): MultiIndex (field, ticker)
    columns and a tz-aware index, its values taken from the real fixture."""
    real = fixture_frame(ticker).loc[start:end]
    tz = "Asia/Hong_Kong" if ticker.endswith(".HK") else "America/New_York"
    index = pd.DatetimeIndex(real.index).tz_localize(tz)
    fields = {
        "Adj Close": real["Close"],
        "Close": real["Close"],
        "High": real["High"],
        "Low": real["Low"],
        "Open": real["Open"],
        "Volume": real["Volume"],
    }
    columns = pd.MultiIndex.from_tuples([(f, ticker) for f in fields], names=["Price", "Ticker"])
    return pd.DataFrame(
        np.column_stack([v.to_numpy() for v in fields.values()]), index=index, columns=columns
    )


class FakeDownload:
    """Stands in for yf.download: records calls, answers from the fixtures."""

    def __init__(self, behaviour: str = "ok"):
        self.calls: list[tuple[str, str, str]] = []
        self.behaviour = behaviour

    def __call__(self, ticker, start, end, **kwargs):
        self.calls.append((ticker, start, end))
        assert kwargs["auto_adjust"] is False
        if self.behaviour == "raise":
            raise ConnectionError("HTTP Error 429: Too Many Requests")
        if self.behaviour == "empty":
            return pd.DataFrame()
        last = (T(end) - pd.Timedelta(days=1)).date().isoformat()  # yfinance's end is exclusive
        return yahoo_like(ticker, start, last)


def online(tmp_path: Path) -> Settings:
    empty = tmp_path / "no-fixtures"
    empty.mkdir(exist_ok=True)
    return Settings(cache_dir=tmp_path / "cache", fixtures_dir=empty, offline=False)


def test_yahoo_frame_normalized_to_session_dates():
    source = YahooSource(download=FakeDownload())
    frame = source.fetch("9988.HK", T("2025-02-10"), T("2025-02-14"))
    assert list(frame.columns) == ["Open", "High", "Low", "Close", "Adj Close", "Volume"]
    assert frame.index.tz is None
    assert [d.date().isoformat() for d in frame.index] == [
        "2025-02-10",
        "2025-02-11",
        "2025-02-12",
        "2025-02-13",
        "2025-02-14",
    ]
    real = fixture_frame("9988.HK").loc["2025-02-10":"2025-02-14", "Close"]
    assert np.array_equal(frame["Close"].to_numpy(), real.to_numpy())


@pytest.mark.parametrize("behaviour, message", [("raise", "429"), ("empty", "no rows")])
def test_yahoo_failures_become_data_unavailable(behaviour, message):
    source = YahooSource(download=FakeDownload(behaviour))
    with pytest.raises(DataUnavailable, match=rf"9988\.HK 2025-02-10\.\.2025-02-14: .*{message}"):
        source.fetch("9988.HK", T("2025-02-10"), T("2025-02-14"))


def test_chain_fetches_only_missing_ranges(tmp_path):
    fake = FakeDownload()
    settings = online(tmp_path)
    first = load_prices("9988.HK", "2025-02-03", "2025-02-14", settings, YahooSource(fake))
    assert first.source == "cache" and first.basis == "traded" and len(first.prices) == 10
    assert fake.calls == [("9988.HK", "2025-02-03", "2025-02-15")]
    again = load_prices("9988.HK", "2025-02-05", "2025-02-12", settings, YahooSource(fake))
    assert len(fake.calls) == 1 and len(again.prices) == 6
    wider = load_prices("9988.HK", "2025-01-27", "2025-02-21", settings, YahooSource(fake))
    assert fake.calls[1:] == [
        ("9988.HK", "2025-01-27", "2025-02-03"),
        ("9988.HK", "2025-02-15", "2025-02-22"),
    ]
    real = fixture_frame("9988.HK").loc["2025-01-27":"2025-02-21", "Close"]
    assert np.array_equal(wider.prices["Close"].to_numpy(), real.to_numpy())


def test_failed_fetch_writes_no_cache_entry(tmp_path):
    settings = online(tmp_path)
    with pytest.raises(DataUnavailable, match="429"):
        load_prices(
            "BABA", "2025-02-03", "2025-02-14", settings, YahooSource(FakeDownload("raise"))
        )
    assert not (tmp_path / "cache" / "BABA.parquet").exists()


def test_offline_never_calls_download(tmp_path):
    fake = FakeDownload()
    settings = Settings(cache_dir=tmp_path / "c", fixtures_dir=tmp_path, offline=True)
    with pytest.raises(DataUnavailable, match="offline"):
        load_prices("9988.HK", "2025-02-03", "2025-02-14", settings, YahooSource(fake))
    assert fake.calls == []


def test_chain_order_data_dir_then_fixtures(tmp_path, offline_settings):
    from dataclasses import replace

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "9988.HK.csv").write_text(
        "Date,Open,High,Low,Close,Volume\n2025-02-12,1,2,1,2,10\n2025-02-13,2,3,2,3,10\n"
    )
    series = load_prices(
        "9988.HK", "2025-02-12", "2025-02-13", replace(offline_settings, data_dir=mine)
    )
    assert series.source == "csv" and list(series.prices["Close"]) == [2.0, 3.0]
    fixture = load_prices("9988.HK", "2025-02-12", "2025-02-13", offline_settings)
    assert fixture.source == "fixture" and fixture.basis == "adjusted"
    assert fixture.currency == "HKD" and fixture.mic == "XHKG"
    # a range the user's file holds only in part falls through to the fixtures
    wide = load_prices(
        "9988.HK", "2025-02-03", "2025-02-14", replace(offline_settings, data_dir=mine)
    )
    assert wide.source == "fixture"


def test_partial_range_offline_is_returned_with_a_note(offline_settings):
    series = load_prices("9988.HK", "2025-10-01", "2025-12-31", offline_settings)
    assert series.last == T("2025-10-30")
    assert "only 2025-10-02..2025-10-30 available" in series.notes[0]


def test_cache_write_failure_keeps_previous_file(tmp_path, monkeypatch):
    cache = PriceCache(tmp_path)
    old = fixture_frame("AAPL").loc["2025-02-03":"2025-02-07", ["Open", "High", "Low", "Close"]]
    cache.write(CacheEntry("AAPL", "traded", "USD", [(T("2025-02-03"), T("2025-02-07"))], old))

    import pyarrow.parquet as pq

    def broken_write(table, where, **kwargs):
        with open(where, "wb") as handle:
            handle.write(b"PAR1 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", broken_write)
    new = fixture_frame("AAPL").loc["2025-02-10":"2025-02-14", ["Open", "High", "Low", "Close"]]
    with pytest.raises(OSError, match="No space left"):
        cache.write(CacheEntry("AAPL", "traded", "USD", [(T("2025-02-10"), T("2025-02-14"))], new))
    monkeypatch.undo()
    entry = cache.read("AAPL")
    assert entry is not None and list(entry.prices.index) == list(old.index)
    assert [p.name for p in tmp_path.iterdir()] == ["AAPL.parquet"]  # no temp file left


def test_corrupt_cache_file_is_moved_aside(tmp_path):
    (tmp_path / "AAPL.parquet").write_bytes(b"garbage")
    assert PriceCache(tmp_path).read("AAPL") is None
    assert (tmp_path / "AAPL.parquet.corrupt").exists()


@pytest.mark.parametrize("ticker", ["../x", "a/b", "", "..", ".hidden", "a\\b", "x" * 30, "A B"])
def test_hostile_tickers_rejected(ticker, tmp_path):
    with pytest.raises(InvalidTickerError, match="not a Yahoo symbol"):
        validate_ticker(ticker)
    with pytest.raises(InvalidTickerError):
        PriceCache(tmp_path).path_for(ticker)


def test_ranges():
    r = [(T("2025-01-01"), T("2025-01-10")), (T("2025-01-11"), T("2025-01-20"))]
    assert merge_ranges(r) == [(T("2025-01-01"), T("2025-01-20"))]
    assert missing_ranges(r, T("2024-12-25"), T("2025-01-25")) == [
        (T("2024-12-25"), T("2024-12-31")),
        (T("2025-01-21"), T("2025-01-25")),
    ]
    assert missing_ranges(r, T("2025-01-02"), T("2025-01-05")) == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,nan\n", "row 2: Close 'nan' is not a number"),
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,1\n2025-01-02,1,2,1,1\n", "row 3: duplicate"),
        ("Date,Open,High,Low,Close\n2025-01-03,1,2,1,1\n2025-01-02,1,2,1,1\n", "row 3: date"),
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,0\n", "positive"),
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,-3\n", "positive"),
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,inf\n", "positive"),
        ("Date,Open,Close\n2025-01-02,1,1\n", "missing column"),
        ("Date,Open,High,Low,Close\n02/01/2025,1,2,1,1\n", "not YYYY-MM-DD"),
        ("Date,Open,High,Low,Close\n2025-01-02,1,2,1,abc\n", "not a number"),
    ],
)
def test_user_csv_validated_with_file_and_row(tmp_path, content, message):
    path = tmp_path / "X.csv"
    path.write_text(content)
    settings = Settings(
        cache_dir=tmp_path / "c", fixtures_dir=FIXTURES, data_dir=tmp_path, offline=True
    )
    with pytest.raises(PriceDataError, match=message) as info:
        load_prices("X", "2025-01-01", "2025-01-05", settings)
    assert str(path) in str(info.value)


def test_env_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("IMPACT_OFFLINE", "1")
    monkeypatch.setenv("IMPACT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(tmp_path / "c"))
    s = Settings.from_env()
    assert s.offline and s.data_dir == tmp_path and s.cache_dir == tmp_path / "c"
    assert os.path.isdir(s.fixtures_dir)


def test_yfinance_logging_is_put_back_after_a_call(monkeypatch):
    """No process-wide side effect: yfinance is silenced for the call only."""
    import logging

    import yfinance

    from impact.prices import yahoo

    monkeypatch.setattr(yahoo, "_network_problem", lambda: None)
    monkeypatch.setattr(yfinance, "download", lambda *a, **k: "frame")
    log = logging.getLogger("yfinance")
    monkeypatch.setattr(log, "level", logging.INFO)
    assert yahoo._yf_download("AAPL") == "frame"
    assert log.level == logging.INFO
