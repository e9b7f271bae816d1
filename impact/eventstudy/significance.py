"""Tests for many events (AAR/CAAR), each returning the statistic, its p-value and its variant.

With d = L1 − k − 1 (the per-event residual dof), over the event window W (L2 days) and day 0:

- ``cross_sectional_t`` (Brown & Warner 1985): √N·CAAR / s(CAR_i), t with N − 1 dof; day: on AR_i0.
- ``time_series_t`` (crude dependence adjustment): CAAR / (√L2·Ŝ), Ŝ² = Σ_E(AAR_t − mean)²/(L1 − 1).
- ``patell_z`` (Patell 1976), window variant of ETS/eventstudy2: CSAR_i = Σ_W SAR_iτ,
  Z = Σ_i CSAR_i / √(Σ_i L2·d/(d − 2)); day: Σ_i SAR_i0 / √(Σ_i d/(d − 2)). N(0, 1).
- ``patell_z_scar``: the stricter variant with SCAR_i (full covariance) in place of CSAR_i/√L2.
- ``bmp_t`` (Boehmer, Musumeci & Poulsen 1991) on SCAR_i (window) and SAR_i0 (day):
  mean / (s / √N), t with N − 1 dof.
- ``kp_bmp_t`` (Kolari & Pynnönen 2010): bmp_t · √((1 − r̄)/(1 + (N − 1) r̄)), r̄ the mean pairwise
  correlation of the estimation residuals over i ≠ j, computed in O(N·L1) as
  (Σ_t(Σ_i z_it)²/(L1 − 1) − N) / (N(N − 1)) with z the residuals standardized per event. Pairs are
  aligned by relative day, which is calendar alignment when events share a date (the clustering
  the adjustment is for).
- ``j1`` = CAAR / √(Σ_i Var(CAR_i)/N²) and ``j2`` = √(N(d − 2)/d)·mean SCAR (Campbell, Lo &
  MacKinlay 1997). N(0, 1).
- ``corrado_rank`` (Corrado 1989; window: Cowan 1992): ranks of each event's ARs over E ∪ W
  (average ranks for ties), K̄ = (T + 1)/2, S_K = √((1/T)Σ_t((1/N)Σ_i(K_it − K̄))²);
  day 0: (1/N)Σ_i(K_i0 − K̄)/S_K; window: √L2·(mean rank over events and W − K̄)/S_K. N(0, 1).
- ``generalized_sign`` (Cowan 1992): p̂ = mean over events of the share of positive estimation
  ARs, w = number of positive CAR_i (AR_i0 for the day), Z = (w − Np̂)/√(Np̂(1 − p̂)). N(0, 1).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from scipy import special, stats

from impact.eventstudy.engine import BatchResult

__all__ = ["aggregate_tests", "rank_matrix"]


def _norm_p(z: float) -> float:
    return float(2 * special.ndtr(-abs(z)))


def _t_p(t: float, dof: int) -> float:
    return float(2 * special.stdtr(dof, -abs(t)))


def rank_matrix(values: np.ndarray) -> np.ndarray:
    """Row-wise ranks 1..T with average ranks for ties (as scipy.stats.rankdata, axis=1)."""
    return stats.rankdata(values, axis=1)


def _block_ranks(x: np.ndarray, l1: int) -> tuple[np.ndarray, np.ndarray]:
    """(Σ over rows of each column's rank, ranks of the columns from ``l1`` on) for one block.

    Ranks come from one integer sort: each float is mapped to an order-preserving int64, its
    lowest b bits replaced by the column index (b = bits for T columns), so the sorted keys
    carry the permutation. Rows where two keys agree above those bits (exact or near ties)
    are ranked again exactly by scipy's rankdata (average ranks), so every rank is exact."""
    n, T = x.shape
    bits = max(1, int(T - 1).bit_length())
    low = np.int64((1 << bits) - 1)
    key = (x + 0.0).view(np.int64)  # a fresh array; −0.0 → +0.0 so equal floats give equal keys
    sign = key >> 63  # in-place integer steps (ufuncs with out=) keep this fast
    np.bitwise_and(sign, np.int64(0x7FFFFFFFFFFFFFFF), out=sign)
    np.bitwise_xor(key, sign, out=key)  # order-preserving: negative floats reversed
    np.bitwise_and(key, ~low, out=key)
    np.bitwise_or(key, np.arange(T, dtype=np.int64), out=key)
    key.sort(axis=1)
    order = key & low
    np.right_shift(key, bits, out=key)
    tied = (key[:, 1:] == key[:, :-1]).any(axis=1)
    positions = np.broadcast_to(np.arange(1, T + 1, dtype=float), (n, T))
    sums = np.bincount(order.ravel(), weights=positions.ravel(), minlength=T)
    rows, js = np.nonzero(order >= l1)
    evt = np.empty((n, T - l1))
    evt[rows, order[rows, js] - l1] = js + 1.0
    if tied.any():
        exact = stats.rankdata(x[tied] + 0.0, axis=1)
        ordinal = np.empty_like(exact)
        np.put_along_axis(ordinal, order[tied], positions[: int(tied.sum())], axis=1)
        sums += (exact - ordinal).sum(axis=0)
        evt[tied] = exact[:, l1:]
    return sums, evt


def _corrado_parts(
    est: np.ndarray, evt: np.ndarray, block: int = 1024
) -> tuple[np.ndarray, np.ndarray]:
    """(Σ_i K_it for every t of E ∪ W, K_iτ for the event days): ranks within each event's row over
    E ∪ W, average ranks for ties (see _block_ranks). Blocks of events keep the sort in cache and
    run on the machine's cores (numpy sorts without the GIL)."""
    n, L1 = est.shape
    L2 = evt.shape[1]
    if L1 + L2 > 1 << 20:
        x = np.concatenate([est, evt], axis=1)
        ranks = stats.rankdata(x, axis=1)
        return ranks.sum(axis=0), ranks[:, L1:]
    evt_ranks = np.empty((n, L2))

    def one_block(lo: int) -> np.ndarray:
        x = np.concatenate([est[lo : lo + block], evt[lo : lo + block]], axis=1)
        sums, ranks = _block_ranks(x, L1)
        evt_ranks[lo : lo + block] = ranks
        return sums

    block = min(block, max(256, -(-n // 2)))  # at least two blocks for two cores
    starts = range(0, n, block)
    if len(starts) > 1:
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            parts = list(pool.map(one_block, starts))
    else:
        parts = [one_block(lo) for lo in starts]
    return np.sum(parts, axis=0), evt_ranks


def aggregate_tests(res: BatchResult, day0: int) -> pd.DataFrame:
    """The standard tests for N events (rows) with statistic, p-value, distribution, variant.

    ``day0`` is the position of relative day 0 inside the event window (0-based)."""
    n, L1, L2, d = res.ar.shape[0], res.L1, res.L2, res.dof
    rows: list[tuple[str, str, float, float, str, str]] = []
    caar = float(res.car.mean())
    aar0 = float(res.ar[:, day0].mean())

    def add(name: str, scope: str, stat: float, p: float, dist: str, variant: str) -> None:
        rows.append((name, scope, float(stat), float(p), dist, variant))

    if n > 1:
        sd = res.car.std(ddof=1)
        t = np.sqrt(n) * caar / sd
        add("cross_sectional_t", "window", t, _t_p(t, n - 1), f"t({n - 1})", "CAR_i, Brown-Warner")
        sd0 = res.ar[:, day0].std(ddof=1)
        t0 = np.sqrt(n) * aar0 / sd0
        add("cross_sectional_t", "day0", t0, _t_p(t0, n - 1), f"t({n - 1})", "AR_i0")
    aar_est = res.resid_est.mean(axis=0)
    s_hat = aar_est.std(ddof=1)
    t = caar / (np.sqrt(L2) * s_hat)
    add(
        "time_series_t", "window", t, _t_p(t, L1 - 1), f"t({L1 - 1})", "crude dependence adjustment"
    )
    t0 = aar0 / s_hat
    add(
        "time_series_t", "day0", t0, _t_p(t0, L1 - 1), f"t({L1 - 1})", "crude dependence adjustment"
    )
    if d > 2:
        kappa = d / (d - 2)
        csar = res.sar.sum(axis=1)
        z = csar.sum() / np.sqrt(n * L2 * kappa)
        add("patell_z", "window", z, _norm_p(z), "N(0,1)", "CSAR_i = sum of SAR (ETS, eventstudy2)")
        z = res.scar.sum() / np.sqrt(n * kappa)
        add("patell_z_scar", "window", z, _norm_p(z), "N(0,1)", "SCAR_i with full covariance")
        z0 = res.sar[:, day0].sum() / np.sqrt(n * kappa)
        add("patell_z", "day0", z0, _norm_p(z0), "N(0,1)", "SAR_i0")
        j2 = np.sqrt(n * (d - 2) / d) * res.scar.mean()
        add("j2", "window", j2, _norm_p(j2), "N(0,1)", "mean SCAR")
    j1 = caar / np.sqrt(res.var_car.sum() / n**2)
    add("j1", "window", j1, _norm_p(j1), "N(0,1)", "CAAR / sqrt(mean Var(CAR)/N)")
    if n > 1:
        r_bar = mean_residual_correlation(res.resid_est)
        kp = np.sqrt((1 - r_bar) / (1 + (n - 1) * r_bar)) if 1 + (n - 1) * r_bar > 0 else np.nan
        for scope, x in (("window", res.scar), ("day0", res.sar[:, day0])):
            bmp = x.mean() / (x.std(ddof=1) / np.sqrt(n))
            add(
                "bmp_t",
                scope,
                bmp,
                _t_p(bmp, n - 1),
                f"t({n - 1})",
                "SCAR_i" if scope == "window" else "SAR_i0",
            )
            add(
                "kp_bmp_t",
                scope,
                bmp * kp,
                _t_p(bmp * kp, n - 1),
                f"t({n - 1})",
                f"BMP x sqrt((1-r)/(1+(N-1)r)), r = {r_bar:.4g}",
            )
    # Corrado rank test on E ∪ W
    T = L1 + L2
    sums, evt_ranks = _corrado_parts(res.resid_est, res.ar)
    k_bar = (T + 1) / 2
    s_k = np.sqrt(np.mean((sums / n - k_bar) ** 2))
    t0 = (evt_ranks[:, day0].mean() - k_bar) / s_k
    add("corrado_rank", "day0", t0, _norm_p(t0), "N(0,1)", "Corrado 1989")
    tw = np.sqrt(L2) * (evt_ranks.mean() - k_bar) / s_k
    add("corrado_rank", "window", tw, _norm_p(tw), "N(0,1)", "Cowan 1992 multi-day")
    # generalized sign
    p_hat = float((res.resid_est > 0).mean())
    if 0 < p_hat < 1:
        for scope, x in (("window", res.car), ("day0", res.ar[:, day0])):
            w = float((x > 0).sum())
            z = (w - n * p_hat) / np.sqrt(n * p_hat * (1 - p_hat))
            add("generalized_sign", scope, z, _norm_p(z), "N(0,1)", f"Cowan 1992, p = {p_hat:.4f}")
    frame = pd.DataFrame(rows, columns=["test", "scope", "stat", "pvalue", "dist", "variant"])
    return frame.set_index(["test", "scope"])


def mean_residual_correlation(resid: np.ndarray) -> float:
    """Mean pairwise correlation of the rows over i ≠ j, in O(N·L1) (see module docstring)."""
    n, L1 = resid.shape
    mean = resid.mean(axis=1)
    inv_sd = 1.0 / np.sqrt((np.einsum("nt,nt->n", resid, resid) - L1 * mean * mean) / (L1 - 1))
    column_sums = inv_sd @ resid - float(mean @ inv_sd)  # Σ_i z_it without forming z
    total = float((column_sums**2).sum()) / (L1 - 1)
    return (total - n) / (n * (n - 1))
