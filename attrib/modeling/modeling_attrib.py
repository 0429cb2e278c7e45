"""Encoder + heads: token tags (content/cue/source) and content->cue / content->source links.

The heads work on per-token states, so the same code serves a training window and a
whole article whose window states were merged (see `decode`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Optional

import torch
from torch import nn
from transformers import AutoModel, PreTrainedModel
from transformers.utils import ModelOutput

from ..data.features import IGNORE
from .configuration_attrib import AttribConfig
from .modeling_stance import encoder_parts


@dataclass
class AttribOutput(ModelOutput):
    loss: Optional[torch.Tensor] = None
    tag_logits: Optional[torch.Tensor] = None
    hidden_states: Optional[torch.Tensor] = None


def distance_bucket(distance: torch.Tensor, buckets: int) -> torch.Tensor:
    """Signed log buckets: 0 = touching/overlapping, 1..b after, b+1..2b before."""
    mag = torch.clamp(torch.log2(distance.abs().float() + 1).long(), max=buckets - 1) + 1
    mag = torch.where(distance == 0, torch.zeros_like(mag), mag)
    return torch.where(distance < 0, mag + buckets, mag)


def span_distance(content: torch.Tensor, cand: torch.Tensor) -> torch.Tensor:
    """Token gap from each content span [.., Nc, 2] to each candidate [.., Nk, 2]: >0 after, <0 before."""
    c_start, c_end = content[..., :, None, 0], content[..., :, None, 1]
    k_start, k_end = cand[..., None, :, 0], cand[..., None, :, 1]
    after = (k_start - c_end).clamp(min=0)
    before = (c_start - k_end).clamp(min=0)
    return after - before


def _add_to_hidden(extra: torch.Tensor, module: nn.Module, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """A forward pre-hook: `extra` added to the hidden states a layer receives (positional or keyword)."""
    if args:
        return (args[0] + extra.to(args[0].dtype), *args[1:]), kwargs
    hidden = kwargs["hidden_states"]
    return args, {**kwargs, "hidden_states": hidden + extra.to(hidden.dtype)}


class SpanLinker(nn.Module):
    """Scores, for each content span, every candidate span and a 'none' option."""

    def __init__(self, hidden: int, dim: int, buckets: int, dropout: float) -> None:
        super().__init__()
        self.buckets = buckets
        self.query = nn.Sequential(nn.Linear(3 * hidden, dim), nn.GELU(), nn.Dropout(dropout), nn.Linear(dim, dim))
        self.key = nn.Sequential(nn.Linear(3 * hidden, dim), nn.GELU(), nn.Dropout(dropout), nn.Linear(dim, dim))
        self.distance = nn.Embedding(2 * buckets + 1, 1)
        self.none = nn.Linear(dim, 1)

    @staticmethod
    def prefix_sums(states: torch.Tensor) -> torch.Tensor:
        """[B, T + 1, H] running sums of [B, T, H] states: every span's mean in O(T + N), even over a
        50k-token article. Computed once, they serve both linkers' contents and candidates."""
        return torch.cat([states.new_zeros(states.shape[0], 1, states.shape[-1]), states.cumsum(1)], dim=1)

    @staticmethod
    def span_repr(states: torch.Tensor, spans: torch.Tensor, csum: Optional[torch.Tensor] = None) -> torch.Tensor:
        """[B, T, H] states, [B, N, 2] inclusive spans (-1 padded) -> [B, N, 3H] (start, end, mean)."""
        b, t, h = states.shape
        safe = spans.clamp(min=0, max=t - 1)
        start = torch.gather(states, 1, safe[..., 0:1].expand(-1, -1, h))
        end = torch.gather(states, 1, safe[..., 1:2].expand(-1, -1, h))
        if csum is None:
            csum = SpanLinker.prefix_sums(states)
        total = torch.gather(csum, 1, (safe[..., 1:2] + 1).expand(-1, -1, h)) - torch.gather(
            csum, 1, safe[..., 0:1].expand(-1, -1, h))
        mean = total / (safe[..., 1:2] - safe[..., 0:1] + 1).clamp(min=1).to(states.dtype)
        return torch.cat([start, end, mean], dim=-1)

    def forward(self, states: torch.Tensor, content: torch.Tensor, cand: torch.Tensor,
                csum: Optional[torch.Tensor] = None) -> torch.Tensor:
        """Logits [B, Nc, 1 + Nk]: column 0 is 'none'; padded candidates get -inf
        (`csum`: the states' `prefix_sums`, when the caller already has them)."""
        if csum is None:
            csum = self.prefix_sums(states)
        q = self.query(self.span_repr(states, content, csum))
        k = self.key(self.span_repr(states, cand, csum))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
        scores = scores + self.distance(distance_bucket(span_distance(content, cand), self.buckets)).squeeze(-1)
        scores = scores.masked_fill((cand[..., 0] < 0)[:, None, :], float("-inf"))
        return torch.cat([self.none(q), scores], dim=-1)


class AttribPreTrainedModel(PreTrainedModel):
    config_class = AttribConfig
    base_model_prefix = "attrib"
    supports_gradient_checkpointing = False

    def _init_weights(self, module: nn.Module) -> None:
        # The encoder keeps its pretrained weights; only freshly built head layers are initialised here.
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0.0, 0.02)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(0.0, 0.02)


class AttribModel(AttribPreTrainedModel):
    """Transformer encoder + word-shape embedding + tagger + two span linkers."""

    def __init__(self, config: AttribConfig) -> None:
        super().__init__(config)
        self.encoder = AutoModel.from_config(config.encoder_config())
        hidden = self.encoder.config.hidden_size
        self.shape_embedding = nn.Embedding(config.num_shapes, hidden) if config.use_shapes else None
        self.norm = nn.LayerNorm(hidden)
        self.dropout = nn.Dropout(config.head_dropout)
        self.tagger = nn.Linear(hidden, len(config.id2label))
        self.cue_linker = SpanLinker(hidden, config.link_dim, config.distance_buckets, config.head_dropout)
        self.source_linker = SpanLinker(hidden, config.link_dim, config.distance_buckets, config.head_dropout)
        self.shape_input: Optional[nn.Embedding] = None
        if config.use_shapes and config.shape_layer is not None:
            self._add_shape_input(config.shape_layer)
        self.post_init()

    def _add_shape_input(self, layer: int) -> None:
        layers = encoder_parts(self.encoder)[1]
        if not 0 <= layer < len(layers):
            raise ValueError(f"shape_layer {layer}: the encoder has layers 0..{len(layers) - 1}")
        self.shape_input = nn.Embedding(self.config.num_shapes, self.encoder.config.hidden_size)

    def enable_shape_input(self, layer: int) -> None:
        """Feed word shapes into encoder layer `layer` of a trained model too; the new embedding starts
        at zero, so the model computes what it computed before until training moves it."""
        if self.config.shape_layer is not None:
            raise ValueError(f"shapes already enter layer {self.config.shape_layer}")
        self.config.shape_layer = layer
        self._add_shape_input(layer)
        nn.init.zeros_(self.shape_input.weight)

    @classmethod
    def from_encoder(cls, encoder_dir: str, **config_kwargs) -> "AttribModel":
        """A fresh model around a pretrained local encoder directory (heads randomly initialised)."""
        encoder = AutoModel.from_pretrained(encoder_dir)
        config = AttribConfig(encoder=encoder.config.to_dict(), **config_kwargs)
        # Windows must fit the encoder's positions (with room for its special tokens).
        limit = getattr(encoder.config, "max_position_embeddings", None)
        if limit and config.max_window_tokens > limit - 2:
            config.max_window_tokens = limit - 2
            config.window_stride = min(config.window_stride, max(1, 3 * config.max_window_tokens // 4))
        model = cls(config)
        model.encoder.load_state_dict(encoder.state_dict())
        return model

    def token_states(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                     shape_ids: Optional[torch.Tensor] = None) -> torch.Tensor:
        hook = None
        if self.shape_input is not None and shape_ids is not None:
            # Hooked per call, not once: the encoder may be swapped for a quantised copy.
            layer = encoder_parts(self.encoder)[1][self.config.shape_layer]
            hook = layer.register_forward_pre_hook(partial(_add_to_hidden, self.shape_input(shape_ids)), with_kwargs=True)
        try:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        finally:
            if hook is not None:
                hook.remove()
        if self.shape_embedding is not None and shape_ids is not None:
            states = states + self.shape_embedding(shape_ids)
        return self.norm(states)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: Optional[torch.Tensor] = None,
        shape_ids: Optional[torch.Tensor] = None,
        labels: Optional[torch.Tensor] = None,
        content_spans: Optional[torch.Tensor] = None,
        cue_spans: Optional[torch.Tensor] = None,
        source_spans: Optional[torch.Tensor] = None,
        content_cue: Optional[torch.Tensor] = None,
        content_source: Optional[torch.Tensor] = None,
        **_: object,
    ) -> AttribOutput:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        states = self.token_states(input_ids, attention_mask, shape_ids)
        tag_logits = self.tagger(self.dropout(states))
        loss = None
        if labels is not None:
            ce = nn.CrossEntropyLoss(ignore_index=IGNORE)
            loss = ce(tag_logits.reshape(-1, tag_logits.shape[-1]).float(), labels.reshape(-1))
            if content_spans is not None and content_spans.shape[1] > 0:
                dropped = self.dropout(states)
                for linker, cands, target in ((self.cue_linker, cue_spans, content_cue),
                                              (self.source_linker, source_spans, content_source)):
                    logits = linker(dropped, content_spans, cands).float()
                    target = target.masked_fill(content_spans[..., 0] < 0, IGNORE)
                    if (target != IGNORE).any():
                        loss = loss + ce(logits.reshape(-1, logits.shape[-1]), target.reshape(-1))
        return AttribOutput(loss=loss, tag_logits=tag_logits, hidden_states=states)
