"""Start-up cost as ratios, measured in one run: ``impact --help`` against
``python -c "import typer, rich"``, and ``impact check seeds/`` against ``python -c "import pandas"``.

Each command runs as a fresh subprocess (a cold interpreter; the OS file cache is warm, as it is
for a user's second run), ``--repeat`` times in turn with its baseline; the ratio is of the
medians. The package's bytecode is written first, as an install writes it. Targets (issue #16):
--help <= 1.5x, check seeds/ <= 1.5x. ``impact check`` runs offline on the bundled fixtures, as
the tests do. Run: python bench/startup_bench.py [--repeat 15]. Exit code 1 when a ratio is above
its target.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5
PAIRS = {
    "impact --help": (["-m", "impact", "--help"], ["-c", "import typer, rich"]),
    "impact check seeds/": (["-m", "impact", "check", "seeds/"], ["-c", "import pandas"]),
}


def wall(args: list[str], env: dict[str, str]) -> float:
    """Seconds one fresh interpreter takes to run ``python ARGS`` to the end."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    env = {
        **os.environ,
        "IMPACT_OFFLINE": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
    }
    # the package's bytecode, as `pip install .` writes it (pandas has its own from its install);
    # a machine that sets PYTHONDONTWRITEBYTECODE would otherwise compile impact on every run
    compileall.compile_dir(ROOT / "impact", quiet=1)
    failed = False
    for name, (command, baseline) in PAIRS.items():
        wall(command, env)  # once before measuring: caches written on a first run
        ours: list[float] = []
        base: list[float] = []
        for _ in range(args.repeat):  # interleaved, so load on the machine hits both alike
            base.append(wall(baseline, env))
            ours.append(wall(command, env))
        ratio = statistics.median(ours) / statistics.median(base)
        failed |= ratio > TARGET
        print(
            f"{name}: {ratio:.2f}x the baseline (median {statistics.median(ours):.3f} s vs "
            f"{statistics.median(base):.3f} s for python {' '.join(baseline)}; "
            f"target <= {TARGET}x)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
