"""BASIL (Fan et al., EMNLP 2019) as the project reads it: articles, their sentences, annotated spans.

Each article's `body-paragraphs` is a list of paragraphs, each a list of sentences; a span's
`id` is "title" for the headline or "p<i>" for the body's sentence i, paragraphs flattened,
and its `start`/`end` are offsets inside that sentence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Optional, Union


@dataclass
class BasilArticle:
    event: str  # the triplet id: the same event told by three outlets
    name: str  # the file stem ("<event>_<n>"), unique per article
    title: str
    paragraphs: list[list[str]]
    spans: list[dict[str, Any]]  # the annotation file's phrase-level annotations

    @cached_property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    def sentence(self, span_id: str) -> Optional[str]:
        """The sentence a span id names, or None for an id outside the article."""
        if span_id == "title":
            return self.title
        body = self.sentences
        return body[int(span_id[1:])] if span_id[:1] == "p" and span_id[1:].isdigit() and int(span_id[1:]) < len(body) else None

    def text(self) -> tuple[str, dict[str, int]]:
        """The article as one text (headline, blank line, paragraphs of space-joined sentences) and where
        each span id's sentence starts in it."""
        text, starts = self.title + "\n\n", {"title": 0}
        i = 0
        for paragraph in self.paragraphs:
            for k, sentence in enumerate(paragraph):
                text += " " if k else ""
                starts[f"p{i}"] = len(text)
                text += sentence
                i += 1
            text += "\n\n"
        return text.rstrip(), starts


def iter_basil(folder: Union[str, Path]) -> Iterator[BasilArticle]:
    """Every annotated article under BASIL's `annotations/YEAR/*_ann.json` with its `articles/` file."""
    folder = Path(folder)
    for ann_path in sorted((folder / "annotations").glob("*/*_ann.json")):
        art_path = folder / "articles" / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        if not art_path.is_file():
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        article = json.loads(art_path.read_text(encoding="utf-8"))
        yield BasilArticle(event=ann_path.name.split("_")[0], name=art_path.stem, title=article.get("title", ""),
                           paragraphs=article.get("body-paragraphs", []), spans=ann.get("phrase-level-annotations", []))
