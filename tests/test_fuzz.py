"""Fuzzing in CI (issue #16), bounded in time: articles (seed mutations with random dates and
numbers, as tools/fuzz_articles.py runs them by the 100,000), dates, options and price files.
Nothing may raise but the one-line ImpactError; the slow soak checks a 10 MB hostile file within
its time and memory bound."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from conftest import FIXTURES, REPO, SEEDS, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.claims import extract_article
from impact.claims.dates import detect_published, parse_date_option
from impact.config import Settings
from impact.errors import InputError, PriceDataError
from impact.prices.model import MAX_PRICE, OHLC, read_price_csv
from impact.prices.validate import validate_frame
from impact.registry import default_registry
from impact.verdicts import Checker

sys.path.insert(0, str(REPO / "tools"))
import fuzz_articles

SEED_TEXTS = fuzz_articles.load_seeds(REPO.parent / "shared" / "corpus")
_CACHE = tempfile.TemporaryDirectory(prefix="impact-fuzz-")
CHECKER = Checker(Settings(cache_dir=Path(_CACHE.name), fixtures_dir=FIXTURES, offline=True))
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]  # fmt: skip
FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


@settings(max_examples=150, **FAST)
@given(st.randoms(use_true_random=False), st.integers(0, len(SEED_TEXTS) - 1))
def test_fuzz_seed_mutations_extracted_and_checked(rng, which):
    name, text = SEED_TEXTS[which]
    text, done = fuzz_articles.mutate(rng, text)
    case = fuzz_articles.Case(
        0, name, text, fuzz_articles.random_published(rng), rng.choice([None, "de", "en"]), ()
    )
    assert fuzz_articles.run_case(case, CHECKER) is None, done


@settings(max_examples=300, **FAST)
@given(st.integers(0, 9999), st.integers(0, 15), st.integers(0, 40))
def test_fuzz_dates_everywhere(year, month, day):
    value = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        published = parse_date_option(value)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert published.start == dt.date(year, month, day) and 1900 <= year <= 2100
    try:
        header = detect_published(f"date {value}\ntext", default_registry())
    except InputError as exc:
        assert str(exc).startswith(f"line 1: header date '{value}': ")
    else:
        assert header.start == dt.date(year, month, day)
    name = MONTHS[(month - 1) % 12]
    text = (
        f"Die Alibaba-Aktie ist seit dem {day}. {name} {year} in Hongkong um 2 Prozent gestiegen, "
        f"der größte Anstieg seit {year}. Alibaba shares rose 3% on {name} {day}, {year}."
    )
    for claim in extract_article(text, "2025-02-14").claims:
        for when in (claim.start, claim.end, claim.end_earliest, claim.record_since):
            assert when is None or 1900 <= when.year <= 2100


@settings(max_examples=300, **FAST)
@given(st.from_regex(r"\A20\d\d-[01]\d-[0-3]\d[T ][0-9:]{4,9}(Z|[+-][0-9:]{2,5})?\Z"))
def test_fuzz_timestamps_accepted_are_instants(value):
    import pandas as pd

    for parse in (
        parse_date_option,
        lambda v: detect_published(f"date {v}\nx", default_registry()),
    ):
        try:
            published = parse(value)
        except InputError:
            continue
        if published.time is not None:  # every time kept is one pandas reads, with its zone
            assert pd.Timestamp(published.time).tzinfo is not None


DATE_TEXT = st.builds(
    "{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 15), st.integers(0, 40)
)


@settings(max_examples=25, **FAST)
@given(
    st.one_of(st.none(), DATE_TEXT, st.text(max_size=12)),
    st.sampled_from([None, "de", "en", "fr", ""]),
    st.sampled_from(["claims", "check"]),
)
def test_fuzz_options(published, lang, command):
    args = [command, str(SEEDS / "003_d56926607ae1ee34.txt")]
    args += [] if published is None else ["--published", published]
    args += [] if lang is None else ["--lang", lang]
    result = run_cli(*args)
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stdout == "" and result.stderr.startswith("error: ")
        assert result.stderr.count("\n") == 1


@settings(max_examples=25, **FAST)
@given(st.one_of(st.none(), DATE_TEXT, st.text(max_size=12)), st.one_of(st.none(), DATE_TEXT))
def test_fuzz_price_dates(start, end):
    args = ["prices", "AAPL"] + ([] if start is None else ["--start", start])
    result = run_cli(*args, *([] if end is None else ["--end", end]))
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


PRICE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64).map(repr),
    st.floats(min_value=1.0, max_value=500.0).map(lambda v: f"{v:.2f}"),
    st.sampled_from(["", "abc", "1e308", "-0", "0", "nan", "1,5"]),
)
ROW = st.tuples(
    st.one_of(
        st.dates(dt.date(2024, 1, 1), dt.date(2024, 3, 1)).map(dt.date.isoformat),
        st.sampled_from(["2024-13-01", "", "x", "2024-02-30"]),
    ),
    PRICE,
    PRICE,
    PRICE,
    PRICE,
    st.integers(-5, 10**9).map(str),
)


@settings(max_examples=200, **FAST)
@given(st.lists(ROW, max_size=12), st.booleans())
def test_fuzz_price_files(rows, header):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "X.csv"
        lines = ["Date,Open,High,Low,Close,Volume"] if header else []
        path.write_text("\n".join(lines + [",".join(r) for r in rows]) + "\n")
        try:
            frame = read_price_csv(path)
            fixed, notes = validate_frame(frame, str(path))
        except PriceDataError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            return
    assert len(fixed) and fixed.index.is_monotonic_increasing and fixed.index.is_unique
    ohlc = fixed[list(OHLC)].to_numpy()
    assert np.isfinite(ohlc).all() and (ohlc > 0).all() and (ohlc <= MAX_PRICE).all()
    high, low = fixed["High"].to_numpy(), fixed["Low"].to_numpy()
    both = fixed[["Open", "Close"]].to_numpy()
    assert (high >= both.max(axis=1)).all() and (both.min(axis=1) >= low).all()
    assert bool(notes) == (not fixed.equals(frame))


def test_fuzz_tool_counts_its_cases():
    """The tool itself, on a few cases: every case run, none raises."""
    seeds = fuzz_articles.load_seeds(None)
    cases = list(fuzz_articles.cases(seeds, 20, seed=7))
    assert len(cases) == 20 and len({c.text for c in cases}) > 15
    assert all(fuzz_articles.run_case(c, CHECKER) is None for c in cases)


# ---- the soak: 10 MB of hostile text within its bound -------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "unit", ["Die Alibaba-Aktie stieg um 9,1 Prozent. ", "… stieg um 9,1 Prozent "]
)
def test_soak_ten_megabytes_of_hostile_text(tmp_path, unit):
    path = tmp_path / "hostile.txt"
    path.write_text((unit * (10_000_000 // len(unit) + 1))[:10_000_000], encoding="utf-8")
    env = {**os.environ, "IMPACT_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    code = (
        "import resource, subprocess, sys, time\n"
        "t0 = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.buffer.write(r.stderr)\n"
        "print(time.perf_counter() - t0, peak, r.returncode, len(r.stdout))\n"
    )
    command = [sys.executable, "-m", "impact", "check", str(path), "--json"]
    runner = [sys.executable, "-c", code, *command, "--published", "2025-02-14"]
    done = subprocess.run(runner, capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    seconds, peak_kb, returncode, size = done.stdout.split()
    assert float(seconds) < 15, done.stderr
    assert int(peak_kb) < 1_000_000  # kilobytes: under 1 GB
    assert int(returncode) == 1 and "stopped after" in done.stderr  # said, and the exit says so
    assert int(size) < 50_000_000  # output bounded: a few kB per claim, 2,000-odd claims
