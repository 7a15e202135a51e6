from __future__ import annotations

import pytest
from article_builder import Names, build_article, name_of

from wirewatch.stages.figures import find_figures

NAMES: Names = {
    "Gladkov": ("Vyacheslav Gladkov", "PER", None),
    "Gladkow": ("Vyacheslav Gladkov", "PER", None),
    "Gladkowa": ("Vyacheslav Gladkov", "PER", None),
    "Гладков": ("Vyacheslav Gladkov", "PER", None),
    "Гладкова": ("Vyacheslav Gladkov", "PER", None),
    "Kapustin": ("Denis Kapustin", "PER", None),
    "Kapoustine": ("Denis Kapustin", "PER", None),
    "ВСУ": ("Armed Forces of Ukraine", "ORG", None),
    "Шебекино": ("Shebekino", "LOC", "settlement"),
    "Rusland": ("Russia", "LOC", "country"),
    "Russia": ("Russia", "LOC", "country"),
    "Moscow": ("Moscow", "LOC", "settlement"),
    "Bryansk": ("Bryansk Oblast", "LOC", "region"),
    "Ministry of Emergency Situations": ("Ministry of Emergency Situations (Russia)", "ORG", None),
    "Health Ministry": ("Federal Ministry of Health (Sudan)", "ORG", None),
}

# (language, sentence, kind, value, lower bound, claimed by) — a count with its source in every language
ATTRIBUTED = [
    ("en", "Moscow claims it has killed more than 70 fighters.", "killed", 70, True, "Moscow"),
    ("da", "Rusland siger, at det dræbte mere end 70 militante.", "killed", 70, True, "Russia"),
    ("nb", "Ifølge Gladkov ble fire personer såret.", "wounded", 4, False, "Vyacheslav Gladkov"),
    ("nn", "Gladkov seier at tre personar vart drepne.", "killed", 3, False, "Vyacheslav Gladkov"),
    ("sv", "Enligt Gladkov dödades fem civila.", "killed", 5, False, "Vyacheslav Gladkov"),
    ("de", "Laut Gladkow wurden zwei Menschen getötet.", "killed", 2, False, "Vyacheslav Gladkov"),
    ("nl", "Volgens Gladkov raakten zes mensen gewond.", "wounded", 6, False, "Vyacheslav Gladkov"),
    ("fr", "Selon Gladkov, au moins huit civils ont été tués.", "killed", 8, True, "Vyacheslav Gladkov"),
    ("pl", "Według Gladkowa zginęło ponad 20 osób.", "killed", 20, True, "Vyacheslav Gladkov"),
    ("ru", "Как сообщил Гладков, погибли два человека.", "killed", 2, False, "Vyacheslav Gladkov"),
    ("uk", "За словами Гладкова, поранено 15 людей.", "wounded", 15, False, "Vyacheslav Gladkov"),
    (
        "en",
        "The governor of Bryansk said three people had been evacuated.",
        "evacuated",
        3,
        False,
        "Bryansk Oblast",
    ),
    (
        "de",
        "Mehr als 200 Menschen wurden evakuiert, sagte Gladkow.",
        "evacuated",
        200,
        True,
        "Vyacheslav Gladkov",
    ),
    (
        "ru",
        "Более 4 тысяч человек размещены в пунктах временного размещения, заявил Гладков.",
        "displaced",
        4000,
        True,
        "Vyacheslav Gladkov",
    ),
    (
        "da",
        "Kapustin siger, at to af hans mænd blev taget til fange.",
        "captured",
        2,
        False,
        "Denis Kapustin",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "lower", "source"), ATTRIBUTED)
def test_figures_count_and_source_in_each_language(
    lang: str, text: str, kind: str, value: int, lower: bool, source: str
) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = {(f.kind, f.value, f.lower_bound, name_of(article, f.claimed_by)) for f in find_figures(article)}
    assert found == {(kind, value, lower, source)}


def test_figures_issue_example_two_sources_in_one_article() -> None:
    article = build_article(
        "Kapustin siger, at der var to, der mistede livet, og ti, der blev sårede. "
        "Rusland siger derimod, at det dræbte mere end 70 af, hvad det kalder ukrainske nationalister.",
        "da",
        "2023-05-24",
        NAMES,
    )
    found = {(f.kind, f.value, name_of(article, f.claimed_by)) for f in find_figures(article)}
    assert found == {
        ("killed", 2, "Denis Kapustin"),
        ("wounded", 10, "Denis Kapustin"),
        ("killed", 70, "Russia"),
    }


def test_figures_sub_counts_are_kept() -> None:
    article = build_article("Another 108 people, including 15 children, were injured.", "en", "2023-12-30")
    assert sorted((f.kind, f.value) for f in find_figures(article)) == [("wounded", 15), ("wounded", 108)]


def test_figures_coordinated_counts_share_their_kind() -> None:
    article = build_article(
        "12 adults and two children were killed, and 10 were wounded.", "en", "2023-12-30"
    )
    assert sorted((f.kind, f.value) for f in find_figures(article)) == [
        ("killed", 2),
        ("killed", 12),
        ("wounded", 10),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Dozens of people were killed and thousands fled."),
        ("da", "Tusindvis er flygtet, og snesevis er dræbt."),
        ("de", "Dutzende Menschen wurden verletzt."),
        ("ru", "Десятки человек погибли."),
    ],
)
def test_figures_vague_amounts_are_skipped(lang: str, text: str) -> None:
    assert find_figures(build_article(text, lang, "2024-03-14")) == []


def test_figures_around_a_dozen_is_twelve() -> None:
    [figure] = find_figures(build_article("Around a dozen soldiers were captured.", "en", "2024-03-14"))
    assert (figure.kind, figure.value, figure.lower_bound) == ("captured", 12, False)


def test_figures_one_needs_its_noun_and_kind_close() -> None:
    died = find_figures(build_article("Ein Feuerwehrmann kam ums Leben.", "de", "2024-06-02"))
    assert [(f.kind, f.value) for f in died] == [("killed", 1)]
    assert (
        find_figures(build_article("Ein Haus brannte, mehrere Menschen wurden verletzt.", "de", "2024-06-02"))
        == []
    )


def test_figures_unattributed_count_is_the_articles_own_voice() -> None:
    [figure] = find_figures(build_article("Die 140 Bewohner wurden evakuiert.", "de", "2024-06-02", NAMES))
    assert figure.claimed_by is None


def test_figures_pronoun_speaker_is_the_last_named_one() -> None:
    article = build_article(
        "Gladkov visited the hospital. He said three people were killed.", "en", "2024-03-14", NAMES
    )
    [figure] = find_figures(article)
    assert name_of(article, figure.claimed_by) == "Vyacheslav Gladkov"


def test_figures_continuing_report_keeps_its_source() -> None:
    article = build_article(
        "The Ministry of Emergency Situations writes that 12 people were killed. Another 108 people were injured.",
        "en",
        "2023-12-30",
        NAMES,
    )
    assert {name_of(article, f.claimed_by) for f in find_figures(article)} == {
        "Ministry of Emergency Situations (Russia)"
    }


def test_figures_years_dates_and_areas_are_not_counts() -> None:
    text = "Since April 15, 2023, troops seized 1,376 square kilometers; a 42-year-old man was injured."
    assert find_figures(build_article(text, "en", "2024-03-14")) == []


def test_figures_repeated_figure_is_reported_once() -> None:
    article = build_article(
        "Moscow claims it killed more than 70 fighters.",
        "en",
        "2023-05-24",
        NAMES,
        headline="Russia says 70 killed",
    )
    assert [(f.kind, f.value) for f in find_figures(article)] == [("killed", 70)]


def test_figures_source_named_in_the_next_sentence() -> None:
    article = build_article(
        "I alt er 2500 mennesker blevet indkvarteret i sportshaller. Det meddelte guvernør Gladkov fredag.",
        "da",
        "2023-06-04",
        NAMES,
    )
    [figure] = find_figures(article)
    assert (figure.kind, figure.value, name_of(article, figure.claimed_by)) == (
        "displaced",
        2500,
        "Vyacheslav Gladkov",
    )


def test_figures_medium_is_not_the_speaker_but_the_described_group_is() -> None:
    names: Names = {
        "Telegram": ("Telegram", "ORG", None),
        "Ruslands Frivillige Korps": ("Russian Volunteer Corps", "ORG", None),
    }
    article = build_article(
        "I en video på Telegram siger en mand, der kalder sig leder af Ruslands Frivillige Korps, "
        "at de har taget to russiske soldater til fange.",
        "da",
        "2023-06-04",
        names,
    )
    [figure] = find_figures(article)
    assert (figure.kind, figure.value, name_of(article, figure.claimed_by)) == (
        "captured",
        2,
        "Russian Volunteer Corps",
    )


def test_figures_year_before_a_count_is_not_a_count() -> None:
    article = build_article("In 2023, 500 people were killed in the region.", "en", "2024-03-14")
    assert [(f.kind, f.value) for f in find_figures(article)] == [("killed", 500)]


# number words in their case forms, approximate phrases, verb forms by gender and number
WORDED = [
    ("ru", "По словам Гладкова, погибли не менее двенадцати человек.", "killed", 12, True),
    ("ru", "Семь человек погибли и около двадцати ранены, заявил Гладков.", "wounded", 20, False),
    ("uk", "Понад дві тисячі мешканців евакуювали, заявив Гладков.", "evacuated", 2000, True),
    ("pl", "Według Gladkowa trzydziestu napastników zginęło.", "killed", 30, False),
    ("pl", "Według Gladkowa do niewoli trafiło ponad sześciuset żołnierzy.", "captured", 600, True),
    ("sv", "Ett tjugotal skadades, enligt Gladkov.", "wounded", 20, False),
    ("fr", "Une vingtaine de personnes ont été blessées, selon Gladkov.", "wounded", 20, False),
    ("nl", "Volgens Gladkov kwamen vier mensen om het leven.", "killed", 4, False),
    ("en", "Gladkov said two soldiers had been taken captive.", "captured", 2, False),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "lower"), WORDED)
def test_figures_worded_counts_in_each_language(
    lang: str, text: str, kind: str, value: int, lower: bool
) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = {(f.kind, f.value, f.lower_bound, name_of(article, f.claimed_by)) for f in find_figures(article)}
    assert (kind, value, lower, "Vyacheslav Gladkov") in found


def test_figures_role_word_names_the_person_introduced_with_it() -> None:
    text = (
        "Kapustin offered to meet governor Gladkov. Kapustin said he would return. "
        "About 4,000 people have left their homes, the governor said."
    )
    article = build_article(text, "en", "2024-03-14", NAMES)
    [figure] = find_figures(article)
    assert (figure.kind, figure.value, name_of(article, figure.claimed_by)) == (
        "evacuated",
        4000,
        "Vyacheslav Gladkov",
    )


def test_figures_name_inside_the_report_does_not_state_it() -> None:
    text = "ВСУ обстреляли Шебекино, погибли трое мирных жителей, сообщила администрация города."
    [figure] = find_figures(build_article(text, "ru", "2024-03-14", NAMES))
    assert (figure.kind, figure.value, figure.claimed_by) == ("killed", 3, None)


def test_figures_one_before_a_preposition_counts_something_else() -> None:
    article = build_article("Kapoustine a proposé un échange de prisonniers.", "fr", "2024-03-14", NAMES)
    assert find_figures(article) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Sept blessés, dont deux enfants."),
        ("ru", "Пострадали семь человек, в том числе двое детей."),
        ("uk", "Постраждали семеро людей, серед них двоє дітей."),
        ("pl", "Rannych zostało siedem osób, w tym dwoje dzieci."),
        ("sv", "Sju skadade, varav två barn."),
        ("nl", "Zeven gewonden, onder wie twee kinderen."),
    ],
)
def test_figures_sub_count_after_including_word_keeps_the_kind(lang: str, text: str) -> None:
    found = sorted((f.kind, f.value) for f in find_figures(build_article(text, lang, "2024-03-14")))
    assert found == [("wounded", 2), ("wounded", 7)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В результате атаки погибли три человека. Об этом сообщил губернатор Гладков."),
        ("pl", "W ataku zginęły trzy osoby. Poinformował o tym gubernator Gladkow."),
        ("sv", "Tre personer har dödats. Det uppger Gladkov."),
    ],
)
def test_figures_speaker_named_after_a_back_reference(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = {(f.kind, f.value, name_of(article, f.claimed_by)) for f in find_figures(article)}
    assert found == {("killed", 3, "Vyacheslav Gladkov")}


def test_figures_place_phrase_may_stand_between_verb_and_count() -> None:
    article = build_article("Власти вывезли из приграничных сел около 300 детей.", "ru", "2024-03-14")
    assert [(f.kind, f.value) for f in find_figures(article)] == [("evacuated", 300)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Residents were evacuated from 12 villages."), ("nb", "Folk ble evakuert fra 12 landsbyer.")],
)
def test_figures_count_after_a_preposition_counts_places_not_people(lang: str, text: str) -> None:
    assert find_figures(build_article(text, lang, "2024-03-14")) == []
