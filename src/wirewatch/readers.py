"""Input readers: JSON Lines, folders of .txt/.html, RSS/Atom feeds -> RawArticle or Reject.

Readers never raise on bad content: each bad record or file becomes a `Reject`
naming the file (and line or feed item) and what is wrong, and reading goes on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wirewatch.model import Origin, RawArticle, Reject

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # no news article is this long; anything bigger is not one
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
READABLE_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
_KNOWN_FIELDS = {"id", "text", "url", "source", "title", "headline", "published", "date", "html"}


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawArticle | Reject]:
    """Every article (or reject) in the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES
            )
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Reject(Origin(str(path)), "no such file or folder")


def read_file(path: Path) -> Iterator[RawArticle | Reject]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    data = _read_bytes(path)
    if isinstance(data, Reject):
        yield data
        return
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _looks_like_feed(data)):
        yield from _read_feed(path, data)
        return
    text = _decode(path, data)
    if isinstance(text, Reject):
        yield text
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text))
    yield _article(
        Origin(str(path)),
        text,
        fmt="html" if is_html else "text",
        article_id=None,
        fields={},
    )


def _read_bytes(path: Path) -> bytes | Reject:
    origin = Origin(str(path))
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return Reject(origin, f"file too large for one article ({size / 1e6:.1f} MB > {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
        return path.read_bytes()
    except OSError as e:
        return Reject(origin, f"cannot read file: {e.strerror or e}")


def _decode(path: Path, data: bytes, origin: Origin | None = None) -> str | Reject:
    origin = origin or Origin(str(path))
    if b"\x00" in data[:8192]:
        return Reject(origin, "binary file (NUL bytes), not text", excerpt=data[:200].hex())
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        utf8_error = e
    # Older sites still serve cp1252/latin-1/koi8-r; a detector tells which.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return Reject(
            origin,
            f"not decodable as text (invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})",
            excerpt=data[:200].hex(),
        )
    return str(best)


def _read_jsonl(path: Path) -> Iterator[RawArticle | Reject]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Reject(Origin(str(path)), f"cannot read file: {e.strerror or e}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            origin = Origin(str(path), number)
            if not line.strip():
                continue
            if len(line) > MAX_ARTICLE_BYTES:
                yield Reject(origin, f"record too large ({len(line) / 1e6:.1f} MB)", excerpt=line[:200].decode("utf-8", "replace"))
                continue
            text = _decode(path, line, origin)
            if isinstance(text, Reject):
                yield text
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as e:
                yield Reject(origin, f"not valid JSON: {e.msg} at column {e.colno}", excerpt=text)
                continue
            yield _record_article(origin, record, text)


def _record_article(origin: Origin, record: Any, line: str) -> RawArticle | Reject:
    if not isinstance(record, dict):
        return Reject(origin, f"expected a JSON object, got {type(record).__name__}", excerpt=line)
    body = record.get("text", record.get("html"))
    if not isinstance(body, str):
        return Reject(origin, "missing 'text' (a string)", excerpt=line)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        return Reject(origin, f"'id' must be a string or number, got {type(raw_id).__name__}", excerpt=line)
    fmt = "html" if "text" not in record or _looks_like_html(body) else "text"
    return _article(origin, body, fmt=fmt, article_id=None if raw_id is None else str(raw_id), fields=record, excerpt=line)


def _article(
    origin: Origin,
    text: str,
    *,
    fmt: str,
    article_id: str | None,
    fields: dict[str, Any],
    excerpt: str = "",
) -> RawArticle | Reject:
    if not text.strip():
        return Reject(origin, "empty article text", excerpt=excerpt)
    if "\x00" in text:
        return Reject(origin, "text contains NUL bytes (binary data?)", excerpt=excerpt[:200])
    article_id = article_id or "sha-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return RawArticle(
        id=article_id,
        text=text,
        origin=origin,
        format=fmt,  # type: ignore[arg-type]
        url=_str(fields.get("url")),
        source=_str(fields.get("source")),
        title_hint=_str(fields.get("title") or fields.get("headline")),
        date_hint=_str(fields.get("published") or fields.get("date")),
        extra={k: v for k, v in fields.items() if k not in _KNOWN_FIELDS},
    )


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _read_feed(path: Path, data: bytes) -> Iterator[RawArticle | Reject]:
    import feedparser

    parsed = feedparser.parse(data)
    origin = Origin(str(path))
    if parsed.bozo and not parsed.entries:
        why = getattr(parsed.bozo_exception, "getMessage", lambda: str(parsed.bozo_exception))()
        yield Reject(origin, f"not a readable RSS/Atom feed: {why}", excerpt=data[:2000].decode("utf-8", "replace"))
        return
    feed_title = _str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries):
        item_origin = Origin(str(path), item=number)
        content = entry.get("content")
        body = content[0].get("value", "") if content else entry.get("summary", "")
        link = _str(entry.get("link"))
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        fields = {
            "url": link,
            "source": feed_title,
            "title": entry.get("title"),
            "published": time.strftime("%Y-%m-%d", stamp) if stamp else None,
        }
        item_id = _str(entry.get("id")) or link
        article = _article(item_origin, body or "", fmt="html", article_id=item_id, fields=fields)
        if isinstance(article, Reject) and entry.get("title"):
            article = Reject(item_origin, f"feed item {entry.get('title')!r} has no text", excerpt=str(link or ""))
        yield article

