"""The messages of the weekly report and its WeChat text, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the weekly report ---------------------------------------------------------------------
    "rp_title": ("{scope}每周汇总（{days}{as_of}）", "{scope} weekly report, {days}{as_of}"),
    "rp_as_of": ("，截至{day}", " (as of {day})"),
    "rp_scope_unit": ("{building}栋{unit}单元", "Unit {building}-{unit}"),
    "rp_scope_building": ("{name}栋", "Building {name}"),
    "rp_scope_area": ("{name}", "{name}"),
    "rp_scope_estate": ("{name}", "{name}"),
    "rp_scope_community": ("{name}", "{name}"),
    "rp_empty_week": (
        "这一周没有记下走访、诉求、隐患或迁入。下面是仍在办的事。",
        "Nothing was recorded this week: no visits, needs, hazards or move-ins. What is still open follows.",
    ),
    "rp_nothing_at_all": (
        "这一周没有记下任何走访、诉求、隐患或迁入，也没有在办的诉求、逾期的隐患或待议的事项。",
        "Nothing was recorded this week, and nothing is open: no needs waiting, no overdue hazards,"
        " nothing for the council.",
    ),
    "rp_none": ("无", "none"),
    "rp_col_what": ("项目", "Figure"),
    "rp_col_this": ("本周", "This week"),
    "rp_col_last": ("上周", "Last week"),
    "rp_col_change": ("增减", "Change"),
    "rp_visits": ("一、入户走访", "1. Visits"),
    "rp_visits_made": ("走访次数", "Visits made"),
    "rp_reached": ("见到的户数（共 {total} 户）", "Households reached (of {total})"),
    "rp_coverage": ("覆盖率", "Coverage"),
    "rp_not_home": ("家中无人", "Nobody home"),
    "rp_by_visitor": ("走访人：{who}", "Visited by: {who}"),
    "rp_vulnerable": (
        "独居、需帮扶未按时走访：{who}",
        "Living alone or needing help, not visited in time: {who}",
    ),
    "rp_vulnerable_one": ("{ref}（{reason}，{when}）", "{ref} ({reason}, {when})"),
    "rp_never_met": (
        "还没见到人，上次{last}{outcome}",
        "nobody met yet; last tried {last}: {outcome}",
    ),
    "rp_days_overdue": ("逾期 {days} 天", "{days} days overdue"),
    "rp_needs": ("二、居民诉求", "2. Needs"),
    "rp_collected": ("收集", "Collected"),
    "rp_resolved": ("就地解决", "Resolved on the spot"),
    "rp_escalated": ("上报", "Escalated"),
    "rp_by_category": ("本周按类别：{what}", "This week by category: {what}"),
    "rp_open_by_age": (
        "在办 {total} 条：7 天内 {under_7}，7–30 天 {mid}，超过 30 天 {over_30}",
        "{total} open: under 7 days {under_7}, 7–30 days {mid}, over 30 days {over_30}",
    ),
    "rp_oldest": (
        "最久的一条：{ref}“{text}”，已 {days} 天（{id}）",
        "Oldest: {ref} “{text}”, {days} days ({id})",
    ),
    "rp_hazards": ("三、安全隐患", "3. Hazards"),
    "rp_found": ("发现", "Found"),
    "rp_rectified": ("已整改", "Rectified"),
    "rp_verified": ("复查销号", "Verified"),
    "rp_recurrences": ("回潮", "Recurrences"),
    "rp_by_kind": ("本周按类别：{what}", "This week by kind: {what}"),
    "rp_overdue": ("逾期未改：{what}", "Overdue: {what}"),
    "rp_overdue_one": (
        "{kind}（{where}，逾期 {days} 天）",
        "{kind} ({where}, {days} days overdue)",
    ),
    "rp_anti_fraud": ("四、反诈", "4. Anti-fraud"),
    "rp_app": ("装了反诈APP的户", "Households with the app"),
    "rp_briefed": ("讲过骗术的户", "Households briefed"),
    "rp_move_ins": ("本周迁入：{who}", "Moved in this week: {who}"),
    "rp_briefing": ("（{state}）", " ({state})"),
    "rp_briefed_yes": ("已宣传", "briefed"),
    "rp_briefed_no": ("未宣传", "not briefed"),
    "rp_volunteers": ("五、志愿服务和矛盾调解", "5. Volunteers and mediation"),
    "rp_services": (
        "志愿服务 {services}，{hours} 小时（上周 {last} 次）：{kinds}；交给志愿者的诉求 {assigned}",
        "{services}, {hours} hours (last week {last}): {kinds}; {assigned} handed to volunteers",
    ),
    "rp_services_none": (
        "志愿服务：本周没有（上周 {last} 次）；交给志愿者的诉求 {assigned}",
        "Services: none this week ({last} last week); {assigned} handed to volunteers",
    ),
    "rp_service_kind": ("{kind} {count} 次 {hours} 小时", "{kind} {count} ({hours} h)"),
    "rp_disputes_none": ("矛盾纠纷：无", "Disputes: none"),
    "rp_disputes": (
        "矛盾纠纷：调解中 {open} 件，本周调解成功 {settled} 件，该回访 {follow_ups} 件",
        "Disputes: {open} open, {settled} settled this week, {follow_ups} to revisit",
    ),
    "rp_council": ("六、议事会", "6. The council"),
    "rp_matters": ("待议事项：{what}", "Matters waiting: {what}"),
    "rp_matter_one": (
        "{category} {unit}（{households} 户，等 {days} 天）",
        "{category} {unit} ({households} households, {days} days)",
    ),
    "rp_proposals": ("待社区答复的建议：{what}", "Proposals awaiting the office: {what}"),
    "rp_proposal_one": ("“{text}”（等 {days} 天）", "“{text}” ({days} days)"),
    "rp_decisions": ("本周社区的决定：{what}", "The office's decisions this week: {what}"),
    "rp_adopted": ("采纳", "adopted"),
    "rp_decided_on": ("（{day}）", " ({day})"),
    "wx_figure": ("{what}：{this}", "{what}: {this}"),
    "wx_figure_last": (
        "{what}：{this}（上周 {last}，{change}）",
        "{what}: {this} (last week {last}, {change})",
    ),
    "wx_matter": (
        "{n}. {kind}，{unit}，{households} 户，已等 {days} 天",
        "{n}. {kind}, {unit}, {households} households, waiting {days} days",
    ),
    "wx_proposal": ("{n}. {text}（已等 {days} 天）", "{n}. {text} (waiting {days} days)"),
    "wx_copy": ("复制到剪贴板，好贴到微信群？", "Copy it to the clipboard for the WeChat group?"),
    "wx_copied": ("已复制，到微信群里粘贴即可。", "Copied: paste it into the WeChat group."),
    "wx_copy_nth": (
        "复制第 {n} 条（共 {count} 条）到剪贴板？",
        "Copy message {n} of {count} to the clipboard?",
    ),
    "rp_declined": ("未采纳", "declined"),
    "rp_trend": ("七、近八周趋势（{weeks}）", "7. The last eight weeks ({weeks})"),
    "rp_trend_visits": ("走访", "Visits"),
    "rp_trend_needs": ("诉求", "Needs"),
    "rp_trend_hazards": ("隐患", "Hazards"),
    # -- issue 33: the menu, weeks and the WeChat text (h-menu) ------------------------------
    "rp_vulnerable_counted": (
        "独居、需帮扶未按时走访：{what}（哪几户见纸质版）",
        "Living alone or needing help, not visited in time: {what} (which flats: see the printed report)",
    ),
    "rp_households_of": ("{what} {count} 户", "{what}: {count}"),
    "rp_oldest_counted": (
        "最久的一条：{category}，已 {days} 天（{id}）",
        "Oldest: {category}, {days} days ({id})",
    ),
    "rp_move_ins_counted": (
        "本周迁入：{count} 人，其中 {unbriefed} 人还没讲过骗术（哪几户见纸质版）",
        "Moved in this week: {count}, {unbriefed} not yet briefed (which flats: see the printed report)",
    ),
}
