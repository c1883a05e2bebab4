#!/usr/bin/env bash
# Rebuilds tests/data/v6-duplicates.db: a notebook made by dyz at schema 6 (commit f47acc4),
# before households were one per flat. One roll imported on two laptops, one laptop corrects a
# phone, both record visits, a petition and a hazard, then one imports the other's bundle: every
# flat twice. Run from the repository root: tests/data/make-v6-duplicates.sh
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
git worktree add -q --detach "$work/src" f47acc4
trap 'git -C "$root" worktree remove --force "$work/src"; rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q -e "$work/src" 2>/dev/null
dyz() { "$work/venv/bin/dyz" "$@"; }
cd "$work"
printf '%s\n' "小区,楼栋,单元,房号,姓名,电话,出生年份,标记" \
  "新芙蓉之都,2,2,301,刘桂英,18671013936,1941,独居老人" \
  "新芙蓉之都,2,2,302,王建国,13900001111,1950," \
  "新芙蓉之都,2,2,302,李秀兰,,1952," >roll.csv
for who in a b; do
  dyz --db $who.db init --community 芙蓉南路社区 --device-name "laptop-$who" >/dev/null 2>&1
  dyz --db $who.db household import roll.csv >/dev/null 2>&1
done
id=$(dyz --db a.db household show 2-2-301 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["residents"][0]["id"])')
dyz --db a.db resident edit "$id" --phone 13800002222 >/dev/null 2>&1
dyz --db a.db visit add 2-2-301 --on 2026-11-20 --wellbeing well >/dev/null 2>&1
dyz --db b.db visit add 2-2-302 --on 2026-11-21 --need "维修:楼道灯坏了" >/dev/null 2>&1
dyz --db b.db petition add 2-2-301 --category 停车 --text 楼下乱停车 --on 2026-11-22 >/dev/null 2>&1
dyz --db b.db hazard add --kind 飞线充电 --where "2-2 3楼窗外" --household 2-2-302 --days 3 --on 2026-11-22 >/dev/null 2>&1
dyz --db b.db export --all -o b.yaml >/dev/null 2>&1
dyz --db a.db import b.yaml >/dev/null 2>&1
cp a.db "$root/tests/data/v6-duplicates.db"
