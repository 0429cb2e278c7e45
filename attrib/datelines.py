"""A dateline ("ISTANBUL (Reuters) -", "WASHINGTON —") is where the story was filed, not what anyone said.

The tagger sometimes opens a lead's content with the dateline's city, as a piece of its own
("ISTANBUL" … "the grain deal as 'a turning point'"), or with the whole dateline; that piece is
dropped, or starts after the dateline. A kicker, a longer line-opening phrase in capitals before a
dash ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “…”"), is
treated alike, unless the attribution's cue stands in it ("OZ'S BOSS THINKS HE'S FULL OF …").
"""
from __future__ import annotations

import re
from dataclasses import replace

from .schema import Attribution

# At a line's start: a city in capitals, its state or country ("SEOUL, South Korea"), an optional date
# ("MOSCOW, March 4 (Reuters) -", the wires' form), an optional credit ("(AP)"), then a dash.
# At most three words ("RIO DE JANEIRO", "CAIRO/JERUSALEM"): a longer line in capitals before a dash is a kicker.
_UPPER = "A-ZÀ-ÖØ-Þ"  # "BOGOTÁ", "SÃO PAULO"
# A joining word in capitals goes with the word after it ("SAN SEBASTIAN DEL RIO", "PORT OF SPAIN").
_CITY = (rf"[{_UPPER}][{_UPPER}.'’/-]*(?: (?:(?:DE|DEL|DA|DO|DOS|LA|LAS|LOS|EL|AL|OF) )?[{_UPPER}][{_UPPER}.'’/-]*|"
         rf" (?:de|da|del|el|al)){{0,2}}(?<=[{_UPPER}.])"
         r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|jan|feb|fev|fév|mar|abr|apr|avr|may|mai|jun|jui|jul|ago|aug|sep|set|oct|out|nov|dic|dec|déc|dez)[a-zé]*\.?"
# "March 4", "March 4, 2024", or day first as Spanish, French and Portuguese wires write it ("3 jun").
_DATE = rf"(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)?"
_CREDIT = r"\s*\([^)\n]{1,40}\)"
DATELINE = re.compile(rf"(?m)^(?P<city>{_CITY}{_DATE})(?P<credit>{_CREDIT})?\s*[-–—]+\s")
KICKER = re.compile(r"(?m)^(?P<city>[A-Z][A-Z0-9 ,.'’/&:-]*[A-Z0-9.'’])\s+[-–—]+\s")
# A dateline and its credit taken alone for a name ("WASHINGTON (Reuters)", "SEOUL, South Korea (AP)").
CREDITED_DATELINE = re.compile(rf"{_CITY}{_DATE}{_CREDIT}")


def credited_dateline(text: str) -> bool:
    """Whether the story opens a line with a dateline that credits a wire ("BEIJING (Reuters) -"): the wire's own story."""
    return any(m.group("credit") for m in DATELINE.finditer(text))


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where each dateline stands, credit included ("SEOUL, South Korea (AP)")."""
    return [(m.start("city"), m.end("credit") if m.group("credit") else m.end("city")) for m in DATELINE.finditer(text)]


def without_datelines(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution with any content piece that lies within a dateline or a kicker removed (kept whole if
    that is all), and a piece that opens with one ("SEOUL, Nov 3 (Yonhap) -- North Korea fired …"), or with
    its dash alone ("- Zambia will cut"), started after its dash; a kicker that holds the attribution's cue is
    left alone."""
    lines = [(m.start("city"), m.end("credit") if m.groupdict().get("credit") else m.end("city"), m.end())
             for pattern in (DATELINE, KICKER) for m in pattern.finditer(text)]
    if not lines:
        return atts
    out = []
    for att in atts:
        own = [line for line in lines if not any(line[0] <= s < line[2] for s, _ in att.cue)]
        kept = []
        for s, e in att.content:
            line = next(((cs, ce, after) for cs, ce, after in own if cs <= s < after), None)
            if line is None:
                kept.append((s, e))
            elif line[2] < e:
                kept.append((line[2], e))
        out.append(replace(att, content=kept) if kept and kept != att.content else att)
    return out
