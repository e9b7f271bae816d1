"""The batched event-study engine: models, corrected variances and per-event statistics.

Notation as in ``shared/docs/eventstudy-methods.md``: estimation window E with L1 sessions, event
window W = [τ1, τ2] with L2 = τ2 − τ1 + 1 sessions, k regressors besides the intercept.

Models (each event i, design X = [1, factors] on E):

- ``market`` / ``factor``: OLS R_it = α + β'F_t + ε, σ̂² = SSR / (L1 − k − 1)
  (MacKinlay 1997 eqs. 7–10; k = 1 for the market model);
- ``constant_mean``: X = [1], σ̂² = SSR / (L1 − 1);
- ``market_adjusted``: AR = R − R_m, no parameters; σ̂² = sample variance of AR over E (divisor
  L1 − 1), V = σ̂² I.

Prediction-error corrected covariance of the event-window ARs (MacKinlay eq. 8, Patell 1976):
V_i = σ̂² (I + X*_i (X_iᵀX_i)⁻¹ X*_iᵀ); Var(AR_iτ) is its diagonal and
Var(CAR_i) = γᵀV_iγ = σ̂² [L2 + γᵀX*(XᵀX)⁻¹X*ᵀγ] (for the market model
σ̂² [L2 + L2²/L1 + (Σ_W(R_mτ − μ̂_m))² / S_mm], eq. 14). SCAR_i = CAR_i / √Var(CAR_i) is t with
L1 − k − 1 degrees of freedom. BHAR_i = Π_W(1 + R_iτ) − Π_W(1 + E[R_iτ]).
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal, TypeVar

import numpy as np

__all__ = [
    "MODELS",
    "BatchResult",
    "Model",
    "fit_batch",
    "keep_heap",
    "map_row_blocks",
    "spare_threads",
]

Model = Literal["market", "factor", "constant_mean", "market_adjusted"]
MODELS: tuple[str, ...] = ("market", "factor", "constant_mean", "market_adjusted")


@dataclass(frozen=True, eq=False)
class BatchResult:
    """Per-event outputs for N events with common window lengths (arrays, events on axis 0)."""

    model: str
    L1: int
    L2: int
    k: int
    dof: int  # residual degrees of freedom of σ̂²: L1 − k − 1 (L1 − 1 for market-adjusted)
    params: np.ndarray  # (N, k+1): intercept then slopes (empty for market-adjusted)
    sigma2: np.ndarray  # (N,)
    resid_est: np.ndarray  # (N, L1) estimation-window residuals (abnormal returns)
    ar: np.ndarray  # (N, L2)
    var_ar: np.ndarray  # (N, L2) prediction-error corrected
    sar: np.ndarray  # (N, L2) AR / √Var(AR)
    car: np.ndarray  # (N,)
    var_car: np.ndarray  # (N,) γᵀVγ, with the off-diagonal terms
    scar: np.ndarray  # (N,)
    t_car: np.ndarray  # (N,) = scar
    p_car: np.ndarray  # (N,) two-sided, t with dof
    t_ar: np.ndarray  # (N, L2) = sar, t with dof (per-day p-values: EventStudyResult.frame)
    bhar: np.ndarray  # (N,)
    expected: np.ndarray  # (N, L2) E[R] in the event window


T = TypeVar("T")
# called with (resid_est, ar, Σ_E e² or None) once they are final (fit_batch)
ResidualHook = Callable[[np.ndarray, np.ndarray, np.ndarray | None], None]

# Rows per block: a block's inputs and temporaries stay in the core's cache (512 events of 271
# returns are about 1 MB per array).
BLOCK_ROWS = 512


@functools.cache
def keep_heap() -> bool:
    """Opt-in, process-wide allocator tuning for programs that run many large batches: keep
    freed memory of up to 64 MB for reuse (glibc: mallopt M_MMAP_THRESHOLD 32 MB,
    M_TRIM_THRESHOLD 64 MB), so arrays of a few MB are not mapped afresh on every call. The
    library never calls it; a program (such as bench/eventstudy_bench.py) may, once.
    IMPACT_KEEP_HEAP=0 makes it do nothing; elsewhere than Linux/glibc it does nothing.
    Returns whether it was set."""
    if os.environ.get("IMPACT_KEEP_HEAP", "1") == "0" or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3  # from glibc's malloc.h
        return bool(libc.mallopt(m_mmap_threshold, 32 << 20)) and bool(
            libc.mallopt(m_trim_threshold, 64 << 20)
        )
    except (OSError, AttributeError):  # not glibc (musl, ...)
        return False


_THREAD_NAME = "impact-eventstudy"


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=_workers(), thread_name_prefix=_THREAD_NAME)


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def spare_threads() -> ThreadPoolExecutor | None:
    """The engine's thread pool if the machine has more than one core, else None; None also
    on one of the pool's own threads, where waiting for the pool could wait forever."""
    if _workers() == 1 or threading.current_thread().name.startswith(_THREAD_NAME):
        return None
    return _pool()


if hasattr(os, "register_at_fork"):  # a forked child has none of the parent's threads
    os.register_at_fork(after_in_child=_pool.cache_clear)


def map_row_blocks(fn: Callable[[int, int], T], n: int, min_rows: int = 256) -> list[T]:
    """``fn(lo, hi)`` for consecutive row blocks [lo, hi) covering 0..n, results in row order.

    Blocks of at most BLOCK_ROWS rows (and at least ``min_rows``) run on the machine's cores,
    as numpy releases the GIL inside its loops and sorts (measured on 2 cores: 1.3–1.9x faster
    from 10,000 events on; below a few thousand events, one block is faster)."""
    threads = spare_threads()
    if threads is None or n < 2 * min_rows:
        return [fn(0, n)]
    size = max(min_rows, min(BLOCK_ROWS, -(-n // _workers())))
    return list(threads.map(lambda lo: fn(lo, min(lo + size, n)), range(0, n, size)))


def _as3(f: np.ndarray | None, n: int, length: int) -> np.ndarray:
    if f is None:
        return np.zeros((n, length, 0))
    f = np.asarray(f, float)
    return f[:, :, None] if f.ndim == 2 else f


# the per-event arrays fit_batch computes, in the order _fit_rows returns them
_FIELDS = (
    "params", "sigma2", "resid_est", "ar", "var_ar", "sar", "car", "var_car", "scar", "p_car",
    "bhar", "expected",
)  # fmt: skip


def fit_batch(
    r_est: np.ndarray,
    r_evt: np.ndarray,
    f_est: np.ndarray | None = None,
    f_evt: np.ndarray | None = None,
    model: str = "market",
    *,
    on_residuals: ResidualHook | None = None,
) -> BatchResult:
    """All events at once. ``r_est`` (N, L1) and ``r_evt`` (N, L2) are the security returns;
    ``f_est`` (N, L1[, k]) and ``f_evt`` (N, L2[, k]) the benchmark or factor returns.

    Events are independent, so blocks of them are fitted on the machine's cores
    (map_row_blocks); every block runs the same formulas (_fit_rows).

    ``on_residuals(resid_est, ar, sumsq)`` is called once with the final estimation residuals,
    abnormal returns and Σ_E e² per event (None for market-adjusted), as soon as they are
    known: in a one-block batch, before the variances, t-statistics, p-values and BHARs, so
    that the caller can start work on them meanwhile (significance.study_batch does)."""
    if model not in MODELS:
        raise ValueError(f"model {model!r}: expected one of {', '.join(MODELS)}")
    y_e = np.asarray(r_est, float)
    y_w = np.asarray(r_evt, float)
    n, L1 = y_e.shape
    L2 = y_w.shape[1]
    if model == "market_adjusted":
        fe, fw, k = _as3(f_est, n, L1), _as3(f_evt, n, L2), 0
        dof = L1 - 1
    else:
        if model == "constant_mean":
            fe, fw = np.zeros((n, L1, 0)), np.zeros((n, L2, 0))
        elif np.ndim(f_est) == 2 or (np.ndim(f_est) == 3 and np.shape(f_est)[2] == 1):
            # one benchmark: the 2-D closed form of the market model
            fe = np.asarray(f_est, float).reshape(n, L1)
            fw = np.asarray(f_evt, float).reshape(n, L2)
        else:
            fe, fw = _as3(f_est, n, L1), _as3(f_evt, n, L2)
        k = 1 if fe.ndim == 2 else fe.shape[2]
        if model == "market" and k != 1:
            raise ValueError("the market model takes exactly one benchmark; use model='factor'")
        dof = L1 - k - 1
        if dof <= 0:
            raise ValueError(f"estimation window of {L1} sessions is too short for {k} factors")

    fields: dict[str, np.ndarray] = {}

    def rows(lo: int, hi: int) -> None:
        hook = on_residuals if hi - lo == n else None
        block = _fit_rows(y_e[lo:hi], y_w[lo:hi], fe[lo:hi], fw[lo:hi], model, dof, hook)
        if hi - lo == n:  # one block: its arrays are the result
            fields.update(zip(_FIELDS, block, strict=True))
            return
        for name, values in zip(_FIELDS, block, strict=True):
            if name not in fields:  # setdefault: the first block to get here allocates
                fields.setdefault(name, np.empty((n, *values.shape[1:])))
            fields[name][lo:hi] = values

    blocks = map_row_blocks(rows, n, min_rows=2048)
    if on_residuals is not None and len(blocks) > 1:
        sumsq = None if model == "market_adjusted" else fields["sigma2"] * dof
        on_residuals(fields["resid_est"], fields["ar"], sumsq)
    return BatchResult(model, L1, L2, k, dof, t_ar=fields["sar"], t_car=fields["scar"], **fields)


def _fit_rows(
    y_e: np.ndarray,
    y_w: np.ndarray,
    fe: np.ndarray,
    fw: np.ndarray,
    model: str,
    dof: int,
    on_residuals: ResidualHook | None = None,
) -> tuple[np.ndarray, ...]:
    """The per-event arrays of _FIELDS for a block of events (formulas in the module docstring).
    ``on_residuals`` as in fit_batch."""
    n, L1 = y_e.shape
    L2 = y_w.shape[1]
    if model == "market_adjusted":
        resid = y_e - fe[:, :, 0]
        ar = y_w - fw[:, :, 0]
        if on_residuals is not None:
            on_residuals(resid, ar, None)
        sigma2 = resid.var(axis=1, ddof=1)
        var_ar = np.repeat(sigma2[:, None], L2, axis=1)
        var_car = L2 * sigma2
        expected = fw[:, :, 0]
        params = np.zeros((n, 0))
    else:
        # centred regressors make the normal equations well conditioned and give the
        # textbook closed forms: with x = F − mean_E(F), X*(XᵀX)⁻¹X*ᵀ = 1/L1 + x* S⁻¹ x*ᵀ
        ones = np.ones(L1)
        mean_y = np.vecdot(y_e, ones) / L1
        if fe.ndim == 2:  # the market model: closed forms, a few passes over (n, L1)
            mean_m = np.vecdot(fe, ones) / L1
            # S_mm = Σm² − L1·m̄² and S_my = Σmy − L1·m̄ȳ: sums of products, no temporaries
            s_mm = np.vecdot(fe, fe) - L1 * mean_m * mean_m
            beta = (np.vecdot(fe, y_e) - L1 * mean_m * mean_y) / s_mm
            alpha = mean_y - beta * mean_m
            resid = np.multiply(fe, -beta[:, None])  # y − α − βm, built in place
            resid += y_e
            resid -= alpha[:, None]
            expected = alpha[:, None] + beta[:, None] * fw
        elif fe.shape[2]:
            mean_f = fe.mean(axis=1, keepdims=True)  # (n, 1, k)
            xe, xw = fe - mean_f, fw - mean_f
            s = np.einsum("ntk,ntj->nkj", xe, xe)  # (n, k, k)
            sxy = np.einsum("ntk,nt->nk", xe, y_e - mean_y[:, None])
            s_inv = np.linalg.inv(s)
            beta = np.einsum("nkj,nj->nk", s_inv, sxy)
            resid = y_e - mean_y[:, None] - np.einsum("ntk,nk->nt", xe, beta)
            expected = mean_y[:, None] + np.einsum("ntk,nk->nt", xw, beta)
        else:
            resid = y_e - mean_y[:, None]
            expected = np.repeat(mean_y[:, None], L2, axis=1)
        sumsq = np.vecdot(resid, resid)
        ar = y_w - expected
        if on_residuals is not None:  # before the leverage terms, variances and p-values
            on_residuals(resid, ar, sumsq)
        if fe.ndim == 2:
            x_w = fw - mean_m[:, None]
            lev = x_w * x_w / s_mm[:, None]
            quad = x_w.sum(axis=1) ** 2 / s_mm
            params = np.column_stack([alpha, beta])
        elif fe.shape[2]:
            lev = np.einsum("ntk,nkj,ntj->nt", xw, s_inv, xw)  # x*_τ S⁻¹ x*_τᵀ
            xsum = xw.sum(axis=1)  # γᵀx*
            quad = np.einsum("nk,nkj,nj->n", xsum, s_inv, xsum)
            alpha = mean_y - np.einsum("nk,nk->n", mean_f[:, 0, :], beta)
            params = np.concatenate([alpha[:, None], beta], axis=1)
        else:
            lev = np.zeros((n, L2))
            quad = np.zeros(n)
            params = mean_y[:, None]
        sigma2 = sumsq / dof
        var_ar = sigma2[:, None] * (1.0 + 1.0 / L1 + lev)
        var_car = sigma2 * (L2 + L2 * L2 / L1 + quad)
    car = ar.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):  # no variance (all-zero returns): nan
        sar = ar / np.sqrt(var_ar)
        scar = car / np.sqrt(var_car)
    from scipy import special  # imported where used: a check's one-event AR does not need it

    p_car = 2 * special.stdtr(dof, -np.abs(scar))  # two-sided p of t(dof)
    bhar = np.prod(1 + y_w, axis=1) - np.prod(1 + expected, axis=1)
    return params, sigma2, resid, ar, var_ar, sar, car, var_car, scar, p_car, bhar, expected
