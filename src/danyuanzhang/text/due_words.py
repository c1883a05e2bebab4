"""Why a household is due a visit, in words: "独居老人，每 7 天；逾期 3 天". Said by the walk
list (text/render.py), the walk sheet and `dyz today`, which need nothing else of render.py."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from danyuanzhang.text.i18n import lang, t, word


@cache
def _cadence_words(reason: str, days: int, language: str) -> str:  # noqa: ARG001 cache key only
    # a district's walk list says the same few cadences a hundred thousand times; the
    # language is part of the key because tests switch it in one process
    return t(f"due_reason_{reason}", days=days)


def due_reason(item: Mapping[str, Any]) -> str:
    """Why a household is on the list: "独居老人，每 7 天；逾期 3 天"."""
    reason = _cadence_words(item["reason"], item["every_days"], lang())
    if item["never_visited"]:
        when = t("due_never")
    elif item["last_visit"] is None:
        from danyuanzhang.text.vocab import VISIT_OUTCOMES

        outcome = word(item["last_outcome"], VISIT_OUTCOMES)
        when = t("due_never_met", outcome=outcome, last=item["last_attempt"])
    elif item["overdue_days"] > 0:
        when = t("due_overdue", days=item["overdue_days"], last=item["last_visit"])
    elif item["overdue_days"] == 0:
        when = t("due_today", last=item["last_visit"])
    else:
        when = t("due_by", on=item["due_on"])
    return f"{reason}{t('list_sep')}{when}"
