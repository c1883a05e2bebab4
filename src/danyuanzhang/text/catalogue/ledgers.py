"""The messages of fire patrols and the ledgers (台账), in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- fire patrols --------------------------------------------------------------------------
    "patrol_unit_or_building": (
        "请用 --unit（如 2-2）或 --building（如 2）说明巡查了哪里，二者选一。",
        "Say where the patrol went with --unit (e.g. 2-2) or --building (e.g. 2), one of them.",
    ),
    "patrol_clear_and_problems": (
        "--all-clear 表示一切正常，不能同时写 --problem。",
        "--all-clear means everything was in order: it cannot go with --problem.",
    ),
    "patrol_say_what": (
        "请说明巡查结果：一切正常加 --all-clear；发现问题加 --problem，"
        "如 --problem “通道:3楼楼道堆放纸箱”。",
        "Say what the patrol found: --all-clear if everything was in order, or --problem for"
        " each problem, e.g. --problem “passage:boxes on the 3rd-floor landing”.",
    ),
    "patrol_bad_problem": (
        "“{text}”看不懂：请写成 检查项:在哪里:看到的情况[:责任户]，如 飞线:5楼窗口:拉飞线充电:2-2-502。",
        "“{text}” is not a problem as dyz reads it: write item:where:what you saw[:flat], e.g."
        " passage:3rd-floor landing:boxes piled up.",
    ),
    "patrol_bad_time": (
        "时间“{text}”看不懂：请写成 9:30 或 21:05 这样。",
        "“{text}” is not a time of day: write 9:30 or 21:05.",
    ),
    "patrol_problem_needs_unit": (
        "整栋巡查时，每个问题要先写单元，如 通道:{building}-1 3楼楼道堆放纸箱"
        "（“{text}”没有写明是{building}栋的哪个单元）。",
        "On a patrol of a whole building each problem starts with its unit, e.g."
        " passage:{building}-1 3rd-floor landing (“{text}” names no unit of building {building}).",
    ),
    "patrol_recorded": (
        "已记录巡查：{where}，{on}，一切正常（编号 {id}）。",
        "Recorded a patrol of {where} on {on}: everything in order (id {id}).",
    ),
    "patrol_recorded_problems": (
        "已记录巡查：{where}，{on}，发现 {count} 处问题，已登记为隐患 {hazards}（巡查编号 {id}）。",
        "Recorded a patrol of {where} on {on}: {count} problem(s), recorded as hazards"
        " {hazards} (patrol id {id}).",
    ),
    "patrol_ask_item": ("{item}：", "{item}:"),
    "patrol_ok": ("正常", "in order"),
    "patrol_problem": ("有问题", "a problem"),
    "patrol_ask_seen": (
        "看到了什么、在哪里？（如 3楼楼道堆放纸箱）",
        "What did you see, and where? (e.g. boxes on the 3rd-floor landing)",
    ),
    "patrol_ask_seen_building": (
        "看到了什么、在哪里？先写单元（如 {building}-1 3楼楼道堆放纸箱）",
        "What did you see, and where? Start with the unit (e.g. {building}-1 3rd-floor landing)",
    ),
    "patrol_seen_empty": (
        "请写一下看到了什么、在哪里，如 3楼楼道堆放纸箱。",
        "Write what you saw and where, e.g. boxes on the 3rd-floor landing.",
    ),
    "patrol_ask_place": (
        "在哪里？（如 5楼窗口、3楼楼道）",
        "Where is it? (e.g. 5th-floor window, 3rd-floor landing)",
    ),
    "patrol_ask_place_building": (
        "在哪里？先写单元（如 {building}-1 3楼楼道）",
        "Where is it? Start with the unit (e.g. {building}-1 3rd-floor landing)",
    ),
    "patrol_ask_what": (
        "看到了什么？（如 拉飞线给电动车充电）",
        "What did you see? (e.g. a cable run down to charge an e-bike)",
    ),
    "patrol_ask_household": (
        "哪一户负责？写房号如 2-2-502；楼道等公共部位直接回车",
        "Which flat is responsible? e.g. 2-2-502; for a common part press Enter",
    ),
    "patrol_ask_days": ("几天内整改？", "Days to put it right?"),
    "patrol_place_empty": (
        "请写一下在哪里，如 5楼窗口。",
        "Write where it is, e.g. 5th-floor window.",
    ),
    "patrol_ask_save": ("保存这次巡查吗？", "Save this patrol?"),
    "patrol_not_saved": ("没有保存，什么也没有改动。", "Not saved; nothing was changed."),
    "patrol_none_due": (
        "每个单元都在 {days} 天内巡查过。",
        "Every unit has been patrolled within {days} days.",
    ),
    "patrol_never": ("从未巡查", "never patrolled"),
    # -- ledgers ---------------------------------------------------------------------------------
    "ledger_unknown_kind": (
        "没有“{kind}”这种台账。{near}可用的台账：{known}（dyz ledger --list 可看各台账的列）",
        "There is no ledger “{kind}”. {near}Ledgers: {known} (dyz ledger --list shows their"
        " columns)",
    ),
    "ledger_suffix": (
        "台账文件“{path}”要以 .xlsx、.csv、.md 或 .html 结尾，如 -o 走访台账.xlsx。",
        "The ledger file “{path}” must end in .xlsx, .csv, .md or .html, e.g. -o visits.xlsx.",
    ),
    "ledger_written": (
        "已写好{title}（{rows} 行）：{path}",
        "Wrote the {title} ({rows} rows): {path}",
    ),
    "ledger_empty": ("这段时间没有记录。", "Nothing recorded in this period."),
    "ledger_signed_by": ("填表人：", "Filled in by: "),
    "ledger_checked_by": ("审核人：", "Checked by: "),
    "ledger_signed_on": ("日期：", "Date: "),
    "ledger_footer": ("内部资料 · 用后请销毁", "Internal — destroy after use"),
    "ledger_count_visits": ("共走访 {count} 次。", "{count} visits."),
    "ledger_count_hazards": (
        "共排查出隐患 {count} 处，已整改 {fixed} 处。",
        "{count} hazards found, {fixed} rectified.",
    ),
    "ledger_count_mediation": (
        "共受理矛盾纠纷 {count} 件，调解成功 {settled} 件。",
        "{count} disputes taken on, {settled} settled by agreement.",
    ),
    "ledger_count_services": (
        "共记志愿服务 {count} 次，{hours} 小时。",
        "{count} services recorded, {hours} hours.",
    ),
    "ledger_service_total": ("{kind}：{count} 次，{hours} 小时", "{kind}: {count}, {hours} h"),
    "ledger_count_patrols": (
        "共巡查 {count} 次，其中一切正常 {clear} 次。",
        "{count} patrols, {clear} of them with everything in order.",
    ),
    "ledger_patrol_handled": ("已登记隐患（{kind}）：", "hazard recorded ({kind}): "),
    "ledger_count_needs": (
        "共收集诉求 {count} 件，已办结 {settled} 件。",
        "{count} needs collected, {settled} settled.",
    ),
    "ledger_antifraud_app": ("国家反诈中心APP", "the national anti-fraud app"),
    "ledger_antifraud_briefed": ("常见骗术讲解", "common scams explained"),
    "ledger_antifraud_rate": (
        "{unit}单元 安装率：{homes} 户中 {installed} 户已安装（{share}）。",
        "Unit {unit}: {installed} of {homes} households have the app ({share}).",
    ),
    "ledger_count_moves": ("共 {count} 人迁入或迁出。", "{count} residents moved in or out."),
    "ledger_council_done": ("已落实 {on}", "carried out {on}"),
    "ledger_count_council": ("共 {count} 条建议。", "{count} proposals."),
    "ledger_list_kinds": (
        "台账种类和各自的列（模板里用括号里的名字）：",
        "Ledgers and their columns (templates use the names in brackets):",
    ),
    "ledger_list_templates": ("模板（{folder}）：", "Templates ({folder}):"),
    "ledger_list_no_templates": (
        "还没有模板。把模板文件放进 {folder} 即可按名字使用，写法见 examples/ledger-templates。",
        "No templates yet. Put template files in {folder} to use them by name; see"
        " examples/ledger-templates for how they are written.",
    ),
    "ledger_list_bad_template": ("{name}：看不懂（{problem}）", "{name}: unreadable ({problem})"),
    # -- ledger templates ------------------------------------------------------------------------
    "template_not_found": (
        "找不到台账模板“{name}”：请给出文件路径，或把它放进 {folder}。",
        "No ledger template “{name}”: give its path, or put it in {folder}.",
    ),
    "template_unreadable": (
        "读不到台账模板 {path}：{reason}",
        "Cannot read the template {path}: {reason}",
    ),
    "template_bad": (
        "台账模板 {path} 写得不对（{problem}）。写法见 examples/ledger-templates 里的例子。",
        "The ledger template {path} is not written right ({problem}). See the examples in"
        " examples/ledger-templates.",
    ),
    "template_bad_kind": (
        "台账模板 {path} 的 kind 是“{kind}”，应是其中之一：{known}",
        "The template {path} has kind “{kind}”; it must be one of: {known}",
    ),
    "template_wrong_kind": (
        "台账模板 {path} 是给“{template}”台账用的，不是“{kind}”。",
        "The template {path} is for the “{template}” ledger, not “{kind}”.",
    ),
    "template_unknown_column": (
        "台账模板 {path} 里的列“{key}”不认识。这种台账的列：{known}，另可用 blank 加空白列。",
        "The template {path} names an unknown column “{key}”. This ledger's columns: {known};"
        " blank adds an empty column.",
    ),
    # -- issue 33: one filing frame for every ledger ------------------------------------------
    "ledger_stamp": ("社区（盖章）：", "Community (stamp): "),
    "ledger_default_period": (
        "没写日期，按上个月整月（{start} 至 {end}）；别的时段用 --from 和 --to。",
        "No dates given: all of last month ({start} to {end}); --from and --to choose others.",
    ),
    "ledger_need_unconfirmed": ("待确认", "not yet"),
    # -- issue 33, visits: whom the care ledger is for, and what counts as a visit ----------
    "ledger_care_rule": (
        "关爱对象：截至 {end} 年满 {age} 周岁（{born_by} 年及以前出生）的居民，"
        "以及标记为{flags}或定了风险等级的居民。只有见到本人才算探访；"
        "风险等级定探访频次：高每 {every_high} 天、中每 {every_medium} 天、低每 {every_low} 天。",
        "Who this ledger is for: residents aged {age} and over on {end} (born in {born_by} or"
        " before), and those flagged {flags} or given a risk level. Only a visit that met them"
        " counts. The risk level sets how often they are visited: high every {every_high} days,"
        " medium every {every_medium}, low every {every_low}.",
    ),
    "ledger_care_count": (
        "本期关爱对象 {people} 人，见到本人的 {visited} 人（{share}），共探访 {visits} 次"
        "（{months} 个月）；家中无人、不愿交谈或未见到本人 {attempts} 次，不计为探访。",
        "{people} people; {visited} of them met ({share}), {visits} visits in {months}"
        " month(s); {attempts} calls found nobody home, were declined or missed them, and"
        " are not counted.",
    ),
    "ledger_care_aged": ("{age}岁及以上", "aged {age}+"),
    "ledger_care_not_them": ("未见到本人", "not met in person"),
}
