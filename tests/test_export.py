from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from wirewatch.export import eval_record, export
from wirewatch.model import Article, Entity, Event, Evidence, Figure, Mention, Origin, PartialDate, RawArticle
from wirewatch.store import open_store

TEXT = "Kapustin says his corps entered Belgorod Oblast. Russia says it killed more than 70."


def _article() -> Article:
    raw = RawArticle(id="a1", text=" date 2023-05 " + TEXT, origin=Origin("in.jsonl", 1), url="https://x/y", source="Wire")
    entities = {
        "q-kap": Entity("q-kap", "Denis Kapustin", "PER"),
        "q-bel": Entity("q-bel", "Belgorod Oblast", "LOC", lat=50.7, lon=37.4, precision="region"),
        "q-ru": Entity("q-ru", "Russia", "LOC", lat=61.5, lon=105.3, precision="country"),
        "q-unused": Entity("q-unused", "Nobody", "PER"),
    }
    evidence = Evidence("body", 0, 48, TEXT[:48])
    return Article(
        raw=raw, headline="Raid", body=TEXT, lang="en", published=PartialDate(2023, 5),
        entities=entities,
        mentions=[
            Mention("body", 0, 8, "Kapustin", "PER", "q-kap"),
            Mention("body", 32, 47, "Belgorod Oblast", "LOC", "q-bel"),
            Mention("body", 49, 55, "Russia", "LOC", "q-ru"),
        ],
        events=[Event("incursion", PartialDate(2023, 5, 22), "q-bel", ("q-kap",), evidence, 0.8)],
        figures=[Figure("killed", 70, "q-ru", Evidence("body", 49, 84, TEXT[49:]), lower_bound=True)],
        story="raid",
    )


def test_export_eval_record_has_format_md_shape_with_canonical_names():
    record = eval_record(_article())
    assert record["id"] == "a1" and record["published"] == "2023-05" and record["lang"] == "en"
    assert record["entities"] == [
        {"name": "Denis Kapustin", "type": "PER"},
        {"name": "Belgorod Oblast", "type": "LOC", "lat": 50.7, "lon": 37.4},
        {"name": "Russia", "type": "LOC", "lat": 61.5, "lon": 105.3},
    ]
    assert record["events"] == [
        {"type": "incursion", "date": "2023-05-22", "location": "Belgorod Oblast", "actors": ["Denis Kapustin"]}
    ]
    assert record["figures"] == [{"kind": "killed", "value": 70, "claimed_by": "Russia"}]
    assert record["story"] == "raid"


@pytest.fixture
def store(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    article = _article()
    store.add_raw(article.raw)
    store.save_article(article, 1, None)
    return store


def test_export_jsonl_keeps_raw_text_offsets_and_evidence(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 1
    record = json.loads(out.getvalue())
    assert record["raw_text"].startswith(" date 2023-05")
    mention = record["mentions"][1]
    assert record["body"][mention["start"] : mention["end"]] == "Belgorod Oblast"
    assert record["figures"][0]["lower_bound"] is True
    assert record["events"][0]["evidence"]["text"].startswith("Kapustin says")


def test_export_csv_tables(store):
    for table, expected_rows in (("articles", 1), ("entities", 3), ("events", 1), ("figures", 1)):
        out = io.StringIO()
        assert export(store, "csv", out, table=table) == expected_rows
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert len(rows) == expected_rows
    out = io.StringIO()
    export(store, "csv", out, table="figures")
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["kind"], row["value"], row["claimed_by"]) == ("killed", "70", "Russia")
