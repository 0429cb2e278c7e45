"""`make eval`: the model's accuracy on PolNeAR dev, the seed article and the team's world dev articles, with provenance.

Only metrics are written to eval/results/ (predictions carry the corpora's text, which
stays in ../shared/data).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data import load_gold  # noqa: E402
from attrib.data.labels import apply_labels, read_labels  # noqa: E402
from attrib.metrics import evaluate  # noqa: E402
from attrib.pipeline import Attributor  # noqa: E402
from attrib.report import print_report  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data", help="Folder holding polnear/ and seed/.")
    ap.add_argument("--model", default=None, help="Model folder (default: the shipped model).")
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--name", default="accuracy", help="Result file prefix.")
    ap.add_argument("--labels", default=str(Path(__file__).resolve().parent.parent / "data" / "labels" / "polnear-dev"),
                    help="Folder of the team's label files for PolNeAR dev (speaker, outlet, stance); '' for none.")
    args = ap.parse_args()
    console = Console()
    attributor = Attributor.from_pretrained(args.model)
    shared = Path(args.shared)
    dev = load_gold(shared / "polnear" / "dev")
    if args.labels:
        dev = apply_labels(dev, read_labels(sorted(Path(args.labels).glob("*.jsonl"))))
    sets = {
        "polnear-dev": dev,
        "seed": load_gold(shared / "seed" / "seed-article.jsonl"),
        # The team's own articles from other media ecosystems (dev half): outlets and names the
        # PolNeAR-trained model never saw, the nearest thing here to the held-out test articles.
        "world-dev": load_gold(Path(__file__).resolve().parent.parent / "data" / "articles" / "world-outlets-dev.jsonl"),
    }
    payload = {"provenance": provenance(), "model": str(args.model or "default"), "sets": {}}
    for name, gold in sets.items():
        start = time.perf_counter()
        pred = list(attributor.predict(gold))
        seconds = time.perf_counter() - start
        report = evaluate(gold, pred, bootstrap=args.bootstrap)
        print_report(report, console, breakdown=name == "polnear-dev")
        entry = report.to_dict()
        entry["seconds"] = round(seconds, 2)
        entry["right_source_found"] = int(report.counts["e2e_tp"])
        payload["sets"][name] = entry
        console.print(f"[bold]{name}[/]: {int(report.counts['e2e_tp'])} of {int(report.counts['gold_n'])} "
                      f"attributions found with the right source ({seconds:.1f}s)")
    console.print(f"results → {save(args.name, payload)}")


if __name__ == "__main__":
    main()
