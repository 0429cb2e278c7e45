"""Outlet naming and assignment (the rules on top of the outlet tagger's mentions)."""
from __future__ import annotations

import numpy as np

from attrib.metrics import same_outlet
from attrib.outlets import assign_outlets, canonical_outlet, sentence_bounds, tags_to_mentions
from attrib.schema import Article, Attribution


def test_canonical_names():
    text = "Iran's state-run Young Journalists Club (YJC) said. Later YJC added."
    assert canonical_outlet("Iran's state-run Young Journalists Club (YJC)") == "Young Journalists Club (YJC)"
    assert canonical_outlet("YJC", text) == "Young Journalists Club (YJC)"
    assert canonical_outlet("Etemad daily") == "Etemad"
    assert canonical_outlet("the Tasnim news agency") == "Tasnim"
    assert canonical_outlet("NBC's Meet the Press") == "NBC's Meet the Press"
    assert canonical_outlet("The Washington Post") == "The Washington Post"
    assert canonical_outlet("Anadolu Agency") == "Anadolu Agency"
    assert canonical_outlet("tweeted") == "Twitter"
    assert same_outlet(canonical_outlet("the state-run Anadolu Agency"), "Anadolu Agency")


def _span(text: str, s: str, nth: int = 0) -> list[list[int]]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return [[i, i + len(s)]]


def test_assignment_nearest_mention_inheritance_and_content_mentions():
    text = ('"We will sign," Jalali told Sputnik. "It is historic," Jalali added. '
            'Jalali said that CNN was wrong. Officials told reporters the talks went well.')
    atts = [
        Attribution(content=_span(text, '"We will sign,"'), cue=_span(text, "told"), source=_span(text, "Jalali"),
                    speaker="Kazem Jalali", kind="direct"),
        Attribution(content=_span(text, '"It is historic,"'), cue=_span(text, "added"), source=_span(text, "Jalali", 1),
                    speaker="Kazem Jalali", kind="direct"),
        Attribution(content=_span(text, "CNN was wrong"), cue=_span(text, "said"), source=_span(text, "Jalali", 2),
                    speaker="Kazem Jalali", kind="indirect"),
        Attribution(content=_span(text, "the talks went well"), cue=_span(text, "told reporters"),
                    source=_span(text, "Officials"), kind="indirect"),
    ]
    mentions = [tuple(_span(text, "Sputnik")[0]), tuple(_span(text, "CNN")[0])]
    out = assign_outlets(Article(id="a", text=text, attributions=atts), mentions)
    got = [(a.outlet, a.outlet_span) for a in out.attributions]
    assert got[0] == ("Sputnik", _span(text, "Sputnik"))
    assert got[1] == ("Sputnik", [])  # a later quote from the same interview inherits, without a span
    assert got[2] == (None, [])  # CNN is what was said, and an indirect claim does not inherit
    assert got[3] == (None, [])  # "told reporters" is no outlet
    assert all("outlet" in a.labelled for a in out.attributions)


def test_outlet_as_source_takes_the_speaker_name():
    text = "The Post has learned that the deal is off."
    att = Attribution(content=_span(text, "the deal is off"), cue=_span(text, "has learned"), source=_span(text, "The Post"),
                      speaker="The New York Post")
    out = assign_outlets(Article(id="a", text=text, attributions=[att]), [tuple(_span(text, "The Post")[0])])
    assert out.attributions[0].outlet == "The New York Post"


def test_tags_to_mentions_and_sentences():
    class Tok:
        offsets = [(0, 3), (4, 7), (8, 12), (13, 17), (18, 22)]

    text = "abc def ghij klmn opqr"
    assert tags_to_mentions(text, Tok(), np.array([0, 1, 2, 0, 2])) == [(4, 12), (18, 22)]
    assert len(sentence_bounds("He said so. She did not! Then “Yes.” Done")) == 4
