"""The store: one interface, one implementation per database.

Everything ingested is kept: the raw article untouched beside what the
stages derived, so any stage can be re-run later. `SQLiteStore` (embedded,
the default) implements `Store`; a server database fits the same protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from wirewatch.model import Article, Entity, PartialDate, RawArticle, Reject, Story

AddResult = Literal["new", "known", "copy"]


@dataclass(frozen=True)
class StoredRaw:
    raw: RawArticle
    duplicate_of: str | None


@dataclass(frozen=True)
class StoreStats:
    articles: int
    analysed: int
    duplicates: int
    rejects: int
    stories: int
    by_language: dict[str, int]
    by_source: dict[str, int]
    by_day: dict[str, int]
    reject_reasons: dict[str, int]


@dataclass(frozen=True)
class StoryLogRecord:
    seq: int
    at: str
    action: str
    detail: dict


class Store(Protocol):
    """What every backend offers. Writes inside `transaction()` commit together."""

    def transaction(self) -> object: ...
    def close(self) -> None: ...

    # ingest
    def add_raw(self, raw: RawArticle) -> AddResult: ...
    def add_reject(self, reject: Reject) -> bool: ...
    def pending_ids(self, analysis_version: int) -> list[str]: ...
    def unstoried_ids(self) -> list[str]: ...
    def raw(self, article_id: str) -> StoredRaw: ...
    def save_article(self, article: Article, analysis_version: int, fingerprint: bytes | None) -> None: ...
    def fingerprints(self) -> Iterator[tuple[str, bytes]]: ...

    # read
    def article(self, article_id: str) -> Article: ...
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...
    def article_count(self) -> int: ...
    def rejects(self) -> list[Reject]: ...
    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]: ...
    def entity(self, entity_id: str) -> Entity | None: ...
    def entity_articles(self, entity_id: str) -> list[str]: ...
    def inferred_dates(self, article_id: str) -> tuple[PartialDate | None, PartialDate | None]: ...
    def stats(self) -> StoreStats: ...

    # stories
    def get_state(self, key: str) -> bytes | None: ...
    def put_state(self, key: str, value: bytes) -> None: ...
    def save_stories(self, stories: Iterable[Story], assignments: dict[str, str]) -> None: ...
    def log_story_changes(self, entries: Iterable[tuple[str, dict]]) -> None: ...
    def stories(self) -> list[Story]: ...
    def story(self, story_id: str) -> Story | None: ...
    def story_log(self) -> list[StoryLogRecord]: ...
    def set_inferred_dates(self, spans: dict[str, tuple[PartialDate | None, PartialDate | None]]) -> None: ...


def open_store(location: str | Path) -> Store:
    """Open (creating if needed) the store at `location`: a SQLite file path."""
    from wirewatch.store.sqlite import SQLiteStore

    return SQLiteStore(Path(location))
