"""`make eval-speakers`: canonical speakers on gold attributions, rules beside the learned ranker.

Speakers are judged on the gold source mentions here, so the figure is the resolver's own;
the end-to-end figure (speakers of predicted attributions) is in `make eval`. Sets:
PolNeAR dev with the team's labels, the team's world-outlet dev articles, the seed.
Writes eval/results/speakers-DATE-COMMIT.json.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional

import torch
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data import load_labelled_gold  # noqa: E402
from attrib.metrics import speaker_matches  # noqa: E402
from attrib.modeling.modeling_speaker import SpeakerRanker  # noqa: E402
from attrib.pipeline import Attributor  # noqa: E402
from attrib.schema import Article  # noqa: E402
from attrib.speaker_naming import apply_naming  # noqa: E402
from attrib.speaker_ranking import rank_speakers  # noqa: E402
from attrib.speakers import first_person_authors, resolve_speakers  # noqa: E402
from attrib.furniture import reading_text  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def accuracy(gold: list[Article], pred: list[Article]) -> dict[str, float]:
    n = strict = lenient = 0
    for g, p in zip(gold, pred):
        gs = sorted(g.attributions, key=lambda a: a.content[0])
        for ga, pa in zip(gs, p.attributions):
            if "speaker" not in ga.labelled:
                continue
            n += 1
            strict += speaker_matches(ga.speaker, pa.speaker, lenient=False)
            lenient += speaker_matches(ga.speaker, pa.speaker, lenient=True)
    return {"n": n, "strict": round(strict / n, 4) if n else 0.0, "lenient": round(lenient / n, 4) if n else 0.0}


@torch.inference_mode()
def resolve(attributor: Attributor, ranker: Optional[SpeakerRanker], gold: list[Article]) -> list[Article]:
    """Speakers of the gold attributions (gold speakers removed first) by the rules, then the ranker if given."""
    # The rules read plain spaces, as the pipeline gives them (`Attributor._predict_chunk`).
    blank = [replace(a, text=reading_text(a.text), attributions=[replace(x, speaker=None) for x in a.attributions])
             for a in gold]
    out = []
    for art, (tok, states, _) in zip(blank, attributor.encode(blank)):
        rules = resolve_speakers(art)
        named = rank_speakers(ranker, rules, tok, states) if ranker is not None and states is not None else rules
        out.append(apply_naming(first_person_authors(named)))  # as the pipeline does
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=str(REPO / "models" / "attrib-minilm-l6"), help="Attribution model folder.")
    ap.add_argument("--speaker", default=None, help="Speaker ranker folder (default: MODEL/speaker).")
    ap.add_argument("--name", default="speakers")
    args = ap.parse_args()
    shared = Path(args.shared)
    attributor = Attributor.from_pretrained(args.model, precision="fp32")
    ranker = SpeakerRanker.from_pretrained(args.speaker or Path(args.model) / "speaker", use_safetensors=True,
                                           dtype=torch.float32).eval()
    sets = {
        "polnear-dev": load_labelled_gold(shared / "polnear" / "dev", [REPO / "data" / "labels" / "polnear-dev"]),
        "world-dev": load_labelled_gold(REPO / "data" / "articles" / "world-outlets-dev.jsonl"),
        "seed": load_labelled_gold(shared / "seed" / "seed-article.jsonl"),
    }
    table = Table("set", "attributions", "rules strict", "rules lenient", "ranker strict", "ranker lenient",
                  title="canonical speakers on gold attributions")
    payload = {"provenance": provenance(), "model": args.model, "speaker": args.speaker, "sets": {}}
    for name, gold in sets.items():
        rules = accuracy(gold, resolve(attributor, None, gold))
        ranked = accuracy(gold, resolve(attributor, ranker, gold))
        payload["sets"][name] = {"rules": rules, "ranker": ranked}
        table.add_row(name, str(rules["n"]), f"{rules['strict']:.3f}", f"{rules['lenient']:.3f}",
                      f"{ranked['strict']:.3f}", f"{ranked['lenient']:.3f}")
    Console().print(table)
    Console().print(f"results → {save(args.name, payload)}")


if __name__ == "__main__":
    main()
