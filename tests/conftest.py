from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import torch

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTRIB_SHARED_DATA", REPO.parent / "shared" / "data"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def brat_dir(tmp_path_factory) -> Path:
    from .brat_fixture import write_brat_fixture

    return write_brat_fixture(tmp_path_factory.mktemp("fixture"))


def char_span(text: str, words: str) -> tuple[int, int]:
    """(start, end) of the first occurrence of `words` in `text`."""
    start = text.index(words)
    return (start, start + len(words))


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def model_with_part(base: Path, part: Path, name: str, into: Path) -> Path:
    """A copy of the model folder `base` with the trained `part` (stance, outlet, speaker) under `name/`."""
    import shutil

    shutil.copytree(base, into)
    shutil.copytree(part, into / name, ignore=shutil.ignore_patterns("checkpoints"))
    return into


def needs_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


def corpus_texts() -> list[str]:
    from .brat_fixture import ART_ONE, ART_TWO

    sample = Path(__file__).parent.parent / "data" / "samples" / "harbour-deal.txt"
    return [ART_ONE, ART_TWO, sample.read_text(encoding="utf-8")]


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory) -> Path:
    from transformers import BertConfig, BertModel, BertTokenizerFast

    out = tmp_path_factory.mktemp("tiny-bert")
    words = sorted({w for t in corpus_texts() for w in re.findall(r"\w+|[^\w\s]", t.lower())})
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words])}
    tok = BertTokenizerFast(vocab=vocab, do_lower_case=True)
    assert len(tok) == len(vocab) > 50
    tok.save_pretrained(out)
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(tok), hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=128, max_position_embeddings=128)
    BertModel(cfg).save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def trained_tiny(tiny_bert, brat_dir, tmp_path_factory) -> Path:
    from attrib.train import train

    out = tmp_path_factory.mktemp("trained")
    train(brat_dir, brat_dir, tiny_bert, out, learning_rate=2e-3, batch_size=2,
          max_steps=120, eval_steps=60, patience=5, progress=False)
    return out
