"""Split running text into sentences, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.lexicons.loader import load_lexicon

# A break is end punctuation (and closing quotes) followed by space and a capital or digit; or a new line.
_BREAK = re.compile(r"(?<=[.!?…])([\"'»”)]*)\s+(?=[\"'«„“(\-–—]*\s*[^\W_a-zа-яё])|\n+")
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "st",
        "no",
        "nr",
        "vs",
        "ca",
        "bzw",
        "usw",
        "etc",
        "z.b",
        "d.h",
        "u.a.",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "okt",
        "nov",
        "dec",
        "dez",
        "ggf",
        "inkl",
        "evt",
        "bl.a.",
        "f.eks",
        "dvs",
        "ifm",
        "mfl",
        "ul",
        "pl",
        "al",
        "ст",
        "г",
        "гг",
        "им",
        "тыс",
        "млн",
    ]
)
_LAST_WORD = re.compile(r"(\w+)\.$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # sentences of one paragraph share this number


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with their offsets; text between them is whitespace only."""
    out: list[Sentence] = []
    paragraph = 0
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end(1) if m.group(1) is not None else m.start()
        if "\n" not in m.group() and _ends_in_abbreviation(
            text[start:end].rstrip("\"'»”) "), text[m.end() :]
        ):
            continue
        _add(out, text, start, end, paragraph)
        if "\n" in m.group():
            paragraph += 1
        start = m.end()
    _add(out, text, start, len(text), paragraph)
    return out


def _ends_in_abbreviation(head: str, tail: str) -> bool:
    m = _LAST_WORD.search(head[-12:])
    if not m:
        return False
    word = m.group(1)
    if word.isdigit():
        # "24. Februar", "12. März": an ordinal day before a month, not a sentence end
        return len(word) <= 2 and _starts_with_month(tail)
    return word.lower() in _ABBREVIATIONS or len(word) == 1


def _starts_with_month(tail: str) -> bool:
    months = load_lexicon("*").months
    return any(p is not None and p.match(tail) for p in months)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end], paragraph))
