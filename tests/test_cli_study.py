"""`impact study` as a user runs it."""

from __future__ import annotations

import json

from conftest import run_cli


def test_study_single_json():
    result = run_cli(
        "study", "9988.HK", "--event", "2025-02-13T10:00+04:00", "--market", "^HSI", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["day0"] == "2025-02-13" and data["dof"] == 238 and len(data["days"]) == 3
    assert data["estimation"] == [-250, -11]


def test_study_many_events(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(
        "ticker,event,market\n9988.HK,2025-02-13T10:00+04:00,^HSI\n"
        "BABA,2025-02-13T10:00+04:00,^GSPC\nAAPL,2025-02-11T12:00-05:00,^GSPC\n"
    )
    result = run_cli("study", "--events", str(events), "--json")
    data = json.loads(result.stdout)
    names = {(t["test"], t["scope"]) for t in data["tests"]}
    assert {
        ("patell_z", "window"),
        ("bmp_t", "window"),
        ("kp_bmp_t", "window"),
        ("corrado_rank", "day0"),
        ("generalized_sign", "window"),
    } <= names
    assert len(data["events"]) == 3


def test_study_errors():
    r = run_cli("study", "AAPL", "--event", "2025-02-13T10:00", "--market", "^GSPC")
    assert r.returncode == 2 and "no zone" in r.stderr and r.stderr.count("\n") == 1
    r = run_cli("study", "AAPL", "--event", "2025-02-13", "--window", "x")
    assert r.returncode == 2 and "--window" in r.stderr
    r = run_cli("study", "AAPL")
    assert r.returncode == 2 and "--event" in r.stderr
