"""Event studies over files larger than memory: chunk by chunk (and on Dask) the same AAR, CAAR
and tests as all events at once, and the same per-event rows."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import run_cli

from impact.eventstudy import run_event_studies
from impact.eventstudy.streaming import StudySpec, study_dask, study_events, study_stream

PAIRS = [("AAPL", "^GSPC"), ("MSFT", "^GSPC"), ("NVDA", "^NDX"), ("9988.HK", "^HSI"),
         ("0700.HK", "^HSI"), ("SAP.DE", "^GDAXI"), ("SIE.DE", "^GDAXI")]  # fmt: skip


def _events(n: int = 30) -> list[tuple[str, str, str]]:
    rng = np.random.default_rng(7)
    days = pd.bdate_range("2022-03-01", "2024-02-28")
    return [
        (*PAIRS[i % len(PAIRS)][:1], days[rng.integers(len(days))].date().isoformat(),
         PAIRS[i % len(PAIRS)][1])
        for i in range(n)
    ]  # fmt: skip


def _csv(path, events):
    path.write_text("ticker,event,market\n" + "".join(f"{t},{e},{m}\n" for t, e, m in events))
    return path


def _same(full, streamed):
    assert list(streamed.tests.index) == list(full.tests.index)
    assert streamed.tests["stat"].to_numpy() == pytest.approx(
        full.tests["stat"].to_numpy(), abs=1e-12
    )
    assert streamed.tests["pvalue"].to_numpy() == pytest.approx(
        full.tests["pvalue"].to_numpy(), abs=1e-12
    )
    assert (streamed.tests["variant"] == full.tests["variant"]).all()
    assert streamed.aar.to_numpy() == pytest.approx(full.aar.to_numpy(), abs=1e-15)
    assert streamed.caar == pytest.approx(full.caar, abs=1e-15)


@pytest.mark.parametrize("model", ["market", "market_adjusted", "constant_mean"])
def test_chunks_give_the_all_at_once_result(tmp_path, offline_settings, model):
    events = _events()
    full = run_event_studies(events, model, (-1, 1), (-250, -11), offline_settings)
    spec = StudySpec(model, (-1, 1), (-250, -11), offline_settings)
    out = tmp_path / "events.parquet"
    streamed = study_events(_csv(tmp_path / "e.csv", events), spec, chunk=17, out=out)
    assert (streamed.events, streamed.skipped) == (30, 0)
    _same(full, streamed)
    rows = pd.read_parquet(out)
    assert rows["row"].tolist() == list(range(2, 32))
    for column in ("ticker", "market", "day0"):
        assert rows[column].tolist() == full.events[column].tolist()
    for column in ("CAR", "sd_CAR", "t", "p", "BHAR"):
        assert rows[column].to_numpy() == pytest.approx(full.events[column].to_numpy(), abs=1e-15)


def test_bad_events_are_skipped_with_their_reason(tmp_path, offline_settings):
    path = tmp_path / "e.csv"
    path.write_text(
        "ticker,event,market\nAAPL,2023-05-04,^GSPC\n,2023-01-01,\nZZZZ,2023-05-04,^GSPC\n"
        "AAPL,notadate,^GSPC\nMSFT,2023-06-01,\n"
    )
    result = study_stream(path, StudySpec(settings=offline_settings), chunk=2)
    assert (result.events, result.skipped) == (2, 3)
    assert [r.split(":")[0] for r in result.reasons] == ["row 3", "row 4 (ZZZZ 2023-05-04)",
                                                         "row 5 (AAPL notadate)"]  # fmt: skip
    full = run_event_studies(
        [("AAPL", "2023-05-04", "^GSPC"), ("MSFT", "2023-06-01", "^GSPC")],
        settings=offline_settings,
    )
    _same(full, result)


def test_dask_chunks_give_the_same_result(tmp_path, offline_settings):
    path = _csv(tmp_path / "e.csv", _events(20))
    spec = StudySpec(settings=offline_settings)
    serial = study_stream(path, spec, chunk=20)
    out = tmp_path / "parts"
    on_dask = study_dask(path, spec, chunk=6, scheduler="local", workers=2, out_dir=out)
    _same(serial, on_dask)  # type: ignore[arg-type]
    rows = pd.concat([pd.read_parquet(p) for p in sorted(out.glob("part-*.parquet"))])
    assert rows["row"].tolist() == list(range(2, 22))


def test_cli_study_in_chunks(tmp_path):
    path = _csv(tmp_path / "e.csv", _events(12))
    result = run_cli("study", "--events", str(path), "--chunk", "5", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["events"], out["skipped"]) == (12, 0)
    assert {t["test"] for t in out["tests"]} >= {"patell_z", "bmp_t", "corrado_rank"}
