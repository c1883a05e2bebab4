"""Reading a bundle file into checked changes, or refusing it with the reason and the line.

Nothing here touches a database: the whole file is checked before anything is written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import sha256 as _sha256  # OpenSSL's: faster per byte than the builtin
from pathlib import Path
from typing import Any

from danyuanzhang.bundle.errors import BundleError
from danyuanzhang.bundle.values import (
    CLEARABLE,
    READERS,
    REFERENCES,
    BadValue,
    is_change_id,
    is_record_id,
)
from danyuanzhang.bundle.yamlwalk import LINE, refuse_decoration, walk
from danyuanzhang.store import encode
from danyuanzhang.store.entities import ENTITIES, FLAG_PREFIX
from danyuanzhang.store.migrations import LATEST

FORMAT = "dyz-bundle"
FORMAT_VERSION = 1
SIZE_LIMIT = 64 * 1024 * 1024  # about 300,000 changes; a whole district is sent in parts
MAX_CHANGES = 1_000_000
PROGRESS_EVERY = 5000  # changes between two reports to a progress bar
HEADER_KEYS = (
    "format",
    "format_version",
    "schema_version",
    "sender",
    "created",
    "redacted",
    "counts",
    "since",
    "seen",
    "checksum",
    "body",
)
RECORD_KEYS = {"table", "id", "changes", LINE}
CHANGE_KEYS = {"id", "hlc", "by", "set", "clear", "delete", "to", "after"}
_HLC = re.compile(r"[0-9]{15}-[0-9]{10}-[0-9a-f]{32}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_FLAG_CODE = re.compile(r"[a-z][a-z0-9_]{1,30}")
REFERENCE_FIELDS = {name for _, name in REFERENCES}
_CHECKSUM_LINE = re.compile(rb'^checksum:\s*"sha256:([0-9a-f]{64})"', re.M)
_OTHER_LINE_BREAKS = (b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode())
_VERSION_LINE = re.compile(rb"^(format_version|schema_version):\s*[\"']?([0-9]+)", re.M)

# A change as stored: (id, hlc, device, author, entity, record, op, field, value, parents)
ChangeRow = tuple[str, str, str, str, str, str, str, str, str | None, str]


@dataclass
class Bundle:
    sender_id: str
    sender_name: str
    created: str
    redacted: bool
    counts: dict[str, int]
    since: dict[str, str]
    seen: dict[str, str]
    checksum: str
    changes: list[ChangeRow] = field(default_factory=list)
    # each stored (JSON) value with the value it stands for, so applying needs no json.loads
    decoded: dict[str, Any] = field(default_factory=dict)
    # (table, record id, line) for every field that names another record
    references: list[tuple[str, str, int]] = field(default_factory=list)
    # (table, record, start, end): the changes[start:end] written under one record
    groups: list[tuple[str, str, int, int]] = field(default_factory=list)


def read_file(path: Path) -> bytes:
    """The bundle's bytes, refusing a file too big before reading it."""
    try:
        if path.stat().st_size > SIZE_LIMIT:
            raise BundleError("bundle_too_big", limit_mb=SIZE_LIMIT // 2**20)
        data = path.read_bytes()
    except OSError:
        raise BundleError("bundle_unreadable") from None
    if len(data) > SIZE_LIMIT:
        raise BundleError("bundle_too_big", limit_mb=SIZE_LIMIT // 2**20)
    return data


def fingerprint(data: bytes) -> tuple[str, str | None]:
    """(an id for the whole file, the SHA-256 of its body), hashing the body only once."""
    import hashlib

    body = _body_digest(data)
    start = data.find(b"\nbody:")
    header = data[: start if start >= 0 else len(data)]
    return hashlib.sha256(header + (body or "").encode("ascii")).hexdigest(), body


def read_bundle(
    path: Path,
    data: bytes | None = None,
    body_digest: str | None = None,
    progress: Progress | None = None,
) -> Bundle:
    try:
        if data is None:
            data = read_file(path)
            body_digest = _body_digest(data)
        return _read(data, body_digest, progress)
    except BundleError as error:
        error.path = str(path)
        raise


def _read(data: bytes, body_digest: str | None, progress: Progress | None = None) -> Bundle:
    _refuse_newer(data[:4096])
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BundleError("bundle_nul", line=data.count(b"\n", 0, nul) + 1)
    # A damaged body should be called damaged, before its changes are read one by one.
    declared = _CHECKSUM_LINE.search(data[:8192])
    if declared is not None and declared.group(1).decode("ascii") != body_digest:
        _refuse_bad_utf8(data)  # the more precise reason, when it is one
        raise BundleError("bundle_checksum")
    lines = data.count(b"\n") if progress else 1
    if progress is not None:
        progress = _forward_only(progress)
    as_written = read_as_written(data, body_digest, progress, lines)
    if as_written is not None:
        return as_written
    return read_by_events(data, body_digest, progress, lines)


def _forward_only(progress: Progress) -> Progress:
    """A bundle may be read twice (as written, then by events, when the first way gives up
    part-way): a person watching the bar should not see it go back."""
    furthest = [0.0]

    def report(phase: str, fraction: float) -> None:
        if fraction >= furthest[0]:
            furthest[0] = fraction
            progress(phase, fraction)

    return report


def read_by_events(
    data: bytes, body_digest: str | None, progress: Progress | None = None, lines: int = 1
) -> Bundle:
    """The bundle read from its YAML events (yamlwalk.py): any YAML, and every refusal."""
    reading = _Reading(_empty(), progress, lines)
    doc = walk(data, {(2, "changes"): _changes_from_events(reading)})
    if not isinstance(doc, dict):
        raise BundleError("bundle_not_mapping")
    return _from_document(doc, body_digest, reading.bundle, reading)


def _empty() -> Bundle:
    return Bundle("", "", "", False, {}, {}, {}, "")


def read_as_written(
    data: bytes, body_digest: str | None, progress: Progress | None = None, lines: int = 1
) -> Bundle | None:
    """The bundle, when its body is in the shape dyz writes (bundle/lines.py); None when it is
    not, or when anything in it is wrong: `read_by_events` then reads it again and has the last
    word, so that a bundle is accepted or refused, with one message, whichever way it came."""
    from danyuanzhang.bundle.lines import NotAsWritten, records

    start = data.find(b"\nbody:\n")
    if start < 0:
        return None
    head = data[: start + 1]
    if any(mark in head for mark in _OTHER_LINE_BREAKS):
        return None  # YAML counts lines by these too: the line numbers below would be off
    reading = _Reading(_empty(), progress, lines)
    try:
        header = walk(head, continued=True)
        if not isinstance(header, dict) or "body" in header:
            return None
        changes, groups = reading.changes, reading.bundle.groups
        line = data.count(b"\n", 0, start + 1) + 2  # the first line under `body:`
        for record_line, table, record_id, items in records(data, start + 7, line):
            spec, record_id = _record_target({LINE: record_line, "table": table, "id": record_id})
            first = len(changes)
            for line, *values in items:
                _add_change(reading, line, spec, record_id, *values)
            groups.append((spec.name, record_id, first, len(changes)))
        header["body"] = []
        return _from_document(header, body_digest, reading.bundle, reading)
    except (NotAsWritten, BundleError):
        return None


def _refuse_bad_utf8(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BundleError("bundle_not_utf8", line=data.count(b"\n", 0, error.start) + 1) from None


def _refuse_newer(head: bytes) -> None:
    """A newer dyz may write what this one cannot even parse: say "upgrade" first."""
    for name, number in _VERSION_LINE.findall(head):
        supported = FORMAT_VERSION if name == b"format_version" else LATEST
        if int(number) > supported:
            raise BundleError("bundle_newer", version=int(number), supported=supported)


def _from_document(
    doc: dict[str, Any], body_digest: str | None, bundle: Bundle, reading: _Reading
) -> Bundle:
    for key in doc:
        if key != LINE and key not in HEADER_KEYS:
            raise BundleError("bundle_unknown_field", line=doc[LINE], key=key[:40])
    for key in HEADER_KEYS:
        if key not in doc:
            raise BundleError("bundle_missing_field", key=key)
    if doc["format"] != FORMAT:
        raise BundleError("bundle_not_dyz")
    _number(doc["format_version"], "format_version")
    _number(doc["schema_version"], "schema_version")
    _check_checksum(doc["checksum"], body_digest)

    sender = _mapping(doc["sender"], "sender", {"id", "name"})
    if not _HEX32.fullmatch(_text(sender["id"], "sender")):
        raise BundleError("bundle_bad_header", line=sender[LINE], key="sender.id")
    sender_name = _value("name", _text(sender["name"], "sender"), sender[LINE], "sender.name")
    created = _text(doc["created"], "created")
    try:
        from datetime import datetime

        datetime.fromisoformat(created)
    except ValueError:
        raise BundleError("bundle_bad_header", line=doc[LINE], key="created") from None
    redacted = _text(doc["redacted"], "redacted")
    if redacted not in ("yes", "no"):
        raise BundleError("bundle_bad_header", line=doc[LINE], key="redacted")
    counts_map = _mapping(doc["counts"], "counts", set(ENTITIES))
    counts = {k: _number(v, f"counts.{k}") for k, v in counts_map.items() if k != LINE}
    bundle.sender_id = sender["id"]
    bundle.sender_name = sender_name
    bundle.created = created
    bundle.redacted = redacted == "yes"
    bundle.counts = counts
    bundle.since = _marks(doc["since"], "since")
    bundle.seen = _marks(doc["seen"], "seen")
    bundle.checksum = doc["checksum"]
    body = doc["body"]
    if not isinstance(body, list):
        raise BundleError("bundle_bad_header", line=doc[LINE], key="body")
    _read_body(body, bundle, reading)
    found: dict[str, int] = {}
    for table, _, start, end in bundle.groups:
        found[table] = found.get(table, 0) + end - start
    if {k: v for k, v in counts.items() if v} != found:
        raise BundleError("bundle_counts", expected=_describe(counts), found=_describe(found))
    return bundle


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v) or "0"


def _body_digest(data: bytes) -> str | None:
    """SHA-256 of everything from the line `body:` on, which the header's checksum covers."""
    import hashlib

    start = data.find(b"\nbody:")
    if start < 0:
        return None
    return hashlib.sha256(memoryview(data)[start + 1 :]).hexdigest()


def _check_checksum(declared: Any, body_digest: str | None) -> None:
    if not isinstance(declared, str) or not declared.startswith("sha256:") or body_digest is None:
        raise BundleError("bundle_checksum")
    if body_digest != declared[7:]:
        raise BundleError("bundle_checksum")


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise BundleError("bundle_bad_header", line=_line(value), key=key)
    return value


def _line(value: Any) -> int | None:
    return value.get(LINE) if isinstance(value, dict) else None


def _number(value: Any, key: str) -> int:
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 9:
        raise BundleError("bundle_bad_header", line=_line(value), key=key)
    return int(value)


def _mapping(value: Any, key: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BundleError("bundle_bad_header", line=None, key=key)
    for name in value:
        if name != LINE and name not in allowed:
            raise BundleError("bundle_unknown_field", line=value[LINE], key=f"{key}.{name[:40]}")
    return value


def _marks(value: Any, key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise BundleError("bundle_bad_header", line=None, key=key)
    marks: dict[str, str] = {}
    for device, stamp in value.items():
        if device == LINE:
            continue
        if not (
            _HEX32.fullmatch(device)
            and isinstance(stamp, str)
            and _HLC.fullmatch(stamp)
            and stamp.endswith(device)
        ):
            raise BundleError("bundle_bad_header", line=value[LINE], key=f"{key}.{device[:40]}")
        marks[device] = stamp
    return marks


def _value(kind: str, text: str, line: int | None, field_name: str) -> Any:
    try:
        return READERS[kind](text)
    except BadValue as bad:
        raise BundleError(
            "bundle_bad_value", line=line, field=field_name, detail=bad.detail
        ) from None


Progress = Callable[[str, float], None]


class _Reading:
    """What reading one bundle's changes needs at hand, and what it has found so far."""

    def __init__(self, bundle: Bundle, progress: Progress | None = None, lines: int = 1) -> None:
        self.bundle = bundle
        self.progress = progress
        self.lines = max(lines, 1)
        self.changes = bundle.changes
        self.authors: dict[str, str] = {}
        self.typed: dict[str, dict[str, str]] = defaultdict(dict)  # kind -> text -> stored


def _record_target(record: dict[str, Any]) -> tuple[Any, str]:
    line = record[LINE]
    entity_name = record.get("table")
    spec = ENTITIES.get(entity_name) if isinstance(entity_name, str) else None
    if spec is None:
        raise BundleError("bundle_unknown_table", line=line, table=str(entity_name)[:40])
    record_id = record.get("id")
    if not isinstance(record_id, str) or not is_record_id(spec.name, record_id):
        raise BundleError("bundle_bad_record", line=line)
    return spec, record_id


def _changes_from_events(reading: _Reading) -> Any:
    """Read a record's `changes:` straight from the event stream into rows: the part of a
    bundle that is 100,000 entries long, read without a dict for each."""

    def read(walker: Any, start: Any, record: dict[str, Any]) -> Any:
        if "table" not in record or "id" not in record:
            return walker.sequence(start, 3)  # keys in another order: the slower path
        spec, record_id = _record_target(record)
        first = len(reading.changes)
        get = walker.get
        decorated = walker.decorated
        scalar, mapping_start, mapping_end = walker.scalar, walker.mapping_start, walker.mapping_end
        sequence_end = walker.sequence_end
        count = 0
        while True:
            event = get()
            kind = type(event)
            if kind is sequence_end:
                if count == 0:
                    raise BundleError("bundle_bad_record", line=record[LINE])
                reading.bundle.groups.append((spec.name, record_id, first, len(reading.changes)))
                return count
            if kind is not mapping_start:
                raise BundleError("bundle_bad_change", line=event.start_mark.line + 1, detail="{…}")
            if event.anchor is not None or event.tag is not None:
                refuse_decoration(event)
            line = event.start_mark.line + 1
            # the keys of a change, read into names of their own: no dict for each of 100,000
            c_id = c_hlc = c_by = c_set = c_clear = c_delete = c_to = c_after = None
            while True:
                key_event = get()
                if type(key_event) is mapping_end:
                    break
                value_event = get()
                if type(key_event) is not scalar:
                    raise BundleError("bundle_bad_key", line=line, key="{…}")
                if decorated and (key_event.anchor is not None or key_event.tag is not None):
                    refuse_decoration(key_event)
                if type(value_event) is scalar:
                    if decorated and (
                        value_event.anchor is not None or value_event.tag is not None
                    ):
                        refuse_decoration(value_event)
                    value: Any = value_event.value
                else:
                    value = walker.node(value_event, 4)
                key = key_event.value
                if key == "id" and c_id is None:
                    c_id = value
                elif key == "hlc" and c_hlc is None:
                    c_hlc = value
                elif key == "by" and c_by is None:
                    c_by = value
                elif key == "set" and c_set is None:
                    c_set = value
                elif key == "to" and c_to is None:
                    c_to = value
                elif key == "clear" and c_clear is None:
                    c_clear = value
                elif key == "delete" and c_delete is None:
                    c_delete = value
                elif key == "after" and c_after is None:
                    c_after = value
                elif key in CHANGE_KEYS:
                    raise BundleError(
                        "bundle_duplicate_key", line=key_event.start_mark.line + 1, key=key
                    )
                else:
                    raise BundleError("bundle_unknown_field", line=line, key=key[:40])
            count += 1
            _add_change(
                reading,
                line,
                spec,
                record_id,
                c_id,
                c_hlc,
                c_by,
                c_set,
                c_clear,
                c_delete,
                c_to,
                c_after,
            )

    return read


def _read_body(body: list[Any], bundle: Bundle, reading: _Reading) -> None:
    for index, record in enumerate(body):
        body[index] = None  # let each record go once read: a big bundle is read in one piece
        if not isinstance(record, dict):
            raise BundleError("bundle_bad_record", line=None)
        line = record[LINE]
        if not record.keys() <= RECORD_KEYS:
            unknown = sorted(set(record) - RECORD_KEYS)[0]
            raise BundleError("bundle_unknown_field", line=line, key=unknown[:40])
        items = record.get("changes")
        if type(items) is int:
            continue  # read already, from the event stream, table and id included
        spec, record_id = _record_target(record)
        if not isinstance(items, list) or not items:
            raise BundleError("bundle_bad_record", line=line)
        if len(bundle.changes) + len(items) > MAX_CHANGES:
            raise BundleError("bundle_too_many", limit=MAX_CHANGES)
        first = len(bundle.changes)
        for change in items:
            if not isinstance(change, dict):
                raise BundleError("bundle_bad_change", line=line, detail="{…}")
            fields = {k: v for k, v in change.items() if k != LINE}
            _add_fields(fields, change[LINE], spec, record_id, reading)
        bundle.groups.append((spec.name, record_id, first, len(bundle.changes)))


def _add_fields(
    change: dict[str, Any], line: int, spec: Any, record_id: str, reading: _Reading
) -> None:
    """One change written as an ordinary mapping (keys in another order than dyz writes)."""
    if not change.keys() <= CHANGE_KEYS:
        unknown = sorted(set(change) - CHANGE_KEYS)[0]
        raise BundleError("bundle_unknown_field", line=line, key=unknown[:40])
    get = change.get
    _add_change(
        reading,
        line,
        spec,
        record_id,
        get("id"),
        get("hlc"),
        get("by"),
        get("set"),
        get("clear"),
        get("delete"),
        get("to"),
        get("after"),
    )


def _add_change(
    reading: _Reading,
    line: int,
    spec: Any,
    record_id: str,
    change_id: Any,
    stamp: Any,
    author: Any,
    set_field: Any,
    clear_field: Any,
    delete: Any,
    text: Any,
    after: Any,
) -> None:
    """One change, from its values as written, checked into a row of `reading.changes`."""
    if len(reading.changes) >= MAX_CHANGES:
        raise BundleError("bundle_too_many", limit=MAX_CHANGES)
    if reading.progress is not None and len(reading.changes) % PROGRESS_EVERY == 0:
        reading.progress("read", line / reading.lines)
    if type(change_id) is not str:  # its form is checked with its content, by the hash below
        raise BundleError("bundle_bad_change", line=line, detail="id")
    if type(stamp) is not str or not _HLC.fullmatch(stamp):
        raise BundleError("bundle_bad_change", line=line, detail="hlc")
    authors = reading.authors
    known_author = authors.get(author) if type(author) is str else None
    if known_author is None:
        if type(author) is not str:
            raise BundleError("bundle_bad_change", line=line, detail="by")
        known_author = authors[author] = _value("name", author, line, "by")
    parents = "[]"
    if after is not None:
        if (
            not isinstance(after, list)
            or not after
            or not all(isinstance(p, str) and is_change_id(p) for p in after)
        ):
            raise BundleError("bundle_bad_change", line=line, detail="after")
        parents = encode(sorted(set(after)))
    field_name: Any
    if set_field is not None:
        if clear_field is not None or delete is not None:
            raise BundleError("bundle_bad_change", line=line, detail="set | clear | delete")
        field_name = set_field
        if type(field_name) is not str:
            raise BundleError("bundle_bad_change", line=line, detail="set")
        kind = spec.kinds.get(field_name) or _kind(spec, field_name, line)
        if type(text) is not str:
            raise BundleError("bundle_bad_change", line=line, detail="to")
        seen = reading.typed[kind]
        value = seen.get(text)
        if value is None:
            python_value = _value(kind, text, line, field_name)
            value = seen[text] = encode(python_value)
            reading.bundle.decoded[value] = python_value
        if field_name in REFERENCE_FIELDS:
            target = REFERENCES.get((spec.name, field_name))
            if target is not None:
                reading.bundle.references.append((target, text, line))
        op = "set"
    elif clear_field is not None:
        field_name = clear_field
        if delete is not None or text is not None or type(field_name) is not str:
            raise BundleError("bundle_bad_change", line=line, detail="clear")
        _kind(spec, field_name, line)
        if (spec.name, field_name) not in CLEARABLE:
            raise BundleError("bundle_bad_change", line=line, detail=f"clear {field_name[:40]}")
        value, op = "null", "set"
        reading.bundle.decoded[value] = None
    elif delete is not None:
        if delete != "yes" or text is not None or parents != "[]":
            raise BundleError("bundle_bad_change", line=line, detail="delete")
        field_name, value, op = "", None, "delete"
    else:
        raise BundleError("bundle_bad_change", line=line, detail="set | clear | delete")
    device = stamp[27:]
    entity = spec.name
    # Change.content_id, inlined: this line runs once per change of a 100,000-change bundle
    body = "\x00".join(
        (stamp, device, known_author, entity, record_id, op, field_name, value or "", parents)
    )
    if _sha256(body.encode("utf-8")).hexdigest()[:32] != change_id:
        raise BundleError("bundle_bad_id", line=line)
    reading.changes.append(
        (change_id, stamp, device, known_author, entity, record_id, op, field_name, value, parents)
    )


def _kind(spec: Any, field_name: str, line: int) -> str:
    kind = spec.kinds.get(field_name)
    if kind is not None:
        return str(kind)
    flag = field_name[len(FLAG_PREFIX) :]
    if spec.flag_table and field_name.startswith(FLAG_PREFIX) and _FLAG_CODE.fullmatch(flag):
        return "bool"
    raise BundleError("bundle_unknown_field", line=line, key=field_name[:40])
