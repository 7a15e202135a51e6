"""Build `data/regions.kb` from the hand-made table `sources/regions.tsv`.

    PYTHONPATH=src python -m wirewatch.knowledge.build_regions

The table gives each region's names once (stems per language, the Russian and
Ukrainian names, a Polish adjective); this script writes the phrases news copy
uses around them in each language: "Belgorod Oblast", "Belgorod-regionen",
"Gebiet Belgorod", "oblast de Belgorod", "obwodu biełgorodzkiego" ...
"""

from __future__ import annotations

from pathlib import Path

from wirewatch.knowledge.kbfile import Alias, EntityRecord, format_entity

HERE = Path(__file__).parent
SOURCE = HERE / "sources" / "regions.tsv"
OUTPUT = HERE / "data" / "regions.kb"

# Phrases per language; {} is the region's stem in that language.
_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("{} Oblast", "{} oblast", "{} region", "{} Region", "{} province", "{} Province", "region of {}",
           "{} area"),
    "da": ("{} oblast", "{}-regionen", "regionen {}", "{}-området", "{} provins", "{}-provinsen", "oblasten {}",
           "{}-oblasten", "{}-regionerne"),
    "nb": ("{} fylke", "{} oblast", "{}-regionen", "regionen {}", "{}-området", "{} provins", "{}-provinsen",
           "{}-fylket", "{}-regionene"),
    "nn": ("{} fylke", "{} oblast", "{}-regionen", "{}-området"),
    "sv": ("{} oblast", "{}-regionen", "regionen {}", "{} län", "{}-området", "{} provins", "{}-provinsen"),
    "de": ("Oblast {}", "Gebiet {}", "Region {}", "{}-Region", "Provinz {}", "Gebiets {}", "{}er Gebiet"),
    "nl": ("oblast {}", "regio {}", "provincie {}", "{}-regio"),
    "fr": ("oblast de {}", "région de {}", "province de {}"),
}
_KIND_WORDS = {
    "krai": {"en": ("{} Krai", "{} krai", "{} Territory"), "de": ("Region {}",), "da": ("{} kraj",), "nb": ("{} kraj",)},
    "republic": {"en": ("Republic of {}",), "de": ("Republik {}",)},
    "okrug": {"en": ("{} Autonomous Okrug", "{} okrug"), "de": ("Autonomer Kreis {}",)},
}
_LANGS_OF_STEMS = ("en", "da", "nb", "nn", "sv", "nl", "fr")


def _phrases(kind: str, lang: str, stems: list[str]) -> list[str]:
    if kind in ("macro", "city", "state"):
        return list(stems)
    patterns = _KIND_WORDS.get(kind, {}).get(lang, ()) if kind != "oblast" else ()
    patterns = patterns + (_PHRASES.get(lang, ()) if kind == "oblast" else ("{}-regionen", "Region {}") if lang in
                           ("da", "nb", "sv", "de") else ())
    out = []
    for stem in stems:
        out.extend(p.format(stem) for p in patterns)
    return out


def _polish(adjective: str) -> list[str]:
    if adjective == "-":
        return []
    return [f"obwód {adjective}", f"obwodu {adjective}ego", f"obwodzie {adjective}m", f"obwodem {adjective}m",
            f"obwód {adjective[:1].upper()}{adjective[1:]}",
            # plural nouns of coordinated regions: "w obwodach kurskim i biełgorodzkim"
            f"obwodach {adjective}m", f"obwodów {adjective}ego", f"obwody {adjective}", f"obwodami {adjective}m"]


def _military_administration(names: str, lang: str) -> list[Alias]:
    """A Ukrainian region's military administration, by which news names the region's governor's office:
    "Харківська ОВА", "Харьковская ОВА" (the region, as "the governor of Bryansk" is Bryansk Oblast)."""
    region_word = {"ru": " область", "uk": " область"}[lang]
    out = []
    for name in names.split(";"):
        if name.endswith(region_word):
            adjective = name[: -len(region_word)]
            out.append(Alias(f"{adjective} ОВА", lang, "generated"))
            out.append(Alias(f"{adjective} обласна військова адміністрація" if lang == "uk"
                             else f"{adjective} областная военная администрация", lang, "generated"))
    return out


def records() -> list[EntityRecord]:
    out = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        slug, name, kind, lat, lon, country, capital, stems, de_stems, pl_adj, ru, uk = cells[:12]
        extra = cells[12] if len(cells) > 12 else ""
        record = EntityRecord(f"region:{slug}", name, "LOC", [Alias(name, "en", "curated")], float(lat), float(lon),
                              "region", country, None if capital == "-" else capital, f"country:{country}")
        latin = [s.strip() for s in stems.split(",") if s.strip()]
        for lang in _LANGS_OF_STEMS:
            record.aliases.extend(Alias(p, lang, "generated") for p in _phrases(kind, lang, latin))
        german = [s.strip() for s in de_stems.split(",") if s.strip()]
        record.aliases.extend(Alias(p, "de", "generated") for p in _phrases(kind, "de", german))
        record.aliases.extend(Alias(p, "pl", "generated") for p in _polish(pl_adj))
        record.aliases.extend(Alias(n, "ru", "curated") for n in ru.split(";") if n)
        record.aliases.extend(Alias(n, "uk", "curated") for n in uk.split(";") if n)
        if country == "UA":
            record.aliases.extend(_military_administration(ru, "ru") + _military_administration(uk, "uk"))
        for item in extra.split(";"):
            if ":" in item:
                lang, alias = item.split(":", 1)
                record.aliases.append(Alias(alias.strip(), lang.strip(), "curated"))
        seen: set[str] = set()
        record.aliases = [a for a in record.aliases if not (a.text in seen or seen.add(a.text))]  # type: ignore[func-returns-value]
        out.append(record)
    return out


def main() -> None:
    found = records()
    header = "# Generated by build_regions.py from sources/regions.tsv; edit the table, not this file.\n\n"
    OUTPUT.write_text(header + "\n".join(format_entity(r) for r in found), encoding="utf-8")
    print(f"{OUTPUT}: {len(found)} regions")


if __name__ == "__main__":
    main()
