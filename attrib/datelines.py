"""A dateline ("ISTANBUL (Reuters) -", "WASHINGTON —") is where the story was filed, not what anyone said.

The tagger sometimes opens a lead's content with the dateline's city, as a piece of its own
("ISTANBUL" … "the grain deal as 'a turning point'"); that piece is dropped.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .schema import Attribution

# At a line's start: a city in capitals, its state or country ("SEOUL, South Korea"), an optional date
# ("MOSCOW, March 4 (Reuters) -", the wires' form), an optional credit ("(AP)"), then a dash.
_CITY = r"[A-Z][A-Z .'’-]*[A-Z.](?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
_DATE = (r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?")
_CREDIT = r"\s*\([^)\n]{1,40}\)"
DATELINE = re.compile(rf"(?m)^(?P<city>{_CITY}{_DATE})(?P<credit>{_CREDIT})?\s*[-–—]+\s")
# A dateline and its credit taken alone for a name ("WASHINGTON (Reuters)", "SEOUL, South Korea (AP)").
CREDITED_DATELINE = re.compile(rf"{_CITY}{_DATE}{_CREDIT}")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where each dateline stands, credit included ("SEOUL, South Korea (AP)")."""
    return [(m.start("city"), m.end("credit") if m.group("credit") else m.end("city")) for m in DATELINE.finditer(text)]


def without_datelines(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution with any content piece that lies within a dateline removed (kept whole if that is all)."""
    cities = dateline_spans(text)
    if not cities:
        return atts
    out = []
    for att in atts:
        kept = [(s, e) for s, e in att.content if not any(cs <= s and e <= ce for cs, ce in cities)]
        out.append(replace(att, content=kept) if kept and len(kept) < len(att.content) else att)
    return out
