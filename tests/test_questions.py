"""A question put to a speaker is the asker's (attrib.questions)."""
from attrib.questions import asker_not_answerer
from attrib.schema import Attribution

from .conftest import char_span as _at


def test_a_question_put_to_the_speaker_is_the_askers():
    text = ("Asked whether he would fire a speechwriter, Priebus said no. Asked by Thrush if Clinton gets race, Sharpton "
            "paused. Priebus asked whether it was over, Lee said.")
    unnamed = Attribution(content=[_at(text, "whether he would fire a speechwriter")], cue=[_at(text, "Asked")],
                          source=[_at(text, "Priebus")], speaker="Reince Priebus")
    named = Attribution(content=[_at(text, "if Clinton gets race")], cue=[(text.index("Asked by"), text.index("Asked by") + 5)],
                        source=[_at(text, "Sharpton")], speaker="Al Sharpton")
    # "asked" inside a sentence is a cue like any other, and so is one whose source comes before the question
    inner = Attribution(content=[_at(text, "whether it was over")], cue=[_at(text, "asked")], source=[_at(text, "Lee")])
    out = asker_not_answerer(text, [unnamed, named, inner])
    assert out[0].source == [] and out[0].speaker is None  # PolNeAR leaves the unnamed asker without a source
    assert [text[s:e] for s, e in out[1].source] == ["Thrush"] and out[1].speaker is None
    assert out[2] == inner
