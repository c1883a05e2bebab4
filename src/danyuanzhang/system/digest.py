"""SHA-256 from Python's own builtin module when it has one: `import hashlib` loads OpenSSL,
which costs about 3 ms of every write command's start-up. Same digest either way."""

from __future__ import annotations

import importlib
import sys
from typing import Any


def _builtin_sha256() -> Any:
    # the name of this Python's first: looking for a module that is not there searches every
    # folder of the path, about 0.3 ms of each write command
    names = ("_sha2", "_sha256") if sys.version_info >= (3, 12) else ("_sha256", "_sha2")
    for name in names:  # Python 3.12+ has _sha2; 3.10 and 3.11 have _sha256
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    import hashlib  # a Python built without them

    return hashlib.sha256


sha256 = _builtin_sha256()
