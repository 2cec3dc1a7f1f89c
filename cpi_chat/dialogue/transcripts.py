"""Flow tests as scripts: a YAML transcript of answers in and effects expected out, run by the engine alone."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cpi_chat.dialogue.effects import EFFECT_TYPES, Effect, SuggestAssets, Withdraw
from cpi_chat.dialogue.engine import Engine, EngineState, Reply
from cpi_chat.dialogue.events import Answer, Back, Event, Help, PickAsset, Skip, Stop
from cpi_chat.dialogue.lists import GOALS, GROUPS
from cpi_chat.errors import FlowError


class Turn(BaseModel):
    """One thing the person does; give exactly one of answer, choose, pick_asset, skip, back, help, stop."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    expect: str | None = Field(None, description="Words the question on screen must contain before this turn.")
    answer: str | None = Field(None, description="Typed words.")
    choose: str | int | None = Field(None, description="A quick reply, by its label or its number (1 is the first).")
    pick_asset: dict[str, str] | None = Field(None, description="A suggestion picked into the plan: {id: ..., name: ...}.")
    skip: bool = False
    back: bool = False
    help: bool = False
    stop: bool = False

    @model_validator(mode="after")
    def _one_action(self) -> Turn:
        self.event()
        return self

    def event(self) -> Event:
        given = [
            name for name in ("answer", "choose", "pick_asset") if getattr(self, name) is not None
        ] + [name for name in ("skip", "back", "help", "stop") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("each turn needs exactly one of: answer, choose, pick_asset, skip, back, help, stop")
        match given[0]:
            case "answer":
                return Answer(str(self.answer))
            case "choose":
                return Answer(str(self.choose))
            case "pick_asset":
                assert self.pick_asset is not None
                return PickAsset(self.pick_asset.get("id", ""), self.pick_asset.get("name", ""))
            case "skip":
                return Skip()
            case "back":
                return Back()
            case "help":
                return Help()
        return Stop()


class Transcript(BaseModel):
    """A scripted conversation and what it should leave behind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = ""
    flow: str
    context: dict[str, str] = Field(default_factory=dict)
    groups: list[dict[str, str]] = Field(
        default_factory=list,
        description="Groups chosen before, as the session gives them: {chosen_asset: name, chosen_asset_id: id, first_visit: ...}.",
    )
    goals: list[dict[str, str]] = Field(
        default_factory=list,
        description="The person's goals in view (a check-in or review goes through each): {goal_id: '1', goal_what: ..., goal_kind: ...}.",
    )
    turns: list[Turn]
    expect_effects: list[dict[str, dict[str, Any]]] = Field(
        default_factory=list, description="Effects that must have been kept, in this order: {SaveGoal: {kind: commitment}}."
    )
    expect_not_kept: list[dict[str, dict[str, Any]]] = Field(
        default_factory=list, description="Effects that must not be kept at the end (never saved, or withdrawn by going back)."
    )
    expect_searches: list[dict[str, Any]] = Field(
        default_factory=list, description="Searches for groups that must have been asked for, in this order: {query: footy, free: true}."
    )
    expect_end: Literal["completed", "stopped", "waiting"] = Field(
        "completed", description="completed, stopped or waiting (still asking)."
    )
    expect_messages: list[str] = Field(
        default_factory=list, description="Words the app must have said somewhere (messages, help, kind problems, notices)."
    )

    def start_context(self) -> dict[str, str]:
        """What the flow is started with: a name and a day unless given, the context, and the groups and goals in view."""
        lists = {GROUPS: json.dumps(self.groups), GOALS: json.dumps(self.goals)}
        return {"name": "Sam", "today": "2026-11-25", **lists, **self.context}


@dataclass
class TranscriptResult:
    """The outcome of running one transcript: failures are sentences for a trainer."""

    path: str
    title: str
    failures: list[str] = field(default_factory=list)
    kept: list[Effect] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def kept_effects(history: list[Effect]) -> list[Effect]:
    """The saving effects still standing once every withdrawal has been applied."""
    kept: dict[str, Effect] = {}
    for effect in history:
        if isinstance(effect, Withdraw):
            kept.pop(effect.key, None)
        elif hasattr(effect, "key"):
            kept[effect.key] = effect  # type: ignore[attr-defined]
    return list(kept.values())


def run_transcript(engine: Engine, transcript: Transcript, path: str = "") -> TranscriptResult:
    """Play a transcript through the engine and compare what it kept with what was expected."""
    result = TranscriptResult(path=path, title=transcript.title or transcript.flow)
    try:
        _play(engine, transcript, result)
    except FlowError as error:
        result.failures.append(str(error))
    return result


def _play(engine: Engine, transcript: Transcript, result: TranscriptResult) -> None:
    state, reply = engine.start(transcript.flow, transcript.start_context())
    effects, said = list(reply.effects), list(reply.messages)
    for number, turn in enumerate(transcript.turns, start=1):
        if reply.prompt is None:
            result.failures.append(f"turn {number}: the conversation had already ended")
            return
        if turn.expect and turn.expect.lower() not in reply.prompt.text.lower():
            result.failures.append(f"turn {number}: expected the question to mention '{turn.expect}', but it was: {reply.prompt.text}")
        state, reply = engine.handle(state, turn.event())
        if reply.prompt and reply.prompt.problem and not turn.help:
            said.append(reply.prompt.problem)
        if reply.prompt and turn.help:
            said.append(reply.prompt.help)
        if reply.notice:
            said.append(reply.notice)
        effects.extend(reply.effects)
        said.extend(reply.messages)
    result.kept = kept_effects(effects)
    _compare_effects(result, transcript.expect_effects)
    _compare_absent(result, transcript.expect_not_kept)
    _compare_searches(result, transcript.expect_searches, [e for e in effects if isinstance(e, SuggestAssets)])
    _compare_end(result, transcript.expect_end, state, reply)
    for words in transcript.expect_messages:
        if not any(words.lower() in m.lower() for m in said):
            result.failures.append(f"the app never said '{words}'")


def _compare_effects(result: TranscriptResult, expected: list[dict[str, dict[str, Any]]]) -> None:
    position = 0
    for wanted in expected:
        (name, fields), = wanted.items()
        if name not in EFFECT_TYPES or name in {"SuggestAssets", "Withdraw"}:
            result.failures.append(f"'{name}' is not an effect that saves something")
            continue
        while position < len(result.kept):
            effect = result.kept[position]
            position += 1
            if type(effect).__name__ == name and _matches(asdict(effect), fields):
                break
        else:
            result.failures.append(f"expected {name} {fields}, but it was not saved (in this order)")
            return


def _compare_absent(result: TranscriptResult, unwanted: list[dict[str, dict[str, Any]]]) -> None:
    for item in unwanted:
        (name, fields), = item.items()
        for effect in result.kept:
            if type(effect).__name__ == name and _matches(asdict(effect), fields):
                result.failures.append(f"expected no {name} {fields}, but one was kept: {asdict(effect)}")
                break


def _compare_searches(result: TranscriptResult, expected: list[dict[str, Any]], searches: list[SuggestAssets]) -> None:
    position = 0
    for wanted in expected:
        while position < len(searches):
            position += 1
            if _matches(asdict(searches[position - 1]), wanted):
                break
        else:
            result.failures.append(f"expected a search for groups like {wanted}, but none was asked for (in this order)")
            return


def _matches(actual: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        got = actual.get(key)
        if isinstance(value, str) and isinstance(got, str):
            if value.lower() not in got.lower():
                return False
        elif got != value:
            return False
    return True


def _compare_end(result: TranscriptResult, expected: str, state: EngineState, reply: Reply) -> None:
    actual = state.outcome or "waiting"
    if actual != expected:
        where = f" at '{reply.prompt.text}'" if reply.prompt else ""
        result.failures.append(f"expected the conversation to end '{expected}', but it is '{actual}'{where}")


def load_transcript(path: Path) -> Transcript:
    """Read one transcript file, or raise FlowError saying what is wrong with it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Transcript.model_validate(data)
    except (OSError, UnicodeDecodeError) as error:
        raise FlowError(f"{path}: cannot be read ({type(error).__name__}).") from None
    except yaml.YAMLError as error:
        raise FlowError(f"{path}: is not valid YAML ({error}).") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise FlowError(f"{path}: {where}: {first['msg']}.") from None

