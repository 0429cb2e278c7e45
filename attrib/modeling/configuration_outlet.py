"""Configuration of the outlet tagger: a small transformer over the attribution model's token states."""
from __future__ import annotations

from typing import Any

from transformers import PretrainedConfig

OUTLET_TAGS = ("O", "B-OUTLET", "I-OUTLET")


class OutletConfig(PretrainedConfig):
    model_type = "attrib-outlet"

    def __init__(self, hidden_size: int = 384, num_layers: int = 1, num_heads: int = 4, ff_size: int = 768,
                 dropout: float = 0.1, mention_weight: float = 10.0, **kwargs: Any) -> None:
        kwargs.setdefault("id2label", dict(enumerate(OUTLET_TAGS)))
        kwargs.setdefault("label2id", {t: i for i, t in enumerate(OUTLET_TAGS)})
        super().__init__(**kwargs)
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.ff_size = ff_size
        self.dropout = dropout
        # Outlet tokens are ~1% of a news article: up-weight them so the tagger does not settle on all-O.
        self.mention_weight = mention_weight
