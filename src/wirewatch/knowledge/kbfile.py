"""Reading and writing knowledge files (the `.kb` text format; see README.md).

    [org:russian-volunteer-corps] ORG Russian Volunteer Corps
    en: RVC; Russian Volunteer Corps
    ru/curated: Русский добровольческий корпус; РДК
    [+gn:578072]
    da: Belgorod by

A `[id] TYPE Name` header starts an entity (or renames one defined earlier),
`[+id]` adds lines to an entity defined elsewhere. Lines inside a block:
`lang[/source]: alias; alias`, `@ lat lon precision`, `capital: id`,
`within: id`, `country: XX`, `priority: number`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.model import EntityType, PlacePrecision

_HEADER = re.compile(r"^\[(\+?)([^\]\s]+)\](?:\s+(PER|ORG|LOC)\s+(.+))?$")
_ALIASES = re.compile(r"^([a-z*]{1,9})(?:/([a-z0-9_-]+))?:\s*(.*)$")
_PRECISIONS = ("country", "region", "district", "settlement", "feature")


class KnowledgeFileError(ValueError):
    """A knowledge file line that cannot be read; says file and line."""


@dataclass(frozen=True)
class Alias:
    text: str
    lang: str  # ISO 639-1, or "*" for any language
    source: str  # provenance: curated, cldr, geonames, translit, inflection, user


@dataclass
class EntityRecord:
    """One entity as the knowledge files describe it (mutable while files are merged)."""

    id: str
    name: str
    type: EntityType
    aliases: list[Alias] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    country: str | None = None
    capital: str | None = None  # for a region: its capital, which shares its bare name
    within: str | None = None  # the region or country that contains a place
    priority: float = 3.0  # breaks ties between entities sharing a name; places use population


@dataclass(frozen=True)
class Addition:
    """Lines of a `[+id]` block, applied once every file is read."""

    entity_id: str
    aliases: tuple[Alias, ...]
    coordinates: tuple[float, float, PlacePrecision | None] | None = None


def parse(text: str, origin: str, default_source: str = "curated") -> tuple[list[EntityRecord], list[Addition]]:
    records: list[EntityRecord] = []
    additions: list[Addition] = []
    current: EntityRecord | None = None
    extra: list[Alias] = []
    extra_coords: tuple[float, float, PlacePrecision | None] | None = None
    extra_id: str | None = None

    def close_addition() -> None:
        nonlocal extra_id, extra, extra_coords
        if extra_id is not None:
            additions.append(Addition(extra_id, tuple(extra), extra_coords))
        extra_id, extra, extra_coords = None, [], None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{origin}:{number}"
        header = _HEADER.match(line)
        if header:
            close_addition()
            plus, entity_id, type_, name = header.groups()
            if plus:
                current, extra_id = None, entity_id
            elif type_ is None:
                raise KnowledgeFileError(f"{where}: header needs a type and a name: {line!r}")
            else:
                current = EntityRecord(entity_id, name.strip(), type_)  # type: ignore[arg-type]
                records.append(current)
            continue
        if current is None and extra_id is None:
            raise KnowledgeFileError(f"{where}: line outside an entity block: {line!r}")
        if line.startswith("@"):
            parts = line[1:].split()
            try:
                lat, lon = float(parts[0]), float(parts[1])
            except (IndexError, ValueError):
                raise KnowledgeFileError(f"{where}: expected '@ lat lon [precision]': {line!r}") from None
            precision = parts[2] if len(parts) > 2 else None
            if precision is not None and precision not in _PRECISIONS:
                raise KnowledgeFileError(f"{where}: unknown precision {precision!r}")
            if current is not None:
                current.lat, current.lon, current.precision = lat, lon, precision  # type: ignore[assignment]
            else:
                extra_coords = (lat, lon, precision)  # type: ignore[assignment]
            continue
        key, _, value = line.partition(":")
        if current is not None and key in ("capital", "within", "country", "priority"):
            value = value.strip()
            if key == "priority":
                current.priority = float(value)
            else:
                setattr(current, key, value)
            continue
        aliases = _ALIASES.match(line)
        if not aliases:
            raise KnowledgeFileError(f"{where}: expected 'lang: alias; alias': {line!r}")
        lang, source, names = aliases.groups()
        found = [Alias(n.strip(), lang, source or default_source) for n in names.split(";") if n.strip()]
        (current.aliases if current is not None else extra).extend(found)
    close_addition()
    return records, additions


def read(path: Path, default_source: str = "curated") -> tuple[list[EntityRecord], list[Addition]]:
    return parse(path.read_text(encoding="utf-8"), str(path), default_source)


def format_entity(record: EntityRecord) -> str:
    lines = [f"[{record.id}] {record.type} {record.name}"]
    if record.lat is not None and record.lon is not None:
        lines.append(f"@ {record.lat} {record.lon}" + (f" {record.precision}" if record.precision else ""))
    for key in ("country", "capital", "within"):
        if getattr(record, key):
            lines.append(f"{key}: {getattr(record, key)}")
    lines.extend(_alias_lines(record.aliases))
    return "\n".join(lines) + "\n"


def format_addition(entity_id: str, aliases: list[Alias]) -> str:
    return "\n".join([f"[+{entity_id}]", *_alias_lines(aliases)]) + "\n"


def _alias_lines(aliases: list[Alias]) -> list[str]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for alias in aliases:
        if ";" in alias.text or "\n" in alias.text:
            raise KnowledgeFileError(f"an alias cannot hold ';' or a line break: {alias.text!r}")
        grouped.setdefault((alias.lang, alias.source), []).append(alias.text)
    return [f"{lang}/{source}: " + "; ".join(names) for (lang, source), names in grouped.items()]
