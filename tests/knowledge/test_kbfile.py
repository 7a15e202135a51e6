"""The knowledge file format: read, write, and errors that say where."""

from __future__ import annotations

import pytest

from wirewatch.knowledge.kbfile import Alias, EntityRecord, KnowledgeFileError, format_entity, parse

SAMPLE = """
# a comment
[org:test-brigade] ORG Test Brigade
en: Test Brigade; TB
ru/translit: Тестовая бригада
[loc:testovka] LOC Testovka
@ 50.5 36.1 settlement
within: region:belgorod-oblast
*: Testovka
[+country:RU]
da: Testland
"""


def test_kbfile_reads_entities_and_additions():
    records, additions = parse(SAMPLE, "sample.kb")
    brigade, village = records
    assert brigade.aliases == [Alias("Test Brigade", "en", "curated"), Alias("TB", "en", "curated"),
                               Alias("Тестовая бригада", "ru", "translit")]
    assert (village.lat, village.lon, village.precision, village.within) == (50.5, 36.1, "settlement",
                                                                             "region:belgorod-oblast")
    assert additions[0].entity_id == "country:RU" and additions[0].aliases == (Alias("Testland", "da", "curated"),)


def test_kbfile_written_entity_reads_back_the_same():
    record = EntityRecord("per:x", "Ivan Testov", "PER", [Alias("Testov", "*", "user"), Alias("Тестов", "ru", "user")],
                          50.0, 30.0, "settlement")
    (back,), _ = parse(format_entity(record), "roundtrip.kb")
    assert back == record


@pytest.mark.parametrize("bad", ["en: outside a block", "[org:x] ORG Name\n@ north east", "[org:x]\nen: a"])
def test_kbfile_errors_name_the_line(bad):
    with pytest.raises(KnowledgeFileError, match=r"bad\.kb:\d"):
        parse(bad, "bad.kb")
