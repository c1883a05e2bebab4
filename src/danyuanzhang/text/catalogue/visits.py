"""The messages of door-knocking: the interview, visits, the anti-fraud watch, care, and this laptop's settings, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the menu ------------------------------------------------------------------------------
    "iv_keys_yes_no": ("（按 是/否 或 y/n，或 ↑↓ 加回车）", "(y/n, or ↑↓ and Enter)"),
    # -- issue 33: the menu, weeks and the WeChat text (h-menu) ------------------------------
    "iv_keys_back": (
        "（按数字键，或 ↑↓ 加回车；0、q 或 Esc：{back}）",
        "(a number key, or ↑↓ and Enter; 0, q or Esc: {back})",
    ),
    "iv_keys_back_unnumbered": (
        "（↑↓ 选择，回车确定；q 或 Esc：{back}）",
        "(↑↓ to choose, Enter to answer; q or Esc: {back})",
    ),
    # -- erase (issue 34): erasure limits that cannot be split ------------------------------------
    "config_bad_households": (
        "{key} 要写 0 到 1000 之间的户数，不是“{value}”。",
        "{key} takes a number of households from 0 to 1000, not “{value}”.",
    ),
    # -- door-knocking visits ---------------------------------------------------------------
    "visit_not_met": (
        "这次{outcome}，不能同时记 {options}。请去掉这些，或把 --outcome 改为 met。",
        "The visit's outcome is “{outcome}”, so {options} cannot be recorded. Leave them out, or"
        " use --outcome met.",
    ),
    "visit_resident_unknown": (
        "这一户没有叫“{name}”的在住居民。在住的有：{known}。",
        "This household has no current resident called “{name}”. Current residents: {known}.",
    ),
    "visit_not_found": (
        "找不到编号以 {id} 开头的走访记录。用 dyz visit list 查看编号。",
        "No visit id starts with {id}. See the ids with dyz visit list.",
    ),
    "visit_no_terminal": (
        'dyz visit 要在终端窗口里一问一答，这里没有终端。不用问答请用：dyz visit add 2-2-301 --need "维修:楼道灯坏了"（写法见 dyz visit add --help）',
        "dyz visit asks its questions in a terminal, and there is none here. Without questions,"
        ' use: dyz visit add 2-2-301 --need "repair:stairwell light" (see dyz visit add --help)',
    ),
    "visit_recorded": (
        "已记下 {ref} 的走访（编号 {id}）：需求 {needs} 条，隐患 {hazards} 处。",
        "Recorded the visit to {ref} (id {id}): {needs} needs, {hazards} hazards.",
    ),
    "visit_kept_as_draft": (
        "已答的内容都保存为草稿，没有丢。下次运行 dyz visit --resume 接着答，或 dyz visit --discard 丢弃。",
        "Your answers so far are kept as a draft. Run dyz visit --resume to go on, or"
        " dyz visit --discard to drop it.",
    ),
    "visit_cancelled": ("已取消，什么也没记。", "Cancelled; nothing was recorded."),
    "draft_discarded": ("没答完的走访已丢弃。", "The unfinished visit was dropped."),
    "resume_or_discard": (
        "--resume 和 --discard 只能选一个。",
        "Give --resume or --discard, not both.",
    ),
    "nobody_due": ("眼下没有需要走访的住户。", "Nobody is due a visit now."),
    "walk_title": ("走访清单 {scope}", "Visit walk sheet {scope}"),
    "walk_sub": (
        "{date} · 共 {count} 户 · 走访后打勾",
        "{date} · {count} households · tick after each visit",
    ),
    "walk_result": ("结果", "Result"),
    "walk_flat": ("房号", "Flat"),
    "walk_notes": ("记事", "Notes"),
    "walk_met": ("见到", "met"),
    "walk_not_home": ("无人", "not home"),
    "walk_declined": ("婉拒", "declined"),
    "af_title": ("反诈情况（截至 {date}）", "Anti-fraud watch (as of {date})"),
    "af_households": ("有居民的户", "Households"),
    "af_app": ("装了反诈APP", "App installed"),
    "af_briefed": ("讲过骗术", "Briefed"),
    "af_unbriefed_move_ins": ("近期迁入未宣传", "Recent move-ins not briefed"),
    "af_total": ("合计", "Total"),
    "config_unknown_key": (
        "没有“{key}”这项设置。可设置的有：{known}",
        "There is no setting “{key}”. Settings: {known}",
    ),
    "config_bad_days": (
        "{key} 要写 1 到 3650 之间的天数，不是“{value}”。",
        "{key} takes a number of days from 1 to 3650, not “{value}”.",
    ),
    "config_bad_language": (
        "{key} 要写 zh（中文）或 en（英文），不是“{value}”。",
        "{key} takes zh (Chinese) or en (English), not “{value}”.",
    ),
    "config_set": ("已设置 {key} = {value}", "Set {key} = {value}"),
    "config_unset": ("{key} 已恢复默认值 {value}", "{key} is back to its default, {value}"),
    # -- the interview ---------------------------------------------------------------------
    "iv_resuming": (
        "接着上次没答完的走访，已经记下的是：",
        "Going on with the unfinished visit; so far:",
    ),
    "iv_choose_one": ("（请选一项）", "(choose one)"),
    "iv_choose_one_again": (
        "请选一项：用 ↑↓ 移到要选的那一项（有编号的也可按数字键），再按回车。",
        "Choose one: ↑↓ to it (or its number key where there is one), then Enter.",
    ),
    "iv_keys": ("（↑↓ 选择，回车确定）", "(↑↓ to choose, Enter to answer)"),
    "iv_keys_numbered": ("（按数字键，或 ↑↓ 加回车）", "(a number key, or ↑↓ and Enter)"),
    "iv_type_something": (
        "请输入房号、门牌或住户姓名",
        "Type a room, a reference or a resident's name",
    ),
    "iv_empty_answer": ("这一项不能空着", "This cannot be left empty"),
    "iv_which_household": (
        "哪一户？（输入房号如 301、门牌如 2-2-301，或住户姓名；按↓选）",
        "Which household? (type a room such as 301, a reference such as 2-2-301, or a name; ↓ to pick)",
    ),
    "iv_no_match": ("没找到“{typed}”。", "Nothing matches “{typed}”."),
    "iv_pick_household": ("是哪一户？", "Which one is it?"),
    "iv_new_household": ("新登记一户（名册上没有）", "Register a new household (not on the roll)"),
    "iv_search_again": ("重新输入", "Search again"),
    "iv_which_estate": ("在哪个小区？", "In which estate?"),
    "iv_new_estate": ("小区名称（如 新芙蓉之都）：", "The estate's name:"),
    "iv_new_ref": ("新住户的门牌（如 2-2-301）：", "The new household's reference (e.g. 2-2-301):"),
    "iv_how_did_it_go": ("这次走访怎么样？", "How did it go?"),
    "iv_introduced": (
        "自我介绍了、留下服务牌了吗？",
        "Did you introduce yourself and leave the service card?",
    ),
    "iv_on_record": ("登记在册的居民：", "Residents on record:"),
    "iv_nobody_on_record": (
        "这一户还没有登记居民。",
        "No residents are recorded for this household yet.",
    ),
    "iv_residents_changed": ("居民有变化吗？", "Any change among the residents?"),
    "iv_no_change": ("没有变化 / 说完了", "No change / done"),
    "iv_moved_in": ("有人新搬来", "Someone moved in"),
    "iv_moved_out": ("有人搬走了", "Someone moved out"),
    "iv_set_flag": (
        "标记情况（独居老人、子女不在身边…）",
        "Mark someone (lives alone, children away…)",
    ),
    "iv_new_name": ("新搬来的人叫什么？", "Name of the person who moved in:"),
    "iv_new_phone": ("电话（可不填）：", "Phone (may be left empty):"),
    "iv_who_moved_out": ("谁搬走了？", "Who moved out?"),
    "iv_nobody_to_move_out": (
        "没有可以迁出的在住居民。",
        "There is no current resident to move out.",
    ),
    "iv_nobody_to_flag": (
        "还没有居民可以标记，请先登记新搬来的人。",
        "There is nobody to mark yet: add who moved in first.",
    ),
    "iv_flag_whom": ("标记谁？", "Mark whom?"),
    "iv_which_flag": ("什么情况？", "Which mark?"),
    "iv_any_needs": ("居民有什么需要帮忙的吗？", "Did they raise any need?"),
    "iv_need_category": ("是哪一类的事？", "What kind of need?"),
    "iv_need_text": ("具体是什么事？", "What is it, in a few words?"),
    "iv_need_settled": ("当场解决了吗？", "Was it settled on the spot?"),
    "iv_keep_open": ("没有，记下来往上报", "No: keep it and carry it on"),
    "iv_resolved_here": ("当场解决了", "Yes, settled on the spot"),
    "iv_what_was_done": ("怎么解决的？", "What was done?"),
    "iv_hand_to_volunteer": (
        "志愿者里有人能帮这个忙，现在交给谁吗？",
        "A volunteer could help with this: hand it to one now?",
    ),
    "iv_no_volunteer": ("先不交，记下来", "Not now: keep it"),
    "iv_volunteer_choice": ("交给 {name}（{near}）", "To {name} ({near})"),
    "iv_another_need": ("还有别的需求吗？", "Another need?"),
    "iv_any_hazard": (
        "看到安全隐患了吗？（飞线充电、楼道堆物…）",
        "Did you see a hazard? (flying-wire charging, blocked stairs…)",
    ),
    "iv_hazard_kind": ("什么隐患？", "What kind of hazard?"),
    "iv_hazard_note": ("在哪里、什么情况（可不填）：", "Where and what (may be left empty):"),
    "iv_hazard_whose": ("谁负责整改？", "Who is to fix it?"),
    "iv_hazard_theirs": ("这一户", "This household"),
    "iv_hazard_common": ("公共部位，没有责任户", "Nobody in particular: a common area"),
    "iv_another_hazard": ("还有别的隐患吗？", "Another hazard?"),
    "iv_app_installed": (
        "装了“国家反诈中心”APP吗？",
        "Is the National Anti-Fraud Center app installed?",
    ),
    "iv_app_yes": ("装了（或刚帮着装好）", "Yes (or installed just now)"),
    "iv_app_no": ("没装", "No"),
    "iv_not_asked": ("没问到", "Did not ask"),
    "iv_briefed": (
        "讲了最新的骗术吗？（冒充公检法、“安全账户”、虚假退款）",
        "Did you go over current scams? (fake police, “safe account”, fake refunds)",
    ),
    "iv_wellbeing": ("{who}身体和生活怎么样？", "How is {who}?"),
    "iv_well": ("一切安好", "Well"),
    "iv_needs_help": ("需要帮助", "Needs help"),
    "iv_note": ("还有什么要记的？（可不填）", "Anything else to note? (may be left empty)"),
    "iv_summary": ("—— 这次走访将保存： ——", "—— This visit will save: ——"),
    "iv_sum_household": ("住户：{ref}", "Household: {ref}"),
    "iv_sum_new_household": ("新登记住户：{ref}", "New household: {ref}"),
    "iv_sum_outcome": ("结果：{outcome}", "Outcome: {outcome}"),
    "iv_sum_introduced": ("已自我介绍并留下服务牌", "Introduced, service card left"),
    "iv_sum_moved_in": ("新迁入：{name}", "Moved in: {name}"),
    "iv_sum_moved_out": ("迁出：{name}", "Moved out: {name}"),
    "iv_sum_flag": ("标记：{name} {flag}", "Mark: {name} {flag}"),
    "iv_sum_need_open": (
        "需求 [{category}] {text}（记下，往上报）",
        "Need [{category}] {text} (kept open)",
    ),
    "iv_sum_need_handed": (
        "需求 [{category}] {text}（交给志愿者 {name}）",
        "Need [{category}] {text} (handed to the volunteer {name})",
    ),
    "iv_sum_need_done": (
        "需求 [{category}] {text}（当场解决：{done}）",
        "Need [{category}] {text} (settled: {done})",
    ),
    "iv_sum_hazard": ("隐患：{kind} {note}", "Hazard: {kind} {note}"),
    "iv_sum_app_yes": ("反诈APP：已装", "Anti-fraud app: installed"),
    "iv_sum_app_no": ("反诈APP：没装", "Anti-fraud app: not installed"),
    "iv_sum_briefed": ("讲过最新骗术", "Briefed on current scams"),
    "iv_sum_wellbeing": ("关爱对象状况：{wellbeing}", "Wellbeing: {wellbeing}"),
    "iv_sum_note": ("备注：{note}", "Note: {note}"),
    "iv_save": ("保存这次走访吗？", "Save this visit?"),
    "iv_discard_instead": (
        "不保存的话，要丢弃这些回答吗？（选“否”则留作草稿）",
        "Drop these answers then? (No keeps them as a draft)",
    ),
    "iv_problem": (
        "  ！{problem}（改好后再按回车）",
        "  ! {problem} (correct it, then press Enter)",
    ),
    "iv_near_match": (
        "没找到“{typed}”。是不是下面哪一户？",
        "Nothing matches “{typed}”. Is it one of these?",
    ),
    "iv_save_now": ("保存", "Save"),
    "iv_change_one": ("改一项再保存", "Change an answer first"),
    "iv_not_now": ("先不保存", "Do not save now"),
    "iv_keys_save": ("（按 是／改／否，或数字键）", "(y / e / n, or a number key)"),
    "iv_change_which": ("改哪一项？", "Which answer?"),
    "iv_change_nothing": ("不改了", "Nothing"),
    "iv_add_need": ("加一条需求", "Add a need"),
    "iv_add_hazard": ("加一处隐患", "Add a hazard"),
    "iv_more_residents": ("再记一项居民变化", "Another change among the residents"),
    "iv_add_note": ("写备注", "Write a note"),
    "iv_change_it": ("修改这一条", "Change it"),
    "iv_remove_it": ("删掉这一条", "Remove it"),
    "iv_removed": ("已删掉：{what}", "Removed: {what}"),
    "iv_same_need": (
        "这一条刚才已经记下了，不再重复记。",
        "That need is already recorded; it is not recorded twice.",
    ),
    "iv_same_hazard": (
        "这一处刚才已经记下了，不再重复记。",
        "That hazard is already recorded; it is not recorded twice.",
    ),
    "iv_outcome_dropped": (
        "这次是“{outcome}”，用不上的回答已去掉。",
        "The outcome is now “{outcome}”: the answers that no longer apply are dropped.",
    ),
    "iv_half_need": (
        "（没答完的需求：[{category}] {text}）",
        "(a need not finished: [{category}] {text})",
    ),
    "iv_half_hazard": (
        "（没答完的隐患：{kind} {note}）",
        "(a hazard not finished: {kind} {note})",
    ),
    "iv_draft_found": ("上次（{saved}）有一户没答完。", "A visit from {saved} was not finished."),
    "iv_continue_draft": ("接着答", "Go on with it"),
    "iv_drop_draft": ("丢弃，开始新的", "Drop it and start a new one"),
    # -- issue 33: the menu, weeks and the WeChat text (h-menu) ------------------------------
    "config_bad_weekday": (
        "{key} 要写星期几：1 到 7（1＝周一），或“周三”这样，不是“{value}”。",
        "{key} takes a day of the week: 1 to 7 (1 = Monday), or a name like Wednesday, not “{value}”.",
    ),
    # -- issue 33, visits: who was met, the help someone needs, a retry, the questions ------
    "iv_who_was_met": ("见到了谁？", "Whom did you meet?"),
    "iv_keys_checkbox": (
        "（空格键勾选或取消，回车确定）",
        "(Space to tick or untick, Enter to answer)",
    ),
    "iv_tick_one": ("至少勾选一位", "Tick at least one"),
    "iv_sum_met": ("见到：{names}", "Met: {names}"),
    "iv_help_category": ("需要哪一类帮助？", "What kind of help?"),
    "iv_help_text": ("具体需要什么帮助？", "What help, in a few words?"),
    "iv_sum_help": (
        "需要的帮助 [{category}] {text}（记下，往上报）",
        "Help needed [{category}] {text} (kept, carried on)",
    ),
    "visit_met_unknown": (
        "这一户在住的居民里没有“{name}”。在住的有：{known}。",
        "No current resident here is called “{name}”. Current residents: {known}.",
    ),
    "visit_met_several": (
        "“{name}”对得上好几位：{names}。请写全名。",
        "“{name}” fits several residents: {names}. Write the whole name.",
    ),
    "help_needs_needs_help": (
        "--help-needed 只在 --wellbeing needs_help（需要帮助）时才记。",
        "--help-needed goes with --wellbeing needs_help only.",
    ),
    "help_needed_missing": (
        "需要帮助的，请用 --help-needed 写下需要什么帮助（记为一条诉求，dyz today 会列出），"
        "如 --help-needed “想要助餐送上门”。",
        "Someone needing help: say what help with --help-needed (kept as a need that dyz today"
        " lists), e.g. --help-needed “meals brought to the door”.",
    ),
    # -- issue 33, care: wellbeing and the five areas for everyone the care ledger follows --
    "care_needs_cared_for": (
        "状况和探访内容只记关爱对象：这一户没有标记为独居老人、子女不在身边、残疾或需帮扶的居民，"
        "也没有定风险等级。可先加 --flag 姓名:独居老人，或 dyz resident edit 编号 --risk 中。",
        "Wellbeing and the areas checked are for those the care ledger follows, and nobody here"
        " is flagged elderly_alone, children_away, disabled or needs_help, or has a risk level."
        " Add --flag NAME:elderly_alone first, or dyz resident edit ID --risk medium.",
    ),
    "care_check_twice": (
        "“{area}”写了两次，请只写一次。",
        "“{area}” was given twice; give it once.",
    ),
    "care_check_empty": (
        "“{area}”后面没写情况：正常就写 {area}=正常，否则写看到了什么。",
        "Nothing was said after “{area}”: write {area}=ok, or what was found.",
    ),
    "care_ok": ("正常", "ok"),
    "iv_care_area": ("{area}：看过了吗？", "{area}: how was it?"),
    "iv_care_found": ("有情况（写下来）", "Something found (write it down)"),
    "iv_care_what": ("{area}方面看到了什么？", "What was found about {area}?"),
    "iv_referred": (
        "转介了吗（卫生服务站、民政、残联等）？",
        "Referred on (clinic, civil affairs…)?",
    ),
    "iv_referred_to": ("转介给谁/哪里？", "Referred to whom?"),
    "iv_sum_care": ("关爱探访：{found}", "Care visit: {found}"),
    "iv_sum_referral": ("转介 {to}", "referred to {to}"),
}
