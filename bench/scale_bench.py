"""Throughput and memory of `impact check` over a large generated corpus, as a user runs it.

Run: python bench/scale_bench.py [--articles 100000] [--sample 10000] [--dask-sample 2000].
Generates the corpus with bench/make_corpus.py into bench/out/ (never committed), then runs
`python -m impact check CORPUS --out ROWS` offline on the bundled fixtures:

1. the first ``--sample`` articles on 1 worker, then on 2: articles per CPU second (the rate
   per core, which other load on the machine does not change), articles per wall second, and
   the ratio of the 2-worker rate to the 1-worker rate (which other load does change: the load
   average is printed beside it);
2. the whole corpus on all cores (``--workers`` = cores), sampling the resident memory of the
   process and its workers every half second: the peak, and the peak in the first and last
   quarter of the run (bounded memory: the last is not above the first by much);
3. the first ``--dask-sample`` articles serially and on a Dask LocalCluster: the rows equal.

Writes the figures to bench/scale_results.md and prints them.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def run(args: list[str], sample: bool = False) -> tuple[float, float, list[tuple[float, int]]]:
    """Wall seconds of ``python -m impact ARGS``, the CPU seconds of it and its workers (user +
    system, waited-for children), and its memory samples (seconds, bytes)."""
    env = {**os.environ, "IMPACT_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "impact", *args], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    samples: list[tuple[float, int]] = []
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        if sample:
            try:
                tree = [parent, *parent.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in tree if p.is_running())
                samples.append((time.perf_counter() - started, rss))
            except psutil.Error:
                pass
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 2):  # 2: some articles had problems (the broken rows)
        raise SystemExit(f"impact {' '.join(args)} failed: {proc.stderr.read().decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, samples


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def head(src: Path, n: int) -> Path:
    dest = OUT / f"{src.stem}-{n}.jsonl"
    with open(src, "rb") as fin, open(dest, "wb") as fout:
        for k, line in enumerate(fin):
            if k >= n:
                break
            fout.write(line)
    return dest


def rows_equal(serial: Path, parts: Path) -> tuple[bool, int]:
    import pandas as pd

    a = pd.read_parquet(serial)
    b = pd.concat([pd.read_parquet(p) for p in sorted(parts.glob("part-*.parquet"))])
    b = b.reset_index(drop=True)
    try:
        pd.testing.assert_frame_equal(a, b)
    except AssertionError:
        return False, len(a)
    return True, len(a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=10_000)
    parser.add_argument("--dask-sample", type=int, default=2_000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    corpus = OUT / f"corpus{args.articles}.jsonl"
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus),
             "--articles", str(args.articles)], check=True,
        )  # fmt: skip
    lines = [
        f"- machine: {cores} cores; load average before the runs {_load()}; corpus: "
        f"{args.articles:,} generated articles (JSON Lines, {corpus.stat().st_size / 1e6:,.0f} MB)"
    ]
    sample = head(corpus, args.sample)
    t1, c1, _ = run(["check", str(sample), "--out", str(OUT / "s1.parquet"), "--force"])
    t2, c2, _ = run(
        ["check", str(sample), "--out", str(OUT / "s2.parquet"), "--force", "--workers", "2"]
    )
    r1, r2 = args.sample / t1, args.sample / t2
    lines += [
        f"- 1 worker, first {args.sample:,} articles: {t1:,.1f} s wall, {c1:,.1f} CPU s: "
        f"{args.sample / c1:,.1f} articles per CPU second (per core), {r1:,.1f} per wall second",
        f"- 2 workers, same articles: {t2:,.1f} s wall, {c2:,.1f} CPU s: "
        f"{args.sample / c2:,.1f} articles per CPU second, {r2:,.1f} per wall second "
        f"({r2 / 2:,.1f} per core)",
        f"- ratio of 2 workers to 1 (wall-clock throughput): {r2 / r1:.2f}; CPU cost per "
        f"article, 2 workers / 1: {c2 / c1:.2f}; load average after: {_load()}",
    ]
    tall, call, samples = run(
        ["check", str(corpus), "--out", str(OUT / "all.parquet"), "--force",
         "--workers", str(cores)], sample=True,
    )  # fmt: skip
    peak = max(b for _, b in samples)
    quarter = tall / 4
    first = max((b for s, b in samples if s <= quarter), default=0)
    last = max((b for s, b in samples if s >= 3 * quarter), default=0)
    lines += [
        f"- all {args.articles:,} articles on {cores} workers: {tall:,.0f} s wall, "
        f"{call:,.0f} CPU s: {args.articles / tall:,.1f} articles per wall second, "
        f"{args.articles / call:,.1f} per CPU second; load average after: {_load()}",
        f"- resident memory of the process and its workers: peak {peak / 1e6:,.0f} MB; peak in "
        f"the first quarter of the run {first / 1e6:,.0f} MB, in the last {last / 1e6:,.0f} MB",
    ]
    small = head(corpus, args.dask_sample)
    ts, _, _ = run(["check", str(small), "--out", str(OUT / "d-serial.parquet"), "--force"])
    td, _, _ = run(["check", str(small), "--out", str(OUT / "d-parts"), "--force", "--dask", "local",
                 "--partition-rows", "250"])  # fmt: skip
    same, n = rows_equal(OUT / "d-serial.parquet", OUT / "d-parts")
    lines += [
        f"- Dask LocalCluster, first {args.dask_sample:,} articles in partitions of 250: "
        f"{td:,.1f} s (serial {ts:,.1f} s); rows equal to the serial run's: {same} ({n:,} rows)",
    ]
    text = "# Scale benchmark (bench/scale_bench.py)\n\n" + "\n".join(lines) + "\n"
    (ROOT / "bench" / "scale_results.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
