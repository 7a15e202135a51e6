"""wirewatch: structured, source-attributed conflict events from raw multilingual news.

    import wirewatch
    store = wirewatch.open_store("news.db")
    summary = wirewatch.ingest(["articles.jsonl", "feeds/"], store)
    for article in store.articles():
        print(article.id, article.lang, article.published, [e.name for e in article.entities.values()])
"""

import os

# The embedding engine's OpenMP threads otherwise busy-wait between calls, which costs
# 100x on a shared machine; it must be set before anything loads OpenMP.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from wirewatch.errors import InputError, StoreError, WirewatchError
from wirewatch.export import eval_record, export, export_to_path
from wirewatch.model import (
    Article,
    Claim,
    Entity,
    Event,
    Figure,
    Mention,
    PartialDate,
    RawArticle,
    Reject,
    Story,
)
from wirewatch.pipeline import Analyzer, IngestSummary, analyse_pending, ingest
from wirewatch.readers import read_inputs
from wirewatch.store import Store, open_store

__all__ = [
    "Analyzer",
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Figure",
    "IngestSummary",
    "InputError",
    "Mention",
    "PartialDate",
    "RawArticle",
    "Reject",
    "Store",
    "StoreError",
    "Story",
    "WirewatchError",
    "analyse_pending",
    "eval_record",
    "export",
    "export_to_path",
    "ingest",
    "open_store",
    "read_inputs",
]
