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
# The languages wirewatch reads; the others in _LANGUAGES only keep lingua from forcing a text onto these.
_SUPPORTED = frozenset(("da", "nb", "nn", "sv", "en", "de", "nl", "fr", "pl", "ru", "uk", "es", "it", "fi"))
# A headline-length text has too few trigrams to tell a supported language from a neighbour
# ("Nye angreb mod Kyiv i nat" scores as Romanian): below this many words, only supported ones compete.
_SHORT_WORDS = 12
# Letters that, of the Cyrillic alphabets lingua knows, only Ukrainian (and Belarusian, with "ў") or only
# Russian (and Belarusian) use: on a short text they settle what trigrams cannot ("Удар по Одесі" is not
# Bulgarian). Bulgarian has none of "ыэё", and Ukrainian has none of them either.
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_BELARUSIAN_LETTERS = frozenset("ў")
_RUSSIAN_LETTERS = frozenset("ыэё")
# Lingua's cost grows with length while its answer stops changing after a paragraph or two.
_DETECTOR_CHARS = 1200
# Below this much function-word evidence the Scandinavian vote is noise; lingua keeps its answer.
_MIN_VOTE = 1.5
# ... and a lead smaller than this is a tie.
_MIN_MARGIN = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text` (Norwegian as `nb`/`nn`), or None when it cannot be told."""
    if len(_LETTER.findall(text[:_DETECTOR_CHARS])) < 3:
        return None
    sample = text[:_DETECTOR_CHARS]
    code = _cyrillic_alphabet(sample.casefold()) or _lingua(sample)
    if code is None:
        return None
    if code in _SCANDINAVIAN:
        return _scandinavian_vote(text) or code
    return code


def _lingua(sample: str) -> str | None:
    if len(_WORD.findall(sample)) >= _SHORT_WORDS:
        found = _detector().detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None
    codes = (c.language.iso_code_639_1.name.lower() for c in _detector().compute_language_confidence_values(sample))
    return next((code for code in codes if code in _SUPPORTED), None)


def _cyrillic_alphabet(low: str) -> str | None:
    """uk or ru when the letters only one of the two alphabets has clearly outnumber the other's.

    A Russian text may quote a Ukrainian name ("Київ") and the other way round, so one letter does not decide.
    """
    if any(ch in low for ch in _BELARUSIAN_LETTERS):
        return None
    if 2 * len(_CYRILLIC.findall(low)) < len(_LETTER.findall(low)):
        return None  # a Latin-script text quoting a Cyrillic name
    ukrainian = sum(low.count(ch) for ch in _UKRAINIAN_LETTERS)
    russian = sum(low.count(ch) for ch in _RUSSIAN_LETTERS)
    if ukrainian >= 2 * russian + 1:
        return "uk"
    if russian >= 2 * ukrainian + 1:
        return "ru"
    return None


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
