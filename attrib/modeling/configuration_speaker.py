"""Configuration of the speaker ranker: scores candidate names for each attribution's source."""
from __future__ import annotations

from typing import Any

from transformers import PretrainedConfig


class SpeakerConfig(PretrainedConfig):
    model_type = "attrib-speaker"

    def __init__(self, hidden_size: int = 384, num_features: int = 0, state_dim: int = 32, inner_size: int = 128,
                 dropout: float = 0.2, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hidden_size = hidden_size
        # `attrib.speaker_ranking.FEATURES`; stored so a model refuses inputs built for another feature set.
        self.num_features = num_features
        # Source and candidate states meet in a narrow product: with a few thousand labelled
        # sources, wide state features would memorise names instead of the relation between them.
        self.state_dim = state_dim
        self.inner_size = inner_size
        self.dropout = dropout
