"""A refused bundle: what is wrong and, where the file has one, the line."""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError


class BundleError(DyzError):
    """Raised before anything is written: the database stays exactly as it was."""

    def __init__(self, problem: str, line: int | None = None, **params: Any) -> None:
        super().__init__("bundle_refused")
        self.problem = problem
        self.line = line
        self.path = ""
        self.problem_params = params
        # laptops revoked by the office's newer list it carried, kept all the same (members.py)
        self.revoked_kept: list[str] = []

    def message(self) -> str:
        from danyuanzhang.text.i18n import join, t
        from danyuanzhang.text.visible import visible_value

        where = t("bundle_where_line", line=self.line) if self.line else ""
        # what the bundle holds is quoted on the one line, its line breaks shown (␊)
        shown = {name: visible_value(value) for name, value in self.problem_params.items()}
        problem = t(self.problem, **shown)
        if self.revoked_kept:
            names = join(self.revoked_kept)
            return t(
                "bundle_refused_list_kept",
                path=self.path,
                where=where,
                problem=problem,
                names=names,
            )
        return t("bundle_refused", path=self.path, where=where, problem=problem)
