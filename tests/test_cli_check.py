"""`impact check` and `impact claims` as a user runs them."""

from __future__ import annotations

import json

from conftest import run_cli, run_cli_process

KEYS = {
    "sentence",
    "span",
    "entity",
    "ticker",
    "metric",
    "direction",
    "magnitude",
    "unit",
    "hedge",
    "horizon",
    "start",
    "end",
    "verdict",
    "realized",
    "basis",
    "market_move",
    "evidence",
    "explanation",
}


def test_check_seeds_json_schema():
    result = run_cli("check", "seeds/", "--json")
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)
    assert len(articles) == 5
    for article in articles:
        assert {"path", "published", "published_how", "language", "claims"} <= article.keys()
        for claim in article["claims"]:
            assert KEYS <= claim.keys()
    verdicts = [c["verdict"] for a in articles for c in a["claims"]]
    assert verdicts == [
        "misleading",
        "false",
        "correct",
        "false",
        "correct",
        "correct",
        "correct",
        "unverifiable",
    ]


def test_check_table_and_csv():
    table = run_cli("check", "seeds/003_d56926607ae1ee34.txt")
    assert table.returncode == 0 and "9988.HK" in table.stdout and "correct" in table.stdout
    csv_out = run_cli("check", "seeds/003_d56926607ae1ee34.txt", "--csv")
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("path,id,text,entity,ticker") and len(lines) == 6


def test_fail_on_sets_exit_1():
    result = run_cli("check", "seeds/", "--fail-on", "false")
    assert result.returncode == 1 and "--fail-on: 2 claim(s)" in result.stderr
    assert run_cli("check", "seeds/", "--fail-on", "insufficient_data").returncode == 0


def test_bad_inputs_reported_and_run_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli(
        "check", "seeds/003_d56926607ae1ee34.txt", str(empty), "/no/such/file", "--json"
    )
    assert result.returncode == 1  # some inputs failed; 2 only when nothing could run
    assert len(json.loads(result.stdout)) == 1  # the readable article was still checked
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {empty}: empty file",
        "error: /no/such/file: no such file or folder",
        "summary: 1 of 3 articles done, 2 failed",
    ]
    nothing = run_cli("check", str(empty), "/no/such/file", "--json")
    assert nothing.returncode == 2 and json.loads(nothing.stdout) == []


def test_bad_options():
    assert run_cli("check", "seeds/", "--fail-on", "wrong").returncode == 2
    result = run_cli("check", "seeds/", "--published", "13.02.2025")
    assert result.stderr == (
        "error: --published: publication date '13.02.2025' is not a date (expected "
        "YYYY-MM-DD, YYYY-MM or an ISO timestamp such as 2025-02-13T07:30+01:00)\n"
    )
    assert result.returncode == 2


def test_entry_point_error_contract_in_a_subprocess():
    """The installed entry point as a user runs it: a bad option, an unknown command and a bad
    file are each one line on stderr with exit code 2, and no traceback."""
    bad_date = run_cli_process("check", "seeds/", "--published", "2025-13")
    unknown = run_cli_process("nonsense")
    missing = run_cli_process("check", "/no/such/file")
    for result in (bad_date, unknown, missing):
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: ")
        assert "Traceback" not in result.stderr


def test_stdin_and_published_option():
    text = "Die Alibaba-Aktie stieg in Hongkong am Donnerstag um 2,5 Prozent."
    result = run_cli("check", "-", "--published", "2025-02-14", "--json", stdin=text)
    (article,) = json.loads(result.stdout)
    (claim,) = article["claims"]
    assert (claim["ticker"], claim["session"], claim["verdict"]) == (
        "9988.HK",
        "2025-02-13",
        "correct",
    )


def test_claims_json():
    result = run_cli("claims", "seeds/000_a0ff3f3814484de0.txt", "--json")
    (article,) = json.loads(result.stdout)
    assert [c["kind"] for c in article["claims"]] == ["move", "record"]


def test_user_registry_extends_entities(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[company]]\nname = "Synthco"\naliases = ["Synthco"]\nlisted = false\n')
    result = run_cli(
        "check",
        "-",
        "--registry",
        str(extra),
        "--published",
        "2025-02-14",
        "--json",
        stdin="Die Umsätze von Synthco stiegen um 5 Prozent.",
    )
    (article,) = json.loads(result.stdout)
    (claim,) = article["claims"]
    assert claim["entity"] == "Synthco" and claim["verdict"] == "unverifiable"
    bad = run_cli("claims", "seeds/", "--registry", str(tmp_path / "none.toml"))
    assert bad.returncode == 2 and "no such file" in bad.stderr
