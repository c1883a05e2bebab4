"""The messages of bundles, exports and imports, the office's members and conflicts, handing over, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- sync --------------------------------------------------------------------------------------
    "progress_read": ("正在导入 {name}", "Importing {name}"),
    "progress_write": ("正在收尾 {name}", "Finishing {name}"),
    "exported": (
        "已导出 {changes}到 {path}（{size_kb} KB）。把这个文件带给对方，在对方电脑上运行 dyz import。",
        "Exported {changes} to {path} ({size_kb} KB). Take the file to the other laptop and run dyz import there.",
    ),
    "exported_with_context": (
        "已导出 {new}（连同所属记录的其余内容，共 {changes}）到 {path}（{size_kb} KB）。把这个文件带给对方，在对方电脑上运行 dyz import。",
        "Exported {new} ({changes} with the rest of their records) to {path} ({size_kb} KB). Take the file to the other laptop and run dyz import there.",
    ),
    "export_peer_or_all": ("--for 和 --all 只能选一个。", "Give either --for or --all, not both."),
    "peer_unknown": (
        "没有和“{peer}”交换过数据包。已知的电脑：{known}。第一次可以用 --all 导出全部。",
        "No bundle has come from “{peer}” yet. Known laptops: {known}. The first time, export everything with --all.",
    ),
    "peer_ambiguous": (
        "“{peer}”对应不止一台电脑，请写完整的名称或编号。",
        "“{peer}” matches several laptops; give the full name or id.",
    ),
    "imported": (
        "已导入 {path}（来自 {sender}）：新增 {added}，已有 {already} 条。",
        "Imported {path} (from {sender}): {added} added, {already} already here.",
    ),
    "import_checked": (
        "检查通过（未写入）{path}（来自 {sender}）：将新增 {added}，已有 {already} 条。",
        "Check passed, nothing written: {path} (from {sender}) would add {added}; {already} already here.",
    ),
    "import_seen_before": (
        "{path} 以前导入过了，未作改动。",
        "{path} was imported before; nothing changed.",
    ),
    "import_ignored_erased": (
        "其中 {count} 条属于已删除抹去的记录，已忽略。",
        "{count} of them belong to erased records and were left out.",
    ),
    "import_some_refused": (
        "{total} 个数据包中有 {refused} 个没有导入（原因见上），其余的已导入。",
        "{refused} of the {total} bundles were not imported (see above); the others were.",
    ),
    "import_erasures_more": ("……另有 {more} 户", "… and {more} more"),
    "import_conflicts_by_field": ("其中：{fields}。", "Of them: {fields}."),
    "import_conflicts_more": (
        "另有 {more} 处没有列出，dyz conflicts list 可以全部查看。",
        "{more} more are not listed here: dyz conflicts list shows them all.",
    ),
    "import_conflicts": (
        "发现 {conflicts}（两台电脑改了同一项），已暂按较新的修改显示。请用 dyz conflicts 查看并决定。",
        "Found {conflicts} (the same field changed on two laptops); the later change shows for now. See dyz conflicts.",
    ),
    "export_nothing_new": (
        "没有新的修改要导出：{peer}已经有了本机的全部内容，没有写文件。如果对方没收到上次的文件，请用 dyz export --all。",
        "Nothing new to export: {peer} already holds everything here, so no file was written. If the last file never arrived, use dyz export --all.",
    ),
    "export_nothing_new_plain": (
        "没有新的修改要导出：上次导出之后本机没有新内容，交换过的电脑也都有了，没有写文件。要给某台电脑补发，请用 dyz export --for 名称 或 --all。",
        "Nothing new to export: nothing has changed here since the last export that the laptops heard from lack, so no file was written. To send a laptop what it lacks, use dyz export --for NAME or --all.",
    ),
    "export_receipt_only": (
        "没有新的修改；写了一个只有回执的小文件 {path}：对方导入后就知道本机已收到它的数据，下次只发新的。",
        "Nothing new; {path} is a small receipt: once imported there, the other laptop knows its data arrived here and next time sends only what is new.",
    ),
    "export_peer_first_time": (
        "还没有收到过“{peer}”的数据包，不知道它已有什么，所以导出了全部。",
        "No bundle has come from “{peer}” yet, so what it holds is unknown: everything was exported.",
    ),
    "export_scoped": (
        "只含{scope}的住户和记录，以及全社区共用的名册、种类和议事会事项。",
        "It holds only the households and records of {scope}, with what the whole community shares (roster, kinds, council matters).",
    ),
    "peer_scope_set": (
        "以后给“{peer}”导出时只含{scope}。",
        "From now on, exports for “{peer}” hold only {scope}.",
    ),
    "peer_scope_cleared": (
        "以后给“{peer}”导出全部内容。",
        "From now on, exports for “{peer}” hold everything.",
    ),
    "import_own": (
        "{path} 是本机自己导出的数据包，不用导入，未作改动。",
        "{path} was exported by this laptop itself: nothing to import, nothing changed.",
    ),
    "import_scoped": (
        "这个数据包只含{scope}的内容；其余部分以后交换全部时还会补上。",
        "This bundle holds only {scope}; the rest will still come with a wider exchange.",
    ),
    "import_community_adopted": (
        "本机的社区设为“{community}”（来自数据包）。",
        "This laptop's community is now “{community}” (from the bundle).",
    ),
    "import_other_community": (
        "数据包 {path} 来自“{theirs}”，本机是“{ours}”的工作本，两个社区的数据不能合并。数据未作任何改动。",
        "The bundle {path} comes from “{theirs}”, and this is the notebook of “{ours}”: two communities cannot be merged. Nothing was changed.",
    ),
    "bundle_not_a_file": (
        "这不是一个普通文件（可能是文件夹或设备）",
        "it is not an ordinary file (a folder or a device?)",
    ),
    "bundle_utf16": (
        "文件被存成了 UTF-16（“Unicode”）格式；请用记事本“另存为”，编码选 UTF-8",
        "it was saved as UTF-16 (“Unicode”); open it in Notepad, Save As, and choose UTF-8",
    ),
    "bundle_too_big_to_walk": (
        "文件超过 {limit_mb} MB，而且被别的程序改过格式，读不了；请让对方用 dyz 重新导出（dyz 写的数据包多大都能读）",
        "it is over {limit_mb} MB and was reshaped by another program; ask for a new export from dyz (a bundle dyz writes can be any size)",
    ),
    "conflict_pick_side": (
        "“{field}”不能手工填写，请选 --keep mine（本机的）或 --keep theirs（对方的）。",
        "“{field}” cannot be typed in: choose --keep mine or --keep theirs.",
    ),
    "bundle_refused": (
        "数据包 {path} 不能导入{where}：{problem}。数据未作任何改动。",
        "The bundle {path} was refused{where}: {problem}. Nothing was changed.",
    ),
    "bundle_where_line": ("（第 {line} 行）", " (line {line})"),
    "bundle_unreadable": ("读不到这个文件", "the file cannot be read"),
    "bundle_newer": (
        "它来自更新版本的 dyz（格式 {version}，本程序只认识到 {supported}），请升级 dyz",
        "it was made by a newer dyz (version {version}; this one knows up to {supported}): upgrade dyz",
    ),
    "bundle_not_utf8": (
        "文件不是 UTF-8 文本，可能已损坏",
        "it is not UTF-8 text; it may be damaged",
    ),
    "bundle_nul": (
        "文件里有空字符（NUL），可能已损坏",
        "it holds a NUL character; it may be damaged",
    ),
    "bundle_not_yaml": (
        "不是有效的 YAML（{detail}），文件可能不完整或已损坏",
        "it is not valid YAML ({detail}); it may be cut short or damaged",
    ),
    "bundle_empty": ("文件是空的", "the file is empty"),
    "bundle_several_documents": ("文件里有多个 YAML 文档", "it holds several YAML documents"),
    "bundle_not_mapping": ("文件的最外层不是一个映射（键: 值）", "its top level is not a mapping"),
    "bundle_tag": (
        "含有 YAML 标签 {tag}，数据包里不允许",
        "it holds the YAML tag {tag}, which bundles never use",
    ),
    "bundle_alias": (
        "含有 YAML 锚点或别名（&、*），数据包里不允许",
        "it holds a YAML anchor or alias (& or *), which bundles never use",
    ),
    "bundle_too_deep": ("嵌套层数太深", "it is nested too deeply"),
    "bundle_duplicate_key": ("键“{key}”出现了两次", "the key “{key}” appears twice"),
    "bundle_bad_key": ("键“{key}”不合规", "the key “{key}” is not allowed"),
    "bundle_unknown_field": ("不认识的项“{key}”", "unknown field “{key}”"),
    "bundle_missing_field": ("缺少“{key}”", "“{key}” is missing"),
    "bundle_not_dyz": ("这不是 dyz 数据包", "it is not a dyz bundle"),
    "bundle_bad_header": ("文件头里的“{key}”不对", "the header's “{key}” is wrong"),
    "bundle_checksum": (
        "校验和不符：文件在复制或传送中被改动或截断了，请让对方重新导出",
        "the checksum does not match: the file was changed or cut short on the way; ask for a new export",
    ),
    "bundle_counts": (
        "条数不符（文件头说 {expected}，实际 {found}）",
        "the counts do not match (header {expected}, body {found})",
    ),
    "bundle_unknown_table": ("不认识的表“{table}”", "unknown table “{table}”"),
    "bundle_bad_record": (
        "记录格式不对（需要 table、id、changes）",
        "a record is malformed (table, id and changes needed)",
    ),
    "bundle_bad_change": ("修改记录格式不对（{detail}）", "a change is malformed ({detail})"),
    "bundle_bad_value": (
        "“{field}”的值不对（{detail}）",
        "the value of “{field}” is wrong ({detail})",
    ),
    "bundle_bad_signature": (
        "它自称来自“{name}”，签名却对不上：文件被人改过。请让对方重新导出一份",
        "it claims to come from “{name}”, but its signature does not match: the file was"
        " altered. Ask for a new export",
    ),
    "bundle_unsigned": (
        "它自称来自“{name}”，却没有签名，而“{name}”以前的数据包都有签名：可能是别人冒充。"
        "请向对方核实，让对方用新版 dyz 重新导出",
        "it claims to come from “{name}” but is not signed, and “{name}”'s bundles so far were:"
        " it may be someone passing for it. Check with them, and ask for a new export",
    ),
    "bundle_key_changed": (
        "它自称来自“{name}”，签名用的密钥（指纹 {theirs}）却不是本机记住的那把（指纹 {known}）："
        "可能是别人冒充。请打电话向对方核对指纹（对方运行 dyz init 可看到自己的指纹）",
        "it claims to come from “{name}”, but is signed with another key (fingerprint"
        " {theirs}) than the one this laptop knows (fingerprint {known}): it may be someone"
        " passing for it. Phone them and compare fingerprints (they see theirs in dyz init)",
    ),
    "bundle_office_list_forged": (
        "它带的“{office}”接纳名单签名对不上：名单被改过。请让对方重新导出",
        "the list of admitted laptops it carries for “{office}” does not match its signature: it"
        " was altered. Ask for a new export",
    ),
    "bundle_other_office": (
        "它带的是另一个社区办公室“{theirs}”（指纹 {their_fingerprint}）的名单，本机只认"
        "“{ours}”（指纹 {our_fingerprint}）。请向社区办公室核实",
        "it carries the list of another community office, “{theirs}” (fingerprint"
        " {their_fingerprint}); this laptop trusts only “{ours}” (fingerprint {our_fingerprint})."
        " Check with the community office",
    ),
    "bundle_not_member": (
        "“{name}”不在“{office}”接纳的电脑名单上。请它先把数据包交给社区办公室，接纳后再交换；"
        "如果刚接纳，先导入社区办公室最新的数据包",
        "“{name}” is not on the list of laptops “{office}” has admitted. It should first give"
        " a bundle to the community office; if it was admitted just now, import the office's"
        " latest bundle first",
    ),
    "bundle_sender_revoked": (
        "“{office}”已于{date}撤销了“{name}”，不再接受它的数据包",
        "“{office}” revoked “{name}” on {date}: its bundles are no longer accepted",
    ),
    "bundle_request_unsigned": (
        "“{name}”想加入本社区，但它的数据包没有签名：请那台电脑先升级 dyz，再导出一次",
        "“{name}” asks to join, but its bundle is not signed: update dyz on that laptop first,"
        " then export again",
    ),
    "bundle_member_unverified": (
        "“{name}”在“{office}”的名单上，但办公室还没有核对过它的指纹：请它先把数据包交给社区办公室核对",
        "“{name}” is on the list of “{office}”, but the office has not checked its fingerprint"
        " yet: it should first give a bundle to the community office",
    ),
    "bundle_request_key_differs": (
        "又一个自称“{name}”的入网请求，指纹（{theirs}）和先前那个（{first}）不一样：可能有人冒充。"
        "请打电话让对方念出指纹，用 dyz members admit {name} --fingerprint 念的指纹 接纳对的那个",
        "another request to join claiming “{name}”, with another fingerprint ({theirs}) than the"
        " first ({first}): someone may be passing for it. Phone them, and admit the right one"
        " with dyz members admit {name} --fingerprint WHAT-THEY-READ",
    ),
    "bundle_too_many_requests": (
        "已经有 {count} 个入网请求在等待：先处理它们（dyz members），再导入新的",
        "{count} requests to join are waiting already: deal with them (dyz members) first",
    ),
    "bundle_span_forged": (
        "里面“{device}”签过名的修改清单对不上它的签名：修改被改过、少了或多了。请让对方重新导出",
        "the list of changes “{device}” signed does not match its signature: changes were"
        " altered, left out or added. Ask for a new export",
    ),
    "bundle_unproven": (
        "里面有“{device}”的修改，却没有“{device}”的签名：可能是别人冒充它。"
        "请让转交的电脑先导入“{device}”最新的数据包，再重新导出",
        "it carries changes of “{device}” without the signature of “{device}”: someone may be"
        " passing for it. Ask the laptop that relayed them to import the latest bundle of"
        " “{device}” first, then export again",
    ),
    "bundle_change_by_stranger": (
        "里面有“{device}”做的修改，它不是社区办公室接纳的电脑：可能是别人冒充",
        "it carries changes made by “{device}”, which the community office has not admitted: it"
        " may be someone passing for a laptop",
    ),
    "bundle_change_after_revoked": (
        "里面有“{device}”在被社区办公室撤销（{date}）之后做的修改，不能接受",
        "it carries changes “{device}” made after the community office revoked it (on {date}),"
        " which are not accepted",
    ),
    "export_sealed": (
        "已加密：只有“{peer}”能打开这个文件，可以放心经微信或U盘转交。",
        "Encrypted: only “{peer}” can open this file; it may travel by WeChat or USB stick.",
    ),
    "export_no_key": (
        "注意：“{peer}”还没有发来过签名的数据包（可能是旧版 dyz），本机不知道它的密钥，"
        "文件没有加密，里面有居民的个人信息：请当面交给对方，不要发到群里。",
        "Note: “{peer}” has not sent a signed bundle yet (an earlier dyz?), so its key is not"
        " known and the file is not encrypted; it holds residents' personal data: hand it over"
        " in person, never post it to a group.",
    ),
    "export_plain_warning": (
        "注意：这个文件没有加密，里面有居民的个人信息（姓名、电话等），谁拿到都能看：请当面或用U盘交给对方，"
        "不要发到群里。要加密，请用 dyz export --for 对方电脑的名称。",
        "Note: this file is not encrypted and holds residents' personal data (names, phones…)"
        " that anyone holding it can read: hand it over in person or on a USB stick, never post"
        " it to a group. To encrypt it: dyz export --for THE-OTHER-LAPTOP.",
    ),
    "export_plain_asked": (
        "注意：按 --plain 没有加密，里面有居民的个人信息（姓名、电话等），谁拿到都能看：请当面或用U盘交给对方，"
        "不要发到群里。去掉 --plain 就会加密。",
        "Note: as --plain asked, this file is not encrypted, and it holds residents' personal"
        " data (names, phones…) that anyone holding it can read: hand it over in person or on a"
        " USB stick, never post it to a group. Leave out --plain to encrypt it.",
    ),
    "export_revoked": (
        "“{peer}”已被社区办公室撤销，不再给它导出数据。",
        "“{peer}” was revoked by the community office: nothing is exported for it any more.",
    ),
    "import_me_revoked": (
        "注意：社区办公室已经撤销了本机（“{me}”）：本机此后做的修改，其他电脑都不会接受。请联系社区办公室。",
        "Note: the community office has revoked this laptop (“{me}”): no other laptop accepts"
        " the changes it makes from now on. Please contact the community office.",
    ),
    "import_revoked_now": (
        "社区办公室的新名单撤销了：{names}。它们此后做的修改不再被接受。",
        "The office's new list revokes {names}: the changes they make from now on are not"
        " accepted.",
    ),
    "members_empty_known": (
        "名单上还没有电脑。本机以前和 {count} 台电脑交换过数据：可以用 dyz members admit --known 一次接纳它们",
        "No laptop on the list yet. This laptop exchanged with {count} laptops before: admit"
        " them all with dyz members admit --known.",
    ),
    "import_join_request": (
        "{path}：这是“{sender}”（指纹 {fingerprint}）请求加入本社区，没有导入任何内容。"
        "请打电话让对方念出它的指纹（对方运行 dyz init 可看到），运行"
        "  dyz members admit {sender} --fingerprint 念的指纹  ，再导入一次这个文件",
        "{path}: this is “{sender}” (fingerprint {fingerprint}) asking to join the community;"
        " nothing was imported. Phone them and have them read out their fingerprint (dyz init"
        " shows it), run  dyz members admit {sender} --fingerprint WHAT-THEY-READ  and import this"
        " file again",
    ),
    "import_office_trusted": (
        "本机从此认定“{office}”为社区办公室（指纹 {fingerprint}），只接受它接纳的电脑的数据包。"
        "请打电话向社区办公室核对这个指纹；不一致请立刻告诉社区办公室",
        "From now on this laptop trusts “{office}” as the community office (fingerprint"
        " {fingerprint}) and accepts bundles only from laptops it admitted. Phone the office to"
        " compare this fingerprint; if it differs, tell the office at once",
    ),
    "handover_no_office": (
        "本机没有加入社区办公室，没法确认办公室已收到数据，所以没有删除。",
        "This laptop has joined no office, so there is no office to confirm it holds the"
        " data; nothing was deleted.",
    ),
    "handover_is_office": (
        "这是社区办公室的电脑，不能交接给自己。",
        "This is the office's laptop: it cannot hand over to itself.",
    ),
    "handover_office_lacks": (
        "“{office}”还没有确认收到本机的 {count} 条修改，所以没有删除。请先 dyz export --for {office}，"
        "请办公室导入后再导出一份给本机，本机 dyz import 它，然后再运行 dyz handover。",
        "“{office}” has not yet confirmed {count} changes this laptop holds, so nothing was"
        " deleted. Export them (dyz export --for {office}), have the office import them and"
        " send a bundle back, import that here, then run dyz handover again.",
    ),
    "handover_needs_yes": (
        "交接会永久删除本机的工作本：请在终端里确认，或加上 --yes。",
        "A handover deletes this laptop's notebook for good: confirm at a terminal, or add --yes.",
    ),
    "handover_confirm": (
        "“{office}”已收到全部数据。现在永久删除本机的工作本吗？",
        "“{office}” holds everything. Delete this laptop's notebook for good now?",
    ),
    "handover_done": (
        "已交接：“{office}”保存着全部数据，本机的工作本 {path} 已清零并删除。谢谢您做单元长的这些日子。",
        "Handed over: “{office}” holds everything, and this laptop's notebook {path} was"
        " overwritten and deleted. Thank you for your time as unit head.",
    ),
    "handover_backup_left": (
        "别忘了：备份文件 {path}（以及导出过的数据包）里也有住户信息，请一并删掉或交给办公室。",
        "Remember: the backup {path} (and any bundles exported) hold personal data too:"
        " delete them or give them to the office.",
    ),
    "office_other_trusted": (
        "本机已经认定“{office}”为社区办公室，不能再做办公室",
        "This laptop already trusts “{office}” as the community office; it cannot be one itself.",
    ),
    "office_made": (
        "本机现在是社区办公室。单元长的电脑第一次交来的数据包是入网请求；"
        "核对指纹后用 dyz members admit 名称 接纳",
        "This laptop is now the community office. A unit head's first bundle is a request to"
        " join; compare fingerprints, then admit it with dyz members admit NAME.",
    ),
    "office_made_known": (
        "本机以前已经和 {count} 台电脑交换过数据，可以用 dyz members admit --known 一次接纳它们",
        "This laptop has exchanged with {count} laptops before: admit them all with"
        " dyz members admit --known.",
    ),
    "members_no_office": (
        "本机还没有社区办公室：办公室的电脑用 dyz init --office 设立；"
        "单元长的电脑导入办公室的数据包后就认定它",
        "No community office yet: the office's laptop runs dyz init --office; a unit head's"
        " laptop trusts the office once it imports one of the office's bundles.",
    ),
    "members_office_only": (
        "只有社区办公室（{office}）的电脑能接纳或撤销电脑",
        "Only the community office's laptop ({office}) admits or revokes laptops.",
    ),
    "members_known_none": (
        "没有需要接纳的电脑：交换过的电脑都已在名单上",
        "No laptop to admit: every laptop heard from is on the list.",
    ),
    "members_known_listed": (
        "以下 {count} 台电脑以前交换过数据，将一起接纳：",
        "These {count} laptops exchanged with this one before and will be admitted:",
    ),
    "members_admit_whom": (
        "请写出要接纳的电脑，如 dyz members admit 2-2单元长；或用 --known 接纳以前交换过的全部电脑",
        "Name the laptop to admit, e.g. dyz members admit NAME; or --known for every laptop"
        " heard from before.",
    ),
    "members_revoke_confirm": (
        "撤销“{peer}”后，它做的修改在所有电脑上都不再被接受。确定吗？",
        "Once “{peer}” is revoked, no laptop accepts the changes it makes. Revoke it?",
    ),
    "members_need_fingerprint": (
        "接纳前要核对指纹：请加上 --fingerprint 对方电话里念的指纹（在终端里运行会先问您）",
        "Compare the fingerprint before admitting: add --fingerprint WHAT-THEY-READ (in a"
        " terminal it asks you first)",
    ),
    "members_need_yes": (
        "这一步要您确认：在终端里运行会先问您；不在终端时请加上 --yes",
        "This step needs your confirmation: in a terminal it asks you; otherwise add --yes",
    ),
    "members_admit_confirm": (
        "“{name}”的指纹是 {fp}。和对方电话里念的一样吗？一样才接纳",
        "The fingerprint of “{name}” is {fp}. Is it what they read out over the phone? Admit"
        " only if it is",
    ),
    "members_admit_confirm_nokey": (
        "“{name}”用的是旧版 dyz，没有指纹可核对。确定接纳吗？",
        "“{name}” runs an earlier dyz and has no fingerprint to compare. Admit it all the same?",
    ),
    "members_known_confirm": ("核对无误，全部接纳吗？", "Admit them all?"),
    "members_known_done": ("已接纳 {count} 台电脑。", "Admitted {count} laptops."),
    "members_heading": (
        "社区办公室：{office}（指纹 {fingerprint}）",
        "Community office: {office} (fingerprint {fingerprint})",
    ),
    "bundle_not_for_me": (
        "这个数据包是发给“{name}”的，本机打不开。请把它交给“{name}”；"
        "要给本机的，请对方用 dyz export --for {me} 重新导出",
        "this bundle is for “{name}”: this laptop cannot open it. Give it to “{name}”; for a"
        " bundle for this laptop, ask the sender to export again with dyz export --for {me}",
    ),
    "bundle_sealed_not_mine_key": (
        "它是加密给本机的，却不是用本机现在的密钥加密的，本机打不开。请对方导入本机最新的数据包后"
        "重新导出；本机的工作本一切正常，不要删除或重建",
        "it is encrypted for this laptop, but not to this laptop's present key, so it cannot be"
        " opened. Ask the sender to import this laptop's latest bundle and export again; this"
        " notebook is fine: do not delete or rebuild it",
    ),
    "bundle_sealed_damaged": (
        "加密的内容被改动或损坏了（可能是传输时出了错），打不开。请对方重新发送一次；"
        "本机的工作本一切正常，不要删除或重建",
        "its encrypted content was altered or damaged (perhaps on the way), so it cannot be"
        " opened. Ask for the file again; this notebook is fine: do not delete or rebuild it",
    ),
    "bundle_sealed_truncated": (
        "加密的文件不完整（只传了一部分），打不开。请对方重新发送一次完整的文件；"
        "本机的工作本一切正常，不要删除或重建",
        "the encrypted file is incomplete (only part of it arrived), so it cannot be opened. Ask"
        " for the whole file again; this notebook is fine: do not delete or rebuild it",
    ),
    "bundle_claims_me": (
        "里面有 {count} 条修改自称是本机（{name}）做的，本机却没有：是别处冒充本机写的",
        "{count} of its changes claim to be made by this laptop ({name}), which has no such"
        " change: they were written elsewhere, passing for this laptop",
    ),
    "bundle_incomplete": (
        "一条新的{record}记录缺少{fields}，用命令登记的记录不会这样",
        "a new {record} lacks its {fields}, which its command always records",
    ),
    "bundle_clock_ahead": (
        "里面的修改是“{device}”在 {date} 做的，比本机的时钟快了一天以上：那台电脑的日期不对。"
        "请把那台电脑的日期和时间改正（日期本来就对的话，在那台电脑上运行 dyz doctor --repair），"
        "在那台电脑上重新导出，再导入新的数据包",
        "its changes were made by “{device}” on {date}, more than a day ahead of this laptop's"
        " clock: that laptop's date is wrong. Set its date and time right (if the date is right,"
        " run dyz doctor --repair on it), export again on it, and import the new bundle",
    ),
    "bundle_bad_id": (
        "修改的编号与内容不符：内容被改动过",
        "a change's id does not match its content: it was altered",
    ),
    "bundle_unknown_reference": (
        "所指的{table} {ref}… 在本机和数据包里都没有",
        "the {table} {ref}… it names is neither here nor in the bundle",
    ),
    "conflict_line": (
        "  {what}的{field}：{values}（编号 {id}）",
        "  {field} of {what}: {values} (id {id})",
    ),
    "conflict_not_found": (
        "找不到编号以 {id} 开头的冲突，见 dyz conflicts。",
        "No conflict id starts with {id}; see dyz conflicts.",
    ),
    "conflict_keep_value": (
        "冲突 {id} 的两边不是“本机”和“对方”各一个，请直接写要保留的值：--keep 值",
        "Conflict {id} is not one value from this laptop and one from another: give the value to keep, --keep VALUE",
    ),
    "conflict_bad_value": (
        "“{field}”不能是这个值（{detail}）。",
        "That value will not do for “{field}” ({detail}).",
    ),
    "conflict_resolved": (
        "已决定：{what}的{field}为“{value}”。这个决定会随下一个数据包传到别的电脑。",
        "Settled: {field} of {what} is “{value}”. The decision travels with the next bundle.",
    ),
    "conflict_how": (
        "决定保留哪一个：dyz conflicts resolve {id} --keep mine（本机的）| theirs（对方的）| 值",
        "To settle: dyz conflicts resolve {id} --keep mine | theirs | VALUE",
    ),
    # -- issue 34, slice "files": PyYAML without libyaml ----------------------------------------
    "import_yaml_without_libyaml": (
        "注意：PyYAML 没有装 C 扩展（libyaml），数据包用较慢的纯 Python 方式读取。",
        "Note: PyYAML has no C extension (libyaml) here; bundles are read by its slower pure-Python reader.",
    ),
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "export_peer_unknown": (
        "没有听说过“{peer}”这台电脑（没收到过它的数据包，社区办公室的名单上也没有），没有写文件：不加密的文件谁都能看。已知的电脑：{known}。",
        "No laptop called “{peer}” is known here (no bundle came from it, and it is not on the"
        " office's list), so no file was written: an unencrypted one would be readable by"
        " anyone. Known laptops: {known}.",
    ),
    "export_peer_unknown_office": (
        "没有听说过“{peer}”这台电脑，没有写文件。本机的社区办公室叫“{office}”：给它请用 dyz export --for 社区办公室。已知的电脑：{known}。",
        "No laptop called “{peer}” is known here, so no file was written. This laptop's office"
        " is “{office}”: for it, use dyz export --for office. Known laptops: {known}.",
    ),
    "export_no_office_yet": (
        "本机还没有加入社区办公室，不知道“{peer}”的密钥，没法加密，没有写文件。请先运行 dyz export -o 入网请求.yaml，"
        "把文件交给社区办公室并打电话念本机的密钥指纹；办公室接纳本机、本机导入它发来的数据包之后，就能用 --for 社区办公室 了。",
        "This laptop has joined no office yet, so the key of “{peer}” is not known and nothing"
        " could be encrypted: no file was written. First run dyz export -o request.yaml, hand"
        " the file to the community office and read this laptop's key fingerprint to them on"
        " the phone; once the office has admitted this laptop and its bundle is imported here,"
        " --for office works.",
    ),
    "export_plain_refused": (
        "这个数据包里有居民的个人信息（姓名、电话等），又没有加密，所以没有写文件。要加密，请用 dyz export --for 对方电脑的名称；"
        "确实要写一个谁都能看的文件（当面或用U盘交给对方），请加 --plain；不要个人信息，请加 --redact。",
        "This bundle would hold residents' personal data (names, phones…) unencrypted, so no"
        " file was written. To encrypt it, use dyz export --for THE-OTHER-LAPTOP; to write a"
        " file anyone can read (hand it over in person or on a USB stick), add --plain; to"
        " leave personal data out, add --redact.",
    ),
    "export_no_key_refused": (
        "“{peer}”还没有发来过签名的数据包（可能是旧版 dyz），本机不知道它的密钥，没法加密；数据包里有居民的个人信息，所以没有写文件。"
        "确实要写一个谁都能看的文件（当面交给对方），请加 --plain；不要个人信息，请加 --redact。",
        "“{peer}” has not sent a signed bundle yet (an earlier dyz?), so its key is not known"
        " and the bundle could not be encrypted; it would hold residents' personal data, so no"
        " file was written. To write a file anyone can read (hand it over in person), add"
        " --plain; to leave personal data out, add --redact.",
    ),
    "export_join_request": (
        "本机还没有加入社区办公室，也没有要导出的内容：写了入网请求 {path}（本机的密钥、名称和社区）。"
        "请交给社区办公室，并打电话念本机的密钥指纹 {fingerprint}，对方核对后接纳本机。",
        "This laptop has joined no office and has nothing to export: {path} is a request to"
        " join (this laptop's key, name and community). Hand it to the community office and"
        " read this laptop's key fingerprint {fingerprint} to them on the phone, so that they"
        " can check it and admit this laptop.",
    ),
    "bundle_name_taken": (
        "数据包自称来自“{claimed}”，但这个名称属于本机认识的另一台电脑（发出它的是“{sender}”）。"
        "一台电脑不能用别的电脑的名称；如果是新电脑，请对方换个名称（dyz init --device-name 新名称）再导出",
        "the bundle claims to come from “{claimed}”, a name another laptop known here holds (it"
        " was sent by “{sender}”). No laptop may go by another's name; if it is a new laptop,"
        " it should take another name (dyz init --device-name NEW-NAME) and export again",
    ),
    # -- erase (issue 34): erasure limits that cannot be split ------------------------------------
    "import_erasures_held": (
        "“{laptop}”在 {days} 天内要本机删除的住户超过了 {unseen} 户，下面 {count} 户的删除暂缓执行："
        "这些户和居民信息仍留在本机，数据包里的其他内容已导入。请先向“{laptop}”核实；确认无误后运行："
        "dyz import {path} --accept-erasures",
        "“{laptop}” erases more than {unseen} households here within {days} days: the erasure of"
        " the {count} below is held. They stay here with their residents; the rest of the bundle"
        " was imported. Check with “{laptop}” first; if it is right, run:"
        " dyz import {path} --accept-erasures",
    ),
    "import_erasures_would_hold": (
        "导入时，“{laptop}”要删除的下面 {count} 户会暂缓执行（{days} 天内超过了 {unseen} 户），"
        "要加 --accept-erasures 才会执行：",
        "An import would hold the erasure of the {count} households below by “{laptop}” (more"
        " than {unseen} within {days} days) unless given --accept-erasures:",
    ),
    "import_erasures_accepted": (
        "已执行 {path} 里暂缓的 {count} 户删除，这些户和居民信息已抹去：",
        "Applied the {count} erasures held from {path}; these households and their residents'"
        " data are erased:",
    ),
    "members_erasures_held": (
        "有 {count} 户的删除暂缓执行，等人核实（一台电脑 {days} 天内最多直接删除 {unseen} 户）：",
        "{count} households' erasures are held for a person to check (a laptop erases at most"
        " {unseen} within {days} days unseen):",
    ),
    "members_erasure_held": (
        "“{laptop}”要删除：{flats}；核实后运行 dyz import {file} --accept-erasures",
        "“{laptop}” erases: {flats}; once checked, run dyz import {file} --accept-erasures",
    ),
    # -- h-revoke: revocation that travels and cannot be rolled back -----------------------------
    "bundle_refused_list_kept": (
        "数据包 {path} 不能导入{where}：{problem}。只记下了它带来的社区办公室新名单（撤销了：{names}），其余数据未作任何改动。",
        "The bundle {path} was refused{where}: {problem}. Only the office's newer list it carried"
        " was kept (it revokes {names}); nothing else was changed.",
    ),
    "export_list_only": (
        "没有新的修改；写了一个只带社区办公室最新名单的小文件 {path}：对方导入后就知道名单的变化（比如撤销了哪台电脑）。",
        "Nothing new but the office's newest list; {path} is a small file carrying it: once"
        " imported there, the other laptop knows what changed (a laptop revoked, say).",
    ),
}
