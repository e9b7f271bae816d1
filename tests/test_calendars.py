"""Session rules against dates checked by hand on the HKEX and NYSE holiday lists."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import calendars as cal
from impact.errors import NotASessionError, UnknownListingError

T = pd.Timestamp


@pytest.mark.parametrize(
    "ticker, mic",
    [
        ("9988.HK", "XHKG"),
        ("^HSI", "XHKG"),
        ("BABA", "XNYS"),
        ("AAPL", "XNYS"),
        ("^GSPC", "XNYS"),
        ("^IXIC", "XNYS"),
        ("^NDX", "XNYS"),
        ("SAP.DE", "XETR"),
        ("^GDAXI", "XETR"),
        ("brk-b", "XNYS"),
    ],
)
def test_mic_for_ticker(ticker, mic):
    assert cal.mic_for_ticker(ticker) == mic


@pytest.mark.parametrize("ticker", ["^FOO", "ABC.ZZ", "EURUSD=X"])
def test_unknown_exchange_is_a_clear_error(ticker):
    with pytest.raises(UnknownListingError, match=ticker.replace("^", r"\^").replace(".", r"\.")):
        cal.mic_for_ticker(ticker)


def test_lunar_new_year_gap_in_hong_kong():
    sessions = cal.sessions_in_range("XHKG", "2025-01-27", "2025-02-04")
    assert list(sessions) == [T("2025-01-27"), T("2025-01-28"), T("2025-02-03"), T("2025-02-04")]
    assert cal.last_session_before_month("XHKG", 2025, 2) == T("2025-01-28")
    assert cal.next_session("XHKG", "2025-01-28") == T("2025-02-03")
    assert cal.last_session_before_month("XNYS", 2025, 2) == T("2025-01-31")


def test_prior_year_base():
    assert cal.last_session_of_prior_year("XHKG", 2025) == T("2024-12-31")
    assert cal.last_session_of_prior_year("XNYS", 2025) == T("2024-12-31")
    assert cal.last_session_of_prior_year("XNYS", 2023) == T("2022-12-30")


def test_presidents_day_closed_in_new_york_open_in_hong_kong():
    assert not cal.is_session("XNYS", "2025-02-17")
    assert cal.is_session("XHKG", "2025-02-17")
    assert cal.next_session("XNYS", "2025-02-14") == T("2025-02-18")


def test_weekend_timestamp_maps_to_friday():
    sunday = pd.Timestamp("2025-02-16 12:00", tz="Asia/Hong_Kong")
    assert cal.latest_completed_session("XHKG", sunday) == T("2025-02-14")
    assert cal.first_session_closing_after("XHKG", sunday) == T("2025-02-17")
    assert cal.session_on_or_after("XNYS", "2025-02-15") == T("2025-02-18")
    assert cal.session_on_or_before("XNYS", "2025-02-16") == T("2025-02-14")


def test_lunch_break_timestamp_is_before_the_close():
    lunch = pd.Timestamp("2025-02-13 12:30", tz="Asia/Hong_Kong")
    assert cal.latest_completed_session("XHKG", lunch) == T("2025-02-12")
    assert cal.first_session_closing_after("XHKG", lunch) == T("2025-02-13")
    after_close = pd.Timestamp("2025-02-13 16:30", tz="Asia/Hong_Kong")
    assert cal.latest_completed_session("XHKG", after_close) == T("2025-02-13")
    assert cal.first_session_closing_after("XHKG", after_close) == T("2025-02-14")


def test_dubai_morning_news_maps_to_each_exchange():
    news = "2025-02-13T10:00+04:00"  # 06:00 UTC: HK still trading, New York not yet open
    assert cal.first_session_closing_after("XHKG", news) == T("2025-02-13")
    assert cal.first_session_closing_after("XNYS", news) == T("2025-02-13")
    assert cal.latest_completed_session("XNYS", news) == T("2025-02-12")


def test_naive_timestamp_rejected():
    with pytest.raises(NotASessionError, match="no time zone"):
        cal.latest_completed_session("XHKG", "2025-02-13 10:00")


def test_bad_date_rejected():
    with pytest.raises(NotASessionError, match="not a date"):
        cal.session_on_or_after("XHKG", "13.02.2025x")


@pytest.mark.parametrize(
    "ticker, currency",
    [("SHEL.L", "GBp"), ("^FTSE", "GBP"), ("SAP.DE", "EUR"), ("NESN.SW", "CHF"), ("BABA", "USD")],
)
def test_quote_currency_is_pence_in_london(ticker, currency):
    assert cal.quote_currency(ticker) == currency


def test_in_major_unit():
    assert cal.in_major_unit(2817.5, "GBp") == (pytest.approx(28.175), "GBP")
    assert cal.in_major_unit(28.175, "GBP") == (28.175, "GBP")
