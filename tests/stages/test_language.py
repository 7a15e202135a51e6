"""The language stage on short made-up news paragraphs."""

from __future__ import annotations

import pytest

from wirewatch.stages.language import detect_language

PARAGRAPHS = {
    "da": "Regeringen siger, at angrebet blev gennemført af russiske soldater i nat. Ifølge guvernøren er "
    "mindst tre personer dræbt, og han opfordrer beboerne til at blive i deres hjem.",
    "nb": "Regjeringen sier at angrepet ble gjennomført av russiske soldater i natt. Ifølge guvernøren er "
    "minst tre personer drept, og han ber innbyggerne om å bli i hjemmene sine.",
    "nn": "Regjeringa seier at åtaket vart gjennomført av russiske soldatar i natt. Ifølgje guvernøren er "
    "minst tre personar drepne, og han ber innbyggjarane om å halde seg heime.",
    "sv": "Regeringen säger att attacken genomfördes av ryska soldater i natt. Enligt guvernören har minst "
    "tre personer dödats, och han uppmanar invånarna att stanna hemma.",
    "en": "The government says the attack was carried out by Russian soldiers overnight. According to the "
    "governor, at least three people were killed, and he urged residents to stay at home.",
    "de": "Die Regierung sagt, der Angriff sei in der Nacht von russischen Soldaten ausgeführt worden. Nach "
    "Angaben des Gouverneurs wurden mindestens drei Menschen getötet.",
    "nl": "De regering zegt dat de aanval vannacht door Russische soldaten is uitgevoerd. Volgens de gouverneur "
    "zijn ten minste drie mensen omgekomen.",
    "fr": "Le gouvernement affirme que l'attaque a été menée par des soldats russes cette nuit. Selon le "
    "gouverneur, au moins trois personnes ont été tuées.",
    "pl": "Rząd twierdzi, że atak przeprowadzili w nocy rosyjscy żołnierze. Według gubernatora zginęły co "
    "najmniej trzy osoby.",
    "ru": "Правительство заявляет, что нападение ночью совершили российские солдаты. По словам губернатора, "
    "погибли по меньшей мере три человека.",
    "uk": "Уряд заявляє, що напад уночі здійснили російські солдати. За словами губернатора, загинули щонайменше "
    "троє людей.",
    "es": "El gobierno afirma que el ataque fue llevado a cabo por soldados rusos durante la noche. Según el "
    "gobernador, al menos tres personas murieron.",
    "it": "Il governo afferma che l'attacco è stato compiuto da soldati russi durante la notte. Secondo il "
    "governatore, almeno tre persone sono morte.",
    "fi": "Hallitus sanoo, että hyökkäyksen tekivät venäläiset sotilaat yöllä. Kuvernöörin mukaan ainakin kolme "
    "ihmistä kuoli.",
}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_language_detects_each_supported_language(code):
    assert detect_language(PARAGRAPHS[code]) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("Han sagde, at han ikke vidste, hvad der skete efter mødet.", "da"),
        ("Han sa at han ikke visste hva som skjedde etter møtet.", "nb"),
        ("Han sa at han ikkje visste kva som skjedde etter møtet.", "nn"),
        ("Vi er klar til at mødes, siger guvernøren.", "da"),
        ("Vi er klare til å møtes, sier guvernøren.", "nb"),
        ("Me er klare til å møtast, seier guvernøren.", "nn"),
        ("Han sa att han inte visste vad som hände efter mötet.", "sv"),
    ],
)
def test_language_tells_scandinavian_standards_apart_on_one_sentence(text, code):
    assert detect_language(text) == code


def test_language_reads_norwegian_as_nb_never_no():
    text = "Ukrainske styrker rykket inn i Kursk fylke i august i fjor, men er nå tvunget på retrett."
    assert detect_language(text) == "nb"


def test_language_lets_function_words_decide_a_name_heavy_danish_text():
    text = (
        "Kapustin siger, at Ruslands Frivillige Korps og Legionen Frihed for Rusland tog en panservogn "
        "med sig fra Belgorod efter angrebet, og at de kommer igen."
    )
    assert detect_language(text) == "da"


@pytest.mark.parametrize("text", ["", "   ", "12 345 — 2024", "!!"])
def test_language_gives_none_without_words(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Удар по Одесі", "uk"),
        ("Атака на Київ", "uk"),
        ("Обстрел Белгорода: есть погибшие", "ru"),
        ("Путин: Россия ответит", "ru"),
    ],
)
def test_language_lets_letters_of_one_alphabet_decide_a_short_cyrillic_text(text, code):
    assert detect_language(text) == code


def test_language_keeps_russian_that_quotes_a_ukrainian_name():
    text = "Агентство «Укрінформ» сообщило, что российские войска снова обстреляли Харьков и его пригороды."
    assert detect_language(text) == "ru"


def test_language_keeps_english_that_quotes_a_ukrainian_name():
    assert detect_language("Officials in Kyiv (Київ) said the attack on the capital was repelled overnight.") == "en"
