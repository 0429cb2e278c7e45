"""Outlet mentions as token tags (B/I/O), read from the attribution model's merged token states.

It adds one small transformer layer on top of states the pipeline has already computed,
so finding outlets costs a fraction of a forward pass and no second pass of the encoder.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
from torch import nn
from transformers import PreTrainedModel
from transformers.utils import ModelOutput

from ..data.features import IGNORE
from .configuration_outlet import OutletConfig


@dataclass
class OutletOutput(ModelOutput):
    loss: Optional[torch.Tensor] = None
    logits: Optional[torch.Tensor] = None


class OutletTagger(PreTrainedModel):
    config_class = OutletConfig
    base_model_prefix = "outlet"
    main_input_name = "states"

    def __init__(self, config: OutletConfig) -> None:
        super().__init__(config)
        layer = nn.TransformerEncoderLayer(config.hidden_size, config.num_heads, config.ff_size, config.dropout,
                                           batch_first=True, norm_first=True)
        self.context = nn.TransformerEncoder(layer, config.num_layers, enable_nested_tensor=False)
        self.classifier = nn.Linear(config.hidden_size, len(config.id2label))
        self.post_init()

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0.0, 0.02)
            if module.bias is not None:
                module.bias.data.zero_()

    def forward(self, states: torch.Tensor, attention_mask: Optional[torch.Tensor] = None,
                labels: Optional[torch.Tensor] = None, **_: object) -> OutletOutput:
        pad = None if attention_mask is None else attention_mask == 0
        logits = self.classifier(self.context(states, src_key_padding_mask=pad))
        loss = None
        if labels is not None:
            weight = torch.full((logits.shape[-1],), float(self.config.mention_weight), device=logits.device)
            weight[0] = 1.0
            loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]).float(), labels.reshape(-1),
                                               weight=weight, ignore_index=IGNORE)
        return OutletOutput(loss=loss, logits=logits)
