"""How chosen speakers are written (attrib.speaker_naming) and descriptions tied to names (attrib.speakers)."""
from dataclasses import replace

from attrib.schema import Article, Attribution
from attrib.speaker_naming import (apply_naming, campaign_name, conjoined_names, expand_acronyms, organisation_name,
                                   pollster_name, product_owner)
from attrib.speakers import described_name, name_mentions, resolve_speakers


def test_a_source_naming_several_people_names_them_all():
    text = ("Charles E. Grassley and Patrick J. Leahy wrote to the agency. Mr. Grassley and Mr. Leahy said it "
            "failed. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez agreed.")
    mentions = name_mentions(text)
    assert conjoined_names("Mr. Grassley and Mr. Leahy", mentions) == "Charles E. Grassley and Patrick J. Leahy"
    assert conjoined_names("Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez", mentions) == (
        "Jeff Merkley, Sherrod Brown and Robert Menendez")
    assert conjoined_names("the United States, Britain and France", mentions) == "United States, Britain and France"
    # A description before a name, "both", a trailing "all", a possessive and party tags around ", and".
    more = name_mentions("Hillary Clinton and Donald Trump debated. Bob Corker and Lindsey Graham wrote.")
    assert conjoined_names("Presidential candidates Hillary Clinton and Donald Trump", more) == "Hillary Clinton and Donald Trump"
    assert conjoined_names("both President Obama and Republican presidential nominee Donald Trump", more) == (
        "Obama and Donald Trump")
    assert conjoined_names("Obama and Clinton's", more) == "Obama and Hillary Clinton"
    assert conjoined_names("senator Bob Corker, R-Tenn., and Lindsey Graham, R-S.C.,", more) == "Bob Corker and Lindsey Graham"
    assert conjoined_names("Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all", mentions) == (
        "Jeff Merkley, Sherrod Brown and Robert Menendez")
    # Each one's role between commas, and a lower-case description before a name ("co-host Mika Brzezinski").
    assert conjoined_names("Nick Clegg, Meta's president of global affairs, and Jennifer Newstead, its chief legal "
                           "officer,", mentions) == "Nick Clegg and Jennifer Newstead"
    assert conjoined_names("Scarborough and co-host Mika Brzezinski", mentions) == "Scarborough and Mika Brzezinski"


def test_several_people_take_their_forms_from_the_body_not_the_headline():
    text = "Derelict Obama and Clinton Fail Vets.\n\nPresident Obama and Hillary Clinton spoke. Obama and Clinton said it."
    start = text.index("Obama and Clinton said")
    att = Attribution(content=[(start + 23, len(text) - 1)], source=[(start, start + 17)], cue=[(start + 18, start + 22)],
                      speaker="Hillary Clinton", source_type="named")
    out = apply_naming(Article(id="h", text=text, attributions=[att]))
    assert out.attributions[0].speaker == "Obama and Hillary Clinton"


def test_a_poll_speaks_for_its_pollster():
    text = ("New Poll Shows a Tie.\n\nThe latest Reuters/Ipsos opinion poll released Friday found a tie. "
            "A New York Times/CBS News poll had Clinton ahead. Most polls agree. The poll also found gloom.")
    assert pollster_name("The latest Reuters/Ipsos opinion poll released Friday", text, 23) == "Reuters/Ipsos"
    assert pollster_name("A New York Times/CBS News poll", text, 90) == "New York Times/CBS News"
    at = text.index("The poll also")
    assert pollster_name("The poll", text, at) == "New York Times/CBS News"  # the poll named last before it
    assert pollster_name("New Poll", text, 0) == "Reuters/Ipsos"  # a headline's poll: the first named after it
    assert pollster_name("Most polls", text, text.index("Most")) is None  # several polls have no one pollster
    assert pollster_name("Pat Caddell", text, 0) is None


def test_one_name_holding_and_is_not_a_list():
    mentions = name_mentions("The Securities and Exchange Commission sued.")
    assert conjoined_names("The Securities and Exchange Commission", mentions) is None
    assert conjoined_names("Central and East European Coalition", mentions) is None
    assert conjoined_names("Turkish Agriculture and Forestry Minister Selim Aydoğdu", mentions) is None
    assert conjoined_names("House Speaker Paul Ryan, R-Wis.,", mentions) is None  # a party tag is no second person
    assert conjoined_names("Paul Ryan", mentions) is None
    # An appositive is no list, nor is a name after a phrase ending in a preposition.
    assert conjoined_names("Senator Dianne Feinstein, Democrat of California,", mentions) is None
    assert conjoined_names("the president of the confederation Agricoltori Uniti, Giancarlo Ferri", mentions) is None
    assert conjoined_names("David Wasserman, House editor for the Cook Political Report and a pundit", mentions) is None
    assert conjoined_names("The Tax Policy Center at the Urban Institute and Brookings Institution", mentions) is None


def test_an_organisation_keeps_its_whole_name():
    assert organisation_name("the Roper Center for Public Opinion Research", "Roper Center") == (
        "Roper Center for Public Opinion Research")
    assert organisation_name("The Republican National Committee", "National Committee") == "Republican National Committee"
    assert organisation_name("The nonpartisan Commission on Presidential Debates", "Commission") == (
        "Commission on Presidential Debates")
    assert organisation_name("the Human Rights Council", None) == "Human Rights Council"  # the ranker said nobody
    # A title holding an organisation word is not the organisation; nor are members of one.
    assert organisation_name("House Speaker Paul Ryan", "Paul Ryan") is None
    assert organisation_name("Republicans in the Senate", None) is None
    assert organisation_name("The Roper Center", "Gallup") is None  # not the speaker's words
    assert organisation_name("Nadia Hassan of the Rafidain Rivers Coalition", "Nadia Hassan") is None
    assert organisation_name("Maggie Haberman in the New York Times today", "Maggie Haberman") is None
    assert organisation_name("National Organization for Women President Terry O'Neill", "Terry O'Neill") is None
    assert organisation_name("Both the Des Moines Register and the Quad-City Times", None).startswith("Des Moines")
    assert organisation_name("The United Nations Security Council on Friday", "United Nations Security Council") == (
        "United Nations Security Council")


def test_a_campaign_is_named_by_its_candidates_surname():
    assert campaign_name("The Clinton campaign") == "Clinton campaign"
    assert campaign_name("Donald J. Trump’s presidential campaign") == "Trump campaign"
    assert campaign_name("Clinton’s campaign manager Robby Mook") is None  # a person of the campaign
    assert campaign_name("the campaign") is None
    assert campaign_name("the Obama administration") == "Obama administration"
    assert campaign_name("Clinton’s team") == "Clinton campaign" and campaign_name("The Trump team") == "Trump campaign"
    assert campaign_name("Trump’s legal team") is None


def test_the_campaign_is_that_of_the_candidate_named_last():
    from attrib.speaker_naming import nearest_campaign

    text = ("The Clinton campaign and the Trump campaign both spent. Comey spoke. Trump argues the ad is fair. "
            "The campaign says it will air. Hillary Clinton plans a speech. The campaign says she will speak.")
    first, second = [i for i in range(len(text)) if text.startswith("The campaign", i)]
    assert nearest_campaign("The campaign", text, first) == "Trump campaign"  # Comey has no campaign
    assert nearest_campaign("The campaign", text, second) == "Clinton campaign"
    assert nearest_campaign("The ad", text, second) is None
    assert nearest_campaign("The campaign", "Comey spoke. The campaign said no.", 13) is None


def test_apply_naming_rewrites_only_what_the_conventions_cover():
    text = "The Clinton campaign said no. The Republican National Committee said yes. Tim Kaine said maybe."
    spans = [(text.index(s), text.index(s) + len(s)) for s in
             ("The Clinton campaign", "The Republican National Committee", "Tim Kaine")]
    atts = [Attribution(content=[(0, 1)], source=[s], speaker=sp, source_type=t)
            for s, sp, t in zip(spans, ["Hillary Clinton", "National Committee", "Tim Kaine"],
                                ["description", "named", "named"])]
    out = apply_naming(Article(id="a", text=text, attributions=atts))
    assert [a.speaker for a in out.attributions] == ["Clinton campaign", "Republican National Committee", "Tim Kaine"]


def test_a_description_takes_the_name_the_article_gives_it():
    text = ("Republican presidential nominee Donald Trump spoke first. Hillary Clinton, the Democratic nominee, "
            "answered. The U.S. Court of Appeals for the Sixth Circuit ruled. Later the Republican nominee said "
            "so, the Democratic nominee said no and the appeals court said nothing.")
    at = text.index("Later")
    assert described_name(text, at, "the Republican nominee") == "Donald Trump"
    assert described_name(text, at, "the Democratic nominee") == "Hillary Clinton"
    assert described_name(text, at, "the appeals court") == "U.S. Court of Appeals for the Sixth Circuit"
    assert described_name(text, at, "the Libertarian nominee") is None  # its words stand nowhere near a name
    assert described_name(text, 0, "the Republican nominee") is None  # only what came before
    # Abbreviated titles and party names read as their words.
    text = "Indiana Gov. Mike Pence and Vermont Sen. Bernie Sanders met. Later the Indiana governor said so."
    at = text.index("Later")
    assert described_name(text, at, "the Indiana governor") == "Mike Pence"
    assert described_name(text, at, "the Vermont senator") == "Bernie Sanders"
    assert described_name("Republican nominee Donald Trump spoke. The GOP nominee said so.", 35, "The GOP nominee") == (
        "Donald Trump")
    # A congressman is a representative, and a person's record ("four-term") need not stand by the name;
    # a thing's age still must ("The 10-year-old lawsuit" is no lawsuit named).
    text = "Rep. Blake Farenthold resigned. A lawsuit was filed in WASHINGTON. Later the four-term congressman said so."
    at = text.index("Later")
    assert described_name(text, at, "the four-term congressman") == "Blake Farenthold"
    assert described_name(text, at, "the Democratic congressman") is None
    assert described_name(text, at, "The 10-year-old lawsuit") is None
    # A title before an office's subject names the person after it, whose unknown given name stays.
    text = ("Minister of Mines and Energy Rodrigo Cavalcanti Tavares spoke. Leader of the Opposition Firoz Ahmed Qureshi "
            "spoke. Later the minister said so.")
    assert described_name(text, text.index("Later"), "The minister") == "Rodrigo Cavalcanti Tavares"
    assert ["Firoz", "Ahmed", "Qureshi"] in name_mentions(text)
    from attrib.speakers import source_name

    assert source_name("Leader of the Opposition Firoz Ahmed Qureshi") == ["Firoz", "Ahmed", "Qureshi"]
    assert source_name("A spokesman for the Jupiter Police Department") != ["Jupiter", "Police", "Department"]

    # An appositive's owner, or what the role is of, is not what the name is.
    text = ("Mariam Al Suwaidi, the authority's chief executive, spoke. Saeed Al Fahdi, chairman of the Al Waha Investment "
            "Authority, agreed. Later the authority said so, and the chief executive said more.")
    at = text.index("Later")
    assert described_name(text, at, "the authority") != "Mariam Al Suwaidi"
    assert described_name(text, at, "the authority") != "Saeed Al Fahdi"
    assert described_name(text, at, "the chief executive") == "Mariam Al Suwaidi"


def test_a_common_noun_before_a_clause_is_no_title():
    text = "They joined a network Russia has financed. That Mayor Bill de Blasio praised it. The network said no."
    at = text.index("The network")
    assert described_name(text, at, "The network") is None
    assert described_name(text, at, "the mayor") == "Bill de Blasio"


def test_title_case_headline_words_are_not_names():
    text = "Poll Shows Minor Bump For Clinton, the poll said\nThe poll shows a minor bump."
    assert described_name(text, len(text), "the poll") is None
def test_an_acronym_speaker_takes_the_articles_full_name():
    text = ("The International Monetary Fund warned on Monday. The Alliance to Reclaim Our Schools agreed. "
            "The IMF said growth would slow. AROS said so too. PENCE said no.")
    atts = [Attribution(content=[(0, 3)], speaker=s) for s in ("IMF", "AROS", "PENCE", None)]
    out = expand_acronyms(Article(id="a", text=text, attributions=atts))
    assert [a.speaker for a in out.attributions] == [
        "International Monetary Fund", "Alliance to Reclaim Our Schools", "PENCE", None]
    plain = Article(id="b", text="The IMF said growth would slow.", attributions=atts[:1])
    assert expand_acronyms(plain).attributions[0].speaker == "IMF"  # no full name in the article: kept


def test_an_acronym_finds_its_name_inside_a_run_of_capitals_with_small_words_or_hyphens():
    text = ("Republicans and the Black Lives Matter movement met. The Department of Justice and Hewlett-Packard "
            "agreed. BLM said no. The DOJ said yes. HP said maybe.")
    atts = [Attribution(content=[(0, 3)], speaker=s) for s in ("BLM", "DOJ", "HP")]
    out = expand_acronyms(Article(id="a", text=text, attributions=atts))
    assert [a.speaker for a in out.attributions] == ["Black Lives Matter", "Department of Justice", "Hewlett-Packard"]


def test_a_weekday_is_no_name():
    from attrib.speakers import name_mentions

    mentions = name_mentions("Following Wednesday, Omar Khaled spoke. Monday was quiet.")
    assert mentions == [["Omar", "Khaled"]]


def test_a_name_takes_its_fullest_form_unless_two_people_share_it():
    from attrib.speaker_naming import fullest_form

    mentions = name_mentions("Hillary Clinton spoke. Osama bin Laden was named. Loretta E. Lynch and Lynch agreed.")
    assert fullest_form("Clinton", mentions) == "Hillary Clinton"
    assert fullest_form("Bin Laden", mentions) == "Osama bin Laden"
    assert fullest_form("Loretta Lynch", mentions) == "Loretta E. Lynch"
    # An Arabic article is no part of the surname a later mention writes.
    arabic = name_mentions("Syrian President Bashar al-Assad said so.")
    assert fullest_form("Assad", arabic) == "Bashar al-Assad"
    # A name known by a middle word, in one name only; not a place inside an organisation's name.
    lula = name_mentions("Luiz Inacio Lula da Silva spoke at the National Institute for South China Sea Studies.")
    assert fullest_form("Lula", lula) == "Luiz Inacio Lula da Silva"
    assert fullest_form("China", lula) == "China"
    both = name_mentions("Hillary Clinton and Bill Clinton spoke.")
    assert fullest_form("Clinton", both) == "Clinton"  # two people: left as it was
    # A person known by their given name, when one full name opens with it; not an acronym or a medium.
    gulf = name_mentions("Sheikh Saeed bin Abdullah Al Fahdi, its chairman, spoke. Sheikh Saeed said so. "
                         "RT America aired it. Mohammed Ali and Mohammed Salah met.")
    assert fullest_form("Saeed", gulf) == "Saeed bin Abdullah Al Fahdi"
    assert fullest_form("RT", gulf) == "RT"
    assert fullest_form("Mohammed", gulf) == "Mohammed"  # two people open with it
    # A surname that opens a building's name is no given name (BASIL's "Trump himself" had become "Trump Tower").
    assert fullest_form("Trump", name_mentions("President Trump spoke. He met them at Trump Tower.")) == "Trump"
    # A lower-case particle of the name is no headline word glued on, though the article writes "bin" in lower case.
    qahtani = name_mentions("Abdulaziz bin Nasser Al Qahtani spoke. Al Qahtani added more.")
    assert fullest_form("Al Qahtani", qahtani, frozenset({"bin", "spoke"})) == "Abdulaziz bin Nasser Al Qahtani"
    assert fullest_form("Hillary Clinton", name_mentions("Christie Calls Hillary Clinton."),
                        frozenset({"calls"})) == "Hillary Clinton"  # a common word glued on is no form
    text = "Christie Calls Hillary Clinton A Liar\nHillary Clinton spoke. Clinton said no."
    art = Article(id="h", text=text, attributions=[Attribution(content=[(0, 1)], speaker="Clinton")])
    assert apply_naming(art).attributions[0].speaker == "Hillary Clinton"  # headline forms are not used


def test_they_after_several_people_is_those_people():
    text = ("Mr. Grassley and Mr. Leahy said the program failed. They added that it must end.\n\n"
            "Officials said it was fine. They said it works.")

    def att(content, source, nth, speaker, kind):
        c, s = text.index(content), [i for i in range(len(text)) if text.startswith(source, i)][nth]
        return Attribution(content=[(c, c + len(content))], source=[(s, s + len(source))], speaker=speaker, source_type=kind)

    atts = [att("the program failed", "Mr. Grassley and Mr. Leahy", 0, "Grassley and Leahy", "named"),
            att("that it must end", "They", 0, None, "pronoun"),
            att("it was fine", "Officials", 0, None, "vague"),
            att("it works", "They", 1, None, "pronoun")]
    out = apply_naming(Article(id="t", text=text, attributions=atts))
    # The second "they" follows someone else's words (unnamed officials): it stays unresolved.
    assert [a.speaker for a in out.attributions][1:] == ["Grassley and Leahy", None, None]
    # Their plural role is them too, where the ranker gave one of them.
    text = "Mr. Grassley and Mr. Leahy said the program failed. The senators said it was gerrymandering."
    atts = [att("the program failed", "Mr. Grassley and Mr. Leahy", 0, "Grassley and Leahy", "named"),
            att("it was gerrymandering", "The senators", 0, "Grassley", "description")]
    assert [a.speaker for a in apply_naming(Article(id="s", text=text, attributions=atts)).attributions] == [
        "Grassley and Leahy", "Grassley and Leahy"]


def test_an_organisation_takes_the_articles_fullest_name():
    from attrib.speaker_naming import fullest_organisation

    text = ("The Association of Flight Attendants said pay fell. The union said more. A web video by the Republican "
            "National Committee aired. The Committee for a Responsible Federal Budget reported costs. Betsy Sharp "
            "of Burke County spoke. Sharp said she was tired. NBC News said NBC would air it. The New York Times "
            "reported it. Flight attendants agreed.")
    common = frozenset(w.casefold() for w in text.split() if w.islower())
    assert fullest_organisation("Flight Attendants", text, common=common) == "Association of Flight Attendants"
    assert fullest_organisation("National Committee", text) == "Republican National Committee"
    assert fullest_organisation("Committee", text) == "Committee"  # two committees: which one is unclear
    assert fullest_organisation("Committee", text.replace("Republican National Committee", "RNC")) == (
        "Committee for a Responsible Federal Budget")
    assert fullest_organisation("Times", text) == "New York Times"
    assert fullest_organisation("NBC", text) == "NBC"  # a known outlet of its own
    assert fullest_organisation("Justice", "The Justice and Treasury Department spoke.") == "Justice"  # two names
    assert fullest_organisation("Betsy Sharp", text, common=common) == "Betsy Sharp"  # a person
    assert fullest_organisation("Sharp", text, surnames=frozenset({"sharp"})) == "Sharp"
    assert fullest_organisation("White House", "White House Press Secretary Josh Earnest spoke.",
                                surnames=frozenset({"earnest"})) == "White House"
    assert fullest_organisation("Syrian Observatory", "The Syrian Observatory for Human Rights said so.") == (
        "Syrian Observatory for Human Rights")
    # A group named for its cause has no organisation word ("Citizens for Tax Justice").
    assert fullest_organisation("Citizens", "Citizens for Tax Justice said so.") == "Citizens for Tax Justice"
    assert fullest_organisation("Doctors", "Doctors Without Borders said so.") == "Doctors Without Borders"
    # A company named by its trade, possessive or not: a word the article writes in lower case, or a known trade.
    coal = "Patriot Coal was founded. Patriot Coal's debts grew. Patriot agreed. The coal ran out."
    assert fullest_organisation("Patriot", coal, surnames=frozenset({"coal"}), common=frozenset({"coal", "the"})) == (
        "Patriot Coal")
    assert fullest_organisation("Patriot", coal, surnames=frozenset({"coal"})) == "Patriot Coal"
    games = "Patriot Games was filmed. Patriot agreed. The games ran out."
    assert fullest_organisation("Patriot", games, common=frozenset({"games", "the"})) == "Patriot Games"
    assert fullest_organisation("Patriot", games) == "Patriot"
    # The words after "of" are the name's own, however the article writes them elsewhere or names people with them.
    attendants = "The Association of Flight Attendants endorsed her. Flight attendants cheered. Sara Attendants spoke."
    assert fullest_organisation("Association", attendants, surnames=frozenset({"attendants"}),
                                common=frozenset({"flight", "attendants"})) == "Association of Flight Attendants"
    # A country, or a capital's country, is no body that bears its name.
    assert fullest_organisation("Iran", "The head of the Atomic Energy Organization of Iran spoke.") == "Iran"
    assert fullest_organisation("Florida", "The University of Florida said so.") == "Florida"


def test_the_agency_is_the_organisation_named_as_an_office_or_a_department():
    text = ("The Congressional Budget Office released its estimate on Monday. The agency said costs would rise.")
    at = text.index("The agency")
    assert described_name(text, at, "The agency") == "Congressional Budget Office"
    assert described_name(text, at, "the company") is None  # no corporation named


def test_the_two_named_before_a_pair_are_its_speakers():
    def span(text: str, words: str) -> list[list[int]]:
        i = text.index(words)
        return [[i, i + len(words)]]

    text = ("India and Pakistan will reopen the corridor in November, the two countries said.\n\n"
            "The laws came under President Richard Nixon and were carried out by Ronald Reagan. "
            "The two Republican presidents said little. Sure enough, the two men disagreed.")
    atts = [Attribution(content=span(text, "India and Pakistan will reopen the corridor in November"),
                        source=span(text, "the two countries")),
            Attribution(content=span(text, "little"), source=span(text, "The two Republican presidents")),
            Attribution(content=span(text, "disagreed"), source=span(text, "the two men"))]
    out = apply_naming(Article(id="t", text=text, attributions=atts)).attributions
    assert out[0].speaker == "India and Pakistan"
    assert out[1].speaker == "Richard Nixon and Ronald Reagan" and out[1].source_type == "description"
    # "Sure" opens a sentence: no person; the same two men are still the last two people named.
    assert out[2].speaker == "Richard Nixon and Ronald Reagan"


def test_a_transcript_label_is_written_as_a_name():
    text = ("Transcript:\n\nWALLACE: Will you debate?\n\nPENCE: Yes, we will.\n\nWALLACE: Thank you.\n\n"
            "NATO said it would meet.")

    def turn(label: str, words: str, nth: int = 0) -> Attribution:
        start = [i for i in range(len(text)) if text.startswith(label + ":", i)][nth]
        content = text.index(words)
        colon = start + len(label)
        return Attribution(content=[(content, content + len(words))], cue=[(colon, colon + 1)],
                           source=[(start, colon)], speaker=label, source_type="named")

    nato = text.index("NATO")
    atts = [turn("WALLACE", "Will you debate?"), turn("PENCE", "Yes, we will."), turn("WALLACE", "Thank you.", 1),
            Attribution(content=[(nato + 10, nato + 23)], source=[(nato, nato + 4)], speaker="NATO",
                        source_type="named")]
    out = apply_naming(Article(id="t", text=text, attributions=atts)).attributions
    # an acronym outside the turns keeps its capitals
    assert [a.speaker for a in out] == ["Wallace", "Pence", "Wallace", "NATO"]
    # A label with a title in capitals: its name is written as a name too.
    text = "Hearing:\n\nSENATOR PAULA WEXFORD: When?\n\nDALE KRIS: Monday.\n\nSENATOR PAULA WEXFORD: Why?"
    atts = [turn("SENATOR PAULA WEXFORD", "When?"), turn("DALE KRIS", "Monday."), turn("SENATOR PAULA WEXFORD", "Why?", 1)]
    atts = [replace(a, speaker=a.speaker.removeprefix("SENATOR ")) for a in atts]
    out = apply_naming(Article(id="w", text=text, attributions=atts)).attributions
    assert [a.speaker for a in out] == ["Paula Wexford", "Dale Kris", "Paula Wexford"]


def test_a_bare_surname_the_article_honours_one_way_never_grows_into_the_other_sex():
    from attrib.speaker_naming import fullest_form
    from attrib.speakers import canonical, honorific_sexes

    text = "Michelle Obama spoke first. Mr. Obama said the vote mattered. Obama added more. Mrs. Clinton agreed."
    sexes = honorific_sexes(text)
    assert dict(sexes) == {"obama": 1, "clinton": -1}
    mentions = name_mentions(text)
    assert canonical("Mr. Obama", mentions, sexes=sexes) == "Obama"
    assert fullest_form("Obama", mentions, sexes=sexes) == "Obama"
    # without the article's honorifics, the one full form was taken
    assert fullest_form("Obama", mentions) == "Michelle Obama"
    # a family written both ways ("Mr. Clinton", "Mrs. Clinton") says nothing
    assert "clinton" not in honorific_sexes("Mr. Clinton spoke. Mrs. Clinton spoke.")


def test_an_organisations_publication_speaks_for_it():
    assert product_owner("Federal Election Commission records compiled by the Center for Responsive Politics") \
        == "Federal Election Commission"
    assert product_owner("USA TODAY's super PAC tally") == "USA TODAY"
    assert product_owner("new Crowdpac research") == "Crowdpac"
    assert product_owner("recent data from comScore") == "comScore"
    assert product_owner("An analysis by Politifact of elections since 1972") == "Politifact"
    # No organisation named, or only a lead word capitalised: nobody.
    assert product_owner("the data") is None and product_owner("Early analysis") is None
    # A description's head before "of" and a compound that starts with a product noun ("data centre") is no owner.
    assert product_owner("Critics of rapid data centre expansion across the Gulf") is None
    assert product_owner("The Department of Labor data") == "Department of Labor"


def test_the_paper_is_the_newspaper_named_before_it():
    text = ("The reformist daily Shargh wrote that the government should act. The New York Times reported on "
            "Monday that the deal was done. The paper said it was final.")
    assert described_name(text, text.index("The paper"), "The paper") == "New York Times"
    assert described_name(text, text.index("The New York"), "the paper") == "Shargh"
    study = "A paper by economists at the Brookings Institution found costs. The paper said costs rose."
    assert described_name(study, study.index("The paper"), "The paper") is None  # a study, no newspaper named


def test_his_or_her_campaign_is_the_campaign_of_the_last_person_of_that_sex_named():
    from attrib.speaker_naming import pronoun_campaign

    text = ("Hillary Clinton pulled a Donald Trump on Thursday, phoning networks as her campaign sought calm. "
            "Bernie Sanders raised $33 million, his campaign announced. Here are ways his team hopes to win.")
    at = text.index("her campaign")
    assert pronoun_campaign("her campaign", text, at) == "Clinton campaign"  # not the man named since
    assert pronoun_campaign("his campaign", text, text.index("his campaign")) == "Sanders campaign"
    assert pronoun_campaign("his team", text, text.index("his team")) == "Sanders campaign"  # not "Here"
    assert pronoun_campaign("their campaign", text, len(text)) is None
    assert pronoun_campaign("his campaign manager", text, len(text)) is None  # a person of the campaign


def test_a_campaigns_ad_or_document_is_the_campaigns_word():
    from attrib.speaker_naming import campaign_product

    text = "A new ad from Donald Trump’s presidential campaign is seizing on the remarks."
    src = _span_of(text, "A new ad from Donald Trump’s presidential campaign")
    att = Attribution(content=_span_of(text, "the remarks"), source=src, source_type="vague")
    out = apply_naming(Article(id="c", text=text, attributions=[att])).attributions[0]
    assert (out.speaker, out.source_type) == ("Trump campaign", "description")  # resolved, so not anonymous
    assert campaign_product("A document on the Trump campaign's website") == "Trump campaign"
    assert campaign_product("A spokeswoman for the Clinton campaign") is None  # a person of it, unnamed


def _span_of(text: str, part: str) -> list[tuple[int, int]]:
    start = text.index(part)
    return [(start, start + len(part))]


def test_the_ad_is_the_ad_an_earlier_source_introduced():
    text = ("A new ad from Donald Trump’s presidential campaign is seizing on the remarks.\n\n"
            "The ad uses footage of Hillary Clinton speaking.\n\nThe video shows a rally.")
    atts = [Attribution(content=_span_of(text, "the remarks"), source=_span_of(text, "A new ad from Donald Trump’s presidential campaign"),
                        source_type="vague"),
            Attribution(content=_span_of(text, "Hillary Clinton speaking"), source=_span_of(text, "The ad"),
                        speaker="Donald Trump", source_type="description"),
            Attribution(content=_span_of(text, "a rally"), source=_span_of(text, "The video"), source_type="description")]
    out = apply_naming(Article(id="ad", text=text, attributions=atts)).attributions
    # The ranker's candidate the ad quotes gives way to the ad's owner; a video no source introduced stays as it was.
    assert [a.speaker for a in out] == ["Trump campaign", "Trump campaign", None]


def test_it_right_after_an_organisations_statement_is_that_organisation():
    text = ("The Tampa Bay Times endorsed Clinton.\n\nIn its editorial it attacked Trump.\n\n"
            "Donald Trump spoke. It was cold.\n\nA.\n\nB.\n\nIt said more.")
    atts = [Attribution(content=_span_of(text, "Clinton"), source=_span_of(text, "The Tampa Bay Times"),
                        speaker="Tampa Bay Times", source_type="named"),
            Attribution(content=_span_of(text, "Trump."), source=_span_of(text, "it"), source_type="pronoun"),
            Attribution(content=_span_of(text, "more"), source=[(text.index("It said"), text.index("It said") + 2)],
                        source_type="pronoun")]
    out = apply_naming(Article(id="it", text=text, attributions=atts)).attributions
    # The next paragraph's "it" is the paper; one three paragraphs on is left unresolved.
    assert [a.speaker for a in out] == ["Tampa Bay Times", "Tampa Bay Times", None]


def test_a_title_alone_or_a_bodys_title_word_is_no_clipped_name():
    text = ("Prime Minister Narendra Modi spoke in Varanasi. \"They want to take it away,\" the Prime Minister said.\n\n"
            "In Kyiv, the General Staff said on Telegram that 47 assaults were repelled. The People's Daily said in a "
            "commentary that the facts were clear.")
    atts = [Attribution(content=_span_of(text, "They want to take it away"), source=_span_of(text, "the Prime Minister"),
                        source_type="description"),
            Attribution(content=_span_of(text, "47 assaults were repelled"), source=_span_of(text, "the General Staff"),
                        speaker="Staff", source_type="named"),
            Attribution(content=_span_of(text, "the facts were clear"), source=_span_of(text, "The People's Daily"),
                        speaker="Daily", source_type="named")]
    # "Prime" is no one's name: the office-holder the article names.
    assert resolve_speakers(Article(id="t", text=text, attributions=atts[:1])).attributions[0].speaker == "Narendra Modi"
    # A body whose name opens with a title word or a collective owner keeps it.
    out = apply_naming(Article(id="t", text=text, attributions=atts[1:])).attributions
    assert [a.speaker for a in out] == ["General Staff", "People's Daily"]


def test_a_described_paper_is_named_without_the_sentences_opening_words():
    text = "According to the Daily Sabah, a package is ready. The newspaper said it would come soon."
    assert described_name(text, text.index("The newspaper"), "The newspaper") == "Daily Sabah"


def test_the_statement_is_its_issuer_named_just_before():
    text = ("Hamas said in a statement on Telegram that Israel was stalling. The statement accused Netanyahu of sabotage.\n\n"
            "\"It is nonsense,\" said Thomas Reese, one of the organizers of the letter.\n\nThe letter quotes the bishops.")
    atts = [Attribution(content=_span_of(text, "Israel was stalling"), source=_span_of(text, "Hamas"), cue=_span_of(text, "said"),
                        speaker="Hamas", source_type="named"),
            Attribution(content=_span_of(text, "Netanyahu of sabotage"), source=_span_of(text, "The statement"),
                        cue=_span_of(text, "accused"), source_type="description"),
            Attribution(content=_span_of(text, '"It is nonsense,"'), source=_span_of(text, "Thomas Reese"),
                        cue=[(text.index("said Thomas"), text.index("said Thomas") + 4)],
                        speaker="Thomas Reese", source_type="named"),
            Attribution(content=_span_of(text, "the bishops"), source=_span_of(text, "The letter"), cue=_span_of(text, "quotes"),
                        source_type="description")]
    out = apply_naming(Article(id="d", text=text, attributions=atts)).attributions
    # Hamas issued the statement; an organizer "of the letter" issued none the text introduced.
    assert [a.speaker for a in out] == ["Hamas", "Hamas", "Thomas Reese", None]


def test_he_opening_the_sentence_after_a_named_speaker_is_that_speaker():
    text = ("Kenji Hayashi said the budget was fine. Opposition leader Takeshi Noda criticized the plan. He said his "
            "party would fight. Noda left. Then he said more.")
    atts = [Attribution(content=_span_of(text, "the budget was fine"), source=_span_of(text, "Kenji Hayashi"),
                        speaker="Kenji Hayashi", source_type="named"),
            Attribution(content=_span_of(text, "the plan"), source=_span_of(text, "Opposition leader Takeshi Noda"),
                        speaker="Takeshi Noda", source_type="named"),
            Attribution(content=_span_of(text, "party would fight"), source=_span_of(text, "He"), speaker="Kenji Hayashi",
                        source_type="pronoun"),
            Attribution(content=_span_of(text, "more"), source=[(text.index("he said more"), text.index("he said more") + 2)],
                        speaker="Kenji Hayashi", source_type="pronoun")]
    out = apply_naming(Article(id="h", text=text, attributions=atts)).attributions
    # The sentence's first word after Noda's statement; "he" inside a later sentence is left to the ranker.
    assert [a.speaker for a in out] == ["Kenji Hayashi", "Takeshi Noda", "Takeshi Noda", "Kenji Hayashi"]


def test_an_organisation_named_by_its_kind_is_the_one_just_quoted():
    text = ("The World Health Organization raised its risk level. The agency said 57 people died.\n\n"
            "Russia's defence ministry said drones fell. The ministry also claimed a village.\n\n"
            "Peabody said costs rose. The union said no.")
    atts = [Attribution(content=_span_of(text, "its risk level"), source=_span_of(text, "The World Health Organization"),
                        speaker="World Health Organization", source_type="named"),
            Attribution(content=_span_of(text, "57 people died"), source=_span_of(text, "The agency"), source_type="description"),
            Attribution(content=_span_of(text, "drones fell"), source=_span_of(text, "Russia's defence ministry"),
                        speaker="Russia's defence ministry", source_type="description"),
            Attribution(content=_span_of(text, "a village"), source=_span_of(text, "The ministry"), source_type="description"),
            Attribution(content=_span_of(text, "costs rose"), source=_span_of(text, "Peabody"), speaker="Peabody",
                        source_type="named"),
            Attribution(content=_span_of(text, "no"), source=_span_of(text, "The union"), source_type="description")]
    out = apply_naming(Article(id="k", text=text, attributions=atts)).attributions
    # A company with no word of organisations is no union.
    assert [a.speaker for a in out] == ["World Health Organization", "World Health Organization",
                                        "Russia's defence ministry", "Russia's defence ministry", "Peabody", None]


def test_an_organisations_possessive_and_an_opening_article_are_no_part_of_its_name():
    assert organisation_name("the Republican Party’s", "Party") == "Republican Party"
    text = "A Government Accountability Office report found flaws. The agency suggested an end."
    assert described_name(text, text.index("The agency"), "The agency") == "Government Accountability Office"


def test_a_shared_surname_with_an_honorific_is_the_person_of_that_sex():
    text = ("Hillary Clinton and Bill Clinton arrived. Mrs. Clinton said she would win. Mr. Clinton said he agreed. "
            "Clinton left.")
    atts = [Attribution(content=_span_of(text, "she would win"), source=_span_of(text, "Mrs. Clinton"), speaker="Clinton",
                        source_type="named"),
            Attribution(content=_span_of(text, "he agreed"), source=_span_of(text, "Mr. Clinton"), speaker="Clinton",
                        source_type="named"),
            Attribution(content=_span_of(text, "left"), source=[(text.rindex("Clinton"), len(text) - 6)], speaker="Clinton",
                        source_type="named")]
    out = apply_naming(Article(id="c", text=text, attributions=atts)).attributions
    # The article honours the surname both ways; a bare surname stays ambiguous.
    assert [a.speaker for a in out] == ["Hillary Clinton", "Bill Clinton", "Clinton"]


def test_a_company_named_by_its_first_word_and_its_trade_takes_the_whole_name():
    from attrib.speaker_naming import fullest_organisation

    text = "Peabody Energy filed for bankruptcy. Peabody said its value rose."
    assert fullest_organisation("Peabody", text) == "Peabody Energy"


def test_an_outlets_person_is_no_organisation():
    from attrib.speaker_naming import organisation_name

    assert organisation_name("Al Jazeera's Hind Khalil, reporting from Khan Younis,", "Hind Khalil") is None
    assert organisation_name("Iran's Supreme Council of Cyberspace", None) == "Supreme Council of Cyberspace"


def test_a_team_its_name_follows_is_that_team_not_a_campaign():
    assert campaign_name("Medina’s team, Sierra-Iberia,") == "Sierra-Iberia"
    assert campaign_name("Clinton’s team") == "Clinton campaign"


def test_a_person_of_an_organisation_is_no_part_of_its_name():
    from attrib.speaker_naming import _organisations

    text = "Rep. Park Ji-hoon of the Democratic Unity Party spoke. The Bank of Korea agreed."
    names = [" ".join(n) for n, _ in _organisations(text)]
    assert "Democratic Unity Party" in names and not any("Park" in n for n in names)
    assert "Bank of Korea" in names


def test_officials_of_a_body_are_no_part_of_its_name():
    from attrib.speaker_naming import _organisations, organisation_name

    text = "Officials in the Revenue Department said the figures were final."
    assert "Revenue Department" in [" ".join(n) for n, _ in _organisations(text)]
    assert organisation_name("Officials in the Revenue Department", "Revenue Department") == "Revenue Department"


def test_two_bodies_speaking_together_lose_the_seconds_article():
    assert organisation_name("the Korea Webtoon Creators Union and the Digital Illustrators' Solidarity", None) == (
        "Korea Webtoon Creators Union and Digital Illustrators' Solidarity")


def test_two_bodies_named_before_their_pair_are_its_speakers():
    text = ("Water cuts in Sino district were caused by Obi Shahr LLC and Sino Servis, officials said. In a joint "
            "statement, the two companies blamed old pumps. Rustam Saidov, a tenant, met Firuz Nazarov. "
            "The two companies said nothing more.")
    atts = [Attribution(content=_span_of(text, "old pumps"), source=_span_of(text, "the two companies")),
            Attribution(content=_span_of(text, "nothing more"), source=_span_of(text, "The two companies"))]
    out = apply_naming(Article(id="t", text=text, attributions=atts)).attributions
    assert out[0].speaker == "Obi Shahr LLC and Sino Servis" and out[0].source_type == "description"
    # Two names the text does not join by "and" (two people here) are no pair of companies: it stays unresolved.
    assert out[1].speaker is None
