"""Training the stance branch: (target, passage) pairs -> `datasets` -> `Trainer`, selected on dev macro-F1."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence, Union

import numpy as np
import torch
from datasets import Dataset
from transformers import AutoTokenizer, EarlyStoppingCallback, Trainer, TrainingArguments, set_seed

from .data.stance import StanceExample
from .metrics import stance_metrics
from .modeling.configuration_stance import STANCE_LABELS
from .modeling.modeling_attrib import AttribModel
from .modeling.modeling_stance import StanceModel


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
) -> dict[str, float]:
    """Fine-tune a stance branch on top of a trained attribution model; writes only the branch's own weights.

    `init_from` continues from a trained branch (same attribution model) instead of a fresh copy of its layers.
    """
    set_seed(seed)
    output = Path(output)
    tokenizer = AutoTokenizer.from_pretrained(str(attrib_model_dir))
    attrib_model = AttribModel.from_pretrained(str(attrib_model_dir), use_safetensors=True, dtype=torch.float32)
    if init_from:
        model = StanceModel.from_pretrained(str(init_from), use_safetensors=True).share_with(attrib_model)
    else:
        model = StanceModel.from_attribution_model(attrib_model, shared_layers, max_tokens=max_tokens)
    train_ds = examples_to_dataset(train_examples, tokenizer, max_tokens)
    dev_ds = examples_to_dataset(dev_examples, tokenizer, max_tokens)
    args = TrainingArguments(
        output_dir=str(output / "checkpoints"),
        num_train_epochs=epochs,
        max_steps=max_steps,
        learning_rate=learning_rate,
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=64,
        warmup_steps=max(1, int(0.06 * len(train_ds) * epochs / batch_size)),
        weight_decay=0.01,
        eval_strategy="steps",
        eval_steps=eval_steps,
        save_strategy="steps",
        save_steps=eval_steps,
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        logging_steps=max(1, min(50, eval_steps // 4)),
        seed=seed,
        data_seed=seed,
        use_cpu=not torch.cuda.is_available(),
        report_to=[],
        disable_tqdm=not progress,
        dataloader_num_workers=0,
    )
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
    final = trainer.evaluate()
    trainer.save_model(str(output))
    (output / "training_args.bin").unlink(missing_ok=True)  # a pickle; the model folder stays safetensors-only
    tokenizer.save_pretrained(str(output))
    with (output / "metrics_log.jsonl").open("w", encoding="utf-8") as fh:
        for row in trainer.state.log_history:
            fh.write(json.dumps(row) + "\n")
    return final
