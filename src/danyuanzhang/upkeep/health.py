"""`dyz doctor`'s look at the file itself: SQLite's own checks, the change log against the
tables derived from it, stray temporary files, file modes and the last backup; and the mending
of what can be mended (`mend`), a damaged file included, from its log (`rebuild_damaged`)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from danyuanzhang.store import Store, checks


@dataclass
class Finding:
    check: str  # integrity, foreign_keys, log, tables, temporaries, modes, backup
    ok: bool
    detail: dict[str, Any] = field(default_factory=dict)
    mendable: bool = False  # `dyz doctor --repair` mends it

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def integrity(store: Store) -> Finding:
    return _integrity(checks.integrity_problems(store))


def _integrity(problems: int) -> Finding:
    return Finding("integrity", not problems, {"problems": problems})


def foreign_keys(store: Store) -> Finding:
    problems = checks.foreign_key_problems(store)
    return Finding("foreign_keys", not problems, {"problems": problems})


def log(store: Store) -> Finding:
    """The log's changes intact, and how much room the log takes beside the tables."""
    found = _log(checks.damaged_in_log(store))
    sizes = checks.log_and_tables_bytes(store)
    if sizes is not None:
        found.detail.update(log_bytes=sizes[0], tables_bytes=sizes[1])
    return found


def _log(damaged: int) -> Finding:
    return Finding("log", damaged == 0, {"damaged": damaged})


def tables(store: Store, scratch: Path) -> Finding:
    """Rebuild the notebook from its log in `scratch` and compare."""
    found = checks.differences_from_log(store, scratch)
    if found is None:
        return Finding("tables", False, {"tables": [], "rows": -1})
    return Finding(
        "tables", not found, {"tables": sorted(found), "rows": sum(found.values())}, bool(found)
    )


def stray_files(folder: Path) -> list[Path]:
    """What interrupted backups, restores, exports and doctors left in the notebook's folder
    (not what another dyz running now is writing there)."""
    from danyuanzhang.upkeep.backup import abandoned, temporaries

    found = set(temporaries(folder))
    found |= {p for p in folder.glob(".*.part") if p.is_file()}
    return sorted(p for p in found if abandoned(p))


def temporaries(store: Store) -> Finding:
    stray = stray_files(store.path.resolve().parent)
    return Finding("temporaries", not stray, {"files": [p.name for p in stray]}, bool(stray))


def modes(store: Store) -> Finding:
    if os.name != "posix":
        return folder_access(store.path.resolve().parent)
    loose = [
        p.name
        for p in (Path(f"{store.path}{s}") for s in ("", "-wal", "-shm"))
        if p.exists() and p.stat().st_mode & 0o077
    ]
    return Finding("modes", not loose, {"files": loose}, bool(loose))


def folder_access(folder: Path, sddl: str | None = None) -> Finding:
    """On Windows, whether the notebook's folder lets in more people than its user (`sddl`: its
    access list, read with icacls unless given). Not mended here: the folder may hold other
    files, so the command that restricts it is shown, or the notebook is moved to the default
    folder (%LOCALAPPDATA%), which is the user's alone."""
    from danyuanzhang.system import owner_only

    if sddl is None:
        sddl = owner_only.folder_sddl(folder)
    if sddl is None:  # icacls could not say: nothing to report
        return Finding("modes", True)
    broad = owner_only.broad_grants(sddl)
    detail = {"folder": str(folder), "who": broad, "command": owner_only.restrict_command(folder)}
    return Finding("modes", not broad, detail if broad else {})


def backup(store: Store) -> Finding:
    from danyuanzhang.upkeep.reminders import REMIND_AFTER_DAYS, days_without_backup, last_backup

    days = days_without_backup(store)
    last = last_backup(store)
    detail = {"days": days, "last": None if last is None else last.get("on")}
    return Finding("backup", days is None or days < REMIND_AFTER_DAYS, detail)


def moved_out_long_ago(store: Store) -> list[Any]:
    """Residents who moved out longer ago than the retention time (`privacy.retention_days`):
    their personal data has no more use here (PIPL art. 19: kept no longer than needed)."""
    from datetime import timedelta

    from danyuanzhang.core.config import value
    from danyuanzhang.core.hlc import local_time
    from danyuanzhang.upkeep import queries

    today = local_time(store.wall_ms()).date()
    before = (today - timedelta(days=int(value(store, "privacy.retention_days")))).isoformat()
    return queries.moved_out_before(store, before)


def retention(store: Store) -> Finding:
    from danyuanzhang.core.config import value

    gone = moved_out_long_ago(store)
    days = int(value(store, "privacy.retention_days"))
    return Finding("retention", not gone, {"residents": len(gone), "days": days}, bool(gone))


def erase_moved_out(store: Store) -> int:
    """Erase the residents `moved_out_long_ago` names, every copy of them; how many."""
    from danyuanzhang.store import registry as reg

    gone = moved_out_long_ago(store)
    with store.transaction():
        for row in gone:
            for copy in reg.members_of(store, row["id"]):
                store.erase("resident", copy)
    store.scrub()
    return len(gone)


def examine(store: Store, scratch: Path, whole: Finding | None = None) -> list[Finding]:
    """Every check of a notebook that opens (`whole`: its integrity check, if made)."""
    found = [whole or integrity(store), foreign_keys(store), log(store)]
    # before the scratch file exists
    rest = [temporaries(store), modes(store), backup(store), retention(store)]
    if found[0].ok and found[2].ok:
        found.append(tables(store, scratch))
    return found + rest


def mend(store: Store, findings: list[Finding], scratch: Path, erase: bool = False) -> list[str]:
    """Mend what `examine` found mendable; the checks mended. Residents long gone are erased
    only with `erase`: that cannot be undone, and a person confirms it."""
    mended = []
    for finding in findings:
        if finding.ok or not finding.mendable:
            continue
        if finding.check == "tables":
            checks.replace_tables(store, scratch)
        elif finding.check == "temporaries":
            for stray in stray_files(store.path.resolve().parent):
                with contextlib.suppress(OSError):
                    stray.unlink()
        elif finding.check == "retention":
            if not erase:
                continue
            erase_moved_out(store)
        elif finding.check == "modes":
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    Path(f"{store.path}{suffix}").chmod(0o600)
        mended.append(finding.check)
    return mended


# -- the file's shape: only what dyz makes ---------------------------------------------------------


def shape(path: Path) -> Finding | None:
    """Whether the notebook holds exactly the tables, indexes, views and triggers dyz makes,
    read before anything else of the file (see store/shape.py); None when it cannot be told."""
    odd = checks.strangers_in_file(path)
    if odd is None:
        return None
    objects = [{"kind": s.kind, "name": s.name, "how": s.how} for s in odd]
    return Finding("schema", not odd, {"objects": objects}, any(s.mendable for s in odd))


# -- a file that does not open -------------------------------------------------------------------


def examine_damaged(path: Path) -> list[Finding]:
    """The checks that can still be made of a notebook SQLite calls damaged."""
    problems, damaged = checks.damaged_file(path)
    return [_integrity(problems), _log(damaged)]


def rebuild_damaged(path: Path) -> Path:
    """Make the notebook again from its log, keeping the damaged file aside; where it was kept.
    Only for a log that reads whole and sound (see `examine_damaged`)."""
    from danyuanzhang.upkeep.backup import keep_aside, scratch_name

    folder = path.resolve().parent
    fresh = folder / scratch_name("rebuild")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    try:
        checks.rebuild_file(path, fresh)
        aside = keep_aside(path)
        assert aside is not None  # a damaged file is never empty
        os.replace(fresh, path)
        return aside
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
