"""Write tests/data/expected_checks.csv: the golden answer for every seed claim.

The answers never come from impact: each claim below is read by hand (which listing, basis and
sessions the text means, and the verdict the rules of README "How judged" give), and its numbers
are computed here with plain pandas from fixtures/ and fixtures/fundamentals. Run it on purpose,
after reading a change to the rules: python tools/make_expected_checks.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
OUT = ROOT / "tests" / "data" / "expected_checks.csv"
COLUMNS = ("seed", "claim", "text", "ticker", "verdict", "realized", "basis", "session", "why")


def prices(ticker: str) -> pd.DataFrame:
    return pd.read_csv(FIXTURES / f"{ticker}.csv", index_col="Date", parse_dates=True)


def reported() -> dict[tuple[str, str], float]:
    frame = pd.read_csv(FIXTURES / "fundamentals" / "reported_figures.csv")
    return {(r.segment, r.period): float(r.value_millions) for r in frame.itertuples()}


def rows() -> list[dict[str, object]]:
    hk = prices("9988.HK")
    high = 100 * (hk.loc["2025-02-13", "High"] / hk.loc["2025-02-12", "Close"] - 1)
    ytd = 100 * (hk.loc["2025-02-13", "Close"] / hk.loc["2024-12-31", "Close"] - 1)
    feb = 100 * (hk.loc["2025-02-28", "Close"] / hk.loc["2025-01-28", "Close"] - 1)
    f = reported()
    yoy = 100 * (f[("Greater China", "FY2025Q1")] / f[("Greater China", "FY2024Q1")] - 1)
    share = 100 * f[("Greater China", "FY2025Q1")] / f[("Total", "FY2025Q1")]
    return [
        dict(
            seed="000", claim=0, text="9,1 Prozent", ticker="9988.HK", verdict="misleading",
            realized=high, basis="intraday_high", session="2025-02-13",
            why="the close-to-close move is far from 9.1; the intraday high is inside the vendor "
            "band, on another basis than the wording implies",
        ),
        dict(
            seed="000", claim=1, text="größten Anstieg an einem Tag seit 2022", ticker="9988.HK",
            verdict="false", realized="", basis="intraday_high", session="2025-02-13",
            why="larger intraday rises since 2022-01-01 (March 2022)",
        ),
        dict(
            seed="003", claim=0, text="40 Prozent", ticker="9988.HK", verdict="correct",
            realized=ytd, basis="period_close", session="2025-02-13",
            why="year to date from the 2024-12-31 close; the first February session above 40%",
        ),
        dict(
            seed="003", claim=1, text="17 Prozent", ticker="9988.HK", verdict="false",
            realized=feb, basis="period_close", session="2025-02-28",
            why="February from the 2025-01-28 close (Lunar New Year): never near 17% on any "
            "session, nor on the ADR",
        ),
        dict(
            seed="003", claim=2, text="11 Prozent", ticker="AAPL", verdict="correct",
            realized=yoy, basis="reported", session="2024-12-28",
            why="Greater China net sales FY2025Q1 against FY2024Q1",
        ),
        dict(
            seed="003", claim=3, text="18,5 Milliarden Dollar", ticker="AAPL", verdict="correct",
            realized=f[("Greater China", "FY2025Q1")] / 1e3, basis="reported",
            session="2024-12-28", why="Greater China net sales FY2025Q1 in billions of USD",
        ),
        dict(
            seed="003", claim=4, text="15 Prozent", ticker="AAPL", verdict="correct",
            realized=share, basis="reported", session="2024-12-28",
            why="Greater China over total net sales, FY2025Q1; 'etwa' allows ±3%",
        ),
        dict(
            seed="004", claim=0, text="591 %", ticker="", verdict="unverifiable", realized="",
            basis="", session="", why="Canalys shipments: no data source",
        ),
    ]  # fmt: skip


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows():
            value = row["realized"]
            writer.writerow({**row, "realized": repr(float(value)) if value != "" else ""})
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
