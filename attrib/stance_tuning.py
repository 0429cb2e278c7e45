"""Inference settings of a trained stance branch, derived from data instead of set by hand.

- `unmentioned_name_neutral`: the share of `neutral` among train passages that never name
  their (proper-name) target; such passages then skip the model (see `StanceConfig`).
- `passage_neutral_bias`: the shift of the neutral logit for attribution passages, chosen
  on dev as the smallest bias whose macro-F1 is within `tolerance` of the best one: the
  model, trained mostly on neutral passages, under-calls favor and against.
- `passage_temperature`: divides the shifted logits so the confidences match dev's outcomes (the
  labels stay as they are); fitted by log-loss on the dev passages the model scores.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import torch

from .calibration import expected_calibration_error
from .data.stance import StanceExample
from .metrics import stance_metrics
from .stance import StanceClassifier, leaves_name_target_unnamed, scaled_probabilities

BIASES = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


def unmentioned_neutral_share(train: Sequence[StanceExample]) -> float:
    """Share of `neutral` among labelled train passages that never name their name target."""
    labels = [e.label for e in train if leaves_name_target_unnamed(e) and e.label]
    if not labels:
        raise ValueError("no labelled passage leaves its name target unnamed")
    return sum(label == "neutral" for label in labels) / len(labels)


@dataclass(frozen=True)
class BiasSweep:
    rows: list[tuple[float, dict[str, float]]]  # (bias, stance metrics on dev)
    chosen: float
    logits: torch.Tensor  # [N, 3] of the passages the model scored (the shortcut skips the rest)
    gold: list[str]  # their labels


def sweep_passage_bias(classifier: StanceClassifier, dev: Sequence[StanceExample],
                       biases: Sequence[float] = BIASES, tolerance: float = 0.005) -> BiasSweep:
    """Dev stance metrics under each neutral bias (passages the shortcut skips stay neutral)."""
    skip = [leaves_name_target_unnamed(e) for e in dev]
    todo = [e for e, s in zip(dev, skip) if not s]
    gold = [e.label for e in dev]
    logits = classifier.logits(todo) if todo else None
    neutral = classifier.labels.index("neutral")
    rows = []
    for bias in biases:
        preds = iter([])
        if logits is not None:
            shifted = logits.clone()
            shifted[:, neutral] -= bias
            preds = iter(classifier.labels[int(i)] for i in shifted.argmax(-1))
        rows.append((bias, stance_metrics(gold, ["neutral" if s else next(preds) for s in skip])))
    best = max(m["stance_macro_f1"] for _, m in rows)
    chosen = min(b for b, m in rows if m["stance_macro_f1"] >= best - tolerance)
    scored = torch.zeros(0, len(classifier.labels)) if logits is None else logits
    return BiasSweep(rows, chosen, scored, [e.label for e in todo])


@dataclass(frozen=True)
class TemperatureFit:
    temperature: float
    ece_before: float  # at temperature 1
    ece_after: float  # fitted and scored on the same passages
    ece_held_out: float  # mean over two halves, each scored under the temperature fitted on the other


def _confidence_outcomes(logits: torch.Tensor, gold: Sequence[str], labels: Sequence[str], bias: float,
                         temperature: float) -> tuple[list[float], list[bool]]:
    best = scaled_probabilities(logits, labels, bias, temperature).max(-1)
    return best.values.tolist(), [labels[int(i)] == g for i, g in zip(best.indices, gold)]


def best_temperature(logits: torch.Tensor, gold: Sequence[str], labels: Sequence[str], bias: float = 0.0) -> float:
    """The temperature (0.25 to 8, log grid) with the least log-loss of `gold` under the shifted logits."""
    if len(gold) == 0:
        return 1.0
    grid = torch.logspace(-2, 3, 301, base=2.0)
    target = torch.tensor([labels.index(g) for g in gold])
    losses = [float(torch.nn.functional.nll_loss(scaled_probabilities(logits, labels, bias, float(t)).clamp_min(1e-12).log(),
                                                  target)) for t in grid]
    return round(float(grid[min(range(len(losses)), key=losses.__getitem__)]), 4)


def fit_temperature(sweep: BiasSweep, labels: Sequence[str]) -> TemperatureFit:
    """Temperature for the sweep's scored passages under its chosen bias, with the ECE it buys."""
    def ece(idx: Sequence[int], temperature: float) -> float:
        conf, ok = _confidence_outcomes(sweep.logits[list(idx)], [sweep.gold[i] for i in idx], labels, sweep.chosen,
                                        temperature)
        return expected_calibration_error(conf, ok)

    everything = range(len(sweep.gold))
    halves = (everything[0::2], everything[1::2])
    temperature = best_temperature(sweep.logits, sweep.gold, labels, sweep.chosen)
    held_out = [ece(test, best_temperature(sweep.logits[list(fit)], [sweep.gold[i] for i in fit], labels, sweep.chosen))
                for fit, test in (halves, halves[::-1])]
    return TemperatureFit(temperature, ece(everything, 1.0), ece(everything, temperature), sum(held_out) / 2)
