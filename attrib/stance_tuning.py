"""Inference settings of a trained stance branch, derived from data instead of set by hand.

- `unmentioned_name_neutral`: the share of `neutral` among train passages that never name
  their (proper-name) target; such passages then skip the model (see `StanceConfig`).
- `passage_neutral_bias`: the shift of the neutral logit for attribution passages, chosen
  on dev as the smallest bias whose macro-F1 is within `tolerance` of the best one: the
  model, trained mostly on neutral passages, under-calls favor and against.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .data.stance import StanceExample
from .metrics import stance_metrics
from .stance import StanceClassifier, leaves_name_target_unnamed

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
    return BiasSweep(rows, chosen)
