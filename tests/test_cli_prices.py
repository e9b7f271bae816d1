"""`impact prices` and `impact fetch` as a user runs them (subprocess), errors one line, exit 2."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SHARED, fixture_frame, run_cli


def test_prices_json_matches_shared_csv():
    result = run_cli(
        "prices", "9988.HK", "--start", "2025-02-10", "--end", "2025-02-14", "--offline", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["basis"] == "adjusted" and data["source"] == "fixture" and data["currency"] == "HKD"
    source = SHARED / "market-data" / "9988.HK.csv"
    with open(source if source.exists() else "fixtures/9988.HK.csv") as handle:
        rows = {r["Date"]: float(r["Close"]) for r in csv.DictReader(handle)}
    dates = sorted(rows)
    assert [s["date"] for s in data["sessions"]] == [
        "2025-02-10",
        "2025-02-11",
        "2025-02-12",
        "2025-02-13",
        "2025-02-14",
    ]
    for s in data["sessions"]:
        prev = dates[dates.index(s["date"]) - 1]
        assert s["close"] == rows[s["date"]]
        assert s["return"] == pytest.approx(rows[s["date"]] / rows[prev] - 1, abs=1e-12)


def test_prices_table_and_csv():
    table = run_cli(
        "prices", "9988.HK", "--start", "2025-02-10", "--end", "2025-02-14", "--offline"
    )
    assert table.returncode == 0
    assert "adjusted prices in HKD" in table.stdout and "2025-02-13" in table.stdout
    assert "+2.5483%" in table.stdout  # 116.454414/113.560524 - 1, see the CSV test below
    out = run_cli("prices", "AAPL", "--start", "2025-02-13", "--end", "2025-02-14", "--csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    closes = fixture_frame("AAPL")["Close"]
    assert float(rows[1]["return"]) == pytest.approx(
        closes["2025-02-14"] / closes["2025-02-13"] - 1, abs=1e-12
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["prices", "../x"], "error: ticker '../x' is not a Yahoo symbol"),
        (["prices", "ZZZZ", "--offline"], "error: no prices for ZZZZ"),
        (["prices", "9988.HK", "--start", "2025-13-01"], "error: start '2025-13-01' is not a date"),
        (["prices", "9988.HK", "--start", "2025-02-14", "--end", "2025-02-10"], "is after end"),
        (["prices", "9988.HK", "--data-dir", "/nonexistent"], "is not a folder"),
        (["prices"], "Missing argument 'ticker'"),
    ],
)
def test_errors_are_one_line_exit_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr


def test_fetch_offline_is_refused():
    result = run_cli("fetch", "AAPL")
    assert result.returncode == 2 and "needs the network" in result.stderr
