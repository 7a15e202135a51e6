"""The clean stage on small made-up articles with the furniture crawled news carries."""

from __future__ import annotations

import pytest

from wirewatch.model import CleanText, Origin, RawArticle
from wirewatch.stages.clean import clean


def _raw(text: str, **kw) -> RawArticle:
    return RawArticle(id="t", text=text, origin=Origin("test"), **kw)


def _clean(text: str, **kw) -> CleanText:
    return clean(_raw(text, **kw))


DANISH = """ date 2024-02 Menu
Læs også: Rusland rykker frem ved Avdijivka
Ukraine melder om kraftige angreb mod Kharkiv natten til tirsdag
Flere mennesker er dræbt, efter at russiske missiler ramte boligområder i Kharkiv.
Af Ritzau | 13.02.2024 kl. 09:41
Krig i Ukraine: Ifølge guvernøren blev mindst fem personer dræbt, og 12 blev såret ved angrebet.
Foto: Sergej Bobok/AFP/Ritzau Scanpix
ARTIKLEN FORTSÆTTER EFTER ANNONCE
- Vi har aldrig set noget lignende, siger en beboer til det ukrainske tv.
Læs mere: Zelenskyj beder Vesten om flere luftforsvarssystemer
Den ukrainske hær oplyser, at den har skudt 20 af 30 droner ned.
/ritzau/AFP"""

NORWEGIAN = """Meny
Russiske styrker rykker fram i Donetsk fylke
– Situasjonen er svært vanskelig, sier talspersonen. Foto: Evgeniy Maloletka / AP / NTB
Av NTB | 02.04.2024 14:05:12
Ukrainske myndigheter sier at russiske styrker har rykket fram flere kilometer den siste uken.
Les også
Nye våpen til Ukraina
Ifølge generalstaben har det vært over 60 sammenstøt langs fronten det siste døgnet.
– Vi trenger mer ammunisjon, og vi trenger det nå, sier en soldat til NTB.
(NTB)"""

ENGLISH = """Skip to main content
Drones hit power plants across Ukraine
By Jane Doe and John Smith
March 12, 2024 11:48 AM GMT+1
3 min read
KYIV, March 12 (Reuters) - Russian drones struck energy facilities in three regions overnight, officials said.
We use your sign-up to provide content in ways you've consented to. You can unsubscribe at any time.
The air force said it had shot down 22 of 25 drones launched by Russia.
Energy under attack
"This is another attempt to break our energy system," the energy minister said.
Source: statement by the Ukrainian air force on Telegram, published on Tuesday morning
Reporting by Jane Doe; Editing by John Smith"""


def test_clean_removes_prefix_menu_teasers_byline_caption_and_ad_marker():
    body = _clean(DANISH).body
    for chrome in (
        "date",
        "Menu",
        "Læs også",
        "Læs mere",
        "Ritzau",
        "09:41",
        "Scanpix",
        "ANNONCE",
        "Avdijivka",
    ):
        assert chrome not in body
    assert body.startswith("Flere mennesker er dræbt")
    assert "- Vi har aldrig set noget lignende" in body
    assert body.endswith("skudt 20 af 30 droner ned.")


def test_clean_takes_first_short_unpunctuated_line_as_headline():
    assert _clean(DANISH).headline == "Ukraine melder om kraftige angreb mod Kharkiv natten til tirsdag"
    assert _clean(NORWEGIAN).headline == "Russiske styrker rykker fram i Donetsk fylke"


def test_clean_strips_kicker_that_follows_byline():
    body = _clean(DANISH).body
    assert "Krig i Ukraine" not in body
    assert "Ifølge guvernøren blev mindst fem personer dræbt" in body


def test_clean_removes_caption_credit_teaser_title_and_trailing_agency():
    cleaned = _clean(NORWEGIAN)
    assert "Maloletka" not in cleaned.body and "Situasjonen er svært vanskelig" not in cleaned.body
    assert "Nye våpen til Ukraina" not in cleaned.body
    assert "(NTB)" not in cleaned.body
    assert cleaned.body.endswith("sier en soldat til NTB.")


def test_clean_keeps_dateline_crosshead_quote_and_source_block():
    body = _clean(ENGLISH).body
    assert body.startswith("KYIV, March 12 (Reuters) - Russian drones")
    assert "\n\nEnergy under attack\n\n" in body
    assert '"This is another attempt to break our energy system,"' in body
    assert "Source: statement by the Ukrainian air force" in body


def test_clean_removes_bylines_timestamps_reading_time_consent_and_footer():
    body = _clean(ENGLISH).body
    for chrome in ("Skip to", "Jane Doe", "11:48", "min read", "unsubscribe", "Editing by"):
        assert chrome not in body


def test_clean_drops_repeated_lead_and_headline_between_copies():
    text = (
        "Three units of volunteers claimed to have crossed into the Belgorod region on Tuesday.\n"
        "Volunteer units claim to have crossed the border\n"
        "Three units of volunteers claimed to have crossed into the Belgorod region on Tuesday.\n"
        "The legion said it had captured a village in the Kursk region during the morning."
    )
    cleaned = _clean(text)
    assert cleaned.headline == "Volunteer units claim to have crossed the border"
    assert cleaned.body.count("Three units of volunteers") == 1
    assert "claim to have crossed the border" not in cleaned.body


def test_clean_removes_template_residue_and_keeps_cut_off_last_word():
    text = (
        "Der Gouverneur teilte auf Telegram mit, dass Sabotagegruppen in das Gebiet eingedrungen seien.\n"
        "{{subtitle}}\n{{/subtitle}}\n"
        "Nach Angaben der Behörden wurden mehrere Dörfer evakuiert, darunter das Dorf d"
    )
    body = _clean(text).body
    assert "{{" not in body and "subtitle" not in body
    assert body.endswith("darunter das Dorf d")


@pytest.mark.parametrize(
    "ending, kept_end",
    [
        ("Mehr als 4.000 Menschen seien untergebracht. (AFP/jW)", "seien untergebracht."),
        ("Alle gange er den blevet nedkæmpet af russiske styrker.\n\n/ritzau/", "af russiske styrker."),
        ("More than 4.5 million people have been displaced.\n\nGNA", "have been displaced."),
        ("Striderna fortsätter på flera platser längs fronten. (TT)", "längs fronten."),
    ],
)
def test_clean_strips_trailing_agency_credit(ending, kept_end):
    text = "Die Behörden haben die Einwohner der Dörfer aufgerufen, sich in Sicherheit zu bringen.\n" + ending
    assert _clean(text).body.endswith(kept_end)


def test_clean_repairs_mojibake():
    text = (
        "Et russisk fly blev natten til lÃ¸rdag opsnappet over Ã˜stersÃ¸en af danske fly.\n"
        "Flyet havde ikke sin transponder tÃ¦ndt, skriver ministeriet."
    )
    body = _clean(text).body
    assert "lørdag" in body and "Østersøen" in body and "tændt" in body
    assert "Ã" not in body


def test_clean_removes_author_box_and_lone_labels_between_paragraphs():
    text = (
        "Es kommt durchaus vor, dass Gegner des Präsidenten im Exil Pressekonferenzen abhalten.\n"
        "Max Mustermann Politischer Korrespondent für Russland. Folgen Ich folge\n"
        "Die Einwohner der Grenzorte haben zu Tausenden ihre Häuser verlassen und sind geflohen.\n"
        "Belgorod\n"
        "Tatjana, Einwohnerin aus Schebekino\n"
        "»Wir sind jetzt Flüchtlinge. Schebekino war eine schöne Stadt, wir lebten gerne dort.«\n"
        "Unter den Geflüchteten wächst die Frustration über die Regierung in Moskau."
    )
    body = _clean(text).body
    assert "Mustermann" not in body
    assert "\nBelgorod\n" not in body
    assert "Tatjana, Einwohnerin aus Schebekino" in body  # a speaker label stays


def test_clean_drops_flattened_header_line_and_finds_its_headline():
    text = (
        " date 2024-03 Diese Gruppen haben Russland angegriffen Von t-online 12.03.2024 - 14:31 Uhr "
        "Lesedauer: 4 Min. Player wird geladen Aufnahmen zeigen Gefechte. (Quelle: t-online) News folgen\n\n"
        "Auf russischem Boden gibt es Kämpfe zwischen dem Militär und Kampfverbänden der Ukraine."
    )
    cleaned = _clean(text)
    assert (
        cleaned.body
        == "Auf russischem Boden gibt es Kämpfe zwischen dem Militär und Kampfverbänden der Ukraine."
    )
    assert cleaned.headline == "Diese Gruppen haben Russland angegriffen"


@pytest.mark.parametrize(
    "lines, headline, story",
    [
        (
            ["Главная", "Губернатор сообщил об атаке беспилотников", "12 марта 2024, 14:31", "Фото: ТАСС"],
            "Губернатор сообщил об атаке беспилотников",
            ["Ночью над областью были сбиты восемь беспилотников, сообщил губернатор.", "Пострадавших нет."],
        ),
        (
            ["Головна", "Росіяни вдарили по Харкову", "12 березня 2024 14:31", "Фото: Укрінформ"],
            "Росіяни вдарили по Харкову",
            [
                "Російські війська вночі завдали ракетного удару по Харкову, повідомила адміністрація.",
                "Є загиблі.",
            ],
        ),
        (
            [
                "Strona główna",
                "Rosyjski atak na Odessę",
                "12 marca 2024, 14:31",
                "Fot. PAP/Darek Delmanowicz",
            ],
            "Rosyjski atak na Odessę",
            ["W nocy rosyjskie drony zaatakowały port w Odessie, poinformowały władze obwodu.", "Są ofiary."],
        ),
        (
            [
                "Accueil",
                "Kiev dit avoir repoussé une offensive",
                "Par Jean Dupont",
                "Publié le 12 mars 2024 à 14h31",
            ],
            "Kiev dit avoir repoussé une offensive",
            [
                "L'armée ukrainienne affirme avoir repoussé plusieurs assauts dans la région de Kharkiv.",
                "Deux morts.",
            ],
        ),
    ],
)
def test_clean_removes_chrome_in_other_languages(lines, headline, story):
    teaser = {
        "ru": "Читайте также: Минобороны заявило об отражении атаки",
        "fr": "Lire aussi : Ce que l'on sait",
    }
    text = "\n".join([*lines, story[0], *teaser.values(), story[1]])
    cleaned = _clean(text)
    assert cleaned.headline == headline
    assert cleaned.body == "\n\n".join(story)


def test_clean_uses_title_hint_and_drops_its_repeat():
    text = "Kyiv under attack\nRussian missiles hit the capital overnight, the city administration said on Friday."
    cleaned = _clean(text, title_hint="Kyiv under attack | Example News")
    assert cleaned.headline == "Kyiv under attack"
    assert cleaned.body.startswith("Russian missiles")


def test_clean_html_extracts_article_without_nav_or_footer():
    html = """<!doctype html><html><head><title>Drone attack hits Odesa port | The Example Post</title></head>
    <body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
    <article><h1>Drone attack hits Odesa port</h1>
    <p>Russian drones struck the port of Odesa overnight, damaging grain terminals and injuring three workers.</p>
    <p>The air force said it had destroyed most of the drones, but debris started a fire at one terminal.</p>
    </article><footer><p>© 2024 The Example Post. All rights reserved.</p></footer></body></html>"""
    cleaned = _clean(html, format="html")
    assert cleaned.headline == "Drone attack hits Odesa port"
    assert cleaned.body.startswith("Russian drones struck the port of Odesa")
    assert "Home" not in cleaned.body and "rights reserved" not in cleaned.body
    assert "debris started a fire" in cleaned.body


def test_clean_html_without_title_still_gives_body():
    html = """<html><body><div><p>Ukrainian forces said on Monday that they had repelled several attacks near the
    town of Chasiv Yar, where fighting has continued for weeks.</p><p>The general staff reported 40 clashes along
    the front line in the past day, most of them in the Donetsk region.</p></div></body></html>"""
    cleaned = _clean(html, format="html")
    assert "repelled several attacks" in cleaned.body
    assert "40 clashes" in cleaned.body


def test_clean_empty_text_gives_empty_body_and_no_headline():
    assert _clean("") == CleanText(headline=None, body="")
    assert _clean("   \n\n ") == CleanText(headline=None, body="")


def test_clean_only_boilerplate_gives_empty_body():
    text = "Menu\nSkip to main content\nShare\nAdvertisement\nSign in\nSubscribe\n© 2024 Example Media"
    assert _clean(text).body == ""


def test_clean_leaves_raw_text_untouched():
    raw = _raw(DANISH)
    clean(raw)
    assert raw.text.startswith(" date 2024-02 Menu")


def test_clean_keeps_running_text_that_resembles_furniture():
    story = [
        "Russian drones struck the city overnight, killing two people and injuring eleven, officials said.",
        "By Tuesday evening, the fires had been extinguished, the regional governor said.",
        'He said in a video: "We will not stop until the border is secure."',
        "Share prices in Moscow fell sharply after the attack was reported.",
        "Energy under attack",
        "Reuters could not independently verify the claims.",
        "Menu prices have soared in Belgorod restaurants since the shelling began.",
        "Denis Kapustin, commander of the corps",
        "The newsletter Meduza reported that the prisoners were later exchanged.",
        "March 12, 2024 was the day the raid began, according to the legion.",
        "Ukrainian forces said they had pushed back the attack",
    ]
    assert _clean("\n".join(story)).body == "\n\n".join(story)


def test_clean_drops_everything_after_a_related_links_block():
    text = (
        "Russian missiles hit central Kyiv\nShare\nSave\n"
        "Russian missiles have struck the centre of Kyiv, killing at least five people, officials say.\n"
        "President Volodymyr Zelensky said the strikes showed the need for more air defence systems.\n"
        "Related topics\nRussia-Ukraine war\nUkraine\nMore on this story\nKyiv hit by largest drone attack of the war"
    )
    body = _clean(text).body
    assert body.endswith("the need for more air defence systems.")
    assert "Related" not in body and "largest drone attack" not in body


def test_clean_keeps_unpunctuated_standfirst_under_headline():
    text = (
        "Russian missiles hit Kyiv as Zelenskyy urges allies to speed up air defence deliveries\n"
        "At least five killed in the capital, officials say, as Moscow steps up strikes on energy facilities\n"
        "Jane Doe in Kyiv\nTue 12 Mar 2024 14.31 GMT\n"
        "Russian missiles struck the Ukrainian capital on Tuesday morning, killing at least five people."
    )
    cleaned = _clean(text)
    assert cleaned.headline.startswith("Russian missiles hit Kyiv")
    assert cleaned.body.startswith("At least five killed in the capital")
    assert "Jane Doe" not in cleaned.body and "14.31" not in cleaned.body


def test_clean_drops_caption_above_its_credit_and_name_beside_byline_stamp():
    text = (
        "Russland angriper Kharkiv med glidebomber\n"
        "Minst tre personer er drept etter et russisk angrep på Kharkiv natt til tirsdag.\n"
        "Ola Nordmann\nJournalist\nPublisert 12. mars 2024 kl. 14:31\n"
        "Ifølge guvernøren ble flere boligblokker truffet av glidebomber i løpet av natten.\n"
        "Ødelagt boligblokk i Kharkiv\nFoto: Vadim Belikov / AP / NTB\n"
        "– Dette er et angrep på sivile, sier ordføreren i byen til NRK."
    )
    body = _clean(text).body
    for chrome in ("Ola Nordmann", "Journalist", "Publisert", "Ødelagt boligblokk", "Belikov"):
        assert chrome not in body
    assert body.count("\n\n") == 2


def test_clean_removes_read_more_teasers_inline_and_on_their_own_line():
    text = (
        "Ryssland har inlett en ny offensiv i Charkivregionen, uppger ukrainska myndigheter. Läs mer…\n"
        "Läs mer… Zelenskyj: Läget är svårt\n"
        "Enligt guvernören har tusentals människor evakuerats från byarna nära gränsen under helgen."
    )
    assert _clean(text).body == (
        "Ryssland har inlett en ny offensiv i Charkivregionen, uppger ukrainska myndigheter.\n\n"
        "Enligt guvernören har tusentals människor evakuerats från byarna nära gränsen under helgen."
    )


def test_clean_removes_french_byline_publication_stamp_and_reading_time():
    text = (
        "Accueil\nKiev dit avoir repoussé une offensive\nLe Monde avec AFP\n"
        "Publié le 12/03/2024 à 14h31, mis à jour le 12/03/2024 à 15h00\nLecture 2 min.\n"
        "L'armée ukrainienne affirme avoir repoussé plusieurs assauts dans la région de Kharkiv.\n"
        "Deux civils ont été tués, selon les autorités. (Avec AFP)"
    )
    cleaned = _clean(text)
    assert cleaned.headline == "Kiev dit avoir repoussé une offensive"
    assert cleaned.body == (
        "L'armée ukrainienne affirme avoir repoussé plusieurs assauts dans la région de Kharkiv.\n\n"
        "Deux civils ont été tués, selon les autorités."
    )


def test_clean_takes_a_question_as_headline():
    text = (
        "Was bedeutet der Vorstoß für die Ukraine?\nVon Max Mustermann\n"
        "Die ukrainische Armee hat nach eigenen Angaben mehrere Dörfer in der Region Kursk eingenommen."
    )
    cleaned = _clean(text)
    assert cleaned.headline == "Was bedeutet der Vorstoß für die Ukraine?"
    assert cleaned.body.startswith("Die ukrainische Armee")


def test_clean_keeps_short_source_line_among_details_and_quote_blocks_but_drops_it_as_a_credit():
    structured = (
        "Russian forces attacked the port of Odesa with drones overnight, injuring three people.\n"
        "Source: Odesa Oblast Military Administration\n"
        "Details: The drones hit a grain terminal and a warehouse, causing a fire that burned until morning."
    )
    assert "Source: Odesa Oblast Military Administration" in _clean(structured).body
    credited = (
        "Pro-Ukrainian partisans offer to hand over prisoners\nSource: Meduza\n"
        "On June 4, the corps posted a video addressed to the governor of the Belgorod region."
    )
    assert "Meduza" not in _clean(credited).body


def test_clean_drops_embedded_post_signature_but_keeps_handle_in_running_text():
    text = (
        "Russian drones struck the city overnight, killing two people and injuring eleven, officials said.\n"
        "We will respond to every attack on our cities. pic.twitter.com/AbCdEf\n"
        "— Volodymyr Zelensky (@ZelenskyyUa) March 12, 2024\n"
        "The ministry said on X (@DefenceU) that the attack on the border had been repelled."
    )
    body = _clean(text).body
    assert "pic.twitter" not in body and "(@ZelenskyyUa)" not in body
    assert "The ministry said on X (@DefenceU)" in body


def test_clean_drops_every_title_of_a_teaser_block_and_a_caption_under_its_credit():
    text = (
        "Ukrainske myndigheter sier at russiske styrker har rykket fram flere kilometer den siste uken.\n"
        "LES OGSÅ\nNye våpen til Ukraina\nNorge sender mer ammunisjon\n"
        "Ifølge generalstaben har det vært over 60 sammenstøt langs fronten det siste døgnet.\n"
        "Foto: Jessica Gow/TT\nØdelagt bro ved Kupjansk\n"
        "Krigen fortsetter\n"
        "– Vi trenger mer ammunisjon, og vi trenger det nå, sier en soldat til NTB."
    )
    body = _clean(text).body
    for chrome in ("LES OGSÅ", "Nye våpen", "Norge sender", "Jessica Gow", "Ødelagt bro"):
        assert chrome not in body
    assert "\n\nKrigen fortsetter\n\n" in body  # a crosshead stays


def test_clean_reads_markup_that_arrived_as_text():
    text = (
        "<p>Russian drones struck the port of Odesa overnight, injuring three workers, the governor said.</p>"
        "<p>The air force said it had destroyed most of the drones &amp; missiles.</p>"
    )
    assert _clean(text).body == (
        "Russian drones struck the port of Odesa overnight, injuring three workers, the governor said.\n\n"
        "The air force said it had destroyed most of the drones & missiles."
    )


@pytest.mark.parametrize(
    "ending, kept_end",
    [
        ("Очільник закликав мешканців не ігнорувати сигнали тривоги. — Укрінформ", "сигнали тривоги."),
        ("Vrakrester falt ned på et boligbygg i bydelen. NTB", "i bydelen."),
        ("Ukraina avviser å ha noe med angrepet å gjøre. (©NTB)", "å gjøre."),
        ("Odłamki spadły na budynek mieszkalny. mt/PAP", "budynek mieszkalny."),
        ("The air force said 22 of 25 drones were shot down. jsi/rc (AP, Reuters)", "were shot down."),
        ("Силы ПВО за ночь сбили 25 беспилотников над регионом. /ТАСС/", "над регионом."),
    ],
)
def test_clean_strips_dash_bare_and_initialled_agency_credits(ending, kept_end):
    text = "Die Behörden haben die Einwohner der Dörfer aufgerufen, sich in Sicherheit zu bringen.\n" + ending
    assert _clean(text).body.endswith(kept_end)


def test_clean_drops_colon_less_photo_credits_and_their_captions():
    text = (
        "Zmasowany atak na Kijów\n"
        "Rosja zaatakowała w nocy Kijów przy użyciu dronów i rakiet, poinformowały władze miasta.\n"
        "Zniszczenia w Charkowie\n"
        "Fot. Sergey Bobok/AFP\n"
        "Według gubernatora rannych zostało co najmniej pięć osób, a setki domów nie mają prądu.\n"
        "Bojownicy na nagraniu opublikowanym w sieci\n"
        "Telegram / RDK\n"
        "Foto AFP\n"
        "Kijów zaprzecza, że ma jakikolwiek związek z atakiem na obwód biełgorodzki."
    )
    body = _clean(text).body
    for chrome in ("Fot.", "Bobok", "Zniszczenia", "Telegram", "Bojownicy", "Foto"):
        assert chrome not in body
    assert body.count("\n\n") == 2


def test_clean_drops_a_dated_caption_sentence_over_its_credit():
    text = (
        "Russie : nouvelle incursion dans la région de Belgorod\n"
        "Des soldats ukrainiens près de la frontière russe, le 20 mai 2024.\n"
        "© Efrem Lukatsky / AP\n"
        "Des combattants russes opposés au Kremlin affirment être entrés dans la région de Belgorod mercredi."
    )
    body = _clean(text).body
    assert "soldats ukrainiens" not in body and "Lukatsky" not in body
    assert body.startswith("Des combattants russes")


def test_clean_drops_teaser_block_chrome_and_question_titles():
    text = (
        "Russian fighters claim new incursion into Belgorod\n"
        "Anti-Kremlin Russian fighters say they have crossed into the Belgorod region from Ukraine again.\n"
        "Keep reading\n"
        "list of 4 items\n"
        "Russia accuses Ukraine of terror attack\n"
        "end of list\n"
        "Kyiv has denied any involvement, calling it an internal Russian affair of the Kremlin.\n"
        "More on this story\n"
        "Who are the Russians fighting for Ukraine?"
    )
    body = _clean(text).body
    for chrome in ("Keep reading", "items", "accuses", "end of list", "Who are"):
        assert chrome not in body
    assert body.endswith("affair of the Kremlin.")


def test_clean_drops_calls_to_follow_the_site_but_keeps_source_blocks_naming_a_platform():
    text = (
        "Росіяни вночі атакували енергетику Харківщини\n"
        "Російські війська вночі атакували об'єкти енергетичної інфраструктури в Харківській області.\n"
        "Джерело: Синєгубов у Telegram\n"
        'Дослівно: "Внаслідок атаки пошкоджено енергетичний об\'єкт".\n'
        "Без світла залишилися понад 200 тисяч споживачів у кількох громадах області.\n"
        "Підписуйтесь на наш Telegram-канал\n"
        "Читайте РБК в Telegram"
    )
    body = _clean(text).body
    assert "Джерело: Синєгубов у Telegram" in body and "Дослівно" in body
    assert "Підписуйтесь" not in body and "Читайте" not in body


def test_clean_keeps_a_quote_that_opens_like_a_teaser():
    text = (
        "Ochotnicy ogłosili atak na obwód biełgorodzki\n"
        "Zdjęcia opublikowane przez ochotników pokazują zniszczony posterunek graniczny.\n"
        "Czytaj dalej, powiedział rzecznik, nie znajdziecie tam żadnych dowodów."
    )
    assert _clean(text).body.endswith("żadnych dowodów.")


def test_clean_drops_tag_list_and_correspondent_signature_after_the_story():
    text = (
        "Гладков: ВСУ обстреляли приграничные села\n"
        "Вооруженные силы Украины обстреляли несколько сел Белгородской области, сообщил губернатор.\n"
        "Ранее Минобороны России сообщило об уничтожении 25 беспилотников над регионом.\n"
        "Россия\n"
        "Белгородская область\n"
        "Вячеслав Гладков"
    )
    assert _clean(text).body.endswith("над регионом.")
    polish = (
        "Kijów (PAP) - Rosja przeprowadziła w nocy atak dronów na Kijów, poinformowały władze miasta.\n"
        "Według ukraińskich sił powietrznych zestrzelono 31 z 35 dronów.\n"
        "Z Kijowa Jan Nowak (PAP)"
    )
    assert _clean(polish).body.endswith("31 z 35 dronów.")


def test_clean_keeps_crosshead_over_a_short_last_paragraph():
    text = (
        "Russiske styrker har rykket fram flere kilometer vest for byen den siste uken, sier myndighetene.\n"
        "Reaksjoner\n"
        "– Vi er sjokkert, sier han."
    )
    assert _clean(text).body.endswith("Reaksjoner\n\n– Vi er sjokkert, sier han.")


def test_clean_drops_ad_skip_and_editors_picks_with_their_titles():
    text = (
        "Kiev visée par une attaque massive de drones\n"
        "La capitale ukrainienne a été visée dans la nuit par une attaque massive de drones russes.\n"
        "Passer la publicité\n"
        "L'armée de l'air affirme avoir abattu 31 des 35 drones lancés par la Russie.\n"
        "Вас також можуть зацікавити новини:\n"
        "Guerre en Ukraine : ce que l'on sait de la contre-offensive"
    )
    body = _clean(text).body
    assert "publicité" not in body and "зацікавити" not in body and "contre-offensive" not in body
    assert body.endswith("lancés par la Russie.")


def test_clean_drops_closing_author_note_error_prompt_and_abbreviated_source_credit():
    text = (
        "Russische strijders die aan Oekraïense kant vechten, zeggen opnieuw de grens te zijn overgestoken.\n"
        "Het Kremlin spreekt van terrorisme. Kyiv ontkent betrokkenheid bij de aanval.\n"
        "Geert de Vries is correspondent Rusland voor de krant.\n"
        "Помітили помилку? Виділіть її мишкою та натисніть Ctrl+Enter\n"
        "Quelle: F.A.Z."
    )
    assert _clean(text).body.endswith("bij de aanval.")


def test_clean_keeps_a_last_paragraph_about_someone_speaking_to_a_reporter():
    text = (
        "Russische strijders die aan Oekraïense kant vechten, zeggen opnieuw de grens te zijn overgestoken.\n"
        "The governor is said to have told a reporter that three civilians were wounded."
    )
    assert _clean(text).body.endswith("three civilians were wounded.")
