"""Deciding rules on synthetic series generated here (named as such), and the tolerance table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import fixture_frame, iso

from impact import calendars
from impact.claims import extract_article
from impact.config import Settings
from impact.measures import rank_move
from impact.registry import Registry
from impact.tolerance import Tolerance
from impact.verdicts import Checker

REGISTRY_EXTRA = """
[[company]]
name = "Synthco"
aliases = ["Synthco"]
[[company.listings]]
ticker = "SYNT.HK"
mic = "XHKG"
currency = "HKD"
default = true
default_reason = "synthetic test listing"
cues = ["Hongkong", "Hong Kong"]
[[company.listings]]
ticker = "SYNT"
mic = "XNYS"
currency = "USD"
cues = ["New York", "Wall Street"]
"""


def synthetic_series(mic: str, moves: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Synthetic prices on the exchange's real sessions: flat at 100 except the given sessions,
    where (close-to-close move, intraday-high move) are set exactly."""
    sessions = calendars.sessions_in_range(mic, "2023-06-01", "2025-06-30")
    close, high = [], []
    level = 100.0
    for s in sessions:
        c2c, hi = moves.get(s.date().isoformat(), (0.0, 0.0))
        prev = level
        level = prev * (1 + c2c)
        close.append(level)
        high.append(max(prev * (1 + hi), level))
    close, high = np.array(close), np.array(high)
    opens = np.concatenate([[100.0], close[:-1]])
    low = np.minimum(opens, close)
    return pd.DataFrame(
        {
            "Date": sessions.strftime("%Y-%m-%d"),
            "Open": opens,
            "High": high,
            "Low": low,
            "Close": close,
            "Volume": 1000,
        }
    ).set_index("Date")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    data = root / "data"
    data.mkdir()
    hk_moves = {
        "2025-02-13": (0.05, 0.071),
        "2025-02-12": (0.031, 0.031),
        "2025-02-03": (0.02, 0.02),
        "2025-02-17": (0.04, 0.04),
        "2025-04-17": (-0.03, 0.0),
        "2024-03-01": (0.06, 0.06),
    }
    synthetic_series("XHKG", hk_moves).to_csv(data / "SYNT.HK.csv")
    ny_moves = {"2025-02-14": (0.08, 0.08), "2025-02-13": (0.01, 0.01)}
    synthetic_series("XNYS", ny_moves).to_csv(data / "SYNT.csv")
    (root / "extra.toml").write_text(REGISTRY_EXTRA)
    registry = Registry.load(root / "extra.toml")
    settings = Settings(data_dir=data, cache_dir=root / "cache", offline=True)
    return registry, Checker(settings, registry)


def run(world, text: str, published: str):
    registry, checker = world
    article = extract_article(text, published=published, registry=registry)
    return checker.check_article("t", article).checks


def test_close_to_close_exact_is_correct(world):
    (c,) = run(
        world, "Synthco-Aktien stiegen in Hongkong am Donnerstag um 5 Prozent.", "2025-02-14"
    )
    assert (c.verdict, c.basis, iso(c.session)) == ("correct", "close_to_close", "2025-02-13")
    assert c.realized == pytest.approx(5.0, abs=1e-9)


def test_vendor_band_is_mostly_correct(world):
    (c,) = run(
        world, "Synthco-Aktien stiegen in Hongkong am Donnerstag um 5,08 Prozent.", "2025-02-14"
    )
    assert c.verdict == "mostly_correct"


def test_intraday_claim_uses_the_high(world):
    (c,) = run(
        world, "Synthco shares in Hong Kong jumped as much as 7.1% on Thursday.", "2025-02-14"
    )
    assert (c.verdict, c.basis) == ("correct", "intraday_high")
    assert c.realized == pytest.approx(7.1, abs=1e-9)


def test_intraday_number_presented_as_close_is_misleading(world):
    (c,) = run(
        world, "Synthco-Aktien stiegen in Hongkong am Donnerstag um 7,1 Prozent.", "2025-02-14"
    )
    assert (c.verdict, c.basis) == ("misleading", "intraday_high")


def test_wrong_direction_is_false(world):
    (c,) = run(world, "Synthco-Aktien fielen in Hongkong am Donnerstag um 5 Prozent.", "2025-02-14")
    assert c.verdict == "false" and "direction" in c.explanation


def test_other_session_with_firm_date_is_misleading(world):
    (c,) = run(
        world, "Synthco-Aktien stiegen in Hongkong am Donnerstag um 3,1 Prozent.", "2025-02-14"
    )
    assert (c.verdict, iso(c.session), iso(c.nominal_session)) == (
        "misleading",
        "2025-02-12",
        "2025-02-13",
    )


def test_other_listing_named_in_text_is_misleading(world):
    (c,) = run(world, "Synthco-Aktien stiegen in Hongkong am Freitag um 8 Prozent.", "2025-02-14")
    assert c.verdict == "misleading" and "SYNT" in c.explanation


def test_holiday_maps_to_previous_session(world):
    # Good Friday 2025-04-18: Hong Kong closed; "am Freitag" is then the session before
    (c,) = run(world, "Synthco-Aktien fielen in Hongkong am Freitag um 3 Prozent.", "2025-04-19")
    assert (iso(c.nominal_session), c.verdict) == ("2025-04-17", "correct")


def test_lunar_new_year_gap_previous_close(world):
    (c,) = run(world, "Synthco-Aktien stiegen in Hongkong am Montag um 2 Prozent.", "2025-02-03")
    assert c.verdict == "correct"
    tried = [
        t
        for t in c.evidence.to_dict()["tried"]
        if t["basis"] == "close_to_close" and t["end_session"] == "2025-02-03"
    ]
    assert tried[0]["base_session"] == "2025-01-28"


def test_us_holiday_while_hong_kong_trades(world):
    (hk,) = run(world, "Synthco-Aktien stiegen in Hongkong am Montag um 4 Prozent.", "2025-02-17")
    (ny,) = run(world, "Synthco-Aktien stiegen in New York am Montag um 8 Prozent.", "2025-02-17")
    assert (iso(hk.nominal_session), hk.verdict) == ("2025-02-17", "correct")
    assert (iso(ny.nominal_session), ny.verdict) == ("2025-02-14", "correct")  # Presidents' Day


@pytest.mark.parametrize(
    "stamp, session",
    [("2025-02-13T17:00+08:00", "2025-02-13"), ("2025-02-13T11:00+08:00", "2025-02-12")],
)
def test_news_timestamp_after_and_before_the_close(world, stamp, session):
    (c,) = run(world, "Synthco-Aktien stiegen in Hongkong um 5 Prozent.", stamp)
    assert iso(c.nominal_session) == session


def test_missing_data_is_insufficient(world):
    (c,) = run(
        world, "Synthco-Aktien stiegen in Hongkong am Donnerstag um 5 Prozent.", "2026-02-14"
    )
    assert c.verdict == "insufficient_data" and "SYNT.HK" in c.explanation


# ---- tolerance table --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, decimals, hedge, lo, hi",
    [
        (9.1, 1, "exact", 9.05, 9.15),
        (11, 0, "exact", 10.5, 11.5),
        (9.12, 2, "exact", 9.115, 9.125),
        (15, 0, "about", 14.0, 16.0),
        (40, 0, "about", 38.8, 41.2),
        (40, 0, "over", 40.0, 120.0),
        (40, 0, "at_least", 40.0, 120.0),
        (5, 0, "just_under", 4.0, 5.0),
        (60, 0, "just_under", 54.0, 60.0),
        (5, 0, "just_over", 4.5, 6.0),
        (9.1, 1, "up_to", 9.05, 9.15),
        (20, 0, "under", 20 / 3, 20.0),
    ],
)
def test_tolerance_intervals(value, decimals, hedge, lo, hi):
    correct, band = Tolerance().intervals(value, decimals, hedge)
    assert (correct.lo, correct.hi) == pytest.approx((lo, hi))
    w = max(0.1, 0.02 * value)
    assert (band.lo, band.hi) == pytest.approx((max(0, lo - w), hi + w))


@pytest.mark.parametrize(
    "realized, value, decimals, hedge, direction, fit",
    [
        (9.1, 9.1, 1, "exact", "up", "exact"),
        (9.149, 9.1, 1, "exact", "up", "exact"),
        (9.15, 9.1, 1, "exact", "up", "band"),
        (9.3, 9.1, 1, "exact", "up", "band"),
        (9.4, 9.1, 1, "exact", "up", "miss"),
        (-9.1, 9.1, 1, "exact", "up", "wrong_direction"),
        (40.0, 40, 0, "over", "up", "band"),
        (40.1, 40, 0, "over", "up", "exact"),
        (130.0, 40, 0, "over", "up", "far"),
        (-11.08, 11, 0, "exact", "down", "exact"),
        (4.8, 5, 0, "just_under", "up", "exact"),
        (5.05, 5, 0, "just_under", "up", "band"),
        (5.4, 5, 0, "just_under", "up", "miss"),
        (14.89, 15, 0, "about", "none", "exact"),
    ],
)
def test_tolerance_judge(realized, value, decimals, hedge, direction, fit):
    assert Tolerance().judge(realized, value, decimals, hedge, direction).fit == fit


# ---- record ranking on a constructed series -----------------------------------------------------
def test_rank_move_constructed():
    idx = pd.bdate_range("2022-01-03", periods=8)
    close = [100, 110, 99, 104, 104, 120, 118, 130]  # moves: +10%, -10%, +5.05%, 0, +15.4%, ...
    frame = pd.DataFrame({"Close": close, "High": close, "Low": close}, index=idx)
    r = rank_move(frame, idx[5], idx[0], "close_to_close", "up")
    assert (r.rank, r.sessions) == (1, 5)  # moves exist from the second session on
    r = rank_move(frame, idx[7], idx[0], "close_to_close", "up")
    assert r.rank == 2 and r.larger[0][0] == idx[5].date().isoformat()
    r = rank_move(frame, idx[2], idx[0], "close_to_close", "down")
    assert r.rank == 1


def test_level_record_ranks_closes(world):
    _, record = run(
        world,
        "Synthco-Aktien stiegen in Hongkong am Donnerstag um 5 Prozent und "
        "erreichten den höchsten Stand seit 2024.",
        "2025-02-14",
    )
    assert record.claim.record_basis == "level" and "highest level" in record.claim.describe()
    # the synthetic close only ever rises on the marked sessions: 2025-02-13 is the highest since 2024
    assert (record.verdict, record.basis, iso(record.session)) == (
        "correct",
        "close_level",
        "2025-02-13",
    )


# ---- prices as quoted: adjusted levels turned back into traded prices --------------------------
def test_quoted_prices_undo_dividends_paid_after_the_window(tmp_path):
    """BABA.csv is Yahoo-adjusted; PROVENANCE.md measures it at a constant 0.949695 of the
    traded prices (wubw/Invest) over 2021-01-04..2022-09-16: all three later dividends undone."""
    from impact.verdicts.quoted import quoted_prices
    from impact.verdicts.window import PriceBook

    book = PriceBook(Settings(cache_dir=tmp_path / "cache", offline=True))
    series = book.load("BABA", pd.Timestamp("2021-08-10").date(), pd.Timestamp("2021-08-20").date())
    quoted = quoted_prices(series, pd.Timestamp("2021-08-17").date(), book)
    assert quoted.rebuilt
    ratio = series.prices["Close"] / quoted.series.prices["Close"]
    assert np.allclose(ratio, 0.949695, atol=5e-4)
    window_only = quoted_prices(series, None)  # the window alone cannot give the later factors
    assert not window_only.rebuilt
    assert window_only.series.prices.equals(series.prices)


@pytest.mark.parametrize("claimed, verdict", [("2.4", "unverifiable"), ("4", "correct")])
def test_extreme_so_far_against_the_full_days_extreme(offline_settings, claimed, verdict):
    """^HSI on 2024-01-24: the day's high against the previous close, from the fixture."""
    from conftest import fixture_frame

    hsi = fixture_frame("^HSI")
    i = hsi.index.get_loc(pd.Timestamp("2024-01-24"))
    high = 100 * (hsi["High"].iloc[i] / hsi["Close"].iloc[i - 1] - 1)
    assert 4.0 < high < 4.1  # the full day went further than 2.4, and 4 is within its rounding
    text = (
        "The Hang Seng Index was up 0.8 per cent at the local noon trading break, having climbed "
        f"as much as {claimed} percent earlier in the session."
    )
    article = Checker(offline_settings).check_article(
        "t", extract_article(text, published="2024-01-24", lang="en")
    )
    check = next(c for c in article.checks if c.claim.magnitude == float(claimed))
    assert check.verdict.value == verdict


def test_a_row_without_a_range_is_not_judged(offline_settings):
    """9888.HK 2024-01-15 in the fixture: High = Low = Close (a placeholder row)."""
    from conftest import fixture_frame

    row = fixture_frame("9888.HK").loc["2024-01-15"]
    assert row["High"] == row["Low"] == row["Close"]
    text = "Die Baidu-Aktie fiel in Hongkong am Montag um bis zu zwölf Prozent."
    article = Checker(offline_settings).check_article(
        "t", extract_article(text, published="2024-01-15", lang="de")
    )
    (check,) = article.checks
    assert check.verdict.value == "insufficient_data"
    assert "2024-01-15 is suspect" in check.explanation


def test_a_number_in_words_carries_its_own_rounding():
    tol = Tolerance()
    correct, _ = tol.intervals(20.0, 0, "exact", half_unit=2.5)  # "a fifth"
    assert (correct.lo, correct.hi) == (17.5, 22.5)
    assert tol.judge(-22.0, 20.0, 0, "exact", "down", half_unit=2.5).fit == "exact"
    assert tol.judge(-22.0, 20.0, 0, "exact", "down").fit != "exact"


def test_the_price_book_raises_a_fresh_error_each_time(offline_settings):
    """A kept failure raised again would carry every traceback it went through (memory grows)."""
    import datetime as dt

    from impact.errors import DataUnavailable
    from impact.verdicts.window import PriceBook

    book = PriceBook(offline_settings)
    caught = []
    for _ in range(2):
        with pytest.raises(DataUnavailable) as info:
            book.load("NOSUCH.XX", dt.date(2024, 1, 1), dt.date(2024, 2, 1))
        caught.append(info.value)
    assert caught[0] is not caught[1]
    assert str(caught[0]) == str(caught[1])


@pytest.mark.parametrize(
    "text, lang, ticker",
    [
        ("Nvidia shares rose 171% in 2024.", "en", "NVDA"),
        ("Der Dax legte im vergangenen Jahr um knapp 19 Prozent zu.", "de", "^GDAXI"),
    ],
)
def test_a_calendar_year_runs_from_the_last_close_before_it_to_its_last(
    offline_settings, text, lang, ticker
):
    """The whole of 2024, from the fixture: last close of 2023 to the last close of 2024."""
    from conftest import fixture_frame

    close = fixture_frame(ticker)["Close"]
    base, end = close.loc[:"2023-12-31"].index[-1], close.loc[:"2024-12-31"].index[-1]
    move = 100 * (close.loc[end] / close.loc[base] - 1)
    article = Checker(offline_settings).check_article(
        "t", extract_article(text, published="2025-01-10", lang=lang)
    )
    (check,) = article.checks
    assert (check.claim.horizon, iso(check.claim.start), iso(check.claim.end)) == (
        "year",
        "2024-01-01",
        "2024-12-31",
    )
    assert check.verdict.value == "correct"
    (tried,) = [t for t in check.evidence.to_dict()["tried"] if t["end_session"] == iso(end.date())]
    assert tried["base_session"] == iso(base.date())
    assert tried["value_pct"] == pytest.approx(move, abs=1e-9)


def test_a_record_over_a_price_mark_uses_prices_as_traded_then(offline_settings):
    """NVDA split 10:1 on 2024-06-10: 'über 1000 Dollar' on 2024-05-23 is about traded prices
    (about 10 x the fixture's split-adjusted close), as the level claim beside it is."""
    from conftest import fixture_frame

    adjusted = float(fixture_frame("NVDA")["Close"].loc["2024-05-23"])
    text = "Die Nvidia-Aktie stieg am Donnerstag erstmals über 1000 Dollar."
    article = Checker(offline_settings).check_article(
        "t", extract_article(text, published="2024-05-23", lang="de")
    )
    level, record = article.checks
    assert (level.claim.kind, level.verdict.value) == ("level", "correct")
    assert record.claim.kind == "record" and record.verdict.value != "false"
    value = record.evidence.to_dict()["value"]
    assert value == pytest.approx(10 * adjusted, rel=0.01) and value > 1000


def test_a_move_since_the_listing_is_insufficient_data_saying_why(checker):
    text = "Die Alibaba-Aktie in Hongkong hat seit dem Börsengang 20 Prozent verloren."
    (check,) = checker.check_article("t", extract_article(text, "2025-02-21")).checks
    assert check.verdict.value == "insufficient_data"
    assert check.explanation == (
        "9988.HK: 'seit dem Börsengang': measured from the listing (IPO): the registry knows "
        "neither its day nor price"
    )


def test_a_commodity_figure_is_unverifiable_and_says_which(checker):
    text = "Die Shell-Aktie stieg am Montag um 6 Prozent, während Brent auf 130 Dollar kletterte."
    checks = checker.check_article("t", extract_article(text, "2022-03-07")).checks
    oil = next(c for c in checks if c.claim.magnitude == 130.0)
    assert oil.verdict.value == "unverifiable"
    assert oil.explanation == (
        "The claimed 130 Dollar is about Brent, a commodity, currency or bond: no prices for it here."
    )


def test_an_early_print_of_a_past_day_is_checked_against_that_days_range(checker):
    text = "BASF-Aktien legten am Donnerstag im frühen Handel um 3 Prozent zu."
    (check,) = checker.check_article("t", extract_article(text, "2025-02-07")).checks
    assert check.verdict.value == "unverifiable"  # inside the day's range, not its close
    assert "daily prices only say the day ranged" in check.explanation


def test_a_move_from_an_all_time_high_before_the_data_is_insufficient(checker):
    text = "Apple shares are 5% below their record high."
    article = extract_article(text, "2024-06-21")
    (result,) = checker.check_article("t", article).checks
    first = fixture_frame("AAPL").index[0].date()
    assert result.verdict.value == "insufficient_data"
    assert f"which begin {first}" in result.explanation


def test_no_session_days_after_publication_is_a_candidate(checker):
    text = "Der Dax legte am Freitag zu. Seit Jahresbeginn steht ein Plus von 40 Prozent zu Buche."
    article = extract_article(text, "2025-08-01")  # a Friday: the next session is Monday
    result = next(c for c in checker.check_article("t", article).checks if c.claim.horizon == "ytd")
    assert result.to_dict()["evidence"]["sessions"]["candidates"] == ["2025-07-31", "2025-08-01"]
