"""Whatever people type, the readers of how often, amounts and schedules give an answer or None, never an error."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpi_chat.plan.html import render_plan_html
from cpi_chat.plan.plan import PlanView, build_plan
from cpi_chat.plan.schedule import parse_schedule
from cpi_chat.records import progress
from tests.plan.demo import TODAY

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

WORDS = st.text(alphabet=st.sampled_from(list("0123456789:.-, abcdefhikmnorstuwy")) | st.characters(), max_size=60)


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_reading_how_often_never_fails(text: str) -> None:
    frequency = progress.parse_how_often(text)
    assert frequency.period in ("week", "fortnight", "month") and frequency.times >= 1


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_reading_an_amount_never_fails(text: str) -> None:
    amount, _unit, minutes = progress.parse_amount(text)
    assert amount is None or amount >= 0
    assert minutes is None or minutes >= 0


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_reading_a_schedule_never_fails_and_gives_a_real_day(text: str) -> None:
    parsed = parse_schedule(text)
    if parsed is not None:
        assert parsed.weekdays and parsed.first_on_or_after(date(2026, 1, 1)).weekday() in parsed.weekdays


def _sentences(html: str) -> list[str]:
    body = re.sub(r"<style.*?</style>|<svg.*?</svg>|<title>.*?</title>", " ", html, flags=re.DOTALL)
    blocks = re.split(r"</?(?:p|li|h[1-6]|ul|section|figure|figcaption|main|body)\b[^>]*>", body)
    sentences = []
    for block in blocks:
        text = " ".join(re.sub(r"<[^>]+>", " ", block).split())
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return sentences


def test_the_words_of_an_empty_plan_are_short_sentences_without_capitals(db) -> None:
    from cpi_chat import records

    person = records.add_person(db, "Ana Lopes")
    html = render_plan_html(build_plan(db, person.id, today=TODAY))
    for sentence in _sentences(html):
        assert len(sentence.split()) <= 15, sentence
        assert not re.search(r"\b[A-Z]{4,}\b", sentence), sentence


def test_the_fixed_words_of_the_demo_plan_are_short_sentences(plan: PlanView) -> None:
    long_ones = [s for s in _sentences(render_plan_html(plan)) if len(s.split()) > 15]
    # only words copied from the asset directory may run longer (a group's own access details)
    assert all("Getting in:" in s or "Where:" in s for s in long_ones), long_ones
