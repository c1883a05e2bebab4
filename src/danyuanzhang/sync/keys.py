"""This laptop's key pair, and the keys of the laptops it has heard from.

Each laptop signs its bundles with an Ed25519 key (PyNaCl, libsodium's signatures). A laptop
that receives a signed bundle from a laptop it has not heard from before remembers that
laptop's key, as SSH remembers a host's key, and refuses a later bundle that claims to come
from that laptop but is signed with another key, or not signed at all. The fingerprint, four
groups of four characters, is short enough to read aloud over the phone.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nacl.signing import SigningKey

    from danyuanzhang.store import Store

PRIVATE = "signing_key"  # the setting holding this laptop's private key (base64 of its seed)
SIGNS_AFTER = "signs_after"  # the setting: this laptop's last change made before its key


def _signing_key(store: Store) -> SigningKey:
    from nacl.signing import SigningKey

    seed = store.setting(PRIVATE)
    if seed is None:
        key = SigningKey.generate()
        store.set_setting(PRIVATE, base64.b64encode(bytes(key)).decode("ascii"))
        _before_the_key(store)
        return key
    return SigningKey(base64.b64decode(seed))


def _before_the_key(store: Store) -> None:
    """A notebook of an earlier version has changes made before it had a key: its spans
    (store/spans.py) cover only what comes after, and say so."""
    from danyuanzhang.store.sync import latest_change_of

    latest = latest_change_of(store, store.device()[0])
    if latest:
        store.set_setting(SIGNS_AFTER, latest)


def ensure_key(store: Store) -> str:
    """This laptop's public key (base64), made on first use: a notebook of an earlier version
    gets its key the first time it is opened."""
    return base64.b64encode(bytes(_signing_key(store).verify_key)).decode("ascii")


def sign(store: Store, message: str) -> str:
    return base64.b64encode(_signing_key(store).sign(message.encode()).signature).decode("ascii")


def verified(public_key: str, message: str, signature: str) -> bool:
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(base64.b64decode(public_key, validate=True)).verify(
            message.encode(), base64.b64decode(signature, validate=True)
        )
    except (BadSignatureError, CryptoError, ValueError, TypeError):
        return False
    return True


def well_formed(public_key: str) -> bool:
    try:
        return len(base64.b64decode(public_key, validate=True)) == 32
    except ValueError:
        return False


def fingerprint(public_key: str) -> str:
    """Four groups of four, to read aloud: 3F2A-91BC-07DE-55A1."""
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def pinned(store: Store, device: str) -> str | None:
    from danyuanzhang.store.sync import pinned_key

    return pinned_key(store, device)


def pin(store: Store, device: str, public_key: str, when: str) -> None:
    from danyuanzhang.store.sync import pin_key

    pin_key(store, device, public_key, when)
