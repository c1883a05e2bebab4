"""The messages of hazards and their steps, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "hazard_place_empty": (
        '请写出隐患在哪里，如 --where "2-2 5楼窗口"。',
        'Say where the hazard is, e.g. --where "2-2 5th-floor window".',
    ),
    "hazard_nothing_to_change": (
        "没有要修改的内容：请写上要改的项，如 --where、--household、--note 或 --due。",
        "Nothing to change: say what to correct, e.g. --where, --household, --note or --due.",
    ),
    "hazard_edited": ("隐患 {id} 已改好。", "Hazard {id} corrected."),
    # -- what people type ---------------------------------------------------------------------
    "hazard_kind_to_add": (
        "社区自己的隐患类别请先添加：dyz hazard kind-add 英文代号 --zh {text}",
        " A kind of the community's own is added first: dyz hazard kind-add CODE --zh {text}.",
    ),
    # -- hazards -------------------------------------------------------------------------------
    "step_before_found": (
        "日期 {on} 早于发现日期 {found}。",
        "The date {on} is before the hazard was found ({found}).",
    ),
    "hazard_not_found": (
        "找不到编号以 {id} 开头的隐患，见 dyz hazard list。",
        "No hazard id starts with {id}; see dyz hazard list.",
    ),
    "step_refused_notified": (
        "这处隐患{status}，不能再告知整改。",
        "This hazard is {status}: it cannot be notified now.",
    ),
    "step_refused_rectified": (
        "这处隐患{status}，不能登记为已整改。",
        "This hazard is {status}: it cannot be marked fixed.",
    ),
    "step_refused_verified": (
        "这处隐患{status}，要先整改才能复查销号。",
        "This hazard is {status}: it must be fixed before it is verified.",
    ),
    "step_refused_reopened": (
        "这处隐患{status}，还没整改，不能重新打开。",
        "This hazard is {status}: only a fixed hazard can be reopened.",
    ),
    "hazard_added": (
        "已登记隐患（{unit}，编号 {id}），整改期限：{due}",
        "Recorded a hazard at {unit} (id {id}); deadline: {due}",
    ),
    "hazard_is_recurrence": (
        "注意：这是回潮，同一单元 90 天内复查过同类隐患（编号 {id}）。",
        "Note: a recurrence of hazard {id}, verified at this unit within the window.",
    ),
    "hazard_notified": (
        "已告知整改（编号 {id}），期限：{due}",
        "Notified (id {id}); deadline: {due}",
    ),
    "hazard_rectified": (
        "已登记整改（编号 {id}），请复查后销号。",
        "Marked fixed (id {id}); re-inspect, then verify.",
    ),
    "hazard_verified": ("复查合格，已销号（编号 {id}）。", "Verified and closed (id {id})."),
    "hazard_reopened": (
        "已重新打开（编号 {id}），期限：{due}",
        "Reopened (id {id}); deadline: {due}",
    ),
    "hazard_overdue": ("逾期", "overdue"),
    "hazard_recurrence": ("回潮（{id}）", "recurs {id}"),
    "step_found": ("发现", "found"),
    "step_notified": ("告知整改", "notified"),
    "step_rectified": ("已整改", "rectified"),
    "step_verified": ("复查销号", "verified"),
    "step_reopened": ("重新打开", "reopened"),
    "step_withdrawn": ("撤回（记错了）", "withdrawn (entered by mistake)"),
    "step_refused_withdrawn": (
        "这处隐患{status}，不能再撤回。",
        "This hazard is {status}: it cannot be withdrawn again.",
    ),
    "hazard_withdrawn": (
        "已撤回隐患（编号 {id}）：它不再出现在清单和统计里，dyz hazard show {id} 仍可查到。",
        "Withdrew the hazard (id {id}): it leaves the lists and the counts; dyz hazard show"
        " {id} still has it.",
    ),
    "recurrence_days": (
        "回潮认定期限：复查销号后 {days} 天内",
        "Recurrence window: {days} days after a verification",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "hazard_kind_exists": ("隐患类别 {code} 已经有了。", "The hazard kind {code} already exists."),
    "hazard_kind_added": ("已添加隐患类别 {code}", "Added the hazard kind {code}"),
    # -- petitions -----------------------------------------------------------------------------
    "step_before_raised": (
        "日期 {on} 早于收集日期 {raised}。",
        "The date {on} is before the petition was raised ({raised}).",
    ),
    "step_again": ("{step}（另一台电脑也记了）", "{step} (also recorded on another laptop)"),
    # -- erase (issue 35): the words typed beside a household go with it -------------------------
    "hazard_words_erased": (
        "这处隐患的责任户已删除，它的地点、备注和整改要求已随住户抹去，不再记录；"
        "要改别的（如 --due）就只写那一项。",
        "This hazard's household was erased, and its place, note and requirement with it: they"
        " are no longer kept. To correct something else (e.g. --due), give only that.",
    ),
}
