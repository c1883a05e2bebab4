"""Every record type that travels in the change log, declared once.

A record type says here what its fields are, what each holds (for reading a bundle), which may
be cleared, which name another record, which are residents' personal data, what its natural key
is (the fields by which two laptops' copies of one flat, person or post are known to be the
same), what it is erased with, where it lives (for scoped exports) and what everything is
called in both languages. The bundle's field tables, the docs' table, the shared tables the
merge laws compare and the labels in `dyz conflicts` are all read from here.
"""

from __future__ import annotations

from danyuanzhang.core.changes import FLAG_PREFIX
from danyuanzhang.system.tuples import Record


class Field(Record):
    name: str  # in the log and in bundles
    column: str  # in the derived table
    kind: str  # how its text is read back (bundle/values.py READERS)
    label: tuple[str, str]  # (Chinese, English)
    clearable: bool = False
    refers_to: str | None = None  # the record type whose record it names, checked on import
    personal: bool = False  # left out of bundles exported with --redact
    # the household's own words on a record that stays when it is erased (a hazard's place, a
    # need's text): they go with it, from the table and the log, here and on arrival
    household_words: bool = False


class Entity(Record):
    name: str
    table: str
    label: tuple[str, str]
    fields: tuple[Field, ...]
    # `flag.<code>` fields become rows of this table instead of a column
    flag_table: str | None = None
    # the fields that say which thing in the world this record is; two records whose first
    # values of these agree are one record (merge.identities). `distinct` may be absent.
    natural_key: tuple[str, ...] = ()
    # erased, with no tombstone of its own, when the household its `household` names is
    erased_with_household: bool = False
    # where the record lives, for scoped exports: "self" (its own estate, building and unit),
    # the field naming the record whose place it shares, or None for community-wide records
    placed_by: str | None = None
    # the fields its command always records: a new record arriving without one is refused
    required: tuple[str, ...] = ()
    # a step belongs to the household of its need or hazard: the field naming that record
    # (named as its record type), for the words erased with the household
    belongs_through: str | None = None

    # derived from `fields`, once: read for every change of a big import
    @property
    def columns(self) -> dict[str, str]:
        """Each field kept in the derived table, with its column."""
        return _derived(self)[0]

    @property
    def kinds(self) -> dict[str, str]:
        return _derived(self)[1]

    @property
    def personal(self) -> frozenset[str]:
        return _derived(self)[2]

    @property
    def free_text(self) -> frozenset[str]:
        """The fields a person types freely (a phone may be in one): a redacted bundle leaves
        out each that holds a phone."""
        return _derived(self)[3]

    def field(self, name: str) -> Field | None:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        return None

    @property
    def placed_in(self) -> str | None:
        """The record type whose place it shares: the one its placing field names (a field
        is named as the record type it names, when it does not say so with `refers_to`);
        None for a record placed by itself, by none, or by a record of either kind (a merge)."""
        if self.placed_by in (None, "self"):
            return None
        field = self.field(self.placed_by)
        target = (field.refers_to if field is not None else None) or self.placed_by
        return target if target in ENTITIES else None


_Derived = tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]


def _derived(spec: Entity) -> _Derived:
    found = _DERIVED.get(spec.name)
    if found is None:
        found = _DERIVED[spec.name] = _derive(spec)
    return found


_DERIVED: dict[str, _Derived] = {}


def _derive(spec: Entity) -> _Derived:
    return (
        {f.name: f.column for f in spec.fields if f.column},
        {f.name: f.kind for f in spec.fields},
        frozenset(f.name for f in spec.fields if f.personal),
        frozenset(f.name for f in spec.fields if f.kind == "text"),
    )


_PLACE = (
    Field("estate", "estate", "name", ("小区", "estate")),
    Field("building", "building", "part", ("楼栋", "building")),
    Field("unit", "unit", "unit", ("单元", "unit")),
)
_NOTE = ("备注", "note")
# set only on a record registered under the first key of another that has since been corrected
# (a flat typed 2-2-302 in the roll, now 2-2-320, and a new 2-2-302 registered): it keeps the
# two apart. Kept in the log and the keys, not in any table.
_DISTINCT = Field("distinct", "", "record_id", ("区分标记", "distinguishing tag"))
_KIND_FIELDS = (
    Field("code", "code", "flag_code", ("代码", "code")),
    Field("label_zh", "label_zh", "name", ("中文名称", "Chinese name")),
    Field("label_en", "label_en", "name", ("英文名称", "English name")),
)

# in the order records travel: what a record refers to comes before it
DECLARED = (
    Entity(
        "flag_kind",
        "flag_kinds",
        ("标记种类", "flag kind"),
        _KIND_FIELDS,
        required=("code", "label_zh"),
    ),
    Entity(
        "hazard_kind",
        "hazard_kinds",
        ("隐患种类", "hazard kind"),
        _KIND_FIELDS,
        required=("code", "label_zh"),
    ),
    Entity(
        "service_kind",
        "service_kinds",
        ("服务种类", "service kind"),
        _KIND_FIELDS,
        required=("code", "label_zh"),
    ),
    Entity(
        "household",
        "households",
        ("住户", "household"),
        (
            *_PLACE,
            Field("room", "room", "part", ("房号", "room")),
            Field("note", "note", "text", _NOTE, clearable=True, personal=True),
            _DISTINCT,
        ),
        natural_key=("estate", "building", "unit", "room", "distinct"),
        placed_by="self",
        required=("estate", "building", "unit", "room"),
    ),
    Entity(
        "resident",
        "residents",
        ("居民", "resident"),
        (
            Field(
                "household",
                "household_id",
                "household_id",
                ("所属住户", "household"),
                refers_to="household",
            ),
            Field("name", "name", "name", ("姓名", "name"), personal=True),
            Field("phone", "phone", "phone", ("电话", "phone"), clearable=True, personal=True),
            Field(
                "born", "born", "year", ("出生年份", "birth year"), clearable=True, personal=True
            ),
            Field("moved_in", "moved_in", "date", ("迁入日期", "moved-in date"), clearable=True),
            Field("moved_out", "moved_out", "date", ("迁出日期", "moved-out date"), clearable=True),
            Field("note", "note", "text", _NOTE, clearable=True, personal=True),
            # the 2022 care policy's (schema 17): whom to call, and how often to visit
            Field(
                "contact_name",
                "contact_name",
                "name",
                ("紧急联系人", "emergency contact"),
                clearable=True,
                personal=True,
            ),
            Field(
                "contact_phone",
                "contact_phone",
                "phone",
                ("紧急联系人电话", "emergency contact's phone"),
                clearable=True,
                personal=True,
            ),
            Field(
                "contact_relation",
                "contact_relation",
                "text",
                ("与本人关系", "relation"),
                clearable=True,
                personal=True,
            ),
            Field(
                "risk", "risk", "risk", ("风险等级", "risk level"), clearable=True, personal=True
            ),
            _DISTINCT,
        ),
        flag_table="resident_flags",
        natural_key=("household", "name", "distinct"),
        erased_with_household=True,
        placed_by="household",
        required=("household", "name"),
    ),
    Entity(
        "roster",
        "roster",
        ("名册成员", "roster member"),
        (
            Field("role", "role", "role", ("角色", "role")),
            Field("name", "name", "name", ("姓名", "name")),
            Field("phone", "phone", "phone", ("电话", "phone")),
            Field("estate", "estate", "name", ("小区", "estate")),
            Field("scope", "scope", "name", ("范围", "scope")),
            Field("buildings", "buildings", "buildings", ("负责楼栋", "buildings"), clearable=True),
            Field("duties", "duties", "text", ("职责", "duties"), clearable=True),
            Field("photo", "photo", "photo", ("照片", "photo"), clearable=True),
            _DISTINCT,
        ),
        natural_key=("role", "estate", "scope", "name", "distinct"),
        required=("role", "name", "phone", "scope"),
    ),
    Entity(
        "volunteer",
        "volunteers",
        ("志愿者", "volunteer"),
        (
            Field("name", "name", "name", ("姓名", "name"), personal=True),
            Field("phone", "phone", "phone", ("电话", "phone"), clearable=True, personal=True),
            Field(
                "household",
                "household_id",
                "household_id",
                ("住在哪一户", "lives at"),
                clearable=True,
                refers_to="household",
            ),
            # the area they help in: an estate, a building of it, or one unit
            Field("estate", "estate", "name", ("小区", "estate")),
            Field("building", "building", "part", ("楼栋", "building"), clearable=True),
            Field("unit", "unit", "unit", ("单元", "unit"), clearable=True),
            Field("services", "services", "service_kinds", ("服务项目", "services")),
            Field("available", "available", "text", ("能帮忙的时间", "available"), clearable=True),
            Field("note", "note", "text", _NOTE, clearable=True, personal=True),
        ),
        erased_with_household=True,
        placed_by="self",
        required=("name", "estate", "services"),
    ),
    Entity(
        "visit",
        "visits",
        ("走访", "visit"),
        (
            Field(
                "household",
                "household_id",
                "household_id",
                ("住户", "household"),
                refers_to="household",
            ),
            *_PLACE,
            Field("on", "on_date", "date", ("日期", "date")),
            Field("kind", "kind", "visit_kind", ("方式", "kind")),
            Field("outcome", "outcome", "visit_outcome", ("结果", "outcome")),
            Field("visitor", "visitor", "name", ("走访人", "visitor")),
            Field("introduced", "introduced", "bool", ("介绍过单元长", "introduced")),
            Field("anti_fraud_app", "anti_fraud_app", "bool", ("反诈APP", "anti-fraud app")),
            Field("briefed", "briefed", "bool", ("讲过骗术", "briefed on scams")),
            Field(
                "wellbeing",
                "wellbeing",
                "wellbeing",
                ("状况", "wellbeing"),
                personal=True,
                household_words=True,
            ),
            Field("note", "note", "text", _NOTE, personal=True, household_words=True),
            # the residents met at the door, by id; absent when nobody was asked (before 15)
            Field("met", "met", "record_ids", ("受访人", "residents met"), clearable=True),
            # what a care visit checked (schema 17): `ok` (正常) or what was found
            *(
                Field(code, code, "text", labels, personal=True, household_words=True)
                for code, labels in (
                    ("health", ("健康", "health")),
                    ("mind", ("精神", "state of mind")),
                    ("home_safety", ("居家安全", "home safety")),
                    ("support", ("赡养/照料", "family support")),
                )
            ),
            Field(
                "referral",
                "referral",
                "text",
                ("转介", "referred to"),
                personal=True,
                household_words=True,
            ),
        ),
        placed_by="self",
        required=("household", "estate", "building", "unit", "on", "kind", "outcome"),
    ),
    Entity(
        "patrol",
        "patrols",
        ("巡查", "patrol"),
        (
            Field("estate", "estate", "name", ("小区", "estate")),
            Field("building", "building", "part", ("楼栋", "building")),
            # absent for a walk through a whole building
            Field("unit", "unit", "unit", ("单元", "unit")),
            Field("on", "on_date", "date", ("日期", "date")),
            Field("at", "at_time", "clock", ("时间", "time")),
            Field("patroller", "patroller", "name", ("巡查人", "patroller")),
            *(
                Field(code, code, "check", labels)
                for code, labels in (
                    ("passage", ("通道/出口畅通", "passages and exits clear")),
                    ("lighting", ("应急照明/指示", "emergency lights and signs")),
                    ("extinguisher", ("灭火器在位有效", "extinguishers in place")),
                    ("ebike", ("电动车入户/飞线充电", "e-bikes indoors, flying wires")),
                    ("combustibles", ("可燃物堆放", "combustibles piled up")),
                )
            ),
            Field("note", "note", "text", ("巡查情况", "what was seen"), clearable=True),
        ),
        placed_by="self",
        required=(
            "estate",
            "building",
            "on",
            "patroller",
            "passage",
            "lighting",
            "extinguisher",
            "ebike",
            "combustibles",
        ),
    ),
    Entity(
        "hazard",
        "hazards",
        ("隐患", "hazard"),
        (
            Field("kind", "kind", "hazard_kind", ("类别", "kind")),
            *_PLACE,
            Field("place", "place", "text", ("地点", "place"), household_words=True),
            Field(
                "household",
                "household_id",
                "household_id",
                ("责任户", "household responsible"),
                clearable=True,
                refers_to="household",
            ),
            Field("severity", "severity", "severity", ("严重程度", "severity")),
            Field("found_on", "found_on", "date", ("发现日期", "found on")),
            Field("due", "due", "date", ("整改期限", "deadline"), clearable=True),
            Field("note", "note", "text", _NOTE, clearable=True, household_words=True),
            Field(
                "photo", "photo", "photo", ("照片", "photo"), clearable=True, household_words=True
            ),
            Field("visit", "visit_id", "record_id", ("发现时的走访", "visit that found it")),
            Field("patrol", "patrol_id", "record_id", ("发现时的巡查", "patrol that found it")),
            Field("notice_no", "notice_no", "text", ("整改通知书编号", "notice number")),
            Field("notice_on", "notice_on", "date", ("通知书日期", "notice issued on")),
            Field(
                "requirement",
                "requirement",
                "text",
                ("整改要求", "what is required"),
                clearable=True,
                household_words=True,
            ),
        ),
        placed_by="self",
        # a severity only when someone judged it (schema 15): a ledger's 等级 is blank otherwise
        required=("kind", "estate", "place", "found_on"),
    ),
    Entity(
        "hazard_event",
        "hazard_events",
        ("隐患步骤", "hazard step"),
        (
            Field("hazard", "hazard_id", "record_id", ("隐患", "hazard"), refers_to="hazard"),
            Field("step", "step", "step", ("步骤", "step")),
            Field("on", "on_date", "date", ("日期", "date")),
            Field("due", "due", "date", ("期限", "deadline"), clearable=True),
            Field("note", "note", "text", _NOTE, clearable=True, household_words=True),
        ),
        placed_by="hazard",
        belongs_through="hazard",
        required=("hazard", "step", "on"),
    ),
    Entity(
        "proposal",
        "proposals",
        ("建议", "proposal"),
        (
            Field("estate", "estate", "name", ("小区", "estate")),
            Field("text", "text", "text", ("建议内容", "proposal")),
            Field("proposed_on", "proposed_on", "date", ("提出日期", "proposed on")),
            Field("decision", "decision", "decision", ("社区的决定", "the office's decision")),
            Field("decided_on", "decided_on", "date", ("决定日期", "decided on")),
            Field(
                "decision_note",
                "decision_note",
                "text",
                ("决定说明", "decision note"),
                clearable=True,
            ),
            # the council meeting that made it, for its record (议事会记录; schema 15)
            Field("place", "place", "text", ("地点", "place")),
            Field("host", "host", "name", ("主持人", "chaired by")),
            Field("recorder", "recorder", "name", ("记录人", "minutes by")),
            Field("expected", "expected", "count", ("应到人数", "members")),
            Field("present", "present", "count", ("实到人数", "present")),
            Field("votes_for", "votes_for", "count", ("赞成", "for")),
            Field("votes_against", "votes_against", "count", ("反对", "against")),
            Field("votes_abstain", "votes_abstain", "count", ("弃权", "abstained")),
        ),
        required=("estate", "text", "proposed_on"),
    ),
    Entity(
        "petition",
        "petitions",
        ("诉求", "petition"),
        (
            Field(
                "household",
                "household_id",
                "household_id",
                ("住户", "household"),
                refers_to="household",
            ),
            *_PLACE,
            Field("category", "category", "flag_code", ("类别", "category")),
            Field(
                "text",
                "text",
                "text",
                ("诉求内容", "what was asked"),
                personal=True,
                household_words=True,
            ),
            Field("raised_on", "raised_on", "date", ("收集日期", "raised on")),
            Field("visit", "visit_id", "record_id", ("收集时的走访", "visit that heard it")),
            # a dispute to mediate (category mediation): its kind, the other flats, who mediates
            Field("dispute", "dispute", "dispute_kind", ("纠纷类型", "dispute"), clearable=True),
            Field(
                "parties",
                "parties",
                "flats",
                ("其他当事人（房号）", "other parties"),
                clearable=True,
            ),
            Field("mediator", "mediator", "name", ("调解人", "mediator"), clearable=True),
            # the numbers a mediation file is kept under, and how the case came (schema 15)
            Field("case_no", "case_no", "text", ("卷号", "file number"), clearable=True),
            Field(
                "agreement_no",
                "agreement_no",
                "text",
                ("协议书编号", "agreement number"),
                clearable=True,
            ),  # fmt: skip
            Field(
                "source",
                "case_source",
                "text",
                ("案件来源", "how it came"),
                clearable=True,
                household_words=True,
            ),
        ),
        placed_by="self",
        required=("estate", "category", "text", "raised_on"),
    ),
    Entity(
        "petition_event",
        "petition_events",
        ("诉求步骤", "petition step"),
        (
            Field("petition", "petition_id", "record_id", ("诉求", "petition")),
            Field("step", "step", "petition_step", ("步骤", "step")),
            Field("on", "on_date", "date", ("日期", "date")),
            Field("to", "escalated_to", "escalation", ("上报给", "escalated to")),
            Field("proposal", "proposal_id", "record_id", ("建议", "proposal")),
            Field("confirmed", "confirmed", "bool", ("居民确认", "confirmed by the resident")),
            # asked at the return visit that closes it (schema 15)
            Field("satisfaction", "satisfaction", "satisfaction", ("满意度", "satisfaction")),
            Field("volunteer", "volunteer_id", "record_id", ("交给的志愿者", "volunteer")),
            Field("note", "note", "text", _NOTE, clearable=True, household_words=True),
        ),
        placed_by="petition",
        belongs_through="petition",
        required=("petition", "step", "on"),
    ),
    Entity(
        "mediation_step",
        "mediation_steps",
        ("调解经过", "mediation step"),
        (
            Field("petition", "petition_id", "record_id", ("诉求", "petition")),
            Field("step", "step", "mediation_step", ("步骤", "step")),
            Field("on", "on_date", "date", ("日期", "date")),
            Field("party", "party", "flats", ("谈话的一方（房号）", "the side talked to")),
            Field("to", "referred_to", "text", ("移交给", "referred to"), household_words=True),
            Field("note", "note", "text", _NOTE, clearable=True, household_words=True),
        ),
        placed_by="petition",
        belongs_through="petition",
        required=("petition", "step", "on"),
    ),
    Entity(
        "petition_link",
        "petition_links",
        ("诉求关联", "petition link"),
        (
            Field("petition", "petition_id", "record_id", ("诉求", "petition")),
            Field("other", "other_id", "record_id", ("关联的诉求", "linked petition")),
        ),
        placed_by="petition",
        required=("petition", "other"),
    ),
    # A need before the council, as every laptop of the community may see it (schema 15): the
    # council is community-wide, so its agenda is; the resident's words and flat stay with the
    # need, where its scope sends it. Written by the laptop that carries the need up, closed
    # by the one that takes it off the agenda.
    Entity(
        "council_item",
        "council_items",
        ("议事会待议事项", "matter before the council"),
        (
            Field("petition", "petition_id", "record_id", ("诉求", "petition")),
            Field("matter", "matter_id", "record_id", ("同一件事", "matter")),
            # an id, so that a household behind two needs is counted once; never resolved
            Field("household", "household_key", "record_id", ("住户编号", "household")),
            *_PLACE,
            Field("category", "category", "flag_code", ("类别", "category")),
            Field("raised_on", "raised_on", "date", ("收集日期", "raised on")),
            Field("escalated_on", "escalated_on", "date", ("上报日期", "escalated on")),
            Field(
                "settled_on", "settled_on", "date", ("离开议程", "off the agenda"), clearable=True
            ),
        ),
        required=("petition", "matter", "estate", "category", "raised_on", "escalated_on"),
    ),
    Entity(
        "service",
        "services",
        ("志愿服务", "volunteer service"),
        (
            Field("volunteer", "volunteer_id", "record_id", ("志愿者", "volunteer")),
            Field(
                "household",
                "household_id",
                "household_id",
                ("服务对象", "served"),
                refers_to="household",
            ),
            *_PLACE,
            Field("kind", "kind", "service_kind", ("服务内容", "service")),
            Field("on", "on_date", "date", ("日期", "date")),
            Field("hours", "hours", "hours", ("时长", "hours")),
            Field("petition", "petition_id", "record_id", ("对应的诉求", "need answered")),
            Field(
                "note", "note", "text", _NOTE, clearable=True, personal=True, household_words=True
            ),
        ),
        placed_by="self",
        required=("volunteer", "estate", "building", "unit", "kind", "on", "hours"),
    ),
    Entity(
        "merge",
        "merges",
        ("合并", "merge"),
        (
            Field("entity", "entity", "merged_entity", ("合并的是", "what is merged")),
            Field("keep", "keep", "record_id", ("保留的记录", "record kept")),
            Field("other", "other", "record_id", ("并入的记录", "record merged in")),
        ),
        placed_by="keep",
        required=("entity", "keep", "other"),
    ),
)

ENTITIES: dict[str, Entity] = {e.name: e for e in DECLARED}
ENTITY_ORDER = tuple(e.name for e in DECLARED)
KEYED = tuple(e.name for e in DECLARED if e.natural_key)
# (record type, field) a change may set to nothing (`clear:`); the others always hold a value
CLEARABLE = {(e.name, f.name) for e in DECLARED for f in e.fields if f.clearable}
# fields naming another record, by the record type it must be found in
REFERENCES = {(e.name, f.name): f.refers_to for e in DECLARED for f in e.fields if f.refers_to}
# What of a record that stays when its household is erased (the community's figures need its
# category, unit, dates and steps) is the household's own words, and goes with it: a need's
# text, a hazard's place, note and requirement, what a visit found, the notes on the steps of
# its needs and hazards — every field a person types beside the household, but the numbers of
# its paper file. It goes from any record that ever named an erased flat (a step: whose need
# or hazard did), a rule every laptop applies alike whatever order the erasure and the record
# reach it in.
WORDS_WITH_HOUSEHOLD: dict[str, tuple[str, ...]] = {
    e.name: words
    for e in DECLARED
    if (words := tuple(f.name for f in e.fields if f.household_words))
}
# the field that names the need or hazard a step belongs to, by record type
BELONGS_THROUGH = {e.name: e.belongs_through for e in DECLARED if e.belongs_through}
# A merge names two records of the type its `entity` gives, but only as context, like a
# petition's visit: a merged resident may be gone with its household, and a merge whose records
# are not (yet) here simply joins nothing.

__all__ = [
    "BELONGS_THROUGH",
    "CLEARABLE",
    "DECLARED",
    "ENTITIES",
    "ENTITY_ORDER",
    "FLAG_PREFIX",
    "KEYED",
    "REFERENCES",
    "WORDS_WITH_HOUSEHOLD",
    "Entity",
    "Field",
]


def label(entity: str) -> str:
    from danyuanzhang.text.i18n import pick

    return pick(*ENTITIES[entity].label)


def field_label(entity: str, name: str) -> str:
    """A field's name for people: 电话, 标记“独居老人”, 整改期限."""
    from danyuanzhang.text.i18n import pick, t

    if name.startswith(FLAG_PREFIX):
        from danyuanzhang.text.vocab import BUILTIN_FLAGS

        code = name[len(FLAG_PREFIX) :]
        return t("field_flag", flag=pick(*BUILTIN_FLAGS.get(code, (code, code))))
    spec = ENTITIES[entity].field(name)
    return pick(*spec.label) if spec is not None else name
