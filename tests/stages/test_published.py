"""The published-date stage on made-up articles: prefixes, bylines, datelines, URLs, container hints."""

from __future__ import annotations

import pytest

from wirewatch.model import CleanText, Origin, PartialDate, RawArticle
from wirewatch.stages.clean import clean
from wirewatch.stages.published import published_date


def _published(text: str, **kw) -> str | None:
    raw = RawArticle(id="t", text=text, origin=Origin("test"), **kw)
    found = published_date(raw, clean(raw))
    return found.iso() if found else None


STORY = (
    "Russiske styrker har rykket fram flere kilometer vest for byen den siste uken, sier myndighetene.\n"
    "Ifølge generalstaben har det vært over 60 sammenstøt langs fronten det siste døgnet."
)


def test_published_reads_month_prefix_at_month_precision():
    assert _published(" date 2023-05 " + STORY) == "2023-05"


def test_published_reads_day_prefix():
    assert _published(" date 2023-05-22 " + STORY) == "2023-05-22"


def test_published_precise_byline_beats_month_prefix():
    text = " date 2024-03 Kämpfe in der Region\nVon Max Mustermann 12.03.2024 - 14:31 Uhr\n" + STORY
    assert _published(text) == "2024-03-12"


def test_published_reads_numeric_byline_with_clock_time():
    text = "Meny\nRussiske styrker rykker fram\nAv NTB | 14.03.2025 18:31:57\n" + STORY
    assert _published(text) == "2025-03-14"


def test_published_reads_english_and_french_bylines():
    assert (
        _published("Edit post\nMilitia enters Russia\nMarch 12, 2024 11:48 AM\n3 min read\n" + STORY)
        == "2024-03-12"
    )
    assert _published("Kiev repousse une offensive\nPublié le 2 avril 2024 à 14h31\n" + STORY) == "2024-04-02"


def test_published_dateline_takes_year_from_url_path():
    text = (
        "KHARTOUM, Sept. 4, (Xinhua/GNA) — The army said 16 civilians were killed in an attack on Sunday.\n"
        "Clashes also took place south of the capital, resulting in the killing of five fighters."
    )
    assert (
        _published(text, url="https://news.example.org/2023/09/army-says-civilians-killed/") == "2023-09-04"
    )


def test_published_dateline_without_a_year_anywhere_is_none():
    text = "MOSCOW, June 4 (Reuters) - Russia said it had repelled an attack on the border region overnight."
    assert _published(text, url="https://example.com/world/russia-repels-attack") is None


def test_published_december_dateline_in_a_january_url_takes_the_previous_year():
    text = "KYIV, Dec. 30 (Reuters) - Russia launched its largest air attack of the war on Friday, officials said."
    assert _published(text, url="https://example.com/2024/01/world/attack") == "2023-12-30"


def test_published_uses_full_url_date_when_text_shows_none():
    assert _published(STORY, url="https://example.com/news/2024/03/12/7446024/") == "2024-03-12"
    assert _published(STORY, url="https://example.com/2025-03-14/putin-answer") == "2025-03-14"


def test_published_month_only_url_alone_gives_none():
    assert _published(STORY, url="https://example.com/2023/09/some-story/") is None


def test_published_ignores_dates_in_running_text():
    text = (
        "Russland, der indledte en invasion af Ukraine den 24. februar 2022, siger, at grupperne er stedfortrædere.\n"
        "Den 3. marts 2023 angreb gruppen også en landsby i Brjansk-regionen, skriver Reuters."
    )
    assert _published(text) is None


def test_published_caption_day_without_year_does_not_refine_month_prefix():
    text = (
        " date 2023-05 Auftritt vor der Presse: Kapustin trat am 24. Mai in der Region Sumy vor Kameras. Bild: AFP\n"
        "Es kommt durchaus vor, dass Gegner des russischen Präsidenten im Exil Pressekonferenzen abhalten."
    )
    assert _published(text) == "2023-05"


def test_published_prefix_beats_running_text_weekday_date():
    text = " date 2025-03-15 WASHINGTON: US President Donald Trump urged Putin on Friday (Mar 14) to spare troops."
    assert _published(text) == "2025-03-15"


def test_published_uses_container_date_hint_when_text_shows_none():
    assert _published(STORY, date_hint="2024-06-01T08:30:00+02:00") == "2024-06-01"
    assert _published(STORY, date_hint="Sat, 01 Jun 2024 08:30:00 GMT") == "2024-06-01"


def test_published_text_byline_beats_container_month():
    text = "Russiske styrker rykker fram\nPublisert 02.04.2024 14:05\n" + STORY
    assert _published(text, date_hint="2024-04") == "2024-04-02"


def test_published_html_reads_page_metadata():
    html = """<html><head><title>Port hit</title>
    <meta property="article:published_time" content="2024-03-12T09:20:00+02:00"></head>
    <body><article><h1>Port hit</h1><p>Russian drones struck the port of Odesa overnight, injuring three
    workers, the governor said.</p></article></body></html>"""
    assert _published(html, format="html") == "2024-03-12"


def test_published_nothing_shown_is_none():
    assert _published(STORY) is None
    raw = RawArticle(id="t", text="", origin=Origin("test"))
    assert published_date(raw, CleanText(headline=None, body="")) is None


def test_published_returns_partial_date():
    raw = RawArticle(id="t", text=" date 2023-05 " + STORY, origin=Origin("test"))
    assert published_date(raw, clean(raw)) == PartialDate(2023, 5)


@pytest.mark.parametrize(
    "byline",
    [
        "Publisert: 12. mars 2024 14:31 Oppdatert: 13. mars 2024 09:00",
        "Opdateret 12. mar. 2024 kl. 14.31",
        "Publicerad 12 mars 2024 kl 14.31",
        "Stand: 12.03.2024 14:31 Uhr",
        "Tue 12 Mar 2024 14.31 GMT",
        "Updated 2:31 PM GMT+1, March 12, 2024",
        "Updated 03/12/2024 2:31 PM EST",
        "12 марта 2024, 14:31",
        "Вівторок, 12 березня 2024, 09:20",
        "12 marca 2024, 14:31",
        "12 maart 2024, 14:31",
        "12 de marzo de 2024, 14:31",
        "Julkaistu 12.3.2024 14:31",
    ],
)
def test_published_reads_bylines_in_many_languages(byline):
    assert _published("Overskrift om krigen i dag\n" + byline + "\n" + STORY) == "2024-03-12"


def test_published_yearless_byline_takes_year_from_url():
    text = "Заголовок статьи о войне\n12 марта, 14:31\n" + STORY
    assert _published(text, url="https://example.ru/news/2024/some-story") == "2024-03-12"
    assert _published(text) is None


def test_published_ignores_a_date_in_the_headline():
    text = " date 2024-03 Angriff am 12. März 2022: Was wir heute wissen\n" + STORY
    assert _published(text) == "2024-03"


def test_published_ignores_a_dated_teaser_sentence_above_the_story():
    text = "Meny\nLes også: Russland invaderte Ukraina 24. februar 2022 og har siden rykket fram\n" + STORY
    assert _published(text) is None


@pytest.mark.parametrize(
    "byline",
    [
        "12 бер. 2024, 14:31",
        "12 марта 2024 г., 14:31",
        "wtorek, 12 marca 2024 r., 14:31",
        "Publié le 12/03/2024 - 14:31",
        "di 12 mrt 2024 14:31",
        "12.03.24 14:31",
    ],
)
def test_published_reads_abbreviated_months_year_suffixes_and_two_digit_years(byline):
    assert _published("Overskrift om krigen i dag\n" + byline + "\n" + STORY) == "2024-03-12"


def test_published_reads_french_first_of_the_month():
    assert _published("La Russie revendique un village\npublié le 1er juin 2024 à 10h05\n" + STORY) == "2024-06-01"


def test_published_month_name_settles_an_ambiguous_slash_date():
    assert _published("Drones target power grid\n03/12/2024 March 12, 2024\n" + STORY) == "2024-03-12"


def test_published_prefers_a_publication_stamp_below_an_update_stamp():
    text = "Ryssland: Vi har tagit ännu en by\nUppdaterad 13 mars 2024 kl 08.40\nPublicerad 12 mars 2024 kl 21.05\n"
    assert _published(text + STORY) == "2024-03-12"
    assert _published("Ryssland: Vi har tagit ännu en by\nUppdaterad 13 mars 2024 kl 08.40\n" + STORY) == "2024-03-13"


def test_published_reads_a_day_first_url_date():
    assert _published(STORY, url="https://www.example.ru/politics/12/03/2024/65f0a1b29a79") == "2024-03-12"


def test_published_html_without_metadata_reads_its_byline():
    html = """<html><head><title>Ryska frivilliga gick in i Belgorod</title></head><body>
    <nav><a>Nyheter</a><a>Sport</a></nav><article><h1>Ryska frivilliga gick in i Belgorod</h1>
    <p>Publicerad 22 maj 2024 18.40</p>
    <p>Ryska stridande på Ukrainas sida säger att de har tagit sig in i Belgorodregionen igen.</p>
    <p>Enligt guvernören skadades tre civila när flera byar besköts under onsdagen.</p></article></body></html>"""
    assert _published(html, format="html") == "2024-05-22"
