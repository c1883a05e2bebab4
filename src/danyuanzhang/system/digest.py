"""SHA-256 from Python's own builtin module when it has one: `import hashlib` loads OpenSSL,
which costs about 3 ms of every write command's start-up. Same digest either way."""

from __future__ import annotations

import importlib
from typing import Any


def _builtin_sha256() -> Any:
    for name in ("_sha2", "_sha256"):  # Python 3.12+, then 3.10 and 3.11
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    import hashlib  # a Python built without them

    return hashlib.sha256


sha256 = _builtin_sha256()
