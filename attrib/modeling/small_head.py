"""What the small heads trained on the attribution model's frozen token states share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
from torch import nn
from transformers import PreTrainedModel
from transformers.utils import ModelOutput


@dataclass
class HeadOutput(ModelOutput):
    loss: Optional[torch.Tensor] = None
    logits: Optional[torch.Tensor] = None


class SmallHead(PreTrainedModel):
    """A `PreTrainedModel` whose linear layers start at N(0, 0.02) with zero bias (BERT's initialisation)."""

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0.0, 0.02)
            module.bias.data.zero_()
