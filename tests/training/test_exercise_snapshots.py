"""Snapshots of the two team exercises as a trainer sees them: each docstring says what should be on screen."""

from __future__ import annotations

from cpi_chat.workspace import Workspace
from tests.training.exercise_driving import barriers_app, mapping_app, type_line

AREAS = ["Riverside", "Kelderby", "Northgate"]


async def three_assets_and_a_slip(pilot) -> None:  # type: ignore[no-untyped-def]
    await type_line(pilot, "Parkrun; sport; Riverside; Saturdays 9am, free")
    await type_line(pilot, "Farming Friends; 7; kel; monthly lunch")
    await type_line(pilot, "Mosque open day; relig; north")
    await type_line(pilot, "Swim club; swimming; Riverside")


async def a_barrier_split_and_solved(pilot) -> None:  # type: ignore[no-untyped-def]
    for answer in ["getting there, with one bus a day and my eyes", "person",
                   "only one bus a day; I can't read the timetable", "one", "one",
                   "the community car on Tuesdays; her worker drives her the first time",
                   "a large-print timetable", "yes", "yes"]:
        await type_line(pilot, answer)


class TestMapping:
    def test_the_grid_shows_counts_gaps_in_words_and_a_kind_message(self, snap_compare, bare_workspace: Workspace) -> None:
        """Header 'Training — fictional people — Mapping community assets'; ten numbered domains by three areas, '1' in
        three cells and '— gap' in the rest; the Mosque open day listed under the cell; 'Gaps' in sentences; the slip
        ('swimming') kept on the Add line with a message saying how to type a domain; F2, F3, F4, F7 in the footer."""
        assert snap_compare(mapping_app(bare_workspace, areas=AREAS), terminal_size=(100, 30),
                            run_before=three_assets_and_a_slip)

    def test_at_60_by_20_the_whole_grid_the_add_line_and_the_keys_still_show(self, snap_compare, bare_workspace: Workspace) -> None:
        """At 60x20 all ten domains and three areas fit, the cell list is under the grid, the Add line and every
        exercise key (F1, Esc, F2, F3, F4, F7) are on screen."""
        assert snap_compare(mapping_app(bare_workspace, areas=AREAS), terminal_size=(60, 20),
                            run_before=three_assets_and_a_slip)

    def test_high_contrast_shows_the_grid_in_black_white_and_yellow(self, snap_compare, bare_workspace: Workspace) -> None:
        """F5: white text on black, the grid's cursor and the keys in yellow, gaps still written '— gap'."""

        async def contrast(pilot) -> None:  # type: ignore[no-untyped-def]
            await three_assets_and_a_slip(pilot)
            await pilot.press("f5")
            await pilot.pause()
            pilot.app.clear_notifications()

        assert snap_compare(mapping_app(bare_workspace, areas=AREAS), terminal_size=(80, 24), run_before=contrast)


class TestBarriers:
    def test_the_chart_grows_beside_the_questions(self, snap_compare, bare_workspace: Workspace) -> None:
        """'step 5 of 5: realistic or not'; the question about the large-print timetable on the left; on the right
        'The chart': the barrier (the person's), its two parts each '(one problem)', their solutions marked
        'Solution, realistic' or 'Solution, not decided yet' in words, and '▶' at the one being asked about."""
        assert snap_compare(barriers_app(bare_workspace), terminal_size=(100, 30), run_before=a_barrier_split_and_solved)

    def test_at_60_by_20_the_chart_goes_under_the_questions(self, snap_compare, bare_workspace: Workspace) -> None:
        """At 60x20 the question and Answer line are on top, the chart below, and F1, Esc, F3 and F4 in the footer."""
        assert snap_compare(barriers_app(bare_workspace), terminal_size=(60, 20), run_before=a_barrier_split_and_solved)
