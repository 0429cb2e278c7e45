"""Choose decoding settings on PolNeAR dev: encode once, decode under each setting.

Sweeps ``outside_bias`` (subtracted from log P(O): > 0 predicts more spans) and the
Viterbi ``transition_weight``, and prints attribution / content / source F1 for each,
so a setting is chosen on dev and written into the model's config.json by hand (or with
``--write``). Never run it on test data.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import torch
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402
from attrib.data.labels import apply_labels, read_labels  # noqa: E402
from attrib.metrics import evaluate  # noqa: E402
from attrib.pipeline import Attributor, default_model_dir  # noqa: E402
from attrib.speakers import resolve_speakers  # noqa: E402


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


@torch.inference_mode()
def decode_all(attributor: Attributor, articles: list, encoded: list) -> list:
    """Attributions (with speakers) from already-encoded articles under the attributor's current settings."""
    out = []
    for art, (tok, states, probs) in zip(articles, encoded):
        atts = attributor._decode(art.text, tok, states, probs) if states is not None else []
        out.append(resolve_speakers(replace(art, attributions=atts, targets=[])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data", help="Folder holding polnear/.")
    ap.add_argument("--model", default=None, help="Model folder (default: the shipped model).")
    ap.add_argument("--outside-bias", default="0,0.5,1,1.5,2", help="Comma-separated values to try.")
    ap.add_argument("--transition-weight", default=None, help="Comma-separated values (default: the model's).")
    ap.add_argument("--labels", default=str(Path(__file__).resolve().parent.parent / "data" / "labels" / "polnear-dev"))
    ap.add_argument("--write", action="store_true", help="Write the best setting into the model's config.json.")
    args = ap.parse_args()
    console = Console()
    attributor = Attributor.from_pretrained(args.model)
    dev = load_gold(Path(args.shared) / "polnear" / "dev")
    if args.labels:
        dev = apply_labels(dev, read_labels(sorted(Path(args.labels).glob("*.jsonl"))))
    encoded = list(attributor.encode(dev))
    weights = floats(args.transition_weight) if args.transition_weight else [attributor.transition_weight]
    table = Table("outside bias", "transition weight", "attribution F1", "content exact", "content overlap",
                  "source exact", "P", "R", title="decoding on PolNeAR dev")
    rows = []
    for bias in floats(args.outside_bias):
        for weight in weights:
            attributor.outside_bias, attributor.transition_weight = bias, weight
            pred = decode_all(attributor, dev, encoded)
            m = evaluate(dev, pred, bootstrap=0).metrics
            rows.append({"outside_bias": bias, "transition_weight": weight, **{k: round(v, 4) for k, v in m.items()
                         if k.split("_")[0] in {"attribution", "content", "source", "cue"}}})
            table.add_row(f"{bias:g}", f"{weight:g}", f"{m['attribution_f1']:.3f}", f"{m['content_exact_f1']:.3f}",
                          f"{m['content_overlap_f1']:.3f}", f"{m['source_exact_f1']:.3f}",
                          f"{m['attribution_p']:.3f}", f"{m['attribution_r']:.3f}")
    console.print(table)
    best = max(rows, key=lambda r: r["attribution_f1"])
    console.print(f"best: outside_bias {best['outside_bias']:g}, transition_weight {best['transition_weight']:g} "
                  f"(attribution F1 {best['attribution_f1']:.3f})")
    if args.write:
        path = Path(args.model or default_model_dir()) / "config.json"
        cfg = json.loads(path.read_text())
        cfg["outside_bias"], cfg["transition_weight"] = best["outside_bias"], best["transition_weight"]
        path.write_text(json.dumps(cfg, indent=2, sort_keys=True) + "\n")
        console.print(f"written → {path}")
    console.print(f"results → {save('decoding', {'provenance': provenance(), 'model': str(args.model or 'default'), 'rows': rows, 'best': best})}")


if __name__ == "__main__":
    main()
