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


def discard_naming(store: Store, records: set[str], place: tuple[str, str, str, str]) -> bool:
    """Drop the draft if it is for this household: it names one of these records, or the
    flat at `place` (estate, building, unit, room) as the interview wrote it (2-2-301);
    says whether it did."""
    draft = load(store)
    if draft is None:
        return False
    plan = draft.get("plan", {})
    text = json.dumps(draft, ensure_ascii=False)
    household = str(plan.get("household") or "")
    at_door = any(record in text for record in records)
    if not at_door and household:
        from danyuanzhang.errors import DyzError
        from danyuanzhang.text.inputs import parse_ref

        try:
            ref = parse_ref(household)
        except DyzError:
            ref = None
        estate = plan.get("estate")
        at_door = ref is not None and tuple(ref) == place[1:] and estate in (None, place[0])
    if at_door:
        store.delete_setting(DRAFT_KEY)
    return at_door


def discard(store: Store) -> bool:
    """Drop the draft; says whether there was one."""
    had = store.setting(DRAFT_KEY) is not None
    store.delete_setting(DRAFT_KEY)
    return had
