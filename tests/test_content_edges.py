"""Content edges PolNeAR draws that the tagger misses (attrib.content_edges)."""
from attrib.content_edges import with_continued_quotes, with_interrupted_openings, with_roles_in_sources, with_trimmed_edges
from attrib.schema import Attribution
from attrib.text import kind_of

from .conftest import char_span as _at


def _said(text: str, content: str, cue: str, source: str) -> Attribution:
    return Attribution(content=[_at(text, content)], cue=[_at(text, cue)], source=[_at(text, source)])


def _pieces(text: str, att: Attribution) -> list[str]:
    return [text[s:e] for s, e in att.content]


def test_a_content_interrupted_by_its_source_and_cue_gets_its_opening():
    text = "It opened in May. The museum, Mr. Obama said on Friday, would make visitors face hard truths."
    att = _said(text, "would make visitors face hard truths", "said", "Mr. Obama")
    out = with_interrupted_openings(text, [att])[0]
    assert _pieces(text, out) == ["The museum", "would make visitors face hard truths"]
    text = "And perhaps, he said, it could help. It was, the president said, “a stone where men were sold.”"
    perhaps = _said(text, "it could help", "said", "he")
    second_said = text.index("said", text.index("president"))
    stone = Attribution(content=[_at(text, "“a stone where men were sold.”")], cue=[(second_said, second_said + 4)],
                        source=[_at(text, "the president")])
    out = with_interrupted_openings(text, [perhaps, stone])
    assert _pieces(text, out[0]) == ["perhaps", "it could help"]  # the conjunction is the sentence's, not said
    assert _pieces(text, out[1])[0] == "It was" and out[1].kind == "mixed"
    text = "The firm, he said, could not afford it."  # the tagger opened the content at the comma
    he = text.index(" he ") + 1
    att = Attribution(content=[_at(text, ", could not afford it")], cue=[_at(text, "said")], source=[(he, he + 2)])
    assert _pieces(text, with_interrupted_openings(text, [att])[0]) == ["The firm", "could not afford it"]


def test_a_scene_before_a_quotation_is_no_opening():
    text = ('Discussing the deal, Jalali told YJC, "The partnership is strategic." In one statement, Perry stated, '
            '"just when you thought it could not get worse."')
    capital = _said(text, '"The partnership is strategic."', "told", "Jalali")
    scene = _said(text, '"just when you thought it could not get worse."', "stated", "Perry")
    assert with_interrupted_openings(text, [capital, scene]) == [capital, scene]
    text = "Russia, Ivanov said, is a partner, and Iran, Petrova said, was not."
    first = _said(text, "is a partner", "said", "Ivanov")
    second = Attribution(content=[_at(text, "was not")], cue=[(text.rindex("said"), text.rindex("said") + 4)],
                         source=[_at(text, "Petrova")])
    out = with_interrupted_openings(text, [first, second])
    assert _pieces(text, out[0]) == ["Russia", "is a partner"]
    assert out[1] == second  # its opening would hold a comma and another attribution


def test_an_opening_another_attribution_holds_stays_with_it():
    text = "The deal, officials said, was done."
    att = _said(text, "was done", "said", "officials")
    holder = Attribution(content=[_at(text, "The deal")])
    assert with_interrupted_openings(text, [holder, att])[1] == att


def test_dangling_conjunctions_and_the_for_of_a_phrasal_cue_leave_the_content():
    text = "She called for tighter rules and. He said the plan works or"
    called = Attribution(content=[_at(text, "for tighter rules and")], cue=[_at(text, "called")])
    works = Attribution(content=[_at(text, "the plan works or")], cue=[_at(text, "said")])
    out = with_trimmed_edges(text, [called, works])
    assert _pieces(text, out[0]) == ["tighter rules"] and [text[s:e] for s, e in out[0].cue] == ["called for"]
    assert _pieces(text, out[1]) == ["the plan works"]
    text = "They asked for nothing. She said on Monday that for two years the rules held."
    asked = Attribution(content=[_at(text, "for nothing")], cue=[_at(text, "asked")])
    far = Attribution(content=[_at(text, "for two years the rules held")], cue=[_at(text, "said")])
    out = with_trimmed_edges(text, [asked, far])
    assert _pieces(text, out[0]) == ["nothing"]
    assert out[1] == far  # the cue does not stand right before "for": no particle of it


def test_a_role_in_apposition_before_the_name_is_the_sources_not_the_contents():
    text = ("Figures rose. The health secretary, Margaret Holloway, has rejected calls to resign. "
            "Labour's shadow chancellor, Tom Briggs, said the plan failed. The scheme, Ms Holloway said, worked.")

    def opened(role: str, name: str, cue: str, content: str) -> Attribution:
        return Attribution(content=[_at(text, role), _at(text, content)], cue=[_at(text, cue)], source=[_at(text, name)])

    atts = [opened("The health secretary", "Margaret Holloway,", "has rejected", "calls to resign"),
            opened("Labour's shadow chancellor", "Tom Briggs", "said", "the plan failed"),
            opened("The scheme", "Ms Holloway", "said, worked", "worked")]
    out = with_roles_in_sources(text, atts)
    assert [text[s:e] for s, e in out[0].source] == ["The health secretary, Margaret Holloway,"]
    assert _pieces(text, out[0]) == ["calls to resign"]
    assert [text[s:e] for s, e in out[1].source] == ["Labour's shadow chancellor, Tom Briggs"]
    # "The scheme" names no role: an interrupted opening, it stays content.
    assert out[2] == atts[2]
    # The tagger may split the role between the opening and the source: "[The health] [secretary, Margaret …,]".
    split = Attribution(content=[_at(text, "The health"), _at(text, "calls to resign")], cue=[_at(text, "has rejected")],
                        source=[_at(text, "secretary, Margaret Holloway,")])
    assert [text[s:e] for s, e in with_roles_in_sources(text, [split])[0].source] == [
        "The health secretary, Margaret Holloway,"]


def test_a_role_of_a_place_or_body_before_the_name_is_the_sources():
    text = ("Homes were lost. The mayor of Eastport, Linda Carrow, said the city would rebuild. "
            "The city of Eastport, Carrow added, would pay.")
    role = Attribution(content=[_at(text, "The mayor of Eastport"), _at(text, "the city would rebuild")],
                       cue=[_at(text, "said")], source=[_at(text, "Linda Carrow,")])
    city = Attribution(content=[_at(text, "The city of Eastport"), _at(text, "would pay")],
                       cue=[_at(text, "added")], source=[_at(text, "Carrow added")[:1] + (_at(text, "Carrow added")[0] + 6,)])
    out = with_roles_in_sources(text, [role, city])
    assert [text[s:e] for s, e in out[0].source] == ["The mayor of Eastport, Linda Carrow,"]
    assert _pieces(text, out[0]) == ["the city would rebuild"]
    assert out[1] == city  # "The city of Eastport" names no role: an interrupted opening, it stays content


def test_a_quotation_running_on_into_paragraphs_of_its_own_is_one_attribution():
    text = ('In an interview, Volkhin said: "For years each country set its own rates.\n\n'
            '"What we are building now is one tariff.\n\n'
            '"If our partners keep the pace, trains could run in the spring."\n\n'
            '"Nobody is excluded," he told the newspaper.\n\n'
            'Kaspiy Transit said so. According to the company, trains waited 52 hours.')
    opening = _said(text, '"For years each country set its own rates.', "said", "Volkhin")
    # The tagger reads each paragraph as a quotation of its own and links any source in reach.
    second = Attribution(content=[_at(text, '"What we are building now is one tariff.')], source=[_at(text, "Volkhin")])
    third = Attribution(content=[_at(text, '"If our partners keep the pace, trains could run in the spring."')],
                        source=[_at(text, "the company")])
    # A paragraph with a cue of its own, after a quotation closed, stands alone.
    own = _said(text, '"Nobody is excluded,"', "told", "he")
    out = with_continued_quotes(text, [opening, second, third, own])
    assert len(out) == 2
    assert _pieces(text, out[0]) == ['"For years each country set its own rates.', '"What we are building now is one tariff.',
                                     '"If our partners keep the pace, trains could run in the spring."']
    assert out[0].source == opening.source and out[0].kind == "direct"
    assert out[1] is own
    # An unclosed quotation is direct only where the next paragraph takes it up.
    assert kind_of(text, [_at(text, '"For years each country set its own rates.'), _at(text, "Kaspiy Transit said so")]) == "mixed"
    assert kind_of(text, [_at(text, '"For years each country set its own rates.')]) == "mixed"


def test_a_paragraph_after_a_closed_quotation_or_another_content_is_not_a_continuation():
    text = 'Volkhin said: "Rates will fall."\n\n"Nobody is excluded."\n\nShe said the rates "would fall and\n\n"Costs too."'
    closed = _said(text, '"Rates will fall."', "said", "Volkhin")
    after_closed = Attribution(content=[_at(text, '"Nobody is excluded."')], source=[_at(text, "Volkhin")])
    # The previous paragraph's quotation is left open, but no attribution's content ends that paragraph.
    indirect = _said(text, "the rates", "said", "She")
    after_other = Attribution(content=[_at(text, '"Costs too."')], source=[_at(text, "She")])
    out = with_continued_quotes(text, [closed, after_closed, indirect, after_other])
    assert out == [closed, after_closed, indirect, after_other]


def test_joined_paragraphs_without_a_cue_take_a_source_outside_the_quotation():
    text = ('Dr. Ward stated:\n\n"The department is not about justice anymore.\n\n'
            '"The latest example is Loretta Lynch suing the state.\n\n"Lynch should be impeached."\n\nLynch declined to comment.')
    lynch_inside = text.index("Loretta Lynch") + len("Loretta ")
    first = Attribution(content=[_at(text, '"The department is not about justice anymore.')],
                        source=[(lynch_inside, lynch_inside + len("Lynch"))])
    second = Attribution(content=[_at(text, '"The latest example is Loretta Lynch suing the state.')], source=[_at(text, "Dr. Ward")])
    third = Attribution(content=[_at(text, '"Lynch should be impeached."')], source=[(text.index("Lynch declined"), text.index("Lynch declined") + 5)])
    out = with_continued_quotes(text, [first, second, third])
    assert len(out) == 1 and len(out[0].content) == 3
    assert [text[s:e] for s, e in out[0].source] == ["Dr. Ward"]


def test_a_source_cut_at_a_particle_inside_a_name_takes_the_whole_name():
    from attrib.content_edges import with_whole_names_in_sources

    text = "Reform Stalls\n\nThe Observatorio Ciudadano por la Transparencia said the contracts were never published."
    # The uncased tagger read "por la" as common words: the name's first words went to the content.
    cut = Attribution(content=[_at(text, "The Observatorio Ciudadano por"), _at(text, "the contracts were never published")],
                      cue=[_at(text, "said")], source=[_at(text, "la Transparencia")])
    out = with_whole_names_in_sources(text, [cut])[0]
    assert [text[s:e] for s, e in out.source] == ["The Observatorio Ciudadano por la Transparencia"]
    assert _pieces(text, out) == ["the contracts were never published"]
    # A source that opens at a name's first word is left alone, as is one whose content would be left empty.
    whole = _said(text, "the contracts were never published", "said", "The Observatorio Ciudadano por la Transparencia")
    assert with_whole_names_in_sources(text, [whole]) == [whole]
    only_name = Attribution(content=[_at(text, "The Observatorio Ciudadano por")], cue=[_at(text, "said")],
                            source=[_at(text, "la Transparencia")])
    assert with_whole_names_in_sources(text, [only_name]) == [only_name]


def test_the_second_of_two_names_heading_a_clause_takes_the_first_into_the_source():
    from attrib.content_edges import with_coordinated_sources

    text = ("In a joint statement, the Grassroots Music Collective and the Capel Street Traders' Forum called on planners "
            "to refuse. Bush met Putin and Obama said it went well.")
    cut = _said(text, "planners to refuse", "called on", "the Capel Street Traders' Forum")
    out = with_coordinated_sources(text, [cut])[0]
    assert [text[s:e] for s, e in out.source] == ["the Grassroots Music Collective and the Capel Street Traders' Forum"]
    # An object before "and" is no speaker ("Bush met Putin and Obama said").
    obama = _said(text, "it went well", "said", "Obama")
    assert with_coordinated_sources(text, [obama]) == [obama]
