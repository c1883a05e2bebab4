"""Encrypted bundles: a signed bundle sealed to the one laptop it is for.

libsodium's standard constructions, through PyNaCl, nothing of our own: a fresh file key
encrypts the bundle with `crypto_secretstream_xchacha20poly1305` (1 MiB chunks, the last one
tagged FINAL, so a truncated file is told from a whole one), and the file key is sealed to the
receiver with `crypto_box_seal` (X25519 and XSalsa20-Poly1305) under the X25519 form of the
receiver's Ed25519 key. The envelope's visible lines are authenticated as each chunk's
associated data. It is text (base64 lines), so it survives a mail client or Notepad.
docs/bundle-format.md, "Encrypted bundles", gives every byte.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from danyuanzhang.sync.bundle.errors import BundleError

SEALED_FORMAT = "dyz-sealed"
CHUNK = 1 << 20
COMPRESSION_LEVEL = 1  # most of the shrinking, at a fraction of the time of the default
# A bundle inflates to a few times its deflated size; a file that inflates far more was made
# to fill the disk (anyone can seal a file to any laptop's key), and is refused part-way.
INFLATION_LIMIT = 40
SEALED_KEY_BYTES = 80  # crypto_box_seal of a 32-byte key
STREAM_HEADER_BYTES = 24
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/=\s]")
LINE_BYTES = 57  # 76 characters of base64 per line
HEAD_LIMIT = 4096
_FIELD = re.compile(r"^([a-z_]+): (.*)$")
_PARTY = re.compile(
    r'^\{id: "([0-9a-f]{32})", name: ("(?:[^"\\]|\\.)*")(?:, key: "([A-Za-z0-9+/=]+)")?\}$'
)
_B64 = re.compile(r'^"([A-Za-z0-9+/=]+)"$')


@dataclass(frozen=True)
class Envelope:
    for_id: str
    for_name: str
    for_key: str  # the receiver's Ed25519 public key, base64
    from_id: str
    from_name: str
    file_key: bytes  # crypto_box_seal of the file key
    stream: bytes  # the secretstream header
    size: int  # bytes of the bundle inside
    data_start: int  # where the base64 lines start in the file

    def associated(self) -> bytes:
        """What each chunk authenticates besides itself: the envelope's visible lines."""
        parts = [SEALED_FORMAT, "1", self.for_id, self.for_name, self.for_key, self.from_id]
        parts += [self.from_name, str(self.size)]
        return hashlib.sha256("\x1f".join(parts).encode()).digest()

    def cipher_size(self) -> int:
        from nacl.bindings import crypto_secretstream_xchacha20poly1305_ABYTES as extra

        pieces = max(1, -(-self.size // CHUNK))
        return self.size + pieces * extra


def is_sealed(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_LIMIT)
    except OSError:
        return False
    return f'format: "{SEALED_FORMAT}"'.encode() in head


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def seal(
    plain: Path,
    target: Path,
    to: tuple[str, str, str],
    sender: tuple[str, str],
) -> int:
    """Seal the bundle `plain` into `target` for `to` (id, name, Ed25519 key); its size."""
    from nacl import bindings as sodium
    from nacl.public import SealedBox
    from nacl.signing import VerifyKey

    to_id, to_name, to_key = to
    file_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    receiver = VerifyKey(base64.b64decode(to_key)).to_curve25519_public_key()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, file_key)
    envelope = Envelope(
        to_id, to_name, to_key, sender[0], sender[1], SealedBox(receiver).encrypt(file_key),
        stream_header, 0, 0,
    )  # fmt: skip
    packed = _compressed(plain)
    envelope = replace(envelope, size=len(packed))
    ad = envelope.associated()
    head = "\n".join(
        [
            "# dyz 加密数据包 · dyz encrypted bundle: only the laptop it is for can open it"
            " (docs/bundle-format.md).",
            f'format: "{SEALED_FORMAT}"',
            'format_version: "1"',
            f'for: {{id: "{to_id}", name: {_quoted(to_name)}, key: "{to_key}"}}',
            f'from: {{id: "{sender[0]}", name: {_quoted(sender[1])}}}',
            f'file_key: "{base64.b64encode(envelope.file_key).decode()}"',
            f'stream: "{base64.b64encode(stream_header).decode()}"',
            f'chunk: "{CHUNK}"',
            'compression: "zlib"',
            f'size: "{envelope.size}"',
            "data: |",
            "",
        ]
    )
    temporary = target.with_name(f".{target.name}.part")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(head.encode("utf-8"))
            pending = b""
            for piece, last in _pieces(io.BytesIO(packed)):
                tag = (
                    sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
                    if last
                    else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
                )
                pending += sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, ad, tag)
                whole = len(pending) - len(pending) % LINE_BYTES
                out.write(_lines(pending[:whole]))
                pending = pending[whole:]
            out.write(_lines(pending))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target.stat().st_size


def _compressed(plain: Path) -> bytes:
    """The bundle, deflated: YAML shrinks to a fifth or less, more than base64 adds back."""
    packer = zlib.compressobj(COMPRESSION_LEVEL)
    parts = []
    with plain.open("rb") as source:
        while block := source.read(CHUNK):
            parts.append(packer.compress(block))
    parts.append(packer.flush())
    return b"".join(parts)


def _pieces(source: IO[bytes]) -> Iterator[tuple[bytes, bool]]:
    piece = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        yield piece, not following
        if not following:
            return
        piece = following


def _lines(data: bytes) -> bytes:
    """Base64 in lines of 76 characters, indented as a YAML block scalar's."""
    if not data:
        return b""
    return b"  " + base64.encodebytes(data).rstrip(b"\n").replace(b"\n", b"\n  ") + b"\n"


def _sound_name(name: object) -> bool:
    """A laptop's name as dyz writes one: printable text, in UTF-8, of 40 characters at most,
    and never a path."""
    from danyuanzhang.text.inputs import laptop_name_ok

    if not isinstance(name, str) or not 0 < len(name) <= 40 or not name.isprintable():
        return False
    if not laptop_name_ok(name):
        return False
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which JSON can spell and UTF-8 cannot
        return False
    return True


def read_envelope(path: Path) -> Envelope:
    """The envelope's lines, checked; refused as damaged when they are not what dyz writes."""
    with path.open("rb") as stream:
        head = stream.read(HEAD_LIMIT)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
        skip = 3
    else:
        skip = 0
    end = head.find(b"\ndata: |")
    if end < 0:
        raise BundleError("bundle_sealed_damaged")
    fields: dict[str, str] = {}
    for line in head[:end].decode("utf-8", "replace").splitlines():
        found = _FIELD.match(line.rstrip("\r"))
        if found:
            fields[found.group(1)] = found.group(2)
    try:
        import json

        receiver = _PARTY.match(fields["for"])
        sender = _PARTY.match(fields["from"])
        file_key, stream_header = (_B64.match(fields[k]) for k in ("file_key", "stream"))
        if not (receiver and sender and file_key and stream_header and receiver.group(3)):
            raise ValueError
        if fields.get("chunk") != f'"{CHUNK}"' or fields.get("format_version") != '"1"':
            raise ValueError
        if fields.get("compression") != '"zlib"':
            raise ValueError
        size = fields.get("size", "")
        if not re.fullmatch(r'"[0-9]{1,15}"', size):
            raise ValueError
        for_name, from_name = json.loads(receiver.group(2)), json.loads(sender.group(2))
        if not all(_sound_name(name) for name in (for_name, from_name)):
            raise ValueError
        keys = base64.b64decode(file_key.group(1), validate=True)
        header = base64.b64decode(stream_header.group(1), validate=True)
        if len(keys) != SEALED_KEY_BYTES or len(header) != STREAM_HEADER_BYTES:
            raise ValueError
        data_start = skip + end + len(b"\ndata: |")
        data_start += 2 if head[end + 8 : end + 10] == b"\r\n" else 1
        return Envelope(
            receiver.group(1),
            for_name,
            str(receiver.group(3)),
            sender.group(1),
            from_name,
            keys,
            header,
            int(size.strip('"')),
            data_start,
        )
    except (KeyError, ValueError, binascii.Error):
        raise BundleError("bundle_sealed_damaged") from None


def unseal(path: Path, envelope: Envelope, signing_seed: bytes, target: IO[bytes]) -> None:
    """Decrypt into `target`; a wrong, altered or truncated file is refused as damaged."""
    from nacl import bindings as sodium
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox
    from nacl.signing import SigningKey

    mine = SigningKey(signing_seed).to_curve25519_private_key()
    try:
        file_key = SealedBox(mine).decrypt(envelope.file_key)
    except CryptoError:
        raise BundleError("bundle_sealed_not_mine_key") from None
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, envelope.stream, file_key)
    except (CryptoError, ValueError):
        raise BundleError("bundle_sealed_damaged") from None
    ad = envelope.associated()
    size = CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES
    inflated = _Inflating(target, envelope.size * INFLATION_LIMIT + CHUNK)
    final = False
    cipher = bytearray()
    received = 0
    for text in _base64_blocks(path, envelope.data_start):
        if _NOT_BASE64.search(text):
            raise BundleError("bundle_sealed_damaged")
        try:
            block = binascii.a2b_base64(text)  # spaces and line ends are skipped
        except binascii.Error:
            raise BundleError("bundle_sealed_damaged") from None
        received += len(block)
        cipher += block
        while len(cipher) >= size:
            if final:
                raise BundleError("bundle_sealed_damaged")
            final = _pull(state, bytes(cipher[:size]), ad, inflated)
            del cipher[:size]
    if received < envelope.cipher_size():
        raise BundleError("bundle_sealed_truncated")
    if cipher and not final:
        final = _pull(state, bytes(cipher), ad, inflated)
        cipher.clear()
    if not final:
        raise BundleError("bundle_sealed_truncated")
    if cipher:
        raise BundleError("bundle_sealed_damaged")
    inflated.finish()


class _Inflating:
    """Writes what it is given, inflated, to `target`, up to `limit` bytes."""

    def __init__(self, target: IO[bytes], limit: int) -> None:
        self.target = target
        self.unpacker = zlib.decompressobj()
        self.room = limit

    def write(self, packed: bytes) -> None:
        try:
            data = packed
            while data:
                plain = self.unpacker.decompress(data, min(self.room + 1, CHUNK))
                self.room -= len(plain)
                if self.room < 0:
                    raise BundleError("bundle_sealed_damaged")
                self.target.write(plain)
                data = self.unpacker.unconsumed_tail
        except zlib.error:
            raise BundleError("bundle_sealed_damaged") from None

    def finish(self) -> None:
        if not self.unpacker.eof or self.unpacker.unused_data:
            raise BundleError("bundle_sealed_damaged")
        self.target.write(self.unpacker.flush())


def _base64_blocks(path: Path, start: int) -> Iterator[bytes]:
    """The base64 lines after `start`, a few MiB at a time, cut at line ends."""
    with path.open("rb") as stream:
        stream.seek(start)
        rest = b""
        while True:
            block = stream.read(4 << 20)
            if not block:
                if rest.strip():
                    yield rest
                return
            text = rest + block
            cut = text.rfind(b"\n") + 1 or len(text) - len(text) % 4  # a file of one line
            text, rest = text[:cut], text[cut:]
            if text:
                yield text


def _pull(state: object, cipher: bytes, ad: bytes, target: _Inflating) -> bool:
    from nacl import bindings as sodium
    from nacl.exceptions import CryptoError

    try:
        plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, ad)  # type: ignore[arg-type]
    except (CryptoError, ValueError):
        raise BundleError("bundle_sealed_damaged") from None
    target.write(plain)
    return bool(tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL)
