"""A question put to a speaker is the asker's, not the answer's.

PolNeAR marks "Asked whether he would fire a speechwriter, Priebus said …" as a statement (the
question) with no source, or with the asker that "by" names ("Asked by Thrush if …"); the tagger,
seeing the answerer's name after it, links that. Outlets read the same test: the question is part
of the answerer's interview.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .schema import Attribution
from .text import first_char, sentence_bounds, sentence_of


# "Asked", and the asker "by" names, up to the question's first word.
_ASKED = re.compile(r"Asked\b(?:\s+by\s+(?P<asker>[^,;:\n]{1,60}?)(?=\s+(?:whether|if|about|to|what|how|why|when|"
                    r"where|who|which|for|on)\b))?")


def put_question(text: str, att: Attribution) -> Optional[re.Match]:
    """The "Asked [by …]" opening the sentence of `att`'s cue, when `att` is that question; else None."""
    if not att.cue:
        return None
    start = att.cue[0][0]
    m = _ASKED.match(text, start)
    if m is None:  # most cues: no sentence bounds needed
        return None
    bounds = sentence_bounds(text)
    return m if start == first_char(text, bounds[sentence_of(bounds, start)][0], start) else None


def asker_not_answerer(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution of the question in a sentence that opens "Asked …," whose source is the one who answers
    after the question: the source becomes the asker "by" names, else none (PolNeAR marks these with no source;
    the tagger, seeing a name, links it)."""
    out = []
    for att in atts:
        if att.source and att.content and att.content[-1][1] <= att.source[0][0] and (m := put_question(text, att)):
            att = replace(att, source=[m.span("asker")] if m.group("asker") else [], speaker=None)
        out.append(att)
    return out
