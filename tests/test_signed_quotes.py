"""Quotations signed with a dash and a name (attrib.signed_quotes)."""
from attrib.schema import Attribution
from attrib.signed_quotes import signature_after, with_signed_sources

from .conftest import char_span as _at


def _signer(text: str, quote: str):
    """The dash and name signing `quote` (its first occurrence), as strings; None when unsigned."""
    found = signature_after(text, _at(text, quote)[1])
    return None if found is None else tuple(text[s:e] for s, e in found)


def test_a_quotation_signed_on_its_line_or_the_next_paragraph_names_its_source():
    text = "“I am truly afraid.” ― Edwin G. Monroy\n“Maybe, we can build a wall.” ―\xa0Steve Quinlan. Getty/Instagram."
    assert _signer(text, "“I am truly afraid.”") == ("―", "Edwin G. Monroy")
    assert _signer(text, "“Maybe, we can build a wall.”") == ("―", "Steve Quinlan")
    text = "“Hope.” ― Jorge Falcon “Maybe.” ― Carla Sanchez."
    assert _signer(text, "“Hope.”") == ("―", "Jorge Falcon")  # the next quotation follows the name
    assert signature_after(text, text.index("―") + 1) is not None  # the tagger took the dash into the content
    text = '"She never quits."\n\n-President Obama, tweeting after the speech.'
    assert _signer(text, '"She never quits."') == ("-", "President Obama")
    # The content may stop short of the closing mark or take the comma after it.
    text = "“Fear,” ― Julie A. Diaz Martinez."
    assert signature_after(text, text.index(",")) is not None and _signer(text, "“Fear,”") == ("―", "Julie A. Diaz Martinez")


def test_dashes_in_prose_credits_and_outlets_are_no_signature():
    assert _signer("He called it “a disgrace” — Republicans, however, disagreed.", "“a disgrace”") is None
    assert _signer('He called it "a sham" - Democrats say otherwise.', '"a sham"') is None
    assert _signer('His party was "still the No. 1 force."--Kim Hjelmgaard.', '"still the No. 1 force."') is None
    assert _signer('He called him "my African American."\n\n- Reuters.', '"my African American."') is None
    assert _signer("“It is over.”\n\n– An argument broke out.", "“It is over.”") is None
    assert _signer("He said it was over — Smith.", "over") is None  # no quotation closes the content


def test_a_signed_quotation_takes_the_dash_as_cue_and_the_name_as_source():
    text = "“Trump scares me.” ― Krystal Correa “He can’t even answer a question.” ― Esther Tapia"
    first = Attribution(content=[_at(text, "“Trump scares me.”")], source=[_at(text, "Trump")])
    # The tagger gave the second quotation the name before it, a prose source.
    second = Attribution(content=[_at(text, "“He can’t even answer a question.”")], source=[_at(text, "Krystal Correa")])
    unsigned_text = text + "\nCorrea said he “won’t last.”"
    correa = unsigned_text.index("Correa said")
    unsigned = Attribution(content=[_at(unsigned_text, "“won’t last.”")], cue=[_at(unsigned_text, "said")],
                           source=[(correa, correa + len("Correa"))])
    out = with_signed_sources(unsigned_text, [first, second, unsigned])
    assert [[unsigned_text[s:e] for s, e in a.source] for a in out] == [["Krystal Correa"], ["Esther Tapia"], ["Correa"]]
    assert [[unsigned_text[s:e] for s, e in a.cue] for a in out] == [["―"], ["―"], ["said"]]
    assert out[2] is unsigned
