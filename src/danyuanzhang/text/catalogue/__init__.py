"""The catalogue: every message key with its Chinese and English text. Chinese comes first.

Here are the messages any command may say; those of one kind of work are in a part of their own
(`today.py`, `visits.py`, `sync.py`…), read only when one of its messages is asked for: loading
every message would cost each command about a millisecond of its start-up. A key's part is told
by the word before its first underscore (`PARTS`); a key whose word names no part is here.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "no_device": (
        "本机还没有设置，请先运行 dyz init。",
        "This laptop is not set up yet: run dyz init first.",
    ),
    "record_erased": (
        "这条记录已被删除抹去，不能再修改。",
        "This record has been erased and cannot be changed.",
    ),
    "words_erased": ("（内容已随住户一起抹去）", "(its words were erased with the household)"),
    # a visit of a household since erased: its unit, no room
    "erased_flat": ("{unit}（已删除的一户）", "{unit} (an erased flat)"),
    "territory_default": (
        "只看本机负责的{where}（看全部加 --all）",
        "Showing {where}, which this laptop looks after (--all for everything)",
    ),
    "hazard_place_empty": (
        '请写出隐患在哪里，如 --where "2-2 5楼窗口"。',
        'Say where the hazard is, e.g. --where "2-2 5th-floor window".',
    ),
    "hazard_nothing_to_change": (
        "没有要修改的内容：请写上要改的项，如 --where、--household、--note 或 --due。",
        "Nothing to change: say what to correct, e.g. --where, --household, --note or --due.",
    ),
    "hazard_edited": ("隐患 {id} 已改好。", "Hazard {id} corrected."),
    "not_set": ("（未设置）", "(not set)"),
    # -- the menu ------------------------------------------------------------------------------
    "household_which": (
        "“{text}”对得上好几户：{refs}。请写全房号，如 {first}。",
        "“{text}” matches several households: {refs}. Write the full reference, e.g. {first}.",
    ),
    "ask_hazard": ("哪一处隐患？", "Which hazard?"),
    "ask_petition": ("哪一条诉求？", "Which need?"),
    "ask_role": ("什么职务？", "Which role?"),
    "ask_decision": ("议事会怎么决定的？", "What did the council decide?"),
    "yes_no_default_yes": ("（是／否，直接回车＝是）", " (yes/no, Enter = yes) "),
    "yes_no_default_no": ("（是／否，直接回车＝否）", " (yes/no, Enter = no) "),
    "yes_no_again": ("请回答“是”或“否”。", "Please answer yes or no."),
    # -- what people type ---------------------------------------------------------------------
    "where_needs_unit": (
        "“{text}”是哪个单元？这个小区不止一个单元，请在前面写上单元，如“2-2 {text}”。",
        "Which unit is “{text}” in? This estate has more than one: put the unit first, e.g."
        " “2-2 {text}”.",
    ),
    "hazard_kind_to_add": (
        "社区自己的隐患类别请先添加：dyz hazard kind-add 英文代号 --zh {text}",
        " A kind of the community's own is added first: dyz hazard kind-add CODE --zh {text}.",
    ),
    "date_in_future": (
        "{option} 的日期“{text}”是 {day}，这一天还没到。请写今天或以前的日子。",
        "The date “{text}” for {option} is {day}, which has not come yet: give today or an"
        " earlier day.",
    ),
    "empty_name": (
        "姓名不能为空，请用 --name 写上姓名。",
        "The name is empty: give one with --name.",
    ),
    "text_too_long": (
        "内容太长了，请控制在 {limit} 字以内。",
        "That text is too long: {limit} characters at most.",
    ),
    # -- estates and households ---------------------------------------------------------------
    "scope_notebook": ("本机记录", "This notebook"),
    "need_estate_first": (
        "还没有登记任何小区，请用 --estate 写上小区名，如 --estate 新芙蓉之都。",
        "No estate is registered yet: name it with --estate, e.g. --estate 新芙蓉之都.",
    ),
    "need_estate": (
        "有好几个小区，请用 --estate 指明是哪一个：{known}",
        "There are several estates; say which with --estate: {known}",
    ),
    "household_not_found": (
        "{estate} 没有登记 {ref} 这一户。先用 dyz household add {ref} 登记，或用 dyz household list 查看。",
        "Household {ref} is not registered in {estate}. Register it with dyz household add {ref},"
        " or see dyz household list.",
    ),
    "household_id_not_found": (
        "找不到编号以 {id} 开头的住户。请用房号（如 2-2-301）或 dyz household list 里的编号。",
        "No household id starts with {id}. Use a reference like 2-2-301 or an id from dyz household list.",
    ),
    "confirm_merge": (
        "把“{other}”并入“{keep}”？并入的一方所有记录都归到保留的一方，这个决定会传到别的电脑。",
        "Merge “{other}” into “{keep}”? Everything of the one merged in goes to the one kept; the decision travels to the other laptops.",
    ),
    "households_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）。走访、诉求、隐患和居民都归到这一户；两边都填了的项以保留的一户为准。",
        "Merged: {other} into {keep} (id {id}). Its visits, petitions, hazards and residents now belong to it; where both had a value, the kept one's stands.",
    ),
    "residents_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）；两边都填了的项以保留的一方为准。",
        "Merged: {other} into {keep} (id {id}); where both had a value, the kept one's stands.",
    ),
    "no_duplicates": ("没有发现可能重复的登记。", "No likely duplicates found."),
    "dup_names_one_apart": ("同户居民名字差一个字", "names one character apart"),
    "dup_same_phone": ("两户有同一个电话", "one phone in two households"),
    "dup_same_address": ("同一房号登记了两户", "one address registered twice"),
    "dup_petitions_alike": ("同户同类诉求（14 天内）", "alike needs of one household"),
    "col_duplicate": ("可能重复", "likely duplicate"),
    "col_command": ("合并命令", "command"),
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
    "unit_outside_building": (
        "单元 {unit} 不在 {building} 栋，请只写 --unit 或改正楼栋。",
        "Unit {unit} is not in building {building}: give only --unit, or correct the building.",
    ),
    "nothing_to_change": (
        "没有要修改的内容，请写上要改的项，如 --phone。",
        "Nothing to change: give what should change, e.g. --phone.",
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
    "confirm_remove_household": (
        "删除 {estate} {ref} 并永久抹去其居民的信息？",
        "Remove {ref} of {estate} and erase its residents' data for good?",
    ),
    "no_residents": ("{ref} 还没有登记居民。", "No residents are recorded for {ref}."),
    # -- residents ------------------------------------------------------------------------------
    "resident_not_found": (
        "找不到编号以 {id} 开头的居民。编号可在 dyz household show 房号 中查到。",
        "No resident id starts with {id}. Ids are shown by dyz household show REF.",
    ),
    "ambiguous_id": (
        "编号 {id} 对应不止一条记录，请多写几位。",
        "The id {id} matches more than one record: type more of it.",
    ),
    "already_moved_out": ("{name} 已于 {on} 迁出。", "{name} already moved out on {on}."),
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
    "confirm_remove_resident": ("永久抹去居民 {name} 的信息？", "Erase {name}'s data for good?"),
    "need_yes": (
        "删除会永久抹去个人信息。确认要删，请加上 --yes。",
        "Removing erases personal data for good. To go ahead, add --yes.",
    ),
    "not_confirmed": ("已取消，数据未动。", "Cancelled; nothing was changed."),
    # -- flags ----------------------------------------------------------------------------------
    "flag_exists": ("标记 {code} 已经有了。", "The flag {code} already exists."),
    "flag_added": ("已添加标记 {code}", "Added the flag {code}"),
    # -- roster and card ------------------------------------------------------------------------
    "buildings_only_for_area": (
        "--buildings 只用于片长（写明片区包括哪些楼栋）。",
        "--buildings is only for an area head (the buildings the area covers).",
    ),
    "confirm_remove_member": (
        "从名册删除并抹去 {name} 的信息？",
        "Remove {name} from the roster and erase their details?",
    ),
    "colon": ("：", ": "),
    # -- the roll (花名册) ----------------------------------------------------------------------
    "need_roll_file": (
        "请写上花名册文件，如 dyz household import 花名册.csv；要空白模板请加 --template。",
        "Give the roll file, e.g. dyz household import roll.csv; for an empty one add --template.",
    ),
    # -- output -----------------------------------------------------------------------------------
    "empty_list": ("（没有符合条件的记录）", "(nothing matches)"),
    "written_to": ("已写入 {path}", "Written to {path}"),
    "sheet_suffix": (
        "表格文件名要以 .xlsx 或 .csv 结尾（如 住户.xlsx）：{path}",
        "a spreadsheet's file name must end in .xlsx or .csv (such as households.xlsx): {path}",
    ),
    "col_id": ("编号", "id"),
    "col_ref": ("房号", "household"),
    "col_estate": ("小区", "estate"),
    "col_residents": ("人数", "residents"),
    "col_flags": ("标记", "flags"),
    "col_name": ("姓名", "name"),
    "col_phone": ("电话", "phone"),
    "col_born": ("出生", "born"),
    "col_moved_in": ("迁入", "moved in"),
    "col_moved_out": ("迁出", "moved out"),
    "col_note": ("备注", "note"),
    "col_services": ("服务项目", "services"),
    "col_lives_at": ("住在", "lives at"),
    "col_volunteer": ("志愿者", "volunteer"),
    "col_service": ("服务内容", "service"),
    "col_area": ("服务范围", "area"),
    "col_available": ("能帮忙的时间", "available"),
    "col_served": ("服务对象", "for"),
    "col_hours": ("时长（小时）", "hours"),
    "col_role": ("角色", "role"),
    "col_scope": ("范围", "scope"),
    "col_fingerprint": ("密钥指纹", "key fingerprint"),
    "col_code": ("代码", "code"),
    "col_label_zh": ("中文", "Chinese"),
    "col_label_en": ("英文", "English"),
    # -- hazards -------------------------------------------------------------------------------
    "due_or_days": ("--due 和 --days 只能选一个。", "Give either --due or --days, not both."),
    "due_before_found": (
        "期限 {due} 早于 {found}，请检查日期。",
        "The deadline {due} is before {found}; check the dates.",
    ),
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
    "petition_refused_withdrawn": (
        "这条诉求{status}，不能再撤回。",
        "This petition is {status}: it cannot be withdrawn again.",
    ),
    "withdraw_needs_reason": (
        '撤回要写明原因，例如 --reason "记错了户"。',
        'A withdrawal needs its reason, e.g. --reason "entered for the wrong flat".',
    ),
    "hazard_withdrawn": (
        "已撤回隐患（编号 {id}）：它不再出现在清单和统计里，dyz hazard show {id} 仍可查到。",
        "Withdrew the hazard (id {id}): it leaves the lists and the counts; dyz hazard show"
        " {id} still has it.",
    ),
    "petition_withdrawn": (
        "已撤回诉求（编号 {id}）：它不再出现在清单和统计里，dyz petition show {id} 仍可查到。",
        "Withdrew the petition (id {id}): it leaves the lists and the counts; dyz petition"
        " show {id} still has it.",
    ),
    "recurrence_days": (
        "回潮认定期限：复查销号后 {days} 天内",
        "Recurrence window: {days} days after a verification",
    ),
    # -- volunteers -------------------------------------------------------------------------------
    "confirm_remove_volunteer": (
        "删除志愿者 {name} 并永久抹去其个人信息？",
        "Erase the volunteer {name} and their personal data for good?",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "not_a_dispute": (
        "诉求 {id} 不是“矛盾调解”类的，不能记调解经过。",
        "Petition {id} is not of the category mediation: it has no mediation to record.",
    ),
    "referred_needs_to": (
        "移交给谁？请写 --to，如 --to 人民调解委员会。",
        'Referred to whom? Give --to, e.g. --to "the people\'s mediation committee".',
    ),
    "col_parties": ("当事人（房号）", "parties (flats)"),
    "col_dispute": ("纠纷类型", "dispute"),
    "col_mediator": ("调解人", "mediator"),
    "col_result": ("结果", "result"),
    "col_follow_up": ("回访日期", "follow-up"),
    "col_party": ("一方／移交给", "side or referred to"),
    "shared_space": ("{unit} 公共部位", "{unit} shared space"),
    "hazard_kind_exists": ("隐患类别 {code} 已经有了。", "The hazard kind {code} already exists."),
    "hazard_kind_added": ("已添加隐患类别 {code}", "Added the hazard kind {code}"),
    "col_status": ("状态", "status"),
    "col_kind": ("类别", "kind"),
    "col_unit": ("单元", "unit"),
    "col_place": ("地点", "place"),
    "col_household": ("责任户", "household"),
    "col_due": ("期限", "deadline"),
    "col_remarks": ("提示", "remarks"),
    "col_step": ("步骤", "step"),
    "col_on": ("日期", "date"),
    # -- petitions -----------------------------------------------------------------------------
    "empty_petition": (
        "诉求内容不能为空，请用 --text 写上。",
        "The petition is empty: write it with --text.",
    ),
    "petition_not_found": (
        "找不到编号以 {id} 开头的诉求，见 dyz petition list。",
        "No petition id starts with {id}; see dyz petition list.",
    ),
    "step_before_raised": (
        "日期 {on} 早于收集日期 {raised}。",
        "The date {on} is before the petition was raised ({raised}).",
    ),
    "resolve_needs_note": ("请用 --note 写上是怎么解决的。", "Say what was done with --note."),
    "link_itself": ("不能把一条诉求和它自己合并。", "A petition cannot be linked to itself."),
    "already_linked": ("这两条诉求已经合并过了。", "These two petitions are already linked."),
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
    "hours_without_volunteer": (
        "诉求 {id} 没有交给过志愿者，--hours 记不到谁名下。先 dyz petition assign {id} 志愿者，或去掉 --hours。",
        "Need {id} was never handed to a volunteer, so --hours has no one to go to. First dyz"
        " petition assign {id} VOLUNTEER, or leave out --hours.",
    ),
    "nearness_0": ("同一单元", "same unit"),
    "nearness_1": ("同一栋楼", "same building"),
    "nearness_2": ("同一小区", "same estate"),
    "col_nearness": ("远近", "how near"),
    "pstep_assigned": ("交给志愿者", "handed to a volunteer"),
    "petition_closed": ("已办结（编号 {id}）", "Closed (id {id})"),
    "step_again": ("{step}（另一台电脑也记了）", "{step} (also recorded on another laptop)"),
    "pstep_collected": ("收集", "collected"),
    "pstep_resolved": ("就地解决", "resolved"),
    "pstep_escalated": ("上报", "escalated"),
    "pstep_proposed": ("形成建议", "proposed"),
    "pstep_adopted": ("采纳", "adopted"),
    "pstep_declined": ("未采纳", "declined"),
    "pstep_done": ("落实", "done"),
    "pstep_closed": ("办结", "closed"),
    "pstep_withdrawn": ("撤回（记错了）", "withdrawn (entered by mistake)"),
    "col_category": ("类别", "category"),
    "col_text": ("内容", "petition"),
    "col_raised": ("收集日期", "raised"),
    "col_households": ("户数", "households"),
    "table_petition": ("诉求", "petition"),
    "table_proposal": ("建议", "proposal"),
    "empty_proposal": (
        "建议内容不能为空，请用 --text 写上。",
        "The proposal is empty: write it with --text.",
    ),
    "nothing_to_propose": (
        "这些诉求都不在“已上报”状态，没有可以形成建议的。",
        "None of these petitions is escalated: there is nothing to propose.",
    ),
    "already_decided": (
        "这条建议已于 {on} 有了决定（{decision}）。",
        "This proposal was already decided on {on} ({decision}).",
    ),
    "list_sep": ("；", "; "),
    "col_waiting": ("等待天数", "days waiting"),
    "col_proposal": ("建议", "proposal"),
    "col_proposed_on": ("提出日期", "proposed on"),
    # -- sync --------------------------------------------------------------------------------------
    "scope_unit": ("{estates} {name}单元", "unit {name} of {estates}"),
    "scope_building": ("{estates} {name}栋", "building {name} of {estates}"),
    "scope_unit_bare": ("{name}单元", "unit {name}"),
    "scope_building_bare": ("{name}栋", "building {name}"),
    "scope_area": ("{name}", "{name}"),
    "scope_estate": ("{name}", "{name}"),
    "scope_community": ("全社区", "the whole community"),
    "erased_traces_pending": (
        "另一个 dyz 窗口还开着这个工作本，抹去的内容还有一份留在它的临时记录里：关掉那个窗口，下次运行 dyz 时就清除干净。",
        "Another dyz window still has the notebook open, and a copy of what was erased is left"
        " in its log: close that window, and it is cleared the next time dyz runs.",
    ),
    "yes_word": ("是", "yes"),
    "no_word": ("否", "no"),
    "col_member_state": ("状态", "state"),
    "col_member_since": ("时间", "since"),
    "table_household": ("住户", "household"),
    "table_visit": ("走访", "visit"),
    "table_hazard": ("隐患", "hazard"),
    "field_flag": ("标记“{flag}”", "flag “{flag}”"),
    "value_empty": ("（空）", "(empty)"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "col_device": ("电脑", "laptop"),
    "col_last_heard": ("最近导入", "last imported"),
    "col_latest_seen": ("对方数据截至", "its data up to"),
    "col_what": ("记录", "record"),
    "col_field": ("项目", "field"),
    "col_values": ("两边的值", "values"),
    "col_value": ("值", "value"),
    "col_by": ("修改人", "by"),
    "col_recorded_by": ("记录人", "recorded by"),
    "col_when": ("时间", "when"),
    "col_mine": ("本机", "this laptop"),
    # -- failures -------------------------------------------------------------------------------
    "cancelled": ("已取消。", "Cancelled."),
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
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "author_on_laptop": ("{author}（在 {laptop} 的电脑上）", "{author} (on the laptop {laptop})"),
    "author_on_named_laptop": ("{author}（在 {laptop} 上）", "{author} (on {laptop})"),
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
    # -- erase (issue 35): the words typed beside a household go with it -------------------------
    "hazard_words_erased": (
        "这处隐患的责任户已删除，它的地点、备注和整改要求已随住户抹去，不再记录；"
        "要改别的（如 --due）就只写那一项。",
        "This hazard's household was erased, and its place, note and requirement with it: they"
        " are no longer kept. To correct something else (e.g. --due), give only that.",
    ),
    # -- door-knocking visits ---------------------------------------------------------------
    "week_or_dates": (
        "--week 和 --from/--to 只能选一种。",
        "Give either --week or --from/--to, not both.",
    ),
    "dates_reversed": (
        "截止日期 {end} 早于起始日期 {start}，请对调。",
        "The end date {end} is before the start date {start}: swap them.",
    ),
    "no_draft": (
        "没有没答完的走访。开始新的走访：dyz visit",
        "There is no unfinished visit. Start one with: dyz visit",
    ),
    "due_reason_elderly_alone": ("独居老人，每 {days} 天", "lives alone, every {days} days"),
    "due_reason_needs_help": ("需帮扶，每 {days} 天", "needs help, every {days} days"),
    "due_reason_new_arrival": ("新迁入，{days} 天内", "new arrival, within {days} days"),
    "due_reason_default": ("每 {days} 天", "every {days} days"),
    "due_never": ("从未走访", "never visited"),
    "due_never_met": (
        "还没见到人（上次{outcome}，{last}）",
        "nobody met yet (last: {outcome}, {last})",
    ),
    "due_overdue": ("逾期 {days} 天（上次 {last}）", "{days} days overdue (last {last})"),
    "due_today": ("今天到期（上次 {last}）", "due today (last {last})"),
    "due_by": ("{on} 前", "by {on}"),
    "col_outcome": ("结果", "Outcome"),
    "col_visit_kind": ("方式", "How"),
    "col_visitor": ("走访人", "Visitor"),
    "col_app": ("反诈APP", "Anti-fraud app"),
    "col_briefed": ("讲过骗术", "Briefed"),
    "col_introduced": ("已自我介绍", "Introduced"),
    "col_wellbeing": ("关爱对象状况", "Wellbeing"),
    "col_need": ("需求", "Need"),
    "col_hazard": ("隐患", "Hazard"),
    "col_order": ("序", "#"),
    "col_residents_names": ("住户", "Residents"),
    "col_reason": ("原因", "Why"),
    "col_last_try": ("上次结果", "Last time"),
    "col_building": ("楼栋", "Building"),
    "col_key": ("设置", "Setting"),
    "col_default": ("默认", "Default"),
    "col_meaning": ("含义", "Meaning"),
    # -- issue 33, visits: who was met, the help someone needs, a retry, the questions ------
    "col_met": ("受访人", "Met"),
    # -- issue 33, care: wellbeing and the five areas for everyone the care ledger follows --
    "due_reason_risk_high": ("风险等级高，每 {days} 天", "high risk, every {days} days"),
    "due_reason_risk_medium": ("风险等级中，每 {days} 天", "medium risk, every {days} days"),
    "due_reason_risk_low": ("风险等级低，每 {days} 天", "low risk, every {days} days"),
    "risk_level_word": ("风险等级{risk}", "{risk} risk"),
    "col_referral": ("转介", "referred to"),
    # -- fire patrols --------------------------------------------------------------------------
    "col_patrol_where": ("巡查部位", "where"),
    "col_patrol_when": ("日期时间", "date and time"),
    "col_patroller": ("巡查人", "patroller"),
    "col_patrol_result": ("巡查情况", "what was found"),
    "col_last_patrol": ("上次巡查", "last patrol"),
    "col_days_since": ("已过天数", "days since"),
    "col_patrol_hazards": ("登记的隐患", "hazards recorded"),
}

# the first word of a key (`td_title`: td) and the part of the catalogue it is in
PARTS = {
    "td": "today",
    **dict.fromkeys(("rp", "wx"), "report"),
    **dict.fromkeys(
        ("iv", "visit", "walk", "af", "care", "help", "draft", "resume", "nobody", "config"),
        "visits",
    ),
    **dict.fromkeys(("ledger", "patrol", "template"), "ledgers"),
    **dict.fromkeys(
        (
            *("bundle", "export", "exported", "import", "imported", "members", "conflict"),
            *("peer", "office", "handover", "progress"),
        ),
        "sync",
    ),
    **dict.fromkeys(
        (
            *("doctor", "backup", "restore", "undo", "log", "demo", "init", "schema"),
            *("scratch", "examples", "own"),
        ),
        "upkeep",
    ),
    "roll": "rolls",
    "mn": "menu",
    **dict.fromkeys(("notice", "agenda", "card", "duties", "photo"), "papers"),
    **dict.fromkeys(("bad", "usage", "unknown", "did", "short"), "mistakes"),
    **dict.fromkeys(("db", "file", "cannot", "exposed", "internal"), "faults"),
    **dict.fromkeys(
        ("member", "volunteer", "volunteers", "service", "mediation", "match", "assign", "roster"),
        "people",
    ),
    **dict.fromkeys(("meeting", "proposal"), "council"),
}


def part_of(key: str) -> str | None:
    """The part of the catalogue that holds `key`; None for this one."""
    return PARTS.get(key.partition("_")[0])


def part_messages(part: str) -> dict[str, tuple[str, str]]:
    import importlib

    found: dict[str, tuple[str, str]] = importlib.import_module(f"{__name__}.{part}").MESSAGES
    return found


def all_messages() -> dict[str, tuple[str, str]]:
    """Every message, those of every part included."""
    every = dict(MESSAGES)
    for part in sorted(set(PARTS.values())):
        every.update(part_messages(part))
    return every
