"""Target-conditioned stance classifier: [target] [SEP] [passage with « target »] -> favor/against/neutral."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
from torch import nn
from transformers import AutoModel, PreTrainedModel
from transformers.utils import ModelOutput

from .configuration_stance import StanceConfig


@dataclass
class StanceOutput(ModelOutput):
    loss: Optional[torch.Tensor] = None
    logits: Optional[torch.Tensor] = None


def encoder_parts(encoder: nn.Module) -> tuple[nn.Module, nn.ModuleList]:
    """The embedding module and the layer list of a BERT-style encoder (BERT, MiniLM, RoBERTa, DeBERTa)."""
    embeddings = getattr(encoder, "embeddings", None)
    layers = getattr(getattr(encoder, "encoder", None), "layer", None)
    if embeddings is None or not isinstance(layers, nn.ModuleList):
        raise ValueError(f"{type(encoder).__name__}: no embeddings/encoder.layer to share; use shared_layers=0")
    return embeddings, layers


class StanceModel(PreTrainedModel):
    config_class = StanceConfig
    base_model_prefix = "stance"

    def __init__(self, config: StanceConfig) -> None:
        super().__init__(config)
        self.encoder = AutoModel.from_config(config.encoder_config())
        hidden = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(config.head_dropout)
        self.classifier = nn.Linear(2 * hidden, len(config.id2label))
        self.post_init()
        if config.shared_layers:
            prefixes = ["encoder.embeddings."] + [f"encoder.encoder.layer.{i}." for i in range(config.shared_layers)]
            shared = {k for k in self.state_dict() if k.startswith(tuple(prefixes))}
            self._keys_to_ignore_on_save = set(self._keys_to_ignore_on_save or ()) | shared
            self._keys_to_ignore_on_load_missing = set(self._keys_to_ignore_on_load_missing or ()) | {
                rf"^{p.replace('.', '[.]')}" for p in prefixes}

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Linear) and module is getattr(self, "classifier", None):
            module.weight.data.normal_(0.0, 0.02)
            module.bias.data.zero_()

    @classmethod
    def from_attribution_model(cls, attrib_model: nn.Module, shared_layers: int, **config_kwargs) -> "StanceModel":
        """A fresh stance branch: all layers copied from the attribution model, the lowest `shared_layers` tied to it."""
        config = StanceConfig(encoder=attrib_model.encoder.config.to_dict(), shared_layers=shared_layers, **config_kwargs)
        model = cls(config)
        model.encoder.load_state_dict(attrib_model.encoder.state_dict(), strict=False)
        model.share_with(attrib_model)
        return model

    def share_with(self, attrib_model: nn.Module) -> "StanceModel":
        """Point the shared embeddings and lower layers at the attribution model's modules (frozen, one copy in memory)."""
        n = self.config.shared_layers
        if not n:
            return self
        src_embeddings, src_layers = encoder_parts(attrib_model.encoder)
        _, layers = encoder_parts(self.encoder)
        if n > len(layers) or len(src_layers) != len(layers):
            raise ValueError(f"cannot share {n} layers between encoders of {len(src_layers)} and {len(layers)} layers")
        self.encoder.embeddings = src_embeddings
        for i in range(n):
            layers[i] = src_layers[i]
        for module in [src_embeddings, *list(src_layers)[:n]]:
            module.requires_grad_(False)
        return self

    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None,
                token_type_ids: Optional[torch.Tensor] = None, labels: Optional[torch.Tensor] = None,
                **_: object) -> StanceOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        kwargs = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **kwargs).last_hidden_state
        mask = attention_mask[..., None].to(states.dtype)
        mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1)
        logits = self.classifier(self.dropout(torch.cat([states[:, 0], mean], dim=-1)))
        loss = nn.functional.cross_entropy(logits.float(), labels) if labels is not None else None
        return StanceOutput(loss=loss, logits=logits)
