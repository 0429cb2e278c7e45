"""Configuration of the attribution model: the encoder's config plus the heads' sizes."""
from __future__ import annotations

from typing import Any, Optional

from transformers import AutoConfig, PretrainedConfig

from ..data.features import NUM_SHAPES, TAGS


class AttribConfig(PretrainedConfig):
    model_type = "attrib"

    def __init__(
        self,
        encoder: Optional[dict[str, Any]] = None,
        num_shapes: int = NUM_SHAPES,
        use_shapes: bool = True,
        link_dim: int = 128,
        distance_buckets: int = 10,
        max_link_distance: int = 200,
        head_dropout: float = 0.1,
        max_window_tokens: int = 254,
        window_stride: int = 192,
        tag_transitions: Optional[list[list[float]]] = None,
        transition_weight: float = 0.2,
        outside_bias: float = 0.0,
        confidence_calibration: Optional[list[float]] = None,
        shape_layer: Optional[int] = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("id2label", dict(enumerate(TAGS)))
        kwargs.setdefault("label2id", {t: i for i, t in enumerate(TAGS)})
        super().__init__(**kwargs)
        self.encoder = encoder or {}
        self.num_shapes = num_shapes
        self.use_shapes = use_shapes
        self.link_dim = link_dim
        self.distance_buckets = distance_buckets
        self.max_link_distance = max_link_distance
        self.head_dropout = head_dropout
        self.max_window_tokens = max_window_tokens
        self.window_stride = window_stride
        # log P(tag | previous tag) from the training labels; the decoder's Viterbi prior.
        self.tag_transitions = tag_transitions
        self.transition_weight = transition_weight
        # Subtracted from log P(O) before decoding: > 0 trades precision for recall
        # (the tagger under-predicts); chosen on dev by eval/tune_decoding.py.
        self.outside_bias = outside_bias
        # Platt scaling (a, b) of the raw confidence, fitted on dev by `attrib calibrate`.
        self.confidence_calibration = confidence_calibration
        # Word shapes also enter the encoder before this layer (None: only at its output), so the
        # layers above can read casing in context ("Mr. Obama" against a sentence-initial "The").
        self.shape_layer = shape_layer

    def encoder_config(self) -> PretrainedConfig:
        cfg = dict(self.encoder)
        return AutoConfig.for_model(cfg.pop("model_type"), **cfg)
