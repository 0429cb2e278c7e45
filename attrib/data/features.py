"""Article text -> word pieces -> overlapping windows, and gold spans -> training labels.

The text is tokenised once, without special tokens; windows are slices of that one
token sequence, each wrapped in the tokenizer's own [CLS]/[SEP] (or <s>/</s>). Word
shapes come from the original characters through the offset mapping, which gives an
uncased encoder the capitalisation back.
"""
from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import numpy as np

from ..schema import Article, Span
from ..text import QUOTE_CHARS

ROLES = ("content", "cue", "source")
TAGS = ["O"] + [f"{p}-{r.upper()}" for r in ROLES for p in ("B", "I")]
TAG_ID = {t: i for i, t in enumerate(TAGS)}
IGNORE = -100

# Shape classes; each doubled by "starts a word" (preceded by whitespace or text start).
SHAPES = ("special", "lower", "capitalised", "upper", "digit", "quote", "punct", "mixed")
NUM_SHAPES = 2 * len(SHAPES)


@lru_cache(maxsize=1 << 16)
def word_shape(piece: str, starts_word: bool) -> int:
    """Shape class of a word piece; cached, since news repeats its pieces ("the", ",", "said")."""
    if not piece:
        base = 0
    elif any(c in QUOTE_CHARS for c in piece):
        base = 5
    elif piece.isdigit():
        base = 4
    elif not any(c.isalnum() for c in piece):
        base = 6
    elif piece.islower():
        base = 1
    elif piece.isupper():
        base = 3
    elif piece[0].isupper() and (len(piece) == 1 or piece[1:].islower()):
        base = 2
    else:
        base = 7
    return 2 * base + int(starts_word)


@dataclass
class TokenizedArticle:
    """The article's word pieces (no special tokens) with character offsets and shapes."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    shapes: list[int]

    def __len__(self) -> int:
        return len(self.ids)


def tokenize_article(text: str, tokenizer) -> TokenizedArticle:
    return tokenize_articles([text], tokenizer)[0]


def tokenize_articles(texts: Sequence[str], tokenizer) -> list[TokenizedArticle]:
    """Word pieces, offsets and shapes of many texts: one tokenizer call (a fast tokenizer splits the
    batch over the cores)."""
    if not texts:
        return []
    enc = tokenizer(list(texts), add_special_tokens=False, return_offsets_mapping=True, return_attention_mask=False,
                    verbose=False)
    return [_with_shapes(text, list(ids), [tuple(o) for o in offsets])
            for text, ids, offsets in zip(texts, enc["input_ids"], enc["offset_mapping"])]


def _with_shapes(text: str, ids: list[int], offsets: list[tuple[int, int]]) -> TokenizedArticle:
    shapes = []
    for s, e in offsets:
        # sentencepiece offsets may include the leading space marker; shape the visible characters.
        while s < e and text[s].isspace():
            s += 1
        starts = s == 0 or text[s - 1].isspace() or text[s - 1] in QUOTE_CHARS
        shapes.append(word_shape(text[s:e], starts))
    return TokenizedArticle(ids, offsets, shapes)


@dataclass
class Window:
    start: int  # first article token in the window
    end: int  # one past the last article token


def make_windows(n_tokens: int, max_tokens: int, stride: int) -> list[Window]:
    """Windows of at most `max_tokens` article tokens, overlapping by `max_tokens - stride`."""
    if n_tokens <= max_tokens:
        return [Window(0, n_tokens)]
    out, start = [], 0
    while True:
        end = min(start + max_tokens, n_tokens)
        out.append(Window(start, end))
        if end == n_tokens:
            return out
        start += stride


def char_ranges_to_tokens(offsets: list[tuple[int, int]], ranges: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) inclusive token of each [start, end) character range; first > last where no token is inside.

    Token offsets run in text order, so both ends are binary searches: the first token ending after
    the start, the last token starting before the end.
    """
    starts = np.fromiter((o[0] for o in offsets), dtype=np.int64, count=len(offsets))
    ends = np.fromiter((o[1] for o in offsets), dtype=np.int64, count=len(offsets))
    bounds = np.asarray(ranges, dtype=np.int64).reshape(-1, 2)
    return np.searchsorted(ends, bounds[:, 0], side="right"), np.searchsorted(starts, bounds[:, 1], side="left") - 1


def char_span_to_tokens(offsets: list[tuple[int, int]], span: Span) -> list[tuple[int, int]]:
    """Each character piece -> (first token, last token) inclusive; pieces with no token vanish."""
    first, last = char_ranges_to_tokens(offsets, span)
    return [(f, l) for f, l in zip(first.tolist(), last.tolist()) if f <= l]


@dataclass
class AttributionTokens:
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]


def gold_token_spans(article: Article, tok: TokenizedArticle) -> list[AttributionTokens]:
    return [
        AttributionTokens(
            content=char_span_to_tokens(tok.offsets, a.content),
            cue=char_span_to_tokens(tok.offsets, a.cue),
            source=char_span_to_tokens(tok.offsets, a.source),
        )
        for a in article.attributions
    ]


def _clip(span: tuple[int, int], win: Window) -> Optional[tuple[int, int]]:
    s, e = max(span[0], win.start), min(span[1], win.end - 1)
    return (s - win.start, e - win.start) if s <= e else None


@dataclass
class WindowFeatures:
    input_ids: list[int]
    shape_ids: list[int]
    labels: list[int]
    content_spans: list[list[int]] = field(default_factory=list)
    cue_spans: list[list[int]] = field(default_factory=list)
    source_spans: list[list[int]] = field(default_factory=list)
    content_cue: list[int] = field(default_factory=list)
    content_source: list[int] = field(default_factory=list)


def special_frame(tokenizer) -> tuple[list[int], list[int]]:
    """The special ids the tokenizer puts before and after a text ([CLS] … [SEP], <s> … </s>)."""
    frame = getattr(tokenizer, "_attrib_frame", None)
    if frame is None:
        bare = tokenizer("a", add_special_tokens=False)["input_ids"]
        full = tokenizer("a", add_special_tokens=True)["input_ids"]
        at = next(i for i in range(len(full)) if full[i:i + len(bare)] == bare)
        frame = (full[:at], full[at + len(bare):])
        tokenizer._attrib_frame = frame
    return frame


def wrap_special_tokens(tokenizer, ids: list[int]) -> tuple[list[int], int]:
    """Add the tokenizer's special tokens; returns the ids and how many were put in front."""
    prefix, suffix = special_frame(tokenizer)
    return [*prefix, *ids, *suffix], len(prefix)


def window_features(article: Article, tokenizer, max_tokens: int, stride: int) -> list[WindowFeatures]:
    """Training features for every window of one gold article."""
    tok = tokenize_article(article.text, tokenizer)
    gold = gold_token_spans(article, tok)
    out = []
    for win in make_windows(len(tok), max_tokens, stride):
        ids, prefix = wrap_special_tokens(tokenizer, tok.ids[win.start:win.end])
        n = win.end - win.start
        labels = [IGNORE] * len(ids)
        shapes = [0] * len(ids)
        for i in range(n):
            labels[prefix + i] = TAG_ID["O"]
            shapes[prefix + i] = tok.shapes[win.start + i]
        feats = WindowFeatures(ids, shapes, labels)
        for att in gold:
            clipped = {r: [c for c in (_clip(s, win) for s in getattr(att, r)) if c] for r in ROLES}
            for role in ROLES:
                for s, e in clipped[role]:
                    labels[prefix + s] = TAG_ID[f"B-{role.upper()}"]
                    for i in range(s + 1, e + 1):
                        labels[prefix + i] = TAG_ID[f"I-{role.upper()}"]
            cue_idx = _append(feats.cue_spans, clipped["cue"], prefix)
            src_idx = _append(feats.source_spans, clipped["source"], prefix)
            for s, e in clipped["content"]:
                feats.content_spans.append([prefix + s, prefix + e])
                feats.content_cue.append(_link_target(att.cue, clipped["cue"], cue_idx))
                feats.content_source.append(_link_target(att.source, clipped["source"], src_idx))
        out.append(feats)
    return out


def _append(spans: list[list[int]], clipped: list[tuple[int, int]], prefix: int) -> Optional[int]:
    """Add the first piece of a role to the window's candidate list; its index, or None."""
    if not clipped:
        return None
    s, e = clipped[0]
    spans.append([prefix + s, prefix + e])
    return len(spans) - 1


def _link_target(gold_pieces: list, clipped: list, idx: Optional[int]) -> int:
    """Candidate index + 1 (0 = no cue/source); IGNORE when the partner lies outside the window."""
    if not gold_pieces:
        return 0
    if idx is None:
        return IGNORE
    return idx + 1


def estimate_transitions(label_rows: Iterable[list[int]], smoothing: float = 1.0) -> list[list[float]]:
    """log P(tag_t | tag_t-1) over training windows, for the decoder's Viterbi prior."""
    counts = np.full((len(TAGS), len(TAGS)), smoothing)
    for row in label_rows:
        tags = np.array([t for t in row if t != IGNORE])
        if tags.size > 1:
            np.add.at(counts, (tags[:-1], tags[1:]), 1)
    return np.log(counts / counts.sum(1, keepdims=True)).round(4).tolist()


def articles_to_dataset(articles: Iterable[Article], tokenizer, max_tokens: int = 254, stride: int = 192):
    """A `datasets.Dataset` of training windows (one row a window)."""
    from datasets import Dataset

    rows: dict[str, list] = {k: [] for k in WindowFeatures.__dataclass_fields__}
    for art in articles:
        for feats in window_features(art, tokenizer, max_tokens, stride):
            for k in rows:
                rows[k].append(getattr(feats, k))
    return Dataset.from_dict(rows)


def articles_to_record_dataset(articles: Iterable[Article]):
    """Articles as a `datasets.Dataset` (id, text, title, publisher, record as JSON)."""
    import json

    from datasets import Dataset

    arts = list(articles)
    return Dataset.from_dict({
        "id": [a.id for a in arts],
        "text": [a.text for a in arts],
        "title": [a.title or "" for a in arts],
        "publisher": [str(a.meta.get("publisher", "")) for a in arts],
        "record": [json.dumps(a.to_dict(), ensure_ascii=False) for a in arts],
    })
