"""Stance at inference: each attribution's passage and a target -> label and its probability."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Optional, Sequence, Union

import torch

from .data.stance import MARK_OPEN, StanceExample, attribution_example
from .schema import Article
from .speakers import NAME_RE
from .text import normalise_name

STANCE_SUBDIR = "stance"


def is_name_target(target: str) -> bool:
    """A proper name ("Donald Trump", "Russia"), not a concept ("Iran–Russia strategic partnership")."""
    return bool(NAME_RE.fullmatch(target.strip()))


def speaks_for_target(example: StanceExample) -> bool:
    """The speaker is the name target, kin or their campaign ("Trump campaign" for Donald Trump): someone
    who does not speak against the target (ANNOTATION.md: the target defending or promoting
    themselves is favor). On PolNeAR dev's gold attributions the model called 62 such passages
    against, 3 of them rightly: macro-F1 0.566 -> 0.591. Their passages also go through the model
    when they never name the target (`unmentioned_name_neutral` is for others' passages): 49 of 130
    such dev passages are favor, against 54 of 1,461 (4%) of others' unnamed passages; macro-F1
    0.591 -> 0.595."""
    return _speaks_for(example.speaker, example.target)


def speaks_for_rival(example: StanceExample) -> bool:
    """The speaker is another proper-name target of the article, its kin or campaign, and not this target's: a rival
    candidate, never for this one (on PolNeAR dev's gold attributions none of 101 such passages is favor; the branch
    said favor 4 times, each gold against)."""
    return not speaks_for_target(example) and any(_speaks_for(example.speaker, rival) for rival in example.rivals)


def _speaks_for(speaker: Optional[str], target: str) -> bool:
    """Whether the speaker's name holds a proper-name target's surname ("Trump campaign" for Donald Trump)."""
    if not speaker or not is_name_target(target):
        return False
    surname = normalise_name(target).split()[-1:]
    return bool(surname) and surname[0] in normalise_name(speaker).split()


def leaves_name_target_unnamed(example: StanceExample) -> bool:
    """A passage that never names its proper-name target: the `unmentioned_name_neutral` shortcut's case."""
    return is_name_target(example.target) and MARK_OPEN not in example.text


def scaled_probabilities(logits: torch.Tensor, labels: Sequence[str], neutral_bias: Union[float, Sequence[float]] = 0.0,
                         temperature: float = 1.0) -> torch.Tensor:
    """softmax((logits - neutral_bias on the neutral column) / temperature), row by row."""
    bias = torch.as_tensor(neutral_bias, dtype=torch.float32).reshape(-1, 1)  # one row, or one per example
    neutral = torch.tensor([lab == "neutral" for lab in labels], dtype=torch.float32)
    return ((logits - bias * neutral) / temperature).softmax(-1)


class StanceClassifier:
    """Wraps a `StanceModel` and its tokenizer; batches (target, passage) pairs."""

    def __init__(self, model, tokenizer, batch_size: int = 64) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.labels = [model.config.id2label[i] for i in range(len(model.config.id2label))]
        self.passage_neutral_bias = float(getattr(model.config, "passage_neutral_bias", 0.0) or 0.0)
        concept = getattr(model.config, "concept_neutral_bias", None)
        self.concept_neutral_bias = self.passage_neutral_bias if concept is None else float(concept)
        self.passage_temperature = float(getattr(model.config, "passage_temperature", 1.0) or 1.0)

    @classmethod
    def from_pretrained(cls, path: Union[str, Path], attrib_model=None, tokenizer=None) -> "StanceClassifier":
        """Load a stance folder; a branch that shares layers needs the attribution model it was trained on."""
        from transformers import AutoTokenizer

        from .modeling.modeling_stance import StanceModel

        model = StanceModel.from_pretrained(str(path), use_safetensors=True, dtype=torch.float32)
        if model.config.shared_layers:
            if attrib_model is None:
                raise ValueError(f"{path}: this stance branch shares layers with an attribution model; pass attrib_model")
            model.share_with(attrib_model)
        return cls(model, tokenizer or AutoTokenizer.from_pretrained(str(path)))

    def encode(self, examples: Sequence[StanceExample]) -> dict:
        """Token ids of (target, passage) pairs, unpadded lists, the passage truncated to the branch's
        `max_tokens` (`logits` pads each batch)."""
        return self.tokenizer([e.target for e in examples], [e.text for e in examples], truncation="only_second",
                              max_length=self.model.config.max_tokens)

    @torch.inference_mode()
    def logits(self, examples: Sequence[StanceExample]) -> torch.Tensor:
        """[N, 3] logits in `self.labels` order. All pairs are tokenised once and batched by token length
        (sorting by characters left 23% of PolNeAR dev's stance tokens as padding)."""
        out = torch.zeros(len(examples), len(self.labels))
        if not examples:
            return out
        enc = self.encode(examples)
        order = sorted(range(len(examples)), key=lambda i: len(enc["input_ids"][i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b:b + self.batch_size]
            # Rows and widths in steps of 8 (a short batch repeats its first row), so bf16 kernels are built
            # for a few shapes only: each new shape kept memory for good (see pipeline.PAD_MULTIPLE).
            rows = idx + idx[:1] * (-len(idx) % 8)
            batch = self.tokenizer.pad({k: [enc[k][i] for i in rows] for k in enc.keys()}, return_tensors="pt",
                                       pad_to_multiple_of=8)
            out[idx] = self.model(**batch).logits.float()[:len(idx)]
        return out

    def probabilities(self, examples: Sequence[StanceExample], neutral_bias: Union[float, Sequence[float]] = 0.0,
                      temperature: float = 1.0) -> torch.Tensor:
        """[N, 3] probabilities in `self.labels` order, the neutral logit lowered by `neutral_bias`
        (one value for all, or one per example), then divided by `temperature`."""
        return scaled_probabilities(self.logits(examples), self.labels, neutral_bias, temperature)

    def neutral_biases(self, examples: Sequence[StanceExample]) -> list[float]:
        """Each attribution passage's neutral shift: `concept_neutral_bias` for a concept target,
        `passage_neutral_bias` for a proper name."""
        return [self.passage_neutral_bias if is_name_target(e.target) else self.concept_neutral_bias for e in examples]

    def predict(self, examples: Sequence[StanceExample], passages: bool = False) -> list[tuple[str, float]]:
        """(label, probability) per example; see `StanceConfig.unmentioned_name_neutral` for the shortcut,
        `neutral_biases` and `StanceConfig.passage_temperature` for what `passages=True` (attribution
        passages, not sentences) changes, and
        `speaks_for_target` and `speaks_for_rival` for the passages that are never against, or never for, their
        target."""
        if not examples:
            return []
        shortcut = self.model.config.unmentioned_name_neutral
        # A target speaking never names themselves ("I will win"), so the shortcut skips only others' passages.
        skip = [shortcut is not None and leaves_name_target_unnamed(e) and not speaks_for_target(e) for e in examples]
        todo = [e for e, s in zip(examples, skip) if not s]
        out: list[tuple[str, float]] = [("neutral", float(shortcut or 0.0))] * len(examples)
        if todo:
            probs = (self.probabilities(todo, self.neutral_biases(todo), self.passage_temperature) if passages
                     else self.probabilities(todo))
            for never, speaks in (("against", speaks_for_target), ("favor", speaks_for_rival)):
                rows = torch.tensor([speaks(e) for e in todo], dtype=torch.bool)
                if rows.any():
                    probs[rows, self.labels.index(never)] = 0.0
                    probs[rows] /= probs[rows].sum(-1, keepdim=True)
            best = probs.argmax(-1)
            rows = iter((self.labels[int(i)], float(probs[r, i])) for r, i in enumerate(best))
            out = [o if s else next(rows) for o, s in zip(out, skip)]
        return out

    def assign(self, article: Article, targets: Optional[Sequence[str]] = None) -> Article:
        """Fill `stance` (first target), `stance_confidence`, and `stances` when targets are passed explicitly."""
        return self.assign_many([article], targets)[0]

    def assign_many(self, articles: Sequence[Article], targets: Optional[Sequence[str]] = None) -> list[Article]:
        """`assign` over many articles with one batching of all their (attribution, target) pairs."""
        explicit = targets is not None
        wanted = [[t for t in (targets if explicit else a.targets) if t and t.strip()] for a in articles]
        examples = [attribution_example(a, att, t) for a, ts in zip(articles, wanted) for att in a.attributions for t in ts]
        preds = iter(self.predict(examples, passages=True))
        out = []
        for article, ts in zip(articles, wanted):
            if not ts or not article.attributions:
                out.append(article)
                continue
            atts = []
            for att in article.attributions:
                labels = {t: next(preds) for t in ts}
                first_label, first_prob = labels[ts[0]]
                extra = {"stances": {t: lab for t, (lab, _) in labels.items()}} if explicit else {}
                atts.append(replace(att, stance=first_label, stance_confidence=round(first_prob, 4),
                                    labelled=att.labelled | {"stance"}, **extra))
            out.append(replace(article, attributions=atts))
        return out
