"""Web-page furniture: the lines a news site prints around a story that nobody says and that name nobody
in it ("Read more: Kwacha slides to record low", "PHOTO: Motorists queue in Lusaka", "Follow Pam Key on
Twitter @pamkeyNEN").

Read as prose, such a line opens a sentence between a name and its pronoun ("It said …" after a
related-story headline about Zambia), offers its words as speakers ("PHOTO") and gets tagged as a
statement. The pipeline
reads the text with these lines blanked out, one space for each character, so every offset still
points into the article as given and the record keeps the text unchanged. Correction and
clarification notices are not furniture: they restate what someone said ("to reflect that Fowler is
calling for a process"), and PolNeAR's annotators marked those statements.
"""
from __future__ import annotations

import re
from typing import Optional

from .text import LINE_RE, plain_spaces

_LINK = r"(?:read|see|also read|read also|read more|more|related|recommended|watch|listen|related stories|related articles)"
_CREDIT = r"(?:getty|getty images|ap photo|ap|reuters|afp|epa|shutterstock|pool|file)(?:[^\S\n]*/[^\S\n]*[\w.'’ -]{1,40})?"
_PICTURE = r"(?:photo|photos|photograph|file photo|picture|image|caption|video|gallery)"
FURNITURE = re.compile(
    rf"(?im)^[^\S\n]*(?:"
    rf"{_LINK}[^\S\n]*[:|>»][^\n]*"  # "Read more: …", "RELATED | …", "ALSO READ > …"
    rf"|{_PICTURE}[^\S\n]*(?:[:|]|\s(?:by|courtesy|credit)\b)[^\n]*"  # "PHOTO: …", "Image | …", "Photo by …"
    rf"|follow [^\n]{{1,60}}\b(?:on|at) (?:twitter|facebook|instagram|x|threads|bluesky|tiktok)\b[^\n]*"
    rf"|follow @\w+[^\n]*"
    rf"|(?:sign up|subscribe|click here|tap here|download our app)\b[^\n]{{0,150}}"
    rf"|\(?{_CREDIT}\)?\.?"  # a picture's credit on its own line: "Getty/Instagram.", "(AP Photo/Evan Vucci)"
    rf"|[^\n]{{1,300}}\((?=[^()\n]*(?:photo|pic|picture|getty|/))[^()\n]{{1,60}}\)\.?"  # a caption ending in its credit
    rf"|\((?=[^()\n]*(?:photo|picture))[^()\n]{{1,60}}\)[^\n]{{1,300}}"  # or opening with it: "(AP Wirephoto) FROZEN VIGIL—"
    rf"|[^\n]{{1,300}}\bfile photo\.?"
    rf")[^\S\n]*$")
# A caption's closing credit: "… at Granholmen jetty. Photo: Sigrid Ekvall/TT", "— Picture by Syazwan Rosli",
# "ST PHOTO: LIM JIA HUI", "Image Credit: Supplied".
_CLOSING_CREDIT = re.compile(r"(?i)\b(?:photo|photograph|picture|pic|image)(?:\s+credit)?(?:\s+by\b|\s*:)\s*(?P<who>[^\n:]{1,60}?)[\s.]*$")
# Particles inside a name, which a credit or a byline may hold in lower case ("Photo: Ana da Silva").
_PARTICLES = frozenset("de da do dos van von der al el bin".split())
_CREDIT_WORDS = frozenset({"by", "via", "and", "of", "for", "the"}) | _PARTICLES


def _caption(line: str) -> bool:
    """Whether a line is a picture's caption closed by its credit, who being names, initials and agencies only."""
    m = _CLOSING_CREDIT.search(line) if len(line) <= 300 else None
    if not m:
        return False
    words = re.findall(r"[^\W\d_][\w.'’-]*", m.group("who"))
    return 0 < len(words) <= 8 and all(w[0].isupper() or w.casefold() in _CREDIT_WORDS for w in words)


# A byline under the headline: "By Ana Pereira", "Elin Bergvall/TT", "Staff Correspondent, Chattogram",
# "Imran Ali Soomro | Published November 14, 2024", "Julie Vandenbroeck (with Belga)", "Sok Chanthy".
_BYLINE_WORDS = _PARTICLES | frozenset(
    "by and with reporter reporters writer writers correspondent correspondents staff editor editors bureau published "
    "updated posted publication date last at on in pm am a.m. p.m. das del den bint ibn le la y e".split())
_BYLINE_ROLE = re.compile(r"(?i)^by\s|\b(?:reporter|writer|correspondent|staff|editor|bureau|published|updated|posted|publication)\b")
_SEPARATOR = re.compile(r"\s*(?:[|/,(]|\s[-–—]\s)\s*")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_LEAD_WORDS = 10  # the first line this long is the story's first paragraph: the byline stands above it


def _byline(line: str, rest: str) -> bool:
    """Whether a short line under the headline is a byline: no word but names, dates and byline words, and its
    first part either says it is one ("By", "Staff Writer") or is a name the story never mentions (a deck
    in title case, "Clinton, Trump Clash Over Taxes", names the story's people)."""
    line = line.strip()
    if not line or line[-1] in ".!?:;\"”’'»" or len(line.split()) > 12:
        return False
    if any(w[0].islower() and w.casefold() not in _BYLINE_WORDS for w in _WORD.findall(line)):
        return False
    first = _SEPARATOR.split(line, maxsplit=1)[0]
    if _BYLINE_ROLE.search(first):
        return True
    names = _WORD.findall(first)
    # A name in capitals before its city ("LUCÍA MONTALVO ESCRIBANO Madrid"): the name's words say it, the city's not.
    capitals = [w for w in names if w.isupper() and len(w) > 1]
    names = capitals if len(capitals) >= 2 else names
    return bool(names) and not any(re.search(rf"(?i)\b{re.escape(w)}\b", rest) for w in names)


def _caption_lines(text: str, lines: list[tuple[int, int]]) -> set[tuple[int, int]]:
    return {(s, e) for s, e in lines if _caption(text[s:e])}


def byline_spans(text: str, captions: Optional[set[tuple[int, int]]] = None) -> list[tuple[int, int]]:
    """The byline lines between the headline (the first line) and the story's first paragraph; `captions`: the
    text's caption lines, when the caller has found them (`furniture_spans`)."""
    lines = [(m.start(), m.end()) for m in LINE_RE.finditer(text)]
    uncredited: Optional[list[tuple[int, int]]] = None  # read only once a short line under the headline needs it
    spans = []
    for start, end in lines[1:]:
        line = text[start:end].rstrip()
        # A deck under the headline runs long too, but closes no sentence ("The union is threatening a strike, the
        # municipality demands talks with the state"): the story's first paragraph does.
        if len(line.split()) >= _LEAD_WORDS and (line[-1:] in ".!?\"”’'»" or len(line.split()) > 40):
            break
        if uncredited is None:
            # The byline's name may come back in a picture's credit ("Post Photo: Anil Ghising"): not the story's name.
            captions = _caption_lines(text, lines) if captions is None else captions
            uncredited = [(s, e) for s, e in lines if (s, e) not in captions and not FURNITURE.fullmatch(text, s, e)]
        rest = text[:lines[0][1]] + "\n".join(text[s:e] for s, e in uncredited if s >= end)
        if _byline(text[start:end], rest):
            spans.append((start + len(text[start:end]) - len(text[start:end].lstrip()), end))
    return spans


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Where each furniture line stands (start and end of its text, line break excluded)."""
    captions = _caption_lines(text, [(m.start(), m.end()) for m in LINE_RE.finditer(text)])
    spans = {(m.start(), m.end()) for m in FURNITURE.finditer(text)} | captions
    return sorted(spans | set(byline_spans(text, captions)))


def without_furniture(text: str) -> str:
    """The text with every furniture line blanked out, one space a character, so offsets hold."""
    spans = furniture_spans(text)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def reading_text(text: str) -> str:
    """The text as the pipeline's rules read it: furniture blanked out and web copy's no-break and thin
    spaces read as spaces, each one character for one, so offsets hold (the record keeps the text as given)."""
    return without_furniture(plain_spaces(text))
