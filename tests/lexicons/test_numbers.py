from __future__ import annotations

import pytest

from wirewatch.lexicons import load_lexicon
from wirewatch.lexicons.numbers import find_counts


def counts(text: str, lang: str) -> list[tuple[int, bool]]:
    return [(c.value, c.lower_bound) for c in find_counts(text, load_lexicon(lang))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("da", "to russere", [(2, False)]),
        ("de", "zwei Soldaten", [(2, False)]),
        ("ru", "два человека", [(2, False)]),
        ("uk", "п'ять людей", [(5, False)]),
        ("sv", "tolv personer", [(12, False)]),
        ("nb", "sytti soldater", [(70, False)]),
        ("fr", "douze civils", [(12, False)]),
        ("pl", "pięć osób", [(5, False)]),
        ("nl", "zes mensen", [(6, False)]),
        ("en", "twenty five men", [(25, False)]),
        ("en", "around a dozen", [(12, False)]),
    ],
)
def test_numbers_words_in_each_language(lang: str, text: str, expected: list[tuple[int, bool]]) -> None:
    assert counts(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "more than 70", (70, True)),
        ("da", "mere end 70", (70, True)),
        ("de", "über 200", (200, True)),
        ("ru", "более 70", (70, True)),
        ("uk", "понад 70", (70, True)),
        ("fr", "au moins 8", (8, True)),
        ("pl", "ponad 20", (20, True)),
        ("en", "about 70", (70, False)),
    ],
)
def test_numbers_lower_bounds(lang: str, text: str, expected: tuple[int, bool]) -> None:
    assert counts(text, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "3,000 people", 3000),
        ("de", "3.000 Menschen", 3000),
        ("fr", "3 000 personnes", 3000),
        ("en", "4.5 million people", 4_500_000),
        ("da", "1,5 millioner", 1_500_000),
        ("ru", "4 тысяч", 4000),
    ],
)
def test_numbers_digits_with_separators_and_multipliers(lang: str, text: str, value: int) -> None:
    assert counts(text, lang) == [(value, False)]


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "dozens"), ("da", "tusindvis"), ("ru", "десятки"), ("de", "Hunderte")]
)
def test_numbers_vague_amounts_are_not_counts(lang: str, text: str) -> None:
    assert counts(text, lang) == []


def test_numbers_decimal_without_multiplier_is_not_a_headcount() -> None:
    assert counts("4.5 people", "en") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "не менее двенадцати жителей", [(12, True)]),
        ("ru", "около двадцати раненых", [(20, False)]),
        ("uk", "ще сімнадцятеро поранені", [(17, False)]),
        ("uk", "щонайменше дванадцяти людей", [(12, True)]),
        ("pl", "trzydziestu napastników", [(30, False)]),
        ("pl", "ponad sześciuset żołnierzy", [(600, True)]),
    ],
)
def test_numbers_case_forms_of_number_words(lang: str, text: str, expected: list[tuple[int, bool]]) -> None:
    assert counts(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "une vingtaine de blessés", 20),
        ("sv", "ett tjugotal skadade", 20),
        ("nl", "een tiental doden", 10),
        ("ru", "полторы тысячи жителей", 1500),
    ],
)
def test_numbers_approximate_phrase_is_one_number_not_a_sum(lang: str, text: str, value: int) -> None:
    assert counts(text, lang) == [(value, False)]


def test_numbers_typographic_apostrophe_is_the_same_word() -> None:
    assert counts("п’ять людей і пʼять дітей", "uk") == [(5, False), (5, False)]


@pytest.mark.parametrize(
    ("lang", "text"), [("sv", "över hundra invånare"), ("de", "mehr als hundert Einwohner")]
)
def test_numbers_bare_hundred_is_a_count(lang: str, text: str) -> None:
    assert counts(text, lang) == [(100, True)]
