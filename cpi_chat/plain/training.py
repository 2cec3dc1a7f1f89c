"""Training in plain mode: a scripted session played in lines, each turn with the worker's tip and what the person says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cpi_chat.plain.conversation import PlainConversation, PlainIO
from cpi_chat.session import Turn
from cpi_chat.training import TRAINING_BANNER
from cpi_chat.training.player import Player

STEP_KEYS = "Press Enter for the next turn, type take to carry on by hand, or quit to stop."


def turn_lines(turn: Turn, tip: str) -> list[str]:
    """The lines one turn shows in training: messages, the question, its choices or suggestions, and the tip."""
    reply = turn.reply
    lines: list[str] = [reply.notice] if reply.notice else []
    lines += list(reply.messages)
    prompt = reply.prompt
    if prompt is None:
        return lines + ["(The conversation has finished.)"]
    if prompt.problem:
        lines.append(prompt.problem)
    if prompt.help:
        lines.append(f"Help: {prompt.help}")
    lines.append(f"Question: {prompt.text}")
    if prompt.kind == "choose":
        lines += [f"  {n}. {option}" for n, option in enumerate(prompt.options, start=1)]
    elif prompt.kind == "suggest":
        if turn.search_note:
            lines.append(turn.search_note)
        for n, hit in enumerate(turn.suggestions, start=1):
            when = f", {hit.asset.schedule}" if hit.asset.schedule else ""
            lines.append(f"  {n}. {hit.asset.name} ({hit.asset.area}{when})")
    if tip:
        lines.append(f"Tip for the worker: {tip}")
    return lines


def play_plain(
    player: Player, io: PlainIO, step_mode: bool = False, sleep: Callable[[float], None] | None = None,
) -> str:
    """Play the script in lines until its end; returns 'finished', 'stopped' or how a taken-over session ended."""
    first_name = player.session.person.name.split()[0]
    io.write(f"{TRAINING_BANNER}: a scripted session with {player.session.person.name}.")
    if step_mode:
        io.write(STEP_KEYS)
    _show(player, io)
    while not player.done:
        if step_mode:
            line = io.read("> ")
            word = "quit" if line is None else line.strip().lower()
            if word in {"quit", "q", "exit", "stop"}:
                io.write(f"Stopped at turn {player.position} of {player.total}. {TRAINING_BANNER}: nothing is kept.")
                return "stopped"
            if word in {"take", "t"}:
                session = player.take_over()
                io.write(f"{TRAINING_BANNER}: you have taken over. Carry on by hand as {first_name} would.")
                # The training folder is deleted afterwards: the conversation must not offer to carry on later.
                ended = PlainConversation(session, replace(io, throwaway=True)).run(player.turn)
                io.write(f"{TRAINING_BANNER}: the training folder is deleted afterwards, so nothing is kept.")
                return ended
        elif sleep is not None and player.seconds_per_turn > 0:
            sleep(player.seconds_per_turn)
        io.write(f"{first_name}: {player.next_action}")
        player.step()
        _show(player, io)
    io.write("")
    io.write(f"End of the scripted session. {TRAINING_BANNER}: nothing here is kept.")
    return "finished"


def _show(player: Player, io: PlainIO) -> None:
    io.write("")
    io.write(f"[{TRAINING_BANNER} · turn {player.position + 1} of {player.total}]" if not player.finished else f"[{TRAINING_BANNER}]")
    for line in turn_lines(player.turn, player.tip):
        io.write(line)
