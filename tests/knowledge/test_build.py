"""The generated knowledge files match their sources, and GeoNames names become English titles."""

from __future__ import annotations

from wirewatch.knowledge import build_regions
from wirewatch.knowledge.build_places import canonical_name
from wirewatch.knowledge.kbfile import format_entity


def test_build_regions_file_is_up_to_date():
    expected = "\n".join(format_entity(r) for r in build_regions.records())
    assert build_regions.OUTPUT.read_text(encoding="utf-8").endswith(expected)


def test_build_places_ukrainian_places_take_the_national_romanisation():
    city = {"name": "Mykolayiv", "countrycode": "UA", "alternatenames": ["Nikolaev", "Николаев", "Миколаїв"]}
    assert canonical_name(city) == "Mykolaiv"
    city = {"name": "Zaporizhzhya", "countrycode": "UA", "alternatenames": ["Запоріжжя", "Запорожье"]}
    assert canonical_name(city) == "Zaporizhzhia"


def test_build_places_russian_places_lose_the_diacritics():
    city = {"name": "Tëtkino", "countrycode": "RU", "alternatenames": ["Tetkino", "Tyotkino", "Тёткино"]}
    assert canonical_name(city) == "Tyotkino"
    assert canonical_name({"name": "Ryl’sk", "countrycode": "RU", "alternatenames": []}) == "Rylsk"


def test_build_regions_ukrainian_regions_are_named_by_their_military_administration():
    kharkiv = next(r for r in build_regions.records() if r.id == "region:kharkiv-oblast")
    names = {a.text for a in kharkiv.aliases}
    assert {"Харківська ОВА", "Харьковская ОВА"} <= names
    zaporizhzhia = next(r for r in build_regions.records() if r.id == "region:zaporizhzhia-oblast")
    assert "Запоріжжя" not in {a.text for a in zaporizhzhia.aliases}  # the city's name, not the region's
