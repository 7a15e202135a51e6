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
