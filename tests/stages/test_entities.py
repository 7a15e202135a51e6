"""Entity stage: inflected and transliterated names in many languages, linked to canonical entities."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.model import Article, Origin, RawArticle
from wirewatch.ner import TaggedSpan
from wirewatch.stages.entities import EntityResources, find_entities, load_resources


@pytest.fixture(scope="module")
def resources() -> EntityResources:
    return load_resources(user_knowledge=[])


def _article(text: str, lang: str, headline: str | None = None) -> Article:
    return Article(raw=RawArticle("t", text, Origin("test")), headline=headline, body=text, lang=lang)


def _found(resources: EntityResources, text: str, lang: str) -> dict[str, str]:
    """Canonical name -> type of every entity found."""
    _, entities = find_entities(_article(text, lang), resources)
    return {e.name: e.type for e in entities.values()}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Angrebene mod Belgorods guvernør fortsætter.", "da", "Belgorod Oblast"),
        ("Kampene i Kursk-regionen fortsetter.", "nb", "Kursk Oblast"),
        ("Det meldes om kamper i Kursk fylke.", "nb", "Kursk Oblast"),
        ("Ruslands forsvarsminister talte i går.", "da", "Russia"),
        ("Rysslands president talade.", "sv", "Russia"),
        ("Der Gouverneur des Gebiets Belgorod sprach von Angriffen.", "de", "Belgorod Oblast"),
        ("Губернатор Белгородской области сообщил об обстреле.", "ru", "Belgorod Oblast"),
        ("Бої тривають на Курщині.", "uk", "Kursk Oblast"),
        ("Żołnierze weszli do Sudży.", "pl", "Sudzha"),
        ("Войска вошли в Суджу.", "ru", "Sudzha"),
        ("De strijd in Oekraïne gaat door.", "nl", "Ukraine"),
        ("Les combats en Ukraine continuent.", "fr", "Ukraine"),
        ("Le président d'Ukraine a parlé de l'armée russe.", "fr", "Ukraine"),
        ("Le président d'Ukraine a parlé de l'armée russe.", "fr", "Russian Armed Forces"),
        ("Ifølge FNs granskingskommisjon er det krigsbrotsverk.", "nn", "United Nations"),
        ("USAs president ringte.", "nb", "United States"),
    ],
)
def test_entities_finds_inflected_forms(resources, text, lang, expected):
    assert expected in _found(resources, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Der Kremlchef äußerte sich nicht.", "de", "Moscow Kremlin"),
        ("Das Putin-Regime reagierte.", "de", "Vladimir Putin"),
        ("Der US-Präsident telefonierte.", "de", "United States"),
        ("The anti-Kremlin fighters crossed.", "en", "Moscow Kremlin"),
    ],
)
def test_entities_finds_names_inside_compounds(resources, text, lang, expected):
    assert expected in _found(resources, text, lang)


@pytest.mark.parametrize(
    ("spelling", "lang"),
    [("Vyacheslav Gladkov", "en"), ("Vjatjeslav Gladkov", "da"), ("Wjatscheslaw Gladkow", "de"),
     ("Wiaczesław Gładkow", "pl"), ("Вячеслав Гладков", "ru"), ("В'ячеслав Гладков", "uk"),
     ("Vjatsjeslav Gladkov", "nn")],
)
def test_entities_links_every_romanisation_of_a_person(resources, spelling, lang):
    assert _found(resources, f"Gouverneur {spelling} sagte etwas.", lang).get("Vyacheslav Gladkov") == "PER"


@pytest.mark.parametrize("spelling", ["Shebekino", "Sjebekino", "Schebekino", "Szebiekino", "Šebekino", "Шебекино"])
def test_entities_links_every_romanisation_of_a_place(resources, spelling):
    _, entities = find_entities(_article(f"Shelling hit {spelling} again.", "en"), resources)
    shebekino = [e for e in entities.values() if e.name == "Shebekino"]
    assert shebekino and abs(shebekino[0].lat - 50.41) < 0.1 and shebekino[0].precision == "settlement"


def test_entities_unseen_spelling_links_through_the_skeleton(resources):
    # Not an alias anywhere: a French-style spelling with a doubled letter.
    assert "Dmitry Peskov" in _found(resources, "Le porte-parole Dmitri Pesskov a parlé.", "fr")


def test_entities_offsets_point_at_the_mention(resources):
    text = "Kremlchef Wladimir Putin sprach mit Selenskyj über das Gebiet Belgorod und Sudscha."
    article = _article(text, "de", headline="Putin und Selenskyj")
    mentions, entities = find_entities(article, resources)
    assert mentions
    for mention in mentions:
        source = article.headline if mention.field == "headline" else article.body
        assert source[mention.start: mention.end] == mention.text
        assert entities[mention.entity_id].type == mention.type


def test_entities_demonyms_do_not_name_the_country(resources):
    found = _found(resources, "Den russiske hær og pro-Ukrainian fighters; ukrainske soldater.", "da")
    assert "Ukraine" not in found
    assert _found(resources, "Ukrainske soldater rykkede frem.", "da") == {}  # not the village Ukrainske
    assert "Ukraine" in _found(resources, "Pro-Ukraine fighters crossed the border.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ifølge det russiske militær blev angrebet slået tilbage.", "da", "Russian Armed Forces"),
        ("Die russische Armee meldete Verluste.", "de", "Russian Armed Forces"),
        ("ZSU said the attack failed.", "en", "Armed Forces of Ukraine"),
        ("The Kremlin said it was a provocation.", "en", "Moscow Kremlin"),
    ],
)
def test_entities_named_institutions_are_organisations(resources, text, lang, expected):
    assert _found(resources, text, lang).get(expected) == "ORG"


def test_entities_plain_forces_and_role_nouns_are_not_entities(resources):
    assert _found(resources, "Russian troops and the governor said nothing.", "en") == {}


def test_entities_country_inside_an_organisation_name_counts(resources):
    found = _found(resources, "The Armed Forces of Ukraine reported the strike.", "en")
    assert found.get("Armed Forces of Ukraine") == "ORG" and found.get("Ukraine") == "LOC"


def test_entities_bare_capital_is_the_region_next_to_a_region_word(resources):
    found = _found(resources, "Fighting was reported in the Belgorod and Kursk regions.", "en")
    assert {"Belgorod Oblast", "Kursk Oblast"} <= found.keys() and "Belgorod" not in found
    found = _found(resources, "A drone hit the city of Belgorod.", "en")
    assert "Belgorod" in found and "Belgorod Oblast" not in found


def test_entities_place_names_are_settled_by_the_region_the_article_names(resources):
    def bessonovka(text: str) -> float:
        _, entities = find_entities(_article(text, "en"), resources)
        return next(e.lon for e in entities.values() if e.name == "Bessonovka")

    assert abs(bessonovka("Shelling hit Bessonovka in the Belgorod region.") - 36.4) < 0.5
    assert abs(bessonovka("Shelling hit Bessonovka.") - 36.4) > 1  # the bigger one, near Penza


def test_entities_place_names_are_settled_by_the_region_named_next_to_them(resources):
    text = "Pokrovsk in Donetsk Oblast was shelled, while Pokrovsk in Yakutia was calm."
    mentions, entities = find_entities(_article(text, "en"), resources)
    latitudes = [entities[m.entity_id].lat for m in mentions if m.text == "Pokrovsk"]
    assert abs(latitudes[0] - 48.3) < 0.5 and abs(latitudes[1] - 61.5) < 0.5


def test_entities_unknown_place_after_a_cue_word_gets_a_stable_id(resources):
    _, danish = find_entities(_article("Angrebet ramte landsbyen Zvyozdnovka i nat.", "da"), resources)
    _, english = find_entities(_article("The strike hit the village of Zvjozdnovka.", "en"), resources)
    assert [e.type for e in danish.values()] == ["LOC"] and not next(iter(danish.values())).known
    assert danish.keys() == english.keys()


class _FakeTagger:
    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def tag(self, text: str, lang: str | None) -> list[TaggedSpan]:
        found: list[TaggedSpan] = []
        for name, type_ in sorted(self.names.items(), key=lambda item: -len(item[0])):
            for m in re.finditer(re.escape(name), text):
                if not any(s.start < m.end() and m.start() < s.end for s in found):
                    found.append(TaggedSpan(m.start(), m.end(), type_, 0.95))  # type: ignore[arg-type]
        return sorted(found, key=lambda s: s.start)


def test_entities_tagger_names_unknown_people_and_gazetteer_types_win(resources):
    tagger = _FakeTagger({"Oleksandr Kravchenkov": "PER", "Kravchenkov": "PER", "Kozinka": "PER"})
    with_tagger = EntityResources(resources.knowledge, tagger)  # type: ignore[arg-type]
    text = "Commander Oleksandr Kravchenkov said his men held Kozinka. Kravchenkov added nothing."
    mentions, entities = find_entities(_article(text, "en"), with_tagger)
    by_text = {m.text: entities[m.entity_id] for m in mentions}
    assert by_text["Oleksandr Kravchenkov"].type == "PER" and not by_text["Oleksandr Kravchenkov"].known
    assert by_text["Kravchenkov"].id == by_text["Oleksandr Kravchenkov"].id
    assert by_text["Kozinka"].type == "LOC" and by_text["Kozinka"].known


def test_entities_first_name_before_a_patronymic_is_not_a_village(resources):
    found = _found(resources, "If Volodymyr Oleksandrovych Zelensky comes, I will go.", "en")
    assert found == {"Volodymyr Zelenskyy": "PER"}


def test_entities_tagger_types_are_corrected_by_the_shape_of_the_name(resources):
    tagger = _FakeTagger({"Krivaya Balka": "PER", "Northern Supply Battalion": "PER"})
    with_tagger = EntityResources(resources.knowledge, tagger)  # type: ignore[arg-type]
    found = _found(with_tagger, "The Northern Supply Battalion shelled Krivaya Balka overnight.", "en")
    assert found == {"Krivaya Balka": "LOC", "Northern Supply Battalion": "ORG"}


_SENTENCES = [
    ("Gladkov sagde, at Sjebekino blev beskudt.", "da"),
    ("Wladimir Putin sprach über die Ukraine.", "de"),
    ("Губернатор Белгородской области Вячеслав Гладков.", "ru"),
    ("The Russian Volunteer Corps entered Kozinka.", "en"),
    ("Bombardowano Sudżę w obwodzie kurskim.", "pl"),
    ("Landsbyen Tjotkino i Kursk-regionen.", "nb"),
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(range(len(_SENTENCES))), min_size=1, max_size=6), st.randoms())
def test_entities_linking_is_stable_across_runs_and_order(resources, picks, rnd):
    articles = [_SENTENCES[i] for i in picks]

    def ids(order: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
        out = {}
        for text, lang in order:
            mentions, _ = find_entities(_article(text, lang), resources)
            out[text] = [(m.text, m.entity_id) for m in mentions]
        return out

    shuffled = list(articles)
    rnd.shuffle(shuffled)
    assert ids(articles) == ids(shuffled) == ids(articles)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Украина бьёт по Курску и Брянску.", "ru", {"Kursk", "Bryansk"}),  # not the villages Kurskoe, Brianka
        ("Переговоры прошли в Пхеньяне.", "ru", {"Pyongyang"}),
        ("Rozmowy odbyły się w Warszawie, granica z Białorusią.", "pl", {"Warsaw", "Belarus"}),
        ("Удари по Харкові та Покровську.", "uk", {"Kharkiv", "Pokrovsk"}),
        ("Бої на Покровському напрямку.", "uk", {"Pokrovsk"}),
        ("Szpital w Nowej Kachowce ewakuowano.", "pl", {"Nova Kakhovka"}),
        ("Бої у Великій Новосілці.", "uk", {"Velyka Novosilka"}),
        ("Обстрел Новой Каховки.", "ru", {"Nova Kakhovka"}),
    ],
)
def test_entities_slavic_case_forms_find_their_dictionary_form(resources, text, lang, expected):
    assert expected <= _found(resources, text, lang).keys()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Gevechten in de regio Koersk en bij Izjoem.", "nl", {"Kursk Oblast", "Izium"}),
        ("Minister Roestem Oemerov en burgemeester Ihor Terechov.", "nl", {"Rustem Umerov", "Ihor Terekhov"}),
        ("La centrale nucléaire de Zaporijjia a perdu le courant.", "fr", {"Zaporizhzhia Nuclear Power Plant"}),
        ("Kärnkraftverket i Zaporizjzja förlorade strömmen.", "sv", {"Zaporizhzhia Nuclear Power Plant"}),
        ("Le président syrien Ahmed al-Chareh a parlé.", "fr", {"Ahmed al-Sharaa"}),
    ],
)
def test_entities_exonyms_and_romanisations_of_each_language(resources, text, lang, expected):
    assert expected <= _found(resources, text, lang).keys()


def test_entities_comma_separates_names_unless_the_name_has_one(resources):
    found = _found(resources, "In Moscow, Kremlin spokesman Dmitry Peskov spoke of Washington, D.C. talks.", "en")
    assert found.get("Moscow") == "LOC" and found.get("Moscow Kremlin") == "ORG"
    assert found.get("Washington, D.C.") == "LOC"


def test_entities_country_named_elsewhere_does_not_outweigh_a_capital(resources):
    _, entities = find_entities(_article("Envoys flew from Washington, D.C. to Moscow.", "en"), resources)
    moscow = next(e for e in entities.values() if e.name == "Moscow")
    assert abs(moscow.lat - 55.75) < 0.1  # not Moscow, Idaho


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("Volgens de Amerikaanse denktank gaat het slecht.", "nl", "United States"),
        ("Peskow sprach von einer Provokation.", "de", "Provo"),
        ("Российские войска нанесли удар.", "ru", "Russia"),
        ("Російські війська вдарили по місту.", "uk", "Russian Armed Forces"),
    ],
)
def test_entities_adjectives_and_word_parts_are_not_names(resources, text, lang, absent):
    assert absent not in _found(resources, text, lang)


def test_entities_region_word_after_a_list_applies_to_every_member(resources):
    found = _found(resources, "Drones were downed over Bryansk, Kursk and Oryol regions.", "en")
    assert {"Bryansk Oblast", "Kursk Oblast", "Oryol Oblast"} <= found.keys() and "Bryansk" not in found


def test_entities_region_word_must_start_a_word(resources):
    assert "Belgorod Oblast" in _found(resources, "I Belgorodregionen har byar evakuerats.", "sv")
    found = _found(resources, "Droner råka eit bustadområde i Kharkiv.", "nn")
    assert "Kharkiv" in found and "Kharkiv Oblast" not in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The 47th Mechanized Brigade held the line.", "en"),
        ("47. Brygada Zmechanizowana odpiera ataki.", "pl"),
        ("Бійці 47-ї окремої механізованої бригади.", "uk"),
        ("La 47e brigade mécanisée tient bon.", "fr"),
        ("Den 47:e mekaniserade brigaden.", "sv"),
    ],
)
def test_entities_numbered_brigades_in_any_language(resources, text, lang):
    assert _found(resources, text, lang).get("47th Mechanized Brigade (Ukraine)") == "ORG"


def test_entities_numbered_brigade_needs_an_ordinal_and_its_branch(resources):
    assert _found(resources, "Three brigades, 3 brigades and the 72nd Motor Rifle Brigade.", "en") == {}
    found = _found(resources, "Бойцы 155-й бригады морской пехоты.", "ru")
    assert found == {"155th Guards Naval Infantry Brigade": "ORG"}  # Russia's, not Ukraine's 155th Mechanized


def test_entities_shared_alias_goes_to_the_entity_of_the_article_language(resources):
    assert "General Staff of the Armed Forces of Russia" in _found(resources, "Генштаб сообщил о боях.", "ru")
    assert "General Staff of the Armed Forces of Ukraine" in _found(resources, "Генштаб повідомив про бої.", "uk")


def test_entities_organisation_names_of_common_words_match_in_any_case(resources):
    found = _found(resources, "За даними «Української правди» і Офісу президента.", "uk")
    assert {"Ukrainska Pravda", "Office of the President of Ukraine"} <= found.keys()


def test_entities_lower_case_one_word_names_match_as_written(resources):
    assert _found(resources, "Das meldete die Nachrichtenagentur dpa.", "de") == {"Deutsche Presse-Agentur": "ORG"}


def test_entities_known_person_at_the_end_of_a_longer_tagged_name(resources):
    tagger = _FakeTagger({"Defensie Roestem Oemerov": "PER"})
    with_tagger = EntityResources(resources.knowledge, tagger)  # type: ignore[arg-type]
    assert _found(with_tagger, "Minister van Defensie Roestem Oemerov sprak.", "nl") == {"Rustem Umerov": "PER"}


def test_entities_town_the_tagger_took_for_a_person_is_a_place(resources):
    tagger = _FakeTagger({"Tjasiv Jar": "PER", "Natalja Volkova": "PER"})
    with_tagger = EntityResources(resources.knowledge, tagger)  # type: ignore[arg-type]
    found = _found(with_tagger, "Kampe ved Tjasiv Jar, siger Natalja Volkova.", "da")
    assert found.get("Chasiv Yar") == "LOC" and found.get("Natalja Volkova") == "PER"


def test_entities_districts_and_military_administrations_in_any_case(resources):
    found = _found(resources, "В Грайворонском округе введён режим ЧС.", "ru")
    assert found.get("Grayvoronsky District") == "LOC"
    assert _found(resources, "Голова Одеської ОВА Олег Кіпер.", "uk").get("Odesa Oblast") == "LOC"
    assert _found(resources, "Вибухи у Запоріжжі.", "uk").keys() == {"Zaporizhzhia"}


def test_entities_unknown_cyrillic_names_are_named_in_latin_letters(resources):
    _, entities = find_entities(_article("Речник Олександр Пащенко заявив про бої.", "uk"), resources)
    assert [e.name for e in entities.values() if not e.known] == ["Oleksandr Pashchenko"]


def test_entities_region_apposition_needs_the_place_next_to_it(resources):
    found = _found(resources, "Лидеры обсудили в Париже отправку миротворцев на Украину.", "ru")
    assert {"Paris", "Ukraine"} <= found.keys()  # not a Ukrainian village once called Париж


def test_entities_generic_acronyms_and_french_demonyms_are_not_names(resources):
    tagger = _FakeTagger({"ПВО": "ORG", "Palestiniens": "LOC"})
    with_tagger = EntityResources(resources.knowledge, tagger)  # type: ignore[arg-type]
    assert _found(with_tagger, "ПВО сбили дроны.", "ru") == {}
    assert _found(with_tagger, "Palestiniens et Israéliens négocient.", "fr") == {}


def test_entities_sentence_initial_word_is_no_hamlet_unless_tagged(resources):
    untagged = EntityResources(resources.knowledge, _FakeTagger({}))  # type: ignore[arg-type]
    tagged = EntityResources(resources.knowledge, _FakeTagger({"Ataky": "LOC"}))  # type: ignore[arg-type]
    assert "Ataky" not in _found(untagged, "Ataky odnotowano w nocy.", "pl")
    assert "Ataky" in _found(tagged, "Ataky odnotowano w nocy.", "pl")
    assert "Sudzha" in _found(untagged, "Sudża została zajęta.", "pl")  # a town, not a hamlet


def test_entities_a_persons_name_holds_no_country(resources):
    assert _found(resources, "Verteidigungsminister Israel Katz drohte.", "de") == {"Israel Katz": "PER"}


def test_entities_short_capitals_match_only_acronyms(resources):
    assert "Niš" not in _found(resources, "Sør-Koreas etterretningstjeneste NIS bekrefter.", "nb")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Drones abattus au-dessus des régions de Koursk, de Briansk et de Belgorod.", "fr"),
        ("Drohnen über den Gebieten Kursk, Brjansk und Belgorod.", "de"),
    ],
)
def test_entities_region_word_before_a_list_applies_to_every_member(resources, text, lang):
    found = _found(resources, text, lang)
    assert {"Kursk Oblast", "Bryansk Oblast", "Belgorod Oblast"} <= found.keys() and "Belgorod" not in found


def test_entities_troops_stand_in_a_region_but_a_military_administration_is_no_troop(resources):
    assert "Kursk Oblast" in _found(resources, "Thousands of Ukrainian troops in Kursk were cut off.", "en")
    found = _found(resources, "Szef administracji wojskowej powiedział, że w Charkowie są ranni.", "pl")
    assert "Kharkiv" in found and "Kharkiv Oblast" not in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Обстріли у Харківській та Сумській областях.", "uk"),
        ("Walki w obwodach charkowskim i sumskim.", "pl"),
        ("Gevechten in de regio's Charkiv en Soemy.", "nl"),
        ("Strider i Charkiv- och Sumyregionerna.", "sv"),
        ("Kämpfe in den Regionen Charkiw und Sumy.", "de"),
    ],
)
def test_entities_regions_sharing_one_region_noun(resources, text, lang):
    assert {"Kharkiv Oblast", "Sumy Oblast"} <= _found(resources, text, lang).keys()


def _places(resources: EntityResources, text: str, lang: str) -> dict[str, bool]:
    """Place name -> whether the knowledge base knows it."""
    _, entities = find_entities(_article(text, lang), resources)
    return {e.name: e.known for e in entities.values() if e.type == "LOC"}


@pytest.mark.parametrize(
    ("text", "lang", "whole"),
    [
        ("Fighters entered the village of Kholmy Balka in the Belgorod region.", "en", "Kholmy Balka"),
        ("Styrkene rykket inn i landsbyen Dolyna Rudka i Kursk fylke.", "nb", "Dolyna Rudka"),
        ("Бійці увійшли в село Долина Рудка на Курщині.", "uk", "Dolyna Rudka"),
        ("Die Kämpfer nahmen das Dorf Rudka-Kholmy in der Region Belgorod ein.", "de", "Rudka-Kholmy"),
        ("Les combattants sont entrés à Kholmy-Rudka, dans la région de Belgorod.", "fr", "Kholmy-Rudka"),
    ],
)
def test_entities_village_name_of_several_words_stays_whole(resources, text, lang, whole):
    # One word of each name is a GeoNames village elsewhere; the name as a whole is unknown.
    places = _places(resources, text, lang)
    assert places.get(whole) is False
    assert not {"Rudka", "Dolyna", "Kholmy"} & places.keys()


@pytest.mark.parametrize(
    ("text", "lang", "joined"),
    [
        # A German noun before a village, or after it in a compound: no one name without a cue.
        ("Die Kämpfer besetzten den Grenzübergang Rudka am Montag.", "de", "Grenzübergang Rudka"),
        ("Die Rudka-Gegner schwiegen.", "de", "Rudka-Gegner"),
        # A town by its own name in a hyphenated pair is a route, not a village.
        ("Traffic on the Lozova-Barvinkove road stopped.", "en", "Lozova-Barvinkove"),
    ],
)
def test_entities_capitalised_words_without_a_cue_are_not_joined_into_a_village(resources, text, lang, joined):
    assert joined not in _places(resources, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "unknown", "wrong"),
    [
        # Suchan is an old name of Partizansk, 6,000 km east of Bryansk.
        ("Saboteurs attacked the village of Suchan in the Bryansk region.", "en", "Suchan", "Partizansk"),
        ("Диверсанты атаковали село Сучан в Брянской области.", "ru", "Suchan", "Partizansk"),
        ("Saboteure griffen das Dorf Suchan im Gebiet Brjansk an.", "de", "Suchan", "Partizansk"),
        # Zharikovo is a village of Primorye: by its own name, but far from everything else named.
        ("Drones hit the village of Zharikovo in the Kursk region.", "en", "Zharikovo", None),
        ("Беспилотники атаковали село Жариково в Курской области.", "ru", "Zharikovo", None),
    ],
)
def test_entities_village_far_from_the_article_is_an_unknown_place(resources, text, lang, unknown, wrong):
    places = _places(resources, text, lang)
    assert places.get(unknown) is False
    assert wrong not in places


@pytest.mark.parametrize(
    ("text", "lang", "known"),
    [
        ("Обстрел Волчанска в Харьковской области продолжается.", "ru", "Vovchansk"),  # another name, named region
        ("Russian troops advanced near Ocheretyne, north of Avdiivka.", "en", "Ocheretyne"),
        ("Residents of the Podil district in Kyiv heard explosions.", "en", "Podil"),
    ],
)
def test_entities_village_near_the_article_keeps_its_link(resources, text, lang, known):
    assert _places(resources, text, lang).get(known) is True


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russland ber ukrainske styrker overgi seg i russiske Kursk.", "nb"),
        ("Die Kämpfe im russischen Kursk dauern an.", "de"),
        ("Бои в российском Курске продолжаются.", "ru"),
        ("Walki w rosyjskim Kursku trwają.", "pl"),
    ],
)
def test_entities_country_adjective_before_a_capital_means_the_region(resources, text, lang):
    places = _places(resources, text, lang)
    assert "Kursk Oblast" in places and "Kursk" not in places


def test_entities_capital_means_the_region_throughout_unless_named_as_a_city(resources):
    text = "Fighting goes on in the Kursk region. The situation in Kursk is difficult, Zelensky said."
    assert "Kursk" not in _places(resources, text, "en")
    text = "Fighting goes on in the Kursk region. Drones hit the city of Kursk overnight."
    assert {"Kursk", "Kursk Oblast"} <= _places(resources, text, "en").keys()


@pytest.mark.parametrize(
    ("text", "lang", "region"),
    [
        ("Ukrainian units pushed into the Brynsk and Kursk regions.", "en", "Bryansk Oblast"),
        ("Kampvogne kørte ind i Belgorot og Kursk-regionerne.", "da", "Belgorod Oblast"),
    ],
)
def test_entities_capital_one_letter_off_in_a_list_of_regions_is_that_region(resources, text, lang, region):
    assert region in _places(resources, text, lang)


def test_entities_word_one_letter_off_a_capital_outside_a_region_list_is_no_region(resources):
    assert "Bryansk Oblast" not in _places(resources, "Ukrainian units pushed into Brynsk.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "members"),
    [
        ("Saboteurs attacked the villages of Kochanovka and Smorodino in the Bryansk region.", "en",
         {"Kochanovka", "Smorodino"}),
        ("Диверсанты атаковали сёла Кочановка, Гутище и Смородиново в Брянской области.", "ru",
         {"Kochanovka", "Gutishche", "Smorodinovo"}),
        ("Die Dörfer Gutischtsche und Smorodino wurden beschossen.", "de", {"Gutischtsche", "Smorodino"}),
    ],
)
def test_entities_every_member_of_a_cued_list_is_a_place(resources, text, lang, members):
    places = _places(resources, text, lang)
    assert members <= places.keys()
    assert not any("," in name for name in places)


def test_entities_unlinked_common_words_are_no_place(resources):
    # "The villages" once linked to The Villages, Florida; far from Belgorod it is not kept as a name either.
    places = _places(resources, "The villages of Kozinka and Glotovo in the Belgorod region were shelled.", "en")
    assert not any(name.casefold() == "the villages" for name in places)
