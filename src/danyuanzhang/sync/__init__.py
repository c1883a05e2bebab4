"""Sync between laptops: export what a peer lacks, import what others send, settle conflicts.

>>> export_bundle(store, Path("2-2单元.yaml"), peer="社区办公室")
>>> report = import_bundle(store, Path("社区办公室.yaml"))
"""

from danyuanzhang.sync.conflicts import (
    find_conflict,
    list_conflicts,
    resolve_conflict,
    show_conflict,
)
from danyuanzhang.sync.exporting import ExportReport, export_bundle, find_peer
from danyuanzhang.sync.importing import ImportReport, import_bundle
from danyuanzhang.sync.peers import list_peers, set_scope

__all__ = [
    "ExportReport",
    "ImportReport",
    "export_bundle",
    "find_conflict",
    "find_peer",
    "import_bundle",
    "list_conflicts",
    "list_peers",
    "resolve_conflict",
    "set_scope",
    "show_conflict",
]
