"""Record phrasings of periods and streaks as news writes them: the best month (quarter, year)
since a date, "for an eighth straight session", the longest winning streak in a window, a
record named after its level ("closed at 6,090.27, a record"), and a level near a record (no
record claim). Sentences written for these tests; verdicts against values computed here with
plain pandas from the fixture files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import checked_record as check
from conftest import fixture_frame
from conftest import only_record as one_record
from conftest import record_claims as records

from impact import measures
from impact.claims import extract_article

D = dt.date


def iso_date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def period_moves(ticker: str, rule: str) -> pd.Series:
    """Moves between period-end closes (rule: ME, QE, YE), labelled with the period's end."""
    ends = fixture_frame(ticker)["Close"].resample(rule).last().dropna()
    return (ends / ends.shift(1) - 1).dropna()


def is_best(moves: pd.Series, label: str, since: str, direction: str) -> bool:
    """The period ending ``label`` moves furthest of those after ``since``."""
    window = moves[(moves.index > pd.Timestamp(since)) & (moves.index <= pd.Timestamp(label))]
    best = window.idxmin() if direction == "down" else window.idxmax()
    return best == pd.Timestamp(label)


# ---- records of a month, quarter or year ------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker, of, direction, since",
    [
        ("The S&P 500 rose 8.9% in November, its best month since July 2022.", "2023-12-01",
         "^GSPC", "month_move", "up", D(2022, 7, 31)),
        ("Der Dax stieg im November um 9,5 Prozent, der beste Monat seit Juli 2022.",
         "2023-12-01", "^GDAXI", "month_move", "up", D(2022, 7, 31)),
        ("Die Nvidia-Aktie legte im Mai um 27 Prozent zu, der stärkste Monatsgewinn seit "
         "Februar.", "2024-06-03", "NVDA", "month_move", "up", D(2024, 2, 29)),
        ("Microsoft shares fell 9% in March, their biggest monthly drop since 2022.",
         "2025-04-01", "MSFT", "month_move", "down", D(2022, 12, 31)),
        ("The Nasdaq 100 gained 54% in 2023, its best year since 1999.", "2024-01-02", "^NDX",
         "year_move", "up", D(1999, 12, 31)),
        ("Für den Dax war es das schwächste Quartal seit 2020.", "2022-10-03", "^GDAXI",
         "quarter_move", "down", D(2020, 12, 31)),
        ("The S&P 500 fell 16% in the second quarter, its worst quarter since 2020.",
         "2022-07-01", "^GSPC", "quarter_move", "down", D(2020, 12, 31)),
        ("Apple fell 8% last week, the worst week since March 2020.", "2024-12-02", "AAPL",
         "week_move", "down", D(2020, 3, 31)),
    ],
)  # fmt: skip
def test_records_of_a_period(text, published, ticker, of, direction, since):
    record = one_record(text, published)
    assert (record.ticker, record.record_of, record.direction, record.record_since) == (
        ticker,
        of,
        direction,
        since,
    )


@pytest.mark.parametrize(
    "text, published, ticker, rule, label, since, direction",
    [
        ("The S&P 500 rose 8.9% in November, its best month since July 2022.", "2023-12-01",
         "^GSPC", "ME", "2023-11-30", "2022-07-31", "up"),
        ("Der Dax stieg im November um 9,5 Prozent, der beste Monat seit November 2022.",
         "2023-12-01", "^GDAXI", "ME", "2023-11-30", "2022-11-30", "up"),
        ("Die Nvidia-Aktie legte im Mai um 27 Prozent zu, der stärkste Monatsgewinn seit "
         "Februar.", "2024-06-03", "NVDA", "ME", "2024-05-31", "2024-02-29", "up"),
        ("The S&P 500 gained 24% in 2023, its best year since 2019.", "2024-01-02", "^GSPC",
         "YE", "2023-12-31", "2019-12-31", "up"),
        ("The S&P 500 fell 16% in the second quarter, its worst quarter since 2020.",
         "2022-07-01", "^GSPC", "QE", "2022-06-30", "2020-12-31", "down"),
        # no figure, published two days into a quarter: the quarter just ended
        ("For the S&P 500 it was the worst quarter since 2020.", "2022-10-03", "^GSPC", "QE",
         "2022-09-30", "2020-12-31", "down"),
    ],
)  # fmt: skip
def test_period_record_verdicts(checker, text, published, ticker, rule, label, since, direction):
    moves = period_moves(ticker, rule)
    expected = "correct" if is_best(moves, label, since, direction) else "false"
    result = check(checker, text, published)
    assert result.verdict.value == expected
    last = fixture_frame(ticker).loc[:label].index[-1].date()
    assert result.session == last


def test_period_record_verdicts_both_ways(checker):
    """The S&P 500's 2023 (+24%) is beaten by 2021 inside "since 2019", not inside "since
    2021" (computed here)."""
    years = period_moves("^GSPC", "YE")
    assert years[pd.Timestamp("2021-12-31")] > years[pd.Timestamp("2023-12-31")]
    text = "The S&P 500 gained 24% in 2023, its best year since {}."
    assert check(checker, text.format(2019), "2024-01-02").verdict.value == "false"
    assert check(checker, text.format(2021), "2024-01-02").verdict.value == "correct"


# ---- streaks ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker, count, direction",
    [
        ("The S&P 500 rose for an eighth straight session.", "2023-11-03", "^GSPC", 8, "up"),
        ("Nvidia shares fell for an eleventh consecutive day.", "2024-12-02", "NVDA", 11, "down"),
        ("Apple shares slipped for an 8th straight session on Friday.", "2024-12-02", "AAPL", 8,
         "down"),
    ],
)  # fmt: skip
def test_a_streak_after_an(text, published, ticker, count, direction):
    record = one_record(text, published)
    assert (record.ticker, record.record_of, record.record_count, record.direction) == (
        ticker,
        "streak",
        count,
        direction,
    )


# ---- the longest streak in a window -----------------------------------------------------------
def runs(ticker: str, direction: str) -> list[tuple[pd.Timestamp, int]]:
    """Every run of consecutive higher (lower) closes of a fixture: (its last session, length),
    counted close by close in plain Python."""
    closes = fixture_frame(ticker)["Close"]
    found, run = [], 0
    values, days = closes.tolist(), list(closes.index)
    for i in range(1, len(values)):
        moved = values[i] < values[i - 1] if direction == "down" else values[i] > values[i - 1]
        run = run + 1 if moved else 0
        ends = i + 1 == len(values) or not (
            values[i + 1] < values[i] if direction == "down" else values[i + 1] > values[i]
        )
        if run and ends:
            found.append((days[i], run))
    return found


def is_longest(ticker: str, session: str, since: str, direction: str) -> bool:
    """The run ending on ``session`` is longer than every earlier run that ended after
    ``since``."""
    all_runs = runs(ticker, direction)
    current = dict(all_runs)[pd.Timestamp(session)]
    earlier = [n for end, n in all_runs if pd.Timestamp(since) < end < pd.Timestamp(session)]
    return all(n < current for n in earlier)


@pytest.mark.parametrize(
    "text, published, ticker",
    [
        ("The S&P 500 rose for an eighth straight session on Wednesday, its longest winning "
         "streak since {}.", "2023-11-09", "^GSPC"),
        ("Der S&P 500 legte am Montag den achten Tag in Folge zu, die längste Gewinnserie seit "
         "{}.", "2024-08-20", "^GSPC"),
        ("Der Dax stieg am Montag zum zehnten Mal in Folge. Es war die längste Gewinnserie seit "
         "{}.", "2024-08-20", "^GDAXI"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023])
def test_the_longest_streak_since_a_year(checker, text, published, ticker, year):
    text = text.format(year)
    article = extract_article(text, published)
    (result,) = [
        c for c in checker.check_article("t", article).checks
        if c.claim.record_of == "longest_streak"
    ]  # fmt: skip
    claim, since = result.claim, f"{year}-12-31"
    assert (claim.ticker, claim.direction, iso_date(claim.record_since)) == (ticker, "up", since)
    expected = is_longest(ticker, str(claim.end), since, "up")
    if pd.Timestamp(since) < fixture_frame(ticker).index[0] and expected:
        assert result.verdict.value == "insufficient_data"
    else:
        assert result.verdict.value == ("correct" if expected else "false"), result.explanation


def test_the_longest_streak_in_a_relative_window_and_its_direction():
    text = "The S&P 500 fell for a fifth day on Friday, its longest losing streak in two years."
    (record,) = records(text, "2024-06-14")
    assert (record.record_of, record.direction, record.record_count) == (
        "longest_streak", "down", None,
    )  # fmt: skip
    assert records("Das ist längst bekannt, seit 2021 schon.", "2024-06-14") == []


def test_longest_earlier_streak_on_a_synthetic_series():
    closes = pd.Series(
        [10, 11, 12, 13, 12, 13, 14, 15, 16, 15, 16, 17],
        index=pd.bdate_range("2024-01-01", periods=12),
    )  # synthetic: runs up of 3 (to day 3), 4 (to day 8), then 2 (to day 11)
    last = closes.index[-1]
    assert measures.streak_length(closes, last, "up") == 2
    assert measures.longest_earlier_streak(closes, last, "up", None) == (4, closes.index[8])
    assert measures.longest_earlier_streak(closes, last, "up", closes.index[8]) == (0, None)
    assert measures.longest_earlier_streak(closes, closes.index[8], "up", None) == (
        3, closes.index[3],
    )  # fmt: skip


# ---- a level near a record is no record -------------------------------------------------------
@pytest.mark.parametrize(
    "text, published",
    [
        ("The S&P 500 finished 2023 just shy of its record close.", "2024-01-02"),
        ("Apple shares closed within 1% of their all-time high on Friday.", "2024-12-09"),
        ("Microsoft closed near a record high on Friday.", "2024-12-09"),
        ("Der Dax schloss am Freitag knapp unter seinem Rekordhoch.", "2024-12-09"),
        ("Die SAP-Aktie notierte am Freitag nahe ihrem Rekordhoch.", "2024-03-08"),
        ("Nvidia ended the week short of its all-time high.", "2024-12-09"),
    ],
)
def test_a_level_near_a_record_claims_no_record(text, published):
    assert records(text, published) == []


# ---- a record named after its closing level ---------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker",
    [
        ("The S&P 500 closed at 6,090.27 on Friday, a record.", "2024-12-09", "^GSPC"),
        ("Apple shares ended at $242.84 on Friday, a new record.", "2024-12-09", "AAPL"),
        ("Der Dax schloss am Freitag bei 20.384,61 Punkten, ein neuer Rekord.", "2024-12-09",
         "^GDAXI"),
        ("Die SAP-Aktie schloss bei 177,68 Euro, ein Rekord.", "2024-03-08", "SAP.DE"),
    ],
)  # fmt: skip
def test_a_record_after_its_closing_level(text, published, ticker):
    record = one_record(text, published)
    assert (record.ticker, record.record_of, record.direction, record.closing) == (
        ticker,
        "level",
        "up",
        True,
    )
    assert record.record_since is None  # all time: since the listing


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 rose 1% on Friday, a record of sorts for December.",
        "Apple's revenue rose 5% to $94.9 billion, a record.",
    ],
)
def test_no_closing_record_without_a_closing_level(text):
    assert [c for c in records(text, "2024-12-09") if c.record_of == "level"] == []


@pytest.mark.parametrize(
    "text, published, ticker, session",
    [
        ("The S&P 500 closed at 6,090.27 on Friday, a record.", "2024-12-09", "^GSPC",
         "2024-12-06"),
        ("Die SAP-Aktie schloss am Donnerstag bei 177,78 Euro, ein Rekord.", "2024-03-08",
         "SAP.DE", "2024-03-07"),
        ("Die SAP-Aktie schloss am Freitag bei 176,94 Euro, ein Rekord.", "2024-03-08",
         "SAP.DE", "2024-03-08"),
    ],
)  # fmt: skip
def test_closing_record_verdicts(checker, text, published, ticker, session):
    """A higher close earlier in the data: false; none: the listing is before the data, so
    insufficient_data (computed here)."""
    closes = fixture_frame(ticker)["Close"]
    day = pd.Timestamp(session)
    result = check(checker, text, published)
    window = result.evidence.window
    earlier = closes[(closes.index >= pd.Timestamp(window.data_first)) & (closes.index < day)]
    expected = "false" if (earlier > closes.loc[day]).any() else "insufficient_data"
    assert (result.session, result.verdict.value) == (day.date(), expected)


# ---- a move record of a period's move ranks periods -------------------------------------------
@pytest.mark.parametrize(
    "text, published, of, since",
    [
        ("Im Januar legte der Dax um 8,7 Prozent zu, so stark wie seit Oktober nicht mehr.",
         "2023-02-01", "month_move", "2022-10-31"),
        ("The S&P 500 rose 8.9% in November, its biggest gain since July 2022.", "2023-12-01",
         "month_move", "2022-07-31"),
        ("The S&P 500 ended the year up 24%, its biggest annual gain since 2021.", "2023-12-29",
         "year_move", "2021-12-31"),
    ],
)  # fmt: skip
def test_a_move_record_of_a_periods_move_ranks_periods(text, published, of, since):
    (record,) = records(text, published)
    assert (record.record_of, iso_date(record.record_since)) == (of, since)


# ---- records and streaks of an economic series are no price claims ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Der Einkaufsmanagerindex war im Februar auf 52,6 Punkte geklettert, den höchsten Wert "
        "seit 2012. Der Hang Seng stieg um 4 Prozent.",
        "The Nasdaq 100 fell 3% on Tuesday after data showed U.S. manufacturing contracted for "
        "a fifth straight month.",
        "The Fed raised its benchmark rate by half a percentage point, the biggest increase since "
        "2000, and the Nasdaq 100 fell 5%.",
        "Die Inflation stieg im März auf 7,4 Prozent, so hoch wie seit 1981 nicht mehr.",
    ],
)
def test_records_of_an_economic_series_are_no_market_records(text):
    assert records(text, "2023-03-01") == []


@pytest.mark.parametrize(
    "text",
    [
        "Trotz steigender Zinsen stiegen Siemens-Aktien auf den höchsten Stand seit 2021.",
        "Despite rising yields, Apple shares rose 2% to a record high.",
        "After the Fed decision, the Nasdaq 100 rose for a fifth straight session.",
    ],
)
def test_a_price_named_after_the_economy_keeps_its_record(text):
    assert len(records(text, "2023-03-01")) == 1
