"""The messages of households, residents and their flags, and duplicates, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the menu ------------------------------------------------------------------------------
    "household_which": (
        "“{text}”对得上好几户：{refs}。请写全房号，如 {first}。",
        "“{text}” matches several households: {refs}. Write the full reference, e.g. {first}.",
    ),
    # -- estates and households ---------------------------------------------------------------
    "household_not_found": (
        "{estate} 没有登记 {ref} 这一户。先用 dyz household add {ref} 登记，或用 dyz household list 查看。",
        "Household {ref} is not registered in {estate}. Register it with dyz household add {ref},"
        " or see dyz household list.",
    ),
    "household_id_not_found": (
        "找不到编号以 {id} 开头的住户。请用房号（如 2-2-301）或 dyz household list 里的编号。",
        "No household id starts with {id}. Use a reference like 2-2-301 or an id from dyz household list.",
    ),
    "households_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）。走访、诉求、隐患和居民都归到这一户；两边都填了的项以保留的一户为准。",
        "Merged: {other} into {keep} (id {id}). Its visits, petitions, hazards and residents now belong to it; where both had a value, the kept one's stands.",
    ),
    "residents_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）；两边都填了的项以保留的一方为准。",
        "Merged: {other} into {keep} (id {id}); where both had a value, the kept one's stands.",
    ),
    "dup_names_one_apart": ("同户居民名字差一个字", "names one character apart"),
    "dup_same_phone": ("两户有同一个电话", "one phone in two households"),
    "dup_same_address": ("同一房号登记了两户", "one address registered twice"),
    "dup_petitions_alike": ("同户同类诉求（14 天内）", "alike needs of one household"),
    "household_twice": (
        "{estate} 的 {ref} 登记了两户（编号 {ids}），可能是两台电脑各改了一户的房号。请先合并：dyz household merge {keep} {other} --yes",
        "{ref} of {estate} is registered twice (ids {ids}), perhaps corrected apart on two laptops. Merge them first: dyz household merge {keep} {other} --yes",
    ),
    "resident_exists": (
        "{ref} 已经登记了 {name}（编号 {id}）。要修改请用 dyz resident edit {id}。",
        "{name} is already registered at {ref} (id {id}). To change them use dyz resident edit {id}.",
    ),
    "merge_itself": (
        "这两个已经是同一条记录了，不用合并。",
        "These two are one record already: nothing to merge.",
    ),
    "household_exists": (
        "{estate} 的 {ref} 已经登记过了，可用 dyz household show {ref} 查看。",
        "Household {ref} of {estate} is already registered: see dyz household show {ref}.",
    ),
    "household_added": (
        "已登记：{estate} {ref}（编号 {id}）",
        "Registered {ref} of {estate} (id {id})",
    ),
    "household_updated": ("已修改：{estate} {ref}", "Updated {ref} of {estate}"),
    "household_removed": (
        "已删除 {estate} {ref}，并抹去了 {residents}的个人信息（包括修改记录），无法恢复。",
        "Removed {ref} of {estate} and erased the personal data of {residents}, history"
        " included. This cannot be undone.",
    ),
    "household_kept_without_words": (
        "它的 {count} 条走访、诉求和隐患记录留在统计里，其中的文字和备注已抹去。",
        "Its {count} visits, needs and hazards stay in the figures, with their words and notes"
        " erased.",
    ),
    # -- residents ------------------------------------------------------------------------------
    "resident_not_found": (
        "找不到编号以 {id} 开头的居民。编号可在 dyz household show 房号 中查到。",
        "No resident id starts with {id}. Ids are shown by dyz household show REF.",
    ),
    "move_out_before_in": (
        "迁出日期 {on} 早于迁入日期 {moved_in}，请检查日期。",
        "The move-out date {on} is before the move-in date {moved_in}; check the dates.",
    ),
    "resident_added": (
        "已登记居民 {name}（{ref}，编号 {id}）",
        "Added resident {name} to {ref} (id {id})",
    ),
    "resident_updated": ("已修改居民 {name} 的信息", "Updated {name}"),
    "resident_moved_out": (
        "已登记 {name} 于 {on} 迁出（记录保留）",
        "{name} moved out on {on} (kept in the history)",
    ),
    "resident_removed": (
        "已删除居民 {name}，其个人信息（包括修改记录）已抹去，无法恢复。",
        "Removed {name}; their personal data, history included, is erased and cannot be recovered.",
    ),
    # -- flags ----------------------------------------------------------------------------------
    "flag_exists": ("标记 {code} 已经有了。", "The flag {code} already exists."),
    "flag_added": ("已添加标记 {code}", "Added the flag {code}"),
    # -- h-text: a flat's reference with a letter for a digit -----------------------------------
    "household_ref_slip": (
        "{estate} 没有 {ref} 这一户。房号里的 {letters} 像是打错了（字母 O 当成了零，I 或 l 当成了一）：是不是 {fixed}？",
        "{estate} has no flat {ref}. The {letters} in it looks mistyped (the letter O for zero, I"
        " or l for one): did you mean {fixed}?",
    ),
    "household_ref_slip_unknown": (
        "{estate} 没有 {ref} 这一户。房号里的 {letters} 像是打错了（字母 O 当成了零，I 或 l 当成了一），请检查房号再输入。",
        "{estate} has no flat {ref}. The {letters} in it looks mistyped (the letter O for zero, I"
        " or l for one): check the reference and type it again.",
    ),
    # -- issue 33, care: a resident's emergency contact and risk level ---------------------
    "emergency_contact_form": (
        "“{text}”不是紧急联系人：请写姓名、电话，可加关系，如 --emergency-contact “张伟 13800001111 儿子”。",
        "“{text}” is not an emergency contact: give a name and a phone, and the relation if you"
        " like, e.g. --emergency-contact “Zhang Wei 13800001111 son”.",
    ),
    "resident_contact": (
        "紧急联系人 {name}{relation} {phone}",
        "emergency contact {name}{relation} {phone}",
    ),
    "resident_risk": (
        "风险等级 {risk}（每 {days} 天探访）",
        "risk level {risk} (visited every {days} days)",
    ),
}
