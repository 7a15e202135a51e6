"""A statistical name tagger (PER/ORG/LOC) for the languages wirewatch reads.

It finds names the knowledge base has never seen; linking them is the entity
stage's job. The model ships inside the package (`models/`, described in
MODEL_CARD.md); `training/train_ner.py` rebuilds it.

    tagger = NameTagger.load()
    tagger.tag("Oleksandr Syrskyj besøgte Sudzja.", "da")
    # [TaggedSpan(start=0, end=17, type='PER', ...), TaggedSpan(start=26, end=32, type='LOC', ...)]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wirewatch.model import EntityType
from wirewatch.ner.tagging import MODEL_DIR, ScriptTaggers

__all__ = ["NameTagger", "TaggedSpan"]


@dataclass(frozen=True)
class TaggedSpan:
    start: int
    end: int
    type: EntityType
    score: float  # mean per-token marginal probability of the span's labels, 0..1


class NameTagger:
    """Finds person, organisation and place names; one instance per thread."""

    def __init__(self, taggers: ScriptTaggers) -> None:
        self._taggers = taggers

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> NameTagger:
        return cls(ScriptTaggers(model_dir))

    def tag(self, text: str, lang: str | None) -> list[TaggedSpan]:
        """Name spans in `text` (character offsets), in text order, never overlapping.

        `lang` is an ISO 639-1 code; None or an untrained language (e.g. "en")
        falls back to the language-independent part of the model for the text's script.
        """
        found = self._taggers.find(text, lang)
        return [TaggedSpan(start, end, kind, score) for start, end, kind, score in found]
