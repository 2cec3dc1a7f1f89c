"""The people search finds the same people however it got there: typing on, backspacing, or searching afresh."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.records.model import CommunicationNeeds, PersonSummary
from cpi_chat.tui.people_search import PAGE, PeopleSearch


def _everyone(names: list[str]) -> tuple[PersonSummary, ...]:
    return tuple(PersonSummary(id=n + 1, name=name, needs=CommunicationNeeds(), active_goals=(), last_session=None) for n, name in enumerate(names))


def _fresh(everyone: tuple[PersonSummary, ...], words: str, only: frozenset[int] | None) -> list[int]:
    return [n for n, p in enumerate(everyone) if words in p.name.lower() and (only is None or p.id in only)]


@given(names=st.lists(st.text(alphabet="abkwAé ", max_size=6), max_size=40),
       typed=st.lists(st.sampled_from(["a", "b", "k", "w", "é", " ", "back"]), max_size=12),
       only=st.none() | st.frozensets(st.integers(1, 40)))
def test_typing_and_backspacing_find_whom_a_fresh_search_finds(names: list[str], typed: list[str], only: frozenset[int] | None) -> None:
    everyone = _everyone(names)
    search = PeopleSearch(everyone, lambda person: person.name)
    words = ""
    for key in typed:
        words = words[:-1] if key == "back" else words + key
        assert search.matching(words, "part", only) == _fresh(everyone, words, only)


def test_a_part_of_the_caseload_that_changed_is_searched_afresh() -> None:
    everyone = _everyone(["Ann Kay", "Bea Kay", "Cal Kay"])
    search = PeopleSearch(everyone, lambda person: person.name)
    assert search.matching("kay", "review", frozenset({1})) == [0]
    search.forget_searches()  # one more week without a meeting: Bea is due a review now too
    assert search.matching("kay", "review", frozenset({1, 2})) == [0, 1]


def test_the_person_picked_stays_listed_past_the_first_page_and_the_count_is_of_everyone_matching() -> None:
    everyone = _everyone([f"Person {n:03d}" for n in range(PAGE + 30)])
    search = PeopleSearch(everyone, lambda person: person.name)
    shown, matching = search.to_show("person", None, None, keep=PAGE + 25)
    assert matching == PAGE + 30
    assert [p.id for p in shown] == [*range(1, PAGE + 1), PAGE + 25]


def test_each_persons_list_entry_is_made_once() -> None:
    made: list[int] = []

    def entry(person: PersonSummary) -> str:
        made.append(person.id)
        return person.name

    search = PeopleSearch(_everyone(["Ann Kay", "Bea Kay"]), entry)
    for _ in range(3):
        shown, _ = search.to_show("kay", None, None)
        assert [search.entry(p) for p in shown] == ["Ann Kay", "Bea Kay"]
    assert made == [1, 2]
