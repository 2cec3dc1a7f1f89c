"""Walk every key and palette command of every screen a person alone can reach, checking where each one leads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from tui_driving import type_text

from cpi_chat.tui.app import CpiChatApp

Step = tuple[str, str]  # ("key", "ctrl+g"), ("command", "How it's going") or ("type", "Dan Mercer")
Check = Callable[[CpiChatApp, str], list[str]]  # (app, what was just done) -> problems seen
Start = Callable[[], Awaitable[tuple[CpiChatApp, Pilot, Any]]]  # a fresh app: (app, pilot, its run_test context)


@dataclass
class Walk:
    """What a walk found: each screen reached (by class name) and the path to it, the commands offered, and problems."""

    paths: dict[str, list[Step]] = field(default_factory=dict)
    tried: dict[str, list[Step]] = field(default_factory=dict)
    commands: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    app_wide: set[str] = field(default_factory=set)  # the app's own keys and commands are the same everywhere: walked once


async def offered_commands(pilot: Pilot) -> dict[str, Callable[[], Any]]:
    """Open the command palette, read the commands it offers (title: what it runs), and close it again."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    listing = palette.query_one(CommandList)
    for _ in range(50):  # the commands are gathered in the background
        await pilot.pause(0.01)
        if listing.option_count:
            break
    offered = {str(option.prompt).split("\n")[0]: option.hit.command
               for option in (listing.get_option_at_index(i) for i in range(listing.option_count))}
    await pilot.press("escape")
    return offered


async def do_step(pilot: Pilot, step: Step) -> None:
    """Type words, press a key, or run a command the palette offers now (as picking it there would)."""
    kind, what = step
    if kind == "type":
        await type_text(pilot, what)
    elif kind == "key":
        await pilot.press(what)
    else:
        command = (await offered_commands(pilot)).get(what)
        if command is not None:  # not offered at this moment (Skip on a question that cannot be skipped)
            pilot.app.call_later(command)
            await pilot.pause()
    await pilot.pause()


async def walk_rooms(start: Start, check: Check, rooms: set[str], seeds: list[list[Step]], limit: int = 12) -> Walk:
    """From each seed path, try every key bound and every palette command on each screen reached.

    Leaving the app is recorded, not done, so a walk needs few fresh apps. After each step every screen on the
    stack must be one of `rooms`, and `check` looks at what is on screen.
    """
    walk = Walk()
    queue = list(seeds)
    while queue and len(walk.paths) < limit:
        await _explore(start, queue.pop(0), check, rooms, walk, queue)
    return walk


async def _fresh(start: Start, path: list[Step]) -> tuple[CpiChatApp, Pilot, Any]:
    app, pilot, runner = await start()
    app.exit = lambda *args, **kwargs: None  # type: ignore[method-assign]  # leaving is allowed: stay and walk on
    for step in path:
        await do_step(pilot, step)
    return app, pilot, runner


async def _explore(start: Start, path: list[Step], check: Check, rooms: set[str], walk: Walk, queue: list[list[Step]]) -> None:
    app, pilot, runner = await _fresh(start, path)
    try:
        origin = app.screen
        name = type(origin).__name__
        if name in walk.paths:
            return
        walk.paths[name] = path
        offered = await offered_commands(pilot)
        walk.commands[name] = list(offered)
        steps: list[Step] = []
        for key, active in sorted(origin.active_bindings.items()):
            if key != "ctrl+p" and not _textual_widget(active.node) and _first_time(walk, app, active.node, f"key {key}"):
                steps.append(("key", key))
        for title, command in offered.items():
            if _first_time(walk, app, _runs_on(command), f"command {title}"):
                steps.append(("command", title))
        walk.tried[name] = steps
        for step in steps:
            if origin not in app.screen_stack:  # the step before went back past this screen
                await runner.__aexit__(None, None, None)
                app, pilot, runner = await _fresh(start, path)
                origin = app.screen
            await do_step(pilot, step)
            done = f"{step[1]!r} on {name}"
            walk.problems.extend(f"{done} reached {type(s).__name__}" for s in app.screen_stack
                                 if type(s).__name__ not in rooms and not _textual_base(s))
            walk.problems.extend(check(app, done))
            top = type(app.screen).__name__
            if top not in walk.paths and top in rooms and top != "CommandPalette":
                queue.append([*path, step])
            while origin in app.screen_stack and app.screen is not origin:
                app.pop_screen()
                await pilot.pause()
    finally:
        await runner.__aexit__(None, None, None)


def _first_time(walk: Walk, app: CpiChatApp, node: object, what: str) -> bool:
    if node is not app:
        return True
    if what in walk.app_wide:
        return False
    walk.app_wide.add(what)
    return True


def _runs_on(command: Callable[[], Any]) -> object:
    """What a palette command acts on: the app or a screen (our commands are partials naming it; Textual's are app methods)."""
    args = getattr(command, "args", ())
    return args[1] if len(args) > 1 else getattr(command, "__self__", None)


def _textual_widget(node: object) -> bool:
    """A widget of Textual's own (an input's editing keys, a list's arrows): its keys only move or edit, so are not walked."""
    return type(node).__module__.startswith("textual.") and not isinstance(node, (Screen, CpiChatApp))


def _textual_base(screen: Screen) -> bool:
    return type(screen).__module__.startswith("textual.") and type(screen).__name__ == "Screen"
