"""The messages of residents' needs and their steps, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- estates and households ---------------------------------------------------------------
    "need_estate_first": (
        "还没有登记任何小区，请用 --estate 写上小区名，如 --estate 新芙蓉之都。",
        "No estate is registered yet: name it with --estate, e.g. --estate 新芙蓉之都.",
    ),
    "need_estate": (
        "有好几个小区，请用 --estate 指明是哪一个：{known}",
        "There are several estates; say which with --estate: {known}",
    ),
    # -- residents ------------------------------------------------------------------------------
    "need_yes": (
        "删除会永久抹去个人信息。确认要删，请加上 --yes。",
        "Removing erases personal data for good. To go ahead, add --yes.",
    ),
    # -- the roll (花名册) ----------------------------------------------------------------------
    "need_roll_file": (
        "请写上花名册文件，如 dyz household import 花名册.csv；要空白模板请加 --template。",
        "Give the roll file, e.g. dyz household import roll.csv; for an empty one add --template.",
    ),
    # -- hazards -------------------------------------------------------------------------------
    "petition_refused_withdrawn": (
        "这条诉求{status}，不能再撤回。",
        "This petition is {status}: it cannot be withdrawn again.",
    ),
    "petition_withdrawn": (
        "已撤回诉求（编号 {id}）：它不再出现在清单和统计里，dyz petition show {id} 仍可查到。",
        "Withdrew the petition (id {id}): it leaves the lists and the counts; dyz petition"
        " show {id} still has it.",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "referred_needs_to": (
        "移交给谁？请写 --to，如 --to 人民调解委员会。",
        'Referred to whom? Give --to, e.g. --to "the people\'s mediation committee".',
    ),
    # -- petitions -----------------------------------------------------------------------------
    "petition_not_found": (
        "找不到编号以 {id} 开头的诉求，见 dyz petition list。",
        "No petition id starts with {id}; see dyz petition list.",
    ),
    "resolve_needs_note": ("请用 --note 写上是怎么解决的。", "Say what was done with --note."),
    "link_itself": ("不能把一条诉求和它自己合并。", "A petition cannot be linked to itself."),
    "petition_refused_resolved": (
        "这条诉求{status}，不能再登记为就地解决。",
        "This petition is {status}: it cannot be resolved on the spot now.",
    ),
    "petition_refused_escalated": (
        "这条诉求{status}，不能再上报。",
        "This petition is {status}: it cannot be escalated now.",
    ),
    "petition_refused_proposed": (
        "这条诉求{status}，要先上报才能形成建议。",
        "This petition is {status}: it must be escalated first.",
    ),
    "petition_refused_adopted": (
        "这条诉求{status}，没有待决定的建议。",
        "This petition is {status}: no proposal awaits a decision.",
    ),
    "petition_refused_declined": (
        "这条诉求{status}，没有待决定的建议。",
        "This petition is {status}: no proposal awaits a decision.",
    ),
    "petition_refused_done": (
        "这条诉求{status}，建议被采纳后才能登记落实。",
        "This petition is {status}: only an adopted proposal can be done.",
    ),
    "petition_refused_closed": (
        "这条诉求{status}，还不能办结。",
        "This petition is {status}: it cannot be closed yet.",
    ),
    "petition_added": (
        "已记录 {ref} 的诉求（编号 {id}）",
        "Recorded a petition from {ref} (id {id})",
    ),
    "petition_carried": (
        "同一件事的诉求 {ids} 也一起上报了，议事会上按户数算一件事。",
        "The same matter's {ids} went up with it; the council counts it as one matter.",
    ),
    "petition_linked": (
        "已合并诉求 {first} 和 {second}，议事会按户数统计。",
        "Linked petitions {first} and {second}; the agenda counts households.",
    ),
    "petition_resolved": ("已登记就地解决（编号 {id}）", "Resolved on the spot (id {id})"),
    "petition_escalated": ("已上报给{to}（编号 {id}）", "Escalated to the {to} (id {id})"),
    "petition_done": ("已登记落实（编号 {id}）", "Marked done (id {id})"),
    "petition_done_service": (
        "已把 {name} 的 {hours} 小时记进志愿服务台账",
        "Recorded {name}'s {hours} hours in the volunteer service record",
    ),
    "petition_assigned": (
        "已交给志愿者 {name}（编号 {id}）。办好后：dyz petition done {id} --hours 小时数",
        "Handed to the volunteer {name} (id {id}). Once done: dyz petition done {id} --hours H",
    ),
    "nearness_0": ("同一单元", "same unit"),
    "nearness_1": ("同一栋楼", "same building"),
    "nearness_2": ("同一小区", "same estate"),
    "pstep_assigned": ("交给志愿者", "handed to a volunteer"),
    "petition_closed": ("已办结（编号 {id}）", "Closed (id {id})"),
    "pstep_collected": ("收集", "collected"),
    "pstep_resolved": ("就地解决", "resolved"),
    "pstep_escalated": ("上报", "escalated"),
    "pstep_proposed": ("形成建议", "proposed"),
    "pstep_adopted": ("采纳", "adopted"),
    "pstep_declined": ("未采纳", "declined"),
    "pstep_done": ("落实", "done"),
    "pstep_closed": ("办结", "closed"),
    "pstep_withdrawn": ("撤回（记错了）", "withdrawn (entered by mistake)"),
}
