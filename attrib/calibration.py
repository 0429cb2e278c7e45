"""Confidence calibration: Platt scaling of the raw attribution confidence, fitted on dev outcomes.

The raw confidence (geometric mean of tag and link probabilities) ranks attributions well
but overstates how often they are right; `p = sigmoid(a * logit(raw) + b)` maps it to the
observed rate of end-to-end correct attributions.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

EPS = 1e-6


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p / (1 - p))


def fit_platt(confidences: Sequence[float], correct: Sequence[bool]) -> tuple[float, float]:
    """(a, b) minimising the log-loss of `correct` under sigmoid(a * logit(conf) + b).

    A coarse-to-fine grid search: two parameters need no optimiser, and unlike Newton's
    method it cannot diverge when confidences crowd near 1.
    """
    x = _logit(np.asarray(confidences, dtype=np.float64))
    y = np.asarray(correct, dtype=np.float64)
    if len(x) == 0 or y.min() == y.max():
        return 1.0, 0.0

    def loss(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        z = a[..., None] * x + b[..., None]
        return np.mean(np.logaddexp(0, z) - y * z, axis=-1)

    best_a, best_b, width_a, width_b = 1.0, 0.0, 2.0, 5.0
    for _ in range(4):
        a_grid = np.linspace(max(0.0, best_a - width_a), best_a + width_a, 41)
        b_grid = np.linspace(best_b - width_b, best_b + width_b, 41)
        aa, bb = np.meshgrid(a_grid, b_grid, indexing="ij")
        i, j = np.unravel_index(np.argmin(loss(aa, bb)), aa.shape)
        best_a, best_b = float(a_grid[i]), float(b_grid[j])
        width_a, width_b = width_a / 8, width_b / 8
    return best_a, best_b


def apply_platt(confidence: float, params: Sequence[float]) -> float:
    a, b = params
    return float(1 / (1 + np.exp(-(a * _logit(np.asarray(confidence)) + b))))


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool]) -> float:
    """ECE of parallel lists, by the same binned counts `attrib eval` adds up over articles."""
    from collections import Counter

    from .metrics import calibration_counts, ece_from_counts

    counts: Counter = Counter()
    for c, ok in zip(confidences, correct):
        calibration_counts(counts, "x", float(c), bool(ok))
    return ece_from_counts(counts, "x")
