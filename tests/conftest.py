from __future__ import annotations

import subprocess
import sys
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


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    """Run ``python -m impact`` in a subprocess, as a user would."""
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
