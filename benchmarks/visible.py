"""What making echoed values visible costs: messages, tables and a district's list printed whole.

    python benchmarks/visible.py [--rounds 7] [--quick]

Each line prints the median of the filtered work, of the same work unfiltered, and their ratio:

- a message with three parameters, as `t()` formats it, against `t()` as it was before;
- a 20,000-row table as `text_table` draws it, against the same rows with no filter (the
  filter itself, run on the rows, is timed: the drawing is the same either way);
- a 5 MB walk list passed through `visible` at a terminal, clean and with a control in each
  line, against writing it as it is.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from danyuanzhang.text.catalogue import all_messages
from danyuanzhang.text.i18n import lang, set_lang, t
from danyuanzhang.text.render import text_table
from danyuanzhang.text.visible import visible

ROWS = [
    ["2-2-301", "新芙蓉之都", "刘桂英 王建国", "独居老人，每 7 天；逾期 3 天", "没见到"]
] * 20_000
EVERY_MESSAGE = all_messages()
LIST = "2-2-301  新芙蓉之都  刘桂英 138****5678  独居老人，每 7 天；逾期 3 天\n" * 70_000


def median(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    set_lang("zh")

    def messages() -> None:
        for _ in range(100_000):
            t("household_added", estate="新芙蓉之都", ref="2-2-301", id="ddd162aa")

    def formatted() -> None:  # t() as it was before the filter
        for _ in range(100_000):
            pair = EVERY_MESSAGE["household_added"]
            (pair[0] if lang() == "zh" else pair[1]).format(
                estate="新芙蓉之都", ref="2-2-301", id="ddd162aa"
            )

    def filter_rows() -> None:
        [row if all(map(str.isprintable, row)) else row for row in ROWS]

    table = median(lambda: text_table(["房号", "小区", "居民", "原因", "上次"], ROWS, 120), rounds)
    dirty = LIST.replace("刘", "\x1b")
    lines = [
        ("100,000 messages", median(messages, rounds), median(formatted, rounds)),
        ("table of 20,000 rows", table, table - median(filter_rows, rounds)),
        ("5 MB list, clean", median(lambda: visible(LIST, lines=True), rounds), 0.0),
        ("5 MB list, a control a line", median(lambda: visible(dirty, lines=True), rounds), 0.0),
    ]
    for name, filtered, unfiltered in lines:
        ratio = f"{filtered / unfiltered:5.2f}x" if unfiltered else "   —  "
        print(
            f"{name:30} {filtered * 1000:8.1f} ms  unfiltered {unfiltered * 1000:8.1f} ms  {ratio}"
        )


if __name__ == "__main__":
    main()
