"""The outcomes report's sections, each built from the figures with every count in words (see report.view)."""

from __future__ import annotations

from cpi_chat.plan.wellbeing import WELLBEING_LABELS
from cpi_chat.report.figures import Change, Figures
from cpi_chat.report.view import (
    CHANGE_COLUMNS,
    FIRST_AND_LATEST,
    ONS_ATTRIBUTION,
    SMALL,
    Bar,
    BarGroup,
    Chart,
    ReportView,
    Row,
    Section,
    Table,
    change_bars,
    change_cells,
    count_words,
    mean_words,
    share_words,
)
from cpi_chat.words import long_date


def all_sections(figures: Figures) -> tuple[Section, ...]:
    """Every section of the report, in the order a commissioner reads them."""
    return (people(figures), goals(figures), goal_scores(figures), going_regularly(figures), circles(figures),
            ratings(figures), wellbeing(figures), community_life(figures), directory_gaps(figures))


def _count_bar(label: str, count: int) -> Bar:
    return Bar(label, float(count) if count >= SMALL else None, count_words(count))


def people(figures: Figures) -> Section:
    return Section("people", "People and sessions", "Who was supported in the period, and how often they met.", rows=(
        Row("People supported (a session or a check-in in the period)", count_words(figures.people_supported)),
        Row("People who had their first meeting in the period", count_words(figures.people_started)),
        Row("Sessions together (worker and person)", count_words(figures.sessions_together)),
        Row("Check-ins on goals between meetings", count_words(figures.checkins)),
    ))


def goals(figures: Figures) -> Section:
    counts = (("Set", figures.goals_set), ("Achieved", figures.goals_achieved), ("Stopped", figures.goals_stopped))
    chart = Chart("Goals set, achieved and stopped in the period",
                  "Goals: " + "; ".join(f"{label.lower()} {count_words(n)}" for label, n in counts) + ".",
                  tuple(BarGroup(label, (_count_bar(label, n),)) for label, n in counts),
                  max([n for _, n in counts] + [1]))
    return Section("goals", "Goals", "Small goals agreed together: going somewhere regularly, or reaching something by a date.",
                   rows=(Row("Goals set", count_words(figures.goals_set)),
                         Row("Goals achieved", count_words(figures.goals_achieved)),
                         Row("Goals stopped (not for them, no blame)", count_words(figures.goals_stopped))),
                   chart=chart)


def goal_scores(figures: Figures) -> Section:
    heading, intro = "Goal Attainment Scaling", ("At each review every goal is scored on five agreed levels; a person's "
                                                "T-score of 50 means their goals were met as expected, above 50 better.")
    scores = figures.goal_scores
    if scores is None:
        return Section("goal-scores", heading, intro,
                       notes=("No goal was scored at a review in this period, so there are no T-scores to show yet.",))
    rows = (Row("People with a T-score", count_words(scores.people_scored)),
            Row("Average latest T-score", mean_words(scores.latest_sum, scores.people_scored)))
    table = Table("T-scores of people scored at least twice: first against latest", ("", *CHANGE_COLUMNS),
                  (("T-score", change_cells(scores.change)),))
    chart = Chart("Average T-score: first and latest", "Average T-score for people scored at least twice: first "
                  f"{mean_words(scores.change.first_sum, scores.change.people)}, latest "
                  f"{mean_words(scores.change.latest_sum, scores.change.people)}.",
                  (change_bars("T-score", scores.change),), 80, FIRST_AND_LATEST)
    return Section("goal-scores", heading, intro, rows=rows, table=table, chart=chart)


def going_regularly(figures: Figures) -> Section:
    a = figures.attendance
    bars = (_count_bar("Agreed", a.agreed), _count_bar("Went", a.attended))
    chart = Chart("Weeks went against weeks agreed", f"Of {count_words(a.agreed)} weeks agreed, people went in "
                  f"{count_words(a.attended)} ({share_words(a.attended, a.agreed)}).",
                  tuple(BarGroup(bar.label, (bar,)) for bar in bars), max(a.agreed, 1))
    return Section("going-regularly", "Going regularly", "For commitment goals (going somewhere every week, fortnight or "
                   "month): the weeks agreed while the goal was active, and the weeks the person went at least once. "
                   "Fortnights and months count as one each, as the goal was agreed.", rows=(
                       Row("Commitment goals active in the period", count_words(a.goals)),
                       Row("Weeks agreed (not counting weeks away or unwell)", count_words(a.agreed)),
                       Row("Weeks went", count_words(a.attended)),
                       Row("Share of weeks went", share_words(a.attended, a.agreed)),
                       Row("Weeks away or unwell (never counted as missed)", count_words(a.paused)),
                   ), chart=chart)


def circles(figures: Figures) -> Section:
    c = figures.circles
    first, now = (c.first_sum / c.people, c.now_sum / c.people) if c.people >= SMALL else (None, None)
    chart = Chart("Circles of support: first meeting and by the end of the period",
                  f"Average people, groups and places in someone's circles: {mean_words(c.first_sum, c.people)} at the "
                  f"first meeting, {mean_words(c.now_sum, c.people)} by the end of the period.",
                  (BarGroup("Circles", (Bar("First meeting", first, mean_words(c.first_sum, c.people), "outline"),
                                        Bar("Now", now, mean_words(c.now_sum, c.people), "hatched"))),),
                  max(first or 0, now or 0, 1), (("outline", "at the first meeting (average)"), ("hatched", "by the end of the period (average)")))
    return Section("circles", "Circles of support", "The people, groups and places in each person's life, as they named "
                   "them at their first meeting together and by the end of the period.", rows=(
                       Row("People supported with a first meeting on record", count_words(c.people)),
                       Row("Average at the first meeting", mean_words(c.first_sum, c.people)),
                       Row("Average by the end of the period", mean_words(c.now_sum, c.people)),
                       Row("People whose circles grew", count_words(c.grew)),
                   ), chart=chart)


def _changes_section(key: str, heading: str, intro: str, changes: dict[str, Change], labels: dict[str, str],
                     scale: float, notes: tuple[str, ...] = ()) -> Section:
    if not changes:
        return Section(key, heading, intro, notes=("Nothing was asked in this period.", *notes))
    named = [(labels.get(name, name), change) for name, change in changes.items()]
    table = Table(f"{heading}: each person's first answer against their latest", ("", *CHANGE_COLUMNS),
                  tuple((label, change_cells(change)) for label, change in named))
    groups = tuple(change_bars(label, change) for label, change in named)
    summary = "; ".join(f"{g.label}: first {g.bars[0].words}, latest {g.bars[1].words}" for g in groups) + "."
    chart = Chart(f"{heading}: first and latest averages", summary, groups, scale, FIRST_AND_LATEST)
    return Section(key, heading, intro, table=table, chart=chart, notes=notes)


def ratings(figures: Figures) -> Section:
    return _changes_section("ratings", "How things are going", "Three questions from 1 to 5, asked at the first session "
                            "and at reviews (written for cpi-chat): each person's first answer against their latest.",
                            dict(figures.ratings), {}, 5)


def wellbeing(figures: Figures) -> Section:
    return _changes_section("wellbeing", "Personal wellbeing (ONS4)", "The four ONS personal wellbeing questions, each "
                            "from 0 (not at all) to 10 (completely), asked at the first session and at reviews when the "
                            "person wished: each person's first answer against their latest.",
                            dict(figures.wellbeing), WELLBEING_LABELS, 10, (ONS_ATTRIBUTION,))


def community_life(figures: Figures) -> Section:
    joined = sorted(figures.domains_joined.items(), key=lambda item: -item[1])
    chart = Chart("People who went to a group, by domain of community life",
                  "People who went to a group: " + "; ".join(f"{d} {count_words(n)}" for d, n in joined) + ".",
                  tuple(BarGroup(domain, (_count_bar(domain, n),)) for domain, n in joined),
                  max([n for _, n in joined] + [1])) if joined else None
    return Section("community-life", "Community life people joined", "People who said they went at least once in the "
                   "period to a group from the directory, by its domain (one person may be counted in several).",
                   rows=tuple(Row(domain, count_words(n)) for domain, n in joined), chart=chart)


def _cell(listed: int, went: int) -> str:
    """A domain in an area in words, with a mark that needs no colour: \u2014 nothing, \u25cb nobody went, \u25cf people went."""
    if not listed:
        return "\u2014 nothing listed"
    if not went:
        return f"\u25cb {listed} listed, nobody went"
    return f"\u25cf {listed} listed, {count_words(went)} went"


def directory_gaps(figures: Figures) -> Section:
    areas = sorted({cell.area for cell in figures.directory})
    # The ten domains in their usual order (domains_joined keeps it), then any other the directory names.
    domains = list(dict.fromkeys([*figures.domains_joined, *(cell.domain for cell in figures.directory)]))
    cells = {(c.area, c.domain): (c.listed, c.people_went) for c in figures.directory}
    grid = Table("Domains of community life (rows) in each area (columns)", ("Domain", *areas),
                 tuple((domain, tuple(_cell(*cells.get((area, domain), (0, 0))) for area in areas)) for domain in domains))
    empty = [f"{domain} in {area}" for domain in domains for area in areas if not cells.get((area, domain), (0, 0))[0]]
    unused = [f"{domain} in {area}" for domain in domains for area in areas
              if cells.get((area, domain), (0, 0))[0] and not cells[(area, domain)][1]]
    if not areas:
        return Section("directory", "The directory's gaps", "The community directory has no groups in it, so there are no gaps to show.")
    notes = (f"Nothing listed ({len(empty)}): {'; '.join(empty)}." if empty else "Every domain has a group listed in every area.",
             f"Listed but nobody went ({len(unused)}): {'; '.join(unused)}." if unused else "In every area, someone went to a group listed in each domain that has one.")
    return Section("directory", "The directory's gaps", "Each domain of community life in each area: \u2014 nothing "
                   "listed; \u25cb groups listed but nobody went in the period; \u25cf people went (fewer than 5 hidden).",
                   table=grid, notes=notes)


def period_words(figures: Figures) -> str:
    """'1 April 2026 to 31 March 2027'."""
    return f"{long_date(figures.period_from)} to {long_date(figures.period_to)}"


def build_view(figures: Figures) -> ReportView:
    """The report as shown, from its figures: every count in words, small ones hidden."""
    files = "one worker's records" if figures.files == 1 else f"{figures.files} workers' records, added together"
    return ReportView(
        title="Connecting People: outcomes report",
        period=period_words(figures),
        source=f"Figures from {files}. No names, record numbers or anyone's words are in this report.",
        sections=all_sections(figures),
        notes=(
            ("Any count from 1 to 4 is shown as \u201cfewer than 5\u201d, so that nobody can be recognised. "
             "Where only one part of a total would be hidden, another part is \u201cnot shown\u201d as well, "
             "and averages over fewer than 5 people are not shown."),
            ONS_ATTRIBUTION,
        ),
    )
