"""A dateline is no part of what was said (attrib.datelines)."""
from attrib.datelines import without_datelines
from attrib.schema import Attribution

from .conftest import char_span as _at


def test_a_dateline_piece_leaves_the_content_and_a_whole_content_stays():
    text = ("Erdogan hails deal\n\nISTANBUL (Reuters) - Turkish President Tayyip Erdogan praised the deal as a turning "
            "point.\nWASHINGTON — Officials said NATO would meet.")
    lead = Attribution(content=[_at(text, "ISTANBUL"), _at(text, "the deal as a turning point")])
    alone = Attribution(content=[_at(text, "WASHINGTON")])  # all it has: kept, not emptied
    plain = Attribution(content=[_at(text, "NATO would meet")])
    out = without_datelines(text, [lead, alone, plain])
    assert [[text[s:e] for s, e in a.content] for a in out] == [
        ["the deal as a turning point"], ["WASHINGTON"], ["NATO would meet"]]


def test_a_dateline_with_its_country_and_credit_is_no_outlet():
    from attrib.datelines import dateline_spans
    from attrib.outlets import assign_outlets
    from attrib.schema import Article

    text = "SEOUL, South Korea (AP) — North Korea fired missiles, the Joint Chiefs said."
    assert [text[s:e] for s, e in dateline_spans(text)] == ["SEOUL, South Korea (AP)"]
    att = Attribution(content=[_at(text, "North Korea fired missiles")], cue=[_at(text, "said")],
                      source=[_at(text, "the Joint Chiefs")])
    out = assign_outlets(Article(id="d", text=text, attributions=[att]), [_at(text, "South Korea (AP)")])
    assert out.attributions[0].outlet is None


def test_a_wire_dateline_with_its_date_leaves_the_content():
    text = ("Moscow warns Kyiv\n\nMOSCOW, March 4 (Reuters) - Russia's Defence Ministry said its air defences "
            "had destroyed 14 drones.\nPARIS, Sept. 26, 2019 (AFP) - France said talks would resume.")
    lead = Attribution(content=[_at(text, "MOSCOW"), _at(text, "its air defences had destroyed 14 drones")])
    second = Attribution(content=[_at(text, "PARIS, Sept. 26"), _at(text, "talks would resume")])
    out = without_datelines(text, [lead, second])
    assert [[text[s:e] for s, e in a.content] for a in out] == [
        ["its air defences had destroyed 14 drones"], ["talks would resume"]]


def test_a_content_opening_with_the_dateline_starts_after_it():
    text = "Missile fired\n\nSEOUL, Nov 3 (Yonhap) -- North Korea fired a missile on Sunday, the JCS said."
    lead = Attribution(content=[_at(text, "SEOUL, Nov 3 (Yonhap) -- North Korea fired a missile on Sunday")])
    out = without_datelines(text, [lead])
    assert [text[s:e] for s, e in out[0].content] == ["North Korea fired a missile on Sunday"]


def test_a_content_opening_with_the_datelines_dash_alone_starts_after_it():
    text = "Levy cut\n\nLUSAKA, March 4 (Reuters) - Zambia will cut its fuel levy, the minister said."
    lead = Attribution(content=[_at(text, "- Zambia will cut its fuel levy")])
    out = without_datelines(text, [lead])
    assert [text[s:e] for s, e in out[0].content] == ["Zambia will cut its fuel levy"]


def test_a_kicker_is_no_dateline_and_no_content_unless_it_holds_the_cue():
    from attrib.datelines import dateline_spans

    text = ("OZ’S BOSS THINKS HE’S FULL OF IT — The head of the studio spoke.\nRIO DE JANEIRO (Reuters) - x\n"
            "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Cohen: “The polls ended early.”")
    assert [text[s:e] for s, e in dateline_spans(text)] == ["RIO DE JANEIRO (Reuters)"]
    thinks = Attribution(content=[_at(text, "HE’S FULL OF IT — The head")], cue=[_at(text, "THINKS")])
    quote = Attribution(content=[_at(text, "JUST TOO EARLY"), _at(text, "“The polls ended early.”")], cue=[_at(text, ":")])
    out = without_datelines(text, [thinks, quote])
    assert out[0] == thinks
    assert [text[s:e] for s, e in out[1].content] == ["“The polls ended early.”"]


def test_a_dateline_with_an_accented_city_or_the_day_first_is_a_dateline():
    from attrib.datelines import dateline_spans

    # A Spanish wire's "3 jun", a French "12 mai 2024": the Reuters credit is the story's, no statement's channel.
    text = "BOGOTÁ, 3 jun (Reuters) - Petro spoke.\nSÃO PAULO, 12 mai 2024 (AFP) - Lula spoke."
    assert [text[s:e] for s, e in dateline_spans(text)] == ["BOGOTÁ, 3 jun (Reuters)", "SÃO PAULO, 12 mai 2024 (AFP)"]


def test_a_city_of_four_words_joined_by_a_particle_in_capitals_is_a_dateline():
    from attrib.datelines import dateline_spans

    # "DEL", "OF" go with the next word; a kicker of more words stays no dateline.
    text = ("SAN SEBASTIAN DEL RIO, El Salvador (AP) - Rebels spoke.\nPORT OF SPAIN, Trinidad (AP) - Police spoke.\n"
            "IOWA POLLS NOT NECESSARILY WRONG - Mark spoke.")
    assert [text[s:e] for s, e in dateline_spans(text)] == ["SAN SEBASTIAN DEL RIO, El Salvador (AP)",
                                                           "PORT OF SPAIN, Trinidad (AP)"]
