"""Transcripts: each speaker's turn ("WALLACE: Let's start …", "PENCE: Well, look, …") is one attribution.

News sites paste interview transcripts under a line like "Partial transcript as follows:". The
team's labels, like PolNeAR's annotators, take each turn whole: the label is the source, its
colon the cue, and the turn's words the content (one piece per paragraph when a turn runs on
in paragraphs that open with the transcript's quotation mark), with no attribution nested
inside a turn. The tagger, trained on prose, breaks turns into fragments, takes the opening
quotation marks for contents and reads reported speech inside a turn as the turn's own.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .schema import Attribution, Span
from .speaker_ranking import is_place
from .text import kind_of

# A paragraph opening with a speaker's name in capitals and a colon, after an optional quotation mark.
TURN_RE = re.compile(r"(?m)^[ \t]*([\"“]?)([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)")
# Capitalised labels that open paragraphs without being anyone's turn.
NOT_SPEAKERS = frozenset({"UPDATE", "UPDATED", "BREAKING", "VIDEO", "WATCH", "EXCLUSIVE", "CORRECTION",
                          "CLARIFICATION", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "READ", "RELATED", "PHOTOS",
                          "SOURCE", "SOURCES", "PHOTO", "LISTEN", "WARNING", "ALERT", "MORE", "ALSO", "FACT CHECK"})
MIN_TURNS = 3  # fewer labelled paragraphs are no transcript ("BREAKING: …")
NO_EVIDENCE_CONFIDENCE = 0.5  # a turn's raw confidence when the tagger predicted nothing in the article


def transcript_turns(text: str) -> list[tuple[Span, Span, Span]]:
    """(source, cue, content) of every turn of the article's transcripts; [] when it has none."""
    return [(list(source), list(cue), list(content)) for source, cue, content in _turns(text)]


@lru_cache(maxsize=16)
def _turns(text: str) -> tuple[tuple[Span, Span, Span], ...]:
    """`transcript_turns`, cached: decoding asks, then speaker naming asks again of the same article."""
    # A place is a dateline ("ISLAMABAD: The government said …"), not a speaker.
    found = [m for m in TURN_RE.finditer(text) if m.group(2) not in NOT_SPEAKERS and not is_place(m.group(2).title())]
    if len(found) < MIN_TURNS or len({m.group(2) for m in found}) < 2:
        return []
    starts = {m.start() for m in found}
    turns = []
    for m in found:
        pieces = [_paragraph(text, m.end())]
        quote = m.group(1)
        # The turn runs on while the next paragraph opens with the transcript's quotation mark and is
        # no one else's turn nor a stage direction ("(CROSSTALK.)").
        nxt = _next_paragraph(text, pieces[-1][1])
        while quote and nxt is not None and nxt not in starts and text.startswith(quote, _skip_blank(text, nxt)):
            at = _skip_blank(text, nxt) + len(quote)
            if text.startswith("(", at):
                break
            pieces.append(_paragraph(text, at))
            nxt = _next_paragraph(text, pieces[-1][1])
        pieces = [p for p in pieces if p[1] > p[0]]
        if pieces:
            colon = m.end(2)
            turns.append(([(m.start(2), m.end(2))], [(colon, colon + 1)], pieces))
    return tuple(turns)


def _skip_blank(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _paragraph(text: str, start: int) -> tuple[int, int]:
    """From `start` to the end of its line, without trailing blanks or quotation marks."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1] in " \t\r\"“”":
        end -= 1
    return start, end


def _next_paragraph(text: str, end: int) -> Optional[int]:
    """Where the paragraph after the one ending at `end` starts (past blank lines); None at the end."""
    at = text.find("\n", end)
    if at < 0:
        return None
    while at < len(text) and text[at] in "\n\r \t":
        at += 1
    return at if at < len(text) else None


def with_transcript_turns(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Each transcript turn as one attribution, in place of the predicted ones whose content falls in it
    (their confidence carried over, averaged; the article's average where none did, or an even chance
    for an article with no other prediction); attributions elsewhere unchanged."""
    turns = transcript_turns(text)
    if not turns:
        return attributions
    kept, added = [], []
    # A turn reaches from its label to its last word, the quotation marks opening its paragraphs included.
    extents = [[(source[0][0], pieces[-1][1])] for source, _, pieces in turns]
    replaced: dict[int, list[float]] = {}
    for att in attributions:
        hit = next((k for k, extent in enumerate(extents) if _overlaps(att.content, extent)), None)
        if hit is None:
            kept.append(att)
        elif att.confidence is not None:
            replaced.setdefault(hit, []).append(att.confidence)
    known = [a.confidence for a in attributions if a.confidence is not None]
    fallback = sum(known) / len(known) if known else NO_EVIDENCE_CONFIDENCE
    for k, (source, cue, pieces) in enumerate(turns):
        scores = replaced.get(k)
        added.append(Attribution(content=pieces, cue=cue, source=source, kind=kind_of(text, pieces),
                                 confidence=sum(scores) / len(scores) if scores else fallback, labelled=frozenset()))
    return sorted(kept + added, key=lambda a: a.content[0])


def _overlaps(content: Span, pieces: Span) -> bool:
    return any(s < pe and ps < e for s, e in content for ps, pe in pieces)
