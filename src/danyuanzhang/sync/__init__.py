"""Sync between laptops: export what a peer lacks, import what others send, settle conflicts.

>>> exporting.export_bundle(store, Path("2-2单元.yaml"), peer="社区办公室")  # doctest: +SKIP
>>> report = importing.import_bundle(store, Path("社区办公室.yaml"))  # doctest: +SKIP

Nothing is imported here: a command that needs this laptop's key (sync/keys.py) should not
load the exporter, the importer and the bundle reader with it.
"""

# the modules other capability packages may import; the rest are this package's own
FACE = ("conflicts", "erasures", "keys", "members", "names")
