"""Writing a bundle: a header a person can read, then the changes grouped by record.

Every value is written as a double-quoted string (JSON's string syntax is YAML's), so no
reader can mistake a phone number or `no` for something else. The file appears under its
name only once complete: it is written beside it under a temporary name, then renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from danyuanzhang.bundle.lines import NOT_RAW_IN_YAML
from danyuanzhang.bundle.reader import FORMAT, FORMAT_VERSION
from danyuanzhang.store.migrations import LATEST

# (entity, record, [(id, hlc, author, op, field, value, parents), ...])
RecordChanges = tuple[str, str, Sequence[tuple[str, str, str, str, str, str | None, str]]]


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


def body_lines(records: Iterable[RecordChanges]) -> Iterable[str]:
    for entity, record, changes in records:
        yield f'- table: "{entity}"\n  id: "{record}"\n  changes:\n'
        for change_id, hlc, author, op, field, value, parents in changes:
            head = f'  - {{id: "{change_id}", hlc: "{hlc}", by: {quoted(author)}, '
            if op == "delete":
                tail = 'delete: "yes"}\n'
            else:
                text = value_text(value or "null")
                tail = f'clear: "{field}"' if text is None else f'set: "{field}", to: {text}'
                if parents != "[]":
                    tail += ", after: " + parents.replace(",", ", ")
                tail += "}\n"
            yield head + tail


def header_text(header: dict[str, Any]) -> str:
    def marks(values: dict[str, str]) -> str:
        if not values:
            return "{}"
        inner = ", ".join(f'"{k}": "{v}"' for k, v in sorted(values.items()))
        return "{" + inner + "}"

    counts = ", ".join(f'{k}: "{v}"' for k, v in header["counts"].items())
    lines = [
        "# dyz 数据包 · dyz bundle: changes from one laptop's notebook (docs/bundle-format.md).",
        "# 请勿手工修改 · Do not edit: a checksum guards everything from `body:` on.",
        f'format: "{FORMAT}"',
        f'format_version: "{FORMAT_VERSION}"',
        f'schema_version: "{LATEST}"',
        f'sender: {{id: "{header["sender_id"]}", name: {quoted(header["sender_name"])}}}',
        f'created: "{header["created"]}"',
        f'redacted: "{"yes" if header["redacted"] else "no"}"',
        "counts: {" + counts + "}",
        f"since: {marks(header['since'])}",
        f"seen: {marks(header['seen'])}",
        f'checksum: "sha256:{header["checksum"]}"',
    ]
    return "\n".join(lines) + "\n"


def write_bundle(path: Path, header: dict[str, Any], records: Iterable[RecordChanges]) -> int:
    """Write the bundle; returns its size in bytes. `header` gets its checksum here."""
    chunks: list[bytes] = []
    digest = hashlib.sha256()
    first = b"body:\n"
    digest.update(first)
    chunks.append(first)
    batch: list[str] = []
    for line in body_lines(records):
        batch.append(line)
        if len(batch) >= 2000:
            data = "".join(batch).encode("utf-8")
            digest.update(data)
            chunks.append(data)
            batch.clear()
    if batch:
        data = "".join(batch).encode("utf-8")
        digest.update(data)
        chunks.append(data)
    if len(chunks) == 1:
        chunks[0] = b"body: []\n"
        digest = hashlib.sha256(chunks[0])
    header = {**header, "checksum": digest.hexdigest()}
    target = path.expanduser()
    temporary = target.with_name(f".{target.name}.part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(header_text(header).encode("utf-8"))
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, target)
    return target.stat().st_size
