"""Name keys: one loose key for every romanisation convention, exact keys blind to case and accents."""

from __future__ import annotations

import pytest

from wirewatch.knowledge.spelling import exact_key, loose_keys, romanisations, tokens


@pytest.mark.parametrize(
    "group",
    [
        ["Vyacheslav", "Vjatjeslav", "Wjatscheslaw", "Wiaczesław", "Вячеслав", "В'ячеслав"],
        ["Shebekino", "Sjebekino", "Schebekino", "Szebiekino", "Šebekino", "Шебекино"],
        ["Zelenskyy", "Selenskyj", "Zełenski", "Зеленский", "Зеленський"],
        ["Sudzha", "Sudscha", "Sudża", "Суджа", "Судже"],
        ["Tyotkino", "Tjotkino", "Тёткино"],
    ],
)
def test_spelling_romanisations_share_a_loose_key(group):
    keys = [set(loose_keys([word])) for word in group]
    assert all(k & keys[0] for k in keys[1:])


def test_spelling_loose_key_strips_slavic_case_endings():
    assert loose_keys(["Белгородской", "области"]) == loose_keys(["Белгородская", "область"])
    assert loose_keys(["Курщині"]) == loose_keys(["Курщина"])


def test_spelling_loose_key_keeps_different_names_apart():
    assert set(loose_keys(["Ukraine"])).isdisjoint(loose_keys(["Ukrainian"]))
    assert set(loose_keys(["Kursk"])).isdisjoint(loose_keys(["Kurs"]))


def test_spelling_exact_key_is_blind_to_case_and_accents():
    assert exact_key(["Šebekino", "ŁÓDŹ"]) == "sebekino lodz"
    assert exact_key(["Pokrovs’k"]) == exact_key(["Pokrovs'k"])


def test_spelling_romanisations_follow_each_convention():
    variants = romanisations("Вячеслав Гладков")
    assert variants["en"] == "Vyacheslav Gladkov"
    assert variants["da"] == "Vjatjeslav Gladkov"
    assert variants["de"] == "Wjatscheslaw Gladkow"
    assert variants["scholarly"] == "Vjačeslav Gladkov"


def test_spelling_tokens_keep_inner_apostrophes_and_split_hyphens_and_elisions():
    words = [t for _, _, t in tokens("В'ячеслав Pokrovs'k Kursk-regionen l'Ukraine")]
    assert words == ["В'ячеслав", "Pokrovs'k", "Kursk", "regionen", "l", "Ukraine"]


def test_spelling_loose_key_strips_the_genitive_of_adjectives():
    # g is h in the skeleton, so -ого/-его/-ego must be stripped in that spelling.
    assert loose_keys(["Курского"]) == loose_keys(["Курская"]) == loose_keys(["kurskiego"])
    assert loose_keys(["Грайворонского", "округа"]) == loose_keys(["Грайворонский", "округ"])
