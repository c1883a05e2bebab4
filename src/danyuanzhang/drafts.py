"""The unfinished visit: every answer of the interview is kept here as it is given, so that
Ctrl-C or a closed terminal loses nothing. It stays on this laptop, in the database (which only
its owner can read), and is never part of a bundle."""

from __future__ import annotations

import json
from typing import Any

from danyuanzhang.store import Store

DRAFT_KEY = "visit_draft"


def load(store: Store) -> dict[str, Any] | None:
    text = store.setting(DRAFT_KEY)
    if text is None:
        return None
    try:
        draft = json.loads(text)
    except ValueError:
        return None
    return draft if isinstance(draft, dict) and "plan" in draft else None


def save(store: Store, draft: dict[str, Any]) -> None:
    store.set_setting(DRAFT_KEY, json.dumps(draft, ensure_ascii=False, sort_keys=True))


def discard_naming(store: Store, records: set[str]) -> bool:
    """Drop the draft if it names any of these records; says whether it did."""
    text = store.setting(DRAFT_KEY)
    if text is None or not any(record in text for record in records):
        return False
    store.delete_setting(DRAFT_KEY)
    return True


def discard(store: Store) -> bool:
    """Drop the draft; says whether there was one."""
    had = store.setting(DRAFT_KEY) is not None
    store.delete_setting(DRAFT_KEY)
    return had
