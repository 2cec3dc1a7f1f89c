"""The case-study transcript as the lines a worker would type in plain mode (shared by the session and hardening tests)."""

from __future__ import annotations

import yaml

from cpi_chat.paths import shipped_flows_dir

CASE_STUDY = shipped_flows_dir() / "transcripts" / "joint_kickboxing_and_5k.yaml"


def case_study_lines() -> list[str]:
    """Each turn of the case study as the line typed for it: the answer, the reply's number, 1 for a group, or skip."""
    lines = []
    for turn in yaml.safe_load(CASE_STUDY.read_text())["turns"]:
        if "answer" in turn:
            lines.append(turn["answer"])
        elif "choose" in turn:
            lines.append(str(turn["choose"]))
        elif "pick_asset" in turn:
            lines.append("1")
        elif turn.get("skip"):
            lines.append("skip")
    return lines
