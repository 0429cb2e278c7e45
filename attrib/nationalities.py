"""Nationalities that name one person ("the Swede", "the 28-year-old Kenyan", "the Costa Rican") and the words that
introduce someone of that nationality ("French envoy Jean-Luc Marchetti" for "the Frenchman", "a Montevideo-based
economist" for "the Uruguayan").

Such a noun is no name of its own: the speaker rules resolve it to the person it describes (`attrib.speakers`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

# Nouns whose adjective is another word: that adjective first, then the country and its main cities.
_IRREGULAR = {
    "Swede": ("Swedish", "Sweden", "Stockholm"), "Dane": ("Danish", "Denmark", "Copenhagen"),
    "Finn": ("Finnish", "Finland", "Helsinki"), "Pole": ("Polish", "Poland", "Warsaw"),
    "Briton": ("British", "Britain", "UK", "London"), "Brit": ("British", "Britain", "UK", "London"),
    "Scot": ("Scottish", "Scotland", "Edinburgh", "Glasgow"), "Turk": ("Turkish", "Turkey", "Türkiye", "Istanbul", "Ankara"),
    "Kurd": ("Kurdish", "Kurdistan", "Erbil"), "Spaniard": ("Spanish", "Spain", "Madrid", "Barcelona"),
    "Frenchman": ("French", "France", "Paris"), "Frenchwoman": ("French", "France", "Paris"),
    "Englishman": ("English", "England"), "Englishwoman": ("English", "England"),
    "Irishman": ("Irish", "Ireland", "Dublin"), "Irishwoman": ("Irish", "Ireland", "Dublin"),
    "Welshman": ("Welsh", "Wales", "Cardiff"), "Welshwoman": ("Welsh", "Wales", "Cardiff"),
    "Scotsman": ("Scottish", "Scotland"), "Scotswoman": ("Scottish", "Scotland"),
    "Dutchman": ("Dutch", "Netherlands", "Amsterdam", "Rotterdam"), "Dutchwoman": ("Dutch", "Netherlands", "Amsterdam"),
    "Icelander": ("Icelandic", "Iceland", "Reykjavik"), "Kiwi": ("New Zealand", "Auckland", "Wellington"),
    "New Zealander": ("New Zealand", "Auckland", "Wellington"), "Aussie": ("Australian", "Australia"),
    "Filipino": ("Philippine", "Philippines", "Manila"), "Filipina": ("Philippine", "Philippines", "Manila"),
    "Argentine": ("Argentinian", "Argentina", "Buenos Aires"), "Serb": ("Serbian", "Serbia", "Belgrade"),
    "Croat": ("Croatian", "Croatia", "Zagreb"),
}
# Nouns that are their own adjective ("a Kenyan runner" for "the Kenyan"), with the country and its main cities.
_COUNTRIES = {
    "Chilean": ("Chile", "Santiago"), "Peruvian": ("Peru", "Lima"), "Ecuadorian": ("Ecuador", "Quito", "Guayaquil"),
    "Ecuadorean": ("Ecuador", "Quito", "Guayaquil"), "Bolivian": ("Bolivia", "La Paz"), "Uruguayan": ("Uruguay", "Montevideo"),
    "Paraguayan": ("Paraguay", "Asunción"), "Colombian": ("Colombia", "Bogotá"), "Venezuelan": ("Venezuela", "Caracas"),
    "Brazilian": ("Brazil", "São Paulo", "Rio"), "Mexican": ("Mexico",), "Cuban": ("Cuba", "Havana"),
    "Jamaican": ("Jamaica", "Kingston"), "Haitian": ("Haiti", "Port-au-Prince"), "Canadian": ("Canada", "Toronto"),
    "Costa Rican": ("Costa Rica", "San José"), "Panamanian": ("Panama",), "Guatemalan": ("Guatemala",),
    "Honduran": ("Honduras", "Tegucigalpa"), "Salvadoran": ("El Salvador", "San Salvador"), "Nicaraguan": ("Nicaragua", "Managua"),
    "Dominican": ("Dominican Republic", "Santo Domingo"), "Puerto Rican": ("Puerto Rico", "San Juan"),
    "American": ("U.S.", "United States"), "Ethiopian": ("Ethiopia", "Addis Ababa"), "Eritrean": ("Eritrea", "Asmara"),
    "Ghanaian": ("Ghana", "Accra"), "Ugandan": ("Uganda", "Kampala"), "Tanzanian": ("Tanzania", "Dar es Salaam"),
    "Rwandan": ("Rwanda", "Kigali"), "Zimbabwean": ("Zimbabwe", "Harare"), "Zambian": ("Zambia", "Lusaka"),
    "Senegalese": ("Senegal", "Dakar"), "Cameroonian": ("Cameroon", "Yaoundé", "Douala"), "Ivorian": ("Ivory Coast", "Abidjan"),
    "Algerian": ("Algeria", "Algiers"), "Moroccan": ("Morocco", "Rabat", "Casablanca"), "Tunisian": ("Tunisia", "Tunis"),
    "Libyan": ("Libya", "Tripoli"), "Egyptian": ("Egypt", "Cairo"), "Sudanese": ("Sudan", "Khartoum"),
    "Somali": ("Somalia", "Mogadishu"), "Nigerian": ("Nigeria", "Lagos", "Abuja"), "Kenyan": ("Kenya", "Nairobi"),
    "Chadian": ("Chad", "N'Djamena"), "Nigerien": ("Niger", "Niamey"), "Burkinabe": ("Burkina Faso", "Ouagadougou"),
    "Congolese": ("Congo", "Kinshasa", "Brazzaville"), "Malian": ("Mali", "Bamako"), "Malawian": ("Malawi", "Lilongwe"),
    "Mozambican": ("Mozambique", "Maputo"), "Angolan": ("Angola", "Luanda"), "Namibian": ("Namibia", "Windhoek"),
    "South African": ("South Africa", "Johannesburg", "Cape Town"), "Guinean": ("Guinea", "Conakry"),
    "Liberian": ("Liberia", "Monrovia"), "Gambian": ("Gambia", "Banjul"), "Beninese": ("Benin", "Cotonou"),
    "Togolese": ("Togo", "Lomé"), "Burundian": ("Burundi",), "Slovenian": ("Slovenia", "Ljubljana"),
    "Bosnian": ("Bosnia", "Sarajevo"), "Albanian": ("Albania", "Tirana"), "Montenegrin": ("Montenegro",),
    "Macedonian": ("Macedonia", "Skopje"), "Moldovan": ("Moldova", "Chisinau"), "Estonian": ("Estonia", "Tallinn"),
    "Latvian": ("Latvia", "Riga"), "Lithuanian": ("Lithuania", "Vilnius"), "Belarusian": ("Belarus", "Minsk"),
    "Armenian": ("Armenia", "Yerevan"), "Azerbaijani": ("Azerbaijan", "Baku"), "Georgian": ("Georgia", "Tbilisi"),
    "Kazakh": ("Kazakhstan", "Almaty", "Astana"), "Uzbek": ("Uzbekistan", "Tashkent"), "Tajik": ("Tajikistan", "Dushanbe"),
    "Kyrgyz": ("Kyrgyzstan", "Bishkek"), "Afghan": ("Afghanistan", "Kabul"), "Pakistani": ("Pakistan", "Karachi", "Lahore"),
    "Bangladeshi": ("Bangladesh", "Dhaka"), "Nepali": ("Nepal", "Kathmandu"), "Nepalese": ("Nepal", "Kathmandu"),
    "Sri Lankan": ("Sri Lanka", "Colombo"), "Burmese": ("Myanmar", "Burma", "Yangon"), "Vietnamese": ("Vietnam", "Hanoi"),
    "Cambodian": ("Cambodia", "Phnom Penh"), "Thai": ("Thailand", "Bangkok"), "Malaysian": ("Malaysia", "Kuala Lumpur"),
    "Singaporean": ("Singapore",), "Indonesian": ("Indonesia", "Jakarta"), "Korean": ("Korea", "Seoul"),
    "Japanese": ("Japan", "Tokyo"), "Chinese": ("China", "Beijing", "Shanghai"), "Mongolian": ("Mongolia", "Ulaanbaatar"),
    "Taiwanese": ("Taiwan", "Taipei"), "Australian": ("Australia", "Sydney", "Melbourne"), "Israeli": ("Israel", "Tel Aviv"),
    "Palestinian": ("Gaza", "Ramallah"), "Lebanese": ("Lebanon", "Beirut"), "Syrian": ("Syria", "Damascus"),
    "Jordanian": ("Jordan", "Amman"), "Iraqi": ("Iraq", "Baghdad"), "Iranian": ("Iran", "Tehran"),
    "Saudi": ("Saudi Arabia", "Riyadh"), "Emirati": ("UAE", "Dubai", "Abu Dhabi"), "Qatari": ("Qatar", "Doha"),
    "Kuwaiti": ("Kuwait",), "Omani": ("Oman", "Muscat"), "Yemeni": ("Yemen", "Sanaa"), "Bahraini": ("Bahrain", "Manama"),
    "German": ("Germany", "Berlin", "Munich", "Hamburg"), "Austrian": ("Austria", "Vienna"), "Italian": ("Italy", "Rome", "Milan"),
    "Belgian": ("Belgium", "Brussels"), "Portuguese": ("Portugal", "Lisbon"), "Greek": ("Greece", "Athens"),
    "Cypriot": ("Cyprus", "Nicosia"), "Maltese": ("Malta", "Valletta"), "Hungarian": ("Hungary", "Budapest"),
    "Romanian": ("Romania", "Bucharest"), "Bulgarian": ("Bulgaria", "Sofia"), "Czech": ("Czech Republic", "Prague"),
    "Slovak": ("Slovakia", "Bratislava"), "Russian": ("Russia", "Moscow"), "Ukrainian": ("Ukraine", "Kyiv", "Kiev"),
    "Norwegian": ("Norway", "Oslo"), "Samoan": ("Samoa", "Apia"), "Tongan": ("Tonga",), "Fijian": ("Fiji", "Suva"),
    "Indian": ("India", "Delhi", "Mumbai"), "Argentinian": ("Argentina", "Buenos Aires"),
    "Galician": ("Galicia", "Vigo", "A Coruña"),
}
PERSON_DEMONYMS = frozenset(_IRREGULAR) | frozenset(_COUNTRIES)
# The adjective of each nationality, to its noun ("French" -> "Frenchman", "Kenyan" -> "Kenyan").
_NOUN_OF_ADJECTIVE = {adjective: noun for noun, (adjective, *_) in reversed(_IRREGULAR.items())} | {
    n: n for n in _COUNTRIES}  # (reversed: "French" is "Frenchman", not "Frenchwoman")


def demonym_ending(words: Sequence[str]) -> Optional[str]:
    """The nationality noun closing `words` ("Costa Rican" of [the, Costa, Rican], "Kenyan"), else None."""
    for n in (2, 1):
        if len(words) >= n and (noun := " ".join(words[-n:])) in PERSON_DEMONYMS:
            return noun
    return None


def nationality_of_role(head: Sequence[str], roles: frozenset[str]) -> Optional[str]:
    """The nationality noun of a role described by it ("the Norwegian envoy" -> "Norwegian", "the French foreign
    minister" -> "Frenchman"), when the head closes on a person's role; else None."""
    if len(head) < 3 or head[-1].casefold() not in roles:
        return None
    return next((_NOUN_OF_ADJECTIVE[w] for w in head[1:-1] if w in _NOUN_OF_ADJECTIVE), None)


@lru_cache(maxsize=None)
def introduction_pattern(noun: str) -> re.Pattern:
    """The words that introduce someone the noun describes: the noun or its adjective ("a Haitian who runs", "French
    envoy", "Dutch-born"), or the country or a city as where they come from ("from Niger Republic",
    "Montevideo-based"), not as a place talked about ("site closures in Sweden")."""
    irregular = _IRREGULAR.get(noun, ())
    adjectives = (noun, *irregular[:1])
    places = (*irregular[1:], *_COUNTRIES.get(noun, ()))
    adjective = "|".join(re.escape(w) for w in adjectives)
    place = "|".join(re.escape(w) for w in places) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{adjective})(?!\w)|\b(?:from|of)\s+(?:the\s+)?(?:{place})(?!\w)|"
                      rf"(?<![\w-])(?:{place})-(?:based|born)\b")
