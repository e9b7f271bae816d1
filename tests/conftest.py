from __future__ import annotations

import contextlib
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
