"""The one-line reminder to back up: after a week without a backup, once a day."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.store.faults import StoreError

REMIND_AFTER_DAYS = 7


def _today(store: Store) -> date:
    from danyuanzhang.core.hlc import local_time

    return local_time(store.wall_ms()).date()


def backed_up(store: Store, target: Path, changes: int) -> None:
    """Note the backup, for the reminder; a notebook on a write-protected stick is backed up
    all the same, unnoted."""
    import json

    from danyuanzhang.store.faults import code_of

    record = {"on": _today(store).isoformat(), "path": str(target.resolve()), "changes": changes}
    try:
        store.set_setting("last_backup", json.dumps(record, ensure_ascii=False))
    except StoreError as error:
        if not code_of(error).startswith("SQLITE_READONLY"):
            raise


def last_backup(store: Store) -> dict[str, Any] | None:
    text = store.setting("last_backup")
    if text is None:
        return None
    import json

    try:
        found = json.loads(text)
        date.fromisoformat(found["on"])
    except (ValueError, KeyError, TypeError):
        return None
    return dict(found)


def start_watching(store: Store) -> None:
    """A new notebook: checked today, and watched for a backup from today."""
    today = _today(store).isoformat()
    store.set_setting("checked_on", today)
    store.set_setting("backup_watch_since", today)


def days_without_backup(store: Store) -> int | None:
    """Days since the last backup, or, when there has been none, since dyz first looked (the
    day is noted then: reading the whole change log for its first day would cost an office's
    notebook seconds on every command); None for a notebook with nothing in it yet."""
    today = _today(store)
    last = last_backup(store)
    if last is not None:
        return (today - date.fromisoformat(last["on"])).days
    if not store.has_changes():
        return None  # nothing to lose yet
    since = store.setting("backup_watch_since")
    if since is None:  # a notebook of an earlier dyz: watched from today
        with contextlib.suppress(StoreError):
            store.set_setting("backup_watch_since", today.isoformat())
        return 0
    try:
        return (today - date.fromisoformat(since)).days
    except ValueError:
        return None


# the day the reminder was found not due, with the record of the last backup it was found
# from: the day's later commands need not read that record again (a millisecond each, for an
# answer that holds all day unless the record changes)
LOOKED = "backup_looked_on"


def backup_reminder(store: Store) -> str | None:
    """The reminder, at most once a day; None when not due."""
    from danyuanzhang.text.i18n import t

    today = _today(store).isoformat()
    if store.setting("backup_reminded") == today:
        return None
    looked = f"{today} {store.setting('last_backup')}"
    if store.setting(LOOKED) == looked:
        return None
    days = days_without_backup(store)
    if days is None or days < REMIND_AFTER_DAYS:
        with contextlib.suppress(StoreError):  # a read-only notebook looks every time
            store.set_setting(LOOKED, looked)
        return None
    with contextlib.suppress(StoreError):  # a read-only notebook is reminded every time
        store.set_setting("backup_reminded", today)
    since = t("backup_never") if last_backup(store) is None else t("backup_since_days", days=days)
    return t("backup_reminder", since=since)
