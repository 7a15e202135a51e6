"""Adding entities and aliases to a user knowledge file (what the CLI's `kb add` commands call)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from wirewatch.knowledge import kbfile
from wirewatch.knowledge.kbfile import Alias, EntityRecord, KnowledgeFileError
from wirewatch.model import EntityType, PlacePrecision

_TYPES = ("PER", "ORG", "LOC")


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", "-", plain).strip("-")


def add_entity(
    path: Path,
    name: str,
    type: EntityType,
    aliases: list[tuple[str, str]] = (),  # type: ignore[assignment]  # (alias, lang)
    lat: float | None = None,
    lon: float | None = None,
    precision: PlacePrecision | None = None,
    entity_id: str | None = None,
) -> str:
    """Append a new entity to the user knowledge file (created if missing); returns its id.

    The id defaults to "user:<type>:<slug of name>". Ids already in the file are refused.
    """
    if type not in _TYPES:
        raise KnowledgeFileError(f"type must be one of {_TYPES}, not {type!r}")
    if not name.strip() or "\n" in name:
        raise KnowledgeFileError(f"not a usable name: {name!r}")
    if (lat is None) != (lon is None):
        raise KnowledgeFileError("give both lat and lon, or neither")
    entity_id = entity_id or f"user:{type.lower()}:{slug(name)}"
    if entity_id in _ids_in(path):
        raise KnowledgeFileError(f"{path}: {entity_id} is already defined")
    record = EntityRecord(entity_id, name.strip(), type, [Alias(name.strip(), "*", "user")], lat, lon, precision)
    record.aliases.extend(Alias(text.strip(), lang, "user") for text, lang in aliases if text.strip())
    _append(path, kbfile.format_entity(record))
    return entity_id


def add_alias(path: Path, entity_id: str, alias: str, lang: str = "*", source: str = "user") -> None:
    """Append an alias for any entity (built-in or user-defined) to the user knowledge file."""
    if not alias.strip():
        raise KnowledgeFileError("empty alias")
    _append(path, kbfile.format_addition(entity_id, [Alias(alias.strip(), lang, source)]))


def _ids_in(path: Path) -> set[str]:
    if not path.exists():
        return set()
    records, _ = kbfile.read(path, "user")
    return {r.id for r in records}


def _append(path: Path, block: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not existing or existing.endswith("\n") else "\n"
    with open(path, "a", encoding="utf-8") as f:
        f.write(separator + block)
