"""Training the outlet classifier on a trained attribution model's (frozen) token states.

The encoder is not updated, so each article's states are computed once and the small
classifier trains on its candidate spans for many epochs in a minute on a CPU. Labels:
a candidate is an outlet when it overlaps an `outlet_span` of the team's labels;
articles without outlet labels are left out.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence, Union

import numpy as np
import torch
from transformers import TrainingArguments, set_seed

from .modeling.configuration_outlet import OutletConfig
from .modeling.modeling_outlet import OutletClassifier
from .outlets import candidate_inputs
from .pipeline import Attributor
from .schema import Article
from .train import train_with_early_stopping


def outlet_labelled(articles: Sequence[Article]) -> list[Article]:
    """Articles whose attributions all carry outlet labels."""
    return [a for a in articles if a.attributions and all("outlet" in att.labelled for att in a.attributions)]


class CandidateSet(torch.utils.data.Dataset):
    """(span states, features, label) of every candidate in labelled articles, computed once."""

    def __init__(self, attributor: Attributor, articles: Sequence[Article]) -> None:
        self.rows: list[dict[str, Any]] = []
        articles = outlet_labelled(articles)
        for art, (tok, states, _) in zip(articles, attributor.encode(list(articles))):
            if states is None:
                continue
            gold = [tuple(p) for att in art.attributions for p in att.outlet_span]
            cands, span_states, features = candidate_inputs(art, tok, states)
            for c, h, f in zip(cands, span_states, features):
                label = float(any(s < c[1] and c[0] < e for s, e in gold))
                self.rows.append({"span_states": h, "features": f, "labels": torch.tensor(label)})

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.rows[i]

    @property
    def positives(self) -> int:
        return int(sum(r["labels"].item() for r in self.rows))


def candidate_f1(eval_pred) -> dict[str, float]:
    logits, labels = eval_pred
    pred = np.asarray(logits) > 0
    gold = np.asarray(labels) > 0.5
    tp = float((pred & gold).sum())
    prec = tp / pred.sum() if pred.sum() else 0.0
    rec = tp / gold.sum() if gold.sum() else 0.0
    return {"outlet_p": prec, "outlet_r": rec, "outlet_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def train_outlet(train_articles: Sequence[Article], dev_articles: Sequence[Article],
                 attrib_model_dir: Union[str, Path], output: Union[str, Path], epochs: float = 30.0,
                 learning_rate: float = 1e-3, batch_size: int = 64, seed: int = 13, patience: int = 6,
                 progress: bool = True, state_dim: int = 32) -> dict[str, float]:
    """Train the outlet classifier; writes `output` (config + safetensors) and its metrics log."""
    set_seed(seed)
    output = Path(output)
    attributor = Attributor.from_pretrained(attrib_model_dir, precision="fp32")
    train_ds, dev_ds = CandidateSet(attributor, train_articles), CandidateSet(attributor, dev_articles)
    if not train_ds.positives or not dev_ds.positives:
        raise ValueError(f"no labelled outlets among the candidates ({train_ds.positives} train, {dev_ds.positives} dev)")
    hidden = train_ds.rows[0]["span_states"].shape[-1] // 3
    model = OutletClassifier(OutletConfig(hidden_size=hidden, state_dim=state_dim))
    args = TrainingArguments(
        output_dir=str(output / "checkpoints"), num_train_epochs=epochs, learning_rate=learning_rate,
        per_device_train_batch_size=batch_size, per_device_eval_batch_size=256, weight_decay=0.01,
        warmup_steps=len(train_ds) // batch_size, eval_strategy="epoch", save_strategy="epoch", save_total_limit=2,
        load_best_model_at_end=True, metric_for_best_model="outlet_f1", greater_is_better=True,
        logging_strategy="epoch", seed=seed, data_seed=seed, use_cpu=not torch.cuda.is_available(),
        report_to=[], disable_tqdm=not progress, remove_unused_columns=False, dataloader_num_workers=0,
    )
    final = train_with_early_stopping(model, args, train_ds, dev_ds, candidate_f1, patience, output)
    final.update({"train_candidates": len(train_ds), "train_outlets": train_ds.positives,
                  "dev_candidates": len(dev_ds), "dev_outlets": dev_ds.positives})
    return final
