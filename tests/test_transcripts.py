"""Transcript turns as attributions (attrib.transcripts)."""
import pytest

from attrib.schema import Attribution
from attrib.transcripts import transcript_turns, with_transcript_turns

TRANSCRIPT = ('Pence spoke on Sunday. Partial transcript as follows:\n\n'
              '"WALLACE: Let\'s start with the debate. Will she be there?\n\n'
              '"PENCE: Well, look, this is America, Chris. The campaign said it was a joke.\n\n'
              '"It is serious business.\n\n'
              '"(CROSSTALK.)\n\n'
              '"WALLACE: If I may, sir.\n\n'
              'Pence left the studio.')


def _text(text: str, span) -> list[str]:
    return [text[s:e] for s, e in span]


def test_each_turn_is_its_label_its_colon_and_its_words():
    turns = transcript_turns(TRANSCRIPT)
    assert [_text(TRANSCRIPT, source) for source, _, _ in turns] == [["WALLACE"], ["PENCE"], ["WALLACE"]]
    assert all(_text(TRANSCRIPT, cue) == [":"] for _, cue, _ in turns)
    assert [_text(TRANSCRIPT, content) for _, _, content in turns] == [
        ["Let's start with the debate. Will she be there?"],
        # a paragraph opening with the transcript's quotation mark runs the turn on; a stage direction ends it
        ["Well, look, this is America, Chris. The campaign said it was a joke.", "It is serious business."],
        ["If I may, sir."]]


def test_a_turn_replaces_the_fragments_inside_it_and_nothing_else():
    t = TRANSCRIPT
    nested = Attribution(content=[(t.index("it was a joke"), t.index("it was a joke") + 13)],
                         cue=[(t.index("said it"), t.index("said it") + 4)],
                         source=[(t.index("The campaign"), t.index("The campaign") + 12)], confidence=0.6)
    stray = Attribution(content=[(t.index('"It is'), t.index('"It is') + 1)], confidence=0.2)
    outside = Attribution(content=[(0, 21)], confidence=0.9)
    out = with_transcript_turns(t, [nested, stray, outside])
    assert outside in out and nested not in out and stray not in out
    turns = [a for a in out if a is not outside]
    assert [_text(t, a.source) for a in turns] == [["WALLACE"], ["PENCE"], ["WALLACE"]]
    assert turns[1].confidence == pytest.approx((0.6 + 0.2) / 2)  # the fragments' confidence, carried over
    assert turns[0].confidence == pytest.approx((0.6 + 0.2 + 0.9) / 3)  # none replaced: the article's average


def test_a_few_capitalised_labels_are_no_transcript():
    text = "BREAKING: The vote failed.\n\nUPDATE: It passed.\n\nSMITH: We won."
    assert transcript_turns(text) == []
    atts = [Attribution(content=[(text.index("We won"), len(text))], confidence=0.5)]
    assert with_transcript_turns(text, atts) == atts


def test_datelines_are_no_turns():
    text = ("ISLAMABAD: The government said talks would resume.\n\nNEW DELHI: Officials declined to comment.\n\n"
            "KABUL: The Taliban said nothing.\n\nWASHINGTON: The State Department urged calm.")
    assert transcript_turns(text) == []


def test_turns_in_an_article_with_no_other_prediction_get_an_even_chance():
    from attrib.transcripts import NO_EVIDENCE_CONFIDENCE

    out = with_transcript_turns(TRANSCRIPT, [])
    assert len(out) == 3 and all(a.confidence == NO_EVIDENCE_CONFIDENCE for a in out)
