"""Near-duplicate stage: syndicated wire copy reprinted with other chrome.

`fingerprint` is pure per article (a MinHash signature of word shingles of
the clean body); `NearDuplicateIndex` finds an earlier article whose
fingerprint is close enough to call this one a copy of it.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE_WORDS = 4
SCHEME = "affine32"  # stored signatures depend on it: changing it needs re-fingerprinting
THRESHOLD = 0.7  # estimated shingle Jaccard: a story retold by another outlet is far below, a reprint above
_WORD = re.compile(r"\w+", re.UNICODE)


def fingerprint(body: str) -> bytes | None:
    """MinHash signature of the body's word shingles; None for bodies too short to compare."""
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE_WORDS * 5:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)])
    return minhash.hashvalues.astype(np.uint32).tobytes()


def _minhash(signature: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(signature, dtype=np.uint32), scheme=SCHEME)


class NearDuplicateIndex:
    """Fingerprints seen so far, in the order seen; the first of a group is the original."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._seen: dict[str, tuple[int, LeanMinHash]] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def original_of(self, article_id: str, signature: bytes | None) -> str | None:
        """The earlier article this one copies (or None); then remembers this one."""
        if signature is None or article_id in self._seen:
            return None
        minhash = _minhash(signature)
        candidates = self._lsh.query(minhash)
        self.remember(article_id, signature)
        if not candidates:
            return None
        # Most alike first; among equals the earliest seen, so the answer does not depend on hash order.
        return max(candidates, key=lambda c: (minhash.jaccard(self._seen[c][1]), -self._seen[c][0]))

    def remember(self, article_id: str, signature: bytes) -> None:
        if article_id not in self._seen:
            minhash = _minhash(signature)
            self._lsh.insert(article_id, minhash)
            self._seen[article_id] = (len(self._seen), minhash)
