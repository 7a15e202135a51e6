"""What wirewatch knows about people, organisations and places, and how names are compared.

The knowledge is data (`data/*.kb` curated files, CLDR country names, a GeoNames
gazetteer built by `build_places`); README.md describes the file format. Users
extend it with their own knowledge file through `add_entity` / `add_alias`.
"""

from __future__ import annotations

from wirewatch.knowledge.base import Hit, KnowledgeBase, load_knowledge_base
from wirewatch.knowledge.editing import add_alias, add_entity
from wirewatch.knowledge.kbfile import Alias, EntityRecord, KnowledgeFileError

__all__ = [
    "Alias",
    "EntityRecord",
    "Hit",
    "KnowledgeBase",
    "KnowledgeFileError",
    "add_alias",
    "add_entity",
    "load_knowledge_base",
]
