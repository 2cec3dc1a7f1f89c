"""One conversation with one person: the engine, the asset search and people's records joined together.

Both the Textual app and plain mode drive a conversation through `Session`, so they cannot drift
apart. Every event is carried out in one transaction: the effects it saves and the engine state
after it are written together, so a crash at any moment loses at most the answer being typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory, Hit, SearchFilters
from cpi_chat.assets.model import Asset
from cpi_chat.dialogue.effects import Effect, SuggestAssets
from cpi_chat.dialogue.engine import Engine, EngineState, Reply
from cpi_chat.dialogue.events import Answer, Event
from cpi_chat.dialogue.state import Prompt
from cpi_chat.errors import CpiChatError, RecordsError
from cpi_chat.records import Goal, Person, SessionRecord
from cpi_chat.records.model import SessionMode
from cpi_chat.session import looking_back
from cpi_chat.session.applying import EffectsCarriedOut
from cpi_chat.session.context import context_for, needs_context
from cpi_chat.wording import safe

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
        flow = flow_id or choose_flow(mode, goals)
        context = context_for(db, person, mode, flow, goal, today or date.today())
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
        """Before a review: everything since the last meeting together, so the worker starts from it ([] otherwise)."""
        return looking_back.since_last_time(self.db, self.person.id, self.state)

    def closing_blocks(self, today: date | None = None) -> list[list[str]]:
        """When the conversation has ended: how each goal checked in on is going, today's ratings, the goal score."""
        return looking_back.closing_blocks(self.db, self.person.id, self.session_id, self.state, today)

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
        return EffectsCarriedOut(self.db, self.person.id, self.session_id, date.today()).all(effects)


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
