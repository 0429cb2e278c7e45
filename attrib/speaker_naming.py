"""How a chosen speaker is written: the naming conventions of `data/labels/GUIDELINE.md`.

The rules (`attrib.speakers`) and the ranker (`attrib.speaker_ranking`) decide *who* spoke,
as one of the article's name forms. Name forms stop at small words and drop party words,
so an organisation comes out clipped ("Roper Center", "National Committee") and a source
naming several people comes out as one of them. This last step writes the name as the
guideline asks, from the source mention and the article's own text:

- several people or countries in one source are all named ("Mr. Grassley and Mr. Leahy"
  -> "Charles E. Grassley and Patrick J. Leahy");
- an organisation keeps its whole name ("the Roper Center for Public Opinion Research");
- a campaign or administration is "<surname> campaign" ("Hillary Clinton’s campaign" -> "Clinton
  campaign"), "<surname> administration";
- an acronym takes the article's spelled-out name ("IMF" -> "International Monetary Fund");
- a person's name takes its fullest form in the article's body when one person holds it
  ("Clinton" -> "Hillary Clinton", not when Bill Clinton is in the article too);
- a poll speaks for its pollster, joint ones whole ("The Reuters/Ipsos poll", later "the poll"
  -> "Reuters/Ipsos"; "a new Washington Post-ABC News national poll" -> "Washington Post-ABC News").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, Optional

from .outlets import MASTHEAD_NOUNS, is_known_outlet
from .schema import Article, Attribution
from .speaker_ranking import CAPITAL_COUNTRY, US_PLACES, honorific_sex, is_place
from .speaker_ranking import ORG_WORDS as RANKER_ORG_WORDS
from .speakers import (MEMBERS_RE, ORGANISATION_HEADS, ORGANISATION_RE, PERSON_TITLES, SENTENCE_OPENERS, SUFFIXES,
                       SURNAME_FIRST_GIVEN, TITLES, VAGUE, _core_name, _head_part,
                       _surname, canonical, fold, honorific_sexes, lowercase_words, name_going_on, name_matches, name_mentions,
                       other_sex, spelled_out_names)
from .given_names import given_name_gender
from .text import normalise_name, paragraph_breaks, plain_spaces, sentence_bounds, sentence_of
from .transcripts import transcript_turns

# The ranker's organisation words (its features were trained on them), the descriptions' organisation heads, and
# words that end a body's or a paper's name after a title word or an owner ("General Staff", "People's Daily").
ORG_WORDS = RANKER_ORG_WORDS | ORGANISATION_HEADS | {"staff", "daily", "duma"}
CONNECTIVES = ("of", "for", "on", "to", "and", "the", "&")
ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
PERSON_LINKS = {"of", "for", "at", "from", "with", "in"}
CAMPAIGN_RE = re.compile(
    r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*?)(?:[’']s)?\s+(?:(?:presidential|re-?election|Senate|White House)\s+)?"
    r"(campaign|administration|team|camp)\b(?!\s+[a-z])(?![’']s\s+[a-z]+\s+[A-Z])")
BARE_CAMPAIGN_RE = re.compile(r"(?:the|its|this)\s+campaign(?:[’']s)?", re.IGNORECASE)


# A pollster's name (capitalised words, joined by spaces, "/" or "-": "Reuters/Ipsos", "Washington Post-ABC
# News") before up to three lower-case words and "poll" or "survey" ("tracking", "national", "opinion").
_POLLSTER = r"[A-Z][\w.&’']*(?:(?: |/|-)(?:[A-Z][\w.&’']*|of|and))*"
POLL_RE = re.compile(rf"(?<![\w’'])({_POLLSTER})(?:['’]s)?(?: [a-z-]+){{0,3}} (?:poll|survey)\b")
# A source that is a poll without its pollster's name: "the poll", "this poll", "The new poll", "New Poll".
BARE_POLL_RE = re.compile(r"(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+)?(?:(?:[Nn]ew|[Ll]atest)\s+)?(?:poll|Poll|survey|Survey)")


# What an organisation publishes, standing for it as a source ("Federal Election Commission records", "A USA
# TODAY analysis of …", "new Crowdpac research", "An analysis by Politifact", "recent data from comScore").
_PRODUCT_NOUNS = r"(?:analysis|analyses|research|records|data|filings?|tally|study|estimates|figures|projections?)"
_ORG = r"(?:[A-Z][\w.&’']*|[a-z]+[A-Z][\w.&’']*)(?:(?: |/|-)(?:[A-Z][\w.&’']*|of|and|for))*"
_LEAD_WORDS = r"(?i:the|a|an|new|recent|latest|early|initial|its)\b"
_LEAD = rf"(?:{_LEAD_WORDS}\s+)*(?!{_LEAD_WORDS})"
OWN_PRODUCT_RE = re.compile(rf"{_LEAD}({_ORG})(?:['’]s)?(?: [a-zA-Z-]+){{0,3}} {_PRODUCT_NOUNS}\b.*")
BY_PRODUCT_RE = re.compile(rf"{_LEAD}(?:[a-z-]+ ){{0,2}}(?i:{_PRODUCT_NOUNS}) (?:by|from) (?:the )?({_ORG})(?:\W.*)?")


def product_owner(surface: str) -> Optional[str]:
    """The organisation whose publication the source is (see `OWN_PRODUCT_RE`), else None."""
    surface = plain_spaces(surface).strip(" ,")
    for pattern in (OWN_PRODUCT_RE, BY_PRODUCT_RE):
        m = pattern.fullmatch(surface)
        # An owner before the product cut off at "of" is a description's head, not a name ("Critics of rapid data
        # centre expansion"); after "by" it is the name ("An analysis by Politifact of elections").
        if m and not (pattern is OWN_PRODUCT_RE and re.search(r"\s(?:of|and|for)$", m.group(1))):
            return _pollster(re.sub(r"(?:[’']s?|\s+(?:of|and|for))+$", "", m.group(1)))
    return None


def pollster_name(surface: str, text: str, position: int) -> Optional[str]:
    """The pollster a poll source speaks for: named in the source ("The Reuters/Ipsos poll"), or, for a bare
    "the poll", the poll named last before it (else first after it, for a headline's "New Poll")."""
    own = [p for m in POLL_RE.finditer(plain_spaces(surface)) if (p := _pollster(m.group(1)))]
    if own:
        return own[0]
    if not BARE_POLL_RE.fullmatch(surface.strip(" ,")):
        return None
    # Polls the text names ("The poll" names none).
    polls = [(m.start(), m.end(), p) for m in POLL_RE.finditer(plain_spaces(text)) if (p := _pollster(m.group(1)))]
    before = [p for start, end, p in polls if end <= position]
    after = [p for start, end, p in polls if start >= position]
    return before[-1] if before else after[0] if after else None


def _pollster(name: str) -> Optional[str]:
    words = name.split(" ")
    while words and words[0] in {"The", "A", "An", "This", "That", "Latest"}:
        words = words[1:]
    return " ".join(words) or None


def _plain(surface: str) -> str:
    """The mention without parentheses ("Jon Tester (D-Mont.)") or a trailing appositive or relative clause."""
    surface = re.sub(r"\s*\([^)]*\)|,?\s*\b[RDI]-[A-Z][A-Za-z.]*(?=,|$)", "", surface)
    surface = re.split(r",\s+(?=[a-z])(?!and\b)|\s+(?:who|which|whose)\b", surface)[0]
    return surface.strip(" ,")


_CAUSE_WORDS = {"for", "against", "without"}


def _has_org_word(words: list[str]) -> bool:
    """Does an organisation word end the name or stand before a small word ("Center for", "Services")?"""
    folded = [fold(w).strip(".") for w in words]
    # A group named for its cause: "Citizens for Tax Justice", "Americans for Prosperity", "Doctors Without Borders".
    if len(folded) >= 3 and folded[1] in _CAUSE_WORDS and folded[0].endswith("s") and words[2][:1].isupper():
        return True
    return any(w in ORG_WORDS and (i == len(folded) - 1 or folded[i + 1] in CONNECTIVES) for i, w in enumerate(folded))


def organisation_name(surface: str, speaker: Optional[str]) -> Optional[str]:
    """The whole organisation name in the source mention that holds the speaker's words, if any
    ("The Republican National Committee" for "National Committee")."""
    wanted = {fold(w) for w in re.findall(r"[\w’'-]+", speaker)} if speaker else set()
    plain = _plain(surface)
    for m in ORGANISATION_RE.finditer(plain):
        if speaker is None and plain[:m.start()].strip().casefold() not in {"", "the", "a", "an"}:
            continue  # a name further in ("A spokeswoman for the Red Cross") is not the source
        words = m.group(0).split()
        while words and words[0].casefold() in {"the", "a", "an", "both"}:
            words = words[1:]
        if len(words) > 2 and words[0].casefold() in VAGUE and words[1] in PERSON_LINKS:
            words = words[3:] if words[2] == "the" else words[2:]  # "Officials in the Revenue Department"
        if words:
            words[-1] = re.sub(r"(?<=\w)[’']s?$", "", words[-1])  # "the Republican Party’s" (chairman)
        if len(words) < 2 or not (_has_org_word(words) or is_known_outlet(" ".join(words))):
            continue
        if MEMBERS_RE.fullmatch(words[0]):
            continue  # "Republicans on the House Financial Services Committee" are members, not the committee
        owned = next((i + 1 for i, w in enumerate(words[:-1]) if re.search(r"[’']s$", w)), None)
        if owned is not None and given_name_gender(words[owned:]) is not None:
            continue  # an organisation's person ("Al Jazeera's Hind Khalil"), not the organisation
        if len(words) > 2 and re.search(r"[’']s$", words[0]):
            words = words[1:]  # the owner: "Iran's Supreme Council of Cyberspace"
        folded = [fold(w).strip(".,") for w in words]
        if not wanted <= set(folded):
            continue
        after = max(folded.index(w) for w in wanted) + 1 if wanted else 0
        if wanted and not _has_org_word(speaker.split()) and after < len(folded) and folded[after] in PERSON_LINKS:
            continue  # "Nadia Hassan of the Rafidain Rivers Coalition" is a person of the organisation
        first = min(folded.index(w) for w in wanted) if wanted else 0
        if wanted and first and folded[first - 1].strip(".") in PERSON_TITLES and not _has_org_word(
                speaker.split()):
            continue  # "National Organization for Women President Terry O'Neill": its president, a person
        # Two bodies speaking together lose the second's article ("the Korea Webtoon Creators Union and the Digital
        # Illustrators' Solidarity"), as the first's.
        words = [w for i, w in enumerate(words) if not (w == "the" and 0 < i < len(words) - 1 and words[i - 1] == "and")]
        return " ".join(words).rstrip(".,")
    return None


def conjoined_names(surface: str, mentions: list[list[str]]) -> Optional[str]:
    """"A, B and C" when the source mention names several people or countries ("Mr. Grassley and Mr. Leahy"),
    each in its fullest form; None for one name, or for an organisation whose name holds "and"
    ("Securities and Exchange Commission", "Central and East European Coalition")."""
    plain = _LIST_EDGES.sub("", _plain(surface))
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", plain) if p.strip()]
    # Each name's role between commas is no name of the list ("Nick Clegg, Meta's president of global affairs,
    # and Jennifer Newstead, its chief legal officer").
    parts = [p for i, p in enumerate(parts) if not (i and _ROLE_PART.match(p.strip()) and p.split()[-1][:1].islower())]
    if len(parts) < 2 or not re.search(r"\band\b", plain):  # "Agricoltori Uniti, Giancarlo Ferri": an appositive
        return None
    first, last = parts[0].split(), parts[-1].split()
    if _has_org_word(last) and not _has_org_word(first):
        return None
    names = []
    for p in parts:
        core = _core_name(p)
        words = [_POSSESSIVE_END.sub("", w.strip(".,")) for w in p.split() if w.strip(".").casefold() not in TITLES]
        # Every capitalised word must be the name's: "Turkish Agriculture and Forestry Minister Selim
        # Aydoğdu" is one minister, whose title holds "and". Only a description ending in a lower-case noun
        # may stand before the name ("Presidential candidates Hillary Clinton", "Republican presidential
        # nominee Donald Trump"), not a phrase ending in a connective ("House editor for the Cook Political
        # Report").
        lead = words[:len(words) - len(core)]
        if not core or words[len(lead):] != core or any(w[:1].islower() for w in core) or (
                lead and not (lead[-1][:1].islower() and lead[-1].casefold() not in _NOT_A_ROLE)):
            return None
        names.append(canonical(" ".join(core), mentions) or " ".join(core))
    return ", ".join(names[:-1]) + " and " + names[-1]


_ROLE_PART = re.compile(r"(?:[a-z]|[A-Z][\w.&-]*[’']s\s+[a-z])")
# "both … and …", "… all": words around a list of names that are no part of it.
_LIST_EDGES = re.compile(r"^(?:both|all)\s+|\s+(?:all|both|together)$", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"[’']s?$")
# Words that end a phrase but no description of a person ("… Center at the Urban Institute").
_NOT_A_ROLE = frozenset(CONNECTIVES) | {"at", "in", "by", "with", "from", "a", "an", "as"}


_NAMED_TEAM = re.compile(r"\b(?:team|camp),\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s*,?\s*$")


def campaign_name(surface: str) -> Optional[str]:
    """"Clinton campaign" for "the Clinton campaign", "Hillary Clinton’s presidential campaign", and
    "Obama administration" likewise; None otherwise."""
    m = CAMPAIGN_RE.search(_head_part(surface))
    core = [w for w in _core_name(m.group(1)) if w.casefold() not in SUFFIXES] if m else []
    if core and m.group(2) in ("team", "camp") and (named := _NAMED_TEAM.search(surface)):
        return named.group(1)  # a team its name follows ("Medina’s team, Sierra-Iberia,"), no campaign
    # A candidate's team or camp is their campaign ("Clinton’s team", "The Trump team").
    return f"{core[-1]} {'campaign' if m.group(2) in ('team', 'camp') else m.group(2)}" if core else None


def nearest_campaign(surface: str, text: str, at: int) -> Optional[str]:
    """"The campaign" is the campaign of the person named last before it, among those whose campaign the
    article names ("Hillary Clinton plans … The campaign says" -> Clinton campaign)."""
    if not BARE_CAMPAIGN_RE.fullmatch(surface.strip()):
        return None
    campaigns = {m.group(1) for m in _CAMPAIGN_OF.finditer(text)}
    before = [core[-1] for (start, _), core in name_matches(text) if start < at and core]
    return next((f"{c} campaign" for c in reversed(before) if c in campaigns), None)


PRONOUN_CAMPAIGN_RE = re.compile(r"(his|her)\s+(?:(?:own|presidential|re-?election|Senate)\s+)?(?:campaign|team|camp)(?:[’']s)?",
                                 re.IGNORECASE)


def pronoun_campaign(surface: str, text: str, at: int) -> Optional[str]:
    """"His campaign" or "her campaign" is the campaign of the person named last before it whose given name
    or honorific does not say the other sex ("Hillary Clinton pulled a Donald Trump …, as her campaign
    sought" -> Clinton campaign), as the team's labels write it."""
    m = PRONOUN_CAMPAIGN_RE.fullmatch(surface.strip(" ,.;:"))
    if not m:
        return None
    sex = 1 if m.group(1).casefold() == "his" else -1
    common = lowercase_words(text)
    # People: full names with no organisation word, and the surnames they lend (not "Senate", "Here").
    found = [core for (start, _), core in name_matches(text) if start < at and core
             and not any(w.casefold() in ORG_WORDS or w.casefold() in common for w in core)]
    full = [core for core in found if len(core) > 1]
    surnames = {fold(core[-1]) for core in full}
    sexes = dict(honorific_sexes(text))
    for core in full:  # a full name lends its sex to its surname ("Bernie Sanders", later "Sanders")
        if (g := given_name_gender(list(core))) is not None:
            sexes.setdefault(fold(core[-1]), g)
    for core in reversed(found):
        name = " ".join(core)
        person_sex = given_name_gender(list(core)) if len(core) > 1 else sexes.get(fold(core[-1]))
        if person_sex == -sex or is_place(name) or is_known_outlet(name) or fold(core[-1]) not in surnames:
            continue
        return f"{core[-1]} campaign"
    return None


# Evidence that someone has a campaign: "the Trump campaign", "Clinton’s presidential campaign manager".
_CAMPAIGN_OF = re.compile(r"([A-Z][\w.-]*)(?:[’']s)?\s+(?:(?:presidential|re-?election)\s+)?campaign\b")


def expand_acronyms(article: Article) -> Article:
    """A speaker named by an acronym ("IMF", "S.E.C.") takes the article's own full name whose capitalised
    words spell it ("International Monetary Fund"): the fullest name, as the guideline asks. The text is
    only searched when some speaker is an acronym."""
    wanted = {a.speaker for a in article.attributions if a.speaker and ACRONYM_RE.fullmatch(a.speaker.replace(".", ""))}
    if not wanted:
        return article
    spelled = spelled_out_names(article.text)
    full = {s: spelled[s.replace(".", "")] for s in wanted if s.replace(".", "") in spelled}
    if not full:
        return article
    return replace(article, attributions=[replace(a, speaker=full.get(a.speaker, a.speaker)) for a in article.attributions])


# A campaign's ad, video or document ("A new ad from Donald Trump’s presidential campaign", "A document on the
# Trump campaign's website"): the campaign's words.
CAMPAIGN_PRODUCT_RE = re.compile(r"(?:an?|the|this|that|its)\s+(?:[\w-]+\s+){0,2}(?:ad|advertisement|video|document|"
                                 r"e-?mail|memo|mailer|flyer|commercial|spot|press\s+release)s?\s+(?:from|by|on|of)\s+(.+)",
                                 re.IGNORECASE)


def campaign_product(surface: str) -> Optional[str]:
    """The campaign whose ad or document the source is (`CAMPAIGN_PRODUCT_RE`), else None."""
    m = CAMPAIGN_PRODUCT_RE.fullmatch(plain_spaces(surface).strip(" ,."))
    return campaign_name(m.group(1)) if m else None


def _named(article: Article, att: Attribution, mentions: list[list[str]]) -> Attribution:
    if att.source and att.source_type == "vague" and (campaign := campaign_product(article.span_text(att.source, sep=" "))):
        return replace(att, speaker=campaign, source_type="description")
    if not att.source or att.source_type not in ("named", "description"):
        return att
    surface = article.span_text(att.source, sep=" ")
    speaker = (campaign_name(surface) or nearest_campaign(surface, article.text, att.source[0][0])
               or pronoun_campaign(surface, article.text, att.source[0][0])
               or pollster_name(surface, article.text, att.source[0][0]) or product_owner(surface))
    if speaker is None and att.source_type == "named":
        speaker = conjoined_names(surface, mentions) or organisation_name(surface, att.speaker)
    return replace(att, speaker=speaker) if speaker else att


_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul)-(?=\w)")


def _without_article(word: str) -> str:
    return _ARABIC_ARTICLE.sub("", word, count=1) if _ARABIC_ARTICLE.match(word) else word


def fullest_form(speaker: str, mentions: list[list[str]], common: frozenset[str] = frozenset(),
                 sexes: Mapping[str, int] = MappingProxyType({}), surnames: Optional[list[str]] = None) -> str:
    """The article's fullest form of a person's name ("Clinton" -> "Hillary Clinton"), when every longer
    form holding it names the same person (one first name); unchanged when two people share it
    ("Clinton" in an article with Hillary and Bill Clinton). `common`: words the article writes in
    lower case, so a headline's "Christie Calls Hillary Clinton" is no form of the name; `sexes`: the
    article's `honorific_sexes`, so "Obama" in an article of "Mr. Obama" does not become Michelle Obama;
    `surnames`: each mention's `_surname`, when the caller names many speakers of one article."""
    words = speaker.split()
    if not words or len(words) > 3:
        return speaker
    folded = {fold(w) for w in words}
    surname = _surname(words)
    # "Assad" is a form of "Bashar al-Assad": an Arabic article is no part of the surname a later mention writes.
    longer = [m for m, m_surname in zip(mentions, surnames or [_surname(m) for m in mentions])
              if len(m) > len(words) and _without_article(m_surname) == _without_article(surname)
              and folded <= {fold(w) for w in m} | {_without_article(fold(w)) for w in m}
              and not any(w[:1].isupper() and w.casefold() in common for w in m if fold(w) not in folded)
              and not (len(words) == 1 and other_sex(m, sexes))]
    if not longer and (going_on := name_going_on(words, mentions)):
        return " ".join(going_on)
    if not longer and len(words) == 1:
        # A name known by a middle word ("Lula" of "Luiz Inacio Lula da Silva"), when one name holds it there.
        # Not a place inside an organisation's name ("China" of "South China Sea Studies").
        inner = {" ".join(m) for m in mentions if len(m) >= 3 and fold(words[0]) in {fold(w) for w in m[1:-1]}
                 and not any(w[:1].isupper() and w.casefold() in common | ORG_WORDS for w in m)}
        if not inner and not is_known_outlet(words[0]):
            # A person known by their given name ("Sheikh Saeed" of "Sheikh Saeed bin Abdullah Al Fahdi", "Prince
            # Mohammed", a feature's "Freddie"), when one person's full name in the article opens with it: a given
            # name the team's list knows, or an Arabic "bin" (so no acronym's "RT America"); not a surname that opens
            # a building's name ("Trump" of "Trump Tower", which BASIL's article about Trump holds), nor a medium.
            inner = {" ".join(m) for m in mentions if len(m) >= 2 and fold(m[0]) == fold(words[0])
                     and (given_name_gender(m) is not None or any(w in ("bin", "bint", "ibn") for w in m))
                     and not is_known_outlet(" ".join(m))
                     and not any(w[:1].isupper() and w.casefold() in common | ORG_WORDS for w in m)}
        return inner.pop() if len(inner) == 1 and not is_place(speaker) else speaker
    if not longer or len({fold(m[0]) for m in longer}) > 1:
        return speaker
    return " ".join(max(longer, key=len))


def apply_naming(article: Article) -> Article:
    """Every attribution's speaker written by the guideline's conventions (see the module docstring)."""
    if not article.attributions:
        return article
    # Forms from the body only: a Title Case headline glues words to names ("Christie Calls Hillary Clinton",
    # "Derelict Obama").
    first_line = article.text.find("\n")
    body = ([list(core) for (start, _), core in name_matches(article.text) if start > first_line] if first_line >= 0
            else name_mentions(article.text))
    named = replace(article, attributions=[_named(article, a, body) for a in article.attributions])
    common = lowercase_words(article.text)
    surnames = frozenset(fold(m[-1]) for m in body if len(m) >= 2)
    body_text = article.text[max(0, first_line):]
    # Speakers repeat within an article: each distinct one is named once.
    sexes = honorific_sexes(article.text)
    body_surnames = [_surname(m) for m in body]
    fullest = {s: fullest_organisation(fullest_form(s, body, common, sexes, body_surnames), body_text, surnames, common)
               for s in {a.speaker for a in named.attributions if a.speaker}}
    named = replace(named, attributions=[replace(a, speaker=fullest[a.speaker]) if a.speaker else a
                                         for a in named.attributions])
    named = _honoured_surnames(named, body)
    return _turn_labels_as_names(expand_acronyms(_pronoun_after_a_named_speaker(_it_after_an_organisation(_the_organisation_just_quoted(_the_document(_the_ad(_they_after_a_list(
        _the_two_named(named, body, common)))))))))


def _turn_labels_as_names(article: Article) -> Article:
    """A transcript's speaker the article names only by its label in capitals ("WALLACE", "JAKE TAPPER") is
    written as a name ("Wallace", "Jake Tapper"); a fuller form from the body ("Chris Wallace") was already
    taken, and an acronym outside a transcript ("NATO") keeps its capitals."""
    labels = {article.text[source[0][0]:source[0][1]] for source, _, _ in transcript_turns(article.text)}
    if not labels:
        return article
    # The speaker is the label, or its name after a title in capitals ("SENATOR PAULA WEXFORD" names PAULA WEXFORD).
    named = {a.speaker for a in article.attributions if a.speaker and any(
        label == a.speaker or label.endswith(" " + a.speaker) for label in labels)}
    return replace(article, attributions=[replace(a, speaker=_name_case(a.speaker)) if a.speaker in named else a
                                          for a in article.attributions])


def _name_case(label: str) -> str:
    return re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), label)  # O'NEILL -> O'Neill


def _honoured_surnames(article: Article, body: list[list[str]]) -> Article:
    """A bare surname that two people of the article share ("Obama": Barack and Michelle) is the one of the sex its
    source's honorific says ("Mr. Obama"), when one full name of that sex holds it."""
    atts = list(article.attributions)
    for i, att in enumerate(atts):
        if not (att.speaker and att.source and " " not in att.speaker):
            continue
        sex = honorific_sex(article.span_text(att.source, sep=" "))
        if not sex:
            continue
        fuller = {" ".join(m) for m in body if len(m) >= 2 and _surname(m) == _surname([att.speaker])
                  and given_name_gender(m) == sex}
        if len(fuller) == 1:
            atts[i] = replace(att, speaker=fuller.pop())
    return replace(article, attributions=atts)


def fullest_organisation(speaker: str, text: str, surnames: frozenset[str] = frozenset(),
                         common: frozenset[str] = frozenset()) -> str:
    """The article's one longer name of an organisation that holds the speaker's words at its start or
    end ("Department" -> "Department of Veterans Affairs", "National Committee" -> "Republican National
    Committee", "the Times" -> "New York Times"); unchanged when the article has none or several, when
    the speaker is a person there (a surname, or two names whose last the article never writes in lower
    case), a place, a known outlet other than a masthead's noun ("NBC" beside "NBC News"), or when the longer name
    has no organisation's word. `text`: the body (a Title Case headline glues words to names)."""
    words = speaker.split()
    if not words or " and " in speaker or (len(words) == 1 and fold(words[0]) in surnames):
        return speaker
    if is_place(speaker):
        return speaker  # a country speaking is no body named after it ("Iran", not "Atomic Energy Organization of Iran")
    if is_known_outlet(speaker) and speaker.removeprefix("The ") not in MASTHEAD_NOUNS:
        return speaker  # "NBC" stays NBC beside NBC News; "the Times" is the article's New York Times
    if len(words) > 1 and not _has_org_word(words) and words[-1].casefold() not in common:
        return speaker  # a person ("Betsy Sharp of Burke County" is still Betsy Sharp), not "Flight Attendants"
    folded = [fold(w).strip(".,") for w in words]
    longer = set()
    for names, f in _organisations(text):
        if len(f) <= len(folded) or not (f[:len(folded)] == folded or f[-len(folded):] == folded):
            continue
        trailing = f[:len(folded)] == folded
        extra = names[len(folded):] if trailing else names[:len(names) - len(folded)]
        # After "of", "for" or "without" the words are the name's own, however the article writes them elsewhere
        # ("Association of Flight Attendants" in an article about flight attendants).
        own_words = trailing and extra[0].casefold() in {"of", "for"} | _CAUSE_WORDS
        # A company named by its first word and its trade ("Peabody Energy", "Patriot Coal"), the speaker no one's surname.
        trade = len(folded) == 1 and trailing and len(extra) == 1 and (
            extra[0].casefold() in common or fold(extra[0]).strip(".,") in INDUSTRY_WORDS)
        if not own_words and not trade and any(
                (w.casefold() in common or w.casefold() in SENTENCE_OPENERS or w == "According")
                and w.casefold() not in _ORG_JOINS for w in extra):
            continue  # "According to Yahoo News": a sentence's first word, not the name's
        if trailing and not own_words and not trade and (fold(extra[-1]).strip(".,") in surnames or extra[0] == "and"):
            continue  # a person after the organisation ("White House Press Secretary Josh Earnest"), or two names
        if " and the " in f" {' '.join(names)} ":
            continue  # two names ("New York Times and the Gannett newspaper chain")
        if not _has_org_word(names) and not trade:
            continue
        longer.add(re.sub(r"[’']s$", "", " ".join(names).rstrip(".,")))  # "Patriot Coal's" is Patriot Coal
    return longer.pop() if len(longer) == 1 else speaker


_ORG_JOINS = {"of", "to", "for", "and", "on", "in", "the", "a", "&"}
# A company's trade after its first word ("Peabody Energy", "Patriot Coal"), whether or not the article writes it in
# lower case.
INDUSTRY_WORDS = frozenset({
    "energy", "coal", "oil", "gas", "petroleum", "mining", "steel", "motors", "airlines", "airways", "pharmaceuticals",
    "foods", "systems", "technologies", "technology", "capital", "partners", "holdings", "media", "entertainment",
    "communications", "telecom", "electric", "power", "resources", "industries", "labs", "laboratories", "therapeutics",
    "semiconductor", "software", "networks", "logistics", "shipping", "insurance", "securities", "ventures"})


def _body_words(words: list[str]) -> list[str]:
    """An organisation-like run of words without its leading article, nor a person of the organisation ("Rep. Park
    Ji-hoon of the Democratic Unity Party") or its officials ("Officials in the Revenue Department") before it."""
    words = _past_article(words)
    link = next((i for i, w in enumerate(words) if w in PERSON_LINKS), None)
    if link and (given_name_gender(words[:link]) is not None or words[link - 1].casefold() in VAGUE
                 or any(SURNAME_FIRST_GIVEN.fullmatch(w) for w in words[:link])):
        words = _past_article(words[link + 1:])
    return words


def _past_article(words: list[str]) -> list[str]:
    """The words past a leading "the", "a" or "an"."""
    while words and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    return words


@lru_cache(maxsize=16)
def _organisations(text: str) -> tuple[tuple[list[str], list[str]], ...]:
    """Each organisation-like name of the text without a leading article, as its words and their folded
    forms, made once per article rather than once per speaker."""
    out = []
    for m in ORGANISATION_RE.finditer(plain_spaces(text)):
        names = _body_words(m.group(0).split())
        out.append((names, [fold(w).strip(".,") for w in names]))
    return tuple(out)


THEY = {"they", "them", "their"}


def _reading_order(article: Article) -> list[int]:
    """The article's attribution indices in the order their contents start."""
    return sorted(range(len(article.attributions)), key=lambda i: article.attributions[i].content[0][0])


def _they_after_a_list(article: Article, paragraphs: int = 1) -> Article:
    """An unresolved "they", or their plural role ("the senators"), right after statements of several people
    named together ("Mr. Grassley and Mr. Leahy said …. They added …") is those people: the previous
    attribution's speaker, in the same or
    the next paragraph, when it is a list."""
    breaks = paragraph_breaks(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    for before, i in zip(order, order[1:]):
        att, prev = atts[i], atts[before]
        if not (att.source and prev.speaker and " and " in prev.speaker
                and bisect_right(breaks, att.content[0][0]) - bisect_right(breaks, prev.content[0][0]) <= paragraphs):
            continue
        surface = article.span_text(att.source).strip()
        # "they", or the people's plural role ("the senators"), which the ranker may have given one of them.
        one_of_them = att.speaker is None or att.speaker in re.split(r",\s*|\s+and\s+", prev.speaker)
        if (att.speaker is None and att.source_type == "pronoun" and surface.casefold() in THEY) or (
                one_of_them and PLURAL_ROLE_RE.fullmatch(surface)):
            atts[i] = replace(att, speaker=prev.speaker)
    return replace(article, attributions=atts)


PLURAL_ROLE_RE = re.compile(r"(?:the|The)\s+(?:senators|lawmakers|congressmen|congresswomen|ministers|"
                            r"governors|presidents)[,.]?")


# "The ad", "the new spot": an ad the article has just introduced as someone's.
THE_AD_RE = re.compile(r"(?:the|this|that)\s+(?:new\s+|latest\s+)?(ad|advertisement|commercial|spot|video)[,.]?",
                       re.IGNORECASE)
_AN_AD = re.compile(r"\bad\b|advertisement|commercial|spot", re.IGNORECASE)
_A_VIDEO = re.compile(r"video", re.IGNORECASE)


def _earlier_owner(article: Article, order: list[int], n: int, breaks: list[int], paragraphs: int,
                   introduced) -> Optional[str]:
    """The speaker of the nearest attribution before the `n`-th in reading order, within `paragraphs`
    paragraphs, for which `introduced(attribution)` holds."""
    here = bisect_right(breaks, article.attributions[order[n]].content[0][0])
    for j in reversed(order[:n]):
        prev = article.attributions[j]
        if here - bisect_right(breaks, prev.content[0][0]) > paragraphs:
            return None
        if prev.speaker and introduced(prev):
            return prev.speaker
    return None


def _the_ad(article: Article, paragraphs: int = 3) -> Article:
    """"The ad" is the ad an earlier source of the last few paragraphs introduced ("A new ad from Donald Trump's
    presidential campaign …. The ad uses footage …"): that source's speaker, the ad's owner. On PolNeAR dev
    the ranker had made such ads the candidate they quote or attack."""
    breaks = paragraph_breaks(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    for n, i in enumerate(order):
        att = atts[i]
        m = THE_AD_RE.fullmatch(article.span_text(att.source, sep=" ").strip()) if att.source else None
        if not m:
            continue
        kind = _A_VIDEO if m.group(1).casefold() == "video" else _AN_AD

        def introduced(prev: Attribution) -> bool:
            surface = article.span_text(prev.source, sep=" ") if prev.source else ""
            return not THE_AD_RE.fullmatch(surface.strip()) and bool(kind.search(surface))

        if owner := _earlier_owner(article, order, n, breaks, paragraphs, introduced):
            atts[i] = replace(att, speaker=owner, source_type="description")
    return replace(article, attributions=atts)


# "The statement", "the commentary": a document the text has just said someone issued ("… said in a statement").
THE_DOCUMENT_RE = re.compile(r"(?:the|this|that)\s+(?:new\s+|latest\s+|written\s+|joint\s+)?(statement|report|letter|memo|"
                             r"commentary|editorial|communiqu[eé]|filing|release)[,.]?", re.IGNORECASE)


def _the_document(article: Article, paragraphs: int = 2) -> Article:
    """An unresolved "the statement", "the commentary" is its issuer: the speaker of an earlier attribution of the
    last few paragraphs whose sentence names such a document ("Hamas said in a statement on Telegram …. The
    statement accused …"; "The People's Daily said in a commentary …, the commentary said"), as the team's
    labels name them ("The statement" -> Association of Flight Attendants)."""
    breaks = paragraph_breaks(article.text)
    bounds = sentence_bounds(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    for n, i in enumerate(order):
        att = atts[i]
        m = THE_DOCUMENT_RE.fullmatch(article.span_text(att.source, sep=" ").strip()) if att.speaker is None and \
            att.source else None
        if not m:
            continue
        noun = re.compile(rf"\b{m.group(1)}s?\b", re.IGNORECASE)
        # Issued there: "said in a statement", "its commentary"; not "one of the organizers of the letter".
        issued = re.compile(rf"\b(?:an?|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}{m.group(1)}\b", re.IGNORECASE)

        def introduced(prev: Attribution) -> bool:
            surface = article.span_text(prev.source, sep=" ").strip() if prev.source else ""
            at = (prev.cue or prev.source or prev.content)[0][0]
            lo, hi = bounds[sentence_of(bounds, at)]
            return not THE_DOCUMENT_RE.fullmatch(surface) and bool(noun.search(surface) or issued.search(article.text, lo, hi))

        if owner := _earlier_owner(article, order, n, breaks, paragraphs, introduced):
            atts[i] = replace(att, speaker=owner, source_type="description")
    return replace(article, attributions=atts)


def _it_after_an_organisation(article: Article, paragraphs: int = 1) -> Article:
    """An unresolved "it" right after an organisation's statement ("The Trump campaign said …. It added …") is
    that organisation: the previous attribution's speaker, in the same or the next paragraph, when it names
    no person (an organisation's word, a campaign, a known outlet)."""
    breaks = paragraph_breaks(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    for before, i in zip(order, order[1:]):
        att, prev = atts[i], atts[before]
        if (att.speaker is None and att.source and att.source_type == "pronoun" and prev.speaker
                and article.span_text(att.source).strip().casefold() in {"it", "its"}
                and (_has_org_word(prev.speaker.split()) or is_known_outlet(prev.speaker))
                and bisect_right(breaks, att.content[0][0]) - bisect_right(breaks, prev.content[0][0]) <= paragraphs):
            atts[i] = replace(att, speaker=prev.speaker)
    return replace(article, attributions=atts)


def _pronoun_after_a_named_speaker(article: Article) -> Article:
    """A sentence's opening "He" or "She" right after the sentence whose statement a person's full name made
    ("Opposition leader Takeshi Noda … criticized the plan …. He said his party would …") is that person, where
    the ranker preferred the article's main speaker: "He" had been George W. Bush after "Jeb Bush says …" in the team's
    train labels, Kenji Hayashi after Takeshi Noda in a wire-style text; nothing else moved on PolNeAR dev or BASIL."""
    bounds = sentence_bounds(article.text)
    breaks = paragraph_breaks(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    text = article.text
    for before, i in zip(order, order[1:]):
        att, prev = atts[i], atts[before]
        if not (att.source and prev.source and att.source_type == "pronoun" and prev.source_type == "named"
                and prev.speaker and att.speaker != prev.speaker):
            continue
        pronoun = article.span_text(att.source).strip()
        if pronoun not in {"He", "She"}:
            continue
        here = sentence_of(bounds, att.source[0][0])
        if att.source[0][0] != bounds[here][0] and text[bounds[here][0]:att.source[0][0]].strip(" \"“‘'"):
            continue  # not the sentence's first word
        if sentence_of(bounds, prev.source[0][0]) != here - 1 or bisect_right(breaks, prev.source[0][0]) != bisect_right(
                breaks, att.source[0][0]):
            continue
        words = prev.speaker.split()
        if len(words) < 2 or given_name_gender(words) == (1 if pronoun == "She" else -1):
            continue
        atts[i] = replace(att, speaker=prev.speaker)
    return replace(article, attributions=atts)


# "The ministry", "the agency's": an organisation named by its kind alone ("group" is as often people).
THE_KIND_RE = re.compile(r"(?:the|The)\s+(?:[a-z-]+\s+){0,2}?(agency|ministry|company|firm|bank|union|alliance|bloc|"
                         r"organi[sz]ation|board|committee|council|commission|department|association|institute|"
                         r"foundation|coalition|federation|league|authority|corporation)(?:[’']s?)?[,.]?")


def _the_organisation_just_quoted(article: Article, paragraphs: int = 1) -> Article:
    """An unresolved organisation named by its kind ("The ministry also claimed …") right after an organisation's
    statement is that organisation, when the statement's source or speaker holds the kind ("Russia's defence
    ministry said …") or the speaker a word of organisations ("The World Health Organization … The agency said")."""
    breaks = paragraph_breaks(article.text)
    order = _reading_order(article)
    atts = list(article.attributions)
    for before, i in zip(order, order[1:]):
        att, prev = atts[i], atts[before]
        m = THE_KIND_RE.fullmatch(article.span_text(att.source, sep=" ").strip()) if att.speaker is None and \
            att.source else None
        if not (m and prev.speaker and prev.source) or bisect_right(breaks, att.content[0][0]) - bisect_right(
                breaks, prev.content[0][0]) > paragraphs:
            continue
        kind = m.group(1).casefold()
        words = prev.speaker.split()
        holds_kind = kind in fold(article.span_text(prev.source, sep=" ")) or kind in fold(prev.speaker)
        if holds_kind or (_has_org_word(words) and given_name_gender(words) is None):
            atts[i] = replace(att, speaker=prev.speaker, source_type="description")
    return replace(article, attributions=atts)


# "The two men", "both men", "the two countries": a pair the text has just named.
# And bodies ("the two companies", "both clubs", "the two unions"). Not "the pair", "the couple": the last two
# capitalised names before them were no couple as often as one in the probe texts.
PAIR_RE = re.compile(r"(?:(?:the|The)\s+two|(?:both|Both))\s+(?:[A-Z][\w-]*\s+|[a-z]+\s+)?"
                     r"(men|women|leaders|presidents|candidates|senators|countries|nations|governments|"
                     r"companies|firms|clubs|groups|organi[sz]ations|unions|associations|parties|banks|exchanges)[,.]?")
_COUNTRY_PAIRS = {"countries", "nations", "governments"}
_JOINED = re.compile(r"\s*,?\s+and\s+(?:the\s+|[A-Z][\w-]*[’']s\s+)?(?:[A-Z]?[a-z][\w-]*\s+){0,2}")
_BODY_PAIRS = {"companies", "firms", "clubs", "groups", "organisations", "organizations", "unions", "associations",
               "parties", "banks", "exchanges"}
# Places that are no country: capitals' seats of power and blocs ("Mexico and Washington" is no pair of countries).
CITIES_AND_BLOCS = frozenset({"washington", "london", "kremlin", "white house", "brussels", "nato", "un",
                              "united nations", "eu", "european union", "europe"} | set(CAPITAL_COUNTRY))
_NO_COUNTRY = US_PLACES | CITIES_AND_BLOCS


def _the_two_named(article: Article, body: list[list[str]], common: frozenset[str], reach: int = 400) -> Article:
    """An unresolved pair ("The two Republican presidents", "the two countries") is the last two people, or
    countries, named in the `reach` characters before it, in the order the text names them ("… Richard
    Nixon … Ronald Reagan. The two Republican presidents" -> "Richard Nixon and Ronald Reagan"); with
    fewer than two there, it stays unresolved."""
    atts = list(article.attributions)
    for i, att in enumerate(atts):
        if att.speaker is not None or not att.source:
            continue
        m = PAIR_RE.fullmatch(article.span_text(att.source, sep=" ").strip())
        if not m:
            continue
        start = att.source[0][0]
        countries, bodies = m.group(1) in _COUNTRY_PAIRS, m.group(1) in _BODY_PAIRS
        picked: list[str] = []
        spans: list[tuple[int, int]] = []
        for (s, e), core in reversed(name_matches(article.text)):
            if e > start:
                continue
            if s < start - reach or len(picked) == 2:
                break
            name = " ".join(core)
            place = is_place(name) and normalise_name(name) not in _NO_COUNTRY
            # A person: no place, organisation or outlet, and a full name here or in the body ("Cruz" of Ted Cruz).
            person = (not is_place(name) and not _has_org_word(list(core)) and not is_known_outlet(name)
                      and not any(w.casefold() in common for w in core)
                      and (len(core) >= 2 or any(len(b) >= 2 and _surname(b) == _surname(core) for b in body)))
            # A body: a name no one bears as a person's, no place or outlet ("Obi Shahr LLC", "Harcastle United").
            body_name = (not is_place(name) and not is_known_outlet(name) and given_name_gender(list(core)) is None
                         and not any(w.casefold() in common for w in core[:1]) and (len(core) >= 2 or core[0].isupper()))
            wanted = place if countries else body_name if bodies else person
            if wanted and all(_surname(core) != _surname(p.split()) for p in picked):
                picked.append(name)
                spans.append((s, e))
        # Two bodies the text joins by "and" ("Obi Shahr LLC and Sino Servis", "… and Italian spinner Filatura Belcastro"):
        # a name of neither kind looks like both.
        if bodies and len(picked) == 2 and not _JOINED.fullmatch(article.text, spans[1][1], spans[0][0]):
            continue
        if len(picked) == 2:
            names = [p if countries or bodies else fullest_form(p, body, common) for p in reversed(picked)]
            atts[i] = replace(att, speaker=" and ".join(names), source_type="description")
    return replace(article, attributions=atts)

