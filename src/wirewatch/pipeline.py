"""Runs the stages in order: read -> store raw -> analyse per article -> near-duplicates -> stories.

Per-article analysis (`Analyzer.analyse`) is pure over one RawArticle, so a
distributed engine can run it per batch. The corpus-level steps (near-
duplicates, stories) run here, incrementally, over what the store holds.

Resumable by construction: raw articles are committed before analysis, and an
article counts as analysed only once its results are committed, so a run
killed at any point is finished by running it again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

import numpy as np

from wirewatch.embeddings import embed_texts
from wirewatch.errors import StoreError
from wirewatch.model import Article, RawArticle, Reject
from wirewatch.readers import read_inputs
from wirewatch.stages import dedup, stories
from wirewatch.stages.clean import clean
from wirewatch.stages.entities import EntityResources, find_entities, load_resources
from wirewatch.stages.events import find_events
from wirewatch.stages.figures import find_figures
from wirewatch.stages.language import detect_language
from wirewatch.stages.published import published_date
from wirewatch.store import Store, StoredRaw

# Bump when a stage changes what it derives; `wirewatch reanalyse` then redoes stored articles.
ANALYSIS_VERSION = 1
STORY_STATE_KEY = "story-index"
BATCH = 200
PARALLEL_MIN = 400  # below this, starting worker processes costs more than it saves
MAX_WORKERS = 4

log = logging.getLogger("wirewatch")
T = TypeVar("T")


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    known: int = 0
    copies: int = 0  # same text under another id
    near_duplicates: int = 0
    analysed: int = 0
    stories_changed: int = 0
    rejected: list[Reject] = field(default_factory=list)


# A progress callback: (phase, done, total). The CLI draws bars with it.
Progress = Callable[[str, int, int | None], None]


def _no_progress(phase: str, done: int, total: int | None) -> None:
    pass


@dataclass(frozen=True)
class Analyzer:
    """Everything per-article analysis needs, loaded once per process."""

    entity_resources: EntityResources

    @classmethod
    def load(cls) -> Analyzer:
        return cls(entity_resources=load_resources())

    def analyse(self, raw: RawArticle) -> Article:
        text = clean(raw)
        article = Article(raw=raw, headline=text.headline, body=text.body)
        article.lang = detect_language(text.body if len(text.body) > 40 else f"{text.headline or ''}\n{text.body}")
        article.published = published_date(raw, text)
        article.mentions, article.entities = find_entities(article, self.entity_resources)
        article.events = find_events(article)
        article.figures = find_figures(article)
        return article


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    progress: Progress = _no_progress,
    analyzer: Analyzer | None = None,
) -> IngestSummary:
    """Read, store and analyse everything under `paths`; idempotent and resumable."""
    summary = IngestSummary()
    for batch in _batched(read_inputs(paths), BATCH):
        with store.transaction():
            for item in batch:
                summary.read += 1
                if isinstance(item, Reject):
                    _reject(store, summary, item)
                    continue
                try:
                    result = store.add_raw(item)
                except StoreError as e:
                    _reject(store, summary, Reject(item.origin, str(e).split(": ", 1)[-1], excerpt=item.text))
                    continue
                summary.new += result == "new"
                summary.known += result == "known"
                summary.copies += result == "copy"
        progress("read", summary.read, None)
    analyse_pending(store, summary=summary, progress=progress, analyzer=analyzer)
    return summary


def analyse_pending(
    store: Store,
    *,
    summary: IngestSummary | None = None,
    progress: Progress = _no_progress,
    analyzer: Analyzer | None = None,
) -> IngestSummary:
    """Analyse every stored article not yet analysed by this version, then update stories."""
    summary = summary or IngestSummary()
    pending = store.pending_ids(ANALYSIS_VERSION)
    if not pending:
        # A run killed after analysis but before stories leaves articles without one.
        unstoried = store.unstoried_ids()
        if unstoried:
            summary.stories_changed = update_stories(store, unstoried)
        return summary
    analyzer = analyzer or Analyzer.load()
    near = dedup.NearDuplicateIndex()
    for article_id, signature in store.fingerprints():
        near.remember(article_id, signature)
    done: list[str] = []
    vectors: dict[str, np.ndarray] = {}
    progress("analyse", 0, len(pending))
    with _analysis_map(analyzer, len(pending)) as analyse_all:
        for batch in _batched(pending, BATCH):
            stored_batch = [store.raw(article_id) for article_id in batch]
            results = analyse_all([s.raw for s in stored_batch])
            with store.transaction():
                for stored, result in zip(stored_batch, results):
                    if isinstance(result, Reject):
                        _reject(store, summary, result)
                        continue
                    article, vector = result
                    _save(store, near, stored, article, summary)
                    vectors[stories.embedding_text(article)] = vector
                    done.append(stored.raw.id)
            summary.analysed = len(done)
            progress("analyse", len(done), len(pending))
    unstoried = store.unstoried_ids()
    if unstoried:
        summary.stories_changed = update_stories(store, unstoried, _precomputed(vectors))
    return summary


def _save(
    store: Store, near: dedup.NearDuplicateIndex, stored: StoredRaw, article: Article, summary: IngestSummary
) -> None:
    signature = dedup.fingerprint(article.body)
    original = near.original_of(article.id, signature)
    article.duplicate_of = stored.duplicate_of or original
    summary.near_duplicates += original is not None and stored.duplicate_of is None
    store.save_article(article, ANALYSIS_VERSION, signature)


Analysed = tuple[Article, np.ndarray] | Reject  # the article and its story embedding


def _analyse_one(analyzer: Analyzer, raw: RawArticle) -> Analysed:
    try:
        article = analyzer.analyse(raw)
        # Embedding is the costliest step; done here it runs in the worker processes too.
        return article, embed_texts([stories.embedding_text(article)])[0]
    except Exception as e:  # one broken article must not stop the batch
        log.exception("analysis failed for %s", raw.origin)
        return Reject(raw.origin, f"analysis failed: {type(e).__name__}: {e}")


_worker_analyzer: Analyzer | None = None  # per worker process, set once by the pool initializer


def _init_worker() -> None:
    global _worker_analyzer
    _exit_with_parent()
    # One thread per worker: the workers already fill the cores.
    os.environ["OMP_NUM_THREADS"] = "1"
    _worker_analyzer = Analyzer.load()


def _exit_with_parent() -> None:
    """A killed ingest must not leave its workers behind, each holding the models in memory."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _analyse_in_worker(raw: RawArticle) -> Analysed:
    assert _worker_analyzer is not None
    return _analyse_one(_worker_analyzer, raw)


@contextlib.contextmanager
def _analysis_map(analyzer: Analyzer, count: int) -> Iterator[Callable[[list[RawArticle]], list[Analysed]]]:
    """Analyse in worker processes when there is enough work to pay for them."""

    def serial(raws: list[RawArticle]) -> list[Analysed]:
        return [_analyse_one(analyzer, raw) for raw in raws]

    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if count < PARALLEL_MIN or workers < 2:
        yield serial
        return
    # spawn, not fork: libraries with threads of their own (language detection, BLAS) deadlock when forked.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
    broken = False

    def parallel(raws: list[RawArticle]) -> list[Analysed]:
        nonlocal broken
        if not broken:
            try:
                return list(pool.map(_analyse_in_worker, raws, chunksize=8))
            except BrokenProcessPool:
                # Workers cannot start from every host (an interactive session, an embedded interpreter).
                log.warning("worker processes failed; analysing in this process")
                broken = True
        return serial(raws)

    try:
        yield parallel
    finally:
        pool.shutdown(wait=not broken, cancel_futures=True)


def _precomputed(vectors: dict[str, np.ndarray]) -> Callable[[list[str]], np.ndarray]:
    """An embedder that answers from the vectors analysis made, computing only what is missing."""

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in vectors]
        if missing:
            vectors.update(zip(missing, embed_texts(missing)))
        return np.stack([vectors[t] for t in texts]) if texts else embed_texts([])

    return embed


def update_stories(
    store: Store, article_ids: list[str], embed: Callable[[list[str]], np.ndarray] = embed_texts
) -> int:
    """Let the new articles join or open stories; returns how many stories changed."""
    state = store.get_state(STORY_STATE_KEY)
    index = stories.StoryIndex.from_bytes(state) if state else stories.StoryIndex.empty()
    new_articles = list(store.articles(article_ids))

    def load_articles(ids: list[str]) -> list[Article]:
        return list(store.articles(ids))

    update = stories.update_stories(index, new_articles, load_articles, embed)
    with store.transaction():
        store.save_stories(update.stories, update.assignments)
        store.log_story_changes((entry.action, dataclasses.asdict(entry)) for entry in update.log)
        store.set_inferred_dates(
            {
                article_id: (story.start, story.end)
                for story in update.stories
                for article_id in story.article_ids
            }
        )
        store.put_state(STORY_STATE_KEY, index.to_bytes())
    return len(update.stories)


def _reject(store: Store, summary: IngestSummary, reject: Reject) -> None:
    store.add_reject(reject)
    summary.rejected.append(reject)
    log.warning("rejected %s", reject)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
