"""Platt scaling: fitted parameters bring an overconfident score to the observed rate."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.calibration import apply_platt, expected_calibration_error, fit_platt


def test_platt_fixes_overconfidence():
    rng = np.random.default_rng(0)
    conf = rng.uniform(0.5, 1.0, 3000)
    right = rng.uniform(size=3000) < conf - 0.4  # right far less often than the score claims
    before = expected_calibration_error(conf, right)
    params = fit_platt(conf, right)
    after = expected_calibration_error([apply_platt(c, params) for c in conf], right)
    assert before > 0.3 and after < 0.08, (before, after, params)


def test_degenerate_outcomes_keep_the_identity():
    assert fit_platt([0.2, 0.9], [True, True]) == (1.0, 0.0)
    assert abs(apply_platt(0.7, (1.0, 0.0)) - 0.7) < 1e-9


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 1), st.floats(0.01, 3), st.floats(-3, 3))
def test_calibrated_confidence_is_a_probability_and_keeps_order(c, a, b):
    p = apply_platt(c, (a, b))
    assert 0.0 <= p <= 1.0
    assert apply_platt(min(1.0, c + 0.01), (a, b)) >= p - 1e-12
