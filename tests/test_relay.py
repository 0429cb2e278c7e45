"""An outlet relaying a statement is not its source: `attrib.relay.inner_speakers`."""
from __future__ import annotations

import pytest

from attrib.relay import inner_speakers
from attrib.schema import Attribution


def _span(text: str, needle: str) -> list[tuple[int, int]]:
    start = text.index(needle)
    return [(start, start + len(needle))]


def _resourced(text: str, content: str, cue: str, source: str) -> tuple[str, str, str]:
    return _resourced_att(text, Attribution(content=_span(text, content), cue=_span(text, cue),
                                            source=_span(text, source)))


def _resourced_att(text: str, att: Attribution) -> tuple[str, str, str]:
    out = inner_speakers(text, [att])[0]
    return (" ".join(text[s:e] for s, e in out.source), " … ".join(text[s:e] for s, e in out.cue),
            " ".join(text[s:e] for s, e in out.content))


@pytest.mark.parametrize("text, content, cue, source, expected", [
    ("Interfax cited Kazakhstan's transport minister, Daulet Sarsenbayev, as saying that Astana would cut tariffs.",
     "Astana would cut tariffs", "cited", "Interfax",
     ("Kazakhstan's transport minister, Daulet Sarsenbayev", "cited … as saying", "Astana would cut tariffs")),
    ("Fars news agency, which is close to the Guards, quoted an unnamed official as saying drivers would get quotas.",
     "drivers would get quotas", "quoted", "Fars news agency, which is close to the Guards,",
     ("an unnamed official", "quoted … as saying", "drivers would get quotas")),
    ("The issue is on the agenda, the Kremlin said, according to Tass.",
     "The issue is on the agenda", "according to", "Tass", ("the Kremlin", "said", "The issue is on the agenda")),
    # the tagger's content swallowed the speaker
    ("The issue is on the agenda, the Kremlin said, according to Tass.",
     "The issue is on the agenda, the Kremlin", "said", "Tass", ("the Kremlin", "said", "The issue is on the agenda")),
    # a quotation and its speaker read as the content, the quotation keeping its closing mark
    ('"The agency must remain technical," Kanaani said, according to the official IRNA news agency.',
     '"The agency must remain technical," Kanaani', "said", "the official IRNA news agency",
     ("Kanaani", "said", '"The agency must remain technical,"')),
    ("Aydoğdu said teams would meet in Mosul, Anadolu reported.",
     "teams would meet in Mosul", "reported", "Anadolu", ("Aydoğdu", "said", "teams would meet in Mosul")),
    ('Russia, confirming the meeting, said: "Issues were discussed," as quoted by Tass.',
     '"Issues were discussed,"', "quoted", "Tass", ("Russia", "said", '"Issues were discussed,"')),
    # the speaker and the verb read into the content, under the outlet's cue
    ('Egyptian Foreign Minister Badr Abdelatty warned on Sunday of a "regional explosion," the state-run Al-Ahram '
     "newspaper reported.", 'Egyptian Foreign Minister Badr Abdelatty warned on Sunday of a "regional explosion,"',
     "reported", "the state-run Al-Ahram newspaper",
     ("Egyptian Foreign Minister Badr Abdelatty", "warned", 'a "regional explosion,"')),
    # a time between the speech verb and the content
    ("Japan's trade minister said on Friday the government would review the rules, Kyodo News reported.",
     "the government would review the rules", "reported", "Kyodo News",
     ("Japan's trade minister", "said", "the government would review the rules")),
    # the speaker's phrase keeps an abbreviation's dots
    ("A spokesperson for the U.S. State Department said Washington stood firm, Taiwan's Central News Agency reported.",
     "Washington stood firm", "reported", "Taiwan's Central News Agency",
     ("A spokesperson for the U.S. State Department", "said", "Washington stood firm")),
    # the quotation and its speaker read as one piece under "according to"
    ('"No one can stop the trend," Xi said in the televised speech, according to a text published by Xinhua.',
     '"No one can stop the trend," Xi said in the televised speech', "according to", "a text published by Xinhua",
     ("Xi", "said", '"No one can stop the trend,"')),
    # the outlet that closes the sentence linked to the inner cue
    ('Iran\'s Foreign Ministry spokesman Esmaeil Baghaei on Monday described the talks as "frank", the official IRNA '
     "news agency reported.", 'the talks as "frank"', "described", "the official IRNA news agency",
     ("Iran's Foreign Ministry spokesman Esmaeil Baghaei", "described", 'the talks as "frank"')),
])
def test_the_speaker_an_outlet_quotes_becomes_the_source(text, content, cue, source, expected):
    assert _resourced(text, content, cue, source) == expected


@pytest.mark.parametrize("text, content, cue, source", [
    ("The Post reported that the deal was done.", "the deal was done", "reported", "The Post"),
    ("According to the Post, the deal was done.", "the deal was done", "According to", "the Post"),
    ("Tass said the talks went well.", "the talks went well", "said", "Tass"),
    # a speech verb whose content does not end in a name after a comma
    ("The talks went well, according to Tass.", "The talks went well", "according to", "Tass"),
    # no name and titles alone before the verb ("pledged" delegates is no speech)
    ("Trump so far has won 758 pledged delegates, according to a CNN tally.",
     "Trump so far has won 758 pledged delegates", "according to", "a CNN tally"),
])
def test_an_outlet_speaking_for_itself_keeps_its_attribution(text, content, cue, source):
    assert _resourced(text, content, cue, source) == (source, cue, content)


def test_a_quoted_speaker_read_into_the_content_is_taken_out_of_it():
    text = "Kyodo News quoted a senior Foreign Ministry official as saying that Tokyo would not raise the issue."
    assert _resourced(text, "a senior Foreign Ministry official as saying that Tokyo would not raise the issue",
                      "quoted", "Kyodo News") == (
        "a senior Foreign Ministry official", "quoted … as saying", "Tokyo would not raise the issue")


def test_the_misreading_that_made_the_relayed_speaker_a_content_is_dropped():
    text = 'Russia, confirming the meeting, said: "Issues were discussed," as quoted by Tass.'
    misread = Attribution(content=_span(text, "Russia, confirming the meeting"), cue=_span(text, "said"),
                          source=_span(text, "Tass"))
    relayed = Attribution(content=_span(text, '"Issues were discussed,"'), cue=_span(text, "quoted"),
                          source=_span(text, "Tass"))
    other = Attribution(content=_span(text, "the meeting"), cue=_span(text, "confirming"), source=_span(text, "Russia"))
    out = inner_speakers(text, [misread, relayed, other])
    assert [" ".join(text[s:e] for s, e in a.content) for a in out] == ['"Issues were discussed,"', "the meeting"]


@pytest.mark.parametrize("text, speaker_read_as_content, rest, cue, outlet, expected", [
    ("Kremlin spokesman Dmitry Peskov was quoted by RIA Novosti as saying that Moscow was ready for talks.",
     "Kremlin spokesman Dmitry Peskov", "as saying that Moscow was ready for talks", "was quoted by", "RIA Novosti",
     ("Kremlin spokesman Dmitry Peskov", "was quoted … as saying", "Moscow was ready for talks")),
    # the outlet after "as saying"
    ("Foreign Minister Sergei Lavrov was quoted as saying by the Interfax news agency that talks were possible.",
     "Foreign Minister Sergei Lavrov", "that talks were possible", "was quoted as saying by", "the Interfax news agency",
     ("Foreign Minister Sergei Lavrov", "was quoted … as saying", "talks were possible")),
])
def test_a_speaker_quoted_in_the_passive_is_the_source(text, speaker_read_as_content, rest, cue, outlet, expected):
    att = Attribution(content=_span(text, speaker_read_as_content) + _span(text, rest), cue=_span(text, cue),
                      source=_span(text, outlet))
    out = inner_speakers(text, [att])
    assert [(" ".join(text[s:e] for s, e in a.source), " … ".join(text[s:e] for s, e in a.cue),
             " ".join(text[s:e] for s, e in a.content)) for a in out] == [expected]


def test_the_outer_reading_of_a_passive_quote_whose_content_is_the_speaker_goes():
    # the outer reading whose content is only the speaker goes
    text = "Deputy Prime Minister Alexander Novak was cited by Interfax as saying output would fall."
    outer = Attribution(content=_span(text, "Deputy Prime Minister Alexander Novak"), cue=_span(text, "was cited by"),
                        source=_span(text, "Interfax"))
    inner = Attribution(content=_span(text, "output would fall"), cue=_span(text, "as saying"), source=_span(text, "Interfax"))
    out = inner_speakers(text, [outer, inner])
    assert [" ".join(text[s:e] for s, e in a.source) for a in out] == ["Deputy Prime Minister Alexander Novak"]


def test_an_agency_quoting_someone_as_telling_passes_the_source_on():
    text = "IRNA quoted Foreign Minister Abbas Araqchi as telling reporters that the talks would resume."
    assert _resourced(text, "the talks would resume", "quoted", "IRNA") == (
        "Foreign Minister Abbas Araqchi", "quoted … as telling reporters", "the talks would resume")


def test_an_agency_reporting_and_citing_a_source_stays_the_source():
    # The team's world articles label "dpa reported, citing diplomats in Brussels" with dpa as the source.
    text = "Four states were undecided, dpa reported, citing diplomats in Brussels."
    assert _resourced(text, "Four states were undecided", "reported", "dpa") == (
        "dpa", "reported", "Four states were undecided")


def test_a_subject_read_as_content_before_a_speech_verb_is_the_source():
    text = ("Ukraine's military intelligence agency, known as the GUR, said in a statement posted on Telegram that its "
            "units had struck a vessel. The video appears to show a strike.")
    said = Attribution(content=_span(text, "Ukraine's military intelligence agency, known as the GUR")
                       + _span(text, "that its units had struck a vessel"), cue=_span(text, "said"))
    # not a passive or a verb of seeming: "The video appears to show …" has no source
    appears = Attribution(content=_span(text, "The video") + _span(text, "to show a strike"), cue=_span(text, "appears"))
    out = inner_speakers(text, [said, appears])
    assert [[text[s:e] for s, e in a.source] for a in out] == [["Ukraine's military intelligence agency, known as the GUR"], []]
    assert [text[s:e] for s, e in out[0].content] == ["that its units had struck a vessel"]
    assert out[1] == appears


def test_a_speaker_and_verb_read_as_the_last_content_piece_become_source_and_cue():
    text = ('"We have developed a certain immunity," Kremlin spokesman Dmitry Peskov told journalists during a '
            "regular briefing, according to the Interfax news agency.")
    att = Attribution(content=_span(text, '"We have developed a certain immunity,"')
                      + _span(text, "Kremlin spokesman Dmitry Peskov told journalists during a regular briefing"),
                      cue=_span(text, "according to"), source=_span(text, "the Interfax news agency"))
    out = inner_speakers(text, [att])[0]
    assert ([text[s:e] for s, e in out.source], [text[s:e] for s, e in out.cue], [text[s:e] for s, e in out.content]) == (
        ["Kremlin spokesman Dmitry Peskov"], ["told"], ['"We have developed a certain immunity,"'])


@pytest.mark.parametrize("text, read_as_content, said, rest, relay, outlet, expected", [
    ("Iran's ambassador Kazem Jalali said, according to IRNA, that the agreement would be signed soon.",
     "Iran's ambassador Kazem Jalali", "said", "the agreement would be signed soon", "according to", "IRNA",
     ("Iran's ambassador Kazem Jalali", "said", "the agreement would be signed soon")),
    # a dateline before the speaker, no "that"
    ("TEHRAN - Foreign Minister Abbas Araghchi said, according to the Tasnim news agency, Iran would respond.",
     "Foreign Minister Abbas Araghchi", "said", "Iran would respond", "according to", "the Tasnim news agency",
     ("Foreign Minister Abbas Araghchi", "said", "Iran would respond")),
    # the one told read into the content as a piece of its own
    ("Defence Minister Andrei Belousov told reporters, as quoted by Interfax, that exercises would continue.",
     "Defence Minister Andrei Belousov", "told", "that exercises would continue", "as quoted by", "Interfax",
     ("Defence Minister Andrei Belousov", "told reporters", "exercises would continue")),
])
def test_a_speaker_saying_through_an_outlet_named_between_verb_and_content_is_the_source(
        text, read_as_content, said, rest, relay, outlet, expected):
    misread = Attribution(content=_span(text, read_as_content), cue=_span(text, said), source=_span(text, outlet))
    relayed = Attribution(content=_span(text, rest), cue=_span(text, relay), source=_span(text, outlet))
    out = inner_speakers(text, [misread, relayed])
    assert len(out) == 1  # the speaker read as content of the speech verb was the same misreading
    assert (" ".join(text[s:e] for s, e in out[0].source), " ".join(text[s:e] for s, e in out[0].cue),
            " ".join(text[s:e] for s, e in out[0].content)) == expected


def test_the_subject_of_the_speech_verb_is_the_source_even_an_outlet():
    text = "Tass said, according to its correspondent, that the convoy had arrived."
    att = Attribution(content=_span(text, "the convoy had arrived"), cue=_span(text, "according to"),
                      source=_span(text, "its correspondent"))
    assert inner_speakers(text, [att])[0].source == _span(text, "Tass")


def test_the_one_told_read_into_a_relayed_content_goes_back_to_the_cue():
    text = ("Chinese Foreign Ministry spokeswoman Mao Ning told a regular press briefing on Tuesday that Beijing "
            "opposed the sanctions, according to Xinhua.")
    misread = Attribution(content=_span(text, "Chinese Foreign Ministry spokeswoman Mao Ning"), cue=_span(text, "told"),
                          source=_span(text, "Xinhua"))
    relayed = Attribution(content=_span(text, "a regular press briefing on Tuesday that Beijing opposed the sanctions"),
                          cue=_span(text, "according to"), source=_span(text, "Xinhua"))
    out = inner_speakers(text, [misread, relayed])
    assert [(" ".join(text[s:e] for s, e in a.source), " ".join(text[s:e] for s, e in a.cue),
             " ".join(text[s:e] for s, e in a.content)) for a in out] == [
        ("Chinese Foreign Ministry spokeswoman Mao Ning", "told a regular press briefing on Tuesday",
         "Beijing opposed the sanctions")]


def test_a_speaker_read_into_the_content_of_a_speech_verb_the_outlet_was_given_is_the_source():
    text = "Italian Interior Minister Giorgio Santangelo said, according to ANSA, that Rome had secured a commitment."
    att = Attribution(content=_span(text, "Italian Interior Minister Giorgio Santangelo")
                      + _span(text, "Rome had secured a commitment"),
                      cue=_span(text, "said"), source=_span(text, "ANSA"))
    out = inner_speakers(text, [att])[0]
    assert (" ".join(text[s:e] for s, e in out.source), " ".join(text[s:e] for s, e in out.content)) == (
        "Italian Interior Minister Giorgio Santangelo", "Rome had secured a commitment")


def test_an_outlet_quoting_someone_after_a_clause_of_its_own_passes_the_source_on():
    text = ("The reformist Etemad daily struck a different tone, quoting political scientist Nasrin Farahani as saying "
            "that slow diplomacy is cheaper.")
    said = "political scientist Nasrin Farahani as saying that slow diplomacy is cheaper"
    att = Attribution(content=_span(text, said),
                      cue=_span(text, "quoting"), source=_span(text, "The reformist Etemad"))
    assert _resourced_att(text, att) == ("political scientist Nasrin Farahani", "quoting … as saying",
                                         "slow diplomacy is cheaper")

