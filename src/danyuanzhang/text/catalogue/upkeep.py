"""The messages of setting up, the demo, backups, `dyz doctor`, the log and undo, this laptop's clock, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "backup_passphrase_short": (
        "口令太短：至少 {least} 个字，最好是一句只有您记得的话。",
        "The passphrase is too short: at least {least} characters; a sentence only you know is best.",
    ),
    "backup_passphrase_needed": (
        "备份需要口令：请在终端窗口里运行（会请您输入两遍），或用 --passphrase-file 文件 给出口令。",
        "A backup needs a passphrase: run this in a terminal window (it asks twice), or give"
        " one with --passphrase-file FILE.",
    ),
    "restore_passphrase_needed": (
        "打开备份需要口令：请在终端窗口里运行（会请您输入做备份时的口令），或用 --passphrase-file 文件 给出口令。",
        "Opening a backup needs its passphrase: run this in a terminal window (it asks for the"
        " one the backup was made with), or give it with --passphrase-file FILE.",
    ),
    "backup_passphrase_ask": (
        "备份口令（输入时不显示）：",
        "Backup passphrase (not shown as you type): ",
    ),
    "backup_passphrase_again": ("再输入一遍口令：", "The passphrase again: "),
    "backup_passphrase_differ": (
        "两次输入的口令不一样，没有写备份。请再试一次。",
        "The two passphrases differ; no backup was written. Please try again.",
    ),
    "backup_passphrase_file_empty": (
        "口令文件 {path} 是空的。请在第一行写上口令。",
        "The passphrase file {path} is empty: write the passphrase on its first line.",
    ),
    "backup_written": (
        "备份已写好：{path}（{size}，{changes} 条修改）。请把它存到 U 盘或别的电脑上，口令记在本子上另外保管。",
        "Backup written: {path} ({size}, {changes} changes). Keep it on a USB stick or another"
        " computer, and the passphrase written down somewhere else.",
    ),
    "backup_no_office": (
        "本机还没有加入社区办公室，不能加密给办公室。请用口令备份：dyz backup -o 文件。",
        "This laptop has joined no office, so the backup cannot be sealed to it: back up"
        " with a passphrase (dyz backup -o FILE).",
    ),
    "backup_sealed_elsewhere": (
        "备份 {path} 是加密给“{office}”的，只有那台电脑能打开，什么也没有改动。",
        "The backup {path} is sealed to “{office}”: only that laptop opens it. Nothing was"
        " changed.",
    ),
    "restore_sealed_needs_into": (
        "这份备份是加密给“{office}”的：请在办公室的电脑上运行 dyz restore 备份文件 --into 新文件.db，"
        "再把新文件交给单元长。",
        "This backup is sealed to “{office}”: on the office's laptop run dyz restore FILE"
        " --into NEW.db, then hand the new file to the unit head.",
    ),
    "backup_not_a_backup": (
        "{path} 不是 dyz 的备份文件，什么也没有改动。备份文件由 dyz backup 写出，名字以 .dyzbak 结尾。",
        "{path} is not a dyz backup; nothing was changed. Backups are written by dyz backup"
        " and end in .dyzbak.",
    ),
    "backup_damaged": (
        "备份文件 {path} 损坏了（内容被改动过或不完整），什么也没有改动。请换一份备份试试。",
        "The backup {path} is damaged (altered or incomplete); nothing was changed. Try"
        " another backup.",
    ),
    "backup_truncated": (
        "备份文件 {path} 不完整（后面缺了一截，也许没复制完），什么也没有改动。请重新复制一份再试。",
        "The backup {path} is cut short (perhaps a copy that did not finish); nothing was"
        " changed. Copy it again and retry.",
    ),
    "backup_wrong_passphrase": (
        "口令不对，打不开备份 {path}，什么也没有改动。请再试一次（注意大小写和全角半角）。",
        "Wrong passphrase for the backup {path}; nothing was changed. Try again (mind capitals"
        " and full-width characters).",
    ),
    "restore_would_lose": (
        "工作本 {path} 里有 {count} 条修改是这份备份里没有的（最近一条在 {day}），恢复会丢掉它们，所以没有恢复。"
        "先用 dyz backup 另存一份现在的工作本；确实要用备份覆盖，再加 --overwrite。",
        "The notebook {path} holds {count} changes this backup lacks (the latest on {day});"
        " restoring would lose them, so nothing was restored. Back up the notebook as it is"
        " first (dyz backup); to overwrite it all the same, add --overwrite.",
    ),
    "restore_about": (
        "这是 {laptop} 在 {made} 做的备份，有 {changes} 条修改。",
        "This backup of {laptop} was made on {made} and holds {changes} changes.",
    ),
    "restore_confirm": ("用它替换 {path} 吗？", "Replace {path} with it?"),
    "restore_done": (
        "已从备份恢复：{path}（{changes} 条修改）。",
        "Restored from the backup: {path} ({changes} changes).",
    ),
    "restore_kept_aside": (
        "原来那个打不开的工作本没有删，留在 {path}。",
        "The notebook that could not be read was not deleted: it is kept at {path}.",
    ),
    "backup_reminder": (
        "提醒：{since}没有备份工作本了。运行 dyz backup -o U盘上的文件 备份一份。",
        "Reminder: the notebook has not been backed up {since}. Run dyz backup -o FILE (on a"
        " USB stick) to make one.",
    ),
    "backup_never": ("从来", "ever"),
    "backup_since_days": ("已经 {days} 天", "for {days} days"),
    "backup_no_room": (
        "备份 {path} 解开要 {need}，超过这里能用的 {room}，什么也没有改动。请腾出空间，或换一份备份。",
        "The backup {path} unpacks to {need}, more than the {room} a restore may take here;"
        " nothing was changed. Make room, or try another backup.",
    ),
    "restore_strange_schema": (
        "备份 {path} 里有 dyz 自己不会建的东西（{objects}），可能被人动过手脚，所以没有恢复，什么也没有改动。请换一份备份。",
        "The backup {path} holds what dyz itself never makes ({objects}): it may have been"
        " tampered with, so nothing was restored or changed. Try another backup.",
    ),
    "restore_other_laptop": (
        "这份备份是另一台电脑“{laptop}”的，本机是“{mine}”：恢复后本机就成了“{laptop}”（用它的名字和密钥），"
        "什么也没有改动。确实要这样，请加 --as-that-laptop。",
        "This backup is of another laptop, “{laptop}”; this one is “{mine}”: once restored,"
        " this laptop becomes “{laptop}” (its name and keys). Nothing was changed; to do it"
        " all the same, add --as-that-laptop.",
    ),
    "restore_other_laptop_confirm": (
        "这份备份是另一台电脑“{laptop}”的，本机是“{mine}”。恢复后本机的记录换成备份里的，"
        "本机也就成了“{laptop}”，确定吗？",
        "This backup is of another laptop, “{laptop}”; this one is “{mine}”. Once restored,"
        " this laptop's records are the backup's and this laptop becomes “{laptop}”. Go ahead?",
    ),
    "backup_unsigned": (
        "备份 {path} 是加密给办公室的，却没有做备份的电脑的签名（旧版 dyz 做的，或是伪造的），"
        "为安全起见不恢复，什么也没有改动。请单元长用现在的 dyz 重新备份：dyz backup --to-office。",
        "The backup {path} is sealed to the office but carries no signature of the laptop that"
        " made it (an older dyz made it, or someone forged it): to be safe it is not restored,"
        " and nothing was changed. Ask the unit head for a new one: dyz backup --to-office.",
    ),
    "backup_signature_bad": (
        "备份 {path} 的签名不是“{laptop}”的（文件被改过，或是别人冒充的），什么也没有改动。"
        "请单元长重新备份：dyz backup --to-office。",
        "The backup {path} is not signed by “{laptop}” (the file was altered, or someone"
        " forged it); nothing was changed. Ask the unit head for a new one: dyz backup"
        " --to-office.",
    ),
    "backup_signer_unknown": (
        "备份 {path} 自称来自“{laptop}”，这台电脑不在办公室的成员名单上，什么也没有改动。"
        "办公室只恢复名单上的电脑做的备份（dyz members list）。",
        "The backup {path} claims to come from “{laptop}”, which is not on the office's list"
        " of members; nothing was changed. The office restores only backups of listed laptops"
        " (dyz members list).",
    ),
    "backup_signer_revoked": (
        "备份 {path} 来自已撤销的电脑“{laptop}”，不恢复，什么也没有改动。",
        "The backup {path} comes from “{laptop}”, a laptop taken off the list; it is not"
        " restored, and nothing was changed.",
    ),
    "scratch_nowhere": (
        "没有可以写临时文件的文件夹（{folders} 都写不进去），什么也没有改动。请用 -o 指定一个能写的位置。",
        "No folder takes a temporary file ({folders} are all read-only); nothing was changed."
        " Give a writable place with -o.",
    ),
    "schema_kind_table": ("表", "table"),
    "schema_kind_index": ("索引", "index"),
    "schema_kind_view": ("视图", "view"),
    "schema_kind_trigger": ("触发器", "trigger"),
    "schema_how_extra": ("多出", "extra:"),
    "schema_how_altered": ("被改过的", "altered:"),
    "schema_how_missing": ("缺少", "missing:"),
    "backup_strange_schema": (
        "工作本里有 dyz 自己不会建的东西（{objects}），这样的备份恢复不了，所以没有备份。"
        "请先运行 dyz doctor 看看，dyz doctor --repair 会把它们去掉，然后再备份。",
        "The notebook holds what dyz itself never makes ({objects}); a backup of it could not be"
        " restored, so none was made. Run dyz doctor to see it; dyz doctor --repair removes it;"
        " then back up again.",
    ),
    "init_done": (
        "工作本已建立：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook ready: {path}\nThis laptop: {device} (id {id})\nCommunity: {community}",
    ),
    "init_already": (
        "工作本早已建立，数据未动：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook already set up, data untouched: {path}\nThis laptop: {device} (id {id})\n"
        "Community: {community}",
    ),
    "init_person": (
        "使用人：{person}（印在台账和周报上）",
        "Used by: {person} (named on every ledger and report)",
    ),
    "init_no_person": (
        "使用人：未填。台账和周报要写明是谁做的，请用 dyz init --name 姓名 填上。",
        "Used by: not given. Ledgers and reports name who did the work: dyz init --name NAME",
    ),
    "init_territory": (
        "负责：{territory}（今天该做的、走访、周报、台账默认只看这里，看全部加 --all）",
        "Looks after: {territory} (today, visits, the report and ledgers show this by default;"
        " --all shows everything)",
    ),
    "init_territory_all": ("负责：全社区", "Looks after: the whole community"),
    "init_on_roster": ("名册上：{scope} 的{role}", "On the roster: {role} of {scope}"),
    "init_one_territory": (
        "--unit、--building、--area、--all 只能选一个：一台电脑记一个负责范围。",
        "Give only one of --unit, --building, --area and --all: a laptop looks after one place.",
    ),
    "init_ask_name": ("您的姓名（印在台账上）：", "Your name (printed on the ledgers): "),
    "init_ask_unit": (
        "您负责哪个单元？如 2-2，几个单元写 2-1、2-2（楼栋长、社区办公室直接回车）",
        "Which unit do you look after? e.g. 2-2, or 2-1,2-2 for several (building heads and the office: press Enter)",
    ),
    "init_fingerprint": (
        "本机密钥指纹：{fingerprint}（对方要核对本机身份时，打电话念给对方听）",
        "This laptop's key fingerprint: {fingerprint} (other laptops remember it from this"
        " laptop's first bundle; read it out over the phone when they ask)",
    ),
    "init_next": (
        "接下来可以：\n"
        "  1. 导入住户花名册：dyz household import 花名册.xlsx --dry-run（看过没问题再去掉 --dry-run）\n"
        "  2. 登记三长一户名册：dyz roster add --role 单元长 --name 姓名 --phone 电话 --scope 2-2\n"
        "  3. 打印单元服务牌：dyz card --unit 2-2 -f html -o 服务牌.html\n"
        "  或者直接输入 dyz，从菜单里选要做的事。",
        "Next you can:\n"
        "  1. Import the household roll: dyz household import roll.xlsx --dry-run (then without"
        " --dry-run)\n"
        "  2. Add the roster of heads: dyz roster add --role unit_head --name NAME --phone PHONE"
        " --scope 2-2\n"
        "  3. Print the stairwell card: dyz card --unit 2-2 -f html -o card.html\n"
        "  Or type dyz alone and choose from the menu.",
    ),
    # -- the demo -------------------------------------------------------------------------------
    "examples_missing": (
        "找不到示例数据（examples/），请重新安装 dyz。",
        "The sample data (examples/) is missing; reinstall dyz.",
    ),
    "demo_would_overwrite": (
        "{path} 不是演示数据库，不会覆盖它。请用 --to 换一个位置。",
        "{path} is not a demo database and will not be overwritten; choose another place with --to.",
    ),
    "demo_built": ("演示数据库已建好：{path}", "Demo database built: {path}"),
    "demo_summary": (
        "示例社区：{community}（{estates}）\n住户 {households} 户，居民 {residents} 人，"
        "其中独居老人 {elderly_alone} 人、需帮扶 {needs_help} 人；三长一户名册 {roster} 人。\n"
        "防火巡查 {patrols} 次，排查隐患 {hazards} 处，未销号 {hazards_open} 处（逾期 {overdue}、回潮 {recurrences}）；"
        "诉求 {petitions} 条，待议事会商议 {agenda_matters} 件；入户走访 {visits} 次；"
        "志愿者 {volunteers} 人，志愿服务 {services} 次。",
        "Sample community: {community} ({estates})\n{households} households, {residents} residents"
        " ({elderly_alone} elderly living alone, {needs_help} needing help); {roster} on the roster.\n"
        "{patrols} fire patrols, {hazards} hazards found, {hazards_open} still open ({overdue} overdue, {recurrences}"
        " recurring); {petitions} petitions, {agenda_matters} matters for the council; {visits}"
        " door-knocking visits; {volunteers} volunteers, {services} services given.",
    ),
    "demo_unit_heading": ("{unit} 单元的住户：", "Households of unit {unit}:"),
    "demo_next": (
        "试试：dyz --db {path} household show 2-2-301\n      dyz --db {path} card --unit 2-2 --format html -o 服务牌.html"
        "\n      dyz --db {path} visit due --unit 2-2\n      dyz --db {path} antifraud"
        "\n      dyz --db {path} report --week {week} --format html -o 周报.html"
        "\n      dyz --db {path} ledger patrols --from 2026-11-01 -o 防火巡查记录.xlsx",
        "Try:  dyz --db {path} household show 2-2-301\n      dyz --db {path} card --unit 2-2 --format html -o card.html"
        "\n      dyz --db {path} visit due --unit 2-2\n      dyz --db {path} antifraud"
        "\n      dyz --db {path} report --week {week} --format html -o report.html"
        "\n      dyz --db {path} ledger patrols --from 2026-11-01 -o patrols.xlsx",
    ),
    # -- sync --------------------------------------------------------------------------------------
    "own_clock_behind": (
        "注意：本机的日期显示 {now}，却比本机记下的最后一条修改（{last}）还早，这台电脑的日期不对"
        "（常见原因是主板电池没电了）。请把日期和时间改正；已经记下的修改不会丢失。"
        "如果日期本来就对，请运行 dyz doctor 检查。",
        "Note: this laptop's date says {now}, earlier than the last change it recorded ({last}):"
        " its date is wrong (often a flat battery). Please set the date and time right; no"
        " change recorded is lost. If the date is right, run dyz doctor.",
    ),
    "own_clock_ahead": (
        "注意：本机的日期显示 {now}，比最后收到的数据包（{last}）晚了一年多，这台电脑的日期可能不对。"
        "请检查日期和时间：日期改正之前导出的数据包，别的电脑会拒收。",
        "Note: this laptop's date says {now}, more than a year after the last bundle it received"
        " ({last}): its date may be wrong. Please check the date and time: other laptops refuse"
        " bundles exported before it is set right.",
    ),
    "doctor_mark_ok": ("[正常] ", "[ok] "),
    "doctor_mark_bad": ("[要处理] ", "[to do] "),
    "doctor_looking": ("检查工作本：{path}", "Checking the notebook: {path}"),
    "doctor_ok_integrity": (
        "文件完整（SQLite 完整性检查）",
        "The file is whole (SQLite's integrity check)",
    ),
    "doctor_bad_integrity": (
        "文件损坏：SQLite 找到 {problems} 处问题",
        "The file is damaged: SQLite found {problems} problems",
    ),
    "doctor_ok_foreign_keys": ("记录之间的关联完整", "Records point only to records that exist"),
    "doctor_bad_foreign_keys": (
        "{problems} 条记录指向不存在的记录",
        "{problems} records point to records that do not exist",
    ),
    "doctor_ok_log": (
        "修改记录都完好（内容和编号对得上）",
        "Every change in the log is intact (content matches its id)",
    ),
    "doctor_log_size": (
        "       修改记录占 {log}，是由它推出的各表（{tables}）的 {ratio} 倍",
        "       The change log takes {log}, {ratio}× the tables derived from it ({tables})",
    ),
    "doctor_bad_log": (
        "有 {damaged} 条修改记录被改坏了（内容和编号对不上），只能从备份或社区办公室的数据包找回",
        "{damaged} changes in the log are damaged (content no longer matches the id): only a"
        " backup or the office's bundle can bring them back",
    ),
    "doctor_ok_tables": ("各个表格和修改记录一致", "The tables agree with the change log"),
    "doctor_bad_tables": (
        "有 {rows} 行表格和修改记录不一致（{tables}）：dyz doctor --repair 会按修改记录重建",
        "{rows} rows of the tables disagree with the change log ({tables}): dyz doctor"
        " --repair rebuilds them from the log",
    ),
    "doctor_bad_tables_unchecked": (
        "表格没能和修改记录对照：照着修改记录重建没有成功。请先备份（dyz backup），再把这句话告诉维护人员",
        "The tables could not be compared with the change log: rebuilding from the log failed."
        " Back up first (dyz backup), then tell whoever looks after dyz",
    ),
    "doctor_ok_temporaries": (
        "没有中断留下的临时文件",
        "No temporary files left by an interruption",
    ),
    "doctor_bad_temporaries": (
        "有 {count} 个中断留下的临时文件（{files}），里面可能有住户信息：dyz doctor --repair 会删掉",
        "{count} temporary files left by an interruption ({files}), which may hold personal"
        " data: dyz doctor --repair removes them",
    ),
    "doctor_ok_modes": ("工作本文件只有本人能读", "Only you can read the notebook's files"),
    "doctor_bad_modes": (
        "{files} 别人也能读：dyz doctor --repair 会改成只有本人能读",
        "Others can read {files}: dyz doctor --repair makes them yours alone",
    ),
    "doctor_bad_folder": (
        "工作本所在的文件夹 {folder} 这台电脑上的其他人（{who}）也能打开：把工作本放回默认位置"
        "（不设 --db 和 DYZ_DB），或运行 {command}",
        "The notebook's folder {folder} lets others on this laptop in ({who}): keep the notebook"
        " in the default folder (no --db, no DYZ_DB), or run {command}",
    ),
    "doctor_ok_backup": ("上次备份在 {day}", "Last backed up on {day}"),
    "doctor_ok_no_backup_yet": ("还没到要备份的时候", "Nothing needs a backup yet"),
    "doctor_bad_backup": (
        "{since}没有备份：运行 dyz backup -o U盘上的文件",
        "Not backed up {since}: run dyz backup -o FILE (on a USB stick)",
    ),
    "doctor_ok_retention": (
        "没有迁出很久的居民信息",
        "No personal data of residents who left long ago",
    ),
    "doctor_bad_retention": (
        "{residents} 位居民迁出已超过 {days} 天，他们的信息已不再需要：dyz doctor --repair 会（经您确认后）抹去",
        "{residents} residents moved out more than {days} days ago and their data is no longer"
        " needed: dyz doctor --repair erases it (once you confirm)",
    ),
    "doctor_retention_confirm": (
        "抹去这 {count} 位迁出已久的居民的信息吗？抹去后无法恢复。",
        "Erase these {count} residents who left long ago? This cannot be undone.",
    ),
    "doctor_retention_needs_yes": (
        "迁出已久的居民没有抹去：抹去无法恢复，请在终端里确认，或加 --yes。",
        "Residents who left long ago were not erased: it cannot be undone, so confirm at a"
        " terminal, or add --yes.",
    ),
    "doctor_ok_clock": ("本机时钟和修改的时间正常", "The clock and the changes' times are sound"),
    "doctor_mended": ("已修好：{checks}", "Mended: {checks}"),
    "doctor_problems": (
        "检查完毕：有 {count} 项要处理（见上面标着“要处理”的行）。",
        "Checked: {count} things to see to (the lines marked “to do” above).",
    ),
    "doctor_damaged_rebuildable": (
        "工作本损坏了，但修改记录完好，可以按修改记录重建：运行 dyz doctor --repair（损坏的文件会留在旁边，不删）。",
        "The notebook is damaged, but its change log is intact and it can be rebuilt from it:"
        " run dyz doctor --repair (the damaged file is kept beside it, not deleted).",
    ),
    "doctor_damaged_lost": (
        "工作本损坏了，修改记录也读不全，没法自己重建。请从备份恢复：dyz restore 备份文件；"
        "没有备份时，请社区办公室为本机导出数据包（dyz export --for 本机），在一台新电脑上 dyz init 后 dyz import 它。",
        "The notebook is damaged and its change log cannot be read whole, so it cannot be"
        " rebuilt here. Restore a backup: dyz restore FILE; without one, ask the office to"
        " export a bundle for this laptop (dyz export --for LAPTOP) and, on a fresh notebook,"
        " dyz init, then dyz import it.",
    ),
    "doctor_rebuilt": (
        "已按修改记录重建工作本：{path}。损坏的文件留在 {aside}。",
        "The notebook was rebuilt from its change log: {path}. The damaged file is kept at"
        " {aside}.",
    ),
    "undo_nothing": (
        "本机还没有可以撤销的命令。",
        "This laptop has no command to take back.",
    ),
    "undo_erasure": (
        "上一条命令抹去了信息，抹去的无法撤销（这是有意的：信息已经真正删掉了）。",
        "The last command erased personal data, and an erasure cannot be taken back (on"
        " purpose: the data is really gone).",
    ),
    "undo_about": ("要撤销的是：{command}", "This would take back: {command}"),
    "undo_confirm": ("撤销它吗？", "Take it back?"),
    "undo_needs_yes": (
        "撤销前要确认：请在终端里运行 dyz undo，或加上 --yes。",
        "An undo is confirmed first: run dyz undo at a terminal, or add --yes.",
    ),
    "undo_done": (
        "已撤销：{restored} 项改回原样，{erased} 条新记下的删去了。撤销会随下一次导出传到其他电脑。",
        "Taken back: {restored} fields restored, {erased} new records removed. The undo"
        " travels with the next export.",
    ),
    "undo_kept": (
        "这几项后来又改过，没有动：{fields}",
        "These were changed again since and were left as they are: {fields}",
    ),
    "log_cleared": ("（清空）", "(cleared)"),
    "log_erased_record": ("一条已抹去的{what}", "an erased {what}"),
    "log_count": ("{what} {count} 条", "{count} × {what}"),
    "log_added": ("登记了{what}", "added {what}"),
    "log_changed_many": ("修改了{what}", "changed {what}"),
    "log_erased": ("抹去了一条{kind}记录", "erased a {kind}"),
    "log_erased_many": ("抹去了{what}", "erased {what}"),
    "log_added_one": ("登记了{kind}{what}", "added {kind}{what}"),
    "log_field_to": ("{field}改为 {value}", "{field} to {value}"),
    "log_changed": ("把{what}的{fields}", "changed {what}: {fields}"),
    "log_kind": ("{kind} ", "the {kind} "),
    "log_matter": ("{kind}“{words}”（{place}）", "{kind} “{words}” ({place})"),
    "log_step": ("把{what}记为 {step}", "marked {what}: {step}"),
    "log_step_note": ("：{note}", ": {note}"),
    "log_nothing": ("没有找到修改记录。", "No changes found."),
    "log_no_laptop": (
        "没有叫“{name}”的电脑。见 dyz peers。",
        "No laptop is called “{name}”; see dyz peers.",
    ),
    "doctor_healthy": ("检查完毕：工作本一切正常。", "Checked: the notebook is in good order."),
    "doctor_clock_ahead": (
        "本机的时钟被推到了 {date}（以前的版本导入过日期错误的数据包），新记下的修改会带着错误的时间。",
        "This laptop's clock was pushed to {date} (an earlier version imported a bundle from a"
        " laptop with a wrong date): new changes would carry a wrong time.",
    ),
    "doctor_poisoned": (
        "有 {count} 条修改的时间戳在未来或已到尽头（自称来自：{laptops}），新版 dyz 的其他电脑会拒收带着它们的数据包。",
        "{count} changes carry a stamp in the future or at its end (claiming to come from"
        " {laptops}); other laptops with this dyz refuse bundles that carry them.",
    ),
    "doctor_own_date_behind": (
        "本机的日期不对：收到的数据包是 {made} 做的，比本机的日期还晚。请先把本机的日期和时间改正，"
        "再运行 dyz doctor；在这之前不做任何修复，数据都不会丢。",
        "This laptop's date is wrong: the bundles it received were made on {made}, after this"
        " laptop's date. Set its date and time right first, then run dyz doctor again; nothing"
        " is mended before that, and nothing is lost.",
    ),
    "doctor_office_list": (
        "本机存的社区办公室名单，时间戳在未来：以后的新名单会被忽略。",
        "The office's list this laptop holds is stamped in the future: later lists would be"
        " ignored.",
    ),
    "doctor_repair_hint": (
        "运行 dyz doctor --repair 修复：每条修改都会保留（以本机的名义、用正确的时间重新记下），"
        "修复会随下一次导出传到其他电脑。",
        "Run dyz doctor --repair to mend it: every change is kept (recorded again by this"
        " laptop with a sound time), and the repair travels with the next export.",
    ),
    "doctor_repaired": (
        "已修复：时钟回到正确的时间；{remade} 条修改用正确的时间重新记下，{dropped} 条已由别的电脑重新记下，"
        "直接去掉。请导出一次，把修复带给其他电脑。",
        "Mended: the clock is back to a sound time; {remade} changes recorded again with a sound"
        " time, {dropped} already recorded again by another laptop and dropped. Export once to"
        " take the repair to the other laptops.",
    ),
    "doctor_ok_schema": (
        "工作本的结构和 dyz 建的一样",
        "The notebook's tables, indexes and triggers are dyz's own",
    ),
    "doctor_bad_schema_extra": (
        "工作本里有 dyz 不会建的{kind} {name}：dyz doctor --repair 会删掉它{data}",
        "The notebook holds a {kind} dyz never makes, {name}: dyz doctor --repair drops it{data}",
    ),
    "doctor_bad_schema_altered": (
        "dyz 的{kind} {name} 被改过：dyz doctor --repair 会按 dyz 的样子重建它",
        "dyz's {kind} {name} was altered: dyz doctor --repair makes it again as dyz does",
    ),
    "doctor_bad_schema_table": (
        "dyz 的表 {name} 被改过或不见了：修不了，请从备份恢复（dyz restore 备份文件）",
        "dyz's table {name} was altered or is missing: it cannot be mended here; restore a"
        " backup (dyz restore FILE)",
    ),
    "doctor_bad_schema_missing": (
        "dyz 的{kind} {name} 不见了：dyz doctor --repair 会按 dyz 的样子重建它",
        "dyz's {kind} {name} is missing: dyz doctor --repair makes it again as dyz does",
    ),
    "doctor_schema_data": ("（表里的内容也一起删掉）", " (and what the table holds)"),
    "doctor_schema_first": (
        "先处理上面这些，其他检查要等工作本的结构恢复正常后才做：dyz doctor --repair",
        "See to these first; the other checks wait until the notebook is dyz's own shape"
        " again: dyz doctor --repair",
    ),
    "doctor_schema_dropped": (
        "已修好工作本的结构（{objects}）：多出的已删掉，被改过的已按 dyz 的样子重建。",
        "Mended the notebook's shape ({objects}): what was extra is gone, what was altered is"
        " made again as dyz makes it.",
    ),
    # -- h-text: init run again says what it changed --------------------------------------------
    "init_changed": (
        "工作本早已建立：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook already set up: {path}\nThis laptop: {device} (id {id})\nCommunity: {community}",
    ),
    "init_community_renamed": (
        "已改社区名称为“{new}”（原为“{old}”）。",
        "Community name changed to “{new}” (was “{old}”).",
    ),
    "init_device_renamed": (
        "已改本机名称为“{new}”（原为“{old}”）。",
        "This laptop's name changed to “{new}” (was “{old}”).",
    ),
}
