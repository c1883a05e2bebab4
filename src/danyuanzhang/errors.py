"""The one error type for mistakes a user can make and fix."""

from __future__ import annotations

from typing import Any


class DyzError(Exception):
    """A user-caused error: shown as one translated line on stderr, exit code 1.

    >>> raise DyzError("household_not_found", ref="2-2-301")
    """

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from danyuanzhang.i18n import t

        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message()
