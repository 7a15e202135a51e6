from __future__ import annotations

from wirewatch.lexicons.sentences import split_sentences


def test_sentences_offsets_point_into_the_text() -> None:
    text = "First one. Second one!\n\nThird one?"
    parts = split_sentences(text)
    assert [s.text for s in parts] == ["First one.", "Second one!", "Third one?"]
    assert all(text[s.start : s.end] == s.text for s in parts)
    assert [s.paragraph for s in parts] == [0, 0, 1]


def test_sentences_ordinals_and_abbreviations_do_not_split() -> None:
    text = "Am 12. März griffen sie an. KHARTOUM, Sept. 4, the army said so. Dr. Smith agreed."
    assert [s.text for s in split_sentences(text)] == [
        "Am 12. März griffen sie an.",
        "KHARTOUM, Sept. 4, the army said so.",
        "Dr. Smith agreed.",
    ]


def test_sentences_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said: "We will return." Nobody answered.'
    assert [s.text for s in split_sentences(text)] == ['He said: "We will return."', "Nobody answered."]


def test_sentences_cyrillic_and_digits_start_sentences() -> None:
    text = "Он сказал. 108 человек ранены."
    assert [s.text for s in split_sentences(text)] == ["Он сказал.", "108 человек ранены."]
