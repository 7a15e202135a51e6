"""Language stage: ISO 639-1 code of the article's text.

Lingua, restricted to the languages wirewatch meets, does the statistical work. It is
unsure between Danish and Norwegian (and Bokmål and Nynorsk) on short or name-heavy
texts, so within the Scandinavian group the decision goes to the evidence of each written
standard counted over the whole text: frequent function words ("af"/"av", "hvad"/"hva"/
"kva"/"vad", "ikkje", "och"), word endings ("-hed"/"-het"/"-heit") and spellings ("øj"/"øy",
"ä"/"ö"), listed in `data/scandinavian_words.toml`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from importlib import resources

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages the corpus is expected to hold, plus neighbours that would otherwise be
# forced onto one of them (Portuguese onto Spanish, Czech onto Polish, Bulgarian onto Russian).
_LANGUAGES = (
    Language.DANISH,
    Language.BOKMAL,
    Language.NYNORSK,
    Language.SWEDISH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.DUTCH,
    Language.FRENCH,
    Language.POLISH,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.FINNISH,
    Language.PORTUGUESE,
    Language.CZECH,
    Language.SLOVAK,
    Language.ROMANIAN,
    Language.HUNGARIAN,
    Language.TURKISH,
    Language.ESTONIAN,
    Language.LATVIAN,
    Language.LITHUANIAN,
    Language.BULGARIAN,
    Language.BELARUSIAN,
    Language.ARABIC,
)
_SCANDINAVIAN = ("da", "nb", "nn", "sv")
# Lingua's cost grows with length while its answer stops changing after a paragraph or two.
_DETECTOR_CHARS = 1200
# Below this much function-word evidence the Scandinavian vote is noise; lingua keeps its answer.
_MIN_VOTE = 1.5
# ... and a lead smaller than this is a tie.
_MIN_MARGIN = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text` (Norwegian as `nb`/`nn`), or None when it cannot be told."""
    if len(_LETTER.findall(text[:_DETECTOR_CHARS])) < 3:
        return None
    found = _detector().detect_language_of(text[:_DETECTOR_CHARS])
    if found is None:
        return None
    code = found.iso_code_639_1.name.lower()
    if code in _SCANDINAVIAN:
        return _scandinavian_vote(text) or code
    return code


@functools.cache
def _detector() -> LanguageDetector:
    # Built once and lazily: loading models is the slow part. Low-accuracy mode (trigrams only)
    # loads in a fraction of a second and ~130 MB where the full models take ~15 s and ~770 MB,
    # and on paragraph-length text it gives the same answers.
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_low_accuracy_mode().build()


@functools.cache
def _evidence() -> tuple[
    dict[str, dict[str, float]], dict[str, dict[str, float]], dict[str, dict[str, float]]
]:
    """Weights of words, word endings and spellings: each split among the standards that use it."""
    data = tomllib.loads(
        resources.files("wirewatch.stages.data").joinpath("scandinavian_words.toml").read_text("utf-8")
    )
    return _split(data, 1.0), _split(data["endings"], 0.5), _split(data["spellings"], 0.5)


def _split(lists: dict, weight: float) -> dict[str, dict[str, float]]:
    users: dict[str, set[str]] = {}
    for code in _SCANDINAVIAN:
        for item in lists[code]:
            users.setdefault(item, set()).add(code)
    return {item: {code: weight / len(codes) for code in codes} for item, codes in users.items()}


def _scandinavian_vote(text: str) -> str | None:
    words, endings, spellings = _evidence()
    scores: Counter[str] = Counter()
    for word in _WORD.findall(text.casefold()):
        found = [words.get(word)]
        if len(word) >= 5:  # the longest listed ending
            found.append(next((endings[word[-n:]] for n in (5, 4, 3, 2) if word[-n:] in endings), None))
        found.extend(spellings[s] for s in _spellings_in(word, spellings))
        for weights in found:
            for code, weight in (weights or {}).items():
                scores[code] += weight
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < _MIN_VOTE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MIN_MARGIN:
        return None
    return ranked[0][0]


def _spellings_in(word: str, spellings: dict[str, dict[str, float]]) -> list[str]:
    return [s for s in spellings if s in word]
