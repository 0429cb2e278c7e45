"""Training: gold articles -> `datasets` windows -> `Trainer`, selected on dev attribution F1.

Evaluation runs the real inference pipeline over whole dev articles and scores it with
`metrics.evaluate`, so the number that stops training is the number `attrib eval` prints.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import torch
from transformers import AutoTokenizer, EarlyStoppingCallback, Trainer, TrainingArguments, set_seed

from .data.features import IGNORE, articles_to_dataset, estimate_transitions
from .data import load_gold
from .metrics import evaluate
from .modeling.modeling_attrib import AttribModel
from .pipeline import Attributor
from .schema import Article


@dataclass
class AttribCollator:
    """Dynamic padding for token rows and for the per-window span lists."""

    pad_token_id: int

    def __call__(self, rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
        width = max(len(r["input_ids"]) for r in rows)
        batch: dict[str, torch.Tensor] = {}
        for key, fill in (("input_ids", self.pad_token_id), ("shape_ids", 0), ("labels", IGNORE)):
            batch[key] = torch.tensor([list(r[key]) + [fill] * (width - len(r[key])) for r in rows], dtype=torch.long)
        batch["attention_mask"] = torch.tensor([[1] * len(r["input_ids"]) + [0] * (width - len(r["input_ids"])) for r in rows])
        for key in ("content_spans", "cue_spans", "source_spans"):
            n = max(1, max(len(r[key]) for r in rows))
            batch[key] = torch.tensor([list(r[key]) + [[-1, -1]] * (n - len(r[key])) for r in rows], dtype=torch.long).reshape(len(rows), n, 2)
        nc = batch["content_spans"].shape[1]
        for key in ("content_cue", "content_source"):
            batch[key] = torch.tensor([list(r[key]) + [IGNORE] * (nc - len(r[key])) for r in rows], dtype=torch.long)
        return batch


class AttribTrainer(Trainer):
    """A Trainer whose evaluation decodes whole dev articles and scores them with the project's scorer."""

    def __init__(self, *args, dev_articles: list[Article], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.dev_articles = dev_articles

    def evaluate(self, eval_dataset=None, ignore_keys=None, metric_key_prefix: str = "eval") -> dict[str, float]:
        was_training = self.model.training
        attributor = Attributor(self.model, self.processing_class, batch_size=self.args.per_device_eval_batch_size)
        preds = list(attributor.predict(self.dev_articles))
        if was_training:
            self.model.train()
        report = evaluate(self.dev_articles, preds, bootstrap=0)
        keys = ("attribution_f1", "content_exact_f1", "content_overlap_f1", "source_exact_f1", "cue_exact_f1")
        metrics = {f"{metric_key_prefix}_{k}": round(float(report.metrics[k]), 4) for k in keys}
        self.log(metrics)
        self.control = self.callback_handler.on_evaluate(self.args, self.state, self.control, metrics)
        return metrics


def read_training_articles(paths: Union[str, Path, Sequence[Union[str, Path]]],
                           max_first: Optional[int] = None) -> list[Article]:
    """The articles of one source or several, in order; a source named twice is read twice (so
    seen twice as often in an epoch); `max_first` caps the first source only."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return [a for i, path in enumerate(paths) for a in load_gold(path, max_first if i == 0 else None)]


def train(
    train_path: Union[str, Path, Sequence[Union[str, Path]]],
    dev_path: Union[str, Path],
    base_model: Union[str, Path],
    output: Union[str, Path],
    epochs: float = 3.0,
    learning_rate: float = 8e-5,
    batch_size: int = 16,
    seed: int = 13,
    eval_steps: int = 400,
    patience: int = 3,
    max_train_articles: Optional[int] = None,
    max_dev_articles: Optional[int] = None,
    use_shapes: bool = True,
    bf16: bool = False,
    max_steps: int = -1,
    progress: bool = True,
    init_from: Optional[Union[str, Path]] = None,
    freeze_layers: int = 0,
    shape_layer: Optional[int] = None,
) -> dict[str, float]:
    """Fine-tune encoder + heads; writes the best model (safetensors), tokenizer and metrics log to `output`.

    `train_path` may be several sources, read in order (one named twice is seen twice as often);
    `max_train_articles` caps the first.

    `freeze_layers` keeps the embeddings and the lowest N encoder layers as they are: a stance
    branch that shares them (`StanceConfig.shared_layers`) stays valid for the new model.
    `shape_layer` also feeds word shapes into that encoder layer (`AttribConfig.shape_layer`).
    """
    set_seed(seed)
    output = Path(output)
    # Continuing from a trained attrib model (a warm restart) keeps its heads and tokenizer.
    tokenizer = AutoTokenizer.from_pretrained(str(init_from or base_model))
    if not tokenizer.is_fast:
        raise ValueError(f"{base_model}: a fast tokenizer (tokenizer.json) is needed for character offsets")
    train_articles = read_training_articles(train_path, max_train_articles)
    dev_articles = load_gold(dev_path, max_dev_articles)
    if init_from:
        model = AttribModel.from_pretrained(str(init_from), use_safetensors=True, dtype=torch.float32)  # exported weights are fp16
        if shape_layer is not None and model.config.shape_layer != shape_layer:
            model.enable_shape_input(shape_layer)
    else:
        model = AttribModel.from_encoder(str(base_model), use_shapes=use_shapes, shape_layer=shape_layer)
    if freeze_layers:
        freeze_lower_layers(model.encoder, freeze_layers)
    cfg = model.config
    train_ds = articles_to_dataset(train_articles, tokenizer, cfg.max_window_tokens, cfg.window_stride)
    cfg.tag_transitions = estimate_transitions(train_ds["labels"])
    args = training_arguments(output, epochs=epochs, learning_rate=learning_rate, batch_size=batch_size,
                              train_rows=len(train_ds), eval_steps=eval_steps, metric="attribution_f1", seed=seed,
                              max_steps=max_steps, progress=progress, bf16=bf16, eval_batch_size=32)
    trainer = AttribTrainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=train_ds.select(range(1)),
        data_collator=AttribCollator(tokenizer.pad_token_id or 0),
        processing_class=tokenizer,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=patience)],
        dev_articles=dev_articles,
        optimizers=(_optimizer(model, learning_rate), None),
    )
    trainer.train(resume_from_checkpoint=_last_checkpoint(output / "checkpoints"))
    return finish_training(trainer, output, tokenizer)


# The shape input starts at zero inside a trained model; at the encoder's learning rate it would
# barely move in a continuation run, so it learns this many times faster.
SHAPE_INPUT_LR_SCALE = 20.0


def _optimizer(model: AttribModel, learning_rate: float, weight_decay: float = 0.01) -> Optional[torch.optim.Optimizer]:
    """AdamW with the shape input in its own faster group; None (Trainer's default) without one."""
    if model.shape_input is None:
        return None
    fast = {id(p) for p in model.shape_input.parameters()}
    rest = [p for p in model.parameters() if p.requires_grad and id(p) not in fast]
    return torch.optim.AdamW([
        {"params": rest, "lr": learning_rate, "weight_decay": weight_decay},
        {"params": list(model.shape_input.parameters()), "lr": learning_rate * SHAPE_INPUT_LR_SCALE, "weight_decay": 0.0},
    ], lr=learning_rate)


def freeze_lower_layers(encoder: torch.nn.Module, n: int) -> None:
    """No gradient for the encoder's embeddings and its lowest `n` layers."""
    from .modeling.modeling_stance import encoder_parts

    embeddings, layers = encoder_parts(encoder)
    if not 0 < n <= len(layers):
        raise ValueError(f"cannot freeze {n} of {len(layers)} layers")
    for module in [embeddings, *list(layers)[:n]]:
        module.requires_grad_(False)


def training_arguments(output: Path, *, epochs: float, learning_rate: float, batch_size: int, train_rows: int,
                       eval_steps: int, metric: str, seed: int, max_steps: int = -1, progress: bool = True,
                       bf16: bool = False, eval_batch_size: int = 64) -> TrainingArguments:
    """The project's Trainer settings: linear decay with 6% warm-up, evaluate and checkpoint every
    `eval_steps`, keep the best checkpoint on `metric`, seeded, CPU unless a GPU is there."""
    return TrainingArguments(
        output_dir=str(output / "checkpoints"),
        num_train_epochs=epochs,
        max_steps=max_steps,
        learning_rate=learning_rate,
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=eval_batch_size,
        warmup_steps=max(1, int(0.06 * train_rows * epochs / batch_size)),
        weight_decay=0.01,
        lr_scheduler_type="linear",
        eval_strategy="steps",
        eval_steps=eval_steps,
        save_strategy="steps",
        save_steps=eval_steps,
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model=metric,
        greater_is_better=True,
        logging_steps=max(1, min(50, eval_steps // 4)),
        seed=seed,
        data_seed=seed,
        bf16=bf16,
        use_cpu=not torch.cuda.is_available(),
        report_to=[],
        disable_tqdm=not progress,
        remove_unused_columns=False,
        dataloader_num_workers=0,
    )


def train_with_early_stopping(model, args: TrainingArguments, train_ds, dev_ds, compute_metrics, patience: int,
                              output: Path) -> dict[str, float]:
    """Run `Trainer` with early stopping on `args.metric_for_best_model`, then `finish_training`."""
    trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=dev_ds,
                      compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=patience)])
    trainer.train()
    return finish_training(trainer, output)


def finish_training(trainer: Trainer, output: Path, tokenizer=None) -> dict[str, float]:
    """Evaluate the best model, save it as safetensors (no pickled training args), its tokenizer and the metrics log."""
    final = trainer.evaluate()
    trainer.save_model(str(output))
    (output / "training_args.bin").unlink(missing_ok=True)  # a pickle; the model folder stays safetensors-only
    if tokenizer is not None:
        tokenizer.save_pretrained(str(output))
    with (output / "metrics_log.jsonl").open("w", encoding="utf-8") as fh:
        for row in trainer.state.log_history:
            fh.write(json.dumps(row) + "\n")
    return final


def _last_checkpoint(folder: Path) -> Optional[str]:
    """Resume an interrupted run from its newest checkpoint (training outlives a session only this way)."""
    if not folder.is_dir():
        return None
    ckpts = sorted((p for p in folder.glob("checkpoint-*") if p.is_dir()), key=lambda p: int(p.name.split("-")[-1]))
    return str(ckpts[-1]) if ckpts else None


def export_half(model_dir: Union[str, Path], out_dir: Union[str, Path], stance: Optional[Union[str, Path]] = None,
                outlet: Optional[Union[str, Path]] = None, speaker: Optional[Union[str, Path]] = None) -> None:
    """Copy a trained model with fp16 weights (half the size in git), and its stance/outlet/speaker parts
    as `stance/`, `outlet/` and `speaker/` subfolders; everything loads back as fp32."""
    from .modeling.modeling_outlet import OutletClassifier
    from .modeling.modeling_speaker import SpeakerRanker
    from .modeling.modeling_stance import StanceModel

    out_dir = Path(out_dir)
    model = AttribModel.from_pretrained(str(model_dir), use_safetensors=True)
    model.to(torch.float16).save_pretrained(str(out_dir), safe_serialization=True)
    AutoTokenizer.from_pretrained(str(model_dir)).save_pretrained(str(out_dir))
    if stance is not None:
        # Only the branch's own layers are written; the shared ones stay in the parent model.
        branch = StanceModel.from_pretrained(str(stance), use_safetensors=True)
        branch.to(torch.float16).save_pretrained(str(out_dir / "stance"), safe_serialization=True)
    for part, cls, folder in ((outlet, OutletClassifier, "outlet"), (speaker, SpeakerRanker, "speaker")):
        if part is not None:
            cls.from_pretrained(str(part), use_safetensors=True).to(torch.float16).save_pretrained(
                str(out_dir / folder), safe_serialization=True)
