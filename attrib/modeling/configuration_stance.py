"""Configuration of the stance model: an encoder whose lower layers may be borrowed from the attribution model."""
from __future__ import annotations

from typing import Any, Optional

from transformers import AutoConfig, PretrainedConfig

STANCE_LABELS = ("favor", "against", "neutral")


class StanceConfig(PretrainedConfig):
    model_type = "attrib-stance"

    def __init__(
        self,
        encoder: Optional[dict[str, Any]] = None,
        shared_layers: int = 0,
        max_tokens: int = 160,
        head_dropout: float = 0.1,
        unmentioned_name_neutral: Optional[float] = None,
        passage_neutral_bias: float = 0.0,
        concept_neutral_bias: Optional[float] = None,
        passage_temperature: float = 1.0,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("id2label", dict(enumerate(STANCE_LABELS)))
        kwargs.setdefault("label2id", {t: i for i, t in enumerate(STANCE_LABELS)})
        super().__init__(**kwargs)
        self.encoder = encoder or {}
        # Embeddings and the first `shared_layers` encoder layers are the attribution model's
        # (frozen, not saved): the stance branch costs only its own top layers on disk.
        self.shared_layers = shared_layers
        self.max_tokens = max_tokens
        self.head_dropout = head_dropout
        # When set, a passage that never names a target that is a proper name ("Donald Trump", not
        # "Iran–Russia strategic partnership") is `neutral` with this probability, without a model
        # pass: in the team's PolNeAR train labels 86% of such passages are neutral (963 of 1,118),
        # and on dev the shortcut raised macro-F1 (0.499 -> 0.508) while skipping 73% of passages.
        self.unmentioned_name_neutral = unmentioned_name_neutral
        # Subtracted from the neutral logit of an attribution's passage (not of a lone sentence, as
        # in NewsMTSC): a label-shift correction for passages, where the model, trained mostly on
        # neutral examples, under-calls favor and against. Chosen on PolNeAR dev (model card).
        self.passage_neutral_bias = passage_neutral_bias
        # The same correction for passages whose target is a concept ("Iran–Russia strategic
        # partnership"), which no shortcut thins out: PolNeAR's name targets leave mostly favor and
        # against passages for the model, a concept's passages are a third neutral in the team's
        # world articles. Chosen on the team's world tune articles; None: `passage_neutral_bias`.
        self.concept_neutral_bias = concept_neutral_bias
        # Divides an attribution passage's shifted logits before the softmax, so `stance_confidence`
        # matches how often the label is right; the argmax, hence every label, is unchanged. Fitted
        # on PolNeAR dev's passages by `attrib tune-stance` (the second training step, on PolNeAR
        # train, left the branch overconfident); lone sentences, fitted on nothing, keep 1.
        self.passage_temperature = passage_temperature

    def encoder_config(self) -> PretrainedConfig:
        cfg = dict(self.encoder)
        return AutoConfig.for_model(cfg.pop("model_type"), **cfg)
