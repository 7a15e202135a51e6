"""Running the shipped CRF models over text: one model per script, chosen by language."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from wirewatch.model import EntityType
from wirewatch.ner.features import UNKNOWN_LANGUAGE, FeatureExtractor
from wirewatch.ner.tokens import split_lines, tokenize

MODEL_DIR = Path(__file__).parent / "models"
SCRIPT_MODELS = {"latin": "latin.crfsuite", "cyrillic": "cyrillic.crfsuite"}
FUNCTION_WORDS_FILE = "function_words.txt"
# {script: [languages that model saw in training under their own code]}; others are tagged as
# UNKNOWN_LANGUAGE. Written by training, since which languages have data depends on its options.
LANGUAGES_FILE = "languages.json"
_LANGUAGE_ALIASES = {"no": "nb"}  # Norwegian without a written standard: Bokmål is the common one
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_ENTITY_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC"})
# Tokens this far from any token with a capital letter are left out of tagging: names
# are written with capitals in every language served, and the CRF's context is two tokens.
_WINDOW_PAD = 3
# Languages without training data (English) capitalise words that the model takes for the
# start of a name: sentence-initial closed-class words ("The", "According") and titles.
_ENGLISH_TITLES = frozenset(
    """
    mr mrs ms dr sir president governor minister commander colonel general lieutenant major captain
    sergeant admiral marshal gen col lt maj capt sgt adm spokesman spokeswoman mayor senator secretary
    ambassador chancellor premier deputy chief prime king queen prince pope
    """.split()
)
_NAME_CONNECTORS = frozenset("of the for de la le du des van von der den al bin ibn y da di del".split())


def spans_from_labels(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) runs of an IOB2 sequence; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, label_kind = label.partition("-")
        if prefix == "I" and label_kind == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and label_kind in _ENTITY_TYPES:
            start, kind = i, label_kind
    return spans


def capitalised_windows(words: list[str]) -> list[tuple[int, int]]:
    """[start, end) token ranges around the words that contain a capital letter, merged."""
    windows: list[tuple[int, int]] = []
    n = len(words)
    for i, word in enumerate(words):
        if word.lower() == word:
            continue
        low, high = max(0, i - _WINDOW_PAD), min(n, i + _WINDOW_PAD + 1)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _untrained_language_span(
    words: list[str], first: int, end: int, kind: str, closed_class: frozenset[str]
) -> tuple[int, int]:
    """A span narrowed to its capitalised core, for text in a language the model never saw.

    Without training data the model lets spans run on through unknown lowercase words
    ("Gazprom halted gas deliveries") and start at capitalised closed-class words or
    titles ("The United Nations", "Colonel Roman Kostenko"), so these are cut away.
    """
    while first < end:
        lower = words[first].lower().rstrip(".")
        if lower in closed_class or (kind == "PER" and lower in _ENGLISH_TITLES):
            first += 1
        else:
            break
    for i in range(first + 1, end):
        word = words[i]
        if word.lower() == word and word not in _NAME_CONNECTORS:
            end = i
            break
    while end > first and (words[end - 1] in _NAME_CONNECTORS or words[end - 1].lower() in closed_class):
        end -= 1
    return first, end


def script_of(text: str, lang: str | None) -> str:
    if lang is not None:
        return "cyrillic" if lang in _CYRILLIC_LANGUAGES else "latin"
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    letters = len(_LETTER.findall(text))
    return "cyrillic" if cyrillic * 2 > letters else "latin"


def read_function_words(model_dir: Path) -> frozenset[str]:
    path = model_dir / FUNCTION_WORDS_FILE
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class TokenSpan:
    start: int  # first token
    end: int  # one past the last token
    type: EntityType
    score: float


class ScriptTaggers:
    """The CRF taggers, opened once; not thread-safe (a pycrfsuite Tagger holds state)."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self._taggers: dict[str, pycrfsuite.Tagger] = {}
        for script, filename in SCRIPT_MODELS.items():
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model_dir / filename))
            self._taggers[script] = tagger
        languages = json.loads((model_dir / LANGUAGES_FILE).read_text(encoding="utf-8"))
        self._trained_languages = {script: frozenset(codes) for script, codes in languages.items()}
        self._function_words = read_function_words(model_dir)
        self._features = FeatureExtractor(self._function_words)

    def label(self, words: list[str], script: str, lang: str | None) -> list[TokenSpan]:
        """Name spans over one sequence of words (a line or a sentence)."""
        tagger = self._taggers[script]
        lang = _LANGUAGE_ALIASES.get(lang, lang) if lang else lang
        model_lang = lang if lang in self._trained_languages[script] else UNKNOWN_LANGUAGE
        spans: list[TokenSpan] = []
        for low, high in capitalised_windows(words):
            window = words[low:high]
            labels = tagger.tag(self._features.sequence(window, model_lang))
            for first, end, kind in spans_from_labels(labels):
                if model_lang == UNKNOWN_LANGUAGE:
                    first, end = _untrained_language_span(window, first, end, kind, self._function_words)
                    if first == end:
                        continue
                confidence = sum(tagger.marginal(labels[i], i) for i in range(first, end)) / (end - first)
                spans.append(TokenSpan(low + first, low + end, kind, confidence))  # type: ignore[arg-type]
        return spans

    def find(self, text: str, lang: str | None) -> list[tuple[int, int, EntityType, float]]:
        """(start, end, type, score) character spans of the names in `text`."""
        script = script_of(text, lang)
        found: list[tuple[int, int, EntityType, float]] = []
        for offset, line in split_lines(text):
            tokens = tokenize(line, offset)
            for span in self.label([token.text for token in tokens], script, lang):
                found.append((tokens[span.start].start, tokens[span.end - 1].end, span.type, span.score))
        return found
