"""Hand-built articles for stage tests: mentions placed by finding surface strings in the text.

The event and figure stages read the entity stage's output; these helpers stand in for it,
so their tests do not depend on the knowledge base or the NER model.
"""

from __future__ import annotations

import re

from wirewatch.model import Article, Entity, Mention, Origin, PartialDate, RawArticle

# surface form -> (canonical name, type, precision)
Names = dict[str, tuple[str, str, str | None]]


def entity_id(name: str) -> str:
    return re.sub(r"\W+", "-", name.lower()).strip("-")


def build_article(
    body: str,
    lang: str,
    published: str | None = None,
    names: Names | None = None,
    headline: str | None = None,
) -> Article:
    """An Article whose mentions are every occurrence of the given surface forms (longest first)."""
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    for field, text in (("headline", headline or ""), ("body", body)):
        taken: list[tuple[int, int]] = []
        for surface, (name, type_, precision) in sorted((names or {}).items(), key=lambda kv: -len(kv[0])):
            eid = entity_id(name)
            entities[eid] = Entity(eid, name, type_, precision=precision)  # type: ignore[arg-type]
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                mentions.append(Mention(field, m.start(), m.end(), m.group(), type_, eid))  # type: ignore[arg-type]
    return Article(
        raw=RawArticle("test", body, Origin("test")),
        headline=headline,
        body=body,
        lang=lang,
        published=PartialDate.parse(published) if published else None,
        entities=entities,
        mentions=sorted(mentions, key=lambda m: (m.field, m.start)),
    )


def name_of(article: Article, eid: str | None) -> str | None:
    return article.entities[eid].name if eid else None
