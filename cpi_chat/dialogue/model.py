"""The flow format: frozen pydantic models for one conversation flow and its kinds of step.

A flow file is a YAML mapping validated by `Flow`. Each step is a mapping whose kind is
told by the one key it carries: `choose`, `ask`, `suggest_assets`, `set_goal`, `record`,
`branch`, `call`, `end` or plain `say`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag, model_validator

Audience = Literal["joint", "self", "training"]
Validation = Literal["text", "number", "date", "date_to_come", "yes_no", "choice", "progress"]
IDENTIFIER = r"^[a-z][a-z0-9_]*$"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Step(_Frozen):
    """Fields every kind of step has."""

    id: str = Field(pattern=IDENTIFIER, description="Unique name of this step within the flow (lower case, digits and _).")
    guide: str | None = Field(None, description="A tip for the worker, shown in the worker panel only, never to the person.")
    easy_read: str | None = Field(None, description="The same words, simpler, used when the person's needs ask for easy read.")
    help: str | None = Field(None, description="Extra help shown when the person asks for help at this step.")


class _Continues(_Step):
    next: str | None = Field(
        None, description="The step to go to next. Leave out to go to the step written below this one."
    )


class SayStep(_Continues):
    """Says something and goes straight on."""

    say: str = Field(description="What the app says. May use {name} and earlier answers like {hobby}.")


class Option(_Frozen):
    """One quick reply of a `choose` step."""

    label: str = Field(description="What the button says.")
    easy_read: str | None = Field(None, description="Simpler words for the button.")
    value: str | None = Field(None, description="What is stored as the answer (defaults to the label).")
    next: str | None = Field(None, description="Where this reply leads (defaults to the step's own next).")

    @property
    def answer_value(self) -> str:
        return self.value if self.value is not None else self.label


ListName = Literal["groups", "goals"]


class ChooseStep(_Continues):
    """Offers quick replies and waits for one to be picked."""

    say: str = Field(description="The question.")
    choose: list[Option] = Field(description="The quick replies, in the order shown.")
    choose_from: ListName | None = Field(
        None, description=(
            "Also offer one reply per item of a list, before the written ones: 'groups' (each group chosen and not yet "
            "a goal) or 'goals' (the person's goals). Picking one keeps 'picked' as the answer and that item's answers "
            "(for a group: chosen_asset, chosen_asset_id, first_visit; for a goal: goal_what, goal_id or goal_key), "
            "then goes to the step's own next."
        ),
    )
    answer: str | None = Field(None, pattern=IDENTIFIER, description="Name to keep the picked value under (defaults to the step id).")
    optional: bool = Field(False, description="Whether the person may skip this step.")


class AskStep(_Continues):
    """Asks a question and waits for a typed answer, checked when `validate` says how."""

    ask: str = Field(description="The question.")
    answer: str | None = Field(None, pattern=IDENTIFIER, description="Name to keep the answer under (defaults to the step id).")
    validate_as: Validation = Field(
        "text", alias="validate", description="How to check the answer: text, number, date, date_to_come (today or later), yes_no, choice or progress (toward a target)."
    )
    toward: str | None = Field(
        None, pattern=IDENTIFIER,
        description="For validate: progress, the answer holding the target; a number is asked for when it has one.",
    )
    options: list[str] | None = Field(None, description="For validate: choice, the accepted answers.")
    minimum: float | None = Field(None, alias="min", description="For validate: number, the smallest accepted value.")
    maximum: float | None = Field(None, alias="max", description="For validate: number, the largest accepted value.")
    optional: bool = Field(False, description="Whether the person may skip this question.")
    placeholder: str | None = Field(None, description="A hint shown in the empty answer box.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _choice_has_options(self) -> AskStep:
        if self.validate_as == "choice" and not self.options:
            raise ValueError("validate: choice needs a list of options")
        if (self.validate_as == "progress") != (self.toward is not None):
            raise ValueError("validate: progress and toward: (the answer holding the target) go together")
        return self


class AssetQuery(_Frozen):
    """What to search the community directory for."""

    query: str = Field(description="Words to search for; usually earlier answers, like '{interests_now}'.")
    domain: str | None = Field(None, description="Only this domain (slug or label).")
    area: str | None = Field(None, description="Only this area; may be an earlier answer like '{area}'.")
    day: str | None = Field(None, description="Only on this day of the week; may be an earlier answer.")
    free: str | bool = Field(False, description="Only free things; true, or an earlier yes/no answer like '{free_only}'.")
    accessible: str | bool = Field(False, description="Only accessible places; true, or an earlier yes/no answer.")
    limit: int = Field(5, ge=1, le=20, description="How many suggestions to show.")


class SuggestAssetsStep(_Continues):
    """Shows matching community assets and waits for the person to pick one (or none)."""

    say: str = Field("Here are some groups that might suit you.", description="What the app says above the suggestions.")
    suggest_assets: AssetQuery = Field(description="What to search the community directory for.")
    answer: str | None = Field(None, pattern=IDENTIFIER, description="Name to keep the picked asset's name under; its id is kept as <answer>_id.")
    optional: bool = Field(True, description="Whether the person may go on without picking one.")


class GoalSpec(_Frozen):
    """The goal to save; every field may use earlier answers."""

    kind: Literal["commitment", "target"] = Field(
        description="commitment: go regularly to something; target: reach something by a date."
    )
    what: str = Field(description="What the goal is, in the person's words, like '{commitment_what}'.")
    where: str = Field("", description="Commitment: where it happens.")
    how_often: str = Field("", description="Commitment: how often, like 'every week'.")
    asset_id: str = Field("", description="Commitment: the id of the group picked from the directory, like '{chosen_asset_id}'.")
    first_visit: str = Field("", description="Commitment: how the person gets there the first time.")
    measure: str = Field("", description="Target: how we'll know it is done (what to count or time).")
    starting_point: str = Field("", description="Target: where the person is now, in their words.")
    expected: str = Field("", description="Target: what 'as expected' looks like, in their words.")
    better_than_expected: str = Field("", description="Target: what 'better than expected' looks like.")
    by_when: str = Field("", description="Target: the date, usually an earlier answer checked with validate: date.")


class SetGoalStep(_Continues):
    """Saves a goal from earlier answers and goes straight on; later small steps belong to it."""

    set_goal: GoalSpec = Field(description="The goal to save.")
    say: str | None = Field(None, description="What the app says once the goal is saved.")


RecordKind = Literal["interest", "connection", "note", "barrier", "solution", "small_step", "checkin", "rating", "wellbeing",
                     "group", "goal_levels", "step_done", "step_change", "goal_status", "gas_score"]
# The four ONS personal wellbeing questions, by the names their answers are kept under (records.model has the same).
WellbeingQuestion = Literal["life_satisfaction", "worthwhile", "happy", "anxious"]


class RecordSpec(_Frozen):
    """Something to keep in the person's record; `text` and the other strings may use earlier answers."""

    kind: RecordKind
    text: str = Field("", description="The words to keep, usually an earlier answer like '{hobby}'.")
    when: Literal["past", "present", "wish"] | None = Field(None, description="For an interest.")
    connection: Literal["person", "group", "place"] | None = Field(None, description="For a connection.")
    owner: str | None = Field(None, description="Small step: person, worker or someone_else. Barrier: person or service. May be an earlier answer.")
    private: bool = Field(False, description="For a note: true keeps it for the worker only.")
    remind_on: str = Field("", description="For a note: a date to be reminded, usually an earlier answer.")
    part_of: Literal["none", "first", "last"] = Field(
        "none", description="For a barrier: 'first' makes it a part of the whole barrier named first; 'last' a part of the barrier recorded last."
    )
    realistic: str | bool = Field(True, description="For a solution: true/false, or an earlier yes/no answer.")
    goal: Literal["last", "given"] = Field(
        "last", description=(
            "Small step, check-in, barrier, goal levels, goal status or GAS score: the goal set last in this session, or "
            "the goal given (the one being gone through with for_each, or picked from choose_from: goals)."
        ),
    )
    from_solution: bool = Field(False, description="Small step: it carries out the solution recorded last (a barrier's).")
    owner_name: str = Field("", description="Small step: the name of the 'someone else' who does it.")
    asset_id: str = Field("", description="Group: its id in the directory, usually '{chosen_asset_id}'.")
    first_visit: str = Field("", description="Group: how the person will go the first time.")
    baseline: str = Field("-1", description="Goal levels: where the person starts, -1 (or -2 when it cannot get worse).")
    much_less: str = Field("", description="Goal levels: the words for -2, much less than expected.")
    somewhat_less: str = Field("", description="Goal levels: the words for -1, somewhat less than expected.")
    expected: str = Field("", description="Goal levels: the words for 0, the expected outcome.")
    somewhat_more: str = Field("", description="Goal levels: the words for +1, somewhat more than expected.")
    much_more: str = Field("", description="Goal levels: the words for +2, much more than expected.")
    step: str = Field("", description="Step done or changed: the id of the small step, usually '{goal_next_step_id}'.")
    status: str = Field("", description="Goal status: achieved, paused, stopped or active (reopened); may be an earlier answer.")
    reason: str = Field("", description="Goal status: why it is paused or stopped.")
    until: str = Field("", description="Goal status: until when a pause lasts (an earlier date answer).")
    level: str = Field("", description="GAS score: the goal's level at this review, -2 to 2 (an earlier answer).")
    note: str = Field("", description="Check-in: a note, such as what got in the way of a missed week.")
    attended: str | bool | None = Field(
        None, description="For a check-in: an earlier answer: yes (went), no (missed) or paused (away or unwell)."
    )
    value: str = Field("", description="For a check-in: the value reached.")
    feeling: str = Field("", description="For a check-in: how it felt.")
    topic: str = Field("", description="For a rating: what is being rated (fixed words: the outcomes report counts them).")
    score: str = Field("", description="For a rating: an earlier number answer, 1 to 5. For wellbeing: 0 to 10.")
    question: WellbeingQuestion | None = Field(None, description="For wellbeing: which ONS question was answered.")

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> RecordSpec:
        if self.kind == "interest" and self.when is None:
            raise ValueError("an interest needs 'when': past, present or wish")
        if self.kind in {"interest", "connection", "note", "barrier", "solution", "small_step", "group", "step_change"} and not self.text:
            raise ValueError(f"a {self.kind} needs 'text'")
        needs = {"step_done": "step", "step_change": "step", "goal_status": "status", "gas_score": "level"}
        if self.kind in needs and not getattr(self, needs[self.kind]):
            raise ValueError(f"a {self.kind} needs '{needs[self.kind]}'")
        if self.kind == "rating" and not (self.topic and self.score):
            raise ValueError("a rating needs 'topic' and 'score'")
        if self.kind == "wellbeing" and not (self.question and self.score):
            raise ValueError("a wellbeing answer needs 'question' and 'score'")
        if "{" in self.topic:  # topics are counted in the outcomes report, which must never hold a person's words
            raise ValueError("a rating's 'topic' is fixed words, never an earlier answer")
        return self


class RecordStep(_Continues):
    """Keeps something in the person's record and goes straight on."""

    record: RecordSpec = Field(description="What to keep in the person's record.")
    say: str | None = Field(None, description="What the app says once it is kept.")


class SetStep(_Continues):
    """Keeps words as answers (each may use earlier answers) and goes straight on; later steps use them by name."""

    answers: dict[str, str] = Field(
        alias="set", description="Answer names and the words to keep under each, like lvl_0: '{target_expected|5 km}'.",
    )
    say: str | None = Field(None, description="What the app says once they are kept.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _names_are_answer_names(self) -> SetStep:
        bad = [name for name in self.answers if not re.match(IDENTIFIER, name)]
        if bad:
            raise ValueError(f"answer names are lower case letters, digits and _: {', '.join(bad)}")
        return self


class Condition(_Frozen):
    """A test on an earlier answer; give exactly one of the comparisons."""

    answer: str = Field(pattern=IDENTIFIER, description="The earlier answer to look at.")
    equals: str | None = Field(None, description="The answer is exactly this (capitals and spaces around don't matter).")
    one_of: list[str] | None = Field(None, alias="in", description="The answer is one of these.")
    is_empty: bool | None = Field(None, description="true: the answer was skipped or left empty; false: it was given.")
    above: float | None = Field(None, description="The answer is a number bigger than this.")
    below: float | None = Field(None, description="The answer is a number smaller than this.")
    reaches: str | None = Field(
        None, pattern=IDENTIFIER,
        description="The answer reaches the amount in this other answer, in the same unit ('5.2 km' reaches 'run 5 km').",
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_comparison(self) -> Condition:
        given = [v for v in (self.equals, self.one_of, self.is_empty, self.above, self.below, self.reaches) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of: equals, in, is_empty, above, below, reaches")
        return self


class BranchCase(_Frozen):
    """One case of a branch: where to go when its condition holds."""

    when: Condition = Field(description="The test on an earlier answer.")
    next: str = Field(description="The step to go to when the test holds.")


class BranchStep(_Step):
    """Goes to the first case whose condition holds, otherwise to `otherwise`."""

    branch: list[BranchCase] = Field(min_length=1, description="The cases, tried in order; the first that holds decides.")
    otherwise: str = Field(description="The step to go to when no case holds.")


class CallStep(_Continues):
    """Runs another flow, then comes back and carries on here."""

    call: str = Field(pattern=IDENTIFIER, description="The id of the flow to run.")
    for_each: Literal["goals"] | None = Field(
        None, description=(
            "Run the flow once for each of the person's goals the session was given (none: not at all), with that "
            "goal's answers (goal_what, goal_kind, goal_next_step, ...) while it runs."
        ),
    )


class EndStep(_Step):
    """Ends this flow (or returns to the flow that called it)."""

    end: str | None = Field(description="What the app says at the end (may be empty).")


def _step_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True)
    if not isinstance(value, dict):
        return None
    for key in ("choose", "ask", "suggest_assets", "set_goal", "record", "set", "branch", "call", "end", "say"):
        if key in value:
            return key
    return None


Step = Annotated[
    Annotated[ChooseStep, Tag("choose")]
    | Annotated[AskStep, Tag("ask")]
    | Annotated[SuggestAssetsStep, Tag("suggest_assets")]
    | Annotated[SetGoalStep, Tag("set_goal")]
    | Annotated[RecordStep, Tag("record")]
    | Annotated[SetStep, Tag("set")]
    | Annotated[BranchStep, Tag("branch")]
    | Annotated[CallStep, Tag("call")]
    | Annotated[EndStep, Tag("end")]
    | Annotated[SayStep, Tag("say")],
    Discriminator(
        _step_kind,
        custom_error_type="step_kind",
        custom_error_message="a step needs one of: say, ask, choose, suggest_assets, set_goal, record, set, branch, call, end",
    ),
]


class Flow(_Frozen):
    """One conversation flow: a titled list of steps starting at `start`."""

    id: str = Field(pattern=IDENTIFIER, description="The flow's name, used by `call`; by convention the file name.")
    title: str = Field(description="A short title, shown as the part of the session ('finding groups').")
    audience: list[Audience] = Field(
        default_factory=lambda: list[Audience](["joint"]), description="Who may run it: joint (worker and person), self (the person alone), training."
    )
    description: str | None = Field(None, description="What this flow is for, for whoever edits it.")
    inputs: list[str] = Field(
        default_factory=list,
        description="Answers this flow expects to be given (by the session or an earlier flow), so its text may use them.",
    )
    start: str = Field(description="The id of the first step.")
    steps: list[Step] = Field(min_length=1, description="The steps, in reading order.")

    _by_id: dict[str, Any] = PrivateAttr(default_factory=dict)
    _order: dict[str, int] = PrivateAttr(default_factory=dict)

    def step(self, step_id: str) -> Any:
        """The step with this id."""
        return self._by_id[step_id]

    def has_step(self, step_id: str) -> bool:
        return step_id in self._by_id

    def step_after(self, step_id: str) -> str | None:
        """The id of the step written below `step_id`, if any."""
        index = self._order[step_id]
        return self.steps[index + 1].id if index + 1 < len(self.steps) else None

    def model_post_init(self, context: Any, /) -> None:
        self._by_id = {s.id: s for s in self.steps}
        self._order = {s.id: i for i, s in enumerate(self.steps)}


def answers_kept(step: Any) -> set[str]:
    """Every answer name a step keeps: its own answer, or the names a `set` step keeps."""
    if isinstance(step, SetStep):
        return set(step.answers)
    name = answer_name(step)
    return {name} if name else set()


def answer_name(step: Any) -> str | None:
    """The name an interactive step keeps its answer under."""
    if isinstance(step, (AskStep, ChooseStep, SuggestAssetsStep)):
        return step.answer or step.id
    return None


def flow_json_schema() -> dict[str, Any]:
    """The JSON Schema of a flow file, for editors that complete and check YAML."""
    schema = Flow.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "cpi-chat conversation flow",
    }
