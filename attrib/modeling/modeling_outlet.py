"""Outlet detection: is this candidate name the outlet that carried an attribution?

Candidates are capitalised name spans near attributions (rules in `attrib.outlets`); the
classifier reads each span's token states from the attribution model (first, last and
mean state, already computed by the pipeline) plus a few position features. Detection is
learned, so outlets it never saw are found from their context ("told X", "X reported").
"""
from __future__ import annotations

from typing import Optional

import torch
from torch import nn

from .configuration_outlet import OutletConfig
from .modeling_attrib import SpanLinker
from .small_head import HeadOutput, SmallHead


class OutletClassifier(SmallHead):
    config_class = OutletConfig
    base_model_prefix = "outlet"
    main_input_name = "span_states"

    def __init__(self, config: OutletConfig) -> None:
        super().__init__(config)
        self.project = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(3 * config.hidden_size, config.state_dim))
        self.mlp = nn.Sequential(
            nn.Linear(config.state_dim + config.num_features, config.inner_size), nn.GELU(),
            nn.Dropout(config.dropout), nn.Linear(config.inner_size, 1))
        self.post_init()

    @staticmethod
    def span_states(states: torch.Tensor, spans: torch.Tensor, csum: Optional[torch.Tensor] = None) -> torch.Tensor:
        """[T, H] article states, [N, 2] inclusive token spans -> [N, 3H] (first, last, mean);
        `csum`: the states' [T + 1, H] prefix sums when the caller has them."""
        return SpanLinker.span_repr(states[None], spans[None], None if csum is None else csum[None])[0]

    def forward(self, span_states: torch.Tensor, features: torch.Tensor, labels: Optional[torch.Tensor] = None,
                **_: object) -> HeadOutput:
        logits = self.mlp(torch.cat([self.project(span_states), features.to(span_states.dtype)], dim=-1)).squeeze(-1)
        loss = None
        if labels is not None:
            weight = torch.tensor(self.config.positive_weight, device=logits.device)
            loss = nn.functional.binary_cross_entropy_with_logits(logits.float(), labels.float(), pos_weight=weight)
        return HeadOutput(loss=loss, logits=logits)
