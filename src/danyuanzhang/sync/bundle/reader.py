"""Reading a bundle: its header, then its records one at a time, every change checked.

A bundle is read as it streams by, so that a file of any size is read in bounded memory: the
importer applies the records in batches inside one transaction and rolls all of it back at the
first problem, so a refused bundle changes nothing. Nothing here touches a database.

Two readers, one verdict. A body in the layout dyz writes is read line by line (lines.py);
anything else — a bundle that an editor, a chat app or another YAML program has reshaped — is
read from its YAML events (yamlwalk.py). Every check after reading is shared (`Body`), so a
bundle is accepted or refused, with one message, whichever way it came.

>>> source = open_source(Path("2-2单元.yaml"))  # doctest: +SKIP
>>> read_bundle(source).header.sender_name  # doctest: +SKIP
'周玉梅的电脑'
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import sha256 as _sha256  # OpenSSL's: faster per byte than the builtin
from pathlib import Path
from typing import IO, Any

from danyuanzhang.core.changes import FLAG_PREFIX, Change, encode
from danyuanzhang.core.merge import Incoming
from danyuanzhang.core.records import CLEARABLE, ENTITIES, REFERENCES
from danyuanzhang.store.migrations import LATEST
from danyuanzhang.store.spans import Span
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.office import Member, OfficeList
from danyuanzhang.sync.bundle.values import READERS, BadValue, is_change_id, is_record_id
from danyuanzhang.sync.bundle.yamlwalk import LINE, walk

FORMAT = "dyz-bundle"
FORMAT_VERSION = 5
HEADER_LIMIT = 8 << 20  # the header must end within this (a district's marks fit many times)
# A body that is not in dyz's own layout is read from its YAML events, which build each scalar
# whole: such a file is read only up to this size (a bundle dyz writes has no limit).
EVENT_WALK_LIMIT = 64 << 20
CHUNK = 1 << 20
PROGRESS_EVERY = 5000  # changes between two reports to a progress bar
COMMON_KEYS = (
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
_V2 = (*COMMON_KEYS[:3], "community", *COMMON_KEYS[3:6], "scope", *COMMON_KEYS[6:9], "received")
HEADER_KEYS = {
    1: COMMON_KEYS,
    2: _V2 + COMMON_KEYS[9:],
    # signed: the sender's public key, and its signature over the checksum (which covers the key)
    3: (*_V2, "checksum", "key", "signature", "body"),
    # the community office's signed list of admitted laptops (bundle/office.py), or {}
    4: (*_V2, "office", "checksum", "key", "signature", "body"),
    # the spans (store/spans.py) that prove who made the changes it carries
    5: (*_V2, "office", "spans", "checksum", "key", "signature", "body"),
}
OFFICE_KEYS = {"id", "name", "key", "issued", "signature", "members"}
MEMBER_KEYS = {"id", "name", "key", "admitted", "revoked"}
MEMBER_OPTIONAL = {"revoked_on"}  # when the office revoked it (a list of schema 18 on)
MEMBERS_LIMIT = 100_000
SPAN_PARTS = 7  # first, last, count, signs_after, signature, at, proof (store/spans.py)
SPANS_LIMIT = 1_000_000
RECORD_KEYS = {"table", "id", "changes", LINE}
CHANGE_KEYS = ("id", "hlc", "by", "set", "clear", "delete", "to", "after")
# a stamp's counter starts with 0: no laptop counts to 10^9 in one millisecond, and a counter at
# its end (9999999999) would leave no stamp to write after it
HLC = re.compile(r"[0-9]{15}-0[0-9]{9}-[0-9a-f]{32}")
_STAMP = re.compile(r"[0-9]{15}-0[0-9]{9}")  # a stamp without its laptop
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_SIGNATURE = re.compile(r"[A-Za-z0-9+/]{86}==")  # 64 bytes in base64
_FLAG_CODE = re.compile(r"[a-z][a-z0-9_]{1,30}")
_VERSION_LINE = re.compile(rb"^(format_version|schema_version):\s*[\"']?([0-9]+)", re.M)
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_BOM = b"\xef\xbb\xbf"

# read for every change of a big bundle: the record types' field kinds, and a change made
# without NamedTuple's keyword-taking constructor
_KINDS = {name: spec.kinds for name, spec in ENTITIES.items()}
_new_change = functools.partial(tuple.__new__, Change)

Progress = Callable[[str, float], None]
Deliver = Callable[[Incoming, int], None]  # a checked record, and the line it starts on


@dataclass
class Header:
    version: int
    schema: int
    community: str
    sender_id: str
    sender_name: str
    created: str
    redacted: bool
    scope: str  # "" for the whole notebook
    counts: dict[str, int]
    since: dict[str, str]
    seen: dict[str, str]
    received: dict[str, str]  # device -> the last bundle of that device's the sender imported
    checksum: str  # as declared: "sha256:…"
    key: str = ""  # the sender's Ed25519 public key, base64 (format 3)
    signature: str = ""  # its signature over `checksum`, base64 (format 3)
    office: OfficeList | None = None  # the office's signed list of admitted laptops (format 4)
    office_held: str = ""  # `issued` of the office's list the sender holds, sent or not
    spans: list[Span] = field(
        default_factory=list
    )  # signed by the laptops whose changes it carries


@dataclass
class Source:
    """A bundle file opened for reading, with what its first bytes told."""

    path: Path
    size: int
    open: Callable[[], IO[bytes]]
    skip: int  # bytes of a byte-order mark before the text
    crlf: bool  # its lines end with \r\n (Windows: Notepad, a mail client, a chat app)
    head: bytes  # the header, up to and with the line `body:` (line ends made \n)
    body_start: int  # where the line after `body:` starts in the file
    body_line: int  # and its line number
    named: bool  # "dyz-bundle" appears near its start

    @property
    def as_written(self) -> bool:
        return bool(self.head)


def open_source(path: Path) -> Source:
    """Open a bundle, refusing at once what cannot be one: a folder, a device such as
    /dev/zero, an empty file, text in UTF-16, a NUL in the header, a newer format."""
    try:
        info = path.stat()
    except OSError:
        raise BundleError("bundle_unreadable") from None
    if not stat.S_ISREG(info.st_mode):
        raise BundleError("bundle_not_a_file")
    return _source(path, info.st_size, lambda: path.open("rb"))


def source_from_bytes(data: bytes, path: Path = Path("bundle.yaml")) -> Source:
    """The same, for a bundle already in memory (tests, and the readers' law)."""
    return _source(path, len(data), lambda: io.BytesIO(data))


def _source(path: Path, size: int, opener: Callable[[], IO[bytes]]) -> Source:
    try:
        with opener() as stream:
            first = stream.read(HEADER_LIMIT + 8)
    except OSError:
        raise BundleError("bundle_unreadable") from None
    if not first:
        raise BundleError("bundle_empty")
    if first.startswith(_UTF16_MARKS):
        raise BundleError("bundle_utf16")
    skip = len(_BOM) if first.startswith(_BOM) else 0
    text = first[skip:]
    newline = text.find(b"\n")
    crlf = newline > 0 and text[newline - 1 : newline] == b"\r"
    if crlf:
        text = text.replace(b"\r\n", b"\n")
    _refuse_newer(text[:4096])
    found = text.find(b"\nbody:\n")
    head = b""
    body_start = body_line = 0
    if found >= 0:
        head = text[: found + 7]
        if b"\x00" in head:
            raise BundleError("bundle_nul", line=head.count(b"\n", 0, head.index(b"\x00")) + 1)
        body_line = head.count(b"\n") + 1
        body_start = skip + found + 7 + (head.count(b"\n") if crlf else 0)
    elif b"\x00" in text[:4096]:
        raise BundleError("bundle_nul", line=text.count(b"\n", 0, text.index(b"\x00")) + 1)
    try:
        text[:65536].decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        if error.start < min(len(text), 65536) - 4:  # not a character cut at the end
            raise BundleError(
                "bundle_not_utf8", line=text.count(b"\n", 0, error.start) + 1
            ) from None
    named = FORMAT.encode() in text
    return Source(path, size, opener, skip, crlf, head, body_start, body_line, named)


def _refuse_newer(head: bytes) -> None:
    """A newer dyz may write what this one cannot even parse: say "upgrade" first."""
    for name, number in _VERSION_LINE.findall(head):
        supported = FORMAT_VERSION if name == b"format_version" else LATEST
        if int(number) > supported:
            raise BundleError("bundle_newer", version=int(number), supported=supported)


# -- the header ----------------------------------------------------------------------------------


def read_header(doc: dict[str, Any]) -> Header:
    """The header's values, checked; `doc` is the document with or without its body."""
    version = _header_version(doc)
    schema = _number(doc["schema_version"], "schema_version")
    sender = _mapping(doc["sender"], "sender", {"id", "name"})
    if not _HEX32.fullmatch(_text(sender["id"], "sender")):
        raise BundleError("bundle_bad_header", line=sender[LINE], key="sender.id")
    sender_name = _laptop_name(_text(sender["name"], "sender"), sender[LINE], "sender.name")
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
    community = scope = ""
    received: dict[str, str] = {}
    if version >= 2:
        community = _text(doc["community"], "community")
        if community:
            community = _value("name", community, doc[LINE], "community")
        scope = _text(doc["scope"], "scope")
        if len(scope) > 400 or not scope.isprintable():
            raise BundleError("bundle_bad_header", line=doc[LINE], key="scope")
        received = _received(doc["received"])
    checksum = doc["checksum"]
    if (
        not isinstance(checksum, str)
        or not checksum.startswith("sha256:")
        or not _HEX64.fullmatch(checksum[7:])
    ):
        raise BundleError("bundle_checksum")
    key = signature = ""
    if version >= 3:
        from danyuanzhang.sync.keys import well_formed

        key = _text(doc["key"], "key")
        if not well_formed(key):
            raise BundleError("bundle_bad_header", line=doc[LINE], key="key")
        signature = _text(doc["signature"], "signature")
        if not _SIGNATURE.fullmatch(signature):
            raise BundleError("bundle_bad_header", line=doc[LINE], key="signature")
    office, office_held = _office(doc["office"]) if version >= 4 else (None, "")
    spans = _spans(doc["spans"]) if version >= 5 else []
    return Header(
        version,
        schema,
        community,
        sender["id"],
        sender_name,
        created,
        redacted == "yes",
        scope,
        counts,
        _marks(doc["since"], "since"),
        _marks(doc["seen"], "seen"),
        received,
        checksum,
        key,
        signature,
        office,
        office_held,
        spans,
    )


def _header_version(doc: dict[str, Any]) -> int:
    """The header's format version, once it is known to be a dyz bundle with that version's
    keys, no more and no fewer."""
    if "format" not in doc:
        raise BundleError("bundle_missing_field", key="format")
    if doc["format"] != FORMAT:
        raise BundleError("bundle_not_dyz")
    version = _number(doc.get("format_version"), "format_version")
    if version not in HEADER_KEYS:
        raise BundleError("bundle_newer", version=version, supported=FORMAT_VERSION)
    keys = HEADER_KEYS[version]
    for key in doc:
        if key != LINE and key not in keys:
            raise BundleError("bundle_unknown_field", line=doc[LINE], key=key[:40])
    for key in keys:
        if key not in doc and key != "body":  # the body is each reader's to find
            raise BundleError("bundle_missing_field", key=key)
    return version


def _laptop_name(text: str, line: int | None, key: str) -> str:
    """A laptop's name, as a name, and never a path."""
    from danyuanzhang.text.inputs import laptop_name_ok

    name = str(_value("name", text, line, key))
    if not laptop_name_ok(name):
        raise BundleError("bundle_bad_header", line=line, key=key)
    return name


def _office(value: Any) -> tuple[OfficeList | None, str]:
    """The office's list as the header spells it, and the stamp of the list the sender holds:
    {} for none, only `issued` when the receiver is known to hold that list already.
    The list's signature is checked by the import, against the office this laptop trusts."""
    from danyuanzhang.sync.keys import well_formed

    block = _mapping(value, "office", OFFICE_KEYS)
    if set(block) <= {LINE}:
        return None, ""
    line = block[LINE]
    if set(block) == {LINE, "issued"}:
        issued = _text(block["issued"], "office.issued")
        if not HLC.fullmatch(issued):
            raise BundleError("bundle_bad_header", line=line, key="office")
        return None, issued
    for key in OFFICE_KEYS:
        if key not in block:
            raise BundleError("bundle_missing_field", key=f"office.{key}")
    device, key, issued = (_text(block[k], f"office.{k}") for k in ("id", "key", "issued"))
    signature = _text(block["signature"], "office.signature")
    if not (
        _HEX32.fullmatch(device)
        and well_formed(key)
        and HLC.fullmatch(issued)
        and _SIGNATURE.fullmatch(signature)
    ):
        raise BundleError("bundle_bad_header", line=line, key="office")
    name = _laptop_name(_text(block["name"], "office.name"), line, "office.name")
    rows = block["members"]
    if not isinstance(rows, list) or len(rows) > MEMBERS_LIMIT:
        raise BundleError("bundle_bad_header", line=line, key="office.members")
    members = []
    for row in rows:
        entry = _mapping(row, "office.members", MEMBER_KEYS | MEMBER_OPTIONAL)
        texts = {k: _text(entry.get(k), f"office.members.{k}") for k in MEMBER_KEYS}
        revoked_on = _text(entry.get("revoked_on", ""), "office.members.revoked_on")
        if not (
            _HEX32.fullmatch(texts["id"])
            and (not texts["key"] or well_formed(texts["key"]))
            and HLC.fullmatch(texts["admitted"])
            and (not texts["revoked"] or HLC.fullmatch(texts["revoked"]))
            and (not revoked_on or (texts["revoked"] and HLC.fullmatch(revoked_on)))
        ):
            raise BundleError("bundle_bad_header", line=entry[LINE], key="office.members")
        member_name = _laptop_name(texts["name"], entry[LINE], "office.members.name")
        members.append(
            Member(
                texts["id"],
                member_name,
                texts["key"],
                texts["admitted"],
                texts["revoked"],
                revoked_on,
            )
        )
    return OfficeList(device, name, key, issued, members, signature), issued


def _spans(value: Any) -> list[Span]:
    """The spans, checked, in order; spans of one laptop may not overlap."""
    from danyuanzhang.store.spans import SPAN_MOST, read_at, read_proof

    if not isinstance(value, list) or len(value) > SPANS_LIMIT:
        raise BundleError("bundle_bad_header", line=None, key="spans")
    found = []
    for entry in value:
        if not (
            isinstance(entry, list)
            and len(entry) == SPAN_PARTS
            and all(isinstance(part, str) for part in entry)
        ):
            raise BundleError("bundle_bad_header", line=None, key="spans")
        first, last, count_text, after, signature, at, proof = entry
        device = first[-32:]
        count = int(count_text) if count_text.isascii() and count_text.isdigit() else 0
        if not (
            HLC.fullmatch(first)
            and _STAMP.fullmatch(last)
            and first <= f"{last}-{device}"
            and (not after or _STAMP.fullmatch(after))
            and _SIGNATURE.fullmatch(signature)
            and 0 < count <= SPAN_MOST
            and len(count_text) <= 4
        ):
            raise BundleError("bundle_bad_header", line=None, key="spans")
        try:
            span = Span(
                first,
                f"{last}-{device}",
                count,
                "",
                f"{after}-{device}" if after else "",
                signature,
                read_at(at, count),
                read_proof(proof),
            )
        except ValueError:
            raise BundleError("bundle_bad_header", line=None, key="spans.proof") from None
        found.append(span)
    found.sort(key=lambda span: (span.device, span.first))
    for before, span in zip(found, found[1:], strict=False):
        if before.device == span.device and span.first <= before.last:
            raise BundleError("bundle_bad_header", line=None, key="spans")
    return found


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
            and HLC.fullmatch(stamp)
            and stamp.endswith(device)
        ):
            raise BundleError("bundle_bad_header", line=value[LINE], key=f"{key}.{device[:40]}")
        marks[device] = stamp
    return marks


def _received(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise BundleError("bundle_bad_header", line=None, key="received")
    found: dict[str, str] = {}
    for device, bundle in value.items():
        if device == LINE:
            continue
        if not (_HEX32.fullmatch(device) and isinstance(bundle, str) and _HEX64.fullmatch(bundle)):
            raise BundleError("bundle_bad_header", line=value[LINE], key=f"received.{device[:40]}")
        found[device] = bundle
    return found


def _value(kind: str, text: str, line: int | None, field_name: str) -> Any:
    try:
        return READERS[kind](text)
    except BadValue as bad:
        raise BundleError(
            "bundle_bad_value", line=line, field=field_name, detail=bad.detail
        ) from None


def sealed(header: Header, body_digest: str) -> str:
    """The checksum: SHA-256 over the header's content in a canonical form and the digest of
    the body, which covers each record's table and id and each change's id (and each id
    hashes all of its change). So the checksum covers a bundle's content, not the bytes it
    is spelt in: line ends, a byte-order mark or another YAML layout leave it as it was."""
    marks = [
        "\x1e".join(f"{k}={v}" for k, v in sorted(values.items()))
        for values in (header.counts, header.since, header.seen, header.received)
    ]
    parts = (
        FORMAT,
        str(header.version),
        str(header.schema),
        header.community,
        header.sender_id,
        header.sender_name,
        header.created,
        "yes" if header.redacted else "no",
        header.scope,
        *marks,
        *((header.key,) if header.version >= 3 else ()),
        *((_office_sealed(header),) if header.version >= 4 else ()),
        *((_spans_sealed(header),) if header.version >= 5 else ()),
        body_digest,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _office_sealed(header: Header) -> str:
    office = header.office
    if office is not None:
        return office.signed_text() + "\x1d" + office.signature
    return header.office_held


def _spans_sealed(header: Header) -> str:
    from danyuanzhang.store.spans import as_written

    return "\x1e".join("\x1d".join(as_written(span)) for span in header.spans)


def digest_record(digest: Any, entity: str, record: str, change_ids: Iterable[str]) -> None:
    """Add one record to a body's digest (see `sealed`)."""
    digest.update(f"\x1d{entity}\x1f{record}{''.join(change_ids)}".encode())


# -- the body ------------------------------------------------------------------------------------


class Body:
    """Checks a body's records as they arrive and hands each on; at the end, the counts and
    the checksum. Both readers feed it, so both give one verdict."""

    def __init__(
        self,
        header: Header,
        deliver: Deliver,
        progress: Progress | None = None,
        total_lines: int = 1,
    ) -> None:
        self.header = header
        self.deliver = deliver
        self.progress = progress
        self.total_lines = max(total_lines, 1)
        self.found: dict[str, int] = {}
        self.changes = 0
        self.digest = hashlib.sha256()  # of the body: see `sealed`
        self.authors: dict[str, str] = {}
        self.typed: dict[str, dict[str, str]] = {}  # kind -> text -> stored value
        # (record type, record id) -> the first line naming it: checked once all is applied
        self.references: dict[tuple[str, str], int] = {}

    def record(self, line: int, table: Any, record_id: Any, items: list[tuple[Any, ...]]) -> None:
        """One record: its line, table, id and changes, each change (line, id, hlc, by, set,
        clear, delete, to, after) as written."""
        spec = ENTITIES.get(table) if isinstance(table, str) else None
        if spec is None:
            raise BundleError("bundle_unknown_table", line=line, table=str(table)[:40])
        if not isinstance(record_id, str) or not is_record_id(spec.name, record_id):
            raise BundleError("bundle_bad_record", line=line)
        if not items:
            raise BundleError("bundle_bad_record", line=line)
        changes = [self._change(spec, record_id, *item) for item in items]
        digest_record(self.digest, spec.name, record_id, (c.id for c in changes))
        self.found[spec.name] = self.found.get(spec.name, 0) + len(changes)
        self.deliver(Incoming(spec.name, record_id, changes), line)

    def finish(self, raw_digest: str | None = None) -> None:
        """The counts, then the checksum: of the content (format 2), or of the body's bytes
        as format 1 had it (`raw_digest`)."""
        counts = {k: v for k, v in self.header.counts.items() if v}
        if counts != self.found:
            raise BundleError(
                "bundle_counts", expected=_describe(counts), found=_describe(self.found)
            )
        declared = self.header.checksum[7:]
        actual = self.checksum() if self.header.version >= 2 else raw_digest
        if actual != declared:
            raise BundleError("bundle_checksum")

    def checksum(self) -> str:
        return sealed(self.header, self.digest.hexdigest())

    def _change(  # noqa: PLR0913
        self,
        spec: Any,
        record_id: str,
        line: int,
        change_id: Any,
        stamp: Any,
        author: Any,
        set_field: Any,
        clear_field: Any,
        delete: Any,
        text: Any,
        after: Any,
    ) -> Change:
        """One change, from its values as written, checked."""
        self.changes += 1
        if self.progress is not None and self.changes % PROGRESS_EVERY == 0:
            self.progress("read", min(line / self.total_lines, 1.0))
        if type(change_id) is not str:  # its form is checked with its content, by the hash below
            raise BundleError("bundle_bad_change", line=line, detail="id")
        if type(stamp) is not str or not HLC.fullmatch(stamp):
            raise BundleError("bundle_bad_change", line=line, detail="hlc")
        known_author = self.authors.get(author) if type(author) is str else None
        if known_author is None:
            if type(author) is not str:
                raise BundleError("bundle_bad_change", line=line, detail="by")
            known_author = self.authors[author] = _value("name", author, line, "by")
        parents = "[]"
        if after is not None:
            if (
                not isinstance(after, list)
                or not after
                or not all(isinstance(p, str) and is_change_id(p) for p in after)
            ):
                raise BundleError("bundle_bad_change", line=line, detail="after")
            parents = encode(sorted(set(after)))
        field_name, value, op = self._what(
            spec, line, set_field, clear_field, delete, text, parents == "[]"
        )
        device = stamp[27:]
        entity = spec.name
        # Change.content_id, inlined: this line runs once per change of a big bundle
        body = "\x00".join(
            (stamp, device, known_author, entity, record_id, op, field_name, value or "", parents)
        )
        if _sha256(body.encode("utf-8")).hexdigest()[:32] != change_id:
            raise BundleError("bundle_bad_id", line=line)
        return _new_change(
            (
                change_id,
                stamp,
                device,
                known_author,
                entity,
                record_id,
                op,
                field_name,
                value,
                parents,
            )
        )

    def _what(
        self,
        spec: Any,
        line: int,
        set_field: Any,
        clear_field: Any,
        delete: Any,
        text: Any,
        parentless: bool,
    ) -> tuple[str, str | None, str]:
        """A change's field, value (encoded) and op, from its values as written, checked."""
        field_name: Any
        if set_field is not None:
            if clear_field is not None or delete is not None:
                raise BundleError("bundle_bad_change", line=line, detail="set | clear | delete")
            field_name = set_field
            if type(field_name) is not str:
                raise BundleError("bundle_bad_change", line=line, detail="set")
            kind = _KINDS[spec.name].get(field_name) or _kind(spec, field_name, line)
            if type(text) is not str:
                raise BundleError("bundle_bad_change", line=line, detail="to")
            seen = self.typed.get(kind)
            if seen is None:
                seen = self.typed[kind] = {}
            value = seen.get(text)
            if value is None:
                value = seen[text] = encode(_value(kind, text, line, field_name))
            target = REFERENCES.get((spec.name, field_name))
            if target is not None:
                self.references.setdefault((target, text), line)
            op = "set"
        elif clear_field is not None:
            field_name = clear_field
            if delete is not None or text is not None or type(field_name) is not str:
                raise BundleError("bundle_bad_change", line=line, detail="clear")
            _kind(spec, field_name, line)
            if (spec.name, field_name) not in CLEARABLE:
                raise BundleError("bundle_bad_change", line=line, detail=f"clear {field_name[:40]}")
            value, op = "null", "set"
        elif delete is not None:
            if delete != "yes" or text is not None or not parentless:
                raise BundleError("bundle_bad_change", line=line, detail="delete")
            field_name, value, op = "", None, "delete"
        else:
            raise BundleError("bundle_bad_change", line=line, detail="set | clear | delete")
        return field_name, value, op


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v) or "0"


def _kind(spec: Any, field_name: str, line: int) -> str:
    kind = spec.kinds.get(field_name)
    if kind is not None:
        return str(kind)
    flag = field_name[len(FLAG_PREFIX) :]
    if spec.flag_table and field_name.startswith(FLAG_PREFIX) and _FLAG_CODE.fullmatch(flag):
        return "bool"
    raise BundleError("bundle_unknown_field", line=line, key=field_name[:40])


# -- reading a whole file ------------------------------------------------------------------------


class ReadAgain(Exception):
    """The line reader met something it is not sure of after delivering records, or refused
    the bundle (`refused`): the caller undoes what it did with them and reads the bundle again,
    by its events, whose verdict is final — the same refusal, or an earlier one the walk meets
    first (a break in the YAML further on, say). So a bundle gets one message either way."""

    def __init__(self, refused: BundleError | None = None) -> None:
        super().__init__()
        self.refused = refused


def _head_as_written(source: Source) -> dict[str, Any] | None:
    """The header of a bundle laid out as dyz writes it, walked on its own; None otherwise."""
    if not source.head or any(mark in source.head for mark in _OTHER_LINE_BREAKS):
        return None  # YAML counts lines by these too: the line numbers would be off
    try:
        doc = walk(source.head[:-6], continued=True)
    except BundleError:
        return None
    if not isinstance(doc, dict) or "body" in doc:
        return None
    return doc


def peek_header(source: Source) -> Header:
    """Only the header: who sent it, from which community, whether it was imported before."""
    doc = _head_as_written(source)
    if doc is None:
        doc = walk(_walkable(source), {(0, "body"): _skip_body})
        if not isinstance(doc, dict):
            raise BundleError("bundle_not_mapping")
    return read_header(doc)


def _walkable(source: Source) -> bytes:
    """The text the event walk reads. It builds each scalar whole, so it reads only files of
    a bounded size; a NUL is refused with its line, as the line reader refuses it; and an
    astral character that a JSON writer spelt as a surrogate pair (Python's json.dumps does),
    which YAML refuses, is spelt as YAML's one escape for it."""
    if source.size > EVENT_WALK_LIMIT:
        if not source.named:
            raise BundleError("bundle_not_dyz")
        raise BundleError("bundle_too_big_to_walk", limit_mb=EVENT_WALK_LIMIT >> 20)
    with source.open() as stream:
        data = stream.read(EVENT_WALK_LIMIT + 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BundleError("bundle_nul", line=data.count(b"\n", 0, nul) + 1)
    if b"\\u" in data or b"\\U" in data:
        data = _SURROGATE_PAIR.sub(_one_escape, data)
    return data


_SURROGATE_PAIR = re.compile(
    rb"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
)


def _one_escape(found: re.Match[bytes]) -> bytes:
    high, low = int(found.group(2), 16), int(found.group(3), 16)
    point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    return found.group(1) + b"\\U%08X" % point


def _skip_body(walker: Any, _start: Any, _doc: dict[str, Any]) -> list[Any]:
    walker.skip(1)
    return []


def read_as_written(
    source: Source, deliver: Deliver, progress: Progress | None = None
) -> Body | None:
    """Read a bundle in the layout dyz writes, line by line. None, before anything is
    delivered, when it is not in that layout; ReadAgain when that shows only part-way."""
    from danyuanzhang.sync.bundle.lines import NotAsWritten, records

    doc = _head_as_written(source)
    if doc is None:
        return None
    try:
        header = read_header(doc)
        body = Body(header, deliver, progress, count_lines(source) if progress else 1)
        raw = _sha256(b"body:\n")
        delivered = False
        with source.open() as stream:
            stream.seek(source.body_start)
            chunks = _chunks(stream, source.crlf, raw, source.body_line)
            for line, table, record_id, items in records(chunks, source.body_line):
                body.record(line, table, record_id, items)
                delivered = True
        body.finish(raw.hexdigest())
    except NotAsWritten:
        if delivered:
            raise ReadAgain from None
        return None
    except BundleError as error:
        if source.size > EVENT_WALK_LIMIT:
            raise  # too big for the walk: this reader's verdict is the only one
        raise ReadAgain(error) from None
    return body


_OTHER_LINE_BREAKS = (b"\r", "\x85".encode(), "\u2028".encode(), "\u2029".encode())


def _chunks(stream: IO[bytes], crlf: bool, digest: Any, line: int) -> Iterator[bytes]:
    """The rest of the file a chunk at a time, line ends made \\n, each chunk also hashed (for
    the checksum of format 1, which covered the body's bytes). A NUL is refused with its line:
    it is in no YAML, and no reader may read past one."""
    carry = b""
    while chunk := stream.read(CHUNK):
        if crlf:
            chunk = carry + chunk
            carry = b"\r" if chunk.endswith(b"\r") else b""
            chunk = chunk[: len(chunk) - len(carry)].replace(b"\r\n", b"\n")
        nul = chunk.find(b"\x00")
        if nul >= 0:
            raise BundleError("bundle_nul", line=line + chunk.count(b"\n", 0, nul))
        line += chunk.count(b"\n")
        digest.update(chunk)
        yield chunk
    if carry:
        digest.update(carry)
        yield carry


def count_lines(source: Source) -> int:
    """For a progress bar: how many lines the file has."""
    lines = 0
    with source.open() as stream:
        while chunk := stream.read(CHUNK):
            lines += chunk.count(b"\n")
    return max(lines, 1)


def read_by_events(source: Source, deliver: Deliver, progress: Progress | None = None) -> Body:
    """Read any YAML spelling of a bundle from its events: the header first (the body passed
    over, wherever it stands among the keys), then the body's records one at a time."""
    return _read_by_events(source, deliver, progress, verify=True)


def _read_by_events(
    source: Source, deliver: Deliver, progress: Progress | None, verify: bool
) -> Body:
    text = _walkable(source)
    doc = walk(text, {(0, "body"): _skip_body})
    if not isinstance(doc, dict):
        raise BundleError("bundle_not_mapping")
    header = read_header(doc)
    if "body" not in doc:
        raise BundleError("bundle_missing_field", key="body")
    if not isinstance(doc["body"], list):
        raise BundleError("bundle_bad_header", line=doc[LINE], key="body")
    body = Body(header, deliver, progress, count_lines(source) if progress else 1)

    def each_record(walker: Any, _start: Any, _doc: dict[str, Any]) -> list[Any]:
        while True:
            event = walker.get()
            if type(event) is walker.sequence_end:
                return []
            record = walker.node(event, 2)
            if not isinstance(record, dict):
                raise BundleError("bundle_bad_record", line=event.start_mark.line + 1)
            _record_from_document(body, record)

    walk(text, {(0, "body"): each_record})
    if verify:
        body.finish(_raw_body_digest(source) if header.version < 2 else None)
    return body


def _record_from_document(body: Body, record: dict[str, Any]) -> None:
    line = record[LINE]
    if not record.keys() <= RECORD_KEYS:
        unknown = sorted(set(record) - RECORD_KEYS)[0]
        raise BundleError("bundle_unknown_field", line=line, key=unknown[:40])
    items = record.get("changes")
    if not isinstance(items, list):
        raise BundleError("bundle_bad_record", line=line)
    rows: list[tuple[Any, ...]] = []
    for change in items:
        if not isinstance(change, dict):
            raise BundleError("bundle_bad_change", line=line, detail="{…}")
        extra = sorted(set(change) - set(CHANGE_KEYS) - {LINE})
        if extra:
            raise BundleError("bundle_unknown_field", line=change[LINE], key=extra[0][:40])
        rows.append((change[LINE], *(change.get(key) for key in CHANGE_KEYS)))
    body.record(line, record.get("table"), record.get("id"), rows)


def _raw_body_digest(source: Source) -> str | None:
    """Format 1's checksum: SHA-256 of the body's bytes from the line `body:` on (line ends
    made \\n, as they were written)."""
    with source.open() as stream:
        stream.seek(source.skip)
        data = stream.read()
    if source.crlf:
        data = data.replace(b"\r\n", b"\n")
    start = data.find(b"\nbody:")
    if start < 0:
        return None
    return hashlib.sha256(memoryview(data)[start + 1 :]).hexdigest()


def read(source: Source, deliver: Deliver, progress: Progress | None = None) -> Body:
    """The bundle, by whichever reader fits; ReadAgain when the caller must undo what it did
    with the records delivered so far and call `read_by_events`."""
    body = read_as_written(source, deliver, progress)
    if body is None:
        body = read_by_events(source, deliver, progress)
    return body


def forward_only(progress: Progress) -> Progress:
    """A bundle may be read twice (as written, then by events): a person watching the bar
    should not see it go back."""
    furthest: dict[str, float] = {}

    def report(phase: str, fraction: float) -> None:
        if fraction >= furthest.get(phase, 0.0):
            furthest[phase] = fraction
            progress(phase, fraction)

    return report


@dataclass
class Bundle:
    """A whole bundle in memory: for tests, the readers' law, and small tools."""

    header: Header
    records: list[tuple[Incoming, int]] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return [c for incoming, _ in self.records for c in incoming.changes]


def read_bundle(source: Source, way: str = "any") -> Bundle:
    """Read all of a (small) bundle into memory; `way` forces "as_written" or "events"."""
    records: list[tuple[Incoming, int]] = []

    def deliver(incoming: Incoming, line: int) -> None:
        records.append((incoming, line))

    try:
        if way == "events":
            body: Body | None = read_by_events(source, deliver)
        elif way == "as_written":
            body = read_as_written(source, deliver)
            if body is None:
                raise ReadAgain
        else:
            try:
                body = read(source, deliver)
            except ReadAgain:
                records.clear()
                body = read_by_events(source, deliver)
    except BundleError as error:
        error.path = str(source.path)
        raise
    assert body is not None
    return Bundle(body.header, records)


def content_checksum(source: Source) -> str:
    """The checksum for what a bundle holds as written (its header, each record's table and
    id, each change's id), its values unchecked: for tools and tests that reshape a bundle and
    seal it again, as a careful forger would."""
    doc = walk(_walkable(source))
    if not isinstance(doc, dict):
        raise BundleError("bundle_not_mapping")
    header = read_header(doc)
    digest = hashlib.sha256()
    body = doc.get("body")
    for record in body if isinstance(body, list) else []:
        if not isinstance(record, dict):
            continue
        changes = record.get("changes")
        ids = (
            [str(c.get("id")) for c in changes if isinstance(c, dict)]
            if isinstance(changes, list)
            else []
        )
        digest_record(digest, str(record.get("table")), str(record.get("id")), ids)
    return sealed(header, digest.hexdigest())
