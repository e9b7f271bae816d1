"""Event-study speed: events per second for the market model with a 250-session estimation window
and a [-10, +10] event window, all statistics (AR, CAR, corrected variances, t, BHAR, AAR/CAAR,
cross-sectional t, time-series t, Patell, BMP, Kolari-Pynnönen, Corrado, generalized sign, J1, J2),
on a synthetic random-walk panel generated here; and, in the same process, the same 1k-event study
with the PyPI package ``eventstudy`` (pip install '.[bench]') for the ratio.

Run: python bench/eventstudy_bench.py [--max 100000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from impact.eventstudy import aggregate_tests, fit_batch

L1, GAP, L2 = 250, 10, 21


def panel(n: int, seed: int = 1) -> tuple[np.ndarray, ...]:
    """Synthetic random-walk prices -> returns: market and securities with beta ~ N(1, 0.3)."""
    rng = np.random.default_rng(seed)
    t = L1 + GAP + L2
    market = rng.normal(0.0003, 0.01, (n, t))
    beta = rng.normal(1.0, 0.3, (n, 1))
    sec = 0.0001 + beta * market + rng.normal(0, 0.015, (n, t))
    parts = (sec[:, :L1], sec[:, L1 + GAP :], market[:, :L1], market[:, L1 + GAP :])
    # contiguous windows, as run_event_studies builds them (np.stack)
    return (*(np.ascontiguousarray(p) for p in parts), sec, market)


def run_impact(r_e, r_w, m_e, m_w):
    res = fit_batch(r_e, r_w, m_e, m_w, "market")
    tests = aggregate_tests(res, day0=10)
    return res, tests


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run_pypi(sec, market, n):
    import eventstudy as es
    from eventstudy.models import market_model

    def go():
        sample = [
            es.Single(
                market_model,
                {"security_returns": sec[i], "market_returns": market[i]},
                event_window=(-10, 10),
                estimation_size=L1,
                buffer_size=GAP,
            )
            for i in range(n)
        ]
        es.Multiple(sample)

    return best(go, repeat=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max", type=int, default=100_000)
    args = parser.parse_args()
    rates = {}
    for n in (1_000, 10_000, 100_000):
        if n > args.max:
            break
        r_e, r_w, m_e, m_w, sec, market = panel(n)
        elapsed = best(
            lambda a=(r_e, r_w, m_e, m_w): run_impact(*a), repeat=3 if n < 100_000 else 2
        )
        rates[n] = n / elapsed
        print(f"impact  {n:>7,} events: {rates[n]:>12,.0f} events/s")
    r_e, r_w, m_e, m_w, sec, market = panel(1_000)
    try:
        t_pypi = run_pypi(sec, market, 1_000)
    except ImportError:
        print("PyPI eventstudy not installed (pip install '.[bench]'): no ratio")
        return
    t_ours = best(lambda: run_impact(r_e, r_w, m_e, m_w))
    print(f"eventstudy (PyPI) 1,000 events: {1_000 / t_pypi:,.0f} events/s")
    print(f"ratio impact / eventstudy on the same 1,000 events: {t_pypi / t_ours:,.0f}x")


if __name__ == "__main__":
    main()
