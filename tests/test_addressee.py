"""The one spoken to is cut from the content (attrib.addressee)."""
from attrib.addressee import addressee_out_of_content, speaker_not_addressee
from attrib.schema import Attribution

from .conftest import char_span as _at


def test_the_one_told_or_written_on_is_no_part_of_the_content():
    text = ("Habeck told dpa that the deal was good. He wrote on X that Berlin would pay. "
            "The PAC supporting Bush that raised money spoke.")
    told = Attribution(content=[_at(text, "dpa"), _at(text, "that the deal was good")], cue=[_at(text, "told")])
    wrote = Attribution(content=[_at(text, "X that Berlin would pay")], cue=[_at(text, "wrote")])
    relative = Attribution(content=[_at(text, "Bush that raised money")], cue=[_at(text, "supporting")])
    out = addressee_out_of_content(text, [told, wrote, relative])
    assert [" ".join(text[s:e] for s, e in a.content) for a in out] == [
        "that the deal was good", "that Berlin would pay", "Bush that raised money"]  # "supporting" tells no one
    text = "Kishida told reporters the launches were unacceptable."
    told = Attribution(content=[_at(text, "reporters"), _at(text, "the launches were unacceptable")],
                       cue=[_at(text, "told")])
    assert [text[s:e] for s, e in addressee_out_of_content(text, [told])[0].content] == ["the launches were unacceptable"]
    # The content may open on the name's article ("told [the Nation that …]").
    text = "Kamau told the Nation that members had not been paid."
    told = Attribution(content=[_at(text, "the Nation that members had not been paid")], cue=[_at(text, "told")])
    assert [text[s:e] for s, e in addressee_out_of_content(text, [told])[0].content] == ["that members had not been paid"]


def test_a_source_right_after_told_is_the_one_told():
    text = ("The review began. A senior official at the ministry, speaking on condition of anonymity, told Kyodo that "
            "it could take months. Reuters told readers so.")
    misread = Attribution(content=[_at(text, "it could take months")], cue=[_at(text, "told")],
                          source=[_at(text, "Kyodo")], speaker="Kyodo")
    out = speaker_not_addressee(text, [misread])[0]
    assert [text[s:e] for s, e in out.source] == ["A senior official at the ministry"] and out.speaker is None
    right = Attribution(content=[_at(text, "so")], cue=[_at(text, "told readers")], source=[_at(text, "Reuters")])
    assert speaker_not_addressee(text, [right])[0] == right  # the source before its cue stays


def test_after_told_a_lower_case_piece_of_its_own_is_the_one_told():
    text = '"The situation is dangerous," Abdelatty told his Jordanian counterpart in a phone call.'
    att = Attribution(content=[_at(text, '"The situation is dangerous,"'), _at(text, "his Jordanian counterpart in a phone call")],
                      cue=[_at(text, "told")])
    assert [text[s:e] for s, e in addressee_out_of_content(text, [att])[0].content] == ['"The situation is dangerous,"']
    text = "Rubio: Don't Let The Media Tell You He Won By Finishing Third"  # a headline's capitalised piece is said
    att = Attribution(content=[_at(text, "Don't Let The Media"), _at(text, "He Won By Finishing Third")],
                      cue=[_at(text, "Tell You")])
    assert len(addressee_out_of_content(text, [att])[0].content) == 2


def test_a_cue_followed_by_punctuation_leaves_the_content_as_it_is():
    text = '"We will win," he told; "and soon."'
    att = Attribution(content=[_at(text, '"We will win,"'), _at(text, '"and soon."')], cue=[_at(text, "told")])
    assert addressee_out_of_content(text, [att])[0].content == att.content  # no space after "told": no one told


def test_an_interview_frame_closing_the_content_is_cut_off():
    from attrib.addressee import channel_out_of_content

    text = ('Kruger called the agreement "the deal of the decade" in an interview with Der Spiegel. '
            "Ozel criticised the plan during a television appearance on Sozcu TV. She said it was an interview with Bob.")
    called = Attribution(content=[_at(text, 'the agreement "the deal of the decade" in an interview with Der Spiegel')])
    criticised = Attribution(content=[_at(text, "the plan during a television appearance on Sozcu TV")])
    alone = Attribution(content=[_at(text, "in an interview with Der Spiegel")])  # nothing would be left: kept
    said = Attribution(content=[_at(text, "it was an interview with Bob")])  # no frame: what was said
    out = channel_out_of_content(text, [called, criticised, alone, said])
    assert [text[s:e] for a in out for s, e in a.content] == [
        'the agreement "the deal of the decade"', "the plan", "in an interview with Der Spiegel",
        "it was an interview with Bob"]


def test_a_channel_frame_opening_the_sentence_leaves_the_source():
    from attrib.addressee import channel_out_of_source

    text = ("Writing in the London-based Asharq Al-Awsat, columnist Abdulrahman al-Rashed argued that Iran lied. "
            "Speaking to Dawn, Bashir said so. Writing in a rush, the columnist Ali Nasser, argued it.")
    argued = Attribution(content=[_at(text, "Iran lied")], source=[_at(text, "-based Asharq Al-Awsat, columnist Abdulrahman al-Rashed")])
    said = Attribution(content=[_at(text, "so")], source=[_at(text, "Bashir")])  # already after the frame
    # a source in two pieces keeps its second piece where it was
    two = Attribution(content=[_at(text, "Iran lied")], source=[_at(text, "-based Asharq Al-Awsat, columnist"),
                                                                _at(text, "Abdulrahman al-Rashed")])
    out = channel_out_of_source(text, [argued, said, two])
    assert [[text[s:e] for s, e in a.source] for a in out] == [
        ["columnist Abdulrahman al-Rashed"], ["Bashir"], ["columnist", "Abdulrahman al-Rashed"]]
    # "According to" an outlet is a frame too, when the statement has its own cue after it; where "According to" is
    # the cue, what follows it is the source.
    text = ("According to Agência Brasil, the secretary, Marcos Tavares, said 312 raids were made. According to Andriy "
            "Yermak, the head of the office, the plan was dead.")
    relayed = Attribution(content=[_at(text, "312 raids were made")], cue=[_at(text, "said")],
                          source=[_at(text, "Agência Brasil, the secretary, Marcos Tavares,")])
    own = Attribution(content=[_at(text, "the plan was dead")], cue=[(text.rindex("According to"), text.rindex("According to") + 12)],
                      source=[_at(text, "Andriy Yermak, the head of")])
    out = channel_out_of_source(text, [relayed, own])
    assert [text[s:e] for s, e in out[0].source] == ["the secretary, Marcos Tavares,"] and out[1] == own



def test_after_told_a_known_outlet_without_that_is_the_one_told():
    text = "Tkachuk told Interfax the firm was ready. Lee told CNN Trump was lying."
    outlet = Attribution(content=[_at(text, "Interfax the firm was ready")], cue=[_at(text, "told")])
    name = Attribution(content=[_at(text, "CNN Trump was lying")], cue=[(text.rindex("told"), text.rindex("told") + 4)])
    out = addressee_out_of_content(text, [outlet, name])
    assert [text[s:e] for s, e in out[0].content] == ["the firm was ready"]
    assert out[1] == name  # "CNN Trump" is no outlet the table knows: the content stays whole


def test_after_told_a_name_before_a_clause_opening_in_lower_case_is_the_one_told():
    text = ("Senator Rodrigo Echeñique told La Tercera there were no votes. Axelrod was telling Clinton she had been "
            "able. Ana Ruiz told CNN Trump was lying.")

    def verb(before: str) -> tuple[int, int]:  # the cue: the verb alone, before the words given
        start = text.index(before)
        return start, start + len(before.split()[0])

    atts = [Attribution(content=[_at(text, "La Tercera there were no votes")], cue=[verb("told La")]),
            Attribution(content=[_at(text, "Clinton she had been able")], cue=[verb("telling")]),
            Attribution(content=[_at(text, "CNN Trump was lying")], cue=[verb("told CNN")])]
    out = addressee_out_of_content(text, atts)
    # "CNN Trump" is followed by a verb, not a clause's subject: it may be one name and stays.
    assert [text[s:e] for a in out for s, e in a.content] == ["there were no votes", "she had been able", "CNN Trump was lying"]
