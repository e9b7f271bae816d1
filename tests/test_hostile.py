"""Hostile text, broken data sources, interrupted writes: clear errors, nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES, fixture_frame, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.claims import extract, extract_article
from impact.config import Settings
from impact.errors import DataUnavailable
from impact.prices import PriceCache, YahooSource, load_prices
from impact.prices.cache import CacheEntry
from impact.verdicts import Checker

T = pd.Timestamp
FUZZ_EXAMPLES = {"unicode": 400, "tokens": 300, "runs": 60}

TOKENS = st.sampled_from(
    [
        "über",
        "rund",
        "etwa",
        "knapp",
        "bis zu",
        "in der Spitze",
        "as much as",
        "more than",
        "%",
        "Prozent",
        "Prozentpunkte",
        "Mrd.",
        "Milliarden",
        "Billionen",
        "Dollar",
        "HK$",
        "€",
        "9,1",
        "1.234,56",
        "1,234.56",
        "0",
        "-",
        "+",
        "minus",
        "seit",
        "since",
        "2022",
        "am Donnerstag",
        "Q3 2024",
        "Alibaba",
        "Apple",
        "Hongkong",
        "stieg",
        "fiel",
        "größten Anstieg an einem Tag seit",
        ".",
        ",",
        ";",
        "\n",
        "漢字",
        "кириллица",
        "🙂",
        "\u200b",
        "\u00a0",
        "'",
        "„",
        "“",
        "(",
        ")",
        "http://x.com/2025/02/%2C",
    ]
)


def _check(text: str) -> None:
    for claim in extract(text, published="2025-02-14"):
        a, b = claim.span
        assert 0 <= a < b <= len(text) and text[a:b] == claim.text
        assert claim.sentence == text[claim.sentence_span[0] : claim.sentence_span[1]]


@settings(max_examples=FUZZ_EXAMPLES["unicode"], deadline=None)
@given(st.text(max_size=2000))
def test_fuzz_random_unicode(text):
    _check(text)


@settings(max_examples=FUZZ_EXAMPLES["tokens"], deadline=None)
@given(st.lists(TOKENS, max_size=300).map(" ".join))
def test_fuzz_claim_vocabulary(text):
    _check(text)


@settings(
    max_examples=FUZZ_EXAMPLES["runs"], deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.sampled_from(
        ["9", "1.", "1,", ".,", "9 % ", "über ", "bis zu ", "%", "1.234,5 Mrd. Dollar "]
    ),
    st.integers(1, 20_000),
)
def test_fuzz_long_runs(piece, count):
    _check(piece * count)


def test_huge_numbers_and_one_megabyte():
    _check("9" * 5000 + " Prozent " + "1" * 400 + ",5 Milliarden Dollar")
    block = (
        "Die Alibaba-Aktie stieg um über rund 9,1 Prozent seit 2022 "
        + "1.234.567,89" * 30
        + " bis zu in der Spitze "
        + "漢字🙂 "
        + "% " * 40
    )
    text = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    article = extract_article(text, published="2025-02-14")
    assert article.claims  # it found the real claims in it and did not raise


# ---- input files ------------------------------------------------------------------------------
def test_input_files(tmp_path):
    good = "Die Alibaba-Aktie stieg in Hongkong am Donnerstag um 2,5 Prozent."
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_utf8.txt").write_text(good, encoding="utf-8")
    (folder / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + good.encode("utf-8"))
    (folder / "c_crlf.txt").write_bytes(("Zeile eins.\r\n" + good + "\r\n").encode("utf-8"))
    (folder / "d_cp1252.txt").write_bytes(("Für Apple: " + good).encode("cp1252"))
    (folder / "e_empty.txt").write_bytes(b"")
    (folder / "f_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "g_image.png").write_bytes(b"\x89PNG")  # not an article suffix: ignored
    result = run_cli(
        "claims", str(folder), str(tmp_path / "missing.txt"), "--published", "2025-02-14", "--json"
    )
    assert result.returncode == 1  # some inputs failed, the others were read
    import json

    articles = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in articles] == [
        "a_utf8.txt",
        "b_bom.txt",
        "c_crlf.txt",
        "d_cp1252.txt",
    ]
    assert all(len(a["claims"]) == 1 for a in articles)
    crlf = articles[2]["claims"][0]
    assert crlf["sentence"] == good  # spans index the text with normalised line ends
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"warning: {folder / 'd_cp1252.txt'}: read as cp1252 (not valid UTF-8)",
        f"error: {folder / 'e_empty.txt'}: empty file",
        f"error: {folder / 'f_binary.txt'}: binary file (NUL bytes), not text",
        f"error: {tmp_path / 'missing.txt'}: no such file or folder",
        "summary: 4 of 7 articles done, 3 failed",
    ]
    assert "Traceback" not in result.stderr


def test_folder_without_articles(tmp_path):
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2 and "holds no .txt or .md articles" in result.stderr


# ---- data sources -----------------------------------------------------------------------------
class Flaky:
    """A stand-in for yf.download that fails in a chosen way."""

    def __init__(self, mode: str):
        self.mode, self.calls = mode, 0

    def __call__(self, ticker, start, end, **kwargs):
        self.calls += 1
        if self.mode == "raise":
            raise RuntimeError("JSONDecodeError: Expecting value")
        if self.mode == "timeout":
            raise TimeoutError("read timed out after 10 s")
        if self.mode == "429":
            raise Exception("HTTP Error 429: Too Many Requests (rate limited)")
        if self.mode == "network":
            from impact.prices.yahoo import NetworkUnreachable

            raise NetworkUnreachable(
                "network unreachable (query2.finance.yahoo.com: Name or service not known)"
            )
        if self.mode == "empty":
            return pd.DataFrame()
        real = fixture_frame("AAPL").loc[start:"2025-02-05"]  # partial: stops early
        columns = pd.MultiIndex.from_tuples([(c, ticker) for c in real.columns])
        return pd.DataFrame(real.to_numpy(), index=real.index, columns=columns)


@pytest.mark.parametrize(
    "mode, message",
    [
        ("raise", "yahoo failed"),
        ("timeout", "TimeoutError"),
        ("429", "429"),
        ("network", "network unreachable"),
        ("empty", "no rows"),
        ("partial", "partial range"),
    ],
)
def test_broken_yahoo(tmp_path, mode, message):
    empty = tmp_path / "nofix"
    empty.mkdir()
    s = Settings(cache_dir=tmp_path / "cache", fixtures_dir=empty, offline=False)
    with pytest.raises(DataUnavailable, match=rf"AAPL 2025-02-03\.\.2025-02-28: .*{message}"):
        load_prices("AAPL", "2025-02-03", "2025-02-28", s, YahooSource(Flaky(mode)))
    assert not list((tmp_path / "cache").glob("*")) if (tmp_path / "cache").exists() else True
    # the verdict becomes insufficient_data, not a crash
    checker = Checker(s, yahoo=YahooSource(Flaky(mode)))
    (check,) = checker.check_article(
        "t",
        extract_article("Apple-Aktien stiegen am Donnerstag um 2 Prozent.", published="2025-02-14"),
    ).checks
    assert check.verdict == "insufficient_data" and "AAPL" in check.explanation


def test_chain_falls_back_to_fixtures_when_yahoo_fails(tmp_path):
    s = Settings(cache_dir=tmp_path / "cache", fixtures_dir=FIXTURES, offline=False)
    series = load_prices("AAPL", "2025-02-03", "2025-02-14", s, YahooSource(Flaky("429")))
    assert series.source == "fixture"  # covered by the fixture: yahoo not even needed
    wide = load_prices("AAPL", "2026-03-01", "2026-06-30", s, YahooSource(Flaky("429")))
    assert wide.source == "fixture" and "429" in wide.notes[0]  # partial, said so


def test_corrupt_cache_is_moved_aside_and_refetched(tmp_path):
    from test_prices import FakeDownload

    empty = tmp_path / "nofix"
    empty.mkdir()
    s = Settings(cache_dir=tmp_path / "cache", fixtures_dir=empty, offline=False)
    load_prices("9988.HK", "2025-02-03", "2025-02-14", s, YahooSource(FakeDownload()))
    path = tmp_path / "cache" / "9988.HK.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # truncated
    series = load_prices("9988.HK", "2025-02-03", "2025-02-14", s, YahooSource(FakeDownload()))
    assert len(series.prices) == 10 and (tmp_path / "cache" / "9988.HK.parquet.corrupt").exists()


# ---- interrupted writes -----------------------------------------------------------------------
WRITER = """
import os, sys, time, numpy as np, pandas as pd
import pyarrow.parquet as pq
from impact.prices import PriceCache
from impact.prices.cache import CacheEntry
root, mode = sys.argv[1], sys.argv[2]
if mode == "pause":  # stop in the middle of writing the bytes, and say so
    real = pq.write_table
    def half_then_wait(table, where, **kw):
        real(table, where, **kw)
        os.truncate(where, os.path.getsize(where) // 2)
        print("in-write", flush=True)
        time.sleep(60)
    pq.write_table = half_then_wait  # the module the cache imports when it writes
idx = pd.bdate_range("2025-01-01", periods=3000)
frames = {v: pd.DataFrame({"Close": np.full(3000, float(v))}, index=idx) for v in (1, 2)}
cache = PriceCache(root)
print("ready", flush=True)
i = 0
while True:
    cache.write(CacheEntry("KILL", "traded", "USD", [(idx[0], idx[-1])], frames[2 - i % 2]))
    i += 1
"""


@pytest.mark.slow
def test_sigkill_mid_write_never_corrupts(tmp_path):
    """20 writers killed with SIGKILL: 10 stopped inside a write for certain (half the bytes
    written), 10 at a random moment of a write loop. The cache is always readable, with either the
    old or the new contents."""
    idx = pd.bdate_range("2025-01-01", periods=3000)
    PriceCache(tmp_path).write(
        CacheEntry(
            "KILL",
            "traded",
            "USD",
            [(idx[0], idx[-1])],
            pd.DataFrame({"Close": np.full(3000, 1.0)}, index=idx),
        )
    )
    rng = np.random.default_rng(0)
    passed = 0
    for n in range(20):
        mode = "pause" if n % 2 == 0 else "loop"
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), mode], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "ready"
        if mode == "pause":
            assert proc.stdout.readline().strip() == "in-write"
            assert list(tmp_path.glob(".KILL.parquet.*.tmp"))  # the half-written temp file
        else:
            time.sleep(float(rng.uniform(0.0, 0.2)))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        entry = PriceCache(tmp_path).read("KILL")
        assert entry is not None, "cache unreadable after SIGKILL"
        values = set(entry.prices["Close"].unique())
        assert values in ({1.0}, {2.0}) and len(entry.prices) == 3000
        passed += 1
    assert passed == 20
    assert not (tmp_path / "KILL.parquet.corrupt").exists()


def test_no_path_escapes(tmp_path):
    result = run_cli("prices", "../../etc/passwd")
    assert result.returncode == 2 and "not a Yahoo symbol" in result.stderr
    from impact.errors import InputError
    from impact.render.files import ReportFolder

    with pytest.raises(InputError, match="would leave"):
        ReportFolder(tmp_path).write("../outside.html", b"x")
    assert not (tmp_path.parent / "outside.html").exists()
