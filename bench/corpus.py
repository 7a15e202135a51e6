"""A generated corpus for benchmarks: varied templates in ten languages, with site chrome."""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["Belgorod", "Kursk", "Sumy", "Kharkiv", "Kherson", "Bryansk", "Shebekino", "Zaporizhzhia", "Odesa", "Pokrovsk"]
PEOPLE = ["Vyacheslav Gladkov", "Volodymyr Zelensky", "Vladimir Putin", "Dmitry Peskov", "Denis Kapustin", "Oleh Syniehubov"]
GROUPS = ["Russian Volunteer Corps", "Freedom of Russia Legion", "Armed Forces of Ukraine", "Russian Armed Forces"]

TEMPLATES = {
    "en": "{group} said on {weekday} it had shelled positions near {place}, killing {n} people and wounding {m}, "
    "according to {person}. Officials in {place} said {k} residents were evacuated overnight. "
    "The attack was the latest in a series of strikes on the region this month, {person} told reporters.",
    "da": "{group} oplyser {weekday}, at angrebet mod {place} dræbte {n} personer og sårede {m}, siger {person}. "
    "Ifølge myndighederne i {place} er {k} beboere blevet evakueret i løbet af natten. "
    "Det er det seneste i en række angreb mod regionen denne måned.",
    "nb": "{group} opplyser {weekday} at angrepet mot {place} drepte {n} personer og skadet {m}, sier {person}. "
    "Ifølge myndighetene i {place} er {k} innbyggere evakuert i løpet av natten. "
    "Det er det siste i en rekke angrep mot regionen denne måneden.",
    "sv": "{group} uppger på {weekday} att attacken mot {place} dödade {n} personer och skadade {m}, säger {person}. "
    "Enligt myndigheterna i {place} har {k} invånare evakuerats under natten. "
    "Det är den senaste i en rad attacker mot regionen denna månad.",
    "de": "{group} teilte am {weekday} mit, bei dem Angriff auf {place} seien {n} Menschen getötet und {m} verletzt "
    "worden, sagte {person}. Laut den Behörden in {place} wurden {k} Einwohner in der Nacht evakuiert. "
    "Es ist der jüngste in einer Reihe von Angriffen auf die Region in diesem Monat.",
    "nl": "{group} meldde {weekday} dat bij de aanval op {place} {n} mensen zijn gedood en {m} gewond, zei {person}. "
    "Volgens de autoriteiten in {place} zijn {k} inwoners 's nachts geëvacueerd. "
    "Het is de laatste in een reeks aanvallen op de regio deze maand.",
    "fr": "{group} a déclaré {weekday} que l'attaque contre {place} avait tué {n} personnes et blessé {m}, selon {person}. "
    "Selon les autorités de {place}, {k} habitants ont été évacués pendant la nuit. "
    "C'est la dernière d'une série d'attaques contre la région ce mois-ci.",
    "pl": "{group} poinformował w {weekday}, że w ataku na {place} zginęło {n} osób, a {m} zostało rannych, powiedział {person}. "
    "Według władz w {place} w nocy ewakuowano {k} mieszkańców. "
    "To kolejny z serii ataków na region w tym miesiącu.",
    "ru": "{group} заявил в {weekday}, что в результате обстрела {place} погибли {n} человек и {m} ранены, сообщил {person}. "
    "По данным властей {place}, ночью были эвакуированы {k} жителей. "
    "Это очередной удар по региону в этом месяце.",
    "uk": "{group} заявив у {weekday}, що внаслідок обстрілу {place} загинули {n} людей і {m} поранені, повідомив {person}. "
    "За даними влади {place}, вночі евакуювали {k} мешканців. "
    "Це черговий удар по регіону цього місяця.",
}
WEEKDAYS = {
    "en": "Tuesday", "da": "tirsdag", "nb": "tirsdag", "sv": "tisdag", "de": "Dienstag", "nl": "dinsdag",
    "fr": "mardi", "pl": "wtorek", "ru": "вторник", "uk": "вівторок",
}
CHROME_TOP = ["Menu", "Skip to main content", "Hjem  Nyheder  Sport", "Startseite > Politik > Ausland", ""]
CHROME_BOTTOM = ["Read more: other news", "Foto: Ritzau Scanpix", "/ritzau/", "(AFP/dpa)", "Läs mer: fler nyheter", ""]


def generate(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    languages = list(TEMPLATES)
    records = []
    for n in range(count):
        lang = languages[n % len(languages)]
        place = rng.choice(PLACES)
        body = TEMPLATES[lang].format(
            group=rng.choice(GROUPS), weekday=WEEKDAYS[lang], place=place, person=rng.choice(PEOPLE),
            n=rng.randint(2, 90), m=rng.randint(2, 200), k=rng.randint(10, 3000),
        )
        day = rng.randint(1, 28)
        text = (
            f" date 2024-0{rng.randint(1, 9)}-{day:02d} {rng.choice(CHROME_TOP)}\n"
            f"{place}: {rng.choice(GROUPS)} {n}\n\n{body}\n\n{rng.choice(CHROME_BOTTOM)}"
        )
        records.append({"id": f"bench-{n:06d}", "text": text, "source": f"Outlet {n % 37}",
                        "url": f"https://news.example/{lang}/2024/{n}"})
    return records


def write(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in generate(count):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
