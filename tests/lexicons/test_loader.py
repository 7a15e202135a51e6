from __future__ import annotations

import pytest

from wirewatch.lexicons import load_lexicon, supported_languages
from wirewatch.lexicons.loader import compile_phrases
from wirewatch.model import EVENT_TYPES, FIGURE_KINDS

LANGUAGES = ("da", "nb", "nn", "sv", "en", "de", "nl", "fr", "pl", "ru", "uk")


def test_loader_has_a_file_for_every_language_the_entity_stage_covers() -> None:
    assert set(LANGUAGES) <= set(supported_languages())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_loader_every_language_has_every_event_type_and_figure_kind(lang: str) -> None:
    lex = load_lexicon(lang)
    assert set(lex.triggers) == set(EVENT_TYPES)
    assert set(lex.figure_kinds) == set(FIGURE_KINDS)
    assert lex.speech is not None and lex.negation is not None
    assert all(p is not None for p in lex.weekdays) and all(p is not None for p in lex.months)
    assert lex.relative_days and lex.number_words


def test_loader_unknown_language_merges_all_lists() -> None:
    merged = load_lexicon("xx")
    assert merged.lang == "*"
    assert merged.number_words["zwei"] == 2 and merged.number_words["два"] == 2


def test_loader_norwegian_code_no_reads_bokmal() -> None:
    assert load_lexicon("no").lang == "nb"


def test_loader_phrase_marks_stem_compound_and_gap() -> None:
    pattern = compile_phrases(["dræb*", "*angriff", "skubbe* ~ tilbage", "May"])
    assert pattern is not None
    assert pattern.fullmatch("dræbte")
    assert pattern.search("Drohnenangriff")
    assert pattern.search("skubbede de overlevende tilbage").group() == "skubbede de overlevende tilbage"
    assert pattern.search("May") and not pattern.search("may")
    assert not pattern.search("udræbt")


def test_loader_longer_phrase_wins_over_a_word_it_starts_with() -> None:
    # "обменять" alone is an entry too; the two-word entry must still be the match
    match = load_lexicon("ru").triggers["offer"].search("Капустин хочет обменять пленных")
    assert match is not None and match.group() == "обменять пленных"


@pytest.mark.parametrize(
    ("lang", "kind", "text"),
    [
        ("fr", "territory_taken", "Les forces s’emparent d’un village"),
        ("uk", "incursion", "увійшли в п’ятницю"),
    ],
)
def test_loader_typographic_apostrophe_matches_a_typed_one(lang: str, kind: str, text: str) -> None:
    assert load_lexicon(lang).triggers[kind].search(text)


# (language, habitual cue, "during" word, "in" word, "a day after" phrase) written as the press writes them
EVENT_CONTEXT_WORDS = [
    ("da", "angreb nærmest dagligt", "under kampene", "i", "dagen efter"),
    ("nb", "angrep nesten daglig", "under kampene", "i", "dagen etter"),
    ("nn", "åtak nesten dagleg", "under kampane", "i", "dagen etter"),
    ("sv", "attacker nästan dagligen", "under striderna", "i", "dagen efter"),
    ("en", "attacks almost daily", "during the battle", "in", "a day after"),
    ("de", "Angriffe fast täglich", "während der Kämpfe", "in", "einen Tag nach"),
    ("nl", "aanvallen bijna dagelijks", "tijdens de gevechten", "in", "een dag na"),
    ("fr", "attaques presque quotidiennement", "lors des combats", "dans", "au lendemain des"),
    ("pl", "ataki niemal codziennie", "podczas walk", "w", "dzień po"),
    ("ru", "атаки почти ежедневно", "во время боёв", "в", "на следующий день после"),
    ("uk", "атаки майже щодня", "під час боїв", "у", "наступного дня після"),
]


@pytest.mark.parametrize(("lang", "habitual", "during", "within", "day_after"), EVENT_CONTEXT_WORDS)
def test_loader_every_language_reads_habits_time_references_nesting_and_day_after(
    lang: str, habitual: str, during: str, within: str, day_after: str
) -> None:
    lex = load_lexicon(lang)
    assert lex.habitual is not None and lex.habitual.search(habitual)
    assert lex.during is not None and lex.during.match(during)
    assert lex.within is not None and lex.within.fullmatch(within)
    assert lex.agent is not None
    assert [offset for pattern, offset in lex.relative_to_event if pattern.fullmatch(day_after)] == [-1]
