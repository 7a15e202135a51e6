"""wirewatch's errors, in one place.

    WirewatchError
    ├── InputError    an input file or record cannot be read (names the file and line)
    └── StoreError    the store cannot be opened, migrated or queried

Per-article problems during ingest never raise: they become `Reject`s, recorded
in the store, so one broken article never stops a batch.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class: every error wirewatch raises on purpose."""


class InputError(WirewatchError):
    pass


class StoreError(WirewatchError):
    pass
