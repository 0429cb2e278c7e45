"""Canonical speakers by rules: a measured baseline and the candidate generator for a learned ranker.

For each attribution's source mention: classify it (named / pronoun / description /
vague / none); a named mention resolves to the fullest capitalised name in the article
that ends with the same surname (people sharing a surname stay apart when the mention
carries a first name); a pronoun takes the speaker of the nearest earlier attribution
with a named speaker; descriptions and vague sources get `None`.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, Optional, Sequence

import regex  # Unicode letter classes (Krüger, Aydoğdu), which `re` lacks

from .given_names import given_name_gender
from .nationalities import PERSON_DEMONYMS, demonym_ending, introduction_pattern, nationality_of_role
from .schema import Article, Attribution
from .text import LINE_RE, plain_spaces, sentence_bounds, sentence_of

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "his", "them", "you", "who", "that", "which", "whom"}
TITLES = {
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "sens", "senators", "reps",
    "representatives", "gov", "governor", "president", "vice",
    "secretary", "gen", "general", "judge", "justice", "mayor", "prof", "professor", "rev", "former", "chairman",
    "speaker", "leader", "minister", "ambassador", "spokesman", "spokeswoman", "spokesperson", "host", "director",
    "ceo", "chief", "attorney", "chair", "chairwoman", "chairperson", "commissioner", "whip", "lt", "col", "adm",
    "sgt", "superintendent", "councilman", "councilwoman", "assemblyman", "assemblywoman", "sheriff",
    "the", "a", "an", "republican", "democratic", "democrat", "gop", "u", "s", "us", "candidate", "nominee",
    "state",  # "Secretary of State John F. Kerry"
    # Titles that open names in news from elsewhere ("Lawmaker Mohammad Hosseini", "MEP Claire Vasseur").
    "lawmaker", "mep", "mp", "envoy", "analyst", "economist", "activist", "commander", "lawyer", "premier",
    "chancellor", "deputy", "official", "diplomat", "negotiator", "columnist", "editor", "correspondent",
    # Ranks and religious titles ("Admiral Harris" is Harry B. Harris Jr.).
    "admiral", "colonel", "captain", "capt", "lieutenant", "sergeant", "commodore", "brigadier", "rabbi", "imam",
    "sheikh", "bishop", "cardinal", "pastor", "ayatollah", "hojatoleslam", "archbishop", "patriarch", "pope",
    # Offices and roles that open names in US news ("Congressman Adam Schiff", "National Security Adviser
    # Susan Rice", "Special Counsel Robert Mueller").
    "congressman", "congresswoman", "adviser", "advisor", "counsel", "prosecutor",
    "assistant",  # "Special Assistant to the Prime Minister on Digital Outreach Sadia Nasreen Malik"
    # Local offices ("Maricopa County Recorder Stephen Richer", "County Clerk Kim Davis").
    "recorder", "clerk", "treasurer", "auditor", "assessor", "comptroller", "coroner", "registrar", "alderman",
    "selectman", "magistrate", "marshal",
    # Occupations written as titles ("Businessman Cheikh Tidiane Mbaye-Lô", "Stylist Mara Okonjo"), none of them a
    # common surname (not Farmer, Singer, Winger, Trader), and offices and honorifics of more countries ("North
    # Konawe Regent Rahmawati Lasumba", "the wali of Oran", "Congresista Rosa Elvira Tello Bazán", Swahili
    # "Mheshimiwa", an Akan chief's linguist "Okyeame").
    "businessman", "businesswoman", "stylist", "designer", "photographer", "musician", "broadcaster", "athlete",
    "sprinter", "rapper", "entrepreneur", "tycoon", "billionaire", "regent", "wali", "bupati", "congresista",
    "congresistas", "mheshimiwa", "okyeame", "nana",
    # Police ("Officer Betty Shelby", "Detective Sgt. Ann Lee").
    "officer", "detective", "trooper", "patrolman", "constable", "inspector",
    # Words that only open a title ("the Prime Minister" names no one called Prime).
    "prime",
    # Titles and roles that open names in news from elsewhere ("Barrister Faisal Nadeem", "Oba Rasheed Adegbite",
    # "Neighbor Linda Alvarez" opening a sentence).
    "barrister", "oba", "emir", "sultan", "alhaji", "engr", "neighbor", "neighbour", "witness", "crown", "executive",
    "secretary-general", "director-general", "attorney-general", "inspector-general", "solicitor-general",
    # Honorifics of other countries ("Shri Ramesh Tiwari", "Smt. Kavita Rathore", "Datuk Seri Anwar", "Sir Keir
    # Starmer", "Herr Scholz"); not those that are also names ("Sri Lanka", "Don Fowler", "Dan Senor", "Stephen King").
    "shri", "smt", "shrimati", "thiru", "datuk", "dato", "tun", "mullah", "mufti", "baroness", "lord", "dame",
    "sir", "herr", "frau", "monsieur", "madame", "mme", "mlle", "señor", "comrade", "councillor", "cllr",
    # West and East African and Gulf honorifics and offices ("Hajiya Binta Yusuf", "Haji Ghulam Mustafa Memon", "Mama
    # Zawadi Kahindi", "Induna Themba Gumede", "Sheikha Latifa", "Otunba Adeyemi", "Ustaz Hamdan Siregar").
    "haji", "hajiya", "hajia", "mama", "induna", "sheikha", "otunba", "baale", "ustaz",
    # The Gulf's "Engineer" ("Eng. Abdulrahman Al Dosari"); styles of royalty are `_STYLE` ("His Royal Highness").
    "engineer", "eng",
    # A Malaysian state's chief minister, acting for now ("Caretaker Menteri Besar Hamzah Rosli").
    "caretaker", "menteri", "besar",
    # Indian legislators and chief ministers ("Local MLA Deepa Khandelwal", "the CM"); "Hon Rawiri Te Aho".
    "mla", "mlas", "mlc", "cm", "hon", "honourable", "honorable", "legislator", "counsellor", "counselor",
    # Burmese and Cambodian honorifics ("Daw Khin Myat", "Samdech Chea Sophanna", "Oknha Ly Yong Phat").
    "daw", "samdech", "oknha",
    # Film and sport roles written before a name ("Producer Vikram Sabharwal", "Co-star Tanvi Bhatnagar").
    "producer", "co-star", "costar",
    # Knesset members and Ontario's legislators, and the side they sit on ("Opposition MK Noa Ben-Ami").
    "mk", "mks", "mpp", "opposition", "td", "tds",  # and the Dáil's ("Opposition TD Nóirín Breathnach")
    # Occupations written before a name at a sentence's start ("Commentator Lu Hanwen", "Researcher Wang Li"); not
    # those that are also surnames (Singer, Farmer, Cook, Baker, Driver, Player, Winger, Hunter) nor roles written in
    # pairs ("chief pollster and strategist Joel Benenson" read as two names).
    "commentator", "researcher", "scholar", "pundit", "blogger", "journalist", "reporter", "presenter", "anchor",
    "historian", "actress", "actor", "comedian", "novelist", "filmmaker", "coach", "striker", "midfielder",
    "goalkeeper", "defender", "skipper", "cyclist", "economist", "scientist",
    "epidemiologist", "virologist", "physician", "surgeon", "professor",
    # Clergy, advocates and elders ("Father Tomasz Wierzbicki", "The Reverend Mikaele Fa'atonu", "Advocate Rafiqul
    # Islam Shikder", "Mzee Erasto Baguma"), Samoan honorifics ("Afioga", "Susuga", orator "Tulafale"), Spanish
    # legislators ("Diputada Claudia Gramajo"), ranks without dots ("Maj Gen"), cricket's bowlers ("Seamer").
    "father", "fr", "reverend", "monsignor", "msgr", "deacon", "advocate", "mzee", "afioga", "susuga", "tulafale",
    "diputado", "diputada", "senador", "senadora", "maj", "seamer", "spinner", "paceman", "batter", "batsman",
    "sardar", "ato",  # Pakistan's "Sardar Imtiaz Ahmed Khokhar", Ethiopia's "Ato Tamirat Gudeta"
    # Zimbabwe's "Cde" (comrade), Haiti's police "Commissaire", Hawaiʻi's elders ("Kupuna Leimomi Kānealiʻi").
    "cde", "commissaire", "kupuna",
    # Offices written before a name in capitals ("Pell County Emergency Manager Ron Hatcher").
    "manager", "coordinator", "collector",  # India's "District Collector N. Sundaravalli"
    "kaumātua", "kaumatua",  # a Māori elder ("Kaumātua Wiremu Te Awa Hēnare")
    # Bhutan's minister, district governor, honorific and gewog head ("Lyonpo Sangay Lhendup", "Dzongdag Dasho Karma
    # Tenzin", "Gup Tshewang Rinzin"), Botswana's chief ("Kgosi Kebonang Ramotlhabi"), the Maldives' "Uz." (Ustaz),
    # Italian and Buddhist honorifics ("Signor Bruni", "Ven. Medagama Sumanatissa Thera").
    "lyonpo", "dzongdag", "dasho", "gup", "kgosi", "uz", "signor", "signora", "ven", "venerable",
    "undersecretary", "under-secretary",  # "Mining Undersecretary Jorge Lillo Cancino"
    "major",  # "Major Jan Pokorný" (only before a first name: John Major)
}
# Titles that are also names inside a name (Kurdish and Afghan "Sardar"): a title only before the name's first word.
_NAME_OR_TITLE = {"sardar", "nana", "kgosi", "major"}  # "Nana Kwaku Boakye Ampem III": an Akan chief's title; "Thato Kgosi"
# Kenya's Cabinet and Principal Secretaries by their initials, titles only before a name ("Interior CS Joseph Wambua";
# "CS said" may be a company).
_INITIALS_BEFORE_NAMES = {"CS", "PS"}


def _person_follows(words: Sequence[str]) -> bool:
    """A person's name opens `words`: a known given name, or two capitalised words or more, none a body's kind."""
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    return given_name_gender(run[:1]) is not None or (
        len(run) >= 2 and not any(w.casefold().strip(".,") in ORGANISATION_HEADS for w in run))
# Parts of a rank written with hyphens ("Lieutenant-General", "Major-General", "Rear-Admiral", "Air-Marshal").
_RANK_PARTS = {"major", "rear", "air"}
# South Asian police ranks by their initials, written with the area they command ("SSP-South Asif Raza Soomro",
# "DIG-East", "SP City").
_POLICE_RANKS = {"ssp", "sp", "dsp", "asp", "dig", "aig", "ig", "igp", "sho", "dpo", "ccpo"}
_POLICE_RANKS_ALONE = {"ssp", "dsp", "igp", "sho", "dpo", "ccpo"}  # not "AIG", "IG Metall", "Dig Deeper"
_AREAS = {"north", "south", "east", "west", "central", "city", "rural"}
# Title words that also open an organisation's name or none ("State Department", "Republican Party", "U.S."):
# a person's title is any other.
PERSON_TITLES = frozenset(TITLES) - {"the", "a", "an", "u", "s", "us", "state", "republican", "democratic", "democrat",
                                     "gop", "former"}
VAGUE = {
    "source", "sources", "official", "officials", "report", "reports", "critics", "some", "many", "analysts",
    "experts", "people", "aides", "observers", "polls", "studies", "others", "several", "commentators", "supporters",
    "voters", "democrats", "republicans", "insiders", "authorities", "police", "documents", "most", "few",
}
# A capitalised word in any script: initials ("U."), inner capitals (McConnell, DuVernay), an O’/D’
# prefix (O’Neill), an apostrophe inside (Ja'far, Fa'alogo; not a possessive or a contraction), an Arabic article (al-Rubaie),
# hyphens (Crouse-Mays), or an acronym (IMF).
_TOKEN = r"(?:(?:\p{Lu}\.){2,3}|\p{Lu}\.|(?:(?:al|el|ad|ar|as|ash|at|az|ul)-)?(?:\p{Lu}[’'])?\p{Lu}\p{L}*(?:[’'](?!(?:s|t|d|m|ll|re|ve)\b)\p{L}+)*(?:-\p{L}+)*\p{Ll}|\p{Lu}{2,})"
# Names stay on one line, joined by single spaces; a possessive ("Donald Trump’s") ends a
# name, since the repetition needs a space right after each word.
# A nickname in quotation marks between name words belongs to the name (Robert C. "Bobby" Scott).
# Lower-case particles join a name's words ("Luiz Inácio Lula da Silva", "Ursula von der Leyen", "Faisal bin Farhan").
JOINING_PARTICLES = ("de", "da", "dos", "das", "del", "della", "dello", "delle", "degli", "dei", "di", "du", "van", "von",
                     "der", "den", "ter", "ten", "bin", "ibn", "ben", "la", "las", "los",  # "María de la Luz Carrillo"
                     # in a body's name: "Observatorio Ciudadano por la Transparencia", "Frente para la Victoria",
                     # "Rassemblement pour la République"
                     "por", "para", "pela", "pelo", "pour", "do",  # "Maria do Carmo Teixeira Lopes"
                     "Ó", "Ní", "Ua")  # Irish surnames: "Ciarán Ó Dálaigh", "Aoife Ní Bhriain"
_PARTICLE = rf"(?:{'|'.join(JOINING_PARTICLES)})(?!\w)"
# Inside a name, an elided French or Italian article ("Bruxelles Ouvrages d'Art") and a plural possessive before a
# body's kind ("Tripoli Bakery Owners' Union", "Anatolian Grain Producers' Confederation").
_ELIDED = r"[dl][’']\p{Lu}\p{L}+"
_BODY_KINDS_AFTER_PLURAL = ("Union", "Unions", "Association", "Associations", "Confederation", "Federation", "Council",
                            "Forum", "Front", "Alliance", "Movement", "Cooperative", "League", "Syndicate", "Club",
                            "Society", "Guild", "Congress", "Chamber", "Committee", "Fund", "Party", "Network",
                            "Coalition", "Organisation", "Organization", "Institute", "Foundation", "Collective")
_PLURAL_OWNER = rf"\p{{Lu}}\p{{L}}*s[’'](?= (?:{'|'.join(_BODY_KINDS_AFTER_PLURAL)})\b)"
NAME_RE = regex.compile(rf"{_TOKEN}(?: (?:{_PLURAL_OWNER}|{_TOKEN}|{_PARTICLE}|{_ELIDED}|"
                        rf"[“\"]\p{{Lu}}\p{{Ll}}+[”\"](?= {_TOKEN})))*")
ARTICLE_PREFIX = regex.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul)-\p{Lu}")
PREPOSITIONS = {"to", "of", "for", "in", "at", "from", "with", "on", "about"}
QUANTIFIERS = {"a", "an", "some", "many", "several", "one", "two", "three", "other", "another", "most", "few"}


_WORD_RE = re.compile(r"[\w’'.-]+")


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


PARTICLES = {p.casefold() for p in JOINING_PARTICLES} | {"al", "la", "le"}
_PATRONYMIC = {"bin", "binti", "bint", "ibn"}  # "son/daughter of", before the father's name and titles
# A ministry's or a department's subject after a title and "of" ("Minister of Mines and Energy", "Secretary of
# Foreign Affairs"): part of the title, not of the name after it.
PORTFOLIO_WORDS = {
    "foreign", "affairs", "finance", "defence", "defense", "health", "education", "justice", "interior", "trade",
    "industry", "agriculture", "labour", "labor", "economy", "economic", "energy", "mines", "transport",
    "transportation", "environment", "culture", "tourism", "communications", "information", "home", "internal",
    "external", "public", "works", "security", "national", "planning", "development", "commerce", "housing", "water",
    "resources", "science", "technology", "sports", "youth", "women", "family", "social", "welfare", "petroleum", "oil",
    "mining", "fisheries", "infrastructure", "digital", "budget", "treasury", "immigration", "veterans", "urban",
    "rural", "human", "services", "cooperation", "investment", "investments", "climate", "emergency", "emergencies",
    "local", "government",
    "outreach", "media", "political", "parliamentary", "international", "legal", "overseas", "accountability",
    "reform", "reforms", "revenue", "narcotics", "maritime", "aviation", "railways", "power", "food", "disaster",
    "management", "relief", "strategic", "diaspora",
    "opposition"}  # "Leader of the Opposition Firoz Ahmed Qureshi"
# Capitalised only because they open a sentence; never the start of a name.
SENTENCE_OPENERS = {"but", "and", "or", "so", "when", "if", "as", "in", "on", "at", "after", "before", "while",
                    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "crooked", "yet", "still",
                    # closed-class words (prepositions, conjunctions, pronouns) that no name starts with
                    "unlike", "like", "despite", "although", "though", "because", "since", "unless", "until",
                    "whether", "without", "within", "among", "against", "from", "with", "during", "under",
                    "through", "toward", "towards", "everything", "everyone", "everybody", "nothing", "nobody",
                    "something", "someone", "anyone", "anything", "every", "each", "both", "many", "most",
                    "several", "some", "few", "another",
                    "even", "also", "only", "then", "thus", "meanwhile", "however", "instead", "indeed",
                    "perhaps", "maybe", "where", "what", "why", "how", "you", "our", "my", "your", "his", "her",
                    "their", "its",
                    # "For Gélase Bigirimana, president of the AMTB, the authorities …"
                    "for", "by", "amid"}


def _core_name(surface: str) -> list[str]:
    """`_core_words` as a fresh list (callers may change it)."""
    return list(_core_words(surface))


NICKNAME_RE = re.compile(r"(?<=\S )[“\"]([A-Z][a-z]+)[”\"](?= [A-Z])")
MEMBERS_RE = re.compile(r"\w+(?:ans|ats|ists)")  # Republicans, Democrats, Socialists: members, not one speaker


def names_members(word: str) -> bool:
    """Whether a word names members, not one speaker: "Democrats", and hyphenated "African-Americans"."""
    return bool(MEMBERS_RE.fullmatch(word.split("-")[-1]))


# A title in a compound ("President-elect", "Minister-designate", "Then-candidate" opening a sentence) is a title.
COMPOUND_TITLE_RE = re.compile(r"(?:then|ex|former)-\S+|(\S+?)\.?-(?:elect|designate)")


def is_title(bare: str) -> bool:
    """Whether a folded word, stripped of dots, is a title ("sen", "president-elect", "then-candidate")."""
    if bare in TITLES:
        return True
    if "-" in bare and all(part in TITLES or part in _RANK_PARTS for part in bare.split("-")):
        return True
    if bare in _POLICE_RANKS_ALONE or ("-" in bare and bare.split("-", 1)[0] in _POLICE_RANKS and bare.split("-", 1)[1] in _AREAS):
        return True
    m = COMPOUND_TITLE_RE.fullmatch(bare)
    return bool(m) and (m.group(1) is None or m.group(1) in TITLES)


# Nouns for people by their endings (actress, historian, pollster, billionaire, parent, co-moderator, wonderkid).
PERSON_NOUN_ENDING = r"(?:er|or|ist|ian|ess|ant|ent|aire|ine|ee|kid|ster|man|woman)"
_PERSON_NOUN = re.compile(rf"[A-Z][a-z]*-?[a-z]*{PERSON_NOUN_ENDING}")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


# A style of royalty or office before a name ("His Royal Highness Prince Faisal", "Her Excellency"), and Malaysia's
# compound styles ("Datuk Seri Hamzah Rosli", "Tan Sri Lim Boon Keat", "YB"), "H.E."; "Royal" alone opens names of bodies
# ("The Royal College of Nursing"), "Sri" alone names ("Sri Mulyani").
_STYLE = re.compile(r"\b(?:(?:[Hh]is|[Hh]er|Their|Your)\s+(?:Royal\s+|Imperial\s+|Serene\s+)?(?:Highness(?:es)?|Excellency|Majesty|"
                    r"Honou?r|Worship|Lordship|Ladyship)|"
                    r"(?:Tan|Puan)\s+Sri|(?:Datuk|Dato['’]?)\s+(?:Seri|Sri)|Yang\s+Berhormat|YB)\b|\bH\.\s?E\.")


# Words of bodies' names a nationality may open ("the Ukrainian Air Force", "Chinese Communist Party", "Russian
# Railways"), besides `ORGANISATION_HEADS`: there the nationality is part of the name.
_BODY_NAME_WORDS = {"air", "force", "forces", "army", "navy", "airlines", "airways", "railways", "times", "news", "post",
                    "press", "radio", "television", "broadcasting", "airport", "team", "club", "national", "republic",
                    "state", "communist", "socialist", "democratic", "people's", "red", "cross", "crescent", "orthodox",
                    "catholic", "church", "guard", "guards", "telecom", "oil", "gas", "energy", "mail", "survey",
                    "census", "study", "index", "program", "programme", "initiative", "house", "museum", "library",
                    "hospital", "cup", "open", "championship", "games", "grand", "prix", "motors", "express",
                    "community", "academy", "institute", "fund", "council", "chamber", "society"}


_PLACE_WORDS = {"province", "region", "district", "republic", "prefecture", "oblast", "county", "state", "city", "island",
                "islands", "valley", "river", "coast", "bay"}


@lru_cache(maxsize=1 << 14)
def _core_words(surface: str) -> tuple[str, ...]:
    """The capitalised, non-title words of a mention ("Vermont Sen. David R. Perdue (R-Ga.)" -> [David, R., Perdue]).

    Words before the last title belong to the title ("British Prime Minister", "Wells Fargo
    CEO"), so the name starts after it; middle initials and suffixes stay ("John D. Podesta").
    """
    surface = _STYLE.sub(" ", re.sub(r"\([^)]*\)", " ", surface))
    # A one-word nickname between name words stays, in straight quotes (Robert C. "Bobby" Scott, as the
    # guideline writes it); other quoted words go.
    nicknames = set(NICKNAME_RE.findall(surface))
    surface = NICKNAME_RE.sub(r"\1", surface)
    surface = re.sub(r"[“\"][^”\"]{1,20}[”\"]", " ", surface)
    out: list[str] = []
    before_title: list[str] = []
    owner = False
    portfolio = 0  # 1 just after a title, 2 inside its "of Mines and Energy" (which belongs to the title)
    words = _words(surface)
    for i, w in enumerate(words):
        # (A plural's apostrophe before a body's kind is the name's: "Tripoli Bakery Owners' Union".)
        possessive = bool(re.search(r"[’']s?$", w)) and len(w) > 2 and not (
            re.search(r"s[’']$", w) and i + 1 < len(words) and words[i + 1] in _BODY_KINDS_AFTER_PLURAL)
        w = re.sub(r"[’']s?$", "", w) if possessive else w
        bare = w.strip(".").casefold()
        if not out and bare in SENTENCE_OPENERS:
            continue
        if portfolio == 1 and bare in {"of", "for"}:
            portfolio = 2
            continue
        if portfolio == 2 and (bare.strip(",") in PORTFOLIO_WORDS or bare in {"and", "&", "the"}):
            continue
        portfolio = 0
        # A title, a lowercase word ("economist") or an owner ("NBC’s", "Clinton’s campaign manager")
        # ends what came before: the name is what follows.
        lowercase = w[:1].islower() and not ARTICLE_PREFIX.match(w) and not regex.fullmatch(_ELIDED, w)
        # Initials before a name word ("K. Ramachandran", "S. Venkatanarayanan", "E. J. Fleming") open it.
        following = words[i + 1] if i + 1 < len(words) else ""
        opens_name = bool(_INITIALS.fullmatch(following)) or (
            len(following) > 2 and following[:1].isupper() and not is_title(following.strip(".").casefold()))
        # A middle initial is no title, though "S." may be one of "U. S." ("Robert S. Mueller III").
        title = (is_title(bare) or (w in _INITIALS_BEFORE_NAMES and _person_follows(words[i + 1:]))) and not (
            re.fullmatch(r"[A-Z]\.", w) and (out or opens_name)) and not (
            bare in _NAME_OR_TITLE and len(out) == 1 and sum(x[:1].isupper() for x in words[i + 1:]) <= 1)
        # ("Sardar Imtiaz Khokhar": a title; "Hemin Sardar Aziz": a name)
        # A father's titles after "bin" are his name's ("Mohd Rosli bin Pengiran Haji Damit"), not a new name's start.
        if title and following[:1].isupper() and not w.endswith(",") and any(x.casefold() in _PATRONYMIC for x in out[1:]):
            title = False
            out.append(w)
            continue
        if title or (owner and w[:1].isupper()) or (lowercase and bare not in PARTICLES):
            if out:
                before_title, out = out, []
            owner = False
            portfolio = 1 if title else 0
            if title or lowercase:
                continue
        if out and _INITIALS.fullmatch(w):
            out.append(w)  # "John D. Podesta", "George H.W. Bush"
        elif _INITIALS.fullmatch(w) and not out and opens_name:
            out.append(w)  # "K. Ramachandran", "P.R. Selvaraj", "H.R. McMaster"
        elif (w[:1].isupper() and len(bare) > 1) or (out and bare in PARTICLES) or ARTICLE_PREFIX.match(w) or (
                out and regex.fullmatch(_ELIDED, w)):
            out.append(w.strip(".,") if not re.fullmatch(r"(?:Jr|Sr)\.", w) else w)
        owner = possessive and bool(out)
    if not out:
        out = before_title
    while out and (out[-1].casefold() in PARTICLES | POST_NOMINALS or re.fullmatch(r"[A-Z]\.", out[-1])):
        out.pop()
    out = _wife_named_by_husband(out, bool(out) and re.search(rf"\bMrs\.?\s+{re.escape(out[0])}\b", surface) is not None)
    # A noun of a person's kind before a given name describes them ("Actress Eva Longoria", "Co-moderator Andrea
    # Mitchell", "Wonderkid Danny Okafor"): a title the list lacks, not the name. Given names missing from the list
    # ("Asif Ali Zardari", "Andrés Manuel López Obrador") do not end like such nouns.
    if (len(out) >= 3 and _PERSON_NOUN.fullmatch(out[0]) and given_name_gender(out[:2]) is None
            and given_name_gender(out[1:]) is not None):
        out = out[1:]
    # A nationality or a base before a name describes it ("Canadian Maëlle Gagnon", "Frenchman Julien Morvan",
    # "Bucharest-based Lumen Sud", "Dutch-born dairy farmer …").
    if len(out) >= 3 and (out[0] in PERSON_DEMONYMS or out[0].endswith(("-based", "-born"))) and not any(
            w.casefold() in _BODY_WORDS for w in out[1:]):
        out = out[1:]
    # A person named by initial after their body's name ("Director of the Centre A. Orazova"): the name starts at the
    # initial. (Not the unspaced Mongolian "Association D.Erdenebileg": the article's name forms split it.)
    cut = next((i for i in range(len(out) - 2, 0, -1) if re.fullmatch(r"[A-Z]\.", out[i])
                and out[i - 1].casefold().strip(".,") in _BODY_OR_COMPANY_WORDS), None)
    out = out[cut:] if cut else out
    return tuple(f'"{w}"' if w in nicknames and 0 < i < len(out) - 1 else w for i, w in enumerate(out))


# Adverbs a predicted source span may drag along ("Okafor later told Reuters").
TRAILING_ADVERBS = {"later", "also", "again", "too", "then", "earlier", "previously", "recently", "once", "still",
                    "further", "himself", "herself", "themselves", "now", "today", "yesterday", "first"}


_PARENTHESES = re.compile(r"\([^)]*\)")


def _head_part(surface: str) -> str:
    """The mention before any preposition or comma ("Iran's ambassador to Russia" -> "Iran's ambassador")."""
    surface = _PARENTHESES.sub(" ", surface).split(",")[0]
    words = surface.split()
    for i, w in enumerate(words):
        if i and w.casefold() in PREPOSITIONS:
            words = words[:i]
            break
    while len(words) > 1 and words[-1].casefold() in TRAILING_ADVERBS:
        words.pop()
    return " ".join(words)


# A description, then the full name of whom it describes: "A top strategist, John Weaver,", "The minister of
# the economy, Mr. Guajardo Villarreal,". All 33 such gold sources in the team's PolNeAR labels (10 dev,
# 23 train) have that name as their speaker; the head alone had made 17 of them vague ("Another critic").
# A profession in lower case may stand before the name (", engineer Héctor Salinas Villarreal,"); no conjunction,
# preposition or participle (", speaking to Al Jazeera", ", led by Istanbul-based …").
TRAILING_APPOSITIVE_RE = regex.compile(rf",\s*(?:(?!(?:and|or|with|including|but|like|to|by|at|in|on|of|from|for|the|an?)\s)"
                                       rf"[a-z]+(?<!ing)(?<!ed)\s+){{0,2}}"
                                       rf"((?:(?:Mr|Mrs|Ms|Dr|Hon|Rt|Rev|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Fr|Msgr|Sen|Rep|Gov)\.\s+){{0,3}}"
                                       rf"{NAME_RE.pattern})\s*,?\s*$")


_AGE_AND_AFTER = re.compile(r",\s*\d{1,3}\s*,.*$", re.S)


# A name a description closes by naming ("The runner, a Basuto named Mokete,", "A herder known simply as Tsogoo", "a
# bootblack known to the brokers only as Sparky"): one word or two, which no list of given names knows.
_KNOWN_AS = regex.compile(r"\b(?:named|called|nicknamed|known\s+(?:[a-z][\w’'-]*\s+){0,5}?as)\s+(\p{Lu}[\w’'-]+(?:\s+\p{Lu}[\w’'-]+)?)"
                          r"\s*,?\s*$")
# A role its owner's name qualifies, before a one-word name ("Indonesia's ambassador in Washington, Prasetyo,").
_OWNED_ROLE_HEAD = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s?\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*)"
                              r"(?:\s+(?:in|at|to|for|of)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?")


def _owned_person_role(head: str) -> bool:
    """A person's role its owner's name qualifies ("Indonesia's ambassador in Washington"), not a body ("Trump's
    campaign")."""
    m = _OWNED_ROLE_HEAD.fullmatch(head)
    return m is not None and (m.group("role") in PERSON_TITLES or bool(re.fullmatch(rf"[a-z-]*{PERSON_NOUN_ENDING}", m.group("role"))))


def appositive_name(surface: str) -> list[str]:
    """The core words of a full name (two words or more) closing the mention after a comma, else [];
    not after a head that is itself a full name ("Barack Obama, Hillary Clinton" lists two people), unless
    a role stands between them ("Egypt's State Information Service, the head of the service, Diaa Rashwan").
    An age and what follows it close no name ("Her neighbour, Armen Baghdasaryan, 45, a beekeeper,").
    A name the description closes by naming counts, one word too ("a Basuto named Mokete")."""
    if known := _KNOWN_AS.search(surface):
        return _core_name(known.group(1))
    surface = _AGE_AND_AFTER.sub(",", surface)
    # A role after the name closes nothing either ("Another expert, Xu Jianping, deputy director of the centre,").
    parts = surface.rstrip(" ,").split(",")
    if len(parts) >= 3 and parts[-1].strip()[:1].islower() and parts[-2].strip()[:1].isupper():
        surface = ",".join(parts[:-1]) + ","
    m = TRAILING_APPOSITIVE_RE.search(surface)
    core = _core_name(m.group(1)) if m else []
    if len(core) < 2 and (firm := _OF_FIRM_AFTER.search(surface)):
        # The name with its firm after it ("Counsel for Parcelo, Alicia Moreno-Platt of Harrow & Lindgren LLP,").
        bare = surface[:firm.start()] + ","
        m2 = TRAILING_APPOSITIVE_RE.search(bare)
        if m2 and len(_core_name(m2.group(1))) >= 2:
            surface, m, core = bare, m2, _core_name(m2.group(1))
    if len(core) == 1 and not core[0].isupper() and (_LOWER_ROLE_HEAD.fullmatch(head := surface[:m.start()].strip())
                                                     or _OWNERS_KIN.fullmatch(head) or _owned_person_role(head)):
        # One word after a role written all in lower case: a one-word name ("The minister responsible for the civil
        # service, Sulistyowati,"; Indonesian, Burmese, Afghan and Mongolian usage).
        return core
    if len(core) < 2:
        return []
    parts = [p.strip() for p in surface[:m.start()].split(",") if p.strip()]
    # The role in lower case at both ends ("the head of the service"), not a place ("a salesman from Sumter, South Carolina");
    # or a head that is itself a role of someone ("Chancellor Olaf Scholz's spokesman, Steffen Hebestreit").
    role = len(parts) >= 2 and parts[-1][:1].islower() and parts[-1].split()[-1][:1].islower()
    head = _head_part(surface)
    owned_role = bool(re.search(r"[’']s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$", head.strip()))
    # A role its employer's name qualifies ("Another RT America host, Abby Martin").
    named_role = bool(re.search(r"\s[a-z][\w-]*$", head.strip()))
    # A head that opens on a role in lower case ("The director of the Organismo Metropolitano del Agua (OMA)").
    described = bool(re.match(r"(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+(?:of|for|at)\s", head.strip()))
    return core if len(_core_name(head)) < 2 or role or owned_role or named_role or described else []


# A plural of people by its ending ("peasants", "villagers", "protesters", "employees"); wider than the ranker's
# `_PLURAL_HEAD`, which must not take "documents" for people.
_PEOPLE_PLURAL = re.compile(r"[a-z]+(?:ers|ors|ists|ants|ents|ians|ees|ives)")
# A firm or place after a name: "of Harrow & Lindgren LLP", "of Brightwater Keane".
_OF_FIRM_AFTER = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|&|and|of))*\s*,?\s*$")
# Close relatives, whose words are not the relative's ("Keith Lamont Scott's wife"); also read by the ranker.
CLOSE_KIN = r"wife|husband|widow|mother|father|son|daughter|brother|sister|niece|nephew"
# A relative named by whose relative they are ("Ms Haddad's husband, Youssef,", "Ruto's eldest son, Kiprono,"): families
# share a surname, so one word names them.
_OWNERS_KIN = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}[’']s?\s+(?:[a-z][\w-]*\s+){0,2}"
                         rf"(?:{CLOSE_KIN}|uncle|aunt|cousin|grandson|granddaughter|grandfather|grandmother|partner|"
                         r"fianc[ée]e?|widower|stepson|stepdaughter|stepfather|stepmother)")
# "The minister responsible for the civil service", "His lawyer": a role with no capital after its first word.
_LOWER_ROLE_HEAD = re.compile(r"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)(?:\s+[a-z][\w’'-]*)+")


# What keeps sources unnamed ("people familiar with the matter", "officials briefed on the talks", "sources close to
# the company, who asked not to be identified").
UNNAMED_BY_CHOICE = re.compile(r"\b(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
                               r"involved\s+in|who\s+(?:spoke|asked|requested|declined)|on\s+condition\s+of|"
                               r"not\s+authori[sz]ed|(?:did\s+not|didn[’']t|not)\s+(?:wish|want|wishing|wanting)\s+to\s+be)\b")


# A country's or a kind of media, no one outlet ("Iranian media", "Russian state media", "local media", "the media").
COLLECTIVE_MEDIA = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?(?:[a-z-]+\s+){0,2}media")


# "Sources within the RFS", "sources in the Justice Department": sources placed, still unnamed.
_PLACED_SOURCES = re.compile(r"(?i)sources?\s+(?:within|inside|in|at)\s")
# People who are no one's voice, placed or described ("Residents at a hui at Te Rangimārie Marae", "supporters of
# Hillary Clinton", "Republicans on the House Financial Services Committee"): still unnamed, as the team labels them,
# unless the source names some of them or their leader ("Critics of the program, like Senators Charles E. Grassley …",
# "Observers from the African Union, led by … Thato Kgosi"). A determined group ("the people of Ohio") is a
# description; officials speak for the body they are at, analysts and economists for their firm ("Analysts at
# Goldman Sachs wrote").
_PLACED_GROUPS = re.compile(
    r"(?i)(?:(?:some|many|several|most|other|two|three|four)\s+)?(?:residents|critics|experts|observers|"
    r"supporters|opponents|voters|protesters|demonstrators|farmers|workers|members|activists|villagers|locals|parents|"
    r"students|commuters|traders|democrats|republicans|insiders|people)\s+"
    r"(?:at|in|of|from|on|across|inside|within|near|around|outside)\s")
_NAMED_AMONG = re.compile(r"\b(?:like|including|such\s+as|among\s+them|led\s+by|headed\s+by)\b")


def no_one_named(surface: str) -> bool:
    """Sources unnamed on purpose ("people familiar with the matter", "sources within the RFS") or a kind of media
    ("Iranian media")."""
    first = next(iter(surface.split()), "").casefold()
    return bool((first in VAGUE and UNNAMED_BY_CHOICE.search(surface)) or _PLACED_SOURCES.match(surface.strip())
                or (_PLACED_GROUPS.match(surface.strip()) and not _NAMED_AMONG.search(surface))
                or COLLECTIVE_MEDIA.fullmatch(surface.strip(" ,.")))


def demonym_description(head: Sequence[str]) -> Optional[str]:
    """The nationality a mention's head words describe one person by ("the Swede", "the 24-year-old Kenyan", "The
    Costa Rican"), else None."""
    return demonym_ending(head) if head and head[0].casefold() in DETERMINERS else None


def source_type(surface: str) -> str:
    raw = _words(surface)
    words = [w.casefold().strip(".,") for w in raw]
    if not words:
        return "none"
    # Initials that spell a pronoun are a name ("The WHO said", "IT said"); "I" is a pronoun.
    if len(words) <= 2 and words[-1] in PRONOUNS and not (raw[-1].isupper() and len(raw[-1]) > 1):
        return "pronoun"
    if _STYLE.fullmatch(surface.strip(" ,.")) or (len(raw) == 2 and words[0] == "the" and raw[1] in _INITIALS_BEFORE_NAMES):
        return "description"  # a style alone ("her Honour", "His Excellency") or "the CS" describes an office-holder
    if appositive_name(surface) or _office_holder(surface):
        return "named"
    if ADJECTIVE_THEN_NAME.fullmatch(surface.strip(" ,.")):
        return "named"  # "A teary-eyed Bush", "a desperate HP": a named one, described
    if (words[0] in QUANTIFIERS or (len(words) <= 2 and words[-1] in VAGUE) or bare_plural(surface)
            or no_one_named(surface)):
        return "vague"
    head = _words(_head_part(surface))
    while head and head[-1].casefold() in POST_NOMINALS:
        head = head[:-1]
    if demonym_description(head):
        return "description"
    if (head and _core_name(head[-1])) or _trailing_name(surface):
        return "named"
    return "description"


# "A teary-eyed Bush", "a more cautious White House": an article, lower-case words that are no preposition, then a
# name (not "A spokesman for Platte River", "A chorus of prominent Republicans", "an anti-Trump PAC").
ADJECTIVE_THEN_NAME = regex.compile(r"(?:[Aa]n?)\s+(?:(?!(?:for|of|in|by|to|with|from|at|on|about|within|inside|among|near|"
                                    r"under|behind|close|familiar|source|sources|official|officials|spokes\w*|aide|adviser|"
                                    r"member|leader|group)\s)[a-z][a-z-]*\s+){1,3}"
                                    r"(?!PAC\b)\p{Lu}[\w’'-]*(?:\s+\p{Lu}[\w’'-]*){0,3}")


_REPORTING_VERBS = {"says", "claims", "warns", "tells", "argues", "insists", "adds", "writes", "notes", "thinks",
                    "believes", "wants", "calls", "accuses", "denies", "urges", "vows", "slams", "blasts", "admits"}
_MODIFIED_PLURAL = re.compile(r"(?!(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|"
                              r"[Yy]our)\s)[A-Z]?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+[a-z][a-z-]+[^\Wsiu]s")


def bare_plural(surface: str) -> bool:
    """A source that is one plural common noun ("unions", "experts", "investors"), or one after up to three
    modifiers and no determiner ("Industry analysts", "Foreign policy analysts", "Clinton supporters"): a group
    nobody names. All 80 one-word sources in the team's labels have no speaker, and 124 of the 128 modified
    ones; the others join a person ("Sanders and his supporters")."""
    phrase = surface.strip(" ,.;:")
    if re.fullmatch(r"[a-z]{3,}s", phrase):
        return phrase not in PRONOUNS
    # One described by what they did ("residents who spoke to New Vision", "officials who attended", "Reports
    # reaching London", opening a sentence).
    m = re.fullmatch(r"([A-Za-z][a-z]{2,}s)\s+(?:who|that|[a-z]+ing)\s.*", phrase, re.S)
    if m and (m.group(1).islower() and m.group(1) not in PRONOUNS or m.group(1).casefold() in VAGUE
              or _PEOPLE_PLURAL.fullmatch(m.group(1).casefold())):  # "Peasants who fled to San Sebastian"
        return True
    return bool(_MODIFIED_PLURAL.fullmatch(phrase)) and not re.search(r"\band\s+(?:his|her|their|has)\b", phrase) \
        and phrase.rsplit(None, 1)[-1] not in _REPORTING_VERBS  # a headline's "Trump says"


def _trailing_name(surface: str) -> list[str]:
    """A full name after a title with a preposition ("Secretary of State John F. Kerry"); one word is not
    enough ("Ambassador to Russia" names a country, not the speaker), nor is a non-title head
    ("A spokeswoman for Hillary Clinton" is not Hillary Clinton)."""
    words = [w.strip(".").casefold() for w in _words(surface)]
    words = [w for w in words if w not in {"the", "a", "an"}]
    if not words or words[0] not in TITLES:
        return []
    # Up to the first comma, unless the office runs on past it ("Minister of Environment, Water and Agriculture X").
    core = _core_name(surface.split(",")[0]) or _core_name(surface)
    return core if len(core) >= 2 else []


WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


def _nationality_only(core: Sequence[str]) -> bool:
    """Whether a name's core words are only a nationality ("Swede", "Costa Rican", "Russian-born Kazakh")."""
    noun = demonym_ending(core)
    return noun is not None and all(w.endswith("-born") for w in core[:len(core) - len(noun.split())])


def name_mentions(text: str) -> list[list[str]]:
    """Every capitalised name sequence in the text, as its core words.

    Words that the article also writes in lower case, glued to a name the article uses on
    its own, are capitalised common words ("Rival Hillary Clinton Wins" in a headline,
    "Hold Melania Trump"), not part of the name.
    """
    return [list(core) for _, core in name_matches(text)]


_MRS_BEFORE = re.compile(r"\bMrs\.?\s+$")


def _wife_named_by_husband(core: list[str], after_mrs: bool) -> list[str]:
    """A wife named by her husband's name, as papers wrote until the 1970s ("Mrs. Robert L. Hanley"), keeps "Mrs.":
    without it the name is his."""
    return ["Mrs.", *core] if after_mrs and len(core) >= 2 and given_name_gender(core) == 1 else core


@lru_cache(maxsize=16)
def name_matches(text: str) -> tuple[tuple[tuple[int, int], tuple[str, ...]], ...]:
    """(character span, core words) of every name in the text; see `name_mentions`.

    Cached: the rules and the ranker both ask for one article's names.
    """
    # A weekday is no name, nor part of one ("Following Wednesday", "Monday" opening a sentence).
    found = [(m.span(), _wife_named_by_husband(_after_office(text, m.start(), core),
                                               _MRS_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None))
             for m in NAME_RE.finditer(plain_spaces(text))
             if (core := _core_name(m.group(0))) and not any(w in WEEKDAYS for w in core)]
    found = _named_outside_capitals(text, found)
    # A nationality alone ("the Swede", "the Russian-born Kazakh") is no name, unless someone bears it as a surname
    # ("Mark Cuban" … "Cuban said").
    nationality = [_nationality_only(c) for _, c in found]
    borne = {c[-1] for (_, c), n in zip(found, nationality) if len(c) >= 2 and not n}
    found = [(span, c) for (span, c), n in zip(found, nationality) if not (n and c[-1] not in borne)]
    known = {" ".join(c) for _, c in found}
    lower = lowercase_words(text)
    found = _split_headline(text, found, known, lower)

    def used_alone(part: list[str]) -> bool:
        """A name the article writes on its own, or a known given name before a surname it writes alone: "Barack
        Obama Election Day" names Barack Obama where the rest of the article says only "Mr. Obama"."""
        return " ".join(part) in known or (len(part) == 2 and part[1] in known and given_name_gender(part) is not None)

    def trimmed(c: list[str]) -> list[str]:
        """The longest name the article uses on its own inside `c`, if every other word is a common word."""
        for n in range(len(c) - 1, 1, -1):
            for i in range(len(c) - n + 1):
                rest = c[:i] + c[i + n:]
                if used_alone(c[i:i + n]) and all(w.casefold() in lower for w in rest):
                    return c[i:i + n]
        return c

    # A common word that only ever opens a sentence or a line before a name is not part of it ("Unlike
    # Patriot", "Said Ellis", "By Trump"), while "Bill Clinton" also stands mid-sentence and stays.
    starts: dict[tuple[str, ...], bool] = {}
    for (start, _), c in found:
        before = text[max(0, start - 8):start].rstrip(" \"“‘'(")
        starts[tuple(c)] = starts.get(tuple(c), True) and (not before or before[-1] in ".!?:\n")

    surnames = {c[-1] for _, c in found if len(c) >= 2}

    def opened(c: list[str]) -> list[str]:
        if len(c) == 2 and c[0].casefold() in lower and (c[1] in known or c[1] in surnames) and starts[tuple(c)]:
            return c[1:]
        return c

    return tuple((span, tuple(trimmed(c) if len(c) >= 3 else opened(c))) for span, c in found)


def _named_outside_capitals(text: str, found: list) -> list:
    """Names less those read off a line in capitals (a headline, a kicker) whose words the rest of the text never
    writes with a capital: "NO PUBLIC INQUIRY: MINISTER REJECTS APPEAL" had given a person "REJECTS APPEAL",
    whom "the Minister" then named. "TRUMP SAYS …" keeps "TRUMP" where the body writes "Trump"."""
    lines = list(LINE_RE.finditer(text))
    capitals = [(m.start(), m.end()) for m in lines if len(m.group().split()) >= 2 and not any(ch.islower() for ch in m.group())]
    if not capitals:
        return found
    rest = "\n".join(m.group() for m in lines if (m.start(), m.end()) not in capitals)

    def written_elsewhere(word: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word[0])}(?i:{re.escape(word[1:])})(?!\w)", rest) is not None

    return [(span, core) for span, core in found
            if not any(s <= span[0] < e for s, e in capitals) or all(written_elsewhere(w) for w in core)]


# A Title Case verb in -s ("Sees", "Urges"; not "Congress"), which may follow a name in a headline.
_HEADLINE_VERB = re.compile(r"[A-Z][a-z]+(?<!ss)s")
# Verbs a headline writes before the name they act on ("Orvane in Talks to Buy Pellmark", "Trump to Meet Kim").
_HEADLINE_INFINITIVES = {"Buy", "Sell", "Acquire", "Meet", "Visit", "Back", "Sue", "Fire", "Hire", "Join", "Leave",
                         "Quit", "Face", "Block", "Probe", "Warn", "Urge", "Blast", "Slam", "Beat", "Replace", "Ban",
                         "Oust", "Succeed", "Challenge", "Endorse", "Pardon", "Snub", "Court", "Host"}


# "Secretary of Defense Ash Carter", "Speaker of the House Newt Gingrich": the capitals after "of" open with the office's;
# "on" too ("Adviser to the President on Economic Affairs Sadia Malik").
# "Secretary of ", also after the office's other words ("Minister of Environment, Water and ").
_OFFICE_OF = re.compile(r"\b([A-Za-z]+)\s+(?:of\s+State\s+)?(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][a-z]+(?:,\s+|\s+(?:and|&)\s+))*$")


def _past_subject(words: Sequence[str]) -> int:
    """Where the words past an office's subject start ("Opposition Firoz …", "the Opposition Firoz …", "Petroleum
    Resources Timipre …" -> the given name's index); len(words) when all are the subject's."""
    return next((i for i, w in enumerate(words) if w.casefold().strip(",") not in PORTFOLIO_WORDS | {"the", "and", "&"}),
                len(words))


def _after_office(text: str, start: int, core: list[str]) -> list[str]:
    """A name written after a title's "of" without its own title ("Secretary of Homeland Security Jeh Johnson")
    without the office's words: from its first known given name, else its last two words (initials between kept)."""
    m = _OFFICE_OF.search(text, max(0, start - 70), start)
    # A title written as one ("Secretary of"), not a description ("a president of the … Women Caucus").
    if m is None or not m.group(1)[0].isupper() or m.group(1).casefold() not in PERSON_TITLES or len(core) < 3:
        return core
    # Past the office's subject words, the rest is the name when none of it is the subject's ("Leader of the Opposition
    # Firoz Ahmed Qureshi": Firoz is no known given name, Ahmed is).
    lead = _past_subject(core)
    if 0 < lead <= len(core) - 2 and not any(w.casefold() in PORTFOLIO_WORDS for w in core[lead:]):
        return core[lead:]
    if text[start:start + len(core[0])] != core[0]:
        return core  # the office's words were a title the core already dropped ("Opposition Firoz Ahmed Qureshi")
    given = next((i for i, w in enumerate(core[:-1]) if given_name_gender([w])), None)
    if given is None:
        words = [i for i, w in enumerate(core) if not re.fullmatch(r"[A-Z]\.|(?:Jr|Sr|II|III|IV)\.?", w)]
        given = words[-2] if len(words) >= 2 else 0
    return core[given:]


def _split_headline(text: str, found: list, known: set[str], lower: frozenset[str]) -> list:
    """A Title Case headline glues names and words into one match ("Hillary Clinton Goes After Donald Trump
    As The New Mitt Romney", "Lindsey Graham Says"). Split at the words the article writes in lower case;
    in each piece keep the names the body uses ("Donald Trump"), else, in the chunk's first piece, the words
    up to a surname the body uses ("Hillary Clinton" for "Hillary Clinton Goes"); a chunk with neither
    stays whole."""
    headline_end = text.find("\n")
    if headline_end < 0:
        return found
    # `known` holds the headline's own chunks too, so a chunk that is one run stays whole and "As The New
    # Mitt Romney" keeps "New": splitting those as well (known names from the body only) measured +8 -4
    # on PolNeAR dev's gold attributions against +8 -0, the ranker then preferring a headline's "Melania
    # Trump" for the body's "Trump".
    surnames = {fold(c[-1]) for (start, _), c in found if start > headline_end}
    body_names = {" ".join(c) for (start, _), c in found if start > headline_end}
    out = []
    for (start, end), core in found:
        if end <= headline_end and len(core) == 2 and core[0] in body_names and _HEADLINE_VERB.fullmatch(core[1]) \
                and core[1] not in text[headline_end:]:
            # "Obama Sees 'Personal Insult'": a name the body uses and a verb the body never writes.
            out.append(((start, start + len(core[0])), (core[0],)))
            continue
        if end <= headline_end and len(core) == 2 and core[1] in body_names and core[0] in _HEADLINE_INFINITIVES \
                and " ".join(core) not in text[headline_end:]:
            # "to Buy Pellmark": a verb, then a name the body uses alone.
            out.append(((end - len(core[1]), end), (core[1],)))
            continue
        if end > headline_end or len(core) < 3:
            out.append(((start, end), core))
            continue
        words = [(m.start() + start, m.end() + start, m.group(0).rstrip(",.:;!?")) for m in
                 re.finditer(r"\S+", text[start:end])]
        runs, run = [], []
        body = text[headline_end:]
        for w in words:
            # Also a verb the body never writes ("Chuck Grassley Compares Trump's Racism"): not a surname.
            if w[2].casefold() in lower or (_HEADLINE_VERB.fullmatch(w[2]) and w[2] not in body):
                runs.append(run)
                run = []
            else:
                run.append(w)
        runs.append(run)
        # Only the chunk's first run may end in a bare surname: later ones follow a verb ("Hit Piece
        # Exploits Trump Supporter").
        pieces = [piece for n, r in enumerate(runs) for piece in _headline_names(r, known, surnames if n == 0 else set())]
        # A chunk the article's lower-case words split but that holds no name the body uses becomes its runs:
        # kept whole, "Railing Against Trump" was the fullest form of Donald Trump's surname.
        if not pieces and len([r for r in runs if r]) > 1:
            pieces = [((r[0][0], r[-1][1]), tuple(w[2] for w in r)) for r in runs if r]
        out.extend(pieces or [((start, end), core)])
    return out


def _headline_names(run: list[tuple[int, int, str]], known: set[str], surnames: set[str]) -> list:
    """The names in one run of capitalised headline words (see `_split_headline`)."""
    names, i = [], 0
    while i < len(run):
        j = next((j for j in range(len(run), i + 1, -1) if " ".join(w[2] for w in run[i:j]) in known), None)
        if j is None:
            i += 1
            continue
        names.append(((run[i][0], run[j - 1][1]), tuple(w[2] for w in run[i:j])))
        i = j
    if names:
        return names
    # Words up to a surname ("Hillary Clinton Goes"), unless the run opens with a name of its own ("Oklahoma
    # Sue Colorado": two places).
    last = max((k for k, w in enumerate(run) if fold(w[2]) in surnames), default=None) if run and run[0][2] not in known else None
    core = _core_name(" ".join(w[2] for w in run[:last + 1])) if last is not None else []
    if core:
        return [((run[0][0], run[last][1]), tuple(core))]
    # Last, one-word names the body uses ("Obama" in "Intensifies Between Obama", "Oklahoma Sue Colorado").
    return [((w[0], w[1]), (w[2],)) for w in run if w[2] in known]


@lru_cache(maxsize=16)
def lowercase_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case: a capitalised one of these is a common word, not a name."""
    return frozenset(re.findall(r"(?<![\w’'.-])[a-z][a-z-]+\b", text))


SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Post-nominal letters of British and Commonwealth counsel ("Rachel Osei KC"): no part of the name.
# King's, Queen's and Senior Counsel; a member of a parliament after their name ("Fiona Lennox MSP"); British honours.
POST_NOMINALS = {"kc", "qc", "sc", "mp", "msp", "mep", "mla", "td", "obe", "mbe", "cbe"}


def fold(word: str) -> str:
    """A name word for comparison: case-folded, typographic apostrophes straight (O’Neill = O'Neill = O'NEILL)."""
    return word.casefold().replace("’", "'").strip('"')


# A hyphenated given name after the surname (Korean order: Ban Ki-moon, Kim Jong-un, Moon Jae-in).
SURNAME_FIRST_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


# Chinese family names, written first ("Wang Yi", "Mao Ning", "Xi Jinping": "Mao said" is Mao Ning). Only
# with one given name after it that is no English given name ("Jack Ma" is Ma, "Ma Ying-jeou" is Korean-style).
CHINESE_SURNAMES = frozenset({
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Hu", "Guo",
    "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
    "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Du", "Ye", "Cheng", "Wei", "Su", "Ding", "Ren", "Shen",
    "Yao", "Cui", "Zhong", "Tan", "Fan", "Liao", "Shi", "Jin", "Jia", "Xia", "Fu", "Fang", "Zou", "Xiong", "Meng",
    "Qin", "Qiu", "Hou", "Yin", "Xue", "Yan", "Duan", "Lei", "Gu", "Mao", "Hao", "Gong", "Shao", "Qian", "Dai", "Xi",
    "Geng", "Hua", "Zhai", "Kong", "Bo"})


def _surname_index(words: Sequence[str]) -> int:
    """Where the surname stands among a name's words (suffixes dropped): last, or first in Korean or Chinese order."""
    if len(words) >= 2 and SURNAME_FIRST_GIVEN.fullmatch(words[-1]):
        return 0
    if len(words) == 2 and words[0] in CHINESE_SURNAMES and re.fullmatch(r"[A-Z][a-z]+", words[1]) and (
            given_name_gender([words[1], words[0]]) is None):
        return 0
    return len(words) - 1


def _surname(core: Sequence[str]) -> str:
    """The last word that is not a suffix ("Roberts" in John G. Roberts Jr.), folded (PENCE = Pence); the
    first word of a name in Korean order ("Ban" in Ban Ki-moon, so "Mr. Ban" is him)."""
    words = [w for w in core if w.casefold() not in SUFFIXES] or list(core)
    return fold(words[_surname_index(words)])


def given_names(core: Sequence[str]) -> list[str]:
    """A name's folded words other than its surname and suffixes ("Ki-moon" of Ban Ki-moon, "tony" of Tony Blair)."""
    words = [w for w in core if w.casefold() not in SUFFIXES] or list(core)
    i = _surname_index(words)
    return [fold(w) for w in words[:i] + words[i + 1:]]


HONORIFIC_SURNAME_RE = regex.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(\p{Lu}[\w’'-]+)")


@lru_cache(maxsize=16)
def honorific_sexes(text: str) -> Mapping[str, int]:
    """Folded surname -> +1 when the article only ever writes it after "Mr.", -1 only after "Mrs."/"Ms."/
    "Miss" (a family's surname written both ways is left out); read-only, as it is cached."""
    seen: dict[str, set[int]] = {}
    for m in HONORIFIC_SURNAME_RE.finditer(text):
        seen.setdefault(fold(m.group(2)), set()).add(1 if m.group(1) == "Mr" else -1)
    return MappingProxyType({k: next(iter(v)) for k, v in seen.items() if len(v) == 1})


def other_sex(form: Sequence[str], sexes: Mapping[str, int]) -> bool:
    """A full name whose given name says the other sex than the one its surname takes alone ("Michelle
    Obama" where the article writes "Mr. Obama"): not the fullest form of that bare surname."""
    sex = sexes.get(fold(form[-1])) if form else None
    return bool(sex) and given_name_gender(list(form)) == -sex


# A title and its "of" or "to" ("Nigeria's Minister of Water Resources Abubakar Danladi", "ambassador to Russia Kazem
# Jalali"): the head stops at the preposition, the name comes after.
_TITLE_OF = re.compile(r"\b([A-Za-z-]+)\s+(?:of|for|to)\s+")


def _office_holder(surface: str) -> list[str]:
    """The name after a title's office ("Minister of Water Resources Abubakar Danladi"), from its first known given
    name, else []."""
    part = _PARENTHESES.sub(" ", surface).split(",")[0]
    m = _TITLE_OF.search(part)
    if m is None or m.group(1).casefold() not in PERSON_TITLES:
        return []
    words = part[m.end():].split()
    if words[:1] == ["State"] and words[1:2] in (["for"], ["of"]):
        words = words[2:]  # "Minister of State for Home Affairs Nityanand Rai"
    given = next((i for i in range(len(words) - 1) if given_name_gender(words[i:i + 2]) is not None), None)
    # Past the office's subject ("of the Opposition", "of Petroleum Resources"), a run of capitalised words is the name,
    # whether or not its given name is known ("Leader of the Opposition Firoz Ahmed Qureshi" is not Ahmed Qureshi).
    start = _past_subject(words)
    if (given is None or start <= given) and 2 <= len(words) - start <= 4 and all(
            w[:1].isupper() and w.casefold().strip(".,") not in ORGANISATION_HEADS for w in words[start:]) and start > 0:
        return _core_name(" ".join(words[start:]))
    # The office's words come first; a name right after the preposition, or after a title of its own, is the one
    # served ("A spokeswoman for Hillary Clinton", "an adviser to President Barack Obama").
    # A title of the holder's own past the office's subject opens the name, known given name or not ("… for Skills
    # and Youth Enterprise Sardar Imtiaz Ahmed Khokhar").
    own_title = max((i for i in range(1, len(words) - 1 if given is None else given)
                     if words[i].casefold().strip(".") in PERSON_TITLES), default=None)
    if own_title is not None:
        rest = words[own_title + 1:]
        if rest and rest[0] in {"of", "for", "on"}:  # the holder's office has a subject ("… Prime Minister on Digital Outreach")
            rest = rest[1:][_past_subject(rest[1:]):]
        return _core_name(" ".join(rest))
    if not given or words[given - 1].casefold().strip(".") in PERSON_TITLES:
        return []
    return _core_name(" ".join(words[given:]))


def source_name(surface: str) -> list[str]:
    """The core words of the name a named mention writes: its closing appositive, else the name after its title's
    office, else its head's."""
    return appositive_name(surface) or _office_holder(surface) or _core_name(_head_part(surface))


def canonical(surface: str, mentions: list[list[str]], surnames: Optional[list[str]] = None,
              sexes: Mapping[str, int] = MappingProxyType({})) -> Optional[str]:
    """The fullest mention sharing the surface's surname (and first name, if it has one); `surnames`:
    each mention's `_surname`, when the caller resolves many sources of one article; `sexes`: its
    `honorific_sexes`, so a bare surname does not grow into a name of the other sex."""
    core = source_name(surface) or _trailing_name(surface)
    if not core:
        return None
    surname = _surname(core)
    first = core[0] if len(core) > 1 else None
    best = core
    for cand, cand_surname in zip(mentions, surnames or [_surname(c) for c in mentions]):
        if cand_surname != surname or len(cand) <= len(best):
            continue
        if first and first not in cand:
            continue  # "Fatemeh Mohajerani" must not become "Ataollah Mohajerani"
        if not first and other_sex(cand, sexes):
            continue
        best = cand
    if best == core:
        best = name_going_on(core, mentions) or best
    return " ".join(best)


def name_going_on(words: Sequence[str], mentions: list[list[str]]) -> Optional[list[str]]:
    """Given names alone, as Icelandic and Spanish news write a person again ("Ólafur Hrafn" of "Ólafur Hrafn
    Bergsson"): the one name of the article that goes on from them by one word that is no body's ("Bill Clinton
    Foundation"); None unless `words` are two or more and open with a known given name."""
    if len(words) < 2 or given_name_gender(list(words)) is None:
        return None
    longer = {tuple(c) for c in mentions if len(c) == len(words) + 1 and list(c[:len(words)]) == list(words)
              and c[-1][:1].isupper() and fold(c[-1]) not in _BODY_OR_COMPANY_WORDS}
    return list(next(iter(longer))) if len(longer) == 1 else None


DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "my"}
# Head words of descriptions that stand for an organisation's name ("the court", "the commission").
ORGANISATION_HEADS = {
    "court", "commission", "committee", "city", "county", "department", "agency", "union", "council", "board",
    "bureau", "administration", "party", "center", "centre", "institute", "foundation", "association", "coalition",
    "alliance", "university", "company", "bank", "network", "ministry", "embassy", "office", "service", "fund",
    "group", "organization", "organisation", "federation", "league", "panel", "government", "authority",
    "assembly", "police", "project", "conference", "society", "school", "college",
    # Bodies that wire copy quotes ("Syrian Observatory for Human Rights", "Polisario Front", "Central Command").
    "observatory", "movement", "front", "forum", "corporation", "academy", "chamber", "command", "directorate",
    "secretariat", "collective", "cooperative",  # "Kayar Artisanal Fishermen's Collective", "the cooperative"
}
# Capitalised words with the small words an organisation's name may hold ("Court of Appeals for the Sixth Circuit").
_ORG_WORD = r"(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}[\w’'-]*)"  # "U.S." keeps its dots; "Circuit." ends a sentence
_DATE_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b"
# Capitalised words joined by small words, "for a" too ("Committee for a Responsible Federal Budget"), on one line (a
# headline's last words and the body's first are no one name: "Budget Row¶The Jebel Mun Liberation Movement").
# A country in brackets inside a company's name stays in it ("Jinhe Lotus Apparel (Cambodia) Co Ltd").
ORGANISATION_RE = regex.compile(
    rf"{_ORG_WORD}(?:[^\S\n]+(?:(?:of|to|for|and|on|in|the|&|(?<=\bfor[^\S\n]+)a)[^\S\n]+)*(?!{_DATE_WORD})"
    rf"(?:{_ORG_WORD}|\({_ORG_WORD}\)(?=[^\S\n]+\p{{Lu}})))*")


_NAME_OPENERS = SENTENCE_OPENERS | {"the", "a", "an", "according", "to"}
_BODY_WORDS = frozenset(ORGANISATION_HEADS | _BODY_NAME_WORDS)
_BODY_OR_PLACE_WORDS = _BODY_WORDS | _PLACE_WORDS


def described_name(text: str, before: int, description: str) -> Optional[str]:
    """The name a description stands for, from the nearest place before it where the article gives both:
    an appositive ("Kazem Jalali, Iran's Ambassador to Moscow" for "Iran's ambassador to Russia"), a title
    before the name ("Republican presidential nominee Donald Trump" for "the Republican nominee"), or an
    organisation's name holding the description's words ("U.S. Court of Appeals for the Sixth Circuit" for
    "the appeals court"). The description's other words must stand near its head word there, so "the
    Democratic nominee" is not the Republican one."""
    words = [w for w in _bare_words(_head_part(description)) if w not in DETERMINERS]
    if not words or not words[-1].isalpha():
        return None
    places = _naming_places(text)
    heads = (words[-1], *HEAD_KINDS.get(words[-1], ()))
    # A record ("the four-term congressman") is no word the naming place must hold ("Rep. Blake Farenthold").
    told = {w for w in words[:-1] if not (words[-1] in TITLES and _RECORD_WORD.fullmatch(w))}
    found = [(end, name) for head in heads for end, name, near in places.get(head, ())
             if end <= before and told <= near]
    return max(found)[1] if found else None


_PAPER_KINDS = ("newspaper", "daily", "paper", "times", "post", "journal", "herald", "tribune", "gazette", "telegraph",
                "globe", "chronicle", "inquirer", "examiner", "zeitung")
# The words that close a company's name ("Kestrel Healthcare Group", "Air Lembah Bersatu Sdn Bhd", "Saigon Drainage Works
# JSC", "Meridian Pictures"): what "the company" or "the firm" stands for.
COMPANY_KINDS = ("corporation", "corp", "inc", "ltd", "limited", "llc", "plc", "jsc", "bhd", "gmbh", "ag", "pty", "pvt",
                 "holdings", "group", "industries", "enterprises", "logistics", "therapeutics", "pharmaceuticals",
                 "technologies", "airlines", "motors", "pictures", "studios", "healthcare",
                 "sa", "sarl", "srl", "spa", "nv", "bv", "oyj", "asa")  # "Sopesca Marine SA", "Sahel Oléagineux SA"
_INDEXED_HEADS = ORGANISATION_HEADS | set(_PAPER_KINDS) | set(COMPANY_KINDS)
_BODY_OR_COMPANY_WORDS = _BODY_WORDS | frozenset(COMPANY_KINDS)  # the words of a body's or a company's name
# A description's head word names a kind that organisations' names spell with other words: "the agency"
# is the Department of Veterans Affairs, the Congressional Budget Office.
HEAD_KINDS = {"agency": ("department", "office", "administration", "bureau", "service", "commission", "investigations"),
              "union": ("workers", "federation"), "company": COMPANY_KINDS, "firm": COMPANY_KINDS,
              "operator": COMPANY_KINDS, "studio": ("pictures", "studios", "films"),
              "alliance": ("organization", "treaty"), "bloc": ("union",),
              # "the paper" is the newspaper named before: "The reformist daily Shargh", "The New York Times".
              "paper": _PAPER_KINDS, "newspaper": _PAPER_KINDS,
              # "the congressman" is "Rep. Blake Farenthold" (the abbreviation reads as "representative").
              "congressman": ("representative",), "congresswoman": ("representative",)}
_RECORD_WORD = re.compile(r"(?:\w+-term|\w+-year-old|longtime|veteran)")


def _bare_words(surface: str) -> list[str]:
    """Folded words without possessives or punctuation ("Iran’s Ambassador," -> ["iran", "ambassador"])."""
    return [b for w in _words(surface) if (b := _bare_word(w))]


# Abbreviated titles and party names read as their full words, so "the Indiana governor" finds "Indiana
# Gov. Mike Pence" and "the GOP nominee" finds "Republican nominee Donald Trump".
ABBREVIATIONS = {"gov": "governor", "sen": "senator", "sens": "senators", "rep": "representative",
                 "reps": "representatives", "gop": "republican", "gen": "general", "lt": "lieutenant",
                 "atty": "attorney", "sec": "secretary", "secy": "secretary", "dept": "department"}


def _bare_word(word: str) -> str:
    word = fold(word).strip(".,")
    word = word[:-2] if word.endswith("'s") else word
    return ABBREVIATIONS.get(word, word)


APPOSITIVE_RE = regex.compile(rf"({NAME_RE.pattern}),([^,.;\n]{{0,40}})")
_ROLE_THEN_NAME_RE = regex.compile(rf"\b[Tt]he\s+((?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*)(?:\s+(?:of|for|at)\s+[^,;\n]{{1,50}})?,"
                                   rf"\s+({NAME_RE.pattern}),")
_LAST_WORD_RE = re.compile(r"\b([A-Za-z][\w-]*)\.?\s+$")  # "nominee Donald Trump", "Gov. Mike Pence"
_ARTICLE_BEFORE_RE = re.compile(r"\b(?i:a|an|the|this|that)\s$")


@lru_cache(maxsize=16)
def _naming_places(text: str) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
    """Head word -> (end, name, words near the head) of every place the text names what a description
    with that head stands for (see `described_name`). One pass of three patterns per article, cached."""
    lower = lowercase_words(text)

    def common(core: list[str]) -> bool:  # Title Case headline words ("Shows Minor Bump"), not a name
        return any(w[:1].isupper() and w.casefold() in lower for w in core)

    places: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
    for m in APPOSITIVE_RE.finditer(text):
        core = _core_name(m.group(1))
        if len(core) < 2 or common(core):
            continue
        name, seen, owned = " ".join(core), [], False
        for w in _WORD_RE.finditer(m.group(2)):
            if word := _bare_word(w.group(0)):
                seen.append(word)
                # An owner ("Mariam Al Suwaidi, the authority's chief executive") or what a role is of ("…, chairman
                # of the Al Waha Investment Authority") is not what the name is.
                owned = owned or word in {"of", "for", "at"}
                if not owned and not re.search(r"[’']s?$", w.group(0)):
                    places.setdefault(word, []).append((m.start(2) + w.end(), name, frozenset(seen)))
    # A title before the name ("nominee Donald Trump", "President Barack Obama", "that Mayor Bill de
    # Blasio described"), not a common noun before a clause ("a network Russia has financed").
    for (start, end), core in name_matches(text):
        if common(list(core)):
            continue
        inside = _words(text[start:end])
        titles = [(start + text[start:end].find(w), w) for w in inside[:inside.index(core[0])]] if core[0] in inside else []
        word_before = _LAST_WORD_RE.search(text, max(0, start - 30), start)
        if word_before and not (word_before.group(1)[0].islower() and _ARTICLE_BEFORE_RE.search(
                text, max(0, word_before.start(1) - 6), word_before.start(1))):
            titles.append((word_before.start(1), word_before.group(1)))
        # The title before an office's subject ("Minister of Mines and Energy Rodrigo Cavalcanti Tavares").
        office = _OFFICE_OF.search(text, max(0, start - 70), start)
        if office and office.group(1)[0].isupper() and office.group(1).casefold() in PERSON_TITLES:
            titles.append((office.start(1), office.group(1)))
        for at, title in titles:
            near = text[max(0, at - 40):at].split("\n")[-1]
            places.setdefault(_bare_word(title), []).append((end, " ".join(core), frozenset(_bare_words(near))))
    # A role set off before the name ("The provincial governor, Rosalina Kanjala,", "The mayor of the Libertador
    # municipality, Yelitza Carrasquero,").
    for m in _ROLE_THEN_NAME_RE.finditer(text):
        core = _core_name(m.group(2))
        if len(core) < 2 or common(core):
            continue
        role = _bare_words(m.group(1))
        places.setdefault(role[-1], []).append((m.end(2), " ".join(core), frozenset(role)))
    for m in ORGANISATION_RE.finditer(text):
        if not any(c.isspace() for c in m.group(0)):  # one word (most matches): never a two-word name
            continue
        names = _bare_words(m.group(0))
        words = m.group(0).split()
        # A sentence's first words are no part of the name ("According to the Daily Sabah", "A Government
        # Accountability Office report").
        while len(words) > 1 and words[0].casefold() in _NAME_OPENERS:
            words = words[1:]
        for head in set(names) & _INDEXED_HEADS if len(names) >= 2 else ():
            name = " ".join(words).rstrip(".,")
            places.setdefault(head, []).append((m.end(), name, frozenset(names)))
    return places


# "the 52-year-old", "The 43-year-old former congressman": a person the text has just named, written by age.
AGED_RE = re.compile(r"[Tt]he\s+(?:[\w-]+,?\s+){0,2}?(\d{1,3})-year-old(?:\s+[^,;]*\b(\w+))?"
                     r"(?:,\s+(?:who|whose)\b.*)?")  # "The 27-year-old, who finished fifth overall,"
# What an aged description's last word may be: a person ("The 10-year-old lawsuit" is none).
AGED_PERSON_WORDS = TITLES | {"man", "woman", "mother", "father", "grandmother", "grandfather", "widow", "veteran",
                              "native", "resident", "businessman", "businesswoman", "actor", "actress", "singer", "star",
                              "player", "winger", "striker", "coach", "manager", "student", "scientist", "teacher",
                              "nurse", "doctor", "engineer", "writer", "author", "farmer", "worker", "retiree", "wife",
                              "husband", "daughter", "son", "three", "two", "four"}  # "mother of three"


def aged_person(text: str, before: int, age: str, mentions: list[list[str]], surnames: list[str],
                sexes: Mapping[str, int]) -> Optional[str]:
    """The last person named before `before` with that age ("Ivanka Trump, 34,", "52-year-old Didier Marchand")."""
    found = list(regex.finditer(rf"({NAME_RE.pattern}),\s+{age}\b|\b{age}-year-old\s+({NAME_RE.pattern})", text[:before]))
    if not found:
        return None
    return canonical(found[-1].group(1) or found[-1].group(2), mentions, surnames, sexes)


def _person_like(name: str) -> bool:
    """A speaker's name that is no body's: a known given name, or words none of which names a kind of organisation."""
    words = name.split()
    return given_name_gender(words) is not None or not any(w.casefold() in ORGANISATION_HEADS for w in words)


def _last_person_named(text: str, before: int, mentions: list[list[str]], surnames: list[str],
                       sexes: Mapping[str, int]) -> Optional[str]:
    """The last name before `before` whose given name says a person ("Spanish cyclist Álvaro Medina was banned …,
    the International Cycling Union said. The 27-year-old …")."""
    people = [core for (start, _), core in name_matches(text) if start < before and given_name_gender(list(core))]
    return canonical(" ".join(people[-1]), mentions, surnames, sexes) if people else None


_NAME_THEN_COMMA = regex.compile(rf"({NAME_RE.pattern})(?:\s*\([^)]*\))?,\s*$")  # "Sir Gerald Pemberton (Thornbury West), who"
# "The company, which said …", "the movement, which": a description the pronoun hangs on.
_DESCRIPTION_THEN_COMMA = re.compile(r"(?:[Tt]he|[Ii]ts)\s+(?:[\w’'-]+\s+){0,3}?[a-z][\w-]*,\s*$")


def _relative_antecedent(text: str, at: int, pronoun: str, mentions: list[list[str]], surnames: list[str],
                         sexes: Mapping[str, int]) -> Optional[str]:
    """The name a relative pronoun source hangs on ("Halstrom, which said it would not appeal,"), else None."""
    if pronoun not in {"who", "which"}:
        return None
    m = _NAME_THEN_COMMA.search(text, max(0, at - 80), at)
    if m:
        return canonical(m.group(1), mentions, surnames, sexes)
    d = _DESCRIPTION_THEN_COMMA.search(text, max(0, at - 60), at)
    return described_name(text, d.start(), text[d.start():d.end()].rstrip(" ,")) if d else None


# A person's title or an age beside a name ("Capt. Erich Vollmer", "Kjetil Braaten, 34,").
_TITLE_BEFORE = regex.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Capt|Col|Gen|Lt|Maj|Sgt|Pfc|Cpl|Sen|Rep|Gov|Prof|Rev)\.?|\b[Ss]ir|\b[Dd]ame)\s+$")
_AGE_AFTER = re.compile(r",\s*\d{1,3},")


def _named_person(name: Optional[str], text: str, span: tuple[int, int], mentions: list[list[str]]) -> bool:
    """Whether a name the text writes at `span` (resolved to `name`) is a person's: a known given name, or a full
    name that is no body's and that the article also writes by surname alone ("Ostrovskaya"), titles ("Capt. Erich
    Vollmer") or gives an age ("Kjetil Braaten, 34,")."""
    words = name.split() if name else []
    if not words:
        return False
    if given_name_gender(words) is not None:
        return True
    return len(words) >= 2 and _person_like(name) and not names_members(words[-1]) and (
        [_surname(words)] in mentions or words[-1:] in mentions
        or _TITLE_BEFORE.search(text, max(0, span[0] - 8), span[0]) is not None
        or _AGE_AFTER.match(text, span[1]) is not None)


def _person_named_last(text: str, at: int, mentions: list[list[str]], surnames: list[str],
                       sexes: Mapping[str, int]) -> Optional[str]:
    """The first person in the nearest sentence before `at` that names one: whom a nationality describes when
    nothing introduced anyone of it ("Lucas Moreau won the stage, while race leader Jonas Verhelst lost … ¶ "…," the
    24-year-old Frenchman said"), reading sentences back from the source's own."""
    bounds = sentence_bounds(text)
    for i in range(sentence_of(bounds, at), max(-1, sentence_of(bounds, at) - 6), -1):
        start, end = bounds[i]
        for m in NAME_RE.finditer(text, start, min(end, at)):
            name = canonical(m.group(0), mentions, surnames, sexes)
            if _named_person(name, text, m.span(), mentions):
                return name
    return None


def _person_of_nationality(text: str, at: int, noun: str, mentions: list[list[str]], surnames: list[str],
                           sexes: Mapping[str, int], nearest: bool = True) -> Optional[str]:
    """The last person named before `at` whose introduction gives that nationality ("French envoy Jean-Luc
    Marchetti", "Luis Arce, a 52-year-old Ecuadorean who", "a Montevideo-based economist"): whom "the Frenchman",
    "the Ecuadorean", "the Uruguayan" mean; else (with `nearest`) the first person of the nearest sentence that names one."""
    bounds = sentence_bounds(text)
    pattern = introduction_pattern(noun)
    found: list[tuple[int, bool, int, str]] = []
    for (start, end), core in name_matches(text):
        if start >= at or _nationality_only(core):
            continue
        sentence = sentence_of(bounds, start)
        lo, hi = bounds[sentence]
        # The words introducing it, no part of the name ("Niger Republic" is where the driver is from; "Finnish MEP
        # Aino Rautavaara" is one capitalised run).
        cues = [m for m in pattern.finditer(text, max(lo, start - 70), min(hi, end + 90))
                if not (start <= m.start() < end and m.group(0) in core)]
        name = canonical(" ".join(core), mentions, surnames, sexes) if cues else None
        words = name.split() if name else []
        # Introduced so, a full name of no body or place is a person's whether or not its given name is known.
        if words and (given_name_gender(words) is not None or (
                len(words) >= 2 and not names_members(words[-1])
                and not any(w.casefold() in _BODY_OR_PLACE_WORDS for w in words))):
            distance = min(max(0, start - m.end(), m.start() - end) for m in cues)
            # The latest sentence that introduces one; in it, a known given name ("Marta Lourido, managing director
            # of the Vigo-based Armadora Lourido e Hijas"), then the name nearest its introduction ("A Chadian
            # trader, Mahamat Ali Djibrine, told Sudan Tribune").
            found.append((sentence, given_name_gender(words) is not None, -distance, name))
    if found:
        return max(found)[3]
    return _person_named_last(text, at, mentions, surnames, sexes) if nearest else None


# (not in a quotation: "'Trump is lying,' he said" is not Trump's)
_OPENING_NAME = regex.compile(rf"\s*(?:(?:But|And|Yet|Still)\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev)\.\s+)?"
                              rf"({NAME_RE.pattern})")
# Up to three words of a role before it ("Human rights lawyer Aino Rautiainen was blunt"), none a preposition or an
# opener ("After meeting Trump, Smith said" opens with Smith's scene, not with Trump).
_NO_ROLE_WORDS = frozenset(SENTENCE_OPENERS | PREPOSITIONS)
_ROLE_LEAD = regex.compile(r"\s*(?:\p{Lu}[\w’'-]*\s+)?(?:[a-z][\w’'-]*\s+){1,3}")
_ROLE_THEN_COMMA = regex.compile(r"\s*(?:The|A|An)\s+(?:[\w’'-]+\s+){0,5}?[a-z][\w’'-]*,\s+")


def _opening_person(text: str, start: int, end: int, mentions: list[list[str]], surnames: list[str],
                    sexes: Mapping[str, int]) -> Optional[tuple[str, regex.Match]]:
    """The person (resolved name, and its match) opening text[start:end] as its subject, bare or after a role in
    lower case; None if no person does."""
    def person(m: Optional[regex.Match]) -> Optional[tuple[str, regex.Match]]:
        name = canonical(m.group(1), mentions, surnames, sexes) if m else None
        return (name, m) if m and _named_person(name, text, m.span(1), mentions) else None

    return person(_OPENING_NAME.match(text, start, end)) or person(_opening_after_role(text, start, end))


def _opening_after_role(text: str, start: int, end: int) -> Optional[regex.Match]:
    lead = _ROLE_LEAD.match(text, start, end)
    if lead and not any(w.casefold() in _NO_ROLE_WORDS for w in lead.group(0).split()):
        if name := _OPENING_NAME.match(text, lead.end(), end):
            return name
    # Or set off by a comma ("The ruling coalition's parliamentary leader, Deputy Felipe Aravena Mardones, was blunter").
    lead = _ROLE_THEN_COMMA.match(text, start, end)
    return _OPENING_NAME.match(text, lead.end(), end) if lead else None


_AND_NAME = regex.compile(r"\s+(?:and|&)\s+\p{Lu}")
# "Okafor, he said, was 'the most honest trainer'": the name opens what someone else said.
_INTERRUPTED_BY_CUE = re.compile(r",\s*(?:he|she)\s+\w+,")


def _subject_since(text: str, at: int, since: int, pronoun: str, mentions: list[list[str]], surnames: list[str],
                   sexes: Mapping[str, int]) -> Optional[str]:
    """The person opening the latest sentence between `since` and `at` that opens with one ("Quintanar, for his part,
    was unrepentant. 'I was ahead,' he insisted"): whom "he" or "she" most likely means; None if that person's sex
    is the other one or unknown, or two people open the sentence ("Ann Lee and Mary Park met as she left")."""
    bounds = sentence_bounds(text)
    first = sentence_of(bounds, since) + 1 if since >= 0 else max(0, sentence_of(bounds, at) - 3)
    sex = 1 if pronoun == "he" else -1
    for i in range(sentence_of(bounds, at), first - 1, -1):
        start, end = bounds[i]
        # (no person: "Halstrom's Rafael Quintanar was handed …" opens with the team)
        found = _opening_person(text, start, min(end, at), mentions, surnames, sexes)
        if not found or _INTERRUPTED_BY_CUE.match(text, found[1].end(1)):
            continue
        name, m = found
        words = name.split()
        known = given_name_gender(words)
        pair = _AND_NAME.match(text, m.end(1))
        agrees = known == sex if known is not None else sexes.get(fold(words[-1])) == sex
        return name if agrees and not pair else None
    return None


def resolve_speakers(article: Article) -> Article:
    """Fill `speaker` and `source_type` of every attribution from its source mention."""
    mentions = name_mentions(article.text)
    surnames = [_surname(c) for c in mentions]
    sexes = honorific_sexes(article.text)
    last_named: Optional[str] = None
    last_named_at = -1
    last_person: Optional[str] = None  # an aged description ("the 27-year-old") is a person, not a body that spoke
    out: list[Attribution] = []
    for att in sorted(article.attributions, key=lambda a: a.content[0]):
        surface = article.span_text(att.source, sep=" ") if att.source else ""
        kind = source_type(surface) if att.source else "none"
        speaker = None
        if kind == "named":
            speaker = canonical(surface, mentions, surnames, sexes)
            last_named = speaker or last_named
            last_named_at = att.source[0][0] if speaker else last_named_at
            # (two words at least: "Asked by Ritzau" made no person of the agency)
            last_person = speaker if speaker and _person_like(speaker) and " " in speaker else last_person
        elif kind == "pronoun":
            pronoun = surface.strip().casefold()
            speaker = (_relative_antecedent(article.text, att.source[0][0], pronoun, mentions, surnames, sexes)
                       or (pronoun in {"he", "she"} and _subject_since(article.text, att.source[0][0], last_named_at, pronoun,
                                                                      mentions, surnames, sexes))
                       or last_named)
        elif kind == "description":
            speaker = described_name(article.text, att.source[0][0], surface)
            age = AGED_RE.fullmatch(surface.strip(" ,"))
            at = att.source[0][0]
            if speaker is None and age and (age.group(2) is None or age.group(2).casefold() in AGED_PERSON_WORDS):
                speaker = (aged_person(article.text, at, age.group(1), mentions, surnames, sexes) or last_person
                           or _last_person_named(article.text, at, mentions, surnames, sexes))
            elif speaker is None and (noun := demonym_description(_words(_head_part(surface)))):
                speaker = _person_of_nationality(article.text, at, noun, mentions, surnames, sexes)
            elif speaker is None and (noun := nationality_of_role(_words(_head_part(surface)), PERSON_TITLES)):
                # "the Norwegian envoy": the person introduced as Norwegian, if any ("Erik Solbakken, the Norwegian
                # ambassador"); no one by nearness alone
                speaker = _person_of_nationality(article.text, at, noun, mentions, surnames, sexes, nearest=False)
                # (and is the one a later "she" means: "The Russian-born Kazakh said …, but she refused …")
                last_named, last_named_at = (speaker, at) if speaker else (last_named, last_named_at)
        out.append(replace(att, speaker=speaker, source_type=kind, labelled=att.labelled | {"speaker"}))
    return replace(article, attributions=out)


FIRST_PERSON = {"i", "me", "my", "myself"}
# A letter's signature: a paragraph that is only a name ("Michael Pravica.") or a handle ("@mdeluzgon.").
SIGNATURE_RE = regex.compile(r"^[^\S\n]*(@\w+|\p{Lu}[\w’'.-]+(?: \p{Lu}[\w’'.-]+){1,3})\.?[^\S\n]*$", regex.MULTILINE)
# An op-ed's closing line on its author: "Charlotte Meehan is playwright-in-residence at …".
AUTHOR_BIO_RE = regex.compile(rf"(?:^|\n)[^\S\n]*({NAME_RE.pattern}) is [^\n]*\s*$")


def first_person_authors(article: Article) -> Article:
    """The writer of a letter or an op-ed for its first-person sources ("I", "me"): the signature that
    closes the letter ("Michael Pravica.") or, failing one, the author named in a closing bio
    ("Charlotte Meehan is playwright-in-residence …"). A source inside someone else's quotation is
    theirs and is left alone; "we" is left alone too (an op-ed's "we" is its readers or its country:
    on PolNeAR dev, signatures for "we" were right twice and wrong twice)."""
    text = article.text
    first = [bool(att.source) and article.span_text(att.source, sep=" ").strip().casefold() in FIRST_PERSON
             for att in article.attributions]
    if not any(first):
        return article  # most articles: no text scan at all
    lower = lowercase_words(text)
    names = [(m.start(), m.group(1).rstrip(".")) for m in SIGNATURE_RE.finditer(text)]
    signatures = [(at, name) for at, name in names if not all(w.casefold() in lower for w in name.split())]  # "Human Rights."
    bio = AUTHOR_BIO_RE.search(text)
    author = " ".join(_core_name(bio.group(1))) if bio else None
    if not signatures and not author:
        return article
    out = []
    for att, is_first in zip(article.attributions, first):
        if is_first and not any(
                o is not att and any(s <= att.source[0][0] < e for s, e in o.content) for o in article.attributions):
            writer = next((name for at, name in signatures if at > att.source[0][0]), None) or author
            if writer:
                att = replace(att, speaker=writer)
        out.append(att)
    return replace(article, attributions=out)


def prominent_entity(article: Article) -> Optional[str]:
    """The most mentioned name in the article (mentions grouped by last word), in its fullest form.

    The default target of `--target auto`: news articles keep naming the entity they are about.
    """
    groups: dict[str, list[list[str]]] = {}
    for m in NAME_RE.finditer(article.text):
        core = _core_name(m.group(0))
        if core:
            groups.setdefault(core[-1].casefold(), []).append(core)
    if not groups:
        return None
    mentions = max(groups.values(), key=len)
    return " ".join(max(mentions, key=len))


# Words an acronym skips ("NAACP": National Association for the Advancement of Colored People).
INITIALS_SKIP = frozenset({"of", "and", "the", "for", "&"})


def initials(words: list[str]) -> str:
    """The acronym a name's words make ("International Monetary Fund" -> "IMF")."""
    return "".join(w[0] for w in words if w.casefold() not in INITIALS_SKIP and w[:1].isalpha()).upper()


@lru_cache(maxsize=16)  # asked by outlets (is an acronym a medium?) and by naming (spell it out)
def spelled_out_names(text: str) -> Mapping[str, str]:
    """Initials -> the article's own spelled-out name ("IMF" -> "International Monetary Fund"); read-only,
    as it is cached."""
    spelled: dict[str, str] = {}
    inner: dict[str, str] = {}
    for m in ORGANISATION_RE.finditer(text):
        words = [re.sub(r"[’']s?$", "", w.rstrip(".,")) for w in m.group(0).split()]
        if words[0] == "The":
            words = words[1:]
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) >= 2:
            spelled.setdefault(initials(capitals), " ".join(words))
        # A name inside a longer run of capitals ("the Black Lives Matter" after "Republicans and"), spelled
        # with its small words ("Department of Justice" -> DOJ) or its hyphenated parts ("Hewlett-Packard" -> HP).
        # Pieces of up to eight words: an acronym has at most six letters, and an all-caps text is one long run.
        for i, j in ((i, j) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 8) + 1)):
            piece = words[i:j]
            if not (piece[0][:1].isupper() and piece[-1][:1].isupper()):
                continue
            name = " ".join(piece)
            parts = [p for w in piece for p in w.split("-") if p[:1].isalpha()]
            for key in (initials(piece), "".join(w[0] for w in piece if w[:1].isalpha()).upper(), initials(parts)):
                if len(key) >= 2 and len(parts) >= 2:
                    inner.setdefault(key, name)
    return MappingProxyType({**inner, **spelled})
