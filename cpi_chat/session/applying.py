"""Carrying out what a conversation asks to keep, with the same rules as outside it (the actions' own rule functions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.actions.checkins import refuse_a_second_went
from cpi_chat.actions.goals import refuse_a_status_change
from cpi_chat.actions.steps import refuse_a_tick, refuse_changing_steps_of
from cpi_chat.dialogue.effects import (
    ChangeStep,
    Effect,
    EndSession,
    SaveBarrier,
    SaveCheckin,
    SaveChosenGroup,
    SaveConnection,
    SaveGasScore,
    SaveGoal,
    SaveGoalLevels,
    SaveInterest,
    SaveNote,
    SaveRating,
    SaveSmallStep,
    SaveSolution,
    SaveWellbeing,
    SetGoalStatus,
    SuggestAssets,
    TickStep,
    Withdraw,
)
from cpi_chat.errors import Refused
from cpi_chat.records.store import resolve_parent

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

NOT_THEIRS = "That small step is not one of this person's, so it was not changed."


class EffectsCarriedOut:
    """Carries out one session's effects against people.db, inside the transaction the session holds."""

    def __init__(self, db: PeopleDatabase, person_id: int, session_id: int, today: date) -> None:
        self.db, self.person_id, self.session_id, self.today = db, person_id, session_id, today

    def all(self, effects: tuple[Effect, ...]) -> list[str]:
        """Carry out the effects; returns what the rules refused, in kind sentences (nothing of those is saved)."""
        refusals: list[str] = []
        for effect in effects:
            try:
                self.one(effect)
            except Refused as refusal:
                refusals.append(str(refusal))
        if any(isinstance(e, Withdraw) for e in effects):  # going back past a score: the review's T-score follows
            records.refresh_session_review(self.db, self.session_id)
        return refusals

    def one(self, effect: Effect) -> None:
        """Carry out one effect, or raise Refused when a rule declines it."""
        db, person_id, session_id = self.db, self.person_id, self.session_id
        match effect:
            case SuggestAssets():
                return
            case Withdraw(key=key):
                records.withdraw(db, session_id, key)
            case EndSession(outcome=outcome):
                records.end_session(db, session_id, outcome)
            case SaveCheckin() if effect.attended is None and not effect.paused and not effect.value.strip():
                return  # the person skipped saying how far they got: nothing to keep
            case SaveCheckin() if not effect.goal_id:
                return
            case SaveCheckin() if effect.attended:
                self._refuse_a_second_went(effect)
                _SAVERS[type(effect)](db, person_id, session_id, **_fields(effect))
            case SaveGoal() | SaveInterest() | SaveConnection() | SaveNote() | SaveSmallStep() | SaveBarrier() \
                    | SaveSolution() | SaveChosenGroup():
                if not _main_text(effect).strip():
                    return  # an optional answer left empty: nothing to keep
                _SAVERS[type(effect)](db, person_id, session_id, **_fields(effect))
            case SaveWellbeing() if effect.score is None:
                return  # not a number: nothing to keep
            case SaveCheckin() | SaveRating() | SaveWellbeing() | SaveGoalLevels():
                _SAVERS[type(effect)](db, person_id, session_id, **_fields(effect))
            case SaveGasScore():
                records.save_gas_score(db, person_id, session_id, effect.key, effect.goal_id, effect.level, on=self.today)
            case TickStep() | ChangeStep():
                self._change_step(effect)
            case SetGoalStatus():
                self._change_status(effect)

    def _refuse_a_second_went(self, effect: SaveCheckin) -> None:
        """The same rule as 'I went' outside the conversation (actions.checkins): once a week, never the same day twice."""
        goal = records.get_goal(self.db, effect.goal_id)
        # What this very answer saved before (a step replayed after a crash) is not a second 'went'.
        others = tuple(c for c in goal.checkins if (c.session_id, c.effect_key) != (self.session_id, effect.key))
        refuse_a_second_went(replace(goal, checkins=others), self.today)

    def _change_step(self, effect: TickStep | ChangeStep) -> None:
        step = records.get_step(self.db, effect.step_id)
        goal = records.get_goal(self.db, step.goal_id)
        if goal.person_id != self.person_id:
            raise Refused(NOT_THEIRS)
        refuse_changing_steps_of(goal)
        if isinstance(effect, TickStep):
            if not self._changed_already(effect.key):
                refuse_a_tick(step, effect.done)
            records.set_step_done(self.db, step.id, effect.done, on=self.today, session_id=self.session_id,
                                  effect_key=effect.key)
        else:
            records.change_step_words(self.db, step.id, effect.text, session_id=self.session_id, effect_key=effect.key)

    def _change_status(self, effect: SetGoalStatus) -> None:
        goal_id = resolve_parent(self.db, "goal", self.person_id, self.session_id, effect.goal_key, effect.goal_id, "goal")
        if goal_id is None:
            return
        if not self._changed_already(effect.key):
            refuse_a_status_change(records.get_goal(self.db, goal_id), effect.status)
        until = effect.until if effect.status == "paused" else ""
        records.set_goal_status(
            self.db, goal_id, effect.status, pause_reason=effect.reason if effect.status == "paused" else "",
            until=until, stop_reason=effect.reason if effect.status == "dropped" else "", on=self.today,
            session_id=self.session_id, effect_key=effect.key,
        )

    def _changed_already(self, key: str) -> bool:
        """Whether this effect's change was kept before (replayed after a crash): its rule was checked then."""
        from cpi_chat.records.store import find_effect_row

        return find_effect_row(self.db, "effect_change", self.session_id, key) is not None


def _main_text(effect: Effect) -> str:
    return str(getattr(effect, "what", None) or getattr(effect, "text", None) or getattr(effect, "name", ""))


def _fields(effect: Effect) -> dict[str, object]:
    fields = asdict(effect)
    fields["effect_key"] = fields.pop("key")
    return fields


_SAVERS: dict[type, Callable[..., object]] = {
    SaveInterest: records.save_interest,
    SaveConnection: records.save_connection,
    SaveGoal: records.save_goal,
    SaveSmallStep: records.save_small_step,
    SaveBarrier: records.save_barrier,
    SaveSolution: records.save_solution,
    SaveNote: records.save_note,
    SaveCheckin: records.save_checkin,
    SaveRating: records.save_rating,
    SaveWellbeing: records.save_wellbeing,
    SaveChosenGroup: records.save_chosen_group,
    SaveGoalLevels: records.save_goal_levels,
}
