"""`make eval-stance`: the stance branch on NewsMTSC devtest_rw / devtest_mt, PolNeAR dev (team labels), the seed,
and concept targets (the team's world dev and tune articles, `data/stance/concept-passages-dev.jsonl`).

Stance is judged on gold attributions here, so the figure is the stance model's own; the
end-to-end figure (stance of predicted attributions) is in `make eval`. Writes
eval/results/stance-DATE-COMMIT.json.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from transformers import AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.calibration import expected_calibration_error  # noqa: E402
from attrib.data import load_gold, load_labelled_gold  # noqa: E402
from attrib.data.stance import examples_from_articles, load_newsmtsc, load_stance_passages  # noqa: E402
from attrib.metrics import stance_metrics  # noqa: E402
from attrib.modeling.modeling_attrib import AttribModel  # noqa: E402
from attrib.stance import StanceClassifier  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=str(REPO / "models" / "attrib-minilm-l6"), help="Attribution model folder.")
    ap.add_argument("--stance", default=None, help="Stance branch folder (default: MODEL/stance).")
    ap.add_argument("--name", default="stance")
    args = ap.parse_args()
    shared = Path(args.shared)
    attrib_model = AttribModel.from_pretrained(args.model)
    tokenizer = AutoTokenizer.from_pretrained(args.model)  # the branch reads the parent model's tokenizer
    clf = StanceClassifier.from_pretrained(args.stance or Path(args.model) / "stance", attrib_model=attrib_model,
                                           tokenizer=tokenizer)
    sets = {
        "newsmtsc-devtest_rw": load_newsmtsc(shared / "newsmtsc" / "devtest_rw.jsonl"),
        "newsmtsc-devtest_mt": load_newsmtsc(shared / "newsmtsc" / "devtest_mt.jsonl"),
        "polnear-dev": examples_from_articles(load_labelled_gold(shared / "polnear" / "dev", [REPO / "data" / "labels" / "polnear-dev"])),
        "seed": examples_from_articles(load_gold(shared / "seed" / "seed-article.jsonl")),
        "world-outlets-dev": examples_from_articles(load_gold(REPO / "data" / "articles" / "world-outlets-dev.jsonl")),
        # Concept targets: the team's held-out world articles (tune-stance's concept bias) and passages.
        "world-outlets-tune": examples_from_articles(load_gold(REPO / "data" / "articles" / "world-outlets-tune.jsonl")),
        "concept-passages-dev": load_stance_passages(REPO / "data" / "stance" / "concept-passages-dev.jsonl"),
    }
    table = Table(title="stance on gold attributions / sentences")
    for col in ("set", "n", "macro-F1", "F_avg", "accuracy", "right", "ECE"):
        table.add_column(col, justify="right")
    payload = {"provenance": provenance(), "model": args.model, "stance": args.stance or "MODEL/stance", "sets": {}}
    # NewsMTSC holds lone sentences; the other sets are attribution passages (see passage_neutral_bias).
    sentences = {"newsmtsc-devtest_rw", "newsmtsc-devtest_mt"}
    for name, examples in sets.items():
        preds = clf.predict(examples, passages=name not in sentences)
        gold = [e.label for e in examples]
        m = stance_metrics(gold, [p for p, _ in preds])
        right = sum(g == p for g, (p, _) in zip(gold, preds))
        m["ece"] = expected_calibration_error([c for _, c in preds], [g == p for g, (p, _) in zip(gold, preds)])
        payload["sets"][name] = {"n": len(examples), "right": right, **{k: round(v, 4) for k, v in m.items()}}
        table.add_row(name, str(len(examples)), f"{m['stance_macro_f1']:.3f}", f"{m['stance_f_avg']:.3f}",
                      f"{m['stance_acc']:.3f}", str(right), f"{m['ece']:.3f}")
    Console().print(table)
    Console().print(f"results → {save(args.name, payload)}")


if __name__ == "__main__":
    main()
