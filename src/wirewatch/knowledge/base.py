"""The knowledge base: curated entities, CLDR country names and the GeoNames gazetteer, indexed by name key."""

from __future__ import annotations

import csv
import gc
import math
from dataclasses import dataclass
from pathlib import Path

import msgspec

from wirewatch.knowledge import kbfile
from wirewatch.knowledge.kbfile import Alias, EntityRecord
from wirewatch.knowledge.spelling import exact_key, is_cyrillic, loose_key, romanisations, tokens

DATA = Path(__file__).parent / "data"
COUNTRIES = DATA / "countries-cldr.tsv"
PLACES = DATA / "places.msgpack"
_CLDR_LANGS = ("en", "da", "nb", "nn", "sv", "de", "nl", "fr", "pl", "ru", "uk")

# Case endings of Russian, Ukrainian and Polish place names, generated as aliases
# because short stems ("Rosj-") are too risky to match loosely.
_CASE_FORMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ru": (("ия", ("ии", "ию", "ией")), ("ья", ("ьи", "ью", "ьей")), ("а", ("ы", "е", "у", "ой")),
           ("я", ("и", "е", "ю", "ей")), ("", ("а", "у", "ом", "е"))),
    "uk": (("ія", ("ії", "ію", "ією")), ("а", ("и", "і", "у", "ою")), ("я", ("і", "ю", "ею")),
           ("", ("у", "і", "ом", "а"))),
    "pl": (("ja", ("ji", "ję", "ją")), ("ia", ("ii", "ię", "ią")), ("ka", ("ki", "ce", "kę", "ką")),
           ("a", ("y", "ie", "ę", "ą")), ("", ("u", "ie", "em"))),
}
_VOWELS = set("aeiouyąęóаеиоуыэюяіїє")
_DEFAULT_PRIORITY = EntityRecord("", "", "LOC").priority


@dataclass(frozen=True)
class Hit:
    """An entity a name key points to."""

    entity_id: str
    upper_only: bool = False  # the alias is an acronym: the text must be in capitals too
    lower_start: bool = False  # the alias begins in lower case ("russische Armee")
    lang: str = "*"  # the alias's language


class KnowledgeBase:
    """Everything the entity stage can link to. Build with `load_knowledge_base`."""

    def __init__(self, records: dict[str, EntityRecord], places: dict) -> None:
        self.records = records
        self._place_rows: list[list] = places.get("entities", [])
        self._place_exact: dict[str, list[int]] = places.get("exact", {})
        self._place_loose: dict[str, list[int]] = places.get("loose", {})
        self._place_index = {row[0]: i for i, row in enumerate(self._place_rows)}
        self._country_points: dict[str, list[float]] = places.get("countries", {})
        self._exact: dict[str, list[Hit]] = {}
        self._loose: dict[str, list[Hit]] = {}
        self._exact_cache: dict[str, list[Hit]] = {}
        self._loose_cache: dict[str, list[Hit]] = {}
        self.lowercase_starts: set[str] = set()  # first words of aliases written in lower case
        self.comma_names: set[str] = set()  # exact keys of names written with a comma ("Washington, D.C.")
        self.longest = 1
        self.region_of: dict[tuple[str, str], str] = {}  # (country, GeoNames admin1) -> region id
        self.region_of_capital: dict[str, str] = {}  # capital settlement id -> region id
        self.common_words: frozenset[str] = frozenset(places.get("common", ()))
        self.country_stems: frozenset[str] = frozenset()  # loose keys of one-word country names
        self.compound_heads: frozenset[str] = frozenset()
        # The most words a name starting with a given word has, by exact and by loose key of that word:
        # the matcher tries no longer n-grams, and skips words that start no name at all.
        self.first_exact: dict[str, int] = {}
        self.first_loose: dict[str, int] = {}

    def finish(self) -> None:
        """Index every alias; call once all records and additions are in."""
        for record in self.records.values():
            if not any(a.text == record.name for a in record.aliases):
                record.aliases.insert(0, Alias(record.name, "en", "curated"))
            record.aliases.extend(_district_forms(record))
            record.aliases.extend(_case_forms(record))
            record.aliases.extend(_romanised(record))
            if record.precision == "country" and record.lat is None and record.country in self._country_points:
                record.lat, record.lon = self._country_points[record.country]
            self._index(record)
        self._link_capitals()
        self.country_stems = frozenset(
            key for record in self.records.values() if record.precision == "country"
            for alias in record.aliases if " " not in alias.text
            for key in [loose_key([alias.text])] if key and len(key) >= 4)
        # First four letters of the one-word names a compound may start with ("Kreml|chef"): the matcher
        # looks into a long word only when its start is one of these.
        self.compound_heads = frozenset(
            [key[:4] for key in self._exact if " " not in key and len(key) >= 4]
            + [key[:4] for key, rows in self._place_exact.items()
               if " " not in key and len(key) >= 4 and any(self._place_rows[i][6] >= 100_000 for i in rows)])
        for keys, first in ((self._exact, self.first_exact), (self._place_exact, self.first_exact),
                            (self._loose, self.first_loose), (self._place_loose, self.first_loose)):
            for key in keys:
                head, _, rest = key.partition(" ")
                size = rest.count(" ") + 2 if rest else 1
                if first.get(head, 0) < size:
                    first[head] = size

    # -- lookups -----------------------------------------------------------------------------

    def exact(self, key: str) -> list[Hit]:
        return self._hits(key, self._exact, self._place_exact, self._exact_cache)

    def loose(self, key: str) -> list[Hit]:
        return self._hits(key, self._loose, self._place_loose, self._loose_cache)

    def _hits(self, key: str, curated: dict, places: dict, cache: dict[str, list[Hit]]) -> list[Hit]:
        found = cache.get(key)
        if found is None:
            found = list(curated.get(key, ()))
            found.extend(Hit(self._place_rows[i][0]) for i in places.get(key, ()))
            if len(cache) > 100_000:
                cache.clear()
            cache[key] = found
        return found

    def record(self, entity_id: str) -> EntityRecord | None:
        found = self.records.get(entity_id)
        if found is not None:
            return found
        row_index = self._place_index.get(entity_id)
        if row_index is None:
            return None
        gid, name, lat, lon, country, admin1, population, names = self._place_rows[row_index]
        record = EntityRecord(
            gid, name, "LOC", [Alias(n, "*", "geonames") for n in names], lat, lon, "settlement", country,
            within=self.region_of.get((country, admin1)) or f"country:{country}",
            priority=1.0 + math.log10(max(population, 10)) / 4,
        )
        self.records[gid] = record
        return record

    def population(self, entity_id: str) -> int:
        row_index = self._place_index.get(entity_id)
        return self._place_rows[row_index][6] if row_index is not None else 0

    # -- building ----------------------------------------------------------------------------

    def _index(self, record: EntityRecord) -> None:
        for alias in record.aliases:
            words = [t for _, _, t in tokens(alias.text)]
            if not words:
                continue
            self.longest = max(self.longest, len(words))
            if alias.source in ("cldr", "geonames") and len(words) == 1 and exact_key(words) in self.common_words:
                continue  # Norwegian CLDR calls the Isle of Man "Man"
            letters = [c for c in alias.text if c.isalpha()]
            upper_only = len(letters) <= 5 and all(c.isupper() for c in letters)
            hit = Hit(record.id, upper_only, alias.text[:1].islower(), alias.lang)
            key = exact_key(words)
            bucket = self._exact.setdefault(key, [])
            if hit not in bucket:
                bucket.append(hit)
            if alias.text[:1].islower():
                self.lowercase_starts.add(exact_key(words[:1]))
            if "," in alias.text:
                self.comma_names.add(key)
            lk = loose_key(words)
            if lk and not upper_only:
                bucket = self._loose.setdefault(lk, [])
                if hit not in bucket:
                    bucket.append(hit)

    def _link_capitals(self) -> None:
        for record in list(self.records.values()):
            if not record.capital:
                continue
            capital = self.record(record.capital) if record.capital.startswith("gn:") else None
            if capital is None:
                capital = self._biggest_place(record.capital, record.country)
            if capital is None:
                continue
            record.capital = capital.id
            self.region_of_capital[capital.id] = record.id
            row = self._place_rows[self._place_index[capital.id]]
            self.region_of[(row[4], row[5])] = record.id
            if record.id in self.records and capital.within and capital.within.startswith("country:"):
                capital.within = record.id

    def _biggest_place(self, name: str, country: str | None) -> EntityRecord | None:
        key = exact_key([t for _, _, t in tokens(name)])
        rows = [self._place_rows[i] for i in self._place_exact.get(key, ())]
        rows = [r for r in rows if country is None or r[4] == country]
        if not rows:
            return None
        return self.record(max(rows, key=lambda r: r[6])[0])


def load_knowledge_base(user_files: list[Path] | None = None) -> KnowledgeBase:
    """The built-in knowledge (package data) plus the user's knowledge files, later files winning."""
    was_enabled = gc.isenabled()
    gc.disable()  # decoding builds ~10^6 small objects; collection passes would triple the time
    try:
        records: dict[str, EntityRecord] = {r.id: r for r in _countries()}
        additions: list[kbfile.Addition] = []
        files = sorted(DATA.glob("*.kb"))
        for path, source in [(p, "curated") for p in files] + [(p, "user") for p in user_files or []]:
            found, extra = kbfile.read(path, source)
            for record in found:
                _merge(records, record)
            additions.extend(extra)
        places = msgspec.msgpack.decode(PLACES.read_bytes()) if PLACES.exists() else {}
        base = KnowledgeBase(records, places)
        for record_id in [i for i in records if i in base._place_index]:
            # A curated header for a GeoNames place renames it and adds aliases.
            override = records.pop(record_id)
            place = base.record(record_id)
            if place is not None:
                place.name = override.name
                place.aliases.extend(override.aliases)
                place.priority += 0.5  # a place curated by name is the one the news means by it
                if override.priority != _DEFAULT_PRIORITY:  # GeoNames lacks some towns' population
                    place.priority = override.priority
        for addition in additions:
            target = base.record(addition.entity_id)
            if target is None:
                continue
            target.aliases.extend(addition.aliases)
            if addition.coordinates:
                target.lat, target.lon, target.precision = addition.coordinates
        base.finish()
        return base
    finally:
        # The knowledge base lives as long as the process: keep the collector from walking its
        # million objects on every full collection (that made the stage three times slower).
        gc.freeze()
        if was_enabled:
            gc.enable()


def _merge(records: dict[str, EntityRecord], record: EntityRecord) -> None:
    old = records.get(record.id)
    if old is None:
        records[record.id] = record
        return
    old.name, old.type = record.name, record.type
    old.aliases.extend(record.aliases)
    for key in ("lat", "lon", "precision", "country", "capital", "within"):
        if getattr(record, key) is not None:
            setattr(old, key, getattr(record, key))
    old.priority = record.priority


def _countries() -> list[EntityRecord]:
    out = []
    with open(COUNTRIES, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["iso3166_alpha2"]
            aliases = [Alias(row[lang], lang, "cldr") for lang in _CLDR_LANGS]
            out.append(EntityRecord(f"country:{code}", row["en"], "LOC", aliases, precision="country",
                                    country=code, priority=4.0))
    return out


def _romanised(record: EntityRecord) -> list[Alias]:
    """People's Cyrillic names as English, Danish/Norwegian, German, Polish, French and scholarly
    romanisations write them."""
    if record.type != "PER":
        return []
    out: list[Alias] = []
    for alias in record.aliases:
        if alias.source == "translit" or not is_cyrillic(alias.text):
            continue
        out.extend(Alias(text, "*", "translit") for text in set(romanisations(alias.text).values()))
    return out


# A Russian district ("район") became a municipal or urban "округ" in most border regions; news uses both.
_DISTRICT_WORDS = {"ru": ("район", ("округ", "муниципальный округ", "городской округ")),
                   "uk": ("район", ("округ", "громада"))}


def _district_forms(record: EntityRecord) -> list[Alias]:
    """Other names of a district: "Грайворонский район" is also "Грайворонский (городской) округ"."""
    if record.precision != "district":
        return []
    out: list[Alias] = []
    for alias in record.aliases:
        word, others = _DISTRICT_WORDS.get(alias.lang, ("", ()))
        if word and alias.text.endswith(" " + word):
            stem = alias.text[: -len(word)]
            out.extend(Alias(stem + other, alias.lang, "generated") for other in others)
    return out


def _case_forms(record: EntityRecord) -> list[Alias]:
    """Inflected forms of one-word Russian, Ukrainian and Polish place names."""
    if record.type != "LOC":
        return []
    out: list[Alias] = []
    for alias in record.aliases:
        rules = _CASE_FORMS.get(alias.lang)
        if not rules or " " in alias.text or alias.source == "inflection" or len(alias.text) < 4:
            continue
        for ending, forms in rules:
            if alias.text.endswith(ending) and (ending or alias.text[-1].lower() not in _VOWELS):
                stem = alias.text[: len(alias.text) - len(ending)]
                out.extend(Alias(stem + form, alias.lang, "inflection") for form in forms)
                break
    return out
