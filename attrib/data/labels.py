"""The team's labels on top of a corpus: keyed by article id and content offsets, no text.

A label row adds the layers a corpus lacks (canonical speaker, outlet, stance, source
type) to one gold attribution, found by its article id and exact content offsets:

    {"article_id": "...", "content": [[s, e]], "speaker": "Pat Caddell" | null,
     "source_type": "named" | "pronoun" | "description" | "vague" | "none",
     "outlet": "Breitbart News Daily" | null, "outlet_span": [[s, e]],
     "stance": "favor" | "against" | "neutral", "target": "Hillary Clinton", "labeller": "..."}

Two gold attributions may share their content offsets ("That style" resented by two groups of
voters); a row then also names the attribution's gold `source` offsets, and a row without
`source` labels every attribution with that content.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..schema import STANCES, Article, Span

SOURCE_TYPES = ("named", "pronoun", "description", "vague", "none")
ROW_KEYS = {"article_id", "content", "source", "speaker", "source_type", "outlet", "outlet_span", "stance", "target", "labeller", "note"}


Key = tuple[str, tuple[tuple[int, int], ...], Optional[tuple[tuple[int, int], ...]]]


def _key(article_id: str, content: Iterable, source: Optional[Iterable] = None) -> Key:
    return article_id, tuple(tuple(p) for p in content), None if source is None else tuple(tuple(p) for p in source)


def _row_key(row: dict[str, Any]) -> Key:
    return _key(row.get("article_id", ""), row.get("content", []), row.get("source"))


def read_labels(paths: Iterable[Union[str, Path]]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                row["_where"] = f"{path}:{lineno}"
                rows.append(row)
    return rows


def check_labels(articles: list[Article], rows: list[dict[str, Any]]) -> list[str]:
    """Problems with label rows: unknown keys, no matching attribution, bad values, offsets."""
    by_key = {}
    for a in articles:
        for att in a.attributions:
            by_key[_key(a.id, att.content)] = (a, att)
            by_key[_key(a.id, att.content, att.source)] = (a, att)
    problems, seen = [], set()
    for row in rows:
        where = row.get("_where", "?")
        unknown = set(row) - ROW_KEYS - {"_where"}
        if unknown:
            problems.append(f"{where}: unknown field(s) {sorted(unknown)}")
        key = _row_key(row)
        if key not in by_key:
            problems.append(f"{where}: no gold attribution with this article id and content (and source) offsets")
            continue
        if key in seen:
            problems.append(f"{where}: labelled twice")
        seen.add(key)
        art, _ = by_key[key]
        if row.get("stance") is not None and row.get("target") != (art.targets[0] if art.targets else None):
            problems.append(f"{where}: stance must be toward the article's first target {art.targets[:1]}")
        if row.get("source_type") not in SOURCE_TYPES:
            problems.append(f"{where}: source_type must be one of {SOURCE_TYPES}")
        if row.get("stance") is not None and row["stance"] not in STANCES:
            problems.append(f"{where}: stance must be one of {STANCES} or null")
        speaker = row.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            problems.append(f"{where}: speaker must be a string or null")
        outlet, span = row.get("outlet"), row.get("outlet_span", [])
        for s, e in span:
            if not (0 <= s < e <= len(art.text)):
                problems.append(f"{where}: outlet_span outside the text")
        if span and not outlet:
            problems.append(f"{where}: outlet_span without an outlet")
    return problems


def apply_labels(articles: list[Article], rows: list[dict[str, Any]]) -> list[Article]:
    """Gold articles with the labelled layers filled in; an article with any label gets all its
    attributions' layers marked labelled (unlabelled ones in a labelled article stay unlabelled)."""
    by_key = {_row_key(r): r for r in rows}
    out = []
    for art in articles:
        atts = []
        for att in art.attributions:
            row = by_key.get(_key(art.id, att.content, att.source)) or by_key.get(_key(art.id, att.content))
            if row is None:
                atts.append(att)
                continue
            layers = {"speaker", "outlet"} | ({"stance"} if "stance" in row else set())
            outlet_span: Span = [tuple(p) for p in row.get("outlet_span", [])]
            atts.append(replace(
                att, speaker=row.get("speaker"), outlet=row.get("outlet"), outlet_span=outlet_span,
                stance=row.get("stance"), source_type=row.get("source_type"), labelled=frozenset(att.labelled | layers),
            ))
        out.append(replace(art, attributions=atts))
    return out
