"""`cpi-chat goals done|pause|stop|reopen|levels|score|scores` and `cpi-chat step tick|add|change`: the journey between sessions."""

from __future__ import annotations

import click

from cpi_chat.actions import attainment, checkins, people, steps
from cpi_chat.actions import goals as goal_actions
from cpi_chat.cli.common import echo, pass_paths
from cpi_chat.cli.goals import goals
from cpi_chat.paths import Paths
from cpi_chat.workspace import Workspace

OWNERS = {"person": "person", "worker": "worker", "someone-else": "someone_else"}
LEVEL_OPTIONS = (("much-less", "much_less", -2), ("somewhat-less", "somewhat_less", -1), ("expected", "expected", 0),
                 ("somewhat-more", "somewhat_more", 1), ("much-more", "much_more", 2))


# --- a goal's status ----------------------------------------------------------------------------


@goals.command("done")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@pass_paths
def goals_done(paths: Paths, who: str, goal_id: int) -> None:
    """Mark a goal done: it moves to 'What I've done' in the plan and stays there."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        goal = goal_actions.achieve_goal(workspace, found.id, goal_id)
    echo(f"Well done! Goal {goal.id} ({goal.what}) is marked done and kept in 'What I've done'.")


@goals.command("pause")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@click.option("--why", default="", help="Why, in the person's words (a holiday, unwell, a busy month).")
@click.option("--until", "until", metavar="DATE", default="", help="Until when (2027-03-31 or 31/03/2027); none if not known.")
@pass_paths
def goals_pause(paths: Paths, who: str, goal_id: int, why: str, until: str) -> None:
    """Put a goal on hold: weeks on hold are never counted as missed."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        goal = goal_actions.pause_goal(workspace, found.id, goal_id, why=why, until=until)
    echo(f"Goal {goal.id} ({goal.what}) is on hold" + (f" until {goal.paused_until}" if goal.paused_until else "") + ".")


@goals.command("stop")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@click.option("--why", default="", help="Why it is not for them, in the person's words (no blame).")
@pass_paths
def goals_stop(paths: Paths, who: str, goal_id: int, why: str) -> None:
    """Stop a goal that is not for the person; it is kept, and can be reopened."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        goal = goal_actions.stop_goal(workspace, found.id, goal_id, why=why)
    echo(f"Goal {goal.id} ({goal.what}) is stopped. It is kept, and `cpi-chat goals reopen` starts it again.")


@goals.command("reopen")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@pass_paths
def goals_reopen(paths: Paths, who: str, goal_id: int) -> None:
    """Work on a goal again after it was done, on hold or stopped."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        goal = goal_actions.reopen_goal(workspace, found.id, goal_id)
    echo(f"Goal {goal.id} ({goal.what}) is being worked on again.")


# --- Goal Attainment Scaling --------------------------------------------------------------------


def level_options(command):  # type: ignore[no-untyped-def]
    """Add an option for the words of each of a goal's five levels."""
    for option, field, level in reversed(LEVEL_OPTIONS):
        sign = f"+{level}" if level > 0 else str(level)
        command = click.option(f"--{option}", field, default=None, help=f"The words for level {sign}.")(command)
    return command


@goals.command("levels")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@level_options
@click.option("--starts-at", type=click.Choice(["-2", "-1"]), default=None,
              help="The level the person starts from (-2 for something new, -1 when part-way there).")
@pass_paths
def goals_levels(paths: Paths, who: str, goal_id: int, starts_at: str | None, **words: str | None) -> None:
    """Show a goal's five levels, -2 to +2; with any --much-less ... --much-more, agree new words for them."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        checkins.their_goal(workspace, found.id, goal_id)
        given = {field: text for field, text in words.items() if text is not None}
        if given or starts_at is not None:
            now = {level.level: level for level in attainment.goal_levels(workspace, goal_id)}
            agreed = {field: given.get(field, now[level].words) for _, field, level in LEVEL_OPTIONS}
            baseline = int(starts_at) if starts_at else next((n for n, lv in now.items() if lv.baseline), -1)
            levels = attainment.agree_levels(workspace, found.id, goal_id, baseline, **agreed)
        else:
            levels = attainment.goal_levels(workspace, goal_id, found.needs.easy_read)
    for level in levels:
        sign = f"+{level.level}" if level.level > 0 else f"{level.level}"
        echo(f"{sign:>3}  {level.name}: {level.words}" + ("  (where it started)" if level.baseline else ""))


def parse_scores(given: tuple[str, ...]) -> dict[int, int]:
    """'12=+1' pairs typed as --goal options, as goal id to level; a usage error names the one that is not."""
    levels: dict[int, int] = {}
    for pair in given:
        goal_id, _, level = pair.partition("=")
        try:
            levels[int(goal_id)] = int(level)
        except ValueError:
            raise click.UsageError(f"Give each goal as GOAL_ID=LEVEL, for example 3=+1, not {pair!r}.") from None
        if levels[int(goal_id)] not in (-2, -1, 0, 1, 2):
            raise click.UsageError(f"A goal is scored -2, -1, 0, +1 or +2, not {level!r}.")
    return levels


@goals.command("score")
@click.argument("who", metavar="PERSON")
@click.option("--goal", "given", multiple=True, required=True, metavar="GOAL_ID=LEVEL",
              help="A goal and its level at this review, -2 (much less than expected) to +2 (much more); once per goal.")
@pass_paths
def goals_score(paths: Paths, who: str, given: tuple[str, ...]) -> None:
    """Score goals at a review held today: one review, with the person's T-score across the goals kept."""
    levels = parse_scores(given)
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        review = attainment.score_goals(workspace, found.id, levels)
    echo(f"Scored {review.goals} goal{'s' if review.goals != 1 else ''} for {found.name}: "
         f"T-score {review.t_score:.0f} (50 is as expected).")


@goals.command("scores")
@click.argument("who", metavar="PERSON")
@pass_paths
def goals_scores(paths: Paths, who: str) -> None:
    """The person's T-score at each review over time, with each goal's level."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        lines = attainment.t_scores_in_words(workspace, found.id)
    echo("\n".join(lines) if lines else f"No goals of {found.name}'s have been scored at a review yet.")


# --- small steps --------------------------------------------------------------------------------


@click.group()
def step() -> None:
    """Tick, add or change a person's small steps (`cpi-chat goals list` shows their ids)."""


@step.command("tick")
@click.argument("who", metavar="PERSON")
@click.argument("step_id", type=int)
@click.option("--undo", is_flag=True, help="Take the tick back (ticked by mistake).")
@pass_paths
def step_tick(paths: Paths, who: str, step_id: int, undo: bool) -> None:
    """Tick a small step done today (or take the tick back with --undo)."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        ticked = steps.tick_step(workspace, found.id, step_id, done=not undo)
    echo(f"Taken back: '{ticked.text}' is not ticked now." if undo else f"Ticked: '{ticked.text}'. Well done!")


@step.command("add")
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@click.argument("text")
@click.option("--owner", type=click.Choice(sorted(OWNERS)), default="person", show_default=True, help="Whose step it is.")
@click.option("--name", "owner_name", default="", help="Who the someone else is, for --owner someone-else.")
@pass_paths
def step_add(paths: Paths, who: str, goal_id: int, text: str, owner: str, owner_name: str) -> None:
    """Add a small step at the end of a goal's list."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        added = steps.add_step(workspace, found.id, goal_id, text, OWNERS[owner], owner_name)  # type: ignore[arg-type]
    echo(f"Added step {added.id} to goal {goal_id}: {added.text}.")


@step.command("change")
@click.argument("who", metavar="PERSON")
@click.argument("step_id", type=int)
@click.argument("text")
@pass_paths
def step_change(paths: Paths, who: str, step_id: int, text: str) -> None:
    """Say a small step in new words (its tick and its place stay)."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        changed = steps.change_step(workspace, found.id, step_id, text)
    echo(f"Step {changed.id} is now: {changed.text}.")


COMMANDS: list[click.Command] = [step]  # the `goals` commands join the existing group when this module is imported
