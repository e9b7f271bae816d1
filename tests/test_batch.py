"""Many articles: the per-article function, worker processes, the bounded price book and the
claim rows files (expected prices read from the fixture files with plain pandas)."""

from __future__ import annotations

import datetime as dt
import json
import os

import pandas as pd
import pytest
from conftest import FIXTURES, REPO, SEEDS, fixture_frame

from impact.batch import (
    ROW_COLUMNS,
    BatchOptions,
    BatchSummary,
    BoundedPriceBook,
    FileMemo,
    check_item,
    make_checker,
    run_check,
)
from impact.config import Settings
from impact.errors import ForeignFileError
from impact.render.rows import RowWriter
from impact.sources import iter_sources

DATA = REPO / "tests" / "data" / "sources"


@pytest.fixture
def options(offline_settings: Settings) -> BatchOptions:
    return BatchOptions(settings=offline_settings)


def _move(ticker: str, session: str) -> float:
    close = fixture_frame(ticker)["Close"]
    at = close.index.get_loc(pd.Timestamp(session))
    return 100 * (close.iloc[at] / close.iloc[at - 1] - 1)


def test_the_page_time_decides_the_session(options):
    """Published after the Hong Kong close: that day's session; before the open: the day before."""
    items = iter_sources([str(DATA / "alibaba_evening.html"), str(DATA / "alibaba_morning.html")])
    evening, morning = run_check(items, options)
    rows = {(o.path.split("/")[-1], r["ticker"]): r for o in (evening, morning) for r in o.rows}
    late, early = rows["alibaba_evening.html", "9988.HK"], rows["alibaba_morning.html", "9988.HK"]
    assert (late["session"], early["session"]) == ("2025-02-14", "2025-02-13")
    assert late["realized"] == pytest.approx(_move("9988.HK", "2025-02-14"), abs=1e-9)
    assert early["realized"] == pytest.approx(_move("9988.HK", "2025-02-13"), abs=1e-9)
    assert late["verdict"] == "correct" and early["verdict"] == "false"  # 6.3 % claimed
    assert late["published_time"] == "2025-02-14T17:30:00+08:00"
    assert "JSON-LD" in late["published_how"] and late["article_title"].startswith("Alibaba")
    assert late["article_url"].endswith("/2025/02/14/alibaba-shares-jump")
    hsi = rows["alibaba_evening.html", "^HSI"]
    assert hsi["realized"] == pytest.approx(_move("^HSI", "2025-02-14"), abs=1e-9)


def test_rows_columns_and_summary(options):
    summary = BatchSummary()
    outcomes = list(
        run_check(iter_sources([str(DATA), str(SEEDS)]), options, on_outcome=summary.add)
    )
    assert [o.index for o in outcomes] == list(range(15))
    assert all(list(r) == list(ROW_COLUMNS) for o in outcomes for r in o.rows)
    assert summary.articles == 15 and summary.failed == 2
    assert dict(summary.problems) == {"no_text": 2}
    assert summary.without_claims == 2  # seeds 001 and 002 name no market figure
    assert summary.claims == sum(len(o.rows) for o in outcomes)
    assert sum(summary.verdicts.values()) == summary.claims
    seeds = [r["verdict"] for o in outcomes if "seeds" in o.path for r in o.rows]
    assert seeds == [  # as `impact check seeds/` (tests/test_cli_check.py)
        "misleading", "false", "correct", "false", "correct", "correct", "correct", "unverifiable",
    ]  # fmt: skip


def test_workers_give_the_serial_rows_in_order(options):
    inputs = [str(DATA), str(SEEDS)]
    serial = list(run_check(iter_sources(inputs), options))
    pooled = list(run_check(iter_sources(inputs), options, workers=2, chunk=2))
    assert [(o.index, o.path, o.rows, o.problem) for o in pooled] == [
        (o.index, o.path, o.rows, o.problem) for o in serial
    ]


def test_a_failing_article_is_its_own_problem(options, monkeypatch):
    checker = make_checker(options)
    real = checker.check_article

    def flaky(path, extracted):
        if "000_" in path:
            raise RuntimeError("boom")
        return real(path, extracted)

    monkeypatch.setattr(checker, "check_article", flaky)
    items = list(iter_sources([str(SEEDS)]))
    outcomes = [check_item(n, item, checker, options) for n, item in enumerate(items)]
    assert outcomes[0].problem == ("internal_error", "RuntimeError: boom")
    assert outcomes[3].problem is None and outcomes[3].rows


def test_bounded_book_gives_the_plain_books_series(offline_settings):
    from impact.verdicts.window import PriceBook

    plain, bounded = PriceBook(offline_settings), BoundedPriceBook(offline_settings, size=2)
    ranges = [("9988.HK", "2024-01-02", "2025-02-20"), ("^HSI", "2024-03-01", "2025-01-10"),
              ("AAPL", "2023-06-01", "2024-06-01"), ("9988.HK", "2024-01-02", "2025-02-20")]  # fmt: skip
    for ticker, lo, hi in ranges:
        a = plain.load(ticker, dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
        b = bounded.load(ticker, dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))
        pd.testing.assert_frame_equal(a.prices, b.prices)
        assert (a.source, a.origin, a.notes) == (b.source, b.origin, b.notes)
        assert len(bounded._loaded) <= 2


def test_file_memo_reads_each_file_once_and_again_when_changed(tmp_path):
    memo, path = FileMemo(size=1), tmp_path / "X.csv"
    path.write_text((FIXTURES / "AAPL.csv").read_text())
    first = memo.read(path)
    assert memo.read(path) is first
    os.utime(path, ns=(1, 1))  # changed (its modification time): read again
    assert memo.read(path) is not first


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_rows_files_load_with_pandas(options, tmp_path, suffix):
    outcomes = list(run_check(iter_sources([str(DATA)]), options))
    rows = [r for o in outcomes for r in o.rows]
    target = tmp_path / f"rows{suffix}"
    with RowWriter(target, ROW_COLUMNS) as writer:
        for o in outcomes:
            writer.write(o.rows)
    if suffix == ".jsonl":
        frame = pd.read_json(target, lines=True, dtype=False)
    elif suffix == ".csv":
        frame = pd.read_csv(target, keep_default_na=False, na_values=[""])
    else:
        frame = pd.read_parquet(target)
    assert list(frame.columns) == list(ROW_COLUMNS) and len(frame) == len(rows) == 11
    assert frame["ticker"].tolist() == [r["ticker"] for r in rows]
    assert frame["realized"].tolist() == pytest.approx([r["realized"] for r in rows])
    assert json.loads(frame["evidence"].iloc[0]) == json.loads(rows[0]["evidence"])


def test_rows_writer_refuses_foreign_files_and_keeps_the_old_file_on_error(tmp_path):
    foreign = tmp_path / "mine.csv"
    foreign.write_text("a,b\n1,2\n")
    with pytest.raises(ForeignFileError):
        RowWriter(foreign, ROW_COLUMNS)
    ours = tmp_path / "rows.jsonl"
    with RowWriter(ours, ROW_COLUMNS) as writer:
        writer.write([{"article_id": "x", "verdict": "correct"}])
    before = ours.read_bytes()
    with pytest.raises(RuntimeError), RowWriter(ours, ROW_COLUMNS) as writer:  # ours: allowed
        writer.write([{"article_id": "y"}])
        raise RuntimeError("stopped")
    assert ours.read_bytes() == before
    assert not list(tmp_path.glob(".rows.jsonl.*"))  # no temporary file left


def test_bounded_book_raises_a_new_exception_each_time(offline_settings):
    """A cached failure raised again must not keep the frames of every claim it failed."""
    from impact.errors import DataUnavailable

    book = BoundedPriceBook(offline_settings)
    lo, hi = dt.date(2024, 1, 2), dt.date(2024, 6, 28)
    raised = []
    for _ in range(2):
        with pytest.raises(DataUnavailable) as info:
            book.load("ZZZZ", lo, hi)
        raised.append(info.value)
    assert raised[0] is not raised[1] and str(raised[0]) == str(raised[1])
    assert all(v.__traceback__ is None for v in book._loaded.values() if isinstance(v, Exception))
