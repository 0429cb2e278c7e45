"""Predictions on the team's probe texts (`data/probes/`), and what changed since an earlier run.

The probes are unlabelled wire-style texts in styles PolNeAR lacks; they are read, not scored. Write the default
model's predictions with `-o`, then after a change run again with `--against` the earlier file: every attribution
whose source, cue, content, speaker or outlet moved is printed, so a rule's effect on other outlets and eras is seen
before it is kept.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance  # noqa: E402

from attrib.pipeline import Attributor  # noqa: E402
from attrib.schema import Article, article_from_dict  # noqa: E402

PROBES = Path(__file__).resolve().parent.parent / "data" / "probes"


def describe(article: Article) -> set[str]:
    """One line per attribution: source, cue, content (shortened), speaker, outlet."""
    return {f"{article.span_text(a.source)!r} <{article.span_text(a.cue)}> {article.span_text(a.content)[:60]!r} "
            f"speaker={a.speaker} outlet={a.outlet}" for a in article.attributions}


def changes(old: dict[str, Article], new: dict[str, Article]) -> list[str]:
    """Lines gone (-) and come (+) per probe text, for the texts both runs hold."""
    out = []
    for name in sorted(new.keys() & old.keys()):
        before, after = describe(old[name]), describe(new[name])
        out += [f"{name} - {line}" for line in sorted(before - after)]
        out += [f"{name} + {line}" for line in sorted(after - before)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-o", "--output", required=True, help="JSONL of predictions, one probe text a line.")
    ap.add_argument("--against", default=None, help="An earlier output to compare with.")
    ap.add_argument("--model", default=None)
    ap.add_argument("--probes", default=str(PROBES))
    args = ap.parse_args()
    paths = sorted(Path(args.probes).glob("*.txt"))
    articles = [Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in paths]
    preds = {a.id: a for a in Attributor.from_pretrained(args.model).predict(articles)}
    with open(args.output, "w", encoding="utf-8") as f:
        for a in preds.values():
            f.write(json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    n_atts = sum(len(a.attributions) for a in preds.values())
    print(f"{len(preds)} probe texts, {n_atts} attributions → {args.output} (commit {provenance()['commit']})")
    if args.against:
        with open(args.against, encoding="utf-8") as f:
            old = {a.id: a for a in (article_from_dict(json.loads(line)) for line in f if line.strip())}
        lines = changes(old, preds)
        print("\n".join(lines) or "no attribution changed")
        print(f"{len({line.split(' ', 1)[0] for line in lines})} of {len(preds)} texts changed")


if __name__ == "__main__":
    main()
