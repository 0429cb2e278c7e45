"""Nationalities that name one person, and the words that introduce someone of one (attrib.nationalities)."""
from attrib.nationalities import demonym_ending, introduction_pattern
from attrib.schema import Article, Attribution
from attrib.speakers import _core_name, resolve_speakers

from .conftest import char_span


def test_a_nationality_closes_a_mention_in_one_word_or_two():
    assert demonym_ending(["the", "Swede"]) == "Swede"
    assert demonym_ending(["The", "Costa", "Rican"]) == "Costa Rican"
    assert demonym_ending(["the", "24-year-old", "Kenyan"]) == "Kenyan"
    assert demonym_ending(["the", "minister"]) is None


def test_an_introduction_is_the_adjective_or_where_someone_comes_from_not_a_place_talked_about():
    assert introduction_pattern("Frenchman").search("Jean-Luc Marchetti, a French envoy who met them")
    assert introduction_pattern("Nigerien").search("a tanker driver from Niger Republic")
    assert introduction_pattern("Uruguayan").search("a Montevideo-based economist")
    assert not introduction_pattern("Swede").search("no plans for site closures in Sweden or Germany")
    assert not introduction_pattern("Dane").search("the talks in Denmark")
    assert introduction_pattern("Dane").search("a Danish fisherman") and not introduction_pattern("Dane").search("Danishes")


def test_a_nationality_or_a_base_before_a_name_is_no_part_of_it_but_stays_in_bodies_names():
    assert _core_name("Canadian Maëlle Gagnon") == ["Maëlle", "Gagnon"]
    assert _core_name("Frenchman Julien Morvan") == ["Julien", "Morvan"]
    assert _core_name("Bucharest-based Lumen Sud") == ["Lumen", "Sud"]
    assert _core_name("Ukrainian Air Force") == ["Ukrainian", "Air", "Force"]
    assert _core_name("American Community Survey") == ["American", "Community", "Survey"]


def test_a_nationality_is_the_person_introduced_with_it_not_the_last_one_named():
    text = ("Talks Stall\n\nDiplomats are watching. Jean-Luc Marchetti, a French envoy, met the leaders. Walid Chedid, an "
            "independent, said talks had stalled. The Frenchman declined to say more.\n\nA Chadian trader, Mahamat Ali "
            "Djibrine, told Sudan Tribune by phone that people were fleeing. \"There are children,\" the Chadian said.")
    atts = [Attribution(content=[char_span(text, "declined to say more")], source=[char_span(text, "The Frenchman")]),
            Attribution(content=[char_span(text, "There are children")], source=[char_span(text, "the Chadian")])]
    out = resolve_speakers(Article(id="x", text=text, attributions=atts)).attributions
    # The name nearest its introduction, not the outlet after it ("told Sudan Tribune").
    assert [a.speaker for a in out] == ["Jean-Luc Marchetti", "Mahamat Ali Djibrine"]


def test_a_role_described_by_nationality_is_the_person_introduced_with_it_or_nobody():
    from attrib.nationalities import nationality_of_role
    from attrib.speakers import PERSON_TITLES

    assert nationality_of_role(["the", "Norwegian", "envoy"], PERSON_TITLES) == "Norwegian"
    assert nationality_of_role(["the", "French", "foreign", "minister"], PERSON_TITLES) == "Frenchman"
    assert nationality_of_role(["the", "Russian", "side"], PERSON_TITLES) is None  # no person's role
    text = ("Grant Signed\n\nThe deal was signed by His Excellency Erik Solbakken, the Norwegian ambassador. Zaid Khreisat "
            "spoke next. The Norwegian envoy said it was a partnership. The Swedish envoy said nothing new.")
    atts = [Attribution(content=[char_span(text, "it was a partnership")], source=[char_span(text, "The Norwegian envoy")]),
            Attribution(content=[char_span(text, "nothing new")], source=[char_span(text, "The Swedish envoy")])]
    out = resolve_speakers(Article(id="x", text=text, attributions=atts)).attributions
    # No Swede was introduced: the nearest person is no answer for a role.
    assert [a.speaker for a in out] == ["Erik Solbakken", None]
