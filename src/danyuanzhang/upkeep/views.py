"""The notebook's care as the terminal shows it: doctor's findings and the change log, line by
line or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danyuanzhang.text.i18n import join, t

if TYPE_CHECKING:
    from danyuanzhang.store import Store
    from danyuanzhang.upkeep.doctor import Checkup
    from danyuanzhang.upkeep.health import Finding
    from danyuanzhang.upkeep.history import Entry


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2)


def findings_lines(path: Path, findings: Iterable[Finding], checkup: Checkup) -> list[str]:
    """Each check's line, then what is wrong with the clock, if anything."""
    lines = [t("doctor_looking", path=str(path))]
    lines.extend(finding_line(finding) for finding in findings)
    if not checkup.healthy:
        if checkup.clock:
            lines.append(t("doctor_clock_ahead", date=checkup.clock))
        if checkup.poisoned:
            laptops = join(checkup.claimed_by)
            lines.append(t("doctor_poisoned", count=checkup.poisoned, laptops=laptops))
        if checkup.office_list:
            lines.append(t("doctor_office_list"))
    return lines


def finding_line(finding: Finding) -> str:
    """A check's line: marked ok or not, and what was found."""
    detail = dict(finding.detail)
    if finding.check == "schema":
        if finding.ok:
            return t("doctor_mark_ok") + t("doctor_ok_schema")
        return "\n".join(t("doctor_mark_bad") + stranger_line(o) for o in detail["objects"])
    if finding.check == "backup":
        if finding.ok:
            key = "doctor_ok_no_backup_yet" if detail["last"] is None else "doctor_ok_backup"
            if detail["last"] is not None:
                from datetime import date

                from danyuanzhang.text.i18n import day

                detail["day"] = day(date.fromisoformat(detail["last"]))
            return t("doctor_mark_ok") + t(key, **detail)
        since = (
            t("backup_never")
            if detail["last"] is None
            else t("backup_since_days", days=detail["days"])
        )
        return t("doctor_mark_bad") + t("doctor_bad_backup", since=since)
    if "files" in detail:
        detail["count"] = len(detail["files"])
        detail["files"] = "、".join(detail["files"])
    if finding.check == "tables" and detail.get("rows", 0) < 0:  # the rebuild itself failed
        return t("doctor_mark_bad") + t("doctor_bad_tables_unchecked")
    if "tables" in detail:
        detail["tables"] = "、".join(detail["tables"])
    if finding.check == "modes" and "who" in detail:  # a Windows folder open to others
        return t("doctor_mark_bad") + t(
            "doctor_bad_folder", folder=detail["folder"], who="、".join(detail["who"]),
            command=detail["command"],
        )  # fmt: skip
    if finding.check == "clock":
        return t("doctor_mark_ok" if finding.ok else "doctor_mark_bad") + t("doctor_ok_clock")
    if finding.check == "log" and "log_bytes" in detail:
        return _line(finding, detail) + "\n" + _log_size_line(detail)
    return _line(finding, detail)


def _line(finding: Finding, detail: dict[str, Any]) -> str:
    mark = "doctor_mark_ok" if finding.ok else "doctor_mark_bad"
    key = f"doctor_{'ok' if finding.ok else 'bad'}_{finding.check}"
    return t(mark) + t(key, **detail)


def _log_size_line(detail: dict[str, Any]) -> str:
    """The room the log takes beside the tables derived from it: a figure, not a check."""
    log, tables = detail["log_bytes"], detail["tables_bytes"]
    ratio = f"{log / tables:.2f}" if tables else "-"
    return t("doctor_log_size", log=_megabytes(log), tables=_megabytes(tables), ratio=ratio)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def stranger_line(found: dict[str, str]) -> str:
    """What dyz does not make, found in the notebook's schema (store/shape.py)."""
    kind, name = t(f"schema_kind_{found['kind']}"), found["name"]
    if found["how"] == "extra":
        data = t("doctor_schema_data") if found["kind"] == "table" else ""
        return t("doctor_bad_schema_extra", kind=kind, name=name, data=data)
    if found["kind"] == "table":
        return t("doctor_bad_schema_table", name=name)
    return t(f"doctor_bad_schema_{found['how']}", kind=kind, name=name)


def log_text(store: Store, entries: Iterable[Entry]) -> str:
    """The change log, one line per command (history.line)."""
    from danyuanzhang.upkeep.history import line

    return "\n".join(line(store, e) for e in entries)


def log_json(store: Store, entries: Iterable[Entry]) -> str:
    from danyuanzhang.upkeep.history import as_json

    return json.dumps([as_json(store, e) for e in entries], ensure_ascii=False, indent=2)
