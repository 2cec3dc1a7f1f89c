"""The lists a conversation keeps as it goes: the groups chosen and the goals in view, each item a few answers.

Both are kept among the answers (as JSON, under names a flow cannot write), so going back a
question puts them back as they were, and they are saved with the rest of the conversation.
A session may start them off: groups chosen in earlier sessions, the person's goals for a review.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

GROUPS = "_groups"  # each: chosen_asset, chosen_asset_id, first_visit
GOALS = "_goals"  # each: goal_what, goal_kind, goal_id (a saved goal) or goal_key (set in this session), ...
LIST_KEYS = {"groups": GROUPS, "goals": GOALS}
ITEM_ANSWERS = {"groups": ("chosen_asset", "chosen_asset_id", "first_visit"),
                "goals": ("goal_what", "goal_kind", "goal_id", "goal_key")}

Item = dict[str, str]


def read_list(values: Mapping[str, str], key: str) -> list[Item]:
    """The items of one list ([] when there are none, or the saved words cannot be read)."""
    try:
        items = json.loads(values.get(key) or "[]")
    except ValueError:
        return []
    return [{str(k): str(v) for k, v in item.items()} for item in items if isinstance(item, dict)]


def with_item(values: Mapping[str, str], key: str, item: Item) -> str:
    """The list with one more item, as it is kept."""
    return json.dumps([*read_list(values, key), item], ensure_ascii=False, separators=(",", ":"))


def _made_into_goals(values: Mapping[str, str]) -> tuple[set[str], set[str]]:
    goals = read_list(values, GOALS)
    return ({g.get("goal_asset_id", "") for g in goals} - {""},
            {g.get("goal_what", "").casefold() for g in goals})


def groups_left(values: Mapping[str, str]) -> list[Item]:
    """The groups chosen that no goal is made from yet, once each, in the order chosen."""
    ids, whats = _made_into_goals(values)
    left: dict[str, Item] = {}
    for group in read_list(values, GROUPS):
        asset_id, name = group.get("chosen_asset_id", ""), group.get("chosen_asset", "")
        if (asset_id and asset_id in ids) or name.casefold() in whats or not name:
            continue
        left[asset_id or name.casefold()] = group  # chosen twice: the later words count
    return list(left.values())


def items_of(values: Mapping[str, str], list_name: str) -> list[Item]:
    """The items a `choose_from` or `for_each` offers: groups not yet goals, or every goal in view."""
    return groups_left(values) if list_name == "groups" else read_list(values, GOALS)


def label_of(list_name: str, item: Item) -> str:
    """What an item's quick reply says: the group's name, or what the goal is."""
    return item.get("chosen_asset" if list_name == "groups" else "goal_what", "")


def in_words(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def computed_answers(values: Mapping[str, str]) -> dict[str, str]:
    """Answers worked out from the lists, for flows to say and branch on.

    groups_left (their names in words), groups_left_count, goals_count, and goal_set_what,
    goal_set_kind and goal_set_how_often for the goal set last in this session.
    """
    left = groups_left(values)
    goals = read_list(values, GOALS)
    last_set = next((g for g in reversed(goals) if g.get("goal_key")), {})
    return {
        "groups_left": in_words([g.get("chosen_asset", "") for g in left]),
        "groups_left_count": str(len(left)),
        "goals_count": str(len(goals)),
        "goal_set_what": last_set.get("goal_what", ""),
        "goal_set_kind": last_set.get("goal_kind", ""),
        "goal_set_how_often": last_set.get("goal_how_often", ""),
    }


COMPUTED_NAMES = frozenset(computed_answers({}))
