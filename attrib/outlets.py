"""Outlets: tagged outlet mentions -> the outlet of each attribution, named canonically.

The outlet tagger (`modeling_outlet`) finds where outlets are named; this module decides
which attribution each mention serves and what to call it:

- a mention serves the attributions whose source or cue stands in its sentence (the
  nearest one to the cue wins); mentions inside the content are what was said, not the
  channel ("she criticised CNN");
- an attribution with no mention of its own inherits the outlet of the previous
  attribution by the same speaker (a later quote from the same interview);
- names are cleaned of owners and descriptors ("Iran's state-run Young Journalists Club"
  → "Young Journalists Club", "Etemad daily" → "Etemad"), and an abbreviation takes the
  long form the article introduced ("YJC" → "Young Journalists Club (YJC)").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

import numpy as np

from .data.features import TokenizedArticle
from .decode import char_span
from .schema import Article, Attribution

DESCRIPTORS = {
    "state", "state-run", "state-owned", "state-controlled", "semi-official", "official", "government-run",
    "hardline", "conservative", "reformist", "liberal", "independent", "influential", "leading", "local",
    "national", "pan-arab", "broadcaster", "pro-government", "pro-kremlin", "news", "daily", "weekly",
}
TRAILING = {"daily", "newspaper", "news agency", "agency", "network", "channel", "magazine", "website",
            "broadcaster", "tv", "television", "radio", "outlet", "paper", "weekly"}
# The verb names the platform ("Trump tweeted"), so the span is the verb.
PLATFORM_VERBS = {"tweeted": "Twitter", "tweets": "Twitter", "tweet": "Twitter", "tweeting": "Twitter",
                  "retweeted": "Twitter", "instagrammed": "Instagram"}
# A few names too short or too generic to expand from the article itself.
WELL_KNOWN = {"ap": "The Associated Press", "associated press": "The Associated Press", "afp": "AFP",
              "nyt": "The New York Times", "wsj": "The Wall Street Journal", "bbc": "BBC", "x": "X"}
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def tags_to_mentions(text: str, tok: TokenizedArticle, tags: np.ndarray) -> list[tuple[int, int]]:
    """Character spans of B/I runs (1 = B, 2 = I; a stray I starts a mention), widened to whole words."""
    out: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate(list(tags) + [0]):
        if start is not None and tag != 2:
            out.append(char_span(tok, text, start, i - 1))
            start = None
        if tag == 1 or (tag == 2 and start is None):
            start = i
    return [m for m in out if m[1] > m[0]]


def canonical_outlet(surface: str, text: str = "") -> Optional[str]:
    """A readable, stable name for an outlet mention (see the module docstring)."""
    name = re.sub(r"\s+", " ", surface).strip(" ,.;:\"“”'’")
    if name.casefold() in PLATFORM_VERBS:
        return PLATFORM_VERBS[name.casefold()]
    words = name.split(" ")
    # An owner ("Iran's") goes unless it is the network of a programme ("NBC's Meet the Press").
    if words and re.fullmatch(r"\w[\w.-]*['’]s", words[0]) and not words[0][:-2].isupper() and len(words) > 1:
        words = words[1:]
    while words and (words[0].casefold() in DESCRIPTORS or words[0] in {"the", "a", "an"}):
        words = words[1:]
    name = " ".join(words)
    lowered = name.casefold()
    for tail in sorted(TRAILING, key=len, reverse=True):
        if lowered.endswith(" " + tail) and name[-len(tail):].islower():
            name = name[: -len(tail) - 1].rstrip()
            break
    if not name:
        return None
    if name.casefold() in WELL_KNOWN:
        return WELL_KNOWN[name.casefold()]
    if re.fullmatch(r"[A-Z]{2,6}", name) and text:
        long_form = re.search(rf"([A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){{0,6}}) \({re.escape(name)}\)", text)
        if long_form:
            return canonical_outlet(f"{long_form.group(1)} ({name})")
    return name


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _inside(span: tuple[int, int], pieces: Sequence[Sequence[int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in pieces)


def assign_outlets(article: Article, mentions: Sequence[tuple[int, int]], inherit: str = "quotes") -> Article:
    """Fill `outlet` and `outlet_span` of every attribution from the article's outlet mentions."""
    bounds = sentence_bounds(article.text)
    mention_sentence = [_sentence_of(bounds, s) for s, _ in mentions]
    last_by_speaker: dict[str, str] = {}
    order = sorted(range(len(article.attributions)), key=lambda i: article.attributions[i].content[0][0])
    atts: list[Optional[Attribution]] = [None] * len(article.attributions)
    for i in order:
        att = article.attributions[i]
        frame = att.cue or att.source or att.content
        anchor = frame[0][0]
        sentences = {_sentence_of(bounds, s) for s, _ in (att.cue + att.source or att.content)}
        best, best_distance = None, None
        for m, sent in zip(mentions, mention_sentence):
            if sent not in sentences or (_inside(m, att.content) and not _inside(m, att.source)):
                continue
            distance = abs(m[0] - anchor)
            if best_distance is None or distance < best_distance:
                best, best_distance = m, distance
        outlet, span = None, []
        if best is not None:
            span = [list(best)]
            # The outlet is the source ("The Post has learned"): the speaker's full name names it best.
            if att.speaker and any(s < best[1] and best[0] < e for s, e in att.source):
                outlet = att.speaker
            else:
                outlet = canonical_outlet(article.text[best[0]:best[1]], article.text)
        elif att.speaker and att.speaker in last_by_speaker and (
                inherit == "all" or (inherit == "quotes" and att.kind in ("direct", "mixed"))):
            outlet = last_by_speaker[att.speaker]
        if outlet and att.speaker:
            last_by_speaker[att.speaker] = outlet
        atts[i] = replace(att, outlet=outlet, outlet_span=span if outlet else [], labelled=att.labelled | {"outlet"})
    return replace(article, attributions=[a for a in atts if a is not None])
