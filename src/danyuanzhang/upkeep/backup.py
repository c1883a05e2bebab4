"""Backups: a consistent copy of the notebook, encrypted with a passphrase, and its restore.

The copy is SQLite's `VACUUM INTO`, made while other dyz windows may be writing: it reads one
snapshot, the -wal file's latest changes included (copying dyz.db alone would miss them). It is
written next to the notebook, where the notebook's own protection applies, and never left there.

The encryption is libsodium's, through PyNaCl, nothing of our own: Argon2id (`crypto_pwhash`)
makes a key of the passphrase and a random salt; `crypto_secretstream_xchacha20poly1305`
encrypts the deflated copy in 1 MiB chunks, the last one tagged FINAL, so that a cut-off file
is told from a whole one; each chunk authenticates the file's first two lines. A BLAKE2b MAC of
a fixed text under the key tells a wrong passphrase from a damaged file before anything is
written. docs/backups.md gives every byte.

A backup sealed to the office needs only the office's public key, which every laptop holds: so
the laptop that makes one signs it (Ed25519, its bundle key) over a BLAKE2b hash of every byte
written, in a trailer after the last chunk, and the office restores it only if the signature is
that of a laptop on its list, not revoked. It is checked before anything is decrypted.

A restore checks everything first (passphrase, every chunk, SQLite's integrity check, that it
is a dyz notebook this dyz can read, and what the notebook holds that the backup lacks), and
then replaces the notebook in one step: through SQLite's backup API into a healthy notebook
(other windows see the old notebook or the new one, never a mixture), or by renaming the
checked copy over a damaged or missing one, which is first kept aside.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import shutil
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store.backups import check_unpacked as _sound
from danyuanzhang.store.backups import contents, copy_into, copy_of, lacking, own_shape

MAGIC = b"dyz-backup 1\n"
SUFFIX = ".dyzbak"
CHUNK = 1 << 20
# Argon2id at 3 passes over 128 MiB: about half a second on a laptop of 2015, and the memory a
# laptop with 4 GB can spare; the figures travel in the file, so later backups may raise them
OPS_LIMIT = 3
MEM_LIMIT = 128 << 20
_CHECK_TEXT = b"dyz backup passphrase check"
_HEADER_LIMIT = 8192
MIN_PASSPHRASE = 8
TEMPORARY_PREFIX = ".dyz-backup-"
# the largest notebook a restore unpacks: a district's years of visits take a few GB
LARGEST_NOTEBOOK = 32 << 30
_PIECE = 1 << 18  # bytes inflated at a time
_SQLITE_HEADER = 100
# a sealed backup's header says `"signed": SIGNED`; its last bytes are then the mark, the
# base64 of an Ed25519 signature (88 characters) and a line end
SIGNED = "ed25519-blake2b"
_SIGNATURE_MARK = b"dyz-signature 1 "
_TRAILER = len(_SIGNATURE_MARK) + 88 + 1


@dataclass(frozen=True)
class Header:
    made: str  # local time, ISO
    laptop: str  # the device id of the notebook backed up
    laptop_name: str
    schema: int
    changes: int
    latest: str | None  # the newest stamp in the log
    salt: bytes
    ops: int
    mem: int
    check: bytes
    stream: bytes
    line: bytes  # the header line as written, authenticated by every chunk
    # a backup sealed to the office's key instead of a passphrase: the office (id, name,
    # Ed25519 key) and the file key sealed to it
    office: tuple[str, str, str] | None = None
    sealed_key: bytes = b""
    size: int | None = None  # the notebook's bytes; absent from backups of dyz before 2026-12
    signed: bool = False  # sealed, with the making laptop's signature after the chunks

    def office_name(self) -> str:
        return "-" if self.office is None else self.office[1]

    def made_words(self) -> str:
        """When it was made, as people say it: 2026年12月3日 17:27."""
        from danyuanzhang.text.i18n import day

        when = datetime.fromisoformat(self.made)
        return f"{day(when.date())} {when:%H:%M}"

    def summary(self) -> dict[str, Any]:
        return {
            "made": self.made,
            "laptop": self.laptop,
            "laptop_name": self.laptop_name,
            "schema": self.schema,
            "changes": self.changes,
        }


def _sodium() -> Any:
    from nacl import bindings

    return bindings


def _key(passphrase: str, salt: bytes, ops: int, mem: int) -> bytes:
    from nacl.pwhash import argon2id

    return bytes(argon2id.kdf(32, passphrase.encode("utf-8"), salt, opslimit=ops, memlimit=mem))


def _check(key: bytes) -> bytes:
    from nacl.encoding import RawEncoder
    from nacl.hash import blake2b

    return bytes(blake2b(_CHECK_TEXT, digest_size=32, key=key, encoder=RawEncoder))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise DyzError("backup_passphrase_short", least=MIN_PASSPHRASE)


# -- temporary files ----------------------------------------------------------------------------


def temporaries(folder: Path) -> list[Path]:
    """Files an interrupted backup or restore left in `folder` (they hold a plain copy of the
    notebook, or part of an encrypted one)."""
    found = list(folder.glob(f"{TEMPORARY_PREFIX}*"))
    found += [p for p in folder.glob(f".*{SUFFIX}.part")]
    return sorted(p for p in found if p.is_file())


def abandoned(path: Path) -> bool:
    """Whether a temporary file was left by a dyz that is no longer running, rather than one
    another window is writing now: untouched for an hour, and the process whose id is in its
    name (`-PID.tmp`) gone; a file whose name holds no id, by its age alone."""
    from danyuanzhang.system.processes import gone
    from danyuanzhang.system.writing import STRAY_AFTER_SECONDS

    try:
        written = path.stat().st_mtime
    except OSError:
        return False
    if time.time() - written <= STRAY_AFTER_SECONDS:
        return False
    found = re.search(r"-(\d+)\.tmp", path.name)
    return found is None or gone(int(found.group(1)), written)


def remove_temporaries(folder: Path) -> list[Path]:
    """Remove what interrupted backups, restores and checks left in `folder`."""
    removed = []
    for stray in temporaries(folder):
        if abandoned(stray):
            with contextlib.suppress(OSError):
                stray.unlink()
                removed.append(stray)
    return removed


def scratch_name(what: str) -> str:
    """A temporary file's name, carrying this process's id: one window's never another's."""
    return f"{TEMPORARY_PREFIX}{what}-{os.getpid()}.tmp"


def scratch_folder(*folders: Path) -> Path:
    """The first of `folders` a file can be made in: the notebook's own, where its protection
    applies, unless it is read-only (a write-protected USB stick), then the next."""
    for folder in folders:
        probe = folder / scratch_name("probe")
        try:
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError:
            continue
        probe.unlink(missing_ok=True)
        return folder
    raise DyzError("scratch_nowhere", folders="、".join(str(f) for f in folders))


def private_temporary_folder() -> Path:
    """The system's folder for temporary files, where a working copy goes last."""
    import tempfile

    return Path(tempfile.gettempdir())


@contextlib.contextmanager
def _temporary(folder: Path, what: str) -> Iterator[Path]:
    path = folder / scratch_name(what)
    path.unlink(missing_ok=True)
    try:
        yield path
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


# -- making a backup ----------------------------------------------------------------------------


def default_name(day: str) -> str:
    return f"dyz-backup-{day}{SUFFIX}"


def make_backup(
    store: Any, target: Path, passphrase: str | None, office: tuple[str, str, str] | None = None
) -> Header:
    """Write an encrypted backup of `store` to `target`, under a passphrase, or sealed to
    the `office` (id, name, Ed25519 key) so that only the office's laptop opens it; its
    header."""
    from danyuanzhang.store.faults import StoreError, explained

    if office is None:
        check_passphrase(passphrase or "")
    own_shape(store)
    home = store.path.resolve().parent
    remove_temporaries(home)
    folder = scratch_folder(home, target.resolve().parent, private_temporary_folder())
    with _temporary(folder, "copy") as copy:
        try:
            # made empty and private first: SQLite would make it readable by all, and the
            # folder may be the system's temporary one
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            copy_of(store, copy)
        except StoreError as error:
            raise explained(error, copy) from None
        except OSError as error:
            from danyuanzhang.system.writing import write_failure

            raise write_failure(error, copy) from None
        schema, changes, latest = contents(copy)
        device_id, device_name = store.device()
        fields: dict[str, Any] = {
            "format": "dyz-backup",
            "made": datetime.now().replace(microsecond=0).isoformat(),
            "laptop": device_id,
            "laptop_name": device_name,
            "schema": schema,
            "changes": changes,
            "latest": latest,
            "size": copy.stat().st_size,
            "chunk": CHUNK,
            "compression": "zlib",
        }
        key, keyed = key_fields(passphrase, office)
        signer = None if office is None else _signer(store)
        write_sealed(file_blocks(copy), target, fields | keyed, key, signer)
    return read_header(target)


def _signer(store: Any) -> Callable[[str], str]:
    from danyuanzhang.sync.keys import sign

    return lambda text: sign(store, text)


def key_fields(
    passphrase: str | None, office: tuple[str, str, str] | None
) -> tuple[bytes, dict[str, Any]]:
    """A new file key, and the header fields that open it: Argon2id's of the passphrase, or
    the key sealed to the `office`."""
    if office is None:
        salt = os.urandom(16)
        key = _key(str(passphrase), salt, OPS_LIMIT, MEM_LIMIT)
        return key, {
            "kdf": "argon2id13",
            "ops": OPS_LIMIT,
            "mem": MEM_LIMIT,
            "salt": base64.b64encode(salt).decode(),
            "check": base64.b64encode(_check(key)).decode(),
        }
    key = _sodium().crypto_secretstream_xchacha20poly1305_keygen()
    return key, {
        "kdf": "sealed",
        "office": {"id": office[0], "name": office[1], "key": office[2]},
        "sealed_key": base64.b64encode(_sealed_to(office[2], key)).decode(),
        "signed": SIGNED,
    }


def write_sealed(
    blocks: Iterable[bytes],
    target: Path,
    fields: dict[str, Any],
    key: bytes,
    signer: Callable[[str], str] | None = None,
) -> None:
    """`blocks` (the notebook's bytes) deflated and encrypted under `key` into `target`, after
    the header line of `fields`; `signer` (text → base64 signature) signs all that."""
    sodium = _sodium()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    fields = fields | {"stream": base64.b64encode(stream).decode()}
    line = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
    _write_encrypted(blocks, target, line, state, signer)


def _sealed_to(office_key: str, file_key: bytes) -> bytes:
    """`crypto_box_seal` of the file key to the X25519 form of the office's Ed25519 key, as
    for an encrypted bundle (bundle/sealing.py)."""
    from nacl.public import SealedBox
    from nacl.signing import VerifyKey

    receiver = VerifyKey(base64.b64decode(office_key)).to_curve25519_public_key()
    return bytes(SealedBox(receiver).encrypt(file_key))


def _unsealed_key(header: Header, path: Path, signing_seed: bytes | None) -> bytes:
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox
    from nacl.signing import SigningKey

    assert header.office is not None
    if signing_seed is None:
        raise DyzError("backup_sealed_elsewhere", path=str(path), office=header.office[1])
    try:
        mine = SigningKey(signing_seed).to_curve25519_private_key()
        return bytes(SealedBox(mine).decrypt(header.sealed_key))
    except CryptoError:
        raise DyzError("backup_sealed_elsewhere", path=str(path), office=header.office[1]) from None


def _signed_text(digest: bytes) -> str:
    """What a sealed backup's signature is over: the BLAKE2b-256 of every byte before it."""
    return f"dyz-backup {digest.hex()}"


def _write_encrypted(
    blocks: Iterable[bytes],
    target: Path,
    line: bytes,
    state: Any,
    signer: Callable[[str], str] | None,
) -> None:
    from danyuanzhang.system.writing import remove_stray_parts, write_failure

    sodium = _sodium()
    ad = MAGIC + line
    hashed = hashlib.blake2b(digest_size=32)
    remove_stray_parts(target)
    partial = target.with_name(f".{target.name}.part")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + line)
            hashed.update(MAGIC + line)
            for piece, last in _packed_pieces(blocks):
                tag = (
                    sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
                    if last
                    else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
                )
                chunk = sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, ad, tag)
                out.write(chunk)
                hashed.update(chunk)
            if signer is not None:
                signature = signer(_signed_text(hashed.digest())).encode("ascii")
                out.write(_SIGNATURE_MARK + signature + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except OSError as error:
        raise write_failure(error, target) from None
    finally:
        partial.unlink(missing_ok=True)


def _packed_pieces(blocks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """The deflated blocks in pieces of CHUNK bytes, each with whether it is the last (which
    may be shorter, or empty)."""
    pending = bytearray()
    for block in _deflated(blocks):
        pending += block
        while len(pending) > CHUNK:  # more than a piece: what follows is not the last
            yield bytes(pending[:CHUNK]), False
            del pending[:CHUNK]
    yield bytes(pending), True


def file_blocks(copy: Path) -> Iterator[bytes]:
    with copy.open("rb") as source:
        while block := source.read(CHUNK):
            yield block


def _deflated(blocks: Iterable[bytes]) -> Iterator[bytes]:
    packer = zlib.compressobj(1)
    for block in blocks:
        yield packer.compress(block)
    yield packer.flush()


# -- reading one --------------------------------------------------------------------------------


def read_header(path: Path) -> Header:
    """The backup's first two lines, checked; one clear line when it is no dyz backup."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEADER_LIMIT)
    except FileNotFoundError:
        raise DyzError("file_not_found", path=str(path)) from None
    except OSError as error:
        raise DyzError("cannot_read", path=str(path), reason=error.strerror) from None
    if not head.startswith(MAGIC):
        raise DyzError("backup_not_a_backup", path=str(path))
    end = head.find(b"\n", len(MAGIC))
    if end < 0:
        raise DyzError("backup_damaged", path=str(path))
    line = head[len(MAGIC) : end + 1]
    try:
        fields = json.loads(line)
        header = _header_of(fields, line)
        if header.office is not None:
            keyed = len(header.sealed_key) == 80  # crypto_box_seal of a 32-byte key
            keyed = keyed and fields.get("signed", SIGNED) == SIGNED
        else:
            keyed = "signed" not in fields and (
                fields.get("kdf") == "argon2id13"
                and len(header.salt) == 16
                and len(header.check) == 32
                # a file may not make this laptop spend more than dyz itself asks for
                and 1 <= header.ops <= 10
                and 8 << 10 <= header.mem <= 1 << 30
            )
        sound = (
            keyed
            and fields.get("chunk") == CHUNK
            and fields.get("compression") == "zlib"
            and len(header.stream) == 24
            and (header.size is None or header.size >= 0)
        )
    except (KeyError, TypeError, ValueError, binascii.Error):
        sound = False
    if not sound:
        raise DyzError("backup_damaged", path=str(path))
    return header


def _header_of(fields: Any, line: bytes) -> Header:
    """The header's fields, each of the type it must be: `"ops": true` is no number of
    passes, though Python would take it for 1 (TypeError, ValueError or KeyError if not)."""

    def text(where: Any, name: str) -> str:
        value = where[name]
        if not isinstance(value, str):
            raise TypeError(name)
        return value

    def number(where: Any, name: str) -> int:
        value = where[name]
        if type(value) is not int:  # not bool, which is an int to Python
            raise TypeError(name)
        return value

    def data(name: str) -> bytes:
        return base64.b64decode(text(fields, name), validate=True)

    if not isinstance(fields, dict):
        raise TypeError("header")
    sealed = fields.get("kdf") == "sealed"
    office = fields["office"] if sealed else None
    if office is not None and not isinstance(office, dict):
        raise TypeError("office")
    datetime.fromisoformat(text(fields, "made"))
    return Header(
        made=text(fields, "made"),
        laptop=text(fields, "laptop"),
        laptop_name=text(fields, "laptop_name"),
        schema=number(fields, "schema"),
        changes=number(fields, "changes"),
        latest=None if fields["latest"] is None else text(fields, "latest"),
        salt=b"" if sealed else data("salt"),
        ops=0 if sealed else number(fields, "ops"),
        mem=0 if sealed else number(fields, "mem"),
        check=b"" if sealed else data("check"),
        stream=data("stream"),
        line=line,
        office=None
        if office is None
        else (text(office, "id"), text(office, "name"), text(office, "key")),
        sealed_key=data("sealed_key") if sealed else b"",
        size=number(fields, "size") if "size" in fields else None,
        signed=sealed and "signed" in fields,
    )


def decrypt(
    path: Path,
    header: Header,
    passphrase: str | None,
    target: IO[bytes],
    signing_seed: bytes | None = None,
    room: int = LARGEST_NOTEBOOK,
    signer: tuple[str, str] | None = None,
) -> None:
    """The notebook inside the backup, into `target`: opened with the passphrase, or, for a
    backup sealed to the office, with the office's `signing_seed`, once its signature is found
    to be that of `signer` (the name and public key the office knows for the laptop it claims
    to be). A wrong passphrase, key or signature, or a damaged or cut-off file, is refused in
    one line (before anything is written, for the passphrase, key and signature); so is a
    file that unpacks to more than the notebook it claims to be, or than `room` (bytes)."""
    from nacl.exceptions import CryptoError

    sodium = _sodium()
    digest = None
    if header.office is not None:
        digest = verified_digest(path, header, signer)
        key = _unsealed_key(header, path, signing_seed)
    else:
        key = _key(passphrase or "", header.salt, header.ops, header.mem)
        if not sodium.sodium_memcmp(_check(key), header.check):
            raise DyzError("backup_wrong_passphrase", path=str(path))
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header.stream, key)
    except (CryptoError, ValueError):
        raise DyzError("backup_damaged", path=str(path)) from None
    ad = MAGIC + header.line
    size = CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES
    sink = _Sink(target, path, header.size, room)
    unpacker = zlib.decompressobj()
    final = False
    # hashed again as it is read: the file may have changed since its signature was checked
    hashed = hashlib.blake2b(MAGIC + header.line, digest_size=32)
    with path.open("rb") as stream:
        left = _chunks_end(path, header) - stream.seek(len(MAGIC) + len(header.line))
        while left > 0 and (block := stream.read(min(size, left))):
            left -= len(block)
            hashed.update(block)
            if final:
                raise DyzError("backup_damaged", path=str(path))
            try:
                plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, block, ad)
                _unpack(unpacker, plain, sink)
            except (CryptoError, ValueError, zlib.error):
                raise DyzError("backup_damaged", path=str(path)) from None
            final = tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    if digest is not None and not sodium.sodium_memcmp(hashed.digest(), digest):
        raise DyzError("backup_signature_bad", path=str(path), laptop=_name_of(signer))
    if not final:
        raise DyzError("backup_truncated", path=str(path))
    try:
        sink.write(unpacker.flush())
    except zlib.error:
        raise DyzError("backup_damaged", path=str(path)) from None
    if not unpacker.eof or unpacker.unused_data:
        raise DyzError("backup_damaged", path=str(path))
    sink.finish()


def _chunks_end(path: Path, header: Header) -> int:
    """Where the chunks end: before the signature, in a signed backup."""
    return path.stat().st_size - (_TRAILER if header.signed else 0)


def _name_of(signer: tuple[str, str] | None) -> str:
    return "-" if signer is None else signer[0]


def verified_digest(path: Path, header: Header, signer: tuple[str, str] | None) -> bytes:
    """The hash of a sealed backup's header and chunks, once its signature is found to be
    `signer`'s (name, public key); refused in one line otherwise, or if it has none."""
    from danyuanzhang.sync.keys import verified

    if not header.signed:
        raise DyzError("backup_unsigned", path=str(path))
    if signer is None:
        raise DyzError("backup_sealed_elsewhere", path=str(path), office=header.office_name())
    hashed = hashlib.blake2b(digest_size=32)
    with path.open("rb") as stream:
        left = _chunks_end(path, header)
        while left > 0 and (block := stream.read(min(CHUNK, left))):
            left -= len(block)
            hashed.update(block)
        trailer = stream.read(_TRAILER + 1)
    signature = trailer.removeprefix(_SIGNATURE_MARK).removesuffix(b"\n")
    sound = (
        left == 0
        and len(trailer) == _TRAILER
        and trailer.startswith(_SIGNATURE_MARK)
        and trailer.endswith(b"\n")
        and verified(signer[1], _signed_text(hashed.digest()), signature.decode("ascii", "replace"))
    )
    if not sound:
        raise DyzError("backup_signature_bad", path=str(path), laptop=signer[0])
    return hashed.digest()


def _unpack(unpacker: Any, packed: bytes, sink: _Sink) -> None:
    """Inflate `packed` a piece at a time: a megabyte of zeros deflated is a gigabyte."""
    while True:
        piece = unpacker.decompress(packed, _PIECE)
        sink.write(piece)
        packed = unpacker.unconsumed_tail
        if not packed and len(piece) < _PIECE:
            return


class _Sink:
    """Where a notebook being unpacked goes, never more of it than it can be: a SQLite file
    says its own size in its first 100 bytes (pages × page size), the header of a backup of
    this dyz says it too, and both must agree, fit in `room`, and be what comes."""

    def __init__(self, target: IO[bytes], path: Path, claimed: int | None, room: int) -> None:
        self.target, self.path, self.claimed, self.room = target, path, claimed, room
        self.head = b""
        self.written = 0
        self.limit: int | None = None

    def write(self, data: bytes) -> None:
        if self.limit is None and len(self.head) < _SQLITE_HEADER:
            self.head += data[: _SQLITE_HEADER - len(self.head)]
            if len(self.head) == _SQLITE_HEADER:
                self.limit = self._stated_size()
        self.written += len(data)
        if self.written > (self.room if self.limit is None else self.limit):
            raise DyzError("backup_damaged", path=str(self.path))
        self.target.write(data)

    def finish(self) -> None:
        if self.limit is None or self.written != self.limit:
            raise DyzError("backup_damaged", path=str(self.path))

    def _stated_size(self) -> int:
        head = self.head
        page = int.from_bytes(head[16:18], "big")
        page = 65536 if page == 1 else page
        pages = int.from_bytes(head[28:32], "big")
        sound = (
            head.startswith(b"SQLite format 3\x00")
            and 512 <= page <= 65536
            and page & (page - 1) == 0
            and pages > 0
            and head[24:28] == head[92:96]  # else SQLite itself does not trust the page count
            and (self.claimed is None or self.claimed == page * pages)
        )
        if not sound:
            raise DyzError("backup_damaged", path=str(self.path))
        if page * pages > self.room:
            from danyuanzhang.system.writing import size_words

            raise DyzError(
                "backup_no_room",
                path=str(self.path),
                need=size_words(page * pages),
                room=size_words(self.room),
            )
        return page * pages


# -- restoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    header: Header
    kept_aside: Path | None  # where a damaged notebook was kept, if there was one
    lacking: int  # changes and erasures of the notebook that the backup did not have


def room_for(folder: Path) -> int:
    """How large a notebook a restore may unpack into `folder`: what its disk has free."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = LARGEST_NOTEBOOK
    return min(free, LARGEST_NOTEBOOK)


def restore(
    notebook: Path,
    backup: Path,
    passphrase: str | None,
    overwrite: bool = False,
    signing_seed: bytes | None = None,
    signer: tuple[str, str] | None = None,
    confirm: Callable[[], None] | None = None,
) -> Restored:
    """Replace the notebook at `notebook` with the one in `backup`, after checking it all
    (`signing_seed`: the office's, for a backup sealed to it; `signer`: the name and key the
    office knows for the laptop that made it). `confirm` is asked last, when nothing but
    the answer stands between the backup and the notebook (it raises to say no)."""
    header = read_header(backup)
    folder = notebook.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_temporaries(folder)
    with _temporary(folder, "restore") as copy:
        try:
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as out:
                decrypt(backup, header, passphrase, out, signing_seed, room_for(folder), signer)
                out.flush()
                os.fsync(out.fileno())
        except OSError as error:
            from danyuanzhang.system.writing import write_failure

            raise write_failure(error, notebook) from None
        _sound(copy, backup)
        missing = lacking(notebook, copy)
        if missing is not None and missing[0] and not overwrite:
            raise DyzError(
                "restore_would_lose",
                count=missing[0],
                day=_day_of(missing[1]),
                path=str(notebook),
            )
        if confirm is not None:
            confirm()
        if missing is not None:
            copy_into(copy, notebook)
            return Restored(header, None, missing[0])
        aside = keep_aside(notebook)
        os.replace(copy, notebook)
        with contextlib.suppress(OSError):
            notebook.chmod(0o600)
        return Restored(header, aside, 0)


def _day_of(stamp: str | None) -> str:
    if stamp is None:
        return "-"
    from danyuanzhang.core.hlc import local_time, wall_of
    from danyuanzhang.text.i18n import day

    return day(local_time(wall_of(stamp)).date())


def keep_aside(notebook: Path) -> Path | None:
    """A notebook that cannot be read is kept beside, with its log, never deleted: what it
    holds may still be worth getting back."""
    if not notebook.exists() or notebook.stat().st_size == 0:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{notebook}{suffix}").unlink(missing_ok=True)
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = notebook.with_name(f"{notebook.name}.damaged-{stamp}")
    for suffix in ("", "-wal"):
        source = Path(f"{notebook}{suffix}")
        if source.exists() and source.stat().st_size:
            shutil.copy2(source, f"{aside}{suffix}")
    for suffix in ("-wal", "-shm"):
        Path(f"{notebook}{suffix}").unlink(missing_ok=True)
    return aside
