"""A dateline ("ISTANBUL (Reuters) -", "WASHINGTON —") is where the story was filed, not what anyone said.

The tagger sometimes opens a lead's content with the dateline's city, as a piece of its own
("ISTANBUL" … "the grain deal as 'a turning point'"); that piece is dropped.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .schema import Attribution

# At a line's start: a city in capitals (with a state or country), an optional credit, then a dash.
DATELINE = re.compile(r"(?m)^(?P<city>[A-Z][A-Z .,'’-]*[A-Z.])(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s")


def without_datelines(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution with any content piece that lies within a dateline removed (kept whole if that is all)."""
    cities = [m.span("city") for m in DATELINE.finditer(text)]
    if not cities:
        return atts
    out = []
    for att in atts:
        kept = [(s, e) for s, e in att.content if not any(cs <= s and e <= ce for cs, ce in cities)]
        out.append(replace(att, content=kept) if kept and len(kept) < len(att.content) else att)
    return out
