"""The one error type for mistakes a user can make and fix."""

from __future__ import annotations

from typing import Any


class DyzError(Exception):
    """A user-caused error: shown as one translated line on stderr, exit code 1.

    >>> DyzError("household_not_found", ref="2-2-301", estate="新芙蓉之都").message()
    '新芙蓉之都 没有登记 2-2-301 这一户。先用 dyz household add 2-2-301 登记，或用 dyz household list 查看。'
    """

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from danyuanzhang.text.i18n import t
        from danyuanzhang.text.visible import visible_value

        # an error is one line: a line break in the value it quotes is shown, not obeyed
        return t(self.key, **{name: visible_value(v) for name, v in self.params.items()})

    def __str__(self) -> str:
        return self.message()
