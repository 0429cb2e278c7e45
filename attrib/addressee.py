"""The one spoken to, or the channel written on, is no part of what was said.

The tagger, trained on US news where "told CNN that …" is common, still reads an unfamiliar
addressee or channel right after the cue into the content: "told [dpa … that the deal was
good]", "wrote on [X that Berlin would …]". A name standing between the cue and "that" is
cut from the content, so the content is what was said (as PolNeAR marks it, "that …") and
outlet detection, which ignores mentions inside content, finds the channel. An interview frame
closing the content ("… in an interview with Der Spiegel") is cut off for the same reason.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .outlets import is_known_outlet
from .schema import Attribution
from .text import first_char, sentence_bounds, sentence_of

# Between the cue and the name: a space, "on" or "to" ("wrote on X", "said to Reuters"), an article.
_GAP = re.compile(r"\s+(?:(?:on|to|in)\s+)?(?:the\s+)?")
# The name: a lower-case wire ("dpa"), reporters, or one to four capitalised words ("X", "Kyodo News", "Congress").
_NAME = re.compile(r"(?:dpa|reporters|journalists|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})")
_THAT = re.compile(r"\s*(?:…\s*)?that\b")
# A clause's subject in lower case: what follows the one told when it is no longer a name.
_CLAUSE_SUBJECT = re.compile(r"\s+(?:there|it|he|she|they|we|the|a|an|his|her|its|their|this|these|those|no|some|"
                             r"most|many|nobody|none)\s")
# Cues that take the one spoken to: "supporting Bush that raised …" is a relative clause, no addressee.
_TO_SOMEONE = re.compile(r"(?i)\b(?:tell|tells|told|telling|wr[io]te|writes|writing|written|said|says|saying|post(?:s|ed|ing)?|"
                         r"tweet(?:s|ed|ing)?|assur\w*|warn\w*|remind\w*|inform\w*|promis\w*|charg\w*|agree\w*|argu\w*|"
                         r"explain\w*|insist\w*|confirm\w*|admitt?\w*|vow\w*)\b")


# The sentence's subject before "told" ("A senior official at the ministry, speaking on condition of
# anonymity, told Kyodo that …"): the first phrase up to a comma, an aside between commas allowed.
_SUBJECT = re.compile(r"(?P<src>[A-Z][^,.;:“”\"\n]{0,80}?)(?:,[^,.;:“”\"\n]{1,80},)?\s+$")
_TOLD = re.compile(r"(?i)(?:also\s+|later\s+)?(?:told|tells|tell|telling)")


def _sentence_start(text: str, bounds: tuple[tuple[int, int], ...], pos: int) -> int:
    """Where the words of the sentence holding `pos` start (its leading spaces skipped)."""
    return first_char(text, bounds[sentence_of(bounds, pos)][0], pos)


def speaker_not_addressee(text: str, atts: list[Attribution]) -> list[Attribution]:
    """A source standing right after "told" is the one told ("… told Kyodo that the review could take months"):
    the source is the sentence's subject before the cue, where there is one."""
    bounds = sentence_bounds(text)
    out = []
    for att in atts:
        if att.cue and att.source and _TOLD.fullmatch(" ".join(text[s:e] for s, e in att.cue)):
            gap = _GAP.match(text, att.cue[-1][1])
            if gap and gap.end() == att.source[0][0]:
                subject = _SUBJECT.fullmatch(text, _sentence_start(text, bounds, att.cue[0][0]), att.cue[0][0])
                if subject:
                    start, end = subject.span("src")
                    att = replace(att, source=[(start, len(text[:end].rstrip()))], speaker=None)
        out.append(att)
    return out


def addressee_out_of_content(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose content holds the one spoken to right after the cue, that part cut off: a name
    opening the content before "that" ("told [dpa] that"), or, after "told", a piece of its own in lower case
    when the content has another ('"…," Abdelatty told [his Jordanian counterpart in a phone call]')."""
    out = []
    for att in atts:
        cue = " ".join(text[s:e] for s, e in att.cue)
        told = bool(_TOLD.search(cue))
        if not att.content or not (told or _TO_SOMEONE.search(cue)):
            out.append(att)
            continue
        gap = _GAP.match(text, max(e for _, e in att.cue))
        after_cue = gap.end() if gap else -1  # no space after the cue ('he told, "…"'): nothing stands right after it
        if told and len(att.content) > 1:
            # Lower case at its start ("his counterpart", "police officials", "parishioners"): a headline's "Tell
            # [He 'Won' …]" is what was said; capitalised names are `_NAME`'s, below.
            kept = [(s, e) for s, e in att.content
                    if s != after_cue or len(text[s:e].split()) > 8 or not text[s].islower()]
            if kept and len(kept) < len(att.content):
                att = replace(att, content=kept)
        start, end = att.content[0]
        # The content may hold the article the gap took ("told [the Nation that …]").
        if gap and text.startswith("the ", start) and after_cue == start + 4:
            start = after_cue
        name = _NAME.match(text, start, end) if after_cue == start and _TO_SOMEONE.search(cue) else None
        if name is not None:
            after = name.end()
            if after == end and len(att.content) > 1 and (_THAT.match(text, att.content[1][0]) or told):
                # ["dpa", "that the deal was good"]; after "told", a piece of its own without "that" too
                # ("told [reporters] [the launches were unacceptable]").
                att = replace(att, content=att.content[1:])
            elif after < end and (_THAT.match(text, after, end) or (told and text[after] == " " and (
                    is_known_outlet(text[name.start():after]) or _CLAUSE_SUBJECT.match(text, after, end)))):
                # "X that Berlin would …"; after "told", a known outlet without "that" too ("told Interfax the firm
                # was ready"), though not any name ("told CNN Trump was lying" is no outlet called "CNN Trump"), and
                # any name before a clause opening in lower case ("told La Tercera there were no votes").
                rest = after + len(text[after:end]) - len(text[after:end].lstrip())
                att = replace(att, content=[(rest, end), *att.content[1:]])
        out.append(att)
    return out


# An interview frame closing the content ('called the agreement "the deal of the decade" [in an interview with
# Der Spiegel]'): how the words reached the reader, not the words.
_TRAILING_INTERVIEW = re.compile(r",?\s+(?:in|during)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:interview|appearance)"
                                 r"\s+(?:with|on)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s*$")


def channel_out_of_content(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose content ends in an interview frame ("… in an interview with Sozcu TV"), that frame
    cut off, so outlet detection, which ignores mentions inside content, finds the channel."""
    out = []
    for att in atts:
        if att.content:
            start, end = att.content[-1]
            m = _TRAILING_INTERVIEW.search(text, start, end)
            if m is not None and text[start:m.start()].strip():
                att = replace(att, content=[*att.content[:-1], (start, m.start())])
        out.append(att)
    return out


# A channel frame opening the sentence ("Writing in the London-based Asharq Al-Awsat, columnist …", "In an interview
# with Dawn, …", "According to Agência Brasil, the executive secretary … said"), which the tagger may read into the source.
_OPENING_CHANNEL = re.compile(r"(?:(?:Writing|Speaking|Talking)\s+(?:in|to|on|with)|In\s+an?\s+(?:[\w-]+\s+)?interview\s+(?:with|on)|"
                              r"According\s+to)"
                              r"\s+[^,.;:\n]{1,80},\s*")


def channel_out_of_source(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose source holds the channel frame that opens its sentence ("[Writing in the Asharq
    Al-Awsat, columnist Abdulrahman al-Rashed] argued"), the source started after the frame."""
    bounds = sentence_bounds(text)
    out = []
    for att in atts:
        if att.source:
            m = _OPENING_CHANNEL.match(text, _sentence_start(text, bounds, att.source[0][0]))
            # (The frame is the channel only when the statement has a cue of its own after it: in "According to
            # Andriy Yermak, the head of the presidential office, …" "According to" is the cue, and Yermak the source.)
            if (m is not None and att.source[0][0] < m.end() < att.source[-1][1]
                    and all(s >= m.end() for s, _ in att.cue)):
                att = replace(att, source=[(max(s, m.end()), e) for s, e in att.source if e > m.end()])
        out.append(att)
    return out
