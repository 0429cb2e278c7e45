"""Statements an outlet relays: the source is the one quoted, not the outlet that carried the words.

Wire and agency copy frames statements through an outlet: "Interfax cited the minister, Daulet
Sarsenbayev, as saying that …", "… the Kremlin said, according to Tass", "Araghchi said, according to
Tasnim, that …", "Aydoğdu said …, Anadolu
reported", "Russia said: "…," as quoted by Tass". The tagger, trained mostly on US news, links
such content to the outer cue, whose source is the outlet. These rules move the source (and
cue) to the inner speaker; the outlet stays in the sentence, where outlet detection finds it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .schema import Attribution
from .text import first_char, sentence_bounds, sentence_of, trim_source

# A character of a speaker's phrase: no clause punctuation or quotation mark, but the dot of an initial or an
# abbreviation ("A spokesperson for the U.S. State Department", "John D. Podesta").
PHRASE_CHAR = r"(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.)"
# "… quoted|cited <speaker> as saying (that) <content>": the text from the source's end to the content.
AS_SAYING = r"as\s+(?:saying|telling\s+[^,.;:\n]{1,40}?)"
QUOTED_AS_SAYING = re.compile(rf"\s+(?P<cue>quoted|cited)\s+(?P<src>[^.;:\n]{{2,200}}?),?\s+(?P<as>{AS_SAYING})(?:\s+that)?\s*$")
# The same, with the speaker and "as saying" read into the content ("Kyodo News quoted [a senior official
# as saying that Tokyo would …]").
SAYING_INSIDE = re.compile(rf"(?P<src>[^.;:\n]{{2,200}}?),?\s+(?P<as>{AS_SAYING})(?:\s+that)?\s+")
# An outer cue that relays rather than speaks.
RELAY_CUE = re.compile(r"(?i)^(?:according\s+to|(?:as\s+)?(?:quoted|cited|reported)(?:\s+by)?|reports?|reported)$")
SPEECH_VERB = r"(?:said|says|added|stated|noted|told\s+[^,.;:\n]{1,40}?)"
# "<content>, the Kremlin said, according to Tass": the inner speaker right after the content.
SPEAKER_AFTER = re.compile(rf"[\s,”\"’']*,?\s+(?P<src>{PHRASE_CHAR}{{2,80}}?)\s+(?P<cue>{SPEECH_VERB})\s*,")
# "Aydoğdu said <content>, Anadolu reported", 'Russia, confirming the meeting, said: "<content>"': the
# sentence's subject and its speech verb right before the content.
# A time between the verb and the content ("said on Friday the government would …").
WHEN = r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:yesterday|today|earlier|later))?"
SPEAKER_BEFORE = re.compile(rf"(?P<src>[A-Z]{PHRASE_CHAR}{{0,80}}?)(?:,[^,.;:“”\"\n]{{1,80}},)?\s+(?P<cue>{SPEECH_VERB}){WHEN}"
                            rf"(?:\s+that)?\s*[:,]?\s*[“\"]?$")


def _words_of(text: str, span: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in span).strip()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return start, end


def _quoted_as_saying(text: str, att: Attribution) -> Optional[Attribution]:
    src_end, content_start = att.source[-1][1], att.content[0][0]
    if not 0 < content_start - src_end <= 260:
        return None
    m = QUOTED_AS_SAYING.match(text, src_end, content_start)
    if m is not None:
        return replace(att, source=[_strip(text, *m.span("src"))], cue=[m.span("cue"), m.span("as")])
    # "Interfax quoted [X as saying …]", "The reformist Etemad daily struck a different tone, quoting [X as
    # saying …]".
    cue = re.fullmatch(r"(?:[^.;:“”\"\n]{0,60}?,)?\s+(quoted|cited|quoting|citing)\s+", text[src_end:content_start])
    inside = SAYING_INSIDE.match(text, content_start, att.content[-1][1]) if cue else None
    if inside is None:
        return None
    rest = [(max(s, inside.end()), e) for s, e in att.content if e > inside.end()]
    return replace(att, source=[_strip(text, *inside.span("src"))], content=rest,
                   cue=[(src_end + cue.start(1), src_end + cue.end(1)), inside.span("as")]) if rest else None

# "<speaker> told [a briefing on Tuesday that <content>], according to Xinhua": the one told read into the content.
TOLD_BEFORE = re.compile(rf"(?P<src>[A-Z]{PHRASE_CHAR}{{0,80}}?)(?:,[^,.;:“”\"\n]{{1,80}},)?\s+(?P<cue>told)\s+$")
LISTENER_THAT = re.compile(r"(?P<listener>[^,.;:“”\"\n]{1,60}?)\s+that\s+")


def _relayed(text: str, att: Attribution, sentence: tuple[int, int]) -> Optional[Attribution]:
    cue = _words_of(text, att.cue)
    content_start, content_end = att.content[0][0], att.content[-1][1]
    if not RELAY_CUE.match(cue) or att.cue[0][0] < content_end:
        return None
    after = SPEAKER_AFTER.match(text, content_end, att.cue[0][0])
    if after:
        return replace(att, source=[_strip(text, *after.span("src"))], cue=[after.span("cue")])
    subject_start = first_char(text, sentence[0], content_start)
    before = SPEAKER_BEFORE.fullmatch(text, subject_start, content_start)
    if before:
        return replace(att, source=[_strip(text, *before.span("src"))], cue=[before.span("cue")])
    told = TOLD_BEFORE.fullmatch(text, subject_start, content_start)
    listener = LISTENER_THAT.match(text, content_start, att.content[0][1]) if told else None
    if listener:
        return replace(att, source=[_strip(text, *told.span("src"))],
                       cue=[(told.start("cue"), listener.end("listener"))],
                       content=[(listener.end(), att.content[0][1]), *att.content[1:]])
    return None


# "<speaker> warned on Sunday of <content>, Al-Ahram reported" read as one content under the outer cue: the
# speaker and the verb opening the content.
# A name and its titles only ("Egyptian Foreign Minister Badr Abdelatty"), so "Trump so far has won 758 pledged
# delegates" opens with no speaker.
LEAD_VERB = r"(?:said|says|added|stated|noted|warned|urged|insisted|stressed|announced|declared|vowed|claimed)"
SPEAKER_OPENS = re.compile(rf"(?P<src>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,6}})\s+(?P<cue>{LEAD_VERB}){WHEN}"
                           r"(?:\s+(?:that|of))?\s+")


def _speaker_opens_content(text: str, att: Attribution) -> Optional[Attribution]:
    if not RELAY_CUE.match(_words_of(text, att.cue)) or att.cue[0][0] < att.content[-1][1]:
        return None
    start, end = att.content[0]
    m = SPEAKER_OPENS.match(text, start, end)
    if m is None or m.end() >= end:
        return None
    return replace(att, source=[_strip(text, *m.span("src"))], cue=[m.span("cue")],
                   content=[(m.end(), end), *att.content[1:]])


# '"<quote>," Kremlin spokesman Dmitry Peskov told journalists during a regular briefing, according to the Interfax
# news agency' read as one content of two pieces under the outer cue: the last piece is the speaker and the verb.
SPEAKER_CLOSES = re.compile(rf"(?P<src>[A-Z]{PHRASE_CHAR}{{0,80}}?)\s+(?P<cue>said|says|added|stated|noted|told|tells|wrote)\b"
                            r"[^,.;:“”\"\n]{0,60}")


def _speaker_closes_content(text: str, att: Attribution) -> Optional[Attribution]:
    if not RELAY_CUE.match(_words_of(text, att.cue)) or att.cue[0][0] < att.content[-1][1]:
        return None
    start, end = _strip(text, *att.content[-1])
    m = SPEAKER_CLOSES.fullmatch(text, start, end)
    if m is not None and len(att.content) > 1:
        return replace(att, source=[_strip(text, *m.span("src"))], cue=[m.span("cue")], content=att.content[:-1])
    # One piece, the quotation and then its speaker ('"No one can stop the trend," Xi said in the televised speech').
    quote = re.match(r"[“\"][^“”\"]+[,.!?]?[”\"]\s*", text[start:end])
    m = SPEAKER_CLOSES.fullmatch(text, start + quote.end(), end) if quote else None
    if m is None:
        return None
    return replace(att, source=[_strip(text, *m.span("src"))], cue=[m.span("cue")],
                   content=[*att.content[:-1], (start, start + len(quote.group(0).rstrip()))])


# "<content>, the Kremlin said, according to Tass" read as content "<content>, the Kremlin" (or a quotation and
# then the name, '"…," Kanaani said, according to IRNA'): the name
# that closes the content, right before its speech verb, when the source stands after the verb.
SWALLOWED_SPEAKER = re.compile(r"(?:,|(?P<quote>[,.!?]?[”\"]))\s+(?P<src>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*$")


def _speaker_swallowed(text: str, att: Attribution) -> Optional[Attribution]:
    if not att.cue or att.source[0][0] < att.cue[-1][1] or not re.fullmatch(SPEECH_VERB, _words_of(text, att.cue)):
        return None
    start, end = att.content[-1]
    if text[end:att.cue[0][0]].strip():
        return None
    m = SWALLOWED_SPEAKER.search(text, start, end)
    if m is None or m.start() == start:
        return None
    # A quotation keeps its closing mark ('"The agency must remain technical," Kanaani said, according to IRNA').
    closed = (start, m.end("quote")) if m.group("quote") else _strip(text, start, m.start())
    return replace(att, content=[*att.content[:-1], closed], source=[m.span("src")])


# "<speaker> on Monday described <content>, the official IRNA news agency reported." read with the outlet
# as the source of the inner cue: the outlet closes the sentence with its relay verb, the speaker opens it.
OUTLET_CLOSES = re.compile(r"[\s,]*(?:reported|reports|said|says)\s*[.!]?\s*$")
SUBJECT_BEFORE_CUE = re.compile(rf"(?P<src>[A-Z]{PHRASE_CHAR}{{0,80}}?)(?:,[^,.;:“”\"\n]{{1,80}},)?{WHEN}\s*$")


def _outlet_closes(text: str, att: Attribution, sentence: tuple[int, int]) -> Optional[Attribution]:
    if not att.cue or att.cue[-1][1] > att.content[0][0] or att.source[0][0] < att.content[-1][1]:
        return None
    if not OUTLET_CLOSES.fullmatch(text, att.source[-1][1], sentence[1]):
        return None
    m = SUBJECT_BEFORE_CUE.fullmatch(text, first_char(text, sentence[0], att.cue[0][0]), att.cue[0][0])
    return replace(att, source=[_strip(text, *m.span("src"))]) if m else None


# "Ukraine's military intelligence agency, known as the GUR, said in a statement … that <content>" read with no
# source and the subject as a first content piece: a piece that opens the sentence and ends right before an
# active speech verb, with more content after the verb, is the source.
def _subject_as_content(text: str, att: Attribution, sentence: tuple[int, int]) -> Optional[Attribution]:
    if att.source or not att.cue or len(att.content) < 2:
        return None
    (start, end), cue_start = att.content[0], att.cue[0][0]
    if (start != first_char(text, *sentence) or text[end:cue_start].strip(" ,") or att.content[1][0] < att.cue[-1][1]
            or not re.fullmatch(rf"{LEAD_VERB}|told", _words_of(text, att.cue))):
        return None
    return replace(att, source=[_strip(text, start, end)], content=att.content[1:])


# "<speaker> said, according to <outlet>, that <content>" (or "told reporters, as quoted by <outlet>, …") read
# with the outlet as source of a relay cue before the content, and the speaker as content of the speech verb.
RELAY_BETWEEN = re.compile(rf"(?P<src>[A-Z]{PHRASE_CHAR}{{0,80}}?)(?:,[^,.;:“”\"\n]{{1,80}},)?"
                           rf"\s+(?P<cue>{SPEECH_VERB}){WHEN}\s*,\s*"
                           r"(?P<relay>according\s+to|as\s+(?:quoted|cited|reported)\s+by)\s+[^,.;:“”\"\n]{1,80}?,"
                           r"(?:\s*that\b)?\s*")


def _relay_between(text: str, att: Attribution, sentence: tuple[int, int]) -> Optional[Attribution]:
    """The tagger's cue is the relay ("according to", the outlet its source) or the speech verb (the outlet still its
    source, the speaker read into the content)."""
    if not att.cue:
        return None
    m = RELAY_BETWEEN.match(text, first_char(text, *sentence), sentence[1])
    if m is None or not m.start("cue") <= att.cue[0][0] < m.end() or att.content[-1][1] <= m.end():
        return None
    rest = [(max(s, m.end()), e) for s, e in att.content if e > m.end()]
    return replace(att, source=trim_source(text, [_strip(text, *m.span("src"))]), cue=[m.span("cue")], content=rest)


# "<speaker> was quoted by <outlet> as saying (that) <content>", the tagger's content often holding the
# speaker and "as saying" too.
PASSIVE_QUOTED = re.compile(r"(?P<src>[^.;:\n]{2,120}?)\s+(?P<cue>(?:was|were|has\s+been|had\s+been)\s+(?:quoted|cited))"
                            rf"(?:\s+(?:by|in)\s+[^.;:\n]{{1,80}}?\s+(?P<as>{AS_SAYING})(?:\s+that)?\s+|"
                            rf"\s+(?P<as2>{AS_SAYING})\s+(?:by|in)\s+[^.;:\n]{{1,80}}?\s+that\s+)")


def _passive_quoted(text: str, att: Attribution, sentence: tuple[int, int]) -> Optional[Attribution]:
    m = PASSIVE_QUOTED.match(text, first_char(text, *sentence), sentence[1])
    if m is None or att.content[-1][1] <= m.end():
        return None
    rest = [(max(s, m.end()), e) for s, e in att.content if e > m.end()]
    as_saying = m.span("as") if m.group("as") else m.span("as2")  # "quoted by X as saying" or "quoted as saying by X"
    return replace(att, source=[_strip(text, *m.span("src"))], cue=[m.span("cue"), as_saying], content=rest)


def inner_speakers(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose source only relays the statement, re-sourced to the speaker it quotes (and one
    with no source whose subject was read as content, given that subject)."""
    if not atts:
        return atts
    bounds = sentence_bounds(text)
    out, resourced = [], []
    for att in atts:
        new = None
        if att.source and att.content:
            sentence = bounds[sentence_of(bounds, att.content[0][0])]
            new = (_quoted_as_saying(text, att) or _speaker_swallowed(text, att) or _passive_quoted(text, att, sentence)
                   or _relay_between(text, att, sentence)
                   or _outlet_closes(text, att, sentence)
                   or (_relayed(text, att, sentence) or _speaker_opens_content(text, att) or _speaker_closes_content(text, att)
                       if att.cue else None))
        elif att.content:
            new = _subject_as_content(text, att, bounds[sentence_of(bounds, att.content[0][0])])
        out.append(new or att)
        if new is not None:
            resourced.append(new)
    # The tagger's other reading of the same words: 'Russia, confirming the meeting, said: "…"' also gave
    # content "Russia, confirming the meeting" to "said", and "Alexander Novak was cited by Interfax as saying"
    # content "Alexander Novak" to "was cited by". A content holding the speaker a relayed attribution now
    # names, under that attribution's own cue, or lying within that speaker's mention, is that misreading.
    def misread(a: Attribution, r: Attribution) -> bool:
        src_start, src_end = r.source[0][0], r.source[-1][1]
        return (a.cue == r.cue and any(s <= src_start and src_end <= e for s, e in a.content)) or all(
            src_start <= s and e <= src_end for s, e in a.content)

    return [a for a in out if not any(r is not a and misread(a, r) for r in resourced)]
