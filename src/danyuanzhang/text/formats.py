"""The forms a command's result may take. A module of its own because every command's options
name it at start-up, before anything is rendered."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    """Every form a command's result may take; each command's --format accepts a few of them."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"
    txt = "txt"
    text = "text"
