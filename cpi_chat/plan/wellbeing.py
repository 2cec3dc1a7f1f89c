"""The ONS personal wellbeing answers in words: last time, while the questions are asked, and today beside last time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cpi_chat.records.model import WELLBEING_QUESTIONS, WellbeingAnswer
from cpi_chat.words import day_of, long_date

# Short names for the four questions, for summaries and the outcomes report (the questions' own wording is in the flow).
WELLBEING_LABELS = {
    "life_satisfaction": "Satisfied with life nowadays",
    "worthwhile": "Things done in life are worthwhile",
    "happy": "Happy yesterday",
    "anxious": "Anxious yesterday (lower is better)",
}
LOWER_IS_BETTER = frozenset({"anxious"})


def _by_day(answers: Iterable[WellbeingAnswer]) -> dict[str, dict[str, int]]:
    days: dict[str, dict[str, int]] = {}
    for answer in sorted(answers, key=lambda a: (a.date, a.id)):
        days.setdefault(answer.date[:10], {})[answer.question] = answer.score
    return days


def last_time_context(answers: Iterable[WellbeingAnswer], today: date) -> dict[str, str]:
    """What the wellbeing flow says about the last time before today: one sentence, and 'Last time: 6.' per question."""
    earlier = {day: scores for day, scores in _by_day(answers).items() if day < today.isoformat()}
    context = {"wellbeing_last_time": "", **{f"last_{q}": "" for q in WELLBEING_QUESTIONS}}
    if not earlier:
        return context
    day = max(earlier)
    scores = earlier[day]
    when = day_of(day)
    said = ", ".join(f"{WELLBEING_LABELS[q].split(' (')[0].lower()} {scores[q]}" for q in WELLBEING_QUESTIONS if q in scores)
    context["wellbeing_last_time"] = f"Last time, on {long_date(when) if when else day}, the answers were: {said} (out of 10)."
    context.update({f"last_{q}": f"Last time: {scores[q]}." for q in scores})
    return context


def today_beside_last_time(answers: Iterable[WellbeingAnswer], today: date) -> list[str]:
    """Each question answered today beside the time before, in words that never rely on arrows or colour; [] if none today."""
    days = _by_day(answers)
    now = days.get(today.isoformat())
    if not now:
        return []
    before = [scores for day, scores in days.items() if day < today.isoformat()]
    lines = ["Wellbeing (ONS questions, 0 to 10):"]
    for question in WELLBEING_QUESTIONS:
        if question not in now:
            continue
        earlier = next((scores[question] for scores in reversed(before) if question in scores), None)
        lines.append(f"  {WELLBEING_LABELS[question]}: {now[question]}. {_compared(question, now[question], earlier)}")
    return lines


def _compared(question: str, score: int, earlier: int | None) -> str:
    if earlier is None:
        return "This is the first time."
    if score == earlier:
        return "The same as last time."
    better = (score < earlier) if question in LOWER_IS_BETTER else (score > earlier)
    return f"Better than last time ({earlier})." if better else f"Last time it was {earlier}."
