from __future__ import annotations

import pytest

from wirewatch.lexicons import load_lexicon
from wirewatch.lexicons.attribution import find_attribution
from wirewatch.model import Mention


def speaker(text: str, lang: str, names: dict[str, str]) -> str | None:
    mentions = []
    for surface, type_ in names.items():
        start = text.index(surface)
        mentions.append(Mention("body", start, start + len(surface), surface, type_, surface))  # type: ignore[arg-type]
    mentions.sort(key=lambda m: m.start)
    found = find_attribution(text, 0, len(text), mentions, load_lexicon(lang))
    return found.entity_id if found else None


@pytest.mark.parametrize(
    ("lang", "text", "names", "expected"),
    [
        (
            "da",
            "Kapustin siger, at to blev dræbt i Belgorod.",
            {"Kapustin": "PER", "Belgorod": "LOC"},
            "Kapustin",
        ),
        (
            "nb",
            "– Vi har sympati med Trumps oppfordring, sa Putin.",
            {"Trumps": "PER", "Putin": "PER"},
            "Putin",
        ),
        ("en", "Two died, according to the Health Ministry.", {"Health Ministry": "ORG"}, "Health Ministry"),
        ("de", "Dem Gouverneur Gladkow zufolge starben zwei.", {"Gladkow": "PER"}, "Gladkow"),
        ("ru", "По словам Гладкова, погибли двое.", {"Гладкова": "PER"}, "Гладкова"),
        ("en", "Russia says it killed 70.", {"Russia": "LOC"}, "Russia"),
        ("en", "The governor of Bryansk said two died.", {"Bryansk": "LOC"}, "Bryansk"),
    ],
)
def test_attribution_finds_who_speaks(lang: str, text: str, names: dict[str, str], expected: str) -> None:
    assert speaker(text, lang, names) == expected


def test_attribution_unnamed_speaker_is_a_cue_without_entity() -> None:
    text = "The army said the RSF shelled the town."
    mentions = [Mention("body", 18, 21, "RSF", "ORG", "RSF")]
    found = find_attribution(text, 0, len(text), mentions, load_lexicon("en"))
    assert found is not None and found.entity_id is None


def test_attribution_plain_sentence_has_none() -> None:
    assert find_attribution("Two people died.", 0, 16, [], load_lexicon("en")) is None


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        (
            "ru",
            "ВСУ обстреляли Шебекино, погибли трое, сообщила администрация города.",
            {"ВСУ": "ORG", "Шебекино": "LOC"},
        ),
        ("fr", "L'armée a frappé Soudja, faisant deux morts, a annoncé le ministère.", {"Soudja": "LOC"}),
    ],
)
def test_attribution_verb_after_a_comma_is_not_said_by_a_name_in_the_report(
    lang: str, text: str, names: dict[str, str]
) -> None:
    assert speaker(text, lang, names) is None


def test_attribution_aside_between_subject_and_verb_keeps_the_subject() -> None:
    text = "The RSF, instead, accused the SAF of shelling Nyala."
    assert speaker(text, "en", {"RSF": "ORG", "SAF": "ORG"}) == "RSF"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "По его словам, погибли двое."),
        ("fr", "Selon lui, deux soldats ont été tués."),
        ("uk", "За його словами, загинули двоє."),
    ],
)
def test_attribution_pronoun_source_is_a_cue_without_entity(lang: str, text: str) -> None:
    found = find_attribution(text, 0, len(text), [], load_lexicon(lang))
    assert found is not None and found.entity_id is None


def test_attribution_speaker_inside_a_split_verb() -> None:
    text = "Vier Menschen wurden getötet, teilte Gouverneur Gladkow mit."
    assert speaker(text, "de", {"Gladkow": "PER"}) == "Gladkow"


def test_attribution_place_in_the_speakers_title_gives_way_to_the_name() -> None:
    text = "Погибли два человека, сообщил губернатор Белгородской области Гладков."
    assert speaker(text, "ru", {"Белгородской области": "LOC", "Гладков": "PER"}) == "Гладков"


def test_attribution_quotes_inside_a_name_do_not_end_the_clause() -> None:
    text = "Легион «Свобода России» заявил, что взял в плен пятерых солдат."
    assert speaker(text, "ru", {"Легион «Свобода России": "ORG"}) == "Легион «Свобода России"
