from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from impact.config import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "fixtures"
SEEDS = REPO / "seeds"


@pytest.fixture
def offline_settings(tmp_path: Path) -> Settings:
    """Offline, with an empty cache in a temp folder and the repo's fixtures."""
    return Settings(cache_dir=tmp_path / "cache", fixtures_dir=FIXTURES, offline=True)


def fixture_frame(ticker: str) -> pd.DataFrame:
    """A fixture CSV read with plain pandas (independent of impact's reader)."""
    return pd.read_csv(FIXTURES / f"{ticker}.csv", index_col="Date", parse_dates=True)


@dataclass
class CliResult:
    """What a command line run gave: exit code, standard output and standard error."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> CliResult:
    """Run ``impact ARGS`` in this process through the real entry point (``impact.cli.main``,
    with its one-line error contract), isolated by typer's CliRunner, from the repo folder."""
    from typer.testing import CliRunner

    from impact.cli import main

    code = 0
    runner = CliRunner()
    with (
        contextlib.chdir(REPO),
        runner.isolation(input=stdin, env={"IMPACT_OFFLINE": "1", **(env or {})}) as (out, err, _),
    ):
        argv = sys.argv
        sys.argv = ["impact", *args]
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            sys.argv = argv
            sys.stdout.flush()
            sys.stderr.flush()
        return CliResult(code, out.getvalue().decode(), err.getvalue().decode())


def run_cli_process(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    """Run ``python -m impact ARGS`` in a subprocess, as a user would (the smoke test)."""
    import os

    full_env = {**os.environ, "IMPACT_OFFLINE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "impact", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        cwd=REPO,
        timeout=300,
    )


def iso(value) -> str | None:
    """A date as ISO text (None stays None), for comparing with literal dates."""
    return None if value is None else value.isoformat()


# ---- records: shared by the record tests -------------------------------------------------------
@pytest.fixture(scope="module")
def checker():
    """Offline, on the repo's fixtures, without the event study (records are ranked, not tested)."""
    from impact.verdicts import Checker

    settings = Settings(cache_dir=FIXTURES / "no-cache", fixtures_dir=FIXTURES, offline=True)
    return Checker(settings, event_study=False)


def record_claims(text: str, published: str, lang: str | None = None) -> list:
    """The record claims extracted from ``text``."""
    from impact.claims import extract_article

    return [c for c in extract_article(text, published, lang=lang).claims if c.kind == "record"]


def only_record(text: str, published: str, lang: str | None = None):
    """The one record claim of ``text`` (fails, listing the claims, when there is not one)."""
    from impact.claims import extract_article

    found = record_claims(text, published, lang)
    assert len(found) == 1, [c.text for c in extract_article(text, published).claims]
    return found[0]


def checked_record(checker, text: str, published: str):
    """The check of the one record claim of ``text``."""
    from impact.claims import extract_article

    article = extract_article(text, published)
    found = [c for c in checker.check_article("t", article).checks if c.claim.kind == "record"]
    assert len(found) == 1
    return found[0]


def close_moves(ticker: str) -> pd.Series:
    """Close-to-close returns of a fixture, with plain pandas."""
    closes = fixture_frame(ticker)["Close"]
    return (closes / closes.shift(1) - 1).dropna()


def lexicon_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern of the claim lexicon (single ones and those in lists of tuples)."""
    from impact.claims.lexicon import LEXICON

    found = []
    for value in vars(LEXICON).values():
        if isinstance(value, re.Pattern):
            found.append(value)
        elif isinstance(value, list | tuple):
            found += [v[0] for v in value if isinstance(v, tuple) and isinstance(v[0], re.Pattern)]
    return found
