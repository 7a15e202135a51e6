from __future__ import annotations

import pytest
from article_builder import Names, build_article, entity_id, name_of

from wirewatch.model import PartialDate
from wirewatch.stages.events import find_events

NAMES: Names = {
    "Tyotkino": ("Tyotkino", "LOC", "settlement"),
    "Tjotkino": ("Tyotkino", "LOC", "settlement"),
    "Tiotkino": ("Tyotkino", "LOC", "settlement"),
    "Тьоткіно": ("Tyotkino", "LOC", "settlement"),
    "Moscou": ("Moscow", "LOC", "settlement"),
    "Moskwa": ("Moscow", "LOC", "settlement"),
    "Ryssland": ("Russia", "LOC", "country"),
    "Kreml": ("Moscow Kremlin", "ORG", None),
    "Тёткино": ("Tyotkino", "LOC", "settlement"),
    "Shebekino": ("Shebekino", "LOC", "settlement"),
    "Schebekino": ("Shebekino", "LOC", "settlement"),
    "Шебекино": ("Shebekino", "LOC", "settlement"),
    "Kursk": ("Kursk Oblast", "LOC", "region"),
    "Курской области": ("Kursk Oblast", "LOC", "region"),
    "Курскую область": ("Kursk Oblast", "LOC", "region"),
    "Belgorod": ("Belgorod Oblast", "LOC", "region"),
    "Белгородской области": ("Belgorod Oblast", "LOC", "region"),
    "Белгородскую область": ("Belgorod Oblast", "LOC", "region"),
    "Russia": ("Russia", "LOC", "country"),
    "Rusland": ("Russia", "LOC", "country"),
    "Russland": ("Russia", "LOC", "country"),
    "Россия": ("Russia", "LOC", "country"),
    "Ukraine": ("Ukraine", "LOC", "country"),
    "Ukraina": ("Ukraine", "LOC", "country"),
    "Украина": ("Ukraine", "LOC", "country"),
    "Freedom of Russia Legion": ("Freedom of Russia Legion", "ORG", None),
    "Frihed for Rusland-legionen": ("Freedom of Russia Legion", "ORG", None),
    "Legion Freiheit Russlands": ("Freedom of Russia Legion", "ORG", None),
    "легион «Свобода России»": ("Freedom of Russia Legion", "ORG", None),
    "Gladkov": ("Vyacheslav Gladkov", "PER", None),
    "Gladkow": ("Vyacheslav Gladkov", "PER", None),
    "Гладков": ("Vyacheslav Gladkov", "PER", None),
    "Kapustin": ("Denis Kapustin", "PER", None),
    "Капустин": ("Denis Kapustin", "PER", None),
}

# (language, sentence, event type, place) — every type in at least four languages
TYPE_CASES = [
    # incursion
    ("en", "Armed men crossed the border into Belgorod on Monday.", "incursion", "Belgorod Oblast"),
    ("da", "Bevæbnede mænd trængte ind i Belgorod mandag.", "incursion", "Belgorod Oblast"),
    ("de", "Bewaffnete sind am Montag in die Region Belgorod eingedrungen.", "incursion", "Belgorod Oblast"),
    (
        "ru",
        "В понедельник диверсанты пересекли границу Белгородской области.",
        "incursion",
        "Belgorod Oblast",
    ),
    ("sv", "Beväpnade män trängde in i Belgorod på måndagen.", "incursion", "Belgorod Oblast"),
    # armed_clash
    ("en", "Heavy fighting was reported near Tyotkino.", "armed_clash", "Tyotkino"),
    ("da", "Der var voldsomme kampe ved Tjotkino.", "armed_clash", "Tyotkino"),
    ("de", "Bei Tjotkino gab es schwere Gefechte.", "armed_clash", "Tyotkino"),
    ("ru", "У села Тёткино идут бои.", "armed_clash", "Tyotkino"),
    ("fr", "De violents combats ont eu lieu près de Tyotkino.", "armed_clash", "Tyotkino"),
    # remote_attack
    ("en", "Shebekino came under heavy shelling overnight.", "remote_attack", "Shebekino"),
    ("da", "Shebekino blev udsat for kraftig beskydning.", "remote_attack", "Shebekino"),
    ("de", "Schebekino wurde mit Raketen beschossen.", "remote_attack", "Shebekino"),
    ("ru", "Шебекино подверглось обстрелу.", "remote_attack", "Shebekino"),
    ("pl", "Shebekino znalazło się pod ostrzałem artyleryjskim.", "remote_attack", "Shebekino"),
    # territory_taken
    ("en", "The Freedom of Russia Legion took Tyotkino.", "territory_taken", "Tyotkino"),
    ("da", "Frihed for Rusland-legionen har indtaget Tjotkino.", "territory_taken", "Tyotkino"),
    ("de", "Die Legion Freiheit Russlands hat Tjotkino eingenommen.", "territory_taken", "Tyotkino"),
    ("ru", "Бойцы захватили Тёткино.", "territory_taken", "Tyotkino"),
    ("nb", "Styrkene tok kontroll over Tyotkino.", "territory_taken", "Tyotkino"),
    # retreat
    ("en", "Russian troops withdrew from Tyotkino.", "retreat", "Tyotkino"),
    ("da", "De russiske styrker trak sig tilbage fra Tjotkino.", "retreat", "Tyotkino"),
    ("de", "Die russischen Truppen zogen sich aus Tjotkino zurück.", "retreat", "Tyotkino"),
    ("ru", "Российские войска отступили из Тёткино.", "retreat", "Tyotkino"),
    ("uk", "Російські війська відступили з Tyotkino.", "retreat", "Tyotkino"),
    # capture
    ("en", "Two soldiers were taken prisoner near Shebekino.", "capture", "Shebekino"),
    ("da", "To soldater blev taget til fange ved Shebekino.", "capture", "Shebekino"),
    ("de", "Bei Schebekino wurden zwei Soldaten gefangen genommen.", "capture", "Shebekino"),
    ("ru", "Под Шебекино двое военных взяты в плен.", "capture", "Shebekino"),
    # displacement
    ("en", "Residents of Shebekino were evacuated.", "displacement", "Shebekino"),
    ("da", "Indbyggerne i Shebekino er blevet evakueret.", "displacement", "Shebekino"),
    ("de", "Die Bewohner von Schebekino wurden evakuiert.", "displacement", "Shebekino"),
    ("ru", "Жителей Шебекино эвакуировали.", "displacement", "Shebekino"),
    ("sv", "Invånarna i Shebekino har evakuerats.", "displacement", "Shebekino"),
    # demand
    ("en", "Gladkov called on residents of Shebekino to leave.", "demand", "Shebekino"),
    ("da", "Gladkov opfordrede indbyggerne i Shebekino til at rejse.", "demand", "Shebekino"),
    (
        "de",
        "Gladkow forderte die Bewohner von Schebekino auf, die Stadt zu verlassen.",
        "demand",
        "Shebekino",
    ),
    ("ru", "Гладков призвал жителей Шебекино уехать.", "demand", "Shebekino"),
    # offer
    ("en", "Kapustin offered to exchange the prisoners in Shebekino.", "offer", "Shebekino"),
    ("da", "Kapustin tilbød at udveksle fangerne i Shebekino.", "offer", "Shebekino"),
    ("de", "Kapustin bot an, die Gefangenen in Schebekino auszutauschen.", "offer", "Shebekino"),
    ("ru", "Капустин предложил обменять пленных в Шебекино.", "offer", "Shebekino"),
    # denial
    ("en", "Ukraine denied any role in the raid on Belgorod.", "denial", "Belgorod Oblast"),
    ("da", "Ukraine afviser at have spillet en rolle i angrebet på Belgorod.", "denial", "Belgorod Oblast"),
    (
        "de",
        "Die Ukraine bestreitet jede Beteiligung an dem Angriff auf Belgorod.",
        "denial",
        "Belgorod Oblast",
    ),
    ("ru", "Украина отрицает причастность к нападению на Белгородскую область.", "denial", "Belgorod Oblast"),
    # accusation
    ("en", "Gladkov accused Ukraine of shelling Belgorod.", "accusation", "Belgorod Oblast"),
    ("da", "Gladkov anklager Ukraine for angrebet på Belgorod.", "accusation", "Belgorod Oblast"),
    (
        "de",
        "Gladkow beschuldigte die Ukraine, Belgorod angegriffen zu haben.",
        "accusation",
        "Belgorod Oblast",
    ),
    ("ru", "Гладков обвинил Украину в ударах по Белгородской области.", "accusation", "Belgorod Oblast"),
    # threat
    ("en", "Kapustin threatened new raids on Belgorod.", "threat", "Belgorod Oblast"),
    ("da", "Kapustin truer med nye angreb på Belgorod.", "threat", "Belgorod Oblast"),
    ("de", "Kapustin drohte mit neuen Angriffen auf Belgorod.", "threat", "Belgorod Oblast"),
    ("ru", "Капустин пригрозил новыми рейдами на Белгородскую область.", "threat", "Belgorod Oblast"),
]


@pytest.mark.parametrize(("lang", "text", "event_type", "place"), TYPE_CASES)
def test_events_type_and_place_in_each_language(lang: str, text: str, event_type: str, place: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = {(e.type, name_of(article, e.location)) for e in find_events(article)}
    assert (event_type, place) in found


def test_events_example_from_the_issue_gets_day_place_and_actor() -> None:
    article = build_article(
        "On Tuesday morning the Freedom of Russia Legion took Tyotkino.", "en", "2024-03-14", NAMES
    )
    [event] = [e for e in find_events(article) if e.type == "territory_taken"]
    assert event.date == PartialDate(2024, 3, 12)
    assert name_of(article, event.location) == "Tyotkino"
    assert event.actors == (entity_id("Freedom of Russia Legion"),)
    assert event.evidence.text.startswith("On Tuesday morning")
    assert 0 < event.confidence <= 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ukraine denies having crossed into Belgorod."),
        ("en", "There was no breakthrough near Tyotkino."),
        ("da", "Styrkerne er ikke trængt ind i Belgorod."),
        ("de", "Es gab keinen Durchbruch bei Tjotkino."),
        ("ru", "Войска не смогли прорваться к Тёткино и не перешли границу."),
    ],
)
def test_events_negated_physical_event_is_dropped(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    assert not [e for e in find_events(article) if e.type == "incursion"]


def test_events_denial_survives_its_own_negation() -> None:
    article = build_article("Ukraine denies having crossed into Belgorod.", "en", "2024-03-14", NAMES)
    assert [e.type for e in find_events(article)] == ["denial"]


def test_events_hedged_event_has_lower_confidence() -> None:
    plain = find_events(build_article("Fighters took Tyotkino.", "en", "2024-03-14", NAMES))
    hedged = find_events(build_article("Fighters reportedly took Tyotkino.", "en", "2024-03-14", NAMES))
    assert plain[0].confidence > hedged[0].confidence


def test_events_one_physical_event_per_coordinated_place() -> None:
    article = build_article(
        "The groups crossed the border into the Belgorod and Kursk regions.", "en", "2024-03-12", NAMES
    )
    places = sorted(name_of(article, e.location) or "" for e in find_events(article) if e.type == "incursion")
    assert places == ["Belgorod Oblast", "Kursk Oblast"]


def test_events_statement_is_one_event_at_most_specific_place() -> None:
    article = build_article(
        "Gladkov accused Ukraine of shelling Shebekino in Belgorod.", "en", "2024-03-12", NAMES
    )
    accusations = [e for e in find_events(article) if e.type == "accusation"]
    assert [name_of(article, e.location) for e in accusations] == ["Shebekino"]
    assert accusations[0].actors == (entity_id("Vyacheslav Gladkov"),)


def test_events_repeated_reports_merge_into_one_event() -> None:
    article = build_article(
        "Fighters took Tyotkino on Tuesday. The capture of Tyotkino was confirmed. Fighters took Tyotkino, the legion said.",
        "en",
        "2024-03-14",
        NAMES,
        headline="Legion takes Tyotkino",
    )
    taken = [e for e in find_events(article) if e.type == "territory_taken"]
    assert len(taken) == 1
    assert taken[0].date == PartialDate(2024, 3, 12)


def test_events_background_event_keeps_its_own_month() -> None:
    article = build_article(
        "Ukrainske styrker rykket inn i Kursk i august i fjor.", "nb", "2025-03-14", NAMES
    )
    [event] = [e for e in find_events(article) if e.type == "incursion"]
    assert event.date == PartialDate(2024, 8)


def test_events_year_only_background_is_not_an_event() -> None:
    article = build_article("The legion raided Belgorod last year.", "en", "2024-03-14", NAMES)
    assert find_events(article) == []


def test_events_undated_article_gives_undated_events() -> None:
    article = build_article("On Sunday fighters took Tyotkino.", "en", None, NAMES)
    assert [e.date for e in find_events(article)] == [None]


def test_events_month_only_article_gives_month() -> None:
    article = build_article("Tirsdag morgen indtog de Tjotkino.", "da", "2024-03", NAMES)
    assert [e.date for e in find_events(article)] == [PartialDate(2024, 3)]


def test_events_without_place_use_the_place_the_article_is_about() -> None:
    article = build_article(
        "Shebekino is near the border. Shebekino has been quiet. Then the evacuation began.",
        "en",
        "2023-06-04",
        NAMES,
    )
    [event] = find_events(article)
    assert event.type == "displacement" and name_of(article, event.location) == "Shebekino"


def test_events_possessive_place_is_not_the_location() -> None:
    article = build_article("Russia's invasion of Ukraine began in February 2022.", "en", "2024-03-14", NAMES)
    [event] = find_events(article)
    assert name_of(article, event.location) == "Ukraine"
    assert event.date == PartialDate(2022, 2)


def test_events_unknown_language_still_finds_events() -> None:
    article = build_article("Heavy fighting near Tyotkino.", "xx", "2024-03-14", NAMES)
    assert [e.type for e in find_events(article)] == ["armed_clash"]


def test_events_future_attack_is_a_threat() -> None:
    article = build_article(
        "Kapustin said his group will soon launch new raids into Belgorod.", "en", "2023-05-24", NAMES
    )
    assert [e.type for e in find_events(article)] == ["threat"]


def test_events_intended_attack_is_not_an_event() -> None:
    article = build_article("Deres mål er at befri Tjotkino.", "da", "2024-03-12", NAMES)
    assert find_events(article) == []


def test_events_denials_by_different_speakers_stay_apart() -> None:
    article = build_article(
        "Gladkov denied the reports from Belgorod. Kapustin also denied the reports from Belgorod.",
        "en",
        "2023-06-04",
        NAMES,
    )
    denials = [e for e in find_events(article) if e.type == "denial"]
    assert sorted(name_of(article, e.actors[0]) or "" for e in denials) == [
        "Denis Kapustin",
        "Vyacheslav Gladkov",
    ]


def test_events_country_adds_nothing_beside_its_regions() -> None:
    article = build_article(
        "The groups crossed the border into Russia. They crossed into Belgorod on Tuesday.",
        "en",
        "2024-03-14",
        NAMES,
    )
    assert [name_of(article, e.location) for e in find_events(article)] == ["Belgorod Oblast"]


def test_events_place_inside_a_longer_name_is_not_the_location() -> None:
    names: Names = {**NAMES, "Armed Forces of Ukraine": ("Armed Forces of Ukraine", "ORG", None)}
    article = build_article(
        "Shelling hit Belgorod. Gladkov blamed the Armed Forces of Ukraine for the shelling.",
        "en",
        "2023-12-30",
        names,
    )
    [accusation] = [e for e in find_events(article) if e.type == "accusation"]
    assert name_of(article, accusation.location) == "Belgorod Oblast"


def test_events_undated_report_does_not_join_an_old_background_event() -> None:
    article = build_article(
        "Fighting has raged near Tyotkino since April 15. Fighting near Tyotkino resumed.",
        "en",
        "2024-09-04",
        NAMES,
    )
    dates = sorted(str(e.date) for e in find_events(article) if e.type == "armed_clash")
    assert dates == ["2024-04-15", "2024-09-04"]


def test_events_country_event_of_another_time_stays() -> None:
    article = build_article(
        "Russia's invasion of Ukraine began in February 2022. Fighters crossed into Belgorod on Tuesday.",
        "en",
        "2024-03-14",
        NAMES,
    )
    found = sorted((name_of(article, e.location) or "", str(e.date)) for e in find_events(article))
    assert found == [("Belgorod Oblast", "2024-03-12"), ("Ukraine", "2022-02")]


# verb forms and wordings the first cases do not use: gender/number endings, split phrases, other outlets' words
WORDING_CASES = [
    ("pl", "Ukraińskie wojska zajęły Tiotkino.", "territory_taken", "Tyotkino"),
    ("pl", "Wojska w niedzielę przekroczyły granicę koło Tiotkino.", "incursion", "Tyotkino"),
    ("uk", "Російський корпус у суботу зайшов у село Тьоткіно.", "incursion", "Tyotkino"),
    ("uk", "У Кремлі пригрозили помстою за Тьоткіно.", "threat", "Tyotkino"),
    ("nn", "Styrkane har teke Tjotkino.", "territory_taken", "Tyotkino"),
    ("nn", "Ukrainske einingar trekte seg søndag tilbake frå Tjotkino.", "retreat", "Tyotkino"),
    ("nl", "Troepen zijn zondag de grens met Rusland overgestoken bij Tjotkino.", "incursion", "Tyotkino"),
    ("fr", "Les troupes ont franchi dimanche la frontière près de Tiotkino.", "incursion", "Tyotkino"),
    ("fr", "Le président a appelé les Occidentaux à aider Tiotkino.", "demand", "Tyotkino"),
    ("ru", "Войска в воскресенье пересекли российскую границу у Тёткино.", "incursion", "Tyotkino"),
    ("sv", "Ryska styrkor återtog Tjotkino.", "territory_taken", "Tyotkino"),
    ("en", "Ukrainian soldiers stormed across the frontier near Tyotkino.", "incursion", "Tyotkino"),
]


@pytest.mark.parametrize(("lang", "text", "event_type", "place"), WORDING_CASES)
def test_events_inflected_and_split_wordings(lang: str, text: str, event_type: str, place: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = {(e.type, name_of(article, e.location)) for e in find_events(article)}
    assert (event_type, place) in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Moscou dément que ses troupes se soient retirées de Tiotkino."),
        ("pl", "Moskwa zaprzecza, jakoby jej wojska wycofały się z Tiotkino."),
        ("sv", "Ryssland förnekar att styrkorna har dragit sig tillbaka från Tjotkino."),
    ],
)
def test_events_denied_happening_is_only_a_denial_about_its_place(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = [(e.type, name_of(article, e.location)) for e in find_events(article)]
    assert found == [("denial", "Tyotkino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Kreml zażądał wycofania wojsk z Tiotkino."),
        ("ru", "Гладков призвал жителей Тёткино покинуть свои дома."),
    ],
)
def test_events_what_a_demand_asks_for_has_not_happened(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    assert [e.type for e in find_events(article)] == ["demand"]


def test_events_rejected_ultimatum_is_no_new_demand() -> None:
    article = build_article("Kapustin dismissed the ultimatum from Russia.", "en", "2024-03-14", NAMES)
    assert [e.type for e in find_events(article)] == ["denial"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Из Тёткино бежали около 2 тысяч человек."),
        ("de", "Rund 2000 Menschen sind aus Tjotkino geflohen."),
        ("pl", "Z Tiotkino uciekło około 2 tys. osób."),
    ],
)
def test_events_civilians_fleeing_are_displaced_not_retreating(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    found = [(e.type, name_of(article, e.location)) for e in find_events(article)]
    assert found == [("displacement", "Tyotkino")]


def test_events_place_evacuated_from_is_where_it_happened() -> None:
    article = build_article("Із Тьоткіно евакуювали понад сто мешканців.", "uk", "2024-03-14", NAMES)
    found = [(e.type, name_of(article, e.location)) for e in find_events(article)]
    assert found == [("displacement", "Tyotkino")]


def test_events_yesterdays_attack_is_dated_the_day_before() -> None:
    text = "Siedem osób zginęło w wyniku wczorajszego ataku dronów na Shebekino."
    [event] = find_events(build_article(text, "pl", "2024-03-14", NAMES))
    assert (event.type, event.date) == ("remote_attack", PartialDate(2024, 3, 13))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Капустін запропонував зустрітися, щоб обговорити долю полонених у Тьоткіно."),
        ("ru", "Капустин предложил обсудить судьбу пленных в Тёткино."),
    ],
)
def test_events_prisoners_an_offer_is_about_are_no_capture(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    assert [e.type for e in find_events(article)] == ["offer"]


MORE_NAMES: Names = {
    **NAMES,
    "Bakhmut": ("Bakhmut", "LOC", "settlement"),
    "Bachmut": ("Bakhmut", "LOC", "settlement"),
    "Бахмут": ("Bakhmut", "LOC", "settlement"),
    "Kharkiv": ("Kharkiv", "LOC", "settlement"),
    "Charkiw": ("Kharkiv", "LOC", "settlement"),
    "Харьков": ("Kharkiv", "LOC", "settlement"),
    "Kharkov": ("Kharkiv", "LOC", "settlement"),
    "Kozinka": ("Kozinka", "LOC", "settlement"),
    "Козинка": ("Kozinka", "LOC", "settlement"),
    "Chebekino": ("Shebekino", "LOC", "settlement"),
    "Sjebekino": ("Shebekino", "LOC", "settlement"),
    "Szebiekino": ("Shebekino", "LOC", "settlement"),
    "Moscow": ("Moscow", "LOC", "settlement"),
    "Belgoroda": ("Belgorod Oblast", "LOC", "region"),
    "Rosja": ("Russia", "LOC", "country"),
}


def _found(text: str, lang: str, published: str | None = "2024-03-14") -> list[tuple[str, str | None]]:
    article = build_article(text, lang, published, MORE_NAMES)
    return sorted((e.type, name_of(article, e.location)) for e in find_events(article))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Fighting broke out in Kursk. A battle is under way in Tyotkino in Kursk."),
        ("ru", "В Курской области идут бои. Бои идут в селе Тёткино Курской области."),
        ("fr", "De violents combats ont eu lieu à Kursk. Des combats ont lieu à Tyotkino, Kursk."),
    ],
)
def test_events_region_holding_the_village_adds_no_event_of_its_own(lang: str, text: str) -> None:
    assert _found(text, lang) == [("armed_clash", "Tyotkino")]


def test_events_places_the_text_does_not_nest_stay_apart() -> None:
    text = "Fighting broke out in Belgorod. A battle is under way in Tyotkino."
    assert _found(text, "en") == [("armed_clash", "Belgorod Oblast"), ("armed_clash", "Tyotkino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The legion took Tyotkino. Russian troops withdrew in panic."),
        ("da", "Legionen har indtaget Tjotkino. De russiske styrker trak sig tilbage."),
        ("uk", "Добровольці взяли під контроль Тьоткіно. Російські війська відступили з села."),
    ],
)
def test_events_placeless_happening_takes_the_place_of_the_sentence_before(lang: str, text: str) -> None:
    body = f"{text} Gladkov spoke in Belgorod. Belgorod is calm."
    article = build_article(body, lang, "2024-03-14", MORE_NAMES)
    retreats = [name_of(article, e.location) for e in find_events(article) if e.type == "retreat"]
    assert retreats == ["Tyotkino"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Residents of Shebekino were evacuated. Gladkov spoke in Belgorod. Thousands were evacuated."),
        (
            "de",
            "Die Bewohner von Schebekino wurden evakuiert. Gladkow sprach in Belgorod. "
            "Tausende wurden evakuiert.",
        ),
    ],
)
def test_events_placeless_retelling_joins_the_placed_happening(lang: str, text: str) -> None:
    assert [t for t in _found(text, lang) if t[0] == "displacement"] == [("displacement", "Shebekino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gladkov called on residents of Shebekino to leave. Gladkov repeated his appeal in Belgorod."),
        ("ru", "Гладков призвал жителей Шебекино уехать. Гладков повторил призыв в Белгородской области."),
        ("sv", "Gladkov uppmanade invånarna i Sjebekino att fly. Gladkov upprepade uppmaningen i Belgorod."),
    ],
)
def test_events_one_speakers_retold_statement_is_one_event(lang: str, text: str) -> None:
    assert [t for t in _found(text, lang) if t[0] == "demand"] == [("demand", "Shebekino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Styrkerne skal have besat Tjotkino."),
        ("de", "Die Legion will Tjotkino eingenommen haben."),
        ("sv", "Styrkorna ska ha intagit Tjotkino."),
        ("en", "The legion is said to have taken control of Tyotkino."),
    ],
)
def test_events_hearsay_about_a_past_act_is_no_threat(lang: str, text: str) -> None:
    assert _found(text, lang) == [("territory_taken", "Tyotkino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Legion will Tjotkino einnehmen."),
        ("sv", "Styrkorna ska inta Tjotkino."),
        ("en", "The legion will take control of Tyotkino."),
    ],
)
def test_events_modal_without_a_perfect_still_announces_a_threat(lang: str, text: str) -> None:
    assert _found(text, lang) == [("threat", "Tyotkino")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Western equipment was lost during the battle of Bakhmut."),
        ("de", "Während der Kämpfe um Bachmut ging viel Material verloren."),
        ("pl", "Podczas walk o Bachmut Rosja straciła wielu żołnierzy."),
        ("ru", "Во время боёв за Бахмут армия понесла большие потери."),
    ],
)
def test_events_happening_that_only_dates_something_else_is_no_event(lang: str, text: str) -> None:
    assert _found(text, lang) == []


def test_events_dated_background_after_during_still_counts() -> None:
    found = _found("During the battle of Bakhmut in May 2023, the legion fought near Tyotkino.", "en")
    assert ("armed_clash", "Bakhmut") in found or ("armed_clash", "Tyotkino") in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia shells Kharkiv almost daily."),
        ("de", "Charkiw wird fast täglich beschossen."),
        ("fr", "Chebekino est bombardée presque quotidiennement."),
        ("ru", "Харьков почти ежедневно подвергается обстрелам."),
    ],
)
def test_events_habitual_attacks_are_no_event(lang: str, text: str) -> None:
    assert _found(text, lang) == []


def test_events_habit_in_another_clause_leaves_the_happening() -> None:
    found = _found("On Monday Russia shelled Kharkiv, which it attacks almost daily.", "en")
    assert ("remote_attack", "Kharkiv") in found


def test_events_place_after_by_took_it_and_was_not_taken() -> None:
    assert _found("He showed Western equipment captured by Russia near Bakhmut.", "en") == []
    assert _found("Russia captured Tyotkino.", "en") == [("territory_taken", "Tyotkino")]


def test_events_a_day_after_dates_from_the_story_so_far() -> None:
    text = (
        "Kapustin spoke to journalists on Wednesday. "
        "This was a day after Moscow said it had repulsed an attack on Belgorod."
    )
    article = build_article(text, "en", "2023-05-26", MORE_NAMES)
    [clash] = [e for e in find_events(article) if e.type == "armed_clash"]
    assert clash.date == PartialDate(2023, 5, 23)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Au lendemain des bombardements de Chebekino, Gladkov a appelé les habitants à partir."),
        ("ru", "На следующий день после обстрела Шебекино, Гладков призвал жителей уехать."),
        ("pl", "Dzień po ostrzale Szebiekina gubernator Gładkow wezwał mieszkańców do wyjazdu."),
    ],
)
def test_events_opening_day_after_phrase_dates_only_what_it_names(lang: str, text: str) -> None:
    article = build_article(text, lang, "2023-06-05", MORE_NAMES)
    dates = {e.type: e.date for e in find_events(article)}
    assert dates["remote_attack"] == PartialDate(2023, 6, 4)
    assert dates["demand"] == PartialDate(2023, 6, 5)


def test_events_listed_places_are_not_nested_by_a_comma() -> None:
    text = "Shelling hit Tyotkino, Kursk and Shebekino."
    found = _found(text, "en")
    assert ("remote_attack", "Kursk Oblast") in found and ("remote_attack", "Tyotkino") in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Fighting in Belgorod. Kapustin called on Russians to boycott the vote. Russia votes soon."),
        ("ru", "В Белгородской области бои. Капустин призвал россиян бойкотировать выборы. Россия голосует."),
        ("pl", "W Belgorod trwają walki. Kapustin wezwał Rosjan do bojkotu wyborów. Rosja głosuje."),
    ],
)
def test_events_statement_to_a_people_is_about_their_country(lang: str, text: str) -> None:
    assert ("demand", "Russia") in _found(text, lang)


def test_events_people_of_a_country_the_article_never_names_leave_the_focus_place() -> None:
    found = _found("Fighting goes on in Belgorod. Kapustin called on Russians to boycott the vote.", "en")
    assert ("demand", "Belgorod Oblast") in found


# statements worded without the plain verbs: predictions, vows, blame, name-calling, invitations, rejections
STATEMENT_WORDING_CASES = [
    ("en", "The commander said the garrison in Belgorod will be destroyed.", "threat"),
    ("de", "Der Krieg werde in Belgorod enden, sagte der Kommandeur.", "threat"),
    ("da", "Lederen siger, at krigen vil ende i Belgorod.", "threat"),
    ("ru", "Командир заявил, что войска в Белгородской области будут уничтожены.", "threat"),
    ("pl", "Dowódca oświadczył, że oddziały w Belgorod zostaną zniszczone.", "threat"),
    ("en", "The governor holds Ukraine responsible for the shelling of Belgorod.", "accusation"),
    ("nl", "De gouverneur hield Oekraïne verantwoordelijk voor de aanval op Belgorod.", "accusation"),
    ("sv", "Guvernören håller Ukraina ansvarig för attacken mot Belgorod.", "accusation"),
    ("fr", "Le gouverneur dénonce une provocation à Belgorod.", "accusation"),
    ("ru", "Губернатор заявил, что за обстрелом Белгородской области стоит киевский режим.", "accusation"),
    ("en", "The president said he was ready to exchange prisoners taken in Belgorod.", "offer"),
    ("de", "Der Präsident sei offen für Gespräche über Belgorod.", "offer"),
    ("pl", "Prezydent jest gotowy do wymiany jeńców z Belgorod.", "offer"),
    ("uk", "Командир заявив, що гарантую безпеку полоненим у Тьоткіно.", "offer"),
    ("en", "The ministry rejected the claim that troops had left Belgorod.", "denial"),
    ("ru", "Минобороны назвало фейком сообщения о прорыве в Белгородской области.", "denial"),
    ("da", "Ministeriet kalder det falske nyheder om Belgorod.", "denial"),
    ("nl", "Het ministerie noemde de berichten over Belgorod nepnieuws.", "denial"),
    ("en", "The governor pleaded with residents of Belgorod to stay indoors.", "demand"),
    ("sv", "Guvernören uppmanade invånarna i Belgorod att stanna inomhus.", "demand"),
    ("de", "Der Gouverneur forderte die Bewohner von Belgorod auf, die Waffen niederzulegen.", "demand"),
]


@pytest.mark.parametrize(("lang", "text", "event_type"), STATEMENT_WORDING_CASES)
def test_events_statement_without_plain_verb_is_found(lang: str, text: str, event_type: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    assert event_type in {e.type for e in find_events(article)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Forecasters said heavy snow will fall in Belgorod this week."),
        ("en", "The mayor of Belgorod called on Sunday to discuss road repairs."),
        ("de", "Der Wetterdienst sagte, in Belgorod werde es morgen regnen."),
        ("ru", "Синоптики заявили, что в Белгородской области будет снег."),
        ("sv", "SMHI sade att det kommer att regna i Belgorod."),
        ("fr", "Le maire de Belgorod a appelé dimanche le ministre."),
        ("nb", "Ordføreren i Belgorod står bak festivalen."),
        ("uk", "Сезон у Тьоткіно закінчиться у травні."),
    ],
)
def test_events_forecast_or_phone_call_is_no_statement(lang: str, text: str) -> None:
    article = build_article(text, lang, "2024-03-14", NAMES)
    assert find_events(article) == []
