"""Record phrasings common in news in both languages: a record next to a market-value clause,
windows that start at a named event, German negated comparatives, record adjectives before a
level, and streaks of weeks and months. Sentences written for these tests; verdicts against
values computed here with plain pandas from the fixture files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import checked_record as check
from conftest import close_moves, fixture_frame, iso
from conftest import only_record as one_record
from conftest import record_claims as records

from impact.claims import extract_article
from impact.claims.record_windows import window_after

D = dt.date


# ---- a record next to a market-value clause ---------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker, words, of, direction",
    [
        ("Nvidia shares surged 24% on Thursday to close at a record high, adding about $184 "
         "billion to its market value.", "2023-05-25", "NVDA", "record high", "level", "up"),
        ("Microsoft shares slid nearly 10% on Thursday, wiping out about $357 billion in market "
         "value, the stock's steepest drop since March 2020.", "2026-01-29", "MSFT",
         "steepest drop since March 2020", "move", "down"),
        ("Apple shares jumped 8% on Friday to close at a record high, adding about $250 billion "
         "to its market value.", "2025-01-25", "AAPL", "record high", "level", "up"),
        ("Alphabet shares rose 4%, adding $80 billion in market value, the stock's biggest gain "
         "since April 2024.", "2025-01-28", "GOOGL", "biggest gain since April 2024", "move",
         "up"),
        ("Die SAP-Aktie stieg am Freitag um 5 Prozent und schloss auf einem Rekordhoch, der "
         "Börsenwert wuchs um 15 Milliarden Euro.", "2025-01-25", "SAP.DE", "Rekordhoch",
         "level", "up"),
    ],
)  # fmt: skip
def test_a_price_record_next_to_a_market_value(text, published, ticker, words, of, direction):
    record = one_record(text, published)
    assert (record.ticker, record.text, record.record_of, record.direction) == (
        ticker,
        words,
        of,
        direction,
    )


def test_a_record_of_the_market_value_itself_stays_out():
    text = (
        "Nvidia shares fell 17% on Monday, wiping out $589 billion in market value, the biggest "
        "one-day loss for any company in U.S. history."
    )
    assert records(text, "2025-01-28") == []


def test_market_value_clause_verdicts(checker):
    closes = fixture_frame("NVDA")["Close"]
    session = pd.Timestamp("2023-05-25")
    assert closes.loc[session] > closes.loc[: session - pd.Timedelta(days=1)].max()
    result = check(
        checker,
        "Nvidia shares surged 24% on Thursday to close at a record high, adding about $184 "
        "billion to its market value.",
        "2023-05-25",
    )
    # the highest close of the data, but an all-time record reaches back before the data
    assert (result.verdict, iso(result.session)) == ("insufficient_data", "2023-05-25")
    moves = close_moves("MSFT")
    session = pd.Timestamp("2026-01-29")
    assert moves.loc[:session].idxmin() == session
    assert fixture_frame("MSFT").index[0] > pd.Timestamp("2020-03-31")
    result = check(
        checker,
        "Microsoft shares slid nearly 10% on Thursday, wiping out about $357 billion in market "
        "value, the stock's steepest drop since March 2020.",
        "2026-01-29",
    )
    assert (result.verdict, iso(result.session)) == ("insufficient_data", "2026-01-29")


# ---- a window that starts at a named event ----------------------------------------------------
@pytest.mark.parametrize(
    "phrase, since, anchor",
    [
        (" since the 2008 global financial crisis", D(2009, 3, 31), False),
        (" seit der Finanzkrise", D(2009, 3, 31), False),
        (" since the dot-com crash", D(2002, 10, 31), False),
        (" seit der Dotcom-Blase", D(2000, 3, 31), False),
        (" since the 2020 pandemic selloff", D(2020, 3, 31), False),
        (" seit der Eurokrise", D(2012, 7, 31), False),
        # not dated here: the year written, else a start not known
        (" seit der Asienkrise 1997", D(1997, 12, 31), False),
        (" since the 1987 crash", D(1987, 12, 31), False),
        (" seit der Ölkrise", None, True),
        (" since the taper tantrum crisis", None, True),
    ],
)
def test_named_event_windows(phrase, since, anchor):
    window = window_after(phrase, 0, D(2025, 4, 8), gap=False)
    assert window is not None
    assert (window.since, window.anchor, window.all_time) == (since, anchor, False)


@pytest.mark.parametrize(
    "text, published, ticker, since",
    [
        ("The Hang Seng Index plunged 9.4 per cent to 20,926.79 on Tuesday, its worst day since "
         "the 2008 global financial crisis.", "2024-10-08", "^HSI", "2009-03-31"),
        ("Der Hang Seng brach am Montag um mehr als 13 Prozent ein. Es war der stärkste "
         "Tagesverlust seit der Asienkrise 1997.", "2025-04-07", "^HSI", "1997-12-31"),
        ("Der Dax fiel am Freitag um 1,4 Prozent, der größte Tagesverlust seit der Eurokrise.",
         "2024-06-15", "^GDAXI", "2012-07-31"),
        ("The Nasdaq 100 fell 6% on Friday, its worst day since the COVID-19 pandemic.",
         "2025-04-05", "^NDX", "2020-03-31"),
    ],
)  # fmt: skip
def test_named_event_records(text, published, ticker, since):
    record = one_record(text, published)
    assert (record.ticker, record.direction, record.record_of, iso(record.record_since)) == (
        ticker,
        "down",
        "move",
        since,
    )


def test_named_event_verdicts(checker):
    moves = close_moves("^HSI")
    session = pd.Timestamp("2024-10-08")
    assert moves.loc[:session].idxmin() == session  # the largest drop of the data
    assert fixture_frame("^HSI").index[0] > pd.Timestamp("2009-03-31")
    result = check(
        checker,
        "The Hang Seng Index plunged 9.4 per cent to 20,926.79 on Tuesday, its worst day since "
        "the 2008 global financial crisis.",
        "2024-10-08",
    )
    assert result.verdict == "insufficient_data" and "2009-03-31" in result.explanation
    # the data already hold larger drops than the session's: false whatever came before
    moves = close_moves("^GDAXI")
    session = pd.Timestamp("2024-06-14")
    larger = moves.loc[:session][moves.loc[:session] < moves.loc[session]]
    assert not larger.empty
    result = check(
        checker,
        "Der Dax fiel am Freitag um 1,4 Prozent, der größte Tagesverlust seit der Eurokrise.",
        "2024-06-15",
    )
    assert result.verdict == "false"
    assert larger.idxmin().date().isoformat() in result.explanation
    # an event not dated here: cannot say, and the reason names it
    result = check(
        checker,
        "Der Dax fiel am Freitag um 1,4 Prozent, der größte Tagesverlust seit der Ölkrise.",
        "2024-06-15",
    )
    assert result.verdict == "insufficient_data" and "not known here" in result.explanation


# ---- negated comparatives: "so stark ... seit März 2020 nicht mehr" -------------------------
@pytest.mark.parametrize(
    "text, published, ticker, of, direction, since",
    [
        ("Infineon-Papiere haussierten am Dienstag um fast 13 Prozent – so stark waren sie seit "
         "März 2020 nicht mehr gestiegen.", "2024-05-07", "IFX.DE", "move", "up", "2020-03-31"),
        ("Die SAP-Aktie verlor am Montag 6 Prozent. So heftig war sie seit Oktober 2020 nicht "
         "mehr eingebrochen.", "2024-06-20", "SAP.DE", "move", "down", "2020-10-31"),
        ("Der Dax fiel am Montag um 2 Prozent auf 17.500 Punkte, so tief stand er seit Januar "
         "nicht mehr.", "2024-06-20", "^GDAXI", "level", "down", "2024-01-31"),
        ("Nvidia jumped 9% on Friday; the stock hadn't risen that much in a single day since "
         "March 2020.", "2024-06-20", "NVDA", "move", "up", "2020-03-31"),
        ("Apple shares fell 5% on Monday and have not fallen this sharply since September 2022.",
         "2024-06-20", "AAPL", "move", "down", "2022-09-30"),
        ("The Dax rose 2% on Friday and hasn't been this high since March 2020.", "2024-06-20",
         "^GDAXI", "level", "up", "2020-03-31"),
        # a move noun in a sentence of its own: its direction is the noun's
        ("Die BASF-Aktie verlor am Montag 7 Prozent. Einen so starken Kursrückgang hatte es "
         "seit Juni 2020 nicht mehr gegeben.", "2024-06-20", "BAS.DE", "move", "down",
         "2020-06-30"),
        ("Die BASF-Aktie gewann am Montag 7 Prozent. Einen so kräftigen Kurssprung gab es seit "
         "Juni 2020 nicht mehr.", "2024-06-20", "BAS.DE", "move", "up", "2020-06-30"),
        ("Die BASF-Aktie verlor am Montag 7 Prozent. Einen so hohen Tagesverlust hatten die "
         "Papiere seit Juni 2020 nicht mehr verbucht.", "2024-06-20", "BAS.DE", "move", "down",
         "2020-06-30"),
        # a comparative, and a negation without "mehr"
        ("Die BASF-Aktie verlor am Montag 7 Prozent. Einen größeren Tagesverlust hatte das "
         "Papier seit Juni 2020 nicht erlitten.", "2024-06-20", "BAS.DE", "move", "down",
         "2020-06-30"),
        ("Die BASF-Aktie verlor am Montag 7 Prozent. Ein so hoher Tagesverlust war seit Juni "
         "2020 nicht vorgekommen.", "2024-06-20", "BAS.DE", "move", "down", "2020-06-30"),
        ("Die BASF-Aktie stieg am Montag auf 60 Euro. Einen höheren Kurs hatte das Papier seit "
         "2021 nicht.", "2024-06-20", "BAS.DE", "level", "up", "2021-12-31"),
        # a comparative before "zuletzt": after the period named
        ("Die BASF-Aktie fiel am Montag auf 40 Euro. Niedriger hatte das Papier zuletzt im "
         "April 2021 geschlossen.", "2024-06-20", "BAS.DE", "level", "down", "2021-04-30"),
        ("Der Dax schloss am Montag 3 Prozent schwächer. Einen heftigeren Tagesverlust hatte der "
         "Leitindex zuletzt im Dezember 2022 erlitten.", "2024-06-20", "^GDAXI", "move", "down",
         "2022-12-31"),
        ("Die SAP-Aktie stieg am Montag um 8 Prozent. Einen größeren Tagessprung hatte der Titel "
         "zuletzt im März 2020 hingelegt.", "2024-06-20", "SAP.DE", "move", "up", "2020-03-31"),
        # this year so far
        ("Der Dax sackte am Montag um 4 Prozent ab – ein so kräftiges Minus hatte es im "
         "gesamten bisherigen Jahresverlauf nicht gegeben.", "2024-06-20", "^GDAXI", "move",
         "down", "2023-12-31"),
        # many words between the comparative and the window
        ("Die BASF-Aktie stieg am Montag um 8 Prozent. Einen kräftigeren Tagesgewinn hatten "
         "Anleger des Ludwigshafener Konzerns seit März 2020 nicht gesehen.", "2024-06-20",
         "BAS.DE", "move", "up", "2020-03-31"),
        # never before: all time
        ("Die SAP-Aktie stieg am Montag auf 200 Euro, so teuer war sie nie zuvor.", "2024-06-20",
         "SAP.DE", "level", "up", None),
        ("Der Dax brach am Montag um 3,5 Prozent ein – so stark war es seit fast genau drei "
         "Jahren nicht mehr abwärtsgegangen.", "2024-06-20", "^GDAXI", "move", "down",
         "2021-12-17"),
    ],
)  # fmt: skip
def test_negated_comparatives(text, published, ticker, of, direction, since):
    record = one_record(text, published)
    assert (record.ticker, record.record_of, record.direction, iso(record.record_since)) == (
        ticker,
        of,
        direction,
        since,
    )


def test_a_negated_comparative_needs_its_negation():
    assert records("So stark ist der Dax seit 2022 gestiegen, um 40 Prozent.", "2024-06-20") == []
    # the window words are the record's: the move keeps its own day
    claims = extract_article(
        "The Dax rose 2% on Friday and hasn't been this high since March 2020.", "2024-06-20"
    ).claims
    move = next(c for c in claims if c.kind == "move")
    assert (move.horizon, iso(move.end)) == ("one_day", "2024-06-14")


def test_negated_comparative_verdicts(checker):
    moves = close_moves("IFX.DE")
    session = pd.Timestamp("2024-05-07")
    window = moves.loc["2020-04-01":session]
    assert window.idxmax() == session  # nothing larger since March 2020
    before = moves.loc[:"2020-03-31"]
    last_larger = before[before >= moves.loc[session]].index[-1]
    assert iso(last_larger.date()) == "2020-03-24"
    result = check(
        checker,
        "Infineon-Papiere haussierten am Dienstag um fast 13 Prozent – so stark waren sie seit "
        "März 2020 nicht mehr gestiegen.",
        "2024-05-07",
    )
    assert (result.verdict, iso(result.session)) == ("correct", "2024-05-07")
    assert "2020-03-24" in result.explanation
    # a smaller jump, where the data since March 2020 hold larger ones: false, naming them
    session = pd.Timestamp("2024-08-15")
    window = moves.loc["2020-04-01":session].drop(session)
    larger = window[window >= moves.loc[session]]
    assert not larger.empty
    result = check(
        checker,
        "Infineon-Papiere sprangen am Donnerstag um 4,2 Prozent nach oben – so stark waren sie "
        "seit März 2020 nicht mehr gestiegen.",
        "2024-08-15",
    )
    assert (result.verdict, iso(result.session)) == ("false", "2024-08-15")
    assert larger.idxmax().date().isoformat() in result.explanation


# ---- "record" as the adjective of a bare level -------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker, level",
    [
        ("The S&P 500 closed at a record 6,173.07 on Friday.", "2025-06-27", "^GSPC", 6173.07),
        ("Apple shares closed at a record $259.02 on Thursday.", "2024-12-13", "AAPL", 259.02),
        ("Microsoft shares rose 1% and ended the day at a record $467.56.", "2024-12-13", "MSFT",
         467.56),
        ("The Dax finished Thursday at a new record 20,426 points.", "2024-12-13", "^GDAXI",
         20426),
    ],
)  # fmt: skip
def test_a_record_before_a_bare_level(text, published, ticker, level):
    claims = extract_article(text, published).claims
    (record,) = [c for c in claims if c.kind == "record"]
    (stated,) = [c for c in claims if c.kind == "level"]
    assert (record.text, record.ticker, record.record_of, record.direction) == (
        "record",
        ticker,
        "level",
        "up",
    )
    assert (record.record_since, stated.magnitude, record.end) == (None, level, stated.end)


@pytest.mark.parametrize(
    "text",
    [
        "Apple's quarterly revenue closed at a record $124.3 billion.",
        "Nvidia shipped a record 3 million GPUs last quarter.",
        "Trading volume hit a record 12 billion shares.",
        # no closing verb: the level only (it may be an intraday print)
        "Microsoft shares rose 1% on Friday at a record $467.56.",
    ],
)
def test_no_record_before_a_bare_level(text):
    assert records(text, "2024-12-13") == []


def test_record_before_a_level_verdicts(checker):
    closes = fixture_frame("^SPX")["Close"]  # the S&P 500's series (^GSPC's ends earlier)
    session = pd.Timestamp("2025-06-27")
    assert round(closes.loc[session], 2) == 6173.07
    assert closes.loc[session] > closes.loc[: session - pd.Timedelta(days=1)].max()
    result = check(checker, "The S&P 500 closed at a record 6,173.07 on Friday.", "2025-06-27")
    # the highest close of the data; an all-time record reaches back before them
    assert (result.verdict, iso(result.session)) == ("insufficient_data", "2025-06-27")
    closes = fixture_frame("^GDAXI")["Close"]
    session = pd.Timestamp("2024-08-05")
    higher = closes.loc[:session].drop(session)
    higher = higher[higher > closes.loc[session]]
    assert not higher.empty
    level = f"{closes.loc[session]:,.0f}"
    result = check(checker, f"The Dax closed at a record {level} points on Monday.", "2024-08-06")
    assert (result.verdict, iso(result.session)) == ("false", "2024-08-05")
    assert "even within the data" in result.explanation


# ---- streaks of weeks and months ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, ticker, of, direction, count",
    [
        ("Der Dax hat im Februar um 3,8 Prozent zugelegt und damit den vierten Monatsgewinn in "
         "Folge verbucht.", "2025-03-03", "^GDAXI", "month_streak", "up", 4),
        ("The S&P 500 rose 1% this week, its fifth straight weekly gain.", "2024-12-07",
         "^GSPC", "week_streak", "up", 5),
        ("Nvidia fell 3% this week, its fourth straight weekly loss.", "2024-12-07", "NVDA",
         "week_streak", "down", 4),
        ("Der Dax gewann in dieser Woche 3,3 Prozent, der sechste Wochengewinn in Folge.",
         "2025-02-15", "^GDAXI", "week_streak", "up", 6),
        ("Die SAP-Aktie verbuchte vier Monatsgewinne in Folge.", "2025-03-03", "SAP.DE",
         "month_streak", "up", 4),
        ("The Nasdaq 100 fell 4% in March, a third consecutive month of losses.", "2025-04-02",
         "^NDX", "month_streak", "down", 3),
        ("Apple shares have risen three consecutive months.", "2025-04-02", "AAPL",
         "month_streak", "up", 3),
        # session streaks as before; a verb gives the direction when no figure does
        ("Apple fell 2% on Friday, a fourth consecutive session of losses.", "2025-03-03",
         "AAPL", "streak", "down", 4),
        ("The Dow fell for a third straight day.", "2025-04-03", "^DJI", "streak", "down", 3),
    ],
)  # fmt: skip
def test_streaks_of_weeks_and_months(text, published, ticker, of, direction, count):
    record = one_record(text, published)
    assert (record.ticker, record.record_of, record.direction, record.record_count) == (
        ticker,
        of,
        direction,
        count,
    )
    assert record.magnitude == count
    assert record.horizon == ("n_sessions" if of == "streak" else "record")


def period_streak(ticker: str, rule: str, last: str, direction: str = "up") -> int:
    """Consecutive higher (lower) period closes ending with the period labelled ``last``."""
    closes = fixture_frame(ticker)["Close"].resample(rule).last().dropna()
    moves = closes.diff().loc[:last].iloc[::-1]
    moved = moves > 0 if direction == "up" else moves < 0
    return int(moved.cumprod().sum())


def test_streak_of_months_verdicts(checker):
    assert period_streak("^GDAXI", "ME", "2025-02-28") == 4
    text = (
        "Der Dax hat im Februar um 3,8 Prozent zugelegt und damit den {} Monatsgewinn in Folge "
        "verbucht."
    )
    result = check(checker, text.format("vierten"), "2025-03-03")
    assert (result.verdict, iso(result.session)) == ("correct", "2025-02-28")
    result = check(checker, text.format("fünften"), "2025-03-03")
    assert result.verdict == "false" and "4 consecutive higher month-end closes" in (
        result.explanation
    )


def test_streak_of_weeks_verdicts(checker):
    assert period_streak("^GSPC", "W-FRI", "2024-12-06") == 3
    text = "The S&P 500 rose 1% this week, its {} straight weekly gain."
    result = check(checker, text.format("third"), "2024-12-07")
    assert (result.verdict, iso(result.session)) == ("correct", "2024-12-06")
    result = check(checker, text.format("fifth"), "2024-12-07")
    assert result.verdict == "false" and "3 consecutive higher weekly" in result.explanation
    assert period_streak("^GDAXI", "W-FRI", "2025-02-14") == 6
    result = check(
        checker,
        "Der Dax gewann in dieser Woche 3,3 Prozent, der sechste Wochengewinn in Folge.",
        "2025-02-15",
    )
    assert (result.verdict, iso(result.session)) == ("correct", "2025-02-14")


def test_as_low_as_last_in_a_month_is_a_record_after_that_month():
    from impact.claims import extract

    text = "Der Dax fiel am Montag auf 17.000 Punkte und damit so tief wie zuletzt im März 2020."
    record = next(c for c in extract(text, "2025-03-06", lang="de") if c.kind == "record")
    assert (record.direction, record.record_since.isoformat()) == ("down", "2020-03-31")


def test_such_a_gain_last_in_a_month_is_a_one_day_record_after_it():
    from impact.claims import extract

    text = (
        "Die Bayer-Aktie stieg am Mittwoch um 9 Prozent. Einen so kräftigen Tagesgewinn hatten "
        "die Papiere zuletzt im November 2020 verbucht."
    )
    record = next(c for c in extract(text, "2025-03-06", lang="de") if c.kind == "record")
    assert (record.direction, record.record_basis) == ("up", "one_day")
    assert record.record_since.isoformat() == "2020-11-30"
    assert record.end.isoformat() == "2025-03-05"  # the Wednesday of the move


@pytest.mark.parametrize(
    "text, basis",
    [
        ("Nvidia rose 9% on Wednesday, a gain last seen in March 2020.", "one_day"),
        ("Nvidia fell 9% on Wednesday, a drop not seen since March 2020.", "one_day"),
        ("Nvidia rose 9% on Wednesday, a level last seen in March 2020.", "level"),
    ],
)
def test_what_was_last_seen_is_the_noun_before_it(text, basis):
    from impact.claims import extract

    record = next(c for c in extract(text, "2025-03-06", lang="en") if c.kind == "record")
    assert (record.record_basis, record.record_since.isoformat()) == (basis, "2020-03-31")


def test_as_dear_as_last_in_a_month_and_closed_so_high():
    from impact.claims import extract

    dear = (
        "Die Siemens-Aktie stieg auf 180 Euro und war damit so teuer wie zuletzt im Februar 2022."
    )
    record = next(c for c in extract(dear, "2025-02-07", lang="de") if c.kind == "record")
    assert (record.direction, record.record_since.isoformat()) == ("up", "2022-02-28")
    closed = "Die Aktie schloss bei 48 Euro – so hoch hatte sie zuletzt Ende Mai geschlossen."
    record = next(c for c in extract(closed, "2025-02-07", lang="de") if c.kind == "record")
    assert (record.closing, record.record_since.isoformat()) == (True, "2024-05-31")
