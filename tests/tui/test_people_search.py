"""The people search finds the same people however it got there: typing on, backspacing, or searching afresh."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.tui.people_search import PAGE, PeopleSearch


def _everyone(names: list[str]) -> list[tuple[int, str]]:
    return [(n + 1, name) for n, name in enumerate(names)]


def _search(everyone: list[tuple[int, str]]) -> PeopleSearch[str]:
    names = dict(everyone)
    return PeopleSearch(everyone, lambda ids: {person_id: names[person_id] for person_id in ids})


def _fresh(everyone: list[tuple[int, str]], words: str, only: frozenset[int] | None) -> list[int]:
    return [n for n, (person_id, name) in enumerate(everyone) if words in name.lower() and (only is None or person_id in only)]


@given(names=st.lists(st.text(alphabet="abkwAé ", max_size=6), max_size=40),
       typed=st.lists(st.sampled_from(["a", "b", "k", "w", "é", " ", "back"]), max_size=12),
       only=st.none() | st.frozensets(st.integers(1, 40)))
def test_typing_and_backspacing_find_whom_a_fresh_search_finds(names: list[str], typed: list[str], only: frozenset[int] | None) -> None:
    everyone = _everyone(names)
    search = _search(everyone)
    words = ""
    for key in typed:
        words = words[:-1] if key == "back" else words + key
        assert search.matching(words, "part", only) == _fresh(everyone, words, only)


def test_a_part_of_the_caseload_that_changed_is_searched_afresh() -> None:
    search = _search(_everyone(["Ann Kay", "Bea Kay", "Cal Kay"]))
    assert search.matching("kay", "review", frozenset({1})) == [0]
    search.forget_searches()  # one more week without a meeting: Bea is due a review now too
    assert search.matching("kay", "review", frozenset({1, 2})) == [0, 1]


def test_the_person_picked_stays_listed_past_the_first_page_and_the_count_is_of_everyone_matching() -> None:
    search = _search(_everyone([f"Person {n:03d}" for n in range(PAGE + 30)]))
    shown, matching = search.to_show("person", None, None, keep=PAGE + 25)
    assert matching == PAGE + 30
    assert shown == [*range(1, PAGE + 1), PAGE + 25]


def test_each_persons_list_entry_is_made_once_and_only_when_shown() -> None:
    asked: list[list[int]] = []

    def entries(ids: list[int]) -> dict[int, str]:
        asked.append(ids)
        return {person_id: f"entry {person_id}" for person_id in ids if person_id != 2}  # 2 was removed meanwhile

    search = PeopleSearch(_everyone(["Ann Kay", "Bea Kay", "Cal Day"]), entries)
    for _ in range(3):
        shown, _ = search.to_show("kay", None, None)
        assert search.entries(shown) == [(1, "entry 1")]
    assert search.entries([3, 1]) == [(3, "entry 3"), (1, "entry 1")]
    assert asked == [[1, 2], [2], [2], [3]]
