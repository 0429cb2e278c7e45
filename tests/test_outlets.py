"""Outlet naming and assignment (the rules on top of the outlet tagger's mentions)."""
from __future__ import annotations

from dataclasses import replace

from attrib.metrics import same_outlet
from attrib.outlets import Inheritance, assign_outlets, candidate_features, canonical_outlet, outlet_candidates
from attrib.text import normalise_name, sentence_bounds
from attrib.schema import Article, Attribution

from .conftest import model_with_part


def test_canonical_names():
    text = "Iran's state-run Young Journalists Club (YJC) said. Later YJC added."
    assert canonical_outlet("Iran's state-run Young Journalists Club (YJC)") == "Young Journalists Club (YJC)"
    assert canonical_outlet("YJC", text) == "Young Journalists Club (YJC)"
    assert canonical_outlet("Etemad daily") == "Etemad"
    assert canonical_outlet("the Tasnim news agency") == "Tasnim"
    assert canonical_outlet("NBC's Meet the Press") == "NBC's Meet the Press"
    assert canonical_outlet("The Washington Post") == "The Washington Post"
    assert canonical_outlet("The Washington Post's") == "The Washington Post"  # before its reporter's name
    assert canonical_outlet("CNN’s") == "CNN"
    assert canonical_outlet("Anadolu Agency") == "Anadolu Agency"
    assert canonical_outlet("tweeted") == "Twitter"
    assert canonical_outlet("A USA TODAY") == "USA TODAY"  # a sentence-initial article is not the name
    assert same_outlet(canonical_outlet("the state-run Anadolu Agency"), "Anadolu Agency")
    # A capitalised descriptor is the name's own word.
    assert canonical_outlet("the Daily Caller") == "Daily Caller" and canonical_outlet("Daily Kos") == "Daily Kos"
    assert canonical_outlet("State-run IRNA") == "IRNA"
    # "The" went with the generic words the name dropped ("The Tasnim news agency"), not with a masthead.
    text = "The Tasnim news agency reported it. The Hill newspaper agreed."
    assert canonical_outlet("The Tasnim", text) == "Tasnim" and canonical_outlet("The Hill", text) == "The Hill"
    assert canonical_outlet("The reformist Etemad daily") == "Etemad"
    # Who runs or backs it, and generic words in lower case before the name, go; a lower-case name stays.
    assert canonical_outlet("The Houthi-run Saba news agency") == "Saba" and canonical_outlet("Kremlin-backed RT") == "RT"
    assert canonical_outlet("The state news agency Noticias del Plata (NDP)") == "Noticias del Plata (NDP)"
    assert canonical_outlet("the dpa news agency") == "dpa"


def test_canonical_names_use_the_article():
    text = ("The New York Times reported it first. Later the Times said more. CNN's Jake Tapper asked; "
            "Tapper pressed on. On MSNBC's \u201cMorning Joe\u201d Joe Scarborough agreed.")
    assert canonical_outlet("the Times", text) == "The New York Times"  # a masthead's short form
    assert canonical_outlet("the Times") == "Times"  # nothing to complete it from
    assert canonical_outlet("CNN's Jake Tapper", text) == "CNN"  # a journalist, named alone later
    assert canonical_outlet("NBC's Dante Chinni", "x", frozenset({"dante chinni"})) == "NBC"  # a speaker
    assert canonical_outlet("MSNBC's \u201cMorning Joe\u201d", text) == "MSNBC's Morning Joe"  # a programme
    assert canonical_outlet("Cameron Easley for Morning Consult") == "Morning Consult"
    assert canonical_outlet("Bill O'Reilly of Fox News") == "Fox News"
    assert canonical_outlet("Voice of America") == "Voice of America"
    # a setting before the name, a day after it, a web address's ending
    assert canonical_outlet("During the Politico") == "Politico"
    assert canonical_outlet("The New York Times Tuesday") == "The New York Times"
    assert canonical_outlet("MSNBC's Morning Joe Monday") == "MSNBC's Morning Joe"
    assert canonical_outlet("Fox News Sunday") == "Fox News Sunday"  # a programme's own day stays
    assert canonical_outlet("YouTube.com") == "YouTube"
    assert canonical_outlet("In These Times") == "In These Times"  # no article after the preposition: a name
    # a journalist after a network of several words
    assert canonical_outlet("HuffPost Live's Alyona Minkovski", "Minkovski asked.") == "HuffPost Live"


def test_candidates_take_quoted_programmes_and_skip_first_person():
    text = "\u201cI've said it,\u201d Sanders said on MSNBC\u2019s \u201cMorning Joe\u201d on Monday."
    att = Attribution(content=_span(text, "\u201cI've said it,\u201d"), cue=_span(text, "said on"),
                      source=_span(text, "Sanders"))
    found = {text[s:e] for s, e in outlet_candidates(Article(id="a", text=text, attributions=[att]))}
    assert "MSNBC\u2019s \u201cMorning Joe" in found and "I've" not in found
    # a quoted programme title keeps its small words ("This Week with George Stephanopoulos")
    text = 'Christie said on ABC\'s "This Week with George Stephanopoulos." He was firm.'
    att = Attribution(content=_span(text, "He was firm"), cue=_span(text, "said on"), source=_span(text, "Christie"))
    found = {text[s:e] for s, e in outlet_candidates(Article(id="b", text=text, attributions=[att]))}
    assert 'ABC\'s "This Week with George Stephanopoulos' in found
    assert canonical_outlet('ABC\'s "This Week with George Stephanopoulos."') == "ABC's This Week with George Stephanopoulos"


def test_a_lower_case_wire_is_a_sure_candidate_and_speaks_for_itself():
    from attrib.outlets import sure_outlet

    text = "Farmers blocked the roads near Lyon, dpa reported. The dpad files stayed shut, a trader said."
    atts = [Attribution(content=_span(text, "Farmers blocked the roads near Lyon"), cue=_span(text, "reported"),
                        source=_span(text, "dpa")),
            Attribution(content=_span(text, "The dpad files stayed shut"), cue=_span(text, "said"),
                        source=_span(text, "a trader"))]
    art = Article(id="a", text=text, attributions=atts)
    found = outlet_candidates(art)
    wires = [c for c in found if text[c[0]:c[1]].casefold().startswith("dpa")]
    assert [text[s:e] for s, e in wires] == ["dpa"] and sure_outlet(text, wires[0])  # not inside "dpad"
    out = assign_outlets(art, wires).attributions
    assert out[0].outlet == "dpa" and out[0].speaker == "dpa" and out[0].outlet_span == [list(wires[0])]
    assert out[1].outlet is None


def test_candidates_drop_an_opening_preposition_and_join_no_break_spaces():
    text = ("On The Steve Harvey Morning Show on Tuesday, Clinton criticized the officer. "
            "Christie said it on The Laura Ingraham\xa0Show. A Bloomberg poll showed a tie.")
    atts = [Attribution(content=_span(text, "the officer"), cue=_span(text, "criticized"), source=_span(text, "Clinton")),
            Attribution(content=_span(text, "it"), cue=_span(text, "said"), source=_span(text, "Christie")),
            Attribution(content=_span(text, "a tie"), cue=_span(text, "showed"), source=_span(text, "A Bloomberg poll"))]
    found = {text[s:e] for s, e in outlet_candidates(Article(id="a", text=text, attributions=atts))}
    assert {"The Steve Harvey Morning Show", "The Laura Ingraham\xa0Show", "Bloomberg"} <= found
    assert not any(f.startswith(("On ", "A ")) for f in found) and "Show" not in found


def _span(text: str, s: str, nth: int = 0) -> list[list[int]]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return [[i, i + len(s)]]


def _turn(text: str, content: str, cue: str, nth_cue: int, source: str, nth_source: int, kind: str = "indirect",
          speaker: str = "Kazem Jalali") -> Attribution:
    """An attribution by the nth occurrences of its cue and source (Jalali's by default), for inheritance tests."""
    return Attribution(content=_span(text, content), cue=_span(text, cue, nth_cue), source=_span(text, source, nth_source),
                       speaker=speaker, kind=kind)


def test_assignment_nearest_mention_inheritance_and_content_mentions():
    text = ('"We will sign," Jalali told Sputnik. "It is historic," Jalali added. '
            'Jalali said that CNN was wrong. Officials told reporters the talks went well.')
    atts = [
        Attribution(content=_span(text, '"We will sign,"'), cue=_span(text, "told"), source=_span(text, "Jalali"),
                    speaker="Kazem Jalali", kind="direct"),
        Attribution(content=_span(text, '"It is historic,"'), cue=_span(text, "added"), source=_span(text, "Jalali", 1),
                    speaker="Kazem Jalali", kind="direct"),
        Attribution(content=_span(text, "CNN was wrong"), cue=_span(text, "said"), source=_span(text, "Jalali", 2),
                    speaker="Kazem Jalali", kind="indirect"),
        Attribution(content=_span(text, "the talks went well"), cue=_span(text, "told reporters"),
                    source=_span(text, "Officials"), kind="indirect"),
    ]
    mentions = [tuple(_span(text, "Sputnik")[0]), tuple(_span(text, "CNN")[0])]
    out = assign_outlets(Article(id="a", text=text, attributions=atts), mentions)
    got = [(a.outlet, a.outlet_span) for a in out.attributions]
    assert got[0] == ("Sputnik", _span(text, "Sputnik"))
    assert got[1] == ("Sputnik", [])  # a later quote from the same interview inherits, without a span
    # CNN is what was said, not the channel; the speaker still has the floor, so the interview's outlet holds.
    assert got[2] == ("Sputnik", [])
    assert got[3] == (None, [])  # "told reporters" is no outlet
    assert all("outlet" in a.labelled for a in out.attributions)


def test_outlet_as_source_takes_the_speaker_name():
    text = "The Post has learned that the deal is off."
    att = Attribution(content=_span(text, "the deal is off"), cue=_span(text, "has learned"), source=_span(text, "The Post"),
                      speaker="The New York Post")
    out = assign_outlets(Article(id="a", text=text, attributions=[att]), [tuple(_span(text, "The Post")[0])])
    assert out.attributions[0].outlet == "The New York Post"


def test_candidates_are_names_and_platform_verbs_in_attribution_sentences():
    text = ("Iran's state-run Young Journalists Club (YJC) quoted Jalali as saying talks went well. "
            "The weather in Moscow was cold. Trump tweeted that he won.")
    atts = [Attribution(content=_span(text, "talks went well"), cue=_span(text, "quoted"), source=_span(text, "Jalali")),
            Attribution(content=_span(text, "he won"), cue=_span(text, "tweeted"), source=_span(text, "Trump"))]
    art = Article(id="a", text=text, attributions=atts)
    names = [text[s:e] for s, e in outlet_candidates(art)]
    assert "Young Journalists Club (YJC)" in names and "tweeted" in names and "Jalali" in names
    assert "Moscow" not in names  # its sentence holds no attribution
    feats = candidate_features(art, outlet_candidates(art))
    by_name = dict(zip(names, feats.tolist()))
    assert by_name["Jalali"][0] == 1.0 and by_name["tweeted"][:5] == [0.0, 1.0, 0.0, 1.0, 1.0]
    assert by_name["Young Journalists Club (YJC)"][4] == 1.0 and by_name["Jalali"][4] == 0.0
    text = "Throughout its 45-year standoff with the United States, Tehran told CBS's 60 Minutes it would wait."
    att = Attribution(content=_span(text, "it would wait"), cue=_span(text, "told"), source=_span(text, "Tehran"))
    names = [text[s:e] for s, e in outlet_candidates(Article(id="b", text=text, attributions=[att]))]
    assert "United States" not in names and "45-year" not in names and "Tehran" not in names  # places, numbers
    assert "CBS's 60 Minutes" in names
    from attrib.modeling.configuration_outlet import SPAN_FEATURES

    assert by_name["Young Journalists Club (YJC)"][SPAN_FEATURES.index("next=quoted")] == 1.0
    assert by_name["Jalali"][SPAN_FEATURES.index("prev=quoted")] == 1.0 and sum(by_name["Jalali"][5:]) == 1.0
    assert len(sentence_bounds("He said so. She did not! Then “Yes.” Done")) == 4


def test_a_title_or_a_middle_initial_ends_no_sentence():
    text = "He left. Mr. Obama told Sen. Ted Cruz and John D. Podesta to go. In the U.S. Senate it passed."
    assert [text[s:e] for s, e in sentence_bounds(text)] == [
        "He left.", "Mr. Obama told Sen. Ted Cruz and John D. Podesta to go.", "In the U.S. Senate it passed."]
    text = "On Sept. 26 the debate began. Apple Inc. CEO Tim Cook spoke."
    assert len(sentence_bounds(text)) == 2
    # Plural titles too ("Netanyahu told Sens. Dick Durbin … that he regrets": one sentence, Netanyahu's).
    text = "Netanyahu told Sens. Dick Durbin and Dianne Feinstein that he regrets it. Reps. Ann Lee and Tom Bo agreed."
    assert len(sentence_bounds(text)) == 2


def test_train_outlet_learns_labelled_outlets_and_the_pipeline_uses_it(trained_tiny, tmp_path):
    from attrib.pipeline import Attributor
    from attrib.train_outlet import train_outlet

    outlets = ["Reuters", "Tass", "Interfax", "Xinhua"]
    people = ["Putin", "Lavrov", "Peskov", "Shoigu"]
    arts = []
    for i in range(16):
        o, p = outlets[i % 4], people[(i // 4) % 4]
        text = f"{p} told {o} that the talks went well. Moscow is cold."
        att = Attribution(content=_span(text, "the talks went well"), cue=_span(text, "told"), source=_span(text, p),
                          speaker=p, outlet=o, outlet_span=_span(text, o))
        arts.append(Article(id=f"a{i}", text=text, attributions=[att]))
    metrics = train_outlet(arts, arts, trained_tiny, tmp_path / "outlet", epochs=40, learning_rate=5e-3, batch_size=8,
                           patience=40, progress=False)
    assert metrics["train_outlets"] == 16 and metrics["eval_outlet_f1"] >= 0.9, metrics  # source names are the negatives
    model_dir = model_with_part(trained_tiny, tmp_path / "outlet", "outlet", tmp_path / "model")
    attributor = Attributor.from_pretrained(model_dir)
    assert attributor.outlet is not None
    out = attributor(arts[0].text)
    assert all("outlet" in a.labelled for a in out.attributions)


def test_inheritance_stops_when_someone_else_speaks_or_paragraphs_later():
    from attrib.outlets import Inheritance

    text = ('"We will sign," Jalali told Sputnik.\n\nJalali said the deal was near.\n\nAraghchi said talks went on.\n\n'
            'Jalali said the deal was good.\n\nA.\n\nB.\n\nC.\n\nD.\n\n"It is done," Jalali said.')

    def att(*where, **labels):
        return _turn(text, *where, **labels)

    atts = [att('"We will sign,"', "told", 0, "Jalali", 0, "direct"), att("the deal was near", "said", 0, "Jalali", 1),
            att("talks went on", "said", 1, "Araghchi", 0, speaker="Abbas Araghchi"),
            att("the deal was good", "said", 2, "Jalali", 2), att('"It is done,"', "said", 3, "Jalali", 3, "direct")]
    mentions = [tuple(_span(text, "Sputnik")[0])]
    article = Article(id="a", text=text, attributions=atts)
    near = Inheritance(from_lead=False, interview_share=2.0)  # distance and turns alone
    got = [a.outlet for a in assign_outlets(article, mentions, near).attributions]
    # Jalali keeps the floor in the next paragraph; after Araghchi speaks, his outlet is no longer assumed.
    assert got == ["Sputnik", "Sputnik", None, None, None]
    # The article opens with Jalali's Sputnik interview (a lead paragraph of one line): all he says is from it,
    # however far on, but not what Araghchi says.
    assert [a.outlet for a in assign_outlets(article, mentions).attributions] == [
        "Sputnik", "Sputnik", None, "Sputnik", "Sputnik"]
    # Reaching further lets the last quotation (six paragraphs on) inherit across Araghchi's turn, not the paraphrase.
    far = Inheritance(paragraphs=9, quote_paragraphs=9, quotes_survive_interruption=True, from_lead=False,
                      interview_share=2.0)
    assert [a.outlet for a in assign_outlets(article, mentions, far).attributions] == [
        "Sputnik", "Sputnik", None, None, "Sputnik"]
    assert [a.outlet for a in assign_outlets(article, mentions, None).attributions] == ["Sputnik"] + [None] * 4


def test_a_generic_channel_stops_inheritance():
    text = ('"We will sign," Mohajerani told Sputnik. Mohajerani told the media that the visit "is historic."')
    atts = [
        Attribution(content=_span(text, '"We will sign,"'), cue=_span(text, "told"), source=_span(text, "Mohajerani"),
                    speaker="Fatemeh Mohajerani", kind="direct"),
        Attribution(content=_span(text, 'the visit "is historic."'), cue=_span(text, "told", 1),
                    source=_span(text, "Mohajerani", 1), speaker="Fatemeh Mohajerani", kind="mixed"),
    ]
    out = assign_outlets(Article(id="a", text=text, attributions=atts), [tuple(_span(text, "Sputnik")[0])])
    assert [a.outlet for a in out.attributions] == ["Sputnik", None]
    from attrib.outlets import GENERIC_CHANNEL

    for channel in ("During a national security speech earlier in the day", "In his speech earlier Wednesday",
                    "He told an invited crowd", "at a hastily arranged news conference", "told a group of reporters",
                    "said during a rally in Kenansville", "Later, in a video, Esko added", "said in an open letter"):
        assert GENERIC_CHANNEL.search(channel), channel
    for channel in ("told CNN", "in an interview with Fox News", "said in a tweet", "at the NBC forum"):
        assert not GENERIC_CHANNEL.search(channel), channel


def test_outlet_aliases_are_unified_across_a_batch():
    from attrib.outlets import unify_outlet_names

    def art(i: int, outlet: str) -> Article:
        return Article(id=f"a{i}", text="x said y.", attributions=[Attribution(content=[(8, 9)], outlet=outlet)])

    out = unify_outlet_names([art(0, "YJC"), art(1, "Young Journalists Club (YJC)"), art(2, "Tass"), art(3, "Young Journalists Club")])
    assert [a.attributions[0].outlet for a in out] == ["Young Journalists Club (YJC)", "Young Journalists Club (YJC)",
                                                       "Tass", "Young Journalists Club (YJC)"]


def test_an_outlet_as_the_unnamed_source_becomes_the_speaker():
    text = "The reformist Etemad daily reported that the bill would pass."
    att = Attribution(content=_span(text, "the bill would pass"), cue=_span(text, "reported"),
                      source=_span(text, "The reformist Etemad daily"), speaker=None, kind="indirect")
    out = assign_outlets(Article(id="a", text=text, attributions=[att]), [tuple(_span(text, "Etemad daily")[0])])
    assert (out.attributions[0].speaker, out.attributions[0].outlet) == ("Etemad", "Etemad")
    # A source the outlet opens is the outlet, whatever person the ranker named ("The Tasnim news agency,
    # affiliated with the Revolutionary Guards," had become Sergei Lavrov); the outlet's own long name stays.
    named = replace(att, speaker="Kazem Jalali", source=_span(text, "The reformist Etemad daily"))
    out = assign_outlets(Article(id="a", text=text, attributions=[named]), [tuple(_span(text, "Etemad daily")[0])])
    assert (out.attributions[0].speaker, out.attributions[0].outlet) == ("Etemad", "Etemad")
    text = "Yonhap news agency said launches were possible."
    yonhap = Attribution(content=_span(text, "launches were possible"), cue=_span(text, "said"),
                         source=_span(text, "Yonhap news agency"), speaker="Yonhap news agency")
    out = assign_outlets(Article(id="y", text=text, attributions=[yonhap]), [tuple(_span(text, "Yonhap news agency")[0])])
    assert (out.attributions[0].speaker, out.attributions[0].outlet) == ("Yonhap", "Yonhap")
    text = "RT reported that the bill would pass. Russia Today is funded by the state."
    rt = Attribution(content=_span(text, "the bill would pass"), cue=_span(text, "reported"), source=_span(text, "RT"),
                     speaker="Russia Today")
    out = assign_outlets(Article(id="r", text=text, attributions=[rt]), [tuple(_span(text, "RT")[0])])
    assert out.attributions[0].speaker == "Russia Today"
    # A person the source names after the outlet ("one Twitter user @nycsouthpaw") keeps the ranker's name.
    text = "One Twitter user @nycsouthpaw wrote that it was absurd."
    user = Attribution(content=_span(text, "it was absurd"), cue=_span(text, "wrote"),
                       source=_span(text, "One Twitter user @nycsouthpaw"), speaker="@nycsouthpaw")
    out = assign_outlets(Article(id="u", text=text, attributions=[user]), [tuple(_span(text, "Twitter")[0])])
    assert out.attributions[0].speaker == "@nycsouthpaw"


def test_an_outlet_reporting_in_its_own_name_is_its_own_outlet():
    text = "PolitiFact rated the claim false. He said it was true."
    rated = Attribution(content=_span(text, "the claim false"), cue=_span(text, "rated"), source=_span(text, "PolitiFact"),
                        speaker="PolitiFact", kind="indirect")
    he = Attribution(content=_span(text, "it was true"), cue=_span(text, "said"), source=_span(text, "He"),
                     speaker="PolitiFact", kind="indirect")
    out = assign_outlets(Article(id="a", text=text, attributions=[rated, he]), [], inherit=None)
    assert (out.attributions[0].outlet, out.attributions[0].outlet_span) == ("PolitiFact", _span(text, "PolitiFact"))
    assert out.attributions[1].outlet is None  # "he" does not name the outlet
    text2 = text.replace("PolitiFact", "Acme Research")
    unknown = Attribution(content=_span(text2, "the claim false"), cue=_span(text2, "rated"),
                          source=_span(text2, "Acme Research"), speaker="Acme Research", kind="indirect")
    assert assign_outlets(Article(id="b", text=text2, attributions=[unknown]), []).attributions[0].outlet is None
    # A medium no table holds, named so by its own words, is its own outlet too; a product of one ("The network")
    # only when the table knows it.
    text3 = text.replace("PolitiFact", "Christian News Service")
    press = Attribution(content=_span(text3, "the claim false"), cue=_span(text3, "rated"),
                        source=_span(text3, "Christian News Service"), speaker="Christian News Service")
    assert assign_outlets(Article(id="c", text=text3, attributions=[press]), []).attributions[0].outlet == (
        "Christian News Service")
    text4 = "The network rated the claim false."
    product = Attribution(content=_span(text4, "the claim false"), cue=_span(text4, "rated"),
                          source=_span(text4, "The network"), speaker="Dish Network")
    assert assign_outlets(Article(id="d", text=text4, attributions=[product]), []).attributions[0].outlet is None



def test_a_masthead_word_and_its_short_form_make_a_speaker_its_own_outlet():
    text = "A strike was called, the Sheffield Star reported. A suit was filed, The Dispatch reported."
    star = Attribution(content=_span(text, "A strike was called"), cue=_span(text, "reported"),
                       source=_span(text, "the Sheffield Star"), speaker="Sheffield Star")
    short = Attribution(content=_span(text, "A suit was filed"), cue=[(text.rindex("reported"), len(text) - 1)],
                        source=_span(text, "The Dispatch"), speaker="Columbus Dispatch")
    out = assign_outlets(Article(id="m", text=text, attributions=[star, short]), [], inherit=None)
    assert [a.outlet for a in out.attributions] == ["Sheffield Star", "Columbus Dispatch"]
    text = "Talks will resume, NAN reported."  # a known outlet by its initials alone
    nan = Attribution(content=_span(text, "Talks will resume"), cue=_span(text, "reported"), source=_span(text, "NAN"),
                      speaker="News Agency of Nigeria")
    assert assign_outlets(Article(id="i", text=text, attributions=[nan]), [], inherit=None).attributions[0].outlet == (
        "News Agency of Nigeria")
    text = "Supporters cheered, Lone Ranger reported."  # a name with no masthead word stays no outlet
    other = Attribution(content=_span(text, "Supporters cheered"), cue=_span(text, "reported"),
                        source=_span(text, "Lone Ranger"), speaker="Lone Ranger")
    out = assign_outlets(Article(id="n", text=text, attributions=[other]), [], inherit=None)
    assert out.attributions[0].outlet is None

def test_unnamed_sources_after_an_outlets_own_report_are_its_story():
    from attrib.outlets import Inheritance

    text = "The New York Post reports that she was ill.\n\nSources said she left early.\n\nA.\n\nB.\n\nC.\n\nOfficials said it was fine."
    report = Attribution(content=_span(text, "she was ill"), cue=_span(text, "reports"), source=_span(text, "The New York Post"),
                         speaker="The New York Post", kind="indirect")
    sources = Attribution(content=_span(text, "she left early"), cue=_span(text, "said"), source=_span(text, "Sources"),
                          kind="indirect")
    officials = Attribution(content=_span(text, "it was fine"), cue=_span(text, "said", 1), source=_span(text, "Officials"),
                            kind="indirect")
    article = Article(id="a", text=text, attributions=[report, sources, officials])
    mentions = [tuple(_span(text, "The New York Post")[0])]
    near = Inheritance(from_lead=False)  # the opening line alone would give the officials the Post too
    assert [a.outlet for a in assign_outlets(article, mentions, near).attributions] == [
        "The New York Post", "The New York Post", None]  # the officials are four paragraphs on
    assert [a.outlet for a in assign_outlets(article, mentions).attributions] == ["The New York Post"] * 3
    never = Inheritance(unnamed_after_report=-1, from_lead=False)
    assert [a.outlet for a in assign_outlets(article, mentions, never).attributions] == ["The New York Post", None, None]
    # The people a story reports on are not its voice: "many voters say" right after it keeps no outlet.
    voters = text.replace("Sources said", "Many voters said")
    article = Article(id="b", text=voters, attributions=[
        replace(report, content=_span(voters, "she was ill")),
        replace(sources, content=_span(voters, "she left early"), source=_span(voters, "Many voters"))])
    assert [a.outlet for a in assign_outlets(article, mentions, near).attributions] == ["The New York Post", None]


def test_an_outlet_in_the_headline_frames_the_story():
    from attrib.outlets import lead_mention

    text = ("Pence on Fox News Sunday: Trump was mocking.\n\nMike Pence said on Sunday the tweet was a joke. "
            "Officials said the debate would go on.\n\nPence said he would watch.\n\nClinton said nothing.")
    mentions = [tuple(_span(text, "Fox News Sunday")[0])]
    atts = [Attribution(content=_span(text, c), source=_span(text, s) if s else [], speaker=sp)
            for c, s, sp in (("the tweet was a joke", "Mike Pence", "Mike Pence"), ("the debate would go on", "Officials", None),
                             ("he would watch", "Pence", "Mike Pence"), ("nothing", "Clinton", "Hillary Clinton"))]
    atts[0] = replace(atts[0], cue=_span(text, "said on Sunday"))
    article = Article(id="a", text=text, attributions=atts)
    assert lead_mention(text, mentions) == mentions[0]
    got = [a.outlet for a in assign_outlets(article, mentions).attributions]
    assert got[1:] == ["Fox News Sunday", "Fox News Sunday", None]  # unnamed and Pence's own, not Clinton's
    # A wire's own story ("WASHINGTON (Reuters) -") quotes its unnamed sources itself.
    credit = "WASHINGTON (Reuters) - "
    wire = text.replace("Mike Pence said", credit + "Mike Pence said")
    shift = len(credit)
    moved = [replace(a, content=[(s + shift, e + shift) for s, e in a.content],
                     source=[(s + shift, e + shift) for s, e in a.source], cue=[(s + shift, e + shift) for s, e in a.cue])
             for a in atts]
    got = [a.outlet for a in assign_outlets(Article(id="w", text=wire, attributions=moved), mentions).attributions]
    assert wire[moved[1].source[0][0]:moved[1].source[0][1]] == "Officials" and got[1:] == [None, "Fox News Sunday", None]
    # Other polls are not the story's own.
    polls = text.replace("Officials said", "Polling averages said")
    unnamed = Attribution(content=_span(polls, "the debate would go on"), source=_span(polls, "Polling averages"))
    article = Article(id="p", text=polls, attributions=[unnamed])
    assert assign_outlets(article, [tuple(_span(polls, "Fox News Sunday")[0])]).attributions[0].outlet is None
    # No opening line set off by a blank line (the seed's layout): nothing frames the story.
    flat = replace(article, text=text.replace("\n\n", "\n"))
    assert lead_mention(flat.text, mentions) is None
    # An outlet that is a party in the headline frames nothing.
    party = "Judge rejects New York Times request to unseal file.\n\nThe judge said voters had no need of it."
    assert lead_mention(party, [tuple(_span(party, "New York Times")[0])]) is None
    # Nor one a speaker told something in the lead sentence: that is one interview, not the story's frame.
    told = "Gas deal near.\n\nIran expects gas soon, an official said, while an executive told Sputnik that talks go on."
    assert lead_mention(told, [tuple(_span(told, "Sputnik")[0])]) is None
    reported = told.replace("an executive told Sputnik", "Sputnik reported")
    assert lead_mention(reported, [tuple(_span(reported, "Sputnik")[0])]) == tuple(_span(reported, "Sputnik")[0])
    # Only a medium frames the story: a headline name taken for an outlet that no medium's word or table vouches for
    # ("Ground Zero Mosque") frames nothing.
    for name, framed in (("Fox News Sunday", "Fox News Sunday"), ("Ground Zero Mosque", None)):
        text = f"{name} Draws Crowds\n\nOfficials said the debate would go on."
        unnamed = Attribution(content=_span(text, "the debate would go on"), source=_span(text, "Officials"))
        article = Article(id="g", text=text, attributions=[unnamed])
        assert assign_outlets(article, [tuple(_span(text, name)[0])]).attributions[0].outlet == framed


def test_implausible_outlets_are_dropped():
    from attrib.outlets import plausible_outlet

    people = frozenset(normalise_name(n) for n in ("John Stumpf", "Elizabeth Warren", "The 411", "The New York Post"))
    assert not plausible_outlet("Stumpf", people)  # a speaker's surname
    assert not plausible_outlet("Labor Day", people) and not plausible_outlet("At Monday’s", people)
    assert not plausible_outlet("Media", people) and not plausible_outlet("", people)
    assert plausible_outlet("Fox News Sunday", people)  # a day in a programme's name
    assert plausible_outlet("The 411", people)  # an unknown outlet that is also a speaker
    assert plausible_outlet("Post", people)  # "The Post", the last word of an outlet, not of a person
    for name in ("Dems", "The GOP", "Democrat of New York", "New York Sen", "Brooklyn-based", "Spanish-speaking", "40",
                 "N.Y", "CLARIFICATION", "WASHINGTON (Reuters)", "John Weaver", "African-Americans", "Mrs", "Sens",
                 "E-mails"):
        assert not plausible_outlet(name, people), name
    for name in ("New York Post", "C-SPAN", "60 Minutes", "Democracy Now", "Daily Kos"):
        assert plausible_outlet(name, people), name
    # A participle opening a sentence is no channel where the article writes it in lower case too; a masthead is.
    story = "Asked by a farmer whether she agreed, Calloway said yes. She had asked about it. Wired reported it."
    assert not plausible_outlet("Asked", people, story) and plausible_outlet("Wired", people, story)
    text = "Warren told Stumpf he should resign.\nStumpf said nothing."
    att = Attribution(content=_span(text, "he should resign"), cue=_span(text, "told"), source=_span(text, "Warren"),
                      speaker="Elizabeth Warren")
    stumpf = Attribution(content=_span(text, "nothing"), source=_span(text, "Stumpf", 1), speaker="John Stumpf")
    out = assign_outlets(Article(id="a", text=text, attributions=[att, stumpf]), [tuple(_span(text, "Stumpf")[0])])
    assert out.attributions[0].outlet is None
    # A known outlet's name that is a speaker's surname is that person ("Bloomberg" of Michael Bloomberg).
    assert not plausible_outlet("Bloomberg", frozenset({"michael bloomberg"}))
    # The surname of anyone the article names with a given name ("Pelosi told Reid" of Harry Reid).
    assert not plausible_outlet("Reid", frozenset(), "Harry Reid spoke. Pelosi told Reid no.")
    assert plausible_outlet("Reid", frozenset(), "Pelosi told Reid no.")
    for name in ("SECRET", "The 225-page", "President Juan Manuel Santos of Colombia", "Iranian"):
        assert not plausible_outlet(name, frozenset()), name
    assert plausible_outlet("Bloomberg", frozenset({"john stumpf"}))


def test_an_article_that_is_one_speakers_interview_gives_them_its_outlet():
    from attrib.outlets import Inheritance

    text = ("Talks went on. Norman Ham told Trending Today USA the army was tired.\nA.\nB.\nC.\nHam said pay was low.\n"
            "Lee said nothing.\nHam said morale fell.\nHam told reporters he would vote.")

    def att(content, cue, nth, source, nth_source, speaker):
        return Attribution(content=_span(text, content), cue=_span(text, cue, nth), source=_span(text, source, nth_source),
                           speaker=speaker)

    atts = [att("the army was tired", "told", 0, "Norman Ham", 0, "Norman Ham"),
            att("pay was low", "said", 0, "Ham", 1, "Norman Ham"), att("nothing", "said", 1, "Lee", 0, "Lee"),
            att("morale fell", "said", 2, "Ham", 2, "Norman Ham"), att("he would vote", "told", 1, "Ham", 3, "Norman Ham")]
    article = Article(id="a", text=text, attributions=atts)
    mentions = [tuple(_span(text, "Trending Today USA")[0])]
    got = [a.outlet for a in assign_outlets(article, mentions).attributions]
    # Ham holds four of five statements and one outlet: all his, far or after Lee, except "told reporters".
    assert got == ["Trending Today USA", "Trending Today USA", None, "Trending Today USA", None]
    assert [a.outlet for a in assign_outlets(article, mentions, Inheritance(interview_share=2.0)).attributions] == [
        "Trending Today USA", None, None, None, None]
    # An outlet named as its own article is what the speaker talks about, not an interview they gave.
    cited = text.replace("Norman Ham told Trending Today USA the army", "Norman Ham cited a Trending Today USA report: the army")
    article = Article(id="b", text=cited, attributions=[replace(a, content=_span(cited, cited[a.content[0][0]:a.content[0][1]]),
                                                                cue=[], source=[]) for a in atts])
    got = [a.outlet for a in assign_outlets(article, [tuple(_span(cited, "Trending Today USA")[0])]).attributions]
    assert got[0] == "Trending Today USA" and got[1:] == [None, None, None, None]
    # A post is short: it is not an interview the rest of the article quotes.
    posted = text.replace("told Trending Today USA", "wrote on Facebook")
    article = Article(id="c", text=posted, attributions=[replace(a, content=_span(posted, text[a.content[0][0]:a.content[0][1]]),
                                                                 cue=[], source=[]) for a in atts])
    got = [a.outlet for a in assign_outlets(article, [tuple(_span(posted, "Facebook")[0])]).attributions]
    assert got == ["Facebook", None, None, None, None]


def test_an_interview_named_as_such_gives_its_outlet_to_the_speakers_later_statements():
    from attrib.outlets import Inheritance

    text = ("Bob said the base was calm.\nIt was dark.\nIn a long interview with reporters from The Washington Post, Bob gave details.\n"
            "Lee said nothing.\nKim said little.\nBob said the team was ready.\nAli said no.\nMax said yes.\nSue said so.\n"
            "Bob said he stayed.")

    def att(content, source, nth):
        return Attribution(content=_span(text, content), cue=[], source=_span(text, source, nth), speaker=source)

    atts = [att("the base was calm", "Bob", 0), att("details", "Bob", 1), att("nothing", "Lee", 0),
            att("little", "Kim", 0), att("the team was ready", "Bob", 2), att("no", "Ali", 0), att("yes", "Max", 0), att("so", "Sue", 0),
            att("he stayed", "Bob", 3)]
    article = Article(id="a", text=text, attributions=atts)
    mentions = [tuple(_span(text, "The Washington Post")[0])]
    post = "The Washington Post"
    # Bob holds four of nine statements (under half): the interview frame gives his later ones the Post,
    # across others' turns, but not the one before the paragraph that names the interview.
    got = [a.outlet for a in assign_outlets(article, mentions, Inheritance(from_lead=False)).attributions]
    assert got == [None, post, None, None, post, None, None, None, post]
    unframed = Inheritance(from_lead=False, framed_interview_share=2.0)
    assert [a.outlet for a in assign_outlets(article, mentions, unframed).attributions] == [
        None, post, None, None, None, None, None, None, None]


def test_a_call_with_analysts_is_a_generic_channel():
    from attrib.outlets import GENERIC_CHANNEL

    for channel in ("Raman told analysts on a conference call", "she said on the company's earnings call",
                    "he told investors"):
        assert GENERIC_CHANNEL.search(channel), channel


def test_words_the_speaker_wrote_after_a_post_keep_its_platform():
    from attrib.outlets import Inheritance

    text = ("In a Facebook message, Cruz said he would vote for Trump.\n\n\"I have decided,\" Cruz wrote.\n\n"
            "\"It was hard,\" Cruz said.")

    def att(content, cue, nth=0):
        return Attribution(content=_span(text, content), cue=_span(text, cue, nth), source=[], speaker="Ted Cruz",
                           kind="direct")

    atts = [att("he would vote for Trump", "said"), att("\"I have decided,\"", "wrote"), att("\"It was hard,\"", "said", 1)]
    article = Article(id="a", text=text, attributions=atts)
    alone = Inheritance(from_lead=False, interview_share=2.0)
    got = [a.outlet for a in assign_outlets(article, [tuple(_span(text, "Facebook")[0])], alone).attributions]
    # The post "wrote" is the post's; a later "said" is not.
    assert got == ["Facebook", "Facebook", None]


def test_a_position_held_in_the_perfect_inherits_no_interview():
    from attrib.outlets import standing_position

    text = ("Norman Ham told Trending Today USA the army was tired.\nHam said pay was low.\n"
            "Ham has long argued that bases should close.\nHam had called the plan a disgrace.\nHam said morale fell.")

    def att(content, cue, nth):
        return Attribution(content=_span(text, content), cue=_span(text, cue, nth), source=[], speaker="Norman Ham")

    atts = [att("the army was tired", "told", 0), att("pay was low", "said", 0), att("that bases should close", "argued", 0),
            att("the plan a disgrace", "had called", 0), att("morale fell", "said", 1)]
    assert [standing_position(text, a) for a in atts] == [False, False, True, True, False]
    article = Article(id="a", text=text, attributions=atts)
    got = [a.outlet for a in assign_outlets(article, [tuple(_span(text, "Trending Today USA")[0])]).attributions]
    assert got == ["Trending Today USA", "Trending Today USA", None, None, "Trending Today USA"]


def test_a_statement_sourced_in_the_next_paragraph_takes_the_outlet_named_there():
    from attrib.outlets import Inheritance

    alone = Inheritance(from_lead=False, interview_share=2.0)  # no lead or interview frame: this rule alone

    def outlets(first: str, between: str = "", inherit: Inheritance = alone, kind: str = "indirect") -> list:
        text = f"{first}\n\n{between}Johnson tells MSNBC's Morning Joe on Friday that the inquiry goes on."
        atts = [Attribution(content=_span(text, "hackers are busy"), cue=_span(text, "said" if "said" in first else "says"),
                            source=_span(text, "Jeh Johnson"), speaker="Jeh Johnson", kind=kind),
                Attribution(content=_span(text, "the inquiry goes on"), cue=_span(text, "tells"),
                            source=_span(text, "Johnson", 1), speaker="Jeh Johnson")]
        article = Article(id="a", text=text, attributions=atts)
        return [a.outlet for a in assign_outlets(article, [tuple(_span(text, "MSNBC's Morning Joe")[0])], inherit).attributions]

    assert outlets("Jeh Johnson says hackers are busy.") == ["MSNBC's Morning Joe"] * 2
    assert outlets("Jeh Johnson says hackers are busy.", inherit=replace(alone, announced_after=False)) == [
        None, "MSNBC's Morning Joe"]
    # An occasion of its own, a paragraph between, a position held: not the later interview's.
    assert outlets("Jeh Johnson says in a telephone interview hackers are busy.")[0] is None
    assert outlets("Jeh Johnson says hackers are busy, as he told a weekly news conference.")[0] is None
    assert outlets("Jeh Johnson says hackers are busy.", "Other news.\n\n")[0] is None
    assert outlets("Jeh Johnson has long said hackers are busy.")[0] is None
    # A quotation is words said somewhere, most often not where the next paragraph's were ("'Plan C? Are you sure?'
    # the Italian replied" over the team radio, then "Ferrante told Sky Sports F1").
    assert outlets('"hackers are busy," Jeh Johnson says.', kind="direct")[0] is None


def test_an_outlet_named_after_most_of_a_speakers_statements_is_no_interview_frame():
    text = ("Ham said pay was low.\nHam said food was bad.\nHam said morale fell.\nA.\nB.\nC.\nD.\n"
            "At the time, Ham told Trending Today USA the army was tired.\nHam said he would vote.")
    contents = ["pay was low", "food was bad", "morale fell", "the army was tired", "he would vote"]
    atts = [Attribution(content=_span(text, c), cue=[], source=[], speaker="Norman Ham") for c in contents]
    got = [a.outlet for a in assign_outlets(Article(id="late", text=text, attributions=atts),
                                            [tuple(_span(text, "Trending Today USA")[0])]).attributions]
    assert got == [None, None, None, "Trending Today USA", "Trending Today USA"]
    # Named in the opening instead, the same outlet is the interview all his statements come from.
    early = text.replace("A.\nB.\nC.\nD.\n", "")
    atts = [Attribution(content=_span(early, c), cue=[], source=[], speaker="Norman Ham") for c in contents]
    got = [a.outlet for a in assign_outlets(Article(id="early", text=early, attributions=atts),
                                            [tuple(_span(early, "Trending Today USA")[0])]).attributions]
    assert got == ["Trending Today USA"] * 5


def test_an_outlets_event_carries_everyone_who_speaks_there():
    from attrib.outlets import Inheritance

    text = ("Obama answered a mother.\n\nDuring a CNN town hall, Tina Houchins asked about her son.\n\n"
            "Obama said the words mattered.\n\nObama added that labels hurt.\n\nA.\n\nB.\n\nC.\n\nD.\n\n"
            "Trump said Obama was weak.\n\nObama said he meant Trump.")

    def att(content, cue, nth, source, nth_source, speaker):
        return Attribution(content=_span(text, content), cue=_span(text, cue, nth), source=_span(text, source, nth_source),
                           speaker=speaker)

    atts = [att("a mother", "answered", 0, "Obama", 0, "Barack Obama"),
            att("about her son", "asked", 0, "Tina Houchins", 0, "Tina Houchins"),
            att("the words mattered", "said", 0, "Obama", 1, "Barack Obama"),
            att("that labels hurt", "added", 0, "Obama", 2, "Barack Obama"),
            att("Obama was weak", "said", 1, "Trump", 0, "Donald Trump"),
            att("he meant Trump", "said", 2, "Obama", 4, "Barack Obama")]
    article = Article(id="e", text=text, attributions=atts)
    mentions = [tuple(_span(text, "CNN")[0])]
    got = [a.outlet for a in assign_outlets(article, mentions).attributions]
    # Everyone speaking in the paragraphs the town hall opens, from there on; not before it, nor Trump,
    # who only speaks later.
    assert got == [None, "CNN", "CNN", "CNN", None, "CNN"]
    assert [a.outlet for a in assign_outlets(article, mentions, Inheritance(event_paragraphs=0)).attributions] == [
        None, "CNN", None, None, None, None]
    # A programme one guest appears on is no gathering: it carries only that guest.
    text = ("Shultz, appearing on the CBS News program \"Face the Nation,\" said talks would go on.\n\n"
            "A Soviet spokesman, Gennadi Gerasimov, said the position was unrealistic.\n\nShultz said more.")
    atts = [Attribution(content=_span(text, "talks would go on"), cue=_span(text, "said"), source=_span(text, "Shultz"),
                        speaker="George P. Shultz"),
            Attribution(content=_span(text, "the position was unrealistic"), cue=_span(text, "said", 1),
                        source=_span(text, "A Soviet spokesman, Gennadi Gerasimov,"), speaker="Gennadi Gerasimov")]
    got = assign_outlets(Article(id="p", text=text, attributions=atts), [tuple(_span(text, "CBS News")[0])])
    assert [a.outlet for a in got.attributions] == ["CBS News", None]


def test_an_organisations_acronym_is_no_outlet():
    from attrib.outlets import non_media_acronym, plausible_outlet

    text = ("The International Monetary Fund (IMF) cut its forecast. The IMF said growth slowed. "
            "The Islamic Republic News Agency (IRNA) reported it. Young Journalists Club (YJC) said so.")
    assert non_media_acronym("The IMF", text) and not plausible_outlet("The IMF", frozenset(), text)
    assert not non_media_acronym("IRNA", text)  # spelled out with a medium's word
    assert not non_media_acronym("YJC", text)
    assert not non_media_acronym("The ABC", text)  # not spelled out here: left to the classifier
    assert plausible_outlet("IRNA", frozenset(), text)


def test_a_programme_in_an_interview_frame_or_a_staged_event_is_an_outlet():
    from attrib.outlets import outlet_in_frame, staged_event

    def frame(text, name):
        start = text.index(name)
        return outlet_in_frame(text, (start, start + len(name)))

    assert frame("In an interview with Trending Today USA with Rusty Humphries, Ham said.", "Trending Today USA")
    assert frame("On Tuesday’s episode of “The Steve Harvey Morning Show,” she said.", "The Steve Harvey Morning Show")
    assert frame("Christie blasted Clinton on The Laura Ingraham Show.", "The Laura Ingraham Show")
    assert frame("During a May interview on CNBC's Squawk Box, Trump said.", "CNBC's Squawk Box")  # a known network's
    assert frame("During a CNN town hall, Tina Houchins had a question.", "CNN")
    assert frame("said Kristin Dziczek, in an interview with the Detroit Free Press.", "Detroit Free Press")
    # A person in the frame, or a medium with no frame, is left to the classifier.
    assert not frame("In an interview with Rusty Humphries, Ham said.", "Rusty Humphries")
    assert not frame("Trending Today USA is popular.", "Trending Today USA")
    text = "It extended to the CNBC debate in Boulder. At the NBC/MSNBC forum, Trump spoke."
    assert not staged_event(text, (text.index("CNBC"), text.index("CNBC") + 4))  # named in passing
    assert staged_event(text, (text.index("NBC/MSNBC"), text.index("NBC/MSNBC") + 9))


def test_an_event_outlet_is_a_candidate_anywhere():
    text = "Obama spoke.\n\nDuring a CNN town hall, Tina Houchins had a question.\n\nObama said labels hurt."
    att = Attribution(content=_span(text, "labels hurt"), cue=_span(text, "said"), source=_span(text, "Obama", 1))
    got = [text[s:e] for s, e in outlet_candidates(Article(id="c", text=text, attributions=[att]))]
    assert "CNN" in got and "Tina Houchins" not in got  # the town hall's sentence holds no attribution


def test_a_past_interview_is_no_interview_for_the_whole_article():
    from attrib.outlets import Inheritance

    def outlets(opening):
        text = f"{opening} CNBC's Squawk Box, Trump said he won.\nA.\nB.\nC.\nTrump said debates help.\nTrump said he is great.\n"
        atts = [Attribution(content=_span(text, c), cue=_span(text, "said", i), source=_span(text, "Trump", i),
                            speaker="Donald Trump") for i, c in enumerate(["he won", "debates help", "he is great"])]
        article = Article(id="p", text=text, attributions=atts)
        return [a.outlet for a in assign_outlets(article, [tuple(_span(text, "CNBC's Squawk Box")[0])]).attributions]

    # Trump's one interview carries all his statements; a dated one ("a May interview") only its own.
    assert outlets("In an interview on") == ["CNBC's Squawk Box"] * 3
    assert outlets("During a May interview on") == ["CNBC's Squawk Box", None, None]
    # nor one on an earlier occasion ("three days after Trump told The Washington Post he was not there yet")
    def occasion(opening):
        text = (f"Trump backed Ryan, {opening} The Washington Post he was not there yet.\nA.\nB.\nC.\nTrump said unity matters.\n"
                "Trump said he is great.\n")
        atts = [Attribution(content=_span(text, c), cue=_span(text, v), source=_span(text, "Trump", i + 1),
                            speaker="Donald Trump") for i, (c, v) in enumerate(
                                [("he was not there yet", "told"), ("unity matters", "said"), ("he is great", "said")])]
        article = Article(id="q", text=text, attributions=atts)
        mentions = [tuple(_span(text, "The Washington Post")[0])]
        return [a.outlet for a in assign_outlets(article, mentions, Inheritance(from_lead=False)).attributions]

    post = "The Washington Post"
    assert occasion("after Trump told") == [post, None, None]
    assert occasion("as Trump told") == [post] * 3


def test_a_poll_run_by_a_medium_reached_the_reader_through_it():
    from attrib.outlets import media_partner

    assert media_partner("Reuters/Ipsos") == "Reuters"
    assert media_partner("USC Dornsife/Los Angeles Times") == "Los Angeles Times"
    assert media_partner("New York Times/CBS News") is None  # two media: the whole name stays (by the mention)
    assert media_partner("Quinnipiac University") is None and media_partner("Reuters") is None
    text = "The Reuters/Ipsos poll showed a tie.\nThe poll also found gloom."
    atts = [Attribution(content=_span(text, "a tie"), cue=_span(text, "showed"), source=_span(text, "The Reuters/Ipsos poll"),
                        speaker="Reuters/Ipsos"),
            Attribution(content=_span(text, "gloom"), cue=_span(text, "found"), source=_span(text, "The poll"),
                        speaker="Reuters/Ipsos")]
    out = assign_outlets(Article(id="r", text=text, attributions=atts), []).attributions
    assert [a.outlet for a in out] == ["Reuters", "Reuters"]
    assert [text[s:e] for s, e in out[0].outlet_span] == ["Reuters"]


def test_a_post_is_inherited_within_its_paragraph_only():
    def outlets(channel):
        text = (f"Cruz wrote on {channel} that he would vote. He said it was hard.\n"
                "Cruz said the race was close.\n")
        atts = [Attribution(content=_span(text, "he would vote"), cue=_span(text, "wrote"), source=_span(text, "Cruz"),
                            speaker="Ted Cruz"),
                Attribution(content=_span(text, "it was hard"), cue=_span(text, "said"), source=_span(text, "He"),
                            speaker="Ted Cruz"),
                Attribution(content=_span(text, "the race was close"), cue=_span(text, "said", 1),
                            source=_span(text, "Cruz", 1), speaker="Ted Cruz")]
        article = Article(id="c", text=text, attributions=atts)
        return [a.outlet for a in assign_outlets(article, [tuple(_span(text, channel)[0])], Inheritance(interview_share=2.0)
                                                 ).attributions]

    from attrib.outlets import Inheritance

    assert outlets("Facebook") == ["Facebook", "Facebook", None]
    assert outlets("Fox News") == ["Fox News"] * 3  # an interview goes on into the next paragraph


def test_the_turns_of_a_transcript_share_its_outlet():
    text = ("On “Fox News Sunday,” Pence said the tweet was a joke. Partial transcript:\n\n"
            "\"PENCE: She will not be there.\n\n\"WALLACE: Is that equivalent?\n\n\"PENCE: Yes.\n\n"
            "Later, Wallace said the interview was over.\n")

    def turn(label: str, words: str, colon: int, label_nth: int = 0) -> Attribution:
        return Attribution(content=_span(text, words), cue=_span(text, ":", colon), source=_span(text, label, label_nth),
                           speaker=label.title())
    atts = [Attribution(content=_span(text, "the tweet was a joke"), cue=_span(text, "said"), source=_span(text, "Pence"),
                        speaker="Pence"),
            turn("PENCE", "She will not be there.", 1), turn("WALLACE", "Is that equivalent?", 2),
            turn("PENCE", "Yes.", 3, 1),
            Attribution(content=_span(text, "the interview was over"), cue=_span(text, "said", 1),
                        source=_span(text, "Wallace"), speaker="Wallace")]
    article = Article(id="t", text=text, attributions=atts)
    mentions = [tuple(_span(text, "Fox News Sunday")[0])]
    from attrib.outlets import Inheritance

    only_turns = Inheritance(from_lead=False, interview_share=2.0)
    got = [a.outlet for a in assign_outlets(article, mentions, only_turns).attributions]
    # the host's turns take the broadcast too; a later paraphrase outside the transcript does not
    assert got == ["Fox News Sunday"] * 4 + [None]
    no_turns = replace(only_turns, transcript_turns=False)
    assert [a.outlet for a in assign_outlets(article, mentions, no_turns).attributions] == [
        "Fox News Sunday", "Fox News Sunday", None, None, None]


def test_a_platform_verb_serves_the_one_who_posted():
    text = "“Too forced?” Axelrod tweeted after Clinton argued that the bill was a bailout."
    atts = [Attribution(content=_span(text, "Too forced?"), cue=_span(text, "tweeted"), source=_span(text, "Axelrod"),
                        speaker="David Axelrod"),
            Attribution(content=_span(text, "the bill was a bailout"), cue=_span(text, "argued"),
                        source=_span(text, "Clinton"), speaker="Hillary Clinton")]
    out = assign_outlets(Article(id="p", text=text, attributions=atts), [tuple(_span(text, "tweeted")[0])], None)
    assert [a.outlet for a in out.attributions] == ["Twitter", None]


def test_a_dropped_mention_does_not_shift_the_sentences_of_the_others():
    text = "On Monday, Lee said taxes rose. Kim told CNN that it rained."
    atts = [Attribution(content=_span(text, "taxes rose"), cue=_span(text, "said"), source=_span(text, "Lee"), speaker="Lee"),
            Attribution(content=_span(text, "it rained"), cue=_span(text, "told"), source=_span(text, "Kim"), speaker="Kim")]
    mentions = [tuple(_span(text, "Monday")[0]), tuple(_span(text, "CNN")[0])]  # a day is no outlet
    out = assign_outlets(Article(id="d", text=text, attributions=atts), mentions, None)
    assert [a.outlet for a in out.attributions] == [None, "CNN"]


def test_a_medium_that_is_a_party_is_no_channel():
    text = ("Jim Prosser, a Twitter spokesman, said the rules were clear. The New York Times filed a motion arguing that "
            "the records mattered. The New York Times reported that the judge refused.")
    atts = [Attribution(content=_span(text, "the rules were clear"), cue=_span(text, "said"),
                        source=_span(text, "Jim Prosser, a Twitter spokesman"), speaker="Jim Prosser"),
            Attribution(content=_span(text, "the records mattered"), cue=_span(text, "filed a motion arguing"),
                        source=_span(text, "The New York Times"), speaker="The New York Times"),
            Attribution(content=_span(text, "the judge refused"), cue=_span(text, "reported"),
                        source=_span(text, "The New York Times", 1), speaker="The New York Times")]
    out = assign_outlets(Article(id="p", text=text, attributions=atts), [tuple(_span(text, "Twitter")[0])], None)
    assert [a.outlet for a in out.attributions] == [None, None, "The New York Times"]
    assert out.attributions[1].speaker == "The New York Times"  # still the one who argued


def test_an_outlets_own_poll_or_report_reaches_the_reader_through_it():
    text = "Poll: Sanders leads.\n\nThe survey shows a tie. The paper said taxes rose."
    atts = [Attribution(content=_span(text, "a tie"), cue=_span(text, "shows"), source=_span(text, "The survey"),
                        speaker="Fox News"),
            Attribution(content=_span(text, "taxes rose"), cue=_span(text, "said"), source=_span(text, "The paper"),
                        speaker="Breitbart Texas")]  # not a known outlet: the rule needs one
    out = assign_outlets(Article(id="o", text=text, attributions=atts), [], None).attributions
    assert [(a.outlet, a.outlet_span) for a in out] == [("Fox News", []), (None, [])]


def test_an_organisation_hosting_the_event_is_no_outlet():
    from attrib.outlets import organisation_hosting

    text = ("Clinton told a Planned Parenthood gathering she would fight. At a forum hosted by the advocacy group Fair "
            "Immigration Reform Movement, Sanders spoke. At a forum sponsored by NBC News, Trump spoke.")
    assert organisation_hosting(text, tuple(_span(text, "Planned Parenthood")[0]))
    assert organisation_hosting(text, tuple(_span(text, "Fair Immigration Reform Movement")[0]))
    assert not organisation_hosting(text, tuple(_span(text, "NBC News")[0]))  # a medium staging it stays an outlet
    att = Attribution(content=_span(text, "she would fight"), cue=_span(text, "told"), source=_span(text, "Clinton"),
                      speaker="Hillary Clinton")
    out = assign_outlets(Article(id="h", text=text, attributions=[att]), [tuple(_span(text, "Planned Parenthood")[0])])
    assert out.attributions[0].outlet is None
    from attrib.outlets import institution

    text = ("Clinton told the Senate Foreign Relations Committee she was responsible. Rubio spoke at the Council on "
            "Foreign Relations. He told the New York Times Company it was fine.")
    assert institution(text, tuple(_span(text, "Senate Foreign Relations Committee")[0]))
    assert institution(text, tuple(_span(text, "Foreign Relations", 1)[0]))  # "Council on" before it
    assert not institution(text, tuple(_span(text, "New York Times Company")[0]))  # a medium's word vouches
    text = "Clinton told the crowd at the Iowa State Fairgrounds she would win. On Capitol Hill, aides told The Hill so."
    assert institution(text, tuple(_span(text, "Iowa State Fairgrounds")[0]))  # a venue
    assert institution("The National Guard said so.", (4, 18))
    assert institution(text, tuple(_span(text, "Capitol Hill")[0])) and not institution(text, tuple(_span(text, "The Hill")[0]))
    text = "Lula, speaking at the opening of the Amazon Summit, said rich countries must pay."
    assert institution(text, tuple(_span(text, "Amazon Summit")[0]))  # an event


def test_an_outlets_report_named_beside_a_statement_is_its_topic():
    text = ("In the wake of the New York Times report, Trump said he had paid taxes. "
            "According to a New York Times report, the audit is closed.")
    atts = [Attribution(content=_span(text, "he had paid taxes"), cue=_span(text, "said"), source=_span(text, "Trump"),
                        speaker="Donald Trump"),
            Attribution(content=_span(text, "the audit is closed"), cue=_span(text, "According to"),
                        source=_span(text, "a New York Times report"), speaker="The New York Times")]
    mentions = [tuple(_span(text, "New York Times")[0]), tuple(_span(text, "New York Times", 1)[0])]
    out = assign_outlets(Article(id="t", text=text, attributions=atts), mentions, None).attributions
    assert [a.outlet for a in out] == [None, "The New York Times"]  # the report as the source is the outlet


def test_a_radio_host_spoken_to_is_their_show():
    from attrib.outlets import radio_host

    text = ("Cruz blasted the deal, telling conservative radio host Laura Ingraham that it was a trap. "
            "Later he told Ingraham the vote was lost. According to talk radio host Rush Limbaugh, the party is split.")
    atts = [Attribution(content=_span(text, "it was a trap"), cue=_span(text, "telling"), source=_span(text, "Cruz"),
                        speaker="Ted Cruz"),
            Attribution(content=_span(text, "the vote was lost"), cue=_span(text, "told"), source=_span(text, "he"),
                        speaker="Ted Cruz"),
            Attribution(content=_span(text, "the party is split"), cue=_span(text, "According to"),
                        source=_span(text, "talk radio host Rush Limbaugh"), speaker="Rush Limbaugh")]
    mentions = [tuple(_span(text, name)[0]) for name in ("Laura Ingraham", "Ingraham", "Rush Limbaugh")]
    mentions[1] = tuple(_span(text, "Ingraham", 1)[0])
    assert radio_host(text, mentions[0]) and not radio_host(text, mentions[1])
    out = assign_outlets(Article(id="r", text=text, attributions=atts), mentions, None).attributions
    # The host spoken to, then by surname, is the show; the host speaking is no channel of their own words.
    assert [a.outlet for a in out] == ["The Laura Ingraham Show", "The Laura Ingraham Show", None]


def test_a_person_with_a_title_is_no_outlet():
    from attrib.outlets import person_with_title, plausible_outlet

    for person in ("Russian President Vladimir Putin", "Federal Reserve Chair Janet Yellen", "Sen. Ted Cruz"):
        assert person_with_title(person) and not plausible_outlet(person, frozenset()), person
    for outlet in ("CNN's State of the Union", "The Washington Post", "Voice of America", "President's Daily Brief Weekly"):
        assert not person_with_title(outlet), outlet


def test_a_well_known_programme_said_on_is_an_outlet():
    from attrib.outlets import is_known_outlet, outlet_in_frame

    text = "Clinton said on Morning Joe that she would win. Mook told CBS This Morning the race was close."
    assert outlet_in_frame(text, tuple(_span(text, "Morning Joe")[0]))
    assert is_known_outlet("CBS This Morning") and is_known_outlet("Meet the Press")
    assert not is_known_outlet("State of the Union")  # also the president's address
    assert is_known_outlet("Gazeta Wyborcza") and is_known_outlet("the Saudi Press Agency (SPA)")
    assert is_known_outlet("Interpressnews") and is_known_outlet("Lusa") and is_known_outlet("United Press")


def test_a_networks_journalist_stands_for_the_network():
    text = "He sat down for POLITICO's Off Message podcast."
    assert canonical_outlet("MSNBC's Tamron Hall", "in an interview with MSNBC's Tamron Hall") == "MSNBC"
    assert canonical_outlet("CNN’s Wolf Blitzer", "told CNN’s Wolf Blitzer") == "CNN"
    assert canonical_outlet("Fox News' Bill Hemmer", "told Fox News' Bill Hemmer") == "Fox News"  # a given name
    assert canonical_outlet("Maggie Haberman in the New York Times") == "New York Times"
    assert canonical_outlet("As the Huffington Post") == "Huffington Post"  # a sentence's opening word
    assert canonical_outlet("BuzzFeed’s Thursday") == "BuzzFeed"  # "BuzzFeed’s Thursday night report"
    for programme in ("NBC's Meet the Press", "ABC's This Week", "MSNBC's Morning Joe", "CNBC's Squawk Box"):
        assert canonical_outlet(programme, f"said on {programme}.") == programme
    assert canonical_outlet("POLITICO's Off Message", text) == "POLITICO's Off Message"  # the text calls it a podcast


def test_a_platform_verb_a_radio_host_and_an_interview_frame_need_no_classifier():
    from attrib.outlets import sure_outlet

    text = ("In one tweet Friday, Trump said the debate was rigged. She told radio host Hugh Hewitt it was not. "
            "In an interview with Trending Today USA, Ham spoke. Trump met Putin.")
    for sure in ("tweet", "Hugh Hewitt", "Trending Today USA"):
        assert sure_outlet(text, tuple(_span(text, sure)[0])), sure
    assert not sure_outlet(text, tuple(_span(text, "Putin")[0]))


def test_a_medium_run_by_a_state_or_before_its_kind_is_a_sure_outlet():
    from attrib.outlets import sure_outlet

    text = ("Egypt's state-run Al-Qahera News, citing a source, said talks would resume. The semi-official "
            "Mehr agency agreed. The state-owned Saudi Aramco said output fell.")
    assert sure_outlet(text, tuple(_span(text, "Al-Qahera News")[0]))
    assert not sure_outlet(text, tuple(_span(text, "Saudi Aramco")[0]))  # no medium's word
    # A name before its kind: not a determiner, nor one paper among others.
    text = ("Novak said output would fall, the RIA news agency reported. The newspaper added more. "
            "The Connecticut Post, a Bridgeport newspaper, agreed.")
    assert sure_outlet(text, tuple(_span(text, "RIA")[0]))
    assert not sure_outlet(text, tuple(_span(text, "The")[0])) and not sure_outlet(text, tuple(_span(text, "Bridgeport")[0]))


def test_a_hosts_surname_is_the_show_named_after_them():
    from attrib.outlets import show_host_surname

    assert show_host_surname("The Steve Harvey Morning Show") == "harvey"
    assert show_host_surname("The Daily Show") is None  # no host in the name
    text = ("On Tuesday's episode of The Steve Harvey Morning Show, Clinton spoke. Later Christie told Harvey "
            "that he was wrong.")
    att = Attribution(content=_span(text, "that he was wrong"), cue=_span(text, "told"), source=_span(text, "Christie"),
                      speaker="Chris Christie")
    mentions = [tuple(_span(text, "The Steve Harvey Morning Show")[0]), tuple(_span(text, "Harvey", 1)[0])]
    out = assign_outlets(Article(id="s", text=text, attributions=[att]), mentions, None).attributions
    assert out[0].outlet == "The Steve Harvey Morning Show"


def test_an_outlet_in_the_clause_a_source_spoke_through_is_not_its_speaker():
    text = ("A government official, who spoke to Iran's Young Journalists Club (YJC) on condition of anonymity, "
            "said the plan could be reviewed. The reformist Etemad daily said the plan would fail.")
    official = "A government official, who spoke to Iran's Young Journalists Club (YJC) on condition of anonymity,"
    atts = [Attribution(content=_span(text, "the plan could be reviewed"), cue=_span(text, "said"),
                        source=_span(text, official)),
            Attribution(content=_span(text, "the plan would fail"), cue=[(text.rindex("said"), text.rindex("said") + 4)],
                        source=_span(text, "The reformist Etemad daily"))]
    mentions = [tuple(_span(text, "Young Journalists Club (YJC)")[0]), tuple(_span(text, "Etemad daily")[0])]
    out = assign_outlets(Article(id="a", text=text, attributions=atts), mentions).attributions
    # the official spoke through YJC; the daily speaks for itself
    assert [(a.speaker, a.outlet) for a in out] == [(None, "Young Journalists Club (YJC)"), ("Etemad", "Etemad")]


def test_x_closing_a_sentence_is_the_platform_not_an_initial():
    text = 'Fans reacted. "I thought they would last," one wrote on X. Another posted on TikTok that it hurt.'
    att = Attribution(content=_span(text, '"I thought they would last,"'), cue=_span(text, "wrote"), source=_span(text, "one"))
    got = [text[s:e] for s, e in outlet_candidates(Article(id="x", text=text, attributions=[att]))]
    assert "X" in got and not any(c.startswith("X.") for c in got)


def test_a_platform_written_on_is_a_sure_outlet_and_x_alone_is_not():
    from attrib.outlets import sure_outlet

    text = "He wrote on X that Berlin would pay. Generation X voters agreed. She said on Telegram it was over."
    assert sure_outlet(text, tuple(_span(text, "X")[0])) and sure_outlet(text, tuple(_span(text, "Telegram")[0]))
    assert not sure_outlet(text, tuple(_span(text, "X", 1)[0]))


def test_a_platform_a_statement_was_posted_on_is_its_outlet_not_its_speaker():
    text = "According to a statement posted on X by camp organizers, supporters will arrive. Twitter said it acted."
    atts = [Attribution(content=_span(text, "supporters will arrive"), cue=_span(text, "According to"),
                        source=_span(text, "a statement posted on X by camp organizers"), speaker="X"),
            Attribution(content=_span(text, "it acted"), cue=_span(text, "said"), source=_span(text, "Twitter"),
                        speaker="Twitter")]
    mentions = [tuple(_span(text, "X")[0]), tuple(_span(text, "Twitter")[0])]
    out = assign_outlets(Article(id="x", text=text, attributions=atts), mentions).attributions
    assert (out[0].speaker, out[0].outlet) == (None, "X")
    assert out[1].speaker == "Twitter"  # the company speaking, in its own name


def test_a_medium_told_named_by_its_kind_or_reporting_is_a_sure_outlet():
    from attrib.outlets import sure_outlet

    text = ("Merz told the Frankfurter Allgemeine Zeitung that Berlin was concerned. Syrian state news agency SANA "
            "quoted an official. Japan was concerned, Kyodo News reported. He told the Senate Foreign Relations "
            "Committee it was over. The Syrian Observatory reported deaths. She said in a statement carried by the "
            "official Korean Central News Agency (KCNA) that it was a drill. He told a local Denver TV station so.")
    for name in ("Frankfurter Allgemeine Zeitung", "SANA", "Kyodo News", "Korean Central News Agency (KCNA)"):
        assert sure_outlet(text, tuple(_span(text, name)[0])), name
    writing = "Writing in the London-based Asharq Al-Awsat, columnist Ali Nasser argued that it failed."
    assert sure_outlet(writing, tuple(_span(writing, "Asharq Al-Awsat")[0]))
    # told, or reporting, but no medium; a medium's description ("a local Denver TV station") is no name
    for name in ("Senate Foreign Relations Committee", "The Syrian Observatory", "Denver TV"):
        assert not sure_outlet(text, tuple(_span(text, name)[0])), name


def test_a_spokesman_quoted_by_an_outlet_reached_the_reader_through_it():
    text = "Kremlin spokesman Dmitry Peskov, quoted by the RIA Novosti news agency, said there were no plans."
    att = Attribution(content=_span(text, "there were no plans"), cue=_span(text, "said"),
                      source=_span(text, "Kremlin spokesman Dmitry Peskov, quoted by the RIA Novosti news agency,"),
                      speaker="Dmitry Peskov")
    out = assign_outlets(Article(id="q", text=text, attributions=[att]), [tuple(_span(text, "RIA Novosti")[0])])
    assert (out.attributions[0].speaker, out.attributions[0].outlet) == ("Dmitry Peskov", "RIA Novosti")


def test_a_known_outlet_with_of_in_its_name_keeps_it_and_a_based_place_is_no_part_of_it():
    text = "Ramesh told the Press Trust of India (PTI) so. Writing in the London-based Asharq Al-Awsat, he agreed."
    assert canonical_outlet("Press Trust of India (PTI)", text) == "Press Trust of India (PTI)"
    assert canonical_outlet("Bill O'Reilly of Fox News", text) == "Fox News"  # a journalist of an outlet
    candidates = [text[s:e] for s, e in outlet_candidates(Article(id="q", text=text, attributions=[
        Attribution(content=_span(text, "he agreed"))]))]
    assert "Asharq Al-Awsat" in candidates and "London-based Asharq Al-Awsat" not in candidates


def test_a_story_retelling_an_outlets_feature_gives_it_every_quote():
    text = ("Washington Post Hit Piece Profiles Trump Fan.\n\nThe Washington Post ran a feature Saturday that profiled "
            "a Trump supporter.\n\nMelanie said the convention was thrilling.\n\nClinton said nothing.")
    mentions = [tuple(_span(text, "Washington Post")[0])]
    atts = [Attribution(content=_span(text, c), source=_span(text, s), speaker=sp)
            for c, s, sp in (("the convention was thrilling", "Melanie", "Melanie"), ("nothing", "Clinton", "Hillary Clinton"))]
    article = Article(id="w", text=text, attributions=atts)
    assert [a.outlet for a in assign_outlets(article, mentions).attributions] == ["Washington Post"] * 2
    # A headline outlet alone frames only unnamed sources and its own speakers' words.
    plain = article.text.replace("ran a feature Saturday that profiled", "says it met")
    article = replace(article, text=plain)
    assert [a.outlet for a in assign_outlets(article, [tuple(_span(plain, "Washington Post")[0])]).attributions] == [None, None]


def test_an_agency_after_its_countrys_possessive_speaks_for_itself_and_a_party_acronym_is_no_outlet():
    text = "Iran's semi-official Tasnim news agency reported the seizure. Khan's party, Pakistan Tehreek-e-Insaf (PTI), said no."
    tasnim = Attribution(content=_span(text, "the seizure"), cue=_span(text, "reported"),
                         source=_span(text, "Iran's semi-official Tasnim news agency"), speaker="IRNA")
    out = assign_outlets(Article(id="t", text=text, attributions=[tasnim]), [tuple(_span(text, "Tasnim")[0])])
    assert (out.attributions[0].speaker, out.attributions[0].outlet) == ("Tasnim", "Tasnim")
    from attrib.outlets import is_known_outlet
    assert not is_known_outlet("Pakistan Tehreek-e-Insaf (PTI)") and is_known_outlet("Press Trust of India")


def test_one_of_the_unnamed_sources_just_quoted_keeps_their_outlet():
    text = ("Talks stall\n\nTwo sources familiar with the talks told Reuters that Putin saw no reason to compromise. One of them said "
            "support was waning.\n\nLater, one of them said more.\n\nKyiv disagreed.\n\nMuch later, one of them said the rest.")
    atts = [Attribution(content=_span(text, c), source=_span(text, s), cue=_span(text, cue))
            for c, s, cue in (("Putin saw no reason to compromise", "Two sources familiar with the talks", "told"),
                              ("support was waning", "One of them", "said"))]
    atts += [Attribution(content=_span(text, "more"), source=[(text.index("one of them"), text.index("one of them") + 11)]),
             Attribution(content=_span(text, "the rest"), source=[(text.rindex("one of them"), text.rindex("one of them") + 11)])]
    from attrib.outlets import Inheritance

    # (the lead's outlet, which frames unnamed sources in the whole story, left aside)
    out = assign_outlets(Article(id="o", text=text, attributions=atts), [tuple(_span(text, "Reuters")[0])],
                         Inheritance(from_lead=False))
    # the same and the next paragraph; not two paragraphs after the last of them
    assert [a.outlet for a in out.attributions] == ["Reuters", "Reuters", "Reuters", None]
    # The same unnamed source again ("the insider").
    text = "A source close to the couple told The Sun they split. \"It hurts,\" the insider said."
    atts = [Attribution(content=_span(text, "they split"), source=_span(text, "A source close to the couple"), cue=_span(text, "told")),
            Attribution(content=_span(text, '"It hurts,"'), source=_span(text, "the insider"), cue=_span(text, "said"))]
    out = assign_outlets(Article(id="s", text=text, attributions=atts), [tuple(_span(text, "The Sun")[0])],
                         Inheritance(from_lead=False))
    assert [a.outlet for a in out.attributions] == ["The Sun", "The Sun"]


def test_a_medium_named_by_its_kind_is_the_nearest_medium_before_it():
    text = ("Interfax cited Kazakhstan's transport minister, Daulet Sarsenbayev, as saying tariffs would fall.\n"
            "\"Everything else is speeches,\" Sarsenbayev told the agency.\n"
            "People familiar with the network's plans said it would wait.")
    atts = [
        Attribution(content=_span(text, '"Everything else is speeches,"'), cue=_span(text, "told"),
                    source=_span(text, "Sarsenbayev", 1), speaker="Daulet Sarsenbayev", kind="direct"),
        Attribution(content=_span(text, "it would wait"), cue=_span(text, "said"),
                    source=_span(text, "People familiar with the network's plans"), kind="indirect"),
    ]
    out = assign_outlets(Article(id="a", text=text, attributions=atts), [tuple(_span(text, "Interfax")[0])])
    assert [(a.outlet, a.outlet_span) for a in out.attributions] == [
        ("Interfax", _span(text, "the agency")), (None, [])]  # an owner ("the network's plans") is no medium spoken to


def test_the_agency_is_the_last_agency_and_the_paper_the_last_paper():
    text = ("\"Our aim is to double it,\" Arikan told Anadolu Agency. According to the Daily Sabah, a package is ready. "
            "Arikan later told the agency that ships would leave. Okafor told the paper it was late.")
    atts = [Attribution(content=_span(text, "ships would leave"), cue=_span(text, "told", 1), source=_span(text, "Arikan later"),
                        speaker="Arikan"),
            Attribution(content=_span(text, "it was late"), cue=_span(text, "told", 2), source=_span(text, "Okafor"),
                        speaker="Okafor")]
    mentions = [tuple(_span(text, "Anadolu Agency")[0]), tuple(_span(text, "the Daily Sabah")[0])]
    out = assign_outlets(Article(id="k", text=text, attributions=atts), mentions)
    # Not the newspaper cited in between; "the paper" is that newspaper.
    assert [a.outlet for a in out.attributions] == ["Anadolu Agency", "Daily Sabah"]


def test_a_kind_before_a_name_is_that_name_not_an_anaphor():
    text = ("Petro told Caracol Radio the bill stays. Camacho said in an interview with the newspaper El Tiempo that "
            "changes were possible.")
    atts = [Attribution(content=_span(text, "changes were possible"), cue=_span(text, "said"), source=_span(text, "Camacho"),
                        speaker="Camacho")]
    mentions = [tuple(_span(text, "Caracol Radio")[0]), tuple(_span(text, "El Tiempo")[0])]
    out = assign_outlets(Article(id="e", text=text, attributions=atts), mentions)
    # "the newspaper" stands before El Tiempo's name: it is no anaphor of Caracol Radio.
    assert out.attributions[0].outlet == "El Tiempo"


def test_an_interview_named_by_its_medium_s_short_form_is_that_medium():
    text = ("Petro told Caracol Radio the bill stays. Camacho said it was open.\n\n"
            "Later in the Caracol interview, Petro said he would call a consultation. Petro said in the interview "
            "with Caracol TV that he was calm.")
    atts = [Attribution(content=_span(text, "he would call a consultation"), cue=_span(text, "said", 1),
                        source=_span(text, "Petro", 1), speaker="Gustavo Petro")]
    mentions = [tuple(_span(text, "Caracol Radio")[0])]
    out = assign_outlets(Article(id="c", text=text, attributions=atts), mentions, inherit=None)
    assert [(a.outlet, a.outlet_span) for a in out.attributions] == [("Caracol Radio", _span(text, "Caracol", 1))]
    # Only a short form the earlier name opens: "the Petro interview" names no medium.
    other = text.replace("the Caracol interview", "the Petro interview")
    atts = [replace(atts[0], source=_span(other, "Petro", 1), cue=_span(other, "said", 1))]
    out = assign_outlets(Article(id="d", text=other, attributions=atts), [tuple(_span(other, "Caracol Radio")[0])], inherit=None)
    assert out.attributions[0].outlet is None


def test_an_outlet_told_something_is_the_channel_of_that_speaker_only():
    text = "Iran expects gas soon, an official said, while an executive told Sputnik that talks go on."
    official = Attribution(content=_span(text, "Iran expects gas soon"), cue=_span(text, "said"), source=_span(text, "an official"))
    executive = Attribution(content=_span(text, "talks go on"), cue=_span(text, "told"), source=_span(text, "an executive"))
    out = assign_outlets(Article(id="t", text=text, attributions=[official, executive]), [tuple(_span(text, "Sputnik")[0])])
    assert [a.outlet for a in out.attributions] == [None, "Sputnik"]
    # The same speaker's other statement in the sentence keeps it ("Trump told Fox …, claiming …").
    same = replace(official, source=executive.source)
    out = assign_outlets(Article(id="u", text=text, attributions=[same, executive]), [tuple(_span(text, "Sputnik")[0])])
    assert [a.outlet for a in out.attributions] == ["Sputnik", "Sputnik"]


def test_a_statement_after_a_quotation_of_several_paragraphs_inherits_its_outlet():
    text = ('Gas deal near\n\nIran and Russia met on Monday. Farzaneh told Press TV the deal was near.\n\n'
            '"This is the first step," Farzaneh said. "The north is short.\n\n'
            '"With Russian gas we can export more.\n\n"We asked for November."\n\nHe added that volumes could rise.')
    atts = [Attribution(content=_span(text, "the deal was near"), cue=_span(text, "told"), source=_span(text, "Farzaneh"),
                        speaker="Bahram Farzaneh"),
            Attribution(content=_span(text, '"This is the first step,"') + _span(text, '"The north is short.')
                        + _span(text, '"With Russian gas we can export more.') + _span(text, '"We asked for November."'),
                        cue=_span(text, "said"), source=_span(text, "Farzaneh", 1), speaker="Bahram Farzaneh", kind="direct"),
            Attribution(content=_span(text, "volumes could rise"), cue=_span(text, "added"), source=_span(text, "He"),
                        speaker="Bahram Farzaneh", kind="indirect")]
    # Only the speaker's own thread counts here, not the article being one interview.
    only_thread = Inheritance(interview_share=2.0, framed_interview_share=2.0)
    out = assign_outlets(Article(id="f", text=text, attributions=atts), [tuple(_span(text, "Press TV")[0])], only_thread)
    assert [a.outlet for a in out.attributions] == ["Press TV"] * 3


def test_a_place_travelled_to_is_no_outlet():
    text = "Marchand said at a press conference ahead of Sunday's trip to Nantes that Karim stays."
    att = Attribution(content=_span(text, "Karim stays"), cue=_span(text, "said"), source=_span(text, "Marchand"),
                      speaker="Marchand")
    out = assign_outlets(Article(id="n", text=text, attributions=[att]), [tuple(_span(text, "Nantes")[0])])
    assert out.attributions[0].outlet is None


def test_a_wire_quoting_someone_a_journal_and_a_channels_news_are_sure_outlets():
    from attrib.outlets import sure_outlet

    text = ("ANI quoted Mehra as saying no. Channel 12 news reported a deal. According to a study published in The Lancet "
            "on Thursday, it spread. In eight articles published in Connecticut, he served. Barack Obama spoke. Obama quoted "
            "Lincoln as saying so.")
    # Not a place articles were published in, nor a person quoting another (the second "Obama").
    spans = [tuple(_span(text, n)[0]) for n in ("ANI", "Channel 12", "The Lancet", "Connecticut")] + [
        (text.index("Obama quoted"), text.index("Obama quoted") + 5)]
    assert [sure_outlet(text, span) for span in spans] == [True, True, True, False, False]
    text = "A vaccine cut cases by 71 per cent, according to results published in Nature on Wednesday."
    assert sure_outlet(text, tuple(_span(text, "Nature")[0]))  # a trial's results too


def test_a_medium_named_by_its_kind_speaks_as_that_medium():
    text = "Channel 12 news reported a deal. The network did not cite a source."
    atts = [Attribution(content=_span(text, "a deal"), cue=_span(text, "reported"), source=_span(text, "Channel 12 news"),
                        speaker="Channel 12"),
            Attribution(content=_span(text, "a source"), cue=_span(text, "did not cite"), source=_span(text, "The network"))]
    out = assign_outlets(Article(id="n", text=text, attributions=atts), [tuple(_span(text, "Channel 12")[0])])
    assert [(a.speaker, a.outlet) for a in out.attributions] == [("Channel 12", "Channel 12"), ("Channel 12", "Channel 12")]


def test_a_networks_programme_after_its_possessive_is_named_with_it():
    text = "Mr Blair told BBC Radio 4's Today programme that it would fade. Mr Hague told the BBC he disagreed."
    atts = [Attribution(content=_span(text, "it would fade"), cue=_span(text, "told"), source=_span(text, "Mr Blair"),
                        speaker="Tony Blair"),
            Attribution(content=_span(text, "he disagreed"), cue=_span(text, "told", 1), source=_span(text, "Mr Hague"),
                        speaker="William Hague")]
    mentions = [tuple(_span(text, "BBC Radio 4")[0]), tuple(_span(text, "BBC", 1)[0])]
    out = assign_outlets(Article(id="p", text=text, attributions=atts), mentions)
    assert [a.outlet for a in out.attributions] == ["BBC Radio 4's Today", "BBC"]


def test_a_military_staff_is_no_outlet():
    from attrib.outlets import institution

    text = "The Joint Chiefs of Staff (JCS) said the missile flew 300 km. Yonhap News Agency reported it."
    assert institution(text, tuple(_span(text, "The Joint Chiefs of Staff (JCS)")[0]))
    assert not institution(text, tuple(_span(text, "Yonhap News Agency")[0]))


def test_a_document_a_medium_obtained_is_no_statement_of_the_medium_and_keeps_it_as_outlet():
    text = ("According to an internal memo obtained by The Wall Street Journal, losses loomed. The memo, written by the "
            "risk officer, said rates would rise.")
    atts = [Attribution(content=_span(text, "losses loomed"), cue=_span(text, "According to"),
                        source=_span(text, "an internal memo obtained by The Wall Street Journal")),
            Attribution(content=_span(text, "rates would rise"), cue=_span(text, "said"),
                        source=_span(text, "The memo, written by the risk officer,"))]
    out = assign_outlets(Article(id="m", text=text, attributions=atts), [tuple(_span(text, "The Wall Street Journal")[0])])
    # The memo's words reached the reader through the paper, both times; the paper did not say them.
    assert [(a.speaker, a.outlet) for a in out.attributions] == [(None, "The Wall Street Journal"),
                                                                 (None, "The Wall Street Journal")]


def test_a_collective_owner_is_part_of_the_outlets_name():
    # "Iran's" goes ("Iran's Press TV" is Press TV), "People's" is the paper's own word.
    assert canonical_outlet("People's Daily") == "People's Daily"
    assert canonical_outlet("Iran's Press TV") == "Press TV"


def test_the_table_knows_more_countries_outlets_whatever_their_accents():
    from attrib.outlets import is_known_outlet

    assert all(is_known_outlet(n) for n in ("ESPN", "El País", "L’Équipe", "Clarín", "Folha de S.Paulo",
                                            "Kathimerini"))
    assert not is_known_outlet("PTI")  # Pakistan Tehreek-e-Insaf as much as the Press Trust of India
    text = "Medina has 30 days to appeal, ESPN reported."
    att = Attribution(content=_span(text, "Medina has 30 days to appeal"), cue=_span(text, "reported"),
                      source=_span(text, "ESPN"), speaker="ESPN")
    out = assign_outlets(Article(id="e", text=text, attributions=[att]), [], inherit=None)
    assert out.attributions[0].outlet == "ESPN"


def test_a_question_put_to_a_speaker_neither_interrupts_nor_lacks_their_interview():
    text = ("Naqvi told Dawn the strike was fair. Asked whether the province would support it, Naqvi replied: \"Yes.\" "
            "Asked by Izvestia about gas, Naqvi said it was cheap.")
    told = Attribution(content=_span(text, "the strike was fair"), source=_span(text, "Naqvi"), cue=_span(text, "told"),
                       speaker="Syeda Naqvi", kind="indirect")
    question = Attribution(content=_span(text, "whether the province would support it"), cue=_span(text, "Asked"))
    answer = Attribution(content=_span(text, '"Yes."'), source=_span(text, "Naqvi", 1), cue=_span(text, "replied:"),
                         speaker="Syeda Naqvi", kind="direct")
    own = Attribution(content=_span(text, "about gas"), cue=_span(text, "Asked", 1), source=_span(text, "Izvestia"))
    out = assign_outlets(Article(id="q", text=text, attributions=[told, question, answer, own]),
                         [tuple(_span(text, "Dawn")[0]), tuple(_span(text, "Izvestia")[0])], Inheritance(from_lead=False))
    # the unnamed asker's question does not take the floor from Naqvi, and was asked where she answered it
    assert [a.outlet for a in out.attributions] == ["Dawn", "Dawn", "Dawn", "Izvestia"]
    assert out.attributions[1].outlet_span == []


def test_members_named_by_their_initials_are_no_outlet():
    from attrib.outlets import plausible_outlet

    assert not plausible_outlet("MSPs", frozenset()) and not plausible_outlet("MEPs", frozenset())
    assert plausible_outlet("KBS", frozenset())
    # Nor is a participle opening a sentence before its agent ("Pressed by Chief Justice Harold Whitcomb, …").
    assert not plausible_outlet("Pressed", frozenset(), "Pressed by Chief Justice Harold Whitcomb, she said no.")


def test_a_signers_town_after_a_signature_is_no_outlet():
    text = ('Diner talk\n\n"I have voted the same way for 40 years."\n\n- Harold Kessler, Dubuque.\n\n'
            '"Prices matter," said Ann Lee, Reuters.')
    signed = Attribution(content=_span(text, '"I have voted the same way for 40 years."'), cue=_span(text, "-"),
                         source=_span(text, "Harold Kessler"), speaker="Harold Kessler")
    prose = Attribution(content=_span(text, '"Prices matter,"'), cue=_span(text, "said"), source=_span(text, "Ann Lee"),
                        speaker="Ann Lee")
    out = assign_outlets(Article(id="d", text=text, attributions=[signed, prose]),
                         [tuple(_span(text, "Dubuque")[0]), tuple(_span(text, "Reuters")[0])], Inheritance(from_lead=False))
    assert [a.outlet for a in out.attributions] == [None, "Reuters"]  # a comma after a name in prose still may


def test_a_nationality_before_news_agency_is_no_masthead():
    from attrib.outlets import press_framed

    text = "ADN, the official East German news agency, said the rules took effect. The RIA news agency reported it."
    east = text.index("East German")
    assert not press_framed(text, (east, east + len("East German")))
    ria = text.index("RIA")
    assert press_framed(text, (ria, ria + 3))


def test_a_name_with_a_persons_role_after_it_is_no_outlet():
    from attrib.outlets import plausible_outlet

    text = "The paper carried a commentary by Ri Chol Myong, director of the Pyongyang Institute, who said so."
    assert not plausible_outlet("Ri Chol Myong", frozenset(), text)
    # A medium with its kind after it stays one.
    text = "Kommersant, the business daily of Moscow, reported it."
    assert plausible_outlet("Kommersant", frozenset(), text)
    # A clause's subject after the name is no apposition: BSS stays a channel.
    text = ("Wages will rise, state news agency BSS reported. According to BSS, the state minister for labour told a "
            "meeting that wages would rise.")
    assert plausible_outlet("BSS", frozenset(), text)


def test_a_vague_group_is_never_the_outlet_inside_its_words():
    from attrib.outlets import assign_outlets
    from attrib.schema import Article, Attribution
    from .conftest import char_span as _at

    text = "Peasants who fled to San Sebastian said they heard firing."
    att = Attribution(content=[_at(text, "they heard firing")], cue=[_at(text, "said")],
                      source=[_at(text, "Peasants who fled to San Sebastian")], source_type="vague")
    out = assign_outlets(Article(id="v", text=text, attributions=[att]), [_at(text, "San Sebastian")])
    assert out.attributions[0].speaker is None
    # A medium's own analysis is the medium's.
    text = "A USA TODAY analysis of super PACs shows Democrats ahead."
    att = Attribution(content=[_at(text, "Democrats ahead")], cue=[_at(text, "shows")],
                      source=[_at(text, "A USA TODAY analysis of super PACs")], source_type="vague")
    out = assign_outlets(Article(id="v", text=text, attributions=[att]), [_at(text, "USA TODAY")])
    assert out.attributions[0].speaker == "USA TODAY"


def test_names_opening_in_lower_case_are_candidates():
    # Broadcasters that write their names with a lower-case first letter ("bTV", "i24NEWS") are channels too.
    text = "Radostina Petrova told bTV on Monday that prices would rise. She spoke on i24NEWS later."
    att = Attribution(content=_span(text, "prices would rise"), cue=_span(text, "told"), source=_span(text, "Radostina Petrova"))
    later = Attribution(content=_span(text, "later"), cue=_span(text, "spoke on"), source=_span(text, "She"))
    found = {text[s:e] for s, e in outlet_candidates(Article(id="a", text=text, attributions=[att, later]))}
    assert {"bTV", "i24NEWS"} <= found


def test_a_statement_the_text_places_in_the_same_interview_inherits_however_far_on():
    from attrib.outlets import Inheritance

    text = ('"We will sign," Jalali told Sputnik.\n\nAraghchi said talks went on.\n\nA.\n\nB.\n\n'
            'Jalali, in the same interview, said the deal was good.\n\nJalali said the deal was near.')

    def att(*where, **labels):
        return _turn(text, *where, **labels)

    atts = [att('"We will sign,"', "told", 0, "Jalali", 0, "direct"),
            att("talks went on", "said", 0, "Araghchi", 0, speaker="Abbas Araghchi"),
            att("the deal was good", "said", 1, "Jalali", 1), att("the deal was near", "said", 2, "Jalali", 2)]
    near = Inheritance(from_lead=False, interview_share=2.0)
    got = [a.outlet for a in assign_outlets(Article(id="a", text=text, attributions=atts),
                                           [tuple(_span(text, "Sputnik")[0])], near).attributions]
    # After Araghchi's turn and two paragraphs, the statement the text says is from the interview keeps it (and the
    # next paragraph's, by the usual reach).
    assert got == ["Sputnik", None, "Sputnik", "Sputnik"]


def test_a_broadcaster_before_radio_or_its_programme_is_a_channel_and_a_place_station_keeps_its_kind():
    from attrib.outlets import assign_outlets, sure_outlet

    text = ("Secretary Marcelo Vidal said on CBN radio that an inquiry would open. The mayor said on VTV's morning "
            "programme that the repair was done. Susan Lopez's morning programme was cancelled. The Prague radio denied it.")
    span = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    assert sure_outlet(text, span("CBN")) and sure_outlet(text, span("VTV"))
    assert not sure_outlet(text, span("Susan Lopez"))  # a person's programme is hers, no outlet by that frame
    att = Attribution(content=[(len(text) - 3, len(text) - 1)], cue=[span("denied")], source=[span("The Prague radio")])
    out = assign_outlets(Article(id="p", text=text, attributions=[att]), [span("Prague")])
    assert out.attributions[0].outlet == "Prague radio"


def test_a_relative_clauses_statement_does_not_take_the_main_clauses_channel():
    text = ("The minister said prices would fall. Traders said stocks were low. Banks said credit was tight.\n\n"
            "The company, which said last month that it would raise prices, told ZNBC it would now hold them.")

    def span(words: str, first: str = "") -> list:  # where `words` stand; with `first`, only its first word
        at = text.index(words)
        return [(at, at + len(first or words))]

    atts = [Attribution(content=span(c), cue=span(f"said {c}", "said"), source=span(w), speaker=w)
            for w, c in (("The minister", "prices would fall"), ("Traders", "stocks were low"), ("Banks", "credit was tight"))]
    atts += [Attribution(content=span("it would raise prices"), cue=span("said last", "said"), source=span("which"),
                         speaker="Zambezi Oil"),
             Attribution(content=span("it would now hold them"), cue=span("told"), source=span("The company"),
                         speaker="Zambezi Oil")]
    out = assign_outlets(Article(id="r", text=text, attributions=atts), [span("ZNBC")[0]])
    assert [a.outlet for a in out.attributions] == [None, None, None, None, "ZNBC"]


def test_the_asker_of_a_question_by_name_is_a_medium_unless_a_person():
    from attrib.outlets import sure_outlet

    text = ("Asked by The Island whether funds were released, an official said no. Asked by Jutarnji list about the "
            "tender, a source said soon. Asked by Senator Ana Ruiz about it, he said nothing. Asked by John Smith, "
            "she said yes.")
    span = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    assert sure_outlet(text, span("The Island")) and sure_outlet(text, span("Jutarnji list"))
    assert not sure_outlet(text, span("Ana Ruiz")) and not sure_outlet(text, span("John Smith"))


def test_a_paper_spoken_to_is_a_sure_outlet_and_no_body_person_or_clause_is():
    from attrib.outlets import sure_outlet

    text = ("Farah told Garowe Online the deal held. Speaking to the Irish Independent, he agreed. She told the Bulletin "
            "so. Flomo told FrontPage Africa it was false. A witness told Human Rights Watch he was beaten. He told the "
            "United Nations it would end. He told Jon Stewart it was over. He told the Senate Foreign Relations Committee "
            "no. Gasser told Keystone-SDA the Röstigraben was wide. He told the Board it was fine.")
    papers = ["Garowe Online", "Irish Independent", "Bulletin", "FrontPage Africa"]
    others = ["Human Rights Watch", "United Nations", "Jon Stewart", "Senate Foreign Relations Committee",
              "Keystone-SDA the Röstigraben", "Board"]
    assert [sure_outlet(text, tuple(_span(text, n)[0])) for n in papers] == [True] * 4
    assert [sure_outlet(text, tuple(_span(text, n)[0])) for n in others] == [False] * 6


def test_a_medium_that_contacted_or_interviewed_a_source_is_its_channel_not_its_name():
    from attrib.outlets import in_channel_clause

    text = "Officials at the ministry, contacted by Le Quotidien, said an inquiry had opened."
    source = _span(text, "Officials at the ministry, contacted by Le Quotidien,")
    assert in_channel_clause(text, source, tuple(_span(text, "Le Quotidien")[0]))
    text = "Shoppers interviewed by La Nación said prices rose."
    assert in_channel_clause(text, _span(text, "Shoppers interviewed by La Nación"), tuple(_span(text, "La Nación")[0]))


def test_wires_by_accented_capitals_their_kind_or_according_to_are_found():
    from attrib.outlets import is_known_outlet, sure_outlet

    text = "She told ČTK it was over. Thiaguinho told press agency ANP so. Rep. Han spoke, according to Yonhap News Agency."
    assert tuple(_span(text, "ČTK")[0]) in outlet_candidates(Article(id="c", text=text, attributions=[
        Attribution(content=_span(text, "it was over"), cue=_span(text, "told"), source=_span(text, "She"))]))
    assert sure_outlet(text, tuple(_span(text, "ANP")[0]))
    assert sure_outlet(text, tuple(_span(text, "Yonhap News Agency")[0]))
    assert is_known_outlet("Yonhap News Agency") and is_known_outlet("Belga news agency") and not is_known_outlet("Agency")


def test_a_sentence_opening_in_the_same_interview_inherits_however_far_on():
    from attrib.outlets import Inheritance

    text = ('"We will sign," Jalali told Sputnik.\n\nAraghchi said talks went on.\n\nA.\n\nB.\n\n'
            'In the same interview, Jalali said the deal was good.')
    atts = [_turn(text, '"We will sign,"', "told", 0, "Jalali", 0, "direct"),
            _turn(text, "talks went on", "said", 0, "Araghchi", 0, speaker="Abbas Araghchi"),
            _turn(text, "the deal was good", "said", 1, "Jalali", 1)]
    got = [a.outlet for a in assign_outlets(Article(id="a", text=text, attributions=atts), [tuple(_span(text, "Sputnik")[0])],
                                            Inheritance(from_lead=False, interview_share=2.0)).attributions]
    assert got == ["Sputnik", None, "Sputnik"]


def test_a_datelines_credit_spells_out_no_abbreviation():
    text = "WASHINGTON (UPI) — Ships turned back.\n\nSen. Hammond told UPI it was good news."
    assert canonical_outlet("UPI", text) == "UPI"
    assert canonical_outlet("PTI", "the Press Trust of India (PTI) said") == "Press Trust of India (PTI)"
