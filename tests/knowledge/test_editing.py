"""Users add entities and aliases to their own knowledge file, and the entity stage uses them."""

from __future__ import annotations

import pytest

from wirewatch.knowledge import KnowledgeFileError, add_alias, add_entity
from wirewatch.model import Article, Origin, RawArticle
from wirewatch.stages.entities import find_entities, load_resources


def _names(resources, text: str, lang: str = "en") -> dict[str, str]:
    article = Article(raw=RawArticle("t", text, Origin("test")), body=text, lang=lang)
    _, entities = find_entities(article, resources)
    return {e.name: e.id for e in entities.values()}


def test_editing_added_entity_and_alias_are_found(tmp_path):
    path = tmp_path / "mine.kb"
    entity_id = add_entity(path, "Wolves of Testgrad", "ORG", aliases=[("Testgrad-Wölfe", "de")])
    add_alias(path, "country:RU", "Rusistan", "en")
    resources = load_resources(user_knowledge=[path])
    assert _names(resources, "Die Testgrad-Wölfe griffen an.", "de") == {"Wolves of Testgrad": entity_id}
    assert "Russia" in _names(resources, "Troops left Rusistan.")


def test_editing_refuses_a_duplicate_id_and_a_bad_type(tmp_path):
    path = tmp_path / "mine.kb"
    add_entity(path, "Ivan Testov", "PER")
    with pytest.raises(KnowledgeFileError):
        add_entity(path, "Ivan Testov", "PER")
    with pytest.raises(KnowledgeFileError):
        add_entity(path, "Somewhere", "PLACE")  # type: ignore[arg-type]
