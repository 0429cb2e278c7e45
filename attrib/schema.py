"""The records of ANNOTATION.md (attrib JSONL, version 1) and their validation.

One `Article` per JSONL line; gold and predictions share the schema. Optional
annotation layers (speaker, outlet, stance) may be absent from a gold file (PolNeAR
has no speakers): an absent key is *unlabelled* and not scored, while an explicit
`null` is a label ("no named speaker", "no outlet").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

Span = list[tuple[int, int]]

KINDS = ("direct", "indirect", "mixed")
STANCES = ("favor", "against", "neutral")
SPAN_FIELDS = ("content", "cue", "source", "outlet_span")
LABEL_FIELDS = ("speaker", "outlet", "stance")
ARTICLE_KEYS = {"id", "title", "text", "targets", "meta", "attributions"}
ATTRIBUTION_KEYS = {
    "content", "cue", "source", "speaker", "outlet", "outlet_span", "kind",
    "stance", "stances", "confidence", "stance_confidence", "source_type",
}


class SchemaError(ValueError):
    """A record that breaks the schema; `where` names the field (e.g. attributions[3].cue)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


@dataclass
class Attribution:
    content: Span
    cue: Span = field(default_factory=list)
    source: Span = field(default_factory=list)
    speaker: Optional[str] = None
    outlet: Optional[str] = None
    outlet_span: Span = field(default_factory=list)
    kind: Optional[str] = None
    stance: Optional[str] = None
    stances: Optional[dict[str, Optional[str]]] = None
    confidence: Optional[float] = None
    # Probability of the predicted `stance` label (predictions only).
    stance_confidence: Optional[float] = None
    source_type: Optional[str] = None
    # Label layers present in the input; absent layers are unlabelled, not null.
    labelled: frozenset[str] = frozenset(LABEL_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "content": [list(s) for s in self.content],
            "cue": [list(s) for s in self.cue],
            "source": [list(s) for s in self.source],
        }
        if "speaker" in self.labelled:
            out["speaker"] = self.speaker
        if "outlet" in self.labelled:
            out["outlet"] = self.outlet
            out["outlet_span"] = [list(s) for s in self.outlet_span]
        out["kind"] = self.kind
        if "stance" in self.labelled:
            out["stance"] = self.stance
        if self.stances is not None:
            out["stances"] = dict(self.stances)
        if self.source_type is not None:
            out["source_type"] = self.source_type
        if self.confidence is not None:
            out["confidence"] = round(float(self.confidence), 4)
        if self.stance_confidence is not None:
            out["stance_confidence"] = round(float(self.stance_confidence), 4)
        return out


@dataclass
class Article:
    id: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    title: Optional[str] = None
    targets: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.title is not None:
            out["title"] = self.title
        out["text"] = self.text
        out["targets"] = list(self.targets)
        out["meta"] = dict(self.meta)
        out["attributions"] = [a.to_dict() for a in self.attributions]
        return out

    def span_text(self, span: Span, sep: str = " … ") -> str:
        return sep.join(self.text[s:e] for s, e in span)


def _span(value: Any, where: str, text_len: int) -> Span:
    if not isinstance(value, list):
        raise SchemaError(where, f"expected a list of [start, end] pairs, got {type(value).__name__}")
    out: Span = []
    for i, pair in enumerate(value):
        w = f"{where}[{i}]"
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise SchemaError(w, f"expected [start, end], got {pair!r}")
        start, end = pair
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            raise SchemaError(w, f"offsets must be integers, got {pair!r}")
        if start < 0 or end > text_len:
            raise SchemaError(w, f"offset outside the text (length {text_len}): [{start}, {end}]")
        if end <= start:
            raise SchemaError(w, f"end before start: [{start}, {end}]")
        out.append((start, end))
    return sorted(out)


def _optional_str(value: Any, where: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    raise SchemaError(where, f"expected a string or null, got {type(value).__name__}")


def _choice(value: Any, where: str, allowed: tuple[str, ...]) -> Optional[str]:
    if value is None:
        return None
    if value not in allowed:
        raise SchemaError(where, f"unknown value {value!r} (expected one of {', '.join(allowed)} or null)")
    return value


def _probability(value: Any, where: str) -> Optional[float]:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
        raise SchemaError(where, f"expected a number in [0, 1], got {value!r}")
    return float(value)


def attribution_from_dict(d: Any, where: str, text_len: int) -> Attribution:
    if not isinstance(d, dict):
        raise SchemaError(where, f"expected an object, got {type(d).__name__}")
    unknown = set(d) - ATTRIBUTION_KEYS
    if unknown:
        raise SchemaError(where, f"unknown field(s): {', '.join(sorted(unknown))}")
    if "content" not in d:
        raise SchemaError(where, "missing field 'content'")
    content = _span(d["content"], f"{where}.content", text_len)
    if not content:
        raise SchemaError(f"{where}.content", "must hold at least one span")
    confidence = _probability(d.get("confidence"), f"{where}.confidence")
    stance_confidence = _probability(d.get("stance_confidence"), f"{where}.stance_confidence")
    stances = d.get("stances")
    if stances is not None:
        if not isinstance(stances, dict):
            raise SchemaError(f"{where}.stances", "expected an object {target: label}")
        stances = {str(k): _choice(v, f"{where}.stances[{k!r}]", STANCES) for k, v in stances.items()}
    return Attribution(
        content=content,
        cue=_span(d.get("cue", []), f"{where}.cue", text_len),
        source=_span(d.get("source", []), f"{where}.source", text_len),
        speaker=_optional_str(d.get("speaker"), f"{where}.speaker"),
        outlet=_optional_str(d.get("outlet"), f"{where}.outlet"),
        outlet_span=_span(d.get("outlet_span", []), f"{where}.outlet_span", text_len),
        kind=_choice(d.get("kind"), f"{where}.kind", KINDS),
        stance=_choice(d.get("stance"), f"{where}.stance", STANCES),
        stances=stances,
        confidence=confidence,
        stance_confidence=stance_confidence,
        source_type=_optional_str(d.get("source_type"), f"{where}.source_type"),
        labelled=frozenset(k for k in LABEL_FIELDS if k in d),
    )


def article_from_dict(d: Any) -> Article:
    """Build an `Article` from a parsed JSON value, raising `SchemaError` on the first problem."""
    if not isinstance(d, dict):
        raise SchemaError("", f"expected a JSON object, got {type(d).__name__}")
    unknown = set(d) - ARTICLE_KEYS
    if unknown:
        raise SchemaError("", f"unknown field(s): {', '.join(sorted(unknown))}")
    if not isinstance(d.get("id"), str) or not d["id"]:
        raise SchemaError("id", "missing or not a non-empty string")
    text = d.get("text")
    if not isinstance(text, str):
        raise SchemaError("text", "missing or not a string")
    targets = d.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise SchemaError("targets", "expected a list of strings")
    meta = d.get("meta", {})
    if not isinstance(meta, dict):
        raise SchemaError("meta", "expected an object")
    atts = d.get("attributions", [])
    if not isinstance(atts, list):
        raise SchemaError("attributions", "expected a list")
    return Article(
        id=d["id"],
        text=text,
        title=_optional_str(d.get("title"), "title"),
        targets=list(targets),
        meta=dict(meta),
        attributions=[attribution_from_dict(a, f"attributions[{i}]", len(text)) for i, a in enumerate(atts)],
    )


def ensure_unique_ids(articles: Iterable[Article]) -> None:
    seen: set[str] = set()
    for art in articles:
        if art.id in seen:
            raise SchemaError("id", f"duplicate id {art.id!r}")
        seen.add(art.id)
