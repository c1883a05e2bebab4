"""Writing a bundle: a header a person can read, then the changes grouped by record.

Every value is written as a double-quoted string (JSON's string syntax is YAML's), so no
reader can mistake a phone number or `no` for something else. The body streams to disk as it
is written, so a notebook of any size is written in bounded memory; the file appears under its
name only once complete: it is written beside it under a temporary name, then renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from danyuanzhang.core.changes import Change
from danyuanzhang.sync.bundle.lines import NOT_RAW_IN_YAML
from danyuanzhang.sync.bundle.reader import FORMAT, FORMAT_VERSION, Header, digest_record, sealed

# one record's changes, in the order they are written
RecordChanges = tuple[str, str, Sequence[Change]]


# All in the Basic Multilingual Plane, so `\uXXXX` means the same to YAML and to JSON. (JSON's
# ASCII-only form would spell an emoji as a surrogate pair, which YAML refuses.)
_RAW_IN_JSON_NOT_IN_YAML = re.compile(f"[{NOT_RAW_IN_YAML}]")


def _escape_for_yaml(json_text: str) -> str:
    return _RAW_IN_JSON_NOT_IN_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}", json_text)


def quoted(text: str) -> str:
    """`text` as a double-quoted scalar that YAML and JSON read alike."""
    return _escape_for_yaml(json.dumps(text, ensure_ascii=False))


def value_text(stored: str) -> str | None:
    """The stored JSON value as the quoted text a bundle carries; None for no value."""
    if stored == "null":
        return None
    if stored.startswith('"'):
        return _escape_for_yaml(stored)
    return '"' + stored + '"'  # numbers and true/false, quoted so they stay text


def record_lines(entity: str, record: str, changes: Sequence[Change]) -> str:
    lines = [f'- table: "{entity}"\n  id: "{record}"\n  changes:\n']
    for change in changes:
        head = f'  - {{id: "{change.id}", hlc: "{change.hlc}", by: {quoted(change.author)}, '
        if change.op == "delete":
            tail = 'delete: "yes"}\n'
        else:
            text = value_text(change.value or "null")
            tail = (
                f'clear: "{change.field}"' if text is None else f'set: "{change.field}", to: {text}'
            )
            if change.parents != "[]":
                tail += ", after: " + change.parents.replace(",", ", ")
            tail += "}\n"
        lines.append(head + tail)
    return "".join(lines)


def header_text(header: Header) -> str:
    def marks(values: dict[str, str]) -> str:
        if not values:
            return "{}"
        inner = ", ".join(f'"{k}": "{v}"' for k, v in sorted(values.items()))
        return "{" + inner + "}"

    counts = ", ".join(f'{k}: "{v}"' for k, v in header.counts.items())
    lines = [
        "# dyz 数据包 · dyz bundle: changes from one laptop's notebook (docs/bundle-format.md).",
        "# 请勿手工修改 · Do not edit: each change's id and the checksum guard its content.",
        f'format: "{FORMAT}"',
        f'format_version: "{header.version}"',
        f'schema_version: "{header.schema}"',
        f"community: {quoted(header.community)}",
        f'sender: {{id: "{header.sender_id}", name: {quoted(header.sender_name)}}}',
        f'created: "{header.created}"',
        f'redacted: "{"yes" if header.redacted else "no"}"',
        f"scope: {quoted(header.scope)}",
        "counts: {" + counts + "}",
        f"since: {marks(header.since)}",
        f"seen: {marks(header.seen)}",
        f"received: {marks(header.received)}",
        *(_office_lines(header) if header.version >= 4 else []),
        *(_span_lines(header) if header.version >= 5 else []),
        f'checksum: "{header.checksum}"',
    ]
    if header.version >= 3:
        lines += [f'key: "{header.key}"', f'signature: "{header.signature}"']
    return "\n".join(lines) + "\n"


def _span_lines(header: Header) -> list[str]:
    from danyuanzhang.store.spans import as_written

    if not header.spans:
        return ["spans: []"]
    return [
        "spans:",
        *("- [" + ", ".join(f'"{t}"' for t in as_written(span)) + "]" for span in header.spans),
    ]


def _office_lines(header: Header) -> list[str]:
    office = header.office
    if office is None and header.office_held:  # the receiver holds it: only which one
        return [f'office: {{issued: "{header.office_held}"}}']
    if office is None:
        return ["office: {}"]
    lines = [
        "office:",
        f'  id: "{office.device}"',
        f"  name: {quoted(office.name)}",
        f'  key: "{office.key}"',
        f'  issued: "{office.issued}"',
        f'  signature: "{office.signature}"',
        "  members:" + ("" if office.members else " []"),
    ]
    for m in sorted(office.members, key=lambda m: m.device):
        lines.append(
            f'  - {{id: "{m.device}", name: {quoted(m.name)}, key: "{m.key}",'
            f' admitted: "{m.admitted}", revoked: "{m.revoked}"'
            + (f', revoked_on: "{m.revoked_on}"}}' if m.revoked_on else "}")
        )
    return lines


def write_bundle(
    path: Path,
    header: Header,
    records: Iterable[RecordChanges],
    sign: Callable[[str], str],
    finish: Callable[[Header], None] | None = None,
) -> tuple[int, str]:
    """Write the bundle; returns its size in bytes and its checksum. The header's counts,
    checksum and signature (`sign` of the checksum) are filled in here, from the records as
    they are written."""
    assert header.version == FORMAT_VERSION
    target = path.expanduser()
    temporary = target.with_name(f".{target.name}.part")
    body_file = target.with_name(f".{target.name}.body.part")
    counts: dict[str, int] = {}
    from danyuanzhang.system.writing import remove_stray_parts

    remove_stray_parts(target)
    try:
        written = 0
        digest = hashlib.sha256()
        fd = os.open(body_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as body:
            body.write(b"body:\n")
            batch: list[str] = []
            for entity, record, changes in records:
                batch.append(record_lines(entity, record, changes))
                counts[entity] = counts.get(entity, 0) + len(changes)
                digest_record(digest, entity, record, (c.id for c in changes))
                written += 1
                if len(batch) >= 500:
                    body.write("".join(batch).encode("utf-8"))
                    batch.clear()
            if batch:
                body.write("".join(batch).encode("utf-8"))
            if not written:
                body.seek(0)
                body.truncate()
                body.write(b"body: []\n")
        from danyuanzhang.core.records import ENTITY_ORDER

        header.counts = {name: counts[name] for name in ENTITY_ORDER if name in counts}
        if finish is not None:  # what the header can say only once the body is written
            finish(header)
        checksum = sealed(header, digest.hexdigest())
        header.checksum = f"sha256:{checksum}"
        header.signature = sign(header.checksum)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, body_file.open("rb") as body_in:
            out.write(header_text(header).encode("utf-8"))
            shutil.copyfileobj(body_in, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        body_file.unlink(missing_ok=True)
        temporary.unlink(missing_ok=True)
    return target.stat().st_size, checksum
