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

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import special, stats

from impact.eventstudy.engine import BatchResult, fit_batch, map_row_blocks, spare_threads

__all__ = [
    "TestStat",
    "aggregate_tests",
    "mean_pair_correlation",
    "rank_matrix",
    "significance_tests",
    "study_batch",
    "summarize",
    "tests_frame",
    "with_pvalues",
]

TEST_COLUMNS = ("test", "scope", "stat", "pvalue", "dist", "variant")


class TestStat(NamedTuple):
    """One test statistic: which test, on the window or day 0, its value and p-value, the null
    distribution and the variant computed."""

    test: str
    scope: str
    stat: float
    pvalue: float
    dist: str
    variant: str


def _norm_p(z: float) -> float:
    """Two-sided p of N(0, 1): erfc(|z|/√2) = 2Φ(−|z|)."""
    return math.erfc(abs(z) / math.sqrt(2)) if math.isfinite(z) else (0.0 if z == z else math.nan)


def rank_matrix(values: np.ndarray) -> np.ndarray:
    """Row-wise ranks 1..T with average ranks for ties (as scipy.stats.rankdata, axis=1)."""
    return stats.rankdata(values, axis=1)


def _exact_ranks(x: np.ndarray, l1: int) -> tuple[np.ndarray, np.ndarray]:
    """(Σ over rows of each column's rank, ranks of the columns from ``l1`` on), exact.

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


def _block_ranks(est: np.ndarray, evt: np.ndarray, est_sumsq: np.ndarray) -> np.ndarray:
    """Σ_i K_it for every column t of E ∪ W: the column sums of the ranks within each row.

    Exact by construction. Per row, q = trunc(x · (2^(30−b) − 1)/‖x‖) (‖x‖ ≥ max|x|; b bits
    for the T column indices) is monotone non-decreasing in x, so q_a < q_b implies x_a < x_b.
    The int32 key q·2^b + t sorts the row once; a second int32 sort of (t at rank j)·2^b + j
    gives each column's rank. Two columns that share q (about one row in twelve) are ordered
    by comparing their values (a tie gives both the average rank); rows with three or more
    sharing q, or with non-finite values, are ranked again by _exact_ranks.
    ``est_sumsq`` is Σ_E x² for each row."""
    n, l1 = est.shape
    T = l1 + evt.shape[1]
    bits = max(1, int(T - 1).bit_length())
    if 30 - bits < 12 or n * T >= 1 << 31:
        return _exact_ranks(np.concatenate([est, evt], axis=1), l1)[0]
    low = np.int32((1 << bits) - 1)
    columns = _column_tile(n, T)  # t in every row: `key |= columns` runs as one flat loop
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        norm = np.sqrt(est_sumsq + np.vecdot(evt, evt)) * (1 + 1e-9)
        scale = ((1 << (30 - bits)) - 1) / norm
        bad = ~np.isfinite(scale) | ~np.isfinite(norm)
        scale[bad] = 0.0
        key = np.empty((n, T), np.int32)
        np.multiply(est, scale[:, None], out=key[:, :l1], casting="unsafe")
        np.multiply(evt, scale[:, None], out=key[:, l1:], casting="unsafe")
    key <<= bits
    key |= columns
    key.sort(axis=1)
    flat = key.reshape(-1)
    q = flat >> bits
    at = np.flatnonzero(q[1:] == q[:-1])  # sorted positions p with q[p] == q[p + 1] ...
    at = at[at % T != T - 1]  # ... inside one row
    key &= low  # the column at each rank
    pairs_t1, pairs_t2 = flat[at], flat[at + 1]
    pair_rows = at // T
    runs = np.diff(at) == 1  # three or more keys share q
    redo = (
        np.union1d(pair_rows[1:][runs], np.flatnonzero(bad))
        if runs.any() or bad.any()
        else np.zeros(0, np.intp)
    )
    key <<= bits
    key |= columns
    key.sort(axis=1)  # column t's key is now t·2^b + (its rank − 1), at place t
    sums = key.sum(axis=0, dtype=np.int32 if n << (2 * bits) < 1 << 31 else np.int64)
    sums = sums - np.arange(T) * (n << bits) + float(n)
    if at.size:  # a pair shares q: ranked by column index so far, by value now
        r, t1, t2 = pair_rows, pairs_t1, pairs_t2
        if redo.size:
            keep = ~np.isin(pair_rows, redo)
            r, t1, t2 = r[keep], t1[keep], t2[keep]
        x1, x2 = _values_at(est, evt, r, t1), _values_at(est, evt, r, t2)
        shift = (x1 > x2) + 0.5 * (x1 == x2)  # t1 < t2 came first: one place up, or a tie
        sums += np.bincount(t1, shift, T) - np.bincount(t2, shift, T)
    if redo.size:
        exact, _ = _exact_ranks(np.concatenate([est[redo], evt[redo]], axis=1), l1)
        sums += exact - ((key[redo] & low).sum(axis=0, dtype=np.int32) + float(redo.size))
    return sums


_TILES: dict[int, np.ndarray] = {}


def _column_tile(n: int, T: int) -> np.ndarray:
    """An (n, T) int32 array whose every row is 0..T−1 (read-only, kept per T)."""
    tile = _TILES.get(T)
    if tile is None or tile.shape[0] < n:
        tile = np.tile(np.arange(T, dtype=np.int32), (n, 1))
        tile.setflags(write=False)
        _TILES[T] = tile
    return tile[:n]


def _values_at(est: np.ndarray, evt: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """x[rows, cols] of the row-wise concatenation [est | evt], without concatenating."""
    l1 = est.shape[1]
    in_est = cols < l1
    return np.where(
        in_est, est[rows, np.minimum(cols, l1 - 1)], evt[rows, np.maximum(cols - l1, 0)]
    )


class _Summary(NamedTuple):
    """What the tests need from the estimation residuals, summed over blocks of events."""

    rank_sums: np.ndarray  # (T,) Σ_i K_it over E ∪ W
    resid_sums: np.ndarray  # (L1,) Σ_i e_it
    z_sums: np.ndarray  # (L1,) Σ_i z_it, z the residuals standardized per event
    positive: int  # number of positive estimation residuals


# up to this many events the summary is one block: on small batches threads cost more than
# they give (measured on 2 cores: 1,000 events took 1.25–1.45 ms in one block, 1.26–1.82 in two)
_ONE_BLOCK = 4096


def summarize(
    resid: np.ndarray,
    ar: np.ndarray,
    sumsq: np.ndarray | None = None,
    ranks: bool = True,
    centred: bool = False,
) -> _Summary:
    """One pass over the residuals; many events go block by block on the machine's cores.
    ``sumsq``: Σ_t e_it² per event if known (σ̂²·dof from the fit). ``ranks=False`` leaves
    the rank sums out (they are then an empty array). ``centred``: every row has mean 0 by
    construction (the residuals of a model with an intercept)."""
    n = resid.shape[0]

    def block(lo: int, hi: int) -> _Summary:
        e = resid[lo:hi]
        sumsq_e = np.vecdot(e, e) if sumsq is None else sumsq[lo:hi]
        sums = _block_ranks(e, ar[lo:hi], sumsq_e) if ranks else np.zeros(0)
        resid_sums, z_sums = _column_sums(e, sumsq_e, blas=hi - lo == n, centred=centred)
        return _Summary(sums, resid_sums, z_sums, int(np.count_nonzero(e > 0)))

    if n <= _ONE_BLOCK:
        return block(0, n)
    parts = map_row_blocks(block, n)
    return _Summary(
        np.sum([p.rank_sums for p in parts], axis=0),
        np.sum([p.resid_sums for p in parts], axis=0),
        np.sum([p.z_sums for p in parts], axis=0),
        sum(p.positive for p in parts),
    )


def _column_sums(
    resid: np.ndarray, sumsq: np.ndarray, blas: bool = False, centred: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """(Σ_i e_it, Σ_i z_it) with z_it = (e_it − ē_i)/s_i (s_i with divisor L1 − 1), without
    forming z: both as one product of a 2 × N weight matrix with the residuals. ``sumsq`` is
    Σ_t e_it²; ``centred``: ē_i = 0 by construction (OLS residuals with an intercept), so it
    is not summed. BLAS only with ``blas`` (one block): its own threads would spin against
    the block threads."""
    n, L1 = resid.shape
    mean = np.zeros(n) if centred else np.vecdot(resid, np.ones(L1)) / L1
    with np.errstate(divide="ignore", invalid="ignore"):  # a constant row: r̄ is undefined (nan)
        inv_sd = 1.0 / np.sqrt((sumsq - L1 * mean * mean) / (L1 - 1))
        weights = np.stack([np.ones(n), inv_sd])
        both = weights @ resid if blas else np.einsum("kn,nt->kt", weights, resid)
        return both[0], both[1] - (0.0 if centred else float(np.vecdot(mean, inv_sd)))


def mean_pair_correlation(z_sums: np.ndarray, n: int) -> float:
    """Mean pairwise correlation over i ≠ j: (Σ_t(Σ_i z_it)²/(L1 − 1) − N) / (N(N − 1))."""
    total = float(np.vecdot(z_sums, z_sums)) / (z_sums.size - 1)
    return (total - n) / (n * (n - 1))


def mean_residual_correlation(resid: np.ndarray) -> float:
    """Mean pairwise correlation of the rows over i ≠ j, in O(N·L1) (see module docstring)."""
    return mean_pair_correlation(_column_sums(resid, np.vecdot(resid, resid))[1], resid.shape[0])


def _means_sds(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and sample standard deviation (divisor n − 1) of each row, as numpy values: a ratio
    with a zero SD is then inf or nan, as in numpy, not an exception."""
    n = rows.shape[1]
    means = rows.sum(axis=1) / n
    d = rows - means[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        sds = np.sqrt(np.vecdot(d, d) / (n - 1))
    return means, sds


def significance_tests(res: BatchResult, day0: int) -> list[TestStat]:
    """The standard tests for N events (module docstring), as TestStat rows.

    ``day0`` is the position of relative day 0 inside the event window (0-based)."""
    return _tests(res, day0)


# study_batch ranks on a second core from _OVERLAP_MIN events (measured on 2 cores: the
# hand-over costs about 0.3 ms, so 100 events took 0.78 ms against 0.52 on one thread, 600
# broke even, 1,000 took 2.2–2.8 ms against 2.7–3.1) up to _ONE_BLOCK (above, everything
# runs in blocks on all cores). The worker takes _WORKER_SHARE of the rows; this thread,
# once it has finished the fit and the other tests, ranks the rest.
_OVERLAP_MIN = 640
_WORKER_SHARE = 0.7


def study_batch(
    r_est: np.ndarray,
    r_evt: np.ndarray,
    f_est: np.ndarray | None = None,
    f_evt: np.ndarray | None = None,
    model: str = "market",
    day0: int = 0,
) -> tuple[BatchResult, list[TestStat]]:
    """fit_batch and significance_tests in one call, with the same numbers (``day0`` as in
    significance_tests). The Corrado rank sums, the costliest part (two sorts of every row),
    are started on a second core as soon as the residuals are known, while this thread
    finishes the fit and the other tests."""
    pending: list[Callable[[], np.ndarray]] = []

    def start_ranks(resid: np.ndarray, ar: np.ndarray, sumsq: np.ndarray | None) -> None:
        n, threads = resid.shape[0], spare_threads()
        if threads is None or not _OVERLAP_MIN <= n <= _ONE_BLOCK:
            return
        sumsq = np.vecdot(resid, resid) if sumsq is None else sumsq
        h = int(n * _WORKER_SHARE)
        far = threads.submit(_block_ranks, resid[:h], ar[:h], sumsq[:h])

        def finish() -> np.ndarray:
            if far.cancel():  # the pool has not started it (its cores are busy): all here
                return _block_ranks(resid, ar, sumsq)
            return _block_ranks(resid[h:], ar[h:], sumsq[h:]) + far.result()

        pending.append(finish)

    res = fit_batch(r_est, r_evt, f_est, f_evt, model, on_residuals=start_ranks)
    return res, _tests(res, day0, pending[0] if pending else None)


Row = tuple[str, str, float, int | None, str]  # test, scope, stat, t dof (None: normal), variant


def _tests(
    res: BatchResult, day0: int, pending_ranks: Callable[[], np.ndarray] | None = None
) -> list[TestStat]:
    """significance_tests; the rank sums from ``pending_ranks`` if given."""
    n, L1, L2, d = res.ar.shape[0], res.L1, res.L2, res.dof
    rows: list[Row] = []  # the p-values follow, all at once

    def add(name: str, scope: str, stat: float, dof: int | None, variant: str) -> None:
        """A test row; ``dof`` None for N(0, 1), else t(dof)."""
        rows.append((name, scope, float(stat), dof, variant))

    # Σe² = σ̂²·dof where the model has an intercept (σ̂² = SSR/dof); market-adjusted: computed
    sumsq = None if res.model == "market_adjusted" else res.sigma2 * res.dof
    centred = res.model != "market_adjusted"  # the other models have an intercept
    summary = summarize(res.resid_est, res.ar, sumsq, pending_ranks is None, centred)
    ar0 = np.ascontiguousarray(res.ar[:, day0])
    sar0 = np.ascontiguousarray(res.sar[:, day0])
    # CAR_i, AR_i0, SCAR_i, SAR_i0: their means and SDs in one go
    means, sds = _means_sds(np.stack([res.car, ar0, res.scar, sar0]))
    (caar, aar0, mean_scar, mean_sar0), (sd_car, sd_ar0, sd_scar, sd_sar0) = means, sds
    with np.errstate(divide="ignore", invalid="ignore"):
        if n > 1:
            t = math.sqrt(n) * caar / sd_car
            add("cross_sectional_t", "window", t, n - 1, "CAR_i, Brown-Warner")
            t0 = math.sqrt(n) * aar0 / sd_ar0
            add("cross_sectional_t", "day0", t0, n - 1, "AR_i0")
        s_hat = _means_sds((summary.resid_sums / n)[None])[1][0]  # SD of the estimation AARs
        t = caar / (math.sqrt(L2) * s_hat)
        add("time_series_t", "window", t, L1 - 1, "crude dependence adjustment")
        t0 = aar0 / s_hat
        add("time_series_t", "day0", t0, L1 - 1, "crude dependence adjustment")
        scar_sum = float(res.scar.sum())
        if d > 2:
            kappa = d / (d - 2)
            z = float(res.sar.sum()) / math.sqrt(n * L2 * kappa)
            add("patell_z", "window", z, None, "CSAR_i = sum of SAR (ETS, eventstudy2)")
            z = scar_sum / math.sqrt(n * kappa)
            add("patell_z_scar", "window", z, None, "SCAR_i with full covariance")
            z0 = float(sar0.sum()) / math.sqrt(n * kappa)
            add("patell_z", "day0", z0, None, "SAR_i0")
            j2 = math.sqrt(n * (d - 2) / d) * scar_sum / n
            add("j2", "window", j2, None, "mean SCAR")
        j1 = caar / np.sqrt(res.var_car.sum() / n**2)
        add("j1", "window", j1, None, "CAAR / sqrt(mean Var(CAR)/N)")
        if n > 1:
            r_bar = mean_pair_correlation(summary.z_sums, n)
            kp = np.sqrt(np.float64(1 - r_bar) / (1 + (n - 1) * r_bar))  # nan when r̄ ≤ −1/(N−1)
            for scope, mean, sd in (("window", mean_scar, sd_scar), ("day0", mean_sar0, sd_sar0)):
                bmp = mean / (sd / math.sqrt(n))
                add("bmp_t", scope, bmp, n - 1, "SCAR_i" if scope == "window" else "SAR_i0")
                add("kp_bmp_t", scope, bmp * kp, n - 1,
                    f"BMP x sqrt((1-r)/(1+(N-1)r)), r = {r_bar:.4g}")  # fmt: skip
        # generalized sign (its rows go after Corrado's, which wait for the rank sums)
        p_hat = summary.positive / (n * L1)
        signs: list[Row] = []
        if 0 < p_hat < 1:
            for scope, x in (("window", res.car), ("day0", ar0)):
                w = float(np.count_nonzero(x > 0))
                z = (w - n * p_hat) / math.sqrt(n * p_hat * (1 - p_hat))
                signs.append(("generalized_sign", scope, z, None, f"Cowan 1992, p = {p_hat:.4f}"))
        # Corrado rank test on E ∪ W
        rank_sums = summary.rank_sums if pending_ranks is None else pending_ranks()
        k_bar = (L1 + L2 + 1) / 2
        dev = rank_sums / n - k_bar
        s_k = np.sqrt(np.vecdot(dev, dev) / dev.size)
        evt_rank_sums = rank_sums[L1:]  # Σ_i K_iτ for the event days
        t0 = (float(evt_rank_sums[day0]) / n - k_bar) / s_k
        add("corrado_rank", "day0", t0, None, "Corrado 1989")
        tw = math.sqrt(L2) * (float(evt_rank_sums.sum()) / (n * L2) - k_bar) / s_k
        add("corrado_rank", "window", tw, None, "Cowan 1992 multi-day")
        rows.extend(signs)
    return with_pvalues(rows)


def with_pvalues(rows: list[Row]) -> list[TestStat]:
    """TestStat rows: two-sided p of N(0, 1) (dof None) or of t(dof), t's in one stdtr call."""
    t_at = [i for i, row in enumerate(rows) if row[3] is not None]
    t_p = 2 * special.stdtr([rows[i][3] for i in t_at], [-abs(rows[i][2]) for i in t_at])
    p = [_norm_p(row[2]) for row in rows]
    for i, value in zip(t_at, t_p.tolist(), strict=True):
        p[i] = value
    return [
        TestStat(name, scope, stat, p_value, "N(0,1)" if dof is None else f"t({dof})", variant)
        for (name, scope, stat, dof, variant), p_value in zip(rows, p, strict=True)
    ]


def tests_frame(rows: list[TestStat]) -> pd.DataFrame:
    """TestStat rows as a DataFrame indexed by (test, scope)."""
    if not rows:
        return pd.DataFrame(columns=list(TEST_COLUMNS)).set_index(["test", "scope"])
    test, scope, stat, pvalue, dist, variant = (list(c) for c in zip(*rows, strict=True))
    (test_level, test_codes), (scope_level, scope_codes) = _level(test), _level(scope)
    index = pd.MultiIndex(  # as from_arrays builds it (sorted levels), without its factorizing
        levels=[test_level, scope_level],
        codes=[test_codes, scope_codes],
        names=["test", "scope"],
        verify_integrity=False,
    )
    columns = {"stat": np.array(stat, float), "pvalue": np.array(pvalue, float)}
    return pd.DataFrame({**columns, "dist": dist, "variant": variant}, index=index)


def _level(values: list[str]) -> tuple[list[str], list[int]]:
    """The sorted distinct values and each value's place among them."""
    level = sorted(set(values))
    place = {v: i for i, v in enumerate(level)}
    return level, [place[v] for v in values]


def aggregate_tests(res: BatchResult, day0: int) -> pd.DataFrame:
    """significance_tests as a DataFrame indexed by (test, scope), columns stat, pvalue, dist,
    variant."""
    return tests_frame(significance_tests(res, day0))
