"""Records whose status is a path of steps (hazards, petitions): each step is a record of its
own in the change log, and the status is read from the steps in the order they were taken.
A step that no longer fits — the second "fixed" from another laptop — changes nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from danyuanzhang.errors import DyzError


def follow(
    start: str,
    steps: Sequence[Any],
    allowed_from: Mapping[str, Sequence[str]],
    status_after: Mapping[str, str] | None = None,
) -> tuple[str, list[Any]]:
    """(the status reached, the steps that took effect), from steps in clock order."""
    status, taken = start, []
    for step in steps:
        if status in allowed_from.get(step["step"], ()):
            status = (status_after or {}).get(step["step"], step["step"])
            taken.append(step)
    return status, taken


def refuse_unless_follows(
    status: str,
    step: str,
    allowed_from: Mapping[str, Sequence[str]],
    names: Mapping[str, tuple[str, str]],
    message: str,
) -> None:
    """Refuse a step that does not follow from the current status, naming that status."""
    if status not in allowed_from[step]:
        from danyuanzhang.text.i18n import pick

        zh, en = names[status]
        raise DyzError(f"{message}_{step}", status=pick(zh, en))
