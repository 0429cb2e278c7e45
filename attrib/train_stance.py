"""Training the stance branch: (target, passage) pairs -> `datasets` -> `Trainer`, selected on dev macro-F1."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence, Union

import numpy as np
import torch
from datasets import Dataset
from transformers import AutoModel, AutoTokenizer, EarlyStoppingCallback, Trainer, set_seed

from .data.stance import StanceExample
from .metrics import stance_metrics
from .modeling.configuration_stance import STANCE_LABELS
from .modeling.modeling_attrib import AttribModel
from .modeling.modeling_stance import StanceModel
from .train import finish_training, training_arguments


def examples_to_dataset(examples: Sequence[StanceExample], tokenizer, max_tokens: int) -> Dataset:
    ds = Dataset.from_dict({
        "target": [e.target for e in examples],
        "text": [e.text for e in examples],
        "labels": [STANCE_LABELS.index(e.label) for e in examples],
    })
    return ds.map(lambda b: tokenizer(b["target"], b["text"], truncation="only_second", max_length=max_tokens),
                  batched=True, remove_columns=["target", "text"])


def _compute_metrics(eval_pred) -> dict[str, float]:
    logits, labels = eval_pred
    preds = np.asarray(logits).argmax(-1)
    m = stance_metrics([STANCE_LABELS[i] for i in labels], [STANCE_LABELS[i] for i in preds])
    return {"macro_f1": m["stance_macro_f1"], "f_avg": m["stance_f_avg"], "acc": m["stance_acc"]}


def train_stance(
    train_examples: Sequence[StanceExample],
    dev_examples: Sequence[StanceExample],
    attrib_model_dir: Union[str, Path],
    output: Union[str, Path],
    shared_layers: int = 3,
    epochs: float = 3.0,
    learning_rate: float = 5e-5,
    batch_size: int = 32,
    max_tokens: int = 160,
    seed: int = 13,
    eval_steps: int = 200,
    patience: int = 3,
    max_steps: int = -1,
    progress: bool = True,
    init_from: Union[str, Path, None] = None,
    encoder_init: Union[str, Path, None] = None,
) -> dict[str, float]:
    """Fine-tune a stance branch on top of a trained attribution model; writes only the branch's own weights.

    `init_from` continues from a trained branch (same attribution model) instead of a fresh copy of its layers.
    `encoder_init` starts a branch with no shared layers from a plain Hugging Face encoder folder of the same shape
    (the base sentence encoder) rather than from the attribution model's fine-tuned layers.
    """
    if encoder_init and (shared_layers or init_from):
        raise ValueError("encoder_init starts a fresh branch and needs shared_layers=0 (shared layers are the attribution "
                         "model's own) and no init_from")
    set_seed(seed)
    output = Path(output)
    tokenizer = AutoTokenizer.from_pretrained(str(attrib_model_dir))
    attrib_model = AttribModel.from_pretrained(str(attrib_model_dir), use_safetensors=True, dtype=torch.float32)
    if init_from:
        # fp32 whatever the folder holds: a shipped branch is stored in fp16 (`attrib export`).
        model = StanceModel.from_pretrained(str(init_from), use_safetensors=True, dtype=torch.float32).share_with(attrib_model)
    else:
        model = StanceModel.from_attribution_model(attrib_model, shared_layers, max_tokens=max_tokens)
        if encoder_init:
            # Every key must match: a different architecture would leave layers silently at the copy's weights.
            model.encoder.load_state_dict(AutoModel.from_pretrained(str(encoder_init), use_safetensors=True).state_dict())
    train_ds = examples_to_dataset(train_examples, tokenizer, max_tokens)
    dev_ds = examples_to_dataset(dev_examples, tokenizer, max_tokens)
    args = training_arguments(output, epochs=epochs, learning_rate=learning_rate, batch_size=batch_size,
                              train_rows=len(train_ds), eval_steps=eval_steps, metric="macro_f1", seed=seed,
                              max_steps=max_steps, progress=progress)
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=dev_ds,
        processing_class=tokenizer,
        compute_metrics=_compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=patience)],
    )
    trainer.train()
    return finish_training(trainer, output, tokenizer)
