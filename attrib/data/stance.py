"""Stance examples: (target, marked text, label) from NewsMTSC, BASIL and labelled attributions.

Every source is turned into the same pair the stance model reads: the target's name, and
a passage in which the target's mentions are wrapped in « » so the model knows which
entity the label is about even when the passage names several.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ..schema import STANCES, Article, Attribution
from . import load_labelled_gold
from .basil import iter_basil

NEWSMTSC_POLARITY = {2.0: "against", 4.0: "neutral", 6.0: "favor"}
BASIL_POLARITY = {"pos": "favor", "neg": "against"}
MARK_OPEN, MARK_CLOSE = "«", "»"
CONTEXT_CHARS = 700


@dataclass(frozen=True)
class StanceExample:
    target: str
    text: str
    label: Optional[str]
    # The unit kept on one side of a train/dev split (`attrib train-stance` refuses overlaps): the article
    # for attributions, the event for BASIL, the sentence for NewsMTSC (its own split is by sentence).
    group: str
    # Who said the passage (an attribution's speaker), when known: see `StanceClassifier.predict`.
    speaker: Optional[str] = None
    # The article's other proper-name targets (its rival candidates), whose own words are never for this target.
    rivals: tuple[str, ...] = ()


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Wrap each [start, end) of `text` in « »; overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out += [text[last:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


CONCEPT_STOPWORDS = {"with", "from", "between", "over", "into", "about", "against", "their", "that", "this"}


@lru_cache(maxsize=1024)
def name_pattern(target: str) -> Optional[re.Pattern]:
    """Whole-word matches of the target or any of its capitalised words ("Clinton", "Hillary").

    A concept target ("Iran–Russia strategic partnership", "easing of internet filtering")
    also marks its content words ("partnership", "filtering"): on the team's world dev
    articles that raised stance macro-F1 from 0.287 to 0.373, with PolNeAR (name targets)
    and the seed unchanged. Cached: every attribution of an article asks for the same target.
    """
    words = [w for w in re.findall(r"[\w’'-]+", target) if w[:1].isupper() and len(w) > 2]
    if re.search(r"\b[a-z]", target):
        words = [w for w in re.findall(r"[\w’'-]+", target) if len(w) > 3 and w.casefold() not in CONCEPT_STOPWORDS]
    alternatives = [re.escape(target)] + [re.escape(w) for w in words]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE) if target.strip() else None


def mark_target(text: str, target: str) -> str:
    pattern = name_pattern(target)
    if pattern is None:
        return text
    return mark_spans(text, [(m.start(), m.end()) for m in pattern.finditer(text)])


def attribution_passage(article: Article, att: Attribution) -> str:
    """The words from the first to the last of content, cue and source, with a little room, capped."""
    spans = [s for field in (att.content, att.cue, att.source) for s in field]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if end - start > CONTEXT_CHARS:
        # Keep the words that name the speaker (before or after) and the head of the content.
        content_start = min(s for s, _ in att.content)
        start, end = max(start, content_start - CONTEXT_CHARS // 3), min(end, content_start + CONTEXT_CHARS)
    return article.text[start:end]


def attribution_example(article: Article, att: Attribution, target: str) -> StanceExample:
    return StanceExample(target, mark_target(attribution_passage(article, att), target), att.stance, article.id,
                         att.speaker, tuple(t for t in article.targets if t != target))


def examples_from_articles(articles: Iterable[Article], labelled_only: bool = True) -> list[StanceExample]:
    """One example per attribution toward its article's first target (those with a gold stance)."""
    out = []
    for art in articles:
        if not art.targets:
            continue
        for att in art.attributions:
            if labelled_only and att.stance not in STANCES:
                continue
            out.append(attribution_example(art, att, art.targets[0]))
    return out


def load_newsmtsc(path: Union[str, Path]) -> list[StanceExample]:
    """NewsMTSC JSONL: one example per (sentence, target mention); polarity 2/4/6 → against/neutral/favor."""
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            sentence = row["sentence_normalized"]
            for tgt in row["targets"]:
                label = NEWSMTSC_POLARITY.get(float(tgt["polarity"]))
                if label is None:
                    continue
                spans = [(tgt["from"], tgt["to"])] + [(m["from"], m["to"]) for m in tgt.get("further_mentions", [])]
                out.append(StanceExample(tgt["mention"], mark_spans(sentence, spans), label, row["primary_gid"]))
    return out


def load_basil(folder: Union[str, Path], quotes_only: bool = True) -> list[StanceExample]:
    """BASIL's polar spans (pos → favor, neg → against) with their own sentence; group = the event."""
    out = []
    for article in iter_basil(folder):
        for span in article.spans:
            label = BASIL_POLARITY.get(str(span.get("polarity", "")).lower()[:3])
            target = (span.get("target") or "").replace("_", " ").strip()
            if label is None or not target or (quotes_only and str(span.get("quote", "")).lower() != "yes"):
                continue
            sentence = article.sentence(str(span.get("id", "")))
            if sentence is not None:
                out.append(StanceExample(target, mark_target(sentence, target), label, article.event))
    return out


def load_stance_passages(path: Union[str, Path]) -> list[StanceExample]:
    """The team's written passages (`data/stance/*.jsonl`): one labelled pair a line, `target`, `passage`,
    `label` and optionally `speaker`. A passage reads like the words an attribution spans (source, cue,
    content), so it is marked as `attribution_passage` text is; group = the target, so one target's
    passages stay on one side of a split."""
    path = Path(path)
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                target, passage, label = row["target"].strip(), row["passage"].strip(), row["label"]
            except (json.JSONDecodeError, KeyError, AttributeError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a stance passage ({exc})") from None
            if label not in STANCES or not target or not passage:
                raise ValueError(f"{path}:{n}: needs a target, a passage and a label in {STANCES}")
            out.append(StanceExample(target, mark_target(passage, target), label, f"passage:{target}",
                                     row.get("speaker") or None))
    return out


def is_passage_file(path: Union[str, Path]) -> bool:
    """Whether a JSONL file holds stance passages (`load_stance_passages`) rather than articles."""
    path = Path(path)
    if not path.is_file():
        return False
    with path.open(encoding="utf-8") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        return "passage" in json.loads(first)
    except json.JSONDecodeError:
        return False


def examples_from_file(path: Union[str, Path], labels: Sequence[Union[str, Path]] = ()) -> list[StanceExample]:
    """A passages file's examples, or the labelled attributions of gold articles (team `labels` applied)."""
    if is_passage_file(path):
        return load_stance_passages(path)
    return examples_from_articles(load_labelled_gold(path, list(labels)))
