"""`make eval-basil`: who said BASIL's quotes, end to end, on articles of other years and outlets.

BASIL (300 articles, 2010-2019, Fox News, The New York Times, HuffPost) names the speaker of
each quoted span it marks. None of it was used to build speakers or outlets, so it is a
held-out check of the whole pipeline on real articles: for every quote whose speaker BASIL
names (not "other_pro", "other_anti", ...), is there a predicted attribution whose content
overlaps the quote, and is its canonical speaker BASIL's (strict: the same name; lenient: the
same surname or one name inside the other)? BASIL names groups too ("Democratic lawmakers"
for a quote by one senator), and writes names without accents ("Felipe Calder"), so the
strict figure has a ceiling well below 1; it is for comparing versions, not for bragging.
Writes eval/results/basil-speakers-DATE-COMMIT.json.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import provenance, save  # noqa: E402

from attrib.data.basil import iter_basil  # noqa: E402
from attrib.metrics import speaker_matches  # noqa: E402
from attrib.pipeline import Attributor  # noqa: E402
from attrib.schema import Article  # noqa: E402


def named_quotes(folder: Path) -> tuple[list[Article], list[tuple[str, int, int, str]]]:
    """The articles as texts, and (article id, start, end, speaker) for each quote (headline or body)
    BASIL names a speaker for."""
    articles, quotes = [], []
    for basil in iter_basil(folder):
        text, starts = basil.text()
        articles.append(Article(id=basil.name, text=text))
        for span in basil.spans:
            speaker = str(span.get("speaker") or "")
            sid = str(span.get("id", ""))
            if str(span.get("quote", "")).lower() != "yes" or not speaker or speaker.startswith("other") or sid not in starts:
                continue
            quotes.append((basil.name, starts[sid] + int(span["start"]), starts[sid] + int(span["end"]),
                           speaker.replace("_", " ")))
    return articles, quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--model", default=None, help="Model folder (default: the shipped one).")
    args = ap.parse_args()
    articles, quotes = named_quotes(Path(args.shared) / "basil")
    predicted = {a.id: a for a in Attributor.from_pretrained(args.model).predict(articles)}
    counts: Counter = Counter()
    for article_id, start, end, speaker in quotes:
        overlaps = [(sum(max(0, min(end, e) - max(start, s)) for s, e in att.content), n)
                    for n, att in enumerate(predicted[article_id].attributions)]
        best = max(overlaps, default=(0, -1))
        if best[0] <= 0:
            counts["missed"] += 1
            continue
        found = predicted[article_id].attributions[best[1]].speaker
        counts["found"] += 1
        counts["strict"] += speaker_matches(speaker, found, lenient=False)
        counts["lenient"] += speaker_matches(speaker, found, lenient=True)
    n = len(quotes)
    result = {"articles": len(articles), "quotes": n, "found": counts["found"],
              "strict": round(counts["strict"] / n, 4), "lenient": round(counts["lenient"] / n, 4)}
    console = Console()
    console.print(f"BASIL quotes with a named speaker: {n} in {len(articles)} articles; found {counts['found']}; "
                  f"speaker strict {result['strict']:.3f}, lenient {result['lenient']:.3f}")
    console.print(f"results → {save('basil-speakers', {'provenance': provenance(), 'model': str(args.model or 'default'), **result})}")


if __name__ == "__main__":
    main()
