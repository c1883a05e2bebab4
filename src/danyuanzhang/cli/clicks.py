"""Click's names that Typer's public API does not give.

Typer 0.28 carries its own copy of Click (`typer._click`): its commands raise that copy's
exceptions, so they are caught by these classes, not by those of a separately installed
`click`. Typer exports `BadParameter` (used from `typer` itself); the rest, and the choice
type Typer gives an Enum's option (for an option that takes only some of an Enum's values),
are reached here, the one module that imports Typer's private packages, so that a Typer that
exports them, or stops carrying Click, changes this file alone.
"""

from __future__ import annotations

from typer._click.exceptions import (  # noqa: PLC2701 (why: the docstring)
    BadOptionUsage,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer._click.types import ParamType  # noqa: PLC2701
from typer._types import TyperChoice as Choice  # noqa: PLC2701

__all__ = [
    "BadOptionUsage",
    "Choice",
    "MissingParameter",
    "NoSuchOption",
    "ParamType",
    "UsageError",
]
