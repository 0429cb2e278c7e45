"""Signed quotations: a quotation followed by a dash and its author's name (“…” ― Sonya Herridge).

Listicles of readers' reactions, pull quotes and campaign-diary pieces sign each quotation the way an
epigraph is signed, on the same line or the next paragraph ("\n\n- Sanders."). PolNeAR's annotators take
the dash as the cue and the name as the source. The tagger, reading prose, gives such a quotation the
name that signed the quotation before it (or a pronoun inside it), since a signature stands after its
quote where prose puts sources before.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .outlets import is_known_outlet
from .schema import Attribution

_CLOSING_QUOTES = "”\"’'»"
_SPACE = r"[ \t\xa0]"
# One dash (a double hyphen signs a reporter's contribution: "…Spain."--Kim Hjelmgaard.), then a name of up
# to five capitalised words, initials or particles.
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*|de|del|da|di|du|van|von|bin|al|la|le)"
_SIGNATURE = re.compile(
    rf"{_SPACE}*(\n\s*)?([―—–]|-(?!-)){_SPACE}*([A-Z][\w'’-]*(?:{_SPACE}{_NAME_WORD}){{0,4}}?)"
    # The name ends the line or its sentence, or the next quotation opens ("― Karen Bobadilla.", "― Jorge
    # Falcon “Maybe …”"); a signature on its own line may go on after a comma ("-President Obama, tweeting
    # after …"), where prose after a dash would not ("… “a disgrace” — Republicans, however, …").
    rf"(?={_SPACE}*(\n|$|[“\"]|\.(?:\s|$)|,))")


def signature_after(text: str, end: int) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """(dash, name) spans signing a quotation that closes at or just before `end`; None when unsigned."""
    while end > 0 and text[end - 1] in " \t\xa0.,―—–":  # the content took the punctuation or dash after its quotation
        end -= 1
    at = end
    while at < len(text) and text[at] in ".,!?":  # or stopped short of the quotation's own
        at += 1
    if at < len(text) and text[at] in _CLOSING_QUOTES:
        end = at + 1
    if end == 0 or text[end - 1] not in _CLOSING_QUOTES:
        return None
    m = _SIGNATURE.match(text, end)
    if m is None or (m.group(4) == "," and m.group(1) is None) or is_known_outlet(m.group(3)):
        return None
    return (m.start(2), m.end(2)), (m.start(3), m.end(3))


def with_signed_sources(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose quoted content is signed takes the signature's dash as cue and name as source."""
    out = []
    for att in atts:
        signed = signature_after(text, att.content[-1][1]) if att.content else None
        if signed is not None:
            dash, name = signed
            att = replace(att, cue=[dash], source=[name])
        out.append(att)
    return out
