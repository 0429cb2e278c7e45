"""The fused dense+GELU blocks: same numbers as the blocks they replace, still trainable."""
from __future__ import annotations

import copy

import pytest
import torch

from attrib.modeling.modeling_attrib import AttribModel
from attrib.pipeline import Attributor
from attrib.precision import DenseGELU, fuse_dense_gelu, fused_gelu_available
from attrib.schema import Article

pytestmark = pytest.mark.skipif(not fused_gelu_available(), reason="this torch build lacks oneDNN's fused linear+GELU")


def _window(attributor: Attributor, text: str):
    toks, windows, jobs = attributor.prepare([Article(id="a", text=text)])
    _, ids, mask, shapes = next(attributor.batches(toks, windows, jobs))
    return ids, mask, shapes


def test_fusing_swaps_every_intermediate_block_and_keeps_the_numbers(trained_tiny):
    plain = AttribModel.from_pretrained(str(trained_tiny)).eval()
    fused = copy.deepcopy(plain)
    layers = len(plain.encoder.encoder.layer)
    assert fuse_dense_gelu(fused.encoder) == layers
    assert all(isinstance(layer.intermediate, DenseGELU) for layer in fused.encoder.encoder.layer)
    assert fuse_dense_gelu(fused.encoder) == 0  # already fused: nothing left to swap
    assert fused.state_dict().keys() == plain.state_dict().keys()
    ids, mask, shapes = _window(Attributor.from_pretrained(trained_tiny, precision="fp32"),
                                "Putin said the talks went well. “We agree,” Lavrov told Tass.")
    with torch.inference_mode():
        want = plain.token_states(ids, mask, shapes)
        got = fused.token_states(ids, mask, shapes)
    assert not torch.equal(want, torch.zeros_like(want))
    torch.testing.assert_close(got, want, atol=1e-4, rtol=1e-4)


def test_a_fused_model_still_trains_with_the_same_gradients(trained_tiny):
    plain = AttribModel.from_pretrained(str(trained_tiny)).train()
    fused = copy.deepcopy(plain)
    fuse_dense_gelu(fused.encoder)
    ids, mask, shapes = _window(Attributor.from_pretrained(trained_tiny, precision="fp32"), "Tass said the talks went well.")
    for model in (plain, fused):
        torch.manual_seed(0)
        model.token_states(ids, mask, shapes).pow(2).sum().backward()
    grad = lambda m: m.encoder.encoder.layer[0].intermediate.dense.weight.grad  # noqa: E731
    assert grad(fused) is not None and grad(fused).abs().sum() > 0
    torch.testing.assert_close(grad(fused), grad(plain))


def test_the_attributor_fuses_fp32_and_bf16_but_not_int8(trained_tiny):
    for precision, fused in (("fp32", True), ("bf16", True), ("int8", False)):
        attributor = Attributor.from_pretrained(trained_tiny, precision=precision)
        kinds = {type(layer.intermediate) is DenseGELU for layer in attributor.model.encoder.encoder.layer}
        assert kinds == {fused}, precision
