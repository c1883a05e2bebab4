"""docs/bundle-format.md is what someone writing a reader in another language has: its tables,
fields, kinds, clearable fields, references and version numbers must say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from danyuanzhang.core.records import CLEARABLE, ENTITIES, ENTITY_ORDER, FLAG_PREFIX, REFERENCES
from danyuanzhang.store.migrations import LATEST
from danyuanzhang.sync.bundle.reader import FORMAT_VERSION, HEADER_KEYS
from danyuanzhang.sync.bundle.values import READERS, is_record_id

DOC = (Path(__file__).parents[1] / "docs" / "bundle-format.md").read_text(encoding="utf-8")

# how the page names each kind of value; a kind the code gains must be named here, and on the page
KIND_NAMES = {
    "name": "name",
    "text": "text",
    "phone": "phone",
    "part": "part",
    "unit": "unit",
    "year": "year",
    "count": "count",
    "date": "date",
    "bool": "bool",
    "role": "role",
    "buildings": "buildings",
    "flag_code": "flag code",
    "hazard_kind": "flag code",
    "service_kind": "flag code",
    "service_kinds": "services",
    "hours": "hours",
    "dispute_kind": "dispute",
    "mediation_step": "mediation step",
    "flats": "flats",
    "photo": "photo",
    "severity": "severity",
    "step": "hazard step",
    "petition_step": "petition step",
    "escalation": "escalation",
    "decision": "decision",
    "satisfaction": "satisfaction",
    "visit_kind": "visit kind",
    "visit_outcome": "outcome",
    "wellbeing": "wellbeing",
    "risk": "risk level",
    "clock": "time of day",
    "check": "checklist item",
    "record_id": "a record id",
    "record_ids": "record ids",
    "household_id": "id of a household",
    "merged_entity": "record type",
}


def record_id_form(entity: str) -> str:
    for prefix in ("flag_", "hazard_kind_", "service_kind_"):
        if is_record_id(entity, prefix + "tap_water"):
            return f"`{prefix}` + code"
    assert is_record_id(entity, "0" * 32)
    return "32 hex"


def field_list(entity: str) -> str:
    spec = ENTITIES[entity]
    fields = [f"`{name}` ({KIND_NAMES[kind]})" for name, kind in spec.kinds.items()]
    if spec.flag_table:
        fields.append(f"`{FLAG_PREFIX}CODE` (bool)")
    return ", ".join(fields)


def test_the_table_of_tables_is_the_codes() -> None:
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \| (.+) \|$", DOC, re.M)
    assert [table for table, _, _ in rows] == list(ENTITY_ORDER)
    for table, id_form, fields in rows:
        assert id_form.strip() == record_id_form(table), table
        assert fields.strip() == field_list(table), table


def test_every_kind_is_explained() -> None:
    kinds = DOC[DOC.index("Kinds, as the text") : DOC.index("`clear` is allowed only")]
    assert set(KIND_NAMES) == set(READERS)
    for name in set(KIND_NAMES.values()):
        assert re.search(rf"(^- |; |, ){re.escape(name)}:", kinds, re.M), name


def test_the_layout_shown_is_what_dyz_writes(tmp_path: Path) -> None:
    """The example's header lines are the writer's, key for key and in order."""
    from danyuanzhang.store import Store
    from danyuanzhang.sync.exporting import export_bundle

    store = Store.open(tmp_path / "d.db")
    store.ensure_device("周玉梅的电脑")
    from danyuanzhang.households.registry import add_household

    add_household(store, "2-2-301", estate="新芙蓉之都")
    export_bundle(store, tmp_path / "b.yaml", everything=True, plain=True)
    store.close()
    written = (tmp_path / "b.yaml").read_text(encoding="utf-8").split("\nbody:")[0]
    shown = DOC[DOC.index("```yaml") : DOC.index("\nbody:")]
    keys = lambda text: re.findall(r"^([a-z_]+):", text, re.M)  # noqa: E731
    assert keys(shown) == keys(written) == [k for k in HEADER_KEYS[FORMAT_VERSION] if k != "body"]
    assert written.splitlines()[:2] == shown.splitlines()[1:3]


def test_clearable_fields_references_and_versions() -> None:
    clearable = ", ".join(f"`{table}.{field}`" for table, field in sorted(CLEARABLE))
    assert f"`clear` is allowed only for {clearable}." in DOC
    references = "; ".join(
        f"a {table}'s `{field}` names a {target}" for (table, field), target in REFERENCES.items()
    )
    assert f"References: {references}." in DOC
    assert f"today `{LATEST}`" in DOC
    assert f'schema_version: "{LATEST}"' in DOC
    assert f"this page's version, `{FORMAT_VERSION}`" in DOC
    for key in HEADER_KEYS[FORMAT_VERSION]:
        if key != "body":
            assert f"| `{key}` |" in DOC, key
