"""Setting up a laptop's notebook: its device identity and the community it serves."""

from __future__ import annotations

from typing import Any

from danyuanzhang.inputs import parse_name
from danyuanzhang.store import Store


def initialise(
    store: Store, community: str | None, device_name: str | None, default_name: str
) -> dict[str, Any]:
    """Create this device's identity once; later runs only change the names that are given."""
    wanted = parse_name(device_name) if device_name is not None else None
    device_id, current_name, new_device = store.ensure_device(wanted or default_name)
    renamed_from = None
    if not new_device and wanted and wanted != current_name:
        store.rename_device(wanted)
        renamed_from, current_name = current_name, wanted
    community_before = store.setting("community")
    if community is not None:
        store.set_setting("community", parse_name(community))
    return {
        "device_id": device_id,
        "device_name": current_name,
        "new_device": new_device,
        "community": store.setting("community"),
        # what a second run changed, for it to say so
        "device_renamed_from": renamed_from,
        "community_before": community_before,
    }
