"""Numeric precision at inference: fp32, bf16 autocast, or int8 dynamically quantised linear layers.

`auto` takes the fastest setting that held accuracy in `make bench` on CPUs that run it
natively (bf16 where the CPU has AVX-512 BF16 or AMX, else fp32).
"""
from __future__ import annotations

import contextlib
import copy
from functools import lru_cache
from pathlib import Path
from typing import ContextManager

import torch
from torch import nn

PRECISIONS = ("auto", "fp32", "bf16", "int8")


def cpu_flags() -> set[str]:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def native_bf16() -> bool:
    return bool({"avx512_bf16", "amx_bf16"} & cpu_flags())


def resolve(precision: str) -> str:
    """The concrete precision for `auto`, checked against `PRECISIONS`."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    if precision != "auto":
        return precision
    return "bf16" if native_bf16() else "fp32"


def autocast(precision: str) -> ContextManager:
    """bf16 autocast on the CPU (matmuls in bf16, norms and softmax kept in fp32); a no-op otherwise."""
    if precision == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def quantize_encoder(encoder: nn.Module) -> nn.Module:
    """A copy of the encoder with int8 dynamically quantised nn.Linear layers (weights int8, activations per batch)."""
    from torch.ao.quantization import quantize_dynamic

    return quantize_dynamic(copy.deepcopy(encoder), {nn.Linear}, dtype=torch.qint8)


class DenseGELU(nn.Module):
    """A BERT-style intermediate block (dense layer, then exact GELU) as one oneDNN call.

    The GELU runs on the matmul's output while it is still in cache: separately it read and
    wrote the whole [tokens, 1536] activation once more. On PolNeAR dev, six alternating runs
    in one process: the bf16 encoder's windows 3% faster, stance 4%, `attrib run` 2% (58.9 s
    against 60.2 s in all); alone in a fresh process the bare encoder ran 25% faster, a gain
    the pipeline's warm allocator mostly had already. With gradients on it runs the
    pair unfused (the op has no backward); `dense` keeps its name, so the state dict and
    `save_pretrained` are unchanged.
    """

    def __init__(self, dense: nn.Linear) -> None:
        super().__init__()
        self.dense = dense

    def forward(self, hidden_states: torch.Tensor) -> torch.Tensor:
        weight = self.dense.weight
        if torch.is_grad_enabled() and weight.requires_grad:
            # The op has no backward: a model fused for a dev pass inside `attrib train` still trains.
            return nn.functional.gelu(self.dense(hidden_states))
        # Under autocast the layer norm before this block hands fp32; the op itself is not autocast-aware.
        return torch.ops.mkldnn._linear_pointwise(hidden_states.to(weight.dtype), weight, self.dense.bias,
                                                  "gelu", [], "none")


@lru_cache(maxsize=None)
def fused_gelu_available() -> bool:
    """Whether this torch build runs oneDNN's linear+GELU and agrees with the unfused pair."""
    try:
        probe = torch.linspace(-4, 4, 48).reshape(3, 16)
        dense = nn.Linear(16, 8)
        with torch.inference_mode():
            fused = DenseGELU(dense)(probe)
            plain = nn.functional.gelu(dense(probe))
        return bool(torch.allclose(fused, plain, atol=1e-5))
    except (RuntimeError, AttributeError, NotImplementedError):
        return False


def _is_exact_gelu(act: object) -> bool:
    if not callable(act):
        return False
    probe = torch.linspace(-4, 4, 33)
    try:
        with torch.inference_mode():
            return bool(torch.allclose(act(probe), nn.functional.gelu(probe), atol=1e-6))
    except (RuntimeError, TypeError):
        return False


def fuse_dense_gelu(encoder: nn.Module) -> int:
    """Swap every intermediate block of the form `dense` -> exact GELU (BERT, MiniLM, RoBERTa) for a
    `DenseGELU`, in place; returns how many were swapped (0 where the op is missing or the shape differs)."""
    if not fused_gelu_available():
        return 0
    swapped = 0
    for parent in list(encoder.modules()):
        for name, child in list(parent.named_children()):
            dense = getattr(child, "dense", None)
            if (isinstance(dense, nn.Linear) and not isinstance(child, DenseGELU)
                    and set(dict(child.named_children())) <= {"dense", "intermediate_act_fn"}
                    and _is_exact_gelu(getattr(child, "intermediate_act_fn", None))):
                setattr(parent, name, DenseGELU(dense))
                swapped += 1
    return swapped
