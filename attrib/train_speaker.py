"""Training the speaker ranker on a trained attribution model's (frozen) token states.

Rows are the gold attributions whose canonical speaker the team labelled: the label is
the candidate whose name is the labelled speaker (candidate 0 when the speaker is null).
Rows whose speaker is not among the article's name forms are left out of training (and
counted), since no candidate could be right. The encoder is not updated, so each
article's states are computed once and the ranker trains in a minute or two on a CPU.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence, Union

import numpy as np
import torch
from transformers import set_seed

from .modeling.configuration_speaker import SpeakerConfig
from .modeling.modeling_speaker import SpeakerRanker
from .pipeline import Attributor
from .schema import Article
from .speaker_ranking import FEATURES, NameForm, ranker_inputs
from .speakers import resolve_speakers
from .text import normalise_name
from .train import train_with_early_stopping, training_arguments


def gold_index(candidates: Sequence[Optional[NameForm]], speaker: Optional[str]) -> Optional[int]:
    """The candidate naming `speaker` (0 = nobody), or None when no candidate does."""
    if not speaker:
        return 0
    want = normalise_name(speaker)
    for i, c in enumerate(candidates):
        if c is not None and normalise_name(c.name) == want:
            return i
    return None


class SourceSet(torch.utils.data.Dataset):
    """Ranker inputs and labels of every speaker-labelled gold attribution, computed once."""

    def __init__(self, attributor: Attributor, articles: Sequence[Article]) -> None:
        self.rows: list[dict[str, Any]] = []
        self.unreachable = 0
        articles = [a for a in articles if any("speaker" in att.labelled for att in a.attributions)]
        for art, (tok, states, _) in zip(articles, attributor.encode(list(articles))):
            if states is None:
                continue
            rules = resolve_speakers(art)  # sorted by content, like the gold it was built from
            gold = sorted(art.attributions, key=lambda a: a.content[0])
            batch = ranker_inputs(art, tok, states, rules)
            for r, g in enumerate(gold):
                if "speaker" not in g.labelled:
                    continue
                label = gold_index(batch.candidates[r], g.speaker)
                if label is None:
                    self.unreachable += 1
                    continue
                # Clones, so a row does not keep its whole article's batch alive.
                self.rows.append({k: v[r].clone() for k, v in batch.model_inputs().items()} | {"labels": torch.tensor(label)})

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.rows[i]


def ranking_accuracy(eval_pred) -> dict[str, float]:
    logits, labels = eval_pred
    return {"speaker_accuracy": float((np.asarray(logits).argmax(-1) == np.asarray(labels)).mean())}


def train_speaker(train_articles: Sequence[Article], dev_articles: Sequence[Article],
                  attrib_model_dir: Union[str, Path], output: Union[str, Path], epochs: float = 40.0,
                  learning_rate: float = 1e-3, batch_size: int = 32, seed: int = 13, patience: int = 8,
                  progress: bool = True, state_dim: int = 32) -> dict[str, float]:
    """Train the speaker ranker; writes `output` (config + safetensors) and its metrics log."""
    set_seed(seed)
    output = Path(output)
    attributor = Attributor.from_pretrained(attrib_model_dir, precision="fp32")
    train_ds, dev_ds = SourceSet(attributor, train_articles), SourceSet(attributor, dev_articles)
    if not len(train_ds) or not len(dev_ds):
        raise ValueError(f"no speaker-labelled attributions ({len(train_ds)} train, {len(dev_ds)} dev)")
    hidden = train_ds.rows[0]["source_state"].shape[-1]
    model = SpeakerRanker(SpeakerConfig(hidden_size=hidden, num_features=len(FEATURES), state_dim=state_dim))
    steps_per_epoch = max(1, -(-len(train_ds) // batch_size))
    args = training_arguments(output, epochs=epochs, learning_rate=learning_rate, batch_size=batch_size,
                              train_rows=len(train_ds), eval_steps=steps_per_epoch, metric="speaker_accuracy",
                              seed=seed, progress=progress, eval_batch_size=256)
    final = train_with_early_stopping(model, args, train_ds, dev_ds, ranking_accuracy, patience, output)
    final.update({"train_sources": len(train_ds), "train_unreachable": train_ds.unreachable,
                  "dev_sources": len(dev_ds), "dev_unreachable": dev_ds.unreachable})
    return final
