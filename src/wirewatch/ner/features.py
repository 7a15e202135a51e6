"""CRF features of a token sequence; the same code serves training and tagging.

Features are orthographic and lexical (lowercased word, affixes, shape) for the
token and its neighbours, so inflected names ("Belgorods", "Белгородской",
"Sudży") are typed by their endings and context. The language is conjoined only
with shape, because capitalisation means different things per language (German
capitalises every noun); `UNKNOWN_LANGUAGE` is used for languages the model was
not trained on, and in training for a share of sentences so that it is learnt.

A shared "function word" feature (articles, prepositions, pronouns, auxiliaries
of every language, from `function_words.txt`) lets the model carry what it
learnt about closed-class words to languages it has no training data for
(English), e.g. that a capitalised "According" rarely opens a name.
"""

from __future__ import annotations

UNKNOWN_LANGUAGE = "?"

_CACHE_LIMIT = 50_000  # words; about 1.3 kB of feature strings each


def shape(word: str) -> str:
    """Short word shape: runs of one character class collapse ("Kyiv" -> "Xx", "F-16" -> "X-d")."""
    if word.isalpha():  # the common cases, without the character loop
        if word.islower():
            return "x"
        if word[0].isupper() and word[1:].islower():
            return "Xx"
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.isalpha():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


_Context = tuple[str, list[str], list[str], list[str], list[str]]
_BEFORE_2: _Context = ("BOS", [], [], ["-2w=BOS"], [])
_BEFORE_1: _Context = ("BOS", ["-1w=BOS"], [], [], [])
_AFTER_1: _Context = ("EOS", [], ["+1w=EOS"], [], [])
_AFTER_2: _Context = ("EOS", [], [], [], ["+2w=EOS"])


def _length_class(word: str) -> str:
    n = len(word)
    return "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "m" if n <= 6 else "l"


class FeatureExtractor:
    """Turns token strings into CRF attribute lists, caching the per-word part."""

    def __init__(self, function_words: frozenset[str] = frozenset()) -> None:
        self._function_words = function_words
        self._own: dict[tuple[str, str], list[str]] = {}
        self._context: dict[str, _Context] = {}

    def sequence(self, words: list[str], lang: str) -> list[list[str]]:
        if len(self._own) > _CACHE_LIMIT or len(self._context) > _CACHE_LIMIT:
            self._own.clear()
            self._context.clear()
        # Two sentinels either side, so every position has the same neighbourhood.
        context = [_BEFORE_2, _BEFORE_1, *map(self._context_of, words), _AFTER_1, _AFTER_2]
        shapes = [c[0] for c in context]
        own_of = self._own_of
        sequence: list[list[str]] = []
        for i, word in enumerate(words, start=2):
            sequence.append(
                [
                    *own_of(word, lang),
                    *context[i - 1][1],
                    *context[i - 2][3],
                    *context[i + 1][2],
                    *context[i + 2][4],
                    f"L{lang}|{shapes[i - 1]}|{shapes[i]}",
                    f"sh01={shapes[i]}|{shapes[i + 1]}",
                ]
            )
        return sequence

    def _own_of(self, word: str, lang: str) -> list[str]:
        key = (word, lang)
        cached = self._own.get(key)
        if cached is not None:
            return cached
        lower = word.lower()
        word_shape = shape(word)
        features = [
            "b",
            "w=" + lower,
            "p3=" + lower[:3],
            "sh=" + word_shape,
            "ln=" + _length_class(word),
            f"L{lang}:sh={word_shape}",
        ]
        if lower in self._function_words:
            features.append("fw")
        for n in (2, 3, 4, 5):
            if len(lower) > n:
                features.append(f"s{n}={lower[-n:]}")
        if "-" in word[1:-1]:
            head, _, tail = lower.partition("-")
            features.append("h0=" + head)
            features.append("h1=" + tail[-4:])
            features.append("hsh=" + shape(word.partition("-")[0]))
        self._own[key] = features
        return features

    def _context_of(self, word: str) -> _Context:
        """(shape, features as previous word, as next word, as second previous, as second next)."""
        cached = self._context.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        word_shape = shape(word)
        suffix = lower[-3:]
        entry: _Context = (
            word_shape,
            ["-1w=" + lower, "-1sh=" + word_shape, "-1s3=" + suffix],
            ["+1w=" + lower, "+1sh=" + word_shape, "+1s3=" + suffix],
            ["-2w=" + lower, "-2sh=" + word_shape],
            ["+2w=" + lower, "+2sh=" + word_shape],
        )
        if lower in self._function_words:
            entry[1].append("-1fw")
            entry[2].append("+1fw")
        self._context[word] = entry
        return entry
