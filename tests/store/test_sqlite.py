from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.model import Article, Entity, Mention, Origin, PartialDate, RawArticle, Reject
from wirewatch.store import open_store
from wirewatch.store.sqlite import MIGRATIONS


def _raw(article_id: str, text: str) -> RawArticle:
    return RawArticle(id=article_id, text=text, origin=Origin("in.jsonl", 1), source="Wire")


def test_sqlite_new_store_is_at_latest_schema(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    assert store.schema_version == len(MIGRATIONS)


def test_sqlite_refuses_a_newer_schema(tmp_path: Path):
    open_store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer than this wirewatch knows"):
        open_store(tmp_path / "s.db")


def test_sqlite_refuses_a_file_that_is_not_a_store(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a wirewatch store"):
        open_store(path)


def test_sqlite_same_article_twice_is_known_and_same_text_new_id_is_a_copy(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    assert store.add_raw(_raw("a", "same text")) == "new"
    assert store.add_raw(_raw("a", "same text")) == "known"
    assert store.add_raw(_raw("b", "same text")) == "copy"
    assert store.raw("b").duplicate_of == "a"
    assert store.article_count() == 2


def test_sqlite_same_id_other_text_is_refused(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    store.add_raw(_raw("a", "one text"))
    with pytest.raises(StoreError, match="already stored with a different text"):
        store.add_raw(_raw("a", "another text"))


def test_sqlite_keeps_raw_text_untouched_beside_the_analysis(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    raw = _raw("a", " date 2023-05 Menu\nKyiv said on Monday ...")
    store.add_raw(raw)
    entity = Entity(id="kyiv", name="Kyiv", type="LOC", lat=50.45, lon=30.52, precision="settlement")
    article = Article(
        raw=raw, headline=None, body="Kyiv said on Monday ...", lang="en", published=PartialDate(2023, 5),
        entities={"kyiv": entity}, mentions=[Mention("body", 0, 4, "Kyiv", "LOC", "kyiv")],
    )
    store.save_article(article, 1, None)
    again = store.article("a")
    assert again.raw.text == raw.text
    assert again == article
    assert store.entity("kyiv") == entity
    assert store.entity_articles("kyiv") == ["a"]
    assert store.pending_ids(1) == [] and store.pending_ids(2) == ["a"]


def test_sqlite_search_finds_words_in_body(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    for article_id, body in (("a", "Shelling in Kherson killed two"), ("b", "Floods in Bavaria")):
        raw = _raw(article_id, body)
        store.add_raw(raw)
        store.save_article(Article(raw=raw, body=body), 1, None)
    hits = store.search("Kherson")
    assert [h[0] for h in hits] == ["a"] and "[Kherson]" in hits[0][1]
    with pytest.raises(StoreError, match="bad search query"):
        store.search('"unbalanced')


def test_sqlite_rejects_are_recorded_once(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    reject = Reject(Origin("in.jsonl", 3), "not valid JSON", excerpt="{oops")
    assert store.add_reject(reject) is True
    assert store.add_reject(reject) is False
    assert store.rejects() == [reject]


def test_sqlite_transaction_rolls_back_on_error(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_raw(_raw("a", "text"))
            raise RuntimeError("interrupted")
    assert store.article_count() == 0
