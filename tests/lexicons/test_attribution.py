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
