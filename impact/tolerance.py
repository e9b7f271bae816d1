"""The one tolerance policy: how far a realized figure may lie from the stated one.

Rules (after claims-methods.md §4.2; every parameter is a field of :class:`Tolerance`):

- *Rounding interval* of the stated precision: ``u = 0.5 × 10^-decimals``; a bare "9,1" means
  [9.05, 9.15), a bare "11" means [10.5, 11.5); a number in words carries its own rounding
  ("a fifth" 20 ± 2.5, "doubled" +100 ± 10; numbers.py ``half_unit``).
- *Hedges as intervals* around the stated value x:
  ``exact`` and ``up_to`` [x − u, x + u); ``about`` [x − a, x + a] with a = max(2u, about_rel·x);
  ``over``/``at_least`` [x, far_factor·x] (above that: *far above*, which is misleading;
  far_factor = 3: "more than 2%" for a 3.6% move is true, for a 9% move it hides the size);
  ``under``/``at_most`` [x/far_factor, x]; ``just_under`` ("fast", "knapp", "nearly") [x − δ, x]
  (nearly means not quite: a value above x is outside) and ``just_over`` [x − u, x + δ], with
  δ = max(2u, near_rel·x), near_rel = 10 %.
- *Second band* for vendor differences (→ mostly_correct): the interval widened by
  max(band_abs, band_rel·x) on each side (band_abs in percentage points for percent figures,
  0 for money, where only band_rel applies).
- *Direction wins*: a realized move of the other sign is never inside any band.

Deviation from the methods note: round unhedged numbers get no wider *correct* interval; the
vendor band, which grows with x, already gives them room as mostly_correct. "über X" with the
realized value just below X (inside the band) is mostly_correct rather than false.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DEFAULT_TOLERANCE", "Interval", "Judgement", "Tolerance"]

Fit = Literal["exact", "band", "far", "miss", "wrong_direction"]


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def contains(self, value: float) -> bool:
        above = value > self.lo if self.lo_open else value >= self.lo
        below = value < self.hi if self.hi_open else value <= self.hi
        return above and below

    def label(self, unit: str = "") -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        hi = "∞" if self.hi == float("inf") else f"{self.hi:.4g}"
        return f"{left}{self.lo:.4g}, {hi}{right}{unit}"


@dataclass(frozen=True, slots=True)
class Judgement:
    fit: Fit
    correct: Interval
    band: Interval


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Parameters of the policy (see the module docstring)."""

    about_rel: float = 0.03
    near_rel: float = 0.10
    far_factor: float = 3.0
    band_abs: float = 0.1
    band_rel: float = 0.02

    def intervals(
        self,
        value: float,
        decimals: int,
        hedge: str,
        absolute_band: bool = True,
        half_unit: float | None = None,
    ) -> tuple[Interval, Interval]:
        """(correct interval, second band) for a stated magnitude (a positive number);
        ``half_unit``: the rounding a number in words implies ("a fifth": 2.5), else u."""
        x = abs(value)
        u = half_unit if half_unit else 0.5 * 10 ** (-decimals)
        if hedge in {"exact", "up_to"}:
            correct = Interval(x - u, x + u, hi_open=True)
        elif hedge == "about":
            a = max(2 * u, self.about_rel * x)
            correct = Interval(x - a, x + a)
        elif hedge in {"over", "at_least"}:
            correct = Interval(x, self.far_factor * x, lo_open=hedge == "over")
        elif hedge in {"under", "at_most"}:
            correct = Interval(x / self.far_factor, x, hi_open=hedge == "under")
        elif hedge == "just_under":
            correct = Interval(x - max(2 * u, self.near_rel * x), x)
        elif hedge == "just_over":
            correct = Interval(x - u, x + max(2 * u, self.near_rel * x))
        else:
            raise ValueError(f"unknown hedge {hedge!r}")
        w = max(self.band_abs if absolute_band else 0.0, self.band_rel * x)
        band = Interval(max(0.0, correct.lo - w), correct.hi + w)
        return correct, band

    def judge(
        self,
        realized: float,
        value: float,
        decimals: int,
        hedge: str,
        direction: str = "none",
        absolute_band: bool = True,
        half_unit: float | None = None,
    ) -> Judgement:
        """Where a realized figure falls. For moves, ``realized`` is signed and ``direction``
        the claimed one; the comparison is on magnitudes once the sign agrees."""
        correct, band = self.intervals(value, decimals, hedge, absolute_band, half_unit)
        if direction in {"up", "down"} and realized != 0:
            if (realized > 0) != (direction == "up"):
                return Judgement("wrong_direction", correct, band)
        size = abs(realized)
        if correct.contains(size):
            return Judgement("exact", correct, band)
        if hedge in {"over", "at_least"} and size > correct.hi:
            return Judgement("far", correct, band)
        if hedge in {"under", "at_most"} and size < correct.lo:
            return Judgement("far", correct, band)
        if band.contains(size):
            return Judgement("band", correct, band)
        return Judgement("miss", correct, band)


DEFAULT_TOLERANCE = Tolerance()
