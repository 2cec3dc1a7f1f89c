"""One conversation with one person: the engine, the asset search and people's records joined together.

Both the Textual app and plain mode drive a conversation through `Session`, so they cannot drift
apart. Every event is carried out in one transaction: the effects it saves and the engine state
after it are written together, so a crash at any moment loses at most the answer being typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from cpi_chat import records
from cpi_chat.actions.checkins import refuse_a_second_went
from cpi_chat.assets.directory import AssetDirectory, Hit, SearchFilters
from cpi_chat.assets.model import Asset
from cpi_chat.dialogue.effects import (
    Effect,
    EndSession,
    SaveBarrier,
    SaveCheckin,
    SaveConnection,
    SaveGoal,
    SaveInterest,
    SaveNote,
    SaveRating,
    SaveSmallStep,
    SaveSolution,
    SaveWellbeing,
    SuggestAssets,
    Withdraw,
)
from cpi_chat.dialogue.engine import Engine, EngineState, Reply
from cpi_chat.dialogue.events import Answer, Event
from cpi_chat.dialogue.state import Prompt
from cpi_chat.errors import CpiChatError, RecordsError, Refused
from cpi_chat.records import Goal, Person, SessionRecord
from cpi_chat.records.model import SessionMode
from cpi_chat.wording import safe
from cpi_chat.words import long_date

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Scores are relative: a long sentence pasted from notes scores low even when ranked well.
# A hit under this share of the best matched only a stray word ('box' for 'boxing').
WEAK_SHARE = 0.4
# When the area or day filter's best hit is under this share of the best hit elsewhere,
# the filtered ones are poor matches: show the wider ones and say so.
WIDER_IS_BETTER = 0.5


@dataclass(frozen=True)
class Turn:
    """What an interface shows after each event: the engine's reply plus the groups found for it."""

    reply: Reply
    suggestions: tuple[Hit, ...] = ()
    search_note: str = ""

    @property
    def finished(self) -> bool:
        return self.reply.finished


def choose_flow(mode: str, goals: list[Goal]) -> str:
    """The flow a new session starts with: a first session, a review, or a self check-in."""
    active = [g for g in goals if g.status == "active"]
    if mode == "self":
        return "follow_up" if active else "finding_assets"
    return "review" if goals else "joint_session"


def needs_context(person: Person) -> dict[str, str]:
    """The name to call the person and whether to use easy-read words, from their needs as recorded now."""
    first = person.name.split()[0] if person.name.split() else person.name  # 'Hello Dan', as a person would say it
    return {"name": person.needs.preferred_name or first, "easy_read": "yes" if person.needs.easy_read else ""}


def context_for(db: PeopleDatabase, person: Person, mode: str, goal: Goal | None, today: date) -> dict[str, str]:
    """What the flows may say about the person: name, needs, latest interests and the goal checked in on."""
    context = {"today": today.isoformat(), "mode": mode, **needs_context(person)}
    latest: dict[str, str] = {}
    for interest in records.list_interests(db, person.id):
        latest[interest.when] = interest.text
    context.update(
        interests_now=latest.get("present", ""), interests_past=latest.get("past", ""), wish_to_try=latest.get("wish", "")
    )
    if mode != "self":  # asked at the first session and at reviews, with last time's answers beside each question
        from cpi_chat.plan.wellbeing import last_time_context

        context.update(last_time_context(records.list_wellbeing(db, person.id), today))
    if goal is not None:
        next_step = next((s.text for s in goal.steps if not s.done), "")
        context.update(
            goal_id=str(goal.id), goal_what=goal.what, goal_kind=goal.kind, goal_next_step=next_step,
            goal_measure=goal.measure,
        )
    return context


# Free-text questions a group's name can answer: what to go to, where, what to look for, places, groups.
GROUP_QUESTION = re.compile(r"\b(go to|where is|look for|places?|groups?|clubs?|class(es)?|activit(y|ies))\b", re.IGNORECASE)


class Session:
    """A conversation in progress; `handle` takes an event and returns the next `Turn`."""

    def __init__(
        self, db: PeopleDatabase, engine: Engine, assets: AssetDirectory | None,
        person: Person, session_id: int, state: EngineState,
    ) -> None:
        self.db = db
        self.engine = engine
        self.assets = assets
        self.person = person
        self.session_id = session_id
        self.state = state

    # -- starting ---------------------------------------------------------

    @classmethod
    def start(
        cls, db: PeopleDatabase, engine: Engine, assets: AssetDirectory | None, person: Person,
        mode: str = "joint", flow_id: str | None = None, goal: Goal | None = None, today: date | None = None,
    ) -> tuple[Session, Turn]:
        """Begin a new conversation, saved before the first question is shown."""
        goals = records.list_goals(db, person.id)
        if mode == "self" and goal is None:
            goal = next((g for g in goals if g.status == "active"), None)
        flow = flow_id or choose_flow(mode, goals)
        context = context_for(db, person, mode, goal, today or date.today())
        state, reply = engine.start(flow, context)
        backup_before_session(db)
        with records.transaction(db):
            session_id = records.start_session(db, person.id, cast(SessionMode, mode), flow)
            session = cls(db, engine, assets, person, session_id, state)
            records.save_engine_state(db, session_id, state.to_json())
            refusals = session._apply(reply.effects)
        return session, session._turn(reply, refusals)

    @classmethod
    def resume(
        cls, db: PeopleDatabase, engine: Engine, assets: AssetDirectory | None, person: Person, record: SessionRecord,
    ) -> tuple[Session, Turn]:
        """Carry on an interrupted conversation exactly where it stopped; nothing is saved twice."""
        try:
            state = EngineState.from_json(record.engine_state or "")
        except (ValueError, KeyError, TypeError, AttributeError):
            # Damaged, or saved by another version of cpi-chat: say so instead of crashing on every start.
            raise RecordsError(
                f"The saved place in session {record.id} could not be read (it may come from another version of cpi-chat), "
                "so it cannot be carried on; what it saved is kept."
            ) from None
        state.context.update(needs_context(person))  # needs changed since it stopped apply from the next words on
        session = cls(db, engine, assets, person, record.id, state)
        return session, session._turn(engine.resume(state))

    # -- talking ----------------------------------------------------------

    def handle(self, event: Event) -> Turn:
        """Apply one event: save what it produced and the new state together, then show the result."""
        if isinstance(event, Answer):  # typed words enter here: no control or escape character is kept, nor said back
            event = Answer(safe(event.text))
        state, reply = self.engine.handle(self.state, event)
        with records.transaction(self.db):
            records.save_engine_state(self.db, self.session_id, state.to_json())
            refusals = self._apply(reply.effects)
        self.state = state
        return self._turn(reply, refusals)

    @property
    def finished(self) -> bool:
        return self.state.finished

    def asks_for_a_group(self, prompt: Prompt) -> bool:
        """Whether a group's name answers this question: free text, worded (as the flow writes it) about a group or place."""
        if prompt.kind != "ask" or prompt.validate != "text":
            return False
        flow = self.engine.flows.get(prompt.flow)
        step = flow.step(prompt.step) if flow is not None and flow.has_step(prompt.step) else None
        # The flow's own words, not the easy-read ones: "Where is easy for you to get to?" asks for an area.
        return bool(GROUP_QUESTION.search(getattr(step, "ask", "") or prompt.text))

    def since_last_time(self) -> list[str]:
        """Before a review: what happened since the last session, so the worker starts from it ([] otherwise)."""
        from cpi_chat.records.history import summary_since

        if self.state.root != "review":
            return []
        summary = summary_since(self.db, self.person.id)
        heading = f"Since we last met, on {long_date(summary.since)}:" if summary.since else "So far:"
        return [heading, *(f"  {line}" for line in summary.lines()[1:])]  # lines()[0] is its own heading

    def closing_blocks(self, today: date | None = None) -> list[list[str]]:
        """When the conversation has ended: how the goal checked in on is going, and today's ratings beside last time."""
        today = today or date.today()
        return [block for block in (self._goal_progress(today), self._ratings_beside_last_time(today),
                                    self._wellbeing_beside_last_time(today)) if block]

    def _goal_progress(self, today: date) -> list[str]:
        from cpi_chat.records import progress

        goal_id = self.state.context.get("goal_id", "")
        if self.state.root != "follow_up" or not goal_id.isdecimal():
            return []
        goal = records.get_goal(self.db, int(goal_id))
        status = progress.goal_progress(goal, today)
        lines = [f"How it is going: {goal.what}", status.message]
        if isinstance(status, progress.CommitmentProgress):
            lines.append(progress.chart_in_words(status))
            period = status.frequency.period_word.capitalize()
            lines.append(f"{period}s in a row: {status.current_run}. Times you went: {status.times_went}.")
        else:
            lines.extend(progress.target_chart(status))
        return lines

    def _ratings_beside_last_time(self, today: date) -> list[str]:
        from cpi_chat.plan.ratings import rating_changes

        ratings = records.list_ratings(self.db, self.person.id)
        if not any(r.date[:10] == today.isoformat() for r in ratings):
            return []  # nothing rated today: the questions were not asked, or the person said "not today"
        return ["How things are going:", *(f"  {c.topic}: {c.in_words()}" for c in rating_changes(ratings))]

    def _wellbeing_beside_last_time(self, today: date) -> list[str]:
        from cpi_chat.plan.wellbeing import today_beside_last_time

        return today_beside_last_time(records.list_wellbeing(self.db, self.person.id), today)

    def _turn(self, reply: Reply, refusals: list[str] | None = None) -> Turn:
        refusals = [*(refusals or []), *records.backup_problems()]  # a backup made in the background that failed
        if refusals:  # said where the engine's own notices go, before the next question
            reply = replace(reply, notice=" ".join(x for x in (reply.notice, *refusals) if x))
        search = next((e for e in reply.effects if isinstance(e, SuggestAssets)), None)
        if search is None:
            return Turn(reply)
        hits, note = self.suggest(search)
        return Turn(reply, tuple(hits), note)

    # -- assets -----------------------------------------------------------

    def more_like(self, asset: Asset) -> tuple[list[Hit], str]:
        """Groups like this one (a new search on its name), for 'More like this' on a suggested group's card."""
        return self.suggest(SuggestAssets(query=asset.name))

    def suggest(self, search: SuggestAssets) -> tuple[list[Hit], str]:
        """Search the directory; when the area or day leaves only weak matches, look wider and say so."""
        if self.assets is None or self.assets.is_empty():
            return [], "The community directory is empty, so there is nothing to suggest yet. Ask your team to import it."
        filters = SearchFilters(
            area=search.area or None, day=weekday_in(search.day or ""), free=search.free, accessible=search.accessible,
            domain=search.domain or None,
        )
        try:
            hits = self._strong_hits(search, filters)
            for eased, note in (
                (replace(filters, area=None), f"Nothing close matched in {search.area}, so here are some places further away."),
                (replace(filters, area=None, day=None), "Nothing close matched on that day, so here are some on other days."),
                (SearchFilters(), "Nothing matched everything you asked for, so here are the closest matches."),
            ):
                if eased == filters:
                    continue
                wider = self._strong_hits(search, eased)
                if wider and (not hits or hits[0].score < WIDER_IS_BETTER * wider[0].score):
                    return wider, note
                if hits:
                    break
        except CpiChatError as problem:
            return [], str(problem)
        if hits:
            return hits, ""
        return [], "I couldn't find anything for those words. You could try other words, or skip."

    def _strong_hits(self, search: SuggestAssets, filters: SearchFilters) -> list[Hit]:
        """The hits, less those far weaker than the best one (a stray word of a description, say)."""
        assert self.assets is not None
        hits = self.assets.search(search.query, search.limit, filters)
        if not hits or not search.query.strip():
            return hits
        return [h for h in hits if h.score >= WEAK_SHARE * hits[0].score]

    # -- records ----------------------------------------------------------

    def _apply(self, effects: tuple[Effect, ...]) -> list[str]:
        """Carry out the effects; returns what the rules refused, in kind sentences (nothing of those is saved)."""
        refusals: list[str] = []
        for effect in effects:
            try:
                self._apply_one(effect)
            except Refused as refusal:
                refusals.append(str(refusal))
        return refusals

    def _apply_one(self, effect: Effect) -> None:
        db, person_id, session_id = self.db, self.person.id, self.session_id
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
            case SaveGoal() | SaveInterest() | SaveConnection() | SaveNote() | SaveSmallStep() | SaveBarrier() | SaveSolution():
                if not _main_text(effect).strip():
                    return  # an optional answer left empty: nothing to keep
                _SAVERS[type(effect)](db, person_id, session_id, **_fields(effect))
            case SaveWellbeing() if effect.score is None:
                return  # not a number: nothing to keep
            case SaveCheckin() | SaveRating() | SaveWellbeing():
                _SAVERS[type(effect)](db, person_id, session_id, **_fields(effect))


    def _refuse_a_second_went(self, effect: SaveCheckin) -> None:
        """The same rule as 'I went' outside the conversation (actions.checkins): once a week, never the same day twice."""
        goal = records.get_goal(self.db, effect.goal_id)
        # What this very answer saved before (a step replayed after a crash) is not a second 'went'.
        others = tuple(c for c in goal.checkins if (c.session_id, c.effect_key) != (self.session_id, effect.key))
        refuse_a_second_went(replace(goal, checkins=others), date.today())


def _main_text(effect: Effect) -> str:
    return str(getattr(effect, "what", None) or getattr(effect, "text", ""))


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
}


def backup_before_session(db: PeopleDatabase) -> None:
    """Keep a rolling backup of people.db as each session starts, when it changed since the last (copied in the background)."""
    path, backups = getattr(db, "path", None), getattr(db, "backups_dir", None)
    if path is not None and backups is not None and Path(path).is_file() and Path(path).stat().st_size > 0:
        records.backup_in_background(Path(path), backups)


def weekday_in(text: str) -> str | None:
    """The first day of the week named in free text ('Saturdays are best' -> 'saturday')."""
    lowered = text.lower()
    for day in WEEKDAYS:
        if re.search(rf"\b{day[:3]}", lowered):
            return day
    return None
