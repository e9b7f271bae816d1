"""Records, superlatives, first crossings, window extremes and streaks: the extraction rules on
sentences written for these tests, the window phrases, the measures on constructed series, and
verdicts against values computed here with plain pandas from the fixture files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import checked_record as check
from conftest import close_moves, fixture_frame, iso

from impact import measures
from impact.claims import extract_article
from impact.claims.model import Published
from impact.claims.record_windows import since_of, window_after

D = dt.date


def records(text: str, published: str):
    article = extract_article(text, published)
    return article, [c for c in article.claims if c.kind == "record"]


def one_record(text: str, published: str):
    article, found = records(text, published)
    assert len(found) == 1, [c.text for c in article.claims]
    return article, found[0]


# ---- extraction: what each phrase kind becomes ------------------------------------------------
# (text, published, record words, record_of, direction, record_since, anchor)
KINDS = [
    ("Nvidia shares plunged 17% on Monday, their biggest one-day drop since March 2020.",
     "2025-01-28", "biggest one-day drop since March 2020", "move", "down", "2020-03-31", False),
    ("Die SAP-Aktie verlor am Dienstag 3 Prozent, der größte Tagesverlust seit Anfang Mai.",
     "2024-06-20", "größte Tagesverlust seit Anfang Mai", "move", "down", "2024-05-10", False),
    ("Der Dax kletterte um 1,2 Prozent und erreichte den höchsten Stand seit dem 5. März.",
     "2024-06-20", "höchsten Stand seit dem 5. März", "level", "up", "2024-03-05", True),
    ("The Nasdaq 100 fell 2% on Tuesday, its worst session of 2024.",
     "2024-06-20", "worst session of 2024", "move", "down", "2023-12-31", False),
    ("Der Dax fiel um 2 Prozent auf den tiefsten Stand seit dem Frühjahr 2020.",
     "2024-06-20", "tiefsten Stand seit dem Frühjahr 2020", "level", "down", "2020-05-31", False),
    ("Nvidia fell 10%, its biggest drop since it went public in January 1999.",
     "2024-06-20", "biggest drop since it went public in January 1999", "move", "down",
     "1998-12-31", False),
    ("Die Alibaba-Aktie fiel in Hongkong um 3 Prozent auf einen neuen Tiefstand seit dem "
     "Börsengang Ende 2019.", "2022-03-10", "Tiefstand seit dem Börsengang Ende 2019", "level",
     "down", "2019-08-31", False),
    ("Der Dax fiel erstmals seit der Finanzkrise unter 3000 Punkte.",
     "2024-06-20", "erstmals seit der Finanzkrise", "threshold", "down", "2009-03-31", False),
    ("Die Nvidia-Aktie fiel um 4 Prozent und notiert so tief wie seit 2016 nicht mehr.",
     "2024-06-20", "so tief wie seit 2016", "level", "down", "2016-12-31", False),
    ("Nvidia was headed for its worst day since April 2024, down 6% in afternoon trading.",
     "2024-06-20", "worst day since April 2024", "move", "down", "2024-04-30", False),
    ("Die SAP-Aktie stieg am Freitag um 1 Prozent auf ein Rekordhoch.",
     "2022-06-18", "Rekordhoch", "level", "up", None, False),
    ("The S&P 500 gained 5.9% this week, its biggest weekly gain since March 2022.",
     "2023-11-04", "biggest weekly gain since March 2022", "week_move", "up", "2022-03-31",
     False),
    ("The stock jumped 16% on Thursday, the most since a 24% surge on May 25 last year.",
     "2024-02-23", "most since a 24% surge on May 25 last year", "move", "up", "2023-05-25",
     True),
    ("The S&P 500 fell 1.2% to 4,100, a level not seen since March.",
     "2024-06-20", "not seen since March", "level", "down", "2024-03-31", False),
    ("The S&P 500 fell 1.2% to 4,100, a level last seen in March 2023.",
     "2024-06-20", "last seen in March 2023", "level", "down", "2023-03-31", False),
    ("Der Dax verlor in dieser Woche 4 Prozent, der größte Wochenverlust seit März 2020.",
     "2024-06-20", "größte Wochenverlust seit März 2020", "week_move", "down", "2020-03-31",
     False),
    ("Microsoft stock rose 2% on Tuesday to an all-time high.",
     "2024-06-20", "all-time high", "level", "up", None, False),
    ("Der Dax stieg um 1 Prozent und notierte so hoch wie nie zuvor.",
     "2024-06-20", "so hoch wie nie zuvor", "level", "up", None, False),
]  # fmt: skip


@pytest.mark.parametrize("text, published, words, of, direction, since, anchor", KINDS)
def test_record_kinds_windows_and_directions(text, published, words, of, direction, since, anchor):
    _, record = one_record(text, published)
    assert record.text == words
    assert (record.record_of, record.direction) == (of, direction)
    assert (iso(record.record_since), record.record_anchor) == (since, anchor)
    assert record.horizon == "record"


def test_a_record_takes_the_move_it_qualifies():
    article, record = one_record(
        "Nvidia shares plunged 17% on Monday, their worst day since September 2024.", "2025-01-28"
    )
    move = article.claims[0]
    assert (record.attached_to, record.dates.rule, record.dates.attached_to) == (
        move.id,
        "attached",
        move.id,
    )
    assert (record.ticker, record.metric, record.end) == ("NVDA", "share_price", move.end)
    assert record.record_basis == "one_day"


def test_relative_windows_count_half_a_unit_less_before_the_session():
    # "in almost two years": 1.5 years before the session; "seit drei Monaten": 2.5 months
    _, record = one_record(
        "Apple closed at its lowest level in almost two years after falling 3%.", "2024-06-20"
    )
    assert record.record_since == record.end - dt.timedelta(days=round(1.5 * 365.25))
    assert record.basis_cue == "close"
    _, record = one_record(
        "Die Apple-Aktie erlitt mit minus 5 Prozent den größten Kurseinbruch seit drei Monaten.",
        "2024-06-20",
    )
    assert record.record_since == record.end - dt.timedelta(days=round(2.5 * 30.4375))
    _, record = one_record(
        "Microsoft shares hit a 52-week high on Monday, rising 1.5%.", "2024-06-20"
    )
    assert (record.record_of, record.direction, iso(record.end)) == ("level", "up", "2024-06-17")
    assert record.record_since == record.end - dt.timedelta(days=round(51.5 * 7))


@pytest.mark.parametrize(
    "text, published, count, direction",
    [
        ("Microsoft fell 1.1% on Friday, its fourth straight session of losses.", "2024-01-06",
         4, "down"),
        ("Die SAP-Aktie legte am Freitag um 0,5 Prozent zu, zum dritten Mal in Folge.",
         "2024-03-02", 3, "up"),
        ("Der Dax fiel am Montag um 2 Prozent, der dritte Verlusttag in Folge.", "2024-06-20",
         3, "down"),
        ("Nvidia lost 2% on Friday, marking three consecutive days of losses.", "2024-06-22",
         3, "down"),
        ("Nvidia fell 2% on Friday, extending its losing streak to five sessions.", "2024-06-22",
         5, "down"),
        ("Der Dax fiel um 1 Prozent und baute seine Verlustserie auf fünf Handelstage aus.",
         "2024-06-20", 5, "down"),
    ],
)  # fmt: skip
def test_streaks_count_sessions(text, published, count, direction):
    article, record = one_record(text, published)
    assert (record.record_of, record.record_count, record.magnitude) == ("streak", count, count)
    assert (record.direction, record.horizon, record.n_sessions) == (direction, "n_sessions", count)
    assert record.attached_to == article.claims[0].id


@pytest.mark.parametrize(
    "text",
    [
        "Der Dax stieg am Montag den zehnten Tag in Folge.",
        "The Dax rose for a tenth straight session on Monday.",
    ],
)
def test_a_streak_without_a_figure_ends_on_the_day_its_sentence_names(checker, text):
    _, record = one_record(text, "2024-08-20")  # a Tuesday
    assert (record.record_count, iso(record.end)) == (10, "2024-08-19")
    closes = fixture_frame("^GDAXI")["Close"].loc[:"2024-08-19"].tolist()
    rises = [b > a for a, b in zip(closes[-12:-1], closes[-11:], strict=True)]
    assert rises[-10:] == [True] * 10 and not rises[-11]  # ten higher closes, not eleven
    assert check(checker, text, "2024-08-20").verdict.value == "correct"


def test_a_streak_takes_the_direction_of_a_separable_verb_around_it():
    _, record = one_record("Allianz-Aktien gaben am Donnerstag den dritten Tag in Folge nach.",
                           "2022-05-06")  # fmt: skip
    assert (record.record_of, record.record_count, record.direction, iso(record.end)) == (
        "streak", 3, "down", "2022-05-05",
    )  # fmt: skip


def test_a_streak_after_a_possessive():
    _, record = one_record(
        "ASML shares rose 3% on Thursday, the Dutch chip equipment maker's second straight gain.",
        "2024-03-08",
    )
    assert (record.record_of, record.record_count, record.direction, record.ticker) == (
        "streak", 2, "up", "ASML.AS",
    )  # fmt: skip


def test_a_streak_nacheinander():
    _, record = one_record(
        "BASF gab am Dienstag 6 Prozent nach und fiel damit den neunten Handelstag nacheinander.",
        "2022-03-01",
    )
    assert (record.record_of, record.record_count, record.direction) == ("streak", 9, "down")


@pytest.mark.parametrize(
    "text, count, direction",
    [
        ("Nvidia slipped 1.1% on Friday, its fifth loss in a row.", 5, "down"),
        ("Apple rose 2% on Friday. Friday's gain was the iPhone maker's fourth in a row.", 4,
         "up"),
        ("Nvidia sank 6.7% on Friday, extending a three-session slide.", 3, "down"),
    ],
)  # fmt: skip
def test_english_streaks_in_a_row_and_slides(text, count, direction):
    record = [c for c in records(text, "2024-06-22")[1] if c.record_of == "streak"][-1]
    assert (record.record_count, record.direction) == (count, direction)


def test_a_superlative_without_noun_takes_the_move_before_it():
    _, found = records("Nvidia fell 6.7% on Monday. Monday's decline was its steepest since "
                       "April 19.", "2024-06-24")  # fmt: skip
    (record,) = found
    assert (record.record_of, record.direction, iso(record.record_since)) == (
        "move", "down", "2024-04-19",
    )  # fmt: skip


def test_a_streak_in_the_next_sentence_takes_the_day_before():
    text = "Die SAP-Aktie stieg am Mittwoch um 3 Prozent. Das war der dritte Gewinntag in Folge."
    _, record = one_record(text, "2024-09-12")
    assert (record.record_count, record.direction, iso(record.end)) == (3, "up", "2024-09-11")


def test_der_herbste_rueckschlag_is_a_move_record():
    _, record = one_record(
        "Die SAP-Aktie fiel am Mittwoch um 5 Prozent, der herbste Rückschlag seit März 2022.",
        "2024-09-12",
    )
    assert (record.record_of, record.direction, iso(record.record_since)) == (
        "move", "down", "2022-03-31",
    )  # fmt: skip


def test_a_snapped_streak_ends_the_session_before():
    article, record = one_record(
        "Nvidia rose 3% on Wednesday, snapping a three-day losing streak.", "2024-06-20"
    )
    move = article.claims[0]
    assert (record.record_of, record.direction, record.record_count) == ("streak", "down", 3)
    assert record.attached_to is None and record.end == move.end - dt.timedelta(days=1)


def test_record_closes_in_a_row_are_a_record_streak():
    _, record = one_record(
        "Apple rose 1% on Thursday and closed at a record high for the fifth straight day.",
        "2024-06-20",
    )
    assert (record.record_of, record.record_count, record.direction) == ("record_streak", 5, "up")
    assert record.record_since is None and record.basis_cue == "close"


def test_first_crossings_take_the_mark_as_magnitude():
    _, record = one_record(
        "Am Dienstag schloss der Dax erstmals seit Juni 2024 über 20.000 Punkten.", "2024-12-04"
    )
    assert (record.record_of, record.direction, record.magnitude) == ("threshold", "up", 20000.0)
    assert (record.unit, iso(record.record_since), record.basis_cue) == (
        "points",
        "2024-06-30",
        "close",
    )
    # the span runs from the verb the crossing qualifies; only the record's own words are kept
    # from the numbers' horizon cues
    assert record.text == "schloss der Dax erstmals seit Juni 2024"
    _, record = one_record(
        "Nvidia shares dropped 6% on Monday and closed under $100 for the first time since "
        "September 2023.",
        "2024-08-06",
    )
    assert (record.direction, record.magnitude, record.currency) == ("down", 100.0, "USD")


def test_a_window_extreme_states_its_level_and_replaces_the_number_claim():
    article, record = one_record(
        "Das Jahrestief des Dax liegt bei 16.345,02 Punkten.", "2024-06-14"
    )
    assert article.claims == (record,)  # the number is the record's, not a close of its own
    assert (record.record_of, record.direction, record.magnitude) == (
        "window_extreme",
        "down",
        16345.02,
    )
    assert (record.precision, iso(record.record_since), record.basis_cue) == (
        2,
        "2023-12-31",
        "extreme",
    )
    _, record = one_record("The S&P 500's intraday low of 2022 was 3,491.58.", "2022-11-01")
    assert (record.record_of, record.magnitude, iso(record.record_since)) == (
        "window_extreme",
        3491.58,
        "2021-12-31",
    )


def test_an_earlier_record_referred_to_is_no_claim():
    _, found = records(
        "The Nasdaq 100 rose 1% on Tuesday but is still 20% below its March record high.",
        "2024-06-20",
    )
    assert found == []
    _, found = records(
        "Der Dax liegt mit 18.000 Punkten 5 Prozent unter dem bisherigen Rekordhoch.", "2024-06-20"
    )
    assert found == []


def test_from_a_low_is_the_session_before_the_move():
    article, record = one_record("On Tuesday the DAX bounced 2% from a 15-month low.", "2024-06-20")
    move = article.claims[0]
    assert (record.record_of, record.direction, record.attached_to) == ("level", "down", None)
    assert record.end == move.end - dt.timedelta(days=1)


def test_the_current_record_ends_before_publication():
    _, record = one_record(
        "At 17%, the current closing record for a single-day loss belongs to Nvidia.", "2025-03-20"
    )
    assert (record.record_of, record.direction, record.basis_cue) == ("move", "down", "close")
    assert (record.record_since, iso(record.record_until)) == (None, "2025-03-19")


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia was the biggest decliner in the index, down 3%.",
        "Die Aktie notierte zuletzt 2 Prozent höher als am Vortag.",
        "Apple's highest-selling product grew 5% in 2023.",
        "Die Inflation stieg auf 8 Prozent, die höchste Inflation seit 1981.",
        # a company figure's record is not a price record
        "Apple steigerte den Umsatz um 5 Prozent auf ein Rekordniveau von 120 Milliarden Dollar.",
        "Apple's revenue hit a record high of $120 billion in the quarter, up 5%.",
        # no figure and no company: not a market record
        "Die Zahl der Beschäftigten erreichte mit 50.000 einen Höchststand seit 2019.",
    ],
)
def test_no_record(text):
    assert records(text, "2024-06-20")[1] == []


# ---- window phrases ---------------------------------------------------------------------------
PUB = D(2024, 6, 20)


@pytest.mark.parametrize(
    "phrase, since, anchor, relative, all_time",
    [
        (" since 2019", D(2019, 12, 31), False, None, False),
        (" since December", D(2023, 12, 31), False, None, False),
        (" seit Mai", D(2024, 5, 31), False, None, False),
        (" seit Juni", D(2023, 6, 30), False, None, False),  # June 2024 has not ended
        (" seit Mitte März 2022", D(2022, 3, 20), False, None, False),
        (" since late 2021", D(2021, 12, 31), False, None, False),
        (" since early 2021", D(2021, 4, 30), False, None, False),
        (" since the summer", D(2023, 8, 31), False, None, False),
        (" since Feb. 21", D(2024, 2, 21), True, None, False),
        (" since 3 March 2022", D(2022, 3, 3), True, None, False),
        (" seit dem 14.06.2023", D(2023, 6, 14), True, None, False),
        (" since last year", D(2023, 12, 31), False, None, False),
        (" in more than a decade", None, False, (10, "year"), False),
        (" in nearly six months", None, False, (5.5, "month"), False),
        (" seit sechs Wochen", None, False, (5.5, "week"), False),
        (" of 2022", D(2021, 12, 31), False, None, False),
        (" so far this year", D(2023, 12, 31), False, None, False),
        (" ever", None, False, None, True),
        (" since its IPO", None, False, None, True),
        (" seit dem Börsengang im Juli 2018", D(2018, 6, 30), False, None, False),
    ],
)
def test_window_phrases(phrase, since, anchor, relative, all_time):
    window = window_after(phrase, 0, PUB, gap=False)
    assert window is not None
    assert (window.since, window.anchor, window.relative, window.all_time) == (
        since,
        anchor,
        relative,
        all_time,
    )


def test_a_relative_window_is_counted_back_from_the_session():
    window = window_after(" in almost five years", 0, PUB, gap=False)
    assert since_of(window, D(2024, 6, 20)) == D(2024, 6, 20) - dt.timedelta(
        days=round(4.5 * 365.25)
    )


def test_the_window_may_follow_a_few_words_of_the_clause():
    text = "der beste Börsentag für den Konzern seit Januar 1998"
    assert window_after(text, len("der beste Börsentag"), PUB, gap=True).since == D(1998, 1, 31)
    text = "the biggest drop, which came after 2020"
    assert window_after(text, len("the biggest drop"), PUB, gap=True) is None


# ---- measures on constructed series ---------------------------------------------------------
def _series(values: list[float], start: str = "2024-01-01") -> pd.Series:
    return pd.Series(values, index=pd.bdate_range(start, periods=len(values)), dtype=float)


def test_streak_length_counts_consecutive_moves_in_one_direction():
    closes = _series([10, 9, 8, 9, 8, 7, 6])
    assert measures.streak_length(closes, closes.index[-1], "down") == 3
    assert measures.streak_length(closes, closes.index[3], "up") == 1
    assert measures.streak_length(closes, closes.index[2], "down") == 2
    assert measures.streak_length(closes, closes.index[3], "down") == 0


def test_record_close_streak_counts_closes_above_all_earlier_ones():
    closes = _series([5, 4, 6, 7, 6, 8, 9])
    assert measures.record_close_streak(closes, closes.index[-1]) == 2
    assert measures.record_close_streak(closes, closes.index[3]) == 2
    assert measures.record_close_streak(closes, closes.index[4]) == 0


def test_weekly_moves_are_friday_to_friday():
    closes = _series([100, 101, 102, 103, 104, 110, 111, 112, 113, 99], start="2024-01-01")
    weekly = measures.weekly_moves(closes)  # Fridays 2024-01-05 (104) and 2024-01-12 (99)
    assert list(weekly.index.strftime("%Y-%m-%d")) == ["2024-01-12"]
    assert weekly.iloc[0] == pytest.approx(99 / 104 - 1)
    assert measures.week_of(weekly, pd.Timestamp("2024-01-09")) == pd.Timestamp("2024-01-12")


def test_crossings_extremes_and_ranks_in_a_window():
    values = _series([100, 98, 97, 101, 96, 103])
    idx = values.index
    assert list(measures.crossings(values, 100, "up", idx[0], idx[5])) == [101.0]
    assert list(measures.crossings(values, 100, "up", idx[3], idx[5])) == []
    assert measures.window_extreme(values, idx[0], idx[5], "down") == (idx[4], 96.0)
    assert measures.window_extreme(values, None, idx[2], "up") == (idx[0], 100.0)
    rank = measures.rank_in_window(values, idx[4], idx[0], idx[4], "down")
    assert (rank.rank, rank.sessions) == (1, 4)
    rank = measures.rank_in_window(values, idx[3], None, idx[5], "up")
    assert (rank.rank, rank.larger) == (2, ((idx[5].date().isoformat(), 103.0),))
    rank = measures.rank_in_window(values, idx[1], None, idx[5], "up")
    assert rank.rank == 4 and [v for _, v in rank.larger] == [103.0, 101.0, 100.0]


# ---- verdicts against the fixtures ------------------------------------------------------------
def test_move_record_correct_when_nothing_larger_in_the_window(checker):
    moves = close_moves("NVDA")
    session = pd.Timestamp("2025-01-27")
    window = moves.loc["2024-10-01":"2025-01-27"]
    assert window.idxmin() == session  # the claim is right in the data
    result = check(
        checker,
        "Nvidia shares plunged 17% on Monday, their worst day since September 2024.",
        "2025-01-28",
    )
    assert (result.verdict, iso(result.session), result.basis) == (
        "correct",
        "2025-01-27",
        "close_to_close",
    )
    ranks = result.evidence.to_dict()["ranks"]["close_to_close"]
    assert (ranks["rank"], ranks["sessions"]) == (1, len(window))


def test_move_record_false_names_the_larger_move(checker):
    moves = close_moves("NVDA")
    window = moves.loc["2023-05-01":"2024-09-03"]
    larger = window[window <= window.loc["2024-09-03"]].drop(pd.Timestamp("2024-09-03"))
    assert list(larger.index.strftime("%Y-%m-%d")) == ["2024-04-19"]
    result = check(
        checker,
        "Nvidia sank 9.5% on Tuesday, its steepest single-day decline since April 2023.",
        "2024-09-04",
    )
    assert result.verdict == "false"
    assert (
        "2024-04-19" in result.explanation and f"{100 * larger.iloc[0]:+.2f}%" in result.explanation
    )


def test_a_window_before_the_data_cannot_be_told_unless_contradicted(checker):
    moves = close_moves("NVDA")
    assert moves.loc[:"2025-01-27"].idxmin() == pd.Timestamp("2025-01-27")
    assert fixture_frame("NVDA").index[0] > pd.Timestamp("2020-03-31")
    result = check(
        checker,
        "Nvidia shares plunged 17% on Monday, their biggest one-day drop since March 2020.",
        "2025-01-28",
    )
    assert result.verdict == "insufficient_data"
    assert result.evidence.to_dict()["window"]["before_data"] is True
    # an all-time record the data already contradict is false, saying so
    closes = fixture_frame("SAP.DE")["Close"]
    assert closes.loc[:"2022-06-16"].max() > closes.loc["2022-06-17"]
    result = check(
        checker, "Die SAP-Aktie stieg am Freitag um 1 Prozent auf ein Rekordhoch.", "2022-06-18"
    )
    assert result.verdict == "false" and "even within the data" in result.explanation


def test_anchor_day_must_be_at_least_as_large(checker):
    moves = close_moves("NVDA")
    session, anchor = pd.Timestamp("2024-02-22"), pd.Timestamp("2023-05-25")
    between = moves.loc[anchor + pd.Timedelta(days=1) : session].drop(session)
    assert moves.loc[anchor] >= moves.loc[session] > between.max()
    result = check(
        checker,
        "Nvidia jumped 16.4% on Thursday, its biggest gain since May 25, 2023, when the stock "
        "soared 24%.",
        "2024-02-23",
    )
    assert (result.verdict, iso(result.session)) == ("correct", "2024-02-22")
    assert result.evidence.to_dict()["window"]["anchor_holds"] is True
    # since Feb. 23, 2023: the May 25 jump lies inside the window and is larger
    result = check(
        checker,
        "Nvidia jumped 16.4% on Thursday, its biggest gain since Feb. 23, 2023.",
        "2024-02-23",
    )
    assert result.verdict == "false" and "2023-05-25" in result.explanation


def test_first_crossing(checker):
    closes = fixture_frame("^GDAXI")["Close"]
    crossed = closes.loc["2024-07-01":"2024-12-04"]
    crossed = crossed[crossed > 20000]
    assert iso(crossed.index[0].date()) == "2024-12-03"
    result = check(
        checker,
        "Am Dienstag schloss der Dax erstmals seit Juni 2024 über 20.000 Punkten.",
        "2024-12-04",
    )
    assert (result.verdict, iso(result.session)) == ("correct", "2024-12-03")
    result = check(
        checker,
        "Am Mittwoch schloss der Dax erstmals seit Juni 2024 über 20.000 Punkten.",
        "2024-12-05",
    )
    assert (result.verdict, iso(result.session)) == ("false", "2024-12-04")
    assert "2024-12-03" in result.explanation


def test_window_extreme_equals_the_stated_level(checker):
    lows = fixture_frame("^GDAXI")["Low"].loc["2024-01-01":"2024-06-14"]
    level = f"{lows.min():,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    result = check(checker, f"Das Jahrestief des Dax liegt bei {level} Punkten.", "2024-06-14")
    assert (result.verdict, result.realized) == ("correct", pytest.approx(lows.min()))
    highs = fixture_frame("^GDAXI")["High"].loc["2024-01-01":"2024-06-14"]
    result = check(checker, "Das Jahreshoch des Dax liegt bei 17.000 Punkten.", "2024-06-14")
    assert result.verdict == "false" and f"{highs.max():,.2f}" in result.explanation


def test_streak_verdicts(checker):
    closes = fixture_frame("MSFT")["Close"].loc[:"2024-01-05"]
    down = (closes.diff() < 0).iloc[::-1]
    count = int(down.cumprod().sum())
    assert count == 4
    result = check(
        checker,
        "Microsoft fell 1.1% on Friday, its fourth straight session of losses.",
        "2024-01-06",
    )
    assert (result.verdict, iso(result.session)) == ("correct", "2024-01-05")
    result = check(
        checker,
        "Microsoft fell 1.1% on Friday, its third straight session of losses.",
        "2024-01-06",
    )
    assert result.verdict == "false" and "4 consecutive lower closes" in result.explanation


def test_record_streak_relative_to_the_data(checker):
    closes = fixture_frame("AAPL")["Close"].loc[:"2024-07-05"]
    records = (closes > closes.cummax().shift(1)).iloc[::-1]
    assert int(records.cumprod().sum()) == 4
    text = "Apple rose 2.2% on Friday and closed at a record high for the {} straight day."
    result = check(checker, text.format("fourth"), "2024-07-06")
    assert result.verdict == "insufficient_data"  # records of the data, not known to be all-time
    result = check(checker, text.format("fifth"), "2024-07-06")
    assert result.verdict == "false"


def test_level_record_on_closes(checker):
    closes = fixture_frame("^GDAXI")["Close"]
    window = closes.loc["2022-03-01":"2022-09-29"]
    assert window.idxmin() == pd.Timestamp("2022-09-29")
    text = "Der Dax fiel am Donnerstag um 1,7 Prozent und schloss auf dem tiefsten Stand seit {}."
    result = check(checker, text.format("Februar 2022"), "2022-09-30")
    assert (result.verdict, result.basis) == ("correct", "close_level")
    assert result.evidence.to_dict()["sessions"] == len(window)
    result = check(checker, text.format("November 2020"), "2022-09-30")
    assert result.verdict == "insufficient_data"


def test_weekly_record_friday_to_friday(checker):
    weekly = fixture_frame("^GSPC")["Close"].resample("W-FRI").last().pct_change()
    window = weekly.loc["2022-04-01":"2023-11-03"]
    rank = int((window >= window.loc["2023-11-03"]).sum())
    result = check(
        checker,
        "The S&P 500 gained 5.9% this week, its biggest weekly gain since March 2022.",
        "2023-11-04",
    )
    ranks = result.evidence.to_dict()["ranks"]["weekly_close"]
    assert (ranks["rank"], ranks["sessions"]) == (rank, len(window))
    assert result.verdict == ("correct" if rank == 1 else "false")


def test_a_month_only_date_judges_every_session_and_says_which(checker):
    closes = fixture_frame("^GDAXI")["Close"]
    first = next(
        s for s in closes.loc["2024-05"].index if closes[s] >= closes.loc["2022-02-01":s].max()
    )
    result = check(
        checker, "Der Dax stieg im Mai auf den höchsten Stand seit Januar 2022.", "2024-05"
    )
    assert (result.verdict, result.session) == ("correct", first.date())
    assert "sessions the text allows" in result.explanation


def test_published_date_unknown_keeps_dated_windows():
    published = Published(None, None, "unknown", "none")
    article = extract_article("Nvidia fell 5%, its worst day since April 2024.", published)
    record = next(c for c in article.claims if c.kind == "record")
    assert iso(record.record_since) == "2024-04-30"


def test_contradicted_only_just_after_the_named_month_is_mostly_correct(checker):
    closes = fixture_frame("^GDAXI")["Close"]
    session = pd.Timestamp("2023-07-06")
    window = closes.loc["2023-04-01":"2023-07-05"]
    lower = window[window <= closes.loc[session]]
    assert list(lower.index.strftime("%Y-%m-%d")) == ["2023-04-05"]  # days after March
    move = 100 * (closes.loc[session] / closes.loc[:session].iloc[-2] - 1)
    size = f"{abs(move):.1f}".replace(".", ",")
    text = (
        f"Der Dax fiel am Donnerstag um {size} Prozent und schloss auf dem tiefsten Stand "
        "seit März 2023."
    )
    result = check(checker, text, "2023-07-07")
    assert (result.verdict, iso(result.session)) == ("mostly_correct", "2023-07-06")
    assert "2023-04-05" in result.explanation
