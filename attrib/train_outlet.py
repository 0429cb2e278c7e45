"""Training the outlet tagger on token states of a trained attribution model (frozen).

The encoder is not updated, so its states are computed once per article and the small
tagger trains on them for many epochs in minutes on a CPU. Labels are the outlet
mentions (`outlet_span`) of articles the team labelled; other articles are left out.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence, Union

import numpy as np
import torch
from transformers import EarlyStoppingCallback, Trainer, TrainingArguments, set_seed

from .data.features import IGNORE, char_span_to_tokens
from .modeling.configuration_outlet import OutletConfig
from .modeling.modeling_outlet import OutletTagger
from .pipeline import Attributor
from .schema import Article

WINDOW = 256


def outlet_labelled(articles: Sequence[Article]) -> list[Article]:
    """Articles whose attributions carry team outlet labels."""
    return [a for a in articles if a.attributions and all("outlet" in att.labelled for att in a.attributions)]


def mention_tags(article: Article, offsets: list[tuple[int, int]]) -> list[int]:
    """B = 1, I = 2 over the tokens of every labelled outlet mention."""
    tags = [0] * len(offsets)
    pieces = sorted({tuple(p) for att in article.attributions for p in att.outlet_span})
    for piece in pieces:
        for first, last in char_span_to_tokens(offsets, [list(piece)]):
            tags[first] = 1
            for t in range(first + 1, last + 1):
                tags[t] = 2
    return tags


class StateWindows(torch.utils.data.Dataset):
    """Fixed windows over precomputed article states, with their outlet tags."""

    def __init__(self, attributor: Attributor, articles: Sequence[Article]) -> None:
        self.rows: list[dict[str, Any]] = []
        for art, (tok, states, _) in zip(articles, attributor.encode(list(articles))):
            if states is None:
                continue
            tags = mention_tags(art, tok.offsets)
            for start in range(0, len(tok), WINDOW):
                self.rows.append({"states": states[start:start + WINDOW].clone(),
                                  "labels": torch.tensor(tags[start:start + WINDOW])})

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return self.rows[i]


def collate_states(rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
    width = max(len(r["labels"]) for r in rows)
    hidden = rows[0]["states"].shape[-1]
    states = torch.zeros(len(rows), width, hidden)
    labels = torch.full((len(rows), width), IGNORE, dtype=torch.long)
    mask = torch.zeros(len(rows), width, dtype=torch.long)
    for i, r in enumerate(rows):
        n = len(r["labels"])
        states[i, :n], labels[i, :n], mask[i, :n] = r["states"], r["labels"], 1
    return {"states": states, "labels": labels, "attention_mask": mask}


def _mentions(tags: np.ndarray) -> set[tuple[int, int]]:
    out, start = set(), None
    for i, t in enumerate(list(tags) + [0]):
        if start is not None and t != 2:
            out.add((start, i))
            start = None
        if t == 1 or (t == 2 and start is None):
            start = i
    return out


def mention_f1(eval_pred) -> dict[str, float]:
    logits, labels = eval_pred
    preds = np.asarray(logits).argmax(-1)
    tp = n_pred = n_gold = 0
    for p, g in zip(preds, labels):
        keep = g != IGNORE
        pm, gm = _mentions(p[keep]), _mentions(g[keep])
        tp, n_pred, n_gold = tp + len(pm & gm), n_pred + len(pm), n_gold + len(gm)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return {"mention_p": prec, "mention_r": rec, "mention_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def train_outlet(train_articles: Sequence[Article], dev_articles: Sequence[Article],
                 attrib_model_dir: Union[str, Path], output: Union[str, Path], epochs: float = 40.0,
                 learning_rate: float = 5e-4, batch_size: int = 16, seed: int = 13, patience: int = 8,
                 progress: bool = True) -> dict[str, float]:
    """Train the outlet tagger; writes `output` (config + safetensors) and its metrics log."""
    set_seed(seed)
    output = Path(output)
    attributor = Attributor.from_pretrained(attrib_model_dir)
    train_ds = StateWindows(attributor, outlet_labelled(train_articles))
    dev_ds = StateWindows(attributor, outlet_labelled(dev_articles))
    if not len(train_ds) or not len(dev_ds):
        raise ValueError(f"no outlet-labelled articles ({len(train_ds)} train windows, {len(dev_ds)} dev windows)")
    model = OutletTagger(OutletConfig(hidden_size=train_ds.rows[0]["states"].shape[-1]))
    steps_per_epoch = max(1, len(train_ds) // batch_size)
    args = TrainingArguments(
        output_dir=str(output / "checkpoints"), num_train_epochs=epochs, learning_rate=learning_rate,
        per_device_train_batch_size=batch_size, per_device_eval_batch_size=64, weight_decay=0.01,
        warmup_steps=steps_per_epoch, eval_strategy="epoch", save_strategy="epoch", save_total_limit=2,
        load_best_model_at_end=True, metric_for_best_model="mention_f1", greater_is_better=True,
        logging_steps=steps_per_epoch, seed=seed, data_seed=seed, use_cpu=not torch.cuda.is_available(),
        report_to=[], disable_tqdm=not progress, remove_unused_columns=False, dataloader_num_workers=0,
    )
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=dev_ds, data_collator=collate_states,
                      compute_metrics=mention_f1, callbacks=[EarlyStoppingCallback(early_stopping_patience=patience)])
    trainer.train()
    final = trainer.evaluate()
    trainer.save_model(str(output))
    (output / "training_args.bin").unlink(missing_ok=True)  # a pickle; the model folder stays safetensors-only
    with (output / "metrics_log.jsonl").open("w", encoding="utf-8") as fh:
        for row in trainer.state.log_history:
            fh.write(json.dumps(row) + "\n")
    return final
