"""Numeric precision at inference: fp32, bf16 autocast, or int8 dynamically quantised linear layers.

`auto` takes the fastest setting that held accuracy in `make bench` on CPUs that run it
natively (bf16 where the CPU has AVX-512 BF16 or AMX, else fp32).
"""
from __future__ import annotations

import contextlib
import copy
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
