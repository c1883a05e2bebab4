"""The body of a bundle in the one shape dyz writes it (bundle/writer.py), read a line at a time.

Each record is three lines and each change one line, a flow mapping whose values are all
double-quoted. Recognising that shape with regular expressions reads a body several times
faster than walking its YAML events, which costs more than everything else an import does.

The shape is kept narrow on purpose, to the lines whose YAML meaning is beyond doubt: the keys
in the writer's order, and in quotes only characters YAML takes as they are, or the escapes
that YAML and JSON read alike. Anything else (another key order, a comment, a tag, an anchor,
a `\\x` escape, a character YAML forbids, a line broken otherwise) is `NotAsWritten`: the
whole file then goes to the event walk (yamlwalk.py), which reads any YAML and refuses what it
must. So nothing here refuses a bundle, and nothing here can read one differently.

The body streams in: records are read as chunks of the file arrive, so a body of any size is
read in bounded memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterable, Iterator

# As a regular-expression class: what JSON leaves raw in a string but YAML must not meet raw
# in quotes. DEL and the C1 controls, which YAML forbids (U+0085 among them, which it would
# also read as a line break); its other line breaks; a byte-order mark; two non-characters.
NOT_RAW_IN_YAML = r"\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
# characters a double-quoted YAML scalar keeps as they are
_PLAIN = rf'[^"\\\x00-\x1f{NOT_RAW_IN_YAML}]*'
# escapes that mean the same to YAML and to JSON (a lone surrogate is an error to YAML)
_ESCAPE = r'\\(?:["\\bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{4})'
_QUOTED = rf'"({_PLAIN}(?:{_ESCAPE}{_PLAIN})*)"'
_CHANGE_ID = '"[0-9a-f]{32}"'
RECORD = re.compile(rf"- table: {_QUOTED}\n  id: {_QUOTED}\n  changes:\n")
CHANGE = re.compile(
    rf"  - \{{id: {_QUOTED}, hlc: {_QUOTED}, by: {_QUOTED}, "
    rf"(?:set: {_QUOTED}, to: {_QUOTED}|clear: {_QUOTED}|delete: {_QUOTED})"
    rf"(?:, after: \[({_CHANGE_ID}(?:, {_CHANGE_ID})*)\])?\}}\n"
)
# A record larger than this is not one dyz wrote (the largest is a roster photo, under 1 MiB).
RECORD_LIMIT = 16 << 20

# (line, id, hlc, by, set, clear, delete, to, after): a change's values as YAML would read them
Change = tuple[int, str, str, str, str | None, str | None, str | None, str | None, list[str] | None]


class NotAsWritten(Exception):
    """The body is not in the shape dyz writes: read it with the full YAML reader instead."""


def records(chunks: Iterable[bytes], line: int) -> Iterator[tuple[int, str, str, list[Change]]]:
    """(line, table, record id, changes) for each record of a body arriving in `chunks` (the
    bytes after the line `body:`, which is line `line` - 1); NotAsWritten where the shape
    breaks."""
    pending = bytearray()
    any_record = False
    for chunk in chunks:
        pending += chunk
        # a piece ends where a record starts: `\n- ` is nowhere else in the shape
        cut = pending.rfind(b"\n- ")
        if cut < 0:
            if len(pending) > RECORD_LIMIT:
                raise NotAsWritten
            continue
        ready = bytes(pending[: cut + 1])
        del pending[: cut + 1]
        line = yield from _records_in(_text(ready), line)
        any_record = True
    if pending:
        line = yield from _records_in(_text(bytes(pending)), line)
        any_record = True
    if not any_record:
        raise NotAsWritten


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotAsWritten from None


def _records_in(text: str, line: int) -> Generator[tuple[int, str, str, list[Change]], None, int]:
    """The records of one piece of the body; returns the line after them."""
    record_match, change_match = RECORD.match, CHANGE.match
    escaped = "\\" in text
    position, end = 0, len(text)
    while position < end:
        head = record_match(text, position)
        if head is None:
            raise NotAsWritten
        table, record_id = head.groups()
        if escaped:
            table, record_id = str(_unescape(table)), str(_unescape(record_id))
        record_line = line
        line += 3
        position = head.end()
        changes: list[Change] = []
        append = changes.append
        while (change := change_match(text, position)) is not None:
            c_id, hlc, by, set_field, to, clear, delete, after = change.groups()
            if escaped:
                by, to = _unescape(by), _unescape(to)
                if "\\" in change.group():
                    c_id, hlc, set_field, clear, delete = (
                        _unescape(v) for v in (c_id, hlc, set_field, clear, delete)
                    )
            parents = None if after is None else after[1:-1].split('", "')
            append((line, c_id, hlc, by, set_field, clear, delete, to, parents))
            line += 1
            position = change.end()
        if not changes:
            raise NotAsWritten
        yield record_line, table, record_id, changes
    return line


def _unescape(value: str | None) -> str | None:
    if value is None or "\\" not in value:
        return value
    return str(json.loads(f'"{value}"'))
