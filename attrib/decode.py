"""Model outputs -> attributions: merge windows, tags -> spans, links -> grouped attributions.

Array arithmetic over one article, except the Viterbi recursion (a loop over tokens,
vectorised over tags).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
import torch

from .data.features import ROLES, TokenizedArticle, Window
from .schema import Attribution, Span
from .text import drop_complementiser, kind_of, line_break_runs, sentence_bounds, speech_verb_only, trim_source


def window_owners(windows: list[Window], n_tokens: int, breaks: Optional[np.ndarray] = None) -> np.ndarray:
    """For each article token, the window that reads it. Overlaps are split halfway, or at the
    paragraph break nearest halfway when `breaks` (per token: a paragraph starts here) has one
    inside the overlap's middle half: no gold span crosses a paragraph, so no span is stitched
    from two windows' states."""
    owner = np.zeros(n_tokens, dtype=np.int64)
    for i in range(1, len(windows)):
        lo, hi = windows[i].start, windows[i - 1].end
        cut = (lo + hi) // 2
        if breaks is not None:
            margin = (hi - lo) // 4
            inside = np.nonzero(breaks[lo + margin:hi - margin])[0] + lo + margin
            if inside.size:
                cut = int(inside[np.argmin(np.abs(inside - cut))])
        owner[cut:] = i
    return owner


def merge_windows(windows: list[Window], per_window: list[torch.Tensor], n_tokens: int,
                  breaks: Optional[np.ndarray] = None) -> torch.Tensor:
    """Stitch per-window token rows [len(window), ...] into one article tensor [n_tokens, ...]."""
    if len(per_window) == 1:
        return per_window[0][:n_tokens]
    owner = window_owners(windows, n_tokens, breaks)
    pieces = []
    for i, (win, rows) in enumerate(zip(windows, per_window)):
        idx = np.nonzero(owner == i)[0]
        if idx.size:
            pieces.append(rows[idx[0] - win.start: idx[-1] - win.start + 1])
    return torch.cat(pieces, dim=0)


def paragraph_starts(text: str, tok: TokenizedArticle) -> np.ndarray:
    """For each token, whether a line break stands between it and the token before."""
    if not len(tok):
        return np.zeros(0, dtype=bool)
    starts = np.fromiter((s for s, _ in tok.offsets), dtype=np.int64, count=len(tok))
    ends = np.fromiter((e for _, e in tok.offsets), dtype=np.int64, count=len(tok))
    prev_end = np.concatenate([[0], np.maximum.accumulate(ends)[:-1]])
    # A break in text[prev_end : start + 1]: of the line-break runs starting at or before `start`,
    # one that ends after `prev_end` (runs are sorted and disjoint, so counts by binary search).
    runs = np.array(line_break_runs(text), dtype=np.int64).reshape(-1, 2)
    out = np.searchsorted(runs[:, 0], starts, side="right") > np.searchsorted(runs[:, 1], prev_end, side="right")
    out[0] = False
    return out


def tags_to_spans(tags: np.ndarray, breaks: Optional[np.ndarray] = None) -> dict[str, np.ndarray]:
    """BIO tag ids -> inclusive token spans [N, 2] per role. A stray I- starts a span.

    ``breaks`` marks tokens that open a paragraph: no span runs across one (PolNeAR
    never annotates a span over a line break, and a tagger that spills a quote into the
    next paragraph should yield two spans the linker can attach separately).
    """
    role = np.where(tags > 0, (tags - 1) // 2, -1)
    is_b = (tags > 0) & ((tags - 1) % 2 == 0)
    if breaks is not None:
        is_b = is_b | breaks
    prev_role = np.concatenate([[-1], role[:-1]])
    start = (role >= 0) & (is_b | (role != prev_role))
    next_role = np.concatenate([role[1:], [-1]])
    next_start = np.concatenate([start[1:], [True]])
    end = (role >= 0) & ((next_role != role) | next_start)
    starts, ends = np.nonzero(start)[0], np.nonzero(end)[0]
    span_role = role[starts]
    return {r: np.stack([starts[span_role == i], ends[span_role == i]], axis=1) for i, r in enumerate(ROLES)}


def viterbi(log_probs: np.ndarray, transitions: np.ndarray, weight: float = 1.0) -> np.ndarray:
    """Best tag path under per-token log-probabilities plus weighted log transition priors.

    The priors (estimated from training labels) make a one-token "O" inside a long
    content span, or an I- after O, cost what they cost in real annotation.
    """
    return viterbi_many([log_probs], transitions, weight)[0]


def viterbi_many(log_probs: Sequence[np.ndarray], transitions: np.ndarray, weight: float = 1.0,
                 group: int = 16) -> list[np.ndarray]:
    """`viterbi` over many articles: articles of similar length, `group` at a time, share one
    pass over their tokens with [articles, tags] arrays (a step's numpy overhead, not its
    arithmetic, is what costs: on PolNeAR dev, tag paths took 0.53 s one article at a time, 0.16 s so)."""
    order = sorted(range(len(log_probs)), key=lambda i: len(log_probs[i]))
    paths: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * len(log_probs)
    for g in range(0, len(order), group):
        idx = order[g:g + group]
        for i, path in zip(idx, _viterbi_batch([log_probs[i] for i in idx], weight * transitions)):
            paths[i] = path
    return paths


def _viterbi_batch(log_probs: Sequence[np.ndarray], trans: np.ndarray) -> list[np.ndarray]:
    lengths = np.array([len(lp) for lp in log_probs], dtype=np.int64)
    n, k = int(lengths.max()), trans.shape[0]
    if n == 0:
        return [np.zeros(0, dtype=np.int64) for _ in log_probs]
    padded = np.zeros((len(log_probs), n, k))
    for b, lp in enumerate(log_probs):
        padded[b, :len(lp)] = lp
    back = np.zeros((len(log_probs), n, k), dtype=np.int8)
    score = padded[:, 0].copy()  # the first token has no predecessor
    for t in range(1, n):
        cand = score[:, :, None] + trans  # [B, from, to]
        back[:, t] = cand.argmax(1)
        # An article that has ended keeps its final scores.
        score = np.where((t < lengths)[:, None], cand.max(1) + padded[:, t], score)
    paths = []
    for b, length in enumerate(lengths.tolist()):
        path = np.empty(length, dtype=np.int64)
        if length:
            path[-1] = int(score[b].argmax())
            for t in range(length - 1, 0, -1):
                path[t - 1] = back[b, t, path[t]]
        paths.append(path)
    return paths


def char_span(tok: TokenizedArticle, text: str, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens first..last, widened to whole words (no "Cad" for "Caddell")."""
    start, end = tok.offsets[first][0], tok.offsets[last][1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    # A hyphenated word is one word: no "Putin-" for "Putin-Zelensky".
    while start < end < len(text) and text[end].isalnum() and (text[end - 1].isalnum() or text[end - 1] == "-"):
        end += 1
    return start, end


@dataclass
class LinkResult:
    choice: np.ndarray  # [Nc] candidate index, -1 = none
    prob: np.ndarray  # [Nc] probability of that choice


def mask_far(logits: torch.Tensor, content: torch.Tensor, cand: torch.Tensor, max_distance: int) -> torch.Tensor:
    """Forbid links to candidates more than `max_distance` tokens away (column 0 is 'none')."""
    from .modeling.modeling_attrib import span_distance

    far = span_distance(content, cand).abs() > max_distance
    logits = logits.clone()
    logits[..., 1:] = logits[..., 1:].masked_fill(far, float("-inf"))
    return logits


def best_links(logits: torch.Tensor) -> LinkResult:
    probs = logits.float().softmax(-1)
    prob, idx = probs.max(-1)
    return LinkResult(choice=(idx - 1).numpy(), prob=prob.numpy())


# What may stand between a content and the cue that introduces it: "said: “…”", "“…,” he said".
CUE_GAP = " ,:\"“”'‘’"


def adjacent_span(text: str, tok: TokenizedArticle, spans: np.ndarray, anchor: np.ndarray, gap_chars: str = " ,") -> int:
    """The span right before (else right after) the `anchor` token span with only `gap_chars` between
    ("Jalali said", "said Jalali, …"); -1 when none touches it. `spans` run in text order without
    overlapping, so only the nearest span on each side can touch."""
    if not len(spans):
        return -1
    before = int(np.searchsorted(spans[:, 1], anchor[0], "left")) - 1
    after = int(np.searchsorted(spans[:, 0], anchor[1], "right"))
    if before >= 0:
        gap = text[tok.offsets[int(spans[before, 1])][1]:tok.offsets[int(anchor[0])][0]]
        if not gap.strip(gap_chars):
            return before
    if after < len(spans):
        gap = text[tok.offsets[int(anchor[1])][1]:tok.offsets[int(spans[after, 0])][0]]
        if not gap.strip(gap_chars):
            return after
    return -1


def token_sentences(text: str, tok: TokenizedArticle) -> np.ndarray:
    """The sentence index of each token."""
    starts = np.array([s for s, _ in sentence_bounds(text)])
    first = np.array([o[0] for o in tok.offsets]) if len(tok) else np.zeros(0, dtype=np.int64)
    return np.searchsorted(starts, first, side="right") - 1


def same_sentence_span(sent: np.ndarray, spans: np.ndarray, anchor: np.ndarray, chosen: int,
                       span_sent: Optional[np.ndarray] = None) -> int:
    """The linker's `chosen` span if it shares a sentence with the `anchor` span (first or last token);
    else the nearest span outside the anchor that does; else `chosen` (-1 = none).

    The linkers were trained for a few CPU epochs and often reach across sentences; PolNeAR's cue
    and source stand in the content's sentence far more often than not. `spans` run in text
    order, so a sentence's spans are found by binary search (a 200,000-character article has
    thousands of spans). `span_sent` (the sentence of each span's first token) may be passed
    in, computed once per article.
    """
    own = sorted({int(sent[anchor[0]]), int(sent[anchor[1]])})
    if span_sent is None:
        span_sent = sent[spans[:, 0]] if len(spans) else np.zeros(0, dtype=np.int64)
    if chosen >= 0 and int(span_sent[chosen]) in own:
        return chosen
    best, best_d = chosen, None
    for sentence in own:
        lo, hi = np.searchsorted(span_sent, sentence, "left"), np.searchsorted(span_sent, sentence, "right")
        for j in range(int(lo), int(hi)):
            s, e = int(spans[j, 0]), int(spans[j, 1])
            if anchor[0] <= s and e <= anchor[1]:
                continue
            d = anchor[0] - e if e < anchor[0] else s - anchor[1]
            if best_d is None or d < best_d:
                best, best_d = j, d
    return best


# What may separate a quotation from its continuation when no cue stands between: "“…” “…”".
QUOTE_GAP = CUE_GAP + ".;"


def _cue_outside_sentence(text: str, tok: TokenizedArticle, contents: np.ndarray, cues: np.ndarray,
                          i: int, cue: int, previous_cue: int) -> int:
    """The cue for content piece `i` when no cue stands in its own sentence: the linker chose none (-1) or
    reached out to `cue`.

    A quotation resumed after its cue ("“…,” said Burman, a tax expert. “What he proposed …”") is one
    attribution in PolNeAR: the piece joins the previous piece's cue when that cue stands between them,
    or when nothing but punctuation does, within one paragraph. Otherwise a cue in another paragraph is
    no cue (the piece stands alone). On PolNeAR dev: content exact F1 0.535 -> 0.576, attribution F1
    0.685 -> 0.699.
    """
    if i and previous_cue >= 0:
        prev_end, start = int(contents[i - 1, 1]), int(contents[i, 0])
        gap = text[tok.offsets[prev_end][1]:tok.offsets[start][0]]
        cue_between = prev_end < cues[previous_cue, 0] and cues[previous_cue, 1] < start
        if "\n" not in gap and (cue_between or not gap.strip(QUOTE_GAP)):
            return previous_cue
    if cue < 0:
        return cue
    first, last = sorted((int(cues[cue, 0]), int(contents[i, 0])))
    return -1 if "\n" in text[tok.offsets[first][0]:tok.offsets[last][0]] else cue


_WORDY = re.compile(r"\w")


def build_attributions(
    text: str,
    tok: TokenizedArticle,
    spans: dict[str, np.ndarray],
    content_conf: np.ndarray,
    cue_links: LinkResult,
    source_links: LinkResult,
) -> list[Attribution]:
    """Group content pieces that share a cue into one attribution (a quote broken by 'he said')."""
    contents, cues, sources = spans["content"], spans["cue"], spans["source"]
    groups: dict[int, list[int]] = {}
    singles: list[tuple[int, list[int]]] = []
    sent = token_sentences(text, tok)
    cue_sent, source_sent = (sent[r[:, 0]] if len(r) else np.zeros(0, dtype=np.int64) for r in (cues, sources))
    piece_cues: list[int] = []
    for i in range(len(contents)):
        # The linker's cue when it shares a sentence with the content, else the nearest cue that does:
        # on PolNeAR dev this lifted attribution F1 from 0.539 to 0.657 (and content exact from 0.413
        # to 0.531, since far links had merged unrelated contents into one attribution).
        cue = same_sentence_span(sent, cues, contents[i], int(cue_links.choice[i]), cue_sent)
        if cue < 0 or int(cue_sent[cue]) not in (sent[contents[i, 0]], sent[contents[i, 1]]):
            cue = _cue_outside_sentence(text, tok, contents, cues, i, cue, piece_cues[i - 1] if i else -1)
        piece_cues.append(cue)
        if cue >= 0:
            groups.setdefault(cue, []).append(i)
        else:
            # Unlinked, but a cue touches it ("said: …", "…, he said"): its own attribution with that cue
            # (not merged into that cue's group, which cost content exact F1 on dev). Attribution F1 on
            # PolNeAR dev: 0.527 -> 0.539.
            singles.append((adjacent_span(text, tok, cues, contents[i], gap_chars=CUE_GAP), [i]))
    out = []
    for cue, members in [*groups.items(), *singles]:
        best = max(members, key=lambda i: source_links.prob[i] if source_links.choice[i] >= 0 else 0.0)
        src = int(source_links.choice[best])
        # Likewise the source, in the cue's sentence (the content's without a cue): 0.657 -> 0.683.
        src = same_sentence_span(sent, sources, cues[cue] if cue >= 0 else contents[members[0]], src, source_sent)
        if cue >= 0:
            # A source touching the cue is its subject or object ("Jalali said", "said Jalali"): on PolNeAR
            # dev, preferring it raised attribution F1 from 0.498 to 0.527 (and 0.668 to 0.683 on top of
            # the same-sentence rules).
            near = adjacent_span(text, tok, sources, cues[cue])
            if near >= 0:
                src = near
        content: Span = [char_span(tok, text, int(contents[i, 0]), int(contents[i, 1])) for i in members]
        # A piece with no word in it (a paragraph's opening quotation mark) is no content; an attribution
        # left with none is dropped (PolNeAR dev: 12 of 2,181 predicted, attribution F1 +0.2 points).
        content = drop_complementiser(text, sorted(s for s in content if s[1] > s[0] and _WORDY.search(text, *s)))
        if not content:
            continue
        cue_span = speech_verb_only(text, [char_span(tok, text, int(cues[cue, 0]), int(cues[cue, 1]))]) if cue >= 0 else []
        src_span = trim_source(text, [char_span(tok, text, int(sources[src, 0]), int(sources[src, 1]))]) if src >= 0 else []
        # A cue or source tagged on a line the rules read as blank (web-page furniture) is none.
        cue_span, src_span = ([(s, e) for s, e in span if text[s:e].strip()] for span in (cue_span, src_span))
        parts = [float(np.mean(content_conf[members])), float(np.mean(cue_links.prob[members])),
                 float(source_links.prob[best])]
        out.append(Attribution(
            content=content, cue=cue_span, source=src_span, kind=kind_of(text, content),
            confidence=float(np.prod(parts) ** (1 / len(parts))), labelled=frozenset(),
        ))
    out.sort(key=lambda a: a.content[0])
    return out


def without_speakers_as_content(atts: list[Attribution]) -> list[Attribution]:
    """The attributions less those whose whole content lies inside another's source: the speaker's own name read as
    what was said ("RIA Novosti quoted [Yelena] Voronova, a spokeswoman …, as saying …"). None on PolNeAR dev or the
    189 labelled train articles; one among the 105 probe texts."""
    def inside(a: Attribution, b: Attribution) -> bool:
        return a is not b and bool(b.source) and all(b.source[0][0] <= s and e <= b.source[-1][1] for s, e in a.content)

    return [a for a in atts if not any(inside(a, b) for b in atts)]


def without_fragments(text: str, atts: list[Attribution], max_words: int = 2) -> list[Attribution]:
    """The attributions less those that are only a word or two of content, with no cue and no source (a
    headline's "Pakistan"): nothing says anyone said them. On PolNeAR dev all such were false."""
    return [a for a in atts if a.cue or a.source or sum(len(text[s:e].split()) for s, e in a.content) > max_words]
