"""Word tokens with character offsets, cut the way the NER training data is cut.

Punctuation is split off; hyphenated compounds ("Belgorod-regionen",
"Mette-Marit") stay one token, as in the training corpora; French elisions
("l'Ukraine") and English possessives ("Putin's") are split so that the name
stands alone. Apostrophes inside a word ("В'ячеслав", "O'Brien") are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
      \d+(?:[.,:/]\d+)*                               # numbers: 1.000  20.25  24/7
    | (?:[^\W\d_]\.){2,}                              # acronyms with dots: U.S.  U.S.A.
    | [^\W\d_]\.(?=\s+[^\W\d_])                       # initials: "V. Putin"
    | \w+(?:[-‐‑'’ʼ]\w+)*                             # words, hyphenated compounds
    | \S                                              # any other single character
    """,
    re.VERBOSE,
)
_ELISION = re.compile(r"(?i)^(?:l|d|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)['’](?=\w)")
_POSSESSIVE = re.compile(r"(?i)['’]s$")
_LINE_BREAK = re.compile(r"\n+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`, with offsets shifted by `offset`."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start() + offset
        if "'" in word or "’" in word:
            tokens += _split_apostrophe(word, start)
        else:
            tokens.append(Token(word, start, start + len(word)))
    return tokens


def _split_apostrophe(word: str, start: int) -> list[Token]:
    tokens: list[Token] = []
    elision = _ELISION.match(word)
    if elision and elision.end() < len(word):
        cut = elision.end()
        tokens.append(Token(word[:cut], start, start + cut))
        word, start = word[cut:], start + cut
    possessive = _POSSESSIVE.search(word)
    if possessive and possessive.start() > 0:
        cut = possessive.start()
        tokens.append(Token(word[:cut], start, start + cut))
        tokens.append(Token(word[cut:], start + cut, start + len(word)))
    else:
        tokens.append(Token(word, start, start + len(word)))
    return tokens


def split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) pieces: headlines, datelines and paragraphs; a name never spans a line break."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        pieces.append((start, text[start : match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]
