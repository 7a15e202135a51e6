from __future__ import annotations

import pytest

from wirewatch.lexicons import load_lexicon
from wirewatch.lexicons.dates import find_date_cues, resolve_date
from wirewatch.model import PartialDate

TUESDAY_14TH = PartialDate(2024, 3, 14)  # a Thursday


def resolve(
    text: str, lang: str, published: PartialDate | None, context_year: int | None = None
) -> str | None:
    date = resolve_date(text, load_lexicon(lang), published, context_year)
    return date.iso() if date else None


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("da", "tirsdag morgen gik de over grænsen", "2024-03-12"),
        ("nb", "fredag ettermiddag", "2024-03-08"),
        ("de", "am Sonntag", "2024-03-10"),
        ("de", "am Donnerstagabend", "2024-03-14"),  # the article's own weekday is that day
        ("ru", "в воскресенье", "2024-03-10"),
        ("uk", "у вівторок", "2024-03-12"),
        ("sv", "på måndagen", "2024-03-11"),
        ("fr", "mardi soir", "2024-03-12"),
        ("pl", "we wtorek", "2024-03-12"),
        ("nl", "op dinsdag", "2024-03-12"),
        ("en", "on Tuesday morning", "2024-03-12"),
    ],
)
def test_dates_weekday_is_latest_such_day_on_or_before_article(lang: str, text: str, expected: str) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("da", "i går", "2024-03-13"),
        ("en", "yesterday", "2024-03-13"),
        ("ru", "вчера", "2024-03-13"),
        ("de", "gestern", "2024-03-13"),
    ],
)
def test_dates_yesterday(lang: str, text: str, expected: str) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "i august i fjor", "2023-08"),
        ("en", "in August last year", "2023-08"),
        ("ru", "в августе прошлого года", "2023-08"),
    ],
)
def test_dates_month_of_last_year(lang: str, text: str, expected: str) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "on March 12", "2024-03-12"),
        ("en", "since April 15", "2023-04-15"),  # a later month than the article's is last year's
        ("en", "on 24 February 2022", "2022-02-24"),
        ("da", "den 24. februar 2022", "2022-02-24"),
        ("de", "am 12. März", "2024-03-12"),
        ("ru", "24 февраля 2022 года", "2022-02-24"),
        ("fr", "le 12 mars", "2024-03-12"),
        ("pl", "12 marca", "2024-03-12"),
        ("en", "12.03.2024 - 14:31", "2024-03-12"),
        ("en", "i maj 2023", None),  # Danish words are not English months
        ("da", "i maj 2023", "2023-05"),
    ],
)
def test_dates_explicit_dates_with_or_without_year(lang: str, text: str, expected: str | None) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == (expected or "2024-03-14")


def test_dates_same_year_takes_the_year_named_before() -> None:
    assert resolve("i juli samme år", "da", PartialDate(2024, 3), context_year=2023) == "2023-07"


def test_dates_month_only_article_gives_the_month_for_day_words() -> None:
    assert resolve("tirsdag morgen", "da", PartialDate(2024, 3)) == "2024-03"
    assert resolve("yesterday", "en", PartialDate(2024, 3)) == "2024-03"


def test_dates_undated_article_gives_nothing_for_relative_words() -> None:
    assert resolve("on Sunday", "en", None) is None
    assert resolve("den 24. februar sidste år", "da", None) is None
    assert resolve("in May 2023", "en", None) == "2023-05"


def test_dates_week_words_give_the_month_and_year_words_only_a_year() -> None:
    lex = load_lexicon("en")
    [week] = find_date_cues("earlier this week", lex, TUESDAY_14TH)
    assert (week.kind, week.date) == ("week", PartialDate(2024, 3))
    [year] = find_date_cues("raids last year", lex, TUESDAY_14TH)
    assert (year.kind, year.date) == ("year", PartialDate(2023))


def test_dates_english_modal_may_is_not_a_month() -> None:
    assert find_date_cues("they may return", load_lexicon("en"), TUESDAY_14TH) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "w wyniku wczorajszego ataku"),
        ("ru", "после вчерашнего обстрела"),
        ("uk", "після вчорашньої атаки"),
    ],
)
def test_dates_yesterdays_adjective_is_the_day_before(lang: str, text: str) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == "2024-03-13"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("uk", "загинули четверо людей"), ("pl", "Czerwony Krzyż pomagał"), ("pl", "ludzie wrzeszczeli")],
)
def test_dates_words_that_only_begin_like_a_date_are_not_one(lang: str, text: str) -> None:
    assert find_date_cues(text, load_lexicon(lang), TUESDAY_14TH) == []


@pytest.mark.parametrize(
    ("lang", "text"), [("fr", "avant-hier soir"), ("de", "vorgestern"), ("pl", "przedwczoraj")]
)
def test_dates_day_before_yesterday_is_not_read_as_yesterday(lang: str, text: str) -> None:
    assert resolve(text, lang, TUESDAY_14TH) == "2024-03-12"
