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

from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import special

__all__ = ["MODELS", "BatchResult", "Model", "fit_batch"]

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


def _as3(f: np.ndarray | None, n: int, length: int) -> np.ndarray:
    if f is None:
        return np.zeros((n, length, 0))
    f = np.asarray(f, float)
    return f[:, :, None] if f.ndim == 2 else f


def fit_batch(
    r_est: np.ndarray,
    r_evt: np.ndarray,
    f_est: np.ndarray | None = None,
    f_evt: np.ndarray | None = None,
    model: str = "market",
) -> BatchResult:
    """All events at once. ``r_est`` (N, L1) and ``r_evt`` (N, L2) are the security returns;
    ``f_est`` (N, L1[, k]) and ``f_evt`` (N, L2[, k]) the benchmark or factor returns."""
    if model not in MODELS:
        raise ValueError(f"model {model!r}: expected one of {', '.join(MODELS)}")
    y_e = np.asarray(r_est, float)
    y_w = np.asarray(r_evt, float)
    n, L1 = y_e.shape
    L2 = y_w.shape[1]
    if model == "market_adjusted":
        fe, fw = _as3(f_est, n, L1), _as3(f_evt, n, L2)
        resid = y_e - fe[:, :, 0]
        ar = y_w - fw[:, :, 0]
        dof = L1 - 1
        sigma2 = resid.var(axis=1, ddof=1)
        var_ar = np.repeat(sigma2[:, None], L2, axis=1)
        var_car = L2 * sigma2
        expected = fw[:, :, 0]
        params = np.zeros((n, 0))
        k = 0
    else:
        if model == "constant_mean":
            fe, fw = np.zeros((n, L1, 0)), np.zeros((n, L2, 0))
        elif np.ndim(f_est) == 2 or (np.ndim(f_est) == 3 and np.shape(f_est)[2] == 1):
            fe, fw = None, None  # one benchmark: the 2-D closed form below
        else:
            fe, fw = _as3(f_est, n, L1), _as3(f_evt, n, L2)
        k = 1 if fe is None else fe.shape[2]
        if model == "market" and k != 1:
            raise ValueError("the market model takes exactly one benchmark; use model='factor'")
        dof = L1 - k - 1
        if dof <= 0:
            raise ValueError(f"estimation window of {L1} sessions is too short for {k} factors")
        # centred regressors make the normal equations well conditioned and give the
        # textbook closed forms: with x = F − mean_E(F), X*(XᵀX)⁻¹X*ᵀ = 1/L1 + x* S⁻¹ x*ᵀ
        mean_y = y_e.mean(axis=1, keepdims=True)
        if fe is None:  # the market model: closed forms, a few passes over (N, L1)
            m_e = np.asarray(f_est, float).reshape(n, L1)
            m_w = np.asarray(f_evt, float).reshape(n, L2)
            mean_m = m_e.mean(axis=1)
            # S_mm = Σm² − L1·m̄² and S_my = Σmy − L1·m̄ȳ: sums of products, no temporaries
            s1 = np.einsum("nt,nt->n", m_e, m_e) - L1 * mean_m * mean_m
            beta1 = (np.einsum("nt,nt->n", m_e, y_e) - L1 * mean_m * mean_y[:, 0]) / s1
            alpha = mean_y[:, 0] - beta1 * mean_m
            x1w = m_w - mean_m[:, None]
            fitted_w = alpha[:, None] + beta1[:, None] * m_w
            resid = np.multiply(m_e, -beta1[:, None])  # y − α − βm, built in place
            resid += y_e
            resid -= alpha[:, None]
            fitted_e = None
            lev = x1w * x1w / s1[:, None]
            quad = x1w.sum(axis=1) ** 2 / s1
            params = np.column_stack([alpha, beta1])
        elif k:
            mean_f = fe.mean(axis=1, keepdims=True)  # (N, 1, k)
            xe, xw = fe - mean_f, fw - mean_f
            s = np.einsum("ntk,ntj->nkj", xe, xe)  # (N, k, k)
            sxy = np.einsum("ntk,nt->nk", xe, y_e - mean_y)
            s_inv = np.linalg.inv(s)
            beta = np.einsum("nkj,nj->nk", s_inv, sxy)
            fitted_e = mean_y + np.einsum("ntk,nk->nt", xe, beta)
            fitted_w = mean_y + np.einsum("ntk,nk->nt", xw, beta)
            lev = np.einsum("ntk,nkj,ntj->nt", xw, s_inv, xw)  # x*_τ S⁻¹ x*_τᵀ
            xsum = xw.sum(axis=1)  # γᵀx*
            quad = np.einsum("nk,nkj,nj->n", xsum, s_inv, xsum)
            alpha = mean_y[:, 0] - np.einsum("nk,nk->n", mean_f[:, 0, :], beta)
            params = np.concatenate([alpha[:, None], beta], axis=1)
        else:
            fitted_e = np.broadcast_to(mean_y, (n, L1))
            fitted_w = np.broadcast_to(mean_y, (n, L2))
            lev = np.zeros((n, L2))
            quad = np.zeros(n)
            params = mean_y.copy()
        if fitted_e is not None:
            resid = y_e - fitted_e
        sigma2 = np.einsum("nt,nt->n", resid, resid) / dof
        ar = y_w - fitted_w
        var_ar = sigma2[:, None] * (1.0 + 1.0 / L1 + lev)
        var_car = sigma2 * (L2 + L2 * L2 / L1 + quad)
        expected = fitted_w
    car = ar.sum(axis=1)
    sar = ar / np.sqrt(var_ar)
    scar = car / np.sqrt(var_car)
    p_car = 2 * special.stdtr(dof, -np.abs(scar))  # two-sided p of t(dof)
    bhar = np.prod(1 + y_w, axis=1) - np.prod(1 + expected, axis=1)
    return BatchResult(
        model,
        L1,
        L2,
        k,
        dof,
        params,
        sigma2,
        resid,
        ar,
        var_ar,
        sar,
        car,
        var_car,
        scar,
        scar,
        p_car,
        sar,
        bhar,
        expected,
    )
