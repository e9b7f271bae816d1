"""Event-study engine against the textbook formulas (MacKinlay 1997 et al.), statsmodels vs the
batched numpy path, the known mistakes of public implementations, and the Apple–Alibaba study."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from conftest import FIXTURES
from scipy import stats

from impact.config import Settings
from impact.eventstudy import (
    aggregate_tests,
    day_zero,
    fit_batch,
    run_event_studies,
    run_event_study,
)
from impact.eventstudy.significance import mean_residual_correlation
from impact.eventstudy.study import _fit_statsmodels, prepare_event
from impact.prices import load_prices

# a hand-computable example: L1 = 6 estimation days, L2 = 2 event days (synthetic numbers)
RM_E = [0.01, -0.02, 0.015, 0.0, -0.005, 0.02]
RI_E = [0.012, -0.018, 0.02, 0.001, -0.01, 0.025]
RM_W = [0.03, -0.01]
RI_W = [0.05, -0.004]


def textbook():
    L1, L2 = len(RM_E), len(RM_W)
    mu_m, mu_i = sum(RM_E) / L1, sum(RI_E) / L1
    s_mm = sum((m - mu_m) ** 2 for m in RM_E)
    beta = sum((r - mu_i) * (m - mu_m) for r, m in zip(RI_E, RM_E, strict=True)) / s_mm
    alpha = mu_i - beta * mu_m
    resid = [r - alpha - beta * m for r, m in zip(RI_E, RM_E, strict=True)]
    sigma2 = sum(e * e for e in resid) / (L1 - 2)
    ar = [r - alpha - beta * m for r, m in zip(RI_W, RM_W, strict=True)]
    var_ar = [sigma2 * (1 + 1 / L1 + (m - mu_m) ** 2 / s_mm) for m in RM_W]
    var_car = sigma2 * (L2 + L2**2 / L1 + sum(m - mu_m for m in RM_W) ** 2 / s_mm)
    return dict(
        alpha=alpha,
        beta=beta,
        sigma2=sigma2,
        ar=ar,
        var_ar=var_ar,
        car=sum(ar),
        var_car=var_car,
        t=sum(ar) / math.sqrt(var_car),
        dof=L1 - 2,
    )


def test_market_model_matches_textbook_formulas():
    tb = textbook()
    res = fit_batch(
        np.array([RI_E]), np.array([RI_W]), np.array([RM_E]), np.array([RM_W]), "market"
    )
    assert res.params[0] == pytest.approx([tb["alpha"], tb["beta"]], abs=1e-14)
    assert res.sigma2[0] == pytest.approx(tb["sigma2"], abs=1e-16)
    assert res.ar[0] == pytest.approx(tb["ar"], abs=1e-15)
    assert res.var_ar[0] == pytest.approx(tb["var_ar"], abs=1e-16)
    assert res.var_car[0] == pytest.approx(tb["var_car"], abs=1e-16)
    assert res.scar[0] == pytest.approx(tb["t"], abs=1e-12)
    assert res.dof == tb["dof"]
    assert res.p_car[0] == pytest.approx(2 * stats.t.sf(abs(tb["t"]), 4), abs=1e-12)
    bhar = (1 + RI_W[0]) * (1 + RI_W[1]) - (1 + tb["alpha"] + tb["beta"] * RM_W[0]) * (
        1 + tb["alpha"] + tb["beta"] * RM_W[1]
    )
    assert res.bhar[0] == pytest.approx(bhar, abs=1e-15)


def random_panel(n=40, L1=120, L2=7, k=1, seed=7):
    """Synthetic returns (a random-walk panel), generated for the test."""
    rng = np.random.default_rng(seed)
    f_e = rng.normal(0, 0.01, (n, L1, k))
    f_w = rng.normal(0, 0.01, (n, L2, k))
    betas = rng.normal(1, 0.3, (n, k))
    r_e = 0.0002 + np.einsum("ntk,nk->nt", f_e, betas) + rng.normal(0, 0.015, (n, L1))
    r_w = 0.0002 + np.einsum("ntk,nk->nt", f_w, betas) + rng.normal(0.003, 0.015, (n, L2))
    return r_e, r_w, f_e, f_w


@pytest.mark.parametrize(
    "model, k",
    [("market", 1), ("factor", 2), ("factor", 3), ("constant_mean", 1), ("market_adjusted", 1)],
)
def test_statsmodels_and_numpy_agree(model, k):
    r_e, r_w, f_e, f_w = random_panel(k=k)
    batch = fit_batch(
        r_e,
        r_w,
        f_e if model != "constant_mean" else None,
        f_w if model != "constant_mean" else None,
        model,
    )
    for i in range(r_e.shape[0]):

        class D:  # the minimal EventData the statsmodels path reads
            r_est, r_evt, f_est, f_evt = r_e[i], r_w[i], f_e[i], f_w[i]

        out, _ = _fit_statsmodels(D, model)
        ones = np.ones(r_w.shape[1])
        assert batch.ar[i] == pytest.approx(out["ar"], abs=1e-10)
        assert batch.var_ar[i] == pytest.approx(np.diag(out["v"]), abs=1e-10)
        assert batch.var_car[i] == pytest.approx(ones @ out["v"] @ ones, abs=1e-10)
        assert batch.sigma2[i] == pytest.approx(out["sigma2"], abs=1e-10)
        assert batch.resid_est[i] == pytest.approx(out["resid"], abs=1e-10)
        assert batch.expected[i] == pytest.approx(out["expected"], abs=1e-10)
        if len(out["params"]):
            assert batch.params[i] == pytest.approx(out["params"], abs=1e-10)
        assert batch.dof == out["dof"]


def test_no_known_mistakes():
    r_e, r_w, f_e, f_w = random_panel(n=5, L1=250, L2=21)
    res = fit_batch(r_e, r_w, f_e, f_w, "market")
    # variance with divisor L1 - 2 (not ddof 0) ...
    x = sm.add_constant(f_e[0, :, 0])
    ssr = float(((r_e[0] - x @ np.linalg.lstsq(x, r_e[0], rcond=None)[0]) ** 2).sum())
    assert res.sigma2[0] == pytest.approx(ssr / 248, rel=1e-12)
    # ... with the prediction-error correction: Var(CAR) ≈ σ²L2(1 + L2/L1) > σ²L2 (about 8.4% more)
    assert np.all(res.var_car > res.sigma2 * 21 * 1.08)
    # ... and the cross-day covariance: Var(CAR) ≠ the sum of the daily variances
    assert np.all(np.abs(res.var_car - res.var_ar.sum(axis=1)) > 1e-12)
    # degrees of freedom follow the model: L1 - k - 1
    for k in (1, 2, 3):
        r_e, r_w, f_e, f_w = random_panel(n=3, L1=50, L2=3, k=k)
        assert fit_batch(r_e, r_w, f_e, f_w, "factor").dof == 50 - k - 1
    assert fit_batch(r_e, r_w, None, None, "constant_mean").dof == 49


def test_kolari_pynnonen_mean_correlation_excludes_diagonal():
    rng = np.random.default_rng(3)
    common = rng.normal(size=80)
    resid = 0.5 * common + rng.normal(size=(12, 80))
    c = np.corrcoef(resid)
    naive = (c.sum() - np.trace(c)) / (12 * 11)
    assert mean_residual_correlation(resid) == pytest.approx(naive, abs=1e-12)


def test_aggregate_tests_against_direct_formulas():
    r_e, r_w, f_e, f_w = random_panel(n=30, L1=100, L2=5)
    res = fit_batch(r_e, r_w, f_e, f_w, "market")
    tests = aggregate_tests(res, day0=2)
    n, d = 30, 98
    car = res.car
    assert tests.loc[("cross_sectional_t", "window"), "stat"] == pytest.approx(
        np.sqrt(n) * car.mean() / car.std(ddof=1), rel=1e-12
    )
    sar = res.ar / np.sqrt(res.var_ar)
    assert tests.loc[("patell_z", "day0"), "stat"] == pytest.approx(
        sar[:, 2].sum() / np.sqrt(n * d / (d - 2)), rel=1e-12
    )
    assert tests.loc[("patell_z", "window"), "stat"] == pytest.approx(
        sar.sum() / np.sqrt(n * 5 * d / (d - 2)), rel=1e-12
    )
    scar = car / np.sqrt(res.var_car)
    assert tests.loc[("bmp_t", "window"), "stat"] == pytest.approx(
        scar.mean() / (scar.std(ddof=1) / np.sqrt(n)), rel=1e-12
    )
    ranks = stats.rankdata(np.concatenate([res.resid_est, res.ar], axis=1), axis=1)
    dev = ranks - 53
    s_k = np.sqrt(np.mean(dev.mean(axis=0) ** 2))
    assert tests.loc[("corrado_rank", "day0"), "stat"] == pytest.approx(
        dev[:, 102].mean() / s_k, rel=1e-12
    )
    p = (res.resid_est > 0).mean()
    w = (car > 0).sum()
    assert tests.loc[("generalized_sign", "window"), "stat"] == pytest.approx(
        (w - n * p) / np.sqrt(n * p * (1 - p)), rel=1e-12
    )
    assert tests.loc[("j2", "window"), "stat"] == pytest.approx(
        np.sqrt(n * (d - 2) / d) * scar.mean(), rel=1e-12
    )


def test_events_are_aggregated_by_event_not_by_firm():
    s = Settings(fixtures_dir=FIXTURES, offline=True)
    m = run_event_studies(
        [("BABA", "2025-02-11", "^GSPC"), ("BABA", "2025-02-13", "^GSPC")],
        window=(0, 0),
        settings=s,
    )
    assert len(m.events) == 2 and m.tests.loc[("cross_sectional_t", "window"), "dist"] == "t(1)"


def test_weekend_event_shifts_day0_and_estimation_window():
    s = Settings(fixtures_dir=FIXTURES, offline=True)
    sat = run_event_study("AAPL", "2025-02-15", "^GSPC", window=(0, 0), settings=s)
    tue = run_event_study("AAPL", "2025-02-18", "^GSPC", window=(0, 0), settings=s)
    assert sat.day0 == pd.Timestamp("2025-02-18") and "not a XNYS session" in sat.day0_how
    assert sat.estimation_dates == tue.estimation_dates and sat.car == tue.car


def test_each_listing_has_its_own_calendar():
    news = "2025-02-11T12:00-05:00"  # the report of the deal, midday in New York
    assert day_zero("XNYS", news)[0] == pd.Timestamp("2025-02-11")
    assert day_zero("XHKG", news)[0] == pd.Timestamp("2025-02-12")  # Hong Kong had closed
    dubai = "2025-02-13T10:00+04:00"  # Tsai at the World Governments Summit, Dubai morning
    assert day_zero("XHKG", dubai)[0] == pd.Timestamp("2025-02-13")
    assert day_zero("XNYS", dubai)[0] == pd.Timestamp("2025-02-13")


def closes(ticker):
    return pd.read_csv(FIXTURES / f"{ticker}.csv", index_col="Date", parse_dates=True)["Close"]


@pytest.mark.parametrize(
    "ticker, market, event, day0",
    [
        ("9988.HK", "^HSI", "2025-02-11T12:00-05:00", "2025-02-12"),
        ("9988.HK", "^HSI", "2025-02-13T10:00+04:00", "2025-02-13"),
        ("BABA", "^GSPC", "2025-02-11T12:00-05:00", "2025-02-11"),
        ("BABA", "^GSPC", "2025-02-13T10:00+04:00", "2025-02-13"),
        ("AAPL", "^GSPC", "2025-02-11T12:00-05:00", "2025-02-11"),
        ("AAPL", "^GSPC", "2025-02-13T10:00+04:00", "2025-02-13"),
        ("BABA", "KWEB", "2025-02-13T10:00+04:00", "2025-02-13"),
    ],
)
def test_apple_alibaba_study_against_independent_ols(ticker, market, event, day0):
    s = Settings(fixtures_dir=FIXTURES, offline=True)
    res = run_event_study(ticker, event, market, window=(-1, 1), settings=s)
    assert res.day0 == pd.Timestamp(day0)
    # independent: plain numpy least squares on the fixture closes, same sessions
    r = closes(ticker).pct_change()
    m = (
        closes(market)
        .reindex(closes(market).index.union(r.index))
        .ffill()
        .reindex(r.index)
        .pct_change()
    )
    pos = r.index.get_loc(pd.Timestamp(day0))
    est = slice(pos - 250, pos - 10)
    evt = slice(pos - 1, pos + 2)
    x = np.column_stack([np.ones(240), m.iloc[est]])
    coef = np.linalg.lstsq(x, r.iloc[est], rcond=None)[0]
    sigma2 = ((r.iloc[est] - x @ coef) ** 2).sum() / 238
    ar = r.iloc[evt].to_numpy() - coef[0] - coef[1] * m.iloc[evt].to_numpy()
    mu, smm = m.iloc[est].mean(), ((m.iloc[est] - m.iloc[est].mean()) ** 2).sum()
    var_car = sigma2 * (3 + 9 / 240 + ((m.iloc[evt] - mu).sum()) ** 2 / smm)
    assert res.car == pytest.approx(ar.sum(), abs=1e-12)
    assert res.var_car == pytest.approx(var_car, rel=1e-10)
    assert res.tvalue == pytest.approx(ar.sum() / np.sqrt(var_car), rel=1e-9)
    assert res.ols is not None and res.ols.df_resid == 238
    numpy_path = run_event_study(ticker, event, market, window=(-1, 1), settings=s, method="numpy")
    assert numpy_path.car == pytest.approx(res.car, abs=1e-10)
    assert numpy_path.tvalue == pytest.approx(res.tvalue, abs=1e-10)
    assert "CAR[-1, 1]" in res.summary() and len(res.to_frame()) == 3


def test_result_objects_print_and_export():
    s = Settings(fixtures_dir=FIXTURES, offline=True)
    res = run_event_study("9988.HK", "2025-02-13T10:00+04:00", "^HSI", settings=s)
    assert repr(res).startswith("EventStudyResult(9988.HK market day0 2025-02-13")
    assert res.to_dict()["day0"] == "2025-02-13" and len(res.to_dict()["days"]) == 3
    multi = run_event_studies(
        [
            ("9988.HK", "2025-02-13T10:00+04:00", "^HSI"),
            ("BABA", "2025-02-13T10:00+04:00", "^GSPC"),
        ],
        settings=s,
    )
    assert "patell_z" in multi.summary() and multi.to_dict()["tests"]


def test_event_errors():
    from impact.errors import ImpactError

    s = Settings(fixtures_dir=FIXTURES, offline=True)
    with pytest.raises(ImpactError, match="no zone"):
        run_event_study("AAPL", "2025-02-13T10:00", "^GSPC", settings=s)
    with pytest.raises(ImpactError, match="need sessions"):
        run_event_study("BABA", "2021-03-01", "^GSPC", settings=s)
    with pytest.raises(ImpactError, match="must end before"):
        sec = load_prices("AAPL", "2024-01-01", "2025-03-01", s)
        prepare_event(sec, [sec], "2025-02-13", (-1, 1), (-250, 0))


def test_corrado_ranks_exact_with_ties():
    """Ranks from the int32 fast path (and its exact fallback) equal scipy's average ranks."""
    from impact.eventstudy.significance import summarize

    rng = np.random.default_rng(1)
    est, evt = rng.normal(size=(3000, 250)), rng.normal(size=(3000, 21))
    est[5, :10] = 0.0  # exact ties
    evt[5, 0] = 0.0
    est[7, 3], est[7, 4] = -0.0, 0.0  # signed zeros are equal
    est[9, 1] = est[9, 2]
    est[11] = np.nextafter(est[11, 0], 1) * np.ones(250)  # near-equal values
    est[13, 7] = est[13, 8] * (1 + 1e-9)  # distinct, but one fixed-point bucket
    est[15] *= 1e-300  # tiny values: the scale overflows
    est[17], evt[17] = 0.0, 0.0  # an all-zero row
    evt[19, 3] = 1e12  # one huge value squeezes the rest of its row into few buckets
    ranks = stats.rankdata(np.concatenate([est, evt], axis=1), axis=1)
    for n in (3000, 20_000):  # one block with split sorts; blocks on both cores
        rows = np.arange(n) % 3000
        summary = summarize(est[rows], evt[rows])
        assert np.allclose(summary.rank_sums, ranks[rows].sum(axis=0), rtol=0, atol=1e-6)
        assert summary.positive == int((est[rows] > 0).sum())
        assert np.allclose(summary.resid_sums, est[rows].sum(axis=0), rtol=0, atol=1e-9)


def test_blocks_on_cores_give_the_single_block_numbers():
    """fit_batch and the rank summary split large batches into blocks run on threads; every
    per-event array and every statistic equals the one-block result."""
    from impact.eventstudy.engine import map_row_blocks
    from impact.eventstudy.significance import summarize

    assert map_row_blocks(lambda lo, hi: (lo, hi), 5000) == [
        (lo, min(lo + 512, 5000)) for lo in range(0, 5000, 512)
    ]
    r_e, r_w, f_e, f_w = random_panel(n=5000, L1=120, L2=11)
    whole = fit_batch(r_e, r_w, f_e, f_w, "market")
    parts = [fit_batch(r_e[i : i + 1000], r_w[i : i + 1000], f_e[i : i + 1000],
                       f_w[i : i + 1000], "market") for i in range(0, 5000, 1000)]  # fmt: skip
    for name in ("params", "sigma2", "resid_est", "ar", "var_ar", "car", "scar", "p_car", "bhar"):
        assert np.array_equal(
            getattr(whole, name), np.concatenate([getattr(p, name) for p in parts])
        )
    blocks = summarize(whole.resid_est, whole.ar)  # 5,000 events: blocks on threads
    ranks = stats.rankdata(np.concatenate([whole.resid_est, whole.ar], axis=1), axis=1)
    assert np.allclose(blocks.rank_sums, ranks.sum(axis=0), rtol=0, atol=1e-6)


def test_keep_heap_can_be_turned_off(monkeypatch):
    from impact.eventstudy.engine import keep_heap

    keep_heap.cache_clear()
    monkeypatch.setenv("IMPACT_KEEP_HEAP", "0")
    assert keep_heap() is False
    keep_heap.cache_clear()


def test_degenerate_batches_give_nan_or_inf_not_errors():
    """Identical events (zero cross-sectional SD), one event, and an event whose returns are
    all zero: every test still returns (inf or nan where a ratio has no spread)."""
    r_e, r_w, f_e, f_w = random_panel(n=1, L1=60, L2=3)
    twins = fit_batch(*(np.repeat(a, 2, axis=0) for a in (r_e, r_w, f_e, f_w)), "market")
    tests = aggregate_tests(twins, day0=1)
    assert np.isinf(tests.loc[("cross_sectional_t", "window"), "stat"])
    assert len(aggregate_tests(fit_batch(r_e, r_w, f_e, f_w, "market"), day0=1)) > 5
    flat = fit_batch(np.zeros((3, 60)), np.zeros((3, 3)), f_e.repeat(3, 0), f_w.repeat(3, 0))
    assert np.isnan(aggregate_tests(flat, day0=1).loc[("kp_bmp_t", "window"), "stat"])


def same_tests(a, b):
    """Two lists of TestStat rows are equal, nan included."""
    assert [(t.test, t.scope, t.dist, t.variant) for t in a] == [
        (t.test, t.scope, t.dist, t.variant) for t in b
    ]
    for name in ("stat", "pvalue"):
        x, y = ([getattr(t, name) for t in rows] for rows in (a, b))
        assert np.array_equal(x, y, equal_nan=True)


@pytest.mark.parametrize(
    "model, k", [("market", 1), ("factor", 2), ("constant_mean", 1), ("market_adjusted", 1)]
)
@pytest.mark.parametrize("n, overlap_from", [(3, None), (200, 1), (5000, None)])
def test_study_batch_gives_the_numbers_of_fit_batch_and_significance_tests(
    model, k, n, overlap_from, monkeypatch
):
    """study_batch ranks on a second core (200 events with the threshold lowered to 1; 5,000
    events run in blocks instead); every per-event array and every test equals the one-thread
    path's, bit for bit."""
    from impact.eventstudy import significance, study_batch

    if overlap_from:
        monkeypatch.setattr(significance, "_OVERLAP_MIN", overlap_from)
    r_e, r_w, f_e, f_w = random_panel(n=n, L1=60, L2=5, k=k)
    serial = fit_batch(r_e, r_w, f_e, f_w, model)
    res, rows = study_batch(r_e, r_w, f_e, f_w, model, day0=2)
    for name in ("params", "sigma2", "resid_est", "ar", "var_ar", "sar", "car", "var_car",
                 "scar", "p_car", "bhar", "expected"):  # fmt: skip
        assert np.array_equal(getattr(res, name), getattr(serial, name), equal_nan=True)
    same_tests(rows, significance.significance_tests(serial, day0=2))


def test_study_batch_on_one_core(monkeypatch):
    """Without a spare core, study_batch ranks on its own thread, with the same numbers."""
    from impact.eventstudy import significance, study_batch

    monkeypatch.setattr(significance, "_OVERLAP_MIN", 1)
    monkeypatch.setattr(significance, "spare_threads", lambda: None)
    r_e, r_w, f_e, f_w = random_panel(n=50, L1=60, L2=5)
    res, rows = study_batch(r_e, r_w, f_e, f_w, "market", day0=2)
    same_tests(rows, significance.significance_tests(res, day0=2))


def test_study_batch_ranks_here_what_the_pool_has_not_started(monkeypatch):
    """When the pool's threads are all busy, study_batch takes the rank work back."""
    from concurrent.futures import Future

    from impact.eventstudy import significance, study_batch

    class BusyPool:  # nothing submitted ever starts
        def submit(self, fn, *args):
            return Future()

    monkeypatch.setattr(significance, "_OVERLAP_MIN", 1)
    monkeypatch.setattr(significance, "spare_threads", BusyPool)
    r_e, r_w, f_e, f_w = random_panel(n=50, L1=60, L2=5)
    res, rows = study_batch(r_e, r_w, f_e, f_w, "market", day0=2)
    same_tests(rows, significance.significance_tests(res, day0=2))


@pytest.mark.parametrize("n", [40, 5000])  # one block; blocks on threads
@pytest.mark.parametrize("model", ["market", "market_adjusted"])
def test_fit_batch_hands_over_the_final_residuals_once(n, model):
    """on_residuals gets the result's own residual and AR arrays, once, with Σe² = σ̂²·dof
    (None for market-adjusted, whose σ̂² is a sample variance)."""
    r_e, r_w, f_e, f_w = random_panel(n=n, L1=60, L2=5)
    calls = []
    res = fit_batch(r_e, r_w, f_e, f_w, model, on_residuals=lambda *a: calls.append(a))
    assert len(calls) == 1
    resid, ar, sumsq = calls[0]
    assert np.array_equal(resid, res.resid_est) and np.array_equal(ar, res.ar)
    if model == "market_adjusted":
        assert sumsq is None
    else:
        assert np.allclose(sumsq, (res.resid_est**2).sum(axis=1), rtol=1e-12, atol=0)
        assert np.allclose(sumsq / res.dof, res.sigma2, rtol=1e-15, atol=0)


def test_a_failure_on_the_second_core_is_raised(monkeypatch):
    from impact.eventstudy import significance, study_batch

    def broken(*args):
        raise FloatingPointError("rank worker failed")

    monkeypatch.setattr(significance, "_OVERLAP_MIN", 1)
    monkeypatch.setattr(significance, "_block_ranks", broken)
    with pytest.raises(FloatingPointError, match="rank worker failed"):
        study_batch(*random_panel(n=50, L1=60, L2=5), "market", day0=2)


def test_studies_inside_the_engines_threads_do_not_wait_for_them():
    """A batch study run on one of the engine's own threads (here: inside map_row_blocks)
    runs on that thread; waiting for the busy pool would never end."""
    import threading

    from impact.eventstudy import study_batch
    from impact.eventstudy.engine import map_row_blocks

    panel = random_panel(n=5000, L1=60, L2=5)
    whole = fit_batch(*panel, "market")
    out = []

    def nested():
        out.extend(map_row_blocks(lambda lo, hi: study_batch(*panel, "market", day0=2), 600))

    worker = threading.Thread(target=nested, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive() and len(out) == 2
    for res, _ in out:
        assert np.array_equal(res.car, whole.car)
