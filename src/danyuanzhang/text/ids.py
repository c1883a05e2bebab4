"""How a record's id is shown and typed: its first few characters, enough to tell records apart
in one notebook and short enough to read aloud or type at a door."""

from __future__ import annotations

ID_SHOWN = 8


def short(record_id: str) -> str:
    """An id as it is shown and typed: its first ID_SHOWN characters."""
    return record_id[:ID_SHOWN]
