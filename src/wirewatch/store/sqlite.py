"""The embedded store: one SQLite file, WAL mode, FTS5 search, versioned schema."""

from __future__ import annotations

import contextlib
import datetime
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirewatch.errors import StoreError
from wirewatch.model import (
    Article,
    Entity,
    Event,
    Figure,
    Mention,
    PartialDate,
    RawArticle,
    Reject,
    Story,
    from_builtins,
    to_builtins,
)
from wirewatch.store import AddResult, StoredRaw, StoreStats, StoryLogRecord

# Each entry moves the schema one version up; never edit a released one, append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        raw TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        duplicate_of TEXT,
        analysis_version INTEGER,
        headline TEXT,
        body TEXT,
        lang TEXT,
        published TEXT,
        source TEXT,
        story_id TEXT,
        inferred_start TEXT,
        inferred_end TEXT,
        analysis TEXT
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_pending ON articles(analysis_version);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, headline, body);
    CREATE TABLE fingerprints (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL);
    CREATE TABLE rejects (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        rejected_at TEXT NOT NULL,
        UNIQUE (origin, reason)
    );
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE stories (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE story_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
    CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    """,
]

_EXCERPT_CHARS = 100_000


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: not a wirewatch store ({e})") from e
        self._depth = 0

    # -- schema -------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this wirewatch knows "
                f"({len(MIGRATIONS)}); upgrade wirewatch"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits on its own, so the version bump rides in the same script.
            self._db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._db.close()

    # -- ingest -------------------------------------------------------------

    def add_raw(self, raw: RawArticle) -> AddResult:
        digest = raw.content_hash
        row = self._db.execute("SELECT content_hash FROM articles WHERE id = ?", (raw.id,)).fetchone()
        if row:
            if row[0] == digest:
                return "known"
            raise StoreError(f"{raw.origin}: id {raw.id!r} is already stored with a different text")
        same = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1", (digest,)
        ).fetchone()
        self._db.execute(
            "INSERT INTO articles (id, content_hash, raw, ingested_at, duplicate_of, source) VALUES (?,?,?,?,?,?)",
            (raw.id, digest, _dumps(raw), _now(), same[0] if same else None, raw.source),
        )
        return "copy" if same else "new"

    def add_reject(self, reject: Reject) -> bool:
        cur = self._db.execute(
            "INSERT OR IGNORE INTO rejects (origin, reason, excerpt, rejected_at) VALUES (?,?,?,?)",
            (str(reject.origin), reject.reason, reject.excerpt[:_EXCERPT_CHARS], _now()),
        )
        return cur.rowcount > 0

    def pending_ids(self, analysis_version: int) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE analysis_version IS NULL OR analysis_version < ? ORDER BY seq",
            (analysis_version,),
        )
        return [r[0] for r in rows]

    def unstoried_ids(self) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE story_id IS NULL AND analysis_version IS NOT NULL ORDER BY seq"
        )
        return [r[0] for r in rows]

    def raw(self, article_id: str) -> StoredRaw:
        row = self._db.execute("SELECT raw, duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        return StoredRaw(from_builtins(json.loads(row[0]), RawArticle), row[1])

    def save_article(self, article: Article, analysis_version: int, fingerprint: bytes | None) -> None:
        analysis = {
            "entities": to_builtins(list(article.entities.values())),
            "mentions": to_builtins(article.mentions),
            "events": to_builtins(article.events),
            "figures": to_builtins(article.figures),
        }
        with self.transaction():
            self._db.execute(
                "UPDATE articles SET analysis_version=?, headline=?, body=?, lang=?, published=?, "
                "duplicate_of=?, analysis=? WHERE id=?",
                (
                    analysis_version,
                    article.headline,
                    article.body,
                    article.lang,
                    article.published.iso() if article.published else None,
                    article.duplicate_of,
                    _dumps(analysis),
                    article.id,
                ),
            )
            self._db.execute("DELETE FROM article_search WHERE article_id = ?", (article.id,))
            self._db.execute(
                "INSERT INTO article_search (article_id, headline, body) VALUES (?,?,?)",
                (article.id, article.headline or "", article.body),
            )
            self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
            self._db.executemany(
                "INSERT INTO mentions (article_id, entity_id, field, start, end, text) VALUES (?,?,?,?,?,?)",
                [(article.id, m.entity_id, m.field, m.start, m.end, m.text) for m in article.mentions],
            )
            self._db.executemany(
                "INSERT INTO entities (id, name, type, data) VALUES (?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET name=excluded.name, type=excluded.type, data=excluded.data",
                [(e.id, e.name, e.type, _dumps(e)) for e in article.entities.values()],
            )
            if fingerprint is not None:
                self._db.execute(
                    "INSERT OR REPLACE INTO fingerprints (article_id, signature) VALUES (?,?)",
                    (article.id, fingerprint),
                )

    def fingerprints(self) -> Iterator[tuple[str, bytes]]:
        rows = self._db.execute(
            "SELECT f.article_id, f.signature FROM fingerprints f JOIN articles a ON a.id = f.article_id "
            "ORDER BY a.seq"
        )
        yield from rows

    # -- read ---------------------------------------------------------------

    _ARTICLE_COLUMNS = "raw, duplicate_of, headline, body, lang, published, story_id, analysis"

    def _article(self, row: tuple) -> Article:
        raw, duplicate_of, headline, body, lang, published, story_id, analysis = row
        data = json.loads(analysis) if analysis else {}
        entities = from_builtins(data.get("entities", []), list[Entity])
        return Article(
            raw=from_builtins(json.loads(raw), RawArticle),
            headline=headline,
            body=body or "",
            lang=lang,
            published=PartialDate.parse(published) if published else None,
            duplicate_of=duplicate_of,
            entities={e.id: e for e in entities},
            mentions=from_builtins(data.get("mentions", []), list[Mention]),
            events=from_builtins(data.get("events", []), list[Event]),
            figures=from_builtins(data.get("figures", []), list[Figure]),
            story=story_id,
        )

    def article(self, article_id: str) -> Article:
        row = self._db.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        return self._article(row)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            for row in self._db.execute(f"SELECT {self._ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
                yield self._article(row)
            return
        for article_id in ids:
            yield self.article(article_id)

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def inferred_dates(self, article_id: str) -> tuple[PartialDate | None, PartialDate | None]:
        row = self._db.execute(
            "SELECT inferred_start, inferred_end FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        return tuple(PartialDate.parse(v) if v else None for v in row)  # type: ignore[return-value]

    def rejects(self) -> list[Reject]:
        rows = self._db.execute("SELECT origin, reason, excerpt FROM rejects ORDER BY seq")
        return [Reject(origin=_origin(o), reason=r, excerpt=x) for o, r, x in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(article id, highlighted snippet) for a full-text query, best first."""
        try:
            rows = self._db.execute(
                "SELECT article_id, snippet(article_search, 2, '[', ']', ' … ', 12) FROM article_search "
                "WHERE article_search MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            )
            return [(r[0], r[1]) for r in rows]
        except sqlite3.OperationalError as e:
            raise StoreError(f"bad search query {query!r}: {e}") from e

    def entity(self, entity_id: str) -> Entity | None:
        row = self._db.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return from_builtins(json.loads(row[0]), Entity) if row else None

    def entity_articles(self, entity_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? ORDER BY a.seq",
            (entity_id,),
        )
        return [r[0] for r in rows]

    def stats(self) -> StoreStats:
        q = self._db.execute
        by_day: Counter[str] = Counter()
        for (published,) in q("SELECT published FROM articles WHERE published IS NOT NULL"):
            by_day[published] += 1
        return StoreStats(
            articles=q("SELECT count(*) FROM articles").fetchone()[0],
            analysed=q("SELECT count(*) FROM articles WHERE analysis_version IS NOT NULL").fetchone()[0],
            duplicates=q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            rejects=q("SELECT count(*) FROM rejects").fetchone()[0],
            stories=q("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL").fetchone()[0],
            by_language=dict(q("SELECT coalesce(lang, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")),
            by_source=dict(q("SELECT coalesce(source, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")),
            by_day=dict(sorted(by_day.items())),
            reject_reasons=dict(q("SELECT reason, count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC")),
        )

    # -- stories ------------------------------------------------------------

    def get_state(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def put_state(self, key: str, value: bytes) -> None:
        self._db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?,?)", (key, value))

    def save_stories(self, stories: Iterable[Story], assignments: dict[str, str]) -> None:
        with self.transaction():
            for story in stories:
                self._db.execute(
                    "INSERT OR REPLACE INTO stories (id, data, updated_at) VALUES (?,?,?)",
                    (story.id, _dumps(story), _now()),
                )
            self._db.executemany(
                "UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in assignments.items()]
            )
            # A story that lost all its articles to a merge is gone from the list, not from the log.
            self._db.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM articles "
                             "WHERE story_id IS NOT NULL)")

    def log_story_changes(self, entries: Iterable[tuple[str, dict]]) -> None:
        self._db.executemany(
            "INSERT INTO story_log (at, action, detail) VALUES (?,?,?)",
            [(_now(), action, _dumps(detail)) for action, detail in entries],
        )

    def stories(self) -> list[Story]:
        rows = self._db.execute("SELECT data FROM stories ORDER BY id")
        return [from_builtins(json.loads(r[0]), Story) for r in rows]

    def story(self, story_id: str) -> Story | None:
        row = self._db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return from_builtins(json.loads(row[0]), Story) if row else None

    def story_log(self) -> list[StoryLogRecord]:
        rows = self._db.execute("SELECT seq, at, action, detail FROM story_log ORDER BY seq")
        return [StoryLogRecord(s, at, a, json.loads(d)) for s, at, a, d in rows]

    def set_inferred_dates(self, spans: dict[str, tuple[PartialDate | None, PartialDate | None]]) -> None:
        self._db.executemany(
            "UPDATE articles SET inferred_start = ?, inferred_end = ? WHERE id = ?",
            [
                (start.iso() if start else None, end.iso() if end else None, article_id)
                for article_id, (start, end) in spans.items()
            ],
        )


def _dumps(obj: object) -> str:
    return json.dumps(to_builtins(obj), ensure_ascii=False, separators=(",", ":"))


def _origin(text: str):
    from wirewatch.model import Origin

    path, _, line = text.rpartition(":")
    if path and line.isdigit():
        return Origin(path, int(line))
    return Origin(text)
