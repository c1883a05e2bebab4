"""What signing a backup sealed to the office costs (issue 35): writing with and without the
signature, and the office's extra pass that checks it against the decrypting pass itself, on a
notebook of incompressible blobs (the worst case: deflate saves nothing).

    python benchmarks/sealed_backups.py [--mib 256] [--rounds 5] [--quick]

Prints medians in seconds and the ratios signed ÷ unsigned writing, and check ÷ decrypt.
"""

from __future__ import annotations

import argparse
import base64
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from nacl.signing import SigningKey

from danyuanzhang.upkeep.backup import (
    CHUNK,
    decrypt,
    file_blocks,
    key_fields,
    read_header,
    verified_digest,
    write_sealed,
)


def notebook(path: Path, mib: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE blobs (data BLOB)")
    for _ in range(mib):
        conn.execute("INSERT INTO blobs VALUES (?)", (os.urandom(1 << 20),))
    conn.commit()
    conn.close()
    return path


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def one_round(plain: Path, target: Path, office: SigningKey, maker: SigningKey) -> dict[str, float]:
    office_public = base64.b64encode(bytes(office.verify_key)).decode()
    signer = ("基准", base64.b64encode(bytes(maker.verify_key)).decode())
    fields = {
        "format": "dyz-backup",
        "made": "2026-12-07T18:00:00",
        "laptop": "0" * 32,
        "laptop_name": signer[0],
        "schema": 1,
        "changes": 0,
        "latest": None,
        "size": plain.stat().st_size,
        "chunk": CHUNK,
        "compression": "zlib",
    }
    key, keyed = key_fields(None, ("office", "办公室", office_public))

    def sign(text: str) -> str:
        return base64.b64encode(maker.sign(text.encode()).signature).decode()

    found = {
        "unsigned": timed(lambda: write_sealed(file_blocks(plain), target, fields | keyed, key)),
        "signed": timed(
            lambda: write_sealed(file_blocks(plain), target, fields | keyed, key, sign)
        ),
    }
    header = read_header(target)
    found["check"] = timed(lambda: verified_digest(target, header, signer))
    with open(os.devnull, "wb") as sink:
        found["restore read"] = timed(
            lambda: decrypt(target, header, None, sink, bytes(office), 1 << 40, signer)
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.mib, args.rounds = 8, 1
    office, maker = SigningKey.generate(), SigningKey.generate()
    rounds = []
    with tempfile.TemporaryDirectory(prefix="dyz-sealed-") as tmp:
        plain = notebook(Path(tmp) / "plain.db", args.mib)
        for _ in range(args.rounds):
            rounds.append(one_round(plain, Path(tmp) / "b.dyzbak", office, maker))
    median = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    for name, value in median.items():
        print(f"{name:13} {value:.3f} s")
    print(f"signed ÷ unsigned writing: {median['signed'] / median['unsigned']:.2f}")
    # the restore's read includes the check it runs first
    print(f"check ÷ restore read: {median['check'] / median['restore read']:.2f}")


if __name__ == "__main__":
    main()
