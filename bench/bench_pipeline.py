#!/usr/bin/env python3
"""Throughput (articles/s) per stage and end to end, and peak memory, on a generated corpus.

    .venv/bin/python bench/bench_pipeline.py [--articles 3000]

A benchmark, not a test: it prints figures for the README and fails nothing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus  # noqa: E402

from wirewatch.model import Article, Origin, RawArticle  # noqa: E402
from wirewatch.pipeline import Analyzer, ingest  # noqa: E402
from wirewatch.stages import dedup  # noqa: E402
from wirewatch.stages.clean import clean  # noqa: E402
from wirewatch.stages.entities import find_entities  # noqa: E402
from wirewatch.stages.events import find_events  # noqa: E402
from wirewatch.stages.figures import find_figures  # noqa: E402
from wirewatch.stages.language import detect_language  # noqa: E402
from wirewatch.stages.published import published_date  # noqa: E402


def _rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:22s} {count / seconds:9.0f} articles/s  ({seconds:.2f} s for {count})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()

    raws = [
        RawArticle(id=r["id"], text=r["text"], origin=Origin("bench", i + 1), url=r["url"], source=r["source"])
        for i, r in enumerate(corpus.generate(args.articles))
    ]
    started = time.perf_counter()
    analyzer = Analyzer.load()
    print(f"{'model/knowledge load':22s} {time.perf_counter() - started:9.2f} s")

    started = time.perf_counter()
    cleaned = [clean(r) for r in raws]
    _rate("clean", len(raws), time.perf_counter() - started)

    started = time.perf_counter()
    langs = [detect_language(c.body) for c in cleaned]
    _rate("language", len(raws), time.perf_counter() - started)

    started = time.perf_counter()
    dates = [published_date(r, c) for r, c in zip(raws, cleaned)]
    _rate("published", len(raws), time.perf_counter() - started)

    articles = [
        Article(raw=r, headline=c.headline, body=c.body, lang=lang, published=d)
        for r, c, lang, d in zip(raws, cleaned, langs, dates)
    ]
    started = time.perf_counter()
    for a in articles:
        a.mentions, a.entities = find_entities(a, analyzer.entity_resources)
    _rate("entities", len(raws), time.perf_counter() - started)

    started = time.perf_counter()
    for a in articles:
        a.events = find_events(a)
    _rate("events", len(raws), time.perf_counter() - started)

    started = time.perf_counter()
    for a in articles:
        a.figures = find_figures(a)
    _rate("figures", len(raws), time.perf_counter() - started)

    started = time.perf_counter()
    index = dedup.NearDuplicateIndex()
    for a in articles:
        index.original_of(a.id, dedup.fingerprint(a.body))
    _rate("near-duplicates", len(raws), time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        path = corpus.write(Path(tmp) / "corpus.jsonl", args.articles)
        from wirewatch.store import open_store

        store = open_store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        summary = ingest([path], store, analyzer=analyzer)
        _rate("end to end (ingest)", summary.analysed, time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory':22s} {peak_mb:9.0f} MB")


if __name__ == "__main__":
    main()
