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
import json
import os
import re
import shutil
import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from danyuanzhang.errors import DyzError

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

    def made_words(self) -> str:
        """When it was made, as people say it: 2026年12月3日 17:27."""
        from danyuanzhang.i18n import day

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
    from danyuanzhang.processes import gone
    from danyuanzhang.store.faults import STRAY_AFTER_SECONDS

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
    from danyuanzhang.store.faults import explained

    if office is None:
        check_passphrase(passphrase or "")
    sodium = _sodium()
    folder = store.path.resolve().parent
    remove_temporaries(folder)
    with _temporary(folder, "copy") as copy:
        try:
            store.conn.execute("VACUUM INTO ?", (str(copy),))
        except sqlite3.Error as error:
            raise explained(error, copy) from None
        with contextlib.suppress(OSError):
            copy.chmod(0o600)
        schema, changes, latest = _contents(copy)
        device_id, device_name = store.device()
        fields: dict[str, Any] = {
            "format": "dyz-backup",
            "made": datetime.now().replace(microsecond=0).isoformat(),
            "laptop": device_id,
            "laptop_name": device_name,
            "schema": schema,
            "changes": changes,
            "latest": latest,
            "chunk": CHUNK,
            "compression": "zlib",
        }
        if office is None:
            salt = os.urandom(16)
            key = _key(str(passphrase), salt, OPS_LIMIT, MEM_LIMIT)
            fields |= {
                "kdf": "argon2id13",
                "ops": OPS_LIMIT,
                "mem": MEM_LIMIT,
                "salt": base64.b64encode(salt).decode(),
                "check": base64.b64encode(_check(key)).decode(),
            }
        else:
            key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
            fields |= {
                "kdf": "sealed",
                "office": {"id": office[0], "name": office[1], "key": office[2]},
                "sealed_key": base64.b64encode(_sealed_to(office[2], key)).decode(),
            }
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
        fields["stream"] = base64.b64encode(stream).decode()
        line = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
        _write_encrypted(copy, target, line, state)
    return read_header(target)


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


def _contents(copy: Path) -> tuple[int, int, str | None]:
    conn = sqlite3.connect(copy)
    try:
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        count, latest = conn.execute("SELECT count(*), max(hlc) FROM changes").fetchone()
        return int(schema), int(count), latest
    finally:
        conn.close()


def _write_encrypted(copy: Path, target: Path, line: bytes, state: Any) -> None:
    from danyuanzhang.store.faults import remove_stray_parts, write_failure

    sodium = _sodium()
    ad = MAGIC + line
    remove_stray_parts(target)
    partial = target.with_name(f".{target.name}.part")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + line)
            for piece, last in _packed_pieces(copy):
                tag = (
                    sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
                    if last
                    else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
                )
                out.write(sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, ad, tag))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except OSError as error:
        raise write_failure(error, target) from None
    finally:
        partial.unlink(missing_ok=True)


def _packed_pieces(copy: Path) -> Iterator[tuple[bytes, bool]]:
    """The deflated copy in pieces of CHUNK bytes, each with whether it is the last (which
    may be shorter, or empty)."""
    pending = bytearray()
    for block in _deflated(copy):
        pending += block
        while len(pending) > CHUNK:  # more than a piece: what follows is not the last
            yield bytes(pending[:CHUNK]), False
            del pending[:CHUNK]
    yield bytes(pending), True


def _deflated(copy: Path) -> Iterator[bytes]:
    packer = zlib.compressobj(1)
    with copy.open("rb") as source:
        while block := source.read(CHUNK):
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
        sealed = fields.get("kdf") == "sealed"
        office = fields["office"] if sealed else None
        header = Header(
            made=str(fields["made"]),
            laptop=str(fields["laptop"]),
            laptop_name=str(fields["laptop_name"]),
            schema=int(fields["schema"]),
            changes=int(fields["changes"]),
            latest=None if fields["latest"] is None else str(fields["latest"]),
            salt=b"" if sealed else base64.b64decode(fields["salt"], validate=True),
            ops=0 if sealed else int(fields["ops"]),
            mem=0 if sealed else int(fields["mem"]),
            check=b"" if sealed else base64.b64decode(fields["check"], validate=True),
            stream=base64.b64decode(fields["stream"], validate=True),
            line=line,
            office=None
            if office is None
            else (str(office["id"]), str(office["name"]), str(office["key"])),
            sealed_key=base64.b64decode(fields["sealed_key"], validate=True) if sealed else b"",
        )
        if sealed:
            keyed = len(header.sealed_key) == 80  # crypto_box_seal of a 32-byte key
        else:
            keyed = (
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
        )
    except (KeyError, TypeError, ValueError, binascii.Error):
        sound = False
    if not sound:
        raise DyzError("backup_damaged", path=str(path))
    return header


def decrypt(
    path: Path,
    header: Header,
    passphrase: str | None,
    target: IO[bytes],
    signing_seed: bytes | None = None,
) -> None:
    """The notebook inside the backup, into `target`: opened with the passphrase, or, for a
    backup sealed to the office, with the office's `signing_seed`. A wrong passphrase or key,
    or a damaged or cut-off file, is refused in one line (before anything is written, for
    the passphrase and the key)."""
    from nacl.exceptions import CryptoError

    sodium = _sodium()
    if header.office is not None:
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
    unpacker = zlib.decompressobj()
    final = False
    with path.open("rb") as stream:
        stream.seek(len(MAGIC) + len(header.line))
        while block := stream.read(size):
            if final:
                raise DyzError("backup_damaged", path=str(path))
            try:
                plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, block, ad)
                target.write(unpacker.decompress(plain))
            except (CryptoError, ValueError, zlib.error):
                raise DyzError("backup_damaged", path=str(path)) from None
            final = tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    if not final:
        raise DyzError("backup_truncated", path=str(path))
    try:
        target.write(unpacker.flush())
    except zlib.error:
        raise DyzError("backup_damaged", path=str(path)) from None
    if not unpacker.eof or unpacker.unused_data:
        raise DyzError("backup_damaged", path=str(path))


# -- restoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    header: Header
    kept_aside: Path | None  # where a damaged notebook was kept, if there was one
    lacking: int  # changes and erasures of the notebook that the backup did not have


def lacking(notebook: Path, copy: Path) -> tuple[int, str | None] | None:
    """What the notebook holds that the checked copy lacks: (changes and erasures, the day of
    the newest such change), or None when the notebook cannot be read (damaged, missing)."""
    if not notebook.exists() or notebook.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{notebook.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("ATTACH DATABASE ? AS copy", (f"{copy.resolve().as_uri()}?mode=ro",))
        count, latest = conn.execute(
            "SELECT count(*), max(hlc) FROM main.changes c"
            " WHERE NOT EXISTS (SELECT 1 FROM copy.changes b"
            "  WHERE b.record = c.record AND b.field = c.field AND b.id = c.id)"
        ).fetchone()
        erased = conn.execute(
            "SELECT count(*) FROM main.tombstones t WHERE NOT EXISTS (SELECT 1 FROM"
            " copy.tombstones b WHERE b.entity = t.entity AND b.record = t.record)"
        ).fetchone()[0]
        return int(count) + int(erased), latest
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _sound(copy: Path, path: Path) -> None:
    from danyuanzhang.store.migrations import LATEST

    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                raise DyzError("backup_damaged", path=str(path))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM changes").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        raise DyzError("backup_damaged", path=str(path)) from None
    if version > LATEST:
        raise DyzError("db_too_new", path=str(path), version=version, supported=LATEST)


def restore(
    notebook: Path,
    backup: Path,
    passphrase: str | None,
    overwrite: bool = False,
    signing_seed: bytes | None = None,
) -> Restored:
    """Replace the notebook at `notebook` with the one in `backup`, after checking it all
    (`signing_seed`: the office's, for a backup sealed to it)."""
    header = read_header(backup)
    folder = notebook.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_temporaries(folder)
    with _temporary(folder, "restore") as copy:
        try:
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as out:
                decrypt(backup, header, passphrase, out, signing_seed)
                out.flush()
                os.fsync(out.fileno())
        except OSError as error:
            from danyuanzhang.store.faults import write_failure

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
        if missing is not None:
            _copy_into(copy, notebook)
            return Restored(header, None, missing[0])
        aside = keep_aside(notebook)
        os.replace(copy, notebook)
        with contextlib.suppress(OSError):
            notebook.chmod(0o600)
        return Restored(header, aside, 0)


def _day_of(stamp: str | None) -> str:
    if stamp is None:
        return "-"
    from danyuanzhang.hlc import local_time, wall_of
    from danyuanzhang.i18n import day

    return day(local_time(wall_of(stamp)).date())


def _copy_into(copy: Path, notebook: Path) -> None:
    """The checked copy written over the live notebook in one transaction of SQLite's: a
    window reading it meanwhile sees the old notebook or the new, and a crash leaves the old."""
    from danyuanzhang.store.db import BUSY_TIMEOUT_MS
    from danyuanzhang.store.faults import explained

    source = sqlite3.connect(copy)
    try:
        target = sqlite3.connect(notebook, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            source.backup(target)
        except sqlite3.Error as error:
            raise explained(error, notebook) from None
        finally:
            target.close()
    finally:
        source.close()


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
