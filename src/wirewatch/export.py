"""Exports: the eval shape (FORMAT.md), full JSON Lines, CSV tables, stories.

Entity ids become canonical names here, at the edge; inside, everything
refers to entities by id.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from wirewatch.model import Article, Entity, Story, to_builtins
from wirewatch.store import Store

ExportFormat = Literal["eval", "jsonl", "csv", "stories"]
CsvTable = Literal["articles", "entities", "events", "figures"]


def export(store: Store, fmt: ExportFormat, output: TextIO, *, table: CsvTable = "articles") -> int:
    """Write the store's articles (or stories) to `output`; returns the number of records."""
    if fmt == "eval":
        return _write_jsonl(output, (eval_record(a) for a in store.articles()))
    if fmt == "jsonl":
        return _write_jsonl(output, (full_record(a, store) for a in store.articles()))
    if fmt == "stories":
        return _write_jsonl(output, (story_record(s, store) for s in store.stories()))
    if fmt == "csv":
        return _write_csv(output, store, table)
    raise ValueError(f"unknown export format {fmt!r}")


def export_to_path(store: Store, fmt: ExportFormat, path: Path, *, table: CsvTable = "articles") -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        return export(store, fmt, out, table=table)


def _name(article: Article, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    entity = article.entities.get(entity_id)
    return entity.name if entity else entity_id


def mentioned_entities(article: Article) -> list[Entity]:
    """Entities the text names, once each, in order of first mention."""
    seen: dict[str, Entity] = {}
    for mention in sorted(article.mentions, key=lambda m: (m.field != "headline", m.start)):
        entity = article.entities.get(mention.entity_id)
        if entity is not None and entity.id not in seen:
            seen[entity.id] = entity
    return list(seen.values())


def eval_record(article: Article) -> dict[str, Any]:
    """The FORMAT.md shape."""
    entities = []
    for entity in mentioned_entities(article):
        item: dict[str, Any] = {"name": entity.name, "type": entity.type}
        if entity.type == "LOC" and entity.lat is not None and entity.lon is not None:
            item["lat"], item["lon"] = entity.lat, entity.lon
        entities.append(item)
    return {
        "id": article.id,
        "lang": article.lang,
        "published": article.published.iso() if article.published else None,
        "headline": article.headline,
        "body": article.body,
        "entities": entities,
        "events": [
            {
                "type": e.type,
                "date": e.date.iso() if e.date else None,
                "location": _name(article, e.location),
                "actors": [_name(article, a) for a in e.actors],
            }
            for e in article.events
        ],
        "figures": [
            {"kind": f.kind, "value": f.value, "claimed_by": _name(article, f.claimed_by)} for f in article.figures
        ],
        "story": article.story,
    }


def full_record(article: Article, store: Store) -> dict[str, Any]:
    """Everything wirewatch knows about one article, raw text included."""
    start, end = store.inferred_dates(article.id)
    record = to_builtins(article)
    raw = record.pop("raw")
    record = {
        "id": article.id,
        "url": raw["url"],
        "source": raw["source"],
        "origin": raw["origin"],
        "raw_text": raw["text"],
        "extra": raw["extra"],
        "inferred_start": start.iso() if start else None,
        "inferred_end": end.iso() if end else None,
        **record,
        "entities": to_builtins(mentioned_entities(article)),
    }
    return record


def story_record(story: Story, store: Store) -> dict[str, Any]:
    record = to_builtins(story)
    names: dict[str, str] = {}

    def name(entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        if entity_id not in names:
            entity = store.entity(entity_id)
            names[entity_id] = entity.name if entity else entity_id
        return names[entity_id]

    for event in record["events"]:
        event["location_name"] = name(event["location"])
        event["actor_names"] = [name(a) for a in event["actors"]]
    for claim in record["claims"]:
        claim["claimed_by_name"] = name(claim["claimed_by"])
    return record


def _write_jsonl(output: TextIO, records: Iterator[dict[str, Any]]) -> int:
    count = 0
    for record in records:
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


_CSV_COLUMNS: dict[str, list[str]] = {
    "articles": ["id", "url", "source", "lang", "published", "headline", "story", "duplicate_of",
                 "entities", "events", "figures"],
    "entities": ["article_id", "entity_id", "name", "type", "lat", "lon", "mentions"],
    "events": ["article_id", "type", "date", "location", "actors", "confidence", "evidence"],
    "figures": ["article_id", "kind", "value", "lower_bound", "claimed_by", "evidence"],
}


def _write_csv(output: TextIO, store: Store, table: str) -> int:
    if table not in _CSV_COLUMNS:
        raise ValueError(f"unknown CSV table {table!r}; choose from {', '.join(_CSV_COLUMNS)}")
    writer = csv.DictWriter(output, fieldnames=_CSV_COLUMNS[table])
    writer.writeheader()
    count = 0
    for article in store.articles():
        for row in _csv_rows(article, table):
            writer.writerow(row)
            count += 1
    return count


def _csv_rows(article: Article, table: str) -> Iterator[dict[str, Any]]:
    if table == "articles":
        yield {
            "id": article.id,
            "url": article.raw.url,
            "source": article.raw.source,
            "lang": article.lang,
            "published": article.published.iso() if article.published else None,
            "headline": article.headline,
            "story": article.story,
            "duplicate_of": article.duplicate_of,
            "entities": "; ".join(e.name for e in mentioned_entities(article)),
            "events": len(article.events),
            "figures": len(article.figures),
        }
    elif table == "entities":
        for entity in mentioned_entities(article):
            yield {
                "article_id": article.id,
                "entity_id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "lat": entity.lat,
                "lon": entity.lon,
                "mentions": sum(m.entity_id == entity.id for m in article.mentions),
            }
    elif table == "events":
        for event in article.events:
            yield {
                "article_id": article.id,
                "type": event.type,
                "date": event.date.iso() if event.date else None,
                "location": _name(article, event.location),
                "actors": "; ".join(filter(None, (_name(article, a) for a in event.actors))),
                "confidence": round(event.confidence, 3),
                "evidence": event.evidence.text,
            }
    else:
        for figure in article.figures:
            yield {
                "article_id": article.id,
                "kind": figure.kind,
                "value": figure.value,
                "lower_bound": figure.lower_bound,
                "claimed_by": _name(article, figure.claimed_by),
                "evidence": figure.evidence.text,
            }
