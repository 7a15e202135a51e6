"""The shipped name tagger on sentences written for these tests (not from the NER data)."""

from __future__ import annotations

import time

import pytest

from wirewatch.ner import NameTagger, TaggedSpan
from wirewatch.ner.tagging import capitalised_windows, script_of, spans_from_labels
from wirewatch.ner.tokens import split_lines, tokenize


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return NameTagger.load()


# Per language: a person the knowledge base would not know, an inflected place, an organisation.
CASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "da": (
        "Generalmajor Apti Alaudinov sagde tirsdag, at kampene fortsætter. "
        "To landsbyer i Belgorods grænseområde er evakueret, oplyser Røde Kors.",
        [("Apti Alaudinov", "PER"), ("Belgorods", "LOC"), ("Røde Kors", "ORG")],
    ),
    "nb": (
        "Oberst Dmytro Ljasjenko bekrefter at soldatene har trukket seg tilbake fra Kursk. "
        "Det melder NRK, som har snakket med innbyggere i Sudsja.",
        [("Dmytro Ljasjenko", "PER"), ("Kursk", "LOC"), ("NRK", "ORG"), ("Sudsja", "LOC")],
    ),
    "nn": (
        "Ukrainske styrkar har teke kontroll over fleire landsbyar i Kursk, "
        "seier Oleksandr Syrskyj til NRK.",
        [("Kursk", "LOC"), ("Oleksandr Syrskyj", "PER"), ("NRK", "ORG")],
    ),
    "sv": (
        "Befälhavaren Oleksandr Tarnavskyj uppger att Ukrainas armé har tagit sig in i Kursks "
        "gränsområde. Det rapporterar Sveriges Radio på onsdagen.",
        [("Oleksandr Tarnavskyj", "PER"), ("Kursks", "LOC"), ("Sveriges Radio", "ORG")],
    ),
    "de": (
        "In Belgorods Innenstadt heulten die Sirenen, teilte Gouverneur Wjatscheslaw Gladkow mit. "
        "Das berichtet die Nachrichtenagentur Reuters aus Moskau.",
        [("Belgorods", "LOC"), ("Wjatscheslaw Gladkow", "PER"), ("Reuters", "ORG"), ("Moskau", "LOC")],
    ),
    "en": (
        "Governor Vyacheslav Gladkov said two people were injured in the shelling of Shebekino. "
        "According to Reuters, Andriy Yermak said talks in Istanbul had failed.",
        [
            ("Vyacheslav Gladkov", "PER"),
            ("Shebekino", "LOC"),
            ("Reuters", "ORG"),
            ("Andriy Yermak", "PER"),
            ("Istanbul", "LOC"),
        ],
    ),
    "nl": (
        "Volgens commandant Serhij Naev is de opmars bij Koersk tot staan gebracht, meldt de NOS.",
        [("Serhij Naev", "PER"), ("Koersk", "LOC"), ("NOS", "ORG")],
    ),
    "fr": (
        "Le général Apti Alaoudinov a affirmé mardi que l'armée ukrainienne avait été repoussée de "
        "Soudja, selon Reuters.",
        [("Apti Alaoudinov", "PER"), ("Soudja", "LOC"), ("Reuters", "ORG")],
    ),
    "pl": (
        "Generał Ołeksandr Syrski poinformował, że wojska walczą w pobliżu Sudży. "
        "Rzecznik NATO zapowiedział spotkanie w Warszawie.",
        [("Ołeksandr Syrski", "PER"), ("Sudży", "LOC"), ("NATO", "ORG"), ("Warszawie", "LOC")],
    ),
    "ru": (
        "Губернатор Вячеслав Гладков сообщил, что обстрелу подверглись сёла Белгородской области. "
        "Об этом пишет агентство РИА Новости.",
        [("Вячеслав Гладков", "PER"), ("Белгородской области", "LOC"), ("РИА Новости", "ORG")],
    ),
    "uk": (
        "Командувач Олександр Сирський заявив, що підрозділи просунулися в Курській області. "
        "Про це повідомляє Генеральний штаб ЗСУ.",
        [("Олександр Сирський", "PER"), ("Курській області", "LOC"), ("Генеральний штаб ЗСУ", "ORG")],
    ),
}


def _found(spans: list[TaggedSpan], text: str) -> set[tuple[str, str]]:
    return {(text[span.start : span.end], span.type) for span in spans}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_tagger_finds_person_place_and_organisation(tagger: NameTagger, lang: str) -> None:
    text, expected = CASES[lang]
    found = _found(tagger.tag(text, lang), text)
    missing = [name for name in expected if name not in found]
    assert not missing, f"{lang}: missing {missing}, found {sorted(found)}"


@pytest.mark.parametrize("lang", sorted(CASES))
def test_tagger_spans_are_exact_ordered_and_disjoint(tagger: NameTagger, lang: str) -> None:
    text, _ = CASES[lang]
    spans = tagger.tag(text, lang)
    assert spans
    for span in spans:
        name = text[span.start : span.end]
        assert name and name == name.strip()
        assert 0.0 < span.score <= 1.0
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start


def test_tagger_trims_capitalised_non_names_in_untrained_languages(tagger: NameTagger) -> None:
    text = "The United Nations said Colonel Roman Kostenko met Gazprom officials."
    found = _found(tagger.tag(text, "en"), text)
    names = {name for name, _ in found}
    assert {"United Nations", "Roman Kostenko"} <= names
    assert not any(name.startswith(("The ", "Colonel ")) or " officials" in name for name in names)


def test_tagger_offsets_survive_leading_text_and_line_breaks(tagger: NameTagger) -> None:
    text, expected = CASES["de"]
    shifted = "Berlin (dpa)\n\n  " + text.replace(". ", ".\n")
    found = _found(tagger.tag(shifted, "de"), shifted)
    assert set(expected) <= found


def test_tagger_without_language_uses_the_text_script(tagger: NameTagger) -> None:
    for lang in ("ru", "uk", "da"):
        text, _ = CASES[lang]
        assert _found(tagger.tag(text, None), text) & set(CASES[lang][1])


def test_tagger_empty_or_blank_text_gives_nothing(tagger: NameTagger) -> None:
    assert tagger.tag("", "da") == []
    assert tagger.tag("", None) == []
    assert tagger.tag(" \n\n\t ", "ru") == []


def test_tagger_ignores_lowercase_prose(tagger: NameTagger) -> None:
    assert tagger.tag("the fighting went on through the night and into the morning.", "en") == []


def test_tagger_loads_quickly() -> None:
    started = time.perf_counter()
    NameTagger.load()
    assert time.perf_counter() - started < 3.0


def test_tokens_keep_exact_offsets_and_split_elisions() -> None:
    text = "L'armée a quitté Soudja; Putin's army left Belgorod-regionen (U.S. data, 1.000 men)."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert words[:2] == ["L'", "armée"]
    assert ["Putin", "'s"] == words[words.index("Putin") : words.index("Putin") + 2]
    assert "Belgorod-regionen" in words and "U.S." in words and "1.000" in words


def test_split_lines_gives_offsets_into_the_text() -> None:
    text = "Kyiv\n\nKharkiv  \nOdesa"
    assert [(offset, text[offset : offset + len(line)] == line) for offset, line in split_lines(text)] == [
        (0, True),
        (6, True),
        (16, True),
    ]


def test_spans_from_labels_reads_iob2_and_stray_inside_tags() -> None:
    labels = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert spans_from_labels(labels) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_capitalised_windows_cover_names_with_context_and_merge() -> None:
    words = "a b c d e f Kursk g h i j k l m n o p q Sudzha r".split()
    assert capitalised_windows(words) == [(3, 10), (15, 20)]
    assert capitalised_windows("no capitals here".split()) == []


def test_script_of_follows_language_then_letters() -> None:
    assert script_of("Kursk", "uk") == "cyrillic"
    assert script_of("Курск", "da") == "latin"
    assert script_of("В Курске (Kursk) идут бои", None) == "cyrillic"
    assert script_of("Fighting in Kursk (Курск)", None) == "latin"
