"""Web-page furniture is read as blank space (attrib.furniture)."""
from attrib.furniture import furniture_spans, reading_text

PAGE = ("Zambia to cut fuel levy\n\n"
        "Read more: Kwacha slides to record low\n"
        "PHOTO: Motorists queue at a filling station in Lusaka.\n"
        "Motorists queue at a filling station in Lusaka. (Reuters/Joe Banda)\n"
        "Getty/Instagram.\n"
        "Follow Pam Key on Twitter @pamkeyNEN.\n"
        "RELATED | Mines reopen\n"
        "The minister said prices would fall (slightly).\n"
        "Related stocks rose, traders said.\n"
        "Correction: An earlier version misstated the levy, the ministry said.\n")


def test_link_picture_credit_and_follow_lines_are_furniture_and_prose_is_not():
    assert [PAGE[s:e] for s, e in furniture_spans(PAGE)] == [
        "Read more: Kwacha slides to record low",
        "PHOTO: Motorists queue at a filling station in Lusaka.",
        "Motorists queue at a filling station in Lusaka. (Reuters/Joe Banda)",
        "Getty/Instagram.",
        "Follow Pam Key on Twitter @pamkeyNEN.",
        "RELATED | Mines reopen"]


def test_the_reading_text_blanks_furniture_one_space_a_character():
    read = reading_text(PAGE.replace("Zambia to", "Zambia\u00a0to"))
    assert len(read) == len(PAGE)
    assert read.startswith("Zambia to cut fuel levy\n\n" + " " * len("Read more: Kwacha slides to record low") + "\n")
    # Prose, including a correction notice (it restates what someone said), is read as written.
    assert read.endswith("Related stocks rose, traders said.\n"
                         "Correction: An earlier version misstated the levy, the ministry said.\n")


def test_bylines_under_the_headline_are_furniture_and_a_deck_naming_the_story_is_not():
    from attrib.furniture import byline_spans

    story = "\n\nMore than 900 bus drivers walked out on Monday, the union said, and talks will resume on Friday."
    for byline in ["By Ana Pereira", "Elin Bergvall/TT", "Ingvild Rasmussen Hole, NTB", "Staff Correspondent, Chattogram",
                   "Imran Ali Soomro | Published November 14, 2024", "Julie Vandenbroeck (with Belga)", "Sok Chanthy",
                   "Kristjan Oja, reporter", "Updated Feb. 12, 2025 6:41 pm ET"]:
        text = "Bus strike in Oslo\n\n" + byline + story
        assert [text[s:e] for s, e in byline_spans(text)] == [byline], byline
    for deck in ["Union, Drivers Clash Over Pay", "The union said talks would resume.", "Drivers Walk Out"]:
        text = "Bus strike in Oslo\n\n" + deck + story.replace("the union said", "the Drivers' union said")
        assert byline_spans(text) == [], deck
    # Below the story's first paragraph a short line is the story's own.
    assert byline_spans("Strike\n\n" + story.strip() + "\n\nSok Chanthy\n") == []


def test_a_caption_closed_or_opened_by_its_credit_is_furniture_and_a_sentence_about_a_photo_is_not():
    captions = ["The ferry at Granholmen jetty. Photo: Sigrid Ekvall/TT",
                "Residents queue for water in SS2, Petaling Jaya. — Picture by Syazwan Rosli",
                "Kestrel chief executive Goh Kian Seng speaking to reporters. ST PHOTO: LIM JIA HUI",
                "Farmers protesting in front of the District Secretariat yesterday (pic by Chaminda Herath)",
                "Returnees wait at the Islam Qala crossing. File photo.",
                "(AP Wirephoto via radio from Tokyo) FROZEN VIGIL—An infantryman peers from a foxhole."]
    prose = ["He held up the photo: it showed the minister at the dock.",
             "The ministry released a picture by its own photographer, officials said."]
    text = "\n".join(captions + prose)
    assert [text[s:e] for s, e in furniture_spans(text)] == captions


def test_a_byline_below_a_long_deck_in_capitals_or_named_again_in_a_credit_is_furniture():
    from attrib.furniture import byline_spans

    story = "\n\nMore than 900 bus drivers walked out in Madrid on Monday, the union said, and talks resume on Friday."
    deck = "The union is threatening a strike, the municipality demands talks with the state"
    for head in [deck + "\n\nLUCÍA MONTALVO ESCRIBANO Madrid", "Anil Ghising"]:
        text = "Bus strike\n\n" + head + story + "\n\nDrivers at the depot. Post Photo: Anil Ghising"
        assert [text[s:e] for s, e in byline_spans(text)] == [head.split("\n\n")[-1]], head
    # A first paragraph that closes its sentence still ends the search, however long its deck-like opening.
    text = "Bus strike\n\n" + deck + ".\n\nAnil Ghising" + story
    assert byline_spans(text) == []
