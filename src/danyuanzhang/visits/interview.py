"""`dyz visit`: the door-knocking interview. It asks what a unit head would write in the
notebook standing at the door, one question at a time, skipping what does not apply, and keeps
every answer as a draft the moment it is given. Nothing is written to the records until the
summary is confirmed; then all of it is written at once (`visits.record_visit`).

Tests drive it through prompt_toolkit's pipe input: `run_interview(store, asker=Asker(inp,
DummyOutput()))`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from prompt_toolkit.completion import Completer

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store, drafts
from danyuanzhang.store import registry as reg
from danyuanzhang.text.i18n import pick, t
from danyuanzhang.visits.doorstep import record_visit
from danyuanzhang.visits.plan import Arrival, Need, VisitPlan

STEPS = (
    "household",
    "outcome",
    "introduced",
    "residents",
    "met",
    "needs",
    "safety",
    "anti_fraud",
    "care",
    "note",
)
# the parts of the plan each step answers: what is forgotten when a step no longer applies
STEP_FIELDS = {
    "introduced": ("introduced",),
    "residents": ("moved_in", "moved_out", "flags"),
    "met": ("met",),
    "needs": ("needs",),
    "safety": ("hazards", "common_hazards"),
    "anti_fraud": ("anti_fraud_app", "briefed", "wellbeing", "help_needed"),
    "care": ("checks", "referral"),
    "note": ("note",),
}
Hazard = tuple[str, str, bool]  # (kind, note, whether this household is to fix it)


class Asker:
    """Asks questions with questionary. `input`/`output` are prompt_toolkit's, for tests;
    `echo` prints what is only shown (the residents on record, the summary)."""

    def __init__(
        self,
        input: Any = None,
        output: Any = None,
        echo: Callable[[str], None] | None = None,
    ) -> None:
        self.io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self.echo = echo or _print

    def text(
        self, message: str, default: str = "", check: Callable[[str], Any] | None = None
    ) -> str:
        """An answer; one that `check` refuses is said right under it (not on the bottom
        line, far from the eyes) and asked again with the text as typed, to be corrected."""
        import questionary

        answer = default
        while True:
            answer = str(questionary.text(message, default=answer, **self.io).unsafe_ask())
            problem = _problem(check, answer)
            if problem is None:
                return answer
            self.echo(t("iv_problem", problem=problem))

    def confirm(self, message: str, default: bool | None = None) -> bool:
        """是 or 否, always in that order, answered at once by 是, 否, y, n, 1 or 2 as well
        as by the arrows and Enter. Without `default` (a question about a fact) the pointer
        starts on "please choose", so that a habitual Enter records neither; `default` puts
        it on an answer: the safe side of an action, or the answer being changed."""
        answers = [(t("yes"), True), (t("no"), False)]
        keys = {key: 0 for key in "是yY"} | {key: 1 for key in "否nN"}
        return bool(
            self.select(
                message,
                answers,
                numbered=True,
                none_chosen=default is None,
                keys=keys,
                instruction=t("iv_keys_yes_no"),
                default=None if default is None else 1 - default,
            )
        )

    def checkbox(self, message: str, choices: list[tuple[str, Any]], ticked: set[Any]) -> list[Any]:
        """Some of the choices, those in `ticked` ticked to begin with; at least one."""
        import questionary

        labelled = [
            questionary.Choice(title, value=n, checked=value in ticked)
            for n, (title, value) in enumerate(choices)
        ]
        question = questionary.checkbox(
            message,
            choices=labelled,
            instruction=t("iv_keys_checkbox"),
            validate=lambda chosen: bool(chosen) or t("iv_tick_one"),
            **self.io,
        )
        # questionary would leave "done (2 selections)" in English: the names are said instead
        question.application.erase_when_done = True
        picked = sorted(question.unsafe_ask())
        self.echo(f"? {message} {'、'.join(choices[n][0] for n in picked)}")
        return [choices[n][1] for n in picked]

    def select(
        self,
        message: str,
        choices: list[tuple[str, Any]],
        numbered: bool = False,
        none_chosen: bool = False,
        keys: dict[str, int] | None = None,
        instruction: str | None = None,
        default: int | None = None,
        back: str | None = None,
    ) -> Any:
        """One of the choices; `numbered` lets a digit key choose and answer at once, and
        `keys` other keys (是 for yes). With `none_chosen` the pointer starts on "please
        choose", which only asks again, so that a habitual Enter files nothing under the
        first choice; `default` (an index) puts it on the answer being changed instead.
        `back` (返回, 退出) is a last choice numbered 0, also answered by q and Esc: it gives
        None. A digit answers at once, so a list of more than nine is not numbered: 1 would
        take the first before 10 could be typed."""
        import questionary

        numbered = numbered and len(choices) <= 9
        labelled = [
            questionary.Choice(f"{i}. {title}" if numbered else title, value=i - 1)
            for i, (title, _) in enumerate(choices, start=1)
        ]
        going_back = len(choices)
        if back is not None:
            labelled.append(questionary.Choice(f"0. {back}" if numbered else back, going_back))
        if none_chosen:
            labelled.insert(0, questionary.Choice(t("iv_choose_one"), value=-1))
        if instruction is None and back is not None:
            instruction = t("iv_keys_back" if numbered else "iv_keys_back_unnumbered", back=back)
        question = questionary.select(
            message,
            choices=labelled,
            instruction=instruction or t("iv_keys_numbered" if numbered else "iv_keys"),
            default=None if default is None else labelled[default + none_chosen],
            **self.io,
        )
        pressed: list[int] = []
        answering = dict(keys or {})
        if numbered:
            answering |= {str(i + 1): i for i in range(len(choices))}
        if back is not None:
            answering |= {"0": going_back, "q": going_back, "Q": going_back}
        bindings: Any = question.application.key_bindings
        for key, index in answering.items():
            bindings.add(key, eager=True)(_answer_with(index, pressed))
        if back is not None:  # not eager: an arrow key's code begins with Esc too
            bindings.add("escape")(_answer_with(going_back, pressed))
        index = question.unsafe_ask()
        if index == -1:
            self.echo(f"  {t('iv_choose_one_again')}")
            return self.select(
                message, choices, numbered, none_chosen, keys, instruction, default, back
            )
        if index == going_back:
            if pressed:
                self.echo(f"  » {back}")
            return None
        if pressed:  # questionary shows the answer only when Enter gave it
            self.echo(f"  » {choices[index][0]}")
        return choices[index][1]

    def household(self, message: str, completer: Any) -> str:
        import questionary

        while True:
            typed = str(
                questionary.autocomplete(
                    message, choices=[], completer=completer, **self.io
                ).unsafe_ask()
            )
            if typed.strip():
                return typed
            self.echo(t("iv_problem", problem=t("iv_type_something")))


def _in_unit(unit: str | None, typed: str) -> str:
    """The new flat's reference begun for the user: 2-2- and the room if one was typed."""
    if unit is None:
        return ""
    return f"{unit}-{typed}" if typed.isdigit() else f"{unit}-"


def _position(choices: list[tuple[str, Any]], value: Any) -> int | None:
    """Where the answer being changed stands among the choices, for the pointer to start on."""
    return next((n for n, (_, v) in enumerate(choices) if v == value), None)


def _answer_with(index: int, pressed: list[int]) -> Callable[[Any], None]:
    def answer(event: Any) -> None:
        pressed.append(index)
        event.app.exit(result=index)

    return answer


def _problem(check: Callable[[str], Any] | None, text: str) -> str | None:
    """What is wrong with an answer, or None."""
    if check is None:
        return None
    try:
        check(text)
    except DyzError as error:
        return error.message()
    return None


def _print(text: str) -> None:
    from danyuanzhang.text.visible import visible
    from danyuanzhang.text.width import for_the_screen

    sys.stdout.write(for_the_screen(visible(text, lines=True), sys.stdout) + "\n")
    sys.stdout.flush()


class HouseholdCompleter(Completer):
    """Offers the households that match what has been typed so far, on every keystroke;
    `ordered` puts them in the order offered (the laptop's own unit first)."""

    def __init__(self, index: Any, ordered: Callable[[list[Any], str], list[Any]]) -> None:
        self.index = index
        self.ordered = ordered

    def get_completions(self, document: Any, _complete_event: Any) -> Any:
        from prompt_toolkit.completion import Completion

        typed = document.text_before_cursor
        for household in self.ordered(self.index.match(typed), typed):
            yield Completion(
                household.label,
                start_position=-len(typed),
                display=household.label,
                display_meta=household.estate,
            )


class Interview:
    def __init__(self, store: Store, asker: Asker, plan: VisitPlan, done: list[str]) -> None:
        self.store = store
        self.ask = asker
        self.plan = plan
        self.done = done
        self.unit_for_new: str | None = None
        self.met_among: list[str] | None = None  # whom "who was met?" chose among
        # the answers of a need or hazard not finished yet: kept with the draft like the rest
        self.pending: dict[str, dict[str, Any]] = {}

    # -- keeping the draft ------------------------------------------------------------------

    def keep(self) -> None:
        drafts.save(
            self.store,
            {
                "plan": self.plan.to_json(),
                "done": self.done,
                "pending": self.pending,
                "saved": datetime.now().isoformat(timespec="seconds"),
            },
        )

    def _answer(self, part: str | None, key: str, ask: Callable[[], Any]) -> Any:
        """One answer of a need or hazard: asked once, and kept the moment it is given, so a
        closed window loses none of it. `part` None is an answer being changed, not kept
        apart (the draft still holds the one it changes)."""
        if part is None:
            return ask()
        answers = self.pending.setdefault(part, {})
        if key not in answers:
            answers[key] = ask()
            self.keep()
        return answers[key]

    def _added(self, items: list[Any], item: Any, same: str) -> None:
        """An item added to a list of the plan, unless it is there already: the same need
        said twice (a resume, a habit) is recorded once."""
        if item in items:
            self.ask.echo(t(same))
        else:
            items.append(item)
        self.keep()

    def finish_step(self, step: str) -> None:
        self.done.append(step)
        self.keep()

    # -- what the steps need ----------------------------------------------------------------

    def home(self) -> Any:
        if self.plan.new_household:
            return None
        from danyuanzhang.households.registry import find_household

        return find_household(self.store, self.plan.household, self.plan.estate)

    def residents(self) -> list[Any]:
        return _residents(self.store, self.plan)

    def staying_names(self) -> list[str]:
        return _staying_names(self.store, self.plan)

    def cared_for_names(self) -> list[str]:
        """Those staying whom the care ledger follows by flag or risk level: their wellbeing
        and the areas a care visit checks are asked."""
        from danyuanzhang.visits.doorstep import cared_for

        staying = self.staying_names()
        marked: dict[str, set[str]] = {}
        for name, flag in self.plan.flags:
            marked.setdefault(name, set()).add(flag)
        risks = {r["name"]: r["risk"] for r in self.residents()}
        flags = {r["name"]: set(reg.flags_of(self.store, r["id"])) for r in self.residents()}
        return [
            name
            for name in staying
            if cared_for(flags.get(name, set()) | marked.get(name, set()), risks.get(name))
        ]

    def someone_cared_for(self) -> bool:
        return bool(self.cared_for_names())

    # -- the steps --------------------------------------------------------------------------

    def step_household(self) -> None:
        from danyuanzhang.households.matching import HouseholdIndex, as_ref_text

        index = HouseholdIndex.build(self.store)
        completer = HouseholdCompleter(index, self._own_first)
        while True:
            typed = self.ask.household(t("iv_which_household"), completer)
            matches = self._own_first(index.match(typed), typed)
            exact = index.by_label.get(typed.strip())
            if exact is not None:
                matches = [exact]
            choices: list[tuple[str, Any]] = [(h.label, h) for h in matches]
            as_ref = as_ref_text(typed)
            if len(matches) == 1:  # one household answers to it: taken, and said
                chosen: Any = matches[0]
                if exact is None and matches[0].ref != as_ref:
                    self.ask.echo(f"  » {matches[0].label}")
            else:
                # a name that matched nothing may be one character off: those first, and a
                # new household is offered first only for what reads as a flat
                near = [] if matches else index.near(typed, self._working_unit())
                if near:
                    self.ask.echo(t("iv_near_match", typed=typed.strip()))
                    choices = [(h.label, h) for h in near]
                elif not matches:
                    self.ask.echo(t("iv_no_match", typed=typed.strip()))
                new = (t("iv_new_household"), "new")
                again = (t("iv_search_again"), "again")
                flat = as_ref is not None or typed.strip().isdigit()
                choices += [new, again] if flat and not near else [again, new]
                chosen = self.ask.select(t("iv_pick_household"), choices)
                if chosen == "again":
                    continue
            if chosen == "new":
                self.plan.estate = self.plan.estate or self._estate_for_new()
                # read once here, not again on every keystroke the validation sees
                unit = self.unit_for_new = self._working_unit()
                self.plan.household = self._full_ref(
                    self.ask.text(
                        t("iv_new_ref"),
                        default=as_ref or _in_unit(unit, typed.strip()),
                        check=self._check_new_ref,
                    )
                )
                self.plan.new_household = True
            else:
                self.plan.household = chosen.id
                self.plan.estate = None
                self.plan.new_household = False
            return

    def _estate_for_new(self) -> str:
        """The estate of a flat registered at the door: the only one, or the one picked."""
        from danyuanzhang.text.inputs import parse_name

        known = reg.estates(self.store)
        if len(known) == 1:
            return known[0]
        if known:
            return str(self.ask.select(t("iv_which_estate"), [(e, e) for e in known]))
        return parse_name(self.ask.text(t("iv_new_estate"), check=parse_name))

    def _own_first(self, matches: list[Any], typed: str) -> list[Any]:
        """The flats of the unit this laptop looks after first; a room number alone (602)
        that is one flat there is that flat, not one of six across the estate."""
        from danyuanzhang.households.scopes import ours_first

        def where(household: Any) -> dict[str, str]:
            building, unit, _ = household.ref.split("-", 2)
            return {"estate": household.estate, "building": building, "unit": unit}

        own, others = ours_first(self.store, matches, where)
        if len(own) == 1 and typed.strip().rstrip("室号").isdigit():
            return own
        return own + others

    def _working_unit(self) -> str | None:
        """The unit a new flat is most likely in: the unit this laptop looks after, else the
        notebook's only unit."""
        from danyuanzhang.households.scopes import territory
        from danyuanzhang.store import patrols as q

        home = territory(self.store)
        if home is not None and home.kind == "unit":
            return home.name

        units = q.units(self.store, reg.estates(self.store))
        return f"{units[0]['building']}-{units[0]['unit']}" if len(units) == 1 else None

    def _full_ref(self, text: str) -> str:
        """ "502" in the notebook's only unit is that unit's 502."""
        unit = self.unit_for_new
        cleaned = text.strip()
        return f"{unit}-{cleaned}" if unit and cleaned.isdigit() else cleaned

    def _check_new_ref(self, text: str) -> None:
        from danyuanzhang.households.scopes import choose_estate
        from danyuanzhang.text.inputs import parse_ref

        ref = parse_ref(self._full_ref(text))
        estate = choose_estate(self.store, self.plan.estate, for_new=True)
        if reg.household_at(self.store, estate, ref.building, ref.unit, ref.room) is not None:
            raise DyzError("household_exists", ref=str(ref), estate=estate)

    def step_outcome(self) -> None:
        from danyuanzhang.text.vocab import VISIT_OUTCOMES

        choices = [(pick(zh, en), code) for code, (zh, en) in VISIT_OUTCOMES.items()]
        self.plan.outcome = self.ask.select(
            t("iv_how_did_it_go"), choices, numbered=True, none_chosen=True
        )

    def step_introduced(self) -> None:
        home = self.home()
        from danyuanzhang.store.visits import visits_of

        if home is not None and any(
            v["outcome"] == "met" for v in visits_of(self.store, [home["id"]])
        ):
            return  # the first visit only
        self.plan.introduced = self.ask.confirm(t("iv_introduced"))

    def step_residents(self) -> None:
        from danyuanzhang.households.flags import known_flags, label
        from danyuanzhang.text.inputs import parse_name, parse_phone
        from danyuanzhang.text.phones import mask_phone

        flags = known_flags(self.store)
        present = self.residents()
        if present:
            self.ask.echo(t("iv_on_record"))
            for r in present:
                marks = "、".join(label(f, flags) for f in reg.flags_of(self.store, r["id"]))
                self.ask.echo(f"  · {r['name']} {mask_phone(r['phone'])} {marks}".rstrip())
        else:
            self.ask.echo(t("iv_nobody_on_record"))
        while True:
            what = self.ask.select(
                t("iv_residents_changed"),
                [
                    (t("iv_no_change"), "done"),
                    (t("iv_moved_in"), "in"),
                    (t("iv_moved_out"), "out"),
                    (t("iv_set_flag"), "flag"),
                ],
                numbered=True,
                none_chosen=True,
            )
            if what == "done":
                return
            if what == "in":
                name = self.ask.text(t("iv_new_name"), check=parse_name).strip()
                phone = self.ask.text(
                    t("iv_new_phone"), check=lambda p: p.strip() and parse_phone(p)
                ).strip()
                self.plan.moved_in.append(Arrival(name, phone or None))
            elif what == "out":
                staying = [
                    n for n in self.staying_names() if n not in {a.name for a in self.plan.moved_in}
                ]
                if not staying:
                    self.ask.echo(t("iv_nobody_to_move_out"))
                    continue
                self.plan.moved_out.append(
                    self.ask.select(
                        t("iv_who_moved_out"), [(n, n) for n in staying], none_chosen=True
                    )
                )
            else:
                names = self.staying_names()
                if not names:
                    self.ask.echo(t("iv_nobody_to_flag"))
                    continue
                name = self.ask.select(t("iv_flag_whom"), [(n, n) for n in names], none_chosen=True)
                flag = self.ask.select(
                    t("iv_which_flag"),
                    [(label(code, flags), code) for code in flags],
                    numbered=True,
                    none_chosen=True,
                )
                self.plan.flags.append((name, flag))
            self.keep()

    def step_met(self, changing: bool = False) -> None:
        """Who was met: the only resident, or the family just registered, without asking;
        among several, the ones ticked (all of them, unless this is a change)."""
        names = self.met_among = self._met_candidates()
        if len(names) <= 1 or self.plan.new_household:
            self.plan.met = names or None
            return
        ticked = set(self.plan.met or []) if changing and self.plan.met else set(names)
        self.plan.met = self.ask.checkbox(t("iv_who_was_met"), [(n, n) for n in names], ticked)

    def _met_candidates(self) -> list[str]:
        """Who may have opened the door: the residents staying, or at a flat registered just
        now, the family registered with it."""
        if self.plan.new_household:
            return [a.name for a in self.plan.moved_in]
        return self.staying_names()

    def step_needs(self) -> None:
        if "need" not in self.pending:  # a need begun before the window closed goes on
            first = not self.plan.needs  # a resumed visit is not made to give a second one
            if not self.ask.confirm(t("iv_any_needs" if first else "iv_another_need")):
                return
        while True:
            self._added(self.plan.needs, self._ask_need(), "iv_same_need")
            if not self.ask.confirm(t("iv_another_need")):
                return

    def _ask_need(self, changing: Need | None = None) -> Need:
        from danyuanzhang.text.inputs import parse_free_text
        from danyuanzhang.text.vocab import PETITION_CATEGORIES

        part = None if changing else "need"
        categories = [(pick(zh, en), code) for code, (zh, en) in PETITION_CATEGORIES.items()]
        category = self._answer(
            part,
            "category",
            lambda: self.ask.select(
                t("iv_need_category"),
                categories,
                numbered=True,
                none_chosen=True,
                default=_position(categories, changing.category) if changing else None,
            ),
        )
        text = self._answer(
            part,
            "text",
            lambda: self.ask.text(
                t("iv_need_text"),
                default=changing.text if changing else "",
                check=_non_empty(parse_free_text),
            ).strip(),
        )
        settled = self._answer(
            part,
            "settled",
            lambda: self.ask.select(
                t("iv_need_settled"),
                [(t("iv_keep_open"), False), (t("iv_resolved_here"), True)],
                numbered=True,
                none_chosen=True,
                default=(1 if changing.done else 0) if changing else None,
            ),
        )
        done = None
        if settled:
            done = self._answer(
                part,
                "done",
                lambda: self.ask.text(
                    t("iv_what_was_done"),
                    default=(changing.done or "") if changing else "",
                    check=_non_empty(parse_free_text),
                ).strip(),
            )
        volunteer = None if settled else self._offer_volunteer(part, category, changing)
        self.pending.pop("need", None)
        return Need(category, text, done, volunteer)

    def _offer_volunteer(
        self, part: str | None, category: str, changing: Need | None
    ) -> str | None:
        """A need the team can answer: hand it to one of them now, nearest first, or not."""
        from danyuanzhang.cases.assignments import candidates

        home = self.home()
        found = candidates(
            self.store,
            {"category": category, "estate": home["estate"], "building": home["building"],
             "unit": home["unit"]},
        )  # fmt: skip
        if not found:
            return None
        choices: list[tuple[str, Any]] = [(t("iv_no_volunteer"), "")]
        choices += [
            (t("iv_volunteer_choice", name=v["name"], near=t(f"nearness_{v['nearness']}")), v["id"])
            for v in found[:6]
        ]
        chosen = self._answer(
            part,
            "volunteer",
            lambda: self.ask.select(
                t("iv_hand_to_volunteer"),
                choices,
                numbered=True,
                default=_position(choices, changing.volunteer) if changing else None,
            ),
        )
        return str(chosen) if chosen else None

    def step_safety(self) -> None:
        if "hazard" not in self.pending:
            first = not (self.plan.hazards or self.plan.common_hazards)
            if not self.ask.confirm(t("iv_any_hazard" if first else "iv_another_hazard")):
                return
        while True:
            self._add_hazard(self._ask_hazard())
            if not self.ask.confirm(t("iv_another_hazard")):
                return

    def _add_hazard(self, hazard: Hazard) -> None:
        kind, note, theirs = hazard
        self._added(
            self.plan.hazards if theirs else self.plan.common_hazards,
            (kind, note),
            "iv_same_hazard",
        )

    def _ask_hazard(self, changing: Hazard | None = None) -> Hazard:
        from danyuanzhang.cases.hazards import known_kinds
        from danyuanzhang.text.inputs import parse_free_text

        part = None if changing else "hazard"
        kinds = [(pick(zh, en), code) for code, (zh, en) in known_kinds(self.store).items()]
        kind = self._answer(
            part,
            "kind",
            lambda: self.ask.select(
                t("iv_hazard_kind"),
                kinds,
                numbered=True,
                none_chosen=True,
                default=_position(kinds, changing[0]) if changing else None,
            ),
        )
        note = self._answer(
            part,
            "note",
            lambda: self.ask.text(
                t("iv_hazard_note"), default=changing[1] if changing else "", check=parse_free_text
            ).strip(),
        )
        theirs = self._answer(
            part,
            "theirs",
            lambda: self.ask.select(
                t("iv_hazard_whose"),
                [(t("iv_hazard_theirs"), True), (t("iv_hazard_common"), False)],
                numbered=True,
                none_chosen=True,
                default=(0 if changing[2] else 1) if changing else None,
            ),
        )
        self.pending.pop("hazard", None)
        return kind, note, theirs

    def step_anti_fraud(self, changing: bool = False) -> None:
        answers = [(t("iv_app_yes"), True), (t("iv_app_no"), False), (t("iv_not_asked"), None)]
        self.plan.anti_fraud_app = self.ask.select(
            t("iv_app_installed"),
            answers,
            numbered=True,
            none_chosen=True,
            default=_position(answers, self.plan.anti_fraud_app) if changing else None,
        )
        self.keep()
        self.plan.briefed = self.ask.confirm(
            t("iv_briefed"), default=self.plan.briefed if changing else None
        )
        if self.someone_cared_for():
            self.keep()
            self.plan.wellbeing = self._ask_wellbeing(changing)
        else:
            self.plan.wellbeing = None
        self._help_or_not(changing)

    def _ask_wellbeing(self, changing: bool) -> str:
        answers = [(t("iv_well"), "well"), (t("iv_needs_help"), "needs_help")]
        return str(
            self.ask.select(
                t("iv_wellbeing", who="、".join(self.cared_for_names())),
                answers,
                numbered=True,
                none_chosen=True,
                default=_position(answers, self.plan.wellbeing) if changing else None,
            )
        )

    def _help_or_not(self, changing: bool = False) -> None:
        """Found needing help: what help, kept as a need that `dyz today` lists until it is
        settled; found well (or nobody alone any more): no such need."""
        if self.plan.wellbeing != "needs_help":
            self.plan.help_needed = None
            return
        if self.plan.help_needed is not None and not changing:
            return
        from danyuanzhang.text.inputs import parse_free_text
        from danyuanzhang.text.vocab import PETITION_CATEGORIES

        self.keep()
        before = self.plan.help_needed
        categories = [(pick(zh, en), code) for code, (zh, en) in PETITION_CATEGORIES.items()]
        category = self.ask.select(
            t("iv_help_category"),
            categories,
            numbered=True,
            none_chosen=True,
            default=_position(categories, before[0]) if before else None,
        )
        text = self.ask.text(
            t("iv_help_text"),
            default=before[1] if before else "",
            check=_non_empty(parse_free_text),
        ).strip()
        self.plan.help_needed = (str(category), text)

    def step_care(self, changing: bool = False) -> None:
        """The areas a care visit checks (健康, 精神, 居家安全, 赡养/照料), each 正常, what was
        found, or not asked; then whether they were referred (转介), and to whom. No answer
        is chosen beforehand: a habitual Enter records nothing."""
        from danyuanzhang.text.inputs import parse_free_text
        from danyuanzhang.text.vocab import CARE_AREAS, CARE_OK

        before = dict(self.plan.checks) if changing else {}
        answers = [
            (t("care_ok"), CARE_OK),
            (t("iv_care_found"), "found"),
            (t("iv_not_asked"), None),
        ]
        checks = []
        for area, (zh, en) in CARE_AREAS.items():
            said = before.get(area)
            was = None if said is None else CARE_OK if said == CARE_OK else "found"
            chosen = self.ask.select(
                t("iv_care_area", area=pick(zh, en)),
                answers,
                numbered=True,
                none_chosen=True,
                default=_position(answers, was) if changing else None,
            )
            if chosen == "found":
                found = self.ask.text(
                    t("iv_care_what", area=pick(zh, en)),
                    default="" if said in (None, CARE_OK) else str(said),
                    check=_non_empty(lambda text: parse_free_text(text, limit=100)),
                ).strip()
                checks.append((area, found))
            elif chosen == CARE_OK:
                checks.append((area, CARE_OK))
            self.plan.checks = list(checks)
            self.keep()
        referred = self.ask.confirm(
            t("iv_referred"), default=self.plan.referral is not None if changing else None
        )
        if referred:
            self.plan.referral = self.ask.text(
                t("iv_referred_to"),
                default=self.plan.referral or "",
                check=_non_empty(parse_free_text),
            ).strip()
        else:
            self.plan.referral = None

    def step_note(self) -> None:
        from danyuanzhang.text.inputs import parse_free_text

        note = self.ask.text(t("iv_note"), default=self.plan.note or "", check=parse_free_text)
        self.plan.note = note.strip() or None

    # -- running it ---------------------------------------------------------------------------

    def applies(self, step: str) -> bool:
        if step in ("household", "outcome"):
            return True
        if self.plan.outcome == "not_home":
            return False
        if self.plan.outcome == "declined":
            return step == "note"
        if step == "care":
            return self.someone_cared_for()
        return True

    def ask_remaining(self) -> None:
        """Every question not answered yet that applies, in order, then a need or hazard
        begun while reviewing and left half answered."""
        for step in STEPS:
            if step in self.done or not self.applies(step):
                continue
            getattr(self, f"step_{step}")()
            self.finish_step(step)
        if "need" in self.pending and self.applies("needs"):
            self._added(self.plan.needs, self._ask_need(), "iv_same_need")
        if "hazard" in self.pending and self.applies("safety"):
            self._add_hazard(self._ask_hazard())
        if self.plan.wellbeing == "needs_help" and self.plan.help_needed is None:
            self._help_or_not()  # a draft kept before dyz asked what help

    def run(self) -> dict[str, Any] | None:
        self.ask_remaining()
        while self.plan.outcome != "not_home":
            self.ask.echo(summary(self.store, self.plan))
            choice = self.ask.select(
                t("iv_save"),
                [(t("iv_save_now"), "save"), (t("iv_change_one"), "change"), (t("iv_not_now"), "later")],
                numbered=True,
                keys={key: 0 for key in "是yY"} | {key: 1 for key in "改eE"} | {key: 2 for key in "否nN"},
                instruction=t("iv_keys_save"),
            )  # fmt: skip
            if choice == "save":
                break
            if choice == "later":
                if self.ask.confirm(t("iv_discard_instead"), default=False):
                    drafts.discard(self.store)
                    self.ask.echo(t("draft_discarded"))
                    return None
                raise DyzError("visit_kept_as_draft")
            self.change()
            self.ask_remaining()  # what a changed answer makes necessary (a new outcome's)
        with self.store.transaction():  # saved and the draft gone together: never twice
            item = record_visit(self.store, self.plan)
            drafts.discard(self.store)
        return item

    # -- changing an answer before saving ---------------------------------------------------

    def change(self) -> None:
        """One answer picked from the summary's lines, changed, removed, or a need or hazard
        added; the summary is then shown again."""
        choices = [(line, target) for line, target in summary_lines(self.store, self.plan)[1:]]
        if self.plan.outcome == "met":
            given = {target[0] for _, target in choices}
            choices += [
                (t("iv_add_need"), ("need", None)),
                (t("iv_add_hazard"), ("hazard",)),
                (t("iv_more_residents"), ("residents",)),
            ]
            if "anti_fraud" not in given:
                choices.append((t("iv_app_installed"), ("anti_fraud",)))
        if self.plan.note is None and self.applies("note"):
            choices.append((t("iv_add_note"), ("note",)))
        choices.append((t("iv_change_nothing"), ("nothing",)))
        target = self.ask.select(t("iv_change_which"), choices)
        getattr(self, f"_change_{target[0]}")(*target[1:])
        self.keep()

    def _change_nothing(self) -> None:
        pass

    def _change_household(self) -> None:
        before = (self.plan.household, self.plan.new_household)
        self.step_household()
        if (self.plan.household, self.plan.new_household) != before:
            # another door: what was heard about the residents belongs to the first one
            for step in ("introduced", "residents", "met", "anti_fraud"):
                self._forget(step)

    def _change_outcome(self) -> None:
        from danyuanzhang.text.vocab import VISIT_OUTCOMES

        self.step_outcome()
        dropped = [step for step in self.done if step in STEP_FIELDS and not self.applies(step)]
        for step in dropped:
            self._forget(step)
        if dropped:
            zh, en = VISIT_OUTCOMES[self.plan.outcome]
            self.ask.echo(t("iv_outcome_dropped", outcome=pick(zh, en)))

    def _change_introduced(self) -> None:
        self.plan.introduced = self.ask.confirm(t("iv_introduced"), default=self.plan.introduced)

    def _change_residents(self) -> None:
        """More changes among the residents, beside those already recorded."""
        self.step_residents()
        self._alone_or_not()

    def _change_arrival(self, index: int) -> None:
        from danyuanzhang.text.inputs import parse_name, parse_phone

        arrival = self.plan.moved_in[index]
        action = self._change_or_remove()
        if action == "remove":
            del self.plan.moved_in[index]
            # a mark given to someone who is no longer recorded as moving in goes with them
            self.plan.flags = [(n, f) for n, f in self.plan.flags if n != arrival.name]
            self.ask.echo(t("iv_removed", what=arrival.name))
        elif action == "change":
            name = self.ask.text(t("iv_new_name"), default=arrival.name, check=parse_name).strip()
            phone = self.ask.text(
                t("iv_new_phone"),
                default=arrival.phone or "",
                check=lambda p: p.strip() and parse_phone(p),
            ).strip()
            self.plan.flags = [(name if n == arrival.name else n, f) for n, f in self.plan.flags]
            self.plan.moved_in[index] = Arrival(name, phone or None)
        self._alone_or_not()

    def _change_departure(self, index: int) -> None:
        name = self.plan.moved_out[index]
        if self._remove_only():
            del self.plan.moved_out[index]
            self.ask.echo(t("iv_removed", what=name))
        self._alone_or_not()

    def _change_mark(self, index: int) -> None:
        name, _ = self.plan.flags[index]
        if self._remove_only():
            del self.plan.flags[index]
            self.ask.echo(t("iv_removed", what=name))
        self._alone_or_not()

    def _alone_or_not(self) -> None:
        """After a change among the residents: how someone living alone was found means
        nothing once nobody lives alone, and is asked if someone now does and the question
        has gone by."""
        if not self.someone_cared_for():
            self.plan.wellbeing = None
            self._forget("care")
        elif self.plan.wellbeing is None and "anti_fraud" in self.done:
            self.plan.wellbeing = self._ask_wellbeing(changing=False)
        self._help_or_not()
        if self.met_among != self._met_candidates():  # asked again among those there now
            self._forget("met")

    def _remove_only(self) -> bool:
        return bool(
            self.ask.select(
                t("iv_change_which"),
                [(t("iv_remove_it"), True), (t("iv_change_nothing"), False)],
            )
        )

    def _change_need(self, index: int | None) -> None:
        if index is None:
            self._added(self.plan.needs, self._ask_need(), "iv_same_need")
            return
        need = self.plan.needs[index]
        action = self._change_or_remove()
        if action == "remove":
            del self.plan.needs[index]
            self.ask.echo(t("iv_removed", what=need.text))
        elif action == "change":  # asked first: a Ctrl-C meanwhile leaves the need as it was
            changed = self._ask_need(need)
            if changed != need and changed in self.plan.needs:
                self.ask.echo(t("iv_same_need"))
                del self.plan.needs[index]
            else:
                self.plan.needs[index] = changed

    def _change_hazard(self, where: str | None = None, index: int = 0) -> None:
        if where is None:
            self._add_hazard(self._ask_hazard())
            return
        items: list[tuple[str, str]] = getattr(self.plan, where)
        kind, note = items[index]
        action = self._change_or_remove()
        if action == "remove":
            del items[index]
            self.ask.echo(t("iv_removed", what=note or kind))
        elif action == "change":  # asked first: a Ctrl-C meanwhile leaves it as it was
            changed = self._ask_hazard((kind, note, where == "hazards"))
            del items[index]
            self._add_hazard(changed)

    def _change_or_remove(self) -> str | None:
        action: str | None = self.ask.select(
            t("iv_change_which"),
            [(t("iv_change_it"), "change"), (t("iv_remove_it"), "remove"), (t("iv_change_nothing"), None)],
        )  # fmt: skip
        return action

    def _change_anti_fraud(self) -> None:
        self.step_anti_fraud(changing=True)

    def _change_care(self) -> None:
        self.step_care(changing=True)

    def _change_met(self) -> None:
        self.step_met(changing=True)

    def _change_note(self) -> None:
        self.step_note()

    def _forget(self, step: str) -> None:
        blank = VisitPlan()
        for name in STEP_FIELDS[step]:
            setattr(self.plan, name, getattr(blank, name))
        if step in self.done:
            self.done.remove(step)


def _residents(store: Store, plan: VisitPlan) -> list[Any]:
    """The current residents on record of the flat visited (none at a flat new to dyz)."""
    if plan.new_household:
        return []
    from danyuanzhang.households.registry import find_household

    home = find_household(store, plan.household, plan.estate)
    return [r for r in reg.residents_of(store, home["id"]) if not r["moved_out"]]


def _staying_names(store: Store, plan: VisitPlan) -> list[str]:
    """Who lives there after the visit: those on record who did not move out, and arrivals."""
    leaving = set(plan.moved_out)
    names = [r["name"] for r in _residents(store, plan) if r["name"] not in leaving]
    return names + [a.name for a in plan.moved_in]


def _non_empty(parse: Callable[[str], str]) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = parse(text)
        if not value:
            raise DyzError("iv_empty_answer")
        return value

    return check


def summary(store: Store, plan: VisitPlan) -> str:
    """Everything the visit will save, in the words of the questions."""
    return "\n".join(line for line, _ in summary_lines(store, plan))


def summary_lines(store: Store, plan: VisitPlan) -> list[tuple[str, tuple[Any, ...]]]:
    """The summary's lines, each with the answer it shows (a step, or a need or hazard and
    where it is): what a person picks to change."""
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.households.flags import known_flags, label
    from danyuanzhang.text.vocab import VISIT_OUTCOMES

    lines: list[tuple[str, tuple[Any, ...]]] = [(t("iv_summary"), ())]
    if plan.new_household:
        lines.append((t("iv_sum_new_household", ref=plan.household), ("household",)))
    else:
        from danyuanzhang.households.registry import find_household, household_json

        ref = household_json(find_household(store, plan.household))["ref"]
        lines.append((t("iv_sum_household", ref=ref), ("household",)))
    zh, en = VISIT_OUTCOMES[plan.outcome]
    lines.append((t("iv_sum_outcome", outcome=pick(zh, en)), ("outcome",)))
    if plan.introduced:
        lines.append((t("iv_sum_introduced"), ("introduced",)))
    for index, arrival in enumerate(plan.moved_in):
        lines.append((t("iv_sum_moved_in", name=arrival.name), ("arrival", index)))
    for index, name in enumerate(plan.moved_out):
        lines.append((t("iv_sum_moved_out", name=name), ("departure", index)))
    flags = known_flags(store)
    for index, (name, flag) in enumerate(plan.flags):
        lines.append((t("iv_sum_flag", name=name, flag=label(flag, flags)), ("mark", index)))
    for index, need in enumerate(plan.needs):
        lines.append((_need_line(store, need), ("need", index)))
    kinds = known_kinds(store)
    for where in ("hazards", "common_hazards"):
        for index, (kind, note) in enumerate(getattr(plan, where)):
            kzh, ken = kinds.get(kind, (kind, kind))
            line = t("iv_sum_hazard", kind=pick(kzh, ken), note=note or "").rstrip()
            lines.append((line, ("hazard", where, index)))
    lines.extend((line, ("anti_fraud",)) for line in _anti_fraud_lines(plan))
    if plan.checks or plan.referral:
        from danyuanzhang.text.i18n import word
        from danyuanzhang.text.render import care_finding
        from danyuanzhang.text.vocab import CARE_AREAS

        found = [f"{word(area, CARE_AREAS)} {care_finding(said)}" for area, said in plan.checks]
        if plan.referral:
            found.append(t("iv_sum_referral", to=plan.referral))
        lines.append((t("iv_sum_care", found=pick("；", "; ").join(found)), ("care",)))
    if plan.met and not plan.new_household and len(_staying_names(store, plan)) > 1:
        lines.append((t("iv_sum_met", names="、".join(plan.met)), ("met",)))
    if plan.note:
        lines.append((t("iv_sum_note", note=plan.note), ("note",)))
    return lines


def _need_line(store: Store, need: Need) -> str:
    """A need on the summary: done, handed to a volunteer, or open."""
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    czh, cen = PETITION_CATEGORIES.get(need.category, (need.category, need.category))
    if need.done:
        return t("iv_sum_need_done", category=pick(czh, cen), text=need.text, done=need.done)
    if need.volunteer:
        from danyuanzhang.store.volunteers import names_of

        name = names_of(store, [need.volunteer]).get(need.volunteer, "—")
        return t("iv_sum_need_handed", category=pick(czh, cen), text=need.text, name=name)
    return t("iv_sum_need_open", category=pick(czh, cen), text=need.text)


def _anti_fraud_lines(plan: VisitPlan) -> list[str]:
    """The anti-fraud step's answers on the summary: the app, the briefing, wellbeing, help."""
    from danyuanzhang.text.vocab import PETITION_CATEGORIES, WELLBEING

    lines = []
    if plan.anti_fraud_app is not None:
        lines.append(t("iv_sum_app_yes") if plan.anti_fraud_app else t("iv_sum_app_no"))
    if plan.briefed:
        lines.append(t("iv_sum_briefed"))
    if plan.wellbeing:
        wzh, wen = WELLBEING[plan.wellbeing]
        lines.append(t("iv_sum_wellbeing", wellbeing=pick(wzh, wen)))
    if plan.help_needed:
        hzh, hen = PETITION_CATEGORIES.get(plan.help_needed[0], (plan.help_needed[0],) * 2)
        lines.append(t("iv_sum_help", category=pick(hzh, hen), text=plan.help_needed[1]))
    return lines


def _half_answered(store: Store, pending: dict[str, dict[str, Any]]) -> list[str]:
    """The need or hazard a resumed visit was in the middle of, as far as it went."""
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.text.i18n import word
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    lines = []
    need = pending.get("need")
    if need:
        category = word(need.get("category"), PETITION_CATEGORIES)
        lines.append(t("iv_half_need", category=category, text=need.get("text", "")))
    hazard = pending.get("hazard")
    if hazard:
        kind = word(hazard.get("kind"), known_kinds(store))
        lines.append(t("iv_half_hazard", kind=kind, note=hazard.get("note", "")))
    return lines


def run_interview(
    store: Store,
    resume: bool = False,
    estate: str | None = None,
    asker: Asker | None = None,
) -> dict[str, Any] | None:
    """Ask, keep each answer, and save the visit at the end; returns the visit, or None if
    the person chose to drop it. Ctrl-C or a closed terminal keeps the draft."""
    asker = asker or Asker()
    draft = drafts.load(store)
    if resume and draft is None:
        raise DyzError("no_draft")
    if draft is not None and not resume:
        resume = asker.select(
            t("iv_draft_found", saved=str(draft.get("saved", ""))[:16].replace("T", " ")),
            [(t("iv_continue_draft"), True), (t("iv_drop_draft"), False)],
        )
        if not resume:
            drafts.discard(store)
    if resume and draft is not None:
        interview = Interview(
            store, asker, VisitPlan.from_json(draft["plan"]), list(draft.get("done", []))
        )
        pending = draft.get("pending")
        if isinstance(pending, dict):
            interview.pending = {k: v for k, v in pending.items() if isinstance(v, dict)}
        if interview.plan.household:  # which door, and what it said so far, before going on
            asker.echo(t("iv_resuming"))
            for line, _ in summary_lines(store, interview.plan)[1:]:  # under its own heading
                asker.echo(line)
            for line in _half_answered(store, interview.pending):
                asker.echo(line)
    else:
        interview = Interview(store, asker, VisitPlan(estate=estate), [])
    try:
        return interview.run()
    except (KeyboardInterrupt, EOFError):
        if interview.done or interview.pending or interview.plan != VisitPlan(estate=estate):
            interview.keep()
            raise DyzError("visit_kept_as_draft") from None
        raise DyzError("visit_cancelled") from None
