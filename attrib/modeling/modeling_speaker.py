"""The speaker ranker: which name in the article (or nobody) is this source mention?

A mention-ranking head over the attribution encoder's token states: each candidate's
score comes from the product of the source's and the candidate mention's projected
states beside the candidate's features (`attrib.speaker_ranking`); a softmax over the
candidates (candidate 0 is "nobody") is trained with cross-entropy.
"""
from __future__ import annotations

from typing import Optional

import torch
from torch import nn

from .configuration_speaker import SpeakerConfig
from .small_head import HeadOutput, SmallHead


class SpeakerRanker(SmallHead):
    config_class = SpeakerConfig
    base_model_prefix = "speaker"
    main_input_name = "features"

    def __init__(self, config: SpeakerConfig) -> None:
        super().__init__(config)
        self.source_proj = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(config.hidden_size, config.state_dim))
        self.candidate_proj = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(config.hidden_size, config.state_dim))
        self.scorer = nn.Sequential(
            nn.Linear(config.state_dim + config.num_features, config.inner_size), nn.GELU(),
            nn.Dropout(config.dropout), nn.Linear(config.inner_size, 1))
        self.post_init()

    def forward(self, source_state: torch.Tensor, candidate_states: torch.Tensor, features: torch.Tensor,
                mask: torch.Tensor, labels: Optional[torch.Tensor] = None, **_: object) -> HeadOutput:
        """[B, H], [B, K, H], [B, K, F], [B, K] bool, labels [B] (candidate index) -> logits [B, K]."""
        pair = self.source_proj(source_state)[:, None, :] * self.candidate_proj(candidate_states)
        logits = self.scorer(torch.cat([pair, features.to(pair.dtype)], dim=-1)).squeeze(-1).float()
        logits = logits.masked_fill(~mask.bool(), float("-inf"))
        loss = nn.functional.cross_entropy(logits, labels) if labels is not None else None
        return HeadOutput(loss=loss, logits=logits)
